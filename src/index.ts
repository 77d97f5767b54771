/**
 * brochure-extract as a library: run the pipeline on a path or bytes and get the typed document.
 * Re-exports only; the work is in the stage modules.
 */
import { readFile } from 'node:fs/promises';
import { extractBrochure, type PipelineOptions } from './pipeline.js';
import type { BrochureDocument } from './types.js';

export { BrochureError, EXIT, type ErrorCode } from './errors.js';
export { extractBrochure, extractBrochureWithStatus, runStages, type PipelineOptions, type StageResults } from './pipeline.js';
export { validateDocument, assertValid, type ValidationResult } from './validate/index.js';
export { renderHtml, renderText } from './report/index.js';
export { compareDocuments, formatComparison, type Comparison, type CompareOptions, type FieldScore, type Mismatch } from './compare/index.js';
export type * from './types.js';
export { SHIPPED_PROFILE, compileProfile, loadProfile, mergeProfile, type Profile, type Vocabulary } from './profile.js';

/**
 * Runs the pipeline on a brochure given by path or bytes.
 * @param input A file path (.pdf, .txt, .md) or the file's bytes.
 * @param options Configuration (optional): `password`, `maxPages`, `timeoutMs`, `fileName`, `profile` (from `loadProfile` or `mergeProfile`).
 * @returns The validated brochure document.
 */
export async function extract(input: string | Uint8Array, options: PipelineOptions = {}): Promise<BrochureDocument> {
  if (typeof input === 'string') {
    const { readInput } = await import('./read.js');
    return extractBrochure(await readInput(input), { fileName: input, ...options });
  }
  return extractBrochure(input, options);
}
