/**
 * Stable identities: a person or a collectivité keeps one id across editions and re-ingests.
 *
 * Ids are minted from evidence, not from row order: a collectivité's id is a hash of its
 * normalised name; a person's id is a hash of the first strong evidence met for them. Two mentions
 * are linked only on strong evidence: the same e-mail (an author's, or one printed on a tutor's
 * card), the same normalised name at the same collectivité, or the same normalised name in the
 * same promotion. Anything weaker (a name spelt two ways, the same name with nothing else in
 * common) is reported as an IDENTITY_CANDIDATE in `dataset_diagnostics`, never merged.
 */
import { createHash } from 'node:crypto';
import { jaroWinkler } from '../similarity.js';
import { latin } from '../alphabet.js';

/** Names at least this similar (`nameSimilarity`) are reported as candidates. */
export const CANDIDATE_THRESHOLD = 0.92;

/**
 * Share of the family name in `nameSimilarity`, the rest going to the given name. A given name is
 * shared by many (two people sharing only « Olivier » scored 0.921 on the whole name); a family
 * name spelt two ways is the mistake worth a look. With 0.7 and the threshold above, the family
 * names alone must reach (0.92 - 0.3) / 0.7 = 0.886 even when the given names are the same.
 */
const FAMILY_NAME_WEIGHT = 0.7;

/** An e-mail anywhere in a text (a tutor's card prints it among the role lines). */
const EMAIL_IN_TEXT = latin('gu')`[\p{L}\p{N}._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}`;

/** Words printed before some collectivités' names and not part of what they are called. */
const COLLECTIVITE_PREFIX = /^VILLE (?:DE |D ')?/;

/**
 * Folds a string for comparison: no accents, one case, hyphens and apostrophes as spaces.
 * @param text Any printed string.
 * @returns Upper-case ASCII letters, digits and single spaces.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[’'‘ʼ]/g, " ' ")
    .replace(/[-‐‑–—_.,]/g, ' ')
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * The form collectivité names are matched on: case, accents, hyphens and « VILLE DE » folded away.
 * @param printed The name as printed ("Ville de Saint-Étienne").
 * @returns The matching form ("SAINT ETIENNE").
 */
export function normaliseCollectivite(printed: string): string {
  return fold(printed).replace(COLLECTIVITE_PREFIX, '').replace(/ ' /g, ' ').replace(/\s+/g, ' ').trim();
}

/**
 * A person's name in matching form.
 * @param prenom Given name as printed.
 * @param nom Family name as printed.
 * @returns "marc antoine roux": lower case, no accents, hyphens and apostrophes as spaces.
 */
export function normalisePersonName(prenom: string, nom: string): string {
  return fold(`${prenom} ${nom}`).replace(/ ' /g, ' ').toLowerCase();
}

/**
 * The id of a collectivité.
 * @param normalised Its name from `normaliseCollectivite`.
 * @returns "C" and 12 hex digits, the same in every database.
 */
export function collectiviteId(normalised: string): string {
  return `C${hash(normalised)}`;
}

/**
 * The id a person gets from the first strong evidence met for them.
 * @param key An evidence key from `personKeys`.
 * @returns "P" and 12 hex digits.
 */
export function personIdFor(key: string): string {
  return `P${hash(key)}`;
}

/**
 * E-mails printed in a text (a tutor's role lines).
 * @param text The text, or null.
 * @returns The addresses, lower-cased.
 */
export function emailsIn(text: string | null): string[] {
  return text === null ? [] : [...text.matchAll(EMAIL_IN_TEXT)].map((match) => match[0].toLowerCase());
}

/** What a mention of a person offers as evidence. */
export interface Mention {
  readonly prenom: string;
  readonly nom: string;
  readonly emails: readonly string[];
  /** Id of the collectivité of the project the mention belongs to. */
  readonly collectiviteId?: string;
  /** Promotion named for the mention (author) or the roster it is listed in (member). */
  readonly promotion?: string | null;
}

/**
 * The strong evidence keys of a mention, strongest first.
 * @param mention The mention.
 * @returns Keys such as "email:a.b@x.org", "name:jeanne moreau|collectivite:C…", "name:…|promotion:OLYMPE DE GOUGES".
 */
export function personKeys(mention: Mention): string[] {
  const name = normalisePersonName(mention.prenom, mention.nom);
  const keys = mention.emails.map((email) => `email:${email}`);
  if (mention.collectiviteId !== undefined) keys.push(`name:${name}|collectivite:${mention.collectiviteId}`);
  if (mention.promotion) keys.push(`name:${name}|promotion:${fold(mention.promotion)}`);
  return keys;
}

/** A person's name as printed. */
export interface PersonName {
  readonly prenom: string;
  readonly nom: string;
}

/**
 * How alike two people's names are, the family name weighing most.
 * @param a A name as printed.
 * @param b Another.
 * @returns 1 for the same normalised name, else the weighted mean of the Jaro-Winkler similarities
 *   (natural's, through src/similarity.ts) of the folded family names and of the folded given names.
 */
export function nameSimilarity(a: PersonName, b: PersonName): number {
  if (normalisePersonName(a.prenom, a.nom) === normalisePersonName(b.prenom, b.nom)) return 1;
  const folded = (text: string): string => normalisePersonName(text, '').trim();
  const family = jaroWinkler(folded(a.nom), folded(b.nom));
  const given = jaroWinkler(folded(a.prenom), folded(b.prenom));
  return FAMILY_NAME_WEIGHT * family + (1 - FAMILY_NAME_WEIGHT) * given;
}

function hash(text: string): string {
  return createHash('sha256').update(text).digest('hex').slice(0, 12);
}
