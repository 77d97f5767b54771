/**
 * Which rubriques are running text: one list for every stage (parse cuts them, normalise checks
 * them, compare scores them).
 */
import type { RubriqueKey } from './types.js';

/** The body's text rubriques: what a project page tells (the testimony, a quote, is set apart). */
export const BODY_RUBRIQUES = ['contexte', 'problematique', 'clesPourAgir'] as const;

/** Every rubrique printed as running text, in the contract's order: the body's three, then the testimony. */
export const TEXT_RUBRIQUES = [...BODY_RUBRIQUES, 'temoignage'] as const;

/** A rubrique printed as running text. */
export type TextRubrique = (typeof TEXT_RUBRIQUES)[number];

/**
 * Whether a rubrique is one of the body's text rubriques.
 * @param key A rubrique, or `null` (an unknown heading's).
 * @returns `true` for contexte, problématique and clés pour agir.
 */
export function isBodyRubrique(key: RubriqueKey | null): boolean {
  return (BODY_RUBRIQUES as readonly (RubriqueKey | null)[]).includes(key);
}

/**
 * Whether a rubrique is printed as running text (the body's three and the testimony).
 * @param key A rubrique, or `null` (an unknown heading's).
 */
export function isTextRubrique(key: RubriqueKey | null): boolean {
  return (TEXT_RUBRIQUES as readonly (RubriqueKey | null)[]).includes(key);
}
