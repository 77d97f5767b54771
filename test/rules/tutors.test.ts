/**
 * Tutors' cards (src/parse/moves.ts, src/parse/people.ts): a name and a function in the cards' own
 * type, kept together however the layout cut them. Each rule on a few invented blocks.
 */
import { describe, expect, it } from 'vitest';
import { runHeadingPasses } from '../../src/parse/heading-passes.js';
import { parseProject } from '../../src/parse/index.js';
import { parseTutorCards } from '../../src/parse/people.js';
import { splitRubriques } from '../../src/parse/rubriques.js';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import type { Block } from '../../src/types.js';
import { alike, block, placed } from '../helpers/blocks.js';

describe('a tutor’s long function in a sidebar beside a text rubrique', () => {
  const read = (fonction: string) =>
    splitRubriques(
      [
        block([['LE CONTEXTE', 0.9, true]], 88),
        block([['La Région conduit une politique de soutien à l’innovation des entreprises, dont le Hub Recherche est l’un des outils', 1, false]], 88),
        block([['TUTRICE AU SEIN DE LA COLLECTIVITÉ', 0.82, true]], 88),
        block([['GOUJAT Amandine', 0.86, true]], 88),
        block(fonction.split('\n').map((text) => [text, 0.86, false] as const), 88),
      ],
      DEFAULT_VOCABULARY,
      { projet: 18 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('stays on the card in the cards’ smaller type, longer than a line of prose (long-function-in-card)', () => {
    const fonction = 'Responsable de Service Actions\nSectorielles Pôles de compétitivité,\nclusters, domaines d’excellence\nDirection du Développement\nEconomique';
    const rubriques = read(fonction);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['GOUJAT Amandine', fonction.replaceAll('\n', ' ')]);
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toHaveLength(1);
  });

  it('goes back to the rubrique when it ends a sentence: text run on, not a function', () => {
    const runOn = 'sur les besoins des entreprises, les atouts des autres dispositifs déjà existants et les attentes des partenaires de la Région.';
    const rubriques = read(runOn);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['GOUJAT Amandine']);
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toHaveLength(2);
  });
});

describe('a tutor labelled inline in a sidebar set as list items', () => {
  /** The tutors' cards and the organisation of a project page whose sidebar holds these entries. */
  const read = (entries: readonly Block[]) => {
    const blocks = [
      alike(['PROJET 02'], 1, true, 6),
      alike(['BILAN DES 10 ANS D’EST ENSEMBLE'], 1.58, true, 6),
      alike(['EST ENSEMBLE'], 1.11, false, 6),
      ...entries,
      alike(['L’équipe projet'], 1, true, 6),
      alike(['Ariane RODEKUHR', 'ariane.rodekuhr@administrateur-inet.org'], 0.79, false, 6),
      alike(['Contexte'], 1, true, 6),
      alike(['Le bilan des 10 ans a été commandité par le Président.'], 1, false, 6),
    ];
    const parsed = parseProject({ numero: 2, section: '', heading: blocks[0]!, blocks: blocks.slice(1) });
    return { tuteurs: parsed.tuteurs.map((card) => [card.name, card.details.join(' ')]), collectivite: parsed.collectivite };
  };
  const item = (lines: readonly (readonly [string, boolean])[]): Block => ({ ...block(lines.map(([text, bold]) => [text, 0.89, bold] as const), 6), kind: 'listItem' });

  it('opens the tutors when the label ends its own line, its entry on the next (a label is a heading, whatever the kind of its block)', () => {
    const { tuteurs, collectivite } = read([item([['Tuteur au sein de la collectivité :', false]]), item([['Guillaume CLEDIERE, Directeur', true], ['général des services', false]])]);
    expect(tuteurs).toEqual([['Guillaume CLEDIERE', 'Directeur général des services']]);
    expect(collectivite).toBe('EST ENSEMBLE');
  });

  it('takes a given name wrapped alone on its line with the family name and function under it', () => {
    const { tuteurs } = read([
      alike(['Tuteur au sein de la collectivité :'], 0.89, false, 6),
      alike(['Jean-Jacques'], 0.89, true, 6),
      block([['NARAYANINSAMY, Directeur', 0.89, true], ['général des services', 0.89, false]], 6),
    ]);
    expect(tuteurs).toEqual([['Jean-Jacques NARAYANINSAMY', 'Directeur général des services']]);
  });
});

describe('a tutor’s function in smaller type under the name, the text run on after the card', () => {
  // The team and the tutor's card at a column's foot cut a sentence of « clés pour agir »; it goes
  // on at the next column's head, read after the card.
  const read = () =>
    splitRubriques(
      [
        block([['Clés pour agir', 1, true]], 31),
        block([['L’enjeu d’efficacité s’est trouvé au cœur de cette étude, puisqu’il s’agissait non seulement d’harmoniser les outils de la fonction financière,', 1, false]], 31),
        block([['L’équipe', 1, true]], 31),
        block([['CHOLLEY Jérémie', 1, true], ['jeremie.cholley@administrateur-inet.org', 0.79, false]], 31),
        block([['Encadrement', 1, true]], 31),
        block([['MUNSCH Simon', 1, true]], 31),
        block([['Directeur général des services', 0.84, false]], 31),
        block([['mais aussi d’adapter les ressources mobilisées à cet effet. Les questions de management ont été traitées avec les directions.', 1, false]], 31),
      ],
      DEFAULT_VOCABULARY,
      { projet: 10 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('stays on the card: the prose after it runs on, not the function (smaller-function-not-run-on)', () => {
    const rubriques = read();
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['MUNSCH Simon', 'Directeur général des services']);
    expect(rubriques.find(([key]) => key === 'clesPourAgir')?.[1]).toHaveLength(2);
  });
});

describe('a tutor’s function cut at the line end', () => {
  it('is joined back into one word at the typographic hyphen U+2010 too', () => {
    expect(parseTutorCards([alike(['Amandine GOUJAT'], 0.89, true), alike(['Responsable des pôles de com\u2010', 'pétitivité'], 0.89, false)]).map((card) => card.details)).toEqual([['Responsable des pôles de compétitivité']]);
  });
});

describe('a tutor’s family name in capitals over a heading on a line of its own', () => {
  it('stays on the card: the heading whole below runs into nothing (heading-whole-below)', () => {
    const { blocks } = runHeadingPasses([alike(['ENCADREMENT'], 0.9, true), block([['LE MERRER Claire', 0.9, true], ['Directrice générale des territoires', 0.76, false]]), alike(['CONTEXTE DE LA MISSION'], 0.9, true)], DEFAULT_VOCABULARY);
    expect(blocks.map((b) => b.text)).toEqual(['ENCADREMENT', 'LE MERRER Claire Directrice générale des territoires', 'CONTEXTE DE LA MISSION']);
  });
});

describe('a paragraph of the main column read between a sidebar’s tutors’ cards (main-column-prose-beside-cards)', () => {
  // Frames read by height: the context's second paragraph, printed in the main column beside the
  // sidebar, comes after the last card in reading order.
  const body = (text: string, y: number) => placed(block([[text, 1, false]], 26), 235, y, 312, 80);
  const read = (paragraphX: number) =>
    splitRubriques(
      [
        placed(block([['Contexte', 1, true]], 26), 235, 188, 44, 9),
        body('La Ville emploie 3500 agents, et nombreux sont ceux qui exercent des métiers pénibles. Les risques d’accidents du travail sont élevés.', 207),
        placed(block([['Tutorat', 0.86, false]], 26), 59, 338, 40, 9),
        placed(block([['Jan SLIWA, Directeur général adjoint ressources humaines', 0.86, false]], 26), 59, 350, 140, 20),
        placed(block([['Tutorat', 0.86, false]], 26), 59, 380, 40, 9),
        placed(block([['Noor DJATAOU, Directrice adjointe des ressources humaines', 0.86, false]], 26), 59, 392, 140, 20),
        placed(block([['En 2018, la Ville a lancé un plan d’amélioration des conditions de travail, intitulé « Engageons-nous », décliné en cinq axes de travail.', 1, false]], 26), paragraphX, 299, 312, 120),
        placed(block([['Problématique', 1, true]], 26), 235, 511, 72, 9),
        body('De nombreux enjeux sont à l’oeuvre dans ces évolutions.', 531),
      ],
      DEFAULT_VOCABULARY,
      { projet: 8 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text.slice(0, 12))]);

  it('goes back to the text rubrique whose column it shares, not into the tutor’s function', () => {
    const rubriques = read(235);
    expect(rubriques.filter(([key]) => key === 'tuteurs').map(([, texts]) => texts)).toEqual([['Jan SLIWA, D'], ['Noor DJATAOU']]);
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toEqual(['La Ville emp', 'En 2018, la ']);
  });

  it('stays with the cards when it is printed in their column', () => {
    const rubriques = read(59);
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toEqual(['La Ville emp']);
    expect(rubriques.filter(([key]) => key === 'tuteurs').map(([, texts]) => texts)).toEqual([['Jan SLIWA, D'], ['Noor DJATAOU', 'En 2018, la ']]);
  });
});

describe('a sidebar of tutors read by its frames\' height, between the paragraphs of the text beside it', () => {
  // The sidebar (x 59, 150 wide) holds the tutors' heading and its cards; the text column (x 235,
  // 312 wide) holds the rubriques. Frames read by their top interleave the two.
  const side = (of: Block, y: number) => placed(of, 59, y, 150, 20);
  const main = (of: Block, y: number) => placed(of, 235, y, 312, 60);
  const split = (blocks: Block[]) =>
    splitRubriques(blocks, DEFAULT_VOCABULARY, { projet: 6 }).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
  const card = (text: string, y: number) => side(block([[text, 0.9, false]], 18), y);

  it('takes the cards read inside the next rubrique back under the empty tutors\' heading (cards-beside-text)', () => {
    const rubriques = split([
      side(block([['Tuteurs dans la collectivité', 0.95, true]], 18), 298),
      main(block([['Contexte et enjeux', 0.95, true]], 18), 148),
      main(block([['La Région a engagé une démarche de culture usager au sein de ses services.', 1, false]], 18), 167),
      card('Aleksandra GAIFFE – Directrice générale adjointe', 316),
      card('Sandra DE PINHO – Directrice Qualité et performance', 355),
      main(block([['D’autre part, la loi du 16 janvier 2015 a regroupé deux régions.', 1, false]], 18), 315),
    ]);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['Aleksandra GAIFFE – Directrice générale adjointe', 'Sandra DE PINHO – Directrice Qualité et performance']);
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toHaveLength(2);
  });

  it('leaves dash lines inside the text\'s own column in the text', () => {
    const rubriques = split([
      side(block([['Tuteurs dans la collectivité', 0.95, true]], 18), 298),
      main(block([['Contexte et enjeux', 0.95, true]], 18), 148),
      main(block([['La Région a engagé une démarche de culture usager au sein de ses services.', 1, false]], 18), 167),
      main(block([['Aleksandra GAIFFE – Directrice générale adjointe', 1, false]], 18), 240),
      main(block([['D’autre part, la loi du 16 janvier 2015 a regroupé deux régions.', 1, false]], 18), 315),
    ]);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual([]);
  });

  it('gives the text read under the tutors\' heading, above its column\'s rest and beside the cards, back to the rubrique (text-above-its-column)', () => {
    const blocks = (firstX: number) => [
      main(block([['La commande', 0.95, true]], 35), 240),
      side(block([['Tuteur dans la collectivité', 0.95, true]], 35), 298),
      placed(block([['Est Ensemble en quelques lignes ...', 1, true]], 35), firstX, 259, 134, 10),
      side(block([['Jérôme LENOIR – Directeur général', 0.9, false], ['des services', 0.9, false]], 35), 316),
      main(block([['pour autant, il constitue une opportunité de revoir les méthodes de travail.', 1, false]], 35), 317),
      main(block([['Des clés pour agir', 0.95, true]], 35), 402),
      main(block([['Le rapport propose d’articuler la gestion des risques avec les projets.', 1, false]], 35), 440),
    ];
    const rubriques = split(blocks(235));
    expect(rubriques.find(([key]) => key === 'problematique')?.[1]).toEqual(['Est Ensemble en quelques lignes ...', 'pour autant, il constitue une opportunité de revoir les méthodes de travail.']);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['Jérôme LENOIR – Directeur général des services']);
    // The same line in the sidebar's column is the sidebar's: it stays.
    expect(split(blocks(59)).find(([key]) => key === 'tuteurs')?.[1]).toContain('Est Ensemble en quelques lignes ...');
  });
});

describe('a caption in the text run on after a sidebar’s cards (caption-in-run-on)', () => {
  /** A project page whose sidebar (team, tutor) is read after the column, then the next page's text runs on. */
  const read = (runOn: readonly Block[]) =>
    splitRubriques(
      [
        alike(['LES PRÉCONISATIONS'], 0.9, true, 4),
        alike(['La cartographie réalisée par la mission vise à permettre une analyse globale des modèles de mutualisation.'], 1, false, 4),
        alike(['LES AUTEURS'], 0.9, true, 4),
        alike(['PEYRATOUT Fanette', 'fanette.peyratout@administrateur-inet.org'], 0.81, true, 4),
        alike(['Encadrement : LE MERRER Claire, Directrice générale des territoires'], 0.81, false, 4),
        ...runOn,
      ],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    );
  const prose = alike(['Trois modèles de territorialisation ont été observés : la sectorisation concerne les métropoles qui n’ont pas territorialisé leurs services.'], 1, false, 5);
  const caption = alike(['MODÈLES DE TERRITORIALISATION'], 0.9, true, 5);
  const row = alike(['Sectorisation : pas de territorialisation des services en pôles, seulement une sectorisation du territoire pour les interventions.'], 1, false, 5);

  it('stays in the text run on when prose was read under the cards before it: no box', () => {
    const split = read([prose, caption, row]);
    expect(split.unknown).toEqual([]);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'clesPourAgir')?.blocks.map((b) => b.text)).toEqual([
      'La cartographie réalisée par la mission vise à permettre une analyse globale des modèles de mutualisation.',
      prose.text,
      caption.text,
      row.text,
    ]);
  });

  it('heads a box of its own right after the cards (prose-after-people)', () => {
    const split = read([caption, row]);
    expect(split.unknown.map((box) => box.heading)).toEqual([caption.text]);
  });
});

describe('key figures run on to the next page after a sidebar’s tutor card (figures-run-on-after-tutors)', () => {
  const read = (nextPage: readonly Block[]) =>
    splitRubriques(
      [
        alike(['LES CHIFFRES CLÉS'], 0.9, true, 3),
        alike(['TUTEUR'], 0.9, true, 3),
        alike(['Agnès TISSERAND', 'Directrice générale adjointe des services à la population'], 0.81, true, 3),
        ...nextPage,
        alike(['ALLER PLUS LOIN'], 0.9, true, 4),
        alike(['Association des maires de Marne-et-Solvaire, www.maires-solvaire.fr'], 0.81, false, 4),
      ],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('go back to the key figures, each figure with its label, and the card keeps its function', () => {
    const rubriques = read([alike(['26'], 1.43, true, 4), alike(['communes membres de l’agglomération'], 0.81, false, 4), alike(['12 500'], 1.43, true, 4), alike(['repas servis chaque jour'], 0.81, false, 4)]);
    expect(rubriques.find(([key]) => key === 'chiffres')?.[1]).toEqual(['26', 'communes membres de l’agglomération', '12 500', 'repas servis chaque jour']);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['Agnès TISSERAND Directrice générale adjointe des services à la population']);
  });

  it('figures set inline in the label’s type go back too', () => {
    const rubriques = read([alike(['12 500 repas servis chaque jour dans les écoles'], 1, false, 4), alike(['+18 % de produits durables dans les assiettes'], 1, false, 4)]);
    expect(rubriques.find(([key]) => key === 'chiffres')?.[1]).toHaveLength(2);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toHaveLength(1);
  });
});

describe('key figures under their heading beside a sidebar’s tutor card, read after the card (figures-beside-cards)', () => {
  // The figures' heading ends the main column; the tutor's sidebar (right, higher up) is read next;
  // the figures table under the heading, read as a region of its own, comes last.
  const read = (figureX: number) =>
    splitRubriques(
      [
        placed(alike(['LES CHIFFRES CLÉS'], 0.9, true, 7), 48, 569, 104, 9),
        placed(alike(['TUTEUR DANS LA COLLECTIVITÉ'], 0.9, true, 7), 388, 291, 90, 23, 1),
        placed(alike(['GARNIER-BOSC Olivier – Directeur de l’autonomie'], 0.81, false, 7), 388, 322, 139, 21, 1),
        placed(alike(['4 200'], 1.2, true, 7), figureX, 592, 27, 12),
        placed(alike(['aidants accompagnés chaque année'], 0.81, false, 7), figureX + 38, 591, 227, 8),
        placed(alike(['27 %'], 1.2, true, 7), figureX, 615, 27, 12),
        placed(alike(['des aidants interrogés'], 0.81, false, 7), figureX + 38, 614, 215, 8),
      ],
      DEFAULT_VOCABULARY,
      { projet: 2 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('go back to the key figures when printed in a column no card reaches', () => {
    const rubriques = read(54);
    expect(rubriques.find(([key]) => key === 'chiffres')?.[1]).toEqual(['4 200', 'aidants accompagnés chaque année', '27 %', 'des aidants interrogés']);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['GARNIER-BOSC Olivier – Directeur de l’autonomie']);
  });

  it('stay under the cards when printed in the cards’ column', () => {
    const rubriques = read(390);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toHaveLength(5);
  });
});

describe('key figures appended to the testimony without a heading, run on past a sidebar’s tutor card (appended-figures-run-on-after-tutors)', () => {
  const read = (nextPage: readonly Block[]) =>
    splitRubriques(
      [
        alike(['PAROLE DE LA COLLECTIVITÉ'], 0.9, true, 3),
        alike(['« L’équipe a su écouter des élus aux attentes parfois opposées et leur proposer une feuille de route partagée. »'], 1, false, 3),
        alike(['Agnès Tisserand, directrice générale adjointe des services à la population'], 0.9, false, 3),
        alike(['26 communes membres de l’agglomération'], 1, false, 3),
        alike(['TUTORAT'], 0.9, true, 3),
        alike(['Agnès TISSERAND – Directrice générale adjointe des services à la population'], 0.9, true, 3),
        ...nextPage,
        alike(['RESSOURCES'], 0.9, true, 4),
        alike(['Association des maires de Marne-et-Solvaire, www.maires-solvaire.fr'], 0.81, false, 4),
      ],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('go back with the figure that ends the testimony, and are read as the key figures', () => {
    const rubriques = read([alike(['12 500 repas servis chaque jour dans les écoles'], 1, false, 4), alike(['+18 % de produits durables dans les assiettes d’ici 2034'], 1, false, 4)]);
    expect(rubriques.find(([key]) => key === 'chiffres')?.[1]).toHaveLength(3);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toHaveLength(1);
  });

  it('stay on the card when they would make no run of figures with the testimony’s end', () => {
    const rubriques = read([alike(['12 500 repas servis chaque jour dans les écoles'], 1, false, 4)]);
    expect(rubriques.find(([key]) => key === 'chiffres')).toBeUndefined();
  });
});

describe('key figures with no heading printed wholly at the next page’s head, after a sidebar’s tutor card (appended-figures-all-after-tutors)', () => {
  const read = (nextPage: readonly Block[]) =>
    splitRubriques(
      [
        alike(['Témoignage de la collectivité'], 0.9, true, 5),
        alike(['« L’équipe a su écouter des élus aux attentes parfois opposées et leur proposer une feuille de route partagée. »'], 1, false, 5),
        alike(['Agnès Tisserand, directrice générale adjointe des services à la population'], 0.81, false, 5),
        alike(['Tutorat'], 0.9, true, 5),
        alike(['TISSERAND Agnès', 'Directrice générale adjointe des services à la population'], 0.81, true, 5),
        ...nextPage,
        alike(['Ressources'], 0.9, true, 6),
        alike(['Association des maires de Marne-et-Solvaire, www.maires-solvaire.fr'], 0.81, false, 6),
      ],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
  const figures = [
    alike(['26'], 2.09, true, 6),
    alike(['communes membres de l’agglomération'], 0.81, false, 6),
    alike(['12 500'], 2.09, true, 6),
    alike(['repas servis chaque jour dans les écoles'], 0.81, false, 6),
  ];

  it('are read as the key figures, and the card keeps its function alone', () => {
    const rubriques = read(figures);
    expect(rubriques.find(([key]) => key === 'chiffres')?.[1]).toEqual(['26', 'communes membres de l’agglomération', '12 500', 'repas servis chaque jour dans les écoles']);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['TISSERAND Agnès Directrice générale adjointe des services à la population']);
  });

  it('stay on the card when they make no run of figures (one number alone over its line)', () => {
    const rubriques = read(figures.slice(0, 2));
    expect(rubriques.find(([key]) => key === 'chiffres')).toBeUndefined();
  });
});

describe('text run on after a sidebar of labelled tutor cards, one per tutor (labelled-cards-one-sidebar)', () => {
  it('goes back to the rubrique the sidebar interrupted, not onto the last card’s function', () => {
    // Placed as printed: the text column at x 156, the sidebar's cards at x 388.
    const rubriques = splitRubriques(
      [
        placed(alike(['Contexte'], 0.9, true, 22), 48, 169, 44, 9),
        placed(alike(['Portant sur la diffusion de la culture usager via notamment le design de service, au sein du Pôle Performance et proximité.'], 1, false, 22), 156, 170, 204, 270),
        placed(alike(['Tuteur : GAIFFE Aleksandra, Directrice générale adjointe performance et proximité'], 0.81, false, 22), 388, 180, 113, 30),
        placed(alike(['Tuteur : DE PINHO Sandra, Directrice Qualité et performance'], 0.81, false, 22), 388, 219, 144, 20),
        placed(alike(['D’autre part, la loi du 16 janvier 2015 relative à la délimitation des régions a acté le regroupement des Régions, dans le cadre du'], 1, false, 22), 156, 447, 204, 300),
        placed(alike(['projet d’amélioration des conditions de travail, le PAR a également permis la déclinaison d’actions ciblées, dont une démarche de simplification.'], 1, false, 23), 156, 60, 391, 40),
        alike(['La commande'], 0.9, true, 23),
      ],
      DEFAULT_VOCABULARY,
      { projet: 6 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)] as const);
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toHaveLength(3);
    expect(rubriques.filter(([key]) => key === 'tuteurs').map(([, texts]) => texts.length)).toEqual([1, 1]);
  });
});

describe('a paragraph of the main column read among a sidebar’s cards, the text run on after them (main-column-prose-in-place)', () => {
  it('goes back to its place in the column, before the text printed under it', () => {
    const main = (text: string, y: number, width = 205) => placed(block([[text, 1, false]], 32), 156, y, width, 50);
    const side = (text: string, y: number, bold = true) => placed(block([[text, 0.81, bold]], 32), 389, y, 146, 30);
    const rubriques = splitRubriques(
      [
        placed(block([['CONTEXTE DE LA MISSION', 0.9, true]], 32), 48, 198, 79, 9),
        main('La Ville emploie 3500 agents, et nombreux sont ceux qui exercent des métiers pénibles. Les risques sont élevés.', 198),
        side('TUTEURS DANS LA COLLECTIVITÉ', 347),
        main('En 2018, la Ville a lancé un plan d’amélioration des conditions de travail, intitulé « Engageons-nous », décliné en cinq axes, afin de', 375),
        side('Jan SLIWA Directeur général adjoint ressources humaines', 378),
        side('Noor DJATAOU Directrice adjointe des ressources humaines', 418),
        main('reclassement, mais également de prévenir ces situations, en multipliant les actions de prévention auprès des agents.', 531, 392),
        main('Compte tenu de la complexité du sujet, la Ville a fait le choix de procéder à une expérimentation sur deux métiers.', 594, 392),
        placed(block([['PROBLÉMATIQUE', 0.9, true]], 32), 48, 675, 96, 9),
        main('De nombreux enjeux sont à l’oeuvre dans ces évolutions.', 674, 392),
      ],
      DEFAULT_VOCABULARY,
      { projet: 8 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text.slice(0, 12))] as const);
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toEqual(['La Ville emp', 'En 2018, la ', 'reclassement', 'Compte tenu ']);
  });
});

describe('references run on to the next page after a sidebar’s tutor card (references-run-on-after-tutors)', () => {
  it('go back to the references, the card keeping its function', () => {
    const rubriques = splitRubriques(
      [
        alike(['ALLER PLUS LOIN'], 0.9, true, 3),
        alike(['Observatoire de la restauration collective durable, Guide de la mutualisation des cuisines, 2029'], 0.81, false, 3),
        alike(['TUTEUR'], 0.9, true, 3),
        alike(['Agnès TISSERAND', 'Directrice générale adjointe des services à la population'], 0.81, true, 3),
        alike(['Association des maires de Marne-et-Solvaire, www.maires-solvaire.fr'], 0.81, false, 4),
        alike(['L’ÉQUIPE PROJET'], 0.9, true, 4),
        alike(['Lisa MARCHETTI lisa.marchetti@administrateur-inet.org'], 0.71, false, 4),
      ],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)] as const);
    expect(rubriques.find(([key]) => key === 'allerPlusLoin')?.[1]).toHaveLength(2);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['Agnès TISSERAND Directrice générale adjointe des services à la population']);
  });
});

describe('a tutor’s one-line card carried to the next page, set in the references’ type (card-form-not-reference)', () => {
  const read = (nextPage: string) =>
    splitRubriques(
      [
        alike(['Ressources'], 0.9, true, 41),
        alike(['Le nouvel âge de la mobilité, Amar Georges, FYP éditions, 2011'], 0.81, false, 41),
        alike(['L’équipe'], 0.9, true, 41),
        alike(['OUARDI Samira samira.ouardi@administrateur-inet.org'], 0.71, false, 41),
        alike(['Encadrement'], 0.9, true, 41),
        alike(['RASCALON Pascal – Chef de Mission INTERMOD'], 0.81, false, 41),
        alike([nextPage], 0.81, false, 42),
      ],
      DEFAULT_VOCABULARY,
      { projet: 15 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)] as const);

  it('stays with the tutors: the tutors’ first card has its form, no reference has it', () => {
    const rubriques = read('HEIDSIEK Claire – Directrice générale adjointe mobilités');
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['RASCALON Pascal – Chef de Mission INTERMOD', 'HEIDSIEK Claire – Directrice générale adjointe mobilités']);
    expect(rubriques.find(([key]) => key === 'allerPlusLoin')?.[1]).toHaveLength(1);
  });

  it('a reference in the references’ type still goes back to them', () => {
    const rubriques = read('Motilité et mobilité : mode d’emploi, Kaufmann Vincent, Alphil éditions, 2015');
    expect(rubriques.find(([key]) => key === 'allerPlusLoin')?.[1]).toHaveLength(2);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toHaveLength(1);
  });
});

describe('a tutor’s function under the card’s name, before the text run on after the sidebar (smaller-function-not-run-on)', () => {
  it('stays the card’s: only the text from the next page goes back to the rubrique the sidebar interrupted', () => {
    const rubriques = splitRubriques(
      [
        placed(alike(['PROBLÉMATIQUE'], 0.9, true, 34), 214, 260, 96, 9),
        placed(alike(['A cela s’ajoute enfin la nécessité, avec une nouvelle organisation, de ne pas dénaturer le marqueur fort qu’est la proximité humaine, la convivialité, les solidarités'], 1, false, 34), 214, 693, 145, 60),
        placed(alike(['ENCADREMENT'], 0.9, true, 34), 388, 181, 86, 9),
        placed(alike(['Catherine TUDOSE-MARTINEZ'], 0.8, true, 34), 388, 199, 141, 10),
        placed(alike(['Directrice du management et de l’accompagnement au changement'], 0.8, false, 34), 388, 211, 146, 20),
        placed(alike(['et la personnalisation élevé des services rendus à l’utilisateur, spécifiquement dans une ville de cette taille.'], 1, false, 35), 48, 59, 231, 30),
        placed(alike(['CLÉS POUR AGIR'], 0.9, true, 35), 48, 95, 95, 9),
      ],
      DEFAULT_VOCABULARY,
      { projet: 9 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text.slice(0, 20))] as const);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['Catherine TUDOSE-MAR', 'Directrice du manage']);
    expect(rubriques.find(([key]) => key === 'problematique')?.[1]).toEqual(['A cela s’ajoute enfi', 'et la personnalisati']);
  });
});

describe('text run on across the page under a sidebar of labelled tutor cards (run-on-wider-than-cards)', () => {
  it('goes back to the rubrique the sidebar interrupted: set from left of the cards’ column, it is not that column going on', () => {
    const rubriques = splitRubriques(
      [
        placed(alike(['CLÉS POUR AGIR'], 0.9, true, 7), 48, 327, 88, 9),
        placed(alike(['L’équipe a observé le parcours de trente demandeurs et recueilli les difficultés rencontrées à chaque étape.'], 1, false, 7), 48, 347, 312, 50),
        placed(alike(['LES AUTEURS'], 0.9, true, 7), 389, 184, 71, 9),
        placed(alike(['Baptiste LOURMEL baptiste.lourmel@ingenieurchef-inet.org'], 0.8, false, 7), 389, 202, 102, 20),
        placed(alike(['Tuteur : Philippe HOARAU, Directeur général des services'], 0.8, false, 7), 389, 294, 143, 20),
        placed(alike(['Tuteur : Claire MÉNARD, Directrice de la transformation numérique'], 0.8, false, 7), 389, 321, 147, 20),
        placed(alike(['Des conseillers numériques ont été formés aux notions d’urbanisme afin de relayer ces permanences dans les communes rurales.'], 1, false, 7), 48, 407, 499, 25),
      ],
      DEFAULT_VOCABULARY,
      { projet: 4 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text.slice(0, 20))] as const);
    expect(rubriques.find(([key]) => key === 'clesPourAgir')?.[1]).toEqual(['L’équipe a observé l', 'Des conseillers numé']);
    expect(rubriques.filter(([key]) => key === 'tuteurs').map(([, texts]) => texts)).toEqual([['Philippe HOARAU, Dir'], ['Claire MÉNARD, Direc']]);
  });
});

describe('a column beside a band of people at the page’s foot, read after the band (column-above-people-band)', () => {
  // Three columns (x 48, 221, 394) over a band at the page's foot (y 348 on): the team, then the tutor.
  const page = (third: Block) =>
    splitRubriques(
      [
        placed(alike(['PAROLE DE LA COLLECTIVITÉ'], 0.9, true, 10), 221, 59, 152, 9),
        placed(alike(['« L’équipe d’élèves a su rapidement mobiliser autour de la démarche, soulignant la pédagogie dont ont su faire preuve les élèves, qui a contribué'], 1, false, 10), 221, 107, 153, 230),
        placed(alike(['L’ÉQUIPE'], 0.9, true, 10), 48, 348, 47, 9),
        placed(alike(['GARRIGUES Xavier xavier.garrigues@administrateur-inet.org'], 0.8, false, 10), 48, 367, 226, 10),
        placed(alike(['MANIN Olivier olivier.manin@ingenieurchef-inet.org'], 0.8, false, 10), 48, 382, 190, 10),
        third,
        placed(alike(['TUTEUR'], 0.9, true, 10), 48, 437, 41, 9),
        placed(block([['LENOIR Jérôme', 0.9, true], ['Directeur général des services', 0.8, false]], 10), 48, 456, 108, 20),
      ],
      DEFAULT_VOCABULARY,
      { projet: 3 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)] as const);

  it('goes back to the text ending in the column before it, the cut sentence joined', () => {
    const rubriques = page(placed(alike(['en soi à faire progresser la prise de conscience vers une nécessaire accélération de la mutualisation. »'], 1, false, 10), 394, 59, 143, 60));
    expect(rubriques.find(([key]) => key === 'auteurs')?.[1]).toHaveLength(2);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1].at(-1)).toMatch(/qui a contribué en soi à faire progresser.*mutualisation\. »$/);
  });

  it('a box among that text becomes a box', () => {
    const rubriques = splitRubriques(
      [
        placed(alike(['TÉMOIGNAGE DE LA COLLECTIVITÉ'], 0.9, true, 29), 48, 305, 197, 9),
        placed(alike(['"Je les remercie très sincèrement pour la qualité de leur travail, surtout dans sa dimension opérationnelle."'], 1, false, 29), 48, 546, 239, 90),
        placed(alike(['LES AUTEURS'], 0.9, true, 29), 48, 652, 77, 9),
        placed(alike(['BERGER Thibault thibault.berger@administrateur-inet.org'], 0.9, false, 29), 48, 670, 150, 20),
        placed(alike(['Et après...'], 0.9, true, 29), 317, 477, 55, 10),
        placed(alike(['La refonte de l’accueil est un projet qui devra s’inscrire sur plusieurs années, et accompagner la collectivité sur ce chemin.'], 0.8, false, 29), 317, 495, 221, 120),
      ],
      DEFAULT_VOCABULARY,
      { projet: 9 },
    );
    expect(rubriques.rubriques.find((rubrique) => rubrique.key === 'auteurs')?.blocks).toHaveLength(1);
    expect(rubriques.unknown.map((box) => [box.heading, box.blocks.length])).toEqual([['Et après...', 1]]);
  });

  it('over a band set across the columns (people-band-across-columns), a box under the figures goes back and becomes a box', () => {
    // The tutors' card runs across both columns (x 48 to 492); the box ends the right column, above it.
    const split = splitRubriques(
      [
        placed(alike(['EN CHIFFRES'], 0.95, true, 28), 308, 170, 75, 9),
        placed(alike(['79 agents et cadres directement mobilisés sur le thème de l’accueil'], 1, false, 28), 308, 188, 234, 25),
        placed(alike(['1 cahier des charges fonctionnel'], 1, false, 28), 308, 331, 164, 12),
        placed(alike(['TUTEUR AU SEIN DE LA COLLECTIVITÉ'], 0.95, true, 28), 48, 673, 216, 9),
        placed(alike(['Catherine TUDOSE-MARTINEZ – Directrice du management et de l’accompagnement au changement'], 0.85, false, 28), 48, 690, 444, 10),
        placed(alike(['Et après...'], 0.95, true, 28), 317, 364, 55, 10),
        placed(alike(['La refonte de l’accueil est un projet qui devra s’inscrire sur plusieurs années, et accompagner la collectivité sur ce chemin.'], 0.85, false, 28), 317, 381, 221, 90),
      ],
      DEFAULT_VOCABULARY,
      { projet: 9 },
    );
    expect(split.rubriques.find((rubrique) => rubrique.key === 'tuteurs')?.blocks.map((b) => b.text)).toEqual(['Catherine TUDOSE-MARTINEZ – Directrice du management et de l’accompagnement au changement']);
    expect(split.unknown.map((box) => [box.heading, box.blocks.length])).toEqual([['Et après...', 1]]);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'chiffres')?.blocks).toHaveLength(2);
  });

  it('a box under the key figures of its own column, no prose in it, becomes a box: the column goes on under the figures', () => {
    const split = splitRubriques(
      [
        placed(alike(['Les chiffres clés'], 0.9, true, 20), 308, 312, 82, 9),
        placed(alike(['93 personnes contactées, 70 entretiens réalisés.'], 1, false, 20), 308, 330, 215, 15),
        placed(alike(['1 formation au design de service à l’INET.'], 1, false, 20), 308, 519, 184, 15),
        placed(alike(['L’équipe'], 0.9, true, 20), 48, 750, 42, 9),
        placed(alike(['DAVID'], 0.8, false, 20), 54, 772, 25, 10),
        placed(alike(['Julie Conservateur julie.david@conservateur-inet.org'], 0.8, false, 20), 132, 772, 90, 10),
        placed(alike(['& DES HAUTS DÉBATS'], 0.9, true, 20), 317, 552, 105, 10),
        placed(alike(['S’informer, échanger et débattre de l’actualité régionale'], 0.8, false, 20), 317, 570, 208, 12),
        placed(alike(['Jeudi 10 octobre - 13h - 14h Lille (bar de l’Hémicycle)'], 0.8, false, 20), 317, 587, 201, 12),
      ],
      DEFAULT_VOCABULARY,
      { projet: 6 },
    );
    expect(split.unknown.map((box) => [box.heading, box.blocks.length])).toEqual([['& DES HAUTS DÉBATS', 2]]);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'chiffres')?.blocks).toHaveLength(2);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'auteurs')?.blocks.map((b) => b.text)).toEqual(['DAVID', 'Julie Conservateur julie.david@conservateur-inet.org']);
  });

  it('running text goes on from the testimony, not from references ending lower in the column before it', () => {
    const split = splitRubriques(
      [
        placed(alike(['PAROLE DE LA COLLECTIVITÉ'], 0.9, true, 49), 221, 59, 152, 9),
        placed(alike(['« Le Département a refondé sa politique culturelle en 2018, travailler à ce projet avec une équipe de l’INET est une opportunité.'], 1, false, 49), 221, 119, 152, 250),
        placed(alike(['POUR ALLER PLUS LOIN'], 0.9, true, 49), 221, 480, 124, 9),
        placed(alike(['Stratégie touristique Alsace 2017-2021'], 0.8, false, 49), 235, 492, 127, 10),
        placed(alike(['L’ÉQUIPE'], 0.9, true, 49), 48, 557, 47, 9),
        placed(alike(['MOKRANI Sara sara.mokrani@administrateur-inet.org'], 0.8, false, 49), 48, 576, 199, 10),
        placed(alike(['TUTEUR'], 0.9, true, 49), 48, 661, 41, 9),
        placed(block([['MEROT Olivier', 0.9, true], ['Directeur de la mission culture et tourisme', 0.8, false]], 49), 48, 680, 149, 20),
        placed(alike(['Le croisement des expériences et des expertises sur une phase d’appropriation de la démarche avec les équipes a été fructueux : elles sauront capitaliser sur ces résultats. »'], 1, false, 49), 394, 59, 152, 290),
      ],
      DEFAULT_VOCABULARY,
      { projet: 21 },
    );
    expect(split.rubriques.find((rubrique) => rubrique.key === 'temoignage')?.blocks).toHaveLength(2);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'allerPlusLoin')?.blocks).toHaveLength(1);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'tuteurs')?.blocks).toHaveLength(1);
  });

  it('a card beside the band, or text printed under the band’s top, stays where it was read', () => {
    const card = page(placed(block([['DURAND Léa', 0.9, true], ['Directrice générale adjointe des services', 0.8, false]], 10), 394, 59, 143, 20));
    expect(card.find(([key]) => key === 'temoignage')?.[1]).toHaveLength(1);
    const under = page(placed(alike(['en soi à faire progresser la prise de conscience vers une nécessaire accélération de la mutualisation. »'], 1, false, 10), 394, 360, 143, 60));
    expect(under.find(([key]) => key === 'temoignage')?.[1]).toHaveLength(1);
  });
});
