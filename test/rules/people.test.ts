/**
 * Names paired with e-mails by evidence (src/parse/people.ts): the e-mail's local part spells its
 * owner's name, whatever the reading order. Each rule on a few invented lines.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import { nameThenEmail, readAuthorCards, spelling } from '../../src/parse/people.js';
import { isTeamBlock } from '../../src/parse/structure.js';
import { moveByShape } from '../../src/parse/moves.js';
import { splitRubriques } from '../../src/parse/rubriques.js';
import { block } from '../helpers/blocks.js';

const pairs = (texts: string[]) => {
  const { cards, pairings } = readAuthorCards(texts.map((text) => block(text)), DEFAULT_VOCABULARY.teamTableHeaders);
  return { cards: cards.map((card) => [card.name, card.details]), rules: pairings.map((pairing) => pairing.rule) };
};

describe('a name and its e-mail', () => {
  it('are paired by the local part when a team table with a header row is read column by column, family and given names in columns of their own', () => {
    const read = pairs(['Nom', 'Prénom', 'Courriel', 'MARCHETTI', 'VIGNAL', 'Lisa', 'Théo', 'lisa.marchetti@administrateur-inet.org', 'theo.vignal@ingenieurchef-inet.org']);
    expect(read.cards).toEqual([['MARCHETTI Lisa', ['lisa.marchetti@administrateur-inet.org']], ['VIGNAL Théo', ['theo.vignal@ingenieurchef-inet.org']]]);
    expect(read.rules).toEqual(['local-part', 'local-part']);
  });

  it('are paired by the local part when the e-mails column is in another order than the names', () => {
    const read = pairs(['Lisa MARCHETTI', 'Théo VIGNAL', 'Kévin OYONO', 'theo.vignal@ingenieurchef-inet.org', 'kevin.oyono@conservateur-inet.org', 'lisa.marchetti@administrateur-inet.org']);
    expect(read.cards).toEqual([
      ['Lisa MARCHETTI', ['lisa.marchetti@administrateur-inet.org']],
      ['Théo VIGNAL', ['theo.vignal@ingenieurchef-inet.org']],
      ['Kévin OYONO', ['kevin.oyono@conservateur-inet.org']],
    ]);
    expect(read.rules).toEqual(['local-part', 'local-part', 'local-part']);
  });

  it('stay as read when the reading order already pairs each e-mail with the name it spells (a misspelt e-mail included)', () => {
    const read = pairs(['Lisa MARCHETTI', 'lisa.marchetti@administrateur-inet.org', 'Théo VIGNAL', 'theo.vignale@ingenieurchef-inet.org']);
    expect(read.cards).toEqual([['Lisa MARCHETTI', ['lisa.marchetti@administrateur-inet.org']], ['Théo VIGNAL', ['theo.vignale@ingenieurchef-inet.org']]]);
    expect(read.rules).toEqual(['reading-order', 'reading-order']);
  });

  it('keeps an e-mail that spells no name on a card of its own, given to nobody by a guess', () => {
    const read = pairs(['Lisa MARCHETTI', 'Théo VIGNAL', 'theo.vignal@ingenieurchef-inet.org', 'contact.projet@administrateur-inet.org']);
    expect(read.cards).toEqual([['Lisa MARCHETTI', []], ['Théo VIGNAL', ['theo.vignal@ingenieurchef-inet.org']], ['', ['contact.projet@administrateur-inet.org']]]);
  });

  it('is spelt by the local part in either order of the names', () => {
    expect(spelling('LE GOFF Claire', 'claire.legoff@administrateur-inet.org')).toBeGreaterThan(0.95);
    expect(spelling('Claire LE GOFF', 'paul.martin@administrateur-inet.org')).toBeLessThan(0.8);
  });
});

describe('a name then an e-mail on one line', () => {
  it('is one predicate for the cards and for telling a team without heading: « Prénom NOM — e-mail » included', () => {
    expect(nameThenEmail('Lisa MARCHETTI — lisa.marchetti@administrateur-inet.org')).toEqual({ name: 'Lisa MARCHETTI', email: 'lisa.marchetti@administrateur-inet.org' });
    expect(nameThenEmail('MARCHETTI Lisa | lisa.marchetti@administrateur-inet.org')).toEqual({ name: 'MARCHETTI Lisa', email: 'lisa.marchetti@administrateur-inet.org' });
    expect(nameThenEmail('Écrire à lisa.marchetti@administrateur-inet.org')).toBeNull();
    expect(isTeamBlock(block(['Lisa MARCHETTI — lisa.marchetti@administrateur-inet.org', 'Théo VIGNAL — theo.vignal@ingenieurchef-inet.org']), DEFAULT_VOCABULARY)).toBe(true);
  });
});

describe('a team table with a « Corps » column', () => {
  const withCorps = (texts: string[]) =>
    readAuthorCards(texts.map((text) => block(text)), DEFAULT_VOCABULARY.teamTableHeaders, DEFAULT_VOCABULARY.emailDomains).cards.map((card) => [card.name, card.details]);

  it('drops the corps cells, printed apart or on one line with a name part or the e-mail, so that they are no name part (corps-cells)', () => {
    const read = withCorps(['Nom', 'Prénom Corps', 'Courriel', 'MARCHETTI', 'Lisa Administrateur', 'lisa.marchetti@administrateur-inet.org', 'OYONO', 'Kévin', 'Ingénieur en chef kevin.oyono@ingenieurchef-inet.org']);
    expect(read).toEqual([['MARCHETTI Lisa', ['lisa.marchetti@administrateur-inet.org']], ['OYONO Kévin', ['kevin.oyono@ingenieurchef-inet.org']]]);
  });

  it('tells a team block by its e-mail when the corps cell was read onto its line, and moves its row out of the tutors with the others (corps-cells)', () => {
    expect(isTeamBlock(block(['Ingénieur en chef kevin.oyono@ingenieurchef-inet.org']), DEFAULT_VOCABULARY)).toBe(true);
    expect(isTeamBlock(block(['Écrire à kevin.oyono@ingenieurchef-inet.org']), DEFAULT_VOCABULARY)).toBe(false);
    const cells = ['Nom', 'MARCHETTI', 'Lisa', 'Administrateur\nlisa.marchetti@administrateur-inet.org', 'OYONO', 'Kévin', 'Ingénieur en chef kevin.oyono@ingenieurchef-inet.org'].map((text) => block(text));
    const tutors = { key: 'tuteurs' as const, heading: 'Tuteur', page: null, blocks: [block(['Agnès TISSERAND', 'Directrice générale adjointe']), ...cells] };
    moveByShape({ title: [], rubriques: [tutors], boxes: [], vocabulary: DEFAULT_VOCABULARY, where: { projet: 1 }, diagnostics: [] });
    expect(tutors.blocks.map((b) => b.text)).toEqual(['Agnès TISSERAND Directrice générale adjointe']);
  });

  it('never takes a header cell set like the headings for a rubrique heading, whatever follows it (header-cell-no-heading)', () => {
    const cell = (text: string, bold = false) => block([[text, 0.89, bold]], 5);
    const split = splitRubriques(
      [
        block([['Auteurs du projet', 1, true]], 5),
        cell('Nom', true), cell('Prénom Corps', true), cell('Courriel', true),
        cell('PEYRATOUT Fanette'), block([['Administrateur', 0.89, false], ['fanette.peyratout@administrateur-inet.org', 0.89, false]], 5),
        cell('LEIBAR'), cell('Xavier'), block([['Administrateur', 0.89, false], ['xavier.leibar@administrateur-inet.org', 0.89, false]], 5),
        cell('BOUCHAIN'), cell('Nathalie Ingénieur en chef nathalie.bouchain@ingenieurchef-inet.org'),
        block([['Le contexte', 1, true]], 5),
        block([['Bordeaux Métropole a développé depuis le 1er janvier 2016 un modèle ambitieux et innovant de mutualisation.', 1, false]], 5),
      ],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    );
    expect(split.rubriques.map((rubrique) => rubrique.heading)).toEqual(['Auteurs du projet', 'Le contexte']);
  });

  it('drops a corps cell in a table row and its feminine form, never a name', () => {
    const read = withCorps(['LE GOFF | Maëlle | Conservatrice | maelle.legoff@conservateur-inet.org', 'Adam CONSTANT', 'adam.constant@administrateur-inet.org']);
    expect(read).toEqual([['LE GOFF Maëlle', ['maelle.legoff@conservateur-inet.org']], ['Adam CONSTANT', ['adam.constant@administrateur-inet.org']]]);
  });
});
