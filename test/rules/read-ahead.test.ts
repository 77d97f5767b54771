/**
 * Headings read ahead of their column in converter text (src/parse/read-ahead.ts): pdfminer's
 * `pdf2txt` reads the second column's heading before the end of the first column's text, and the
 * heading's own content after the next rubrique. Each rule on a few invented unstyled blocks (type
 * unknown, as converter text gives it), so that it fails on its own.
 */
import { describe, expect, it } from 'vitest';
import { splitRubriques } from '../../src/parse/rubriques.js';
import { setLikeHeading } from '../../src/parse/structure.js';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import { block } from '../helpers/blocks.js';

const read = (texts: readonly string[]) =>
  Object.fromEntries(
    splitRubriques(texts.map((text) => block(text)), DEFAULT_VOCABULARY, { projet: 1 }).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]),
  );

const OPENING = 'Les élèves ont rencontré les directions, les élus et les partenaires du territoire pendant neuf semaines.';

describe('the first column’s text read under the next column’s heading (text-read-under-next-heading)', () => {
  it('goes back to the text rubrique whose numbered list goes on under the figures’ heading', () => {
    const rubriques = read([
      'DES CLÉS POUR AGIR',
      OPENING,
      '1 - Piloter le changement sur\nle territoire.',
      '2 - Améliorer le reporting des\ndemandes et des attributions.',
      'Les chiffres',
      '3 - Évaluer les instances\npartenariales du territoire.',
      'In fine, ces clés ancrent la\nposition de cheffe de file.',
      'Témoignage de la collectivité',
      '« Une équipe engagée et rigoureuse. »',
      '150 000',
      'habitants supplémentaires',
      '59',
      'communes membres',
    ]);
    expect(rubriques.clesPourAgir).toHaveLength(5);
    expect(rubriques.clesPourAgir?.at(-1)).toMatch(/^In fine/);
    expect(rubriques.chiffres).toEqual(['150 000', 'habitants supplémentaires', '59', 'communes membres']);
    expect(rubriques.temoignage).toEqual(['« Une équipe engagée et rigoureuse. »']);
  });

  it('goes back up to the testimony’s quote when the text announced by a colon goes on under its heading', () => {
    const rubriques = read([
      'DES CLÉS POUR AGIR',
      OPENING,
      '2. Dresser le bilan. L’équipe a développé\nplusieurs outils :',
      'Témoignage de la collectivité',
      'Des indicateurs pour chaque politique\npublique, tirés d’un benchmark',
      '3. Résultat : l’équipe a fait son cinéma !',
      '« Un regard extérieur », Guillaume Clédière,\nDGS d’Est Ensemble.',
      'La plus-value du projet réside dans le\nregard neuf qu’il a pu apporter.',
    ]);
    expect(rubriques.clesPourAgir?.slice(-2)).toEqual(['Des indicateurs pour chaque politique publique, tirés d’un benchmark', '3. Résultat : l’équipe a fait son cinéma !']);
    expect(rubriques.temoignage?.[0]).toMatch(/^« Un regard/);
  });

  it('leaves a testimony that opens after a finished sentence where it is', () => {
    const rubriques = read([
      'DES CLÉS POUR AGIR',
      OPENING,
      'Témoignage de la collectivité',
      'La mission réalisée par les élèves s’inscrit\npleinement dans la démarche de la Ville.',
    ]);
    expect(rubriques.temoignage).toHaveLength(1);
  });

  it('goes back when a word cut at the line’s end goes on after the figures read with the heading', () => {
    const rubriques = read([
      'DES CLÉS POUR AGIR',
      OPENING,
      'Enfin, des outils concrets ont été livrés,\ndont des preuves de fai-',
      'Les chiffres',
      '93',
      '99',
      'sabilité pour l’événement Lille capitale\nmondiale du design.',
    ]);
    expect(rubriques.clesPourAgir?.at(-1)).toMatch(/^sabilité/);
    expect(rubriques.chiffres).toEqual(['93', '99']);
  });

  it('leaves figures’ labels opening in lower case under their heading after a list item without a full stop', () => {
    const rubriques = read(['DES CLÉS POUR AGIR', OPENING, '5. Identifier des méthodes d’animation de l’outil', 'Les chiffres', 'région industrielle de France', '1 ÈRE', 'région numérique de France', '2E']);
    expect(rubriques.chiffres).toHaveLength(4);
  });

  it('goes back when running text sits under the figures’ heading before its figures', () => {
    const rubriques = read([
      'DES CLÉS POUR AGIR',
      OPENING,
      'Les chiffres',
      'Les fonctions éthique et juridique constituent\nle socle du système, qui garantit la confiance\ndes habitants.',
      '80%',
      'des opérateurs rencontrés',
    ]);
    expect(rubriques.clesPourAgir).toHaveLength(2);
    expect(rubriques.chiffres).toEqual(['80%', 'des opérateurs rencontrés']);
  });

  it('leaves running text after a figure read with the figures’ heading with it (a label)', () => {
    const rubriques = read(['DES CLÉS POUR AGIR', OPENING, 'Les chiffres', '1', 'ÈRE région industrielle de France. L’équipement\nindustriel est une des composantes majeures\ndu tissu régional.', '17 000', 'entreprises industrielles']);
    expect(rubriques.chiffres).toHaveLength(4);
  });

  it('goes back when running text sits under the references’ heading, up to the first reference', () => {
    const rubriques = read([
      'DES CLÉS POUR AGIR',
      OPENING,
      'Aller plus loin',
      'Par ailleurs, la conception des espaces doit\ns’intéresser au ressenti des usagers, vis-à-vis\nde l’ambiance urbaine.',
      'Rapport EGAlITER - Combattre maintenant les inégalités\nsexuées, sociales et territoriales',
    ]);
    expect(rubriques.clesPourAgir).toHaveLength(2);
    expect(rubriques.allerPlusLoin).toEqual(['Rapport EGAlITER - Combattre maintenant les inégalités sexuées, sociales et territoriales']);
  });
});

describe('figures read away from their heading (figures-read-away-from-heading)', () => {
  it('get the labels the figures under the heading await, read at the end of the testimony', () => {
    const rubriques = read([
      'DES CLÉS POUR AGIR',
      OPENING,
      'Les chiffres',
      '93',
      '99',
      'Témoignage de la collectivité',
      '« Ces neuf semaines ont été pleinement mises à profit. »',
      'Les stagiaires ont fait preuve de bienveillance\nentre eux.',
      'personnes contactées, 70 entretiens\nréalisés.',
      'répondants au sondage sur la culture\nusager.',
    ]);
    expect(rubriques.chiffres).toEqual(['93', '99', 'personnes contactées, 70 entretiens réalisés.', 'répondants au sondage sur la culture usager.']);
    expect(rubriques.temoignage).toHaveLength(2);
  });

  it('take a label’s last words a converter set apart with the label', () => {
    const rubriques = read([
      'DES CLÉS POUR AGIR',
      OPENING,
      'Les chiffres',
      '4',
      '11',
      'Témoignage de la collectivité',
      '« L’équipe a su faire preuve d’une grande adaptabilité. »',
      'espaces SRADDET : le territoire est découpé\nen 4 espaces.',
      'AOM sur 52 EPCI : la Région prendra la\ncompétence au 1er juillet',
      '2021.',
    ]);
    expect(rubriques.chiffres).toHaveLength(5);
    expect(rubriques.temoignage).toHaveLength(1);
  });

  it('come back from the end of the text rubrique before the heading, read before it', () => {
    const rubriques = read([
      'DES CLÉS POUR AGIR',
      OPENING,
      '547',
      '103 211',
      'm² soit 48,5% de la Martinique',
      'habitants en 2015',
      'Les chiffres',
      '18',
      'communes membres',
    ]);
    expect(rubriques.clesPourAgir).toEqual([OPENING]);
    expect(rubriques.chiffres).toHaveLength(6);
  });

  it('leave page numbers left in the text where they are', () => {
    const paragraph = 'Douze ateliers ont été menés, regroupant plus\nde 80 participants de tous secteurs.';
    const rubriques = read(['DES CLÉS POUR AGIR', OPENING, '36', paragraph, paragraph, paragraph, paragraph, paragraph, '37', paragraph, 'Les chiffres', '80', 'participants aux ateliers']);
    expect(rubriques.clesPourAgir).toHaveLength(9);
    expect(rubriques.chiffres).toEqual(['80', 'participants aux ateliers']);
  });
});

describe('references read after the testimony (references-read-after-testimony)', () => {
  it('go under the references’ heading left empty', () => {
    const rubriques = read([
      'DES CLÉS POUR AGIR',
      OPENING,
      'Aller plus loin',
      'Témoignage de la collectivité',
      'Jérôme Lenoir, Directeur général des services.',
      '« L’équipe a su mobiliser autour de la démarche. »',
      'AdCF, CNFPT, La dimension ressources humaines des schémas de mutualisation, déc. 2015',
      'Le Grand Narbonne, Charte de la mutualisation, déc. 2016',
    ]);
    expect(rubriques.allerPlusLoin).toHaveLength(2);
    expect(rubriques.temoignage).toHaveLength(2);
  });
});

describe('a key figure with its unit in capitals', () => {
  it('is never set like a heading (« 2,3 MRD »)', () => {
    expect(setLikeHeading(block('2,3 MRD'), { bold: null, sizes: [], sentenceCase: false })).toBe(false);
    expect(setLikeHeading(block('ET APRÈS'), { bold: null, sizes: [], sentenceCase: false })).toBe(true);
  });
});

describe('the start of a sentence read at the end of the testimony (sentence-start-after-testimony)', () => {
  const texts = (end: string) => [
    'DES CLÉS POUR AGIR',
    OPENING,
    'Le recours à des relais de terrain est un bon moyen\nde faciliter la prévention.',
    'professionnelle et de se préparer à une seconde\ncarrière via des stages d’immersion.',
    'Témoignage de la collectivité',
    'La mission réalisée par les élèves s’inscrit\npleinement dans la démarche de la Ville.',
    end,
  ];

  it('joins its rest, a paragraph opening in lower case after a finished sentence', () => {
    const rubriques = read(texts('AXE 2 : une seconde carrière. Il s’agit de\nrenforcer la formation pour lutter contre l’usure'));
    expect(rubriques.temoignage).toHaveLength(1);
    expect(rubriques.clesPourAgir?.at(-1)).toMatch(/^AXE 2 .* l’usure professionnelle et de se préparer/);
  });

  it('leaves a testimony that ends its sentence as it is', () => {
    const rubriques = read(texts('Nous saluons leur investissement personnel\net collectif.'));
    expect(rubriques.temoignage).toHaveLength(2);
  });
});
