/**
 * A brochure laid out in a word processor (issue 8, the LibreOffice Writer designs): borderless
 * tables whose rows come from the cells' geometry, a cell's wrapped lines kept in its cell, a
 * sommaire row cut by a page break, no page numbers printed. Small hand-made pages (A4, points,
 * y from the top), set as Writer sets them: 11 pt body at a 14.5 pt leading, 10 pt table text.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cellOrderedLines } from '../src/extract/cells.js';
import type { Fragment } from '../src/extract/fragments.js';
import { layoutPages } from '../src/extract/layout.js';
import type { PdfPage, PdfTextRun } from '../src/extract/pdf.js';
import { splitRosterPeople } from '../src/normalise/names.js';
import { readPromotions } from '../src/normalise/promotions.js';
import { parseFigures } from '../src/parse/chiffres.js';
import { parseProject } from '../src/parse/index.js';
import { parseAuthorCards } from '../src/parse/people.js';
import { splitRubriques } from '../src/parse/rubriques.js';
import { DEFAULT_VOCABULARY } from '../src/profile.js';
import { runStages } from '../src/pipeline.js';
import { readSommaire } from '../src/segment/sommaire.js';
import type { Block } from '../src/types.js';

const BODY = 11;
const LEADING = 14.5;
/** Table text: 10 pt, lines 11.5 pt apart inside a cell, rows 14.5 pt apart. */
const CELL = 10;

function run(text: string, x: number, y: number, options: { size?: number; bold?: boolean; width?: number } = {}): PdfTextRun {
  const size = options.size ?? BODY;
  return { text, x, y, width: options.width ?? text.length * size * 0.45, fontSize: size, bold: options.bold ?? false, fontName: options.bold ? 'LiberationSans-Bold' : 'LiberationSerif' };
}

/** Body text so that 11 pt is the body size and its leading can be measured. */
function filler(top: number, lines = 6): PdfTextRun[] {
  return Array.from({ length: lines }, (_, i) => run('Le texte courant de la brochure occupe la plus grande part de chaque page et fixe le corps.', 56.8, top + i * LEADING, { width: 478 }));
}

function layout(...pages: PdfTextRun[][]): Block[] {
  const built: PdfPage[] = pages.map((runs, i) => ({ number: i + 1, width: 595.3, height: 841.9, runs, skippedRuns: 0 }));
  return [...layoutPages({ pageCount: built.length, pages: built }).blocks];
}

const texts = (blocks: readonly Block[]): string[] => blocks.map((block) => block.text);

describe('table rows from cell geometry', () => {
  it('reads a name wrapped in its cell with the e-mail set at the row\'s middle, not line by line', () => {
    // « Lisa MARCHETTI | e-mail » on one baseline; « Inès BRUNEAU- / SALGADO » wrapped, its e-mail between the two lines.
    const runs = [
      run('LES AUTEURS', 56.8, 185, { bold: true }),
      run('Lisa MARCHETTI', 58.3, 204.3, { size: CELL }),
      run('lisa.marchetti@administrateur-inet.org', 177.1, 204.3, { size: CELL }),
      run('Inès BRUNEAU-', 58.3, 218.8, { size: CELL }),
      run('ines.bruneausalgado@administrateur-inet.org', 177.1, 224.6, { size: CELL }),
      run('SALGADO', 58.3, 230.4, { size: CELL }),
      run('Kévin OYONO', 58.3, 244.9, { size: CELL }),
      run('kevin.oyono@ingenieurchef-inet.org', 177.1, 244.9, { size: CELL }),
      ...filler(300),
    ];
    const blocks = texts(layout(runs));
    const at = blocks.findIndex((text) => text.startsWith('Inès'));
    expect(blocks.slice(at, at + 2)).toEqual(['Inès BRUNEAU-SALGADO', 'ines.bruneausalgado@administrateur-inet.org']);
    // The e-mail of the row above and the name of the row below stay in their rows.
    expect(blocks.slice(at - 1, at)).toEqual(['Lisa MARCHETTI lisa.marchetti@administrateur-inet.org']);
    expect(blocks[at + 2]).toBe('Kévin OYONO kevin.oyono@ingenieurchef-inet.org');
  });

  it('reads a big figure set at the middle of its label\'s two lines before the label', () => {
    const runs = [
      run('LES CHIFFRES', 56.8, 500, { bold: true }),
      run('de taux de couverture des dépenses par les recettes pour les stades (10% pour les piscines,', 99.9, 529.7, { size: CELL, width: 425 }),
      run('14 %', 59.1, 535.3, { size: 16, bold: true }),
      run('5% pour les bibliothèques)', 99.9, 541.3, { size: CELL }),
      run('des dépenses de fonctionnement liées aux charges de structure', 99.9, 560.7, { size: CELL }),
      run('15 %', 59.1, 562.9, { size: 16, bold: true }),
      ...filler(100),
    ];
    const blocks = texts(layout(runs));
    const at = blocks.indexOf('14 %');
    expect(blocks.slice(at, at + 4)).toEqual([
      '14 %',
      'de taux de couverture des dépenses par les recettes pour les stades (10% pour les piscines, 5% pour les bibliothèques)',
      '15 %',
      'des dépenses de fonctionnement liées aux charges de structure',
    ]);
  });

  it('reads a table of contents row by row when its page column stands apart: title, organisation, page', () => {
    const row = (y: number, title: readonly string[], page: string): PdfTextRun[] => [
      run(title[0]!, 59.8, y, { size: CELL, width: 400 }),
      ...title.slice(1).map((line, i) => run(line, 78.8, y + (i + 1) * 11.5, { size: CELL })),
      run(page, 525.8, y, { size: CELL }),
    ];
    const runs = [
      run('SOMMAIRE', 56.8, 85.6, { size: 18, bold: true }),
      run('N° Projet', 59.8, 107.8, { size: CELL, bold: true }),
      run('Page', 515.2, 107.8, { size: CELL, bold: true }),
      run('PILOTER ENSEMBLE', 59.8, 125.3, { size: CELL, bold: true }),
      ...row(142.9, ['01 MUTUALISATION, TERRITORIALISATION, GOUVERNANCE : ÉVOLUTIONS EN', 'PERSPECTIVE COMPARÉE', 'BORDEAUX MÉTROPOLE'], '5'),
      ...row(183.5, ['02 BILAN DES 10 ANS D’EST ENSEMBLE', 'EST ENSEMBLE'], '8'),
      run('TRAVAILLER AUTREMENT', 59.8, 212.6, { size: CELL, bold: true }),
      ...row(230.2, ['03 RENFORCER LA POLITIQUE D’ACCOMPAGNEMENT DES CADRES DE PROXIMITÉ', 'RÉGION ILE-DE-FRANCE'], '16'),
      ...filler(400),
    ];
    const blocks = texts(layout(runs));
    const at = blocks.indexOf('PILOTER ENSEMBLE');
    expect(blocks.slice(at, at + 12)).toEqual([
      'PILOTER ENSEMBLE',
      '01 MUTUALISATION, TERRITORIALISATION, GOUVERNANCE : ÉVOLUTIONS EN',
      'PERSPECTIVE COMPARÉE',
      'BORDEAUX MÉTROPOLE',
      '5',
      '02 BILAN DES 10 ANS D’EST ENSEMBLE',
      'EST ENSEMBLE',
      '8',
      'TRAVAILLER AUTREMENT',
      '03 RENFORCER LA POLITIQUE D’ACCOMPAGNEMENT DES CADRES DE PROXIMITÉ',
      'RÉGION ILE-DE-FRANCE',
      '16',
    ]);
  });

  it('keeps figures over their labels as cards side by side (rows that alternate styles are no table)', () => {
    const card = (x: number, figure: string, label: readonly string[]): PdfTextRun[] => [
      run(figure, x, 688.5, { size: 28, bold: true }),
      ...label.map((line, i) => run(line, x, 707.2 + i * 10.5, { size: 8.4 })),
    ];
    const runs = [...filler(100), ...card(56.5, '150 000', ['habitants supplémentaires entre 2010 et', '2030 (Scot)']), ...card(226.6, '1,371', ['million d’habitants']), ...card(396.6, '59', ['communes membres'])];
    expect(texts(layout(runs)).slice(-6)).toEqual(['150 000', 'habitants supplémentaires entre 2010 et 2030 (Scot)', '1,371', 'million d’habitants', '59', 'communes membres']);
  });

  it('reads cells aligned on their tops row by row, and text beside text at random heights column by column', () => {
    // Two cells of two lines each per row; the right one level with the left one, or half a line lower.
    const grid = (offset: number, rightLines: number): PdfTextRun[] => [0, 1, 2].flatMap((r) => [
      run(`Gauche ${r + 1}`, 58, 200 + r * 35, { size: CELL }),
      run(`suite ${r + 1}`, 58, 211.5 + r * 35, { size: CELL }),
      ...['Droite', 'fin'].slice(0, rightLines).map((word, i) => run(`${word} ${r + 1}`, 300, 200 + i * 11.5 + r * 35 + offset, { size: CELL })),
    ]);
    const lines = (runs: PdfTextRun[]): string[] => layout([...filler(400), ...runs]).flatMap((block) => block.lines.map((line) => line.text));
    expect(lines(grid(0, 1)).slice(0, 4)).toEqual(['Gauche 1', 'suite 1', 'Droite 1', 'Gauche 2']);
    expect(lines(grid(5.75, 2)).slice(0, 3)).toEqual(['Gauche 1', 'suite 1', 'Gauche 2']);
  });

  it('keeps two columns of running text column by column', () => {
    const column = (x: number, words: string): PdfTextRun[] => Array.from({ length: 8 }, (_, i) => run(`${words} ligne ${i + 1} de la colonne, assez longue pour la remplir`, x, 100 + i * LEADING, { width: 230 }));
    const blocks = texts(layout([...column(56.8, 'Gauche'), ...column(305, 'Droite')]));
    expect(blocks).toHaveLength(2);
    expect(blocks[0]).toMatch(/^Gauche ligne 1 .* Gauche ligne 8 /);
  });

  it('keeps a name over its role beside a heading of the next column as printed (a card is no wrapped cell)', () => {
    const fragment = (text: string, x0: number, y: number, size: number, bold: boolean): Fragment =>
      ({ page: 1, text, x0, x1: x0 + text.length * size * 0.45, y, top: y - 0.75 * size, bottom: y + 0.25 * size, size, bold, boldLead: '', chars: text.length });
    const lines = [
      [fragment('DE PINHO Sandra', 59.3, 261.7, 8.5, true)],
      [fragment('CONTEXTE ET ENJEUX', 235.1, 268.5, 9.5, true)],
      [fragment('Directrice Qualité et performance', 59.3, 273.7, 8, false)],
    ];
    const order = (input: Fragment[][]): string[] => cellOrderedLines(input).map((line) => line.map((f) => f.text).join(' '));
    expect(order(lines)).toEqual(['DE PINHO Sandra', 'CONTEXTE ET ENJEUX', 'Directrice Qualité et performance']);
    // The same lines in one style are one cell's wrapped text beside a short cell: read cell by cell.
    const wrapped = lines.map((line) => line.map((f) => ({ ...f, size: 8.5, bold: false })));
    expect(order(wrapped)).toEqual(['DE PINHO Sandra', 'Directrice Qualité et performance', 'CONTEXTE ET ENJEUX']);
  });
});

describe('page numbers', () => {
  it('keeps lone numbers in the margin bands that are not printed at one height (key figures, project numbers)', () => {
    // Page 2 prints « 1 » near its foot and page 3 « 2 »: both match their page's index less one, at different heights.
    const pages = [
      filler(100),
      [...filler(100), run('1', 59.1, 762.2, { size: 16, bold: true }), run('personnes rencontrées', 94.3, 762.2, { size: CELL })],
      [...filler(200), run('2', 56.8, 81.1, { size: 26, bold: true })],
    ];
    const blocks = texts(layout(...pages));
    expect(blocks).toContain('1');
    expect(blocks).toContain('2');
  });

  it('still drops page numbers printed at one height', () => {
    const pages = [1, 2, 3].map((n) => [...filler(100), run(String(n + 2), 540, 813, { size: 9 })]);
    expect(texts(layout(...pages)).some((text) => /^\d+$/.test(text))).toBe(false);
  });
});

describe('lines joined in a narrow cell', () => {
  it('joins a number broken after its slash', () => {
    const runs = [...filler(100), run('3,7/', 59.1, 500, { size: 16, bold: true }), run('4', 59.1, 518.4, { size: 16, bold: true })];
    expect(texts(layout(runs))).toContain('3,7/4');
  });
});

describe('authors in a table', () => {
  const block = (text: string): Block => ({ kind: 'paragraph', text, lines: text.split('\n').map((line) => ({ text: line, bold: false, size: 0.91 })), page: 4 });
  it('joins a compound family name wrapped at its hyphen inside its cell', () => {
    const cards = parseAuthorCards([block('Kévin OYONO kevin.oyono@ingenieurchef-inet.org'), block('Inès BRUNEAU-\nSALGADO'), block('ines.bruneausalgado@administrateur-inet.org')]);
    expect(cards.map((card) => [card.name, card.details])).toEqual([
      ['Kévin OYONO', ['kevin.oyono@ingenieurchef-inet.org']],
      ['Inès BRUNEAU-SALGADO', ['ines.bruneausalgado@administrateur-inet.org']],
    ]);
  });
  it('keeps two names apart when the first does not end with a hyphen', () => {
    const cards = parseAuthorCards([block('Inès BRUNEAU'), block('Paul SALGADO'), block('paul.salgado@administrateur-inet.org')]);
    expect(cards.map((card) => card.name)).toEqual(['Inès BRUNEAU', 'Paul SALGADO']);
  });
});

describe('a sommaire table cut by a page break', () => {
  const line = (text: string, bold: boolean) => ({ text, bold, size: 0.91 });
  const block = (page: number, ...lines: { text: string; bold: boolean; size: number }[]): Block => ({ kind: 'paragraph', text: lines.map((l) => l.text).join(' '), lines, page });
  const entries = (blocks: Block[]) => readSommaire(blocks, 0, DEFAULT_VOCABULARY).entries.map((e) => [e.numero, e.texte, e.page, e.section]);
  it('gives the line opening the next page, set like the entries, to the entry before it', () => {
    const blocks = [
      block(2, line('VALORISER LE TERRITOIRE', true)),
      block(2, line('16 PRÉFIGURATION DE LA FUTURE MÉDIATHÈQUE', false), line('COMMUNAUTAIRE', false)),
      block(2, line('48', false)),
      block(3, line('GRAND BESANÇON MÉTROPOLE', false)),
      block(3, line('17 STRATÉGIE POUR L’AMÉNAGEMENT NON GENRÉ', false), line('VILLE DE RENNES', false)),
      block(3, line('50', false)),
    ];
    expect(entries(blocks)).toEqual([
      [16, 'PRÉFIGURATION DE LA FUTURE MÉDIATHÈQUE COMMUNAUTAIRE GRAND BESANÇON MÉTROPOLE', 48, 'VALORISER LE TERRITOIRE'],
      [17, 'STRATÉGIE POUR L’AMÉNAGEMENT NON GENRÉ VILLE DE RENNES', 50, 'VALORISER LE TERRITOIRE'],
    ]);
  });
  it('still reads a section title opening the next page, set like the section titles', () => {
    const blocks = [
      block(2, line('VALORISER LE TERRITOIRE', true)),
      block(2, line('16 PRÉFIGURATION DE LA FUTURE MÉDIATHÈQUE', false)),
      block(2, line('48', false)),
      block(3, line('GÉRER AUTREMENT', true)),
      block(3, line('17 STRATÉGIE POUR L’AMÉNAGEMENT NON GENRÉ', false)),
      block(3, line('50', false)),
    ];
    expect(entries(blocks).map((entry) => entry[3])).toEqual(['VALORISER LE TERRITOIRE', 'GÉRER AUTREMENT']);
  });
});

describe('headings and titles set close above what follows (one block)', () => {
  const lines = (...specs: [string, boolean][]): Block => ({
    kind: 'paragraph',
    text: specs.map(([text]) => text).join(' '),
    lines: specs.map(([text, bold]) => ({ text, bold, size: 1 })),
    page: 3,
  });
  it('cuts a known heading in bold off the regular lines under it', () => {
    const split = splitRubriques([lines(['Tuteur au sein de la collectivité', true], ['TISSERAND Agnès, Directrice générale adjointe', false])], DEFAULT_VOCABULARY, { projet: 1 });
    expect(split.rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.map((block) => block.text)])).toEqual([['tuteurs', ['TISSERAND Agnès, Directrice générale adjointe']]]);
  });
  it('keeps a bold line that is no known heading with its text', () => {
    const split = splitRubriques([lines(['Un titre de paragraphe', true], ['Le texte qui suit.', false])], DEFAULT_VOCABULARY, { projet: 1 });
    expect(split.headingBlocks.map((block) => block.text)).toEqual(['Un titre de paragraphe Le texte qui suit.']);
  });
  it('reads the title from the bold lines and the collectivité from the regular line under them', () => {
    const heading: Block = { kind: 'paragraph', text: 'Projet n° 2', lines: [{ text: 'Projet n° 2', bold: false, size: 1.14 }], page: 5 };
    const parsed = parseProject({
      numero: 2,
      section: '',
      heading,
      blocks: [
        lines(['UN GUICHET UNIQUE POUR LES', true], ['PROCHES AIDANTS', true], ['DÉPARTEMENT DE LA HAUTE-VALMORE', false]),
        lines(['Contexte', true]),
        lines(['Depuis 2030, le Département est chef de file de l’accompagnement des proches aidants.', false]),
      ],
    });
    expect([parsed.titre, parsed.collectivite]).toEqual(['UN GUICHET UNIQUE POUR LES PROCHES AIDANTS', 'DÉPARTEMENT DE LA HAUTE-VALMORE']);
  });
});

describe('a team table and rosters read column by column or on one line (groff, tbl)', () => {
  const block = (text: string): Block => ({ kind: 'paragraph', text, lines: text.split('\n').map((line) => ({ text: line, bold: false, size: 1 })), page: 5 });
  it('pairs k names read before k e-mails in order', () => {
    const cards = parseAuthorCards([block('DELAHAYE Quentin\nNGUYEN Thu-Hà'), block('PERRAUDIN Camille\nquentin.delahaye@administrateur-inet.org\nthuha.nguyen@ingenieurchef-inet.org\ncamille.peraudin@administrateur-inet.org')]);
    expect(cards.map((card) => [card.name, card.details])).toEqual([
      ['DELAHAYE Quentin', ['quentin.delahaye@administrateur-inet.org']],
      ['NGUYEN Thu-Hà', ['thuha.nguyen@ingenieurchef-inet.org']],
      ['PERRAUDIN Camille', ['camille.peraudin@administrateur-inet.org']],
    ]);
  });
  it('when their counts differ, pairs no name by position, only by what each e-mail spells', () => {
    const cards = parseAuthorCards([block('DELAHAYE Quentin\nNGUYEN Thu-Hà\nPERRAUDIN Camille\nquentin.delahaye@administrateur-inet.org\nthuha.nguyen@ingenieurchef-inet.org')]);
    expect(cards.map((card) => [card.name, card.details])).toEqual([
      ['DELAHAYE Quentin', ['quentin.delahaye@administrateur-inet.org']],
      ['NGUYEN Thu-Hà', ['thuha.nguyen@ingenieurchef-inet.org']],
      ['PERRAUDIN Camille', []],
    ]);
  });
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

describe('a sommaire with each title and organisation line its own block', () => {
  const line = (text: string) => ({ text, bold: false, size: 1 });
  const block = (page: number, text: string, bold = false): Block => ({ kind: 'paragraph', text, lines: [{ ...line(text), bold }], page });
  const entries = (blocks: Block[]) => readSommaire(blocks, 0, DEFAULT_VOCABULARY).entries.map((e) => [e.numero, e.texte, e.page]);
  it('finds the page after two title lines and two organisation lines', () => {
    const blocks = [
      block(2, 'GÉRER DIFFÉREMMENT', true),
      block(2, '13 RENFORCER LES SERVICES ET L’APPROPRIATION DES COMPÉTENCES EAU ET'),
      block(2, 'ASSAINISSEMENT VERS UN PASSAGE EN RÉGIE'),
      block(2, 'COMMUNAUTÉ D’AGGLOMÉRATION DU PAYS NORD MARTINIQUE (CAP NORD'),
      block(2, 'MARTINIQUE)'),
      block(2, '........................................ 35'),
      block(2, '14 COÛT COMPLET DES ÉQUIPEMENTS CULTURELS ET SPORTIFS'),
      block(2, 'VILLE DE MARSEILLE ........ 37'),
    ];
    expect(entries(blocks).map((entry) => entry[2])).toEqual([35, 37]);
  });
  it('takes the page from the organisation line that opens the next page', () => {
    const blocks = [
      block(2, 'GÉRER DIFFÉREMMENT', true),
      block(2, '15 TARIFICATION INTERMODALE : VERS UNE OFFRE'),
      block(2, 'DE MOBILITÉ SERVICIELLE'),
      block(3, 'RÉGION GRAND EST .................. 39'),
      block(3, 'VALORISER LE TERRITOIRE', true),
      block(3, '16 PRÉFIGURATION DE LA MÉDIATHÈQUE'),
      block(3, 'GRAND BESANÇON MÉTROPOLE ....... 42'),
    ];
    expect(entries(blocks)).toEqual([
      [15, 'TARIFICATION INTERMODALE : VERS UNE OFFRE DE MOBILITÉ SERVICIELLE RÉGION GRAND EST', 39],
      [16, 'PRÉFIGURATION DE LA MÉDIATHÈQUE GRAND BESANÇON MÉTROPOLE', 42],
    ]);
  });
});

describe('cover', () => {
  it('reads promotion names printed one per line with no separator (a centred list)', async () => {
    const text = readFileSync(new URL('../fixtures/synthetic-2031/input.txt', import.meta.url), 'utf8')
      .replace('**Hubertine Auclert, Nikola Tesla & Rosa Bonheur**', '**Hubertine Auclert**\n**Nikola Tesla**\n**Rosa Bonheur**');
    const { document } = await runStages(new TextEncoder().encode(text), { fileName: 'input.txt' });
    expect(document.promotions.map((promotion) => promotion.nom)).toEqual(['Hubertine Auclert', 'Nikola Tesla', 'Rosa Bonheur']);
  });
});

describe('key figures in a table cut by a page break', () => {
  const block = (text: string, page: number, bold = false): Block => ({ kind: 'paragraph', text, lines: [{ text, bold, size: bold ? 1.45 : 0.91 }], page });
  it('joins a figure wrapped in its cell whose second line opens the next page, and its label', () => {
    const { figures } = parseFigures([
      block('550', 61, true),
      block('visiteurs par an en moyenne. Le château', 61),
      block('000', 62, true),
      block('figure parmi les cinq sites les plus visités.', 62),
      block('2021', 62, true),
      block('création de la collectivité européenne.', 62),
    ]);
    expect(figures.map((figure) => [figure.valeur, figure.libelle])).toEqual([
      ['550 000', 'visiteurs par an en moyenne. Le château figure parmi les cinq sites les plus visités.'],
      ['2021', 'création de la collectivité européenne.'],
    ]);
  });
  it('keeps a figure on the next page apart when the label before it ended its sentence', () => {
    const { figures } = parseFigures([block('550', 61, true), block('visiteurs par an.', 61), block('050', 62, true), block('communes.', 62)]);
    expect(figures.map((figure) => figure.valeur)).toEqual(['550', '050']);
  });
});
