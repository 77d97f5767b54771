/**
 * Unit tests of the converter-text line passes (src/extract/text/): each rule on the smallest
 * text that needs it, in the forms the common converters write (fixtures/converters/README.md).
 */
import { describe, expect, it } from 'vitest';
import { readText } from '../src/extract/text.js';
import { isLaidOut, readColumns } from '../src/extract/text/columns.js';
import { splitBoldRuns, stripLineMarkup } from '../src/extract/text/markdown.js';
import { markPageBreaks } from '../src/extract/text/pages.js';
import { prepareLines } from '../src/extract/text/passes.js';
import { splitGluedEmails, unswapLetters } from '../src/extract/text/tokens.js';
import { normaliseDocument, withSuppliedEdition } from '../src/normalise/index.js';
import { BrochureError } from '../src/errors.js';

const texts = (source: string): string[] => readText(source).blocks.map((b) => b.text);

describe('page breaks', () => {
  it('reads a form feed glued to the next line, and « -- 3 of 110 -- », as a break', () => {
    expect(markPageBreaks(['fin de page', '\fSOM']).lines).toEqual(['fin de page', '', 'SOM']);
    const marked = markPageBreaks(['a', '-- 3 of 110 --', 'b']);
    expect(marked.lines).toEqual(['a', '', 'b']);
    expect([...marked.breaks]).toEqual([1]);
  });
});

describe('tokens', () => {
  it('cuts an e-mail glued to the next name', () => {
    expect(splitGluedEmails(['fanette.peyratout@administrateur-inet.orgXavier LEIBAR'])).toEqual(['fanette.peyratout@administrateur-inet.org', 'Xavier LEIBAR']);
    expect(splitGluedEmails(['écrire à a.b@inet.org pour'])).toEqual(['écrire à a.b@inet.org pour']);
  });
  it('restores letters written with swapped bytes next to Latin letters only', () => {
    expect(unswapLetters('Concep\u7400\u6900on')).toBe('Conception');
    expect(unswapLetters('identi\u6600\u6900er')).toBe('identifier');
    expect(unswapLetters('\u7400 seul')).toBe('\u7400 seul');
  });
});

describe('markup', () => {
  it('removes heading marks, setext underlines, HTML tags and entities', () => {
    expect(stripLineMarkup('##### 2019 / 2020')).toBe('2019 / 2020');
    expect(stripLineMarkup('=====')).toBe('');
    expect(stripLineMarkup('<p>Ville &amp; Métropole</p>').trim()).toBe('Ville & Métropole');
  });
  it('splits a line that joins a bold title, a plain line and a bold page reference', () => {
    expect(splitBoldRuns('**01/ TITRE** VILLE DE LYON **/ P05**')).toEqual(['**01/ TITRE**', 'VILLE DE LYON', '**/ P05**']);
  });
});

describe('columns', () => {
  const page = [
    'CONTEXTE                        DES CLÉS POUR AGIR',
    'Première ligne gauche           Première ligne droite',
    'deuxième ligne gauche.          deuxième ligne droite.',
  ];
  it('tells a laid-out text and reads its columns one after the other', () => {
    expect(isLaidOut(page)).toBe(true);
    expect(readColumns(page).filter((line) => line !== '')).toEqual([
      'CONTEXTE', 'Première ligne gauche', 'deuxième ligne gauche.', 'DES CLÉS POUR AGIR', 'Première ligne droite', 'deuxième ligne droite.',
    ]);
  });
  it('reads bands separated by blank rows before columns (author cards two per line)', () => {
    const cards = ['Fanette PEYRATOUT        Xavier LEIBAR', 'f.p@inet.org             x.l@inet.org', '', '', 'Nathalie BOUCHAIN', 'n.b@inet.org'];
    expect(readColumns(cards).filter((line) => line !== '')).toEqual(['Fanette PEYRATOUT', 'f.p@inet.org', 'Xavier LEIBAR', 'x.l@inet.org', 'Nathalie BOUCHAIN', 'n.b@inet.org']);
  });
});

describe('one printed line per line', () => {
  const source = ['LES AUTEURS', 'Fanette PEYRATOUT', 'fanette.peyratout@administrateur-inet.org', 'CONTEXTE', 'Une phrase coupée', 'en deux lignes.', 'Autre paragraphe.'].join('\n');
  it('is told from the rarity of blank lines', () => {
    expect(prepareLines(source.split('\n')).dialect).toBe('lines');
    expect(prepareLines(['a', '', 'b', '', 'c']).dialect).toBe('blocks');
  });
  it('makes each line a block unless it goes on the previous sentence; an address stays apart', () => {
    expect(texts(source)).toEqual(['LES AUTEURS', 'Fanette PEYRATOUT', 'fanette.peyratout@administrateur-inet.org', 'CONTEXTE', 'Une phrase coupée en deux lignes.', 'Autre paragraphe.']);
  });
});

describe('edition supplied by the caller', () => {
  const printed = { titre: 'T', edition: '', anneeDebut: 0, anneeFin: 0, datePublication: null };
  it('fills a missing edition and says so', () => {
    const { brochure, diagnostic } = withSuppliedEdition(printed, '2019-2020');
    expect(brochure).toMatchObject({ edition: '2019 / 2020', anneeDebut: 2019, anneeFin: 2020 });
    expect(diagnostic?.code).toBe('EDITION_SUPPLIED');
  });
  it('keeps a printed edition and reports a different one', () => {
    const { brochure, diagnostic } = withSuppliedEdition({ ...printed, edition: '2019 / 2020', anneeDebut: 2019, anneeFin: 2020 }, '2020-2021');
    expect(brochure.anneeDebut).toBe(2019);
    expect(diagnostic?.code).toBe('EDITION_MISMATCH');
  });
  it('refuses an edition that is not one', () => {
    expect(() => withSuppliedEdition(printed, '2019')).toThrow(BrochureError);
  });
  it('without any edition, stops with exit 3 saying what was read', () => {
    const segmented = { cover: [], sommaire: [], sections: [], colophon: [], sectionHeadings: [], projects: [], rosters: [], diagnostics: [] };
    try {
      normaliseDocument(segmented, [], { file: 'x.txt', sha256: '0', format: 'text', pageCount: null });
      expect.unreachable();
    } catch (error) {
      expect((error as BrochureError).code).toBe('EDITION_NOT_FOUND');
      expect((error as BrochureError).exitCode).toBe(3);
      expect((error as Error).message).toContain('--edition');
    }
  });
});
