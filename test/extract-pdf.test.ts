/**
 * The PDF adapter on the 2019 brochure (110 pages, two columns, card grids, running headers)
 * and on broken inputs: pdf.ts reads the runs, layout.ts turns them into the block stream that
 * segment and parse read by their text.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARY, foldForMatch } from '../src/profile.js';

const rubriqueOf = (text: string) => DEFAULT_VOCABULARY.rubriqueOf(text);
const ROSTER_HEADING = DEFAULT_VOCABULARY.rosterHeadings[0]!;
import { BrochureError } from '../src/errors.js';
import { assertHasText, layoutPages } from '../src/extract/layout.js';
import { readPdfPages, type PdfPages } from '../src/extract/pdf.js';
import type { Block, ExtractedDocument } from '../src/types.js';

const FIXTURE = new URL('../fixtures/inet-2019/input.pdf', import.meta.url);
const ENCRYPTED = new URL('../fixtures/bad/encrypted-user.pdf', import.meta.url);
const SECTIONS = ['PILOTER ENSEMBLE', 'TRAVAILLER AUTREMENT', 'GÉRER DIFFÉREMMENT', 'VALORISER LE TERRITOIRE'];

let bytes: Uint8Array;
let pages: PdfPages;
let extracted: ExtractedDocument;
let blocks: readonly Block[];

beforeAll(async () => {
  bytes = new Uint8Array(readFileSync(FIXTURE));
  pages = await readPdfPages(bytes);
  extracted = layoutPages(pages);
  blocks = extracted.blocks;
});

/** Index of the first block with this exact text (on `page` when given); fails the test when absent. */
function indexOf(text: string, page?: number): number {
  const index = blocks.findIndex((block) => block.text === text && (page === undefined || block.page === page));
  expect(index, `no block ${JSON.stringify(text)}${page ? ` on page ${page}` : ''}`).toBeGreaterThanOrEqual(0);
  return index;
}

async function readError(input: Uint8Array, options?: Parameters<typeof readPdfPages>[1]): Promise<BrochureError> {
  try {
    await readPdfPages(input, options);
  } catch (error) {
    expect(error).toBeInstanceOf(BrochureError);
    return error as BrochureError;
  }
  throw new Error('readPdfPages did not fail');
}

describe('readPdfPages on the 2019 brochure', () => {
  it('reads every page, A4, with its runs in top-down coordinates', () => {
    expect(pages.pageCount).toBe(110);
    expect(pages.pages).toHaveLength(110);
    expect(pages.pages.map((page) => page.number)).toEqual(Array.from({ length: 110 }, (_, i) => i + 1));
    expect(pages.pages[0]!.width).toBeCloseTo(595, 0);
    expect(pages.pages[0]!.height).toBeCloseTo(842, 0);
    // The running header sits near the top edge: y grows downwards.
    const header = pages.pages[4]!.runs.find((run) => run.text === 'PILOTER ENSEMBLE')!;
    expect(header.y).toBeLessThan(60);
    expect(header.fontSize).toBeCloseTo(8, 0);
  });

  it('tells bold faces from their real font names', () => {
    const runs = pages.pages[4]!.runs;
    const heading = runs.find((run) => run.text === 'CONTEXTE')!;
    expect(heading).toMatchObject({ bold: true, fontName: 'Carlito-Bold' });
    const email = runs.find((run) => run.text.includes('@administrateur-inet.org'))!;
    expect(email).toMatchObject({ bold: false, fontName: 'Carlito' });
    const body = runs.find((run) => run.text.startsWith('Bordeaux Métropole a développé'))!;
    expect(body).toMatchObject({ bold: false, fontName: 'Caladea-Regular' });
  });

  it('leaves the caller’s bytes usable', () => {
    expect(bytes.byteLength).toBeGreaterThan(900_000);
    expect(new TextDecoder('latin1').decode(bytes.subarray(0, 5))).toBe('%PDF-');
  });

  it('has text: no OCR needed', () => {
    expect(() => assertHasText(pages)).not.toThrow();
  });
});

describe('layoutPages on the 2019 brochure', () => {
  it('returns a PDF block stream', () => {
    expect(extracted.format).toBe('pdf');
    expect(extracted.pageCount).toBe(110);
    expect(blocks.length).toBeGreaterThan(900);
    expect(blocks.every((block) => block.lines.length > 0 && block.page !== null && block.text.trim() !== '')).toBe(true);
  });

  it('prints the project number, the title, then the organisation, each as its own block', () => {
    const number = indexOf('01', 5);
    expect(blocks[number + 1]!.text).toBe('MUTUALISATION, TERRITORIALISATION, GOUVERNANCE : ÉVOLUTIONS EN PERSPECTIVE COMPARÉE');
    expect(blocks[number + 1]!.lines.every((line) => line.bold === true)).toBe(true);
    expect(blocks[number + 2]!.text).toBe('BORDEAUX MÉTROPOLE');
    expect(blocks[number + 2]!.lines[0]!.bold).toBe(false);
    expect(blocks[number + 3]!.text).toBe('LES AUTEURS');
  });

  it('makes each rubrique heading a block of its own', () => {
    for (const heading of ['CONTEXTE', 'PROBLÉMATIQUE', 'DES CLÉS POUR AGIR', 'Témoignage de la collectivité', 'Les chiffres', 'Aller plus loin', 'LES AUTEURS', 'TUTRICE AU SEIN DE LA COLLECTIVITÉ']) {
      const block = blocks[indexOf(heading)]!;
      expect(block.kind).toBe('paragraph');
      expect(rubriqueOf(block.text)).not.toBeNull();
    }
    expect(blocks.filter((block) => rubriqueOf(block.text) === 'contexte')).toHaveLength(22);
    expect(blocks.filter((block) => rubriqueOf(block.text) === 'auteurs')).toHaveLength(22);
  });

  it('starts project 01’s context with its first paragraph, superscript joined', () => {
    const next = blocks[indexOf('CONTEXTE', 5) + 1]!;
    expect(next.text.startsWith('Bordeaux Métropole a développé depuis le 1er janvier 2016 un modèle ambitieux')).toBe(true);
    expect(next.text.endsWith('à mutualiser.')).toBe(true);
    expect(next.lines[0]!.size).toBe(1);
  });

  it('makes each author card one block: bold name line, then e-mail line', () => {
    const start = indexOf('LES AUTEURS', 5) + 1;
    const cards = blocks.slice(start, start + 4);
    expect(cards.map((card) => card.lines.map((line) => line.text))).toEqual([
      ['Fanette PEYRATOUT', 'fanette.peyratout@administrateur-inet.org'],
      ['Xavier LEIBAR', 'xavier.leibar@administrateur-inet.org'],
      ['Nathalie BOUCHAIN', 'nathalie.bouchain@ingenieurchef-inet.org'],
      ['Matthieu HUSSON', 'matthieu.husson@conservateur-inet.org'],
    ]);
    expect(cards.every((card) => card.lines[0]!.bold === true && card.lines[1]!.bold === false)).toBe(true);
    const tutor = blocks[indexOf('TUTRICE AU SEIN DE LA COLLECTIVITÉ', 5) + 1]!;
    expect(tutor.lines.map((line) => line.text)).toEqual(['Claire LE MERRER', 'Directrice générale des territoires']);
    // Every card of the brochure: one name line and one e-mail line.
    const emails = blocks.filter((block) => block.lines.some((line) => /@\S+-inet\.org$/.test(line.text)));
    expect(emails).toHaveLength(87);
    expect(emails.every((block) => block.lines.length === 2 && /@/.test(block.lines[1]!.text) && !/@/.test(block.lines[0]!.text))).toBe(true);
  });

  it('drops running headers and page numbers from project pages', () => {
    for (const block of blocks) {
      if (SECTIONS.includes(block.text)) {
        // A section name alone is a divider page or the sommaire, never a header on a project page.
        expect(blocks.filter((other) => other.page === block.page).length === 1 || block.page === 2, `page ${block.page}`).toBe(true);
      }
      expect(block.text).not.toBe(String(block.page));
    }
    expect(blocks.some((block) => block.text.includes('Crédit photo : Pascal Bastien'))).toBe(false);
  });

  it('prints each key figure as a block followed by its label', () => {
    const figure = indexOf('150 000', 20);
    expect(blocks[figure + 1]!.text).toBe('habitants supplémentaires entre 2010 et 2030 (Scot)');
    for (const value of ['10 ANS', '+25%', '2E', '1 ÈRE']) expect(blocks[indexOf(value) + 1]!.lines[0]!.size).toBeLessThan(1);
  });

  it('reads the sommaire as number, title and organisation, page', () => {
    const number = indexOf('01/', 2);
    expect(blocks[number + 1]!.text).toBe('MUTUALISATION, TERRITORIALISATION, GOUVERNANCE : ÉVOLUTIONS EN PERSPECTIVE COMPARÉE BORDEAUX MÉTROPOLE');
    expect(blocks[number + 2]!.text).toBe('/ P05');
    const last = indexOf('22/', 2);
    expect(blocks.slice(last + 1, last + 3).map((block) => block.text)).toEqual([
      'PRÉFIGURATION D’UN SERVICE PUBLIC DE LA DONNÉE VILLE ET MÉTROPOLÉ DE BREST'.replace(/’/g, "'"),
      '/ P107',
    ]);
    expect(foldForMatch(blocks.find((block) => block.page === 2)!.text).replace(/ /g, '')).toBe('SOMMAIRE');
  });

  it('reads the rosters as a heading and one block of member lines each', () => {
    const headings = blocks.map((block, i) => ({ block, i })).filter(({ block }) => ROSTER_HEADING.test(foldForMatch(block.text)));
    expect(headings.map(({ block }) => block.text.replace(/PROMO-\s*TION/, 'PROMOTION'))).toEqual([
      'PROMOTION GEORGES SAND',
      'PROMOTION ALAN TURING',
      'PROMOTION WANGARI MUTA MAATHAI',
    ]);
    expect(headings.map(({ i }) => blocks[i + 1]!.lines.length)).toEqual([43, 16, 29]);
    expect(blocks[headings[0]!.i + 1]!.lines[0]!.text).toBe('ABRIC Sarah');
  });

  it('turns the two printed tables into rows, cells joined by " | "', () => {
    const rows = blocks.filter((block) => block.kind === 'tableRow');
    expect(rows.map((row) => row.page)).toEqual([75, 75, 75, 75, 98, 98]);
    expect(rows[0]!.text).toBe('Exigence | Constats structurants | Fiches-actions / Fiches-méthode');
    expect(rows[3]!.text.startsWith('Replacer l’utilisateur'.replace('’', "'"))).toBe(true);
    expect(rows[4]!.text).toBe('40 ENTRETIENS | 4 ATELIERS THÉMATIQUES / 60 PARTICIPANTS | BENCHMARK | 5 ATELIERS PARTICIPATIFS LORS DE LA RESTITUTION');
    expect(rows.every((row) => row.text.split(' | ').length >= 3)).toBe(true);
  });

  it('joins hyphenated line ends but keeps printed compounds', () => {
    const text = blocks.map((block) => block.text).join('\n');
    expect(text).toContain('fait supporter la dynamique des charges');
    expect(text).not.toMatch(/\bdyna- ?mique/);
    expect(text).toContain('ville-centre');
    expect(text).toContain('interlocuteurs');
    expect(text).toContain('Sa structure est-elle optimale');
  });

  it('lists items whose bullet is drawn, not printed', () => {
    const item = blocks.find((block) => block.text.startsWith('le modèle coopératif'))!;
    expect(item.kind).toBe('listItem');
    expect(item.text).toBe('le modèle coopératif : peu ou pas de services communs et essentiellement de la prestation de service portée par une ingénierie métropolitaine,');
  });
});

describe('readPdfPages on bad input', () => {
  it('refuses bytes that are not a PDF', async () => {
    const error = await readError(new TextEncoder().encode('REGARDS CROISÉS SUR LES TERRITOIRES\n\nSOMMAIRE\n'));
    expect(error.code).toBe('NOT_A_PDF');
    expect(error.message).not.toMatch(/\n/);
  });

  it('reports a truncated PDF as damaged', async () => {
    const error = await readError(bytes.slice(0, Math.floor(bytes.length / 2)));
    expect(error.code).toBe('PDF_DAMAGED');
    expect(error.message).toMatch(/damaged|truncated/);
    expect(error.message).not.toMatch(/\n/);
  });

  it('counts the pages before reading them', async () => {
    const error = await readError(bytes, { maxPages: 100 });
    expect(error.code).toBe('TOO_MANY_PAGES');
    expect(error.message).toMatch(/110 pages.*100/);
  });

  it('asks for the password of an encrypted PDF, and says when it is wrong', async () => {
    const encrypted = new Uint8Array(readFileSync(ENCRYPTED));
    const required = await readError(encrypted);
    expect(required.code).toBe('PDF_PASSWORD_REQUIRED');
    expect(required.message).toMatch(/--password/);
    const wrong = await readError(encrypted, { password: 'not-this-one' });
    expect(wrong.code).toBe('PDF_PASSWORD_WRONG');
    expect(wrong.message).toMatch(/--password/);
    const opened = await readPdfPages(encrypted, { password: 'brochure-user' });
    expect(opened.pageCount).toBe(110);
  });

  it('stops on a PDF without text (image-only): IMAGE_ONLY', async () => {
    const blank = await readPdfPages(minimalPdf());
    expect(blank.pageCount).toBe(1);
    expect(blank.pages[0]!.runs).toHaveLength(0);
    expect(() => assertHasText(blank)).toThrowError(expect.objectContaining({ code: 'IMAGE_ONLY' }));
  });
});

/** A valid one-page PDF with an empty page, xref offsets computed. */
function minimalPdf(): Uint8Array {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((object, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) body += `${String(offset).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(body);
}
