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
 *
 * `libreoffice`: a plain HTML document written for LibreOffice Writer (headings, paragraphs,
 * tables, page breaks; no CSS layout), converted by `soffice --headless --convert-to pdf`:
 * Writer's own line breaking, table layout, fonts and PDF writer. `handmade`: a design written by
 * hand in handmade.mjs (axes the generator does not have), printed by headless Chromium. `groff`:
 * troff source (groff.mjs) typeset by groff to PostScript and converted by Ghostscript's ps2pdf.
 * `latex`: LaTeX source (latex.mjs) typeset by pdflatex (pdfTeX's own PDF writer).
 * `weasyprint`: HTML and CSS (weasyprint.mjs) laid out and written to PDF by WeasyPrint.
 * Needs soffice (Debian libreoffice-writer-nogui), chromium, groff and ghostscript, pdflatex
 * (texlive-latex-recommended, texlive-lang-french, texlive-fonts-recommended) or weasyprint, and poppler-utils. Project pages are
 * found as generate.mjs finds them: each title searched in `pdftotext` output after the sommaire;
 * the sommaire is re-rendered with them until they no longer move.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
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

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

const letters = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');

const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000, maxBuffer: 256 << 20 });

function pdfPages(pdf, mode = []) {
  return run('pdftotext', [...mode, '-enc', 'UTF-8', pdf, '-']).split('\f').slice(0, -1);
}

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

/** Prints `html` with headless Chromium, as generate.mjs does. */
function printChromium(html, pdf, work) {
  const source = join(work, 'source.html');
  writeFileSync(source, html);
  run('chromium', ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${join(work, 'profile')}`, '--no-pdf-header-footer',
    `--print-to-pdf=${pdf}`, `file://${source}`]);
}

/**
 * Each project's first and last page (1-based): its title, first found after the sommaire; a project
 * ends before the next one starts (or before a section divider page), the last before the rosters.
 */
function locate(doc, texts, { rosterNeedle, dividers }) {
  const folded = texts.map(letters);
  const order = doc.sections.flatMap((s) => s.projets);
  const key = (n) => letters(doc.projets.find((p) => p.numero === n).titre).slice(0, 60);
  const first = (needle, from) => {
    for (let i = from; i < folded.length; i++) if (folded[i].includes(needle)) return i + 1;
    return null;
  };
  const sommaireEnd = first(key(order.at(-1)), 0);
  const starts = new Map();
  let from = sommaireEnd;
  for (const n of order) {
    const page = first(key(n), from);
    if (page === null) throw new Error(`projet ${n}: title not found after page ${from}`);
    starts.set(n, page);
    from = page;
  }
  const rosters = first(letters(rosterNeedle), from) ?? texts.length + 1;
  const sectionOf = (n) => doc.projets.find((p) => p.numero === n).section;
  const ends = new Map(order.map((n, i) => {
    const next = order[i + 1];
    if (next === undefined) return [n, rosters - 1];
    return [n, starts.get(next) - 1 - (dividers && sectionOf(next) !== sectionOf(n) ? 1 : 0)];
  }));
  return { starts, ends };
}

/**
 * Every word of every field is printed (pdftotext -layout), as generate.mjs checks. A word cut at
 * the end of a line of a column is joined in the reading-order text (`texts` holds both), where the
 * next column's line does not stand between its halves. `asPrinted` maps an expected text to what
 * the producer prints of it (a glyph whose text differs).
 */
function checkPrinted(doc, texts, asPrinted = (s) => s) {
  const tokens = (s) => asPrinted(s).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
  // A word cut at a line end by hyphenation (« dyna- » / « mique », the hyphen ASCII or U+2010 as WeasyPrint prints it) is printed too.
  const joined = texts.join(' ');
  const printed = new Set([...tokens(joined), ...tokens(joined.replace(/(\p{L})[-\u2010]\n\s*(\p{Ll})/gu, '$1$2'))]);
  // A word cut at the foot of a column or page, its end after the running header: its two halves printed.
  const cutHeads = new Set([...joined.matchAll(/(\p{L}+)[-\u2010]\n/gu)].flatMap((m) => tokens(m[1]).slice(-1)));
  const cutPrinted = (t) => [...cutHeads].some((h) => t.startsWith(h) && printed.has(t.slice(h.length)));
  const missing = [];
  const need = (what, text) => {
    const lost = tokens(text ?? '').filter((t) => !printed.has(t) && !cutPrinted(t));
    if (lost.length) missing.push(`${what} (${lost.slice(0, 3).join(', ')})`);
  };
  need('brochure', `${doc.brochure.titre} ${doc.brochure.edition} ${doc.brochure.datePublication ?? ''}`);
  for (const p of doc.projets) {
    need(`${p.numero} titre`, `${p.titre} ${p.collectivite ?? ''}`);
    for (const a of p.auteurs) need(`${p.numero} author ${a.nom}`, `${a.prenom} ${a.nom} ${a.email ?? ''}`);
    for (const t of p.tuteurs) need(`${p.numero} tutor ${t.nom}`, `${t.prenom} ${t.nom} ${t.fonction ?? ''}`);
    for (const f of p.chiffres) need(`${p.numero} figure ${f.valeur}`, `${f.valeur} ${f.libelle}`);
    for (const a of p.allerPlusLoin) need(`${p.numero} reference`, a.texte);
    for (const b of p.encadres ?? []) need(`${p.numero} box`, `${b.titre ?? ''} ${b.texte}`);
    for (const k of ['contexte', 'problematique', 'clesPourAgir', 'temoignage']) need(`${p.numero} ${k}`, p[k]);
  }
  for (const promo of doc.promotions) for (const m of promo.membres) need(`member ${m.nom}`, `${m.prenom} ${m.nom} ${promo.nom}`);
  if (missing.length) throw new Error(`not found in the printed text: ${missing.slice(0, 6).join('; ')}`);
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
  const bytes = readFileSync(pdf);
  const pageCount = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [pdf]))[1]);
  const expected = structuredClone(doc);
  expected.source = { file: 'input.pdf', sha256: createHash('sha256').update(bytes).digest('hex'), format: 'pdf', pageCount };
  for (const p of expected.projets) {
    p.page = located.starts.get(p.numero);
    p.pages = { debut: located.starts.get(p.numero), fin: located.ends.get(p.numero) };
  }
  expected.diagnostics = [];
  writeFileSync(join(folder, 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);
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
