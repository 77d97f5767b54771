/**
 * Headings read ahead of their column in converter text. Some converters (pdfminer's `pdf2txt`)
 * group a page's text into boxes and order the boxes their own way: the heading of the second
 * column (« Les chiffres », « Témoignage de la collectivité », « Aller plus loin ») is read before
 * the end of the first column's text, and what the heading announces (the figures' labels, the
 * references) after the next rubrique's text. These moves put them back from what the text itself
 * shows, never from where a given brochure prints them:
 * - the first column's text read under the heading goes back to the rubrique it continues: the
 *   sentence it stops in or the colon announcing it goes on after the heading, its numbered list
 *   (« 2 - » then « 3 - », « Tâche 2.2 : » then « Tâche 2.3 : ») goes on, or running text sits
 *   under the references' heading or before the figures (`text-read-under-next-heading`); it ends where the heading's own
 *   content starts (a figure set alone, the testimony's quote or signature, a reference, a box);
 * - the figures' labels, or the figures and their labels, read at the end of another rubrique
 *   come back to the figures (`figures-read-away-from-heading`);
 * - references read at the end of the testimony come back to the references' heading left empty
 *   (`references-read-after-testimony`);
 * - the start of a sentence read at the end of the testimony joins its rest in the text
 *   (`sentence-start-after-testimony`).
 * Only blocks whose type is unknown (converter text): a PDF's columns are read apart.
 */
import { SENTENCE_FINISHED } from '../conventions.js';
import { isBodyRubrique } from '../text-rubriques.js';
import { isRegular, isSmallerThanBody, LARGER_THAN_BODY, lineSizes, SMALLER_THAN_BODY } from '../typography.js';
import type { Block } from '../types.js';
import { isFiguresBoxTitle, isStandaloneFigure } from './chiffres.js';
import { isFigureLabel, isSignature, type Move, type ShapeState } from './moves.js';
import { continuesParagraph } from './render.js';
import type { Rubrique } from './rubriques.js';
import { URL } from './structure.js';
import { latin, startsInLowerCase } from '../alphabet.js';

/** An enumerated item's marker: an optional word (« Tâche », « Phase »), a number (« 2 », « 2.3 »), then « - », « . », « ) » or « : ». */
const ENUMERATION = latin('u')`^(?:(\p{Lu}\p{Ll}+)\s+)?(\d{1,2}(?:\.\d{1,2})*)\s*([-.):])\s`;

/** The fewest figures (set alone, or awaiting their labels) that make a run of key figures: one alone may be a count in the text. */
const MIN_FIGURES = 2;

/**
 * The most blocks a figure's label takes in a run (its label and a further paragraph): text
 * with a number alone here and there (a page number left in the text) is no run of figures.
 */
const MAX_BLOCKS_PER_FIGURE = 2;

/** Running text has a few lines at least (a reference is a line or two). */
const MIN_RUNNING_LINES = 3;

/** How much longer than the text's median line a line printed across both columns is (a band of references under them). */
const ACROSS_COLUMNS = 1.5;

/** A year, as references print their date. */
const YEAR = /\b(?:19|20)\d{2}\b/;

/** An enumerated item's marker, read apart: « Tâche 2.3 : » is word « Tâche », numbers [2, 3], mark « : ». */
interface Enumeration {
  readonly word: string;
  readonly numbers: readonly number[];
  readonly mark: string;
}

function enumerationOf(text: string): Enumeration | null {
  const found = ENUMERATION.exec(text.trim());
  return found ? { word: found[1] ?? '', numbers: found[2]!.split('.').map(Number), mark: found[3]! } : null;
}

/** Whether `next` is the item after `last` in one numbered list: the same word and mark, the last number one more. */
function isNextItem(last: Enumeration, next: Enumeration): boolean {
  if (last.word !== next.word || last.mark !== next.mark || last.numbers.length !== next.numbers.length) return false;
  const depth = next.numbers.length - 1;
  return next.numbers.every((n, i) => (i < depth ? n === last.numbers[i] : n === last.numbers[i]! + 1));
}

/** The last enumerated line among blocks (their lines read from the end), or null. */
function lastEnumerated(blocks: readonly Block[]): Enumeration | null {
  for (let b = blocks.length - 1; b >= 0; b--) {
    const lines = blocks[b]!.lines;
    for (let l = lines.length - 1; l >= 0; l--) {
      const found = enumerationOf(lines[l]!.text);
      if (found) return found;
    }
  }
  return null;
}

/**
 * Whether a block goes on with the text before it: the sentence that text stops in, its colon's
 * announcement, or its numbered list. Under the figures' heading, a sentence going on is no
 * evidence (a figure's label opens in lower case too): only a word cut at the line's end.
 */
function goesOnFrom(before: readonly Block[], block: Block, underFigures: boolean): boolean {
  const last = before.at(-1)?.text.trim() ?? '';
  if (last === '') return false;
  const text = block.text.trim();
  const sentenceGoesOn = underFigures ? latin('u')`\p{L}-$`.test(last) && startsInLowerCase(text) : continuesParagraph(last, text);
  if (sentenceGoesOn || last.endsWith(':')) return true;
  const previous = lastEnumerated(before);
  const item = enumerationOf(text);
  return previous !== null && item !== null && isNextItem(previous, item);
}

/** Running text: a few lines ending a sentence (no reference, label or card is). */
function isRunningText(block: Block): boolean {
  return block.lines.length >= MIN_RUNNING_LINES && SENTENCE_FINISHED.test(block.text.trim());
}

/** Whether a block opens the content a heading announces: a figure set alone, the testimony's quote or signature, a reference. */
function opensOwnContent(key: Rubrique['key'], block: Block): boolean {
  const text = block.text.trim();
  if (key === 'chiffres') return isStandaloneFigure(text);
  if (key === 'temoignage') return /^[«“"]/.test(text) || isSignature(text);
  if (key === 'allerPlusLoin') return !isRunningText(block);
  return true;
}

/** Blocks whose type no input told: converter text. */
function unstyled(blocks: readonly Block[]): boolean {
  return blocks.every((block) => block.lines.every((line) => line.size === null && line.bold === null));
}

/**
 * The first column's text read under the next column's heading goes back to the text rubrique
 * before it: after the figures set alone under the figures' heading (read with it), the blocks
 * that go on with that rubrique's text (or running text under the references' heading, or under
 * the figures' heading before its figures), up to the heading's own content or a box's title.
 */
export function returnTextReadUnderNextHeading(state: ShapeState): Move[] {
  const moves: Move[] = [];
  state.rubriques.forEach((heading, i) => {
    const before = state.rubriques[i - 1];
    if (!before || !isBodyRubrique(before.key) || !['chiffres', 'temoignage', 'allerPlusLoin'].includes(heading.key) || !unstyled(heading.blocks)) return;
    const blocks = heading.blocks;
    let start = 0;
    while (heading.key === 'chiffres' && start < blocks.length && isStandaloneFigure(blocks[start]!.text)) start++;
    const first = blocks[start];
    if (!first || opensOwnContent(heading.key, first)) return;
    // Running text where the heading announces references, or figures that come after it, is no content of the heading's.
    const misplaced = isRunningText(first) && (heading.key === 'allerPlusLoin' || (heading.key === 'chiffres' && start === 0 && blocks.some((block) => isStandaloneFigure(block.text))));
    if (!misplaced && (heading.key === 'allerPlusLoin' || !goesOnFrom(before.blocks, first, heading.key === 'chiffres'))) return;
    let end = start;
    while (end < blocks.length && !opensOwnContent(heading.key, blocks[end]!) && !isFiguresBoxTitle(blocks[end]!)) end++;
    const text = blocks.splice(start, end - start);
    before.blocks.push(...text);
    moves.push({ to: before.key, blocks: text });
  });
  return moves;
}

/**
 * Where the figures (or the labels awaited by `awaiting` figures read under the heading) start at
 * the end of a rubrique's blocks: every block from there on a figure set alone or a label; the
 * run opens with a figure, or with the awaited labels (each opening in lower case, as a label
 * does and no paragraph after a finished sentence does). `-1` when there is no such run.
 */
function trailingFigures(blocks: readonly Block[], awaiting: number): number {
  // A label's last words a converter set apart (« 2021. ») belong to it: the block before does not end its sentence.
  const inRun = (i: number): boolean => isStandaloneFigure(blocks[i]!.text) || isFigureLabel(blocks[i]!) || (i > 0 && !SENTENCE_FINISHED.test(blocks[i - 1]!.text.trim()));
  let suffix = blocks.length;
  while (suffix > 0 && inRun(suffix - 1)) suffix--;
  const figure = blocks.findIndex((block, i) => i >= suffix && isStandaloneFigure(block.text));
  const opensLabel = (i: number): boolean => i > 0 && startsInLowerCase(blocks[i]!.text.trim()) && SENTENCE_FINISHED.test(blocks[i - 1]!.text.trim());
  let start = figure;
  if (awaiting > 0) {
    const labelsAt = figure >= 0 ? figure - awaiting : blocks.findIndex((_, i) => i >= suffix && opensLabel(i));
    if (labelsAt < Math.max(suffix, 1) || !opensLabel(labelsAt) || blocks.length - labelsAt < awaiting) return -1;
    start = labelsAt;
  }
  if (start <= 0) return -1;
  const figures = blocks.slice(start).filter((block) => isStandaloneFigure(block.text)).length + awaiting;
  const others = blocks.length - start - (figures - awaiting);
  return figures >= MIN_FIGURES && others <= MAX_BLOCKS_PER_FIGURE * figures ? start : -1;
}

/**
 * Figures read away from their heading: when the figures' rubrique holds only figures set alone
 * (their labels read elsewhere) or nothing, the run of labels and figures ending another text
 * rubrique or the testimony comes after those figures; when it holds figures with their labels,
 * a run of figures (two at least) ending the text rubrique just before it, read before the
 * heading, comes before them.
 */
export function returnFiguresReadAwayFromHeading(state: ShapeState): Move[] {
  const figures = state.rubriques.find((rubrique) => rubrique.key === 'chiffres');
  if (!figures || !unstyled(figures.blocks)) return [];
  let values = 0;
  while (values < figures.blocks.length && isStandaloneFigure(figures.blocks[values]!.text)) values++;
  const next = figures.blocks[values];
  const awaiting = next === undefined || isFiguresBoxTitle(next);
  const at = state.rubriques.indexOf(figures);
  // The rubriques read after the heading first (the labels come after the next column's text), then the nearest before it.
  const after = state.rubriques.slice(at + 1);
  const before = state.rubriques.slice(0, at).reverse();
  const candidates = (awaiting ? [...after, ...before] : before.slice(0, 1)).filter((rubrique) => isBodyRubrique(rubrique.key) || (awaiting && rubrique.key === 'temoignage'));
  for (const other of candidates) {
    if (!unstyled(other.blocks)) continue;
    const start = trailingFigures(other.blocks, awaiting ? values : 0);
    if (start < 0) continue;
    const run = other.blocks.splice(start);
    figures.blocks.splice(awaiting ? values : 0, 0, ...run);
    return [{ to: 'chiffres', blocks: run }];
  }
  return [];
}

/**
 * The start of a sentence read at the end of the testimony, its rest in a text rubrique: the
 * testimony's last block stops mid-sentence, and one paragraph of the text rubriques opens in
 * lower case after a finished sentence. The two are one paragraph of the text (the testimony's
 * heading was read before the end of the column beside it): joined where the rest is.
 */
export function returnSentenceStartFromTestimony(state: ShapeState): Move[] {
  const testimony = state.rubriques.find((rubrique) => rubrique.key === 'temoignage');
  const start = testimony?.blocks.at(-1);
  if (!testimony || !start || testimony.blocks.length < 2 || start.kind !== 'paragraph' || !unstyled([start]) || !latin('u')`[\p{L},]$`.test(start.text.trim())) return [];
  const rests = state.rubriques
    .filter((rubrique) => isBodyRubrique(rubrique.key))
    .flatMap((rubrique) => rubrique.blocks.map((block, i) => ({ rubrique, i })).filter(({ i }) => i > 0 && rubrique.blocks[i]!.kind === 'paragraph' && startsInLowerCase(rubrique.blocks[i]!.text.trim()) && SENTENCE_FINISHED.test(rubrique.blocks[i - 1]!.text.trim())));
  if (rests.length !== 1) return [];
  const { rubrique, i } = rests[0]!;
  const rest = rubrique.blocks[i]!;
  testimony.blocks.pop();
  rubrique.blocks[i] = { ...start, lines: [...start.lines, ...rest.lines], text: `${start.text.trim()} ${rest.text.trim()}` };
  return [{ to: rubrique.key, blocks: [start] }];
}

/** The median length of the lines of the project's text rubriques: the column's measure in converter text. */
function columnMeasure(rubriques: readonly Rubrique[]): number {
  const lengths = rubriques
    .filter((rubrique) => isBodyRubrique(rubrique.key))
    .flatMap((rubrique) => rubrique.blocks.flatMap((block) => block.lines.map((line) => line.text.trim().length)))
    .sort((a, b) => a - b);
  return lengths[Math.floor(lengths.length / 2)] ?? 0;
}

/**
 * References read at the end of the testimony while the references' heading has nothing under
 * it: the testimony's last blocks that read as references (a web address, a year, or lines
 * printed across both columns, longer than the text's), captions between them, go under it.
 */
export function returnReferencesReadAfterTestimony(state: ShapeState): Move[] {
  const references = state.rubriques.find((rubrique) => rubrique.key === 'allerPlusLoin');
  const testimony = state.rubriques.find((rubrique) => rubrique.key === 'temoignage');
  if (!references || !testimony || references.blocks.length > 0 || !unstyled(testimony.blocks)) return [];
  const measure = columnMeasure(state.rubriques);
  const isReference = (block: Block): boolean =>
    !/^[«“"]/.test(block.text.trim()) && (URL.test(block.text) || YEAR.test(block.text) || (measure > 0 && block.lines.some((line) => line.text.trim().length > ACROSS_COLUMNS * measure)));
  const blocks = testimony.blocks;
  let start = blocks.length;
  while (start > 1 && (isReference(blocks[start - 1]!) || state.vocabulary.isCaption(blocks[start - 1]!.text))) start--;
  if (!blocks.slice(start).some(isReference)) return [];
  const moved = blocks.splice(start);
  references.blocks.push(...moved);
  return [{ to: 'allerPlusLoin', blocks: moved }];
}

/** Whether a block is set in the body's type: regular, every size known and neither smaller nor larger than the body's. */
function inBodyType(block: Block): boolean {
  return isRegular(block) && lineSizes(block).every((size) => size !== null && size > SMALLER_THAN_BODY && size < LARGER_THAN_BODY);
}

/**
 * Running text read after the references (`rule: text-read-after-references`): the references'
 * last blocks that are running text in the body's type (a few lines ending a sentence), after
 * references set smaller than the body, go back to the text rubrique before the references' heading.
 * A reference has a reference's shape and type: the main column's next paragraph, read after a
 * sidebar's references beside it, has neither.
 */
export function returnTextReadAfterReferences(state: ShapeState): Move[] {
  const at = state.rubriques.findIndex((rubrique) => rubrique.key === 'allerPlusLoin');
  const references = state.rubriques[at];
  const before = state.rubriques[at - 1];
  if (!references || !before || !isBodyRubrique(before.key)) return [];
  const blocks = references.blocks;
  let start = blocks.length;
  while (start > 0 && inBodyType(blocks[start - 1]!) && isRunningText(blocks[start - 1]!)) start--;
  if (start === blocks.length || start === 0 || !blocks.slice(0, start).every(isSmallerThanBody)) return [];
  const moved = blocks.splice(start);
  before.blocks.push(...moved);
  return [{ to: before.key, blocks: moved }];
}
