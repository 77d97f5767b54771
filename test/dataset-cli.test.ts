/**
 * `ingest`, `export` and `extract --out -` run as a user would, from the built bin/: the round
 * trip of real brochures, the refusal and --replace, two writers at once, a run killed mid-way.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../src/dataset/csv.js';
import { PAUSE_HOOK } from '../src/dataset/ingest.js';
import { BROCHURE_TXT, damageProject } from './bad-inputs/make-corpus.mjs';
import { bin, cli, root, type Run } from './helpers/cli.js';
import { readDocument } from './helpers/documents.js';

const fixture = (path: string): string => join(root, 'fixtures', path);

/** Starts the CLI without waiting for it. */
function start(args: string[], env: NodeJS.ProcessEnv = {}) {
  const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const done = new Promise<Run & { signal: NodeJS.Signals | null }>((resolve) => child.on('close', (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr })));
  return { child, done };
}

async function waitFor(file: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!existsSync(file)) {
    if (Date.now() > until) throw new Error(`${file} never appeared`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Everything the database holds, table by table, for before/after comparisons. */
function contents(file: string): Record<string, unknown[]> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'projects_fts%' AND name NOT LIKE 'search_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const out: Record<string, unknown[]> = Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT * FROM "${table}" ORDER BY rowid`).all()]));
    out.editions = (out.editions as { ingested_at?: string }[]).map(({ ingested_at: _, ...rest }) => rest);
    out.fts = db.prepare('SELECT rowid, titre FROM projects_fts ORDER BY rowid').all();
    out.search = db.prepare('SELECT * FROM search_fts ORDER BY project_id').all();
    return out;
  } finally {
    db.close();
  }
}

const temp = (): string => mkdtempSync(join(tmpdir(), 'brochure-dataset-'));

describe('extract --out -', () => {
  it('writes the document, and only it, on stdout; the summary on stderr; no file', async () => {
    const dir = temp();
    const run = await cli(['extract', fixture('synthetic-2031/input.txt'), '--out', '-'], { cwd: dir });
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as { brochure: { edition: string } };
    expect(document.brochure.edition).toBe('2031 / 2032');
    expect(run.stderr).toMatch(/^stdout: 4 projects, .* s\n$/);
    expect(readdirSync(dir)).toEqual([]);
    const file = join(dir, 'same.json');
    await cli(['extract', fixture('synthetic-2031/input.txt'), '--out', file, '-q']);
    expect(run.stdout).toBe(readFileSync(file, 'utf8'));
  });

  it('keeps stdout empty when the input is bad: the error goes to stderr', async () => {
    const run = await cli(['extract', fixture('synthetic-2031/README.md'), '--out', '-']);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^brochure-extract: /);
  });
});

describe('ingest and export', () => {
  it('have their help, listed in the program help', async () => {
    expect((await cli(['--help'])).stdout).toMatch(/ingest INPUT\.\.\. \[--db FILE\][\s\S]*export --format csv\|ndjson\|json/);
    expect((await cli(['help', 'ingest'])).stdout).toMatch(/--replace/);
    expect((await cli(['export', '--help'])).stdout).toMatch(/--excel/);
    expect((await cli(['export'])).code).toBe(64);
  });

  it('round trip: extract -> ingest -> export json gives back the same documents (2019 PDF, then its text with --replace, synthetic 2031)', async () => {
    const dir = temp();
    const db = join(dir, 'b.sqlite');
    const exported = async (edition: string): Promise<string> => {
      const run = await cli(['export', '--db', db, '--format', 'json', '--edition', edition, '--out', '-']);
      expect(run.code, run.stderr).toBe(0);
      return run.stdout;
    };
    for (const [input, edition] of [['inet-2019/input.pdf', '2019-2020'], ['synthetic-2031/input.pdf', '2031-2032']] as const) {
      const out = join(dir, `${edition}.json`);
      expect((await cli(['extract', fixture(input), '--out', out, '-q'])).code).toBe(0);
      const ingest = await cli(['ingest', fixture(input), '--db', db]);
      expect(ingest.code, ingest.stderr).toBe(0);
      expect(ingest.stdout).toMatch(new RegExp(`^${edition}: added from `));
      expect(await exported(edition)).toBe(readFileSync(out, 'utf8'));
      expect(JSON.parse(await exported(edition))).toStrictEqual(readDocument(out));
    }

    // Same file again: nothing changes. The converter text of the same edition: refused, then --replace.
    const before = contents(db);
    const again = await cli(['ingest', fixture('inet-2019/input.pdf'), '--db', db]);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/^2019-2020: unchanged/);
    const refused = await cli(['ingest', fixture('inet-2019/input.txt'), '--db', db]);
    expect(refused.code).toBe(65);
    expect(refused.stderr).toMatch(/edition 2019-2020 is already in the database .*pass --replace/);
    expect(contents(db)).toEqual(before);

    const text = join(dir, 'text.json');
    await cli(['extract', fixture('inet-2019/input.txt'), '--out', text, '-q']);
    const replaced = await cli(['ingest', fixture('inet-2019/input.txt'), '--db', db, '--replace']);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect(replaced.stdout).toMatch(/^2019-2020: replaced from .*\n  projects added 0\n  projects removed 0\n  projects changed 22:\n    01: pages/);
    expect(replaced.stdout).toMatch(/other parts changed: source, diagnostics/);
    expect(await exported('2019-2020')).toBe(readFileSync(text, 'utf8'));
    // The other edition did not move.
    expect(await exported('2031-2032')).toBe(readFileSync(join(dir, '2031-2032.json'), 'utf8'));
  });

  it('ingests a document JSON after checking it against the schema', async () => {
    const dir = temp();
    const db = join(dir, 'b.sqlite');
    const run = await cli(['ingest', fixture('dataset/edition-2040.json'), join(root, 'package.json'), fixture('dataset/edition-2041.json'), '--db', db]);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/2040-2041: added[^\n]*\n2041-2042: added/);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('reads a brochure with --profile, as extract does (a renamed heading is only understood with it)', async () => {
    const dir = temp();
    const input = join(root, 'test/fixtures/profile-synonym/input.txt');
    const contexts = async (db: string): Promise<(string | null)[]> => {
      const out = join(dir, `${Math.random()}.json`);
      const exported = await cli(['export', '--db', db, '--format', 'json', '--out', out]);
      expect(exported.code, exported.stderr).toBe(0);
      return (JSON.parse(readFileSync(join(out, readdirSync(out)[0]!), 'utf8')) as { projets: { contexte: string | null }[] }).projets.map((p) => p.contexte);
    };
    const plain = join(dir, 'plain.sqlite');
    const withProfile = join(dir, 'profile.sqlite');
    // Without the profile the renamed heading is read nowhere: the context is empty in every project,
    // which the self-check reports (family-rubriques-read), so the run is partial and not ingested
    // unless asked.
    const plainRun = await cli(['ingest', input, '--db', plain]);
    expect(plainRun.code).toBe(3);
    expect(plainRun.stderr).toMatch(/partial document .*RUBRIQUE_UNREAD_IN_DOCUMENT.*not ingested/);
    expect((await cli(['ingest', input, '--db', plain, '--allow-partial'])).code).toBe(0);
    const run = await cli(['ingest', input, '--db', withProfile, '--profile', join(root, 'test/fixtures/profile-synonym/profile.json')]);
    expect(run.code, run.stderr).toBe(0);
    expect(await contexts(plain)).toContain(null);
    expect(await contexts(withProfile)).not.toContain(null);
  });

  it('export csv --excel writes one spreadsheet-ready file per table; csv refuses stdout; an unknown edition is an error', async () => {
    const dir = temp();
    const db = join(dir, 'b.sqlite');
    await cli(['ingest', fixture('dataset/edition-2040.json'), fixture('dataset/edition-2041.json'), '--db', db]);
    const out = join(dir, 'csv');
    const run = await cli(['export', '--db', db, '--format', 'csv', '--excel', '--out', out]);
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(out).sort();
    expect(files).toContain('authorships.csv');
    expect(files).toContain('promotion_members.csv');
    const bytes = readFileSync(join(out, 'boxes.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8');
    expect(text.split('\r\n')[0]).toBe('\ufeffedition;project_key;position;titre;texte');
    expect(parseCsv(text, ';')[1]!.at(-1)).toBe('Un encadré sur deux lignes,\navec un point-virgule ; et des "guillemets".');
    expect((await cli(['export', '--db', db, '--format', 'csv', '--out', '-'])).code).toBe(64);
    const unknown = await cli(['export', '--db', db, '--format', 'json', '--edition', '1999-2000', '--out', '-']);
    expect(unknown.code).toBe(66);
    expect(unknown.stderr).toMatch(/editions: 2040-2041, 2041-2042/);
    expect((await cli(['export', '--db', join(dir, 'missing.sqlite'), '--format', 'json'])).code).toBe(66);
  });
});

describe('ingest under concurrency and failure', () => {
  it('two ingest runs at once on one new database lose nothing (the second waits for the first)', async () => {
    const dir = temp();
    const db = join(dir, 'b.sqlite');
    const marker = join(dir, 'inside');
    // The first run stops 1.5 s inside its write transaction; the second starts while it is held.
    const first = start(['ingest', fixture('synthetic-2031/input.txt'), fixture('dataset/edition-2040.json'), '--db', db], { [PAUSE_HOOK]: `${marker}:1500` });
    await waitFor(marker);
    const second = start(['ingest', fixture('dataset/edition-2041.json'), fixture('inet-2019/input.txt'), '--db', db]);
    const [a, b] = await Promise.all([first.done, second.done]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const tables = contents(db);
    expect((tables.editions as { key: string }[]).map((e) => e.key).sort()).toEqual(['2019-2020', '2031-2032', '2040-2041', '2041-2042']);
    expect(tables.projects).toHaveLength(22 + 4 + 2 + 3);
  });

  it('a run killed inside its transaction leaves the database as it was', async () => {
    const dir = temp();
    const db = join(dir, 'b.sqlite');
    expect((await cli(['ingest', fixture('dataset/edition-2040.json'), '--db', db])).code).toBe(0);
    const before = contents(db);
    const marker = join(dir, 'inside');
    const run = start(['ingest', fixture('dataset/edition-2041.json'), '--db', db], { [PAUSE_HOOK]: marker });
    await waitFor(marker);
    run.child.kill('SIGKILL');
    expect((await run.done).signal).toBe('SIGKILL');
    expect(contents(db)).toEqual(before);
    // The database is still usable, and the edition goes in on the next run.
    const retry = await cli(['ingest', fixture('dataset/edition-2041.json'), '--db', db]);
    expect(retry.code, retry.stderr).toBe(0);
    expect(contents(db).projects).toHaveLength(5);
  });
});

describe('ingest of a partial document', () => {
  it('exits 3 and ingests nothing without --allow-partial, so the whole brochure is later added without --replace', async () => {
    const dir = temp();
    const db = join(dir, 'b.sqlite');
    const damaged = join(dir, 'damaged-05.txt');
    writeFileSync(damaged, damageProject(readFileSync(BROCHURE_TXT, 'utf8'), 5).text);
    const refused = await cli(['ingest', damaged, '--db', db]);
    expect(refused.code, refused.stderr).toBe(3);
    expect(refused.stderr).toMatch(/^brochure-extract: .*damaged-05\.txt: partial document \(21 projects: PROJECT_UNPARSED\): not ingested; pass --allow-partial/);
    expect(refused.stdout).toBe('');
    const whole = await cli(['ingest', fixture('inet-2019/input.txt'), '--db', db]);
    expect(whole.code, whole.stderr).toBe(0);
    expect(whole.stdout).toMatch(/^2019-2020: added from .*: 22 projects/);

    // A document JSON saying a project is missing is partial too; --allow-partial ingests it with a note.
    const document = JSON.parse(readFileSync(fixture('dataset/edition-2041.json'), 'utf8')) as { diagnostics: unknown[] };
    document.diagnostics.push({ code: 'PROJECT_START_NOT_FOUND', severity: 'error', projet: 3, message: 'Projet 03 : le début du projet n’a pas été retrouvé.' });
    const partialJson = join(dir, 'partial-2041.json');
    writeFileSync(partialJson, JSON.stringify(document));
    expect((await cli(['ingest', partialJson, '--db', db])).code).toBe(3);
    const allowed = await cli(['ingest', partialJson, '--db', db, '--allow-partial']);
    expect(allowed.code, allowed.stderr).toBe(0);
    expect(allowed.stdout).toMatch(/^2041-2042: added .* PARTIAL: PROJECT_START_NOT_FOUND\n$/);
  });
});

describe('ingest of an unchanged file', () => {
  it('is recognised by its hash before the pipeline runs (a 1 ms --timeout does not matter)', async () => {
    const dir = temp();
    const db = join(dir, 'b.sqlite');
    expect((await cli(['ingest', fixture('synthetic-2031/input.txt'), '--db', db])).code).toBe(0);
    const again = await cli(['ingest', fixture('synthetic-2031/input.txt'), '--db', db, '--timeout', '1']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/^2031-2032: unchanged, '.*input\.txt' is already in /);
    // Another file still runs the pipeline, and the 1 ms limit then stops it.
    expect((await cli(['ingest', fixture('synthetic-2031/input.pdf'), '--db', db, '--timeout', '1'])).code).toBe(75);
  });
});

describe('search', () => {
  it('takes plain words, finds them by their French stem in every part of a project, never fails on query syntax', async () => {
    const dir = temp();
    const db = join(dir, 'b.sqlite');
    expect((await cli(['ingest', fixture('inet-2019/input.txt'), fixture('dataset/edition-2040.json'), '--db', db])).code).toBe(0);
    const keys = async (...words: string[]): Promise<string[]> => {
      const run = await cli(['search', ...words, '--db', db, '--limit', '100', '--json']);
      expect(run.code, run.stderr).toBe(0);
      return run.stdout.split('\n').filter(Boolean).map((line) => (JSON.parse(line) as { project_key: string }).project_key).sort();
    };
    const usager = await keys('usager');
    expect(usager.length).toBeGreaterThan(0);
    expect(await keys('usagers')).toEqual(usager);
    expect(await keys('USAGERS')).toEqual(usager);
    // Words FTS5 would read as syntax are words here.
    for (const words of [['covid-19'], ['"usager'], ['AND'], ['usager*'], ['NEAR(a', 'b)'], ['col:umn']]) {
      const run = await cli(['search', ...words, '--db', db]);
      expect(run.code, `${words.join(' ')}: ${run.stderr}`).toBe(0);
    }
    // Key figures, boxes, references and people are searched too (words found only there, in the invented edition).
    expect(await keys('frequentations')).toContain('2040-01'); // key figure « de fréquentation »
    expect(await keys('encadre', 'virgule')).toEqual(['2040-02']); // encadré « Un encadré sur deux lignes, avec un point-virgule »
    expect(await keys('rapport', 'étape')).toContain('2040-01'); // aller plus loin
    expect(await keys('jeanne', 'moreau')).toEqual(['2040-01']); // author
    expect((await cli(['search', '--db', db])).code).toBe(64);
    const nothing = await cli(['search', 'zzzyzzy', '--db', db]);
    expect([nothing.code, nothing.stdout]).toEqual([0, '']);
    expect(nothing.stderr).toMatch(/no project holds 'zzzyzzy'/);
  });
});
