/**
 * Worker thread of a batch: reads one brochure at a time and sends its document back. pdf.js
 * parsing is CPU-bound, so files only run in parallel when each has a thread of its own.
 * Output is written by the main thread (the output path may depend on the document).
 */
import { parentPort } from 'node:worker_threads';
import { extractBrochureWithStatus } from './pipeline.js';
import { readInput } from './read.js';
import type { Profile } from './profile.js';
import type { BrochureDocument } from './types.js';
import { toWorkerError, type WorkerError } from './worker-errors.js';

export { fromWorkerError, toWorkerError, type WorkerError } from './worker-errors.js';

/** A file to read, sent by the main thread. */
export interface WorkerJob {
  /** Path of the brochure. */
  readonly input: string;
  /** Its bytes, when the main thread read them (standard input); else the worker reads `input`. */
  readonly bytes?: Uint8Array;
  /** Password of an encrypted PDF (default: none). */
  readonly password?: string;
  /** Refuse PDFs with more pages than this (default: the extract stage's). */
  readonly maxPages?: number;
  /** Vocabulary profile, merged onto the shipped one (plain JSON: it crosses the thread boundary). */
  readonly profile?: Profile;
  /** Edition of a brochure that does not print it. */
  readonly edition?: string;
}

/** The answer to one job. */
export type WorkerReply =
  | { readonly type: 'done'; readonly document: BrochureDocument; readonly partial: boolean }
  | { readonly type: 'failed'; readonly error: WorkerError };

async function handle(job: WorkerJob): Promise<WorkerReply> {
  try {
    const bytes = job.bytes ?? await readInput(job.input);
    const { document, partial } = await extractBrochureWithStatus(bytes, {
      fileName: job.input,
      ...(job.password !== undefined ? { password: job.password } : {}),
      ...(job.maxPages !== undefined ? { maxPages: job.maxPages } : {}),
      ...(job.profile !== undefined ? { profile: job.profile } : {}),
      ...(job.edition !== undefined ? { edition: job.edition } : {}),
    });
    return { type: 'done', document, partial };
  } catch (error) {
    return { type: 'failed', error: toWorkerError(error) };
  }
}

// Imported outside a worker (by tests or the library), this module only provides the helpers above.
const port = parentPort;
if (port) port.on('message', (job: WorkerJob) => void handle(job).then((reply) => port.postMessage(reply)));
