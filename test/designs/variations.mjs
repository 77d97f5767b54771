/**
 * The space of designs the generator draws from, as data: the layout axes and their values, and
 * the family's words (rubrique headings and their synonyms, project labels, sommaire, team, tutor
 * and roster forms). One file, so that the extractor's vocabulary (its profile) can be checked
 * against what the generator prints: every heading below is plausible for a brochure of the
 * « Regards croisés sur les territoires » family, and a design prints only words from here.
 *
 * Headings are written in capitals; a design prints them in capitals or in sentence case
 * (axis `headingCase`).
 */

/** Layout axes: each design takes one value of each. `meaning` says what the value prints. */
export const AXES = {
  columns: { values: [1, 2, 3], meaning: 'number of text columns of the project body' },
  headingPosition: { values: ['inline', 'margin'], meaning: 'rubrique headings above their text, or in a left margin column beside it (1-column bodies only)' },
  headingCase: { values: ['upper', 'sentence'], meaning: 'rubrique headings in capitals (« LE CONTEXTE ») or sentence case (« Le contexte »)' },
  sidebar: { values: ['none', 'left', 'right'], meaning: 'a shaded sidebar on the project\'s first page holding the tutors (and the team when teamPosition is sidebar); not with 3 columns' },
  teamPosition: { values: ['before', 'after', 'sidebar'], meaning: 'the authors\' block before the body (under the title), after the body, or in the sidebar' },
  teamForm: { values: ['grid', 'list', 'table', 'line'], meaning: 'authors as cards in a grid, cards one under the other, a table (name columns + e-mail), or one line per person « NOM Prénom  e-mail »; always a list in a sidebar' },
  nameOrder: { values: ['first-last', 'last-first'], meaning: 'authors and tutors printed « Prénom NOM » or « NOM Prénom »' },
  figures: { values: ['big', 'table', 'inline'], meaning: 'key figures as big type over their label, as a two-column table, or inline « 26 communes… » with the figure in bold' },
  projectLabel: { values: ['plain', 'projet', 'numero', 'no'], meaning: 'the project number over the title: « 01 », « PROJET 01 », « Projet n°1 », « N° 1 »' },
  sommaireForm: { values: ['slash', 'leaders', 'pageFirst'], meaning: 'sommaire rows « 01/ TITRE … / P05 », « 01 TITRE ….. 5 » with dot leaders and a bare page number, or the page first « p. 5  01 TITRE »' },
  running: { values: ['header', 'footer', 'both'], meaning: 'running header (brochure title, section), running footer (title · edition, page number), or both' },
  rosterOrder: { values: ['last-first', 'first-last'], meaning: 'roster members printed « NOM Prénom » or « Prénom NOM »' },
  rosterForm: { values: ['columns', 'list'], meaning: 'each roster in three columns, or one name per line in one column' },
  sectionForm: { values: ['divider', 'label'], meaning: 'a divider page per section, or the section name printed over each project\'s label' },
  datePosition: { values: ['cover', 'colophon'], meaning: 'the publication date on the cover, or on a colophon page after the sommaire' },
  font: { values: ['Liberation Serif', 'Liberation Sans', 'DejaVu Serif', 'DejaVu Sans'], meaning: 'body typeface (headings use the matching sans)' },
};

/**
 * Form axes added after the first designs were committed (from the forms that designs made outside
 * the generator showed). Drawn from their own random stream after the layout axes, so that a seed
 * draws the same layout as before; a design.json without them is rendered in the `default` form
 * (the form every earlier design printed).
 */
export const FORM_AXES = {
  tutorForm: { values: ['card', 'dash', 'label'], default: 'card', meaning: 'tutors under their heading as cards (name, role under it), one per line « Prénom NOM – fonction » under the heading, or with no heading, one per line « Tuteur : Prénom NOM, fonction » (label inline)' },
  teamTable: { values: ['header', 'name-cell'], default: 'header', meaning: 'with teamForm table: name columns under a header row, or « Prénom NOM | e-mail » with the name in one cell and no header row' },
  temoignageForm: { values: ['heading', 'pullquote'], default: 'heading', meaning: 'the testimony under its heading, or as a pull-quote with no heading (the quote, then its signature)' },
};

/**
 * Wide axes (issue 15, « measure generalisation »): forms the extractor was not tuned on, seen in
 * documents laid out elsewhere. Drawn from a third random stream after the form axes, so that a
 * seed draws the same layout and forms as before; a design.json without them renders in the
 * `default` form (as every design before them did).
 */
export const WIDE_AXES = {
  frameOrder: { values: ['flow', 'frames'], default: 'flow', meaning: 'projects in CSS flow, or every project page as absolutely positioned text frames written into the PDF in a shuffled order (content order is not reading order, as desktop-publishing programs write frames)' },
  sommaireLayout: { values: ['rows', 'table', 'table-header', 'columns'], default: 'rows', meaning: 'sommaire entries as rows (sommaireForm), as a table of cells (number | title | collectivité | page) without or with a header row, or rows in two columns' },
  collectivitePosition: { values: ['after-title', 'before-title', 'after-page'], default: 'after-title', meaning: 'in the sommaire (and over the project title for before-title): the collectivité under the title, over it, or after the page reference on a line of its own in small capitals' },
  teamCorps: { values: ['no', 'header', 'bare'], default: 'no', meaning: 'with teamForm grid or table outside the sidebar: the team as a table « Nom | Prénom | Corps | Courriel » (the corps from the e-mail domain) with a header row or without' },
  figureLayout: { values: ['default', 'grid3', 'appended'], default: 'default', meaning: 'key figures under their heading in the figures form, as a three-column grid (value over label), or appended to the rubrique before them with no heading' },
  rosterLayout: { values: ['default', 'columns3', 'table'], default: 'default', meaning: 'rosters as rosterForm says, all promotions in three columns on one page (smaller type), or each promotion as a table of name cells under a header row' },
};

/** The corps printed in the team table's Corps cell (teamCorps), by the corps the e-mail domain gives (src/normalise corpsOfEmail). */
export const CORPS_LABELS = { administrateur: 'Administrateur', 'ingenieur-en-chef': 'Ingénieur en chef', conservateur: 'Conservateur' };

/** Header cells of the sommaire table (sommaireLayout table-header), by column. */
export const SOMMAIRE_TABLE_HEADERS = { numero: 'N°', titre: 'Projet', collectivite: 'Collectivité', page: 'Page' };

/** Rubrique headings and their synonyms, in capitals. The first of each list is the 2019 wording. */
export const HEADINGS = {
  auteurs: ['LES AUTEURS', "L'ÉQUIPE", 'AUTEURS DU PROJET', 'RÉDACTEURS', "L'ÉQUIPE PROJET", 'LES ÉLÈVES'],
  contexte: ['CONTEXTE', 'LE CONTEXTE', 'CONTEXTE ET ENJEUX', 'CONTEXTE DE LA MISSION'],
  problematique: ['PROBLÉMATIQUE', 'LA PROBLÉMATIQUE', 'LA QUESTION POSÉE', 'LA COMMANDE'],
  clesPourAgir: ['DES CLÉS POUR AGIR', 'CLÉS POUR AGIR', 'LES PRÉCONISATIONS', 'PISTES POUR AGIR', 'RECOMMANDATIONS'],
  temoignage: ['TÉMOIGNAGE DE LA COLLECTIVITÉ', 'PAROLE DE LA COLLECTIVITÉ', 'LE MOT DE LA COLLECTIVITÉ', 'TÉMOIGNAGE'],
  chiffres: ['LES CHIFFRES', 'LES CHIFFRES CLÉS', 'EN CHIFFRES', 'CHIFFRES CLÉS'],
  allerPlusLoin: ['ALLER PLUS LOIN', 'POUR ALLER PLUS LOIN', 'RESSOURCES', 'POUR EN SAVOIR PLUS', 'RÉFÉRENCES'],
};

/**
 * Tutor block labels, by number of tutors (the family agrees the label with the count; no gender
 * is guessed, so the masculine generic is used as the brochures do for mixed or unknown).
 */
export const TUTOR_HEADINGS = [
  { one: 'TUTEUR AU SEIN DE LA COLLECTIVITÉ', many: 'TUTEURS AU SEIN DE LA COLLECTIVITÉ' },
  { one: 'TUTEUR', many: 'TUTEURS' },
  { one: 'ENCADREMENT', many: 'ENCADREMENT' },
  { one: 'TUTORAT', many: 'TUTORAT' },
  { one: 'TUTEUR DANS LA COLLECTIVITÉ', many: 'TUTEURS DANS LA COLLECTIVITÉ' },
];

/** How the project number is printed over the title, by `projectLabel` value. */
export const PROJECT_LABELS = {
  plain: (n) => String(n).padStart(2, '0'),
  projet: (n) => `PROJET ${String(n).padStart(2, '0')}`,
  numero: (n) => `Projet n°${n}`,
  no: (n) => `N° ${n}`,
};

/** Sommaire headings. */
export const SOMMAIRE_HEADINGS = ['SOMMAIRE', 'LES PROJETS', 'TABLE DES MATIÈRES'];

/** Roster page titles ('' = none) and roster heading forms (`%s` = promotion name). */
export const ROSTER_TITLES = ['', 'LES PROMOTIONS', 'LISTE DES ÉLÈVES'];
export const ROSTER_HEADINGS = ['PROMOTION %S', 'Promotion %s'];

/** Column headers of the team table (teamForm `table`). */
export const TEAM_TABLE_HEADERS = { nom: 'Nom', prenom: 'Prénom', corps: 'Corps', email: 'Courriel' };

/** Cover wording around the promotion names. */
export const COVER_LINES = ["PROJETS COLLECTIFS DES ÉLÈVES TERRITORIAUX DE L'INET", 'DES PROMOTIONS'];

/** Every heading the generator can print, flat and in capitals (for a vocabulary check). */
export const ALL_HEADINGS = {
  ...HEADINGS,
  tuteurs: [...new Set(TUTOR_HEADINGS.flatMap((h) => [h.one, h.many]))],
  sommaire: SOMMAIRE_HEADINGS,
  rosterTitles: ROSTER_TITLES.filter(Boolean),
};
