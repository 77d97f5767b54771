/**
 * Renders the blocks of a text rubrique into the contract's text form: paragraphs separated by
 * a blank line, list items on `- ` lines, table rows one per line.
 */
import { SENTENCE_END } from '../conventions.js';
import type { Block } from '../types.js';
import { startsInLowerCase } from '../alphabet.js';

/**
 * Whether `next` continues the paragraph `previous`, cut in two by a column or page break:
 * it starts in lower case and the previous text does not end a sentence.
 * @param previous Text before the break.
 * @param next Text after the break.
 * @returns `true` when the two are one paragraph.
 */
export function continuesParagraph(previous: string, next: string): boolean {
  return startsInLowerCase(next) && !SENTENCE_END.test(previous.trimEnd());
}

/**
 * Renders rubrique blocks as text.
 * @param blocks The blocks under the rubrique heading, in reading order.
 * @returns The rubrique text, or `null` when there are no blocks.
 */
export function renderRubrique(blocks: readonly Block[]): string | null {
  const parts: { kind: Block['kind']; text: string }[] = [];
  for (const block of blocks) {
    const previous = parts.at(-1);
    if (previous && previous.kind !== 'tableRow' && block.kind === 'paragraph' && continuesParagraph(previous.text, block.text)) {
      previous.text = `${previous.text} ${block.text}`;
      continue;
    }
    parts.push({ kind: block.kind, text: block.text });
  }
  if (parts.length === 0) return null;
  let out = '';
  parts.forEach((part, i) => {
    const line = part.kind === 'listItem' ? `- ${part.text}` : part.text;
    if (i === 0) out = line;
    else {
      // Items of one list, and rows of one table, are consecutive lines; anything else is a new paragraph.
      const sameRun = part.kind !== 'paragraph' && parts[i - 1]!.kind === part.kind;
      out += (sameRun ? '\n' : '\n\n') + line;
    }
  });
  return out;
}

/** A list's mark alone, or opening or closing a line: converters write it apart from its item (« • » after the item, « - » alone). */
const LIST_MARKS = /^\s*[-–•▪■◦●]\s*$|^\s*[-–•▪■◦●]\s+|\s+[•▪■◦●]\s*$/gu;

/**
 * A line or an item without the list marks a converter wrote apart from it.
 * @param text A line or an item.
 * @returns The text without its marks, trimmed ('' when it was only a mark).
 */
export function withoutListMarks(text: string): string {
  return text.replace(LIST_MARKS, '').trim();
}

/**
 * Renders blocks as one running text (a key figure's label): lines joined by spaces, paragraphs
 * separated by a blank line, list items kept inline as "- item".
 * @param blocks The label's blocks.
 * @returns The label text ("" when empty).
 */
export function renderInline(blocks: readonly Block[]): string {
  let out = '';
  for (const block of blocks) {
    const text = block.kind === 'listItem' ? `- ${block.text}` : block.text;
    if (out === '') out = text;
    else if (block.kind === 'listItem' || continuesParagraph(out, text)) out += ` ${text}`;
    else out += `\n\n${text}`;
  }
  return out;
}
