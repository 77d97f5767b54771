/**
 * The synthetic 2031 brochure (fixtures/synthetic-2031/): a second, differently designed member of
 * the family — single-column body, authors in a left sidebar, key figures in a right box, "NOM
 * Prénom" names, heading variants, a soft-hyphenated word, a superscript, a ligature, rosters in
 * three side-by-side columns — read from the converter text and from the PDF Chromium printed.
 *
 * Each input is compared with `expected.json` field by field, exactly (the fixture is invented, so
 * nothing is left to judgement), and the three anomalies planted in it (README.md) must be
 * reported. Cases the extractor does not pass yet are listed in KNOWN_GAPS and run as `it.fails`:
 * the expectation is not weakened, and a case starts failing as soon as its gap is fixed — then
 * delete its entry. `SYNTHETIC_STRICT=1 npx vitest run test/synthetic.test.ts` runs them as ordinary
 * cases, to read their diffs.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runStages, type StageResults } from '../src/pipeline.js';
import type { Auteur, BrochureDocument, Chiffre, Diagnostic, Projet, Tuteur } from '../src/types.js';
import { validateDocument } from '../src/validate/index.js';

type Input = 'input.txt' | 'input.pdf';

const FIXTURE = new URL('../fixtures/synthetic-2031/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('expected.json', FIXTURE), 'utf8')) as BrochureDocument;

/**
 * Cases that fail because of the extractor (src/), by input and case name, each with the gap.
 * Keep the reason precise: it is what the lead reads to fix src/.
 */
const KNOWN_GAPS: Record<Input, Record<string, string>> = {
  'input.txt': {},
  'input.pdf': {},
};

/** The anomalies planted in the fixture (README.md), as code, project and PDF page. */
const PLANTED: readonly { code: string; projet: number; page: number; why: string }[] = [
  { code: 'EMAIL_NAME_MISMATCH', projet: 2, page: 7, why: '« PERRAUDIN Camille » / camille.peraudin@…' },
  { code: 'AUTHOR_ROSTER_MISMATCH', projet: 4, page: 12, why: '« LOURMEL Baptiste » / roster « LOURMELLE Baptiste »' },
  { code: 'TOC_TITLE_MISMATCH', projet: 3, page: 10, why: 'sommaire « MUNICIPALES » / page « COMMUNALES »' },
];

/** Run known gaps as ordinary cases (to see what the extractor produces). */
const STRICT = process.env.SYNTHETIC_STRICT === '1';

const TEXT_FIELDS = ['contexte', 'problematique', 'clesPourAgir', 'temoignage'] as const;

const runs = new Map<Input, Promise<StageResults>>();
function run(input: Input): Promise<StageResults> {
  if (!runs.has(input)) runs.set(input, runStages(new Uint8Array(readFileSync(new URL(input, FIXTURE))), { fileName: input }));
  return runs.get(input)!;
}

/** Where two strings first differ, with context, for failure messages. */
function firstDifference(want: string | null, got: string | null): string {
  if (want === null || got === null) return `expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`;
  let i = 0;
  while (i < want.length && want[i] === got[i]) i++;
  const show = (text: string): string => JSON.stringify(text.slice(Math.max(0, i - 40), i + 60));
  return `first difference at character ${i}:\n  expected …${show(want)}…\n  actual   …${show(got)}…`;
}

const label = (numero: number): string => `projet ${String(numero).padStart(2, '0')}`;

describe('synthetic-2031/expected.json', () => {
  it('is a valid v1 document', () => {
    const result = validateDocument(expected);
    expect(result.valid ? [] : result.errors).toEqual([]);
  });
});

describe.each(['input.txt', 'input.pdf'] as const)('synthetic 2031 brochure from %s', (input) => {
  const gaps = KNOWN_GAPS[input];
  /** `it`, or `it.fails` when the case is a known extractor gap for this input. */
  const check = (name: string, body: () => Promise<void>): void => {
    if (name in gaps && !STRICT) it.fails(`${name} [known gap: ${gaps[name]}]`, body);
    else it(name, body);
  };
  const projet = async (numero: number): Promise<Projet> => {
    const found = (await run(input)).document.projets.find((p) => p.numero === numero);
    expect(found, `${label(numero)} is missing`).toBeDefined();
    return found!;
  };

  check('brochure fields and source format', async () => {
    const { document } = await run(input);
    expect(document.brochure).toEqual(expected.brochure);
    expect(document.source.format).toBe(input === 'input.pdf' ? 'pdf' : 'text');
    expect(document.source.pageCount).toBe(input === 'input.pdf' ? 14 : null);
  });

  check('sections', async () => {
    expect((await run(input)).document.sections).toEqual(expected.sections);
  });

  check('promotions', async () => {
    const { promotions } = (await run(input)).document;
    expect(promotions.map((p) => p.nom), 'promotion names').toEqual(expected.promotions.map((p) => p.nom));
    for (const want of expected.promotions) {
      const got = promotions.find((p) => p.nom === want.nom);
      expect(got?.membres.map((m) => `${m.nom} ${m.prenom}`), `members of ${want.nom}`).toEqual(want.membres.map((m) => `${m.nom} ${m.prenom}`));
    }
  });

  check('project numbers', async () => {
    expect((await run(input)).document.projets.map((p) => p.numero)).toEqual(expected.projets.map((p) => p.numero));
  });

  for (const want of expected.projets) {
    const name = label(want.numero);

    check(`${name} heading fields`, async () => {
      const got = await projet(want.numero);
      for (const field of ['id', 'section', 'titre', 'collectivite', 'page'] as const) expect(got[field], `${name} ${field}`).toEqual(want[field]);
      expect(got.pages, `${name} pages`).toEqual(input === 'input.pdf' ? want.pages : null);
    });

    check(`${name} auteurs`, async () => {
      const got = await projet(want.numero);
      // One readable line per author first (the diff then names the field), then exact equality.
      const line = (a: Auteur): string => `${a.nom} | ${a.prenom} | ${a.email} | ${a.corps} | ${a.promotion}`;
      expect(got.auteurs.map(line), `${name} auteurs (nom | prenom | email | corps | promotion)`).toEqual(want.auteurs.map(line));
      expect(got.auteurs).toEqual(want.auteurs);
    });

    check(`${name} tuteurs`, async () => {
      const got = (await projet(want.numero)).tuteurs;
      const line = (t: Tuteur): string => `${t.nom} | ${t.prenom} | ${t.fonction}`;
      expect(got.map(line), `${name} tuteurs (nom | prenom | fonction)`).toEqual(want.tuteurs.map(line));
      expect(got).toEqual(want.tuteurs);
    });

    for (const field of TEXT_FIELDS) {
      check(`${name} ${field}`, async () => {
        const got = (await projet(want.numero))[field];
        expect(got, `${name} ${field}: ${firstDifference(want[field], got)}`).toBe(want[field]);
      });
    }

    check(`${name} chiffres`, async () => {
      const got = (await projet(want.numero)).chiffres;
      const line = (c: Chiffre): string => `${c.valeur} | ${c.nombre} | ${c.libelle}`;
      expect(got.map(line), `${name} chiffres (valeur | nombre | libelle)`).toEqual(want.chiffres.map(line));
      expect(got).toEqual(want.chiffres);
    });

    check(`${name} allerPlusLoin and encadres`, async () => {
      const got = await projet(want.numero);
      expect(got.allerPlusLoin, `${name} allerPlusLoin`).toEqual(want.allerPlusLoin);
      expect(got.encadres ?? [], `${name} encadres`).toEqual(want.encadres ?? []);
    });
  }

  for (const anomaly of PLANTED) {
    check(`reports ${anomaly.code} for ${label(anomaly.projet)}`, async () => {
      const { diagnostics } = (await run(input)).document;
      const found = diagnostics.filter((d) => d.code === anomaly.code && d.projet === anomaly.projet);
      expect(found.length, `${anomaly.code} for ${label(anomaly.projet)} (${anomaly.why}); raised: ${summary(diagnostics)}`).toBeGreaterThan(0);
      for (const diagnostic of found) expect(diagnostic.page, `${anomaly.code} page`).toBe(input === 'input.pdf' ? anomaly.page : undefined);
    });
  }

  check('no warning besides the planted ones', async () => {
    const { diagnostics } = (await run(input)).document;
    const planted = new Set(PLANTED.map((a) => `${a.code}@${a.projet}`));
    const unexpected = diagnostics.filter((d) => d.severity !== 'info' && !planted.has(`${d.code}@${d.projet}`));
    expect(unexpected.map((d) => `${d.code}@${d.projet ?? '-'}: ${d.message}`)).toEqual([]);
  });
});

function summary(diagnostics: readonly Diagnostic[]): string {
  return diagnostics.map((d) => `${d.code}@${d.projet ?? '-'}`).join(', ') || 'none';
}
