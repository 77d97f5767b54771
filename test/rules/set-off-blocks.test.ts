/**
 * A block set off beside one rule (src/extract/xycut.ts, `placeFloats`): lines set smaller and
 * inset from the column's text are a box moved after the text they interrupt, unless they head
 * what is set at their indent right under them (`rule: set-off-block-head`: a testimony's
 * signature and question over its quote set larger). Each rule on a few invented runs.
 */
import { describe, expect, it } from 'vitest';
import { layoutPages } from '../../src/extract/layout.js';
import type { PdfPage, PdfTextRun } from '../../src/extract/pdf.js';

const BODY = 10;
const LEADING = 13;
const COLUMN = 48;
const INDENT = 62;

function run(text: string, x: number, y: number, fontSize = BODY): PdfTextRun {
  return { text, x, y, width: Math.min(220, text.length * fontSize * 0.42), fontSize, bold: false, fontName: 'Arimo-Regular' };
}

function read(runs: readonly PdfTextRun[]): string[] {
  const page: PdfPage = { number: 1, width: 595, height: 842, runs, skippedRuns: 0 };
  return layoutPages({ pageCount: 1, pages: [page] }).blocks.map((block) => block.text);
}

/** The next column's text: the inset lines lie in a column of the page's grid, as in a brochure. */
const nextColumn = Array.from({ length: 14 }, (_, i) => run(i === 13 ? 'de trois ateliers de travail.' : 'et les élus de la commune autour de', 307, 100 + i * LEADING));

const text = ['La mission a dressé un diagnostic de', "l'accueil des usagers dans les services", 'de la ville et proposé une organisation', 'nouvelle, partagée avec les agents.'];
const smallLines = (lines: readonly string[], top: number): PdfTextRun[] => lines.map((line, i) => run(line, INDENT, top + i * 10, 8));

describe('lines set smaller and inset in a column', () => {
  it('head the quote set at their indent right under them, read before it (set-off-block-head)', () => {
    const top = 100 + text.length * LEADING + 14;
    const quote = ['« Je trouve qu’il est toujours utile', 'd’avoir un regard extérieur sur des', 'problématiques complexes. »'];
    const runs = [
      ...text.map((line, i) => run(line, COLUMN, 100 + i * LEADING)),
      ...smallLines(['Philippe VINCENSINI, directeur général', 'des services de la ville'], top),
      ...smallLines(['Quel était l’objectif de la mission ?'], top + 26),
      ...quote.map((line, i) => run(line, INDENT, top + 44 + i * 14, 11)),
      ...nextColumn,
    ];
    const blocks = read(runs).join(' | ');
    expect(blocks.indexOf('Philippe VINCENSINI')).toBeLessThan(blocks.indexOf('« Je trouve'));
    expect(blocks.indexOf('Quel était')).toBeLessThan(blocks.indexOf('« Je trouve'));
  });

  it('are still a box read after the text when the text under them is set at the column’s edge', () => {
    const top = 100 + text.length * LEADING + 14;
    const after = ['Les agents ont été associés à chaque', 'étape de la démarche, en ateliers.'];
    const runs = [
      ...text.map((line, i) => run(line, COLUMN, 100 + i * LEADING)),
      ...smallLines(['Et après', 'La refonte de l’accueil devra', 's’inscrire sur plusieurs années.'], top),
      ...after.map((line, i) => run(line, COLUMN, top + 44 + i * LEADING)),
      ...nextColumn,
    ];
    const blocks = read(runs).join(' | ');
    expect(blocks.indexOf('Les agents')).toBeLessThan(blocks.indexOf('Et après'));
  });
});
