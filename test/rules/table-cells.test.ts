/**
 * Table cells read row by row from their geometry (src/extract/cells.ts), whatever order the PDF
 * writes them in: a desktop publisher's cell frames (Scribus) are written in any order; a word
 * processor's borderless tables (a cell's wrapped lines kept in it, a figure set at its row's middle).
 */
import { describe, expect, it } from 'vitest';
import { cellOrderedLines } from '../../src/extract/cells.js';
import type { Fragment } from '../../src/extract/fragments.js';
import type { Block, PdfTextRun } from '../../src/types.js';
import { filler, layout, LEADING, run } from '../helpers/runs.js';

/** Table text, as a word processor sets it: 10 pt, lines 11.5 pt apart inside a cell, rows 14.5 pt apart. */
const CELL = 10;
const texts = (blocks: readonly Block[]): string[] => blocks.map((block) => block.text);

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

describe('table rows from cell geometry', () => {
  it('reads a name wrapped in its cell with the e-mail set at the row\'s middle, not line by line', () => {
    // « Lisa MARCHETTI | e-mail » on one baseline; « Inès BRUNEAU- / SALGADO » wrapped, its e-mail between the two lines.
    const runs = [
      run('LES AUTEURS', 56.8, 185, { bold: true }),
      run('Lisa MARCHETTI', 58.3, 204.3, { size: CELL }),
      run('lisa.marchetti@administrateur-inet.org', 177.1, 204.3, { size: CELL }),
      run('Inès BRUNEAU-', 58.3, 218.8, { size: CELL }),
      run('ines.bruneausalgado@administrateur-inet.org', 177.1, 224.6, { size: CELL }),
      run('SALGADO', 58.3, 230.4, { size: CELL }),
      run('Kévin OYONO', 58.3, 244.9, { size: CELL }),
      run('kevin.oyono@ingenieurchef-inet.org', 177.1, 244.9, { size: CELL }),
      ...filler(300),
    ];
    const blocks = texts(layout(runs));
    const at = blocks.findIndex((text) => text.startsWith('Inès'));
    expect(blocks.slice(at, at + 2)).toEqual(['Inès BRUNEAU-SALGADO', 'ines.bruneausalgado@administrateur-inet.org']);
    // The e-mail of the row above and the name of the row below stay in their rows.
    expect(blocks.slice(at - 1, at)).toEqual(['Lisa MARCHETTI lisa.marchetti@administrateur-inet.org']);
    expect(blocks[at + 2]).toBe('Kévin OYONO kevin.oyono@ingenieurchef-inet.org');
  });

  it('reads a big figure set at the middle of its label\'s two lines before the label', () => {
    const runs = [
      run('LES CHIFFRES', 56.8, 500, { bold: true }),
      run('de taux de couverture des dépenses par les recettes pour les stades (10% pour les piscines,', 99.9, 529.7, { size: CELL, width: 425 }),
      run('14 %', 59.1, 535.3, { size: 16, bold: true }),
      run('5% pour les bibliothèques)', 99.9, 541.3, { size: CELL }),
      run('des dépenses de fonctionnement liées aux charges de structure', 99.9, 560.7, { size: CELL }),
      run('15 %', 59.1, 562.9, { size: 16, bold: true }),
      ...filler(100),
    ];
    const blocks = texts(layout(runs));
    const at = blocks.indexOf('14 %');
    expect(blocks.slice(at, at + 4)).toEqual([
      '14 %',
      'de taux de couverture des dépenses par les recettes pour les stades (10% pour les piscines, 5% pour les bibliothèques)',
      '15 %',
      'des dépenses de fonctionnement liées aux charges de structure',
    ]);
  });

  it('reads a table of contents row by row when its page column stands apart: title, organisation, page', () => {
    const row = (y: number, title: readonly string[], page: string): PdfTextRun[] => [
      run(title[0]!, 59.8, y, { size: CELL, width: 400 }),
      ...title.slice(1).map((line, i) => run(line, 78.8, y + (i + 1) * 11.5, { size: CELL })),
      run(page, 525.8, y, { size: CELL }),
    ];
    const runs = [
      run('SOMMAIRE', 56.8, 85.6, { size: 18, bold: true }),
      run('N° Projet', 59.8, 107.8, { size: CELL, bold: true }),
      run('Page', 515.2, 107.8, { size: CELL, bold: true }),
      run('PILOTER ENSEMBLE', 59.8, 125.3, { size: CELL, bold: true }),
      ...row(142.9, ['01 MUTUALISATION, TERRITORIALISATION, GOUVERNANCE : ÉVOLUTIONS EN', 'PERSPECTIVE COMPARÉE', 'BORDEAUX MÉTROPOLE'], '5'),
      ...row(183.5, ['02 BILAN DES 10 ANS D’EST ENSEMBLE', 'EST ENSEMBLE'], '8'),
      run('TRAVAILLER AUTREMENT', 59.8, 212.6, { size: CELL, bold: true }),
      ...row(230.2, ['03 RENFORCER LA POLITIQUE D’ACCOMPAGNEMENT DES CADRES DE PROXIMITÉ', 'RÉGION ILE-DE-FRANCE'], '16'),
      ...filler(400),
    ];
    const blocks = texts(layout(runs));
    const at = blocks.indexOf('PILOTER ENSEMBLE');
    expect(blocks.slice(at, at + 12)).toEqual([
      'PILOTER ENSEMBLE',
      '01 MUTUALISATION, TERRITORIALISATION, GOUVERNANCE : ÉVOLUTIONS EN',
      'PERSPECTIVE COMPARÉE',
      'BORDEAUX MÉTROPOLE',
      '5',
      '02 BILAN DES 10 ANS D’EST ENSEMBLE',
      'EST ENSEMBLE',
      '8',
      'TRAVAILLER AUTREMENT',
      '03 RENFORCER LA POLITIQUE D’ACCOMPAGNEMENT DES CADRES DE PROXIMITÉ',
      'RÉGION ILE-DE-FRANCE',
      '16',
    ]);
  });

  it('keeps figures over their labels as cards side by side (rows that alternate styles are no table)', () => {
    const card = (x: number, figure: string, label: readonly string[]): PdfTextRun[] => [
      run(figure, x, 688.5, { size: 28, bold: true }),
      ...label.map((line, i) => run(line, x, 707.2 + i * 10.5, { size: 8.4 })),
    ];
    const runs = [...filler(100), ...card(56.5, '150 000', ['habitants supplémentaires entre 2010 et', '2030 (Scot)']), ...card(226.6, '1,371', ['million d’habitants']), ...card(396.6, '59', ['communes membres'])];
    expect(texts(layout(runs)).slice(-6)).toEqual(['150 000', 'habitants supplémentaires entre 2010 et 2030 (Scot)', '1,371', 'million d’habitants', '59', 'communes membres']);
  });

  it('reads cells aligned on their tops row by row, and text beside text at random heights column by column', () => {
    // Two cells of two lines each per row; the right one level with the left one, or half a line lower.
    const grid = (offset: number, rightLines: number): PdfTextRun[] => [0, 1, 2].flatMap((r) => [
      run(`Gauche ${r + 1}`, 58, 200 + r * 35, { size: CELL }),
      run(`suite ${r + 1}`, 58, 211.5 + r * 35, { size: CELL }),
      ...['Droite', 'fin'].slice(0, rightLines).map((word, i) => run(`${word} ${r + 1}`, 300, 200 + i * 11.5 + r * 35 + offset, { size: CELL })),
    ]);
    const lines = (runs: PdfTextRun[]): string[] => layout([...filler(400), ...runs]).flatMap((block) => block.lines.map((line) => line.text));
    expect(lines(grid(0, 1)).slice(0, 4)).toEqual(['Gauche 1', 'suite 1', 'Droite 1', 'Gauche 2']);
    expect(lines(grid(5.75, 2)).slice(0, 3)).toEqual(['Gauche 1', 'suite 1', 'Gauche 2']);
  });

  it('keeps two columns of running text column by column', () => {
    const column = (x: number, words: string): PdfTextRun[] => Array.from({ length: 8 }, (_, i) => run(`${words} ligne ${i + 1} de la colonne, assez longue pour la remplir`, x, 100 + i * LEADING, { width: 230 }));
    const blocks = texts(layout([...column(56.8, 'Gauche'), ...column(305, 'Droite')]));
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(/^Gauche ligne 1 .* Gauche ligne 8 /);
  });

  it('keeps a name over its role beside a heading of the next column as printed (a card is no wrapped cell)', () => {
    const fragment = (text: string, x0: number, y: number, size: number, bold: boolean): Fragment =>
      ({ page: 1, text, x0, x1: x0 + text.length * size * 0.45, y, top: y - 0.75 * size, bottom: y + 0.25 * size, size, bold, boldLead: '', chars: text.length });
    const lines = [
      [fragment('DE PINHO Sandra', 59.3, 261.7, 8.5, true)],
      [fragment('CONTEXTE ET ENJEUX', 235.1, 268.5, 9.5, true)],
      [fragment('Directrice Qualité et performance', 59.3, 273.7, 8, false)],
    ];
    const order = (input: Fragment[][]): string[] => cellOrderedLines(input).map((line) => line.map((f) => f.text).join(' '));
    expect(order(lines)).toEqual(['DE PINHO Sandra', 'CONTEXTE ET ENJEUX', 'Directrice Qualité et performance']);
    // The same lines in one style are one cell's wrapped text beside a short cell: read cell by cell.
    const wrapped = lines.map((line) => line.map((f) => ({ ...f, size: 8.5, bold: false })));
    expect(order(wrapped)).toEqual(['DE PINHO Sandra', 'Directrice Qualité et performance', 'CONTEXTE ET ENJEUX']);
  });
});

describe('lines joined in a narrow cell', () => {
  it('joins a number broken after its slash', () => {
    const runs = [...filler(100), run('3,7/', 59.1, 500, { size: 16, bold: true }), run('4', 59.1, 518.4, { size: 16, bold: true })];
    expect(texts(layout(runs))).toContain('3,7/4');
  });
});
