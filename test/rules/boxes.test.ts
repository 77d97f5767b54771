/**
 * A box closing a text rubrique, set in smaller type under a bold title of its own, with no
 * rubrique heading before it (src/parse/moves.ts, `box-closing-text`): it is a box, not the
 * rubrique's text. Each rule on a few invented blocks.
 */
import { describe, expect, it } from 'vitest';
import { splitRubriques } from '../../src/parse/rubriques.js';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import type { Block } from '../../src/types.js';
import { block } from '../helpers/blocks.js';

const text = 'L’équipe a complété cette co-construction en travaillant avec les cadres des services techniques.';

function read(tail: Block[]) {
  const split = splitRubriques(
    [block([['DES CLÉS POUR AGIR', 1.05, true]], 47), block([[text, 1, false]], 47), ...tail, block([['LE TÉMOIGNAGE DE LA COLLECTIVITÉ', 1.05, true]], 47), block([['« Une mission utile. »', 1, false]], 47)],
    DEFAULT_VOCABULARY,
    { projet: 9 },
  );
  return { cles: split.rubriques.find((rubrique) => rubrique.key === 'clesPourAgir')!.blocks.map((b) => b.text), boxes: split.unknown.map((box) => [box.heading, box.blocks.map((b) => b.text)]) };
}

describe('a box closing a text rubrique', () => {
  it('is a box with its title when set smaller than the body under a bold title (box-closing-text)', () => {
    const { cles, boxes } = read([block([['Et après...', 0.92, true]], 47), block([['La refonte de l’accueil est un projet', 0.92, false], ['qui devra s’inscrire sur plusieurs années.', 0.92, false]], 47)]);
    expect(cles).toEqual([text]);
    expect(boxes).toEqual([['Et après...', ['La refonte de l’accueil est un projet qui devra s’inscrire sur plusieurs années.']]]);
  });

  it('stays in the text when set in the body’s size, or when its title is a name (a sidebar’s card)', () => {
    const bodySize = read([block([['Et après...', 1, true]], 47), block([['La refonte de l’accueil devra s’inscrire sur plusieurs années.', 1, false]], 47)]);
    expect(bodySize.boxes).toEqual([]);
    const card = read([block([['Olivier GARNIER-BOSC', 0.92, true]], 47), block([['Directeur de l’autonomie', 0.92, false]], 47)]);
    expect(card.boxes).toEqual([]);
    // The run's first bold line decides: a later bold line (an infographic's item) is no title.
    const items = read([block([['SOPHIE MARTIN', 0.92, true]], 47), block([['UN HOMME à 78,4 %', 0.92, true]], 47), block([['51,5 ans', 0.92, true]], 47)]);
    expect(items.boxes).toEqual([]);
  });
});
