/**
 * Renders an expected document as one HTML brochure in a given design (see variations.mjs).
 * Everything the document holds is printed, as it is in the document (no case change, no
 * correction), so that a perfect extractor gives the document back: cover (title, edition,
 * promotions, date), sommaire, sections, each project (label, title, collectivité, authors with
 * e-mails, tutors with roles, rubriques, figures, references, boxes), rosters.
 */
import { CORPS_LABELS, HEADINGS, PROJECT_LABELS, ROSTER_HEADINGS, SOMMAIRE_TABLE_HEADERS, TEAM_TABLE_HEADERS, TUTOR_HEADINGS, COVER_LINES, WIDE_AXES } from './variations.mjs';
import { framesCss, framesProjectHtml, framesScript } from './frames.mjs';

const escape = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** Escapes text for HTML; web addresses are kept on one line (a line break at their hyphens would be ambiguous). */
const esc = (s) => String(s).split(/((?:https?:\/\/|www\.)[^\s]+)/).map((part, i) => (i % 2 ? `<span class="nw">${escape(part)}</span>` : escape(part))).join('');

/** « L'ÉQUIPE » -> « L'équipe »: the first letter kept, the rest lower case. */
export function sentenceCase(text) {
  const lower = text.toLocaleLowerCase('fr');
  return lower.charAt(0).toLocaleUpperCase('fr') + lower.slice(1);
}

/** A name in the design's order; the parts are printed exactly as the document holds them. */
const personName = (p, order) => (order === 'last-first' ? `${p.nom} ${p.prenom}` : `${p.prenom} ${p.nom}`);

/** Sans face going with the body face. */
const sansOf = (font) => (font.startsWith('DejaVu') ? 'DejaVu Sans' : 'Liberation Sans');

/**
 * A text rubrique as HTML: paragraphs split on blank lines; a paragraph of `- ` lines is a list,
 * a paragraph with ` | ` cells is a table (one row per line), other line breaks are kept.
 */
export function textHtml(text) {
  return text.split(/\n\n+/).map(paragraphHtml).join('\n');
}

/** One paragraph of a text rubrique (see textHtml). */
function paragraphHtml(para) {
  const lines = para.split('\n');
  if (lines.every((l) => l.startsWith('- '))) return `<ul>${lines.map((l) => `<li>${esc(l.slice(2))}</li>`).join('')}</ul>`;
  if (lines.some((l) => l.includes(' | '))) {
    return `<table class="data">${lines.map((l) => `<tr>${l.split(' | ').map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</table>`;
  }
  return `<p>${lines.map(esc).join('<br>')}</p>`;
}

/** A text rubrique as frame units: one per paragraph, one per list item (frames.mjs cuts and moves them). */
function textUnits(text) {
  return text.split(/\n\n+/).flatMap((para) => {
    const lines = para.split('\n');
    if (lines.every((l) => l.startsWith('- '))) return lines.map((l) => `<ul><li>${esc(l.slice(2))}</li></ul>`);
    return [paragraphHtml(para)];
  });
}

/** Style of the form axes (FORM_AXES); empty for a design without them, so that earlier designs render as before. */
function formsCss(c) {
  if (c.tutorForm === undefined && c.temoignageForm === undefined) return '';
  return `
.tline { font-size: 8.5pt; margin-bottom: 1.2mm; }
.pull { border-left: 1mm solid ${c.accent}; padding-left: 4mm; margin: 5mm 0; break-inside: avoid; }
.pull .q { font-style: italic; font-size: 1.1em; }
.pull .sig { font-size: 8.5pt; color: ${c.accent}; }`;
}

/** Style of the wide axes (WIDE_AXES); empty for a design without them, so that earlier designs render as before. */
function wideCss(c) {
  if (c.frameOrder === undefined) return '';
  return `
.toc .tocoll { font-size: 7.5pt; letter-spacing: 0.06em; color: #555; margin: -2.5mm 0 3.5mm 13mm; }
.toc table.toctable { border-collapse: collapse; width: 100%; font-size: 9pt; }
.toc table.toctable td, .toc table.toctable th { padding: 1.2mm 2mm; text-align: left; vertical-align: top; border-bottom: 0.2mm solid #ccc; }
.toc table.toctable th { color: ${c.accent}; font-weight: bold; }
.toc table.toctable td.no { font-weight: bold; color: ${c.accent}; white-space: nowrap; }
.toc table.toctable td.pg { white-space: nowrap; font-weight: bold; }
.toc table.toctable td.cl { font-size: 8pt; color: #555; }
.toc table.toctable tr.sec td { font-weight: bold; color: ${c.accent}; padding-top: 4mm; border-bottom: 0.4mm solid ${c.accent}; }
.toc .toccols { columns: 2; column-gap: 8mm; }
.toc .toccols .row, .toc .toccols .tocoll { break-inside: avoid; }
.toc .toccols h2 { break-after: avoid; margin-top: 0; }
.collbefore { font-size: 10.5pt; color: #444; letter-spacing: 0.03em; margin-bottom: 2mm; }
.figs.grid3 { display: grid; grid-template-columns: repeat(3, 1fr); column-gap: 4mm; column-span: all; }
.figs.grid3 .v { font-size: 15pt; }
.rosters.c3 { columns: 3; column-gap: 6mm; }
.rosters.c3 h1 { column-span: all; }
.rosters.c3 .roster h2 { margin-top: 0; break-after: avoid; font-size: 9.5pt; }
.rosters.c3 .roster .members { font-size: 7.5pt; }
.rosters.c3 .roster .members div { margin-bottom: 0.3mm; }
table.rostertable { border-collapse: collapse; font-size: 8.5pt; }
table.rostertable td, table.rostertable th { border-bottom: 0.2mm solid #bbb; padding: 0.6mm 3mm 0.6mm 0; text-align: left; }
table.rostertable th { color: ${c.accent}; }${c.frameOrder === 'frames' ? framesCss() : ''}`;
}

function css(c) {
  const sans = sansOf(c.font);
  const accent = c.accent;
  const running = [];
  if (c.running === 'header' || c.running === 'both') running.push(`@top-left { content: "${c.runningTitle}"; font: 7.5pt '${sans}'; color: #555; }`);
  if (c.running === 'footer' || c.running === 'both') {
    running.push(`@bottom-left { content: "${c.runningTitle} · ${c.edition}"; font: 7.5pt '${sans}'; color: #555; }`);
    running.push(`@bottom-right { content: counter(page); font: bold 8pt '${sans}'; color: ${accent}; }`);
  } else {
    running.push(`@top-right { content: counter(page); font: bold 8pt '${sans}'; color: ${accent}; }`);
  }
  const sectionPages = c.sections.map((s, i) => (c.running === 'footer'
    ? `@page sec${i} { @bottom-center { content: "${s}"; font: bold 7pt '${sans}'; color: ${accent}; } }`
    : `@page sec${i} { @top-center { content: "${s}"; font: bold 7pt '${sans}'; color: ${accent}; } }`)).join('\n');
  return `
@page { size: A4; margin: 20mm 17mm 20mm 17mm; ${running.join(' ')} }
@page cover { @top-left { content: none; } @top-center { content: none; } @top-right { content: none; } @bottom-left { content: none; } @bottom-center { content: none; } @bottom-right { content: none; } }
${sectionPages}
html, body { margin: 0; padding: 0; }
body { font-family: '${c.font}', serif; font-size: ${c.fontSize}pt; line-height: 1.36; color: #1d1d1b; }
p { margin: 0 0 2mm 0; text-align: ${c.columns === 1 ? 'justify' : 'left'}; }
ul { margin: 0 0 2mm 0; padding-left: 5mm; }
li { margin-bottom: 1mm; }
.sans, h1, h2, h3, .label, .coll, .card, .toc, .figs, .roster, .side { font-family: '${sans}', sans-serif; }
.cover { page: cover; height: 235mm; overflow: hidden; }
.cover .t { font: bold 32pt/1.1 '${sans}'; color: ${accent}; margin-top: 40mm; }
.cover .who { font: 12pt/1.4 '${sans}'; margin-top: 20mm; }
.cover .promos { font: bold 13pt/1.4 '${sans}'; margin-top: 3mm; }
.cover .ed { font: bold 22pt '${sans}'; margin-top: 14mm; }
.cover .date { font: 11pt '${sans}'; margin-top: 6mm; }
.toc { page: cover; break-before: page; }
.toc h1 { font-size: 24pt; color: ${accent}; margin: 0 0 8mm 0; }
.toc h2 { font-size: 10.5pt; color: ${accent}; border-bottom: 0.4mm solid ${accent}; padding-bottom: 1mm; margin: 7mm 0 3mm 0; }
.toc .row { display: flex; align-items: baseline; margin-bottom: 3.5mm; font-size: 9pt; }
.toc .no { width: 13mm; font-weight: bold; font-size: 12pt; color: ${accent}; flex: none; }
.toc .what { flex: 1; }
.toc .what b { display: block; }
.toc .what span { display: block; font-size: 8pt; color: #555; }
.toc .pg { width: 16mm; text-align: right; font-weight: bold; flex: none; }
.toc .pgfirst { width: 14mm; font-weight: bold; flex: none; }
.toc .lead { display: flex; align-items: baseline; }
.toc .lead b { display: inline; }
.toc .dots { flex: 1; border-bottom: 0.3mm dotted #777; margin: 0 2mm; min-width: 8mm; }
.colophon { page: cover; break-before: page; padding-top: 180mm; font: 9pt/1.5 '${sans}'; }
.divider { break-before: page; padding-top: 100mm; font: bold 28pt/1.2 '${sans}'; color: ${accent}; }
.project { break-before: page; }
.seclabel { font: bold 8pt '${sans}'; letter-spacing: 0.08em; color: #666; margin-bottom: 2mm; }
.label { font: bold ${c.projectLabel === 'plain' ? 36 : 16}pt/1 '${sans}'; color: ${accent}; margin-bottom: 3mm; }
h1.titre { font-size: 15pt; line-height: 1.25; margin: 0 0 2mm 0; }
.coll { font-size: 10.5pt; color: #444; letter-spacing: 0.03em; margin-bottom: 6mm; }
h3 { font-size: 9.5pt; letter-spacing: 0.05em; color: ${accent}; margin: 4mm 0 2mm 0; break-after: avoid; }
.body { ${c.columns > 1 ? `columns: ${c.columns}; column-gap: 7mm;` : ''} }
.body.margin { padding-left: 38mm; }
.body.margin h3 { float: left; width: 34mm; margin-left: -38mm; margin-top: 0.5mm; }
.body.margin .rub { clear: left; margin-bottom: 3mm; }
.side { float: ${c.sidebar === 'right' ? 'right' : 'left'}; width: 60mm; background: ${c.shade}; padding: 4mm; box-sizing: border-box;
  margin-${c.sidebar === 'right' ? 'left' : 'right'}: 6mm; margin-bottom: 4mm; font-size: 8.5pt; }
.side h3 { margin-top: 0; }
.team, .tutors { margin-bottom: 5mm; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(64mm, 1fr)); column-gap: 5mm; row-gap: 3mm; }
.card { font-size: 8.5pt; margin-bottom: 2.5mm; break-inside: avoid; }
.card .n { font-weight: bold; font-size: 9.5pt; white-space: nowrap; }
.side .card .n { font-size: 8.5pt; }
.pline b { white-space: nowrap; }
.card .m, .pline .m { font-size: 7.5pt; color: #333; white-space: nowrap; }
.side .card .m { font-family: 'Liberation Sans Narrow', sans-serif; font-size: 7pt; }
table.people td { white-space: nowrap; }
.card .f { font-size: 8pt; color: #333; }
.pline { font-size: 8.5pt; margin-bottom: 1.2mm; }
.pline .m { margin-left: 4mm; color: #333; }
table.people, table.figtable, table.data { border-collapse: collapse; font-size: 8.5pt; margin-bottom: 3mm; }
table.people td, table.people th, table.figtable td, table.data td { border-bottom: 0.2mm solid #bbb; padding: 1mm 2mm; text-align: left; vertical-align: top; }
table.people th { font-weight: bold; color: ${accent}; }
table.data { width: 100%; column-span: all; margin: 3mm 0; }
.figs .fig { margin-bottom: 4mm; break-inside: avoid; }
.figs .v { font: bold 22pt/1.1 '${sans}'; color: ${accent}; }
.figs .l { font-size: 8.5pt; }
.figs.inline b { color: ${accent}; }
table.figtable td.v { font-weight: bold; font-size: 12pt; white-space: nowrap; color: ${accent}; }
.temoignage .q { font-style: italic; }${formsCss(c)}${wideCss(c)}
.temoignage .sig { font-size: 8.5pt; color: ${accent}; }
.refs li { font-size: 8.5pt; }
.box { border: 0.4mm solid ${accent}; padding: 3mm; margin: 4mm 0; font-size: 8.5pt; break-inside: auto; }
.box .bt { font: bold 9.5pt '${sans}'; color: ${accent}; margin-bottom: 2mm; }
.nw { white-space: nowrap; }
.rosters { break-before: page; page: cover; }
.rosters h1 { font-size: 18pt; color: ${accent}; }
.roster h2 { font-size: 11pt; color: ${accent}; margin: 6mm 0 3mm 0; }
.roster .members { font-size: 9pt; }
.roster .members.columns { columns: 3; column-gap: 6mm; }
.roster .members div { margin-bottom: 1mm; }
`;
}

/** Whether the team is printed as the corps table (teamCorps): with a grid or table team outside the sidebar. */
export const printsCorpsTable = (c, form) => (c.teamCorps ?? 'no') !== 'no' && (form === 'grid' || form === 'table');

/** The team as a table « Nom | Prénom | Corps | Courriel », the corps from the e-mail domain, under a header row or none. */
function corpsTableHtml(auteurs, header) {
  const cols = ['nom', 'prenom', 'corps', 'email'];
  const head = header ? `<tr>${cols.map((k) => `<th>${esc(TEAM_TABLE_HEADERS[k])}</th>`).join('')}</tr>` : '';
  const cell = (a, k) => (k === 'corps' ? CORPS_LABELS[a.corps] ?? '' : a[k] ?? '');
  return `<table class="people">${head}${auteurs.map((a) => `<tr>${cols.map((k) => `<td>${esc(cell(a, k))}</td>`).join('')}</tr>`).join('')}</table>`;
}

function peopleHtml(auteurs, form, order, teamTable = 'header') {
  if (form === 'table' && teamTable === 'name-cell') {
    return `<table class="people">${auteurs.map((a) => `<tr><td>${esc(personName(a, order))}</td><td>${esc(a.email ?? '')}</td></tr>`).join('')}</table>`;
  }
  if (form === 'table') {
    const cols = order === 'last-first' ? ['nom', 'prenom'] : ['prenom', 'nom'];
    const head = `<tr>${[...cols, 'email'].map((k) => `<th>${esc(TEAM_TABLE_HEADERS[k])}</th>`).join('')}</tr>`;
    return `<table class="people">${head}${auteurs.map((a) => `<tr>${cols.map((k) => `<td>${esc(a[k])}</td>`).join('')}<td>${esc(a.email ?? '')}</td></tr>`).join('')}</table>`;
  }
  if (form === 'line') return auteurs.map((a) => `<div class="pline"><b>${esc(personName(a, order))}</b><span class="m">${esc(a.email ?? '')}</span></div>`).join('');
  const cards = auteurs.map((a) => `<div class="card"><div class="n">${esc(personName(a, order))}</div><div class="m">${esc(a.email ?? '')}</div></div>`).join('');
  return form === 'grid' ? `<div class="cards">${cards}</div>` : cards;
}

/**
 * Tutors in the design's form: cards (the default), one line each « Prénom NOM – fonction », or
 * one line each with the label inline « Tuteur : Prénom NOM, fonction » (`label` = the inline word).
 */
function tutorsHtml(tuteurs, order, form = 'card', label = '') {
  if (form === 'dash') return tuteurs.map((t) => `<div class="tline"><b>${esc(personName(t, order))}</b>${t.fonction ? ` – ${esc(t.fonction)}` : ''}</div>`).join('');
  if (form === 'label') return tuteurs.map((t) => `<div class="tline">${esc(label)} : <b>${esc(personName(t, order))}</b>${t.fonction ? `, ${esc(t.fonction)}` : ''}</div>`).join('');
  return tuteurs.map((t) => `<div class="card"><div class="n">${esc(personName(t, order))}</div>${t.fonction ? `<div class="f">${esc(t.fonction)}</div>` : ''}</div>`).join('');
}

/** A figure's label paragraphs. */
const figureLabel = (text) => text.split(/\n\n+/).map((p) => `<p>${esc(p)}</p>`).join('');

/** Key figures as frame units: one per figure (the table and the grid whole). */
function figureUnits(chiffres, form, layout) {
  if (form === 'table' || layout === 'grid3') return [figuresHtml(chiffres, form, layout)];
  return chiffres.map((f) => figuresHtml([f], form, layout));
}

function figuresHtml(chiffres, form, layout = 'default') {
  const para = figureLabel;
  if (layout === 'grid3') return `<div class="figs grid3">${chiffres.map((f) => `<div class="fig"><div class="v">${esc(f.valeur)}</div><div class="l">${para(f.libelle)}</div></div>`).join('')}</div>`;
  if (form === 'table') return `<table class="figtable">${chiffres.map((f) => `<tr><td class="v">${esc(f.valeur)}</td><td>${para(f.libelle)}</td></tr>`).join('')}</table>`;
  if (form === 'inline') {
    return `<div class="figs inline">${chiffres.map((f) => {
      const [first, ...rest] = f.libelle.split(/\n\n+/);
      return `<p><b>${esc(f.valeur)}</b> ${esc(first)}</p>${rest.map((p) => `<p>${esc(p)}</p>`).join('')}`;
    }).join('')}</div>`;
  }
  return `<div class="figs">${chiffres.map((f) => `<div class="fig"><div class="v">${esc(f.valeur)}</div><div class="l">${para(f.libelle)}</div></div>`).join('')}</div>`;
}

/** Témoignage: a short first paragraph without a quotation mark is its signature, set apart. */
function temoignageHtml(text) {
  const paras = text.split(/\n\n+/);
  return paras.map((p) => {
    const signature = p.length < 180 && !/[«"“]/.test(p);
    return signature ? `<p class="sig">${esc(p)}</p>` : `<div class="q">${textHtml(p)}</div>`;
  }).join('');
}

/**
 * Renders the document in the design.
 * @param {object} doc The expected document (output contract v1).
 * @param {object} c The design's choices (design.json `choices`).
 * @param {Map<number, number>} pages Page of each project (for the sommaire); missing = `00`.
 * @returns {string} The HTML.
 */
export function renderDesign(doc, c, pages) {
  const h = (key) => {
    const word = key === 'tuteurs' ? null : HEADINGS[key][c.headings[key]];
    return c.headingCase === 'sentence' ? sentenceCase(word) : word;
  };
  const tutorHeading = (n) => {
    const pair = TUTOR_HEADINGS[c.headings.tuteurs];
    const word = n > 1 ? pair.many : pair.one;
    return c.headingCase === 'sentence' ? sentenceCase(word) : word;
  };
  const pad = (n) => String(n).padStart(2, '0');
  const pageOf = (n) => pages.get(n);
  const b = doc.brochure;
  const promoNames = doc.promotions.map((p) => (c.coverCase === 'upper' ? p.nom.toLocaleUpperCase('fr') : p.nom));
  const promoLine = promoNames.length > 1 ? `${promoNames.slice(0, -1).map(esc).join(', ')} &amp; ${esc(promoNames.at(-1))}` : esc(promoNames[0] ?? '');
  const ctx = { ...c, runningTitle: 'Regards croisés sur les territoires', edition: b.edition, sections: doc.sections.map((s) => s.titre) };
  const out = [];
  out.push(`<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8"><title>${esc(b.titre)} ${esc(b.edition)}</title>`);
  out.push(`<!-- design ${esc(c.id)}: generated by test/designs/generate.mjs from the fixture's expected document; do not edit -->`);
  out.push(`<style>${css(ctx)}</style></head><body>`);

  // Cover.
  out.push(`<div class="cover"><div class="t">${esc(b.titre)}</div><div class="who">${COVER_LINES.map(esc).join('<br>')}</div>`);
  out.push(`<div class="promos">${promoLine}</div><div class="ed">${esc(b.edition)}</div>`);
  if (c.datePosition === 'cover' && b.datePublication) out.push(`<div class="date">${esc(b.datePublication)}</div>`);
  out.push('</div>');

  // Sommaire.
  out.push(`<div class="toc"><h1>${esc(c.sommaireHeading)}</h1>`);
  out.push(...sommaireHtml(doc, c, pageOf));
  out.push('</div>');
  if (c.datePosition === 'colophon' && b.datePublication) {
    out.push(`<div class="colophon"><div><b>${esc(b.datePublication)}</b></div><div>Conception éditoriale : INET</div><div>Maquette : atelier de composition</div></div>`);
  }

  // Projects, section by section.
  doc.sections.forEach((section, si) => {
    if (c.sectionForm === 'divider') out.push(`<div class="divider" style="page: sec${si}">${esc(section.titre)}</div>`);
    for (const numero of section.projets) {
      const p = doc.projets.find((x) => x.numero === numero);
      out.push(projectHtml(p, si, c, h, tutorHeading));
    }
  });

  // Rosters.
  const rosterLayout = c.rosterLayout ?? 'default';
  out.push(rosterLayout === 'columns3' ? '<div class="rosters c3">' : '<div class="rosters">');
  if (c.rosterTitle) out.push(`<h1>${esc(c.rosterTitle)}</h1>`);
  for (const promo of doc.promotions) {
    const heading = ROSTER_HEADINGS[c.rosterHeading].replace('%S', promo.nom.toLocaleUpperCase('fr')).replace('%s', promo.nom);
    out.push(`<div class="roster"><h2>${esc(heading)}</h2>${rosterMembersHtml(promo.membres, c.rosterOrder, rosterLayout === 'default' ? c.rosterForm : rosterLayout)}</div>`);
  }
  out.push(`</div>${c.frameOrder === 'frames' ? framesScript() : ''}</body></html>`);
  return out.join('\n');
}

/** A roster's members: one per line (in three columns or one), or a table of name cells under a header row. */
function rosterMembersHtml(membres, order, form) {
  if (form === 'table') {
    const cols = order === 'first-last' ? ['prenom', 'nom'] : ['nom', 'prenom'];
    const head = `<tr>${cols.map((k) => `<th>${esc(TEAM_TABLE_HEADERS[k])}</th>`).join('')}</tr>`;
    return `<table class="rostertable">${head}${membres.map((m) => `<tr>${cols.map((k) => `<td>${esc(m[k])}</td>`).join('')}</tr>`).join('')}</table>`;
  }
  const members = membres.map((m) => `<div>${esc(order === 'first-last' ? `${m.prenom} ${m.nom}` : `${m.nom} ${m.prenom}`)}</div>`).join('');
  return `<div class="members ${form === 'columns3' ? 'list' : form}">${members}</div>`;
}

function sommaireHtml(doc, c, pageOf) {
  const pad = (n) => String(n).padStart(2, '0');
  const layout = c.sommaireLayout ?? 'rows';
  const where = c.collectivitePosition ?? 'after-title';
  const entries = (section) => section.projets.map((numero) => {
    const p = doc.projets.find((x) => x.numero === numero);
    const page = pageOf(numero);
    return { numero, p, page, pg: page === undefined ? '00' : pad(page) };
  });
  if (layout === 'table' || layout === 'table-header') {
    const pageCell = ({ page, pg }) => (c.sommaireForm === 'slash' ? `P${pg}` : c.sommaireForm === 'pageFirst' ? `p. ${page ?? '00'}` : `${page ?? '00'}`);
    const order = { 'after-title': ['no', 'titre', 'cl', 'pg'], 'before-title': ['no', 'cl', 'titre', 'pg'], 'after-page': ['no', 'titre', 'pg', 'cl'] }[where];
    const headers = { no: SOMMAIRE_TABLE_HEADERS.numero, titre: SOMMAIRE_TABLE_HEADERS.titre, cl: SOMMAIRE_TABLE_HEADERS.collectivite, pg: SOMMAIRE_TABLE_HEADERS.page };
    const cell = (e, k) => ({ no: pad(e.numero), titre: e.p.titre, cl: e.p.collectivite, pg: pageCell(e) })[k];
    const rows = [];
    if (layout === 'table-header') rows.push(`<tr>${order.map((k) => `<th>${esc(headers[k])}</th>`).join('')}</tr>`);
    for (const section of doc.sections) {
      rows.push(`<tr class="sec"><td colspan="4">${esc(section.titre)}</td></tr>`);
      for (const e of entries(section)) rows.push(`<tr>${order.map((k) => `<td class="${k}">${k === 'titre' ? `<b>${esc(cell(e, k))}</b>` : esc(cell(e, k))}</td>`).join('')}</tr>`);
    }
    return [`<table class="toctable">`, ...rows, '</table>'];
  }
  const out = [];
  for (const section of doc.sections) {
    out.push(`<h2>${esc(section.titre)}</h2>`);
    for (const { numero, p, page, pg } of entries(section)) {
      const coll = `<span>${esc(p.collectivite)}</span>`;
      const before = where === 'before-title' ? coll : '';
      const after = where === 'after-title' ? coll : '';
      if (c.sommaireForm === 'slash') {
        out.push(`<div class="row"><div class="no">${pad(numero)}/</div><div class="what">${before}<b>${esc(p.titre)}</b>${after}</div><div class="pg">/ P${pg}</div></div>`);
      } else if (c.sommaireForm === 'leaders') {
        out.push(`<div class="row"><div class="no">${pad(numero)}</div><div class="what">${before}<div class="lead"><b>${esc(p.titre)}</b><span class="dots"></span><span class="pgn">${page ?? '00'}</span></div>${after}</div></div>`);
      } else {
        out.push(`<div class="row"><div class="pgfirst">p. ${page ?? '00'}</div><div class="no">${pad(numero)}</div><div class="what">${before}<b>${esc(p.titre)}</b>${after}</div></div>`);
      }
      if (where === 'after-page') out.push(`<div class="tocoll">${esc(p.collectivite)}</div>`);
    }
  }
  return layout === 'columns' ? ['<div class="toccols">', ...out, '</div>'] : out;
}

/** Témoignage as frame units: the signature, each quoted paragraph. */
function temoignageUnits(text) {
  return text.split(/\n\n+/).map((p) => temoignageHtml(p));
}

/** The rubrique keys whose text a figures block can be appended to (figureLayout `appended`). */
const TEXT_PARTS = new Set(['contexte', 'problematique', 'clesPourAgir', 'temoignage', 'pull']);

/**
 * A project's body as parts in reading order: `{ key, cls, heading, inner, units }`, `inner` the
 * flow HTML (as every design before the wide axes printed it), `units` the same content cut into
 * frame units (frames.mjs).
 */
function bodyParts(p, c, h) {
  const parts = [];
  const rub = (key, inner, units) => parts.push({ key, cls: `rub ${key}`, heading: h(key), inner, units });
  if (p.contexte) rub('contexte', textHtml(p.contexte), textUnits(p.contexte));
  if (p.problematique) rub('problematique', textHtml(p.problematique), textUnits(p.problematique));
  if (p.clesPourAgir) rub('clesPourAgir', textHtml(p.clesPourAgir), textUnits(p.clesPourAgir));
  if (p.temoignage && c.temoignageForm === 'pullquote') parts.push({ key: 'pull', cls: 'rub pull', heading: null, inner: temoignageHtml(p.temoignage), units: temoignageUnits(p.temoignage) });
  else if (p.temoignage) rub('temoignage', temoignageHtml(p.temoignage), temoignageUnits(p.temoignage));
  if (p.chiffres.length) {
    const layout = c.figureLayout ?? 'default';
    const inner = figuresHtml(p.chiffres, c.figures, layout);
    const units = figureUnits(p.chiffres, c.figures, layout);
    const before = parts.at(-1);
    if (layout === 'appended' && before && TEXT_PARTS.has(before.key)) {
      before.inner += inner;
      before.units.push(...units);
    } else rub('chiffres', inner, units);
  }
  const reference = (a) => `<li>${esc(a.texte)}${a.url && !a.texte.includes(a.url) ? ` ${esc(a.url)}` : ''}</li>`;
  if (p.allerPlusLoin.length) rub('allerPlusLoin', `<ul class="refs">${p.allerPlusLoin.map(reference).join('')}</ul>`, p.allerPlusLoin.map((a) => `<ul class="refs">${reference(a)}</ul>`));
  (p.encadres ?? []).forEach((box, i) => {
    const title = box.titre ? `<div class="bt">${esc(box.titre)}</div>` : '';
    const units = textUnits(box.texte);
    parts.push({ key: `box${i}`, cls: 'box', heading: null, inner: `${title}${textHtml(box.texte)}`, units: [`${title}${units[0] ?? ''}`, ...units.slice(1)] });
  });
  return parts;
}

function projectHtml(p, si, c, h, tutorHeading) {
  const head = [];
  if (c.sectionForm === 'label') head.push(`<div class="seclabel">${esc(p.section)}</div>`);
  head.push(`<div class="label">${esc(PROJECT_LABELS[c.projectLabel](p.numero))}</div>`);
  if (c.collectivitePosition === 'before-title') head.push(`<div class="collbefore">${esc(p.collectivite)}</div><h1 class="titre" style="margin-bottom: 6mm">${esc(p.titre)}</h1>`);
  else head.push(`<h1 class="titre">${esc(p.titre)}</h1><div class="coll">${esc(p.collectivite)}</div>`);
  const people = (form) => (printsCorpsTable(c, form) ? corpsTableHtml(p.auteurs, c.teamCorps === 'header') : peopleHtml(p.auteurs, form, c.nameOrder, c.teamTable));
  const team = (form) => `<div class="team"><h3>${esc(h('auteurs'))}</h3>${people(form)}</div>`;
  const tutorForm = c.tutorForm ?? 'card';
  const tutorsHeading = tutorForm === 'label' ? '' : `<h3>${esc(tutorHeading(p.tuteurs.length))}</h3>`;
  const tutors = p.tuteurs.length ? `<div class="tutors">${tutorsHeading}${tutorsHtml(p.tuteurs, c.nameOrder, tutorForm, sentenceCase(tutorHeading(1)))}</div>` : '';
  const side = c.sidebar !== 'none' ? `${c.teamPosition === 'sidebar' ? team('list') : ''}${tutors}` : null;
  const top = [c.teamPosition === 'before' ? team(c.teamForm) : '', c.teamPosition === 'before' && c.sidebar === 'none' ? tutors : ''];
  const end = [c.teamPosition === 'after' ? team(c.teamForm) : '', c.teamPosition === 'after' && c.sidebar === 'none' ? tutors : ''];
  const parts = bodyParts(p, c, h);
  const margin = c.headingPosition === 'margin';

  if (c.frameOrder === 'frames') {
    const units = [{ role: 'head', frame: 'fhead', html: head.join('\n') }];
    if (side) units.push({ role: 'side', html: side });
    for (const html of top.filter(Boolean)) units.push({ role: 'top', html });
    for (const part of parts) {
      const [first = '', ...rest] = part.units;
      const heading = part.heading === null ? '' : `<h3>${esc(part.heading)}</h3>`;
      if (margin && heading) units.push({ role: 'mhead', html: heading });
      const flow = (html) => ({ role: 'flow', group: part.key, frame: part.cls, html });
      units.push(flow(`${margin ? '' : heading}${first}`), ...rest.map(flow));
    }
    for (const html of end.filter(Boolean)) units.push({ role: 'end', html });
    return framesProjectHtml(p, si, c, units);
  }

  const out = [`<div class="project" style="page: sec${si}">`, ...head];
  if (side !== null) out.push(`<div class="side">${side}</div>`);
  if (c.teamPosition === 'before') out.push(top[0]);
  if (c.teamPosition === 'before' && c.sidebar === 'none') out.push(top[1]);
  const rubriques = parts.map((part) => `<div class="${part.cls}">${part.heading === null ? part.inner : `<h3>${esc(part.heading)}</h3><div class="rt">${part.inner}</div>`}</div>`);
  out.push(`<div class="body${margin ? ' margin' : ''}">${rubriques.join('\n')}</div>`);
  if (c.teamPosition === 'after') out.push(end[0]);
  if (c.teamPosition !== 'sidebar' && c.sidebar === 'none' && c.teamPosition === 'after') out.push(end[1]);
  out.push('</div>');
  return out.join('\n');
}
