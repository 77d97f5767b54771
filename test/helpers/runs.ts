/**
 * Builds PDF text runs and lays them out as `layoutPages` would, for rule tests on geometry
 * (test/rules/): a run at a position, body filler that fixes the body size and leading.
 */
import { layoutPages } from '../../src/extract/layout.js';
import type { Block, PdfPage, PdfTextRun } from '../../src/types.js';

/** Body size of `filler`, and its leading. */
export const BODY = 11;
export const LEADING = 14.5;

/** One run; width from an average glyph of 0.45 em unless given. */
export function run(text: string, x: number, y: number, options: { size?: number; bold?: boolean; italic?: boolean; width?: number } = {}): PdfTextRun {
  const size = options.size ?? BODY;
  const fontName = options.bold ? 'LiberationSans-Bold' : options.italic ? 'LiberationSerif-Italic' : 'LiberationSerif';
  return { text, x, y, width: options.width ?? text.length * size * 0.45, fontSize: size, bold: options.bold ?? false, fontName };
}

/** Running text from `top`, so that `BODY` is the body size and `LEADING` its leading. */
export function filler(top: number, lines = 6): PdfTextRun[] {
  return Array.from({ length: lines }, (_, i) => run('Le texte courant de la brochure occupe la plus grande part de chaque page et fixe le corps.', 56.8, top + i * LEADING, { width: 478 }));
}

/** The blocks `layoutPages` makes of these pages' runs (A4 pages). */
export function layout(...pages: PdfTextRun[][]): Block[] {
  const built: PdfPage[] = pages.map((runs, i) => ({ number: i + 1, width: 595.3, height: 841.9, runs, skippedRuns: 0 }));
  return [...layoutPages({ pageCount: built.length, pages: built }).blocks];
}
