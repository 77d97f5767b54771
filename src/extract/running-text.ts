/**
 * Running text: page numbers, running headers and running footers, found as text repeated in the
 * top or bottom margin band of several pages, and dropped before reading order is rebuilt.
 */
import type { PdfPage } from '../types.js';
import type { Fragment } from './fragments.js';

/** How running text is recognised (see `LayoutOptions`). */
export interface RunningTextSettings {
  /** Pages a margin text must repeat on to be a running header or footer. */
  readonly minRepeats: number;
  /** Share of the page height, at the top and at the bottom, searched for running text. */
  readonly marginBand: number;
}

/** A page number as printed: "5", "- 5 -", "Page 5", "5 / 110". */
const PAGE_NUMBER = /^(?:p(?:age|\.)?\s*)?[-–—|]?\s*(\d{1,4})\s*[-–—|]?(?:\s*(?:\/|sur|of)\s*\d{1,4})?$/i;

/**
 * Drops text printed in the top or bottom margin of many pages: page numbers (a number that
 * follows the page index) and running headers / footers (the same text at the same height on
 * several pages, and more often there than anywhere else, so a rubrique heading that happens
 * to open a few pages stays). A header slot once found also catches its text on pages where it
 * is unique (a short section).
 */
export function dropRunningText(pages: readonly PdfPage[], perPage: readonly Fragment[][], settings: RunningTextSettings): Fragment[][] {
  const inBand = (fragment: Fragment, page: PdfPage): 'top' | 'bottom' | null =>
    fragment.y <= page.height * settings.marginBand ? 'top' : fragment.y >= page.height * (1 - settings.marginBand) ? 'bottom' : null;
  const removed = new Set<Fragment>();

  // Page numbers: the offset between printed number and page index is the same on most pages,
  // and they are printed at one height (a key figure or a project number that happens to fall in
  // a margin band and to match its page's index is not).
  const offsets = new Map<number, { side: 'top' | 'bottom'; y: number; page: number }[]>();
  const numbered: { fragment: Fragment; offset: number }[] = [];
  pages.forEach((page, i) => {
    for (const fragment of perPage[i]!) {
      const side = inBand(fragment, page);
      const match = side ? PAGE_NUMBER.exec(fragment.text) : null;
      if (!side || !match) continue;
      const offset = page.number - Number(match[1]);
      numbered.push({ fragment, offset });
      offsets.set(offset, [...(offsets.get(offset) ?? []), { side, y: fragment.y, page: page.number }]);
    }
  });
  const support = (hits: readonly { side: 'top' | 'bottom'; y: number; page: number }[]): number =>
    Math.max(...hits.map((hit) => new Set(hits.filter((other) => other.side === hit.side && Math.abs(other.y - hit.y) <= 2).map((other) => other.page)).size));
  const [bestOffset, bestSupport] = [...offsets].map(([offset, hits]) => [offset, support(hits)] as const).sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
  if (bestSupport >= 2) for (const { fragment, offset } of numbered) if (offset === bestOffset) removed.add(fragment);
  // A running header or footer set level with the page number (« Project title ……… 12 ») is
  // running text even on the few pages it repeats on: the margin text whose height overlaps the
  // page number's, in the same band and no larger than it (a title wrapped on two lines too).
  pages.forEach((page, i) => {
    const numbers = perPage[i]!.filter((fragment) => removed.has(fragment));
    for (const fragment of perPage[i]!) {
      const side = inBand(fragment, page);
      if (!side || removed.has(fragment)) continue;
      const level = numbers.some((number) => inBand(number, page) === side && fragment.top < number.bottom && fragment.bottom > number.top && fragment.size <= number.size);
      if (level) removed.add(fragment);
    }
  });

  // Running text: the same words at the same height on several pages.
  const everywhere = new Map<string, number>();
  const margin = new Map<string, { fragment: Fragment; side: 'top' | 'bottom' }[]>();
  pages.forEach((page, i) => {
    for (const fragment of perPage[i]!) {
      const key = fragment.text;
      everywhere.set(key, (everywhere.get(key) ?? 0) + 1);
      const side = removed.has(fragment) ? null : inBand(fragment, page);
      if (!side) continue;
      const hits = margin.get(key);
      if (hits) hits.push({ fragment, side });
      else margin.set(key, [{ fragment, side }]);
    }
  });
  const perPageOf = (page: number): readonly Fragment[] => perPage[pages.findIndex((candidate) => candidate.number === page)] ?? [];
  // Where the text lines of the pages' content stand: heights printing a text found there once.
  const contentLines = contentLineHeights(pages, perPage, margin, settings);
  const slots: { y: number; size: number; side: 'top' | 'bottom' }[] = [];
  for (const [key, hits] of margin) {
    const sorted = [...hits].sort((a, b) => a.fragment.y - b.fragment.y);
    let start = 0;
    for (let i = 1; i <= sorted.length; i++) {
      if (i < sorted.length && sorted[i]!.fragment.y - sorted[i - 1]!.fragment.y <= 2) continue;
      const cluster = sorted.slice(start, i);
      start = i;
      const onPages = new Set(cluster.map((hit) => hit.fragment.page)).size;
      const elsewhere = (everywhere.get(key) ?? 0) - cluster.length;
      if (onPages >= settings.minRepeats && onPages > elsewhere && !atContentLine(cluster[0]!.fragment.y, onPages, contentLines) && !scatteredUnderRunningText(cluster, perPageOf) && !skipsAPageOfItsRun(cluster, perPageOf)) {
        for (const hit of cluster) removed.add(hit.fragment);
        slots.push({ y: cluster[0]!.fragment.y, size: cluster[0]!.fragment.size, side: cluster[0]!.side });
      }
    }
  }
  return pages.map((page, i) => {
    const fragments = perPage[i]!.filter((fragment) => !removed.has(fragment));
    if (slots.length === 0 || fragments.length === 0) return fragments;
    const topmost = Math.min(...fragments.map((fragment) => fragment.y));
    const lowest = Math.max(...fragments.map((fragment) => fragment.y));
    return fragments.filter((fragment) => {
      const side = inBand(fragment, page);
      if (!side || fragment.y !== (side === 'top' ? topmost : lowest)) return true;
      return !slots.some((slot) => slot.side === side && Math.abs(slot.y - fragment.y) <= 2 && Math.abs(slot.size - fragment.size) <= 0.3);
    });
  });
}

/** How many pages apart two pages of one running text stand at most (a header on every other page: verso and recto). */
const RUNNING_PAGE_STEP = 2;

/**
 * Whether a text repeated at one height is content set where pages open (`rule: scattered-repeats`):
 * a rubrique heading that happens to open a page in many projects. Its pages stand apart, once per
 * project (running text is printed page after page: a section's, a project's, every other page's,
 * so that at least half of its pages have another within `RUNNING_PAGE_STEP`), and on each of them
 * some text stands further out in the margin band (the running header above it): running text is
 * the band's outermost line (a photo credit alone on scattered photo pages stays running text).
 */
function scatteredUnderRunningText(cluster: readonly { fragment: Fragment; side: 'top' | 'bottom' }[], perPageOf: (page: number) => readonly Fragment[]): boolean {
  const pages = [...new Set(cluster.map((hit) => hit.fragment.page))].sort((a, b) => a - b);
  const near = pages.filter((page, i) => (i > 0 && page - pages[i - 1]! <= RUNNING_PAGE_STEP) || (i + 1 < pages.length && pages[i + 1]! - page <= RUNNING_PAGE_STEP));
  if (near.length * 2 >= pages.length) return false;
  const outward = ({ fragment, side }: { fragment: Fragment; side: 'top' | 'bottom' }): boolean =>
    perPageOf(fragment.page).some((other) => (side === 'top' ? other.bottom < fragment.top : other.top > fragment.bottom));
  return cluster.every(outward);
}

/**
 * Whether a text repeated at one height is content that skips a page of its run (`rule:
 * run-skips-a-page`): running text printed every other page (verso or recto) is printed on every
 * page of its run; a rubrique heading that opens the second page of most projects is not. A page
 * of its run that it skips while printing the running text standing further out on its pages
 * (the same text at the same height: a page of the same kind) says it is content.
 */
function skipsAPageOfItsRun(cluster: readonly { fragment: Fragment; side: 'top' | 'bottom' }[], perPageOf: (page: number) => readonly Fragment[]): boolean {
  const pages = [...new Set(cluster.map((hit) => hit.fragment.page))].sort((a, b) => a - b);
  if (pages.length < 2 || pages.some((page, i) => i > 0 && page - pages[i - 1]! < RUNNING_PAGE_STEP)) return false;
  const { fragment: repeated, side } = cluster[0]!;
  const outer = perPageOf(repeated.page).filter((other) => (side === 'top' ? other.bottom < repeated.top : other.top > repeated.bottom));
  const printsOuter = (page: number): boolean => outer.some((text) => perPageOf(page).some((other) => other.text === text.text && Math.abs(other.y - text.y) <= SAME_HEIGHT));
  if (outer.length === 0 || !pages.every(printsOuter)) return false;
  for (let page = pages[0]! + RUNNING_PAGE_STEP; page < pages.at(-1)!; page += RUNNING_PAGE_STEP) {
    if (!pages.includes(page) && printsOuter(page)) return true;
  }
  return false;
}

/** How close (points) two baselines must be to stand at one height. */
const SAME_HEIGHT = 2;

/**
 * Pages, per height in the margin bands, where a text printed at that height on fewer than
 * `minRepeats` pages stands: the content's own lines (a page's first line of text), not running text.
 */
function contentLineHeights(pages: readonly PdfPage[], perPage: readonly Fragment[][], margin: ReadonlyMap<string, readonly { fragment: Fragment }[]>, settings: RunningTextSettings): { y: number; page: number }[] {
  const lines: { y: number; page: number }[] = [];
  pages.forEach((page, i) => {
    for (const fragment of perPage[i]!) {
      const hits = margin.get(fragment.text);
      if (!hits) continue;
      const level = new Set(hits.filter((hit) => Math.abs(hit.fragment.y - fragment.y) <= SAME_HEIGHT).map((hit) => hit.fragment.page));
      if (level.size < settings.minRepeats) lines.push({ y: fragment.y, page: page.number });
    }
  });
  return lines;
}

/**
 * Whether a text repeated at one height stands where the content's lines start (`rule:
 * content-line-height`): more pages print a text of their own at that height than print the repeated
 * one. Desktop-publishing frames put every page's first line at one height, so a rubrique heading
 * that opens many pages there is content; a running header stands apart from the content's lines.
 */
function atContentLine(y: number, onPages: number, contentLines: readonly { y: number; page: number }[]): boolean {
  return new Set(contentLines.filter((line) => Math.abs(line.y - y) <= SAME_HEIGHT).map((line) => line.page)).size > onPages;
}
