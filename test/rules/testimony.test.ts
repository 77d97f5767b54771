/**
 * The testimony (src/parse/rubriques.ts): its quote and its signature, wherever the reading order
 * put them. Each rule on a few invented blocks, so that it fails on its own.
 */
import { describe, expect, it } from 'vitest';
import { splitRubriques } from '../../src/parse/rubriques.js';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import { block } from '../helpers/blocks.js';

describe('a testimony whose signature is read after a sidebar of tutors', () => {
  const read = (signature: string, page: number) =>
    splitRubriques(
      [
        block([['CONTEXTE', 1.2, true]], 4),
        block([['La communauté regroupe vingt-six communes et un peu plus de 140 000 habitants.', 1, false]], 4),
        block([['PAROLE DE LA COLLECTIVITÉ', 1.2, true]], 4),
        block([['« L’équipe a su écouter des élus aux attentes parfois opposées. »', 1, false]], 4),
        block([['TUTEUR', 1.2, true]], 4),
        block([['Agnès TISSERAND, Directrice générale adjointe des services', 0.9, false]], 4),
        block([[signature, 0.9, false]], page),
      ],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('gets it back when it signs with a tutor’s name on the next page (signature-after-cards)', () => {
    const rubriques = read('Agnès Tisserand, directrice générale adjointe des services', 5);
    expect(rubriques.find(([key]) => key === 'temoignage')?.[1]).toEqual(['« L’équipe a su écouter des élus aux attentes parfois opposées. »', 'Agnès Tisserand, directrice générale adjointe des services']);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['Agnès TISSERAND, Directrice générale adjointe des services']);
  });

  it('leaves a second tutor’s card where it is', () => {
    const rubriques = read('Paul MARTIN, directeur des services', 5);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toHaveLength(2);
  });
});
