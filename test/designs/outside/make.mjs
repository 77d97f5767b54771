#!/usr/bin/env node
/**
 * Designs from OUTSIDE the generator's space (test/designs/variations.mjs): inputs the extractor
 * was not tuned on, to measure what the next designer or the next PDF program does differently.
 * Each writes fixtures/designs/<content>-<kind>/ with input.pdf, expected.json, design.json
 * (`"outside": true`, what is unusual, how it was made) and the printed source file.
 *
 *   node test/designs/outside/make.mjs --kind libreoffice --content synthetic-2031
 *   node test/designs/outside/make.mjs --kind libreoffice --content inet-2019
 *   node test/designs/outside/make.mjs --kind handmade --content synthetic-2031
 *   node test/designs/outside/make.mjs --kind groff --content synthetic-2031
 *   node test/designs/outside/make.mjs --kind latex --content synthetic-2031
 *   node test/designs/outside/make.mjs --kind weasyprint --content synthetic-2031
 *   node test/designs/outside/make.mjs --kind scribus --content synthetic-2031
 *
 * `libreoffice`: a plain HTML document written for LibreOffice Writer (headings, paragraphs,
 * tables, page breaks; no CSS layout), converted by `soffice --headless --convert-to pdf`:
 * Writer's own line breaking, table layout, fonts and PDF writer. `handmade`: a design written by
 * hand in handmade.mjs (axes the generator does not have), printed by headless Chromium. `groff`:
 * troff source (groff.mjs) typeset by groff to PostScript and converted by Ghostscript's ps2pdf.
 * `latex`: LaTeX source (latex.mjs) typeset by pdflatex (pdfTeX's own PDF writer).
 * `weasyprint`: HTML and CSS (weasyprint.mjs) laid out and written to PDF by WeasyPrint.
 * `scribus`: a plan (scribus.mjs) laid out in text frames by Scribus's Python scripter
 * (scribus-layout.py, under xvfb-run) and written by Scribus's own PDF writer.
 * Needs soffice (Debian libreoffice-writer-nogui), chromium, groff and ghostscript, pdflatex
 * (texlive-latex-recommended, texlive-lang-french, texlive-fonts-recommended) or weasyprint, and poppler-utils. Project pages are
 * found as generate.mjs finds them (../printed.mjs): each title searched in `pdftotext` output after
 * the sommaire; the sommaire is re-rendered with them until they no longer move.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writerHtml, WRITER_DESCRIPTION } from './writer.mjs';
import { handmadeHtml, HANDMADE_DESCRIPTION } from './handmade.mjs';
import { groffSource, GROFF_DESCRIPTION } from './groff.mjs';
import { latexSource, LATEX_DESCRIPTION } from './latex.mjs';
import { weasyprintHtml, WEASYPRINT_DESCRIPTION } from './weasyprint.mjs';
import { scribusPlan, SCRIBUS_DESCRIPTION } from './scribus.mjs';
import { checkPrinted, locate, pdfPages, printChromium, run, writeExpected } from '../printed.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Prints `html` with LibreOffice Writer (HTML import into Writer proper, PDF export). */
function printWriter(html, pdf, work) {
  const source = join(work, 'source.html');
  writeFileSync(source, html);
  run('soffice', [`-env:UserInstallation=file://${join(work, 'lo-profile')}`, '--headless', '--infilter=HTML (StarWriter)',
    '--convert-to', 'pdf:writer_pdf_Export', '--outdir', work, source]);
  copyFileSync(join(work, 'source.pdf'), pdf);
}

/** Typesets troff source with groff (tbl, UTF-8 input) to PostScript, converted to PDF by Ghostscript's ps2pdf. */
function printGroff(source, pdf, work) {
  const input = join(work, 'source.tr');
  writeFileSync(input, source);
  const ps = join(work, 'source.ps');
  writeFileSync(ps, execFileSync('groff', ['-t', '-k', '-Tps', '-dpaper=a4', '-P-pa4', input], { maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'pipe'] }));
  run('ps2pdf', ['-sPAPERSIZE=a4', ps, pdf]);
}

/** Typesets LaTeX source with pdflatex (one run: no cross-references), stopping at the first error. */
function printLatex(source, pdf, work) {
  writeFileSync(join(work, 'source.tex'), source);
  execFileSync('pdflatex', ['-interaction=nonstopmode', '-halt-on-error', 'source.tex'],
    { cwd: work, stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000, maxBuffer: 256 << 20, env: { ...process.env, SOURCE_DATE_EPOCH: '1964534400', FORCE_SOURCE_DATE: '1' } });
  copyFileSync(join(work, 'source.pdf'), pdf);
}

/** Lays out and writes `html` with WeasyPrint (its own layout engine and PDF writer). */
function printWeasyprint(html, pdf, work) {
  const source = join(work, 'source.html');
  writeFileSync(source, html);
  run('weasyprint', ['--quiet', source, pdf]);
}

/** Lays out the plan with Scribus (scribus-layout.py in its Python scripter, headless under Xvfb) and its own PDF writer. */
function printScribus(plan, pdf, work) {
  const source = join(work, 'source.json');
  writeFileSync(source, plan);
  run('xvfb-run', ['-a', 'scribus', '-g', '-ns', '-py', join(dirname(fileURLToPath(import.meta.url)), 'scribus-layout.py'), source, pdf]);
}

const KINDS = {
  libreoffice: { render: writerHtml, print: printWriter, description: WRITER_DESCRIPTION, producer: () => run('soffice', ['--version']).trim() },
  handmade: { render: handmadeHtml, print: printChromium, description: HANDMADE_DESCRIPTION, producer: () => run('chromium', ['--version']).trim() },
  groff: {
    render: groffSource, print: printGroff, description: GROFF_DESCRIPTION, source: 'source.tr',
    producer: () => `${run('groff', ['--version']).split('\n')[0]}; Ghostscript ${run('gs', ['--version']).trim()} (ps2pdf)`,
  },
  latex: { render: latexSource, print: printLatex, description: LATEX_DESCRIPTION, source: 'source.tex',
    // textcomp's Times euro is drawn from a « C » (virtual font): its text is « C », not « € ».
    asPrinted: (s) => s.replace(/€/g, 'C'), producer: () => run('pdflatex', ['--version']).split('\n')[0] },
  scribus: { render: scribusPlan, print: printScribus, description: SCRIBUS_DESCRIPTION, source: 'source.json',
    producer: () => `Scribus ${run('dpkg-query', ['-W', '-f', '${Version}', 'scribus'])} (Debian package), its Python scripter and PDF writer` },
  weasyprint: { render: weasyprintHtml, print: printWeasyprint, description: WEASYPRINT_DESCRIPTION, producer: () => run('weasyprint', ['--version']).trim() },
};

function make(kind, content) {
  const spec = KINDS[kind];
  const doc = JSON.parse(readFileSync(join(root, 'fixtures', content, 'expected.json'), 'utf8'));
  const folder = join(root, 'fixtures/designs', `${content}-${kind}`);
  mkdirSync(folder, { recursive: true });
  const pdf = join(folder, 'input.pdf');
  const work = mkdtempSync(join(tmpdir(), `outside-${kind}-`));
  let pages = new Map();
  let located;
  let rendered;
  try {
    for (let pass = 1; ; pass++) {
      rendered = spec.render(doc, pages);
      spec.print(rendered.html, pdf, work);
      located = locate(doc, pdfPages(pdf), rendered);
      if ([...located.starts].every(([n, p]) => pages.get(n) === p)) break;
      if (pass >= 4) throw new Error(`${kind}: project pages still move after ${pass} prints`);
      pages = located.starts;
    }
    checkPrinted(doc, [...pdfPages(pdf, ['-layout']), ...pdfPages(pdf)], spec.asPrinted);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const { pageCount } = writeExpected(doc, pdf, located, folder);
  writeFileSync(join(folder, spec.source ?? 'source.html'), rendered.html);
  const design = { content, id: kind, outside: true, generator: 'test/designs/outside/make.mjs', command: `node test/designs/outside/make.mjs --kind ${kind} --content ${content}`,
    printedWith: spec.producer(), pageCount, unusual: spec.description };
  writeFileSync(join(folder, 'design.json'), `${JSON.stringify(design, null, 2)}\n`);
  return { folder, pageCount };
}

const { values } = parseArgs({ options: { kind: { type: 'string' }, content: { type: 'string' } } });
if (!KINDS[values.kind] || !values.content) {
  process.stderr.write(`usage: make.mjs --kind ${Object.keys(KINDS).join('|')} --content CONTENT\n`);
  process.exit(2);
}
try {
  const { folder, pageCount } = make(values.kind, values.content);
  process.stdout.write(`${folder}: ${pageCount} pages\n`);
} catch (error) {
  process.stderr.write(`make: ${error.message}\n`);
  process.exit(1);
}
