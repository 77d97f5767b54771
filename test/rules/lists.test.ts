/**
 * List items read from their bullets and indents (src/extract/blocks.ts), measured against the text
 * column they belong to; em dashes as list labels; a list a converter read away from the sentence
 * announcing it (src/parse/moves.ts), its marks written apart.
 */
import { describe, expect, it } from 'vitest';
import { leafBlocks, withinTextColumn } from '../../src/extract/blocks.js';
import { readText } from '../../src/extract/text.js';
import { parseProject } from '../../src/parse/index.js';
import type { Leaf } from '../../src/extract/xycut.js';
import { filler, layout, run } from '../helpers/runs.js';

describe('a bulleted item with a hanging indent', () => {
  it('keeps its wrapped line, even when the heading above is read in the same group', () => {
    // A heading set close above the list (no paragraph gap), each item « • text » at the column
    // edge, its further lines at the hanging indent, as a desktop publisher sets references.
    const list = [
      run('POUR ALLER PLUS LOIN', 56.8, 400, { size: 9, bold: true }),
      run('• Observatoire de la restauration collective durable,', 56.8, 412, { width: 227 }),
      run('Guide de la mutualisation des cuisines, 2029', 68.1, 423),
      run('• Association des maires de Marne-et-Solvaire,', 56.8, 436, { width: 207 }),
      run('www.maires-solvaire.fr', 68.1, 447),
    ];
    const blocks = layout([...filler(100), ...list]).filter((block) => block.kind === 'listItem');
    expect(blocks.map((block) => block.text)).toEqual([
      'Observatoire de la restauration collective durable, Guide de la mutualisation des cuisines, 2029',
      'Association des maires de Marne-et-Solvaire, www.maires-solvaire.fr',
    ]);
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
    // Ending on a full stop, the short line ends its item, whatever the next word.
    const ended = [lines[0]!, fragment('Partages d’expérience au sein du réseau informel des Contrôleurs.', 186.7, 506, 683.5), lines[2]!];
    expect(leafBlocks({ ...leaf, fragments: ended }, metrics).map((draft) => draft.lines.length)).toEqual([1, 1, 1]);
  });
});

describe('a list item wrapped by ragged text on a capitalised word or a number', () => {
  const metrics = { bodySize: 9.5, leadingRatio: 1.34 };
  const fragment = (text: string, x0: number, x1: number, y: number, size = 8.5) => ({ page: 1, text, x0, x1, y, top: y - 0.75 * size, bottom: y + 0.25 * size, size, bold: false, boldLead: '', chars: text.length });
  // A narrow column (a third of the page), the references at the list indent.
  const leafOf = (fragments: ReturnType<typeof fragment>[]): Leaf => ({ fragments, colX0: 394.2, colX1: 547.5, column: { colX0: 394.2, colX1: 547.5 } });
  const linesOf = (leaf: Leaf): string[] => leafBlocks(leaf, metrics).map((draft) => draft.lines.map((line) => line.text).join(' '));

  it('keeps the item whole when the line stops on a capitalised word and the next word would not have fitted', () => {
    const item = [
      fragment('Alain Pereilstein, Directeur du', 408.4, 539.4, 507),
      fragment('contrôle de gestion - Région', 408.4, 529.9, 518.25),
      fragment('Nord-Pas-de-Calais, Fiches', 408.4, 524.3, 530.25),
      fragment('pratiques de la Lettre du cadre', 408.4, 543, 541.5),
    ];
    expect(linesOf(leafOf(item))).toEqual(['Alain Pereilstein, Directeur du contrôle de gestion - Région Nord-Pas-de-Calais, Fiches pratiques de la Lettre du cadre']);
  });

  it('keeps the item whole when a year range wrapped under a capitalised word', () => {
    const item = [fragment('Stratégie touristique Alsace', 408.4, 529.3, 530), fragment('2017-2021', 408.4, 454.6, 542)];
    expect(linesOf(leafOf(item))).toEqual(['Stratégie touristique Alsace 2017-2021']);
  });

  it('ends an item at a short line when a word in capitals stands on either side, as in a list of names', () => {
    const familyFirst = [fragment('DUBOIS-MARTIN Jean-Christophe', 408.4, 531, 530), fragment('LEFEBVRE Marie-Hélène', 408.4, 512, 541.5)];
    expect(linesOf(leafOf(familyFirst))).toEqual(['DUBOIS-MARTIN Jean-Christophe', 'LEFEBVRE Marie-Hélène']);
    const givenFirst = [fragment('Anne-Sophie DE LA', 408.4, 500, 530), fragment('TOURNELLE Yves', 408.4, 470, 541.5)];
    expect(linesOf(leafOf(givenFirst))).toEqual(['Anne-Sophie DE LA', 'TOURNELLE Yves']);
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

  it('keep an item’s line at their hanging indent on the item, at the leaf’s left edge (dash-hanging-indent)', () => {
    const items = [
      fragment('— Le nouvel âge de la mobilité, Amar Georges, FYP éditions, 2011', 70, 370, 100),
      fragment('— Motilité et mobilité : mode d’emploi, Kaufmann Vincent, Ravalet Emmanuel, Dupuit Élodie (dir.),', 70, 525, 112),
      fragment('Alphil éditions, 2015', 86.4, 179, 124),
    ];
    expect(leafBlocks(leafOf(items), metrics).map((draft) => draft.lines.map((line) => line.text).join(' '))).toEqual([
      'Le nouvel âge de la mobilité, Amar Georges, FYP éditions, 2011',
      'Motilité et mobilité : mode d’emploi, Kaufmann Vincent, Ravalet Emmanuel, Dupuit Élodie (dir.), Alphil éditions, 2015',
    ]);
  });

  it('are not when a single line opens on one (a signature)', () => {
    const signature = [fragment('— Agnès Tisserand, directrice générale adjointe', 300, 525, 100)];
    expect(leafBlocks(leafOf(signature), metrics).map((draft) => draft.lines[0]!.text)).toEqual(['— Agnès Tisserand, directrice générale adjointe']);
  });
});

describe('a list a text rubrique announces, read under a later heading (converters in content order)', () => {
  const project = (texts: readonly string[]) => {
    const blocks = readText(texts.join('\n\n')).blocks;
    return parseProject({ numero: 1, section: '', heading: blocks[0]!, blocks: blocks.slice(1) });
  };
  const announced = ['01', 'UN TITRE', 'UNE COLLECTIVITÉ', 'CONTEXTE', 'La communauté regroupe vingt-six communes et un peu plus de cent mille habitants, chacune avec sa cuisine.', 'DES CLÉS POUR AGIR', 'Le diagnostic a dégagé deux scénarios :', 'Le second a été retenu par le bureau communautaire, qui en a confié la mise en œuvre aux services techniques.', 'POUR ALLER PLUS LOIN'];

  it('goes back after the colon as list items, the marks written apart dropped, and leaves the references', () => {
    const parsed = project([...announced, 'un groupement de commandes ;', '•', '• une cuisine centrale.', '•', 'Observatoire de la restauration, Guide, 2029', '•']);
    expect(parsed.clesPourAgir).toBe('Le diagnostic a dégagé deux scénarios :\n\n- un groupement de commandes ;\n- une cuisine centrale.\n\nLe second a été retenu par le bureau communautaire, qui en a confié la mise en œuvre aux services techniques.');
    expect(parsed.allerPlusLoin.map((reference) => reference.texte)).toEqual(['Observatoire de la restauration, Guide, 2029']);
  });

  it('stays where it is read when its items do not close on a full stop, or when two paragraphs announce a list', () => {
    expect(project([...announced, 'un groupement de commandes ;', 'une cuisine centrale ;', 'Observatoire, Guide, 2029']).clesPourAgir).toBe('Le diagnostic a dégagé deux scénarios :\n\nLe second a été retenu par le bureau communautaire, qui en a confié la mise en œuvre aux services techniques.');
    const twice = [...announced.slice(0, 5), 'Les maires se posaient trois questions :', 'La première portait sur les coûts, la deuxième sur la qualité des repas servis.', ...announced.slice(5), 'un groupement de commandes ;', 'une cuisine centrale.'];
    expect(project(twice).clesPourAgir).toBe('Le diagnostic a dégagé deux scénarios :\n\nLe second a été retenu par le bureau communautaire, qui en a confié la mise en œuvre aux services techniques.');
  });
});

describe('bullets drawn, each item set apart (announced-drawn-list)', () => {
  // Items at a list indent under a sentence ending on a colon, set with paragraph spacing (the
  // XY-cut reads each as a band of its own) and ragged (their lines stop short of the column edge,
  // as an inset box's do); the bullets are drawn, not in the text layer.
  const item = (first: string, second: string, y: number) => [run(first, 70.9, y, { width: 200 }), run(second, 70.9, y + 14, { width: 100 })];
  const page = (items: ReturnType<typeof item>[]) =>
    layout([
      ...filler(100),
      run('A compter de septembre, le service se déploie sur le territoire et conduit à :', 56.8, 300, { width: 360 }),
      ...items.flatMap((runs, k) => runs.map((r) => ({ ...r, y: r.y + 44 * k }))),
      run('Cette démarche constitue une des actions structurantes du projet.', 56.8, 330 + 44 * items.length, { width: 320 }),
    ]);

  it('reads the blocks the colon announces as list items', () => {
    const blocks = page([item('Adapter l’organisation de l’action sociale', 'aux nouveaux enjeux ;', 330), item('Accompagner les professionnels dans', 'l’évolution de leurs pratiques ;', 330), item('Mobiliser les réseaux et renforcer les', 'partenariats.', 330)]);
    expect(blocks.filter((block) => block.kind === 'listItem').map((block) => block.text)).toEqual([
      'Adapter l’organisation de l’action sociale aux nouveaux enjeux ;',
      'Accompagner les professionnels dans l’évolution de leurs pratiques ;',
      'Mobiliser les réseaux et renforcer les partenariats.',
    ]);
    expect(blocks.at(-1)?.kind).toBe('paragraph');
  });

  it('leaves one indented block under a colon a paragraph (a quote the colon introduces)', () => {
    const blocks = page([item('« Nous voulions un accueil qui ressemble', 'à la ville. »', 330)]);
    expect(blocks.filter((block) => block.kind === 'listItem')).toEqual([]);
  });
});
