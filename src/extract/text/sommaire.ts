/**
 * A sommaire set in two columns that the converter read across (pdftotext, pdf2txt): the entries
 * of both columns come interleaved, a column's entries after the other's, an entry's first line
 * cut from the rest by the other column's. The document's own evidence puts them back: the
 * sommaire numbers run contiguous, each entry's title is printed again on its project page, and
 * that page prints its section's title before it. Entries are rewritten in number order, each
 * under its section title, each a block of its own.
 */
import { foldForMatch } from '../../conventions.js';
import { flatMapLines } from './lines.js';

/** An entry's first line: its number, a slash, its title (« 05/ UN TITRE »). */
const ENTRY_START = /^\s*(\d{1,2})\/\s+(\S.*)$/;

/** An entry's last line: its page (« / P25 »). */
const ENTRY_PAGE = /^\s*\/\s?P\d{1,3}\s*$/;

/** A page number printed alone in the sommaire (« 2 »). */
const FOLIO = /^\s*\d{1,3}\s*$/;

/** Two columns still side by side on a line (laid-out text): not this pass's to read. */
const SIDE_BY_SIDE = /\S\s{3,}\S/;

/** Fewer entries are no sommaire in columns (a cover's list, a body's numbered line). */
const MIN_ENTRIES = 4;

/** Non-blank lines after the last entry line without a new entry: the sommaire has ended. */
const MAX_LINES_BETWEEN_ENTRIES = 8;

/** Characters of a title's first line looked for on the project page (its line may wrap sooner there). */
const TITLE_KEY_LENGTH = 24;

interface Entry {
  readonly numero: number;
  readonly lines: string[];
  closed: boolean;
  /** The section title read before it in the sommaire (the fallback when the pages do not tell). */
  readonly sectionBefore: string | null;
}

/** Words of a line looked for after a title on the project page (the rest may differ there: an accent, a typo). */
const CONTINUATION_KEY_WORDS = 2;

/** Compared without case, accents nor line breaks (the project page sets the title otherwise): the profile's fold. */
const normal = foldForMatch;

/** An entry's title so far, without its number. */
const titleOf = (entry: Entry): string => normal(entry.lines.join(' ').replace(ENTRY_START, '$2'));

/**
 * Puts a two-column sommaire read across back in number order; a sommaire already in order (or
 * none with « NN/ title » lines) is left as it is.
 */
export function orderSommaireColumns(lines: readonly string[]): string[] {
  const region = sommaireRegion(lines);
  if (!region || lines.slice(region.start, region.end + 1).some((line) => SIDE_BY_SIDE.test(line))) return [...lines];
  const body = normal(lines.slice(region.end + 1).join(' '));
  const read = readEntries(lines.slice(region.start, region.end + 1), body);
  if (!read) return [...lines];
  const sectionOf = sectionsFromPages(read.entries, read.headings, body);
  const out: string[] = [];
  let section: string | null = null;
  for (const entry of [...read.entries].sort((a, b) => a.numero - b.numero)) {
    const own = sectionOf.get(entry) ?? null;
    if (own !== null && own !== section) out.push(own, '');
    section = own ?? section;
    out.push(...entry.lines, '');
  }
  if (read.strays.length > 0) out.push(...read.strays, '');
  return [...lines.slice(0, region.start), ...out, ...lines.slice(region.end + 1)];
}

/** From the first « NN/ title » line to the last entry page that follows entries closely. */
function sommaireRegion(lines: readonly string[]): { start: number; end: number } | null {
  const start = lines.findIndex((line) => ENTRY_START.test(line));
  if (start < 0) return null;
  let end = start;
  let since = 0;
  let starts = 0;
  for (let i = start; i < lines.length && since <= MAX_LINES_BETWEEN_ENTRIES; i++) {
    const line = lines[i]!;
    if (line.trim() === '') continue;
    if (ENTRY_START.test(line)) starts++;
    if (ENTRY_START.test(line) || ENTRY_PAGE.test(line)) {
      since = 0;
      if (ENTRY_PAGE.test(line)) end = i;
    } else since++;
  }
  return starts >= MIN_ENTRIES ? { start, end } : null;
}

/**
 * Reads the entries of the region: a line goes to the open entry whose title it continues on the
 * project pages, else to the entry read last; a page closes that entry. A line outside every
 * entry, or one before a new entry that continues no title, is a section title; a page with no
 * entry open is kept apart (a stray, written after the entries).
 * @returns null when the entries already come in number order, one after the other.
 */
function readEntries(region: readonly string[], body: string): { entries: Entry[]; headings: string[]; strays: string[] } | null {
  const entries: Entry[] = [];
  const headings: string[] = [];
  const strays: string[] = [];
  let current: Entry | null = null;
  let interleaved = false;
  const nextWritten = (i: number): string => region.slice(i + 1).find((line) => line.trim() !== '') ?? '';
  region.forEach((line, i) => {
    if (line.trim() === '' || FOLIO.test(line)) return;
    const open = entries.filter((entry) => !entry.closed);
    const start = ENTRY_START.exec(line);
    if (start) {
      interleaved ||= open.length > 0 || (entries.length > 0 && Number(start[1]) !== entries.at(-1)!.numero + 1);
      current = { numero: Number(start[1]), lines: [line.trim()], closed: false, sectionBefore: headings.at(-1) ?? null };
      entries.push(current);
      return;
    }
    const continues = (entry: Entry): boolean => body.includes(`${titleOf(entry)} ${normal(line).split(' ').slice(0, CONTINUATION_KEY_WORDS).join(' ')}`);
    const owner = [current, ...open].find((entry): entry is Entry => entry !== null && !entry.closed && continues(entry));
    if (!owner && !ENTRY_PAGE.test(line) && (open.length === 0 || ENTRY_START.test(nextWritten(i)))) {
      headings.push(line.trim());
      return;
    }
    const target = owner ?? (current && !current.closed ? current : open[0]);
    if (!target) {
      strays.push(line.trim());
      return;
    }
    target.lines.push(line.trim());
    if (ENTRY_PAGE.test(line)) {
      target.closed = true;
      current = null;
    } else current = target;
  });
  return interleaved ? { entries, headings, strays } : null;
}

/**
 * Each entry's section: the last section title printed before its title on the project pages,
 * else the one read before it in the sommaire.
 */
function sectionsFromPages(entries: readonly Entry[], headings: readonly string[], body: string): Map<Entry, string | null> {
  const headingAt = headings
    .map((heading) => ({ heading, at: body.indexOf(normal(heading)) }))
    .filter(({ at }) => at >= 0);
  const sections = new Map<Entry, string | null>();
  for (const entry of entries) {
    const at = body.indexOf(titleOf({ ...entry, lines: entry.lines.slice(0, 1) }).slice(0, TITLE_KEY_LENGTH));
    const before = headingAt.filter((h) => at >= 0 && h.at < at).sort((a, b) => b.at - a.at)[0];
    sections.set(entry, before?.heading ?? entry.sectionBefore);
  }
  return sections;
}

/** An entry's number, alone or with its title (« 01/ », « 01/ TITRE »). */
const ENTRY_NUMBER = /^\s*\d{1,2}\/\s*(.*)$/;

/** Lines an entry spans at most between its number and its page. */
const MAX_ENTRY_LINES = 8;

/** Words of the title's end looked for before the collectivité on the project page. */
const TITLE_END_WORDS = 3;

/**
 * A page set at the right of an entry's title (pdftotext: « TITRE  / P05 » read as the title, then
 * the page, then the collectivité under them): the line after the page that the project page prints
 * right after the title is the entry's collectivité, and the page goes after it, where it ends the
 * entry.
 */
export function movePageAfterCollectivite(lines: readonly string[]): string[] {
  const out = [...lines];
  // Each line normalised once, kept in step with `out`: the text after a line is searched for every
  // page reference. (Only once an entry is found: most texts set no page at the right of a title.)
  let normalised: string[] | undefined;
  const textAfter = (index: number): string => normalised!.slice(index + 1).filter((line) => line !== '').join(' ');
  // The lines after a page are the text's last lines, never moved (a page moves down to `next` at
  // most, and is read again from there): their text is the end of the whole text folded at once, so
  // what the whole text does not print, the text after a page does not print either. Folded in one
  // piece, not line by line (a text whose pages all stay, the 2019 one, needs no more).
  let whole: string | undefined;
  for (let i = 0; i < out.length; i++) {
    if (!ENTRY_PAGE.test(out[i]!)) continue;
    const title = entryTitleBefore(out, i);
    let next = i + 1;
    while (next < out.length && out[next]!.trim() === '') next++;
    if (title === null || next === out.length || ENTRY_NUMBER.test(out[next]!) || ENTRY_PAGE.test(out[next]!)) continue;
    const lead = normal(out[next]!).split(' ').slice(0, CONTINUATION_KEY_WORDS).join(' ');
    // The title's last words only: the project page may print a word of the title otherwise (« MUNICIPALES » / « COMMUNALES »).
    const titleEnd = title.split(' ').slice(-TITLE_END_WORDS).join(' ');
    whole ??= normal(lines.join(' '));
    if (!whole.includes(`${titleEnd} ${lead}`)) continue;
    normalised ??= out.map(normal);
    if (!textAfter(next).includes(`${titleEnd} ${lead}`)) continue;
    const [page] = out.splice(i, 1);
    out.splice(next, 0, page!);
    const [normalisedPage] = normalised.splice(i, 1);
    normalised.splice(next, 0, normalisedPage!);
    i = next;
  }
  return out;
}

/** The title of the entry whose page is at `page`: its lines from its number on, or null without a number close above. */
function entryTitleBefore(lines: readonly string[], page: number): string | null {
  const parts: string[] = [];
  for (let i = page - 1; i >= Math.max(0, page - MAX_ENTRY_LINES); i--) {
    const number = ENTRY_NUMBER.exec(lines[i]!);
    if (number) return normal([number[1]!, ...parts].join(' '));
    if (ENTRY_PAGE.test(lines[i]!)) return null;
    if (lines[i]!.trim() !== '') parts.unshift(lines[i]!);
  }
  return null;
}

/** A line of digits only: a project's number, maybe with the page's number glued before it. */
const DIGITS_ALONE = /^\s*(\d{3,5})\s*$/;

/**
 * The page number glued before the project's number on the project's first page (« 501 »: page 5,
 * project 01; pypdf writes the folio and the number with nothing between): the sommaire tells each
 * project's page, so a line that is exactly that page then that number is the number alone (the
 * folio goes, as the page breaks' folios do).
 */
export function splitFolioFromNumber(lines: readonly string[]): string[] {
  const glued = new Map<string, string>();
  lines.forEach((line, i) => {
    const number = /^\s*(\d{1,2})\/\s*(?:\S.*)?$/.exec(line);
    if (!number) return;
    const page = lines.slice(i + 1, i + 1 + MAX_ENTRY_LINES).find((next) => ENTRY_PAGE.test(next));
    const pageNumber = page ? Number(/\d+/.exec(page)![0]) : null;
    if (pageNumber !== null) glued.set(`${pageNumber}${number[1]!}`, number[1]!);
  });
  if (glued.size === 0) return [...lines];
  return lines.map((line) => glued.get(DIGITS_ALONE.exec(line)?.[1] ?? '') ?? line);
}

/** A page reference with digits glued to it, then a slash: a page and the next entry's number run together (« / P5712/ TITRE »). */
const PAGE_GLUED_TO_NUMBER = /^(\s*\/\s?P)(\d{2,5})\/(\s.*|)$/;

/** What every line `splitPageFromNextNumber` cuts is: `PAGE_GLUED_TO_NUMBER`. */
export const PAGE_GLUED_TO_NUMBER_NEEDS = /^[^\S\n]*\/\s?P\d{2,5}\//m;

/**
 * A sommaire page run into the next entry's number (« / P5712/ DISPOSITIF… », pypdf: page 57,
 * entry 12): the entries are numbered in turn, so the digits part where the number is the one
 * after the entry read last; with no such split the line stays.
 */
export function splitPageFromNextNumber(lines: readonly string[]): string[] {
  let last: number | null = null;
  return flatMapLines(lines, (line) => {
    const entry = /^\s*(\d{1,2})\//.exec(line);
    if (entry) last = Number(entry[1]);
    const glued = PAGE_GLUED_TO_NUMBER.exec(line);
    if (!glued || last === null) return line;
    const next = String(last + 1).padStart(2, '0');
    const digits = glued[2]!;
    if (!digits.endsWith(next) || digits.length === next.length) return line;
    last += 1;
    return [`${glued[1]!}${digits.slice(0, -next.length)}`, `${next}/${glued[3]!}`];
  });
}

/** An entry's number alone on its line (« 12/ »). */
const NUMBER_ALONE = /^\s*(\d{1,2})\/\s*$/;

/** What `moveNumberBeforeTitle` needs: a `NUMBER_ALONE` line. */
export const NUMBER_ALONE_NEEDS = /^[^\S\n]*\d{1,2}\/[^\S\n]*$/m;

/**
 * A sommaire number written between its title's lines (Ghostscript sets each run at its own row,
 * and the number, centred on the title beside it, lands among the title's rows): the project page
 * prints the title again in one piece, so the longest run of lines right before the number that
 * the project page prints followed by the line after the number is the title's start, and the
 * number goes before it (« 12/ DISPOSITIF… »).
 */
export function moveNumberBeforeTitle(lines: readonly string[]): string[] {
  const out = [...lines];
  let text: string | null = null;
  for (let at = 0; at < out.length; at++) {
    const number = NUMBER_ALONE.exec(out[at]!);
    if (!number) continue;
    const before: number[] = [];
    for (let i = at - 1; i >= 0 && before.length < MAX_ENTRY_LINES; i--) {
      if (out[i]!.trim() === '' || ENTRY_PAGE.test(out[i]!) || ENTRY_NUMBER.test(out[i]!)) break;
      before.unshift(i);
    }
    const after = out.slice(at + 1).find((line) => line.trim() !== '');
    if (before.length === 0 || after === undefined || ENTRY_PAGE.test(after) || ENTRY_NUMBER.test(after)) continue;
    // Folded once, and only for a text that has such a number.
    text ??= normal(lines.join(' '));
    const lead = normal(after).split(' ').slice(0, CONTINUATION_KEY_WORDS).join(' ');
    const start = before.findIndex((_, k) => text!.includes(`${normal(before.slice(k).map((i) => out[i]!).join(' '))} ${lead}`));
    if (start < 0) continue;
    const first = before[start]!;
    out[first] = `${out[first]!.match(/^\s*/)![0]}${number[1]!}/ ${out[first]!.trim()}`;
    out.splice(at, 1);
  }
  return out;
}
