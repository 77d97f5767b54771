#!/usr/bin/env node
/**
 * Fuzzes the pipeline with mutated copies of the brochure PDF (bit flips, truncations, chunks
 * duplicated or deleted). Each case must either extract a valid document or fail with a
 * `BrochureError`, within a time bound; anything else (another exception type, INVALID_OUTPUT,
 * an unhandled rejection, a crash, a hang, console output) is a failure and the exit code is 1.
 *
 *   npm run fuzz -- [--n N] [--seed S] [--jobs J] [--bound MS] [--input FILE] [--keep DIR] [--case I] [--json]
 *
 *   --n N        cases (default: env FUZZ_N, else 200)
 *   --seed S     seed; case I of seed S is always the same mutant (default: env FUZZ_SEED, else 1)
 *   --jobs J     child processes at once (default: number of cores)
 *   --bound MS   time allowed per case before it counts as a hang (default 20000)
 *   --input FILE file to mutate (default fixtures/inet-2019/input.pdf; a .txt fuzzes the text adapter)
 *   --keep DIR   save each failing mutant there, to reproduce it with the CLI
 *   --case I     run only case I (to reproduce one failure)
 *   --json       end with one JSON line: {cases, outcomes, failures, wallMs}
 *
 * Cases run in child processes (reused, recycled every 25 cases) that call the compiled library
 * (dist/), so a hang is cut by killing the child and a crash stays with its case. Run `npm run
 * build` first (`npm run fuzz` does).
 */
import { fork } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { mutate, rng } from './bad-inputs/make-corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SELF = fileURLToPath(import.meta.url);
/** Cases a child handles before it is replaced, so a slow leak in pdf.js cannot pile up. */
const CASES_PER_CHILD = 25;

/**
 * The mutant of case `index`: its own generator, seeded from the run's seed and the index.
 * @param {Uint8Array} bytes The original file.
 * @param {number} seed Run seed.
 * @param {number} index Case number.
 */
function mutant(bytes, seed, index) {
  return mutate(bytes, rng(Math.imul(seed, 1_000_003) + index));
}

// ---------------------------------------------------------------------------
// Child: runs cases sent by the parent
// ---------------------------------------------------------------------------

async function child() {
  const { extractBrochureWithStatus } = await import(join(ROOT, 'dist/pipeline.js'));
  const { BrochureError } = await import(join(ROOT, 'dist/errors.js'));
  const { validateDocument } = await import(join(ROOT, 'dist/validate/index.js'));
  let original;
  let originalPath;
  const die = (what) => (error) => {
    process.send?.({ type: 'fatal', what, message: String(error?.stack ?? error).split('\n').slice(0, 4).join(' | ') }, () => process.exit(70));
  };
  process.on('uncaughtException', die('uncaught exception'));
  process.on('unhandledRejection', die('unhandled rejection'));
  process.on('message', async ({ index, seed, input }) => {
    if (originalPath !== input) {
      original = new Uint8Array(readFileSync(input));
      originalPath = input;
    }
    const { bytes, kind, detail } = mutant(original, seed, index);
    const start = performance.now();
    let reply;
    try {
      const { document, partial } = await extractBrochureWithStatus(bytes, { fileName: `fuzz${extname(input)}` });
      // What the CLI would write, read back: it must still satisfy the schema.
      const checked = validateDocument(JSON.parse(JSON.stringify(document)));
      reply = checked.valid
        ? { outcome: partial ? 'partial' : 'ok', projects: document.projets.length }
        : { outcome: 'INVALID_JSON', failure: true, message: checked.errors.slice(0, 2).join('; ') };
    } catch (error) {
      if (error instanceof BrochureError) {
        const oneLine = !/[\r\n]/.test(error.message);
        // INVALID_OUTPUT is a BrochureError but means the pipeline built a wrong document: a bug.
        const failure = error.code === 'INVALID_OUTPUT' || !oneLine;
        reply = { outcome: oneLine ? error.code : `${error.code} (multi-line message)`, failure, message: error.message };
      } else {
        const name = error?.constructor?.name ?? typeof error;
        reply = { outcome: `internal ${name}`, failure: true, message: String(error?.stack ?? error).split('\n').slice(0, 4).join(' | ') };
      }
    }
    process.send({ type: 'result', index, kind, detail, ms: performance.now() - start, ...reply });
  });
  process.send({ type: 'ready' });
}

// ---------------------------------------------------------------------------
// Parent: hands out cases, bounds their time, tallies outcomes
// ---------------------------------------------------------------------------

function options() {
  const { values } = parseArgs({
    options: {
      n: { type: 'string' },
      seed: { type: 'string' },
      jobs: { type: 'string' },
      bound: { type: 'string' },
      input: { type: 'string' },
      keep: { type: 'string' },
      case: { type: 'string' },
      json: { type: 'boolean' },
      child: { type: 'boolean' },
    },
  });
  const int = (value, fallback, name) => {
    if (value === undefined || value === '') return fallback;
    const number = Number(value);
    if (!Number.isInteger(number) || number < 0) throw new Error(`${name} takes a whole number, not '${value}'`);
    return number;
  };
  return {
    child: values.child === true,
    n: int(values.n ?? process.env.FUZZ_N, 200, '--n'),
    seed: int(values.seed ?? process.env.FUZZ_SEED, 1, '--seed'),
    jobs: Math.max(1, int(values.jobs, availableParallelism(), '--jobs')),
    bound: int(values.bound, 20_000, '--bound'),
    input: resolve(values.input ?? join(ROOT, 'fixtures/inet-2019/input.pdf')),
    keep: values.keep === undefined ? undefined : resolve(values.keep),
    only: values.case === undefined ? undefined : int(values.case, 0, '--case'),
    json: values.json === true,
  };
}

async function parent(opts) {
  const indices = opts.only !== undefined ? [opts.only] : Array.from({ length: opts.n }, (_, i) => i);
  const results = [];
  const start = performance.now();
  let next = 0;

  /** One child: runs cases one at a time until none is left. */
  const lane = async () => {
    let worker;
    let served = 0;
    const spawn = () =>
      new Promise((ready, failed) => {
        const child = fork(SELF, ['--child'], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'], execArgv: ['--max-old-space-size=2048'] });
        child.output = '';
        child.stdout.on('data', (chunk) => (child.output += chunk));
        child.stderr.on('data', (chunk) => (child.output += chunk));
        child.once('message', (message) => (message.type === 'ready' ? ready(child) : failed(new Error('child did not start'))));
        child.once('exit', (code) => failed(new Error(`child exited (${code}) before it was ready: ${child.output.slice(0, 500)}`)));
      });
    const stop = (child) => {
      child.removeAllListeners();
      child.kill('SIGKILL');
    };
    while (next < indices.length) {
      const index = indices[next++];
      if (!worker || served >= CASES_PER_CHILD) {
        if (worker) stop(worker);
        worker = await spawn();
        served = 0;
      }
      served++;
      const child = worker;
      child.output = '';
      const caseStart = performance.now();
      const result = await new Promise((done) => {
        const timer = setTimeout(() => done({ index, outcome: 'hang', failure: true, message: `no answer after ${opts.bound} ms`, dead: true }), opts.bound);
        const onMessage = (message) => {
          if (message.type === 'result' && message.index === index) finish(message);
          if (message.type === 'fatal') finish({ index, outcome: message.what, failure: true, message: message.message, dead: true });
        };
        const onExit = (code, signal) => finish({ index, outcome: 'crash', failure: true, message: `child died (exit ${code}, signal ${signal}): ${child.output.slice(-300)}`, dead: true });
        const finish = (value) => {
          clearTimeout(timer);
          child.off('message', onMessage);
          child.off('exit', onExit);
          done(value);
        };
        child.on('message', onMessage);
        child.on('exit', onExit);
        child.send({ index, seed: opts.seed, input: opts.input });
      });
      result.ms ??= performance.now() - caseStart;
      // pdf.js or a stage writing to the console would break the CLI's one-line stderr.
      if (!result.dead && child.output.trim() !== '') {
        results.push({ ...result, outcome: `console output (${result.outcome})`, failure: true, message: child.output.trim().slice(0, 300) });
      } else {
        results.push(result);
      }
      if (result.dead) {
        stop(child);
        worker = undefined;
      }
    }
    if (worker) stop(worker);
  };

  await Promise.all(Array.from({ length: Math.min(opts.jobs, indices.length) }, lane));
  const wallMs = performance.now() - start;

  const original = new Uint8Array(readFileSync(opts.input));
  const outcomes = {};
  for (const result of results) outcomes[result.outcome] = (outcomes[result.outcome] ?? 0) + 1;
  const failures = results.filter((result) => result.failure).sort((a, b) => a.index - b.index);
  const slowest = results.reduce((a, b) => (b.ms > (a?.ms ?? -1) ? b : a), undefined);

  const lines = [`fuzz: ${results.length} cases of ${opts.input.replace(ROOT + '/', '')}, seed ${opts.seed}, ${opts.jobs} jobs, ${opts.bound} ms per case`];
  for (const [outcome, count] of Object.entries(outcomes).sort((a, b) => b[1] - a[1])) lines.push(`  ${outcome.padEnd(28)} ${String(count).padStart(6)}`);
  // Failures grouped by what went wrong (indices in schema paths folded), so one bug is one line.
  const groups = new Map();
  for (const failure of failures) {
    const clauses = String(failure.message ?? '')
      .replace(/^.*?\(\d+ errors?\): /, '')
      .split('; ')
      .filter((clause) => !/^and \d+ more$/.test(clause))
      .map((clause) => clause.replace(/\/\d+(?=\/|:)/g, '/*').replace(/\d{3,}/g, 'N').slice(0, 160));
    const key = `${failure.outcome}: ${[...new Set(clauses)].sort().join('; ')}`;
    groups.set(key, [...(groups.get(key) ?? []), failure]);
  }
  for (const [key, group] of [...groups].sort((a, b) => b[1].length - a[1].length)) {
    const kinds = {};
    for (const failure of group) {
      const { kind } = mutant(original, opts.seed, failure.index);
      kinds[kind] = (kinds[kind] ?? 0) + 1;
    }
    const shown = group.slice(0, 12).map((failure) => `#${failure.index}`).join(' ');
    lines.push(`FAIL ${group.length} × ${key}`);
    lines.push(`  mutations: ${Object.entries(kinds).map(([kind, count]) => `${kind} ${count}`).join(', ')}; cases ${shown}${group.length > 12 ? ' …' : ''}`);
    lines.push(`  reproduce: node test/fuzz.mjs --seed ${opts.seed} --case ${group[0].index} --keep fuzz-failures`);
  }
  if (opts.keep && failures.length > 0) {
    mkdirSync(opts.keep, { recursive: true });
    for (const failure of failures) writeFileSync(join(opts.keep, `seed${opts.seed}-case${failure.index}${extname(opts.input)}`), mutant(original, opts.seed, failure.index).bytes);
    lines.push(`saved ${failures.length} failing mutants in ${opts.keep}`);
  }
  const ms = (value) => `${(value / 1000).toFixed(1)} s`;
  lines.push(`failures: ${failures.length}; wall time ${ms(wallMs)}; slowest case #${slowest?.index} ${ms(slowest?.ms ?? 0)} (${slowest?.outcome})`);
  process.stdout.write(lines.join('\n') + '\n');
  if (opts.json) process.stdout.write(JSON.stringify({ cases: results.length, seed: opts.seed, outcomes, failures: failures.length, wallMs: Math.round(wallMs), slowestMs: Math.round(slowest?.ms ?? 0) }) + '\n');
  return failures.length === 0 ? 0 : 1;
}

const opts = options();
if (opts.child) {
  await child();
} else {
  try {
    process.exitCode = await parent(opts);
  } catch (error) {
    // A harness problem (no dist/, a child that cannot start), not a finding: say so and stop.
    process.stderr.write(`fuzz: ${String(error?.message ?? error).split('\n').slice(0, 6).join('\n  ')}\n  (run 'npm run build' first, or use 'npm run fuzz')\n`);
    process.exitCode = 2;
  }
}
