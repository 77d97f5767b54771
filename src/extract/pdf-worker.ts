/**
 * Page-reading thread (see `pdf-threads.ts`): opens the PDF it is given, then claims pages one at
 * a time from a counter shared by every reading thread, so no thread waits for the main thread
 * between pages; at the end it names the fonts of its pages and posts them back.
 */
// First: evaluated before pdf.js (no canvas add-on, no fetch implementation, synchronous inflate).
import './thread-setup.js';
import { parentPort, workerData } from 'node:worker_threads';
import { toWorkerError, type WorkerError } from '../worker-errors.js';
import type { PdfPage } from '../types.js';
import { openPdf, PageReader } from './pdf.js';
import { threadsFor } from './pdf-threads.js';

/** What a reading thread is started with. */
export interface PageWorkerData {
  readonly bytes: Uint8Array;
  readonly password?: string;
  readonly maxPages?: number;
  /**
   * Shared counters: [0] the last page claimed, [1] the first page that failed (0: none yet).
   * A thread stops claiming past a failed page, so the pages before it are all read and the
   * error reported is the first failing page's, as in one thread.
   */
  readonly shared: SharedArrayBuffer;
  /** This thread's place among the reading threads (0 for the first). */
  readonly ordinal: number;
  /** Reading threads at most, and pages each one beyond the first needs (`threadsFor`). */
  readonly threads: number;
  readonly pagesPerThread: number;
}

/** Messages a reading thread posts. */
export type PageWorkerMessage =
  | { readonly type: 'opened'; readonly pageCount: number }
  | { readonly type: 'done'; readonly pages: PdfPage[] }
  | { readonly type: 'failed'; readonly page?: number; readonly error: WorkerError };

const CLAIMED = 0;
const FAILED = 1;

async function run(data: PageWorkerData, post: (message: PageWorkerMessage) => void): Promise<void> {
  let opened;
  try {
    opened = await openPdf(data.bytes, data);
  } catch (error) {
    return post({ type: 'failed', error: toWorkerError(error) });
  }
  const counters = new Int32Array(data.shared);
  try {
    post({ type: 'opened', pageCount: opened.doc.numPages });
    const reader = new PageReader(opened.doc);
    // A thread started ahead of the page count reads nothing when the PDF is too short to share.
    if (data.ordinal >= threadsFor(opened.doc.numPages, data.threads, data.pagesPerThread)) return post({ type: 'done', pages: [] });
    for (;;) {
      const failed = Atomics.load(counters, FAILED);
      const number = Atomics.add(counters, CLAIMED, 1) + 1;
      if (number > opened.doc.numPages || (failed !== 0 && number > failed)) break;
      try {
        await reader.read(number);
      } catch (error) {
        // Record the lowest failing page, so threads keep reading only the pages before it.
        for (let seen = Atomics.load(counters, FAILED); seen === 0 || number < seen; seen = Atomics.load(counters, FAILED)) {
          if (Atomics.compareExchange(counters, FAILED, seen, number) === seen) break;
        }
        return post({ type: 'failed', page: number, error: toWorkerError(error) });
      }
    }
    post({ type: 'done', pages: await reader.finish() });
  } finally {
    await opened.destroy();
  }
}

const port = parentPort;
if (port) {
  const post = (message: PageWorkerMessage): void => port.postMessage(message);
  // A thread started ahead (`prestartPageThread`) loads pdf.js first, then gets its data as a message.
  if (workerData) void run(workerData as PageWorkerData, post);
  else port.once('message', (data: PageWorkerData) => void run(data, post));
}
