/**
 * What the self-check's passes share: which fields a project holds, the document's median, and
 * how a diagnostic names a project and its pages.
 */
import type { Projet, RubriqueKey } from '../types.js';

/** Whether a project's field for a rubrique holds anything. */
export const HOLDS: Record<RubriqueKey, (projet: Projet) => boolean> = {
  auteurs: (projet) => projet.auteurs.length > 0,
  tuteurs: (projet) => projet.tuteurs.length > 0,
  contexte: (projet) => Boolean(projet.contexte),
  problematique: (projet) => Boolean(projet.problematique),
  clesPourAgir: (projet) => Boolean(projet.clesPourAgir),
  temoignage: (projet) => Boolean(projet.temoignage),
  chiffres: (projet) => projet.chiffres.length > 0,
  allerPlusLoin: (projet) => projet.allerPlusLoin.length > 0,
};

/** The median of some numbers (0 for none). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A diagnostic's project and first page. */
export function at(projet: Projet): { projet: number; page?: number } {
  return { projet: projet.numero, ...page(projet.pages?.debut ?? null) };
}

/** A diagnostic's page, when known. */
export function page(where: number | null): { page?: number } {
  return where === null ? {} : { page: where };
}

/** « (pages 12–14) » for a message, '' for converter text. */
export function projectPages(projet: Projet): string {
  return projet.pages ? ` (pages ${projet.pages.debut}–${projet.pages.fin})` : '';
}

/** A project number as printed: two digits. */
export function pad(numero: number): string {
  return String(numero).padStart(2, '0');
}
