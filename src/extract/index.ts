/**
 * Extract stage entry: picks the adapter from the input's first bytes and returns the block
 * stream. pdf.js is loaded only for PDF input (it is the costliest import), the converter-text
 * passes only for text.
 */
import type { Deadline } from '../deadline.js';
import { BrochureError } from '../errors.js';
import type { ExtractedDocument, PdfPages } from '../types.js';
import { readPdfPagesInThreads } from './pdf-threads.js';

/** Options of the extract stage. */
export interface ExtractOptions {
  /** File name, for messages and to tell a misnamed file (default: none). */
  readonly fileName?: string;
  /** Password of an encrypted PDF (default: none). */
  readonly password?: string;
  /** Refuse PDFs with more pages than this (default: 2000). */
  readonly maxPages?: number;
  /**
   * Worker threads reading a PDF's pages (default 0: pdf.js runs in the calling thread). With 1 or
   * more, pdf.js is loaded only in those threads and a time limit terminates them; more than one
   * start only for a long PDF (`PAGES_PER_EXTRA_THREAD` pages per thread).
   */
  readonly pageThreads?: number;
  /** Pages each page thread beyond the first needs to be started (default `PAGES_PER_EXTRA_THREAD`; 1: always all of `pageThreads`). */
  readonly pagesPerThread?: number;
  /** The compiled page-reading thread module (default: `dist/extract/pdf-worker.js`; for tests running the sources). */
  readonly pdfWorkerUrl?: URL;
  /** Time limit of the run (set by the pipeline's `timeoutMs`). */
  readonly deadline?: Deadline;
}

/** Default page limit: a brochure has about 110 pages; thousands mean a wrong or hostile file. */
export const DEFAULT_MAX_PAGES = 2000;

/**
 * Tells the input's format from its first bytes: a PDF starts with `%PDF-` (within the first KiB).
 * @param bytes The input.
 * @returns `pdf` or `text`.
 */
export function sniffFormat(bytes: Uint8Array): 'pdf' | 'text' {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-') ? 'pdf' : 'text';
}

/**
 * Reads a brochure, PDF or converter text, into blocks.
 * @param bytes The file's content.
 * @param options Configuration (optional).
 * @returns The block stream.
 */
export async function extractDocument(bytes: Uint8Array, options: ExtractOptions = {}): Promise<ExtractedDocument> {
  if (bytes.length === 0) throw new BrochureError('EMPTY_INPUT', `${label(options)} is empty: nothing to extract`);
  const within = <T>(task: () => T): T => (options.deadline ? options.deadline.run(task) : task());
  if (sniffFormat(bytes) === 'pdf') {
    const pdfOptions = { password: options.password, maxPages: options.maxPages ?? DEFAULT_MAX_PAGES };
    const threads = options.pageThreads ?? 0;
    // Threads first (they start reading at once), then the layout module while they read.
    const reading: Promise<PdfPages> = threads > 0
      ? readPdfPagesInThreads(bytes, { ...pdfOptions, threads, pagesPerThread: options.pagesPerThread, signal: options.deadline?.signal, workerUrl: options.pdfWorkerUrl })
      : import('./pdf.js').then(({ readPdfPages }) => readPdfPages(bytes, pdfOptions));
    const [pages, { layoutPages, assertHasText }] = await Promise.all([reading, import('./layout.js')]);
    return within(() => {
      assertHasText(pages);
      return layoutPages(pages);
    });
  }
  if (/\.pdf$/i.test(options.fileName ?? '')) {
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256)).toLowerCase();
    const what = head.includes('<html') || head.includes('<!doctype') ? 'an HTML page' : 'not a PDF';
    throw new BrochureError('NOT_A_PDF', `${label(options)} is ${what} (no %PDF- header): download the brochure PDF again`);
  }
  // The converter-text passes are loaded only for text (a PDF's run never needs them).
  const { decodeText, readText } = await import('./text.js');
  return within(() => {
    const { text, diagnostics } = decodeText(bytes);
    const extracted = readText(text);
    return { ...extracted, diagnostics: [...diagnostics, ...extracted.diagnostics] };
  });
}

function label(options: ExtractOptions): string {
  return options.fileName ? `'${options.fileName}'` : 'the input';
}
