/**
 * Runs -> fragments: the text runs of one baseline that sit close together, superscripts moved
 * onto the line they belong to ("1" + raised "er"), text cleaned (ligatures, soft hyphens,
 * unusual spaces); and the document measures (body size, leading) every layout threshold is
 * derived from. Pure geometry; coordinates are points, y growing downwards.
 */
import type { PdfPage, PdfTextRun } from '../types.js';
import { normaliseLigatures } from './lines.js';
import { DISPLAY_SIZE, LARGER_THAN_BODY } from '../typography.js';

/** A piece of one printed line: runs on one baseline, close together. */
export interface Fragment {
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
  /** Text of its leading bold runs ('' when its first run is not bold): a bold key figure before its label (« 2,3 MRD » d'€…). */
  readonly boldLead: string;
  readonly chars: number;
}

/** Document-wide measures every threshold is derived from. */
export interface Metrics {
  /** Most used font size, by characters (points). */
  readonly bodySize: number;
  /** Baseline-to-baseline distance of body lines divided by their size. */
  readonly leadingRatio: number;
  /**
   * The size the document prints its key figures in (`isKeyFigureType`, at least `MIN_FIGURE_REPEATS`
   * times), learnt from its own repetition; absent when it prints none.
   */
  readonly figureSize?: number;
}

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
export function pageFragments(page: PdfPage): Fragment[] {
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
  const columnStart = columnStarts(groups);
  const figureCell = figureCellStarts(groups);
  const fragments: Fragment[] = [];
  for (const [index, group] of groups.entries()) {
    const all = [...group.runs, ...group.sups].sort((a, b) => a.x - b.x);
    const supSet = new Set(group.sups);
    let current: PdfTextRun[] = [];
    // The last run of `current` that is not blank.
    let lastInked: PdfTextRun | undefined;
    let lastEnd = -Infinity;
    let lastSize = 0;
    // Whether the fragment so far is words parted only by stretched spaces (a justified line of few words).
    let wordsApart = true;
    for (const run of all) {
      if (isBlank(run.text)) {
        if (current.length > 0) current.push(run);
        continue;
      }
      // A gap wider than 1.5 em is no word space: another column or cell starts. Between a heading
      // and text (face and size both change: weight, or the font itself, as a sans heading beside a
      // serif pull-quote in the margin) a gap of 0.8 em is already a margin's gutter; so it is
      // between a number in display type and the title beside it (one size 1.5 times the other).
      const previous = lastInked;
      const display = previous !== undefined && Math.max(previous.fontSize, run.fontSize) >= 1.5 * Math.min(previous.fontSize, run.fontSize);
      const changesFace = previous !== undefined && !supSet.has(run) && (previous.bold !== run.bold || previous.fontName !== run.fontName || display) && Math.abs(previous.fontSize - run.fontSize) > 0.05 * run.fontSize;
      const gap = run.x - lastEnd;
      // A gap wider than a word space where other lines start too is a grid's next cell (a grid of
      // key figures whose gutter a long label line narrows to less than 1.5 em), and so is one where
      // a figure in display type starts just above: the label under its figure (`rule: figure-cell-edge`).
      // Only a run after another on the line can open a cell (the page's edges and figures are asked for no line's first run).
      const nextCell = current.length > 0 && gap > CELL_GAP_EM * run.fontSize && (columnStart(run.x) || figureCell(index, run));
      // A margin heading whose longest word nearly fills its column (« PRÉCONISATIONS ») leaves
      // less than 0.8 em before the text beside it: a change of face, past a word space, onto the
      // text column's left edge, is that margin's gutter all the same (`rule: margin-heading-gutter`).
      // A heading is words: a figure in a table's cell stays on the label set beside it, as read elsewhere.
      const marginGutter = changesFace && gap > MARGIN_GUTTER_EM * run.fontSize && columnStart(run.x) && !current.some((other) => /\d/.test(other.text));
      const wide = gap > 1.5 * Math.max(lastSize, supSet.has(run) ? 0 : run.fontSize);
      // Justification stretches every space of a line alike: a line whose words sit at word spaces
      // before the wide gap is not one, whatever follows the gap is beside it.
      const stretched: boolean = wide && wordsApart && !changesFace && !nextCell && previous !== undefined && isJustifiedSpace(groups, index, current.find((other) => !isBlank(other.text))!, previous, run, gap);
      if (current.length > 0 && ((wide && !stretched) || (changesFace && gap > 0.8 * run.fontSize) || nextCell || marginGutter)) {
        pushFragment(fragments, page.number, current, supSet);
        current = [];
        lastInked = undefined;
        wordsApart = true;
      }
      // A run set against the one before, no word space between (a ligature's glyph, « fi » +
      // « ches »), is the same word going on, not a word apart (`rule: word-in-pieces`).
      const sameWord = previous !== undefined && gap <= WORD_PIECE_GAP_EM * run.fontSize;
      wordsApart &&= !/\s/.test(run.text.trim()) && (current.length === 0 || stretched || sameWord);
      current.push(run);
      lastInked = run;
      lastEnd = Math.max(current.length > 1 ? lastEnd : -Infinity, run.x + run.width);
      if (!supSet.has(run)) lastSize = run.fontSize;
    }
    if (current.length > 0) pushFragment(fragments, page.number, current, supSet);
  }
  return fragments;
}

/**
 * The widest word space (in em) a justified line stretches to: a label justified in a figure
 * grid's narrow cell (about 30 characters wide) with two or three words on its line.
 */
const JUSTIFIED_GAP_MAX_EM = 5;

/**
 * The widest gap (in em) between two runs of one word: pieces a PDF writes apart (a ligature's
 * glyph and the rest of the word) touch, or nearly, with kerning; a word space is a quarter em or more.
 */
const WORD_PIECE_GAP_EM = 0.1;

/** How far below a line (in its size) the next line of its paragraph may be: the leading, with room for a loose one. */
const NEXT_LINE_MAX_EM = 2;

/**
 * Whether a gap wider than a word space is one all the same, stretched by justification (`rule:
 * justified-space`): a narrow cell's justified line (« permanences        d'accompagnement », a
 * figure's label) would else be cut in two and its last word read after the cell. It is when both
 * sides are set alike, the paragraph goes on under the line's start in the same face and size, and
 * no line just above or below starts where the word after the gap starts (it opens no column of its
 * own).
 */
function isJustifiedSpace(groups: readonly Group[], index: number, lineStart: PdfTextRun, previous: PdfTextRun, run: PdfTextRun, gap: number): boolean {
  const size = run.fontSize;
  if (gap > JUSTIFIED_GAP_MAX_EM * size || previous.fontName !== run.fontName || previous.bold !== run.bold || Math.abs(previous.fontSize - size) > 0.05 * size) return false;
  const y = groups[index]!.y;
  const near = groupsNear(groups, index, NEXT_LINE_MAX_EM * size);
  const startsAt = (group: Group, x: number): PdfTextRun | undefined => group.runs.find((other) => !isBlank(other.text) && Math.abs(other.x - x) <= EDGE_TOLERANCE);
  const alike = (other: PdfTextRun | undefined): boolean => other !== undefined && other.fontName === run.fontName && other.bold === run.bold && Math.abs(other.fontSize - size) <= 0.05 * size;
  const goesOn = near.some((other) => other.y > y && alike(startsAt(other, lineStart.x)));
  // Text before the gap that ends where a line above or below ends is a justified column's full
  // line: what follows the gap is beside the column (a right-aligned signature), not on its line.
  const end = previous.x + previous.width;
  const columnEdge = near.some((other) => other.runs.some((o) => !isBlank(o.text) && Math.abs(o.x + o.width - end) <= RIGHT_EDGE_TOLERANCE));
  return goesOn && !columnEdge && !near.some((other) => startsAt(other, run.x) !== undefined);
}

/**
 * The groups other than `groups[index]` whose baseline lies within `reach` of its own, in order.
 * Groups are sorted by baseline: only the neighbours are read, not the whole page for every gap.
 */
function groupsNear(groups: readonly Group[], index: number, reach: number): Group[] {
  const y = groups[index]!.y;
  let from = index;
  while (from > 0 && Math.abs(groups[from - 1]!.y - y) <= reach) from--;
  let to = index;
  while (to + 1 < groups.length && Math.abs(groups[to + 1]!.y - y) <= reach) to++;
  return [...groups.slice(from, index), ...groups.slice(index + 1, to + 1)];
}

/** How close (points) two lines must end to share a right edge (a justified column's). */
const RIGHT_EDGE_TOLERANCE = 1;

/**
 * The narrowest gap (in em) that parts a heading from the text column beside it, when the face
 * changes and the text starts on the column's left edge: twice a word space (a quarter of an em,
 * a third at most), so that a bold word leading its sentence (« **Contexte** : … ») stays on it.
 */
const MARGIN_GUTTER_EM = 0.5;

/** The narrowest gap (in em) that may part two cells of a grid, wider than a justified line's word spaces mostly are. */
const CELL_GAP_EM = 1;

/** How close (points) runs must start to share a left edge. */
const EDGE_TOLERANCE = 0.5;

/** How many baselines must start a run at one x for it to be a column's left edge (a cell's first line and two more). */
const MIN_EDGE_LINES = 3;

/**
 * The page's column left edges (`rule: grid-cell-edge`): x positions where runs start on at least
 * `MIN_EDGE_LINES` baselines (a grid's cells: the figure, then its label's lines).
 */
function columnStarts(groups: readonly Group[]): (x: number) => boolean {
  // Runs bucketed by x, so that a look-up reads only the buckets within the tolerance; bucketed at
  // the first look-up (most pages, their lines one run each, never ask).
  let buckets: Map<number, { x: number; y: number }[]> | undefined;
  const bucketed = (): Map<number, { x: number; y: number }[]> => {
    const out = new Map<number, { x: number; y: number }[]>();
    for (const group of groups) {
      for (const run of group.runs) {
        if (isBlank(run.text)) continue;
        const key = Math.round(run.x / EDGE_TOLERANCE);
        const bucket = out.get(key);
        if (bucket) bucket.push({ x: run.x, y: group.y });
        else out.set(key, [{ x: run.x, y: group.y }]);
      }
    }
    return out;
  };
  // A page asks again for the x its runs start at (every line of a column): answered once each.
  const answers = new Map<number, boolean>();
  return (x) => {
    const known = answers.get(x);
    if (known !== undefined) return known;
    buckets ??= bucketed();
    const key = Math.round(x / EDGE_TOLERANCE);
    const lines = new Set<number>();
    for (const k of [key - 1, key, key + 1]) {
      for (const start of buckets.get(k) ?? []) if (Math.abs(start.x - x) <= EDGE_TOLERANCE) lines.add(start.y);
    }
    const answer = lines.size >= MIN_EDGE_LINES;
    answers.set(x, answer);
    return answer;
  };
}

/** A key figure set apart holds a digit and at most this many characters (« 12 500 », « +18 % », « 1 ÈRE »). */
export const MAX_FIGURE_CHARS = 12;

/** Whether a text is short enough, with a digit, to be a key figure set apart (`MAX_FIGURE_CHARS`). */
export function isFigureText(text: string): boolean {
  return /\d/.test(text) && text.trim().length <= MAX_FIGURE_CHARS;
}

/**
 * A grid cell's label under its figure (`rule: figure-cell-edge`): a run starting where, on a
 * baseline just above (within `NEXT_LINE_MAX_EM` of the figure's size), a figure in display type
 * starts (a number of at most `MAX_FIGURE_CHARS` characters, `DISPLAY_SIZE` times the run's size or
 * more). A grid row of two cells has only the figure and one label line at that edge when the
 * labels are one line long; the justified first cell's word spaces may be as wide as its gutter.
 */
function figureCellStarts(groups: readonly Group[]): (index: number, run: PdfTextRun) => boolean {
  return (index, run) => {
    const y = groups[index]!.y;
    for (let k = index - 1; k >= 0 && y - groups[k]!.y <= NEXT_LINE_MAX_EM * groups[k]!.maxSize; k--) {
      const figure = groups[k]!.runs.find((other) => !isBlank(other.text) && Math.abs(other.x - run.x) <= EDGE_TOLERANCE);
      if (figure && isFigureText(figure.text) && figure.fontSize >= DISPLAY_SIZE * run.fontSize) return true;
    }
    return false;
  };
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
  // Length of `text` up to the end of the leading bold runs, until a regular run closes them.
  let boldLeadEnd = 0;
  let leadOpen = true;
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
    // A run starting well back over the ink before it is another text printed across it, not its
    // word going on: a margin heading wider than its margin runs into the text beside it
    // (« RECOMMANDATIONS » over « La cartographie… »), the two words parted (`rule: margin-heading-overflow`).
    const overprints = end - run.x > OVERPRINT_EM * size;
    if (text !== '' && (space || run.x - end > 0.15 * size || overprints)) text += ' ';
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
    if (leadOpen && run.bold) boldLeadEnd = text.length;
    else leadOpen = false;
    const sized = (bySize.get(run.fontSize) ?? 0) + n;
    bySize.set(run.fontSize, sized);
    if (!main || sized > (bySize.get(main.fontSize) ?? 0) || (sized === bySize.get(main.fontSize) && run.fontSize > main.fontSize)) main = run;
  }
  const cleaned = cleanText(text);
  if (!main || cleaned === '') return;
  const boldLead = boldLeadEnd > 0 ? cleanText(text.slice(0, boldLeadEnd)) : '';
  out.push({ page, text: cleaned, x0, x1, y: main.y, top, bottom, size: main.fontSize, bold: boldChars * 2 > chars, boldLead: cleaned.startsWith(boldLead) ? boldLead : '', chars });
}

/**
 * How far (in em) a run may start back over the ink before it and still be the same text going on:
 * kerning and a glyph's side bearing draw a word back a tenth of an em at most, so a run starting
 * half an em before the previous run's end is another text set across it (`rule: margin-heading-overflow`).
 */
const OVERPRINT_EM = 0.5;

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

/** Body size (most characters) and body leading (most common baseline step of body lines in one column). */
export function measure(perPage: readonly Fragment[][]): Metrics {
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
    // The baselines of body-size fragments by left edge (rounded to the point): one column's lines
    // share it, so the steps between its consecutive baselines are the leading. Each edge's
    // baselines are sorted as numbers (no comparator called for every pair of fragments), the
    // edges left to right, the steps counted in that order.
    const baselinesAt = new Map<number, number[]>();
    for (const fragment of fragments) {
      if (!(Math.abs(fragment.size - bodySize) <= 0.05 * bodySize)) continue;
      const edge = Math.round(fragment.x0);
      const baselines = baselinesAt.get(edge);
      if (baselines) baselines.push(fragment.y);
      else baselinesAt.set(edge, [fragment.y]);
    }
    for (const edge of [...baselinesAt.keys()].sort((a, b) => a - b)) {
      const baselines = Float64Array.from(baselinesAt.get(edge)!).sort();
      for (let i = 1; i < baselines.length; i++) {
        const step = baselines[i]! - baselines[i - 1]!;
        if (step < 0.9 * bodySize || step > 2 * bodySize) continue;
        const key = Math.round(step * 4) / 4;
        steps.set(key, (steps.get(key) ?? 0) + 1);
      }
    }
  }
  const leading = [...steps].sort((a, b) => b[1] - a[1])[0]?.[0];
  const figureSize = keyFigureSize(perPage, bodySize);
  return { bodySize, leadingRatio: leading === undefined ? 1.2 : leading / bodySize, ...(figureSize === undefined ? {} : { figureSize }) };
}

/** A type repeated this many times is the document's figure style: figures of one project at least, not a project number alone. */
const MIN_FIGURE_REPEATS = 3;

/**
 * Whether a fragment is set as a key figure may be (`rule: figure-style`): bold, larger than the
 * body, a short text opening with its number (« 12 500 », « +18 % », « 2,3 MRD »), not a project number.
 */
function isKeyFigureType(fragment: Fragment, bodySize: number): boolean {
  // « 01 », « 02 »: the family's project numbers (sommaire, titles) open with a zero; no key figure does.
  // A figure opens with its number (« N° 9 », « Projet n°4 » are project labels).
  if (!fragment.bold || fragment.size < LARGER_THAN_BODY * bodySize) return false;
  const text = fragment.text.trim();
  return /^[+-]?\d/.test(text) && !/^0\d/.test(text) && text.length <= MAX_FIGURE_CHARS;
}

/**
 * The document's key-figure size (`rule: figure-style`): the size most fragments of a key figure's
 * type are printed in, when printed `MIN_FIGURE_REPEATS` times or more. The ~22 projects share one
 * template, so their figures share one size, whatever its ratio to the body.
 */
function keyFigureSize(perPage: readonly Fragment[][], bodySize: number): number | undefined {
  const bySize = new Map<number, number>();
  for (const fragments of perPage) {
    for (const fragment of fragments) {
      if (!isKeyFigureType(fragment, bodySize)) continue;
      const key = Math.round(fragment.size * 10) / 10;
      bySize.set(key, (bySize.get(key) ?? 0) + 1);
    }
  }
  const [size, count] = [...bySize].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0] ?? [0, 0];
  return count >= MIN_FIGURE_REPEATS ? size : undefined;
}
