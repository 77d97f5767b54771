/**
 * Token repairs of converter text: what a converter glued or garbled inside a line.
 */
import { MIN_ROSTER_NAMES } from './rosters.js';
import { WHITE_SPACE_TO_COLLAPSE, foldedLetters, foldForMatch } from '../../conventions.js';
import { DEFAULT_VOCABULARY } from '../../profile.js';
import { flatMapLines } from './lines.js';
import { hasLowerCase, latin, latinSource, startsInLowerCase, startsWithCapital } from '../../alphabet.js';

/**
 * An e-mail address glued to the next printed word (« …-inet.orgJeanne DUPONT »): the domain ends
 * in lower case, the next card's name starts with a capital. The address and the rest become two lines.
 */
const EMAIL_GLUED = latin('u')`^(.*?[\p{L}\p{N}._%+-]+@[a-z0-9.-]+\.[a-z]{2,})(?=\p{Lu})(.+)$`;

/**
 * Cuts lines where an e-mail address runs into the next word.
 * @param lines The text's lines.
 * @returns The lines, an address glued to what follows ending its line.
 */
/** What every line `splitGluedEmails` cuts holds: an address's domain right before a capital (`EMAIL_GLUED`'s core). */
export const GLUED_EMAIL_NEEDS = latin('u')`@[a-z0-9.-]+\.[a-z]{2,}\p{Lu}`;

export function splitGluedEmails(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    // Most lines hold no address: skip the costly pattern on them.
    if (!line.includes('@')) {
      out.push(line);
      continue;
    }
    let rest = line;
    let glued = EMAIL_GLUED.exec(rest);
    while (glued) {
      out.push(glued[1]!);
      rest = glued[2]!;
      glued = EMAIL_GLUED.exec(rest);
    }
    out.push(rest);
  }
  return out;
}

/**
 * Capitals glued to the lower-case e-mail after them, at a word's start (« Anne
 * DURANDanne.durand@administrateur-inet.org »: markitdown on a LibreOffice PDF, whose name and
 * address are two runs of text side by side): the capitals and the address.
 */
const CAPITALS_GLUED_TO_EMAIL = latin('gu')`(?<!\p{L})(\p{Lu}[\p{Lu}'’-]*)(\p{Ll}[\p{Ll}0-9._%+-]*@[a-z0-9.-]+\.[a-z]{2,})`;

/**
 * Letters in which a family name and its e-mail may differ and still be the same name: a brochure's
 * addresses carry typos of one letter (« DURANT » and « anne.durand »).
 */
const MAX_LETTER_SLIPS = 1;

/** Below this many letters a name one letter away from the address is another name (« ROY », « RAY »). */
const MIN_LETTERS_FOR_SLIP = 5;

/**
 * Sets a space between a family name and the e-mail glued to it, where the e-mail is the evidence:
 * its local part's family part ends with the capitals (« DURAND » and « anne.durand »; « MOAL » and
 * « yves.lemoal »), but for one letter in a long name; or its given part is the word printed
 * before the capitals (« Anne DURANDE » and « anne.durand »). Capitals the address does not spell
 * stay glued: the converter's text is kept unless the document itself says where the cut is.
 * @param lines The text's lines.
 * @returns The lines, such names and e-mails apart.
 */
export function splitNamesGluedToEmails(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const line of lines) {
    // Most lines hold no address: the pattern is not tried on them.
    out.push(line.includes('@') ? line.replace(CAPITALS_GLUED_TO_EMAIL, splitIfSpelled) : line);
  }
  return out;
}

/** The e-mail's local part: its given part (before the first dot or underscore) and its family part. */
const EMAIL_LOCAL_PARTS = /^([^._@]+)[._]([^@]+)@/;

/** The last word before a point of a line (the given name before a family name). */
const LAST_WORD = /(\S+)\s*$/;

/** `splitNamesGluedToEmails`'s replacement: the capitals and the address apart when the address spells the name. */
function splitIfSpelled(glued: string, capitals: string, email: string, offset: number, line: string): string {
  const parts = EMAIL_LOCAL_PARTS.exec(email);
  if (!parts) return glued;
  const givenBefore = LAST_WORD.exec(line.slice(0, offset))?.[1] ?? '';
  if (givenBefore !== '' && foldedLetters(givenBefore) === foldedLetters(parts[1]!)) return `${capitals} ${email}`;
  const foldedCapitals = foldedLetters(capitals);
  const foldedFamily = foldedLetters(parts[2]!);
  if (foldedCapitals === '' || foldedFamily.length < foldedCapitals.length) return glued;
  const familyEnd = foldedFamily.slice(-foldedCapitals.length);
  let slips = 0;
  for (let i = 0; i < familyEnd.length; i++) if (familyEnd[i] !== foldedCapitals[i]) slips++;
  const allowed = foldedCapitals.length >= MIN_LETTERS_FOR_SLIP ? MAX_LETTER_SLIPS : 0;
  return slips <= allowed ? `${capitals} ${email}` : glued;
}

/**
 * A Latin letter whose UTF-16 bytes were swapped (U+7400 for « t »): Ghostscript's text device
 * writes the letters of some ligature glyphs so (« Concep琀椀on »). Only code points whose low byte
 * is zero and whose high byte is an ASCII letter, next to a Latin letter or another such one.
 */
const SWAPPED_LETTER = /[\u4100-\u5a00\u6100-\u7a00]/g;

/** What every line `unswapLetters` repairs holds (its first test, asked of the whole text first). */
export const SWAPPED_LETTER_NEEDS = /[\u4100-\u7a00]/;

/**
 * Repairs letters written with swapped bytes.
 * @param line One line.
 * @returns The line with those letters restored.
 */
export function unswapLetters(line: string): string {
  if (!/[\u4100-\u7a00]/.test(line)) return line;
  return line.replace(SWAPPED_LETTER, (char, offset: number) => {
    const code = char.charCodeAt(0);
    if ((code & 0xff) !== 0) return char;
    const near = `${line[offset - 1] ?? ''}${line[offset + 1] ?? ''}`;
    return /[\p{Script=Latin}\u4100-\u7a00]/u.test(near) ? String.fromCharCode(code >> 8) : char;
  });
}

/**
 * A line set letter-spaced (CSS letter-spacing, a display face): every character a word of its own
 * (« 2 0 1 9 / 2 0 2 0 », « S O M M A I R E »), a wider gap between its words if any.
 */
const LETTER_SPACED_LINE = /^\s*\S(?: {1,2}\S){3,}\s*$/;

/** What `joinLetterSpacedLines` joins (`LETTER_SPACED_LINE`, on one line of the text). */
export const LETTER_SPACED_NEEDS = /^[^\S\n]*\S(?: \S){3,}[^\S\n]*$/m;

/** A gap between the words of a letter-spaced line: wider than the one between its characters. */
const WORD_GAP_IN_SPACED = / {2,}/;

/**
 * Joins the characters of a line a converter printed letter-spaced, one space between characters:
 * each run of letters (four at least: « S O M M A I R E ») or of digits that makes a year
 * (« 2 0 1 9 ») is run together; a mark set apart (« / ») stays apart, a gap of two spaces or more
 * parts words. A line with any other run (« 1 2 3 4 », a row of small numbers; « A B », initials)
 * is not known to be letter-spaced, and stays as printed.
 * @param lines The text's lines.
 * @returns The lines, letter-spaced ones joined.
 */
export function joinLetterSpacedLines(lines: readonly string[]): string[] {
  return lines.map((line) => {
    if (!LETTER_SPACED_LINE.test(line)) return line;
    const words: string[] = [];
    for (const word of line.trim().split(WORD_GAP_IN_SPACED)) {
      // Runs of letters and digits between the marks set apart.
      const parts = word.split(' ');
      const runs: string[][] = [];
      for (const char of parts) {
        const last = runs.at(-1);
        if (isLetterOrDigit(char) && last && isLetterOrDigit(last[0]!)) last.push(char);
        else runs.push([char]);
      }
      const joined = runs.map((run) => (isLetterOrDigit(run[0]!) ? joinSpacedRun(run) : run.join('')));
      if (joined.some((run) => run === null)) return line;
      words.push(joined.join(' '));
    }
    return words.join(' ');
  });
}

/** Letters of a letter-spaced word at least: fewer are initials or list marks (« A B »). */
const MIN_SPACED_LETTERS = 4;

/** A year as the family prints it (the edition « 2019 / 2020 »). */
const YEAR = /^(?:19|20)\d{2}$/;

/** A run of characters set apart joined, or null when it is no letter-spaced word (a row of numbers). */
function joinSpacedRun(run: readonly string[]): string | null {
  const text = run.join('');
  if (run.every((char) => !DIGIT_CHAR.test(char))) return run.length >= MIN_SPACED_LETTERS ? text : null;
  return YEAR.test(text) ? text : null;
}

/** A digit. */
const DIGIT_CHAR = /^\d$/;

/** A letter or a digit (accented letters too: a letter-spaced word may hold them). */
const LETTER_OR_DIGIT = latin('u')`^[\p{L}\p{N}]$`;
const isLetterOrDigit = (char: string): boolean => LETTER_OR_DIGIT.test(char);

/**
 * A piece of a display word set on lines of its own (« SOM » / « MAI » / « RE »); the first may
 * carry the page number a converter glued to it (« 2SOM », pypdf), which is dropped.
 */
const WORD_PIECE = latin('u')`^\s*\d{0,3}(\p{Lu}{1,3})\s*$`;

/** Pieces that make a word: one capital alone on a line is an initial or a list mark, two are a word. */
const MIN_WORD_PIECES = 2;

/** What `joinWordPieces` joins: two `WORD_PIECE` lines, only blank lines between them. */
export const WORD_PIECES_NEED = latin('mu')`^[^\S\n]*\d{0,3}\p{Lu}{1,3}[^\S\n]*\n(?:[^\S\n]*\n)*[^\S\n]*\d{0,3}\p{Lu}{1,3}[^\S\n]*$`;

/**
 * Joins a display word a converter wrote piece by piece, one line each (the sommaire heading set
 * in three lines of large type), into one line with the pieces apart, as the PDF path reads it.
 * @param lines The text's lines.
 * @returns The lines with such runs joined.
 */
export function joinWordPieces(lines: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < lines.length) {
    // The pieces, blank lines between them aside (markdown converters set each apart).
    const pieces: string[] = [];
    let j = i;
    let end = i;
    while (j < lines.length && (WORD_PIECE.test(lines[j]!) || (lines[j]!.trim() === '' && pieces.length > 0))) {
      if (lines[j]!.trim() !== '') {
        pieces.push(WORD_PIECE.exec(lines[j]!)![1]!);
        end = j + 1;
      }
      j++;
    }
    if (pieces.length >= MIN_WORD_PIECES) {
      out.push(pieces.join(' '));
      // A display word is a heading of its own: the printed line right after it starts another block.
      if (lines[end]?.trim()) out.push('');
      i = end;
      continue;
    }
    out.push(lines[i]!);
    i++;
  }
  return out;
}
/**
 * A sentence end glued to a heading in capitals that ends the line (« …de son projet.DES CLÉS POUR
 * AGIR »): a word of letters, its end mark, then capitals (an address « www.inet.FR » is no sentence).
 */
const HEADING_GLUED = latin('u')`^(.*(?:^|\s)[\p{L}'’-]*\p{Ll}[.!?»])(\p{Lu}[\p{Lu}\s'’-]*\p{Lu}{3}[\p{Lu}\s'’-]*)$`;

/**
 * Cuts a heading in capitals from the sentence it was glued to (pypdf joins the end of a column to
 * the next column's heading so).
 * @param lines The text's lines.
 * @returns The lines, such headings on lines of their own.
 */
export function splitGluedHeadings(lines: readonly string[]): string[] {
  return flatMapLines(lines, (line) => {
    // The patterns backtrack over long paragraph lines: try them only where a capital follows a small letter, or on a folio.
    if (!endsInCapitals(line) || (!GLUE_HINT.test(line) && !LEADING_DIGIT.test(line))) return line;
    const glued = HEADING_GLUED.exec(line.trim()) ?? DISPLAY_WORD_GLUED.exec(line.trim()) ?? DISPLAY_WORD_AFTER_FOLIO.exec(line.trim());
    return glued ? [glued[1]!, glued[2]!] : line;
  });
}

/**
 * A heading in capitals glued to the end of a name, no space between (« DUPONT JeannePROMO- »,
 * « MARTIN LéaPROMOTION NOM », pypdf): capitals right after a lower-case letter, to the
 * line's end, start a line of their own. Its first word may be an article of two capitals when a
 * longer word follows (« …à la populationLE CONTEXTE »).
 */
const DISPLAY_WORD_GLUED = latin('u')`^(.*\p{Ll})((?:\p{Lu}{3,}|\p{Lu}{2}(?=\s+\p{Lu}{3}))(?:\s+\p{Lu}[\p{Lu}'’-]*)*-?)$`;

/** What every glued heading above holds: a capital right after a small letter (and its end mark). */
const GLUE_HINT = latin('u')`\p{Ll}[.!?»]?\p{Lu}`;

/** How every glued heading above ends: a capital, an apostrophe or a hyphen (most lines of text end otherwise). */
const LAST_IN_CAPITALS = latin('u')`[\p{Lu}'’-]$`;

/**
 * Whether a line's last written character is one `LAST_IN_CAPITALS` allows: read on the last two
 * code units (a capital outside the basic plane takes two), as a pattern anchored at the end is
 * otherwise tried from every position of the line.
 */
function endsInCapitals(line: string): boolean {
  return LAST_IN_CAPITALS.test(line.trimEnd().slice(-2));
}

/** What a display word glued to a folio starts with. */
const LEADING_DIGIT = /^\s*\d/;

/** A display word cut at a hyphen glued to the page number before it (« 110PROMO- »). */
const DISPLAY_WORD_AFTER_FOLIO = latin('u')`^(\d{1,3})(\p{Lu}{3,}-)$`;

/** A sommaire page reference (« / P61 ») inside a line. */
const ENTRY_PAGE_INSIDE = /\s\/\s?P\d{1,3}\b/;

/** What every line `splitSommaireRuns` rewrites holds: a page reference after white space on its own line (`ENTRY_PAGE_INSIDE`, `ENTRY_PAGE_AT_RIGHT`). */
export const SOMMAIRE_RUN_NEEDS = /[^\S\n]\/[^\S\n]?P\d{1,3}\b/;

/** A page reference set at the right of an entry's first line (« 01/   TITRE   / P05 », laid-out text). */
const ENTRY_PAGE_AT_RIGHT = /^(.*\S)\s{2,}(\/\s?P\d{1,3})\s*$/;

/**
 * Cuts a line that runs sommaire entries together (« 12/ TITRE COLLECTIVITÉ / P61 13/ TITRE … »,
 * markdown converters joining a column into one paragraph) into the lines the sommaire prints:
 * the number with its title, the page reference, the next number. A page reference set at the
 * right of an entry's first line goes after the entry's other lines (up to a blank line, the next
 * number or a line set back at the number's start), where the other converters print it.
 * @param lines The text's lines.
 * @returns The lines, one entry part each.
 */
export function splitSommaireRuns(lines: readonly string[]): string[] {
  const out: string[] = [];
  let heldPage: string | null = null;
  let entryIndent = 0;
  const release = (): void => {
    if (heldPage !== null) out.push(heldPage);
    heldPage = null;
  };
  const indent = (line: string): number => line.length - line.trimStart().length;
  for (const line of lines) {
    // An entry's other lines hang under its title: a line set back at the number's start (a section's title) ends it too.
    if (line.trim() === '' || /^\s*\d{1,2}\s*\//.test(line) || (heldPage !== null && indent(line) <= entryIndent)) release();
    if (/^\s*\d{1,2}\s*\//.test(line)) entryIndent = indent(line);
    const right = ENTRY_PAGE_AT_RIGHT.exec(line);
    if (right && !ENTRY_PAGE_INSIDE.test(right[1]!)) {
      out.push(right[1]!);
      heldPage = right[2]!;
      continue;
    }
    if (!ENTRY_PAGE_INSIDE.test(line)) {
      out.push(line);
      continue;
    }
    out.push(...line
      .replace(/\s+(\/\s?P\d{1,3})\b\s*/g, '\n$1\n')
      .replace(/\s+(\d{2}\/\s)/g, '\n$1')
      .split('\n')
      .filter((part) => part.trim() !== ''));
  }
  release();
  return out;
}

/** A roster's « NOM Prénom »: a name in capitals (of one word or more), a first name in lower case after its capital. */
const ROSTER_PAIR = latin('gu')`\p{Lu}[\p{Lu}'’-]+(?: \p{Lu}[\p{Lu}'’-]+)* \p{Lu}\p{Ll}[\p{L}'’-]*`;

/**
 * The same pair inside a roster run together, where a converter may also have glued the name to
 * the first name (« DUPONTJeanne ») and a student may have two first names (« MARTIN Anne Claire »).
 */
const ROSTER_PAIR_IN_RUN = latin('gu')`\p{Lu}[\p{Lu}'’-]+(?: \p{Lu}[\p{Lu}'’-]+)*(?: |(?=\p{Lu}\p{Ll}))\p{Lu}\p{Ll}[\p{L}'’-]*(?: \p{Lu}\p{Ll}[\p{L}'’-]*)*`;

/** How a roster line starts: the capitals of its first family name (most lines of text start otherwise, and are not matched further). */
const ROSTER_LINE_START = latin('u')`^\s*\p{Lu}[\p{Lu}'’-]`;

/** A line of the characters names are made of, and nothing else. */
const NAME_CHARACTERS_ONLY = latin('u')`^[\p{L}\s'’-]+$`;

/** Pairs a line must hold to be a roster run together: one pair is an ordinary roster line. */
const MIN_ROSTER_PAIRS = 2;

/** What every line `splitRosterRuns` cuts is: two `ROSTER_PAIR_IN_RUN` pairs or more, white space between, and nothing else. */
export const ROSTER_RUN_NEEDS = new RegExp(`^[^\\S\\n]*(?:${ROSTER_PAIR_IN_RUN.source})(?:[^\\S\\n]+(?:${ROSTER_PAIR_IN_RUN.source}))+[^\\S\\n]*$`, 'mu');

/**
 * A roster's lines run together into one (markdown converters join a paragraph's lines: « KESSLER
 * Arnaud LOURMELLE Baptiste »): a line made only of « NOM Prénom » pairs gives one line a pair.
 */
export function splitRosterRuns(lines: readonly string[]): string[] {
  return flatMapLines(lines, (line) => {
    // Only letters, spaces, hyphens and apostrophes make a roster run: skip the pattern on any other line.
    if (!ROSTER_LINE_START.test(line) || !NAME_CHARACTERS_ONLY.test(line)) return line;
    const pairs = line.trim().match(ROSTER_PAIR_IN_RUN) ?? [];
    return pairs.length >= MIN_ROSTER_PAIRS && pairs.join(' ') === line.trim().replace(WHITE_SPACE_TO_COLLAPSE, ' ') ? pairs : line;
  });
}

const isRosterLine = (line: string): boolean => ROSTER_LINE_START.test(line) && NAME_CHARACTERS_ONLY.test(line) && (line.trim().match(ROSTER_PAIR) ?? []).join(' ') === line.trim() && line.trim() !== '';
/** Roster names compare in alphabetical order without case nor accents. */
const sortKey = foldForMatch;

/**
 * Two rosters set side by side that the converter read one after the other, both headings first
 * (« PROMOTION A » / « PROMOTION B » / the names of A / the names of B): a roster is in
 * alphabetical order, so where the order starts again the second roster begins, and its heading
 * goes there.
 */
export function placeSecondRosterHeading(lines: readonly string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    if (!isRosterLine(out[i]!) || (i > 0 && isRosterLine(out[i - 1]!))) continue;
    // Both headings first: without them (a roster under one heading, or a name after a blank line
    // inside a roster, which starts a run here too) the names are not read.
    const second = headingBlockBefore(out, i);
    const first = second ? headingBlockBefore(out, second.start) : null;
    if (!second || !first) continue;
    // The names run on to the next heading: blank lines and a name the converter glued (« NOMPrénom ») go on.
    let end = i;
    while (end + 1 < out.length && (out[end + 1]!.trim() === '' || isRosterLine(out[end + 1]!) || latin('u')`^\S*\p{Ll}\S*$`.test(out[end + 1]!.trim()))) end++;
    const run = out.slice(i, end + 1).map((line, k) => ({ line, at: i + k }));
    const names = run.filter(({ line }) => line.trim() !== '');
    const restarts = names.filter((name, k) => k > 0 && sortKey(name.line) < sortKey(names[k - 1]!.line)).map(({ at }) => at);
    if (names.length < MIN_ROSTER_NAMES || restarts.length !== 1) continue;
    const heading = out.slice(second.start, second.end + 1);
    const at = restarts[0]!;
    out.splice(at, 0, '', ...heading, '');
    out.splice(second.start, second.end + 1 - second.start);
    i = end;
  }
  return out;
}

/** Rosters read across at least: one roster is read down its column. */
const MIN_DEALT_ROSTERS = 2;

/**
 * Rosters set side by side that the converter read across, row by row (« PROMOTION A » /
 * « PROMOTION B » / « PROMOTION C », then a name of A, of B, of C, a name of A…): each roster is
 * in alphabetical order, so the names are dealt to the rosters in turn, each name to the next
 * roster it keeps in order; a roster that a name does not fit has ended (its column is shorter,
 * the rows below it hold only the columns before). Each heading is then followed by its names.
 * Left as it is unless the names so dealt fill every roster and the names as read are not already
 * the rosters one after the other.
 */
export function dealRostersReadAcross(lines: readonly string[]): string[] {
  const out = [...lines];
  for (let i = 0; i < out.length; i++) {
    if (!isRosterLine(out[i]!) || (i > 0 && isRosterLine(out[i - 1]!))) continue;
    // Two headings at least before the names (rosters are dealt to two or more): else (a name after
    // a blank line inside a roster starts a run here too) the names are not read.
    const before: { start: number; end: number }[] = [];
    for (let heading = headingBlockBefore(out, i); heading; heading = headingBlockBefore(out, heading.start)) before.unshift(heading);
    if (before.length < MIN_DEALT_ROSTERS) continue;
    let end = i;
    while (end + 1 < out.length && (out[end + 1]!.trim() === '' || isRosterLine(out[end + 1]!))) end++;
    const names = out.slice(i, end + 1).filter((line) => line.trim() !== '');
    const restarts = names.filter((name, k) => k > 0 && sortKey(name) < sortKey(names[k - 1]!)).length;
    if (names.length < MIN_ROSTER_NAMES) continue;
    // The headings nearest the names first: a title in capitals further up is no roster's.
    let headings: { start: number; end: number }[] = [];
    let rosters: string[][] | null = null;
    for (let count = MIN_DEALT_ROSTERS; count <= Math.min(before.length, restarts) && !rosters; count++) {
      headings = before.slice(-count);
      rosters = dealInTurn(names, count);
    }
    if (!rosters) continue;
    const rewritten = headings.flatMap((heading, k) => [...out.slice(heading.start, heading.end + 1), '', ...rosters[k]!, '']);
    out.splice(headings[0]!.start, end + 1 - headings[0]!.start, ...rewritten);
    i = headings[0]!.start + rewritten.length - 1;
  }
  return out;
}

/** The names dealt to `count` rosters in turn (see `dealRostersReadAcross`), or null when a name fits no roster still open or a roster stays empty. */
function dealInTurn(names: readonly string[], count: number): string[][] | null {
  const rosters: string[][] = Array.from({ length: count }, () => []);
  const ended = new Set<number>();
  let next = 0;
  for (const name of names) {
    let placed = false;
    for (let step = 0; step < count && !placed; step++) {
      const k = (next + step) % count;
      if (ended.has(k)) continue;
      const last = rosters[k]!.at(-1);
      if (last !== undefined && sortKey(name) < sortKey(last)) {
        ended.add(k);
        continue;
      }
      rosters[k]!.push(name);
      next = (k + 1) % count;
      placed = true;
    }
    if (!placed) return null;
  }
  return rosters.every((roster) => roster.length > 0) ? rosters : null;
}

/** The block of lines in capitals right before `index` (blank lines between), or null. */
function headingBlockBefore(lines: readonly string[], index: number): { start: number; end: number } | null {
  let end = index - 1;
  while (end >= 0 && lines[end]!.trim() === '') end--;
  if (end < 0 || hasLowerCase(lines[end]!)) return null;
  let start = end;
  while (start > 0 && lines[start - 1]!.trim() !== '' && !hasLowerCase(lines[start - 1]!)) start--;
  return { start, end };
}

/** The family's month names, in lower case. */
const MONTHS = new Set((DEFAULT_VOCABULARY.profile.months ?? []).map((month) => month.toLowerCase()));

/** Letters of a display word's piece at most (as `WORD_PIECE` reads them). */
const DISPLAY_PIECE_LETTERS = 3;

/** Pieces a converter cuts one word into at most (« P ARTICIP ATIVE »). */
const MAX_WORD_PIECES = 4;

/** A piece of a word: letters only, an elided article before it (« L'ÉCHEL ») or a mark after it (« LE, ») kept apart. */
const PIECE = latin('u')`^((?:\p{L}+['’])?)(\p{L}+)([.,;:!?»)]*)$`;

/** A token read as `PIECE` reads it: the elided article before it, its letters in lower case, the mark after it. */
interface KernedPiece {
  readonly article: string;
  readonly lower: string;
  readonly mark: string;
  /** The letters' hash (see `readPiece`): a run's hash is made from its pieces'. */
  readonly hash: number;
  /** `HASH_BASE` to the power of the letters' count, modulo 2^32: what a hash before this piece is multiplied by. */
  readonly shift: number;
  /** Times the token is printed in the text. */
  count: number;
}

/** Multiplier of the letters' hash (odd: modulo 2^32 its powers never vanish). */
const HASH_BASE = 31;

/** The hash of a run's pieces run together, from the hash of those before the piece and the piece's own. */
function hashAfter(hash: number, piece: KernedPiece): number {
  return (Math.imul(hash, piece.shift) + piece.hash) | 0;
}

/**
 * A token's piece, with a polynomial hash of its letters modulo 2^32: hash(a + b) = hash(a) ×
 * HASH_BASE^|b| + hash(b), so the hash of pieces run together comes from the pieces' own
 * without building the text (`hashAfter`). Equal texts have equal hashes: a run whose hash no
 * word has is no word, exactly.
 */
function readPiece(article: string, lower: string, mark: string): KernedPiece {
  let hash = 0;
  let shift = 1;
  for (let i = 0; i < lower.length; i++) {
    hash = (Math.imul(hash, HASH_BASE) + lower.charCodeAt(i)) | 0;
    shift = Math.imul(shift, HASH_BASE);
  }
  return { article, lower, mark, hash, shift, count: 0 };
}

/**
 * Words a converter printed in pieces, a space at each gap its font kerned wide (pypdf:
 * « REST AURA TION », « Décembr e », « PAUL E MILE »): pieces are joined when the whole word is
 * printed elsewhere in the text (the sommaire prints the title again) or is a month of the
 * family's profile (the colophon's date), and one piece is never printed on its own, so words
 * that merely stand side by side (« en semble ») stay apart. A space a converter set before a comma or inside a web address goes too.
 * @param lines The text's lines.
 * @returns The lines with such words whole.
 */
export function joinKernedWords(lines: readonly string[]): string[] {
  const words = new Map<string, number>();
  const runs = new Map<string, number>();
  // Each distinct token read once, and lower-cased once: a text repeats most of its words.
  // (Plain loops here and below, not callbacks: run once per token of a cold process, tens of
  // thousands of callbacks cost about twice as much.)
  const pieceOf = new Map<string, KernedPiece | null>();
  // The hashes of every word and month a run may make: most runs' hashes are none of them, and
  // those runs are never built as text (tens of thousands of strings) to be looked up.
  const wordHashes = new Set<number>();
  for (const month of MONTHS) wordHashes.add(readPiece('', month, '').hash);
  const cores: (KernedPiece | null)[][] = [];
  for (const line of lines) {
    const pieces: (KernedPiece | null)[] = [];
    const tokens = line.split(/\s+/);
    for (let t = 0; t < tokens.length; t++) {
      const token = tokens[t]!;
      if (token === '') continue;
      let piece = pieceOf.get(token);
      if (piece === undefined) {
        const match = PIECE.exec(token);
        piece = match ? readPiece(match[1]!, match[2]!.toLowerCase(), match[3]!) : null;
        if (piece) wordHashes.add(piece.hash);
        pieceOf.set(token, piece);
      }
      if (piece) piece.count++;
      pieces.push(piece);
    }
    cores.push(pieces);
  }
  // Each word counted over its tokens (« Rest », « REST »), once per token rather than once per printing.
  for (const piece of pieceOf.values()) if (piece) words.set(piece.lower, (words.get(piece.lower) ?? 0) + piece.count);
  // Runs are counted only where their pieces make a word: the others are never joined. Where each
  // such run stands is kept, as only those places can be joined (a run never counted is not kerned):
  // for the lines that hold one.
  const candidates = new Map<number, { start: number; end: number; run: string }[]>();
  const isWordOrMonth = (joined: string): boolean => words.has(joined) || MONTHS.has(joined);
  for (let index = 0; index < cores.length; index++) {
    const line = cores[index]!;
    for (let i = 0; i < line.length; i++) {
      const piece = line[i];
      // A run's first piece may have an article before it, not a mark after it.
      if (!piece || piece.mark !== '') continue;
      // The run grows a piece at a time (« rest », « rest aura », « rest aura tion »), as long as its pieces may be inside a word.
      let hash = piece.hash;
      for (let n = 2; n <= MAX_WORD_PIECES && i + n <= line.length; n++) {
        const next = line[i + n - 1];
        // No article after the first piece.
        if (!next || next.article !== '') break;
        hash = hashAfter(hash, next);
        // Only a run whose hash is a word's is built as text and looked up (equal texts, equal hashes).
        const parts = wordHashes.has(hash) ? line.slice(i, i + n).map((part) => part!.lower) : [];
        if (parts.length > 0 && isWordOrMonth(parts.join(''))) {
          const run = parts.join(' ');
          runs.set(run, (runs.get(run) ?? 0) + 1);
          if (!candidates.has(index)) candidates.set(index, []);
          candidates.get(index)!.push({ start: i, end: i + n, run });
        }
        // A mark only after the last piece.
        if (next.mark !== '') break;
      }
    }
  }
  /** A word whose pieces these are: printed whole elsewhere as often as in pieces, and one piece never on its own. */
  const kernedRuns = new Map<string, boolean>();
  const isKerned = (run: string): boolean => {
    const known = kernedRuns.get(run);
    if (known !== undefined) return known;
    const parts = run.split(' ');
    // A month of the family's colophon date (« Décembr e 2019 ») is a word whether or not the text prints it whole.
    const whole = MONTHS.has(parts.join('')) ? Infinity : (words.get(parts.join('')) ?? 0);
    const inPieces = runs.get(run) ?? 0;
    const kerned = whole >= inPieces && parts.some((part) => (words.get(part) ?? 0) <= inPieces);
    kernedRuns.set(run, kerned);
    return kerned;
  };
  // Pieces of three letters at most are a display word set in pieces (« SOM MAI RE »), read as the PDF path reads it.
  const isDisplay = (tokens: readonly string[]): boolean => tokens.every((token) => token.length <= DISPLAY_PIECE_LETTERS && !hasLowerCase(token));
  /** The line with the kerned words among its candidate runs joined. */
  const joinRuns = (line: string, found: readonly { start: number; end: number; run: string }[]): string => {
    const tokens = line.split(/\s+/).filter(Boolean);
    if (tokens.length < 2) return line;
    // The longest kerned word starting at each token (candidates come by start, then by length).
    const spans: { start: number; end: number }[] = [];
    for (const candidate of found) {
      if (!isKerned(candidate.run)) continue;
      const last = spans.at(-1);
      if (last?.start === candidate.start) last.end = candidate.end;
      else spans.push({ start: candidate.start, end: candidate.end });
    }
    // A piece that could end one word or start another (« PAUL E MILE »: « PAULE » or « EMILE »): the text does not tell, nothing is joined there.
    const crosses = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.start && b.start < a.end && a.end < b.end;
    const kept = spans.filter((span) => !spans.some((other) => crosses(span, other) || crosses(other, span)) && !isDisplay(tokens.slice(span.start, span.end)));
    if (kept.length === 0) return closeGaps(line);
    const out: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const span = kept.find((candidate) => candidate.start === i);
      out.push(tokens.slice(i, span?.end ?? i + 1).join(''));
      if (span) i = span.end - 1;
    }
    // Rebuilt only where a word was joined: other lines keep their spacing (laid-out columns).
    return closeGaps(`${/^\s*/.exec(line)![0]}${out.join(' ')}`);
  };
  // (A plain loop: most lines hold no candidate and only have their gaps closed.)
  const joined: string[] = [];
  for (let index = 0; index < lines.length; index++) {
    const found = candidates.get(index);
    joined.push(found ? joinRuns(lines[index]!, found) : closeGaps(lines[index]!));
  }
  return joined;
}

/** Removes the spaces a converter set before a comma (« Bellanger , ») and inside a web address (« www .site.fr »). */
function closeGaps(line: string): string {
  // Both gaps hold a space before a mark: a line without one is left as it is, unread.
  if (!line.includes(' ,') && !line.includes('www .')) return line;
  return line.replace(latin('gu')`(\p{L}) ,(?=\s|$)`, '$1,').replace(latin('gu')`\bwww \.(?=\p{L})`, 'www.');
}

/** A heading in capitals of two words at least, the line's whole text. */
const CAPITALS_HEADING = latin('u')`^\p{Lu}[\p{Lu}'’-]*(?:\s+\p{Lu}[\p{Lu}'’-]*)+$`;

/** Capitals, then text run on from them with no space (« POUR ALLER PLUS LOINun groupement… »). */
const CAPITALS_THEN_TEXT = latin('u')`^(\p{Lu}[\p{Lu}\s'’-]*\p{Lu})(\p{Ll}.*)$`;

/**
 * A heading the text prints on a line of its own elsewhere (each project has one) glued to the
 * text under it, no space between (« POUR ALLER PLUS LOINun groupement… », pypdf): the heading
 * and the text become two lines. Without that evidence capitals before small letters may be a
 * name glued to a first name (« LE GOFFMaëlle »), and stay.
 * @param lines The text's lines.
 * @returns The lines, such headings on lines of their own.
 */
export function splitHeadingsGluedToText(lines: readonly string[]): string[] {
  const headings = new Set(lines.map((line) => line.trim()).filter((line) => CAPITALS_HEADING.test(line)));
  if (headings.size === 0) return [...lines];
  return flatMapLines(lines, (line) => {
    const glued = CAPITALS_THEN_TEXT.exec(line.trim());
    // A blank line after the heading: the text under it opens in lower case, yet starts a block.
    return glued && headings.has(glued[1]!.trim()) ? [glued[1]!.trim(), '', glued[2]!] : line;
  });
}

/** Lines a heading is printed alone on at least to be known as one (a rubrique every project prints). */
const MIN_RUN_IN_HEADING_REPEATS = 2;

/** Words of a heading at most: a longer line is text. */
const MAX_HEADING_WORDS = 6;

/**
 * A heading the text prints alone on other lines, opening a line that goes on with its text
 * (« Témoignage de la collectivité « Un regard… », « DES CLÉS POUR AGIR La cartographie… »,
 * markdown converters running a heading into its paragraph): the heading becomes a line of its
 * own and a blank line parts it from the text.
 * @param lines The text's lines.
 * @returns The lines, such headings apart.
 */
export function splitRunInHeadings(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    // (Most lines hold no bold mark to take out.)
    const text = (line.includes('**') ? line.replace(/\*\*/g, '') : line).trim();
    // The words are counted last: a line of text has a mark or a digit, and is not split.
    if (text.length < MIN_REPEATED_HEADING_LENGTH || !startsWithCapital(text) || /[\d.,;:!?»«()]/.test(text)) continue;
    const words = text.split(/\s+/).length;
    if (words >= 2 && words <= MAX_HEADING_WORDS) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const headings = [...counts].filter(([, count]) => count >= MIN_RUN_IN_HEADING_REPEATS).map(([heading]) => heading).sort((a, b) => b.length - a.length);
  if (headings.length === 0) return [...lines];
  // What a line run on after each heading opens with (built once, not once per line and heading),
  // longest first, under what comes before its first space: a line can only open with the
  // openings whose start is its own (each opening holds a space, its last character at least).
  const openingsByStart = new Map<string, { heading: string; opening: string }[]>();
  for (const heading of headings) {
    const opening = `${heading} `;
    const start = opening.slice(0, opening.indexOf(' '));
    openingsByStart.set(start, [...(openingsByStart.get(start) ?? []), { heading, opening }]);
  }
  // Every heading opens with a capital: a line that does not is not read further.
  return flatMapLines(lines, (line) => {
    const text = line.trim();
    if (!startsWithCapital(text)) return line;
    const space = text.indexOf(' ');
    const openings = space < 0 ? undefined : openingsByStart.get(text.slice(0, space));
    // Text runs on after the heading, not more capitals: a title in capitals may open with a shorter one (« COMMUNAUTÉ D'AGGLOMÉRATION »).
    // And the text opens a sentence: after words in lower case the heading's words are a sentence's
    // own (« Les auteurs du rapport proposent… »), not a heading (`run-in-heading-opens-a-sentence`).
    const found = openings?.find(({ opening }) => text.startsWith(opening) && hasLowerCase(text.slice(opening.length - 1)) && !startsInLowerCase(text.slice(opening.length)));
    return found ? [found.heading, '', text.slice(found.opening.length)] : line;
  });
}

/**
 * A list's bullet a converter wrote after its item rather than before (« …gardant sa cuisine ;• »,
 * « …solvaire.fr •LES CHIFFRES CLÉS », pypdf): the item ends there, so the bullet becomes a
 * break between two blocks, and what followed it on the line a line of its own. A line with
 * bullets inside it (a table's cell « • A • B ») is left as it is.
 * @param lines The text's lines.
 * @returns The lines, an item's end a blank line.
 */
export function splitTrailingBullets(lines: readonly string[]): string[] {
  return flatMapLines(lines, (line) => {
    if (!line.includes('•')) return line;
    const trailing = latin('u')`^([^•|]*\S)\s?•(\p{Lu}[^•|]*)?$`.exec(line);
    if (!trailing) return line;
    return trailing[2] === undefined ? [trailing[1]!, ''] : [trailing[1]!, '', trailing[2]];
  });
}

/** What `splitTrailingBullets` needs: a bullet glyph (most texts have none). */
export const TRAILING_BULLET_NEEDS = /•/;

/** A key figure glued to the end of the label before it (« million d'habitants59 », « (budget 2019)65 000 », « réalisés.99 »). */
const FIGURE_GLUED = latin('u')`^(.*(?:\p{Ll}{3}|\p{Ll}[.)]|\)))(\d[\d  ]*(?:[.,]\d+)?\s?(?:%|€|\p{Lu}{1,4})?)\s*$`;

/** What every line `splitGluedFigures` cuts holds: `FIGURE_GLUED`'s figure, right after a small letter, a full stop or a parenthesis, to the line's end. */
export const GLUED_FIGURE_NEEDS = latin('mu')`[\p{Ll}.)]\d[\d  ]*(?:[.,]\d+)?[^\S\n]?(?:%|€|\p{Lu}{1,4})?[^\S\n]*$`;

/** The same after a sentence's end (« …autorité.462 »): prose never runs a number into a full stop so. */
const FIGURE_AFTER_SENTENCE = latin('u')`\p{Ll}[.)]\d[^.)]*$`;

/** A line that opens in lower case, as a figure's label does. */
const OPENS_IN_LOWER_CASE = latin('u')`^\s*\p{Ll}`;

/**
 * Parts a key figure a converter glued to the end of the previous figure's label (pypdf writes a
 * box's lines with nothing between them), when the next line opens in lower case, as a figure's
 * label does, or right after a sentence's end: the figure becomes a line of its own, as printed.
 * @param lines The text's lines.
 * @returns The lines, such figures apart.
 */
export function splitGluedFigures(lines: readonly string[]): string[] {
  return flatMapLines(lines, (line, i) => {
    if (!/\d\s*\S{0,4}\s*$/.test(line) || !(OPENS_IN_LOWER_CASE.test(lines[i + 1] ?? '') || FIGURE_AFTER_SENTENCE.test(line))) return line;
    const glued = FIGURE_GLUED.exec(line);
    return glued ? [glued[1]!, glued[2]!] : line;
  });
}

/** A heading printed alone on this many lines at least is the family's (each project prints it). */
const MIN_HEADING_REPEATS = 3;

/** Shortest repeated heading looked for at a line's end: a shorter line could end any sentence. */
const MIN_REPEATED_HEADING_LENGTH = 10;

/**
 * A heading every project prints (« DES CLÉS POUR AGIR », « Témoignage de la collectivité ») glued
 * to the page number before it (« 20DES CLÉS POUR AGIR ») or to the end of a sentence
 * (« …de la collectivité.Témoignage de la collectivité », pypdf): the heading goes on a line of
 * its own, the page number goes as folios do. The heading is known by the text itself: it is
 * printed alone on several other lines.
 * @param lines The text's lines.
 * @returns The lines, such headings apart.
 */
export function splitRepeatedHeadings(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const text = line.trim();
    if (text.length >= MIN_REPEATED_HEADING_LENGTH && !/[\d.,;:!?»]/.test(text)) counts.set(text, (counts.get(text) ?? 0) + 1);
  }
  const headings = [...counts].filter(([, count]) => count >= MIN_HEADING_REPEATS).map(([heading]) => heading);
  if (headings.length === 0) return [...lines];
  // A line can only end with the headings ending in its last character: looked for among those only.
  const byLastCharacter = new Map<string, string[]>();
  for (const heading of headings) {
    const last = heading.at(-1)!;
    byLastCharacter.set(last, [...(byLastCharacter.get(last) ?? []), heading]);
  }
  return flatMapLines(lines, (line) => {
    const text = line.trim();
    const heading = byLastCharacter.get(text.at(-1) ?? '')?.find((candidate) => text.length > candidate.length && text.endsWith(candidate));
    if (!heading) return line;
    const before = text.slice(0, -heading.length);
    if (/^\d{1,3}$/.test(before)) return [heading];
    return latin('u')`\p{L}[.!?»]$`.test(before) ? [before, heading] : line;
  });
}

/** Colons after a space, at least, that tell a text set the French way (a space before « : », « ; », « ? », « ! »). */
const MIN_SPACED_COLONS = 5;

/** Share of its colons a text sets after a space to be set the French way. */
const FRENCH_COLON_SHARE = 0.9;

/** A high mark (« ? », « ! », « ; ») or a colon ending a word, glued to it or after a space; markup may close after it. */
const HIGH_MARK = latin('gu')`([\p{L}\p{N}»)]|\s)([?!;:])(?=[\s*_]|$)`;

/**
 * The space before « ? », « ! » and « ; » that a converter dropped (pdf2md-ts, @opendocsg/pdf2md
 * write « produites? » where the brochure prints « produites ? », its colons still after a space):
 * a text set the French way spaces all four marks alike, so a mark the text glues to its word more
 * often than it spaces it lost its space, which is put back everywhere it is glued. A mark the text
 * mostly spaces is left as printed, a glued one included (a typo of the brochure).
 * @param lines The text's lines.
 * @returns The lines, the lost spaces back.
 */
export function restoreSpaceBeforeHighMarks(lines: readonly string[]): string[] {
  const glued = new Map<string, number>();
  const spaced = new Map<string, number>();
  for (const line of lines) {
    if (!/[?!;:]/.test(line)) continue;
    for (const [, before, mark] of line.matchAll(HIGH_MARK)) {
      const counts = /\s/.test(before!) ? spaced : glued;
      counts.set(mark!, (counts.get(mark!) ?? 0) + 1);
    }
  }
  const colons = (spaced.get(':') ?? 0) + (glued.get(':') ?? 0);
  if ((spaced.get(':') ?? 0) < MIN_SPACED_COLONS || (spaced.get(':') ?? 0) < FRENCH_COLON_SHARE * colons) return [...lines];
  const lost = ['?', '!', ';'].filter((mark) => (glued.get(mark) ?? 0) > (spaced.get(mark) ?? 0));
  if (lost.length === 0) return [...lines];
  // The marks need no escape inside a class.
  const gluedMark = new RegExp(latinSource(`([\\p{L}\\p{N}»)])([${lost.join('')}])(?=[\\s*_]|$)`), 'gu');
  return lines.map((line) => line.replace(gluedMark, '$1 $2'));
}

/** A word cut at a line-end hyphen whose two pieces a converter kept on one line, a space between (« accompa- gnant »). */
const HYPHEN_KEPT_INSIDE = latin('gu')`(\p{L}*\p{Ll})- (\p{Ll}\p{L}*)`;

/** Whether a line holds such a cut (`HYPHEN_KEPT_INSIDE`'s core: what `joinHyphenKeptInside` needs of the whole text, then asked of every line). */
export const CUT_KEPT_INSIDE = latin('u')`\p{Ll}- \p{Ll}`;

/**
 * Words cut at a line-end hyphen that a converter joined into one line without joining the word
 * (pdf2md-ts, @opendocsg/pdf2md: « accompa- gnant », « terri- toire »): the pieces are one word
 * when the text prints that word whole elsewhere, and not the hyphenated form (« pré- et
 * post-opératoire » stays).
 * @param lines The text's lines.
 * @returns The lines with such words whole.
 */
export function joinHyphenKeptInside(lines: readonly string[]): string[] {
  const cut = lines.map((line) => CUT_KEPT_INSIDE.test(line));
  const words = new Set<string>();
  for (const line of lines) for (const word of line.toLowerCase().split(latin('u')`[^\p{L}-]+`)) if (word !== '') words.add(word);
  return lines.map((line, index) => (cut[index] ? line.replace(HYPHEN_KEPT_INSIDE, (whole, head: string, tail: string) => {
    const word = `${head}${tail}`.toLowerCase();
    return words.has(word) && !words.has(`${head}-${tail}`.toLowerCase()) ? `${head}${tail}` : whole;
  }) : line));
}
