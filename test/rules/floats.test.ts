/**
 * A box floated beside the text, the text running on under it (src/extract/xycut.ts, `floatCut`):
 * the box and the text beside it are read as columns, then the text under both. Each rule on a
 * few invented runs, so that it fails on its own.
 */
import { describe, expect, it } from 'vitest';
import { layoutPages } from '../../src/extract/layout.js';
import type { PdfPage, PdfTextRun } from '../../src/extract/pdf.js';

const BODY = 10;
const TEXT_LEADING = 13.5;
const BOX_SIZE = 8.5;
const BOX_LEADING = 12;
const BOX_X = 59;
const TEXT_X = 235;
const TEXT_WIDTH = 312;
const PAGE_X = 48;
const PAGE_WIDTH = 500;

function run(text: string, x: number, y: number, size: number, width: number, bold = false): PdfTextRun {
  return { text, x, y, width, fontSize: size, bold, fontName: bold ? 'DejaVuSans-Bold' : size === BODY ? 'DejaVuSerif' : 'DejaVuSans' };
}

function read(runs: readonly PdfTextRun[]): string[] {
  const page: PdfPage = { number: 1, width: 595, height: 842, runs, skippedRuns: 0 };
  return layoutPages({ pageCount: 1, pages: [page] }).blocks.map((block) => block.text);
}

describe('a sidebar of cards floated left, the text wrapping under it (own-leading-not-rows)', () => {
  // The cards are set smaller on a leading of their own (8.5 pt on 12 pt beside 10 pt on 13.5 pt):
  // three of their six baselines fall level with the text's by chance, as a table's cells would.
  const cards = [
    ['Encadrement : Aleksandra', 229.5],
    ['GAIFFE, Directrice générale', 241.5],
    ['adjointe performance et proximité', 252.75],
    ['Encadrement : Sandra DE', 267.75],
    ['PINHO, Directrice Qualité et', 279],
    ['performance', 291],
  ] as const;
  const beside = ['Portant sur la diffusion de la culture usager via', 'le design de service, au sein du Pôle Performance et', 'Proximité, cette mission s’inscrit dans un contexte', 'institutionnel particulier. En effet, en 2016, l’alternance et', 'l’arrivée de Xavier Bertrand à la tête du Conseil Régional', 's’est traduite par une ambition nouvelle pour un échelon', 'territorial plus éloigné des usagers : celle de la proximité.'];
  const under = ['Celle-ci s’est concrétisée par le lancement rapide de dispositifs, comme Proch’Emploi, ou', 'd’aides individuelles destinées directement aux habitants, sur tout le territoire régional.'];
  const runs = [
    run('CONTEXTE', TEXT_X, 219.75, 9.5, 60, true),
    ...cards.map(([text, y]) => run(text, BOX_X, y, BOX_SIZE, text.length * BOX_SIZE * 0.5)),
    ...beside.map((text, i) => run(text, TEXT_X, 238.5 + i * TEXT_LEADING, BODY, TEXT_WIDTH)),
    ...under.map((text, i) => run(text, PAGE_X, 238.5 + (beside.length + i) * TEXT_LEADING, BODY, PAGE_WIDTH)),
  ];

  it('reads the cards apart from the text beside them, no card line joined to a line of text', () => {
    const blocks = read(runs);
    expect(blocks.join(' | ')).toContain('Encadrement : Sandra DE PINHO, Directrice Qualité et performance');
    expect(blocks.some((block) => block.includes('via le design de service'))).toBe(true);
  });
});
