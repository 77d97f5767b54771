#!/usr/bin/env node
/**
 * Design generator: renders a fixture's expected document into designs drawn from a seeded space
 * of variations (variations.mjs), prints each with headless Chromium and writes
 * fixtures/designs/<content>-<design id>/ with input.pdf, expected.json, design.json, source.html.
 *
 *   node test/designs/generate.mjs --content inet-2019 --seed 2026 --count 8
 *   node test/designs/generate.mjs --from fixtures/designs/inet-2019-s2026-03/design.json
 *   node test/designs/generate.mjs --content synthetic-2031 --seed 7 --count 3 --out /tmp/fresh
 *
 * Needs chromium (Debian package), fonts-liberation, fonts-dejavu-core and poppler-utils
 * (pdftotext, pdfinfo). Only this script needs them: the tests read the committed files.
 * Project pages are found after printing (each project's title, searched in `pdftotext` output
 * page by page after the sommaire), the sommaire is re-rendered with them and printed again
 * until the pages no longer move.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { random, shuffle } from './random.mjs';
import { FRAME_OVERFLOW } from './frames.mjs';
import { printsCorpsTable, renderDesign } from './render.mjs';
import { checkPrinted, chromium, locate, pdfPages, printChromium, run, writeExpected } from './printed.mjs';
import { AXES, FORM_AXES, WIDE_AXES, HEADINGS, ROSTER_HEADINGS, ROSTER_TITLES, SOMMAIRE_HEADINGS, TUTOR_HEADINGS } from './variations.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export { random };

/** `values` repeated to `count` items, shuffled: over `count >= values.length` designs, every value appears. */
const cycle = (values, count, r) => shuffle(Array.from({ length: count }, (_, i) => values[i % values.length]), r);

/** Makes a design's choices sane: what cannot be laid out together is changed (the less visible axis gives way). */
function repair(c) {
  if (c.columns === 3) c.sidebar = 'none';
  if (c.headingPosition === 'margin' && (c.columns > 1 || c.sidebar === 'left')) c.headingPosition = 'inline';
  if (c.teamPosition === 'sidebar' && c.sidebar === 'none') c.teamPosition = 'before';
  return c;
}

/**
 * Draws `count` designs from `seed`: each axis cycles through its values in a seeded order, so
 * that a set of at least 4 designs covers every value of every axis (redrawn until it does).
 */
export function drawDesigns(seed, count) {
  for (let attempt = 0; attempt < 500; attempt++) {
    const r = random(seed * 7919 + attempt);
    const axes = Object.fromEntries(Object.entries(AXES).map(([axis, { values }]) => [axis, cycle(values, count, r)]));
    const headings = Object.fromEntries(Object.entries(HEADINGS).map(([key, list]) => [key, cycle(list.map((_, i) => i), count, r)]));
    headings.tuteurs = cycle(TUTOR_HEADINGS.map((_, i) => i), count, r);
    const pick = (list) => list[Math.floor(r() * list.length)];
    const designs = Array.from({ length: count }, (_, i) => repair({
      id: `s${seed}-${String(i + 1).padStart(2, '0')}`,
      ...Object.fromEntries(Object.keys(AXES).map((axis) => [axis, axes[axis][i]])),
      headings: Object.fromEntries(Object.keys(headings).map((key) => [key, headings[key][i]])),
      sommaireHeading: pick(SOMMAIRE_HEADINGS),
      rosterTitle: pick(ROSTER_TITLES),
      rosterHeading: Math.floor(r() * ROSTER_HEADINGS.length),
      coverCase: pick(['upper', 'as-named']),
      fontSize: pick([9.5, 10, 10.5]),
      accent: pick(['#0b6b6b', '#8a1538', '#1f3f8f', '#6b4e0b', '#2d6b1f']),
      shade: pick(['#e7f1f1', '#f3ece4', '#ecedf5', '#efefef']),
    }));
    const covered = count < 4 || Object.entries(AXES).every(([axis, { values }]) => values.every((v) => designs.some((d) => d[axis] === v)));
    if (covered) return drawForms(designs, seed);
  }
  throw new Error(`no draw of ${count} designs from seed ${seed} covers every axis value`);
}

/** Whether a design prints the form it names (a team-table form needs a table outside the sidebar). */
const printsForm = (d, axis, value) => axis !== 'teamTable' || value === FORM_AXES.teamTable.default || (d.teamForm === 'table' && d.teamPosition !== 'sidebar');

/**
 * Adds the form axes (FORM_AXES) to drawn designs, from a random stream of their own so that the
 * layout a seed draws is unchanged. Over 4 designs or more, every value is drawn and every value
 * is printed by at least one design whose layout can print it (redrawn until it is).
 */
function drawForms(designs, seed) {
  const count = designs.length;
  for (let attempt = 0; attempt < 500; attempt++) {
    const r = random(seed * 104_729 + 17 + attempt);
    const axes = Object.fromEntries(Object.entries(FORM_AXES).map(([axis, { values }]) => [axis, cycle(values, count, r)]));
    const drawn = designs.map((d, i) => ({ ...d, ...Object.fromEntries(Object.keys(FORM_AXES).map((axis) => [axis, axes[axis][i]])) }));
    const printed = (axis, v) => drawn.some((d) => d[axis] === v && printsForm(d, axis, v)) || !designs.some((d) => printsForm(d, axis, v));
    const covered = count < 4 || Object.entries(FORM_AXES).every(([axis, { values }]) => values.every((v) => drawn.some((d) => d[axis] === v) && printed(axis, v)));
    if (covered) return drawWide(drawn, seed);
  }
  throw new Error(`no draw of ${count} designs from seed ${seed} prints every form (FORM_AXES)`);
}

/** Whether a design prints the wide-axis value it names (the corps table needs a grid or table team outside the sidebar). */
const printsWide = (d, axis, value) => axis !== 'teamCorps' || value === WIDE_AXES.teamCorps.default || (d.teamPosition !== 'sidebar' && printsCorpsTable({ teamCorps: value }, d.teamForm));

/**
 * Adds the wide axes (WIDE_AXES, issue 15) to drawn designs, from a third random stream so that
 * the layout and forms a seed draws are unchanged. Over 4 designs or more, every value is drawn
 * and printed by a design whose layout can print it (redrawn until it is).
 */
function drawWide(designs, seed) {
  const count = designs.length;
  for (let attempt = 0; attempt < 500; attempt++) {
    const r = random(seed * 15_485_863 + 29 + attempt);
    const axes = Object.fromEntries(Object.entries(WIDE_AXES).map(([axis, { values }]) => [axis, cycle(values, count, r)]));
    const drawn = designs.map((d, i) => ({ ...d, ...Object.fromEntries(Object.keys(WIDE_AXES).map((axis) => [axis, axes[axis][i]])) }));
    // A value that needs a layout is printed when the set has a design able to print each such value.
    const capable = (axis) => Math.min(...WIDE_AXES[axis].values.map((v) => designs.filter((d) => printsWide(d, axis, v)).length));
    const needing = (axis) => WIDE_AXES[axis].values.filter((v) => designs.some((d) => !printsWide(d, axis, v))).length;
    const printed = (axis, v) => drawn.some((d) => d[axis] === v && printsWide(d, axis, v)) || capable(axis) < needing(axis);
    const covered = count < 4 || Object.entries(WIDE_AXES).every(([axis, { values }]) => values.every((v) => drawn.some((d) => d[axis] === v) && printed(axis, v)));
    if (covered) return drawn;
  }
  throw new Error(`no draw of ${count} designs from seed ${seed} prints every wide form (WIDE_AXES)`);
}

/** Designs in a set from which a fresh design is drawn: a multiple of every axis's count of values (2, 3, 4, 6), so that the set's first design takes each value of an axis equally often over seeds. */
export const FRESH_SET = 12;

/** The design a fresh seed stands for (test/designs/fresh.mjs): the first of the set of FRESH_SET drawn from it (`--seed S --count 12 --only sS-01`). */
export const freshDesign = (seed) => drawDesigns(seed, FRESH_SET)[0];

/** Renders, prints and writes one design. */
export function generate(content, design, outDir) {
  const contentDir = join(root, 'fixtures', content);
  const doc = JSON.parse(readFileSync(join(contentDir, 'expected.json'), 'utf8'));
  const folder = join(outDir, `${content}-${design.id}`);
  mkdirSync(folder, { recursive: true });
  const pdf = join(folder, 'input.pdf');
  const promo = doc.promotions[0];
  const where = {
    rosterNeedle: ROSTER_HEADINGS[design.rosterHeading].replace('%S', promo.nom).replace('%s', promo.nom),
    dividers: design.sectionForm === 'divider',
  };
  const work = mkdtempSync(join(tmpdir(), 'design-'));
  let pages = new Map();
  let located;
  let html;
  try {
    for (let pass = 1; ; pass++) {
      html = renderDesign(doc, design, pages);
      printChromium(html, pdf, work);
      located = locate(doc, pdfPages(pdf), where);
      if ([...located.starts].every(([n, p]) => pages.get(n) === p)) break;
      if (pass >= 4) throw new Error(`${design.id}: project pages still move after ${pass} prints`);
      pages = located.starts;
    }
    const texts = [...pdfPages(pdf, ['-layout']), ...pdfPages(pdf)];
    if (texts.some((t) => t.includes(FRAME_OVERFLOW))) throw new Error(`${design.id}: a text frame does not fit its page`);
    checkPrinted(doc, texts);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const { pageCount, size } = writeExpected(doc, pdf, located, folder);
  writeFileSync(join(folder, 'source.html'), html);
  const version = run(chromium(), ['--version']).trim();
  writeFileSync(join(folder, 'design.json'), `${JSON.stringify({ content, id: design.id, generator: 'test/designs/generate.mjs', printedWith: version, pageCount, choices: design }, null, 2)}\n`);
  return { folder, pageCount, size };
}

async function main() {
  const { values } = parseArgs({ options: {
    content: { type: 'string', multiple: true }, seed: { type: 'string' }, count: { type: 'string' }, from: { type: 'string', multiple: true },
    out: { type: 'string' }, only: { type: 'string' },
  } });
  const outDir = resolve(values.out ?? join(root, 'fixtures/designs'));
  const jobs = [];
  for (const file of values.from ?? []) {
    const saved = JSON.parse(readFileSync(file, 'utf8'));
    jobs.push([saved.content, saved.choices]);
  }
  if (values.content) {
    const seed = Number(values.seed ?? 2026);
    const count = Number(values.count ?? 8);
    const designs = drawDesigns(seed, count).filter((d) => values.only === undefined || values.only.split(',').includes(d.id));
    for (const content of values.content) {
      if (!existsSync(join(root, 'fixtures', content, 'expected.json'))) throw new Error(`fixtures/${content}/expected.json not found`);
      for (const d of designs) jobs.push([content, d]);
    }
  }
  if (jobs.length === 0) throw new Error('nothing to do: give --content NAME [--seed N] [--count N] or --from design.json');
  for (const [content, design] of jobs) {
    const started = Date.now();
    const { folder, pageCount, size } = generate(content, design, outDir);
    process.stdout.write(`${folder}: ${pageCount} pages, ${(size / 1024).toFixed(0)} KB, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error) => {
    process.stderr.write(`generate: ${error.message}\n`);
    process.exit(1);
  });
}
