/**
 * Layout stage of the PDF adapter: rebuilds printed lines and blocks, in reading order, from the
 * text runs `pdf.ts` reads. Pure functions over geometry; nothing here knows the brochure's words.
 * This module only orchestrates the steps, each in its own module:
 *
 * 1. Runs -> fragments (`fragments.ts`): runs on one baseline and close together, superscripts joined ("1" + "er");
 *    letter-spaced text (« L'É Q U I P E ») cut back into words (`letter-spacing.ts`).
 * 2. Running headers, footers and page numbers dropped (`running-text.ts`): text repeated in the page margins.
 * 3. Reading order by recursive XY-cut (`xycut.ts`) (bands across the page, column gutters, narrower gaps);
 *    boxes inset in a column's text (posters, "and after" boxes) are read after that text.
 *    Table cells without drawn borders (`cells.ts`) are read row by row, each cell's lines together.
 * 4. Lines -> blocks (`blocks.ts`): paragraph gaps, style changes, list indents and bullets, printed `|` tables;
 *    a paragraph cut by a column or page break is joined back.
 * 5. Hyphenated line ends joined (`hyphenation.ts`), keeping compounds the document prints elsewhere.
 *
 * 0. The text layer checked first (`text-layer.ts`): OCR copies, text drawn twice, damaged
 *    characters repaired where the cause is proved, or reported.
 *
 * Thresholds are ratios of the body text size (the most used size), never fixed coordinates.
 * Coordinates are points with y growing downwards (`PdfTextRun.y` is the baseline from the top).
 */
import { BrochureError } from '../errors.js';
import type { BlockBox, Diagnostic, ExtractedDocument, PdfPages } from '../types.js';
import { announcedDrawnLists, continuesAcrossBreak, leafBlocks, withinTextColumn, type DraftBlock } from './blocks.js';
import { measure, pageFragments } from './fragments.js';
import { respaceLetterSpaced } from './letter-spacing.js';
import { finishBlock, hyphenVocabulary } from './hyphenation.js';
import { dropRunningText } from './running-text.js';
import { checkTextLayer } from './text-layer.js';
import { cutRegion, placeFloats, type Leaf } from './xycut.js';

/** Options of `layoutPages`. */
export interface LayoutOptions {
  /** Pages a margin text must repeat on to be a running header or footer (default: 3). */
  readonly minRepeats?: number;
  /** Share of the page height, at the top and at the bottom, where headers, footers and page numbers are looked for (default: 0.1). */
  readonly marginBand?: number;
}

const defaultOptions: Required<LayoutOptions> = { minRepeats: 3, marginBand: 0.1 };

/**
 * Rebuilds the blocks of a PDF in reading order from its text runs.
 * @param read The runs of every page, from `readPdfPages`.
 * @param options Configuration (optional).
 * @returns The block stream (`format: 'pdf'`), headers and page numbers removed.
 */
export function layoutPages(read: PdfPages, options: LayoutOptions = {}): ExtractedDocument {
  const settings = { ...defaultOptions, ...options };
  const { pages, diagnostics: textLayer } = checkTextLayer(read);
  // Letter-spaced headings cut into words before running text is compared across pages.
  const perPage = respaceLetterSpaced(pages.pages.map((page) => pageFragments(page)));
  const kept = dropRunningText(pages.pages, perPage, settings);
  const metrics = measure(kept);
  const drafts: DraftBlock[] = [];
  // Where each draft was read (parallel to `drafts`): a draft joined across a break keeps its first part's.
  const places: Place[] = [];
  let lastFull = false;
  for (const fragments of kept) {
    if (fragments.length === 0) continue;
    const leaves: Leaf[] = [];
    cutRegion(fragments, null, metrics, leaves);
    const columns: Leaf['column'][] = [];
    placeFloats(leaves, metrics).forEach((leaf, region) => {
      const blocks = leafBlocks(withinTextColumn(leaf, leaves, metrics), metrics);
      if (blocks.length === 0) return;
      if (!columns.includes(leaf.column)) columns.push(leaf.column);
      const column = columns.indexOf(leaf.column);
      const previous = drafts.at(-1);
      if (previous && lastFull && continuesAcrossBreak(previous, blocks[0]!)) {
        drafts[drafts.length - 1] = { kind: previous.kind, lines: [...previous.lines, ...blocks[0]!.lines] };
        blocks.shift();
      }
      drafts.push(...blocks);
      places.push(...blocks.map((block) => ({ region, column, lines: block.lines.length })));
      // Whether the region's last line runs to the column edge: a paragraph cut by the break, not ended.
      const last = drafts.at(-1)!.lines.at(-1)!;
      lastFull = last.x1 >= leaf.colX1 - 0.1 * (leaf.colX1 - leaf.colX0);
    });
  }
  const listed = announcedDrawnLists(drafts, metrics);
  const keepHyphen = hyphenVocabulary(listed);
  const blocks = listed.map((draft, i) => finishBlock(draft, metrics, keepHyphen, boxOf(draft, places[i]!)));
  const bodyLineHeight = metrics.bodySize * metrics.leadingRatio;
  return { format: 'pdf', pageCount: pages.pageCount, blocks, bodyLineHeight, diagnostics: [...textLayer, ...skippedTextDiagnostics(pages)] };
}

/** Where a draft was read: its region and column on the page, and how many of its lines were read there. */
interface Place {
  readonly region: number;
  readonly column: number;
  readonly lines: number;
}

/** Share of a line's size above its baseline, and below it, as `blocks.ts` measures the white between lines. */
const ASCENT = 0.75;
const DESCENT = 0.25;

/**
 * The box of a draft's lines read in its first region (a paragraph joined across a break is
 * placed where it starts).
 */
function boxOf(draft: DraftBlock, place: Place): BlockBox {
  const lines = draft.lines.slice(0, place.lines);
  const first = lines[0]!;
  const last = lines.at(-1)!;
  let x0 = Infinity;
  let x1 = -Infinity;
  for (const line of lines) {
    x0 = Math.min(x0, line.x0);
    x1 = Math.max(x1, line.x1);
  }
  const top = first.y - ASCENT * first.size;
  const bottom = last.y + DESCENT * last.size;
  return { x: toPoints(x0), y: toPoints(top), width: toPoints(x1 - x0), height: toPoints(bottom - top), region: place.region, column: place.column };
}

/** Hundredths of a point: finer than any layout decision, coarse enough to read. */
function toPoints(value: number): number {
  return Math.round(value * 100) / 100;
}

/**
 * Stops on a PDF without any text layer: scanned or image-only documents need OCR first.
 * @param pages The runs of every page, from `readPdfPages`.
 * @throws BrochureError `IMAGE_ONLY` when no page has any text.
 */
export function assertHasText(pages: PdfPages): void {
  const hasText = pages.pages.some((page) => page.runs.some((run) => run.text.trim() !== ''));
  if (!hasText) {
    throw new BrochureError(
      'IMAGE_ONLY',
      `the PDF (${pages.pageCount} page${pages.pageCount === 1 ? '' : 's'}) has no text layer, only images: run OCR on it first (e.g. ocrmypdf in.pdf out.pdf), then extract again`,
    );
  }
}

/** One info diagnostic when some text was left out because it is not upright. */
function skippedTextDiagnostics(pages: PdfPages): Diagnostic[] {
  const skipped = pages.pages.filter((page) => page.skippedRuns > 0);
  if (skipped.length === 0) return [];
  const count = skipped.reduce((sum, page) => sum + page.skippedRuns, 0);
  const list = skipped.map((page) => page.number);
  return [
    {
      code: 'PDF_TEXT_NOT_UPRIGHT',
      severity: 'info',
      page: list[0]!,
      message: `${count} morceau(x) de texte non horizontal (pivoté ou vertical) ignoré(s), page(s) ${list.slice(0, 10).join(', ')}${list.length > 10 ? '…' : ''}.`,
    },
  ];
}
