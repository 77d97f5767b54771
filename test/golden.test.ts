/**
 * Golden tests: the whole pipeline on every fixture folder (fixtures/<name>/: input files and the
 * hand-verified `expected.json`) against its expected document, field by field, with a readable
 * diff on failure, and its `compare` score. A new year is a new folder, nothing else.
 *
 * Structured fields (names, e-mails, corps, promotions, figures, pages, sections) must be equal.
 * Text rubriques and figure libellés must be equal once white space is folded, unless the
 * fixture's `fixture.json` documents a tolerance (with the reason its README gives): then a
 * word-level similarity of at least that value is required and the difference is printed.
 * Designs (fixtures/designs/) are checked by test/designs.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDocuments, formatComparison, textSimilarity } from '../src/compare/index.js';
import { runStages, type StageResults } from '../src/pipeline.js';
import type { Auteur, Projet } from '../src/types.js';
import { listFixtures, type Fixture } from './helpers/fixtures.js';

const TEXT_FIELDS = ['contexte', 'problematique', 'clesPourAgir', 'temoignage'] as const;

const fold = (text: string | null): string => (text ?? '').replace(/\s+/g, ' ').trim();

/** The first place two texts differ, with some context, for failure messages. */
function firstDifference(a: string | null, b: string | null): string {
  const x = fold(a);
  const y = fold(b);
  let i = 0;
  while (i < x.length && x[i] === y[i]) i++;
  return `at ${i}:\n  expected …${x.slice(Math.max(0, i - 50), i + 70)}…\n  actual   …${y.slice(Math.max(0, i - 50), i + 70)}…`;
}

const runs = new Map<string, Promise<StageResults>>();
function run(fixture: Fixture, input: string): Promise<StageResults> {
  const key = join(fixture.dir, input);
  if (!runs.has(key)) runs.set(key, runStages(new Uint8Array(readFileSync(key)), { fileName: input }));
  return runs.get(key)!;
}

const fixtures = listFixtures();

describe('fixtures', () => {
  it('are found, each with at least one input', () => {
    expect(fixtures.map((f) => f.name)).toEqual(expect.arrayContaining(['inet-2019', 'synthetic-2031']));
    for (const fixture of fixtures) expect(fixture.inputs.length, fixture.name).toBeGreaterThan(0);
  });
});

describe.each(fixtures.map((f) => [f.name, f] as const))('fixture %s', (_, fixture) => {
  const { expected, config } = fixture;
  const minTextSimilarity = config.textSimilarity?.value ?? 1;
  const labelSimilarity = config.figureLabelSimilarity?.value ?? 1;
  const minScore = config.minScore?.value ?? 1;

  describe.each(fixture.inputs)('from %s', (input) => {
    const pdf = input.endsWith('.pdf');
    /** Author names as printed; case aside where the fixture documents why. */
    const asPrinted = (list: readonly Auteur[]): Auteur[] =>
      config.namesCaseInsensitive?.value.includes(input) ? list.map((a) => ({ ...a, nom: a.nom.toUpperCase() })) : [...list];

    it(`scores at least ${minScore} with compare`, async () => {
      const { document } = await run(fixture, input);
      const comparison = compareDocuments(document, expected);
      expect(comparison.score, formatComparison(comparison)).toBeGreaterThanOrEqual(minScore);
    });

    it('raises no error and is not partial (the self-check finds nothing misread)', async () => {
      const { document, partial } = await run(fixture, input);
      expect(document.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      expect(partial).toBe(false);
    });

    it('has the brochure fields, sections and rosters', async () => {
      const { document } = await run(fixture, input);
      expect(document.brochure).toEqual(expected.brochure);
      expect(document.sections).toEqual(expected.sections);
      expect(document.promotions).toEqual(expected.promotions);
      expect(document.projets.map((p) => p.numero)).toEqual(expected.projets.map((p) => p.numero));
      expect(document.source.format).toBe(pdf ? 'pdf' : 'text');
    });

    describe.each(expected.projets.map((p) => [String(p.numero).padStart(2, '0'), p] as const))('projet %s', (_, want) => {
      const got = async (): Promise<Projet> => {
        const found = (await run(fixture, input)).document.projets.find((p) => p.numero === want.numero);
        expect(found, `projet ${want.numero} is missing`).toBeDefined();
        return found!;
      };

      it('has its heading fields, people and figures', async () => {
        const projet = await got();
        for (const field of ['id', 'section', 'titre', 'collectivite', 'page'] as const) expect(projet[field], field).toEqual(want[field]);
        if (want.pages !== undefined && want.pages !== null) expect(projet.pages, 'pages').toEqual(pdf ? want.pages : null);
        expect(asPrinted(projet.auteurs)).toEqual(asPrinted(want.auteurs));
        expect(projet.tuteurs).toEqual(want.tuteurs);
        expect(projet.chiffres.map((c) => [c.valeur, c.nombre])).toEqual(want.chiffres.map((c) => [c.valeur, c.nombre]));
        projet.chiffres.forEach((c, i) => {
          const libelle = want.chiffres[i]!.libelle;
          if (fold(c.libelle) === fold(libelle)) return;
          expect(textSimilarity(libelle, c.libelle), `libellé of ${c.valeur}: ${firstDifference(libelle, c.libelle)}`).toBeGreaterThanOrEqual(labelSimilarity);
        });
        expect(projet.allerPlusLoin.map((a) => a.url)).toEqual(want.allerPlusLoin.map((a) => a.url));
        expect(projet.allerPlusLoin.map((a) => fold(a.texte))).toEqual(want.allerPlusLoin.map((a) => fold(a.texte)));
      });

      it.each(TEXT_FIELDS)('has its rubrique %s', async (field) => {
        const projet = await got();
        if (want[field] === null) {
          expect(projet[field]).toBeNull();
          return;
        }
        if (fold(projet[field]) === fold(want[field])) return;
        expect(textSimilarity(want[field], projet[field]), `${field} differs ${firstDifference(want[field], projet[field])}`).toBeGreaterThanOrEqual(minTextSimilarity);
      });
    });
  });

  const pdfInput = fixture.inputs.find((i) => i.endsWith('.pdf'));
  const textInput = fixture.inputs.find((i) => !i.endsWith('.pdf'));
  if (pdfInput !== undefined && textInput !== undefined) {
    describe('the two inputs', () => {
      it('give the same records', async () => {
        const [a, b] = await Promise.all([run(fixture, pdfInput), run(fixture, textInput)]);
        const comparable = (p: Projet) => ({
          ...p,
          pages: undefined,
          encadres: undefined,
          auteurs: p.auteurs.map((x) => ({ ...x, nom: x.nom.toUpperCase() })),
          contexte: 0, problematique: 0, clesPourAgir: 0, temoignage: 0,
          chiffres: p.chiffres.map((c) => c.valeur),
        });
        const textProjects = b.document.projets;
        for (const [i, y] of textProjects.entries()) {
          const x = a.document.projets[i]!;
          expect(comparable(x)).toEqual(comparable(y));
          // The two inputs lay text out differently (tables, boxes): 0.97 at least, as the 2019 pair needs.
          for (const field of TEXT_FIELDS) expect(textSimilarity(x[field], y[field]), `projet ${y.numero} ${field}`).toBeGreaterThanOrEqual(Math.min(minTextSimilarity, 0.97));
        }
      });

      it('reports where each project lies in the PDF only', async () => {
        const [a, b] = await Promise.all([run(fixture, pdfInput), run(fixture, textInput)]);
        expect(b.document.projets.every((p) => p.pages === null)).toBe(true);
        for (const projet of a.document.projets) {
          expect(projet.pages, `projet ${projet.numero}`).not.toBeNull();
          expect(projet.pages!.debut).toBeLessThanOrEqual(projet.pages!.fin);
        }
      });
    });
  }
});
