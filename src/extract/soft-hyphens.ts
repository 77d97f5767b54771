/**
 * Hyphens a PDF's text layer calls soft hyphens. Some producers (Scribus) map a font's only
 * hyphen glyph to U+00AD; pdf.js's text content drops U+00AD as an invisible mark, so a printed
 * « BRUNEAU-SALGADO » reads « BRUNEAU SALGADO » (the glyph's width left as a gap). The glyphs the
 * page shows (its operator list) still hold U+00AD in place: a gap in a run is put back as a
 * hyphen when the glyphs show the run's letters on both sides of it joined by U+00AD. Pure
 * functions over text; `pdf.ts` reads the glyphs.
 */

/** Letters (without spaces) each side of a gap compared with the glyphs: enough to make a chance match implausible. */
import { latin } from '../alphabet.js';

const CONTEXT = 8;

/** A gap between two letters in a run: where a dropped hyphen leaves a space. */
const GAP = latin('gu')`(?<=[\p{L}\p{N}]) (?=[\p{L}\p{N}])`;

/** Whitespace, which the glyphs and the runs may hold differently (written, or inferred from a gap). */
const SPACE = /\s+/gu;

/**
 * The page's shown glyphs as one string for `restoreHyphens`: their text in content order,
 * whitespace left out.
 * @param glyphTexts The text of each glyph the page shows, in content order.
 */
export function shownGlyphs(glyphTexts: readonly string[]): string {
  return glyphTexts.join('').replace(SPACE, '');
}

/**
 * Puts back the hyphens pdf.js dropped from a run: each gap between two letters becomes « - »
 * when `shown` holds the letters before it (up to `CONTEXT`, within the run), U+00AD, then the
 * letters after it.
 * @param text The run's text as pdf.js read it.
 * @param shown The page's glyphs (`shownGlyphs`).
 * @returns The run's text, gaps that were hyphens made hyphens.
 */
export function restoreHyphens(text: string, shown: string): string {
  if (!shown.includes('\u00ad')) return text;
  return text.replace(GAP, (space, at: number) => {
    const before = text.slice(0, at).replace(SPACE, '').slice(-CONTEXT);
    const after = text.slice(at + space.length).replace(SPACE, '').slice(0, CONTEXT);
    return shown.includes(`${before}\u00ad${after}`) ? '-' : space;
  });
}
