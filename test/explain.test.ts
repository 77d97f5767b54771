/**
 * `extract --explain`: the design learnt from the document's repetition, and the rule ids the
 * stages record for each start, rubrique cut, move and author pairing.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAuthorCards } from '../src/parse/people.js';
import { splitRubriques } from '../src/parse/rubriques.js';
import { DEFAULT_VOCABULARY } from '../src/profile.js';
import { learnDesign, type ExplainInput } from '../src/report/explain.js';
import type { Block, ParsedProject, ProjectBlock, SommaireEntry } from '../src/types.js';
import { cli, root } from './helpers/cli.js';

const pdfInput = join(root, 'fixtures/inet-2019/input.pdf');

/** A one-line block set at `size` times the body, bold or not. */
const set = (text: string, size: number | null, bold: boolean | null, page: number | null = 1): Block => ({ kind: 'paragraph', text, lines: [{ text, bold, size }], page });
/** Converter-text blocks (no size, no weight), one line per `\n`. */
const block = (text: string): Block => ({ kind: 'paragraph', text: text.replace(/\n/g, ' '), lines: text.split('\n').map((line) => ({ text: line, bold: null, size: null })), page: null });

describe('the learnt design', () => {
  // Three projects set with one template: a kicker line, the title, the organisation, a heading, a
  // big key figure. Only the title is printed again in the sommaire.
  const titles = ['DES TIERS-LIEUX POUR LA VILLE', 'UN PLAN POUR LES MOBILITÉS DOUCES', 'LA DONNÉE AU SERVICE DES HABITANTS'];
  const sizes = [2.0, 2.05, 1.95];
  const projects: ProjectBlock[] = titles.map((title, k) => ({
    numero: k + 1,
    section: '',
    heading: set(String(k + 1).padStart(2, '0'), 6, true, 5 + 4 * k),
    blocks: [
      set('Une commande de la ville', 1.2, false, 5 + 4 * k),
      set(title, sizes[k]!, true, 5 + 4 * k),
      set('Ville de Quelque Part', 1.1, false, 5 + 4 * k),
      set('CONTEXTE', 1, true, 5 + 4 * k),
      set('Le texte du contexte, qui dit ce que fut la commande.', 1, false, 5 + 4 * k),
      set('150 000', 3, true, 6 + 4 * k),
    ],
  }));
  const sommaire: SommaireEntry[] = titles.map((title, k) => ({ numero: k + 1, section: '', texte: `${title} Ville de Quelque Part`, lines: [], page: 5 + 4 * k }));
  const input: ExplainInput = {
    extracted: { format: 'pdf', pageCount: 20, blocks: projects.flatMap((project) => [project.heading, ...project.blocks]), diagnostics: [] },
    segmented: { cover: [], sommaire, sections: [], colophon: [], sectionHeadings: [], projects, rosters: [], diagnostics: [] },
    parsed: [] as ParsedProject[],
  };
  const design = learnDesign(input, DEFAULT_VOCABULARY);
  const role = (id: string) => design.roles.find((r) => r.role === id)!;

  it('takes the title style from the titles printed twice (sommaire and page), not from the first or the largest block', () => {
    expect(role('project-title').style).toEqual({ size: 'display', ratio: 2.0, weight: 'bold', case: 'capitals' });
    expect(role('project-title').support).toEqual({ agree: 3, of: 3 });
    expect(role('project-title').position).toBe("block 2 after the number, on the number's page");
  });

  it('takes the heading style from the headings the profile knows', () => {
    expect(role('rubrique-heading').style).toMatchObject({ size: 'body', weight: 'bold', case: 'capitals' });
    expect(role('project-number').style).toMatchObject({ size: 'display', weight: 'bold' });
  });
});

describe('rule ids recorded for --explain', () => {
  it('records the rule of each rubrique cut, the heading pass that made a heading, and each move', () => {
    const team = block('Lisa MARCHETTI\nlisa.marchetti@administrateur-inet.org');
    const split = splitRubriques([block('CONTEXTE'), block('Le texte du contexte.'), block('PROBLÉMATIQUE Comment organiser la suite ?'), team], DEFAULT_VOCABULARY, { projet: 1 });
    expect(split.cuts.map((cut) => [cut.rubrique, cut.rule, cut.pass ?? null])).toEqual([
      ['contexte', 'known-heading', null],
      ['problematique', 'known-heading', 'split-run-in-heading'],
      ['auteurs', 'team-to-authors', null],
    ]);
    expect(split.cuts[2]!.text).toBe('Lisa MARCHETTI lisa.marchetti@administrateur-inet.org');
  });

  it('says which rule paired each author with an e-mail', () => {
    const rules = (...blocks: Block[]) => readAuthorCards(blocks).pairings.map((pairing) => [pairing.name, pairing.rule]);
    expect(rules(block('MARCHETTI Lisa  lisa.marchetti@administrateur-inet.org'), block('Théo VIGNAL\ntheo.vignal@ingenieurchef-inet.org'))).toEqual([
      ['MARCHETTI Lisa', 'reading-order'],
      ['Théo VIGNAL', 'reading-order'],
    ]);
    expect(rules(block('DELAHAYE Quentin\nNGUYEN Thu-Hà\nquentin.delahaye@administrateur-inet.org\nthuha.nguyen@ingenieurchef-inet.org'))).toEqual([
      ['DELAHAYE Quentin', 'columns'],
      ['NGUYEN Thu-Hà', 'columns'],
    ]);
  });
});

describe('extract --explain on the 2019 PDF', () => {
  it('prints the learnt design after the summary line and still writes the document', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'be-')), 'doc.json');
    const run = await cli(['extract', pdfInput, '--out', out, '--explain']);
    expect(run.code).toBe(0);
    expect(existsSync(out)).toBe(true);
    expect(run.stdout).toMatch(/doc\.json: 22 projects, 87 authors/);
    expect(run.stdout).toMatch(/Learned design \(22 projects/);
    expect(run.stdout).toMatch(/project-title +display ×[\d.]+, bold, capitals; first block after the number, on the number's page \(22\/22\)/);
    expect(run.stdout).toMatch(/rubrique-heading +body ×1\.00, bold, capitals/);
    for (const id of ['project-number', 'team', 'key-figure', 'section-title']) expect(run.stdout).toMatch(new RegExp(`^  ${id} `, 'm'));
    expect(run.stdout).not.toMatch(/^Project /m);
  });

  it('prints, for one project, its start evidence, rubrique cuts and author pairings (on stderr with --out -)', async () => {
    const run = await cli(['extract', '--explain', '07', pdfInput, '--out', '-']);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).projets).toHaveLength(22);
    const project = run.stderr.slice(run.stderr.indexOf('Project 07'));
    expect(project).toMatch(/^Project 07 « .+ » \(pages \d+–\d+\):\n  start: « 07 » on p\. \d+; the sommaire announces p\. \d+\n    set: display, bold, no letters; shapes: project number 7\b.*\n(    - .+\n)+  rubrique cuts/);
    expect(project).toMatch(/^    - authors-heading: the authors' heading follows the number$/m);
    expect(project).toMatch(/  rubrique cuts and moves:\n(    - p\. \d+ known-heading -> \w+: « .+ »\n)+/);
    expect(project).toMatch(/-> contexte: « CONTEXTE »/);
    expect(project).toMatch(/  author pairings:\n(    - .+ <-> \S+@\S+ \([a-z-]+\)\n){2,}/);
  });

  it('refuses a project the document does not have, and a number that is not one', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'be-')), 'doc.json');
    expect((await cli(['extract', pdfInput, '--out', out, '--explain=99'])).code).toBe(64);
    expect((await cli(['extract', pdfInput, '--out', out, '--explain=x'])).code).toBe(64);
  });
});
