/**
 * Diagnostics: every anomaly of the 2019 brochure listed in its gold README is raised, a clean
 * hand-made brochure raises none, and each anomaly planted in a hand-made brochure is raised.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runStages } from '../src/pipeline.js';
import type { Diagnostic } from '../src/types.js';
import { cleanBrochure, renderBrochure, type BrochureSpec } from './helpers/brochure.js';

async function diagnosticsOf(source: string): Promise<Diagnostic[]> {
  return (await runStages(new TextEncoder().encode(source), { fileName: 'test.txt' })).document.diagnostics;
}
const codes = (list: readonly Diagnostic[]): string[] => list.map((d) => `${d.code}${d.projet === undefined ? '' : `@${d.projet}`}`);

describe('the 2019 brochure', () => {
  // The anomalies the gold's README asks a good pipeline to report, as code@projet.
  const EXPECTED = [
    'PROMOTION_NAME_MISMATCH', 'SECTION_TITLE_VARIANT', 'ROSTER_FORMAT', 'ROSTER_MEMBER_WITHOUT_PROJECT',
    'TOC_TITLE_MISMATCH@5', 'TOC_TITLE_MISMATCH@6', 'TOC_TITLE_MISMATCH@16', 'TOC_TITLE_MISMATCH@17', 'TOC_TITLE_MISMATCH@22',
    'EMAIL_NAME_MISMATCH@5', 'EMAIL_NAME_MISMATCH@15', 'EMAIL_NAME_MISMATCH@21', 'EMAIL_NON_ASCII@6', 'EMAIL_NON_ASCII@21',
    'AUTHOR_ROSTER_MISMATCH@14', 'AUTHOR_ROSTER_MISMATCH@15', 'AUTHOR_ROSTER_MISMATCH@17', 'AUTHOR_ROSTER_MISMATCH@21',
    'AUTHOR_ROSTER_VARIANT@2', 'AUTHOR_ROSTER_VARIANT@4', 'AUTHOR_ROSTER_VARIANT@8', 'AUTHOR_ROSTER_VARIANT@11',
    'DUPLICATE_TEAM@12', 'TUTOR_LABEL_MISMATCH@8',
    'TUTOR_NAME_VARIANT@2', 'TUTOR_NAME_VARIANT@4', 'TUTOR_NAME_VARIANT@19', 'TUTOR_NAME_VARIANT@21',
    'TUTOR_ROLE_VARIANT@6', 'TUTOR_ROLE_VARIANT@14', 'TUTOR_ROLE_VARIANT@16', 'TUTOR_ROLE_VARIANT@19', 'SUSPECT_COPY@8',
    'DUPLICATED_TEXT@8', 'DUPLICATED_TEXT@15', 'TRUNCATED_TEXT@10', 'TRUNCATED_TEXT@22', 'PLACEHOLDER_TEXT@7', 'DUPLICATED_WORD@10',
    'TESTIMONY_OUTSIDE_RUBRIQUE@16',
    'ALLER_PLUS_LOIN_PROSE@18', 'ALLER_PLUS_LOIN_PROSE@19', 'CHIFFRE_AMBIGUOUS@10', 'CHIFFRE_AMBIGUOUS@12',
    ...[1, 7, 10, 13, 15, 16, 17, 18, 20, 22].map((n) => `MISSING_RUBRIQUE@${n}`),
  ];
  // Printed in the converter text only: the PDF sets the e-mail of 17 in lower case, 22's name
  // « PEREZ-TEJEDOR » in capitals as in the roster, no heading over an empty « Les chiffres », the
  // rubriques in the usual order and 05's testimony heading like the others.
  const TEXT_ONLY = [
    'EMAIL_CASE@17', 'AUTHOR_ROSTER_VARIANT@22',
    'EMPTY_RUBRIQUE@2', 'EMPTY_RUBRIQUE@3', 'EMPTY_RUBRIQUE@8', 'EMPTY_RUBRIQUE@17', 'EMPTY_RUBRIQUE@20',
    'RUBRIQUE_ORDER@4', 'RUBRIQUE_ORDER@14', 'RUBRIQUE_ORDER@19', 'RUBRIQUE_HEADING_VARIANT@5',
    'FOOTNOTE', 'LINK_TARGET_LOST',
  ];

  it.each(['input.txt', 'input.pdf'])('raises every listed anomaly from %s', async (input) => {
    const bytes = new Uint8Array(readFileSync(new URL(`../fixtures/inet-2019/${input}`, import.meta.url)));
    const { document } = await runStages(bytes, { fileName: input });
    const raised = new Set(codes(document.diagnostics));
    const expected = input.endsWith('.txt') ? [...EXPECTED, ...TEXT_ONLY] : EXPECTED;
    expect(expected.filter((code) => !raised.has(code))).toEqual([]);
    for (const diagnostic of document.diagnostics) {
      expect(diagnostic.message.length, diagnostic.code).toBeGreaterThan(10);
      if (input.endsWith('.pdf') && diagnostic.projet !== undefined) expect(diagnostic.page, `${diagnostic.code}@${diagnostic.projet} has a page`).toBeTypeOf('number');
    }
  });
});

describe('a hand-made brochure', () => {
  it('raises nothing when it is clean', async () => {
    expect(codes(await diagnosticsOf(renderBrochure(cleanBrochure())))).toEqual([]);
  });

  it('raises nothing when the sommaire prints each collectivité over its title (toc-collectivite-first)', async () => {
    const spec = cleanBrochure();
    for (const projet of spec.sections.flatMap((section) => section.projets)) projet.sommaireCollectiviteFirst = true;
    expect(codes(await diagnosticsOf(renderBrochure(spec)))).toEqual([]);
  });

  const planted: [string, (spec: BrochureSpec) => void, string[]][] = [
    ['an e-mail that misspells the name', (s) => { s.sections[0]!.projets[0]!.auteurs[0]!.email = 'alice.martine@administrateur-inet.org'; }, ['EMAIL_NAME_MISMATCH@1']],
    ['a non-ASCII e-mail', (s) => { s.sections[0]!.projets[0]!.auteurs[1]!.email = 'emma.roussél@conservateur-inet.org'; }, ['EMAIL_NON_ASCII@1']],
    ['an unknown domain', (s) => { s.sections[0]!.projets[1]!.auteurs[0]!.email = 'bruno.lefevre@gmail.com'; }, ['EMAIL_UNKNOWN_DOMAIN@2']],
    ['a missing e-mail', (s) => { s.sections[0]!.projets[1]!.auteurs[0]!.email = null; }, ['EMAIL_MISSING@2']],
    ['a damaged e-mail', (s) => { s.sections[0]!.projets[1]!.auteurs[0]!.email = 'bruno.lefevre@administrateur-inet.org fabien@'; }, ['EMAIL_INVALID@2']],
    ['an author in no roster', (s) => { s.promotions[2]!.membres = ['DURAND Chloé']; }, ['AUTHOR_NOT_IN_ROSTER@3']],
    ['a roster spelling', (s) => { s.promotions[0]!.membres[1] = 'MARTINE Alice'; }, ['AUTHOR_ROSTER_MISMATCH@1']],
    ['a corps unlike the promotion', (s) => { s.promotions[2]!.membres = ['PETIT David']; s.promotions[0]!.membres.push('DURAND Chloé'); }, ['CORPS_PROMOTION_MISMATCH@3']],
    ['a roster heading unlike the cover', (s) => { s.promotions[1]!.heading = 'MARIE CURY'; }, ['PROMOTION_NAME_MISMATCH']],
    ['a sommaire title unlike the page', (s) => { s.sections[0]!.projets[1]!.sommaireTitre = 'UN DEUXIEME PROJET'; }, ['TOC_TITLE_MISMATCH@2']],
    ['a sommaire title unlike the page, the sommaire printing the collectivité over it', (s) => {
      s.sections[0]!.projets[1]!.sommaireTitre = 'UN DEUXIEME PROJET';
      s.sections[0]!.projets[1]!.sommaireCollectiviteFirst = true;
    }, ['TOC_TITLE_MISMATCH@2']],
    ['a missing rubrique', (s) => { delete s.sections[0]!.projets[1]!.problematique; }, ['MISSING_RUBRIQUE@2']],
    ['an empty « Les chiffres »', (s) => { s.sections[1]!.projets[0]!.chiffres = []; }, ['EMPTY_RUBRIQUE@3']],
    ['a singular label over two tutors', (s) => {
      const projet = s.sections[0]!.projets[0]!;
      projet.tuteurLabel = 'TUTRICE AU SEIN DE LA COLLECTIVITÉ';
      projet.tuteurs.push({ prenom: 'Zoé', nom: 'LAMBERT', fonction: 'Cheffe de projet' });
    }, ['TUTOR_LABEL_MISMATCH@1']],
    ['a paragraph printed in two projects', (s) => {
      const paragraph = 'Ce paragraphe assez long a été copié d’un projet à l’autre sans que personne ne le remarque avant impression.';
      s.sections[0]!.projets[0]!.contexte = paragraph;
      s.sections[0]!.projets[1]!.contexte = paragraph;
    }, ['DUPLICATED_TEXT@2']],
    ['two projects by one team', (s) => { s.sections[0]!.projets[1]!.auteurs = structuredClone(s.sections[0]!.projets[0]!.auteurs); }, ['DUPLICATE_TEAM@2']],
    ['a placeholder left in the text', (s) => { s.sections[0]!.projets[0]!.cles = 'Nous avons rencontré (x personnes rencontrées) et conclu.'; }, ['PLACEHOLDER_TEXT@1']],
  ];
  it.each(planted)('reports %s', async (_, plant, expected) => {
    const spec = cleanBrochure();
    plant(spec);
    const raised = codes(await diagnosticsOf(renderBrochure(spec)));
    expect(raised).toEqual(expect.arrayContaining(expected));
  });

  it('does not count the tutors under a label naming the activity, not the person (« ENCADREMENT »)', async () => {
    const spec = cleanBrochure();
    const projet = spec.sections[0]!.projets[0]!;
    projet.tuteurLabel = 'ENCADREMENT';
    projet.tuteurs.push({ prenom: 'Zoé', nom: 'LAMBERT', fonction: 'Cheffe de projet' });
    const { document } = await runStages(new TextEncoder().encode(renderBrochure(spec)), { fileName: 'test.txt' });
    // Both tutors read under the label: the check had two people to count.
    expect(document.projets[0]!.tuteurs).toHaveLength(2);
    expect(codes(document.diagnostics).filter((code) => code.startsWith('TUTOR_LABEL_MISMATCH'))).toEqual([]);
  });
});
