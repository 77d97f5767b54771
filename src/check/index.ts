/**
 * Self-check stage, after normalise and before validate: the document is checked against what the
 * brochure itself promises, so that a run knows when it has failed. The sommaire numbers run from
 * 01 without a gap and each one is a project read from the body; every family e-mail printed on a
 * project's pages belongs to exactly one of its authors; the roster members printed there are
 * among its authors; each project has a title and a team, and no more authors or text than the
 * document's own projects make plausible (bounds in the profile, `plausibility`); and, from the
 * document's own repetition (`repetition.ts`), each project fills the fields its siblings fill and
 * reads no key figures as text.
 *
 * Each check is a named pass (`SELF_CHECK_PASSES`, in order); each violation is a diagnostic
 * (an error, but for one warning) naming what disagrees, with project and pages, and the pass that
 * found it. Any error makes the run partial (`StageResults.partial`, exit 3). Nothing here changes a field.
 */
import { hasLetter, latin } from '../alphabet.js';
import { foldedWords } from '../conventions.js';
import { TEXT_RUBRIQUES } from '../text-rubriques.js';
import { emailKey, emailNameMismatch, foldLetters, nameKey } from '../normalise/names.js';
import type { Vocabulary } from '../profile.js';
import type { BrochureDocument, Diagnostic, ExtractedDocument, ParsedProject, Projet, RubriqueKey, SegmentedDocument } from '../types.js';
import { at, HOLDS, median, pad, page, projectPages } from './common.js';
import { collectivitesRead, displayFiguresInText, familyRubriquesRead, fieldsLikeSiblings, figureLabelsHoldNoReferences, figuresInText, paragraphsUnderTheirHeadings, rubriquesCutInDocument, rubriquesStartSentences, testimonyInRubrique } from './repetition.js';
import { gatherEvidence, printsInOrder, type Evidence, type PrintedEmail, type ProjectEvidence, type Team } from './evidence.js';

/** What the passes look at. */
export interface SelfCheckInput {
  readonly extracted: ExtractedDocument;
  readonly segmented: SegmentedDocument;
  /** The parse stage's output: which rubrique headings it found, and which it found empty (printed as an image). */
  readonly parsed: readonly ParsedProject[];
  readonly document: BrochureDocument;
  readonly vocabulary: Vocabulary;
}

/** What a pass is given: the input and the evidence gathered once. */
export interface PassInput extends SelfCheckInput {
  readonly evidence: Evidence;
  /** The document's projects read from the body (not known from the sommaire only), with their evidence. */
  readonly read: readonly { readonly projet: Projet; readonly evidence: ProjectEvidence }[];
}

/** One check: an id (named in its diagnostics) and the function that runs it. */
export interface SelfCheckPass {
  readonly id: string;
  readonly run: (input: PassInput) => Diagnostic[];
}

/**
 * Below this many projects the median is one of the few projects compared with it: the bounds
 * relative to it are not checked (the absolute ones still are).
 */
const MEDIAN_MIN_PROJECTS = 3;

/** Characters of an unknown author's name a message quotes (a name read from a whole card line can be long). */
const NAME_SHOWN = 80;

/** Characters of a too long tutor's function a message quotes. */
const FUNCTION_SHOWN = 60;

/** The checks, in order: numbering, sommaire, completeness, e-mails, signatories, sizes, then the document's repetition. */
export const SELF_CHECK_PASSES: readonly SelfCheckPass[] = [
  { id: 'sommaire-sequence', run: sommaireSequence },
  { id: 'project-numbers', run: projectNumbers },
  { id: 'sommaire-truncated', run: sommaireTruncated },
  { id: 'sommaire-pages-agree', run: sommairePagesAgree },
  { id: 'title-and-team', run: titleAndTeam },
  { id: 'emails-assigned', run: emailsAssigned },
  { id: 'signatories-are-authors', run: signatoriesAreAuthors },
  { id: 'authors-are-members', run: authorsAreMembers },
  { id: 'people-are-named', run: peopleAreNamed },
  { id: 'emails-spell-authors', run: emailsSpellAuthors },
  { id: 'authors-in-rosters', run: authorsInRosters },
  { id: 'functions-name-nobody', run: functionsNameNobody },
  { id: 'printed-rubriques-read', run: printedRubriquesRead },
  { id: 'one-team-per-project', run: oneTeamPerProject },
  { id: 'plausible-sizes', run: plausibleSizes },
  { id: 'fields-like-siblings', run: fieldsLikeSiblings },
  { id: 'family-rubriques-read', run: familyRubriquesRead },
  { id: 'collectivites-read', run: collectivitesRead },
  { id: 'figures-in-text', run: figuresInText },
  { id: 'figure-labels-hold-no-references', run: figureLabelsHoldNoReferences },
  { id: 'display-figures-in-text', run: displayFiguresInText },
  { id: 'testimony-in-rubrique', run: testimonyInRubrique },
  { id: 'rubriques-start-sentences', run: rubriquesStartSentences },
  { id: 'rubriques-cut-in-document', run: rubriquesCutInDocument },
  { id: 'paragraphs-under-their-headings', run: paragraphsUnderTheirHeadings },
];

/**
 * Runs every pass.
 * @param input The document and the stages' outputs it was made from.
 * @returns The violations, in pass order: `error` (the run is partial) but for the warnings `RUBRIQUE_STARTS_MID_SENTENCE` and `TESTIMONY_IN_RUBRIQUE` when the project has a testimony.
 */
export function selfCheck(input: SelfCheckInput): Diagnostic[] {
  const evidence = gatherEvidence(input.extracted, input.segmented, input.vocabulary);
  const byNumber = new Map(evidence.projects.map((project) => [project.numero, project]));
  const read = input.document.projets.flatMap((projet) => {
    const found = byNumber.get(projet.numero);
    return found ? [{ projet, evidence: found }] : [];
  });
  return SELF_CHECK_PASSES.flatMap((pass) => pass.run({ ...input, evidence, read }).map((diagnostic) => ({ ...diagnostic, message: `${diagnostic.message} (auto-contrôle ${pass.id})` })));
}

/** The sommaire's numbers run 1..N, each once. */
function sommaireSequence({ segmented, evidence }: PassInput): Diagnostic[] {
  const numbers = segmented.sommaire.map((entry) => entry.numero);
  if (numbers.length === 0) return [];
  const { missing, twice } = sequenceFaults(numbers);
  if (missing.length === 0 && twice.length === 0) return [];
  const faults = [
    ...(missing.length > 0 ? [`manque${missing.length > 1 ? 'nt' : ''} ${list(missing)}`] : []),
    ...(twice.length > 0 ? [`${list(twice)} deux fois`] : []),
  ];
  return [{
    code: 'SOMMAIRE_SEQUENCE_BROKEN',
    severity: 'error',
    ...page(evidence.sommairePage),
    message: `Le sommaire lu numérote ${numbers.length} projet${numbers.length > 1 ? 's' : ''} de ${pad(Math.min(...numbers))} à ${pad(Math.max(...numbers))} : ${faults.join(', ')} (entrées mal lues).`,
  }];
}

/**
 * The sommaire's pages agree with where the body's projects start (`sommaire-pages-agree`): the page
 * the sommaire announces is printed twice in effect, once as a number in the sommaire and once as the
 * page the project's number opens. The two may differ by one constant for the whole document (folios
 * that do not count the cover), not entry by entry. Announced pages off that constant, or missing
 * where most entries have one, in `maxSommairePagesAstray` of the entries and at least
 * `MIN_PAGES_ASTRAY` of them, say the sommaire's cells (or the starts) were paired wrongly: a page
 * column read one row off gives every entry its neighbour's page. One astray entry is a printed
 * sommaire's typo (TOC_PAGE_MISMATCH, a warning).
 */
function sommairePagesAgree({ document, vocabulary }: PassInput): Diagnostic[] {
  const maxShare = vocabulary.plausibility.maxSommairePagesAstray;
  if (maxShare === undefined) return [];
  const placed = document.projets.filter((projet) => projet.pages !== null);
  const announced = placed.filter((projet) => projet.page !== null);
  // Converter text has no pages; a sommaire printing no pages is not wrong about them.
  if (announced.length < MIN_PAGES_ASTRAY || announced.length * 2 < placed.length) return [];
  const offsets = announced.map((projet) => projet.page! - projet.pages!.debut);
  const usual = mostFrequent(offsets);
  const astray = placed.filter((projet) => projet.page === null || projet.page - projet.pages!.debut !== usual);
  if (astray.length < MIN_PAGES_ASTRAY || astray.length <= maxShare * placed.length) return [];
  const shown = astray.map((projet) => `${pad(projet.numero)} ${projet.page === null ? 'sans page' : `p. ${projet.page}`} pour p. ${projet.pages!.debut}`);
  return [{
    code: 'SOMMAIRE_PAGES_DISAGREE',
    severity: 'error',
    ...page(astray[0]!.pages!.debut),
    message: `Les pages du sommaire lu ne s’accordent pas avec le début des projets pour ${astray.length} projet${astray.length > 1 ? 's' : ''} sur ${placed.length} (${shown.join(', ')}) : cases du sommaire mal appariées.`,
  }];
}

/** Fewest astray pages that make SOMMAIRE_PAGES_DISAGREE: one alone is a printed typo. */
const MIN_PAGES_ASTRAY = 2;

/** The value met most often (the first of equals). */
function mostFrequent(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const value of values) counts.set(value, (counts.get(value) ?? 0) + 1);
  return [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best))[0];
}

/** Every number from 01 to the highest is one project read from the body, once. */
function projectNumbers({ document, segmented }: PassInput): Diagnostic[] {
  const numbers = document.projets.map((projet) => projet.numero);
  const announced = new Set(segmented.sommaire.map((entry) => entry.numero));
  const { missing } = sequenceFaults([...numbers, ...announced]);
  // A number the sommaire announces is TOC_PROJECT_MISSING already when no project has it.
  const unclaimed = missing.filter((numero) => !announced.has(numero));
  const doubled = [...new Set(numbers.filter((numero, i) => numbers.indexOf(numero) !== i))];
  const out: Diagnostic[] = [];
  if (unclaimed.length > 0) {
    out.push({
      code: 'PROJECT_NUMBER_UNCLAIMED',
      severity: 'error',
      message: `Aucun projet numéroté ${list(unclaimed)} n’a été lu, entre ${pad(1)} et ${pad(Math.max(...numbers, ...announced))} : le numéro n’a été trouvé ni au sommaire ni dans le corps.`,
    });
  }
  for (const numero of doubled) {
    const pages = document.projets.filter((projet) => projet.numero === numero).map((projet) => projet.pages?.debut).filter((p): p is number => p !== undefined);
    out.push({
      code: 'PROJECT_NUMBER_DUPLICATED',
      severity: 'error',
      projet: numero,
      ...page(pages[0] ?? null),
      message: `Deux projets portent le numéro ${pad(numero)}${pages.length > 0 ? ` (pages ${pages.join(', ')})` : ''}.`,
    });
  }
  return out;
}

/** The body prints no more teams than the sommaire announces projects. */
function sommaireTruncated({ segmented, evidence }: PassInput): Diagnostic[] {
  const announced = segmented.sommaire.length;
  if (announced === 0) return [];
  const teams = [...evidence.projects.flatMap((project) => project.teams), ...evidence.outsideTeams];
  if (teams.length <= announced) return [];
  const last = Math.max(...segmented.sommaire.map((entry) => entry.numero));
  return [{
    code: 'SOMMAIRE_TRUNCATED',
    severity: 'error',
    ...page(evidence.sommairePage),
    message: `Le sommaire lu annonce ${announced} projet${announced > 1 ? 's' : ''} (dernier : ${pad(last)}) mais le corps imprime ${teams.length} équipes (adresses de la famille groupées${teamPages(teams)}) : des entrées du sommaire ou des débuts de projet ont été manqués.`,
  }];
}

/** Every project read from the body has a title and at least one author. */
function titleAndTeam({ read }: PassInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { projet } of read) {
    const lacks = [...(projet.titre.trim() === '' ? ['de titre'] : []), ...(projet.auteurs.length === 0 ? ['d’auteur'] : [])];
    if (lacks.length === 0) continue;
    out.push({ code: 'PROJECT_INCOMPLETE', severity: 'error', ...at(projet), message: `Projet ${pad(projet.numero)}${projet.titre ? ` « ${projet.titre} »` : ''} lu sans ${lacks.join(' ni ')}${projectPages(projet)}.` });
  }
  return out;
}

/** Each family e-mail printed in a project's blocks is the e-mail of exactly one of its authors; none printed elsewhere is lost. */
function emailsAssigned({ document, read, evidence }: PassInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  const ownerOf = new Map(document.projets.flatMap((projet) => projet.auteurs.flatMap((auteur) => (auteur.email ? [[auteur.email, projet.numero] as const] : []))));
  for (const { projet, evidence: printed } of read) {
    const seen = new Set<string>();
    for (const { email, page: where } of printed.emails) {
      if (seen.has(email)) continue;
      seen.add(email);
      const owners = projet.auteurs.filter((auteur) => auteur.email === email);
      if (owners.length === 1) continue;
      if (owners.length === 0) {
        const elsewhere = ownerOf.get(email);
        out.push({
          code: 'EMAIL_UNASSIGNED',
          severity: 'error',
          projet: projet.numero,
          ...page(where),
          message: `« ${email} » est imprimé dans le projet ${pad(projet.numero)}${where !== null ? ` (page ${where})` : ''} mais n’est l’adresse d’aucun de ses auteurs${elsewhere !== undefined ? ` (elle est donnée à un auteur du projet ${pad(elsewhere)})` : ''}.`,
        });
      } else {
        out.push({
          code: 'EMAIL_ASSIGNED_TWICE',
          severity: 'error',
          projet: projet.numero,
          ...page(where),
          message: `« ${email} » est donnée à ${owners.length} auteurs du projet ${pad(projet.numero)} : ${owners.map((auteur) => `« ${auteur.prenom} ${auteur.nom} »`).join(', ')}.`,
        });
      }
    }
  }
  const lost = evidence.outside.filter((printed) => !ownerOf.has(printed.email));
  if (lost.length > 0) {
    out.push({
      code: 'EMAIL_UNASSIGNED',
      severity: 'error',
      ...page(lost[0]!.page),
      message: `${lost.length} adresse${lost.length > 1 ? 's' : ''} de la famille imprimée${lost.length > 1 ? 's' : ''} hors de tout projet lu${pagesOf(lost)}, d’aucun auteur : ${lost.slice(0, 5).map((printed) => `« ${printed.email} »`).join(', ')}${lost.length > 5 ? '…' : ''}.`,
    });
  }
  return out;
}

/** A roster member whose name is printed on a card line of a project (a block shorter than prose) is one of its authors. */
function signatoriesAreAuthors({ document, read }: PassInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  // Each member's key and words once, not once per project.
  const members = document.promotions.flatMap((promotion) => promotion.membres.map((membre) => ({ membre, promotion: promotion.nom, key: nameKey(membre), given: foldedWords(membre.prenom), family: foldedWords(membre.nom) })));
  for (const { projet, evidence } of read) {
    // An author is the member when the names agree, or when the author's e-mail spells the
    // member's name and the given names agree (the family name misprinted on the page, « Paul
    // DUPONTEL » with paul.dupont@… for the roster's « DUPONT Paul »): an e-mail alone
    // does not make a name read with another person's given name (a team read shifted) the member.
    const authors = new Set(projet.auteurs.flatMap((auteur) => [nameKey(auteur), nameKey({ prenom: auteur.nom, nom: auteur.prenom }), spelledBy(auteur)]));
    const missing = members.filter(({ key, given, family }) => {
      if (authors.has(key)) return false;
      return printsInOrder(evidence.words, given, family) || printsInOrder(evidence.words, family, given);
    });
    if (missing.length === 0) continue;
    out.push({
      code: 'SIGNATORY_NOT_AUTHOR',
      severity: 'error',
      ...at(projet),
      message: `Projet ${pad(projet.numero)}${projectPages(projet)} : ${missing.map(({ membre, promotion }) => `« ${membre.nom} ${membre.prenom} » (promotion ${promotion})`).join(', ')} ${missing.length > 1 ? 'sont imprimés' : 'est imprimé'} dans le projet sans en être auteur.`,
    });
  }
  return out;
}

/**
 * An author is a student: the rosters list every one, and each signs with a family e-mail. One
 * with neither (no e-mail, in no roster the document read) is something else read as an author: a
 * tutor's card, a collectivité, a heading. Not checked when the document read no roster member.
 */
function authorsAreMembers({ document, read }: PassInput): Diagnostic[] {
  if (!document.promotions.some((promotion) => promotion.membres.length > 0)) return [];
  const out: Diagnostic[] = [];
  for (const { projet } of read) {
    const strangers = projet.auteurs.filter((auteur) => !auteur.email && !auteur.promotion);
    if (strangers.length === 0) continue;
    out.push({
      code: 'AUTHOR_UNKNOWN',
      severity: 'error',
      ...at(projet),
      message: `Projet ${pad(projet.numero)}${projectPages(projet)} : ${strangers.map((auteur) => `« ${`${auteur.prenom} ${auteur.nom}`.slice(0, NAME_SHOWN)} »`).join(', ')} ${strangers.length > 1 ? 'sont lus comme auteurs mais n’ont' : 'est lu comme auteur mais n’a'} ni adresse de la famille ni place dans une liste de promotion : pas un élève (un tuteur, une collectivité, un titre lu comme un nom).`,
    });
  }
  return out;
}

/**
 * A rubrique heading printed in a project's blocks has its field filled, unless parse found it
 * printed with nothing after it (content as an image, `EMPTY_RUBRIQUE`): else its content went
 * into another field.
 */
function printedRubriquesRead({ read, parsed, segmented, vocabulary }: PassInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { projet } of read) {
    const project = segmented.projects.find((p) => p.numero === projet.numero && !p.fromSommaireOnly);
    const printedEmpty = new Set(parsed.find((p) => p.numero === projet.numero)?.rubriques.filter((r) => r.empty).map((r) => r.key));
    const seen = new Set<RubriqueKey>();
    for (const block of project?.blocks ?? []) {
      // A heading is a block of its own, or the first line of a block its content was glued to.
      const heading = [block.text, block.lines[0]!.text].find((text) => vocabulary.rubriqueOf(text) !== null);
      const key = heading === undefined ? null : vocabulary.rubriqueOf(heading);
      if (heading === undefined || key === null || seen.has(key) || printedEmpty.has(key) || HOLDS[key](projet)) continue;
      seen.add(key);
      out.push({
        code: 'RUBRIQUE_UNREAD',
        severity: 'error',
        projet: projet.numero,
        ...page(block.page ?? projet.pages?.debut ?? null),
        message: `Projet ${pad(projet.numero)} : « ${heading} » est imprimé${block.page !== null ? ` page ${block.page}` : ''} mais la rubrique est vide dans le document (son contenu est allé ailleurs).`,
      });
    }
  }
  return out;
}

/** A digit anywhere in a person's name: printed names never hold one. */
const DIGIT = latin('u')`\p{N}`;

/**
 * Every author and tutor read is named as a person is (`people-are-named`): with letters and
 * without a digit. A key figure (« 4 200 », « 27 % ») or a date read onto a tutor's card or into a
 * team names nobody: blocks went to the wrong rubrique, and the figures or text they hold are
 * missing where they belong. Whatever the design, a name is made of letters.
 */
function peopleAreNamed({ read }: PassInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { projet } of read) {
    const people = [
      ...projet.auteurs.map((auteur) => ({ name: `${auteur.prenom} ${auteur.nom}`.trim(), role: 'auteur' })),
      ...projet.tuteurs.map((tuteur) => ({ name: `${tuteur.prenom} ${tuteur.nom}`.trim(), role: 'tuteur' })),
    ];
    const unnamed = people.filter(({ name }) => !hasLetter(name) || DIGIT.test(name));
    if (unnamed.length === 0) continue;
    const shown = unnamed.map(({ name, role }) => `« ${name.slice(0, NAME_SHOWN)} » (${role})`).join(', ');
    out.push({
      code: 'PERSON_NOT_A_NAME',
      severity: 'error',
      ...at(projet),
      message: `Projet ${pad(projet.numero)}${projectPages(projet)} : ${shown} ${unnamed.length > 1 ? 'ne sont pas des noms' : 'n’est pas un nom'} de personne (des chiffres, ou aucune lettre) : un chiffre clé ou du texte lu comme une personne.`,
    });
  }
  return out;
}

/**
 * Authors below this many say nothing as a share (two typos in a team of four are half of it):
 * the document-wide agreement of names, e-mails and rosters is not checked.
 */
const MIN_AUTHORS_FOR_SHARE = 8;

/**
 * Share of the authors whose e-mail does not spell the printed name, or who are in no roster read,
 * above which the reading is at fault and not the printing: a brochure's typos touch a few names
 * (2 of 14 at most in the committed documents), a team misread (e-mails glued to the names, names
 * read from the wrong column) nearly all of them.
 */
const MAX_DISAGREEING_SHARE = 0.5;

/** Projects a document-wide message names at most. */
const PROJECTS_SHOWN = 6;

/** « projets 01, 02, 05… » for a document-wide message. */
function projectList(projets: readonly Projet[]): string {
  const numbers = [...new Set(projets.map((projet) => pad(projet.numero)))];
  const shown = numbers.slice(0, PROJECTS_SHOWN).join(', ');
  return `projet${numbers.length > 1 ? 's' : ''} ${shown}${numbers.length > PROJECTS_SHOWN ? '…' : ''}`;
}

/**
 * Each e-mail spells its owner's name (`emails-spell-authors`), whatever the design: when most
 * authors' e-mails do not, the teams were misread (an e-mail glued to the family name before it,
 * names paired with the wrong addresses), not misprinted. One error for the document; each author
 * keeps its `EMAIL_NAME_MISMATCH` warning, with project and page.
 */
function emailsSpellAuthors({ read }: PassInput): Diagnostic[] {
  const withEmail = read.flatMap(({ projet }) => projet.auteurs.filter((auteur) => auteur.email !== null).map((auteur) => ({ projet, auteur })));
  const disagreeing = mostOf(withEmail, ({ auteur }) => emailNameMismatch(auteur.email!.split('@')[0]!, auteur) === 'warning');
  if (disagreeing.length === 0) return [];
  const first = disagreeing[0]!;
  return [{
    code: 'EMAILS_DISAGREE_WITH_NAMES',
    severity: 'error',
    ...at(first.projet),
    message: `${disagreeing.length} auteurs sur ${withEmail.length} ont une adresse qui n’épelle pas le nom lu (${projectList(disagreeing.map(({ projet }) => projet))} ; « ${nameShown(first.auteur)} » / « ${first.auteur.email} ») : les équipes ont été mal lues (adresses collées aux noms ou appariées aux mauvais noms), pas mal imprimées.`,
  }];
}

/** The authors checked that fail a test, when they are more than `MAX_DISAGREEING_SHARE` of them (from `MIN_AUTHORS_FOR_SHARE` authors); else none. */
function mostOf<T>(checked: readonly T[], fails: (author: T) => boolean): T[] {
  if (checked.length < MIN_AUTHORS_FOR_SHARE) return [];
  const failing = checked.filter(fails);
  return failing.length > checked.length * MAX_DISAGREEING_SHARE ? failing : [];
}

/** An author's name for a message, as read, cut to `NAME_SHOWN` characters. */
function nameShown(auteur: Projet['auteurs'][number]): string {
  return `${auteur.prenom} ${auteur.nom}`.trim().slice(0, NAME_SHOWN);
}

/**
 * The rosters list every author (`authors-in-rosters`): when they were read and most authors are
 * in none of them, the authors' names were misread. One error for the document; each author keeps
 * its `AUTHOR_NOT_IN_ROSTER` warning.
 */
function authorsInRosters({ document, read }: PassInput): Diagnostic[] {
  const members = document.promotions.reduce((count, promotion) => count + promotion.membres.length, 0);
  if (members === 0) return [];
  const authors = read.flatMap(({ projet }) => projet.auteurs.map((auteur) => ({ projet, auteur })));
  const outside = mostOf(authors, ({ auteur }) => !auteur.promotion);
  if (outside.length === 0) return [];
  return [{
    code: 'AUTHORS_OUTSIDE_ROSTERS',
    severity: 'error',
    ...at(outside[0]!.projet),
    message: `Les listes de promotion lues comptent ${members} membres, mais ${outside.length} auteurs sur ${authors.length} n’y figurent pas (${projectList(outside.map(({ projet }) => projet))} ; « ${nameShown(outside[0]!.auteur)} ») : les noms des auteurs ont été mal lus.`,
  }];
}

/** Letters of a family name at least for its presence in a function to say anything (« LE », « NG »). */
const MIN_NAME_LETTERS_IN_FUNCTION = 3;

/**
 * A tutor's function names no one (`functions-name-nobody`): « Directrice des archives » says what
 * the tutor does, never who. A function that holds the tutor's own family name is a signature read
 * into the card (the testimony's « Sophie Martin, directrice des archives », printed beside the
 * card), and the testimony lacks it. No tutor of the committed designs' and fixtures' gold (2 936)
 * has such a function.
 */
function functionsNameNobody({ read }: PassInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { projet } of read) {
    const named = projet.tuteurs.filter((tuteur) => {
      const family = foldedWords(tuteur.nom);
      if (family.join('').length < MIN_NAME_LETTERS_IN_FUNCTION || !tuteur.fonction) return false;
      return ` ${foldedWords(tuteur.fonction).join(' ')} `.includes(` ${family.join(' ')} `);
    });
    if (named.length === 0) continue;
    out.push({
      code: 'TUTOR_FUNCTION_NAMES_TUTOR',
      severity: 'error',
      ...at(projet),
      message: `Projet ${pad(projet.numero)}${projectPages(projet)} : la fonction ${named.map((tuteur) => `de « ${`${tuteur.prenom} ${tuteur.nom}`.trim()} » (« ${(tuteur.fonction ?? '').slice(0, FUNCTION_SHOWN)} »)`).join(', ')} contient son propre nom : une signature (celle du témoignage) lue dans la carte du tuteur.`,
    });
  }
  return out;
}

/** The « given|family » key an author's e-mail spells, when the author's given name is the e-mail's; else ''. */
function spelledBy(auteur: Projet['auteurs'][number]): string {
  const key = emailKey(auteur.email);
  return key !== null && key.split('|')[0] === foldLetters(auteur.prenom) ? key : '';
}

/** A project's blocks print one team: two means the start of the project between them was missed. */
function oneTeamPerProject({ read }: PassInput): Diagnostic[] {
  return read
    .filter(({ evidence }) => evidence.teams.length > 1)
    .map(({ projet, evidence }) => ({
      code: 'PROJECT_IMPLAUSIBLE' as const,
      severity: 'error' as const,
      ...at(projet),
      message: `Projet ${pad(projet.numero)}${projectPages(projet)} : son texte imprime ${evidence.teams.length} équipes séparées par des rubriques${teamPages(evidence.teams)} ; des débuts de projet ont été manqués.`,
    }));
}

/** Authors, text, each rubrique and each tutor's function within the profile's bounds, relative to the document's own median. */
function plausibleSizes({ read, vocabulary }: PassInput): Diagnostic[] {
  const bounds = vocabulary.plausibility;
  const projets = read.map(({ projet }) => projet);
  const relative = projets.length >= MEDIAN_MIN_PROJECTS;
  const medianAuthors = median(projets.map((projet) => projet.auteurs.length));
  const medianCharacters = median(projets.map(characters));
  const medianRubrique = Object.fromEntries(TEXT_RUBRIQUES.map((key) => [key, median(projets.flatMap((projet) => (projet[key] ? [projet[key].length] : [])))]));
  const medianFunction = median(projets.flatMap((projet) => projet.tuteurs.flatMap((tuteur) => (tuteur.fonction ? [tuteur.fonction.length] : []))));
  const out: Diagnostic[] = [];
  const implausible = (projet: Projet, what: string): void => {
    out.push({ code: 'PROJECT_IMPLAUSIBLE', severity: 'error', ...at(projet), message: `Projet ${pad(projet.numero)}${projectPages(projet)} : ${what}.` });
  };
  for (const projet of projets) {
    const authors = projet.auteurs.length;
    if (bounds.maxAuthorsPerProject !== undefined && authors > bounds.maxAuthorsPerProject) {
      implausible(projet, `${authors} auteurs, plus que les ${bounds.maxAuthorsPerProject} qu’une équipe de la famille compte au plus`);
    } else if (relative && bounds.maxAuthorsToMedian !== undefined && authors > bounds.maxAuthorsToMedian * medianAuthors) {
      implausible(projet, `${authors} auteurs, plus de ${bounds.maxAuthorsToMedian} fois la médiane du document (${medianAuthors})`);
    }
    if (!relative) continue;
    const length = characters(projet);
    if (bounds.maxCharactersToMedian !== undefined && length > bounds.maxCharactersToMedian * medianCharacters) {
      implausible(projet, `${length} caractères de texte, plus de ${bounds.maxCharactersToMedian} fois la médiane du document (${medianCharacters})`);
    }
    for (const key of TEXT_RUBRIQUES) {
      const text = projet[key];
      const usual = medianRubrique[key]!;
      if (text && bounds.maxRubriqueToMedian !== undefined && usual > 0 && text.length > bounds.maxRubriqueToMedian * usual) {
        implausible(projet, `rubrique « ${vocabulary.rubriqueLabel(key)} » de ${text.length} caractères, plus de ${bounds.maxRubriqueToMedian} fois la médiane du document (${usual})`);
      }
    }
    for (const tuteur of projet.tuteurs) {
      const length = tuteur.fonction?.length ?? 0;
      if (bounds.maxFunctionToMedian !== undefined && medianFunction > 0 && length > bounds.maxFunctionToMedian * medianFunction) {
        implausible(projet, `la fonction du tuteur « ${tuteur.prenom} ${tuteur.nom} » fait ${length} caractères, plus de ${bounds.maxFunctionToMedian} fois la médiane des fonctions du document (${medianFunction}) : du texte d’une rubrique y a été lu (« ${tuteur.fonction!.slice(0, FUNCTION_SHOWN)}… »)`);
      }
    }
  }
  return out;
}

/** The text a project holds: its text rubriques, figures, references and boxes. */
function characters(projet: Projet): number {
  const texts = [
    ...TEXT_RUBRIQUES.map((key) => projet[key] ?? ''),
    ...projet.chiffres.map((chiffre) => chiffre.valeur + chiffre.libelle),
    ...projet.allerPlusLoin.map((item) => item.texte),
    ...(projet.encadres ?? []).map((box) => (box.titre ?? '') + box.texte),
  ];
  return texts.reduce((sum, text) => sum + text.length, 0);
}

/** The numbers missing from 1..max and those present twice. */
function sequenceFaults(numbers: readonly number[]): { missing: number[]; twice: number[] } {
  const present = new Set(numbers);
  const highest = Math.max(0, ...numbers);
  const missing = Array.from({ length: highest }, (_, i) => i + 1).filter((numero) => !present.has(numero));
  const twice = [...new Set(numbers.filter((numero, i) => numbers.indexOf(numero) !== i))];
  return { missing, twice };
}





function pagesOf(emails: readonly PrintedEmail[]): string {
  const pages = [...new Set(emails.map((printed) => printed.page).filter((p): p is number => p !== null))];
  return pages.length > 0 ? ` (page${pages.length > 1 ? 's' : ''} ${pages.join(', ')})` : '';
}

function teamPages(teams: readonly Team[]): string {
  const firsts = teams.map((team) => team.emails[0]!.page).filter((p): p is number => p !== null);
  return firsts.length > 0 ? ` ; premières adresses pages ${firsts.join(', ')}` : '';
}

function list(numbers: readonly number[]): string {
  return numbers.map(pad).join(', ');
}

