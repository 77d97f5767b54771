/**
 * A table of key figures flowing through a page's columns (src/extract/xycut.ts): each row a bold
 * figure with its label beside it, a label's paragraph cut by a column's foot going on at the next
 * column's head. Read column by column, a page column's figures all came before its labels
 * (`rule: figure-table-in-page-column` reads the figures and their labels as one page column, row
 * by row); and a label's paragraph set under its first lines, cut from them with its figure, was
 * taken for a box inset in the column and read at the page's end (`rule: inset-continues-cell`).
 */
import { describe, expect, it } from 'vitest';
import { layoutPages } from '../../src/extract/layout.js';
import type { PdfPage, PdfTextRun } from '../../src/extract/pdf.js';

const BODY = 10;
const LEADING = 13;
const SMALL = 8.5;
const SMALL_LEADING = 11;
const FIGURE = 12;
const COLUMNS = [48, 221, 394];
const COLUMN_WIDTH = 150;
/** Where a label starts beside its figure: closer than a gutter in the first column, further in the second. */
const LABEL_X = [100, 275];

function sized(text: string, x: number, y: number, size: number, width: number, bold = false): PdfTextRun {
  return { text, x, y, width, fontSize: size, bold, fontName: bold ? 'Arimo-Bold' : 'Arimo-Regular' };
}

/** Lines of body text in column `c` from baseline `top`, each to the column's edge. */
function body(lines: number, c: number, top: number): PdfTextRun[] {
  return Array.from({ length: lines }, (_, i) => sized(`ligne ${i + 1} du texte courant de la colonne ${c + 1} ici`, COLUMNS[c]!, top + i * LEADING, BODY, COLUMN_WIDTH));
}

/** Lines of a label (set smaller) at `x` from baseline `top`. */
function label(texts: readonly string[], x: number, top: number): PdfTextRun[] {
  return texts.map((text, i) => sized(text, x, top + i * SMALL_LEADING, SMALL, 90));
}

const first = ['région industrielle de', 'France'];
const firstGoesOn = ["L'équipement industriel", 'est une des', 'composantes majeures', 'du tissu régional, au', 'premier rang en'];
const atNextHead = ['moyenne nationale, la', 'région assure 20 % de', 'la richesse créée.'];
const second = ['région française pour', 'ses brevets déposés.'];
const secondGoesOn = ['Avec la présence de', 'centres de recherche', 'majeurs au plan national.'];
const third = ['région numérique de', 'France'];

function page(): PdfTextRun[] {
  return [
    ...body(8, 0, 100),
    sized('1 ÈRE', 54, 214, FIGURE, 34, true),
    ...label(first, LABEL_X[0]!, 212),
    ...label(firstGoesOn, LABEL_X[0]!, 242),
    ...label(atNextHead, LABEL_X[1]!, 100),
    sized('2E', COLUMNS[1]! + 6, 144, FIGURE, 14, true),
    ...label(second, LABEL_X[1]!, 142),
    ...label(secondGoesOn, LABEL_X[1]!, 172),
    sized('2E', COLUMNS[1]! + 6, 220, FIGURE, 14, true),
    ...label(third, LABEL_X[1]!, 218),
    ...body(24, 2, 100),
  ];
}

function read(runs: readonly PdfTextRun[]): string[] {
  const pdfPage: PdfPage = { number: 1, width: 595, height: 842, runs, skippedRuns: 0 };
  return layoutPages({ pageCount: 1, pages: [pdfPage] }).blocks.map((block) => block.text);
}

describe('a table of key figures flowing through the page’s columns', () => {
  it('reads a page column’s figures row by row, each before its label, after the label run on from the column before (figure-table-in-page-column)', () => {
    const texts = read(page());
    const at = (text: string): number => texts.findIndex((block) => block.includes(text));
    expect(at('moyenne nationale')).toBeGreaterThan(0);
    expect(at('moyenne nationale')).toBeLessThan(at('2E'));
    expect(texts.slice(at('2E'))).toEqual(['2E', second.join(' '), secondGoesOn.join(' '), '2E', third.join(' '), expect.stringMatching(/^ligne 1 du texte courant de la colonne 3/)]);
  });

  it('reads a label’s paragraph under its first lines in its place, not at the page’s end (inset-continues-cell)', () => {
    const texts = read(page());
    const at = (text: string): number => texts.findIndex((block) => block.startsWith(text));
    expect(at('1 ÈRE')).toBeGreaterThan(0);
    // The label's paragraph, then (the column's foot cut mid-sentence) its end at the next column's head.
    expect(texts.slice(at('1 ÈRE'), at('1 ÈRE') + 3)).toEqual(['1 ÈRE', first.join(' '), [...firstGoesOn, ...atNextHead].join(' ')]);
  });
});
