/**
 * Key figures printed right under their heading, as a band under the page's columns, with the next
 * column's text read between the heading and the band (src/parse/moves.ts,
 * `text-above-figures-heading`). Each rule on a few invented blocks.
 */
import { describe, expect, it } from 'vitest';
import { splitRubriques } from '../../src/parse/rubriques.js';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import { alike, block, placed } from '../helpers/blocks.js';

const PROSE_START = 'L’équipe a conduit quarante entretiens avec des aidants, des associations et les services du Département, et a comparé les guichets de trois autres départements.';
const PROSE_NEXT_COLUMN = 'Le guichet s’appuiera sur les maisons départementales des solidarités et sur un numéro d’appel unique, ouvert six jours sur sept, qui orientera chaque aidant.';

describe('the next column’s text read between the figures’ heading and its figures (text-above-figures-heading)', () => {
  /** The heading at the first column's foot (y 685), the figures `gap` points under it, the second column's text at its head. */
  const read = (nextColumnX: number, gap = 9) =>
    splitRubriques(
      [
        placed(alike(['Recommandations'], 1, true, 5), 235, 536, 92, 10),
        placed(alike([PROSE_START], 1, false, 5), 235, 555, 144, 119),
        placed(alike(['Chiffres clés'], 1, true, 5), 235, 685, 63, 10),
        placed(alike([PROSE_NEXT_COLUMN], 1, false, 5), nextColumnX, 266, 142, 105, 1),
        placed(alike(['4 200'], 1.5, true, 5), 235, 695 + gap, 38, 15),
        placed(alike(['aidants accompagnés chaque année'], 0.8, false, 5), 235, 720 + gap, 92, 32),
        placed(alike(['27 %'], 1.5, true, 5), 343, 695 + gap, 34, 15),
        placed(alike(['des aidants interrogés'], 0.8, false, 5), 343, 720 + gap, 95, 32),
      ],
      DEFAULT_VOCABULARY,
      { projet: 2 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('goes back to the text rubrique before the heading: the figures stand right under their heading', () => {
    const rubriques = read(401);
    expect(rubriques.find(([key]) => key === 'clesPourAgir')?.[1]).toEqual([PROSE_START, PROSE_NEXT_COLUMN]);
    expect(rubriques.find(([key]) => key === 'chiffres')?.[1]).toEqual(['4 200', 'aidants accompagnés chaque année', '27 %', 'des aidants interrogés']);
  });

  it('stays when printed in the heading’s own column (an introduction under the heading), or when the figures stand apart from the heading', () => {
    expect(read(235).find(([key]) => key === 'clesPourAgir')?.[1]).toEqual([PROSE_START]);
    expect(read(401, 60).find(([key]) => key === 'clesPourAgir')?.[1]).toEqual([PROSE_START]);
  });
});

describe('the text a sidebar of key figures cut, read after its last label (converter text)', () => {
  const read = (after: readonly string[], announcing = 'La mission a accompagné la direction à :') =>
    splitRubriques(
      [
        block('LA PROBLÉMATIQUE'),
        block(announcing),
        // The sidebar: the tutor's card, then the figures, read between the text and its end.
        block('TUTRICE AU SEIN DE LA COLLECTIVITÉ'),
        block('DUPONT Claire Directrice de l’habitat'),
        block('LES CHIFFRES CLÉS'),
        block('150 000'),
        block('habitants supplémentaires en 2030'),
        block('41 %'),
        block('de demandes issues du parc social'),
        ...after.map((text) => block(text)),
        block('DES CLÉS POUR AGIR'),
        block('Trois pistes ont été proposées.'),
      ],
      DEFAULT_VOCABULARY,
      { projet: 4 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('gives back the list a colon announced (announced-list-after-figures)', () => {
    const rubriques = read(['Redéfinir son rôle de pilote ;', 'Réorienter ses priorités ;', 'Se réorganiser.']);
    expect(rubriques.find(([key]) => key === 'problematique')?.[1]).toEqual(['La mission a accompagné la direction à :', 'Redéfinir son rôle de pilote ;', 'Réorienter ses priorités ;', 'Se réorganiser.']);
    expect(rubriques.find(([key]) => key === 'chiffres')?.[1]).toEqual(['150 000', 'habitants supplémentaires en 2030', '41 %', 'de demandes issues du parc social']);
    // No colon before: the blocks stay (a label's second paragraph is no one's list).
    expect(read(['Redéfinir son rôle de pilote ;', 'Se réorganiser.'], 'La mission a accompagné la direction.').find(([key]) => key === 'chiffres')?.[1]).toHaveLength(6);
  });
});
