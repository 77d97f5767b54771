/**
 * Titles printed twice: the sommaire prints each project's title and collectivité between its
 * number (« 01/ ») and its page (« / P05 »), and the project's first page prints them again. A
 * converter that runs the body's title into what follows (« … VILLE DE NULLEPART » / « LES
 * AUTEURS » in one block) has the block cut after the lines the sommaire printed, as the PDF path
 * finds the title by its type. The entry's last line, when the body ends the title on the same
 * line, is the collectivité, a line of its own in both printings: it becomes a block of its own.
 */
import { foldForMatch } from '../../conventions.js';
import type { Block } from '../../types.js';
import { joinLines } from '../lines.js';

/** « 01/ », alone or with the title after it. */
const ENTRY_NUMBER = /^\s*\d{1,2}\s*\/\s*(.*)$/;
/** « / P05 », the entry's page. */
const ENTRY_PAGE = /^\s*\/\s*P\.?\s*\d{1,3}\s*$/i;
/** Lines an entry spans at most between its number and its page. */
const MAX_ENTRY_LINES = 8;
/** Shortest entry text matched in the body: shorter could match any heading. */
const MIN_ENTRY_LENGTH = 12;

const key = (text: string): string => foldForMatch(text).replace(/[^A-Z0-9]/g, '');

/** A sommaire entry, folded: its whole text (title and collectivité), its last line, and the words before that line. */
interface PrintedEntry {
  readonly text: string;
  readonly last: string;
  readonly titleWords: ReadonlySet<string>;
}

/** Share of words a title printed on the project page has in common with the sommaire's (a word changed between the two printings). */
const TITLE_WORDS_SHARE = 0.8;

const wordsOf = (text: string): Set<string> => new Set(foldForMatch(text).split(/[^A-Z0-9]+/).filter(Boolean));

/**
 * The sommaire's entries, folded.
 * @param blocks The blocks, in order.
 */
function sommaireEntries(blocks: readonly Block[]): PrintedEntry[] {
  const lines = blocks.flatMap((block) => block.lines.map((line) => line.text));
  const entries: PrintedEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const number = ENTRY_NUMBER.exec(lines[i]!);
    if (!number) continue;
    const parts = [number[1]!];
    for (let j = i + 1; j < Math.min(lines.length, i + MAX_ENTRY_LINES); j++) {
      if (ENTRY_PAGE.test(lines[j]!)) {
        const text = key(parts.join(' '));
        if (text.length >= MIN_ENTRY_LENGTH) entries.push({ text, last: key(parts.at(-1)!), titleWords: wordsOf(parts.slice(0, -1).join(' ')) });
        break;
      }
      if (ENTRY_NUMBER.test(lines[j]!)) break;
      parts.push(lines[j]!);
    }
  }
  return entries;
}

/**
 * Cuts each block that starts with a sommaire entry's text and goes on after it.
 * @param blocks The blocks of converter text.
 * @returns The blocks, the printed title and collectivité apart from what follows them.
 */
export function cutAfterPrintedTitles(blocks: readonly Block[]): Block[] {
  const entries = sommaireEntries(blocks);
  if (entries.length === 0) return [...blocks];
  // The lines read so far, once longer than every entry, make none with the lines after.
  const longest = Math.max(...entries.map(({ text }) => text.length));
  return blocks.flatMap((block) => {
    if (block.lines.length < 2 || block.kind !== 'paragraph') return [block];
    let covered = '';
    // Up to the block's last line: a block that is the whole entry (laid-out text sets no blank line between title and collectivité) has its collectivité set apart too.
    for (let n = 1; n <= block.lines.length; n++) {
      covered += key(block.lines[n - 1]!.text);
      if (covered.length > longest) break;
      const entry = covered.length >= MIN_ENTRY_LENGTH ? entries.find(({ text }) => text === covered) : undefined;
      if (!entry) continue;
      const after = n < block.lines.length ? [withLines(block, block.lines.slice(n))] : [];
      // The body may set on one line a collectivité the sommaire wrapped (« … DU PAYS NORD » / « MARTINIQUE (CAP NORD MARTINIQUE) »).
      const collectiviteApart = n >= 2 && key(block.lines[n - 1]!.text).endsWith(entry.last);
      if (!collectiviteApart) return after.length > 0 ? [withLines(block, block.lines.slice(0, n)), ...after] : [block];
      return [withLines(block, block.lines.slice(0, n - 1)), withLines(block, block.lines.slice(n - 1, n)), ...after];
    }
    return collectiviteUnderTitle(block, entries) ?? [block];
  });
}

/**
 * A block that opens with a title and the collectivité under it, the title printed with a word
 * changed from the sommaire's (« ARCHIVES MUNICIPALES » / « ARCHIVES COMMUNALES »): one of its
 * lines is an entry's collectivité and the lines above share most of their words with that
 * entry's title.
 * @returns The title, the collectivité and what follows apart, or null.
 */
function collectiviteUnderTitle(block: Block, entries: readonly PrintedEntry[]): Block[] | null {
  // The sommaire's own entry (« 01/ TITRE » / « VILLE ») stays whole.
  if (ENTRY_NUMBER.test(block.lines[0]!.text)) return null;
  for (let n = 1; n < block.lines.length; n++) {
    const line = key(block.lines[n]!.text);
    // The words above are read only for a line that is some entry's collectivité (most lines are none).
    const ending = entries.filter((entry) => entry.last === line && entry.titleWords.size > 0);
    if (ending.length === 0) continue;
    const above = wordsOf(block.lines.slice(0, n).map((printed) => printed.text).join(' '));
    const shared = (entry: PrintedEntry): number => (2 * [...above].filter((word) => entry.titleWords.has(word)).length) / (above.size + entry.titleWords.size);
    if (!ending.some((entry) => shared(entry) >= TITLE_WORDS_SHARE)) continue;
    // What the block runs on with after the collectivité (« LE CONTEXTE », « LES AUTEURS ») is a block of its own.
    const after = n + 1 < block.lines.length ? [withLines(block, block.lines.slice(n + 1))] : [];
    return [withLines(block, block.lines.slice(0, n)), withLines(block, block.lines.slice(n, n + 1)), ...after];
  }
  return null;
}

function withLines(block: Block, lines: Block['lines']): Block {
  return { ...block, lines, text: joinLines(lines.map((line) => line.text)) };
}
