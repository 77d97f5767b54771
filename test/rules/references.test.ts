/**
 * « Aller plus loin » references (src/parse/index.ts): one reference per printed item, whatever
 * column or page break cut it. Each rule on a few invented blocks.
 */
import { describe, expect, it } from 'vitest';
import { parseProject } from '../../src/parse/index.js';
import type { Block } from '../../src/types.js';
import { alike, block } from '../helpers/blocks.js';

/** The references a project page holding these blocks under « POUR ALLER PLUS LOIN » gives. */
function referencesOf(items: readonly Block[]): string[] {
  const blocks = [
    alike(['PROJET 18'], 1, true, 50),
    alike(['ACCÉLÉRATION DU DÉVELOPPEMENT ÉCONOMIQUE'], 1.6, true, 50),
    alike(['CONTEXTE'], 1, true, 50),
    alike(['La Région soutient l’innovation des entreprises.'], 1, false, 50),
    alike(['POUR ALLER PLUS LOIN'], 1, true, 50),
    ...items,
  ];
  return parseProject({ numero: 18, section: '', heading: blocks[0]!, blocks: blocks.slice(1) }).allerPlusLoin.map((reference) => reference.texte);
}

describe('a reference cut by a column or page break', () => {
  it('goes on after a short word in lower case, even when the next block opens on a capital', () => {
    const references = referencesOf([
      alike(['Le stage a été effectué sur un sujet d’actualités. Il est à noter que la vocation même du'], 0.89, false, 50),
      alike(['Hub Recherche a été inspirée par un chef d’entreprise.'], 0.89, false, 51),
      alike(['Stratégie touristique Alsace 2017-2021'], 0.89, false, 51),
    ]);
    expect(references).toEqual([
      'Le stage a été effectué sur un sujet d’actualités. Il est à noter que la vocation même du Hub Recherche a été inspirée par un chef d’entreprise.',
      'Stratégie touristique Alsace 2017-2021',
    ]);
  });

  it('goes on after a word cut at a hyphen', () => {
    const references = referencesOf([alike(['Une immersion auprès de l’équipe du Haut-'], 0.89, false, 50), alike(['Koenigsbourg, rapport de stage, 2019'], 0.89, false, 51)]);
    expect(references).toEqual(['Une immersion auprès de l’équipe du Haut-Koenigsbourg, rapport de stage, 2019']);
  });

  it('does not go on after a short word where the type is unknown (converter text may run two references into each other)', () => {
    const references = referencesOf([block('Observatoire de la restauration collective durable, Guide de la'), block('Association des maires de Marne-et-Solvaire, www.maires-solvaire.fr')]);
    expect(references).toEqual(['Observatoire de la restauration collective durable, Guide de la', 'Association des maires de Marne-et-Solvaire, www.maires-solvaire.fr']);
  });

  it('ends on its web address, and a block opening on a capital after a longer word is a reference of its own', () => {
    const references = referencesOf([block('Publications de l’Union sociale pour l’habitat, www.union-habitat.org'), block('Rapport au Premier Ministre - mission Alsace Grand Est'), block('France eau publique')]);
    expect(references).toEqual(['Publications de l’Union sociale pour l’habitat, www.union-habitat.org', 'Rapport au Premier Ministre - mission Alsace Grand Est', 'France eau publique']);
  });
});

describe('running text in the body’s type read after references set smaller', () => {
  const project = (last: Block) => {
    const blocks = [
      alike(['PROJET 01'], 1, true, 4),
      alike(['MUTUALISER LA RESTAURATION SCOLAIRE'], 1.6, true, 4),
      alike(['PROBLÉMATIQUE'], 1, true, 4),
      alike(['Comment organiser un service commun de restauration scolaire ?'], 1, false, 4),
      alike(['RÉFÉRENCES'], 1, true, 4),
      alike(['Observatoire de la restauration collective durable, Guide, 2029'], 0.85, false, 4),
      alike(['Association des maires de Marne-et-Solvaire, www.maires-solvaire.fr'], 0.85, false, 4),
      last,
    ];
    return parseProject({ numero: 1, section: '', heading: blocks[0]!, blocks: blocks.slice(1) });
  };
  const paragraph = ['L’équipe devait proposer plusieurs scénarios d’organisation,', 'en estimer le coût et identifier les conditions de leur', 'acceptation par les élus comme par les agents.'];

  it('goes back to the text rubrique before the references (text-read-after-references)', () => {
    const read = project(alike(paragraph, 1, false, 4));
    expect(read.allerPlusLoin.map((reference) => reference.texte)).toHaveLength(2);
    expect(read.problematique).toContain('acceptation par les élus');
  });

  it('stays a reference when set in the references’ type', () => {
    const read = project(alike(paragraph, 0.85, false, 4));
    expect(read.allerPlusLoin).toHaveLength(3);
  });
});
