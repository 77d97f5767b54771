/**
 * Composes the stages: extract -> segment -> parse -> normalise -> validate. The only module
 * that knows the order; each stage is a plain function of the previous one's output.
 */
import { createHash } from 'node:crypto';
import { BrochureError } from './errors.js';
import { extractDocument, type ExtractOptions } from './extract/index.js';
import { normaliseDocument } from './normalise/index.js';
import { parseProject } from './parse/index.js';
import { segmentDocument } from './segment/index.js';
import type { BrochureDocument, ExtractedDocument, ParsedProject, SegmentedDocument } from './types.js';
import { assertValid } from './validate/index.js';

/** Options of a pipeline run. */
export interface PipelineOptions extends ExtractOptions {
  /** Give up after this many milliseconds (default: no limit). */
  readonly timeoutMs?: number;
}

/** Every intermediate result of a run, for tests, snapshots and the benchmark. */
export interface StageResults {
  readonly extracted: ExtractedDocument;
  readonly segmented: SegmentedDocument;
  readonly parsed: readonly ParsedProject[];
  readonly document: BrochureDocument;
  /** Milliseconds spent in each stage. */
  readonly timings: { extract: number; segment: number; parse: number; normalise: number; validate: number };
}

/**
 * Runs every stage on one brochure and keeps each intermediate result.
 * @param bytes The PDF or converter text.
 * @param options Configuration (optional).
 * @returns The validated document and the stages' outputs.
 */
export async function runStages(bytes: Uint8Array, options: PipelineOptions = {}): Promise<StageResults> {
  const work = runStagesUnbounded(bytes, options);
  if (options.timeoutMs === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new BrochureError('TIMEOUT', `reading took longer than ${options.timeoutMs} ms: the file is too large or malformed (raise --timeout if it is a real brochure)`)),
      options.timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function runStagesUnbounded(bytes: Uint8Array, options: PipelineOptions): Promise<StageResults> {
  let start = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const spent = now - start;
    start = now;
    return spent;
  };
  const extracted = await extractDocument(bytes, options);
  const extract = lap();
  const segmented = segmentDocument(extracted);
  const segment = lap();
  const parsed = segmented.projects.map(parseProject);
  const parse = lap();
  const normalised = normaliseDocument(segmented, parsed, {
    file: baseName(options.fileName ?? 'input'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format: extracted.format,
    pageCount: extracted.pageCount,
  });
  normalised.diagnostics.unshift(...extracted.diagnostics);
  const normalise = lap();
  const document = assertValid(normalised);
  const validate = lap();
  return { extracted, segmented, parsed, document, timings: { extract, segment, parse, normalise, validate } };
}

/**
 * Runs the pipeline on one brochure.
 * @param bytes The PDF or converter text.
 * @param options Configuration (optional).
 * @returns The validated brochure document.
 */
export async function extractBrochure(bytes: Uint8Array, options: PipelineOptions = {}): Promise<BrochureDocument> {
  return (await runStages(bytes, options)).document;
}

function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}
