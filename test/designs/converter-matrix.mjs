// Converter texts of designs made elsewhere: each design's PDF printed by the converters of
// fixtures/converters/make/convert-all.sh (Debian's poppler-utils, mupdf-tools, ghostscript,
// python3-pdfminer, python3-pypdf and the npm converters installed as that folder's README says;
// none is a dependency of the project), each text read by the built pipeline (`npm run build`) and
// compared with the design's expected.json. Prints the distribution of scores and the self-check's
// verdicts; `--rows` prints each run, for dev designs only (held-out ones are never looked at one
// by one). The texts are written under OUT, not committed.
// Usage: node test/designs/converter-matrix.mjs --designs NAME[,NAME…] --out DIR [--convert] [--rows]
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const here = resolve(import.meta.dirname, '../..');
const { values } = parseArgs({ options: { designs: { type: 'string' }, out: { type: 'string' }, convert: { type: 'boolean', default: false }, rows: { type: 'boolean', default: false } } });
if (!values.designs || !values.out) {
  console.error('usage: node test/designs/converter-matrix.mjs --designs NAME[,NAME…] --out DIR [--convert] [--rows]');
  process.exit(64);
}
/** Below this a run has failed (issue 15's bar); at or above GOOD it is good. */
const FAILED_BELOW = 0.95;
const GOOD = 0.99;
const designs = values.designs.split(',');
const { compareDocuments } = await import(join(here, 'dist/compare/index.js'));
const { runStages } = await import(join(here, 'dist/pipeline.js'));
const runs = [];
for (const design of designs) {
  const dir = join(here, 'fixtures/designs', design);
  const texts = join(resolve(values.out), design);
  if (values.convert) spawnSync('sh', [join(here, 'fixtures/converters/make/convert-all.sh'), join(dir, 'input.pdf'), texts], { stdio: 'ignore' });
  if (!existsSync(texts)) continue;
  const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
  for (const file of readdirSync(texts).sort()) {
    const bytes = new Uint8Array(readFileSync(join(texts, file)));
    try {
      const result = await runStages(bytes, { fileName: file });
      const errors = [...new Set(result.document.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))];
      runs.push({ design, file, score: compareDocuments(result.document, expected).score, partial: result.partial, errors });
    } catch (error) {
      // Refused (exit 65): a failure the run knows.
      runs.push({ design, file, score: 0, partial: true, errors: [String(error?.code ?? 'REFUSED')] });
    }
  }
}
const scores = runs.map((run) => run.score).sort((a, b) => a - b);
const at = (q) => scores[Math.min(scores.length - 1, Math.floor(q * scores.length))]?.toFixed(4) ?? '-';
const count = (test) => runs.filter(test).length;
console.log(`runs ${runs.length} (${designs.length} designs): min ${at(0)}, p25 ${at(0.25)}, median ${at(0.5)}, p75 ${at(0.75)}, max ${scores.at(-1)?.toFixed(4) ?? '-'}; ≥ ${GOOD} ${count((r) => r.score >= GOOD)}, ≥ 0.97 ${count((r) => r.score >= 0.97)}, < ${FAILED_BELOW} ${count((r) => r.score < FAILED_BELOW)}`);
console.log(`self-check: failed and flagged ${count((r) => r.score < FAILED_BELOW && r.partial)}, failed and silent ${count((r) => r.score < FAILED_BELOW && !r.partial)}, good and flagged ${count((r) => r.score >= GOOD && r.partial)}`);
if (values.rows) for (const run of runs) console.log(`${run.design.padEnd(28)} ${run.file.padEnd(22)} ${run.score.toFixed(4)} ${run.partial ? 'exit 3' : 'exit 0'} ${run.errors.join(',')}`);
