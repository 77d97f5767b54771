/**
 * Key figures set as a row across the columns, under the text (src/extract/xycut.ts,
 * `figureRowAcross`): the text above is read first, column by column, then each figure with its
 * label. Each rule on a few invented runs.
 */
import { describe, expect, it } from 'vitest';
import { layoutPages } from '../../src/extract/layout.js';
import type { PdfPage, PdfTextRun } from '../../src/extract/pdf.js';

const BODY = 10;
const LEADING = 13;
const COLUMN_WIDTH = 150;
const COLUMNS = [48, 218, 388];

function run(text: string, x: number, y: number, options: { bold?: boolean; size?: number; full?: boolean } = {}): PdfTextRun {
  const size = options.size ?? BODY;
  const width = options.full ? COLUMN_WIDTH : Math.min(COLUMN_WIDTH, text.length * size * 0.42);
  return { text, x, y, width, fontSize: size, bold: options.bold ?? false, fontName: options.bold ? 'Arimo-Bold' : 'Arimo-Regular' };
}

/** Lines in column `c` from baseline `top`, each running to the column's edge (a flow cut by the column ends). */
function lines(texts: readonly string[], c: number, top: number): PdfTextRun[] {
  return texts.map((text, i) => run(text, COLUMNS[c]!, top + i * LEADING, { full: true }));
}

function read(runs: readonly PdfTextRun[]): string[] {
  const page: PdfPage = { number: 1, width: 595, height: 842, runs, skippedRuns: 0 };
  return layoutPages({ pageCount: 1, pages: [page] }).blocks.map((block) => block.text);
}

const text = [
  ['La communauté regroupe vingt-six', 'communes et un peu plus de cent', 'quarante mille habitants, chacune', 'avec sa cuisine et ses agents.'],
  ['Le bureau a retenu le troisième', 'scénario, qui concilie la maîtrise', 'des coûts et des repas préparés', 'près des écoles de chaque commune.'],
  ['Une cuisine centrale livrera les', 'écoles en liaison chaude dès la', 'rentrée prochaine, avec un plan', 'de formation pour les équipes.'],
];
const figures = [['26', 'communes membres'], ['12 500', 'repas servis chaque jour'], ['+18 %', 'de produits durables']];

/** The text in three columns, then a row of figures (15 pt) just under it, closer than a band gap. */
function page(columnsWithText: number): PdfTextRun[] {
  const rowY = 100 + 3 * LEADING + 20;
  return [
    ...text.slice(0, columnsWithText).flatMap((column, c) => lines(column, c, 100)),
    ...figures.flatMap(([value, label], c) => [run(value!, COLUMNS[c]!, rowY, { bold: true, size: 15 }), run(label!, COLUMNS[c]!, rowY + 13, { size: 8.5 })]),
  ];
}

describe('key figures in a row across the columns, under the text', () => {
  it('are read after the text of every column, each figure with its label (figure-row-across)', () => {
    const blocks = read(page(3));
    expect(blocks.slice(0, 3)).toEqual(text.map((column) => column.join(' ')));
    expect(blocks.slice(3)).toEqual(figures.flat());
  });

  it('do not cut a column whose text goes on beside them', () => {
    // Figures stacked in the last two columns, level by chance, beside the first column's text.
    const beside = [...lines([...text[0]!, 'et la suite du texte de la', 'première colonne, plus bas.'], 0, 100), ...lines(text[1]!.slice(0, 3), 1, 100), ...lines(text[2]!.slice(0, 3), 2, 100)];
    const rowY = 100 + 3 * LEADING + 20;
    const row = figures.slice(1).flatMap(([value, label], k) => [run(value!, COLUMNS[k + 1]!, rowY, { bold: true, size: 15 }), run(label!, COLUMNS[k + 1]!, rowY + 13, { size: 8.5 })]);
    expect(read([...beside, ...row])[0]).toBe([...text[0]!, 'et la suite du texte de la', 'première colonne, plus bas.'].join(' '));
  });
});

describe('key figures in a grid under two columns, its cells crossing their gutter', () => {
  // Two columns of text 166 points apart, then (closer than a band gap) three cells 108 points
  // apart: the second cell's label runs across the columns' gutter, so no gutter parts the region.
  const GRID = [48, 156, 264];
  const labels = ['des demandes déposées en', 'permanences ouvertes en', 'jours de délai gagnés'];
  const runs = (): PdfTextRun[] => {
    const rowY = 100 + 3 * LEADING + 8;
    return [
      ...text.slice(0, 2).flatMap((column, c) => column.map((line, i) => ({ ...run(line, [48, 214][c]!, 100 + i * LEADING), width: 140 }))),
      ...figures.flatMap(([value], c) => [run(value!, GRID[c]!, rowY, { bold: true, size: 15 })]),
      ...labels.map((label, c) => ({ ...run(label, GRID[c]!, rowY + 14, { size: 8.5 }), width: 95 })),
    ];
  };

  it('are read after the columns above, each figure with its label (figure-grid-under-columns)', () => {
    const blocks = read(runs());
    expect(blocks.slice(0, 2)).toEqual(text.slice(0, 2).map((column) => column.join(' ')));
    expect(blocks.slice(2)).toEqual(figures.flatMap(([value], c) => [value!, labels[c]!]));
  });
});
