/**
 * Cuts a project's blocks into its title and its rubriques. A heading the vocabulary knows opens
 * its rubrique. A line set like the known headings but not in the vocabulary opens a rubrique too
 * when what follows says what it is (a team, tutors' cards, a quote and its signature, figures,
 * references) or when prose follows a list of people; it is reported (`RUBRIQUE_HEADING_UNKNOWN`)
 * and never glued to the rubrique before it; so does a heading numbered as the known ones, a
 * short line over big figures and their labels (key figures), and, where headings are regular, a
 * short bold line closing the text (a box). Then blocks whose shape belongs elsewhere move there:
 * a team printed without a heading (before or after the body) to the authors, a tutor's card that
 * a sidebar interleaved with the body to the tutors, tutors' cards printed under the team without
 * a label to the tutors, a pull-quote read beside the title or run on to the next page to the
 * testimony, text run on under a floated box of figures to the rubrique the box interrupted.
 */
import { foldForMatch } from '../conventions.js';
import { isHeaderRowText, type Vocabulary } from '../profile.js';
import { sameStyle } from '../style.js';
import type { Block, Diagnostic, RubriqueKey, TextLine } from '../types.js';
import { isStandaloneFigure } from './chiffres.js';
import { isAnyCaseName, isNamePart, splitNameAndRole } from './people.js';
import { headingStyle, isSidebarCard, isTeamBlock, meaningOf, numberedLikeHeadings, setLikeHeading, type HeadingStyle } from './structure.js';

/** One rubrique: its heading as printed (`''` when the structure alone found it) and its blocks. */
export interface Rubrique {
  readonly key: RubriqueKey;
  readonly heading: string;
  readonly page: number | null;
  readonly blocks: Block[];
}

/** Output of `splitRubriques`. */
export interface SplitProject {
  /** Blocks before the first rubrique: title and organisation. */
  readonly headingBlocks: Block[];
  readonly rubriques: Rubrique[];
  /** Unknown headings whose content tells nothing: kept as boxes (heading and text). */
  readonly unknown: { readonly heading: string; readonly blocks: Block[] }[];
  readonly diagnostics: Diagnostic[];
}

const TEXT_RUBRIQUES: readonly RubriqueKey[] = ['contexte', 'problematique', 'clesPourAgir'];

/**
 * Cuts a project's blocks at rubrique headings, known or set like them.
 * @param blocks The project's blocks after its number.
 * @param vocabulary The family's words.
 * @param where Project number and page, for diagnostics.
 * @returns Title blocks, rubriques, unknown boxes and what was reported.
 */
export function splitRubriques(printed: readonly Block[], vocabulary: Vocabulary, where: { projet: number; page?: number }): SplitProject {
  const blocks = joinSplitHeadings(splitTwoLineRunInHeadings(joinWrappedLabelEntries(printed.flatMap((block) => splitHeadingLines(block, vocabulary)).flatMap((block) => liftInnerHeading(block, vocabulary)), vocabulary).flatMap((block) => splitInlineLabels(block, vocabulary)).flatMap((block) => splitRunInHeading(block, vocabulary)), vocabulary), vocabulary);
  const style = headingStyle(blocks, vocabulary);
  const headingBlocks: Block[] = [];
  const rubriques: (Rubrique | { key: null; heading: string; page: number | null; blocks: Block[] })[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const key = knownHeading(block, vocabulary);
    if (key) {
      rubriques.push({ key, heading: block.text, page: block.page, blocks: [] });
      continue;
    }
    // After the references, a box title in sentence case may follow headings in capitals.
    const current = rubriques.at(-1)?.key ?? null;
    const candidate = (b: Block): boolean => style !== null && (setLikeHeading(b, style) || (current === 'allerPlusLoin' && setLikeHeading(b, { ...style, sentenceCase: true })));
    if (headsFigures(block, blocks.slice(i + 1), blocks[i - 1])) {
      rubriques.push({ key: 'chiffres', heading: block.text, page: block.page, blocks: [] });
      diagnostics.push(unknownHeading(block, 'chiffres', where));
      continue;
    }
    if (current !== null && style !== null && isBoxTitle(block, style, blocks.slice(i + 1), vocabulary)) {
      let end = i + 1;
      while (end < blocks.length && !knownHeading(blocks[end]!, vocabulary) && !isBoxTitle(blocks[end]!, style, blocks.slice(end + 1), vocabulary)) end++;
      const seen = rubriques.map((rubrique) => rubrique.key).filter((k): k is RubriqueKey => k !== null);
      const meaning = meaningOf(blocks.slice(i + 1, end), vocabulary, seen);
      rubriques.push({ key: meaning, heading: block.text, page: block.page, blocks: [] });
      diagnostics.push(unknownHeading(block, meaning, where));
      continue;
    }
    if (candidate(block) && !isOrganisationLine(block, headingBlocks, rubriques.length)) {
      let end = i + 1;
      while (end < blocks.length && !knownHeading(blocks[end]!, vocabulary) && !candidate(blocks[end]!)) end++;
      const content = blocks.slice(i + 1, end);
      const seen = rubriques.map((rubrique) => rubrique.key).filter((k): k is RubriqueKey => k !== null);
      const meaning = meaningOf(content, vocabulary, seen);
      const proseAfterPeople = (current === 'auteurs' || current === 'tuteurs') && content.some(isProse);
      // References are a list with no sub-headings of another kind: what is not a reference ends them.
      const notReferences = current === 'allerPlusLoin' && meaning === null;
      // A heading numbered as the known ones are is a rubrique of its own, even over prose.
      const numbered = style !== null && numberedLikeHeadings(block, style);
      if ((meaning !== null && meaning !== current) || proseAfterPeople || notReferences || numbered) {
        rubriques.push({ key: meaning, heading: block.text, page: block.page, blocks: [] });
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
    }
  }
  const moved = moveByShape(headingBlocks, known, vocabulary, where, diagnostics, unknown);
  figuresInTheirStyle(moved.rubriques);
  return { headingBlocks: moved.headingBlocks, rubriques: moved.rubriques, unknown, diagnostics };
}

/** Size (relative to the body) from which a key figure is in display type: a list number is not. */
const FIGURE_DISPLAY_SIZE = 1.5;

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
  const at = chiffres.blocks.findIndex((block) => block.lines.length === 1 && isStandaloneFigure(block.text) && (block.lines[0]!.size ?? 0) >= FIGURE_DISPLAY_SIZE);
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
function knownHeading(block: Block, vocabulary: Vocabulary): RubriqueKey | null {
  if (block.kind !== 'paragraph' || /^\p{Ll}/u.test(block.text.trim())) return null;
  return vocabulary.rubriqueOf(block.text);
}

/**
 * A heading set close above its text, read in the same block (« Tuteur au sein de la collectivité »
 * in bold, then « DURAND Léa, directrice… » in a regular face): the bold lines opening the block,
 * together a known heading, are cut off when a regular line follows them.
 */
function splitHeadingLines(block: Block, vocabulary: Vocabulary): Block[] {
  if (block.kind !== 'paragraph' || block.lines.length < 2) return [block];
  for (let k = Math.min(3, block.lines.length - 1); k >= 1; k--) {
    const head = block.lines.slice(0, k);
    const rest = block.lines.slice(k);
    if (!head.every((line) => line.bold === true) || rest[0]!.bold !== false) continue;
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

/** A label, a colon, then what it labels (on the same line or the next): « Tuteur : Claire DURAND, directrice… ». */
const INLINE_LABEL = /^(\p{Lu}[^:]{2,59}?)\s*:\s*((?:\p{Lu}.*)?)$/u;

/**
 * The wrapped lines of one person's entry joined: a line ending on a hyphen before a capital is a
 * compound name cut at its own hyphen (« Noor- » / « Yasmin », « TUDOSE- » / « MARTINEZ »), joined
 * with its hyphen and no space.
 */
function joinEntryLines(texts: readonly string[]): string {
  return texts.map((text) => text.trim()).filter(Boolean).reduce((joined, text) => (joined === '' ? text : /\p{L}-$/u.test(joined) && /^\p{Lu}/u.test(text) ? joined + text : `${joined} ${text}`), '');
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
  for (const block of blocks) {
    const previous = out.at(-1);
    const last = previous?.lines.at(-1);
    const first = block.lines[0]!;
    const entry = last ? labelled(last) : null;
    const sameSize = last?.size != null && first.size != null && Math.abs(last.size - first.size) <= 0.05;
    if (previous && entry && !entry[2]!.includes(',') && previous.kind === 'paragraph' && block.kind === 'paragraph' && sameSize && !labelled(first)) {
      out[out.length - 1] = { ...previous, lines: [...previous.lines, ...block.lines], text: joinEntryLines([previous.text, block.text]) };
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
  if (block.kind !== 'paragraph' || !block.text.includes(':')) return [block];
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
    out.push(piece([{ ...line, text: found.label }]));
    labelled = true;
    run = [{ ...line, text: found.rest }];
  }
  flush();
  return out;
}

/**
 * A heading in a margin read on the same line as the text beside it (« PROBLÉMATIQUE Comment
 * organiser… »): a known heading in capitals opening a paragraph's first line is cut off it.
 */
function splitRunInHeading(block: Block, vocabulary: Vocabulary): Block[] {
  const first = block.lines[0];
  if (block.kind !== 'paragraph' || !first) return [block];
  const words = first.text.trim().split(/\s+/);
  for (let k = Math.min(5, words.length - 1); k >= 1; k--) {
    const heading = words.slice(0, k).join(' ');
    const rest = words.slice(k).join(' ');
    if (/\p{Ll}/u.test(heading) || !/^(?:\p{Lu}\p{Ll}|\p{Lu}['’]\p{L}|[«"])/u.test(rest) || vocabulary.rubriqueOf(heading) === null) continue;
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
 * consecutive paragraphs, together a known heading, are cut off both and set before them.
 */
function splitTwoLineRunInHeadings(blocks: readonly Block[], vocabulary: Vocabulary): Block[] {
  const out: Block[] = [];
  const capsWords = (block: Block | undefined): string[] => {
    if (!block || block.kind !== 'paragraph' || !block.lines[0]) return [];
    const words = block.lines[0].text.trim().split(/\s+/);
    const caps: string[] = [];
    for (const word of words.slice(0, -1)) {
      if (/\p{Ll}/u.test(word) || !/\p{Lu}/u.test(word)) break;
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
    for (let k = a.length; k >= 1 && !found; k--) {
      for (let m = b.length; m >= 1 && !found; m--) {
        if (vocabulary.rubriqueOf(block.text) === null && vocabulary.rubriqueOf([...a.slice(0, k), ...b.slice(0, m)].join(' ')) !== null) found = [k, m];
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
  if (block.kind !== 'paragraph' || block.lines.length !== 1 || text.length > 40 || /[.:;,]$/.test(text) || !/^\p{Lu}/u.test(text) || isStandaloneFigure(text)) return false;
  const bigFigure = (b: Block | undefined): boolean =>
    b !== undefined && isStandaloneFigure(b.text) && b.lines.every((line) => line.bold === true || (line.size !== null && line.size >= 1.5));
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
    return key !== null && (TEXT_RUBRIQUES.includes(key) || key === 'allerPlusLoin');
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
  return rubriques === 0 && before.length > 0 && before.every(allBold) && block.lines.every((line) => line.bold === false);
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
  const sizes = (block: Block): (number | null)[] => block.lines.map((line) => line.size);
  const larger = (block: Block): boolean => block.lines.every((line) => line.bold === false) && sizes(block).every((size) => size !== null && size >= 1.04);
  const smaller = (block: Block): boolean => block.lines.every((line) => line.bold === false) && sizes(block).every((size) => size !== null && size <= 0.95);
  if (rest.length === 0 || !rest.every((block) => larger(block) || smaller(block)) || !rest.some(larger)) return -1;
  return at;
}

/** A team table's header row: every word a header word of the profile (« Nom », « Prénom », « Courriel »). */
function isHeaderRow(block: Block, vocabulary: Vocabulary): boolean {
  return isHeaderRowText(block.text, vocabulary.teamTableHeaders);
}

/** A signature: a name in any case, a comma, then a role (« Léa Fontaine, directrice générale… »). */
function isSignature(text: string): boolean {
  const trimmed = text.trim();
  const comma = trimmed.indexOf(',');
  return trimmed.length < 200 && !/^[«“"]/.test(trimmed) && comma > 0 && isAnyCaseName(trimmed.slice(0, comma));
}

/**
 * Where a pull-quote starts among a text rubrique's blocks (-1 when none): the last blocks are a
 * quote in « » (which a column may cut into several blocks) then its signature (one or two
 * blocks), or a signature then a quote in « » to the end; the rubrique's own text comes before it.
 */
function pullQuoteStart(blocks: readonly Block[]): number {
  const opens = (block: Block | undefined): boolean => block !== undefined && /^[«“"]/.test(block.text.trim());
  const closes = (block: Block | undefined): boolean => block !== undefined && /[»”"][.…]?$/.test(block.text.trim());
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
  const sizes = (block: Block): number[] => block.lines.map((line) => line.size ?? 1);
  const larger = (block: Block): boolean => block.lines.every((line) => line.bold !== true) && sizes(block).every((size) => size >= 1.05);
  const smaller = (block: Block): boolean => sizes(block).every((size) => size <= 0.95);
  let k = last;
  // Smaller lines inside the run are an interview's questions, each over its larger answer.
  while (k >= 1 && (larger(blocks[k]!) || (smaller(blocks[k]!) && (k >= last - 1 || larger(blocks[k + 1]!))))) k--;
  // A signature set smaller over the quote.
  if (k >= 1 && k < last && smaller(blocks[k]!) && isSignature(blocks[k]!.text)) k--;
  const run = blocks.slice(k + 1);
  // It opens with the quote, or with its signature (a signature line, or a smaller line over the quote).
  const signed = isSignature(run[0]?.text ?? '') || (run[0] !== undefined && smaller(run[0]) && opens(run[1]));
  if (k + 1 >= 1 && run.some(larger) && run.length >= 1 && (opens(run[0]) || signed)) return k + 1;
  if (k + 1 >= 1 && unsignedPullQuote(run, larger)) return k + 1;
  return -1;
}

/**
 * A pull-quote with neither « » nor a signature's words (the testimony printed as said): blocks
 * set larger than the body, two lines at least, the last one perhaps set smaller where the
 * signature goes, ending a sentence. Read as the testimony by type alone, so the caller reports it.
 */
function unsignedPullQuote(run: readonly Block[], larger: (block: Block) => boolean): boolean {
  const quote = run.length > 1 && !larger(run.at(-1)!) ? run.slice(0, -1) : run;
  const lines = quote.reduce((sum, block) => sum + block.lines.length, 0);
  return quote.length > 0 && quote.every(larger) && lines >= 2 && /[.!?…»"]$/.test(run.at(-1)!.text.trim());
}

/**
 * A box of key figures floated beside the text (big numbers, their labels set smaller): the text
 * that runs on under the box is read after it. After the last figure and its label, the blocks
 * set in the body's type go back to the text rubrique the box interrupted (the last one before
 * it), and those set larger (a pull-quote running on from the page before) to the testimony.
 * Only where the sizes are known (PDF), and only body text: a label is never moved.
 * @param figures The figures' rubrique (changed in place).
 * @param rubriques The project's rubriques, in order (changed in place).
 */
export function returnRunOnAfterFigures(figures: Rubrique, rubriques: readonly Rubrique[]): void {
  const blocks = figures.blocks;
  let last = -1;
  // A values column read as one block (« 11 » / « 21 », a table's) is figures too.
  blocks.forEach((block, i) => {
    if (isStandaloneFigure(block.text) || (block.lines.length >= 2 && block.lines.every((line) => isStandaloneFigure(line.text)))) last = i;
  });
  if (last < 0 || last + 2 >= blocks.length) return;
  const sizes = (block: Block): (number | null)[] => block.lines.map((line) => line.size);
  const label = blocks[last + 1]!;
  const body = (block: Block): boolean => block.lines.every((line) => line.bold === false) && sizes(block).every((size) => size !== null && Math.abs(size - 1) <= 0.03);
  const larger = (block: Block): boolean => block.lines.every((line) => line.bold === false) && sizes(block).every((size) => size !== null && size >= 1.04);
  if (body(label) || larger(label)) return;
  const at = rubriques.indexOf(figures);
  const before = rubriques.slice(0, at).reverse().find((rubrique) => TEXT_RUBRIQUES.includes(rubrique.key));
  const testimony = rubriques.find((rubrique) => rubrique.key === 'temoignage');
  const runOn = blocks.slice(last + 2);
  if (!runOn.every((block) => (body(block) && before) || (larger(block) && testimony))) return;
  blocks.splice(last + 2);
  for (const block of runOn) (body(block) ? before! : testimony!).blocks.push(block);
}

/**
 * A pull-quote floated in a margin that runs on to the next page is read there before the body:
 * a text rubrique's blocks opening a page after the testimony's last one, set in the quote's type
 * (larger than the body in a regular face, with smaller lines between: its questions or its
 * signature), one at least larger, go back to the testimony. Only where the sizes are known (PDF).
 * @param rubrique A text rubrique (changed in place).
 * @param testimony The testimony (changed in place).
 */
export function returnPullQuoteRunOn(rubrique: Rubrique, testimony: Rubrique): void {
  const lastPage = testimony.blocks.at(-1)?.page ?? null;
  if (lastPage === null) return;
  const sizes = (block: Block): (number | null)[] => block.lines.map((line) => line.size);
  const regular = (block: Block): boolean => block.kind === 'paragraph' && block.lines.every((line) => line.bold === false);
  const larger = (block: Block): boolean => regular(block) && sizes(block).every((size) => size !== null && size >= 1.04);
  const smaller = (block: Block): boolean => regular(block) && sizes(block).every((size) => size !== null && size <= 0.95) && block.text.length < 120;
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
    return;
  }
}

/** A paragraph of running text (not a name, a role or a label). */
/** Whether the last text rubrique before `index` (past team and tutor rubriques) ends without closing its sentence. */
function stopsMidSentence(rubriques: readonly Rubrique[], index: number): boolean {
  let k = index - 1;
  while (k >= 0 && (rubriques[k]!.key === 'auteurs' || rubriques[k]!.key === 'tuteurs')) k--;
  const text = rubriques[k]?.blocks.at(-1)?.text.trim() ?? '';
  return text !== '' && !/[.!?:;»)"…]$/.test(text);
}

function isProse(block: Block): boolean {
  const text = block.text.trim();
  return text.length > 120 || (text.length > 50 && /[.!?]$/.test(text));
}

/** The fewest figures, each alone over its label, that make a run of key figures with no heading (one alone may be a date or a count in the text). */
const MIN_APPENDED_FIGURES = 2;

/**
 * The longest label of a key figure, in characters: the family's run to a few sentences (the
 * longest about 520); what makes a run of figures is the « figure alone, then its label » pairs.
 */
const MAX_FIGURE_LABEL = 600;

/**
 * Where the key figures appended to a rubrique start: the first run of figures set alone (« 26 »,
 * « +18 % »), each followed by one short label block, at least `MIN_APPENDED_FIGURES` long and
 * after some text. What follows the run goes with it (a box printed with the figures; the text
 * that ran on under them goes back by `returnRunOnAfterFigures`). `-1` without such a run.
 */
function appendedFiguresStart(blocks: readonly Block[]): number {
  const pairsFrom = (start: number): number => {
    let pairs = 0;
    while (start + 2 * pairs + 1 < blocks.length && isStandaloneFigure(blocks[start + 2 * pairs]!.text) && isFigureLabel(blocks[start + 2 * pairs + 1]!)) pairs++;
    return pairs;
  };
  for (let start = 1; start < blocks.length; start++) if (pairsFrom(start) >= MIN_APPENDED_FIGURES) return start;
  return -1;
}

/** A key figure's label: short, not a figure itself, not a heading-like line alone in capitals. */
function isFigureLabel(block: Block): boolean {
  const text = block.text.trim();
  return text.length > 0 && text.length <= MAX_FIGURE_LABEL && !isStandaloneFigure(text) && !text.includes('@') && /\p{Ll}/u.test(text);
}

/**
 * Key figures appended to the rubrique before them, with no heading of their own (`rule:
 * appended-figures`): when no rubrique is the figures', a run of at least two figures set alone,
 * each over its label, in a text rubrique or the testimony becomes the figures rubrique, after that
 * one, with what follows it.
 */
function liftAppendedFigures(result: Rubrique[], where: { projet: number; page?: number }, diagnostics: Diagnostic[]): void {
  if (result.some((rubrique) => rubrique.key === 'chiffres')) return;
  for (const [i, rubrique] of result.entries()) {
    if (!TEXT_RUBRIQUES.includes(rubrique.key) && rubrique.key !== 'temoignage') continue;
    const at = appendedFiguresStart(rubrique.blocks);
    if (at < 0) continue;
    const figures = rubrique.blocks.splice(at);
    result.splice(i + 1, 0, { key: 'chiffres', heading: '', page: figures[0]!.page, blocks: figures });
    diagnostics.push({
      code: 'FIGURES_WITHOUT_HEADING',
      severity: 'info',
      ...where,
      ...(figures[0]!.page !== null ? { page: figures[0]!.page } : {}),
      message: `Projet ${String(where.projet).padStart(2, '0')} : chiffres clés sans titre, lus à la suite de la rubrique « ${rubrique.heading || rubrique.key} » (chiffres seuls, chacun sur son libellé, à partir de « ${figures[0]!.text.trim()} »).`,
    });
    return;
  }
}

/** A sentence's end: a full stop, a question or exclamation mark, an ellipsis, a closing quote. */
const SENTENCE_END = /[.!?…»"”)]$/u;

/**
 * The end of a sentence read away from its start (`rule: cut-sentence`): text frames threaded
 * across columns or pages cut a paragraph between words, and the reading order may put the rest
 * elsewhere. A paragraph that opens in lower case after a finished sentence is the rest of the
 * one paragraph of the text that stops mid-sentence, when that one ends its rubrique: it is joined
 * to it. With no such paragraph, or more than one, nothing moves.
 */
function rejoinCutSentence(rubriques: readonly Rubrique[]): void {
  const texts = rubriques.filter((rubrique) => TEXT_RUBRIQUES.includes(rubrique.key));
  const stopsMidSentence = (block: Block): boolean => block.kind === 'paragraph' && /[\p{L},]$/u.test(block.text.trim());
  for (const rubrique of texts) {
    const at = rubrique.blocks.findIndex((block, i) => block.kind === 'paragraph' && /^\p{Ll}/u.test(block.text.trim()) && i > 0 && SENTENCE_END.test(rubrique.blocks[i - 1]!.text.trim()));
    if (at < 0) continue;
    // Every paragraph of the text that stops mid-sentence: the rest goes only to the one there is.
    const cut = texts.flatMap((other) => other.blocks.filter((block) => block !== rubrique.blocks[at] && stopsMidSentence(block)));
    const owner = texts.find((other) => other.blocks.at(-1) === cut[0]);
    if (cut.length !== 1 || !owner) continue;
    const [rest] = rubrique.blocks.splice(at, 1);
    owner.blocks[owner.blocks.length - 1] = { ...cut[0]!, lines: [...cut[0]!.lines, ...rest!.lines], text: `${cut[0]!.text.trim()} ${rest!.text.trim()}` };
    return;
  }
}

/** A tutor's card on one line, « NOM Prénom – fonction »: a name, a dash, the role. */
function isDashCard(block: Block): boolean {
  const first = block.lines[0];
  return first !== undefined && /\s[–—-]\s/u.test(first.text) && splitNameAndRole(first).length === 2;
}

/**
 * Tutors' cards read under the next heading (`rule: cards-after-empty-tutors`): a sidebar holding
 * the tutors' heading and their one-line cards (« NOM Prénom – fonction ») read with a body heading
 * between them. When the tutors' heading has nothing under it, the cards that open the next
 * rubrique go back under it.
 */
function returnCardsToEmptyTutors(rubriques: readonly Rubrique[]): void {
  const at = rubriques.findIndex((rubrique) => rubrique.key === 'tuteurs');
  const tutors = rubriques[at];
  const next = rubriques[at + 1];
  if (!tutors || !next || tutors.blocks.length > 0) return;
  let count = 0;
  while (count < next.blocks.length && isDashCard(next.blocks[count]!)) count++;
  tutors.blocks.push(...next.blocks.splice(0, count));
}

/** A signature's or a card's name, folded: the text before its comma. */
function signedName(text: string): string {
  return foldForMatch(text.slice(0, Math.max(text.indexOf(','), 0))).replace(/[^A-Z]/g, '');
}

/**
 * The testimony's signature read after the tutors' cards (`rule: signature-after-cards`): a
 * sidebar of tutors read between the quote and its signature (the quote's column goes on on the next
 * page). A block after the cards that signs with the name of a tutor printed on an earlier card
 * (« Agnès Tisserand, directrice… » after « Agnès TISSERAND, Directrice… ») is the same person
 * signing: it goes to the end of the testimony, when that does not end with a signature already.
 */
function returnSignatureToTestimony(rubriques: readonly Rubrique[]): void {
  const tutors = rubriques.find((rubrique) => rubrique.key === 'tuteurs');
  const testimony = rubriques.find((rubrique) => rubrique.key === 'temoignage');
  const last = testimony?.blocks.at(-1);
  if (!tutors || !testimony || last === undefined || isSignature(last.text)) return;
  const at = tutors.blocks.findIndex((block, i) => i > 0 && isSignature(block.text) && block.page !== tutors.blocks[i - 1]!.page && tutors.blocks.slice(0, i).some((card) => signedName(card.text) !== '' && signedName(card.text) === signedName(block.text)));
  if (at < 0) return;
  testimony.blocks.push(...tutors.blocks.splice(at, 1));
}

/** Moves team blocks, interleaved sidebar cards and unlabelled tutor cards to where their shape says they belong. */
function moveByShape(
  headingBlocks: Block[],
  rubriques: Rubrique[],
  vocabulary: Vocabulary,
  where: { projet: number; page?: number },
  diagnostics: Diagnostic[],
  boxes: readonly { readonly blocks: Block[] }[] = [],
): { headingBlocks: Block[]; rubriques: Rubrique[] } {
  let authors = rubriques.find((rubrique) => rubrique.key === 'auteurs');
  const stray: Block[] = [];
  const take = (list: Block[], test: (block: Block) => boolean): Block[] => {
    const kept = list.filter((block) => !test(block));
    stray.push(...list.filter(test));
    return kept;
  };
  const isTeam = (block: Block): boolean => isTeamBlock(block, vocabulary);
  // With a team block go the cells a table printed apart: its header row, a name cell before it.
  const teamOf = (list: readonly Block[]): ((block: Block) => boolean) => {
    const moving = new Set<Block>();
    list.forEach((block, i) => {
      if (!isTeam(block)) return;
      moving.add(block);
      for (let k = i - 1; k >= 0 && !moving.has(list[k]!) && (isNamePart(list[k]!.text) || isHeaderRow(list[k]!, vocabulary)) && !list[k]!.text.includes('@'); k--) {
        if (vocabulary.rubriqueOf(list[k]!.text) !== null) break;
        moving.add(list[k]!);
      }
    });
    return (block) => moving.has(block);
  };
  const title = take(headingBlocks, teamOf(headingBlocks));
  for (const rubrique of rubriques) {
    if (rubrique.key === 'auteurs') continue;
    rubrique.blocks.splice(0, rubrique.blocks.length, ...take(rubrique.blocks, teamOf(rubrique.blocks)));
  }
  // A box closing the text may be followed by the team with no heading between them.
  for (const box of boxes) box.blocks.splice(0, box.blocks.length, ...take(box.blocks, teamOf(box.blocks)));
  const result = [...rubriques];
  if (stray.length > 0) {
    if (!authors) {
      authors = { key: 'auteurs', heading: '', page: stray[0]!.page, blocks: [] };
      result.unshift(authors);
    }
    authors.blocks.push(...stray);
  }
  // What a second column put after the team belongs to the empty rubrique printed just before it.
  if (authors) {
    const at = result.indexOf(authors);
    const before = result[at - 1];
    const lastTeam = authors.blocks.reduce((last, block, i) => (isTeam(block) ? i : last), -1);
    const tail = authors.blocks.slice(lastTeam + 1);
    if (before && before.blocks.length === 0 && lastTeam >= 0 && tail.length > 0 && tail.every((block) => !isNamePart(block.text) && !block.text.includes('@'))) {
      authors.blocks.splice(lastTeam + 1);
      before.blocks.push(...tail);
    }
    // So does what a margin put before the team when two headings there ran into each other.
    const firstTeam = authors.blocks.findIndex(isTeam);
    const head = authors.blocks.slice(0, Math.max(firstTeam, 0));
    if (before && before.blocks.length === 0 && head.length > 0 && head.every((block) => !isNamePart(block.text) && !block.text.includes('@') && !isHeaderRow(block, vocabulary))) {
      authors.blocks.splice(0, head.length);
      before.blocks.push(...head);
    }
  }
  // Tutors' cards under the team with no label of their own.
  if (authors && !result.some((rubrique) => rubrique.key === 'tuteurs')) {
    const lastTeam = authors.blocks.reduce((last, block, i) => (isTeam(block) ? i : last), -1);
    const after = authors.blocks.slice(lastTeam + 1);
    if (lastTeam >= 0 && after.length > 0 && meaningOf(after, vocabulary, ['auteurs']) === 'tuteurs') {
      authors.blocks.splice(lastTeam + 1);
      result.splice(result.indexOf(authors) + 1, 0, { key: 'tuteurs', heading: '', page: after[0]!.page, blocks: after });
    }
  }
  liftAppendedFigures(result, where, diagnostics);
  // A testimony printed as a pull-quote, with no heading: a quote and its signature ending a text rubrique.
  if (!result.some((rubrique) => rubrique.key === 'temoignage')) {
    for (const [i, rubrique] of result.entries()) {
      if (!TEXT_RUBRIQUES.includes(rubrique.key)) continue;
      const at = pullQuoteStart(rubrique.blocks);
      if (at <= 0) continue;
      // The rule beside a pull-quote indents it: its blocks are paragraphs, not list items.
      const quote = rubrique.blocks.splice(at).map((block): Block => (block.kind === 'listItem' ? { ...block, kind: 'paragraph' } : block));
      result.splice(i + 1, 0, { key: 'temoignage', heading: '', page: quote[0]!.page, blocks: quote });
      if (!/^[«“"]/.test(quote[0]!.text.trim()) && !isSignature(quote[0]!.text) && !isSignature(quote.at(-1)!.text)) {
        diagnostics.push({
          code: 'TESTIMONY_BY_TYPE',
          severity: 'info',
          ...where,
          ...(quote[0]!.page !== null ? { page: quote[0]!.page } : {}),
          message: `Projet ${String(where.projet).padStart(2, '0')} : témoignage sans titre, sans guillemets ni signature, reconnu à sa typographie (texte plus grand que le corps en fin de rubrique « ${rubrique.heading || rubrique.key} ») : « ${quote[0]!.text.trim().slice(0, 60)}… ».`,
        });
      }
      break;
    }
  }
  // A sidebar's tutor card that the reading order put among the body's paragraphs, or after the
  // team (a card read with the heading beside it, the heading lifted out).
  const tutors = result.find((rubrique) => rubrique.key === 'tuteurs');
  if (tutors) {
    for (const rubrique of result) {
      if (rubrique === tutors) continue;
      const lastTeam = rubrique.key === 'auteurs' ? rubrique.blocks.reduce((last, block, i) => (isTeam(block) ? i : last), -1) : -1;
      if (!TEXT_RUBRIQUES.includes(rubrique.key) && lastTeam < 0) continue;
      const cards = rubrique.blocks.filter((block, i) => i > lastTeam && isSidebarCard(block));
      if (cards.length === 0) continue;
      rubrique.blocks.splice(0, rubrique.blocks.length, ...rubrique.blocks.filter((block) => !cards.includes(block)));
      tutors.blocks.push(...cards);
    }
  }
  returnSignatureToTestimony(result);
  returnCardsToEmptyTutors(result);
  rejoinCutSentence(result);
  // Text that ran on under a box of figures floated beside it comes after the box: it goes back.
  for (const rubrique of result) if (rubrique.key === 'chiffres') returnRunOnAfterFigures(rubrique, result);
  const testimony = result.find((rubrique) => rubrique.key === 'temoignage');
  if (testimony) for (const rubrique of result) if (TEXT_RUBRIQUES.includes(rubrique.key)) returnPullQuoteRunOn(rubrique, testimony);
  // Text that ran on under a sidebar of tutors (a float) comes after the cards: it goes back to the
  // text rubrique the sidebar interrupted.
  result.forEach((rubrique, i) => {
    // The sidebar may hold the team above the tutors, or one labelled card per tutor when the text
    // before the cards stops mid-sentence (cards printed after the text end it): the interrupted
    // rubrique is before them all.
    let k = i - 1;
    while (k >= 0 && (result[k]!.key === 'auteurs' || (result[k]!.key === 'tuteurs' && stopsMidSentence(result, k)))) k--;
    const before = result[k];
    if (rubrique.key !== 'tuteurs' || !before || !TEXT_RUBRIQUES.includes(before.key)) return;
    const firstProse = rubrique.blocks.findIndex(
      (block, j) => j > 0 && (isProse(block) || (block.lines.every((line) => line.bold === false) && (isProse(rubrique.blocks[j + 1] ?? block) || block.page !== rubrique.page))),
    );
    if (firstProse <= 0) return;
    const runOn = rubrique.blocks.splice(firstProse);
    before.blocks.push(...runOn);
  });
  return { headingBlocks: title, rubriques: result };
}
