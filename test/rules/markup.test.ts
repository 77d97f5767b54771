/**
 * A converter's form, not the brochure's (src/extract/text.ts, text/tokens.ts): emphasis marks of
 * any markdown flavour removed, the words kept; the space a converter dropped before « ? » put
 * back by the text's own French spacing; a word cut at a line-end hyphen kept on one line joined
 * when the text prints it whole. Each rule on the smallest text that needs it.
 */
import { describe, expect, it } from 'vitest';
import { readText } from '../../src/extract/text.js';
import { joinHyphenKeptInside, joinLetterSpacedLines, restoreSpaceBeforeHighMarks, splitNamesGluedToEmails } from '../../src/extract/text/tokens.js';

const texts = (source: string): string[] => readText(source).blocks.map((b) => b.text);

describe('italics', () => {
  it('drops a lone `_` opening or closing a word, as a lone `*`, and keeps one inside a word', () => {
    expect(texts('_« Les habitants sont nos ambassadeurs. »_')).toEqual(['« Les habitants sont nos ambassadeurs. »']);
    expect(texts('_Aude Martin,\ndirectrice_')).toEqual(['Aude Martin, directrice']);
    expect(texts('Écrire à jean_dupont@exemple.fr')).toEqual(['Écrire à jean_dupont@exemple.fr']);
  });
});

describe('the space before « ? » and « ! »', () => {
  const colons = ['Le constat : un service', 'Trois axes : coûts', 'La méthode : des entretiens', 'Le calendrier : deux ans', 'Les partenaires : dix'];

  it('is put back where the text glues the mark more often than it spaces it, its colons spaced', () => {
    expect(restoreSpaceBeforeHighMarks([...colons, 'Comment faire? Ensemble!', 'Pourquoi?']).slice(colons.length)).toEqual(['Comment faire ? Ensemble !', 'Pourquoi ?']);
    // A web address keeps its « ? »: no space follows it.
    expect(restoreSpaceBeforeHighMarks([...colons, 'Quoi? Voir http://a.fr/p?id=1 ici']).at(-1)).toBe('Quoi ? Voir http://a.fr/p?id=1 ici');
  });

  it('is left as printed where the text spaces the mark, or does not space its colons', () => {
    expect(restoreSpaceBeforeHighMarks([...colons, 'Comment faire ?', 'Quand ?', 'Pourquoi?']).at(-1)).toBe('Pourquoi?');
    expect(restoreSpaceBeforeHighMarks(['Le constat: un service', 'Comment faire?']).at(-1)).toBe('Comment faire?');
  });
});

describe('a word cut at a line-end hyphen, its pieces kept on one line', () => {
  it('is joined when the text prints the word whole elsewhere', () => {
    expect(joinHyphenKeptInside(['Le terri- toire de la région.', 'Un territoire rural.'])[0]).toBe('Le territoire de la région.');
  });

  it('stays when the word is printed nowhere whole, or printed with its hyphen', () => {
    expect(joinHyphenKeptInside(['Le terri- toire de la région.'])[0]).toBe('Le terri- toire de la région.');
    expect(joinHyphenKeptInside(['Les pré- et post-opératoires.', 'Le préet.', 'Le pré-et.'])[0]).toBe('Les pré- et post-opératoires.');
  });
});

describe('a family name glued to the e-mail after it', () => {
  it('is parted from it where the address spells the name', () => {
    expect(splitNamesGluedToEmails([
      'Anne DURANDanne.durand@administrateur-inet.org',
      // A compound family name: the address spells its last word's end.
      'Yves LE MOALyves.lemoal@conservateur-inet.org',
      // A letter of the address mistyped in a long name.
      'Paul BERTRANDIpaul.bertrandy@administrateur-inet.org',
      // The capitals longer than the address's family part: the given name printed before is the address's.
      'Léa MARTINEZLlea.martinez@ingenieurchef-inet.org',
      // Letters with accents in the address.
      'Anaïs FAUREanaïs.faure@conservateur-inet.org',
    ])).toEqual([
      'Anne DURAND anne.durand@administrateur-inet.org',
      'Yves LE MOAL yves.lemoal@conservateur-inet.org',
      'Paul BERTRANDI paul.bertrandy@administrateur-inet.org',
      'Léa MARTINEZL lea.martinez@ingenieurchef-inet.org',
      'Anaïs FAURE anaïs.faure@conservateur-inet.org',
    ]);
  });

  it('stays glued where the address spells neither the capitals nor the name before them', () => {
    const kept = [
      // Another name, one letter off in a short name.
      'Marc ROYanne.ray@administrateur-inet.org',
      'Contact : DRHjeanne.petit@exemple.fr',
      // No capitals glued: nothing to part.
      'Anne DURAND anne.durand@administrateur-inet.org',
    ];
    expect(splitNamesGluedToEmails(kept)).toEqual(kept);
  });

  it('gives the authors their family names when the text is read', () => {
    const blocks = texts('LES AUTEURS\nAnne DURANDanne.durand@administrateur-inet.org');
    expect(blocks.join(' ')).toContain('Anne DURAND anne.durand@administrateur-inet.org');
  });
});

describe('a bullet glued to its item', () => {
  it('starts a list item when the glyph is a bullet, not when it is a hyphen', () => {
    const source = 'ALLER PLUS LOIN\n\n•Guide de la mutualisation, 2029\n\n•Observatoire des cuisines, 2030\n\n-10 % de déchets';
    const items = readText(source).blocks.filter((block) => block.kind === 'listItem').map((block) => block.text);
    expect(items).toEqual(['Guide de la mutualisation, 2029', 'Observatoire des cuisines, 2030']);
  });
});

describe('a heading the profile knows, alone on its line', () => {
  it('is a block of its own, whatever the capitals around it', () => {
    // No blank line between the sommaire's heading and the first section, nor between a collectivité and the team's heading.
    expect(texts('SOMMAIRE\nAGIR ENSEMBLE\n\nVILLE DE NULLEPART\nL\'ÉQUIPE\nAnne DURAND anne.durand@administrateur-inet.org')).toEqual([
      'SOMMAIRE',
      'AGIR ENSEMBLE',
      'VILLE DE NULLEPART',
      'L\'ÉQUIPE',
      'Anne DURAND anne.durand@administrateur-inet.org',
    ]);
  });

  it('is not cut out of a line that only holds its words among others', () => {
    expect(texts('LE SOMMAIRE DES ACTIONS\nDU CONTEXTE LOCAL')).toEqual(['LE SOMMAIRE DES ACTIONS DU CONTEXTE LOCAL']);
  });
});

describe('a line printed letter-spaced, one space between its characters', () => {
  it('has its words and its years run together, its marks apart', () => {
    expect(joinLetterSpacedLines(['2 0 1 9 / 2 0 2 0', 'S O M M A I R E', 'R E G A R D S  C R O I S É S'])).toEqual(['2019 / 2020', 'SOMMAIRE', 'REGARDS CROISÉS']);
    // The edition found on a cover so printed.
    expect(readText('REGARDS CROISÉS\n\n2 0 3 1 / 2 0 3 2').blocks.map((b) => b.text)).toContain('2031 / 2032');
  });

  it('stays as printed when a run is no word: a row of small numbers, initials', () => {
    const kept = ['1 2 3 4', 'A B', 'P R O J E T  0 1', 'Le 1 2 3'];
    expect(joinLetterSpacedLines(kept)).toEqual(kept);
  });
});
