/**
 * « Aller plus loin » references (src/parse/index.ts): one reference per printed item, whatever
 * column or page break cut it. Each rule on a few invented blocks.
 */
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../src/parse/index.js';
import { splitRubriques } from '../../src/parse/rubriques.js';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import type { Block } from '../../src/types.js';
import { alike, block, placed } from '../helpers/blocks.js';

/** The references a project page holding these blocks under « POUR ALLER PLUS LOIN » gives. */
function referencesOf(items: readonly Block[]): string[] {
  const blocks = [
    alike(['PROJET 18'], 1, true, 50),
    alike(['ACCÉLÉRATION DU DÉVELOPPEMENT ÉCONOMIQUE'], 1.6, true, 50),
    alike(['CONTEXTE'], 1, true, 50),
    alike(['La Région soutient l’innovation des entreprises.'], 1, false, 50),
    alike(['POUR ALLER PLUS LOIN'], 1, true, 50),
    ...items,
  ];
  return parseProject({ numero: 18, section: '', heading: blocks[0]!, blocks: blocks.slice(1) }).allerPlusLoin.map((reference) => reference.texte);
}

describe('a reference cut by a column or page break', () => {
  it('goes on after a short word in lower case, even when the next block opens on a capital', () => {
    const references = referencesOf([
      alike(['Le stage a été effectué sur un sujet d’actualités. Il est à noter que la vocation même du'], 0.89, false, 50),
      alike(['Hub Recherche a été inspirée par un chef d’entreprise.'], 0.89, false, 51),
      alike(['Stratégie touristique Alsace 2017-2021'], 0.89, false, 51),
    ]);
    expect(references).toEqual([
      'Le stage a été effectué sur un sujet d’actualités. Il est à noter que la vocation même du Hub Recherche a été inspirée par un chef d’entreprise.',
      'Stratégie touristique Alsace 2017-2021',
    ]);
  });

  it('goes on after a word cut at a hyphen', () => {
    const references = referencesOf([alike(['Une immersion auprès de l’équipe du Haut-'], 0.89, false, 50), alike(['Koenigsbourg, rapport de stage, 2019'], 0.89, false, 51)]);
    expect(references).toEqual(['Une immersion auprès de l’équipe du Haut-Koenigsbourg, rapport de stage, 2019']);
  });

  it('does not go on after a short word where the type is unknown (converter text may run two references into each other)', () => {
    const references = referencesOf([block('Observatoire de la restauration collective durable, Guide de la'), block('Association des maires de Marne-et-Solvaire, www.maires-solvaire.fr')]);
    expect(references).toEqual(['Observatoire de la restauration collective durable, Guide de la', 'Association des maires de Marne-et-Solvaire, www.maires-solvaire.fr']);
  });

  it('ends on its web address, and a block opening on a capital after a longer word is a reference of its own', () => {
    const references = referencesOf([block('Publications de l’Union sociale pour l’habitat, www.union-habitat.org'), block('Rapport au Premier Ministre - mission Alsace Grand Est'), block('France eau publique')]);
    expect(references).toEqual(['Publications de l’Union sociale pour l’habitat, www.union-habitat.org', 'Rapport au Premier Ministre - mission Alsace Grand Est', 'France eau publique']);
  });
});

describe('a reference cut at a column or page break whose pieces each look whole (reference-cut-at-break)', () => {
  /** A reference set smaller on page 50, in page column `column` at height `y` (the next column's head is higher up). */
  const item = (text: string, column: number, y: number, page = 50): Block => placed(alike([text], 0.89, false, page), 48 + 173 * column, y, 130, 30, column);

  it('goes on at the next column’s head when that piece opens as no reference opens', () => {
    const references = referencesOf([
      item('Le plan partenarial de la gestion de la demande de logement social et d’information des demandeurs', 0, 500),
      item('(PPGID), adopté par la Métropole de LYON, pour la période 2018-2023', 1, 100),
      item('La convention intercommunale d’attribution (CIA), pour la période 2019-2024', 1, 140),
    ]);
    expect(references).toEqual([
      'Le plan partenarial de la gestion de la demande de logement social et d’information des demandeurs (PPGID), adopté par la Métropole de LYON, pour la période 2018-2023',
      'La convention intercommunale d’attribution (CIA), pour la période 2019-2024',
    ]);
  });

  it('goes on after a piece that stops where no reference stops (a comma, a range of years cut at its hyphen)', () => {
    const references = referencesOf([
      item('Changer les comportements, faire évoluer les pratiques sociales vers plus de durabilité. ADEME,', 0, 500),
      item('L’apport des sciences humaines et sociales pour comprendre et agir, 2016', 1, 100),
      item('Schéma départemental d’orientation pour la culture et le patrimoine 2018-', 1, 140),
      item('2021', 0, 60, 51),
    ]);
    expect(references).toEqual([
      'Changer les comportements, faire évoluer les pratiques sociales vers plus de durabilité. ADEME, L’apport des sciences humaines et sociales pour comprendre et agir, 2016',
      'Schéma départemental d’orientation pour la culture et le patrimoine 2018-2021',
    ]);
  });

  it('goes on at the next column’s head level with the first piece, alone at its own column’s head (next-column-head-level)', () => {
    const references = referencesOf([
      item('Le nouvel âge de la mobilité, Amar Georges, FYP éditions, 2011', 1, 600, 50),
      item('Motilité et mobilité : mode d’emploi, Kaufmann Vincent, Ravalet Emmanuel, Dupuit Élodie (dir.),', 0, 60, 51),
      item('Alphil éditions, 2015', 1, 60, 51),
    ]);
    expect(references).toEqual([
      'Le nouvel âge de la mobilité, Amar Georges, FYP éditions, 2011',
      'Motilité et mobilité : mode d’emploi, Kaufmann Vincent, Ravalet Emmanuel, Dupuit Élodie (dir.), Alphil éditions, 2015',
    ]);
  });

  const closingOnDates = (title: string, cut: (column: number, y: number) => [number, number]) => [
    item(title, 0, 500),
    item('ADEME, L’apport des sciences humaines et sociales pour comprendre et agir, 2016', ...cut(1, 100)),
    item('Le nouvel âge de la mobilité, Amar Georges, FYP éditions, 2011', 1, 140),
    item('Motilité et mobilité : mode d’emploi, Kaufmann Vincent, Alphil éditions, 2015', 2, 100),
  ];

  it('goes on when every other reference closes on its date, the piece before the break does not and the piece after it does', () => {
    const references = referencesOf(closingOnDates('Changer les comportements, faire évoluer les pratiques sociales vers plus de durabilité.', (column, y) => [column, y]));
    expect(references).toHaveLength(3);
    expect(references[0]).toBe('Changer les comportements, faire évoluer les pratiques sociales vers plus de durabilité. ADEME, L’apport des sciences humaines et sociales pour comprendre et agir, 2016');
  });

  it('stays apart with no break between the pieces (the next block under the first in its column)', () => {
    const references = referencesOf(closingOnDates('Changer les comportements, faire évoluer les pratiques sociales vers plus de durabilité.', () => [0, 540]));
    expect(references).toHaveLength(4);
  });

  it('stays apart when the piece after the break closes otherwise than the list (on a web address among dates)', () => {
    const references = referencesOf([
      item('Rapport public thématique de la Cour des Comptes de février 2017 : le logement social face au défi de l’accès des publics modestes', 0, 500),
      item('Publications et travaux de l’Union sociale pour l’habitat (USH), www.union-habitat.org', 1, 100),
      item('Le plan partenarial de la gestion de la demande de logement social, pour la période 2018-2023', 1, 140),
      item('La convention intercommunale d’attribution (CIA), pour la période 2019-2024', 2, 100),
    ]);
    expect(references).toHaveLength(4);
  });
});

describe('running text in the body’s type read after references set smaller', () => {
  const project = (last: Block) => {
    const blocks = [
      alike(['PROJET 01'], 1, true, 4),
      alike(['MUTUALISER LA RESTAURATION SCOLAIRE'], 1.6, true, 4),
      alike(['PROBLÉMATIQUE'], 1, true, 4),
      alike(['Comment organiser un service commun de restauration scolaire ?'], 1, false, 4),
      alike(['RÉFÉRENCES'], 1, true, 4),
      alike(['Observatoire de la restauration collective durable, Guide, 2029'], 0.85, false, 4),
      alike(['Association des maires de Marne-et-Solvaire, www.maires-solvaire.fr'], 0.85, false, 4),
      last,
    ];
    return parseProject({ numero: 1, section: '', heading: blocks[0]!, blocks: blocks.slice(1) });
  };
  const paragraph = ['L’équipe devait proposer plusieurs scénarios d’organisation,', 'en estimer le coût et identifier les conditions de leur', 'acceptation par les élus comme par les agents.'];

  it('goes back to the text rubrique before the references (text-read-after-references)', () => {
    const read = project(alike(paragraph, 1, false, 4));
    expect(read.allerPlusLoin.map((reference) => reference.texte)).toHaveLength(2);
    expect(read.problematique).toContain('acceptation par les élus');
  });

  it('stays a reference when set in the references’ type', () => {
    const read = project(alike(paragraph, 0.85, false, 4));
    expect(read.allerPlusLoin).toHaveLength(3);
  });
});

describe('references printed in a column beside the team and the tutors’ band, read after the band (references-above-cards)', () => {
  // As printed (page 49): the references' heading and first item in the middle column, more items
  // in the right column from higher up; the team and the tutors across the foot of the left columns.
  const read = (x: number, y: number) =>
    splitRubriques(
      [
        placed(alike(['POUR EN SAVOIR PLUS'], 0.95, true, 49), 221, 528, 130, 9),
        placed(alike(['Changer les comportements, faire évoluer les pratiques sociales vers plus de durabilité.'], 0.85, false, 49), 235, 546, 134, 32),
        placed(alike(['L’ÉQUIPE PROJET'], 0.95, true, 49), 48, 595, 97, 9),
        placed(alike(['DAOUD Radia', 'radia.daoud@ingenieurchef-inet.org'], 0.95, false, 49), 48, 614, 135, 20),
        placed(alike(['TUTEURS'], 0.95, true, 49), 48, 742, 52, 9),
        placed(alike(['RASCALON Pascal – Chef de Mission INTERMOD'], 0.85, false, 49), 48, 759, 210, 9),
        placed(alike(['HEIDSIEK Claire – Directrice générale adjointe mobilités'], 0.85, false, 49), 48, 774, 245, 9),
        placed(alike(['ADEME, L’apport des sciences humaines et sociales pour comprendre et agir, 2016'], 0.85, false, 49), x, y, 128, 32),
        placed(alike(['Le nouvel âge de la mobilité, Amar Georges, FYP éditions, 2011'], 0.85, false, 49), x, y + 38, 123, 32),
      ],
      DEFAULT_VOCABULARY,
      { projet: 15 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('go back to the references, and the last card keeps its function', () => {
    const rubriques = read(408, 445);
    expect(rubriques.find(([key]) => key === 'allerPlusLoin')?.[1]).toHaveLength(3);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['RASCALON Pascal – Chef de Mission INTERMOD', 'HEIDSIEK Claire – Directrice générale adjointe mobilités']);
  });

  it('stay under the cards when printed under them', () => {
    const rubriques = read(48, 790);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toHaveLength(4);
  });
});

describe('a reference beside its margin heading, the team’s heading read under that heading (team-from-name-cells)', () => {
  // As printed: « POUR EN SAVOIR PLUS » and « RÉDACTEURS » one under the other in the left margin,
  // the one reference beside the first, then the team as a table whose family-name cells are read
  // apart from the rest of their rows.
  const read = (items: readonly Block[]) =>
    splitRubriques(
      [
        alike(['LES PRÉCONISATIONS'], 0.95, true, 8),
        alike(['L’équipe a conçu avec le service des archives un programme de transcription collaborative.'], 1, false, 8),
        alike(['POUR EN', 'SAVOIR PLUS'], 0.95, true, 8),
        alike(['RÉDACTEURS'], 0.95, true, 8),
        ...items,
        alike(['FAURE'], 0.85, false, 8),
        alike(['Adèle Conservateur', 'adele.faure@conservateur-inet.org'], 0.85, false, 8),
        alike(['RAKOTO'], 0.85, false, 8),
        alike(['Hugo Conservateur', 'hugo.rakoto@conservateur-inet.org'], 0.85, false, 8),
      ],
      DEFAULT_VOCABULARY,
      { projet: 3 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
  const reference = 'Réseau des archives participatives, Transcrire ensemble : retours d’expérience, 2030';

  it('goes back to the references, the team starting at its first name cell', () => {
    const rubriques = read([alike([reference], 1, false, 8)]);
    expect(rubriques.find(([key]) => key === 'allerPlusLoin')?.[1]).toEqual([reference]);
    expect(rubriques.find(([key]) => key === 'auteurs')?.[1]).toEqual(['FAURE', 'Adèle Conservateur adele.faure@conservateur-inet.org', 'RAKOTO', 'Hugo Conservateur hugo.rakoto@conservateur-inet.org']);
  });

  it('leaves a name cell with the team', () => {
    const rubriques = read([]);
    expect(rubriques.find(([key]) => key === 'allerPlusLoin')?.[1]).toEqual([]);
    expect(rubriques.find(([key]) => key === 'auteurs')?.[1]).toHaveLength(4);
  });
});
