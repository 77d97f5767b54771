/**
 * Columns of a text laid out with spaces (`pdftotext -layout`, Ghostscript's `txtwrite`): the
 * printed columns stand side by side on each line. A recursive XY-cut on the character grid, as
 * `../xycut.ts` does on the PDF's fragments, puts them back in reading order: bands across the
 * region first (at blank rows), then a gutter (a run of blank character columns down the whole
 * band, with text on both sides), each piece cut again. Each piece ends with a blank line.
 */

/** Blank rows that separate two bands of a page (one blank row is a paragraph break inside a column). */
import { latin } from '../../alphabet.js';

const BAND_GAP_ROWS = 2;

/** Blank character columns a gutter needs: converters put up to two spaces between words. */
const GUTTER_WIDTH = 3;

/** Rows that must hold text on both sides of a gutter: one row could be a ragged line end. */
const GUTTER_MIN_ROWS = 2;

/** A gap of `GUTTER_WIDTH` spaces or more before a piece of text. */
const WIDE_GAP = new RegExp(` {${GUTTER_WIDTH},}(?=\\S)`, 'g');

/** The spaces before a row's first piece, or a wide gap before another piece. */
const PIECE_START = new RegExp(`(?:^ *| {${GUTTER_WIDTH},})(?=\\S)`, 'g');

/** Share of a text's lines with a run of `GUTTER_WIDTH` spaces inside them from which it is laid out in columns. */
const LAID_OUT_SHARE = 0.15;

/** Maximum depth of the cut (pages, bands, columns, cards). */
const MAX_DEPTH = 12;

/**
 * Whether a text is laid out with spaces: many lines hold a run of spaces between two words.
 * @param lines The text's lines.
 */
export function isLaidOut(lines: readonly string[]): boolean {
  const inner = new RegExp(`\\S {${GUTTER_WIDTH},}\\S`);
  const written = lines.filter((line) => line.trim() !== '');
  const spaced = written.filter((line) => inner.test(line)).length;
  // Or many rows set at a right column's start on their own (Ghostscript writes each column's rows apart).
  // A loop, not a spread: a text may have hundreds of thousands of lines.
  const margin = written.reduce((least, line) => Math.min(least, indentOf(line)), Infinity);
  const apart = written.filter((line) => indentOf(line) >= margin + MIN_COLUMN_SHIFT).length;
  return written.length > 0 && (spaced / written.length >= LAID_OUT_SHARE || apart / written.length >= COLUMN_ROWS_APART_SHARE);
}

/** Share of a text's lines set a column's width right of its margin from which its columns are read as laid out. */
const COLUMN_ROWS_APART_SHARE = 0.25;

/**
 * Puts the columns of a laid-out text in reading order.
 * @param lines One page's lines (or the whole text when it has no page breaks).
 * @returns The lines of each piece in reading order, pieces separated by a blank line.
 */
export function readColumns(lines: readonly string[]): string[] {
  const out: string[] = [];
  cut(lines.map((line) => line.replace(/\s+$/, '')), 0, out);
  return out;
}

function cut(rows: readonly string[], depth: number, out: string[]): void {
  const trimmed = trimBlankRows(rows);
  if (trimmed.length === 0) return;
  if (depth < MAX_DEPTH) {
    const bands = splitBands(trimmed, BAND_GAP_ROWS);
    if (bands.length > 1) {
      for (const band of bands) cut(band, depth + 1, out);
      return;
    }
    const gutter = findGutter(trimmed);
    // Columns whose rows the converter interleaved: author cards set across them (e-mails side by side) are read
    // apart first, between the columns above and those below, though the gutter would part the cards.
    const interleaved = gutter !== null && trimmed.some((row) => CARD_ROW.test(row)) ? splitByIndent(trimmed) : null;
    const cards = interleaved?.rowsApart ? splitAtGridBand(trimmed, offColumnsRow(interleaved), CARD_ROW) : null;
    if (cards) {
      for (const part of cards) cut(part, depth + 1, out);
      return;
    }
    if (gutter !== null) {
      const left = trimmed.map((row) => row.slice(0, gutter));
      const right = trimmed.map((row) => row.slice(gutter));
      cut(dropOtherSideRows(left, right), depth + 1, out);
      cut(dropOtherSideRows(right, left), depth + 1, out);
      return;
    }
    const spanning = splitAtSpanningRows(trimmed);
    if (spanning) {
      for (const part of spanning) cut(part, depth + 1, out);
      return;
    }
  }
  const sides = depth < MAX_DEPTH ? splitByIndent(trimmed) : null;
  if (sides) {
    // A grid of its own (cards, key figures) set across both columns is read apart, between the columns above and those
    // below; rows running across under both columns are read after them.
    const parts = splitAtGridBand(trimmed, offColumnsRow(sides)) ?? splitAtTrailingSpan(trimmed, sides);
    for (const part of parts ?? [sides.left, sides.right]) cut(part, depth + 1, out);
    return;
  }
  // Rows set apart with no blank row between them (Ghostscript) and no columns: a grid among them (key figures
  // side by side, under a running head and above references) is read apart, its cells one after the other.
  const grid = depth < MAX_DEPTH && !trimmed.some((row) => row.trim() === '') ? splitAtGridBand(trimmed, (row) => pieceStarts(row).length >= 2) : null;
  if (grid) {
    for (const part of grid) cut(part, depth + 1, out);
    return;
  }
  const indent = Math.min(...trimmed.filter((row) => row.trim() !== '').map(indentOf));
  for (const row of trimmed) out.push(row.slice(indent).replace(/\s+$/, ''));
  out.push('');
}

const indentOf = (row: string): number => row.length - row.trimStart().length;

/**
 * A region whose columns have no gutter down the whole of it because rows above or below them run
 * across the page (« Aller plus loin » and its references under two columns, after one blank row):
 * it is cut at the blank row where the rows on one side have a gutter that a row on the other side
 * runs over. The rows above are read before those below, each part cut again.
 * @returns The two parts, or null when no blank row parts columns from rows running across.
 */
function splitAtSpanningRows(rows: readonly string[]): string[][] | null {
  for (let at = 1; at < rows.length - 1; at++) {
    if (rows[at]!.trim() !== '' || rows[at - 1]!.trim() === '') continue;
    const above = rows.slice(0, at);
    const below = rows.slice(at + 1);
    for (const [columns, across] of [[above, below], [below, above]] as const) {
      const gutter = findGutterRun(columns);
      if (gutter && across.some((row) => row.slice(gutter.start, gutter.end).trim() !== '')) return [above, below];
    }
  }
  return null;
}

/** A line that ends a sentence, a heading's colon or a quote: what follows may be a new paragraph. */
const SENTENCE_END = /[.!?:;»)]$/;

/** Share of a column's longest line from which a line is full: a line that ends a paragraph or a heading is shorter. */
const FULL_LINE_SHARE = 0.75;

/**
 * Rows where only the other column has text (a converter that sets each column's lines at their
 * own height interleaves the rows of two columns with different leading): on this side they are
 * no paragraph break when the line above is a full line that ends no sentence, or ends cut at a
 * hyphen. Those rows go; a blank row blank on both sides stays.
 * @param side One column's rows.
 * @param other The other column's rows, row for row.
 */
function dropOtherSideRows(side: readonly string[], other: readonly string[]): string[] {
  const longest = side.reduce((most, row) => Math.max(most, row.trim().length), 0);
  const kept: string[] = [];
  side.forEach((row, i) => {
    const above = kept.at(-1)?.trim() ?? '';
    const below = side[i + 1]?.trim() ?? '';
    const continues = latin('u')`\p{L}-$`.test(above) || (above.length >= FULL_LINE_SHARE * longest && !SENTENCE_END.test(above));
    if (row.trim() === '' && other[i]!.trim() !== '' && above !== '' && below !== '' && continues) return;
    kept.push(row);
  });
  return kept;
}

/** Character columns between the left column's start and the right one's, at least (a paragraph's indent is less). */
const MIN_COLUMN_SHIFT = 20;

/** Character columns a row of the right column may start before or after its usual start (bullets, rounding). */
const COLUMN_START_SLACK = 4;

/** Character columns a column's numbers or bullets may hang left of its text: a wider shift is another column. */
const MAX_HANG = 10;

/** Rows each side needs: fewer could be a quote or a figure set apart. */
const MIN_SIDE_ROWS = 4;

/** Times the rows must go from one column to the other: a converter that writes rows by height interleaves them. */
const MIN_SIDE_SWITCHES = 3;

/**
 * Two columns whose rows the converter interleaved by height, without a straight gutter (gs
 * `txtwrite` sets each run at its own row, its x rounded so the columns overlap on the grid): the
 * rows that start at the right column's usual start are its own, a row holding both is cut at its
 * wide gap before that start, the others are the left column's.
 * @returns The two columns' rows (the right ones at their place on the grid), or null when the rows
 * do not take turns between two starts.
 */
function splitByIndent(rows: readonly string[]): IndentSides | null {
  const written = rows.filter((row) => row.trim() !== '');
  const leftStart = Math.min(...written.map(indentOf));
  const counts = new Map<number, number>();
  for (const row of written) if (indentOf(row) >= leftStart + MIN_COLUMN_SHIFT) counts.set(indentOf(row), (counts.get(indentOf(row)) ?? 0) + 1);
  const rightStart = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  if (rightStart === undefined) return null;
  // Numbers or bullets hanging left of the column's text start the column too (a sommaire's « 12/ » before its title).
  const hanging = [...counts.entries()].filter(([start, count]) => start < rightStart && start >= rightStart - MAX_HANG && count >= MIN_SIDE_ROWS).map(([start]) => start);
  const from = Math.min(rightStart, ...hanging) - COLUMN_START_SLACK;
  const left: string[] = [];
  const right: string[] = [];
  const sides: ('left' | 'right' | 'both')[] = [];
  for (const row of rows) {
    if (row.trim() === '') continue;
    if (indentOf(row) >= from) {
      right.push(row);
      sides.push('right');
      continue;
    }
    const gap = [...row.matchAll(WIDE_GAP)].find((m) => m.index + m[0].length >= from);
    if (!gap) {
      left.push(row);
      sides.push('left');
      continue;
    }
    const at = gap.index + gap[0].length;
    left.push(row.slice(0, gap.index));
    right.push(' '.repeat(at) + row.slice(at));
    sides.push('both');
  }
  const pure = sides.filter((side) => side !== 'both');
  const switches = pure.filter((side, i) => i > 0 && side !== pure[i - 1]).length;
  const rightRows = sides.filter((side) => side !== 'left').length;
  const leftRows = sides.filter((side) => side !== 'right').length;
  if (switches < MIN_SIDE_SWITCHES || rightRows < MIN_SIDE_ROWS || leftRows < MIN_SIDE_ROWS) return null;
  // The left column's own start: the indent most of its rows share (a running head may stand left of it).
  const leftCounts = new Map<number, number>();
  for (const row of left) if (row.trim() !== '') leftCounts.set(indentOf(row), (leftCounts.get(indentOf(row)) ?? 0) + 1);
  const leftColumn = [...leftCounts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  // Rows of one column only outnumber those holding both: the converter set the columns' rows apart.
  const rowsApart = pure.length > sides.length - pure.length;
  return { left, right, leftColumn, from, rightStart, rowsApart };
}

/** Two interleaved columns (`splitByIndent`): their rows, where the left column's rows start, where the right one's do. */
interface IndentSides {
  readonly left: string[];
  readonly right: string[];
  readonly leftColumn: number;
  /** The right column's rows start at or after this character column. */
  readonly from: number;
  readonly rightStart: number;
  /** Most rows hold one column's line only (Ghostscript), not both side by side (`pdftotext -layout`). */
  readonly rowsApart: boolean;
}

/** A row of author cards: two e-mails side by side. */
const CARD_ROW = /@\S+\s{3,}\S+@/;

/** Rows in a row a grid needs: one is two columns' lines that happen to share a height. */
const MIN_GRID_ROWS = 2;

/** Words of the line right above a grid that heads it at most (« LES AUTEURS », « Les chiffres »). */
const MAX_GRID_HEADING_WORDS = 4;

/**
 * A grid (author cards, key figures side by side): `MIN_GRID_ROWS` consecutive grid rows, and the
 * lines under a cell that run further. The grid, with the short line right above that heads it, is
 * read on its own between the rows above and those below.
 * @param gridRow Whether a row is a grid's (across interleaved columns: `offColumnsRow`).
 * @param needed A row the grid must hold (cards: e-mails side by side), when given.
 * @returns The rows above, the grid, the rows below (the empty ones left out), or null without such a grid.
 */
function splitAtGridBand(rows: readonly string[], gridRow: (row: string) => boolean, needed?: RegExp): string[][] | null {
  let start = 0;
  while (start < rows.length) {
    if (!gridRow(rows[start]!)) {
      start++;
      continue;
    }
    let end = start;
    while (end < rows.length && gridRow(rows[end]!)) end++;
    // A grid cell's text may run a line further than the others' (« habitants … entre 2010 et » / « 2030 (Scot) »).
    while (end - start >= MIN_GRID_ROWS && end < rows.length && continuesGridCell(rows[end - 1]!, rows[end]!)) end++;
    if (end - start >= MIN_GRID_ROWS && (!needed || rows.slice(start, end).some((row) => needed.test(row)))) {
      const top = headsBelow(rows[start - 1]) ? start - 1 : start;
      if (top === 0 && end === rows.length) return null;
      return [rows.slice(0, top), rows.slice(top, end), rows.slice(end)].filter((part) => part.length > 0);
    }
    start = end;
  }
  return null;
}

/** A short line of one piece that ends no sentence (« LES AUTEURS », « Aller plus loin »): it heads the rows under it. */
function headsBelow(row: string | undefined): boolean {
  const text = row?.trim() ?? '';
  return row !== undefined && pieceStarts(row).length === 1 && text.split(/\s+/).length <= MAX_GRID_HEADING_WORDS && !SENTENCE_END.test(text);
}

/** Times a column's usual line width a row runs over to run across both columns. */
const SPANNING_WIDTH_SHARE = 1.5;

/**
 * Rows under two interleaved columns that run across both (« Aller plus loin » and its references
 * set the page's width): after the right column's last row, the first row much wider than the left
 * column's lines, with the short line heading it, starts a band read after both columns.
 * @returns The columns' rows and the band's, or null without such rows.
 */
function splitAtTrailingSpan(rows: readonly string[], sides: IndentSides): string[][] | null {
  const widthOf = (row: string): number => row.trimEnd().length - indentOf(row);
  const widths = sides.left.filter((row) => row.trim() !== '').map(widthOf).sort((a, b) => a - b);
  const usual = widths[Math.floor(widths.length / 2)] ?? 0;
  let lastRight = -1;
  rows.forEach((row, i) => {
    if (pieceStarts(row).some((x) => x >= sides.from)) lastRight = i;
  });
  for (let i = lastRight + 1; i < rows.length; i++) {
    if (widthOf(rows[i]!) <= SPANNING_WIDTH_SHARE * usual) continue;
    const top = headsBelow(rows[i - 1]) && i - 1 > lastRight ? i - 1 : i;
    return top > 0 ? [rows.slice(0, top), rows.slice(top)] : null;
  }
  return null;
}

/** Character columns a grid cell's next line may start off its cell's start. */
const GRID_CELL_SLACK = 1;

/** A row of one piece set under a piece of the grid row above it: that cell's next line. */
function continuesGridCell(above: string, row: string): boolean {
  const starts = pieceStarts(row);
  return starts.length === 1 && pieceStarts(above).some((x) => Math.abs(x - starts[0]!) <= GRID_CELL_SLACK);
}

/**
 * Whether a row is a grid's across two interleaved columns: pieces apart at wide gaps, one at least
 * starting off both columns' starts (two columns' lines at one height start at the columns').
 */
function offColumnsRow(sides: IndentSides): (row: string) => boolean {
  const atColumnStart = (x: number): boolean => Math.abs(x - sides.leftColumn) <= COLUMN_START_SLACK || (x >= sides.from && x <= sides.rightStart + COLUMN_START_SLACK);
  return (row) => {
    const starts = pieceStarts(row);
    return starts.length >= 2 && starts.some((x) => !atColumnStart(x));
  };
}

/** Where each piece of a row starts: its first character, and each after a gap of `GUTTER_WIDTH` spaces or more. */
function pieceStarts(row: string): number[] {
  return [...row.matchAll(PIECE_START)].map((match) => match.index + match[0].length);
}

function trimBlankRows(rows: readonly string[]): readonly string[] {
  let start = 0;
  let end = rows.length;
  while (start < end && rows[start]!.trim() === '') start++;
  while (end > start && rows[end - 1]!.trim() === '') end--;
  return rows.slice(start, end);
}

/** The rows cut at every run of at least `gap` blank rows. */
function splitBands(rows: readonly string[], gap: number): string[][] {
  const bands: string[][] = [[]];
  let blank = 0;
  for (const row of rows) {
    if (row.trim() === '') {
      blank++;
      bands.at(-1)!.push(row);
      continue;
    }
    if (blank >= gap && bands.at(-1)!.some((kept) => kept.trim() !== '')) bands.push([]);
    blank = 0;
    bands.at(-1)!.push(row);
  }
  return bands;
}

/** A sommaire entry's number (« 01/ ») or page (« / P05 »), which a gap sets beside its title. */
const ENTRY_NUMBER_ALONE = /^\s*\d{1,2}\s*\/\s*$/;
const ENTRY_PAGE_ALONE = /^\s*\/\s*P\.?\s*\d{1,3}\s*$/i;

/** An entry starting with its number and title (« 16/ TITRE »): the side it stands on is a column of entries. */
const ENTRY_STARTING = /^\s*\d{1,2}\s*\/\s*\S/;

/**
 * Whether a gap between `start` and `end` would part a sommaire entry's number or page from its
 * title: no gutter. A page right of the gap is its own column's when entries start on that side
 * too (a sommaire in two columns, each entry's page under its title).
 */
function partsEntry(rows: readonly string[], start: number, end: number): boolean {
  const entriesOnRight = rows.some((row) => ENTRY_STARTING.test(row.slice(end)));
  return rows.some((row) => ENTRY_NUMBER_ALONE.test(row.slice(0, start)) && row.slice(end).trim() !== '' || !entriesOnRight && ENTRY_PAGE_ALONE.test(row.slice(end)) && row.slice(0, start).trim() !== '');
}

/**
 * The character column where the widest gutter of the rows starts its right side: blank in every
 * row over `GUTTER_WIDTH` columns or more, with text on both sides in `GUTTER_MIN_ROWS` rows.
 */
function findGutter(rows: readonly string[]): number | null {
  return findGutterRun(rows)?.end ?? null;
}

/** The widest gutter of the rows (see `findGutter`), its first and past-last blank columns. */
function findGutterRun(rows: readonly string[]): { start: number; end: number } | null {
  const width = Math.max(...rows.map((row) => row.length));
  const occupied = new Array<boolean>(width).fill(false);
  for (const row of rows) for (let x = 0; x < row.length; x++) if (row[x] !== ' ') occupied[x] = true;
  let best: { start: number; end: number } | null = null;
  let x = 0;
  while (x < width) {
    if (occupied[x]) {
      x++;
      continue;
    }
    const start = x;
    while (x < width && !occupied[x]) x++;
    const run = { start, end: x };
    if (start > 0 && x < width && x - start >= GUTTER_WIDTH && (!best || x - start > best.end - best.start) && !partsEntry(rows, start, x)) {
      const both = rows.filter((row) => row.slice(0, start).trim() !== '' && row.slice(x).trim() !== '').length;
      if (both >= GUTTER_MIN_ROWS) best = run;
    }
  }
  return best;
}

/** A row holding only a French ordinal's superscript (« 1er », « 1re », « 1ère », « 2e », « 2ème », « 2nd », « 2nde »). */
const SUPERSCRIPT_ROW = /^(\s*)(e|er|re|ère|ème|nde?)\s*$/u;

/** What `joinSuperscriptRows` needs: a `SUPERSCRIPT_ROW` line. */
export const SUPERSCRIPT_ROW_NEEDS = /^[^\S\n]*(?:e|er|re|ère|ème|nde?)[^\S\n]*$/mu;

/**
 * Ordinal superscripts written on a row of their own (Ghostscript sets the raised run on its own
 * row, right above its line, and leaves a gap after the number: « 1  janvier » under « er »): the
 * superscript goes back after the number it stands over (« 1er janvier »).
 * @param lines The text's lines.
 */
export function joinSuperscriptRows(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const raised = SUPERSCRIPT_ROW.exec(lines[i]!);
    const below = lines[i + 1];
    // The gap after a number that the raised run left (« 1  janvier »), the nearest to where the run stands
    // (a row's characters are packed, the run is placed by its position on the page: they drift apart).
    const gaps = raised && below !== undefined ? [...below.matchAll(/\d( {2,})(?=\S)/g)].map((match) => match.index + 1) : [];
    if (raised && gaps.length > 0) {
      const at = gaps.reduce((best, gap) => (Math.abs(gap - raised[1]!.length) < Math.abs(best - raised[1]!.length) ? gap : best));
      out.push(`${below!.slice(0, at)}${raised[2]!} ${below!.slice(at).trimStart()}`);
      i++;
      continue;
    }
    out.push(lines[i]!);
  }
  return out;
}
