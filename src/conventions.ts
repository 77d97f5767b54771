/**
 * Conventions of the document family « Regards croisés sur les territoires » (INET).
 *
 * Forms of the language and of print that are not vocabulary: the words of the family (headings,
 * labels, e-mail domains, captions, months) are data, in the profile (`profiles/inet.json`, read by
 * `src/profile.ts`). Nothing of a given year's content (titles, names, counts, pages) belongs here.
 */

import { latin } from './alphabet.js';

export { foldedLetters, foldedWords, foldForMatch, WHITE_SPACE_TO_COLLAPSE } from './profile.js';

/** A word in capitals cut at its hyphen at the end of a line (« PROMO- », a compound name « DUPONT- »). */
export const CAPITALS_CUT_AT_HYPHEN = latin('u')`\p{Lu}-$`;

/**
 * A sommaire entry's number with its slash ("01/"), the family's historical form. OCR reads that
 * thin slash as "]", "|" or "!" ("02]"), characters a sommaire never prints there otherwise.
 */
export const SOMMAIRE_NUMBER = /^(\d{1,2})\s*[/\]|!]$/;

/** The page reference that closes a « 01/ » entry ("/ P05"; from OCR also "1P05", "IP12", "| P07"). */
export const SOMMAIRE_PAGE = /^[/1Il|]\s*P\.?\s*(\d{1,3})$/i;

/** The edition printed on the cover ("2019 / 2020"). */
export const EDITION = /^((?:19|20)\d{2})\s*[/-]\s*((?:19|20)\d{2})$/;

/** An e-mail address as printed (accented letters allowed: they are printed, then reported). */
export const EMAIL = latin('u')`^[\p{L}\p{N}._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$`;

/** Sentence-ending characters: a block ending otherwise, followed by one starting in lower case, was cut by a column or page break. */
export const SENTENCE_END = /[.:;!?»")]$/;

/**
 * A finished sentence: a full stop, a question or exclamation mark, an ellipsis, a closing quote or
 * parenthesis (a colon announces what follows and finishes none, unlike `SENTENCE_END`).
 */
export const SENTENCE_FINISHED = /[.!?…»"”)]$/u;

/**
 * A line ending on a French article, preposition or conjunction that never ends a sentence (« dans
 * une », « de la », « et ») goes on, whatever the case of the next word (« … dans une » / « Mairie »).
 */
export const ENDS_ON_FUNCTION_WORD = /(?:^|[\s'’])(?:le|la|les|un|une|des|du|de|d|l|au|aux|à|dans|sur|sous|pour|par|avec|sans|entre|vers|chez|et|ou|mais|dont)['’]?$/iu;

/**
 * French number words. Two of them around a line-end hyphen are a compound numeral (« dix-huit »,
 * « quatre-vingt », « vingt-et-un » by its halves): French writes those with hyphens and never as
 * one word, so the hyphen is kept, never taken for hyphenation.
 */
export const NUMBER_WORD = /^(?:un|une|deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|vingts?|trente|quarante|cinquante|soixante|cents?|mille|et)$/;

/** French subject pronouns after an inverted verb: always hyphenated ("est-elle", "peut-on"), never hyphenation. */
export const INVERTED_PRONOUN = /^(?:je|tu|il|ils|elle|elles|on|nous|vous|ce|t)$/;
