/**
 * What a block is from what the page shows, when the words do not say it: a team (names paired
 * with e-mails of the family's domains), tutors' cards (a name over role lines), a testimony
 * (a quote in « » and a signature), key figures (numbers set alone), references (links, titles
 * with years), and headings set like the document's known rubrique headings.
 */
import { EMAIL } from '../conventions.js';
import type { Vocabulary } from '../profile.js';
import type { Block, RubriqueKey } from '../types.js';
import { knownSizes, lineSizes, SMALLER_THAN_BODY } from '../typography.js';
import { isStandaloneFigure } from './chiffres.js';
import { isAnyCaseName, isNamePart, looksLikeName, nameThenEmail, withoutCorpsWords } from './people.js';
import { hasLowerCase, latin, startsWithCapital } from '../alphabet.js';

/** A printed web address. */
export const URL = /\b(?:https?:\/\/|www\.)\S+/i;

/** How the document sets its rubrique headings: weight and relative size of the known ones. */
export interface HeadingStyle {
  readonly bold: boolean | null;
  readonly sizes: readonly number[];
  /** Whether the known headings are printed in sentence case (« Contexte »), not in capitals. */
  readonly sentenceCase: boolean;
  /** Whether the known headings are numbered (« 1. Contexte », « 2) Problématique »). */
  readonly numbered?: boolean;
}

/** A heading's number: « 1. », « 2) ». */
const HEADING_NUMBER = /^\d{1,2}[.)]\s+\S/u;

/**
 * The typography of the known rubrique headings among some blocks.
 * @param blocks Blocks of one project (or more).
 * @param vocabulary The family's words.
 * @returns Their style; `null` when no known heading is printed.
 */
export function headingStyle(blocks: readonly Block[], vocabulary: Vocabulary): HeadingStyle | null {
  const known = blocks.filter((block) => block.kind === 'paragraph' && vocabulary.rubriqueOf(block.text) !== null);
  if (known.length === 0) return null;
  const bold = known.every((block) => block.lines.every((line) => line.bold === true)) ? true : known.some((block) => block.lines.some((line) => line.bold === true)) ? null : false;
  const sizes = knownSizes(known);
  const sentenceCase = known.every((block) => hasLowerCase(block.text));
  const numbered = known.filter((block) => HEADING_NUMBER.test(block.text.trim())).length >= 2;
  return { bold, sizes, sentenceCase, numbered };
}

/**
 * Whether a block is set like the known rubrique headings: a short line or two in capitals, no
 * sentence, the same weight and (when known) size.
 * @param block A block.
 * @param style The document's heading style.
 * @returns `true` for a heading candidate.
 */
export function setLikeHeading(block: Block, style: HeadingStyle): boolean {
  const text = block.text.trim();
  if (block.kind !== 'paragraph' || block.lines.length > 2 || text.length > 60 || text.length < 3) return false;
  // A figure with its unit in capitals (« 2,3 MRD ») is a key figure, never a heading.
  if (isStandaloneFigure(text)) return false;
  if (numberedLikeHeadings(block, style)) return true;
  // In capitals; or, where the headings are in sentence case, a bold line opening with a capital
  // that is neither a lead-in ending in « : » nor a person's name (a card).
  const capitals = !hasLowerCase(text) && latin('u')`\p{Lu}{3}`.test(text);
  const sentence = style.sentenceCase && startsWithCapital(text) && !text.endsWith(':') && !isAnyCaseName(text) && block.lines.every((line) => line.bold === true);
  const cased = capitals || sentence;
  if (!cased || /[.;,!?»]$/.test(text) || /\d{2}/.test(text) || text.includes('@')) return false;
  if (style.bold === true && !block.lines.every((line) => line.bold === true)) return false;
  if (style.bold === false && block.lines.some((line) => line.bold === true)) return false;
  const sizes = knownSizes([block]);
  if (style.sizes.length > 0 && sizes.length > 0) {
    // Labels may be set smaller than the main headings (a sidebar's), never as large as a title.
    const min = Math.min(...style.sizes) - 0.3;
    const max = Math.max(...style.sizes) + 0.1;
    if (sizes.some((size) => size < min || size > max)) return false;
  }
  return true;
}

/**
 * Whether a block is numbered and set as the known headings are when those are numbered
 * (« 5. Les suites » after « 1. Contexte »…): the same weight and size, whatever the case.
 * @param block A block.
 * @param style The document's heading style.
 * @returns `true` for a numbered heading.
 */
export function numberedLikeHeadings(block: Block, style: HeadingStyle): boolean {
  const text = block.text.trim();
  if (style.numbered !== true || block.kind !== 'paragraph' || block.lines.length > 2 || text.length > 60 || !HEADING_NUMBER.test(text) || /[.;:,!?]$/.test(text)) return false;
  if (style.bold !== null && !block.lines.every((line) => line.bold === style.bold)) return false;
  return style.sizes.length > 0 && lineSizes(block).every((size) => size !== null && style.sizes.some((known) => Math.abs(known - size) <= 0.03));
}

/**
 * Whether a block is part of a team: every line a name, a family e-mail, or both, with at least one e-mail.
 * @param block A block.
 * @param vocabulary The family's e-mail domains.
 * @returns `true` for a team block.
 */
export function isTeamBlock(block: Block, vocabulary: Vocabulary): boolean {
  if (!block.text.includes('@')) return false;
  const lines = block.lines.map((line) => line.text.trim()).filter((line) => line !== '');
  const family = (email: string): boolean => vocabulary.emailDomains.some((entry) => email.toLowerCase().endsWith(`@${entry.domain}`));
  let emails = 0;
  // A « Corps » cell read onto a line (« Ingénieur en chef kevin.oyono@… ») is no word of a name nor of an e-mail (`rule: corps-cells`).
  for (const line of lines.map((text) => withoutCorpsWords(text, vocabulary.emailDomains)).filter((text) => text !== '')) {
    const pair = nameThenEmail(line);
    if (EMAIL.test(line)) emails += family(line) ? 1 : 0;
    else if (pair) emails += family(pair.email) ? 1 : 0;
    else if (!looksLikeName(line) && !isAnyCaseName(line) && !isNamePart(line) && !vocabulary.teamTableHeaders.has(foldHeader(line))) return false;
  }
  return emails > 0;
}


/**
 * Whether a block is a tutor's card set in a sidebar: a name in bold over role lines in regular,
 * smaller type (PDF only: converter text does not tell the weight).
 * @param block A block.
 * @returns `true` for a card.
 */
export function isSidebarCard(block: Block): boolean {
  const [first, ...rest] = block.lines;
  if (!first || rest.length === 0 || first.bold !== true || !isAnyCaseName(first.text.trim())) return false;
  return rest.every((line) => line.bold === false && line.size !== null && line.size < SMALLER_THAN_BODY && !line.text.includes('@') && line.text.length < 80);
}

function foldHeader(line: string): string {
  return line.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase().trim();
}

/**
 * What a run of blocks under an unknown heading is, from its shape.
 * @param blocks The blocks under the heading.
 * @param vocabulary The family's words.
 * @param after The rubriques already read in the project (tutors follow the team).
 * @returns The rubrique it reads as, or `null` when nothing tells.
 */
export function meaningOf(blocks: readonly Block[], vocabulary: Vocabulary, after: readonly RubriqueKey[]): RubriqueKey | null {
  const content = blocks.filter((block) => block.text.trim() !== '');
  if (content.length === 0) return null;
  if (content.some((block) => isTeamBlock(block, vocabulary)) && content.every((block) => isTeamBlock(block, vocabulary) || looksLikeName(block.text.trim()) || EMAIL.test(block.text.trim()))) return 'auteurs';
  // A sidebar interleaved with the body may put team lines under the tutors' label: they move to the team later.
  const cards = content.filter((block) => !isTeamBlock(block, vocabulary));
  if ((after.includes('auteurs') || cards.length < content.length) && !after.includes('tuteurs') && cards.length > 0 && isCardRun(cards)) return 'tuteurs';
  if (isTestimony(content)) return 'temoignage';
  if (content.filter((block) => isStandaloneFigure(block.text)).length >= 2) return 'chiffres';
  if (content.every((block) => URL.test(block.text) || /\b(?:19|20)\d{2}\b/.test(block.text)) && content.some((block) => URL.test(block.text) || block.kind === 'listItem')) return 'allerPlusLoin';
  return null;
}

/** Names over role lines, and nothing else (no e-mail, no sentence). */
function isCardRun(blocks: readonly Block[]): boolean {
  const lines = blocks.flatMap((block) => block.lines.map((line) => line.text.trim())).filter((line) => line !== '');
  const first = blocks[0]?.lines[0];
  if (lines.length < 2 || !(looksLikeName(lines[0]!) || (first?.bold === true && isAnyCaseName(lines[0]!)))) return false;
  return lines.every((line) => line.length < 90 && !line.includes('@') && !/[.!?]$/.test(line));
}

/** A quote in « » and a short signature before or after it. */
function isTestimony(blocks: readonly Block[]): boolean {
  const quoteAt = blocks.findIndex((block) => /^[«“"]/.test(block.text.trim()));
  if (quoteAt < 0 || blocks.length > 6) return false;
  const signature = [blocks[quoteAt - 1], blocks.at(-1)].find((block) => block && block !== blocks[quoteAt] && !/^[«“"]/.test(block.text.trim()) && block.text.length < 200);
  return signature !== undefined || /»\s*$/.test(blocks[quoteAt]!.text.trim());
}

/**
 * Whether a block is running text (not a name, a role or a label): long, or a sentence.
 * @param block A block.
 * @returns `true` for a paragraph of prose.
 */
export function isProse(block: Block): boolean {
  const text = block.text.trim();
  return text.length > 120 || (text.length > 50 && /[.!?]$/.test(text));
}
