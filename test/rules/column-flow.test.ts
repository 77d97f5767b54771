/**
 * A column that goes on under a gap, beside a column that ended higher (src/extract/xycut.ts,
 * `rule: column-flow-under-gap`): read strip by strip, its foot would come after the next column;
 * the sentences say it is that column's foot (the next column opens in lower case, going on from a
 * sentence the foot leaves open). Without that evidence (a team under a balanced body) the strips
 * are read as they stand. Each rule on a few invented runs.
 */
import { describe, expect, it } from 'vitest';
import { layoutPages } from '../../src/extract/layout.js';
import type { PdfPage, PdfTextRun } from '../../src/extract/pdf.js';
import type { Fragment } from '../../src/extract/fragments.js';
import { endedShort } from '../../src/extract/xycut.js';

const BODY = 10;
const LEADING = 13;
const COLUMN_WIDTH = 150;
const COLUMNS = [48, 218, 388];

function run(text: string, x: number, y: number, options: { bold?: boolean; full?: boolean } = {}): PdfTextRun {
  const width = options.full ? COLUMN_WIDTH : Math.min(COLUMN_WIDTH, text.length * BODY * 0.42);
  return { text, x, y, width, fontSize: BODY, bold: options.bold ?? false, fontName: options.bold ? 'Arimo-Bold' : 'Arimo-Regular' };
}

/** Lines of one paragraph in column `c` from baseline `top`: every line but the last runs to the column's edge (the last too when a column break cuts the paragraph). */
function paragraph(texts: readonly string[], c: number, top: number, cut = false): PdfTextRun[] {
  return texts.map((text, i) => run(text, COLUMNS[c]!, top + i * LEADING, { full: cut || i < texts.length - 1 }));
}

function read(runs: readonly PdfTextRun[]): string[] {
  const page: PdfPage = { number: 1, width: 595, height: 842, runs, skippedRuns: 0 };
  return layoutPages({ pageCount: 1, pages: [page] }).blocks.map((block) => block.text);
}

const context = ['Depuis le premier janvier, la', 'communauté exerce la compétence', "de l'eau et de l'assainissement", 'sur tout son territoire, et ses', 'résultats ont été présentés devant', 'le conseil communautaire.'];
const question = ['Un passage en régie ayant été', 'approuvé par les élus'];
const questionGoesOn = ['communautaires, la mission a mené', 'un audit des services existants.'];
const keys = ['Compte tenu de la décision des', 'élus, les travaux ont porté sur', 'les plans technique, juridique,', 'financier et environnemental.', "L'équipe a été guidée par un", 'souci constant de sobriété.'];

describe('a column that goes on under a gap (column-flow-under-gap)', () => {
  it('is read down to its foot before the next column, when the next column goes on from the foot', () => {
    // Column 1 ends its context, then (under a band gap, below where column 2 ends) its next
    // heading and the first words of that rubrique; column 2 opens in lower case, going on from them.
    const footTop = 100 + context.length * LEADING + 12;
    const runs = [
      ...paragraph(context, 0, 100),
      run('La commande', COLUMNS[0]!, footTop, { bold: true }),
      ...paragraph(question, 0, footTop + 18, true),
      ...paragraph(questionGoesOn, 1, 100),
      ...paragraph(keys, 2, 100),
    ];
    expect(read(runs)).toEqual([context.join(' '), 'La commande', [...question, ...questionGoesOn].join(' '), keys.join(' ')]);
  });

  it('is read down to its foot under a title across the columns (strips cut at narrow gaps)', () => {
    // No band gap on the page: the title stands close over the columns, so the page is cut at
    // every narrow gap; column 1 and column 3 go on under such a gap, column 2 ended higher.
    const footTop = 100 + context.length * LEADING + 7;
    const runs = [
      { ...run('RENFORCER LES SERVICES DE LA COMMUNAUTÉ ET LEUR ORGANISATION', COLUMNS[0]!, 82, { bold: true }), width: 400 },
      ...paragraph(context, 0, 100),
      ...paragraph(question, 0, footTop, true),
      ...paragraph(questionGoesOn, 1, 100),
      ...paragraph(keys, 2, 100),
      ...paragraph(['Les résultats proposés permettent', "d'objectiver les choix des élus."], 2, footTop),
    ];
    const blocks = read(runs);
    const joined = blocks.join(' ');
    expect(joined.indexOf(question[1]!)).toBeLessThan(joined.indexOf(questionGoesOn[0]!));
    expect(joined.indexOf(questionGoesOn[1]!)).toBeLessThan(joined.indexOf(keys[0]!));
  });

  it('leaves a team printed under a balanced body after the last column (no sentence says otherwise)', () => {
    // A body balanced over two columns (the first cut mid-sentence, the second going on from it),
    // then the team under the first column.
    const first = ['Le bilan des dix ans a été', 'commandé par le président, qui', 'souhaitait en tirer les leçons et'];
    const second = ['engager une nouvelle étape pour', 'le territoire et ses habitants.', 'La mission a duré neuf semaines.'];
    const teamTop = 100 + first.length * LEADING + 14;
    const runs = [
      ...paragraph(first, 0, 100),
      ...paragraph(second, 1, 100),
      run('Les auteurs', COLUMNS[0]!, teamTop, { bold: true }),
      run('Ariane RODEKUHR', COLUMNS[0]!, teamTop + 18),
      run('ariane.rodekuhr@administrateur-inet.org', COLUMNS[0]!, teamTop + 18 + LEADING),
    ];
    const blocks = read(runs);
    const joined = blocks.join(' ');
    expect(joined.indexOf(first[2]!)).toBeLessThan(joined.indexOf(second[0]!));
    expect(joined.indexOf(second[2]!)).toBeLessThan(joined.indexOf('Les auteurs'));
  });

  it('is read down to its foot when the column beside it ended well above, with no sentence to tell (column-foot-under-gap)', () => {
    // Column 2 holds the end of a rubrique (a new paragraph: no lower case to follow) and ends
    // three lines above column 1, which goes on under a band gap with the next heading and its text.
    const footTop = 100 + context.length * LEADING + 12;
    const closing = ['Le troisième scénario a été', 'retenu par le bureau communautaire.'];
    const runs = [
      { ...run('MUTUALISER LA RESTAURATION SCOLAIRE DU BASSIN', COLUMNS[0]!, 70, { bold: true }), width: 400 },
      ...paragraph(context, 0, 100),
      run('La commande', COLUMNS[0]!, footTop, { bold: true }),
      ...paragraph(['Comment organiser un service commun', 'sans retirer aux maires la main', 'sur les menus et les tarifs ?'], 0, footTop + 18),
      ...paragraph(closing, 1, 100),
    ];
    const blocks = read(runs);
    expect(blocks.indexOf('La commande')).toBeGreaterThan(0);
    expect(blocks.indexOf('La commande')).toBeLessThan(blocks.indexOf(closing.join(' ')));
  });

  it('is read down to its foot before the text column beside it, a tutor’s sidebar further right (column-foot-beside-sidebar)', () => {
    // As above, with a third column: a tutor's heading and card set smaller, beside the text's top.
    // The sidebar is no column the text flows into, and does not keep the foot from its column.
    const footTop = 100 + context.length * LEADING + 12;
    const closing = ['Le troisième scénario a été', 'retenu par le bureau communautaire.'];
    const card = (text: string, y: number): PdfTextRun => ({ ...run(text, COLUMNS[2]!, y), fontSize: 8.5 });
    const runs = [
      ...paragraph(context, 0, 100),
      run('La commande', COLUMNS[0]!, footTop, { bold: true }),
      ...paragraph(['Comment organiser un service commun', 'sans retirer aux maires la main', 'sur les menus et les tarifs ?'], 0, footTop + 18),
      ...paragraph(closing, 1, 100),
      run('TUTEUR', COLUMNS[2]!, 110, { bold: true }),
      card('GARNIER-BOSC Olivier –', 126),
      card('Directeur de l’autonomie', 136),
    ];
    const blocks = read(runs);
    expect(blocks.indexOf('La commande')).toBeGreaterThan(0);
    expect(blocks.indexOf('La commande')).toBeLessThan(blocks.indexOf(closing.join(' ')));
    expect(blocks.indexOf(closing.join(' '))).toBeLessThan(blocks.indexOf('TUTEUR'));
  });

  it('leaves tutors under a balanced body after the last column', () => {
    // Two columns ending a line apart, then the tutors in body type under the first column.
    const first = ['Le bilan des dix ans a été', 'commandé par le président, qui', 'souhaitait en tirer les leçons.'];
    const second = ['La mission a duré neuf semaines', 'et réuni les services.'];
    const tutorsTop = 100 + first.length * LEADING + 14;
    const runs = [
      ...paragraph(first, 0, 100),
      ...paragraph(second, 1, 100),
      run('Tuteurs', COLUMNS[0]!, tutorsTop, { bold: true }),
      run('Pascal RASCALON – Chef de mission', COLUMNS[0]!, tutorsTop + 18),
      run('Claire HEIDSIEK – Directrice générale', COLUMNS[0]!, tutorsTop + 18 + LEADING),
    ];
    expect(read(runs).slice(0, 3)).toEqual([first.join(' '), second.join(' '), 'Tuteurs']);
  });

  it('is not looked for beside a sidebar of cards set smaller (no column of text flows there)', () => {
    // The body in column 1 goes on under a gap; beside its top, a tutor's card in smaller type.
    const footTop = 100 + context.length * LEADING + 12;
    const card = (text: string, y: number): PdfTextRun => ({ ...run(text, COLUMNS[1]!, y), fontSize: 8.5 });
    const runs = [
      ...paragraph(context, 0, 100),
      run('La commande', COLUMNS[0]!, footTop, { bold: true }),
      ...paragraph(['Comment organiser un service commun', 'sans retirer aux maires la main', 'sur les menus et les tarifs ?'], 0, footTop + 18),
      card('LE MERRER Claire', 100),
      card('Directrice générale des territoires', 111),
    ];
    const blocks = read(runs).join(' | ');
    expect(blocks.indexOf('LE MERRER')).toBeLessThan(blocks.indexOf('La commande'));
  });

  it('is read down in every text column it lies in, before the sidebar that ended above it (column-foot-under-gap)', () => {
    // Two text columns and a sidebar of cards set smaller; under the sidebar's end, a band gap
    // (paragraph breaks at one height), and both text columns go on under it.
    const footTop = 100 + 6 * LEADING + 12;
    const card = (text: string, y: number): PdfTextRun => ({ ...run(text, COLUMNS[2]!, y), fontSize: 8.5 });
    const firstTop = ['Le Parlement va prochainement adopter', 'la loi, qui confie aux régions', 'un rôle de chef de file dans', 'l’organisation des mobilités', 'sur chacun des bassins de leur', 'territoire, au plus près des besoins.'];
    const firstFoot = ['Pour atteindre ces objectifs, la loi', 'renforce la coordination des acteurs.'];
    const secondTop = ['Quelle est son échelle pertinente ?', 'Que devront contenir les contrats', 'opérationnels, et comment les', 'négocier avec les intercommunalités', 'qui exercent la compétence, sans', 'oublier les territoires ruraux ?'];
    const secondFoot = ['Une cartographie découpant le territoire', 'en douze bassins a été dressée.'];
    const runs = [
      ...paragraph(firstTop, 0, 100),
      ...paragraph(firstFoot, 0, footTop),
      ...paragraph(secondTop, 1, 100),
      ...paragraph(secondFoot, 1, footTop),
      card('L’équipe', 100),
      card('FRANCOIS Nathalie', 112),
      card('nathalie.francois@ingenieurchef-inet.org', 123),
    ];
    const joined = read(runs).join(' | ');
    expect(joined.indexOf(firstFoot[0]!)).toBeLessThan(joined.indexOf(secondTop[0]!));
    expect(joined.indexOf(secondFoot[1]!)).toBeLessThan(joined.indexOf('FRANCOIS'));
  });

  it('is not looked for in a roster: names in columns under each promotion stay with their promotion', () => {
    // Two promotions, each a bold heading over names in three columns (no word in lower case).
    const names = (first: string, c: number, top: number): PdfTextRun[] => [0, 1, 2].map((k) => run(`${first}${c}${k} Prénom`, COLUMNS[c]!, top + k * LEADING));
    const runs = [
      run('Promotion George Sand', COLUMNS[0]!, 100, { bold: true }),
      ...[0, 1, 2].flatMap((c) => names('SAND', c, 120)),
      run('Promotion Alan Turing', COLUMNS[0]!, 120 + 3 * LEADING + 14, { bold: true }),
      ...[0, 1, 2].flatMap((c) => names('TURING', c, 120 + 3 * LEADING + 34)),
    ];
    const joined = read(runs).join(' | ');
    expect(joined.indexOf('SAND22')).toBeLessThan(joined.indexOf('Promotion Alan Turing'));
  });

  it('is read down when the strips cut at narrow gaps end with the columns’ foot (column-foot-under-gap)', () => {
    // Under a title across the columns, two headings level at the top of two text columns, close over their text (narrow gaps only),
    // and both columns going on under a narrow gap: no sentence to tell, the foot is prose in both.
    const firstTop = ['Le bilan des dix ans a été commandé', 'par le président de la communauté,', 'qui souhaitait en tirer les leçons', 'pour engager une nouvelle étape.'];
    const firstFoot = ['La communauté a été créée il y a dix', 'ans et regroupe neuf communes.'];
    const secondTop = ['Dresser un bilan objectif des dix ans', 'et porter un regard neuf sur le', 'fonctionnement des institutions de', 'la communauté et de ses communes.'];
    const secondFoot = ['Préparer la suite, soit le troisième', 'acte de la vie de la collectivité.'];
    const footTop = 100 + 4 * LEADING + 7;
    const runs = [
      { ...run('BILAN DES DIX ANS DE LA COMMUNAUTÉ', COLUMNS[0]!, 68, { bold: true }), width: 400 },
      run('CONTEXTE', COLUMNS[0]!, 86, { bold: true }),
      run('DES CLÉS POUR AGIR', COLUMNS[1]!, 86, { bold: true }),
      ...paragraph(firstTop, 0, 100),
      ...paragraph(firstFoot, 0, footTop),
      ...paragraph(secondTop, 1, 100),
      ...paragraph(secondFoot, 1, footTop),
    ];
    const joined = read(runs).join(' | ');
    expect(joined.indexOf(firstFoot[0]!)).toBeLessThan(joined.indexOf('DES CLÉS POUR AGIR'));
  });
  it('reads a pull-quote cut by a column break on into the next column, set alike and larger (column-flow-same-face)', () => {
    // Column 1: the body, then under a band gap (below where column 2 ends) a testimony set larger,
    // its attribution and the quote's first lines, cut mid-sentence; column 2 opens with the rest of
    // the quote in the same face, in lower case, then the references set smaller.
    const quoteSize = 11;
    const quote = (text: string, c: number, y: number): PdfTextRun => ({ ...run(text, COLUMNS[c]!, y, { full: true }), fontSize: quoteSize });
    const small = (text: string, y: number): PdfTextRun => ({ ...run(text, COLUMNS[1]!, y), fontSize: 8.5 });
    const footTop = 100 + context.length * LEADING + 30;
    const runs = [
      ...paragraph(context, 0, 100),
      ...paragraph(keys, 0, 100 + context.length * LEADING),
      quote('« L’équipe a su mobiliser autour de', 0, footTop + keys.length * LEADING),
      quote('la démarche : vingt fiches-action', 0, footTop + keys.length * LEADING + 14),
      quote('opérationnelles ont été présentées', 1, 100),
      quote('aux élus du territoire. »', 1, 114),
      run('Ressources', COLUMNS[1]!, 150, { bold: true }),
      small('Le Grand Narbonne, Charte de la mutualisation, 2016', 168),
    ];
    const joined = read(runs).join(' | ');
    expect(joined.indexOf('fiches-action')).toBeLessThan(joined.indexOf('opérationnelles'));
    expect(joined.indexOf('aux élus du territoire')).toBeLessThan(joined.indexOf('Ressources'));
  });
  it('does not go on from a line that stopped short with room for the next word: a list item ended there (short-line-ends-paragraph)', () => {
    // Column 1: a list whose last item ends with no full stop on a short line, then (under a band
    // gap below where column 2 ends) a paragraph cut mid-sentence on a comma; column 2 opens in
    // lower case; the columns above the gap end within a line of each other (no column's foot to
    // tell). Both pieces end without a full stop: only the short line says which one ended.
    // The list's bullets are drawn (no glyph): its items' lines at the list indent.
    const listItem = (texts: readonly string[], top: number): PdfTextRun[] => texts.map((text, i) => ({ ...run(text, COLUMNS[0]! + 14, top + i * LEADING), width: i < texts.length - 1 ? COLUMN_WIDTH - 14 : text.length * BODY * 0.42 }));
    const footTop = 100 + 10 * LEADING + 14;
    const runs = [
      ...paragraph(['Dans ce contexte, deux documents', 'cadres majeurs ont été adoptés :'], 0, 100),
      ...listItem(['Le plan partenarial de gestion', 'de la demande 2018-2023'], 100 + 2 * LEADING + 6),
      ...listItem(['La convention intercommunale', 'pour la période 2019-2024'], 100 + 4 * LEADING + 12),
      ...paragraph(['A l’approche d’une nouvelle', 'mandature, la Métropole a confié', 'une mission à la Direction,'], 0, footTop, true),
      ...paragraph(['afin de lui permettre de mieux', 'piloter la nouvelle politique', 'publique en cours de structuration,', 'dans un contexte pluriel de', 'cinquante-neuf communes et de', 'vingt-quatre bailleurs sociaux.'], 1, 100),
    ];
    const joined = read(runs).join(' | ');
    expect(joined.indexOf('la Direction,')).toBeLessThan(joined.indexOf('afin de lui'));
    expect(joined.indexOf('2019-2024')).toBeLessThan(joined.indexOf('A l’approche'));
  });
  it('tells a list item’s end only: a short line ending on « ; » or « , » goes on, and so may a paragraph’s line (short-line-ends-paragraph)', () => {
    const fragment = (text: string, x0: number, x1: number, top = 92.5): Fragment => ({ page: 1, text, x0, x1, y: top + 7.5, top, bottom: top + 10, size: BODY, bold: false, boldLead: '', chars: text.length });
    const column = [fragment('Trois scénarios ont été étudiés par la mission :', 48, 198, 80)];
    const head = fragment('une cuisine centrale', 232, 316);
    const itemEnd = (text: string, x1: number): boolean => endedShort(fragment(text, 62, x1), head, [...column, fragment(text, 62, x1)], BODY);
    expect(itemEnd('commune gardant sa cuisine', 160)).toBe(true);
    expect(itemEnd('commune gardant sa cuisine ;', 168)).toBe(false);
    expect(itemEnd('commune gardant sa cuisine,', 163)).toBe(false);
    // A paragraph's line at the column's edge: ragged text stops short anywhere.
    const paragraphLine = fragment('maintien de repas préparés à', 48, 160);
    expect(endedShort(paragraphLine, head, [...column, paragraphLine], BODY)).toBe(false);
  });
});


describe('a row of headings, one over each column, under a title across the columns (headings-over-columns)', () => {
  // The title across the columns hides their gutters, and the gaps under it and under the
  // headings are narrower than a band's: the region is cut into strips, the headings' row one.
  const second = ['L’équipe a rencontré les maires,', 'visité onze cuisines et interrogé', 'près de 300 parents d’élèves.'];
  const runs = [
    { ...run('MUTUALISER LA RESTAURATION SCOLAIRE DU BASSIN', COLUMNS[0]!, 70, { bold: true }), width: 400 },
    run('CONTEXTE ET ENJEUX', COLUMNS[0]!, 90, { bold: true }),
    run('CLÉS POUR AGIR', COLUMNS[1]!, 90, { bold: true }),
    ...paragraph(context, 0, 110),
    ...paragraph(second, 1, 110),
  ];

  it('reads each heading with the text under it, not the row of headings before the columns', () => {
    expect(read(runs)).toEqual([runs[0]!.text, 'CONTEXTE ET ENJEUX', context.join(' '), 'CLÉS POUR AGIR', second.join(' ')]);
  });

  it('leaves a table’s header row over its cells a row: the headings head no running text', () => {
    const names = [['COSTA', 'Jérôme'], ['FAURE', 'Adèle'], ['RAKOTO', 'Hugo']];
    const table = [
      { ...run('Promotion Rosa Bonheur', COLUMNS[0]!, 70, { bold: true }), width: 400 },
      run('Nom', COLUMNS[0]!, 90, { bold: true }),
      run('Prénom', COLUMNS[0]! + 44, 90, { bold: true }),
      ...names.flatMap(([family, given], i) => [run(family!, COLUMNS[0]!, 110 + i * LEADING), run(given!, COLUMNS[0]! + 44, 110 + i * LEADING)]),
    ];
    const blocks = read(table).join(' | ');
    expect(blocks.indexOf('Prénom')).toBeLessThan(blocks.indexOf('COSTA'));
  });

  it('reads each heading with its column when one goes on with prose and the other with references set smaller (headings-over-prose-and-references)', () => {
    const SMALLER = 8.5;
    const references = ['Réseau des archives participatives,', 'Transcrire ensemble : retours', 'd’expérience, 2030'];
    const withReferences = [
      { ...run('OUVRIR LES ARCHIVES COMMUNALES AUX HABITANTS', COLUMNS[0]!, 70, { bold: true }), width: 400 },
      run('CONTEXTE DE LA MISSION', COLUMNS[0]!, 90, { bold: true }),
      run('POUR EN SAVOIR PLUS', COLUMNS[1]!, 90, { bold: true }),
      ...paragraph(context, 0, 110),
      ...references.map((text, i) => ({ ...run(text, COLUMNS[1]!, 110 + i * 11), fontSize: SMALLER })),
    ];
    expect(read(withReferences)).toEqual([withReferences[0]!.text, 'CONTEXTE DE LA MISSION', context.join(' '), 'POUR EN SAVOIR PLUS', references.join(' ')]);
  });
});

describe('a list whose items go on from a column’s foot to the next column’s head (list-flow-under-gap)', () => {
  // Bullets drawn, not printed: only the indent says a line is an item. The paragraph breaks of
  // both columns at one height part the region into strips; no sentence tells their order.
  const INDENT = 14;
  const item = (text: string, c: number, y: number): PdfTextRun => {
    const printed = run(text, COLUMNS[c]! + INDENT, y);
    return { ...printed, width: Math.min(printed.width, COLUMN_WIDTH - INDENT) };
  };
  const first = ['Pour la Ville, la réorganisation de', 'l’accueil de l’hôtel de ville est', 'une ambition pour les années à', 'venir, portée par une démarche', 'collective et une plateforme', 'multiservices.'];
  const secondTop = ['A cela s’ajoute la nécessité de', 'ne pas dénaturer la proximité', 'humaine.'];
  const intro = ['On peut les regrouper en grandes', 'thématiques :'];
  const secondFoot = ['Pour replacer chacun des', 'participants dans l’expérience,', 'l’équipe a mis en place des jeux.'];
  const lower = 100 + first.length * LEADING + 4;
  const runs = [
    { ...run('DÉFINITION D’UNE NOUVELLE STRATÉGIE POUR L’ACCUEIL', COLUMNS[0]!, 84, { bold: true }), width: 400 },
    ...paragraph(first, 0, 100),
    item('L’organisation', 1, 100),
    ...paragraph(secondTop, 1, 100 + LEADING + 4),
    ...paragraph(intro, 0, lower),
    item('Amélioration de l’expérience usager', 0, lower + 2 * LEADING),
    item('Les métiers de l’accueil', 0, lower + 3 * LEADING),
    ...paragraph(secondFoot, 1, lower),
    // The list's last item alone under a narrow gap, beside a signature set smaller: no column's foot of running text.
    item('Les espaces', 0, lower + 3 * LEADING + 17),
    { ...run('Philippe Vincensini, directeur général', COLUMNS[1]! + INDENT, lower + 3 * LEADING + 23), fontSize: 8.5 },
  ];

  it('is read down the first column, its last items before the item at the next column’s head', () => {
    const blocks = read(runs).join(' | ');
    expect(blocks.indexOf('Les espaces')).toBeLessThan(blocks.indexOf('L’organisation'));
    expect(blocks.indexOf('L’organisation')).toBeLessThan(blocks.indexOf(secondFoot[0]!));
  });
});

describe('a list’s lead-in at a column’s foot, its first item under a narrow gap (list-lead-in-join)', () => {
  // As a Loire-Atlantique page printed it: the first column ends its context on « … sur : », its
  // first item under the gap, the next items at the second column's head over « PROBLÉMATIQUE »,
  // whose text ends on « … conduit à : » with its items under the same gap and a paragraph under
  // them; a sidebar of tutors set smaller beside them. Bullets drawn, not printed: only the indent says a line is an item. The
  // list's items join both ways (the first column's item before the second column's either way),
  // and no sentence opens in lower case: only the lead-ins tell.
  const INDENT = 14;
  const item = (texts: readonly string[], c: number, top: number): PdfTextRun[] =>
    texts.map((text, i) => {
      const printed = run(text, COLUMNS[c]! + INDENT, top + i * LEADING, { full: i < texts.length - 1 });
      return { ...printed, width: Math.min(printed.width, COLUMN_WIDTH - INDENT) };
    });
  const context = ['La répartition des compétences', 'issue des lois récentes a modifié', 'le périmètre d’action des', 'départements.', 'Le département a engagé la', 'rénovation de l’action sociale', 'de proximité, un chantier qui', 's’appuie sur :'];
  const firstItem = ['L’accueil social universel,', 'premier niveau d’accueil pour', 'les usagers ;'];
  const secondItem = ['L’identification des espaces', 'des solidarités ;'];
  const thirdItem = ['L’élaboration d’un projet', 'territorial des solidarités.'];
  const question = ['Le déploiement progressif de', 'l’accueil sur tout le territoire', 'conduit à :'];
  const secondList = ['Adapter l’organisation de', 'l’action sociale ;'];
  const closing = ['Cette démarche est une des', 'actions à déployer sur le', 'territoire.'];
  const tutor = ['Marion Tanniou, directrice de', 'la délégation d’Ancenis'];
  // Both columns end on one baseline; their lists go on under a gap narrower than a band's.
  const foot = 116 + (context.length - 1) * LEADING;
  const lower = foot + LEADING + 4;
  const runs = [
    { ...run('DIAGNOSTIC ET AXES PRIORITAIRES DU PROJET DES SOLIDARITÉS', COLUMNS[0]!, 84, { bold: true }), width: 480 },
    run('CONTEXTE', COLUMNS[0]!, 100, { bold: true }),
    ...paragraph(context, 0, 116),
    ...item(secondItem, 1, 100),
    ...item(thirdItem, 1, 100 + 2 * LEADING + 4),
    run('PROBLÉMATIQUE', COLUMNS[1]!, foot - 3 * LEADING - 6, { bold: true }),
    ...paragraph(question, 1, foot - 2 * LEADING),
    run('ENCADREMENT', COLUMNS[2]!, 112, { bold: true }),
    ...tutor.map((text, i) => ({ ...run(text, COLUMNS[2]!, 126 + i * 11), fontSize: 8.5 })),
    ...item(firstItem, 0, lower),
    ...item(secondList, 1, lower + 3),
    // The second column's text goes on under another narrow gap, alone: no foot of both columns.
    ...paragraph(closing, 1, lower + firstItem.length * LEADING + 5),
  ];

  it('reads the first column’s item after its lead-in, before the second column’s items and heading', () => {
    const blocks = read(runs).join(' | ');
    expect(blocks.indexOf(firstItem[0]!)).toBeGreaterThan(blocks.indexOf(context.at(-1)!));
    expect(blocks.indexOf(firstItem[0]!)).toBeLessThan(blocks.indexOf(secondItem[0]!));
    expect(blocks.indexOf(secondList[0]!)).toBeLessThan(blocks.indexOf('ENCADREMENT'));
  });

  it('is read strip by strip when no line announces the items (nothing tells the order)', () => {
    const unannounced = runs.map((printed) => (printed.text.endsWith(' :') ? { ...printed, text: printed.text.replace(/ :$/, ' ces actions.') } : printed));
    const blocks = read(unannounced).join(' | ');
    expect(blocks.indexOf(firstItem[0]!)).toBeGreaterThan(blocks.indexOf('ENCADREMENT'));
  });
});

describe('a heading at a column’s foot, its text under a narrow gap (heading-at-column-foot)', () => {
  // The paragraph breaks of both columns at one height part the region into strips; a heading
  // closes the first column's upper strip, its text opens the lower one. No sentence tells.
  const first = ['Dans le cadre de sa politique de', 'modernisation, la communauté', 'souhaite compléter ses outils', 'managériaux par une démarche de', 'contrôle interne.'];
  const second = ['Le rapport propose d’articuler la', 'gestion des risques avec les projets', 'de service et le projet de territoire.'];
  const question = ['La mise en place d’une démarche de', 'contrôle interne est une', 'recommandation de nombreux rapports.'];
  const secondFoot = ['Le rapport propose de définir les', 'grandes orientations de la gestion', 'des risques au sein d’un comité.'];
  const headingTop = 100 + first.length * LEADING + 1;
  const lower = headingTop + LEADING + 6;
  const runs = [
    { ...run('DISPOSITIF DE PILOTAGE ET DE CONTRÔLE INTERNE', COLUMNS[0]!, 84, { bold: true }), width: 400 },
    ...paragraph(first, 0, 100),
    run('La problématique', COLUMNS[0]!, headingTop, { bold: true }),
    ...paragraph(second, 1, 100),
    ...paragraph(question, 0, lower),
    ...paragraph(secondFoot, 1, lower),
    // A signature alone under a narrow gap, set smaller: no column's foot of running text.
    { ...run('Jérôme Lenoir, directeur général', COLUMNS[1]!, lower + 3 * LEADING + 2), fontSize: 8.5 },
  ];

  it('is read with its text, down the first column before the next', () => {
    const blocks = read(runs);
    expect(blocks.indexOf(question.join(' '))).toBe(blocks.indexOf('La problématique') + 1);
    expect(blocks.indexOf(question.join(' '))).toBeLessThan(blocks.indexOf(second.join(' ')));
  });
});

describe('a pull-quote threaded from a column’s foot to the head of the next (quote-flow-under-gap)', () => {
  const QUOTE = 11;
  const sized = (text: string, x: number, y: number, size: number, bold = false): PdfTextRun => ({ text, x, y, width: COLUMN_WIDTH, fontSize: size, bold, fontName: bold ? 'Arimo-Bold' : 'Arimo-Regular' });
  const quoteStart = ['« L’équipe a su mobiliser les', 'acteurs du territoire et ses', 'propositions ont été présentées'];
  const quoteRest = ['aux parties prenantes, qui les', 'ont adoptées. »'];

  /** Column 1: text, then under a band gap (below where column 2 ends) the quote's signature and first lines; column 2: the quote's last lines, a heading and its references set smaller. */
  function runs(rest: readonly string[]): PdfTextRun[] {
    const footTop = 100 + context.length * LEADING + 40;
    return [
      ...paragraph(context, 0, 100),
      sized('Jérôme Lenoir, directeur général', COLUMNS[0]!, footTop, 8),
      ...quoteStart.map((text, i) => sized(text, COLUMNS[0]!, footTop + 14 + i * 14, QUOTE)),
      ...rest.map((text, i) => sized(text, COLUMNS[1]!, 100 + i * 14, QUOTE)),
      sized('ALLER PLUS LOIN', COLUMNS[1]!, 140, 9, true),
      sized('Guide des coopérations, 2019', COLUMNS[1]!, 155, 8),
    ];
  }

  it('is read down the first column before the second, when the quote’s sentence goes on there', () => {
    const blocks = read(runs(quoteRest));
    const start = blocks.findIndex((text) => text.includes('« L’équipe'));
    const rest = blocks.findIndex((text) => text.includes('aux parties prenantes'));
    expect(start).toBeGreaterThan(0);
    expect(start).toBeLessThanOrEqual(rest);
    expect(blocks.at(-1)).toBe('Guide des coopérations, 2019');
  });

  it('is read strip by strip when the second column opens a sentence of its own', () => {
    const blocks = read(runs(['Aux parties prenantes, qui les', 'ont adoptées. »']));
    expect(blocks.findIndex((text) => text.includes('« L’équipe'))).toBeGreaterThan(blocks.findIndex((text) => text.startsWith('Aux parties')));
  });

  it('is read down when the first column’s foot stops on an article, the second opening on a name (function-word-join)', () => {
    const blocks = read(runs(['Mairie de la commune, qui les', 'ont adoptées. »']).map((run) => (run.text === 'propositions ont été présentées' ? { ...run, text: 'propositions présentées à la' } : run)));
    expect(blocks.findIndex((text) => text.includes('« L’équipe'))).toBeLessThanOrEqual(blocks.findIndex((text) => text.includes('Mairie de la')));
  });
});

describe('a table of key figures threaded from a column’s foot to the head of the next (figure-table-flow-under-gap)', () => {
  const sized = (text: string, x: number, y: number, size: number, bold = false): PdfTextRun => ({ text, x, y, width: Math.min(COLUMN_WIDTH, text.length * size * 0.5), fontSize: size, bold, fontName: bold ? 'Arimo-Bold' : 'Arimo-Regular' });
  /** A figure (12 pt, bold) at baseline `y` of column `c`, its label (8.5 pt) beside it, 10 pt after it (closer than a gutter), its top level with the figure's. */
  const row = (figure: string, label: string, c: number, y: number, figureSize = 12): PdfTextRun[] => {
    const value = sized(figure, COLUMNS[c]!, y, figureSize, true);
    return [value, sized(label, COLUMNS[c]! + value.width + 10, y - 3, 8.5)];
  };

  /** Column 1: text, then under a band gap a pull-quote and the table's first rows; column 2: its last rows, ending high. */
  function runs(secondFigureSize: number): PdfTextRun[] {
    const footTop = 100 + context.length * LEADING + 40;
    return [
      ...paragraph(context, 0, 100),
      sized('« Les élèves ont su mobiliser les agents. »', COLUMNS[0]!, footTop, 11),
      ...row('30 000', 'visiteurs', 0, footTop + 30),
      ...row('23 M', 'pages vues', 0, footTop + 60),
      ...row('235', 'bibliothèques', 1, 100, secondFigureSize),
      ...row('+25 %', 'départs', 1, 130, secondFigureSize),
    ];
  }

  it('is read down the first column, its rows in the table’s order', () => {
    expect(read(runs(12)).filter((text) => /^[+\d]/.test(text))).toEqual(['30 000', '23 M', '235', '+25 %']);
  });

  it('is read strip by strip when the numbers stand alone, with no label (a sommaire’s column of numbers)', () => {
    const numbers = runs(12).filter((run) => run.bold || run.fontSize !== 8.5);
    expect(read(numbers).filter((text) => /^[+\d]/.test(text))).toEqual(['235', '+25 %', '30 000', '23 M']);
  });

  it('is read strip by strip when the figures are set otherwise (two tables)', () => {
    expect(read(runs(15)).filter((text) => /^[+\d]/.test(text))).toEqual(['235', '+25 %', '30 000', '23 M']);
  });
});

describe('a column’s foot whose sentence the next column goes on, the text above it ending on a number (open-end-join)', () => {
  // Column 1 ends a list item with no stop (« 2019-2024 »), then, under a band gap below where
  // column 2 ends, a paragraph stopping on a comma; column 2 opens in lower case. Both joins go on
  // a sentence; the comma says which one must.
  const list = ['La convention intercommunale', 'd’attribution précise la politique', 'pour la période 2019-2024'];
  const foot = ['A l’approche du mandat, la', 'Métropole a confié la mission', 'à la direction du logement,'];
  const goesOn = ['afin de lui permettre de mieux', 'piloter la nouvelle politique.', 'Cette question est cruciale.'];
  const runs = (): PdfTextRun[] => [
    ...paragraph(list, 0, 100),
    ...paragraph(foot, 0, 100 + list.length * LEADING + 14, true),
    ...paragraph(goesOn, 1, 100),
  ];

  it('is read down the first column: the comma weighs more than a number', () => {
    expect(read(runs())).toEqual([list.join(' '), [...foot, ...goesOn].join(' ')]);
  });
});

describe('a table of key figures beside headings in a left margin', () => {
  const sized = (text: string, x: number, y: number, size: number, bold = false, width = COLUMN_WIDTH): PdfTextRun => ({ text, x, y, width, fontSize: size, bold, fontName: bold ? 'Arimo-Bold' : 'Arimo-Regular' });
  const TEXT_X = 145;

  it('leaves the margin’s headings with the rows beside them, not read down first (figure-table-flow-under-gap)', () => {
    const runs = [
      sized('Le témoignage', 48, 100, 9, true, 80),
      ...[
        'La mission a permis à la Région Ile-de-France de s’interroger de façon',
        'méthodique et approfondie sur ses attendus vis-à-vis de son encadrement',
        'de proximité : les préconisations proposées reposent sur un diagnostic.',
      ].map((text, i) => sized(text, TEXT_X, 100 + i * LEADING, BODY, false, 380)),
      sized('10 ANS', TEXT_X, 163, 15, true, 50),
      sized('après le transfert du personnel', TEXT_X + 60, 160, 8.5, false, 200),
      sized('462', TEXT_X, 203, 15, true, 30),
      sized('lycées répartis sur le territoire', TEXT_X + 60, 200, 8.5, false, 200),
      sized('POUR ALLER PLUS LOIN', 48, 238, 9, true, 80),
      sized('Étude qualitative, 2010.', TEXT_X, 238, 8.5, false, 150),
    ];
    const blocks = read(runs);
    expect(blocks.findIndex((text) => text.startsWith('POUR ALLER'))).toBeGreaterThan(blocks.findIndex((text) => text.startsWith('462')));
  });
});

describe('a column whose paragraphs go on alone under a title across the columns (column-alone-over-band)', () => {
  it('is read down to its foot, its last paragraph going on at the head of the next column', () => {
    // Column 1: a paragraph, another one alone under it (column 2 ended higher, column 3 is a
    // sidebar), then under a band gap a heading and a paragraph stopping mid-sentence; column 2
    // opens in lower case, going on from it.
    const tutors = [run('TUTEUR DANS LA COLLECTIVITÉ', COLUMNS[2]!, 100, { bold: true }), run('MUNSCH Simon – Directeur général', COLUMNS[2]!, 115)];
    const second = ['Plus de neuf mois après la mise', 'en œuvre, la direction a choisi', 'de recourir à une mission.'];
    const secondTop = 100 + context.length * LEADING + 7;
    const bandTop = secondTop + second.length * LEADING + 14;
    const runs = [
      { ...run('RÉORGANISATION DE LA FONCTION FINANCIÈRE DE LA RÉGION', COLUMNS[0]!, 82, { bold: true }), width: 400 },
      ...paragraph(context, 0, 100),
      ...paragraph(second, 0, secondTop),
      run('La commande', COLUMNS[0]!, bandTop, { bold: true }),
      ...paragraph(question, 0, bandTop + 18, true),
      ...paragraph(questionGoesOn, 1, 100),
      ...tutors,
    ];
    const joined = read(runs).join(' ');
    expect(joined.indexOf(second[0]!)).toBeLessThan(joined.indexOf('La commande'));
    expect(joined).toContain([...question, ...questionGoesOn].join(' '));
  });
});

describe('a column that ran far below the next one before the gap (column-foot-long-column)', () => {
  const small = (text: string, c: number, y: number): PdfTextRun => ({ ...run(text, COLUMNS[c]!, y), fontSize: 8.5, width: Math.min(COLUMN_WIDTH, text.length * 3.6) });
  const figure = (text: string, y: number): PdfTextRun => ({ ...run(text, COLUMNS[0]!, y, { bold: true }), fontSize: 21, width: text.length * 11 });
  const figures = ['150 000', '1,371', '59', '65 000', '11 000', '41%', '20', '3000'];
  // Column 1: a testimony's end, the key figures under their heading, then (a wider gap) the
  // references' heading and their first reference; column 2 opens with the references that go on.
  const page = (): PdfTextRun[] => {
    const runs = [...paragraph(context, 0, 100), run('Les chiffres clés', COLUMNS[0]!, 190, { bold: true })];
    figures.forEach((value, i) => runs.push(figure(value, 215 + 50 * i), small(`libellé du chiffre numéro ${i + 1}`, 0, 230 + 50 * i)));
    const footTop = 230 + 50 * (figures.length - 1) + 36;
    runs.push(run('Pour en savoir plus', COLUMNS[0]!, footTop, { bold: true }), small('Rapport public thématique de la Cour', 0, footTop + 18), small('des Comptes de février 2017', 0, footTop + 29));
    runs.push(small("Publications et travaux de l'Union", 1, 100), small('sociale pour l’habitat, www.union-habitat.org', 1, 111), small('Le plan partenarial de la gestion', 1, 135), small('de la demande de logement social', 1, 146));
    return runs;
  };

  it('is read down to its foot before the column beside it, which the references run on into', () => {
    // The body's size is the document's: a page of running text before this one.
    const before: PdfPage = { number: 1, width: 595, height: 842, runs: [0, 1, 2].flatMap((c) => paragraph([...context, ...keys], c, 100)), skippedRuns: 0 };
    const last: PdfPage = { number: 2, width: 595, height: 842, runs: page(), skippedRuns: 0 };
    const blocks = layoutPages({ pageCount: 2, pages: [before, last] }).blocks.filter((block) => block.page === 2).map((block) => block.text);
    const at = (text: string): number => blocks.findIndex((block) => block.includes(text));
    expect(at('libellé du chiffre numéro 1')).toBeLessThan(at('1,371'));
    expect(at('1,371')).toBeLessThan(at('Publications et travaux'));
    expect(at('Rapport public thématique')).toBeLessThan(at('Publications et travaux'));
  });

  it('is not read down before a column that opens under a heading of its own, a sidebar of cards (long-foot-into-running-text)', () => {
    const before: PdfPage = { number: 1, width: 595, height: 842, runs: [0, 1, 2].flatMap((c) => paragraph([...context, ...keys], c, 100)), skippedRuns: 0 };
    // Column 2 opens with a bold heading over a tutor's card instead of references going on.
    const sidebar = page().map((r) => (r.x === COLUMNS[1]! && r.y === 100 ? { ...r, text: 'TUTRICE AU SEIN DE LA COLLECTIVITÉ', bold: true, fontSize: BODY, fontName: 'Arimo-Bold' } : r));
    const last: PdfPage = { number: 2, width: 595, height: 842, runs: sidebar, skippedRuns: 0 };
    const blocks = layoutPages({ pageCount: 2, pages: [before, last] }).blocks.filter((block) => block.page === 2).map((block) => block.text);
    const at = (text: string): number => blocks.findIndex((block) => block.includes(text));
    expect(at('TUTRICE AU SEIN')).toBeLessThan(at('Rapport public thématique'));
  });
});

describe('a left margin of headings beside a long text column and a short sidebar (long-foot-not-beside-headings)', () => {
  // Margin headings (bold, column 1) each level with their rubrique's text (column 2), which runs
  // long and ends in a run of key figures; a sidebar's team (column 3) ends high. Read down column
  // by column (as a long column's foot or a figure run would have it), every heading would come first.
  const figure = (text: string, y: number): PdfTextRun => ({ ...run(text, COLUMNS[1]!, y, { bold: true }), fontSize: 12, width: text.length * 7 });
  const label = (text: string, y: number): PdfTextRun => ({ ...run(text, COLUMNS[1]! + 50, y), fontSize: 8.5, width: 100 });
  const runs = (): PdfTextRun[] => {
    const keysTop = 100 + (context.length + question.length) * LEADING + 40;
    const figuresTop = keysTop + keys.length * LEADING + 30;
    return [
      run('LE CONTEXTE', COLUMNS[0]!, 100, { bold: true }),
      ...paragraph(context, 1, 100),
      run('LA COMMANDE', COLUMNS[0]!, 100 + context.length * LEADING + 20, { bold: true }),
      ...paragraph(question, 1, 100 + context.length * LEADING + 20),
      run('DES CLÉS', COLUMNS[0]!, keysTop, { bold: true }),
      ...paragraph(keys, 1, keysTop),
      run('LES CHIFFRES', COLUMNS[0]!, figuresTop, { bold: true }),
      ...['4 200', '27 %', '9'].flatMap((value, i) => [figure(value, figuresTop + 4 + i * 47), label(`aidants accompagnés numéro ${i + 1}`, figuresTop + 2 + i * 47)]),
      run('L’ÉQUIPE PROJET', COLUMNS[2]!, 100, { bold: true }),
      run('Quentin DELAHAYE', COLUMNS[2]!, 118),
      run('quentin.delahaye@administrateur-inet.org', COLUMNS[2]!, 130),
    ];
  };

  it('reads each heading with the text beside it, not all the headings first', () => {
    const blocks = read(runs());
    const at = (text: string): number => blocks.findIndex((block) => block.startsWith(text));
    expect(at('LE CONTEXTE')).toBeLessThan(at(context[0]!));
    expect(at(context[0]!)).toBeLessThan(at('LA COMMANDE'));
    expect(at('LA COMMANDE')).toBeLessThan(at('DES CLÉS'));
  });
});

describe('two columns of running text whose paragraph breaks fall level, under a title across them (column-flow-paragraph-gaps)', () => {
  // The title stands close over the columns (no band gap), so the page is cut at every narrow gap:
  // the paragraph breaks of both columns fall on one height, and the first column runs one line
  // longer than the second, as a balanced body ends. No sentence tells: every paragraph ends its own.
  const firstTop = ['Le bilan des dix ans a été commandé', 'par le président de la communauté,', 'qui souhaitait en tirer les leçons.'];
  const firstMiddle = ['La communauté a été créée il y a dix', 'ans et regroupe neuf communes de', 'la petite couronne parisienne.'];
  const firstFoot = ["L'enjeu de la mission est double."];
  const secondTop = ['Dresser un bilan objectif des dix ans', 'et porter un regard neuf sur le', 'fonctionnement des institutions.'];
  const secondMiddle = ['Le défi de la mission tenait à la', 'complexité du contexte et au grand', 'nombre des acteurs du territoire.'];
  const middleTop = 100 + 3 * LEADING + 7;
  const footTop = middleTop + 3 * LEADING + 7;
  const page = (second: readonly PdfTextRun[]): string[] =>
    read([
      { ...run('BILAN DES DIX ANS DE LA COMMUNAUTÉ', COLUMNS[0]!, 82, { bold: true }), width: 400 },
      ...paragraph(firstTop, 0, 100),
      ...paragraph(firstMiddle, 0, middleTop),
      ...paragraph(firstFoot, 0, footTop),
      ...second,
    ]);

  it('reads the first column down to its last line before the second column', () => {
    const blocks = page([...paragraph(secondTop, 1, 100), ...paragraph(secondMiddle, 1, middleTop)]);
    expect(blocks.slice(1)).toEqual([firstTop, firstMiddle, firstFoot, secondTop, secondMiddle].map((lines) => lines.join(' ')));
  });

  it('reads strip by strip when the second column is no running text (a team’s cards beside the text)', () => {
    const cards = (top: number): PdfTextRun[] => [run('Ariane RODEKUHR', COLUMNS[1]!, top, { bold: true }), run('ariane.rodekuhr@administrateur-inet.org', COLUMNS[1]!, top + LEADING)];
    const blocks = page([...cards(100), ...cards(middleTop)]);
    expect(blocks.indexOf('Ariane RODEKUHR')).toBeLessThan(blocks.indexOf(firstMiddle.join(' ')));
  });
});

describe('key figures set inline, their run going on at the next column’s head (inline-figure-flow-under-gap)', () => {
  /** A figure set inline: its number a bold run, its label in the same size after it, on one line. */
  const inline = (figure: string, label: string, c: number, y: number): PdfTextRun[] => {
    const value = run(figure, COLUMNS[c]!, y, { bold: true });
    return [value, run(label, COLUMNS[c]! + value.width + 3, y)];
  };
  /** Column 1: text, then under a band gap the run of figures; column 2: the run's last figure, then the references' heading and one reference. */
  const runs = (lastFigure: string): PdfTextRun[] => {
    const footTop = 100 + context.length * LEADING + 40;
    return [
      ...paragraph(context, 0, 100),
      ...inline('18,1', "M€ aux bibliothèques", 0, footTop),
      ...inline('13,2', 'M€ aux piscines', 0, footTop + 2 * LEADING),
      ...inline(lastFigure, 'des dépenses', 1, 100),
      run('Références', COLUMNS[1]!, 100 + 2 * LEADING, { bold: true }),
      run('Cour des comptes, Les piscines publiques, février 2018', COLUMNS[1]!, 100 + 3 * LEADING),
    ];
  };

  it('is read down the first column, the run’s last figure before the references', () => {
    const blocks = read(runs('15 %'));
    expect(blocks.findIndex((text) => text.startsWith('13,2'))).toBeLessThan(blocks.findIndex((text) => text.startsWith('15 %')));
  });

  it('is read strip by strip when the next column opens otherwise (text of its own)', () => {
    const blocks = read(runs('Les'));
    expect(blocks.findIndex((text) => text.startsWith('Les'))).toBeLessThan(blocks.findIndex((text) => text.startsWith('18,1')));
  });
});
