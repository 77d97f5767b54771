/**
 * The testimony (src/parse/rubriques.ts): its quote and its signature, wherever the reading order
 * put them. Each rule on a few invented blocks, so that it fails on its own.
 */
import { describe, expect, it } from 'vitest';
import { splitRubriques } from '../../src/parse/rubriques.js';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import { block } from '../helpers/blocks.js';

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
