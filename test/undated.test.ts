/**
 * A brochure whose edition « YYYY / YYYY » is printed on neither cover nor colophon (issue 16: some
 * converters drop the cover line): the rest is written, partial, with edition, years and project
 * ids null and an EDITION_NOT_FOUND error (exit 3); `--edition` dates it (exit 0); the dataset,
 * keyed by edition, never takes it. Run through the built CLI on the 2019 converter text with its
 * edition line taken out.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EDITION } from '../src/conventions.js';
import type { BrochureDocument } from '../src/types.js';
import { validateDocument } from '../src/validate/index.js';
import { BROCHURE_TXT } from './bad-inputs/make-corpus.mjs';
import { cli } from './helpers/cli.js';
import { readDocument } from './helpers/documents.js';

let dir: string;
/** The 2019 converter text without its edition line. */
let undatedInput: string;
/** The intact text's document, for what must not change. */
let intact: BrochureDocument;

/** A document with what the edition decides taken out: the rest must not depend on it. */
const withoutEdition = (document: BrochureDocument) => ({
  ...document,
  source: { ...document.source, file: '', sha256: '' },
  brochure: { ...document.brochure, edition: null, anneeDebut: null, anneeFin: null },
  projets: document.projets.map((projet) => ({ ...projet, id: null })),
  diagnostics: document.diagnostics.filter((d) => !d.code.startsWith('EDITION_')),
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'brochure-undated-'));
  const lines = readFileSync(BROCHURE_TXT, 'utf8').split('\n');
  const kept = lines.filter((line) => !EDITION.test(line.trim()));
  // The text prints its edition once, on the cover: taking that line out leaves none.
  expect(lines.length - kept.length).toBe(1);
  undatedInput = join(dir, 'undated.txt');
  writeFileSync(undatedInput, kept.join('\n'));
  const run = await cli(['extract', BROCHURE_TXT, '--out', join(dir, 'intact.json'), '--quiet']);
  expect(run.code, run.stderr).toBe(0);
  intact = readDocument(join(dir, 'intact.json'));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('extract of a brochure without edition', () => {
  it('writes the rest, valid, with edition, years and ids null and an EDITION_NOT_FOUND error: exit 3, the code named', async () => {
    const out = join(dir, 'undated.json');
    const run = await cli(['extract', undatedInput, '--out', out]);
    expect(run.code, run.stderr).toBe(3);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/undated\.json: 22 projects, 87 authors, diagnostics 1 errors? \/ .* PARTIAL: EDITION_NOT_FOUND\n$/);
    const raw: unknown = JSON.parse(readFileSync(out, 'utf8'));
    const checked = validateDocument(raw);
    expect(checked.valid ? [] : checked.errors).toEqual([]);
    const document = raw as BrochureDocument;
    expect(document.brochure).toMatchObject({ edition: null, anneeDebut: null, anneeFin: null, titre: intact.brochure.titre });
    expect(document.projets.map((projet) => projet.id)).toEqual(intact.projets.map(() => null));
    const errors = document.diagnostics.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.code)).toEqual(['EDITION_NOT_FOUND']);
    // What was not found, where it was looked for, and how to give it.
    expect(errors[0]!.message).toMatch(/« AAAA \/ AAAA ».*couverture.*colophon.*--edition AAAA-AAAA/);
    expect(withoutEdition(document)).toEqual(withoutEdition(intact));
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('is named after its input in the output folder: there are no years to name it by', async () => {
    const outDir = join(dir, 'by-name');
    const run = await cli(['extract', undatedInput, '--out-dir', outDir, '--allow-partial']);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(outDir)).toEqual(['undated.json']);
    expect(readDocument(join(outDir, 'undated.json')).brochure.anneeDebut).toBeNull();
  });

  it('is dated by --edition: exit 0, the document of the intact text but for the EDITION_SUPPLIED info', async () => {
    const out = join(dir, 'supplied.json');
    const run = await cli(['extract', undatedInput, '--out', out, '--edition', '2019-2020']);
    expect(run.code, run.stderr).toBe(0);
    const document = readDocument(out);
    expect(document.brochure).toEqual(intact.brochure);
    expect(document.projets).toEqual(intact.projets);
    expect(document.diagnostics.filter((d) => d.code.startsWith('EDITION_')).map((d) => [d.code, d.severity])).toEqual([['EDITION_SUPPLIED', 'info']]);
  });

  it('can be reviewed and compared: the report says the edition is not printed', async () => {
    const out = join(dir, 'undated.json');
    const html = await cli(['report', out, '--html', '-']);
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toContain('<dt>Édition</dt><dd><span class="absent">non imprimée</span></dd>');
    const text = await cli(['report', out]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/EDITION_NOT_FOUND/);
    const compared = await cli(['compare', out, join(dir, 'intact.json'), '--json']);
    expect(compared.code, compared.stderr).toBe(0);
    const fields = (JSON.parse(compared.stdout) as { mismatches: { field: string }[] }).mismatches.map((m) => m.field);
    expect(new Set(fields)).toEqual(new Set(['brochure.edition', 'brochure.annees', 'projets.id']));
  });

  it.each([
    ['prose.txt', 'Compte rendu de réunion\n\nLe conseil s’est réuni le 3 mars.\n', /no numbered sommaire and no e-mail/],
    // Past segment (a project number and a heading), but no project read and no edition: normalise refuses it.
    ['headings.txt', '01\nLES AUTEURS\n01\nLES AUTEURS\n', /no edition \(« YYYY \/ YYYY »\) and no project were found/],
  ])('still refuses a text with neither edition nor project (%s: NOT_A_BROCHURE, exit 65, nothing written)', async (name, text, reason) => {
    const input = join(dir, name);
    const out = join(dir, `${name}.json`);
    writeFileSync(input, text);
    const run = await cli(['extract', input, '--out', out]);
    expect(run.code).toBe(65);
    expect(run.stderr).toMatch(reason);
    expect(run.stderr).toMatch(/^brochure-extract: .*does not look like a « Regards croisés sur les territoires » brochure\n$/);
    expect(readdirSync(dir)).not.toContain(`${name}.json`);
  });
});

describe('ingest of a brochure without edition', () => {
  const editionsIn = (db: string): string[] => {
    const open = new Database(db, { readonly: true });
    try {
      return open.prepare('SELECT key FROM editions ORDER BY key').pluck().all() as string[];
    } finally {
      open.close();
    }
  };

  it('refuses it in one line, exit 3, even with --allow-partial: the edition is the dataset\'s key', async () => {
    const db = join(dir, 'refused.sqlite');
    for (const args of [[], ['--allow-partial'], ['--allow-partial', '--replace']]) {
      for (const input of [undatedInput, join(dir, 'undated.json')]) {
        const run = await cli(['ingest', input, '--db', db, ...args]);
        expect(run.code, run.stderr).toBe(3);
        expect(run.stdout).toBe('');
        expect(run.stderr).toMatch(/^brochure-extract: .*undated\.(txt|json): no edition \(« YYYY \/ YYYY »\) is printed .*: not ingested, even with --allow-partial, .*give it with --edition YYYY-YYYY.*\n$/);
        expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
      }
    }
    expect(editionsIn(db)).toEqual([]);
  });

  it('ingests it with --edition', async () => {
    const db = join(dir, 'dated.sqlite');
    const run = await cli(['ingest', undatedInput, '--db', db, '--edition', '2019-2020']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^2019-2020: added from .*undated\.txt/);
    expect(editionsIn(db)).toEqual(['2019-2020']);
  });
});
