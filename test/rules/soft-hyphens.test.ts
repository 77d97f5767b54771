/**
 * Hyphens a PDF maps to U+00AD, which pdf.js's text content drops (src/extract/soft-hyphens.ts):
 * put back from the glyphs the page shows.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractDocument } from '../../src/extract/index.js';
import { restoreHyphens, shownGlyphs } from '../../src/extract/soft-hyphens.js';

/** The glyphs of a page as Scribus writes them: one per character, no space glyph, the hyphen as U+00AD. */
const glyphs = (...lines: string[]): string => shownGlyphs(lines.flatMap((line) => [...line.replace(/-/g, '\u00ad')]));

describe('a gap the page\'s glyphs show as U+00AD', () => {
  it('is a hyphen; a gap they show as nothing stays a space', () => {
    const shown = glyphs('Lisa MARCHETTI', 'Inès BRUNEAU-SALGADO', 'Thu-Hà NGUYEN', 'ines.bruneausalgado@administrateur-inet.org');
    expect(restoreHyphens('Inès BRUNEAU SALGADO', shown)).toBe('Inès BRUNEAU-SALGADO');
    expect(restoreHyphens('Thu Hà NGUYEN', shown)).toBe('Thu-Hà NGUYEN');
    expect(restoreHyphens('ines.bruneausalgado@administrateur inet.org', shown)).toBe('ines.bruneausalgado@administrateur-inet.org');
    expect(restoreHyphens('Lisa MARCHETTI', shown)).toBe('Lisa MARCHETTI');
  });
  it('needs the letters on both sides: the same gap elsewhere on the page stays a space', () => {
    const shown = glyphs('Jean-Victor ROUX');
    expect(restoreHyphens('Jean Victor ROUX', shown)).toBe('Jean-Victor ROUX');
    expect(restoreHyphens('Jean VALJEAN', shown)).toBe('Jean VALJEAN');
    expect(restoreHyphens('Jean Victor ROUX', glyphs('Jean Victor ROUX'))).toBe('Jean Victor ROUX');
  });
  it('is read from the PDF (the Scribus design\'s hyphenated names, printed in Liberation Sans)', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../../fixtures/designs/synthetic-2031-scribus/input.pdf', import.meta.url)));
    const text = (await extractDocument(bytes)).blocks.map((block) => block.text).join('\n');
    expect(text).toContain('Inès BRUNEAU-SALGADO');
    expect(text).toContain('Thu-Hà NGUYEN');
    expect(text).not.toContain('BRUNEAU SALGADO');
  });
});
