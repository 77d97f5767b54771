/**
 * A sommaire set in columns whose rows the layout read across (src/segment/sommaire-columns.ts,
 * `sommaire-columns-by-numbers`): the numbers, going up down each column, put the page back in
 * column order before the sommaire is read.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import { segmentDocument } from '../../src/segment/index.js';
import { sommaireColumnsInOrder } from '../../src/segment/sommaire-columns.js';
import type { Block } from '../../src/types.js';
import { block, placed } from '../helpers/blocks.js';

const LINE = 12;
const cell = (text: string, bold: boolean, x: number, y: number, width = 150, height = 12): Block => placed(block([[text, 0.9, bold]], 2), x, y, width, height);

/** Two columns, a section title over each, two entries in each: rows aligned, read across. */
function readAcross(): Block[] {
  return [
    placed(block([['LES PROJETS', 2.2, true]], 2), 48, 60, 160, 24),
    cell('COOPÉRER ENTRE TERRITOIRES', true, 48, 115),
    cell('INNOVER AU QUOTIDIEN', true, 309, 115),
    cell('01/', true, 48, 142, 17),
    cell('MUTUALISER LA RESTAURATION', true, 85, 145),
    cell('/ P04', true, 265, 144, 21),
    cell('03/', true, 309, 142, 17),
    cell('OUVRIR LES ARCHIVES', true, 346, 145),
    cell('/ P07', true, 526, 144, 21),
    cell('02/', true, 48, 214, 17),
    cell('UN GUICHET UNIQUE', true, 85, 217),
    cell('/ P06', true, 265, 216, 21),
    cell('04/', true, 309, 215, 17),
    cell('DÉMATÉRIALISER LES AUTORISATIONS', true, 346, 218),
    cell('/ P08', true, 526, 218, 21),
    cell('Novembre 2031', false, 48, 570, 70),
  ];
}

const texts = (blocks: readonly Block[]) => blocks.map((b) => b.text);

describe('a sommaire in columns read row by row (sommaire-columns-by-numbers)', () => {
  it('puts the page in column order, each column under its section title, what is printed under the table last', () => {
    const blocks = readAcross();
    expect(texts(sommaireColumnsInOrder(blocks, 1, DEFAULT_VOCABULARY, LINE))).toEqual([
      'LES PROJETS',
      'COOPÉRER ENTRE TERRITOIRES', '01/', 'MUTUALISER LA RESTAURATION', '/ P04', '02/', 'UN GUICHET UNIQUE', '/ P06',
      'INNOVER AU QUOTIDIEN', '03/', 'OUVRIR LES ARCHIVES', '/ P07', '04/', 'DÉMATÉRIALISER LES AUTORISATIONS', '/ P08',
      'Novembre 2031',
    ]);
  });

  it('reads every entry under its section: none lost to a number that seemed to go back', () => {
    const blocks = readAcross();
    const segmented = segmentDocument({ format: 'pdf', pageCount: 9, blocks, bodyLineHeight: LINE, diagnostics: [] });
    expect(segmented.sommaire.map((entry) => [entry.numero, entry.page, entry.section])).toEqual([
      [1, 4, 'COOPÉRER ENTRE TERRITOIRES'],
      [2, 6, 'COOPÉRER ENTRE TERRITOIRES'],
      [3, 7, 'INNOVER AU QUOTIDIEN'],
      [4, 8, 'INNOVER AU QUOTIDIEN'],
    ]);
  });

  it('leaves a page already read column after column, and one column of numbers, as read', () => {
    const across = readAcross();
    const down = [across[0]!, across[1]!, ...across.slice(3, 6), ...across.slice(9, 12), across[2]!, ...across.slice(6, 9), ...across.slice(12)];
    expect(sommaireColumnsInOrder(down, 1, DEFAULT_VOCABULARY, LINE)).toBe(down);
    const oneColumn = across.map((b) => (b.box ? placed(b, Math.min(b.box.x, 48), b.box.y, b.box.width, b.box.height) : b));
    expect(sommaireColumnsInOrder(oneColumn, 1, DEFAULT_VOCABULARY, LINE)).toBe(oneColumn);
  });
});
