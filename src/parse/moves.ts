/**
 * After the cut at headings, blocks whose shape belongs to another rubrique than the one the
 * reading order put them in move there. Each move is a named pass; they run in the order of
 * `SHAPE_MOVES` and each says what it moved where (reported by `extract --explain`): a team
 * printed without a heading (before or after the body) to the authors, what a column put beside
 * the team back to the empty rubrique before it, tutors' cards printed under the team without a
 * label to the tutors, a pull-quote ending a text rubrique or run on to the next page to the
 * testimony, a tutor's card that a sidebar interleaved with the body to the tutors, text run on
 * under a floated box of figures or of tutors to the rubrique the box interrupted.
 */
import { inEarlierColumn, inOneColumn, sharesHeight, sharesWidth } from '../boxes.js';
import { joinLines } from '../extract/lines.js';
import { SENTENCE_FINISHED, foldedWords } from '../conventions.js';
import { isHeaderRowText, type Vocabulary } from '../profile.js';
import { isBodyRubrique, isTextRubrique } from '../text-rubriques.js';
import type { Block, Diagnostic, RubriqueKey, TextLine } from '../types.js';
import { isLargerThanBody, isQuoteType, isRegular, isSmallerThanBody, lineSizes, sameStyle } from '../typography.js';
import { isBoldInlineFigure, isFiguresBoxTitle, isPlainInlineFigure, isStandaloneFigure } from './chiffres.js';
import { isAnyCaseName, isNamePart, looksLikeName, splitNameAndRole } from './people.js';
import type { Rubrique } from './rubriques.js';
import { returnFiguresReadAwayFromHeading, returnReferencesReadAfterTestimony, returnSentenceStartFromTestimony, returnTextReadAfterReferences, returnTextReadUnderNextHeading } from './read-ahead.js';
import { continuesParagraph, withoutListMarks } from './render.js';
import { isProse, isSidebarCard, isTeamBlock, meaningOf } from './structure.js';
import { hasLowerCase, latin, startsInLowerCase } from '../alphabet.js';

/** What the moves work on, changed in place. */
export interface ShapeState {
  /** The blocks before the first rubrique (title and organisation). */
  title: Block[];
  /** The project's rubriques, in order. */
  readonly rubriques: Rubrique[];
  /** The boxes under unknown headings (a move may add one). */
  readonly boxes: { readonly heading: string; readonly blocks: Block[] }[];
  readonly vocabulary: Vocabulary;
  /** Project number and page, for diagnostics. */
  readonly where: { projet: number; page?: number };
  readonly diagnostics: Diagnostic[];
}

/** Blocks one move put into a rubrique (or into a box: `encadre`). */
export interface Move {
  readonly to: RubriqueKey | 'encadre';
  readonly blocks: readonly Block[];
}

/** One named move. */
export interface ShapeMove {
  /** Stable id, reported by `extract --explain`. */
  readonly id: string;
  readonly run: (state: ShapeState) => Move[];
}

/** The moves, in the order they run (each sees what the ones before it did). */
export const SHAPE_MOVES: readonly ShapeMove[] = [
  { id: 'team-to-authors', run: moveTeamToAuthors },
  { id: 'column-above-people-band', run: returnColumnsAbovePeopleBand },
  { id: 'after-team-to-empty-rubrique', run: returnAfterTeam },
  { id: 'text-after-team-goes-on', run: returnTextGoingOnAfterTeam },
  { id: 'before-team-to-empty-rubrique', run: returnBeforeTeam },
  { id: 'prose-inside-team-to-empty-rubrique', run: returnProseInsideTeam },
  { id: 'tutors-under-team', run: splitTutorsUnderTeam },
  // A pull-quote ending the rubrique goes to the testimony before the figures appended to it would take it as their box.
  { id: 'pull-quote-to-testimony', run: moveEndingPullQuote },
  // A pull-quote floated beside the text that the reading order put between two of its paragraphs.
  { id: 'pull-quote-beside-text', run: movePullQuoteBesideText },
  { id: 'pull-quote-beside-references', run: moveReferencesEndingPullQuote },
  { id: 'appended-figures', run: liftAppendedFigures },
  { id: 'box-closing-text', run: liftClosingBoxes },
  { id: 'sidebar-cards-to-tutors', run: moveSidebarCards },
  { id: 'signature-after-cards', run: returnSignatureToTestimony },
  { id: 'signature-ending-another-rubrique', run: returnEndingSignatureToTestimony },
  { id: 'quote-at-next-column-head', run: returnQuoteAtNextColumnHead },
  { id: 'cards-after-empty-tutors', run: returnCardsToEmptyTutors },
  { id: 'text-read-under-next-heading', run: returnTextReadUnderNextHeading },
  { id: 'figures-read-away-from-heading', run: returnFiguresReadAwayFromHeading },
  { id: 'references-read-after-testimony', run: returnReferencesReadAfterTestimony },
  { id: 'text-read-after-references', run: returnTextReadAfterReferences },
  { id: 'sentence-start-after-testimony', run: returnSentenceStartFromTestimony },
  { id: 'announced-list', run: returnAnnouncedList },
  { id: 'announced-list-after-figures', run: returnAnnouncedListAfterFigures },
  { id: 'cut-sentence', run: rejoinCutSentence },
  { id: 'paragraph-start-before-heading-over-page', run: returnParagraphStartUnderHeading },
  { id: 'run-on-after-figures', run: (state) => state.rubriques.filter((rubrique) => rubrique.key === 'chiffres').flatMap((figures) => returnRunOnAfterFigures(figures, state.rubriques)) },
  // After the text run on under the figures went back: the figures' own blocks end with their last label again.
  { id: 'figures-frame-elsewhere', run: returnFiguresFrame },
  { id: 'pull-quote-run-on', run: returnPullQuoteRunOns },
  { id: 'run-on-after-tutors', run: returnRunOnAfterTutors },
  { id: 'figures-run-on-after-tutors', run: returnFiguresRunOnAfterTutors },
  { id: 'figures-beside-cards', run: returnFiguresBesideCards },
  { id: 'text-above-figures-heading', run: returnTextAboveFiguresHeading },
  { id: 'references-run-on-after-tutors', run: returnReferencesRunOnAfterTutors },
  { id: 'main-column-prose-beside-cards', run: returnMainColumnProse },
  // The text a sidebar of tutors interrupted is only whole again now: a pull-quote or key figures
  // ending it are found here when the cut at the tutors' heading hid them from the passes above.
  { id: 'pull-quote-after-run-on', run: moveEndingPullQuote },
  { id: 'appended-figures-after-run-on', run: liftAppendedFigures },
  // Key figures with no heading read after a pull-quote ending the text hid it from the pass above: it ends the text once they are lifted.
  { id: 'pull-quote-before-figures', run: moveEndingPullQuote },
  { id: 'pull-quote-after-figures', run: liftPullQuoteAfterFigures },
  // A testimony found only by the passes above had no place for its signature earlier: one ending another rubrique (figures beside the quote read before it) goes back to it.
  { id: 'signature-ending-another-rubrique-late', run: returnEndingSignatureToTestimony },
  // Once the testimony is found (by its quote when no heading is printed), a signature left under the tutor's card opens it.
  { id: 'signature-run-after-card', run: returnSignatureRunToTestimony },
  { id: 'prose-under-tutors-heading', run: returnProseUnderTutorsHeading },
  { id: 'column-headings-read-across', run: returnColumnsReadAcross },
  { id: 'unstyled-card-to-empty-tutors', run: returnUnstyledCardToTutors },
];

/**
 * Runs every move.
 * @param state The project's title blocks, rubriques and boxes (changed in place).
 * @returns What each move moved, in order, with the move's id.
 */
export function moveByShape(state: ShapeState): (Move & { readonly rule: string })[] {
  // A copy of what each move moved: a move may hand over the array it made the rubrique's blocks, which later moves change.
  return SHAPE_MOVES.flatMap((move) => move.run(state).map((moved) => ({ ...moved, blocks: [...moved.blocks], rule: move.id })));
}

/** Points by which a block's left edge may stand left of a column's and still be printed in it (a rounding, a hanging mark). */
const COLUMN_EDGE_TOLERANCE = 2;

/** The index of the last team block among blocks (-1 when none). */
function lastTeamBlock(blocks: readonly Block[], vocabulary: Vocabulary): number {
  return blocks.reduce((last, block, i) => (isTeamBlock(block, vocabulary) ? i : last), -1);
}

/**
 * A team printed without a heading, in the title zone, a rubrique or a box: its blocks go to the
 * authors (a rubrique opened for them when there is none), with the cells a table printed apart
 * (its header row, a name cell before a team block).
 */
function moveTeamToAuthors(state: ShapeState): Move[] {
  const { vocabulary } = state;
  const stray: Block[] = [];
  const take = (list: Block[], test: (block: Block) => boolean): Block[] => {
    const kept = list.filter((block) => !test(block));
    stray.push(...list.filter(test));
    return kept;
  };
  // With a team block go the cells a table printed apart: its header row, a name cell before it.
  const teamOf = (list: readonly Block[]): ((block: Block) => boolean) => {
    const moving = new Set<Block>();
    list.forEach((block, i) => {
      if (!isTeamBlock(block, vocabulary)) return;
      moving.add(block);
      for (let k = i - 1; k >= 0 && !moving.has(list[k]!) && (isNamePart(list[k]!.text) || isHeaderRow(list[k]!, vocabulary)) && !list[k]!.text.includes('@'); k--) {
        if (vocabulary.rubriqueOf(list[k]!.text) !== null) break;
        moving.add(list[k]!);
      }
    });
    return (block) => moving.has(block);
  };
  state.title = take(state.title, teamOf(state.title));
  for (const rubrique of state.rubriques) {
    if (rubrique.key === 'auteurs') continue;
    rubrique.blocks.splice(0, rubrique.blocks.length, ...take(rubrique.blocks, teamOf(rubrique.blocks)));
  }
  // A box closing the text may be followed by the team with no heading between them.
  for (const box of state.boxes) box.blocks.splice(0, box.blocks.length, ...take(box.blocks, teamOf(box.blocks)));
  if (stray.length === 0) return [];
  let authors = state.rubriques.find((rubrique) => rubrique.key === 'auteurs');
  if (!authors) {
    authors = { key: 'auteurs', heading: '', page: stray[0]!.page, blocks: [] };
    state.rubriques.unshift(authors);
  }
  authors.blocks.push(...stray);
  return [{ to: 'auteurs', blocks: stray }];
}

/**
 * Text of the columns beside a band of people, read after it (`column-above-people-band`): the
 * team or the tutors set in a band at a page's foot under the first column, the columns beside it
 * ending above the band's top; or set across the columns, their text ending above it
 * (`people-band-across-columns`: an inset box read after the whole page). Read column by column,
 * the band comes with the first column and the columns beside it after it, so their text (a list's
 * last items, a quote's end, a box) lands under the people's heading. A block of the team's or the tutors' rubrique printed on the band's
 * page, in a column right of the band and ending above its top, no card (no e-mail, no name), was
 * printed before the band: with the others so placed (some prose among them) it goes back to the
 * rubrique whose last block ends the column flow before it (`flowOwner`), the cut sentence
 * joined; a box it holds (a bold title over smaller text) becomes a box.
 */
function returnColumnsAbovePeopleBand(state: ShapeState): Move[] {
  const moves: Move[] = [];
  for (const people of state.rubriques.filter((rubrique) => rubrique.key === 'auteurs' || rubrique.key === 'tuteurs')) {
    const band = people.blocks[0];
    if (!band?.box || !isPeopleCard(band, state.vocabulary)) continue;
    const bandTop = band.box.y;
    // Beside the band (in a column right of it) or over it (the band set across the columns: `people-band-across-columns`).
    const besideOrOver = (block: Block): boolean => inEarlierColumn(band, block) || inOneColumn(band, block);
    const above = people.blocks.filter((block, i) => i > 0 && block.page === band.page && besideOrOver(block) && block.box !== undefined && block.box.y + block.box.height <= bandTop && !isPeopleCard(block, state.vocabulary));
    const owner = above.length > 0 ? flowOwner(state.rubriques, above[0]!) : undefined;
    if (!owner) continue;
    const [first, ...rest] = above;
    const cut = owner.blocks.at(-1)!;
    // A sentence the owner left unfinished, going on in lower case at the next column's head.
    const goesOn = !SENTENCE_FINISHED.test(cut.text.trim()) && startsInLowerCase(first!.text.trim());
    const kept = owner.blocks.length;
    // A box closing the owner's text (a bold title over smaller text) once they are back.
    const box = goesOn ? -1 : closingBoxStart([...owner.blocks, ...above]);
    // Text, not cards: prose among the blocks, the cut sentence going on to its end, or a box.
    if (!above.some(isProse) && !(goesOn && SENTENCE_FINISHED.test(above.at(-1)!.text.trim())) && box < kept) continue;
    people.blocks.splice(0, people.blocks.length, ...people.blocks.filter((block) => !above.includes(block)));
    if (goesOn) owner.blocks[kept - 1] = sentenceJoined(cut, first!);
    owner.blocks.push(...(goesOn ? rest : above));
    moves.push({ to: owner.key, blocks: above });
    if (box < kept) continue;
    const [title, ...text] = owner.blocks.splice(box);
    state.boxes.push({ heading: title!.text, blocks: text });
    moves.push({ to: 'encadre', blocks: [title!, ...text] });
  }
  return moves;
}

/** A person's card: a team block (names and family e-mails), a tutor's card, a name alone, an e-mail. */
function isPeopleCard(block: Block, vocabulary: Vocabulary): boolean {
  const first = block.lines[0]?.text.trim() ?? '';
  return block.text.includes('@') || isTeamBlock(block, vocabulary) || isSidebarCard(block) || isDashCard(block) || isAnyCaseName(first) || isNamePart(first);
}

/**
 * The rubrique whose last block comes last, in column flow, before `block` on its page: any
 * rubrique ending in `block`'s own column above it (the column goes on), or a text rubrique ending
 * in a column left of it (running text goes on from a column's foot to the next column's head;
 * figures and references do not). `undefined` when none.
 */
function flowOwner(rubriques: readonly Rubrique[], block: Block): Rubrique | undefined {
  const above = (last: Block): boolean => inOneColumn(last, block) && last.box!.y < block.box!.y;
  const precedes = (rubrique: Rubrique): boolean => {
    const last = rubrique.blocks.at(-1);
    if (!last || last.page !== block.page || rubrique.key === 'auteurs' || rubrique.key === 'tuteurs') return false;
    return above(last) || (isTextRubrique(rubrique.key) && inEarlierColumn(last, block));
  };
  const later = (a: Block, b: Block): boolean => inEarlierColumn(a, b) || (inOneColumn(a, b) && b.box!.y > a.box!.y);
  return rubriques.filter(precedes).reduce<Rubrique | undefined>((best, rubrique) => (best === undefined || later(best.blocks.at(-1)!, rubrique.blocks.at(-1)!) ? rubrique : best), undefined);
}

/** The authors' rubrique and the one printed just before it, when that one is empty. */
function emptyBeforeAuthors(state: ShapeState): { authors: Rubrique; before: Rubrique } | null {
  const authors = state.rubriques.find((rubrique) => rubrique.key === 'auteurs');
  const before = authors ? state.rubriques[state.rubriques.indexOf(authors) - 1] : undefined;
  return authors && before && before.blocks.length === 0 ? { authors, before } : null;
}

/** What a second column put after the team belongs to the empty rubrique printed just before it. */
function returnAfterTeam(state: ShapeState): Move[] {
  const found = emptyBeforeAuthors(state);
  if (!found) return [];
  const lastTeam = lastTeamBlock(found.authors.blocks, state.vocabulary);
  const tail = found.authors.blocks.slice(lastTeam + 1);
  if (lastTeam < 0 || tail.length === 0 || !tail.every((block) => !isNamePart(block.text) && !block.text.includes('@'))) return [];
  found.authors.blocks.splice(lastTeam + 1);
  found.before.blocks.push(...tail);
  return [{ to: found.before.key, blocks: tail }];
}

/**
 * Text read after the team that goes on the sentence the text rubrique before the team left
 * unfinished (`text-after-team-goes-on`): a column's head read after a team set across the columns
 * above that column's foot. It opens in lower case, that rubrique stops mid-sentence, and none of
 * it is a card (an e-mail, a name alone): it goes back to the rubrique, the cut sentence joined.
 */
function returnTextGoingOnAfterTeam(state: ShapeState): Move[] {
  const at = state.rubriques.findIndex((rubrique) => rubrique.key === 'auteurs');
  const authors = state.rubriques[at];
  if (!authors || !stopsMidSentence(state.rubriques, at)) return [];
  const lastTeam = lastTeamBlock(authors.blocks, state.vocabulary);
  const tail = authors.blocks.slice(lastTeam + 1);
  const [first, ...rest] = tail;
  if (lastTeam < 0 || !first || !startsInLowerCase(first.text.trim())) return [];
  if (!tail.every((block) => !isNamePart(block.text) && !block.text.includes('@'))) return [];
  const owner = state.rubriques.slice(0, at).filter((rubrique) => rubrique.key !== 'auteurs' && rubrique.key !== 'tuteurs').at(-1);
  const cut = owner?.blocks.at(-1);
  if (!owner || !cut || !isBodyRubrique(owner.key)) return [];
  authors.blocks.splice(lastTeam + 1);
  owner.blocks[owner.blocks.length - 1] = sentenceJoined(cut, first);
  owner.blocks.push(...rest);
  return [{ to: owner.key, blocks: tail }];
}

/**
 * So does what a margin put before the team when two headings there ran into each other. The team
 * starts at its first card, or before it at the name cells and header row a table's rows printed
 * apart from their e-mails (`rule: team-from-name-cells`: « FAURE » read alone before « Adèle …
 * adele.faure@… »).
 */
function returnBeforeTeam(state: ShapeState): Move[] {
  const found = emptyBeforeAuthors(state);
  if (!found) return [];
  const blocks = found.authors.blocks;
  let firstTeam = blocks.findIndex((block) => isTeamBlock(block, state.vocabulary));
  while (firstTeam > 0 && (isNamePart(blocks[firstTeam - 1]!.text) || isHeaderRow(blocks[firstTeam - 1]!, state.vocabulary))) firstTeam--;
  const head = blocks.slice(0, Math.max(firstTeam, 0));
  if (head.length === 0 || !head.every((block) => !isNamePart(block.text) && !block.text.includes('@') && !isHeaderRow(block, state.vocabulary))) return [];
  found.authors.blocks.splice(0, head.length);
  found.before.blocks.push(...head);
  return [{ to: found.before.key, blocks: head }];
}

/**
 * So does prose that the reading order put among the team's cards (a column's paragraph read
 * between two cards of the sidebar beside it, its heading read before the team's): a paragraph
 * holding no e-mail among the team's blocks.
 */
function returnProseInsideTeam(state: ShapeState): Move[] {
  const found = emptyBeforeAuthors(state);
  if (!found) return [];
  const prose = found.authors.blocks.filter((block) => isProse(block) && !block.text.includes('@'));
  if (prose.length === 0) return [];
  found.authors.blocks.splice(0, found.authors.blocks.length, ...found.authors.blocks.filter((block) => !prose.includes(block)));
  found.before.blocks.push(...prose);
  return [{ to: found.before.key, blocks: prose }];
}

/** Tutors' cards under the team with no label of their own open the tutors' rubrique. */
function splitTutorsUnderTeam(state: ShapeState): Move[] {
  const authors = state.rubriques.find((rubrique) => rubrique.key === 'auteurs');
  if (!authors || state.rubriques.some((rubrique) => rubrique.key === 'tuteurs')) return [];
  const lastTeam = lastTeamBlock(authors.blocks, state.vocabulary);
  const after = authors.blocks.slice(lastTeam + 1);
  if (lastTeam < 0 || after.length === 0 || meaningOf(after, state.vocabulary, ['auteurs']) !== 'tuteurs') return [];
  authors.blocks.splice(lastTeam + 1);
  state.rubriques.splice(state.rubriques.indexOf(authors) + 1, 0, { key: 'tuteurs', heading: '', page: after[0]!.page, blocks: after });
  return [{ to: 'tuteurs', blocks: after }];
}

/** A testimony printed as a pull-quote, with no heading: a quote and its signature ending a text rubrique. */
function moveEndingPullQuote(state: ShapeState): Move[] {
  return moveEndingPullQuoteOf(state, (rubrique) => isBodyRubrique(rubrique.key));
}

/**
 * A pull-quote read after the references, printed beside them (`rule:
 * pull-quote-beside-references`): under the text of an earlier column, which the reading order
 * read as a band under all the columns. Its blocks share the width of no reference on their page.
 */
function moveReferencesEndingPullQuote(state: ShapeState): Move[] {
  return moveEndingPullQuoteOf(state, (rubrique, blocks, at) => rubrique.key === 'allerPlusLoin' && printedBesideText(blocks, at, blocks.length));
}

/** The pull-quote ending the first rubrique `accepts` (with its blocks and the index its quote starts at) goes to a testimony opened after it. */
function moveEndingPullQuoteOf(state: ShapeState, accepts: (rubrique: Rubrique, blocks: readonly Block[], at: number) => boolean): Move[] {
  const { rubriques, where } = state;
  if (rubriques.some((rubrique) => rubrique.key === 'temoignage')) return [];
  for (const [i, rubrique] of rubriques.entries()) {
    const threaded = threadQuoteFrames(rubrique.blocks);
    const at = pullQuoteStart(threaded);
    if (at <= 0 || !accepts(rubrique, threaded, at)) continue;
    rubrique.blocks.splice(0, rubrique.blocks.length, ...threaded);
    // The rule beside a pull-quote indents it: its blocks are paragraphs, not list items.
    const quote = rubrique.blocks.splice(at).map((block): Block => (block.kind === 'listItem' ? { ...block, kind: 'paragraph' } : block));
    rubriques.splice(i + 1, 0, { key: 'temoignage', heading: '', page: quote[0]!.page, blocks: quote });
    if (!/^[«“"]/.test(quote[0]!.text.trim()) && !isSignature(quote[0]!.text) && !isSignature(quote.at(-1)!.text)) {
      state.diagnostics.push({
        code: 'TESTIMONY_BY_TYPE',
        severity: 'info',
        ...where,
        ...(quote[0]!.page !== null ? { page: quote[0]!.page } : {}),
        message: `Projet ${String(where.projet).padStart(2, '0')} : témoignage sans titre, sans guillemets ni signature, reconnu à sa typographie (texte plus grand que le corps en fin de rubrique « ${rubrique.heading || rubrique.key} ») : « ${quote[0]!.text.trim().slice(0, 60)}… ».`,
      });
    }
    return [{ to: 'temoignage', blocks: quote }];
  }
  return [];
}

/**
 * A sidebar's tutor card that the reading order put among the body's paragraphs, or after the
 * team (a card read with the heading beside it, the heading lifted out), goes to the tutors.
 */
function moveSidebarCards(state: ShapeState): Move[] {
  const tutors = state.rubriques.find((rubrique) => rubrique.key === 'tuteurs');
  if (!tutors) return [];
  const moves: Move[] = [];
  for (const rubrique of state.rubriques) {
    // No card at all, nothing to move: asked first, as where the team ends is costly to read (every line of the team's blocks).
    if (rubrique === tutors || !rubrique.blocks.some(isSidebarCard)) continue;
    const lastTeam = rubrique.key === 'auteurs' ? lastTeamBlock(rubrique.blocks, state.vocabulary) : -1;
    if (!isBodyRubrique(rubrique.key) && lastTeam < 0) continue;
    const cards = rubrique.blocks.filter((block, i) => i > lastTeam && isSidebarCard(block));
    if (cards.length === 0) continue;
    rubrique.blocks.splice(0, rubrique.blocks.length, ...rubrique.blocks.filter((block) => !cards.includes(block)));
    tutors.blocks.push(...cards);
    moves.push({ to: 'tuteurs', blocks: cards });
  }
  return moves;
}

/** Text that ran on under a pull-quote floated on the page before goes back to the testimony. */
function returnPullQuoteRunOns(state: ShapeState): Move[] {
  const testimony = state.rubriques.find((rubrique) => rubrique.key === 'temoignage');
  if (!testimony) return [];
  return state.rubriques.filter((rubrique) => isBodyRubrique(rubrique.key)).flatMap((rubrique) => returnPullQuoteRunOn(rubrique, testimony));
}

/**
 * Text that ran on under a sidebar of tutors (a float) comes after the cards: it goes back to the
 * text rubrique the sidebar interrupted.
 */
function returnRunOnAfterTutors(state: ShapeState): Move[] {
  const result = state.rubriques;
  const moves: Move[] = [];
  result.forEach((rubrique, i) => {
    // The sidebar may hold the team above the tutors, or one labelled card per tutor when the text
    // before the cards stops mid-sentence (cards printed after the text end it): the interrupted
    // rubrique is before them all.
    // A labelled card per tutor (« Tuteur : NOM Prénom, fonction », each its own tutors' rubrique)
    // holding cards only is the same sidebar too, when the text after the last card is printed
    // outside the cards' column (`rule: labelled-cards-one-sidebar`; checked below), or when each
    // label heads one card alone (« Tutorat : Prénom NOM, fonction » twice) and text in the last
    // card's rubrique lies on a later page (the text went on over the page after the sidebar:
    // `rule: run-on-after-labelled-cards`).
    const overPage = rubrique.page !== null && rubrique.blocks.some((block) => block.page !== null && block.page > rubrique.page!);
    const labelledCardOverPage = (card: Rubrique): boolean => overPage && card.key === 'tuteurs' && card.blocks.length === 1;
    let k = i - 1;
    let cardsOnly: Block[] = [];
    while (k >= 0 && (result[k]!.key === 'auteurs' || (result[k]!.key === 'tuteurs' && (stopsMidSentence(result, k) || labelledCardOverPage(result[k]!) || !result[k]!.blocks.some(isProse))))) {
      const cardsAlone = result[k]!.key === 'tuteurs' && !stopsMidSentence(result, k) && !labelledCardOverPage(result[k]!);
      if (cardsAlone) cardsOnly = [...cardsOnly, ...result[k]!.blocks];
      k--;
    }
    const before = result[k];
    // The testimony too, when its quote is left open (`rule: testimony-run-on-after-tutors`): a quote
    // cut at a column's foot beside the cards goes on over the page after them; only the rest of
    // its sentence, in lower case, goes back (checked below). A signature ends no sentence either:
    // only the open quote tells that the testimony was cut.
    const cutTestimony = before?.key === 'temoignage' && leavesQuoteOpen(before.blocks);
    if (rubrique.key !== 'tuteurs' || !before || !(isBodyRubrique(before.key) || cutTestimony)) return;
    // A card in regular type, « Prénom NOM – Directrice… », is a tutor, not text run on (`rule: card-not-run-on`).
    // Text in the body's type after the cards is text run on, whatever follows it
    // (`rule: sentence-run-on-after-tutors`): the rest of a sentence the cards interrupted (in lower
    // case: no card opens so), or any such text once every card above it is set smaller than the body.
    const firstInBodyType = rubrique.blocks.findIndex((block) => !isSmallerThanBody(block));
    const bodyTextAfterCards = (block: Block, j: number): boolean =>
      isRegular(block) && !isSmallerThanBody(block) && ((stopsMidSentence(result, i) && startsInLowerCase(block.text.trim())) || j === firstInBodyType);
    // A long function in the cards' smaller type, not ending a sentence, is the card's, however long
    // (`rule: long-function-in-card`).
    const cardText = (block: Block, j: number): boolean =>
      isSmallerThanBody(block) && (firstInBodyType < 0 || j < firstInBodyType) && !/[.!?]$/.test(block.text.trim());
    const prose = (j: number): boolean => isProse(rubrique.blocks[j]!) && !cardText(rubrique.blocks[j]!, j);
    // A line set smaller than the prose after it is the last card's function under its name, not that prose's start (`rule: smaller-function-not-run-on`).
    const opensProse = (block: Block, j: number): boolean => {
      const next = Math.min(j + 1, rubrique.blocks.length - 1);
      return prose(next) && (!isSmallerThanBody(block) || isSmallerThanBody(rubrique.blocks[next]!));
    };
    const firstProse = rubrique.blocks.findIndex(
      (block, j) => j > 0 && !isDashCard(block) && (prose(j) || bodyTextAfterCards(block, j) || (isRegular(block) && (opensProse(block, j) || block.page !== rubrique.page))),
    );
    if (firstProse <= 0) return;
    const start = runOnStartAwayFromCards(rubrique.blocks, firstProse);
    const cards = [...cardsOnly, ...rubrique.blocks.slice(0, start)];
    const first = rubrique.blocks[start]!;
    if (cutTestimony && !startsInLowerCase(first.text.trim())) return;
    // Text set wider than the cards' column, from left of it (under a sidebar, across the page), is
    // not the cards' column going on (`rule: run-on-wider-than-cards`).
    const inCardsColumn = (card: Block): boolean => inOneColumn(card, first) && first.box!.x >= card.box!.x - COLUMN_EDGE_TOLERANCE;
    if (cardsOnly.length > 0 && (first.box === undefined || cards.some(inCardsColumn))) return;
    const runOn = rubrique.blocks.splice(start);
    before.blocks.push(...runOn);
    moves.push({ to: before.key, blocks: runOn });
  });
  return moves;
}

/** Whether blocks open more quotes (« , “) than they close: a quote cut before its end. */
function leavesQuoteOpen(blocks: readonly Block[]): boolean {
  const text = blocks.map((block) => block.text).join(' ');
  return (text.match(/[«“]/g)?.length ?? 0) > (text.match(/[»”]/g)?.length ?? 0);
}

/** The cards placed on `block`'s page (those with a position): what a block read after them is weighed against. */
function placedOnPageOf(block: Block, cards: readonly Block[]): Block[] {
  return cards.filter((card) => card.box !== undefined && card.page === block.page);
}

/**
 * Where text run on after the tutors' cards starts, from its first paragraph `firstProse` (`rule:
 * run-on-away-from-cards`): the blocks just before that paragraph printed in its column on its page
 * and away from every card there (sharing neither their width nor their height) belong to it, not
 * to the last card, whatever their type (a pull-quote's signature set smaller over its quote).
 * A card's function stands under its name in the cards' column; a card beside another stands level with it.
 */
function runOnStartAwayFromCards(blocks: readonly Block[], firstProse: number): number {
  const first = blocks[firstProse]!;
  const awayFromCards = (block: Block, cards: readonly Block[]): boolean => {
    const onPage = placedOnPageOf(block, cards);
    return inOneColumn(block, first) && onPage.length > 0 && onPage.every((card) => !sharesWidth(card.box!, block.box!) && !sharesHeight(card.box!, block.box!));
  };
  let start = firstProse;
  while (start > 1 && awayFromCards(blocks[start - 1]!, blocks.slice(0, start - 1))) start--;
  return start;
}

/**
 * Key figures that run on past a page break after a sidebar of cards (`rule:
 * figures-run-on-after-tutors`): the figures' heading ends a column, the tutors' cards beside it
 * are read after that column, and the figures printed at the next page's top land under the
 * cards (a figure read as a tutor's name, or run into a function). A card never lies on a later
 * page than its heading when the page's text was read before it: from the first block on a later
 * page that is a key figure, the figures and their labels go back to the key figures before the
 * cards.
 */
function returnFiguresRunOnAfterTutors(state: ShapeState): Move[] {
  // Figures appended to the rubrique before the cards, with no heading, cut by the column's foot
  // (`rule: appended-figures-run-on-after-tutors`): the run goes back when, put after that
  // rubrique's last block, it ends the rubrique as appended figures (`appendedFiguresStart`) that
  // start before the cards.
  // Or wholly after the cards (`rule: appended-figures-all-after-tutors`): a frame of key figures
  // with no heading printed at the next page's head, the project holding no key figures elsewhere,
  // whose run, put after that rubrique's last block, starts right there as appended figures. A card
  // opens with a name, never with a figure set alone over its label.
  const noFigures = !state.rubriques.some((rubrique) => rubrique.key === 'chiffres');
  const goesOn = (before: Rubrique, runOn: readonly Block[]): boolean => {
    if (before.key === 'chiffres') return true;
    if (!isBodyRubrique(before.key) && before.key !== 'temoignage') return false;
    const start = appendedFiguresStart([...before.blocks, ...runOn]);
    return start >= 0 && (start < before.blocks.length || (noFigures && start === before.blocks.length));
  };
  return returnRunOnPastCards(state, goesOn, () => isFigureBlock, figureRunEnd);
}

/**
 * Key figures printed under their heading beside a sidebar of cards (`rule: figures-beside-cards`):
 * the heading ends its column's text, the tutors' sidebar beside that column is read next, and the
 * figures under the heading (a table or a grid, read as a region of its own) land under the cards,
 * each figure read as a tutor's name over a function. On the cards' page, a key figure printed in
 * a column that no card reaches is no card: from it, the figures and their labels go back to the
 * key figures whose heading was read just before the cards.
 */
function returnFiguresBesideCards(state: ShapeState): Move[] {
  return returnRunOnPastCards(state, (before) => before.key === 'chiffres', () => isFigureBlock, figureRunEnd, inColumnNoCardReaches);
}

/**
 * Key figures printed right under their heading, at most this many heading heights below it: the
 * heading stands over its figures (a grid or a row set as a band under the page's columns).
 */
const FIGURES_UNDER_HEADING_HEIGHTS = 3;

/**
 * Text read between the key figures' heading and its figures but printed above the heading, in
 * another column (`rule: text-above-figures-heading`): the heading ends a column right over its
 * figures, set as a band under the columns, and the next column's text is read between the
 * heading and the band. The heading has its content right under it, the figures, so the text at
 * the next column's head is not its own: it continues the text rubrique read before the heading,
 * and goes back to its end.
 */
function returnTextAboveFiguresHeading(state: ShapeState): Move[] {
  const moves: Move[] = [];
  state.rubriques.forEach((figures, i) => {
    const heading = figures.headingBox;
    const before = state.rubriques[i - 1];
    if (figures.key !== 'chiffres' || heading === undefined || !before || !isTextRubrique(before.key)) return;
    const first = figures.blocks.findIndex(isFigureBlock);
    const figure = figures.blocks[first];
    if (first <= 0 || figure?.box === undefined || figure.page !== figures.page) return;
    const headingBottom = heading.y + heading.height;
    const underHeading = figure.box.y >= headingBottom && figure.box.y - headingBottom <= FIGURES_UNDER_HEADING_HEIGHTS * heading.height;
    const aboveHeading = (block: Block): boolean => block.box !== undefined && block.page === figures.page && block.box.y + block.box.height <= heading.y && !sharesWidth(block.box, heading);
    const read = figures.blocks.slice(0, first);
    if (!underHeading || !read.every(aboveHeading)) return;
    figures.blocks.splice(0, first);
    before.blocks.push(...read);
    moves.push({ to: before.key, blocks: read });
  });
  return moves;
}

/** The end of a run of key figures from `start`: a figure set alone has its label in the block under it. */
function figureRunEnd(blocks: readonly Block[], start: number): number {
  let end = start;
  while (end < blocks.length && isFigureBlock(blocks[end]!)) end += isStandaloneFigure(blocks[end]!.text) && end + 1 < blocks.length && !isFigureBlock(blocks[end + 1]!) ? 2 : 1;
  return end;
}

/** Whether a block is printed on a page of the cards, in a column none of them there reaches. */
function inColumnNoCardReaches(block: Block, cards: readonly Block[]): boolean {
  const onPage = placedOnPageOf(block, cards);
  return block.box !== undefined && onPage.length > 0 && onPage.every((card) => !sharesWidth(card.box!, block.box!));
}

/**
 * References that run on past a page break after a sidebar of cards (`rule:
 * references-run-on-after-tutors`), as key figures do (`figures-run-on-after-tutors`): the
 * references end a column, the tutors' cards beside it are read after it, and the next page's first
 * references land under the cards (read into a tutor's function). From the first block on a later
 * page than the cards, the blocks set as the references already read (their first line's style) go
 * back to them.
 */
function returnReferencesRunOnAfterTutors(state: ShapeState): Move[] {
  // A block in the tutors' own card form is their next card, not a reference (`rule:
  // card-form-not-reference`): the last card « NOM Prénom – fonction » carried to the next page,
  // set in the references' type. The template tells them apart: the tutors' first card (never a
  // run-on) has that form, and no reference read so far has it.
  const cardForm = state.rubriques.some((rubrique) => rubrique.key === 'tuteurs' && rubrique.blocks[0] !== undefined && isDashCard(rubrique.blocks[0]));
  const setAs = (references: Rubrique): ((block: Block) => boolean) | null => {
    const style = references.blocks[0]?.lines[0];
    const nextCard = (block: Block): boolean => cardForm && isDashCard(block) && !references.blocks.some(isDashCard);
    return style ? (block) => !nextCard(block) && block.lines.every((line) => sameStyle(line, style)) : null;
  };
  return returnRunOnPastCards(
    state,
    (before) => before.key === 'allerPlusLoin',
    setAs,
    (blocks, start, belongs) => {
      let end = start;
      while (end < blocks.length && belongs(blocks[end]!)) end++;
      return end;
    },
    abovePlacedCards,
  );
}

/**
 * Whether a block read after the tutors' cards is printed above them on their page, in a column
 * none of them reaches (`rule: references-above-cards`): a column of references beside the team
 * and the tutors' band, read after the band. A card is printed under its heading; one opening a
 * later column at its head opens with a name, which this block does not.
 */
function abovePlacedCards(block: Block, cards: readonly Block[]): boolean {
  const firstLine = block.lines[0]?.text.trim() ?? '';
  const name = firstLine.split(/[,–—]/)[0]!.trim();
  if (!inColumnNoCardReaches(block, cards) || looksLikeName(name) || isAnyCaseName(name)) return false;
  return placedOnPageOf(block, cards).every((card) => block.box!.y + block.box!.height < card.box!.y);
}

/**
 * What a rubrique ended by a column break lends to the tutors' cards read after that column: from
 * the first block on a later page than the cards that belongs to it (`belongs`, from what the
 * rubrique already holds; `null`: nothing to tell by), up to `runEnd`, the blocks go back to it,
 * when `goesOn` takes them there.
 * A card never lies on a later page than its heading when the page's text was read before it.
 */
function returnRunOnPastCards(
  state: ShapeState,
  goesOn: (before: Rubrique, runOn: readonly Block[]) => boolean,
  belongsTo: (rubrique: Rubrique) => ((block: Block) => boolean) | null,
  runEnd: (blocks: readonly Block[], start: number, belongs: (block: Block) => boolean) => number,
  onCardsPage: (block: Block, cards: readonly Block[]) => boolean = () => false,
): Move[] {
  const result = state.rubriques;
  const moves: Move[] = [];
  result.forEach((rubrique, i) => {
    let k = i - 1;
    while (k >= 0 && result[k]!.key === 'auteurs') k--;
    const before = result[k];
    if (rubrique.key !== 'tuteurs' || !before || rubrique.page === null) return;
    const belongs = belongsTo(before);
    if (!belongs) return;
    // Or, on the cards' page, where `onCardsPage` says no card is printed.
    const readAfterCards = (block: Block, j: number): boolean => block.page !== null && (block.page > rubrique.page! || onCardsPage(block, rubrique.blocks.slice(0, j)));
    const start = rubrique.blocks.findIndex((block, j) => readAfterCards(block, j) && belongs(block));
    if (start <= 0) return;
    const end = runEnd(rubrique.blocks, start, belongs);
    if (!goesOn(before, rubrique.blocks.slice(start, end))) return;
    const runOn = rubrique.blocks.splice(start, end - start);
    before.blocks.push(...runOn);
    moves.push({ to: before.key, blocks: runOn });
  });
  return moves;
}

/** A key figure's block: the figure alone, or opening its label (in bold, or in the label's type). */
function isFigureBlock(block: Block): boolean {
  return isStandaloneFigure(block.text) || isBoldInlineFigure(block) || isPlainInlineFigure(block);
}

/**
 * A sidebar of cards (the team, the tutors) read by height with the column of text beside it:
 * paragraphs of the main column printed beside the cards land in the cards' rubrique, a tutor's
 * function running on into sentences that continue the text. The page says otherwise: a paragraph
 * (prose) that shares no width with any card of its rubrique on its page, and shares it with a
 * block of the last text rubrique before the cards on that page, goes back to that rubrique, in
 * its place in the column. PDF only (converter text has no boxes).
 */
function returnMainColumnProse(state: ShapeState): Move[] {
  const result = state.rubriques;
  const moves: Move[] = [];
  result.forEach((rubrique, i) => {
    if (rubrique.key !== 'tuteurs' && rubrique.key !== 'auteurs') return;
    let k = i - 1;
    while (k >= 0 && (result[k]!.key === 'auteurs' || result[k]!.key === 'tuteurs')) k--;
    const before = result[k];
    if (!before || !isBodyRubrique(before.key)) return;
    const cards = rubrique.blocks.filter((block) => block.box && !isProse(block));
    const beside = (block: Block, others: readonly Block[]): boolean => others.some((other) => inOneColumn(other, block));
    const mainColumn = rubrique.blocks.filter((block) => block.box && isProse(block) && cards.some((card) => card.page === block.page) && !beside(block, cards) && beside(block, before.blocks.filter((other) => other.box)));
    if (mainColumn.length === 0) return;
    rubrique.blocks.splice(0, rubrique.blocks.length, ...rubrique.blocks.filter((block) => !mainColumn.includes(block)));
    // In its place in the column (`rule: main-column-prose-in-place`): before the rubrique's first
    // block printed under it in that column on its page (text run on after the cards, already
    // back), else at the rubrique's end.
    for (const block of mainColumn) {
      const under = before.blocks.findIndex((other) => inOneColumn(other, block) && other.box!.y > block.box!.y);
      before.blocks.splice(under < 0 ? before.blocks.length : under, 0, block);
    }
    moves.push({ to: before.key, blocks: mainColumn });
  });
  return moves;
}

/**
 * Two headings read one after the other (a column's heading, then the sidebar's beside it:
 * « LE CONTEXTE » / « AUTEURS DU PROJET »), the text rubrique left empty, and the tutors' heading
 * followed by prose rather than a card: that prose is the empty rubrique's, run on under the
 * sidebar's heading. It goes back to it, up to the first block that is not prose.
 */
function returnProseUnderTutorsHeading(state: ShapeState): Move[] {
  const result = state.rubriques;
  const at = result.findIndex((rubrique) => rubrique.key === 'tuteurs');
  let k = at - 1;
  while (k >= 0 && result[k]!.key === 'auteurs') k--;
  const before = result[k];
  const tutors = result[at];
  if (!tutors || !before || !isBodyRubrique(before.key)) return [];
  let count = 0;
  if (before.blocks.length === 0) {
    while (count < tutors.blocks.length && isProse(tutors.blocks[count]!)) count++;
  } else {
    count = textAboveItsColumn(tutors.blocks, before.blocks[0]!);
  }
  if (count === 0) return [];
  const prose = tutors.blocks.splice(0, count);
  before.blocks.unshift(...prose);
  return [{ to: before.key, blocks: prose }];
}

/**
 * How many of the blocks read under the tutors' heading open the text rubrique that already holds
 * the rest of its column (`rule: text-above-its-column`): the sidebar's frames read by height put
 * the heading between the rubrique's first lines (a paragraph, a subheading) and the paragraphs
 * run on after the cards. On its page, each such block shares the horizontal extent of the
 * rubrique's first block and is printed above it, and none shares the extent of the cards after
 * it (they are beside it, in the sidebar). 0 without cards after them, or without positions.
 */
function textAboveItsColumn(blocks: readonly Block[], first: Block): number {
  const sameColumnAbove = (block: Block): boolean => inOneColumn(block, first) && block.box!.y < first.box!.y;
  let count = 0;
  while (count < blocks.length && sameColumnAbove(blocks[count]!)) count++;
  const cards = blocks.slice(count);
  const besideCards = (block: Block): boolean => cards.every((card) => card.box !== undefined && card.page === block.page && !inOneColumn(card, block));
  return cards.length > 0 && blocks.slice(0, count).every(besideCards) ? count : 0;
}

/**
 * Two columns' headings read across, one after the other, in converter text (« CONTEXTE » / « DES
 * CLÉS POUR AGIR », then the left column's text, its next heading « PROBLÉMATIQUE » and its text,
 * then the right column's text): the first heading is left empty, the second took the left
 * column's text, the third took its own first block and the right column's text after it. The
 * text goes back: the second heading's to the first, the third's after its first block to the
 * second. Only unstyled blocks: the PDF's columns are read apart.
 */
function returnColumnsReadAcross(state: ShapeState): Move[] {
  const result = state.rubriques;
  for (let i = 0; i + 2 < result.length; i++) {
    const [empty, second, third] = [result[i]!, result[i + 1]!, result[i + 2]!];
    if (![empty, second, third].every((rubrique) => isBodyRubrique(rubrique.key)) || empty.blocks.length > 0 || second.blocks.length === 0 || third.blocks.length < 2) continue;
    if (![...second.blocks, ...third.blocks].every((block) => block.lines.every((line) => line.size === null))) continue;
    const left = second.blocks.splice(0);
    empty.blocks.push(...left);
    const right = third.blocks.splice(1);
    second.blocks.push(...right);
    return [{ to: empty.key, blocks: left }, { to: second.key, blocks: right }];
  }
  return [];
}

/** Items that make a list: one line in lower case is the end of a sentence, not a list. */
const MIN_LIST_ITEMS = 2;

/** A paragraph that announces a list (« …trois scénarios : »). */
const ANNOUNCES_LIST = /:$/;

/** The lines of a block without its list marks (none left: the block was only a mark). */
function linesWithoutListMarks(block: Block): Block['lines'] {
  return block.lines.map((line) => ({ ...line, text: withoutListMarks(line.text) })).filter((line) => line.text !== '');
}

/**
 * A list that a text rubrique announces (a paragraph ending on a colon, with no list after it) read
 * under a later heading, where converters that follow the PDF's content order put it (« …trois
 * scénarios : » / « Le troisième… », then « POUR ALLER PLUS LOIN » / « un groupement… ; » / « une
 * cuisine… ; » / « un réseau… . »): the items open the later rubrique and have a list's shape, each
 * in lower case, ending on a semicolon or a comma, the last on a full stop. They go back after the
 * colon as list items, their marks (« • », « - », written apart) dropped. Only when the project has
 * one such colon: two would leave the list's place a guess.
 */
function returnAnnouncedList(state: ShapeState): Move[] {
  const announcing = state.rubriques.flatMap((rubrique, r) => (isBodyRubrique(rubrique.key) ? rubrique.blocks.flatMap((block, i) => {
    const next = rubrique.blocks[i + 1];
    const listFollows = next !== undefined && (next.kind === 'listItem' || linesWithoutListMarks(next).length !== next.lines.length || startsInLowerCase(next.text.trim()));
    return block.kind === 'paragraph' && ANNOUNCES_LIST.test(block.text.trim()) && !listFollows ? [{ r, rubrique, block }] : [];
  }) : []));
  if (announcing.length !== 1) return [];
  const { r, rubrique, block } = announcing[0]!;
  for (const later of state.rubriques.slice(r + 1)) {
    const items: Block[] = [];
    let end = 0;
    let closed = false;
    for (; end < later.blocks.length && !closed; end++) {
      const lines = linesWithoutListMarks(later.blocks[end]!);
      if (lines.length === 0) continue;
      const text = joinLines(lines.map((line) => line.text));
      if (!startsInLowerCase(text) || !/[;,.]$/.test(text)) break;
      items.push({ ...later.blocks[end]!, kind: 'listItem', lines, text });
      closed = text.endsWith('.');
    }
    if (!closed || items.length < MIN_LIST_ITEMS) continue;
    later.blocks.splice(0, end);
    rubrique.blocks.splice(rubrique.blocks.indexOf(block) + 1, 0, ...items);
    return [{ to: rubrique.key, blocks: items }];
  }
  return [];
}

/**
 * The list a text rubrique announces (a paragraph ending on a colon, nothing after it) read after
 * the last label of a sidebar of key figures printed between the colon and the list (converter
 * text: the sidebar's frame comes first in the content order). After the last figure's label, the
 * blocks that make a list (each ending on a semicolon or a comma, the last on a full stop, in any
 * case: such items open with a verb, « Redéfinir… ; », « Se réorganiser… . ») go back after the
 * colon as list items. Only when the project has one such colon, as `announced-list`.
 */
function returnAnnouncedListAfterFigures(state: ShapeState): Move[] {
  const announcing = state.rubriques.flatMap((rubrique) => (isBodyRubrique(rubrique.key) && rubrique.blocks.at(-1)?.kind === 'paragraph' && ANNOUNCES_LIST.test(rubrique.blocks.at(-1)!.text.trim()) ? [rubrique] : []));
  const figures = state.rubriques.find((rubrique) => rubrique.key === 'chiffres');
  if (announcing.length !== 1 || !figures || state.rubriques.indexOf(figures) < state.rubriques.indexOf(announcing[0]!)) return [];
  const last = lastFigureEnd(figures.blocks);
  if (last < 0) return [];
  const items: Block[] = [];
  const after = figures.blocks.slice(last + 1);
  for (const block of after) {
    const lines = linesWithoutListMarks(block);
    const text = joinLines(lines.map((line) => line.text));
    if (lines.length === 0 || !/[;,.]$/.test(text)) return [];
    items.push({ ...block, kind: 'listItem', lines, text });
  }
  if (items.length < MIN_LIST_ITEMS || !items.at(-1)!.text.endsWith('.') || items.slice(0, -1).some((item) => item.text.endsWith('.'))) return [];
  figures.blocks.splice(last + 1);
  announcing[0]!.blocks.push(...items);
  return [{ to: announcing[0]!.key, blocks: items }];
}

/** Lines of a tutor's function under the name, at most (a paragraph is longer). */
const MAX_CARD_ROLE_LINES = 3;

/**
 * A tutor's card in converter text (no type tells it) that the reading order put at the end of a
 * text rubrique while the tutors' heading has nothing under it: a block whose first line is a
 * name (« GARNIER-BOSC Olivier ») and whose other lines, a few, are a function (no address, no
 * sentence end). It goes to the tutors.
 */
function returnUnstyledCardToTutors(state: ShapeState): Move[] {
  const tutors = state.rubriques.find((rubrique) => rubrique.key === 'tuteurs');
  if (!tutors || tutors.blocks.length > 0) return [];
  for (const rubrique of state.rubriques) {
    const last = rubrique.blocks.at(-1);
    if (!isBodyRubrique(rubrique.key) || !last || !isUnstyledCard(last)) continue;
    rubrique.blocks.pop();
    tutors.blocks.push(last);
    return [{ to: 'tuteurs', blocks: [last] }];
  }
  return [];
}

function isUnstyledCard(block: Block): boolean {
  const [first, ...rest] = block.lines;
  if (!first || rest.length === 0 || rest.length > MAX_CARD_ROLE_LINES || block.lines.some((line) => line.size !== null || line.bold !== null)) return false;
  // A family name in capitals and a given name: « NOM Prénom » or « Prénom NOM ».
  const name = first.text.trim();
  if (!isAnyCaseName(name) || !latin('u')`\p{Lu}{2,}`.test(name) || !latin('u')`\p{Lu}\p{Ll}`.test(name)) return false;
  return rest.every((line) => !line.text.includes('@') && !/[.!?]$/.test(line.text.trim()) && line.text.length < 80);
}

/** The fewest figures, each alone over its label, that make a run of key figures with no heading (one alone may be a date or a count in the text). */
const MIN_APPENDED_FIGURES = 2;

/**
 * The longest label of a key figure, in characters: the family's run to a few sentences (the
 * longest about 520); what makes a run of figures is the « figure alone, then its label » pairs.
 */
const MAX_FIGURE_LABEL = 600;

/** A key figure's label: short, not a figure itself, with words in lower case (not a heading). */
export function isFigureLabel(block: Block): boolean {
  const text = block.text.trim();
  return text.length > 0 && text.length <= MAX_FIGURE_LABEL && !isStandaloneFigure(text) && !text.includes('@') && hasLowerCase(text);
}

/**
 * Where the key figures appended to a rubrique start: the first run of figures set alone (« 26 »,
 * « +18 % »), each followed by its label, at least `MIN_APPENDED_FIGURES` long and after some
 * text. A label is one block or several printed flush under it up to the next figure (a line, then a paragraph that
 * explains it: « 3E » / « port fluvial de France » / « Le trafic y a doublé en dix ans… »,
 * `figure-label-paragraphs`), `MAX_FIGURE_LABEL` characters at most. What follows the run goes
 * with it (a box printed with the figures; the text that ran on under them goes back by
 * `returnRunOnAfterFigures`). `-1` without such a run.
 */
function appendedFiguresStart(blocks: readonly Block[]): number {
  const figuresFrom = (start: number): number => {
    let figures = 0;
    let at = start;
    while (at < blocks.length && isStandaloneFigure(blocks[at]!.text)) {
      const end = labelEnd(blocks, at + 1);
      if (end === at + 1) break;
      figures++;
      at = end;
    }
    return figures;
  };
  for (let start = 1; start < blocks.length; start++) if (figuresFrom(start) >= MIN_APPENDED_FIGURES) return start;
  const bold = inlineFiguresStart(blocks);
  return bold >= 0 ? bold : plainFiguresStart(blocks);
}

/**
 * The fewest figures set inline in their label's type that make a run of key figures with no
 * heading: nothing but their number and their place sets them apart, so more than the bold or
 * display ones need (two numbers opening sentences happen in text; three blocks in a row ending
 * the rubrique, as the self-check's `minFigureRunInText`, do not).
 */
const MIN_PLAIN_FIGURES = 3;

/**
 * Where key figures set inline in their label's type end a rubrique (`rule: appended-plain-figures`):
 * at least `MIN_PLAIN_FIGURES` blocks in a row, each opening with a number and a word
 * (`isPlainInlineFigure`), after some text, up to the rubrique's end or a box printed with the
 * figures (a bold title, then its text). `-1` without such a run.
 */
function plainFiguresStart(blocks: readonly Block[]): number {
  const isBoxTitle = (block: Block): boolean => block.lines.every((line) => line.bold === true) && isFiguresBoxTitle(block);
  for (let start = 1; start < blocks.length; start++) {
    if (!isPlainInlineFigure(blocks[start]!) || isPlainInlineFigure(blocks[start - 1]!)) continue;
    let end = start;
    while (end < blocks.length && isPlainInlineFigure(blocks[end]!)) end++;
    if (end - start >= MIN_PLAIN_FIGURES && (end === blocks.length || isBoxTitle(blocks[end]!))) return start;
  }
  return -1;
}

/**
 * How far (points) a label's further paragraph may start from the label's left edge: the two are
 * set flush in one cell, so only the coordinates' noise separates them; a reference's indent
 * (a bullet's, 15 points and more) or another column is further.
 */
const LABEL_EDGE_TOLERANCE = 3;

/**
 * Where a figure's label that starts at `from` ends: its first block, then the blocks printed
 * under it, flush with it, on its page (PDF: each starts lower than the one above, within
 * `LABEL_EDGE_TOLERANCE` of its left edge), up to the next figure set alone, `MAX_FIGURE_LABEL`
 * characters at most. Text read after the label from another column (a testimony beside a figures
 * grid) or indented under it (a reference's bullet) is no part of it; converter text, which has no
 * boxes, keeps one block per label.
 */
function labelEnd(blocks: readonly Block[], from: number): number {
  const under = (block: Block, above: Block): boolean =>
    block.page === above.page && block.box !== undefined && above.box !== undefined && Math.abs(block.box.x - above.box.x) <= LABEL_EDGE_TOLERANCE && block.box.y > above.box.y;
  // A label cut by the page's foot goes on at the next page's head: its sentence unfinished, the
  // rest opening in lower case, in the label's type (`rule: figure-label-over-page`).
  const goesOnInType = (block: Block, above: Block): boolean => continuesParagraph(above.text, block.text) && block.lines[0] !== undefined && above.lines[0] !== undefined && sameStyle(block.lines[0], above.lines[0]);
  const overPage = (block: Block, above: Block): boolean => above.page !== null && block.page === above.page + 1 && goesOnInType(block, above);
  // And one cut by its column's foot goes on at the next column's head, as it would over a page
  // (a figures table flowing through the page's columns: `rule: figure-label-over-column`).
  const overColumn = (block: Block, above: Block): boolean =>
    block.page === above.page && block.box !== undefined && above.box !== undefined && block.box.x > above.box.x + above.box.width && block.box.y < above.box.y && goesOnInType(block, above);
  let end = from;
  let length = 0;
  while (end < blocks.length && isFigureLabel(blocks[end]!) && (end === from || under(blocks[end]!, blocks[end - 1]!) || overPage(blocks[end]!, blocks[end - 1]!) || overColumn(blocks[end]!, blocks[end - 1]!)) && length + blocks[end]!.text.trim().length <= MAX_FIGURE_LABEL) {
    length += blocks[end]!.text.trim().length;
    end++;
  }
  return end;
}

/**
 * Where key figures set inline end a rubrique (« **26** communes… », « **12 500** repas… »): a
 * bold figure leading its label, after some text, from which every block is such a figure or a
 * regular paragraph (a label's further paragraph) up to the rubrique's end or a box printed with
 * the figures (a bold title, then its text), with at least `MIN_APPENDED_FIGURES` figures and no
 * fewer figures than further paragraphs. The figures' weight sets them apart from the text, and
 * ending the rubrique sets them apart from a list in it. `-1` without such a run.
 */
function inlineFiguresStart(blocks: readonly Block[]): number {
  const isLabelParagraph = (block: Block): boolean => block.kind === 'paragraph' && isRegular(block) && isFigureLabel(block);
  const isBoxTitle = (block: Block): boolean => block.lines.every((line) => line.bold === true) && isFiguresBoxTitle(block);
  // A label announcing a list (« 4 types de données : - données métiers ») goes on in its items (`rule: figure-label-list`).
  const isLabelItem = (at: number): boolean => blocks[at]!.kind === 'listItem' && isRegular(blocks[at]!) && (blocks[at - 1]!.text.includes(':') || blocks[at - 1]!.kind === 'listItem');
  for (let start = 1; start < blocks.length; start++) {
    if (!isBoldInlineFigure(blocks[start]!)) continue;
    let end = start;
    while (end < blocks.length && (isBoldInlineFigure(blocks[end]!) || isLabelParagraph(blocks[end]!) || (end > start && isLabelItem(end)))) end++;
    if (end < blocks.length && !isBoxTitle(blocks[end]!)) continue;
    const figures = blocks.slice(start, end).filter(isBoldInlineFigure).length;
    if (figures >= MIN_APPENDED_FIGURES && figures >= end - start - figures) return start;
  }
  return -1;
}

/**
 * Key figures appended to the rubrique before them, with no heading of their own: when no
 * rubrique is the figures', a run of at least two figures set alone, each over its label, or set
 * inline in bold ending the rubrique, in a text rubrique or the testimony becomes the figures
 * rubrique, after that one, with what follows it.
 */
function liftAppendedFigures(state: ShapeState): Move[] {
  const result = state.rubriques;
  if (result.some((rubrique) => rubrique.key === 'chiffres')) return [];
  for (const [i, rubrique] of result.entries()) {
    if (!isBodyRubrique(rubrique.key) && rubrique.key !== 'temoignage') continue;
    const at = appendedFiguresStart(rubrique.blocks);
    if (at < 0) continue;
    const figures = rubrique.blocks.splice(at);
    result.splice(i + 1, 0, { key: 'chiffres', heading: '', page: figures[0]!.page, blocks: figures });
    state.diagnostics.push({
      code: 'FIGURES_WITHOUT_HEADING',
      severity: 'info',
      ...state.where,
      ...(figures[0]!.page !== null ? { page: figures[0]!.page } : {}),
      message: `Projet ${String(state.where.projet).padStart(2, '0')} : chiffres clés sans titre, lus à la suite de la rubrique « ${rubrique.heading || rubrique.key} » (${isStandaloneFigure(figures[0]!.text) ? 'chiffres seuls, chacun sur son libellé' : isBoldInlineFigure(figures[0]!) ? 'chiffres en gras, chacun en tête de son libellé' : 'chiffres en tête de leur libellé, à la suite'}, à partir de « ${figures[0]!.text.trim()} »).`,
    });
    return [{ to: 'chiffres', blocks: figures }];
  }
  return [];
}

/**
 * The key figures cut by a frame (`rule: figures-frame-elsewhere`): a table of figures threaded
 * through two frames, the reading order putting one of them after another rubrique (the
 * references, the testimony). Figures set alone over or beside their labels, in the style of the
 * project's figures, that end another rubrique to its last block go to the figures, before them
 * when printed before them (an earlier page, or a column further left).
 */
function returnFiguresFrame(state: ShapeState): Move[] {
  const figures = state.rubriques.find((rubrique) => rubrique.key === 'chiffres');
  const style = figures?.blocks.find((block) => isStandaloneFigure(block.text))?.lines[0];
  if (!figures || !style) return [];
  const moves: Move[] = [];
  for (const rubrique of state.rubriques) {
    if (rubrique === figures || (!isBodyRubrique(rubrique.key) && rubrique.key !== 'temoignage' && rubrique.key !== 'allerPlusLoin')) continue;
    const at = figuresFrameStart(rubrique.blocks, style);
    const tail = at < 0 ? [] : rubrique.blocks.slice(at);
    if (tail.length === 0 || !figuresWithLabels(tail, style)) continue;
    rubrique.blocks.splice(at);
    if (printedBefore(tail[0]!, figures.blocks[0]!)) figures.blocks.unshift(...tail);
    else figures.blocks.push(...tail);
    moves.push({ to: 'chiffres', blocks: tail });
  }
  return moves;
}

/**
 * Where the frame of figures ending a rubrique starts: a run of appended figures
 * (`appendedFiguresStart`), or one figure alone in the style of the project's figures with its
 * label ending the rubrique (`single-figure-frame`: the last cell of a figures table threaded
 * through two frames; the project's own figure style, not a number of the text, sets it apart).
 * `-1` without one.
 */
function figuresFrameStart(blocks: readonly Block[], style: TextLine): number {
  const run = appendedFiguresStart(blocks);
  if (run >= 0) return run;
  const last = blocks.map((block) => isStandaloneFigure(block.text)).lastIndexOf(true);
  return last >= 1 && figuresWithLabels(blocks.slice(last), style) ? last : -1;
}

/** Whether blocks are key figures in one style, each set alone and followed by its label (one block or several: `labelEnd`), to the last block. */
function figuresWithLabels(blocks: readonly Block[], style: TextLine): boolean {
  let at = 0;
  while (at < blocks.length) {
    if (!isStandaloneFigure(blocks[at]!.text) || !sameStyle(blocks[at]!.lines[0]!, style)) return false;
    const end = labelEnd(blocks, at + 1);
    if (end === at + 1) return false;
    at = end;
  }
  return true;
}

/** How much further left (points) a frame must start to be read before another on its page. */
const FRAME_COLUMN_STEP = 20;

/** Whether a block is printed before another: on an earlier page, or in a column further left of the same page. */
function printedBefore(block: Block, other: Block): boolean {
  if (block.page === null || other.page === null || !block.box || !other.box) return false;
  return block.page < other.page || (block.page === other.page && block.box.x + FRAME_COLUMN_STEP < other.box.x);
}

/** A box's title is one short line (« Et après... », « Les profils des personnels »). */
const MAX_BOX_TITLE = 60;

/**
 * Where a box closes a text rubrique (-1 when none): from a title (one short line wholly in bold,
 * not a name nor a figure) to the rubrique's end, every block set smaller than the body, a block
 * of text at least after the title, and some of the rubrique's own text, in the body's size,
 * before it (figures of a sidebar read between them go back to theirs later).
 * The smaller type and the title set the box apart from the text it closes; a name would make a
 * sidebar's card, which the tutors' passes take.
 */
function closingBoxStart(blocks: readonly Block[]): number {
  const isBoldLine = (block: Block): boolean => block.kind === 'paragraph' && block.lines.length === 1 && block.lines[0]!.bold === true;
  const isTitle = (text: string): boolean => text.length <= MAX_BOX_TITLE && !isStandaloneFigure(text) && !text.includes('@') && !isAnyCaseName(text);
  let start = blocks.length;
  while (start > 0 && isSmallerThanBody(blocks[start - 1]!) && !blocks[start - 1]!.text.includes('@')) start--;
  // The run's first bold line decides: a box's title, or not a box (a card's name, a figure).
  const at = blocks.findIndex((block, i) => i >= start && i < blocks.length - 1 && isBoldLine(block));
  if (at < 0 || !isTitle(blocks[at]!.text.trim())) return -1;
  return blocks.slice(0, at).some((block) => !isSmallerThanBody(block) && !isLargerThanBody(block)) ? at : -1;
}

/**
 * A box closing a text rubrique, set in smaller type under a bold title of its own (« Et après... »
 * and its text, a poster), with no rubrique heading before it: it becomes a box (an encadré) with
 * that title, out of the rubrique's text.
 */
function liftClosingBoxes(state: ShapeState): Move[] {
  const moves: Move[] = [];
  for (const rubrique of state.rubriques) {
    if (!isBodyRubrique(rubrique.key)) continue;
    const at = closingBoxStart(rubrique.blocks);
    if (at < 0) continue;
    const [title, ...text] = rubrique.blocks.splice(at);
    state.boxes.push({ heading: title!.text, blocks: text });
    moves.push({ to: 'encadre', blocks: [title!, ...text] });
  }
  return moves;
}

/**
 * A person's name as a key that a card and a signature share (`rule: signature-names-any-order`):
 * the words before the role's comma (a card on one line prints both, « HOARAU Philippe,
 * Directeur… »), folded, in any order, as a card prints « TISSERAND Agnès » and the signature
 * « Agnès Tisserand, directrice… ». Empty when there is no word.
 */
function personKey(line: string): string {
  const name = line.includes(',') ? line.slice(0, line.indexOf(',')) : line;
  return foldedWords(name).sort().join(' ');
}

/**
 * Whether a card opens with the name of a person key (`personKey`), its words in any order: a card
 * on one line prints the function after the name with no comma (« Sophie BELLANGER Directrice… »).
 */
function cardOpensWithName(card: Block, key: string): boolean {
  const words = foldedWords(card.lines[0]?.text ?? '');
  return words.slice(0, key.split(' ').length).sort().join(' ') === key;
}

/** The name key of a tutor's card: its first line, the name (the function under it or after its comma). */
function cardKey(card: Block): string {
  return personKey(card.lines[0]?.text ?? '');
}

/**
 * The testimony's signature read after the tutors' cards: a sidebar of tutors read between the
 * quote and its signature (the quote's column goes on on the next page). A block after the cards,
 * on another page, that signs with the name of a tutor printed on an earlier card (« Agnès
 * Tisserand, directrice… » after « Agnès TISSERAND, Directrice… ») is the same person signing: it
 * goes to the end of the testimony, when that does not end with a signature already.
 */
function returnSignatureToTestimony(state: ShapeState): Move[] {
  const tutors = state.rubriques.find((rubrique) => rubrique.key === 'tuteurs');
  const testimony = state.rubriques.find((rubrique) => rubrique.key === 'temoignage');
  const last = testimony?.blocks.at(-1);
  if (!tutors || !testimony || last === undefined || isSignature(last.text)) return [];
  // The signature's name is the card's in any order (`personKey`): a card « TISSERAND Agnès » over its function.
  const signs = (block: Block, i: number): boolean => personKey(block.text) !== '' && tutors.blocks.slice(0, i).some((card) => cardKey(card) === personKey(block.text));
  const at = tutors.blocks.findIndex((block, i) => i > 0 && isSignature(block.text) && block.page !== tutors.blocks[i - 1]!.page && signs(block, i));
  if (at < 0) return [];
  const moved = tutors.blocks.splice(at, 1);
  testimony.blocks.push(...moved);
  return [{ to: 'temoignage', blocks: moved }];
}

/**
 * Pieces a signature set in a narrow column is read in at least: one block under the cards, in
 * their column, is left where the geometry put it (`run-on-away-from-cards` decides that case).
 */
const MIN_SIGNATURE_PIECES = 2;

/**
 * The testimony's signature set in a narrow column under the tutor's card, its lines read as items
 * after the card (« Sophie Bellanger, directrice » / « des archives… » / « écrit »), the quote after
 * them: the blocks that end the tutors' rubrique and together sign with the name of a card before
 * them are the testimony's signature, and open the testimony when it has none (its first block the
 * quote). Without it, the card's function took the signature in (`functions-name-nobody`).
 */
function returnSignatureRunToTestimony(state: ShapeState): Move[] {
  const tutors = state.rubriques.find((rubrique) => rubrique.key === 'tuteurs');
  const testimony = state.rubriques.find((rubrique) => rubrique.key === 'temoignage');
  const first = testimony?.blocks[0];
  const last = testimony?.blocks.at(-1);
  if (!tutors || !testimony || !first || !last || isSignature(first.text) || isSignature(last.text)) return [];
  for (let at = 1; at + MIN_SIGNATURE_PIECES <= tutors.blocks.length; at++) {
    const run = tutors.blocks.slice(at);
    const signature = joinLines(run.map((block) => block.text));
    if (!isSignature(signature) || personKey(signature) === '') continue;
    if (!tutors.blocks.slice(0, at).some((card) => cardOpensWithName(card, personKey(signature)))) continue;
    tutors.blocks.splice(at);
    testimony.blocks.unshift({ ...run[0]!, kind: 'paragraph', lines: run.flatMap((block) => block.lines), text: signature });
    return [{ to: 'temoignage', blocks: run }];
  }
  return [];
}

/**
 * The testimony's signature read at the end of another rubrique (converter text reading the quote's
 * column, then the figures beside it, then the signature under the quote): a last block that signs
 * with the name of a tutor's card goes to the end of the testimony, when that does not end with a
 * signature already.
 */
function returnEndingSignatureToTestimony(state: ShapeState): Move[] {
  const tutors = state.rubriques.find((rubrique) => rubrique.key === 'tuteurs');
  const testimony = state.rubriques.find((rubrique) => rubrique.key === 'temoignage');
  const last = testimony?.blocks.at(-1);
  if (!tutors || !testimony || last === undefined || isSignature(last.text)) return [];
  // A name's words in any order (`personKey`): the card prints « TISSERAND Agnès », the signature « Agnès Tisserand ».
  const tutorNames = new Set(state.rubriques.filter((rubrique) => rubrique.key === 'tuteurs').flatMap((rubrique) => rubrique.blocks.map(cardKey)));
  for (const rubrique of state.rubriques) {
    const signature = rubrique.blocks.at(-1);
    if (rubrique === testimony || rubrique.key === 'tuteurs' || !signature || !isSignature(signature.text)) continue;
    if (!tutorNames.has(personKey(signature.text))) continue;
    rubrique.blocks.pop();
    // Printed at the foot of a column before the quote's, the signature heads the quote (`signature-in-earlier-column`).
    if (inEarlierColumn(signature, testimony.blocks[0]!)) testimony.blocks.unshift(signature);
    else testimony.blocks.push(signature);
    return [{ to: 'temoignage', blocks: [signature] }];
  }
  return [];
}

/** Blocks a quote may be cut into by its column (as `pullQuoteStart` looks back for its opening). */
const MAX_QUOTE_BLOCKS = 6;

/**
 * The testimony's quote read away from its signature: the signature (under the testimony's
 * heading) set at a column's foot, the quote in « » going on at the head of a later column, which
 * the reading order read before the rest of the signature's column, ending another rubrique. When
 * the testimony holds its signature alone, the quote ending a body rubrique, printed on the
 * signature's page in a column right of it, goes after the signature.
 */
function returnQuoteAtNextColumnHead(state: ShapeState): Move[] {
  const testimony = state.rubriques.find((rubrique) => rubrique.key === 'temoignage');
  const signature = testimony?.blocks.at(-1);
  if (!testimony || !signature || !testimony.blocks.every((block) => isSignature(block.text))) return [];
  for (const rubrique of state.rubriques) {
    if (!isBodyRubrique(rubrique.key)) continue;
    const blocks = rubrique.blocks;
    if (!closesQuote(blocks.at(-1))) continue;
    let start = blocks.length - 1;
    while (start > 0 && start >= blocks.length - MAX_QUOTE_BLOCKS && !opensQuote(blocks[start])) start--;
    // The rubrique's own text stays before the quote.
    if (start <= 0 || !opensQuote(blocks[start])) continue;
    const quote = blocks.slice(start);
    if (!quote.every((block) => inEarlierColumn(signature, block) && block.page === signature.page)) continue;
    blocks.splice(start);
    testimony.blocks.push(...quote);
    return [{ to: 'temoignage', blocks: quote }];
  }
  return [];
}

/** A tutor's card on one line, « NOM Prénom – fonction »: a name, a dash, the role. */
function isDashCard(block: Block): boolean {
  const first = block.lines[0];
  return first !== undefined && /\s[–—-]\s/u.test(first.text) && splitNameAndRole(first).length === 2;
}

/**
 * Tutors' cards read under the next heading: a sidebar holding the tutors' heading and their
 * one-line cards (« NOM Prénom – fonction ») read with a body heading between them. When the
 * tutors' heading has nothing under it, the cards that open the next rubrique go back under it.
 */
function returnCardsToEmptyTutors(state: ShapeState): Move[] {
  const at = state.rubriques.findIndex((rubrique) => rubrique.key === 'tuteurs');
  const tutors = state.rubriques[at];
  const next = state.rubriques[at + 1];
  if (!tutors || !next || tutors.blocks.length > 0) return [];
  let count = 0;
  while (count < next.blocks.length && isDashCard(next.blocks[count]!)) count++;
  const start = count > 0 ? 0 : cardsBesideText(next.blocks);
  if (start < 0) return [];
  let end = start;
  while (end < next.blocks.length && isDashCard(next.blocks[end]!)) end++;
  const moved = next.blocks.splice(start, end - start);
  tutors.blocks.push(...moved);
  return moved.length > 0 ? [{ to: 'tuteurs', blocks: moved }] : [];
}

/**
 * Where a run of tutors' cards read inside a rubrique's text starts (`rule: cards-beside-text`): a
 * sidebar's frames read by their height put its cards between two paragraphs of the rubrique
 * beside it. Geometry says they are not the rubrique's: no card shares the horizontal extent of any
 * other block of the rubrique on its page. `-1` without such a run (or without positions: converter text).
 */
function cardsBesideText(blocks: readonly Block[]): number {
  const start = blocks.findIndex(isDashCard);
  if (start < 0) return -1;
  let end = start;
  while (end < blocks.length && isDashCard(blocks[end]!)) end++;
  return printedBesideText(blocks, start, end) ? start : -1;
}

/**
 * Whether the blocks from `start` to `end` (excluded) are printed beside the rest of the
 * rubrique's blocks, not in their column: each placed, and sharing no width with any other placed
 * block of the rubrique on its page (there being one at least). `false` without positions.
 */
function printedBesideText(blocks: readonly Block[], start: number, end: number): boolean {
  const text = [...blocks.slice(0, start), ...blocks.slice(end)];
  const apart = (run: Block): boolean => {
    const beside = text.filter((other) => other.page === run.page && other.box !== undefined);
    return run.box !== undefined && beside.length > 0 && beside.every((other) => !inOneColumn(run, other));
  };
  return blocks.slice(start, end).every(apart);
}

/**
 * A testimony printed as a pull-quote with no heading, floated beside a text rubrique (`rule:
 * pull-quote-beside-text`): frames read by their height put the quote and its signature between
 * two paragraphs of the text beside it. A run of blocks inside the rubrique's text (text on both
 * sides) opening a quote in « » and closing it, with its signature right after it (or right
 * before it), is the testimony when geometry says it is not the text's: no block of the run
 * shares the width of another block of the rubrique on its page. A quote inside the text's own
 * column stays (`TESTIMONY_OUTSIDE_RUBRIQUE` reports it).
 */
function movePullQuoteBesideText(state: ShapeState): Move[] {
  const { rubriques } = state;
  if (rubriques.some((rubrique) => rubrique.key === 'temoignage')) return [];
  for (const [i, rubrique] of rubriques.entries()) {
    if (!isBodyRubrique(rubrique.key)) continue;
    const run = quoteRunInside(rubrique.blocks);
    if (!run || !printedBesideText(rubrique.blocks, run.start, run.end)) continue;
    const quote = rubrique.blocks.splice(run.start, run.end - run.start);
    rubriques.splice(i + 1, 0, { key: 'temoignage', heading: '', page: quote[0]!.page, blocks: quote });
    return [{ to: 'temoignage', blocks: quote }];
  }
  return [];
}

/**
 * A quote in « » with its signature right after it or right before it, inside a run of blocks
 * (a block of text before and after it): its first and its end (excluded) index, or `null`.
 */
function quoteRunInside(blocks: readonly Block[]): { start: number; end: number } | null {
  for (let open = 1; open < blocks.length - 1; open++) {
    if (!opensQuote(blocks[open])) continue;
    let close = open;
    while (close < blocks.length - 1 && close - open < MAX_QUOTE_BLOCKS && !closesQuote(blocks[close])) close++;
    if (!closesQuote(blocks[close])) continue;
    // The signature after the quote, with text after it; or before the quote, with text before it.
    if (close + 2 < blocks.length && isSignature(blocks[close + 1]!.text)) return { start: open, end: close + 2 };
    if (open >= 2 && close + 1 < blocks.length && isSignature(blocks[open - 1]!.text)) return { start: open - 1, end: close + 1 };
  }
  return null;
}



/**
 * The end of a sentence read away from its start: text frames threaded across columns or pages
 * cut a paragraph between words, and the reading order may put the rest elsewhere. A paragraph
 * that opens in lower case after a finished sentence is the rest of the one paragraph of the text
 * that stops mid-sentence, when that one ends its rubrique: it is joined to it. With no such
 * paragraph, or more than one, nothing moves.
 */
function rejoinCutSentence(state: ShapeState): Move[] {
  const texts = state.rubriques.filter((rubrique) => isBodyRubrique(rubrique.key));
  const cutShort = (block: Block): boolean => block.kind === 'paragraph' && latin('u')`[\p{L},]$`.test(block.text.trim());
  for (const rubrique of texts) {
    const at = rubrique.blocks.findIndex((block, i) => block.kind === 'paragraph' && startsInLowerCase(block.text.trim()) && i > 0 && SENTENCE_FINISHED.test(rubrique.blocks[i - 1]!.text.trim()));
    if (at < 0) continue;
    // Every paragraph of the text that stops mid-sentence: the rest goes only to the one there is.
    const cut = texts.flatMap((other) => other.blocks.filter((block) => block !== rubrique.blocks[at] && cutShort(block)));
    const owner = texts.find((other) => other.blocks.at(-1) === cut[0]);
    if (cut.length !== 1 || !owner) continue;
    const [rest] = rubrique.blocks.splice(at, 1);
    owner.blocks[owner.blocks.length - 1] = sentenceJoined(cut[0]!, rest!);
    return [{ to: owner.key, blocks: [rest!] }];
  }
  return [];
}

/**
 * A heading carried over a page break beside a paragraph's continuation (`rule:
 * paragraph-start-before-heading-over-page`): a text rubrique whose first paragraph goes on a
 * sentence in lower case, on the heading's page, after the rubrique before it ends mid-sentence on
 * the page before (the heading, pushed to the next page, left the paragraph's start at the foot of
 * the previous one). A sentence is never cut by a heading: the paragraph is one, and the heading
 * printed beside it heads it whole. PDF only (converter text has no pages to tell by).
 */
function returnParagraphStartUnderHeading(state: ShapeState): Move[] {
  const result = state.rubriques;
  for (const [i, rubrique] of result.entries()) {
    const before = result[i - 1];
    const rest = rubrique.blocks[0];
    const start = before?.blocks.at(-1);
    if (!before || !rest || !start || !isBodyRubrique(rubrique.key) || !isBodyRubrique(before.key) || before.blocks.length < 2) continue;
    const overPage = rubrique.page !== null && rest.page === rubrique.page && start.page !== null && start.page === rubrique.page - 1;
    if (!overPage || start.kind !== 'paragraph' || rest.kind !== 'paragraph' || !continuesParagraph(start.text, rest.text)) continue;
    before.blocks.pop();
    rubrique.blocks[0] = sentenceJoined(start, rest);
    return [{ to: rubrique.key, blocks: [start] }];
  }
  return [];
}

/** A block a frame cut mid-sentence joined to the block that goes on its sentence: one paragraph. */
function sentenceJoined(cut: Block, rest: Block): Block {
  return { ...cut, lines: [...cut.lines, ...rest.lines], text: `${cut.text.trim()} ${rest.text.trim()}` };
}

/** Whether the last text rubrique before `index` (past team and tutor rubriques) ends without closing its sentence. */
function stopsMidSentence(rubriques: readonly Rubrique[], index: number): boolean {
  let k = index - 1;
  while (k >= 0 && (rubriques[k]!.key === 'auteurs' || rubriques[k]!.key === 'tuteurs')) k--;
  const text = rubriques[k]?.blocks.at(-1)?.text.trim() ?? '';
  return text !== '' && !/[.!?:;»)"…]$/.test(text);
}

/** A team table's header row: every word a header word of the profile (« Nom », « Prénom », « Courriel »). */
function isHeaderRow(block: Block, vocabulary: Vocabulary): boolean {
  return isHeaderRowText(block.text, vocabulary.teamTableHeaders);
}

/** A signature: a name in any case, a comma, then a role (« Léa Fontaine, directrice générale… »). */
export function isSignature(text: string): boolean {
  const trimmed = text.trim();
  const comma = trimmed.indexOf(',');
  return trimmed.length < 200 && !/^[«“"]/.test(trimmed) && comma > 0 && isAnyCaseName(trimmed.slice(0, comma));
}

/** A block opening a quote (« », “ ” or straight quotes). */
function opensQuote(block: Block | undefined): boolean {
  return block !== undefined && /^[«“"]/.test(block.text.trim());
}

/** A block closing a quote, a full stop or an ellipsis after the mark allowed. */
function closesQuote(block: Block | undefined): boolean {
  return block !== undefined && /[»”"][.…]?$/.test(block.text.trim());
}

/**
 * Where a pull-quote starts among a text rubrique's blocks (-1 when none): the last blocks are a
 * quote in « » (which a column may cut into several blocks) then its signature (one or two
 * blocks), or a signature then a quote in « » to the end; the rubrique's own text comes before it.
 */
function pullQuoteStart(blocks: readonly Block[]): number {
  const opens = opensQuote;
  const closes = closesQuote;
  const joined = (from: number, to: number): string => blocks.slice(from, to + 1).map((block) => block.text.trim()).join(' ');
  const openingBefore = (end: number): number => {
    for (let k = end; k >= Math.max(1, end - 6); k--) if (opens(blocks[k])) return k;
    return -1;
  };
  const last = blocks.length - 1;
  // The quote, then its signature.
  for (const c of [last - 1, last - 2]) {
    if (c >= 1 && closes(blocks[c]) && isSignature(joined(c + 1, last))) return openingBefore(c);
  }
  // The signature, then the quote.
  if (closes(blocks[last])) {
    const k = openingBefore(last);
    for (const s of [k - 1, k - 2]) if (k > 0 && s >= 1 && isSignature(joined(s, k - 1))) return s;
  }
  // Set apart by its type (larger than the body, its signature smaller): the quote need not close.
  let k = last;
  // Smaller lines inside the run are an interview's questions, each over its larger answer.
  while (k >= 1 && (isQuoteType(blocks[k]!) || (isSmallerThanBody(blocks[k]!) && (k >= last - 1 || isQuoteType(blocks[k + 1]!))))) k--;
  // A signature set smaller over the quote.
  if (k >= 1 && k < last && isSmallerThanBody(blocks[k]!) && isSignature(blocks[k]!.text)) k--;
  const run = blocks.slice(k + 1);
  // It opens with the quote, or with its signature (a signature line, or a smaller line over the quote).
  const signed = isSignature(run[0]?.text ?? '') || (run[0] !== undefined && isSmallerThanBody(run[0]) && opens(run[1]));
  if (k + 1 >= 1 && run.some(isQuoteType) && run.length >= 1 && (opens(run[0]) || signed)) return k + 1;
  if (k + 1 >= 1 && unsignedPullQuote(run)) return k + 1;
  return -1;
}

/** How many blocks the lines set smaller after a pull-quote (its signature, its last words) may make: a frame can cut them in two. */
const QUOTE_TAIL_BLOCKS_MAX = 2;

/**
 * A pull-quote with neither « » nor a signature's words (the testimony printed as said): blocks
 * set larger than the body, two lines at least, the last one or two perhaps set smaller where the
 * signature goes, ending a sentence. Read as the testimony by type alone, so the caller reports it.
 */
function unsignedPullQuote(run: readonly Block[]): boolean {
  let end = run.length;
  while (end > 1 && run.length - end < QUOTE_TAIL_BLOCKS_MAX && !isQuoteType(run[end - 1]!)) end--;
  const quote = run.slice(0, end);
  const lines = quote.reduce((sum, block) => sum + block.lines.length, 0);
  return quote.length > 0 && quote.every(isQuoteType) && lines >= 2 && /[.!?…»"]$/.test(run.at(-1)!.text.trim());
}

/** How far apart (points) two blocks may start and still be set in one frame's column. */
const FRAME_EDGE_TOLERANCE = 2;

/**
 * A pull-quote threaded through two frames, as desktop publishing sets it (`rule:
 * quote-frames-threaded`): its first frame at the foot of a column, the rest at the head of the
 * next, which the reading order puts first. When the blocks set in the quote's type that end a
 * text open in lower case and their last block stops mid-sentence, the leading ones printed at
 * one left edge (the second frame) go after the others, the first joined to the cut sentence.
 * Only where the positions are known (PDF). Returns the blocks unchanged when they do not show it.
 */
function threadQuoteFrames(blocks: readonly Block[]): readonly Block[] {
  let start = blocks.length;
  while (start > 0 && isQuoteType(blocks[start - 1]!)) start--;
  const run = blocks.slice(start);
  const first = run[0];
  const cut = run.at(-1);
  if (!first?.box || !cut || run.length < 2 || !startsInLowerCase(first.text.trim()) || SENTENCE_FINISHED.test(cut.text.trim())) return blocks;
  const sameFrame = (block: Block): boolean => block.box !== undefined && block.page === first.page && Math.abs(block.box.x - first.box!.x) <= FRAME_EDGE_TOLERANCE;
  let split = 0;
  while (split < run.length && sameFrame(run[split]!)) split++;
  if (split === run.length) return blocks;
  const [next, ...rest] = run.slice(0, split);
  const joined = sentenceJoined(cut, next!);
  return [...blocks.slice(0, start), ...run.slice(split, -1), joined, ...rest];
}

/** How far from the body's size a line may be and still be set in the body's type (a label is further). */
const BODY_SIZE_TOLERANCE = 0.03;

/**
 * A box of key figures floated beside the text (big numbers, their labels set smaller): the text
 * that runs on under the box is read after it. After the last figure and its label, the blocks
 * set in the body's type go back to the text rubrique the box interrupted (the last one before
 * it), and those set larger (a pull-quote running on from the page before) to the testimony.
 * Only where the sizes are known (PDF), and only body text: a label is never moved.
 * @param figures The figures' rubrique (changed in place).
 * @param rubriques The project's rubriques, in order (changed in place).
 * @returns What moved where.
 */
export function returnRunOnAfterFigures(figures: Rubrique, rubriques: readonly Rubrique[]): Move[] {
  const blocks = figures.blocks;
  let last = -1;
  // A values column read as one block (« 11 » / « 21 », a table's) is figures too.
  blocks.forEach((block, i) => {
    if (isStandaloneFigure(block.text) || (block.lines.length >= 2 && block.lines.every((line) => isStandaloneFigure(line.text)))) last = i;
  });
  if (last < 0 || last + 2 >= blocks.length) return [];
  const label = blocks[last + 1]!;
  const body = (block: Block): boolean => isRegular(block) && lineSizes(block).every((size) => size !== null && Math.abs(size - 1) <= BODY_SIZE_TOLERANCE);
  if (body(label) || isQuoteType(label)) return [];
  const at = rubriques.indexOf(figures);
  const before = rubriques.slice(0, at).reverse().find((rubrique) => isBodyRubrique(rubrique.key));
  const testimony = rubriques.find((rubrique) => rubrique.key === 'temoignage');
  const runOn = blocks.slice(last + 2);
  if (!runOn.every((block) => (body(block) && before) || (isQuoteType(block) && testimony))) return [];
  blocks.splice(last + 2);
  for (const block of runOn) (body(block) ? before! : testimony!).blocks.push(block);
  const toText = runOn.filter(body);
  const toTestimony = runOn.filter((block) => !body(block));
  return [...(toText.length > 0 ? [{ to: before!.key, blocks: toText }] : []), ...(toTestimony.length > 0 ? [{ to: testimony!.key, blocks: toTestimony }] : [])];
}

/**
 * A pull-quote read after key figures with no heading (`rule: pull-quote-after-figures`): the
 * figures' frame read before the column foot that holds the quote, the quote went with the figures
 * lifted from the text. When the project has no testimony, the blocks after the last figure's
 * label that make a pull-quote (its quote and signature, or its type) are the testimony.
 */
function liftPullQuoteAfterFigures(state: ShapeState): Move[] {
  const at = state.rubriques.findIndex((rubrique) => rubrique.key === 'chiffres');
  const figures = state.rubriques[at];
  if (!figures || state.rubriques.some((rubrique) => rubrique.key === 'temoignage')) return [];
  const last = lastFigureEnd(figures.blocks);
  if (last < 0 || last + 1 >= figures.blocks.length) return [];
  if (pullQuoteStart(figures.blocks.slice(last)) !== 1) return [];
  const quote = figures.blocks.splice(last + 1);
  state.rubriques.splice(at + 1, 0, { key: 'temoignage', heading: '', page: quote[0]!.page, blocks: quote });
  return [{ to: 'temoignage', blocks: quote }];
}

/**
 * Where the last key figure ends among a figures rubrique's blocks (-1 when none): the label under
 * a figure set alone (« 64 % », then its label), or the block of a figure set inline at its
 * label's start (« **64 %** des demandes… », one block: `rule: pull-quote-after-inline-figures`).
 */
function lastFigureEnd(blocks: readonly Block[]): number {
  const ends = blocks.map((block, i) => (isStandaloneFigure(block.text) ? i + 1 : isFigureBlock(block) ? i : -1));
  return Math.max(-1, ...ends);
}

/** A line set smaller than the body in a pull-quote (its question or signature) is shorter than this. */
const QUOTE_SMALL_LINE_MAX = 120;

/**
 * A pull-quote floated in a margin that runs on to the next page is read there before the body:
 * a text rubrique's blocks opening a page after the testimony's last one, set in the quote's type
 * (larger than the body in a regular face, with smaller lines between: its questions or its
 * signature), one at least larger, go back to the testimony. Only where the sizes are known (PDF).
 * @param rubrique A text rubrique (changed in place).
 * @param testimony The testimony (changed in place).
 * @returns What moved to the testimony.
 */
export function returnPullQuoteRunOn(rubrique: Rubrique, testimony: Rubrique): Move[] {
  const lastPage = testimony.blocks.at(-1)?.page ?? null;
  if (lastPage === null) return [];
  const larger = (block: Block): boolean => block.kind === 'paragraph' && isQuoteType(block);
  const smaller = (block: Block): boolean => block.kind === 'paragraph' && isRegular(block) && isSmallerThanBody(block) && block.text.length < QUOTE_SMALL_LINE_MAX;
  const blocks = rubrique.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const page = blocks[i]!.page;
    if (page === null || page <= lastPage || (i > 0 && blocks[i - 1]!.page === page)) continue;
    let end = i;
    while (end < blocks.length && blocks[end]!.page === page && (larger(blocks[end]!) || smaller(blocks[end]!))) end++;
    const run = blocks.slice(i, end);
    if (!run.some(larger) || !larger(run.at(-1)!)) continue;
    blocks.splice(i, run.length);
    testimony.blocks.push(...run);
    return [{ to: testimony.key, blocks: run }];
  }
  return [];
}
