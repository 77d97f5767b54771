/**
 * The command line (run as a user would, from the built bin/) and the library's public API.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import * as api from '../src/index.js';
import { runStages } from '../src/pipeline.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/brochure-extract');
const textInput = join(root, 'fixtures/inet-2019/input.txt');
const pdfInput = join(root, 'fixtures/inet-2019/input.pdf');

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [bin, ...args], { cwd: root });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('brochure-extract CLI', () => {
  it('prints help for the program and each command', async () => {
    const main = await cli('--help');
    expect(main.code).toBe(0);
    expect(main.stdout).toMatch(/brochure-extract extract INPUT/);
    expect((await cli('extract', '--help')).stdout).toMatch(/--strict/);
    expect((await cli('help', 'report')).stdout).toMatch(/--html FILE/);
  });

  it('refuses a wrong command line with one line and exit 64', async () => {
    const run = await cli('frobnicate');
    expect(run.code).toBe(64);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect((await cli('extract', '--jobs', 'zero', textInput)).code).toBe(64);
    expect((await cli('extract')).code).toBe(64);
  });

  it('extracts, writes the document and prints a summary line', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'be-')), 'doc.json');
    const run = await cli('extract', textInput, '--out', out);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/doc\.json: 22 projects, 87 authors, diagnostics 0 errors \/ \d+ warnings \/ \d+ infos, [\d.]+ s/);
    const document = JSON.parse(readFileSync(out, 'utf8'));
    expect(api.validateDocument(document).valid).toBe(true);
    expect(document.source).toMatchObject({ file: 'input.txt', format: 'text', pageCount: null });
  });

  it('exits 2 with --strict when warnings are raised, and says nothing with --quiet', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'be-')), 'doc.json');
    const run = await cli('extract', textInput, '--out', out, '--strict', '--quiet');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(existsSync(out)).toBe(true);
  });

  it('writes the same document with 1, 2 or 3 page threads (--page-threads N uses N threads on any PDF)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'page-threads-cli-'));
    const pdf = join(root, 'fixtures/synthetic-2031/input.pdf');
    const written: string[] = [];
    for (const threads of ['1', '2', '3']) {
      const out = join(dir, `t${threads}.json`);
      const run = await cli('extract', pdf, '--out', out, '--quiet', '--page-threads', threads);
      expect(run.code).toBe(0);
      written.push(readFileSync(out, 'utf8'));
    }
    expect(written[1]).toBe(written[0]);
    expect(written[2]).toBe(written[0]);
    expect(JSON.parse(written[0]!).projets.length).toBeGreaterThan(0);
  });

  it('reports on a document as text and as an HTML page', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'be-'));
    await cli('extract', textInput, '--out', join(dir, 'doc.json'));
    const text = await cli('report', join(dir, 'doc.json'));
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/EMAIL_NAME_MISMATCH/);
    const html = await cli('report', join(dir, 'doc.json'), '--html', join(dir, 'review.html'));
    expect(html.code).toBe(0);
    expect(readFileSync(join(dir, 'review.html'), 'utf8')).toMatch(/^<!DOCTYPE html>/i);
    const notJson = await cli('report', textInput);
    expect(notJson.code).toBe(65);
  });
});

describe('library API', () => {
  it('exports exactly the documented functions', () => {
    const functions = Object.entries(api).filter(([, value]) => typeof value === 'function').map(([name]) => name).sort();
    expect(functions).toEqual(['BrochureError', 'assertValid', 'compareDocuments', 'compileProfile', 'extract', 'extractBrochure', 'extractBrochureWithStatus', 'formatComparison', 'loadProfile', 'mergeProfile', 'renderHtml', 'renderText', 'runStages', 'validateDocument']);
  });

  it('runs the pipeline on a path or on bytes alike', async () => {
    const fromPath = await api.extract(textInput);
    const fromBytes = await api.extract(new Uint8Array(readFileSync(textInput)), { fileName: 'input.txt' });
    expect(fromBytes).toEqual(fromPath);
    await expect(api.extract(join(root, 'nope.pdf'))).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND', exitCode: 66 });
  });
});

describe('library hygiene', () => {
  it('leaves the built-ins that pdf.js polyfills as Node has them', async () => {
    const natives = [JSON.stringify, JSON.parse, Array.prototype.push, Function.prototype.toString];
    await import('../src/extract/pdf.js');
    expect([JSON.stringify, JSON.parse, Array.prototype.push, Function.prototype.toString]).toEqual(natives);
  });
});

describe('output/', () => {
  it('holds the document of the bundled brochure as the main command writes it (run `npm run extract` when this fails)', async () => {
    const committed = JSON.parse(readFileSync(join(root, 'output/2019-2020.json'), 'utf8'));
    const { document } = await runStages(new Uint8Array(readFileSync(pdfInput)), { fileName: 'fixtures/inet-2019/input.pdf' });
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });
});
