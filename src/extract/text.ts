/**
 * Extract adapter for the brochure as a PDF-to-markdown converter printed it.
 *
 * The converter keeps the reading order but adds markup (`**bold**`, `^{er}` superscripts,
 * `[text](#)` links, `<http://…>` autolinks, `\(` escapes, `>` quote markers, HTML `<ul>` inside
 * tab-separated table rows, image placeholder lines). This module removes the markup and cuts the
 * text into the same `Block` stream the PDF adapter gives: a blank line ends a block, a `- ` line
 * starts a list item, a line with tabs is a table row.
 */
import { CAPITALS_CUT_AT_HYPHEN, EDITION, SOMMAIRE_PAGE } from '../conventions.js';
import { BrochureError } from '../errors.js';
import { DEFAULT_VOCABULARY } from '../profile.js';
import type { Block, BlockKind, Diagnostic, ExtractedDocument, TextLine } from '../types.js';
import { joinLines, normaliseLigatures, sentenceGoesOn } from './lines.js';
import { prepareLines, type Dialect } from './text/passes.js';
import { cutAfterPrintedTitles } from './text/titles.js';
import { hasCapital, hasLowerCase, latin, startsInLowerCase, startsWithCapital } from '../alphabet.js';

/** Windows-1252 characters of bytes 0x80-0x9F (Node's decoder treats the label as ISO-8859-1 there). */
const WINDOWS_1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/** Below this share of invalid high bytes, a file is UTF-8 with a few damaged bytes, not Windows-1252. */
const DAMAGED_UTF8_SHARE = 0.1;

/**
 * Decodes the bytes of a text input: UTF-16 with a byte-order mark, UTF-8 (with or without BOM),
 * else Windows-1252. A UTF-8 file with a few invalid bytes stays UTF-8 and is reported.
 * @param bytes Raw file content.
 * @returns The text with `\n` line ends, and what was noticed while decoding.
 */
export function decodeText(bytes: Uint8Array): { text: string; diagnostics: Diagnostic[] } {
  if (bytes.length === 0) throw new BrochureError('EMPTY_INPUT', 'the input file is empty: nothing to extract');
  const diagnostics: Diagnostic[] = [];
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : undefined;
  let text: string;
  if (utf16) {
    // Windows "Unicode" text: its NUL bytes are not binary.
    text = new TextDecoder(utf16).decode(bytes);
  } else {
    text = new TextDecoder('utf-8').decode(bytes);
    const invalid = text.split('\ufffd').length - 1;
    if (invalid > 0) {
      let high = 0;
      for (const byte of bytes) if (byte >= 0x80) high++;
      if (invalid / high >= DAMAGED_UTF8_SHARE) {
        text = Array.from(bytes, (byte) => (byte >= 0x80 && byte <= 0x9f ? WINDOWS_1252_HIGH[byte - 0x80]! : String.fromCharCode(byte))).join('');
        diagnostics.push({ code: 'TEXT_ENCODING', severity: 'info', message: 'Le texte n’est pas en UTF-8 : lu comme Windows-1252 (Latin-1).' });
      } else {
        diagnostics.push({ code: 'TEXT_INVALID_BYTES', severity: 'warning', message: `Le texte UTF-8 contient ${invalid} octet${invalid > 1 ? 's' : ''} invalide${invalid > 1 ? 's' : ''}, remplacé${invalid > 1 ? 's' : ''} par « \ufffd ».` });
      }
    }
  }
  if (text.includes('\u0000')) {
    throw new BrochureError('TEXT_ENCODING', 'the text input contains NUL bytes: it is binary, not converter text (pass the .pdf or a .txt/.md export)');
  }
  return { text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'), diagnostics };
}

/** Inline markup of the converter, in the order it must be removed. */
const INLINE_MARKUP: readonly [RegExp, string][] = [
  [/\^\[\d+\]/g, ''], // footnote call "^[1]": its footnote text is not kept either
  [/\^\{([^{}]*)\}/g, '$1'], // superscript "1^{er}" -> "1er"
  [latin('gu')`\^([\p{L}]+)`, '$1'], // superscript without braces "2^E" -> "2E"
  // No part of a pattern may run over the character that opens the next match ("[", "{", "<"):
  // a line of 300 000 "[" with no "]" is then scanned once, not once per "[" (quadratic).
  [/\[([^[\]]*)\]\([^()[\]]*\)/g, '$1'], // link "[text](#)" -> "text"
  [/<((?:https?|ftp):\/\/[^<>\s]+)>/g, '$1'], // autolink "<http://x>" -> "http://x"
  [/<\/?(?:ul|li|br|p|span|strong|em|b|i)\b[^<>]*>/gi, ' '], // HTML kept inside table cells
  [/\\([()[\]*_#>.-])/g, '$1'], // markdown escapes "\(" -> "("
];

/** A line that is only a key figure: a number, perhaps with a sign, a unit or a short word in capitals. */
const KEY_FIGURE = latin('u')`^[+±~≈<>]?\s?\d[\d\s.,/]*(?:\s?[%€]|\s?\p{Lu}{1,4})?$`;

/** A date on a line of its own, a capitalised word and a year (« Décembre 2019 »): the colophon's publication date. */
const MONTH_YEAR = latin('u')`^\p{Lu}\p{Ll}+ (?:19|20)\d{2}$`;

/** A sommaire entry's number opening a line (« 16/ », « 16/ TITRE »). */
const SOMMAIRE_LINE_START = /^\s*\d{1,2}\s*\/(?:\s|$)/;

/** Characters the converter uses for image placeholders and empty frames. */
const PLACEHOLDER = /^[\s\u00a0\u200b\uf000-\uf8ff]*$/;
const LIST_MARKER = /^\s*(?:[-*+•▪■]|\d+\))?\s*$/;
/**
 * A list item's line: a bullet and a space, or a bullet glyph glued to its item (« •AdCF, … »: some
 * converters drop the tab after it). A hyphen, star or plus glued to what follows is text (« -10 % »).
 */
const BULLET_LINE = /^\s*(?:[-*+•▪■]\s+|[•▪■](?=\S))(.*)$/;

interface RawLine {
  readonly text: string;
  readonly bold: boolean | null;
}

/** What a converter's footnote call prints before its number (« mot^[3] »). */
const FOOTNOTE_MARK = '^[';

/** What a link whose target the converter lost ends with (« [texte](#) »). */
const LOST_LINK_MARK = '](#)';

/**
 * Cuts converter text into blocks.
 * @param text The converter's output, decoded.
 * @param options `dialect`: how blocks are separated, when known (default: told from the text).
 * @returns The block stream (`format: 'text'`, no pages).
 */
export function readText(text: string, options: { readonly dialect?: Dialect } = {}): ExtractedDocument {
  const source = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (source.trim() === '') throw new BrochureError('EMPTY_INPUT', 'the input has no text: nothing to extract');
  const { lines: sourceLines, dialect } = prepareLines(source.split('\n'), options.dialect);
  const blocks: Block[] = [];
  let pending: RawLine[] = [];
  let pendingKind: BlockKind = 'paragraph';
  let boldOpen = false;

  const flush = (): void => {
    if (pending.length > 0) blocks.push(makeBlock(pendingKind, pending));
    pending = [];
    pendingKind = 'paragraph';
  };

  const diagnostics: Diagnostic[] = [];
  const lostLinks: string[] = [];
  for (const rawLine of sourceLines) {
    // Converter artefacts worth a reviewer's look: footnote calls whose note is not kept, links whose target was lost.
    // (Each pattern only on a line holding its marker: tried at every position of every line, the
    // footnote call's 40 characters before it cost more than the rest of the line's reading.)
    if (rawLine.includes(FOOTNOTE_MARK)) {
      for (const call of rawLine.matchAll(/(\S{0,40})\^\[(\d+)\]/g)) {
        diagnostics.push({ code: 'FOOTNOTE', severity: 'info', message: `Appel de note ${call[2]} après « …${call[1]} » : le texte de la note n’est pas repris.` });
      }
    }
    if (rawLine.includes(LOST_LINK_MARK)) for (const link of rawLine.matchAll(/\[([^[\]]{1,200})\]\(#\)/g)) lostLinks.push(link[1]!);
    if (PLACEHOLDER.test(rawLine)) {
      flush();
      boldOpen = false;
      continue;
    }
    if (rawLine.includes('\t')) {
      flush();
      blocks.push(makeBlock('tableRow', [{ text: tableRowText(rawLine), bold: null }]));
      continue;
    }
    // Emphasis: a line is bold when it lies inside `**…**` (which may span lines of a block).
    const { text: unstarred, bold, open } = stripEmphasis(rawLine, boldOpen);
    boldOpen = open;
    const line = cleanInline(unstarred.replace(/^\s*>\s?/, ''));
    if (line === '' || LIST_MARKER.test(line) && line.trim() === '') continue;
    const bullet = BULLET_LINE.exec(line);
    if (bullet) {
      flush();
      pendingKind = 'listItem';
      pending.push({ text: bullet[1]!.trim(), bold });
      continue;
    }
    // A heading the family's profile knows, alone on its line, is a block of its own (`known-heading-alone`).
    if (isKnownHeading(line.trim())) {
      flush();
      pending.push({ text: line.trim(), bold });
      flush();
      continue;
    }
    // The edition (« 2019 / 2020 »), a key figure (« 150 000 ») and a date are blocks of their own, whatever the converter ran them into.
    if (EDITION.test(line.trim()) || KEY_FIGURE.test(line.trim()) || MONTH_YEAR.test(line.trim())) {
      flush();
      pending.push({ text: line.trim(), bold });
      flush();
      continue;
    }
    // A sommaire number (« 16/ », with its title or not) opens a block, a page reference (« / P80 ») is one.
    if (SOMMAIRE_LINE_START.test(line)) flush();
    if (SOMMAIRE_PAGE.test(line.trim())) {
      flush();
      pending.push({ text: line.trim(), bold });
      flush();
      continue;
    }
    // One printed line per line: a line is a block of its own unless it visibly goes on the previous one.
    if (dialect === 'lines' && pending.length > 0 && !continuesBlock(pending, line.trim())) flush();
    // Blank lines that do not part a heading in capitals from the text under it (pdftotext): the change of case does.
    // A short word in capitals after a heading in capitals is the heading's last word (« … DE LOI » / « LOM »): the case is the heading's.
    const cased = lastCasedLine(pending);
    const headingWord = SHORT_CAPITALS_WORD.test(line.trim()) && cased !== undefined && inCapitals(cased.text);
    if (dialect === 'blocks' && cased && !headingWord && inCapitals(cased.text) !== inCapitals(line.trim())) flush();
    pending.push({ text: line.trim(), bold });
  }
  flush();
  if (lostLinks.length > 0) {
    const shown = lostLinks.slice(0, 5).map((link) => `« ${link.replace(/\*+/g, '')} »`).join(', ');
    diagnostics.push({ code: 'LINK_TARGET_LOST', severity: 'info', message: `${lostLinks.length} lien${lostLinks.length > 1 ? 's' : ''} sans adresse (« (#) » du convertisseur) : ${shown}${lostLinks.length > 5 ? '…' : ''}.` });
  }
  return { format: 'text', pageCount: null, blocks: cutAfterPrintedTitles(joinHyphenBreaks(moveLinesOutOfCutSentences(blocks))), diagnostics };
}

/** Characters of a line at most to be read as a heading the profile knows (the longest, « TUTEURS AU SEIN DE LA COLLECTIVITÉ », holds 34). */
const KNOWN_HEADING_MAX_CHARS = 48;

/**
 * A line that is, whole, a heading the family's profile knows: the sommaire's (« SOMMAIRE ») or a
 * rubrique's (« CONTEXTE », « L'ÉQUIPE », « LES CHIFFRES »). A converter sets no blank line between
 * such a heading and a title in capitals printed right above or under it (« SOMMAIRE » over the
 * first section's title, a project's collectivité over « L'ÉQUIPE »), and the change of case that
 * parts other blocks does not part them: the words themselves do. The shipped profile's headings, as
 * the other converter-text passes read it: extraction runs before a user's profile is compiled, and
 * a heading it adds is still found by the later stages, in its block.
 */
function isKnownHeading(line: string): boolean {
  if (line.length > KNOWN_HEADING_MAX_CHARS || !startsWithCapital(line)) return false;
  return DEFAULT_VOCABULARY.isSommaireHeading(line) || DEFAULT_VOCABULARY.rubriqueOf(line) !== null;
}

/**
 * Whether a line goes on the block before, when the converter writes one printed line per line:
 * - it starts in lower case after a line that ends no sentence (an address, e-mail or web, starts
 *   in lower case too but is a line of its own);
 * - the line before ends with a word cut at a hyphen (« dyna- » / « mique », « PROMO- » / « TION »),
 *   or with a short word in lower case (« entre 2020 et » / « 2040 »);
 * - it is in capitals and the block holds a capital word cut at a hyphen: a display heading set in
 *   a narrow box (« PROMO- » / « TION » / « MARIE CURIE »), which the PDF path reads as one block;
 * - it is one word in capitals after one line of capitals that ends no sentence (« PROMOTION
 *   MARIE » / « CURIE », « AGIR ENSEMBLE SUR LES » / « TERRITOIRES »).
 */
function continuesBlock(block: readonly RawLine[], line: string): boolean {
  const previous = block.at(-1)!.text;
  if (sentenceGoesOn(previous, line)) return true;
  const capitals = (text: string): boolean => !hasLowerCase(text) && hasCapital(text);
  if (capitals(line) && block.some((raw) => CAPITALS_CUT_AT_HYPHEN.test(raw.text))) return true;
  // One word in capitals after a line of capitals ending no sentence: the last word of a heading set on two lines.
  return capitals(line) && /^\S+$/.test(line) && block.length === 1 && capitals(previous) && /\s/.test(previous.trim()) && !/[.:;!?]$/.test(previous);
}

/** A word of one to three capitals alone on a line: too short to tell a heading by `inCapitals`. */
const SHORT_CAPITALS_WORD = latin('u')`^\p{Lu}{1,3}$`;

/** A line ending on a word in lower case cut at a hyphen. */
const LOWER_CASE_THEN_HYPHEN_AT_END = latin('u')`\p{Ll}-$`;

/** Every capital of a line (global: only ever given to `match`, which starts it from the line's start). */
const CAPITALS = latin('gu')`\p{Lu}`;

/** The block's last line that tells its case (a short word in capitals does not), or undefined. */
function lastCasedLine(block: readonly RawLine[]): RawLine | undefined {
  for (let i = block.length - 1; i >= 0; i--) if (!SHORT_CAPITALS_WORD.test(block[i]!.text)) return block[i];
  return undefined;
}

/** A line in capitals (four letters at least, none in lower case): a heading, a title, a name of place. */
function inCapitals(line: string): boolean {
  return !hasLowerCase(line) && (line.match(CAPITALS)?.length ?? 0) >= 4;
}

/** Removes `**` / `*` emphasis from a line, tracking a bold span left open by a previous line. */
function stripEmphasis(line: string, boldOpen: boolean): { text: string; bold: boolean | null; open: boolean } {
  // Most lines hold no mark: the text stays, and it is bold only inside a span left open (and not blank).
  if (!line.includes('*') && !line.includes('_')) return { text: line, bold: boldOpen ? /\S/.test(line) : null, open: boldOpen };
  let open = boldOpen;
  let boldChars = 0;
  let plainChars = 0;
  let text = '';
  for (const part of line.split('**')) {
    if (text !== '' || part !== '' || open) {
      const visible = part.replace(/\s/g, '').length;
      if (open) boldChars += visible;
      else plainChars += visible;
    }
    text += part;
    open = !open;
  }
  open = !open; // the loop toggled once more than there are markers
  // Italics: a lone `*` or `_` opening or closing a word, possibly over several lines ("*Aude Martin, …*", "_« Les habitants… »_").
  text = text.replace(/(^|[\s(«"])[*_](?=\S)/g, '$1').replace(/(\S)[*_](?=$|[\s.,;:!?)»"])/g, '$1');
  const bold = boldChars > 0 && plainChars === 0 ? true : boldChars === 0 && boldOpen === false && !line.includes('**') ? null : false;
  return { text, bold, open };
}

/** Spaces, tabs and no-break spaces to write as one space: a run of two or more, or a tab or a no-break space alone (not each single space replaced by itself). */
const SPACES_TO_COLLAPSE = /[ \t\u00a0]{2,}|[\t\u00a0]/g;

/** Applies the inline markup rules and folds white space. */
function cleanInline(line: string): string {
  let text = line;
  // Every markup rule needs one of these characters: most lines have none.
  if (/[\^[<\\]/.test(text)) for (const [pattern, replacement] of INLINE_MARKUP) text = text.replace(pattern, replacement);
  return normaliseLigatures(text).replace(SPACES_TO_COLLAPSE, ' ').trim();
}

/** A tab-separated table row: cells cleaned and joined by ` | `. */
function tableRowText(line: string): string {
  return line
    .split('\t')
    .map((cell) => cleanInline(cell.replace(/\*\*/g, '')).replace(/\s*•\s*/g, ' • ').trim())
    .join(' | ');
}

function makeBlock(kind: BlockKind, raw: readonly RawLine[]): Block {
  const lines: TextLine[] = raw.map((line) => ({ text: line.text, bold: line.bold, size: null }));
  return { kind, lines, text: joinLines(lines.map((line) => line.text)), page: null };
}

/** Short lines read inside one cut sentence at most: more are a page's furniture and a column's heads, no slip. */
const MAX_LINES_INSIDE_SENTENCE = 3;

/** Words of a line read inside a cut sentence at most: a running head or a heading, not text. */
const MAX_INSIDE_LINE_WORDS = 6;

/** Characters of running text a cut paragraph holds at least: a card or a signature is shorter. */
const MIN_CUT_PARAGRAPH_LENGTH = 100;

/** A paragraph whose last sentence stops short: on a letter in lower case, a comma or a word cut at a hyphen. */
const STOPS_MID_SENTENCE = latin('u')`(?:\p{Ll}|\p{Ll}-|,)$`;

/**
 * Moves the short lines a converter read inside a sentence cut by a page or a column (« … des
 * ressources et des » / « Aller plus loin » / « dépenses à cette échelle… », or a running head
 * « AGIR ENSEMBLE » between « refactu- » and « rées »): when a paragraph stops mid-sentence and
 * the paragraph after those lines opens in lower case, the lines are a heading or a running head
 * set elsewhere on the page, and go after the sentence's end, as the PDF path reads them by position.
 */
function moveLinesOutOfCutSentences(blocks: readonly Block[]): Block[] {
  const out = [...blocks];
  const isInsideLine = (block: Block): boolean =>
    block.kind === 'paragraph' && block.lines.length === 1 && startsWithCapital(block.text) && !/[.!?:;»"]$/.test(block.text.trim()) && block.text.trim().split(/\s+/).length <= MAX_INSIDE_LINE_WORDS;
  for (let i = 0; i < out.length; i++) {
    // A short paragraph that stops so is a signature or a card (« Claire DURAND » / « Directrice des territoires »), not running text cut short.
    if (out[i]!.kind !== 'paragraph' || out[i]!.text.length < MIN_CUT_PARAGRAPH_LENGTH || !STOPS_MID_SENTENCE.test(out[i]!.text.trim())) continue;
    let k = i + 1;
    while (k < out.length && k - i - 1 < MAX_LINES_INSIDE_SENTENCE && isInsideLine(out[k]!)) k++;
    const rest = out[k];
    // An address (e-mail, web) opens in lower case too, and is a line of its own.
    if (k === i + 1 || !rest || rest.kind !== 'paragraph' || !startsInLowerCase(rest.text.trim()) || /^\S*(?:@|:\/\/|www\.)/.test(rest.text.trim())) continue;
    // The sentence's end may itself run on (a word cut at a hyphen): the lines go after all of it.
    let end = k;
    while (end + 1 < out.length && STOPS_MID_SENTENCE.test(out[end]!.text.trim()) && out[end + 1]!.kind === 'paragraph' && startsInLowerCase(out[end + 1]!.text.trim())) end++;
    const inside = out.splice(i + 1, k - i - 1);
    out.splice(i + 1 + end - k + 1, 0, ...inside);
  }
  return out;
}

/** Words of a display heading's piece at most (« TION », « MARIE CURIE »): a longer line in capitals is a title or text. */
const MAX_DISPLAY_PIECE_WORDS = 4;

/**
 * Joins a word that the converter cut at a line-end hyphen and then separated by a blank line
 * ("person-" / "nalisé"): the two blocks are one paragraph. A display heading in capitals cut so
 * (« PROMO- » / « TION » / « MARIE CURIE », markdown converters setting each bold line apart) is
 * one block too, as the PDF path reads it and as `continuesBlock` joins it without blank lines.
 */
function joinHyphenBreaks(blocks: readonly Block[]): Block[] {
  const joined: Block[] = [];
  const displayPiece = (text: string): boolean => !hasLowerCase(text) && hasCapital(text) && text.trim().split(/\s+/).length <= MAX_DISPLAY_PIECE_WORDS;
  for (const block of blocks) {
    const previous = joined.at(-1);
    const cutDisplay = previous !== undefined && displayPiece(block.text) && previous.lines.every((line) => displayPiece(line.text)) && previous.lines.some((line) => CAPITALS_CUT_AT_HYPHEN.test(line.text));
    if (previous && previous.kind !== 'tableRow' && block.kind === 'paragraph' && ((LOWER_CASE_THEN_HYPHEN_AT_END.test(previous.text) && startsInLowerCase(block.text)) || cutDisplay)) {
      const lines = [...previous.lines, ...block.lines];
      joined[joined.length - 1] = { ...previous, lines, text: joinLines(lines.map((line) => line.text)) };
    } else {
      joined.push(block);
    }
  }
  return joined;
}
