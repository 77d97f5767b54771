/**
 * Fragments (src/extract/fragments.ts): the runs of one baseline cut where another cell starts, or
 * where the font and the size change.
 * Each rule on a few invented runs, so that it fails on its own.
 */
import { describe, expect, it } from 'vitest';
import { pageFragments } from '../../src/extract/fragments.js';
import type { PdfPage, PdfTextRun } from '../../src/types.js';

function run(text: string, x: number, y: number, size: number, bold = false): PdfTextRun {
  return { text, x, y, width: text.length * size * 0.5, fontSize: size, bold, fontName: bold ? 'DejaVuSans-Bold' : 'DejaVuSans' };
}

/** A run in a named font (a face of its own: serif, italic, bold). */
function typed(text: string, x: number, y: number, size: number, fontName: string, bold = false): PdfTextRun {
  return { text, x, y, width: text.length * size * 0.5, fontSize: size, bold, fontName };
}

const page = (runs: PdfTextRun[]): PdfPage => ({ number: 1, width: 595, height: 842, runs, skippedRuns: 0 });

describe('a grid of key figures whose gutter a long label line narrows', () => {
  // Two cells side by side: figure, then two label lines; the first cell's first label line ends
  // 12.6 points (1.4 em) before the second cell, whose three lines all start at x = 388.1.
  const first = 'personnes rencontrées dans le cadre';
  const runs = [
    run('+90', 218, 90, 18, true),
    run('+1500', 388.1, 90, 18, true),
    run(first, 218, 100, 9),
    run('kilomètres parcourus', 218 + first.length * 4.5 + 12.6, 100, 9),
    run('de nos entretiens', 218, 111, 9),
    run('région Occitanie', 388.1, 111, 9),
  ];
  // The second cell's label line starts where the cell's other lines do.
  runs[3] = { ...runs[3]!, x: 388.1 };
  runs[2] = { ...runs[2]!, width: 388.1 - 12.6 - 218 };

  it('cuts the line where the other lines of the next cell start (grid-cell-edge)', () => {
    const texts = pageFragments(page(runs)).map((fragment) => fragment.text);
    expect(texts).toContain(first);
    expect(texts).toContain('kilomètres parcourus');
  });

  it('keeps a justified line whole where no other line starts at the word after a wide space', () => {
    const justified = [run('communes', 155, 100, 9), run('membres', 155 + 36 + 10, 100, 9), run('un peu plus loin', 155, 111, 9)];
    expect(pageFragments(page(justified)).map((fragment) => fragment.text)).toEqual(['communes membres', 'un peu plus loin']);
  });
});

describe('a grid row of key figures whose labels are one line under each figure', () => {
  // Three cells 170 points apart: a figure in display type, its label under it. The first label is
  // justified (word spaces of 13.8 points) and ends 11.3 points before the second cell: a word space
  // of its own line, and only two lines (figure and label) start at the second cell's edge.
  const runs = [
    run('79', 48, 703.3, 15, true),
    run('8', 218.3, 703.3, 15, true),
    run('agents', 48, 711, 8.5),
    run('et', 90.8, 711, 8.5),
    run('cadres', 113.2, 711, 8.5),
    { ...run('directement', 155.2, 711, 8.5), width: 51.7 },
    run('tableaux de préfiguration', 218.3, 711, 8.5),
    run('mobilisés sur le thème', 48, 723, 8.5),
  ];

  it('cuts the label line where a figure in display type starts just above (figure-cell-edge)', () => {
    const texts = pageFragments(page(runs)).map((fragment) => fragment.text);
    expect(texts).toContain('agents et cadres directement');
    expect(texts).toContain('tableaux de préfiguration');
  });

  it('keeps the line whole where the figure above is in the label’s own size (a number in the text)', () => {
    const plain = runs.map((r) => (r.text === '8' ? { ...r, fontSize: 8.5, bold: false } : r));
    expect(pageFragments(page(plain)).map((fragment) => fragment.text)).toContain('agents et cadres directement tableaux de préfiguration');
  });
});

describe('a label justified in a narrow cell, its word spaces stretched past 1.5 em', () => {
  // A figure grid's cell 159 points wide: « permanences » at its left edge, « d'accompagnement »
  // pushed to its right edge (a 33-point space, 3.9 em), then the label's last line.
  const cell = (second: PdfTextRun[]) => [run('11', 218.3, 596, 15, true), run('permanences', 218.3, 608.2, 8.5), run("d'accompagnement", 303.3, 608.2, 8.5), run('ouvertes en mairie', 218.3, 620.2, 8.5), ...second];

  it('keeps the justified line whole: the label goes on under its start (justified-space)', () => {
    expect(pageFragments(page(cell([]))).map((fragment) => fragment.text)).toContain("permanences d'accompagnement");
  });

  it('cuts it where a line under the word after the space starts too (a column of its own)', () => {
    const texts = pageFragments(page(cell([run('en ligne', 303.3, 620.2, 8.5)]))).map((fragment) => fragment.text);
    expect(texts).toContain('permanences');
    expect(texts).toContain("d'accompagnement");
  });

  it('cuts a line whose words sit at word spaces before the gap (a column beside a right-aligned signature)', () => {
    const texts = pageFragments(page([run('sans renoncer pour', 218.3, 608.2, 8.5), run('Agnès Tisserand,', 330, 608.2, 8.5), run('à la proximité', 218.3, 620.2, 8.5)])).map((fragment) => fragment.text);
    expect(texts).toContain('sans renoncer pour');
  });

  it('cuts it where nothing goes on under the line (a line beside another)', () => {
    const texts = pageFragments(page([run('permanences', 218.3, 608.2, 8.5), run("d'accompagnement", 303.3, 608.2, 8.5)])).map((fragment) => fragment.text);
    expect(texts).toEqual(['permanences', "d'accompagnement"]);
  });
});

describe('a justified label line whose first word a ligature writes in two runs (word-in-pieces)', () => {
  // « fi » (a ligature's glyph) and « ches » set against it, then « méthodologiques » pushed to the
  // cell's right edge (24 points, 2.7 em), the label going on under the line's start.
  const line = [{ ...run('fi', 290.1, 304.9, 8.9), width: 5.4 }, { ...run('ches', 295.4, 304.9, 8.9), width: 19.7 }, { ...run('méthodologiques', 339.4, 304.9, 8.9), width: 73.8 }];

  it('keeps the line whole: the pieces are one word, the wide space a stretched one', () => {
    const texts = pageFragments(page([...line, run('livrées', 290.1, 316.2, 8.9)])).map((fragment) => fragment.text);
    expect(texts).toContain('fiches méthodologiques');
  });
});

describe('runs cut into fragments at a change of font and size', () => {
  it('cuts a line where both the font and the size change across a gap of 0.8 em (a sans heading beside a serif pull-quote)', () => {
    // The quote ends at 125; 12 points is more than 0.8 em and less than the 1.5 em of a column's gutter.
    const runs = [typed('« Un regard neuf', 45, 163, 10, 'DejaVuSerif-Italic'), typed('1. Contexte', 137, 163.5, 11, 'DejaVuSans')];
    expect(pageFragments(page(runs)).map((fragment) => fragment.text)).toEqual(['« Un regard neuf', '1. Contexte']);
    // The same gap in one font and size is a word space of justified text.
    const same = [typed('« Un regard neuf', 45, 163, 10, 'DejaVuSerif-Italic'), typed('et complet', 137, 163, 10, 'DejaVuSerif-Italic')];
    expect(pageFragments(page(same))).toHaveLength(1);
  });

  it('cuts a number in display type from the title beside it, same weight and font', () => {
    const runs = [typed('7', 68, 110, 38, 'DejaVuSans-Bold', true), typed('MÉTROPOLE AUDACIEUSE', 135, 110, 14, 'DejaVuSans-Bold', true)];
    expect(pageFragments(page(runs)).map((fragment) => fragment.text)).toEqual(['7', 'MÉTROPOLE AUDACIEUSE']);
  });
});

describe('a margin heading whose longest word nearly fills its column (margin-heading-gutter)', () => {
  // « PRÉCONISATIONS » (bold, 9 pt) ends at 147.7; the text column beside it starts at 155.7:
  // 8 points, less than 0.8 em of the text's 10 pt.
  const heading = { ...run('PRÉCONISATIONS', 48, 600, 9, true), width: 99.7 };
  const text = (edgeLines: boolean) => [
    heading,
    run('des modèles de mutualisation', 155.7, 600, 10),
    ...(edgeLines ? [run('La cartographie réalisée', 155.7, 586, 10), run('jamais été réalisée', 155.7, 614, 10)] : []),
  ];

  it('cuts the heading from the text that starts on the text column’s left edge', () => {
    const texts = pageFragments(page(text(true))).map((fragment) => fragment.text);
    expect(texts).toContain('PRÉCONISATIONS');
    expect(texts).toContain('des modèles de mutualisation');
  });

  it('keeps a bold word leading its line where no column starts after it', () => {
    expect(pageFragments(page(text(false))).map((fragment) => fragment.text)).toEqual(['PRÉCONISATIONS des modèles de mutualisation']);
  });
});

describe('a margin heading wider than its margin, running into the text beside it (margin-heading-overflow)', () => {
  // « RECOMMANDATIONS » (bold, at the body's size) ends at 165; the text column beside it starts at
  // 155.7, 9.3 points (about an em) back over the heading's last letters: no space between them.
  const heading = { ...run('RECOMMANDATIONS', 48, 600, 9.5, true), width: 117 };

  it('parts the heading from the text’s first word', () => {
    const texts = pageFragments(page([heading, run('La cartographie réalisée', 155.7, 600, 9.5)])).map((fragment) => fragment.text);
    expect(texts).toEqual(['RECOMMANDATIONS La cartographie réalisée']);
  });

  it('keeps a word whose next run kerning draws back a little over it whole', () => {
    const piece = { ...run('cartogra', 155.7, 600, 9.5), width: 40 };
    expect(pageFragments(page([piece, run('phie', 155.7 + 40 - 0.05 * 9.5, 600, 9.5)])).map((fragment) => fragment.text)).toEqual(['cartographie']);
  });
});

describe('a figure in a table’s cell, its label set beside it past a narrow gap (margin-heading-gutter)', () => {
  it('stays on its label, though the label starts on a column’s left edge', () => {
    const runs = [
      { ...run('150 000', 404, 200, 14, true), width: 47 },
      run('habitants supplémentaires', 457, 200, 9),
      run('entre 2010 et 2030', 457, 211, 9),
      run('ménages demandeurs', 457, 222, 9),
    ];
    expect(pageFragments(page(runs)).map((fragment) => fragment.text)).toContain('150 000 habitants supplémentaires');
  });
});
