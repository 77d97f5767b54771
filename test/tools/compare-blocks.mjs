#!/usr/bin/env node
/**
 * Dev tool: compares the PDF adapter's blocks with the converter text of the same brochure.
 *
 *   npx tsc -p tsconfig.json && node test/tools/compare-blocks.mjs [case] [--side] [--missing] [--json]
 *
 * Converter paragraphs = text between blank lines, markup removed (`**`, `*`, `^{er}`, `[t](#)`,
 * `<url>`, `\(`), each `- ` item and each tab-separated table row its own unit (as the text adapter
 * cuts them). It reports how many of them are found verbatim (white space folded) among the PDF
 * block texts, and the same against the text adapter's blocks when `src/extract/text.ts` exists.
 * `--side` prints both streams aligned (LCS): `=` same, `<` PDF only, `>` converter only.
 * `--missing` lists converter paragraphs not found, with the PDF block that starts alike.
 * The compiled modules are read from dist/ (or from $BUILD_DIR).
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const root = resolve(import.meta.dirname, '../..');
const build = resolve(process.env.BUILD_DIR ?? join(root, 'dist'));
const args = process.argv.slice(2);
const fixture = args.find((arg) => !arg.startsWith('--')) ?? 'inet-2019';
const dir = join(root, 'fixtures', fixture);

const { readPdfPages } = await import(pathToFileURL(join(build, 'extract/pdf.js')).href);
const { layoutPages } = await import(pathToFileURL(join(build, 'extract/layout.js')).href);
let readText = null;
try {
  ({ readText } = await import(pathToFileURL(join(build, 'extract/text.js')).href));
} catch {
  // The text adapter is optional here.
}

const fold = (text) => text.replace(/\s+/g, ' ').trim();
const t0 = performance.now();
const pages = await readPdfPages(new Uint8Array(readFileSync(join(dir, 'input.pdf'))));
const t1 = performance.now();
const pdf = layoutPages(pages);
const t2 = performance.now();
const source = readFileSync(join(dir, 'input.txt'), 'utf8');

/** Converter paragraphs, markup removed, cut like the text adapter cuts them. */
function converterParagraphs(text) {
  const clean = (line) =>
    line
      .replace(/\^\[\d+\]/g, '')
      .replace(/\^\{([^}]*)\}/g, '$1')
      .replace(/\^(\p{L}+)/gu, '$1')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<((?:https?|ftp):\/\/[^>\s]+)>/g, '$1')
      .replace(/<\/?(?:ul|li|br|p|span)\b[^>]*>/gi, ' ')
      .replace(/\\([()[\]*_#>.-])/g, '$1')
      .replace(/\*\*/g, '')
      .replace(/(^|[\s(«"])\*(?=\S)/g, '$1')
      .replace(/(\S)\*(?=$|[\s.,;:!?)»"])/g, '$1')
      .replace(/^\s*>\s?/, '');
  const out = [];
  for (const para of text.replace(/\r\n?/g, '\n').split(/\n[ \t\u00a0\u200b]*\n/)) {
    let current = [];
    const flush = () => {
      const joined = fold(current.join(' '));
      if (joined !== '') out.push(joined);
      current = [];
    };
    for (const raw of para.split('\n')) {
      if (raw.includes('\t')) {
        flush();
        out.push(fold(raw.split('\t').map((cell) => fold(clean(cell)).replace(/\s*•\s*/g, ' • ').trim()).join(' | ')));
        continue;
      }
      const line = clean(raw);
      const bullet = /^\s*[-*+•▪■]\s+(.*)$/.exec(line);
      if (bullet) {
        flush();
        current.push(bullet[1]);
        continue;
      }
      current.push(line);
    }
    flush();
  }
  return out;
}

function report(name, reference, blocks) {
  const have = new Set(blocks.map((block) => fold(block.text)));
  const found = reference.filter((para) => have.has(para));
  console.log(`${name}: ${found.length} / ${reference.length} converter paragraphs found verbatim (${((100 * found.length) / reference.length).toFixed(1)} %)`);
  return found.length;
}

const reference = converterParagraphs(source);
console.log(`PDF: ${pages.pageCount} pages, ${pdf.blocks.length} blocks (read ${(t1 - t0).toFixed(0)} ms, layout ${(t2 - t1).toFixed(1)} ms)`);
const kinds = {};
for (const block of pdf.blocks) kinds[block.kind] = (kinds[block.kind] ?? 0) + 1;
console.log('kinds:', JSON.stringify(kinds), 'diagnostics:', pdf.diagnostics.length);
report('PDF blocks vs converter paragraphs', reference, pdf.blocks);
if (readText) {
  const text = readText(source);
  report('text-adapter blocks vs converter paragraphs', reference, text.blocks);
  const have = new Set(pdf.blocks.map((block) => fold(block.text)));
  const found = text.blocks.filter((block) => have.has(fold(block.text))).length;
  console.log(`text-adapter blocks found verbatim among PDF blocks: ${found} / ${text.blocks.length} (${((100 * found) / text.blocks.length).toFixed(1)} %)`);
}

if (args.includes('--missing')) {
  const have = new Set(pdf.blocks.map((block) => fold(block.text)));
  for (const para of reference) {
    if (have.has(para)) continue;
    const head = para.slice(0, 25);
    const near = pdf.blocks.find((block) => fold(block.text).includes(head));
    console.log(`\n- CONV ${JSON.stringify(para.slice(0, 300))}`);
    console.log(`  PDF  ${near ? `p${near.page} ${near.kind} ${JSON.stringify(fold(near.text).slice(0, 300))}` : '(none)'}`);
  }
}

if (args.includes('--side')) {
  const a = pdf.blocks.map((block) => ({ text: fold(block.text), tag: `p${block.page} ${block.kind[0]}` }));
  const b = reference;
  // LCS table over equality of folded texts; fine for a dev tool (a few thousand items).
  const m = a.length;
  const n = b.length;
  const table = Array.from({ length: m + 1 }, () => new Uint16Array(n + 1));
  for (let i = m - 1; i >= 0; i--) {
    for (let j = n - 1; j >= 0; j--) {
      table[i][j] = a[i].text === b[j] ? table[i + 1][j + 1] + 1 : Math.max(table[i + 1][j], table[i][j + 1]);
    }
  }
  const width = 70;
  const cut = (text) => (text.length > width ? `${text.slice(0, width - 1)}…` : text.padEnd(width));
  let i = 0;
  let j = 0;
  while (i < m || j < n) {
    if (i < m && j < n && a[i].text === b[j]) {
      console.log(`= ${a[i].tag.padEnd(8)} ${cut(a[i].text)} | ${cut(b[j])}`);
      i++;
      j++;
    } else if (j >= n || (i < m && table[i + 1][j] >= table[i][j + 1])) {
      console.log(`< ${a[i].tag.padEnd(8)} ${cut(a[i].text)} |`);
      i++;
    } else {
      console.log(`> ${''.padEnd(8)} ${''.padEnd(width)} | ${cut(b[j])}`);
      j++;
    }
  }
}

if (args.includes('--json')) console.log(JSON.stringify(pdf.blocks, null, 1));
