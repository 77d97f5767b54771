#!/usr/bin/env node
/**
 * The floor of the cold CLI comparison (issue 11): a fresh process that loads pdf.js, opens the
 * PDF and calls getTextContent on every page, nothing else. `npm run bench` runs it side by side
 * with the CLI and pdftotext.   node bench/pdfjs-alone.mjs FILE.pdf
 */
import { readFileSync } from 'node:fs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await getDocument({ data, isEvalSupported: false, disableFontFace: true, verbosity: 0 }).promise;
let items = 0;
for (let number = 1; number <= doc.numPages; number++) {
  const page = await doc.getPage(number);
  items += (await page.getTextContent()).items.length;
  page.cleanup();
}
await doc.destroy();
process.stdout.write(`${doc.numPages} pages, ${items} items\n`);
