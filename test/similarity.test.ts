import { describe, expect, it } from 'vitest';
import { LevenshteinDistance } from 'natural/lib/natural/distance/levenshtein_distance.js';
import { jaroWinkler, mayBeAsSimilar, mostSimilar, nameOrders, similarEnough, SPELLS_NAME, spellingOf, spellsName, withinEdits } from '../src/similarity.js';

/** The hand-written test `withinEdits(a, b, 1)` replaced in segment: one letter changed, added or dropped. */
function withinOneEditByHand(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  if (a.length < b.length) return withinOneEditByHand(b, a);
  let i = 0;
  while (i < b.length && a[i] === b[i]) i++;
  return a.length === b.length ? a.slice(i + 1) === b.slice(i + 1) : a.slice(i + 1) === b.slice(i);
}

describe('similarity', () => {
  it('counts a doubled, dropped or changed letter as one edit, a swap as two', () => {
    expect(withinEdits('GERERDIFFEREMMENT', 'GERERDIFFEREMENT', 1)).toBe(true);
    expect(withinEdits('INNOVER', 'INNOVEZ', 1)).toBe(true);
    expect(withinEdits('INNOVER', 'INNOVRE', 1)).toBe(false);
    expect(withinEdits('INNOVER', 'INNOVRE', 2)).toBe(true);
    expect(withinEdits('AB', 'ABCD', 1)).toBe(false);
  });

  it('decides like the hand-written one-edit test it replaced', () => {
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = (): string => Array.from({ length: 1 + Math.floor(random() * 6) }, () => 'ABC'[Math.floor(random() * 3)]).join('');
    for (let i = 0; i < 2000; i++) {
      const [a, b] = [word(), word()];
      expect(withinEdits(a, b, 1), `${a} / ${b}`).toBe(withinOneEditByHand(a, b));
    }
  });

  it('decides like natural\'s Levenshtein distance (which it replaced), for 1, 2 and 3 edits', () => {
    let seed = 11;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = (): string => Array.from({ length: Math.floor(random() * 9) }, () => 'ABCÉ'[Math.floor(random() * 4)]).join('');
    let within = 0;
    for (let i = 0; i < 3000; i++) {
      const [a, b, n] = [word(), word(), 1 + (i % 3)];
      const expected = Math.abs(a.length - b.length) <= n && LevenshteinDistance(a, b) <= n;
      expect(withinEdits(a, b, n), `${a} / ${b} / ${n}`).toBe(expected);
      if (expected) within++;
    }
    // Both answers occur often: the comparison is not vacuous.
    expect(within).toBeGreaterThan(300);
    expect(within).toBeLessThan(2700);
  });

  it('scores likeness with Jaro-Winkler and picks the most similar candidate, the first on ties', () => {
    expect(jaroWinkler('MARIE CURIE', 'MARIE CURIE')).toBe(1);
    expect(jaroWinkler('', 'MARIE')).toBe(0);
    expect(similarEnough('GEORGES SAND', 'GEORGE SAND', 0.9)).toBe(true);
    expect(similarEnough('GEORGES SAND', 'SIMONE VEIL', 0.9)).toBe(false);
    const titles = ['Innover', 'Gérer différemment', 'Coopérer'];
    expect(mostSimilar(titles, 'GERER DIFFEREMENT', (t) => t.toUpperCase().normalize('NFD').replace(/\p{M}/gu, ''))?.item).toBe('Gérer différemment');
    expect(mostSimilar(['A', 'A'], 'B', (t) => t)?.score).toBe(0);
    expect(mostSimilar([], 'B', (t: string) => t)).toBeNull();
  });
});

describe('withinEdits against the full Levenshtein distance', () => {
  /** The textbook distance, every cell computed. */
  const distance = (a: string, b: string): number => {
    const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) rows[i]![j] = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    return rows[a.length]![b.length]!;
  };

  it('agrees on every pair of short words over a small alphabet (its shortcuts never decide wrong)', () => {
    const words = [''];
    for (let length = 1; length <= 4; length++) {
      for (const word of words.filter((w) => w.length === length - 1)) words.push(`${word}a`, `${word}b`, `${word}c`);
    }
    for (const a of words) {
      for (const b of words) {
        for (const n of [0, 1, 2]) expect(withinEdits(a, b, n), `${a} ${b} ${n}`).toBe(distance(a, b) <= n);
      }
    }
  });
});

describe('spellsName against the similarity it skips', () => {
  it('decides like spellingOf at SPELLS_NAME on names and e-mails alike, a letter apart, and unlike (its bound never rules out a spelling)', () => {
    let seed = 11;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = (): string => Array.from({ length: 2 + Math.floor(random() * 7) }, () => 'AEILNRST'[Math.floor(random() * 8)]).join('');
    // An e-mail's letters: the name's in one order, a letter dropped, doubled or changed now and then.
    const typo = (letters: string): string => {
      const at = Math.floor(random() * letters.length);
      const kind = Math.floor(random() * 4);
      if (kind === 0) return letters.slice(0, at) + letters.slice(at + 1);
      if (kind === 1) return letters.slice(0, at) + letters[at] + letters.slice(at);
      if (kind === 2) return `${letters.slice(0, at)}E${letters.slice(at + 1)}`;
      return letters;
    };
    let spelt = 0;
    for (let i = 0; i < 3000; i++) {
      const orders = nameOrders(`${word()} ${word()}`);
      const local = random() < 0.5 ? typo(orders[Math.floor(random() * orders.length)]!) : `${word()}${word()}`;
      const expected = spellingOf(orders, local) >= SPELLS_NAME;
      if (expected) spelt++;
      expect(spellsName(orders, local), `${orders[0]} / ${local}`).toBe(expected);
    }
    // Both answers were asked for many times.
    expect(spelt).toBeGreaterThan(500);
    expect(spelt).toBeLessThan(2500);
  });
});

describe('mayBeAsSimilar', () => {
  it('never says no where the similarity reaches the value, and says no to letters mostly unshared', () => {
    let seed = 29;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const word = (): string => Array.from({ length: 3 + Math.floor(random() * 12) }, () => 'ACDEGHILMNORST'[Math.floor(random() * 14)]).join('');
    let ruledOut = 0;
    for (let i = 0; i < 3000; i++) {
      const a = word();
      // Half the pairs a letter apart (they reach 0.9 often), half unrelated.
      const b = random() < 0.5 ? `${a.slice(0, -1)}E` : word();
      for (const similarity of [0.75, 0.9]) {
        const may = mayBeAsSimilar(a, b, similarity);
        if (jaroWinkler(a, b) >= similarity) expect(may, `${a} / ${b}`).toBe(true);
        if (!may) ruledOut++;
      }
    }
    expect(ruledOut).toBeGreaterThan(500);
    expect(mayBeAsSimilar('LISA', 'ADMINISTRATEUR', 0.9)).toBe(false);
    expect(mayBeAsSimilar('ADMINISTRATRICE', 'ADMINISTRATEUR', 0.9)).toBe(true);
  });
});
