/**
 * Faults inside a good brochure: a project whose fields cannot be read must not sink the others.
 * Runs the real CLI on the 2019 converter text with one (then two) project bodies replaced by junk.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrochureDocument } from '../src/types.js';
import { readDocument, shape } from './helpers/documents.js';
import { BROCHURE_TXT, JUNK_LINES, damageProject } from './bad-inputs/make-corpus.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/brochure-extract');

interface Run {
  readonly exit: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function cli(args: readonly string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, timeout: 30_000 }, (error, stdout, stderr) => {
      const exit = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      resolve({ exit, stdout, stderr });
    });
  });
}

let dir: string;
let intact: BrochureDocument;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'brochure-partial-'));
  const run = await cli(['extract', BROCHURE_TXT, '--out', join(dir, 'intact.json'), '--quiet']);
  expect(run.exit, run.stderr).toBe(0);
  intact = readDocument(join(dir, 'intact.json'));
  expect(intact.projets).toHaveLength(22);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('one unreadable project', () => {
  const text = readFileSync(BROCHURE_TXT, 'utf8');
  const { text: damaged, junk } = damageProject(text, 5);

  it('damages only what it says: project 05 keeps its heading, loses its authors and rubriques', () => {
    expect(damaged.length).toBeLessThan(text.length);
    expect(damaged).toContain('LES AUTEURS\n\n' + JUNK_LINES[0]);
    // The junk must not rescue the project: no e-mail, no rubrique heading.
    for (const line of junk) expect(line).not.toMatch(/@|CONTEXTE|PROBL[ÉE]MATIQUE|CL[ÉE]S POUR AGIR/i);
    expect(damaged.split('\n').filter((line) => line === 'LES AUTEURS')).toHaveLength(text.split('\n').filter((line) => line === 'LES AUTEURS').length);
  });

  it('writes the 21 others, keeps the raw text in one PROJECT_UNPARSED error and exits 3', async () => {
    const input = join(dir, 'damaged-05.txt');
    const out = join(dir, 'damaged-05.json');
    writeFileSync(input, damaged);
    const run = await cli(['extract', input, '--out', out]);
    expect(run.exit, run.stderr).toBe(3);
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/21 projects.*PARTIAL: PROJECT_UNPARSED\n$/);

    const document = readDocument(out);
    expect(document.projets.map((p) => p.numero)).toEqual(intact.projets.map((p) => p.numero).filter((n) => n !== 5));
    expect(shape(document)).toEqual(shape(intact).filter((p) => p.numero !== 5));

    const unparsed = document.diagnostics.filter((d) => d.code === 'PROJECT_UNPARSED');
    expect(unparsed).toHaveLength(1);
    expect(unparsed[0]).toMatchObject({ severity: 'error', projet: 5 });
    for (const line of junk) expect(unparsed[0]!.message).toContain(line);
    // The title and organisation are kept too, so the project can be found again by a reader.
    const lost = intact.projets.find((p) => p.numero === 5)!;
    expect(unparsed[0]!.message).toContain(lost.collectivite);
    // Only the output itself is left in the folder: no temp file from the atomic write.
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('exits 0 with --allow-partial and writes the same document', async () => {
    const input = join(dir, 'damaged-05.txt');
    const out = join(dir, 'damaged-05-allowed.json');
    writeFileSync(input, damaged);
    const run = await cli(['extract', input, '--out', out, '--allow-partial']);
    expect(run.exit, run.stderr).toBe(0);
    const document = readDocument(out);
    expect(shape(document)).toEqual(shape(readDocument(join(dir, 'damaged-05.json'))));
    expect(document.diagnostics.filter((d) => d.code === 'PROJECT_UNPARSED')).toHaveLength(1);
  });

  it('replaces a previous output whole (atomic rename), not merged or appended', async () => {
    const input = join(dir, 'damaged-05.txt');
    const out = join(dir, 'previous.json');
    writeFileSync(input, damaged);
    writeFileSync(out, '{"previous": true}\n');
    const run = await cli(['extract', input, '--out', out, '--quiet']);
    expect(run.exit, run.stderr).toBe(3);
    expect(run.stdout).toBe('');
    expect(readDocument(out).projets).toHaveLength(21);
  });
});

describe('two unreadable projects', () => {
  it('keeps the 20 others and reports each lost project once', async () => {
    const text = readFileSync(BROCHURE_TXT, 'utf8');
    const twice = damageProject(damageProject(text, 5).text, 12).text;
    const input = join(dir, 'damaged-05-12.txt');
    const out = join(dir, 'damaged-05-12.json');
    writeFileSync(input, twice);
    const run = await cli(['extract', input, '--out', out]);
    expect(run.exit, run.stderr).toBe(3);
    const document = readDocument(out);
    expect(document.projets).toHaveLength(20);
    expect(shape(document)).toEqual(shape(intact).filter((p) => p.numero !== 5 && p.numero !== 12));
    const unparsed = document.diagnostics.filter((d) => d.code === 'PROJECT_UNPARSED');
    expect(unparsed.map((d) => d.projet)).toEqual([5, 12]);
  });
});
