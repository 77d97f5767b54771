/**
 * Table cells as a word processor lays them out, without drawn borders: a row's cells side by
 * side, a cell's text wrapped on several lines inside it, and a short cell set at the row's
 * middle (« Prénom | e-mail » with the name wrapped) or at its top (« 01 title… | page » with the
 * title and organisation on three lines). Read by baseline, such rows interleave their cells'
 * lines; read by column, a page column comes after every title. Here a row is rebuilt from the
 * cells' geometry: cells side by side that overlap vertically share a row, and a cell's further
 * lines (set at the body leading, same style; or in another style, starting where a cell of the
 * line above starts: the organisation in italics under a bold title) stay in it. Pure geometry
 * over fragments.
 */
import type { Fragment, Metrics } from './fragments.js';

/** How much two fragments side by side must overlap vertically to share a row: a quarter of the smaller one's height. */
const ROW_OVERLAP = 0.25;
/** Lines of one cell of one row, at most: more is running text in columns, not a table. */
const MAX_CELL_LINES = 6;

/** Whether two fragments sit side by side (no horizontal overlap) and overlap vertically. */
function besideAndLevel(a: Fragment, b: Fragment): boolean {
  if (a.x1 > b.x0 && b.x1 > a.x0) return false;
  const overlap = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
  return overlap >= ROW_OVERLAP * Math.min(a.bottom - a.top, b.bottom - b.top);
}

/** Smallest element of a union-find forest, with path halving. */
function find(parent: number[], i: number): number {
  while (parent[i] !== i) {
    parent[i] = parent[parent[i]!]!;
    i = parent[i]!;
  }
  return i;
}

function union(parent: number[], a: number, b: number): void {
  const [ra, rb] = [find(parent, a), find(parent, b)];
  if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
}

/**
 * Reorders a region's printed lines (fragments grouped by baseline, top to bottom) so that lines
 * of different baselines whose fragments sit side by side and overlap vertically (a cell set at a
 * row's middle beside a cell wrapped on two lines) are read cell by cell: each cell's lines top
 * to bottom, cells left to right. Other lines keep their place.
 * @param lines The region's lines, top to bottom, each a list of fragments on one baseline.
 * @returns The same fragments, as lines in reading order (a cell's lines apart from its neighbour's).
 */
export function cellOrderedLines(lines: readonly (readonly Fragment[])[]): Fragment[][] {
  const parent = lines.map((_, i) => i);
  let linked = false;
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length; j++) {
      const below = lines[j]!;
      // Lines further down than the lowest bottom of this one cannot overlap it.
      if (Math.min(...below.map((f) => f.top)) >= Math.max(...lines[i]!.map((f) => f.bottom))) break;
      if (lines[i]!.some((a) => below.some((b) => besideAndLevel(a, b)))) {
        union(parent, i, j);
        linked = true;
      }
    }
  }
  if (!linked) return lines.map((line) => [...line]);
  const groups = new Map<number, number[]>();
  lines.forEach((_, i) => groups.set(find(parent, i), [...(groups.get(find(parent, i)) ?? []), i]));
  const out: Fragment[][] = [];
  for (const [, members] of [...groups].sort((a, b) => a[0] - b[0])) {
    // A long run of linked lines is text beside text, not a row of cells: keep it as printed.
    if (members.length === 1 || members.length > 2 * MAX_CELL_LINES) {
      for (const i of members) out.push([...lines[i]!]);
      continue;
    }
    const cells = cellsOf(members.flatMap((i) => lines[i]!));
    // A cell holds one text wrapped (one style); a name over its role beside a heading is a card beside a column.
    if (!cells.every(oneStyle)) {
      for (const i of members) out.push([...lines[i]!]);
      continue;
    }
    for (const cell of cells) out.push(...byBaseline(cell));
  }
  return out;
}

/** Whether a cell's fragments are all in one weight and size: one text wrapped. */
function oneStyle(cell: readonly Fragment[]): boolean {
  const first = cell[0]!;
  return cell.every((fragment) => fragment.bold === first.bold && Math.abs(fragment.size - first.size) <= 0.06 * Math.max(fragment.size, first.size));
}

/** A row's fragments cut into cells: fragments whose horizontal extents overlap, left to right. */
function cellsOf(fragments: readonly Fragment[]): Fragment[][] {
  const sorted = [...fragments].sort((a, b) => a.x0 - b.x0);
  const cells: Fragment[][] = [];
  let reach = -Infinity;
  for (const fragment of sorted) {
    if (cells.length === 0 || fragment.x0 >= reach) cells.push([]);
    cells.at(-1)!.push(fragment);
    reach = Math.max(reach, fragment.x1);
  }
  return cells;
}

/** Fragments grouped into lines (baselines within a fifth of the smaller size), top to bottom. */
export function byBaseline(cell: readonly Fragment[]): Fragment[][] {
  const sorted = [...cell].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const lines: Fragment[][] = [];
  for (const fragment of sorted) {
    const line = lines.at(-1);
    if (line && Math.abs(fragment.y - line[0]!.y) <= 0.2 * Math.min(fragment.size, line[0]!.size)) line.push(fragment);
    else lines.push([fragment]);
  }
  return lines;
}

/** One printed line of one column of a region. */
interface ColumnLine {
  readonly column: number;
  readonly fragments: Fragment[];
  readonly top: number;
  readonly bottom: number;
}

/**
 * Rows of a table whose columns a gutter separates: lines of different columns that overlap
 * vertically share a row, and a line beside nothing continues the row above when it follows the
 * line above it in its column at the leading, in the same style (a wrapped title) or starting
 * where a cell of that line starts (the organisation in italics under the title: `underCellLine`). It is a table, not text in columns, only when rows hold several
 * columns, some cell holds more lines than a row's baseline, and rows stand further apart than
 * the lines inside a cell (cell padding). `null` otherwise, and when every row is one line in each
 * column (reading column by column loses nothing a reader would not also lose).
 * @param fragments The region's fragments.
 * @param columns The region cut at its gutters, left to right.
 * @param metrics Body size and leading.
 * @returns The rows, top to bottom, or `null`.
 */
export function tableRowsAcross(fragments: readonly Fragment[], columns: readonly (readonly Fragment[])[], metrics: Metrics): Fragment[][] | null {
  if (columns.length < 2 || fragments.length > 400) return null;
  const body = metrics.bodySize;
  const lines: ColumnLine[] = [];
  columns.forEach((part, column) => {
    for (const line of byBaseline(part)) {
      lines.push({ column, fragments: line, top: Math.min(...line.map((f) => f.top)), bottom: Math.max(...line.map((f) => f.bottom)) });
    }
  });
  lines.sort((a, b) => a.top - b.top || a.column - b.column);
  const parent = lines.map((_, i) => i);
  const level = (a: ColumnLine, b: ColumnLine): boolean => a.fragments.some((f) => b.fragments.some((g) => besideAndLevel(f, g)));
  const beside = new Set<number>();
  for (let i = 0; i < lines.length; i++) {
    for (let j = i + 1; j < lines.length && lines[j]!.top < lines[i]!.bottom; j++) {
      if (lines[i]!.column !== lines[j]!.column && level(lines[i]!, lines[j]!)) {
        union(parent, i, j);
        beside.add(i).add(j);
      }
    }
  }
  // A line beside nothing continues the cell above it in its column (set at the leading, same style).
  const inCellGaps: number[] = [];
  // The index of the last line read so far in each column: the line above the next one there.
  const lastInColumn = new Map<number, number>();
  lines.forEach((line, i) => {
    const aboveIndex = lastInColumn.get(line.column);
    lastInColumn.set(line.column, i);
    if (aboveIndex === undefined) return;
    const above = lines[aboveIndex]!;
    const [a, b] = [above.fragments[0]!, line.fragments[0]!];
    const alike = a.bold === b.bold && Math.abs(a.size - b.size) <= 0.06 * Math.max(a.size, b.size);
    const step = b.y - a.y;
    const close = step <= (metrics.leadingRatio + 0.1) * b.size;
    const continues = close && (alike || underCellLine(above.fragments, line.fragments, beside.has(i)));
    if (!beside.has(i) && continues) union(parent, i, aboveIndex);
    if (continues && find(parent, i) === find(parent, aboveIndex)) inCellGaps.push(line.top - above.bottom);
  });
  // A cell's lines apart from the lines beside it are what makes a table: none, no table (asked before the rows are gathered).
  if (inCellGaps.length === 0) return null;
  const rows = new Map<number, ColumnLine[]>();
  lines.forEach((line, i) => {
    const root = find(parent, i);
    const row = rows.get(root);
    if (row) row.push(line);
    else rows.set(root, [line]);
  });
  // The counts first, on the rows in any order: columns of running text make one long row, never sorted.
  const spread = (row: readonly ColumnLine[]): number => new Set(row.map((line) => line.column)).size;
  const perColumn = (row: readonly ColumnLine[]): number[] => columns.map((_, c) => row.filter((line) => line.column === c).length);
  if ([...rows.values()].some((row) => perColumn(row).some((n) => n > MAX_CELL_LINES))) return null;
  if ([...rows.values()].filter((row) => spread(row) >= 2).length < 2) return null;
  const topOf = new Map([...rows.values()].map((row) => [row, Math.min(...row.map((l) => l.top))]));
  const ordered = [...rows.values()].sort((a, b) => topOf.get(a)! - topOf.get(b)!);
  const multi = ordered.filter((row) => spread(row) >= 2);
  if (!alikeDownColumns(multi, columns.length) || !multi.every((row) => cellsAligned(row, body))) return null;
  // Rows apart by more than a cell's lines (the cell padding), and never overlapping.
  const widestInCell = Math.max(...inCellGaps);
  for (let r = 1; r < ordered.length; r++) {
    const gap = Math.min(...ordered[r]!.map((l) => l.top)) - Math.max(...ordered[r - 1]!.map((l) => l.bottom));
    if (gap < widestInCell + 0.15 * body) return null;
  }
  return ordered.map((row) => row.flatMap((line) => line.fragments));
}

/** How far (points) a cell's next line may start from the left edge of the line above it and still be the same cell's. */
const CELL_EDGE = 1;

/**
 * A cell's further line in another style (the organisation in italics under a bold title, in a
 * sommaire set as cells): beside nothing in the other columns, and starting where a fragment of
 * the line above starts (the title's cell, beside a number cell in the same column). Text in
 * another style under a cell but not aligned on it (an indented note) stays apart.
 */
function underCellLine(above: readonly Fragment[], line: readonly Fragment[], besideSomething: boolean): boolean {
  if (besideSomething) return false;
  const left = Math.min(...line.map((fragment) => fragment.x0));
  return above.some((fragment) => Math.abs(fragment.x0 - left) <= CELL_EDGE);
}

/**
 * Whether a row's cells are aligned as a table aligns them: on their tops, their middles or their
 * bottoms. Text of two unrelated columns (a sidebar beside the team) overlaps at random heights.
 */
function cellsAligned(row: readonly ColumnLine[], body: number): boolean {
  const cells = new Map<number, { top: number; bottom: number }>();
  for (const line of row) {
    const cell = cells.get(line.column);
    cells.set(line.column, { top: Math.min(cell?.top ?? Infinity, line.top), bottom: Math.max(cell?.bottom ?? -Infinity, line.bottom) });
  }
  const [first, ...rest] = [...cells.values()];
  const near = (a: number, b: number): boolean => Math.abs(a - b) <= 0.3 * body;
  // Middles compared as sums of top and bottom: within 0.15 body of each other.
  return rest.every((cell) => near(cell.top, first!.top) || near(cell.bottom, first!.bottom) || near(cell.top + cell.bottom, first!.top + first!.bottom));
}

/**
 * Whether each column keeps one style down the rows (a header row may differ in weight only): a
 * table's column holds one kind of text. Rows that alternate styles (big figures, then their
 * labels under them) are cards side by side, read column by column.
 */
function alikeDownColumns(rows: readonly (readonly ColumnLine[])[], columns: number): boolean {
  const styleOf = (row: readonly ColumnLine[], column: number): Fragment | undefined => row.find((line) => line.column === column)?.fragments[0];
  const sameSize = (a: Fragment, b: Fragment): boolean => Math.abs(a.size - b.size) <= 0.06 * Math.max(a.size, b.size);
  for (let column = 0; column < columns; column++) {
    const styles = rows.map((row) => styleOf(row, column)).filter((style) => style !== undefined);
    const [first, ...rest] = styles;
    if (!first || rest.length === 0) continue;
    const model = rest[0]!;
    if (!rest.every((style) => style.bold === model.bold && sameSize(style, model))) return false;
    if (!sameSize(first, model)) return false;
  }
  return true;
}
