/**
 * PDF adapter: the only module that imports pdf.js. It turns the bytes of a PDF into text runs
 * with their page geometry and font; `layout.ts` rebuilds lines and blocks from them.
 *
 * Bold is read from the real font name ("AAAAAA+Carlito-Bold"). `getTextContent` only gives
 * pdf.js ids ("g_d0_f1") and a generic family, so after the text pass the operator list of a
 * few pages is built (that is what sends the fonts, with their names, to `commonObjs`): for each
 * font not yet named, the page using it with the fewest characters, covering several fonts at
 * once when it can. The cost is bounded by the number of fonts, not pages (4 light pages for the
 * 2019 brochure). The text content has no better clue: its `styles` give only the generic family,
 * ascent and descent (measured and checked for issue 11, docs/performance.md).
 *
 * Those operator lists also load each font's ToUnicode map (`fontExtraProperties`): a font whose
 * only hyphen glyph is mapped to U+00AD (Scribus) prints hyphens the text content drops; the
 * operator list of each page where such a font prints a gap between letters tells which gaps were
 * hyphens (`soft-hyphens.ts`). A PDF without such a font builds no further operator list.
 *
 * `readPdfPages` reads in this thread; `openPdf` and `PageReader` are also what each page-reading
 * thread runs (`pdf-worker.ts`, `pdf-threads.ts`).
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { restoreNatives } from './natives.js';
import { getDocument, OPS, Util, type PDFDocumentProxy, type PDFPageProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
// Loaded here rather than lazily by getDocument, so that both pdf.js modules have run their
// polyfills before the built-ins are restored; it registers itself as `globalThis.pdfjsWorker`,
// which pdf.js uses as its in-thread ("fake") worker.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import { BrochureError } from '../errors.js';
import type { PdfPage, PdfPages, PdfTextRun } from '../types.js';
import { restoreHyphens, shownGlyphs } from './soft-hyphens.js';
import { latin } from '../alphabet.js';

restoreNatives();

export type { PdfPage, PdfPages, PdfTextRun } from '../types.js';

/** Options of `readPdfPages`. */
export interface ReadPdfOptions {
  /** Password of an encrypted PDF (default: none). */
  readonly password?: string;
  /** Refuse a PDF with more pages than this, before reading any page (default: no limit). */
  readonly maxPages?: number;
}

const emptyOptions: ReadPdfOptions = {};

/** Subset prefix of an embedded font name ("AAAAAA+"). */
const SUBSET_PREFIX = /^[A-Z]{6}\+/;

/**
 * Weight words of bold faces in PostScript names ("Carlito-Bold", "Inter-SemiBold", "Helvetica-Black"),
 * and URW's « Medi » suffix: the Type 1 clones of the base 35 name Times-Bold « NimbusRomNo9L-Medi »
 * (TeX's psnfss fonts, so every pdfLaTeX document set in Times). « Medium » alone is not bold.
 */
const BOLD_NAME = /bold|black|heavy|demi|ultra|extra ?bold|semi ?bold|-Medi(?:Ital)?$/i;

/**
 * Whether a font's PostScript name says a bold face.
 * @param name The font's name, subset prefix included or not (« EWTJWF+NimbusRomNo9L-Medi »).
 * @returns `true` for a bold face.
 */
export function isBoldFontName(name: string): boolean {
  return BOLD_NAME.test(name);
}

/** Where pdf.js keeps its CMaps (needed for some CJK / Identity-H fonts), read from disk, never fetched. */
const PDFJS_DIR = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

/**
 * Reads the text runs of every page of a PDF, in this thread.
 * @param bytes The PDF file's content (not modified).
 * @param options Configuration (optional).
 * @returns Page sizes and upright text runs, with their font and whether it is bold.
 * @throws BrochureError `NOT_A_PDF`, `PDF_DAMAGED`, `PDF_PASSWORD_REQUIRED`, `PDF_PASSWORD_WRONG`, `TOO_MANY_PAGES`.
 */
export async function readPdfPages(bytes: Uint8Array, options: ReadPdfOptions = emptyOptions): Promise<PdfPages> {
  // pdf.js may transfer (detach) the buffer it is given: hand it a copy, the caller's bytes stay usable.
  const { doc, destroy } = await openPdf(bytes.slice(), options);
  try {
    const reader = new PageReader(doc);
    for (let number = 1; number <= doc.numPages; number++) await reader.read(number);
    return { pageCount: doc.numPages, pages: await reader.finish() };
  } finally {
    await destroy();
  }
}

/** An open PDF and how to close it. */
export interface OpenPdf {
  readonly doc: PDFDocumentProxy;
  /** Ends the document and pdf.js's (in-thread) worker. */
  readonly destroy: () => Promise<void>;
}

/**
 * Opens a PDF with the adapter's settings (no eval, no font faces, CMaps from disk).
 * @param data The PDF's bytes; pdf.js may detach this buffer, pass a copy you do not need.
 * @param options Password and page limit.
 * @returns The open document.
 * @throws BrochureError as `readPdfPages`.
 */
export async function openPdf(data: Uint8Array, options: ReadPdfOptions = emptyOptions): Promise<OpenPdf> {
  if (!hasPdfHeader(data)) {
    throw new BrochureError('NOT_A_PDF', 'the input is not a PDF (no %PDF- header): pass the brochure PDF or its converter text');
  }
  const task = getDocument({
    data,
    password: options.password,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
    // The fonts' ToUnicode maps reach `commonObjs` (for `hyphenReadAsGap`).
    fontExtraProperties: true,
    cMapUrl: join(PDFJS_DIR, 'cmaps') + '/',
    cMapPacked: true,
    standardFontDataUrl: join(PDFJS_DIR, 'standard_fonts') + '/',
  });
  let doc: PDFDocumentProxy | undefined;
  try {
    doc = await task.promise.catch((error: unknown) => {
      throw openError(error, options);
    });
    if (options.maxPages !== undefined && doc.numPages > options.maxPages) {
      throw new BrochureError(
        'TOO_MANY_PAGES',
        `the PDF has ${doc.numPages} pages, more than the limit of ${options.maxPages}: check it is the brochure, or raise --max-pages`,
      );
    }
  } catch (error) {
    // A failed open still needs its task destroyed (that also ends the fake worker).
    await (doc ?? task).destroy();
    throw error;
  }
  const opened = doc;
  return { doc: opened, destroy: () => opened.destroy() };
}

/**
 * Reads pages of an open PDF in any order, then names their fonts in one go. Each page's runs
 * depend only on that page, so pages read by several readers (threads) and merged in page order
 * are the same as pages read by one.
 */
export class PageReader {
  readonly #doc: PDFDocumentProxy;
  readonly #read: ReadPage[] = [];

  constructor(doc: PDFDocumentProxy) {
    this.#doc = doc;
  }

  /**
   * Text pass of one page.
   * @param number 1-based page number.
   * @throws BrochureError `PDF_DAMAGED` when the page cannot be read.
   */
  async read(number: number): Promise<void> {
    this.#read.push(await readPage(this.#doc, number));
  }

  /**
   * Names the fonts of the pages read so far.
   * @returns Those pages, in page order, each run with its font name and weight.
   */
  async finish(): Promise<PdfPage[]> {
    const pages = [...this.#read].sort((a, b) => a.number - b.number);
    const fonts = await nameFonts(this.#doc, pages);
    const named = pages.map(({ number, width, height, runs, skippedRuns }) => ({
      number,
      width,
      height,
      skippedRuns,
      // Each run written out field by field: a rest pattern and spreads, run once per run of a
      // cold thread, cost some 25 ms on the way to the first page laid out (docs/performance.md).
      runs: runs.map((run): PdfTextRun => {
        const font = fonts.get(run.fontId);
        const named: PdfTextRun = { text: run.text, x: run.x, y: run.y, width: run.width, fontSize: run.fontSize, bold: font?.bold ?? false, fontName: font?.name ?? run.fontId };
        return font?.hyphenReadAsGap ? { ...named, hyphenReadAsGap: true } : named;
      }),
    }));
    return Promise.all(named.map((page) => this.#withHyphens(page)));
  }

  /**
   * A page whose runs in fonts that read hyphens as gaps hold gaps between letters: its glyphs
   * (operator list, built only for such pages) tell which gaps were hyphens (`soft-hyphens.ts`).
   */
  async #withHyphens(page: PdfPage): Promise<PdfPage> {
    const gapped = (run: PdfTextRun): boolean => run.hyphenReadAsGap === true && latin('u')`[\p{L}\p{N}] [\p{L}\p{N}]`.test(run.text);
    if (!page.runs.some(gapped)) return page;
    let proxy: PDFPageProxy | undefined;
    try {
      proxy = await this.#doc.getPage(page.number);
      const { fnArray, argsArray } = await proxy.getOperatorList();
      const texts: string[] = [];
      fnArray.forEach((fn, i) => {
        if (fn !== OPS.showText) return;
        for (const glyph of (argsArray[i] as unknown[])[0] as unknown[]) {
          const unicode = (glyph as { unicode?: unknown } | null)?.unicode;
          if (typeof unicode === 'string') texts.push(unicode);
        }
      });
      const shown = shownGlyphs(texts);
      // Gaps decided from the glyphs: the runs no longer read hyphens as gaps.
      const decided = (run: PdfTextRun): PdfTextRun => {
        const { hyphenReadAsGap, ...rest } = run;
        return hyphenReadAsGap ? { ...rest, text: restoreHyphens(run.text, shown) } : run;
      };
      return { ...page, runs: page.runs.map(decided) };
    } catch {
      // The glyphs cannot be read: the runs stay as the text layer gave them (the gaps are reported).
      return page;
    } finally {
      proxy?.cleanup();
    }
  }
}

/** A page as read by the text pass, fonts not yet named. */
interface ReadPage {
  readonly number: number;
  readonly width: number;
  readonly height: number;
  readonly runs: readonly (Omit<PdfTextRun, 'bold' | 'fontName'> & { readonly fontId: string })[];
  readonly skippedRuns: number;
  /** pdf.js font ids used on the page. */
  readonly fontIds: ReadonlySet<string>;
  /** Characters shown on the page. */
  readonly chars: number;
}

async function readPage(doc: PDFDocumentProxy, number: number): Promise<ReadPage> {
  let page: PDFPageProxy | undefined;
  try {
    page = await doc.getPage(number);
    const viewport = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs: ReadPage['runs'][number][] = [];
    const fontIds = new Set<string>();
    let skippedRuns = 0;
    for (const item of content.items) {
      // Marked-content items (no `str`) carry no text.
      if (!('str' in item) || item.str === '') continue;
      // Device space: y down, page rotation applied; [a b c d e f] with a > 0, d < 0 for upright text.
      const [a, b, c, d, e, f] = Util.transform(viewport.transform, item.transform) as number[];
      const fontSize = Math.hypot(c!, d!);
      if (!(a! > 0 && d! < 0) || Math.abs(b!) > 0.01 * fontSize || Math.abs(c!) > 0.01 * fontSize || fontSize <= 0) {
        skippedRuns++;
        continue;
      }
      fontIds.add(item.fontName);
      runs.push({ text: item.str, x: e!, y: f!, width: item.width * viewport.scale, fontSize, fontId: item.fontName });
    }
    const chars = runs.reduce((sum, run) => sum + run.text.length, 0);
    return { number, width: viewport.width, height: viewport.height, runs, skippedRuns, fontIds, chars };
  } catch (error) {
    if (error instanceof BrochureError) throw error;
    throw new BrochureError('PDF_DAMAGED', `page ${number} of the PDF cannot be read (${oneLine(error)}): the file is damaged, download or export it again`, {
      cause: error,
    });
  } finally {
    page?.cleanup();
  }
}

/**
 * Names the fonts used by the runs: builds the operator list of as few, as light pages as
 * possible (greedy: most unnamed fonts per character shown), since that is what loads fonts into
 * `commonObjs`. A font that cannot be named (Type3, damaged) stays unknown: not bold.
 */
async function nameFonts(doc: PDFDocumentProxy, pages: readonly ReadPage[]): Promise<Map<string, FontFacts>> {
  const named = new Map<string, FontFacts>();
  const unnamed = new Set(pages.flatMap((page) => [...page.fontIds]));
  const tried = new Set<number>();
  while (unnamed.size > 0) {
    let best: ReadPage | undefined;
    let bestScore = 0;
    for (const page of pages) {
      if (tried.has(page.number)) continue;
      let covered = 0;
      for (const id of page.fontIds) if (unnamed.has(id)) covered++;
      // The operator list costs about one glyph outline per character shown (fonts are not
      // loaded, glyphs are built as paths), plus a fixed cost per page (content stream, images).
      const score = covered / (page.chars + 300);
      if (score > bestScore) {
        best = page;
        bestScore = score;
      }
    }
    if (!best) break;
    tried.add(best.number);
    let page: PDFPageProxy | undefined;
    try {
      page = await doc.getPage(best.number);
      await page.getOperatorList();
      for (const id of best.fontIds) {
        if (!unnamed.has(id) || !page.commonObjs.has(id)) continue;
        const font = page.commonObjs.get(id) as { name?: unknown; toUnicode?: unknown } | null;
        const name = typeof font?.name === 'string' ? font.name.replace(SUBSET_PREFIX, '') : '';
        const hyphenReadAsGap = readsHyphenAsGap(font?.toUnicode);
        if (name !== '' || hyphenReadAsGap) named.set(id, { name: name || id, bold: isBoldFontName(name), hyphenReadAsGap });
        unnamed.delete(id);
      }
    } catch {
      // Fonts stay unnamed (not bold): the text itself was read, so this is no reason to fail.
    } finally {
      page?.cleanup();
    }
    for (const id of best.fontIds) unnamed.delete(id);
  }
  return named;
}

/** What `nameFonts` learns of a font. */
interface FontFacts {
  readonly name: string;
  readonly bold: boolean;
  /** Its only hyphen glyph is mapped to U+00AD: see `PdfTextRun.hyphenReadAsGap`. */
  readonly hyphenReadAsGap: boolean;
}

/**
 * Whether a font's ToUnicode map (as pdf.js hands it over with `fontExtraProperties`: an object
 * whose `_map` lists each code's text) maps a glyph to U+00AD and none to U+002D or U+2010: its
 * printed hyphens are soft hyphens to pdf.js, which drops them.
 */
function readsHyphenAsGap(toUnicode: unknown): boolean {
  const map = (toUnicode as { _map?: unknown } | null | undefined)?._map;
  if (map === null || typeof map !== 'object') return false;
  const texts = Object.values(map as Record<string, unknown>);
  return texts.includes('\u00ad') && !texts.includes('-') && !texts.includes('\u2010');
}

/** Whether the bytes start like a PDF: `%PDF-` within the first KiB (some files have junk before it). */
function hasPdfHeader(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = 0; i + 5 <= head.length; i++) {
    if (head[i] === 0x25 && head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** Maps a pdf.js failure to open a document to a `BrochureError` the user can act on. */
function openError(error: unknown, options: ReadPdfOptions): BrochureError {
  const name = (error as { name?: unknown } | null)?.name;
  const code = (error as { code?: unknown } | null)?.code;
  if (name === 'PasswordException') {
    // pdf.js PasswordResponses: 1 = NEED_PASSWORD, 2 = INCORRECT_PASSWORD.
    if (code === 2 || (code !== 1 && options.password !== undefined)) {
      return new BrochureError('PDF_PASSWORD_WRONG', 'the password given for the PDF is wrong: check it and pass the right one with --password', { cause: error });
    }
    return new BrochureError('PDF_PASSWORD_REQUIRED', 'the PDF is encrypted: pass its password with --password', { cause: error });
  }
  if (name === 'InvalidPDFException') {
    return new BrochureError('PDF_DAMAGED', 'the PDF structure is broken (truncated or damaged file): download or export the PDF again', { cause: error });
  }
  return new BrochureError('PDF_DAMAGED', `the PDF cannot be opened (${oneLine(error)}): the file is damaged, download or export it again`, { cause: error });
}

function oneLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/\s+/g, ' ').trim().slice(0, 200);
}
