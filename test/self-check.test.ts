/**
 * The self-check (src/check/): each pass on a crafted document that breaks exactly the promise it
 * checks, and silent on the same document intact. The documents are the hand-made brochure of
 * test/helpers/brochure.ts read by the real pipeline, then one stage output changed the way a
 * misread changes it (a project start missed, an e-mail paired across projects…).
 */
import { describe, expect, it } from 'vitest';
import { SELF_CHECK_PASSES, selfCheck, type SelfCheckInput } from '../src/check/index.js';
import { runStages } from '../src/pipeline.js';
import { compileProfile, mergeProfile, SHIPPED_PROFILE, DEFAULT_VOCABULARY, type Plausibility } from '../src/profile.js';
import type { Block, BrochureDocument, Diagnostic, ProjectBlock } from '../src/types.js';
import { cleanBrochure, renderBrochure, type BrochureSpec } from './helpers/brochure.js';

/** A paragraph long enough to be prose between two teams (the synthetic brochure's shortest project text is 500 characters). */
const PROSE = 'La collectivité a engagé une démarche longue et concertée avec ses partenaires, ses agents et ses habitants. '.repeat(6).trim();

/** The clean brochure, each project's context a long paragraph, read by the pipeline. */
async function read(spec: BrochureSpec = withProse(cleanBrochure())): Promise<SelfCheckInput & { partial: boolean }> {
  const results = await runStages(new TextEncoder().encode(renderBrochure(spec)), { fileName: 'test.txt' });
  return { extracted: results.extracted, segmented: results.segmented, parsed: results.parsed, document: results.document, vocabulary: DEFAULT_VOCABULARY, partial: results.partial };
}

/** The document with two more authors per project (a share of a team says nothing below eight authors), spelled as their e-mails and rosters say. */
function withMoreAuthors(document: SelfCheckInput['document']): SelfCheckInput['document'] {
  const more = copy(document);
  const names = [['Hugo', 'BLANC'], ['Inès', 'CARON'], ['Jules', 'FABRE'], ['Katia', 'GAUTHIER'], ['Louis', 'HENRY'], ['Maud', 'JOLY']];
  more.projets.forEach((projet, p) => {
    for (const [prenom, nom] of names.slice(2 * p, 2 * p + 2)) {
      projet.auteurs.push({ prenom: prenom!, nom: nom!, email: `${prenom!.toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '')}.${nom!.toLowerCase()}@administrateur-inet.org`, corps: 'administrateur', promotion: 'MARIE CURIE' });
    }
  });
  return more;
}

function withProse(spec: BrochureSpec): BrochureSpec {
  for (const section of spec.sections) for (const projet of section.projets) projet.contexte = PROSE;
  return spec;
}

const copy = <T>(value: T): T => structuredClone(value);
const codes = (diagnostics: readonly Diagnostic[]): string[] => diagnostics.map((d) => d.code);
const withBounds = (plausibility: Plausibility) => compileProfile(mergeProfile({ ...SHIPPED_PROFILE, plausibility: {} }, { plausibility }));

describe('self-check', () => {
  it('has named passes in order, each with a unique id', () => {
    const ids = SELF_CHECK_PASSES.map((pass) => pass.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]).toBe('sommaire-sequence');
  });

  it('raises nothing on the intact brochure, which is not partial', async () => {
    const input = await read();
    expect(input.document.projets).toHaveLength(3);
    expect(selfCheck(input)).toEqual([]);
    expect(input.partial).toBe(false);
  });

  it('sommaire-sequence: a sommaire numbered 01, 02, 04 is broken (03 missing)', async () => {
    const input = await read();
    const segmented = { ...input.segmented, sommaire: input.segmented.sommaire.map((entry) => (entry.numero === 3 ? { ...entry, numero: 4 } : entry)) };
    const found = selfCheck({ ...input, segmented });
    expect(codes(found)).toContain('SOMMAIRE_SEQUENCE_BROKEN');
    expect(found.find((d) => d.code === 'SOMMAIRE_SEQUENCE_BROKEN')!.message).toMatch(/manque 03.*sommaire-sequence/);
  });

  it('project-numbers: a gap no sommaire explains, and a number read twice', async () => {
    const input = await read();
    const noSommaire = { ...input.segmented, sommaire: [] };
    const gap = copy(input.document);
    gap.projets[2]!.numero = 5;
    expect(selfCheck({ ...input, segmented: noSommaire, document: gap }).filter((d) => d.code === 'PROJECT_NUMBER_UNCLAIMED').map((d) => d.message)).toEqual([expect.stringMatching(/03, 04/)]);
    const twice = copy(input.document);
    twice.projets[2]!.numero = 2;
    expect(codes(selfCheck({ ...input, segmented: noSommaire, document: twice }))).toContain('PROJECT_NUMBER_DUPLICATED');
  });

  it('sommaire-truncated: three teams printed, two entries read', async () => {
    const input = await read();
    const segmented = { ...input.segmented, sommaire: input.segmented.sommaire.slice(0, 2) };
    const found = selfCheck({ ...input, segmented });
    expect(found.find((d) => d.code === 'SOMMAIRE_TRUNCATED')?.message).toMatch(/annonce 2 projets.*3 équipes/);
  });

  it('sommaire-pages-agree: announced pages one row off the projects\' first pages, not a constant offset nor one typo', async () => {
    const input = await read();
    const placed = (pages: readonly (number | null)[], firsts: readonly number[]): BrochureDocument => {
      const document = copy(input.document);
      document.projets.forEach((projet, i) => {
        projet.page = pages[i]!;
        projet.pages = { debut: firsts[i]!, fin: firsts[i]! + 1 };
      });
      return document;
    };
    const disagree = (document: BrochureDocument) => selfCheck({ ...input, document }).filter((d) => d.code === 'SOMMAIRE_PAGES_DISAGREE');
    // Pages equal to the first pages, or all off by the same folio offset: consistent.
    expect(disagree(placed([5, 8, 11], [5, 8, 11]))).toEqual([]);
    expect(disagree(placed([3, 6, 9], [5, 8, 11]))).toEqual([]);
    // One page astray is a printed typo (TOC_PAGE_MISMATCH), not a misread.
    expect(disagree(placed([5, 9, 11], [5, 8, 11]))).toEqual([]);
    // A page column read one row off: each entry after the slip takes the next one's page, the last none.
    const shifted = disagree(placed([5, 11, null], [5, 8, 11]));
    expect(shifted.map((d) => d.message)).toEqual([expect.stringMatching(/pour 2 projets sur 3 \(02 p\. 11 pour p\. 8, 03 sans page pour p\. 11\).*sommaire-pages-agree/)]);
    // A bound the profile leaves out is not checked.
    expect(selfCheck({ ...input, document: placed([5, 11, null], [5, 8, 11]), vocabulary: withBounds({}) }).filter((d) => d.code === 'SOMMAIRE_PAGES_DISAGREE')).toEqual([]);
  });

  it('title-and-team: a project read with no title or no author', async () => {
    const input = await read();
    const document = copy(input.document);
    document.projets[0]!.titre = '';
    document.projets[1]!.auteurs = [];
    const incomplete = selfCheck({ ...input, document }).filter((d) => d.code === 'PROJECT_INCOMPLETE');
    expect(incomplete.map((d) => [d.projet, d.message.includes('de titre'), d.message.includes('d’auteur')])).toEqual([[1, true, false], [2, false, true]]);
  });

  it('emails-assigned: an e-mail paired across projects, given twice, or printed outside every project', async () => {
    const input = await read();
    const swapped = copy(input.document);
    const [a, b] = [swapped.projets[0]!.auteurs[0]!, swapped.projets[2]!.auteurs[0]!];
    [a.email, b.email] = [b.email, a.email];
    const unassigned = selfCheck({ ...input, document: swapped }).filter((d) => d.code === 'EMAIL_UNASSIGNED');
    expect(unassigned.map((d) => d.projet)).toEqual([1, 3]);
    expect(unassigned[0]!.message).toMatch(/donnée à un auteur du projet 03/);

    const twice = copy(input.document);
    twice.projets[1]!.auteurs[1]!.email = twice.projets[1]!.auteurs[0]!.email;
    expect(codes(selfCheck({ ...input, document: twice }))).toContain('EMAIL_ASSIGNED_TWICE');

    const stray: Block = { kind: 'paragraph', text: 'Zoé NOUVELLE zoe.nouvelle@administrateur-inet.org', lines: [{ text: 'Zoé NOUVELLE zoe.nouvelle@administrateur-inet.org', bold: null, size: null }], page: null };
    const extracted = { ...input.extracted, blocks: [...input.extracted.blocks, stray] };
    expect(selfCheck({ ...input, extracted }).find((d) => d.code === 'EMAIL_UNASSIGNED')?.message).toMatch(/hors de tout projet.*zoe\.nouvelle/);
  });

  it('signatories-are-authors: a roster member printed on a project page but not among its authors', async () => {
    const input = await read();
    const document = copy(input.document);
    // The author read without her card (and her e-mail, printed alone, ignored): her name is still on the page.
    document.projets[0]!.auteurs = document.projets[0]!.auteurs.filter((auteur) => auteur.nom !== 'MARTIN');
    const found = selfCheck({ ...input, document }).filter((d) => d.code === 'SIGNATORY_NOT_AUTHOR');
    expect(found.map((d) => [d.projet, /« MARTIN Alice »/.test(d.message)])).toEqual([[1, true]]);
  });

  it('signatories-are-authors: an author whose e-mail spells the member is the member, whatever the name printed', async () => {
    const input = await read();
    const document = copy(input.document);
    // The page misprints the family name; the e-mail (alice.martin@…) still spells the roster's.
    document.projets[0]!.auteurs[0]!.nom = 'MARTINEZ';
    expect(codes(selfCheck({ ...input, document }))).not.toContain('SIGNATORY_NOT_AUTHOR');
    document.projets[0]!.auteurs[0]!.email = 'a.m@administrateur-inet.org';
    expect(codes(selfCheck({ ...input, document }))).toContain('SIGNATORY_NOT_AUTHOR');
    // Her e-mail given to a name read with another given name (a team read shifted) does not make it her.
    document.projets[0]!.auteurs[0]!.email = 'alice.martin@administrateur-inet.org';
    document.projets[0]!.auteurs[0]!.prenom = 'Emma';
    expect(codes(selfCheck({ ...input, document }))).toContain('SIGNATORY_NOT_AUTHOR');
  });

  it('people-are-named: a key figure read as a tutor or an author names nobody', async () => {
    const input = await read();
    expect(codes(selfCheck(input))).not.toContain('PERSON_NOT_A_NAME');
    const document = copy(input.document);
    // A figures table read after a sidebar's tutor card: each row became a card (« 4 200 » over its label).
    document.projets[1]!.tuteurs.push({ prenom: '4', nom: '200', fonction: 'aidants accompagnés chaque année' });
    document.projets[1]!.tuteurs.push({ prenom: '', nom: '%', fonction: 'des aidants interrogés' });
    const found = selfCheck({ ...input, document }).filter((d) => d.code === 'PERSON_NOT_A_NAME');
    expect(found.map((d) => [d.projet, d.severity])).toEqual([[2, 'error']]);
    expect(found[0]!.message).toMatch(/« 4 200 » \(tuteur\), « % » \(tuteur\) ne sont pas des noms de personne.*people-are-named/);
    // Names with particles, hyphens, apostrophes and accents are names.
    const names = copy(input.document);
    names.projets[1]!.tuteurs.push({ prenom: 'Anne-Sophie', nom: "D'ARCY DE LA TOUR-ÉMERY", fonction: 'Directrice' });
    names.projets[1]!.auteurs[0]!.prenom = 'Nguyễn Thị';
    expect(codes(selfCheck({ ...input, document: names }))).not.toContain('PERSON_NOT_A_NAME');
  });

  it('emails-spell-authors: most authors\' e-mails not spelling the names read is a misread team', async () => {
    const input = await read();
    expect(codes(selfCheck(input))).not.toContain('EMAILS_DISAGREE_WITH_NAMES');
    const document = withMoreAuthors(input.document);
    expect(codes(selfCheck({ ...input, document }))).not.toContain('EMAILS_DISAGREE_WITH_NAMES');
    const authors = document.projets.flatMap((projet) => projet.auteurs).filter((auteur) => auteur.email !== null);
    expect(authors.length).toBeGreaterThanOrEqual(8);
    // A converter glued each family name to its e-mail: the name read is the given name alone.
    const glued = copy(document);
    for (const auteur of glued.projets.flatMap((projet) => projet.auteurs)) {
      if (auteur.email === null) continue;
      auteur.email = `${auteur.nom.toLowerCase()}${auteur.email}`;
      auteur.nom = '';
    }
    const found = selfCheck({ ...input, document: glued }).filter((d) => d.code === 'EMAILS_DISAGREE_WITH_NAMES');
    expect(found.map((d) => [d.projet, d.severity])).toEqual([[1, 'error']]);
    expect(found[0]!.message).toMatch(new RegExp(`^${authors.length} auteurs sur ${authors.length} ont une adresse qui n’épelle pas le nom lu.*emails-spell-authors`));
    // A few typos (up to half of the authors) are the brochure's, reported author by author only.
    const typos = copy(document);
    const withEmail = typos.projets.flatMap((projet) => projet.auteurs).filter((auteur) => auteur.email !== null);
    for (const auteur of withEmail.slice(0, Math.floor(withEmail.length / 2))) auteur.nom = `${auteur.nom}X`;
    expect(codes(selfCheck({ ...input, document: typos }))).not.toContain('EMAILS_DISAGREE_WITH_NAMES');
  });

  it('authors-in-rosters: most authors in none of the rosters read is a misread of their names', async () => {
    const input = await read();
    expect(codes(selfCheck(input))).not.toContain('AUTHORS_OUTSIDE_ROSTERS');
    expect(input.document.promotions.some((promotion) => promotion.membres.length > 0)).toBe(true);
    const document = withMoreAuthors(input.document);
    expect(codes(selfCheck({ ...input, document }))).not.toContain('AUTHORS_OUTSIDE_ROSTERS');
    const strangers = copy(document);
    const authors = strangers.projets.flatMap((projet) => projet.auteurs);
    for (const auteur of authors.slice(0, Math.floor(authors.length / 2) + 1)) auteur.promotion = null;
    const found = selfCheck({ ...input, document: strangers }).filter((d) => d.code === 'AUTHORS_OUTSIDE_ROSTERS');
    expect(found.map((d) => d.severity)).toEqual(['error']);
    expect(found[0]!.message).toMatch(/mais \d+ auteurs sur \d+ n’y figurent pas.*authors-in-rosters/);
    // Half of them or fewer, or no roster read: not checked.
    const half = copy(document);
    const halfAuthors = half.projets.flatMap((projet) => projet.auteurs);
    for (const auteur of halfAuthors.slice(0, Math.floor(halfAuthors.length / 2))) auteur.promotion = null;
    expect(codes(selfCheck({ ...input, document: half }))).not.toContain('AUTHORS_OUTSIDE_ROSTERS');
    expect(codes(selfCheck({ ...input, document: { ...copy(strangers), promotions: [] } }))).not.toContain('AUTHORS_OUTSIDE_ROSTERS');
  });

  it('functions-name-nobody: a tutor\'s function holding the tutor\'s own name is a signature read into the card', async () => {
    const input = await read();
    expect(codes(selfCheck(input))).not.toContain('TUTOR_FUNCTION_NAMES_TUTOR');
    const document = copy(input.document);
    const tuteur = document.projets[0]!.tuteurs[0]!;
    tuteur.fonction = `${tuteur.fonction} ${tuteur.prenom} ${tuteur.nom.toLowerCase()}, ${tuteur.fonction}`;
    const found = selfCheck({ ...input, document }).filter((d) => d.code === 'TUTOR_FUNCTION_NAMES_TUTOR');
    expect(found.map((d) => [d.projet, d.severity])).toEqual([[1, 'error']]);
    expect(found[0]!.message).toMatch(/contient son propre nom : une signature.*functions-name-nobody/);
    // Another person's name in a function (a service named after someone) is no signature of the tutor.
    const other = copy(input.document);
    other.projets[0]!.tuteurs[0]!.fonction = 'Directeur du centre Marie Curie';
    expect(codes(selfCheck({ ...input, document: other }))).not.toContain('TUTOR_FUNCTION_NAMES_TUTOR');
  });

  it('authors-are-members: an author with no family e-mail and in no roster is not a student', async () => {
    const input = await read();
    const document = copy(input.document);
    // A tutor's card read as an author (a converter that drops the tutor's heading's line break).
    document.projets[0]!.auteurs.push({ prenom: 'Claire LE MERRER Directrice générale des territoires', nom: 'TUTRICE AU SEIN DE LA COLLECTIVITÉ', email: null, corps: null, promotion: null });
    const found = selfCheck({ ...input, document }).filter((d) => d.code === 'AUTHOR_UNKNOWN');
    expect(found.map((d) => [d.projet, d.severity])).toEqual([[1, 'error']]);
    expect(found[0]!.message).toMatch(/« Claire LE MERRER Directrice.* est lu comme auteur mais n’a ni adresse de la famille ni place dans une liste de promotion/);
    // Listed in a roster (its e-mail not printed), or a document whose rosters were not read: not checked.
    const member = copy(document);
    member.projets[0]!.auteurs.at(-1)!.promotion = 'MARIE CURIE';
    expect(codes(selfCheck({ ...input, document: member }))).not.toContain('AUTHOR_UNKNOWN');
    const noRosters = { ...copy(document), promotions: [] };
    expect(codes(selfCheck({ ...input, document: noRosters }))).not.toContain('AUTHOR_UNKNOWN');
  });

  it('printed-rubriques-read: a rubrique heading printed on the page whose field came out empty', async () => {
    const input = await read();
    const document = copy(input.document);
    document.projets[1]!.chiffres = [];
    document.projets[2]!.problematique = null;
    const found = selfCheck({ ...input, document }).filter((d) => d.code === 'RUBRIQUE_UNREAD');
    expect(found.map((d) => [d.projet, d.message.match(/« ([^»]+) »/)?.[1]])).toEqual([[2, 'Les chiffres'], [3, 'PROBLÉMATIQUE']]);
    // Printed with nothing after it (an image), as parse found it: nothing was lost.
    const parsed = input.parsed.map((p) => (p.numero === 2 ? { ...p, rubriques: p.rubriques.map((r) => (r.key === 'chiffres' ? { ...r, empty: true } : r)) } : p));
    expect(selfCheck({ ...input, parsed, document }).filter((d) => d.code === 'RUBRIQUE_UNREAD').map((d) => d.projet)).toEqual([3]);
  });

  it('one-team-per-project: two teams, a project apart, in one project’s blocks', async () => {
    const input = await read();
    const [first, second] = input.segmented.projects as [ProjectBlock, ProjectBlock];
    const merged: ProjectBlock = { ...first, blocks: [...first.blocks, second.heading, ...second.blocks] };
    const segmented = { ...input.segmented, projects: [merged, ...input.segmented.projects.slice(2)] };
    const document: BrochureDocument = copy(input.document);
    document.projets[0]!.auteurs.push(...document.projets[1]!.auteurs);
    document.projets.splice(1, 1);
    const found = selfCheck({ ...input, segmented, document });
    expect(found.find((d) => d.code === 'PROJECT_IMPLAUSIBLE')?.message).toMatch(/imprime 2 équipes/);
    // Without prose between the two teams, one team is read.
    const close = { ...input.segmented, projects: [{ ...first, blocks: [...first.blocks.filter((block) => !block.text.startsWith('La collectivité')), second.heading, ...second.blocks.filter((block) => block.text.includes('@'))] }] };
    expect(codes(selfCheck({ ...input, segmented: close, document }))).not.toContain('PROJECT_IMPLAUSIBLE');
  });

  it('one-team-per-project: prose beside a sidebar team, on its page, does not split it; prose under it does', async () => {
    const input = await read();
    const [first] = input.segmented.projects as [ProjectBlock];
    // A PDF page: the team in a left sidebar (x 59–159), the context in the main column (x 235–547),
    // the frames read by height so that the context comes between the team's cards.
    const at = (block: Block, x: number, width: number): Block => ({ ...block, page: 3, box: { x, y: 0, width, height: 10, region: 0, column: 0 } });
    const cards = first.blocks.filter((block) => block.text.includes('@'));
    const prose = first.blocks.find((block) => block.text.startsWith('La collectivité'))!;
    expect(cards).toHaveLength(2);
    const project = (proseX: number): ProjectBlock => ({ ...first, blocks: [at(cards[0]!, 59, 100), at(prose, proseX, 312), at(cards[1]!, 59, 100)] });
    const teams = (proseX: number) => selfCheck({ ...input, segmented: { ...input.segmented, projects: [project(proseX), ...input.segmented.projects.slice(1)] } }).filter((d) => d.code === 'PROJECT_IMPLAUSIBLE' || d.code === 'SOMMAIRE_TRUNCATED');
    expect(teams(235)).toEqual([]);
    expect(teams(48).map((d) => d.code)).toEqual(['SOMMAIRE_TRUNCATED', 'PROJECT_IMPLAUSIBLE']);
    expect(teams(48)[1]!.message).toMatch(/Projet 01 : son texte imprime 2 équipes/);
  });

  it('one-team-per-project: prose under a grid of cards read column after column does not split it; prose over the next card does (prose-under-both-cards)', async () => {
    const input = await read();
    const [first] = input.segmented.projects as [ProjectBlock];
    // A PDF page: two cards side by side (x 48 and 305, y 100–120), the context under them in the
    // first column (y 200–300), the page read down that column first, so the context comes between them.
    const at = (block: Block, x: number, y: number, width: number, height: number): Block => ({ ...block, page: 3, box: { x, y, width, height, region: 0, column: 0 } });
    const cards = first.blocks.filter((block) => block.text.includes('@'));
    const prose = first.blocks.find((block) => block.text.startsWith('La collectivité'))!;
    expect(cards).toHaveLength(2);
    const project = (secondCardX: number, secondCardY: number): ProjectBlock => ({ ...first, blocks: [at(cards[0]!, 48, 100, 140, 20), at(prose, 48, 200, 240, 100), at(cards[1]!, secondCardX, secondCardY, 140, 20)] });
    const teams = (x: number, y: number) => selfCheck({ ...input, segmented: { ...input.segmented, projects: [project(x, y), ...input.segmented.projects.slice(1)] } }).filter((d) => d.code === 'PROJECT_IMPLAUSIBLE' || d.code === 'SOMMAIRE_TRUNCATED');
    expect(teams(305, 100)).toEqual([]);
    // The second card printed under the context: the context stands between the two.
    expect(teams(48, 400).map((d) => d.code)).toEqual(['SOMMAIRE_TRUNCATED', 'PROJECT_IMPLAUSIBLE']);
  });

  it('plausible-sizes: authors beyond the family bound, or beyond the median; text and rubrique beyond the median', async () => {
    const input = await read();
    const crowd = copy(input.document);
    const extra = Array.from({ length: 11 }, (_, i) => ({ ...crowd.projets[0]!.auteurs[0]!, prenom: `Extra${i}`, email: null }));
    crowd.projets[0]!.auteurs.push(...extra);
    const onlyAbsolute = selfCheck({ ...input, document: crowd, vocabulary: withBounds({ maxAuthorsPerProject: 12 }) }).filter((d) => d.code === 'PROJECT_IMPLAUSIBLE');
    expect(onlyAbsolute.map((d) => d.message)).toEqual([expect.stringMatching(/13 auteurs, plus que les 12/)]);
    const relative = selfCheck({ ...input, document: crowd, vocabulary: withBounds({ maxAuthorsToMedian: 3 }) }).filter((d) => d.code === 'PROJECT_IMPLAUSIBLE');
    expect(relative.map((d) => d.message)).toEqual([expect.stringMatching(/13 auteurs, plus de 3 fois la médiane du document \(2\)/)]);

    const long = copy(input.document);
    long.projets[1]!.problematique = PROSE.repeat(4);
    const characters = selfCheck({ ...input, document: long, vocabulary: withBounds({ maxCharactersToMedian: 3 }) }).filter((d) => d.code === 'PROJECT_IMPLAUSIBLE');
    expect(characters.map((d) => [d.projet, /caractères de texte/.test(d.message)])).toEqual([[2, true]]);
    const rubrique = selfCheck({ ...input, document: long, vocabulary: withBounds({ maxRubriqueToMedian: 8 }) }).filter((d) => d.code === 'PROJECT_IMPLAUSIBLE');
    expect(rubrique.map((d) => [d.projet, /rubrique « PROBLÉMATIQUE »/.test(d.message)])).toEqual([[2, true]]);
    // Bounds a profile leaves out are not checked.
    expect(selfCheck({ ...input, document: long, vocabulary: withBounds({}) })).toEqual([]);
  });

  it('plausible-sizes: a tutor’s function beyond the median of the document’s functions', async () => {
    const input = await read();
    const bounds = withBounds({ maxFunctionToMedian: 6 });
    expect(selfCheck({ ...input, vocabulary: bounds })).toEqual([]);
    const glued = copy(input.document);
    // The context's paragraph, set beside the team card, read as the end of the tutor's function.
    glued.projets[1]!.tuteurs[0]!.fonction += ` ${PROSE}`;
    const found = selfCheck({ ...input, document: glued, vocabulary: bounds });
    expect(found.map((d) => [d.code, d.projet])).toEqual([['PROJECT_IMPLAUSIBLE', 2]]);
    expect(found[0]!.message).toMatch(/fonction du tuteur « Hélène JACOB » fait \d+ caractères, plus de 6 fois la médiane des fonctions du document/);
    // Not checked when the profile leaves the bound out.
    expect(selfCheck({ ...input, document: glued, vocabulary: withBounds({}) })).toEqual([]);
  });

  it('fields-like-siblings: a rubrique, an e-mail or a function every other project prints, missing in one', async () => {
    const input = await read();
    const bounds = withBounds({ fieldShareOfSiblings: 0.9, minSiblingsForFieldShare: 2 });
    expect(selfCheck({ ...input, vocabulary: bounds })).toEqual([]);
    const folded = copy(input.document);
    folded.projets[2]!.clesPourAgir = null;
    folded.projets[1]!.tuteurs[0]!.fonction = null;
    folded.projets[0]!.auteurs[0]!.email = null;
    const found = selfCheck({ ...input, document: folded, vocabulary: bounds }).filter((d) => d.code === 'FIELD_MISSING');
    expect(found.map((d) => [d.projet, d.severity])).toEqual([[3, 'error'], [1, 'error'], [2, 'error']]);
    expect(found[0]!.message).toMatch(/rubrique « DES CLÉS POUR AGIR » vide, alors que 2 des 2 autres projets.*fields-like-siblings/);
    expect(found[1]!.message).toMatch(/1 auteur sans adresse \(« .+ »\), alors que \d+ des \d+ auteurs des autres projets en ont une/);
    expect(found[2]!.message).toMatch(/1 tuteur sans fonction \(« Hélène JACOB »\)/);
    // A field the siblings do not all fill (one project of three without a testimony) is no norm.
    const optional = copy(input.document);
    optional.projets[0]!.temoignage = null;
    optional.projets[1]!.temoignage = null;
    expect(selfCheck({ ...input, document: optional, vocabulary: bounds }).filter((d) => d.code === 'FIELD_MISSING')).toEqual([]);
    // Too few siblings to make a norm: not checked.
    expect(selfCheck({ ...input, document: folded, vocabulary: withBounds({ fieldShareOfSiblings: 0.9, minSiblingsForFieldShare: 8 }) }).filter((d) => d.code === 'FIELD_MISSING')).toEqual([]);
  });

  it('collectivites-read: no collectivité in half the projects or more, read into their titles', async () => {
    const input = await read();
    const unread = (document: typeof input.document) => selfCheck({ ...input, document }).filter((d) => d.code === 'COLLECTIVITE_UNREAD_IN_DOCUMENT');
    expect(unread(input.document)).toEqual([]);
    // A converter ran each entry's title and collectivité together: the collectivité went into the title.
    const glued = copy(input.document);
    for (const projet of glued.projets.slice(0, 2)) {
      projet.titre = `${projet.titre} ${projet.collectivite}`;
      projet.collectivite = '';
    }
    const found = unread(glued);
    expect(found.map((d) => [d.projet, d.severity])).toEqual([[1, 'error']]);
    expect(found[0]!.message).toMatch(/^2 des 3 projets n’ont pas de collectivité \(01, 02\).*collectivites-read/);
    // One project without: fewer than half, not the document's.
    const one = copy(input.document);
    one.projets[1]!.collectivite = '';
    expect(unread(one)).toEqual([]);
  });

  it('family-rubriques-read: a body rubrique every project of the family prints, empty in half the projects or more', async () => {
    const input = await read();
    const unread = (document: typeof input.document) => selfCheck({ ...input, document }).filter((d) => d.code === 'RUBRIQUE_UNREAD_IN_DOCUMENT');
    expect(unread(input.document)).toEqual([]);
    // Its heading glued to the text beside it in every project: the text went into the problématique.
    const glued = copy(input.document);
    glued.projets[0]!.clesPourAgir = null;
    glued.projets[2]!.clesPourAgir = null;
    const found = unread(glued);
    expect(found.map((d) => [d.projet, d.severity])).toEqual([[1, 'error']]);
    expect(found[0]!.message).toMatch(/« DES CLÉS POUR AGIR », que tout projet de la famille imprime, est vide dans 2 des 3 projets \(01, 03\).*family-rubriques-read/);
    // One project's loss is fields-like-siblings' to judge, not the document's.
    const one = copy(input.document);
    one.projets[1]!.clesPourAgir = null;
    expect(unread(one)).toEqual([]);
    // The testimony is no body rubrique: a document may print none.
    const noTestimony = copy(input.document);
    for (const projet of noTestimony.projets) projet.temoignage = null;
    expect(unread(noTestimony)).toEqual([]);
  });

  it('figures-in-text: key figures read as lines of a text rubrique', async () => {
    const input = await read();
    const bounds = withBounds({ minFigureRunInText: 3 });
    const figures = copy(input.document);
    figures.projets[1]!.temoignage += '\n\n150 000 habitants supplémentaires entre 2010 et 2030\n\n59 communes membres\n\n2,3 MRD d\'€ de fonctionnement\n\n41% de demandes issues du parc social';
    const found = selfCheck({ ...input, document: figures, vocabulary: bounds });
    expect(found.map((d) => [d.code, d.projet, d.severity])).toEqual([['FIGURES_IN_TEXT', 2, 'error']]);
    expect(found[0]!.message).toMatch(/« Témoignage de la collectivité » contient 4 lignes de suite imprimées comme des chiffres clés \(« 150 000 habitants/);
    // A numbered list and two figures cited in a row are text.
    const list = copy(input.document);
    list.projets[1]!.clesPourAgir += '\n\n1 - Piloter le changement.\n\n2 - Améliorer le reporting.\n\n3. Évaluer les instances.\n\n40 acteurs rencontrés\n\n20 fiches-action rédigées';
    expect(selfCheck({ ...input, document: list, vocabulary: bounds })).toEqual([]);
  });

  it('figures-in-text: key figures read as references', async () => {
    const input = await read();
    const bounds = withBounds({ minFigureRunInText: 3 });
    const figures = copy(input.document);
    const items = ['1,371 million d’habitants', '59 communes membres', '65 000 ménages demandeurs de logements sociaux en 2017'];
    figures.projets[0]!.allerPlusLoin.push(...items.map((texte) => ({ texte, url: null })));
    const found = selfCheck({ ...input, document: figures, vocabulary: bounds });
    expect(found.map((d) => [d.code, d.projet])).toEqual([['FIGURES_IN_TEXT', 1]]);
    expect(found[0]!.message).toMatch(/« Aller plus loin » contient 3 références de suite imprimées comme des chiffres clés/);
    // Two references opening with a number (a year, a count) are references.
    figures.projets[0]!.allerPlusLoin.splice(-1, 1);
    expect(selfCheck({ ...input, document: figures, vocabulary: bounds })).toEqual([]);
  });

  it('display-figures-in-text: a reference or a text line opening with a figure printed apart in display type and not read as a figure', async () => {
    const input = await read();
    const bounds = withBounds({ minDisplayFiguresInText: 1 });
    const figure = (size: number): Block => ({ kind: 'paragraph', text: '12 500', lines: [{ text: '12 500', size, bold: true }], page: 4 });
    const printing = (block: Block) => ({ ...input.segmented, projects: input.segmented.projects.map((project, i) => (i === 0 ? { ...project, blocks: [...project.blocks, block] } : project)) });
    // Figures set as a grid across the columns, read column by column: the figure and its label open a reference.
    const grid = copy(input.document);
    grid.projets[0]!.allerPlusLoin.push({ texte: '12 500 repas servis chaque jour dans les écoles mutualisation des cuisines, 2029', url: null });
    const found = selfCheck({ ...input, segmented: printing(figure(1.8)), document: grid, vocabulary: bounds });
    expect(found.map((d) => [d.code, d.projet, d.severity])).toEqual([['FIGURE_READ_AS_TEXT', 1, 'error']]);
    expect(found[0]!.message).toMatch(/« Aller plus loin » : « 12 500 repas servis/);
    // In a text rubrique too.
    const text = copy(input.document);
    text.projets[0]!.contexte += '\n\n12 500 repas servis chaque jour dans les écoles';
    expect(codes(selfCheck({ ...input, segmented: printing(figure(1.8)), document: text, vocabulary: bounds }))).toEqual(['FIGURE_READ_AS_TEXT']);
    // A number in the body's type is the text's own; a figure read as a figure too is no loss; no display figure printed, nothing to tell.
    expect(selfCheck({ ...input, segmented: printing(figure(1)), document: grid, vocabulary: bounds })).toEqual([]);
    const alsoRead = copy(grid);
    alsoRead.projets[0]!.chiffres.push({ valeur: '12 500', nombre: 12500, libelle: 'repas servis chaque jour dans les écoles' });
    expect(selfCheck({ ...input, segmented: printing(figure(1.8)), document: alsoRead, vocabulary: bounds })).toEqual([]);
    expect(selfCheck({ ...input, document: grid, vocabulary: bounds })).toEqual([]);
  });

  it('figure-labels-hold-no-references: a key figure’s label with a web address', async () => {
    const input = await read();
    const glued = copy(input.document);
    // The references, then the next rubrique's paragraph, read as the rest of the last label.
    glued.projets[0]!.chiffres.at(-1)!.libelle += '\n\nAssociation des maires, www.maires-solvaire.fr\n\nL’équipe a rencontré les maires.';
    const found = selfCheck({ ...input, document: glued });
    expect(found.map((d) => [d.code, d.projet, d.severity])).toEqual([['FIGURE_LABEL_IMPLAUSIBLE', 1, 'error']]);
    expect(found[0]!.message).toMatch(/le libellé du chiffre « 3 » contient une adresse web \(« www\.maires-solvaire\.fr »\)/);
  });

  it('testimony-in-rubrique: a testimony signature in a body rubrique, an error when the testimony is empty', async () => {
    const input = await read();
    const folded = copy(input.document);
    const testimony = folded.projets[0]!.temoignage!;
    folded.projets[0]!.clesPourAgir += `\n\n${testimony}`;
    folded.projets[0]!.temoignage = null;
    // The brochure prints the testimony's heading too (RUBRIQUE_UNREAD); a pull quote would not.
    const found = selfCheck({ ...input, document: folded }).filter((d) => d.code === 'TESTIMONY_IN_RUBRIQUE');
    expect(found.map((d) => [d.projet, d.severity])).toEqual([[1, 'error']]);
    expect(found[0]!.message).toMatch(/« Gilles Hubert, Directeur général des services\. ».*n’a pas de témoignage/);
    // Only the signature moved: a warning, the run is not partial for it.
    const moved = copy(input.document);
    moved.projets[1]!.contexte += '\n\nHélène Jacob, Directrice des finances.';
    expect(selfCheck({ ...input, document: moved }).map((d) => [d.code, d.severity])).toEqual([['TESTIMONY_IN_RUBRIQUE', 'warning']]);
    // A quoted title, then the name: the role word need not be a tutor's.
    const quoted = copy(input.document);
    quoted.projets[2]!.clesPourAgir += '\n\n« Un regard neuf », Irène Laval, DGS de la ville.';
    quoted.projets[2]!.temoignage = null;
    expect(selfCheck({ ...input, document: quoted }).filter((d) => d.code === 'TESTIMONY_IN_RUBRIQUE').map((d) => [d.projet, d.severity])).toEqual([[3, 'error']]);
    // A name followed by a word that begins no tutor's function of the document signs nothing.
    const prose = copy(input.document);
    prose.projets[1]!.contexte += '\n\nGrand Paris, l’objectif étant de porter un regard neuf.';
    expect(selfCheck({ ...input, document: prose })).toEqual([]);
  });

  it('rubriques-start-sentences: a rubrique opening in lower case is a warning', async () => {
    const input = await read();
    const cut = copy(input.document);
    cut.projets[2]!.problematique = 'entraîné des travaux dans des directions variées.';
    const found = selfCheck({ ...input, document: cut });
    expect(found.map((d) => [d.code, d.projet, d.severity])).toEqual([['RUBRIQUE_STARTS_MID_SENTENCE', 3, 'warning']]);
  });

  it('rubriques-cut-in-document: several rubriques starting mid-sentence across the document are an error', async () => {
    const input = await read();
    const bounds = withBounds({ minRubriquesCutMidSentence: 3 });
    const cut = copy(input.document);
    cut.projets[0]!.problematique = 'faire mieux avec autant ?';
    cut.projets[1]!.clesPourAgir = 'et les cadres ont été associés.';
    const codesOf = (document: BrochureDocument) => codes(selfCheck({ ...input, document, vocabulary: bounds }));
    // Two are warnings only (below the bound).
    expect(codesOf(cut)).toEqual(['RUBRIQUE_STARTS_MID_SENTENCE', 'RUBRIQUE_STARTS_MID_SENTENCE']);
    cut.projets[2]!.contexte = 'dans un territoire rural, la commune a changé.';
    const found = selfCheck({ ...input, document: cut, vocabulary: bounds }).filter((d) => d.code === 'RUBRIQUES_CUT_MID_SENTENCE');
    expect(found.map((d) => [d.severity, d.projet])).toEqual([['error', 1]]);
    expect(found[0]!.message).toMatch(/^3 rubriques de \d+ commencent au milieu d’une phrase \(projets 01, 02, 03/);
    // Half the rubriques or more in lower case: the document's style, not a cut.
    const style = copy(cut);
    for (const projet of style.projets) for (const key of ['contexte', 'problematique', 'clesPourAgir', 'temoignage'] as const) if (projet[key]) projet[key] = projet[key]!.charAt(0).toLowerCase() + projet[key]!.slice(1);
    expect(codesOf(style)).not.toContain('RUBRIQUES_CUT_MID_SENTENCE');
  });

  it('paragraphs-under-their-headings: a paragraph read into another rubrique than the heading it is printed under', async () => {
    const input = await read();
    const [first] = input.segmented.projects as [ProjectBlock];
    const paragraph = (words: string): string => `${words} `.repeat(12).trim();
    const [context, problem, keys, carried] = [paragraph('La ville a engagé une démarche concertée.'), paragraph('Comment mieux piloter les services communs ?'), paragraph('Trois pistes ont été proposées aux élus.'), paragraph('Le guichet unique s’appuiera sur les maisons des solidarités.')];
    const block = (text: string, x: number, y: number, width: number): Block => ({ kind: 'paragraph', text, lines: [{ text, bold: null, size: null }], page: 3, box: { x, y, width, height: 10, region: 0, column: 0 } });
    // A page of two columns under a title set across both: CONTEXTE and PROBLÉMATIQUE in the
    // first, DES CLÉS POUR AGIR at its foot, carried on at the head of the second.
    const blocks = [
      block('UN PREMIER PROJET DE TEST', 48, 50, 400), block('CONTEXTE', 48, 100, 100), block(context, 48, 120, 150), block('PROBLÉMATIQUE', 48, 300, 100), block(problem, 48, 320, 150),
      block('DES CLÉS POUR AGIR', 48, 600, 100), block(keys, 48, 620, 150), block(carried, 220, 100, 150),
    ];
    const segmented = { ...input.segmented, projects: [{ ...first, blocks }, ...input.segmented.projects.slice(1)] };
    const check = (fields: Partial<Record<'contexte' | 'problematique' | 'clesPourAgir', string>>) => {
      const document = copy(input.document);
      Object.assign(document.projets[0]!, { contexte: context, problematique: problem, clesPourAgir: `${keys}\n\n${carried}` }, fields);
      return selfCheck({ ...input, segmented, document }).filter((d) => d.code === 'PARAGRAPH_UNDER_OTHER_HEADING');
    };
    expect(check({})).toEqual([]);
    // The problem's paragraph read at the end of the context.
    const merged = check({ contexte: `${context}\n\n${problem}`, problematique: null as unknown as string });
    expect(merged.map((d) => [d.projet, d.severity])).toEqual([[1, 'error']]);
    expect(merged[0]!.message).toMatch(/1 paragraphe lu dans une rubrique mais imprimé sous le titre d’une autre ; ainsi page 3 « Comment mieux.*lu dans « CONTEXTE », imprimé sous « PROBLÉMATIQUE »/);
    // The head of the second column has no heading above it: where it belongs is not judged.
    expect(check({ problematique: `${problem}\n\n${carried}`, clesPourAgir: keys })).toEqual([]);
  });

  it('paragraphs-under-their-headings: a heading above a table across the columns does not head what is under the table (heading-above-across-band)', async () => {
    const input = await read();
    const [first] = input.segmented.projects as [ProjectBlock];
    const paragraph = (words: string): string => `${words} `.repeat(12).trim();
    const [context, problem, keys] = [paragraph('La ville a engagé une démarche concertée.'), paragraph('Comment mieux piloter les services communs ?'), paragraph('Trois pistes ont été proposées aux élus.')];
    const block = (text: string, x: number, y: number, width: number, column: number): Block => ({ kind: 'paragraph', text, lines: [{ text, bold: null, size: null }], page: 3, box: { x, y, width, height: 10, region: 0, column } });
    // PROBLÉMATIQUE heads the second column; under a table across the page, the columns start
    // again: DES CLÉS POUR AGIR in the first, its text going on in the second.
    const blocks = (withTable: boolean): Block[] => [
      block('CONTEXTE', 48, 100, 100, 0), block(context, 48, 120, 150, 0), block('PROBLÉMATIQUE', 220, 100, 100, 1), block(problem, 220, 120, 150, 1),
      ...(withTable ? [block('40 ENTRETIENS | 4 ATELIERS | BENCHMARK', 48, 400, 400, 2)] : []),
      block('DES CLÉS POUR AGIR', 48, 500, 100, withTable ? 3 : 0), block(keys, 48, 520, 150, withTable ? 3 : 0), block(paragraph('Les résultats du diagnostic ont été débattus.'), 220, 520, 150, withTable ? 4 : 1),
    ];
    const check = (withTable: boolean) => {
      const segmented = { ...input.segmented, projects: [{ ...first, blocks: blocks(withTable) }, ...input.segmented.projects.slice(1)] };
      const document = copy(input.document);
      Object.assign(document.projets[0]!, { contexte: context, problematique: problem, clesPourAgir: `${keys}\n\n${paragraph('Les résultats du diagnostic ont été débattus.')}` });
      return selfCheck({ ...input, segmented, document }).filter((d) => d.code === 'PARAGRAPH_UNDER_OTHER_HEADING');
    };
    expect(check(true)).toEqual([]);
    // With no table between them, the paragraph under PROBLÉMATIQUE read into the keys is one.
    expect(check(false).map((d) => d.projet)).toEqual([1]);
  });

  it('makes the run partial: exit 3 territory (a cut sommaire read by the pipeline)', async () => {
    const spec = withProse(cleanBrochure());
    // The sommaire lists only the first section (a damaged read of it, as the class 3).
    const text = renderBrochure(spec).replace(/\nVALORISER LES LIEUX\n\n03\/\n\n[^\n]+\n[^\n]+\n\n\/ P13\n/, '\n');
    const results = await runStages(new TextEncoder().encode(text), { fileName: 'cut.txt' });
    expect(results.segmented.sommaire).toHaveLength(2);
    expect(results.partial).toBe(true);
    expect(codes(results.document.diagnostics.filter((d) => d.severity === 'error'))).toEqual(expect.arrayContaining(['SOMMAIRE_TRUNCATED']));
  });
});
