#!/usr/bin/env node
/**
 * Hand-made PDFs with the text-layer faults no producer at hand writes on demand, as small pages
 * in Courier (every glyph 0.6 em wide, so positions are exact without font metrics):
 *
 * - `letter-by-letter.pdf`: every glyph drawn on its own with an explicit position (`Tm`), word
 *   spaces left as gaps, as some design tools and PDF printers do;
 * - `drawn-twice.pdf`: headings and one body line drawn twice, the second copy 0.25 pt to the
 *   right: a "fake bold".
 *
 *   node test/producers/make-faults.mjs      writes fixtures/producers/faults/
 *
 * The expected reading of each page is `FAULT_TEXT` (exported for test/text-layer.test.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPdf } from '../bad-inputs/make-corpus.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const OUT = join(ROOT, 'fixtures/producers/faults');

/** The text of the hand-made pages: a heading, then paragraphs (each a list of printed lines). */
export const FAULT_TEXT = {
  heading: 'LE CONTEXTE',
  paragraphs: [
    ['La communaute de communes regroupe quarante villages', 'et pres de trente mille habitants depuis sa creation.'],
    ['Les equipes ont rencontre les maires et les agents', 'des services techniques au cours de la mission.'],
  ],
};

const SIZE = 10;
const LEADING = 14;
const ADVANCE = 0.6 * SIZE;
const pdfString = (text) => `(${text.replace(/[\\()]/g, '\\$&')})`;

/**
 * One line drawn glyph by glyph, each in its own text object at its own absolute position, with
 * the uneven kerning of a justified line (-0.4 to +0.6 pt, repeating) and no space glyphs.
 */
function letterByLetter(text, x, y, font = '/F1') {
  const ops = ['ET'];
  let at = x;
  [...text].forEach((char, i) => {
    if (char !== ' ') ops.push(`BT ${font} ${SIZE} Tf 1 0 0 1 ${at.toFixed(2)} ${y} Tm ${pdfString(char)} Tj ET`);
    at += ADVANCE + [-0.4, 0.1, 0.6, -0.2, 0.3][i % 5];
  });
  ops.push('BT');
  return ops.join('\n');
}

/** One line drawn in one go. */
function whole(text, x, y, font = '/F1') {
  return `${font} ${SIZE} Tf 1 0 0 1 ${x} ${y} Tm ${pdfString(text)} Tj`;
}

function page(draw) {
  const ops = ['BT'];
  let y = 760;
  ops.push(draw(FAULT_TEXT.heading, 72, y, true, 0));
  y -= 2 * LEADING;
  FAULT_TEXT.paragraphs.forEach((lines, p) => {
    lines.forEach((line, l) => {
      ops.push(draw(line, 72, y, false, p * 10 + l));
      y -= LEADING;
    });
    y -= LEADING;
  });
  ops.push('ET');
  return ops.join('\n');
}

function onePagePdf(content) {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>',
    Buffer.concat([Buffer.from(`<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n`), Buffer.from(content, 'latin1'), Buffer.from('\nendstream')]),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Courier-Bold /Encoding /WinAnsiEncoding >>',
  ]);
}

/** The two fault PDFs, by file name. */
export function faultPdfs() {
  return {
    'letter-by-letter.pdf': onePagePdf(page((text, x, y, heading) => letterByLetter(text, x, y, heading ? '/F2' : '/F1'))),
    // The heading and the first body line drawn twice, 0.25 pt apart.
    'drawn-twice.pdf': onePagePdf(page((text, x, y, heading, index) => (heading || index === 0 ? `${whole(text, x, y)}\n${whole(text, x + 0.25, y)}` : whole(text, x, y)))),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(OUT, { recursive: true });
  for (const [name, bytes] of Object.entries(faultPdfs())) {
    writeFileSync(join(OUT, name), bytes);
    console.log(`make-faults: ${name} ${bytes.length} bytes`);
  }
}
