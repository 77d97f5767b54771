/**
 * Names, e-mails and corps: splitting a printed name into given and family names, folding
 * strings for comparison, and reading the corps from an e-mail domain.
 */
import { DEFAULT_VOCABULARY, type Vocabulary } from '../profile.js';
import type { Corps, Personne } from '../types.js';
import { hasCapitalsInARow, latin, startsWithCapital } from '../alphabet.js';

/** Whether a name token is (or ends in) a family name in capitals: "LE", "GOFF", "Garcia-LOPEZ". */
function isFamilyToken(token: string): boolean {
  const last = token.split('-').at(-1) ?? '';
  return hasCapitalsInARow(last) && last === last.toUpperCase();
}

/** Particles that belong to the family name when no e-mail tells (the profile's list is used by the pipeline). */
const DEFAULT_PARTICLES: ReadonlySet<string> = DEFAULT_VOCABULARY.nameParticles;

/** What may decide a name's order besides its case. */
export interface NameHints {
  /** The person's e-mail: its local part « prenom.nom » names the given and family names. */
  readonly email?: string | null;
  /** Known people as folded « given|family » keys (authors' e-mails, roster lines). */
  readonly known?: ReadonlySet<string>;
  /** Lower-cased name particles (« de », « van », « d' »). */
  readonly particles?: ReadonlySet<string>;
}

/** A split of a printed name, and what decided it. */
export interface NameSplit {
  readonly personne: Personne;
  /** `email` or `known`: an outside source decided; `case`: capitals did; `default`: the usual order was assumed. */
  readonly by: 'email' | 'known' | 'case' | 'default';
  /** The split the capitals give when an outside source decided otherwise. */
  readonly byCase: Personne | null;
}

/**
 * The folded « given|family » key of a person, as `NameHints.known` holds them.
 * @param personne A person.
 * @returns E.g. "lisa|marchetti".
 */
export function nameKey(personne: Personne): string {
  return `${foldLetters(personne.prenom)}|${foldLetters(personne.nom)}`;
}

/**
 * The « given|family » key an e-mail spells (« lisa.marchetti@… » -> "lisa|marchetti").
 * @param email An e-mail.
 * @returns The key, or `null` when the local part has no separator.
 */
export function emailKey(email: string | null | undefined): string | null {
  const local = (email ?? '').split('@')[0] ?? '';
  const [given, ...family] = local.split(/[._]/);
  if (!given || family.length === 0) return null;
  return `${foldLetters(given)}|${foldLetters(family.join(''))}`;
}

/**
 * Compares an e-mail's local part with the printed name, accents, spaces and hyphens folded
 * ("anne.durandvidal" spells "Anne DURAND-VIDAL").
 * @param local The e-mail's local part.
 * @param person The name as printed, split.
 * @returns `null` when they agree, `info` when the local part only uses a longer or shorter
 * given name, `warning` when a name is spelt differently.
 */
export function emailNameMismatch(local: string, person: Personne): 'info' | 'warning' | null {
  const [givenPart = '', ...rest] = local.split('.');
  const familyPart = foldLetters(rest.join(''));
  const given = foldLetters(person.prenom);
  const family = foldLetters(person.nom);
  const localGiven = foldLetters(givenPart);
  if (localGiven === given && familyPart === family) return null;
  if (familyPart === family && (localGiven.startsWith(given) || given.startsWith(localGiven))) return 'info';
  return 'warning';
}

/**
 * Splits a printed name into given and family names, case kept, whatever the order and case:
 * « Prénom NOM », « NOM Prénom », all capitals, title case, particles, compound given names and
 * hyphenated family names. The e-mail's local part decides first, then known people (rosters,
 * other e-mails), then capitals (the family name is the run in capitals), then the usual order
 * (« Prénom Nom », the family name taking the particles before it).
 * @param printed The name as printed.
 * @param hints E-mail, known people and particles.
 * @returns The split and what decided it.
 */
export function splitPersonName(printed: string, hints: NameHints = {}): NameSplit {
  const tokens = printed.trim().split(/\s+/).filter(Boolean);
  if (tokens.length < 2) return { personne: { prenom: '', nom: tokens[0] ?? '' }, by: 'default', byCase: null };
  const byCase = splitByCase(tokens, hints.particles ?? DEFAULT_PARTICLES);
  const splits = allSplits(tokens);
  const emailed = emailKey(hints.email);
  const byEmail = emailed ? splits.filter((split) => nameKey(split) === emailed) : [];
  if (byEmail.length >= 1) return decided(byEmail, 'email', byCase);
  const byKnown = hints.known ? splits.filter((split) => hints.known!.has(nameKey(split))) : [];
  if (byKnown.length >= 1) return decided(byKnown, 'known', byCase);
  if (byCase) return { personne: byCase, by: 'case', byCase };
  return { personne: usualOrder(tokens, hints.particles ?? DEFAULT_PARTICLES), by: 'default', byCase: null };
}

/** The outside source's split; when two splits spell alike, the one the capitals agree with. */
function decided(candidates: readonly Personne[], by: 'email' | 'known', byCase: Personne | null): NameSplit {
  const agreeing = byCase ? candidates.find((split) => split.nom === byCase.nom && split.prenom === byCase.prenom) : undefined;
  return { personne: agreeing ?? candidates[0]!, by, byCase };
}

/** Every split of the tokens into given and family names, in both orders. */
function allSplits(tokens: readonly string[]): Personne[] {
  const splits: Personne[] = [];
  for (let k = 1; k < tokens.length; k++) {
    splits.push({ prenom: tokens.slice(0, k).join(' '), nom: tokens.slice(k).join(' ') });
    splits.push({ prenom: tokens.slice(k).join(' '), nom: tokens.slice(0, k).join(' ') });
  }
  return splits;
}

/** The family name is the run of tokens in capitals, at the end or at the start; `null` when case tells nothing. */
function splitByCase(tokens: readonly string[], particles: ReadonlySet<string>): Personne | null {
  const caps = tokens.map(isFamilyToken);
  if (caps.every(Boolean) || !caps.some(Boolean)) return null;
  let first = caps.indexOf(true);
  if (first === 0) {
    // "NOM Prénom": the family name is the leading run of capitals.
    let end = 0;
    while (end < tokens.length && caps[end]) end++;
    return { prenom: tokens.slice(end).join(' '), nom: tokens.slice(0, end).join(' ') };
  }
  // "Prénom NOM": the family name runs from the first token in capitals to the end.
  while (first > 1 && particles.has(tokens[first - 1]!.toLowerCase())) first--;
  return { prenom: tokens.slice(0, first).join(' '), nom: tokens.slice(first).join(' ') };
}

/** « Prénom Nom »: the last word is the family name, with the particles printed before it. */
function usualOrder(tokens: readonly string[], particles: ReadonlySet<string>): Personne {
  let first = tokens.length - 1;
  const isParticle = (token: string): boolean => particles.has(token.toLowerCase()) || /^d['’]$/i.test(token);
  while (first > 1 && isParticle(tokens[first - 1]!)) first--;
  return { prenom: tokens.slice(0, first).join(' '), nom: tokens.slice(first).join(' ') };
}

/**
 * Splits a printed name into given name(s) and family name, case kept (no outside hint).
 * @param printed The name line.
 * @returns `{prenom, nom}`.
 */
export function splitName(printed: string): Personne {
  return splitPersonName(printed).personne;
}

/**
 * Splits a roster line into family and given names. Rosters print « NOM Prénom »; a line in
 * another order or case is decided by known people (the authors' e-mails), then by capitals.
 * Repairs a missing space ("DUPONTMarie" -> DUPONT / Marie) and says so.
 * @param line A roster member line.
 * @param known Known people as « given|family » keys (authors' e-mails).
 * @returns The person and whether the space was missing.
 */
export function splitRosterLine(line: string, known?: ReadonlySet<string>): { personne: Personne; missingSpace: boolean } {
  const tokens = line.trim().split(/\s+/);
  const glued = latin('u')`^(\p{Lu}[\p{Lu}'’-]+)(\p{Lu}\p{Ll}.*)$`.exec(tokens[0] ?? '');
  if (glued) tokens.splice(0, 1, glued[1]!, glued[2]!);
  if (tokens.length < 2) return { personne: { prenom: '', nom: tokens[0] ?? '' }, missingSpace: glued !== null };
  const byKnown = known ? allSplits(tokens).filter((split) => known.has(nameKey(split))) : [];
  const caps = tokens.map(isFamilyToken);
  const byCase = caps.some(Boolean) && !caps.every(Boolean) ? splitByCase(tokens, DEFAULT_PARTICLES) : null;
  if (byKnown.length > 0) {
    const agreeing = byKnown.find((split) => byCase !== null && split.nom === byCase.nom);
    return { personne: agreeing ?? byKnown[0]!, missingSpace: glued !== null };
  }
  if (byCase) return { personne: byCase, missingSpace: glued !== null };
  // All capitals or no capitals: the roster's own order, family name first (at least one word, keeping all but the last in capitals).
  let end = 0;
  while (end < tokens.length - 1 && caps[end]) end++;
  if (end === 0) end = 1;
  return { personne: { prenom: tokens.slice(end).join(' '), nom: tokens.slice(0, end).join(' ') }, missingSpace: glued !== null };
}

/**
 * Several people printed on one roster line (columns set closer than a word space is wide,
 * read as one line): « DUPONT-MOREAU Anne MARTIN Paul ». The line's first words set the
 * order (family name in capitals first, or given name first); a new person starts where that
 * order starts again. Only a line whose words switch case three times or more is cut: one
 * person's name switches at most twice (« Jean de LA FONTAINE »).
 * @param line A roster line as printed.
 * @returns The people's lines, the line itself when it holds one person.
 */
export function splitRosterPeople(line: string): string[] {
  const tokens = line.trim().split(/\s+/);
  const caps = tokens.map(isFamilyToken);
  const switches = caps.slice(1).filter((cap, i) => cap !== caps[i]).length;
  if (switches < 3 || !tokens.every((token) => startsWithCapital(token))) return [line];
  const people: string[][] = [];
  tokens.forEach((token, i) => {
    const opens = i === 0 || (caps[i] === caps[0] && caps[i - 1] !== caps[0]);
    if (opens) people.push([token]);
    else people.at(-1)!.push(token);
  });
  return people.map((words) => words.join(' '));
}

/**
 * Texts this long (a rubrique's text, not a name or a word) are folded once per run: the checks of
 * normalise and the self-check each fold every project's rubriques whole.
 */
const LONG_TEXT = 200;
/** Long texts' foldings kept, emptied past this many so a long-lived process keeps few. */
const LONG_TEXTS_KEPT = 1_000;
const foldedLong = new Map<string, string>();

/**
 * Folds a string for comparison: no accents, lower case, letters only.
 * @param text Any printed string.
 * @returns "Benoît MOREL" -> "benoitmorel".
 */
export function foldLetters(text: string): string {
  if (text.length < LONG_TEXT) return foldLettersNow(text);
  const known = foldedLong.get(text);
  if (known !== undefined) return known;
  const folded = foldLettersNow(text);
  if (foldedLong.size >= LONG_TEXTS_KEPT) foldedLong.clear();
  foldedLong.set(text, folded);
  return folded;
}

/** `foldLetters` itself, on every call. */
function foldLettersNow(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z]/g, '');
}

/**
 * The corps an e-mail domain stands for.
 * @param email A lower-cased e-mail.
 * @param vocabulary The family's e-mail domains (the shipped profile's when omitted).
 * @returns The corps, or `null` for an unknown domain.
 */
export function corpsOfEmail(email: string | null, vocabulary: Vocabulary = DEFAULT_VOCABULARY): Corps | null {
  if (email === null) return null;
  const domain = email.split('@')[1] ?? '';
  return vocabulary.emailDomains.find((entry) => entry.domain === domain)?.corps ?? null;
}

/**
 * Title-cases a name printed in capitals ("MARIE CURIE" -> "Marie Curie").
 * @param text A name in capitals.
 * @returns The display form.
 */
export function titleCase(text: string): string {
  return text
    .toLowerCase()
    .replace(latin('gu')`(^|[\s'’-])(\p{Ll})`, (_, separator: string, letter: string) => separator + letter.toUpperCase());
}
