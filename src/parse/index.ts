/**
 * Parse stage: reads the fields of one project from its blocks, as printed.
 *
 * The project page is: number, title, organisation, then rubriques each announced by a heading
 * (« LES AUTEURS », « TUTRICE AU SEIN DE LA COLLECTIVITÉ », « CONTEXTE », …). Rubriques may come in
 * any order; a heading printed twice appends to the same rubrique.
 */
import { joinLines, sentenceGoesOn } from '../extract/lines.js';
import { DEFAULT_VOCABULARY, foldForMatch, type Vocabulary } from '../profile.js';
import { isBodyRubrique } from '../text-rubriques.js';
import type { Block, Diagnostic, ParsedProject, ProjectBlock, RubriqueKey, SommaireEntry, TextLine } from '../types.js';
import { parseFigures } from './chiffres.js';
import { parseTutorCards, readAuthorCards } from './people.js';
import { renderRubrique, withoutListMarks } from './render.js';
import { splitRubriques } from './rubriques.js';
import { hasCapitalsInARow, hasLowerCase, latin, startsInLowerCase } from '../alphabet.js';

export { looksLikeName } from './people.js';
export { continuesParagraph, renderRubrique } from './render.js';

/** A list's bullet opening a line. */
const BULLET = /^\s*[•▪■◦●]/;

/** A printed web address in a reference. */
const URL_IN_TEXT = /\b((?:https?:\/\/|www\.)[^\s<>»"]+[^\s<>»".,;:)])/i;

/**
 * Reads one project's fields.
 * @param project The project's blocks from the segment stage.
 * @param vocabulary The family's words (the shipped profile when omitted).
 * @param entry The project's sommaire entry, when the sommaire lists it: its last line tells the
 * collectivité under a title the body printed in one block with it.
 * @returns The fields as printed, with the anomalies met.
 */
export function parseProject(project: ProjectBlock, vocabulary: Vocabulary = DEFAULT_VOCABULARY, entry?: SommaireEntry): ParsedProject {
  const isCaption = (text: string): boolean => vocabulary.isCaption(text);
  const diagnostics: Diagnostic[] = [];
  const where = { projet: project.numero, ...(project.heading.page !== null ? { page: project.heading.page } : {}) };
  const { headingBlocks, rubriques, unknown, cuts, diagnostics: splitDiagnostics } = splitRubriques(project.blocks, vocabulary, where);
  diagnostics.push(...splitDiagnostics);
  const { titre, collectivite } = readTitle(headingBlocks, entry);
  const blocksOf = (key: RubriqueKey): Block[] | null => {
    const found = rubriques.filter((rubrique) => rubrique.key === key);
    return found.length === 0 ? null : found.flatMap((rubrique) => rubrique.blocks);
  };
  const encadres: { titre: string | null; texte: string }[] = [];
  for (const box of unknown) encadres.push({ titre: box.heading.trim(), texte: renderRubrique(box.blocks.filter((block) => !isCaption(block.text))) ?? '' });
  const textOf = (key: RubriqueKey): string | null => {
    const blocks = blocksOf(key);
    if (blocks === null) return null;
    const { kept, boxes } = splitInfographics(blocks.filter((block) => !isCaption(block.text)));
    encadres.push(...boxes);
    return renderRubrique(kept);
  };

  const { cards: auteurs, pairings } = readAuthorCards(blocksOf('auteurs') ?? [], vocabulary.teamTableHeaders, vocabulary.emailDomains);
  const hasText = rubriques.some((rubrique) => isBodyRubrique(rubrique.key) && rubrique.blocks.length > 0);
  if (!hasText && !auteurs.some((card) => card.details.length > 0) && !project.fromSommaireOnly) {
    // Neither an author's e-mail nor any body rubrique: this is not a readable project page.
    throw new Error('ni adresse d’auteur ni rubrique CONTEXTE / PROBLÉMATIQUE / DES CLÉS POUR AGIR sous le numéro');
  }
  if (titre === '') diagnostics.push({ code: 'TITLE_MISSING', severity: 'warning', ...where, message: `Projet ${pad(project.numero)} : aucun titre n’a été lu sous le numéro.` });

  const figureBlocks = (blocksOf('chiffres') ?? []).filter((block) => !isCaption(block.text));
  const { figures, box } = parseFigures(figureBlocks);
  if (box && box.blocks.length > 0) encadres.push({ titre: box.titre, texte: renderRubrique(box.blocks) ?? '' });
  const testimony = splitTrailingBox(blocksOf('temoignage'));
  if (testimony.box) encadres.push(testimony.box);

  const contexte = textOf('contexte');
  const problematique = textOf('problematique');
  const clesPourAgir = textOf('clesPourAgir');

  const pages = project.blocks.map((block) => block.page).filter((page): page is number => page !== null);
  if (project.heading.page !== null) pages.push(project.heading.page);

  return {
    numero: project.numero,
    section: project.section,
    titre,
    collectivite,
    auteurs,
    pairings,
    tuteurLabel: rubriques.find((rubrique) => rubrique.key === 'tuteurs')?.heading || null,
    tuteurs: parseTutorCards(blocksOf('tuteurs') ?? []),
    contexte,
    problematique,
    clesPourAgir,
    temoignage: testimony.blocks === null ? null : renderRubrique(testimony.blocks.filter((block) => !isCaption(block.text))),
    chiffres: figures,
    allerPlusLoin: withoutListNumbers(joinReferencePieces(referencePiecesOf((blocksOf('allerPlusLoin') ?? []).filter((block) => !isCaption(block.text)))))
      .map((texte) => ({ texte, url: URL_IN_TEXT.exec(texte)?.[1] ?? null })),
    encadres,
    rubriques: rubriques.map((rubrique) => ({
      key: rubrique.key,
      heading: rubrique.heading,
      page: rubrique.page,
      empty: rubrique.blocks.every((block) => isCaption(block.text)),
    })),
    pages: pages.length > 0 ? { debut: Math.min(...pages), fin: Math.max(...pages) } : null,
    diagnostics,
    rubriqueCuts: cuts,
  };
}

/** How many short label lines in a row make an infographic rather than prose. */
const INFOGRAPHIC_MIN_ITEMS = 8;

/**
 * An infographic set inside a rubrique's column (a title in capitals, then many short label
 * lines such as « UN HOMME à 78,4 % ») is a box, not prose: it goes to `encadres`.
 */
function splitInfographics(blocks: readonly Block[]): { kept: Block[]; boxes: { titre: string; texte: string }[] } {
  const isShortLabel = (block: Block): boolean => block.kind === 'paragraph' && block.text.length < 100 && !/[.:;!?»]$/.test(block.text);
  const kept: Block[] = [];
  const boxes: { titre: string; texte: string }[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const title = block.text.trim();
    if (block.kind === 'paragraph' && title.length <= 60 && /\s/.test(title) && !hasLowerCase(title)) {
      let end = i + 1;
      while (end < blocks.length && isShortLabel(blocks[end]!)) end++;
      if (end - i - 1 >= INFOGRAPHIC_MIN_ITEMS) {
        boxes.push({ titre: title, texte: blocks.slice(i + 1, end).map((b) => b.text).join('\n\n') });
        i = end - 1;
        continue;
      }
    }
    kept.push(block);
  }
  return { kept, boxes };
}

/**
 * A box printed after the testimony (an event poster) is not part of it: it starts with a line
 * set wholly in capitals ("& DES HAUTS DÉBATS") once the quote has begun.
 */
function splitTrailingBox(blocks: Block[] | null): { blocks: Block[] | null; box: { titre: string; texte: string } | null } {
  if (blocks === null) return { blocks, box: null };
  const start = blocks.findIndex((block, i) => {
    const first = block.lines[0]?.text.trim() ?? '';
    return i > 0 && block.kind === 'paragraph' && /\s/.test(first) && !hasLowerCase(first) && hasCapitalsInARow(first);
  });
  if (start < 0) return { blocks, box: null };
  const boxBlocks = blocks.slice(start);
  const [head, ...rest] = boxBlocks[0]!.lines;
  const firstRest = rest.length > 0 ? [{ ...boxBlocks[0]!, lines: rest, text: rest.map((line) => line.text).join(' ') }] : [];
  return {
    blocks: blocks.slice(0, start),
    box: { titre: head!.text.trim(), texte: renderRubrique([...firstRest, ...boxBlocks.slice(1)]) ?? '' },
  };
}

/**
 * Title and organisation: set apart by weight when the input tells it (title bold, organisation
 * regular), else the last block under the number is the organisation, once the collectivité the
 * sommaire prints as its entry's last line is parted from title lines run into its block.
 */
function readTitle(printed: readonly Block[], entry?: SommaireEntry): { titre: string; collectivite: string } {
  const blocks = splitCollectiviteLine(printed.flatMap(splitAtWeight), entry);
  const known = blocks.filter((block) => block.lines.some((line) => line.bold !== null));
  const boldBlocks = blocks.filter((block) => block.lines.every((line) => line.bold === true));
  if (known.length === blocks.length && boldBlocks.length > 0 && boldBlocks.length < blocks.length) {
    const isTitle = (block: Block): boolean => boldBlocks.includes(block);
    return { titre: joinText(blocks.filter(isTitle)), collectivite: joinText(blocks.filter((block) => !isTitle(block))) };
  }
  if (blocks.length === 0) return { titre: '', collectivite: '' };
  if (blocks.length === 1) return { titre: blocks[0]!.text, collectivite: '' };
  return { titre: joinText(blocks.slice(0, -1)), collectivite: blocks.at(-1)!.text };
}

/**
 * The title's last block parted before the collectivité's lines when the project's sommaire entry
 * ends with the same lines (`collectivite-line-of-entry`): the title is printed twice and wraps
 * differently each time, the collectivité is set on lines of its own in both (« … ÉVOLUTIONS EN » /
 * « PERSPECTIVE COMPARÉE » / « VILLE DE NULLEPART » in the sommaire, « … GOUVERNANCE : » /
 * « ÉVOLUTIONS EN PERSPECTIVE COMPARÉE » / « VILLE DE NULLEPART » under the number). The lines both
 * printings end with, up to the first that differs, are the collectivité; printings that are the
 * same line for line say nothing of where the title ends, and the family's order decides: the last
 * line. A converter that sets no blank line between title and collectivité runs both into one
 * block, which would read no collectivité.
 */
function splitCollectiviteLine(blocks: readonly Block[], entry?: SommaireEntry): Block[] {
  const last = blocks.at(-1);
  if (!last || !entry || last.lines.some((line) => line.bold !== null)) return [...blocks];
  const printed = last.lines.map((line) => foldForMatch(line.text));
  const announced = entry.lines.map((line) => foldForMatch(line.text));
  let shared = 0;
  while (shared < printed.length && shared < announced.length && printed[printed.length - 1 - shared] === announced[announced.length - 1 - shared]) shared++;
  if (shared === 0 || printed.length < 2) return [...blocks];
  // The block is the same lines as the whole entry: the last one is the collectivité, as the last
  // block is when they are apart. The block is only the entry's last lines: it is the collectivité.
  if (shared === printed.length && shared === announced.length) shared = 1;
  else if (shared >= printed.length || shared >= announced.length) return [...blocks];
  return [...blocks.slice(0, -1), withLines(last, last.lines.slice(0, -shared)), withLines(last, last.lines.slice(-shared))];
}

/**
 * A block whose bold lines are followed by regular ones (a title set close above its
 * organisation) as two blocks, one per weight; other blocks as they are.
 */
function splitAtWeight(block: Block): Block[] {
  const at = block.lines.findIndex((line) => line.bold !== true);
  if (at <= 0 || !block.lines.slice(at).every((line) => line.bold === false)) return [block];
  return [withLines(block, block.lines.slice(0, at)), withLines(block, block.lines.slice(at))];
}

/** A block cut to some of its lines, its text theirs. */
function withLines(block: Block, lines: readonly TextLine[]): Block {
  return { ...block, lines, text: lines.map((line) => line.text.trim()).join(' ') };
}

/** Relative sizes closer than this are one type (the lines of one paragraph). */
const SAME_SIZE = 0.05;

/**
 * The references of « Aller plus loin », each with the block it was read from: a block cut into
 * the references it runs together, the list marks a converter wrote apart removed.
 */
function referencePiecesOf(blocks: readonly Block[]): ReferencePiece[] {
  const pieces = blocks.flatMap((block) => referencesOf(block).map((text) => ({ text: withoutListMarks(text), block })));
  return pieces.filter((piece) => piece.text !== '');
}

/** A reference's text with the block it was read from (the last one, once pieces are joined). */
interface ReferencePiece {
  readonly text: string;
  readonly block: Block;
}

/** The passes that join a reference's pieces cut apart by the reading, in order (each names its rule). */
const REFERENCE_JOINS: readonly { readonly name: string; readonly join: (pieces: readonly ReferencePiece[]) => ReferencePiece[] }[] = [
  { name: 'reference-goes-on', join: joinBrokenReferences },
  { name: 'reference-cut-at-break', join: joinReferencesCutAtBreak },
];

/** The references, one per printed item: the pieces joined by each pass of `REFERENCE_JOINS` in turn. */
function joinReferencePieces(pieces: readonly ReferencePiece[]): string[] {
  return REFERENCE_JOINS.reduce((joined, pass) => pass.join(joined), pieces).map((piece) => piece.text);
}

/** Two pieces as one reference: the text joined, the later block kept (a third piece is judged against it). */
function joinedPiece(previous: ReferencePiece, piece: ReferencePiece): ReferencePiece {
  return { text: joinLines([previous.text, piece.text]), block: piece.block };
}

/**
 * A reference broken over lines read as blocks (a narrow column, a column or page break): a block
 * starting in lower case continues the one before it, unless that one ended a sentence or on its
 * web address. Where the type is known (PDF) and both blocks are set alike, a block also continues
 * the one before when that one stops on a short word in lower case (« … la vocation même du » /
 * « Service Innovation, … ») or on a word cut at a hyphen (`sentenceGoesOn`): converter text may
 * run two references' lines into each other, and only the type says they are one text.
 * `rule: reference-goes-on`
 */
function joinBrokenReferences(pieces: readonly ReferencePiece[]): ReferencePiece[] {
  const out: ReferencePiece[] = [];
  for (const piece of pieces) {
    const previous = out.at(-1);
    const before = previous?.text.trim() ?? '';
    const text = piece.text.trim();
    const startsLower = startsInLowerCase(text) && !/[.!?]$/.test(before);
    const goesOn = previous !== undefined && (startsLower || (setAlike(previous.block, piece.block) && sentenceGoesOn(before, text)));
    if (previous !== undefined && goesOn && !URL_IN_TEXT.test(previous.text)) {
      out[out.length - 1] = joinedPiece(previous, piece);
      continue;
    }
    out.push(piece);
  }
  return out;
}

/**
 * How a reference of the family opens: a list mark a converter or a layout kept (« — », « • »), a
 * capital, a figure, an opening quote or a web address (« Rapport … », « 2030 : … », « “Vivre …” », « www.… »).
 */
const REFERENCE_OPENING = latin('u')`^(?:[-–—•▪■◦●\p{Lu}\d«"“']|https?:\/\/|www\.)`;

/** Where no reference stops: on a comma, a hyphen or an opening quote or parenthesis (« … ADEME, », « 2018- », « « slowlife »). */
const NO_REFERENCE_STOP = /[,\-«(\[]$/u;

/** How a list's references close when they close alike: on their date (« 2016 », « 2018-2023 »), or on their web address. */
const REFERENCE_CLOSINGS: readonly RegExp[] = [/\b(?:19|20)\d{2}(?:-(?:19|20)\d{2})?[.)]?$/u, /\b(?:https?:\/\/|www\.)\S+$/u];

/**
 * Other references of the list that must all close alike before a piece that does not close so is
 * judged cut: two make a shape the list keeps, one alone may be chance.
 */
const MIN_REFERENCES_SHAPING_THE_LIST = 2;

/**
 * Whether a block was read right after a column or page break from the one before: on a later page,
 * or in another column of the page starting higher up (the column flow going up to the next
 * column's head). Only a PDF's layout says so: converter text has neither pages nor boxes.
 * Higher up than the block before ends, not only than it starts (`rule: next-column-head-level`):
 * a reference whose first lines are alone at a column's head goes on at the next column's head,
 * level with them; a block of the same column always starts under the one before.
 */
function readAcrossBreak(previous: Block, block: Block): boolean {
  if (previous.page === null || block.page === null) return false;
  if (block.page > previous.page) return true;
  if (block.page !== previous.page || !previous.box || !block.box) return false;
  return block.box.column !== previous.box.column && block.box.y < previous.box.y + previous.box.height;
}

/**
 * A reference cut by a column or page break whose two pieces each look like a text of their own
 * (the bullet that opens an item is drawn, not printed, so the text says nothing of it): the piece
 * read across the break continues the one before when it opens as no reference of the family
 * opens (« (PPGID), adopté… », « », il s'agit… ») after a piece that ends no sentence, or when the
 * piece before stops where no reference stops (« … ADEME, », « … 2018- »), or when every other
 * reference of the list closes alike (all on their date, or all on their web address) and so does
 * the piece read across the break, but not the piece before it (« … vers plus de durabilité. » /
 * « ADEME, …, 2016 »): apart, that one would be the only item of the list out of its shape. A piece
 * closing otherwise than the list (« Publications…, www.… » among references closing on their
 * date) is an item of its own.
 * `rule: reference-cut-at-break`
 */
function joinReferencesCutAtBreak(pieces: readonly ReferencePiece[]): ReferencePiece[] {
  const out: ReferencePiece[] = [];
  pieces.forEach((piece, index) => {
    const previous = out.at(-1);
    if (previous === undefined || !readAcrossBreak(previous.block, piece.block) || URL_IN_TEXT.test(previous.text)) {
      out.push(piece);
      return;
    }
    const before = previous.text.trim();
    const text = piece.text.trim();
    const others = pieces.filter((_, other) => other !== index && other !== index - 1).map((other) => other.text.trim());
    const opensNoReference = !REFERENCE_OPENING.test(text) && !/[.!?]$/.test(before);
    const stopsNoReference = NO_REFERENCE_STOP.test(before);
    const listShape = others.length >= MIN_REFERENCES_SHAPING_THE_LIST ? REFERENCE_CLOSINGS.find((closing) => others.every((other) => closing.test(other))) : undefined;
    const closesTheList = listShape !== undefined && !listShape.test(before) && listShape.test(text);
    if (opensNoReference || stopsNoReference || closesTheList) out[out.length - 1] = joinedPiece(previous, piece);
    else out.push(piece);
  });
  return out;
}

/** Whether a block's last line and the next block's first line are set in one known type (size and weight). */
function setAlike(block: Block, next: Block): boolean {
  const last = block.lines.at(-1);
  const first = next.lines[0];
  if (last?.size == null || first?.size == null || last.bold === null || first.bold === null) return false;
  return Math.abs(last.size - first.size) <= SAME_SIZE && last.bold === first.bold;
}

/**
 * The references of one block. Converter text without blank lines (`pdftotext`, its bullets lost)
 * runs a list's references into one block of unstyled lines: a line opens a reference unless its
 * words go on the sentence of the line before. A block with a style read is one reference.
 */
function referencesOf(block: Block): string[] {
  const unstyled = block.lines.every((line) => line.size === null && line.bold === null);
  // Bullets kept (mutool writes each on a line of its own) mark the references themselves.
  const bulleted = block.lines.some((line) => BULLET.test(line.text));
  if (block.kind !== 'paragraph' || !unstyled || bulleted) return [block.text];
  const references: string[][] = [];
  for (const { text } of block.lines) {
    const current = references.at(-1);
    if (current && sentenceGoesOn(current.at(-1)!.trim(), text.trim())) current.push(text);
    else references.push([text]);
  }
  return references.map((lines) => joinLines(lines)).flatMap(splitRunTogetherReferences);
}

/**
 * Where one reference ends and the next opens in a line that runs them together (markdown
 * converters join a list's lines with a space): the family's references end on their date
 * (« déc. 2015 », « 2018-2023 »), a closing parenthesis or a web address, and the next opens with
 * a capital.
 */
const REFERENCE_BOUNDARY = latin('gu')`(?<=\b(?:19|20)\d{2}(?:-(?:19|20)\d{2})?|\)|\b(?:https?:\/\/|www\.)\S+) (?=\p{Lu})`;

/** Characters of a reference at least: a publisher or a place after a date (« Ville de Rennes ») is shorter, and stays with it. */
const MIN_REFERENCE_CHARACTERS = 20;

/** A line of converter text cut into the references it runs together (see `REFERENCE_BOUNDARY`). */
function splitRunTogetherReferences(text: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (const boundary of text.matchAll(REFERENCE_BOUNDARY)) {
    const piece = text.slice(start, boundary.index);
    if (piece.trim().length < MIN_REFERENCE_CHARACTERS || text.length - boundary.index - 1 < MIN_REFERENCE_CHARACTERS) continue;
    parts.push(piece.trim());
    start = boundary.index + 1;
  }
  parts.push(text.slice(start).trim());
  return parts;
}

/**
 * References numbered as a list (« 1. », « 2. »… in order from 1, like footnotes) without their
 * numbers: the number is the list's marker, not the reference's text. Left as they are unless every
 * one is numbered in order.
 * @param texts The references, in order.
 * @returns The same references, list numbers removed.
 */
export function withoutListNumbers(texts: readonly string[]): string[] {
  const numbered = texts.map((text, index) => new RegExp(`^${index + 1}[.)]\\s+(\\S.*)$`, 'su').exec(text.trim())?.[1]);
  return numbered.every((rest) => rest !== undefined) ? (numbered as string[]) : [...texts];
}

function joinText(blocks: readonly Block[]): string {
  return blocks.map((block) => block.text).join(' ');
}

function pad(numero: number): string {
  return String(numero).padStart(2, '0');
}
