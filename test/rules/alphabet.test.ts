/**
 * The family's alphabet (src/alphabet.ts): `\p{L}`, `\p{Lu}`, `\p{Ll}` and `\p{N}` read over the
 * Latin script's blocks, exactly as Unicode classes their code points there.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { LATIN_BLOCKS, latin, latinSource } from '../../src/alphabet.js';

const UNICODE: Record<string, RegExp> = { L: /^\p{L}$/u, Lu: /^\p{Lu}$/u, Ll: /^\p{Ll}$/u, N: /^\p{N}$/u };

describe('the family\'s alphabet', () => {
  it('holds, for each class, exactly the code points Unicode gives it in the Latin blocks', () => {
    for (const [name, unicode] of Object.entries(UNICODE)) {
      const ours = new RegExp(`^${latinSource(`\\p{${name}}`)}$`, 'u');
      const disagreements: string[] = [];
      for (const [first, last] of LATIN_BLOCKS) {
        for (let codePoint = first; codePoint <= last; codePoint++) {
          const char = String.fromCodePoint(codePoint);
          if (ours.test(char) !== unicode.test(char)) disagreements.push(`U+${codePoint.toString(16)}`);
        }
      }
      expect(disagreements, name).toEqual([]);
    }
  });

  it('holds nothing outside the Latin blocks, and is what test/tools/alphabet-ranges.mjs writes', () => {
    const inBlocks = (codePoint: number): boolean => LATIN_BLOCKS.some(([first, last]) => codePoint >= first && codePoint <= last);
    const anyClass = new RegExp(latinSource(String.raw`[\p{L}\p{N}]`), 'u');
    const outside: string[] = [];
    for (let codePoint = 0; codePoint <= 0xffff; codePoint++) {
      if (codePoint >= 0xd800 && codePoint <= 0xdfff) continue;
      if (!inBlocks(codePoint) && anyClass.test(String.fromCodePoint(codePoint))) outside.push(`U+${codePoint.toString(16)}`);
    }
    expect(outside).toEqual([]);
    const generated = execFileSync(process.execPath, [fileURLToPath(new URL('../tools/alphabet-ranges.mjs', import.meta.url))], { encoding: 'utf8' });
    expect(generated).toBe(readFileSync(new URL('../../src/alphabet-ranges.ts', import.meta.url), 'utf8'));
  });

  it('reads the names of French public service, accents and Central European and Vietnamese letters included', () => {
    const familyThenGiven = latin('u')`^\p{Lu}[\p{Lu}'’-]+ \p{Lu}\p{Ll}+$`;
    for (const name of ['DUPONT Élodie', 'ŁUKASZEWSKI Anna', 'DĄBROWSKI Paweł', 'NGUYỄN Thị', 'ŒUVRARD Zoé', 'L’HÔTE Ève']) expect(familyThenGiven.test(name), name).toBe(true);
    expect(latin('u')`^\p{Ll}+$`.test('ﬁnances'.slice(0, 1))).toBe(true);
  });

  it('leaves other scripts out: a Greek capital is not a capital here', () => {
    expect(latin('u')`\p{Lu}`.test('Ω')).toBe(false);
    expect(latin('u')`^\P{L}+$`.test('Ωω')).toBe(true);
  });

  it('rewrites only the named classes, inside and outside character classes', () => {
    expect(latinSource(String.raw`^\d+\s[\p{Lu}'’-]\.\[\p{L}`)).toMatch(/^\^\\d\+\\s\[A-ZÀ-Ö.*'’-\]\\\.\\\[\[A-Za-z/u);
    expect(latinSource(String.raw`\\p{L}`)).toBe(String.raw`\\p{L}`);
    expect(latinSource(String.raw`\p{Script=Latin}`)).toBe(String.raw`\p{Script=Latin}`);
  });

  it('gives a global pattern afresh at each use, as a literal is, and a stateless one once', () => {
    const global = (): RegExp => latin('gu')`\p{Lu}`;
    const first = global();
    first.lastIndex = 3;
    expect(global()).not.toBe(first);
    expect(global().lastIndex).toBe(0);
    const stateless = (): RegExp => latin('u')`\p{Lu}`;
    expect(stateless()).toBe(stateless());
  });
});

describe('patterns in src/', () => {
  it('name Unicode\'s classes only through the family\'s alphabet', () => {
    const src = fileURLToPath(new URL('../../src/', import.meta.url));
    const walk = (dir: string): string[] => readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
    });
    const NAMED_CLASS = /\\[pP]\{(?:Lu|Ll|L|N)\}/;
    const offences: string[] = [];
    for (const file of walk(src).filter((path) => !path.endsWith('alphabet.ts'))) {
      const sourceFile = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
      const visit = (node: ts.Node): void => {
        const where = `${relative(src, file)}:${sourceFile.getLineAndCharacterOfPosition(node.getStart(sourceFile)).line + 1}`;
        // A literal naming a class (« /\p{Lu}/u ») compiles it over every script.
        if (ts.isRegularExpressionLiteral(node) && NAMED_CLASS.test(node.text)) offences.push(where);
        // So does a pattern built from a string that does not go through latinSource.
        if (ts.isNewExpression(node) && node.expression.getText(sourceFile) === 'RegExp') {
          const pattern = node.arguments?.[0];
          const throughAlphabet = pattern !== undefined && ts.isCallExpression(pattern) && pattern.expression.getText(sourceFile) === 'latinSource';
          if (pattern !== undefined && !throughAlphabet && NAMED_CLASS.test(pattern.getText(sourceFile).replace(/\\\\/g, '\\'))) offences.push(where);
        }
        ts.forEachChild(node, visit);
      };
      visit(sourceFile);
    }
    expect(offences).toEqual([]);
  });
});
