#!/usr/bin/env node
/**
 * Measures the self-check (src/check/) on good reads and on bad reads made on purpose, without
 * tuning it case by case: every committed fixture and design (good reads, expected ≥ 0.99), and the
 * same inputs read with one stage damaged:
 *
 *   sommaire-cut    the second half of the sommaire's blocks dropped before segment
 *   sommaire-typo   one sommaire number misprinted (« 09/ » -> « O9/ », the issue's example)
 *   shuffle         the blocks of every page after the sommaire in a random order (frames written out of reading order)
 *   drop-page       the blocks of one project page dropped
 *   swap-emails     two authors of different projects given each other's e-mail lines (a pairing across projects)
 *
 * plus any extra file given with its expected document (`--extra input.pdf=expected.json`,
 * converter texts of other tools, fresh designs, the redesign). Prints one row per run (score,
 * partial, error codes) and the counts: failed and flagged (score < 0.95, partial), failed and
 * silent, good and flagged (score ≥ 0.99, partial), grey zone (0.95–0.99).
 *
 *   npm run build && node test/tools/self-check-calibrate.mjs [--damage all|none|LIST] [--extra IN=EXPECTED ...] [--only SUBSTRING]
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { extractDocument } = await import(join(root, 'dist/extract/index.js'));
const { segmentDocument } = await import(join(root, 'dist/segment/index.js'));
const { parseProject } = await import(join(root, 'dist/parse/index.js'));
const { normaliseDocument } = await import(join(root, 'dist/normalise/index.js'));
const { selfCheck } = await import(join(root, 'dist/check/index.js'));
const { DEFAULT_VOCABULARY } = await import(join(root, 'dist/profile.js'));
const { compareDocuments } = await import(join(root, 'dist/compare/index.js'));
// Deterministic random numbers, so that every run damages the same way.
const { random } = await import('../designs/generate.mjs');

const { values } = parseArgs({ options: { damage: { type: 'string', default: 'all' }, extra: { type: 'string', multiple: true, default: [] }, only: { type: 'string' }, verbose: { type: 'boolean' } } });
const DAMAGES = ['sommaire-cut', 'sommaire-typo', 'shuffle', 'drop-page', 'swap-emails'];
const damages = values.damage === 'all' ? DAMAGES : values.damage === 'none' ? [] : values.damage.split(',');

/** The stages after extract, as src/pipeline.ts composes them, with a hook between parse and normalise. */
function later(extracted, afterParse = (parsed) => parsed) {
  const vocabulary = DEFAULT_VOCABULARY;
  const segmented = segmentDocument(extracted, vocabulary);
  const parsed = [];
  const failures = [];
  for (const project of segmented.projects) {
    try {
      parsed.push(parseProject(project, vocabulary));
    } catch {
      failures.push({ code: 'PROJECT_UNPARSED', severity: 'error', projet: project.numero, message: 'unparsed' });
    }
  }
  const damaged = afterParse(parsed);
  const document = normaliseDocument(segmented, damaged, { file: 'x', sha256: '0'.repeat(64), format: extracted.format, pageCount: extracted.pageCount }, vocabulary);
  document.diagnostics.unshift(...extracted.diagnostics, ...failures);
  document.diagnostics.push(...selfCheck({ extracted, segmented, parsed: damaged, document, vocabulary }));
  const partial = failures.length > 0 || segmented.projects.some((p) => p.fromSommaireOnly) || document.diagnostics.some((d) => d.severity === 'error');
  return { document, partial, segmented };
}

/** The sommaire's blocks: after its heading, up to the first block segment put elsewhere. */
function sommaireRange(extracted) {
  const start = extracted.blocks.findIndex((block) => DEFAULT_VOCABULARY.isSommaireHeading(block.text));
  if (start < 0) return null;
  const { segmented } = later(extracted);
  const elsewhere = new Set([...segmented.colophon, ...segmented.projects.flatMap((p) => (p.fromSommaireOnly ? [] : [p.heading, ...p.blocks]))]);
  let end = start + 1;
  while (end < extracted.blocks.length && !elsewhere.has(extracted.blocks[end])) end++;
  return { start, end, segmented };
}

const withBlocks = (extracted, blocks) => ({ ...extracted, blocks });

const DAMAGE = {
  'sommaire-cut': (extracted) => {
    const range = sommaireRange(extracted);
    if (!range || range.end - range.start < 4) return null;
    const keep = range.start + 1 + Math.floor((range.end - range.start - 1) / 2);
    return { extracted: withBlocks(extracted, [...extracted.blocks.slice(0, keep), ...extracted.blocks.slice(range.end)]) };
  },
  'sommaire-typo': (extracted) => {
    const range = sommaireRange(extracted);
    if (!range || range.segmented.sommaire.length < 3) return null;
    const middle = range.segmented.sommaire[Math.floor(range.segmented.sommaire.length / 2)].numero;
    const digits = String(middle).padStart(2, '0');
    const pattern = new RegExp(`(^|\\D)${digits}(?!\\d)`);
    const blocks = [...extracted.blocks];
    for (let i = range.start + 1; i < range.end; i++) {
      const block = blocks[i];
      if (!pattern.test(block.text)) continue;
      const typo = (text) => text.replace(pattern, (_, before) => `${before}${digits.replace('0', 'O')}`);
      blocks[i] = { ...block, text: typo(block.text), lines: block.lines.map((line) => ({ ...line, text: typo(line.text) })) };
      return { extracted: withBlocks(extracted, blocks) };
    }
    return null;
  },
  shuffle: (extracted, seed) => {
    if (extracted.format !== 'pdf') return null;
    const range = sommaireRange(extracted);
    const from = range ? range.end : 0;
    const r = random(seed);
    const head = extracted.blocks.slice(0, from);
    const pages = new Map();
    for (const block of extracted.blocks.slice(from)) pages.set(block.page, [...(pages.get(block.page) ?? []), block]);
    const shuffled = [...pages.values()].flatMap((list) => {
      const copy = [...list];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(r() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    });
    return { extracted: withBlocks(extracted, [...head, ...shuffled]) };
  },
  'drop-page': (extracted) => {
    if (extracted.format !== 'pdf') return null;
    const { segmented } = later(extracted);
    const read = segmented.projects.filter((p) => !p.fromSommaireOnly);
    const project = read[Math.floor(read.length / 2)];
    if (!project || project.heading.page === null) return null;
    return { extracted: withBlocks(extracted, extracted.blocks.filter((block) => block.page !== project.heading.page)) };
  },
  'swap-emails': (extracted) => {
    const afterParse = (parsed) => {
      const withEmail = parsed.filter((p) => p.auteurs.some((a) => a.details.some((d) => d.includes('@'))));
      if (withEmail.length < 2) return parsed;
      const a = withEmail[0];
      const b = withEmail[withEmail.length - 1];
      const ia = a.auteurs.findIndex((x) => x.details.some((d) => d.includes('@')));
      const ib = b.auteurs.findIndex((x) => x.details.some((d) => d.includes('@')));
      return parsed.map((p) => {
        if (p !== a && p !== b) return p;
        const [i, other] = p === a ? [ia, b.auteurs[ib]] : [ib, a.auteurs[ia]];
        return { ...p, auteurs: p.auteurs.map((card, k) => (k === i ? { ...card, details: other.details } : card)) };
      });
    };
    return { extracted, afterParse };
  },
};

/** Every committed input with its expected document. */
function inputs() {
  const list = [];
  const add = (dir, name) => {
    const expectedPath = join(dir, 'expected.json');
    if (!existsSync(expectedPath)) return;
    for (const file of readdirSync(dir).filter((f) => /^input\.(pdf|txt)$/.test(f))) list.push({ name: `${name}/${file}`, path: join(dir, file), expectedPath });
  };
  for (const name of readdirSync(join(root, 'fixtures')).sort()) add(join(root, 'fixtures', name), name);
  for (const name of readdirSync(join(root, 'fixtures/designs')).sort()) add(join(root, 'fixtures/designs', name), `designs/${name}`);
  for (const pair of values.extra) {
    const [path, expectedPath] = pair.split('=');
    list.push({ name: `extra/${path.split('/').slice(-2).join('/')}`, path, expectedPath, extra: true });
  }
  return values.only ? list.filter((item) => item.name.includes(values.only)) : list;
}

const rows = [];
function record(name, damage, document, partial, expected) {
  const score = compareDocuments(document, expected).score;
  const errors = [...new Set(document.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code))];
  rows.push({ name, damage, score, partial, errors });
  process.stdout.write(`${`${name} ${damage}`.padEnd(58)} ${score.toFixed(4)} ${partial ? 'exit 3' : 'exit 0'} ${errors.join(',')}\n`);
  if (values.verbose) for (const d of document.diagnostics.filter((x) => x.severity === 'error')) process.stdout.write(`    ${d.code} ${d.projet ?? ''} ${d.message.slice(0, 200)}\n`);
}

let seed = 1;
for (const input of inputs()) {
  const expected = JSON.parse(readFileSync(input.expectedPath, 'utf8'));
  let extracted;
  try {
    extracted = await extractDocument(new Uint8Array(readFileSync(input.path)), { fileName: input.path });
  } catch (error) {
    process.stdout.write(`${input.name} refused: ${String(error.message).split('\n')[0]}\n`);
    continue;
  }
  const run = (damage, extractedIn, afterParse) => {
    try {
      const { document, partial } = later(extractedIn, afterParse);
      record(input.name, damage, document, partial, expected);
    } catch (error) {
      process.stdout.write(`${input.name} ${damage} refused: ${String(error.message).split('\n')[0]}\n`);
      rows.push({ name: input.name, damage, score: 0, partial: true, errors: ['REFUSED'] });
    }
  };
  run(input.extra ? 'extra' : 'none', extracted);
  if (input.extra) continue;
  for (const damage of damages) {
    const made = DAMAGE[damage](extracted, seed++);
    if (made) run(damage, made.extracted, made.afterParse);
  }
}

const FAILED = 0.95;
const GOOD = 0.99;

const table = (label, all) => {
  // A refusal writes nothing and misleads nobody: left out of the counts, shown apart.
  const subset = all.filter((r) => !r.errors.includes('REFUSED'));
  const failed = subset.filter((r) => r.score < FAILED);
  const good = subset.filter((r) => r.score >= GOOD);
  const grey = subset.filter((r) => r.score >= FAILED && r.score < GOOD);
  process.stdout.write(`| ${label} | ${subset.length} (${all.length - subset.length} refused) | ${failed.filter((r) => r.partial).length} | ${failed.filter((r) => !r.partial).length} | ${good.filter((r) => r.partial).length} | ${good.filter((r) => !r.partial).length} | ${grey.filter((r) => r.partial).length} / ${grey.length} |\n`);
};
process.stdout.write('\n| runs | n | failed (< 0.95) and flagged | failed and silent | good (≥ 0.99) and flagged | good and silent | grey zone flagged / all |\n| --- | --- | --- | --- | --- | --- | --- |\n');
for (const damage of ['none', 'extra', ...damages]) {
  const subset = rows.filter((r) => r.damage === damage);
  if (subset.length > 0) table(damage, subset);
}
table('all', rows);

