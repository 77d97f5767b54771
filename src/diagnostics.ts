/**
 * Registry of diagnostic codes: every code the pipeline raises, its severity and what it means
 * in one French line. `Diagnostic.code` is typed by it, so a misspelt or unlisted code does not
 * compile; the README's table (`npm run docs:codes`) and the reports' labels are made from it.
 * Shared by every stage, so it imports nothing but types.
 */
import type { Severity } from './types.js';

/** What the registry says of one code. */
export interface DiagnosticInfo {
  /** Severity it is raised at (the usual one when it is raised at two). */
  readonly severity: Severity;
  /** The other severity it is sometimes raised at, and when. */
  readonly otherwise?: { readonly severity: Severity; readonly when: string };
  /** One line of meaning, in French, for readers of the reports. */
  readonly meaning: string;
}

/** Every diagnostic code, grouped by the thing checked (the README lists them in this order). */
export const DIAGNOSTIC_CODES = {
  EMAIL_NAME_MISMATCH: {
    severity: 'warning',
    otherwise: { severity: 'info', when: 'seul le prénom est plus long ou plus court' },
    meaning: 'la partie locale de l’adresse n’épelle pas le nom imprimé (accents, espaces, tirets ignorés)',
  },
  EMAIL_NON_ASCII: { severity: 'warning', meaning: 'l’adresse imprimée contient des lettres non ASCII' },
  EMAIL_CASE: { severity: 'info', meaning: 'l’adresse est imprimée avec des capitales (mise en minuscules dans la sortie)' },
  EMAIL_UNKNOWN_DOMAIN: { severity: 'warning', meaning: 'domaine hors de ceux de la famille : corps inconnu' },
  EMAIL_MISSING: { severity: 'warning', meaning: 'une fiche d’auteur sans adresse' },
  EMAIL_INVALID: { severity: 'warning', meaning: 'une ligne avec « @ » sous un auteur qui n’est pas une adresse (abîmée, deux collées) : e-mail laissé à null' },
  TEXT_ENCODING: { severity: 'info', meaning: 'texte de convertisseur lu en Windows-1252 (pas de l’UTF-8)' },
  TEXT_INVALID_BYTES: { severity: 'warning', meaning: 'texte de convertisseur en UTF-8 abîmé : octets invalides remplacés par « \ufffd »' },
  FOOTNOTE: { severity: 'info', meaning: 'texte de convertisseur : un appel de note dont la note n’est pas gardée' },
  LINK_TARGET_LOST: { severity: 'info', meaning: 'texte de convertisseur : liens imprimés `[texte](#)` dont le convertisseur a perdu l’adresse' },
  EDITION_SUPPLIED: { severity: 'info', meaning: 'l’édition n’est imprimée ni en couverture ni au colophon : celle donnée par `--edition` est prise' },
  EDITION_NOT_FOUND: { severity: 'error', meaning: 'l’édition n’est imprimée ni en couverture ni au colophon, ni donnée par `--edition` : édition, années et identifiants des projets à null, le reste écrit (code de sortie 3 ; jamais ingéré)' },
  EDITION_MISMATCH: { severity: 'warning', meaning: 'l’édition imprimée diffère de celle donnée par `--edition` (l’imprimée est gardée)' },
  AUTHOR_NOT_IN_ROSTER: { severity: 'warning', meaning: 'l’auteur ne figure dans aucune liste de promotion' },
  AUTHOR_ROSTER_MISMATCH: { severity: 'warning', meaning: 'trouvé dans une liste sous une autre graphie seulement (les deux citées)' },
  AUTHOR_ROSTER_VARIANT: { severity: 'info', meaning: 'même nom dans la liste, aux accents ou à la casse près' },
  CORPS_PROMOTION_MISMATCH: { severity: 'warning', meaning: 'le corps tiré de l’adresse diffère de celui de la plupart des membres de sa promotion' },
  ROSTER_FORMAT: { severity: 'info', meaning: 'une ligne de liste de promotion qu’il a fallu réparer (nom et prénom collés, « DUPONTMarie »)' },
  ROSTER_MEMBER_WITHOUT_PROJECT: { severity: 'info', meaning: 'des membres d’une promotion ne signent aucun projet' },
  PROMOTION_NAME_MISMATCH: { severity: 'info', meaning: 'la couverture nomme une promotion autrement que l’en-tête de sa liste' },
  DUPLICATE_TEAM: { severity: 'warning', meaning: 'deux projets signés par les mêmes auteurs' },
  TUTOR_LABEL_MISMATCH: { severity: 'warning', meaning: 'le nombre du libellé de tutorat ne correspond pas aux personnes dessous (« TUTRICE » sur 3 personnes)' },
  TUTOR_NAME_VARIANT: { severity: 'info', meaning: 'le nom du tuteur est imprimé autrement dans le témoignage' },
  TUTOR_ROLE_VARIANT: { severity: 'info', meaning: 'la fonction du tuteur est formulée autrement dans le témoignage' },
  SUSPECT_COPY: { severity: 'info', meaning: 'une longue fonction de tuteur identique mot pour mot à celle d’un autre projet (autre collectivité)' },
  TOC_TITLE_MISMATCH: { severity: 'info', meaning: 'titre ou collectivité du sommaire différent de la page du projet (mots différents cités ; la collectivité imprimée au sommaire avant le titre n’en est pas une)' },
  TOC_PAGE_MISMATCH: { severity: 'warning', meaning: 'PDF : le projet ne commence pas à la page annoncée par le sommaire' },
  TOC_PROJECT_MISSING: { severity: 'error', meaning: 'projet annoncé au sommaire mais introuvable' },
  TOC_ENTRY_MISSING: { severity: 'warning', meaning: 'projet trouvé mais absent du sommaire' },
  SECTION_TITLE_VARIANT: { severity: 'info', meaning: 'un intercalaire de section écrit autrement qu’au sommaire' },
  MISSING_RUBRIQUE: {
    severity: 'warning',
    otherwise: { severity: 'info', when: 'rubriques facultatives : témoignage, chiffres, aller plus loin' },
    meaning: 'un titre de rubrique est absent',
  },
  EMPTY_RUBRIQUE: { severity: 'info', meaning: 'un titre de rubrique sans rien après lui (contenu imprimé en image)' },
  RUBRIQUE_ORDER: { severity: 'info', meaning: 'rubriques dans un ordre inhabituel' },
  RUBRIQUE_HEADING_VARIANT: { severity: 'info', meaning: 'un titre de rubrique écrit autrement que dans le reste de la brochure (reconnu quand même)' },
  TESTIMONY_OUTSIDE_RUBRIQUE: { severity: 'info', meaning: 'pas de titre de témoignage, mais les paroles citées du tuteur imprimées dans une autre rubrique' },
  TESTIMONY_BY_TYPE: { severity: 'info', meaning: 'un témoignage sans titre, sans guillemets ni signature, reconnu à sa seule typographie (texte plus grand que le corps en fin de rubrique)' },
  FIGURES_WITHOUT_HEADING: { severity: 'info', meaning: 'des chiffres clés sans titre, chacun seul sur son libellé ou en gras en tête de son libellé, lus à la fin de la rubrique qui les précède' },
  DUPLICATED_TEXT: {
    severity: 'warning',
    otherwise: { severity: 'info', when: 'cellule de tableau' },
    meaning: 'le même paragraphe imprimé deux fois (dans deux projets)',
  },
  DUPLICATED_WORD: { severity: 'info', meaning: 'un mot répété (« l’efficacité, l’efficacité »)' },
  PLACEHOLDER_TEXT: { severity: 'warning', meaning: 'un texte provisoire oublié (« (x personnes rencontrées) »)' },
  TRUNCATED_TEXT: { severity: 'warning', meaning: 'une rubrique ou un libellé de chiffre qui s’arrête au milieu d’une phrase' },
  CHIFFRE_AMBIGUOUS: { severity: 'info', meaning: 'un chiffre dont le libellé commence par un autre nombre (lecture littérale gardée)' },
  ALLER_PLUS_LOIN_PROSE: { severity: 'info', meaning: '« Aller plus loin » contient de la prose plutôt que des références' },
  PROJECT_UNPARSED: { severity: 'error', meaning: 'un projet illisible ; son texte brut est dans le message (code de sortie 3)' },
  SOMMAIRE_MISSING: { severity: 'warning', meaning: 'le sommaire de la brochure est introuvable' },
  SOMMAIRE_NUMBER_MISREAD: { severity: 'info', meaning: 'un numéro du sommaire imprimé ou lu avec une lettre pour un chiffre (« O9/ ») : lu comme le numéro attendu à cette place' },
  ROSTERS_MISSING: { severity: 'warning', meaning: 'les listes de promotion de la brochure sont introuvables' },
  TITLE_MISSING: { severity: 'warning', meaning: 'aucun titre lu sous le numéro du projet' },
  PROJECT_START_NOT_FOUND: { severity: 'error', meaning: 'le début d’un projet du sommaire est introuvable : titre, collectivité et page viennent du sommaire, le reste manque (code de sortie 3)' },
  PROJECTS_NOT_FOUND: { severity: 'error', meaning: 'ni sommaire numéroté ni numéro de projet confirmé : aucun projet délimité (code de sortie 3)' },
  RUBRIQUE_HEADING_UNKNOWN: { severity: 'info', meaning: 'un titre mis en valeur comme ceux des rubriques mais absent du vocabulaire : gardé comme titre, son sens déduit de ce qui suit ou son texte mis en encadré' },
  NAME_ORDER_UNCERTAIN: { severity: 'warning', meaning: 'nom de famille et prénom d’un auteur : l’adresse et la liste de promotion ne s’accordent pas sur l’ordre (lecture de l’adresse gardée)' },
  SOMMAIRE_SEQUENCE_BROKEN: { severity: 'error', meaning: 'auto-contrôle : les numéros du sommaire lu ne vont pas de 01 à N sans trou ni doublon (entrées mal lues ; code de sortie 3)' },
  PROJECT_NUMBER_UNCLAIMED: { severity: 'error', meaning: 'auto-contrôle : un numéro entre 01 et le dernier projet n’est ni au sommaire ni dans le corps (code de sortie 3)' },
  PROJECT_NUMBER_DUPLICATED: { severity: 'error', meaning: 'auto-contrôle : deux projets lus portent le même numéro (code de sortie 3)' },
  SOMMAIRE_PAGES_DISAGREE: { severity: 'error', meaning: 'auto-contrôle : les pages du sommaire lu ne suivent pas le début des projets dans le corps (à un décalage constant près) pour plusieurs projets : cases mal appariées (code de sortie 3)' },
  SOMMAIRE_TRUNCATED: { severity: 'error', meaning: 'auto-contrôle : le corps imprime plus d’équipes (adresses de la famille groupées) que le sommaire lu n’annonce de projets (code de sortie 3)' },
  PROJECT_INCOMPLETE: { severity: 'error', meaning: 'auto-contrôle : un projet lu dans le corps sans titre ou sans auteur (code de sortie 3)' },
  EMAIL_UNASSIGNED: { severity: 'error', meaning: 'auto-contrôle : une adresse de la famille imprimée sur les pages d’un projet (ou hors de tout projet) n’est celle d’aucun de ses auteurs (code de sortie 3)' },
  EMAIL_ASSIGNED_TWICE: { severity: 'error', meaning: 'auto-contrôle : une adresse donnée à deux auteurs d’un même projet (code de sortie 3)' },
  SIGNATORY_NOT_AUTHOR: { severity: 'error', meaning: 'auto-contrôle : un membre d’une liste de promotion imprimé sur les pages d’un projet n’en est pas auteur (code de sortie 3)' },
  AUTHOR_UNKNOWN: { severity: 'error', meaning: 'auto-contrôle : un auteur sans adresse de la famille et absent de toutes les listes de promotion lues : pas un élève (un tuteur, une collectivité, un titre lu comme un nom ; code de sortie 3)' },
  PERSON_NOT_A_NAME: { severity: 'error', meaning: 'auto-contrôle : un auteur ou un tuteur lu dont le nom contient un chiffre ou aucune lettre (« 4 200 », « 27 % ») : un chiffre clé ou du texte lu comme une personne (code de sortie 3)' },
  TUTOR_FUNCTION_NAMES_TUTOR: { severity: 'error', meaning: 'auto-contrôle : la fonction lue d’un tuteur contient son propre nom de famille : une signature (celle du témoignage) lue dans la carte du tuteur (code de sortie 3)' },
  EMAILS_DISAGREE_WITH_NAMES: { severity: 'error', meaning: 'auto-contrôle : la plupart des auteurs ont une adresse qui n’épelle pas le nom lu (plus de la moitié, 8 auteurs au moins) : les équipes ont été mal lues (adresses collées aux noms, appariées aux mauvais noms ; code de sortie 3)' },
  AUTHORS_OUTSIDE_ROSTERS: { severity: 'error', meaning: 'auto-contrôle : les listes de promotion ont été lues, mais la plupart des auteurs n’y figurent pas (plus de la moitié, 8 auteurs au moins) : les noms des auteurs ont été mal lus (code de sortie 3)' },
  RUBRIQUE_UNREAD: { severity: 'error', meaning: 'auto-contrôle : un titre de rubrique imprimé sur les pages d’un projet dont la rubrique est vide dans le document (son contenu est allé ailleurs ; code de sortie 3)' },
  PROJECT_IMPLAUSIBLE: { severity: 'error', meaning: 'auto-contrôle : un projet hors des bornes du profil (auteurs, texte, rubrique rapportés à la médiane du document ; plusieurs équipes) : des projets lus comme un seul (code de sortie 3)' },
  FIELD_MISSING: { severity: 'error', meaning: 'auto-contrôle : une rubrique (ou la fonction d’un tuteur) que presque tous les autres projets du document remplissent est vide dans un projet : son contenu est allé dans une autre rubrique ou a été perdu (code de sortie 3)' },
  RUBRIQUE_UNREAD_IN_DOCUMENT: { severity: 'error', meaning: 'auto-contrôle : une des trois rubriques que tout projet de la famille imprime (contexte, problématique, des clés pour agir) est vide dans la moitié des projets ou plus : son titre n’a été reconnu nulle part, son texte est allé dans une autre rubrique (code de sortie 3)' },
  COLLECTIVITE_UNREAD_IN_DOCUMENT: { severity: 'error', meaning: 'auto-contrôle : la moitié des projets ou plus n’ont pas de collectivité, alors que tout projet de la famille en nomme une (à partir de 3 projets) : elle a été lue dans le titre ou perdue (code de sortie 3)' },
  FIGURE_READ_AS_TEXT: { severity: 'error', meaning: 'auto-contrôle : une ligne du texte ou des références d’un projet ouvre sur un chiffre clé imprimé à part en gros caractères et absent de ses chiffres : des chiffres lus dans le texte (code de sortie 3)' },
  FIGURE_LABEL_IMPLAUSIBLE: { severity: 'error', meaning: 'auto-contrôle : le libellé d’un chiffre clé contient une adresse web : des références ou du texte lus dans les chiffres (code de sortie 3)' },
  FIGURES_IN_TEXT: { severity: 'error', meaning: 'auto-contrôle : une rubrique de texte (ou les références) contient plusieurs lignes de suite imprimées comme des chiffres clés (un nombre, puis son libellé) : des chiffres lus comme du texte (code de sortie 3)' },
  PARAGRAPH_UNDER_OTHER_HEADING: { severity: 'error', meaning: 'auto-contrôle : un paragraphe lu dans une rubrique de texte est imprimé, sur sa page, sous le titre d’une autre rubrique (code de sortie 3)' },
  RUBRIQUES_CUT_MID_SENTENCE: { severity: 'error', meaning: 'auto-contrôle : plusieurs rubriques de texte du document commencent au milieu d’une phrase : le texte a été coupé ailleurs qu’à ses titres, des phrases lues dans d’autres rubriques (code de sortie 3)' },
  TESTIMONY_IN_RUBRIQUE: {
    severity: 'error',
    meaning: 'auto-contrôle : une rubrique du corps contient la signature d’un témoignage (un nom, puis une fonction du document) et le projet n’a pas de témoignage : il a été lu dans la rubrique (code de sortie 3)',
    otherwise: { severity: 'warning', when: 'le projet a un témoignage : seule sa signature a été déplacée' },
  },
  RUBRIQUE_STARTS_MID_SENTENCE: { severity: 'warning', meaning: 'auto-contrôle : une rubrique de texte commence par une minuscule, au milieu d’une phrase : son début a pu être lu dans une autre rubrique' },
  PDF_TEXT_NOT_UPRIGHT: { severity: 'info', meaning: 'du texte pivoté ou vertical a été laissé hors de l’ordre de lecture' },
  TEXT_LAYER_REPAIRED: {
    severity: 'warning',
    meaning: 'PDF : le calque de texte lui-même était abîmé (ligatures codées octets inversés ou tronquées, comme les écrit Ghostscript) et a été réparé, preuve faite par les mots imprimés intacts ailleurs ; un par page, avec un exemple avant → après',
  },
  TEXT_LAYER_DAMAGED: {
    severity: 'warning',
    meaning: 'PDF : des caractères qu’aucune brochure française n’imprime (idéogrammes, usage privé, U+FFFD, caractères de contrôle) restent dans le calque de texte : pages, nombres, exemples, que faire',
  },
  TEXT_LAYER_SUSPECT: {
    severity: 'warning',
    otherwise: { severity: 'info', when: 'nom de promotion, liste de promotion' },
    meaning: 'un nom, une adresse ou un nom de promotion contient de tels caractères : les contrôles qui en accuseraient la brochure ne sont pas faits',
  },
  TEXT_FROM_OCR: { severity: 'warning', meaning: 'PDF : pages dont le seul texte vient d’une reconnaissance de caractères (OCR, police GlyphLessFont de tesseract)' },
  TEXT_OCR_COPY_DROPPED: { severity: 'info', meaning: 'PDF : une copie OCR invisible posée sur des pages qui ont leur propre texte, ignorée (texte lu une fois)' },
  TEXT_DRAWN_TWICE: { severity: 'info', meaning: 'PDF : du texte dessiné deux fois au même endroit (effet de gras), lu une fois, en gras' },
  TEXT_HYPHEN_READ_AS_GAP: {
    severity: 'warning',
    meaning: 'PDF : des polices dont le trait d’union est codé comme trait d’union conditionnel (U+00AD, ignoré à la lecture) : adresses e-mail réparées, noms composés peut-être lus avec une espace',
  },
} as const satisfies Record<string, DiagnosticInfo>;

/** A diagnostic code the pipeline raises. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;

/**
 * What a code means, for reports that read documents written by any version (a code this
 * version does not know has no meaning, rather than an error).
 * @param code Code as found in a document.
 * @returns The registry entry, or `undefined` for an unknown code.
 */
export function diagnosticInfo(code: string): DiagnosticInfo | undefined {
  return Object.hasOwn(DIAGNOSTIC_CODES, code) ? DIAGNOSTIC_CODES[code as DiagnosticCode] : undefined;
}

/**
 * The README's table of codes, one Markdown row per code, in registry order.
 * @returns The table, header included, lines joined by `\n`.
 */
export function diagnosticCodesTable(): string {
  const rows = Object.entries(DIAGNOSTIC_CODES).map(([code, info]: [string, DiagnosticInfo]) => {
    const severity = info.otherwise ? `${info.severity} / ${info.otherwise.severity} (${info.otherwise.when})` : info.severity;
    return `| \`${code}\` | ${severity} | ${info.meaning} |`;
  });
  return ['| code | severity | meaning |', '| --- | --- | --- |', ...rows].join('\n');
}
