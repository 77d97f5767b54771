/**
 * How `compare` folds strings before it compares them. Deliberately the same rules as the shared
 * field scorer (`tools/score.mjs`), so that both give the same score on the same pair.
 */

/** NFKC, typographic quotes and apostrophes made plain, odd spaces made spaces, soft hyphens dropped, dashes made `-`. */
export function nfkc(value: unknown): string {
  return String(value ?? '')
    .normalize('NFKC')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d\u00ab\u00bb]/g, '"')
    .replace(/[\u00a0\u202f\u2009]/g, ' ')
    .replace(/\u00ad/g, '')
    .replace(/[\u2010\u2011\u2013\u2014]/g, '-');
}

/** `nfkc` with white space runs folded to one space and trimmed. */
export function ws(value: unknown): string {
  return nfkc(value).replace(/\s+/g, ' ').trim();
}

/** Lower case, without a trailing period or space: how titles, sections and dates are compared. */
export function short(value: unknown): string {
  return ws(value).toLowerCase().replace(/[.\s]+$/, '');
}

/** Letters only, without accents, lower case: how promotion names are compared. */
export function fold(value: unknown): string {
  return nfkc(value).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');
}

/** The words of a text, list bullets (`- `, `•` …) left out. */
export function words(value: unknown): string[] {
  return ws(value)
    .replace(/^[-•▪■]\s+/gm, '')
    .split(/[\s]+/)
    .map((word) => word.replace(/^[-•▪■*]+$/, ''))
    .filter(Boolean);
}

/** Word-level similarity: twice the longest common subsequence of words over the total word count (1 = same words in the same order). */
export function lcsRatio(a: unknown, b: unknown): number {
  const x = words(a);
  const y = words(b);
  if (x.length === 0 && y.length === 0) return 1;
  if (x.length === 0 || y.length === 0) return 0;
  let previous = new Int32Array(y.length + 1);
  let current = new Int32Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) current[j] = x[i - 1] === y[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, current[j - 1]!);
    [previous, current] = [current, previous];
  }
  return (2 * previous[y.length]!) / (x.length + y.length);
}

/** Levenshtein distance of two short strings (promotion names). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/** Similarity of two optional texts: both empty = 1, one missing = 0, else `lcsRatio`. */
export function textSimilarity(a: string | null | undefined, b: string | null | undefined): number {
  const empty = (value: string | null | undefined): boolean => value === null || value === undefined || value === '';
  if (empty(a) && empty(b)) return 1;
  if (a === null || a === undefined || b === null || b === undefined) return 0;
  return lcsRatio(a, b);
}

/** Same name part, case and white space aside. */
export function sameName(a: unknown, b: unknown): boolean {
  return ws(a).toLowerCase() === ws(b).toLowerCase();
}

/** Same promotion: both absent, or names one letter apart at most once folded. */
export function samePromotion(a: string | null | undefined, b: string | null | undefined): boolean {
  if (a == null || b == null) return a == null && b == null;
  return editDistance(fold(a), fold(b)) <= 1;
}

/** Same number: both absent, or equal up to rounding. */
export function sameNumber(a: unknown, b: unknown): boolean {
  if (a == null && b == null) return true;
  return typeof a === 'number' && typeof b === 'number' && Math.abs(a - b) < 1e-9 * Math.max(1, Math.abs(b));
}

/** A figure's printed value without case or spaces (`12 500` = `12500`). */
export function figureKey(value: unknown): string {
  return ws(value).toLowerCase().replace(/\s+/g, '');
}
