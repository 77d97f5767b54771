/** Types of make-corpus.mjs, for the TypeScript tests that import it. */

/** The brochure every damaged variant starts from. */
export const BROCHURE_PDF: string;
/** The converter text of the same brochure. */
export const BROCHURE_TXT: string;
/** Committed fixtures (those that need qpdf to build). */
export const COMMITTED_DIR: string;
/** Passwords of the committed encrypted fixtures. */
export const PASSWORDS: { readonly user: string; readonly owner: string };
/** Junk that carries no e-mail and no rubrique heading. */
export const JUNK_LINES: readonly string[];

/** One generated case. */
export interface CorpusEntry {
  /** File name, which is also the case's name ("truncated-50.pdf"). */
  readonly name: string;
  /** What the case is. */
  readonly note: string;
  /** Absolute path of the written file. */
  readonly file: string;
  /** Size in bytes. */
  readonly size: number;
}

/** A seeded generator of floats in [0, 1). */
export function rng(seed: number): () => number;
/** Flips `count` random bits of a copy. */
export function flipBits(bytes: Uint8Array, random: () => number, count: number): Uint8Array;
/** One random mutation: bit flips, a truncation, a chunk duplicated or deleted. */
export function mutate(bytes: Uint8Array, random: () => number): { bytes: Uint8Array; kind: string; detail: string };
/** Assembles a PDF from object bodies (object 1 is the root). */
export function buildPdf(objects: readonly (string | Uint8Array)[], trailer?: string): Uint8Array;
/** Encodes text in Windows-1252 ("?" for what it cannot hold). */
export function encodeWindows1252(text: string): Uint8Array;
/** Damages one project of the converter text (body replaced by junk). */
export function damageProject(text: string, numero: number): { text: string; junk: string[] };
/** Every generated case, in memory. */
export function cases(): { name: string; note: string; bytes: Uint8Array }[];
/** Writes the corpus and manifest.json into `dir`. */
export function makeCorpus(dir: string): CorpusEntry[];
/** Rebuilds the committed encrypted fixtures (needs qpdf). */
export function makeEncrypted(): string[];
