/**
 * Structural rules found on a design written by hand outside the generator (issue 8): each is
 * tested on a few invented lines or runs, so that it can fail on its own.
 */
import { describe, expect, it } from 'vitest';
import { pageFragments } from '../src/extract/fragments.js';
import { leafBlocks, withinTextColumn } from '../src/extract/blocks.js';
import { dropRunningText } from '../src/extract/running-text.js';
import type { Leaf } from '../src/extract/xycut.js';
import { coverPromotionNames } from '../src/normalise/index.js';
import { parseAuthorCards, withoutHeaderRow } from '../src/parse/people.js';
import { headsFigures, splitRubriques } from '../src/parse/rubriques.js';
import { DEFAULT_VOCABULARY, SHIPPED_PROFILE, compileProfile } from '../src/profile.js';
import { findTaggedRoster, segmentDocument, taggedMember } from '../src/segment/index.js';
import { readSommaire } from '../src/segment/sommaire.js';
import type { Block, PdfPage, PdfTextRun, TextLine } from '../src/types.js';

/** A block of lines, each line `text` or `[text, size, bold]` (size relative to the body). */
function block(lines: readonly (string | readonly [string, number, boolean])[], page: number | null = 1): Block {
  const printed: TextLine[] = lines.map((line) => (typeof line === 'string' ? { text: line, bold: false, size: 1 } : { text: line[0], size: line[1], bold: line[2] }));
  return { kind: 'paragraph', text: printed.map((line) => line.text).join(' '), lines: printed, page };
}

const body = (text: string, page = 1): Block => block([[text, 1, false]], page);
const where = { projet: 7 };

function run(text: string, x: number, y: number, size: number, fontName: string, bold = false): PdfTextRun {
  return { text, x, y, width: text.length * size * 0.5, fontSize: size, bold, fontName };
}

function page(number: number, runs: PdfTextRun[]): PdfPage {
  return { number, width: 595, height: 842, runs, skippedRuns: 0 };
}

describe('fragments', () => {
  it('cuts a line where both the font and the size change across a gap of 0.8 em (a sans heading beside a serif pull-quote)', () => {
    // The quote ends at 125; 12 points is more than 0.8 em and less than the 1.5 em of a column's gutter.
    const runs = [run('« Un regard neuf', 45, 163, 10, 'DejaVuSerif-Italic'), run('1. Contexte', 137, 163.5, 11, 'DejaVuSans')];
    expect(pageFragments(page(1, runs)).map((fragment) => fragment.text)).toEqual(['« Un regard neuf', '1. Contexte']);
    // The same gap in one font and size is a word space of justified text.
    const same = [run('« Un regard neuf', 45, 163, 10, 'DejaVuSerif-Italic'), run('et complet', 137, 163, 10, 'DejaVuSerif-Italic')];
    expect(pageFragments(page(1, same))).toHaveLength(1);
  });

  it('cuts a number in display type from the title beside it, same weight and font', () => {
    const runs = [run('7', 68, 110, 38, 'DejaVuSans-Bold', true), run('MÉTROPOLE AUDACIEUSE', 135, 110, 14, 'DejaVuSans-Bold', true)];
    expect(pageFragments(page(1, runs)).map((fragment) => fragment.text)).toEqual(['7', 'MÉTROPOLE AUDACIEUSE']);
  });
});

describe('running text', () => {
  const settings = { minRepeats: 3, marginBand: 0.1 };
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

describe('a band of a text column', () => {
  const metrics = { bodySize: 9.5, leadingRatio: 1.4 };
  const fragment = (text: string, x0: number, x1: number, y: number, size = 9.5) => ({ page: 1, text, x0, x1, y, top: y - 0.75 * size, bottom: y + 0.25 * size, size, bold: false, boldLead: '', chars: text.length });
  const leafOf = (fragments: ReturnType<typeof fragment>[], gutter = false): Leaf => {
    const colX0 = Math.min(...fragments.map((f) => f.x0));
    const colX1 = Math.max(...fragments.map((f) => f.x1));
    return { fragments, colX0, colX1, column: { colX0, colX1, gutter } };
  };
  it('measures a list cut off as a band against the text column above it', () => {
    const text = leafOf([fragment('Une ligne de texte courant qui va jusqu’au bord', 172.6, 549.7, 300)]);
    const items = [fragment('Office de l’eau de la région :', 186.7, 330.6, 340), fragment('Services de l’eau', 186.7, 260, 353)];
    const list = leafOf(items);
    const band = leafOf([fragment('4. Pour aller plus loin', 172.6, 288, 325, 11), ...items]);
    expect(withinTextColumn(band, [text, band], metrics).colX1).toBe(549.7);
    // A column of the page's grid keeps its own edges; so does a band alone on its left edge.
    const gridColumn = { ...band, column: { ...band.column, gutter: true } };
    expect(withinTextColumn(gridColumn, [text, gridColumn], metrics).colX1).toBe(330.6);
    expect(withinTextColumn(list, [text, list], metrics).colX1).toBe(330.6);
  });

  it('reads a list line ending on a comma, the next word too long for the rest of the line, as wrapped, not as the item’s end', () => {
    const lines = [fragment('Publications de l’AFIGESE', 186.7, 314.4, 670), fragment('Partages d’expérience au sein du réseau informel des Contrôleurs,', 186.7, 508.1, 683.5), fragment('Inspecteurs et Auditeurs Territoriaux (CIAT)', 186.7, 400.6, 697)];
    const leaf: Leaf = { fragments: lines, colX0: 172.6, colX1: 549.7, column: { colX0: 172.6, colX1: 549.7 } };
    expect(leafBlocks(leaf, metrics).map((draft) => draft.lines.length)).toEqual([1, 2]);
    // Ending on a capitalised word without a comma (a list of names), the short line ends its item.
    const names = [lines[0]!, fragment('Partages d’expérience au sein du réseau informel des Contrôleurs', 186.7, 505, 683.5), lines[2]!];
    expect(leafBlocks({ ...leaf, fragments: names }, metrics).map((draft) => draft.lines.length)).toEqual([1, 1, 1]);
  });
});

describe('sommaire', () => {
  it('reads « page 5 » alone on the entry’s last line as its page', () => {
    const blocks = [block([['1', 1.05, true]]), block([['UN TITRE DE PROJET', 0.9, true], ['VILLE DE LORVAL', 0.9, false], ['page 5', 0.9, false]]), block([['2', 1.05, true]]), block([['UN AUTRE TITRE', 0.9, true], ['VILLE DE BRIANCE', 0.9, false], ['page 9', 0.9, false]])];
    const { entries } = readSommaire(blocks, 0, DEFAULT_VOCABULARY);
    expect(entries.map((entry) => [entry.numero, entry.page, entry.texte])).toEqual([
      [1, 5, 'UN TITRE DE PROJET VILLE DE LORVAL'],
      [2, 9, 'UN AUTRE TITRE VILLE DE BRIANCE'],
    ]);
  });
});

describe('team table header row', () => {
  const row = (name: string, email: string): Block => block([name, email]);
  it('drops the cells above the first row that prints a name and an e-mail, whatever their words', () => {
    const blocks = [body('Élève'), body('Courriel'), row('Lisa MARCHETTI', 'lisa.marchetti@administrateur-inet.org'), row('Théo VIGNAL', 'theo.vignal@administrateur-inet.org')];
    expect(withoutHeaderRow(blocks)).toEqual(blocks.slice(2));
    expect(parseAuthorCards(blocks).map((card) => card.name)).toEqual(['Lisa MARCHETTI', 'Théo VIGNAL']);
  });

  it('keeps a name cell printed apart (its words are in the e-mail) and a first author without e-mail', () => {
    const split = [body('Lisa'), row('MARCHETTI', 'lisa.marchetti@administrateur-inet.org')];
    expect(withoutHeaderRow(split)).toEqual(split);
    const noEmail = [body('Paul DURAND'), row('Lisa MARCHETTI', 'lisa.marchetti@administrateur-inet.org')];
    expect(withoutHeaderRow(noEmail)).toEqual(noEmail);
  });
});

describe('one roster for all promotions', () => {
  const lines = ['Yasmine AMRANI (Rosa Bonheur)', 'Inès BRUNEAU (Nikola Tesla)', 'Quentin DELAHAYE (Rosa Bonheur)', 'Arnaud KESSLER (Nikola Tesla)', 'Lisa MARCHETTI (Rosa Bonheur)', 'Kévin OYONO (Nikola Tesla)', 'Léna SCHNEIDER (Rosa Bonheur)', 'Théo VIGNAL (Nikola Tesla)'];

  it('reads a member line tagged with its promotion', () => {
    expect(taggedMember('Yasmine AMRANI (Rosa Bonheur)')).toEqual({ name: 'Yasmine AMRANI', promotion: 'Rosa Bonheur' });
    expect(taggedMember('Rapport annuel (2019)')).toBeNull();
  });

  it('finds the run with its heading set larger, and not a short team listed with its corps', () => {
    const blocks = [body('Un paragraphe du dernier projet.'), block([['Les élèves des promotions', 1.9, false]]), ...lines.map((line) => block([[line, 0.95, false]]))];
    expect(findTaggedRoster(blocks, 0)).toEqual({ start: 1, firstLine: 2 });
    const team = ['Lisa MARCHETTI (administratrice)', 'Théo VIGNAL (administrateur)', 'Kévin OYONO (ingénieur)'].map((line) => block([[line, 0.95, false]]));
    expect(findTaggedRoster(team, 0)).toBeNull();
  });

  it('groups the members by the promotion in parentheses', () => {
    // A family e-mail somewhere says the document is a brochure.
    const blocks = [body('lisa.marchetti@administrateur-inet.org'), block([['Les élèves des promotions', 1.9, false]]), ...lines.map((line) => block([[line, 0.95, false]]))];
    const { rosters } = segmentDocument({ format: 'pdf', pageCount: 1, blocks, diagnostics: [] });
    expect(rosters.map((roster) => [roster.heading, roster.lines.length])).toEqual([
      ['Rosa Bonheur', 4],
      ['Nikola Tesla', 4],
    ]);
    expect(rosters[0]!.lines[0]).toBe('Yasmine AMRANI');
  });

  it('reads the cover’s promotion names set apart by a middle dot', () => {
    expect(coverPromotionNames([body('DES PROMOTIONS'), body('Rosa Bonheur · Nikola Tesla · Hubertine Auclert')])).toEqual(['Rosa Bonheur', 'Nikola Tesla', 'Hubertine Auclert']);
  });
});

describe('rubriques of a hand-made design', () => {
  const title = block([['UN GUICHET UNIQUE', 1.47, true]]);
  const organisation = block([['DÉPARTEMENT DE LA HAUTE-VALMORE', 0.95, false]]);
  const heading = (text: string, page = 1): Block => block([[text, 1.16, false]], page);
  const prose = 'Le Département souhaitait rassembler l’offre de ses partenaires en un seul lieu pour les aidants, et la mission a construit ce guichet avec eux.';

  it('keeps the organisation line out of the rubriques, and reads the pull-quote after it as the testimony', () => {
    const blocks = [title, organisation, block([['Agnès Tisserand, directrice générale', 0.79, false]]), block([['« Une équipe à l’écoute de nos partenaires, rapide et précise. »', 1.05, false]]), heading('1. Contexte'), body(prose), heading('2. Problématique'), body(prose)];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, where);
    expect(split.headingBlocks).toEqual([title, organisation]);
    expect(split.rubriques.map((rubrique) => [rubrique.key, rubrique.blocks.length])).toEqual([
      ['temoignage', 2],
      ['contexte', 1],
      ['problematique', 1],
    ]);
  });

  it('gives the text run on under a floated box of figures back to the rubrique the box interrupted', () => {
    const figure = (value: string): Block => block([[value, 1.68, true]]);
    const label = (text: string): Block => block([[text, 0.84, false]]);
    const blocks = [title, organisation, heading('1. Contexte'), body('La mission devait accompagner l’évolution des'), block([['Repères', 1.05, false]]), figure('150 000'), label('habitants en 2030'), figure('59'), label('communes membres'), body('missions de la direction, afin de mieux piloter la politique.'), heading('2. Problématique'), body(prose)];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, where);
    const contexte = split.rubriques.find((rubrique) => rubrique.key === 'contexte')!;
    expect(contexte.blocks.map((b) => b.text)).toEqual(['La mission devait accompagner l’évolution des', 'missions de la direction, afin de mieux piloter la politique.']);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'chiffres')!.blocks).toHaveLength(4);
  });

  it('reads a short line over big numbers with their labels as the key figures, whatever its words, and reports it', () => {
    const figure = (value: string): Block => block([[value, 1.68, true]]);
    const label = (text: string): Block => block([[text, 0.84, false]]);
    expect(headsFigures(block([['Jalons', 1.05, false]]), [figure('12'), label('ateliers'), figure('3'), label('restitutions')])).toBe(true);
    // A figure's label is not a heading, nor a line over prose.
    expect(headsFigures(label('ateliers'), [figure('3'), label('restitutions'), figure('4'), label('visites')], figure('12'))).toBe(false);
    expect(headsFigures(block([['Jalons', 1.05, false]]), [body(prose)])).toBe(false);
    // Without « Repères » in the profile, the structure still says « figures ».
    const profile = structuredClone(SHIPPED_PROFILE);
    const chiffres = profile.rubriques!.chiffres!;
    chiffres.headings = (chiffres.headings ?? []).filter((word) => word !== 'REPÈRES');
    const blocks = [title, organisation, heading('1. Contexte'), body(prose), block([['Repères', 1.05, false]]), figure('12'), label('ateliers'), figure('3'), label('restitutions')];
    const split = splitRubriques(blocks, compileProfile(profile), where);
    expect(split.rubriques.map((rubrique) => rubrique.key)).toEqual(['contexte', 'chiffres']);
    expect(split.diagnostics.map((d) => [d.code, d.severity])).toEqual([['RUBRIQUE_HEADING_UNKNOWN', 'info']]);
  });

  it('gives a margin pull-quote that runs on to the next page back to the testimony', () => {
    const blocks = [title, organisation, block([['« Une équipe à l’écoute de nos partenaires, et', 1.05, false]]), heading('1. Contexte'), body(prose), block([['précise dans ses propositions. »', 1.05, false]], 2), body(prose, 2)];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, where);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'temoignage')!.blocks).toHaveLength(2);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'contexte')!.blocks).toHaveLength(2);
  });

  it('opens a box at a short bold line closing the text where the headings are regular, and reports it', () => {
    const blocks = [title, organisation, heading('1. Contexte'), body(prose), heading('3. Des clés pour agir'), body(prose), block([['Et après...', 1, true]]), body(prose), block([['Tuteur : Agnès TISSERAND, directrice', 0.84, false]])];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, where);
    expect(split.unknown.map((box) => [box.heading, box.blocks.length])).toEqual([['Et après...', 1]]);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'clesPourAgir')!.blocks).toHaveLength(1);
    expect(split.diagnostics.map((d) => d.code)).toEqual(['RUBRIQUE_HEADING_UNKNOWN']);
  });

  it('keeps an unknown heading numbered as the known ones as a rubrique of its own, over prose, and reports it', () => {
    const blocks = [title, organisation, heading('1. Contexte'), body(prose), heading('2. Problématique'), body(prose), heading('5. Les suites'), body(prose)];
    const split = splitRubriques(blocks, DEFAULT_VOCABULARY, where);
    expect(split.rubriques.find((rubrique) => rubrique.key === 'problematique')!.blocks).toHaveLength(1);
    expect(split.unknown.map((box) => box.heading)).toEqual(['5. Les suites']);
    expect(split.diagnostics.map((d) => d.code)).toEqual(['RUBRIQUE_HEADING_UNKNOWN']);
    // A numbered line set as the body is a list, not a heading.
    const list = [title, organisation, heading('1. Contexte'), body(prose), heading('2. Problématique'), body('1. Diagnostic des besoins'), body(prose)];
    expect(splitRubriques(list, DEFAULT_VOCABULARY, where).unknown).toEqual([]);
  });
});
