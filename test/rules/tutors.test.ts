/**
 * Tutors' cards (src/parse/moves.ts, src/parse/people.ts): a name and a function in the cards' own
 * type, kept together however the layout cut them. Each rule on a few invented blocks.
 */
import { describe, expect, it } from 'vitest';
import { splitRubriques } from '../../src/parse/rubriques.js';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import { block } from '../helpers/blocks.js';

describe('a tutor’s long function in a sidebar beside a text rubrique', () => {
  const read = (fonction: string) =>
    splitRubriques(
      [
        block([['LE CONTEXTE', 0.9, true]], 88),
        block([['La Région conduit une politique de soutien à l’innovation des entreprises, dont le Hub Recherche est l’un des outils', 1, false]], 88),
        block([['TUTRICE AU SEIN DE LA COLLECTIVITÉ', 0.82, true]], 88),
        block([['GOUJAT Amandine', 0.86, true]], 88),
        block(fonction.split('\n').map((text) => [text, 0.86, false] as const), 88),
      ],
      DEFAULT_VOCABULARY,
      { projet: 18 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('stays on the card in the cards’ smaller type, longer than a line of prose (long-function-in-card)', () => {
    const fonction = 'Responsable de Service Actions\nSectorielles Pôles de compétitivité,\nclusters, domaines d’excellence\nDirection du Développement\nEconomique';
    const rubriques = read(fonction);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['GOUJAT Amandine', fonction.replaceAll('\n', ' ')]);
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toHaveLength(1);
  });

  it('goes back to the rubrique when it ends a sentence: text run on, not a function', () => {
    const runOn = 'sur les besoins des entreprises, les atouts des autres dispositifs déjà existants et les attentes des partenaires de la Région.';
    const rubriques = read(runOn);
    expect(rubriques.find(([key]) => key === 'tuteurs')?.[1]).toEqual(['GOUJAT Amandine']);
    expect(rubriques.find(([key]) => key === 'contexte')?.[1]).toHaveLength(2);
  });
});
