/**
 * Table cells read row by row from their geometry (src/extract/cells.ts), whatever order the PDF
 * writes them in: a desktop publisher's cell frames (Scribus) are written in any order.
 */
import { describe, expect, it } from 'vitest';
import { filler, layout, run } from '../helpers/runs.js';

/** A sommaire row as cell frames: « 01 » | bold title (wrapped or not) over the collectivité in italics | page. */
function sommaireRow(top: number, number: string, title: readonly string[], collectivite: string, page: string) {
  const cells = [
    run(number, 51, top, { size: 8.5, bold: true }),
    ...title.map((line, i) => run(line, 90.7, top + i * 10.5, { size: 8.5, bold: true })),
    run(collectivite, 90.7, top + title.length * 10.5 + 0.5, { size: 9.5, italic: true }),
    run(page, 539, top, { size: 8.5, bold: true }),
  ];
  // Written in another order than read: the page cell first, the number last.
  return [cells.at(-1)!, ...cells.slice(1, -1), cells[0]!];
}

describe('a cell\'s further line in another style', () => {
  it('stays in its cell, so that cell frames whose rows stand closer than a band are read row by row', () => {
    // A section row across the number and title columns makes them one column: the rows are told apart by their cells alone.
    const rows = [
      [run('PILOTER ENSEMBLE', 51, 128, { size: 9, bold: true })],
      sommaireRow(146.6, '01', ['MUTUALISATION, TERRITORIALISATION, GOUVERNANCE : ÉVOLUTIONS', 'COMPARÉE'], 'BORDEAUX MÉTROPOLE', '5'),
      sommaireRow(189.1, '02', ['BILAN DES 10 ANS D\'EST ENSEMBLE'], 'EST ENSEMBLE', '7'),
      sommaireRow(220.3, '03', ['SCHÉMA DE MUTUALISATION À L\'ÉCHELLE DES 37 COMMUNES'], 'GRAND NARBONNE', '9'),
    ];
    const texts = layout([...filler(500), ...rows.flat()]).map((block) => block.text).filter((text) => !text.startsWith('Le texte courant'));
    expect(texts.slice(0, 5)).toEqual(['PILOTER ENSEMBLE', '01', 'MUTUALISATION, TERRITORIALISATION, GOUVERNANCE : ÉVOLUTIONS COMPARÉE BORDEAUX MÉTROPOLE', '5', '02']);
    expect(texts.indexOf('7')).toBe(texts.indexOf('02') + 2);
  });
});
