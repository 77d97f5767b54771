/**
 * The passes that make a project's headings stand alone before the rubriques are cut: a heading
 * read in one block with its text, inside a sidebar's card, in a margin on the same line as the
 * text beside it, or broken over two blocks by a narrow column; and people printed with their
 * label inline (« Tuteur : Prénom NOM, fonction »). Each pass is named; they run in the order of
 * `HEADING_PASSES`, and `runHeadingPasses` says which pass made each block it returns (for
 * `extract --explain`).
 */
import type { Vocabulary } from '../profile.js';
import type { Block, TextLine } from '../types.js';
import { hasCapital, hasLowerCase, latin, startsWithCapital } from '../alphabet.js';

/** One pass over a project's blocks. */
export interface HeadingPass {
  /** Stable id, reported by `extract --explain`. */
  readonly id: string;
  readonly run: (blocks: readonly Block[], vocabulary: Vocabulary) => Block[];
}

/** A pass that looks at one block at a time. */
function eachBlock(cut: (block: Block, vocabulary: Vocabulary) => Block[]): HeadingPass['run'] {
  return (blocks, vocabulary) => blocks.flatMap((block) => cut(block, vocabulary));
}

/** The passes, in the order they run. */
export const HEADING_PASSES: readonly HeadingPass[] = [
  { id: 'split-heading-lines', run: eachBlock(splitHeadingLines) },
  { id: 'split-unstyled-heading-lines', run: eachBlock(splitUnstyledHeadingLines) },
  { id: 'lift-inner-heading', run: eachBlock(liftInnerHeading) },
  { id: 'join-wrapped-label-entries', run: joinWrappedLabelEntries },
  { id: 'split-inline-labels', run: eachBlock(splitInlineLabels) },
  { id: 'split-run-in-heading', run: eachBlock(splitRunInHeading) },
  { id: 'split-two-line-run-in-headings', run: splitTwoLineRunInHeadings },
  { id: 'join-split-headings', run: joinSplitHeadings },
  { id: 'margin-heading-lines-apart', run: joinMarginHeadingLinesApart },
];

/**
 * Runs every heading pass over a project's blocks.
 * @param blocks The project's blocks after its number.
 * @param vocabulary The family's words.
 * @returns The blocks, and for each block a pass made, the id of the last pass that made it.
 */
export function runHeadingPasses(blocks: readonly Block[], vocabulary: Vocabulary): { blocks: Block[]; madeBy: Map<Block, string> } {
  const madeBy = new Map<Block, string>();
  let current: Block[] = [...blocks];
  for (const pass of HEADING_PASSES) {
    const before = new Set(current);
    current = pass.run(current, vocabulary);
    for (const block of current) if (!before.has(block)) madeBy.set(block, pass.id);
  }
  return { blocks: current, madeBy };
}

/**
 * A heading set close above its text, read in the same block (« Tuteur au sein de la collectivité »
 * in bold, then « DURAND Léa, directrice… » in a regular face): the bold lines opening the block,
 * together a known heading, are cut off when a regular line follows them.
 */
function splitHeadingLines(block: Block, vocabulary: Vocabulary): Block[] {
  return cutLeadingHeading(block, vocabulary, (head, rest) => head.every((line) => line.bold === true) && rest[0]!.bold === false);
}

/** Lines a heading spans at most at the top of a block. */
const MAX_HEADING_LINES = 3;

/**
 * Cuts off the lines opening a block that together are a heading the vocabulary knows, the longest
 * first, when `setApart` says the lines after them are not the heading's.
 */
function cutLeadingHeading(block: Block, vocabulary: Vocabulary, setApart: (head: readonly TextLine[], rest: readonly TextLine[]) => boolean): Block[] {
  if (block.kind !== 'paragraph' || block.lines.length < 2) return [block];
  for (let k = Math.min(MAX_HEADING_LINES, block.lines.length - 1); k >= 1; k--) {
    const head = block.lines.slice(0, k);
    const rest = block.lines.slice(k);
    if (!setApart(head, rest)) continue;
    const text = head.map((line) => line.text.trim()).join(' ');
    if (vocabulary.rubriqueOf(text) === null) continue;
    return [
      { ...block, lines: head, text },
      { ...block, lines: rest, text: rest.map((line) => line.text).join(' ') },
    ];
  }
  return [block];
}

/**
 * A heading on lines of its own at the top of a block of converter text, the text under it with
 * no blank line between (« Aller plus loin » / « AdCF, CNFPT… »): no type tells the heading, its
 * lines do, being a whole heading the vocabulary knows. Only lines with no style read (no size,
 * no bold): the PDF's lines are cut by their type above.
 */
function splitUnstyledHeadingLines(block: Block, vocabulary: Vocabulary): Block[] {
  if (block.lines.some((line) => line.size !== null || line.bold !== null)) return [block];
  return cutLeadingHeading(block, vocabulary, () => true);
}

/**
 * A sidebar's card read line by line with the heading beside it (« DURAND Léa » / « CONTEXTE
 * ET ENJEUX » / « Directrice… »): a bold line inside a block that is a known heading is lifted out,
 * after the rest of the block.
 */
function liftInnerHeading(block: Block, vocabulary: Vocabulary): Block[] {
  if (block.kind !== 'paragraph' || block.lines.length < 3) return [block];
  const at = block.lines.findIndex((line, i) => i > 0 && line.bold === true && vocabulary.rubriqueOf(line.text) !== null);
  if (at < 0) return [block];
  const heading = block.lines[at]!;
  const rest = block.lines.filter((_, i) => i !== at);
  return [
    { ...block, lines: rest, text: rest.map((line) => line.text).join(' ') },
    { ...block, lines: [heading], text: heading.text },
  ];
}

/**
 * A paragraph, or a list item: a sidebar indented from the page's text column sets its labelled
 * entries as list items (« Tuteur au sein de la collectivité : » / « Prénom NOM, fonction »).
 */
function isProseOrItem(block: Block): boolean {
  return block.kind === 'paragraph' || block.kind === 'listItem';
}

/** A label, a colon, then what it labels (on the same line or the next): « Tuteur : Claire DURAND, directrice… ». */
const INLINE_LABEL = latin('u')`^(\p{Lu}[^:]{2,59}?)\s*:\s*((?:\p{Lu}.*)?)$`;

/**
 * The wrapped lines of one person's entry joined: a line ending on a hyphen before a capital is a
 * compound name cut at its own hyphen (« Noor- » / « Yasmin », « TUDOSE- » / « MARTINEZ »), joined
 * with its hyphen and no space.
 */
function joinEntryLines(texts: readonly string[]): string {
  return texts.map((text) => text.trim()).filter(Boolean).reduce((joined, text) => (joined === '' ? text : latin('u')`\p{L}-$`.test(joined) && startsWithCapital(text) ? joined + text : `${joined} ${text}`), '');
}

/**
 * A labelled entry (« Encadrement : ») whose person a narrow sidebar wrapped onto the next line,
 * where the name set in bold opened a block of its own (« Encadrement : CRISTEL » / « DELESSE
 * Deborah, Déléguée… »): the next block goes back on the entry when it is set in the same size,
 * the entry has no role yet (no comma after the label) and the next block opens no label itself.
 */
function joinWrappedLabelEntries(blocks: readonly Block[], vocabulary: Vocabulary): Block[] {
  const labelled = (line: TextLine): RegExpExecArray | null => {
    const match = INLINE_LABEL.exec(line.text.trim());
    const key = match ? vocabulary.rubriqueOf(match[1]!) : null;
    return key === 'tuteurs' || key === 'auteurs' ? match : null;
  };
  const out: Block[] = [];
  // What the label of an entry this pass joined carries so far: a single word (« Jean-Marc »,
  // the label alone on its line before it) is no whole name yet, and the next block goes on it too.
  const carried = new Map<Block, string>();
  for (const block of blocks) {
    const previous = out.at(-1);
    const last = previous?.lines.at(-1);
    const first = block.lines[0]!;
    const entry = previous ? (carried.get(previous) ?? (last ? labelled(last)?.[2] : undefined)) : undefined;
    const joined = previous !== undefined && carried.has(previous);
    const sameSize = last?.size != null && first.size != null && Math.abs(last.size - first.size) <= 0.05;
    const open = entry !== undefined && !entry.includes(',') && (!joined || entry.trim().split(/\s+/).length <= 1);
    if (previous && open && isProseOrItem(previous) && isProseOrItem(block) && sameSize && !labelled(first)) {
      const entryBlock = { ...previous, lines: [...previous.lines, ...block.lines], text: joinEntryLines([previous.text, block.text]) };
      out[out.length - 1] = entryBlock;
      carried.set(entryBlock, joinEntryLines([entry, block.text]));
      continue;
    }
    out.push(block);
  }
  return out;
}

/**
 * People printed one per line with their label inline (« Tuteur : Prénom NOM, fonction »): each
 * line whose words before the colon are a people heading the vocabulary knows (tutors, team) is
 * cut into that heading and what it labels, which is kept as one line (a narrow column may wrap
 * it) so that it opens its rubrique as a heading does.
 */
function splitInlineLabels(block: Block, vocabulary: Vocabulary): Block[] {
  if (!isProseOrItem(block) || !block.text.includes(':')) return [block];
  const labelOf = (line: TextLine): { label: string; rest: string } | null => {
    const match = INLINE_LABEL.exec(line.text.trim());
    const key = match ? vocabulary.rubriqueOf(match[1]!) : null;
    return key === 'tuteurs' || key === 'auteurs' ? { label: match![1]!, rest: match![2]! } : null;
  };
  if (!block.lines.some((line) => labelOf(line) !== null)) return [block];
  const out: Block[] = [];
  const piece = (lines: TextLine[]): Block => ({ ...block, lines, text: lines.map((line) => line.text).join(' ') });
  let run: TextLine[] = [];
  let labelled = false;
  const flush = (): void => {
    if (run.length === 0) return;
    // What a label carries is one entry: its wrapped lines are joined back into one.
    const text = joinEntryLines(run.map((line) => line.text));
    if (labelled && text !== '') out.push(piece([{ ...run[0]!, text, bold: null }]));
    else if (!labelled) out.push(piece(run));
    run = [];
  };
  for (const [i, line] of block.lines.entries()) {
    // A label opens its block, follows another labelled entry or is set apart from the line before
    // (a sidebar's size beside the body): a wrapped sentence's line is never one.
    const previous = block.lines[i - 1];
    const apart = previous !== undefined && previous.size !== null && line.size !== null && Math.abs(previous.size - line.size) > 0.05;
    const found = i === 0 || labelled || apart ? labelOf(line) : null;
    if (!found) {
      // Text set in another size (the body beside a sidebar) is not part of the labelled entry.
      const size = run[0]?.size ?? null;
      if (labelled && size !== null && line.size !== null && Math.abs(line.size - size) > 0.05) {
        flush();
        labelled = false;
      }
      run.push(line);
      continue;
    }
    flush();
    // The label is a heading, whatever kind of block the line was read in.
    out.push({ ...piece([{ ...line, text: found.label }]), kind: 'paragraph' });
    labelled = true;
    run = [{ ...line, text: found.rest }];
  }
  flush();
  return out;
}

/** Words of a heading run into its line at most: the family's longest, « TUTEUR ET TUTRICE AU SEIN DE LA COLLECTIVITÉ », is eight. */
const MAX_RUN_IN_HEADING_WORDS = 8;

/** A line whose first word holds a small letter: no word of a heading in capitals opens it. */
const FIRST_WORD_IN_LOWER_CASE = latin('u')`^\s*\S*\p{Ll}`;

/** What text opens with after a heading in capitals: a capitalised word, an elided article, a quote. */
const TEXT_OPENING = latin('u')`^(?:\p{Lu}\p{Ll}|\p{Lu}['’]\p{L}|[«"])`;

/** A person's name in the « NOM Prénom » order opening the rest of a line: a family name in capitals, then a given name. */
const FAMILY_NAME_FIRST = latin('u')`^\p{Lu}[\p{Lu}'’-]+(?:\s\p{Lu}[\p{Lu}'’-]+)*\s\p{Lu}\p{Ll}`;

/** The rubriques whose content opens with a person's name (a card). */
const PEOPLE_RUBRIQUES: ReadonlySet<string> = new Set(['auteurs', 'tuteurs']);

/**
 * A heading in a margin read on the same line as the text beside it (« PROBLÉMATIQUE Comment
 * organiser… »): a known heading in capitals opening a paragraph's first line is cut off it, the
 * longest first. Under a people heading the text is a card and may open with a name in capitals
 * (« TUTRICE AU SEIN DE LA COLLECTIVITÉ TISSERAND Agnès Directrice… », « AUTEURS DU PROJET
 * MARCHETTI Lisa lisa.marchetti@… », markdown converters running a column's lines together).
 */
function splitRunInHeading(block: Block, vocabulary: Vocabulary): Block[] {
  const first = block.lines[0];
  // (Tested before the line is split into words: a converter sets a whole paragraph on one line.)
  if (block.kind !== 'paragraph' || !first || FIRST_WORD_IN_LOWER_CASE.test(first.text)) return [block];
  const words = first.text.trim().split(/\s+/);
  // A heading is in capitals: only the words before the first one holding a small letter can make it
  // (most paragraphs open with « Le », and no cut is tried at all).
  const capitals = words.findIndex((word) => hasLowerCase(word));
  const longest = Math.min(MAX_RUN_IN_HEADING_WORDS, words.length - 1, capitals === -1 ? words.length : capitals);
  for (let k = longest; k >= 1; k--) {
    const heading = words.slice(0, k).join(' ');
    const rest = words.slice(k).join(' ');
    // What follows is read first: a cut that leaves a word in capitals opening the rest (most) is no cut, whatever the heading.
    const textOpens = TEXT_OPENING.test(rest);
    if (!textOpens && !FAMILY_NAME_FIRST.test(rest)) continue;
    const key = vocabulary.rubriqueOf(heading);
    if (key === null || !(textOpens || PEOPLE_RUBRIQUES.has(key))) continue;
    const lines = [{ ...first, text: rest }, ...block.lines.slice(1)];
    return [
      { ...block, text: heading, lines: [{ ...first, text: heading }] },
      { ...block, text: block.text.trim().slice(heading.length).trim(), lines },
    ];
  }
  return [block];
}

/**
 * A margin heading on two lines, each read on the same line as the text beside it (« LA Le projet
 * visait… » / « PROBLÉMATIQUE à mesurer… »): the words in capitals opening two
 * consecutive paragraphs, together a known heading, are cut off both and set before them. A
 * paragraph that is a known heading on its own (« CONTEXTE DE LA MISSION ») runs into nothing: a
 * word in capitals above it (a tutor's family name, « LE GALL Anne ») stays where it is
 * (`rule: heading-whole-below`).
 */
function splitTwoLineRunInHeadings(blocks: readonly Block[], vocabulary: Vocabulary): Block[] {
  const out: Block[] = [];
  const capsWords = (block: Block | undefined): string[] => {
    if (!block || block.kind !== 'paragraph' || !block.lines[0] || FIRST_WORD_IN_LOWER_CASE.test(block.lines[0].text)) return [];
    const words = block.lines[0].text.trim().split(/\s+/);
    const caps: string[] = [];
    for (const word of words.slice(0, -1)) {
      if (hasLowerCase(word) || !hasCapital(word)) break;
      caps.push(word);
    }
    return caps.slice(0, 4);
  };
  const cut = (block: Block, k: number): Block => {
    const [first, ...others] = block.lines;
    const rest = first!.text.trim().split(/\s+/).slice(k).join(' ');
    const lines = [{ ...first!, text: rest }, ...others];
    return { ...block, lines, text: lines.map((line) => line.text).join(' ') };
  };
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    const a = capsWords(block);
    const b = capsWords(next);
    let found: [number, number] | null = null;
    const eitherHeading = a.length > 0 && b.length > 0 && (vocabulary.rubriqueOf(block.text) !== null || vocabulary.rubriqueOf(next!.text) !== null);
    for (let k = a.length; k >= 1 && !found && !eitherHeading; k--) {
      for (let m = b.length; m >= 1 && !found; m--) {
        if (vocabulary.rubriqueOf([...a.slice(0, k), ...b.slice(0, m)].join(' ')) !== null) found = [k, m];
      }
    }
    if (!found || !next) {
      out.push(block);
      continue;
    }
    const heading = [...a.slice(0, found[0]), ...b.slice(0, found[1])].join(' ');
    out.push({ ...block, text: heading, lines: [{ ...block.lines[0]!, text: heading }] }, cut(block, found[0]), cut(next, found[1]));
    i++;
  }
  return out;
}

/** A heading broken over two blocks by a narrow column (« TUTEUR DANS LA » / « COLLECTIVITÉ ») is one heading. */
function joinSplitHeadings(blocks: readonly Block[], vocabulary: Vocabulary): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    const short = (b: Block): boolean => b.kind === 'paragraph' && b.text.length <= 40;
    if (next && short(block) && short(next) && vocabulary.rubriqueOf(block.text) === null && vocabulary.rubriqueOf(next.text) === null) {
      const text = `${block.text.trim()} ${next.text.trim()}`;
      if (vocabulary.rubriqueOf(text) !== null) {
        out.push({ ...block, text, lines: [...block.lines, ...next.lines] });
        i++;
        continue;
      }
    }
    // A margin heading's second line may be read after the first line of the text beside it.
    const after = blocks[i + 2];
    if (next && after && short(block) && short(after) && vocabulary.rubriqueOf(block.text) === null && vocabulary.rubriqueOf(after.text) === null) {
      const text = `${block.text.trim()} ${after.text.trim()}`;
      if (block.lines.every((line) => line.bold === true) && after.lines.every((line) => line.bold === true) && vocabulary.rubriqueOf(text) !== null) {
        out.push({ ...block, text, lines: [...block.lines, ...after.lines] }, next);
        i += 2;
        continue;
      }
    }
    out.push(block);
  }
  return out;
}

/** How far (points) two lines of one margin heading may start apart: the same left edge, read to rounding. */
const MARGIN_EDGE_TOLERANCE = 1;

/**
 * A margin heading of two lines whose second line is a known heading on its own (« LA » /
 * « PROBLÉMATIQUE »), the first line of the text beside it read between them: the heading is one
 * when the page says so — both lines bold, starting at the same left edge, the second right under
 * the first (less than a line's height of white between them), the text read between them printed
 * right of the first line and starting above the second — and the two lines together name the
 * rubrique the second names alone (`rule: margin-heading-lines-apart`). Without that geometry (a
 * tutor's family name in capitals above a heading, converter text) nothing is joined
 * (`heading-whole-below`).
 */
function joinMarginHeadingLinesApart(blocks: readonly Block[], vocabulary: Vocabulary): Block[] {
  const headingLine = (b: Block): boolean => b.kind === 'paragraph' && b.lines.length === 1 && b.lines[0]!.bold === true && b.box !== undefined;
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const next = blocks[i + 1];
    const after = blocks[i + 2];
    if (next?.box && after && headingLine(block) && headingLine(after) && block.page === after.page && next.page === block.page && vocabulary.rubriqueOf(block.text) === null) {
      const key = vocabulary.rubriqueOf(after.text);
      const text = `${block.text.trim()} ${after.text.trim()}`;
      const first = block.box!;
      const second = after.box!;
      const sameEdge = Math.abs(first.x - second.x) <= MARGIN_EDGE_TOLERANCE;
      const rightUnder = second.y > first.y && second.y - (first.y + first.height) < first.height;
      const besideFirst = next.box.x >= first.x + first.width && next.box.y < second.y;
      if (key !== null && vocabulary.rubriqueOf(text) === key && sameEdge && rightUnder && besideFirst) {
        out.push({ ...block, text, lines: [...block.lines, ...after.lines] }, next);
        i += 2;
        continue;
      }
    }
    out.push(block);
  }
  return out;
}
