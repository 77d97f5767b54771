/**
 * The same brochure from other PDF producers (fixtures/producers/, made by
 * test/producers/make-producers.sh): each re-written PDF must read exactly like its original —
 * the whole document equal but `source`, and the diagnostics equal once the text-layer reports
 * (which say what was repaired) are set aside. The Ghostscript re-writes of 2019 carry a damaged
 * text layer (byte-swapped ligature mappings) that must be repaired and reported, never blamed on
 * the brochure.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { extractBrochure } from '../src/pipeline.js';
import type { BrochureDocument } from '../src/types.js';
import { compareDocuments } from '../src/compare/index.js';

const FIXTURES = ['inet-2019', 'synthetic-2031'] as const;
const PRODUCERS = ['gs', 'gs-ebook', 'pdftocairo', 'qpdf', 'mutool'] as const;

/** Codes that report on the text layer itself: they say what was repaired, so they may differ. */
const TEXT_LAYER = /^TEXT_/;

async function read(path: URL): Promise<BrochureDocument> {
  return extractBrochure(new Uint8Array(readFileSync(path)), { fileName: 'input.pdf' });
}

/** The document without `source`, diagnostics about the text layer set aside. */
function comparable(document: BrochureDocument) {
  const { source: _source, diagnostics, ...rest } = document;
  return { ...rest, diagnostics: diagnostics.filter((d) => !TEXT_LAYER.test(d.code)) };
}

describe.each(FIXTURES)('%s re-written by other producers', (fixture) => {
  let original: BrochureDocument;
  beforeAll(async () => {
    original = await read(new URL(`../fixtures/${fixture}/input.pdf`, import.meta.url));
  });
  it.each(PRODUCERS)('%s: reads like the original', async (producer) => {
    const document = await read(new URL(`../fixtures/producers/${fixture}/${producer}.pdf`, import.meta.url));
    expect(comparable(document)).toEqual(comparable(original));
    // Nothing the text layer did is left unreadable.
    expect(document.diagnostics.filter((d) => d.code === 'TEXT_LAYER_DAMAGED')).toEqual([]);
  });
});

describe('Ghostscript re-write of the 2019 brochure', () => {
  it('repairs the byte-swapped ligatures, reports them, and does not blame the brochure', async () => {
    const [original, gs] = await Promise.all([
      read(new URL('../fixtures/inet-2019/input.pdf', import.meta.url)),
      read(new URL('../fixtures/producers/inet-2019/gs.pdf', import.meta.url)),
    ]);
    const repaired = gs.diagnostics.filter((d) => d.code === 'TEXT_LAYER_REPAIRED');
    expect(repaired.length).toBeGreaterThan(0);
    expect(repaired.every((d) => d.severity === 'warning' && typeof d.page === 'number' && / → /.test(d.message))).toBe(true);
    expect(repaired.some((d) => /« [^»]*琀椀[^»]*» → « [^»]*ti[^»]*»/.test(d.message))).toBe(true);
    const nonAscii = (document: BrochureDocument) => document.diagnostics.filter((d) => d.code === 'EMAIL_NON_ASCII');
    expect(nonAscii(gs)).toEqual(nonAscii(original));
  });
});

describe('designs re-written by Ghostscript', () => {
  const original = (design: string) => new URL(`../fixtures/designs/${design}/input.pdf`, import.meta.url);
  const rewritten = (design: string) => new URL(`../fixtures/producers/designs/${design}/gs.pdf`, import.meta.url);
  it('a bold line over regular ones at a 1.5 leading is cut where the original was, whatever the rounding of coordinates', async () => {
    // gs rounds coordinates to 0.001 pt: the half em of white a 1.5 leading leaves must not fall either side of the threshold.
    const [printed, gs] = await Promise.all([read(original('synthetic-2031-s2031-06')), read(rewritten('synthetic-2031-s2031-06'))]);
    expect(gs.brochure.datePublication).not.toBeNull();
    expect(comparable(gs)).toEqual(comparable(printed));
  });
  it('keeps a genuine « û » in a font where gs also mapped the ff ligature to it, and still reads at 0.99', async () => {
    const gs = await read(rewritten('inet-2019-s8802-04'));
    const text = JSON.stringify(gs.projets);
    expect(text).not.toMatch(/cofft/i);
    expect(text).toMatch(/coût/);
    const expected = JSON.parse(readFileSync(new URL('../fixtures/designs/inet-2019-s8802-04/expected.json', import.meta.url), 'utf8'));
    expect(compareDocuments(gs, expected).score).toBeGreaterThanOrEqual(0.99);
  });
});
