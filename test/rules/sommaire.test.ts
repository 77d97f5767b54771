/**
 * The sommaire read as « label each line, then group lines into entries » (src/segment/sommaire.ts):
 * each rule on a few invented lines, so that it fails on its own.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import { segmentDocument } from '../../src/segment/index.js';
import { readSommaire } from '../../src/segment/sommaire.js';
import type { Block } from '../../src/types.js';
import { block } from '../helpers/blocks.js';

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
