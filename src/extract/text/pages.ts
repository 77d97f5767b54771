/**
 * Page breaks of converter text, in every spelling the common converters use. A page break
 * becomes a blank line: it ends a block, as on paper.
 */

import { WHITE_SPACE_TO_COLLAPSE } from '../../conventions.js';
import { flatMapLines } from './lines.js';
import { latin } from '../../alphabet.js';

/** « -- 3 of 110 -- » (pdf-parse), « Page 3 of 110 », « [page 3] », « <!-- page 3 --> ». */
const PAGE_MARKER = /^\s*(?:-{2,}\s*\d+\s+(?:of|sur|\/)\s+\d+\s*-{2,}|(?:page|p\.)\s*\d+\s*(?:(?:of|sur|\/)\s*\d+)?|\[\s*page\s*\d+\s*\]|<!--\s*page\s*\d+\s*-->|-{3,}\s*page\s*\d+\s*-{3,})\s*$/i;

/** `PAGE_MARKER` on any line of a whole text. */
const PAGE_MARKER_ANYWHERE = new RegExp(PAGE_MARKER.source, 'im');

/**
 * Turns form feeds and page-marker lines into blank lines (a form feed glued to the next page's
 * first line, as `pdftotext` writes it, starts that line anew).
 * @param lines The text's lines.
 * @returns The lines with one blank line per page break, and where the breaks are.
 */
export function markPageBreaks(lines: readonly string[]): { lines: string[]; breaks: Set<number> } {
  // Most texts mark no page at all: asked of the whole text in one search before any line is read.
  const text = lines.join('\n');
  if (!text.includes('\f') && !PAGE_MARKER_ANYWHERE.test(text)) return { lines: [...lines], breaks: new Set() };
  const out: string[] = [];
  const breaks = new Set<number>();
  for (const line of lines) {
    if (PAGE_MARKER.test(line)) {
      breaks.add(out.length);
      out.push('');
      continue;
    }
    // Most lines hold no form feed: kept as they are, without splitting.
    if (!line.includes('\f')) {
      out.push(line);
      continue;
    }
    const parts = line.split('\f');
    parts.forEach((part, k) => {
      if (k > 0) {
        breaks.add(out.length);
        out.push('');
      }
      if (parts.length === 1 || part.trim() !== '') out.push(part);
    });
  }
  return { lines: out, breaks };
}

/** Three letters in a row: a running line holds a word. */
const THREE_LETTERS = latin('u')`\p{L}{3}`;

/** How far a folio may be from the page's rank in the file (a cover or an inserted page not counted). */
const MAX_FOLIO_OFFSET = 3;

/**
 * A line that holds only a number a page could carry (« 01 » with its zero is a project number),
 * bare or between dashes as some typesetters set it (« — 60 — », groff's default page footer).
 */
const FOLIO = /^\s*(?:[—–-]\s*)?([1-9]\d{0,2})(?:\s*[—–-])?\s*$/;

/** The page number a folio line carries, or NaN when the line is no folio. */
function folioNumber(line: string): number {
  const folio = FOLIO.exec(line);
  return folio ? Number(folio[1]) : Number.NaN;
}

/**
 * Removes the page numbers printed on a line of their own right before or after a page break,
 * when the number is the page's rank in the file, give or take `MAX_FOLIO_OFFSET`.
 * Without page breaks (pypdf, unpdf) a bare number stays: it may be a key figure.
 * @param lines The text's lines, page breaks already blank.
 * @param breaks Indexes of the page-break lines.
 * @returns The lines without those folios.
 */
export function dropFolios(lines: readonly string[], breaks: ReadonlySet<number>): string[] {
  const folios = folioLines(lines, breaks);
  return lines.filter((_, index) => !folios.has(index));
}

/**
 * The indexes of the folio lines `dropFolios` removes.
 * @param lines The text's lines, page breaks already blank.
 * @param breaks Indexes of the page-break lines.
 */
export function folioLines(lines: readonly string[], breaks: ReadonlySet<number>): Set<number> {
  // Without a page break no line is beside one, and no page's folio tells an offset.
  if (breaks.size === 0) return new Set();
  let page = 1;
  const folios = new Set<number>();
  const pageOf: number[] = [];
  const offsets = new Map<number, number>();
  const numbered = new Set<number>();
  lines.forEach((line, index) => {
    if (breaks.has(index)) page++;
    pageOf.push(page);
    // A number far from the page's rank is a project number or a figure set at the page's edge.
    const offset = folioNumber(line) - page;
    if (FOLIO.test(line) && Math.abs(offset) <= MAX_FOLIO_OFFSET && besideBreak(lines, breaks, index)) {
      folios.add(index);
      numbered.add(page);
      offsets.set(offset, (offsets.get(offset) ?? 0) + 1);
    }
  });
  // A page whose folio the converter wrote amid its text (after the columns it reads first): the
  // number the other pages' folios give it, alone between blank lines, when no folio was beside its breaks.
  const offset = [...offsets.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  if (offset === undefined || offsets.get(offset)! < MIN_FOLIOS_FOR_OFFSET) return folios;
  lines.forEach((line, index) => {
    const page = pageOf[index]!;
    if (numbered.has(page) || !FOLIO.test(line) || folioNumber(line) !== page + offset) return;
    if ((lines[index - 1] ?? '').trim() === '' && (lines[index + 1] ?? '').trim() === '') {
      folios.add(index);
      numbered.add(page);
    }
  });
  return folios;
}

/** Folios beside page breaks that tell the offset between a page's rank and its printed number. */
const MIN_FOLIOS_FOR_OFFSET = 10;

/** A line next to a page break, blank lines aside. */
function besideBreak(lines: readonly string[], breaks: ReadonlySet<number>, index: number): boolean {
  for (const step of [-1, 1]) {
    let j = index + step;
    while (j >= 0 && j < lines.length && lines[j]!.trim() === '' && !breaks.has(j)) j += step;
    if (breaks.has(j)) return true;
  }
  return false;
}

/** A running line repeats on this many pages at least: fewer could be two similar sentences. */
const MIN_RUNNING_REPEATS = 3;

/** A running line printed the same on this many pages (the edition in it, the folio apart): a sentence is not repeated so. */
const MIN_SAME_RUNNING_REPEATS = 4;

/** Shortest running line kept apart: a bare « 12 » is a figure or a folio, not a running line. */
const MIN_RUNNING_LENGTH = 10;

/**
 * Removes running headers and footers that carry the page number (« Regards croisés sur les
 * territoires · 2040 / 2041  2 »): the same words on several pages with a number that changes, as
 * the PDF path's running-text.ts finds them by position.
 * @param lines The text's lines.
 * @returns The lines without them.
 */
export function dropRunningLines(lines: readonly string[]): string[] {
  const numbersByKey = new Map<string, Set<string>>();
  // The running words, numbers aside; numbered headings (« 1.3 Contexte ») are no running text.
  const keyOf = (line: string): string | null => {
    // A line without a digit first (most lines): its white space is not even folded.
    if (!/\d/.test(line)) return null;
    const text = line.trim().replace(WHITE_SPACE_TO_COLLAPSE, ' ');
    if (text.length < MIN_RUNNING_LENGTH || !THREE_LETTERS.test(text) || /\d\.\d/.test(text)) return null;
    return text.replace(/\d+/g, '#');
  };
  // Each line's key, once for both passes.
  const keys = lines.map(keyOf);
  const occurrences = new Map<string, number>();
  for (const key of keys) if (key !== null) occurrences.set(key, (occurrences.get(key) ?? 0) + 1);
  // The numbers a key is printed with are told apart only for keys seen often enough to be running
  // (most keys are a sentence's, seen once).
  for (let index = 0; index < lines.length; index++) {
    const key = keys[index] ?? null;
    if (key === null || occurrences.get(key)! < MIN_RUNNING_REPEATS) continue;
    const seen = numbersByKey.get(key) ?? new Set<string>();
    seen.add(lines[index]!.trim().replace(WHITE_SPACE_TO_COLLAPSE, ' '));
    numbersByKey.set(key, seen);
  }
  return lines.filter((_, index) => {
    const key = keys[index] ?? null;
    // With its page number, or printed the same (the number on a line of its own) on page after page.
    return key === null || ((numbersByKey.get(key)?.size ?? 0) < MIN_RUNNING_REPEATS && (occurrences.get(key) ?? 0) < MIN_SAME_RUNNING_REPEATS);
  });
}

/** Pages a text must show a running line or folio on, at least, for its page ends to be inferred from them. */
const MIN_INFERRED_PAGES = 3;

/** Pages in a row a brochure leaves unnumbered at most (full-page photos, a section's divider spread): a longer jump is no folio's. */
const MAX_FOLIO_STEP = 8;

/**
 * Page ends of a text written with no page breaks at all (Ghostscript's `txtwrite`): the lines
 * that end a page on paper, a running line that carries the page number (« Regards croisés …
 * 2031 / 2032   5 ») or a folio alone on its line, the folios counting up page after page (the
 * longest such run: pages without a folio, photos, are skipped). A page break goes after each
 * running line; a folio, the page's number and nothing else, becomes the page break.
 * @param lines The text's lines (none of them a page break).
 * @returns The lines with a form feed after each page end, or as they were when fewer than
 * `MIN_INFERRED_PAGES` ends are found.
 */
export function inferPageBreaks(lines: readonly string[]): string[] {
  const ends = new Set<number>();
  const running = new Map<string, number[]>();
  lines.forEach((line, index) => {
    const match = /^(.*\S)\s+(\d{1,3})\s*$/.exec(line);
    if (!match || !THREE_LETTERS.test(match[1]!)) return;
    const key = match[1]!.replace(WHITE_SPACE_TO_COLLAPSE, ' ');
    const indexes = running.get(key) ?? [];
    indexes.push(index);
    running.set(key, indexes);
  });
  for (const indexes of running.values()) if (indexes.length >= MIN_RUNNING_REPEATS) for (const index of indexes) ends.add(index);
  const folios = countingFolios(lines);
  if (ends.size + folios.size < MIN_INFERRED_PAGES) return [...lines];
  // The line that ends a page is set apart from the page's text by a blank row, as it is on paper: it runs across the columns.
  return flatMapLines(lines, (line, index) => (folios.has(index) ? ['', '\f'] : ends.has(index) ? ['', line, '\f'] : line));
}

/**
 * The lines holding a folio alone: the longest run of bare numbers that count up through the
 * text from its first pages, each at most `MAX_FOLIO_STEP` above the one before (a key figure set
 * alone is off the count).
 * @param lines The text's lines.
 * @returns Their indexes, none when the run is shorter than `MIN_INFERRED_PAGES`.
 */
function countingFolios(lines: readonly string[]): Set<number> {
  // For each number, the longest run ending on it so far, and the line of that run's folio before.
  const best = new Map<number, { length: number; index: number }>();
  const previousOf = new Map<number, number | null>();
  let longest: { length: number; index: number } | undefined;
  for (let index = 0; index < lines.length; index++) {
    if (!FOLIO.test(lines[index]!)) continue;
    const folio = folioNumber(lines[index]!);
    let before: { length: number; index: number } | undefined;
    for (let step = 1; step <= MAX_FOLIO_STEP; step++) {
      const run = best.get(folio - step);
      if (run && (!before || run.length > before.length)) before = run;
    }
    // A run starts on the brochure's first pages.
    if (!before && folio > MAX_FOLIO_STEP) continue;
    const run = { length: (before?.length ?? 0) + 1, index };
    if ((best.get(folio)?.length ?? 0) >= run.length) continue;
    best.set(folio, run);
    previousOf.set(index, before?.index ?? null);
    if (!longest || run.length > longest.length) longest = run;
  }
  const folios = new Set<number>();
  if (!longest || longest.length < MIN_INFERRED_PAGES) return folios;
  for (let at: number | null = longest.index; at !== null; at = previousOf.get(at) ?? null) folios.add(at);
  return folios;
}
