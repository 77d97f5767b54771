/**
 * Plain-text review report for the terminal, and the diagnostic tallies both reports share.
 *
 * The text report is one screen a coordinator reads after a run: a header line, counts,
 * then one line per project with its diagnostics indented under it. It is in French, as the
 * fields and messages it prints are; diagnostic codes stay as the registry names them.
 */
import { diagnosticInfo } from '../diagnostics.js';
import type { BrochureDocument, Diagnostic, Projet, Severity } from '../types.js';

/** Severities from the most to the least serious, the order every report lists them in. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Diagnostics of a document split by where a report shows them. */
export interface DiagnosticGroups {
  /** Diagnostics of each project present in `doc.projets`, keyed by `numero`, in input order. */
  byProjet: Map<number, Diagnostic[]>;
  /** Diagnostics without `projet`: they concern the whole brochure. */
  brochure: Diagnostic[];
  /** Diagnostics naming a `projet` the document does not hold (kept so that none is lost). */
  orphans: Diagnostic[];
}

/** Options of `renderText`. */
export interface TextOptions {
  /** Colour severity labels with ANSI escapes (default: `false`). */
  color?: boolean;
}

const emptyOptions: TextOptions = {};

/** Severity words of the text report, singular and plural (French: 0 and 1 take the singular). */
export const SEVERITY_WORDS: Record<Severity, [one: string, many: string]> = {
  error: ['erreur', 'erreurs'],
  warning: ['avertissement', 'avertissements'],
  info: ['info', 'infos'],
};

/** What heads a report when the document has no title (a partial run may not have read it). */
export const UNTITLED = 'Brochure sans titre';

const ANSI: Record<Severity, string> = { error: '\u001b[31m', warning: '\u001b[33m', info: '\u001b[36m' };
const ANSI_RESET = '\u001b[0m';

/**
 * Counts diagnostics per severity, every severity present (zero when none).
 * @param diagnostics Diagnostics to count.
 * @returns Count of each severity.
 */
export function countBySeverity(diagnostics: readonly Diagnostic[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const d of diagnostics) counts[d.severity] += 1;
  return counts;
}

/**
 * Counts diagnostics per code, most frequent first, then by code.
 * @param diagnostics Diagnostics to count.
 * @returns `[code, count]` pairs.
 */
export function countByCode(diagnostics: readonly Diagnostic[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const d of diagnostics) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
}

/**
 * Splits the document's diagnostics into per-project, brochure-level and orphan lists.
 * @param doc Document whose `diagnostics` to split.
 * @returns The groups; every diagnostic lands in exactly one.
 */
export function groupDiagnostics(doc: BrochureDocument): DiagnosticGroups {
  const byProjet = new Map<number, Diagnostic[]>();
  for (const p of doc.projets) byProjet.set(p.numero, []);
  const brochure: Diagnostic[] = [];
  const orphans: Diagnostic[] = [];
  for (const d of doc.diagnostics) {
    if (d.projet === undefined) brochure.push(d);
    else (byProjet.get(d.projet) ?? orphans).push(d);
  }
  return { byProjet, brochure, orphans };
}

/**
 * Formats a project number on two digits, as the brochure prints it ("01").
 * @param numero Project number.
 * @returns The padded number.
 */
export function formatNumero(numero: number): string {
  return String(numero).padStart(2, '0');
}

/**
 * Renders the plain-text review report of a document.
 * @param doc Document to report on (not modified).
 * @param options Configuration (optional).
 * @returns The report, lines ending with `\n`.
 */
export function renderText(doc: BrochureDocument, options: TextOptions = emptyOptions): string {
  const groups = groupDiagnostics(doc);
  const lines = [headerLine(doc), ...countLines(doc.diagnostics, options), ''];
  for (const projet of doc.projets) {
    lines.push(projectLine(projet, groups.byProjet.get(projet.numero) ?? []));
    for (const d of groups.byProjet.get(projet.numero) ?? []) lines.push(diagnosticLine(d, options));
  }
  if (groups.brochure.length > 0) {
    lines.push('', 'Brochure :');
    for (const d of groups.brochure) lines.push(diagnosticLine(d, options));
  }
  if (groups.orphans.length > 0) {
    lines.push('', 'Projets absents du document :');
    for (const d of groups.orphans) lines.push(diagnosticLine(d, options, true));
  }
  return lines.join('\n') + '\n';
}

/**
 * The title a report shows: the brochure's, or « Brochure sans titre » when it is empty.
 * @param doc The document.
 * @returns The title and the edition, as far as the document has them.
 */
export function reportTitle(doc: BrochureDocument): string {
  const title = doc.brochure.titre.trim() === '' ? UNTITLED : doc.brochure.titre;
  return [title, doc.brochure.edition ?? ''].filter((part) => part.trim() !== '').join(' ');
}

function headerLine(doc: BrochureDocument): string {
  const pages = doc.source.pageCount === null ? '' : `, ${plural(doc.source.pageCount, 'page')}`;
  const format = doc.source.format === 'pdf' ? 'PDF' : 'texte';
  return clean(
    `${reportTitle(doc)} — ${doc.source.file} (${format}${pages})` +
      ` — ${plural(doc.projets.length, 'projet')}, ${plural(doc.diagnostics.length, 'diagnostic')}`,
  );
}

function countLines(diagnostics: readonly Diagnostic[], options: TextOptions): string[] {
  const bySeverity = countBySeverity(diagnostics);
  const severities = SEVERITIES.map((s) => `${bySeverity[s]} ${paint(s, options, bySeverity[s])}`).join(', ');
  return [`Diagnostics : ${severities}`, ...countByCode(diagnostics).map(([code, n]) => {
    const meaning = diagnosticInfo(code)?.meaning;
    return `  ${clean(code)}  ${n}${meaning === undefined ? '' : `  (${meaning})`}`;
  })];
}

function projectLine(projet: Projet, diagnostics: readonly Diagnostic[]): string {
  const counts = countBySeverity(diagnostics);
  // Errors are rare, so the usual line stays short; they are never hidden when present.
  const tally = [
    plural(projet.auteurs.length, 'auteur'),
    ...(counts.error > 0 ? [severityCount(counts, 'error')] : []),
    severityCount(counts, 'warning'),
    severityCount(counts, 'info'),
  ].join(', ');
  return clean(`${formatNumero(projet.numero)}  ${projet.titre} — ${projet.collectivite}`) + `  (${tally})`;
}

function diagnosticLine(d: Diagnostic, options: TextOptions, withProjet = false): string {
  const where = [
    withProjet && d.projet !== undefined ? ` projet ${formatNumero(d.projet)}` : '',
    d.page === undefined ? '' : ` p. ${d.page}`,
  ].join('');
  return `  [${paint(d.severity, options)}] ${clean(d.code)}${where} : ${clean(d.message)}`;
}

/** The severity's word (plural for `n` > 1), coloured when asked. */
function paint(severity: Severity, options: TextOptions, n = 1): string {
  const word = SEVERITY_WORDS[severity][n > 1 ? 1 : 0];
  return options.color === true ? `${ANSI[severity]}${word}${ANSI_RESET}` : word;
}

function severityCount(counts: Record<Severity, number>, severity: Severity): string {
  return `${counts[severity]} ${SEVERITY_WORDS[severity][counts[severity] > 1 ? 1 : 0]}`;
}

/** « 0 projet », « 1 projet », « 2 projets »: French puts 0 in the singular. */
function plural(n: number, word: string): string {
  return `${n} ${word}${n > 1 ? 's' : ''}`;
}

/** Printed strings may hold control characters; a terminal would obey them, and newlines would break the one-line layout. */
function clean(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
}
