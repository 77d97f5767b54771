/**
 * Rosters and promotions (src/segment/index.ts, src/normalise/names.ts, promotions.ts): the
 * promotions' member lists after the projects, as tables, in narrow columns, tagged with their
 * promotion, several to a line; the cover's promotion names. Each rule on a few invented blocks.
 */
import { describe, expect, it } from 'vitest';
import { coverPromotionNames } from '../../src/normalise/index.js';
import { splitRosterPeople } from '../../src/normalise/names.js';
import { readPromotions } from '../../src/normalise/promotions.js';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import { findTaggedRoster, joinWrappedNames, segmentDocument, taggedMember } from '../../src/segment/index.js';
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

describe('one roster for all promotions', () => {
  const body = (text: string): Block => block([[text, 1, false]], 1);
  const lines = ['Yasmine AMRANI (Rosa Bonheur)', 'Inès BRUNEAU (Nikola Tesla)', 'Quentin DELAHAYE (Rosa Bonheur)', 'Arnaud KESSLER (Nikola Tesla)', 'Lisa MARCHETTI (Rosa Bonheur)', 'Kévin OYONO (Nikola Tesla)', 'Léna SCHNEIDER (Rosa Bonheur)', 'Théo VIGNAL (Nikola Tesla)'];

  it('reads a member line tagged with its promotion', () => {
    expect(taggedMember('Yasmine AMRANI (Rosa Bonheur)')).toEqual({ name: 'Yasmine AMRANI', promotion: 'Rosa Bonheur' });
    expect(taggedMember('Rapport annuel (2019)')).toBeNull();
  });

  it('finds the run with its heading set larger, and not a short team listed with its corps', () => {
    const blocks = [body('Un paragraphe du dernier projet.'), block([['Les élèves des promotions', 1.9, false]], 1), ...lines.map((line) => block([[line, 0.95, false]], 1))];
    expect(findTaggedRoster(blocks, 0)).toEqual({ start: 1, firstLine: 2 });
    const team = ['Lisa MARCHETTI (administratrice)', 'Théo VIGNAL (administrateur)', 'Kévin OYONO (ingénieur)'].map((line) => block([[line, 0.95, false]], 1));
    expect(findTaggedRoster(team, 0)).toBeNull();
  });

  it('groups the members by the promotion in parentheses', () => {
    // A family e-mail somewhere says the document is a brochure.
    const blocks = [body('lisa.marchetti@administrateur-inet.org'), block([['Les élèves des promotions', 1.9, false]], 1), ...lines.map((line) => block([[line, 0.95, false]], 1))];
    const { rosters } = segmentDocument({ format: 'pdf', pageCount: 1, blocks, diagnostics: [] });
    expect(rosters.map((roster) => [roster.heading, roster.lines.length])).toEqual([
      ['Rosa Bonheur', 4],
      ['Nikola Tesla', 4],
    ]);
    expect(rosters[0]!.lines[0]).toBe('Yasmine AMRANI');
  });

  it('reads the cover’s promotion names set apart by a middle dot', () => {
    expect(coverPromotionNames([body('DES PROMOTIONS'), body('Rosa Bonheur · Nikola Tesla · Hubertine Auclert')])).toEqual(['Rosa Bonheur', 'Nikola Tesla', 'Hubertine Auclert']);
  });
});

describe('a roster member wrapped in a narrow column (multicol)', () => {
  it('joins a family name alone in capitals with the given names alone on the next line', () => {
    expect(joinWrappedNames(['BERGER Thibault', 'BERNARDY-VERRET', 'Christine', 'BLONDEAU Julien'])).toEqual(['BERGER Thibault', 'BERNARDY-VERRET Christine', 'BLONDEAU Julien']);
    // Two lines in capitals, or a given name with a family name after it, are left alone.
    expect(joinWrappedNames(['LE BRAS', 'VAN DER MEE'])).toEqual(['LE BRAS', 'VAN DER MEE']);
    expect(joinWrappedNames(['ROUX', 'Jean VICTOR'])).toEqual(['ROUX', 'Jean VICTOR']);
  });

  it('keeps the roster going past the wrapped member', () => {
    const lines = (texts: string[], page = 9): Block => block(texts.map((text) => [text, 1, false] as const), page);
    const blocks = [block([['lisa.marchetti@administrateur-inet.org', 1, false]], 5), block([['Promotion George Sand', 1.2, true]], 9), lines(['ABRIC Sarah', 'BERNARDY-VERRET', 'Christine', 'BLONDEAU Julien']), lines(['GORGE Guillaume'])];
    const { rosters } = segmentDocument({ format: 'pdf', pageCount: 9, blocks, diagnostics: [] });
    expect(rosters.map((roster) => [roster.heading, roster.lines])).toEqual([['George Sand', ['ABRIC Sarah', 'BERNARDY-VERRET Christine', 'BLONDEAU Julien', 'GORGE Guillaume']]]);
  });
});

describe('rosters printed several people to a line (groff, tbl)', () => {
  it('reads several people printed on one roster line, in either order; one person\'s name stays whole', () => {
    expect(splitRosterPeople('AMRANI Yasmine BRUNEAU-SALGADO Inès DELAHAYE Quentin')).toEqual(['AMRANI Yasmine', 'BRUNEAU-SALGADO Inès', 'DELAHAYE Quentin']);
    expect(splitRosterPeople('Yasmine AMRANI Inès BRUNEAU-SALGADO')).toEqual(['Yasmine AMRANI', 'Inès BRUNEAU-SALGADO']);
    expect(splitRosterPeople('VAN DER MEE Camille')).toEqual(['VAN DER MEE Camille']);
    expect(splitRosterPeople('Jean de LA FONTAINE')).toEqual(['Jean de LA FONTAINE']);
  });
  it('reports a roster line read as several people', () => {
    const { promotions, diagnostics } = readPromotions([{ heading: 'PROMOTION ROSA BONHEUR', page: 8, lines: ['COSTA Jérôme FAURE Adèle', 'RAKOTO Hugo'] }], ['ROSA BONHEUR']);
    expect(promotions[0]!.membres.map((m) => `${m.prenom} ${m.nom}`)).toEqual(['Jérôme COSTA', 'Adèle FAURE', 'Hugo RAKOTO']);
    expect(diagnostics.map((d) => d.code)).toEqual(['ROSTER_FORMAT']);
  });
});
