/**
 * Unit tests of the PDF layout stage on small hand-made pages (A4, points, y from the top).
 * Body text is 9.6 pt with a 12.75 pt leading and 48 / 307 column edges, as in the 2019 brochure,
 * but the layout must find all of that from the runs themselves.
 */
import { describe, expect, it } from 'vitest';
import { BrochureError } from '../src/errors.js';
import { assertHasText, layoutPages } from '../src/extract/layout.js';
import type { PdfPage, PdfPages, PdfTextRun } from '../src/extract/pdf.js';
import type { Block } from '../src/types.js';

const BODY = 9.6;
const LEADING = 12.75;
const COLUMN = 239.5;

interface RunOptions {
  size?: number;
  bold?: boolean;
  /** Advance width (default: a rough 0.42 em per character, at most a column). */
  width?: number;
}

function run(text: string, x: number, y: number, options: RunOptions = {}): PdfTextRun {
  const size = options.size ?? BODY;
  return {
    text,
    x,
    y,
    width: options.width ?? Math.min(text.length * size * 0.42, COLUMN),
    fontSize: size,
    bold: options.bold ?? false,
    fontName: options.bold ? 'Carlito-Bold' : 'Caladea-Regular',
  };
}

/** Lines of a justified paragraph: every line but the last spans the column. */
function paragraph(lines: readonly string[], x: number, top: number, options: RunOptions = {}): PdfTextRun[] {
  return lines.map((text, i) => run(text, x, top + i * LEADING, { ...options, width: i < lines.length - 1 ? (options.width ?? COLUMN) : undefined }));
}

function page(number: number, runs: readonly PdfTextRun[]): PdfPage {
  return { number, width: 595, height: 842, runs, skippedRuns: 0 };
}

function doc(...pages: PdfPage[]): PdfPages {
  return { pageCount: pages.length, pages };
}

function texts(blocks: readonly Block[]): string[] {
  return blocks.map((block) => block.text);
}

/** Filler lines so that body text is the most used size and its leading can be measured. */
const FILLER = ['Le texte courant de la brochure occupe la plus grande part de', 'chaque page et fixe la taille du corps et son interligne.'];

describe('layoutPages', () => {
  it('reads the left column in full, then the right one', () => {
    const runs = [
      ...paragraph(['Gauche un, première ligne de la colonne de gauche qui va', 'jusqu’au bout, puis se termine ici.'], 48, 100),
      ...paragraph(['Gauche deux, un second paragraphe à gauche qui continue', 'encore un peu.'], 48, 100 + LEADING + 18),
      ...paragraph(['Droite un, première ligne de la colonne de droite qui va', 'jusqu’au bout, puis ne se termine', 'qu’ici, bien plus bas.'], 307.4, 100),
      ...paragraph(['Droite deux.'], 307.4, 100 + 2 * LEADING + 18),
    ];
    const result = layoutPages(doc(page(1, runs)));
    expect(texts(result.blocks)).toEqual([
      'Gauche un, première ligne de la colonne de gauche qui va jusqu’au bout, puis se termine ici.',
      'Gauche deux, un second paragraphe à gauche qui continue encore un peu.',
      'Droite un, première ligne de la colonne de droite qui va jusqu’au bout, puis ne se termine qu’ici, bien plus bas.',
      'Droite deux.',
    ]);
    expect(result.format).toBe('pdf');
    expect(result.pageCount).toBe(1);
    expect(result.blocks.every((block) => block.page === 1)).toBe(true);
  });

  it('keeps column headings with their column (rosters side by side)', () => {
    const roster = (x: number, heading: string, members: readonly string[]): PdfTextRun[] => [
      run(heading, x, 90, { size: 11, bold: true }),
      ...members.map((member, i) => run(member, x, 130 + i * 19.5, { size: 9.5 })),
    ];
    const runs = [
      ...roster(56.7, 'PROMOTION HUBERTINE AUCLERT', ['AMRANI Yasmine', 'BRUNEAU-SALGADO Inès', 'DELAHAYE Quentin']),
      ...roster(217.3, 'PROMOTION NIKOLA TESLA', ['KESSLER Arnaud', 'LOURMELLE Baptiste']),
      ...roster(378, 'PROMOTION ROSA BONHEUR', ['COSTA Jérôme', 'FAURE Adèle', 'LE GOFF Maëlle']),
      ...paragraph(FILLER, 56.7, 400),
    ];
    const headings = texts(layoutPages(doc(page(1, runs))).blocks).filter((text) => text.startsWith('PROMOTION') || /^[A-Z-]+ \p{Lu}/u.test(text));
    expect(headings.map((text) => text.split(' ')[0])).toEqual(['PROMOTION', 'AMRANI', 'BRUNEAU-SALGADO', 'DELAHAYE', 'PROMOTION', 'KESSLER', 'LOURMELLE', 'PROMOTION', 'COSTA', 'FAURE', 'LE']);
  });

  it('keeps a heading spanning the page before the columns under it', () => {
    const runs = [
      run('UN TITRE QUI COURT SUR TOUTE LA LARGEUR DE LA PAGE', 48, 80, { size: 16.8, bold: true, width: 450 }),
      ...paragraph([...FILLER, 'fin à gauche.'], 48, 130),
      ...paragraph([...FILLER, 'fin à droite.'], 307.4, 130),
    ];
    const result = layoutPages(doc(page(1, runs)));
    expect(result.blocks[0]!.text).toBe('UN TITRE QUI COURT SUR TOUTE LA LARGEUR DE LA PAGE');
    expect(result.blocks[1]!.text).toMatch(/fin à gauche\.$/);
    expect(result.blocks[2]!.text).toMatch(/fin à droite\.$/);
  });

  it('reads a heading and key figures set under both columns after the columns', () => {
    const runs = [
      ...paragraph([...FILLER, 'fin de la gauche.'], 48, 100),
      ...paragraph([...FILLER, 'fin de la droite.'], 307.4, 100),
      run('Les chiffres', 48, 100 + 2 * LEADING + 40, { size: 10.08, bold: true }),
      run('150 000', 56.5, 100 + 2 * LEADING + 80, { size: 28, bold: true }),
      run('habitants en plus', 56.5, 100 + 2 * LEADING + 98, { size: 8.44 }),
      run('59', 226.6, 100 + 2 * LEADING + 80, { size: 28, bold: true }),
      run('communes membres', 226.6, 100 + 2 * LEADING + 98, { size: 8.44 }),
    ];
    const blocks = texts(layoutPages(doc(page(1, runs))).blocks);
    expect(blocks.slice(2)).toEqual(['Les chiffres', '150 000', 'habitants en plus', '59', 'communes membres']);
    expect(blocks[0]).toMatch(/gauche\.$/);
    expect(blocks[1]).toMatch(/droite\.$/);
  });

  it('reads table-of-contents rows across: number, title, page', () => {
    const entry = (y: number, number: string, title: readonly string[], pageRef: string): PdfTextRun[] => [
      run(number, 56.7, y, { size: 15, bold: true }),
      ...title.map((line, i) => run(line, 102, y + i * 13.5, { size: 10, bold: true, width: 340 })),
      run(pageRef, 515.2, y, { size: 10, bold: true }),
    ];
    const runs = [
      run('SOMMAIRE', 56.7, 80, { size: 26, bold: true }),
      ...entry(200, '01/', ['MUTUALISER LA RESTAURATION SCOLAIRE À L’ÉCHELLE D’UN BASSIN', 'DE VIE'], '/ P05'),
      ...entry(262, '02/', ['UN GUICHET UNIQUE POUR LES PROCHES AIDANTS'], '/ P07'),
      ...paragraph([...FILLER, ...FILLER], 56.7, 400, { width: 480 }),
    ];
    const blocks = texts(layoutPages(doc(page(1, runs))).blocks);
    expect(blocks.slice(0, 7)).toEqual([
      'SOMMAIRE',
      '01/',
      'MUTUALISER LA RESTAURATION SCOLAIRE À L’ÉCHELLE D’UN BASSIN DE VIE',
      '/ P05',
      '02/',
      'UN GUICHET UNIQUE POUR LES PROCHES AIDANTS',
      '/ P07',
    ]);
  });

  it('joins a raised, smaller run to its line: 1er, XXIème', () => {
    const runs = [
      run('Bordeaux Métropole a développé depuis le 1', 48, 100, { width: 171.7 }),
      run('er', 219.7, 96.05, { size: 6.24, width: 5.2 }),
      run(' ', 224.9, 96.05, { size: 6.24, width: 3.1 }),
      run('janvier 2016 un', 227.3, 100, { width: 60.2 }),
      run('complexe aux normes du XXI', 48, 100 + LEADING, { width: 110 }),
      run('ème', 158, 100 + LEADING - 3.9, { size: 6.24, width: 9 }),
      run('siècle.', 169, 100 + LEADING, { width: 27 }),
    ];
    const [block] = layoutPages(doc(page(1, runs))).blocks;
    expect(block!.text).toBe('Bordeaux Métropole a développé depuis le 1er janvier 2016 un complexe aux normes du XXIème siècle.');
    expect(block!.lines).toHaveLength(2);
  });

  it('joins a word cut by hyphenation, keeps a compound printed elsewhere', () => {
    const runs = [
      ...paragraph(['Le modèle financier fait supporter la dyna-', 'mique des charges à la métropole et un porte-', 'parole en rend compte.'], 48, 100),
      ...paragraph(['Le porte-parole du président l’a confirmé.'], 48, 200),
    ];
    const blocks = layoutPages(doc(page(1, runs))).blocks;
    expect(blocks[0]!.text).toBe('Le modèle financier fait supporter la dynamique des charges à la métropole et un porte-parole en rend compte.');
    // Printed whole in another number elsewhere, the compound keeps its hyphen too.
    const plural = [...paragraph(['Deux demi-journées de préparation pour une demi-', 'journée d’atelier.'], 48, 100)];
    expect(layoutPages(doc(page(1, plural))).blocks[0]!.text).toBe('Deux demi-journées de préparation pour une demi-journée d’atelier.');
    // The printed lines stay as printed.
    expect(blocks[0]!.lines[0]!.text).toBe('Le modèle financier fait supporter la dyna-');
  });

  it('keeps the hyphen of a compound numeral cut at a line end, and still joins two words cut by hyphenation', () => {
    // « dix-huit » and « quatre-vingt » are printed nowhere else whole; « pour-tant » is hyphenation
    // though « pour » and « tant » are words of their own: only number words decide.
    const runs = paragraph(['Le service compte dix-', 'huit agents et près de quatre-', 'vingt bénévoles, et pour-', 'tant il manque de bras.'], 48, 100);
    expect(layoutPages(doc(page(1, runs))).blocks[0]!.text).toBe('Le service compte dix-huit agents et près de quatre-vingt bénévoles, et pourtant il manque de bras.');
  });

  it('drops running headers and page numbers, keeps the same words in the body', () => {
    const pages = [1, 2, 3].map((n) =>
      page(n, [
        run('PILOTER ENSEMBLE', 48, 40, { size: 7.99, bold: true }),
        ...paragraph(FILLER, 48, 100),
        run(String(n + 4), n % 2 ? 543 : 48, 813, { size: 9, bold: true }),
      ]),
    );
    pages.push(page(4, [run('PILOTER ENSEMBLE', 56.7, 367, { size: 34, bold: true }), ...paragraph(FILLER, 48, 500)]));
    const blocks = layoutPages(doc(...pages)).blocks;
    expect(texts(blocks).filter((text) => text === 'PILOTER ENSEMBLE')).toHaveLength(1);
    expect(blocks.find((block) => block.text === 'PILOTER ENSEMBLE')!.page).toBe(4);
    expect(texts(blocks).some((text) => /^\d+$/.test(text))).toBe(false);
  });

  it('makes list items of indented lines without a bullet glyph, and of printed bullets', () => {
    const items = [
      ['le modèle coopératif : peu ou pas de services communs et', 'essentiellement de la prestation de service.'],
      ['le modèle central : services communs uniquement entre', 'l’EPCI et la ville centre.'],
    ];
    const runs = [
      ...paragraph(['Cinq modèles ont été identifiés :'], 48, 100),
      ...paragraph(items[0]!, 58.5, 118, { width: 229 }),
      ...paragraph(items[1]!, 58.5, 118 + LEADING + 14.25, { width: 229 }),
      ...paragraph(['Un paragraphe reprend ensuite au bord de la colonne et', 'se termine.'], 48, 118 + 3 * LEADING + 14.25 + 18),
      ...paragraph(['• un point imprimé avec sa puce', '• un second point'], 48, 250),
    ];
    const blocks = layoutPages(doc(page(1, runs))).blocks;
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'listItem', 'listItem', 'paragraph', 'listItem', 'listItem']);
    expect(blocks[1]!.text).toBe('le modèle coopératif : peu ou pas de services communs et essentiellement de la prestation de service.');
    expect(blocks[4]!.text).toBe('un point imprimé avec sa puce');
  });

  it('keeps an inset quote as paragraphs, not list items', () => {
    const quote = ['« L’équipe a su mobiliser autour de la démarche tous les', 'acteurs du territoire, avec une grande rigueur. »'];
    const runs = [...paragraph(FILLER, 48, 100), ...paragraph(quote, 58, 100 + 2 * LEADING + 18, { width: 219.7 }), ...paragraph(FILLER, 48, 300)];
    const blocks = layoutPages(doc(page(1, runs))).blocks;
    const block = blocks.find((candidate) => candidate.text.startsWith('«'))!;
    expect(block.kind).toBe('paragraph');
  });

  it('makes one block per author card, name line then e-mail line', () => {
    const card = (name: string, email: string, x: number, y: number): PdfTextRun[] => [
      run(name, x, y, { size: 10.36, bold: true }),
      run(email, x, y + 11.25, { size: 7.68 }),
    ];
    const runs = [
      run('LES AUTEURS', 48, 200, { bold: true }),
      ...card('Fanette PEYRATOUT', 'fanette.peyratout@administrateur-inet.org', 106, 234),
      ...card('Xavier LEIBAR', 'xavier.leibar@administrateur-inet.org', 367, 234),
      ...card('Nathalie BOUCHAIN', 'nathalie.bouchain@ingenieurchef-inet.org', 106, 292),
      ...card('Matthieu HUSSON', 'matthieu.husson@conservateur-inet.org', 367, 292),
      ...paragraph(FILLER, 48, 380),
      ...paragraph(FILLER, 307.4, 380),
    ];
    const blocks = layoutPages(doc(page(1, runs))).blocks;
    expect(blocks[0]!.text).toBe('LES AUTEURS');
    const cards = blocks.slice(1, 5).map((block) => block.lines.map((line) => line.text));
    // Row by row or column by column: each card is one block, its name line first.
    expect([...cards].sort()).toEqual([
      ['Fanette PEYRATOUT', 'fanette.peyratout@administrateur-inet.org'],
      ['Matthieu HUSSON', 'matthieu.husson@conservateur-inet.org'],
      ['Nathalie BOUCHAIN', 'nathalie.bouchain@ingenieurchef-inet.org'],
      ['Xavier LEIBAR', 'xavier.leibar@administrateur-inet.org'],
    ]);
    const at = (name: string): number => cards.findIndex((lines) => lines[0] === name);
    expect(at('Fanette PEYRATOUT')).toBeLessThan(at('Xavier LEIBAR'));
    expect(at('Nathalie BOUCHAIN')).toBeLessThan(at('Matthieu HUSSON'));
    expect(blocks.slice(1, 5).every((block) => block.lines[0]!.bold === true && block.lines[1]!.bold === false)).toBe(true);
  });

  it('separates a bold heading and a big figure from the text under them; sizes are relative to the body', () => {
    const runs = [
      run('CONTEXTE', 48, 100, { size: 10.08, bold: true }),
      ...paragraph(FILLER, 48, 118.75),
      run('150 000', 56.5, 300, { size: 28, bold: true }),
      run('habitants supplémentaires entre 2010 et', 56.5, 318.7, { size: 8.44 }),
      run('2030 (Scot)', 56.5, 329.2, { size: 8.44 }),
    ];
    const blocks = layoutPages(doc(page(1, runs))).blocks;
    expect(texts(blocks)).toEqual(['CONTEXTE', FILLER.join(' '), '150 000', 'habitants supplémentaires entre 2010 et 2030 (Scot)']);
    expect(blocks[0]!.lines[0]).toEqual({ text: 'CONTEXTE', bold: true, size: 1.05 });
    expect(blocks[1]!.lines[0]!.size).toBe(1);
  });

  it('parts two headings set closer than their size (a floated margin heading over the next one)', () => {
    const runs = [
      ...paragraph(FILLER, 48, 100),
      run('Pour en savoir', 48, 200, { size: BODY, bold: true }),
      run('plus', 48, 200 + LEADING, { size: BODY, bold: true }),
      run('L’équipe', 48, 200 + LEADING + 8, { size: BODY, bold: true }),
    ];
    expect(texts(layoutPages(doc(page(1, runs))).blocks)).toEqual([FILLER.join(' '), 'Pour en savoir plus', 'L’équipe']);
  });

  it('reads a margin heading of two lines set with a looser leading than the text beside it as one heading', () => {
    // Headings in a left margin, each line 13.6 pt under the last (the text's leading is 12.75):
    // the gap between a heading's lines is wider than 0.4 body, yet its second line sits beside a
    // line inside the paragraph, so it is the same heading.
    const text = (lines: readonly string[], top: number): PdfTextRun[] => paragraph(lines, 156, top, { width: 390 });
    const heading = (words: readonly string[], top: number): PdfTextRun[] => words.map((word, i) => run(word, 48, top + i * 13.6, { bold: true }));
    const first = ['Le premier paragraphe de la rubrique court sur toute la largeur de la', 'colonne de texte, à droite des titres posés dans la marge, puis', 'se termine ici.'];
    const second = ['Le second paragraphe commence au niveau du second titre et continue', 'sur une deuxième ligne avant de finir', 'là.'];
    const runs = [...heading(['La question', 'posée'], 100), ...text(first, 100), ...heading(['Les', 'préconisations'], 160), ...text(second, 160)];
    expect(texts(layoutPages(doc(page(1, runs))).blocks)).toEqual(['La question posée', first.join(' '), 'Les préconisations', second.join(' ')]);
  });

  it('keeps a margin heading\'s second line in lower case on it, even apart from the first by more than its leading', () => {
    const text = (lines: readonly string[], top: number): PdfTextRun[] => paragraph(lines, 156, top, { width: 390 });
    const item = ['Dresser un bilan des dix ans, sur les politiques publiques comme sur la', 'gouvernance, avec les villes et la métropole, en objectivant autant que', 'possible la performance de la structure par des indicateurs suivis dans', 'le temps.'];
    const runs = [
      run('Les', 48, 140, { bold: true }),
      ...text(['La mission est double.'], 140),
      // 13.6 pt under « Les » (wider than 0.4 body between the lines), beside no line of text.
      run('préconisations', 48, 153.6, { bold: true }),
      ...text(item, 158.6),
      run('CHIFFRES', 48, 215, { bold: true }),
      ...text(FILLER, 215),
    ];
    expect(texts(layoutPages(doc(page(1, runs))).blocks)).toEqual(['Les préconisations', 'La mission est double.', item.join(' '), 'CHIFFRES', FILLER.join(' ')]);
  });

  it('reads the text run on at the top of a page before the first margin heading of that page', () => {
    const text = (lines: readonly string[], top: number): PdfTextRun[] => paragraph(lines, 156, top, { width: 390 });
    const runOn = ['la fin de la rubrique commencée à la page précédente court ici sur toute', 'la largeur de la colonne de texte et se termine enfin.'];
    const next = ['Le témoignage commence au niveau de son titre posé dans la marge, à', 'gauche, et continue sur une seconde ligne.'];
    const after = ['Les chiffres suivent.'];
    const runs = [
      ...text(runOn, 100),
      // Paragraphs apart by less than a band's gap: one region, cut into rows at the headings.
      run('TÉMOIGNAGE', 48, 132, { bold: true }),
      ...text(next, 132),
      run('CHIFFRES', 48, 164, { bold: true }),
      ...text(after, 164),
    ];
    expect(texts(layoutPages(doc(page(1, runs))).blocks)).toEqual([runOn.join(' '), 'TÉMOIGNAGE', next.join(' '), 'CHIFFRES', after[0]]);
  });

  it('reads key figures printed as a table row by row: each figure, then its label', () => {
    // Figures in bold 12 pt, each level with the top of its 8.5 pt label (baselines differ).
    const runs = [
      ...paragraph(FILLER, 48, 100),
      run('CHIFFRES CLÉS', 48, 160, { bold: true }),
      run('79', 161, 163.8, { size: 12, bold: true }),
      run('agents et cadres mobilisés sur le thème de l’accueil,', 214, 160, { size: 8.5, width: 260 }),
      run('dans tous les services', 214, 171, { size: 8.5 }),
      run('8', 161, 190.8, { size: 12, bold: true }),
      run('tableaux de préfiguration du service', 214, 187, { size: 8.5 }),
    ];
    expect(texts(layoutPages(doc(page(1, runs))).blocks)).toEqual([
      FILLER.join(' '), 'CHIFFRES CLÉS', '79', 'agents et cadres mobilisés sur le thème de l’accueil, dans tous les services', '8', 'tableaux de préfiguration du service',
    ]);
  });

  it('reads key figures in a table whose columns stand closer than a gutter (a LaTeX tabular) row by row', () => {
    // Bold 11 pt figures right-aligned at x 110, labels from x 122 on the same baselines: 12 pt
    // apart, less than a gutter; rows as close as lines when a label holds one line.
    const figure = (text: string, y: number) => run(text, 110 - text.length * 11 * 0.5, y, { size: 11, bold: true, width: text.length * 11 * 0.5 });
    const runs = [
      ...paragraph(FILLER, 48, 100),
      run('Les chiffres', 48, 160, { bold: true }),
      figure('93', 180), run('personnes contactées, 70 entretiens réalisés.', 122, 180),
      figure('3', 195.5), run('ateliers de travail en intelligence collective avec les agents à Lille et', 122, 195.5, { width: 300 }),
      run('à Amiens, 45 participants.', 122, 208.5),
      figure('17 000', 223), run('km parcourus au total.', 122, 223),
    ];
    expect(texts(layoutPages(doc(page(1, runs))).blocks)).toEqual([
      FILLER.join(' '), 'Les chiffres',
      '93', 'personnes contactées, 70 entretiens réalisés.',
      '3', 'ateliers de travail en intelligence collective avec les agents à Lille et à Amiens, 45 participants.',
      '17 000', 'km parcourus au total.',
    ]);
  });

  it('reads an inset list set small right under its heading in place, not after the column as a box', () => {
    const left = [...FILLER, ...FILLER, ...FILLER, ...FILLER, ...FILLER];
    const refs = ['Un guide de la participation des', 'habitants, édité par une', 'association nationale, 2030'];
    const after = ['Un paragraphe suit la liste et termine la', 'colonne de droite ici.'];
    const runs = [
      ...paragraph(left, 48, 100),
      ...paragraph(FILLER, 307.4, 100),
      run('POUR EN SAVOIR PLUS', 307.4, 100 + 3 * LEADING, { bold: true }),
      ...refs.map((text, i) => run(text, 321, 100 + 4 * LEADING + 4 + i * 11.5, { size: 8.5, width: i < refs.length - 1 ? 205 : 120 })),
      ...paragraph(after, 307.4, 100 + 8 * LEADING),
    ];
    const read = texts(layoutPages(doc(page(1, runs))).blocks);
    expect(read.slice(-3)).toEqual(['POUR EN SAVOIR PLUS', refs.join(' '), after.join(' ')]);
    // Without a heading over it, the same inset run is a box read after the column's text.
    const boxed = runs.filter((r) => r.text !== 'POUR EN SAVOIR PLUS');
    expect(texts(layoutPages(doc(page(1, boxed))).blocks).slice(-2)).toEqual([after.join(' '), refs.join(' ')]);
    // Under a block indented alike (a pull-quote set larger, its last words set small), it ends that block.
    const quote = run('« Une équipe à l’écoute des élus. »', 321, 100 + 3 * LEADING, { size: 10.5 });
    const quoted = [...boxed.filter((r) => r.x !== 307.4 || r.y > 100 + 7 * LEADING || r.y < 100 + 2 * LEADING), quote];
    expect(texts(layoutPages(doc(page(1, quoted))).blocks).slice(-3)).toEqual([quote.text, refs.join(' '), after.join(' ')]);
  });

  it('reads a sidebar floated left in full before the text that wraps beside and under it', () => {
    // A 10.5 pt body; a shaded box at the left holding a team and a tutor line; the text beside it,
    // then under it across the page (the first line under the box still starts beside it).
    const at = (text: string, x: number, y: number, width: number, size = 10.5, bold = false): PdfTextRun => run(text, x, y, { size, bold, width });
    const box = [
      at('L’équipe', 59, 176.2, 42, 9.5, true),
      at('Zoé ARNAUD', 59, 194.2, 70, 8.5, true),
      at('zoe.arnaud@administrateur-inet.org', 59, 204, 97, 7),
      at('Encadrement', 59, 314.2, 65, 9.5, true),
      at('Yves BRUN – Directeur général', 59, 332.2, 123, 8.5, true),
      at('adjoint des services', 59, 343.5, 131, 8.5),
    ];
    const beside = [
      'Le premier paragraphe court à droite de l’encadré, sur toute la largeur',
      'de la colonne qui lui reste, ligne après ligne, puis plus bas',
      'encore sans jamais passer sous l’encadré qui est à sa gauche et',
      'qui descend plus bas que lui sur la page. Il continue pourtant',
      'sur plusieurs lignes encore, le temps de remplir la hauteur de',
      'l’encadré presque entière, comme le fait un texte courant de',
      'brochure posé à côté d’un encadré de l’équipe, jusqu’à la',
      'rubrique suivante qui commence un peu plus bas, et il finit',
      'ici.',
    ];
    const text = [
      ...beside.map((line, i) => at(line, 235, 185.2 + i * 14.25, 312)),
      at('La commande', 235, 329.2, 69, 9.5, true),
      at('Un second paragraphe commence à droite de l’encadré et', 235, 348.7, 312),
      at('continue sous lui, sur toute la largeur de la page désormais, puis finit', 48, 363, 499),
      at('ici.', 48, 377.2, 20),
    ];
    const read = texts(layoutPages(doc(page(1, [...box, ...text]))).blocks);
    expect(read.indexOf('Encadrement')).toBeLessThan(read.indexOf(beside.join(' ')));
    expect(read.indexOf('Yves BRUN – Directeur général adjoint des services')).toBe(read.indexOf('Encadrement') + 1);
    expect(read.slice(-2)).toEqual(['La commande', 'Un second paragraphe commence à droite de l’encadré et continue sous lui, sur toute la largeur de la page désormais, puis finit ici.']);
  });

  it('reads the short last line of a paragraph that runs on under a sidebar floated left with its paragraph, not under the sidebar (float-left-run-on)', () => {
    const at = (text: string, x: number, y: number, width: number, size = 10.5, bold = false): PdfTextRun => run(text, x, y, { size, bold, width });
    const box = [
      // Set on its own leading, off the text's baselines.
      at('ENCADREMENT', 59, 180, 70, 9.5, true),
      at('Yves BRUN – Directeur', 59, 196, 110, 8.5, true),
      at('général adjoint des services', 59, 210, 131, 8.5),
    ];
    const beside = [
      'Le paragraphe court à droite de l’encadré, sur toute la largeur',
      'de la colonne qui lui reste, ligne après ligne, puis plus bas',
      'encore sans jamais passer sous l’encadré qui est à sa gauche',
      'tant que celui-ci descend, et il finit sous lui par',
    ];
    const runs = [
      ...box,
      ...beside.map((line, i) => at(line, 235, 176.2 + i * 14.25, 312)),
      // The paragraph's last words, under the box, at the page's left edge; then a heading across.
      at('les agents.', 59, 176.2 + 4 * 14.25, 52),
      at('LES PRÉCONISATIONS', 59, 176.2 + 6 * 14.25, 110, 10.5, true),
      at('L’équipe a rencontré les vingt-six maires, visité onze cuisines et interrogé près de 300 parents.', 59, 176.2 + 7.5 * 14.25, 488),
    ];
    const read = texts(layoutPages(doc(page(1, runs))).blocks);
    expect(read).toContain(`${beside.join(' ')} les agents.`);
    expect(read.indexOf('ENCADREMENT')).toBe(0);
    // A narrow column that merely runs longer than the text beside it (several lines under it) stays a column.
    const longer = [...box, ...['sa deuxième ligne de colonne étroite', 'et sa troisième ligne qui descend', 'plus bas que le texte à côté'].map((text, i) => at(text, 59, 176.2 + (4 + i) * 14.25, 131)), ...beside.map((line, i) => at(line, 235, 176.2 + i * 14.25, 312))];
    const columns = texts(layoutPages(doc(page(1, longer))).blocks);
    expect(columns.at(-1)).toBe(beside.join(' '));
  });

  it('does not take a table\'s narrow first column for a sidebar floated left: its cells sit on the rows of the next', () => {
    const at = (text: string, x: number, y: number, width: number): PdfTextRun => run(text, x, y, { size: 10.5, width });
    const rows = [['Zoé ARNAUD', 'zoe.arnaud@administrateur-inet.org'], ['Yves BRUN', 'yves.brun@conservateur-inet.org'], ['Léa CARON', 'lea.caron@ingenieurchef-inet.org']];
    const runs = [
      ...rows.flatMap(([name, email], i) => [at(name!, 58, 200 + i * 20, 70), at(email!, 170, 200 + i * 20, 200)]),
      at('Le texte reprend ensuite sur toute la largeur de la page, sous le tableau des auteurs.', 58, 262, 470),
      at('Il continue ici.', 58, 276, 80),
    ];
    const read = texts(layoutPages(doc(page(1, runs))).blocks);
    for (const [name, email] of rows) expect(read).toContain(`${name} ${email}`);
  });

  it('cuts a box floated right off the text when the paragraph\'s short last line under it stops in the gutter', () => {
    const at = (text: string, x: number, y: number, width: number, size = 10.5, bold = false): PdfTextRun => run(text, x, y, { size, bold, width });
    const runs = [
      at('Le contexte', 48, 180.7, 68, 9.5, true),
      at('Encadrement : Yves BRUN,', 389, 191.2, 138, 8.5),
      at('Directeur général adjoint', 389, 202.5, 106, 8.5),
      at('des ressources humaines', 389, 213.7, 91, 8.5),
      ...['La communauté est un établissement public créé', 'par la loi au premier janvier issu de la fusion de', 'six groupements préexistants. A l’issue d’un long', 'processus, l’institution s’est donnée pour ambition'].map((text, i) => at(text, 48, 200.2 + i * 14.25, 312)),
      // Under the box (its padding ends here), the last line is short yet passes the text's edge.
      at('d’être innovante, efficiente et attractive (projet).', 48, 257.2, 337),
      at('Or, entre deux années, le comité de direction a fait le constat d’une importante mobilité', 48, 277.5, 499),
      at('des cadres.', 48, 291.7, 50),
    ];
    const read = texts(layoutPages(doc(page(1, runs))).blocks);
    expect(read).toContain('Encadrement : Yves BRUN, Directeur général adjoint des ressources humaines');
    expect(read[0]).toBe('Le contexte');
  });

  it('keeps a list item whole when ragged text wrapped it short of the edge, not a list of names', () => {
    const at = (i: number): number => 100 + (FILLER.length + i) * LEADING;
    const item = [
      run('Rapport public thématique de la', 58, at(0), { width: 202 }),
      run('Comptesrendus de février 2017, le logement', 58, at(1), { width: 150 }),
    ];
    const names = [run('Sarah ABRIC et Gaëlle DE LA', 58, at(2), { width: 202 }), run('Comptesrendus TOURNELLE', 58, at(3))];
    const blocks = layoutPages(doc(page(1, [...paragraph(FILLER, 48, 100), ...item, ...names]))).blocks;
    expect(texts(blocks).slice(1)).toEqual([
      'Rapport public thématique de la Comptesrendus de février 2017, le logement',
      'Sarah ABRIC et Gaëlle DE LA',
      'Comptesrendus TOURNELLE',
    ]);
  });

  it('expands ligatures, drops soft hyphens, makes no-break spaces plain', () => {
    const runs = paragraph(['Le ﬁnancement et l’ofﬂine coûtent 150\u00a0000\u00a0€ par an, sans coupure in\u00adterne.'], 48, 100);
    const [block] = layoutPages(doc(page(1, runs))).blocks;
    expect(block!.text).toBe('Le financement et l’offline coûtent 150 000 € par an, sans coupure interne.');
  });

  it('cuts a table printed as text (cells separated by " | ") into rows', () => {
    const table = [
      run('Exigence | Constats structurants | Fiches-actions / Fiches-', 307.4, 100, { width: COLUMN }),
      run('méthode', 307.4, 100 + LEADING),
      run('Mieux définir les rôles | • La stratégie est invisible • La', 307.4, 100 + 2 * LEADING, { width: COLUMN }),
      run('culture n’a pas émergé | • Arbre des objectifs', 307.4, 100 + 3 * LEADING),
    ];
    const blocks = layoutPages(doc(page(1, [...paragraph([...FILLER, 'Les fiches sont jointes.'], 48, 100), ...table]))).blocks;
    expect(blocks.map((block) => block.kind)).toEqual(['paragraph', 'tableRow', 'tableRow']);
    expect(texts(blocks.slice(1))).toEqual([
      'Exigence | Constats structurants | Fiches-actions / Fiches-méthode',
      'Mieux définir les rôles | • La stratégie est invisible • La culture n’a pas émergé | • Arbre des objectifs',
    ]);
  });

  it('joins a paragraph cut by a column break', () => {
    const runs = [
      ...paragraph(FILLER, 48, 100),
      run('Un paragraphe commence en bas de la colonne de gauche et', 48, 100 + LEADING + 18 + LEADING, { width: COLUMN }),
      run('continue sans point final sur la', 48, 100 + LEADING + 18 + 2 * LEADING, { width: COLUMN }),
      ...paragraph(['colonne de droite, où il se termine.'], 307.4, 100),
      ...paragraph(FILLER, 307.4, 100 + LEADING + 18),
    ];
    const blocks = layoutPages(doc(page(1, runs))).blocks;
    expect(texts(blocks)).toEqual([
      FILLER.join(' '),
      'Un paragraphe commence en bas de la colonne de gauche et continue sans point final sur la colonne de droite, où il se termine.',
      FILLER.join(' '),
    ]);
  });

  it('is deterministic and does not modify its input', () => {
    const input = doc(page(1, [...paragraph(FILLER, 48, 100), ...paragraph(FILLER, 307.4, 100)]));
    const copy = structuredClone(input);
    expect(layoutPages(input)).toEqual(layoutPages(input));
    expect(input).toEqual(copy);
  });
});

describe('assertHasText', () => {
  it('stops on a PDF without any text: OCR is needed', () => {
    const empty = doc(page(1, []), page(2, [run(' ', 48, 100)]));
    expect(() => assertHasText(empty)).toThrowError(BrochureError);
    try {
      assertHasText(empty);
    } catch (error) {
      expect((error as BrochureError).code).toBe('IMAGE_ONLY');
      expect((error as BrochureError).message).toMatch(/OCR/);
      expect((error as BrochureError).message).not.toMatch(/\n/);
    }
  });

  it('accepts a PDF whose photo pages have no text as long as some page has', () => {
    expect(() => assertHasText(doc(page(1, []), page(2, paragraph(FILLER, 48, 100))))).not.toThrow();
  });
});
