/**
 * HTML review report: one standalone page a coordinator opens to review a year's extraction.
 *
 * The page has no script and loads nothing: CSS is inline, `<details>` does the folding and
 * CSS `:target` the « errors and warnings only » view, so it works from a mail attachment or a
 * file share. Every diagnostic has an anchor the summary links to, and is shown next to the
 * field it concerns (see `fieldOfCode`): under the author or tutor it names, inside the
 * rubrique it names (unfolded). Markup is built with `h`, which escapes every string it is
 * given, so a printed name such as `<script>` can only ever become text.
 */
import type { BrochureDocument, Diagnostic, Projet, Severity } from '../types.js';
import { diagnosticInfo } from '../diagnostics.js';
import { SEVERITIES, SEVERITY_WORDS, UNTITLED, countBySeverity, formatNumero, groupDiagnostics, reportTitle } from './text.js';

/** Options of `renderHtml`. */
export interface HtmlOptions {
  /** When the report was made, printed as given in the header (default: not printed, so output is reproducible). */
  generatedAt?: string;
}

/** Where a project's diagnostic is shown in its section of the page. */
export type ProjectField =
  | 'titre'
  | 'auteurs'
  | 'tuteurs'
  | 'chiffres'
  | 'rubriques'
  | 'allerPlusLoin'
  | 'encadres'
  | 'autres';

/** Where a brochure-level diagnostic (one without `projet`) is shown. */
export type BrochureField = 'sections' | 'promotions' | 'autres';

/**
 * Which field each diagnostic code concerns, first match wins. Codes follow the family's
 * naming (prefix = the thing checked); the rubrique codes name a text defect, not a field.
 */
export const PROJECT_FIELD_RULES: readonly { pattern: RegExp; field: ProjectField }[] = [
  { pattern: /^TOC_/, field: 'titre' },
  { pattern: /^(EMAIL_|AUTHOR_|DUPLICATE_TEAM$)/, field: 'auteurs' },
  { pattern: /^TUTOR_/, field: 'tuteurs' },
  { pattern: /^(CHIFFRE_|NUMBER_)/, field: 'chiffres' },
  {
    pattern:
      /^(RUBRIQUE_|(EMPTY_RUBRIQUE|MISSING_RUBRIQUE|TRUNCATED_TEXT|DUPLICATED_TEXT|DUPLICATED_WORD|PLACEHOLDER_TEXT|FOOTNOTE|TESTIMONY_OUTSIDE_RUBRIQUE)$)/,
    field: 'rubriques',
  },
  { pattern: /^(ALLER_PLUS_LOIN_|LINK_)/, field: 'allerPlusLoin' },
  { pattern: /^ENCADRE_/, field: 'encadres' },
];

/** Same as `PROJECT_FIELD_RULES`, for diagnostics without `projet`. */
export const BROCHURE_FIELD_RULES: readonly { pattern: RegExp; field: BrochureField }[] = [
  { pattern: /^SECTION_/, field: 'sections' },
  { pattern: /^(PROMOTION_|ROSTER_)/, field: 'promotions' },
];

const emptyOptions: HtmlOptions = {};

const SEVERITY_LABELS: Record<Severity, string> = { error: 'Erreur', warning: 'Avertissement', info: 'Info' };
const SEVERITY_PLURALS: Record<Severity, string> = { error: 'Erreurs', warning: 'Avertissements', info: 'Infos' };
/**
 * The rubriques, each with how a diagnostic message names it (« dans les clés pour agir »,
 * « de la problématique »): a message naming exactly one is shown inside it.
 */
const RUBRIQUES: readonly { key: 'contexte' | 'problematique' | 'clesPourAgir' | 'temoignage'; label: string; named: RegExp }[] = [
  { key: 'contexte', label: 'Contexte', named: /\bcontexte\b/i },
  { key: 'problematique', label: 'Problématique', named: /\bprobl[ée]matique\b/i },
  { key: 'clesPourAgir', label: 'Des clés pour agir', named: /\bcl[ée]s pour agir\b/i },
  { key: 'temoignage', label: 'Témoignage de la collectivité', named: /\bt[ée]moignage\b/i },
];

/** Id of the empty element whose `:target` switches the page to errors and warnings only. */
const ALERTS_VIEW = 'alertes';

/** The anchor of each diagnostic of the document being rendered (`diagnostic-<position from 1>`). */
const anchors = new WeakMap<Diagnostic, string>();

const STYLE = `
body { font: 15px/1.45 system-ui, sans-serif; margin: 0 auto; max-width: 70rem; padding: 1rem 2rem; color: #1a1a1a; }
h1 { margin-bottom: .25rem; } h2 { border-bottom: 2px solid #ccc; margin-top: 2.5rem; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid #ccc; padding: .2rem .5rem; text-align: left; vertical-align: top; }
th { background: #f3f3f3; } .num { font-variant-numeric: tabular-nums; }
dl.meta { display: grid; grid-template-columns: max-content auto; gap: .1rem 1rem; } dl.meta dt { font-weight: 600; }
article.projet { border: 1px solid #bbb; border-radius: 6px; padding: 0 1rem 1rem; margin: 1.5rem 0; }
.field { margin-top: 1rem; } .field h4 { margin: .5rem 0 .25rem; }
.absent { color: #666; font-style: italic; }
details { margin: .3rem 0; } summary { cursor: pointer; font-weight: 600; }
.encadre { border-left: 4px solid #999; padding-left: .75rem; margin: .5rem 0; }
ul.diagnostics { list-style: none; padding: 0; margin: .25rem 0; }
.diagnostic { border-left: 5px solid; padding: .15rem .5rem; margin: .2rem 0; background: #fafafa; }
.severity { font-weight: 700; text-transform: uppercase; font-size: .8em; margin-right: .4rem; }
.severity-error { border-color: #b00020; } .severity-error .severity { color: #b00020; }
.severity-warning { border-color: #b36b00; } .severity-warning .severity { color: #8a5300; }
.severity-info { border-color: #2b6cb0; } .severity-info .severity { color: #2b6cb0; }
tr.diagnostic-row > td { border-top: 0; padding-left: 1.5rem; }
.diagnostic:target { outline: 3px solid #2b6cb0; }
nav.vues { margin: .5rem 0; } .vue-alertes { display: none; }
#${ALERTS_VIEW}:target ~ main .vue-alertes { display: block; }
#${ALERTS_VIEW}:target ~ main .diagnostic.severity-info, #${ALERTS_VIEW}:target ~ main .only-info,
#${ALERTS_VIEW}:target ~ main article.sans-alerte { display: none; }
`;

// ---------------------------------------------------------------------------
// Escaping and the markup builder
// ---------------------------------------------------------------------------

/** Markup known to be safe: only `h` and `raw` make it, so a plain string can never be mistaken for it. */
interface Markup {
  readonly html: string;
}

type Child = Markup | string | number | null | undefined | false | readonly Child[];
type Attrs = Readonly<Record<string, string | number | boolean | null | undefined>>;

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const VOID_ELEMENTS = new Set(['meta', 'br']);
/** Elements followed by a newline, so that the page source stays readable and diffable line by line. */
const BLOCK_ELEMENTS = new Set(['head', 'body', 'main', 'header', 'section', 'article', 'aside', 'details', 'table', 'tr', 'ul', 'li', 'p', 'dl', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'meta', 'title', 'style']);

/**
 * Escapes `&`, `<`, `>`, `"` and `'` so that the text is safe in element content and quoted attributes.
 * @param text Text to escape.
 * @returns The escaped text.
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

function h(tag: string, attrs: Attrs | null, ...children: Child[]): Markup {
  let open = `<${tag}`;
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === true) open += ` ${name}`;
    else if (value !== false && value !== null && value !== undefined) open += ` ${name}="${escapeHtml(String(value))}"`;
  }
  open += '>';
  const html = VOID_ELEMENTS.has(tag) ? open : `${open}${serialise(children)}</${tag}>`;
  return { html: BLOCK_ELEMENTS.has(tag) ? `${html}\n` : html };
}

/** Only for constants of this module (the style sheet), never for data. */
function raw(html: string): Markup {
  return { html };
}

function serialise(children: readonly Child[]): string {
  let out = '';
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) out += serialise(child);
    else if (typeof child === 'object') out += (child as Markup).html;
    else out += escapeHtml(String(child));
  }
  return out;
}

// ---------------------------------------------------------------------------
// The page
// ---------------------------------------------------------------------------

/**
 * Renders the standalone HTML review page of a document.
 * @param doc Document to report on (not modified).
 * @param options Configuration (optional).
 * @returns A complete HTML5 document.
 */
export function renderHtml(doc: BrochureDocument, options: HtmlOptions = emptyOptions): string {
  const groups = groupDiagnostics(doc);
  doc.diagnostics.forEach((d, index) => anchors.set(d, `diagnostic-${index + 1}`));
  const page = h(
    'html',
    { lang: 'fr' },
    h(
      'head',
      null,
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('title', null, `Revue — ${reportTitle(doc)}`),
      h('style', null, raw(STYLE)),
    ),
    h(
      'body',
      null,
      pageHeader(doc, options),
      // Empty: the « errors and warnings only » link targets it, and the CSS hides the rest while it is the target.
      h('div', { id: ALERTS_VIEW }),
      h(
        'main',
        null,
        diagnosticsSummary(doc.diagnostics),
        projectsTable(doc.projets, groups.byProjet),
        brochureBlock(doc, groups.brochure, groups.orphans),
        sectionsOfProjects(doc, groups.byProjet),
      ),
    ),
  );
  return `<!DOCTYPE html>\n${page.html}\n`;
}

/**
 * Tells which field of a project a diagnostic code concerns.
 * @param code Diagnostic code.
 * @returns The field, `autres` when no rule knows the code.
 */
export function fieldOfCode(code: string): ProjectField {
  return PROJECT_FIELD_RULES.find((rule) => rule.pattern.test(code))?.field ?? 'autres';
}

/**
 * Tells which part of the brochure block a brochure-level diagnostic code concerns.
 * @param code Diagnostic code.
 * @returns The part, `autres` when no rule knows the code.
 */
export function brochureFieldOfCode(code: string): BrochureField {
  return BROCHURE_FIELD_RULES.find((rule) => rule.pattern.test(code))?.field ?? 'autres';
}

function pageHeader(doc: BrochureDocument, options: HtmlOptions): Markup {
  const { brochure, source } = doc;
  // Rows whose value is `null` are left out: the gold and text inputs leave some of them empty.
  const rows: [string, Child][] = [
    ['Édition', brochure.edition ?? absent('non imprimée')],
    ['Publication', brochure.datePublication],
    ['Fichier source', source.file],
    ['Format', source.format === 'pdf' ? 'PDF' : 'texte'],
    ['Pages', source.pageCount ?? absent('inconnu')],
    ['SHA-256', source.sha256 === '' ? null : source.sha256],
    ['Projets', doc.projets.length],
    ['Rapport généré le', options.generatedAt ?? null],
  ];
  return h(
    'header',
    null,
    h('h1', null, brochure.titre.trim() === '' ? UNTITLED : brochure.titre),
    h(
      'dl',
      { class: 'meta' },
      rows.filter(([, value]) => value !== null).map(([label, value]) => [h('dt', null, label), h('dd', null, value)]),
    ),
    h(
      'nav',
      { class: 'vues' },
      'Afficher : ',
      h('a', { href: `#${ALERTS_VIEW}` }, 'erreurs et avertissements seulement'),
      ' · ',
      h('a', { href: '#diagnostics' }, 'tout'),
    ),
  );
}

function diagnosticsSummary(diagnostics: readonly Diagnostic[]): Markup {
  const bySeverity = countBySeverity(diagnostics);
  const byCode = groupByCode(diagnostics);
  return h(
    'section',
    { id: 'diagnostics' },
    h('h2', null, 'Diagnostics'),
    h('p', null, `${diagnostics.length} diagnostic${diagnostics.length > 1 ? 's' : ''} au total.`),
    h('p', { class: 'vue-alertes' }, 'Vue : erreurs et avertissements seulement (les infos et les projets sans alerte sont masqués).'),
    table(
      ['Sévérité', 'Nombre'],
      SEVERITIES.map((s) => [severityLabel(s), numberCell(bySeverity[s])]),
    ),
    byCode.length === 0
      ? null
      : table(
          ['Sévérité', 'Code', 'Nombre', 'Signification', 'Occurrences'],
          byCode.map(({ severity, code, occurrences }) => [
            severityLabel(severity),
            h('code', null, code),
            numberCell(occurrences.length),
            diagnosticInfo(code)?.meaning ?? '',
            occurrences.map((d, i) => [i === 0 ? null : ', ', h('a', { href: `#${anchors.get(d)}` }, occurrenceLabel(d))]),
          ]),
          byCode.map(({ severity }) => (severity === 'info' ? 'only-info' : null)),
        ),
  );
}

/** Diagnostics by severity and code: the most serious first, then the most frequent, then by code. */
function groupByCode(diagnostics: readonly Diagnostic[]): { severity: Severity; code: string; occurrences: Diagnostic[] }[] {
  const groups = new Map<string, { severity: Severity; code: string; occurrences: Diagnostic[] }>();
  for (const d of diagnostics) {
    const key = `${d.severity} ${d.code}`;
    if (!groups.has(key)) groups.set(key, { severity: d.severity, code: d.code, occurrences: [] });
    groups.get(key)!.occurrences.push(d);
  }
  return [...groups.values()].sort(
    (a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity) || b.occurrences.length - a.occurrences.length || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** Where an occurrence is: « 05 p. 25 », « brochure ». */
function occurrenceLabel(d: Diagnostic): string {
  const where = d.projet === undefined ? 'brochure' : formatNumero(d.projet);
  return d.page === undefined ? where : `${where} p. ${d.page}`;
}

function projectsTable(projets: readonly Projet[], byProjet: ReadonlyMap<number, Diagnostic[]>): Markup {
  const rows = projets.map((p) => {
    const counts = countBySeverity(byProjet.get(p.numero) ?? []);
    return [
      h('a', { href: `#${projectAnchor(p.numero)}` }, formatNumero(p.numero)),
      p.section,
      h('a', { href: `#${projectAnchor(p.numero)}` }, p.titre),
      p.collectivite,
      numberCell(p.auteurs.length),
      ...SEVERITIES.map((s) => numberCell(counts[s])),
    ];
  });
  return h(
    'section',
    { id: 'projets' },
    h('h2', null, 'Projets'),
    table(['N°', 'Section', 'Titre', 'Collectivité', 'Auteurs', ...SEVERITIES.map((s) => SEVERITY_PLURALS[s])], rows),
  );
}

function brochureBlock(doc: BrochureDocument, brochure: readonly Diagnostic[], orphans: readonly Diagnostic[]): Markup {
  const of = (field: BrochureField) => brochure.filter((d) => brochureFieldOfCode(d.code) === field);
  const known = new Set(doc.projets.map((p) => p.numero));
  return h(
    'section',
    { id: 'brochure' },
    h('h2', null, 'Brochure'),
    field(
      'sections',
      'Sections',
      of('sections'),
      table(
        ['Section', 'Projets'],
        doc.sections.map((s) => [s.titre, projectNumbers(s.projets, known)]),
      ),
    ),
    field(
      'promotions',
      'Promotions',
      of('promotions'),
      doc.promotions.length === 0
        ? absent('Aucune promotion.')
        : doc.promotions.map((promo) =>
            h(
              'details',
              null,
              h('summary', null, `${promo.nom} — ${promo.membres.length} membre${promo.membres.length === 1 ? '' : 's'}`),
              h('ul', null, promo.membres.map((m) => h('li', null, `${m.nom} ${m.prenom}`))),
            ),
          ),
    ),
    field('autres', 'Autres diagnostics de la brochure', of('autres'), of('autres').length === 0 ? absent('Aucun.') : null),
    orphans.length === 0
      ? null
      : h(
          'section',
          { class: 'field field-orphelins' },
          h('h4', null, 'Diagnostics de projets absents du document'),
          diagnosticList(orphans, true),
        ),
  );
}

function projectNumbers(numbers: readonly number[], known: ReadonlySet<number>): Child[] {
  return numbers.map((n, i) => [
    i === 0 ? null : ', ',
    known.has(n) ? h('a', { href: `#${projectAnchor(n)}` }, formatNumero(n)) : `${formatNumero(n)} (absent)`,
  ]);
}

/** Projects grouped under the section listing them, in sommaire order; unlisted ones last, so none is lost. */
function sectionsOfProjects(doc: BrochureDocument, byProjet: ReadonlyMap<number, Diagnostic[]>): Markup[] {
  const sectionIndex = (p: Projet) => doc.sections.findIndex((s) => s.projets.includes(p.numero));
  const groups = doc.sections.map((s, i) => ({
    titre: s.titre,
    projets: doc.projets.filter((p) => sectionIndex(p) === i),
  }));
  groups.push({ titre: 'Hors sommaire', projets: doc.projets.filter((p) => sectionIndex(p) === -1) });
  return groups
    .filter((g) => g.projets.length > 0)
    .map((g) =>
      h(
        'section',
        { class: 'section' },
        h('h2', null, g.titre),
        g.projets.map((p) => projectArticle(p, byProjet.get(p.numero) ?? [])),
      ),
    );
}

// ---------------------------------------------------------------------------
// One project
// ---------------------------------------------------------------------------

function projectArticle(projet: Projet, diagnostics: readonly Diagnostic[]): Markup {
  const of = (f: ProjectField) => diagnostics.filter((d) => fieldOfCode(d.code) === f);
  const others = of('autres');
  const authors = attach(of('auteurs'), projet.auteurs.map((a) => `${a.prenom} ${a.nom}`));
  const tutors = attach(of('tuteurs'), projet.tuteurs.map((t) => `${t.prenom} ${t.nom}`));
  const rubriques = attach(of('rubriques'), RUBRIQUES.map((r) => r.named));
  const alert = diagnostics.some((d) => d.severity !== 'info');
  return h(
    'article',
    { class: alert ? 'projet' : 'projet sans-alerte', id: projectAnchor(projet.numero) },
    h('h3', null, `${formatNumero(projet.numero)} — ${projet.titre}`),
    field(
      'titre',
      null,
      of('titre'),
      h(
        'dl',
        { class: 'meta' },
        h('dt', null, 'Collectivité'),
        h('dd', null, projet.collectivite),
        h('dt', null, 'Section'),
        h('dd', null, projet.section),
        h('dt', null, 'Page(s)'),
        h('dd', null, pagesText(projet)),
        h('dt', null, 'Diagnostics'),
        h('dd', null, severityTally(diagnostics)),
      ),
    ),
    field('auteurs', 'Auteurs', authors.rest, authorsTable(projet, authors.byItem)),
    field('tuteurs', 'Tuteurs', tutors.rest, tutorsTable(projet, tutors.byItem)),
    field('chiffres', 'Chiffres clés', of('chiffres'), figuresTable(projet)),
    field('rubriques', 'Rubriques', rubriques.rest, RUBRIQUES.map((r, i) => rubrique(r.label, projet[r.key], rubriques.byItem[i]!))),
    field('allerPlusLoin', 'Aller plus loin', of('allerPlusLoin'), allerPlusLoin(projet)),
    field('encadres', 'Encadrés', of('encadres'), encadres(projet)),
    others.length === 0 ? null : field('autres', 'Autres diagnostics', others, null),
  );
}

function pagesText(projet: Projet): string {
  const announced = projet.page === null ? 'non annoncée au sommaire' : `p. ${projet.page} (sommaire)`;
  if (!projet.pages) return announced;
  const { debut, fin } = projet.pages;
  return `${announced} ; PDF ${debut === fin ? `p. ${debut}` : `p. ${debut}–${fin}`}`;
}

/**
 * Splits diagnostics between the items a message names: a message naming exactly one item (an
 * author's « Prénom NOM », a rubrique) goes to it, any other stays with the whole field.
 */
function attach(diagnostics: readonly Diagnostic[], items: readonly (string | RegExp)[]): { byItem: Diagnostic[][]; rest: Diagnostic[] } {
  const byItem = items.map((): Diagnostic[] => []);
  const rest: Diagnostic[] = [];
  for (const d of diagnostics) {
    const named = items.flatMap((item, index) => ((typeof item === 'string' ? d.message.includes(item) : item.test(d.message)) ? [index] : []));
    if (named.length === 1) byItem[named[0]!]!.push(d);
    else rest.push(d);
  }
  return { byItem, rest };
}

function authorsTable(projet: Projet, notes: readonly Diagnostic[][]): Markup {
  if (projet.auteurs.length === 0) return absent('Aucun auteur.');
  return table(
    ['Prénom', 'Nom', 'E-mail', 'Corps', 'Promotion'],
    projet.auteurs.map((a) => [a.prenom, a.nom, orAbsent(a.email), orAbsent(a.corps), orAbsent(a.promotion)]),
    null,
    notes,
  );
}

function tutorsTable(projet: Projet, notes: readonly Diagnostic[][]): Markup {
  if (projet.tuteurs.length === 0) return absent('Aucun tuteur.');
  return table(
    ['Nom', 'Fonction'],
    projet.tuteurs.map((t) => [`${t.prenom} ${t.nom}`, orAbsent(t.fonction)]),
    null,
    notes,
  );
}

function figuresTable(projet: Projet): Markup {
  if (projet.chiffres.length === 0) return absent('Aucun chiffre clé.');
  return table(
    ['Valeur', 'Nombre', 'Libellé'],
    projet.chiffres.map((c) => [c.valeur, c.nombre === null ? absent('—') : numberCell(c.nombre), c.libelle]),
  );
}

/** A rubrique, folded unless a diagnostic concerns it (shown first inside it). */
function rubrique(label: string, text: string | null, diagnostics: readonly Diagnostic[]): Markup {
  const open = { open: diagnostics.length > 0 };
  if (text === null) return h('details', open, h('summary', null, `${label} — absente`), diagnosticList(diagnostics), absent('Rubrique absente.'));
  return h('details', open, h('summary', null, `${label} (${text.length} caractères)`), diagnosticList(diagnostics), richText(text));
}

function allerPlusLoin(projet: Projet): Markup {
  if (projet.allerPlusLoin.length === 0) return absent('Aucune référence.');
  return h(
    'ul',
    null,
    projet.allerPlusLoin.map(({ texte, url }) => {
      if (url === null) return h('li', null, texte);
      // Only web links become clickable: a `javascript:` or `file:` url printed in the data must stay inert.
      if (isWebUrl(url)) return h('li', null, h('a', { href: url, rel: 'noreferrer' }, texte), ' ', h('code', null, url));
      return h('li', null, texte, ' ', h('code', null, url), ' ', absent('(lien non actif)'));
    }),
  );
}

function encadres(projet: Projet): Markup {
  const list = projet.encadres ?? [];
  if (list.length === 0) return absent('Aucun encadré.');
  return h(
    'div',
    null,
    list.map((e) => h('aside', { class: 'encadre' }, h('h5', null, e.titre ?? absent('Sans titre')), richText(e.texte))),
  );
}

// ---------------------------------------------------------------------------
// Shared pieces
// ---------------------------------------------------------------------------

/** A field block: its heading, then its diagnostics right under it, then its content. */
function field(name: string, title: string | null, diagnostics: readonly Diagnostic[], content: Child): Markup {
  return h(
    'section',
    { class: `field field-${name}` },
    title === null ? null : h('h4', null, title),
    diagnosticList(diagnostics),
    content,
  );
}

/** The code's meaning from the registry as a tooltip (none for a code this version does not know). */
function codeTitle(code: string): { title: string } | null {
  const meaning = diagnosticInfo(code)?.meaning;
  return meaning === undefined ? null : { title: meaning };
}

function diagnosticList(diagnostics: readonly Diagnostic[], withProjet = false): Markup | null {
  if (diagnostics.length === 0) return null;
  return h(
    'ul',
    { class: 'diagnostics' },
    diagnostics.map((d) =>
      h(
        'li',
        { class: `diagnostic severity-${d.severity}`, id: anchors.get(d), 'data-code': d.code },
        h('span', { class: 'severity' }, SEVERITY_LABELS[d.severity]),
        h('code', codeTitle(d.code), d.code),
        withProjet && d.projet !== undefined ? ` projet ${formatNumero(d.projet)}` : null,
        d.page === undefined ? null : ` p. ${d.page}`,
        ' : ',
        h('span', { class: 'message' }, d.message),
      ),
    ),
  );
}

/** Paragraphs are separated by blank lines; `- ` lines are list items (the contract's text convention). */
function richText(text: string): Markup[] {
  const out: Markup[] = [];
  for (const block of text.split(/\n[ \t]*\n/)) {
    let items: string[] = [];
    let prose: string[] = [];
    const flush = () => {
      if (prose.length > 0) out.push(h('p', null, prose.join(' ')));
      if (items.length > 0) out.push(h('ul', null, items.map((item) => h('li', null, item))));
      prose = [];
      items = [];
    };
    for (const line of block.split('\n').map((l) => l.trim())) {
      if (line === '') continue;
      const isItem = line.startsWith('- ');
      if (isItem ? prose.length > 0 : items.length > 0) flush();
      if (isItem) items.push(line.slice(2));
      else prose.push(line);
    }
    flush();
  }
  return out;
}

/**
 * A table.
 * @param rowClasses A class for each row (`only-info`: hidden in the errors-and-warnings view).
 * @param notes Diagnostics shown in a row of their own right under each row.
 */
function table(headers: readonly string[], rows: readonly (readonly Child[])[], rowClasses: readonly (string | null)[] | null = null, notes: readonly Diagnostic[][] = []): Markup {
  return h(
    'table',
    null,
    h('thead', null, h('tr', null, headers.map((label) => h('th', { scope: 'col' }, label)))),
    h(
      'tbody',
      null,
      rows.map((cells, i) => [
        h('tr', { class: rowClasses?.[i] ?? null }, cells.map((cell) => h('td', null, cell))),
        (notes[i] ?? []).length === 0
          ? null
          : h('tr', { class: notes[i]!.every((d) => d.severity === 'info') ? 'diagnostic-row only-info' : 'diagnostic-row' }, h('td', { colspan: headers.length }, diagnosticList(notes[i]!))),
      ]),
    ),
  );
}

function numberCell(n: number): Markup {
  return h('span', { class: 'num' }, String(n));
}

function severityLabel(severity: Severity): Markup {
  return h('span', { class: `severity-label severity-${severity}` }, SEVERITY_LABELS[severity]);
}

function severityTally(diagnostics: readonly Diagnostic[]): string {
  const counts = countBySeverity(diagnostics);
  return SEVERITIES.map((s) => `${counts[s]} ${SEVERITY_WORDS[s][counts[s] > 1 ? 1 : 0]}`).join(', ');
}

function orAbsent(value: string | null): Child {
  return value ?? absent('—');
}

function absent(text: string): Markup {
  return h('span', { class: 'absent' }, text);
}

function projectAnchor(numero: number): string {
  return `projet-${formatNumero(numero)}`;
}

function isWebUrl(url: string): boolean {
  if (!/^https?:\/\//i.test(url)) return false;
  try {
    return ['http:', 'https:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
