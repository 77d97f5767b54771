/**
 * Normalise stage: turns printed fields into the output contract. Names are split into given
 * and family names, e-mails lower-cased, corps read from the e-mail domain, promotions found in
 * the rosters. Fields stay as printed: every disagreement becomes a diagnostic.
 */
import { EDITION, EMAIL, WHITE_SPACE_TO_COLLAPSE, foldForMatch } from '../conventions.js';
import { DEFAULT_VOCABULARY, type Vocabulary } from '../profile.js';
import { BrochureError } from '../errors.js';
import type { Auteur, Block, BrochureDocument, Diagnostic, ParsedProject, Projet, SegmentedDocument, Tuteur } from '../types.js';
import { checkDocument } from './checks.js';
import { corpsOfEmail, emailKey, foldLetters, nameKey, splitPersonName } from './names.js';
import { findInRosters, indexRosters, readPromotions, type Promotion, type RosterMatch } from './promotions.js';

export { corpsOfEmail, foldLetters, splitName, splitPersonName, splitRosterLine, titleCase } from './names.js';

/** Where the input came from, for the `source` field. */
export interface SourceInfo {
  readonly file: string;
  readonly sha256: string;
  readonly format: 'pdf' | 'text';
  readonly pageCount: number | null;
}

/**
 * Builds the brochure document.
 * @param segmented The segment stage's output (cover, sommaire, rosters).
 * @param projects The parse stage's output, one per project.
 * @param source Where the input came from.
 * @param vocabulary The family's words (the shipped profile when omitted).
 * @returns The document, its `diagnostics` holding everything found by the earlier stages and here.
 */
export function normaliseDocument(
  segmented: SegmentedDocument,
  projects: readonly ParsedProject[],
  source: SourceInfo,
  vocabulary: Vocabulary = DEFAULT_VOCABULARY,
  suppliedEdition?: string,
): BrochureDocument {
  const diagnostics: Diagnostic[] = [];
  const printed = readBrochure(segmented.cover, segmented.colophon, vocabulary);
  const { brochure, diagnostic: editionDiagnostic } = withSuppliedEdition(printed, suppliedEdition);
  if (editionDiagnostic) diagnostics.push(editionDiagnostic);
  if (brochure.anneeDebut === null) {
    // Neither printed nor given: the years stay null (guessing them would invent data) and the rest is written, partial.
    if (projects.length === 0) {
      throw new BrochureError('NOT_A_BROCHURE', 'no edition (« YYYY / YYYY ») and no project were found: this does not look like a « Regards croisés sur les territoires » brochure');
    }
    diagnostics.push(editionNotFound(projects));
  }
  const emailOf = (details: readonly string[]): string | null => details.map((line) => line.trim()).find((line) => EMAIL.test(line))?.toLowerCase() ?? null;
  // The authors' e-mails say which words of a roster line are the given name, and the rosters say it of a card without e-mail.
  const emailKeys = new Set(projects.flatMap((project) => project.auteurs.map((card) => emailKey(emailOf(card.details)))).filter((key): key is string => key !== null));
  const { promotions, diagnostics: rosterDiagnostics } = readPromotions(segmented.rosters, coverPromotionNames(segmented.cover), emailKeys);
  const rosterKeys = new Set(promotions.flatMap((promotion) => promotion.membres.map(nameKey)));
  const particles = vocabulary.nameParticles;
  diagnostics.push(...rosterDiagnostics);
  const sommaireByNumber = new Map(segmented.sommaire.map((entry) => [entry.numero, entry]));
  const rosterIndex = indexRosters(promotions);
  // Each author's roster match, found once and shared with the cross-checks.
  const matches: (RosterMatch | null)[][] = [];

  const projets = projects.map((project): Projet => {
    const projectMatches: (RosterMatch | null)[] = [];
    matches.push(projectMatches);
    const auteurs = project.auteurs.map((card): Auteur => {
      // Only a line that is an address is one: damaged or run-together lines give no e-mail (reported by the checks).
      const email = emailOf(card.details);
      const split = splitPersonName(card.name, { email, known: rosterKeys, particles });
      const { prenom, nom } = split.personne;
      if (split.byCase && split.by !== 'case' && split.byCase.nom !== nom) diagnostics.push(nameOrderDiagnostic(project.numero, card.page, card.name, split.personne, split.byCase, split.by));
      const match = findInRosters({ prenom, nom, email }, rosterIndex);
      projectMatches.push(match);
      return { prenom, nom, email, corps: corpsOfEmail(email, vocabulary), promotion: match?.promotion.nom ?? null };
    });
    const tuteurs = project.tuteurs.map((card): Tuteur => ({
      ...splitPersonName(card.name, { particles }).personne,
      fonction: card.details.length > 0 ? card.details.join(' ').replace(WHITE_SPACE_TO_COLLAPSE, ' ').trim() : null,
    }));
    return {
      id: projectId(brochure.anneeDebut, project.numero),
      numero: project.numero,
      section: project.section,
      titre: project.titre,
      collectivite: project.collectivite,
      page: sommaireByNumber.get(project.numero)?.page ?? null,
      pages: source.format === 'pdf' ? project.pages : null,
      auteurs,
      tuteurs,
      contexte: project.contexte,
      problematique: project.problematique,
      clesPourAgir: project.clesPourAgir,
      temoignage: project.temoignage,
      chiffres: project.chiffres.map((figure) => ({ valeur: figure.valeur, nombre: readNumber(figure.valeur), libelle: figure.libelle })),
      allerPlusLoin: project.allerPlusLoin.map((item) => ({ ...item })),
      encadres: project.encadres.map((box) => ({ ...box })),
    };
  });

  const document: BrochureDocument = {
    schemaVersion: '2.0',
    source: { ...source },
    brochure,
    sections: segmented.sections.map((section) => ({ titre: section.titre, projets: [...section.projets] })),
    promotions: promotions.map((promotion) => ({ nom: promotion.nom, membres: promotion.membres.map((m) => ({ ...m })) })),
    projets,
    diagnostics: [],
  };
  const checks = checkDocument({ document, segmented, projects, promotions, matches, vocabulary });
  document.diagnostics = sortDiagnostics([...segmented.diagnostics, ...projects.flatMap((p) => p.diagnostics), ...diagnostics, ...checks]);
  return document;
}

/**
 * A project's stable id: the edition's first year and the number on two digits ("2019-01").
 * @param anneeDebut The edition's first year; `null` when no edition is printed nor given.
 * @param numero The project's number.
 * @returns The id, or `null` without a year: an id of the number alone would clash with every other edition's.
 */
export function projectId(anneeDebut: number | null, numero: number): string | null {
  if (anneeDebut === null) return null;
  return `${String(anneeDebut).padStart(4, '0')}-${String(numero).padStart(2, '0')}`;
}

/**
 * The error of a brochure whose edition is printed on neither its cover nor its colophon and was
 * not given: what was looked for, what was read all the same, and how to give it.
 * @param projects The projects read.
 * @returns An `EDITION_NOT_FOUND` error diagnostic (the run is partial, exit 3).
 */
function editionNotFound(projects: readonly ParsedProject[]): Diagnostic {
  const authors = projects.reduce((sum, project) => sum + project.auteurs.length, 0);
  return {
    code: 'EDITION_NOT_FOUND',
    severity: 'error',
    message: `Aucune édition (« AAAA / AAAA ») imprimée en couverture ni au colophon : édition, années et identifiants des projets laissés à null (${projects.length} projets et ${authors} auteurs lus) ; donnez-la avec --edition AAAA-AAAA.`,
  };
}

/**
 * Reads a key figure's first number the French way ("1,371" -> 1.371, "150 000" -> 150000, "3/4" -> 3).
 * @param valeur The figure as printed.
 * @returns The number, or `null` when none is printed.
 */
export function readNumber(valeur: string): number | null {
  const match = /\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)|\d+(?:,\d+)?/.exec(valeur);
  if (!match) return null;
  const value = Number(match[0].replace(/[ \u00a0\u202f]/g, '').replace(',', '.'));
  return Number.isFinite(value) ? value : null;
}

/** Share of the cover's largest type a line needs to be part of the title (a subtitle is; a logo's name set at less than half is not). */
const TITLE_SHARE_OF_LARGEST = 0.5;

/** Title, edition and publication date from the cover and the colophon. */
export function readBrochure(cover: readonly Block[], colophon: readonly Block[], vocabulary: Vocabulary): BrochureDocument['brochure'] {
  const editionBlock = [...cover, ...colophon].find((block) => EDITION.test(block.text.trim()));
  const edition = editionBlock?.text.trim() ?? null;
  const years = edition === null ? null : EDITION.exec(edition);
  // The title is what the cover prints before the line about the students and promotions,
  // in the title's type: a line set far smaller above it (the institute's name as a logo) is not part of it.
  // Line by line: a converter may run the title and that line into one block (both in capitals).
  const before: Block[] = [];
  const endsTitle = (text: string): boolean => vocabulary.coverAudience.test(foldForMatch(text)) || EDITION.test(text.trim());
  for (const block of cover) {
    const end = block.lines.findIndex((line) => endsTitle(line.text));
    if (end < 0 && !endsTitle(block.text)) {
      before.push(block);
      continue;
    }
    const titleLines = block.lines.slice(0, Math.max(0, end));
    if (titleLines.length > 0) before.push({ ...block, lines: titleLines, text: titleLines.map((line) => line.text.trim()).join(' ') });
    break;
  }
  const largest = Math.max(0, ...before.map((block) => block.lines[0]?.size ?? 0));
  const titleBlocks = before.filter((block) => block.lines[0]?.size == null || block.lines[0].size >= TITLE_SHARE_OF_LARGEST * largest).map((block) => block.text.trim());
  const dateBlock = [...colophon, ...cover].find((block) => vocabulary.publicationDate.test(foldForMatch(block.text)));
  return {
    titre: titleBlocks.join(' '),
    edition,
    anneeDebut: years ? Number(years[1]) : null,
    anneeFin: years ? Number(years[2]) : null,
    datePublication: dateBlock?.text.trim() ?? null,
  };
}

/**
 * The edition given by the caller (`--edition`): used when none is printed, reported when it
 * differs from the printed one (which is kept: fields are as printed).
 * @param printed What the cover and colophon say.
 * @param supplied The caller's edition ("2019-2020" or "2019 / 2020"), if any.
 * @returns The brochure fields and the diagnostic to add, if any.
 */
export function withSuppliedEdition(printed: BrochureDocument['brochure'], supplied: string | undefined): { brochure: BrochureDocument['brochure']; diagnostic?: Diagnostic } {
  if (supplied === undefined) return { brochure: printed };
  const years = EDITION.exec(supplied.trim());
  if (!years) throw new BrochureError('USAGE', `--edition '${supplied}' is not an edition: write it YYYY-YYYY (e.g. 2019-2020)`);
  const [anneeDebut, anneeFin] = [Number(years[1]), Number(years[2])];
  if (printed.anneeDebut === null) {
    const edition = `${anneeDebut} / ${anneeFin}`;
    return {
      brochure: { ...printed, edition, anneeDebut, anneeFin },
      diagnostic: { code: 'EDITION_SUPPLIED', severity: 'info', message: `Édition absente de la couverture et du colophon : « ${edition} » donnée par l’appelant (--edition).` },
    };
  }
  if (printed.anneeDebut === anneeDebut && printed.anneeFin === anneeFin) return { brochure: printed };
  return {
    brochure: printed,
    diagnostic: { code: 'EDITION_MISMATCH', severity: 'warning', message: `Édition imprimée « ${printed.edition} », différente de « ${supplied.trim()} » donnée par l’appelant (--edition) : l’édition imprimée est gardée.` },
  };
}

/**
 * Promotion names printed on the cover after "… DES PROMOTIONS" ("OLYMPE DE GOUGES, MARIE CURIE & …",
 * or set apart by « · », « • », « ; »), or one per line with no separator (a centred list).
 * @param cover The blocks before the sommaire.
 * @returns The names as printed, in order.
 */
export function coverPromotionNames(cover: readonly Block[]): string[] {
  const index = cover.findIndex((block) => /PROMOTIONS?$/.test(foldForMatch(block.text)));
  if (index < 0) return [];
  const own = cover[index]!.text.replace(/^.*PROMOTIONS?\s*/i, '').trim();
  const separator = /\s*(?:[,;·•|]|&|\bET\b)\s*/;
  const next = cover[index + 1];
  const oneByLine = own === '' && next !== undefined && next.lines.length > 1 && !next.lines.some((line) => separator.test(line.text.trim()));
  if (oneByLine) return next.lines.map((line) => line.text.trim()).filter((name) => name !== '');
  const list = own !== '' ? own : (next?.text ?? '');
  return list
    .split(separator)
    .map((name) => name.trim())
    .filter((name) => name !== '');
}

/** The capitals say one family name, the e-mail or the roster another: the outside source is kept, and said. */
function nameOrderDiagnostic(projet: number, page: number | null, printed: string, kept: { prenom: string; nom: string }, byCase: { prenom: string; nom: string }, by: 'email' | 'known' | 'default'): Diagnostic {
  return {
    code: 'NAME_ORDER_UNCERTAIN',
    severity: 'warning',
    projet,
    ...(page !== null ? { page } : {}),
    message: `« ${printed} » : les capitales désignent « ${byCase.nom} » comme nom de famille, ${by === 'email' ? 'l’adresse e-mail' : 'la liste de promotion'} « ${kept.nom} » ; lu « ${kept.prenom} » / « ${kept.nom} ».`,
  };
}

function sortDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  return diagnostics
    .map((diagnostic, order) => ({ diagnostic, order }))
    .sort((a, b) => (a.diagnostic.projet ?? 0) - (b.diagnostic.projet ?? 0) || a.order - b.order)
    .map(({ diagnostic }) => diagnostic);
}

export type { Promotion };
