#!/usr/bin/env node
/**
 * Generalisation, measured on designs nobody has seen: draws one fresh design per seed from the
 * generator (generate.mjs `freshDesign`), prints it into a temporary folder, runs the BUILT CLI on
 * it (`node bin/brochure-extract extract input.pdf --out out.json`), scores the output with the
 * project's `compare` against the design's expected.json, and prints only the distribution: no
 * design, score or file is shown one by one, and the temporary folder is removed, so that the
 * seeds stay a held-out measure (run `npm run build` first).
 *
 *   node test/designs/fresh.mjs --seeds 30 --first-seed 60001
 *   node test/designs/fresh.mjs --seeds 30 --first-seed 60001 --content both --jobs 2 --json /tmp/fresh.json
 *
 * --content alternate (default): seed S prints the inet-2019 content when S is odd, synthetic-2031
 *   when even; inet-2019 or synthetic-2031: that content for every seed; both: each seed in both.
 * --jobs N (default 1): designs printed and read at once (Chromium and the extractor are one core each).
 * --json FILE: writes the same aggregate as JSON.
 *
 * The self-check table reads the extractor's exit code: 0 complete, 3 partial (it flagged the run),
 * anything else a refusal or an error (flagged too; scored 0 when nothing was written).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, promisify } from 'node:util';
import { FRESH_SET } from './generate.mjs';

const run = promisify(execFile);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CONTENTS = ['inet-2019', 'synthetic-2031'];
/** Score thresholds of the report: good, acceptable, failed (issue 15's « done when »). */
const GOOD = 0.99;
const ACCEPTABLE = 0.97;
const FAILED = 0.95;
/** Exit code of a partial run (README, exit codes). */
const PARTIAL = 3;

/** The contents a seed is printed in. */
function contentsOf(seed, mode) {
  if (mode === 'alternate') return [seed % 2 === 1 ? 'inet-2019' : 'synthetic-2031'];
  if (mode === 'both') return CONTENTS;
  if (CONTENTS.includes(mode)) return [mode];
  throw new Error(`--content ${mode}: give alternate, both, ${CONTENTS.join(' or ')}`);
}

/** Prints, reads and scores one fresh design; returns only what the aggregate needs. */
async function measureOne(seed, content, work, compareDocuments) {
  const id = `s${seed}-01`;
  const started = Date.now();
  try {
    await run(process.execPath, [join(root, 'test/designs/generate.mjs'), '--content', content, '--seed', String(seed), '--count', String(FRESH_SET), '--only', id, '--out', work], { maxBuffer: 64 << 20 });
  } catch (error) {
    return { seed, content, generated: false, reason: String(error.stderr || error.message).trim().split('\n')[0], seconds: (Date.now() - started) / 1000 };
  }
  const dir = join(work, `${content}-${id}`);
  const out = join(dir, 'out.json');
  let exit = 0;
  try {
    await run(process.execPath, [join(root, 'bin/brochure-extract'), 'extract', join(dir, 'input.pdf'), '--out', out, '-q'], { maxBuffer: 64 << 20 });
  } catch (error) {
    exit = typeof error.code === 'number' ? error.code : -1;
  }
  let score = 0;
  let errors = [];
  let fields = [];
  if (existsSync(out)) {
    const document = JSON.parse(readFileSync(out, 'utf8'));
    const comparison = compareDocuments(document, JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8')));
    score = comparison.score;
    fields = comparison.fields.map(({ field, value }) => ({ field, value }));
    errors = (document.diagnostics ?? []).filter((d) => d.severity === 'error').map((d) => d.code);
  }
  rmSync(dir, { recursive: true, force: true });
  return { seed, content, generated: true, score, exit, errors, fields, seconds: (Date.now() - started) / 1000 };
}

/** Linear-interpolated quantile of sorted numbers. */
function quantile(sorted, q) {
  if (sorted.length === 0) return null;
  const at = (sorted.length - 1) * q;
  const low = Math.floor(at);
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low);
}

/** The distribution of a list of scores. */
function distribution(scores) {
  const sorted = [...scores].sort((a, b) => a - b);
  return {
    n: sorted.length,
    min: sorted[0] ?? null, p10: quantile(sorted, 0.1), p25: quantile(sorted, 0.25), median: quantile(sorted, 0.5),
    p75: quantile(sorted, 0.75), max: sorted.at(-1) ?? null,
    atLeast099: sorted.filter((s) => s >= GOOD).length, atLeast097: sorted.filter((s) => s >= ACCEPTABLE).length, below095: sorted.filter((s) => s < FAILED).length,
  };
}

/**
 * Each scored field's mean over the designs, lowest first: where the losses are, as an aggregate
 * (a design that wrote nothing counts 0 in every field).
 */
function fieldMeans(read) {
  const names = [...new Set(read.flatMap((r) => r.fields.map((f) => f.field)))].filter((name) => !name.startsWith('similarity.'));
  const means = names.map((name) => {
    const values = read.map((r) => r.fields.find((f) => f.field === name)?.value ?? 0);
    return [name, values.reduce((sum, value) => sum + value, 0) / values.length];
  });
  return Object.fromEntries(means.sort((a, b) => a[1] - b[1]));
}

/** Everything printed: aggregates only. */
function aggregate(results, options) {
  const read = results.filter((r) => r.generated);
  const count = (list, key) => Object.fromEntries([...list.reduce((m, x) => m.set(key(x), (m.get(key(x)) ?? 0) + 1), new Map())].sort((a, b) => b[1] - a[1]));
  const errorRuns = new Map();
  const errorCount = new Map();
  for (const r of read) {
    for (const code of new Set(r.errors)) errorRuns.set(code, (errorRuns.get(code) ?? 0) + 1);
    for (const code of r.errors) errorCount.set(code, (errorCount.get(code) ?? 0) + 1);
  }
  return {
    seeds: `${options.firstSeed}–${options.firstSeed + options.seeds - 1}`,
    content: options.content,
    date: new Date().toISOString().slice(0, 10),
    designs: results.length,
    generationFailures: results.filter((r) => !r.generated).map((r) => ({ seed: r.seed, content: r.content, reason: r.reason })),
    scores: distribution(read.map((r) => r.score)),
    byContent: Object.fromEntries(CONTENTS.map((c) => [c, distribution(read.filter((r) => r.content === c).map((r) => r.score))]).filter(([, d]) => d.n > 0)),
    selfCheck: {
      failedAndFlagged: read.filter((r) => r.score < FAILED && r.exit !== 0).length,
      failedAndSilent: read.filter((r) => r.score < FAILED && r.exit === 0).length,
      goodAndFlagged: read.filter((r) => r.score >= GOOD && r.exit === PARTIAL).length,
      exitCodes: count(read, (r) => String(r.exit)),
    },
    fieldMeans: fieldMeans(read),
    errorDiagnostics: Object.fromEntries([...errorRuns].sort((a, b) => b[1] - a[1]).map(([code, runs]) => [code, { runs, occurrences: errorCount.get(code) }])),
    seconds: { total: options.seconds, perDesign: results.length ? results.reduce((s, r) => s + r.seconds, 0) / results.length : null, jobs: options.jobs },
  };
}

const f4 = (x) => (x === null ? '–' : x.toFixed(4));

function format(a) {
  const d = a.scores;
  const lines = [
    `fresh designs: seeds ${a.seeds}, content ${a.content}, ${a.date}`,
    `designs ${a.designs}, read ${d.n}, generation failures ${a.generationFailures.length}${a.generationFailures.map((g) => `\n  seed ${g.seed} ${g.content}: ${g.reason}`).join('')}`,
    '',
    '| n | min | p10 | p25 | median | p75 | max | ≥ 0.99 | ≥ 0.97 | < 0.95 |',
    '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
    `| ${d.n} | ${f4(d.min)} | ${f4(d.p10)} | ${f4(d.p25)} | ${f4(d.median)} | ${f4(d.p75)} | ${f4(d.max)} | ${d.atLeast099} | ${d.atLeast097} | ${d.below095} |`,
    ...Object.entries(a.byContent).map(([c, x]) => `  ${c}: n ${x.n}, min ${f4(x.min)}, median ${f4(x.median)}, max ${f4(x.max)}, ≥ 0.99 ${x.atLeast099}, < 0.95 ${x.below095}`),
    '',
    'self-check (exit codes)',
    `  failed and flagged (score < 0.95, exit ≠ 0): ${a.selfCheck.failedAndFlagged}`,
    `  failed and silent  (score < 0.95, exit 0):   ${a.selfCheck.failedAndSilent}`,
    `  good and flagged   (score ≥ 0.99, exit 3):   ${a.selfCheck.goodAndFlagged}`,
    `  exit codes: ${Object.entries(a.selfCheck.exitCodes).map(([code, n]) => `${code} × ${n}`).join(', ') || '–'}`,
    `fields below 1 (mean over designs, lowest first): ${Object.entries(a.fieldMeans).filter(([, mean]) => mean < 1).map(([name, mean]) => `${name} ${f4(mean)}`).join(', ') || 'none'}`,
    `error diagnostics (runs / occurrences): ${Object.entries(a.errorDiagnostics).map(([code, x]) => `${code} ${x.runs}/${x.occurrences}`).join(', ') || 'none'}`,
    `time: ${a.seconds.total.toFixed(0)} s, ${a.seconds.perDesign === null ? '–' : a.seconds.perDesign.toFixed(1)} s per design (print + read), ${a.seconds.jobs} at a time`,
  ];
  return `${lines.join('\n')}\n`;
}

async function main() {
  const { values } = parseArgs({ options: {
    seeds: { type: 'string', default: '30' }, 'first-seed': { type: 'string' }, content: { type: 'string', default: 'alternate' },
    jobs: { type: 'string', default: '1' }, json: { type: 'string' },
  } });
  if (values['first-seed'] === undefined) throw new Error('give --first-seed S (and --seeds N): the seed range is part of the measure');
  if (!existsSync(join(root, 'dist/cli.js'))) throw new Error('dist/ not found: run npm run build first');
  const options = { seeds: Number(values.seeds), firstSeed: Number(values['first-seed']), content: values.content, jobs: Math.max(1, Number(values.jobs)) };
  const { compareDocuments } = await import(join(root, 'dist/compare/index.js'));
  const jobs = Array.from({ length: options.seeds }, (_, i) => options.firstSeed + i).flatMap((seed) => contentsOf(seed, options.content).map((content) => ({ seed, content })));
  const work = mkdtempSync(join(tmpdir(), 'fresh-designs-'));
  const started = Date.now();
  const results = [];
  try {
    let next = 0;
    const worker = async () => {
      while (next < jobs.length) {
        const { seed, content } = jobs[next++];
        results.push(await measureOne(seed, content, work, compareDocuments));
        if (process.stderr.isTTY) process.stderr.write(`\r${results.length}/${jobs.length} designs`);
      }
    };
    await Promise.all(Array.from({ length: Math.min(options.jobs, jobs.length) }, worker));
    if (process.stderr.isTTY) process.stderr.write('\n');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const result = aggregate(results, { ...options, seconds: (Date.now() - started) / 1000 });
  process.stdout.write(format(result));
  if (values.json) writeFileSync(values.json, `${JSON.stringify(result, null, 2)}\n`);
}

main().catch((error) => {
  process.stderr.write(`fresh: ${error.message}\n`);
  process.exit(1);
});
