/**
 * People (src/parse/people.ts): authors' and tutors' cards, a team table's header row, names
 * paired with e-mails by evidence (the e-mail's local part spells its owner's name, whatever the
 * reading order), a name cut from the role beside it. Each rule on a few invented lines.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARY, isHeaderRowText } from '../../src/profile.js';
import { cardsRunTogether, nameThenEmail, parseAuthorCards, parseTutorCards, readAuthorCards, splitNameAndRole, withoutHeaderRow } from '../../src/parse/people.js';
import { spelling } from '../../src/similarity.js';
import { isTeamBlock } from '../../src/parse/structure.js';
import { moveByShape } from '../../src/parse/moves.js';
import { splitRubriques } from '../../src/parse/rubriques.js';
import type { Block } from '../../src/types.js';
import { alike, block } from '../helpers/blocks.js';

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

  it('are paired by the local part when a family name of several words fills one cell, spelt as one segment or several', () => {
    // « LE BRAS » in the « Nom » column, « Camille » in the « Prénom » column: both cells spell the e-mail.
    const read = pairs(['CARBAIN', 'Aénor', 'LE BRAS', 'Camille', 'MICHE', 'Amanda', 'aenor.carbain@conservateur-inet.org', 'camille.lebras@administrateur-inet.org', 'amanda.miche@ingenieurchef-inet.org']);
    expect(read.cards).toEqual([
      ['CARBAIN Aénor', ['aenor.carbain@conservateur-inet.org']],
      ['LE BRAS Camille', ['camille.lebras@administrateur-inet.org']],
      ['MICHE Amanda', ['amanda.miche@ingenieurchef-inet.org']],
    ]);
    const hyphened = pairs(['DE LA TOUR', 'Inès', 'VIGNAL', 'Théo', 'ines.de-la-tour@administrateur-inet.org', 'theo.vignal@ingenieurchef-inet.org']);
    expect(hyphened.cards).toEqual([['DE LA TOUR Inès', ['ines.de-la-tour@administrateur-inet.org']], ['VIGNAL Théo', ['theo.vignal@ingenieurchef-inet.org']]]);
  });

  it('name cells read one after the other that together spell an e-mail naming a second given name are its owner (« florianmartin.marczak »)', () => {
    const read = pairs(['LABURTHE Marie', 'MARCZAK', 'Florian', 'MOKRANI', 'Sara', 'marie.laburthe@administrateur-inet.org', 'florianmartin.marczak@ingenieurchef-inet.org', 'sara.mokrani@administrateur-inet.org']);
    expect(read.cards).toEqual([
      ['LABURTHE Marie', ['marie.laburthe@administrateur-inet.org']],
      ['MARCZAK Florian', ['florianmartin.marczak@ingenieurchef-inet.org']],
      ['MOKRANI Sara', ['sara.mokrani@administrateur-inet.org']],
    ]);
  });

  it('name cells of one row read apart (a table read column by column) spell an e-mail naming a second given name: the given name opens its segment (given-name-opens-segment)', () => {
    // The table's rows on the next page, read column by column: family names, then given names, then e-mails.
    const read = pairs(['MARCZAK', 'MOKRANI', 'Florian', 'Sara', 'florianmartin.marczak@ingenieurchef-inet.org', 'sara.mokrani@administrateur-inet.org']);
    expect(read.cards).toEqual([
      ['MARCZAK Florian', ['florianmartin.marczak@ingenieurchef-inet.org']],
      ['MOKRANI Sara', ['sara.mokrani@administrateur-inet.org']],
    ]);
    expect(read.rules).toEqual(['local-part', 'local-part']);
  });

  it('family-name cells read before their rows\' other cells: the e-mail spelt exactly wins over a name as close by its given name alone (exact-spelling-over-order)', () => {
    // The rows on the next page: the « Nom » column first, then each row's given name, corps and e-mail on one line.
    const read = pairs(['BOUCHAIN', 'HUSSON', 'Nathalie nathalie.bouchain@ingenieurchef-inet.org', 'Matthieu matthieu.husson@conservateur-inet.org']);
    expect(read.cards).toEqual([
      ['BOUCHAIN Nathalie', ['nathalie.bouchain@ingenieurchef-inet.org']],
      ['HUSSON Matthieu', ['matthieu.husson@conservateur-inet.org']],
    ]);
    expect(read.rules).toEqual(['local-part', 'local-part']);
  });

  it('a part that opens a segment never takes an e-mail another part spells exactly, nor stands for it with too few letters', () => {
    const read = pairs(['MARTIN', 'MARTIN', 'Jean', 'Jeanne', 'jeanne.martin@administrateur-inet.org']);
    expect(read.cards).toContainEqual(['MARTIN Jeanne', ['jeanne.martin@administrateur-inet.org']]);
    const short = pairs(['MOKRANI', 'DURAND', 'Sara', 'Lé', 'sara.mokrani@administrateur-inet.org', 'leamarie.durand@administrateur-inet.org']);
    expect(short.cards).toContainEqual(['', ['leamarie.durand@administrateur-inet.org']]);
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

describe('team table header row', () => {
  const body = (text: string): Block => block([[text, 1, false]], 1);
  const row = (name: string, email: string): Block => alike([name, email], 1, false, 1);
  it('drops the cells above the first row that prints a name and an e-mail, whatever their words', () => {
    const blocks = [body('Élève'), body('Courriel'), row('Lisa MARCHETTI', 'lisa.marchetti@administrateur-inet.org'), row('Théo VIGNAL', 'theo.vignal@administrateur-inet.org')];
    expect(withoutHeaderRow(blocks)).toEqual(blocks.slice(2));
    expect(parseAuthorCards(blocks).map((card) => card.name)).toEqual(['Lisa MARCHETTI', 'Théo VIGNAL']);
  });

  it('reads a header row whatever its first cell bar, case and accents, and never a line of prose opening with a header word', () => {
    const headers = DEFAULT_VOCABULARY.teamTableHeaders;
    expect(isHeaderRowText('| Nom | Prénom | Courriel |', headers)).toBe(true);
    expect(isHeaderRowText('PRÉNOM NOM  Adresse électronique', headers)).toBe(true);
    expect(isHeaderRowText('Nom de la collectivité et adresse', headers)).toBe(false);
    expect(isHeaderRowText('Élève | Courriel', headers)).toBe(false);
    // A first word of accents alone folds to nothing: the row's other words decide.
    expect(isHeaderRowText('\u0301 Nom | Courriel', headers)).toBe(true);
  });

  it('keeps a name cell printed apart (its words are in the e-mail) and a first author without e-mail', () => {
    const split = [body('Lisa'), row('MARCHETTI', 'lisa.marchetti@administrateur-inet.org')];
    expect(withoutHeaderRow(split)).toEqual(split);
    const noEmail = [body('Paul DURAND'), row('Lisa MARCHETTI', 'lisa.marchetti@administrateur-inet.org')];
    expect(withoutHeaderRow(noEmail)).toEqual(noEmail);
  });
});

describe('a description list item: bold name, role run in after it', () => {
  it('cuts a description list item into the bold name and the role run in after it', () => {
    // A role in lower case: no shape says where the name ends (« Prénom NOM Fonction » needs a capital), the bold does.
    const line = { text: 'Agnès TISSERAND directrice générale adjointe', bold: false, size: 1, boldLead: 'Agnès TISSERAND' };
    expect(splitNameAndRole(line).map((part) => [part.text, part.bold])).toEqual([['Agnès TISSERAND', true], ['directrice générale adjointe', false]]);
    // Without a bold lead, nothing says where the name ends.
    expect(splitNameAndRole({ ...line, boldLead: undefined }).map((part) => part.text)).toEqual(['Agnès TISSERAND directrice générale adjointe']);
  });

});

describe('a tutor role hyphenated at a line end', () => {
  it('is joined back into one word (lower case on both sides), a compound with a capital is kept', () => {
    const tutor = block([['Emmanuelle BARRE', 1, true], ['Directrice des ressources hu-', 1, false], ['maines des lycées', 1, false]], 1);
    expect(parseTutorCards([tutor]).map((card) => card.details)).toEqual([['Directrice des ressources humaines des lycées']]);
    const compound = block([['Jan SLIWA', 1, true], ['Directeur à Saint-', 1, false], ['Denis', 1, false]], 1);
    expect(parseTutorCards([compound]).map((card) => card.details)).toEqual([['Directeur à Saint-', 'Denis']]);
  });
});

describe('team as a definition list', () => {
  it('reads « Prénom NOM — e-mail » lines as one author each', () => {
    const team = block([['Lisa MARCHETTI — lisa.marchetti@administrateur-inet.org', 0.95, false], ['Inès BRUNEAU-SALGADO — ines.bruneausalgado@administrateur-inet.org', 0.95, false]], 2);
    expect(parseAuthorCards([team]).map((card) => [card.name, card.details])).toEqual([
      ['Lisa MARCHETTI', ['lisa.marchetti@administrateur-inet.org']],
      ['Inès BRUNEAU-SALGADO', ['ines.bruneausalgado@administrateur-inet.org']],
    ]);
  });
});

describe('tutors in a table of regular rows', () => {
  it('cuts « Prénom NOM fonction » (two cells read as one line) at the end of the family name in capitals', () => {
    expect(splitNameAndRole({ text: 'Olivier GARNIER-BOSC Directeur de l’autonomie', bold: false, size: 0.9 }).map((line) => line.text)).toEqual(['Olivier GARNIER-BOSC', 'Directeur de l’autonomie']);
    expect(splitNameAndRole({ text: 'Sandra DE PINHO Directrice Qualité et performance', bold: false, size: 0.9 }).map((line) => line.text)).toEqual(['Sandra DE PINHO', 'Directrice Qualité et performance']);
    expect(splitNameAndRole({ text: 'Aude EISINGER Directrice générale adjointe culture, mer, sports', bold: false, size: 0.9 }).map((line) => line.text)).toEqual(['Aude EISINGER', 'Directrice générale adjointe culture, mer, sports']);
    expect(splitNameAndRole({ text: 'Directrice générale des services', bold: false, size: 0.9 }).map((line) => line.text)).toEqual(['Directrice générale des services']);
  });

  it('starts a card at each name by its shape when no tutor name is bold', () => {
    const cells = [block([['Philippe HOARAU', 0.9, false]], 2), block([['Directeur général des services', 0.9, false]], 2), block([['Claire MÉNARD', 0.9, false]], 2), block([['Directrice de la transformation numérique', 0.9, false]], 2)];
    expect(parseTutorCards(cells).map((card) => [card.name, card.details])).toEqual([
      ['Philippe HOARAU', ['Directeur général des services']],
      ['Claire MÉNARD', ['Directrice de la transformation numérique']],
    ]);
  });
});

describe('tutors\' cards run together on one line (markdown converters joining a column)', () => {
  const cards = (text: string) => cardsRunTogether(text)?.map(({ name, role }) => [name, role]) ?? null;

  it('cuts a card at each name of the line\'s order followed by a role, the given name one word inside the run', () => {
    expect(cards('Aleksandra GAIFFE Directrice générale adjointe performance Sandra DE PINHO Directrice Qualité et performance')).toEqual([
      ['Aleksandra GAIFFE', 'Directrice générale adjointe performance'],
      ['Sandra DE PINHO', 'Directrice Qualité et performance'],
    ]);
    // « Humaines » ends the role: a second given name inside a run would take it.
    expect(cards('Jan SLIWA Directeur des ressources Humaines Noor-Yasmin DJATAOU Directrice adjointe')).toEqual([
      ['Jan SLIWA', 'Directeur des ressources Humaines'],
      ['Noor-Yasmin DJATAOU', 'Directrice adjointe'],
    ]);
  });

  it('reads the names in the « NOM Prénom » order when the line opens so', () => {
    expect(cards('TISSERAND Agnès Directrice générale adjointe des services')).toEqual([['TISSERAND Agnès', 'Directrice générale adjointe des services']]);
    expect(cards('HOARAU Philippe Directeur général des services MÉNARD Claire Directrice du numérique')).toEqual([
      ['HOARAU Philippe', 'Directeur général des services'],
      ['MÉNARD Claire', 'Directrice du numérique'],
    ]);
  });

  it('keeps a name-shaped pair right before a name in the role: every card has a role', () => {
    expect(cards('Pascal RASCALON Chef de Mission INTERMOD Claire HEIDSIEK Directrice générale adjointe mobilités')).toEqual([
      ['Pascal RASCALON', 'Chef de Mission INTERMOD'],
      ['Claire HEIDSIEK', 'Directrice générale adjointe mobilités'],
    ]);
  });

  it('reads a line right under a name as its role, even when it opens like a name (an acronym, then a capitalised word)', () => {
    expect(parseTutorCards([block(['Claire DURAND', 'DGA Ressources Humaines et Finances'])]).map((card) => [card.name, card.details])).toEqual([['Claire DURAND', ['DGA Ressources Humaines et Finances']]]);
  });

  it('reads nothing in a line that does not open with a name and a role', () => {
    expect(cards('Directrice générale des services')).toBeNull();
    expect(cards('Claire LE MERRER')).toBeNull();
    expect(parseTutorCards([block('Aleksandra GAIFFE Directrice générale adjointe Sandra DE PINHO Directrice Qualité')]).map((card) => [card.name, card.details])).toEqual([
      ['Aleksandra GAIFFE', ['Directrice générale adjointe']],
      ['Sandra DE PINHO', ['Directrice Qualité']],
    ]);
  });
});

describe('authors in a table', () => {
  const cell = (text: string): Block => alike(text.split('\n'), 0.91, false, 4);
  it('joins a compound family name wrapped at its hyphen inside its cell', () => {
    const cards = parseAuthorCards([cell('Kévin OYONO kevin.oyono@ingenieurchef-inet.org'), cell('Inès BRUNEAU-\nSALGADO'), cell('ines.bruneausalgado@administrateur-inet.org')]);
    expect(cards.map((card) => [card.name, card.details])).toEqual([
      ['Kévin OYONO', ['kevin.oyono@ingenieurchef-inet.org']],
      ['Inès BRUNEAU-SALGADO', ['ines.bruneausalgado@administrateur-inet.org']],
    ]);
  });
  it('keeps two names apart when the first does not end with a hyphen', () => {
    const cards = parseAuthorCards([cell('Inès BRUNEAU'), cell('Paul SALGADO'), cell('paul.salgado@administrateur-inet.org')]);
    expect(cards.map((card) => card.name)).toEqual(['Inès BRUNEAU', 'Paul SALGADO']);
  });
});

describe('a team table read column by column (groff, tbl)', () => {
  const cell = (text: string): Block => alike(text.split('\n'), 1, false, 5);
  it('pairs k names read before k e-mails in order', () => {
    const cards = parseAuthorCards([cell('DELAHAYE Quentin\nNGUYEN Thu-Hà'), cell('PERRAUDIN Camille\nquentin.delahaye@administrateur-inet.org\nthuha.nguyen@ingenieurchef-inet.org\ncamille.peraudin@administrateur-inet.org')]);
    expect(cards.map((card) => [card.name, card.details])).toEqual([
      ['DELAHAYE Quentin', ['quentin.delahaye@administrateur-inet.org']],
      ['NGUYEN Thu-Hà', ['thuha.nguyen@ingenieurchef-inet.org']],
      ['PERRAUDIN Camille', ['camille.peraudin@administrateur-inet.org']],
    ]);
  });
  it('when their counts differ, pairs no name by position, only by what each e-mail spells', () => {
    const cards = parseAuthorCards([cell('DELAHAYE Quentin\nNGUYEN Thu-Hà\nPERRAUDIN Camille\nquentin.delahaye@administrateur-inet.org\nthuha.nguyen@ingenieurchef-inet.org')]);
    expect(cards.map((card) => [card.name, card.details])).toEqual([
      ['DELAHAYE Quentin', ['quentin.delahaye@administrateur-inet.org']],
      ['NGUYEN Thu-Hà', ['thuha.nguyen@ingenieurchef-inet.org']],
      ['PERRAUDIN Camille', []],
    ]);
  });
});

describe('a family name alone in a team table’s cell', () => {
  it('is never a heading when an e-mail of the project spells it (email-name-no-heading)', () => {
    // Headings in capitals in a regular face; the team table's name cells cut « TOURE » from « Mathilde ».
    const cell = (text: string) => block([[text, 0.85, false]], 25);
    const split = splitRubriques(
      [
        block([['LE CONTEXTE', 0.95, false]], 25),
        block([['La Ville de Saint-Denis emploie 3500 agents, et nombreux sont ceux qui exercent des métiers pénibles.', 1, false]], 25),
        block([['LES ÉLÈVES', 0.95, false]], 25),
        cell('LEGOND Agathe'), cell('Administrateur'),
        cell('TOURE'), cell('Mathilde Administrateur'),
        cell('RICHARD Sylvie'), block([['Administrateur', 0.85, false], ['agathe.legond@administrateur-inet.org', 0.85, false], ['mathilde.toure@administrateur-inet.org', 0.85, false], ['sylvie.richard@administrateur-inet.org', 0.85, false]], 25),
      ],
      DEFAULT_VOCABULARY,
      { projet: 8 },
    );
    expect(split.rubriques.map((rubrique) => rubrique.heading)).toEqual(['LE CONTEXTE', 'LES ÉLÈVES']);
    expect(split.unknown).toEqual([]);
    expect(split.rubriques[1]!.blocks.map((b) => b.text)).toContain('TOURE');
  });

  it('is never a heading when its words together are what the e-mail spells (« LE BOHEC », eleonora.lebohec@…)', () => {
    const cell = (text: string) => block([[text, 0.81, false]], 28);
    const split = splitRubriques(
      [
        block([['LES ÉLÈVES', 0.9, false]], 28),
        cell('LE BOHEC'), cell('Eléonora Conservateur eleonora.lebohec@conservateur-inet.org'),
        cell('TOUCHARD Laetitia'), cell('Conservateur laetitia.touchard@conservateur-inet.org'),
        cell('JAULMES'), cell('Samuel'), cell('Administrateur samuel.jaulmes@administrateur-inet.org'),
        cell('LEGRAND'), cell('Jérôme'), cell('Ingénieur en chef jerome.legrand@ingenieurchef-inet.org'),
        block([['Tuteur : DARBOUSSET Lucie, Directrice du pôle culture', 0.81, false]], 28),
      ],
      DEFAULT_VOCABULARY,
      { projet: 11 },
    );
    expect(split.rubriques.map((rubrique) => rubrique.heading)).not.toContain('LE BOHEC');
    expect(split.rubriques[0]!.blocks.map((b) => b.text)).toContain('LE BOHEC');
  });
});
