/**
 * Rules of the code base that keep it readable and honest: stages import only earlier stages and
 * shared modules, I/O stays at the edges, and src/ holds nothing of a given year's brochure.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = fileURLToPath(new URL('../src/', import.meta.url));
const files = (function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
  });
})(src);
const source = new Map(files.map((file) => [relative(src, file).replace(/\\/g, '/'), readFileSync(file, 'utf8')]));
const importsOf = (text: string): string[] => [...text.matchAll(/(?:from|import\()\s*'([^']+)'/g)].map((m) => m[1]!);

/** Stage order: a module of stage i may import stages < i, never later ones. */
const STAGES = ['extract', 'segment', 'parse', 'normalise', 'check', 'validate'];
const stageOf = (path: string): number => STAGES.indexOf(path.split('/')[0]!);

describe('architecture', () => {
  it('has no stage importing a later stage', () => {
    const offences: string[] = [];
    for (const [path, text] of source) {
      const stage = stageOf(path);
      if (stage < 0) continue;
      for (const target of importsOf(text).filter((t) => t.startsWith('.'))) {
        const resolved = relative(src, join(src, path, '..', target)).replace(/\\/g, '/');
        const targetStage = stageOf(resolved);
        if (targetStage > stage) offences.push(`${path} imports ${resolved}`);
      }
    }
    expect(offences).toEqual([]);
  });

  it('keeps pdf.js in the PDF adapter and printing in the CLI', () => {
    const importers = (pattern: RegExp): string[] => [...source].filter(([, text]) => importsOf(text).some((t) => pattern.test(t))).map(([p]) => p).sort();
    expect(importers(/^pdfjs-dist/)).toEqual(['extract/pdf.ts']);
    const printing = [...source].filter(([, text]) => /console\.|process\.exit\(|process\.stdout\.write/.test(text)).map(([p]) => p);
    expect(printing).toEqual(['cli.ts']);
  });

  it('imports only the parts of natural it uses (distances; the French stemmer of the dataset search)', () => {
    for (const [path, text] of source) {
      for (const target of importsOf(text)) if (target.startsWith('natural')) expect(target, path).toMatch(/^natural\/lib\/natural\/(distance\/|stemmers\/porter_stemmer_fr\.js$)/);
    }
  });

  it('holds nothing of the 2019 brochure: no title, organisation or person of it', () => {
    const gold = JSON.parse(readFileSync(new URL('../fixtures/inet-2019/expected.json', import.meta.url), 'utf8')) as {
      projets: { titre: string; collectivite: string; auteurs: { nom: string }[]; tuteurs: { nom: string }[] }[];
      promotions: { nom: string }[];
    };
    const specific = new Set<string>();
    for (const projet of gold.projets) {
      specific.add(projet.titre.slice(0, 30));
      specific.add(projet.collectivite);
      for (const person of [...projet.auteurs, ...projet.tuteurs]) if (person.nom.length >= 5) specific.add(person.nom);
    }
    for (const promotion of gold.promotions) specific.add(promotion.nom.toUpperCase());
    const all = [...source.values()].join('\n').toUpperCase();
    expect([...specific].filter((text) => all.includes(text.toUpperCase()))).toEqual([]);
  });
});
