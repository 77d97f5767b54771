/**
 * Lines -> blocks: a leaf's fragments grouped into printed lines, then cut into blocks at
 * paragraph gaps, style changes, list indents and bullets; printed `|` tables become one block
 * per row, and a paragraph cut by a column or page break is recognised so it can be joined back.
 */
import { SENTENCE_END } from '../conventions.js';
import type { BlockKind } from '../types.js';
import { byBaseline, cellOrderedLines } from './cells.js';
import type { Fragment, Metrics } from './fragments.js';
import type { Column, Leaf } from './xycut.js';
import { latin, startsInLowerCase } from '../alphabet.js';

/** Bullet glyphs a list item may start with in the text layer (many layouts draw the bullet instead). */
const BULLET = /^\s*[•▪■●◦‣–-]\s+/u;
/** An em dash opening a line, and the bullets with it (see `bulletOf`). */
const EM_DASH_BULLET = /^\s*\u2014\s+/u;
const BULLET_OR_EM_DASH = /^\s*[•▪■●◦‣–\u2014-]\s+/u;
/** Points: larger than the rounding of coordinates by PDF producers (Ghostscript writes 0.001), far below a leading step. */
const COORDINATE_TOLERANCE = 0.05;

/** A printed line: the fragments of one baseline inside one reading-order region. */
export interface Line {
  readonly page: number;
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly size: number;
  readonly bold: boolean;
  /** Text of the line's leading bold runs ('' when it starts in a regular face). */
  readonly boldLead: string;
}

/** A block before its text is joined (hyphen decisions need the whole document). */
export interface DraftBlock {
  readonly kind: BlockKind;
  readonly lines: readonly Line[];
}

/** Groups a leaf's fragments into lines, top to bottom (table cells one after the other), fragments of a line left to right. */
function leafLines(fragments: readonly Fragment[]): Line[] {
  return cellOrderedLines(byBaseline(fragments)).map((row) => {
    const parts = row.sort((a, b) => a.x0 - b.x0);
    const main = parts.reduce((a, b) => (b.chars > a.chars ? b : a));
    const boldChars = parts.reduce((sum, part) => sum + (part.bold ? part.chars : 0), 0);
    const chars = parts.reduce((sum, part) => sum + part.chars, 0);
    return {
      page: main.page,
      text: parts.map((part) => part.text).join(' '),
      x0: parts[0]!.x0,
      x1: Math.max(...parts.map((part) => part.x1)),
      y: main.y,
      size: main.size,
      bold: boldChars * 2 > chars,
      boldLead: leadingBold(parts),
    };
  });
}

/** The leading bold text of a line's fragments, left to right: whole bold fragments, then the bold start of the next. */
function leadingBold(parts: readonly Fragment[]): string {
  const lead: string[] = [];
  for (const part of parts) {
    if (part.boldLead !== '') lead.push(part.boldLead);
    if (part.boldLead !== part.text) break;
  }
  return lead.join(' ');
}

/** Points two left edges may differ by and still be one edge (a column's, a list's indent): above the producers' rounding, below any indent. */
const SAME_LEFT_EDGE = 1.5;

/** A list's indent from its column's left edge, in body sizes: wider than a first line's indent slip, narrower than a second column. */
const LIST_INDENT_MIN = 0.4;
const LIST_INDENT_MAX = 2.6;

/** Whether a line set `indent` points right of its column's left edge stands at a list's indent. */
function isListIndent(indent: number, bodySize: number): boolean {
  return indent >= LIST_INDENT_MIN * bodySize && indent <= LIST_INDENT_MAX * bodySize;
}

/** Cuts a leaf's lines into blocks and tells paragraphs, list items and table rows apart. */
export function leafBlocks(leaf: Leaf, metrics: Metrics): DraftBlock[] {
  const lines = leafLines(leaf.fragments);
  const body = metrics.bodySize;
  const atBase = (line: Line): boolean => Math.abs(line.x0 - leaf.colX0) <= SAME_LEFT_EDGE;
  const indented = (line: Line): boolean => isListIndent(line.x0 - leaf.colX0, body);
  const short = (line: Line): boolean => line.x1 < leaf.colX1 - 0.1 * (leaf.colX1 - leaf.colX0);

  const bullet = bulletOf(lines);
  const groups: Line[][] = [];
  for (const line of lines) {
    const group = groups.at(-1);
    const previous = group?.at(-1);
    if (!group || !previous || breaksBefore(previous, line, metrics)) groups.push([line]);
    // A line starting at the list indent under a line at the column edge opens a list item, unless
    // that line opens a bulleted item (the indent is its hanging indent, even under a heading read
    // in the same group), em dashes included when they are this leaf's bullets (`rule: dash-hanging-indent`).
    else if (atBase(previous) && indented(line) && !bullet.test(group[0]!.text) && !bullet.test(previous.text)) groups.push([line]);
    // Inside a list, a line ending short of the column edge ends its item, unless it stops on a
    // word in lower case and the next line's first word would not have fitted after it (ragged
    // text in a narrow column; a list of names never ends a line so).
    else if (indented(previous) && indented(line) && Math.abs(previous.x0 - line.x0) < SAME_LEFT_EDGE && short(previous) && !wrapsRagged(previous, line, leaf.colX1)) groups.push([line]);
    else group.push(line);
  }

  const kinds = drawnListKinds(groups, leaf, indented);
  const drafts: DraftBlock[] = [];
  groups.forEach((group, g) => {
    const table = tableRows(group, short);
    if (table) {
      drafts.push(...table.map((row) => ({ kind: 'tableRow' as const, lines: row })));
      return;
    }
    splitAtBullets(group, bullet).forEach((part, p) => {
      const first = part[0]!;
      if (bullet.test(first.text)) drafts.push({ kind: 'listItem', lines: [{ ...first, text: first.text.replace(bullet, '') }, ...part.slice(1)] });
      else drafts.push({ kind: p === 0 ? kinds[g]! : 'paragraph', lines: part });
    });
  });
  return drafts;
}

/**
 * A band cut off a column of text (a list of references under its heading) measures its lines
 * against its own widest line: against the text column it belongs to instead (the widest body
 * text of the page starting at the same left edge), a list item's last line is seen to stop short.
 * @param leaf A leaf of the page.
 * @param leaves Every leaf of the page.
 * @param metrics Body size.
 * @returns The leaf, its right edge widened to the text column's when it lies in one.
 */
export function withinTextColumn(leaf: Leaf, leaves: readonly Leaf[], metrics: Metrics): Leaf {
  if (leaf.column.gutter === true) return leaf;
  let reach = leaf.colX1;
  for (const other of leaves) {
    if (other === leaf || Math.abs(other.colX0 - leaf.colX0) > SAME_LEFT_EDGE) continue;
    for (const fragment of other.fragments) {
      if (!fragment.bold && Math.abs(fragment.size - metrics.bodySize) <= 0.05 * metrics.bodySize) reach = Math.max(reach, fragment.x1);
    }
  }
  return reach === leaf.colX1 ? leaf : { ...leaf, colX1: reach };
}

/** A word in capitals (a surname as lists of names print it: « DUPONT », « DE LA »). */
const CAPITALS_WORD = latin('u')`^[^\p{Ll}]*\p{Lu}[^\p{Ll}]*$`;

/**
 * Whether ragged text wrapped between two lines: the first stops mid-sentence and the next line's
 * first word (and a space) would not have fitted after it, up to the column's edge. Mid-sentence:
 * on a word in lower case or a comma; or on a capitalised word or a number (« … de la Région » /
 * « Nord-Pas-de-Calais, … », « … Alsace » / « 2017-2021 ») unless a word in capitals stands on
 * either side, as in a list of names, one per line (« Anne DE LA » / « FONTAINE »,
 * « DUPONT Jean » / « MARTIN Marie »). `rule: ragged-wrap`
 */
function wrapsRagged(previous: Line, line: Line, colX1: number): boolean {
  const last = previous.text.trim().split(/\s+/).at(-1) ?? '';
  const word = line.text.trim().split(/\s+/)[0] ?? '';
  // A comma never ends an item either (« … des Contrôleurs, » / « Inspecteurs et… »).
  const goesOn = startsInLowerCase(last) || last.endsWith(',');
  const namesList = CAPITALS_WORD.test(last) || CAPITALS_WORD.test(word);
  const runsOn = !SENTENCE_END.test(last) && latin('u')`^[\p{Lu}\d]`.test(last) && !namesList;
  if (!goesOn && !runsOn) return false;
  const perChar = (line.x1 - line.x0) / Math.max(1, line.text.length);
  return (word.length + 1) * perChar >= colX1 - previous.x1;
}

/**
 * Bullets drawn rather than printed: consecutive blocks indented alike are list items when
 * their lines run to the column's right edge; an inset box (a quote, a poster) stops short of
 * it. A bold block among them is a heading, not an item.
 */
function drawnListKinds(groups: readonly (readonly Line[])[], column: Column, indented: (line: Line) => boolean): BlockKind[] {
  const kinds: BlockKind[] = groups.map(() => 'paragraph');
  const reach = column.colX1 - 0.02 * (column.colX1 - column.colX0);
  let g = 0;
  while (g < groups.length) {
    const x0 = groups[g]![0]!.x0;
    const alike = (group: readonly Line[]): boolean => group.every((line) => indented(line) && Math.abs(line.x0 - x0) < SAME_LEFT_EDGE);
    let end = g;
    while (end < groups.length && alike(groups[end]!)) end++;
    if (end === g) {
      g++;
      continue;
    }
    const boxed = groups.slice(g, end).some((group) => group.length > 1 && Math.max(...group.map((line) => line.x1)) < reach);
    if (!boxed) for (let k = g; k < end; k++) if (!groups[k]!.every((line) => line.bold)) kinds[k] = 'listItem';
    g = end;
  }
  return kinds;
}

/** A paragraph announcing a list: its last line ends on a colon (« … et conduit à : »). */
const ANNOUNCES_LIST = /:\s*$/u;

/** Blocks indented alike under such a paragraph to be its list: one alone may be a quote the colon introduces. */
const MIN_ANNOUNCED_ITEMS = 2;

/**
 * Bullets drawn rather than printed, each item read as a band of its own (set with paragraph
 * spacing, the XY-cut parts them, so `leafBlocks` meets them one at a time and cannot tell an
 * item from an inset box): under a paragraph ending on a colon, the paragraphs that follow it on
 * its page, two or more, every line at one list indent from its left edge, none in bold, are the
 * list it announces (`rule: announced-drawn-list`).
 * @param drafts The document's blocks in reading order.
 * @param metrics Body size.
 * @returns The blocks, such paragraphs made list items.
 */
export function announcedDrawnLists(drafts: readonly DraftBlock[], metrics: Metrics): DraftBlock[] {
  const out = [...drafts];
  for (let i = 0; i < out.length; i++) {
    const lead = out[i]!;
    const last = lead.lines.at(-1)!;
    if (lead.kind !== 'paragraph' || last.bold || !ANNOUNCES_LIST.test(last.text)) continue;
    const edge = Math.min(...lead.lines.map((line) => line.x0));
    const itemX0 = out[i + 1]?.lines[0]?.x0 ?? NaN;
    const isItem = (draft: DraftBlock): boolean =>
      draft.kind === 'paragraph' &&
      draft.lines.every((line) => line.page === last.page && !line.bold && isListIndent(line.x0 - edge, metrics.bodySize) && Math.abs(line.x0 - itemX0) < SAME_LEFT_EDGE);
    let end = i + 1;
    while (end < out.length && isItem(out[end]!)) end++;
    if (end - (i + 1) < MIN_ANNOUNCED_ITEMS) continue;
    for (let k = i + 1; k < end; k++) out[k] = { kind: 'listItem', lines: out[k]!.lines };
    i = end - 1;
  }
  return out;
}

/**
 * Whether a new block starts between two consecutive lines: more space than the body leading
 * allows (plus a tenth of an em of slack), or a change of style with some space, a bold line
 * after a regular one, or a jump in size (a title over its organisation, a figure over its label).
 */
function breaksBefore(previous: Line, line: Line, metrics: Metrics): boolean {
  const step = line.y - previous.y;
  const big = Math.max(previous.size, line.size);
  const small = Math.min(previous.size, line.size);
  if (Math.abs(previous.size - line.size) <= 0.06 * big && previous.bold === line.bold) {
    // Closer than the type's own size, the lines overlap: two blocks set one on the other (a
    // floated margin heading running into the next heading), never one paragraph's lines.
    return step > (metrics.leadingRatio + 0.1) * line.size || step < 0.9 * small;
  }
  if (!previous.bold && line.bold) return true;
  if (big / small >= 1.5) return true;
  const white = line.y - 0.75 * line.size - (previous.y + 0.25 * previous.size);
  // Half an em of white is exactly what a 1.5 leading leaves: compare with a tolerance larger
  // than the rounding of coordinates (Chromium's float noise, Ghostscript's three decimals), so a
  // re-saved PDF is cut where its original was.
  return white > 0.5 * small - COORDINATE_TOLERANCE;
}

/**
 * Whether the first block of a region continues the last block of the previous one (a column
 * or page break, or an image, cut the paragraph): same kind and style, the previous one does not
 * end a sentence and the next one starts in lower case.
 */
export function continuesAcrossBreak(previous: DraftBlock, next: DraftBlock): boolean {
  if (previous.kind !== next.kind || previous.kind === 'tableRow') return false;
  const last = previous.lines.at(-1)!;
  const first = next.lines[0]!;
  if (last.bold !== first.bold || Math.abs(last.size - first.size) > 0.06 * Math.max(last.size, first.size)) return false;
  return !SENTENCE_END.test(last.text) && startsInLowerCase(first.text);
}

/**
 * The bullets of a leaf's lines: the usual glyphs, and the em dash when two lines or more start
 * with one at the same indent (French typesetting's list label, babel french's itemize); a single
 * line opening on an em dash is a signature or an incise, not a list.
 */
function bulletOf(lines: readonly Line[]): RegExp {
  const dashed = lines.filter((line) => EM_DASH_BULLET.test(line.text));
  return dashed.length >= 2 && dashed.every((line) => Math.abs(line.x0 - dashed[0]!.x0) < SAME_LEFT_EDGE) ? BULLET_OR_EM_DASH : BULLET;
}

/** Splits a group of lines before each line that starts with a printed bullet. */
function splitAtBullets(lines: readonly Line[], bullet: RegExp): Line[][] {
  const parts: Line[][] = [];
  for (const line of lines) {
    if (parts.length === 0 || bullet.test(line.text)) parts.push([line]);
    else parts.at(-1)!.push(line);
  }
  return parts;
}

/**
 * A table printed as text, cells separated by ` | ` and each row ending with a short line, as
 * the 2019 brochure prints them: one block per row. `null` when the lines are not such a table.
 */
function tableRows(lines: readonly Line[], short: (line: Line) => boolean): Line[][] | null {
  if (!lines.some((line) => line.text.includes(' | '))) return null;
  const rows: Line[][] = [];
  let row: Line[] = [];
  for (const line of lines) {
    row.push(line);
    if (short(line)) {
      rows.push(row);
      row = [];
    }
  }
  if (row.length > 0) rows.push(row);
  const joined = (candidate: readonly Line[]): string => candidate.map((line) => line.text).join(' ');
  return rows.every((candidate) => joined(candidate).includes(' | ')) ? rows : null;
}
