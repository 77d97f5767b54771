/**
 * The line passes of converter text, in order, before text.ts cuts the lines into blocks. Each
 * pass is one transformation of the whole text's lines; the dialect (blank-line blocks, or one
 * printed line per line) is read from the text itself.
 */
import { isLaidOut, joinSuperscriptRows, readColumns, SUPERSCRIPT_ROW_NEEDS } from './columns.js';
import { hasHeadingMarks, splitBoldRuns, stripLineMarkup } from './markdown.js';
import { dropFolios, dropRunningLines, folioLines, inferPageBreaks, markPageBreaks } from './pages.js';
import { sortRostersReadAcross } from './rosters.js';
import { moveNumberBeforeTitle, movePageAfterCollectivite, NUMBER_ALONE_NEEDS, orderSommaireColumns, PAGE_GLUED_TO_NUMBER_NEEDS, splitFolioFromNumber, splitPageFromNextNumber } from './sommaire.js';
import { CUT_KEPT_INSIDE, dealRostersReadAcross, GLUED_EMAIL_NEEDS, GLUED_FIGURE_NEEDS, placeSecondRosterHeading, ROSTER_RUN_NEEDS, SOMMAIRE_RUN_NEEDS, splitRosterRuns, joinHyphenKeptInside, joinKernedWords, joinLetterSpacedLines, joinWordPieces, LETTER_SPACED_NEEDS, restoreSpaceBeforeHighMarks, splitGluedEmails, splitNamesGluedToEmails, splitGluedHeadings, splitGluedFigures, splitHeadingsGluedToText, splitRepeatedHeadings, splitRunInHeadings, splitTrailingBullets, splitSommaireRuns, SWAPPED_LETTER_NEEDS, TRAILING_BULLET_NEEDS, unswapLetters, WORD_PIECES_NEED } from './tokens.js';
import { flatMapLines } from './lines.js';

/**
 * How the converter separates blocks: `blocks`, a blank line ends a block (the seed converter,
 * `pdftotext`, `mutool`, `pdf2txt`, markdown converters); `lines`, no blank lines, one printed
 * line per line (pdf-parse, unpdf, pypdf, markitdown, `pdftotext -raw`).
 */
export type Dialect = 'blocks' | 'lines';

/** Fewer written lines say nothing of the converter's habits: such a text is read in blocks. */
const MIN_LINES_FOR_DIALECT = 50;

/** Below this share of blank lines among the written ones, blank lines do not separate blocks. */
const BLOCKS_MIN_BLANK_SHARE = 0.1;

export interface LinePass {
  readonly name: string;
  readonly run: (lines: string[]) => string[];
  /**
   * What the text holds wherever the pass changes a line (the core of its own patterns): asked of
   * the whole text first, in one search, and the pass is not run on a text without it. Most passes
   * repair one converter's habit, absent from most texts; run, each reads every line.
   */
  readonly needs?: RegExp;
}

/** The bold runs `splitBoldRuns` cuts: two bold spans on one line. */
const BOLD_RUNS = /^\*\*[^*]+\*\*[^*]+\*\*/;

/** The passes, in order. */
export const LINE_PASSES: readonly LinePass[] = [
  { name: 'swapped letters', needs: SWAPPED_LETTER_NEEDS, run: (lines) => lines.map(unswapLetters) },
  // Before the columns: the superscript stands right over its number, row above row.
  { name: 'ordinal superscripts on a row of their own', needs: SUPERSCRIPT_ROW_NEEDS, run: joinSuperscriptRows },
  { name: 'page breaks and columns', run: pagesAndColumns },
  // Before the running lines: a heading glued to its page's number (« 20DES CLÉS… ») looks like one.
  { name: 'repeated headings glued to a folio or a sentence', run: splitRepeatedHeadings },
  { name: 'running lines with the page number', run: dropRunningLines },
  { name: 'line markup', run: (lines) => {
    const markdown = hasHeadingMarks(lines);
    return lines.map((line) => stripLineMarkup(line, markdown));
  } },
  { name: 'bold runs', needs: /\*\*[^*\n]+\*\*[^*\n]+\*\*/, run: (lines) => flatMapLines(lines, (line) => (BOLD_RUNS.test(line.trim()) ? splitBoldRuns(line) : line)) },
  { name: 'space lost before « ? » and « ! »', run: restoreSpaceBeforeHighMarks },
  { name: 'glued e-mails', needs: GLUED_EMAIL_NEEDS, run: splitGluedEmails },
  { name: 'family names glued to their e-mail', run: splitNamesGluedToEmails },
  // (No need asked first: a pattern for it, tried at every position of the text, costs more than the pass.)
  { name: 'glued headings', run: splitGluedHeadings },
  { name: 'headings glued to the text under them', run: splitHeadingsGluedToText },
  { name: 'headings run into their text', run: splitRunInHeadings },
  { name: 'bullets written after their item', needs: TRAILING_BULLET_NEEDS, run: splitTrailingBullets },
  { name: 'key figures glued to the label before', needs: GLUED_FIGURE_NEEDS, run: splitGluedFigures },
  { name: 'roster lines run together', needs: ROSTER_RUN_NEEDS, run: splitRosterRuns },
  // By the corps the e-mails give first; row by row where the e-mails do not tell.
  { name: 'rosters read across their columns', run: sortRostersReadAcross },
  { name: 'rosters read across, row by row', run: dealRostersReadAcross },
  { name: 'two rosters read one after the other', run: placeSecondRosterHeading },
  { name: 'sommaire page run into the next number', needs: PAGE_GLUED_TO_NUMBER_NEEDS, run: splitPageFromNextNumber },
  { name: 'sommaire number between its title\'s lines', needs: NUMBER_ALONE_NEEDS, run: moveNumberBeforeTitle },
  { name: 'sommaire entries run together', needs: SOMMAIRE_RUN_NEEDS, run: splitSommaireRuns },
  // Before the display words' pieces are set on one line: « SOM MAI RE » stays as the PDF path reads it.
  { name: 'words kerned into pieces', run: joinKernedWords },
  { name: 'display words in pieces', needs: WORD_PIECES_NEED, run: joinWordPieces },
  { name: 'letter-spaced lines', needs: LETTER_SPACED_NEEDS, run: joinLetterSpacedLines },
  { name: 'words cut at a hyphen kept on one line', needs: CUT_KEPT_INSIDE, run: joinHyphenKeptInside },
  { name: 'sommaire page before the collectivité', run: movePageAfterCollectivite },
  { name: 'sommaire columns read across', run: orderSommaireColumns },
  { name: 'folio glued to the project number', run: splitFolioFromNumber },
];

/**
 * Runs the line passes and tells the dialect.
 * @param lines The decoded text's lines.
 * @param forced The dialect, when the caller knows it (tests).
 * @returns The cleaned lines and the dialect.
 */
export function prepareLines(lines: readonly string[], forced?: Dialect): { lines: string[]; dialect: Dialect } {
  // Told before the passes: page breaks and columns add blank lines of their own.
  const dialect = forced ?? dialectOf(markPageBreaks(lines));
  let out = [...lines];
  // The whole text the passes' needs are asked of, joined again only after a pass changed a line.
  let text: string | null = null;
  for (const pass of LINE_PASSES) {
    if (pass.needs) {
      text ??= out.join('\n');
      if (!pass.needs.test(text)) continue;
    }
    const before = out;
    out = pass.run(out);
    if (text !== null && !sameLines(before, out)) text = null;
  }
  // Without blank lines, one tab is a wide gap between two printed lines (pdf-parse), not a table's cell.
  // A row of three cells or more (two tabs) is a table's all the same.
  if (dialect === 'lines') out = flatMapLines(out, (line) => (line.split('\t').length === 2 ? line.split('\t') : line));
  return { lines: out, dialect };
}

/** Whether a pass left every line as it was (comparing is cheaper than joining the text again). */
function sameLines(before: readonly string[], after: readonly string[]): boolean {
  if (before.length !== after.length) return false;
  for (let i = 0; i < before.length; i++) if (before[i] !== after[i]) return false;
  return true;
}

/** Blocks when blank lines are frequent, those around page breaks aside (pdf-parse writes « -- 3 of 110 -- » between two). */
function dialectOf({ lines, breaks }: { lines: readonly string[]; breaks: ReadonlySet<number> }): Dialect {
  const nearBreak = (index: number): boolean => breaks.has(index - 1) || breaks.has(index) || breaks.has(index + 1);
  const written = lines.filter((line) => line.trim() !== '').length;
  if (written < MIN_LINES_FOR_DIALECT) return 'blocks';
  const blank = lines.filter((line, index) => line.trim() === '' && !nearBreak(index)).length;
  return written > 0 && blank / written >= BLOCKS_MIN_BLANK_SHARE ? 'blocks' : 'lines';
}

/**
 * Page breaks become blank lines; a laid-out text has its columns put in reading order page by
 * page; a page number next to a break goes.
 */
function pagesAndColumns(lines: string[]): string[] {
  const first = markPageBreaks(lines);
  // A laid-out text with no page breaks at all has its columns read page by page all the same, its page ends told by running lines and folios.
  const inferred = first.breaks.size === 0 && isLaidOut(first.lines);
  const { lines: marked, breaks } = inferred ? markPageBreaks(inferPageBreaks(lines)) : first;
  // (A text with no page breaks that is not laid out was just asked: not asked again.)
  const laidOut = inferred || first.breaks.size > 0 ? isLaidOut(marked) : false;
  if (!laidOut) return dropFolios(marked, breaks);
  const pages: string[][] = [[]];
  // The folios go before the columns are read: set at a page's foot, they would end its last column.
  const folios = folioLines(marked, breaks);
  marked.forEach((line, index) => {
    if (breaks.has(index)) pages.push([]);
    else if (!folios.has(index)) pages.at(-1)!.push(line);
  });
  return pages.flatMap((page) => [...readColumns(page), '']);
}
