/**
 * Text-layer faults (src/extract/text-layer.ts): damaged, missing and doubled text layers, from
 * real producers (fixtures/producers/synthetic-2031/, made by test/producers/make-producers.sh)
 * and hand-made PDFs (fixtures/producers/faults/, made by test/producers/make-faults.mjs), plus
 * the repair rules on runs built here.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UNREADABLE_CHAR } from '../src/unreadable.js';
import { extractDocument } from '../src/extract/index.js';
import { checkTextLayer } from '../src/extract/text-layer.js';
import { extractBrochure } from '../src/pipeline.js';
import type { BrochureDocument, PdfPages, PdfTextRun } from '../src/types.js';
// @ts-expect-error -- plain ESM script without types; only FAULT_TEXT is read.
import { FAULT_TEXT } from './producers/make-faults.mjs';

const fixture = (path: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${path}`, import.meta.url)));
const read = (path: string): Promise<BrochureDocument> => extractBrochure(fixture(path), { fileName: 'input.pdf' });
const codes = (document: BrochureDocument, code: string) => document.diagnostics.filter((d) => d.code === code);

/** Diagnostics that would blame the brochure for what it printed in names, e-mails and rosters. */
const BLAMING = /^(EMAIL_|AUTHOR_|PROMOTION_NAME_MISMATCH|ROSTER_|CORPS_PROMOTION_MISMATCH)/;

/** One page of runs, one run per line, 10 pt, 14 pt apart. */
function pagesOf(lines: readonly (string | [string, string])[]): PdfPages {
  const runs: PdfTextRun[] = lines.map((line, i) => {
    const [text, fontName] = typeof line === 'string' ? [line, 'Body'] : line;
    return { text, x: 50, y: 100 + 14 * i, width: 5 * text.length, fontSize: 10, bold: false, fontName };
  });
  return { pageCount: 1, pages: [{ number: 1, width: 595, height: 842, runs, skippedRuns: 0 }] };
}
const textOf = (pages: PdfPages) => pages.pages.flatMap((page) => page.runs.map((run) => run.text));

describe('byte-swapped UTF-16 mappings', () => {
  it('are repaired once a repaired word is printed intact elsewhere, and reported with an example', () => {
    const { pages, diagnostics } = checkTextLayer(pagesOf(['La forma\u7400\u6900on des agents', 'une formation suivie', 'Clo\u7400\u6900lde MARTIN']));
    expect(textOf(pages)).toEqual(['La formation des agents', 'une formation suivie', 'Clotilde MARTIN']);
    expect(diagnostics.map((d) => d.code)).toEqual(['TEXT_LAYER_REPAIRED']);
    expect(diagnostics[0]!.message).toContain('« forma\u7400\u6900on » → « formation »');
    expect(diagnostics[0]!.page).toBe(1);
  });
  it('stay as they are, reported as damage, when no repaired word is printed elsewhere', () => {
    const { pages, diagnostics } = checkTextLayer(pagesOf(['La forma\u7400\u6900on des agents', 'Clo\u7400\u6900lde MARTIN']));
    expect(textOf(pages)).toEqual(['La forma\u7400\u6900on des agents', 'Clo\u7400\u6900lde MARTIN']);
    expect(diagnostics.map((d) => d.code)).toEqual(['TEXT_LAYER_DAMAGED']);
    expect(diagnostics[0]!.message).toMatch(/4 caractères illisibles \(p\. 1 : 4\)/);
  });
});

describe('ligatures mapped to one Latin-1 letter', () => {
  it('are repaired where one ligature spelling is printed elsewhere, and real accents are kept', () => {
    const lines: [string, string][] = [
      ['il faut aûn de réüexion', 'Italic'],
      ['aûn que la réüexion aboutisse', 'Italic'],
      ['les coûts restent stables', 'Italic'],
      ['afin que la réflexion aboutisse et que les coûts baissent', 'Regular'],
    ];
    const { pages, diagnostics } = checkTextLayer(pagesOf(lines));
    expect(textOf(pages)).toEqual(['il faut afin de réflexion', 'afin que la réflexion aboutisse', 'les coûts restent stables', lines[3]![0]]);
    expect(diagnostics.map((d) => d.code)).toEqual(['TEXT_LAYER_REPAIRED']);
  });
  it('a font proved to map a ligature to a letter is repaired in its other words too', () => {
    const lines: [string, string][] = [
      ['aûn de mieux', 'Italic'],
      ['les ûches et une conûance', 'Italic'],
      ['afin que les fiches soient prêtes', 'Regular'],
    ];
    expect(textOf(checkTextLayer(pagesOf(lines)).pages)).toEqual(['afin de mieux', 'les fiches et une confiance', lines[2]![0]]);
  });
  it('a font whose letter is proved to be « ff » keeps its genuine « û » where French cannot write « ff » (« coûteux », « sûr »)', () => {
    // Ghostscript re-writing a subset font maps the ff ligature and the real « û » to one letter.
    const lines: [string, string][] = [
      ['un eûet diûérent', 'Serif'],
      ['les aûaires coûteuses sont sûres', 'Serif'],
      ['effet, différent et affaires', 'Sans'],
    ];
    expect(textOf(checkTextLayer(pagesOf(lines)).pages)).toEqual(['un effet différent', 'les affaires coûteuses sont sûres', lines[2]![0]]);
  });
  it('are left alone with no proof (« dû », « sûr »)', () => {
    const lines = ['il est dû et sûr', 'le coût est sûr'];
    const result = checkTextLayer(pagesOf(lines));
    expect(textOf(result.pages)).toEqual(lines);
    expect(result.diagnostics).toEqual([]);
  });
});

describe('a PDF whose text layer cannot be repaired', () => {
  it('raises one TEXT_LAYER_DAMAGED and no diagnostic blaming the brochure for the damaged characters', async () => {
    const document = await read('producers/synthetic-2031/damaged.pdf');
    const damaged = codes(document, 'TEXT_LAYER_DAMAGED');
    expect(damaged).toHaveLength(1);
    expect(damaged[0]!.message).toMatch(/exportez-la à nouveau depuis sa source, ou utilisez le texte du convertisseur/);
    expect(damaged[0]!.page).toBeUndefined();
    const blaming = document.diagnostics.filter((d) => BLAMING.test(d.code) && UNREADABLE_CHAR.test(d.message));
    expect(blaming).toEqual([]);
    expect(codes(document, 'EMAIL_NON_ASCII')).toEqual([]);
    // The authors whose cards are damaged are said to be so, the text layer named as the cause.
    const suspects = codes(document, 'TEXT_LAYER_SUSPECT');
    expect(suspects.length).toBeGreaterThanOrEqual(document.projets.flatMap((p) => p.auteurs).filter((a) => UNREADABLE_CHAR.test(a.email ?? '')).length);
    expect(suspects.every((d) => /calque de texte du PDF/.test(d.message))).toBe(true);
  });
  it('with glyphs that have no Unicode mapping, reports the damage and still reads what the other fonts carry', async () => {
    const [original, document] = await Promise.all([read('synthetic-2031/input.pdf'), read('producers/synthetic-2031/unmapped.pdf')]);
    expect(codes(document, 'TEXT_LAYER_DAMAGED')).toHaveLength(1);
    const people = (d: BrochureDocument) => d.projets.map((p) => p.auteurs.map((a) => `${a.prenom} ${a.nom} ${a.email}`));
    expect(people(document)).toEqual(people(original));
  });
});

describe('OCR text layers', () => {
  it('an OCR’d scan is read, and the document says its text comes from OCR', async () => {
    const document = await read('producers/synthetic-2031/ocr.pdf');
    const ocr = codes(document, 'TEXT_FROM_OCR');
    expect(ocr).toHaveLength(1);
    expect(ocr[0]!.severity).toBe('warning');
    // OCR reads the big « 01 » of the first project page as « OT »: the project is still found, by
    // its sommaire title printed under the damaged number.
    expect(document.projets.map((p) => p.numero)).toEqual([1, 2, 3, 4]);
    expect(codes(document, 'TOC_PROJECT_MISSING')).toEqual([]);
  });
  it('own text plus an invisible OCR copy is read once, like the original', async () => {
    const [original, document] = await Promise.all([read('synthetic-2031/input.pdf'), read('producers/synthetic-2031/ocr-copy.pdf')]);
    expect(codes(document, 'TEXT_OCR_COPY_DROPPED')).toHaveLength(1);
    const { source: _a, diagnostics: da, ...a } = original;
    const { source: _b, diagnostics: db, ...b } = document;
    expect(b).toEqual(a);
    expect(db.filter((d) => !d.code.startsWith('TEXT_'))).toEqual(da);
  });
});

describe('hand-made text layers', () => {
  const expected = [FAULT_TEXT.heading, ...FAULT_TEXT.paragraphs.map((lines: string[]) => lines.join(' '))];
  it('text drawn letter by letter with explicit positions comes out in whole words', async () => {
    const extracted = await extractDocument(fixture('producers/faults/letter-by-letter.pdf'));
    expect(extracted.blocks.map((b) => b.text)).toEqual(expected);
  });
  it('text drawn twice for a bold effect is read once, as bold', async () => {
    const extracted = await extractDocument(fixture('producers/faults/drawn-twice.pdf'));
    expect(extracted.blocks.map((b) => b.text)).toEqual(expected);
    expect(extracted.blocks[1]!.lines[0]!.bold).toBe(true);
    expect(extracted.blocks[1]!.lines[1]!.bold).toBe(false);
    expect(extracted.diagnostics.map((d) => d.code)).toEqual(['TEXT_DRAWN_TWICE']);
  });
});

describe('hyphens read as gaps (a font whose hyphen glyph is mapped to U+00AD, as Scribus writes it)', () => {
  /** `pagesOf`, every run in a font whose hyphens pdf.js reads as gaps when `gap` is set. */
  const gapPages = (lines: readonly string[], gap: boolean): PdfPages => {
    const pages = pagesOf(lines);
    return { ...pages, pages: pages.pages.map((page) => ({ ...page, runs: page.runs.map((run) => (gap ? { ...run, hyphenReadAsGap: true as const } : run)) })) };
  };
  it('put the hyphen back inside an e-mail domain (an address holds no space), and say names may have lost theirs', () => {
    const { pages, diagnostics } = checkTextLayer(gapPages(['lisa.marchetti@administrateur inet.org', 'kevin.oyono@ingenieur chef inet.org', 'Inès BRUNEAU SALGADO'], true));
    expect(textOf(pages)).toEqual(['lisa.marchetti@administrateur-inet.org', 'kevin.oyono@ingenieur-chef-inet.org', 'Inès BRUNEAU SALGADO']);
    expect(diagnostics.map((d) => d.code)).toEqual(['TEXT_HYPHEN_READ_AS_GAP']);
    expect(diagnostics[0]!.message).toMatch(/2 adresses e-mail réparées/);
  });
  it('leave text in other fonts, and a space after a complete address, as they are', () => {
    const lines = ['lisa.marchetti@administrateur inet.org', 'écrire à lisa@ville.fr puis inet.org'];
    expect(textOf(checkTextLayer(gapPages(lines, false)).pages)).toEqual(lines);
    expect(textOf(checkTextLayer(gapPages([lines[1]!], true)).pages)).toEqual([lines[1]]);
  });
  it('are found from the PDF fonts themselves (the Scribus design\'s team e-mails read whole)', async () => {
    const { blocks } = await extractDocument(fixture('designs/synthetic-2031-scribus/input.pdf'));
    const text = blocks.map((block) => block.text).join('\n');
    expect(text).toContain('lisa.marchetti@administrateur-inet.org');
    expect(text).not.toContain('@administrateur inet.org');
  });
});
