/**
 * Project starts from independent sources reconciled (src/segment/starts.ts): each rule on a few
 * invented blocks, so that it fails on its own.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import { segmentDocument } from '../../src/segment/index.js';
import { findProjectStarts } from '../../src/segment/starts.js';
import type { Block, SommaireEntry } from '../../src/types.js';
import { block } from '../helpers/blocks.js';

const entry = (numero: number, texte: string, page: number): SommaireEntry => ({ numero, section: '', texte, lines: [], page });

/** A project's first page: its number, title, the authors' heading and two family e-mails. */
function project(label: string, title: string, page: number, heading = 'LES AUTEURS'): Block[] {
  return [
    block([[label, 1.6, true]], page),
    block([[title, 1.4, true]], page),
    block([[heading, 1, true]], page),
    block([['Lisa MARCHETTI', 1, true], ['lisa.marchetti@administrateur-inet.org', 0.9, false]], page),
    block([['Théo VIGNAL', 1, true], ['theo.vignal@ingenieurchef-inet.org', 0.9, false]], page),
    block([['Le texte du projet.', 1, false]], page),
  ];
}

describe('a start the sommaire lacks', () => {
  const entries = [entry(1, 'UN PREMIER TITRE DE PROJET', 5), entry(2, 'UN DEUXIÈME TITRE DE PROJET', 7)];

  it('is kept when the body says it twice: a project number (label or display type), then a team', () => {
    const blocks = [...project('PROJET 01', 'UN PREMIER TITRE DE PROJET', 5), ...project('PROJET 02', 'UN DEUXIÈME TITRE DE PROJET', 7), ...project('PROJET 03', 'UN TROISIÈME TITRE', 9)];
    const starts = findProjectStarts(blocks, 0, blocks.length, entries, DEFAULT_VOCABULARY);
    expect(starts.map((start) => [start.numero, start.index, start.how])).toEqual([[1, 0, 'authors'], [2, 6, 'authors'], [3, 12, 'body']]);
    expect(starts[2]!.evidence).toEqual(['not-in-sommaire', 'labelled-number', 'display-number', 'authors-heading', 'family-emails', 'next-in-sequence']);
  });

  it('is kept in converter text, its number in body type, when it goes on from the last start and the authors’ heading follows', () => {
    // No type size in converter text: « 03 » alone on its line, far past a sommaire cut short after 02.
    const plain = (number: string, title: string): Block[] => project(number, title, 0).map((b) => ({ ...b, page: null, lines: b.lines.map((line) => ({ ...line, size: null, bold: null })) }));
    const blocks = [...plain('01', 'UN PREMIER TITRE DE PROJET'), ...plain('02', 'UN DEUXIÈME TITRE DE PROJET'), ...plain('03', 'UN TROISIÈME TITRE'), ...plain('04', 'UN QUATRIÈME TITRE'), ...plain('05', 'UN CINQUIÈME TITRE'), ...plain('06', 'UN SIXIÈME TITRE')];
    const starts = findProjectStarts(blocks, 0, blocks.length, entries, DEFAULT_VOCABULARY);
    expect(starts.map((start) => [start.numero, start.how])).toEqual([[1, 'authors'], [2, 'authors'], [3, 'body'], [4, 'body'], [5, 'body'], [6, 'body']]);
    expect(starts[5]!.evidence).toEqual(['not-in-sommaire', 'authors-heading', 'family-emails', 'next-in-sequence']);
    // A number that skips the sequence is not read so (« 09 » after 02: a key figure over a team's page).
    const skipping = [...plain('01', 'UN PREMIER TITRE DE PROJET'), ...plain('02', 'UN DEUXIÈME TITRE DE PROJET'), ...plain('09', 'UN AUTRE TITRE')];
    expect(findProjectStarts(skipping, 0, skipping.length, entries, DEFAULT_VOCABULARY).map((start) => start.numero)).toEqual([1, 2]);
  });

  it('is kept on a cluster of family e-mails when the authors’ heading is not a known one', () => {
    const blocks = [...project('PROJET 01', 'UN PREMIER TITRE DE PROJET', 5), ...project('PROJET 02', 'UN DEUXIÈME TITRE DE PROJET', 7), ...project('PROJET 03', 'UN TROISIÈME TITRE', 9, 'LES ÉTUDIANTS')];
    const starts = findProjectStarts(blocks, 0, blocks.length, entries, DEFAULT_VOCABULARY);
    expect(starts.map((start) => [start.numero, start.how])).toEqual([[1, 'authors'], [2, 'authors'], [3, 'body']]);
    expect(starts[2]!.evidence).toContain('family-emails');
  });

  it('is not kept from a number in body type with no team after it (a list item, a key figure)', () => {
    const blocks = [...project('PROJET 01', 'UN PREMIER TITRE DE PROJET', 5), ...project('PROJET 02', 'UN DEUXIÈME TITRE DE PROJET', 7), block([['3', 1, false]], 8), block([['communes membres', 1, false]], 8)];
    expect(findProjectStarts(blocks, 0, blocks.length, entries, DEFAULT_VOCABULARY).map((start) => start.numero)).toEqual([1, 2]);
  });

  it('records for a listed start every source that agrees', () => {
    const blocks = project('PROJET 01', 'UN PREMIER TITRE DE PROJET', 5);
    expect(findProjectStarts(blocks, 0, blocks.length, entries, DEFAULT_VOCABULARY)[0]!.evidence).toEqual(['sommaire-entry', 'labelled-number', 'display-number', 'authors-heading', 'sommaire-title', 'announced-page', 'family-emails']);
  });
});

describe('a damaged sommaire', () => {
  it('does not drop the projects it lacks: the segmented document keeps them, with the evidence that decided their start', () => {
    const sommaire = [block([['SOMMAIRE', 2, true]], 2), block([['01/', 1.2, true]], 2), block([['UN PREMIER TITRE DE PROJET', 0.9, true]], 2), block([['/ P05', 0.9, true]], 2), block([['02/', 1.2, true]], 2), block([['UN DEUXIÈME TITRE DE PROJET', 0.9, true]], 2), block([['/ P07', 0.9, true]], 2)];
    const body = [...project('PROJET 01', 'UN PREMIER TITRE DE PROJET', 5), ...project('PROJET 02', 'UN DEUXIÈME TITRE DE PROJET', 7), ...project('PROJET 03', 'UN TROISIÈME TITRE', 9)];
    const segmented = segmentDocument({ format: 'pdf', pageCount: 10, blocks: [...sommaire, ...body], diagnostics: [] }, DEFAULT_VOCABULARY);
    expect(segmented.sommaire.map((entry) => entry.numero)).toEqual([1, 2]);
    expect(segmented.projects.map((p) => [p.numero, p.startEvidence?.includes('not-in-sommaire') ?? false])).toEqual([[1, false], [2, false], [3, true]]);
  });
});

describe('no sommaire at all', () => {
  it('a number followed by the authors’ heading starts a project, as before (converter text: no type, no label)', () => {
    const blocks = [block('01'), block('UN PREMIER TITRE'), block('LES AUTEURS'), block('Lisa MARCHETTI\nlisa.marchetti@administrateur-inet.org'), block('02'), block('UN DEUXIÈME TITRE'), block('LES AUTEURS'), block('Théo VIGNAL\ntheo.vignal@ingenieurchef-inet.org')];
    expect(findProjectStarts(blocks, 0, blocks.length, [], DEFAULT_VOCABULARY).map((start) => [start.numero, start.how])).toEqual([[1, 'authors'], [2, 'authors']]);
  });
});

describe('a number followed on its line by the sommaire title (a LaTeX \\section)', () => {
  const entries = [entry(3, 'OUVRIR LES ARCHIVES COMMUNALES AUX HABITANTS', 6)];

  it('starts where a bare number is followed on its line by the sommaire entry’s title', () => {
    const blocks = [block([['3 OUVRIR LES ARCHIVES COMMUNALES AUX HABITANTS', 1.2, true]], 6), block([['VILLE DE LORVAL', 1, false]], 6), block([['La ville conserve…', 1, false]], 6)];
    const starts = findProjectStarts(blocks, 0, blocks.length, entries, DEFAULT_VOCABULARY);
    expect(starts.map((start) => [start.index, start.numero, start.how, start.lead.map((lead) => lead.text)])).toEqual([[0, 3, 'title', ['OUVRIR LES ARCHIVES COMMUNALES AUX HABITANTS']]]);
  });

  it('does not start on a bare number followed by other words (a key figure and its label)', () => {
    const blocks = [block([['3 communes membres de l’agglomération', 1, false]], 6), block([['La ville conserve…', 1, false]], 6)];
    expect(findProjectStarts(blocks, 0, blocks.length, entries, DEFAULT_VOCABULARY).filter((start) => start.how !== 'titleOnly')).toEqual([]);
  });
});

describe('a section divider with a big number', () => {
  it('is not the project’s start when the same number, labelled, comes just before the title', () => {
    const blocks = [
      block([['1', 10, true]], 4), block([['PILOTER ENSEMBLE', 2.3, false]], 4),
      block([['PROJET 01', 0.85, false]], 5), block([['UN TITRE DE PROJET ASSEZ LONG', 1.7, true], ['VILLE DE LORVAL', 1.2, false]], 5),
      block([['LES AUTEURS', 0.85, false]], 5),
    ];
    const entries = [{ numero: 1, section: 'PILOTER ENSEMBLE', texte: 'UN TITRE DE PROJET ASSEZ LONG VILLE DE LORVAL', lines: [], page: 5 }];
    expect(findProjectStarts(blocks, 0, blocks.length, entries, DEFAULT_VOCABULARY).map((start) => [start.numero, start.index])).toEqual([[1, 2]]);
  });
});
