import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { processFiles, type BatchOptions, type FileOutcome } from '../src/batch.js';
import { BrochureError } from '../src/errors.js';
import { validateDocument } from '../src/validate/index.js';

const run = promisify(execFile);
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/inet-2019/${name}`, import.meta.url));
const binary = fileURLToPath(new URL('../bin/brochure-extract', import.meta.url));
// Worker threads cannot load TypeScript: they run the compiled module (`npm test` builds it first).
const distWorker = new URL('../dist/worker.js', import.meta.url);

let folder: string;
let inputs: string[];

beforeAll(() => {
  if (!existsSync(distWorker)) throw new Error('dist/worker.js is missing: run `npx tsc -p tsconfig.json` (npm test does) before these tests');
  folder = mkdtempSync(join(tmpdir(), 'brochure-batch-'));
  // A real brochure, a broken one (an empty .pdf), and the converter text: the broken one sits in the middle.
  inputs = [join(folder, 'a-brochure.pdf'), join(folder, 'b-broken.pdf'), join(folder, 'c-brochure.txt')];
  copyFileSync(fixture('input.pdf'), inputs[0]!);
  writeFileSync(inputs[1]!, '');
  copyFileSync(fixture('input.txt'), inputs[2]!);
});

afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** A fresh output folder, and the option writing each document there under its input's name. */
function outputsIn(name: string): { out: string; outputFor: BatchOptions['outputFor'] } {
  const out = join(folder, name);
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out);
  return { out, outputFor: (input) => join(out, `${basename(input, extname(input))}.json`) };
}

/** The outcomes of the 3-file batch: the good files written and valid, the broken one reporting its error. */
function expectBatch(outcomes: readonly FileOutcome[], out: string): void {
  expect(outcomes.map((outcome) => outcome.input)).toEqual(inputs);
  const [pdf, broken, text] = outcomes;
  for (const outcome of [pdf!, text!]) {
    expect(outcome.error).toBeUndefined();
    expect(outcome.output).toBe(join(out, `${basename(outcome.input, extname(outcome.input))}.json`));
    const written = validateDocument(JSON.parse(readFileSync(outcome.output!, 'utf8')));
    expect(written.valid).toBe(true);
    expect(outcome.document?.projets.length).toBe(22);
  }
  expect(pdf!.document?.source.format).toBe('pdf');
  expect(text!.document?.source.format).toBe('text');
  expect(broken!.output).toBeUndefined();
  expect(broken!.error).toBeInstanceOf(BrochureError);
  expect((broken!.error as BrochureError).code).toBe('EMPTY_INPUT');
  expect(broken!.error!.message).toContain('b-broken.pdf');
  expect(readdirSync(out).sort()).toEqual(['a-brochure.json', 'c-brochure.json']);
}

describe('processFiles', () => {
  it('in this thread: writes the good files, reports the broken one, keeps input order', async () => {
    const { out, outputFor } = outputsIn('same-thread');
    const progress: string[] = [];
    const outcomes = await processFiles(inputs, { jobs: 1, threads: false, outputFor, onDone: (_outcome, done, total) => progress.push(`${done}/${total}`) });
    expectBatch(outcomes, out);
    expect(progress).toEqual(['1/3', '2/3', '3/3']);
  });

  it('hands each file\'s outcome over as soon as it is done, before the next file is read', async () => {
    const { outputFor } = outputsIn('as-done');
    const events: string[] = [];
    await processFiles(inputs, {
      jobs: 1,
      threads: false,
      outputFor: (input, document) => (events.push(`read ${basename(input)}`), outputFor(input, document)),
      onDone: (outcome) => events.push(`done ${basename(outcome.input)}${outcome.error ? ' (failed)' : ''}`),
    });
    expect(events).toEqual(['read a-brochure.pdf', 'done a-brochure.pdf', 'done b-broken.pdf (failed)', 'read c-brochure.txt', 'done c-brochure.txt']);
  });

  it('in 2 worker threads: same outcomes, errors rebuilt as BrochureError', async () => {
    const { out, outputFor } = outputsIn('workers');
    const outcomes = await processFiles(inputs, { jobs: 2, threads: true, workerUrl: distWorker, outputFor });
    expectBatch(outcomes, out);
  });

  it('a worker that dies becomes that file\'s error; the others still come out', async () => {
    const { out, outputFor } = outputsIn('crash');
    // A worker that exits on one file, and otherwise is the real one.
    const crashing = join(folder, 'crashing-worker.mjs');
    writeFileSync(crashing, [
      // Static imports, so the real worker listens before the first job arrives.
      `import ${JSON.stringify(distWorker.href)};`,
      "import { parentPort } from 'node:worker_threads';",
      "parentPort.on('message', (job) => { if (job.input.endsWith('b-broken.pdf')) process.exit(7); });",
    ].join('\n'));
    const outcomes = await processFiles(inputs, { jobs: 2, threads: true, workerUrl: new URL(`file://${crashing}`), outputFor });
    expect(outcomes.map((outcome) => outcome.input)).toEqual(inputs);
    expect(outcomes[1]!.error?.message).toMatch(/worker stopped unexpectedly \(exit code 7\)/);
    expect(outcomes[0]!.error).toBeUndefined();
    expect(outcomes[2]!.error).toBeUndefined();
    expect(readdirSync(out).sort()).toEqual(['a-brochure.json', 'c-brochure.json']);
  });

  it('a file stuck past the timeout is stopped, reported as TIMEOUT, and the next file gets a fresh worker', async () => {
    const { out, outputFor } = outputsIn('hang');
    const hanging = join(folder, 'hanging-worker.mjs');
    // Blocks the thread's event loop on one file: only terminating the worker can stop it.
    writeFileSync(hanging, [
      `import ${JSON.stringify(distWorker.href)};`,
      "import { parentPort } from 'node:worker_threads';",
      "parentPort.on('message', (job) => { if (job.input.endsWith('b-broken.pdf')) for (;;); });",
    ].join('\n'));
    // One job slot: the text file can only come out if the stuck worker was replaced.
    const outcomes = await processFiles([inputs[1]!, inputs[2]!], { jobs: 1, threads: true, timeoutMs: 5000, workerUrl: new URL(`file://${hanging}`), outputFor });
    expect(outcomes[0]!.error).toBeInstanceOf(BrochureError);
    expect((outcomes[0]!.error as BrochureError).code).toBe('TIMEOUT');
    expect(outcomes[1]!.error).toBeUndefined();
    expect(readdirSync(out)).toEqual(['c-brochure.json']);
  });
});

describe('brochure-extract extract --jobs 2', () => {
  it('writes the good files, names the broken one on stderr, lists the others as they are done, exits 65', async () => {
    const { out } = outputsIn('cli');
    const result = await run(process.execPath, [binary, 'extract', ...inputs, '--out-dir', out, '--jobs', '2']).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(result.code).toBe(65);
    // Each line is printed when its file is done: the text may come out before the PDF.
    const lines = result.stdout.trim().split('\n').sort();
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(new RegExp(`^${join(out, 'a-brochure.json')}: 22 projects`));
    expect(lines[1]).toMatch(new RegExp(`^${join(out, 'c-brochure.json')}: 22 projects`));
    expect(result.stderr).toBe(`brochure-extract: ${inputs[1]}: '${inputs[1]}' is empty: nothing to extract\n`);
    for (const name of ['a-brochure.json', 'c-brochure.json']) {
      expect(validateDocument(JSON.parse(readFileSync(join(out, name), 'utf8'))).valid).toBe(true);
    }
  });
});
