/**
 * Authors' and tutors' cards: a name line, then detail lines (an e-mail for authors, role lines
 * for tutors). Cards come one block each from the PDF, or name and details in separate blocks
 * from converter text, so cards are rebuilt line by line.
 */
import { CAPITALS_CUT_AT_HYPHEN, EMAIL, foldedLetters, foldForMatch } from '../conventions.js';
import { isHeaderRowText } from '../profile.js';
import { jaroWinkler, localLetters, mayBeAsSimilar, nameOrders, SPELLS_NAME, spelling, spellingOf, spellsName } from '../similarity.js';
import type { AuthorPairing, Block, PrintedPerson, TextLine } from '../types.js';
import { hasCapitalsInARow, latin, startsInLowerCase, startsWithCapital } from '../alphabet.js';

/** Name tokens: words in capitals (family names) or capitalised words (given names), hyphens allowed. */
const NAME_TOKEN = latin('u')`^(?:\p{Lu}[\p{L}'’]*)(?:-\p{Lu}[\p{L}'’]*)*$`;

/** Words of a name at most (given names, particles and family names). */
const MAX_NAME_WORDS = 6;

/**
 * Whether a line reads as a person's name: two to six tokens, each capitalised, at least one
 * entirely in capitals (the family name) and one not (a given name).
 * @param line A printed line.
 * @returns `true` for "Claire LE GOFF", "Luce Garcia-LOPEZ"; `false` for "Directeur général".
 */
export function looksLikeName(line: string): boolean {
  // Split no further than one word too many (as in `isAnyCaseName`).
  const tokens = line.trim().split(/\s+/, MAX_NAME_WORDS + 1);
  if (tokens.length < 2 || tokens.length > MAX_NAME_WORDS) return false;
  if (!tokens.every((token) => NAME_TOKEN.test(token))) return false;
  const isCaps = (token: string): boolean => hasCapitalsInARow(token) && token === token.toUpperCase();
  const hasCapsPart = (token: string): boolean => token.split('-').some((part) => part.length >= 2 && part === part.toUpperCase());
  return tokens.some(hasCapsPart) && tokens.some((token) => !isCaps(token));
}

/** A word of a name in any case: capitalised (hyphenated parts too), « d'» before a capital, or a particle. */
const ANY_CASE_NAME_WORD = latin('u')`^(?:\p{Lu}[\p{L}'’]*|d['’]\p{Lu}[\p{L}'’]*|de|du|des|le|la|van|von|der|di|da)(?:-\p{Lu}[\p{L}'’]*)*$`;

/**
 * Whether a line reads as a name in any case and order, where something else (an e-mail beside it,
 * a bold face) already says it is a person: « Lisa Marchetti », « LISA MARCHETTI », « Jean de La Fontaine ».
 * @param line A printed line.
 * @returns `true` for two to six capitalised words or particles.
 */
export function isAnyCaseName(line: string): boolean {
  // Split no further than one word too many: a converter's paragraph is one line of a hundred words.
  const tokens = line.trim().split(/\s+/, MAX_NAME_WORDS + 1);
  return tokens.length >= 2 && tokens.length <= MAX_NAME_WORDS && tokens.every((token) => ANY_CASE_NAME_WORD.test(token)) && tokens.some((token) => startsWithCapital(token));
}

/**
 * Rebuilds cards line by line: a line that is not a detail starts a new card (its name), a
 * detail line goes under the current card; a detail with no card before it opens a nameless one
 * (a name is never made up).
 */
function readCards(blocks: readonly Block[], isDetail: (line: TextLine, text: string, current: PrintedPerson | undefined) => boolean): PrintedPerson[] {
  const people: { name: string; details: string[]; page: number | null }[] = [];
  for (const block of blocks) {
    for (const line of block.lines) {
      const text = line.text.trim();
      if (text === '') continue;
      const current = people.at(-1);
      if (!isDetail(line, text, current)) people.push({ name: text, details: [], page: block.page });
      else if (current) pushDetail(current.details, text);
      else people.push({ name: '', details: [text], page: block.page });
    }
  }
  return people;
}

/**
 * Adds a detail line under a card; a role cut by hyphenation at the line end (« ressources hu- » /
 * « maines », lower case on both sides) is joined back into one word, as block text is, whether
 * the hyphen is printed « - » or as the typographic hyphen U+2010 (« com‐ » / « pétitivité »).
 */
function pushDetail(details: string[], text: string): void {
  const last = details.at(-1);
  if (last !== undefined && latin('u')`\p{Ll}[-\u2010]$`.test(last) && startsInLowerCase(text)) details[details.length - 1] = `${last.slice(0, -1)}${text}`;
  else details.push(text);
}

/**
 * Rebuilds authors' cards: e-mail lines (or a damaged line with « @ » right under a name) attach
 * to the name above them.
 * @param blocks Blocks under « LES AUTEURS ».
 * @returns One card per person, in reading order.
 */
export function parseAuthorCards(blocks: readonly Block[], tableHeaders: ReadonlySet<string> = new Set()): PrintedPerson[] {
  return readAuthorCards(blocks, tableHeaders).cards;
}

/**
 * Rebuilds authors' cards as `parseAuthorCards` does, and says which rule paired each name with its
 * e-mail (`reading-order`: the e-mail under or beside the name; `columns`: k names then k e-mails;
 * `local-part`: the e-mail's local part spells the name), for `--explain`.
 * @param blocks Blocks under « LES AUTEURS ».
 * @param tableHeaders The family's team table header words.
 * @param emailDomains The family's e-mail domains and their corps (a « Corps » column's cells are dropped).
 * @returns The cards, and one pairing per card with a name and an e-mail.
 */
export function readAuthorCards(blocks: readonly Block[], tableHeaders: ReadonlySet<string> = new Set(), emailDomains: readonly EmailDomain[] = []): { cards: PrintedPerson[]; pairings: AuthorPairing[] } {
  const cells = blocks.flatMap((block) => withoutCorpsCells(block, emailDomains)).map(splitNameAndEmail);
  const read = readCards(
    withoutHeaderRow(cells.filter((block) => !isTableHeader(block, tableHeaders))),
    (_, text, current) => EMAIL.test(text) || (current !== undefined && current.details.length === 0 && text.includes('@')),
  );
  const joined = joinSplitNames(read);
  const adjacent = pairColumns(joined);
  const spelled = pairByLocalPart(read, spelledPairs(adjacent));
  const cards = spelled ?? adjacent;
  const rule = (card: PrintedPerson): string => (spelled ? 'local-part' : joined.includes(card) ? 'reading-order' : 'columns');
  const pairings = cards.flatMap((card) => {
    const email = card.details.find((detail) => EMAIL.test(detail));
    return card.name !== '' && email !== undefined ? [{ name: card.name, email, rule: rule(card) }] : [];
  });
  return { cards, pairings };
}

/** A name spelt letter for letter by an e-mail's local part (`spelling`'s best score). */
const EXACT_SPELLING = 1;

/** How the reading order pairs names and e-mails: the cards whose e-mail spells their name, and those it spells exactly. */
interface OrderSpelling {
  readonly spelled: number;
  readonly exact: number;
}

/** How many cards pair a name with an e-mail that spells it, and how many of them exactly. */
function spelledPairs(cards: readonly PrintedPerson[]): OrderSpelling {
  let spelled = 0;
  let exact = 0;
  for (const card of cards) {
    if (card.name === '') continue;
    const scores = card.details.filter((detail) => EMAIL.test(detail)).map((email) => spelling(card.name, email));
    const best = Math.max(0, ...scores);
    if (best >= SPELLS_NAME) spelled++;
    if (best >= EXACT_SPELLING) exact++;
  }
  return { spelled, exact };
}

/** How close the last e-mail left must be to the last name left to go with it (a misspelt e-mail; not a project's contact address). */
const SPELLS_LAST_NAME = 0.75;


/** A name (whole, or its parts printed in cells of their own) an e-mail may be paired with. */
interface SpelledPair {
  readonly parts: readonly PrintedPerson[];
  readonly email: string;
  readonly score: number;
}

/**
 * Name parts printed in cells of their own (« MARCHETTI » in a « Nom » column, « Lisa » in a
 * « Prénom » column) that together spell an e-mail's local part, segment by segment (« lisa.marchetti »).
 * A part of several words spells one segment or a run of them, as the family writes a particle's
 * name: « DE LA TOUR » is « delatour » or « de-la-tour » (`partsFrom`). Two parts at least: a name spelled
 * by one cell is the whole name's pairing.
 */
function partsSpelling(email: string, words: readonly PrintedPerson[], openings = 0): PrintedPerson[] | null {
  const segments = localPartSegments(email);
  if (segments.length < 2) return null;
  const parts = partsFrom(segments, words, [], openings);
  if (parts === null || parts.length < 2) return null;
  return [...parts].sort((a, b) => words.indexOf(a) - words.indexOf(b));
}

/** The fewest letters a name part must print to stand for a segment it only opens (« Flo » is no given name). */
const OPENING_PART_LETTERS = 3;

/**
 * How a pair found by `given-name-opens-segment` ranks: it qualifies (the other segments are spelt
 * exactly), and any pair spelling its e-mail closer goes first.
 */
const OPENING_PAIR_SCORE = SPELLS_NAME;

/**
 * Name parts, each unused so far, whose letters spell the segments in order, each part one segment
 * or a run of consecutive segments (a family name of several words); `null` when none do. Up to
 * `openings` segments may be spelt by a part that only opens them (`given-name-opens-segment`).
 */
function partsFrom(segments: readonly string[], words: readonly PrintedPerson[], used: readonly PrintedPerson[], openings = 0): PrintedPerson[] | null {
  if (segments.length === 0) return [];
  const lettersOf = (card: PrintedPerson): string => foldedLetters(card.name);
  for (let end = 1; end <= segments.length; end++) {
    const letters = segments.slice(0, end).join('');
    const part = words.find((card) => !used.includes(card) && lettersOf(card) === letters);
    if (part === undefined) continue;
    const rest = partsFrom(segments.slice(end), words, [...used, part], openings);
    if (rest !== null) return [part, ...rest];
  }
  if (openings === 0) return null;
  const opening = words.find((card) => !used.includes(card) && lettersOf(card).length >= OPENING_PART_LETTERS && segments[0]!.startsWith(lettersOf(card)));
  if (opening === undefined) return null;
  const rest = partsFrom(segments.slice(1), words, [...used, opening], openings - 1);
  return rest === null ? null : [opening, ...rest];
}


/**
 * Two name parts printed in cells of their own and read one after the other (« DURAND »,
 * « Léa »): joined, they may spell an e-mail as a whole name does, where no segment of it is one
 * part exactly (« leamarie.durand »: a second given name the card does not print).
 */
function nextPartPairs(cards: readonly PrintedPerson[], words: readonly PrintedPerson[]): PrintedPerson[][] {
  return cards.slice(1).flatMap((card, i) => (words.includes(cards[i]!) && words.includes(card) ? [[cards[i]!, card]] : []));
}

/**
 * The name parts an e-mail spells: its local part's segments (« lea.durand » → « LEA »,
 * « DURAND »), folded as `foldForMatch` folds, letters only.
 */
export function localPartSegments(email: string): string[] {
  return foldForMatch(email.split('@')[0]!).split(/[._-]+/).map((segment) => segment.replace(/[^A-Z]/g, '')).filter(Boolean);
}

/**
 * Names and e-mails paired by what the e-mail spells, not by where it stands, when that pairs more
 * e-mails with a name they spell than the reading order does (a team table read column by column, a
 * header row between, the family and given names in columns of their own): each e-mail goes to the
 * name it spells best, best pairs first; name parts it spells segment by segment are joined in
 * reading order; one name and one e-mail left over are paired by elimination. Names keep their
 * printed order; an e-mail that spells no name is kept on a card of its own (never dropped).
 * @param cards Cards as read, one per name line (e-mails under the name above them).
 * @param asRead How many names the reading order pairs with an e-mail that spells them, and how many exactly.
 * @returns The cards re-paired, or `null` when the reading order is as good.
 */
export function pairByLocalPart(cards: readonly PrintedPerson[], asRead: OrderSpelling): PrintedPerson[] | null {
  const isEmail = (detail: string): boolean => EMAIL.test(detail);
  const emails = cards.flatMap((card) => card.details.filter(isEmail));
  const named = cards.filter((card) => card.name !== '');
  if (emails.length === 0 || named.length === 0 || cards.some((card) => card.details.some((detail) => !isEmail(detail)))) return null;
  const words = named.filter((card) => isNamePart(card.name));
  // Each e-mail's letters and each name's orders once (`spelling` in two halves); a pair whose letters
  // cannot spell the name (`spellsName`'s bound: most pairs) is not scored, the filter below drops it anyway.
  const locals = emails.map(localLetters);
  const ordersOf = (parts: readonly PrintedPerson[]): string[] => nameOrders(parts.map((part) => part.name).join(' '));
  const scored = (parts: PrintedPerson[], orders: readonly string[], k: number): SpelledPair[] =>
    spellsName(orders, locals[k]!) ? [{ parts, email: emails[k]!, score: spellingOf(orders, locals[k]!) }] : [];
  const nextParts = nextPartPairs(cards, words);
  // Each e-mail's name parts spelling its segments exactly, once (the opening-segment pairs are looked for only where there are none).
  const exactParts = emails.map((email) => partsSpelling(email, words));
  const nextOrders = nextParts.map(ordersOf);
  const candidates: SpelledPair[] = [
    ...named.flatMap((card) => {
      const orders = ordersOf([card]);
      return emails.flatMap((_, k) => scored([card], orders, k));
    }),
    ...emails.flatMap((email, k) => {
      const parts = exactParts[k];
      return parts ? [{ parts, email, score: EXACT_SPELLING }] : [];
    }),
    ...emails.flatMap((_, k) => nextParts.flatMap((parts, j) => scored(parts, nextOrders[j]!, k))),
    // `given-name-opens-segment`: name parts printed in cells of their own (a team table read column
    // by column: « DURAND », « VIGNAL », « Léa », « Théo ») spelling an e-mail's segments, all but one
    // exactly and that one by the part it opens with (« leamarie.durand »: « Léa » opens « leamarie »,
    // a second given name the card does not print); only for an e-mail no parts spell exactly.
    ...emails.flatMap((email, k) => {
      const parts = exactParts[k] ? null : partsSpelling(email, words, 1);
      return parts ? [{ parts, email, score: OPENING_PAIR_SCORE }] : [];
    }),
  ].filter((pair) => pair.score >= SPELLS_NAME).sort((a, b) => b.score - a.score || b.parts.length - a.parts.length);
  const chosen: SpelledPair[] = [];
  const used = new Set<PrintedPerson>();
  const taken = new Set<string>();
  const choose = (pair: SpelledPair): void => {
    chosen.push(pair);
    pair.parts.forEach((part) => used.add(part));
    taken.add(pair.email);
  };
  for (const pair of candidates) {
    if (!taken.has(pair.email) && !pair.parts.some((part) => used.has(part))) choose(pair);
  }
  // Re-paired, the e-mails must spell more names than as read, or as many with more of them spelt
  // exactly: a name read beside another's e-mail may still come close to it, by a shared given
  // name alone (« VIGNAL Léa » beside « lea.durand », a team table's rows read column
  // by column over a page break), where the e-mail spells its own name parts letter for letter
  // (`exact-spelling-over-order`).
  const exact = chosen.filter((pair) => pair.score >= EXACT_SPELLING).length;
  const spellsMore = chosen.length > asRead.spelled || (chosen.length === asRead.spelled && exact > asRead.exact);
  if (!spellsMore) return null;
  // One whole name and one e-mail left over, the e-mail still close to the name: a misspelt e-mail in a column.
  const leftNames = named.filter((card) => !used.has(card) && (looksLikeName(card.name) || isAnyCaseName(card.name)));
  const leftEmails = emails.filter((email) => !taken.has(email));
  const last = leftNames.length === 1 && leftEmails.length === 1 ? { parts: leftNames, email: leftEmails[0]!, score: spelling(leftNames[0]!.name, leftEmails[0]!) } : null;
  if (last && last.score >= SPELLS_LAST_NAME) choose(last);
  const out: PrintedPerson[] = [];
  for (const card of cards) {
    const pair = chosen.find((candidate) => candidate.parts.includes(card));
    if (pair) {
      if (pair.parts[0] === card) out.push({ ...card, name: pair.parts.map((part) => part.name.trim()).join(' '), details: [pair.email] });
      continue;
    }
    if (card.name !== '') out.push({ ...card, details: [] });
  }
  const orphans = emails.filter((email) => !taken.has(email));
  return [...out, ...orphans.map((email) => ({ name: '', details: [email], page: cards.find((card) => card.details.includes(email))?.page ?? null }))];
}

/**
 * A team table read column by column: k names with nothing under them, the last one followed by
 * k e-mails (« A », « B », « C » then « a@ », « b@ », « c@ »). Each name gets the e-mail in the
 * same position; any other count is left as read.
 */
function pairColumns(cards: PrintedPerson[]): PrintedPerson[] {
  const out = [...cards];
  for (let i = 0; i < out.length; i++) {
    const card = out[i]!;
    const emails = card.details.filter((detail) => EMAIL.test(detail));
    if (emails.length < 2 || emails.length !== card.details.length) continue;
    const first = i - emails.length + 1;
    const names = out.slice(first, i + 1);
    const bare = (name: PrintedPerson | undefined): boolean => name !== undefined && name.details.length === 0 && name.name !== '';
    // Exactly k names without e-mail: one more before them would make the pairing a guess.
    if (first < 0 || !names.slice(0, -1).every(bare) || bare(out[first - 1])) continue;
    out.splice(first, names.length, ...names.map((name, k) => ({ ...name, details: [emails[k]!] })));
  }
  return out;
}

/**
 * A team table's header row told by its place, whatever its words (« Élève | Courriel »): the
 * one-line cells before the first row with an e-mail, when that row prints its own name and no
 * cell is a name or a part of that row's e-mail (which a name cell printed apart would be, « Lisa »
 * over « MARCHETTI  lisa.marchetti@… »).
 * @param blocks The team's blocks, names and e-mails already on lines of their own.
 * @returns The blocks without the header row (unchanged when there is none).
 */
export function withoutHeaderRow(blocks: readonly Block[]): Block[] {
  const first = blocks.findIndex((block) => block.text.includes('@'));
  if (first <= 0 || first > 4) return [...blocks];
  const row = blocks[first]!.lines.map((line) => line.text.trim());
  const email = row.find((text) => EMAIL.test(text));
  const ownName = row[0] !== undefined && !row[0].includes('@') && (isAnyCaseName(row[0]) || looksLikeName(row[0]));
  if (!email || !ownName) return [...blocks];
  const local = foldedLetters(email.split('@')[0]!);
  const isHeaderCell = (block: Block): boolean => {
    const text = block.text.trim();
    const words = foldForMatch(text).split(/[^A-Z]+/).filter((word) => word.length >= 3);
    // A table row printed whole (converter text) holds its cells joined by « | ».
    const cells = text.split(/\s*\|\s*/);
    return block.lines.length === 1 && text.length <= 40 && !text.includes('@') && cells.every((cell) => !isAnyCaseName(cell) && !looksLikeName(cell)) && !words.some((word) => local.includes(word));
  };
  return blocks.slice(0, first).every(isHeaderCell) ? blocks.slice(first) : [...blocks];
}

/** A team table's header row (« Nom | Prénom | Courriel »): every word a header word. */
function isTableHeader(block: Block, headers: ReadonlySet<string>): boolean {
  return isHeaderRowText(block.text, headers);
}

/**
 * A name whose parts a table printed in two cells (« Lisa » then « MARCHETTI  e-mail ») or on two
 * lines of one cell (« Anne DUPONT- » then « MOREAU », wrapped at the hyphen of a compound family
 * name) is one name: a card with no e-mail, directly followed by a short name part with one, is
 * joined to it.
 */
function joinSplitNames(cards: PrintedPerson[]): PrintedPerson[] {
  const out: PrintedPerson[] = [];
  for (const card of cards) {
    const previous = out.at(-1);
    const parts = `${previous?.name ?? ''} ${card.name}`.trim().split(/\s+/).length;
    // Only a lone word is half a name: two full names in a row are two people (one without e-mail).
    const lone = (name: string): boolean => name.trim().split(/\s+/).length === 1;
    // A compound family name wrapped at its hyphen (« DUPONT- » / « MOREAU ») joins without a space.
    const cut = previous !== undefined && CAPITALS_CUT_AT_HYPHEN.test(previous.name.trim());
    const head = cut ? previous!.name.trim().slice(0, -1) : previous?.name ?? '';
    if (previous && previous.details.length === 0 && previous.name !== '' && card.details.length > 0 && parts <= 6 && isNamePart(head) && isNamePart(card.name) && (cut || lone(previous.name) || lone(card.name))) {
      out[out.length - 1] = { ...card, name: cut ? `${previous.name.trim()}${card.name.trim()}` : `${previous.name} ${card.name}` };
      continue;
    }
    out.push(card);
  }
  return out;
}

/** Words of a given or family name printed alone at most. */
const MAX_NAME_PART_WORDS = 4;

/** A word of a name printed alone: capitalised (hyphenated parts too), or a particle. */
const NAME_PART_WORD = latin('u')`^(?:\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*|de|du|des|le|la|van|von|der|di|da|d['’]\p{Lu}[\p{L}'’]*)$`;

/**
 * One to four capitalised words or particles: a given or family name printed alone.
 * @param text A printed line.
 * @returns `true` for « Lisa », « LE GOFF », « de La Fontaine ».
 */
export function isNamePart(text: string): boolean {
  // Split no further than one word too many (as in `isAnyCaseName`).
  const tokens = text.trim().split(/\s+/, MAX_NAME_PART_WORDS + 1);
  return tokens.length <= MAX_NAME_PART_WORDS && tokens.every((token) => NAME_PART_WORD.test(token));
}

/** A name and an e-mail on one line (« NOM Prénom  e-mail », a table row « NOM Prénom | e-mail », « Prénom NOM — e-mail »). */
const NAME_THEN_EMAIL = latin('u')`^(.*?\S)\s*(?:\||\s[–—-]\s|\s)\s*([\p{L}\p{N}._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,})$`;

/**
 * A line printing a name then an e-mail, in any of the family's forms (« NOM Prénom  e-mail »,
 * « NOM Prénom | e-mail », « Prénom NOM — e-mail »): the one predicate the parse stage uses for it.
 * @param line A printed line.
 * @returns The name (table cells joined by a space) and the e-mail, or `null`.
 */
export function nameThenEmail(line: string): { name: string; email: string } | null {
  // Most lines asked are prose: without an « @ » the pattern would try every cut of the line.
  if (!line.includes('@')) return null;
  const match = NAME_THEN_EMAIL.exec(line.trim());
  const name = match?.[1]!.replace(/\s*\|\s*/g, ' ').trim() ?? '';
  if (!match || !(isAnyCaseName(name) || isNamePart(name)) || !EMAIL.test(match[2]!)) return null;
  return { name, email: match[2]! };
}

/** A family e-mail domain and the corps it stands for (the profile's `emailDomains`). */
interface EmailDomain {
  readonly domain: string;
  readonly corps: string;
}

/**
 * How close (Jaro-Winkler) a cell's letters must be to a corps to print it, and by how many letters
 * at most its length may differ: the feminine form (« Administratrice », « Ingénieure en chef »)
 * still does; a name, or the first word of the corps alone (« Ingénieur »), does not.
 */
const SPELLS_CORPS = 0.9;
const CORPS_LENGTH_GAP = 2;

/** The most words a corps is printed in (« Ingénieur en chef »). */
const CORPS_WORDS = 4;

/**
 * Whether a team cell prints a corps (« Administrateur », « Ingénieur en chef »): its letters spell
 * a corps of the family's e-mail domains, or the domain's own label (« ingenieurchef »). The corps
 * is read from the e-mail's domain (normalise), so the cell adds nothing and is no name part.
 * @param text A cell or line of a team.
 * @param emailDomains The family's e-mail domains and their corps.
 * @returns `true` for a corps cell.
 */
export function isCorpsCell(text: string, emailDomains: readonly EmailDomain[]): boolean {
  return !text.includes('@') && spellsCorps(corpsLetters(text), emailDomains);
}

/** A text's letters as `isCorpsCell` compares them (folded, A to Z only): a run of words' are its words' end to end. */
function corpsLetters(text: string): string {
  return foldedLetters(text);
}

/** Whether folded letters spell a corps of the domains (`isCorpsCell` without its e-mail test). */
function spellsCorps(letters: string, emailDomains: readonly EmailDomain[]): boolean {
  if (letters === '') return false;
  const spelt = corpsSpellings(emailDomains);
  // The letters' bound first: most runs of a team's words share too few letters with any corps.
  return spelt.some((word) => word !== '' && Math.abs(word.length - letters.length) <= CORPS_LENGTH_GAP && mayBeAsSimilar(letters, word, SPELLS_CORPS) && jaroWinkler(letters, word) >= SPELLS_CORPS);
}

/** Each list of domains' corps spellings, folded once: `isCorpsCell` is asked of every run of a team's words. */
const spellingsOfDomains = new WeakMap<readonly EmailDomain[], string[]>();

/** The letters of each corps and of each domain's first word (« INGENIEUR », « INET »), as `isCorpsCell` compares them. */
function corpsSpellings(emailDomains: readonly EmailDomain[]): string[] {
  const known = spellingsOfDomains.get(emailDomains);
  if (known) return known;
  const spelt = emailDomains.flatMap(({ domain, corps }) => [corps, domain.split(/[-.]/)[0] ?? '']).map((word) => foldedLetters(word));
  spellingsOfDomains.set(emailDomains, spelt);
  return spelt;
}

/**
 * A line of a team without the corps it prints (« Lisa Administrateur », « Ingénieur en chef
 * kevin.oyono@… », a row « OYONO | Kévin | Ingénieur en chef | … »): the longest run of words that
 * is a corps cell is cut out, again until none is left.
 * @param text A line of a team.
 * @param emailDomains The family's e-mail domains and their corps.
 * @returns The line without its corps words (unchanged when it prints none).
 */
export function withoutCorpsWords(text: string, emailDomains: readonly EmailDomain[]): string {
  const words = text.trim().split(/\s+/);
  // Each word folded once (folding is letter by letter): every run of up to `CORPS_WORDS` words is asked.
  const letters = words.map(corpsLetters);
  for (let length = Math.min(CORPS_WORDS, words.length); length >= 1; length--) {
    for (let start = 0; start + length <= words.length; start++) {
      const run = words.slice(start, start + length);
      if (run.includes('|') || run.some((word) => word.includes('@')) || !spellsCorps(letters.slice(start, start + length).join(''), emailDomains)) continue;
      const rest = [...words.slice(0, start), ...words.slice(start + length)].join(' ').replace(/\|\s*\|/g, '|').replace(/^\s*\|\s*|\s*\|\s*$/g, '');
      return withoutCorpsWords(rest, emailDomains);
    }
  }
  return text;
}

/**
 * A team's « Corps » column (`rule: corps-cells`): the corps each line prints is cut out, so that
 * « Administrateur » between « Lisa » and her e-mail is not read as a name part; a line that printed
 * only a corps goes, and a block of such lines goes entirely.
 */
function withoutCorpsCells(block: Block, emailDomains: readonly EmailDomain[]): Block[] {
  if (emailDomains.length === 0) return [block];
  const lines = block.lines.map((line) => ({ ...line, text: withoutCorpsWords(line.text, emailDomains) })).filter((line) => line.text.trim() !== '');
  if (lines.length === block.lines.length && lines.every((line, k) => line.text === block.lines[k]!.text)) return [block];
  return lines.length === 0 ? [] : [{ ...block, lines, text: lines.map((line) => line.text).join(' ') }];
}

/** Splits each line printing a name then an e-mail into the name line and the e-mail line. */
function splitNameAndEmail(block: Block): Block {
  if (!block.text.includes('@')) return block;
  const lines = block.lines.flatMap((line): TextLine[] => {
    const pair = nameThenEmail(line.text);
    return pair ? [{ ...line, text: pair.name }, { ...line, text: pair.email }] : [line];
  });
  return lines.length === block.lines.length ? block : { ...block, lines };
}

/**
 * Rebuilds tutors' cards: a name line (bold in the PDF; by its shape in text, or in a PDF that sets
 * no tutor name in bold) starts a card, the lines under it are the role.
 * @param blocks Blocks under the tutor label.
 * @returns One card per tutor, in reading order.
 */
export function parseTutorCards(blocks: readonly Block[]): PrintedPerson[] {
  // Where no name is set in bold (a table of regular rows), the name's shape alone says where a card starts.
  const noBold = blocks.every((block) => block.lines.every((line) => line.bold !== true));
  // A line right under a name is its role, never cards run together (« DGA Ressources Humaines » under « Claire DURAND »).
  let previous: string | undefined;
  const lines = blocks.map((block) => ({ ...block, lines: block.lines.flatMap((line) => {
    const split = splitNameAndRole(line, previous !== undefined && looksLikeName(previous));
    previous = line.text.trim();
    return split;
  }) }));
  return readCards(lines, (line, text) => !(line.bold === true || ((noBold || line.bold !== false) && looksLikeName(text))));
}

/** A name, then a dash or a comma, then the role: « Claire DURAND – Directrice… », « DURAND Claire, directrice… ». */
const NAME_THEN_ROLE = /^(.+?)\s*(?:\s[–—-]\s|,)\s*(\S.*)$/u;

/**
 * A tutor printed on one line with the role (« Prénom NOM – fonction », « Prénom NOM, fonction »)
 * is a name line and a role line. Only a name the shape alone says is one (a family name in
 * capitals beside a given name) is cut, so that a role with a comma stays whole. With no
 * separator, a bold name followed by the role in regular type (« **Prénom NOM** fonction ») is cut
 * too, and so are cards run together with nothing between (`cardsRunTogether`), unless the line
 * is printed right under a name (its role, which may open with an acronym: « DGA Ressources… »).
 * @param line A printed line.
 * @param underName Whether the line is printed right under a name line.
 * @returns The line, or the name line (bold) and the role line (regular), once per card it prints.
 */
export function splitNameAndRole(line: TextLine, underName = false): TextLine[] {
  const text = line.text.trim();
  // The role wrapped to the next line: « Claire DURAND, » / « directrice… ».
  const bare = /^(.+?)\s*[,–—-]$/u.exec(text);
  if (bare && looksLikeName(bare[1]!)) return [{ ...line, text: bare[1]!, bold: true }];
  const match = NAME_THEN_ROLE.exec(text);
  if (match && looksLikeName(match[1]!)) return [{ ...line, text: match[1]!, bold: true }, { ...line, text: match[2]!, bold: false }];
  const cards = underName ? null : cardsRunTogether(text);
  if (cards) return cards.flatMap(({ name, role }) => [{ ...line, text: name, bold: true }, { ...line, text: role, bold: false }]);
  // No separator, the name in bold and the role run in after it (a description list's label).
  const lead = line.boldLead?.trim();
  if (lead && text.startsWith(lead) && text.length > lead.length && looksLikeName(lead)) {
    return [{ ...line, text: lead, bold: true, boldLead: undefined }, { ...line, text: text.slice(lead.length).trim(), bold: false, boldLead: undefined }];
  }
  return [line];
}

/** A given name: one capitalised word, its parts joined by hyphens (« Claire », « Anne-Sophie »). */
const GIVEN_NAME = latin('u')`^\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)*$`;

/** A word of a family name in capitals (« LE », « GARNIER-BOSC »). */
const FAMILY_WORD = latin('u')`^\p{Lu}[\p{Lu}'’]+(?:-\p{Lu}[\p{Lu}'’]+)*$`;

/** A role's first word: a capital, then lower case (« Directrice », « Chef »). */
const ROLE_OPENING = latin('u')`^\p{Lu}\p{Ll}`;

/** The two orders a card prints a name in. */
type NameOrder = 'given-first' | 'family-first';

/**
 * The end (exclusive) of a name printed in `order` from `tokens[start]`, or -1: given name(s) then
 * family words in capitals, or family words then one given name. `givenWords` given names at most.
 */
function nameEnd(tokens: readonly string[], start: number, order: NameOrder, givenWords: number): number {
  let i = start;
  const run = (word: RegExp, most: number): number => {
    let n = 0;
    while (i < tokens.length && n < most && word.test(tokens[i]!)) {
      i++;
      n++;
    }
    return n;
  };
  const found = order === 'given-first'
    ? run(GIVEN_NAME, givenWords) > 0 && run(FAMILY_WORD, Infinity) > 0
    : run(FAMILY_WORD, Infinity) > 0 && run(GIVEN_NAME, 1) > 0;
  return found ? i : -1;
}

/**
 * Tutors' cards run together on one line with nothing between name and role (« Prénom NOM
 * fonction », a table row read as one line; markdown converters joining a column's lines:
 * « Lucie MARTEL Directrice… proximité Paul DE SOUZA Directeur Qualité… »). The line opens
 * with a name in either order, the role opens with a capitalised word in lower case; a card's
 * order is the line's, so another name is the same shape inside the role, followed by a role of
 * its own. Inside a run a given name is one word (a second would be the role's last word,
 * « ressources Humaines Anne-Sophie LEROUX »); a name right before another name is the role's
 * words (« Chef de Mission MOBIL Claire DURAND »: every card has a role).
 * @param text A printed line.
 * @returns The cards, or `null` when the line does not open with a name followed by a role.
 */
export function cardsRunTogether(text: string): { name: string; role: string }[] | null {
  const tokens = text.trim().split(/\s+/);
  // A name followed by a role: the next word opens a role and is not itself a name's start.
  const cardAt = (start: number, order: NameOrder, givenWords: number): number => {
    const end = nameEnd(tokens, start, order, givenWords);
    const opensRole = end > 0 && end < tokens.length && ROLE_OPENING.test(tokens[end]!) && nameEnd(tokens, end, order, 1) < 0;
    return opensRole && looksLikeName(tokens.slice(start, end).join(' ')) ? end : -1;
  };
  const orders: NameOrder[] = ['given-first', 'family-first'];
  // At the line's start a given name may be of several words (« Anne Claire DUPONT »): nothing before it to take them from.
  const order = orders.find((candidate) => cardAt(0, candidate, Infinity) > 0);
  if (!order) return null;
  const starts = [0];
  const ends = [cardAt(0, order, Infinity)];
  // Each card's role holds one word at least before the next card's name.
  for (let i = ends[0]! + 1; i < tokens.length; i++) {
    const end = cardAt(i, order, 1);
    if (end < 0) continue;
    starts.push(i);
    ends.push(end);
    i = end;
  }
  return starts.map((start, k) => ({
    name: tokens.slice(start, ends[k]).join(' '),
    role: tokens.slice(ends[k], starts[k + 1] ?? tokens.length).join(' '),
  }));
}
