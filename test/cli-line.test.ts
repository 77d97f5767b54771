/**
 * The command line as a new user meets it (issue 17): outputs checked before inputs are read,
 * folders and `-`, one line in the project's words for each mistake, lines printed as files are
 * done, terminal-safe messages, the password kept out of `ps`. Run from the built bin/.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMITTED_DIR, PASSWORDS } from './bad-inputs/make-corpus.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin/brochure-extract');
const syntheticPdf = join(root, 'fixtures/synthetic-2031/input.pdf');
const syntheticText = join(root, 'fixtures/synthetic-2031/input.txt');
const syntheticExpected = join(root, 'fixtures/synthetic-2031/expected.json');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  /** Milliseconds from the start to the first stdout bytes, and to the exit. */
  firstOutputMs?: number;
  exitMs: number;
}

/** Runs the CLI, feeding `stdin` when given (else an empty standard input). */
function cli(args: string[], options: { stdin?: string | Buffer; env?: NodeJS.ProcessEnv; cwd?: string } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, [bin, ...args], { cwd: options.cwd ?? root, env: { ...process.env, ...options.env } });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let firstOutputMs: number | undefined;
    child.stdout.on('data', (chunk: Buffer) => {
      firstOutputMs ??= performance.now() - start;
      out.push(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), firstOutputMs, exitMs: performance.now() - start }));
    child.stdin.end(options.stdin ?? '');
  });
}

const fresh = (): string => mkdtempSync(join(tmpdir(), 'cli-line-'));

/** One line on stderr, in the project's words (no Node text, no stack). */
function expectOneLine(run: Run, code: number, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(code);
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.stderr).toMatch(/^brochure-extract: /);
  expect(run.stderr).toMatch(pattern);
}

describe('outputs are settled before any input is read (items 1, 9)', () => {
  it('two inputs that would write one file are refused at once, naming both (item 1)', async () => {
    const dir = fresh();
    for (const sub of ['d1', 'd2']) {
      mkdirSync(join(dir, sub));
      copyFileSync(syntheticPdf, join(dir, sub, 'brochure.pdf'));
    }
    const run = await cli(['extract', join(dir, 'd1/brochure.pdf'), join(dir, 'd2/brochure.pdf'), '--out-dir', join(dir, 'o')]);
    expectOneLine(run, 64, /d1\/brochure\.pdf' and '.*d2\/brochure\.pdf' would both be written to brochure\.pdf\.json/);
    expect(readdirSync(join(dir, 'o'))).toEqual([]);
  });

  it('a PDF and its converter text of one name are written apart, each under its full name (item 1)', async () => {
    const dir = fresh();
    copyFileSync(syntheticPdf, join(dir, 'brochure.pdf'));
    copyFileSync(syntheticText, join(dir, 'brochure.txt'));
    const run = await cli(['extract', dir, '--out-dir', join(dir, 'o'), '--jobs', '1']);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(dir, 'o')).sort()).toEqual(['brochure.pdf.json', 'brochure.txt.json']);
    expect(JSON.parse(readFileSync(join(dir, 'o/brochure.pdf.json'), 'utf8')).source.format).toBe('pdf');
    expect(JSON.parse(readFileSync(join(dir, 'o/brochure.txt.json'), 'utf8')).source.format).toBe('text');
  });

  it('a missing --out-dir is created, as output/ is (item 9)', async () => {
    const out = join(fresh(), 'not/yet');
    const run = await cli(['extract', syntheticText, '--out-dir', out]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(out)).toEqual(['2031-2032.json']);
  });

  it('an --out-dir that cannot be made fails with 73 before the input is even opened (item 9)', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), '');
    // The input does not exist: had it been read first, this would be 66.
    const run = await cli(['extract', join(dir, 'missing.pdf'), join(dir, 'missing.txt'), '--out-dir', join(dir, 'file/sub')]);
    expectOneLine(run, 73, /cannot write in .*file\/sub: a file is in the way/);
  });

  it('the folder of --out, of --db and of export --out follow the same rule (item 9)', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'file'), '');
    expectOneLine(await cli(['extract', join(dir, 'missing.pdf'), '--out', join(dir, 'file/x.json')]), 73, /a file is in the way/);
    expectOneLine(await cli(['ingest', join(dir, 'missing.pdf'), '--db', join(dir, 'file/x.sqlite')]), 73, /a file is in the way/);
    const made = await cli(['extract', syntheticText, '-o', join(dir, 'new/folder/x.json'), '-q']);
    expect(made.code, made.stderr).toBe(0);
    expect(existsSync(join(dir, 'new/folder/x.json'))).toBe(true);
  });
});

describe('folders (items 2, 11)', () => {
  it('a folder given to extract takes its brochures and names what it skipped (item 2)', async () => {
    const dir = fresh();
    const input = join(dir, 'in');
    mkdirSync(input);
    copyFileSync(syntheticText, join(input, 'brochure-2031.txt'));
    writeFileSync(join(input, 'README.md'), '# Brochures\n\nThe yearly brochures, as downloaded.\n');
    const run = await cli(['extract', input, '--out-dir', join(dir, 'o')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(/^brochure-extract: skipped .*in\/README\.md: .*does not look like/);
    expect(readdirSync(join(dir, 'o'))).toEqual(['brochure-2031.json']);
  });

  it('a folder with no brochure at all is an error, not a success', async () => {
    const input = join(fresh(), 'in');
    mkdirSync(input);
    writeFileSync(join(input, 'notes.txt'), 'nothing to see\n');
    const run = await cli(['extract', input, '--out-dir', join(input, 'o')]);
    expect(run.code).toBe(65);
    expect(run.stderr).toMatch(/every file was skipped/);
  });

  it('ingest takes a folder: its brochures and documents, the rest skipped (item 11)', async () => {
    const dir = fresh();
    const input = join(dir, 'in');
    mkdirSync(input);
    copyFileSync(syntheticText, join(input, 'brochure-2031.txt'));
    writeFileSync(join(input, 'notes.md'), 'Ingest these next week.\n');
    const run = await cli(['ingest', input, '--db', join(dir, 'db/brochures.sqlite')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^2031-2032: added from '.*brochure-2031\.txt'/);
    expect(run.stderr).toMatch(/skipped .*notes\.md/);
  });
});

describe('- for standard input and output, -o for --out (item 11)', () => {
  it('extract - reads standard input; --out - writes standard output', async () => {
    const run = await cli(['extract', '-', '-o', '-'], { stdin: readFileSync(syntheticText) });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).projets.length).toBeGreaterThan(0);
    expect(run.stderr).toMatch(/^stdout: \d+ projects/);
  });

  it('report - reads the document from standard input; --html - writes the page to standard output, no file named -', async () => {
    const dir = fresh();
    const document = readFileSync(syntheticExpected);
    const text = await cli(['report', '-'], { stdin: document });
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/2031/);
    const html = await cli(['report', syntheticExpected, '--html', '-'], { cwd: dir });
    expect(html.code, html.stderr).toBe(0);
    expect(html.stdout).toMatch(/^<!DOCTYPE html>/i);
    expect(existsSync(join(dir, '-'))).toBe(false);
  });

  it('compare - reads one document from standard input', async () => {
    const run = await cli(['compare', '-', syntheticExpected], { stdin: readFileSync(syntheticExpected) });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/score: 1\.0000/);
  });

  it('standard input is read once only', async () => {
    expectOneLine(await cli(['extract', '-', '-']), 64, /standard input \('-'\) can be read once only/);
    expectOneLine(await cli(['compare', '-', '-']), 64, /standard input \('-'\) can be read once only/);
  });
});

describe('mistakes get one line in the project\'s words and the README\'s exit code (item 12)', () => {
  it('an unknown option: not Node\'s parseArgs text', async () => {
    const run = await cli(['extract', syntheticText, '--bogus']);
    expectOneLine(run, 64, /extract has no option '--bogus' \(try 'brochure-extract extract --help'\)/);
    expect(run.stderr).not.toMatch(/positional argument|place it at the end/);
  });

  it('--jobs -1 says what --jobs takes, not « argument is ambiguous »', async () => {
    const run = await cli(['extract', syntheticText, '--jobs', '-1']);
    expectOneLine(run, 64, /--jobs takes a positive whole number, not '-1'/);
    expect(run.stderr).not.toMatch(/ambiguous/);
  });

  it('an option with no value, a value after a switch, an option twice', async () => {
    expectOneLine(await cli(['extract', syntheticText, '--out']), 64, /--out needs a value/);
    expectOneLine(await cli(['extract', syntheticText, '--out', '--strict']), 64, /--out needs a value, not the option '--strict'/);
    expectOneLine(await cli(['extract', syntheticText, '--strict=yes']), 64, /--strict takes no value/);
    expectOneLine(await cli(['extract', syntheticText, '--out', 'a.json', '--out', 'b.json']), 64, /--out is given twice/);
  });

  it('help for an unknown command exits 64', async () => {
    expectOneLine(await cli(['help', 'bogus']), 64, /no help for 'bogus'/);
    expect((await cli(['help', 'compare'])).code).toBe(0);
  });

  it('--out and --out-dir together are refused, not one silently ignored', async () => {
    const dir = fresh();
    expectOneLine(await cli(['extract', syntheticText, '--out', join(dir, 'a.json'), '--out-dir', dir]), 64, /--out and --out-dir exclude each other/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('--out onto a link to a folder is refused and the link kept; onto a link to a file, the file is written and the link kept', async () => {
    const dir = fresh();
    mkdirSync(join(dir, 'folder'));
    symlinkSync(join(dir, 'folder'), join(dir, 'to-folder'));
    expectOneLine(await cli(['extract', syntheticText, '--out', join(dir, 'to-folder')]), 73, /to-folder is a link to the folder .*folder \(choose a file name\)/);
    expect(lstatSync(join(dir, 'to-folder')).isSymbolicLink()).toBe(true);
    writeFileSync(join(dir, 'old.json'), '{}');
    symlinkSync(join(dir, 'old.json'), join(dir, 'to-file'));
    const run = await cli(['extract', syntheticText, '--out', join(dir, 'to-file'), '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(readlinkSync(join(dir, 'to-file'))).toBe(join(dir, 'old.json'));
    expect(JSON.parse(readFileSync(join(dir, 'old.json'), 'utf8')).schemaVersion).toBe('2.0');
  });

  it('compare refuses a schemaVersion this build does not read, as report and ingest do (exit 65)', async () => {
    const dir = fresh();
    const future = join(dir, 'future.json');
    writeFileSync(future, JSON.stringify({ ...JSON.parse(readFileSync(syntheticExpected, 'utf8')), schemaVersion: '3.0' }));
    expectOneLine(await cli(['compare', future, syntheticExpected]), 65, /future\.json' has schemaVersion "3\.0"; this brochure-extract reads 1\.0, 2\.0/);
    expectOneLine(await cli(['report', future]), 65, /not a brochure document/);
    expect((await cli(['compare', syntheticExpected, syntheticExpected])).code).toBe(0);
  });

  it('bytes of the input are shown escaped, never sent raw to the terminal', async () => {
    const dir = fresh();
    const hostile = join(dir, 'evil\u001b]0;owned\u0007\u001b[2J.pdf');
    writeFileSync(hostile, '%PDF-1.7\n\u001b[31mnot really\n');
    const run = await cli(['extract', hostile, '--out', join(dir, 'x.json')]);
    expect(run.code).toBe(65);
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(run.stderr).toContain('evil\\x1b]0;owned\\x07\\x1b[2J.pdf');
    // A document's own strings in the text report: shown, not obeyed.
    const document = JSON.parse(readFileSync(syntheticExpected, 'utf8'));
    document.brochure.titre = 'REGARDS\u001b[2J CROISÉS\u202e';
    const run2 = await cli(['report', '-'], { stdin: JSON.stringify(document) });
    expect(run2.code, run2.stderr).toBe(0);
    expect(run2.stdout).not.toMatch(/[\u001b\u202e]/);
    expect(run2.stdout).toContain('CROISÉS\\u202e');
  });
});

describe('each file\'s line as it is done (item 10)', () => {
  it('prints the first file\'s line while the second is still being read', async () => {
    const dir = fresh();
    const run = await cli(['extract', syntheticText, syntheticPdf, '--out-dir', dir, '--jobs', '1']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout.trim().split('\n')).toHaveLength(2);
    // No progress line: standard error is not a terminal here.
    expect(run.stderr).toBe('');
    // The PDF takes hundreds of milliseconds after the text's line came out.
    expect(run.exitMs - run.firstOutputMs!).toBeGreaterThan(150);
  });

  // `script` (util-linux) runs the CLI on a pseudo-terminal, as a person watching would.
  it.skipIf(!existsSync('/usr/bin/script'))('on a terminal, a progress line between the files\' lines, cleared before each', async () => {
    const dir = fresh();
    copyFileSync(syntheticText, join(dir, 'a.txt'));
    copyFileSync(syntheticPdf, join(dir, 'b.pdf'));
    const command = [process.execPath, bin, 'extract', join(dir, 'a.txt'), join(dir, 'b.pdf'), '--out-dir', join(dir, 'o'), '--jobs', '1'].map((word) => `'${word}'`).join(' ');
    const run = await new Promise<string>((resolve, reject) => {
      const child = spawn('/usr/bin/script', ['-qec', command, '/dev/null'], { cwd: root });
      const out: Buffer[] = [];
      child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
      child.on('error', reject);
      child.on('close', () => resolve(Buffer.concat(out).toString('utf8')));
      child.stdin.end();
    });
    expect(run).toContain('\r1/2 files\r\u001b[K');
    expect(run).toMatch(/\r\u001b\[K[^\r]*o\/b\.json: \d+ projects/);
  });
});

describe('the PDF password without --password (item 13)', () => {
  const encrypted = join(COMMITTED_DIR, 'encrypted-user.pdf');

  it('from BROCHURE_EXTRACT_PASSWORD', async () => {
    // A wrong one: refused as wrong (not as missing), so it was read.
    const run = await cli(['extract', encrypted, '--out', join(fresh(), 'x.json')], { env: { BROCHURE_EXTRACT_PASSWORD: 'not-this-one' } });
    expectOneLine(run, 65, /password.*wrong/);
  });

  it('from --password-file: its first line, without the line break', async () => {
    const dir = fresh();
    writeFileSync(join(dir, 'password'), `${PASSWORDS.user}\n`);
    const run = await cli(['extract', encrypted, '--password-file', join(dir, 'password'), '--out', join(dir, 'x.json'), '-q']);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'x.json'), 'utf8')).projets.length).toBe(22);
    expectOneLine(await cli(['extract', encrypted, '--password', 'x', '--password-file', join(dir, 'password')]), 64, /exclude each other/);
  });
});
