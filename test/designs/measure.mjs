#!/usr/bin/env node
/**
 * Measures today's extractor on every committed design: runs the built pipeline (dist/, so run
 * `npm run build` first) on each fixtures/designs/<name>/input.pdf and scores it with `compare`
 * against its expected.json (and with the shared score.mjs when ../shared/tools/score.mjs exists).
 *
 *   node test/designs/measure.mjs            # prints the table
 *   node test/designs/measure.mjs --write    # also rewrites fixtures/designs/known-gaps.json and the
 *                                            # score table of fixtures/designs/README.md
 *
 * known-gaps.json lists the designs under 0.99 with their measured score (rounded down to 4
 * decimals); test/designs.test.ts requires the others to reach 0.99 and these not to score lower.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const designsDir = join(root, 'fixtures/designs');
const scoreMjs = join(root, '../shared/tools/score.mjs');
/** The score every design must reach. */
export const MIN_SCORE = 0.99;

const { runStages } = await import(join(root, 'dist/pipeline.js'));
const { HEADINGS } = await import('./variations.mjs');
const { compareDocuments } = await import(join(root, 'dist/compare/index.js'));

const floor4 = (x) => Math.floor(x * 10_000) / 10_000;
const names = readdirSync(designsDir).filter((n) => existsSync(join(designsDir, n, 'expected.json'))).sort();
const rows = [];
const work = mkdtempSync(join(tmpdir(), 'measure-'));
try {
  for (const name of names) {
    const dir = join(designsDir, name);
    const expected = JSON.parse(readFileSync(join(dir, 'expected.json'), 'utf8'));
    const { choices, outside, unusual, adopted, printedWith } = JSON.parse(readFileSync(join(dir, 'design.json'), 'utf8'));
    let score = 0;
    let error = null;
    let scorer = null;
    try {
      const { document } = await runStages(new Uint8Array(readFileSync(join(dir, 'input.pdf'))), { fileName: 'input.pdf' });
      score = compareDocuments(document, expected).score;
      if (existsSync(scoreMjs)) {
        const out = join(work, `${name}.json`);
        writeFileSync(out, JSON.stringify(document));
        scorer = JSON.parse(execFileSync(process.execPath, [scoreMjs, out, join(dir, 'expected.json'), '--json'], { encoding: 'utf8', maxBuffer: 64 << 20 })).overall;
      }
    } catch (e) {
      error = String(e.message ?? e).split('\n')[0];
    }
    rows.push({ name, choices, outside: outside === true, adopted, printedWith, unusual, score, scorer, error });
    process.stdout.write(`${name.padEnd(28)} ${score.toFixed(4)}${scorer === null ? '' : `  score.mjs ${scorer.toFixed(4)}`}${error ? `  (${error})` : ''}\n`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

if (process.argv.includes('--write')) {
  const gaps = {};
  for (const r of rows.filter((x) => x.score < MIN_SCORE)) gaps[r.name] = { score: floor4(r.score), ...(r.error ? { error: r.error } : {}) };
  writeFileSync(join(designsDir, 'known-gaps.json'), `${JSON.stringify({
    $comment: `Designs that today's extractor reads under ${MIN_SCORE} (compare score, measured by test/designs/measure.mjs, rounded down). test/designs.test.ts requires them not to score lower; remove a design from here once it reaches ${MIN_SCORE}.`,
    gaps,
  }, null, 2)}\n`);
  const head = '| design | columns | headings | sidebar | team | team heading | names | figures | label | sommaire | running | rosters | sections | font | wide axes | compare | score.mjs |';
  const rule = `|${' --- |'.repeat(17)}`;
  // The wide axes (issue 15) of a design that has them: frames, sommaire layout and collectivité, corps table, figures, rosters.
  const wide = (c) => (c.frameOrder === undefined ? '–' : [c.frameOrder, `${c.sommaireLayout}, ${c.collectivitePosition}`, `corps ${c.teamCorps}`, c.figureLayout, c.rosterLayout].join('; '));
  const errors = [...new Set(rows.filter((r) => r.error).map((r) => r.error))];
  const scoreCell = (r) => (r.error ? `${r.score.toFixed(4)} (refused${errors.length > 1 ? ` [${errors.indexOf(r.error) + 1}]` : ''})` : r.score.toFixed(4));
  const line = (r) => {
    const c = r.choices;
    const cells = [r.name, c.columns, `${c.headingPosition}, ${c.headingCase}`, c.sidebar, `${c.teamPosition}, ${c.teamForm}`, `« ${HEADINGS.auteurs[c.headings.auteurs]} »`, c.nameOrder, c.figures,
      c.projectLabel, c.sommaireForm, c.running, `${c.rosterOrder}, ${c.rosterForm}`, c.sectionForm, c.font, wide(c),
      scoreCell(r), r.scorer === null ? '–' : r.scorer.toFixed(4)];
    return `| ${cells.join(' | ')} |`;
  };
  const notes = errors.map((e, i) => `${errors.length > 1 ? `[${i + 1}] ` : ''}refused: \`${e}\` (nothing written: scored 0)`);
  // Designs from outside the generator (test/designs/outside/) have no axis choices: their own table.
  // An adopted PDF (outside/adopt.mjs) was made by someone else: say so and what printed it.
  const madeWith = (name, r = rows.find((x) => x.name === name)) => r?.adopted ? `a user's PDF (${/Producer: ([^;]+)/.exec(r.printedWith ?? '')?.[1] ?? 'unknown producer'}), adopted as sent` : (name.endsWith('-libreoffice') ? 'LibreOffice Writer' : name.endsWith('-groff') ? 'groff, tbl, Ghostscript ps2pdf' : name.endsWith('-latex') ? 'pdfLaTeX (pdfTeX)' : name.endsWith('-weasyprint') ? 'HTML and CSS, WeasyPrint' : name.endsWith('-scribus') ? 'Scribus text frames, its PDF writer' : 'hand-made HTML, Chromium');
  const outsideRows = rows.filter((r) => r.outside);
  const outsideTable = outsideRows.length === 0 ? [] : ['', 'Designs from outside the generator (`test/designs/outside/make.mjs`, or `adopt.mjs` for a PDF made elsewhere; what is unusual: each `design.json`):', '',
    '| design | made with | compare | score.mjs |', '| --- | --- | --- | --- |',
    ...outsideRows.map((r) => `| ${r.name} | ${madeWith(r.name)} | ${scoreCell(r)} | ${r.scorer === null ? '–' : r.scorer.toFixed(4)} |`)];
  const table = [head, rule, ...rows.filter((r) => !r.outside).map(line), ...outsideTable, '', ...notes].join('\n');
  const readme = join(designsDir, 'README.md');
  const text = readFileSync(readme, 'utf8');
  const begin = '<!-- scores:begin -->';
  const end = '<!-- scores:end -->';
  const date = new Date().toISOString().slice(0, 10);
  writeFileSync(readme, text.replace(new RegExp(`${begin}[\\s\\S]*${end}`), `${begin}\nMeasured ${date} by \`node test/designs/measure.mjs --write\`.\n\n${table}\n${end}`));
  process.stdout.write(`wrote known-gaps.json (${Object.keys(gaps).length} designs under ${MIN_SCORE}) and the README table\n`);
}
