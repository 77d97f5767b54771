/**
 * `extract --explain`: what the run learnt of the document's design and why it decided as it did.
 *
 * The design is learnt from the document's own repetition. Twenty-odd projects are set with one
 * template, so each role is anchored by evidence that does not depend on style (a title printed
 * twice, in the sommaire and on the project's page; a heading whose words the profile knows; a line
 * holding a family e-mail; a figure the parse stage read; a section title the sommaire lists), and
 * the style that recurs across the projects' anchors (size relative to the body, weight, case,
 * place) is the role's style. Today the rules do not read these styles back: the report shows
 * what a reader of the document can rely on, next to the rules that decided.
 *
 * For one project (`--explain 07`), the report lists the evidence that confirmed its start, each
 * rubrique cut and each move with the id of the rule or pass that made it, and each author pairing.
 */
import { featuresOf } from '../features.js';
import { foldedLetters, type Vocabulary } from '../profile.js';
import type { Block, BlockFeatures, ExtractedDocument, ParsedProject, ProjectBlock, SegmentedDocument, TextLine } from '../types.js';
import { DISPLAY_SIZE, LARGER_THAN_BODY, SMALLER_THAN_BODY } from '../typography.js';
import { hasLowerCase, latin } from '../alphabet.js';

/** Letters a block must share with a sommaire title to be that title printed again (shorter runs match by chance). */
const TITLE_MIN_LETTERS = 8;

/** Blocks after the number where a project's title may be printed (number, label, title, organisation). */
const TITLE_LOOKAHEAD = 6;

/** Blocks a page may hold and still be a section's divider (its title, a running header, a line of text). */
const DIVIDER_MAX_BLOCKS = 3;

/** Examples of each role's anchors the report quotes. */
const EXAMPLES = 2;

/** How a block's lines are set: size class relative to the body, weight and case. */
export interface StyleOf {
  /** `display` (≥ 1.5 × body), `larger`, `body`, `smaller`, or `unknown` (converter text). */
  readonly size: 'display' | 'larger' | 'body' | 'smaller' | 'unknown';
  /** Median size of the lines relative to the body, `null` when unknown. */
  readonly ratio: number | null;
  readonly weight: 'bold' | 'regular' | 'mixed' | 'unknown';
  readonly case: 'capitals' | 'sentence' | 'lower' | 'none';
}

/** One role of the design, as learnt. */
export interface LearnedRole {
  /** `project-number`, `project-title`, `rubrique-heading`, `team`, `key-figure`, `section-title`. */
  readonly role: string;
  /** What anchors the role, whatever its style. */
  readonly evidence: string;
  /** The style most of the units (projects, sections) share; `null` when the role was never anchored. */
  readonly style: StyleOf | null;
  /** Where the anchors stand (in the project, on the page). */
  readonly position: string;
  /** Units whose anchors include that style, and units looked at. */
  readonly support: { readonly agree: number; readonly of: number };
  /** Anchors' texts, shortened. */
  readonly examples: readonly string[];
}

/** The design learnt from a document. */
export interface LearnedDesign {
  readonly format: 'pdf' | 'text';
  /** Projects whose start the body confirmed (the units the roles are learnt from). */
  readonly projects: number;
  readonly roles: readonly LearnedRole[];
}

/** The stages' outputs the report reads. */
export interface ExplainInput {
  readonly extracted: ExtractedDocument;
  readonly segmented: SegmentedDocument;
  readonly parsed: readonly ParsedProject[];
}

/**
 * The style of some lines.
 * @param lines Printed lines (at least one).
 * @returns Size class, median ratio, weight and case.
 */
export function styleOf(lines: readonly TextLine[]): StyleOf {
  const sizes = lines.map((line) => line.size).filter((size): size is number => size !== null).sort((a, b) => a - b);
  const ratio = sizes.length === 0 ? null : sizes[Math.floor(sizes.length / 2)]!;
  const size = ratio === null ? 'unknown' : ratio >= DISPLAY_SIZE ? 'display' : ratio >= LARGER_THAN_BODY ? 'larger' : ratio <= SMALLER_THAN_BODY ? 'smaller' : 'body';
  const weights = new Set(lines.map((line) => line.bold));
  const weight = weights.has(null) ? 'unknown' : weights.size > 1 ? 'mixed' : weights.has(true) ? 'bold' : 'regular';
  const text = lines.map((line) => line.text).join(' ');
  const letters = text.replace(latin('gu')`[^\p{L}]`, '');
  const kase = letters === '' ? 'none' : !hasLowerCase(letters) ? 'capitals' : latin('u')`^\P{L}*\p{Lu}`.test(text) ? 'sentence' : 'lower';
  return { size, ratio, weight, case: kase };
}

/** The part of a style that must recur: the ratio varies by a hair from project to project. */
function styleKey(style: StyleOf): string {
  return `${style.size}|${style.weight}|${style.case}`;
}

/**
 * Learns each role's style from the anchors of every unit (project or section): the style that the
 * most units show among their anchors wins; its ratio is the median of those anchors'.
 * @param role The role's id.
 * @param evidence What anchors it.
 * @param units Each unit's anchors (lines of one anchor each) and where they stand.
 * @returns The role as learnt.
 */
function learnRole(role: string, evidence: string, units: readonly { anchors: readonly (readonly TextLine[])[]; position?: string }[]): LearnedRole {
  const counts = new Map<string, { units: number; styles: StyleOf[]; texts: string[]; positions: string[] }>();
  for (const unit of units) {
    const seen = new Set<string>();
    for (const anchor of unit.anchors) {
      const style = styleOf(anchor);
      const key = styleKey(style);
      const entry = counts.get(key) ?? { units: 0, styles: [], texts: [], positions: [] };
      entry.styles.push(style);
      entry.texts.push(anchor.map((line) => line.text.trim()).join(' '));
      if (!seen.has(key)) {
        entry.units++;
        if (unit.position) entry.positions.push(unit.position);
      }
      seen.add(key);
      counts.set(key, entry);
    }
  }
  const best = [...counts.values()].sort((a, b) => b.units - a.units)[0];
  const of = units.length;
  if (!best) return { role, evidence, style: null, position: '-', support: { agree: 0, of }, examples: [] };
  const ratios = best.styles.map((style) => style.ratio).filter((ratio): ratio is number => ratio !== null).sort((a, b) => a - b);
  const style = { ...best.styles[0]!, ratio: ratios.length === 0 ? null : ratios[Math.floor(ratios.length / 2)]! };
  return { role, evidence, style, position: mostCommon(best.positions) ?? '-', support: { agree: best.units, of }, examples: uniqueShort(best.texts) };
}

/**
 * Learns the document's design from its repetition (see the module's comment).
 * @param input The stages' outputs.
 * @param vocabulary The family's words (rubrique headings, e-mail domains).
 * @returns One learnt role per kind of structure.
 */
export function learnDesign(input: ExplainInput, vocabulary: Vocabulary): LearnedDesign {
  const { extracted, segmented, parsed } = input;
  const projects = segmented.projects.filter((project) => !project.fromSommaireOnly);
  const entries = new Map(segmented.sommaire.map((entry) => [entry.numero, entry]));
  const parsedOf = new Map(parsed.map((project) => [project.numero, project]));
  const place = (project: ProjectBlock, block: Block): string => {
    const index = project.blocks.indexOf(block);
    const page = pageOf(project, block);
    return `${index === 0 ? 'first block after the number' : `block ${index + 1} after the number`}${page === '' ? '' : `, ${page}`}`;
  };
  const roles: LearnedRole[] = [];
  roles.push(learnRole('project-number', 'the block that opens each confirmed project', projects.map((project) => ({
    anchors: [project.heading.lines.slice(0, 1)],
    position: 'opens the project',
  }))));
  roles.push(learnRole('project-title', 'printed twice: in the sommaire and under the number', projects.map((project) => {
    const entry = entries.get(project.numero);
    const title = entry ? foldedLetters(entry.texte) : '';
    const anchors = title.length < TITLE_MIN_LETTERS ? [] : project.blocks.slice(0, TITLE_LOOKAHEAD).filter((block) => {
      const printed = foldedLetters(block.text);
      return printed.length >= TITLE_MIN_LETTERS && (title.startsWith(printed) || printed.startsWith(title.slice(0, 2 * TITLE_MIN_LETTERS)));
    });
    return { anchors: anchors.map((block) => block.lines), ...(anchors[0] ? { position: place(project, anchors[0]) } : {}) };
  })));
  roles.push(learnRole('rubrique-heading', "a line whose words the profile knows (« CONTEXTE », « LES AUTEURS »…)", projects.map((project) => {
    const headings = project.blocks.filter((block) => block.kind === 'paragraph' && block.text.length <= 60 && vocabulary.rubriqueOf(block.text) !== null);
    return { anchors: headings.map((block) => block.lines), position: `${headings.length} per project` };
  })));
  const domains = vocabulary.emailDomains.map((entry) => `@${entry.domain}`);
  roles.push(learnRole('team', "a line holding an e-mail of the family's domains", projects.map((project) => {
    const lines = project.blocks.flatMap((block) => block.lines).filter((line) => domains.some((domain) => line.text.toLowerCase().includes(domain)));
    const rules = (parsedOf.get(project.numero)?.pairings ?? []).map((pairing) => pairing.rule);
    return { anchors: lines.map((line) => [line]), ...(rules.length > 0 ? { position: `names paired by ${mostCommon(rules)}` } : {}) };
  })));
  roles.push(learnRole('key-figure', 'a figure the parse stage read under the key figures', projects.map((project) => {
    const values = new Set((parsedOf.get(project.numero)?.chiffres ?? []).map((figure) => figure.valeur.trim()));
    const lines = project.blocks.flatMap((block) => block.lines).filter((line) => values.has(line.text.trim()) || (line.boldLead !== undefined && values.has(line.boldLead.trim())));
    const first = project.blocks.find((block) => block.lines.some((line) => lines.includes(line)));
    return { anchors: lines.map((line) => [line]), ...(first ? { position: pageOf(project, first) } : {}) };
  }).filter((unit) => unit.anchors.length > 0)));
  const sectionTitles = new Set(segmented.sectionHeadings.map((heading) => `${heading.page}|${heading.texte}`));
  const sectionBlocks = extracted.blocks.filter((block) => sectionTitles.has(`${block.page}|${block.text}`));
  roles.push(learnRole('section-title', 'a section the sommaire lists, printed in the body', segmented.sections.map((section) => {
    const key = foldedLetters(section.titre);
    const printed = sectionBlocks.filter((block) => foldedLetters(block.text) === key);
    const alone = printed[0] !== undefined && extracted.blocks.filter((block) => block.page === printed[0]!.page).length <= DIVIDER_MAX_BLOCKS;
    return { anchors: printed.map((block) => block.lines), ...(printed[0] && printed[0].page !== null ? { position: alone ? 'on a page of its own (a divider)' : 'on a page with other text' } : {}) };
  })));
  return { format: extracted.format, projects: projects.length, roles };
}

/**
 * The learnt design as text, one role per line.
 * @param design What `learnDesign` returned.
 * @returns Lines ending with a newline.
 */
export function renderDesign(design: LearnedDesign): string {
  const out = [`Learned design (${design.projects} projects confirmed in the body; sizes relative to the body text${design.format === 'text' ? ', unknown in converter text' : ''}):`];
  for (const role of design.roles) {
    const style = role.style === null ? 'not found' : describeStyle(role.style);
    out.push(`  ${role.role.padEnd(17)} ${style}; ${role.position} (${role.support.agree}/${role.support.of})`);
    out.push(`  ${''.padEnd(17)} from: ${role.evidence}${role.examples.length > 0 ? `; e.g. ${role.examples.map((text) => `« ${text} »`).join(', ')}` : ''}`);
  }
  return `${out.join('\n')}\n`;
}

/** « display ×2.40, bold, capitals ». */
function describeStyle(style: StyleOf): string {
  const size = style.ratio === null ? 'size unknown' : `${style.size} ×${style.ratio.toFixed(2)}`;
  const weight = style.weight === 'unknown' ? 'weight unknown' : style.weight;
  return `${size}, ${weight}, ${style.case === 'none' ? 'no letters' : style.case}`;
}

/** « display, bold, upper case, 2.30 line heights of white before; shapes: project number 7 » (the block's features). */
function describeFeatures(features: BlockFeatures): string {
  const set = [features.size ?? 'size unknown', features.weight ?? 'weight unknown', features.case === null ? 'no letters' : `${features.case} case`];
  const gap = features.gapBefore === null ? '' : `, ${features.gapBefore.toFixed(2)} line heights of white before`;
  const shapes = [
    features.projectNumber === null ? '' : `project number ${features.projectNumber}`,
    features.familyEmail ? 'family e-mail' : '',
    features.personName ? 'name' : '',
    features.figure ? 'figure' : '',
    features.dotLeader ? 'dot leader' : '',
    features.url ? 'web address' : '',
  ].filter((shape) => shape !== '');
  return `${set.join(', ')}${gap}${shapes.length > 0 ? `; shapes: ${shapes.join(', ')}` : ''}`;
}

/** What each start rule id of `src/segment/starts.ts` says (an id not listed is printed alone). */
const START_RULES: Readonly<Record<string, string>> = {
  'sommaire-entry': 'the sommaire lists this number',
  'labelled-number': 'the number is printed with a project label (« PROJET 07 »)',
  'display-number': 'the number is set in display type',
  'authors-heading': "the authors' heading follows the number",
  'sommaire-title': "the sommaire entry's title is printed after the number",
  'announced-page': 'the number is on the page the sommaire announces',
  'family-emails': "e-mails of the family's domains follow (a team)",
  'title-only': "no confirmed number: the sommaire's title, printed in the body, opens the project",
  'not-in-sommaire': 'the sommaire does not list this number: kept because the body confirms it',
  'next-in-sequence': "the number goes on from the last project's (the sommaire stops before it)",
  'sommaire-only': 'the body never confirmed it: title, organisation and page come from the sommaire',
};

/**
 * What decided one project: its start, each rubrique cut and move, each author pairing.
 * @param input The stages' outputs.
 * @param numero The project's number.
 * @returns The text, or `null` when the document has no such project.
 */
export function explainProject(input: ExplainInput, numero: number, vocabulary?: Vocabulary): string | null {
  const project = input.segmented.projects.find((candidate) => candidate.numero === numero);
  if (!project) return null;
  const parsed = input.parsed.find((candidate) => candidate.numero === numero);
  const pad = String(numero).padStart(2, '0');
  const pages = parsed?.pages ? ` (pages ${parsed.pages.debut}–${parsed.pages.fin})` : '';
  const entry = input.segmented.sommaire.find((candidate) => candidate.numero === numero);
  const where = `${project.heading.page !== null ? ` on p. ${project.heading.page}` : ''}${entry?.page != null ? `; the sommaire announces p. ${entry.page}` : ''}`;
  const out = [`Project ${pad}${parsed ? ` « ${shorten(parsed.titre)} »` : ''}${pages}:`, `  start: « ${shorten(project.heading.text)} »${where}`];
  if (vocabulary) out.push(`    set: ${describeFeatures(featuresOf(project.heading, vocabulary))}`);
  for (const rule of project.startEvidence ?? []) out.push(`    - ${rule}${START_RULES[rule] ? `: ${START_RULES[rule]}` : ''}`);
  if (!parsed) {
    out.push('  (not parsed: see its PROJECT_UNPARSED diagnostic)');
    return `${out.join('\n')}\n`;
  }
  out.push('  rubrique cuts and moves:');
  for (const cut of parsed.rubriqueCuts ?? []) {
    const page = cut.page === null ? '' : `p. ${cut.page} `;
    out.push(`    - ${page}${cut.rule}${cut.pass ? ` (heading made by ${cut.pass})` : ''} -> ${cut.rubrique}: « ${cut.text} »`);
  }
  out.push('  author pairings:');
  for (const pairing of parsed.pairings ?? []) out.push(`    - ${pairing.name} <-> ${pairing.email} (${pairing.rule})`);
  if ((parsed.pairings ?? []).length === 0) out.push('    (none)');
  return `${out.join('\n')}\n`;
}

/**
 * The whole report: the learnt design, then each project asked for.
 * @param input The stages' outputs.
 * @param vocabulary The family's words.
 * @param numero A project's number, or `null` for the design alone.
 * @returns The text, or `null` when the document has no project `numero`.
 */
export function renderExplanation(input: ExplainInput, vocabulary: Vocabulary, numero: number | null): string | null {
  const design = renderDesign(learnDesign(input, vocabulary));
  if (numero === null) return design;
  const project = explainProject(input, numero, vocabulary);
  return project === null ? null : `${design}\n${project}`;
}

/** Whether a block is on its project's first page (`''` when pages are unknown). */
function pageOf(project: ProjectBlock, block: Block): string {
  if (block.page === null || project.heading.page === null) return '';
  return block.page === project.heading.page ? "on the number's page" : 'on a later page';
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
}

function uniqueShort(texts: readonly string[]): string[] {
  return [...new Set(texts.map(shorten))].slice(0, EXAMPLES);
}

/** What the report quotes of a text. */
const QUOTE_MAX = 40;

function shorten(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > QUOTE_MAX ? `${clean.slice(0, QUOTE_MAX)}…` : clean;
}
