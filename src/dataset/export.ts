/**
 * Export: the dataset as other systems read it. CSV (one file per table), NDJSON (one project
 * per line, its people, figures and references inlined, with their stable ids) and JSON (the
 * contract document of each edition, equal to what `extract` wrote).
 */
import type { BrochureDocument } from '../types.js';
import { EXCEL_FR, RFC4180, toCsv, type CsvValue } from './csv.js';
import type { Dataset } from './database.js';
import { editionKeys, readEditionDocument } from './document.js';

/** One exported file: its name in the output folder and its text. */
export interface ExportFile {
  readonly name: string;
  readonly text: string;
}

/** Editions filter: every table's rows restricted to one edition (`@edition` NULL = all). */
const BY_EDITION = '(@edition IS NULL OR e.key = @edition)';
const PROJECT_JOIN = 'JOIN projects p ON p.id = x.project_id JOIN editions e ON e.id = p.edition_id';

/**
 * Columns holding SQLite row numbers: they change when an edition is replaced (its rows are
 * written anew), so the CSV leaves them out and rows are keyed by what is stable: the edition
 * key, the project key, positions, and the hashed ids of people and collectivités.
 */
const ROW_NUMBER_COLUMNS: ReadonlySet<string> = new Set(['edition_id', 'project_id', 'section_id', 'promotion_id']);

/** The query behind each CSV file, one per table. Rows carry the edition key where the table has none. */
const CSV_TABLES: readonly { table: string; sql: string; rowNumberId?: true }[] = [
  { table: 'editions', sql: `SELECT e.* FROM editions e WHERE ${BY_EDITION} ORDER BY e.annee_debut`, rowNumberId: true },
  { table: 'sections', sql: `SELECT e.key AS edition, x.* FROM sections x JOIN editions e ON e.id = x.edition_id WHERE ${BY_EDITION} ORDER BY e.annee_debut, x.position`, rowNumberId: true },
  {
    table: 'section_projects',
    sql: `SELECT e.key AS edition, s.position AS section_position, s.titre AS section, x.* FROM section_projects x JOIN sections s ON s.id = x.section_id JOIN editions e ON e.id = s.edition_id
          WHERE ${BY_EDITION} ORDER BY e.annee_debut, s.position, x.position`,
  },
  {
    table: 'collectivites',
    sql: `SELECT x.* FROM collectivites x WHERE @edition IS NULL OR x.id IN
          (SELECT p.collectivite_id FROM projects p JOIN editions e ON e.id = p.edition_id WHERE e.key = @edition) ORDER BY x.nom_normalise`,
  },
  { table: 'collectivite_names', sql: `SELECT e.key AS edition, x.* FROM collectivite_names x JOIN editions e ON e.id = x.edition_id WHERE ${BY_EDITION} ORDER BY e.annee_debut, x.nom` },
  {
    table: 'people',
    sql: `SELECT x.* FROM people x WHERE @edition IS NULL OR x.id IN (SELECT person_id FROM person_roles WHERE edition = @edition) ORDER BY x.nom_normalise, x.id`,
  },
  { table: 'person_keys', sql: `SELECT e.key AS edition, x.* FROM person_keys x JOIN editions e ON e.id = x.edition_id WHERE ${BY_EDITION} ORDER BY e.annee_debut, x.person_id, x.key` },
  { table: 'projects', sql: `SELECT e.key AS edition, x.* FROM projects x JOIN editions e ON e.id = x.edition_id WHERE ${BY_EDITION} ORDER BY e.annee_debut, x.position`, rowNumberId: true },
  { table: 'authorships', sql: `SELECT e.key AS edition, p.project_key, x.* FROM authorships x ${PROJECT_JOIN} WHERE ${BY_EDITION} ORDER BY e.annee_debut, p.position, x.position` },
  { table: 'tutorships', sql: `SELECT e.key AS edition, p.project_key, x.* FROM tutorships x ${PROJECT_JOIN} WHERE ${BY_EDITION} ORDER BY e.annee_debut, p.position, x.position` },
  { table: 'key_figures', sql: `SELECT e.key AS edition, p.project_key, x.* FROM key_figures x ${PROJECT_JOIN} WHERE ${BY_EDITION} ORDER BY e.annee_debut, p.position, x.position` },
  { table: 'project_references', sql: `SELECT e.key AS edition, p.project_key, x.* FROM project_references x ${PROJECT_JOIN} WHERE ${BY_EDITION} ORDER BY e.annee_debut, p.position, x.position` },
  { table: 'boxes', sql: `SELECT e.key AS edition, p.project_key, x.* FROM boxes x ${PROJECT_JOIN} WHERE ${BY_EDITION} ORDER BY e.annee_debut, p.position, x.position` },
  { table: 'promotions', sql: `SELECT e.key AS edition, x.* FROM promotions x JOIN editions e ON e.id = x.edition_id WHERE ${BY_EDITION} ORDER BY e.annee_debut, x.position`, rowNumberId: true },
  {
    table: 'promotion_members',
    sql: `SELECT e.key AS edition, r.nom AS promotion, x.* FROM promotion_members x JOIN promotions r ON r.id = x.promotion_id JOIN editions e ON e.id = r.edition_id
          WHERE ${BY_EDITION} ORDER BY e.annee_debut, r.position, x.position`,
  },
  { table: 'diagnostics', sql: `SELECT e.key AS edition, x.* FROM diagnostics x JOIN editions e ON e.id = x.edition_id WHERE ${BY_EDITION} ORDER BY e.annee_debut, x.position` },
  { table: 'dataset_diagnostics', sql: `SELECT e.key AS edition, x.* FROM dataset_diagnostics x JOIN editions e ON e.id = x.edition_id WHERE ${BY_EDITION} ORDER BY x.id`, rowNumberId: true },
];

/**
 * One CSV file per table.
 * @param db The dataset.
 * @param options `edition`: only this edition's rows; `excel`: BOM, `;` and decimal commas.
 * @returns `<table>.csv` files.
 */
export function exportCsv(db: Dataset, options: { edition?: string; excel?: boolean } = {}): ExportFile[] {
  const dialect = options.excel ? EXCEL_FR : RFC4180;
  return CSV_TABLES.map(({ table, sql, rowNumberId }) => {
    const statement = db.prepare(sql).raw(true);
    const names = statement.columns().map((column) => column.name);
    const kept = names.flatMap((name, index) => (ROW_NUMBER_COLUMNS.has(name) || (rowNumberId && name === 'id') ? [] : [index]));
    const rows = (statement.all({ edition: options.edition ?? null }) as CsvValue[][]).map((row) => kept.map((index) => row[index] as CsvValue));
    return { name: `${table}.csv`, text: toCsv(kept.map((index) => names[index]!), rows, dialect) };
  });
}

/**
 * The tables `exportCsv` writes, in order.
 * @returns Table names.
 */
export function csvTables(): string[] {
  return CSV_TABLES.map(({ table }) => table);
}

/**
 * One project per line: the contract's project with the edition key and stable ids inlined.
 * @param db The dataset.
 * @param options `edition`: only this edition.
 * @returns The NDJSON text (one line per project, each ending with "\n").
 */
export function exportNdjson(db: Dataset, options: { edition?: string } = {}): string {
  const personIds = db.prepare(
    `SELECT 'a' AS role, x.position, x.person_id FROM authorships x JOIN projects p ON p.id = x.project_id JOIN editions e ON e.id = p.edition_id
       WHERE e.key = ? AND p.position = ?
     UNION ALL SELECT 't', x.position, x.person_id FROM tutorships x JOIN projects p ON p.id = x.project_id JOIN editions e ON e.id = p.edition_id
       WHERE e.key = ? AND p.position = ?`,
  );
  const collectivite = db.prepare('SELECT p.collectivite_id FROM projects p JOIN editions e ON e.id = p.edition_id WHERE e.key = ? AND p.position = ?').pluck();
  const lines: string[] = [];
  for (const key of selectedEditions(db, options.edition)) {
    const document = readEditionDocument(db, key)!;
    document.projets.forEach((projet, position) => {
      const ids = personIds.all(key, position, key, position) as { role: 'a' | 't'; position: number; person_id: string }[];
      const idOf = (role: 'a' | 't', index: number): string | undefined => ids.find((row) => row.role === role && row.position === index)?.person_id;
      lines.push(
        JSON.stringify({
          edition: key,
          ...projet,
          collectiviteId: collectivite.get(key, position),
          auteurs: projet.auteurs.map((auteur, index) => ({ personId: idOf('a', index), ...auteur })),
          tuteurs: projet.tuteurs.map((tuteur, index) => ({ personId: idOf('t', index), ...tuteur })),
        }),
      );
    });
  }
  return lines.map((line) => `${line}\n`).join('');
}

/**
 * The contract documents of the editions.
 * @param db The dataset.
 * @param options `edition`: only this edition.
 * @returns One document per edition, oldest first.
 */
export function exportDocuments(db: Dataset, options: { edition?: string } = {}): BrochureDocument[] {
  return selectedEditions(db, options.edition).map((key) => readEditionDocument(db, key)!);
}

/**
 * The editions an export covers.
 * @param db The dataset.
 * @param edition A requested edition key, or undefined for all.
 * @returns Edition keys; the requested one only when it is there, else none.
 */
export function selectedEditions(db: Dataset, edition: string | undefined): string[] {
  const keys = editionKeys(db);
  return edition === undefined ? keys : keys.filter((key) => key === edition);
}
