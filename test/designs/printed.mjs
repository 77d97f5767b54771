/**
 * What the design scripts (generate.mjs, outside/make.mjs) do after rendering, whatever printed
 * the PDF: read its pages back with pdftotext, find each project's pages, check that every word of
 * every field was printed, and write the design's expected.json. Needs poppler-utils (pdftotext,
 * pdfinfo) and, for `printChromium`, Debian's chromium.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Letters only, lower case, no accents: to find a title in pdftotext output whatever the line breaks. */
export const letters = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z]/g, '');

/** Runs a command, its output as text. */
export const run = (cmd, args) => execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 300_000, maxBuffer: 256 << 20 });

/** The PDF's pages as pdftotext reads them (`mode`: [] reading order, ['-layout'] as laid out). */
export function pdfPages(pdf, mode = []) {
  return run('pdftotext', [...mode, '-enc', 'UTF-8', pdf, '-']).split('\f').slice(0, -1);
}

/** The Chromium command of this machine. */
export function chromium() {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
    } catch { /* next */ }
  }
  throw new Error('no chromium found (apt-get install -y chromium fonts-liberation fonts-dejavu-core)');
}

/** Prints `html` to `pdf` with headless Chromium, `work` a scratch folder. */
export function printChromium(html, pdf, work) {
  const source = join(work, 'source.html');
  writeFileSync(source, html);
  run(chromium(), ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', `--user-data-dir=${join(work, 'profile')}`, '--no-pdf-header-footer',
    `--print-to-pdf=${pdf}`, `file://${source}`]);
}

/**
 * Each project's first and last page (1-based): its title, first found after the sommaire; a project
 * ends before the next one starts (or before a section divider page), the last before the rosters
 * (the first page after the last project's start holding `rosterNeedle`).
 */
export function locate(doc, texts, { rosterNeedle, dividers }) {
  const folded = texts.map(letters);
  const order = doc.sections.flatMap((s) => s.projets);
  const key = (n) => letters(doc.projets.find((p) => p.numero === n).titre).slice(0, 60);
  const first = (needle, from) => {
    for (let i = from; i < folded.length; i++) if (folded[i].includes(needle)) return i + 1;
    return null;
  };
  const sommaireEnd = first(key(order.at(-1)), 0);
  if (sommaireEnd === null) throw new Error('the sommaire does not print the last project\'s title');
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
 * Every word of every field is printed: `texts` holds the pages as laid out and in reading order
 * (a word cut at the end of a column's line is joined in the latter). `asPrinted` maps an expected
 * text to what the producer prints of it (a glyph whose text differs).
 */
export function checkPrinted(doc, texts, asPrinted = (s) => s) {
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

/**
 * Writes `folder/expected.json`: the content's document with this PDF's source and project pages,
 * and no diagnostics. Returns the PDF's page count.
 */
export function writeExpected(doc, pdf, located, folder) {
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
  return { pageCount, size: bytes.length };
}
