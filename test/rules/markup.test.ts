/**
 * Converter markup (src/extract/text.ts): emphasis marks of any markdown flavour removed, the
 * words kept. Each rule on the smallest text that needs it.
 */
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/extract/text.js';

const texts = (source: string): string[] => readText(source).blocks.map((b) => b.text);

describe('italics', () => {
  it('drops a lone `_` opening or closing a word, as a lone `*`, and keeps one inside a word', () => {
    expect(texts('_« Les habitants sont nos ambassadeurs. »_')).toEqual(['« Les habitants sont nos ambassadeurs. »']);
    expect(texts('_Aude Martin,\ndirectrice_')).toEqual(['Aude Martin, directrice']);
    expect(texts('Écrire à jean_dupont@exemple.fr')).toEqual(['Écrire à jean_dupont@exemple.fr']);
  });
});
