/**
 * The features layer (src/features.ts): computed once after extract, read by the stages instead of
 * recomputing sizes, weights and shapes from the lines.
 */
import { describe, expect, it } from 'vitest';
import { describeBlocks, featuresOf } from '../src/features.js';
import { DEFAULT_VOCABULARY } from '../src/profile.js';
import type { Block, ExtractedDocument } from '../src/types.js';
import { block } from './helpers/blocks.js';
import { BODY, filler, layout, LEADING, run } from './helpers/runs.js';

const of = (b: Block) => featuresOf(b, DEFAULT_VOCABULARY);
const family = DEFAULT_VOCABULARY.emailDomains[0]!.domain;

describe('size class, weight and case', () => {
  it('classes a block by the size all its lines share, relative to the body', () => {
    expect(of(block([['01', 3, true]])).size).toBe('display');
    expect(of(block([['Un titre', 1.3, true], ['sur deux lignes', 1.2, true]])).size).toBe('larger');
    expect(of(block([['Une légende', 0.8, false]])).size).toBe('smaller');
    expect(of(block([['Le texte', 1, false]])).size).toBe('body');
    expect(of(block([['Un titre', 1.6, true], ['Sa ville', 0.9, false]])).size).toBe('mixed');
    expect(of(block('Converter text')).size).toBeNull();
  });

  it('tells the weight, unknown when the input cannot tell', () => {
    expect(of(block([['A', 1, true], ['B', 1, true]])).weight).toBe('bold');
    expect(of(block([['A', 1, false]])).weight).toBe('regular');
    expect(of(block([['A', 1, true], ['b', 1, false]])).weight).toBe('mixed');
    expect(of(block('a')).weight).toBeNull();
  });

  it('tells capitals, title case and mixed case', () => {
    expect(of(block('LES CHIFFRES')).case).toBe('upper');
    expect(of(block('Claire Le Goff')).case).toBe('title');
    expect(of(block('Le contexte de la mission')).case).toBe('mixed');
    expect(of(block('550 000')).case).toBeNull();
  });
});

describe('shapes', () => {
  it('flags a project number alone, a family e-mail, a name, a figure, a dot leader and a web address', () => {
    expect(of(block('01/')).projectNumber).toBe(1);
    expect(of(block('01/ TITRE DU PROJET')).projectNumber).toBeNull();
    expect(of(block(`claire.legoff@${family}`)).familyEmail).toBe(true);
    expect(of(block('claire.legoff@example.org')).familyEmail).toBe(false);
    expect(of(block(`Claire LE GOFF\nclaire.legoff@${family}`)).personName).toBe(true);
    expect(of(block('Directeur général')).personName).toBe(false);
    expect(of(block('150 000\nhabitants')).figure).toBe(true);
    expect(of(block('En 2019, la ville')).figure).toBe(false);
    expect(of(block('UN TITRE ........ 12')).dotLeader).toBe(true);
    expect(of(block('Voir www.exemple.fr')).url).toBe(true);
  });
});

describe('computed once', () => {
  const blocks = layout([
    ...filler(100),
    run('Un paragraphe qui suit après une ligne blanche.', 56.8, 100 + 7 * LEADING),
    run('LES CHIFFRES', 56.8, 100 + 10 * LEADING, { bold: true }),
  ]);
  const extracted: ExtractedDocument = { format: 'pdf', pageCount: 1, blocks, bodyLineHeight: LEADING, diagnostics: [] };
  describeBlocks(extracted, DEFAULT_VOCABULARY);

  it('keeps each block\'s box and measures the white before it in body line heights', () => {
    expect(blocks.map((b) => b.features?.gapBefore ?? null)).toEqual([null, (2 * LEADING - BODY) / LEADING, (3 * LEADING - BODY) / LEADING].map((gap) => (gap === null ? null : Math.round(gap * 100) / 100)));
    expect(blocks[0]!.box).toMatchObject({ x: 56.8, region: 0, column: 0 });
  });

  it('never leaks into what is written, and a block made from another computes its own', () => {
    const heading = blocks[2]!;
    expect(JSON.stringify(heading)).not.toContain('features');
    const cut: Block = { ...heading, lines: [{ ...heading.lines[0]!, bold: false }] };
    expect(cut.features).toBeUndefined();
    expect(heading.features?.weight).toBe('bold');
    expect(of(cut).weight).toBe('regular');
  });
});
