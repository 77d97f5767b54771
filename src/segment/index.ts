/**
 * Segment stage: cuts the block stream into cover, sommaire, projects and rosters.
 *
 * The sommaire is the guide: it lists the sections and, for each project, its number and page.
 * A project starts at a block holding its number alone ("01") that is followed, within a few
 * blocks, by the authors heading; it ends where the next project or the rosters start.
 */
import {
  PROJECT_NUMBER,
  ROSTER_HEADING,
  SOMMAIRE_HEADING,
  SOMMAIRE_NUMBER,
  SOMMAIRE_PAGE,
  foldForMatch,
  rubriqueOf,
} from '../conventions.js';
import { BrochureError } from '../errors.js';
import { withinEdits } from '../similarity.js';
import type {
  Block,
  Diagnostic,
  ExtractedDocument,
  ProjectBlock,
  RosterBlock,
  SegmentedDocument,
  SommaireEntry,
  TextLine,
} from '../types.js';

/** How many blocks after a number the authors heading may come (title and organisation sit between). */
const HEADING_LOOKAHEAD = 12;

/** A roster member line: family name in capitals then given names ("LE ROUX Paul", "DUPONTMarie"). */
const ROSTER_MEMBER = /^[\p{Lu}][\p{Lu}'’ -]*\p{Lu}\s*\p{Lu}\p{Ll}/u;

/**
 * Cuts the brochure into its parts.
 * @param extracted The block stream of the extract stage.
 * @returns Cover, sommaire, sections, projects and rosters, with the anomalies met.
 */
export function segmentDocument(extracted: ExtractedDocument): SegmentedDocument {
  const blocks = extracted.blocks;
  const diagnostics: Diagnostic[] = [];
  const sommaireStart = blocks.findIndex((block) => SOMMAIRE_HEADING.test(foldForMatch(block.text).replace(/ /g, '')));
  const { entries, end: sommaireEnd } = sommaireStart >= 0 ? readSommaire(blocks, sommaireStart + 1) : { entries: [], end: 0 };
  if (sommaireStart < 0 || entries.length === 0) {
    diagnostics.push({ code: 'SOMMAIRE_MISSING', severity: 'warning', message: 'Aucun sommaire (« SOMMAIRE » suivi d’entrées « 01/ … / P05 ») n’a été trouvé : les projets sont repérés par leur seul numéro.' });
  }

  const sectionTitles = uniqueInOrder(entries.map((entry) => entry.section));
  const isSectionMarker = sectionMatcher(sectionTitles);
  const rosterStart = findRosterStart(blocks, sommaireEnd);
  const bodyEnd = rosterStart >= 0 ? rosterStart : blocks.length;
  const starts = findProjectStarts(blocks, sommaireEnd, bodyEnd, entries);
  if (starts.length === 0) {
    throw new BrochureError(
      'NOT_A_BROCHURE',
      'no numbered project heading followed by « LES AUTEURS » was found: this does not look like a « Regards croisés sur les territoires » brochure',
    );
  }

  const sectionHeadings: { texte: string; page: number | null }[] = [];
  const projects: ProjectBlock[] = [];
  let currentSection = sectionTitles[0] ?? '';
  const sectionOfNumber = new Map(entries.map((entry) => [entry.numero, entry.section]));
  for (let i = sommaireEnd; i < (starts[0]?.index ?? bodyEnd); i++) {
    const marker = isSectionMarker(blocks[i]!);
    if (marker) {
      currentSection = marker;
      sectionHeadings.push({ texte: blocks[i]!.text, page: blocks[i]!.page });
    }
  }
  starts.forEach((start, k) => {
    const end = starts[k + 1]?.index ?? bodyEnd;
    const body: Block[] = [];
    for (const block of blocks.slice(start.index + 1, end)) {
      const marker = isSectionMarker(block);
      if (marker) {
        // Section names printed in the body are running headers or divider pages, never content.
        if (block.lines.some((line) => line.bold) || foldForMatch(block.text) !== foldForMatch(marker)) {
          sectionHeadings.push({ texte: block.text, page: block.page });
        }
        continue;
      }
      body.push(block);
    }
    currentSection = sectionOfNumber.get(start.numero) ?? currentSection;
    projects.push({ numero: start.numero, section: currentSection, heading: blocks[start.index]!, blocks: body });
  });

  const colophonEnd = starts[0]?.index ?? bodyEnd;
  const colophon = blocks.slice(sommaireEnd, colophonEnd).filter((block) => !isSectionMarker(block));
  const rosters = rosterStart >= 0 ? readRosters(blocks, rosterStart) : [];
  if (rosters.length === 0) {
    diagnostics.push({ code: 'ROSTERS_MISSING', severity: 'warning', message: 'Aucune liste de promotion (« PROMOTION … ») n’a été trouvée en fin de brochure : les promotions des auteurs restent inconnues.' });
  }
  return {
    cover: sommaireStart >= 0 ? blocks.slice(0, sommaireStart) : [],
    sommaire: entries,
    sections: sectionTitles.map((titre) => ({
      titre,
      projets: entries.filter((entry) => entry.section === titre).map((entry) => entry.numero),
    })),
    colophon,
    sectionHeadings,
    projects,
    rosters,
    diagnostics,
  };
}

/**
 * Reads sommaire entries: an optional section title, "NN/", the title and organisation lines,
 * "/ Pnn". Stops at the first block that fits none of these.
 */
function readSommaire(blocks: readonly Block[], from: number): { entries: SommaireEntry[]; end: number } {
  const entries: SommaireEntry[] = [];
  let section = '';
  let i = from;
  while (i < blocks.length) {
    const text = blocks[i]!.text.trim();
    const number = SOMMAIRE_NUMBER.exec(text);
    if (number) {
      const lines: TextLine[] = [];
      let page: number | null = null;
      let j = i + 1;
      for (; j < blocks.length && j <= i + 8; j++) {
        const inner = blocks[j]!.text.trim();
        const pageMatch = SOMMAIRE_PAGE.exec(inner);
        if (pageMatch) {
          page = Number(pageMatch[1]);
          j++;
          break;
        }
        if (SOMMAIRE_NUMBER.test(inner)) break;
        lines.push(...blocks[j]!.lines);
      }
      entries.push({
        numero: Number(number[1]),
        section,
        texte: lines.map((line) => line.text).join(' '),
        lines,
        page,
      });
      i = j;
      continue;
    }
    // A section title is a short line in capitals directly followed by an entry.
    const next = blocks[i + 1]?.text.trim() ?? '';
    if (SOMMAIRE_NUMBER.test(next) && text.length <= 60 && text === text.toUpperCase()) {
      section = text;
      i++;
      continue;
    }
    if (entries.length > 0) break;
    i++;
    if (i > from + 20) break; // no entry near the heading: not a sommaire
  }
  return { entries, end: i };
}

/** Finds each project's number heading, in sommaire order when there is a sommaire. */
function findProjectStarts(
  blocks: readonly Block[],
  from: number,
  to: number,
  entries: readonly SommaireEntry[],
): { index: number; numero: number }[] {
  const expected = new Set(entries.map((entry) => entry.numero));
  const starts: { index: number; numero: number }[] = [];
  let last = 0;
  for (let i = from; i < to; i++) {
    const match = PROJECT_NUMBER.exec(blocks[i]!.text.trim());
    if (!match) continue;
    const numero = Number(match[1]);
    if (numero <= last || (expected.size > 0 && !expected.has(numero))) continue;
    if (!authorsHeadingFollows(blocks, i + 1, Math.min(to, i + 1 + HEADING_LOOKAHEAD))) continue;
    starts.push({ index: i, numero });
    last = numero;
  }
  return starts;
}

/** Whether the authors heading comes soon after, with no other bare number (a key figure) in between. */
function authorsHeadingFollows(blocks: readonly Block[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const text = blocks[i]!.text.trim();
    if (rubriqueOf(text) === 'auteurs') return true;
    if (PROJECT_NUMBER.test(text)) return false;
  }
  return false;
}

/** Returns a function telling which section a block names, if it names one (exact, or a near spelling). */
function sectionMatcher(titles: readonly string[]): (block: Block) => string | null {
  const folded = titles.map((title) => ({ title, key: foldForMatch(title).replace(/[^A-Z]/g, '') }));
  return (block) => {
    if (block.text.length > 80) return null;
    const key = foldForMatch(block.text).replace(/[^A-Z]/g, '');
    if (key.length < 4) return null;
    for (const { title, key: titleKey } of folded) {
      // A doubled or dropped letter ("DIFFÉREMENT") still names the section.
      if (withinEdits(key, titleKey, 1)) return title;
    }
    return null;
  };
}

function findRosterStart(blocks: readonly Block[], from: number): number {
  for (let i = from; i < blocks.length; i++) if (rosterHeading(blocks[i]!) !== null) return i;
  return -1;
}

/** The promotion name of a roster heading block ("PROMO- TION MARIE CURIE" -> "MARIE CURIE"). */
function rosterHeading(block: Block): string | null {
  // Cheap test on the raw text before folding it.
  if (!/promo/i.test(block.text.slice(0, 12))) return null;
  const match = ROSTER_HEADING.exec(foldForMatch(block.text));
  if (!match) return null;
  // Keep the printed spelling (accents) of the name: drop the same number of leading words.
  const printed = block.text.replace(/^\s*PROMO-?\s*TION\s+/iu, '').trim();
  return printed.length > 0 ? printed : match[1]!;
}

/** Reads each roster: its heading, then member lines until a block that is not a member list. */
function readRosters(blocks: readonly Block[], from: number): RosterBlock[] {
  const rosters: { heading: string; page: number | null; lines: string[] }[] = [];
  for (let i = from; i < blocks.length; i++) {
    const block = blocks[i]!;
    const heading = rosterHeading(block);
    if (heading !== null) {
      rosters.push({ heading, page: block.page, lines: [] });
      continue;
    }
    const current = rosters.at(-1);
    const memberLines = block.lines.map((line) => line.text.trim()).filter((line) => line !== '');
    if (!current || memberLines.length === 0 || !memberLines.every((line) => ROSTER_MEMBER.test(line) && line.length <= 60)) break;
    current.lines.push(...memberLines);
  }
  return rosters;
}

function uniqueInOrder(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
