/**
 * Self-check passes from the document's own repetition: twenty-odd projects are set from one
 * template, so what nearly every project holds, and how it is printed, is a norm that one misread
 * project breaks. These find losses inside projects that nothing printed twice contradicts: a
 * field every sibling fills left empty (its content folded into a neighbour or lost), key figures
 * read as lines of a text rubrique, a rubrique that starts in the middle of a sentence.
 */
import { foldForMatch } from '../conventions.js';
import { isStandaloneFigure, looksLikeFigure } from '../parse/chiffres.js';
import { URL } from '../parse/structure.js';
import { BODY_RUBRIQUES, TEXT_RUBRIQUES, type TextRubrique } from '../text-rubriques.js';
import { foldLetters } from '../normalise/names.js';
import type { Block, Diagnostic, Personne, Projet, RubriqueKey } from '../types.js';
import { inOneColumn } from '../boxes.js';
import { at, HOLDS, pad, projectPages } from './common.js';
import { CARD_LINE_MAX_CHARACTERS } from './evidence.js';
import type { PassInput } from './index.js';
import { isLargerThanBody } from '../typography.js';
import { latin, startsInLowerCase } from '../alphabet.js';

/**
 * The fields of the template a project may lose: the text rubriques, the key figures, the
 * references and the tutors (the authors and the title are `title-and-team`'s).
 */
const TEMPLATE_FIELDS: readonly RubriqueKey[] = [...TEXT_RUBRIQUES, 'chiffres', 'allerPlusLoin', 'tuteurs'];

/** A detail each person of a kind prints: an author's e-mail, a tutor's function. */
const PERSON_DETAILS: readonly { what: string; lacks: string; details: (projet: Projet) => { person: Personne; holds: boolean }[] }[] = [
  { what: 'auteur', lacks: 'adresse', details: (projet) => projet.auteurs.map((person) => ({ person, holds: Boolean(person.email) })) },
  { what: 'tuteur', lacks: 'fonction', details: (projet) => projet.tuteurs.map((person) => ({ person, holds: Boolean(person.fonction) })) },
];

/** How many names a message lists before « … ». */
const NAMES_SHOWN = 3;

/**
 * A line longer than this is prose, not a key figure with its label: the family's labels run to a
 * line or two (« 2,3 MRD d'€ de fonctionnement, 700 M d'€ en investissement… »); a longer
 * paragraph that opens with a number is a sentence of the text.
 */
const FIGURE_LINE_MAX_CHARACTERS = 250;

/**
 * A field that nearly every other project of the document fills is empty in one project: its
 * content went into a neighbour (a testimony folded into « Des clés pour agir », references into
 * a rubrique) or was lost. Likewise authors without the e-mail, or tutors without the function,
 * that nearly every other one prints: a team row half lost. Checked from
 * `minSiblingsForFieldShare` other projects on, at `fieldShareOfSiblings`.
 */
export function fieldsLikeSiblings({ read, vocabulary }: PassInput): Diagnostic[] {
  const { fieldShareOfSiblings: share, minSiblingsForFieldShare: minSiblings } = vocabulary.plausibility;
  const projets = read.map(({ projet }) => projet);
  const siblings = projets.length - 1;
  if (share === undefined || minSiblings === undefined || siblings < minSiblings) return [];
  const out: Diagnostic[] = [];
  const missing = (projet: Projet, what: string): void => {
    out.push({ code: 'FIELD_MISSING', severity: 'error', ...at(projet), message: `Projet ${pad(projet.numero)}${projectPages(projet)} : ${what} (contenu versé dans une autre rubrique, ou perdu).` });
  };
  for (const key of TEMPLATE_FIELDS) {
    const holders = projets.filter(HOLDS[key]).length;
    if (holders / siblings < share) continue;
    for (const projet of projets.filter((p) => !HOLDS[key](p))) {
      missing(projet, `rubrique « ${vocabulary.rubriqueLabel(key)} » vide, alors que ${holders} des ${siblings} autres projets du document la remplissent`);
    }
  }
  for (const { what, lacks, details } of PERSON_DETAILS) {
    for (const projet of projets) {
      const others = projets.filter((p) => p !== projet).flatMap(details);
      const holding = others.filter((detail) => detail.holds).length;
      const without = details(projet).filter((detail) => !detail.holds).map((detail) => detail.person);
      if (without.length === 0 || others.length === 0 || holding / others.length < share) continue;
      missing(projet, `${without.length} ${what}${without.length > 1 ? 's' : ''} sans ${lacks} (${names(without)}), alors que ${holding} des ${others.length} ${what}s des autres projets en ont une`);
    }
  }
  return out;
}

/**
 * Every project of the family prints the body's three rubriques (contexte, problématique, des clés
 * pour agir). A document in which one of them is empty in at least half its projects has not read
 * that heading anywhere: its text went into the rubrique before it in every project alike (a
 * heading glued to the text beside it, a heading set in a way no rule knows), so no sibling breaks
 * a norm and `fields-like-siblings` cannot see it. Checked from `FAMILY_RUBRIQUE_MIN_PROJECTS`.
 */
export function familyRubriquesRead({ read, vocabulary }: PassInput): Diagnostic[] {
  const projets = read.map(({ projet }) => projet);
  if (projets.length < FAMILY_RUBRIQUE_MIN_PROJECTS) return [];
  const out: Diagnostic[] = [];
  for (const key of BODY_RUBRIQUES) {
    const empty = projets.filter((projet) => !HOLDS[key](projet));
    if (empty.length < FAMILY_RUBRIQUE_EMPTY_SHARE * projets.length) continue;
    const first = empty[0]!;
    const numbers = empty.map((projet) => pad(projet.numero)).join(', ');
    out.push({
      code: 'RUBRIQUE_UNREAD_IN_DOCUMENT',
      severity: 'error',
      ...at(first),
      message: `La rubrique « ${vocabulary.rubriqueLabel(key)} », que tout projet de la famille imprime, est vide dans ${empty.length} des ${projets.length} projets (${numbers}) : son titre n’a été reconnu nulle part, son texte est allé dans une autre rubrique ou a été perdu.`,
    });
  }
  return out;
}

/**
 * Every project of the family names the collectivité it was carried out for, printed under its
 * title. A document in which half its projects or more have none read it into the title (a
 * sommaire entry or a heading whose lines the converter ran together) or lost it, in every project
 * alike (`collectivites-read`). Checked from `FAMILY_RUBRIQUE_MIN_PROJECTS`, as the body rubriques.
 */
export function collectivitesRead({ read }: PassInput): Diagnostic[] {
  const projets = read.map(({ projet }) => projet);
  if (projets.length < FAMILY_RUBRIQUE_MIN_PROJECTS) return [];
  const without = projets.filter((projet) => projet.collectivite.trim() === '');
  if (without.length < FAMILY_RUBRIQUE_EMPTY_SHARE * projets.length) return [];
  const first = without[0]!;
  return [{
    code: 'COLLECTIVITE_UNREAD_IN_DOCUMENT',
    severity: 'error',
    ...at(first),
    message: `${without.length} des ${projets.length} projets n’ont pas de collectivité (${without.map((projet) => pad(projet.numero)).join(', ')}) alors que tout projet de la famille en nomme une : elle a été lue dans le titre (« ${first.titre.slice(0, 80)} ») ou perdue.`,
  }];
}

/** Fewest projects that make an empty body rubrique the document's, not one project's (fields-like-siblings judges a lone one). */
const FAMILY_RUBRIQUE_MIN_PROJECTS = 3;

/** Share of the projects a body rubrique is empty in that says its heading was read nowhere: half (a few losses are one project's each). */
const FAMILY_RUBRIQUE_EMPTY_SHARE = 0.5;

/**
 * A text rubrique holds `minFigureRunInText` lines in a row printed as key figures (a number
 * alone, or a number then its label in lower case), or the references as many items in a row: the
 * project's key figures, or another's, read as text (figures set as a grid or appended to a
 * rubrique without their heading, then cut off by the next heading).
 */
export function figuresInText({ read, vocabulary }: PassInput): Diagnostic[] {
  const minRun = vocabulary.plausibility.minFigureRunInText;
  if (minRun === undefined) return [];
  const out: Diagnostic[] = [];
  for (const { projet } of read) {
    const fields = [
      ...TEXT_RUBRIQUES.map((key) => ({ key, lines: (projet[key] ?? '').split(/\n+/), what: 'lignes' })),
      { key: 'allerPlusLoin' as const, lines: projet.allerPlusLoin.map((item) => item.texte), what: 'références' },
    ];
    for (const { key, lines, what } of fields) {
      const run = longestFigureRun(lines);
      if (run.length < minRun) continue;
      out.push({
        code: 'FIGURES_IN_TEXT',
        severity: 'error',
        ...at(projet),
        message: `Projet ${pad(projet.numero)}${projectPages(projet)} : la rubrique « ${vocabulary.rubriqueLabel(key)} » contient ${run.length} ${what} de suite imprimées comme des chiffres clés (« ${run[0]!.slice(0, 60)} »…)${projet.chiffres.length === 0 ? ', et le projet n’a aucun chiffre' : ''} : des chiffres clés ont été lus comme du texte.`,
      });
    }
  }
  return out;
}

/**
 * A key figure's label holds a web address: the references (and what follows them) were read into
 * the figures, the last label running on past its figure (no label of the editions and designs
 * read prints one: a figure's label says what the number counts).
 */
export function figureLabelsHoldNoReferences({ read, vocabulary }: PassInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { projet } of read) {
    const glued = projet.chiffres.find((chiffre) => URL.test(chiffre.libelle));
    if (glued === undefined) continue;
    out.push({
      code: 'FIGURE_LABEL_IMPLAUSIBLE',
      severity: 'error',
      ...at(projet),
      message: `Projet ${pad(projet.numero)}${projectPages(projet)} : le libellé du chiffre « ${glued.valeur} » contient une adresse web (« ${URL.exec(glued.libelle)![0]} ») : des références ou du texte ont été lus dans « ${vocabulary.rubriqueLabel('chiffres')} ».`,
    });
  }
  return out;
}

/** A figure's value compared across fields: its spaces (thin, no-break) as one plain space. */
function figureValue(text: string): string {
  return text.trim().replace(/[\s\u00a0\u202f]+/g, ' ');
}

/**
 * A key figure printed apart in display type on a project's pages (a number alone, set larger than
 * the body: « 4 300 », « +12 % »), that is none of the project's key figures, opens a line of one
 * of its text rubriques or one of its references, its label after it: the figures, set as a grid
 * across the columns, were read column by column into the text beside them (« 4 300 places
 * créées en crèche Rapport annuel, 2030 »). From
 * `minDisplayFiguresInText` such lines in a project. The project's number, printed in display type
 * too, is its heading, not among its blocks; converter text has no sizes: not checked.
 */
export function displayFiguresInText({ read, segmented, vocabulary }: PassInput): Diagnostic[] {
  const minFigures = vocabulary.plausibility.minDisplayFiguresInText;
  if (minFigures === undefined) return [];
  const out: Diagnostic[] = [];
  for (const { projet } of read) {
    const project = segmented.projects.find((p) => p.numero === projet.numero && !p.fromSommaireOnly);
    if (!project) continue;
    const readAsFigures = new Set(projet.chiffres.map((chiffre) => figureValue(chiffre.valeur)));
    const display = new Set(project.blocks.filter((block) => isStandaloneFigure(block.text) && isLargerThanBody(block)).map((block) => figureValue(block.text)).filter((value) => !readAsFigures.has(value)));
    if (display.size === 0) continue;
    const fields = [
      ...TEXT_RUBRIQUES.map((key) => ({ key, lines: (projet[key] ?? '').split(/\n+/) })),
      { key: 'allerPlusLoin' as const, lines: projet.allerPlusLoin.map((item) => item.texte) },
    ];
    // A line opening on a displayed figure is tested for a figure's shape only then (most lines open on none).
    const displayed = [...display];
    const opensOnDisplayed = (line: string): boolean => displayed.some((value) => line.startsWith(`${value} `));
    const found = fields.flatMap(({ key, lines }) =>
      lines.map(figureValue).filter((line) => opensOnDisplayed(line) && looksLikeFigure(line)).map((line) => ({ key, line })),
    );
    if (found.length < minFigures) continue;
    const first = found[0]!;
    out.push({
      code: 'FIGURE_READ_AS_TEXT',
      severity: 'error',
      ...at(projet),
      message: `Projet ${pad(projet.numero)}${projectPages(projet)} : ${found.length} ligne${found.length > 1 ? 's' : ''} de texte ou de références ouvre${found.length > 1 ? 'nt' : ''} sur un chiffre clé imprimé à part en gros caractères et absent des chiffres du projet ; ainsi « ${vocabulary.rubriqueLabel(first.key)} » : « ${first.line.slice(0, 70)}… » : des chiffres clés ont été lus dans le texte.`,
    });
  }
  return out;
}

/** « « Anne MARTIN », « Paul DURAND »… » for a message. */
function names(people: readonly Personne[]): string {
  return people.slice(0, NAMES_SHOWN).map((person) => `« ${person.prenom} ${person.nom} »`).join(', ') + (people.length > NAMES_SHOWN ? '…' : '');
}

/** The longest run of consecutive lines (of a text, or references) that look like key figures. */
function longestFigureRun(lines: readonly string[]): string[] {
  let best: string[] = [];
  let run: string[] = [];
  for (const line of lines.map((l) => l.trim()).filter((l) => l !== '')) {
    run = line.length <= FIGURE_LINE_MAX_CHARACTERS && looksLikeFigure(line) ? [...run, line] : [];
    if (run.length > best.length) best = run;
  }
  return best;
}

/** The text rubriques of a project that start with a lower-case letter: in the middle of a sentence. */
function midSentenceStarts(projet: Projet): { key: TextRubrique; text: string }[] {
  return TEXT_RUBRIQUES.map((key) => ({ key, text: projet[key]?.trim() ?? '' })).filter(({ text }) => startsInLowerCase(text));
}

/**
 * A text rubrique that starts with a lower-case letter starts in the middle of a sentence: its
 * beginning went into the field before it (text frames read out of order). A warning: the same
 * cut also happens where nothing else is lost, and a brochure may open a rubrique in lower case.
 */
export function rubriquesStartSentences({ read, vocabulary }: PassInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { projet } of read) {
    for (const { key, text } of midSentenceStarts(projet)) {
      out.push({
        code: 'RUBRIQUE_STARTS_MID_SENTENCE',
        severity: 'warning',
        ...at(projet),
        message: `Projet ${pad(projet.numero)}${projectPages(projet)} : la rubrique « ${vocabulary.rubriqueLabel(key)} » commence au milieu d’une phrase (« ${text.slice(0, 60)}… ») : son début a pu être lu dans une autre rubrique.`,
      });
    }
  }
  return out;
}

/**
 * Across the document, `minRubriquesCutMidSentence` text rubriques or more start in the middle of
 * a sentence: one such start is a warning (`rubriquesStartSentences`), several are the text cut
 * at the wrong places throughout (frames read out of order, headings missed), which costs whole
 * sentences in every project it touches. Not when half the rubriques or more open in lower case:
 * that is the document's own style, not a cut.
 */
export function rubriquesCutInDocument({ read, vocabulary }: PassInput): Diagnostic[] {
  const minCut = vocabulary.plausibility.minRubriquesCutMidSentence;
  if (minCut === undefined) return [];
  const cut = read.flatMap(({ projet }) => midSentenceStarts(projet).map(({ key }) => ({ projet, key })));
  const filled = read.flatMap(({ projet }) => TEXT_RUBRIQUES.filter((key) => HOLDS[key](projet)));
  if (cut.length < minCut || cut.length * 2 >= filled.length) return [];
  const projects = [...new Set(cut.map(({ projet }) => pad(projet.numero)))];
  return [{
    code: 'RUBRIQUES_CUT_MID_SENTENCE',
    severity: 'error',
    ...at(cut[0]!.projet),
    message: `${cut.length} rubriques de ${filled.length} commencent au milieu d’une phrase (projets ${projects.join(', ')} ; « ${vocabulary.rubriqueLabel(cut[0]!.key)} » du projet ${projects[0]} la première) : le texte a été coupé ailleurs qu’à ses titres, des phrases sont lues dans d’autres rubriques.`,
  }];
}

/**
 * A testimony's signature: a name (two to four capitalised words) then, after a comma, a
 * parenthesis or a space, a role word; or a quoted title, a comma and a name (« « Un regard
 * neuf », Anne Martin, DGS… »). Group 1 is the quoted title, group 2 the role word.
 */
const SIGNATURE = latin('u')`^(«[^»]*»\s*,\s*)?(?:\p{Lu}[\p{L}'’-]*\s+){1,3}?\p{Lu}[\p{L}'’-]*\s*[,(]?\s*(\p{L}+)`;

/**
 * A body rubrique holds a testimony's signature line (a card line: « Anne Martin,
 * Directrice générale adjointe… »): the testimony, set as a pull quote without its heading, was
 * read into the rubrique. The role words are the document's own: the first words of its tutors'
 * functions (« Directrice », « Chef »…). An error when the project has no testimony (the whole
 * testimony is in the rubrique); a warning when it has one (only its signature line moved).
 */
export function testimonyInRubrique({ read, vocabulary }: PassInput): Diagnostic[] {
  const projets = read.map(({ projet }) => projet);
  const roles = new Set(projets.flatMap((projet) => projet.tuteurs.map((tuteur) => foldForMatch(tuteur.fonction?.split(/[\s,]+/)[0] ?? ''))).filter((word) => word !== ''));
  const out: Diagnostic[] = [];
  for (const projet of projets) {
    for (const key of BODY_RUBRIQUES) {
      const lines = (projet[key] ?? '').split(/\n+/).map((line) => line.trim());
      const signature = lines.find((line) => {
        const match = line.length < CARD_LINE_MAX_CHARACTERS ? SIGNATURE.exec(line) : null;
        return match !== null && (match[1] !== undefined || roles.has(foldForMatch(match[2]!)));
      });
      if (signature === undefined) continue;
      const folded = !HOLDS.temoignage(projet);
      out.push({
        code: 'TESTIMONY_IN_RUBRIQUE',
        severity: folded ? 'error' : 'warning',
        ...at(projet),
        message: `Projet ${pad(projet.numero)}${projectPages(projet)} : la rubrique « ${vocabulary.rubriqueLabel(key)} » contient la signature d’un témoignage (« ${signature.slice(0, 70)} »)${folded ? ' et le projet n’a pas de témoignage : le témoignage a été lu dans la rubrique' : ' : elle a été séparée du témoignage'}.`,
      });
    }
  }
  return out;
}

/** Letters of a prose block's start looked up in the text fields (enough to name one paragraph). */
const PROBE_LETTERS = 60;

/**
 * Each paragraph of a text rubrique sits, on its page, under the heading of that rubrique: the
 * nearest rubrique heading above it whose width overlaps its own. A paragraph whose nearest heading
 * names another text rubrique was cut into the wrong field (text frames read in another order
 * than the page sets them). The testimony is left out (a pull quote sits inside another rubrique's
 * text, its heading none), and so is a paragraph with no heading above it on its page (a column
 * or page carried on), or whose start is in no text field or in two. Converter text has no
 * geometry: not checked.
 */
export function paragraphsUnderTheirHeadings({ read, segmented, vocabulary }: PassInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { projet } of read) {
    const project = segmented.projects.find((p) => p.numero === projet.numero && !p.fromSommaireOnly);
    if (!project) continue;
    const fields = TEXT_RUBRIQUES.filter((key) => key !== 'temoignage').map((key) => ({ key, letters: foldLetters(projet[key] ?? '') }));
    const headings = project.blocks.flatMap((block) => {
      const key = block.box ? vocabulary.rubriqueOf(block.text) : null;
      return key === null ? [] : [{ block, key }];
    });
    const prose = project.blocks.filter((block) => block.box && block.text.length >= CARD_LINE_MAX_CHARACTERS);
    const misplaced: { key: TextRubrique; under: RubriqueKey; page: number | null; text: string }[] = [];
    for (const block of prose) {
      const probe = foldedStart(block.text, PROBE_LETTERS);
      const holders = fields.filter(({ letters }) => letters.includes(probe));
      if (holders.length !== 1) continue;
      const under = headingAbove(block, headings, project.blocks);
      if (under === null || under === holders[0]!.key || !TEXT_RUBRIQUES.includes(under as TextRubrique)) continue;
      misplaced.push({ key: holders[0]!.key, under, page: block.page, text: block.text });
    }
    if (misplaced.length === 0) continue;
    const first = misplaced[0]!;
    out.push({
      code: 'PARAGRAPH_UNDER_OTHER_HEADING',
      severity: 'error',
      ...at(projet),
      message: `Projet ${pad(projet.numero)}${projectPages(projet)} : ${misplaced.length} paragraphe${misplaced.length > 1 ? 's' : ''} lu${misplaced.length > 1 ? 's' : ''} dans une rubrique mais imprimé${misplaced.length > 1 ? 's' : ''} sous le titre d’une autre ; ainsi page ${first.page} « ${first.text.slice(0, 50)}… » lu dans « ${vocabulary.rubriqueLabel(first.key)} », imprimé sous « ${vocabulary.rubriqueLabel(first.under)} ».`,
    });
  }
  return out;
}

/** Characters of a text folded at a time to find its first letters: a line or two of prose. */
const FOLD_STEP = 160;

/**
 * `foldLetters(text).slice(0, letters)`, folding no more of the text than it takes: folding is
 * character by character, so the start of a text folds to the start of its folding.
 */
function foldedStart(text: string, letters: number): string {
  for (let end = FOLD_STEP; end < text.length; end *= 2) {
    const folded = foldLetters(text.slice(0, end));
    if (folded.length >= letters) return folded.slice(0, letters);
  }
  return foldLetters(text).slice(0, letters);
}

/**
 * The rubrique a paragraph is printed under, from its page alone: the nearest heading above it
 * sharing some of its width. `null` when there is none on its page: a margin heading beside its
 * text, a column or page carried on (a block's box covers its first column only, so what heads a
 * column cannot be told reliably: not guessed); and when a block of another flow than both (a
 * table or a grid across the columns) is printed between them over the paragraph's width
 * (`rule: heading-above-across-band`): the page's columns start again under it, their flow from
 * the leftmost column, so the heading above does not tell.
 */
function headingAbove(block: Block, headings: readonly { block: Block; key: RubriqueKey }[], blocks: readonly Block[]): RubriqueKey | null {
  const box = block.box!;
  const above = headings.filter((heading) => inOneColumn(heading.block, block) && heading.block.box!.y < box.y);
  if (above.length === 0) return null;
  const nearest = above.reduce((best, heading) => (heading.block.box!.y > best.block.box!.y ? heading : best));
  const top = nearest.block.box!;
  const acrossBand = blocks.some((other) => other.box !== undefined && inOneColumn(other, block) && other.box.column !== top.column && other.box.column !== box.column && other.box.y > top.y && other.box.y < box.y);
  return acrossBand ? null : nearest.key;
}
