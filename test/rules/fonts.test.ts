/**
 * Font names (src/extract/pdf.ts): what a PostScript name says of the weight.
 */
import { describe, expect, it } from 'vitest';
import { isBoldFontName } from '../../src/extract/pdf.js';

describe('font names', () => {
  it('reads URW\'s « Medi » (Times-Bold in TeX\'s psnfss fonts) as bold, « Medium » alone as not', () => {
    expect(isBoldFontName('WXHGGQ+NimbusRomNo9L-Medi')).toBe(true);
    expect(isBoldFontName('NimbusRomNo9L-MediItal')).toBe(true);
    expect(isBoldFontName('NimbusRomNo9L-Regu')).toBe(false);
    expect(isBoldFontName('Roboto-Medium')).toBe(false);
  });

});
