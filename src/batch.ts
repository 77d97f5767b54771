/**
 * Batches: runs the pipeline on several files at once (p-limit), each file's failure kept to
 * itself, each output written atomically.
 */
import { availableParallelism } from 'node:os';
import pLimit from 'p-limit';
import { readInput } from './read.js';
import { extractBrochureWithStatus } from './pipeline.js';
import type { BrochureDocument } from './types.js';
import { writeJsonAtomic } from './write.js';

/** Options of a batch. */
export interface BatchOptions {
  readonly password?: string;
  readonly maxPages?: number;
  readonly timeoutMs?: number;
  /** Files processed at once (default: number of cores). */
  readonly jobs?: number;
  /** Where each document is written. */
  readonly outputFor: (input: string, document: BrochureDocument) => string;
  /** Called after each file (for a progress line). */
  readonly onDone?: (done: number, total: number) => void;
}

/** What happened to one file. */
export interface FileOutcome {
  readonly input: string;
  readonly output?: string;
  readonly document?: BrochureDocument;
  readonly partial?: boolean;
  readonly error?: Error;
  /** Wall time for this file, in milliseconds. */
  readonly ms: number;
}

/**
 * Extracts each input and writes its document; one failing file does not stop the others.
 * @param inputs Files to process.
 * @param options Configuration.
 * @returns One outcome per input, in input order.
 */
export async function processFiles(inputs: readonly string[], options: BatchOptions): Promise<FileOutcome[]> {
  const limit = pLimit(options.jobs ?? availableParallelism());
  let done = 0;
  return Promise.all(
    inputs.map((input) =>
      limit(async (): Promise<FileOutcome> => {
        const start = performance.now();
        try {
          const bytes = await readInput(input);
          const { document, partial } = await extractBrochureWithStatus(bytes, { ...options, fileName: input });
          const output = options.outputFor(input, document);
          await writeJsonAtomic(output, document);
          return { input, output, document, partial, ms: performance.now() - start };
        } catch (error) {
          return { input, error: error instanceof Error ? error : new Error(String(error)), ms: performance.now() - start };
        } finally {
          options.onDone?.(++done, inputs.length);
        }
      }),
    ),
  );
}
