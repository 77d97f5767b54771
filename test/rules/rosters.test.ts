/**
 * Rosters (src/segment/index.ts): the promotions' member lists after the projects, each rule on a
 * few invented blocks, so that it fails on its own.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import { segmentDocument } from '../../src/segment/index.js';
import type { Block } from '../../src/types.js';
import { block } from '../helpers/blocks.js';

/** A sommaire of one entry and its project page, then what is given (the rosters). */
function brochure(after: Block[]): Block[] {
  return [
    block([['SOMMAIRE', 2, true]], 2),
    block([['01/', 1.2, true]], 2),
    block([['UN PREMIER TITRE DE PROJET', 0.9, true]], 2),
    block([['/ P05', 0.9, true]], 2),
    block([['PROJET 01', 1.6, true]], 5),
    block([['UN PREMIER TITRE DE PROJET', 1.4, true]], 5),
    block([['LES AUTEURS', 1, true]], 5),
    block([['Lisa MARCHETTI', 1, true], ['lisa.marchetti@administrateur-inet.org', 0.9, false]], 5),
    block([['Le texte du projet.', 1, false]], 5),
    ...after,
  ];
}

const rosters = (after: Block[]) =>
  segmentDocument({ format: 'pdf', pageCount: 9, blocks: brochure(after), diagnostics: [] }, DEFAULT_VOCABULARY).rosters.map((roster) => [roster.heading, roster.lines]);

describe('a roster printed as a table', () => {
  it('leaves its header row out and joins the cells read one name part per line, in either order (roster-table)', () => {
    const cells = (texts: string[]) => texts.map((text) => block([[text, 0.85, false]], 9));
    const read = rosters([
      block([['PROMOTION GEORGE SAND', 1.05, true]], 9),
      ...cells(['Nom', 'Prénom', 'ABRIC', 'Sarah', 'BERNARDY-VERRET Christine', 'LE GOFF', 'Maëlle']),
      block([['PROMOTION ALAN TURING', 1.05, true]], 9),
      ...cells(['Prénom', 'Nom', 'Julien', 'BAHUAUD', 'Jean-Victor', 'DURAND']),
    ]);
    expect(read).toEqual([
      ['GEORGE SAND', ['ABRIC Sarah', 'BERNARDY-VERRET Christine', 'LE GOFF Maëlle']],
      ['ALAN TURING', ['Julien BAHUAUD', 'Jean-Victor DURAND']],
    ]);
  });

  it('pairs by position the two columns of a page’s last rows read one after the other (roster-table)', () => {
    const cells = (texts: string[]) => texts.map((text) => block([[text, 0.85, false]], 9));
    const read = rosters([block([['PROMOTION GEORGE SAND', 1.05, true]], 9), ...cells(['Nom', 'Prénom', 'ROYER', 'Cyril', 'TOURÉ', 'VAN DER MEE', 'VOISIN', 'Mathilde', 'Camille', 'Elisabeth'])]);
    expect(read).toEqual([['GEORGE SAND', ['ROYER Cyril', 'TOURÉ Mathilde', 'VAN DER MEE Camille', 'VOISIN Elisabeth']]]);
  });

  it('reads a roster without a header row as before: a lone name part ends it', () => {
    const read = rosters([block([['PROMOTION GEORGE SAND', 1.05, true]], 9), block([['ABRIC Sarah', 0.85, false]], 9), block([['BAHUAUD', 0.85, false]], 9), block([['Julien', 0.85, false]], 9)]);
    expect(read).toEqual([['GEORGE SAND', ['ABRIC Sarah']]]);
  });
});
