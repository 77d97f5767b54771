/**
 * Line-level text helpers shared by the two extract adapters.
 */

/** Ligatures and presentation forms that fonts emit as single code points. */
import { latin, startsInLowerCase } from '../alphabet.js';

const LIGATURES: Readonly<Record<string, string>> = {
  '\ufb00': 'ff',
  '\ufb01': 'fi',
  '\ufb02': 'fl',
  '\ufb03': 'ffi',
  '\ufb04': 'ffl',
  '\ufb05': 'st',
  '\ufb06': 'st',
  '\uf001': 'fi', // legacy private-use ligatures some PDF producers still map glyphs to
  '\uf002': 'fl',
  '\u00ad': '', // soft hyphen: a hyphenation point, never printed text
};

/**
 * Expands ligatures and removes soft hyphens.
 * @param text A line as extracted.
 * @returns The line with ligatures spelt out.
 */
export function normaliseLigatures(text: string): string {
  return text.replace(/[\ufb00-\ufb06\uf001\uf002\u00ad]/g, (char) => LIGATURES[char] ?? char);
}

/**
 * Whether a printed line goes on the sentence of the line before, from their words alone (for
 * text with no type to tell): it starts in lower case after a line that ends no sentence (an
 * address, e-mail or web, starts in lower case too but is a line of its own); the line before
 * ends with a word cut at a hyphen (« dyna- » / « mique »), or with a short word in lower case
 * (« adopté par la » / « Métropole ») before a line not in capitals.
 * @param previous The line before, trimmed.
 * @param line The line, trimmed.
 */
export function sentenceGoesOn(previous: string, line: string): boolean {
  if (startsInLowerCase(line) && !/[.!?]$/.test(previous) && !/^\S*(?:@|:\/\/|www\.)/.test(line)) return true;
  if (LETTER_THEN_HYPHEN_AT_END.test(previous)) return true;
  // A line ending in a short word in lower case (« et », « de », « en ») ends no block: the sentence goes on.
  return SHORT_LOWER_CASE_WORD_AT_END.test(previous) && !TWO_CAPITALS_AT_START.test(line);
}

/** `sentenceGoesOn`'s shapes (asked of every pair of lines): a word cut at a hyphen, a short word in lower case ending a line, a word in capitals opening one. */
const LETTER_THEN_HYPHEN_AT_END = latin('u')`\p{L}-$`;
const SHORT_LOWER_CASE_WORD_AT_END = latin('u')`(?:^|\s)\p{Ll}{1,3}$`;
const TWO_CAPITALS_AT_START = latin('u')`^\p{Lu}{2}`;

/** A line ending in a word cut by a hyphen ("dyna-"), or by the typographic hyphen U+2010: the word's letters. */
export const WORD_CUT_AT_END = latin('u')`(\p{L}+)[-\u2010]$`;

/** The letters a line opens with (the rest of a word cut at the line before's end). */
const LEADING_LETTERS = latin('u')`^(\p{L}+)`;

/** A line that starts an enumerated item: "2. ", "3) ", "Tâche 1.2 :", "Phase 2 :". */
const ENUMERATED_LINE = latin('u')`^(?:\d{1,2}[.)]\s|\p{Lu}\p{Ll}+ \d+(?:\.\d+)* ?:)`;

/**
 * Joins the printed lines of one block into one string: lines are separated by a space, and a
 * line ending in a hyphen followed by a line starting in lower case is a word cut by
 * hyphenation, joined without the hyphen ("dyna-" + "mique"), unless `keepHyphen` says the
 * hyphenated form is a real compound printed elsewhere ("porte-" + "parole"). A line that
 * starts an enumerated item ("2. …") stays on its own line.
 * @param lines The block's lines, in order.
 * @param keepHyphen Decides whether "left-right" is a real hyphenated word (optional).
 * @returns The block text.
 */
export function joinLines(lines: readonly string[], keepHyphen?: (left: string, right: string) => boolean): string {
  // Pieces joined once at the end, and the last characters kept apart: slicing or re-reading a
  // string built by `+=` flattens it, which made a block of many thousand lines quadratic.
  const parts: string[] = [];
  let tail = '';
  const append = (piece: string): void => {
    parts.push(piece);
    tail = (tail + piece).slice(-64);
  };
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (parts.length === 0) {
      append(line);
      continue;
    }
    if (ENUMERATED_LINE.test(line)) {
      // "2. …", "Tâche 1.2 : …": an enumeration printed one item per line keeps its line breaks.
      append(`\n${line}`);
      continue;
    }
    // "-" or the typographic hyphen U+2010 some producers print at a hyphenation point.
    // Only the end of the text so far can hold the cut word.
    const cut = tail.endsWith('-') || tail.endsWith('\u2010') ? WORD_CUT_AT_END.exec(tail) : null;
    const next = LEADING_LETTERS.exec(line);
    // A range of figures cut at its hyphen (« 2018- » / « 2021 ») is one word: no space.
    if (/\d[-\u2010]$/u.test(tail) && /^\d/u.test(line)) {
      append(line);
      continue;
    }
    if (cut && next) {
      // Lower case after the hyphen: hyphenation, unless the compound is a real one. Upper case
      // ("AUBIN-" / "VASSELIN"): a compound name cut at its own hyphen.
      const hyphenation = startsInLowerCase(next[1]!) && !(keepHyphen?.(cut[1]!, next[1]!) ?? false);
      if (hyphenation) {
        parts[parts.length - 1] = parts.at(-1)!.slice(0, -1);
        tail = tail.slice(0, -1);
      }
      append(line);
    } else {
      append(` ${line}`);
    }
  }
  return parts.join('');
}
