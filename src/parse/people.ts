/**
 * Authors' and tutors' cards: a name line, then detail lines (an e-mail for authors, role lines
 * for tutors). Cards come one block each from the PDF, or name and details in separate blocks
 * from converter text, so cards are rebuilt line by line.
 */
import { EMAIL } from '../conventions.js';
import type { Block, PrintedPerson } from '../types.js';

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
 * Rebuilds authors' cards: each non-e-mail line starts a person, e-mail lines attach to it.
 * @param blocks Blocks under « LES AUTEURS ».
 * @returns One card per person, in reading order.
 */
export function parseAuthorCards(blocks: readonly Block[]): PrintedPerson[] {
  const people: { name: string; details: string[]; page: number | null }[] = [];
  for (const block of blocks) {
    for (const line of block.lines) {
      const text = line.text.trim();
      if (text === '') continue;
      const current = people.at(-1);
      if (EMAIL.test(text) || (current && current.details.length === 0 && /@/.test(text))) {
        if (current) current.details.push(text);
        else people.push({ name: '', details: [text], page: block.page });
      } else {
        people.push({ name: text, details: [], page: block.page });
      }
    }
  }
  return people;
}

/**
 * Rebuilds tutors' cards: a name line (bold in the PDF; by its shape in text) starts a person,
 * the lines under it are the role.
 * @param blocks Blocks under the tutor label.
 * @returns One card per tutor, in reading order.
 */
export function parseTutorCards(blocks: readonly Block[]): PrintedPerson[] {
  const people: { name: string; details: string[]; page: number | null }[] = [];
  for (const block of blocks) {
    for (const line of block.lines) {
      const text = line.text.trim();
      if (text === '') continue;
      const isName = line.bold === true || (line.bold !== false && looksLikeName(text));
      const current = people.at(-1);
      if (isName || !current) people.push({ name: text, details: [], page: block.page });
      else current.details.push(text);
    }
  }
  return people;
}
