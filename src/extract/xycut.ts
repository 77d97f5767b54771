/**
 * Reading order by recursive XY-cut: a page's fragments are cut into leaves along bands across
 * the page, column gutters and narrower gaps, and boxes inset in a column's text (posters,
 * "and after" boxes) are moved after that text. Thresholds are ratios of the body size.
 */
import type { Fragment, Metrics } from './fragments.js';

/** A region of the page that the XY-cut could not split further, with the column it lies in. */
export interface Leaf {
  readonly fragments: readonly Fragment[];
  /** Left and right edges of the enclosing column (the page's text area when there is none). */
  readonly colX0: number;
  readonly colX1: number;
  /** The region the cut made this leaf's column from: leaves sharing it are one column's flow. */
  readonly column: Column;
}

/** Left and right edges of a column of text. */
export interface Column {
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
export function cutRegion(fragments: readonly Fragment[], column: Column | null, metrics: Metrics, out: Leaf[]): void {
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
export function placeFloats(leaves: readonly Leaf[], metrics: Metrics): Leaf[] {
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
