#!/usr/bin/env node
/**
 * Adopts a PDF made by someone else (a user's file) as a committed design: copies it to
 * fixtures/designs/<content>-<id>/input.pdf and writes expected.json (the content's expected
 * document with this PDF's project pages, found as generate.mjs finds them: ../printed.mjs) and
 * design.json (`"outside": true`, where the file comes from, what is unusual). Nothing is
 * rendered: the PDF is kept byte for byte.
 *
 *   node test/designs/outside/adopt.mjs --pdf ../shared/corpus/inet-2019-redesign.pdf --content inet-2019 \
 *     --id redesign --roster 'PROMOTION GEORGES' --dividers --unusual 'sommaire set as a table…' …
 *
 * Needs poppler-utils (pdftotext, pdfinfo).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { checkPrinted, locate, pdfPages, run, writeExpected } from '../printed.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const { values } = parseArgs({ options: {
  pdf: { type: 'string' }, content: { type: 'string' }, id: { type: 'string' }, roster: { type: 'string' },
  dividers: { type: 'boolean', default: false }, unusual: { type: 'string', multiple: true, default: [] }, from: { type: 'string' },
} });
if (!values.pdf || !values.content || !values.id || !values.roster) {
  process.stderr.write('usage: adopt.mjs --pdf FILE --content CONTENT --id ID --roster TEXT [--dividers] [--from WHO] [--unusual TEXT]...\n');
  process.exit(2);
}
const doc = JSON.parse(readFileSync(join(root, 'fixtures', values.content, 'expected.json'), 'utf8'));
const folder = join(root, 'fixtures/designs', `${values.content}-${values.id}`);
mkdirSync(folder, { recursive: true });
const pdf = join(folder, 'input.pdf');
copyFileSync(values.pdf, pdf);
// The roster heading's first words find the roster pages; dividers: a section page before each section's first project.
// Ligatures as the PDF's fonts print them (« ﬁ ») read as their letters.
const pages = (mode) => pdfPages(pdf, mode).map((text) => text.normalize('NFKC'));
const located = locate(doc, pages(), { rosterNeedle: values.roster, dividers: values.dividers });
checkPrinted(doc, [...pages(['-layout']), ...pages()]);
const { pageCount } = writeExpected(doc, pdf, located, folder);
const producer = run('pdfinfo', [pdf]).split('\n').filter((line) => /^(Creator|Producer):/.test(line)).map((line) => line.replace(/\s+/g, ' ')).join('; ');
const design = { content: values.content, id: values.id, outside: true, adopted: basename(values.pdf), from: values.from ?? 'a user', generator: 'test/designs/outside/adopt.mjs',
  command: `node test/designs/outside/adopt.mjs --pdf ${values.pdf} --content ${values.content} --id ${values.id} --roster '${values.roster}'${values.dividers ? ' --dividers' : ''}`,
  printedWith: producer, pageCount, unusual: values.unusual };
writeFileSync(join(folder, 'design.json'), `${JSON.stringify(design, null, 2)}\n`);
process.stdout.write(`${folder}: ${pageCount} pages\n`);
