/**
 * A brochure written as a plain document for LibreOffice Writer: what someone without a layout
 * program would make in a word processor. HTML with only what Writer's HTML import understands
 * (headings, paragraphs, lists, tables, page breaks, fonts, colours); Writer lays it out itself.
 */
import { textHtml } from '../render.mjs';

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const pad = (n) => String(n).padStart(2, '0');
const BREAK = '<p style="page-break-before: always; margin: 0"></p>';

/** What is unusual in this design, for design.json. */
export const WRITER_DESCRIPTION = [
  'made by another PDF program: LibreOffice Writer (HTML import, writer_pdf_Export), not Chromium',
  'Writer\'s own layout: its line breaking and justification, table layout, paragraph spacing, default page (A4 from @page)',
  'sommaire as a 3-column table (N°, projet and collectivité, page) with a header row',
  'authors as a 2-column table « Prénom NOM | e-mail » under « LES AUTEURS »; tutors as « Prénom NOM – fonction » lines',
  'key figures as a 2-column table (figure | label); témoignage in italics with the signature in bold',
  'section divider page per section; rosters « NOM Prénom » one per line under « PROMOTION NAME »',
  'no running header or footer, no page numbers printed on the pages',
];

/**
 * @param {object} doc Expected document.
 * @param {Map<number, number>} pages Page of each project (for the sommaire).
 * @returns {{ html: string, rosterNeedle: string, dividers: boolean }}
 */
export function writerHtml(doc, pages) {
  const b = doc.brochure;
  const out = [];
  out.push(`<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>${esc(b.titre)}</title>
<!-- written by test/designs/outside/writer.mjs for LibreOffice Writer; do not edit -->
<style>
@page { size: 21cm 29.7cm; margin: 2cm 2cm 2cm 2cm; }
body { font-family: 'Liberation Serif'; font-size: 11pt; }
h1 { font-family: 'Liberation Sans'; font-size: 18pt; color: #1f3f8f; }
h2 { font-family: 'Liberation Sans'; font-size: 14pt; }
h3 { font-family: 'Liberation Sans'; font-size: 11pt; color: #1f3f8f; }
td, th { font-size: 10pt; }
</style></head><body>`);
  // Cover.
  out.push(`<p align="center" style="font-family: 'Liberation Sans'; font-size: 28pt; color: #1f3f8f"><b>${esc(b.titre)}</b></p>`);
  out.push(`<p align="center">PROJETS COLLECTIFS DES ÉLÈVES TERRITORIAUX DE L'INET<br>DES PROMOTIONS</p>`);
  out.push(`<p align="center"><b>${doc.promotions.map((p) => esc(p.nom)).join('<br>')}</b></p>`);
  out.push(`<p align="center" style="font-size: 20pt"><b>${esc(b.edition)}</b></p>`);
  if (b.datePublication) out.push(`<p align="center">${esc(b.datePublication)}</p>`);
  // Sommaire.
  out.push(BREAK, '<h1>SOMMAIRE</h1>');
  out.push('<table width="100%" border="0" cellpadding="4"><tr><th align="left">N°</th><th align="left">Projet</th><th align="right">Page</th></tr>');
  for (const section of doc.sections) {
    out.push(`<tr><td colspan="3"><b>${esc(section.titre)}</b></td></tr>`);
    for (const n of section.projets) {
      const p = doc.projets.find((x) => x.numero === n);
      out.push(`<tr><td valign="top">${pad(n)}</td><td>${esc(p.titre)}<br><i>${esc(p.collectivite ?? '')}</i></td><td align="right" valign="top">${pages.get(n) ?? '00'}</td></tr>`);
    }
  }
  out.push('</table>');
  // Projects.
  for (const section of doc.sections) {
    out.push(BREAK, `<h1 style="margin-top: 8cm" align="center">${esc(section.titre)}</h1>`);
    for (const n of section.projets) {
      const p = doc.projets.find((x) => x.numero === n);
      out.push(BREAK, `<p style="font-family: 'Liberation Sans'; font-size: 26pt; color: #1f3f8f"><b>${pad(n)}</b></p>`);
      out.push(`<h2>${esc(p.titre)}</h2>`, `<p><b>${esc(p.collectivite ?? '')}</b></p>`);
      out.push('<h3>LES AUTEURS</h3><table border="0" cellpadding="2">');
      for (const a of p.auteurs) out.push(`<tr><td>${esc(a.prenom)} ${esc(a.nom)}</td><td>${esc(a.email ?? '')}</td></tr>`);
      out.push('</table>');
      if (p.tuteurs.length) {
        out.push(`<h3>${p.tuteurs.length > 1 ? 'TUTEURS' : 'TUTEUR'} AU SEIN DE LA COLLECTIVITÉ</h3>`);
        for (const t of p.tuteurs) out.push(`<p>${esc(t.prenom)} ${esc(t.nom)}${t.fonction ? ` – ${esc(t.fonction)}` : ''}</p>`);
      }
      const rub = (heading, html) => out.push(`<h3>${heading}</h3>`, html);
      if (p.contexte) rub('CONTEXTE', textHtml(p.contexte));
      if (p.problematique) rub('PROBLÉMATIQUE', textHtml(p.problematique));
      if (p.clesPourAgir) rub('DES CLÉS POUR AGIR', textHtml(p.clesPourAgir));
      if (p.temoignage) {
        rub('TÉMOIGNAGE DE LA COLLECTIVITÉ', p.temoignage.split(/\n\n+/).map((para) => (
          para.length < 180 && !/[«"“]/.test(para) ? `<p><b>${esc(para)}</b></p>` : `<p><i>${esc(para)}</i></p>`)).join(''));
      }
      if (p.chiffres.length) {
        rub('LES CHIFFRES', `<table border="0" cellpadding="3">${p.chiffres.map((f) => `<tr><td valign="top" style="font-size: 16pt; color: #1f3f8f"><b>${esc(f.valeur)}</b></td><td>${esc(f.libelle)}</td></tr>`).join('')}</table>`);
      }
      if (p.allerPlusLoin.length) rub('ALLER PLUS LOIN', `<ul>${p.allerPlusLoin.map((a) => `<li>${esc(a.texte)}${a.url && !a.texte.includes(a.url) ? ` ${esc(a.url)}` : ''}</li>`).join('')}</ul>`);
      for (const box of p.encadres ?? []) out.push(`<table border="1" cellpadding="6" width="100%"><tr><td>${box.titre ? `<p><b>${esc(box.titre)}</b></p>` : ''}${textHtml(box.texte)}</td></tr></table>`);
    }
  }
  // Rosters.
  const heading = (promo) => `PROMOTION ${promo.nom.toLocaleUpperCase('fr')}`;
  out.push(BREAK);
  for (const promo of doc.promotions) {
    out.push(`<h2>${esc(heading(promo))}</h2>`, `<p>${promo.membres.map((m) => `${esc(m.nom)} ${esc(m.prenom)}`).join('<br>')}</p>`);
  }
  out.push('</body></html>');
  return { html: out.join('\n'), rosterNeedle: heading(doc.promotions[0]), dividers: true };
}
