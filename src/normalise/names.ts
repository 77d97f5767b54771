/**
 * Names, e-mails and corps: splitting a printed name into given and family names, folding
 * strings for comparison, and reading the corps from an e-mail domain.
 */
import { DEFAULT_VOCABULARY, type Vocabulary } from '../profile.js';
import type { Corps, Personne } from '../types.js';

/** Whether a name token is (or ends in) a family name in capitals: "LE", "GOFF", "Garcia-LOPEZ". */
function isFamilyToken(token: string): boolean {
  const last = token.split('-').at(-1) ?? '';
  return /\p{Lu}{2}/u.test(last) && last === last.toUpperCase();
}

/**
 * Splits a printed name into given name(s) and family name, case kept: the family name is the
 * run of tokens in capitals, at the end ("Claire LE GOFF") or at the start ("LE GOFF Claire").
 * @param printed The name line.
 * @returns `{prenom, nom}`; a name with no token in capitals has its last word as family name.
 */
export function splitName(printed: string): Personne {
  const tokens = printed.trim().split(/\s+/).filter(Boolean);
  if (tokens.length === 0) return { prenom: '', nom: '' };
  if (tokens.length === 1) return { prenom: '', nom: tokens[0]! };
  let first = tokens.findIndex(isFamilyToken);
  if (first < 0) return { prenom: tokens.slice(0, -1).join(' '), nom: tokens.at(-1)! };
  if (first === 0) {
    // "NOM Prénom": the family name is the leading run of capitals.
    let end = 0;
    while (end < tokens.length && isFamilyToken(tokens[end]!)) end++;
    if (end === tokens.length) end = tokens.length - 1;
    return { prenom: tokens.slice(end).join(' '), nom: tokens.slice(0, end).join(' ') };
  }
  // "Prénom NOM": the family name runs from the first token in capitals to the end.
  while (first > 0 && /^(de|du|des|le|la|van|von|der|di|da)$/i.test(tokens[first - 1]!) && first - 1 > 0) first--;
  return { prenom: tokens.slice(0, first).join(' '), nom: tokens.slice(first).join(' ') };
}

/**
 * Splits a roster line "NOM Prénom" into family and given names; repairs a missing space
 * ("DUPONTMarie" -> DUPONT / Marie) and says so.
 * @param line A roster member line.
 * @returns The person and whether the space was missing.
 */
export function splitRosterLine(line: string): { personne: Personne; missingSpace: boolean } {
  const tokens = line.trim().split(/\s+/);
  const glued = /^(\p{Lu}[\p{Lu}'’-]+)(\p{Lu}\p{Ll}.*)$/u.exec(tokens[0] ?? '');
  if (glued) tokens.splice(0, 1, glued[1]!, glued[2]!);
  let end = 0;
  while (end < tokens.length - 1 && isFamilyToken(tokens[end]!)) end++;
  if (end === 0) end = 1;
  return { personne: { prenom: tokens.slice(end).join(' '), nom: tokens.slice(0, end).join(' ') }, missingSpace: glued !== null };
}

/**
 * Folds a string for comparison: no accents, lower case, letters only.
 * @param text Any printed string.
 * @returns "Benoît MOREL" -> "benoitmorel".
 */
export function foldLetters(text: string): string {
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
    .replace(/(^|[\s'’-])(\p{Ll})/gu, (_, separator: string, letter: string) => separator + letter.toUpperCase());
}
