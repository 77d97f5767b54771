/**
 * Reads a PDF's pages in worker threads (`pdf-worker.ts`): pdf.js parsing is CPU-bound and runs
 * in the thread that calls it, so a long PDF reads faster on several cores, and a thread can be
 * terminated, which is how a time limit stops a parse that never yields. This module does not load
 * pdf.js: the calling thread stays free (to load and prepare the later stages meanwhile).
 *
 * The first thread starts at once; more start only when it reports enough pages to share. Threads
 * claim pages from a shared counter; the pages come back merged in page order, equal to what one
 * thread reads (`test/extract-pdf-threads.test.ts`).
 */
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { PdfPage, PdfPages } from '../types.js';
import { fromWorkerError } from '../worker-errors.js';
import type { PageWorkerData, PageWorkerMessage } from './pdf-worker.js';

/** Options of `readPdfPagesInThreads`. */
export interface ThreadedReadOptions {
  /** Password of an encrypted PDF (default: none). */
  readonly password?: string;
  /** Refuse a PDF with more pages than this (default: no limit). */
  readonly maxPages?: number;
  /** Reading threads at most (at least 1). */
  readonly threads: number;
  /** Pages each thread beyond the first needs to be worth starting (default `PAGES_PER_EXTRA_THREAD`). */
  readonly pagesPerThread?: number;
  /** Stops the reading: threads are terminated, the promise rejects with the signal's reason. */
  readonly signal?: AbortSignal;
  /** The compiled thread module (default: `pdf-worker.js` beside this module; tests running the sources pass `dist/`'s). */
  readonly workerUrl?: URL;
}

/**
 * A thread beyond the first starts only when the PDF has this many pages per thread: below it, a
 * second pdf.js (loaded, warmed up, the fonts parsed again: about 0.7 s of CPU, 40 MB) costs more
 * than it saves. Measured on idle cores: 110 pages 11 % slower with 2 threads, 330 pages 17 %
 * faster (docs/performance.md, "Third pass"); so a second thread from 200 pages.
 */
export const PAGES_PER_EXTRA_THREAD = 100;

/**
 * Young-generation size of a reading thread: V8's default (48 MB) holds about 20 MB more memory per
 * thread than 8 MB for no measurable CPU time on the brochure (docs/performance.md).
 */
const YOUNG_GENERATION_MB = 8;

/** Most threads worth reading one PDF with (docs/performance.md, "Pages in parallel"). */
export const MAX_PAGE_THREADS = 2;

/**
 * The CLI's page threads: as many as there are idle cores (cores minus the 1-minute load average,
 * rounded), at least one (it is what lets a time limit stop pdf.js), at most `MAX_PAGE_THREADS`.
 * A second thread costs about 40 % more CPU time (a second pdf.js to load and warm up): on a busy
 * machine that time is taken from the first thread and the run is slower (docs/performance.md).
 * @param cores Cores available (default: this machine's).
 * @param load 1-minute load average (default: this machine's; 0 where the system has none).
 * @returns The number of threads.
 */
export function defaultPageThreads(cores = availableParallelism(), load = loadavg()[0] ?? 0): number {
  return Math.max(1, Math.min(MAX_PAGE_THREADS, cores, Math.round(cores - load)));
}

/** A reading thread started before its PDF is known, and whether it has exited meanwhile. */
interface Prestarted {
  readonly worker: Worker;
  readonly href: string;
  exited: boolean;
}
let prestarted: Prestarted[] = [];

/**
 * Starts page-reading threads now, before the PDF is read from disk: each loads pdf.js (about
 * 0.2 s) while the calling thread loads the later stages and reads the file, and the next
 * `readPdfPagesInThreads` with the same module takes them (up to its `threads`). The CLI calls
 * this first thing for a single PDF. Unused threads do not keep the process alive.
 * @param workerUrl The compiled thread module (default: `pdf-worker.js` beside this module).
 * @param count How many threads to have waiting (default 1).
 */
export function prestartPageThread(workerUrl?: URL, count = 1): void {
  const url = workerUrl ?? new URL('./pdf-worker.js', import.meta.url);
  prestarted = prestarted.filter((entry) => !entry.exited);
  while (prestarted.length < count) {
    const worker = new Worker(url, { resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
    const entry: Prestarted = { worker, href: url.href, exited: false };
    // Until it is taken, a crash only means it will not be used.
    worker.on('error', () => undefined);
    worker.once('exit', () => {
      entry.exited = true;
    });
    worker.unref();
    prestarted.push(entry);
  }
}

/**
 * How many prestarted reading threads are waiting for their PDF (for tests).
 * @returns 0 once a read has taken them.
 */
export function pageThreadsWaiting(): number {
  return prestarted.filter((entry) => !entry.exited).length;
}

/**
 * Whether a prestarted reading thread is waiting for its PDF (for tests).
 * @returns True between `prestartPageThread` and the read that takes it.
 */
export function pageThreadWaiting(): boolean {
  return pageThreadsWaiting() > 0;
}

/** Up to `count` prestarted threads for this module that are still alive; each is handed out once, the others are ended. */
function takePrestarted(url: URL, count: number): Worker[] {
  const alive = prestarted.filter((entry) => !entry.exited && entry.href === url.href);
  const taken = alive.slice(0, count);
  for (const entry of prestarted) if (!taken.includes(entry)) void entry.worker.terminate();
  prestarted = [];
  for (const entry of taken) entry.worker.ref();
  return taken.map((entry) => entry.worker);
}

/**
 * Reads the text runs of every page of a PDF in worker threads.
 * @param bytes The PDF file's content (not modified).
 * @param options Threads, limits, abort signal.
 * @returns The same pages as `readPdfPages` in one thread.
 * @throws BrochureError as `readPdfPages`, or the signal's reason.
 */
export function readPdfPagesInThreads(bytes: Uint8Array, options: ThreadedReadOptions): Promise<PdfPages> {
  const url = options.workerUrl ?? new URL('./pdf-worker.js', import.meta.url);
  const shared = new SharedArrayBuffer(8);
  const data: PageWorkerData = {
    bytes,
    shared,
    ordinal: 0,
    threads: options.threads,
    pagesPerThread: options.pagesPerThread ?? PAGES_PER_EXTRA_THREAD,
    ...(options.password !== undefined ? { password: options.password } : {}),
    ...(options.maxPages !== undefined ? { maxPages: options.maxPages } : {}),
  };
  const workers = new Set<Worker>();
  const pages: PdfPage[] = [];
  let pageCount: number | undefined;
  let running = 0;
  /** The error to report: an open failure, or the lowest failing page's. */
  let failure: { page: number; error: Error } | undefined;

  return new Promise<PdfPages>((resolve, reject) => {
    let settled = false;
    const finish = (outcome: () => void): void => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      for (const worker of workers) void worker.terminate();
      workers.clear();
      outcome();
    };
    const abort = (): void => finish(() => reject(options.signal?.reason));
    if (options.signal?.aborted) return abort();
    options.signal?.addEventListener('abort', abort, { once: true });

    const settleIfDone = (): void => {
      // Every page in: a thread still starting would find nothing left to read.
      const complete = !failure && pageCount !== undefined && pages.length === pageCount;
      if (running > 0 && !complete) return;
      if (failure) return finish(() => reject(failure!.error));
      pages.sort((a, b) => a.number - b.number);
      finish(() => resolve({ pageCount: pageCount ?? pages.length, pages }));
    };
    const start = (ahead?: Worker): void => {
      // Each thread gets its own copy of the bytes (pdf.js takes ownership of the buffer it reads).
      const own: PageWorkerData = { ...data, bytes: bytes.slice(), ordinal: workers.size };
      ahead?.postMessage(own, [own.bytes.buffer as ArrayBuffer]);
      const worker = ahead ?? new Worker(url, { workerData: own, resourceLimits: { maxYoungGenerationSizeMb: YOUNG_GENERATION_MB } });
      workers.add(worker);
      running++;
      let ended = false;
      const end = (): void => {
        if (ended) return;
        ended = true;
        running--;
        settleIfDone();
      };
      worker.on('message', (message: PageWorkerMessage) => {
        if (message.type === 'opened') {
          if (pageCount === undefined) {
            pageCount = message.pageCount;
            const wanted = threadsFor(pageCount, options.threads, data.pagesPerThread);
            while (workers.size < wanted && !settled) start();
          }
          return;
        }
        if (message.type === 'done') pages.push(...message.pages);
        else {
          // An open failure (no page) is the same in every thread; a page failure keeps the lowest page.
          const page = message.page ?? 0;
          if (!failure || page < failure.page) failure = { page, error: fromWorkerError(message.error) };
        }
        end();
      });
      worker.on('error', (error) => {
        if (!failure) failure = { page: Infinity, error: new Error(`PDF reading thread crashed: ${error.message}`) };
        end();
      });
      worker.on('exit', (code) => {
        if (!ended && !settled) {
          if (!failure) failure = { page: Infinity, error: new Error(`PDF reading thread stopped unexpectedly (exit code ${code})`) };
          end();
        }
      });
    };
    // Threads started ahead get the PDF at once (each sees from the page count whether it is needed); others start as the first reports the page count.
    const ahead = takePrestarted(url, options.threads);
    if (ahead.length === 0) start();
    for (const worker of ahead) start(worker);
  });
}

/**
 * Threads worth reading a PDF of `pageCount` pages: one, plus one per `pagesPerThread` pages
 * beyond, at most `threads`. Each reading thread applies it too (`PageWorkerData.ordinal`).
 */
export function threadsFor(pageCount: number, threads: number, pagesPerThread: number): number {
  return Math.max(1, Math.min(threads, Math.floor(pageCount / pagesPerThread)));
}
