/**
 * Groups of columns side by side, each under a heading of its own (src/extract/xycut.ts,
 * `rule: headed-column-groups`): a sommaire in two columns, each headed by its section, its
 * entries « 01/ title / P05 » set as rows of three cells. Read band by band, the first entry of
 * every group would come before the second entry of the first group.
 */
import { describe, expect, it } from 'vitest';
import type { PdfTextRun } from '../../src/types.js';
import { filler, layout, run } from '../helpers/runs.js';

/** The offset of the second group from the first: both set on one template. */
const GROUP_SHIFT = 261.1;

/** One entry at `x` (its group's left edge), its number's baseline at `y`. */
function entry(numero: string, organisation: string, title: readonly string[], page: string, x: number, y: number): PdfTextRun[] {
  return [
    run(`${numero}/`, x, y, { size: 12, bold: true }),
    run(organisation, x + 36.8, y, { size: 8 }),
    ...title.map((line, i) => run(line, x + 36.8, y + 12 + i * 12, { size: 9, bold: true })),
    run(`/ ${page}`, x + 217.4, y, { size: 9, bold: true }),
  ];
}

const left = 48;
const right = left + GROUP_SHIFT;
const entries = [
  ...entry('01', 'COMMUNAUTÉ D’AGGLOMÉRATION', ['MUTUALISER LA RESTAURATION', 'SCOLAIRE'], 'P05', left, 150.7),
  ...entry('02', 'DÉPARTEMENT DE LA VALMORE', ['UN GUICHET UNIQUE POUR', 'LES AIDANTS'], 'P06', left, 222.7),
  ...entry('03', 'VILLE DE LORVAL', ['OUVRIR LES ARCHIVES', 'AUX HABITANTS'], 'P08', right, 150.7),
  ...entry('04', 'COMMUNAUTÉ URBAINE', ['DÉMATÉRIALISER LES', 'AUTORISATIONS'], 'P09', right, 222.7),
];
const headings = [run('COOPÉRER ENTRE TERRITOIRES', left, 123, { size: 10.5, bold: true }), run('INNOVER AU QUOTIDIEN', right, 123, { size: 10.5, bold: true })];

/** The texts of the sommaire page's blocks that are a number, a page or a heading (a title's cells in between). */
function order(runs: PdfTextRun[]): string[] {
  return layout(runs, filler(80, 30))
    .filter((block) => block.page === 1)
    .map((block) => block.text)
    .filter((text) => /^\d\d\/$/.test(text) || /^\/ P\d\d$/.test(text) || headings.some((heading) => heading.text === text));
}

describe('a row of headings, each over a group of columns set on one template (headed-column-groups)', () => {
  it('reads each group whole under its heading, its entries in order', () => {
    expect(order([run('SOMMAIRE', left, 81, { size: 24, bold: true }), ...headings, ...entries])).toEqual([
      'COOPÉRER ENTRE TERRITOIRES',
      '01/',
      '/ P05',
      '02/',
      '/ P06',
      'INNOVER AU QUOTIDIEN',
      '03/',
      '/ P08',
      '04/',
      '/ P09',
    ]);
  });

  it('is not looked for without the headings: the rows are read across, as a table’s', () => {
    expect(order([run('SOMMAIRE', left, 81, { size: 24, bold: true }), ...entries])).toEqual(['01/', '/ P05', '03/', '/ P08', '02/', '/ P06', '04/', '/ P09']);
  });
});
