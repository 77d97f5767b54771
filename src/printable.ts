/**
 * Text from the input (file names, bytes quoted in a message, a document's fields) made safe to
 * print on a terminal: control characters are shown as escapes instead of being obeyed.
 */

/**
 * Characters a terminal obeys rather than shows: C0 and C1 controls (ESC starts colour, cursor
 * and title sequences; CR overwrites the line), DEL, and the invisible bidirectional and
 * zero-width marks that make a printed name read otherwise than it is.
 */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/** The same, but line feeds and tabs are kept: for text printed as several lines (the review report). */
const CONTROL_BUT_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/gu;

/**
 * Escapes the characters a terminal would obey.
 * @param text Text that may come from the input.
 * @param options `lines: true` keeps line feeds and tabs (default: escaped, the text is one line).
 * @returns The text with each such character written `\xHH` or `\uHHHH`.
 */
export function printable(text: string, options: { lines?: boolean } = {}): string {
  return text.replace(options.lines ? CONTROL_BUT_LINES : CONTROL, escape);
}

function escape(character: string): string {
  const code = character.codePointAt(0)!;
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
