/**
 * Key figures read back by this project's own figure style (src/parse/rubriques.ts), and the
 * cover's title in the title's type (src/normalise/index.ts): each rule on a few invented blocks.
 */
import { describe, expect, it } from 'vitest';
import { figuresInTheirStyle, splitRubriques, type Rubrique } from '../../src/parse/rubriques.js';
import { readBrochure } from '../../src/normalise/index.js';
import { DEFAULT_VOCABULARY } from '../../src/profile.js';
import { block } from '../helpers/blocks.js';
import type { Block } from '../../src/types.js';

describe('key figures of a sidebar run on past a page break', () => {
  const figures = (): Rubrique => ({ key: 'chiffres', heading: 'LES CHIFFRES CLÉS', page: 30, blocks: [block([['93', 2.1, true]], 30), block([['personnes contactées', 0.86, false]], 30)] });

  it('go back to the key figures when set as this project’s figures and labels, from the text read before them', () => {
    const text: Rubrique = { key: 'clesPourAgir', heading: 'DES CLÉS POUR AGIR', page: 31, blocks: [block([['Un paragraphe.', 1, false]], 31), block([['2', 2.1, true]], 31), block([['immersions réalisées', 0.86, false]], 31), block([['1', 2.1, true]], 31), block([['formation à l’INET', 0.86, false]], 31)] };
    const chiffres = figures();
    figuresInTheirStyle([chiffres, text]);
    expect(text.blocks.map((b) => b.text)).toEqual(['Un paragraphe.']);
    expect(chiffres.blocks.map((b) => b.text)).toEqual(['93', 'personnes contactées', '2', 'immersions réalisées', '1', 'formation à l’INET']);
  });

  it('stay where they are when set otherwise (a number of a list in body type)', () => {
    const text: Rubrique = { key: 'clesPourAgir', heading: 'DES CLÉS POUR AGIR', page: 31, blocks: [block([['2', 1, true]], 31), block([['immersions réalisées', 1, false]], 31)] };
    figuresInTheirStyle([figures(), text]);
    expect(text.blocks.map((b) => b.text)).toEqual(['2', 'immersions réalisées']);
  });
});

describe('key figures appended to the rubrique before them, with no heading', () => {
  const project = (tail: [string, number, boolean][]) =>
    splitRubriques(
      [
        block([['CONTEXTE', 1.2, true]], 3),
        block([['La communauté regroupe vingt-six communes et un peu plus de 140 000 habitants, chacune avec sa cuisine.', 1, false]], 3),
        ...tail.map((spec) => block([spec], 3)),
        block([['ALLER PLUS LOIN', 1.2, true]], 3),
        block([['Observatoire de la restauration collective, Guide, 2029', 1, false]], 3),
      ],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('become the figures rubrique when at least two figures set alone, each over its label, end the rubrique (appended-figures)', () => {
    const read = project([['26', 2.1, true], ['communes membres de l’agglomération', 0.9, false], ['+18 %', 2.1, true], ['de produits durables', 0.9, false]]);
    expect(read.find(([key]) => key === 'chiffres')).toEqual(['chiffres', ['26', 'communes membres de l’agglomération', '+18 %', 'de produits durables']]);
    expect(read.find(([key]) => key === 'contexte')?.[1]).toHaveLength(1);
  });

  it('take with them what follows them in the rubrique (a box printed with the figures)', () => {
    const long = 'répondants au sondage sur la culture usager, menés auprès des agents des antennes régionales et des lycées, dont les réponses ont été analysées avec le service de la statistique et restituées en séminaire de direction, puis reprises dans le plan d’actions.';
    const read = project([['93', 2.1, true], ['personnes contactées', 0.9, false], ['99', 2.1, true], [long, 0.9, false], ['& DES HAUTS DÉBATS', 1.1, true], ['Jeudi 10 octobre, à Lille', 0.9, false]]);
    expect(read.find(([key]) => key === 'chiffres')?.[1]).toEqual(['93', 'personnes contactées', '99', long, '& DES HAUTS DÉBATS', 'Jeudi 10 octobre, à Lille']);
  });

  /** A paragraph in body type whose line opens with a bold figure (« **26** communes… »), as a PDF gives it. */
  const boldLed = (figure: string, label: string): Block => ({ kind: 'paragraph', text: `${figure} ${label}`, lines: [{ text: `${figure} ${label}`, size: 1, bold: false, boldLead: figure }], page: 3 });
  const projectOf = (tail: Block[]) =>
    splitRubriques(
      [block([['CONTEXTE', 1.2, true]], 3), block([['La communauté regroupe vingt-six communes, chacune avec sa cuisine.', 1, false]], 3), ...tail, block([['ALLER PLUS LOIN', 1.2, true]], 3), block([['Observatoire, Guide, 2029', 1, false]], 3)],
      DEFAULT_VOCABULARY,
      { projet: 1 },
    ).rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((b) => b.text)]);

  it('become the figures rubrique when figures set inline in bold, each leading its label, end the rubrique (appended-figures)', () => {
    const read = projectOf([boldLed('26', 'communes membres de l’agglomération'), boldLed('12 500', 'repas servis chaque jour'), block([['Une seconde ligne du libellé, en corps de texte.', 1, false]], 3), boldLed('+18 %', 'de produits durables')]);
    expect(read.find(([key]) => key === 'chiffres')?.[1]).toEqual(['26 communes membres de l’agglomération', '12 500 repas servis chaque jour', 'Une seconde ligne du libellé, en corps de texte.', '+18 % de produits durables']);
    expect(read.find(([key]) => key === 'contexte')?.[1]).toHaveLength(1);
  });

  it('take a box printed after the inline figures (a bold title, then its text) with them', () => {
    const read = projectOf([boldLed('79', 'agents mobilisés'), boldLed('8', 'tableaux de préfiguration'), block([['Et après...', 0.95, true]], 3), block([['La refonte de l’accueil devra s’inscrire sur plusieurs années.', 0.85, false]], 3)]);
    expect(read.find(([key]) => key === 'chiffres')?.[1]).toEqual(['79 agents mobilisés', '8 tableaux de préfiguration', 'Et après...', 'La refonte de l’accueil devra s’inscrire sur plusieurs années.']);
  });

  it('stay in the text when bold numbers open paragraphs that the text goes on after, or outnumber the figures', () => {
    const text = (t: string): Block => block([[t, 1, false]], 3);
    const goesOn = projectOf([boldLed('3', 'scénarios ont été proposés.'), boldLed('2', 'ont été retenus.'), block([['LA SUITE DU PROJET SERA DÉCIDÉE EN 2020', 1, true]], 3), text('Le bureau décidera.')]);
    expect(goesOn.some(([key]) => key === 'chiffres')).toBe(false);
    const outnumbered = projectOf([boldLed('3', 'scénarios ont été proposés.'), text('Le premier mutualise.'), text('Le deuxième centralise.'), boldLed('2', 'ont été retenus.'), text('Le bureau décidera.'), text('Il votera en juin.')]);
    expect(outnumbered.some(([key]) => key === 'chiffres')).toBe(false);
  });

  it('stay in the text when one number alone ends it', () => {
    const read = project([['2019', 1, true], ['une année de transition pour tous', 1, false]]);
    expect(read.some(([key]) => key === 'chiffres')).toBe(false);
  });
});

describe('the cover’s title', () => {
  it('leaves out a line set far smaller above it (a logo’s name), keeps lines of its type', () => {
    const cover = [block([['I N E T', 1.49, true]], 1), block([['REGARDS CROISÉS SUR', 3.62, true], ['LES TERRITOIRES', 3.62, true]], 1), block([["Élèves territoriaux de l'INET des promotions", 1.17, false]], 1), block([['2019 / 2020', 1.28, true]], 1)];
    expect(readBrochure(cover, [], DEFAULT_VOCABULARY).titre).toBe('REGARDS CROISÉS SUR LES TERRITOIRES');
    expect(readBrochure([block('I N E T'), ...cover.slice(1).map((b) => block(b.lines.map((l) => l.text)))], [], DEFAULT_VOCABULARY).titre).toBe('I N E T REGARDS CROISÉS SUR LES TERRITOIRES');
  });
});
