#!/usr/bin/env node
/**
 * Benchmark (issue 5): speed, memory and batches, measured side by side in one run.
 *
 *   npm run bench                        # builds dist/, then runs everything below
 *   node bench/bench.mjs --runs 11 --json
 *
 * Sections, in this order (docs/performance.md explains the method):
 *  1. timings, in THIS process, variants interleaved round by round after a warm-up:
 *     pdf.js getTextContent alone (the floor), pdftotext (if installed), the whole pipeline on the
 *     PDF and on the converter text (each stage from runStages timings, plus the atomic write);
 *  2. peak RSS of each variant, each in a FRESH child process, so peaks are not mixed;
 *  3. cold runs, each a fresh process, alternated: the CLI on the PDF (and with 1, 2, 3 page threads),
 *     the bare pdf.js script bench/pdfjs-alone.mjs, pdftotext, the CLI on the converter text;
 *  4. memory over a batch: N sequential pipeline runs in one fresh process, RSS and heap after each;
 *  5. batch throughput: a temp folder of copies of the brochure through processFiles with 1 and 2 jobs.
 *
 * Options:
 *   --runs N          measured runs per variant (default 7), after --warmup W (default 1)
 *   --cold-runs N     rounds of the cold-run section (default 7; each round runs every command once)
 *   --sequential N    pipeline runs for the memory-over-a-batch measure (default 20)
 *   --batch N         copies of the brochure in the batch (default 20; 0 skips the batch section)
 *   --batch-runs N    repetitions of each batch configuration (default 1)
 *   --input FILE      PDF to measure (default fixtures/inet-2019/input.pdf)
 *   --text FILE       converter text to measure (default fixtures/inet-2019/input.txt)
 *   --only LIST       run only these sections: timings,peaks,cold,memory,batch (default: all)
 *   --json            print the results as JSON instead of Markdown tables
 *   --report FILE     print the Markdown tables of a run saved with --json (measures nothing)
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);
const BIN = join(ROOT, 'bin/brochure-extract');
const dist = (path) => new URL(`../dist/${path}`, import.meta.url).href;

const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '7' },
    warmup: { type: 'string', default: '1' },
    'cold-runs': { type: 'string', default: '7' },
    sequential: { type: 'string', default: '20' },
    batch: { type: 'string', default: '20' },
    'batch-runs': { type: 'string', default: '1' },
    input: { type: 'string', default: join(ROOT, 'fixtures/inet-2019/input.pdf') },
    text: { type: 'string', default: join(ROOT, 'fixtures/inet-2019/input.txt') },
    json: { type: 'boolean', default: false },
    report: { type: 'string' },
    only: { type: 'string', default: 'timings,peaks,cold,memory,batch' },
    // Internal: the measure a child process runs (rss:<variant> | sequential | batch).
    child: { type: 'string' },
    jobs: { type: 'string' },
    threads: { type: 'string' },
    folder: { type: 'string' },
  },
});
const count = (name) => {
  const n = Number(args[name]);
  if (!Number.isInteger(n) || n < 0) throw new Error(`--${name} takes a whole number, not '${args[name]}'`);
  return n;
};
const RUNS = Math.max(1, count('runs'));
const WARMUP = count('warmup');

// ---------------------------------------------------------------- variants

/** Loads pdf.js the way the brief says: legacy build, no eval, no font faces. */
async function pdfjs() {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  return getDocument;
}

/** The floor: open the PDF, getTextContent on every page (page.cleanup() after each), nothing else. */
async function pdfjsAlone(bytes) {
  const getDocument = await pdfjs();
  // A copy: pdf.js may detach the buffer it is given (the pipeline's adapter copies too).
  const doc = await getDocument({ data: bytes.slice(), isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
  try {
    let items = 0;
    for (let number = 1; number <= doc.numPages; number++) {
      const page = await doc.getPage(number);
      items += (await page.getTextContent()).items.length;
      page.cleanup();
    }
    return { pages: doc.numPages, items };
  } finally {
    await doc.destroy();
  }
}

/** The whole pipeline (runStages: extract → validate) then the atomic write, each part timed. */
async function pipeline(bytes, fileName, out) {
  const [{ runStages }, { writeJsonAtomic }] = await Promise.all([import(dist('pipeline.js')), import(dist('write.js'))]);
  const start = performance.now();
  const result = await runStages(bytes, { fileName });
  const stages = performance.now();
  await writeJsonAtomic(out, result.document);
  const end = performance.now();
  // Apart, outside the total: how much of the write is serialising (the rest is the file system: open, fsync, rename).
  const serialise = performance.now();
  JSON.stringify(result.document, null, 2);
  const stringify = performance.now() - serialise;
  return {
    pages: result.extracted.pageCount,
    total: end - start,
    runStages: stages - start,
    write: end - stages,
    stringify,
    ...result.timings,
  };
}

/**
 * The extract stage in its two parts: the PDF adapter (pdf.js text pass plus font naming) and the
 * layout (runs to lines and blocks), to tell pdf.js time from ours inside `extract`.
 */
async function extractParts(bytes) {
  const [{ readPdfPages }, { layoutPages }] = await Promise.all([import(dist('extract/pdf.js')), import(dist('extract/layout.js'))]);
  const start = performance.now();
  const pages = await readPdfPages(bytes, {});
  const read = performance.now();
  layoutPages(pages);
  return { read: read - start, layout: performance.now() - read };
}

/** poppler's pdftotext, reading order mode, text to stdout (discarded). Includes the process start. */
function pdftotext(file) {
  const result = spawnSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { maxBuffer: 64 << 20 });
  if (result.error || result.status !== 0) throw result.error ?? new Error(`pdftotext exited ${result.status}: ${result.stderr}`);
}

function pdftotextVersion() {
  const result = spawnSync('pdftotext', ['-v'], { encoding: 'utf8' });
  if (result.error) return null;
  return `${result.stdout}${result.stderr}`.split('\n')[0].trim();
}

// ---------------------------------------------------------------- helpers

const median = (xs) => {
  const sorted = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (sorted.length === 0) return NaN;
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const mb = (kib) => kib / 1024;
const maxRssMb = () => mb(process.resourceUsage().maxRSS);
const time = async (fn) => {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
};
const errorText = (error) => (error instanceof Error ? error.message : String(error)).split('\n')[0];

/** Runs this script as a child with `--child <measure>` and returns the JSON it prints last. */
function child(measure, extra = [], nodeFlags = [], { runs = RUNS, warmup = WARMUP } = {}) {
  return new Promise((resolve) => {
    const proc = spawn(process.execPath, [...nodeFlags, SELF, '--child', measure, '--runs', String(runs), '--warmup', String(warmup),
      '--sequential', args.sequential, '--input', args.input, '--text', args.text, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (chunk) => (stdout += chunk));
    proc.stderr.on('data', (chunk) => (stderr += chunk));
    proc.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? '';
      try {
        resolve(JSON.parse(last));
      } catch {
        resolve({ error: `child '${measure}' exited ${code}: ${(stderr || stdout).trim().split('\n').at(-1) ?? ''}` });
      }
    });
  });
}

// ---------------------------------------------------------------- child measures

async function childMain(measure) {
  const scratch = mkdtempSync(join(tmpdir(), 'brochure-bench-child-'));
  try {
    const pdf = new Uint8Array(readFileSync(args.input));
    const text = new Uint8Array(readFileSync(args.text));
    if (measure.startsWith('rss:')) {
      // Peak RSS of one variant alone: warm-up plus the measured runs, as in the timing section.
      const variant = measure.slice(4);
      const runs = [];
      for (let i = 0; i < WARMUP + RUNS; i++) {
        if (variant === 'baseline') break;
        if (variant === 'pdfjs') runs.push((await time(() => pdfjsAlone(pdf))).ms);
        if (variant === 'pipeline-pdf') runs.push((await pipeline(pdf, args.input, join(scratch, 'out.json'))).total);
        if (variant === 'pipeline-text') runs.push((await pipeline(text, args.text, join(scratch, 'out.json'))).total);
      }
      return { maxRssMb: maxRssMb(), runs };
    }
    if (measure === 'sequential') {
      // Memory over a batch: the same brochure N times in one process; RSS and heap after each run
      // (after a full GC when --expose-gc is on, so garbage awaiting collection does not count as growth).
      const samples = [];
      for (let i = 0; i < count('sequential'); i++) {
        const run = await pipeline(pdf, args.input, join(scratch, 'out.json'));
        globalThis.gc?.();
        const memory = process.memoryUsage();
        samples.push({ ms: run.total, rssMb: memory.rss / 2 ** 20, heapUsedMb: memory.heapUsed / 2 ** 20, externalMb: (memory.external + memory.arrayBuffers) / 2 ** 20 });
      }
      return { samples, maxRssMb: maxRssMb(), gc: typeof globalThis.gc === 'function' };
    }
    if (measure === 'batch') {
      const { processFiles } = await import(dist('batch.js'));
      const { readdirSync } = await import('node:fs');
      const inputs = readdirSync(args.folder).filter((name) => name.endsWith('.pdf')).sort().map((name) => join(args.folder, name));
      const out = join(scratch, 'out');
      mkdirSync(out);
      const jobs = Number(args.jobs);
      const start = performance.now();
      const outcomes = await processFiles(inputs, {
        jobs,
        threads: args.threads === 'true',
        timeoutMs: 600_000,
        outputFor: (input) => join(out, `${basename(input, extname(input))}.json`),
      });
      const ms = performance.now() - start;
      const usage = process.resourceUsage();
      const failed = outcomes.filter((outcome) => outcome.error).map((outcome) => `${outcome.input}: ${outcome.error.message}`);
      const pages = outcomes.reduce((n, outcome) => n + (outcome.document?.source.pageCount ?? 0), 0);
      // CPU time of all threads: unlike wall time, it does not depend on what else the machine runs.
      return { ms, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000, files: inputs.length, pages, failed, maxRssMb: maxRssMb(), load: loadavg()[0] };
    }
    throw new Error(`unknown child measure '${measure}'`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- sections

/** Section 1: every variant in this process, interleaved round by round (order rotated), so drift hits all alike. */
async function timings(scratch) {
  const pdf = new Uint8Array(readFileSync(args.input));
  const text = new Uint8Array(readFileSync(args.text));
  const hasPdftotext = pdftotextVersion() !== null;
  const variants = [
    ['pdfjs', async () => ({ ms: (await time(() => pdfjsAlone(pdf))).ms })],
    ['pipeline-pdf', async () => {
      const run = await pipeline(pdf, args.input, join(scratch, 'pdf.json'));
      return { ms: run.total, run };
    }],
    ['pipeline-text', async () => {
      const run = await pipeline(text, args.text, join(scratch, 'text.json'));
      return { ms: run.total, run };
    }],
    ['extract-parts', async () => {
      const parts = await extractParts(pdf);
      return { ms: parts.read + parts.layout, parts };
    }],
    ...(hasPdftotext ? [['pdftotext', async () => ({ ms: (await time(async () => pdftotext(args.input))).ms })]] : []),
  ];
  const samples = Object.fromEntries(variants.map(([name]) => [name, []]));
  const errors = {};
  for (let round = 0; round < WARMUP + RUNS; round++) {
    for (let k = 0; k < variants.length; k++) {
      const [name, fn] = variants[(k + round) % variants.length];
      if (errors[name]) continue;
      try {
        // CPU time of this process too: less sensitive than wall time to other work on a shared machine
        // (pdftotext's CPU is its own process's, so not counted).
        const cpu = process.cpuUsage();
        const sample = await fn();
        const used = process.cpuUsage(cpu);
        sample.cpuMs = name === 'pdftotext' ? NaN : (used.user + used.system) / 1000;
        if (round >= WARMUP) samples[name].push(sample);
      } catch (error) {
        errors[name] = errorText(error);
      }
    }
  }
  const pages = (await pdfjsAlone(pdf).catch(() => ({ pages: null }))).pages;
  const summary = {};
  for (const [name] of variants) {
    const runs = samples[name];
    if (errors[name] || runs.length === 0) {
      summary[name] = { error: errors[name] ?? 'no run' };
      continue;
    }
    const entry = { medianMs: median(runs.map((s) => s.ms)), cpuMedianMs: median(runs.map((s) => s.cpuMs)), runsMs: runs.map((s) => round1(s.ms)) };
    if (runs[0].run) {
      entry.stagesMs = Object.fromEntries(['extract', 'segment', 'parse', 'normalise', 'validate', 'write', 'stringify'].map((stage) => [stage, median(runs.map((s) => s.run[stage]))]));
      entry.afterExtractMs = median(runs.map((s) => s.run.segment + s.run.parse + s.run.normalise + s.run.validate));
    }
    if (runs[0].parts) entry.partsMs = { readPdfPages: median(runs.map((s) => s.parts.read)), layoutPages: median(runs.map((s) => s.parts.layout)) };
    if (name !== 'pipeline-text' && pages) entry.pagesPerSecond = pages / (entry.medianMs / 1000);
    summary[name] = entry;
  }
  // Ratios from this same run: of medians, and the median of the round-by-round (paired) ratios.
  const ratio = (a, b) => {
    if (!summary[a]?.medianMs || !summary[b]?.medianMs) return null;
    const paired = samples[a].map((s, i) => s.ms / samples[b][i].ms);
    const cpu = summary[a].cpuMedianMs / summary[b].cpuMedianMs;
    return { ofMedians: summary[a].medianMs / summary[b].medianMs, pairedMedian: median(paired), ...(Number.isFinite(cpu) ? { ofCpuMedians: cpu } : {}) };
  };
  return {
    pages,
    pdftotext: hasPdftotext ? pdftotextVersion() : null,
    variants: summary,
    ratios: { pipelineOverPdfjs: ratio('pipeline-pdf', 'pdfjs'), pipelineOverPdftotext: ratio('pipeline-pdf', 'pdftotext'), pdfjsOverPdftotext: ratio('pdfjs', 'pdftotext') },
  };
}

/**
 * Section 2: peak RSS of each variant alone, each in a fresh child process: for one run (what one
 * CLI call costs) and over the warm-up plus the measured runs (V8 lets the heap grow between runs
 * before it collects, so this peak is higher without being a leak; section 4 checks for leaks).
 */
async function peaks() {
  const result = {};
  for (const variant of ['baseline', 'pdfjs', 'pipeline-pdf', 'pipeline-text']) {
    const one = await child(`rss:${variant}`, [], [], { runs: 1, warmup: 0 });
    const all = variant === 'baseline' ? one : await child(`rss:${variant}`);
    // The runs' median in a process where pdf.js never loaded: its polyfills (JSON.stringify, Array.prototype.push) are not in (see the docs).
    result[variant] = one.error || all.error ? { error: one.error ?? all.error } : { maxRssMb: one.maxRssMb, maxRssAllRunsMb: all.maxRssMb, aloneMedianMs: median(all.runs.slice(WARMUP)) };
  }
  // pdftotext's own peak, from GNU time when it is there (Node cannot read a child's rusage).
  if (pdftotextVersion() !== null && existsSync('/usr/bin/time')) {
    const run = spawnSync('/usr/bin/time', ['-f', '%M', 'pdftotext', args.input, '/dev/null'], { encoding: 'utf8' });
    const kib = Number(run.stderr.trim().split('\n').at(-1));
    // One process per run: its peak is the same for one run or many.
    result.pdftotext = Number.isFinite(kib) ? { maxRssMb: mb(kib), maxRssAllRunsMb: mb(kib) } : { error: 'no /usr/bin/time output' };
  }
  return result;
}

/**
 * Section 3: cold runs, each a fresh process, the commands alternated round by round (order rotated)
 * after one warm-up round: the CLI on the PDF (default page threads, then 1, 2 and 3 threads), the
 * bare pdf.js script (bench/pdfjs-alone.mjs), pdftotext, the CLI on the converter text, `--help`
 * and `node -e 0`. Wall time around the process; peak RSS and CPU time from GNU time when present.
 */
function coldStart(scratch) {
  const runs = Math.max(1, count('cold-runs'));
  const out = (name) => join(scratch, `cold-${name}.json`);
  const cli = (name, input, ...extra) => [process.execPath, BIN, 'extract', input, '--out', out(name), '--quiet', ...extra];
  const commands = {
    cliPdf: cli('pdf', args.input),
    pdfjs: [process.execPath, join(ROOT, 'bench/pdfjs-alone.mjs'), args.input],
    ...(pdftotextVersion() !== null ? { pdftotext: ['pdftotext', '-enc', 'UTF-8', args.input, '/dev/null'] } : {}),
    cliText: cli('text', args.text),
    pageThreads1: cli('t1', args.input, '--page-threads', '1'),
    pageThreads2: cli('t2', args.input, '--page-threads', '2'),
    pageThreads3: cli('t3', args.input, '--page-threads', '3'),
    help: [process.execPath, BIN, '--help'],
    nodeOnly: [process.execPath, '-e', '0'],
  };
  const names = Object.keys(commands);
  const samples = Object.fromEntries(names.map((name) => [name, []]));
  const loadAtStart = loadavg()[0];
  try {
    for (let round = -1; round < runs; round++) {
      for (let i = 0; i < names.length; i++) {
        const name = names[(i + Math.max(round, 0)) % names.length];
        const sample = processRun(commands[name]);
        if (round >= 0) samples[name].push(sample);
      }
    }
  } catch (error) {
    return { error: errorText(error) };
  }
  const summary = (name) => {
    const list = samples[name];
    return {
      medianMs: median(list.map((x) => x.ms)),
      cpuMedianMs: median(list.map((x) => x.cpuMs)),
      maxRssMb: median(list.map((x) => x.maxRssMb)),
      runsMs: list.map((x) => round1(x.ms)),
    };
  };
  const result = Object.fromEntries(names.map((name) => [name, summary(name)]));
  // Paired: the ratio within each round (the commands of a round ran seconds apart), then the median.
  const paired = (a, b) => (samples[a] && samples[b] ? median(samples[a].map((x, i) => x.ms / samples[b][i].ms)) : undefined);
  result.ratios = {
    cliOverPdfjs: paired('cliPdf', 'pdfjs'),
    cliOverPdftotext: paired('cliPdf', 'pdftotext'),
    pageThreads: Object.fromEntries([1, 2, 3].map((n) => [n, paired(`pageThreads${n}`, 'pdfjs')])),
  };
  result.runs = runs;
  result.load = { start: loadAtStart, end: loadavg()[0] };
  return result;
}

/** One fresh process: wall time, and with GNU time its peak RSS and CPU time (user + system). */
function processRun(argv) {
  const timed = existsSync('/usr/bin/time');
  const [command, ...rest] = timed ? ['/usr/bin/time', '-f', '%M %U %S', ...argv] : argv;
  const start = performance.now();
  const result = spawnSync(command, rest, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = performance.now() - start;
  // Exit 2/3 (strict, partial) still mean a full run; anything else did not measure what we want.
  if (result.error || ![0, 2, 3].includes(result.status)) throw new Error(`${argv.map((a) => basename(a)).join(' ')}: exit ${result.status} ${result.stderr?.split('\n')[0] ?? ''}`);
  if (!timed) return { ms };
  const [kib, user, system] = result.stderr.trim().split('\n').at(-1).split(' ').map(Number);
  return { ms, maxRssMb: mb(kib), cpuMs: (user + system) * 1000 };
}

/** Section 4: memory over N sequential runs in one fresh process (with --expose-gc). */
async function sequential() {
  const measured = await child('sequential', [], ['--expose-gc']);
  if (measured.error) return measured;
  const rss = measured.samples.map((s) => s.rssMb);
  const heap = measured.samples.map((s) => s.heapUsedMb);
  return {
    runs: measured.samples.length,
    rssMb: { first: rss[0], last: rss.at(-1), max: Math.max(...rss) },
    heapUsedMb: { first: heap[0], last: heap.at(-1), max: Math.max(...heap) },
    maxRssMb: measured.maxRssMb,
    medianMs: median(measured.samples.map((s) => s.ms)),
    samples: measured.samples.map((s) => ({ rssMb: round1(s.rssMb), heapUsedMb: round1(s.heapUsedMb), ms: round1(s.ms) })),
  };
}

/** Section 5: a folder of N copies of the brochure through processFiles, each configuration in a fresh process. */
async function batch(scratch) {
  const copies = count('batch');
  if (copies === 0) return null;
  const folder = join(scratch, 'batch');
  mkdirSync(folder);
  for (let i = 1; i <= copies; i++) copyFileSync(args.input, join(folder, `brochure-${String(i).padStart(2, '0')}.pdf`));
  const configurations = [
    { name: '1 job, this thread', jobs: 1, threads: false },
    { name: '1 job, 1 worker', jobs: 1, threads: true },
    { name: '2 jobs, 2 workers', jobs: 2, threads: true },
  ];
  const result = [];
  for (const configuration of configurations) {
    const runs = [];
    for (let i = 0; i < Math.max(1, count('batch-runs')); i++) {
      runs.push(await child('batch', ['--folder', folder, '--jobs', String(configuration.jobs), '--threads', String(configuration.threads)]));
    }
    const failed = runs.find((run) => run.error || run.failed?.length);
    if (failed) {
      result.push({ ...configuration, error: failed.error ?? failed.failed[0] });
      continue;
    }
    const ms = median(runs.map((run) => run.ms));
    result.push({
      ...configuration,
      files: copies,
      medianMs: ms,
      filesPerSecond: copies / (ms / 1000),
      pagesPerSecond: runs[0].pages / (ms / 1000),
      pagesPerFile: runs[0].pages / copies,
      maxRssMb: Math.max(...runs.map((run) => run.maxRssMb)),
      cpuMs: median(runs.map((run) => run.cpuMs)),
      load: Math.max(...runs.map((run) => run.load)),
      runsMs: runs.map((run) => round1(run.ms)),
    });
  }
  const base = result[0]?.medianMs;
  for (const entry of result) if (base && entry.medianMs) entry.speedUp = base / entry.medianMs;
  return result;
}

// ---------------------------------------------------------------- report

const round1 = (x) => Math.round(x * 10) / 10;
const fmt = (x, digits = 0) => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x.toFixed(digits));

function targets(results) {
  const { timings: t, peaks: p, sequential: s = {}, coldStart: c } = results;
  const ratio = t?.ratios.pipelineOverPdfjs?.ofMedians;
  const after = t?.variants['pipeline-pdf']?.afterExtractMs;
  const rss = p?.['pipeline-pdf']?.maxRssMb;
  const rssAll = p?.['pipeline-pdf']?.maxRssAllRunsMb;
  // Flat: the heap after a full GC grows by less than 5 MB and RSS by less than 20 MB from the first run to the last.
  const heapGrowth = s.heapUsedMb ? s.heapUsedMb.last - s.heapUsedMb.first : undefined;
  const rssGrowth = s.rssMb ? s.rssMb.last - s.rssMb.first : undefined;
  const verdict = (ok) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'FAIL');
  const cold = c && !c.error ? c : undefined;
  return [
    { target: 'CLI cold ≤ 1.0 × bare pdf.js cold (median of paired ratios)', measured: cold ? `${fmt(cold.ratios.cliOverPdfjs, 2)} × (${fmt(cold.cliPdf.medianMs)} ms / ${fmt(cold.pdfjs.medianMs)} ms; load ${fmt(cold.load.start, 2)} → ${fmt(cold.load.end, 2)})` : 'n/a', verdict: verdict(cold ? cold.ratios.cliOverPdfjs <= 1.0 : undefined) },
    { target: 'CLI cold / pdftotext (reported)', measured: cold?.ratios.cliOverPdftotext !== undefined ? `${fmt(cold.ratios.cliOverPdftotext, 2)} ×` : 'n/a', verdict: cold?.ratios.cliOverPdftotext !== undefined ? 'reported' : 'n/a' },
    { target: 'CLI cold peak RSS ≤ 200 MB (PDF)', measured: Number.isFinite(cold?.cliPdf.maxRssMb) ? `${fmt(cold.cliPdf.maxRssMb)} MB` : 'n/a', verdict: verdict(Number.isFinite(cold?.cliPdf.maxRssMb) ? cold.cliPdf.maxRssMb <= 200 : undefined) },
    { target: 'CLI cold on the converter text < 0.3 s', measured: cold ? `${fmt(cold.cliText.medianMs)} ms` : 'n/a', verdict: verdict(cold ? cold.cliText.medianMs < 300 : undefined) },
    { target: 'whole pipeline ≤ 1.3 × pdf.js alone (wall, medians)', measured: ratio === undefined ? 'n/a' : `${fmt(ratio, 2)} × (CPU time: ${fmt(t.ratios.pipelineOverPdfjs?.ofCpuMedians, 2)} ×)`, verdict: verdict(ratio === undefined ? undefined : ratio <= 1.3) },
    { target: 'stages after extract < 50 ms (PDF)', measured: after === undefined ? 'n/a' : `${fmt(after, 1)} ms`, verdict: verdict(after === undefined ? undefined : after < 50) },
    { target: 'peak RSS < 200 MB (pipeline on the PDF, one run in a fresh process)', measured: rss === undefined ? 'n/a' : `${fmt(rss)} MB (${fmt(rssAll)} MB over ${results.warmup} + ${results.runs} runs)`, verdict: verdict(rss === undefined ? undefined : rss < 200) },
    {
      target: `memory flat over ${s.runs ?? '?'} sequential runs`,
      measured: heapGrowth === undefined ? 'n/a' : `heap ${heapGrowth >= 0 ? '+' : ''}${fmt(heapGrowth, 1)} MB, RSS ${rssGrowth >= 0 ? '+' : ''}${fmt(rssGrowth, 1)} MB`,
      verdict: verdict(heapGrowth === undefined ? undefined : heapGrowth < 5 && rssGrowth < 20),
    },
  ];
}

function markdown(results) {
  const { environment: env, timings: t, peaks: p = {}, coldStart: c, sequential: s, batch: b } = results;
  const lines = [];
  const pages = t?.pages ?? b?.find((entry) => entry.pagesPerFile)?.pagesPerFile;
  lines.push(`## Benchmark: ${results.input}${pages ? ` (${pages} pages)` : ''}`, '');
  lines.push(`${env.date}, commit ${env.commit}, Node ${env.node}, ${env.cpu} × ${env.cores}, pdfjs-dist ${env.pdfjs}, ${t ? (t.pdftotext ?? 'pdftotext not installed') : 'timings not run'}; medians of ${results.runs} runs after ${results.warmup} warm-up; load average (1 min) ${fmt(results.loadAtStart[0], 2)} at start, ${fmt(results.loadAtEnd[0], 2)} at end.`, '');
  if (t) timingTables(lines, t, p, `${results.warmup} + ${results.runs}`);
  else if (results.peaks) lines.push('| variant | peak RSS (fresh process) |', '|---|---:|', ...Object.entries(p).map(([name, v]) => `| ${name} | ${v.error ?? `${fmt(v.maxRssMb)} MB`} |`));
  if (c) coldTable(lines, c, results);
  if (s) memoryTable(lines, s);
  if (b) batchTable(lines, b, env);
  // Only the targets whose section ran (--only).
  const measured = results.targets.filter((entry) => entry.verdict !== 'n/a');
  if (measured.length > 0) lines.push('', '### Targets', '', '| target | measured | |', '|---|---|---|');
  for (const entry of measured) lines.push(`| ${entry.target} | ${entry.measured} | ${entry.verdict} |`);
  if (t && !t.pdftotext) lines.push('', 'pdftotext is not installed: `apt-get install -y poppler-utils` (Debian/Ubuntu) or `brew install poppler` (macOS) to compare with it.');
  return lines.join('\n');
}

function timingTables(lines, t, p, runsLabel) {
  lines.push(`| variant | median (wall) | pages/s | × pdf.js alone | × pdftotext | median CPU time | CPU × pdf.js alone | peak RSS, 1 run | peak RSS, ${runsLabel} runs |`, '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  const row = (label, name, peak) => {
    const v = t.variants[name];
    if (!v) return;
    if (v.error) return lines.push(`| ${label} | error: ${v.error} | | | | | | | |`);
    const pj = t.variants.pdfjs?.medianMs;
    const pt = t.variants.pdftotext?.medianMs;
    const pjCpu = t.variants.pdfjs?.cpuMedianMs;
    const peakCell = (entry, key) => (entry?.[key] ? `${fmt(entry[key])} MB` : (entry?.error ?? 'n/a'));
    const cpu = Number.isFinite(v.cpuMedianMs) ? `${fmt(v.cpuMedianMs)} ms` : 'n/a';
    lines.push(`| ${label} | ${fmt(v.medianMs)} ms | ${fmt(v.pagesPerSecond)} | ${pj ? fmt(v.medianMs / pj, 2) : 'n/a'} | ${pt ? fmt(v.medianMs / pt, 2) : 'n/a'} | ${cpu} | ${pjCpu && Number.isFinite(v.cpuMedianMs) ? fmt(v.cpuMedianMs / pjCpu, 2) : 'n/a'} | ${peakCell(p[peak], 'maxRssMb')} | ${peakCell(p[peak], 'maxRssAllRunsMb')} |`);
  };
  row('pdftotext (poppler, own process)', 'pdftotext', 'pdftotext');
  row('pdf.js getTextContent alone', 'pdfjs', 'pdfjs');
  row('whole pipeline, PDF (+ write)', 'pipeline-pdf', 'pipeline-pdf');
  row('whole pipeline, converter text (+ write)', 'pipeline-text', 'pipeline-text');
  const textAlone = p['pipeline-text']?.aloneMedianMs;
  lines.push('', `${p.baseline?.maxRssMb ? `Node with nothing loaded peaks at ${fmt(p.baseline.maxRssMb)} MB. ` : ''}${textAlone ? `The converter text in a process where pdf.js was never loaded (as the CLI runs it): ${fmt(textAlone)} ms. ` : ''}Paired ratios (median of round-by-round ratios): pipeline / pdf.js ${fmt(t.ratios.pipelineOverPdfjs?.pairedMedian, 2)}, pipeline / pdftotext ${fmt(t.ratios.pipelineOverPdftotext?.pairedMedian, 2)}.`, '');

  lines.push('### Stages (medians, ms)', '', '| input | extract | segment | parse | normalise | validate | after extract | atomic write | total |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const [label, name] of [['PDF', 'pipeline-pdf'], ['converter text', 'pipeline-text']]) {
    const v = t.variants[name];
    if (!v?.stagesMs) continue;
    const st = v.stagesMs;
    lines.push(`| ${label} | ${fmt(st.extract, 1)} | ${fmt(st.segment, 1)} | ${fmt(st.parse, 1)} | ${fmt(st.normalise, 1)} | ${fmt(st.validate, 1)} | ${fmt(v.afterExtractMs, 1)} | ${fmt(st.write, 1)} | ${fmt(v.medianMs, 1)} |`);
  }
  const stringify = t.variants['pipeline-pdf']?.stagesMs?.stringify;
  if (stringify !== undefined) lines.push('', `Of the atomic write, \`JSON.stringify\` takes ${fmt(stringify, 1)} ms (PDF document); the rest is the file system (temp file, fsync, rename, folder fsync) and varies with the disk.`);
  const parts = t.variants['extract-parts'];
  if (parts?.partsMs) lines.push('', `Extract on the PDF, measured apart: \`readPdfPages\` (pdf.js text pass + font naming) ${fmt(parts.partsMs.readPdfPages)} ms + \`layoutPages\` ${fmt(parts.partsMs.layoutPages, 1)} ms.`);
  else if (parts?.error) lines.push('', `Extract parts not measured: ${parts.error}`);
}

function coldTable(lines, c, results) {
  lines.push('', `### Cold runs (a fresh process each, alternated, medians of ${c.runs ?? '?'} rounds after 1 warm-up)`, '');
  if (c.error) return lines.push(`error: ${c.error}`);
  lines.push(`Load average (1 min) ${fmt(c.load?.start, 2)} at the start of this section, ${fmt(c.load?.end, 2)} at its end.`, '');
  lines.push('| command | wall | × bare pdf.js (paired) | CPU time (user + sys) | peak RSS |', '|---|---:|---:|---:|---:|');
  const row = (label, entry, ratio) => {
    if (!entry) return;
    lines.push(`| ${label} | ${fmt(entry.medianMs)} ms | ${ratio === undefined ? '' : fmt(ratio, 2)} | ${Number.isFinite(entry.cpuMedianMs) ? `${fmt(entry.cpuMedianMs)} ms` : 'n/a'} | ${Number.isFinite(entry.maxRssMb) ? `${fmt(entry.maxRssMb)} MB` : 'n/a'} |`);
  };
  row(`\`brochure-extract extract ${results.input}\` (default page threads)`, c.cliPdf, c.ratios?.cliOverPdfjs);
  row('bare pdf.js, `bench/pdfjs-alone.mjs` (getTextContent on every page)', c.pdfjs, 1);
  row('`pdftotext` (poppler)', c.pdftotext, undefined);
  row(`\`brochure-extract extract ${results.text}\` (converter text)`, c.cliText, undefined);
  for (const n of [1, 2, 3]) row(`\`brochure-extract extract ${results.input} --page-threads ${n}\``, c[`pageThreads${n}`], c.ratios?.pageThreads?.[n]);
  row('`brochure-extract --help`', c.help, undefined);
  row('`node -e 0` (Node itself)', c.nodeOnly, undefined);
  lines.push('', `Paired ratios (median of round-by-round ratios): CLI / bare pdf.js ${fmt(c.ratios?.cliOverPdfjs, 2)}, CLI / pdftotext ${fmt(c.ratios?.cliOverPdftotext, 2)}.`);
}

function memoryTable(lines, s) {
  lines.push('', `### Memory over ${s.runs ?? '?'} sequential runs (one process, full GC before each sample)`, '');
  if (s.error) lines.push(`error: ${s.error}`);
  else {
    lines.push('| | first | last | max |', '|---|---:|---:|---:|');
    lines.push(`| RSS | ${fmt(s.rssMb.first)} MB | ${fmt(s.rssMb.last)} MB | ${fmt(s.rssMb.max)} MB |`);
    lines.push(`| heap used | ${fmt(s.heapUsedMb.first, 1)} MB | ${fmt(s.heapUsedMb.last, 1)} MB | ${fmt(s.heapUsedMb.max, 1)} MB |`);
    lines.push('', `Peak RSS of that process: ${fmt(s.maxRssMb)} MB; median run ${fmt(s.medianMs)} ms.`);
  }
}

function batchTable(lines, b, env) {
  lines.push('', `### Batch: ${b[0]?.files ?? '?'} copies of the brochure (fresh process per configuration, ${env.cores} cores)`, '');
  lines.push('| configuration | wall | files/s | pages/s | speed-up | CPU time (all threads) | cores kept busy (CPU / wall) | peak RSS | load avg (1 min) at end |', '|---|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const entry of b) {
    if (entry.error) lines.push(`| ${entry.name} | error: ${entry.error} | | | | | | | |`);
    else lines.push(`| ${entry.name} | ${fmt(entry.medianMs / 1000, 1)} s | ${fmt(entry.filesPerSecond, 2)} | ${fmt(entry.pagesPerSecond)} | ${fmt(entry.speedUp, 2)} × | ${fmt(entry.cpuMs / 1000, 1)} s | ${fmt(entry.cpuMs / entry.medianMs, 2)} | ${fmt(entry.maxRssMb)} MB | ${fmt(entry.load, 2)} |`);
  }
}

function environment() {
  const git = (argv) => {
    try {
      return execFileSync('git', argv, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  };
  const dirty = git(['status', '--porcelain', '--untracked-files=no']) !== '' ? '+dirty' : '';
  return {
    date: new Date().toISOString().slice(0, 16).replace('T', ' '),
    commit: git(['rev-parse', '--short', 'HEAD']) + dirty,
    node: process.versions.node,
    cpu: cpus()[0]?.model.trim() ?? 'unknown CPU',
    cores: availableParallelism(),
    pdfjs: JSON.parse(readFileSync(join(ROOT, 'node_modules/pdfjs-dist/package.json'), 'utf8')).version,
  };
}

async function main() {
  if (args.child) {
    process.stdout.write(`${JSON.stringify(await childMain(args.child))}\n`);
    return;
  }
  if (args.report) {
    process.stdout.write(`${markdown(JSON.parse(readFileSync(args.report, 'utf8')))}\n`);
    return;
  }
  if (!existsSync(fileURLToPath(dist('pipeline.js')))) throw new Error('dist/ is missing: run `npm run bench` (it builds first) or `npx tsc -p tsconfig.json`');
  const scratch = mkdtempSync(join(tmpdir(), 'brochure-bench-'));
  const log = (message) => process.stderr.write(`bench: ${message}\n`);
  try {
    const results = { environment: environment(), input: basename(args.input), text: basename(args.text), runs: RUNS, warmup: WARMUP, loadAtStart: loadavg() };
    const only = new Set(args.only.split(','));
    if (only.has('timings')) {
      log(`timings: ${WARMUP} warm-up + ${RUNS} runs of each variant, interleaved…`);
      results.timings = await timings(scratch);
    }
    if (only.has('peaks')) {
      log('peak RSS, each variant in a fresh process…');
      results.peaks = await peaks();
    }
    if (only.has('cold')) {
      log('CLI cold start…');
      results.coldStart = coldStart(scratch);
    }
    if (only.has('memory')) {
      log(`memory over ${args.sequential} sequential runs…`);
      results.sequential = await sequential();
    }
    if (only.has('batch') && count('batch') > 0) {
      log(`batch of ${args.batch} copies with 1 and 2 jobs…`);
      results.batch = await batch(scratch);
    }
    results.loadAtEnd = loadavg();
    results.targets = targets(results);
    process.stdout.write(args.json ? `${JSON.stringify(results, null, 2)}\n` : `${markdown(results)}\n`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

await main();
