/**
 * Letter-spaced text (src/extract/letter-spacing.ts): « L'É Q U I P E » cut back into the words the
 * document prints elsewhere. Each rule on a few invented fragments.
 */
import { describe, expect, it } from 'vitest';
import type { Fragment } from '../../src/extract/fragments.js';
import { isLetterSpaced, respace, respaceLetterSpaced, wordsOf } from '../../src/extract/letter-spacing.js';

const fragment = (text: string): Fragment => ({ page: 1, text, x0: 0, x1: 100, y: 10, top: 2, bottom: 12, size: 9, bold: false, boldLead: '', chars: text.length });

describe('letter-spaced text', () => {
  it('is told from ordinary text by its one-letter tokens', () => {
    expect(isLetterSpaced('2 0 3 1 / 2 0 3 2')).toBe(true);
    expect(isLetterSpaced("L'É Q U I P E")).toBe(true);
    expect(isLetterSpaced('Il y a 3 à 4 communes')).toBe(false);
    expect(isLetterSpaced('A B')).toBe(false);
  });

  it('is cut back into the words the document prints elsewhere, numbers whole', () => {
    const words = wordsOf(['la mission de la collectivité', 'au sein de la collectivité, le tuteur', 'de la commune', 'la promotion']);
    expect(respace('TU T E U R A U S E I N D E L A C O L L E C T I V I T É', words)).toBe('TUTEUR AU SEIN DE LA COLLECTIVITÉ');
    expect(respace('2 0 3 1 / 2 0 3 2', words)).toBe('2031 / 2032');
    expect(respace('PR O J E T 0 1', words)).toBe('PROJET 01');
  });

  it('keeps a word the document never prints whole rather than made of rare scraps', () => {
    const words = wordsOf(['le sommet, les maires et les aides', 'ré-', 're', 'so', 'mm']);
    expect(respace('SO M M A I R E', words)).toBe('SOMMAIRE');
  });

  it('leaves halves of hyphenated words out of the dictionary', () => {
    const words = wordsOf(['une démarche parti‐', 'cipative et locale']);
    expect(words.has('parti')).toBe(false);
    expect(words.has('cipative')).toBe(false);
    expect(words.has('locale')).toBe(true);
  });

  it('rewrites only the letter-spaced fragments of a document', () => {
    const [heading, body] = respaceLetterSpaced([[fragment("L'É Q U I P E"), fragment("L'équipe a rencontré les maires")]])[0] ?? [];
    expect(heading!.text).toBe("L'ÉQUIPE");
    expect(body!.text).toBe("L'équipe a rencontré les maires");
  });
});
