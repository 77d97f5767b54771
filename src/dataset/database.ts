/**
 * Opening the dataset: SQLite through better-sqlite3, in WAL mode so that readers never block
 * the one writer, with a busy timeout so that two `ingest` runs at once wait for each other
 * instead of failing, and the schema brought up to date by the migrations.
 *
 * A file is looked at before it is touched: only a database this program wrote is opened for
 * writing (switched to WAL, migrated); anything else (another application's SQLite file, an empty
 * file, a damaged dataset) is refused as it is. A new database is built under a temporary name
 * beside the target and linked into place whole, so that a file at the target is always ours and
 * complete, and never an empty file a killed run left behind.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, linkSync, mkdirSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { BrochureError } from '../errors.js';
import { MIGRATIONS, type Migration } from './migrations.js';

/** An open dataset (a better-sqlite3 connection). */
export type Dataset = Database.Database;

/** How long a run waits for another run's write transaction before giving up, in milliseconds. */
const BUSY_TIMEOUT_MS = 60_000;

/** The first 16 bytes of every SQLite database file (its documented header string). */
const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Opens (or creates) a dataset and brings its schema up to date.
 * @param path The SQLite file; its folder is created when missing.
 * @param options `mustExist`: refuse a missing file instead of creating it (export); `migrations`:
 *   apply only these (tests build a database of an earlier version with them).
 * @returns The open connection; close it with `.close()`.
 * @throws {BrochureError} `INPUT_NOT_FOUND` for a missing file with `mustExist`; `NOT_A_BROCHURE`
 *   for a file that is not a dataset (empty, another application's, damaged) or was written by a
 *   newer version, left untouched; `OUTPUT_NOT_WRITABLE` for a folder or file that cannot be written.
 */
export function openDataset(path: string, options: { mustExist?: boolean; migrations?: readonly Migration[] } = {}): Dataset {
  const migrations = options.migrations ?? MIGRATIONS;
  if (path === ':memory:') return prepare(open(path), path, migrations);
  if (!existingFile(path)) {
    if (options.mustExist) throw new BrochureError('INPUT_NOT_FOUND', `the database '${path}' does not exist: run 'brochure-extract ingest' first, or pass --db`);
    createDataset(path, migrations);
  }
  inspect(path, migrations);
  return prepare(open(path), path, migrations);
}

/** Whether a file is at `path` (a folder there is refused). */
function existingFile(path: string): boolean {
  let info;
  try {
    info = statSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw fileError(path, error);
  }
  if (info.isDirectory()) throw new BrochureError('NOT_A_BROCHURE', `'${path}' is a folder, not a brochure-extract database: pass --db with a file name`);
  return true;
}

/** Builds a new database under a temporary name beside `path`, then links it into place (no-clobber). */
function createDataset(path: string, migrations: readonly Migration[]): void {
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    throw fileError(path, error);
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    prepare(open(temp), path, migrations).close();
    // link, not rename: a run that created the same file meanwhile keeps it, and this one uses it.
    linkSync(temp, path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error instanceof BrochureError ? error : fileError(path, error);
  } finally {
    rmSync(temp, { force: true });
    rmSync(`${temp}-wal`, { force: true });
    rmSync(`${temp}-shm`, { force: true });
  }
}

/**
 * Refuses, without writing anything, a file that is not a dataset of a version this code reads:
 * the header, then a read-only connection for the schema version and the tables.
 */
function inspect(path: string, migrations: readonly Migration[]): void {
  const header = readHeader(path);
  if (header.length === 0) throw new BrochureError('NOT_A_BROCHURE', `'${path}' is an empty file, not a brochure-extract database: remove it or pass another --db`);
  if (header !== SQLITE_MAGIC) throw new BrochureError('NOT_A_BROCHURE', `'${path}' is not a brochure-extract database (not an SQLite file): pass another --db`);
  const db = open(path, { readonly: true });
  try {
    const current = readVersion(db, path, migrations.at(-1)?.version ?? 0);
    const missing = missingObjects(db, current);
    // Another application may number its own schema in user_version too: without our editions table it is not ours.
    if (missing.includes('table editions')) throw new BrochureError('NOT_A_BROCHURE', `'${path}' is an SQLite database of something else (no editions table): pass another --db`);
    if (missing.length > 0) {
      throw new BrochureError('NOT_A_BROCHURE', `'${path}' is a damaged brochure-extract database: ${missing.slice(0, 3).join(', ')} missing; restore it from a copy, or ingest again into a new --db`);
    }
  } catch (error) {
    throw error instanceof BrochureError ? error : sqliteError(path, error);
  } finally {
    db.close();
  }
}

/** The first 16 bytes of a file ('' for an empty one). */
function readHeader(path: string): string {
  const bytes = Buffer.alloc(SQLITE_MAGIC.length);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    return bytes.subarray(0, readSync(fd, bytes, 0, bytes.length, 0)).toString('latin1');
  } catch (error) {
    throw fileError(path, error);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Opens a connection, turning SQLite's refusal into one line. */
function open(path: string, options: { readonly?: boolean } = {}): Dataset {
  try {
    return new Database(path, { fileMustExist: options.readonly === true, readonly: options.readonly === true, timeout: BUSY_TIMEOUT_MS });
  } catch (error) {
    throw sqliteError(path, error);
  }
}

/** Sets the connection up (keys, WAL) and applies the migrations the database lacks. */
function prepare(db: Dataset, path: string, migrations: readonly Migration[]): Dataset {
  try {
    db.pragma('foreign_keys = ON');
    db.pragma('journal_mode = WAL');
    // NORMAL is durable in WAL mode except for the last transactions on power loss, never corrupt.
    db.pragma('synchronous = NORMAL');
    migrate(db, path, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error instanceof BrochureError ? error : sqliteError(path, error);
  }
}

/**
 * Applies the migrations the database lacks. Inside one IMMEDIATE transaction, so that two runs
 * upgrading one file at once do not both apply a step; SQLite's DDL is transactional, so a
 * failed step leaves the database at its previous version.
 */
function migrate(db: Dataset, path: string, migrations: readonly Migration[]): void {
  const target = migrations.at(-1)?.version ?? 0;
  db.transaction(() => {
    const current = readVersion(db, path, target, { blank: true });
    for (const migration of migrations) {
      if (migration.version <= current) continue;
      db.exec(migration.sql);
      migration.populate?.(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}

/**
 * Reads `user_version` and refuses a database this code cannot read.
 * @param options `blank`: accept a database with no table and no version (one this code is creating).
 */
function readVersion(db: Dataset, path: string, target: number, options: { blank?: boolean } = {}): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > target) {
    throw new BrochureError('NOT_A_BROCHURE', `'${path}' was written by a newer brochure-extract (database schema ${current}, this version knows ${target}): upgrade brochure-extract`);
  }
  if (current === 0) {
    const tables = db.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").pluck().get();
    if (tables !== 0) throw new BrochureError('NOT_A_BROCHURE', `'${path}' is an SQLite database of something else (tables but no schema version): pass another --db`);
    if (!options.blank) throw new BrochureError('NOT_A_BROCHURE', `'${path}' is an SQLite database of something else (no brochure-extract schema): pass another --db`);
  }
  return current;
}

/** The tables, views, indexes and triggers each schema version has, built once in memory. */
const expectedObjects = new Map<number, Set<string>>();

/** What the schema of `version` has and the database lacks ("table boxes"). */
function missingObjects(db: Dataset, version: number): string[] {
  if (!expectedObjects.has(version)) {
    const model = new Database(':memory:');
    for (const migration of MIGRATIONS) if (migration.version <= version) model.exec(migration.sql);
    expectedObjects.set(version, new Set(schemaObjects(model)));
    model.close();
  }
  const present = new Set(schemaObjects(db));
  return [...expectedObjects.get(version)!].filter((object) => !present.has(object));
}

function schemaObjects(db: Dataset): string[] {
  return db.prepare("SELECT type || ' ' || name FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").pluck().all() as string[];
}

/** One line for a file-system failure around the database (its folder cannot be created or read). */
function fileError(path: string, error: unknown): BrochureError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
    return new BrochureError('OUTPUT_NOT_WRITABLE', `cannot use the database '${path}': its folder is not writable (check its permissions, or pass --db)`, { cause: error });
  }
  if (code === 'ENOTDIR') return new BrochureError('OUTPUT_NOT_WRITABLE', `cannot use the database '${path}': part of its path is a file, not a folder (pass --db)`, { cause: error });
  return new BrochureError('OUTPUT_NOT_WRITABLE', `cannot use the database '${path}': ${(error as Error).message.replace(/\s+/g, ' ')}`, { cause: error });
}

/** One line for an SQLite failure: a read-only place, another kind of file, or a damaged one. */
function sqliteError(path: string, error: unknown): BrochureError {
  const code = String((error as { code?: unknown }).code ?? '');
  if (/^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)/.test(code)) {
    // WAL mode needs to write beside the database (its -wal and -shm files), even to read it.
    return new BrochureError('OUTPUT_NOT_WRITABLE', `cannot use the database '${path}': it or its folder is read-only (brochure-extract writes beside it even to read it; check the permissions, or copy it elsewhere)`, { cause: error });
  }
  if (code === 'SQLITE_NOTADB') return new BrochureError('NOT_A_BROCHURE', `'${path}' is not a brochure-extract database (not an SQLite file): pass another --db`, { cause: error });
  if (code.startsWith('SQLITE_CORRUPT')) return new BrochureError('NOT_A_BROCHURE', `'${path}' is a damaged database (${(error as Error).message}): restore it from a copy, or ingest again into a new --db`, { cause: error });
  return new BrochureError('NOT_A_BROCHURE', `'${path}' is not a brochure-extract database: ${(error as Error).message}`, { cause: error });
}
