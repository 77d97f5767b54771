/**
 * Batches: runs the pipeline on several files at once, each file's failure kept to itself, each
 * output written atomically. pdf.js parsing is CPU-bound, so when more than one file runs at once
 * each job slot gets a worker thread (src/worker.ts); a single file runs in this thread.
 */
import type { Profile } from './profile.js';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import { runStages, type StageResults } from './pipeline.js';
import { readInput, STANDARD_STREAM } from './read.js';
import type { BrochureDocument } from './types.js';
import { fromWorkerError, type WorkerJob, type WorkerReply } from './worker.js';
import { writeJsonAtomic } from './write.js';

/** Options of a batch. */
export interface BatchOptions {
  /** Password of encrypted PDFs (default: none). */
  readonly password?: string;
  /** Refuse PDFs with more pages than this (default: the extract stage's). */
  readonly maxPages?: number;
  /** Give up on a file after this many milliseconds (default: no limit). */
  readonly timeoutMs?: number;
  /** Vocabulary profile merged onto the shipped one (default: the shipped profile). */
  readonly profile?: Profile;
  /** Edition of a brochure that does not print it ("2019-2020"; see `PipelineOptions.edition`). */
  readonly edition?: string;
  /** Files processed at once (default: number of cores). */
  readonly jobs?: number;
  /**
   * Run each job slot in a worker thread (default: when more than one file runs at once).
   * In a worker a timed-out or crashed file stops for real: its thread is terminated and replaced.
   */
  readonly threads?: boolean;
  /**
   * Threads reading each PDF's pages when files run in this thread (default 0: pdf.js in this
   * thread); see `ExtractOptions.pageThreads`. With a timeout, they are what lets it stop a PDF.
   */
  readonly pageThreads?: number;
  /** Pages each page thread beyond the first needs (see `ExtractOptions.pagesPerThread`). */
  readonly pagesPerThread?: number;
  /** The compiled page-reading thread module (default: beside `dist/extract/pdf-threads.js`). */
  readonly pdfWorkerUrl?: URL;
  /** The compiled worker module (default: `worker.js` beside this module; tests running the sources pass `dist/worker.js`). */
  readonly workerUrl?: URL;
  /** Where each document is written; `null`: not written, the caller takes `outcome.document` (extract --out -). */
  readonly outputFor: (input: string, document: BrochureDocument) => string | null;
  /** Called as each file is done, before the others (so that its line is printed then, and a progress line moves). */
  readonly onDone?: (outcome: FileOutcome, done: number, total: number) => void;
  /** Called with every stage's output of a file read in this thread (not in a worker): `extract --explain`. */
  readonly onStages?: (input: string, stages: StageResults) => void;
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

/** Reads one file into its document, in this thread or a worker. */
type Reader = (input: string) => Promise<{ document: BrochureDocument; partial: boolean }>;

/**
 * Extracts each input and writes its document; one failing file does not stop the others.
 * @param inputs Files to process.
 * @param options Configuration.
 * @returns One outcome per input, in input order.
 */
export async function processFiles(inputs: readonly string[], options: BatchOptions): Promise<FileOutcome[]> {
  const jobs = Math.max(1, Math.min(options.jobs ?? availableParallelism(), inputs.length));
  const pool = (options.threads ?? jobs > 1) ? createPool(jobs, options) : undefined;
  const read: Reader = pool?.read ?? (async (input) => {
    const stages = await runStages(await readInput(input), { ...options, fileName: input });
    options.onStages?.(input, stages);
    return stages;
  });
  const limit = pLimit(jobs);
  let done = 0;
  try {
    return await Promise.all(
      inputs.map((input) =>
        limit(async (): Promise<FileOutcome> => {
          const outcome = await processFile(input, read, options);
          options.onDone?.(outcome, ++done, inputs.length);
          return outcome;
        }),
      ),
    );
  } finally {
    await pool?.close();
  }
}

/** Reads one file and writes its document; any failure becomes the outcome's error. */
async function processFile(input: string, read: Reader, options: BatchOptions): Promise<FileOutcome> {
  const start = performance.now();
  try {
    const { document, partial } = await read(input);
    const output = options.outputFor(input, document);
    if (output === null) return { input, document, partial, ms: performance.now() - start };
    await writeJsonAtomic(output, document);
    return { input, output, document, partial, ms: performance.now() - start };
  } catch (error) {
    return { input, error: error instanceof Error ? error : new Error(String(error)), ms: performance.now() - start };
  }
}

/** A fixed number of worker threads, started on first use and reused from file to file. */
interface Pool {
  readonly read: Reader;
  /** Terminates every worker. */
  readonly close: () => Promise<void>;
}

/**
 * Starts a pool of at most `size` workers; p-limit keeps at most `size` files in flight, so a
 * file always finds an idle worker or room to start one.
 */
function createPool(size: number, options: BatchOptions): Pool {
  const url = options.workerUrl ?? new URL('./worker.js', import.meta.url);
  const idle: Worker[] = [];
  const live = new Set<Worker>();
  /** The pending file of each busy worker: settles it with a reply or with the worker's death. */
  const pending = new Map<Worker, (reply: WorkerReply, reusable: boolean) => void>();

  const start = (): Worker => {
    const worker = new Worker(url);
    live.add(worker);
    // Permanent listeners: an idle worker that dies must not take the process with it.
    worker.on('message', (reply: WorkerReply) => pending.get(worker)?.(reply, true));
    worker.on('error', (error) => retire(worker, `worker crashed: ${error.message}`));
    worker.on('exit', (code) => retire(worker, `worker stopped unexpectedly (exit code ${code})`));
    return worker;
  };
  const retire = (worker: Worker, message: string): void => {
    live.delete(worker);
    const index = idle.indexOf(worker);
    if (index >= 0) idle.splice(index, 1);
    pending.get(worker)?.({ type: 'failed', error: { message } }, false);
  };

  const read: Reader = async (input) => {
    const worker = idle.pop() ?? start();
    const job: WorkerJob = {
      input,
      // Standard input is this thread's: its bytes are read here and sent.
      ...(input === STANDARD_STREAM ? { bytes: await readInput(input) } : {}),
      ...(options.password !== undefined ? { password: options.password } : {}),
      ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
      ...(options.profile !== undefined ? { profile: options.profile } : {}),
      ...(options.edition !== undefined ? { edition: options.edition } : {}),
    };
    return new Promise((resolve, reject) => {
      // The timeout lives here, not in the worker: terminating the thread really stops a runaway parse.
      const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => {
        settle({ type: 'failed', error: { code: 'TIMEOUT', message: `reading took longer than ${options.timeoutMs} ms: the file is too large or malformed (raise --timeout if it is a real brochure)` } }, false);
      }, options.timeoutMs);
      const settle = (reply: WorkerReply, reusable: boolean): void => {
        clearTimeout(timer);
        pending.delete(worker);
        if (reusable) {
          idle.push(worker);
        } else if (live.delete(worker)) {
          void worker.terminate();
        }
        if (reply.type === 'done') resolve({ document: reply.document, partial: reply.partial });
        else reject(fromWorkerError(reply.error));
      };
      pending.set(worker, settle);
      worker.postMessage(job);
    });
  };

  const close = async (): Promise<void> => {
    const workers = [...live];
    live.clear();
    idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  };
  return { read, close };
}
