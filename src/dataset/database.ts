/**
 * Opening the dataset: SQLite through better-sqlite3, in WAL mode so that readers never block
 * the one writer, with a busy timeout so that two `ingest` runs at once wait for each other
 * instead of failing, and the schema brought up to date by the migrations.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { BrochureError } from '../errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';

/** An open dataset (a better-sqlite3 connection). */
export type Dataset = Database.Database;

/** How long a run waits for another run's write transaction before giving up, in milliseconds. */
const BUSY_TIMEOUT_MS = 60_000;

/**
 * Opens (or creates) a dataset and brings its schema up to date.
 * @param path The SQLite file; its folder is created when missing.
 * @param options `mustExist`: refuse a missing file instead of creating it (export); `migrations`:
 *   apply only these (tests build a database of an earlier version with them).
 * @returns The open connection; close it with `.close()`.
 * @throws {BrochureError} `INPUT_NOT_FOUND` for a missing file with `mustExist`, `NOT_A_BROCHURE`
 *   for a file that is not a dataset or was written by a newer version.
 */
export function openDataset(path: string, options: { mustExist?: boolean; migrations?: readonly Migration[] } = {}): Dataset {
  if (!options.mustExist && path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  let db: Dataset;
  try {
    db = new Database(path, { fileMustExist: options.mustExist === true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw new BrochureError('INPUT_NOT_FOUND', `cannot open the database '${path}': ${(error as Error).message}`);
  }
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('journal_mode = WAL');
    // NORMAL is durable in WAL mode except for the last transactions on power loss, never corrupt.
    db.pragma('synchronous = NORMAL');
    migrate(db, path, options.migrations ?? MIGRATIONS);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof BrochureError) throw error;
    throw new BrochureError('NOT_A_BROCHURE', `'${path}' is not a brochure-extract database: ${(error as Error).message}`);
  }
}

/**
 * Applies the migrations the database lacks. Inside one IMMEDIATE transaction, so that two runs
 * opening a new file at once do not both create the tables; SQLite's DDL is transactional, so a
 * failed step leaves the database at its previous version.
 */
function migrate(db: Dataset, path: string, migrations: readonly Migration[]): void {
  const target = migrations.at(-1)?.version ?? 0;
  db.transaction(() => {
    const current = checkVersion(db, path, target);
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}

/** Reads `user_version` and refuses a database this code cannot read. */
function checkVersion(db: Dataset, path: string, target: number): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > target) {
    throw new BrochureError('NOT_A_BROCHURE', `'${path}' was written by a newer brochure-extract (database schema ${current}, this version knows ${target}): upgrade brochure-extract`);
  }
  if (current === 0 && db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").pluck().get() !== 0) {
    throw new BrochureError('NOT_A_BROCHURE', `'${path}' is an SQLite database of something else (tables but no schema version)`);
  }
  return current;
}
