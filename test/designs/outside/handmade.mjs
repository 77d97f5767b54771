/**
 * A design written by hand, outside the generator's axes (test/designs/variations.mjs): what another
 * designer of such a brochure could plausibly do. Printed by headless Chromium (make.mjs).
 */
import { textHtml } from '../render.mjs';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** CSS string literal. */
const cssText = (s) => `"${String(s).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
const ACCENT = '#b3401a';

/** What is unusual in this design, for design.json. */
export const HANDMADE_DESCRIPTION = [
  'rubrique headings numbered, in colour, neither bold nor capitals: « 1. Contexte », « 2. Problématique », « 3. Des clés pour agir », « 4. Pour aller plus loin »',
  'project number in a big coloured disc (« 1 », no leading zero, no label), section name in small letters over the title',
  'running header carrying the project title (left) and the page number (right) on every page of the project; running footer « Regards croisés sur les territoires · edition »',
  'key figures in a shaded box floated right, headed « Repères » (a word outside the vocabulary)',
  'témoignage as a pull-quote in the left margin, no heading, the signature under it',
  'team as a table in a band at the foot of the project: « Élève | Courriel » rows, then « Tuteur : Prénom NOM, fonction » lines',
  'sommaire in two columns: « 1 » then title, collectivité and « page 5 » under it',
  'one roster for all promotions, in two columns, « Prénom NOM (Promotion) » lines sorted by family name',
  'body in DejaVu Serif 9.5 pt, headings in DejaVu Sans, text column narrowed by a 45 mm left margin',
];

/**
 * @param {object} doc Expected document.
 * @param {Map<number, number>} pages Page of each project (for the sommaire).
 * @returns {{ html: string, rosterNeedle: string, dividers: boolean }}
 */
export function handmadeHtml(doc, pages) {
  const b = doc.brochure;
  const order = doc.sections.flatMap((s) => s.projets);
  const project = (n) => doc.projets.find((p) => p.numero === n);
  const named = order.map((n) => `@page p${n} { @top-left { content: ${cssText(project(n).titre)}; } }`).join('\n');
  const out = [];
  out.push(`<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${esc(b.titre)} ${esc(b.edition)}</title>
<!-- hand-made design, written by test/designs/outside/handmade.mjs; do not edit -->
<style>
@page { size: A4; margin: 22mm 16mm 20mm 16mm;
  @top-left { content: ""; font: 7pt 'DejaVu Sans'; color: #777; width: 150mm; }
  @top-right { content: counter(page); font: bold 8pt 'DejaVu Sans'; color: ${ACCENT}; }
  @bottom-left { content: ${cssText(`Regards croisés sur les territoires · ${b.edition}`)}; font: 7pt 'DejaVu Sans'; color: #777; } }
@page front { @top-left { content: none; } @top-right { content: none; } @bottom-left { content: none; } }
${named}
body { margin: 0; font: 9.5pt/1.4 'DejaVu Serif'; color: #222; }
p { margin: 0 0 2mm 0; text-align: justify; }
ul { margin: 0 0 2mm 0; padding-left: 5mm; }
.cover { page: front; break-after: page; font-family: 'DejaVu Sans'; }
.cover .t { margin-top: 50mm; font-size: 30pt; line-height: 1.1; color: ${ACCENT}; }
.cover .who { margin-top: 14mm; font-size: 11pt; }
.cover .promos { margin-top: 4mm; font-size: 12pt; }
.cover .ed { margin-top: 20mm; font-size: 22pt; }
.cover .date { font-size: 11pt; color: #555; }
.toc { page: front; break-after: page; }
.toc h1 { font: 22pt 'DejaVu Sans'; color: ${ACCENT}; margin: 0 0 8mm 0; }
.toc .cols { columns: 2; column-gap: 10mm; }
.toc h2 { font: 9pt 'DejaVu Sans'; letter-spacing: 0.08em; color: #555; margin: 0 0 3mm 0; }
.toc .e { display: flex; gap: 3mm; margin-bottom: 4mm; break-inside: avoid; }
.toc .d { flex: none; width: 8mm; height: 8mm; border-radius: 50%; background: ${ACCENT}; color: #fff; font: bold 10pt/8mm 'DejaVu Sans'; text-align: center; }
.toc .w { font: 8.5pt/1.3 'DejaVu Sans'; }
.toc .w i { display: block; color: #555; }
.toc .w span { display: block; color: ${ACCENT}; }
.project { break-before: page; }
.top { display: flex; align-items: center; gap: 6mm; margin-bottom: 6mm; }
.disc { flex: none; width: 26mm; height: 26mm; border-radius: 50%; background: ${ACCENT}; color: #fff; font: bold 38pt/26mm 'DejaVu Sans'; text-align: center; }
.sec { font: 8pt 'DejaVu Sans'; letter-spacing: 0.06em; color: #777; }
.top h1 { font: bold 14pt/1.25 'DejaVu Sans'; margin: 1mm 0; }
.coll { font: 9pt 'DejaVu Sans'; color: ${ACCENT}; }
.main { margin-left: 45mm; }
h3 { font: normal 11pt 'DejaVu Sans'; color: ${ACCENT}; margin: 4mm 0 1.5mm 0; break-after: avoid; }
.pull { float: left; width: 40mm; margin-left: -45mm; font: italic 10pt/1.35 'DejaVu Serif'; color: ${ACCENT}; }
.pull p { text-align: left; }
.pull .sig { font: normal 7.5pt 'DejaVu Sans'; color: #555; }
.box { float: right; width: 52mm; margin: 0 0 3mm 4mm; padding: 3mm; background: #f4ebe4; font-family: 'DejaVu Sans'; break-inside: avoid; }
.box .bt { font: 10pt 'DejaVu Sans'; color: ${ACCENT}; margin-bottom: 2mm; }
.box .v { font: bold 16pt 'DejaVu Sans'; color: ${ACCENT}; }
.box .l { font-size: 8pt; margin-bottom: 2mm; text-align: left; }
.encadre { border: 0.3mm solid ${ACCENT}; padding: 3mm; margin: 3mm 0; clear: both; }
.band { clear: both; margin-top: 6mm; padding: 3mm 4mm; background: #efefef; font: 8pt 'DejaVu Sans'; break-inside: avoid; }
.band table { border-collapse: collapse; width: 100%; margin-bottom: 2mm; }
.band th { text-align: left; font-weight: normal; color: ${ACCENT}; border-bottom: 0.2mm solid #999; padding: 0.8mm 2mm 0.8mm 0; }
.band td { padding: 0.8mm 2mm 0.8mm 0; white-space: nowrap; }
.band .tut { margin: 0.5mm 0; }
table.data { border-collapse: collapse; width: 100%; margin: 2mm 0; font-size: 8.5pt; }
table.data td { border-bottom: 0.2mm solid #bbb; padding: 1mm; }
.roster { break-before: page; page: front; }
.roster h1 { font: 18pt 'DejaVu Sans'; color: ${ACCENT}; margin: 0 0 6mm 0; }
.roster .cols { columns: 2; column-gap: 10mm; font: 9pt/1.6 'DejaVu Sans'; }
.nw { white-space: nowrap; }
</style></head><body>`);

  // Cover.
  out.push(`<div class="cover"><div class="t">${esc(b.titre)}</div><div class="who">PROJETS COLLECTIFS DES ÉLÈVES TERRITORIAUX DE L'INET<br>DES PROMOTIONS</div>`);
  out.push(`<div class="promos">${doc.promotions.map((p) => esc(p.nom)).join(' · ')}</div><div class="ed">${esc(b.edition)}</div>`);
  if (b.datePublication) out.push(`<div class="date">${esc(b.datePublication)}</div>`);
  out.push('</div>');

  // Sommaire in two columns.
  out.push('<div class="toc"><h1>Sommaire</h1><div class="cols">');
  for (const section of doc.sections) {
    out.push(`<h2>${esc(section.titre)}</h2>`);
    for (const n of section.projets) {
      const p = project(n);
      out.push(`<div class="e"><div class="d">${n}</div><div class="w"><b>${esc(p.titre)}</b><i>${esc(p.collectivite ?? '')}</i><span>page ${pages.get(n) ?? '00'}</span></div></div>`);
    }
  }
  out.push('</div></div>');

  // Projects.
  for (const n of order) out.push(projectHtml(project(n)));

  // One roster for all promotions.
  const members = doc.promotions.flatMap((promo) => promo.membres.map((m) => ({ ...m, promo: promo.nom })))
    .sort((x, y) => x.nom.localeCompare(y.nom, 'fr') || x.prenom.localeCompare(y.prenom, 'fr'));
  const rosterTitle = 'Les élèves des promotions';
  out.push(`<div class="roster"><h1>${rosterTitle}</h1><div class="cols">${members.map((m) => `<div>${esc(m.prenom)} ${esc(m.nom)} (${esc(m.promo)})</div>`).join('')}</div></div>`);
  out.push('</body></html>');
  return { html: out.join('\n'), rosterNeedle: rosterTitle, dividers: false };
}

function projectHtml(p) {
  const out = [`<div class="project" style="page: p${p.numero}">`];
  out.push(`<div class="top"><div class="disc">${p.numero}</div><div><div class="sec">${esc(p.section)}</div><h1>${esc(p.titre)}</h1><div class="coll">${esc(p.collectivite ?? '')}</div></div></div>`);
  out.push('<div class="main">');
  if (p.chiffres.length) {
    out.push(`<div class="box"><div class="bt">Repères</div>${p.chiffres.map((f) => `<div class="v">${esc(f.valeur)}</div><p class="l">${esc(f.libelle)}</p>`).join('')}</div>`);
  }
  if (p.temoignage) {
    const paras = p.temoignage.split(/\n\n+/);
    out.push(`<div class="pull">${paras.map((para) => (para.length < 180 && !/[«"“]/.test(para) ? `<p class="sig">${esc(para)}</p>` : `<p>${esc(para)}</p>`)).join('')}</div>`);
  }
  let k = 0;
  const rub = (heading, html) => out.push(`<h3>${++k}. ${heading}</h3>`, html);
  if (p.contexte) rub('Contexte', textHtml(p.contexte));
  if (p.problematique) rub('Problématique', textHtml(p.problematique));
  if (p.clesPourAgir) rub('Des clés pour agir', textHtml(p.clesPourAgir));
  if (p.allerPlusLoin.length) rub('Pour aller plus loin', `<ul>${p.allerPlusLoin.map((a) => `<li>${esc(a.texte)}${a.url && !a.texte.includes(a.url) ? ` ${esc(a.url)}` : ''}</li>`).join('')}</ul>`);
  for (const box of p.encadres ?? []) out.push(`<div class="encadre">${box.titre ? `<p><b>${esc(box.titre)}</b></p>` : ''}${textHtml(box.texte)}</div>`);
  out.push('</div>');
  out.push('<div class="band"><table><tr><th>Élève</th><th>Courriel</th></tr>');
  for (const a of p.auteurs) out.push(`<tr><td>${esc(a.prenom)} ${esc(a.nom)}</td><td>${esc(a.email ?? '')}</td></tr>`);
  out.push('</table>');
  for (const t of p.tuteurs) out.push(`<div class="tut">Tuteur : <b>${esc(t.prenom)} ${esc(t.nom)}</b>${t.fonction ? `, ${esc(t.fonction)}` : ''}</div>`);
  out.push('</div></div>');
  return out.join('\n');
}
