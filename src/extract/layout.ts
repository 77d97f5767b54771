/**
 * Layout stage of the PDF adapter: rebuilds printed lines and blocks, in reading order, from the
 * text runs `pdf.ts` reads. Pure functions over geometry; nothing here knows the brochure's words.
 *
 * 1. Runs -> fragments: runs on one baseline and close together, superscripts joined ("1" + "er").
 * 2. Running headers, footers and page numbers dropped: text repeated in the page margins.
 * 3. Reading order by recursive XY-cut (bands across the page, column gutters, narrower gaps);
 *    boxes inset in a column's text (posters, "and after" boxes) are read after that text.
 * 4. Lines -> blocks: paragraph gaps, style changes, list indents and bullets, printed `|` tables;
 *    a paragraph cut by a column or page break is joined back.
 * 5. Hyphenated line ends joined, keeping compounds the document prints elsewhere.
 *
 * Thresholds are ratios of the body text size (the most used size), never fixed coordinates.
 * Coordinates are points with y growing downwards (`PdfTextRun.y` is the baseline from the top).
 */
import { SENTENCE_END, INVERTED_PRONOUN } from '../conventions.js';
import { BrochureError } from '../errors.js';
import type { Block, BlockKind, Diagnostic, ExtractedDocument, TextLine } from '../types.js';
import { joinLines, normaliseLigatures } from './lines.js';
import type { PdfPage, PdfPages, PdfTextRun } from '../types.js';

/** Options of `layoutPages`. */
export interface LayoutOptions {
  /** Pages a margin text must repeat on to be a running header or footer (default: 3). */
  readonly minRepeats?: number;
  /** Share of the page height, at the top and at the bottom, where headers, footers and page numbers are looked for (default: 0.1). */
  readonly marginBand?: number;
}

const defaultOptions: Required<LayoutOptions> = { minRepeats: 3, marginBand: 0.1 };

/** Bullet glyphs a list item may start with in the text layer (many layouts draw the bullet instead). */
const BULLET = /^\s*[•▪■●◦‣–-]\s+/u;

/** A piece of one printed line: runs on one baseline, close together. */
interface Fragment {
  readonly page: number;
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  /** Baseline. */
  readonly y: number;
  readonly top: number;
  readonly bottom: number;
  /** Font size of most of its characters. */
  readonly size: number;
  /** Whether most of its characters are bold. */
  readonly bold: boolean;
  readonly chars: number;
}

/** A printed line: the fragments of one baseline inside one reading-order region. */
interface Line {
  readonly page: number;
  readonly text: string;
  readonly x0: number;
  readonly x1: number;
  readonly y: number;
  readonly size: number;
  readonly bold: boolean;
}

/** A region of the page that the XY-cut could not split further, with the column it lies in. */
interface Leaf {
  readonly fragments: readonly Fragment[];
  /** Left and right edges of the enclosing column (the page's text area when there is none). */
  readonly colX0: number;
  readonly colX1: number;
  /** The region the cut made this leaf's column from: leaves sharing it are one column's flow. */
  readonly column: Column;
}

/** Document-wide measures every threshold is derived from. */
interface Metrics {
  /** Most used font size, by characters (points). */
  readonly bodySize: number;
  /** Baseline-to-baseline distance of body lines divided by their size. */
  readonly leadingRatio: number;
}

/** A block before its text is joined (hyphen decisions need the whole document). */
interface DraftBlock {
  readonly kind: BlockKind;
  readonly lines: readonly Line[];
}

/**
 * Rebuilds the blocks of a PDF in reading order from its text runs.
 * @param pages The runs of every page, from `readPdfPages`.
 * @param options Configuration (optional).
 * @returns The block stream (`format: 'pdf'`), headers and page numbers removed.
 */
export function layoutPages(pages: PdfPages, options: LayoutOptions = {}): ExtractedDocument {
  const settings = { ...defaultOptions, ...options };
  const perPage = pages.pages.map((page) => pageFragments(page));
  const kept = dropRunningText(pages.pages, perPage, settings);
  const metrics = measure(kept);
  const drafts: DraftBlock[] = [];
  let lastFull = false;
  for (const fragments of kept) {
    if (fragments.length === 0) continue;
    const leaves: Leaf[] = [];
    cutRegion(fragments, null, metrics, leaves);
    for (const leaf of placeFloats(leaves, metrics)) {
      const blocks = leafBlocks(leaf, metrics);
      if (blocks.length === 0) continue;
      const previous = drafts.at(-1);
      if (previous && lastFull && continuesAcrossBreak(previous, blocks[0]!)) {
        drafts[drafts.length - 1] = { kind: previous.kind, lines: [...previous.lines, ...blocks[0]!.lines] };
        blocks.shift();
      }
      drafts.push(...blocks);
      // Whether the region's last line runs to the column edge: a paragraph cut by the break, not ended.
      const last = drafts.at(-1)!.lines.at(-1)!;
      lastFull = last.x1 >= leaf.colX1 - 0.1 * (leaf.colX1 - leaf.colX0);
    }
  }
  const keepHyphen = hyphenVocabulary(drafts);
  const blocks = drafts.map((draft) => finishBlock(draft, metrics, keepHyphen));
  return { format: 'pdf', pageCount: pages.pageCount, blocks, diagnostics: skippedTextDiagnostics(pages) };
}

/**
 * Stops on a PDF without any text layer: scanned or image-only documents need OCR first.
 * @param pages The runs of every page, from `readPdfPages`.
 * @throws BrochureError `IMAGE_ONLY` when no page has any text.
 */
export function assertHasText(pages: PdfPages): void {
  const hasText = pages.pages.some((page) => page.runs.some((run) => run.text.trim() !== ''));
  if (!hasText) {
    throw new BrochureError(
      'IMAGE_ONLY',
      `the PDF (${pages.pageCount} page${pages.pageCount === 1 ? '' : 's'}) has no text layer, only images: run OCR on it first (e.g. ocrmypdf in.pdf out.pdf), then extract again`,
    );
  }
}

// ---------------------------------------------------------------------------
// 1. Runs -> fragments
// ---------------------------------------------------------------------------

interface Group {
  readonly y: number;
  minSize: number;
  maxSize: number;
  readonly runs: PdfTextRun[];
  /** Raised small runs moved here from their own baseline ("er" of "1er"). */
  readonly sups: PdfTextRun[];
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Cuts one page's runs into fragments: same baseline, no gap wider than 1.5 em. */
function pageFragments(page: PdfPage): Fragment[] {
  const runs = page.runs
    .filter((run) => run.text !== '' && run.fontSize > 0 && Number.isFinite(run.x) && Number.isFinite(run.y))
    .sort((a, b) => a.y - b.y || a.x - b.x);
  const groups: Group[] = [];
  for (const run of runs) {
    const group = groups.at(-1);
    if (group && Math.abs(run.y - group.y) <= 0.2 * Math.min(run.fontSize, group.minSize)) {
      group.runs.push(run);
      if (!isBlank(run.text)) group.minSize = Math.min(group.minSize, run.fontSize);
      group.maxSize = Math.max(group.maxSize, run.fontSize);
    } else {
      groups.push({ y: run.y, minSize: run.fontSize, maxSize: run.fontSize, runs: [run], sups: [] });
    }
  }
  attachSuperscripts(groups);
  const fragments: Fragment[] = [];
  for (const group of groups) {
    const all = [...group.runs, ...group.sups].sort((a, b) => a.x - b.x);
    const supSet = new Set(group.sups);
    let current: PdfTextRun[] = [];
    let lastEnd = -Infinity;
    let lastSize = 0;
    for (const run of all) {
      if (isBlank(run.text)) {
        if (current.length > 0) current.push(run);
        continue;
      }
      // A gap wider than 1.5 em is no word space: another column or cell starts.
      if (current.length > 0 && run.x - lastEnd > 1.5 * Math.max(lastSize, supSet.has(run) ? 0 : run.fontSize)) {
        pushFragment(fragments, page.number, current, supSet);
        current = [];
      }
      current.push(run);
      lastEnd = Math.max(current.length > 1 ? lastEnd : -Infinity, run.x + run.width);
      if (!supSet.has(run)) lastSize = run.fontSize;
    }
    if (current.length > 0) pushFragment(fragments, page.number, current, supSet);
  }
  return fragments;
}

/**
 * Moves superscripts onto the line they belong to: a short run, smaller than its neighbour,
 * raised above that neighbour's baseline and starting where it ends ("1" + raised "er").
 */
function attachSuperscripts(groups: Group[]): void {
  for (let i = 0; i < groups.length; i++) {
    const group = groups[i]!;
    let moved: Set<PdfTextRun> | undefined;
    for (const run of group.runs) {
      // A baseline may mix a superscript with a line of the other column: test runs, not groups.
      if (isBlank(run.text) || run.text.trim().length > 4) continue;
      // Hosts lie below (larger y), within a few sizes: the groups are sorted by baseline.
      for (let j = i + 1; j < groups.length && groups[j]!.y - run.y <= 4 * run.fontSize; j++) {
        const host = groups[j]!;
        const rise = host.y - run.y;
        if (run.fontSize > 0.9 * host.maxSize) continue;
        const hit = host.runs.some(
          (other) =>
            run.fontSize <= 0.9 * other.fontSize &&
            rise >= 0.1 * other.fontSize &&
            rise <= 0.7 * other.fontSize &&
            Math.abs(run.x - (other.x + other.width)) <= 0.3 * other.fontSize &&
            !isBlank(other.text),
        );
        if (hit) {
          host.sups.push(run);
          (moved ??= new Set()).add(run);
          break;
        }
      }
    }
    if (!moved) continue;
    const rest = group.runs.filter((run) => !moved.has(run));
    group.runs.length = 0;
    // A space run left alone on the raised baseline only separated the superscript from the next word.
    if (rest.some((run) => !isBlank(run.text))) group.runs.push(...rest);
  }
}

/** Joins a fragment's runs into its text (a space where the text layer has one or the gap is a word space) and measures it. */
function pushFragment(out: Fragment[], page: number, runs: readonly PdfTextRun[], sups: ReadonlySet<PdfTextRun>): void {
  let text = '';
  let end = -Infinity;
  let space = false;
  let previous: PdfTextRun | undefined;
  let x0 = Infinity;
  let x1 = -Infinity;
  let top = Infinity;
  let bottom = -Infinity;
  let chars = 0;
  let boldChars = 0;
  let main: PdfTextRun | undefined;
  const bySize = new Map<number, number>();
  for (const run of runs) {
    if (isBlank(run.text)) {
      space = true;
      continue;
    }
    // Some producers print a word twice at the same place (fake bold): keep one.
    if (previous && previous.text === run.text && Math.abs(previous.x - run.x) < 0.2 * run.fontSize) continue;
    const sup = sups.has(run);
    const size = sup ? (previous?.fontSize ?? run.fontSize) : run.fontSize;
    if (text !== '' && (space || run.x - end > 0.15 * size)) text += ' ';
    text += run.text;
    end = Math.max(end, run.x + run.width);
    space = false;
    previous = run;
    x0 = Math.min(x0, run.x);
    x1 = Math.max(x1, run.x + run.width);
    top = Math.min(top, run.y - 0.75 * run.fontSize);
    if (sup) continue;
    bottom = Math.max(bottom, run.y + 0.25 * run.fontSize);
    const n = run.text.trim().length;
    chars += n;
    if (run.bold) boldChars += n;
    const sized = (bySize.get(run.fontSize) ?? 0) + n;
    bySize.set(run.fontSize, sized);
    if (!main || sized > (bySize.get(main.fontSize) ?? 0) || (sized === bySize.get(main.fontSize) && run.fontSize > main.fontSize)) main = run;
  }
  const cleaned = cleanText(text);
  if (!main || cleaned === '') return;
  out.push({ page, text: cleaned, x0, x1, y: main.y, top, bottom, size: main.fontSize, bold: boldChars * 2 > chars, chars });
}

/** Characters `cleanText` rewrites: ligatures, soft hyphen, controls, unusual spaces, runs of spaces. */
const NEEDS_CLEANING = /[\ufb00-\ufb06\uf001\uf002\u00ad\u0000-\u001f\u007f\u200b\ufeff\u00a0\u2007\u202f]|\s\s|^\s|\s$/;

/** Ligatures spelt out, soft hyphens and control characters dropped, no-break spaces made plain, spaces folded. */
function cleanText(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return normaliseLigatures(text)
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u200b\ufeff]/g, '')
    .replace(/[\s\u00a0\u2007\u202f]+/g, ' ')
    .trim();
}

// ---------------------------------------------------------------------------
// 2. Running headers, footers, page numbers
// ---------------------------------------------------------------------------

/** A page number as printed: "5", "- 5 -", "Page 5", "5 / 110". */
const PAGE_NUMBER = /^(?:p(?:age|\.)?\s*)?[-–—|]?\s*(\d{1,4})\s*[-–—|]?(?:\s*(?:\/|sur|of)\s*\d{1,4})?$/i;

/**
 * Drops text printed in the top or bottom margin of many pages: page numbers (a number that
 * follows the page index) and running headers / footers (the same text at the same height on
 * several pages, and more often there than anywhere else, so a rubrique heading that happens
 * to open a few pages stays). A header slot once found also catches its text on pages where it
 * is unique (a short section).
 */
function dropRunningText(pages: readonly PdfPage[], perPage: readonly Fragment[][], settings: Required<LayoutOptions>): Fragment[][] {
  const inBand = (fragment: Fragment, page: PdfPage): 'top' | 'bottom' | null =>
    fragment.y <= page.height * settings.marginBand ? 'top' : fragment.y >= page.height * (1 - settings.marginBand) ? 'bottom' : null;
  const removed = new Set<Fragment>();

  // Page numbers: the offset between printed number and page index is the same on most pages.
  const offsets = new Map<number, Set<number>>();
  const numbered: { fragment: Fragment; offset: number }[] = [];
  pages.forEach((page, i) => {
    for (const fragment of perPage[i]!) {
      const match = inBand(fragment, page) ? PAGE_NUMBER.exec(fragment.text) : null;
      if (!match) continue;
      const offset = page.number - Number(match[1]);
      numbered.push({ fragment, offset });
      offsets.set(offset, (offsets.get(offset) ?? new Set()).add(page.number));
    }
  });
  const [bestOffset, bestPages] = [...offsets].sort((a, b) => b[1].size - a[1].size)[0] ?? [0, new Set<number>()];
  if (bestPages.size >= 2) for (const { fragment, offset } of numbered) if (offset === bestOffset) removed.add(fragment);

  // Running text: the same words at the same height on several pages.
  const everywhere = new Map<string, number>();
  const margin = new Map<string, { fragment: Fragment; side: 'top' | 'bottom' }[]>();
  pages.forEach((page, i) => {
    for (const fragment of perPage[i]!) {
      const key = fragment.text;
      everywhere.set(key, (everywhere.get(key) ?? 0) + 1);
      const side = removed.has(fragment) ? null : inBand(fragment, page);
      if (!side) continue;
      const hits = margin.get(key);
      if (hits) hits.push({ fragment, side });
      else margin.set(key, [{ fragment, side }]);
    }
  });
  const slots: { y: number; size: number; side: 'top' | 'bottom' }[] = [];
  for (const [key, hits] of margin) {
    const sorted = [...hits].sort((a, b) => a.fragment.y - b.fragment.y);
    let start = 0;
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i]!.fragment.y - sorted[i - 1]!.fragment.y <= 2) continue;
      const cluster = sorted.slice(start, i);
      start = i;
      const onPages = new Set(cluster.map((hit) => hit.fragment.page)).size;
      const elsewhere = (everywhere.get(key) ?? 0) - cluster.length;
      if (onPages >= settings.minRepeats && onPages > elsewhere) {
        for (const hit of cluster) removed.add(hit.fragment);
        slots.push({ y: cluster[0]!.fragment.y, size: cluster[0]!.fragment.size, side: cluster[0]!.side });
      }
    }
  }
  return pages.map((page, i) => {
    const fragments = perPage[i]!.filter((fragment) => !removed.has(fragment));
    if (slots.length === 0 || fragments.length === 0) return fragments;
    const topmost = Math.min(...fragments.map((fragment) => fragment.y));
    const lowest = Math.max(...fragments.map((fragment) => fragment.y));
    return fragments.filter((fragment) => {
      const side = inBand(fragment, page);
      if (!side || fragment.y !== (side === 'top' ? topmost : lowest)) return true;
      return !slots.some((slot) => slot.side === side && Math.abs(slot.y - fragment.y) <= 2 && Math.abs(slot.size - fragment.size) <= 0.3);
    });
  });
}

// ---------------------------------------------------------------------------
// Document measures
// ---------------------------------------------------------------------------

/** Body size (most characters) and body leading (most common baseline step of body lines in one column). */
function measure(perPage: readonly Fragment[][]): Metrics {
  const bySize = new Map<number, number>();
  for (const fragments of perPage) {
    for (const fragment of fragments) {
      const key = Math.round(fragment.size * 10) / 10;
      bySize.set(key, (bySize.get(key) ?? 0) + fragment.chars);
    }
  }
  const bodySize = [...bySize].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 10;
  const steps = new Map<number, number>();
  for (const fragments of perPage) {
    const body = fragments
      .filter((fragment) => Math.abs(fragment.size - bodySize) <= 0.05 * bodySize)
      .sort((a, b) => Math.round(a.x0) - Math.round(b.x0) || a.y - b.y);
    for (let i = 1; i < body.length; i++) {
      const [a, b] = [body[i - 1]!, body[i]!];
      if (Math.round(a.x0) !== Math.round(b.x0)) continue;
      const step = b.y - a.y;
      if (step < 0.9 * bodySize || step > 2 * bodySize) continue;
      const key = Math.round(step * 4) / 4;
      steps.set(key, (steps.get(key) ?? 0) + 1);
    }
  }
  const leading = [...steps].sort((a, b) => b[1] - a[1])[0]?.[0];
  return { bodySize, leadingRatio: leading === undefined ? 1.2 : leading / bodySize };
}

// ---------------------------------------------------------------------------
// 3. Reading order: recursive XY-cut
// ---------------------------------------------------------------------------

/** Left and right edges of a column of text. */
interface Column {
  readonly colX0: number;
  readonly colX1: number;
  /** Whether a gutter made it: a column of the page's grid, not a band of it. */
  readonly gutter?: boolean;
}

function extentOf(fragments: readonly Fragment[]): Column {
  let colX0 = Infinity;
  let colX1 = -Infinity;
  for (const fragment of fragments) {
    colX0 = Math.min(colX0, fragment.x0);
    colX1 = Math.max(colX1, fragment.x1);
  }
  return { colX0, colX1 };
}

/**
 * Orders a region's fragments into leaves (recursive XY-cut). Tries, in order:
 * - bands and columns: a wide horizontal gap across the region (> 1.2 body size, more than a
 *   paragraph break) and a gutter (> 1.5 body size, wider than any word space, nothing crossing
 *   it). A band above the top of some column (a title) or below the end of some column (key
 *   figures under the text) spans the columns and is cut first; table-of-contents rows ("01/
 *   title … / P05", a column right of the gutter all on the first baselines of the bands) are
 *   cut into bands; otherwise the wider gap wins. Bands are cut one at a time, so a card row or
 *   a figure row is read on its own; columns are read left to right, each in full, and a
 *   heading stays with its column;
 * - then any paragraph-sized horizontal gap, then any narrow vertical gap between lines
 *   (a number set beside its title), before giving up.
 * `column` is the enclosing column (list indents are measured from its left edge).
 */
function cutRegion(fragments: readonly Fragment[], column: Column | null, metrics: Metrics, out: Leaf[]): void {
  const body = metrics.bodySize;
  // A gutter makes columns; outside them, each wide band is its own reference (a tutor block,
  // a list of references); narrower cuts stay in the reference they were cut from.
  const recurse = (parts: readonly Fragment[][], cut: 'band' | 'gutter' | 'narrow' | 'beside'): void => {
    for (const part of parts) {
      const own = cut === 'gutter' || cut === 'beside' || column === null || (cut === 'band' && !column.gutter);
      cutRegion(part, own ? { ...extentOf(part), gutter: cut === 'gutter' } : column, metrics, out);
    }
  };
  if (fragments.length > 1) {
    const bands = splitAlong(fragments, 'y', 1.2 * body);
    const columns = splitAlong(fragments, 'x', 1.5 * body);
    if (bands.gaps.length > 0) {
      let cut: Gap | undefined;
      if (columns.gaps.length === 0) cut = widest(bands.gaps);
      else {
        // Above the top of the column that starts lowest, or below the end of the one that ends
        // highest, a band spans the columns: a heading above them, figures under them.
        let lowestTop = -Infinity;
        let highestEnd = Infinity;
        for (const part of columns.parts) {
          let top = Infinity;
          let bottom = -Infinity;
          for (const fragment of part) {
            top = Math.min(top, fragment.top);
            bottom = Math.max(bottom, fragment.bottom);
          }
          lowestTop = Math.max(lowestTop, top);
          highestEnd = Math.min(highestEnd, bottom);
        }
        const spanning = bands.gaps.filter((gap) => gap.end <= lowestTop + 1 || gap.start >= highestEnd - 1);
        if (spanning.length > 0) cut = widest(spanning);
        else if (rowsAcross(bands.parts, columns.parts) || widest(bands.gaps).size >= widest(columns.gaps).size) cut = widest(bands.gaps);
      }
      if (cut) {
        const at = cut.end;
        return recurse([fragments.filter((fragment) => fragment.top < at), fragments.filter((fragment) => fragment.top >= at)], 'band');
      }
    }
    if (columns.parts.length > 1) return recurse(columns.parts, 'gutter');
    const narrow = splitAlong(fragments, 'y', 0.5 * body);
    if (narrow.parts.length > 1) return recurse(narrow.parts, 'narrow');
    // Only between lines: one justified line has word gaps as wide as this.
    const baselines = new Set(fragments.map((fragment) => Math.round(fragment.y)));
    const beside = baselines.size > 1 ? splitAlong(fragments, 'x', 0.5 * body) : null;
    if (beside && beside.parts.length > 1) return recurse(beside.parts, 'beside');
  }
  const own = column ?? extentOf(fragments);
  out.push({ fragments, colX0: own.colX0, colX1: own.colX1, column: own });
}

/** An empty strip across a region: from `start` (where the text before it ends) to `end` (where the next starts). */
interface Gap {
  readonly start: number;
  readonly end: number;
  readonly size: number;
}

function widest(gaps: readonly Gap[]): Gap {
  return gaps.reduce((a, b) => (b.size > a.size ? b : a));
}

/** Whether some column right of the first has nothing but text on the first baseline of its band: rows, not columns. */
function rowsAcross(bands: readonly Fragment[][], columns: readonly Fragment[][]): boolean {
  const firstBaseline = new Map<Fragment, number>();
  for (const band of bands) {
    const first = Math.min(...band.map((fragment) => fragment.y));
    for (const fragment of band) firstBaseline.set(fragment, first);
  }
  return columns.slice(1).some((part) => part.every((fragment) => Math.abs(fragment.y - firstBaseline.get(fragment)!) <= 1));
}

/**
 * Splits fragments at every gap of at least `gap` points across the whole region, along y
 * (bands) or x (columns), and lists those gaps.
 */
function splitAlong(fragments: readonly Fragment[], axis: 'x' | 'y', gap: number): { parts: Fragment[][]; gaps: Gap[] } {
  const start = (fragment: Fragment): number => (axis === 'y' ? fragment.top : fragment.x0);
  const end = (fragment: Fragment): number => (axis === 'y' ? fragment.bottom : fragment.x1);
  const sorted = fragments.slice().sort(axis === 'y' ? (a, b) => a.top - b.top : (a, b) => a.x0 - b.x0);
  const parts: Fragment[][] = [];
  const gaps: Gap[] = [];
  let current: Fragment[] = [];
  let reach = -Infinity;
  for (const fragment of sorted) {
    const space = start(fragment) - reach;
    if (current.length > 0 && space >= gap) {
      parts.push(current);
      gaps.push({ start: reach, end: start(fragment), size: space });
      current = [];
    }
    current.push(fragment);
    reach = Math.max(reach, end(fragment));
  }
  if (current.length > 0) parts.push(current);
  return { parts, gaps };
}

/**
 * Moves boxes set inside a column of text (a poster, an "and after…" box) out of the flow they
 * interrupt: after the rest of their column, or after the page's flow when they close their
 * column. A box is a run of consecutive leaves, three lines or more, set smaller than the body
 * and inset from both edges of the body text of its column. (A sidebar or a roster beside no
 * body text is read where it stands; one small line is a label or a caption, not a box.)
 */
function placeFloats(leaves: readonly Leaf[], metrics: Metrics): Leaf[] {
  const text = bodyTextEdges(leaves, metrics);
  const floats = new Set<Leaf>();
  let run: Leaf[] = [];
  const flush = (): void => {
    const lines = run.reduce((sum, leaf) => sum + new Set(leaf.fragments.map((fragment) => Math.round(fragment.y))).size, 0);
    if (lines >= 3) for (const leaf of run) floats.add(leaf);
    run = [];
  };
  for (const leaf of leaves) {
    if (run.length > 0 && run[0]!.column !== leaf.column) flush();
    const edges = text.get(leaf.column);
    if (edges && isInsetBox(leaf, edges, metrics)) run.push(leaf);
    else flush();
  }
  flush();
  if (floats.size === 0) return [...leaves];
  const ordered: Leaf[] = [];
  const pageEnd: Leaf[] = [];
  const waiting = new Map<Column, Leaf[]>();
  leaves.forEach((leaf, i) => {
    const flowFollows = leaves.slice(i + 1).some((other) => other.column === leaf.column && !floats.has(other));
    if (floats.has(leaf)) {
      if (flowFollows) waiting.set(leaf.column, [...(waiting.get(leaf.column) ?? []), leaf]);
      else pageEnd.push(leaf);
      return;
    }
    ordered.push(leaf);
    if (!flowFollows && waiting.has(leaf.column)) {
      ordered.push(...waiting.get(leaf.column)!);
      waiting.delete(leaf.column);
    }
  });
  return [...ordered, ...pageEnd];
}

/** Left and right edges of each column's body text (regular lines at body size; two at least). */
function bodyTextEdges(leaves: readonly Leaf[], metrics: Metrics): Map<Column, Column> {
  const found = new Map<Column, { colX0: number; colX1: number; count: number }>();
  for (const leaf of leaves) {
    for (const fragment of leaf.fragments) {
      if (fragment.bold || Math.abs(fragment.size - metrics.bodySize) > 0.05 * metrics.bodySize) continue;
      const edges = found.get(leaf.column) ?? { colX0: Infinity, colX1: -Infinity, count: 0 };
      found.set(leaf.column, { colX0: Math.min(edges.colX0, fragment.x0), colX1: Math.max(edges.colX1, fragment.x1), count: edges.count + 1 });
    }
  }
  return new Map([...found].filter(([, edges]) => edges.count >= 2));
}

/** Whether every fragment of a leaf is set smaller than the body and inset from both edges of the column's body text. */
function isInsetBox(leaf: Leaf, text: Column, metrics: Metrics): boolean {
  const inset = 0.4 * metrics.bodySize;
  const margin = 0.02 * (text.colX1 - text.colX0);
  return leaf.fragments.every(
    (fragment) => fragment.size < 0.95 * metrics.bodySize && fragment.x0 >= text.colX0 + inset && fragment.x1 <= text.colX1 - margin,
  );
}

// ---------------------------------------------------------------------------
// 4. Lines -> blocks
// ---------------------------------------------------------------------------

/** Groups a leaf's fragments into lines, top to bottom, fragments of a line left to right. */
function leafLines(fragments: readonly Fragment[]): Line[] {
  const sorted = [...fragments].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const rows: Fragment[][] = [];
  for (const fragment of sorted) {
    const row = rows.at(-1);
    if (row && Math.abs(fragment.y - row[0]!.y) <= 0.2 * Math.min(fragment.size, row[0]!.size)) row.push(fragment);
    else rows.push([fragment]);
  }
  return rows.map((row) => {
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
    };
  });
}

/** Cuts a leaf's lines into blocks and tells paragraphs, list items and table rows apart. */
function leafBlocks(leaf: Leaf, metrics: Metrics): DraftBlock[] {
  const lines = leafLines(leaf.fragments);
  const body = metrics.bodySize;
  const atBase = (line: Line): boolean => Math.abs(line.x0 - leaf.colX0) <= 1.5;
  const indented = (line: Line): boolean => line.x0 - leaf.colX0 >= 0.4 * body && line.x0 - leaf.colX0 <= 2.6 * body;
  const short = (line: Line): boolean => line.x1 < leaf.colX1 - 0.1 * (leaf.colX1 - leaf.colX0);

  const groups: Line[][] = [];
  for (const line of lines) {
    const group = groups.at(-1);
    const previous = group?.at(-1);
    if (!group || !previous || breaksBefore(previous, line, metrics)) groups.push([line]);
    // A line starting at the list indent under a line at the column edge opens a list item.
    else if (atBase(previous) && indented(line) && !BULLET.test(group[0]!.text)) groups.push([line]);
    // Inside a list, a line ending short of the column edge ends its item.
    else if (indented(previous) && indented(line) && Math.abs(previous.x0 - line.x0) < 1.5 && short(previous)) groups.push([line]);
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
    splitAtBullets(group).forEach((part, p) => {
      const first = part[0]!;
      if (BULLET.test(first.text)) drafts.push({ kind: 'listItem', lines: [{ ...first, text: first.text.replace(BULLET, '') }, ...part.slice(1)] });
      else drafts.push({ kind: p === 0 ? kinds[g]! : 'paragraph', lines: part });
    });
  });
  return drafts;
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
    const alike = (group: readonly Line[]): boolean => group.every((line) => indented(line) && Math.abs(line.x0 - x0) < 1.5);
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
    return step > (metrics.leadingRatio + 0.1) * line.size;
  }
  if (!previous.bold && line.bold) return true;
  if (big / small >= 1.5) return true;
  const white = line.y - 0.75 * line.size - (previous.y + 0.25 * previous.size);
  return white > 0.5 * small;
}

/**
 * Whether the first block of a region continues the last block of the previous one (a column
 * or page break, or an image, cut the paragraph): same kind and style, the previous one does not
 * end a sentence and the next one starts in lower case.
 */
function continuesAcrossBreak(previous: DraftBlock, next: DraftBlock): boolean {
  if (previous.kind !== next.kind || previous.kind === 'tableRow') return false;
  const last = previous.lines.at(-1)!;
  const first = next.lines[0]!;
  if (last.bold !== first.bold || Math.abs(last.size - first.size) > 0.06 * Math.max(last.size, first.size)) return false;
  return !SENTENCE_END.test(last.text) && /^\p{Ll}/u.test(first.text);
}

/** Splits a group of lines before each line that starts with a printed bullet. */
function splitAtBullets(lines: readonly Line[]): Line[][] {
  const parts: Line[][] = [];
  for (const line of lines) {
    if (parts.length === 0 || BULLET.test(line.text)) parts.push([line]);
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

// ---------------------------------------------------------------------------
// 5. Hyphenation and final blocks
// ---------------------------------------------------------------------------

/**
 * Builds the decision for a line-end hyphen from the document's own words: keep the hyphen when
 * the compound is printed whole elsewhere ("porte-parole"), join when the joined word is
 * ("dynamique"), keep it when the first part (4 letters or more) is a word of its own that
 * also starts other compounds ("fiches", "Fiches-actions": "Fiches-" + "méthode"; but "inter-"
 * + "locuteurs" joins), or the second part is an inverted pronoun ("est-" + "elle"); join
 * otherwise. Only the words around line-end hyphens are looked up, in one pass over the text.
 */
function hyphenVocabulary(drafts: readonly DraftBlock[]): (left: string, right: string) => boolean {
  const compounds = new Set<string>();
  const prefixes = new Set<string>();
  const joined = new Set<string>();
  for (const draft of drafts) {
    for (let i = 1; i < draft.lines.length; i++) {
      const text = draft.lines[i - 1]!.text;
      const left = /[-\u2010]$/.test(text) ? LINE_END_HYPHEN.exec(text.slice(-40)) : null;
      const right = left ? LINE_START_WORD.exec(draft.lines[i]!.text) : null;
      if (!left || !right) continue;
      const [l, r] = [left[1]!.toLowerCase(), right[1]!.toLowerCase()];
      compounds.add(`${l}-${r}`);
      prefixes.add(l);
      joined.add(l + r);
    }
  }
  const seenCompounds = new Set<string>();
  const seenPrefixes = new Set<string>();
  const seenJoined = new Set<string>();
  const seenAlone = new Set<string>();
  if (compounds.size > 0) {
    const kept: string[] = [];
    for (const draft of drafts) {
      for (const line of draft.lines) {
        // A "word-" ending a line is the cut itself, not a compound nor a word of its own.
        const text = line.text;
        const last = text.charCodeAt(text.length - 1);
        kept.push(last === 0x2d || last === 0x2010 ? text.slice(0, Math.max(0, text.lastIndexOf(' '))) : text);
      }
    }
    // One regular expression over the whole text finds the candidate words, alone or heading a
    // compound ("fiches", "fiches-actions"): much cheaper than hashing every word of the document.
    const words = [...new Set([...joined, ...prefixes])].sort((a, b) => b.length - a.length);
    // The part after a hyphen is looked at, not consumed: it may itself head a compound.
    const pattern = new RegExp(`(?<!\\p{L})(-?)(${words.join('|')})(?!\\p{L})(?=-(\\p{L}+)|)`, 'gu');
    for (const [, inside, word, next] of kept.join('\n').toLowerCase().matchAll(pattern)) {
      // After a hyphen, the word is inside a compound ("c'est-à-dire"): not a word of its own.
      if (next === undefined) {
        if (inside) continue;
        if (joined.has(word!)) seenJoined.add(word!);
        if (prefixes.has(word!)) seenAlone.add(word!);
      } else if (prefixes.has(word!)) {
        seenPrefixes.add(word!);
        if (compounds.has(`${word}-${next}`)) seenCompounds.add(`${word}-${next}`);
      }
    }
  }
  return (left, right) => {
    const l = left.toLowerCase();
    const r = right.toLowerCase();
    if (seenCompounds.has(`${l}-${r}`) || INVERTED_PRONOUN.test(r)) return true;
    if (seenJoined.has(l + r)) return false;
    return l.length >= 4 && seenPrefixes.has(l) && seenAlone.has(l);
  };
}

/** A line ending in a word cut by a hyphen ("dyna-"), or by the typographic hyphen U+2010. */
const LINE_END_HYPHEN = /(\p{L}+)[-\u2010]$/u;

/** The first word of a line, in lower case (the rest of a cut word). */
const LINE_START_WORD = /^(\p{Ll}\p{L}*)/u;

function finishBlock(draft: DraftBlock, metrics: Metrics, keepHyphen: (left: string, right: string) => boolean): Block {
  const lines: TextLine[] = draft.lines.map((line) => ({
    text: line.text,
    bold: line.bold,
    size: Math.round((line.size / metrics.bodySize) * 100) / 100,
  }));
  const text = joinPairwise(joinBrokenCompounds(lines.map((line) => line.text)), keepHyphen);
  // A table row is one line of text, whatever `joinLines` keeps on its own line.
  return { kind: draft.kind, text: draft.kind === 'tableRow' ? text.replace(/\s*\n\s*/g, ' ') : text, lines, page: draft.lines[0]!.page };
}

/**
 * `joinLines` applied one pair of lines at a time: how two lines join depends only on the end of
 * the first and the start of the second, and `joinLines` rescans all the text joined so far at
 * each line (quadratic in a long block's length).
 */
function joinPairwise(texts: readonly string[], keepHyphen: (left: string, right: string) => boolean): string {
  let text = texts[0] ?? '';
  for (let i = 1; i < texts.length; i++) {
    const previous = texts[i - 1]!;
    text = text.slice(0, text.length - previous.length) + joinLines([previous, texts[i]!], keepHyphen);
  }
  return text;
}

/**
 * Joins lines broken after the hyphen of a compound whose second part cannot be a cut word:
 * a number ("2018-" + "2023") or a capitalised name ("Loire-" + "Atlantique"). Capitals
 * throughout ("PROMO-" + "TION") stay apart, as printed.
 */
function joinBrokenCompounds(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const previous = out.at(-1);
    if (previous !== undefined && /[\p{L}\d]-$/u.test(previous) && /^(?:\d|\p{Lu}\p{Ll})/u.test(text)) out[out.length - 1] = previous + text;
    else out.push(text);
  }
  return out;
}

/** One info diagnostic when some text was left out because it is not upright. */
function skippedTextDiagnostics(pages: PdfPages): Diagnostic[] {
  const skipped = pages.pages.filter((page) => page.skippedRuns > 0);
  if (skipped.length === 0) return [];
  const count = skipped.reduce((sum, page) => sum + page.skippedRuns, 0);
  const list = skipped.map((page) => page.number);
  return [
    {
      code: 'PDF_TEXT_NOT_UPRIGHT',
      severity: 'info',
      page: list[0]!,
      message: `${count} morceau(x) de texte non horizontal (pivoté ou vertical) ignoré(s), page(s) ${list.slice(0, 10).join(', ')}${list.length > 10 ? '…' : ''}.`,
    },
  ];
}
