/**
 * Conventions of the document family « Regards croisés sur les territoires » (INET).
 *
 * Everything here is true of the family, not of one year: heading words, e-mail domains,
 * layout cues. Nothing of a given year's content (titles, names, counts, pages) belongs here.
 * Patterns are tried on text that went through `foldForMatch` (no accents, upper case,
 * single spaces), so "Témoignage de la collectivité" and "TÉMOIGNAGE DE LA COLLECTIVITÉ" match alike.
 */
import type { Corps, RubriqueKey } from './types.js';

/** Upper-cases, strips accents and folds white space, for matching headings whatever their case or accents. */
export function foldForMatch(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toUpperCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Rubrique headings of a project page, tried on the whole (folded) block text.
 * Variants seen or expected in the family: "LE CONTEXTE", "LES CHIFFRES CLÉS", "POUR ALLER PLUS LOIN".
 */
export const RUBRIQUE_HEADINGS: readonly { key: RubriqueKey; pattern: RegExp }[] = [
  { key: 'auteurs', pattern: /^(LES )?AUTEU?R(E)?S?( DU PROJET)?$/ },
  { key: 'tuteurs', pattern: /^(TUT(EUR|RICE)S?)( (ET|&) (TUT(EUR|RICE)S?))? (AU SEIN DE|DE) LA COLLECTIVITE$/ },
  { key: 'contexte', pattern: /^(LE )?CONTEXTE$/ },
  { key: 'problematique', pattern: /^(LA )?PROBLEMATIQUE$/ },
  { key: 'clesPourAgir', pattern: /^(DES )?CLES POUR AGIR$/ },
  { key: 'temoignage', pattern: /^(LE )?TEMOIGNAGE( DE LA COLLECTIVITE)?$/ },
  { key: 'chiffres', pattern: /^(LES )?CHIFFRES( CLES)?$/ },
  { key: 'allerPlusLoin', pattern: /^(POUR )?ALLER PLUS LOIN$/ },
];

/** Returns the rubrique a block's text announces, or `null` when it is not a rubrique heading. */
export function rubriqueOf(text: string): RubriqueKey | null {
  // Most blocks are paragraphs: skip them before the (costlier) folding.
  if (text.length > 80) return null;
  const folded = foldForMatch(text).replace(/[.:]$/, '').trim();
  if (folded.length > 60) return null;
  for (const { key, pattern } of RUBRIQUE_HEADINGS) if (pattern.test(folded)) return key;
  return null;
}

/** A project heading is its number alone, two digits as printed ("01"). */
export const PROJECT_NUMBER = /^(\d{1,2})$/;

/**
 * A sommaire entry starts with the number and a slash ("01/"). OCR reads that thin slash as "]",
 * "|" or "!" ("02]"), characters a sommaire never prints there otherwise.
 */
export const SOMMAIRE_NUMBER = /^(\d{1,2})\s*[/\]|!]$/;

/** The page reference that closes a sommaire entry ("/ P05"; from OCR also "1P05", "IP12", "| P07"). */
export const SOMMAIRE_PAGE = /^[/1Il|]\s*P\.?\s*(\d{1,3})$/i;

/** The sommaire heading, printed letter-spaced or split ("SOM MAI RE"). */
export const SOMMAIRE_HEADING = /^(SOMMAIRE|TABLE DES MATIERES)$/;

/** A roster heading: "PROMOTION X", printed hyphenated as "PROMO- TION X". */
export const ROSTER_HEADING = /^PROMO-?\s*TION\s+(.+)$/;

/** The edition printed on the cover ("2019 / 2020"). */
export const EDITION = /^((?:19|20)\d{2})\s*[/-]\s*((?:19|20)\d{2})$/;

/** The publication date of the colophon ("Décembre 2019"). */
export const PUBLICATION_DATE =
  /^(JANVIER|FEVRIER|MARS|AVRIL|MAI|JUIN|JUILLET|AOUT|SEPTEMBRE|OCTOBRE|NOVEMBRE|DECEMBRE) (?:19|20)\d{2}$/;

/** E-mail domains of INET students and the corps each one means. */
export const EMAIL_DOMAINS: readonly { domain: string; corps: Corps }[] = [
  { domain: 'administrateur-inet.org', corps: 'administrateur' },
  { domain: 'ingenieurchef-inet.org', corps: 'ingenieur-en-chef' },
  { domain: 'conservateur-inet.org', corps: 'conservateur' },
];

/** An e-mail address as printed (accented letters allowed: they are printed, then reported). */
export const EMAIL = /^[\p{L}\p{N}._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$/u;

/**
 * Lines that only label or credit an image: they belong to no rubrique and are dropped
 * (the gold's rule: captions, credits, figure titles).
 */
export const CAPTION_PATTERNS: readonly RegExp[] = [
  /^CREDITS? PHOTOS? ?:/,
  /^SOURCES? DES IMAGES ?:/,
  /^FIGURE \d+ ?:/,
  /^IMAGE [A-Z]/,
  /^DE GAUCHE A DROITE,/,
  /^PHOTO ?:/,
];

/** Whether a block is a caption / credit to drop. */
export function isCaption(text: string): boolean {
  // Caption patterns only look at the start of a block.
  const folded = foldForMatch(text.slice(0, 40));
  return CAPTION_PATTERNS.some((pattern) => pattern.test(folded));
}

/** Sentence-ending characters: a block ending otherwise, followed by one starting in lower case, was cut by a column or page break. */
export const SENTENCE_END = /[.:;!?»")]$/;

/** French subject pronouns after an inverted verb: always hyphenated ("est-elle", "peut-on"), never hyphenation. */
export const INVERTED_PRONOUN = /^(?:je|tu|il|ils|elle|elles|on|nous|vous|ce|t)$/;
