/**
 * The testimony (src/parse/rubriques.ts): its quote and its signature, wherever the reading order
 * put them. Each rule on a few invented blocks, so that it fails on its own.
 */
import { describe, expect, it } from 'vitest';
import { splitRubriques } from '../../src/parse/rubriques.js';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import type { Block } from '../../src/types.js';
import { block, placed } from '../helpers/blocks.js';

describe('a testimony whose signature is read after a sidebar of tutors', () => {
  const read = (signature: string, page: number) =>
    splitRubriques(
      [
        block([['CONTEXTE', 1.2, true]], 4),
        block([['La communauté regroupe vingt-six communes et un peu plus de 140 000 habitants.', 1, false]], 4),
        block([['PAROLE DE LA COLLECTIVITÉ', 1.2, true]], 4),
        block([['« L’équipe a su écouter des élus aux attentes parfois opposées. »', 1, false]], 4),
        block([['TUTEUR', 1.2, true]], 4),
        block([['Agnès TISSERAND, Directrice générale adjointe des services', 0.9, false]], 4),
        block([[signature, 0.9, false]], page),
      ],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('gets it back when it signs with a tutor’s name on the next page (signature-after-cards)', () => {
    const rubriques = read('Agnès Tisserand, directrice générale adjointe des services', 5);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual(['« L’équipe a su écouter des élus aux attentes parfois opposées. »', 'Agnès Tisserand, directrice générale adjointe des services']);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['Agnès TISSERAND, Directrice générale adjointe des services']);
  });

  it('leaves a second tutor’s card where it is', () => {
    const rubriques = read('Paul MARTIN, directeur des services', 5);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toHaveLength(2);
  });
});

describe('a testimony whose signature is read after a tutor’s card printed « NOM Prénom » over the function', () => {
  const read = (signature: string) =>
    splitRubriques(
      [
        block([['Témoignage de la collectivité', 0.9, true]], 5),
        block([['« L’équipe a su écouter des élus aux attentes parfois opposées. »', 1, false]], 5),
        block([['Tutorat', 0.9, true]], 5),
        block([['TISSERAND Agnès', 0.81, true], ['Directrice générale adjointe des services', 0.76, false]], 5),
        block([[signature, 0.81, false]], 6),
      ],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('gets it back when it signs with the card’s name in the other order (signature-names-any-order)', () => {
    const rubriques = read('Agnès Tisserand, directrice générale adjointe des services');
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual(['« L’équipe a su écouter des élus aux attentes parfois opposées. »', 'Agnès Tisserand, directrice générale adjointe des services']);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['TISSERAND Agnès Directrice générale adjointe des services']);
  });

  it('leaves a signature of another name on the card’s side', () => {
    const rubriques = read('Agnès Martin, directrice générale adjointe des services');
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toHaveLength(2);
  });
});

describe('tutors’ cards of a sidebar read under the next heading', () => {
  const read = (card: string) =>
    splitRubriques(
      [
        block([['LE CONTEXTE', 1.2, true]], 7),
        block([['Les archives communales conservent plus de quatre kilomètres linéaires de documents.', 1, false]], 7),
        block([['ENCADREMENT', 1.2, true]], 7),
        block([['LES PRÉCONISATIONS', 1.2, true]], 7),
        block([[card, 0.9, false]], 7),
        block([['L’équipe a conçu avec le service des archives un programme de transcription collaborative.', 1, false]], 7),
      ],
      DEFAULT_VOCABULARY,
      { projet: 3 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('go back under the tutors’ heading left empty (cards-after-empty-tutors)', () => {
    const rubriques = read('BELLANGER Sophie – Directrice des archives');
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['BELLANGER Sophie – Directrice des archives']);
    expect(rubriques.find(([key]) => key === 'clesPourAgir')?.[1]).toHaveLength(1);
  });

  it('leave a line of text opening the next rubrique where it is', () => {
    const rubriques = read('Trois ateliers – un par quartier – ont réuni les habitants.');
    expect(rubriques.find(([key]) => key === 'clesPourAgir')?.[1]).toHaveLength(2);
  });
});

describe('a sidebar of tutors read in the middle of a text rubrique', () => {
  it('keeps a card in regular type with the tutors and gives the text run on after it back to the rubrique (card-not-run-on)', () => {
    const rubriques = splitRubriques(
      [
        block([['LE CONTEXTE', 1, true]], 17),
        block([['Portant sur la diffusion de la culture usager, cette mission s’inscrit dans un contexte particulier. Associé à un projet, le PAR a', 1, false]], 17),
        block([['ENCADREMENT', 1, true]], 17),
        block([['Aleksandra GAIFFE – Directrice', 0.89, true], ['générale adjointe performance', 0.89, false]], 17),
        block([['Sandra DE PINHO – Directrice Qualité', 0.89, false], ['et performance', 0.89, false]], 17),
        block([['également permis la déclinaison d’actions ciblées, dont une démarche de simplification et le déploiement de la culture usager, objet de ce stage.', 1, false]], 17),
        block([['LA PROBLÉMATIQUE', 1, true]], 17),
        block([['Dans ce contexte, la mission consistait à réfléchir à la diffusion d’une culture usager.', 1, false]], 17),
      ],
      DEFAULT_VOCABULARY,
      { projet: 6 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['Aleksandra GAIFFE – Directrice générale adjointe performance', 'Sandra DE PINHO – Directrice Qualité et performance']);
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toHaveLength(2);
  });
});

describe('the rest of a sentence read after a sidebar’s tutors', () => {
  it('goes back to the rubrique the cards interrupted, with the list under it (sentence-run-on-after-tutors)', () => {
    const rubriques = splitRubriques(
      [
        block([['LA PROBLÉMATIQUE', 1, true]], 24),
        block([['L’équipe a construit des ateliers participatifs avec la majeure partie des cadres de la Ville et de', 1, false]], 24),
        block([['ENCADREMENT', 1, true]], 24),
        block([['Catherine TUDOSE-MARTINEZ –', 0.89, true], ['Directrice du management', 0.89, false]], 24),
        block([['l’encadrement. On peut les regrouper en grandes thématiques :', 1, false]], 24),
        { ...block([['Les métiers de l’accueil', 1, false]], 24), kind: 'listItem' as const },
        { ...block([['Les espaces', 1, false]], 24), kind: 'listItem' as const },
        block([['PISTES POUR AGIR', 1, true]], 24),
        block([['Les propositions ont été discutées avec la direction générale des services.', 1, false]], 24),
      ],
      DEFAULT_VOCABULARY,
      { projet: 9 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['Catherine TUDOSE-MARTINEZ – Directrice du management']);
    expect(rubriques.find(([key]) => key === 'problematique')?.[1]).toHaveLength(4);
  });
});

describe('a list going on over the page after a sidebar of labelled cards, one label per tutor', () => {
  it('goes back to the rubrique the cards interrupted over the page, though its last line ended a sentence (run-on-after-labelled-cards)', () => {
    const rubriques = splitRubriques(
      [
        block([['Problématique', 0.95, true]], 49),
        block([['Quelle pertinence pour cette offre en 2019 ?', 1, false]], 49),
        { ...block([['Du point de vue territorial, répond-elle aux besoins des acteurs du territoire ?', 1, false]], 49), kind: 'listItem' as const },
        block([['Tutorat : Pascal RASCALON, Chef de Mission INTERMOD', 0.85, false]], 49),
        block([['Tutorat : Claire HEIDSIEK, Directrice générale adjointe mobilités', 0.85, false]], 49),
        { ...block([['Constitue-t-elle un outil suffisamment adaptable pour accompagner ces besoins ?', 1, false]], 50), kind: 'listItem' as const },
        { ...block([['Et finalement : quel avenir lui réserver ? Modifier ? Abandonner ?', 1, false]], 50), kind: 'listItem' as const },
        block([['Les préconisations', 0.95, true]], 50),
        block([['De manière synthétique, l’offre a été construite avec un prisme avant tout tarifaire.', 1, false]], 50),
      ],
      DEFAULT_VOCABULARY,
      { projet: 15 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
    expect(rubriques.filter(([key]) => key === 'tuteurs').flatMap(([, blocks]) => blocks)).toHaveLength(2);
    expect(rubriques.find(([key]) => key === 'problematique')?.[1]).toHaveLength(4);
  });
});

describe('text in the body’s type read after tutors’ cards set smaller', () => {
  it('goes back to the rubrique the cards interrupted, even in capitals after a colon (sentence-run-on-after-tutors)', () => {
    const rubriques = splitRubriques(
      [
        block([['La problématique', 0.95, true]], 13),
        block([['L’enjeu principal est d’assurer la mise en œuvre des deux documents-cadres :', 1, false]], 13),
        block([['Encadrement', 0.95, true]], 13),
        block([['Corinne DURAND', 0.85, true], ['Directrice de l’habitat et du logement', 0.8, false]], 13),
        block([['Le plan partenarial de gestion de la demande 2018-2023', 1, false]], 13),
        block([['La convention intercommunale d’attribution 2019-2024', 1, false]], 13),
        block([['Pistes pour agir', 0.95, true]], 14),
        block([['Les propositions ont été discutées avec la direction de l’habitat.', 1, false]], 14),
      ],
      DEFAULT_VOCABULARY,
      { projet: 4 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['Corinne DURAND Directrice de l’habitat et du logement']);
    expect(rubriques.find(([key]) => key === 'problematique')?.[1]).toHaveLength(3);
  });
});

describe('the end of a sentence read away from its start', () => {
  const read = (rest: string) =>
    splitRubriques(
      [
        block([['LA PROBLÉMATIQUE', 1.2, true]], 7),
        block([['Comment associer les habitants à la valorisation des fonds ?', 1, false]], 7),
        block([[rest, 1, false]], 7),
        block([['DES CLÉS POUR AGIR', 1.2, true]], 7),
        block([['L’équipe a conçu un programme de transcription collaborative.', 1, false]], 7),
        block([['Les transcriptions enrichissent l’inventaire publié sur le site', 1, false]], 7),
      ],
      DEFAULT_VOCABULARY,
      { projet: 3 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('is joined to the one paragraph that stops mid-sentence at the end of a text rubrique (cut-sentence)', () => {
    const rubriques = read('de la ville.');
    expect(rubriques.find(([key]) => key === 'problematique')?.[1]).toEqual(['Comment associer les habitants à la valorisation des fonds ?']);
    expect(rubriques.find(([key]) => key === 'clesPourAgir')?.[1]).toEqual(['L’équipe a conçu un programme de transcription collaborative.', 'Les transcriptions enrichissent l’inventaire publié sur le site de la ville.']);
  });

  it('stays where it is when it opens in capitals', () => {
    const rubriques = read('De la ville aussi.');
    expect(rubriques.find(([key]) => key === 'problematique')?.[1]).toHaveLength(2);
  });
});

describe('a pull-quote ending a text a sidebar of tutors interrupted', () => {
  // The tutors' heading, printed beside the text, cuts it: the text that runs on (and the
  // pull-quote ending it) is read under the tutors until `run-on-after-tutors` gives it back.
  const read = (quote: string, size: number) =>
    splitRubriques(
      [
        block([['Le contexte', 1, true]], 42),
        block([['La Ville a créé une nouvelle direction générale adjointe pour ses équipements.', 1, false]], 42),
        block([['Des clés pour agir', 1, true]], 42),
        block([['La mission a donné lieu à l’élaboration de quatre tableurs approchant le coût', 1, false]], 42),
        block([['Tuteur dans la collectivité', 1, true]], 42),
        block([['Aude EISINGER – Directrice générale adjointe culture, mer, sports', 0.89, false]], 42),
        block([['complet des bibliothèques, des stades et des piscines de la Ville.', 1, false]], 43),
        block([['Aude Eisinger, Directrice générale adjointe - Culture, Sports, Mer', 0.89, false]], 43),
        block([[quote, size, false]], 43),
      ],
      DEFAULT_VOCABULARY,
      { projet: 14 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('is the testimony once the text is whole again (pull-quote-after-run-on)', () => {
    const rubriques = read('« La mission a été l’occasion de réinterroger nos problématiques de gestion. »', 1.1);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual([
      'Aude Eisinger, Directrice générale adjointe - Culture, Sports, Mer',
      '« La mission a été l’occasion de réinterroger nos problématiques de gestion. »',
    ]);
    expect(rubriques.find(([key]) => key === 'clesPourAgir')?.[1]).toHaveLength(2);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['Aude EISINGER – Directrice générale adjointe culture, mer, sports']);
  });

  it('leaves text in the body’s type where it is', () => {
    const rubriques = read('Les résultats ont été présentés au comité de direction en décembre.', 1);
    expect(rubriques.find(([key]) => key === 'temoignage')).toBeUndefined();
  });
});

/** A frame's text block at a position on its page. */
const framed = (text: string, size: number, page: number, x: number, y: number, bold = false): Block => placed(block([[text, size, bold]], page), x, y);

describe('a pull-quote threaded through two frames', () => {
  // Its first frame at the foot of the first column, the rest at the head of the second: the
  // reading order gives the second frame first.
  const read = (start: string) =>
    splitRubriques(
      [
        framed('Des clés pour agir', 1, 18, 48, 40, true),
        framed('Le plan d’actions, décliné en une quarantaine de fiches, s’accompagne d’un plan de communication.', 1, 18, 48, 60),
        framed('de s’interroger de façon méthodique sur ses attendus vis-à-vis de son encadrement de proximité.', 1.1, 18, 234, 74),
        framed('Elles s’appuient sur un angle d’analyse distancié par rapport à la pratique quotidienne.', 1.1, 18, 234, 305),
        framed(start, 1.1, 18, 62, 736),
        framed('Les chiffres', 1, 19, 48, 60, true),
      ],
      DEFAULT_VOCABULARY,
      { projet: 5 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('is read in the frames’ order, the cut sentence joined (quote-frames-threaded)', () => {
    const rubriques = read('Cette mission a permis à la Région');
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual([
      'Cette mission a permis à la Région de s’interroger de façon méthodique sur ses attendus vis-à-vis de son encadrement de proximité.',
      'Elles s’appuient sur un angle d’analyse distancié par rapport à la pratique quotidienne.',
    ]);
    expect(rubriques.find(([key]) => key === 'clesPourAgir')?.[1]).toHaveLength(1);
  });

  it('is left in reading order when no sentence is cut', () => {
    expect(read('Cette mission a permis à la Région de progresser.').find(([key]) => key === 'temoignage')?.[1]).toHaveLength(3);
  });
});

describe('a pull-quote without quote marks or signature, its last words set smaller', () => {
  it('is the testimony when a frame cut those words into two blocks (unsigned pull-quote)', () => {
    const rubriques = splitRubriques(
      [
        block([['Des clés pour agir', 1, true]], 28),
        block([['Celui-ci débouche sur une titularisation après une période probatoire de six mois.', 1, false]], 28),
        block([['La mission réalisée par les élèves s’inscrit pleinement dans la démarche engagée par la Ville.', 1.1, false], ['Deux métiers ont été choisis en expérimentation.', 1.1, false]], 28),
        block([['L’important travail de', 0.85, false]], 28),
        block([['benchmark constitue une source d’inspiration.', 0.85, false]], 28),
      ],
      DEFAULT_VOCABULARY,
      { projet: 8 },
    ).rubriques;
    expect(rubriques.find((rubrique) => rubrique.key === 'temoignage')?.blocks).toHaveLength(3);
  });
});

describe('a pull-quote printed under a sidebar of tutors, after the text run on under it', () => {
  it('is the testimony, not the end of the rubrique the text goes back to (pull-quote-after-run-on)', () => {
    const rubriques = splitRubriques(
      [
        block([['Clés pour agir', 0.9, true]], 4),
        block([['L’équipe a rencontré les vingt-six maires et visité onze cuisines ; le diagnostic a dégagé trois scénarios', 1, false]], 4),
        block([['Tuteur dans la collectivité', 0.9, true]], 4),
        block([['TISSERAND Agnès', 0.81, true], ['Directrice générale adjointe des services à la population', 0.76, false]], 4),
        block([['de mutualisation, dont le bureau communautaire a retenu le troisième.', 1, false]], 5),
        block([['« L’équipe a su écouter des élus aux attentes parfois opposées, et le service commun ouvrira à la rentrée. »', 1.1, false]], 5),
        block([['Agnès Tisserand, directrice générale adjointe des services à la population', 0.81, false]], 5),
        block([['Les chiffres', 0.9, true]], 5),
        block([['26', 1.14, true]], 5),
        block([['communes membres', 0.81, false]], 5),
      ],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
    expect(rubriques.find(([key]) => key === 'clesPourAgir')?.[1]).toHaveLength(2);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual([
      '« L’équipe a su écouter des élus aux attentes parfois opposées, et le service commun ouvrira à la rentrée. »',
      'Agnès Tisserand, directrice générale adjointe des services à la population',
    ]);
  });
});

describe('a pull-quote ending the text run on under a sidebar of tutors, key figures with no heading after it', () => {
  it('is the testimony once the figures are lifted (pull-quote-before-figures)', () => {
    const rubriques = splitRubriques(
      [
        block([['DES CLÉS POUR AGIR', 0.9, true]], 17),
        block([['Au terme d’un important diagnostic, un plan d’actions est proposé autour de deux axes :', 1, false]], 17),
        block([['TUTEUR DANS LA COLLECTIVITÉ', 0.9, true]], 17),
        block([['BARRE Emmanuelle', 0.81, true], ['Directrice du développement des ressources humaines', 0.81, false]], 17),
        block([['optimiser les relations au sein de la Région entre les différents services.', 1, false]], 18),
        block([['Cette mission a permis à la Région de s’interroger de façon méthodique sur ses attendus.', 1.1, false], ['Les préconisations proposées reposent sur un diagnostic solide.', 1.1, false]], 18),
        block([['10 ANS', 1.14, true]], 18),
        block([['après le transfert du personnel, les Régions visent toujours à améliorer leur intégration', 0.81, false]], 18),
        block([['462', 1.14, true]], 18),
        block([['lycées répartis sur le territoire francilien', 0.81, false]], 18),
      ],
      DEFAULT_VOCABULARY,
      { projet: 5 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual([
      'Cette mission a permis à la Région de s’interroger de façon méthodique sur ses attendus. Les préconisations proposées reposent sur un diagnostic solide.',
    ]);
    expect(rubriques.find(([key]) => key === 'clesPourAgir')?.[1]).toHaveLength(2);
    expect(rubriques.find(([key]) => key === 'chiffres')?.[1]).toHaveLength(4);
  });
});

describe('a pull-quote read after key figures with no heading', () => {
  it('is the testimony, not the end of the figures (pull-quote-after-figures)', () => {
    const rubriques = splitRubriques(
      [
        block([['CLÉS POUR AGIR', 0.95, true]], 11),
        block([['L’équipe a observé le parcours de trente demandeurs et recueilli leurs difficultés.', 1, false]], 11),
        block([['64 %', 2.2, true]], 11),
        block([['des demandes déposées en ligne six mois après l’ouverture', 0.85, false]], 11),
        block([['11', 2.2, true]], 11),
        block([['permanences d’accompagnement ouvertes en mairie', 0.85, false]], 11),
        block([['Philippe Hoarau, directeur général des services', 0.85, false]], 11),
        block([['« Le regard des élèves a remis l’usager au centre d’un projet que nous pensions technique. »', 1.1, false]], 11),
      ],
      DEFAULT_VOCABULARY,
      { projet: 4 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual([
      'Philippe Hoarau, directeur général des services',
      '« Le regard des élèves a remis l’usager au centre d’un projet que nous pensions technique. »',
    ]);
    expect(rubriques.find(([key]) => key === 'chiffres')?.[1]).toHaveLength(4);
  });
});

describe('a pull-quote read after key figures set inline, with no heading', () => {
  // Each figure opens its label in bold (« **64 %** des demandes… »): one block per figure.
  const inline = (figure: string, label: string): Block => {
    const printed = block([[`${figure} ${label}`, 1, false]], 9);
    return { ...printed, lines: [{ ...printed.lines[0]!, boldLead: figure }] };
  };
  const read = (last: Block) =>
    splitRubriques(
      [
        block([['En chiffres', 0.95, true]], 9),
        inline('64 %', 'des demandes déposées en ligne six mois après l’ouverture du guichet'),
        inline('11', 'permanences d’accompagnement ouvertes en mairie'),
        block([['Philippe Hoarau, directeur général des services', 0.85, false]], 9),
        last,
      ],
      DEFAULT_VOCABULARY,
      { projet: 4 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('is the testimony, not a box after the figures (pull-quote-after-inline-figures)', () => {
    const rubriques = read(block([['« Le regard des élèves a remis l’usager au centre d’un projet que nous pensions technique. »', 1.1, false]], 9));
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual([
      'Philippe Hoarau, directeur général des services',
      '« Le regard des élèves a remis l’usager au centre d’un projet que nous pensions technique. »',
    ]);
    expect(rubriques.find(([key]) => key === 'chiffres')?.[1]).toHaveLength(2);
  });

  it('leaves a figure after the last one where it is', () => {
    const rubriques = read(inline('21', 'jours de délai d’instruction gagnés en moyenne'));
    expect(rubriques.find(([key]) => key === 'temoignage')).toBeUndefined();
  });
});

describe('a testimony’s signature at a column’s foot, its quote at the next column’s head', () => {
  // The reading order reads the next column's head (the quote) before the signature's column ends.
  const QUOTE = '« Le regard des élèves a remis l’usager au centre d’un projet que nous pensions seulement technique. »';
  const SIGNATURE = 'Philippe Hoarau, directeur général des services';

  const underHeading = (quoteX: number) =>
    splitRubriques(
      [
        framed('Le contexte', 1, 7, 235, 182, true),
        framed('Depuis 2029, toutes les communes doivent pouvoir recevoir les demandes par voie électronique.', 1, 7, 235, 201),
        framed(QUOTE, 1, 7, quoteX, 182),
        framed('Des clés pour agir', 1, 7, 235, 455, true),
        framed('L’équipe a observé le parcours de trente demandeurs.', 1, 7, 235, 474),
        framed('Le mot de la collectivité', 1, 7, 235, 720, true),
        framed(SIGNATURE, 0.89, 7, 235, 738),
      ],
      DEFAULT_VOCABULARY,
      { projet: 4 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('takes the quote ending another rubrique, printed in a column right of the signature, after it (quote-at-next-column-head)', () => {
    const rubriques = underHeading(401);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual([SIGNATURE, QUOTE]);
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toHaveLength(1);
  });

  it('leaves a quote printed in the rubrique’s own column where it is', () => {
    const rubriques = underHeading(235);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual([SIGNATURE]);
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toHaveLength(2);
  });

  const pullQuote = (signatureX: number, signatureY: number) =>
    splitRubriques(
      [
        framed('CONTEXTE', 0.95, 9, 48, 165, true),
        framed('Depuis 2029, toutes les communes doivent pouvoir recevoir les demandes par voie électronique.', 1, 9, 48, 184),
        framed(QUOTE, 1.1, 9, 227, 180),
        framed('TUTEURS AU SEIN DE LA COLLECTIVITÉ', 0.95, 9, 388, 177, true),
        placed(block([['Philippe HOARAU', 0.85, true], ['Directeur général des services', 0.8, false]], 9), 388, 207),
        framed('DES CLÉS POUR AGIR', 0.95, 9, 48, 464, true),
        framed('L’équipe a observé le parcours de trente demandeurs.', 1, 9, 48, 482),
        framed(SIGNATURE, 0.85, 9, signatureX, signatureY),
      ],
      DEFAULT_VOCABULARY,
      { projet: 4 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('puts a signature read at the end of another rubrique, printed in a column left of the quote, before it (signature-in-earlier-column)', () => {
    expect(pullQuote(62, 741).find(([key]) => key === 'temoignage')?.[1]).toEqual([SIGNATURE, QUOTE]);
  });

  it('puts a signature printed under the quote, in its column, after it', () => {
    expect(pullQuote(227, 260).find(([key]) => key === 'temoignage')?.[1]).toEqual([QUOTE, SIGNATURE]);
  });
});

describe('a pull-quote floated beside a text rubrique, read between two of its paragraphs', () => {
  // The text column (x 48, 236 wide) holds the context; the quote and its signature stand in the
  // next column (x 321). Frames read by their top put them between the context's two paragraphs.
  const text = (t: string, y: number) => placed(block([[t, 1, false]], 4), 48, y, 236, 80);
  const read = (quoteX: number) =>
    splitRubriques(
      [
        placed(block([['Le contexte', 0.9, true]], 4), 48, 164, 58, 9),
        text('La communauté regroupe vingt-six communes et un peu plus de 140 000 habitants.', 183),
        placed(block([['« L’équipe a su écouter des élus aux attentes parfois opposées. »', 1.1, false]], 4), quoteX, 179, 221, 59),
        placed(block([['Agnès Tisserand, directrice générale adjointe des services', 0.81, false]], 4), quoteX, 247, 210, 20),
        text('La loi impose désormais une part croissante de produits durables dans les repas servis aux enfants. Plusieurs maires ont demandé à l’agglomération d’étudier avec ses services techniques une mutualisation du service, sans renoncer pour autant à la proximité.', 275),
        placed(block([['Problématique', 0.9, true]], 4), 48, 368, 72, 9),
        text('Comment organiser un service commun de restauration scolaire ?', 387),
      ],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('takes the quote and its signature to the testimony (pull-quote-beside-text)', () => {
    const rubriques = read(321);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual(['« L’équipe a su écouter des élus aux attentes parfois opposées. »', 'Agnès Tisserand, directrice générale adjointe des services']);
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toHaveLength(2);
  });

  it('leaves a quote printed in the text\'s own column in the text', () => {
    const rubriques = read(60);
    expect(rubriques.find(([key]) => key === 'temoignage')).toBeUndefined();
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toHaveLength(4);
  });
});

describe('a pull-quote\'s signature set at the page foot, read after the key figures beside the quote', () => {
  // Three columns: the text (x 48), the quote over a table of figures (x 234); the quote's
  // signature in a frame at the first column's foot. Frames read by their top: the text, the
  // quote, the figures, the signature.
  const at = (lines: [string, number, boolean][], x: number, y: number, page = 12) => placed(block(lines, page), x, y, 140, 20);
  const read = (tutor: string) =>
    splitRubriques(
      [
        at([['CLÉS POUR AGIR', 0.9, true]], 48, 460),
        at([['L’équipe a observé le parcours de trente demandeurs et recueilli les difficultés rencontrées à chaque étape.', 1, false]], 48, 479),
        at([['Des conseillers numériques ont été formés aux notions d’urbanisme afin de relayer ces permanences.', 1, false]], 48, 656),
        at([['« Le regard des élèves a remis l’usager au centre d’un projet que nous pensions seulement technique. »', 1.1, false]], 234, 164),
        at([['64 %', 1.14, true]], 240, 251),
        at([['des demandes déposées en ligne six mois après l’ouverture du guichet', 0.81, false]], 284, 250),
        at([['11', 1.14, true]], 240, 321),
        at([['permanences d’accompagnement ouvertes en mairie', 0.81, false]], 284, 320),
        at([['Philippe Hoarau, directeur général des services', 0.81, false]], 62, 749),
        at([['AUTEURS DU PROJET', 0.9, true]], 48, 71, 13),
        at([['LOURMEL Baptiste', 0.9, true], ['baptiste.lourmel@ingenieurchef-inet.org', 0.71, false]], 48, 90, 13),
        at([['TUTEUR AU SEIN DE LA COLLECTIVITÉ', 0.9, true]], 48, 180, 13),
        at([[tutor, 0.81, false]], 48, 188, 13),
      ],
      DEFAULT_VOCABULARY,
      { projet: 4 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('puts the signature back at the head of the testimony when a tutor\'s card names its signer (signature-ending-another-rubrique-late)', () => {
    const rubriques = read('HOARAU Philippe, Directeur général des services');
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual(['Philippe Hoarau, directeur général des services', '« Le regard des élèves a remis l’usager au centre d’un projet que nous pensions seulement technique. »']);
    expect(rubriques.find(([key]) => key === 'chiffres')?.[1]).toHaveLength(4);
  });

  it('leaves it where it is when no tutor signs so', () => {
    const rubriques = read('MÉNARD Claire, Directrice de la transformation numérique');
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toHaveLength(1);
  });
});

describe('a pull-quote under the text of the first column, read after the references of the next', () => {
  // The text column (x 48) ends with the quote and its signature above it (x 62); the references
  // stand in the next column (x 235). Read as a band under both columns, the quote ends the references.
  const at = (lines: [string, number, boolean][], x: number, y: number) => placed(block(lines, 9), x, y, 140, 20);
  const read = (quoteX: number) =>
    splitRubriques(
      [
        at([['CLÉS POUR AGIR', 0.95, true]], 48, 399),
        at([['Une plateforme en ligne permet désormais à chacun de transcrire les registres de délibérations.', 1, false]], 48, 520),
        at([['POUR EN SAVOIR PLUS', 0.95, true]], 221, 169),
        { ...at([['Réseau des archives participatives, Transcrire ensemble : retours d’expérience, 2030', 0.85, false]], 235, 188), kind: 'listItem' },
        at([['Sophie Bellanger, directrice des archives et du patrimoine écrit', 0.85, false]], quoteX, 650),
        at([['« Les habitants sont devenus nos premiers ambassadeurs. Leur enthousiasme a convaincu les élus. »', 1.1, false]], quoteX, 680),
      ],
      DEFAULT_VOCABULARY,
      { projet: 3 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('takes it to the testimony when it is printed beside the references (pull-quote-beside-references)', () => {
    const rubriques = read(62);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual(['Sophie Bellanger, directrice des archives et du patrimoine écrit', '« Les habitants sont devenus nos premiers ambassadeurs. Leur enthousiasme a convaincu les élus. »']);
    expect(rubriques.find(([key]) => key === 'allerPlusLoin')?.[1]).toHaveLength(1);
  });

  it('leaves a quoted reference in the references\' own column', () => {
    const rubriques = read(235);
    expect(rubriques.find(([key]) => key === 'temoignage')).toBeUndefined();
  });
});

describe('a pull-quote signed over its quote, under the text, read after a sidebar of tutors (run-on-away-from-cards)', () => {
  // As printed: the text column at x 48, the tutors' sidebar at x 388 beside its top; the
  // signature (set smaller) over the quote (set larger) at the text's foot, read after the cards.
  const SIGNATURE = 'Philippe Hoarau, directeur général des services';
  const QUOTE = '« Le regard des élèves a remis l’usager au centre d’un projet que nous pensions seulement technique. »';
  const read = (signatureX: number, signatureY: number) =>
    splitRubriques(
      [
        placed(block([['Pistes pour agir', 0.9, true]], 7), 48, 332, 79, 9),
        placed(block([['L’équipe a observé le parcours de trente demandeurs et recueilli les difficultés rencontrées à chaque étape.', 1, false]], 7), 48, 351, 312, 67),
        placed(block([['Tuteurs au sein de la collectivité', 0.9, true]], 7), 388, 175, 103, 23),
        placed(block([['Philippe HOARAU', 0.81, false], ['Directeur général des services', 0.81, false]], 7), 388, 207, 108, 20),
        placed(block([['Claire MÉNARD', 0.81, false], ['Directrice de la transformation numérique', 0.81, false]], 7), 388, 237, 147, 20),
        placed(block([[SIGNATURE, 0.81, false]], 7), signatureX, signatureY, 179, 9),
        placed(block([[QUOTE, 1.1, false]], 7), 62, 511, 298, 27),
        placed(block([['En chiffres', 0.9, true]], 7), 48, 555, 54, 9),
        placed(block([['64 %', 1.43, true]], 7), 48, 575, 34, 15),
        placed(block([['des demandes déposées en ligne', 0.81, false]], 7), 48, 591, 96, 32),
      ],
      DEFAULT_VOCABULARY,
      { projet: 4 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('goes with its quote to the testimony, not onto the last card’s function', () => {
    const rubriques = read(62, 493);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual([SIGNATURE, QUOTE]);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toHaveLength(2);
    expect(rubriques.find(([key]) => key === 'clesPourAgir')?.[1]).toHaveLength(1);
  });

  it('stays on the card when printed under it, in the cards’ column', () => {
    const rubriques = read(388, 262);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]?.at(-1)).toContain(SIGNATURE);
  });
});

describe('a testimony cut at a column’s foot beside a sidebar of cards, going on over the page (testimony-run-on-after-tutors)', () => {
  // As printed: the quote opens at the foot of the text's last column, the sidebar's team and tutor
  // beside the column are read after it, the quote goes on at the next page's head.
  const read = (testimony: readonly string[], runOn: string) =>
    splitRubriques(
      [
        block([['Des clés pour agir', 1, true]], 34),
        block([['La mission a fourni à la Direction du Pôle une feuille de route en trois grands axes.', 1, false]], 34),
        block([['Le mot de la collectivité', 1, true]], 34),
        ...testimony.map((text) => block([[text, 1, false]], 34)),
        block([['L’équipe projet', 1, true]], 34),
        block([['Samuel JAULMES', 0.85, false], ['samuel.jaulmes@administrateur-inet.org', 0.85, false]], 34),
        block([['Tuteur', 1, true]], 34),
        block([['Lucie DARBOUSSET', 0.85, false], ['Directrice du pôle culture', 0.85, false]], 34),
        block([[runOn, 1, false], ['de réflexions innovantes. Les travaux des élèves de l’INET sont venus conforter la dynamique du pôle. »', 1, false]], 35),
      ],
      DEFAULT_VOCABULARY,
      { projet: 11 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);
  const runOn = 'politique culturelle du Département, le projet collectif a facilité l’émergence';

  it('goes back to the testimony when its quote is left open', () => {
    const rubriques = read(['Lucie Darbousset Directrice du pôle culture', '« Dans un contexte d’évolution de la'], runOn);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['Lucie DARBOUSSET Directrice du pôle culture']);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toHaveLength(3);
  });

  it('stays after the cards when the quote is closed, though the signature under it ends no sentence', () => {
    const rubriques = read(['« Le projet a été une réussite. »', 'Lucie Darbousset, directrice du pôle culture'], runOn);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toHaveLength(2);
  });
});

describe('a testimony signature set in a narrow column under the tutor’s card, no testimony heading', () => {
  const read = (signature: readonly string[]) =>
    splitRubriques(
      [
        block([['Clés pour agir', 1, true]], 8),
        block([['L’équipe a conçu un programme de transcription collaborative.', 1, false]], 8),
        block([['Tuteur au sein de la collectivité', 1, true]], 8),
        block([['Sophie MARTEL Directrice des archives', 0.9, false]], 8),
        ...signature.map((line) => ({ ...block([[line, 0.9, false]], 8), kind: 'listItem' as const })),
        ...['« Les habitants sont', 'devenus nos premiers', 'ambassadeurs. »'].map((line) => ({ ...block([[line, 1.1, false]], 8), kind: 'listItem' as const })),
      ],
      DEFAULT_VOCABULARY,
      { projet: 3 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('opens the testimony when its lines sign with the card’s name (signature-run-after-card)', () => {
    const rubriques = read(['Sophie Martel, directrice', 'des archives']);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['Sophie MARTEL Directrice des archives']);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]?.[0]).toBe('Sophie Martel, directrice des archives');
  });

  it('stays with the tutors when it signs with another name', () => {
    const rubriques = read(['Paul Durand, directeur', 'des services']);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toHaveLength(3);
  });
});
