/**
 * Rubriques cut at their headings (src/parse/rubriques.ts, heading passes, moves): headings set
 * regular or numbered, a heading set close above its text, boxes, references. Each rule on a few
 * invented blocks, so that it fails on its own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { readText } from '../../src/extract/text.js';
import { parseProject, withoutListNumbers } from '../../src/parse/index.js';
import { headsFigures, splitRubriques } from '../../src/parse/rubriques.js';
import { runHeadingPasses } from '../../src/parse/heading-passes.js';
import { DEFAULT_VOCABULARY, SHIPPED_PROFILE, compileProfile } from '../../src/profile.js';
import type { Block } from '../../src/types.js';
import { block, placed } from '../helpers/blocks.js';

/** A line of body text. */
const body = (text: string, page = 1): Block => block([[text, 1, false]], page);
const where = { projet: 7 };

describe('a tutor’s inline label among headings printed apart in bold (style-without-inline-labels)', () => {
  const heading = (text: string): Block => block([[text, 0.9, true]], 60);
  const cell = (text: string): Block => block([[text, 0.81, false]], 60);
  const read = (tutor: Block) =>
    splitRubriques(
      [
        heading('PROBLÉMATIQUE'),
        body('Comment décroiser les politiques sociales et culturelles du Département ?', 60),
        cell('Maire et adjoints aux affaires sociales • Responsables de CCAS'),
        cell('PARTICIPANTS'),
        cell('«Favoriser la lutte contre l’isolement» • «Insertion et emploi» • «Numérique et accès au droit»'),
        heading('RECOMMANDATIONS'),
        body('Ce travail de compilation et de synthèses a permis d’identifier des axes de travail.', 60),
        tutor,
      ],
      DEFAULT_VOCABULARY,
      where,
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.length]);

  it('does not make a regular table cell in capitals a heading: the label is set as its line, not as the headings', () => {
    expect(read(cell('Tuteur : Lucie DARBOUSSET, directrice du pôle culture'))).toEqual([
      ['problematique', 4],
      ['clesPourAgir', 1],
      ['tuteurs', 1],
    ]);
  });
});

describe('rubriques of a hand-made design (headings set regular, numbered)', () => {
  const title = block([['UN GUICHET UNIQUE', 1.47, true]], 1);
  const organisation = block([['DÉPARTEMENT DE LA HAUTE-VALMORE', 0.95, false]], 1);
  const heading = (text: string, page = 1): Block => block([[text, 1.16, false]], page);
  const prose = 'Le Département souhaitait rassembler l’offre de ses partenaires en un seul lieu pour les aidants, et la mission a construit ce guichet avec eux.';

  it('keeps the organisation line out of the rubriques, and reads the pull-quote after it as the testimony', () => {
    const blocks = [title, organisation, block([['Agnès Tisserand, directrice générale', 0.79, false]], 1), block([['« Une équipe à l’écoute de nos partenaires, rapide et précise. »', 1.05, false]], 1), heading('1. Contexte'), body(prose), heading('2. Problématique'), body(prose)];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, where);
    expect(split.headingBlocks).toEqual([title, organisation]);
    expect(split.rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.length])).toEqual([
      ['temoignage', 2],
      ['contexte', 1],
      ['problematique', 1],
    ]);
  });

  it('gives the text run on under a floated box of figures back to the rubrique the box interrupted', () => {
    const figure = (value: string): Block => block([[value, 1.68, true]], 1);
    const label = (text: string): Block => block([[text, 0.84, false]], 1);
    const blocks = [title, organisation, heading('1. Contexte'), body('La mission devait accompagner l’évolution des'), block([['Repères', 1.05, false]], 1), figure('150 000'), label('habitants en 2030'), figure('59'), label('communes membres'), body('missions de la direction, afin de mieux piloter la politique.'), heading('2. Problématique'), body(prose)];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, where);
    const contexte = split.rubriques.find((rubrique) => rubrique.key === 'contexte')!;
    expect(contexte.blocks.map((b) => b.text)).toEqual(['La mission devait accompagner l’évolution des', 'missions de la direction, afin de mieux piloter la politique.']);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'chiffres')!.blocks).toHaveLength(4);
  });

  it('reads a short line over big numbers with their labels as the key figures, whatever its words, and reports it', () => {
    const figure = (value: string): Block => block([[value, 1.68, true]], 1);
    const label = (text: string): Block => block([[text, 0.84, false]], 1);
    expect(headsFigures(block([['Jalons', 1.05, false]], 1), [figure('12'), label('ateliers'), figure('3'), label('restitutions')])).toBe(true);
    // A figure's label is not a heading, nor a line over prose.
    expect(headsFigures(label('ateliers'), [figure('3'), label('restitutions'), figure('4'), label('visites')], figure('12'))).toBe(false);
    expect(headsFigures(block([['Jalons', 1.05, false]], 1), [body(prose)])).toBe(false);
    // Without « Repères » in the profile, the structure still says « figures ».
    const profile = structuredClone(SHIPPED_PROFILE);
    const chiffres = profile.rubriques!.chiffres!;
    chiffres.headings = (chiffres.headings ?? []).filter((word) => word !== 'REPÈRES');
    const blocks = [title, organisation, heading('1. Contexte'), body(prose), block([['Repères', 1.05, false]], 1), figure('12'), label('ateliers'), figure('3'), label('restitutions')];
    const split = splitRubriques(blocks, compileProfile(profile), where);
    expect(split.rubriques.map((rubrique) => rubrique.key)).toEqual(['contexte', 'chiffres']);
    expect(split.diagnostics.map((d) => [d.code, d.severity])).toEqual([['RUBRIQUE_HEADING_UNKNOWN', 'info']]);
  });

  it('gives a margin pull-quote that runs on to the next page back to the testimony', () => {
    const blocks = [title, organisation, block([['« Une équipe à l’écoute de nos partenaires, et', 1.05, false]], 1), heading('1. Contexte'), body(prose), block([['précise dans ses propositions. »', 1.05, false]], 2), body(prose, 2)];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, where);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'temoignage')!.blocks).toHaveLength(2);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'contexte')!.blocks).toHaveLength(2);
  });

  it('opens a box at a short bold line closing the text where the headings are regular, and reports it', () => {
    const blocks = [title, organisation, heading('1. Contexte'), body(prose), heading('3. Des clés pour agir'), body(prose), block([['Et après...', 1, true]], 1), body(prose), block([['Tuteur : Agnès TISSERAND, directrice', 0.84, false]], 1)];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, where);
    expect(split.unknown.map((box) => [box.heading, box.blocks.length])).toEqual([['Et après...', 1]]);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'clesPourAgir')!.blocks).toHaveLength(1);
    expect(split.diagnostics.map((d) => d.code)).toEqual(['RUBRIQUE_HEADING_UNKNOWN']);
  });

  it('keeps an unknown heading numbered as the known ones as a rubrique of its own, over prose, and reports it', () => {
    const blocks = [title, organisation, heading('1. Contexte'), body(prose), heading('2. Problématique'), body(prose), heading('5. Les suites'), body(prose)];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, where);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'problematique')!.blocks).toHaveLength(1);
    expect(split.unknown.map((box) => box.heading)).toEqual(['5. Les suites']);
    expect(split.diagnostics.map((d) => d.code)).toEqual(['RUBRIQUE_HEADING_UNKNOWN']);
    // A numbered line set as the body is a list, not a heading.
    const list = [title, organisation, heading('1. Contexte'), body(prose), heading('2. Problématique'), body('1. Diagnostic des besoins'), body(prose)];
    expect(splitRubriques(list, DEFAULT_VOCABULARY, where).unknown).toEqual([]);
  });
});

describe('numbered rubrique headings across projects', () => {
  it('are no spelling variant when only their number differs (« 2.3 Contexte » after « 1.3 Contexte »)', async () => {
    const pdf = new Uint8Array(readFileSync(new URL('../../fixtures/designs/synthetic-2031-latex/input.pdf', import.meta.url)));
    const document = await extract(pdf);
    expect(document.projets).toHaveLength(4);
    expect(document.diagnostics.filter((d) => d.code === 'RUBRIQUE_HEADING_VARIANT')).toEqual([]);
  });
});

describe('rubrique headings whose word spaces were lost to letter-spacing', () => {
  it('are named all the same, literal headings and patterns', () => {
    expect(DEFAULT_VOCABULARY.rubriqueOf('TUTEURAUSEIN DE LA COL LE CTIVITÉ')).toBe('tuteurs');
    expect(DEFAULT_VOCABULARY.rubriqueOf('DES C LÉS POUR A GIR')).toBe('clesPourAgir');
    expect(DEFAULT_VOCABULARY.rubriqueOf('POUR A L LE R PLUS LOI N')).toBe('allerPlusLoin');
    expect(DEFAULT_VOCABULARY.rubriqueOf('LE CONTEXTE DE LA VILLE')).toBeNull();
  });
});

describe('references numbered like footnotes', () => {
  it('lose their list numbers when every one is numbered in order from 1', () => {
    expect(withoutListNumbers(['1. Guide pratique (DGFIP)', '2. Publications de l’AFIGESE'])).toEqual(['Guide pratique (DGFIP)', 'Publications de l’AFIGESE']);
    expect(withoutListNumbers(['1. Guide pratique', '3. Rapport annuel'])).toEqual(['1. Guide pratique', '3. Rapport annuel']);
    expect(withoutListNumbers(['2030. Le plan climat'])).toEqual(['2030. Le plan climat']);
  });
});

describe('headings and titles set close above what follows (one block)', () => {
  const lines = (...specs: [string, boolean][]): Block => block(specs.map(([text, bold]) => [text, 1, bold] as const), 3);
  it('cuts a known heading in bold off the regular lines under it', () => {
    const split = splitRubriques([lines(['Tuteur au sein de la collectivité', true], ['TISSERAND Agnès, Directrice générale adjointe', false])], DEFAULT_VOCABULARY, { projet: 1 });
    expect(split.rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((block) => block.text)])).toEqual([['tuteurs', ['TISSERAND Agnès, Directrice générale adjointe']]]);
  });
  it('keeps a bold line that is no known heading with its text', () => {
    const split = splitRubriques([lines(['Un titre de paragraphe', true], ['Le texte qui suit.', false])], DEFAULT_VOCABULARY, { projet: 1 });
    expect(split.headingBlocks.map((block) => block.text)).toEqual(['Un titre de paragraphe Le texte qui suit.']);
  });
  it('reads the title from the bold lines and the collectivité from the regular line under them', () => {
    const heading = block([['Projet n° 2', 1.14, false]], 5);
    const parsed = parseProject({
      numero: 2,
      section: '',
      heading,
      blocks: [
        lines(['UN GUICHET UNIQUE POUR LES', true], ['PROCHES AIDANTS', true], ['DÉPARTEMENT DE LA HAUTE-VALMORE', false]),
        lines(['Contexte', true]),
        lines(['Depuis 2030, le Département est chef de file de l’accompagnement des proches aidants.', false]),
      ],
    });
    expect([parsed.titre, parsed.collectivite]).toEqual(['UN GUICHET UNIQUE POUR LES PROCHES AIDANTS', 'DÉPARTEMENT DE LA HAUTE-VALMORE']);
  });
});

describe('a table whose header row is set like the headings', () => {
  const at = (text: string, size: number, bold: boolean, x: number, y: number): Block => placed(block([[text, size, bold]], 66), x, y);
  const read = (cellsBeside: number) =>
    splitRubriques(
      [
        at('LA QUESTION POSÉE', 0.9, false, 48, 200),
        at('Le diagnostic a réuni les acteurs du territoire en ateliers et en entretiens.', 1, false, 48, 220),
        ...['40 ENTRETIENS', 'BENCHMARK'].slice(0, cellsBeside).map((text, i) => at(text, 0.81, false, 157 + 120 * i, 355)),
        at('5 ATELIERS PARTICIPATIFS', 0.81, false, 413, 355),
        at('« Favoriser la lutte contre l’isolement » • « Insertion et emploi »', 0.81, false, 413, 396),
        at('PISTES POUR AGIR', 0.9, false, 48, 489),
        at('Le travail de compilation a été complété par les échanges avec les partenaires.', 1, false, 48, 508),
      ],
      DEFAULT_VOCABULARY,
      where,
    ).rubriques.map((rubrique) => rubrique.key);

  it('opens no rubrique at a cell of the row (row-cell-no-heading)', () => {
    expect(read(2)).toEqual(['problematique', 'clesPourAgir']);
  });

  it('still takes a line set alone like the headings, over a quote, for the testimony', () => {
    expect(read(0)).toEqual(['problematique', 'temoignage', 'clesPourAgir']);
  });
});

describe('a heading run into the line under it (markdown converters joining a column)', () => {
  const cut = (text: string): string[] => runHeadingPasses([block(text)], DEFAULT_VOCABULARY).blocks.map((b) => b.text);

  it('cuts a people heading of up to eight words off a card that opens with a name in either order', () => {
    expect(cut('TUTEUR ET TUTRICE AU SEIN DE LA COLLECTIVITÉ Philippe HOARAU Directeur général des services')).toEqual(['TUTEUR ET TUTRICE AU SEIN DE LA COLLECTIVITÉ', 'Philippe HOARAU Directeur général des services']);
    expect(cut('TUTRICE AU SEIN DE LA COLLECTIVITÉ TISSERAND Agnès Directrice générale adjointe')).toEqual(['TUTRICE AU SEIN DE LA COLLECTIVITÉ', 'TISSERAND Agnès Directrice générale adjointe']);
    expect(cut('AUTEURS DU PROJET MARCHETTI Lisa lisa.marchetti@administrateur-inet.org')).toEqual(['AUTEURS DU PROJET', 'MARCHETTI Lisa lisa.marchetti@administrateur-inet.org']);
  });

  it('leaves a text heading before words in capitals: only a card opens with a name in capitals', () => {
    expect(cut('CONTEXTE ET ENJEUX TERRITORIAUX La commune compte dix mille habitants.')).toEqual(['CONTEXTE ET ENJEUX TERRITORIAUX La commune compte dix mille habitants.']);
  });
});

describe('references run together on one line of converter text', () => {
  const references = (line: string) => {
    const blocks = readText(['01', 'UN TITRE', 'UNE COLLECTIVITÉ', 'CONTEXTE', 'La communauté regroupe vingt-six communes et un peu plus de cent mille habitants.', 'POUR ALLER PLUS LOIN', line].join('\n\n')).blocks;
    return parseProject({ numero: 1, section: '', heading: blocks[0]!, blocks: blocks.slice(1) }).allerPlusLoin.map((reference) => reference.texte);
  };

  it('are cut where one ends on its date, a closing parenthesis or a web address and the next opens with a capital', () => {
    expect(references('AdCF, La dimension ressources humaines, déc. 2015 Le Grand Narbonne, Charte de la mutualisation, 2018-2023 Guide pratique du contrôle interne (DGFIP) Publications de l’AFIGESE, voir www.afigese.fr Partages d’expérience du réseau')).toEqual([
      'AdCF, La dimension ressources humaines, déc. 2015',
      'Le Grand Narbonne, Charte de la mutualisation, 2018-2023',
      'Guide pratique du contrôle interne (DGFIP)',
      'Publications de l’AFIGESE, voir www.afigese.fr',
      'Partages d’expérience du réseau',
    ]);
  });

  it('keeps a short publisher or place after a date, and a date followed by a colon, with its reference', () => {
    expect(references('Rapport annuel sur les mobilités 2019 Ville de Rennes')).toEqual(['Rapport annuel sur les mobilités 2019 Ville de Rennes']);
    expect(references('Rapport de la Cour des comptes de février 2017 : Le logement social')).toEqual(['Rapport de la Cour des comptes de février 2017 : Le logement social']);
  });
});

describe('a column’s head read after a team set across the columns above its foot (text-after-team-goes-on)', () => {
  const read = (goesOn: string) => {
    const blocks = [
      block([['10', 3.6, true]], 26),
      block([['RÉORGANISER LA FONCTION FINANCIÈRE', 1.5, true]], 26),
      block([['Les préconisations', 0.95, true]], 26),
      block([['La mission a montré que la dématérialisation, en général, et le système', 1, false]], 27),
      block([['Les élèves', 0.95, true]], 27),
      block([['Jérémie CHOLLEY jeremie.cholley@administrateur-inet.org', 0.75, false]], 27),
      block([['Kevin CROUZET kevin.crouzet@administrateur-inet.org', 0.75, false]], 27),
      block([[goesOn, 1, false]], 27),
      block([['L’analyse comparative des autres régions a permis de mesurer la durée des démarches de changement.', 1, false]], 27),
    ];
    const parsed = parseProject({ numero: 10, section: '', heading: blocks[0]!, blocks: blocks.slice(1) });
    return { authors: parsed.auteurs.map((author) => author.name), cles: parsed.clesPourAgir };
  };

  it('goes back to the rubrique whose sentence it ends, joined to it, the paragraph after it with it', () => {
    const { authors, cles } = read('d’information financier, permettent de faire disparaître certaines tâches ;');
    expect(authors).toEqual(['Jérémie CHOLLEY', 'Kevin CROUZET']);
    expect(cles).toBe('La mission a montré que la dématérialisation, en général, et le système d’information financier, permettent de faire disparaître certaines tâches ;\n\nL’analyse comparative des autres régions a permis de mesurer la durée des démarches de changement.');
  });

  it('stays where it is when it does not open in lower case (no sentence it goes on)', () => {
    expect(read('Des missions plus qualifiées pour les agents des directions financières.').authors).toHaveLength(4);
  });
});

describe('a margin heading carried over a page break beside its paragraph’s continuation (paragraph-start-before-heading-over-page)', () => {
  const read = (restPage: number) =>
    splitRubriques(
      [
        block([['CONTEXTE', 0.9, true]], 18),
        body('La Région a lancé un plan d’amélioration de la qualité de service, dont une démarche de simplification.', 18),
        body('Dans ce contexte, la mission consistait à réfléchir à la diffusion d’une culture usager en identifiant les', 18),
        block([['LA PROBLÉMATIQUE', 0.9, true]], restPage),
        body('démarches à mettre en œuvre pour y parvenir. Un parti pris a été choisi : celui de la symétrie des attentions.', restPage),
      ],
      DEFAULT_VOCABULARY,
      where,
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)] as const);

  it('heads the whole paragraph: its start at the previous page’s foot goes under it', () => {
    const rubriques = read(19);
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toHaveLength(1);
    expect(rubriques.find(([key]) => key === 'problematique')?.[1][0]).toMatch(/^Dans ce contexte.* identifiant les démarches à mettre/);
  });

  it('leaves the rubriques as cut on one page (no page break to carry the heading over)', () => {
    expect(read(18).find(([key]) => key === 'contexte')?.[1]).toHaveLength(2);
  });
});

describe('a margin heading of two lines, its second a heading on its own, the text’s first line read between them (margin-heading-lines-apart)', () => {
  // « LA » over « PROBLÉMATIQUE » in the margin (x 48, a line apart), the text beside « LA » (x 156)
  // read between them, a sidebar's tutor card read just before.
  const heading = (text: string, x: number, y: number, width: number): Block => placed(block([[text, 1, true]], 7), x, y, width, 9);
  const blocks = (secondLineX: number): Block[] => [
    placed(block([['Tuteur', 0.89, false]], 7), 389, 231, 30, 9),
    placed(block([['Claire MÉNARD, Directrice de la transformation numérique', 0.89, false]], 7), 389, 240, 147, 20),
    heading('LA', 48, 267, 13),
    placed(body('Une partie des habitants, notamment les plus âgés, ne', 7), 156, 266, 205, 9),
    heading('PROBLÉMATIQUE', secondLineX, 280, 88),
    placed(body('parvient pas à déposer un dossier en ligne. Comment généraliser le dépôt électronique ?', 7), 156, 279, 372, 22),
  ];
  const passes = (secondLineX: number): Block[] => runHeadingPasses(blocks(secondLineX), DEFAULT_VOCABULARY).blocks;

  it('joins the two lines into one heading, before the text’s first line', () => {
    expect(passes(48).slice(2, 4).map((b) => b.text)).toEqual(['LA PROBLÉMATIQUE', 'Une partie des habitants, notamment les plus âgés, ne']);
    const { rubriques } = splitRubriques(passes(48), DEFAULT_VOCABULARY, where);
    expect(rubriques.find((rubrique) => rubrique.key === 'problematique')?.blocks.map((b) => b.text.slice(0, 10))).toEqual(['Une partie', 'parvient p']);
  });

  it('leaves them apart when the second line does not start at the first’s left edge (no one margin heading)', () => {
    expect(passes(60).map((b) => b.text)).toContain('LA');
  });
});
