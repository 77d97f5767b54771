/**
 * Where each project starts, from independent sources reconciled. A start is a block opening with a
 * project number (« 01 », « PROJET 01 », « N° 1 », letter-spaced or not) that the document confirms:
 * the authors' heading follows, or the sommaire entry's title is printed again after it, or the
 * number sits in display type on the page the sommaire announces. A number the sommaire does not
 * list (a damaged or truncated sommaire) is kept when the body alone says it is a project's: a
 * label or display type, then the authors' heading or a cluster of the family's e-mails (the caller
 * reports it). Projects the sommaire lists but whose start cannot be confirmed are found by their
 * title alone, else left to the caller (read from the sommaire only). Each start records the
 * evidence that decided it (`evidence`: rule ids, for `--explain`).
 */
import { foldedLetters } from '../conventions.js';
import type { Vocabulary } from '../profile.js';
import { DISPLAY_SIZE } from '../typography.js';
import type { Block, SommaireEntry } from '../types.js';
import { numberAtStart } from './sommaire.js';

/** How many blocks after a number the authors heading may come (title and organisation sit between). */
const HEADING_LOOKAHEAD = 12;

/** How many letters of a title must agree to say the sommaire's title is printed there. */
const TITLE_PREFIX = 24;

/** Family e-mails that make a team: a project's authors are two or more. */
const TEAM_EMAILS = 2;

/** How many blocks after a number its team's e-mails may come (title, organisation, a sidebar, then the team). */
const TEAM_LOOKAHEAD = 30;

/** How far past the sommaire's last number a number the sommaire lacks may go (entries cut off a truncated sommaire). */
const MAX_NUMBERS_PAST_SOMMAIRE = 3;

/** Evidence ids a start may record (`ProjectStart.evidence`, `ProjectBlock.startEvidence`). */
export type StartEvidence =
  | 'sommaire-entry'
  | 'labelled-number'
  | 'display-number'
  | 'authors-heading'
  | 'sommaire-title'
  | 'announced-page'
  | 'family-emails'
  | 'title-only'
  | 'not-in-sommaire'
  | 'next-in-sequence';

/** One project's start. */
export interface ProjectStart {
  /** Index of the block holding the number (or the title, when found by title alone). */
  readonly index: number;
  readonly numero: number;
  /** The number's block, as the project's heading. */
  readonly heading: Block;
  /** Blocks that open the project's body before `index + 1` (a title printed on the number's block). */
  readonly lead: readonly Block[];
  /** How the start was confirmed: the deciding source. */
  readonly how: 'authors' | 'title' | 'page' | 'titleOnly' | 'body';
  /** Every source that agrees on this start, the deciding one included. */
  readonly evidence: readonly StartEvidence[];
}

/**
 * Finds each project's start, in sommaire order when there is a sommaire.
 * @param blocks The document's blocks.
 * @param from First block after the sommaire and colophon.
 * @param to First block of the rosters (or the end).
 * @param entries The sommaire's entries (may be empty).
 * @param vocabulary The family's words.
 * @returns The starts, in reading order.
 */
export function findProjectStarts(blocks: readonly Block[], from: number, to: number, entries: readonly SommaireEntry[], vocabulary: Vocabulary): ProjectStart[] {
  const byNumber = new Map(entries.map((entry) => [entry.numero, entry]));
  const starts: ProjectStart[] = [];
  const offset = pageOffset(blocks, from, to, byNumber, vocabulary);
  let last = 0;
  for (let i = from; i < to; i++) {
    const block = blocks[i]!;
    const first = block.lines[0]?.text ?? block.text;
    const head = numberAtStart(first, vocabulary, false) ?? labelledWithTitle(first, vocabulary) ?? numberedTitle(first, byNumber, vocabulary);
    if (!head) continue;
    const numero = head.numero;
    if (numero <= last) continue;
    const entry = byNumber.get(numero);
    // The next number of the body's own sequence (the last start's plus one) is read past a sommaire cut short too.
    const inSequence = numero === last + 1;
    if (byNumber.size > 0 && !entry && !missingFromSommaire(numero, last, byNumber) && !inSequence) continue;
    // The same number again just after (a section divider's big « 1 » before « PROJET 01 »): that one is the project's.
    if (blocks.slice(i + 1, Math.min(to, i + 4)).some((next) => numberAtStart(next.lines[0]?.text ?? next.text, vocabulary, false)?.numero === numero)) continue;
    const lead = leadBlocks(block, head.rest);
    // Far from the page the sommaire announces, a number is a key figure or a list item.
    if (entry?.page != null && block.page !== null && Math.abs(block.page - entry.page - offset) > 2) continue;
    const evidence = startEvidence(blocks, i, to, head, entry, lead, vocabulary);
    if (inSequence && !entry) evidence.push('next-in-sequence');
    const how = decide(evidence, entry !== undefined, byNumber.size > 0);
    if (!how) continue;
    starts.push({ index: i, numero, heading: lead.length > 0 ? { ...block, lines: block.lines.slice(0, 1), text: first } : block, lead, how, evidence });
    last = numero;
  }
  return withTitleOnlyStarts(blocks, from, to, entries, starts);
}

/**
 * Whether a number the sommaire does not list may still be a project's: it goes on from the last
 * start and lies before the next number the sommaire lists, or a little past its last (entries a
 * truncated sommaire lost).
 */
function missingFromSommaire(numero: number, last: number, byNumber: ReadonlyMap<number, SommaireEntry>): boolean {
  const listed = [...byNumber.keys()];
  const nextListed = listed.filter((n) => n > last).sort((a, b) => a - b)[0];
  return nextListed !== undefined ? numero < nextListed : numero <= Math.max(...listed) + MAX_NUMBERS_PAST_SOMMAIRE;
}

/** Every independent source that says a project starts at block `index`. */
function startEvidence(blocks: readonly Block[], index: number, to: number, head: { labelled: boolean }, entry: SommaireEntry | undefined, lead: readonly Block[], vocabulary: Vocabulary): StartEvidence[] {
  const block = blocks[index]!;
  const evidence: StartEvidence[] = [];
  if (entry) evidence.push('sommaire-entry');
  else evidence.push('not-in-sommaire');
  if (head.labelled) evidence.push('labelled-number');
  if ((block.lines[0]?.size ?? 0) >= DISPLAY_SIZE) evidence.push('display-number');
  if (authorsHeadingFollows(blocks, index + 1, Math.min(to, index + 1 + HEADING_LOOKAHEAD), vocabulary)) evidence.push('authors-heading');
  if (entry && titleFollows(entry, [...lead, ...blocks.slice(index + 1, index + 4)])) evidence.push('sommaire-title');
  if (entry && pageAgrees(entry, block)) evidence.push('announced-page');
  if (familyEmailsFollow(blocks, index + 1, Math.min(to, index + 1 + TEAM_LOOKAHEAD), vocabulary)) evidence.push('family-emails');
  return evidence;
}

/**
 * Reconciles the sources. A number the sommaire lists starts its project when the authors' heading
 * follows, or its title is printed again, or it is labelled on the announced page; with no sommaire
 * read at all, only the authors' heading confirms a number (an unread sommaire's « 10/ TITRE » lines
 * are followed by the body's e-mails too). A number a sommaire lacks needs the body alone to
 * say so twice: set as a project number (a label, display type) and followed by a team (the
 * authors' heading, or the family's e-mails), or go on from the last start and be followed by the
 * authors' heading.
 */
function decide(evidence: readonly StartEvidence[], listed: boolean, hasSommaire: boolean): ProjectStart['how'] | null {
  const has = (id: StartEvidence): boolean => evidence.includes(id);
  // With no sommaire at all (none read: its own lines are then in the body too), the authors' heading alone confirms a number.
  if (!hasSommaire) return has('authors-heading') ? 'authors' : null;
  if (listed) {
    if (has('authors-heading')) return 'authors';
    if (has('sommaire-title')) return 'title';
    return has('labelled-number') && has('announced-page') ? 'page' : null;
  }
  const setAsNumber = has('labelled-number') || has('display-number');
  if (setAsNumber && (has('authors-heading') || has('family-emails'))) return 'body';
  // Converter text sets no number apart by its type: the number that goes on from the last start,
  // followed by the authors' heading, is said twice by the body all the same (`next-in-sequence`).
  return has('next-in-sequence') && has('authors-heading') ? 'body' : null;
}

/** Whether a team's e-mails of the family's domains come after a block, before any other project number. */
function familyEmailsFollow(blocks: readonly Block[], from: number, to: number, vocabulary: Vocabulary): boolean {
  const domains = vocabulary.emailDomains.map((entry) => `@${entry.domain}`);
  let emails = 0;
  for (let i = from; i < to; i++) {
    const block = blocks[i]!;
    // Another labelled number first (the next project, or the next line of a sommaire read as body): no team of this one.
    if (i > from && numberAtStart(block.lines[0]?.text ?? block.text, vocabulary, true)?.labelled) return false;
    for (const line of block.lines) {
      const text = line.text.toLowerCase();
      if (text.includes('@') && domains.some((domain) => text.includes(domain))) emails++;
    }
    if (emails >= TEAM_EMAILS) return true;
  }
  return false;
}

/**
 * How far the PDF's page numbers are from the printed ones (a cover not counted, say): the most
 * common difference over numbers followed by their sommaire title; 0 when none is.
 */
function pageOffset(blocks: readonly Block[], from: number, to: number, byNumber: ReadonlyMap<number, SommaireEntry>, vocabulary: Vocabulary): number {
  const counts = new Map<number, number>();
  for (let i = from; i < to; i++) {
    const block = blocks[i]!;
    const head = numberAtStart(block.lines[0]?.text ?? block.text, vocabulary, false);
    const entry = head ? byNumber.get(head.numero) : undefined;
    if (!entry || entry.page === null || block.page === null) continue;
    if (!titleFollows(entry, [...leadBlocks(block, head!.rest), ...blocks.slice(i + 1, i + 4)])) continue;
    const difference = block.page - entry.page;
    counts.set(difference, (counts.get(difference) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
}

/** « PROJET 01 — TITRE » on one line: only with a label, never a bare number and text (a key figure). */
function labelledWithTitle(text: string, vocabulary: Vocabulary): { numero: number; rest: string; labelled: boolean } | null {
  const head = numberAtStart(text, vocabulary, true);
  return head && head.labelled && head.rest !== '' ? head : null;
}

/**
 * « 3 TITRE » on one line with no label (a LaTeX \\section's number): a bare number followed by
 * text is a start only when that text is the sommaire entry's title (a key figure's label is not).
 */
function numberedTitle(text: string, byNumber: ReadonlyMap<number, SommaireEntry>, vocabulary: Vocabulary): { numero: number; rest: string; labelled: boolean } | null {
  const head = numberAtStart(text, vocabulary, true);
  const entry = head && head.rest !== '' ? byNumber.get(head.numero) : undefined;
  if (!entry) return null;
  const title = foldedLetters(entry.texte);
  const printed = foldedLetters(head!.rest);
  const agree = Math.min(title.length, printed.length, TITLE_PREFIX);
  return agree >= 8 && title.slice(0, agree) === printed.slice(0, agree) ? head : null;
}

/** What the number's block prints after the number: a title on the same line or the lines under it. */
function leadBlocks(block: Block, rest: string): Block[] {
  const lines = [...(rest !== '' ? [{ ...block.lines[0]!, text: rest }] : []), ...block.lines.slice(1)];
  if (lines.length === 0) return [];
  return [{ ...block, lines, text: lines.map((line) => line.text).join(' ') }];
}

/** Whether the authors heading comes soon after, with no other bare number (a key figure) in between. */
function authorsHeadingFollows(blocks: readonly Block[], from: number, to: number, vocabulary: Vocabulary): boolean {
  for (let i = from; i < to; i++) {
    const text = blocks[i]!.text.trim();
    if (vocabulary.rubriqueOf(text) === 'auteurs') return true;
    if (numberAtStart(text, vocabulary, false)) return false;
  }
  return false;
}

/** Whether the blocks after a number print the sommaire entry's title (its first letters). */
function titleFollows(entry: SommaireEntry, after: readonly Block[]): boolean {
  const title = foldedLetters(entry.texte).slice(0, TITLE_PREFIX);
  if (title.length < 8) return false;
  const printed = leadingLetters(after.map((block) => block.text), TITLE_PREFIX * 3);
  return printed.startsWith(title) || printed.includes(title.slice(0, 16));
}

/**
 * The first `count` letters (`foldedLetters`) of texts read one after the other: the same as folding
 * them joined, as letters ignore what stands between the texts, but each text is folded on its own
 * (block texts are folded again and again: `foldForMatch` keeps them) and only until enough are read.
 */
function leadingLetters(texts: readonly string[], count: number): string {
  let letters = '';
  for (const text of texts) {
    if (letters.length >= count) break;
    letters += foldedLetters(text);
  }
  return letters.slice(0, count);
}

/** Whether a block lies on the page the sommaire announces (or the next one: a divider page or a cover offset). */
function pageAgrees(entry: SommaireEntry, block: Block): boolean {
  return entry.page !== null && block.page !== null && block.page >= entry.page - 1 && block.page <= entry.page + 1;
}

/**
 * Sommaire entries with no confirmed number are looked for by their title, between the starts
 * around them. The title's block is then the first block of the project.
 */
function withTitleOnlyStarts(blocks: readonly Block[], from: number, to: number, entries: readonly SommaireEntry[], starts: ProjectStart[]): ProjectStart[] {
  const found = new Set(starts.map((start) => start.numero));
  const all = [...starts];
  for (const entry of entries) {
    if (found.has(entry.numero)) continue;
    const before = all.filter((start) => start.numero < entry.numero).at(-1);
    const after = all.filter((start) => start.numero > entry.numero)[0];
    const title = foldedLetters(entry.texte).slice(0, TITLE_PREFIX);
    if (title.length < 8) continue;
    for (let i = before ? before.index + 1 : from; i < (after ? after.index : to); i++) {
      if (!foldedLetters(blocks[i]!.text).startsWith(title.slice(0, Math.min(title.length, foldedLetters(blocks[i]!.text).length, TITLE_PREFIX)))) continue;
      if (foldedLetters(blocks[i]!.text).length < 8) continue;
      const heading: Block = { kind: 'paragraph', text: String(entry.numero).padStart(2, '0'), lines: [{ text: String(entry.numero).padStart(2, '0'), bold: null, size: null }], page: blocks[i]!.page };
      all.push({ index: i, numero: entry.numero, heading, lead: [blocks[i]!], how: 'titleOnly', evidence: ['sommaire-entry', 'title-only'] });
      break;
    }
  }
  return all.sort((a, b) => a.index - b.index);
}
