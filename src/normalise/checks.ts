/**
 * Cross-checks that turn anomalies of the brochure into diagnostics. None of them changes a
 * field: they compare what is printed in two places and say where they disagree.
 * The codes are listed, with what each means, in the README.
 */
import { EMAIL_DOMAINS } from '../conventions.js';
import type { BrochureDocument, Diagnostic, ParsedProject, Personne, SegmentedDocument } from '../types.js';
import { foldLetters } from './names.js';
import { findInRosters, type Promotion } from './promotions.js';

/** What the checks look at. */
export interface CheckInput {
  readonly document: BrochureDocument;
  readonly segmented: SegmentedDocument;
  readonly projects: readonly ParsedProject[];
  readonly promotions: readonly Promotion[];
}

/**
 * Runs every cross-check.
 * @param input The document and the intermediate results it was built from.
 * @returns The diagnostics, in project order.
 */
export function checkDocument(input: CheckInput): Diagnostic[] {
  return [...checkAuthors(input)];
}

/** E-mails against printed names, domains, rosters and the corps of each promotion. */
function checkAuthors({ document, projects, promotions }: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const corpsVotes = new Map<string, Map<string, number>>();
  const placed: { projet: number; page?: number; printed: string; corps: string | null; promotion: string }[] = [];
  document.projets.forEach((projet, p) => {
    const parsed = projects[p]!;
    projet.auteurs.forEach((auteur, a) => {
      const card = parsed.auteurs[a]!;
      const where = { projet: projet.numero, ...(card.page !== null ? { page: card.page } : {}) };
      const printed = card.name;
      const printedEmail = card.details.find((line) => line.includes('@'))?.trim() ?? null;
      if (auteur.email === null || printedEmail === null) {
        out.push({ code: 'EMAIL_MISSING', severity: 'warning', ...where, message: `« ${printed} » : aucune adresse e-mail imprimée.` });
      } else {
        const [local = '', domain = ''] = auteur.email.split('@');
        if (/[^\x00-\x7f]/.test(auteur.email)) {
          out.push({ code: 'EMAIL_NON_ASCII', severity: 'warning', ...where, message: `« ${printed} » : l’adresse « ${printedEmail} » contient des caractères non ASCII (elle ne sera sans doute pas délivrée).` });
        }
        if (printedEmail !== printedEmail.toLowerCase()) {
          out.push({ code: 'EMAIL_CASE', severity: 'info', ...where, message: `« ${printed} » : l’adresse est imprimée avec des majuscules « ${printedEmail} » (mise en minuscules).` });
        }
        if (!EMAIL_DOMAINS.some((entry) => entry.domain === domain)) {
          out.push({ code: 'EMAIL_UNKNOWN_DOMAIN', severity: 'warning', ...where, message: `« ${printed} » : domaine « ${domain} » inconnu, le corps n’est pas déduit (domaines connus : ${EMAIL_DOMAINS.map((d) => d.domain).join(', ')}).` });
        }
        const mismatch = emailNameMismatch(local, auteur);
        if (mismatch) {
          out.push({ code: 'EMAIL_NAME_MISMATCH', severity: mismatch, ...where, message: `« ${printed} » / « ${printedEmail} » : la partie locale de l’adresse ne correspond pas au nom imprimé.` });
        }
      }
      const match = findInRosters(auteur, promotions);
      if (!match) {
        out.push({ code: 'AUTHOR_NOT_IN_ROSTER', severity: 'warning', ...where, message: `« ${printed} » ne figure dans aucune liste de promotion.` });
        return;
      }
      const rosterSpelling = `${match.membre.nom} ${match.membre.prenom}`;
      if (match.kind === 'near') {
        out.push({ code: 'AUTHOR_ROSTER_MISMATCH', severity: 'warning', ...where, message: `« ${printed} » figure dans la promotion ${match.promotion.nom} sous l’orthographe « ${rosterSpelling} ».` });
      } else if (auteur.nom !== match.membre.nom || auteur.prenom !== match.membre.prenom) {
        const caseOnly = auteur.nom.toUpperCase() === match.membre.nom.toUpperCase() && auteur.prenom.toUpperCase() === match.membre.prenom.toUpperCase();
        if (!caseOnly || auteur.nom !== auteur.nom.toUpperCase()) {
          out.push({ code: 'AUTHOR_ROSTER_VARIANT', severity: 'info', ...where, message: `« ${printed} » figure dans la promotion ${match.promotion.nom} sous la graphie « ${rosterSpelling} » (${caseOnly ? 'casse' : 'accents'}).` });
        }
      }
      const votes = corpsVotes.get(match.promotion.nom) ?? new Map<string, number>();
      votes.set(String(auteur.corps), (votes.get(String(auteur.corps)) ?? 0) + 1);
      corpsVotes.set(match.promotion.nom, votes);
      placed.push({ ...where, printed, corps: auteur.corps, promotion: match.promotion.nom });
    });
  });
  // Each promotion's corps is what most of its members' e-mails say; the others are reported.
  for (const person of placed) {
    const votes = [...(corpsVotes.get(person.promotion) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]);
    const majority = votes[0]?.[0];
    if (majority !== undefined && majority !== String(person.corps) && majority !== 'null') {
      const { printed, corps, promotion, ...where } = person;
      out.push({ code: 'CORPS_PROMOTION_MISMATCH', severity: 'warning', ...where, message: `« ${printed} » : corps « ${corps} » (domaine de l’adresse) alors que la promotion ${promotion} est celle des « ${majority} ».` });
    }
  }
  return out;
}

/**
 * Compares an e-mail's local part with the printed name, accents, spaces and hyphens folded
 * ("celine.gailhacvolfinger" spells "Céline GAILHAC-VOLFINGER").
 * @returns `null` when they agree, `info` when the local part only uses a longer or shorter
 * given name, `warning` when a name is spelt differently.
 */
function emailNameMismatch(local: string, person: Personne): 'info' | 'warning' | null {
  const [givenPart = '', ...rest] = local.split('.');
  const familyPart = foldLetters(rest.join(''));
  const given = foldLetters(person.prenom);
  const family = foldLetters(person.nom);
  const localGiven = foldLetters(givenPart);
  if (localGiven === given && familyPart === family) return null;
  if (familyPart === family && (localGiven.startsWith(given) || given.startsWith(localGiven))) return 'info';
  return 'warning';
}
