/**
 * Converter text whose rows the converter set apart (Ghostscript's `txtwrite`: each text run at its
 * own row, placed by its position on the page, no blank rows, no page breaks): each rule that puts
 * the structure back from the text's own evidence, on a few invented rows, so that it fails on its own.
 */
import { describe, expect, it } from 'vitest';
import { joinSuperscriptRows, readColumns } from '../../src/extract/text/columns.js';
import { inferPageBreaks } from '../../src/extract/text/pages.js';
import { moveNumberBeforeTitle } from '../../src/extract/text/sommaire.js';

/** A row holding each text at its character column. */
const row = (...pieces: readonly (readonly [number, string])[]): string =>
  pieces.reduce((text, [x, piece]) => text.padEnd(x) + piece, '');

/** The written lines of a column reading, trimmed. */
const read = (rows: readonly string[]): string[] => readColumns(rows).map((line) => line.trim()).filter((line) => line !== '');

/** Lines long enough to cross the right column's start: no gutter parts the columns. */
const LEFT = ['Le texte de la colonne de gauche va loin ici', 'et il continue sur sa deuxième ligne à droite', 'puis sa troisième ligne va aussi vers la droite', 'et sa quatrième ligne finit la colonne de gauche'];
const RIGHT = ['La colonne de droite', 'suit sa propre ligne', 'avec son interligne', 'et finit son texte.'];

describe('page ends told by folios counting up', () => {
  it('skips the pages printed without a folio (photos) and takes no key figure for one', () => {
    const lines = ['Texte', '2', 'Texte', '3', 'Texte', '5', 'Texte', '6', 'Crédit photo', 'Texte', '11', 'Les chiffres', '26', 'Texte', '12'];
    const out = inferPageBreaks(lines);
    expect(out.filter((line) => line === '\f')).toHaveLength(6);
    // A folio is its page's number and nothing else: it becomes the break.
    expect(out.filter((line) => /^\d+$/.test(line))).toEqual(['26']);
  });

  it('are not inferred from a lone number', () => {
    expect(inferPageBreaks(['Texte', '26', 'Texte'])).toEqual(['Texte', '26', 'Texte']);
  });
});

describe('a column whose numbers hang left of its text', () => {
  it('keeps its numbers (« 12/ » left of its title) in the column', () => {
    const rows: string[] = [];
    for (let k = 0; k < 4; k++) {
      rows.push(row([8, `TITRE GAUCHE ${k + 1} ASSEZ LONG POUR PASSER LA`]), row([57, `TITRE DROIT ${k + 12}`]));
      rows.push(row([2, `0${k + 1}/`]), row([50, `${k + 12}/`]));
      rows.push(row([8, `/ P0${k + 5}`]), row([57, `/ P${k + 61}`]));
    }
    const out = read(rows);
    const lastLeft = out.indexOf('/ P08');
    expect(out.slice(lastLeft + 1)).toEqual(['TITRE DROIT 12', '12/', '/ P61', 'TITRE DROIT 13', '13/', '/ P62', 'TITRE DROIT 14', '14/', '/ P63', 'TITRE DROIT 15', '15/', '/ P64']);
  });
});

describe('a sommaire number written between its title\'s lines', () => {
  it('goes before the title\'s first line, found as the project page prints the title', () => {
    const lines = ['TRAVAILLER AUTREMENT', 'RENFORCER LA POLITIQUE', '05/', 'DES CADRES DE PROXIMITÉ', 'RÉGION UNE', '/ P25', '', 'TRAVAILLER AUTREMENT', '05', 'RENFORCER LA POLITIQUE DES CADRES DE PROXIMITÉ', 'RÉGION UNE'];
    expect(moveNumberBeforeTitle(lines).slice(0, 5)).toEqual(['TRAVAILLER AUTREMENT', '05/ RENFORCER LA POLITIQUE', 'DES CADRES DE PROXIMITÉ', 'RÉGION UNE', '/ P25']);
  });

  it('stays where the project page does not print the lines around it as one title', () => {
    const lines = ['UN TITRE', '05/', 'AUTRE CHOSE', '/ P25', '', '05', 'UN TITRE TOUT AUTRE'];
    expect(moveNumberBeforeTitle(lines)).toEqual(lines);
  });
});

describe('an ordinal superscript set on a row of its own', () => {
  it('goes after the number whose gap it stands over', () => {
    expect(joinSuperscriptRows(['                     er', 'Depuis le 1  janvier 2016, la métropole'])).toEqual(['Depuis le 1er janvier 2016, la métropole']);
  });

  it('leaves a word in lower case, and a row with no number gap under it', () => {
    expect(joinSuperscriptRows(['          des', 'le 2  rang'])).toEqual(['          des', 'le 2  rang']);
    expect(joinSuperscriptRows(['   e', 'pas de nombre ici'])).toEqual(['   e', 'pas de nombre ici']);
  });
});

describe('a grid set across two interleaved columns', () => {
  it('is read after the columns above it, with the short line heading it (key figures)', () => {
    const rows = LEFT.flatMap((line, k) => [row([2, line]), row([40, RIGHT[k]!])]);
    rows.push(row([2, 'Les chiffres']));
    rows.push(row([4, '10 ANS'], [30, '462'], [56, '86%']));
    rows.push(row([4, 'après le transfert'], [30, 'lycées répartis'], [56, 'des agents exposés']));
    const out = read(rows);
    expect(out.slice(0, 8)).toEqual([...LEFT, ...RIGHT]);
    expect(out.slice(8)).toEqual(['Les chiffres', '10 ANS', 'après le transfert', '462', 'lycées répartis', '86%', 'des agents exposés']);
  });

  it('is read before the columns below it when it holds author cards, though a gutter parts the columns', () => {
    const shortLeft = ['Le contexte ici', 'et sa suite', 'puis encore', 'et sa fin.'];
    const rows = [row([2, 'LES AUTEURS'])];
    rows.push(row([12, 'Anne ARNAUD'], [40, 'Bea BRUN']));
    rows.push(row([12, 'anne.arnaud@x-inet.org'], [40, 'bea.brun@x-inet.org']));
    rows.push(row([12, 'Carl CAMUS'], [40, 'Dan DURAND']));
    rows.push(row([12, 'carl.camus@x-inet.org'], [40, 'dan.durand@x-inet.org']));
    rows.push(...shortLeft.flatMap((line, k) => [row([2, line]), row([40, RIGHT[k]!])]));
    const out = read(rows);
    expect(out.indexOf('Dan DURAND')).toBeLessThan(out.indexOf('Le contexte ici'));
    expect(out.slice(out.indexOf('Le contexte ici'))).toEqual([...shortLeft, ...RIGHT]);
  });

  it('leaves rows running across under both columns (« Aller plus loin ») after them', () => {
    const rows = LEFT.flatMap((line, k) => [row([2, line]), row([40, RIGHT[k]!])]);
    rows.push(row([2, 'Aller plus loin']));
    rows.push(row([4, 'Rapport de la mission sur les espaces publics, une référence qui court sur toute la largeur de la page']));
    const out = read(rows);
    expect(out).toEqual([...LEFT, ...RIGHT, 'Aller plus loin', 'Rapport de la mission sur les espaces publics, une référence qui court sur toute la largeur de la page']);
  });

  it('is read cell after cell among rows set apart with no columns around it (key figures under a running head)', () => {
    const rows = [row([2, 'PILOTER ENSEMBLE'])];
    rows.push(row([4, '2,3 MRD'], [30, '65 000'], [56, '11 000']));
    rows.push(row([4, 'de fonctionnement'], [30, 'ménages demandeurs'], [56, 'attributions']));
    rows.push(row([2, 'Aller plus loin']));
    rows.push(row([4, 'Rapport public thématique de la Cour des comptes sur le logement social, février 2017']));
    expect(read(rows)).toEqual(['PILOTER ENSEMBLE', '2,3 MRD', 'de fonctionnement', '65 000', 'ménages demandeurs', '11 000', 'attributions', 'Aller plus loin', 'Rapport public thématique de la Cour des comptes sur le logement social, février 2017']);
  });
});
