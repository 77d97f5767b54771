/**
 * brochure-extract as a library: run the pipeline on a path or bytes and get the typed document.
 * Re-exports only; the work is in the stage modules.
 */
import { extractBrochure, type PipelineOptions } from './pipeline.js';
import type { BrochureInput } from './read.js';
import type { BrochureDocument } from './types.js';

export { BrochureError, EXIT, type ErrorCode } from './errors.js';
export type { BrochureInput } from './read.js';
export { extractBrochure, extractBrochureWithStatus, runStages, type PipelineOptions, type StageResults } from './pipeline.js';
export { validateDocument, assertValid, type ValidationResult } from './validate/index.js';
export { renderHtml, renderText } from './report/index.js';
export { compareDocuments, formatComparison, type Comparison, type CompareOptions, type FieldScore, type Mismatch } from './compare/index.js';
export type * from './types.js';
export { SHIPPED_PROFILE, compileProfile, loadProfile, mergeProfile, type Profile, type Vocabulary } from './profile.js';

/**
 * Runs the pipeline on a brochure given by path, URL or bytes.
 * @param input A file path (.pdf, .txt, .md), a `file:` URL, or the file's bytes (Uint8Array, Buffer, ArrayBuffer).
 * @param options Configuration (optional): `password`, `maxPages`, `timeoutMs`, `fileName`, `profile` (from `loadProfile` or `mergeProfile`).
 * @returns The validated brochure document.
 * @throws {BrochureError} With a stable `code` for every input it cannot read.
 */
export async function extract(input: BrochureInput, options: PipelineOptions = {}): Promise<BrochureDocument> {
  return extractBrochure(input, options);
}
