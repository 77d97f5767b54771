/**
 * Cuts a project's blocks into its title and its rubriques. First the heading passes
 * (`heading-passes.ts`) make each heading a block of its own. A heading the vocabulary knows opens
 * its rubrique. A line set like the known headings but not in the vocabulary opens a rubrique too
 * when what follows says what it is (a team, tutors' cards, a quote and its signature, figures,
 * references) or when prose follows a list of people; it is reported (`RUBRIQUE_HEADING_UNKNOWN`)
 * and never glued to the rubrique before it; so does a heading numbered as the known ones, a
 * short line over big figures and their labels (key figures), and, where headings are regular, a
 * short bold line closing the text (a box). A pull-quote read beside the title is the testimony.
 * Then blocks whose shape belongs elsewhere move there (`moves.ts`). Every cut and every move is
 * recorded with the id of the rule that made it (`RubriqueCut`, printed by `extract --explain`).
 */
import { EMAIL, WHITE_SPACE_TO_COLLAPSE } from '../conventions.js';
import { foldedLetters, isHeaderRowText, type Vocabulary } from '../profile.js';
import { isBodyRubrique } from '../text-rubriques.js';
import type { Block, BlockBox, Diagnostic, RubriqueCut, RubriqueKey } from '../types.js';
import { DISPLAY_SIZE, isQuoteType, isRegular, isSmallerThanBody, sameStyle } from '../typography.js';
import { isStandaloneFigure } from './chiffres.js';
import { runHeadingPasses } from './heading-passes.js';
import { moveByShape } from './moves.js';
import { isAnyCaseName, isNamePart, localPartSegments } from './people.js';
import { headingStyle, isProse, meaningOf, numberedLikeHeadings, setLikeHeading, type HeadingStyle } from './structure.js';
import { startsInLowerCase, startsWithCapital } from '../alphabet.js';

/** One rubrique: its heading as printed (`''` when the structure alone found it) and its blocks. */
export interface Rubrique {
  readonly key: RubriqueKey;
  readonly heading: string;
  readonly page: number | null;
  /** Where its heading is printed (PDF; none for converter text or a rubrique a move made). */
  readonly headingBox?: BlockBox;
  readonly blocks: Block[];
}

/** Output of `splitRubriques`. */
export interface SplitProject {
  /** Blocks before the first rubrique: title and organisation. */
  readonly headingBlocks: Block[];
  readonly rubriques: Rubrique[];
  /** Unknown headings whose content tells nothing: kept as boxes (heading and text). */
  readonly unknown: { readonly heading: string; readonly blocks: Block[] }[];
  /** Where each rubrique was cut and what was moved into it, by which rule, in order. */
  readonly cuts: RubriqueCut[];
  readonly diagnostics: Diagnostic[];
}

/** The heading pass that cuts a label out of the line it opens (`heading-passes.ts`). */
const INLINE_LABEL_PASS = 'split-inline-labels';

/** What a cut record quotes of a block: its first line, shortened. */
const CUT_TEXT_MAX = 60;

/**
 * Cuts a project's blocks at rubrique headings, known or set like them.
 * @param blocks The project's blocks after its number.
 * @param vocabulary The family's words.
 * @param where Project number and page, for diagnostics.
 * @returns Title blocks, rubriques, unknown boxes, the cuts and what was reported.
 */
export function splitRubriques(printed: readonly Block[], vocabulary: Vocabulary, where: { projet: number; page?: number }): SplitProject {
  const { blocks, madeBy } = runHeadingPasses(printed, vocabulary);
  // A label cut out of its line (« Tuteur : Prénom NOM, fonction ») is set as that line, not as the
  // headings are: the style is read from the headings printed apart (`rule:
  // style-without-inline-labels`; from the labels only when nothing else is known), else a
  // regular label makes every regular line in capitals, a table's cell, a heading candidate.
  const printedApart = blocks.filter((block) => madeBy.get(block) !== INLINE_LABEL_PASS);
  const style = headingStyle(printedApart, vocabulary) ?? headingStyle(blocks, vocabulary);
  const nameParts = emailNameParts(blocks);
  const headingBlocks: Block[] = [];
  const rubriques: (Rubrique | { key: null; heading: string; page: number | null; blocks: Block[] })[] = [];
  const diagnostics: Diagnostic[] = [];
  const cuts: RubriqueCut[] = [];
  const open = (key: RubriqueKey | null, block: Block, rule: string): void => {
    rubriques.push({ key, heading: block.text, page: block.page, ...(block.box ? { headingBox: block.box } : {}), blocks: [] });
    const pass = madeBy.get(block);
    cuts.push({ rubrique: key ?? 'encadre', rule, page: block.page, text: cutText(block), ...(pass !== undefined ? { pass } : {}) });
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const key = knownHeading(block, vocabulary);
    if (key) {
      open(key, block, 'known-heading');
      continue;
    }
    // After the references, a box title in sentence case may follow headings in capitals.
    const current = rubriques.at(-1)?.key ?? null;
    // A team table's header cell (« Courriel », « Prénom Corps ») is set like a heading but heads a column, not a rubrique (`rule: header-cell-no-heading`).
    const candidate = (b: Block): boolean =>
      style !== null &&
      !isHeaderRowText(b.text, vocabulary.teamTableHeaders) &&
      !spelledByEmail(b, nameParts) &&
      (setLikeHeading(b, style) || (current === 'allerPlusLoin' && setLikeHeading(b, { ...style, sentenceCase: true })));
    if (headsFigures(block, blocks.slice(i + 1), blocks[i - 1])) {
      open('chiffres', block, 'heading-over-figures');
      diagnostics.push(unknownHeading(block, 'chiffres', where));
      continue;
    }
    if (current !== null && style !== null && !spelledByEmail(block, nameParts) && isBoxTitle(block, style, blocks.slice(i + 1), vocabulary)) {
      let end = i + 1;
      while (end < blocks.length && !knownHeading(blocks[end]!, vocabulary) && !isBoxTitle(blocks[end]!, style, blocks.slice(end + 1), vocabulary)) end++;
      const seen = rubriques.map((rubrique) => rubrique.key).filter((k): k is RubriqueKey => k !== null);
      const meaning = meaningOf(blocks.slice(i + 1, end), vocabulary, seen);
      open(meaning, block, 'box-title');
      diagnostics.push(unknownHeading(block, meaning, where));
      continue;
    }
    // A cell of a table's row heads no rubrique either (`rule: row-cell-no-heading`); it still ends the content a candidate before it heads.
    if (candidate(block) && !isRowCell(block, blocks, vocabulary) && !isOrganisationLine(block, headingBlocks, rubriques.length)) {
      let end = i + 1;
      while (end < blocks.length && !knownHeading(blocks[end]!, vocabulary) && !candidate(blocks[end]!)) end++;
      const content = blocks.slice(i + 1, end);
      const seen = rubriques.map((rubrique) => rubrique.key).filter((k): k is RubriqueKey => k !== null);
      const meaning = meaningOf(content, vocabulary, seen);
      // Prose after the people's cards, not after text already read under them: a sidebar's cards
      // read after the column beside them leave the text that runs on (next page, next column)
      // under the cards, and a caption in that text (a table's title in capitals) heads no box
      // (`rule: caption-in-run-on`; `run-on-after-tutors` moves the text back).
      const peopleRead = rubriques.at(-1)?.blocks ?? [];
      const proseAfterPeople = (current === 'auteurs' || current === 'tuteurs') && content.some(isProse) && !peopleRead.some(isProse);
      // References are a list with no sub-headings of another kind: what is not a reference ends them.
      const notReferences = current === 'allerPlusLoin' && meaning === null;
      // A heading numbered as the known ones are is a rubrique of its own, even over prose.
      const numbered = style !== null && numberedLikeHeadings(block, style);
      if ((meaning !== null && meaning !== current) || proseAfterPeople || notReferences || numbered) {
        const why = meaning !== null && meaning !== current ? 'meaning-of-content' : proseAfterPeople ? 'prose-after-people' : notReferences ? 'not-references' : 'numbered';
        open(meaning, block, `set-like-heading:${why}`);
        diagnostics.push(unknownHeading(block, meaning, where));
        continue;
      }
    }
    if (rubriques.length > 0) rubriques.at(-1)!.blocks.push(block);
    else headingBlocks.push(block);
  }
  const known = rubriques.filter((rubrique): rubrique is Rubrique => rubrique.key !== null);
  const unknown = rubriques.filter((rubrique) => rubrique.key === null).map(({ heading, blocks: b }) => ({ heading, blocks: b }));
  if (!known.some((rubrique) => rubrique.key === 'temoignage')) {
    const at = pullQuoteAfterTitle(headingBlocks);
    if (at > 0) {
      const quote = headingBlocks.splice(at);
      known.unshift({ key: 'temoignage', heading: '', page: quote[0]!.page, blocks: quote });
      cuts.push({ rubrique: 'temoignage', rule: 'pull-quote-after-title', page: quote[0]!.page, text: cutText(quote[0]!) });
    }
  }
  const state = { title: headingBlocks, rubriques: [...known], boxes: unknown, vocabulary, where, diagnostics };
  for (const move of moveByShape(state)) cuts.push({ rubrique: move.to, rule: move.rule, page: move.blocks[0]?.page ?? null, text: cutText(move.blocks[0]) });
  figuresInTheirStyle(state.rubriques);
  return { headingBlocks: state.title, rubriques: state.rubriques, unknown, cuts, diagnostics };
}

/** The start of a block's text, as a cut record quotes it. */
function cutText(block: Block | undefined): string {
  const text = (block?.text ?? '').trim().replace(WHITE_SPACE_TO_COLLAPSE, ' ');
  return text.length > CUT_TEXT_MAX ? `${text.slice(0, CUT_TEXT_MAX)}…` : text;
}

/**
 * Key figures set in a sidebar that runs on past a page break are read after the text beside them,
 * inside another rubrique. This project's own key figures say how a figure and its label are set
 * (the first figure in display type under the figures' heading, and the block under it): a figure
 * set exactly so, followed by blocks set as its label, found in another rubrique, goes back to the
 * key figures with its label.
 * @param rubriques The project's rubriques (changed in place).
 */
export function figuresInTheirStyle(rubriques: readonly Rubrique[]): void {
  const chiffres = rubriques.find((rubrique) => rubrique.key === 'chiffres');
  if (!chiffres) return;
  const at = chiffres.blocks.findIndex((block) => block.lines.length === 1 && isStandaloneFigure(block.text) && (block.lines[0]!.size ?? 0) >= DISPLAY_SIZE);
  const figure = chiffres.blocks[at]?.lines[0];
  const label = chiffres.blocks[at + 1]?.lines[0];
  if (!figure || !label || isStandaloneFigure(label.text)) return;
  const isFigure = (block: Block | undefined): boolean => block !== undefined && block.lines.length === 1 && isStandaloneFigure(block.text) && sameStyle(block.lines[0]!, figure);
  const isLabel = (block: Block | undefined): boolean => block !== undefined && !isStandaloneFigure(block.text) && block.lines.every((line) => sameStyle(line, label));
  for (const rubrique of rubriques) {
    if (rubrique === chiffres) continue;
    const kept: Block[] = [];
    const moving: Block[] = [];
    for (let i = 0; i < rubrique.blocks.length; i++) {
      if (!isFigure(rubrique.blocks[i]) || !isLabel(rubrique.blocks[i + 1])) {
        kept.push(rubrique.blocks[i]!);
        continue;
      }
      moving.push(rubrique.blocks[i]!);
      while (isLabel(rubrique.blocks[i + 1])) moving.push(rubrique.blocks[++i]!);
    }
    if (moving.length === 0) continue;
    rubrique.blocks.splice(0, rubrique.blocks.length, ...kept);
    chiffres.blocks.push(...moving);
  }
}

/**
 * The rubrique a block's words name when it is printed as a heading: a word of the vocabulary
 * opening in lower case (« ressources. ») is the last line of a paragraph a narrow column broke off.
 */
/** How many other cells set alike on its baseline make a block a table's cell: a row of three (two rubrique headings may sit side by side, one per column). */
const ROW_CELLS_MIN = 2;

/** How far apart (points) the tops of a row's cells may be. */
const ROW_TOP_TOLERANCE = 1;

/**
 * Whether a block is one cell of a table's row (« 40 ENTRETIENS | 4 ATELIERS… | BENCHMARK |
 * 5 ATELIERS… », a header row in capitals): at least `ROW_CELLS_MIN` other blocks of its page
 * start at its height in its first line's style, and none is a known heading (headings side by
 * side over columns are headings). Only where positions are known (PDF).
 */
function isRowCell(block: Block, blocks: readonly Block[], vocabulary: Vocabulary): boolean {
  const box = block.box;
  const first = block.lines[0];
  if (!box || !first) return false;
  const mates = blocks.filter((other) => other !== block && other.page === block.page && other.box !== undefined && Math.abs(other.box.y - box.y) <= ROW_TOP_TOLERANCE && sameStyle(other.lines[0]!, first));
  return mates.length >= ROW_CELLS_MIN && mates.every((other) => knownHeading(other, vocabulary) === null);
}

/** An e-mail address inside printed text (`EMAIL` unanchored). */
const EMAIL_IN_TEXT = new RegExp(EMAIL.source.slice(1, -1), 'gu');

/** The name parts the project's e-mails spell (`localPartSegments`). */
function emailNameParts(blocks: readonly Block[]): Set<string> {
  // Only blocks holding an « @ »: the pattern, unanchored, is tried at every letter of every word of the prose.
  const withAt = blocks.filter((block) => block.text.includes('@'));
  return new Set(withAt.flatMap((block) => [...block.text.matchAll(EMAIL_IN_TEXT)].flatMap((match) => localPartSegments(match[0]))));
}

/**
 * Whether a block is one part of a name that an e-mail of the project spells (« DURAND », cut from
 * « Léa » by a team table's cells, beside « lea.durand@… »; « LE GALL » beside « yann.legall@… »):
 * a name, never a heading, however it is set (`rule: email-name-no-heading`).
 */
function spelledByEmail(block: Block, nameParts: ReadonlySet<string>): boolean {
  const text = block.text.trim();
  return block.lines.length === 1 && isNamePart(text) && nameParts.has(foldedLetters(text));
}

function knownHeading(block: Block, vocabulary: Vocabulary): RubriqueKey | null {
  if (block.kind !== 'paragraph' || startsInLowerCase(block.text.trim())) return null;
  return vocabulary.rubriqueOf(block.text);
}

/**
 * A heading whatever its words over key figures: a short line opening with a capital, then big
 * numbers set in display type (bold, or half as large again as the body) each over its label, two
 * at least in a row. A figure's label (right under a big number) is never one.
 * @param block The block looked at.
 * @param after The project's blocks after it.
 * @param before The block before it.
 * @returns `true` when the block heads a box of figures.
 */
export function headsFigures(block: Block, after: readonly Block[], before?: Block): boolean {
  const text = block.text.trim();
  if (block.kind !== 'paragraph' || block.lines.length !== 1 || text.length > 40 || /[.:;,]$/.test(text) || !startsWithCapital(text) || isStandaloneFigure(text)) return false;
  const bigFigure = (b: Block | undefined): boolean =>
    b !== undefined && isStandaloneFigure(b.text) && b.lines.every((line) => line.bold === true || (line.size !== null && line.size >= DISPLAY_SIZE));
  const label = (b: Block | undefined): boolean => b !== undefined && !isStandaloneFigure(b.text) && b.text.trim().length > 0;
  return !bigFigure(before) && bigFigure(after[0]) && label(after[1]) && bigFigure(after[2]) && label(after[3]);
}

/** The report of a heading the vocabulary does not know, with what it was read as. */
function unknownHeading(block: Block, meaning: RubriqueKey | null, where: { projet: number; page?: number }): Diagnostic {
  return {
    code: 'RUBRIQUE_HEADING_UNKNOWN',
    severity: 'info',
    ...where,
    ...(block.page !== null ? { page: block.page } : {}),
    message: `Projet ${String(where.projet).padStart(2, '0')} : titre « ${block.text.trim()} » absent du vocabulaire ; ${meaning ? `lu comme la rubrique « ${meaning} » d’après ce qui suit` : 'sens inconnu, son texte est gardé en encadré'} (ajouter ce titre au profil pour le reconnaître).`,
  };
}

/**
 * A box's title where the rubrique headings are set in a regular face: a short line wholly in
 * bold at the body's size, after the last known text or reference heading of the project (boxes
 * close a project's text; the team and tutors may follow), and not a person's name. Bold then
 * sets the box apart, never a rubrique.
 * @param block The block looked at.
 * @param style How the known headings are set.
 * @param after The project's blocks after it.
 * @param vocabulary The family's words.
 * @returns `true` for a box title.
 */
export function isBoxTitle(block: Block, style: HeadingStyle, after: readonly Block[], vocabulary: Vocabulary): boolean {
  const text = block.text.trim();
  if (style.bold !== false || block.kind !== 'paragraph' || block.lines.length > 2 || text.length > 60 || text.length < 3) return false;
  if (!block.lines.every((line) => line.bold === true && line.size !== null && Math.abs(line.size - 1) <= 0.05)) return false;
  if (isAnyCaseName(text) || text.includes('@') || after.length === 0) return false;
  // The team and the tutors may follow (a band at the project's foot): no text rubrique may.
  return !after.some((other) => {
    const key = knownHeading(other, vocabulary);
    return key !== null && (isBodyRubrique(key) || key === 'allerPlusLoin');
  });
}

/**
 * The line right after a title set wholly in bold, itself regular, before any rubrique: the
 * organisation, even when it is set like the rubrique headings (short, in capitals).
 * @param block The block looked at.
 * @param before The title blocks read so far.
 * @param rubriques How many rubriques were opened so far.
 * @returns `true` when the block is the organisation line.
 */
export function isOrganisationLine(block: Block, before: readonly Block[], rubriques: number): boolean {
  const allBold = (b: Block): boolean => b.lines.every((line) => line.bold === true);
  return rubriques === 0 && before.length > 0 && before.every(allBold) && isRegular(block);
}

/**
 * Where a pull-quote printed beside the title zone starts among the blocks before the first
 * rubrique (-1 when none): after the bold title and the regular organisation line, the blocks
 * left are set apart from the body by their type (all larger than the body, in a regular face, or
 * a smaller signature), one at least larger. Read before the first heading, they are the
 * testimony, not the organisation.
 * @param blocks The blocks before the first rubrique.
 * @returns The index of the quote's first block, or -1.
 */
export function pullQuoteAfterTitle(blocks: readonly Block[]): number {
  const organisation = blocks.findIndex((block) => !block.lines.every((line) => line.bold === true));
  if (organisation <= 0) return -1;
  const at = organisation + 1;
  const rest = blocks.slice(at);
  const smaller = (block: Block): boolean => isRegular(block) && isSmallerThanBody(block);
  if (rest.length === 0 || !rest.every((block) => isQuoteType(block) || smaller(block)) || !rest.some(isQuoteType)) return -1;
  return at;
}

