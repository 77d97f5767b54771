/**
 * Typographic comparisons shared by the stages: whether two printed lines are set alike. Only
 * weight and size relative to the body are compared (what both extract adapters report).
 */
import type { TextLine } from './types.js';

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
