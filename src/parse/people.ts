/**
 * Authors' and tutors' cards: a name line, then detail lines (an e-mail for authors, role lines
 * for tutors). Cards come one block each from the PDF, or name and details in separate blocks
 * from converter text, so cards are rebuilt line by line.
 */
import { EMAIL } from '../conventions.js';
import type { Block, PrintedPerson, TextLine } from '../types.js';

/** Name tokens: words in capitals (family names) or capitalised words (given names), hyphens allowed. */
const NAME_TOKEN = /^(?:\p{Lu}[\p{L}'’]*)(?:-\p{Lu}[\p{L}'’]*)*$/u;

/**
 * Whether a line reads as a person's name: two to six tokens, each capitalised, at least one
 * entirely in capitals (the family name) and one not (a given name).
 * @param line A printed line.
 * @returns `true` for "Claire LE GOFF", "Luce Garcia-LOPEZ"; `false` for "Directeur général".
 */
export function looksLikeName(line: string): boolean {
  const tokens = line.trim().split(/\s+/);
  if (tokens.length < 2 || tokens.length > 6) return false;
  if (!tokens.every((token) => NAME_TOKEN.test(token))) return false;
  const isCaps = (token: string): boolean => /\p{Lu}{2}/u.test(token) && token === token.toUpperCase();
  const hasCapsPart = (token: string): boolean => token.split('-').some((part) => part.length >= 2 && part === part.toUpperCase());
  return tokens.some(hasCapsPart) && tokens.some((token) => !isCaps(token));
}

/**
 * Whether a line reads as a name in any case and order, where something else (an e-mail beside it,
 * a bold face) already says it is a person: « Lisa Marchetti », « LISA MARCHETTI », « Jean de La Fontaine ».
 * @param line A printed line.
 * @returns `true` for two to six capitalised words or particles.
 */
export function isAnyCaseName(line: string): boolean {
  const tokens = line.trim().split(/\s+/);
  return tokens.length >= 2 && tokens.length <= 6 && tokens.every((token) => /^(?:\p{Lu}[\p{L}'’]*|d['’]\p{Lu}[\p{L}'’]*|de|du|des|le|la|van|von|der|di|da)(?:-\p{Lu}[\p{L}'’]*)*$/u.test(token)) && tokens.some((token) => /^\p{Lu}/u.test(token));
}

/**
 * Rebuilds cards line by line: a line that is not a detail starts a new card (its name), a
 * detail line goes under the current card; a detail with no card before it opens a nameless one
 * (a name is never made up).
 */
function readCards(blocks: readonly Block[], isDetail: (line: TextLine, text: string, current: PrintedPerson | undefined) => boolean): PrintedPerson[] {
  const people: { name: string; details: string[]; page: number | null }[] = [];
  for (const block of blocks) {
    for (const line of block.lines) {
      const text = line.text.trim();
      if (text === '') continue;
      const current = people.at(-1);
      if (!isDetail(line, text, current)) people.push({ name: text, details: [], page: block.page });
      else if (current) current.details.push(text);
      else people.push({ name: '', details: [text], page: block.page });
    }
  }
  return people;
}

/**
 * Rebuilds authors' cards: e-mail lines (or a damaged line with « @ » right under a name) attach
 * to the name above them.
 * @param blocks Blocks under « LES AUTEURS ».
 * @returns One card per person, in reading order.
 */
export function parseAuthorCards(blocks: readonly Block[]): PrintedPerson[] {
  return readCards(blocks.map(splitNameAndEmail), (_, text, current) => EMAIL.test(text) || (current !== undefined && current.details.length === 0 && text.includes('@')));
}

/** A name and an e-mail on one line (« NOM Prénom  e-mail », a table row « NOM Prénom | e-mail »). */
const NAME_THEN_EMAIL = /^(.*?\S)\s*(?:\||\s)\s*([\p{L}\p{N}._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})$/u;

/** Splits each line printing a name then an e-mail into the name line and the e-mail line. */
function splitNameAndEmail(block: Block): Block {
  if (!block.text.includes('@')) return block;
  const lines = block.lines.flatMap((line): TextLine[] => {
    const match = NAME_THEN_EMAIL.exec(line.text.trim());
    if (!match || !isAnyCaseName(match[1]!.replace(/\s*\|\s*/g, ' '))) return [line];
    return [{ ...line, text: match[1]!.replace(/\s*\|\s*$/, '') }, { ...line, text: match[2]! }];
  });
  return lines.length === block.lines.length ? block : { ...block, lines };
}

/**
 * Rebuilds tutors' cards: a name line (bold in the PDF; by its shape in text) starts a card, the
 * lines under it are the role.
 * @param blocks Blocks under the tutor label.
 * @returns One card per tutor, in reading order.
 */
export function parseTutorCards(blocks: readonly Block[]): PrintedPerson[] {
  return readCards(blocks, (line, text) => !(line.bold === true || (line.bold !== false && looksLikeName(text))));
}
