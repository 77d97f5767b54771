/**
 * Letter-spaced text (tracking, hand-made small capitals) read back into words. pdf.js puts a space
 * wherever a glyph is moved right by more than a little, so a heading printed with letter-spacing
 * comes out « L'É Q U I P E » or « TU T E U R A U S E I N … »: every letter apart and the word
 * spaces no wider than the others. The letters are kept in order and cut again into words the same
 * document prints elsewhere (its ordinary lines), preferring few and known words; numbers stay whole.
 * Only geometry-free text rules here: which fragments are letter-spaced is read from their text.
 */
import type { Fragment } from './fragments.js';
import { hasLetter, latin, startsInLowerCase } from '../alphabet.js';

/** Fewest tokens for a letter-spaced fragment (« 2 0 3 1 » alone is too little to tell). */
const MIN_TOKENS = 5;
/** Share of one-character tokens in a letter-spaced fragment (its first may be longer: « L'É », a larger initial). */
const MIN_SINGLE_SHARE = 0.8;
/** Longest word looked up in the dictionary. */
const MAX_WORD = 30;

const fold = (s: string): string => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/**
 * Whether a fragment's text is letter-spaced: at least 5 tokens, 80 % of them one character long.
 * @param text A fragment's text.
 * @returns True for « 2 0 3 1 / 2 0 3 2 » or « CO N T E X T E », false for ordinary text.
 */
export function isLetterSpaced(text: string): boolean {
  const tokens = text.split(' ');
  if (tokens.length < MIN_TOKENS) return false;
  const single = tokens.filter((token) => [...token].length === 1).length;
  return single >= MIN_SINGLE_SHARE * tokens.length;
}

/**
 * How often each word of a document's ordinary text is printed, folded (lower case, no accents), for
 * `respace`. Halves of hyphenated words are left out: a line's last word cut by a hyphen, and a
 * line's first word when it starts in lower case (it may be the end of the previous line's word).
 * @param texts Line texts that are not letter-spaced.
 * @returns Each word (edge punctuation removed: « l'équipe », « collectivité ») and its count.
 */
export function wordsOf(texts: Iterable<string>): Map<string, number> {
  const words = new Map<string, number>();
  for (const text of texts) {
    const tokens = text.split(/\s+/);
    tokens.forEach((token, index) => {
      if (index === tokens.length - 1 && /[-\u2010\u00ad]$/.test(token)) return;
      if (index === 0 && startsInLowerCase(token)) return;
      const word = fold(token).replace(latin('gu')`^[^\p{L}\p{N}]+|[^\p{L}\p{N}'’]+$`, '');
      if (word.length > 0 && word.length <= MAX_WORD && hasLetter(word)) words.set(word, (words.get(word) ?? 0) + 1);
    });
  }
  return words;
}

/**
 * Cuts letter-spaced text into words: the letters in order, split where the cheapest cover by known
 * words, numbers, single punctuation marks and unknown stretches lies. A known word costs the log of
 * its rarity in the document (a frequent « de » is cheap, a stray « mm » dear), a number or a mark 1,
 * an unknown stretch 1 plus 4 a letter: so frequent words break an unknown stretch, and a word the
 * document never prints (« SOMMAIRE ») stays whole rather than made of rare scraps (« SO MM AI RE »).
 * @param text Letter-spaced text (« TU T E U R A U S E I N D E L A C O L L E C T I V I T É »).
 * @param words Known words, folded, and their counts (`wordsOf`).
 * @returns The words joined by single spaces (« TUTEUR AU SEIN DE LA COLLECTIVITÉ »).
 */
export function respace(text: string, words: ReadonlyMap<string, number>): string {
  let total = 1;
  for (const count of words.values()) total += count;
  const chars = [...text.replace(/ /g, '')];
  const folded = chars.map((c) => fold(c));
  const n = chars.length;
  const cost = new Array<number>(n + 1).fill(Infinity);
  const from = new Array<number>(n + 1).fill(-1);
  cost[0] = 0;
  const relax = (i: number, j: number, c: number): void => {
    if (cost[i]! + c < cost[j]!) {
      cost[j] = cost[i]! + c;
      from[j] = i;
    }
  };
  for (let i = 0; i < n; i++) {
    if (cost[i] === Infinity) continue;
    if (latin('u')`\p{N}`.test(chars[i]!)) {
      let j = i;
      while (j < n && latin('u')`[\p{N}.,]`.test(chars[j]!)) j++;
      relax(i, j, 1);
      continue;
    }
    if (!hasLetter(chars[i]!)) relax(i, i + 1, 1);
    let word = '';
    for (let j = i; j < n && j - i < MAX_WORD; j++) {
      word += folded[j];
      if (!latin('u')`[\p{L}'’]`.test(chars[j]!)) break;
      const count = words.get(word);
      relax(i, j + 1, count === undefined ? 1 + 4 * (j + 1 - i) : Math.log(total / count));
    }
  }
  const parts: string[] = [];
  for (let j = n; j > 0; j = from[j]!) parts.unshift(chars.slice(from[j]!, j).join(''));
  return parts.join(' ');
}

/**
 * Rewrites every letter-spaced fragment of a document into words (`respace`), with the words of its
 * other fragments as the dictionary.
 * @param perPage Each page's fragments.
 * @returns The same fragments, letter-spaced ones with their text cut into words.
 */
export function respaceLetterSpaced(perPage: readonly Fragment[][]): Fragment[][] {
  if (!perPage.some((fragments) => fragments.some((fragment) => isLetterSpaced(fragment.text)))) return perPage as Fragment[][];
  const words = wordsOf(perPage.flatMap((fragments) => fragments.filter((fragment) => !isLetterSpaced(fragment.text)).map((fragment) => fragment.text)));
  return perPage.map((fragments) => fragments.map((fragment) => (isLetterSpaced(fragment.text) ? { ...fragment, text: respace(fragment.text, words) } : fragment)));
}
