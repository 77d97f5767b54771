/**
 * Cross-checks that turn anomalies of the brochure into diagnostics. None of them changes a
 * field: they compare what is printed in two places and say where they disagree.
 * The codes are listed, with what each means, in the README.
 */
import { EMAIL, SENTENCE_END, WHITE_SPACE_TO_COLLAPSE, foldForMatch } from '../conventions.js';
import type { Vocabulary } from '../profile.js';
import { UNREADABLE_CHAR } from '../unreadable.js';
import type { BrochureDocument, Diagnostic, ParsedProject, Personne, Projet, RubriqueKey, SegmentedDocument } from '../types.js';
import { mostSimilar } from '../similarity.js';
import { BODY_RUBRIQUES, type TextRubrique } from '../text-rubriques.js';
import { emailNameMismatch, foldLetters } from './names.js';
import type { Promotion, RosterMatch } from './promotions.js';
import { latin, startsWithLetter } from '../alphabet.js';

/** What the checks look at. */
export interface CheckInput {
  readonly document: BrochureDocument;
  readonly segmented: SegmentedDocument;
  readonly projects: readonly ParsedProject[];
  readonly promotions: readonly Promotion[];
  /** Each author's roster match, by project then author (as `document.projets[p].auteurs[a]`). */
  readonly matches: readonly (readonly (RosterMatch | null)[])[];
  /** The family's words (e-mail domains). */
  readonly vocabulary: Vocabulary;
}

/**
 * Runs every cross-check.
 * @param input The document and the intermediate results it was built from.
 * @returns The diagnostics, in project order.
 */
export function checkDocument(input: CheckInput): Diagnostic[] {
  return [
    ...checkAuthors(input),
    ...checkRosterCoverage(input),
    ...checkTeams(input),
    ...checkTutors(input),
    ...checkSommaire(input),
    ...checkSections(input),
    ...checkStructure(input),
    ...checkContent(input),
  ];
}

/** E-mails against printed names, domains, rosters and the corps of each promotion. */
function checkAuthors({ document, projects, matches, vocabulary }: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const corpsVotes = new Map<string, Map<string, number>>();
  const placed: { projet: number; page?: number; printed: string; corps: string | null; promotion: string }[] = [];
  document.projets.forEach((projet, p) => {
    const parsed = projects[p]!;
    projet.auteurs.forEach((auteur, a) => {
      const card = parsed.auteurs[a]!;
      const where = { projet: projet.numero, ...(card.page !== null ? { page: card.page } : {}) };
      const printed = card.name;
      const printedEmail = card.details.map((line) => line.trim()).find((line) => EMAIL.test(line)) ?? null;
      const unreadable = card.details.find((line) => line.includes('@') && !EMAIL.test(line.trim()));
      // Characters no French brochure prints come from a damaged text layer: the brochure is not
      // to blame, so the e-mail, name and roster checks, which would blame it, are not run.
      const damaged = [printed, ...card.details].filter((text) => UNREADABLE_CHAR.test(text));
      if (damaged.length > 0) {
        out.push({
          code: 'TEXT_LAYER_SUSPECT',
          severity: 'warning',
          ...where,
          message: `« ${damaged.map((text) => text.trim()).join(' » / « ')} » : caractères illisibles venus du calque de texte du PDF, pas de la brochure (voir TEXT_LAYER_DAMAGED) ; nom, e-mail et promotion non vérifiés.`,
        });
        return;
      }
      if (auteur.email === null || printedEmail === null) {
        out.push(
          unreadable === undefined
            ? { code: 'EMAIL_MISSING', severity: 'warning', ...where, message: `« ${printed} » : aucune adresse e-mail imprimée.` }
            : { code: 'EMAIL_INVALID', severity: 'warning', ...where, message: `« ${printed} » : « ${unreadable.trim()} » n’est pas une adresse e-mail valide (e-mail laissé vide).` },
        );
      } else {
        const [local = '', domain = ''] = auteur.email.split('@');
        if (/[^\x00-\x7f]/.test(auteur.email)) {
          out.push({ code: 'EMAIL_NON_ASCII', severity: 'warning', ...where, message: `« ${printed} » : l’adresse « ${printedEmail} » contient des caractères non ASCII (elle ne sera sans doute pas délivrée).` });
        }
        if (printedEmail !== printedEmail.toLowerCase()) {
          out.push({ code: 'EMAIL_CASE', severity: 'info', ...where, message: `« ${printed} » : l’adresse est imprimée avec des majuscules « ${printedEmail} » (mise en minuscules).` });
        }
        if (!vocabulary.emailDomains.some((entry) => entry.domain === domain)) {
          out.push({ code: 'EMAIL_UNKNOWN_DOMAIN', severity: 'warning', ...where, message: `« ${printed} » : domaine « ${domain} » inconnu, le corps n’est pas déduit (domaines connus : ${vocabulary.emailDomains.map((d) => d.domain).join(', ')}).` });
        }
        const mismatch = emailNameMismatch(local, auteur);
        if (mismatch) {
          out.push({ code: 'EMAIL_NAME_MISMATCH', severity: mismatch, ...where, message: `« ${printed} » / « ${printedEmail} » : la partie locale de l’adresse ne correspond pas au nom imprimé.` });
        }
      }
      const match = matches[p]![a] ?? null;
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
    // No majority (a tie) means no corps can be inferred for the promotion.
    const majority = votes.length > 1 && votes[0]![1] === votes[1]![1] ? undefined : votes[0]?.[0];
    if (majority !== undefined && majority !== String(person.corps) && majority !== 'null') {
      const { printed, corps, promotion, ...where } = person;
      out.push({ code: 'CORPS_PROMOTION_MISMATCH', severity: 'warning', ...where, message: `« ${printed} » : corps « ${corps} » (domaine de l’adresse) alors que la promotion ${promotion} est celle des « ${majority} ».` });
    }
  }
  return out;
}

/** Where a diagnostic about a project points: its number and, for PDF input, its first page. */
function at(projet: Projet, page?: number | null): { projet: number; page?: number } {
  const where = page ?? projet.pages?.debut ?? null;
  return where === null ? { projet: projet.numero } : { projet: projet.numero, page: where };
}

/** Roster members who authored no project. */
function checkRosterCoverage({ promotions, matches, projects }: CheckInput): Diagnostic[] {
  const unreadableAuthors = projects.flatMap((project) => project.auteurs).filter((card) => UNREADABLE_CHAR.test(card.name)).length;
  const placed = new Set<string>();
  for (const match of matches.flat()) {
    if (match) placed.add(`${match.promotion.nom}|${match.membre.nom}|${match.membre.prenom}`);
  }
  const out: Diagnostic[] = [];
  for (const promotion of promotions) {
    const missing = promotion.membres.filter((m) => !placed.has(`${promotion.nom}|${m.nom}|${m.prenom}`));
    if (missing.length > 0 && unreadableAuthors > 0) {
      // Some authors' names are unreadable (damaged text layer): they may be these members.
      out.push({
        code: 'TEXT_LAYER_SUSPECT',
        severity: 'info',
        message: `Promotion ${promotion.nom} : ${missing.map((m) => `« ${m.nom} ${m.prenom} »`).join(', ')} ne sont rapprochés d’aucun auteur, mais ${unreadableAuthors} nom${unreadableAuthors > 1 ? 's' : ''} d’auteur illisible${unreadableAuthors > 1 ? 's' : ''} (calque de texte du PDF endommagé) peuvent être les leurs.`,
      });
    } else if (missing.length > 0) {
      out.push({
        code: 'ROSTER_MEMBER_WITHOUT_PROJECT',
        severity: 'info',
        message: `Promotion ${promotion.nom} : ${missing.map((m) => `« ${m.nom} ${m.prenom} »`).join(', ')} ne signe${missing.length > 1 ? 'nt' : ''} aucun projet.`,
      });
    }
  }
  return out;
}

/** Two projects signed by the same team. */
function checkTeams({ document }: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const seen = new Map<string, Projet>();
  for (const projet of document.projets) {
    if (projet.auteurs.length === 0) continue;
    const team = projet.auteurs.map((a) => foldLetters(a.prenom + a.nom)).sort().join('|');
    const first = seen.get(team);
    if (first) {
      const sameTutors = first.tuteurs.map((t) => foldLetters(t.nom)).sort().join('|') === projet.tuteurs.map((t) => foldLetters(t.nom)).sort().join('|');
      out.push({
        code: 'DUPLICATE_TEAM',
        severity: 'warning',
        ...at(projet),
        message: `Projets ${pad(first.numero)} et ${pad(projet.numero)} : mêmes auteurs (${projet.auteurs.map((a) => `${a.prenom} ${a.nom}`).join(', ')})${sameTutors ? ', même tuteur' : ''}${first.collectivite === projet.collectivite ? `, même collectivité « ${projet.collectivite} »` : ''}.`,
      });
    } else {
      seen.set(team, projet);
    }
  }
  return out;
}

/** The number a tutor label announces: 1 for "TUTRICE", 2 for "TUTEUR ET TUTRICE", 2 or more for "TUTEURS", any for "ENCADREMENT". */
function labelCount(label: string): { min: number; max: number } {
  const folded = foldForMatch(label);
  if (/\b(ET|&)\b/.test(folded.split(/ AU SEIN| DE LA/)[0] ?? '')) return { min: 2, max: 2 };
  // A label naming the activity, not the person (« ENCADREMENT », « TUTORAT »: a noun in -ment or
  // -at), says nothing of how many tutors there are.
  const head = folded.replace(/^(?:LE|LA|L')\s*/, '').split(/\s+/)[0] ?? '';
  if (/(?:MENT|AT)$/.test(head)) return { min: 1, max: Infinity };
  return /TUT(EUR|RICE)S\b/.test(folded) ? { min: 2, max: Infinity } : { min: 1, max: 1 };
}

/** Tutor labels against the people under them; tutors' names and roles against the testimony; copied roles. */
function checkTutors({ document, projects }: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const roles = new Map<string, Projet>();
  document.projets.forEach((projet, p) => {
    const parsed = projects[p]!;
    if (parsed.tuteurLabel !== null && projet.tuteurs.length > 0) {
      const { min, max } = labelCount(parsed.tuteurLabel);
      if (projet.tuteurs.length < min || projet.tuteurs.length > max) {
        out.push({
          code: 'TUTOR_LABEL_MISMATCH',
          severity: 'warning',
          ...at(projet, parsed.tuteurs[0]?.page),
          message: `Libellé « ${parsed.tuteurLabel} » au-dessus de ${projet.tuteurs.length} personne${projet.tuteurs.length > 1 ? 's' : ''} : ${projet.tuteurs.map((t) => `« ${t.prenom} ${t.nom} »`).join(', ')}.`,
        });
      }
    }
    // The rubriques' letters, folded once for all the project's tutors.
    const folded = Object.fromEntries(TESTIMONY_FIRST.map((field) => [field, foldLetters(projet[field] ?? '')]));
    for (const tuteur of projet.tuteurs) {
      out.push(...compareWithMention(projet, tuteur, folded));
      if (tuteur.fonction !== null && tuteur.fonction.split(/\s+/).length >= 5) {
        const first = roles.get(tuteur.fonction);
        if (first && first.collectivite !== projet.collectivite) {
          out.push({
            code: 'SUSPECT_COPY',
            severity: 'info',
            ...at(projet),
            message: `La fonction « ${tuteur.fonction} » de « ${tuteur.prenom} ${tuteur.nom} » est mot pour mot celle d’un tuteur du projet ${pad(first.numero)} (${first.collectivite}) : copie possible.`,
          });
        } else if (!first) {
          roles.set(tuteur.fonction, projet);
        }
      }
    }
  });
  return out;
}

/** The text rubriques, the testimony first: its signature is where a tutor is usually named. */
const TESTIMONY_FIRST: readonly TextRubrique[] = ['temoignage', ...BODY_RUBRIQUES];

/**
 * Finds where a tutor is named in the project's text (the testimony's attribution, usually) and
 * compares the printed name and role with the tutor card.
 */
function compareWithMention(projet: Projet, tuteur: Projet['tuteurs'][number], folded: Partial<Record<TextRubrique, string>>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const familyTokens = tuteur.nom.split(/\s+/).map(foldLetters);
  const familyKey = familyTokens.join('');
  for (const field of TESTIMONY_FIRST) {
    const text = projet[field];
    // Most rubriques do not name the tutor: rule them out on the folded letters before scanning words.
    if (!text || !(folded[field] ?? '').includes(familyKey)) continue;
    const words = [...text.matchAll(latin('gu')`[\p{L}'’-]+`)];
    // Compare raw lengths first: folding every word of every rubrique is the costly part.
    const index = words.findIndex((_, i) =>
      familyTokens.every((token, k) => {
        const word = words[i + k]?.[0] ?? '';
        return word.length >= token.length && word.length <= token.length + 3 && foldLetters(word) === token;
      }),
    );
    if (index < 0) continue;
    const last = words[index + familyTokens.length - 1]!;
    const printedFamily = text.slice(words[index]!.index, last.index! + last[0].length);
    const after = text.slice(last.index! + last[0].length);
    const extra = latin('u')`^ (\p{Lu}\p{Ll}+)(?=[,(])`.exec(after);
    const printedName = `${tuteur.prenom} ${printedFamily}${extra ? ` ${extra[1]}` : ''}`;
    if (printedFamily.toUpperCase() !== tuteur.nom.toUpperCase() || extra) {
      out.push({
        code: 'TUTOR_NAME_VARIANT',
        severity: 'info',
        ...at(projet),
        message: `Tuteur « ${tuteur.prenom} ${tuteur.nom} » écrit « ${printedName.replace(`${tuteur.prenom} `, text.includes(tuteur.prenom) ? `${tuteur.prenom} ` : '')} » dans ${RUBRIQUE_LABEL[field]}.`,
      });
    }
    const role = /^[\s,(–-]*([^.)\n]{8,200})/u.exec(after.slice(extra ? extra[0].length : 0))?.[1]?.trim().replace(/[,;:]$/, '');
    if (role && tuteur.fonction && rolesDiffer(tuteur.fonction, role)) {
      out.push({
        code: 'TUTOR_ROLE_VARIANT',
        severity: 'info',
        ...at(projet),
        message: `Fonction de « ${tuteur.prenom} ${tuteur.nom} » : « ${tuteur.fonction} » sous son nom, « ${role} » dans ${RUBRIQUE_LABEL[field]}.`,
      });
    }
    if (field !== 'temoignage' && projet.temoignage === null && /«[^»]{80,}»/.test(text)) {
      out.push({
        code: 'TESTIMONY_OUTSIDE_RUBRIQUE',
        severity: 'info',
        ...at(projet),
        message: `Pas de rubrique « Témoignage » mais un propos de « ${tuteur.prenom} ${tuteur.nom} » entre guillemets figure dans ${RUBRIQUE_LABEL[field]} (laissé à sa place).`,
      });
    }
    break;
  }
  return out;
}

const RUBRIQUE_LABEL: Record<TextRubrique, string> = {
  temoignage: 'le témoignage',
  contexte: 'le contexte',
  problematique: 'la problématique',
  clesPourAgir: 'les clés pour agir',
};

/** Two wordings of one role differ when neither contains the other but they share most words. */
function rolesDiffer(card: string, mention: string): boolean {
  const a = foldForMatch(card).replace(/[^A-Z ]/g, ' ').split(/\s+/).filter((w) => w.length > 2);
  const b = foldForMatch(mention).replace(/[^A-Z ]/g, ' ').split(/\s+/).filter((w) => w.length > 2);
  const joinedA = a.join(' ');
  const joinedB = b.join(' ');
  if (joinedA === joinedB || joinedB.includes(joinedA) || joinedA.includes(joinedB)) return false;
  const shared = a.filter((word) => b.includes(word)).length;
  return shared / Math.max(1, a.length) >= 0.5;
}

/** The sommaire against the project pages: title and organisation as printed, announced page. */
function checkSommaire({ document, segmented }: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const entry of segmented.sommaire) {
    const projet = document.projets.find((p) => p.numero === entry.numero);
    // A project found but not parsed is already reported as PROJECT_UNPARSED.
    if (!projet && segmented.projects.some((p) => p.numero === entry.numero)) continue;
    if (!projet) {
      out.push({ code: 'TOC_PROJECT_MISSING', severity: 'error', projet: entry.numero, message: `Le sommaire annonce le projet ${pad(entry.numero)} « ${entry.texte} » mais il n’a pas été trouvé dans la brochure.` });
      continue;
    }
    const printed = words(entry.texte);
    const onPage = words(`${projet.titre} ${projet.collectivite}`);
    // A sommaire may print the collectivité over the title (`rule: toc-collectivite-first`): the same words in that order agree too.
    const collectiviteFirst = words(`${projet.collectivite} ${projet.titre}`);
    if (printed.join(' ') !== onPage.join(' ') && printed.join(' ') !== collectiviteFirst.join(' ')) {
      const [left, right] = differingSpans(printed, onPage);
      out.push({
        code: 'TOC_TITLE_MISMATCH',
        severity: 'info',
        ...at(projet),
        message: `Sommaire « ${left} » / page du projet « ${right} » (sommaire : « ${entry.texte} »).`,
      });
    }
    if (entry.page !== null && projet.pages && entry.page !== projet.pages.debut) {
      out.push({ code: 'TOC_PAGE_MISMATCH', severity: 'warning', ...at(projet), message: `Le sommaire annonce la page ${entry.page}, le projet commence page ${projet.pages.debut}.` });
    }
  }
  for (const projet of document.projets) {
    if (segmented.sommaire.length > 0 && !segmented.sommaire.some((entry) => entry.numero === projet.numero)) {
      out.push({ code: 'TOC_ENTRY_MISSING', severity: 'warning', ...at(projet), message: `Le projet ${pad(projet.numero)} « ${projet.titre} » n’est pas au sommaire.` });
    }
  }
  return out;
}

/** Section headings printed in the body with another spelling than the sommaire's. */
function checkSections({ segmented }: CheckInput): Diagnostic[] {
  const titles = segmented.sections.map((section) => section.titre);
  return segmented.sectionHeadings
    .filter((heading) => !titles.some((title) => words(title).join(' ') === words(heading.texte).join(' ')))
    .map((heading) => {
      const closest = mostSimilar(titles, foldLetters(heading.texte), foldLetters)?.item ?? '';
      return {
        code: 'SECTION_TITLE_VARIANT',
        severity: 'info' as const,
        ...(heading.page !== null ? { page: heading.page } : {}),
        message: `Intercalaire de section imprimé « ${heading.texte.replace(WHITE_SPACE_TO_COLLAPSE, ' ')} » ; sommaire et en-têtes : « ${closest} ».`,
      };
    });
}

/** The usual order of rubriques on a project page. */
const USUAL_ORDER: readonly RubriqueKey[] = ['auteurs', 'tuteurs', 'contexte', 'problematique', 'clesPourAgir', 'temoignage', 'chiffres', 'allerPlusLoin'];
const REQUIRED: readonly RubriqueKey[] = ['auteurs', 'tuteurs', 'contexte', 'problematique', 'clesPourAgir'];
/** A heading without its numbering (« 1.3 Contexte », « 2. Contexte », « II - Contexte » -> « Contexte »). */
function unnumbered(heading: string): string {
  return heading.replace(/^(?:\d{1,2}(?:\.\d{1,2})+\.?\s|(?:\d{1,2}|[IVX]{1,4})\s*[.)\u2013-])\s*/u, '');
}

/** Missing, empty or reordered rubriques, and headings spelt unlike the rest of the brochure. */
function checkStructure({ document, projects, vocabulary }: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const spellings = new Map<RubriqueKey, Map<string, number>>();
  // The same words under another number (« 2.3 Contexte » after « 1.3 Contexte ») are no variant.
  const unnumberedSpellings = new Map<RubriqueKey, Map<string, number>>();
  for (const project of projects) {
    for (const rubrique of project.rubriques) {
      const counts = spellings.get(rubrique.key) ?? new Map<string, number>();
      counts.set(rubrique.heading, (counts.get(rubrique.heading) ?? 0) + 1);
      spellings.set(rubrique.key, counts);
      const words = unnumberedSpellings.get(rubrique.key) ?? new Map<string, number>();
      words.set(unnumbered(rubrique.heading), (words.get(unnumbered(rubrique.heading)) ?? 0) + 1);
      unnumberedSpellings.set(rubrique.key, words);
    }
  }
  const usualSpelling = (key: RubriqueKey): string | undefined => [...(spellings.get(key) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
  document.projets.forEach((projet, p) => {
    const parsed = projects[p]!;
    const present = new Set(parsed.rubriques.map((r) => r.key));
    const missing = USUAL_ORDER.filter((key) => !present.has(key));
    const missingRequired = missing.filter((key) => REQUIRED.includes(key));
    const missingOptional = missing.filter((key) => !REQUIRED.includes(key));
    if (missingRequired.length > 0) {
      out.push({ code: 'MISSING_RUBRIQUE', severity: 'warning', ...at(projet), message: `Rubrique${missingRequired.length > 1 ? 's' : ''} absente${missingRequired.length > 1 ? 's' : ''} : ${missingRequired.map((k) => `« ${vocabulary.rubriqueLabel(k)} »`).join(', ')}.` });
    }
    if (missingOptional.length > 0) {
      out.push({ code: 'MISSING_RUBRIQUE', severity: 'info', ...at(projet), message: `Pas de rubrique ${missingOptional.map((k) => `« ${usualSpelling(k) ?? vocabulary.rubriqueLabel(k)} »`).join(', ')}.` });
    }
    for (const rubrique of parsed.rubriques) {
      if (rubrique.empty) {
        out.push({ code: 'EMPTY_RUBRIQUE', severity: 'info', ...at(projet, rubrique.page), message: `« ${rubrique.heading} » est imprimé sans texte à la suite (contenu en image ?).` });
      }
      const usual = usualSpelling(rubrique.key);
      // Tutor labels vary with the number and gender of tutors by design; other headings should not.
      if (rubrique.key !== 'tuteurs' && usual !== undefined && unnumbered(rubrique.heading) !== unnumbered(usual) && (unnumberedSpellings.get(rubrique.key)?.get(unnumbered(rubrique.heading)) ?? 0) === 1) {
        out.push({ code: 'RUBRIQUE_HEADING_VARIANT', severity: 'info', ...at(projet, rubrique.page), message: `Intertitre imprimé « ${rubrique.heading} » au lieu de « ${usual} » (reconnu).` });
      }
    }
    const order = parsed.rubriques.map((r) => USUAL_ORDER.indexOf(r.key));
    const outOfOrder = parsed.rubriques.filter((_, i) => i > 0 && order[i]! < order[i - 1]!);
    if (outOfOrder.length > 0) {
      const sequence = parsed.rubriques.map((r) => r.heading).join(' → ');
      out.push({ code: 'RUBRIQUE_ORDER', severity: 'info', ...at(projet), message: `Rubriques dans un ordre inhabituel : ${sequence}.` });
    }
  });
  return out;
}

/** The kinds of text a careful reader would flag: repeats, truncations, placeholders, prose references. */
function checkContent({ document }: CheckInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const paragraphs = new Map<string, { projet: Projet; field: string }>();
  for (const projet of document.projets) {
    for (const field of TESTIMONY_FIRST) {
      const text = projet[field];
      if (!text) continue;
      for (const paragraph of text.split(/\n\n+/)) {
        // Verbatim repeats only: case and spacing folded, no accent folding needed.
        const key = paragraph.toLowerCase().replace(WHITE_SPACE_TO_COLLAPSE, ' ');
        if (key.length < 80) continue;
        const first = paragraphs.get(key);
        if (first && first.projet.numero !== projet.numero) {
          out.push({ code: 'DUPLICATED_TEXT', severity: 'warning', ...at(projet), message: `Paragraphe de ${RUBRIQUE_LABEL[field]} déjà imprimé dans le projet ${pad(first.projet.numero)} : « ${clip(paragraph)} ».` });
        } else if (!first) {
          paragraphs.set(key, { projet, field });
        }
      }
      const rows = text.split('\n').filter((line) => line.includes(' | '));
      const cells = rows.flatMap((row) => row.split(' | ').map((cell) => cell.trim()).filter((cell) => cell.length > 40));
      const repeated = cells.filter((cell, i) => cells.indexOf(cell) !== i);
      for (const cell of new Set(repeated)) {
        out.push({ code: 'DUPLICATED_TEXT', severity: 'info', ...at(projet), message: `Tableau de ${RUBRIQUE_LABEL[field]} : la cellule « ${clip(cell)} » est imprimée deux fois.` });
      }
      for (const repeated of repeatedWords(text)) {
        out.push({ code: 'DUPLICATED_WORD', severity: 'info', ...at(projet), message: `Mot répété dans ${RUBRIQUE_LABEL[field]} : « ${repeated} ».` });
      }
      for (const match of text.matchAll(/\((?:x|xx|X|XX|…|\.\.\.)\s[^)]{0,40}\)|\bX{3,}\b|\bTODO\b|\bà compléter\b|\bLorem ipsum\b/g)) {
        out.push({ code: 'PLACEHOLDER_TEXT', severity: 'warning', ...at(projet), message: `Texte provisoire resté dans ${RUBRIQUE_LABEL[field]} : « ${match[0]} ».` });
      }
      const lastParagraph = text.split(/\n\n+/).at(-1) ?? '';
      const lastLine = lastParagraph.split('\n').at(-1) ?? '';
      // The testimony may end on its attribution line (no full stop): only body rubriques are checked.
      if (field !== 'temoignage' && !lastParagraph.startsWith('- ') && !lastParagraph.includes(' | ') && !ENUMERATED.test(lastLine) && latin('u')`\p{Ll}$`.test(lastParagraph) && !SENTENCE_END.test(lastParagraph)) {
        out.push({ code: 'TRUNCATED_TEXT', severity: 'warning', ...at(projet), message: `${capitalise(RUBRIQUE_LABEL[field])} s’arrête en pleine phrase : « …${lastParagraph.slice(-80)} ».` });
      }
    }
    for (const chiffre of projet.chiffres) {
      if (latin('u')`(?:^|\s)\p{Lu}\?$|(?:^|\s)\p{L}$`.test(chiffre.libelle.trim())) {
        out.push({ code: 'TRUNCATED_TEXT', severity: 'warning', ...at(projet), message: `Le libellé du chiffre « ${chiffre.valeur} » semble tronqué : « …${chiffre.libelle.slice(-60)} ».` });
      }
      if (latin('u')`^\d+\s+\p{L}`.test(chiffre.libelle) && chiffre.valeur.replace(/\D/g, '').length <= 2) {
        out.push({ code: 'CHIFFRE_AMBIGUOUS', severity: 'info', ...at(projet), message: `Le chiffre « ${chiffre.valeur} » est suivi d’un autre nombre : « ${clip(chiffre.libelle, 80)} » (lecture à vérifier).` });
      }
    }
    const leadingNumbers = projet.chiffres.filter((c) => /^\d+\s?%/.test(c.libelle));
    if (leadingNumbers.length > 0) {
      out.push({ code: 'CHIFFRE_AMBIGUOUS', severity: 'info', ...at(projet), message: `Chiffres et phrase entremêlés : le libellé de « ${leadingNumbers[0]!.valeur} » commence par « ${clip(leadingNumbers[0]!.libelle, 60)} » (lu littéralement).` });
    }
    for (const item of projet.allerPlusLoin) {
      if (item.url === null && item.texte.length > 250 && latin('u')`[.!?]\s+\p{Lu}`.test(item.texte)) {
        out.push({ code: 'ALLER_PLUS_LOIN_PROSE', severity: 'info', ...at(projet), message: `« Aller plus loin » contient un paragraphe de texte et non une référence : « ${clip(item.texte, 80)} ».` });
      }
    }
  }
  return out;
}

/** Words of five letters or more printed twice in a row ("l'efficacité, l'efficacité"). */
function repeatedWords(text: string): string[] {
  const found: string[] = [];
  const tokens = text.split(/\s+/);
  for (let i = 1; i < tokens.length; i++) {
    const previous = tokens[i - 1]!;
    const word = tokens[i]!.replace(/[.,;:!?»)]+$/, '');
    if (word.length >= 5 && startsWithLetter(word) && (previous === word || previous === `${word},`)) found.push(`${previous} ${tokens[i]}`);
  }
  return found;
}

/** An enumerated item ("5. …", "Tâche 4.4 : …"): it may end without a full stop. */
const ENUMERATED = latin('u')`^(?:\d{1,2}[.)]\s|\p{Lu}\p{Ll}+ \d+(?:\.\d+)* ?:)`;

function words(text: string): string[] {
  return text.replace(WHITE_SPACE_TO_COLLAPSE, ' ').trim().split(' ');
}

/** The spans where two word sequences differ (common prefix and suffix removed). */
function differingSpans(a: readonly string[], b: readonly string[]): [string, string] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const context = (list: readonly string[], from: number, to: number): string => list.slice(Math.max(0, from - 2), Math.min(list.length, to + 1)).join(' ');
  return [context(a, start, endA), context(b, start, endB)];
}

function clip(text: string, length = 100): string {
  const flat = text.replace(WHITE_SPACE_TO_COLLAPSE, ' ').trim();
  return flat.length > length ? `${flat.slice(0, length)}…` : flat;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function pad(numero: number): string {
  return String(numero).padStart(2, '0');
}
