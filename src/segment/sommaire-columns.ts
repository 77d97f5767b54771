/**
 * A sommaire set in columns, read as the columns print it (`rule: sommaire-columns-by-numbers`).
 *
 * Entries set in two columns whose rows line up leave a white band across the page under each row,
 * so the layout reads the page row by row: « 01 », « 03 », then « 02 », « 04 ». Which way the table
 * runs only its numbers tell: they go up down each column. When the page's number cells stand at
 * two left edges or more and read in order column after column but not in the reading order, the
 * page's sommaire blocks are put in column order (each column top to bottom, as read), so that
 * every entry and the section title heading its column come in the sommaire's order.
 */
import type { Vocabulary } from '../profile.js';
import type { Block } from '../types.js';
import { numberAtStart } from './sommaire.js';

/** Points by which the left edges of one column's number cells may differ (one template, a rounding or an indent of a wider number). */
const COLUMN_EDGE_TOLERANCE = 4;

/** Number cells a page needs for its numbers to say which way its table runs. */
const MIN_NUMBER_CELLS = 3;

/**
 * White, in body line heights, under a column's last number beyond which a block of that column is
 * no entry's line but what the page prints under the table (the colophon, a date): entries are set
 * a line or two apart.
 */
const MAX_ENTRY_GAP_LINES = 4;

/** A project number cell of the sommaire page, where it is printed. */
interface NumberCell {
  readonly index: number;
  readonly numero: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The blocks with each sommaire page set in columns read column after column when its numbers say
 * the reading order crossed the columns (see the module's comment); the same array otherwise.
 * @param blocks The document's blocks, in reading order.
 * @param from Index of the first block after the sommaire heading.
 * @param vocabulary The family's project labels.
 * @param bodyLineHeight Baseline-to-baseline distance of body lines, in points (PDF input).
 * @returns The blocks, the sommaire pages' blocks perhaps in another order (no block added or lost).
 */
export function sommaireColumnsInOrder(blocks: readonly Block[], from: number, vocabulary: Vocabulary, bodyLineHeight: number | undefined): readonly Block[] {
  if (bodyLineHeight === undefined || !blocks[from]?.box) return blocks;
  const ordered = [...blocks];
  let changed = false;
  let lastNumero = 0;
  let start = from;
  while (start < blocks.length) {
    const page = blocks[start]!.page;
    let end = start;
    while (end < blocks.length && blocks[end]!.page === page) end++;
    const cells = numberCells(blocks, start, end, vocabulary);
    if (cells.length < MIN_NUMBER_CELLS) break;
    const edges = columnEdges(cells);
    const byColumn = [...cells].sort((a, b) => columnOf(edges, a.x) - columnOf(edges, b.x) || a.y - b.y);
    const numbers = byColumn.map((cell) => cell.numero);
    // The numbers go on from the page before and up down the columns: else this is no sommaire page.
    if (numbers[0]! <= lastNumero || !ascending(numbers)) break;
    if (edges.length >= 2 && !ascending(cells.map((cell) => cell.numero))) {
      ordered.splice(start, end - start, ...inColumns(blocks, start, end, edges, cells, MAX_ENTRY_GAP_LINES * bodyLineHeight));
      changed = true;
    }
    lastNumero = numbers.at(-1)!;
    start = end;
  }
  return changed ? ordered : blocks;
}

/** The page's blocks that open with a labelled project number (« 01/ », « PROJET 01 »), with their position. */
function numberCells(blocks: readonly Block[], start: number, end: number, vocabulary: Vocabulary): NumberCell[] {
  const cells: NumberCell[] = [];
  for (let i = start; i < end; i++) {
    const block = blocks[i]!;
    const number = numberAtStart(block.lines[0]?.text ?? block.text, vocabulary, true);
    if (number?.labelled && block.box) cells.push({ index: i, numero: number.numero, x: block.box.x, y: block.box.y });
  }
  return cells;
}

/** The left edges the number cells share, left to right. */
function columnEdges(cells: readonly NumberCell[]): number[] {
  const edges: number[] = [];
  for (const x of cells.map((cell) => cell.x).sort((a, b) => a - b)) {
    if (edges.length === 0 || x - edges.at(-1)! > COLUMN_EDGE_TOLERANCE) edges.push(x);
  }
  return edges;
}

/** The column a left edge falls in: the last column edge at or left of it (the first column for what stands left of every edge). */
function columnOf(edges: readonly number[], x: number): number {
  let column = 0;
  edges.forEach((edge, k) => {
    if (x + COLUMN_EDGE_TOLERANCE >= edge) column = k;
  });
  return column;
}

function ascending(numbers: readonly number[]): boolean {
  return numbers.every((numero, k) => k === 0 || numero > numbers[k - 1]!);
}

/**
 * The page's blocks column after column: first what spans the columns above the first number,
 * then each column's blocks in reading order, then the rest (what spans the columns lower down,
 * and a column's blocks set apart under its last entry by more than `maxGap` points).
 */
function inColumns(blocks: readonly Block[], start: number, end: number, edges: readonly number[], cells: readonly NumberCell[], maxGap: number): Block[] {
  const top = Math.min(...cells.map((cell) => cell.y));
  const above: Block[] = [];
  const columns: Block[][] = edges.map(() => []);
  const rest: Block[] = [];
  for (let i = start; i < end; i++) {
    const block = blocks[i]!;
    const box = block.box;
    if (!box) {
      rest.push(block);
      continue;
    }
    const column = columnOf(edges, box.x);
    const next = edges[column + 1];
    const spans = next !== undefined && box.x + box.width > next + COLUMN_EDGE_TOLERANCE;
    if (spans) (box.y < top ? above : rest).push(block);
    else columns[column]!.push(block);
  }
  const kept = columns.map((column, k) => {
    const lastNumber = Math.max(...cells.filter((cell) => columnOf(edges, cell.x) === k).map((cell) => cell.y));
    let bottom = -Infinity;
    return column.filter((block) => {
      const box = block.box!;
      const apart = box.y > lastNumber && bottom > -Infinity && box.y - bottom > maxGap;
      if (apart) {
        rest.push(block);
        return false;
      }
      bottom = Math.max(bottom, box.y + box.height);
      return true;
    });
  });
  return [...above, ...kept.flat(), ...rest.sort((a, b) => blocks.indexOf(a) - blocks.indexOf(b))];
}
