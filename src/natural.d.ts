// Types for the natural modules imported by path: Jaro-Winkler (src/similarity.ts) and Levenshtein (the
// test of our bounded edit test). Importing `natural` whole costs ~0.5 s and prints dotenv notices (README).
declare module 'natural/lib/natural/distance/jaro-winkler_distance.js' {
  /** Jaro-Winkler similarity of two strings, 1 = identical, 0 = nothing in common. */
  export default function jaroWinklerDistance(s1: string, s2: string, options?: { ignoreCase?: boolean }): number;
}
declare module 'natural/lib/natural/distance/levenshtein_distance.js' {
  /** Edit distance between two strings (insertions, deletions, substitutions). */
  export function LevenshteinDistance(source: string, target: string, options?: Record<string, number>): number;
}
declare module 'natural/lib/natural/stemmers/porter_stemmer_fr.js' {
  /** natural's French Porter (Snowball) stemmer. */
  const PorterStemmerFr: { stem(word: string): string };
  export default PorterStemmerFr;
}
