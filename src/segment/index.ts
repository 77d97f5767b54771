/**
 * Segment stage: cuts the block stream into cover, sommaire, projects and rosters.
 *
 * The sommaire is the guide: it lists the sections and, for each project, its number and page.
 * A project starts where one of those numbers is printed and the document confirms it (see
 * `starts.ts`); it ends where the next project or the rosters start. A project the sommaire lists
 * but whose start cannot be found is kept from the sommaire alone (`fromSommaireOnly`), and the
 * document is then partial. Only a document with neither a numbered sommaire nor any e-mail of the
 * family's domains is refused.
 */
import { WHITE_SPACE_TO_COLLAPSE, foldedLetters, foldForMatch } from '../conventions.js';
import { DEFAULT_VOCABULARY, isHeaderRowText, type Vocabulary } from '../profile.js';
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
import { readSommaire } from './sommaire.js';
import { sommaireColumnsInOrder } from './sommaire-columns.js';
import { findProjectStarts } from './starts.js';
import { latin } from '../alphabet.js';

/** A roster member line: family name in capitals then given names ("LE ROUX Paul", "DUPONTMarie"). */
const ROSTER_MEMBER = latin('u')`^[\p{Lu}][\p{Lu}'’ -]*\p{Lu}\s*\p{Lu}\p{Ll}`;

/** A roster member line in another order or case ("Paul LE ROUX", "Paul Le Roux"): capitalised words and particles only. */
const ROSTER_MEMBER_ANY_ORDER = latin('u')`^(?:\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*|de|du|des|van|von|der|di|da|d['’]\p{Lu}[\p{L}'’]*)(?:\s+(?:\p{Lu}[\p{L}'’]*(?:-\p{Lu}[\p{L}'’]*)*|de|du|des|van|von|der|di|da|d['’]\p{Lu}[\p{L}'’]*)){1,5}$`;

/**
 * Cuts the brochure into its parts.
 * @param extracted The block stream of the extract stage.
 * @param vocabulary The family's words (the shipped profile when omitted).
 * @returns Cover, sommaire, sections, projects and rosters, with the anomalies met.
 */
export function segmentDocument(extracted: ExtractedDocument, vocabulary: Vocabulary = DEFAULT_VOCABULARY): SegmentedDocument {
  const diagnostics: Diagnostic[] = [];
  const sommaireStart = extracted.blocks.findIndex((block) => vocabulary.isSommaireHeading(block.text));
  // A sommaire in columns read row by row is put back in column order first (its numbers say so).
  const blocks = sommaireStart >= 0 ? sommaireColumnsInOrder(extracted.blocks, sommaireStart + 1, vocabulary, extracted.bodyLineHeight) : extracted.blocks;
  const { entries, end: sommaireEnd, diagnostics: sommaireDiagnostics, sections: sommaireSections } = sommaireStart >= 0 ? readSommaire(blocks, sommaireStart + 1, vocabulary) : { entries: [], end: 0, diagnostics: [], sections: [] };
  diagnostics.push(...sommaireDiagnostics);
  if (sommaireStart < 0 || entries.length === 0) {
    diagnostics.push({ code: 'SOMMAIRE_MISSING', severity: 'warning', message: 'Aucun sommaire (« SOMMAIRE » suivi d’entrées « 01/ … / P05 ») n’a été trouvé : les projets sont repérés par leur seul numéro.' });
  }

  const sectionTitles = uniqueInOrder([...sommaireSections, ...entries.map((entry) => entry.section)]);
  const isSectionMarker = sectionMatcher(sectionTitles);
  const rosterStart = findRosterStart(blocks, sommaireEnd, vocabulary);
  const bodyEnd = rosterStart >= 0 ? rosterStart - (rosterPagesTitle(blocks, rosterStart, sommaireEnd) ? 1 : 0) : blocks.length;
  const starts = findProjectStarts(blocks, sommaireEnd, bodyEnd, entries, vocabulary);
  if (starts.length === 0 && entries.length === 0 && !hasFamilyEmail(blocks, vocabulary)) {
    throw new BrochureError(
      'NOT_A_BROCHURE',
      'no numbered sommaire and no e-mail of the family\'s domains were found: this does not look like a « Regards croisés sur les territoires » brochure',
    );
  }
  if (starts.length === 0 && entries.length === 0) {
    diagnostics.push({ code: 'PROJECTS_NOT_FOUND', severity: 'error', message: 'Ni sommaire numéroté ni numéro de projet confirmé : aucun projet n’a pu être délimité (les adresses e-mail de la famille montrent pourtant une brochure).' });
  }

  const sectionHeadings: { texte: string; page: number | null }[] = [];
  const projects: ProjectBlock[] = [];
  let currentSection = sectionTitles[0] ?? '';
  // An entry under a row of section titles has none ('' ): the last section the body printed
  // before the project (a divider page, a label over the project's number) names it.
  const sectionOfNumber = new Map(entries.filter((entry) => entry.section !== '').map((entry) => [entry.numero, entry.section]));
  let printedSection: string | null = null;
  for (let i = sommaireEnd; i < (starts[0]?.index ?? bodyEnd); i++) {
    const marker = isSectionMarker(blocks[i]!);
    if (marker) {
      currentSection = marker;
      printedSection = marker;
      sectionHeadings.push({ texte: blocks[i]!.text, page: blocks[i]!.page });
    }
  }
  starts.forEach((start, k) => {
    const end = starts[k + 1]?.index ?? bodyEnd;
    const body: Block[] = [...start.lead];
    const printedBefore = printedSection;
    for (const block of blocks.slice(start.index + 1, end)) {
      const marker = isSectionMarker(block);
      if (marker) {
        // Section names printed in the body are running headers or divider pages, never content.
        if (block.lines.some((line) => line.bold) || foldForMatch(block.text) !== foldForMatch(marker)) {
          sectionHeadings.push({ texte: block.text, page: block.page });
        }
        printedSection = marker;
        continue;
      }
      body.push(block);
    }
    const underRow = entries.some((entry) => entry.numero === start.numero && entry.section === '');
    currentSection = sectionOfNumber.get(start.numero) ?? (underRow ? printedBefore : null) ?? currentSection;
    projects.push({ numero: start.numero, section: currentSection, heading: start.heading, blocks: body, startEvidence: start.evidence });
  });
  projects.push(...sommaireOnlyProjects(entries, starts, diagnostics));
  projects.sort((a, b) => a.numero - b.numero);

  const colophonEnd = starts[0]?.index ?? bodyEnd;
  const colophon = blocks.slice(sommaireEnd, colophonEnd).filter((block) => !isSectionMarker(block));
  const taggedRoster = rosterStart >= 0 && rosterHeading(blocks[rosterStart]!, vocabulary) === null ? findTaggedRoster(blocks, rosterStart) : null;
  const rosters = taggedRoster ? readTaggedRoster(blocks, taggedRoster.firstLine) : rosterStart >= 0 ? readRosters(blocks, rosterStart, vocabulary) : [];
  if (rosters.length === 0) {
    diagnostics.push({ code: 'ROSTERS_MISSING', severity: 'warning', message: 'Aucune liste de promotion (« PROMOTION … ») n’a été trouvée en fin de brochure : les promotions des auteurs restent inconnues.' });
  }
  return {
    cover: sommaireStart >= 0 ? blocks.slice(0, sommaireStart) : [],
    sommaire: entries,
    sections: sectionTitles.map((titre) => ({
      titre,
      projets: entries.filter((entry) => (entry.section || projects.find((project) => project.numero === entry.numero)?.section) === titre).map((entry) => entry.numero),
    })),
    colophon,
    sectionHeadings,
    projects,
    rosters,
    diagnostics,
  };
}

/** Returns a function telling which section a block names, if it names one (exact, or a near spelling). */
function sectionMatcher(titles: readonly string[]): (block: Block) => string | null {
  const folded = titles.map((title) => ({ title, key: foldedLetters(title) }));
  // No section to name (no sommaire read): no block is folded for it.
  if (folded.length === 0) return () => null;
  return (block) => {
    if (block.text.length > 80) return null;
    const key = foldedLetters(block.text);
    if (key.length < 4) return null;
    for (const { title, key: titleKey } of folded) {
      // A doubled or dropped letter ("DIFFÉREMENT") still names the section.
      if (withinEdits(key, titleKey, 1)) return title;
    }
    return null;
  };
}

function findRosterStart(blocks: readonly Block[], from: number, vocabulary: Vocabulary): number {
  for (let i = from; i < blocks.length; i++) if (rosterHeading(blocks[i]!, vocabulary) !== null) return i;
  return findTaggedRoster(blocks, from)?.start ?? -1;
}

/** Lines a run of tagged members needs to be a roster: more than any team prints. */
const TAGGED_ROSTER_MIN_LINES = 8;

/**
 * A member line that names its promotion in parentheses: « Prénom NOM (Promotion) ».
 * @param line A printed line.
 * @returns The name as printed and the promotion, or `null`.
 */
export function taggedMember(line: string): { name: string; promotion: string } | null {
  const match = latin('u')`^(.+?)\s*\(\s*(\p{Lu}[^()]{1,59}?)\s*\)$`.exec(line.trim());
  if (!match) return null;
  const name = match[1]!;
  return (ROSTER_MEMBER.test(name) || ROSTER_MEMBER_ANY_ORDER.test(name)) && name.length <= 60 ? { name, promotion: match[2]! } : null;
}

/**
 * One roster for every promotion, each line tagged with its promotion (« Prénom NOM (Promotion) »):
 * a run of blocks whose lines are all tagged members, long enough and with tags repeated enough
 * (a promotion has many members) not to be a team printed with its corps. A short line set larger
 * or bold just before the run is its heading. `null` when the document has no such run.
 * @param blocks The document's blocks.
 * @param from Where to start looking (after the sommaire).
 * @returns Where the roster starts (its heading, else its first line) and where its lines start.
 */
export function findTaggedRoster(blocks: readonly Block[], from: number): { start: number; firstLine: number } | null {
  const tagged = (block: Block): boolean => block.lines.length > 0 && block.lines.every((line) => taggedMember(line.text) !== null);
  for (let i = from; i < blocks.length; i++) {
    if (!tagged(blocks[i]!)) continue;
    let end = i;
    while (end < blocks.length && tagged(blocks[end]!)) end++;
    const lines = blocks.slice(i, end).flatMap((block) => block.lines);
    const tags = new Set(lines.map((line) => foldForMatch(taggedMember(line.text)!.promotion)));
    if (lines.length >= TAGGED_ROSTER_MIN_LINES && lines.length >= 2 * tags.size) {
      const before = blocks[i - 1];
      const size = lines[0]!.size ?? 1;
      const heading = before !== undefined && i - 1 >= from && before.text.length <= 80 && !before.text.includes('@') &&
        before.lines.every((line) => line.bold === true || (line.size ?? 0) > 1.1 * size);
      return { start: heading ? i - 1 : i, firstLine: i };
    }
    i = end;
  }
  return null;
}

/** Splits one roster of tagged lines into one roster per promotion, in order of first appearance. */
function readTaggedRoster(blocks: readonly Block[], from: number): RosterBlock[] {
  const byTag = new Map<string, { heading: string; page: number | null; lines: string[] }>();
  for (const block of blocks.slice(from)) {
    if (block.lines.length === 0 || !block.lines.every((line) => taggedMember(line.text) !== null)) break;
    for (const line of block.lines) {
      const member = taggedMember(line.text)!;
      const key = foldForMatch(member.promotion);
      const roster = byTag.get(key) ?? { heading: member.promotion, page: block.page, lines: [] };
      roster.lines.push(member.name);
      byTag.set(key, roster);
    }
  }
  return [...byTag.values()];
}

/**
 * Whether the block before the first roster heading is the title of the roster pages (« LISTE DES
 * ÉLÈVES »): the first block of the heading's page, one bold line set larger than the body, no
 * e-mail or figure. It ends the last project (it is not a tutor, a rubrique's last words or a page
 * of the project); the rosters are still read from their first heading.
 */
function rosterPagesTitle(blocks: readonly Block[], rosterStart: number, from: number): boolean {
  const title = blocks[rosterStart - 1];
  const heading = blocks[rosterStart]!;
  if (!title || rosterStart - 1 <= from || title.page === null || title.page !== heading.page) return false;
  if (blocks[rosterStart - 2]?.page === title.page) return false;
  const [line, ...more] = title.lines;
  return more.length === 0 && line!.bold === true && (line!.size ?? 0) > 1.2 && !/[@\d]/u.test(title.text);
}

/** The promotion name of a roster heading block ("PROMO- TION MARIE CURIE" -> "MARIE CURIE"). */
function rosterHeading(block: Block, vocabulary: Vocabulary): string | null {
  if (block.text.length > 100) return null;
  const folded = foldForMatch(block.text);
  for (const pattern of vocabulary.rosterHeadings) {
    const match = pattern.exec(folded);
    if (!match?.[1]) continue;
    // Keep the printed spelling (accents) of the name: folding keeps the length of unaccented text,
    // so the name is the printed text's tail of the same length.
    const printed = block.text.replace(WHITE_SPACE_TO_COLLAPSE, ' ').trim();
    const name = printed.slice(printed.length - match[1].length).trim();
    return name.length > 0 ? name : match[1];
  }
  return null;
}

/** A roster being read; `table` once a header row of name columns (« Nom | Prénom ») opened it. */
interface RosterDraft {
  heading: string;
  page: number | null;
  lines: string[];
  table: boolean;
}

/**
 * Reads each roster: its heading, then member lines until a block that is not a member list. A
 * roster printed as a table (`rule: roster-table`) opens with a header row of name columns, which
 * is left out; its cells may come one name part per line (the family name, then the given names,
 * or the other way round), joined back into one member each.
 */
function readRosters(blocks: readonly Block[], from: number, vocabulary: Vocabulary): RosterBlock[] {
  const rosters: RosterDraft[] = [];
  for (let i = from; i < blocks.length; i++) {
    const block = blocks[i]!;
    const heading = rosterHeading(block, vocabulary);
    if (heading !== null) {
      rosters.push({ heading, page: block.page, lines: [], table: false });
      continue;
    }
    const current = rosters.at(-1);
    if (current && current.lines.length === 0 && isHeaderRowText(block.text, vocabulary.teamTableHeaders)) {
      current.table = true;
      continue;
    }
    const memberLines = joinWrappedNames(block.lines.map((line) => line.text.trim()).filter((line) => line !== ''));
    // The length first: a paragraph (a converter sets one on a single line) is not read by the patterns.
    const isMember = (line: string): boolean => line.length <= 60 && (ROSTER_MEMBER.test(line) || ROSTER_MEMBER_ANY_ORDER.test(line) || (current?.table === true && isNameCell(line)));
    if (!current || memberLines.length === 0 || !memberLines.every(isMember)) break;
    current.lines.push(...memberLines);
  }
  return rosters.map(({ heading, page, lines, table }) => ({ heading, page, lines: table ? joinNameCells(lines) : lines }));
}

/** One cell of a roster table's name columns: a family name in capitals or given names alone. */
function isNameCell(line: string): boolean {
  return FAMILY_NAME_ALONE.test(line) || GIVEN_NAMES_ALONE.test(line);
}

/**
 * A roster table's cells read one per line: a family name alone and given names alone next to
 * each other are one member, in the order printed (« ABRIC » / « Sarah », « Sarah » / « ABRIC »);
 * a run of k lone family names directly followed by k lone given names (or the other way round) is a
 * table's two columns read one after the other (a page's last rows), paired by position.
 * @param lines The roster's lines, whole members and lone cells.
 * @returns One line per member.
 */
function joinNameCells(lines: readonly string[]): string[] {
  const joined: string[] = [];
  const runOf = (from: number, test: (line: string) => boolean): number => {
    let end = from;
    while (end < lines.length && test(lines[end]!)) end++;
    return end - from;
  };
  for (let i = 0; i < lines.length; ) {
    const family = runOf(i, (line) => FAMILY_NAME_ALONE.test(line));
    const given = runOf(i, (line) => GIVEN_NAMES_ALONE.test(line));
    const [first, second] = family > 0 ? [family, FAMILY_NAME_ALONE] : [given, GIVEN_NAMES_ALONE];
    const other = second === FAMILY_NAME_ALONE ? GIVEN_NAMES_ALONE : FAMILY_NAME_ALONE;
    const after = first > 0 ? runOf(i + first, (line) => other.test(line)) : 0;
    if (first > 0 && after === first) {
      for (let k = 0; k < first; k++) joined.push(`${lines[i + k]} ${lines[i + first + k]}`);
      i += 2 * first;
    } else if (first > 0 && after > 0) {
      // Unequal runs: only the cells that touch are one member (the last of the first run, the first of the next).
      joined.push(...lines.slice(i, i + first - 1), `${lines[i + first - 1]} ${lines[i + first]}`);
      i += first + 1;
    } else {
      joined.push(lines[i]!);
      i++;
    }
  }
  return joined;
}

/** A family name alone on a line, in capitals (« LEFORT-DUVAL »). */
const FAMILY_NAME_ALONE = latin('u')`^\p{Lu}[\p{Lu}'’ -]*\p{Lu}$`;
/** Given names alone on a line, capitalised (« Christine », « Jean-Victor »). */
const GIVEN_NAMES_ALONE = latin('u')`^\p{Lu}\p{Ll}[\p{L}'’]*(?:[- ]\p{Lu}\p{Ll}[\p{L}'’]*)*$`;

/**
 * Rejoins a « NOM Prénom » member wrapped in a narrow roster column: a family name alone in
 * capitals and, on the next line, given names alone (« LEFORT-DUVAL » / « Amandine »).
 * @param lines A block's lines.
 * @returns The lines, such pairs joined by a space.
 */
export function joinWrappedNames(lines: readonly string[]): string[] {
  const joined: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const next = lines[i + 1];
    if (next !== undefined && FAMILY_NAME_ALONE.test(lines[i]!) && GIVEN_NAMES_ALONE.test(next)) {
      joined.push(`${lines[i]} ${next}`);
      i++;
    } else joined.push(lines[i]!);
  }
  return joined;
}

/**
 * Projects the sommaire lists but the body does not confirm: kept with the sommaire's title lines
 * as their only blocks (title, organisation and page as announced), and reported.
 */
function sommaireOnlyProjects(entries: readonly SommaireEntry[], starts: readonly { numero: number }[], diagnostics: Diagnostic[]): ProjectBlock[] {
  const found = new Set(starts.map((start) => start.numero));
  return entries
    .filter((entry) => !found.has(entry.numero))
    .map((entry) => {
      diagnostics.push({
        code: 'PROJECT_START_NOT_FOUND',
        severity: 'error',
        projet: entry.numero,
        message: `Projet ${String(entry.numero).padStart(2, '0')} : le début du projet (numéro et titre « ${entry.texte} ») n’a pas été retrouvé dans le corps ; titre, collectivité et page sont ceux du sommaire, les auteurs, tuteurs et rubriques manquent.`,
      });
      const lineBlocks: Block[] = entry.lines.map((line) => ({ kind: 'paragraph', text: line.text, lines: [line], page: null }));
      const heading: Block = { kind: 'paragraph', text: String(entry.numero).padStart(2, '0'), lines: [{ text: String(entry.numero).padStart(2, '0'), bold: null, size: null }], page: null };
      return { numero: entry.numero, section: entry.section, heading, blocks: lineBlocks, fromSommaireOnly: true, startEvidence: ['sommaire-entry', 'sommaire-only'] };
    });
}

/** Whether any block prints an e-mail of the family's domains. */
function hasFamilyEmail(blocks: readonly Block[], vocabulary: Vocabulary): boolean {
  const domains = vocabulary.emailDomains.map((entry) => `@${entry.domain}`);
  return blocks.some((block) => block.text.includes('@') && domains.some((domain) => block.text.toLowerCase().includes(domain)));
}

function uniqueInOrder(values: readonly string[]): string[] {
  return [...new Set(values.filter((value) => value !== ''))];
}
