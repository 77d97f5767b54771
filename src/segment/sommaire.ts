/**
 * The sommaire: each project's number, title and organisation lines, and announced page, in the
 * forms the family prints: « 01/ … / P05 », « PROJET 01 … p. 5 », « N° 1 … 5 », a dot leader and a
 * bare page number at the end of the title (« TITRE ....... 5 »), or the page first.
 */
import { SOMMAIRE_NUMBER, SOMMAIRE_PAGE, foldForMatch } from '../conventions.js';
import type { Vocabulary } from '../profile.js';
import type { Block, SommaireEntry, TextLine } from '../types.js';

/** A project number that opens a line, with its label and separator, as found by `numberAtStart`. */
export interface NumberAtStart {
  readonly numero: number;
  /** What the line prints after the number (a title on the same line), `''` when the number is alone. */
  readonly rest: string;
  /** Whether a label (« PROJET », « N° ») or a slash came with the number: a bare « 01 » is weaker evidence. */
  readonly labelled: boolean;
}

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
  if (text.length > 200) return null;
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
  const printed = text.replace(/\s+/g, ' ').trim();
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
function hasLeaderPage(block: Block): boolean {
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

/**
 * Reads sommaire entries after the sommaire heading. Stops at the first block that fits no entry,
 * section title or page reference once entries have begun.
 * @param blocks The document's blocks.
 * @param from Index of the block after the heading.
 * @param vocabulary The family's words.
 * @returns The entries and the index of the first block after the sommaire.
 */
export function readSommaire(blocks: readonly Block[], from: number, vocabulary: Vocabulary): { entries: SommaireEntry[]; end: number } {
  const entries: SommaireEntry[] = [];
  // The first entry sets the form: once numbers come with a label (« PROJET 01 », « 01/ »), a bare number is a page.
  let labelled = false;
  // Once numbers come with their title on the line (« 01 TITRE »), a number alone is a page.
  let titled = false;
  let pageFirst = false;
  // The number of the entry being read (or last read): the next one follows it.
  let lastNumero = 0;
  const startOf = (block: Block | undefined): (NumberAtStart & { page?: number }) | null => {
    if (!block) return null;
    const first = block.lines[0]?.text ?? block.text;
    // Page and number alone side by side (a table's first two cells, the title under them): « 4  01 ».
    // The number is the one that goes on from the last entry; the page lies after the sommaire, past it.
    const pair = /^(\d{1,3})\s+(\d{1,2})$/.exec(first.trim());
    if (pair && block.lines.length === 1) {
      const [page, numero] = [Number(pair[1]), Number(pair[2])];
      if (numero === lastNumero + 1 && page > numero) return { numero, rest: '', labelled: true, page };
    }
    // Page first on the number's line: « p. 10  04 ».
    const leading = /^(\S+\.?\s*\d{1,3})\s+(\S.*)$/u.exec(first.trim());
    const reference = leading ? vocabulary.sommairePage.exec(foldForMatch(leading[1]!)) : null;
    const start = reference ? numberAtStart(leading![2]!, vocabulary, true) : numberAtStart(first, vocabulary, true);
    if (!start || (!start.labelled && labelled) || (titled && !start.labelled && start.rest === '')) return null;
    return reference ? { ...start, page: Number(reference[1]) } : start;
  };
  let section = '';
  // The first section title's style (weight, size): a line in capitals set otherwise is not one.
  let sectionStyle: TextLine | null = null;
  let lastEntryPage: number | null = null;
  let pendingPage: number | null = null;
  let i = from;
  while (i < blocks.length) {
    const block = blocks[i]!;
    const text = block.text.trim();
    const start = startOf(block);
    // Sommaire numbers go up: a number again from the start is the body's first project.
    if (start && entries.length > 0 && start.numero <= entries.at(-1)!.numero) break;
    if (start) {
      lastNumero = start.numero;
      if (start.page !== undefined) pendingPage = start.page;
      if (entries.length === 0) {
        labelled = start.labelled;
        titled = !start.labelled && start.rest !== '';
        pageFirst = pendingPage !== null;
      }
      const lines: TextLine[] = [];
      if (start.rest !== '') lines.push(withText(block.lines[0]!, start.rest));
      lines.push(...block.lines.slice(1));
      let page: number | null = null;
      const endsWithPage = (): boolean => {
        const last = lines.at(-1);
        // A marked page alone on the entry's last line (« page 5 » under the organisation).
        const alone = last && lines.length > 1 ? pageReference(last.text, vocabulary) : null;
        if (alone && !alone.bare) {
          lines.pop();
          page = alone.page;
          return true;
        }
        const trail = last ? trailingPage(last.text, vocabulary) : null;
        if (trail) {
          lines[lines.length - 1] = withText(last!, trail.text);
          page = trail.page;
          return true;
        }
        // A leader ending a line inside the block (a wrapped title's last line, the organisation
        // set under it in the same block): the page is there, and the entry ends with the block.
        const inside = lines.findIndex((line) => LEADER_PAGE.test(line.text.trim()));
        if (inside < 0) return false;
        const leader = trailingPage(lines[inside]!.text, vocabulary)!;
        lines[inside] = withText(lines[inside]!, leader.text);
        page = leader.page;
        return true;
      };
      let j = i + 1;
      if (!endsWithPage()) {
        for (; j < blocks.length && j <= i + 8; j++) {
          const inner = blocks[j]!;
          const reference = pageReference(inner.text, vocabulary);
          // Pages printed first belong to the entry after them.
          if (reference && pageFirst && lines.length > 0) break;
          // An entry is a few lines on one page: a page turn or a fifth block without a page ends it
          // (two title lines and two organisation lines, each its own block when indented under the number).
          if (lines.length > 0 && ((inner.page !== null && inner.page !== block.page) || j - i > 5)) break;
          // A bare number right after the entry's number is the next entry's number, not a page.
          if (reference && !(reference.bare && (lines.length === 0 || reference.page === start.numero + 1))) {
            page = reference.page;
            j++;
            break;
          }
          if (startOf(inner) || (lines.length > 0 && isSectionTitle(inner, blocks[j + 1], startOf, blocks[j + 2], pageFirst ? vocabulary : undefined) && !trailingPage(inner.text, vocabulary) && !hasLeaderPage(inner))) break;
          lines.push(...inner.lines);
          if (endsWithPage()) {
            j++;
            break;
          }
        }
      }
      if (page === null && pendingPage !== null) page = pendingPage;
      pendingPage = null;
      entries.push({ numero: start.numero, section, texte: lines.map((line) => line.text).join(' '), lines, page });
      lastEntryPage = blocks[j - 1]?.page ?? null;
      i = j;
      continue;
    }
    const following = startOf(blocks[i + 1]) ?? startOf(blocks[i + 2]);
    if (entries.length > 0 && following && following.numero <= entries.at(-1)!.numero) break;
    const previous = entries.at(-1);
    if (previous && sectionStyle && (continuesEntry(block, previous, lastEntryPage, sectionStyle) || organisationUnder(block, previous, lastEntryPage, sectionStyle, vocabulary))) {
      // The page may come with it, after a dot leader (« COLLECTIVITÉ ........ 39 »).
      const last = block.lines.at(-1)!;
      const trail = previous.page === null ? trailingPage(last.text, vocabulary) : null;
      const lines = trail ? [...block.lines.slice(0, -1), withText(last, trail.text)] : block.lines;
      entries[entries.length - 1] = {
        ...previous,
        texte: `${previous.texte} ${lines.map((line) => line.text).join(' ')}`,
        lines: [...previous.lines, ...lines],
        page: trail?.page ?? previous.page,
      };
      lastEntryPage = block.page;
      i++;
      continue;
    }
    if (isSectionTitle(block, blocks[i + 1], startOf, blocks[i + 2], vocabulary)) {
      section = text;
      sectionStyle ??= block.lines[0] ?? null;
      i++;
      continue;
    }
    // Page first: « 5 » or « P05 » right before the entry it announces.
    const reference = pageReference(text, vocabulary);
    if (reference && startOf(blocks[i + 1])) {
      pendingPage = reference.page;
      i++;
      continue;
    }
    if (entries.length > 0) break;
    i++;
    if (i > from + 20) break; // no entry near the heading: not a sommaire
  }
  return { entries, end: i };
}

/**
 * Whether a block opening a new page of the sommaire is the rest of the entry before it, not a
 * section title: a table row cut by the page break (the title and page on one page, the
 * organisation on the next). It is set like the entry's lines, not like the section titles.
 */
function continuesEntry(block: Block, previous: SommaireEntry, previousPage: number | null, sectionStyle: TextLine): boolean {
  if (block.page === null || previousPage === null || block.page === previousPage) return false;
  const last = previous.lines.at(-1);
  const first = block.lines[0];
  if (!last || !first || first.bold === null || first.size === null) return false;
  const sameStyle = (a: TextLine, b: TextLine): boolean => a.bold === b.bold && a.size !== null && b.size !== null && Math.abs(a.size - b.size) <= 0.06 * Math.max(a.size, b.size);
  return !sameStyle(first, sectionStyle) && sameStyle(first, last);
}

/**
 * Whether a block right under an entry, on its page, is the entry's organisation (set under the
 * title's dot leader and page, « 01 TITRE ...... 5 » then « COLLECTIVITÉ »): set like the entry's
 * lines and unlike the section titles, so a line in capitals is not taken for the next section.
 */
function organisationUnder(block: Block, previous: SommaireEntry, previousPage: number | null, sectionStyle: TextLine, vocabulary: Vocabulary): boolean {
  if (block.page === null || block.page !== previousPage || pageReference(block.text, vocabulary) !== null) return false;
  const last = previous.lines.at(-1);
  if (!last || block.lines.length > 2 || !block.lines.every((line) => sameStyle(line, last) && !sameStyle(line, sectionStyle))) return false;
  return true;
}

/** Same weight and (within 6 %) the same size; unknown weight or size is never the same. */
function sameStyle(a: TextLine, b: TextLine): boolean {
  return a.bold !== null && a.bold === b.bold && a.size !== null && b.size !== null && Math.abs(a.size - b.size) <= 0.06 * Math.max(a.size, b.size);
}

/** A section title is a short line in capitals directly followed by an entry (or by the page printed before it). */
function isSectionTitle(
  block: Block,
  next: Block | undefined,
  startOf: (block: Block | undefined) => NumberAtStart | null,
  afterNext?: Block,
  vocabulary?: Vocabulary,
): boolean {
  const text = block.text.trim();
  if (text.length > 60 || !/\p{Lu}{3}/u.test(text) || text !== text.toUpperCase() || startOf(block) !== null) return false;
  if (startOf(next) !== null) return true;
  return vocabulary !== undefined && next !== undefined && pageReference(next.text, vocabulary) !== null && startOf(afterNext) !== null;
}
