/**
 * One shared block builder for rule tests: a block from lines given as text (type unknown, as
 * converter text gives it) or as `[text, size, bold]` (size relative to the body, as a PDF gives it).
 */
import type { Block, TextLine } from '../../src/types.js';

/** A line: its text alone (weight and size unknown), or `[text, size, bold]`. */
export type LineSpec = string | readonly [string, number, boolean];

/** A line of a block. */
export function line(spec: LineSpec): TextLine {
  return typeof spec === 'string' ? { text: spec, bold: null, size: null } : { text: spec[0], size: spec[1], bold: spec[2] };
}

/** A paragraph block of the given lines, on `page` (`null`: converter text). A string's « \n » separates lines. */
export function block(lines: string | readonly LineSpec[], page: number | null = null): Block {
  const specs: readonly LineSpec[] = typeof lines === 'string' ? lines.split('\n') : lines;
  const printed = specs.map(line);
  return { kind: 'paragraph', text: printed.map((l) => l.text).join(' '), lines: printed, page };
}

/** A paragraph block of lines all set alike (a table's cells, a column of names): `size` relative to the body, `bold` or not. */
export function alike(texts: readonly string[], size: number, bold: boolean, page: number | null = null): Block {
  return block(texts.map((text) => [text, size, bold] as const), page);
}

/**
 * A block at a position on its page (points from the top left), as the PDF's layout gives it: a
 * frame's or a cell's text; `column` the page column it was read in (its region too).
 */
export function placed(of: Block, x: number, y: number, width = 120, height = 12, column = 0): Block {
  return { ...of, box: { x, y, width, height, region: column, column } };
}
