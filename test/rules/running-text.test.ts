/**
 * Running text (src/extract/running-text.ts): what repeats in the margin bands of many pages is
 * dropped, what is the pages' own content stays (key figures, numbers not printed at one height).
 * Each rule on a few invented runs.
 */
import { describe, expect, it } from 'vitest';
import { pageFragments } from '../../src/extract/fragments.js';
import { dropRunningText } from '../../src/extract/running-text.js';
import type { Block, PdfPage, PdfTextRun } from '../../src/types.js';
import { filler, layout, run as runAt } from '../helpers/runs.js';

/** Table text of a word processor's pages (`helpers/runs.ts` sets their body). */
const CELL = 10;
const texts = (blocks: readonly Block[]): string[] => blocks.map((block) => block.text);

function run(text: string, x: number, y: number, size: number, fontName = 'DejaVuSans', bold = false): PdfTextRun {
  return { text, x, y, width: text.length * size * 0.5, fontSize: size, bold, fontName };
}

function page(number: number, runs: PdfTextRun[]): PdfPage {
  return { number, width: 595, height: 842, runs, skippedRuns: 0 };
}

const settings = { minRepeats: 3, marginBand: 0.1 };

describe('a heading that opens many pages of frames', () => {
  // Every page prints the running header at 31 and its first line of content at 67 (frames put it
  // at one height); six pages open with the figures' heading there, eight with a line of text.
  const pages = Array.from({ length: 14 }, (_, i) =>
    page(i + 5, [
      run('Regards croisés sur les territoires', 45, 31, 8),
      run(i < 6 ? 'Chiffres clés' : `Une première ligne de texte, la ${i}e.`, 45, 67, 10, 'DejaVuSans-Bold', i < 6),
      run('La suite du texte de la page.', 45, 300, 10),
    ]),
  );
  const kept = dropRunningText(pages, pages.map(pageFragments), settings).map((fragments) => fragments.map((fragment) => fragment.text));

  it('stays: it stands where the pages print their own first line (content-line-height)', () => {
    expect(kept.slice(0, 6).every((texts) => texts.includes('Chiffres clés'))).toBe(true);
    expect(kept.slice(6).every((texts) => texts.some((text) => text.startsWith('Une première ligne')))).toBe(true);
  });

  it('while the running header above it goes', () => {
    expect(kept.some((texts) => texts.includes('Regards croisés sur les territoires'))).toBe(false);
  });
});

describe('a running header level with the page number', () => {
  it('drops a running header level with the page number, even on the two pages of a short project', () => {
    const pages = [4, 5].map((n) =>
      page(n, [
        run('UN GUICHET UNIQUE POUR LES AIDANTS', 45, 33.5, 7, 'DejaVuSans'),
        run(String(n), 544, 33.8, 8, 'DejaVuSans-Bold', true),
        run('Le texte du projet commence ici.', 172, 200, 9.5, 'DejaVuSerif'),
      ]),
    );
    const kept = dropRunningText(pages, pages.map(pageFragments), settings);
    expect(kept.map((fragments) => fragments.map((fragment) => fragment.text))).toEqual([['Le texte du projet commence ici.'], ['Le texte du projet commence ici.']]);
  });

  it('keeps margin text that is not level with the page number', () => {
    const pages = [4, 5].map((n) => page(n, [run('Une note en tête', 45, 60, 7, 'DejaVuSans'), run(String(n), 544, 33.8, 8, 'DejaVuSans-Bold', true)]));
    const kept = dropRunningText(pages, pages.map(pageFragments), settings);
    expect(kept.map((fragments) => fragments.map((fragment) => fragment.text))).toEqual([['Une note en tête'], ['Une note en tête']]);
  });
});

describe('page numbers, printed or not', () => {
  it('keeps lone numbers in the margin bands that are not printed at one height (key figures, project numbers)', () => {
    // Page 2 prints « 1 » near its foot and page 3 « 2 »: both match their page's index less one, at different heights.
    const pages = [
      filler(100),
      [...filler(100), runAt('1', 59.1, 762.2, { size: 16, bold: true }), runAt('personnes rencontrées', 94.3, 762.2, { size: CELL })],
      [...filler(200), runAt('2', 56.8, 81.1, { size: 26, bold: true })],
    ];
    const blocks = texts(layout(...pages));
    expect(blocks).toContain('1');
    expect(blocks).toContain('2');
  });

  it('still drops page numbers printed at one height', () => {
    const pages = [1, 2, 3].map((n) => [...filler(100), runAt(String(n + 2), 540, 813, { size: 9 })]);
    expect(texts(layout(...pages)).some((text) => /^\d+$/.test(text))).toBe(false);
  });
});

describe('a heading that opens a page in many projects, pages apart', () => {
  // The running header on every page at 31; the authors' heading opens pages 10, 13, 17, 32, 35
  // (once per project, never two pages in a row) at 80, where other pages print a figure or text
  // at other heights; a tutors' heading opens page 25 at the same height.
  const opening = new Map<number, string>([[10, 'Auteurs du projet'], [13, 'Auteurs du projet'], [17, 'Auteurs du projet'], [25, 'Tuteurs au sein de la collectivité'], [32, 'Auteurs du projet'], [35, 'Auteurs du projet']]);
  const pages = Array.from({ length: 30 }, (_, i) => {
    const number = i + 8;
    const heading = opening.get(number);
    return page(number, [
      run('Regards croisés sur les territoires', 45, 31, 8),
      heading ? run(heading, 48, 80, 9, 'DejaVuSans-Bold', true) : run(`Une première ligne de texte, la ${number}e.`, 48, 66 + (number % 2) * 4, 10),
      run('La suite du texte de la page.', 45, 300, 10),
    ]);
  });
  const kept = dropRunningText(pages, pages.map(pageFragments), settings).map((fragments) => fragments.map((fragment) => fragment.text));

  it('stays on every page it opens, and so does a heading at its height (scattered-repeats)', () => {
    for (const [number, heading] of opening) expect(kept[number - 8]).toContain(heading);
    expect(kept.some((texts) => texts.includes('Regards croisés sur les territoires'))).toBe(false);
  });

  it('while a credit alone on scattered photo pages, the outermost text of its band, goes', () => {
    const photos = [9, 14, 20, 27].map((number) => page(number, [run('Crédit photo : Pascal Bastien', 495, 818, 6)]));
    const all = [...pages.filter((p) => !photos.some((photo) => photo.number === p.number)), ...photos].sort((a, b) => a.number - b.number);
    const texts = dropRunningText(all, all.map(pageFragments), settings).flat().map((fragment) => fragment.text);
    expect(texts).not.toContain('Crédit photo : Pascal Bastien');
    expect(texts).toContain('Auteurs du projet');
  });
});

describe('a heading that opens the second page of most projects, every other page (run-skips-a-page)', () => {
  // Projects of two pages from page 3: the running header on every page at 31; « Les chiffres clés »
  // opens pages 4, 6 and 10 at 67; page 8 opens with the team lower down, under the same header.
  const pages = Array.from({ length: 8 }, (_, i) => {
    const number = i + 3;
    const first = [4, 6, 10].includes(number) ? [run('Les chiffres clés', 48, 67, 9, 'DejaVuSans-Bold', true)] : number === 8 ? [run('Les élèves', 48, 78, 9, 'DejaVuSans-Bold', true)] : [];
    return page(number, [run('Regards croisés sur les territoires', 45, 31, 8), ...first, run('La suite du texte de la page.', 45, 300, 10)]);
  });

  it('stays: running text every other page would print on page 8 too, which prints the running header', () => {
    const kept = dropRunningText(pages, pages.map(pageFragments), settings).map((fragments) => fragments.map((fragment) => fragment.text));
    expect(kept.filter((texts) => texts.includes('Les chiffres clés'))).toHaveLength(3);
    expect(kept.some((texts) => texts.includes('Regards croisés sur les territoires'))).toBe(false);
  });

  it('while a header printed on every other page of its run goes', () => {
    const verso = pages.map((p) => (p.number % 2 === 0 ? { ...p, runs: [...p.runs.filter((r) => r.text !== 'Les chiffres clés' && r.text !== 'Les élèves'), run('Les chiffres clés', 48, 67, 9, 'DejaVuSans-Bold', true)] } : p));
    const kept = dropRunningText(verso, verso.map(pageFragments), settings).flat().map((fragment) => fragment.text);
    expect(kept).not.toContain('Les chiffres clés');
  });
});
