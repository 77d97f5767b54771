/**
 * What the line passes share: a pass that may turn each line into several (or none) runs over
 * every line of the text, hundreds of thousands on a long one.
 */

/**
 * `lines.flatMap(split)`, in one loop: `Array.prototype.flatMap` costs several times more per
 * line (measured: 62 against 17 ms over 400 000 lines), and most passes keep most lines as they are.
 * @param lines The text's lines.
 * @param split What a line becomes (given its index): its lines, in order, or the line itself when
 * it stays as it is (no array of one line is made for it: most lines of most passes).
 * @returns The lines every line became, in order.
 */
export function flatMapLines(lines: readonly string[], split: (line: string, index: number) => string | readonly string[]): string[] {
  const out: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const pieces = split(lines[index]!, index);
    if (typeof pieces === 'string') out.push(pieces);
    // (Indexed: a for-of loop makes an iterator for every line.)
    else for (let k = 0; k < pieces.length; k++) out.push(pieces[k]!);
  }
  return out;
}
