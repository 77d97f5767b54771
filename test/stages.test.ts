/**
 * Unit tests of the stages after extract, and of the converter-text adapter, on small hand-made inputs.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_VOCABULARY } from '../src/profile.js';

const rubriqueOf = (text: string) => DEFAULT_VOCABULARY.rubriqueOf(text);
import { SOMMAIRE_NUMBER, SOMMAIRE_PAGE } from '../src/conventions.js';
import { BrochureError } from '../src/errors.js';
import { pageFragments } from '../src/extract/fragments.js';
import { joinLines, normaliseLigatures } from '../src/extract/lines.js';
import { decodeText, readText } from '../src/extract/text.js';
import { projectId, readNumber } from '../src/normalise/index.js';
import { corpsOfEmail, splitName, splitRosterLine, titleCase } from '../src/normalise/names.js';
import { parseFigures } from '../src/parse/chiffres.js';
import { looksLikeName, parseAuthorCards, parseTutorCards } from '../src/parse/people.js';
import { renderRubrique } from '../src/parse/render.js';
import { segmentDocument } from '../src/segment/index.js';
import type { Block } from '../src/types.js';
import { cleanBrochure, renderBrochure } from './helpers/brochure.js';

const block = (text: string, kind: Block['kind'] = 'paragraph', bold: boolean | null = null): Block => ({
  kind,
  text,
  lines: text.split('\n').map((line) => ({ text: line, bold, size: null })),
  page: null,
});
const texts = (source: string): string[] => readText(source).blocks.map((b) => `${b.kind === 'listItem' ? '- ' : ''}${b.text}`);

describe('lines', () => {
  it('joins hyphenated line ends but keeps real hyphens and enumerations', () => {
    expect(joinLines(['la dyna-', 'mique'])).toBe('la dynamique');
    expect(joinLines(['Corinne AUBIN-', 'VASSELIN'])).toBe('Corinne AUBIN-VASSELIN');
    expect(joinLines(['adjointe -', 'Culture'])).toBe('adjointe - Culture');
    expect(joinLines(['un porte-', 'parole'], (l, r) => `${l}-${r}` === 'porte-parole')).toBe('un porte-parole');
    expect(joinLines(['1. Un premier point ;', '2. Un second.'])).toBe('1. Un premier point ;\n2. Un second.');
  });
  it('expands ligatures and drops soft hyphens', () => {
    expect(normaliseLigatures('la ﬁnance ef\u00adﬁcace')).toBe('la finance efficace');
  });
});

describe('converter text adapter', () => {
  it('removes markup: bold, italics, links, autolinks, superscripts, escapes, quote markers, footnote calls', () => {
    expect(texts('**Le** 1^{er} janvier, le 2^E, [un lien](#) et <http://a.fr/x> \\(sic\\)')).toEqual(['Le 1er janvier, le 2E, un lien et http://a.fr/x (sic)']);
    expect(texts('> Présentation au DGA')).toEqual(['Présentation au DGA']);
    expect(texts('*Aude Martin, Directrice -\nCulture*')).toEqual(['Aude Martin, Directrice - Culture']);
    expect(texts('grand ordonnateur"^[1].')).toEqual(['grand ordonnateur".']);
  });
  it('cuts blocks at blank lines and list items at bullets', () => {
    expect(texts('Un paragraphe\nsur deux lignes.\n\n- un item\n- un autre\nqui continue')).toEqual([
      'Un paragraphe sur deux lignes.',
      '- un item',
      '- un autre qui continue',
    ]);
  });
  it('reads tab-separated rows as table rows without the HTML of the cells', () => {
    const [row] = readText('Exigence\t<ul style="x"> • un • deux \tFin').blocks;
    expect(row).toMatchObject({ kind: 'tableRow', text: 'Exigence | • un • deux | Fin' });
  });
  it('joins a word cut by a hyphen and a blank line', () => {
    expect(texts('un entretien person-\n\nnalisé, dont')).toEqual(['un entretien personnalisé, dont']);
  });
  it('marks bold lines, also when ** spans lines', () => {
    const [title] = readText('**SCHÉMA DE\nMUTUALISATION**').blocks;
    expect(title!.lines.map((l) => l.bold)).toEqual([true, true]);
  });
  it('decodes UTF-8 with BOM, Windows-1252 and CRLF alike', () => {
    const expected = 'Région\nÉté';
    expect(decodeText(new TextEncoder().encode('\ufeffRégion\r\nÉté')).text).toBe(expected);
    expect(decodeText(Uint8Array.from([0x52, 0xe9, 0x67, 0x69, 0x6f, 0x6e, 0x0d, 0x0a, 0xc9, 0x74, 0xe9])).text).toBe(expected);
    // Windows-1252 proper: 0x8C is « Œ », 0x92 a curly apostrophe (not C1 controls).
    expect(decodeText(Uint8Array.from([0x43, 0x8c, 0x55, 0x52, 0x92, 0xe9])).text).toBe('CŒUR’é');
    // One damaged byte in UTF-8 keeps the file UTF-8, and says so.
    const damaged = decodeText(Uint8Array.from([...new TextEncoder().encode('Région Été Île '), 0xff, ...new TextEncoder().encode(' Œuvre')]));
    expect(damaged.text).toBe('Région Été Île \ufffd Œuvre');
    expect(damaged.diagnostics.map((d) => d.code)).toEqual(['TEXT_INVALID_BYTES']);
    expect(decodeText(Uint8Array.from([0xff, 0xfe, 0x52, 0x00, 0xe9, 0x00])).text).toBe('Ré');
    expect(() => decodeText(new Uint8Array())).toThrow(BrochureError);
  });
});

describe('conventions', () => {
  it('recognises rubrique headings and their variants', () => {
    expect(rubriqueOf('Témoignage de la collectivité')).toBe('temoignage');
    expect(rubriqueOf('TÉMOIGNAGE DE LA COLLECTIVITÉ')).toBe('temoignage');
    expect(rubriqueOf('LE CONTEXTE')).toBe('contexte');
    expect(rubriqueOf('LES CHIFFRES CLÉS')).toBe('chiffres');
    expect(rubriqueOf('POUR ALLER PLUS LOIN')).toBe('allerPlusLoin');
    expect(rubriqueOf('TUTEUR ET TUTRICE AU SEIN DE LA COLLECTIVITÉ')).toBe('tuteurs');
    expect(rubriqueOf('Le contexte de la mission est large.')).toBeNull();
  });
  it('reads sommaire numbers and page references, also with the slash misread by OCR', () => {
    for (const text of ['01/', '02 /', '02]', '04!', '03|']) expect(SOMMAIRE_NUMBER.test(text)).toBe(true);
    for (const text of ['01', '01/2', '2031 / 2032', 'OT/']) expect(SOMMAIRE_NUMBER.test(text)).toBe(false);
    for (const text of ['/ P05', '/P.12', '1P05', 'IP12', '| P07', 'l P10']) expect(SOMMAIRE_PAGE.exec(text)?.[1]).toMatch(/^\d+$/);
    for (const text of ['P05', '2 P05', 'Page 5']) expect(SOMMAIRE_PAGE.test(text)).toBe(false);
  });
});

describe('segment', () => {
  it('finds sommaire, sections, projects and rosters of a brochure', () => {
    const segmented = segmentDocument(readText(renderBrochure(cleanBrochure())));
    expect(segmented.sections).toEqual([
      { titre: 'AGIR ENSEMBLE', projets: [1, 2] },
      { titre: 'VALORISER LES LIEUX', projets: [3] },
    ]);
    expect(segmented.sommaire.map((e) => [e.numero, e.page])).toEqual([[1, 5], [2, 9], [3, 13]]);
    expect(segmented.projects.map((p) => [p.numero, p.section])).toEqual([[1, 'AGIR ENSEMBLE'], [2, 'AGIR ENSEMBLE'], [3, 'VALORISER LES LIEUX']]);
    // Section names printed before each project are running headers, not content.
    expect(segmented.projects[0]!.blocks.some((b) => b.text === 'VALORISER LES LIEUX' || b.text === 'AGIR ENSEMBLE')).toBe(false);
    expect(segmented.rosters.map((r) => [r.heading, r.lines.length])).toEqual([['OLYMPE DE GOUGES', 2], ['MARIE CURIE', 2], ['ADA LOVELACE', 2]]);
  });
  it('does not take a key figure followed by the next project for a project heading', () => {
    const spec = cleanBrochure();
    spec.sections[0]!.projets[0]!.chiffres = ['2', 'ateliers'];
    const segmented = segmentDocument(readText(renderBrochure(spec)));
    expect(segmented.projects.map((p) => p.numero)).toEqual([1, 2, 3]);
  });
  it('ends the last project at the title of the roster pages, printed large and first on the first roster page', () => {
    const { blocks, ...rest } = readText(renderBrochure(cleanBrochure()));
    const first = blocks.findIndex((b) => b.text.startsWith('PROMOTION'));
    // As a PDF reads it: the rosters on a page of their own, opened by a display title.
    const title: Block = { kind: 'paragraph', text: 'TOUS LES NOMS', lines: [{ text: 'TOUS LES NOMS', bold: true, size: 1.9 }], page: 20 };
    const paged = (b: Block, page: number): Block => ({ ...b, page });
    const withTitle = [...blocks.slice(0, first).map((b) => paged(b, 19)), title, ...blocks.slice(first).map((b) => paged(b, 20))];
    const segmented = segmentDocument({ ...rest, blocks: withTitle });
    expect(segmented.projects.at(-1)!.blocks.map((b) => b.text)).not.toContain('TOUS LES NOMS');
    expect(segmented.rosters.map((r) => r.heading)).toEqual(['OLYMPE DE GOUGES', 'MARIE CURIE', 'ADA LOVELACE']);
    // Set as body text, or sharing its page with the project, it is the project's.
    const small = withTitle.map((b) => (b === title ? { ...title, lines: [{ ...title.lines[0]!, size: 1 }] } : b));
    expect(segmentDocument({ ...rest, blocks: small }).projects.at(-1)!.blocks.map((b) => b.text)).toContain('TOUS LES NOMS');
  });
  it('refuses a document with no numbered project', () => {
    expect(() => segmentDocument(readText('Un rapport annuel\n\nSans projet.'))).toThrow(/no numbered sommaire and no e-mail/);
  });
});

describe('parse', () => {
  it('reads standalone figures with their labels, and a box after them', () => {
    const { figures, box } = parseFigures([block('150 000'), block('habitants supplémentaires'), block('3,7/4'), block('la note'), block('Et après...'), block('La suite.')]);
    expect(figures.map((f) => [f.valeur, f.libelle])).toEqual([['150 000', 'habitants supplémentaires'], ['3,7/4', 'la note']]);
    expect(box?.titre).toBe('Et après...');
  });
  it('reads inline figures, keeping % with the number', () => {
    const { figures } = parseFigures([block('79 agents mobilisés'), block('35,9 % de pauvreté'), block('103 211 habitants')]);
    expect(figures.map((f) => [f.valeur, f.libelle])).toEqual([['79', 'agents mobilisés'], ['35,9 %', 'de pauvreté'], ['103 211', 'habitants']]);
  });
  it('takes a bold unit word printed with an inline figure as part of the figure', () => {
    const lead = (text: string, boldLead: string): Block => ({ kind: 'paragraph', text, lines: [{ text, bold: false, size: 1, boldLead }], page: 1 });
    const { figures } = parseFigures([lead("2,3 MRD d'€ de fonctionnement", '2,3 MRD'), lead('2E région française', '2E'), lead('45 heures d’entretiens', '45'), lead('12 villes et leurs agents', '12 villes et leurs agents'), block('79 agents')]);
    expect(figures.map((f) => [f.valeur, f.libelle])).toEqual([['2,3 MRD', "d'€ de fonctionnement"], ['2E', 'région française'], ['45', 'heures d’entretiens'], ['12', 'villes et leurs agents'], ['79', 'agents']]);
  });
  it('records the leading bold runs of a fragment', () => {
    const run = (text: string, x: number, bold: boolean) => ({ text, x, y: 100, width: text.length * 5, fontSize: 10, bold, fontName: bold ? 'Serif-Bold' : 'Serif' });
    const page = (runs: ReturnType<typeof run>[]) => ({ number: 1, width: 600, height: 800, runs, skippedRuns: 0 });
    expect(pageFragments(page([run('2,3', 0, true), run(' ', 15, true), run('MRD', 20, true), run(' ', 35, false), run("d'€ de", 40, false)]))[0]!.boldLead).toBe('2,3 MRD');
    expect(pageFragments(page([run('Le', 0, false), run(' ', 10, false), run('2,3', 15, true)]))[0]!.boldLead).toBe('');
  });
  it('treats numbers inside labels as text once figures stand alone', () => {
    const { figures } = parseFigures([block('2021'), block('1er janvier 2021 : création.')]);
    expect(figures).toHaveLength(1);
    expect(figures[0]!.libelle).toBe('1er janvier 2021 : création.');
  });
  it('rebuilds cards whether name and e-mail share a block or not', () => {
    const cards = parseAuthorCards([block('Fanette PEYRATOUT\nfanette.p@administrateur-inet.org'), block('Cyril ROYER'), block('cyril.royer@administrateur-inet.org')]);
    expect(cards.map((c) => [c.name, c.details])).toEqual([
      ['Fanette PEYRATOUT', ['fanette.p@administrateur-inet.org']],
      ['Cyril ROYER', ['cyril.royer@administrateur-inet.org']],
    ]);
    const tutors = parseTutorCards([block('Jan SLIWA'), block('Directeur général adjoint'), block('Noor-Yasmin DJATAOU\nDirectrice adjointe\ndes ressources humaines')]);
    expect(tutors.map((c) => [c.name, c.details])).toEqual([
      ['Jan SLIWA', ['Directeur général adjoint']],
      ['Noor-Yasmin DJATAOU', ['Directrice adjointe', 'des ressources humaines']],
    ]);
  });
  it('tells names from roles', () => {
    expect(looksLikeName('Claire LE MERRER')).toBe(true);
    expect(looksLikeName('Luce Perez-TEJEDOR')).toBe(true);
    expect(looksLikeName('LE MERRER Claire')).toBe(true);
    expect(looksLikeName('Directeur général des services')).toBe(false);
    expect(looksLikeName('DGS')).toBe(false);
  });
  it('renders rubriques: paragraphs, one list, rows, and paragraphs cut by a page break', () => {
    const text = renderRubrique([
      block('Un contexte pluriel de 59'),
      block('communes et de bailleurs.'),
      block('premier', 'listItem'),
      block('second', 'listItem'),
      block('A | B', 'tableRow'),
      block('1 | 2', 'tableRow'),
    ]);
    expect(text).toBe('Un contexte pluriel de 59 communes et de bailleurs.\n\n- premier\n- second\n\nA | B\n1 | 2');
  });
});

describe('normalise', () => {
  it('splits names into given and family names, case kept', () => {
    expect(splitName('Claire LE MERRER')).toEqual({ prenom: 'Claire', nom: 'LE MERRER' });
    expect(splitName('Luce Perez-TEJEDOR')).toEqual({ prenom: 'Luce', nom: 'Perez-TEJEDOR' });
    expect(splitName('Noor-Yasmin DJATAOU')).toEqual({ prenom: 'Noor-Yasmin', nom: 'DJATAOU' });
    expect(splitName('Deborah CRISTEL DELESSE')).toEqual({ prenom: 'Deborah', nom: 'CRISTEL DELESSE' });
    expect(splitName('VAN DER MEE Camille')).toEqual({ prenom: 'Camille', nom: 'VAN DER MEE' });
  });
  it('splits roster lines and repairs a missing space', () => {
    expect(splitRosterLine('CARBAIN Aénor Paul')).toEqual({ personne: { prenom: 'Aénor Paul', nom: 'CARBAIN' }, missingSpace: false });
    expect(splitRosterLine('OUARDISamira')).toEqual({ personne: { prenom: 'Samira', nom: 'OUARDI' }, missingSpace: true });
    expect(splitRosterLine('MARCZAK Florian-Martin').personne).toEqual({ prenom: 'Florian-Martin', nom: 'MARCZAK' });
  });
  it('reads numbers the French way', () => {
    expect(readNumber('1,371')).toBe(1.371);
    expect(readNumber('150 000')).toBe(150000);
    expect(readNumber('3/4')).toBe(3);
    expect(readNumber('3,7/4')).toBe(3.7);
    expect(readNumber('+1500')).toBe(1500);
    expect(readNumber('2,3 MRD')).toBe(2.3);
    expect(readNumber('1 ÈRE')).toBe(1);
    expect(readNumber('35,9 %')).toBe(35.9);
    expect(readNumber('beaucoup')).toBeNull();
  });
  it('does not date a brochure whose cover has no edition (partial, exit 3), unless the edition is given', async () => {
    const { runStages } = await import('../src/pipeline.js');
    const spec = cleanBrochure();
    spec.edition = 'Édition spéciale';
    const bytes = new TextEncoder().encode(renderBrochure(spec));
    const undated = await runStages(bytes, { fileName: 'x.txt' });
    expect(undated.partial).toBe(true);
    expect(undated.document.brochure).toMatchObject({ edition: null, anneeDebut: null, anneeFin: null });
    expect(undated.document.projets.length).toBeGreaterThan(0);
    expect(undated.document.projets.map((projet) => projet.id)).toEqual(undated.document.projets.map(() => null));
    expect(undated.document.diagnostics.filter((d) => d.code === 'EDITION_NOT_FOUND').map((d) => d.severity)).toEqual(['error']);
    const { document, partial } = await runStages(bytes, { fileName: 'x.txt', edition: '2019-2020' });
    expect(partial).toBe(false);
    expect(document.brochure).toMatchObject({ edition: '2019 / 2020', anneeDebut: 2019, anneeFin: 2020 });
    expect(document.projets[0]!.id).toBe('2019-01');
    // The rest is the same document: only the edition, the years, the ids and the edition's diagnostic differ.
    const withoutEdition = (doc: typeof document) => ({ ...doc, brochure: { ...doc.brochure, edition: null, anneeDebut: null, anneeFin: null }, projets: doc.projets.map((p) => ({ ...p, id: null })), diagnostics: doc.diagnostics.filter((d) => !d.code.startsWith('EDITION_')) });
    expect(withoutEdition(undated.document)).toEqual(withoutEdition(document));
  });
  it('gives a project no id without an edition: never an id of the number alone', () => {
    expect(projectId(2019, 1)).toBe('2019-01');
    expect(projectId(null, 1)).toBeNull();
  });
  it('reads the corps from the e-mail domain', () => {
    expect(corpsOfEmail('a.b@administrateur-inet.org')).toBe('administrateur');
    expect(corpsOfEmail('a.b@ingenieurchef-inet.org')).toBe('ingenieur-en-chef');
    expect(corpsOfEmail('a.b@conservateur-inet.org')).toBe('conservateur');
    expect(corpsOfEmail('a.b@gmail.com')).toBeNull();
    expect(titleCase('WANGARI MUTA MAATHAI')).toBe('Wangari Muta Maathai');
  });
});
