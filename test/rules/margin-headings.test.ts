/**
 * Headings set in a left margin (src/extract/xycut.ts, `marginHeadingRows`): each heading is read
 * with the text beside it. Each rule on a few invented runs, so that it fails on its own.
 */
import { describe, expect, it } from 'vitest';
import { layoutPages } from '../../src/extract/layout.js';
import type { PdfPage, PdfTextRun } from '../../src/extract/pdf.js';

const BODY = 9.6;
const LEADING = 12.75;
const TEXT_X = 156;
const TEXT_WIDTH = 250;

function run(text: string, x: number, y: number, bold = false, width = text.length * BODY * 0.42): PdfTextRun {
  return { text, x, y, width, fontSize: BODY, bold, fontName: bold ? 'Carlito-Bold' : 'Caladea-Regular' };
}

/** Lines of a justified paragraph beside the margin: every line but the last spans the column. */
function paragraph(lines: readonly string[], top: number): PdfTextRun[] {
  return lines.map((text, i) => run(text, TEXT_X, top + i * LEADING, false, i < lines.length - 1 ? TEXT_WIDTH : undefined));
}

function read(runs: readonly PdfTextRun[]): string[] {
  const page: PdfPage = { number: 1, width: 595, height: 842, runs, skippedRuns: 0 };
  return layoutPages({ pageCount: 1, pages: [page] }).blocks.map((block) => block.text);
}

const first = ['Le premier paragraphe court sur toute la largeur', 'de la colonne, à droite des titres de la marge,', 'puis finit ici.'];
const second = ['Le second paragraphe commence au niveau du', 'second titre et continue sur une ligne avant de', 'finir là.'];

describe('headings in a left margin', () => {
  it('cuts at a heading level with a paragraph set straight under a short last line (margin-heading-short-line)', () => {
    // No space between the paragraphs: only the short line above tells that a paragraph opens.
    const secondTop = 100 + first.length * LEADING;
    const runs = [run('Le contexte', 48, 100, true), ...paragraph(first, 100), run('La question', 48, secondTop, true), ...paragraph(second, secondTop)];
    expect(read(runs)).toEqual(['Le contexte', first.join(' '), 'La question', second.join(' ')]);
  });

  it('reads a sidebar further right whole, after the headings and their text (margin-heading-sidebar)', () => {
    const secondTop = 100 + first.length * LEADING + 8;
    // A sidebar whose lines fall between the text's: its names must not be parted from its heading.
    const sidebar = ['Auteurs du projet', 'DUPONT Marie', 'marie.dupont@exemple.org', 'MARTIN Paul', 'paul.martin@exemple.org', 'Tuteur', 'BERNARD Luc'];
    const sidebarRuns = sidebar.map((text, i) => run(text, 440, 96 + i * LEADING, i === 0 || i === 5));
    const runs = [run('Le contexte', 48, 100, true), ...paragraph(first, 100), run('La question', 48, secondTop, true), ...paragraph(second, secondTop), ...sidebarRuns];
    const blocks = read(runs);
    expect(blocks.slice(0, 4)).toEqual(['Le contexte', first.join(' '), 'La question', second.join(' ')]);
    expect(blocks.slice(4).join(' ')).toBe(sidebar.join(' '));
  });
});

describe('headings in a left margin beside a sidebar the text wraps around', () => {
  it('reads the sidebar whole after the row it starts beside, its last line not taken into the next heading’s text (margin-heading-float)', () => {
    // The text stops short of the sidebar beside it, then runs on under it across the whole width.
    const narrow = 170;
    const wide = 380;
    const top = 100;
    const secondTop = top + 3 * LEADING + 8;
    const thirdTop = secondTop + 3 * LEADING + 8;
    const firstRuns = [run('Le premier paragraphe à côté', TEXT_X, top, false, narrow), run('de la colonne latérale, à', TEXT_X, top + LEADING, false, narrow), run('gauche, puis finit ici.', TEXT_X, top + 2 * LEADING)];
    const secondRuns = [run('Le second paragraphe est', TEXT_X, secondTop, false, narrow), run('encore à côté de la colonne', TEXT_X, secondTop + LEADING, false, narrow), run('et finit ici.', TEXT_X, secondTop + 2 * LEADING)];
    const thirdRuns = [run('Le troisième paragraphe commence', TEXT_X, thirdTop, false, narrow), run('sous la colonne latérale et court sur toute la largeur de la page', TEXT_X, thirdTop + LEADING, false, wide), run('puis finit là.', TEXT_X, thirdTop + 2 * LEADING)];
    // The tutor's role wraps on to the level of the third heading's first line.
    const sidebar = ['Tuteur', 'BERNARD Luc', 'Directeur des archives et', 'du patrimoine'];
    const sidebarTop = thirdTop - 3 * LEADING;
    const sidebarRuns = sidebar.map((text, i) => run(text, 360, sidebarTop + i * LEADING, i < 2, 120));
    const runs = [
      run('Le contexte', 48, top, true), ...firstRuns,
      run('La question', 48, secondTop, true), ...secondRuns,
      run('Les clés', 48, thirdTop, true), ...thirdRuns,
      ...sidebarRuns,
    ];
    const blocks = read(runs);
    const at = blocks.indexOf('Les clés');
    expect(blocks.slice(at)).toEqual(['Les clés', 'Le troisième paragraphe commence sous la colonne latérale et court sur toute la largeur de la page puis finit là.']);
    expect(blocks.slice(0, at).join(' ')).toContain(sidebar.join(' '));
  });
});

describe('a margin heading of two lines beside a row of key figures over their labels', () => {
  it('reads the heading’s second line, level with the labels, with its first (margin-heading-over-figure-labels)', () => {
    // « LES CHIFFRES » level with the figures (bold, 1.5 times the body), « CLÉS » level with their labels.
    const figure = (text: string, x: number): PdfTextRun => ({ text, x, y: 492, width: text.length * BODY * 0.8, fontSize: 1.5 * BODY, bold: true, fontName: 'Carlito-Bold' });
    const label = (text: string, x: number, y: number): PdfTextRun => ({ text, x, y, width: text.length * BODY * 0.35, fontSize: 0.8 * BODY, bold: false, fontName: 'Caladea-Regular' });
    // The text runs on right above the row, closer than a band's gap (baselines: the figures' top is 478).
    const textTop = 478 - first.length * LEADING;
    const runs = [
      run('Le contexte', 48, textTop, true),
      ...paragraph(first, textTop),
      run('Les chiffres', 48, 488, true),
      figure('150 000', TEXT_X),
      figure('59', 290),
      run('Clés', 48, 500, true),
      label('habitants de plus', TEXT_X, 501),
      label('en dix ans', TEXT_X, 511),
      label('communes membres', 290, 501),
    ];
    const blocks = read(runs);
    const heading = blocks.findIndex((text) => text.startsWith('Les chiffres'));
    expect(blocks[heading]).toBe('Les chiffres Clés');
    expect(blocks.indexOf('Clés')).toBe(-1);
  });
});
