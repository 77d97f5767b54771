/**
 * Rules found on the WeasyPrint outside design (fixtures/designs/*-weasyprint): each tested on a few
 * invented lines, so that it can fail on its own.
 */
import { describe, expect, it } from 'vitest';
import { isLetterSpaced, respace, respaceLetterSpaced, wordsOf } from '../src/extract/letter-spacing.js';
import type { Fragment } from '../src/extract/fragments.js';
import { DEFAULT_VOCABULARY } from '../src/profile.js';
import { readSommaire } from '../src/segment/sommaire.js';
import { findProjectStarts } from '../src/segment/starts.js';
import { withoutListNumbers } from '../src/parse/index.js';
import { parseFigures } from '../src/parse/chiffres.js';
import { parseAuthorCards, parseTutorCards, splitNameAndRole } from '../src/parse/people.js';
import type { Block, TextLine } from '../src/types.js';

/** A block of lines, each `[text, size, bold]` (size relative to the body). */
function block(lines: readonly (readonly [string, number, boolean])[], page = 2): Block {
  const printed: TextLine[] = lines.map(([text, size, bold]) => ({ text, size, bold }));
  return { kind: 'paragraph', text: printed.map((line) => line.text).join(' '), lines: printed, page };
}

const fragment = (text: string): Fragment => ({ page: 1, text, x0: 0, x1: 100, y: 10, top: 2, bottom: 12, size: 9, bold: false, boldLead: '', chars: text.length });

describe('letter-spaced text', () => {
  it('is told from ordinary text by its one-letter tokens', () => {
    expect(isLetterSpaced('2 0 3 1 / 2 0 3 2')).toBe(true);
    expect(isLetterSpaced("L'É Q U I P E")).toBe(true);
    expect(isLetterSpaced('Il y a 3 à 4 communes')).toBe(false);
    expect(isLetterSpaced('A B')).toBe(false);
  });

  it('is cut back into the words the document prints elsewhere, numbers whole', () => {
    const words = wordsOf(['la mission de la collectivité', 'au sein de la collectivité, le tuteur', 'de la commune', 'la promotion']);
    expect(respace('TU T E U R A U S E I N D E L A C O L L E C T I V I T É', words)).toBe('TUTEUR AU SEIN DE LA COLLECTIVITÉ');
    expect(respace('2 0 3 1 / 2 0 3 2', words)).toBe('2031 / 2032');
    expect(respace('PR O J E T 0 1', words)).toBe('PROJET 01');
  });

  it('keeps a word the document never prints whole rather than made of rare scraps', () => {
    const words = wordsOf(['le sommet, les maires et les aides', 'ré-', 're', 'so', 'mm']);
    expect(respace('SO M M A I R E', words)).toBe('SOMMAIRE');
  });

  it('leaves halves of hyphenated words out of the dictionary', () => {
    const words = wordsOf(['une démarche parti‐', 'cipative et locale']);
    expect(words.has('parti')).toBe(false);
    expect(words.has('cipative')).toBe(false);
    expect(words.has('locale')).toBe(true);
  });

  it('rewrites only the letter-spaced fragments of a document', () => {
    const [heading, body] = respaceLetterSpaced([[fragment("L'É Q U I P E"), fragment("L'équipe a rencontré les maires")]])[0] ?? [];
    expect(heading!.text).toBe("L'ÉQUIPE");
    expect(body!.text).toBe("L'équipe a rencontré les maires");
  });
});

describe('rubrique headings whose word spaces were lost to letter-spacing', () => {
  it('are named all the same, literal headings and patterns', () => {
    expect(DEFAULT_VOCABULARY.rubriqueOf('TUTEURAUSEIN DE LA COL LE CTIVITÉ')).toBe('tuteurs');
    expect(DEFAULT_VOCABULARY.rubriqueOf('DES C LÉS POUR A GIR')).toBe('clesPourAgir');
    expect(DEFAULT_VOCABULARY.rubriqueOf('POUR A L LE R PLUS LOI N')).toBe('allerPlusLoin');
    expect(DEFAULT_VOCABULARY.rubriqueOf('LE CONTEXTE DE LA VILLE')).toBeNull();
  });
});

describe('sommaire as a table, the page first', () => {
  it('reads « 4  01 » as the page then the number when the number goes on from the last entry', () => {
    const blocks = [
      block([['4 01', 0.95, false]]), block([['UN TITRE DE PROJET', 0.95, false], ['VILLE DE LORVAL', 0.95, false]]),
      block([['5 02', 0.95, false]]), block([['UN AUTRE TITRE', 0.95, false], ['VILLE DE BRIANCE', 0.95, false]]),
    ];
    const { entries } = readSommaire(blocks, 0, DEFAULT_VOCABULARY);
    expect(entries.map((entry) => [entry.numero, entry.page, entry.texte])).toEqual([
      [1, 4, 'UN TITRE DE PROJET VILLE DE LORVAL'],
      [2, 5, 'UN AUTRE TITRE VILLE DE BRIANCE'],
    ]);
  });
});

describe('team as a definition list', () => {
  it('reads « Prénom NOM — e-mail » lines as one author each', () => {
    const team = block([['Lisa MARCHETTI — lisa.marchetti@administrateur-inet.org', 0.95, false], ['Inès BRUNEAU-SALGADO — ines.bruneausalgado@administrateur-inet.org', 0.95, false]]);
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
    const cells = [block([['Philippe HOARAU', 0.9, false]]), block([['Directeur général des services', 0.9, false]]), block([['Claire MÉNARD', 0.9, false]]), block([['Directrice de la transformation numérique', 0.9, false]])];
    expect(parseTutorCards(cells).map((card) => [card.name, card.details])).toEqual([
      ['Philippe HOARAU', ['Directeur général des services']],
      ['Claire MÉNARD', ['Directrice de la transformation numérique']],
    ]);
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

describe('references numbered like footnotes', () => {
  it('lose their list numbers when every one is numbered in order from 1', () => {
    expect(withoutListNumbers(['1. Guide pratique (DGFIP)', '2. Publications de l’AFIGESE'])).toEqual(['Guide pratique (DGFIP)', 'Publications de l’AFIGESE']);
    expect(withoutListNumbers(['1. Guide pratique', '3. Rapport annuel'])).toEqual(['1. Guide pratique', '3. Rapport annuel']);
    expect(withoutListNumbers(['2030. Le plan climat'])).toEqual(['2030. Le plan climat']);
  });
});

describe('figures as table rows', () => {
  it('reads a row taken for a list item (its right-aligned value indents it) as a figure of its own', () => {
    const rows = [block([['150 000 habitants supplémentaires', 0.9, false]]), { ...block([['1,371 million d’habitants', 0.9, false]]), kind: 'listItem' as const }, block([['59 communes membres', 0.9, false]])];
    expect(parseFigures(rows).figures.map((figure) => [figure.valeur, figure.libelle])).toEqual([
      ['150 000', 'habitants supplémentaires'],
      ['1,371', 'million d’habitants'],
      ['59', 'communes membres'],
    ]);
  });
});
