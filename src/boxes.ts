/**
 * Where blocks stand on their page (PDF input): the geometry the parse stage and the self-check
 * both ask of two blocks' boxes.
 */
import type { BlockBox } from './types.js';

/** Whether two boxes on a page share some width (a box of no width counts as one point wide). */
export function sharesWidth(a: BlockBox, b: BlockBox): boolean {
  return a.x < b.x + Math.max(b.width, 1) && b.x < a.x + Math.max(a.width, 1);
}
