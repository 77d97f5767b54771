/**
 * Key figures (« Les chiffres »): the figure as printed and the text that labels it.
 *
 * Two layouts exist in the family: a figure set alone in big type with its label under it
 * ("150 000" / "habitants supplémentaires…"), and figures inline at the start of a sentence
 * ("79 agents et cadres…"). A rubrique is read in one layout: once any figure stands alone,
 * numbers at the start of other blocks are part of labels (« 76% des collectivités… »).
 */
import { inEarlierColumn, sharesWidth } from '../boxes.js';
import { SENTENCE_END } from '../conventions.js';
import { joinLines, sentenceGoesOn } from '../extract/lines.js';
import { sameStyle } from '../typography.js';
import type { Block, PrintedFigure, TextLine } from '../types.js';
import { renderInline } from './render.js';
import { latin, startsInLowerCase } from '../alphabet.js';

/** A number as printed: space-separated thousands, decimals with a comma, an optional "/4". */
const NUMBER = String.raw`[+-]?(?:\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,]\d+)?(?:\/\d+(?:[.,]\d+)?)?`;

/** A block that is a figure alone: a number and an optional short unit in capitals or %. */
const STANDALONE = latin('u')`^${NUMBER}\s?(?:%|[\p{Lu}]{1,4})?$`;

/**
 * Whether a block is a key figure set alone (« 150 000 », « +18 % »).
 * @param text A block's text.
 * @returns `true` for a number with at most a short unit.
 */
export function isStandaloneFigure(text: string): boolean {
  return STANDALONE.test(text.trim());
}

/**
 * A key figure and its label on one line: a number, an optional % or short unit in capitals, then
 * a word in lower case (« 150 000 habitants… », « 41% de demandes… », « 2,3 MRD d'€… »). A
 * numbered list item (« 1 - Piloter… », « 2. Dresser… ») is not one: its number is followed by
 * punctuation or a capital.
 */
const FIGURE_LINE = latin('u')`^${NUMBER}(?:\s?%)?(?:\s?\p{Lu}{1,4})?\s+\p{Ll}`;

/**
 * Whether a line of text is printed the way a key figure is: the figure alone, or the figure
 * followed by its label in lower case.
 * @param text A paragraph or line.
 * @returns `true` for « 59 », « +18 % », « 59 communes membres ».
 */
export function looksLikeFigure(text: string): boolean {
  const trimmed = text.trim();
  return isStandaloneFigure(trimmed) || FIGURE_LINE.test(trimmed);
}

/** A figure at the start of a sentence; a % right after it belongs to the figure. */
const INLINE = new RegExp(String.raw`^(${NUMBER}(?:\s?%)?)\s+(\S.*)$`, 'su');

/** A bold run that is a whole figure: a number and a short unit word printed with it (« 2,3 MRD », « 10 ANS », « 2E »). */
const BOLD_FIGURE = latin('u')`^${NUMBER}(?:\s?(?:%|\p{L}[\p{L}'’€.]{0,5}))?$`;

/**
 * The inline figure at the start of a block: its leading bold run when that is a number with its
 * unit (the unit word belongs to the figure, not to the label), else the number at its start.
 */
function inlineFigure(block: Block, text: string): { valeur: string; label: string } | null {
  const lead = block.lines[0]?.boldLead?.trim();
  if (lead && BOLD_FIGURE.test(lead) && text.startsWith(lead)) {
    const label = text.slice(lead.length).trim();
    if (label !== '') return { valeur: lead, label };
  }
  const inline = INLINE.exec(text);
  return inline ? { valeur: inline[1]!, label: inline[2]! } : null;
}

/**
 * Whether a block is a key figure set inline in bold at the start of its label (« **26** communes
 * membres… »): a paragraph (or a list item) whose first line opens with a bold run that is a whole figure, with
 * label words after it, and no other line bold. A number merely opening a sentence is not one:
 * the figure's weight sets it apart.
 * @param block A block.
 * @returns `true` for a bold figure leading its label.
 */
export function isBoldInlineFigure(block: Block): boolean {
  const lead = block.lines[0]?.boldLead?.trim();
  // A list item too: the figures set with a hanging indent under the rubrique's text read as items.
  return (block.kind === 'paragraph' || block.kind === 'listItem') && lead !== undefined && BOLD_FIGURE.test(lead) && block.text.trim().length > lead.length && block.lines.slice(1).every((line) => line.bold === false);
}

/** A figure set inline in the label's own type opens its block: a number, an optional %, then a word (« 79 agents… », « 57980 Appels… »). */
const PLAIN_INLINE_FIGURE = latin('u')`^${NUMBER}(?:\s?%)?\s+\p{L}`;

/** The longest block a figure set inline in the label's type makes: a label is a phrase or two, not a paragraph. */
const MAX_PLAIN_FIGURE_CHARS = 250;

/**
 * Whether a block may be a key figure set inline in the label's own type, neither bold nor larger
 * (« 79 agents et cadres directement mobilisés… »): a short paragraph or list item opening with a
 * number and a word. Alone it is no evidence (a sentence may open with a number): only a run of them does.
 * @param block A block.
 * @returns `true` for that shape.
 */
export function isPlainInlineFigure(block: Block): boolean {
  const text = block.text.trim();
  return (block.kind === 'paragraph' || block.kind === 'listItem') && text.length <= MAX_PLAIN_FIGURE_CHARS && PLAIN_INLINE_FIGURE.test(text) && !text.includes('@');
}

/** A short title-like block after a figure's label starts a box (« Les profils des personnels », « Et après... »). */
const BOX_TITLE = latin('u')`^[\p{Lu}&«"][^\d]{0,50}$`;

/**
 * Whether a block after the key figures can title a box printed with them: a short paragraph
 * opening with a capital, with no number, not ending as a sentence or a list does (an ellipsis may).
 * @param block A block.
 * @returns `true` for a box title's shape.
 */
export function isFiguresBoxTitle(block: Block): boolean {
  const text = block.text.trim();
  return block.kind === 'paragraph' && BOX_TITLE.test(text) && !/[.,;:]$/.test(text.replace(/\.\.\.$/, ''));
}

/**
 * A table of figures read column by column (the values, then the labels): figures left without a
 * label, followed by one that got as many label blocks as the run, take one label each, in order.
 */
function pairColumnFigures(figures: { valeur: string; page: number | null; label: Block[] }[]): void {
  let start = 0;
  for (let i = 0; i < figures.length; i++) {
    if (figures[i]!.label.length === 0) continue;
    const run = figures.slice(start, i + 1);
    const labels = figures[i]!.label;
    const paired = run.length > 1 && labels.length < run.length ? labelsByLine(labels) : run.length > 1 ? labelsJoined(labels, run.length) : labels;
    if (run.length > 1 && paired.length === run.length) run.forEach((figure, k) => (figure.label = [paired[k]!]));
    start = i + 1;
  }
}

/**
 * How many labels the last figures wait for: 1, or a run of figures read as a values column
 * (every one but the last still without a label) needing one label each, so that a label in
 * sentence case is not taken for a box title before each figure has its own.
 */
function columnRun(figures: readonly { label: Block[] }[]): number {
  let run = 1;
  for (let k = figures.length - 2; k >= 0 && figures[k]!.label.length === 0; k--) run++;
  return run;
}

/**
 * Labels of a table's rows read as fewer blocks than the rows (a small row gap): cut again after
 * each line that stops well short of the longest label line (a wrapped label's lines but the last
 * run to the column's edge). Used only when it makes the labels as many as the figures.
 */
function labelsByLine(labels: readonly Block[]): Block[] {
  const lines = labels.flatMap((block) => block.lines.map((line) => ({ block, line })));
  const longest = Math.max(...lines.map(({ line }) => line.text.trim().length));
  const out: Block[] = [];
  let current: typeof lines = [];
  lines.forEach((entry, k) => {
    current.push(entry);
    const next = lines[k + 1];
    if (next === undefined || next.block !== entry.block || entry.line.text.trim().length < 0.85 * longest) {
      // A word cut at a line end (« ressources hu- » / « maines ») is joined back, as block text is.
      const text = current.map(({ line }) => line.text.trim()).join(' ').replace(latin('gu')`(\p{Ll})- (\p{Ll})`, '$1$2');
      out.push({ ...entry.block, lines: current.map(({ line }) => line), text });
      current = [];
    }
  });
  return out;
}

/**
 * Labels of a table's rows read as more blocks than the rows (a converter set a label's last
 * line apart: « … Cabinet ARENGI et » / « ADGGC, »): the shortest one-line block whose block
 * before does not end its sentence is joined to that one, until the labels are as many as the
 * figures. Left as they are when no such block is left.
 */
function labelsJoined(labels: readonly Block[], wanted: number): Block[] {
  const out = [...labels];
  while (out.length > wanted) {
    const fragments = out.map((block, k) => ({ block, k })).filter(({ block, k }) => k > 0 && block.lines.length === 1 && !SENTENCE_END.test(out[k - 1]!.text.trim()));
    if (fragments.length === 0) return [...labels];
    const { block, k } = fragments.reduce((shortest, fragment) => (fragment.block.text.trim().length < shortest.block.text.trim().length ? fragment : shortest));
    const previous = out[k - 1]!;
    out.splice(k - 1, 2, { ...previous, lines: [...previous.lines, ...block.lines], text: `${previous.text.trim()} ${block.text.trim()}` });
  }
  return out;
}

/**
 * Whether a block is the rest of the figure before it, cut by a page break with its table row (a
 * wrapped « 550 » / « 000 »): a group of three digits opening with a zero, which no figure starts
 * with, on the next page, after a label that stopped mid-sentence; its label goes on.
 */
function continuesOverPage(previous: { valeur: string; page: number | null; label: Block[] }, block: Block): boolean {
  const last = previous.label.at(-1)?.text.trim() ?? '';
  return /^0\d\d$/.test(block.text.trim()) && /\d$/.test(previous.valeur) && block.page !== null && previous.page !== null && block.page > previous.page && last !== '' && !/[.!?:;»)]$/.test(last);
}

/**
 * The values column of a table of figures read as a block of its own (« 26 » / « 12 500 » / « +18 % »,
 * the labels in the blocks after it): one figure block per line. A right-aligned short value set
 * apart from the others reads as an indented list item: it is a figure too when it follows one.
 */
function splitFigureColumns(blocks: readonly Block[]): Block[] {
  const out: Block[] = [];
  for (const block of blocks) {
    const lines = block.lines.filter((line) => line.text.trim() !== '');
    // « 17 » / « 000 »: one number wrapped in its cell, not two figures.
    const wrapped = lines.some((line, k) => k > 0 && /^\d{3}$/.test(line.text.trim()) && /^[+-]?\d{1,3}$/.test(lines[k - 1]!.text.trim()));
    if (block.kind === 'paragraph' && lines.length >= 2 && !wrapped && lines.every((line) => STANDALONE.test(line.text.trim()))) {
      out.push(...lines.map((line) => ({ ...block, lines: [line], text: line.text.trim() })));
      continue;
    }
    const rows = inlineFigureRows(block);
    if (rows) {
      out.push(...rows);
      continue;
    }
    const previous = out.at(-1);
    if (block.kind === 'listItem' && previous?.kind === 'paragraph' && STANDALONE.test(previous.text.trim()) && STANDALONE.test(block.text.trim())) {
      out.push({ ...block, kind: 'paragraph' });
      continue;
    }
    out.push(block);
  }
  return out;
}

/** A line opening with a number and words after it: an inline figure's first line. */
const OPENS_INLINE_FIGURE = latin('u')`^${NUMBER}(?:\s?%)?\s+\S`;

/**
 * Inline figures run into one block of unstyled lines (converter text with no blank line between
 * them, « 4 200 aidants… » / « 27 % des aidants… »): a line opening with a number starts a figure
 * unless the line before goes on into it (« entre 2010 et » / « 2030 (Scot) »).
 * @returns One block a figure, or null when fewer than two lines open a figure or the lines carry a style.
 */
function inlineFigureRows(block: Block): Block[] | null {
  const unstyled = block.lines.every((line) => line.size === null && line.bold === null);
  if (block.kind !== 'paragraph' || block.lines.length < 2 || !unstyled) return null;
  const rows: TextLine[][] = [];
  for (const line of block.lines) {
    const current = rows.at(-1);
    const opens = OPENS_INLINE_FIGURE.test(line.text.trim()) && !(current && sentenceGoesOn(current.at(-1)!.text.trim(), line.text.trim()));
    if (current && !opens) current.push(line);
    else rows.push([line]);
  }
  if (rows.length < 2 || !OPENS_INLINE_FIGURE.test(rows[0]![0]!.text.trim())) return null;
  return rows.map((lines) => ({ ...block, lines, text: joinLines(lines.map((line) => line.text)) }));
}

/** A figure set alone (« 79 », « 45 H ») or a paragraph: what the reading-order passes below tell apart. */
function isFigureBlock(block: Block): boolean {
  return block.kind === 'paragraph' && STANDALONE.test(block.text.trim());
}

/** Whether `block` is printed on `above`'s page lower down, sharing some of its width (the same column goes on). */
function printedUnder(block: Block, above: Block): boolean {
  if (block.page !== above.page || !block.box || !above.box) return false;
  return sharesWidth(block.box, above.box) && block.box.y > above.box.y;
}

/** Whether `block` is printed right of `label` and higher up on its page: the head of a column after the label's (column flow). */
function atNextColumnHead(block: Block, label: Block): boolean {
  return block.page === label.page && inEarlierColumn(label, block) && block.box!.y < label.box!.y;
}

/** Two blocks as one: the sentence a frame cut joined back (the first block's place and kind kept). */
function joinedBlocks(first: Block, rest: Block): Block {
  return { ...first, lines: [...first.lines, ...rest.lines], text: joinLines([first.text, rest.text]) };
}

/**
 * The rest of a figure's label read before its figure (a figures table at a page's head, the label's
 * last words flowed to the next column's head, which is higher up and read first): a block set in
 * that label's type, printed at the head of a column right of it, just before the figure whose label
 * ends no sentence, goes on that label (« … Métropole Renne, Région » / « Bretagne, Etalab, … »),
 * not on the label before nor as a box's title. Only when it is read first of its page's figures
 * (the page's head read before the page's first figure): read after a figure of its page, it is
 * that figure's label (a grid of figures, row by row: the row's last label, then the next row's
 * first figure further left and lower down).
 * `rule: label-rest-read-before-its-figure`
 */
function labelRestReadBeforeItsFigure(blocks: readonly Block[]): Block[] {
  const out = [...blocks];
  for (let i = 0; i + 2 < out.length; i++) {
    const [rest, figure, label] = [out[i]!, out[i + 1]!, out[i + 2]!];
    if (isFigureBlock(rest) || !isFigureBlock(figure) || isFigureBlock(label) || rest.kind !== 'paragraph') continue;
    const labelLast = label.lines.at(-1);
    const restFirst = rest.lines[0];
    if (!labelLast || !restFirst || !sameStyle(labelLast, restFirst) || SENTENCE_END.test(label.text.trim())) continue;
    // After a figure of its own page, it is that figure's label (a grid of figures read row by row).
    const afterFigureOfItsPage = out.slice(0, i).some((block) => isFigureBlock(block) && block.page === rest.page);
    if (!atNextColumnHead(rest, label) || afterFigureOfItsPage) continue;
    out.splice(i, 3, figure, joinedBlocks(label, rest));
  }
  return out;
}

/**
 * A box printed with the figures whose text (or the rest of it, a frame cut) lies in another column
 * beside the labels, read before the box's title: the block after a figure's label, printed right of
 * it on its page, followed by a bold box title printed under that label (so the label's column goes
 * on under it: the label was cut by no column's foot), is the box's text, not the label's. It goes
 * after the title; opening in lower case, it ends the sentence of the box's block after the title
 * that ends none (« … car le levier de » / « la dématérialisation… »).
 * `rule: box-text-read-before-its-title`
 */
function boxTextReadBeforeItsTitle(blocks: readonly Block[]): Block[] {
  const out = [...blocks];
  for (let i = 1; i + 1 < out.length; i++) {
    const [label, text, title] = [out[i - 1]!, out[i]!, out[i + 1]!];
    const afterLabel = !isFigureBlock(label) && out.slice(0, i - 1).some(isFigureBlock);
    const boldTitle = title.lines.every((line) => line.bold === true) && isFiguresBoxTitle(title);
    if (!afterLabel || !boldTitle || isFigureBlock(text) || !printedUnder(title, label)) continue;
    if (text.page !== label.page || !inEarlierColumn(label, text)) continue;
    const opened = out[i + 2];
    const endsSentence = opened === undefined || SENTENCE_END.test(opened.text.trim());
    if (startsInLowerCase(text.text.trim()) && !endsSentence) out.splice(i, 3, title, joinedBlocks(opened!, text));
    else out.splice(i, 2, title, text);
    return out;
  }
  return out;
}

/** The passes that put the rubrique's blocks back in the order the figures are printed in, in order (each names its rule). */
const FIGURE_ORDER_PASSES: readonly { readonly name: string; readonly run: (blocks: readonly Block[]) => Block[] }[] = [
  { name: 'label-rest-read-before-its-figure', run: labelRestReadBeforeItsFigure },
  { name: 'box-text-read-before-its-title', run: boxTextReadBeforeItsTitle },
];

/**
 * Splits the blocks of « Les chiffres » into figures and a trailing box, if any.
 * @param blocks Blocks under the heading, up to the next rubrique.
 * @returns The figures as printed and the box (text after the last label that belongs to no figure).
 */
export function parseFigures(printed: readonly Block[]): { figures: PrintedFigure[]; box: { titre: string | null; blocks: Block[] } | null } {
  const blocks = FIGURE_ORDER_PASSES.reduce((read, pass) => pass.run(read), splitFigureColumns(printed));
  const standaloneLayout = blocks.some((block) => STANDALONE.test(block.text.trim()));
  const figures: { valeur: string; page: number | null; label: Block[] }[] = [];
  let box: { titre: string | null; blocks: Block[] } | null = null;
  for (const block of blocks) {
    if (box) {
      box.blocks.push(block);
      continue;
    }
    const text = block.text.trim();
    const previous = figures.at(-1);
    if (previous && block.kind === 'paragraph' && continuesOverPage(previous, block)) {
      previous.valeur = `${previous.valeur} ${text}`;
      continue;
    }
    if (block.kind === 'paragraph' && standaloneLayout && STANDALONE.test(text)) {
      figures.push({ valeur: text, page: block.page, label: [] });
      continue;
    }
    // A list item opening with a number is a figure too: bulleted figures, or a table row whose value,
    // set right-aligned in its cell, indents the row like a drawn bullet.
    const inline = !standaloneLayout ? inlineFigure(block, text) : null;
    if (inline) {
      figures.push({ valeur: inline.valeur, page: block.page, label: [{ ...block, kind: 'paragraph', text: inline.label }] });
      continue;
    }
    const current = figures.at(-1);
    if (current && current.label.length >= columnRun(figures) && isFiguresBoxTitle(block)) {
      box = { titre: text, blocks: [] };
      continue;
    }
    if (current) current.label.push(block);
    else box = { titre: null, blocks: [block] };
  }
  pairColumnFigures(figures);
  return {
    figures: figures.map((figure) => ({ valeur: figure.valeur, libelle: renderInline(figure.label), page: figure.page })),
    box,
  };
}
