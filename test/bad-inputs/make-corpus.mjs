#!/usr/bin/env node
/**
 * Generates the bad-input corpus: damaged, hostile and oddly encoded variants of the 2019
 * brochure, plus small hand-built PDFs. Deterministic (seeded), so a failing case can be rebuilt.
 *
 *   node test/bad-inputs/make-corpus.mjs [--out DIR]   corpus + manifest.json into DIR
 *                                                      (default fixtures/bad/generated/, git-ignored)
 *   node test/bad-inputs/make-corpus.mjs --encrypted   rebuilds the committed fixtures/bad/encrypted-*.pdf
 *                                                      (needs qpdf; the tests only read the results)
 *
 * To grow the corpus, add a case to `cases()` and its expectation to test/bad-inputs.test.ts (a case
 * without an expectation fails the test, so none passes unchecked).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';
import { random as rng } from '../designs/random.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The brochure every damaged variant starts from. */
export const BROCHURE_PDF = join(ROOT, 'fixtures/inet-2019/input.pdf');
/** The converter text of the same brochure. */
export const BROCHURE_TXT = join(ROOT, 'fixtures/inet-2019/input.txt');
/** Committed fixtures (those that need qpdf to build). */
export const COMMITTED_DIR = join(ROOT, 'fixtures/bad');
/** Passwords of the committed encrypted fixtures. */
export const PASSWORDS = { user: 'brochure-user', owner: 'brochure-owner' };

// ---------------------------------------------------------------------------
// Seeded randomness and mutations (shared with test/fuzz.mjs)
// ---------------------------------------------------------------------------

/** A small seeded generator (mulberry32, shared with the design generator): same seed, same sequence, on every machine. */
export { rng };

/** A random integer in [0, n). */
const below = (random, n) => Math.floor(random() * n);

/**
 * Flips `count` random bits.
 * @param {Uint8Array} bytes Input (not changed).
 * @param {() => number} random Seeded generator.
 * @param {number} count Bits to flip.
 * @returns {Uint8Array} A changed copy.
 */
export function flipBits(bytes, random, count) {
  const out = Uint8Array.from(bytes);
  for (let i = 0; i < count; i++) out[below(random, out.length)] ^= 1 << below(random, 8);
  return out;
}

/**
 * Applies one random mutation: bit flips, a truncation, a chunk duplicated or a chunk deleted.
 * @param {Uint8Array} bytes Input (not changed).
 * @param {() => number} random Seeded generator.
 * @returns {{ bytes: Uint8Array, kind: string, detail: string }} The mutant and what was done.
 */
export function mutate(bytes, random) {
  const kind = ['flip', 'truncate', 'duplicate', 'delete'][below(random, 4)];
  const n = bytes.length;
  if (kind === 'flip') {
    const count = 1 + below(random, 64);
    return { bytes: flipBits(bytes, random, count), kind, detail: `${count} bits` };
  }
  if (kind === 'truncate') {
    const keep = below(random, n);
    return { bytes: bytes.slice(0, keep), kind, detail: `keep ${keep} of ${n}` };
  }
  const length = 1 + below(random, Math.min(65536, n));
  const from = below(random, n - length + 1);
  if (kind === 'delete') {
    const out = new Uint8Array(n - length);
    out.set(bytes.subarray(0, from), 0);
    out.set(bytes.subarray(from + length), from);
    return { bytes: out, kind, detail: `delete ${length} at ${from}` };
  }
  const at = below(random, n + 1);
  const out = new Uint8Array(n + length);
  out.set(bytes.subarray(0, at), 0);
  out.set(bytes.subarray(from, from + length), at);
  out.set(bytes.subarray(at), at + length);
  return { bytes: out, kind, detail: `copy ${length} from ${from} to ${at}` };
}

// ---------------------------------------------------------------------------
// Hand-built PDFs
// ---------------------------------------------------------------------------

/**
 * Assembles a PDF with a correct cross-reference table.
 * @param {(string | Buffer)[]} objects Body of object i + 1 (without `obj` / `endobj`).
 * @param {string} trailer Extra trailer entries (the root is object 1).
 * @returns {Buffer} The file.
 */
export function buildPdf(objects, trailer = '') {
  const parts = [Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1')];
  let length = parts[0].length;
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R ${trailer}>>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A stream object body: dictionary entries plus data. */
function stream(dict, data) {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, 'latin1');
  return Buffer.concat([Buffer.from(`<< ${dict} /Length ${bytes.length} >>\nstream\n`, 'latin1'), bytes, Buffer.from('\nendstream', 'latin1')]);
}

const A4 = '/MediaBox [0 0 595 842]';

/** A PDF string literal, escaped. */
const pdfString = (text) => `(${text.replace(/[\\()]/g, '\\$&')})`;

/** Two pages of ordinary prose with a real text layer: a valid PDF that is not a brochure. */
function notABrochurePdf() {
  const page = (lines) => `BT /F1 11 Tf 14 TL 60 780 Td ${lines.map((l) => `${pdfString(l)} '`).join(' ')} ET`;
  const p1 = [
    'Rapport d activite 2020',
    'Service des espaces verts de la commune',
    '',
    'Au cours de l annee, le service a entretenu quarante hectares de parcs et',
    'jardins, plante deux cents arbres et renouvele le mobilier urbain de trois',
    'squares. Les equipes ont ete renforcees pendant la saison estivale.',
    'Le budget de fonctionnement est reste stable par rapport a l exercice',
    'precedent, les investissements ont porte sur le materiel electrique.',
  ];
  const p2 = ['Perspectives', '', 'Le plan de gestion differenciee sera etendu a l ensemble des quartiers.', 'Une concertation avec les habitants est prevue au printemps.'];
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>',
    `<< /Type /Page /Parent 2 0 R ${A4} /Contents 5 0 R /Resources << /Font << /F1 7 0 R >> >> >>`,
    `<< /Type /Page /Parent 2 0 R ${A4} /Contents 6 0 R /Resources << /Font << /F1 7 0 R >> >> >>`,
    stream('', page(p1)),
    stream('', page(p2)),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
  ]);
}

/** Three pages that each paint one grey image and no text: a scan without OCR. */
function imageOnlyPdf() {
  const side = 64;
  const pixels = Buffer.alloc(side * side);
  for (let y = 0; y < side; y++) for (let x = 0; x < side; x++) pixels[y * side + x] = ((x >> 3) + (y >> 3)) % 2 ? 0x30 : 0xd0;
  const pages = [3, 4, 5];
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pages.map((p) => `${p} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    ...pages.map(() => `<< /Type /Page /Parent 2 0 R ${A4} /Contents 6 0 R /Resources << /XObject << /Im0 7 0 R >> >> >>`),
    stream('', 'q 495 0 0 742 50 50 cm /Im0 Do Q'),
    stream(`/Type /XObject /Subtype /Image /Width ${side} /Height ${side} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode`, deflateSync(pixels)),
  ]);
}

/**
 * A page tree of `count` blank pages sharing one empty content stream, in nodes of 100 kids.
 * @param {number} count Pages.
 * @returns {Buffer} The file.
 */
function manyPagesPdf(count) {
  const perNode = 100;
  const nodes = Math.ceil(count / perNode);
  // Objects: 1 catalog, 2 root Pages, 3 content, 4..(3+nodes) intermediate nodes, then the pages.
  const firstNode = 4;
  const firstPage = firstNode + nodes;
  const objects = ['<< /Type /Catalog /Pages 2 0 R >>'];
  objects.push(`<< /Type /Pages /Kids [${Array.from({ length: nodes }, (_, i) => `${firstNode + i} 0 R`).join(' ')}] /Count ${count} >>`);
  objects.push(stream('', ''));
  for (let i = 0; i < nodes; i++) {
    const kids = Array.from({ length: Math.min(perNode, count - i * perNode) }, (_, k) => firstPage + i * perNode + k);
    objects.push(`<< /Type /Pages /Parent 2 0 R /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`);
  }
  for (let p = 0; p < count; p++) objects.push(`<< /Type /Page /Parent ${firstNode + Math.floor(p / perNode)} 0 R ${A4} /Contents 3 0 R /Resources << >> >>`);
  return buildPdf(objects);
}

/** A page tree whose /Count claims a billion pages but holds one. */
function countLiePdf() {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>',
    `<< /Type /Page /Parent 2 0 R ${A4} /Contents 4 0 R /Resources << >> >>`,
    stream('', ''),
  ]);
}

/** A page tree that lists itself among its kids (a cycle). */
function pageTreeLoopPdf() {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>',
    '<< /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >>',
  ]);
}

/**
 * One page whose resources hold arrays nested `depth` deep: a recursive parser runs out of stack.
 * @param {number} depth Nesting.
 * @returns {Buffer} The file.
 */
function deepNestingPdf(depth) {
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R ${A4} /Contents 4 0 R /Resources << /X ${'['.repeat(depth)}${']'.repeat(depth)} >> >>`,
    stream('', 'BT ET'),
  ]);
}

/**
 * One page whose content stream inflates from a few hundred KiB to `megabytes` MiB of blanks.
 * @param {number} megabytes Inflated size.
 * @returns {Buffer} The file.
 */
function deflateBombPdf(megabytes) {
  const inflated = Buffer.alloc(megabytes * 1024 * 1024, 0x20);
  return buildPdf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R ${A4} /Contents 4 0 R /Resources << >> >>`,
    stream('/Filter /FlateDecode', deflateSync(inflated, { level: 9 })),
  ]);
}

// ---------------------------------------------------------------------------
// Text variants
// ---------------------------------------------------------------------------

/** Windows-1252 bytes 0x80-0x9F (the rest is Latin-1); written out because Node 20.18.3+ decodes them as Latin-1 (nodejs/node#60888). */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/**
 * Encodes text in Windows-1252, as an old editor saving "ANSI" would; characters outside it become "?".
 * @param {string} text Text.
 * @returns {Buffer} Bytes.
 */
export function encodeWindows1252(text) {
  const out = [];
  for (const ch of text) {
    const code = ch.codePointAt(0);
    const high = CP1252_HIGH.indexOf(ch);
    out.push(high >= 0 ? 0x80 + high : code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : 0x3f);
  }
  return Buffer.from(out);
}

/** Junk that carries no e-mail and no rubrique heading: what a damaged project body looks like. */
export const JUNK_LINES = [
  'ÿþ¤¤¤ zone illisible ¤¤¤',
  '',
  'lorem ipsum dolor sit amet consectetur adipiscing',
  '',
  '#### ???? ####',
  '',
  'texte sans structure, ni courriel ni intertitre',
];

/**
 * Damages one project of the converter text: its number, title, organisation and « LES AUTEURS »
 * stay; everything after them up to the next project's section line becomes junk.
 * @param {string} text The converter text.
 * @param {number} numero Project to damage (not the last one).
 * @returns {{ text: string, junk: string[] }} The damaged text and the junk lines put in.
 */
export function damageProject(text, numero) {
  const lines = text.split('\n');
  const number = (n) => lines.findIndex((line, i) => line === String(n).padStart(2, '0') && lines.slice(i + 1, i + 40).includes('LES AUTEURS'));
  const start = number(numero);
  const next = number(numero + 1);
  if (start < 0 || next < 0) throw new Error(`project ${numero} or ${numero + 1} not found`);
  const authors = lines.indexOf('LES AUTEURS', start);
  let section = next - 1;
  while (section > authors && lines[section].trim() === '') section--; // the section line right above the next number
  const junk = JUNK_LINES.filter((line) => line !== '');
  const damaged = [...lines.slice(0, authors + 1), '', ...JUNK_LINES, '', ...lines.slice(section)];
  return { text: damaged.join('\n'), junk };
}

// ---------------------------------------------------------------------------
// The corpus
// ---------------------------------------------------------------------------

/**
 * Every generated case: file name and content, with a note on what it is.
 * @returns {{ name: string, note: string, bytes: Buffer | Uint8Array }[]}
 */
export function cases() {
  const pdf = readFileSync(BROCHURE_PDF);
  const txt = readFileSync(BROCHURE_TXT, 'utf8');
  const random = rng(20190);
  const randomBytes = Buffer.from(Array.from({ length: 64 * 1024 }, () => below(random, 256)));
  const cut = (fraction) => pdf.subarray(0, Math.floor(pdf.length * fraction));
  return [
    { name: 'empty.pdf', note: 'zero bytes, named .pdf', bytes: Buffer.alloc(0) },
    { name: 'empty.txt', note: 'zero bytes, named .txt', bytes: Buffer.alloc(0) },
    { name: 'blank.txt', note: 'only white space', bytes: Buffer.from('  \n\n   \n') },
    { name: 'random.pdf', note: '64 KiB of random bytes, named .pdf', bytes: randomBytes },
    { name: 'binary.txt', note: '64 KiB of random bytes, named .txt', bytes: randomBytes },
    {
      name: 'html.pdf',
      note: 'an HTML error page saved as .pdf',
      bytes: Buffer.from('<!DOCTYPE html>\n<html><head><title>404 Not Found</title></head><body><h1>Not Found</h1></body></html>\n'),
    },
    { name: 'truncated-10.pdf', note: 'first 10 % of the brochure', bytes: cut(0.1) },
    { name: 'truncated-50.pdf', note: 'first 50 % of the brochure', bytes: cut(0.5) },
    { name: 'truncated-90.pdf', note: 'first 90 % of the brochure', bytes: cut(0.9) },
    { name: 'truncated-last1k.pdf', note: 'the brochure without its last 1 KiB (xref and trailer)', bytes: pdf.subarray(0, pdf.length - 1024) },
    ...[1, 2, 3].map((seed) => ({ name: `bitflip-${seed}.pdf`, note: `the brochure with 32 random bits flipped (seed ${seed})`, bytes: flipBits(pdf, rng(seed), 32) })),
    { name: 'image-only.pdf', note: 'three pages, one image each, no text layer', bytes: imageOnlyPdf() },
    { name: 'not-brochure.pdf', note: 'a valid two-page PDF with text that is not a brochure', bytes: notABrochurePdf() },
    { name: 'not-brochure.txt', note: 'plain prose, no sommaire and no numbered project', bytes: Buffer.from('Compte rendu de réunion\n\nLe conseil s’est réuni le 3 mars.\n\n- point 1 : budget\n- point 2 : travaux\n') },
    { name: 'pages-5000.pdf', note: '5 000 blank pages sharing one empty content stream', bytes: manyPagesPdf(5000) },
    { name: 'count-lie.pdf', note: 'page tree /Count 1 000 000 000 over one page', bytes: countLiePdf() },
    { name: 'page-tree-loop.pdf', note: 'page tree that contains itself', bytes: pageTreeLoopPdf() },
    { name: 'deflate-bomb.pdf', note: 'one page, content stream inflating 64 KiB to 64 MiB of blanks', bytes: deflateBombPdf(64) },
    { name: 'deep-nesting.pdf', note: 'page resources nested 100 000 arrays deep', bytes: deepNestingPdf(100_000) },
    {
      name: 'bracket-storm.txt',
      note: '300 000 "[" then 300 000 "](" on one line: was quadratic work for the link pattern of the text adapter',
      bytes: Buffer.from(`${'['.repeat(300_000)}${']('.repeat(300_000)}\n`),
    },
    {
      name: 'markup-storm.txt',
      note: '100 000 each of "^{", "<http://x" and "<ul " on one line, never closed: was quadratic for the other inline patterns',
      bytes: Buffer.from(`${'^{'.repeat(100_000)}${'<http://x'.repeat(100_000)}${'<ul '.repeat(100_000)}\n`),
    },
    {
      name: 'heading-storm.txt',
      note: '200 000 repetitions of "01" / "LES AUTEURS" with no blank line: one block of 400 000 lines, was quadratic to join',
      bytes: Buffer.from('01\nLES AUTEURS\n'.repeat(200_000)),
    },
    { name: 'latin1.txt', note: 'the converter text in Windows-1252 (■ and → become ?)', bytes: encodeWindows1252(txt) },
    { name: 'bom.txt', note: 'the converter text, UTF-8 with a byte-order mark', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(txt)]) },
    { name: 'crlf.txt', note: 'the converter text with CRLF line ends', bytes: Buffer.from(txt.replace(/\n/g, '\r\n')) },
    { name: 'bom-crlf.txt', note: 'UTF-8 with BOM and CRLF line ends (Windows Notepad)', bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(txt.replace(/\n/g, '\r\n'))]) },
    { name: 'utf16.txt', note: 'the converter text in UTF-16LE with BOM (Windows "Unicode")', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(txt, 'utf16le')]) },
    { name: 'damaged-project.txt', note: 'project 05 body replaced by junk (no e-mail, no rubrique)', bytes: Buffer.from(damageProject(txt, 5).text) },
  ];
}

/**
 * Writes the corpus and its manifest.
 * @param {string} dir Output folder (created).
 * @returns {{ name: string, note: string, file: string, size: number }[]} The manifest.
 */
export function makeCorpus(dir) {
  mkdirSync(dir, { recursive: true });
  const manifest = cases().map(({ name, note, bytes }) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return { name, note, file, size: bytes.length };
  });
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}

/**
 * Rebuilds the committed encrypted fixtures with qpdf (AES-256, object streams to keep them small). The AES-256 file key is random, so a rebuild gives equivalent, not identical, bytes.
 * @returns {string[]} The files written.
 */
export function makeEncrypted() {
  mkdirSync(COMMITTED_DIR, { recursive: true });
  const common = ['--object-streams=generate', '--recompress-flate', '--compression-level=9'];
  const user = join(COMMITTED_DIR, 'encrypted-user.pdf');
  const owner = join(COMMITTED_DIR, 'encrypted-owner.pdf');
  execFileSync('qpdf', [...common, '--encrypt', PASSWORDS.user, PASSWORDS.owner, '256', '--', BROCHURE_PDF, user]);
  // Owner password only: anyone may open it; printing and copying are "forbidden" by flags pdf.js ignores.
  execFileSync('qpdf', [...common, '--encrypt', '', PASSWORDS.owner, '256', '--print=none', '--modify=none', '--extract=n', '--', BROCHURE_PDF, owner]);
  return [user, owner];
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  if (args.includes('--encrypted')) {
    for (const file of makeEncrypted()) console.log(`${file} (${readFileSync(file).length} bytes)`);
  } else {
    const at = args.indexOf('--out');
    const dir = resolve(at >= 0 && args[at + 1] ? args[at + 1] : join(ROOT, 'fixtures/bad/generated'));
    const manifest = makeCorpus(dir);
    console.log(`${manifest.length} cases in ${dir}`);
  }
}
