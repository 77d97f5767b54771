/**
 * Structural rules found on the pdfLaTeX outside design (test/designs/outside/latex.mjs): each is
 * tested on a few invented lines, so that it can fail on its own.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../src/index.js';
import { leafBlocks } from '../src/extract/blocks.js';
import { isBoldFontName } from '../src/extract/pdf.js';
import { parseFigures } from '../src/parse/chiffres.js';
import { parseTutorCards, splitNameAndRole } from '../src/parse/people.js';
import { returnRunOnAfterFigures } from '../src/parse/moves.js';
import type { Leaf } from '../src/extract/xycut.js';
import { DEFAULT_VOCABULARY } from '../src/profile.js';
import { joinWrappedNames, segmentDocument } from '../src/segment/index.js';
import { findProjectStarts } from '../src/segment/starts.js';
import { readSommaire } from '../src/segment/sommaire.js';
import type { Block, SommaireEntry, TextLine } from '../src/types.js';

/** A block of lines, each line `text` or `[text, size, bold]` (size relative to the body). */
function block(lines: readonly (string | readonly [string, number, boolean])[], page: number | null = 1): Block {
  const printed: TextLine[] = lines.map((line) => (typeof line === 'string' ? { text: line, bold: false, size: 1 } : { text: line[0], size: line[1], bold: line[2] }));
  return { kind: 'paragraph', text: printed.map((line) => line.text).join(' '), lines: printed, page };
}

describe('hand-made LaTeX sommaire', () => {
  const section = (text: string): Block => block([[text, 0.9, true]], 2);
  const line = (text: string): Block => block([[text, 1, false]], 2);

  it('reads the organisation set under the title’s leader and page as the entry’s, not as the next section', () => {
    const blocks = [
      section('COOPÉRER ENTRE TERRITOIRES'),
      line('01 UN TITRE DE PROJET . . . . . . 3'),
      line('VILLE DE LORVAL'),
      line('02 UN AUTRE TITRE . . . . . . 5'),
      line('DÉPARTEMENT DE LA HAUTE-VALMORE'),
      section('INNOVER AU QUOTIDIEN'),
      line('03 UN TROISIÈME TITRE . . . . . . 7'),
      line('VILLE DE BRIANCE'),
    ];
    const { entries } = readSommaire(blocks, 0, DEFAULT_VOCABULARY);
    expect(entries.map((entry) => [entry.numero, entry.section, entry.page, entry.texte])).toEqual([
      [1, 'COOPÉRER ENTRE TERRITOIRES', 3, 'UN TITRE DE PROJET VILLE DE LORVAL'],
      [2, 'COOPÉRER ENTRE TERRITOIRES', 5, 'UN AUTRE TITRE DÉPARTEMENT DE LA HAUTE-VALMORE'],
      [3, 'INNOVER AU QUOTIDIEN', 7, 'UN TROISIÈME TITRE VILLE DE BRIANCE'],
    ]);
  });

  it('finds the page on a wrapped title’s last line when the organisation follows in the same block', () => {
    const blocks = [
      section('INNOVER AU QUOTIDIEN'),
      line('03 OUVRIR LES ARCHIVES COMMUNALES AUX HABITANTS : UNE DÉMARCHE DE'),
      block([['SCIENCE PARTICIPATIVE . . . . . . 6', 1, false], ['VILLE DE LORVAL', 1, false]], 2),
      line('04 DÉMATÉRIALISER LES AUTORISATIONS . . . . 7'),
    ];
    const { entries } = readSommaire(blocks, 0, DEFAULT_VOCABULARY);
    expect(entries.map((entry) => [entry.numero, entry.page, entry.texte])).toEqual([
      [3, 6, 'OUVRIR LES ARCHIVES COMMUNALES AUX HABITANTS : UNE DÉMARCHE DE SCIENCE PARTICIPATIVE VILLE DE LORVAL'],
      [4, 7, 'DÉMATÉRIALISER LES AUTORISATIONS'],
    ]);
  });
});

describe('a project numbered like a LaTeX \\section', () => {
  const entry = (numero: number, texte: string, page: number): SommaireEntry => ({ numero, section: '', texte, lines: [], page });
  const entries = [entry(3, 'OUVRIR LES ARCHIVES COMMUNALES AUX HABITANTS', 6)];

  it('starts where a bare number is followed on its line by the sommaire entry’s title', () => {
    const blocks = [block([['3 OUVRIR LES ARCHIVES COMMUNALES AUX HABITANTS', 1.2, true]], 6), block(['VILLE DE LORVAL'], 6), block(['La ville conserve…'], 6)];
    const starts = findProjectStarts(blocks, 0, blocks.length, entries, DEFAULT_VOCABULARY);
    expect(starts.map((start) => [start.index, start.numero, start.how, start.lead.map((lead) => lead.text)])).toEqual([[0, 3, 'title', ['OUVRIR LES ARCHIVES COMMUNALES AUX HABITANTS']]]);
  });

  it('does not start on a bare number followed by other words (a key figure and its label)', () => {
    const blocks = [block([['3 communes membres de l’agglomération', 1, false]], 6), block(['La ville conserve…'], 6)];
    expect(findProjectStarts(blocks, 0, blocks.length, entries, DEFAULT_VOCABULARY).filter((start) => start.how !== 'titleOnly')).toEqual([]);
  });
});

describe('em-dash list labels (babel french itemize)', () => {
  const metrics = { bodySize: 10, leadingRatio: 1.2 };
  const fragment = (text: string, x0: number, x1: number, y: number) => ({ page: 1, text, x0, x1, y, top: y - 7.5, bottom: y + 2.5, size: 10, bold: false, boldLead: '', chars: text.length });
  const leafOf = (fragments: ReturnType<typeof fragment>[]): Leaf => ({ fragments, colX0: 70, colX1: 525, column: { colX0: 70, colX1: 525 } });

  it('are bullets when two lines or more open on one at the same indent: one item each, the dash removed', () => {
    const items = [fragment('— Observatoire de la restauration collective durable, Guide, 2029', 85, 400, 100), fragment('— Association des maires de Marne-et-Solvaire, www.maires-solvaire.fr', 85, 420, 112)];
    const drafts = leafBlocks(leafOf(items), metrics);
    expect(drafts.map((draft) => [draft.kind, draft.lines.map((line) => line.text).join(' ')])).toEqual([
      ['listItem', 'Observatoire de la restauration collective durable, Guide, 2029'],
      ['listItem', 'Association des maires de Marne-et-Solvaire, www.maires-solvaire.fr'],
    ]);
  });

  it('are not when a single line opens on one (a signature)', () => {
    const signature = [fragment('— Agnès Tisserand, directrice générale adjointe', 300, 525, 100)];
    expect(leafBlocks(leafOf(signature), metrics).map((draft) => draft.lines[0]!.text)).toEqual(['— Agnès Tisserand, directrice générale adjointe']);
  });
});

describe('a roster member wrapped in a narrow column (multicol)', () => {
  it('joins a family name alone in capitals with the given names alone on the next line', () => {
    expect(joinWrappedNames(['BERGER Thibault', 'BERNARDY-VERRET', 'Christine', 'BLONDEAU Julien'])).toEqual(['BERGER Thibault', 'BERNARDY-VERRET Christine', 'BLONDEAU Julien']);
    // Two lines in capitals, or a given name with a family name after it, are left alone.
    expect(joinWrappedNames(['LE BRAS', 'VAN DER MEE'])).toEqual(['LE BRAS', 'VAN DER MEE']);
    expect(joinWrappedNames(['ROUX', 'Jean VICTOR'])).toEqual(['ROUX', 'Jean VICTOR']);
  });

  it('keeps the roster going past the wrapped member', () => {
    const lines = (texts: string[], page = 9): Block => block(texts.map((text) => [text, 1, false] as const), page);
    const blocks = [block(['lisa.marchetti@administrateur-inet.org'], 5), block([['Promotion George Sand', 1.2, true]], 9), lines(['ABRIC Sarah', 'BERNARDY-VERRET', 'Christine', 'BLONDEAU Julien']), lines(['GORGE Guillaume'])];
    const { rosters } = segmentDocument({ format: 'pdf', pageCount: 9, blocks, diagnostics: [] });
    expect(rosters.map((roster) => [roster.heading, roster.lines])).toEqual([['George Sand', ['ABRIC Sarah', 'BERNARDY-VERRET Christine', 'BLONDEAU Julien', 'GORGE Guillaume']]]);
  });
});

describe('pdfLaTeX fonts and tables', () => {
  it('reads URW\'s « Medi » (Times-Bold in TeX\'s psnfss fonts) as bold, « Medium » alone as not', () => {
    expect(isBoldFontName('WXHGGQ+NimbusRomNo9L-Medi')).toBe(true);
    expect(isBoldFontName('NimbusRomNo9L-MediItal')).toBe(true);
    expect(isBoldFontName('NimbusRomNo9L-Regu')).toBe(false);
    expect(isBoldFontName('Roboto-Medium')).toBe(false);
  });

  it('cuts a description list item into the bold name and the role run in after it', () => {
    // A role in lower case: no shape says where the name ends (« Prénom NOM Fonction » needs a capital), the bold does.
    const line = { text: 'Agnès TISSERAND directrice générale adjointe', bold: false, size: 1, boldLead: 'Agnès TISSERAND' };
    expect(splitNameAndRole(line).map((part) => [part.text, part.bold])).toEqual([['Agnès TISSERAND', true], ['directrice générale adjointe', false]]);
    // Without a bold lead, nothing says where the name ends.
    expect(splitNameAndRole({ ...line, boldLead: undefined }).map((part) => part.text)).toEqual(['Agnès TISSERAND directrice générale adjointe']);
  });

  it('pairs a values column read as one block with the label blocks after it', () => {
    const lines = (texts: string[]): Block => block(texts);
    const { figures } = parseFigures([lines(['26', '12 500', '+18 %']), lines(['communes membres']), lines(['repas servis chaque jour']), lines(['de produits durables'])]);
    expect(figures.map((figure) => [figure.valeur, figure.libelle])).toEqual([['26', 'communes membres'], ['12 500', 'repas servis chaque jour'], ['+18 %', 'de produits durables']]);
    // A number wrapped in its cell (« 17 » / « 000 ») stays one block.
    expect(parseFigures([lines(['17', '000']), lines(['entreprises'])]).figures.map((figure) => figure.valeur)).not.toContain('17');
  });
});

describe('a values column before its labels', () => {
  it('keeps the labels with the figures (they are not text running on under a box)', () => {
    const figure = (texts: string[]): Block => block(texts.map((text) => [text, 1.1, true] as const), 7);
    const label = (text: string): Block => block([[text, 1, false]], 7);
    const cles = { key: 'clesPourAgir' as const, heading: 'Des clés pour agir', page: 7, blocks: [label('L’équipe a observé le parcours de trente demandeurs.')] };
    const chiffres = { key: 'chiffres' as const, heading: 'Les chiffres', page: 7, blocks: [figure(['64 %']), figure(['11', '21']), label('des demandes déposées en ligne'), label('permanences ouvertes en mairie'), label('jours de délai gagnés')] };
    returnRunOnAfterFigures(chiffres, [cles, chiffres]);
    expect(chiffres.blocks).toHaveLength(5);
    expect(cles.blocks).toHaveLength(1);
  });
});

describe('a tutor role hyphenated at a line end', () => {
  it('is joined back into one word (lower case on both sides), a compound with a capital is kept', () => {
    const tutor = block([['Emmanuelle BARRE', 1, true], ['Directrice des ressources hu-', 1, false], ['maines des lycées', 1, false]]);
    expect(parseTutorCards([tutor]).map((card) => card.details)).toEqual([['Directrice des ressources humaines des lycées']]);
    const compound = block([['Jan SLIWA', 1, true], ['Directeur à Saint-', 1, false], ['Denis', 1, false]]);
    expect(parseTutorCards([compound]).map((card) => card.details)).toEqual([['Directeur à Saint-', 'Denis']]);
  });
});

describe('a figures table whose labels column is read as fewer blocks than its rows', () => {
  const lines = (texts: string[]): Block => block(texts);
  it('cuts the labels after each line well short of the longest, when that gives one label per figure', () => {
    const { figures } = parseFigures([
      lines(['150 000', '59', '2,3 MRD', '65 000']),
      lines(['habitants supplémentaires entre 2010 et 2030']),
      lines(['communes membres']),
      lines(['de fonctionnement, 700 M en investissement (budget primitif', '2019)', 'ménages demandeurs de logements sociaux']),
    ]);
    expect(figures.map((figure) => figure.libelle)).toEqual(['habitants supplémentaires entre 2010 et 2030', 'communes membres', 'de fonctionnement, 700 M en investissement (budget primitif 2019)', 'ménages demandeurs de logements sociaux']);
  });

  it('does not take a label in sentence case for a box title before every figure has one', () => {
    const { figures, box } = parseFigures([lines(['79', '14', '57980']), lines(['agents et cadres mobilisés']), lines(['fiches méthodologiques livrées']), lines(['Appels par an à l’Hôtel de Ville']), lines(['Et après...']), lines(['La refonte de l’accueil.'])]);
    expect(figures.map((figure) => figure.libelle)).toEqual(['agents et cadres mobilisés', 'fiches méthodologiques livrées', 'Appels par an à l’Hôtel de Ville']);
    expect(box?.titre).toBe('Et après...');
  });
});

describe('numbered rubrique headings across projects', () => {
  it('are no spelling variant when only their number differs (« 2.3 Contexte » after « 1.3 Contexte »)', async () => {
    const pdf = new Uint8Array(readFileSync(new URL('../fixtures/designs/synthetic-2031-latex/input.pdf', import.meta.url)));
    const document = await extract(pdf);
    expect(document.projets).toHaveLength(4);
    expect(document.diagnostics.filter((d) => d.code === 'RUBRIQUE_HEADING_VARIANT')).toEqual([]);
  });
});
