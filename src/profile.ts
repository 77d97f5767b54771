/**
 * The vocabulary profile: the document family's words (rubrique headings and their synonyms,
 * project labels, sommaire and roster forms, e-mail domains and corps, caption patterns, months)
 * as data. The shipped profile is `profiles/inet.json`; a user profile extends it (its lists are
 * added) or overrides it (`"extends": false`, or a list's dotted path in `"replace"`).
 *
 * Stages receive the compiled `Vocabulary` as an argument: there is no global mutable state.
 */
import { readFile } from 'node:fs/promises';
import type { ValidateFunction } from 'ajv/dist/2020.js';
// Like the output schema, the JSON stays in place (tsc resolves it from src/ and dist/ alike).
import shipped from '../profiles/inet.json' with { type: 'json' };
import schema from '../schemas/profile.schema.json' with { type: 'json' };
import { latinSource } from './alphabet.js';
import { BrochureError } from './errors.js';
import type { Corps, RubriqueKey } from './types.js';

/** Headings of one rubrique: literal headings and regular expressions on the folded heading. */
export interface RubriqueWords {
  /** The rubrique's usual printed name, for reports (« LES AUTEURS »). */
  label?: string;
  headings?: string[];
  patterns?: string[];
}

/** A profile file (every key optional in a user profile; the shipped one has them all). */
export interface Profile {
  name?: string;
  description?: string;
  /** `false`: replace the shipped profile instead of extending it. */
  extends?: boolean;
  /** Dotted paths of lists replaced rather than extended ("rubriques.auteurs.headings"). */
  replace?: string[];
  rubriques?: Partial<Record<RubriqueKey, RubriqueWords>>;
  projectLabels?: string[];
  sommaire?: { headings?: string[]; pageMarkers?: string[] };
  rosters?: { headingPatterns?: string[] };
  emailDomains?: { domain: string; corps: Corps }[];
  captionPatterns?: string[];
  months?: string[];
  coverAudienceWords?: string[];
  nameParticles?: string[];
  teamTableHeaders?: string[];
  /** Bounds of the self-check (`src/check/`): what a correctly read brochure of the family never exceeds. */
  plausibility?: Plausibility;
}

/**
 * Bounds of a plausible read, each a family convention (the schema gives each one's reason). A
 * bound a profile leaves out is not checked.
 */
export interface Plausibility {
  /** A project's authors at most this many times the document's median. */
  maxAuthorsToMedian?: number;
  /** A project's text (rubriques, figures, references, boxes) at most this many times the document's median. */
  maxCharactersToMedian?: number;
  /** One text rubrique at most this many times the document's median length of that rubrique. */
  maxRubriqueToMedian?: number;
  /** A tutor's function at most this many times the document's median function. */
  maxFunctionToMedian?: number;
  /** Authors of one project, whatever the document (a team of the family is a handful of students). */
  maxAuthorsPerProject?: number;
  /** Characters of prose between two family e-mails beyond which they belong to two teams. */
  teamGapCharacters?: number;
  /** Share of the other projects filling a field from which one project without it is a misread. */
  fieldShareOfSiblings?: number;
  /** Fewest other projects that make `fieldShareOfSiblings` evidence (a short document's few projects are no norm). */
  minSiblingsForFieldShare?: number;
  /** Consecutive lines printed as key figures in a text rubrique from which they are the project's figures read as text. */
  minFigureRunInText?: number;
  /** Lines of a project's text or references opening with a key figure printed apart in display type and not read as a figure, from which its figures were read into the text. */
  minDisplayFiguresInText?: number;
  /** Text rubriques of the document starting mid-sentence from which the text was cut at the wrong places throughout. */
  minRubriquesCutMidSentence?: number;
  /** Share of the projects whose sommaire page is off the document's constant offset from their first page (or missing) beyond which the sommaire's cells were paired wrongly. */
  maxSommairePagesAstray?: number;
}

/** The profile compiled for matching. Built once per run by `compileProfile`. */
export interface Vocabulary {
  /** The merged profile it was built from. */
  readonly profile: Profile;
  /** The rubrique a heading names, or `null` (text of any case and accents). */
  rubriqueOf(text: string): RubriqueKey | null;
  /** Whether a block is a caption or credit to drop. */
  isCaption(text: string): boolean;
  /** Whether a block is the sommaire heading (letter-spaced or split heads allowed). */
  isSommaireHeading(text: string): boolean;
  /** A project number with an optional label, alone on its line ("01", "PROJET 01", "N° 1"): group 1 is the number. */
  readonly projectNumber: RegExp;
  /** A project number opening a line that goes on (« 01/ TITRE », « PROJET 01 — TITRE »): groups label, number, separator, text. */
  readonly projectNumberThenText: RegExp;
  /** A sommaire page reference ("/ P05", "P. 5", "page 5"): group 1 is the page. */
  readonly sommairePage: RegExp;
  /** Roster headings: group 1 is the promotion's name. */
  readonly rosterHeadings: readonly RegExp[];
  /** Students' e-mail domains and their corps. */
  readonly emailDomains: readonly { domain: string; corps: Corps }[];
  /** Whether a folded text is a publication date ("DECEMBRE 2019"). */
  readonly publicationDate: RegExp;
  /** A folded cover line that follows the title (students, promotions, institute). */
  readonly coverAudience: RegExp;
  /** Lower-cased name particles ("de", "van", "d'"). */
  readonly nameParticles: ReadonlySet<string>;
  /** Folded words of a team table's header row (« NOM », « PRENOM », « COURRIEL »). */
  readonly teamTableHeaders: ReadonlySet<string>;
  /** The self-check's bounds (those the profile gives). */
  readonly plausibility: Readonly<Plausibility>;
  /** The name a report gives a rubrique (its `label` in the profile, else its first heading). */
  rubriqueLabel(key: RubriqueKey): string;
}

/**
 * Folded texts already computed: a run folds the same block and heading texts again and again
 * (about 8 000 calls for 1 800 texts on the 2019 brochure). Emptied when it grows past
 * `FOLDED_KEPT` entries, so a long-lived process does not keep every text it ever saw.
 */
const folded = new Map<string, string>();
const FOLDED_KEPT = 20_000;

/**
 * White space to write as one space: a run of two or more, or one that is not a plain space
 * (`text.replace(WHITE_SPACE_TO_COLLAPSE, ' ')` gives what `/\s+/g` gives). Not `\s+`: a single
 * space, by far the most frequent, would be matched and replaced by itself, about 9 ms on a whole
 * converter text against 1.
 */
export const WHITE_SPACE_TO_COLLAPSE = /\s{2,}|[^\S ]/g;

/** A character from U+00C0 on: the first letters with accents (and every combining mark and curly quote) are there. */
const BEYOND_LATIN_1_SYMBOLS = /[^\u0000-\u00bf]/;

/** Upper-cases, strips accents and folds white space, for matching headings whatever their case or accents. */
export function foldForMatch(text: string): string {
  const known = folded.get(text);
  if (known !== undefined) return known;
  // Below U+00C0 no character decomposes, nor is a combining mark or a curly quote: most headings and numbers.
  const unaccented = BEYOND_LATIN_1_SYMBOLS.test(text)
    ? text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[\u2018\u2019\u02bc]/g, "'")
    : text;
  const result = unaccented.toUpperCase().replace(WHITE_SPACE_TO_COLLAPSE, ' ').trim();
  if (folded.size >= FOLDED_KEPT) folded.clear();
  folded.set(text, result);
  return result;
}

/** A folded text's words: its runs of letters (`foldForMatch`), « Anne-Sophie d'Arcy » -> ANNE, SOPHIE, D, ARCY. */
export function foldedWords(text: string): string[] {
  return foldForMatch(text).split(/[^A-Z]+/).filter((word) => word !== '');
}

/** A folded text's letters only (`foldForMatch`): texts compared whatever their spaces, line breaks and marks. */
export function foldedLetters(text: string): string {
  return foldForMatch(text).replace(/[^A-Z]/g, '');
}

/** A word of a table's row: what lies between white space and cell bars (« | »). */
const FIRST_CELL_WORD = /[^\s|]+/;

/**
 * Whether a printed text is a table's header row of names (« Nom | Prénom | Courriel », « Nom »,
 * « Prénom Corps »): every word a header word of the profile. Teams and rosters print such rows.
 * @param text A block's text (cells joined by « | » or spaces).
 * @param headers The profile's folded header words (`teamTableHeaders`).
 */
export function isHeaderRowText(text: string, headers: ReadonlySet<string>): boolean {
  if (headers.size === 0 || text.includes('@')) return false;
  // The first word first, folded alone (folding keeps words apart and makes none): a paragraph is
  // then never folded whole for this. (A word of accents alone folds to nothing: the whole decides.)
  const first = FIRST_CELL_WORD.exec(text);
  if (first === null) return false;
  const firstWord = foldForMatch(first[0]);
  if (firstWord !== '' && !headers.has(firstWord)) return false;
  const words = foldForMatch(text).split(/[\s|]+/).filter(Boolean);
  return words.length > 0 && words.every((word) => headers.has(word));
}

const RUBRIQUE_KEYS: readonly RubriqueKey[] = ['auteurs', 'tuteurs', 'contexte', 'problematique', 'clesPourAgir', 'temoignage', 'chiffres', 'allerPlusLoin'];

let validator: ValidateFunction<Profile> | undefined;

/**
 * Checks a profile against `schemas/profile.schema.json`. ajv is loaded only here: a run with the
 * shipped profile (checked by the tests) does not pay for it.
 * @param data The parsed JSON.
 * @param origin Where it came from, for the message.
 * @returns The profile, typed.
 * @throws BrochureError (USAGE) with a one-line message naming the first problem.
 */
export async function checkProfile(data: unknown, origin: string): Promise<Profile> {
  if (!validator) {
    const { Ajv2020 } = await import('ajv/dist/2020.js');
    const ajv = new Ajv2020({ allErrors: false, strict: true, validateFormats: false });
    validator = ajv.compile<Profile>(schema);
  }
  if (!validator(data)) {
    const error = validator.errors?.[0];
    const where = error?.instancePath === '' || !error ? '/' : error.instancePath;
    const extra = error?.keyword === 'additionalProperties' ? ` (${String((error.params as { additionalProperty: string }).additionalProperty)})` : '';
    throw new BrochureError('USAGE', `profile ${origin}: ${where} ${error?.message ?? 'is invalid'}${extra}`);
  }
  for (const source of patternSources(data)) {
    try {
      new RegExp(source, 'u');
    } catch {
      throw new BrochureError('USAGE', `profile ${origin}: « ${source} » is not a valid regular expression`);
    }
  }
  return data;
}

/** The profile shipped with the package (`profiles/inet.json`; `test/profile.test.ts` checks it against the schema). */
export const SHIPPED_PROFILE: Profile = shipped as Profile;

/**
 * Merges a user profile onto a base: lists are added (duplicates dropped) unless the user
 * profile sets `"extends": false` or names the list in `"replace"`.
 * @param base The profile extended (usually the shipped one).
 * @param user The user's profile.
 * @returns A new merged profile.
 */
export function mergeProfile(base: Profile, user: Profile): Profile {
  if (user.extends === false) return { ...user, replace: [] };
  const replace = new Set(user.replace ?? []);
  const list = <T>(path: string, a: T[] | undefined, b: T[] | undefined): T[] | undefined => {
    if (b === undefined) return a;
    if (replace.has(path) || a === undefined) return [...b];
    const seen = new Set(a.map((item) => JSON.stringify(item)));
    return [...a, ...b.filter((item) => !seen.has(JSON.stringify(item)))];
  };
  const rubriques: Partial<Record<RubriqueKey, RubriqueWords>> = {};
  for (const key of RUBRIQUE_KEYS) {
    const a = base.rubriques?.[key];
    const b = user.rubriques?.[key];
    if (!a && !b) continue;
    rubriques[key] = {
      ...((b?.label ?? a?.label) !== undefined ? { label: (b?.label ?? a?.label)! } : {}),
      headings: list(`rubriques.${key}.headings`, a?.headings, b?.headings) ?? [],
      patterns: list(`rubriques.${key}.patterns`, a?.patterns, b?.patterns) ?? [],
    };
  }
  return {
    name: user.name ?? base.name,
    rubriques,
    projectLabels: list('projectLabels', base.projectLabels, user.projectLabels),
    sommaire: {
      headings: list('sommaire.headings', base.sommaire?.headings, user.sommaire?.headings),
      pageMarkers: list('sommaire.pageMarkers', base.sommaire?.pageMarkers, user.sommaire?.pageMarkers),
    },
    rosters: { headingPatterns: list('rosters.headingPatterns', base.rosters?.headingPatterns, user.rosters?.headingPatterns) },
    emailDomains: list('emailDomains', base.emailDomains, user.emailDomains),
    captionPatterns: list('captionPatterns', base.captionPatterns, user.captionPatterns),
    months: list('months', base.months, user.months),
    coverAudienceWords: list('coverAudienceWords', base.coverAudienceWords, user.coverAudienceWords),
    nameParticles: list('nameParticles', base.nameParticles, user.nameParticles),
    teamTableHeaders: list('teamTableHeaders', base.teamTableHeaders, user.teamTableHeaders),
    // Bounds are numbers, not lists: the user's replace the base's one by one.
    plausibility: { ...base.plausibility, ...user.plausibility },
  };
}

/**
 * Reads, checks and merges a user profile file onto the shipped profile.
 * @param path The profile file (JSON).
 * @returns The merged profile.
 * @throws BrochureError (USAGE) for an unreadable, non-JSON or invalid file, in one line.
 */
export async function loadProfile(path: string): Promise<Profile> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new BrochureError('USAGE', `profile ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new BrochureError('USAGE', `profile ${path}: not JSON (${(error as Error).message.split('\n')[0]})`);
  }
  return mergeProfile(SHIPPED_PROFILE, await checkProfile(data, path));
}

/** Escapes a literal for a regular expression. */
function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Folds a printed word of the profile the way headings are folded. */
function foldWord(text: string): string {
  return foldForMatch(text).replace(/[.:]$/, '').trim();
}

/**
 * Compiles a (merged) profile for matching.
 * @param profile The profile; the shipped one when omitted.
 * @returns The vocabulary the stages use.
 */
export function compileProfile(profile: Profile = SHIPPED_PROFILE): Vocabulary {
  const rubriques = RUBRIQUE_KEYS.map((key) => ({
    key,
    headings: new Set((profile.rubriques?.[key]?.headings ?? []).map(foldWord)),
    patterns: (profile.rubriques?.[key]?.patterns ?? []).map((source) => new RegExp(source, 'u')),
    // Letter-spaced headings (tracking, hand-made small capitals) come out of the PDF with their word
    // spaces lost or moved (« TUTEURAUSEIN DE LA COL LE CTIVITÉ »): compared without spaces as well.
    unspacedHeadings: new Set((profile.rubriques?.[key]?.headings ?? []).map((word) => foldWord(word).replace(/ /g, ''))),
    unspacedPatterns: (profile.rubriques?.[key]?.patterns ?? []).map((source) => new RegExp(source.replace(/ /g, ' ?'), 'u')),
  }));
  const captions = (profile.captionPatterns ?? []).map((source) => new RegExp(source, 'u'));
  const sommaireHeadings = new Set((profile.sommaire?.headings ?? []).map((word) => foldWord(word).replace(/ /g, '')));
  // Letter-spaced display type loses or adds spaces inside a label: any space in it is optional.
  const labels = (profile.projectLabels ?? []).map(foldWord).sort((a, b) => b.length - a.length).map((label) => escape(label).replace(/ /g, '\\s*'));
  const markers = (profile.sommaire?.pageMarkers ?? []).map(foldWord).sort((a, b) => b.length - a.length).map(escape);
  const months = (profile.months ?? []).map(foldWord).map(escape);
  const audience = (profile.coverAudienceWords ?? []).map(foldWord).map(escape);
  const rubriqueOfFolded = (text: string): RubriqueKey | null => {
    // A numbered heading (« 1. Contexte », « II - Problématique », a subsection's « 1.3 Contexte »)
    // names its rubrique all the same.
    const folded = foldWord(text).replace(/^(?:\d{1,2}(?:\.\d{1,2})+\.?\s|(?:\d{1,2}|[IVX]{1,4})\s*[.)\u2013-])\s*/, '');
    if (folded.length > 60) return null;
    for (const { key, headings, patterns } of rubriques) {
      if (headings.has(folded) || patterns.some((pattern) => pattern.test(folded))) return key;
    }
    const unspaced = folded.replace(/ /g, '');
    for (const { key, unspacedHeadings, unspacedPatterns } of rubriques) {
      if (unspacedHeadings.has(unspaced) || unspacedPatterns.some((pattern) => pattern.test(unspaced))) return key;
    }
    return null;
  };
  // The stages ask again of the same headings and lines (each pass of segment and parse): each text's answer kept.
  const rubriqueOfText = new Map<string, RubriqueKey | null>();
  // Parse asks it of each block of a rubrique several times (each list of blocks it reads is filtered of captions).
  const captionOfText = new Map<string, boolean>();
  return {
    profile,
    rubriqueOf(text) {
      // Most blocks are paragraphs: skip them before the (costlier) folding.
      if (text.length > 80) return null;
      const known = rubriqueOfText.get(text);
      if (known !== undefined) return known;
      if (rubriqueOfText.size >= FOLDED_KEPT) rubriqueOfText.clear();
      const key = rubriqueOfFolded(text);
      rubriqueOfText.set(text, key);
      return key;
    },
    isCaption(text) {
      const known = captionOfText.get(text);
      if (known !== undefined) return known;
      if (captionOfText.size >= FOLDED_KEPT) captionOfText.clear();
      // Caption patterns only look at the start of a block.
      const folded = foldForMatch(text.slice(0, 40));
      const caption = captions.some((pattern) => pattern.test(folded));
      captionOfText.set(text, caption);
      return caption;
    },
    isSommaireHeading(text) {
      return text.length <= 40 && sommaireHeadings.has(foldWord(text).replace(/ /g, ''));
    },
    projectNumber: new RegExp(`^(?:(?:${labels.join('|') || '(?!)'})\\s*)?(\\d{1,2})$`, 'iu'),
    projectNumberThenText: new RegExp(latinSource(`^((?:${labels.join('|') || '(?!)'})?)\\s*(\\d{1,2})\\s*([/.)\u2013\u2014-]?)\\s*([\\p{L}«"].*)$`), 'iu'),
    sommairePage: new RegExp(`^(?:/\\s*)?(?:${markers.join('|') || '(?!)'})\\s*\\.?\\s*(\\d{1,3})$`, 'iu'),
    rosterHeadings: (profile.rosters?.headingPatterns ?? []).map((source) => new RegExp(source, 'u')),
    emailDomains: profile.emailDomains ?? [],
    publicationDate: new RegExp(`^(?:${months.join('|') || '(?!)'}) (?:19|20)\\d{2}$`, 'u'),
    coverAudience: new RegExp(audience.join('|') || '(?!)', 'u'),
    nameParticles: new Set((profile.nameParticles ?? []).map((word) => word.toLowerCase())),
    teamTableHeaders: new Set((profile.teamTableHeaders ?? []).flatMap((words) => foldForMatch(words).split(' '))),
    plausibility: profile.plausibility ?? {},
    rubriqueLabel(key) {
      const words = profile.rubriques?.[key];
      return words?.label ?? words?.headings?.[0] ?? key;
    },
  };
}

/** The shipped profile, compiled: what stages use when given no vocabulary. */
export const DEFAULT_VOCABULARY: Vocabulary = compileProfile();

function patternSources(profile: Profile): string[] {
  return [
    ...Object.values(profile.rubriques ?? {}).flatMap((words) => words?.patterns ?? []),
    ...(profile.rosters?.headingPatterns ?? []),
    ...(profile.captionPatterns ?? []),
  ];
}
