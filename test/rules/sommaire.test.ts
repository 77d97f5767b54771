/**
 * The sommaire read as « label each line, then group lines into entries » (src/segment/sommaire.ts):
 * each rule on a few invented lines, so that it fails on its own.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import { segmentDocument } from '../../src/segment/index.js';
import { readSommaire } from '../../src/segment/sommaire.js';
import type { Block } from '../../src/types.js';
import { block, placed } from '../helpers/blocks.js';

const read = (blocks: Block[]) => readSommaire(blocks, 0, DEFAULT_VOCABULARY);
const entries = (blocks: Block[]) => read(blocks).entries.map((e) => [e.numero, e.texte, e.page, e.section]);

describe('a sommaire table read column after column', () => {
  it('gives the titles to the numbers waiting for one, in order, and the pages to the entries without one', () => {
    const blocks = [
      block([['PILOTER ENSEMBLE', 0.96, true]], 2),
      block([['01 TITRE UN', 0.84, true], ['VILLE UNE', 0.84, false]], 2),
      block([['02', 0.84, true]], 2),
      block([['03', 0.84, true]], 2),
      block([['TITRE DEUX', 0.84, true], ['VILLE DEUX', 0.84, false]], 2),
      block([['TITRE TROIS', 0.84, true], ['VILLE TROIS', 0.84, false]], 2),
      block([['/ P05', 0.84, false]], 2),
      block([['/ P11', 0.84, false]], 2),
      block([['/ P15', 0.84, false]], 2),
      block([['Décembre 2019', 0.9, true]], 3),
    ];
    expect(entries(blocks)).toEqual([
      [1, 'TITRE UN VILLE UNE', 5, 'PILOTER ENSEMBLE'],
      [2, 'TITRE DEUX VILLE DEUX', 11, 'PILOTER ENSEMBLE'],
      [3, 'TITRE TROIS VILLE TROIS', 15, 'PILOTER ENSEMBLE'],
    ]);
    expect(read(blocks).end).toBe(9);
  });

  it('reads a page column printed as one block, one page per line, for the entries in order (page-column)', () => {
    const blocks = [
      block([['PILOTER ENSEMBLE', 0.96, true]], 2),
      block([['01', 0.95, true]], 2),
      block([['TITRE UN', 0.95, true]], 2),
      block([['02', 0.95, true]], 2),
      block([['TITRE DEUX', 0.95, true]], 2),
      block([['03', 0.95, true]], 2),
      block([['TITRE TROIS', 0.95, true]], 2),
      block([['p. 5', 0.95, true]], 2),
      block([['p. 8', 0.95, true], ['p. 10', 0.95, true]], 2),
      block([['Décembre 2019', 0.9, true]], 3),
    ];
    expect(entries(blocks).map(([numero, , page]) => [numero, page])).toEqual([[1, 5], [2, 8], [3, 10]]);
  });

  it('reads a page column printed under the last title of its block, one page per line (page-column)', () => {
    const blocks = [
      block([['PILOTER ENSEMBLE', 0.96, true]], 2),
      block([['01', 1.26, true]], 2),
      block([['VILLE UNE', 0.84, false]], 2),
      block([['02', 1.26, true]], 2),
      block([['VILLE DEUX', 0.84, false]], 2),
      block([['TITRE UN', 0.95, true]], 2),
      block([['TITRE DEUX', 0.95, true], ['p. 5', 0.95, true], ['p. 7', 0.95, true]], 2),
      block([['Décembre 2019', 0.9, true]], 3),
    ];
    expect(entries(blocks).map(([numero, , page]) => [numero, page])).toEqual([[1, 5], [2, 7]]);
  });

  it('takes a page read onto the title line in another weight as the page, never a number in the title’s own weight (page-in-another-weight)', () => {
    const withLead = (text: string, boldLead: string, page: number): Block => {
      const b = block([[text, 0.95, true]], page);
      return { ...b, lines: [{ ...b.lines[0]!, boldLead }] };
    };
    const blocks = [
      block([['GÉRER DIFFÉREMMENT', 1.1, true]], 2),
      block([['01', 1.26, true]], 2),
      block([['RÉGION OCCITANIE', 0.84, false]], 2),
      { ...withLead('RÉORGANISATION DE LA 5', 'RÉORGANISATION DE LA', 2), lines: [withLead('RÉORGANISATION DE LA 5', 'RÉORGANISATION DE LA', 2).lines[0]!, { text: 'FONCTION FINANCIÈRE', bold: true, size: 0.95 }] },
      block([['02', 1.26, true]], 2),
      block([['EST ENSEMBLE', 0.84, false]], 2),
      block([['BILAN DES 10', 0.95, true], ['ANS', 0.95, true]], 2),
      block([['8', 0.84, false]], 2),
      block([['Décembre 2019', 0.9, true]], 3),
    ];
    expect(entries(blocks).map(([numero, texte, page]) => [numero, texte, page])).toEqual([
      [1, 'RÉGION OCCITANIE RÉORGANISATION DE LA FONCTION FINANCIÈRE', 5],
      [2, 'EST ENSEMBLE BILAN DES 10 ANS', 8],
    ]);
  });

  it('gives a collectivité column read after the titles to the entries in order, and reads on past it (organisation-column)', () => {
    const t = (text: string) => block([[text, 0.86, true]], 2);
    const o = (text: string) => block([[text, 0.76, false]], 2);
    const blocks = [
      t('PILOTER ENSEMBLE'),
      block([['01', 1.14, true]], 2), t('TITRE UN'), t('P05'), o('VILLE UNE'),
      block([['02', 1.14, true]], 2), t('TITRE DEUX'), t('P08'),
      block([['03', 1.14, true]], 2), t('TITRE TROIS'), t('P11'),
      block([['04', 1.14, true]], 2), t('TITRE QUATRE'), t('P14'),
      o('VILLE DEUX'), o('VILLE TROIS'), o('VILLE QUATRE'),
      t('GÉRER DIFFÉREMMENT'),
      block([['05', 1.14, true]], 2), t('TITRE CINQ'), t('P17'), o('VILLE CINQ'),
      block([['Décembre 2019', 0.9, true]], 3),
    ];
    expect(entries(blocks).map(([numero, texte, page]) => [numero, texte, page])).toEqual([
      [1, 'TITRE UN VILLE UNE', 5],
      [2, 'TITRE DEUX VILLE DEUX', 8],
      [3, 'TITRE TROIS VILLE TROIS', 11],
      [4, 'TITRE QUATRE VILLE QUATRE', 14],
      [5, 'TITRE CINQ VILLE CINQ', 17],
    ]);
  });

  it('gives a number its title even when the title is set like the section titles and a number follows it', () => {
    const blocks = [
      block([['PILOTER ENSEMBLE', 0.95, false]], 2),
      block([['5 01', 0.95, false]], 2),
      block([['BILAN DES DIX ANS', 0.95, false]], 2),
      block([['7 02', 0.95, false]], 2),
      block([['UN AUTRE TITRE', 0.95, false]], 2),
    ];
    expect(entries(blocks).map((entry) => [entry[0], entry[1], entry[2]])).toEqual([[1, 'BILAN DES DIX ANS', 5], [2, 'UN AUTRE TITRE', 7]]);
  });
});

describe('the entries\' form', () => {
  it('gives the last entry the line of the form it lacks, set like the section titles, rather than open a section with it (entry-form)', () => {
    const number = (n: string) => block([[n, 1.26, true]], 2);
    const org = (text: string) => block([[text, 0.84, false]], 2);
    const title = (text: string) => block([[text, 0.95, true]], 2);
    // A long title wraps: its block is longer than any section title.
    const long = (text: string) => block([[text, 0.95, true], ['SUR DEUX LIGNES DE LA TABLE DES MATIÈRES', 0.95, true]], 2);
    const blocks = [
      title('PILOTER ENSEMBLE'),
      number('01'), org('VILLE UNE'), long('UN TITRE DE PROJET'),
      number('02'), org('VILLE DEUX'), title('BILAN DES DIX ANS'),
      number('03'), org('VILLE TROIS'), long('UN TROISIÈME TITRE DE PROJET'),
      number('04'), org('VILLE QUATRE'), long('UN QUATRIÈME TITRE DE PROJET'),
      title('5'), title('8'), title('10'), title('12'),
      title('GÉRER AUTREMENT'),
      number('05'), org('VILLE CINQ'), long('UN CINQUIÈME TITRE DE PROJET'), title('15'),
    ];
    const read9 = read(blocks);
    expect(read9.sections).toEqual(['PILOTER ENSEMBLE', 'GÉRER AUTREMENT']);
    expect(read9.entries.map((e) => [e.numero, e.texte, e.page, e.section])).toEqual([
      [1, 'VILLE UNE UN TITRE DE PROJET SUR DEUX LIGNES DE LA TABLE DES MATIÈRES', 5, 'PILOTER ENSEMBLE'],
      [2, 'VILLE DEUX BILAN DES DIX ANS', 8, 'PILOTER ENSEMBLE'],
      [3, 'VILLE TROIS UN TROISIÈME TITRE DE PROJET SUR DEUX LIGNES DE LA TABLE DES MATIÈRES', 10, 'PILOTER ENSEMBLE'],
      [4, 'VILLE QUATRE UN QUATRIÈME TITRE DE PROJET SUR DEUX LIGNES DE LA TABLE DES MATIÈRES', 12, 'PILOTER ENSEMBLE'],
      [5, 'VILLE CINQ UN CINQUIÈME TITRE DE PROJET SUR DEUX LIGNES DE LA TABLE DES MATIÈRES', 15, 'GÉRER AUTREMENT'],
    ]);
  });
});

describe('a table\'s number cells read as one block', () => {
  it('opens one entry per line, each with its page, and gives them the collectivités and titles that follow, in order (number-column)', () => {
    const org = (text: string) => block([[text, 0.8, false]], 3);
    const title = (text: string) => block([[text, 0.9, true]], 3);
    const blocks = [
      block([['VALORISER LE TERRITOIRE', 1.05, true]], 3),
      block([['p. 5 01 VILLE UNE', 0.8, false]], 3), title('TITRE UN'),
      block([['p. 8 02 VILLE DEUX', 0.8, false]], 3), title('TITRE DEUX'),
      block([['p. 11 03', 0.9, true], ['p. 14 04', 0.9, true], ['p. 17 05', 0.9, true]], 3),
      org('VILLE TROIS'), title('TITRE TROIS'),
      org('VILLE QUATRE'), title('TITRE QUATRE'),
      org('VILLE CINQ'), title('TITRE CINQ'),
    ];
    expect(entries(blocks).map(([numero, texte, page]) => [numero, texte, page])).toEqual([
      [1, 'VILLE UNE TITRE UN', 5],
      [2, 'VILLE DEUX TITRE DEUX', 8],
      [3, 'VILLE TROIS TITRE TROIS', 11],
      [4, 'VILLE QUATRE TITRE QUATRE', 14],
      [5, 'VILLE CINQ TITRE CINQ', 17],
    ]);
  });
});

describe('a row cut by a page break', () => {
  it('gives the entry its title printed at the top of the next page, after its page reference: the line of the form it lacks (entry-form)', () => {
    const entry = (n: string, org: string, title: string | null, page: string, on: number) => [
      block([[n, 1.14, true]], on), block([[org, 0.76, false]], on),
      ...(title === null ? [] : [block([[title, 0.86, true]], on)]),
      block([[page, 0.86, true]], on),
    ];
    const blocks = [
      block([['GÉRER DIFFÉREMMENT', 1, true]], 2),
      ...entry('01/', 'VILLE UNE', 'TITRE UN', '/ P05', 2),
      ...entry('02/', 'VILLE DEUX', 'TITRE DEUX', '/ P08', 2),
      ...entry('03/', 'VILLE TROIS', null, '/ P11', 2),
      block([['TITRE TROIS', 0.86, true]], 3),
      ...entry('04/', 'VILLE QUATRE', 'TITRE QUATRE', '/ P14', 3),
    ];
    expect(entries(blocks).map(([numero, texte, page]) => [numero, texte, page])).toEqual([
      [1, 'VILLE UNE TITRE UN', 5],
      [2, 'VILLE DEUX TITRE DEUX', 8],
      [3, 'VILLE TROIS TITRE TROIS', 11],
      [4, 'VILLE QUATRE TITRE QUATRE', 14],
    ]);
  });
});

describe('a page-first sommaire whose page column is read before the numbers', () => {
  it('keeps each page for the next entry, in order, as the pages run (pages-ahead)', () => {
    const number = (n: string) => block([[n, 1.14, true]], 3);
    const title = (text: string) => block([[text, 0.86, true]], 3);
    const org = (text: string) => block([[text, 0.71, false]], 3);
    const blocks = [
      block([['VALORISER LE TERRITOIRE', 1, true]], 3),
      title('p. 50'), number('01'), title('TITRE SEIZE'), org('VILLE SEIZE'),
      title('p. 53'), number('02'), title('TITRE DIX-SEPT'),
      block([['p. 56', 0.86, true], ['p. 59', 0.86, true], ['p. 62', 0.86, true]], 3),
      org('VILLE DIX-SEPT'),
      number('03'), title('TITRE DIX-HUIT'), org('VILLE DIX-HUIT'),
      number('04'), title('TITRE DIX-NEUF'), org('VILLE DIX-NEUF'),
      number('05'), title('TITRE VINGT'), org('VILLE VINGT'),
    ];
    expect(entries(blocks).map(([numero, texte, page]) => [numero, texte, page])).toEqual([
      [1, 'TITRE SEIZE VILLE SEIZE', 50],
      [2, 'TITRE DIX-SEPT VILLE DIX-SEPT', 53],
      [3, 'TITRE DIX-HUIT VILLE DIX-HUIT', 56],
      [4, 'TITRE DIX-NEUF VILLE DIX-NEUF', 59],
      [5, 'TITRE VINGT VILLE VINGT', 62],
    ]);
  });
});

describe('a collectivité printed after the page reference', () => {
  it('belongs to the entry above it, not to a new section, when set unlike the section titles', () => {
    const blocks = [
      block([['PILOTER ENSEMBLE', 1, true]], 2),
      block([['01 UN TITRE DE PROJET p. 5', 0.9, true]], 2),
      block([['VILLE DE LORVAL', 0.75, false]], 2),
      block([['02 UN AUTRE TITRE p. 9', 0.9, true]], 2),
      block([['DÉPARTEMENT DE LA VALMORE', 0.75, false]], 2),
      block([['GÉRER AUTREMENT', 1, true]], 2),
      block([['03 UN TROISIÈME TITRE p. 12', 0.9, true]], 2),
      block([['RÉGION DU NORD', 0.75, false]], 2),
    ];
    expect(entries(blocks)).toEqual([
      [1, 'UN TITRE DE PROJET VILLE DE LORVAL', 5, 'PILOTER ENSEMBLE'],
      [2, 'UN AUTRE TITRE DÉPARTEMENT DE LA VALMORE', 9, 'PILOTER ENSEMBLE'],
      [3, 'UN TROISIÈME TITRE RÉGION DU NORD', 12, 'GÉRER AUTREMENT'],
    ]);
  });

  it('with no section before the first entry, no line after it is a section', () => {
    const blocks = [block('01 UN TITRE DE PROJET p. 5'), block('VILLE DE LORVAL'), block('02 UN AUTRE TITRE p. 9'), block('DÉPARTEMENT DE LA VALMORE'), block('03 UN DERNIER TITRE p. 12')];
    expect(entries(blocks)).toEqual([
      [1, 'UN TITRE DE PROJET VILLE DE LORVAL', 5, ''],
      [2, 'UN AUTRE TITRE DÉPARTEMENT DE LA VALMORE', 9, ''],
      [3, 'UN DERNIER TITRE', 12, ''],
    ]);
  });
});

describe('a sommaire row cut by a page break', () => {
  it('keeps the title that opens the next page with its entry when the collectivité came first, and reads on (row-across-pages)', () => {
    const blocks = [
      block([['PILOTER ENSEMBLE', 1, true]], 2),
      block([['p. 5', 0.86, true]], 2),
      block([['01', 1.14, true]], 2),
      block([['VILLE DE LORVAL', 0.76, false]], 2),
      block([['UN TITRE DE PROJET', 0.86, true]], 2),
      block([['p. 9', 0.86, true]], 2),
      block([['02', 1.14, true]], 2),
      block([['DÉPARTEMENT DE LA VALMORE', 0.76, false]], 2),
      block([['UN AUTRE TITRE', 0.86, true]], 3),
      block([['p. 12', 0.86, true]], 3),
      block([['03', 1.14, true]], 3),
      block([['RÉGION DU NORD', 0.76, false]], 3),
      block([['UN TROISIÈME TITRE', 0.86, true]], 3),
    ];
    expect(entries(blocks)).toEqual([
      [1, 'VILLE DE LORVAL UN TITRE DE PROJET', 5, 'PILOTER ENSEMBLE'],
      [2, 'DÉPARTEMENT DE LA VALMORE UN AUTRE TITRE', 9, 'PILOTER ENSEMBLE'],
      [3, 'RÉGION DU NORD UN TROISIÈME TITRE', 12, 'PILOTER ENSEMBLE'],
    ]);
  });
});

describe('a collectivité opening the next page after its row\'s page (collectivite-after-title)', () => {
  // Converter text: weight and size unknown, so the line looks like a section title to the sommaire.
  const sommaire = (afterPage: string) => [
    block('CONDUIRE LE CHANGEMENT'),
    block('01 UN TITRE INVENTÉ POUR LE PROJET'),
    block('VILLE DE LORVAL'),
    block('5'),
    block('02 UNE ÉTUDE DES JARDINS PARTAGÉS DE LA\nVALLÉE BASSE'),
    block('9'),
    block(afterPage),
    block('03 UN TROISIÈME PROJET INVENTÉ'),
    block('RÉGION DU NORD'),
    block('12'),
    block('Éditorial : les projets de cette année, présentés par leurs auteurs.'),
  ];
  const project = (numero: string, ...lines: string[]) => [block(numero), ...lines.map((text) => block(text)), block('LES AUTEURS'), block('Anne DURAND')];

  it('gives the last entry the line the body prints right under its title, not a new section', () => {
    const blocks = [
      ...sommaire('COMMUNAUTÉ DE COMMUNES DU VAL FLEURI'),
      block('CONDUIRE LE CHANGEMENT'),
      ...project('01', 'UN TITRE INVENTÉ POUR LE PROJET', 'VILLE DE LORVAL'),
      ...project('02', 'UNE ÉTUDE DES JARDINS PARTAGÉS DE LA', 'Vallée basse', 'Communauté de communes du Val Fleuri'),
      ...project('03', 'UN TROISIÈME PROJET INVENTÉ', 'RÉGION DU NORD'),
    ];
    expect(entries(blocks)).toEqual([
      [1, 'UN TITRE INVENTÉ POUR LE PROJET VILLE DE LORVAL', 5, 'CONDUIRE LE CHANGEMENT'],
      [2, 'UNE ÉTUDE DES JARDINS PARTAGÉS DE LA VALLÉE BASSE COMMUNAUTÉ DE COMMUNES DU VAL FLEURI', 9, 'CONDUIRE LE CHANGEMENT'],
      [3, 'UN TROISIÈME PROJET INVENTÉ RÉGION DU NORD', 12, 'CONDUIRE LE CHANGEMENT'],
    ]);
    expect(read(blocks).sections).toEqual(['CONDUIRE LE CHANGEMENT']);
  });

  it('still reads a section title the body prints as a band before a project, not after the last title', () => {
    const blocks = [
      ...sommaire('GÉRER AUTREMENT'),
      block('CONDUIRE LE CHANGEMENT'),
      ...project('01', 'UN TITRE INVENTÉ POUR LE PROJET', 'VILLE DE LORVAL'),
      ...project('02', 'UNE ÉTUDE DES JARDINS PARTAGÉS DE LA', 'VALLÉE BASSE', 'COMMUNAUTÉ DE COMMUNES DU VAL FLEURI'),
      block('GÉRER AUTREMENT'),
      ...project('03', 'UN TROISIÈME PROJET INVENTÉ', 'RÉGION DU NORD'),
    ];
    expect(entries(blocks).map(([numero, , , section]) => [numero, section])).toEqual([
      [1, 'CONDUIRE LE CHANGEMENT'],
      [2, 'CONDUIRE LE CHANGEMENT'],
      [3, 'GÉRER AUTREMENT'],
    ]);
  });

  it('still reads a section title printed after the last title when the body also prints it as a band before a project', () => {
    const blocks = [
      ...sommaire('GÉRER AUTREMENT'),
      block('CONDUIRE LE CHANGEMENT'),
      ...project('01', 'UN TITRE INVENTÉ POUR LE PROJET', 'VILLE DE LORVAL'),
      ...project('02', 'UNE ÉTUDE DES JARDINS PARTAGÉS DE LA VALLÉE BASSE', 'GÉRER AUTREMENT'),
      block('GÉRER AUTREMENT'),
      ...project('03', 'UN TROISIÈME PROJET INVENTÉ', 'RÉGION DU NORD'),
    ];
    expect(entries(blocks).map(([numero, , , section]) => [numero, section])).toEqual([
      [1, 'CONDUIRE LE CHANGEMENT'],
      [2, 'CONDUIRE LE CHANGEMENT'],
      [3, 'GÉRER AUTREMENT'],
    ]);
  });
});

describe('a title set like the section titles', () => {
  it('is the title the last entry still lacks, not a section, when the first entry printed a line in its style (entry-line-not-section)', () => {
    const blocks = [
      block([['PILOTER ENSEMBLE', 0.9, true]], 2),
      block([['01', 1.2, true]], 2),
      block([['VILLE DE LORVAL', 0.8, false]], 2),
      // The first title is too long for a section title: it shows how titles are set.
      block([['MUTUALISATION, TERRITORIALISATION,', 0.9, true], ['GOUVERNANCE : ÉVOLUTIONS EN PERSPECTIVE', 0.9, true]], 2),
      block([['02', 1.2, true]], 2),
      block([['EST ENSEMBLE', 0.8, false]], 2),
      block([['BILAN DES DIX ANS', 0.9, true]], 2),
      block([['03', 1.2, true]], 2),
      block([['RÉGION DU NORD', 0.8, false]], 2),
      block([['UN TROISIÈME TITRE', 0.9, true]], 2),
      block([['P05', 0.9, true]], 2),
      block([['P08', 0.9, true]], 2),
      block([['P11', 0.9, true]], 2),
      block([['GÉRER AUTREMENT', 0.9, true]], 2),
      block([['04', 1.2, true]], 2),
      block([['VILLE DE BREST', 0.8, false]], 2),
      block([['UN QUATRIÈME TITRE', 0.9, true]], 2),
      block([['P14', 0.9, true]], 2),
    ];
    expect(entries(blocks)).toEqual([
      [1, 'VILLE DE LORVAL MUTUALISATION, TERRITORIALISATION, GOUVERNANCE : ÉVOLUTIONS EN PERSPECTIVE', 5, 'PILOTER ENSEMBLE'],
      [2, 'EST ENSEMBLE BILAN DES DIX ANS', 8, 'PILOTER ENSEMBLE'],
      [3, 'RÉGION DU NORD UN TROISIÈME TITRE', 11, 'PILOTER ENSEMBLE'],
      [4, 'VILLE DE BREST UN QUATRIÈME TITRE', 14, 'GÉRER AUTREMENT'],
    ]);
  });
});

describe('a misread number', () => {
  it('is read as the number expected at its place (« O9/ » after « 08/ »), and reported', () => {
    const blocks = ['08/', 'TITRE HUIT', '/ P40', 'O9/', 'TITRE NEUF', '/ P46', '10/', 'TITRE DIX', '/ P52'].map((text) => block(text));
    const { entries: read9, diagnostics } = read(blocks);
    expect(read9.map((entry) => [entry.numero, entry.texte, entry.page])).toEqual([[8, 'TITRE HUIT', 40], [9, 'TITRE NEUF', 46], [10, 'TITRE DIX', 52]]);
    expect(diagnostics.map((d) => [d.code, d.projet])).toEqual([['SOMMAIRE_NUMBER_MISREAD', 9]]);
  });

  it('is not read when it is not the number expected there', () => {
    const blocks = ['08/', 'TITRE HUIT', '/ P40', 'O3/', 'TITRE NEUF', '/ P46'].map((text) => block(text));
    expect(read(blocks).entries.map((entry) => entry.numero)).toEqual([8]);
  });
});

describe('a page reference as OCR reads it', () => {
  it('is a page, not the body\'s first number (« 1P05 » for « / P05 »)', () => {
    const blocks = ['01/', 'TITRE UN', '1P05', '02]', 'TITRE DEUX', 'IP07'].map((text) => block(text));
    expect(entries(blocks).map((entry) => [entry[0], entry[1], entry[2]])).toEqual([[1, 'TITRE UN', 5], [2, 'TITRE DEUX', 7]]);
  });
});

describe('a block the reader does not understand', () => {
  it('is passed over while entries still wait for their title or page', () => {
    const blocks = [block('01'), block('02'), block('////'), block('TITRE UN'), block('TITRE DEUX'), block('/ P05'), block('/ P09')];
    expect(entries(blocks).map((entry) => [entry[0], entry[1], entry[2]])).toEqual([[1, 'TITRE UN', 5], [2, 'TITRE DEUX', 9]]);
  });

  it('ends the sommaire once every entry has its title and page', () => {
    const blocks = [block('01/'), block('TITRE UN'), block('/ P05'), block('////'), block('Décembre 2019')];
    const { entries: done, end } = read(blocks);
    expect(done).toHaveLength(1);
    expect(end).toBe(3);
  });
});

describe('a sommaire in two columns under a row of section titles', () => {
  const sommaire = [
    block([['SOMMAIRE', 2.5, true]], 2),
    block([['COOPÉRER ENTRE TERRITOIRES', 1.1, true]], 2),
    block([['INNOVER AU QUOTIDIEN', 1.1, true]], 2),
    block([['01/ UN PREMIER TITRE DE PROJET', 0.95, true]], 2),
    block([['/ P05', 0.95, true]], 2),
    block([['02/ UN DEUXIÈME TITRE DE PROJET', 0.95, true]], 2),
    block([['/ P07', 0.95, true]], 2),
  ];

  it('reads both titles as sections and leaves the entries’ section open: the columns, not the reading order, say which heads which (section-row)', () => {
    const read = readSommaire(sommaire, 1, DEFAULT_VOCABULARY);
    expect(read.sections).toEqual(['COOPÉRER ENTRE TERRITOIRES', 'INNOVER AU QUOTIDIEN']);
    expect(read.entries.map((e) => [e.numero, e.section])).toEqual([[1, ''], [2, '']]);
  });

  it('gives each project the section the body printed before it', () => {
    const project = (label: string, title: string, page: number, section: string) => [
      block([[section, 0.9, true]], page),
      block([[label, 1.6, true]], page),
      block([[title, 1.4, true]], page),
      block([['LES AUTEURS', 1, true]], page),
      block([['Lisa MARCHETTI', 1, true], ['lisa.marchetti@administrateur-inet.org', 0.9, false]], page),
      block([['Le texte du projet.', 1, false]], page),
    ];
    const body = [...project('PROJET 01', 'UN PREMIER TITRE DE PROJET', 5, 'COOPÉRER ENTRE TERRITOIRES'), ...project('PROJET 02', 'UN DEUXIÈME TITRE DE PROJET', 7, 'INNOVER AU QUOTIDIEN')];
    const segmented = segmentDocument({ format: 'pdf', pageCount: 9, blocks: [...sommaire, ...body], diagnostics: [] }, DEFAULT_VOCABULARY);
    expect(segmented.projects.map((p) => [p.numero, p.section])).toEqual([[1, 'COOPÉRER ENTRE TERRITOIRES'], [2, 'INNOVER AU QUOTIDIEN']]);
    expect(segmented.sections).toEqual([{ titre: 'COOPÉRER ENTRE TERRITOIRES', projets: [1] }, { titre: 'INNOVER AU QUOTIDIEN', projets: [2] }]);
  });
});

describe('a page printed as « page 5 »', () => {
  it('reads « page 5 » alone on the entry’s last line as its page', () => {
    const blocks = [block([['1', 1.05, true]], 1), block([['UN TITRE DE PROJET', 0.9, true], ['VILLE DE LORVAL', 0.9, false], ['page 5', 0.9, false]], 1), block([['2', 1.05, true]], 1), block([['UN AUTRE TITRE', 0.9, true], ['VILLE DE BRIANCE', 0.9, false], ['page 9', 0.9, false]], 1)];
    const { entries } = readSommaire(blocks, 0, DEFAULT_VOCABULARY);
    expect(entries.map((entry) => [entry.numero, entry.page, entry.texte])).toEqual([
      [1, 5, 'UN TITRE DE PROJET VILLE DE LORVAL'],
      [2, 9, 'UN AUTRE TITRE VILLE DE BRIANCE'],
    ]);
  });
});

describe('an organisation set under the title’s dot leader and page', () => {
  const section = (text: string): Block => block([[text, 0.9, true]], 2);
  const line = (text: string): Block => block([[text, 1, false]], 2);

  it('reads the organisation set under the title’s leader and page as the entry’s, not as the next section', () => {
    const blocks = [
      section('COOPÉRER ENTRE TERRITOIRES'),
      line('01 UN TITRE DE PROJET . . . . . . 3'),
      line('VILLE DE LORVAL'),
      line('02 UN AUTRE TITRE . . . . . . 5'),
      line('DÉPARTEMENT DE LA HAUTE-VALMORE'),
      section('INNOVER AU QUOTIDIEN'),
      line('03 UN TROISIÈME TITRE . . . . . . 7'),
      line('VILLE DE BRIANCE'),
    ];
    const { entries } = readSommaire(blocks, 0, DEFAULT_VOCABULARY);
    expect(entries.map((entry) => [entry.numero, entry.section, entry.page, entry.texte])).toEqual([
      [1, 'COOPÉRER ENTRE TERRITOIRES', 3, 'UN TITRE DE PROJET VILLE DE LORVAL'],
      [2, 'COOPÉRER ENTRE TERRITOIRES', 5, 'UN AUTRE TITRE DÉPARTEMENT DE LA HAUTE-VALMORE'],
      [3, 'INNOVER AU QUOTIDIEN', 7, 'UN TROISIÈME TITRE VILLE DE BRIANCE'],
    ]);
  });

  it('finds the page on a wrapped title’s last line when the organisation follows in the same block', () => {
    const blocks = [
      section('INNOVER AU QUOTIDIEN'),
      line('03 OUVRIR LES ARCHIVES COMMUNALES AUX HABITANTS : UNE DÉMARCHE DE'),
      block([['SCIENCE PARTICIPATIVE . . . . . . 6', 1, false], ['VILLE DE LORVAL', 1, false]], 2),
      line('04 DÉMATÉRIALISER LES AUTORISATIONS . . . . 7'),
    ];
    const { entries } = readSommaire(blocks, 0, DEFAULT_VOCABULARY);
    expect(entries.map((entry) => [entry.numero, entry.page, entry.texte])).toEqual([
      [3, 6, 'OUVRIR LES ARCHIVES COMMUNALES AUX HABITANTS : UNE DÉMARCHE DE SCIENCE PARTICIPATIVE VILLE DE LORVAL'],
      [4, 7, 'DÉMATÉRIALISER LES AUTORISATIONS'],
    ]);
  });
});

describe('sommaire as a table, the page first', () => {
  it('reads « 4  01 » as the page then the number when the number goes on from the last entry', () => {
    const blocks = [
      block([['4 01', 0.95, false]], 2), block([['UN TITRE DE PROJET', 0.95, false], ['VILLE DE LORVAL', 0.95, false]], 2),
      block([['5 02', 0.95, false]], 2), block([['UN AUTRE TITRE', 0.95, false], ['VILLE DE BRIANCE', 0.95, false]], 2),
    ];
    const { entries } = readSommaire(blocks, 0, DEFAULT_VOCABULARY);
    expect(entries.map((entry) => [entry.numero, entry.page, entry.texte])).toEqual([
      [1, 4, 'UN TITRE DE PROJET VILLE DE LORVAL'],
      [2, 5, 'UN AUTRE TITRE VILLE DE BRIANCE'],
    ]);
  });
});

describe('a sommaire table cut by a page break', () => {
  const row = (page: number, ...lines: [string, boolean][]): Block => block(lines.map(([text, bold]) => [text, 0.91, bold] as const), page);
  it('gives the line opening the next page, set like the entries, to the entry before it', () => {
    const blocks = [
      row(2, ['VALORISER LE TERRITOIRE', true]),
      row(2, ['16 PRÉFIGURATION DE LA FUTURE MÉDIATHÈQUE', false], ['COMMUNAUTAIRE', false]),
      row(2, ['48', false]),
      row(3, ['GRAND BESANÇON MÉTROPOLE', false]),
      row(3, ['17 STRATÉGIE POUR L’AMÉNAGEMENT NON GENRÉ', false], ['VILLE DE RENNES', false]),
      row(3, ['50', false]),
    ];
    expect(entries(blocks)).toEqual([
      [16, 'PRÉFIGURATION DE LA FUTURE MÉDIATHÈQUE COMMUNAUTAIRE GRAND BESANÇON MÉTROPOLE', 48, 'VALORISER LE TERRITOIRE'],
      [17, 'STRATÉGIE POUR L’AMÉNAGEMENT NON GENRÉ VILLE DE RENNES', 50, 'VALORISER LE TERRITOIRE'],
    ]);
  });
  it('still reads a section title opening the next page, set like the section titles', () => {
    const blocks = [
      row(2, ['VALORISER LE TERRITOIRE', true]),
      row(2, ['16 PRÉFIGURATION DE LA FUTURE MÉDIATHÈQUE', false]),
      row(2, ['48', false]),
      row(3, ['GÉRER AUTREMENT', true]),
      row(3, ['17 STRATÉGIE POUR L’AMÉNAGEMENT NON GENRÉ', false]),
      row(3, ['50', false]),
    ];
    expect(entries(blocks).map((entry) => entry[3])).toEqual(['VALORISER LE TERRITOIRE', 'GÉRER AUTREMENT']);
  });
});

describe('a sommaire with each title and organisation line its own block', () => {
  const one = (page: number, text: string, bold = false): Block => block([[text, 1, bold]], page);
  const entries = (blocks: Block[]) => readSommaire(blocks, 0, DEFAULT_VOCABULARY).entries.map((e) => [e.numero, e.texte, e.page]);
  it('finds the page after two title lines and two organisation lines', () => {
    const blocks = [
      one(2, 'GÉRER DIFFÉREMMENT', true),
      one(2, '13 RENFORCER LES SERVICES ET L’APPROPRIATION DES COMPÉTENCES EAU ET'),
      one(2, 'ASSAINISSEMENT VERS UN PASSAGE EN RÉGIE'),
      one(2, 'COMMUNAUTÉ D’AGGLOMÉRATION DU PAYS NORD MARTINIQUE (CAP NORD'),
      one(2, 'MARTINIQUE)'),
      one(2, '........................................ 35'),
      one(2, '14 COÛT COMPLET DES ÉQUIPEMENTS CULTURELS ET SPORTIFS'),
      one(2, 'VILLE DE MARSEILLE ........ 37'),
    ];
    expect(entries(blocks).map((entry) => entry[2])).toEqual([35, 37]);
  });
  it('takes the page from the organisation line that opens the next page', () => {
    const blocks = [
      one(2, 'GÉRER DIFFÉREMMENT', true),
      one(2, '15 TARIFICATION INTERMODALE : VERS UNE OFFRE'),
      one(2, 'DE MOBILITÉ SERVICIELLE'),
      one(3, 'RÉGION GRAND EST .................. 39'),
      one(3, 'VALORISER LE TERRITOIRE', true),
      one(3, '16 PRÉFIGURATION DE LA MÉDIATHÈQUE'),
      one(3, 'GRAND BESANÇON MÉTROPOLE ....... 42'),
    ];
    expect(entries(blocks)).toEqual([
      [15, 'TARIFICATION INTERMODALE : VERS UNE OFFRE DE MOBILITÉ SERVICIELLE RÉGION GRAND EST', 39],
      [16, 'PRÉFIGURATION DE LA MÉDIATHÈQUE GRAND BESANÇON MÉTROPOLE', 42],
    ]);
  });
});

describe('a page cell read onto its title line (page-cell-on-title-line)', () => {
  // A table « number | title | page | collectivité »: the page cells are bare numbers sharing one
  // left edge (x 347); the second title is short enough that its page cell joins its line.
  const table = (secondTitleWidth: number) => [
    block([['LES PROJETS', 1.5, true]], 2),
    placed(block([['01', 0.95, true]], 2), 72, 140, 12),
    placed(block([['TITRE UN SUR DEUX', 0.95, true], ['LIGNES', 0.95, true]], 2), 120, 140, 190),
    placed(block([['5', 0.95, true]], 2), 347, 140, 6),
    placed(block([['02', 0.95, true]], 2), 72, 180, 12),
    placed(block([['UN TITRE COURT 6', 0.95, true]], 2), 120, 180, secondTitleWidth),
    placed(block([['03', 0.95, true]], 2), 72, 240, 12),
    placed(block([['TITRE TROIS', 0.95, true]], 2), 120, 240, 150),
    placed(block([['8', 0.95, true]], 2), 347, 240, 6),
    block([['Décembre 2031', 0.9, true]], 3),
  ];

  it('cuts the page off a title line that runs across the page column\'s edge', () => {
    expect(entries(table(233)).map(([numero, texte, page]) => [numero, texte, page])).toEqual([[1, 'TITRE UN SUR DEUX LIGNES', 5], [2, 'UN TITRE COURT', 6], [3, 'TITRE TROIS', 8]]);
  });

  it('keeps a number ending a title inside its own column as the title\'s', () => {
    // The same line ending left of the page column: « 6 » is the title's (and the pages shift, as printed text would have them).
    expect(entries(table(200))[1]!.slice(1, 3)).toEqual(['UN TITRE COURT 6', 8]);
  });
});

describe('a row under its page cell, the numbers read first (row-under-page-cell)', () => {
  // A column of the table read as its number cells first, then the titles: the first title's page
  // cell (x 347) joins its first line, the title's second line and collectivité come under it in
  // the same block. Those lines are the row's, not the next entry's that waits for its title.
  const table = [
    block([['LES PROJETS', 1.5, true]], 2),
    placed(block([['01', 0.95, true]], 2), 72, 140, 12),
    placed(block([['02', 0.95, true]], 2), 72, 200, 12),
    placed(block([['03', 0.95, true]], 2), 72, 260, 12),
    placed(block([['TITRE UN SUR 5', 0.95, true], ['DEUX LIGNES', 0.95, true], ['Ville de Rennes', 0.8, false]], 2), 120, 140, 233),
    placed(block([['TITRE DEUX', 0.95, true], ['Région Bretagne', 0.8, false]], 2), 120, 200, 150),
    placed(block([['7', 0.95, false]], 2), 347, 200, 6),
    placed(block([['TITRE TROIS', 0.95, true], ['Ville de Brest', 0.8, false]], 2), 120, 260, 150),
    placed(block([['9', 0.95, false]], 2), 347, 260, 6),
    block([['Décembre 2031', 0.9, true]], 3),
  ];

  it('gives the lines under the page cell to the row\'s entry', () => {
    expect(entries(table).map(([numero, texte, page]) => [numero, texte, page])).toEqual([
      [1, 'TITRE UN SUR DEUX LIGNES Ville de Rennes', 5],
      [2, 'TITRE DEUX Région Bretagne', 7],
      [3, 'TITRE TROIS Ville de Brest', 9],
    ]);
  });
});
