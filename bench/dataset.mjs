#!/usr/bin/env node
/**
 * Dataset measures (issue 10): ingest time per edition, row counts per table, database size.
 *
 *   npm run build && node bench/dataset.mjs [--runs 7]
 *
 * For each edition (the 2019 brochure, the synthetic 2031 one) the document is extracted once,
 * then `ingestDocument` (the database part: one IMMEDIATE transaction, identities, candidates) is
 * timed into a fresh database file, --runs times, and the whole CLI `ingest` (a fresh process:
 * start-up, pipeline, database) likewise. Medians are reported. Then both editions go into one
 * database, whose row counts and size (as written, and after VACUUM) are printed.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDataset } from '../dist/dataset/database.js';
import { ingestDocument } from '../dist/dataset/ingest.js';
import { loadForIngest } from '../dist/dataset/load.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 7;
const inputs = ['fixtures/inet-2019/input.pdf', 'fixtures/synthetic-2031/input.pdf'];
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const dir = mkdtempSync(join(tmpdir(), 'dataset-bench-'));

console.log(`| Edition (input) | ingestDocument, median of ${runs} | CLI \`ingest\` (fresh process), median of ${runs} |`);
console.log('|---|---|---|');
const loaded = [];
for (const input of inputs) {
  const doc = await loadForIngest(join(root, input));
  loaded.push(doc);
  const db = [];
  const cli = [];
  for (let i = 0; i < runs; i++) {
    const file = join(dir, `t${i}.sqlite`);
    const dataset = openDataset(file);
    const start = performance.now();
    ingestDocument(dataset, doc.document, doc.input);
    db.push(performance.now() - start);
    dataset.close();
    rmSync(file, { force: true });
    const cliStart = performance.now();
    execFileSync(process.execPath, [join(root, 'bin/brochure-extract'), 'ingest', join(root, input), '--db', file, '-q']);
    cli.push(performance.now() - cliStart);
    rmSync(file, { force: true });
  }
  console.log(`| ${doc.document.brochure.edition} (${input}) | ${median(db).toFixed(1)} ms | ${median(cli).toFixed(0)} ms |`);
}

/** Ingests these documents into a new database; returns its row counts and size. */
const build = (name, docs) => {
  const file = join(dir, name);
  const dataset = openDataset(file);
  for (const doc of docs) ingestDocument(dataset, doc.document, doc.input);
  const tables = dataset.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'projects_fts_%' ORDER BY name").pluck().all();
  const counts = Object.fromEntries(tables.map((table) => [table, dataset.prepare(`SELECT count(*) FROM "${table}"`).pluck().get()]));
  dataset.close();
  const written = statSync(file).size;
  const vacuumed = openDataset(file);
  vacuumed.exec('VACUUM');
  vacuumed.close();
  return { counts, written, vacuumed: statSync(file).size };
};
const alone = loaded.map((doc, i) => build(`alone${i}.sqlite`, [doc]));
const both = build('both.sqlite', loaded);
console.log(`\n| Table | ${loaded.map((d) => d.document.brochure.edition).join(' | ')} | both in one database |`);
console.log(`|---|${loaded.map(() => '---|').join('')}---|`);
for (const table of Object.keys(both.counts)) console.log(`| ${table} | ${alone.map((a) => a.counts[table]).join(' | ')} | ${both.counts[table]} |`);
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
console.log(`| *file size (after VACUUM)* | ${alone.map((a) => `${kib(a.written)} (${kib(a.vacuumed)})`).join(' | ')} | ${kib(both.written)} (${kib(both.vacuumed)}) |`);
console.log(`Input sizes: ${inputs.map((input) => `${input} ${(statSync(join(root, input)).size / 1024).toFixed(0)} KiB`).join(', ')}; document JSON ${loaded.map((d) => (JSON.stringify(d.document, null, 2).length / 1024).toFixed(0) + ' KiB').join(', ')}.`);
rmSync(dir, { recursive: true, force: true });
