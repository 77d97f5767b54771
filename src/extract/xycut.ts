/**
 * Reading order by recursive XY-cut: a page's fragments are cut into leaves along bands across
 * the page, column gutters and narrower gaps, and boxes inset in a column's text (posters,
 * "and after" boxes) are moved after that text. Thresholds are ratios of the body size.
 */
import { tableRowsAcross } from './cells.js';
import { ENDS_ON_FUNCTION_WORD, SENTENCE_FINISHED } from '../conventions.js';
import { isFigureText, type Fragment, type Metrics } from './fragments.js';
import { DISPLAY_SIZE, LARGER_THAN_BODY, SMALLER_THAN_BODY } from '../typography.js';
import { latin, startsInLowerCase, startsWithCapital } from '../alphabet.js';

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

/** The column a part makes of itself: its extent, and whether a gutter cut it. */
function ownColumn(part: readonly Fragment[], gutter: boolean): Column {
  const { colX0, colX1 } = extentOf(part);
  return { colX0, colX1, gutter };
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
 * - columns that are a table's cells (`cells.ts`: rows by the cells' vertical extents, a cell's
 *   wrapped lines kept in it) are cut into rows first, so a row's cells are read together;
 * - then any paragraph-sized horizontal gap, then any narrow vertical gap between lines
 *   (a number set beside its title), before giving up.
 * `column` is the enclosing column (list indents are measured from its left edge).
 */
export function cutRegion(fragments: readonly Fragment[], column: Column | null, metrics: Metrics, out: Leaf[]): void {
  const body = metrics.bodySize;
  // A gutter makes columns; outside them, each wide band is its own reference (a tutor block,
  // a list of references); narrower cuts stay in the reference they were cut from.
  const recurse = (parts: readonly Fragment[][], cut: 'band' | 'gutter' | 'narrow' | 'beside'): void => {
    // A cut that does not part the region (one part holds every fragment) would be cut again
    // forever: the region is a leaf.
    if (parts.some((part) => part.length === fragments.length)) {
      const own = column ?? extentOf(fragments);
      out.push({ fragments, colX0: own.colX0, colX1: own.colX1, column: own });
      return;
    }
    for (const part of parts) {
      const own = cut === 'gutter' || cut === 'beside' || column === null || (cut === 'band' && !column.gutter);
      cutRegion(part, own ? ownColumn(part, cut === 'gutter') : column, metrics, out);
    }
  };
  if (fragments.length > 1) {
    // Sorted once per axis: the bands and columns here, the narrow cuts and `floatCut` below.
    const byTop = sortedAlong(fragments, 'y');
    const byLeft = sortedAlong(fragments, 'x');
    const bands = splitSorted(byTop, 'y', 1.2 * body);
    const columns = splitSorted(byLeft, 'x', 1.5 * body);
    // Key figures whose labels bridge the gutter hide the columns above them: cut under the columns first (`rule: figure-grid-under-columns`).
    const grid = columns.parts.length === 1 ? figureGridUnderColumns(fragments, body) : null;
    if (grid) return recurse(grid, 'band');
    // A row of headings, each over its own group of columns: each group is read whole under its heading (`rule: headed-column-groups`).
    const groups = columns.gaps.length > 0 ? headedColumnGroups(fragments, bands.parts, columns.gaps, body) : null;
    if (groups) return recurse(groups, 'gutter');
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
        // A band opened by a bold line alone in the first column (a roster's heading over its
        // names in columns) is read whole, before the columns of the next band.
        const headed = bands.gaps.filter((gap) => opensWithHeading(fragments, gap, columns.parts[0]!, body));
        if (spanning.length > 0) cut = widest(spanning);
        else if (headed.length > 0) cut = widest(headed);
        // A row of figures heading the columns is read first, whatever the columns under it go on with.
        else if (isFigureRowOnTop(bands.parts[0]!, metrics)) return recurse([bands.parts[0]!, bands.parts.slice(1).flat()], 'band');
        else if (rowsAcross(bands.parts, columns.parts) || widest(bands.gaps).size >= widest(columns.gaps).size) cut = widest(bands.gaps);
      }
      if (cut) {
        const at = cut.end;
        const strips = [fragments.filter((fragment) => fragment.top < at), fragments.filter((fragment) => fragment.top >= at)];
        // Columns that go on under the gap are read down, each in full (`rule: column-flow-under-gap`),
        // and so is one column's text going on alone under a gap beside columns that ended well above it
        // (`rule: column-foot-under-gap`), unless the sentences say otherwise.
        // Unless figures set under the columns have their heading closing one of them: read down,
        // the figures would end the text of their column, before their heading (`figures-under-heading-beside`).
        const headedFigures = columns.parts.length > 1 ? figuresUnderHeadingBeside(fragments, columns.parts, metrics) : null;
        if (headedFigures) return recurse(headedFigures, 'band');
        if (columns.parts.length > 1 && readsDown(strips, columns.gaps, metrics)) return recurse(columns.parts, 'gutter');
        // A title across the columns hides their gutters: the columns under it are tried with the band under them.
        const flow = columns.parts.length > 1 ? null : columnsGoingOn(strips[0]!, strips[1]!, metrics);
        if (flow) return recurse(flow, 'band');
        return recurse(strips, 'band');
      }
    }
    if (columns.parts.length > 1) {
      const figureRow = figureRowAcross(fragments, columns.parts, metrics) ?? figuresUnderHeadingBeside(fragments, columns.parts, metrics);
      if (figureRow) return recurse(figureRow, 'band');
      const table = tableRowsAcross(fragments, columns.parts, metrics);
      if (table) return recurse(table, 'band');
      const figureRows = figureTableRows(fragments, columns.parts, body);
      if (figureRows) return recurse(figureRows, 'band');
      const tableColumn = figureTableAmongColumns(columns.parts, body);
      if (tableColumn) return recurse(tableColumn, 'gutter');
      const rows = marginHeadingRows(fragments, columns.parts, body);
      if (rows) return recurse(rows, 'band');
      // The first column ending under all the others: a box at the left that the text's last line
      // runs on under (`rule: float-left-run-on`), not a column of its own.
      const float = endsUnderTheOthers(columns.parts) ? floatCut(fragments, body, byLeft, 'left-run-on') : null;
      if (float) return recurse(float, 'band');
      return recurse(columns.parts, 'gutter');
    }
    // Key figures in a grid whose cells cross the gutters of the columns above it hide those
    // gutters: the text above is cut from the grid first (`rule: figure-grid-across-gutters`).
    const gridAcross = figureGridAcrossGutters(fragments, metrics);
    if (gridAcross) return recurse(gridAcross, 'band');
    const float = floatCut(fragments, body, byLeft);
    if (float) return recurse(float, 'band');
    const narrow = splitSorted(byTop, 'y', 0.5 * body);
    if (narrow.parts.length > 1) {
      // Strips that share column gutters are one flow of columns when the sentences say so (`rule: column-flow-under-gap`)
      // or the last strip is the columns' foot (`rule: column-foot-under-gap`).
      for (const run of columnRuns(narrow.parts, body)) {
        const pieces = columnPieces(run.strips, run.gutters);
        const evidence = downColumnsEvidence(pieces, body);
        if (evidence < 0) continue;
        // The other rules are asked only where the sentences tell nothing.
        if (evidence === 0) {
          const figures = figuresGoOn(pieces, metrics);
          const foot = !figures && isColumnFoot(columnPieces([run.strips.slice(0, -1).flat(), run.strips.at(-1)!], run.gutters), metrics);
          if (!figures && !foot && !isRunningTextColumns(run.strips, run.gutters, metrics)) continue;
        }
        const before = narrow.parts.slice(0, run.from).flat();
        const after = narrow.parts.slice(run.from + run.strips.length).flat();
        const flow = run.strips.flat();
        return recurse([before, flow, after].filter((part) => part.length > 0), 'narrow');
      }
      return recurse(narrow.parts, 'narrow');
    }
    // Only between lines: one justified line has word gaps as wide as this.
    const baselines = new Set(fragments.map((fragment) => Math.round(fragment.y)));
    const beside = baselines.size > 1 ? splitSorted(byLeft, 'x', 0.5 * body) : null;
    if (beside && beside.parts.length > 1) {
      // A figures table whose columns stand closer than a gutter (a LaTeX tabular's column gap):
      // row by row, each row's figure read before its label, as across a gutter.
      const figureRows = figureTableRows(fragments, beside.parts, body);
      if (!figureRows) return recurse(beside.parts, 'beside');
      const labelsX0 = extentOf(beside.parts.at(-1)!).colX0;
      return recurse(figureRows.flatMap((row) => [row.filter((f) => f.x0 < labelsX0), row.filter((f) => f.x0 >= labelsX0)]).filter((part) => part.length > 0), 'band');
    }
  }
  const own = column ?? extentOf(fragments);
  out.push({ fragments, colX0: own.colX0, colX1: own.colX1, column: own });
}

/** Points by which a heading's left edge and its group's may differ (set on one grid: a rounding). */
const GROUP_EDGE = 1;

/**
 * Groups of columns side by side, each under a heading of its own (`rule: headed-column-groups`):
 * a sommaire in two columns, each headed by its section (« 01/ title / P05 » rows under each).
 * The region's first band is a row of headings alone, two or more; each heading after the first
 * starts where a gutter of the region ends; and the groups cut at those gutters repeat one
 * template (the same columns at the same offsets from the group's left edge, two or more). Read
 * band by band, the first rows of every group would come before the second rows of the first;
 * a heading heads what is under it, so each group is read whole. `null` otherwise.
 */
function headedColumnGroups(fragments: readonly Fragment[], bands: readonly Fragment[][], gutters: readonly Gap[], body: number): Fragment[][] | null {
  if (bands.length < 2) return null;
  const heads = splitAlong(bands[0]!, 'x', GUTTER * body).parts;
  if (heads.length < 2 || !heads.every((head) => isHeadingAlone(head, body))) return null;
  const edges: number[] = [];
  for (const head of heads.slice(1)) {
    const left = Math.min(...head.map((fragment) => fragment.x0));
    const gutter = gutters.find((gap) => Math.abs(gap.end - left) <= GROUP_EDGE);
    if (!gutter) return null;
    edges.push(gutter.end - GROUP_EDGE);
  }
  const groupOf = (fragment: Fragment): number => edges.filter((edge) => fragment.x0 >= edge).length;
  const groups = heads.map((_, k) => fragments.filter((fragment) => groupOf(fragment) === k));
  // Each heading in its own group, and each group's columns where the first group has them.
  if (heads.some((head, k) => head.some((fragment) => groupOf(fragment) !== k))) return null;
  const offsets = (group: readonly Fragment[]): number[] => {
    const lefts = splitAlong(group, 'x', GUTTER * body).parts.map((part) => Math.min(...part.map((fragment) => fragment.x0)));
    return lefts.map((left) => left - lefts[0]!);
  };
  const template = offsets(groups[0]!);
  if (template.length < 2) return null;
  const repeats = groups.every((group) => {
    const own = offsets(group);
    return own.length === template.length && own.every((offset, i) => Math.abs(offset - template[i]!) <= GROUP_EDGE);
  });
  return repeats ? groups : null;
}

/**
 * Headings set in a left margin beside the text they head: a narrow first column holding only
 * bold lines, in two groups or more, beside columns of regular text. Read column by column, every
 * heading would come before all the text; cut into rows at each heading instead, so each heading
 * is read with the text beside it. `null` when the region is not laid out so.
 */
function marginHeadingRows(fragments: readonly Fragment[], columns: readonly Fragment[][], body: number): Fragment[][] | null {
  const [margin, ...rest] = columns;
  if (!margin || rest.length === 0 || !margin.every((fragment) => fragment.bold)) return null;
  const region = extentOf(fragments);
  const marginBox = extentOf(margin);
  if (marginBox.colX1 - marginBox.colX0 > 0.3 * (region.colX1 - region.colX0)) return null;
  if (!rest.flat().some((fragment) => !fragment.bold)) return null;
  // The text a margin heading heads is the column just beside it: a sidebar further right
  // (authors, tutors) has its own lines, which would hide where that column's paragraphs open.
  // A sidebar the text wraps around (`rule: margin-heading-float`) is no column of its own: the
  // lines under it span both, so it is taken out of the text first.
  const floated = floatedBox(rest[0]!, body);
  const text = floated ? rest[0]!.filter((fragment) => !floated.includes(fragment)) : rest[0]!;
  const tops = headingTops(margin, text, body);
  if (tops.length === 0) return null;
  // Columns further right (a sidebar) are read whole after the rows: cut into rows too, a tutor's
  // name would be parted from the line that calls him one.
  const beyond = rest.slice(1);
  const rows: Fragment[][] = tops.map(() => []);
  rows.push([]);
  // A heading may sit a little lower than the first line beside it (set smaller, or aligned on its baseline).
  const rowOf = (top: number): number => tops.filter((at) => top >= at - 0.6 * body).length;
  for (const fragment of [...margin, ...text]) rows[rowOf(fragment.top)]!.push(fragment);
  // The floated box is read whole after the row it starts beside, before the next heading's.
  if (floated) rows.splice(rowOf(Math.min(...floated.map((fragment) => fragment.top))) + 1, 0, floated);
  return [...rows, ...beyond].filter((row) => row.length > 0);
}


/** Sizes read from a PDF fall a hair short of the size set (15 pt reads 14.9999994 pt). */
const SIZE_READ_TOLERANCE = 0.01;

/**
 * Key figures set as a row across the columns (a grid spanning the columns under the text, closer
 * to it than a band gap): bold figures set apart (`isKeyFigure`) on one baseline, in two columns or more, and
 * in every column that goes on below the row's top. Cut across the columns at the row's top, the
 * text above read first, column by column, then the row, each figure with its label. `null` when
 * there is no such row, or no text above it.
 */
function figureRowAcross(fragments: readonly Fragment[], columns: readonly Fragment[][], metrics: Metrics): Fragment[][] | null {
  const body = metrics.bodySize;
  const figures = fragments.filter((fragment) => isKeyFigure(fragment, body) || isDisplayFigure(fragment, metrics)).sort((a, b) => a.top - b.top);
  for (const figure of figures) {
    const row = figures.filter((other) => Math.abs(other.y - figure.y) <= 0.3 * body);
    if (!row.every((member) => standsOverLabel(member, fragments, body))) continue;
    const held = new Set(row.map((member) => columns.findIndex((part) => part.includes(member))));
    if (held.size < 2) continue;
    const top = Math.min(...row.map((member) => member.top));
    const above = fragments.filter((fragment) => fragment.top < top);
    const below = fragments.filter((fragment) => fragment.top >= top);
    // Under the text: every column going on below the row's top holds one of its figures (figures
    // stacked in one column may stand level with another column's by chance, text beside them).
    const besideText = columns.some((part, c) => !held.has(c) && part.some((fragment) => below.includes(fragment)));
    if (above.length === 0 || besideText) return null;
    return [above, below];
  }
  return null;
}

/**
 * The topmost row of figures: the fragments `isFigure` accepts on the baseline of the highest one,
 * highest first (empty without any). The row rules each ask what stands in it.
 */
function firstFigureRow(fragments: readonly Fragment[], isFigure: (fragment: Fragment) => boolean, body: number): Fragment[] {
  const figures = fragments.filter(isFigure).sort((a, b) => a.top - b.top);
  const first = figures[0];
  if (!first) return [];
  return figures.filter((other) => Math.abs(other.y - first.y) <= SAME_LINE * body);
}

/** Figures in a row, at least: one figure alone under a column may be that column's own, read in its place. */
const MIN_FIGURES_IN_ROW = 2;

/**
 * Key figures under some columns whose heading closes another column (`rule:
 * figures-under-heading-beside`): a row of figures set apart on one baseline, two or more, each
 * over its label, below the last line of a column that ends with a heading alone and holds nothing
 * from the row's top down. A heading heads what follows it: read column by column, the figures
 * would come before their heading, at the end of the text above them. Cut at the row's top, the
 * columns are read first, the heading last, then the figures. `null` otherwise.
 */
function figuresUnderHeadingBeside(fragments: readonly Fragment[], columns: readonly Fragment[][], metrics: Metrics): Fragment[][] | null {
  const body = metrics.bodySize;
  const row = firstFigureRow(fragments, (fragment) => isKeyFigure(fragment, body) || isDisplayFigure(fragment, metrics), body);
  if (row.length < MIN_FIGURES_IN_ROW || !row.every((member) => standsOverLabel(member, fragments, body))) return null;
  const top = Math.min(...row.map((member) => member.top));
  // A column ended above the row, its last line a heading alone under text of its own, or the
  // column a heading alone, its text elsewhere (`rule: figures-under-heading-alone`: the heading
  // opened the last column, the figures were set under all of them).
  // What that column prints under the figures' row (the references going on from the column
  // beside: `rule: figures-under-heading-over-more`) is no part of it: nothing level with the row.
  const bottom = Math.max(...row.map((member) => member.bottom));
  const headed = columns.some((part) => {
    const above = part.filter((fragment) => fragment.top < top);
    const levelWithRow = part.some((fragment) => fragment.top >= top && fragment.top <= bottom);
    return above.length > 0 && !levelWithRow && (endsOnHeadingAlone(above, body) || isHeadingAlone(above, body));
  });
  if (!headed) return null;
  return [fragments.filter((fragment) => fragment.top < top), fragments.filter((fragment) => fragment.top >= top)];
}

/**
 * Whether a region's first band is a row of key figures over their labels heading the columns
 * (`rule: figure-row-over-columns`): figures set apart on one baseline, two at least, each over its
 * label, and nothing else in the band but labels (regular, smaller than the figures). A grid of
 * figures that ends one page's text may close the next page's top, over the columns the text goes
 * on in (references threaded through them): read as columns, each column would run its figure and
 * label into the text under it. Cut under the row first, each figure is read with its label.
 */
function isFigureRowOnTop(band: readonly Fragment[], metrics: Metrics): boolean {
  const body = metrics.bodySize;
  const row = firstFigureRow(band, (fragment) => isKeyFigure(fragment, body) || isDisplayFigure(fragment, metrics), body);
  const first = row[0];
  if (!first) return false;
  const labels = band.filter((fragment) => !row.includes(fragment));
  return row.length >= 2 && row.every((figure) => standsOverLabel(figure, band, body)) && labels.every((fragment) => !fragment.bold && fragment.size < first.size);
}

/**
 * How much larger than the body a key figure in a row, grid or table is set, at least: a grid's
 * 15 pt figures over a 10.5 pt body read 1.43 times the body, short of display type, a table's
 * 12 pt figures over a 10 pt body 1.2; a bold word of the text or a heading is set at the body's
 * size or a step above it (1.1 at most).
 */
const KEY_FIGURE_SIZE = 1.15;

/** A key figure set apart: bold, larger than the body by `KEY_FIGURE_SIZE` or more, a digit in a few characters. */
function isKeyFigure(fragment: Fragment, body: number): boolean {
  return fragment.bold && fragment.size >= (KEY_FIGURE_SIZE - SIZE_READ_TOLERANCE) * body && isFigureText(fragment.text);
}

/** The fewest lines of running text a column above a figure grid holds to be a column of the text (not a figure's label). */
const MIN_TEXT_COLUMN_LINES = 2;

/**
 * Key figures set as a grid across the columns at the foot of the text (`rule:
 * figure-grid-under-columns`), their labels wider than a column so that they bridge the gutter:
 * no gutter runs through the whole region, and cut into bands, or read as one, the two columns'
 * lines would interleave. The grid's first row is bold figures set apart on one baseline,
 * two at least, under two columns or more of running text (a gutter runs through everything above
 * the row's top) and standing under at least two of them; from the row's top down there is no
 * running text, only figures and their labels set apart: the region's foot. Cut at the row's top,
 * the columns above are read first, then the grid. `null` when the region is not laid out so.
 */
function figureGridUnderColumns(fragments: readonly Fragment[], body: number): Fragment[][] | null {
  const figures = fragments.filter((fragment) => isKeyFigure(fragment, body)).sort((a, b) => a.top - b.top);
  const first = figures[0];
  if (!first) return null;
  const row = figures.filter((other) => Math.abs(other.y - first.y) <= SAME_LINE * body);
  // A figure alone (a project's number in display type) makes no row: the region is not cut at it.
  if (row.length < 2) return null;
  const top = Math.min(...row.map((member) => member.top));
  const above = fragments.filter((fragment) => fragment.top < top);
  const below = fragments.filter((fragment) => fragment.top >= top);
  if (!row.every((member) => standsOverLabel(member, fragments, body)) || below.some((fragment) => isBodyText(fragment, body))) return null;
  const textColumns = splitAlong(above, 'x', GUTTER * body).parts.filter((part) => runningLines(part, body) >= MIN_TEXT_COLUMN_LINES);
  if (textColumns.length < 2) return null;
  // Under the columns: the row's figures stand under two of them at least (not a grid beside the text).
  const under = textColumns.filter((part) => {
    const extent = extentOf(part);
    return row.some((figure) => figure.x0 >= extent.colX0 - 1 && figure.x0 < extent.colX1);
  });
  if (under.length < 2) return null;
  // The grid is read row by row, each row from its figures' top: read as columns, a figure would
  // come before the figure beside it.
  const rowTops = [...new Set(figures.map((figure) => Math.round(figure.top)))].filter((at, i, all) => i === 0 || at - all[i - 1]! > SAME_LINE * body);
  const rows: Fragment[][] = rowTops.map(() => []);
  for (const fragment of below) rows[Math.max(0, rowTops.filter((at) => fragment.top >= at - SAME_LINE * body).length - 1)]!.push(fragment);
  return [above, ...rows.filter((row) => row.length > 0)];
}

/**
 * Whether a figure stands over its label: a regular line set smaller than the figure starts right
 * under it (within a body size), at its left edge. A sommaire's numbers have their titles beside them.
 */
function standsOverLabel(figure: Fragment, fragments: readonly Fragment[], body: number): boolean {
  return fragments.some((fragment) => !fragment.bold && fragment.size < figure.size && fragment.top >= figure.bottom - SAME_LINE * body && fragment.top - figure.bottom <= body && Math.abs(fragment.x0 - figure.x0) <= body);
}

/** How many lines of running text (body size, regular) a part holds. */
function runningLines(part: readonly Fragment[], body: number): number {
  return new Set(part.filter((fragment) => isBodyText(fragment, body)).map((fragment) => Math.round(fragment.y))).size;
}

/**
 * Key figures set as a grid under columns of text (`rule: figure-grid-across-gutters`), closer to
 * them than a band gap (so no band cut parts them), its cells not
 * aligned on the columns (a grid of three cells under two columns): no gutter crosses the region,
 * so the columns above would be read line by line with the grid. A row of figures in display type
 * (two or more on one baseline, `isDisplayFigure`) with text above it that parts into columns at a
 * gutter: cut at the row's top, the columns above are read first, then the grid. `null` when the
 * region has no such row.
 */
function figureGridAcrossGutters(fragments: readonly Fragment[], metrics: Metrics): Fragment[][] | null {
  const body = metrics.bodySize;
  const figures = fragments.filter((fragment) => isDisplayFigure(fragment, metrics)).sort((a, b) => a.top - b.top);
  for (const figure of figures) {
    const row = figures.filter((other) => Math.abs(other.y - figure.y) <= 0.3 * body);
    if (row.length < 2) continue;
    const top = Math.min(...row.map((member) => member.top));
    const above = fragments.filter((fragment) => fragment.top < top);
    if (above.length === 0 || splitAlong(above, 'x', GUTTER * body).parts.length < 2) return null;
    return [above, fragments.filter((fragment) => fragment.top >= top)];
  }
  return null;
}

/**
 * A key figure in display type: bold, a digit in a short text, `DISPLAY_SIZE` times the body or
 * more, or in the size the document prints its figures in (`Metrics.figureSize`, `rule: figure-style`).
 */
function isDisplayFigure(fragment: Fragment, metrics: Metrics): boolean {
  const body = metrics.bodySize;
  const display = fragment.size >= (DISPLAY_SIZE - SIZE_READ_TOLERANCE) * body || (metrics.figureSize !== undefined && Math.abs(fragment.size - metrics.figureSize) <= SIZE_READ_TOLERANCE * metrics.figureSize);
  // « 01 »: a project number (sommaire, title) opens with a zero; no key figure does.
  return fragment.bold && display && isFigureText(fragment.text) && !/^0\d/.test(fragment.text.trim());
}

/**
 * Key figures printed as a table: a column of bold figures (each line holds a digit, one line per
 * figure), each level with the top of its label in the column after it. Read column by column,
 * every figure would come before every label; cut into one row per figure instead (what lies
 * beside a figure, from its top to the next figure's, is its row). `null` when not laid out so.
 */
function figureTableRows(fragments: readonly Fragment[], columns: readonly Fragment[][], body: number): Fragment[][] | null {
  // The figures and their labels are the region's last two columns, with at most a margin
  // heading before them: rows cut across other columns (a table flowing through page columns) would cut their text.
  for (let c = 0; c + 1 < columns.length; c++) {
    if (c + 2 !== columns.length || !columns.slice(0, c).every((column) => column.every((fragment) => fragment.bold))) continue;
    const figures = [...columns[c]!].sort((a, b) => a.top - b.top);
    const labels = columns[c + 1]!;
    if (!isFigureTablePair(figures, labels, body)) continue;
    const tops = figures.slice(1).map((figure) => Math.min(figure.top, ...labels.filter((label) => Math.abs(label.top - figure.top) <= 0.3 * body).map((label) => label.top)));
    const rows: Fragment[][] = [[], ...tops.map(() => [])];
    for (const fragment of fragments) rows[tops.filter((top) => fragment.top >= top - 0.1 * body).length]!.push(fragment);
    return rows.filter((row) => row.length > 0);
  }
  return null;
}

/**
 * Whether a column holds key figures and the next one their labels, as `figureTableRows` reads
 * them: bold figures (a digit, one line each, set apart), each level with the top of a label in
 * the next column, the labels not bold.
 */
function isFigureTablePair(figuresColumn: readonly Fragment[], labels: readonly Fragment[], body: number): boolean {
  const figures = [...figuresColumn].sort((a, b) => a.top - b.top);
  if (figures.length < 2 || !figures.every((fragment) => fragment.bold && /\d/.test(fragment.text))) return false;
  if (labels.some((fragment) => fragment.bold)) return false;
  // One line per figure, set apart: not a heading's lines nor a paragraph's.
  // (No overlap is enough: rows stand as close as lines where each label holds one line.)
  if (figures.some((fragment, i) => i > 0 && fragment.top - figures[i - 1]!.bottom < 0.15 * body)) return false;
  return figures.every((figure) => labels.some((label) => Math.abs(label.top - figure.top) <= 0.3 * body));
}

/**
 * A table of key figures flowing through a page's columns (`rule: figure-table-in-page-column`):
 * in one page column, a narrow column of bold figures, each level with its label's top in the
 * column after it, the label run on from the column before (a row cut by the column break).
 * Read column by column, the page's figures would come before every label; the two are one page
 * column instead, read in its turn, where `figureTableRows` reads it row by row. `null` when no
 * columns are laid out so.
 */
function figureTableAmongColumns(columns: readonly Fragment[][], body: number): Fragment[][] | null {
  for (let c = 0; c + 1 < columns.length; c++) {
    if (!isFigureTablePair(columns[c]!, columns[c + 1]!, body)) continue;
    return [...columns.slice(0, c), [...columns[c]!, ...columns[c + 1]!], ...columns.slice(c + 2)];
  }
  return null;
}

/** A word space, in body sizes (generous: a justified line's spaces stretch). */
const SPACE_WIDTH = 0.5;

/** The width of a fragment's first word, its glyphs taken as wide on average as the fragment's. */
function firstWordWidth(fragment: Fragment): number {
  const text = fragment.text.trimStart();
  const word = text.split(/\s/u)[0] ?? '';
  return text.length === 0 ? 0 : ((fragment.x1 - fragment.x0) * word.length) / text.length;
}

/**
 * Where each margin heading after the first starts: a margin line after a gap, or one level with
 * the first line of a paragraph beside it (a heading of two lines over a one-line paragraph is
 * followed closely by the next heading). A margin line level with a line inside a paragraph goes
 * on the heading above it, even when the heading is set with a looser leading than the text.
 */
function headingTops(margin: readonly Fragment[], text: readonly Fragment[], body: number): number[] {
  const lines = (fragments: readonly Fragment[]): { top: number; bottom: number; x0: number; x1: number; text: string; firstWordWidth: number; figures: boolean }[] => {
    const byTop = new Map<number, { top: number; bottom: number; x0: number; x1: number; text: string; firstWordWidth: number; figures: boolean }>();
    for (const fragment of fragments) {
      const key = Math.round(fragment.top);
      const line = byTop.get(key);
      const leftmost = !line || fragment.x0 < line.x0;
      byTop.set(key, {
        top: Math.min(line?.top ?? Infinity, fragment.top),
        bottom: Math.max(line?.bottom ?? -Infinity, fragment.bottom),
        x0: leftmost ? fragment.x0 : line.x0,
        x1: Math.max(line?.x1 ?? -Infinity, fragment.x1),
        text: leftmost ? fragment.text : line.text,
        firstWordWidth: leftmost ? firstWordWidth(fragment) : line.firstWordWidth,
        figures: (line?.figures ?? true) && isKeyFigure(fragment, body),
      });
    }
    return [...byTop.values()].sort((a, b) => a.top - b.top);
  };
  const textLines = lines(text);
  // A paragraph starts after a gap wider than the usual one between lines.
  const gaps = textLines.slice(1).map((line, i) => line.top - textLines[i]!.bottom).filter((gap) => gap >= 0 && gap < body).sort((a, b) => a - b);
  const lineGap = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const columnRight = Math.max(...textLines.map((line) => line.x1));
  // Or after a line that stopped short: the first word of the next would have fitted after it
  // (paragraphs set with no space between them, a rubrique's text straight under the one above).
  const endsShort = (i: number): boolean => columnRight - textLines[i]!.x1 > textLines[i + 1]!.firstWordWidth + SPACE_WIDTH * body;
  const opensParagraph = (i: number): boolean => i === 0 || textLines[i]!.top - textLines[i - 1]!.bottom >= lineGap + 0.25 * body || endsShort(i - 1);
  const levelWith = (top: number): number => textLines.findIndex((line) => Math.abs(line.top - top) <= 0.35 * body);
  const marginLines = lines(margin);
  const tops: number[] = [];
  // Text above the first heading (a rubrique run on from the page before) is read before it:
  // when the heading sits level with a paragraph's first line, below regular text.
  const first = marginLines[0];
  const firstBeside = first ? levelWith(first.top) : -1;
  const runOnAbove = first !== undefined && text.some((fragment) => !fragment.bold && fragment.bottom <= first.top);
  if (first && firstBeside > 0 && opensParagraph(firstBeside) && runOnAbove) tops.push(first.top);
  for (let i = 1; i < marginLines.length; i++) {
    const line = marginLines[i]!;
    const beside = levelWith(line.top);
    // Level with a line inside a paragraph: the heading's own next line (a heading floats beside
    // the first line of its text), whatever its leading.
    if (beside >= 0 && !opensParagraph(beside)) continue;
    // A figure and its label are one cell: a margin line level with the labels under a row of key
    // figures, the line above it level with that row, goes on the heading (« LES CHIFFRES » /
    // « CLÉS »), though the labels open a paragraph (`rule: margin-heading-over-figure-labels`).
    const aboveBeside = levelWith(marginLines[i - 1]!.top);
    if (beside > 0 && aboveBeside >= 0 && aboveBeside < beside && textLines.slice(aboveBeside, beside).every((row) => row.figures)) continue;
    // A heading opens with a capital: a line in lower case (« préconisations » under « Les ») goes
    // on the heading above it, even level with the next paragraph of a one-line one.
    // (Not « p. 5 » nor « page 5 »: a page number in a sommaire's margin column starts each row.)
    if (latin('u')`^\p{Ll}{3,}`.test(line.text.trim()) && !/\d/.test(line.text)) continue;
    if (line.top - marginLines[i - 1]!.bottom >= 0.4 * body || beside >= 0) tops.push(line.top);
  }
  return tops;
}

/**
 * A box floated beside the text (a sidebar the text wraps around): columns above some line, full
 * width below it. Cut there, so the text beside the box and the box are read as columns.
 * `null` when the region is not laid out so. With `only`, that way of running on under the box
 * alone is looked for (in a region already cut into columns, where the others would mistake a
 * column's longer line for text under a box). `byX` is `fragments` sorted by left edge
 * (`sortedAlong`): each line tried is counted and cut from it without sorting again.
 */
function floatCut(fragments: readonly Fragment[], body: number, byX: readonly Fragment[], only?: 'left-run-on'): Fragment[][] | null {
  if (fragments.length > 400 || !someApart(fragments, 1.5 * body)) return null;
  const tops = [...new Set(fragments.map((fragment) => fragment.top))].sort((a, b) => b - a);
  for (const at of tops) {
    // Running on under a box at the left is the region's one line left (`underLeftBox` below): with
    // `only` that, no line above the region's last is tried.
    if (only === 'left-run-on' && tops[0]! >= at + 0.5 * body) continue;
    if (partsAbove(byX, at, 1.5 * body) !== 2) continue;
    const upper = fragments.filter((fragment) => fragment.top < at);
    const lower = fragments.filter((fragment) => fragment.top >= at);
    if (upper.length < 4 || lower.length === 0) continue;
    // Every way of running on under a box starts the next line with regular body text: without
    // one, nothing below is asked (the columns above are not even cut).
    const next = lower.filter((fragment) => fragment.top < at + 0.5 * body);
    const regularAtBodySize = (fragment: Fragment): boolean => !fragment.bold && Math.abs(fragment.size - body) <= 0.1 * body;
    if (!next.some(regularAtBodySize)) continue;
    // The fragments above, still sorted by x (a stable sort's subset is the subset's stable sort).
    const columns = splitSorted(byX.filter((fragment) => fragment.top < at), 'x', 1.5 * body);
    if (columns.parts.length !== 2 || !columns.parts.every((part) => new Set(part.map((fragment) => Math.round(fragment.top))).size >= 2)) continue;
    // The text runs on under the box: the next line is regular body text across the gutter.
    const gutter = columns.gaps[0]!;
    const across = next.some((fragment) => regularAtBodySize(fragment) && fragment.x0 < gutter.start && fragment.x1 > gutter.end);
    // The box is the narrower part: a sidebar at the right, or headings in a left margin, or a
    // sidebar at the left clearly narrower than the text (not one of two even columns).
    const [left, right] = columns.parts;
    const width = (part: readonly Fragment[]): number => Math.max(...part.map((f) => f.x1)) - Math.min(...part.map((f) => f.x0));
    const [leftWidth, rightWidth] = [width(left!), width(right!)];
    const boxedRight = rightWidth < leftWidth;
    const boxedLeft = !boxedRight && (left!.every((fragment) => fragment.bold) || (leftWidth <= 0.6 * rightWidth && runsOfText(right!, body) && !rowsAligned(left!, right!, body)));
    // Under a box at the right, a paragraph's short last line may stop in the gutter: still a
    // line wider than the text beside the box (justified text never passes its column's edge).
    const textX0 = Math.min(...left!.map((fragment) => fragment.x0));
    const widened = boxedRight && next.some((fragment) => regularAtBodySize(fragment) && fragment.x0 <= textX0 + 1 && fragment.x1 > gutter.start + body);
    // Under a box at the left, a paragraph's short last line starts under the box, where only the
    // box was (`rule: float-left-run-on`): still the text, when it is the region's one line left
    // and the text beside the box ran to its column's edge on the line before (the paragraph goes on),
    // and the box holds no body text (a box is set smaller or bold; a longer column of text is none).
    const boxX0 = Math.min(...left!.map((fragment) => fragment.x0));
    const boxType = left!.every((fragment) => fragment.bold || fragment.size < SMALLER_THAN_BODY * body);
    const underLeftBox = boxedLeft && boxType && next.some((fragment) => regularAtBodySize(fragment) && fragment.x0 <= boxX0 + 1) && lower.every((fragment) => next.includes(fragment)) && runsToItsEdge(right!, body);
    if (only === 'left-run-on' ? underLeftBox : (across || widened || underLeftBox) && (boxedRight || boxedLeft)) return [upper, lower];
  }
  return null;
}

/**
 * The box of a float (`floatCut`) at the right of the text it sits in: the narrower of the two
 * columns above the line where the text runs on under it. `null` when there is none.
 */
function floatedBox(fragments: readonly Fragment[], body: number): Fragment[] | null {
  const cut = floatCut(fragments, body, sortedAlong(fragments, 'x'));
  if (!cut) return null;
  const [left, right] = splitAlong(cut[0]!, 'x', 1.5 * body).parts;
  const width = (part: readonly Fragment[]): number => Math.max(...part.map((f) => f.x1)) - Math.min(...part.map((f) => f.x0));
  return left && right && width(right) < width(left) ? right : null;
}

/** Whether a column's last line reaches the column's right edge (justified text going on). */
function runsToItsEdge(column: readonly Fragment[], body: number): boolean {
  const lastTop = Math.max(...column.map((fragment) => fragment.top));
  const lastEnd = Math.max(...column.filter((fragment) => fragment.top >= lastTop - 0.2 * body).map((fragment) => fragment.x1));
  return lastEnd >= Math.max(...column.map((fragment) => fragment.x1)) - 0.5 * body;
}

/** Whether the first column's last line lies below the bottom of every other column. */
function endsUnderTheOthers(columns: readonly (readonly Fragment[])[]): boolean {
  const [first, ...rest] = columns;
  if (!first || rest.length === 0) return false;
  const lastTop = Math.max(...first.map((fragment) => fragment.top));
  return rest.every((column) => column.every((fragment) => fragment.bottom <= lastTop));
}

/** How far from the body size (a share of it) a fragment's size may be and still be the body's type. */
const BODY_SIZE_TOLERANCE = 0.05;

/** A fragment of running text: the body's size, not bold. */
function isBodyText(fragment: Fragment, body: number): boolean {
  return !fragment.bold && Math.abs(fragment.size - body) <= BODY_SIZE_TOLERANCE * body;
}

/**
 * A fragment in a pull-quote's type: regular, larger than the body (`LARGER_THAN_BODY`), short of a
 * key figure's size (a title or a figure is bold or larger still).
 */
function isQuoteText(fragment: Fragment, body: number): boolean {
  return !fragment.bold && fragment.size >= (LARGER_THAN_BODY - SIZE_READ_TOLERANCE) * body && fragment.size < KEY_FIGURE_SIZE * body;
}

/** Whether a part holds running text: three lines or more of regular body-size text. */
function runsOfText(part: readonly Fragment[], body: number): boolean {
  return runningLines(part, body) >= 3;
}

/**
 * Whether most lines of the left part sit on a baseline of the right part: the cells of a table
 * (a name beside its e-mail), not a box beside text set on its own leading.
 */
function rowsAligned(left: readonly Fragment[], right: readonly Fragment[], body: number): boolean {
  const baselines = [...new Set(left.map((fragment) => fragment.y))];
  const aligned = baselines.filter((y) => right.some((fragment) => Math.abs(fragment.y - y) <= 0.2 * body));
  // Lines set on a leading of their own meet the text's baselines only here and there (`rule: own-leading-not-rows`).
  const [leftStep, rightStep] = [lineStep(left), lineStep(right)];
  const ownLeading = leftStep > 0 && rightStep > 0 && Math.abs(leftStep - rightStep) > OWN_LEADING * body;
  return aligned.length * 2 >= baselines.length && !ownLeading;
}

/**
 * How far (in body sizes) two parts' line steps may differ and still be one leading: the rows of a
 * table step alike, a box set smaller steps on its own (8.5 pt type on 12 pt beside 10 pt on 13.5 pt).
 */
const OWN_LEADING = 0.1;

/** The most common step from one baseline to the next in a part (its leading; 0 with fewer than three lines). */
function lineStep(part: readonly Fragment[]): number {
  const baselines = [...new Set(part.map((fragment) => Math.round(fragment.y * 4) / 4))].sort((a, b) => a - b);
  const steps = baselines.slice(1).map((y, i) => y - baselines[i]!).sort((a, b) => a - b);
  return steps.length >= 2 ? steps[Math.floor(steps.length / 2)]! : 0;
}

/**
 * Consecutive strips of a region (cut at narrow gaps) whose lines leave the same gutters free, two
 * columns or more: the runs of strips that may be one flow of columns, each with its gutters. A run
 * opens with a strip in columns (a line across some of them, a title, would hide their gutters).
 */
function columnRuns(strips: readonly Fragment[][], body: number): { from: number; strips: Fragment[][]; gutters: Gap[] }[] {
  const runs: { from: number; strips: Fragment[][]; gutters: Gap[] }[] = [];
  let from = 0;
  while (from < strips.length) {
    let to = from;
    let gutters: Gap[] = [];
    if (splitAlong(strips[from]!, 'x', GUTTER * body).parts.length < 2) {
      from++;
      continue;
    }
    // Grow the run while the strips together still leave a gutter.
    while (to + 1 < strips.length) {
      const together = splitAlong(strips.slice(from, to + 2).flat(), 'x', GUTTER * body);
      if (together.parts.length < 2) break;
      gutters = together.gaps;
      to++;
    }
    if (to > from) runs.push({ from, strips: strips.slice(from, to + 1), gutters });
    from = to + 1;
  }
  return runs;
}

/** A gutter between columns, in body sizes: wider than any word space (as `cutRegion` cuts columns). */
const GUTTER = 1.5;

/** How far apart two fragments' tops may be and still be one line, in body sizes. */
const SAME_LINE = 0.3;

/** Whether strips of columns (the same gutters) are read down each column, by their sentences or as a column's foot. */
function readsDown(strips: readonly Fragment[][], gutters: readonly Gap[], metrics: Metrics): boolean {
  // Each strip cut at the gutters once, for every rule below.
  const pieces = columnPieces(strips, gutters);
  const evidence = downColumnsEvidence(pieces, metrics.bodySize);
  if (evidence !== 0) return evidence > 0;
  if (isColumnFoot(pieces, metrics)) return true;
  // A left margin of headings heads the rows beside it (`marginHeadingRows` reads them so): read
  // down, every heading would come before all the text (`rule: long-foot-not-beside-headings`).
  if (isMarginOfHeadings(pieces)) return false;
  return isLongColumnFoot(pieces, metrics) || figuresGoOn(pieces, metrics);
}

/** Whether the first column of every strip holds only bold lines: headings in a left margin, heading the rows beside them. */
function isMarginOfHeadings(pieces: readonly Fragment[][][]): boolean {
  return pieces.every((strip) => strip[0]!.every((fragment) => fragment.bold));
}

/**
 * Whether a column's run of key figures goes on under a gap (`rule: figure-run-under-gap`): in one
 * column, the pieces on both sides of a gap each hold a figure (`isDisplayFigure`: in display type
 * or in the document's figure size) of one size, and label text beside or under it (each
 * figure with its label in that column, not a table whose labels are the next column), and another
 * column holds running text on both sides of the gap. Read strip
 * by strip, the other columns' text would come between the first figures and the others.
 */
function figuresGoOn(pieces: readonly Fragment[][][], metrics: Metrics): boolean {
  // A label says in words what the number counts: lower case, not a sommaire's titles in capitals.
  const labelled = (piece: readonly Fragment[]): boolean => piece.some((fragment) => !fragment.bold && PROSE_LINE.test(fragment.text));
  const figureSizes = (piece: readonly Fragment[]): number[] => (labelled(piece) ? piece.filter((fragment) => isDisplayFigure(fragment, metrics)).map((fragment) => fragment.size) : []);
  for (let i = 1; i < pieces.length; i++) {
    for (let c = 0; c < pieces[i]!.length; c++) {
      const above = figureSizes(pieces[i - 1]![c]!);
      if (!figureSizes(pieces[i]![c]!).some((size) => above.some((other) => Math.abs(other - size) <= SIZE_READ_TOLERANCE * size))) continue;
      // A grid's row (a figure level with one in another column) is read row by row (`figureRowAcross`).
      const figures = pieces.flatMap((strip) => strip[c]!.filter((fragment) => isDisplayFigure(fragment, metrics)));
      const others = pieces.flatMap((strip) => strip.filter((_, k) => k !== c).flat()).filter((fragment) => isDisplayFigure(fragment, metrics));
      if (figures.some((figure) => others.some((other) => Math.abs(other.y - figure.y) <= SAME_LINE * metrics.bodySize))) continue;
      // Text beside them (not headings alone: those in a margin are cut into rows with their text by `marginHeadingRows`).
      if (pieces.some((strip) => strip.some((piece, k) => k !== c && piece.some((fragment) => !fragment.bold)))) return true;
    }
  }
  return false;
}

/**
 * A column that ran this many lines (or more) below every later column before the gap is no column
 * of a balanced body: what lies under the gap, in it alone, is its own foot.
 */
const LONG_COLUMN_LINES = 10;

/** A line of text: two words in lower case (a reference's, prose's), which no page number nor title in capitals holds. */
const PROSE_LINE = latin('u')`\p{Ll}{2,}\s+\S*\p{Ll}{2,}`;

/** Columns of one page start within this many lines of one another (a first line set larger, a quote's looser leading). */
const SAME_TOP_LINES = 2;

/**
 * Whether what lies under a gap is the foot of a column that already ran far below the columns
 * after it (`rule: column-foot-long-column`): all of it in that one column, not the last, whose
 * piece above the gap is one column (no gutter inside), starts level with (or above) the later columns (columns of text, not
 * of page numbers) and ends more than
 * `LONG_COLUMN_LINES` lines under every later column's end. Read
 * under the columns, its foot (references going on into the next column's top) would come after
 * them; a team or figures under a balanced body stand where all the columns end, and stay there.
 */
function isLongColumnFoot(pieces: readonly Fragment[][][], metrics: Metrics): boolean {
  const [upper, lower] = pieces;
  if (pieces.length !== 2 || !upper || !lower) return false;
  const held = lower.flatMap((piece, c) => (piece.length > 0 ? [c] : []));
  if (held.length !== 1 || upper[held[0]!]!.length === 0) return false;
  const after = upper.slice(held[0]! + 1).filter((piece) => piece.length > 0);
  const bottom = (piece: readonly Fragment[]): number => Math.max(...piece.map((fragment) => fragment.bottom));
  const top = (piece: readonly Fragment[]): number => Math.min(...piece.map((fragment) => fragment.top));
  const lineHeight = metrics.bodySize * metrics.leadingRatio;
  const end = bottom(upper[held[0]!]!);
  // Beside them from their top (a column of the page), not set under them (a team under references).
  const besideFromTop = after.every((piece) => top(upper[held[0]!]!) <= top(piece) + SAME_TOP_LINES * lineHeight);
  // One column of text, no gutter inside it (not a team set under the first of two columns of references).
  const oneColumn = splitAlong(upper[held[0]!]!, 'x', GUTTER * metrics.bodySize).parts.length === 1;
  // Columns of text (references, prose): words in lower case, not a sommaire's column of page numbers.
  const ofText = after.every((piece) => piece.some((fragment) => PROSE_LINE.test(fragment.text)));
  // Opening as text that goes on (`rule: long-foot-into-running-text`), not under a heading of their own: a sidebar's « TUTRICE… » heads its cards, which follow no column.
  const goOn = after.every((piece) => !firstOnLine(piece, metrics.bodySize).bold);
  return after.length > 0 && besideFromTop && oneColumn && ofText && goOn && after.every((piece) => end - bottom(piece) > LONG_COLUMN_LINES * lineHeight);
}

/**
 * A band cut under columns that a title across them keeps from being cut as columns: the strips
 * of the upper part that are columns (the same gutters as the band under them) and that band,
 * read down the columns (`readsDown`), are cut from what is above them and read as one region.
 * `null` when the upper part does not end in such columns.
 */
function columnsGoingOn(upper: readonly Fragment[], lower: readonly Fragment[], metrics: Metrics): Fragment[][] | null {
  const body = metrics.bodySize;
  const strips = splitAlong(upper, 'y', 0.5 * body).parts;
  let from = strips.length;
  let gutters: Gap[] = [];
  while (from > 0) {
    const together = splitAlong([...strips.slice(from - 1).flat(), ...lower], 'x', GUTTER * body);
    // The strips right over the band may be the first column's own paragraphs, alone in it (the
    // columns beside ended higher): they go on with the band until a strip shows the gutters
    // (`rule: column-alone-over-band`); then a line across a gutter (a title) ends the columns.
    if (together.parts.length < 2 && gutters.length > 0) break;
    if (together.parts.length >= 2 && together.gaps.length < gutters.length) break;
    if (together.parts.length >= 2) gutters = together.gaps;
    from--;
  }
  if (gutters.length === 0 || from === 0) return null;
  const columns = strips.slice(from).flat();
  if (!readsDown([columns, [...lower]], gutters, metrics)) return null;
  return [strips.slice(0, from).flat(), [...columns, ...lower]];
}

/**
 * How much better strips of columns (the same gutters) read down each column, in full, than strip
 * by strip (`rule: column-flow-under-gap`; > 0: down the columns). A column that goes on under a
 * gap, beside a column that ended higher, is the foot of that column: read strip by strip, it
 * would come after the next column. The evidence is the text's own sentences, where one piece of a
 * column meets the next piece read: a piece opening in lower case goes on from a sentence, so it
 * follows well a piece ending mid-sentence and cannot follow one that ended its sentence. So does
 * a table of key figures threaded through two frames (`rule: figure-table-flow-under-gap`): a piece
 * ending with a figure and its label followed by one opening with a figure set alike. 0 where
 * neither tells (a team under a balanced body has none).
 */
function downColumnsEvidence(pieces: readonly Fragment[][][], body: number): number {
  const acrossFirst = pieces.flat().filter((piece) => piece.length > 0);
  const downFirst = pieces[0]!.flatMap((_, c) => pieces.map((strip) => strip[c]!)).filter((piece) => piece.length > 0);
  // Headings in a left margin (a first column all bold) head the rows beside them: read down, they
  // would all come first, so a table going on beside them tells nothing of the columns' order.
  const marginOfHeadings = isMarginOfHeadings(pieces);
  // Figures level with figures in another column are a grid's row (or a sommaire's numbers in two
  // columns): its order across or down is the grid's, which no frame's threading tells.
  const grid = !marginOfHeadings && pieces.some((strip) => strip.filter((piece) => piece.some((fragment) => isKeyFigure(fragment, body))).length >= 2);
  const ends = lineEnds(body);
  const tables = marginOfHeadings || grid ? 0 : figureTableJoins(downFirst, body, ends) - figureTableJoins(acrossFirst, body, ends);
  const headings = marginOfHeadings ? 0 : headingsOverText(pieces, body) + headingsAtColumnFoot(pieces, body);
  const lists = marginOfHeadings ? 0 : listJoinsDownOverAcross(pieces, body, ends);
  return sentenceJoins(downFirst, body, ends) - sentenceJoins(acrossFirst, body, ends) + tables + headings + lists;
}

/** The first and the last fragment of a piece's lines (`firstOnLine`, `lastOnLine`). */
interface LineEnds {
  first(piece: readonly Fragment[]): Fragment;
  last(piece: readonly Fragment[]): Fragment;
}

/**
 * `firstOnLine` and `lastOnLine` found once per piece, for one `downColumnsEvidence`: every join
 * rule asks them of every piece, in both reading orders (the same piece arrays, never changed once cut).
 */
function lineEnds(body: number): LineEnds {
  const once = (find: (piece: readonly Fragment[], body: number) => Fragment): ((piece: readonly Fragment[]) => Fragment) => {
    const found = new Map<readonly Fragment[], Fragment>();
    return (piece) => {
      let end = found.get(piece);
      if (end === undefined) {
        end = find(piece, body);
        found.set(piece, end);
      }
      return end;
    };
  };
  return { first: once(firstOnLine), last: once(lastOnLine) };
}

/** How many more times a list goes on from piece to piece read down the columns than read across them (`listJoins`). */
function listJoinsDownOverAcross(pieces: readonly Fragment[][][], body: number, ends: LineEnds): number {
  // Each piece with its column's left edge (a list's indent is measured from the column's edge, not the piece's).
  const lefts = pieces[0]!.map((_, c) => Math.min(...pieces.flatMap((strip) => strip[c]!.map((fragment) => fragment.x0))));
  const withLeft = (order: 'down' | 'across'): ColumnPiece[] => {
    const cells = order === 'down' ? pieces[0]!.flatMap((_, c) => pieces.map((strip) => ({ piece: strip[c]!, left: lefts[c]! }))) : pieces.flatMap((strip) => strip.map((piece, c) => ({ piece, left: lefts[c]! })));
    return cells.filter((cell) => cell.piece.length > 0);
  };
  return listJoins(withLeft('down'), body, ends) - listJoins(withLeft('across'), body, ends);
}

/** A piece of a column with that column's left edge. */
interface ColumnPiece {
  readonly piece: readonly Fragment[];
  readonly left: number;
}

/**
 * How many times a list goes on from one piece to the next (`rule: list-flow-under-gap`): the
 * piece before ends with a line at a list indent from its column's left edge, and the next opens
 * with a line at the same indent from its own column's edge, both in body type, the foot not a
 * finished sentence and the head opening with a capital: the list's next item, at the next
 * column's head (bullets drawn, not printed, leave only the indent to tell). A list also opens
 * where the foot is its lead-in, a line ending on a colon at any indent, and the head an item at
 * the list indent (`rule: list-lead-in-join`): read strip by strip, a lead-in at a column's foot
 * would be followed by the next column's heading or a sidebar, its items read after them.
 */
function listJoins(cells: readonly ColumnPiece[], body: number, ends: LineEnds): number {
  let joins = 0;
  for (let i = 1; i < cells.length; i++) {
    const [before, after] = [cells[i - 1]!, cells[i]!];
    const foot = ends.last(before.piece);
    const head = ends.first(after.piece);
    // Items of running text: body type on both sides, the foot's item not a finished sentence, the
    // head's opening with a capital (a sentence going on in lower case is `sentenceJoins`' to weigh).
    const items = isBodyText(foot, body) && isBodyText(head, body) && !SENTENCE_FINISHED.test(foot.text.trimEnd()) && startsWithCapital(head.text.trimStart());
    // The indents are measured only between items (the foot's line gathered for them alone).
    if (!items) continue;
    const footStart = Math.min(...before.piece.filter((fragment) => Math.abs(fragment.top - foot.top) <= SAME_LINE * body).map((fragment) => fragment.x0));
    const footIndent = footStart - before.left;
    const headIndent = head.x0 - after.left;
    const nextItem = footIndent >= LIST_INDENT * body && Math.abs(footIndent - headIndent) <= SAME_LINE * body;
    const firstItem = LIST_LEAD_IN.test(foot.text.trimEnd()) && headIndent >= LIST_INDENT * body;
    if (nextItem || firstItem) joins++;
  }
  return joins;
}

/** A line announcing what follows it (« … qui s'appuie sur : »): a list's lead-in, its first item next. */
const LIST_LEAD_IN = /:$/u;

/** Lines a heading alone takes at most (a rubrique heading wrapped once in a narrow column). */
const MAX_HEADING_LINES = 2;

/** Whether a piece is a heading alone: bold lines, few, with no figure (a key figure is bold too). */
function isHeadingAlone(piece: readonly Fragment[], body: number): boolean {
  if (piece.length === 0 || !piece.every((fragment) => fragment.bold && !/\d/.test(fragment.text))) return false;
  const tops = piece.map((fragment) => fragment.top).sort((a, b) => a - b);
  const lines = tops.filter((top, i) => i === 0 || top - tops[i - 1]! > SAME_LINE * body).length;
  return lines <= MAX_HEADING_LINES;
}

/** Whether a piece's last line is a heading alone under lines of its own (a heading closing a column). */
function endsOnHeadingAlone(piece: readonly Fragment[], body: number): boolean {
  if (piece.length === 0) return false;
  const lastTop = lastOnLine(piece, body).top;
  const lastLine = piece.filter((fragment) => fragment.top >= lastTop - SAME_LINE * body);
  return lastLine.length < piece.length && isHeadingAlone(lastLine, body);
}

/** Whether a piece is running text with prose in it (a heading's text, not a table's cells or a roster's names). */
function runsOfProse(piece: readonly Fragment[], body: number): boolean {
  return runsOfText(piece, body) && piece.some((fragment) => PROSE_LINE.test(fragment.text));
}

/**
 * How many headings of a row stand over running text each (`rule: headings-over-columns`): a
 * strip holding only headings alone, one over each of two columns or more, whose columns go on
 * with running text in the next strip. A heading heads the text under it, so such a row is read
 * down each column (each heading with its text), not as a row of headings and then the columns.
 * Beside one column of running text, the others may go on with text in another type (`rule:
 * headings-over-prose-and-references`: references set smaller, words in lower case, no e-mail).
 * A table's header row (« Nom | Prénom » over names, no prose) heads cells, not running text: it counts none.
 */
function headingsOverText(pieces: readonly Fragment[][][], body: number): number {
  let count = 0;
  for (let s = 0; s + 1 < pieces.length; s++) {
    const headed = pieces[s]!.flatMap((piece, c) => (piece.length > 0 ? [c] : []));
    if (headed.length < 2 || !headed.every((c) => isHeadingAlone(pieces[s]![c]!, body))) continue;
    const under = headed.map((c) => pieces[s + 1]![c]!);
    if (under.some((piece) => runsOfProse(piece, body)) && under.every((piece) => runsOfProse(piece, body) || isTextInOtherType(piece))) count += headed.length - 1;
  }
  return count;
}

/** Text in a type other than the body's (references, a caption): lines of words in lower case, not all bold, no e-mail (not a team's cells). */
function isTextInOtherType(piece: readonly Fragment[]): boolean {
  return piece.some((fragment) => PROSE_LINE.test(fragment.text)) && !piece.every((fragment) => fragment.bold) && piece.every((fragment) => !fragment.text.includes('@'));
}

/**
 * How many columns end a strip with a heading over running text under the gap (`rule:
 * heading-at-column-foot`): a piece whose last line is a heading alone (bold, no figure), under
 * text of its own, beside another column, and whose column goes on with prose in the next strip.
 * Read strip by strip, the heading would be parted from its text by the columns beside it.
 */
function headingsAtColumnFoot(pieces: readonly Fragment[][][], body: number): number {
  let count = 0;
  for (let s = 0; s + 1 < pieces.length; s++) {
    if (pieces[s]!.filter((piece) => piece.length > 0).length < 2) continue;
    pieces[s]!.forEach((piece, c) => {
      if (endsOnHeadingAlone(piece, body) && runsOfProse(pieces[s + 1]![c]!, body)) count++;
    });
  }
  return count;
}

/**
 * How many times a table of key figures goes on from one piece to the next: the piece before ends
 * with a key figure and its label (beside or under it, and nothing else under it), the next opens
 * with a key figure in the same size and weight, its label in the piece too: the table's next row,
 * in the next frame. (A column of numbers alone, a sommaire's, holds no label.)
 */
function figureTableJoins(pieces: readonly Fragment[][], body: number, ends: LineEnds): number {
  const isLabel = (fragment: Fragment): boolean => !fragment.bold && fragment.size < SMALLER_THAN_BODY * body;
  let joins = 0;
  for (let i = 1; i < pieces.length; i++) {
    const head = ends.first(pieces[i]!);
    // The head is asked first: the piece before is searched for figures only under a figure.
    if (!isKeyFigure(head, body)) continue;
    const figures = pieces[i - 1]!.filter((fragment) => isKeyFigure(fragment, body));
    const last = figures.reduce<Fragment | null>((a, b) => (a === null || b.top > a.top ? b : a), null);
    if (!last || head.bold !== last.bold || Math.abs(head.size - last.size) > SIZE_READ_TOLERANCE * body) continue;
    const labelled = (piece: readonly Fragment[], figure: Fragment): boolean => piece.some((fragment) => isLabel(fragment) && fragment.top >= figure.top - SAME_LINE * body);
    const under = pieces[i - 1]!.filter((fragment) => fragment.top > last.bottom);
    if (labelled(pieces[i - 1]!, last) && labelled(pieces[i]!, head) && under.every(isLabel)) joins++;
  }
  return joins + inlineFigureJoins(pieces, body, ends);
}

/** A piece ending a run of key figures set inline holds this many of them at least (one bold number opening a sentence is no run). */
const MIN_INLINE_FIGURE_RUN = 2;

/**
 * How many times a run of key figures set inline (« **18,1** millions d'euros… », the figure a bold
 * lead of its label's line, at the body's size) goes on from one piece to the next (`rule:
 * inline-figure-flow-under-gap`): the piece before holds `MIN_INLINE_FIGURE_RUN` such lines or
 * more and ends with the last one's label (regular lines under it), the next opens with one in the
 * same size: the run's next figure, in the next column.
 */
function inlineFigureJoins(pieces: readonly Fragment[][], body: number, ends: LineEnds): number {
  const startsItsLine = (fragment: Fragment, piece: readonly Fragment[]): boolean => firstOnLine(piece.filter((other) => Math.abs(other.top - fragment.top) <= SAME_LINE * body), body) === fragment;
  // The figure leads its line, and its label follows on that line in regular type (numbers alone, a sommaire's, are no run of figures).
  // The bold lead is asked first: the line's other fragments are gathered only for a figure (every fragment's line, gathered, made this quadratic).
  const opensInline = (fragment: Fragment, piece: readonly Fragment[]): boolean => {
    const lead = fragment.boldLead.trim();
    if (lead === '' || !/^[+\-−]?\d/.test(lead) || !isFigureText(lead)) return false;
    return fragment.text.trim().length > lead.length || piece.some((other) => !other.bold && other.x0 > fragment.x0 && Math.abs(other.top - fragment.top) <= SAME_LINE * body);
  };
  let joins = 0;
  for (let i = 1; i < pieces.length; i++) {
    const head = ends.first(pieces[i]!);
    // The head is asked first: the piece before is searched for figures only under an inline figure.
    if (!opensInline(head, pieces[i]!)) continue;
    const figures = pieces[i - 1]!.filter((fragment) => opensInline(fragment, pieces[i - 1]!) && startsItsLine(fragment, pieces[i - 1]!));
    const last = figures.reduce<Fragment | null>((a, b) => (a === null || b.top > a.top ? b : a), null);
    if (!last || figures.length < MIN_INLINE_FIGURE_RUN || Math.abs(head.size - last.size) > SIZE_READ_TOLERANCE * body) continue;
    const under = pieces[i - 1]!.filter((fragment) => fragment.top > last.bottom);
    if (under.every((fragment) => !fragment.bold && Math.abs(fragment.size - last.size) <= SIZE_READ_TOLERANCE * body)) joins++;
  }
  return joins;
}

/** Each strip's fragments by the column (between the gutters) they lie in. */
function columnPieces(strips: readonly Fragment[][], gutters: readonly Gap[]): Fragment[][][] {
  const columnOf = (fragment: Fragment): number => {
    let column = 0;
    for (const gap of gutters) if (fragment.x0 >= gap.end - 1) column++;
    return column;
  };
  // One pass per strip: each fragment's column is found once (the passes of `readsDown` ask for these pieces again and again).
  return strips.map((strip) => {
    const pieces = Array.from({ length: gutters.length + 1 }, (): Fragment[] => []);
    for (const fragment of strip) pieces[columnOf(fragment)]!.push(fragment);
    return pieces;
  });
}

/**
 * Columns of a balanced body end within a line or so of one another: a column that ended further
 * above the longest did not run out of room (frames, a rubrique kept to its column), in line heights.
 */
const BALANCED_COLUMNS = 2;

/** A line of prose holds this many words in lower case at least (names hold none). */
const PROSE_WORDS = 2;

/** A column's foot holds this many lines of body text at least (a heading alone is no foot). */
const MIN_FOOT_LINES = 2;

/**
 * Whether what lies under a gap is the foot of the columns above it (`rule: column-foot-under-gap`):
 * running text (prose at body size, headings in bold, no e-mail: not a
 * team, not figures, not references set smaller, not a roster's names) in columns whose running
 * text goes on right above it, read under the columns it
 * would break the text's flow:
 * - in two text columns or more: strip by strip, the second column's top would come before the
 *   first column's foot (a column's text is read to its foot before the next column's);
 * - in one column that is not the last, its text ending lowest, when every column after it holds
 *   running text too (not a sidebar's cards) and ended well above (more than a balanced body's
 *   difference): strip by strip, that column's foot would come after the columns beside it.
 */
function isColumnFoot(pieces: readonly Fragment[][][], metrics: Metrics): boolean {
  const body = metrics.bodySize;
  const [upper, lower] = pieces;
  if (pieces.length !== 2 || !upper || !lower) return false;
  const held = lower.flatMap((piece, c) => (piece.length > 0 ? [c] : []));
  if (held.length === 0 || !held.every((c) => isRunningText(lower[c]!, body, MIN_FOOT_LINES) && bodyLines(upper[c]!, body) >= MIN_FOOT_LINES && isProse(upper[c]!, body))) return false;
  if (held.length >= 2) return true;
  const c = held[0]!;
  // The columns after it that hold the text's lines: a sidebar beside the text (its cards set
  // smaller, a tutor's name under its heading) is no column the text flows into, and, once a text
  // column stands after the foot's, it does not keep the foot from being read before that column
  // (`rule: column-foot-beside-sidebar`).
  const after = upper.slice(c + 1).filter((piece) => bodyLines(piece, body) >= MIN_FOOT_LINES);
  if (after.length === 0) return false;
  const bottom = (piece: readonly Fragment[]): number => Math.max(...piece.map((fragment) => fragment.bottom));
  const end = bottom(upper[c]!);
  const lineHeight = body * metrics.leadingRatio;
  return upper.every((piece) => piece.length === 0 || bottom(piece) <= end) && after.every((piece) => end - bottom(piece) > BALANCED_COLUMNS * lineHeight);
}

/** How many lines of body text a piece holds. */
function bodyLines(piece: readonly Fragment[], body: number): number {
  return new Set(piece.filter((fragment) => isBodyText(fragment, body)).map((fragment) => Math.round(fragment.y))).size;
}

/** Every word that starts in lower case (global: only ever given to `match`, which starts it from the text's start). */
const LOWER_CASE_WORDS = latin('gu')`(?:^|\s)\p{Ll}`;

/** Prose: most body lines hold words in lower case (« de », « la », verbs); a roster's names hold none. */
function isProse(piece: readonly Fragment[], body: number): boolean {
  const words = new Map<number, number>();
  for (const fragment of piece.filter((f) => isBodyText(f, body))) words.set(Math.round(fragment.y), (words.get(Math.round(fragment.y)) ?? 0) + (fragment.text.match(LOWER_CASE_WORDS)?.length ?? 0));
  const lines = [...words.values()];
  return lines.filter((count) => count >= PROSE_WORDS).length * 2 >= lines.length;
}

/**
 * Running text: prose at body size, headings in bold, no e-mail (not a team, not figures, not
 * references set smaller, not a roster's names), `minLines` body lines at least.
 */
function isRunningText(piece: readonly Fragment[], body: number, minLines: number): boolean {
  return piece.every((fragment) => !fragment.text.includes('@') && (isBodyText(fragment, body) || fragment.bold)) && bodyLines(piece, body) >= minLines && isProse(piece, body);
}

/**
 * Whether strips cut at narrow gaps (no wider than a paragraph break) are columns of running text
 * read down (`rule: column-flow-paragraph-gaps`): paragraph breaks in two columns of a body set on
 * one leading often fall level, and a title across the columns hides their gutter, so the page is
 * cut there into strips of two columns each. Every strip but the last holds running text in every
 * column it fills, two columns at least; the last is running text too, a line of it at least (a
 * column one line longer than the next, as a balanced body ends). Read strip by strip, the second
 * column's top would come before the first column's foot. A team, figures, references set smaller,
 * cards or headings in a margin are no running text and stay strip by strip.
 */
function isRunningTextColumns(strips: readonly Fragment[][], gutters: readonly Gap[], metrics: Metrics): boolean {
  const body = metrics.bodySize;
  const pieces = columnPieces(strips, gutters).map((strip) => strip.filter((piece) => piece.length > 0));
  const last = pieces.at(-1)!;
  return (
    pieces.length >= 2 &&
    pieces.slice(0, -1).every((strip) => strip.length >= 2 && strip.every((piece) => isRunningText(piece, body, 1))) &&
    last.every((piece) => isRunningText(piece, body, 1) && !piece.every((fragment) => fragment.bold))
  );
}

/** A line that stops mid-sentence: on a word in lower case, a comma, a semicolon, a colon, an apostrophe or a hyphen (the sentence must go on). */
const MID_SENTENCE = latin('u')`[\p{Ll},;:'’-]$`;

/**
 * What a piece opening in lower case after a line that neither finishes its sentence nor stops
 * mid-sentence (on a number, a capital: « 2019-2024 ») weighs: half a join, as a list item may stop
 * so without a stop (`rule: open-end-join`), where a line ending on a comma must go on.
 */
const OPEN_END_JOIN = 0.5;

/**
 * How well pieces of text follow one another: +1 where a piece opening in lower case follows one
 * stopping mid-sentence (`MID_SENTENCE`; `OPEN_END_JOIN` where the line's end tells less), −1 where
 * it follows one that ended its sentence. Only running text counts,
 * the two ends set in one type: body text, or a pull-quote's larger regular type threaded through
 * two frames (`rule: quote-flow-under-gap`); a heading, a figure, a caption or a label set smaller
 * opens and ends nothing, and no e-mail.
 */
function sentenceJoins(pieces: readonly Fragment[][], body: number, ends: LineEnds): number {
  let joins = 0;
  for (let i = 1; i < pieces.length; i++) {
    const foot = ends.last(pieces[i - 1]!);
    const head = ends.first(pieces[i]!);
    const end = foot.text.trimEnd();
    // A sentence left on an article or a preposition goes on even into a capital, a name (`rule: function-word-join`).
    const opensLower = (startsInLowerCase(head.text.trimStart()) || ENDS_ON_FUNCTION_WORD.test(end)) && !/^\S*@/.test(head.text.trimStart());
    // Body text, or a pull-quote's larger regular type, on both sides (`meetAsText`: quote-flow-under-gap, column-flow-same-face).
    if (!opensLower || !meetAsText(foot, head, body)) continue;
    joins += SENTENCE_FINISHED.test(end) || endedShort(foot, head, pieces[i - 1]!, body) ? -1 : MID_SENTENCE.test(end) ? 1 : OPEN_END_JOIN;
  }
  return joins;
}

/** How far in from its piece's left edge a line starts to be a list item's (a list indent), in body sizes. */
const LIST_INDENT = 0.4;

/**
 * Whether a piece ends with a list item whose last line stopped short of the column's edge (the
 * piece's widest line) with room left for the next piece's first word, on a word with no mark
 * after it: the item ended there though it has no full stop, so the next piece does not go on
 * from it (`rule: short-line-ends-paragraph`). A line ending on « ; » or « , » announces more (the
 * list's next item in the next column); a paragraph's line at the column's edge tells nothing
 * (ragged text stops short anywhere).
 */
export function endedShort(foot: Fragment, head: Fragment, piece: readonly Fragment[], body: number): boolean {
  if (!latin('u')`[\p{L}\p{N}]$`.test(foot.text.trimEnd())) return false;
  const lineStart = Math.min(...piece.filter((fragment) => Math.abs(fragment.top - foot.top) <= SAME_LINE * body).map((fragment) => fragment.x0));
  const pieceStart = Math.min(...piece.map((fragment) => fragment.x0));
  if (lineStart - pieceStart < LIST_INDENT * body) return false;
  const edge = Math.max(...piece.map((fragment) => fragment.x1));
  const word = head.text.trimStart().split(/\s+/)[0] ?? '';
  const perChar = (head.x1 - head.x0) / Math.max(1, head.text.length);
  return (word.length + 1) * perChar < edge - foot.x1;
}


/**
 * Whether a piece's last line and the next piece's first line can be one sentence going on: both
 * body text, or both set alike in a display face no smaller than the body and not bold (a
 * pull-quote cut by a column break goes on in the next column in its own larger italics:
 * `rule: column-flow-same-face`). A caption or a reference set smaller still opens and ends nothing.
 */
function meetAsText(foot: Fragment, head: Fragment, body: number): boolean {
  if (isBodyText(foot, body) && isBodyText(head, body)) return true;
  const alike = Math.abs(foot.size - head.size) <= BODY_SIZE_TOLERANCE * body;
  return alike && !foot.bold && !head.bold && foot.size >= body;
}

/** The first fragment of a piece's first line (the leftmost of its topmost). */
function firstOnLine(piece: readonly Fragment[], body: number): Fragment {
  // Asked of every piece, in both reading orders, by each join rule: two passes, no arrays.
  let top = Infinity;
  for (const fragment of piece) top = Math.min(top, fragment.top);
  let first: Fragment | undefined;
  for (const fragment of piece) {
    if (fragment.top <= top + SAME_LINE * body && (first === undefined || fragment.x0 < first.x0)) first = fragment;
  }
  return first!;
}

/** The last fragment of a piece's last line (the rightmost of its lowest). */
function lastOnLine(piece: readonly Fragment[], body: number): Fragment {
  let top = -Infinity;
  for (const fragment of piece) top = Math.max(top, fragment.top);
  let last: Fragment | undefined;
  for (const fragment of piece) {
    if (fragment.top >= top - SAME_LINE * body && (last === undefined || fragment.x1 > last.x1)) last = fragment;
  }
  return last!;
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

/** Whether the first line after a gap is bold and lies wholly in the first column, with nothing beside it. */
function opensWithHeading(fragments: readonly Fragment[], gap: Gap, firstColumn: readonly Fragment[], body: number): boolean {
  const line = fragments.filter((fragment) => fragment.top >= gap.end - 1 && fragment.top < gap.end + 0.5 * body);
  return line.length > 0 && line.every((fragment) => fragment.bold && firstColumn.includes(fragment));
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

/** Fragments in the order `splitAlong` sweeps them: by top (y) or left edge (x), ties in their order. */
const BY_TOP = (a: Fragment, b: Fragment): number => a.top - b.top;
const BY_LEFT = (a: Fragment, b: Fragment): number => a.x0 - b.x0;

/** A copy of fragments sorted along an axis (stably: `BY_TOP` or `BY_LEFT`). */
function sortedAlong(fragments: readonly Fragment[], axis: 'x' | 'y'): Fragment[] {
  return fragments.slice().sort(axis === 'y' ? BY_TOP : BY_LEFT);
}

/**
 * Splits fragments at every gap of at least `gap` points across the whole region, along y
 * (bands) or x (columns), and lists those gaps.
 */
function splitAlong(fragments: readonly Fragment[], axis: 'x' | 'y', gap: number): { parts: Fragment[][]; gaps: Gap[] } {
  return splitSorted(sortedAlong(fragments, axis), axis, gap);
}

/**
 * `splitAlong` on fragments already sorted along the axis (`sortedAlong`): `cutRegion` asks for
 * bands and columns at two widths each, from one sort per axis.
 */
function splitSorted(sorted: readonly Fragment[], axis: 'x' | 'y', gap: number): { parts: Fragment[][]; gaps: Gap[] } {
  const parts: Fragment[][] = [];
  const gaps: Gap[] = [];
  let current: Fragment[] = [];
  let reach = -Infinity;
  for (const fragment of sorted) {
    const start = axis === 'y' ? fragment.top : fragment.x0;
    const space = start - reach;
    if (current.length > 0 && space >= gap) {
      parts.push(current);
      gaps.push({ start: reach, end: start, size: space });
      current = [];
    }
    current.push(fragment);
    reach = Math.max(reach, axis === 'y' ? fragment.bottom : fragment.x1);
  }
  if (current.length > 0) parts.push(current);
  return { parts, gaps };
}

/**
 * Whether two of the fragments stand `gap` apart across x (one ends that far left of where another
 * starts): without such a pair no subset of them parts into columns (`partsAbove` is 1 at every
 * line), so `floatCut` asks this once before trying every line of a region of one column.
 */
function someApart(fragments: readonly Fragment[], gap: number): boolean {
  let lastStart = -Infinity;
  let firstEnd = Infinity;
  for (const fragment of fragments) {
    lastStart = Math.max(lastStart, fragment.x0);
    firstEnd = Math.min(firstEnd, fragment.x1);
  }
  return lastStart - firstEnd >= gap;
}

/**
 * How many parts `splitAlong(above, 'x', gap)` would make of the fragments whose top lies above
 * `at`, counted on fragments already sorted by x (a stable sort of a subset is the subset of the
 * sorted whole), without building them: `floatCut` asks it for every line of a region.
 */
function partsAbove(byX: readonly Fragment[], at: number, gap: number): number {
  let parts = 0;
  let reach = -Infinity;
  for (const fragment of byX) {
    if (fragment.top >= at) continue;
    if (parts === 0 || fragment.x0 - reach >= gap) parts++;
    reach = Math.max(reach, fragment.x1);
  }
  return parts;
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
  // The leaf read just before the run, in its column: a heading right over it owns it.
  let before: Leaf | null = null;
  // The leaf read just after the run: set off alike right under it, it is what the run heads.
  const flush = (next: Leaf | null): void => {
    if (run.length === 0) return;
    const lines = run.reduce((sum, leaf) => sum + new Set(leaf.fragments.map((fragment) => Math.round(fragment.y))).size, 0);
    const heads = (before && headsInsetRun(before, run[0]!, metrics)) || (next && opensSetOffBlock(run.at(-1)!, next, metrics));
    if (lines >= 3 && !heads) for (const leaf of run) floats.add(leaf);
    run = [];
  };
  for (const leaf of leaves) {
    if (run.length > 0 && run[0]!.column !== leaf.column) flush(null);
    const edges = text.get(leaf.column);
    if (edges && isInsetBox(leaf, edges, metrics)) {
      if (run.length === 0 && before?.column !== leaf.column && !(before && cellWithin(before, leaf))) before = null;
      run.push(leaf);
    } else {
      flush(leaf);
      before = leaf;
    }
  }
  flush(null);
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

/**
 * Whether a leaf is a heading set right over an inset run in the same column (« POUR EN SAVOIR
 * PLUS » over its indented references), or a block indented alike right over it: the run is that
 * heading's content or that block's end, in its place, not a box to read after the column's text.
 * A heading is one or two bold lines; either is within 1.5 body of the run.
 */
function headsInsetRun(heading: Leaf, first: Leaf, metrics: Metrics): boolean {
  const cell = cellWithin(heading, first);
  if (heading.column !== first.column && !cell) return false;
  const bottom = Math.max(...heading.fragments.map((fragment) => fragment.bottom));
  const top = Math.min(...first.fragments.map((fragment) => fragment.top));
  if (top < bottom || top - bottom > 1.5 * metrics.bodySize) return false;
  // A cell cut beside its figure within the column, at the run's indent: the run goes on in that cell (`rule: inset-continues-cell`).
  if (cell) return Math.abs(leftEdge(heading) - leftEdge(first)) <= SAME_INDENT;
  // The same indent right above: the run ends a block set off alike (a pull-quote's signature
  // under its quote, both beside one rule), not a box inset in the text.
  if (sameIndent(heading, first, metrics)) return true;
  return heading.fragments.every((fragment) => fragment.bold) && new Set(heading.fragments.map((fragment) => Math.round(fragment.y))).size <= 2;
}

/** How far apart two leaves' left edges may be and still be one indent, in points (a rule's glyph offsets). */
const SAME_INDENT = 1.5;

/** A leaf's left edge: its leftmost fragment's. */
function leftEdge(leaf: Leaf): number {
  return Math.min(...leaf.fragments.map((fragment) => fragment.x0));
}

/**
 * Whether a leaf is a cell cut beside another within a column (a key figure's label beside its
 * figure, each in a column of its own) and the next leaf lies in that column: a run inset in the
 * column right under the cell, at its indent, is the rest of the cell (its label's paragraph
 * under it, `rule: inset-continues-cell`), not a box to read after the column's text.
 */
function cellWithin(cell: Leaf, next: Leaf): boolean {
  return cell.column !== next.column && cell.colX0 >= next.colX0 && cell.colX1 <= next.colX1;
}

/** Whether two leaves start at one indent, inset from their column's edge: one block set off beside one rule. */
function sameIndent(a: Leaf, b: Leaf, metrics: Metrics): boolean {
  return Math.abs(leftEdge(a) - leftEdge(b)) <= SAME_INDENT && leftEdge(a) > a.colX0 + 0.4 * metrics.bodySize;
}

/**
 * Whether an inset run's last leaf heads the leaf right under it, set at the same indent in the
 * same column (`rule: set-off-block-head`): a testimony's signature and question over its quote
 * set larger, all beside one rule, is the head of that block, read in its place before the quote.
 */
function opensSetOffBlock(last: Leaf, next: Leaf, metrics: Metrics): boolean {
  if (last.column !== next.column) return false;
  const bottom = Math.max(...last.fragments.map((fragment) => fragment.bottom));
  const top = Math.min(...next.fragments.map((fragment) => fragment.top));
  return top >= bottom && top - bottom <= 1.5 * metrics.bodySize && sameIndent(last, next, metrics);
}

/** Whether every fragment of a leaf is set smaller than the body and inset from both edges of the column's body text. */
function isInsetBox(leaf: Leaf, text: Column, metrics: Metrics): boolean {
  const inset = 0.4 * metrics.bodySize;
  const margin = 0.02 * (text.colX1 - text.colX0);
  return leaf.fragments.every(
    (fragment) => fragment.size < 0.95 * metrics.bodySize && fragment.x0 >= text.colX0 + inset && fragment.x1 <= text.colX1 - margin,
  );
}
