/**
 * Self-check passes from the document's own repetition: twenty-odd projects are set from one
 * template, so what nearly every project holds, and how it is printed, is a norm that one misread
 * project breaks. These find losses inside projects that nothing printed twice contradicts: a
 * field every sibling fills left empty (its content folded into a neighbour or lost), key figures
 * read as lines of a text rubrique, a rubrique that starts in the middle of a sentence.
 */
import { looksLikeFigure } from '../parse/chiffres.js';
import { TEXT_RUBRIQUES } from '../text-rubriques.js';
import type { Diagnostic, Projet, RubriqueKey } from '../types.js';
import { at, HOLDS, pad, projectPages } from './common.js';
import type { PassInput } from './index.js';

/**
 * The fields of the template a project may lose: the text rubriques, the key figures, the
 * references and the tutors (the authors and the title are `title-and-team`'s).
 */
const TEMPLATE_FIELDS: readonly RubriqueKey[] = [...TEXT_RUBRIQUES, 'chiffres', 'allerPlusLoin', 'tuteurs'];

/**
 * A line longer than this is prose, not a key figure with its label: the family's labels run to a
 * line or two (« 2,3 MRD d'€ de fonctionnement, 700 M d'€ en investissement… »); a longer
 * paragraph that opens with a number is a sentence of the text.
 */
const FIGURE_LINE_MAX_CHARACTERS = 250;

/**
 * A field that nearly every other project of the document fills is empty in one project (and a
 * tutor is read without the function every other tutor has): its content went into a neighbour
 * (a pull-quote testimony folded into « Des clés pour agir », references into a rubrique) or was
 * lost. Checked from `minSiblingsForFieldShare` other projects on, at `fieldShareOfSiblings`.
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
  for (const projet of projets) {
    const others = projets.filter((p) => p !== projet).flatMap((p) => p.tuteurs);
    const withFunction = others.filter((tuteur) => tuteur.fonction).length;
    if (others.length === 0 || withFunction / others.length < share) continue;
    for (const tuteur of projet.tuteurs.filter((t) => !t.fonction)) {
      missing(projet, `tuteur « ${tuteur.prenom} ${tuteur.nom} » sans fonction, alors que ${withFunction} des ${others.length} tuteurs des autres projets en ont une`);
    }
  }
  return out;
}

/**
 * A text rubrique holds `minFigureRunInText` lines in a row printed as key figures (a number
 * alone, or a number then its label in lower case): the project's key figures, or another's, read
 * as text (figures set as a grid or appended to a rubrique without their heading).
 */
export function figuresInText({ read, vocabulary }: PassInput): Diagnostic[] {
  const minRun = vocabulary.plausibility.minFigureRunInText;
  if (minRun === undefined) return [];
  const out: Diagnostic[] = [];
  for (const { projet } of read) {
    for (const key of TEXT_RUBRIQUES) {
      const run = longestFigureRun(projet[key] ?? '');
      if (run.length < minRun) continue;
      out.push({
        code: 'FIGURES_IN_TEXT',
        severity: 'error',
        ...at(projet),
        message: `Projet ${pad(projet.numero)}${projectPages(projet)} : la rubrique « ${vocabulary.rubriqueLabel(key)} » contient ${run.length} lignes de suite imprimées comme des chiffres clés (« ${run[0]!.slice(0, 60)} »…)${projet.chiffres.length === 0 ? ', et le projet n’a aucun chiffre' : ''} : des chiffres clés ont été lus comme du texte.`,
      });
    }
  }
  return out;
}

/** The longest run of consecutive lines of a text that look like key figures. */
function longestFigureRun(text: string): string[] {
  let best: string[] = [];
  let run: string[] = [];
  for (const line of text.split(/\n+/).map((l) => l.trim()).filter((l) => l !== '')) {
    run = line.length <= FIGURE_LINE_MAX_CHARACTERS && looksLikeFigure(line) ? [...run, line] : [];
    if (run.length > best.length) best = run;
  }
  return best;
}

/**
 * A text rubrique that starts with a lower-case letter starts in the middle of a sentence: its
 * beginning went into the field before it (text frames read out of order). A warning: the same
 * cut also happens where nothing else is lost, and a brochure may open a rubrique in lower case.
 */
export function rubriquesStartSentences({ read, vocabulary }: PassInput): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const { projet } of read) {
    for (const key of TEXT_RUBRIQUES) {
      const text = projet[key]?.trim() ?? '';
      if (!/^\p{Ll}/u.test(text)) continue;
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
