/**
 * How a block is set, relative to the document's body text: the size classes and weights the
 * stages compare with. Line sizes are already relative to the body (1 = the body's size, `null`
 * when the input cannot tell: converter text), so one threshold serves every design.
 */
import type { Block, TextLine } from './types.js';

/**
 * A line this much larger than the body, or more, is set apart by its size (a pull-quote, a lead,
 * a heading): a designer's smallest step up from a 10 pt body is 10.5 pt (1.05), and sizes read
 * from a PDF vary by a hundredth or so around the body's, so 4 % separates the two.
 */
export const LARGER_THAN_BODY = 1.04;

/**
 * A line this much smaller than the body, or less, is set apart by its size (a caption, a
 * signature, a sidebar's card): a designer's smallest step down from a 10 pt body is 9.5 pt.
 */
export const SMALLER_THAN_BODY = 0.95;

/** Half as large again as the body, or more: display type (a title, a big key figure, a project number). */
export const DISPLAY_SIZE = 1.5;

/**
 * The relative sizes of a block's lines, in order (`null` where unknown).
 * @param block A block.
 * @returns One size per line.
 */
export function lineSizes(block: Block): (number | null)[] {
  return block.lines.map((line) => line.size);
}

/**
 * The relative sizes of blocks' lines that are known, in order.
 * @param blocks Blocks.
 * @returns Every known size.
 */
export function knownSizes(blocks: readonly Block[]): number[] {
  return blocks.flatMap(lineSizes).filter((size): size is number => size !== null);
}

/**
 * Whether every line of a block is set in a regular face (`false` when a weight is unknown).
 * @param block A block.
 * @returns `true` when no line is bold and every weight is known.
 */
export function isRegular(block: Block): boolean {
  return block.lines.every((line) => line.bold === false);
}

/**
 * Whether every line of a block is set larger than the body (`false` when a size is unknown).
 * @param block A block.
 * @returns `true` when every size is known and at least `LARGER_THAN_BODY`.
 */
export function isLargerThanBody(block: Block): boolean {
  return lineSizes(block).every((size) => size !== null && size >= LARGER_THAN_BODY);
}

/**
 * Whether every line of a block is set smaller than the body (`false` when a size is unknown).
 * @param block A block.
 * @returns `true` when every size is known and at most `SMALLER_THAN_BODY`.
 */
export function isSmallerThanBody(block: Block): boolean {
  return lineSizes(block).every((size) => size !== null && size <= SMALLER_THAN_BODY);
}

/**
 * Whether a block is set in a pull-quote's type: larger than the body, in a regular face.
 * @param block A block.
 * @returns `true` when every line is regular and larger than the body.
 */
export function isQuoteType(block: Block): boolean {
  return isRegular(block) && isLargerThanBody(block);
}

/** How far two sizes may differ and still be one size (rounding of the fonts' sizes, hinting). */
const SAME_SIZE_TOLERANCE = 0.06;

/**
 * Same weight and (within 6 %) the same size; unknown weight or size is never the same.
 * @param a A line.
 * @param b Another line.
 * @returns `true` when both are known and set alike.
 */
export function sameStyle(a: TextLine, b: TextLine): boolean {
  return a.bold !== null && a.bold === b.bold && a.size !== null && b.size !== null && Math.abs(a.size - b.size) <= SAME_SIZE_TOLERANCE * Math.max(a.size, b.size);
}
