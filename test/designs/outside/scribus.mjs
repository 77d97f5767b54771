/**
 * A brochure laid out as a desktop publisher would, with Scribus: text frames placed on pages,
 * written into the PDF in an order that is not the reading order. This module only writes the
 * plan (what each frame holds, as data: `source.json`); `scribus-layout.py` runs inside Scribus
 * (`xvfb-run -a scribus -g -ns -py scribus-layout.py source.json out.pdf`), places the frames,
 * measures them, links the story frames, and exports the PDF with Scribus's own PDF writer.
 */

/** What is unusual in this design, for design.json. */
export const SCRIBUS_DESCRIPTION = [
  'made by a desktop-publishing program: Scribus, driven by its Python scripter (scribus-layout.py), exported by Scribus\'s own PDF writer; neither Chromium, LibreOffice, groff, TeX nor WeasyPrint',
  'every piece of text is a text frame placed at a fixed position; on every page the frames are written into the PDF in a shuffled order (a seeded z-order), so the content order is never the reading order',
  'the project body (rubriques, témoignage, references, encadrés) is one story flowing through linked frames, two per page (left column then right column), on as many pages as it needs',
  'sommaire as a grid of cell frames (« 01 » | title over the collectivité in italics | page number, right-aligned), one row per project under a section row, no header row',
  'a divider page per section (a big section number over the section title); project pages carry a running header (brochure title and edition) and a page number at the outer corner of every page',
  'each project: its number « 01 » alone in big coloured type left of the title, the collectivité in italics under the title; the team as a grid of frames « Prénom NOM » | e-mail under « LES AUTEURS »; tutors as a grid « Prénom NOM » | fonction under their heading',
  'key figures as a three-column grid of frames under « LES CHIFFRES »: in each cell the value in big bold type over its label, read across then down',
  'lists with « • » bullets and a hanging indent; data tables (« | » rows) printed as rows with the « | » between cells in small sans; encadrés at the end of the story under a bold title, in small sans',
  'rosters: every promotion on one page, each under « PROMOTION NAME », its members « Prénom NOM » flowing through three linked column frames',
  'body in URW C059 (Century Schoolbook) 9.5 pt on a 12 pt fixed line spacing, justified; headings, cells and figures in Liberation Sans',
];

const pad = (n) => String(n).padStart(2, '0');

/** A signature paragraph of a témoignage (short, no quotation marks), as the other designs tell it. */
const isSignature = (para) => para.length < 180 && !/[«"“]/.test(para);

/** A text rubrique as story paragraphs: [style, text]. */
function textParagraphs(text, body = 'body') {
  const out = [];
  for (const para of text.split(/\n\n+/)) {
    const lines = para.split('\n');
    if (lines.every((l) => l.startsWith('- '))) {
      out.push(...lines.map((l) => ['bullet', `•\u00a0${l.slice(2)}`]));
    } else if (lines.some((l) => l.includes(' | '))) {
      out.push(...lines.map((l) => ['row', l]));
    } else {
      out.push(...lines.map((l) => [body, l]));
    }
  }
  return out;
}

/** The story of one project: every rubrique under its heading, then the encadrés. */
function story(p) {
  const out = [];
  const rub = (heading, paragraphs) => out.push(['head', heading], ...paragraphs);
  if (p.contexte) rub('CONTEXTE', textParagraphs(p.contexte));
  if (p.problematique) rub('PROBLÉMATIQUE', textParagraphs(p.problematique));
  if (p.clesPourAgir) rub('DES CLÉS POUR AGIR', textParagraphs(p.clesPourAgir));
  if (p.temoignage) {
    rub('TÉMOIGNAGE DE LA COLLECTIVITÉ', p.temoignage.split(/\n\n+/).map((para) => [isSignature(para) ? 'signature' : 'quote', para]));
  }
  if (p.allerPlusLoin.length) {
    rub('POUR ALLER PLUS LOIN', p.allerPlusLoin.map((a) => ['reference', `•\u00a0${a.texte}${a.url && !a.texte.includes(a.url) ? ` ${a.url}` : ''}`]));
  }
  for (const box of p.encadres ?? []) {
    if (box.titre) out.push(['boxhead', box.titre]);
    out.push(...textParagraphs(box.texte, 'boxbody').map(([style, text]) => [style === 'body' ? 'boxbody' : style, text]));
  }
  return out;
}

/**
 * @param {object} doc Expected document.
 * @param {Map<number, number>} pages Page of each project (for the sommaire).
 * @returns {{ html: string, rosterNeedle: string, dividers: boolean }} `html` holds the plan (JSON) scribus-layout.py lays out.
 */
export function scribusPlan(doc, pages) {
  const b = doc.brochure;
  const project = (n) => doc.projets.find((p) => p.numero === n);
  const plan = {
    note: 'written by test/designs/outside/scribus.mjs for scribus-layout.py; do not edit',
    cover: {
      titre: b.titre,
      lines: ["PROJETS COLLECTIFS DES ÉLÈVES TERRITORIAUX DE L'INET", 'DES PROMOTIONS'],
      promotions: doc.promotions.map((p) => p.nom),
      edition: b.edition,
      date: b.datePublication ?? null,
    },
    running: `${b.titre} — ${b.edition}`,
    sommaire: doc.sections.map((s) => ({
      titre: s.titre,
      entries: s.projets.map((n) => ({ numero: pad(n), titre: project(n).titre, collectivite: project(n).collectivite ?? '', page: String(pages.get(n) ?? '00') })),
    })),
    sections: doc.sections.map((s, i) => ({
      numero: String(i + 1),
      titre: s.titre,
      projets: s.projets.map((n) => {
        const p = project(n);
        return {
          numero: pad(n),
          titre: p.titre,
          collectivite: p.collectivite ?? '',
          auteurs: p.auteurs.map((a) => [`${a.prenom} ${a.nom}`, a.email ?? '']),
          tutorHeading: p.tuteurs.length > 1 ? 'TUTEURS AU SEIN DE LA COLLECTIVITÉ' : 'TUTEUR AU SEIN DE LA COLLECTIVITÉ',
          tuteurs: p.tuteurs.map((t) => [`${t.prenom} ${t.nom}`, t.fonction ?? '']),
          chiffres: p.chiffres.map((f) => [f.valeur, f.libelle]),
          story: story(p),
        };
      }),
    })),
    rosters: doc.promotions.map((p) => ({ titre: `PROMOTION ${p.nom.toUpperCase()}`, membres: p.membres.map((m) => `${m.prenom} ${m.nom}`) })),
  };
  return { html: `${JSON.stringify(plan, null, 1)}\n`, rosterNeedle: plan.rosters[0].titre, dividers: true };
}
