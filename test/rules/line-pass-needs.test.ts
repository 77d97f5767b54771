/**
 * What a converter-text line pass needs (src/extract/text/passes.ts, `needs`): a pattern the whole
 * text holds wherever the pass changes a line. A pass whose need the text lacks is not run; on
 * every converter text committed, and at the point where the pass runs, such a pass would have
 * left every line as it was.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/extract/text.js';
import { LINE_PASSES } from '../../src/extract/text/passes.js';

const fixtures = fileURLToPath(new URL('../../fixtures/', import.meta.url));
const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? walk(path) : [path];
});
const converterTexts = [
  ...walk(join(fixtures, 'converters')).filter((path) => /\.(txt|md)$/.test(path) && !path.endsWith('README.md')),
  ...readdirSync(fixtures).map((name) => join(fixtures, name, 'input.txt')).filter((path) => existsSync(path)),
];

describe('a line pass\'s need', () => {
  it('is found in the text wherever the pass changes a line, on every committed converter text', () => {
    expect(converterTexts.length).toBeGreaterThan(40);
    const missed: string[] = [];
    const skipped = new Map<string, number>();
    for (const path of converterTexts) {
      const { text } = decodeText(new Uint8Array(readFileSync(path)));
      let lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
      for (const pass of LINE_PASSES) {
        const after = pass.run(lines);
        if (pass.needs && !pass.needs.test(lines.join('\n'))) {
          skipped.set(pass.name, (skipped.get(pass.name) ?? 0) + 1);
          const unchanged = after.length === lines.length && after.every((line, i) => line === lines[i]);
          if (!unchanged) missed.push(`${pass.name}: ${path.slice(fixtures.length)}`);
        }
        lines = after;
      }
    }
    expect(missed).toEqual([]);
    // The needs are asked for a reason: each skips its pass on some texts.
    const neverSkipped = LINE_PASSES.filter((pass) => pass.needs && !skipped.has(pass.name)).map((pass) => pass.name);
    expect(neverSkipped).toEqual([]);
  });

  it('is found in a line each pass repairs', () => {
    const repaired: Record<string, string[]> = {
      'swapped letters': ['La Concep琀椀on'],
      'ordinal superscripts on a row of their own': ['   er', '1  janvier 2019'],
      'bold runs': ['**TITRE** texte **/ P05**'],
      'glued e-mails': ['jeanne.dupont@administrateur-inet.orgPaul MARTIN'],
      'bullets written after their item': ['gardant sa cuisine ;•'],
      'key figures glued to the label before': ['million d\'habitants59', 'de personnes'],
      'roster lines run together': ['KESSLER Arnaud LOURMELLE Baptiste'],
      'sommaire page run into the next number': ['11/ TITRE', '/ P5712/ DISPOSITIF'],
      'sommaire number between its title\'s lines': ['UN TITRE', '12/', 'SUR DEUX LIGNES', '/ P57', '', 'UN TITRE SUR DEUX LIGNES'],
      'sommaire entries run together': ['12/ TITRE COLLECTIVITÉ / P61 13/ AUTRE TITRE / P65'],
      'display words in pieces': ['SOM', '', 'MAI', '', 'RE'],
      'letter-spaced lines': ['2 0 1 9 / 2 0 2 0'],
      'words cut at a hyphen kept on one line': ['un accompa- gnant', 'un accompagnant'],
    };
    for (const pass of LINE_PASSES.filter((candidate) => candidate.needs)) {
      const lines = repaired[pass.name];
      expect(lines, pass.name).toBeDefined();
      const after = pass.run([...lines!]);
      expect(after, pass.name).not.toEqual(lines);
      expect(pass.needs!.test(lines!.join('\n')), pass.name).toBe(true);
    }
  });
});
