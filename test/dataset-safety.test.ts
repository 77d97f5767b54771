/**
 * The dataset's files handled with care, run as a user would from the built bin/: a --db that is
 * not ours is refused untouched, a read-only or damaged one gets one line and the README's exit
 * code, an export that cannot finish changes no file, and the repository tracks no database.
 */
import { execFile } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { cli, root, type Run } from './helpers/cli.js';

const fixture = (path: string): string => join(root, 'fixtures', path);

const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'brochure-safety-'));
  chmodSync(dir, 0o755);
  return dir;
};

/** One line on stderr, in the project's voice, no stack and no « internal error ». */
function expectOneLine(run: Run, code: number, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stderr.trim().split('\n'), run.stderr).toHaveLength(1);
  expect(run.stderr).toMatch(/^brochure-extract: /);
  expect(run.stderr).not.toMatch(/internal error/);
  expect(run.stderr).toMatch(pattern);
}

describe('a --db that is not ours is refused before anything is written', () => {
  it("leaves another application's SQLite file byte for byte as it was (no switch to WAL)", async () => {
    const dir = temp();
    const other = join(dir, 'other.sqlite');
    const foreign = new Database(other);
    foreign.exec("CREATE TABLE notes (texte TEXT); INSERT INTO notes VALUES ('à garder')");
    foreign.close();
    const before = readFileSync(other);
    expect(before[18]).toBe(1); // legacy (rollback journal) file format, not WAL (2)
    for (const args of [['ingest', fixture('dataset/edition-2040.json')], ['export', '--format', 'json'], ['search', 'guichet']]) {
      expectOneLine(await cli([...args, '--db', other]), 65, /SQLite database of something else/);
    }
    expect(readFileSync(other).equals(before)).toBe(true);
    expect(readdirSync(dir)).toEqual(['other.sqlite']);
  });

  it('does not turn an empty file into a database', async () => {
    const dir = temp();
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    expectOneLine(await cli(['ingest', fixture('dataset/edition-2040.json'), '--db', empty]), 65, /is an empty file, not a brochure-extract database/);
    expect(statSync(empty).size).toBe(0);
    expect(readdirSync(dir)).toEqual(['empty.sqlite']);
  });

  it('creates a new database whole: no temporary file is left beside it', async () => {
    const dir = temp();
    const db = join(dir, 'new', 'b.sqlite');
    expect((await cli(['ingest', fixture('dataset/edition-2040.json'), '--db', db])).code).toBe(0);
    expect(readdirSync(join(dir, 'new')).filter((name) => !/^b\.sqlite(-wal|-shm)?$/.test(name))).toEqual([]);
  });
});

describe('database errors get one line and the README exit code', () => {
  it('a read-only place: 73, not « internal error » nor « not a brochure-extract database »', async () => {
    const dir = temp();
    const ours = join(dir, 'ro', 'b.sqlite');
    expect((await cli(['ingest', fixture('dataset/edition-2040.json'), '--db', ours])).code).toBe(0);
    chmodSync(join(dir, 'ro'), 0o555);
    chmodSync(ours, 0o444);
    try {
      // The folder is checked before any input is read (permission denied); the database itself when opened (read-only).
      expectOneLine(await cli(['ingest', fixture('dataset/edition-2041.json'), '--db', ours], { unprivileged: true }), 73, /permission denied|read-only/);
      expectOneLine(await cli(['export', '--format', 'json', '--out', '-', '--edition', '2040-2041', '--db', ours], { unprivileged: true }), 73, /read-only/);
      expectOneLine(await cli(['ingest', fixture('dataset/edition-2041.json'), '--db', join(dir, 'ro', 'sub', 'b.sqlite')], { unprivileged: true }), 73, /permission denied|not writable/);
    } finally {
      chmodSync(join(dir, 'ro'), 0o755);
    }
  });

  it('a database with a dropped table: 65, saying what is missing', async () => {
    const dir = temp();
    const file = join(dir, 'b.sqlite');
    expect((await cli(['ingest', fixture('dataset/edition-2040.json'), '--db', file])).code).toBe(0);
    const db = new Database(file);
    db.exec('DROP TABLE boxes');
    db.close();
    expectOneLine(await cli(['ingest', fixture('dataset/edition-2041.json'), '--db', file]), 65, /damaged brochure-extract database: table boxes missing/);
    expectOneLine(await cli(['export', '--format', 'csv', '--out', join(dir, 'csv'), '--db', file]), 65, /table boxes missing/);
  });
});

describe('export is all or nothing', () => {
  it('when one file cannot be written (a folder where it goes), every other file keeps its old content and no temporary file is left', async () => {
    const dir = temp();
    const db = join(dir, 'b.sqlite');
    const out = join(dir, 'csv');
    await cli(['ingest', fixture('dataset/edition-2040.json'), '--db', db]);
    expect((await cli(['export', '--format', 'csv', '--out', out, '--db', db])).code).toBe(0);
    // A folder stands where one of the last files goes: the files written before it would change.
    rmSync(join(out, 'promotion_members.csv'));
    mkdirSync(join(out, 'promotion_members.csv'));
    const before = Object.fromEntries(readdirSync(out).filter((name) => !name.startsWith('promotion_members')).map((name) => [name, readFileSync(join(out, name), 'utf8')]));
    await cli(['ingest', fixture('dataset/edition-2041.json'), '--db', db]);
    expectOneLine(await cli(['export', '--format', 'csv', '--out', out, '--db', db]), 73, /promotion_members\.csv.*no file was changed/);
    const after = Object.fromEntries(readdirSync(out).filter((name) => !name.startsWith('promotion_members')).map((name) => [name, readFileSync(join(out, name), 'utf8')]));
    expect(after).toEqual(before);
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
    rmSync(join(out, 'promotion_members.csv'), { recursive: true });
    expect((await cli(['export', '--format', 'csv', '--out', out, '--db', db])).code).toBe(0);
    expect(readFileSync(join(out, 'projects.csv'), 'utf8')).toMatch(/2041-2042/);
  });
});

describe('the repository', () => {
  it('tracks no file its .gitignore lists (output/brochures.sqlite was tracked: every ingest modified it)', async () => {
    const { stdout } = await promisify(execFile)('git', ['ls-files', '--cached', '--ignored', '--exclude-standard'], { cwd: root });
    expect(stdout).toBe('');
  });
});
