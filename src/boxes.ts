/**
 * Where blocks stand on their page (PDF input): the geometry the parse stage and the self-check
 * both ask of two blocks' boxes.
 */
import type { Block, BlockBox } from './types.js';

/** Whether two boxes on a page share some width (a box of no width counts as one point wide). */
export function sharesWidth(a: BlockBox, b: BlockBox): boolean {
  return a.x < b.x + Math.max(b.width, 1) && b.x < a.x + Math.max(a.width, 1);
}

/** Whether two boxes on a page share some height: printed level with each other (a box of no height counts as one point high). */
export function sharesHeight(a: BlockBox, b: BlockBox): boolean {
  return a.y < b.y + Math.max(b.height, 1) && b.y < a.y + Math.max(a.height, 1);
}

/** Whether two blocks are printed in one column of one page: both placed (PDF), on the same page, sharing some width. */
export function inOneColumn(a: Block, b: Block): boolean {
  return a.box !== undefined && b.box !== undefined && a.page === b.page && sharesWidth(a.box, b.box);
}

/**
 * Whether `block` is printed in a column left of `other`'s on the same page, or on an earlier page:
 * read before it in column flow, whatever order the reading order gave them (a frame at a
 * column's foot goes on at the next column's head). `false` without positions (converter text).
 */
export function inEarlierColumn(block: Block, other: Block): boolean {
  if (block.box === undefined || other.box === undefined || block.page === null || other.page === null) return false;
  if (block.page !== other.page) return block.page < other.page;
  return block.box.x + block.box.width <= other.box.x;
}
