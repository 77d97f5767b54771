/**
 * Key figures (src/parse/chiffres.ts, rubriques.ts, moves.ts): figures and labels as columns, as
 * table rows, cut by a page break, read back by this project's own figure style; and the cover
 * (src/normalise/index.ts): its title in the title's type, promotion names one per line. Each rule
 * on a few invented blocks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseFigures } from '../../src/parse/chiffres.js';
import { returnRunOnAfterFigures } from '../../src/parse/moves.js';
import { figuresInTheirStyle, splitRubriques, type Rubrique } from '../../src/parse/rubriques.js';
import { readBrochure } from '../../src/normalise/index.js';
import { runStages } from '../../src/pipeline.js';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import type { Block } from '../../src/types.js';
import { alike, block, placed } from '../helpers/blocks.js';

describe('key figures of a sidebar run on past a page break', () => {
  const figures = (): Rubrique => ({ key: 'chiffres', heading: 'LES CHIFFRES CLÉS', page: 30, blocks: [block([['93', 2.1, true]], 30), block([['personnes contactées', 0.86, false]], 30)] });

  it('go back to the key figures when set as this project’s figures and labels, from the text read before them', () => {
    const text: Rubrique = { key: 'clesPourAgir', heading: 'DES CLÉS POUR AGIR', page: 31, blocks: [block([['Un paragraphe.', 1, false]], 31), block([['2', 2.1, true]], 31), block([['immersions réalisées', 0.86, false]], 31), block([['1', 2.1, true]], 31), block([['formation à l’INET', 0.86, false]], 31)] };
    const chiffres = figures();
    figuresInTheirStyle([chiffres, text]);
    expect(text.blocks.map((b) => b.text)).toEqual(['Un paragraphe.']);
    expect(chiffres.blocks.map((b) => b.text)).toEqual(['93', 'personnes contactées', '2', 'immersions réalisées', '1', 'formation à l’INET']);
  });

  it('stay where they are when set otherwise (a number of a list in body type)', () => {
    const text: Rubrique = { key: 'clesPourAgir', heading: 'DES CLÉS POUR AGIR', page: 31, blocks: [block([['2', 1, true]], 31), block([['immersions réalisées', 1, false]], 31)] };
    figuresInTheirStyle([figures(), text]);
    expect(text.blocks.map((b) => b.text)).toEqual(['2', 'immersions réalisées']);
  });
});

describe('key figures appended to the rubrique before them, with no heading', () => {
  const project = (tail: [string, number, boolean][]) =>
    splitRubriques(
      [
        block([['CONTEXTE', 1.2, true]], 3),
        block([['La communauté regroupe vingt-six communes et un peu plus de 140 000 habitants, chacune avec sa cuisine.', 1, false]], 3),
        ...tail.map((spec) => block([spec], 3)),
        block([['ALLER PLUS LOIN', 1.2, true]], 3),
        block([['Observatoire de la restauration collective, Guide, 2029', 1, false]], 3),
      ],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('become the figures rubrique when at least two figures set alone, each over its label, end the rubrique (appended-figures)', () => {
    const read = project([['26', 2.1, true], ['communes membres de l’agglomération', 0.9, false], ['+18 %', 2.1, true], ['de produits durables', 0.9, false]]);
    expect(read.find(([key]) => key === 'chiffres')).toEqual(['chiffres', ['26', 'communes membres de l’agglomération', '+18 %', 'de produits durables']]);
    expect(read.find(([key]) => key === 'contexte')?.[1]).toHaveLength(1);
  });

  it('become the figures rubrique when each figure set alone is followed by a label and a paragraph printed under it (figure-label-paragraphs)', () => {
    /** A block of one line, printed at (x, y) on page 3. */
    const cell = (spec: [string, number, boolean], x: number, y: number): Block => placed(block([spec], 3), x, y, 300, 12);
    const read = (paragraphX: number) =>
      splitRubriques(
        [
          cell(['CONTEXTE', 1.2, true], 156, 60),
          cell(['La communauté regroupe vingt-six communes et un peu plus de 140 000 habitants, chacune avec sa cuisine.', 1, false], 156, 80),
          cell(['1 ÈRE', 2.1, true], 156, 359),
          cell(['région industrielle de France', 0.9, false], 156, 382),
          cell(['L’équipement industriel est une des composantes majeures du tissu régional, 5,7 milliards d’euros de valeur ajoutée.', 0.9, false], paragraphX, 399),
          cell(['2E', 2.1, true], 156, 470),
          cell(['région numérique de France', 0.9, false], 156, 493),
          cell(['Après l’Île-de-France, la Région est la deuxième région numérique de France.', 0.9, false], paragraphX, 510),
          cell(['ALLER PLUS LOIN', 1.2, true], 156, 600),
          cell(['Observatoire de la restauration collective, Guide, 2029', 1, false], 156, 620),
        ],
        DEFAULT_VOCABULARY,
        { projet: 1 },
      ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
    const under = read(156);
    expect(under.find(([key]) => key === 'chiffres')?.[1]).toHaveLength(6);
    expect(under.find(([key]) => key === 'contexte')?.[1]).toHaveLength(1);
    // Text read after a label from another column (a testimony beside a figures grid) is not its paragraph: no run of figures.
    const beside = read(520);
    expect(beside.find(([key]) => key === 'chiffres')).toBeUndefined();
  });

  it('become the figures rubrique when a label cut by the page’s foot goes on at the next page’s head (figure-label-over-page)', () => {
    /** A block of one line, printed at (x, y) on `page`. */
    const cell = (spec: [string, number, boolean], page: number, x: number, y: number): Block => placed(block([spec], page), x, y, 140, 12);
    const read = (rest: string) =>
      splitRubriques(
        [
          cell(['CONTEXTE', 1.2, true], 3, 48, 60),
          cell(['La communauté regroupe vingt-six communes et un peu plus de 140 000 habitants, chacune avec sa cuisine.', 1, false], 3, 48, 80),
          cell(['4', 2.1, true], 3, 407, 666),
          cell(['espaces de projet : le schéma a découpé le territoire en quatre espaces, et il est apparu que les bassins de', 0.81, false], 3, 407, 689),
          cell([rest, 0.81, false], 4, 61, 73),
          cell(['11', 2.1, true], 4, 61, 108),
          cell(['autorités organisatrices sur 52 communautés', 0.81, false], 4, 61, 131),
          cell(['ALLER PLUS LOIN', 1.2, true], 4, 48, 244),
          cell(['Observatoire de la restauration collective, Guide, 2029', 1, false], 4, 62, 262),
        ],
        DEFAULT_VOCABULARY,
        { projet: 1 },
      ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
    const goesOn = read('mobilité devraient s’inscrire dans ces quatre espaces.');
    expect(goesOn.find(([key]) => key === 'chiffres')?.[1]).toHaveLength(5);
    expect(goesOn.find(([key]) => key === 'contexte')?.[1]).toHaveLength(1);
    // A new sentence at the next page's head is no part of the label: no run of figures.
    expect(read('Mobilité : les bassins devront s’inscrire dans ces quatre espaces.').find(([key]) => key === 'chiffres')).toBeUndefined();
  });

  it('become the figures rubrique when a label cut by its column’s foot goes on at the next column’s head (figure-label-over-column)', () => {
    /** A block of one line, printed at (x, y) on page 4. */
    const cell = (spec: [string, number, boolean], x: number, y: number): Block => placed(block([spec], 4), x, y, 140, 12);
    const read = (rest: string, restX: number) =>
      splitRubriques(
        [
          cell(['CONTEXTE', 1.2, true], 48, 60),
          cell(['La communauté regroupe vingt-six communes et un peu plus de 140 000 habitants, chacune avec sa cuisine.', 1, false], 48, 80),
          cell(['1 ÈRE', 1.3, true], 54, 310),
          cell(['région industrielle de France', 0.9, false], 102, 309),
          cell(['L’équipement industriel est une des composantes majeures du tissu régional (14,4 % contre 11 % en', 0.9, false], 102, 339),
          cell([rest, 0.9, false], restX, 59),
          cell(['2E', 1.3, true], 227, 153),
          cell(['région française pour son nombre de brevets déposés.', 0.9, false], 275, 152),
          cell(['ALLER PLUS LOIN', 1.2, true], 394, 305),
          cell(['Observatoire de la restauration collective, Guide, 2029', 1, false], 394, 324),
        ],
        DEFAULT_VOCABULARY,
        { projet: 1 },
      ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
    const goesOn = read('moyenne nationale). La région assure 20 % de la richesse créée.', 275);
    expect(goesOn.find(([key]) => key === 'chiffres')?.[1]).toEqual(['1 ÈRE', 'région industrielle de France', expect.stringMatching(/^L’équipement/), expect.stringMatching(/^moyenne nationale/), '2E', expect.stringMatching(/^région française/)]);
    expect(goesOn.find(([key]) => key === 'contexte')?.[1]).toHaveLength(1);
    // A new sentence at the next column's head is no part of the label: the figures start after it.
    const newSentence = read('Mobilité : la région assure 20 % de la richesse créée.', 275);
    expect(newSentence.find(([key]) => key === 'chiffres')?.[1]?.[0]).not.toBe('1 ÈRE');
  });

  it('take with them what follows them in the rubrique (a box printed with the figures)', () => {
    const long = 'répondants au sondage sur la culture usager, menés auprès des agents des antennes régionales et des lycées, dont les réponses ont été analysées avec le service de la statistique et restituées en séminaire de direction, puis reprises dans le plan d’actions.';
    const read = project([['93', 2.1, true], ['personnes contactées', 0.9, false], ['99', 2.1, true], [long, 0.9, false], ['& DES HAUTS DÉBATS', 1.1, true], ['Jeudi 10 octobre, à Lille', 0.9, false]]);
    expect(read.find(([key]) => key === 'chiffres')?.[1]).toEqual(['93', 'personnes contactées', '99', long, '& DES HAUTS DÉBATS', 'Jeudi 10 octobre, à Lille']);
  });

  /** A paragraph in body type whose line opens with a bold figure (« **26** communes… »), as a PDF gives it. */
  const boldLed = (figure: string, label: string): Block => ({ kind: 'paragraph', text: `${figure} ${label}`, lines: [{ text: `${figure} ${label}`, size: 1, bold: false, boldLead: figure }], page: 3 });
  const projectOf = (tail: Block[]) =>
    splitRubriques(
      [block([['CONTEXTE', 1.2, true]], 3), block([['La communauté regroupe vingt-six communes, chacune avec sa cuisine.', 1, false]], 3), ...tail, block([['ALLER PLUS LOIN', 1.2, true]], 3), block([['Observatoire, Guide, 2029', 1, false]], 3)],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('become the figures rubrique when figures set inline in bold, each leading its label, end the rubrique (appended-figures)', () => {
    const read = projectOf([boldLed('26', 'communes membres de l’agglomération'), boldLed('12 500', 'repas servis chaque jour'), block([['Une seconde ligne du libellé, en corps de texte.', 1, false]], 3), boldLed('+18 %', 'de produits durables')]);
    expect(read.find(([key]) => key === 'chiffres')?.[1]).toEqual(['26 communes membres de l’agglomération', '12 500 repas servis chaque jour', 'Une seconde ligne du libellé, en corps de texte.', '+18 % de produits durables']);
    expect(read.find(([key]) => key === 'contexte')?.[1]).toHaveLength(1);
  });

  it('become the figures rubrique when the bold figures read as list items (a hanging indent under the text)', () => {
    const item = (figure: string, label: string): Block => ({ ...boldLed(figure, label), kind: 'listItem' });
    const read = projectOf([boldLed('150 000', 'habitants supplémentaires'), item('1,371', 'million d’habitants')]);
    expect(read.find(([key]) => key === 'chiffres')?.[1]).toEqual(['150 000 habitants supplémentaires', '1,371 million d’habitants']);
  });

  it('take a label’s list items with them when the label announces the list (figure-label-list)', () => {
    const item = (text: string): Block => ({ ...block([[text, 1, false]], 3), kind: 'listItem' });
    const read = projectOf([boldLed('80%', 'des opérateurs rencontrés'), boldLed('4', 'types de données identifiés : - données métiers'), item('données géographiques - données financières'), boldLed('3/4', 'des acteurs détiennent des données personnelles')]);
    expect(read.find(([key]) => key === 'chiffres')?.[1]).toEqual(['80% des opérateurs rencontrés', '4 types de données identifiés : - données métiers', 'données géographiques - données financières', '3/4 des acteurs détiennent des données personnelles']);
    expect(read.find(([key]) => key === 'contexte')?.[1]).toHaveLength(1);
  });

  it('take a box printed after the inline figures (a bold title, then its text) with them', () => {
    const read = projectOf([boldLed('79', 'agents mobilisés'), boldLed('8', 'tableaux de préfiguration'), block([['Et après...', 0.95, true]], 3), block([['La refonte de l’accueil devra s’inscrire sur plusieurs années.', 0.85, false]], 3)]);
    expect(read.find(([key]) => key === 'chiffres')?.[1]).toEqual(['79 agents mobilisés', '8 tableaux de préfiguration', 'Et après...', 'La refonte de l’accueil devra s’inscrire sur plusieurs années.']);
  });

  it('stay in the text when bold numbers open paragraphs that the text goes on after, or outnumber the figures', () => {
    const text = (t: string): Block => block([[t, 1, false]], 3);
    const goesOn = projectOf([boldLed('3', 'scénarios ont été proposés.'), boldLed('2', 'ont été retenus.'), block([['LA SUITE DU PROJET SERA DÉCIDÉE EN 2020', 1, true]], 3), text('Le bureau décidera.')]);
    expect(goesOn.some(([key]) => key === 'chiffres')).toBe(false);
    const outnumbered = projectOf([boldLed('3', 'scénarios ont été proposés.'), text('Le premier mutualise.'), text('Le deuxième centralise.'), boldLed('2', 'ont été retenus.'), text('Le bureau décidera.'), text('Il votera en juin.')]);
    expect(outnumbered.some(([key]) => key === 'chiffres')).toBe(false);
  });

  it('become the figures rubrique when three blocks or more, each opening with a number in the label’s type, end the rubrique (appended-plain-figures)', () => {
    const plain = (t: string): Block => block([[t, 1, false]], 3);
    const read = projectOf([plain('79 agents et cadres directement mobilisés'), plain('8 tableaux de préfiguration du service'), plain('57980 Appels par an à l’Hotel de Ville'), block([['Et après...', 0.95, true]], 3), plain('La refonte de l’accueil devra s’inscrire sur plusieurs années.')]);
    expect(read.find(([key]) => key === 'chiffres')?.[1]).toEqual(['79 agents et cadres directement mobilisés', '8 tableaux de préfiguration du service', '57980 Appels par an à l’Hotel de Ville', 'Et après...', 'La refonte de l’accueil devra s’inscrire sur plusieurs années.']);
    expect(read.find(([key]) => key === 'contexte')?.[1]).toHaveLength(1);
  });

  it('stay in the text when only two blocks open with a number in the label’s type, or the text goes on after them', () => {
    const plain = (t: string): Block => block([[t, 1, false]], 3);
    expect(projectOf([plain('3 scénarios ont été proposés aux élus.'), plain('2 ont été retenus par le bureau.')]).some(([key]) => key === 'chiffres')).toBe(false);
    expect(projectOf([plain('3 scénarios ont été proposés.'), plain('2 ont été retenus.'), plain('4 communes ont voté contre.'), plain('Le bureau décidera en juin.')]).some(([key]) => key === 'chiffres')).toBe(false);
  });

  it('stay in the text when one number alone ends it', () => {
    const read = project([['2019', 1, true], ['une année de transition pour tous', 1, false]]);
    expect(read.some(([key]) => key === 'chiffres')).toBe(false);
  });
});

describe('the cover’s title', () => {
  it('leaves out a line set far smaller above it (a logo’s name), keeps lines of its type', () => {
    const cover = [block([['I N E T', 1.49, true]], 1), block([['REGARDS CROISÉS SUR', 3.62, true], ['LES TERRITOIRES', 3.62, true]], 1), block([["Élèves territoriaux de l'INET des promotions", 1.17, false]], 1), block([['2019 / 2020', 1.28, true]], 1)];
    expect(readBrochure(cover, [], DEFAULT_VOCABULARY).titre).toBe('REGARDS CROISÉS SUR LES TERRITOIRES');
    expect(readBrochure([block('I N E T'), ...cover.slice(1).map((b) => block(b.lines.map((l) => l.text)))], [], DEFAULT_VOCABULARY).titre).toBe('I N E T REGARDS CROISÉS SUR LES TERRITOIRES');
  });

  it('ends at the line about the students, even in the title’s own block (a converter ran them together)', () => {
    const cover = [block(['REGARDS CROISÉS SUR LES TERRITOIRES', 'PROJETS COLLECTIFS DES ÉLÈVES TERRITORIAUX DE L’INET', 'DES PROMOTIONS']), block('2019 / 2020')];
    expect(readBrochure(cover, [], DEFAULT_VOCABULARY).titre).toBe('REGARDS CROISÉS SUR LES TERRITOIRES');
  });
});

describe('a values column read as one block', () => {
  it('pairs a values column read as one block with the label blocks after it', () => {
    const lines = (texts: string[]): Block => alike(texts, 1, false, 1);
    const { figures } = parseFigures([lines(['26', '12 500', '+18 %']), lines(['communes membres']), lines(['repas servis chaque jour']), lines(['de produits durables'])]);
    expect(figures.map((figure) => [figure.valeur, figure.libelle])).toEqual([['26', 'communes membres'], ['12 500', 'repas servis chaque jour'], ['+18 %', 'de produits durables']]);
    // A number wrapped in its cell (« 17 » / « 000 ») stays one block.
    expect(parseFigures([lines(['17', '000']), lines(['entreprises'])]).figures.map((figure) => figure.valeur)).not.toContain('17');
  });
});

describe('a values column before its labels', () => {
  it('keeps the labels with the figures (they are not text running on under a box)', () => {
    const figure = (texts: string[]): Block => block(texts.map((text) => [text, 1.1, true] as const), 7);
    const label = (text: string): Block => block([[text, 1, false]], 7);
    const cles = { key: 'clesPourAgir' as const, heading: 'Des clés pour agir', page: 7, blocks: [label('L’équipe a observé le parcours de trente demandeurs.')] };
    const chiffres = { key: 'chiffres' as const, heading: 'Les chiffres', page: 7, blocks: [figure(['64 %']), figure(['11', '21']), label('des demandes déposées en ligne'), label('permanences ouvertes en mairie'), label('jours de délai gagnés')] };
    returnRunOnAfterFigures(chiffres, [cles, chiffres]);
    expect(chiffres.blocks).toHaveLength(5);
    expect(cles.blocks).toHaveLength(1);
  });
});

describe('a figures table whose labels column is read as fewer blocks than its rows', () => {
  const lines = (texts: string[]): Block => alike(texts, 1, false, 1);
  it('cuts the labels after each line well short of the longest, when that gives one label per figure', () => {
    const { figures } = parseFigures([
      lines(['150 000', '59', '2,3 MRD', '65 000']),
      lines(['habitants supplémentaires entre 2010 et 2030']),
      lines(['communes membres']),
      lines(['de fonctionnement, 700 M en investissement (budget primitif', '2019)', 'ménages demandeurs de logements sociaux']),
    ]);
    expect(figures.map((figure) => figure.libelle)).toEqual(['habitants supplémentaires entre 2010 et 2030', 'communes membres', 'de fonctionnement, 700 M en investissement (budget primitif 2019)', 'ménages demandeurs de logements sociaux']);
  });

  it('does not take a label in sentence case for a box title before every figure has one', () => {
    const { figures, box } = parseFigures([lines(['79', '14', '57980']), lines(['agents et cadres mobilisés']), lines(['fiches méthodologiques livrées']), lines(['Appels par an à l’Hôtel de Ville']), lines(['Et après...']), lines(['La refonte de l’accueil.'])]);
    expect(figures.map((figure) => figure.libelle)).toEqual(['agents et cadres mobilisés', 'fiches méthodologiques livrées', 'Appels par an à l’Hôtel de Ville']);
    expect(box?.titre).toBe('Et après...');
  });
});

describe('a figures table whose labels column is read as more blocks than its rows', () => {
  it('joins a label’s last line set apart to the label whose sentence it ends', () => {
    const { figures } = parseFigures([
      block('76%'),
      block('42%'),
      block('57%'),
      block('Selon le Baromètre des risques de 2014\ndu Cabinet ARENGI et'),
      block('ADGGC,'),
      block('76% des collectivités interrogées déclarent\navoir mis en place du contrôle interne dont 42%'),
      block('à travers une cellule dédiée de suivi des\nrisques.'),
    ]);
    expect(figures.map((figure) => figure.libelle)).toEqual([
      'Selon le Baromètre des risques de 2014 du Cabinet ARENGI et ADGGC,',
      '76% des collectivités interrogées déclarent avoir mis en place du contrôle interne dont 42%',
      'à travers une cellule dédiée de suivi des risques.',
    ]);
  });

  it('leaves labels that each end their sentence as they are', () => {
    const { figures } = parseFigures([block('4'), block('11'), block('espaces SRADDET.'), block('AOM sur 52 EPCI.'), block('Enfin.')]);
    expect(figures.map((figure) => figure.libelle)).toEqual(['', 'espaces SRADDET.\n\nAOM sur 52 EPCI.\n\nEnfin.']);
  });
});

describe('figures as table rows', () => {
  it('reads a row taken for a list item (its right-aligned value indents it) as a figure of its own', () => {
    const rows = [block([['150 000 habitants supplémentaires', 0.9, false]], 2), { ...block([['1,371 million d’habitants', 0.9, false]], 2), kind: 'listItem' as const }, block([['59 communes membres', 0.9, false]], 2)];
    expect(parseFigures(rows).figures.map((figure) => [figure.valeur, figure.libelle])).toEqual([
      ['150 000', 'habitants supplémentaires'],
      ['1,371', 'million d’habitants'],
      ['59', 'communes membres'],
    ]);
  });
});

describe('cover', () => {
  it('reads promotion names printed one per line with no separator (a centred list)', async () => {
    const text = readFileSync(new URL('../../fixtures/synthetic-2031/input.txt', import.meta.url), 'utf8')
      .replace('**Hubertine Auclert, Nikola Tesla & Rosa Bonheur**', '**Hubertine Auclert**\n**Nikola Tesla**\n**Rosa Bonheur**');
    const { document } = await runStages(new TextEncoder().encode(text), { fileName: 'input.txt' });
    expect(document.promotions.map((promotion) => promotion.nom)).toEqual(['Hubertine Auclert', 'Nikola Tesla', 'Rosa Bonheur']);
  });
});

describe('key figures in a table cut by a page break', () => {
  const cell = (text: string, page: number, bold = false): Block => block([[text, bold ? 1.45 : 0.91, bold]], page);
  it('joins a figure wrapped in its cell whose second line opens the next page, and its label', () => {
    const { figures } = parseFigures([
      cell('550', 61, true),
      cell('visiteurs par an en moyenne. Le château', 61),
      cell('000', 62, true),
      cell('figure parmi les cinq sites les plus visités.', 62),
      cell('2021', 62, true),
      cell('création de la collectivité européenne.', 62),
    ]);
    expect(figures.map((figure) => [figure.valeur, figure.libelle])).toEqual([
      ['550 000', 'visiteurs par an en moyenne. Le château figure parmi les cinq sites les plus visités.'],
      ['2021', 'création de la collectivité européenne.'],
    ]);
  });
  it('keeps a figure on the next page apart when the label before it ended its sentence', () => {
    const { figures } = parseFigures([cell('550', 61, true), cell('visiteurs par an.', 61), cell('050', 62, true), cell('communes.', 62)]);
    expect(figures.map((figure) => figure.valeur)).toEqual(['550', '050']);
  });
});

describe('a table of key figures threaded through two frames', () => {
  // No heading: the second frame (top of the right column) is read after the testimony, the first
  // (foot of the left column) after the references.
  const at = (text: string, size: number, bold: boolean, x: number, y: number): Block => placed(block([[text, size, bold]], 44), x, y);
  const read = (tail: Block[]) =>
    splitRubriques(
      [
        at('TÉMOIGNAGE', 0.95, true, 48, 438),
        at('« La mission a été l’occasion de réinterroger nos problématiques de gestion. »', 1, false, 48, 474),
        at('15 %', 1.2, true, 313, 63),
        at('des dépenses de fonctionnement liées aux charges de structure', 0.85, false, 351, 62),
        at('30', 1.2, true, 313, 98),
        at('les dépenses de fonctionnement, trente fois les dépenses d’investissement', 0.85, false, 351, 97),
        at('POUR ALLER PLUS LOIN', 0.95, true, 307, 219),
        at('CERTU, Le coût des équipements publics, approche en coût global, novembre 2011', 0.85, false, 322, 290),
        ...tail,
      ],
      DEFAULT_VOCABULARY,
      { projet: 14 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('is read whole, the frame printed further left first (figures-frame-elsewhere)', () => {
    const rubriques = read([at('18,1', 1.2, true, 54, 633), at('millions d’euros pour le réseau des bibliothèques', 0.85, false, 92, 632), at('13,2', 1.2, true, 54, 656), at('millions d’euros pour les piscines', 0.85, false, 92, 655)]);
    const figures = rubriques.find(([key]) => key === 'chiffres')?.[1] as string[];
    expect(figures.filter((text) => /^\d/.test(text))).toEqual(['18,1', '13,2', '15 %', '30']);
    expect(rubriques.find(([key]) => key === 'allerPlusLoin')?.[1]).toHaveLength(1);
  });

  it('is read whole when each figure of the other frame has a label and a paragraph under it (figures-frame-elsewhere, figure-label-paragraphs)', () => {
    const rubriques = read([
      at('18,1', 1.2, true, 54, 633),
      at('millions d’euros pour le réseau des bibliothèques', 0.85, false, 92, 632),
      at('Le réseau compte douze bibliothèques de quartier et une médiathèque centrale.', 0.85, false, 92, 645),
      at('13,2', 1.2, true, 54, 676),
      at('millions d’euros pour les piscines', 0.85, false, 92, 675),
      at('Quatre bassins, dont deux ouverts toute l’année.', 0.85, false, 92, 688),
    ]);
    const figures = rubriques.find(([key]) => key === 'chiffres')?.[1] as string[];
    expect(figures.filter((text) => /^\d/.test(text))).toEqual(['18,1', '13,2', '15 %', '30']);
    expect(rubriques.find(([key]) => key === 'allerPlusLoin')?.[1]).toHaveLength(1);
  });

  it('takes back one figure in the project’s figure style, with its label, ending another rubrique (single-figure-frame)', () => {
    const rubriques = read([at('86%', 1.2, true, 227, 663), at('des agents dont la moyenne d’âge est élevée sont exposés à un risque', 0.85, false, 262, 662)]);
    const figures = rubriques.find(([key]) => key === 'chiffres')?.[1] as string[];
    expect(figures.filter((text) => /^\d/.test(text))).toEqual(['86%', '15 %', '30']);
    expect(rubriques.find(([key]) => key === 'allerPlusLoin')?.[1]).toHaveLength(1);
    // A number of the text, in the body's type, stays.
    const text = read([at('2', 1, false, 227, 663), at('immersions réalisées dans les services', 0.85, false, 262, 662)]);
    expect(text.find(([key]) => key === 'allerPlusLoin')?.[1]).toHaveLength(3);
  });

  it('takes back a frame holding the table’s first row alone (single-figure-frame)', () => {
    const rubriques = read([at('18,1', 1.2, true, 54, 633), at('millions d’euros pour le réseau des bibliothèques', 0.85, false, 92, 632)]);
    const figures = rubriques.find(([key]) => key === 'chiffres')?.[1] as string[];
    expect(figures.filter((text) => /^\d/.test(text))).toEqual(['18,1', '15 %', '30']);
    expect(rubriques.find(([key]) => key === 'allerPlusLoin')?.[1]).toHaveLength(1);
  });

  it('leaves figures set otherwise where they are (a list numbered in the body’s type)', () => {
    const rubriques = read([at('2', 1, false, 54, 633), at('immersions réalisées dans les services', 0.85, false, 92, 632), at('3', 1, false, 54, 656), at('ateliers avec les agents', 0.85, false, 92, 655)]);
    expect(rubriques.find(([key]) => key === 'allerPlusLoin')?.[1]).toHaveLength(5);
  });
});

describe('key figures with no heading ending a text a sidebar of tutors cut', () => {
  it('become the figures rubrique once the text is whole again (appended-figures-after-run-on)', () => {
    const rubriques = splitRubriques(
      [
        block([['PISTES POUR AGIR', 0.95, true]], 40),
        block([['Trois objectifs spécifiques ont été exprimés par le commanditaire de la', 1, false]], 40),
        block([['TUTEUR AU SEIN DE LA COLLECTIVITÉ', 0.95, true]], 40),
        block([['Marie DUPONT – Directrice générale des services', 0.85, false]], 40),
        block([['mission, que l’équipe a déclinés en un plan d’actions partagé avec les services.', 1, false]], 41),
        block([['18', 1.2, true]], 41),
        block([['communes et environ 200 agents', 0.85, false]], 41),
        block([['547', 1.2, true]], 41),
        block([['km² soit 48,5 % de l’île', 0.85, false]], 41),
      ],
      DEFAULT_VOCABULARY,
      { projet: 13 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
    expect(rubriques.find(([key]) => key === 'chiffres')?.[1]).toEqual(['18', 'communes et environ 200 agents', '547', 'km² soit 48,5 % de l’île']);
    expect(rubriques.find(([key]) => key === 'clesPourAgir')?.[1]).toHaveLength(2);
  });
});

describe('key figures read out of their printed order across columns (src/parse/chiffres.ts)', () => {
  /** A figure, a label or a box's block on page 24 (or `page`), where the layout put it (points from the top left). */
  const figure = (text: string, x: number, y: number, page = 24): Block => placed(alike([text], 2.1, true, page), x, y, 30, 22);
  const label = (text: string, x: number, y: number, width = 130, page = 24): Block => placed(alike([text], 0.81, false, page), x, y, width, 20);
  const title = (text: string, x: number, y: number): Block => placed(alike([text], 0.9, true, 24), x, y, 50, 9);

  it('gives a label’s rest read before its figure (the next column’s head, higher up, read first of its page) to that label (label-rest-read-before-its-figure)', () => {
    const { figures, box } = parseFigures([
      figure('+60%', 313, 760, 23),
      label('des acteurs ont participé à l’atelier de co-construction.', 356, 760, 130, 23),
      label('Bretagne, Etalab, la CNIL, Civiteo', 356, 59),
      figure('6', 54, 83),
      label('experts interrogés pour enrichir le cadrage : Métropole Renne, Région', 96, 82, 180),
    ]);
    expect(box).toBeNull();
    expect(figures.map((f) => f.libelle)).toEqual(['des acteurs ont participé à l’atelier de co-construction.', 'experts interrogés pour enrichir le cadrage : Métropole Renne, Région Bretagne, Etalab, la CNIL, Civiteo']);
  });

  it('gives a box’s text read between the last label and the box’s title under it to the box, its cut sentence joined (box-text-read-before-its-title)', () => {
    const { figures, box } = parseFigures([
      figure('14', 221, 542),
      label('fiches méthodologiques livrées', 221, 564, 115),
      figure('1', 221, 636),
      label('cahier des charges fonctionnel', 221, 659, 115),
      label('la dématérialisation va générer des outils.', 403, 68),
      title('Et après...', 230, 699),
      label('La refonte de l’accueil peut s’enclencher car le levier de', 230, 715),
    ]);
    expect(figures.map((f) => f.libelle)).toEqual(['fiches méthodologiques livrées', 'cahier des charges fonctionnel']);
    expect(box?.titre).toBe('Et après...');
    expect(box?.blocks.map((b) => b.text)).toEqual(['La refonte de l’accueil peut s’enclencher car le levier de la dématérialisation va générer des outils.']);
  });

  it('keeps a grid’s row labels with the figures above them (the last label of a row is no rest of the next row’s first)', () => {
    const { figures } = parseFigures([
      figure('11 000', 397, 68),
      label('attributions de logement sur les 65 000 demandes', 397, 101),
      figure('41%', 57, 155),
      label('de demandes issues de ménages faisant déjà partie du parc social', 57, 189),
    ]);
    expect(figures.map((f) => f.libelle)).toEqual(['attributions de logement sur les 65 000 demandes', 'de demandes issues de ménages faisant déjà partie du parc social']);
  });

  it('keeps the block beside as the label’s when the box’s title is not under the label (the label’s column may end there)', () => {
    const { figures } = parseFigures([
      figure('1', 221, 636),
      label('cahier des charges fonctionnel', 221, 659, 115),
      label('la dématérialisation va générer des outils.', 403, 68),
      title('Et après...', 403, 699),
    ]);
    expect(figures.map((f) => f.libelle)).toEqual(['cahier des charges fonctionnel la dématérialisation va générer des outils.']);
  });
});
