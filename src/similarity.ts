/**
 * String similarity, one place for the whole pipeline, on natural's distances: Jaro-Winkler for
 * "how alike" (names, promotion and section titles), Levenshtein for "a letter doubled, dropped
 * or changed". Callers fold the strings first (case, accents) as their comparison needs.
 * Only natural's distance modules are imported: `import natural` costs ~0.5 s (see README).
 */
import naturalJaroWinkler from 'natural/lib/natural/distance/jaro-winkler_distance.js';
import { LevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';

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
  return LevenshteinDistance(a, b) <= n;
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
