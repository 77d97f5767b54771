/**
 * Key figures set as a row across the columns, under the text (src/extract/xycut.ts,
 * `figureRowAcross`): the text above is read first, column by column, then each figure with its
 * label. Each rule on a few invented runs.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { layoutPages } from '../../src/extract/layout.js';
import type { PdfPage, PdfTextRun } from '../../src/extract/pdf.js';

const BODY = 10;
const LEADING = 13;
const COLUMN_WIDTH = 150;
const COLUMNS = [48, 218, 388];

function run(text: string, x: number, y: number, options: { bold?: boolean; size?: number; full?: boolean } = {}): PdfTextRun {
  const size = options.size ?? BODY;
  const width = options.full ? COLUMN_WIDTH : Math.min(COLUMN_WIDTH, text.length * size * 0.42);
  return { text, x, y, width, fontSize: size, bold: options.bold ?? false, fontName: options.bold ? 'Arimo-Bold' : 'Arimo-Regular' };
}

/** Lines in column `c` from baseline `top`, each running to the column's edge (a flow cut by the column ends). */
function lines(texts: readonly string[], c: number, top: number): PdfTextRun[] {
  return texts.map((text, i) => run(text, COLUMNS[c]!, top + i * LEADING, { full: true }));
}

function read(runs: readonly PdfTextRun[]): string[] {
  const page: PdfPage = { number: 1, width: 595, height: 842, runs, skippedRuns: 0 };
  return layoutPages({ pageCount: 1, pages: [page] }).blocks.map((block) => block.text);
}

const text = [
  ['La communauté regroupe vingt-six', 'communes et un peu plus de cent', 'quarante mille habitants, chacune', 'avec sa cuisine et ses agents.'],
  ['Le bureau a retenu le troisième', 'scénario, qui concilie la maîtrise', 'des coûts et des repas préparés', 'près des écoles de chaque commune.'],
  ['Une cuisine centrale livrera les', 'écoles en liaison chaude dès la', 'rentrée prochaine, avec un plan', 'de formation pour les équipes.'],
];
const figures = [['26', 'communes membres'], ['12 500', 'repas servis chaque jour'], ['+18 %', 'de produits durables']];

/** The text in three columns, then a row of figures (15 pt, or `figureSize`) just under it, closer than a band gap. */
function page(columnsWithText: number, figureSize = 15): PdfTextRun[] {
  const rowY = 100 + 3 * LEADING + 20;
  return [
    ...text.slice(0, columnsWithText).flatMap((column, c) => lines(column, c, 100)),
    ...figures.flatMap(([value, label], c) => [run(value!, COLUMNS[c]!, rowY, { bold: true, size: figureSize }), run(label!, COLUMNS[c]!, rowY + 13, { size: 8.5 })]),
  ];
}

describe('key figures in a row across the columns, under the text', () => {
  it('are read after the text of every column, each figure with its label (figure-row-across)', () => {
    const blocks = read(page(3));
    expect(blocks.slice(0, 3)).toEqual(text.map((column) => column.join(' ')));
    expect(blocks.slice(3)).toEqual(figures.flat());
  });

  it('are figures set larger than the body, short of display type (KEY_FIGURE_SIZE)', () => {
    // 12 pt figures over a 10 pt body, as a table sets them.
    const blocks = read(page(3, 12));
    expect(blocks.slice(0, 3)).toEqual(text.map((column) => column.join(' ')));
    expect(blocks.slice(3).join(' ')).toBe(figures.flat().join(' '));
  });

  it('are known by the size the document prints its figures in, under display size (figure-style)', () => {
    // Figures at 14 pt over a 10 pt body (1.4 times: no display type), three of them in one size.
    const runs = page(3).map((r) => (r.fontSize === 15 ? { ...r, fontSize: 14 } : r));
    const blocks = read(runs);
    expect(blocks.slice(0, 3)).toEqual(text.map((column) => column.join(' ')));
    expect(blocks.slice(3)).toEqual(figures.flat());
  });

  it('do not cut a column whose text goes on beside them', () => {
    // Figures stacked in the last two columns, level by chance, beside the first column's text.
    const beside = [...lines([...text[0]!, 'et la suite du texte de la', 'première colonne, plus bas.'], 0, 100), ...lines(text[1]!.slice(0, 3), 1, 100), ...lines(text[2]!.slice(0, 3), 2, 100)];
    const rowY = 100 + 3 * LEADING + 20;
    const row = figures.slice(1).flatMap(([value, label], k) => [run(value!, COLUMNS[k + 1]!, rowY, { bold: true, size: 15 }), run(label!, COLUMNS[k + 1]!, rowY + 13, { size: 8.5 })]);
    expect(read([...beside, ...row])[0]).toBe([...text[0]!, 'et la suite du texte de la', 'première colonne, plus bas.'].join(' '));
  });
});

describe('key figures in a grid across the columns, their labels bridging the gutter', () => {
  const TEXT_WIDTH = 239;
  const TEXT_COLUMNS = [48, 308];
  const CELLS = [48, 218, 389];
  const LABEL_WIDTH = 157;
  const left = ['La communauté regroupe vingt-six', 'communes et un peu plus de cent', 'quarante mille habitants, chacune', 'avec sa cuisine et ses agents. Le', 'bureau a retenu le troisième des', 'scénarios, qui concilie la maîtrise'];
  const right = ['des coûts et des repas préparés', 'près des écoles de chaque commune.', 'Une cuisine centrale livrera les', 'écoles dès la rentrée prochaine.'];
  const textLine = (t: string, x: number, y: number): PdfTextRun => ({ ...run(t, x, y), width: TEXT_WIDTH });

  /** The figures' baseline: their tops 2 pt under the first column's last line (closer than a narrow gap). */
  const rowY = 100 + (left.length - 1) * LEADING + 16;

  /** Two columns of text, the second ending higher, and a row of figures right under the first. */
  function gridPage(labelWidth = LABEL_WIDTH): PdfTextRun[] {
    return [
      ...left.map((t, i) => textLine(t, TEXT_COLUMNS[0]!, 100 + i * LEADING)),
      ...right.map((t, i) => textLine(t, TEXT_COLUMNS[1]!, 100 + i * LEADING)),
      ...figures.flatMap(([value, label], c) => [run(value!, CELLS[c]!, rowY, { bold: true, size: 15 }), { ...run(label!, CELLS[c]!, rowY + 13, { size: 8.5 }), width: labelWidth }]),
    ];
  }

  it('are read after both columns, each figure with its label (figure-grid-under-columns)', () => {
    // The first column's paragraph goes on at the head of the second: one block, read down the columns.
    const blocks = read(gridPage());
    expect(blocks[0]).toBe([...left, ...right].join(' '));
    expect(blocks.slice(1)).toEqual(figures.flat());
  });

  it('are read row by row, each figure with its label, when the grid has two rows', () => {
    // Labels narrower than a cell (gutters between the grid's columns), the second row closer than a band gap.
    const second = [['4', 'ateliers'], ['3,7', 'note moyenne'], ['3', 'demi-journées']];
    const row2 = second.flatMap(([value, label], c) => [run(value!, CELLS[c]!, rowY + 30, { bold: true, size: 15 }), { ...run(label!, CELLS[c]!, rowY + 43, { size: 8.5 }), width: 100 }]);
    const blocks = read([...gridPage(100), ...row2]);
    expect(blocks.slice(1)).toEqual([...figures.flat(), ...second.flat()]);
  });

  it('leave the columns above read down when running text follows them closely (figure-grid-across-gutters)', () => {
    // Text in the body's type right under the row (a line below the labels): the row is no foot of
    // the region (figure-grid-under-columns does not take it), but the grid's cells still cross the
    // gutter, so the columns above are cut from it and read down first.
    const after = textLine('Le texte reprend sous les chiffres, sur toute la largeur.', TEXT_COLUMNS[0]!, rowY + 2 * LEADING);
    const blocks = read([...gridPage(), after]);
    expect(blocks[0]).toBe([...left, ...right].join(' '));
  });
});

describe('key figures in a grid under two columns, its cells crossing their gutter', () => {
  // Two columns of text 166 points apart, then (closer than a band gap) three cells 108 points
  // apart: the second cell's label runs across the columns' gutter, so no gutter parts the region.
  const GRID = [48, 156, 264];
  const labels = ['des demandes déposées en', 'permanences ouvertes en', 'jours de délai gagnés'];
  const runs = (): PdfTextRun[] => {
    const rowY = 100 + 3 * LEADING + 8;
    return [
      ...text.slice(0, 2).flatMap((column, c) => column.map((line, i) => ({ ...run(line, [48, 214][c]!, 100 + i * LEADING), width: 140 }))),
      ...figures.flatMap(([value], c) => [run(value!, GRID[c]!, rowY, { bold: true, size: 15 })]),
      ...labels.map((label, c) => ({ ...run(label, GRID[c]!, rowY + 14, { size: 8.5 }), width: 95 })),
    ];
  };

  it('are read after the columns above, each figure with its label (figure-grid-under-columns)', () => {
    const blocks = read(runs());
    expect(blocks.slice(0, 2)).toEqual(text.slice(0, 2).map((column) => column.join(' ')));
    expect(blocks.slice(2)).toEqual(figures.flatMap(([value], c) => [value!, labels[c]!]));
  });
});

describe('key figures with their labels in one column, a narrow gap across the page between two of them', () => {
  // Column 1: a paragraph, a heading (10 points under it: less than a band gap) and the next
  // paragraph. Column 2: a quote, then figures (12 pt bold) each with its label beside it, the
  // second level with column 1's heading, so the narrow gap over the heading crosses both columns.
  const para = (texts: readonly string[], top: number): PdfTextRun[] => texts.map((line, i) => ({ ...run(line, 48, top + i * LEADING), width: 140 }));
  const figureAt = (value: string, label: string[], y: number): PdfTextRun[] => [run(value, 240, y, { bold: true, size: 12 }), ...label.map((line, i) => ({ ...run(line, 284, y - 1 + i * 11, { size: 8.5 }), width: 80 }))];
  const first = [...text[0]!, ...text[1]!, ...text[2]!.slice(0, 3)];
  const second = ['Une partie des habitants ne', 'parvient pas à déposer un', 'dossier en ligne : comment faire ?'];
  // A title across both columns, closer to them than a band gap: no gutter parts the region.
  const runs = (): PdfTextRun[] => [
    { ...run('DÉMATÉRIALISER LES AUTORISATIONS D’URBANISME SANS LAISSER PERSONNE DE CÔTÉ', 48, 80, { bold: true }), width: 497 },
    ...para(first, 100),
    run('LA COMMANDE', 48, 250, { bold: true, size: 9.5 }),
    ...para(second, 268),
    ...['« Le regard des élèves a', 'remis l’usager au centre. »'].map((line, i) => ({ ...run(line, 234, 100 + i * LEADING, { size: 11.5 }), width: 137 })),
    ...figureAt('64 %', ['des demandes', 'déposées en ligne', 'six mois après', 'l’ouverture du guichet'], 160),
    ...figureAt('11', ['permanences', 'ouvertes en mairie'], 252),
    ...figureAt('21', ['jours de délai', 'gagnés en moyenne'], 300),
  ];

  it('are read down their column, after the other column’s text (figure-run-under-gap)', () => {
    const blocks = read(runs());
    const at = (start: string): number => blocks.findIndex((block) => block.startsWith(start));
    expect(at('LA COMMANDE')).toBeLessThan(at('64 %'));
    expect(at('Une partie des habitants')).toBeLessThan(at('64 %'));
    expect(at('64 %')).toBeLessThan(at('11'));
    expect(at('11')).toBe(at('64 %') + 2);
  });
});

describe('key figures in a row at the top of a page, over columns the references go on in (figure-row-over-columns)', () => {
  /** The row of figures (15 pt) with their labels at the page's top, then, under a band gap, references threaded through the three columns. */
  const runs = (figureSize: number): PdfTextRun[] => [
    ...figures.flatMap(([value, label], c) => [run(value!, COLUMNS[c]!, 70, { bold: true, size: figureSize }), run(label!, COLUMNS[c]!, 83, { size: 8.5 })]),
    run('Références', COLUMNS[0]!, 128, { bold: true }),
    run('Observatoire de la restauration', COLUMNS[0]!, 141, { size: 8.5 }),
    run('collective durable, guide, 2029', COLUMNS[1]!, 115, { size: 8.5 }),
    run('Association des maires, 2030', COLUMNS[1]!, 141, { size: 8.5 }),
    run('www.maires-solvaire.fr', COLUMNS[2]!, 115, { size: 8.5 }),
  ];

  it('is read first, each figure with its label, then the columns under it', () => {
    const blocks = read(runs(15));
    expect(blocks.slice(0, 6)).toEqual(['26', 'communes membres', '12 500', 'repas servis chaque jour', '+18 %', 'de produits durables']);
    expect(blocks.slice(6).join(' ')).toBe('Références Observatoire de la restauration collective durable, guide, 2029 Association des maires, 2030 www.maires-solvaire.fr');
  });

  it('is not cut off when the bold numbers are no figures set apart (the body’s size: a column’s own first words)', () => {
    const blocks = read(runs(10));
    expect(blocks.indexOf('communes membres')).toBeGreaterThan(blocks.indexOf('Observatoire de la restauration') - 2);
  });
});

describe('key figures under two columns whose heading stands in the third column (figures-under-heading-beside, figures-under-heading-alone)', () => {
  // Column 1: text down to the row's top (closer than a band gap); column 2 a line shorter.
  // Column 3: a testimony ending higher, then the figures' heading alone at its foot, above the
  // row's top; or the heading alone at its head, its text gone elsewhere. One line of the first
  // label, wider than the text, narrows the first gutter below a gutter's width: columns 1 and 2
  // make one part, the row is in one part only, and no row across the columns (figure-row-across)
  // is found; read by columns, the figures would end column 2's text.
  /** The first label's widest line: 12 points short of the next column, narrower than a gutter. */
  const LABEL_WIDTH = 158;
  const quote = ['« L’équipe a su proposer des', 'scénarios clairs et chiffrés. »'];
  const labels = [
    ['communes membres, de la plus', 'petite à la ville-centre, qui', 'ont chacune leur cuisine et', 'leurs agents, et leurs menus', 'depuis plus de vingt ans.'],
    ['repas servis chaque jour dans', 'les écoles du territoire, les', 'crèches et les foyers des', 'personnes âgées, livrés en', 'liaison chaude.'],
  ];
  const textTop = 100;
  const rowY = textTop + 3 * LEADING + 17;
  const third = {
    'closing the column under a testimony': [...lines(quote, 2, textTop), run('EN CHIFFRES', COLUMNS[2]!, textTop + 2 * LEADING - 3, { bold: true })],
    'alone at the column’s head': [run('EN CHIFFRES', COLUMNS[2]!, textTop, { bold: true })],
  };
  const runs = (column: PdfTextRun[]): PdfTextRun[] => [
    ...lines(text[0]!, 0, textTop),
    ...lines(text[1]!.slice(0, 3), 1, textTop),
    ...column,
    ...figures.slice(0, 2).flatMap(([value], c) => [run(value!, COLUMNS[c]!, rowY, { bold: true, size: 15 }), ...labels[c]!.map((label, i) => ({ ...run(label, COLUMNS[c]!, rowY + 11 + i * 11, { size: 8.5 }), width: i === 3 && c === 0 ? LABEL_WIDTH : LABEL_WIDTH - 20 }))]),
  ];

  it.each(Object.entries(third))('are read after the columns and their heading (%s), each figure with its label', (_, column) => {
    const blocks = read(runs(column));
    const at = (start: string): number => blocks.findIndex((block) => block.startsWith(start));
    expect(at('EN CHIFFRES')).toBeGreaterThan(-1);
    expect(at('EN CHIFFRES')).toBeLessThan(at('26'));
    expect(blocks.slice(at('26'))).toEqual(figures.slice(0, 2).flatMap(([value], c) => [value!, labels[c]!.join(' ')]));
  });
});

describe('key figures under three columns, their heading closing the third, references and the team under them (figures-under-heading-beside before column-flow-under-gap)', () => {
  // A page as printed (its runs: text, x, baseline, width, size, bold): the text in three columns,
  // the third ending on « EN CHIFFRES »; the figures in a grid under the first two; under them the
  // references, whose last one runs on into the third column, and the team, its lines wider than a
  // column. Read down each column (the references join the columns' flow), the figures would end
  // the first two columns' text, before their heading.
  it('are read after the columns and their heading', async () => {
    const printed = JSON.parse(await readFile(new URL('../fixtures/pages/figures-heading-closing-column.json', import.meta.url), 'utf8')) as [string, number, number, number, number, number][];
    const runs = printed.map(([text, x, y, width, size, bold]) => ({ text, x, y, width, fontSize: size, bold: bold === 1, fontName: bold === 1 ? 'DejaVuSerif-Bold' : 'DejaVuSerif' }));
    const blocks = read(runs);
    const at = (start: string): number => blocks.findIndex((block) => block.startsWith(start));
    expect(at('EN CHIFFRES')).toBeGreaterThan(-1);
    expect(at('EN CHIFFRES')).toBeLessThan(at('550 000'));
    expect(at('550 000')).toBeLessThan(at('2021'));
  });
});
