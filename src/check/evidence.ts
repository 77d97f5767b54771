/**
 * What the brochure itself promises, gathered once for the self-check passes: the family e-mails
 * printed in each project's blocks and elsewhere in the body, grouped into teams, and each
 * project's blocks folded for looking names up. Read from the blocks (what was printed), never
 * from the fields the stages made of them, so that a pass can compare the two.
 */
import { foldedWords } from '../conventions.js';
import type { Vocabulary } from '../profile.js';
import { latinSource } from '../alphabet.js';
import { sharesWidth } from '../boxes.js';
import type { Block, ExtractedDocument, ProjectBlock, SegmentedDocument } from '../types.js';

/** One family e-mail as printed. */
export interface PrintedEmail {
  /** Lower-cased, as the output holds it. */
  readonly email: string;
  /** PDF page of its block; `null` for converter text. */
  readonly page: number | null;
}

/** The e-mails of one team: printed close together, with no prose between them. */
export interface Team {
  readonly emails: readonly PrintedEmail[];
}

/** What one project's blocks print. */
export interface ProjectEvidence {
  readonly numero: number;
  /** Family e-mails in its blocks, in reading order. */
  readonly emails: readonly PrintedEmail[];
  /** Those e-mails grouped into teams (`teamGapCharacters` of prose between two teams). */
  readonly teams: readonly Team[];
  /** The words of its card lines (blocks shorter than prose), folded, for looking signatures up. */
  readonly words: PrintedWords;
  /** PDF pages of its blocks, in order (empty for converter text). */
  readonly pages: readonly number[];
}

/** What the whole document prints. */
export interface Evidence {
  /** Each project read from the body (not those known from the sommaire only), in segment order. */
  readonly projects: readonly ProjectEvidence[];
  /** Family e-mails printed after the cover but in no project's blocks (nor in a roster line). */
  readonly outside: readonly PrintedEmail[];
  /** Teams of the `outside` e-mails. */
  readonly outsideTeams: readonly Team[];
  /** Page of the sommaire heading (PDF input), for messages. */
  readonly sommairePage: number | null;
}

/** The words of some blocks, folded, and the pairs of words printed one after the other. */
export interface PrintedWords {
  /** Each block's words, space-separated with a space at both ends, one block a line. */
  readonly text: string;
  /** « WORD WORD » for every two words that follow each other in a block. */
  readonly pairs: ReadonlySet<string>;
}

/**
 * A block shorter than this is a card line (a name, an e-mail, a role, a heading), not prose: it
 * does not separate two teams however many of them stand between two e-mails (a team table read
 * column by column puts every name before every e-mail).
 */
export const CARD_LINE_MAX_CHARACTERS = 160;

/**
 * Family e-mails in a text: a local part, « @ » and one of the profile's domains, not followed by
 * more of a domain (« …inet.org.uk » is no family address).
 */
function emailPattern(vocabulary: Vocabulary): RegExp | null {
  const domains = vocabulary.emailDomains.map((entry) => entry.domain.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  if (domains.length === 0) return null;
  return new RegExp(latinSource(`[\\p{L}\\p{N}._%+-]+@(?:${domains.join('|')})(?![A-Za-z0-9-]|\\.[A-Za-z])`), 'giu');
}

/**
 * The family e-mails a block prints.
 * @param block A block.
 * @param pattern From `emailPattern`.
 * @returns The e-mails, lower-cased, in printed order.
 */
function emailsOf(block: Block, pattern: RegExp): PrintedEmail[] {
  if (!block.text.includes('@')) return [];
  return [...block.text.matchAll(pattern)].map((match) => ({ email: match[0].toLowerCase(), page: block.page }));
}

/**
 * Whether a block of prose stands between two e-mails of the page rather than beside them: on
 * another page than the last e-mail, or overlapping its block's width. A team set in a sidebar
 * beside a column of text (text frames read by height, not column after column) has that text
 * between its cards in reading order, yet one team. Nor does prose printed wholly under the next
 * e-mail's card on the last e-mail's page stand between them (`rule: prose-under-both-cards`): a
 * grid of cards over a column of text, read column after column, has that text between its first
 * column's cards and the next column's, yet one team. Converter text has no geometry: all prose counts.
 */
function proseBetween(block: Block, lastEmail: Block | null, nextEmail: Block): boolean {
  if (lastEmail === null || !block.box || !lastEmail.box || block.page !== lastEmail.page) return true;
  if (nextEmail.box && nextEmail.page === block.page && block.box.y >= nextEmail.box.y + nextEmail.box.height) return false;
  return sharesWidth(block.box, lastEmail.box);
}

/**
 * Groups e-mails into teams: a new team starts when prose (blocks of `CARD_LINE_MAX_CHARACTERS`
 * or more, `proseBetween` the e-mails) adding up to `gap` characters stands between two e-mails.
 * @param blocks Blocks in reading order.
 * @param pattern From `emailPattern`.
 * @param gap The profile's `teamGapCharacters` (no grouping, one team, when absent).
 * @returns The e-mails in order and their teams.
 */
function teamsOf(blocks: readonly Block[], pattern: RegExp, gap: number | undefined): { emails: PrintedEmail[]; teams: Team[] } {
  const emails: PrintedEmail[] = [];
  const teams: PrintedEmail[][] = [];
  // Prose read since the last e-mail: whether it stands between that e-mail and the next is known at the next.
  let proseBlocks: Block[] = [];
  let lastEmail: Block | null = null;
  for (const block of blocks) {
    const found = emailsOf(block, pattern);
    if (found.length === 0) {
      if (block.text.length >= CARD_LINE_MAX_CHARACTERS) proseBlocks.push(block);
      continue;
    }
    const prose = proseBlocks.filter((prose) => proseBetween(prose, lastEmail, block)).reduce((sum, prose) => sum + prose.text.length, 0);
    const startsTeam = teams.length === 0 || (gap !== undefined && prose >= gap);
    if (startsTeam) teams.push([]);
    teams.at(-1)!.push(...found);
    emails.push(...found);
    proseBlocks = [];
    lastEmail = block;
  }
  return { emails, teams: teams.map((list) => ({ emails: list })) };
}

/**
 * Gathers the evidence of a document.
 * @param extracted The blocks as extract read them.
 * @param segmented The segment stage's output (cover, projects, rosters).
 * @param vocabulary The family's e-mail domains and the self-check's bounds.
 * @returns The e-mails and teams of each project and outside them.
 */
export function gatherEvidence(extracted: ExtractedDocument, segmented: SegmentedDocument, vocabulary: Vocabulary): Evidence {
  const pattern = emailPattern(vocabulary);
  const gap = vocabulary.plausibility.teamGapCharacters;
  const sommairePage = extracted.blocks.find((block) => vocabulary.isSommaireHeading(block.text))?.page ?? null;
  const read = segmented.projects.filter((project) => !project.fromSommaireOnly);
  const projects = read.map((project) => projectEvidence(project, pattern, gap));
  if (pattern === null) return { projects, outside: [], outsideTeams: [], sommairePage };
  // The cover may print an institutional address; the rosters list members, not signatures.
  const cover = new Set<Block>(segmented.cover);
  const inProjects = new Set<Block>(read.flatMap((project) => [project.heading, ...project.blocks]));
  const rosterText = segmented.rosters.flatMap((roster) => roster.lines).join('\n').toLowerCase();
  const others = extracted.blocks.filter((block) => !cover.has(block) && !inProjects.has(block));
  const { emails, teams } = teamsOf(others, pattern, gap);
  const projectEmails = new Set(projects.flatMap((project) => project.emails.map((printed) => printed.email)));
  const outside = emails.filter((printed) => !projectEmails.has(printed.email) && !rosterText.includes(printed.email));
  const outsideTeams = teams.map((team) => ({ emails: team.emails.filter((printed) => outside.includes(printed)) })).filter((team) => team.emails.length > 0);
  return { projects, outside, outsideTeams, sommairePage };
}

function projectEvidence(project: ProjectBlock, pattern: RegExp | null, gap: number | undefined): ProjectEvidence {
  const blocks = [project.heading, ...project.blocks];
  const { emails, teams } = pattern ? teamsOf(blocks, pattern, gap) : { emails: [], teams: [] };
  const pages = [...new Set(blocks.map((block) => block.page).filter((page): page is number => page !== null))].sort((a, b) => a - b);
  // A signature is a card line; a name in prose (a testimony citing a student) signs nothing.
  const cards = blocks.filter((block) => block.text.length < CARD_LINE_MAX_CHARACTERS);
  return { numero: project.numero, emails, teams, words: printedWords(cards), pages };
}

function printedWords(blocks: readonly Block[]): PrintedWords {
  const pairs = new Set<string>();
  const lines = blocks.map((block) => {
    const words = foldedWords(block.text);
    for (let i = 1; i < words.length; i++) pairs.add(`${words[i - 1]} ${words[i]}`);
    return ` ${words.join(' ')} `;
  });
  return { text: lines.join('\n'), pairs };
}

/**
 * Whether these words are printed one after the other in one block: the pair where the two parts
 * meet is looked up first, the whole sequence only then.
 * @param printed From `ProjectEvidence.words`.
 * @param first The first part's words (a given name).
 * @param second The second part's words (a family name).
 * @returns `true` when « first second » is printed.
 */
export function printsInOrder(printed: PrintedWords, first: readonly string[], second: readonly string[]): boolean {
  if (first.length === 0 || second.length === 0) return false;
  if (!printed.pairs.has(`${first.at(-1)} ${second[0]}`)) return false;
  return printed.text.includes(` ${[...first, ...second].join(' ')} `);
}
