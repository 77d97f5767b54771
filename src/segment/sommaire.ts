/**
 * The sommaire: each project's number, title and organisation lines, and announced page, in the
 * forms the family prints: « 01/ … / P05 », « PROJET 01 … p. 5 », « N° 1 … 5 », a dot leader and a
 * bare page number at the end of the title (« TITRE ....... 5 »), or the page first.
 */
import { SOMMAIRE_NUMBER, SOMMAIRE_PAGE, WHITE_SPACE_TO_COLLAPSE, foldForMatch } from '../conventions.js';
import { sameStyle } from '../typography.js';
import type { Vocabulary } from '../profile.js';
import type { Block, Diagnostic, SommaireEntry, TextLine } from '../types.js';
import { hasCapitalsInARow, latin } from '../alphabet.js';

/** A project number that opens a line, with its label and separator, as found by `numberAtStart`. */
export interface NumberAtStart {
  readonly numero: number;
  /** What the line prints after the number (a title on the same line), `''` when the number is alone. */
  readonly rest: string;
  /** Whether a label (« PROJET », « N° ») or a slash came with the number: a bare « 01 » is weaker evidence. */
  readonly labelled: boolean;
}

/** A digit as the number patterns read one (`\d` is ASCII only). */
const ASCII_DIGIT = /[0-9]/;

/** Letter-spaced display type (« P R O J E T 0 1 »), joined back. */
function unspace(folded: string): string {
  return /^(?:\S ){2,}\S$/.test(folded) ? folded.replace(/ /g, '') : folded;
}

/**
 * Reads a project number at the start of a line: « 01 », « 01/ », « PROJET 01 », « Projet n°1 »,
 * « N° 1 », optionally followed by a title (« 01/ TITRE »).
 * @param text A printed line.
 * @param vocabulary The family's project labels.
 * @param allowTitle Whether text may follow the number on the same line.
 * @returns The number and what follows, or `null`.
 */
export function numberAtStart(text: string, vocabulary: Vocabulary, allowTitle: boolean): NumberAtStart | null {
  // Every form holds the number's digits, which folding never makes (most lines asked hold none).
  if (text.length > 200 || !ASCII_DIGIT.test(text)) return null;
  // The historical « 01/ », as OCR may read it (« 02] »).
  const slashed = SOMMAIRE_NUMBER.exec(text.trim());
  if (slashed) return { numero: Number(slashed[1]), rest: '', labelled: true };
  const folded = unspace(foldForMatch(text));
  const alone = vocabulary.projectNumber.exec(folded.replace(/\s*\/$/, ''));
  if (alone) return { numero: Number(alone[1]), rest: '', labelled: folded.endsWith('/') || !/^\d/.test(folded) };
  if (!allowTitle) return null;
  const withTitle = vocabulary.projectNumberThenText.exec(folded);
  if (!withTitle) return null;
  // Keep the printed spelling of what follows: the folded prefix has the printed prefix's length.
  const printed = text.replace(WHITE_SPACE_TO_COLLAPSE, ' ').trim();
  const rest = printed.slice(printed.length - withTitle[4]!.length).trim();
  return { numero: Number(withTitle[2]), rest, labelled: withTitle[1] !== '' || withTitle[3] === '/' };
}

/** A page reference on its own: « / P05 », « P. 5 », « page 5 », or a bare number. */
function pageReference(text: string, vocabulary: Vocabulary): { page: number; bare: boolean } | null {
  const historical = SOMMAIRE_PAGE.exec(text.trim());
  if (historical) return { page: Number(historical[1]), bare: false };
  const folded = foldForMatch(text).replace(/^[.…\s]+/, '');
  const marked = vocabulary.sommairePage.exec(folded);
  if (marked) return { page: Number(marked[1]), bare: false };
  const bare = /^\/?\s*(\d{1,3})$/.exec(folded);
  return bare ? { page: Number(bare[1]), bare: true } : null;
}

/** A dot leader and a page ending a line. */
const LEADER_PAGE = /^(.*?\S)\s*(?:[.…·]\s*){3,}\s*(?:P\.?\s*)?(\d{1,3})$/iu;

/** Whether a line of the block ends with a dot leader and a page (a section title never does). */
export function hasLeaderPage(block: Block): boolean {
  return block.lines.some((line) => LEADER_PAGE.test(line.text.trim()));
}

/** A page printed at the end of a title line, after a dot leader or a page marker. */
function trailingPage(text: string, vocabulary: Vocabulary): { text: string; page: number } | null {
  const leader = LEADER_PAGE.exec(text.trim());
  if (leader) return { text: leader[1]!, page: Number(leader[2]) };
  const marked = /^(.*?\S)\s+(?:\/\s*)?(\S+\.?\s*\d{1,3})$/u.exec(text.trim());
  if (marked) {
    const reference = vocabulary.sommairePage.exec(foldForMatch(marked[2]!));
    if (reference) return { text: marked[1]!, page: Number(reference[1]) };
  }
  return null;
}

/** A line without its trailing page. */
function withText(line: TextLine, text: string): TextLine {
  return { ...line, text };
}

/** Blocks read before the first entry at most: past them, the heading heads no sommaire. */
const MAX_BLOCKS_BEFORE_FIRST_ENTRY = 20;

/** Blocks passed over in a row without being understood while an entry still waits for its text or page. */
const MAX_SKIPPED_RUN = 8;

/** Blocks after its last line an entry's next title or organisation line may come before its page (two title lines and two organisation lines, each a block when indented). */
const ENTRY_SPAN = 5;

/** Blocks an entry may still take after its page (the organisation set under the title and its page). */
const MAX_BLOCKS_AFTER_PAGE = 2;

/** How far a number may jump past the last one and still be the next entry's (an entry the reader could not read). */
const MAX_NUMBER_GAP = 3;

/** What one piece of a sommaire block is, before the pieces are grouped into entries. */
export type SommaireLabel =
  | { readonly kind: 'number'; readonly numero: number; readonly labelled: boolean; readonly page: number | null; readonly misread: string | null }
  | {
      readonly kind: 'text';
      readonly lines: readonly TextLine[];
      /** Printed in the same table row as the text before it in its block (under a page cell read onto the row's title line: `rule: row-under-page-cell`). */
      readonly sameRow?: true;
    }
  | { readonly kind: 'page'; readonly page: number }
  | { readonly kind: 'section'; readonly text: string };

/** What labelling a block needs to know of the entries read so far. */
interface LabelContext {
  /** The last entry's number (0 before the first). */
  readonly lastNumero: number;
  /** Whether the first entry's number came with a label or a slash (then a bare number is a page); `null` before it. */
  readonly labelledForm: boolean | null;
  /** Whether the first entry's number is printed with two digits (« 01 »): then so are the others, and a page under 10 is not. */
  readonly twoDigitForm: boolean;
  /** Whether some entry still waits for its title (a column of numbers read before the titles). */
  readonly awaitingText: boolean;
  /** Whether the last entry has its page. */
  readonly lastHasPage: boolean;
  /** The first section title's first line (its style), `null` before it. */
  readonly sectionStyle: TextLine | null;
  /** Whether a section title may still come: none did before the first entry, so none comes after it. */
  readonly sectionsAllowed: boolean;
  /**
   * Styles of the entries' form that the last entry has not printed yet (its title still to come):
   * the form learnt by a first reading (`entryForm`), else the first entry's lines.
   */
  readonly missingStyles: readonly TextLine[];
  readonly entries: number;
  /** The last entry's lines read so far, as one text (`''` before the first entry or its title). */
  readonly lastEntryText: string;
}

/** An entry being read. */
interface Draft {
  readonly numero: number;
  readonly section: string;
  readonly lines: TextLine[];
  page: number | null;
  hasText: boolean;
  /** Index of the last block that gave the entry something. */
  lastIndex: number;
  /** PDF page of that block. */
  lastPage: number | null;
  /** Blocks taken after the page. */
  blocksAfterPage: number;
  /** Whether a line set otherwise than the titles (its collectivité) was given to it. */
  hasOrganisation: boolean;
}

/**
 * Reads sommaire entries after the sommaire heading, in two steps: each block is labelled (a
 * project number, title or organisation lines, a page reference, a section title: `labelBlock`),
 * then the labels are grouped into entries (`readSommaire`): a number opens an entry; text goes to
 * the oldest entry still without its title (so a table read column after column, all numbers then
 * all titles, is grouped as printed), else continues the entry before; a page goes to the oldest
 * entry without a page, else waits for the entry after it (page printed first). A block not
 * understood is passed over while an entry still waits for its title or page; the sommaire ends at
 * the body's first number (not above the last entry's) or at the first block not understood once
 * every entry is whole. The sommaire is read twice: the first reading's entries give their form
 * (`entryForm`), which the second reading uses to give an entry the line it lacks.
 * @param blocks The document's blocks.
 * @param from Index of the block after the heading.
 * @param vocabulary The family's words.
 * @returns The entries, the index of the first block after the sommaire, what was read with doubt,
 *   and every section title read (an entry under a row of section titles has section '').
 */
export function readSommaire(blocks: readonly Block[], from: number, vocabulary: Vocabulary): SommaireReading {
  const first = readPass(blocks, from, vocabulary, null);
  const form = entryForm(first.entries);
  return form.length > 0 ? readPass(blocks, from, vocabulary, form) : first;
}

/** What reading the sommaire gives. */
interface SommaireReading {
  readonly entries: SommaireEntry[];
  readonly end: number;
  readonly diagnostics: Diagnostic[];
  readonly sections: string[];
}

/** Entries a form is learnt from, at least: fewer say nothing of what recurs. */
const MIN_FORM_ENTRIES = 3;

/** Share of the entries a style must appear in to be part of the entries' form. */
const FORM_SHARE = 0.5;

/**
 * The entries' form (`rule: entry-form`): the line styles that more than half the entries print
 * (the title's, the collectivité's). Twenty-odd entries are set with one template, so an entry
 * that lacks one of these styles has yet to receive that line; empty when the type is unknown or
 * the entries are too few.
 * @param entries The entries of a first reading.
 * @returns One line per style of the form.
 */
export function entryForm(entries: readonly SommaireEntry[]): TextLine[] {
  if (entries.length < MIN_FORM_ENTRIES) return [];
  const styles: { line: TextLine; count: number }[] = [];
  for (const entry of entries) {
    const seen = new Set<number>();
    for (const line of entry.lines.filter(known)) {
      let k = styles.findIndex((style) => sameStyle(style.line, line));
      if (k < 0) k = styles.push({ line, count: 0 }) - 1;
      seen.add(k);
    }
    for (const k of seen) styles[k]!.count++;
  }
  return styles.filter((style) => style.count > FORM_SHARE * entries.length).map((style) => style.line);
}

/** One reading of the sommaire; `form`, when known, keeps a line the last entry lacks from being read as a section. */
function readPass(blocks: readonly Block[], from: number, vocabulary: Vocabulary, form: readonly TextLine[] | null): SommaireReading {
  const drafts: Draft[] = [];
  const diagnostics: Diagnostic[] = [];
  let section = '';
  let sectionStyle: TextLine | null = null;
  let sectionsBeforeEntries = false;
  // The first title's first line: a block set otherwise is an organisation, not the next title.
  let titleStyle: TextLine | null = null;
  let labelledForm: boolean | null = null;
  let twoDigitForm = false;
  // Pages read before the entries they belong to (page printed first), oldest first.
  const pendingPages: number[] = [];
  // Whether the first entry's page came before its number: then a page no entry waits for is the next entry's.
  let pageFirstForm = false;
  let lastText: Draft | null = null;
  let lastUsed = -1;
  let skipped = 0;
  const sections: string[] = [];
  let sectionJustRead = false;
  let sectionRow = false;
  /** The styles of the entries' form (the learnt one, else the first entry's lines once a second entry came) that `draft` has not printed. */
  const missingStyles = (draft: Draft): TextLine[] => {
    const styles = form ?? (drafts.length < 2 ? [] : drafts[0]!.lines.filter(known));
    return styles.filter((line) => !draft.lines.some((held) => known(held) && sameStyle(held, line)));
  };
  const context = (): LabelContext => ({
    lastNumero: drafts.at(-1)?.numero ?? 0,
    labelledForm,
    twoDigitForm,
    awaitingText: drafts.some((draft) => !draft.hasText),
    lastHasPage: drafts.at(-1)?.page != null,
    sectionStyle,
    sectionsAllowed: drafts.length === 0 || sectionsBeforeEntries,
    entries: drafts.length,
    missingStyles: drafts.length === 0 ? [] : missingStyles(drafts.at(-1)!),
    lastEntryText: drafts.at(-1)?.lines.map((line) => line.text).join(' ') ?? '',
  });
  const feed = (draft: Draft, lines: readonly TextLine[], block: Block, index: number): void => {
    if (draft.hasText && draft.page !== null && draft.lastIndex !== index) draft.blocksAfterPage++;
    draft.lines.push(...lines);
    draft.hasOrganisation ||= lines.some((line) => titleStyle !== null && known(line) && !sameStyle(line, titleStyle));
    draft.hasText = true;
    draft.lastIndex = index;
    draft.lastPage = block.page;
    lastText = draft;
  };
  /** Whether a line is set as some line of the entries read so far (a title or a collectivité). */
  const setLikeAnEntryLine = (line: TextLine): boolean => drafts.some((draft) => draft.lines.some((held) => known(held) && sameStyle(line, held)));
  /** Whether text continues `draft` (its next title or organisation line), by position and style. */
  const continues = (draft: Draft, lines: readonly TextLine[], block: Block, index: number): boolean => {
    const first = lines[0]!;
    const samePage = block.page === null || draft.lastPage === null || block.page === draft.lastPage;
    const likeSection = sectionStyle !== null && known(first) && sameStyle(first, sectionStyle);
    // The line of the entries' form it still lacks, close after it (`rule: entry-form`): a row cut
    // by a page break, its title at the top of the next page after the row's page reference.
    if (known(first) && missingStyles(draft).some((missing) => sameStyle(first, missing)) && index - draft.lastIndex <= ENTRY_SPAN) return true;
    // A table row cut by a page break (`rule: row-across-pages`): its rest opens the next page, set
    // like a line the entries already hold (the entry's last line, or the earlier entries' titles
    // when the row's page falls between its collectivité and its title).
    if (!samePage && !(known(first) && !likeSection && setLikeAnEntryLine(first))) return false;
    // Before its page: the entry's title and organisation lines, a few blocks.
    if (draft.page === null && pendingPages.length === 0) return index - draft.lastIndex <= ENTRY_SPAN;
    // After its page: the organisation under the title's page (« TITRE …… 12 » then « COLLECTIVITÉ »).
    if (draft.blocksAfterPage >= MAX_BLOCKS_AFTER_PAGE || index - draft.lastIndex > MAX_BLOCKS_AFTER_PAGE) return false;
    const text = lines.map((line) => line.text).join(' ');
    if (!hasCapitalsInARow(text) || text !== text.toUpperCase() || likeSection) return false;
    // Unknown type (converter text): only when the sommaire goes on right after it.
    return known(first) || opensEntry(blocks, index + 1, context(), vocabulary) !== null || pageReference(blocks[index + 1]?.text ?? '', vocabulary) !== null;
  };
  const placeText = (lines: readonly TextLine[], block: Block, index: number, sameRow: boolean): boolean => {
    // The row's next lines under its page cell (`rule: row-under-page-cell`) are the entry's that
    // took the lines above, not the next entry still waiting for its title (a column of numbers
    // read first): one row prints one entry.
    if (sameRow && lastText?.lastIndex === index) {
      feed(lastText, lines, block, index);
      return true;
    }
    const awaiting = drafts.find((draft) => !draft.hasText);
    const first = lines[0]!;
    const setAsOrganisation = lastText !== null && titleStyle !== null && known(first) && !sameStyle(first, titleStyle);
    // A title has words: a rule or a lone mark is not one.
    if (awaiting && !setAsOrganisation && latin('u')`\p{L}{2}`.test(lines.map((line) => line.text).join(' '))) {
      titleStyle ??= known(first) ? first : null;
      feed(awaiting, lines, block, index);
      return true;
    }
    // A collectivité column read after the titles (`rule: organisation-column`): each goes to the
    // oldest entry on its page still without one, in order, rather than all to the last entry.
    const waiting = setAsOrganisation ? drafts.find((draft) => draft.hasText && !draft.hasOrganisation && draft.lastPage === block.page) : undefined;
    if (waiting && waiting !== lastText) {
      feed(waiting, lines, block, index);
      return true;
    }
    if (lastText && continues(lastText, lines, block, index)) {
      feed(lastText, lines, block, index);
      return true;
    }
    return false;
  };

  let i = from;
  for (; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (drafts.length === 0 && i > from + MAX_BLOCKS_BEFORE_FIRST_ENTRY) break;
    const ctx = context();
    // Sommaire numbers go up: a number again from the start is the body's first project.
    if (drafts.length > 0 && opensBody(block, ctx, vocabulary)) break;
    let used = false;
    for (const label of labelBlock(blocks, i, ctx, vocabulary)) {
      if (label.kind === 'number') {
        if (drafts.length === 0) twoDigitForm = /^\D*0\d/.test(block.lines[0]?.text.trim() ?? '');
        labelledForm ??= label.labelled;
        sectionJustRead = false;
        const page = label.page ?? pendingPages.shift() ?? null;
        if (drafts.length === 0) pageFirstForm = page !== null;
        drafts.push({ numero: label.numero, section: sectionRow ? '' : section, lines: [], page, hasText: false, lastIndex: i, lastPage: block.page, blocksAfterPage: 0, hasOrganisation: false });
        if (label.misread !== null) {
          diagnostics.push({ code: 'SOMMAIRE_NUMBER_MISREAD', severity: 'info', projet: label.numero, ...(block.page !== null ? { page: block.page } : {}), message: `Sommaire : « ${label.misread} » lu comme le numéro ${String(label.numero).padStart(2, '0')}, qui suit le ${String(label.numero - 1).padStart(2, '0')}.` });
        }
        used = true;
      } else if (label.kind === 'section') {
        // Section titles side by side (`rule: section-row`): which entries each heads is the
        // columns', which the reading order does not give; the body's section markers will say.
        if (sectionJustRead) sectionRow = true;
        sectionJustRead = true;
        sections.push(label.text);
        section = label.text;
        sectionStyle ??= block.lines[0] ?? null;
        if (drafts.length === 0) sectionsBeforeEntries = true;
        used = true;
      } else if (label.kind === 'page') {
        const target = drafts.find((draft) => draft.page === null);
        if (target) {
          target.page = label.page;
          target.lastIndex = i;
          used = true;
        } else if (opensEntry(blocks, i + 1, ctx, vocabulary) || isSectionTitle(blocks, i + 1, ctx, vocabulary)) {
          // Page first: the page of the entry after it.
          pendingPages.push(label.page);
          used = true;
        } else if (pageFirstForm && label.page > lastAnnouncedPage(drafts, pendingPages)) {
          // A page-first sommaire's column of pages read before its numbers (`rule: pages-ahead`):
          // each is the page of an entry still to come, in order, as the pages run.
          pendingPages.push(label.page);
          used = true;
        }
      } else if (placeText(label.lines, block, i, label.sameRow === true)) {
        used = true;
      }
    }
    if (used) {
      lastUsed = i;
      skipped = 0;
      continue;
    }
    if (drafts.length === 0) continue;
    const incomplete = drafts.some((draft) => !draft.hasText || draft.page === null);
    if (!incomplete || ++skipped > MAX_SKIPPED_RUN) break;
  }
  const entries = drafts.map((draft): SommaireEntry => ({
    numero: draft.numero,
    section: draft.section,
    texte: draft.lines.map((line) => line.text).join(' '),
    lines: draft.lines,
    page: draft.page,
  }));
  return { entries, end: drafts.length > 0 ? lastUsed + 1 : i, diagnostics, sections };
}

/** The last page announced so far, by an entry or waiting for one (0 before any). */
function lastAnnouncedPage(drafts: readonly Draft[], pendingPages: readonly number[]): number {
  return pendingPages.at(-1) ?? drafts.filter((draft) => draft.page !== null).at(-1)?.page ?? 0;
}

/**
 * Labels one block of the sommaire: a project number (with the title that follows it on its
 * lines), a page reference alone, a section title, else title or organisation lines with the
 * pages they end with.
 */
export function labelBlock(blocks: readonly Block[], index: number, ctx: LabelContext, vocabulary: Vocabulary): SommaireLabel[] {
  const block = blocks[index]!;
  const numbers = numberColumn(block, ctx, vocabulary);
  if (numbers) return numbers;
  const number = opensEntry(blocks, index, ctx, vocabulary);
  if (number) return [number.label, ...textAndPages(number.lines, vocabulary)];
  const reference = pageReference(block.text, vocabulary);
  if (reference) return [{ kind: 'page', page: reference.page }];
  const column = pageColumn(block, vocabulary);
  if (column) return column;
  if (isSectionTitle(blocks, index, ctx, vocabulary)) return [{ kind: 'section', text: block.text.trim() }];
  return pageCellOnTitleLine(blocks, index, block.lines, vocabulary) ?? textAndPages(block.lines, vocabulary);
}

/** A bare page number ending a line: the page cell the layout may have read onto its title. */
const TRAILING_BARE_NUMBER = /^(.*\S)\s+(\d{1,3})$/u;

/** Blocks looked at on either side for the sommaire's page cells (a sommaire of twenty-odd entries prints fewer than this many blocks per page). */
const PAGE_CELL_SCAN = 60;

/** Points by which the left edges of one column's page cells may differ (a table's cells are aligned to the point; a rounding more). */
const PAGE_EDGE_TOLERANCE = 1;

/** Page cells that must share a left edge to be a page column: one alone is just a number. */
const MIN_PAGE_CELLS = 2;

/**
 * A page cell read onto the title line beside it (`rule: page-cell-on-title-line`): a table whose
 * gutter before the page column is narrow, and a title short enough to end near it, gives one line
 * « TITRE … 6 ». Geometry decides, not the number: the sommaire's other page cells, bare numbers
 * alone, share a left edge on the page, and this block runs across that edge, so its trailing
 * number sits in the page column. A title ending in a number inside its own column stays whole.
 * @returns The block's labels with the page cut off its line, or `null` when nothing is in a page column.
 */
function pageCellOnTitleLine(blocks: readonly Block[], index: number, lines: readonly TextLine[], vocabulary: Vocabulary): SommaireLabel[] | null {
  const block = blocks[index]!;
  const box = block.box;
  if (!box || block.page === null) return null;
  const ending = lines.flatMap((line, at) => (TRAILING_BARE_NUMBER.test(line.text.trim()) ? [at] : []));
  if (ending.length !== 1) return null;
  const edges = pageCellEdges(blocks, index, vocabulary);
  const acrossAnEdge = edges.some((edge) => box.x + PAGE_EDGE_TOLERANCE < edge && edge < box.x + box.width);
  if (!acrossAnEdge) return null;
  const at = ending[0]!;
  const [, text, page] = TRAILING_BARE_NUMBER.exec(lines[at]!.text.trim())!;
  const before = [...lines.slice(0, at), withText(lines[at]!, text!)];
  return [...textAndPages(before, vocabulary), { kind: 'page', page: Number(page) }, ...sameRow(textAndPages(lines.slice(at + 1), vocabulary))];
}

/**
 * The lines a block prints under its page cell, marked as its row's (`rule: row-under-page-cell`):
 * the block runs across the page column's edge with one page cell only, so it holds one table row,
 * whose title goes on and whose collectivité comes under the line the page cell sits on. Up to
 * another page the block might print (then it would hold another row).
 */
function sameRow(labels: readonly SommaireLabel[]): SommaireLabel[] {
  const firstPage = labels.findIndex((label) => label.kind === 'page');
  return labels.map((label, k) => (label.kind === 'text' && (firstPage < 0 || k < firstPage) ? { ...label, sameRow: true } : label));
}

/** Left edges shared by at least `MIN_PAGE_CELLS` page cells (one-line blocks printing a bare number) near `index` on its page. */
function pageCellEdges(blocks: readonly Block[], index: number, vocabulary: Vocabulary): number[] {
  const page = blocks[index]!.page;
  const lefts: number[] = [];
  const last = Math.min(blocks.length, index + PAGE_CELL_SCAN + 1);
  for (let j = Math.max(0, index - PAGE_CELL_SCAN); j < last; j++) {
    const cell = blocks[j]!;
    if (j === index || cell.page !== page || !cell.box || cell.lines.length !== 1) continue;
    if (pageReference(cell.text, vocabulary)?.bare) lefts.push(cell.box.x);
  }
  return lefts.filter((x) => lefts.filter((other) => Math.abs(other - x) <= PAGE_EDGE_TOLERANCE).length >= MIN_PAGE_CELLS);
}

/**
 * A table's number cells read as one block (`rule: number-column`): every line opens the next
 * entry and prints nothing else but, perhaps, its page (« p. 54  19 » over « p. 57  20 »), one
 * entry per line, their titles to come. A column of bare numbers is left alone (it may be pages).
 */
function numberColumn(block: Block, ctx: LabelContext, vocabulary: Vocabulary): SommaireLabel[] | null {
  if (block.lines.length < 2) return null;
  const labels: SommaireLabel[] = [];
  let context = ctx;
  for (const line of block.lines) {
    const opened = opensEntry([{ ...block, lines: [line], text: line.text }], 0, context, vocabulary);
    if (!opened || opened.lines.length > 0 || (!opened.label.labelled && opened.label.page === null)) return null;
    labels.push(opened.label);
    context = { ...context, lastNumero: opened.label.numero, entries: context.entries + 1, awaitingText: true, lastHasPage: opened.label.page !== null };
  }
  return labels;
}

/**
 * A table's page column read as one block (`rule: page-column`): every line a marked page reference
 * (« p. 10 » over « p. 12 »), one page per line, in order. Bare numbers are left alone: a column of
 * them may as well be the entries' numbers.
 */
function pageColumn(block: Block, vocabulary: Vocabulary): SommaireLabel[] | null {
  if (block.lines.length < 2) return null;
  const references = block.lines.map((line) => pageReference(line.text, vocabulary));
  if (references.some((reference) => reference === null || reference.bare)) return null;
  return references.map((reference) => ({ kind: 'page', page: reference!.page }));
}

/**
 * The project number opening a block, if it opens the next entry: « 01/ », « PROJET 01 », « 01 TITRE »,
 * the page first (« p. 10  04 », « 4  01 »), a bare number when the sequence says it is one, or a
 * number misread (« O9/ ») that is the one expected next. With the lines that follow it.
 */
function opensEntry(blocks: readonly Block[], index: number, ctx: LabelContext, vocabulary: Vocabulary): { label: SommaireLabel & { kind: 'number' }; lines: TextLine[] } | null {
  const block = blocks[index];
  if (!block) return null;
  const firstLine = block.lines[0];
  const first = (firstLine?.text ?? block.text).trim();
  const expected = ctx.lastNumero + 1;
  const number = (numero: number, labelled: boolean, page: number | null, rest: string, misread: string | null = null) => ({
    label: { kind: 'number' as const, numero, labelled, page, misread },
    lines: [...(rest !== '' && firstLine ? [withText(firstLine, rest)] : []), ...block.lines.slice(1)],
  });
  // Page and number alone side by side (a table's first two cells, the title under them): « 4  01 ».
  // The number is the one that goes on from the last entry; the page lies after the sommaire, past it.
  const pair = /^(\d{1,3})\s+(\d{1,2})$/.exec(first);
  if (pair && block.lines.length === 1) {
    const [page, numero] = [Number(pair[1]), Number(pair[2])];
    if (numero === expected && page > numero) return number(numero, true, page, '');
  }
  // Page first on the number's line: « p. 10  04 ».
  const leading = /^(\S+\.?\s*\d{1,3})\s+(\S.*)$/u.exec(first);
  const reference = leading ? vocabulary.sommairePage.exec(foldForMatch(leading[1]!)) : null;
  const start = reference ? numberAtStart(leading![2]!, vocabulary, true) : numberAtStart(first, vocabulary, true);
  const page = reference ? Number(reference[1]) : null;
  // The first entry may bear any number; the next ones go up from it.
  const inSequence = (numero: number): boolean => ctx.entries === 0 || (numero > ctx.lastNumero && numero <= ctx.lastNumero + MAX_NUMBER_GAP);
  // A labelled number only has to go up (a converter may have moved entries away); an unlabelled one must come next, or nearly.
  if (start?.labelled && start.numero > ctx.lastNumero) return number(start.numero, true, page, start.rest);
  if (start && inSequence(start.numero)) {
    // Once numbers come with a label (« PROJET 01 », « 01/ »), an unlabelled number is a page or a title's.
    if (ctx.labelledForm !== true && (start.rest !== '' || bareNumberIsEntry(start.numero, first, ctx))) return number(start.numero, false, page, start.rest);
  }
  const misread = misreadNumber(first, expected);
  return misread ? number(expected, misread.labelled, null, '', first) : null;
}

/**
 * Whether a number alone on its line is the next entry's, not a page: it is the one expected next,
 * and either entries still wait for their titles (a column of numbers), or it is printed with two
 * digits as the first entry's number was (« 01 »), or the last entry has its page already.
 */
function bareNumberIsEntry(numero: number, printed: string, ctx: LabelContext): boolean {
  if (numero !== ctx.lastNumero + 1) return false;
  return ctx.entries === 0 || ctx.awaitingText || ctx.lastHasPage || (ctx.twoDigitForm && /^\d\d$/.test(printed));
}

/** Letters a reader takes for digits in a number of display type (« O9/ » for « 09/ », « l2 » for « 12 »). */
const DIGIT_LOOKALIKES: Readonly<Record<string, string>> = { O: '0', o: '0', I: '1', l: '1' };

/** A number misread with letters for digits (« O9/ »), taken only when it reads as the number expected next. */
function misreadNumber(printed: string, expected: number): { labelled: boolean } | null {
  const match = /^([0-9OoIl]{1,2})\s*([/\]|!])?$/.exec(printed);
  if (!match || /^\d+$/.test(match[1]!)) return null;
  const digits = match[1]!.replace(/[OoIl]/g, (letter) => DIGIT_LOOKALIKES[letter]!);
  if (!/\d/.test(match[1]!) || Number(digits) !== expected) return null;
  return { labelled: match[2] !== undefined };
}

/** Whether a block opens the body: a project number not above the last entry's, as a project heading prints it (a page reference, « 1P05 » as OCR reads « / P05 », is none). */
function opensBody(block: Block, ctx: LabelContext, vocabulary: Vocabulary): boolean {
  const first = (block.lines[0]?.text ?? block.text).trim();
  if (pageReference(first, vocabulary)?.bare === false) return false;
  const start = numberAtStart(first, vocabulary, true);
  if (!start || start.numero > ctx.lastNumero) return false;
  return start.labelled || start.rest !== '' || /^0\d$/.test(first);
}

/** A block's lines as text, cut after each page they print (a dot leader and page, a marked page alone on a line). */
function textAndPages(lines: readonly TextLine[], vocabulary: Vocabulary): SommaireLabel[] {
  const labels: SommaireLabel[] = [];
  let run: TextLine[] = [];
  const flush = (): void => {
    if (run.some((line) => line.text.trim() !== '')) labels.push({ kind: 'text', lines: run });
    run = [];
  };
  for (const line of lines) {
    // A marked page alone on the entry's last line (« page 5 » under the organisation), or right
    // under another page (a table's page column read on with the last title: `rule: page-column`).
    const alone = run.length > 0 || labels.at(-1)?.kind === 'page' ? pageReference(line.text, vocabulary) : null;
    if (alone && !alone.bare) {
      flush();
      labels.push({ kind: 'page', page: alone.page });
      continue;
    }
    const trail = trailingPage(line.text, vocabulary) ?? pageInAnotherWeight(line);
    if (trail) {
      run.push(withText(line, trail.text));
      flush();
      labels.push({ kind: 'page', page: trail.page });
      continue;
    }
    run.push(line);
  }
  flush();
  return labels;
}

/**
 * A page cell read onto the title line beside it (`rule: page-in-another-weight`): the line's bold
 * run is the title's, and what follows it in regular type is a bare number alone (« RÉORGANISATION
 * DE LA » in bold, then « 30 »). A number in the title's own weight stays the title's (« BILAN DES 10 »).
 */
function pageInAnotherWeight(line: TextLine): { text: string; page: number } | null {
  const lead = line.boldLead?.trim();
  if (!lead || !line.text.startsWith(lead)) return null;
  const rest = /^\s*(\d{1,3})$/.exec(line.text.slice(lead.length));
  return rest ? { text: lead, page: Number(rest[1]) } : null;
}

/** Whether a line's weight and size are known (PDF input). */
function known(line: TextLine): boolean {
  return line.bold !== null && line.size !== null;
}

/**
 * A section title is a short line in capitals directly followed by an entry (or by the page printed
 * before it), never with a page of its own. Once a section title has been seen, one set in another
 * style is not a section (an organisation in small capitals under its title); with no section
 * before the first entry there is none after it; and the text an entry waits for is its title,
 * however it is set.
 */
function isSectionTitle(blocks: readonly Block[], index: number, ctx: LabelContext, vocabulary: Vocabulary): boolean {
  const block = blocks[index];
  if (!block || !ctx.sectionsAllowed) return false;
  const text = block.text.trim();
  if (text.length > 60 || !latin('u')`\p{Lu}{3}`.test(text) || text !== text.toUpperCase()) return false;
  if (hasLeaderPage(block) || trailingPage(text, vocabulary) !== null || pageReference(text, vocabulary) !== null) return false;
  const line = block.lines[0]!;
  const styled = ctx.sectionStyle !== null && known(line) && known(ctx.sectionStyle);
  if (styled && !sameStyle(line, ctx.sectionStyle!)) return false;
  if (ctx.awaitingText) return false;
  // Set as a line of the entries' form the last entry still lacks: that entry's title, however
  // like a section title it is set (`rule: entry-line-not-section`, the form from `entry-form`).
  if (known(line) && ctx.missingStyles.some((missing) => sameStyle(line, missing))) return false;
  if (opensEntry(blocks, index, ctx, vocabulary) !== null) return false;
  if (collectiviteAfterTitle(blocks, index, ctx, vocabulary)) return false;
  if (opensEntry(blocks, index + 1, ctx, vocabulary) !== null) return true;
  // The first of a row of section titles read one after the other (two columns' headings).
  if (ctx.entries === 0 || ctx.lastHasPage) {
    const next = blocks[index + 1];
    if (next && next.page === block.page && known(line) && next.lines.length === 1 && known(next.lines[0]!) && sameStyle(next.lines[0]!, line) && isSectionTitle(blocks, index + 1, { ...ctx, sectionStyle: line }, vocabulary)) return true;
  }
  // A page between them is the next entry's only when the last entry has its own (page printed first).
  if (ctx.entries > 0 && !ctx.lastHasPage) return false;
  return pageReference(blocks[index + 1]?.text ?? '', vocabulary) !== null && opensEntry(blocks, index + 2, ctx, vocabulary) !== null;
}

/**
 * Words of the last entry's title looked for right before the line in the body: enough to be that
 * title's ending and no other text's, few enough that the project page's own line breaks and a
 * word it spells otherwise further up (an accent, a typo) do not matter.
 */
const TITLE_TAIL_WORDS = 3;

/** The document's blocks folded for matching (`foldForMatch`), one string, with where each block starts in it. */
interface FoldedBlocks {
  /** Every block's folded text, joined by a space, with a space before and after. */
  readonly text: string;
  /** Offset in `text` of each block's folded text. */
  readonly starts: readonly number[];
  /** Each block's folded text. */
  readonly blocks: readonly string[];
}

/** Folded blocks, kept per block array (the sommaire is read twice, and asked about a few section titles each time). */
const foldedDocuments = new WeakMap<readonly Block[], FoldedBlocks>();

function foldedBlocks(blocks: readonly Block[]): FoldedBlocks {
  const known = foldedDocuments.get(blocks);
  if (known) return known;
  const folded = blocks.map((block) => foldForMatch(block.text));
  const starts: number[] = [];
  let at = 1;
  for (const text of folded) {
    starts.push(at);
    at += text.length + 1;
  }
  const result = { text: ` ${folded.join(' ')} `, starts, blocks: folded };
  foldedDocuments.set(blocks, result);
  return result;
}

/**
 * A sommaire row cut by a page break after its page cell (`rule: collectivite-after-title`): the
 * entry's collectivité opens the next page, alone, in capitals, right before the next entry's
 * number, just as a section title is printed. The body tells them apart: each project page prints
 * its sommaire title again with the collectivité right under it, and each section's name once, as
 * a band before the section's first project number. So a line that the body prints right after
 * the last entry's title (its last words, then this line; case, accents and white space folded),
 * and never as a band before a project number, is that entry's collectivité, not a section.
 * @returns Whether the block is the last entry's collectivité by that evidence.
 */
function collectiviteAfterTitle(blocks: readonly Block[], index: number, ctx: LabelContext, vocabulary: Vocabulary): boolean {
  if (ctx.lastEntryText === '' || index + 1 >= blocks.length) return false;
  const folded = foldedBlocks(blocks);
  const candidate = folded.blocks[index]!;
  const tail = foldForMatch(ctx.lastEntryText).split(' ').slice(-TITLE_TAIL_WORDS).join(' ');
  if (candidate === '' || tail === '') return false;
  // Looked for after the line itself: the sommaire prints the entry's page between them.
  if (folded.text.indexOf(` ${tail} ${candidate} `, folded.starts[index + 1]! - 1) < 0) return false;
  for (let j = index + 1; j + 1 < blocks.length; j++) {
    if (folded.blocks[j] !== candidate) continue;
    const next = blocks[j + 1]!;
    if (numberAtStart((next.lines[0]?.text ?? next.text).trim(), vocabulary, true) !== null) return false;
  }
  return true;
}
