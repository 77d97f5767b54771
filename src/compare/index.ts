/**
 * `compare`: field-by-field accuracy of an extracted document against an expected one.
 *
 * The fields, matching rules and macro score are those of the shared field scorer
 * (`tools/score.mjs`), so both give the same number on the same pair: brochure fields, sections,
 * promotions (names, members), and per expected project: found, id, section, titre, collectivité,
 * page, each text rubrique (right at word similarity >= 0.95, plus the mean similarity as an
 * unscored row), authors (whole record, then e-mails), tutors, figures, references; and no
 * project that the expected document does not hold. Lists are scored as F1 of a greedy
 * one-to-one matching. The score is the mean of the scored rows.
 */
import { figureKey, sameName, sameNumber, samePromotion, short, textSimilarity, ws } from './normalise.js';
import { TEXT_RUBRIQUES } from '../text-rubriques.js';

export { textSimilarity } from './normalise.js';

/** One row of the accuracy table. */
export interface FieldScore {
  /** Field name, e.g. `projets.auteurs`; rows named `similarity.*` are informative and not in the score. */
  readonly field: string;
  /** Accuracy between 0 and 1 (mean over the `n` checks; F1 for lists). */
  readonly value: number;
  /** Number of checks (one per project for per-project fields). */
  readonly n: number;
}

/** One difference between the two documents. */
export interface Mismatch {
  /** Field row it counts against. */
  readonly field: string;
  /** Where: `brochure`, `projet 07`, `promotion <nom>`. */
  readonly where: string;
  /** What the expected document holds (`(none)` for an item only the actual document has). */
  readonly expected: unknown;
  /** What the actual document holds (`(missing)`, `(no match)` when absent). */
  readonly actual: unknown;
}

/** Result of `compareDocuments`. */
export interface Comparison {
  /** Macro score: mean of the scored rows' values, between 0 and 1. */
  readonly score: number;
  /** The accuracy table, in check order. */
  readonly fields: readonly FieldScore[];
  /** Every difference, in check order. */
  readonly mismatches: readonly Mismatch[];
}

/** Configuration of `compareDocuments`. */
export interface CompareOptions {
  /** Word similarity from which a text rubrique counts as right (default 0.95, as score.mjs). */
  readonly textThreshold?: number;
}

/** The parts of a document `compare` reads; anything else is ignored (source, diagnostics, pages). */
export interface ComparableDocument {
  brochure?: { titre?: string; edition?: string | null; anneeDebut?: number | null; anneeFin?: number | null; datePublication?: string | null };
  sections?: readonly { titre: string; projets: readonly number[] }[];
  promotions?: readonly { nom: string; membres?: readonly { prenom: string; nom: string }[] }[];
  projets?: readonly ComparableProject[];
}

/** The parts of a project `compare` reads. */
export interface ComparableProject {
  numero: number;
  id?: string | null;
  section?: string;
  titre?: string;
  collectivite?: string;
  page?: number | null;
  auteurs?: readonly { prenom: string; nom: string; email: string | null; corps: string | null; promotion: string | null }[];
  tuteurs?: readonly { prenom: string; nom: string; fonction: string | null }[];
  contexte?: string | null;
  problematique?: string | null;
  clesPourAgir?: string | null;
  temoignage?: string | null;
  chiffres?: readonly { valeur: string; nombre: number | null; libelle: string }[];
  allerPlusLoin?: readonly { texte: string; url?: string | null }[];
}

/** The text rubriques, compared by word similarity. */
export { TEXT_RUBRIQUES };

const emptyOptions: CompareOptions = {};

/**
 * Compares an extracted document with the expected one.
 * @param actual The document to judge (what `extract` wrote).
 * @param expected The reference (a fixture's `expected.json`).
 * @param options Configuration (optional).
 * @returns The accuracy table, the macro score and the mismatches.
 */
export function compareDocuments(actual: ComparableDocument, expected: ComparableDocument, options: CompareOptions = emptyOptions): Comparison {
  const threshold = options.textThreshold ?? 0.95;
  const tally = new Map<string, { ok: number; n: number }>();
  const mismatches: Mismatch[] = [];
  const add = (field: string, ok: number): void => {
    const row = tally.get(field) ?? { ok: 0, n: 0 };
    row.ok += ok;
    row.n += 1;
    tally.set(field, row);
  };
  const check = (field: string, ok: boolean, where: string, want: unknown, got: unknown): void => {
    add(field, ok ? 1 : 0);
    if (!ok) mismatches.push({ field, where, expected: want, actual: got });
  };
  /** Greedy one-to-one matching of two lists, scored as F1 in one check. */
  const f1 = <T>(field: string, wants: readonly T[], gots: readonly T[], same: (want: T, got: T) => boolean, where: string, label: (item: T) => string): void => {
    const used = new Set<number>();
    let matched = 0;
    for (const want of wants) {
      const k = gots.findIndex((got, i) => !used.has(i) && same(want, got));
      if (k >= 0) {
        used.add(k);
        matched += 1;
      } else {
        mismatches.push({ field, where, expected: label(want), actual: '(no match)' });
      }
    }
    gots.forEach((got, i) => {
      if (!used.has(i)) mismatches.push({ field, where, expected: '(none)', actual: label(got) });
    });
    const precision = gots.length ? matched / gots.length : wants.length ? 0 : 1;
    const recall = wants.length ? matched / wants.length : gots.length ? 0 : 1;
    add(field, precision + recall ? (2 * precision * recall) / (precision + recall) : 0);
  };

  // Brochure level.
  const eb = expected.brochure ?? {};
  const ab = actual.brochure ?? {};
  check('brochure.titre', short(eb.titre) === short(ab.titre), 'brochure', eb.titre, ab.titre);
  check('brochure.edition', ws(eb.edition).replace(/\s/g, '') === ws(ab.edition).replace(/\s/g, ''), 'brochure', eb.edition, ab.edition);
  check('brochure.annees', eb.anneeDebut === ab.anneeDebut && eb.anneeFin === ab.anneeFin, 'brochure', [eb.anneeDebut, eb.anneeFin], [ab.anneeDebut, ab.anneeFin]);
  check('brochure.datePublication', short(eb.datePublication) === short(ab.datePublication), 'brochure', eb.datePublication, ab.datePublication);
  f1('sections', expected.sections ?? [], actual.sections ?? [],
    (e, a) => short(e.titre) === short(a.titre) && JSON.stringify(e.projets) === JSON.stringify(a.projets), 'brochure',
    (s) => `${s.titre} ${JSON.stringify(s.projets)}`);
  for (const ep of expected.promotions ?? []) {
    const ap = (actual.promotions ?? []).find((p) => samePromotion(p.nom, ep.nom));
    check('promotions.nom', ap !== undefined, `promotion ${ep.nom}`, ep.nom, ap?.nom ?? '(missing)');
    f1('promotions.membres', ep.membres ?? [], ap?.membres ?? [], (e, a) => sameName(e.prenom, a.prenom) && sameName(e.nom, a.nom),
      `promotion ${ep.nom}`, (m) => `${m.prenom} ${m.nom}`);
  }

  // Projects, by number.
  const actualProjects = new Map((actual.projets ?? []).map((p) => [p.numero, p]));
  for (const e of expected.projets ?? []) {
    const found = actualProjects.get(e.numero);
    const where = `projet ${String(e.numero).padStart(2, '0')}`;
    check('projets.trouve', found !== undefined, where, e.numero, found ? found.numero : '(missing)');
    const a: Partial<ComparableProject> = found ?? {};
    check('projets.id', e.id === a.id, where, e.id, a.id);
    check('projets.section', short(e.section) === short(a.section), where, e.section, a.section);
    check('projets.titre', short(e.titre) === short(a.titre), where, e.titre, a.titre);
    check('projets.collectivite', short(e.collectivite) === short(a.collectivite), where, e.collectivite, a.collectivite);
    check('projets.page', e.page === a.page, where, e.page, a.page);
    for (const field of TEXT_RUBRIQUES) {
      const similarity = textSimilarity(e[field], a[field]);
      check(`projets.${field}`, similarity >= threshold, where, `${clip(e[field])} [sim ${similarity.toFixed(3)}]`, clip(a[field]));
      add(`similarity.${field}`, similarity);
    }
    const authorKey = (x: NonNullable<ComparableProject['auteurs']>[number]): string => `${x.prenom} ${x.nom} <${x.email}> ${x.corps} ${x.promotion}`;
    f1('projets.auteurs', e.auteurs ?? [], a.auteurs ?? [], (x, y) => sameName(x.prenom, y.prenom) && sameName(x.nom, y.nom)
      && ws(x.email).toLowerCase() === ws(y.email).toLowerCase() && x.corps === y.corps && samePromotion(x.promotion, y.promotion), where, authorKey);
    const emails = (list: ComparableProject['auteurs']): string[] => (list ?? []).map((x) => ws(x.email).toLowerCase());
    f1('projets.auteurs.email', emails(e.auteurs), emails(a.auteurs), (x, y) => x === y, where, (x) => x);
    f1('projets.tuteurs', e.tuteurs ?? [], a.tuteurs ?? [], (x, y) => sameName(x.prenom, y.prenom) && sameName(x.nom, y.nom)
      && textSimilarity(x.fonction, y.fonction) >= 0.9, where, (x) => `${x.prenom} ${x.nom} (${x.fonction})`);
    f1('projets.chiffres', e.chiffres ?? [], a.chiffres ?? [], (x, y) => figureKey(x.valeur) === figureKey(y.valeur)
      && sameNumber(x.nombre, y.nombre) && textSimilarity(x.libelle, y.libelle) >= 0.9, where, (x) => `${x.valeur} = ${x.nombre} | ${clip(x.libelle, 60)}`);
    f1('projets.allerPlusLoin', e.allerPlusLoin ?? [], a.allerPlusLoin ?? [], (x, y) => textSimilarity(x.texte, y.texte) >= 0.9, where, (x) => clip(x.texte, 80));
  }
  const extra = (actual.projets ?? []).filter((p) => !(expected.projets ?? []).some((e) => e.numero === p.numero));
  check('projets.sansIntrus', extra.length === 0, 'brochure', 'no extra projects', extra.map((p) => p.numero));

  const fields = [...tally.entries()].map(([field, row]) => ({ field, value: row.n ? row.ok / row.n : 1, n: row.n }));
  const scored = fields.filter((row) => !row.field.startsWith('similarity.'));
  const score = scored.reduce((sum, row) => sum + row.value, 0) / (scored.length || 1);
  return { score, fields, mismatches };
}

/** Whether a value looks like a brochure document `compare` can read (an object with `brochure` and `projets`). */
export function isComparable(value: unknown): value is ComparableDocument {
  if (typeof value !== 'object' || value === null) return false;
  const document = value as Record<string, unknown>;
  return typeof document.brochure === 'object' && document.brochure !== null && Array.isArray(document.projets)
    && document.projets.every((p) => typeof p === 'object' && p !== null && typeof (p as Record<string, unknown>).numero === 'number');
}

/**
 * The comparison as text: the accuracy table, the first mismatches, then `score: X`.
 * @param comparison What `compareDocuments` returned.
 * @param show How many mismatches to print (default 15).
 */
export function formatComparison(comparison: Comparison, show = 15): string {
  const lines = [`${'field'.padEnd(28)} ${'score'.padStart(7)}   n`];
  for (const row of comparison.fields) lines.push(`${row.field.padEnd(28)} ${row.value.toFixed(4).padStart(7)}   ${row.n}`);
  const { mismatches } = comparison;
  if (mismatches.length) {
    lines.push('', `${mismatches.length} mismatches; the first ${Math.min(show, mismatches.length)}:`);
    for (const m of mismatches.slice(0, show)) lines.push(`- ${m.where} ${m.field}`, `    expected: ${clip(m.expected, 140)}`, `    actual:   ${clip(m.actual, 140)}`);
  }
  lines.push(`score: ${comparison.score.toFixed(4)}`);
  return `${lines.join('\n')}\n`;
}

/** A value shortened for a mismatch line. */
function clip(value: unknown, n = 90): string {
  const text = typeof value === 'string' ? ws(value) : JSON.stringify(value) ?? String(value);
  return text.length > n ? `${text.slice(0, n)}…` : text;
}
