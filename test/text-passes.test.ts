/**
 * Unit tests of the converter-text line passes (src/extract/text/): each rule on the smallest
 * text that needs it, in the forms the common converters write (fixtures/converters/README.md).
 */
import { describe, expect, it } from 'vitest';
import { readText } from '../src/extract/text.js';
import { isLaidOut, readColumns } from '../src/extract/text/columns.js';
import { splitBoldRuns, stripLineMarkup } from '../src/extract/text/markdown.js';
import { dropFolios, inferPageBreaks, markPageBreaks } from '../src/extract/text/pages.js';
import { prepareLines } from '../src/extract/text/passes.js';
import { joinKernedWords, splitGluedEmails, unswapLetters } from '../src/extract/text/tokens.js';
import { normaliseDocument, withSuppliedEdition } from '../src/normalise/index.js';
import { BrochureError } from '../src/errors.js';
import { runHeadingPasses } from '../src/parse/heading-passes.js';
import { parseProject } from '../src/parse/index.js';
import { DEFAULT_VOCABULARY } from '../src/profile.js';

const texts = (source: string): string[] => readText(source).blocks.map((b) => b.text);
/** The blocks of a text written one printed line per line (a unit test's text is too short to tell). */
const lineTexts = (source: string): string[] => readText(source, { dialect: 'lines' }).blocks.map((b) => b.text);

describe('page breaks', () => {
  it('reads a form feed glued to the next line, and « -- 3 of 110 -- », as a break', () => {
    expect(markPageBreaks(['fin de page', '\fSOM']).lines).toEqual(['fin de page', '', 'SOM']);
    const marked = markPageBreaks(['a', '-- 3 of 110 --', 'b']);
    expect(marked.lines).toEqual(['a', '', 'b']);
    expect([...marked.breaks]).toEqual([1]);
  });
});

describe('folios', () => {
  it('drops a page\'s folio written amid its text when the other pages\' folios give its number', () => {
    const pages = Array.from({ length: 12 }, (_, k) => ['Du texte de la page.', '', String(k + 1)]);
    const last = ['PROMOTION A', 'NOM Prénom', '', '13', '', 'PROMOTION B', 'AUTRE Nom'];
    const { lines, breaks } = markPageBreaks([...pages.flatMap((page) => [...page, '\f']), ...last]);
    const kept = dropFolios(lines, breaks);
    expect(kept.filter((line) => /^\d+$/.test(line))).toEqual([]);
    // A number that is not the page's folio stays.
    const other = markPageBreaks([...pages.flatMap((page) => [...page, '\f']), 'Les chiffres', '', '20', '', 'mois']);
    expect(dropFolios(other.lines, other.breaks)).toContain('20');
  });
});

describe('page ends of a text with no page breaks', () => {
  it('are the running lines that carry the page number, and the folios counting up', () => {
    const running = ['Texte', 'Regards croisés · 2031 / 2032   5', 'Texte', 'Regards croisés · 2031 / 2032   6', 'Texte', 'Regards croisés · 2031 / 2032   7', 'Fin'];
    expect(inferPageBreaks(running).filter((line) => line === '\f')).toHaveLength(3);
    const folios = ['Texte', '   2', 'Texte', '  3', 'Les chiffres', '26', 'Texte', '5'];
    // A folio becomes its page's break; a key figure off the count stays.
    expect(inferPageBreaks(folios)).toEqual(['Texte', '', '\f', 'Texte', '', '\f', 'Les chiffres', '26', 'Texte', '', '\f']);
    expect(inferPageBreaks(['Texte', '2', 'Texte'])).toEqual(['Texte', '2', 'Texte']);
  });
  it('tells a text whose columns\' rows are set apart (no gap inside a row) as laid out', () => {
    const rows = ['Gauche une', '                              Droite une', 'Gauche deux', '                              Droite deux'];
    expect(isLaidOut(rows)).toBe(true);
    expect(isLaidOut(['Une ligne', '  un retrait', 'Une autre ligne'])).toBe(false);
  });
});

describe('tokens', () => {
  it('cuts an e-mail glued to the next name', () => {
    expect(splitGluedEmails(['fanette.peyratout@administrateur-inet.orgXavier LEIBAR'])).toEqual(['fanette.peyratout@administrateur-inet.org', 'Xavier LEIBAR']);
    expect(splitGluedEmails(['écrire à a.b@inet.org pour'])).toEqual(['écrire à a.b@inet.org pour']);
  });
  it('joins a word kerned into pieces when the text prints it whole elsewhere and a piece never alone', () => {
    const lines = ['01/ LA RESTAURATION SCOLAIRE', 'LA REST AURA TION SCOLAIRE', 'Sophie Bellanger , en tr ois ans', 'les trois communes', 'Décembr e 2019'];
    expect(joinKernedWords(lines)).toEqual(['01/ LA RESTAURATION SCOLAIRE', 'LA RESTAURATION SCOLAIRE', 'Sophie Bellanger, en trois ans', 'les trois communes', 'Décembre 2019']);
    // Words that stand side by side stay apart (« en semble »: « en » is printed alone too), and so do
    // pieces that could end one word or start another (« GEORGE S AND »), and a display word's pieces.
    const apart = ['ils en semble ensemble', 'il en parle, il semble', 'GEORGE S AND', 'GEORGES et SAND', 'SOM MAI RE', 'SOMMAIRE'];
    expect(joinKernedWords(apart)).toEqual(apart);
  });
  it('parts a heading the text prints alone elsewhere from the text glued under it, and nothing else', async () => {
    const { splitHeadingsGluedToText } = await import('../src/extract/text/tokens.js');
    expect(splitHeadingsGluedToText(['POUR ALLER PLUS LOINun groupement', 'POUR ALLER PLUS LOIN', 'LE GOFFMaëlle'])).toEqual(['POUR ALLER PLUS LOIN', '', 'un groupement', 'POUR ALLER PLUS LOIN', 'LE GOFFMaëlle']);
  });
  it('reads a bullet written after its item as the item\'s end, and leaves bullets inside a line', async () => {
    const { splitTrailingBullets } = await import('../src/extract/text/tokens.js');
    expect(splitTrailingBullets(['gardant sa cuisine ;•', 'un service commun. •', 'solvaire.fr •LES CHIFFRES CLÉS', 'objectifs • Matrice •'])).toEqual(['gardant sa cuisine ;', '', 'un service commun.', '', 'solvaire.fr', '', 'LES CHIFFRES CLÉS', 'objectifs • Matrice •']);
    expect(lineTexts(['des élus.', 'Association des maires, www .maires.fr •', 'une autre ligne'].join('\n'))).toContain('Association des maires, www.maires.fr');
  });
  it('restores letters written with swapped bytes next to Latin letters only', () => {
    expect(unswapLetters('Concep\u7400\u6900on')).toBe('Conception');
    expect(unswapLetters('identi\u6600\u6900er')).toBe('identifier');
    expect(unswapLetters('\u7400 seul')).toBe('\u7400 seul');
  });
});

describe('markup', () => {
  it('removes heading marks, setext underlines, HTML tags and entities', () => {
    expect(stripLineMarkup('##### 2019 / 2020')).toBe('2019 / 2020');
    expect(stripLineMarkup('=====')).toBe('');
    expect(stripLineMarkup('<p>Ville &amp; Métropole</p>').trim()).toBe('Ville & Métropole');
  });
  it('splits a line that joins a bold title, a plain line and a bold page reference', () => {
    expect(splitBoldRuns('**01/ TITRE** VILLE DE LYON **/ P05**')).toEqual(['**01/ TITRE**', 'VILLE DE LYON', '**/ P05**']);
  });
});

describe('columns', () => {
  const page = [
    'CONTEXTE                        DES CLÉS POUR AGIR',
    'Première ligne gauche           Première ligne droite',
    'deuxième ligne gauche.          deuxième ligne droite.',
  ];
  it('tells a laid-out text and reads its columns one after the other', () => {
    expect(isLaidOut(page)).toBe(true);
    expect(readColumns(page).filter((line) => line !== '')).toEqual([
      'CONTEXTE', 'Première ligne gauche', 'deuxième ligne gauche.', 'DES CLÉS POUR AGIR', 'Première ligne droite', 'deuxième ligne droite.',
    ]);
  });
  it('reads two columns whose rows take turns without a straight gutter by where each row starts', () => {
    const rows = [
      'Gauche une ligne assez longue pour',
      '                        Droite un',
      'déborder sur la colonne de droite.',
      '                        Droite deux',
      'Gauche trois            Droite trois',
      'Gauche quatre',
      '                        Droite quatre',
      'Gauche cinq',
    ];
    expect(readColumns(rows).filter((line) => line !== '')).toEqual([
      'Gauche une ligne assez longue pour', 'déborder sur la colonne de droite.', 'Gauche trois', 'Gauche quatre', 'Gauche cinq',
      'Droite un', 'Droite deux', 'Droite trois', 'Droite quatre',
    ]);
  });
  it('reads two columns before rows that run across under them after one blank row', () => {
    const rows = [
      'Gauche une                 Droite une',
      'gauche deux.               droite deux.',
      '',
      'Aller plus loin',
      '   Une référence assez longue pour passer sous les deux colonnes',
    ];
    expect(readColumns(rows).filter((line) => line !== '').map((line) => line.trim())).toEqual([
      'Gauche une', 'gauche deux.', 'Droite une', 'droite deux.', 'Aller plus loin', 'Une référence assez longue pour passer sous les deux colonnes',
    ]);
  });
  it('drops a row only the other column fills inside a sentence, and keeps it after a sentence end', () => {
    const rows = [
      'La première ligne pleine de la          Droite une',
      '                                        Droite deux',
      'colonne se poursuit ici et finit.',
      '                                        Droite trois',
      'Un autre paragraphe.                    Droite quatre',
    ];
    expect(readColumns(rows).slice(0, 5)).toEqual(['La première ligne pleine de la', 'colonne se poursuit ici et finit.', '', 'Un autre paragraphe.', '']);
  });
  it('drops the folio at a laid-out page\'s foot before its columns are read', () => {
    const page = (folio: string): string[] => ['Gauche une ligne               Droite une ligne', 'gauche deux lignes.            droite deux lignes.', '', '', `                                                 ${folio}`];
    const lines = prepareLines([...page('1'), '\f', ...page('2'), '\f']).lines;
    expect(lines.filter((line) => /^\s*\d+\s*$/.test(line))).toEqual([]);
  });
  it('reads bands separated by blank rows before columns (author cards two per line)', () => {
    const cards = ['Fanette PEYRATOUT        Xavier LEIBAR', 'f.p@inet.org             x.l@inet.org', '', '', 'Nathalie BOUCHAIN', 'n.b@inet.org'];
    expect(readColumns(cards).filter((line) => line !== '')).toEqual(['Fanette PEYRATOUT', 'f.p@inet.org', 'Xavier LEIBAR', 'x.l@inet.org', 'Nathalie BOUCHAIN', 'n.b@inet.org']);
  });
});

describe('headings with no blank line under them', () => {
  it('cuts a heading the vocabulary knows off the lines under it when no style tells it', () => {
    const { blocks } = readText(['Aller plus loin', 'AdCF, La dimension ressources humaines, déc. 2015', 'Le Grand Narbonne, Charte de la mutualisation'].join('\n'));
    expect(runHeadingPasses(blocks, DEFAULT_VOCABULARY).blocks.map((b) => b.text)).toEqual(['Aller plus loin', 'AdCF, La dimension ressources humaines, déc. 2015 Le Grand Narbonne, Charte de la mutualisation']);
  });
  it('leaves a block whose lines carry a style (the PDF cuts by type)', () => {
    const lines = [{ text: 'Aller plus loin', bold: false, size: 9 }, { text: 'AdCF, La dimension', bold: false, size: 9 }];
    const block = { kind: 'paragraph' as const, lines, text: 'Aller plus loin AdCF, La dimension', page: 1 };
    expect(runHeadingPasses([block], DEFAULT_VOCABULARY).blocks).toHaveLength(1);
  });
});

describe('references run into one block', () => {
  it('opens a reference at each line that does not go on the sentence before', () => {
    const { blocks } = readText(['01', '', 'CONTEXTE', '', 'Un contexte.', '', 'Aller plus loin', '', 'AdCF, La dimension ressources humaines, déc. 2015', 'Le plan partenarial de la gestion de la demande, adopté par la', 'Métropole de LYON, pour la période 2018-2023', 'Guide des coopérations à l’usage des collectivités locales et de leurs groupements,', 'juill. 2019'].join('\n'));
    const parsed = parseProject({ numero: 1, section: '', heading: blocks[0]!, blocks: blocks.slice(1) });
    expect(parsed.allerPlusLoin.map((item) => item.texte)).toEqual([
      'AdCF, La dimension ressources humaines, déc. 2015',
      'Le plan partenarial de la gestion de la demande, adopté par la Métropole de LYON, pour la période 2018-2023',
      'Guide des coopérations à l’usage des collectivités locales et de leurs groupements, juill. 2019',
    ]);
  });
});

describe('key figures run into one block', () => {
  it('opens a figure at each line that starts with a number, unless the line before goes on into it', () => {
    const { blocks } = readText(['01', '', 'CONTEXTE', '', 'Un contexte.', '', 'LES CHIFFRES CLÉS', '', '4 200 aidants accompagnés chaque année par les', 'associations partenaires', '27 % des aidants interrogés entre 2010 et', '2030 (Scot)'].join('\n'));
    const parsed = parseProject({ numero: 1, section: '', heading: blocks[0]!, blocks: blocks.slice(1) });
    expect(parsed.chiffres.map((figure) => [figure.valeur, figure.libelle])).toEqual([
      ['4 200', 'aidants accompagnés chaque année par les associations partenaires'],
      ['27 %', 'des aidants interrogés entre 2010 et 2030 (Scot)'],
    ]);
  });
});

describe('a column heading read before the sidebar beside it', () => {
  it('gives the empty text rubrique the prose under the tutors\' heading, and the tutors the card read at a text\'s end', () => {
    const { blocks } = readText([
      '01', '', 'LE CONTEXTE', 'AUTEURS DU PROJET', '', 'DUPONT Marie', 'marie.dupont@administrateur-inet.org', '', 'TUTEUR AU SEIN DE LA', 'COLLECTIVITÉ', '',
      'Depuis 2030, le Département est chef de file de l’accompagnement des proches aidants, qui peinent à trouver une information claire.',
      'LA PROBLÉMATIQUE', '', 'Le Département souhaitait savoir comment rassembler l’offre de ses partenaires en un guichet unique.', '',
      'GARNIER-BOSC Olivier', 'Directeur de l’autonomie', '', 'DES CLÉS POUR AGIR', '', 'L’équipe a conduit quarante entretiens avec des aidants et des partenaires.',
    ].join('\n'));
    const parsed = parseProject({ numero: 1, section: '', heading: blocks[0]!, blocks: blocks.slice(1) });
    expect(parsed.contexte).toMatch(/^Depuis 2030/);
    expect(parsed.tuteurs.map((tutor) => tutor.name)).toEqual(['GARNIER-BOSC Olivier']);
    expect(parsed.problematique).toMatch(/guichet unique\.$/);
  });
});

describe('a paragraph read among the team\'s cards', () => {
  it('goes to the text rubrique whose heading was read before the team', () => {
    const { blocks } = readText([
      '01', '', 'LE CONTEXTE', 'AUTEURS DU PROJET', '', 'LOURMEL Baptiste', 'baptiste.lourmel@ingenieurchef-inet.org', '', 'AMRANI Yasmine', '',
      'Depuis 2029, toutes les communes du Grand Verchamp doivent', 'pouvoir recevoir les demandes de permis de construire par voie', 'électronique.', '',
      'yasmine.amrani@administrateur-inet.org', '', 'LA PROBLÉMATIQUE', '', 'Comment accompagner les habitants éloignés du numérique sans ralentir les demandes ?',
    ].join('\n'));
    const parsed = parseProject({ numero: 1, section: '', heading: blocks[0]!, blocks: blocks.slice(1) });
    expect(parsed.contexte).toMatch(/^Depuis 2029/);
    expect(parsed.auteurs.map((author) => author.name)).toEqual(['LOURMEL Baptiste', 'AMRANI Yasmine']);
  });
});

describe('two columns\' headings read across', () => {
  it('gives the left column\'s text to the first heading and the right column\'s, after the next heading\'s own block, to the second', () => {
    const { blocks } = readText([
      '01', '', 'LES AUTEURS', '', 'DUPONT Marie', 'marie.dupont@administrateur-inet.org', '', 'CONTEXTE', '', 'DES CLÉS POUR AGIR', '',
      'Bordeaux Métropole a développé un modèle ambitieux de mutualisation.', '', 'PROBLÉMATIQUE', 'La métropole a souhaité opérer une analyse comparative.', '',
      'La cartographie réalisée par la mission vise une analyse globale.',
    ].join('\n'));
    const parsed = parseProject({ numero: 1, section: '', heading: blocks[0]!, blocks: blocks.slice(1) });
    expect([parsed.contexte, parsed.problematique, parsed.clesPourAgir]).toEqual([
      'Bordeaux Métropole a développé un modèle ambitieux de mutualisation.',
      'La métropole a souhaité opérer une analyse comparative.',
      'La cartographie réalisée par la mission vise une analyse globale.',
    ]);
  });
});

describe('a testimony\'s signature read after the figures', () => {
  it('goes to the testimony when it signs with a tutor\'s name, in any order of its words', () => {
    const { blocks } = readText([
      '01', '', 'LES AUTEURS', '', 'DUPONT Marie', 'marie.dupont@administrateur-inet.org', '', 'TUTRICE AU SEIN DE LA COLLECTIVITÉ', '', 'TISSERAND Agnès', 'Directrice générale adjointe', '',
      'CONTEXTE', '', 'Un contexte assez long pour être lu comme un paragraphe de texte.', '', 'TÉMOIGNAGE DE LA COLLECTIVITÉ', '', '« L’équipe a su écouter les élus. »', '',
      'LES CHIFFRES CLÉS', '', '26', 'communes membres', '', 'Agnès Tisserand, directrice générale adjointe',
    ].join('\n'));
    const parsed = parseProject({ numero: 1, section: '', heading: blocks[0]!, blocks: blocks.slice(1) });
    expect(parsed.temoignage).toMatch(/Agnès Tisserand, directrice générale adjointe$/);
    expect(parsed.chiffres.map((figure) => figure.libelle)).toEqual(['communes membres']);
  });
});

describe('one printed line per line', () => {
  const source = ['LES AUTEURS', 'Fanette PEYRATOUT', 'fanette.peyratout@administrateur-inet.org', 'CONTEXTE', 'Une phrase coupée', 'en deux lignes.', 'Autre paragraphe.'].join('\n');
  it('is told from the rarity of blank lines', () => {
    const long = Array.from({ length: 10 }, () => source).join('\n').split('\n');
    expect(prepareLines(long).dialect).toBe('lines');
    expect(prepareLines(long.flatMap((line) => [line, ''])).dialect).toBe('blocks');
    expect(prepareLines(source.split('\n')).dialect).toBe('blocks');
  });
  it('makes each line a block unless it goes on the previous sentence; an address stays apart', () => {
    expect(lineTexts(source)).toEqual(['LES AUTEURS', 'Fanette PEYRATOUT', 'fanette.peyratout@administrateur-inet.org', 'CONTEXTE', 'Une phrase coupée en deux lignes.', 'Autre paragraphe.']);
  });
});

describe('edition supplied by the caller', () => {
  const printed = { titre: 'T', edition: null, anneeDebut: null, anneeFin: null, datePublication: null };
  it('fills a missing edition and says so', () => {
    const { brochure, diagnostic } = withSuppliedEdition(printed, '2019-2020');
    expect(brochure).toMatchObject({ edition: '2019 / 2020', anneeDebut: 2019, anneeFin: 2020 });
    expect(diagnostic?.code).toBe('EDITION_SUPPLIED');
  });
  it('keeps a printed edition and reports a different one', () => {
    const { brochure, diagnostic } = withSuppliedEdition({ ...printed, edition: '2019 / 2020', anneeDebut: 2019, anneeFin: 2020 }, '2020-2021');
    expect(brochure.anneeDebut).toBe(2019);
    expect(diagnostic?.code).toBe('EDITION_MISMATCH');
  });
  it('refuses an edition that is not one', () => {
    expect(() => withSuppliedEdition(printed, '2019')).toThrow(BrochureError);
  });
  it('without any edition nor project, refuses the input as no brochure (exit 65; with projects, exit 3: test/stages.test.ts)', () => {
    const segmented = { cover: [], sommaire: [], sections: [], colophon: [], sectionHeadings: [], projects: [], rosters: [], diagnostics: [] };
    try {
      normaliseDocument(segmented, [], { file: 'x.txt', sha256: '0', format: 'text', pageCount: null });
      expect.unreachable();
    } catch (error) {
      expect((error as BrochureError).code).toBe('NOT_A_BROCHURE');
      expect((error as BrochureError).exitCode).toBe(65);
    }
  });
});

describe('evidence passes', () => {
  it('drops a folio beside a page break only when it is the page’s rank', async () => {
    const { dropFolios } = await import('../src/extract/text/pages.js');
    const { lines, breaks } = markPageBreaks(['texte', '2', '\fPILOTER', '01', 'TITRE', '17', '\f22', 'projets']);
    expect(dropFolios(lines, breaks).filter((line) => line !== '')).toEqual(['texte', 'PILOTER', '01', 'TITRE', '17', '22', 'projets']);
  });
  it('drops a folio set between dashes (« — 3 — »), as a bare one', async () => {
    const { dropFolios } = await import('../src/extract/text/pages.js');
    const { lines, breaks } = markPageBreaks(['texte', '— 2 —', '\fPILOTER', '01', 'TITRE', '- 3 -', '\f22', 'projets', '— 40 —']);
    expect(dropFolios(lines, breaks).filter((line) => line !== '')).toEqual(['texte', 'PILOTER', '01', 'TITRE', '22', 'projets', '— 40 —']);
  });
  it('drops a running line that carries the page number, or repeats the same on four pages', async () => {
    const { dropRunningLines } = await import('../src/extract/text/pages.js');
    const footer = (n: number): string => `Regards croisés sur les territoires · 2031 / 2032 ${n}`;
    expect(dropRunningLines(['a', footer(2), 'b', footer(3), 'c', footer(4)])).toEqual(['a', 'b', 'c']);
    expect(dropRunningLines(['1.1 Les auteurs', '2.1 Les auteurs', '3.1 Les auteurs'])).toHaveLength(3);
    const same = 'Regards croisés · 2031 / 2032';
    expect(dropRunningLines([same, same, same])).toHaveLength(3);
    expect(dropRunningLines([same, same, same, same])).toHaveLength(0);
  });
  it('joins a display word set in pieces, a glued page number dropped, a block of its own', async () => {
    const { joinWordPieces } = await import('../src/extract/text/tokens.js');
    expect(joinWordPieces(['2SOM', 'MAI', 'RE', 'PILOTER ENSEMBLE'])).toEqual(['SOM MAI RE', '', 'PILOTER ENSEMBLE']);
    expect(joinWordPieces(['SOM', '', 'MAI', '', 'RE'])).toEqual(['SOM MAI RE']);
    expect(joinWordPieces(['A', 'texte'])).toEqual(['A', 'texte']);
  });
  it('gives one line to each « NOM Prénom » of a roster run together, and leaves other lines', async () => {
    const { splitRosterRuns } = await import('../src/extract/text/tokens.js');
    expect(splitRosterRuns([' KESSLER Arnaud LE GOFF Maëlle NGUYEN Thu-Hà ', 'DUPONT Jeanne', 'LE CONTEXTE La ville compte'])).toEqual(['KESSLER Arnaud', 'LE GOFF Maëlle', 'NGUYEN Thu-Hà', 'DUPONT Jeanne', 'LE CONTEXTE La ville compte']);
  });
  it('reads a roster run together with a name glued to its first name and a student of two first names', async () => {
    const { splitRosterRuns } = await import('../src/extract/text/tokens.js');
    expect(splitRosterRuns(['ABRIC Sarah OUARDISamira CARBAIN Aénor Paul VAN DER MEE Camille'])).toEqual(['ABRIC Sarah', 'OUARDISamira', 'CARBAIN Aénor Paul', 'VAN DER MEE Camille']);
  });
  it('joins a display heading cut at a hyphen whose pieces blank lines part, and nothing after its text', () => {
    expect(texts('PROMO-\n\nTION\n\nGEORGE SAND\n\nABRIC Sarah\n\nLA SUITE')).toEqual(['PROMO-TION GEORGE SAND', 'ABRIC Sarah', 'LA SUITE']);
  });
  it('puts the second of two rosters read one after the other under its heading, where the alphabetical order starts again', async () => {
    const { placeSecondRosterHeading } = await import('../src/extract/text/tokens.js');
    const text = ['PROMOTION', 'PREMIÈRE', '', 'PROMOTION', 'SECONDE', '', 'ABEL Anne', 'BRUN Paul', 'COSTEJean', 'DURAND Léa', '', 'ALIX Marc', 'BOUCHER Eve', 'CARON Luc'];
    expect(placeSecondRosterHeading(text).filter((line) => line !== '')).toEqual([
      'PROMOTION', 'PREMIÈRE', 'ABEL Anne', 'BRUN Paul', 'COSTEJean', 'DURAND Léa', 'PROMOTION', 'SECONDE', 'ALIX Marc', 'BOUCHER Eve', 'CARON Luc',
    ]);
    // One heading, names in order: nothing moves.
    const one = ['PROMOTION', 'PREMIÈRE', '', 'ABEL Anne', 'BRUN Paul', 'CARON Luc', 'DURAND Léa', 'ESTIVAL Marc', 'FABRE Eve'];
    expect(placeSecondRosterHeading(one)).toEqual(one);
  });
  it('sorts rosters read across under their headings by the corps the e-mails give, and by alphabetical order where no e-mail spells a name', async () => {
    const { sortRostersReadAcross } = await import('../src/extract/text/rosters.js');
    const cards = ['lea.amrani@administrateur-inet.org', 'ines.bruno@administrateur-inet.org', 'paul.costa@conservateur-inet.org', 'hugo.faure@conservateur-inet.org', 'theo.nguyen@ingenieurchef-inet.org', 'lina.vignal@ingenieurchef-inet.org', 'marc.peraudin@administrateur-inet.org'];
    const across = ['AMRANI Léa', 'KESSLER Arnaud', 'COSTA Paul', 'BRUNO Inès', 'NGUYEN Théo', 'FAURE Hugo', 'PERRAUDIN Marc', 'VIGNAL Lina'];
    const text = ['PROMOTION UNE', '', 'PROMOTION DEUX', '', 'PROMOTION TROIS', '', ...across.flatMap((name) => [name, '']), 'Plus loin.', ...cards];
    expect(sortRostersReadAcross(text).filter((line) => line !== '').slice(0, 11)).toEqual(['PROMOTION UNE', 'AMRANI Léa', 'BRUNO Inès', 'PERRAUDIN Marc', 'PROMOTION DEUX', 'KESSLER Arnaud', 'NGUYEN Théo', 'VIGNAL Lina', 'PROMOTION TROIS', 'COSTA Paul', 'FAURE Hugo']);
    // Rosters already read one after the other are left as they are.
    const inOrder = ['PROMOTION UNE', '', 'PROMOTION DEUX', '', 'PROMOTION TROIS', '', 'AMRANI Léa', 'BRUNO Inès', 'PERRAUDIN Marc', 'KESSLER Arnaud', 'NGUYEN Théo', 'VIGNAL Lina', 'COSTA Paul', 'FAURE Hugo', ...cards];
    expect(sortRostersReadAcross(inOrder)).toEqual(inOrder);
  });
  it('deals rosters read across, row by row, to their headings in turn, each in alphabetical order', async () => {
    const { dealRostersReadAcross } = await import('../src/extract/text/tokens.js');
    // Rows of three, then of two (the third column ended), then of one.
    const lines = ['PROMOTION A', '', 'PROMOTION B', '', 'PROMOTION C', '', 'AMRANI Yasmine', 'KESSLER Arnaud', 'COSTA Jérôme', 'BRUNEAU Inès', 'LOURMELLE Baptiste', 'RAKOTO Hugo', 'PERRAUDIN Camille', 'VIGNAL Théo', 'POULAIN Margaux', 'SCHNEIDER Léna'];
    expect(dealRostersReadAcross(lines).filter((line) => line !== '')).toEqual([
      'PROMOTION A', 'AMRANI Yasmine', 'BRUNEAU Inès', 'PERRAUDIN Camille', 'POULAIN Margaux', 'SCHNEIDER Léna',
      'PROMOTION B', 'KESSLER Arnaud', 'LOURMELLE Baptiste', 'VIGNAL Théo',
      'PROMOTION C', 'COSTA Jérôme', 'RAKOTO Hugo',
    ]);
    // Two rosters read one after the other are not dealt (the alphabetical order starts again once).
    const consecutive = ['PROMOTION A', '', 'PROMOTION B', '', 'ABRIC Sarah', 'BAHUAUD Julien', 'CROUZET Kevin', 'ADRIAN Mélisande', 'BAUDIN Antoine', 'DAVID Julie'];
    expect(dealRostersReadAcross(consecutive)).toEqual(consecutive);
  });
  it('cuts a heading in capitals glued to the sentence before', async () => {
    const { splitGluedHeadings } = await import('../src/extract/text/tokens.js');
    expect(splitGluedHeadings(['de son schéma.DES CLÉS POUR AGIR'])).toEqual(['de son schéma.', 'DES CLÉS POUR AGIR']);
    expect(splitGluedHeadings(['VOISIN ElisabethPROMO-', '110PROMO-', 'un mot coupé-', 'SCHNEIDER LénaPROMOTION NIKOLA', 'le Grand Narbonne'])).toEqual(['VOISIN Elisabeth', 'PROMO-', '110', 'PROMO-', 'un mot coupé-', 'SCHNEIDER Léna', 'PROMOTION NIKOLA', 'le Grand Narbonne']);
    expect(splitGluedHeadings(['voir www.inet.FR'])).toEqual(['voir www.inet.FR']);
  });
  it('cuts a heading glued to a name or a function when it opens with an article of two capitals', async () => {
    const { splitGluedHeadings } = await import('../src/extract/text/tokens.js');
    expect(splitGluedHeadings(['des services à la populationLE CONTEXTE', 'Directeur de l\'autonomieLA PROBLÉMATIQUE'])).toEqual(['des services à la population', 'LE CONTEXTE', 'Directeur de l\'autonomie', 'LA PROBLÉMATIQUE']);
    // Two capitals alone after a small letter are no heading (« iOS », « kWh » keep theirs).
    expect(splitGluedHeadings(['une appli sous iOS', 'mesurée en MWh'])).toEqual(['une appli sous iOS', 'mesurée en MWh']);
  });
  it('cuts sommaire entries run together, and moves a page set at the right after the entry', async () => {
    const { splitSommaireRuns } = await import('../src/extract/text/tokens.js');
    expect(splitSommaireRuns(['12/ TITRE UN VILLE A / P61 13/ TITRE DEUX VILLE B / P65'])).toEqual(['12/ TITRE UN VILLE A', '/ P61', '13/ TITRE DEUX VILLE B', '/ P65']);
    expect(splitSommaireRuns(['01/    TITRE     / P05', '       DE VIE', '       VILLE', ''])).toEqual(['01/    TITRE', '       DE VIE', '       VILLE', '/ P05', '']);
  });
  it('ends an entry whose page it holds at a line set back at the number\'s start (a section\'s title)', async () => {
    const { splitSommaireRuns } = await import('../src/extract/text/tokens.js');
    expect(splitSommaireRuns(['  02/    TITRE     / P07', '         VILLE', '  UNE SECTION', '  03/    AUTRE'])).toEqual(['  02/    TITRE', '         VILLE', '/ P07', '  UNE SECTION', '  03/    AUTRE']);
  });
  it('never parts a sommaire number from its title by a gutter', () => {
    expect(readColumns(['01/      TITRE UN        / P05', '02/      TITRE DEUX      / P07']).filter((line) => line !== '')).toEqual(['01/      TITRE UN        / P05', '02/      TITRE DEUX      / P07']);
  });
  it('cuts a block after the title and collectivité the sommaire printed', () => {
    const source = ['01/ LE TITRE DU PROJET', 'VILLE DE LYON', '/ P05', '', '01', '', 'LE TITRE DU PROJET', 'VILLE DE LYON', 'LES AUTEURS'].join('\n');
    expect(texts(source)).toContain('LES AUTEURS');
  });
  it('sets the collectivité the sommaire printed on a line of its own apart from the title', () => {
    const source = ['01/ LE TITRE DU PROJET', 'VILLE DE LYON', '/ P05', '', '01', '', 'LE TITRE DU PROJET', 'VILLE DE LYON', 'LES AUTEURS'].join('\n');
    expect(texts(source)).toEqual(expect.arrayContaining(['LE TITRE DU PROJET', 'VILLE DE LYON', 'LES AUTEURS']));
  });
  it('moves a heading or a running head read inside a cut sentence after the sentence\'s end', () => {
    const cut = ['La mutualisation permet de développer de nouveaux services à l\'usager, de créer de', 'l\'activité et de contribuer à un pilotage des ressources et des'];
    const source = [...cut, '', 'Aller plus loin', '', 'dépenses à cette échelle, et de refactu-', 'rer les services.', '', 'Une autre phrase.'].join('\n');
    expect(texts(source)).toEqual([cut.join(' '), 'dépenses à cette échelle, et de refacturer les services.', 'Aller plus loin', 'Une autre phrase.']);
    const hyphenated = [...cut.slice(0, 1), 'l\'activité et de contribuer à un pilotage des ressources refactu-'];
    expect(texts([...hyphenated, '', 'PILOTER ENSEMBLE', '', 'rées selon des critères.'].join('\n'))).toEqual([`${hyphenated.join(' ').slice(0, -1)}rées selon des critères.`, 'PILOTER ENSEMBLE']);
    // A card or a signature that stops so is no cut sentence: the heading after it stays.
    expect(texts(['Claire DURAND', 'Directrice des territoires', '', 'CONTEXTE', '', 'er janvier 2016, la métropole.'].join('\n'))).toEqual(['Claire DURAND Directrice des territoires', 'CONTEXTE', 'er janvier 2016, la métropole.']);
  });
  it('sets the collectivité apart when the block is the sommaire entry and nothing more (no blank line under the title)', () => {
    const source = ['01/ LE TITRE DU PROJET', 'VILLE DE LYON', '/ P05', '', '01', '', 'LE TITRE DU PROJET', 'VILLE DE LYON', '', 'LES AUTEURS'].join('\n');
    expect(texts(source)).toEqual(expect.arrayContaining(['LE TITRE DU PROJET', 'VILLE DE LYON']));
  });
  it('sets the collectivité apart under a title printed with a word changed from the sommaire\'s', () => {
    const source = ['01/ OUVRIR LES ARCHIVES MUNICIPALES AUX HABITANTS', 'VILLE DE LORVAL', '/ P05', '', '01', '', 'OUVRIR LES ARCHIVES COMMUNALES AUX HABITANTS', 'VILLE DE LORVAL', '', 'LES AUTEURS'].join('\n');
    expect(texts(source)).toEqual(expect.arrayContaining(['OUVRIR LES ARCHIVES COMMUNALES AUX HABITANTS', 'VILLE DE LORVAL']));
    // And when the block runs on after the collectivité with the headings under it.
    const runOn = source.replace('VILLE DE LORVAL\n\nLES AUTEURS', 'VILLE DE LORVAL\nLE CONTEXTE AUTEURS');
    expect(texts(runOn)).toEqual(expect.arrayContaining(['OUVRIR LES ARCHIVES COMMUNALES AUX HABITANTS', 'VILLE DE LORVAL', 'LE CONTEXTE AUTEURS']));
    expect(texts(source)).toContain('01/ OUVRIR LES ARCHIVES MUNICIPALES AUX HABITANTS VILLE DE LORVAL');
  });
  it('sets apart on one line a collectivité the sommaire wrapped over two', () => {
    const source = ['01/ LE TITRE DU PROJET', 'COMMUNAUTÉ DU PAYS NORD', 'MARTINIQUE (CAP NORD)', '/ P05', '', '01', '', 'LE TITRE DU PROJET', 'COMMUNAUTÉ DU PAYS NORD MARTINIQUE (CAP NORD)', 'LES AUTEURS'].join('\n');
    expect(texts(source)).toEqual(expect.arrayContaining(['LE TITRE DU PROJET', 'COMMUNAUTÉ DU PAYS NORD MARTINIQUE (CAP NORD)', 'LES AUTEURS']));
  });
  it('keeps a short word in capitals with the heading in capitals it ends', () => {
    expect(texts(['Une phrase.', '', 'LE PROJET DE LOI', 'LOM', 'Une autre phrase.'].join('\n'))).toEqual(['Une phrase.', 'LE PROJET DE LOI LOM', 'Une autre phrase.']);
  });
  it('takes a page right of a gap for its own column\'s when entries start on that side too', () => {
    const page = [
      '01/ PREMIER TITRE          12/ AUTRE TITRE',
      '    VILLE A                    VILLE B',
      '    / P05                      / P61',
    ];
    expect(readColumns(page).filter((line) => line !== '').map((line) => line.trim())).toEqual(['01/ PREMIER TITRE', 'VILLE A', '/ P05', '12/ AUTRE TITRE', 'VILLE B', '/ P61']);
  });
  it('moves a page set at the right of a title after the collectivité the project page prints under that title', async () => {
    const { movePageAfterCollectivite } = await import('../src/extract/text/sommaire.js');
    const text = ['01/', '', 'LE TITRE DU PROJET', '', '/ P05', '', 'VILLE DE LYON', '', 'UNE SECTION', '', '01', 'LE TITRE DU PROJET', 'VILLE DE LYON', 'LE CONTEXTE'];
    expect(movePageAfterCollectivite(text).slice(0, 9)).toEqual(['01/', '', 'LE TITRE DU PROJET', '', '', 'VILLE DE LYON', '/ P05', '', 'UNE SECTION']);
    // A section title after the page is no collectivité: the project page does not print it under the title.
    expect(movePageAfterCollectivite(text.map((line) => (line === 'VILLE DE LYON' ? 'UNE SECTION' : line)).slice(0, 10))).toEqual(text.map((line) => (line === 'VILLE DE LYON' ? 'UNE SECTION' : line)).slice(0, 10));
  });
  it('parts a heading printed alone elsewhere from the text run into its line', async () => {
    const { splitRunInHeadings } = await import('../src/extract/text/tokens.js');
    const lines = ['**DES CLÉS POUR AGIR**', 'DES CLÉS POUR AGIR', 'Témoignage de la collectivité', 'Témoignage de la collectivité', 'VILLE DE LYON', 'VILLE DE LYON'];
    const runIn = ['DES CLÉS POUR AGIR La cartographie réalisée.', 'Témoignage de la collectivité « Un regard », dit-il.', 'UNE SECTION Le texte.', 'VILLE DE LYON ET MÉTROPOLE'];
    expect(splitRunInHeadings([...lines, ...runIn]).slice(lines.length)).toEqual(['DES CLÉS POUR AGIR', '', 'La cartographie réalisée.', 'Témoignage de la collectivité', '', '« Un regard », dit-il.', 'UNE SECTION Le texte.', 'VILLE DE LYON ET MÉTROPOLE']);
  });
  it('leaves a sentence that opens with a heading\'s words, its next word in lower case', async () => {
    const { splitRunInHeadings } = await import('../src/extract/text/tokens.js');
    const lines = ['Les auteurs', 'Les auteurs', 'Des clés pour agir', 'Des clés pour agir'];
    const sentences = ['Les auteurs du rapport proposent deux temps.', 'Des clés pour agir ont été proposées.', 'Les auteurs Le rapport propose deux temps.'];
    expect(splitRunInHeadings([...lines, ...sentences]).slice(lines.length)).toEqual(['Les auteurs du rapport proposent deux temps.', 'Des clés pour agir ont été proposées.', 'Les auteurs', '', 'Le rapport propose deux temps.']);
  });
  it('parts a heading every project prints from the folio or the sentence glued before it', async () => {
    const { splitRepeatedHeadings } = await import('../src/extract/text/tokens.js');
    const alone = ['DES CLÉS POUR AGIR', 'Témoignage de la collectivité'].flatMap((heading) => [heading, heading, heading]);
    expect(splitRepeatedHeadings([...alone, '20DES CLÉS POUR AGIR', 'de la collectivité.Témoignage de la collectivité', 'voir nos DES CLÉS POUR AGIR']).slice(6)).toEqual(['DES CLÉS POUR AGIR', 'de la collectivité.', 'Témoignage de la collectivité', 'voir nos DES CLÉS POUR AGIR']);
    // Parted before running lines are dropped: three page numbers glued to one heading look like a running line.
    const glued = ['20DES CLÉS POUR AGIR', 'Un texte.', '31DES CLÉS POUR AGIR', 'Un texte.', '89DES CLÉS POUR AGIR'];
    expect(prepareLines([...alone, ...glued]).lines.filter((line) => line === 'DES CLÉS POUR AGIR')).toHaveLength(6);
    // A heading printed alone once or twice is not known to be the family's.
    expect(splitRepeatedHeadings(['DES CLÉS POUR AGIR', '20DES CLÉS POUR AGIR'])).toEqual(['DES CLÉS POUR AGIR', '20DES CLÉS POUR AGIR']);
  });
  it('parts a key figure glued to the label before when a label follows it, and leaves other numbers', async () => {
    const { splitGluedFigures } = await import('../src/extract/text/tokens.js');
    const lines = ['million d\'habitants59', 'communes membres', '(budget primitif 2019)65 000', 'ménages demandeurs', 'un parc social20', 'Une phrase.', 'la ligne T3', 'mois de délai', 'entretiens réalisés.99', 'répondants', 'une double autorité.462', 'EPLÉ répartis'];
    expect(splitGluedFigures(lines)).toEqual(['million d\'habitants', '59', 'communes membres', '(budget primitif 2019)', '65 000', 'ménages demandeurs', 'un parc social20', 'Une phrase.', 'la ligne T3', 'mois de délai', 'entretiens réalisés.', '99', 'répondants', 'une double autorité.', '462', 'EPLÉ répartis']);
  });
  it('parts a sommaire page run into the next entry\'s number, the entries numbered in turn', async () => {
    const { splitPageFromNextNumber } = await import('../src/extract/text/sommaire.js');
    expect(splitPageFromNextNumber(['11/ UN TITRE', 'VILLE', '/ P5712/ AUTRE TITRE', 'VILLE', '/ P61'])).toEqual(['11/ UN TITRE', 'VILLE', '/ P57', '12/ AUTRE TITRE', 'VILLE', '/ P61']);
    // Digits that do not end with the next number stay as printed.
    expect(splitPageFromNextNumber(['11/ UN TITRE', '/ P5713/ AUTRE'])).toEqual(['11/ UN TITRE', '/ P5713/ AUTRE']);
  });
  it('moves the page after the collectivité when the project page prints a word of the title otherwise', async () => {
    const { movePageAfterCollectivite } = await import('../src/extract/text/sommaire.js');
    const text = ['03/', '', 'OUVRIR LES ARCHIVES MUNICIPALES : UNE DÉMARCHE PARTICIPATIVE', '', '/ P10', '', 'VILLE DE LORVAL', '', '03', 'OUVRIR LES ARCHIVES COMMUNALES : UNE DÉMARCHE PARTICIPATIVE', 'VILLE DE LORVAL', 'LE CONTEXTE'];
    expect(movePageAfterCollectivite(text).slice(0, 7)).toEqual(['03/', '', 'OUVRIR LES ARCHIVES MUNICIPALES : UNE DÉMARCHE PARTICIPATIVE', '', '', 'VILLE DE LORVAL', '/ P10']);
  });
  it('parts the page number glued before a project number, by the page the sommaire gives the project', async () => {
    const { splitFolioFromNumber } = await import('../src/extract/text/sommaire.js');
    const text = ['01/ LE TITRE', 'VILLE', '/ P05', '04/ AUTRE', 'VILLE', '/ P19', '501', 'LE TITRE', '1904', 'AUTRE', '1905', '150'];
    expect(splitFolioFromNumber(text).slice(6)).toEqual(['01', 'LE TITRE', '04', 'AUTRE', '1905', '150']);
  });
  describe('a sommaire in two columns read across', async () => {
    const { orderSommaireColumns } = await import('../src/extract/text/sommaire.js');
    // Entry 05's first line, then 16's, then the rest of 05: the project pages tell whose each line is.
    const sommaire = [
      'PILOTER', '', '01/ UN TITRE', 'VILLE A', '/ P05', '',
      'TRAVAILLER', '', 'VALORISER', '',
      '05/ RENFORCER LA POLITIQUE DES', '', '16/ PRÉFIGURATION DE LA FUTURE', '', 'CADRES DE PROXIMITÉ', 'RÉGION B', '/ P25', '',
      '06/ PLACER L\'USAGER', 'RÉGION C', '/ P30', '',
      'MÉDIATHÈQUE COMMUNAUTAIRE', 'VILLE D', '/ P80', '',
    ];
    const pages = [
      'PILOTER', '01', 'UN TITRE', 'VILLE A', 'TRAVAILLER', '05', 'RENFORCER LA POLITIQUE DES', 'CADRES DE PROXIMITÉ', 'RÉGION B',
      '06', 'PLACER L\'USAGER', 'RÉGION C', 'VALORISER', '16', 'PRÉFIGURATION DE LA FUTURE', 'MÉDIATHÈQUE COMMUNAUTAIRE', 'VILLE D',
    ];
    it('puts each line back under its entry, the entries in number order under their sections', () => {
      expect(orderSommaireColumns([...sommaire, '', ...pages]).slice(0, 25).filter((line) => line !== '')).toEqual([
        'PILOTER', '01/ UN TITRE', 'VILLE A', '/ P05',
        'TRAVAILLER', '05/ RENFORCER LA POLITIQUE DES', 'CADRES DE PROXIMITÉ', 'RÉGION B', '/ P25', '06/ PLACER L\'USAGER', 'RÉGION C', '/ P30',
        'VALORISER', '16/ PRÉFIGURATION DE LA FUTURE', 'MÉDIATHÈQUE COMMUNAUTAIRE', 'VILLE D', '/ P80',
      ]);
    });
    it('leaves a sommaire read in order as it is', () => {
      const inOrder = ['01/ UN TITRE', 'VILLE A', '/ P05', '02/ DEUX', '/ P07', '03/ TROIS', '/ P09', '04/ QUATRE', '/ P11'];
      expect(orderSommaireColumns(inOrder)).toEqual(inOrder);
    });
  });
  it('keeps a date on a line of its own as a block of its own (the colophon run into one block)', () => {
    expect(texts(['////////', 'Décembre 2019', 'Conception éditoriale :', 'Patricia Bamba, INET'].join('\n'))).toContain('Décembre 2019');
  });
  it('keeps a key figure and the edition as blocks of their own', () => {
    expect(lineTexts(['Les chiffres', '150 000', 'habitants en plus', '41%', 'de demandes'].join('\n'))).toEqual(['Les chiffres', '150 000', 'habitants en plus', '41%', 'de demandes']);
    expect(texts(['George Sand', 'Alan Turing', '2019 / 2020', '', 'Décembre 2019'].join('\n'))).toContain('2019 / 2020');
  });
  it('goes on after a hyphen cut, a short lower-case word, or under a cut heading in capitals', () => {
    expect(lineTexts(['PROMO-', 'TION', 'MARIE CURIE', 'DUPONT Jeanne'].join('\n'))[0]).toBe('PROMO-TION MARIE CURIE');
    expect(lineTexts(['habitants entre 2020 et', '2040 (Scot)', 'Autre'].join('\n'))[0]).toBe('habitants entre 2020 et 2040 (Scot)');
    expect(lineTexts(['PROMOTION MARIE', 'CURIE', 'DUPONT Jeanne'].join('\n'))[0]).toBe('PROMOTION MARIE CURIE');
    expect(lineTexts(['Une phrase finie.', 'Autre phrase'].join('\n'))).toHaveLength(2);
  });
  it('parts a heading in capitals from the text under it when blank lines do not', () => {
    expect(texts(['PROBLÉMATIQUE', 'L’ambition initiale.', '', 'Suite'].join('\n'))).toEqual(['PROBLÉMATIQUE', 'L’ambition initiale.', 'Suite']);
  });
});
