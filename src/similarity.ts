/**
 * String similarity, one place for the whole pipeline: natural's Jaro-Winkler for "how alike"
 * (names, promotion and section titles), and a bounded Levenshtein test for "a letter doubled,
 * dropped or changed". Callers fold the strings first (case, accents) as their comparison needs.
 * Only natural's Jaro-Winkler module is imported: `import natural` costs ~0.5 s (see README).
 * The Levenshtein test is ours: natural's builds a matrix of objects per call and loads
 * underscore, 15–20 ms of a cold run on the converter text for a yes/no answer about one or two
 * edits (docs/performance.md); `test/similarity.test.ts` checks it against natural's distance.
 */
import naturalJaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { foldedLetters, foldForMatch } from './conventions.js';

/**
 * Jaro-Winkler similarity (natural's), case-sensitive.
 * @returns 1 for identical strings, 0 when nothing is in common (or one is empty).
 */
export function jaroWinkler(a: string, b: string): number {
  return naturalJaroWinkler(a, b);
}

/**
 * Whether two strings are alike enough: Jaro-Winkler similarity at least `threshold`.
 * @param threshold Minimum similarity, between 0 and 1.
 */
export function similarEnough(a: string, b: string, threshold: number): boolean {
  return jaroWinkler(a, b) >= threshold;
}

/**
 * Whether `b` is `a` with at most `n` letters inserted, deleted or replaced (Levenshtein
 * distance); strings whose lengths differ by more than `n` are not measured.
 */
export function withinEdits(a: string, b: string, n: number): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > n) return false;
  return n === 1 ? oneEditApart(a, b) : levenshteinAtMost(a, b, n);
}

/**
 * Whether two different strings whose lengths differ by one at most are one edit apart: past
 * their common start, the rest is the same once the letter changed (same lengths) or the longer
 * one's extra letter is skipped. Linear, where the distance is quadratic: segment asks it of every
 * short block against every section title.
 */
function oneEditApart(a: string, b: string): boolean {
  const [long, short] = a.length >= b.length ? [a, b] : [b, a];
  let i = 0;
  while (i < short.length && long.charCodeAt(i) === short.charCodeAt(i)) i++;
  // Past the first difference: the same letters after it (a change), or the longer one a letter ahead (an insertion).
  const skip = long.length === short.length ? 1 : 0;
  for (let j = i + skip; j < short.length; j++) if (long.charCodeAt(j + 1 - skip) !== short.charCodeAt(j)) return false;
  return true;
}

/**
 * Whether the Levenshtein distance of `a` and `b` (UTF-16 code units, unit costs) is at most `n`:
 * the classic two-row computation, stopped as soon as a whole row exceeds `n` (the distance can
 * only grow from there).
 */
function levenshteinAtMost(a: string, b: string, n: number): boolean {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitute = previous[j - 1]! + (ai === b.charCodeAt(j - 1) ? 0 : 1);
      const cost = Math.min(substitute, previous[j]! + 1, current[j - 1]! + 1);
      current[j] = cost;
      if (cost < rowMin) rowMin = cost;
    }
    if (rowMin > n) return false;
    [previous, current] = [current, previous];
  }
  return previous[b.length]! <= n;
}

/**
 * The candidate most like `target` (Jaro-Winkler of `key(candidate)` and `target`), the first
 * one on ties.
 * @returns The candidate and its similarity, or `null` when there is none.
 */
export function mostSimilar<T>(candidates: readonly T[], target: string, key: (candidate: T) => string): { item: T; score: number } | null {
  let best: { item: T; score: number } | null = null;
  for (const item of candidates) {
    const score = jaroWinkler(key(item), target);
    if (best === null || score > best.score) best = { item, score };
  }
  return best;
}

/** How close (Jaro-Winkler) an e-mail's local part must be to a name's letters to spell it (a letter dropped or doubled still does). */
export const SPELLS_NAME = 0.9;

/**
 * How well an e-mail's local part spells a name (« prenom.nom@… »): the best Jaro-Winkler
 * similarity of its letters to the name's, given names first or family name first.
 * @param name A name as printed (« LE GOFF Claire »).
 * @param email An e-mail.
 * @returns A similarity in [0, 1].
 */
export function spelling(name: string, email: string): number {
  return spellingOf(nameOrders(name), localLetters(email));
}

/** The letters of a name in each order of its words (« LEGOFFCLAIRE », « GOFFCLAIRELE », « CLAIRELEGOFF »): `spelling`'s first half, for a name compared with many e-mails. */
export function nameOrders(name: string): string[] {
  const tokens = foldForMatch(name).split(/\s+/).map((token) => token.replace(/[^A-Z]/g, '')).filter(Boolean);
  return tokens.map((_, k) => [...tokens.slice(k), ...tokens.slice(0, k)].join(''));
}

/** The letters of an e-mail's local part: `spelling`'s second half, for an e-mail compared with many names. */
export function localLetters(email: string): string {
  return foldedLetters(email.split('@')[0]!);
}

/** `spelling` of a name's orders (`nameOrders`) and an e-mail's letters (`localLetters`). */
export function spellingOf(orders: readonly string[], local: string): number {
  if (local === '' || orders.length === 0) return 0;
  return Math.max(...orders.map((order) => jaroWinkler(local, order)));
}

/**
 * Whether an e-mail's letters spell a name: `spellingOf` at least `SPELLS_NAME`. Most pairs share
 * too few letters to get there, and that is told without the similarity (a roster's names against
 * every e-mail of the text: thousands of pairs).
 */
export function spellsName(orders: readonly string[], local: string): boolean {
  if (local === '' || orders.length === 0) return false;
  // Every order of a name holds the same letters: one bound for all of them.
  if (!mayBeAsSimilar(orders[0]!, local, SPELLS_NAME)) return false;
  return spellingOf(orders, local) >= SPELLS_NAME;
}

/**
 * Whether two strings of capitals A–Z share letters enough to reach a Jaro-Winkler similarity
 * (`jaroWinklerBound`): `false` tells, without the similarity, that they do not.
 * @param a Capitals A–Z (any other character: always `true`).
 * @param b Capitals A–Z.
 * @param similarity The similarity to reach.
 */
export function mayBeAsSimilar(a: string, b: string, similarity: number): boolean {
  return jaroWinklerBound(a, b) >= similarity - BOUND_MARGIN;
}

/** Room left for rounding when a bound rules a pair out (the bound is exact arithmetic, the similarity floating point). */
const BOUND_MARGIN = 1e-9;

/** Letters `jaroWinklerBound` counts: names and e-mails compared as their capitals A to Z. */
const A = 0x41;
const LETTERS = 26;

/** `jaroWinklerBound`'s count of each letter, one array for every call (it is asked thousands of times a run). */
const LETTER_COUNTS = new Int32Array(LETTERS);

/**
 * An upper bound of the Jaro-Winkler similarity of two strings of capitals A–Z from the letters
 * they share: Jaro matches pair equal letters, so there are no more of them than the letters in
 * common (`c`), Jaro is at most (c/|a| + c/|b| + 1) / 3, and the Winkler prefix (four letters at
 * most, 0.1 each) adds at most 0.4 of what Jaro leaves. 1 (no bound) for any other character.
 */
function jaroWinklerBound(a: string, b: string): number {
  const counts = LETTER_COUNTS.fill(0);
  for (let i = 0; i < a.length; i++) {
    const letter = a.charCodeAt(i) - A;
    if (letter < 0 || letter >= LETTERS) return 1;
    counts[letter] = counts[letter]! + 1;
  }
  let shared = 0;
  for (let i = 0; i < b.length; i++) {
    const letter = b.charCodeAt(i) - A;
    if (letter < 0 || letter >= LETTERS) return 1;
    if (counts[letter]! > 0) {
      counts[letter] = counts[letter]! - 1;
      shared++;
    }
  }
  if (shared === 0) return 0;
  const jaro = (shared / a.length + shared / b.length + 1) / 3;
  return jaro + 0.4 * (1 - jaro);
}
