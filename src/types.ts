/**
 * Types shared by the stages, in pipeline order.
 *
 *   bytes/string --extract--> ExtractedDocument (Block[], each with its `box` on the page)
 *                --features--> the same blocks, each with its `features` (size class, weight, case, gap, shapes)
 *                --segment--> SegmentedDocument (sommaire, sections, ProjectBlock[], rosters)
 *                --parse-->   ParsedProject[] (fields as printed)
 *                --normalise--> BrochureDocument (output contract v2) + Diagnostic[]
 *                --validate-->  the same document, checked against schemas/brochure.schema.json
 *
 * Both extract adapters (PDF and converter text) produce the same `Block` stream, so
 * everything after extract is shared. Types are data only: no classes, no methods.
 */

// ---------------------------------------------------------------------------
// Diagnostics (carried by every stage)
// ---------------------------------------------------------------------------

import type { DiagnosticCode } from './diagnostics.js';

/** How serious a diagnostic is: `error` = data lost or unusable, `warning` = likely wrong, `info` = worth a look. */
export type Severity = 'info' | 'warning' | 'error';

/** One anomaly found in the brochure or while reading it. Data, never a log line. */
export interface Diagnostic {
  /** Stable machine code, e.g. `EMAIL_NAME_MISMATCH` (listed in `src/diagnostics.ts` and the README). */
  code: DiagnosticCode;
  /** How serious it is. */
  severity: Severity;
  /** Project number (`numero`) the anomaly belongs to, when it belongs to one. */
  projet?: number;
  /** 1-based PDF page where the anomaly is printed (PDF input only). */
  page?: number;
  /** Human message in French, quoting the exact printed strings. */
  message: string;
}

// ---------------------------------------------------------------------------
// inside extract: pdf.ts -> layout.ts
// ---------------------------------------------------------------------------

/** One piece of text as pdf.js reports it, in page coordinates (points, origin at the page's top-left corner). */
export interface PdfTextRun {
  /** Text as extracted; whitespace-only runs are kept, they mark word spaces. */
  readonly text: string;
  /** Left edge, in points from the page's left edge. */
  readonly x: number;
  /** Baseline, in points from the page's TOP edge (y grows downwards). */
  readonly y: number;
  /** Advance width, in points. */
  readonly width: number;
  /** Font size (em height), in points. */
  readonly fontSize: number;
  /** Whether the font is a bold face (from its name; `false` when the name is unknown). */
  readonly bold: boolean;
  /**
   * PostScript name of the font without its subset prefix ("Carlito-Bold"), else pdf.js's id
   * ("g_d0_f1"; with page threads, the id in the thread that read the page).
   */
  readonly fontName: string;
  /**
   * The font's hyphen glyph is mapped to U+00AD (soft hyphen) and no glyph to U+002D or U+2010
   * (Scribus writes its fonts so): pdf.js drops U+00AD as an invisible mark, so every hyphen this
   * font prints reads as a gap (a space, or nothing). Absent when not so, and once the page's
   * glyphs have told which gaps were hyphens (`extract/soft-hyphens.ts`).
   */
  readonly hyphenReadAsGap?: true;
}

/** The text of one page. */
export interface PdfPage {
  /** 1-based page number. */
  readonly number: number;
  /** Page width, in points (after the page's rotation). */
  readonly width: number;
  /** Page height, in points (after the page's rotation). */
  readonly height: number;
  /** Horizontal text runs, in content-stream order. */
  readonly runs: readonly PdfTextRun[];
  /** Runs left out because they are not upright (rotated, vertical or mirrored text). */
  readonly skippedRuns: number;
}

/** Output of `readPdfPages`: every page's runs. */
export interface PdfPages {
  /** Number of pages of the PDF. */
  readonly pageCount: number;
  /** The pages, in order (`pages[i].number === i + 1`). */
  readonly pages: readonly PdfPage[];
}


// ---------------------------------------------------------------------------
// extract -> segment: the block stream
// ---------------------------------------------------------------------------

/** One printed line inside a block, cleaned (ligatures expanded, superscripts joined, markup removed). */
export interface TextLine {
  /** Text of the line, without trailing hyphen joins applied (see `Block.text`). */
  readonly text: string;
  /** Whether the line is set in a bold face; `null` when the input cannot tell (converter text without `**`). */
  readonly bold: boolean | null;
  /** Font size relative to the document's body text (1 = body); `null` when unknown (converter text). */
  readonly size: number | null;
  /**
   * Text of the line's leading bold run when the rest of the line is not bold (« 2,3 MRD » of
   * « 2,3 MRD d'€ de fonctionnement »); absent when the line starts regular, is all bold, or the
   * input cannot tell (converter text).
   */
  readonly boldLead?: string;
}

/**
 * What a block is:
 * - `paragraph`: a run of lines set together (a paragraph, a heading, a card line group);
 * - `listItem`: one bulleted item, its bullet glyph removed (numbered items stay paragraphs, as printed);
 * - `tableRow`: one table row, cells in reading order joined by ` | `.
 */
export type BlockKind = 'paragraph' | 'listItem' | 'tableRow';

/** A unit of text in reading order, as both extract adapters produce it. */
export interface Block {
  readonly kind: BlockKind;
  /** The lines joined by single spaces, hyphenated line ends joined ("dyna-" + "mique" = "dynamique"). */
  readonly text: string;
  /** The printed lines, in order (at least one). */
  readonly lines: readonly TextLine[];
  /** 1-based PDF page of the first line; `null` for converter text. */
  readonly page: number | null;
  /**
   * Where the block is printed, as the layout found it (PDF input). Absent where unknown: converter
   * text, and a block a later stage made up (a sommaire entry's lines). A block a stage cuts out of
   * another keeps the box of the block it was cut from.
   */
  readonly box?: BlockBox;
  /**
   * How the block is set and what it looks like, computed once (`src/features.ts`, with the run's
   * vocabulary): on first request (for a PDF, with the white before the block measured right after layout). Not enumerable: a block a stage makes from another (`{ ...block,
   * lines }`) does not inherit features computed for other lines, and no output carries them.
   * Read them with `featuresOf(block, vocabulary)`, which computes (once) what a block lacks.
   */
  readonly features?: BlockFeatures;
}

/** A block's place on its page, in points (origin at the page's top-left corner, y grows downwards). */
export interface BlockBox {
  /** Left edge of its lines on the block's first page. */
  readonly x: number;
  /** Top of its first line (the baseline less three quarters of the line's size, as the layout measures white). */
  readonly y: number;
  /** From the left edge to the right end of its longest line. */
  readonly width: number;
  /** From the top of the first line to a quarter size under the last line's baseline (lines of its first page and region). */
  readonly height: number;
  /** 0-based index, on its page, of the reading-order region (XY-cut leaf) the block was read in. */
  readonly region: number;
  /** 0-based index, on its page, of the column (or band) that region belongs to: regions sharing it are one column's flow. */
  readonly column: number;
}

/** A block's size relative to the body (`src/typography.ts` thresholds), all its lines alike; `mixed` when they differ. */
export type SizeClass = 'smaller' | 'body' | 'larger' | 'display' | 'mixed';

/**
 * What the stages ask of a block again and again, computed once (`src/features.ts`). `null` where
 * the input cannot tell (converter text has no sizes, weights nor positions).
 */
export interface BlockFeatures {
  /** `display`: every line ≥ `DISPLAY_SIZE`; `larger`: every line ≥ `LARGER_THAN_BODY`; `smaller`: every line ≤ `SMALLER_THAN_BODY`; `body`: every line between. */
  readonly size: SizeClass | null;
  /** `bold` or `regular` when every line is; `mixed` otherwise. */
  readonly weight: 'bold' | 'regular' | 'mixed' | null;
  /** `upper`: no lower-case letter; `title`: no word of two letters or more starts in lower case; `mixed` otherwise. `null`: no letter. */
  readonly case: 'upper' | 'title' | 'mixed' | null;
  /**
   * White between the previous block and this one, in body line heights (baseline-to-baseline of
   * body text): (leading − 1) / leading between two lines of one paragraph, 0.17 at a 1.2 leading.
   * `null` without positions, after a block of another page, and when the block does not stand
   * under the previous one (the next column's top, a float read after the text beside it).
   */
  readonly gapBefore: number | null;
  /** The project number the first line prints alone (« 01/ », « PROJET 01 », « 01 »), else `null`. */
  readonly projectNumber: number | null;
  /** A line holds an e-mail of the family's domains. */
  readonly familyEmail: boolean;
  /** The first line reads as a person's name (« Claire LE GOFF »). */
  readonly personName: boolean;
  /** The first line is a key figure set alone (« 150 000 », « +18 % »), its label (if any) after it. */
  readonly figure: boolean;
  /** A line ends with a dot leader and a page (a sommaire entry). */
  readonly dotLeader: boolean;
  /** The block prints a web address. */
  readonly url: boolean;
}

/** Output of the extract stage. */
export interface ExtractedDocument {
  /** Which adapter read the input. */
  readonly format: 'pdf' | 'text';
  /** Number of pages of the PDF; `null` for text input. */
  readonly pageCount: number | null;
  /** The document's text in reading order, running headers and page numbers removed. */
  readonly blocks: readonly Block[];
  /** Baseline-to-baseline distance of body lines, in points, that `BlockFeatures.gapBefore` is measured in (PDF input; absent for text). */
  readonly bodyLineHeight?: number;
  /** Anomalies met while reading (e.g. a page with no text). */
  readonly diagnostics: readonly Diagnostic[];
}

// ---------------------------------------------------------------------------
// segment -> parse
// ---------------------------------------------------------------------------

/** One project as announced by the sommaire ("01/ TITRE COLLECTIVITÉ / P05"). */
export interface SommaireEntry {
  /** Project number as printed ("01/" -> 1). */
  readonly numero: number;
  /** Section the entry is listed under. */
  readonly section: string;
  /** Title and organisation as printed in the sommaire, lines joined by spaces. */
  readonly texte: string;
  /** The printed lines of the entry (title lines then organisation lines). */
  readonly lines: readonly TextLine[];
  /** Page announced ("/ P05" -> 5), `null` when none is printed. */
  readonly page: number | null;
}

/** The blocks of one project, from its numbered heading up to the next project or the rosters. */
export interface ProjectBlock {
  /** Project number read from the heading. */
  readonly numero: number;
  /** Section the project belongs to (from the sommaire, else the last section heading seen). */
  readonly section: string;
  /** The heading block holding the number. */
  readonly heading: Block;
  /** Every block after the number heading, in reading order. */
  readonly blocks: readonly Block[];
  /**
   * `true` when the body never confirmed the project's start: `blocks` are then the sommaire
   * entry's lines (title, organisation) and nothing else is known (the document is partial).
   */
  readonly fromSommaireOnly?: boolean;
  /**
   * What decided where the project starts (rule ids of `src/segment/starts.ts`: « sommaire-entry »,
   * « authors-heading », « sommaire-title », « announced-page », « labelled-number »,
   * « display-number », « family-emails », « title-only », « not-in-sommaire », « sommaire-only »),
   * for `--explain`.
   */
  readonly startEvidence?: readonly string[];
}

/** One roster ("PROMOTION OLYMPE DE GOUGES" and its member lines) printed at the end of the brochure. */
export interface RosterBlock {
  /** Heading as printed, line breaks joined ("PROMO-TION MARIE CURIE"). */
  readonly heading: string;
  /** Page of the heading (PDF only). */
  readonly page: number | null;
  /** One entry per printed member line, as printed ("LE ROUX Paul"). */
  readonly lines: readonly string[];
}

/** Output of the segment stage. */
export interface SegmentedDocument {
  /** Blocks before the sommaire (cover: title, promotions, edition). */
  readonly cover: readonly Block[];
  /** Sommaire entries in printed order. */
  readonly sommaire: readonly SommaireEntry[];
  /** Section titles in sommaire order, with the numbers of their projects. */
  readonly sections: readonly { readonly titre: string; readonly projets: readonly number[] }[];
  /** Blocks between the sommaire and the first project (colophon, publication date). */
  readonly colophon: readonly Block[];
  /** Section headings printed in the body (divider pages), as printed, with their page. */
  readonly sectionHeadings: readonly { readonly texte: string; readonly page: number | null }[];
  /** The projects, in brochure order. */
  readonly projects: readonly ProjectBlock[];
  /** The class rosters. */
  readonly rosters: readonly RosterBlock[];
  /** Anomalies met while segmenting. */
  readonly diagnostics: readonly Diagnostic[];
}

// ---------------------------------------------------------------------------
// parse -> normalise
// ---------------------------------------------------------------------------

/** A person's card as printed: the name line and the lines under it. */
export interface PrintedPerson {
  /** Name line as printed ("Jeanne MOREAU"). */
  readonly name: string;
  /** Lines printed under the name (e-mail for authors, role lines for tutors). */
  readonly details: readonly string[];
  /** PDF page of the card. */
  readonly page: number | null;
}

/** A key figure as printed, before `nombre` is read. */
export interface PrintedFigure {
  /** The figure as printed ("550 000", "+25%", "1 ÈRE"). */
  readonly valeur: string;
  /** Text after the figure up to the next figure. */
  readonly libelle: string;
  /** PDF page of the figure. */
  readonly page: number | null;
}

/** Which rule paired an author's name with an e-mail (`reading-order`, `columns`, `local-part`), for `--explain`. */
export interface AuthorPairing {
  readonly name: string;
  readonly email: string;
  readonly rule: string;
}

/** The fields of one project as printed, before names, e-mails and rosters are interpreted. */
export interface ParsedProject {
  readonly numero: number;
  readonly section: string;
  readonly titre: string;
  readonly collectivite: string;
  /** Authors' cards under « LES AUTEURS ». */
  readonly auteurs: readonly PrintedPerson[];
  /** Which rule paired each author's name with the e-mail (for `--explain`). */
  readonly pairings?: readonly AuthorPairing[];
  /** Label of the tutor block as printed ("TUTRICE AU SEIN DE LA COLLECTIVITÉ"), `null` when absent. */
  readonly tuteurLabel: string | null;
  /** Tutors' cards under the tutor label. */
  readonly tuteurs: readonly PrintedPerson[];
  /** Text rubriques: paragraphs separated by a blank line, list items on `- ` lines. `null` when the heading is absent. */
  readonly contexte: string | null;
  readonly problematique: string | null;
  readonly clesPourAgir: string | null;
  readonly temoignage: string | null;
  readonly chiffres: readonly PrintedFigure[];
  readonly allerPlusLoin: readonly { readonly texte: string; readonly url: string | null }[];
  readonly encadres: readonly { readonly titre: string | null; readonly texte: string }[];
  /** Rubrique headings found, in printed order (for structure diagnostics). */
  readonly rubriques: readonly { readonly key: RubriqueKey; readonly heading: string; readonly page: number | null; readonly empty: boolean }[];
  /** First and last PDF page of the project; `null` for text input. */
  readonly pages: { readonly debut: number; readonly fin: number } | null;
  /** Anomalies met while parsing this project. */
  readonly diagnostics: readonly Diagnostic[];
  /** Where each rubrique was cut and what was moved into it, by which rule (printed by `extract --explain`). */
  readonly rubriqueCuts?: readonly RubriqueCut[];
}

/**
 * One decision of the parse stage about a project's rubriques: a rubrique opened at a heading, or
 * blocks moved into a rubrique because of their shape.
 */
export interface RubriqueCut {
  /** The rubrique opened or filled (`encadre` for a box under an unknown heading). */
  readonly rubrique: RubriqueKey | 'encadre';
  /** Id of the rule (`known-heading`, `box-title`…) or of the move (`team-to-authors`…) that decided. */
  readonly rule: string;
  /** PDF page of the heading or of the first moved block. */
  readonly page: number | null;
  /** The heading, or the first moved block's text, shortened. */
  readonly text: string;
  /** The heading pass that made the heading a block of its own (`split-run-in-heading`…), when one did. */
  readonly pass?: string;
}

/** The rubriques a project page may hold. */
export type RubriqueKey =
  | 'auteurs'
  | 'tuteurs'
  | 'contexte'
  | 'problematique'
  | 'clesPourAgir'
  | 'temoignage'
  | 'chiffres'
  | 'allerPlusLoin';

// ---------------------------------------------------------------------------
// Output contract v2 (what validate checks and write stores; docs/schema.md)
// ---------------------------------------------------------------------------

/** A person: `nom` is the family name, both as printed. */
export interface Personne {
  prenom: string;
  nom: string;
}

/** The three corps of INET students, read from the e-mail domain. */
export type Corps = 'administrateur' | 'ingenieur-en-chef' | 'conservateur';

/** A student author of a project. */
export interface Auteur extends Personne {
  /** Lower-cased, otherwise as printed: never corrected. */
  email: string | null;
  /** From the e-mail domain; `null` when the domain is unknown. */
  corps: Corps | null;
  /** Roster promotion the author appears in; `null` when found in none. */
  promotion: string | null;
}

/** A tutor in the host organisation. */
export interface Tuteur extends Personne {
  /** Role lines joined by single spaces. */
  fonction: string | null;
}

/** A key figure ("Les chiffres"). */
export interface Chiffre {
  /** As printed ("550 000", "+25%", "3,7/4", "1 ÈRE"). */
  valeur: string;
  /** First number of `valeur` read the French way ("1,371" -> 1.371); `null` when none. */
  nombre: number | null;
  /** Text after the figure up to the next figure. */
  libelle: string;
}

/** One project of the brochure. */
export interface Projet {
  /**
   * `${anneeDebut}-${two-digit numero}`, e.g. "2019-01"; `null` when the brochure prints no edition
   * (`brochure.anneeDebut` is null): an id without its year would clash with every other edition's.
   */
  id: string | null;
  numero: number;
  section: string;
  titre: string;
  collectivite: string;
  /** Page announced by the sommaire ("/ P05" -> 5). */
  page: number | null;
  /** Where the project really lies in the PDF; `null` for text input. */
  pages?: { debut: number; fin: number } | null;
  auteurs: Auteur[];
  tuteurs: Tuteur[];
  contexte: string | null;
  problematique: string | null;
  clesPourAgir: string | null;
  temoignage: string | null;
  chiffres: Chiffre[];
  allerPlusLoin: { texte: string; url: string | null }[];
  encadres?: { titre: string | null; texte: string }[];
}

/** The whole brochure: output contract v2 (docs/schema.md; a 1.0 document is one too). */
export interface BrochureDocument {
  schemaVersion: '1.0' | '2.0';
  source: { file: string; sha256: string; format: 'pdf' | 'text'; pageCount: number | null };
  brochure: {
    titre: string;
    /**
     * The edition as printed ("2019 / 2020"), or as `--edition` gave it. `null`, with the years and
     * every project's `id`, only when neither printed it: the document is then partial
     * (`EDITION_NOT_FOUND`, an error) and cannot be ingested, the edition being the dataset's key.
     */
    edition: string | null;
    anneeDebut: number | null;
    anneeFin: number | null;
    datePublication: string | null;
  };
  sections: { titre: string; projets: number[] }[];
  promotions: { nom: string; membres: Personne[] }[];
  projets: Projet[];
  diagnostics: Diagnostic[];
}
