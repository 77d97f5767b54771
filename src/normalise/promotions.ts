/**
 * Promotions: the rosters printed at the end of the brochure, their display names (from the
 * cover), and finding each author in them. Rosters and project pages spell some names
 * differently; a match that needs more than accents or case is reported, never hidden.
 */
import { WHITE_SPACE_TO_COLLAPSE } from '../conventions.js';
import { jaroWinkler, mostSimilar } from '../similarity.js';
import { UNREADABLE_CHAR } from '../unreadable.js';
import type { Diagnostic, Personne, RosterBlock } from '../types.js';
import { foldLetters, splitRosterLine, splitRosterPeople, titleCase } from './names.js';

/** A roster with its display name and members. */
export interface Promotion {
  /** Display name ("Olympe de Gouges"), from the cover when it names the promotion, else the roster heading. */
  readonly nom: string;
  /** Heading as printed on the roster page. */
  readonly heading: string;
  readonly membres: readonly Personne[];
}

/** Similarity above which two folded family names are taken as one name misspelt. */
const SAME_FAMILY_NAME = 0.9;
/** Similarity above which two folded given names are taken as one name misspelt. */
const SAME_GIVEN_NAME = 0.85;
/** Similarity above which a roster heading and a cover name are the same promotion. */
const SAME_PROMOTION = 0.85;

/**
 * Reads the rosters into promotions named as on the cover.
 * @param rosters Roster blocks from the segment stage.
 * @param coverNames Promotion names printed on the cover, in capitals.
 * @param known People known from the authors' e-mails (« given|family » keys), to read lines in any order.
 * @returns The promotions and the anomalies met (glued names, heading spelt unlike the cover).
 */
export function readPromotions(rosters: readonly RosterBlock[], coverNames: readonly string[], known?: ReadonlySet<string>): { promotions: Promotion[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const promotions = rosters.map((roster): Promotion => {
    const shared = roster.lines.filter((line) => splitRosterPeople(line).length > 1);
    if (shared.length > 0) {
      diagnostics.push({
        code: 'ROSTER_FORMAT',
        severity: 'info',
        ...pageOf(roster.page),
        message: `Liste de la promotion « ${roster.heading} » : ${shared.length} ligne(s) portent plusieurs noms (colonnes serrées), lues comme une personne par nom : « ${shared[0]} »${shared.length > 1 ? '…' : ''}.`,
      });
    }
    const membres = roster.lines.flatMap(splitRosterPeople).map((line) => {
      const { personne, missingSpace } = splitRosterLine(line, known);
      if (missingSpace) {
        diagnostics.push({
          code: 'ROSTER_FORMAT',
          severity: 'info',
          ...pageOf(roster.page),
          message: `Liste de la promotion « ${roster.heading} » : la ligne « ${line} » n’a pas d’espace entre nom et prénom ; lue comme « ${personne.nom} » / « ${personne.prenom} ».`,
        });
      }
      return personne;
    });
    const heading = roster.heading.replace(WHITE_SPACE_TO_COLLAPSE, ' ').trim();
    const best = mostSimilar(coverNames, foldLetters(heading), foldLetters);
    if (best && best.score >= SAME_PROMOTION) {
      if (foldLetters(best.item) !== foldLetters(heading)) {
        // Unreadable characters come from a damaged text layer, not from the brochure.
        const damaged = [best.item, heading].filter((name) => UNREADABLE_CHAR.test(name));
        diagnostics.push(damaged.length > 0 ? {
          code: 'TEXT_LAYER_SUSPECT',
          severity: 'info',
          ...pageOf(roster.page),
          message: `Nom de promotion « ${damaged.join(' » / « ')} » : caractères illisibles venus du calque de texte du PDF, pas de la brochure (voir TEXT_LAYER_DAMAGED) ; rapproché malgré eux du nom imprimé sur la couverture.`,
        } : {
          code: 'PROMOTION_NAME_MISMATCH',
          severity: 'info',
          ...pageOf(roster.page),
          message: `La couverture nomme la promotion « ${best.item} » mais la liste est titrée « ${roster.heading} ».`,
        });
      }
      return { nom: titleCase(best.item), heading, membres };
    }
    return { nom: titleCase(heading), heading, membres };
  });
  return { promotions, diagnostics };
}

/** How an author was found in a roster. */
export interface RosterMatch {
  readonly promotion: Promotion;
  readonly membre: Personne;
  /** `exact`: same letters once accents and case are folded; `near`: a spelling or given-name difference. */
  readonly kind: 'exact' | 'near';
}

/** Roster members with their names folded once, for matching many authors. */
export interface RosterIndex {
  readonly entries: readonly { readonly promotion: Promotion; readonly membre: Personne; readonly family: string; readonly given: string; readonly full: string }[];
}

/**
 * Folds every roster member's names once.
 * @param promotions The rosters.
 * @returns The index `findInRosters` searches.
 */
export function indexRosters(promotions: readonly Promotion[]): RosterIndex {
  return {
    entries: promotions.flatMap((promotion) =>
      promotion.membres.map((membre) => {
        const family = foldLetters(membre.nom);
        const given = foldLetters(membre.prenom);
        return { promotion, membre, family, given, full: given + family };
      }),
    ),
  };
}

/**
 * Finds an author in the rosters: same folded family and given names first, then a close
 * spelling of both (or the given name printed shortened), then the e-mail's local part.
 * @param author The author's printed names and e-mail.
 * @param index The rosters, folded by `indexRosters`.
 * @returns The match, or `null` when the author is in no roster.
 */
export function findInRosters(author: Personne & { email: string | null }, index: RosterIndex): RosterMatch | null {
  const family = foldLetters(author.nom);
  const given = foldLetters(author.prenom);
  const local = foldLetters((author.email ?? '').split('@')[0] ?? '');
  const candidates = index.entries;
  const exact = candidates.find((entry) => entry.family === family && entry.given === given);
  if (exact) return { promotion: exact.promotion, membre: exact.membre, kind: 'exact' };
  const scored = bestBy(candidates, (entry) => {
    const givenScore = entry.given.startsWith(given) || given.startsWith(entry.given) ? 1 : jaroWinkler(given, entry.given);
    const familyScore = jaroWinkler(family, entry.family);
    return familyScore >= SAME_FAMILY_NAME && givenScore >= SAME_GIVEN_NAME ? familyScore + givenScore : 0;
  });
  if (scored && scored.score > 0) return { promotion: scored.item.promotion, membre: scored.item.membre, kind: 'near' };
  const byEmail = local === '' ? undefined : candidates.find((entry) => entry.full === local);
  return byEmail ? { promotion: byEmail.promotion, membre: byEmail.membre, kind: 'near' } : null;
}

function bestBy<T>(items: readonly T[], score: (item: T) => number): { item: T; score: number } | null {
  let best: { item: T; score: number } | null = null;
  for (const item of items) {
    const value = score(item);
    if (best === null || value > best.score) best = { item, score: value };
  }
  return best;
}

function pageOf(page: number | null): { page?: number } {
  return page === null ? {} : { page };
}
