/**
 * Pages read in worker threads (src/extract/pdf-threads.ts) must be exactly the pages one thread
 * reads, whatever the number of threads, and errors must come back with their codes.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BrochureError } from '../src/errors.js';
import { defaultPageThreads, PAGES_PER_EXTRA_THREAD, pageThreadsWaiting, pageThreadWaiting, prestartPageThread, readPdfPagesInThreads, threadsFor, type ThreadedReadOptions } from '../src/extract/pdf-threads.js';
import { readPdfPages } from '../src/extract/pdf.js';
import type { PdfPages } from '../src/types.js';

// Worker threads cannot load TypeScript: they run the compiled module (`npm test` builds it first).
const workerUrl = new URL('../dist/extract/pdf-worker.js', import.meta.url);
const read = (path: string): Uint8Array => new Uint8Array(readFileSync(new URL(path, import.meta.url)));

beforeAll(() => {
  if (!existsSync(workerUrl)) throw new Error('dist/extract/pdf-worker.js is missing: run `npm run build` (npm test does) before these tests');
});

async function threadError(bytes: Uint8Array, options: Partial<ThreadedReadOptions> = {}): Promise<unknown> {
  try {
    await readPdfPagesInThreads(bytes, { threads: 2, pagesPerThread: 1, workerUrl, ...options });
  } catch (error) {
    return error;
  }
  throw new Error('expected the threaded read to fail');
}

describe.each([
  ['the 2019 brochure', '../fixtures/inet-2019/input.pdf'],
  ['the synthetic 2031 brochure', '../fixtures/synthetic-2031/input.pdf'],
])('%s read in threads', (_, path) => {
  let single: PdfPages;
  beforeAll(async () => {
    single = await readPdfPages(read(path));
  });

  it.each([1, 2, 3])('%i thread(s): the same pages, runs, fonts and weights as one thread', async (threads) => {
    const bytes = read(path);
    // One page per thread is enough to start one: every thread really reads some pages.
    const threaded = await readPdfPagesInThreads(bytes, { threads, pagesPerThread: 1, workerUrl });
    expect(threaded.pageCount).toBe(single.pageCount);
    expect(threaded.pages.map((page) => page.number)).toEqual(single.pages.map((page) => page.number));
    expect(threaded).toEqual(single);
    // The comparison is not vacuous: the brochure has bold runs and named fonts.
    const runs = single.pages.flatMap((page) => page.runs);
    expect(runs.some((run) => run.bold)).toBe(true);
    expect(runs.every((run) => !/^g_d\d+_f\d+$/.test(run.fontName))).toBe(true);
    // The caller's bytes are not detached.
    expect(bytes.length).toBeGreaterThan(0);
  });
});

describe('a page thread started ahead (the CLI on one PDF)', () => {
  it('is taken by the next read, which gives the same pages as one thread', async () => {
    const bytes = read('../fixtures/synthetic-2031/input.pdf');
    prestartPageThread(workerUrl);
    expect(pageThreadWaiting()).toBe(true);
    const threaded = await readPdfPagesInThreads(bytes, { threads: 1, workerUrl });
    expect(pageThreadWaiting()).toBe(false);
    expect(threaded).toEqual(await readPdfPages(bytes));
  });

  it.each([
    ['the 2019 brochure (long enough for two)', '../fixtures/inet-2019/input.pdf', 1],
    ['the synthetic 2031 brochure (too short for two)', '../fixtures/synthetic-2031/input.pdf', 40],
  ])('two started ahead, %s: both taken, the same pages as one thread', async (_, path, pagesPerThread) => {
    const bytes = read(path);
    prestartPageThread(workerUrl, 2);
    expect(pageThreadsWaiting()).toBe(2);
    const threaded = await readPdfPagesInThreads(bytes, { threads: 2, pagesPerThread, workerUrl });
    expect(pageThreadsWaiting()).toBe(0);
    expect(threaded).toEqual(await readPdfPages(bytes));
  });

  it('a read wanting fewer threads than were started ahead ends the others', async () => {
    const bytes = read('../fixtures/synthetic-2031/input.pdf');
    prestartPageThread(workerUrl, 2);
    const threaded = await readPdfPagesInThreads(bytes, { threads: 1, workerUrl });
    expect(pageThreadsWaiting()).toBe(0);
    expect(threaded).toEqual(await readPdfPages(bytes));
  });

  it('does not keep the process alive when unused, and page threads never load the canvas add-on', () => {
    // A child process: this one has loaded pdf.js (and its canvas add-on) in its own thread.
    const threads = new URL('../dist/extract/pdf-threads.js', import.meta.url).href;
    const pdf = new URL('../fixtures/synthetic-2031/input.pdf', import.meta.url).pathname;
    const script = `
      import { readFileSync, existsSync } from 'node:fs';
      const { prestartPageThread, readPdfPagesInThreads } = await import(${JSON.stringify(threads)});
      await readPdfPagesInThreads(new Uint8Array(readFileSync(${JSON.stringify(pdf)})), { threads: 1 });
      const maps = existsSync('/proc/self/maps') ? readFileSync('/proc/self/maps', 'utf8') : '';
      console.log(JSON.stringify({ procMaps: maps !== '', canvas: /napi-rs|skia|canvas/.test(maps) }));
      prestartPageThread();`;
    // From a file: threads inherit the process's flags, and `--input-type` would stop them.
    const dir = mkdtempSync(join(tmpdir(), 'page-threads-'));
    writeFileSync(join(dir, 'run.mjs'), script);
    const child = spawnSync(process.execPath, [join(dir, 'run.mjs')], { encoding: 'utf8', timeout: 30_000 });
    rmSync(dir, { recursive: true, force: true });
    expect(child.status).toBe(0);
    expect(child.stderr).toBe('');
    const seen = JSON.parse(child.stdout) as { procMaps: boolean; canvas: boolean };
    if (seen.procMaps) expect(seen.canvas).toBe(false);
  });
});

describe('threaded read errors', () => {
  it('a file that is not a PDF: NOT_A_PDF, as in one thread', async () => {
    const error = await threadError(new TextEncoder().encode('not a pdf at all'));
    expect(error).toBeInstanceOf(BrochureError);
    expect((error as BrochureError).code).toBe('NOT_A_PDF');
  });

  it('too many pages: TOO_MANY_PAGES with the page count', async () => {
    const error = await threadError(read('../fixtures/inet-2019/input.pdf'), { maxPages: 5 });
    expect((error as BrochureError).code).toBe('TOO_MANY_PAGES');
    expect((error as Error).message).toContain('110 pages');
  });

  it('an encrypted PDF without its password: PDF_PASSWORD_REQUIRED', async () => {
    const error = await threadError(read('../fixtures/bad/encrypted-user.pdf'));
    expect((error as BrochureError).code).toBe('PDF_PASSWORD_REQUIRED');
  });

  it('an abort stops the threads and rejects with the signal reason', async () => {
    const controller = new AbortController();
    const reason = new BrochureError('TIMEOUT', 'stopped');
    setTimeout(() => controller.abort(reason), 50);
    const start = performance.now();
    const error = await threadError(read('../fixtures/inet-2019/input.pdf'), { signal: controller.signal });
    expect(error).toBe(reason);
    expect(performance.now() - start).toBeLessThan(2000);
  });
});

describe('threadsFor', () => {
  it('one thread, plus one per share of pages, at most the threads asked for', () => {
    expect(threadsFor(110, 2, 40)).toBe(2);
    expect(threadsFor(79, 2, 40)).toBe(1);
    expect(threadsFor(12, 2, 40)).toBe(1);
    expect(threadsFor(0, 2, 40)).toBe(1);
    expect(threadsFor(500, 3, 40)).toBe(3);
    expect(threadsFor(110, 1, 1)).toBe(1);
  });

  it('by default, a second thread only from 200 pages (the 110-page brochure reads in one)', () => {
    expect(threadsFor(110, 2, PAGES_PER_EXTRA_THREAD)).toBe(1);
    expect(threadsFor(199, 2, PAGES_PER_EXTRA_THREAD)).toBe(1);
    expect(threadsFor(200, 2, PAGES_PER_EXTRA_THREAD)).toBe(2);
  });
});

describe('defaultPageThreads', () => {
  it('gives a second thread only to a second idle core, and always one thread', () => {
    expect(defaultPageThreads(2, 0)).toBe(2);
    expect(defaultPageThreads(2, 0.4)).toBe(2);
    expect(defaultPageThreads(2, 0.6)).toBe(1);
    expect(defaultPageThreads(2, 12)).toBe(1);
    expect(defaultPageThreads(1, 0)).toBe(1);
    expect(defaultPageThreads(16, 0)).toBe(2);
  });
});
