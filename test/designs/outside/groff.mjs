/**
 * A brochure typeset with groff (troff requests only, no macro package; tbl for tables), printed to
 * PostScript and converted by Ghostscript's ps2pdf: what someone with a Unix text-processing chain
 * would make. Its own line breaking, French hyphenation, Times and Helvetica (Type 1), justified
 * text, running header and page number in the footer, a sommaire with dot leaders.
 */

/** What is unusual in this design, for design.json. */
export const GROFF_DESCRIPTION = [
  'made by another PDF program: groff (troff requests, tbl) to PostScript, then Ghostscript ps2pdf; neither Chromium nor LibreOffice',
  'groff\'s own layout: justified text with French hyphenation (words cut at line ends), Times-Roman body, Helvetica headings, standard Type 1 fonts',
  'running header (brochure title left, section right) over a rule, page number « — 5 — » centred in the footer',
  'sommaire: « 01 TITRE » lines, then the collectivité with a dot leader and the page (« COLLECTIVITÉ ........ 5 »); section titles in bold',
  'project label « Projet n° 1 » over the title; rubrique headings in title case (« Contexte », « Des clés pour agir »)',
  'authors in a ruled tbl table « NOM Prénom | e-mail » under « Les auteurs »; tutors as « NOM Prénom, fonction » lines',
  'key figures inline: the figure in bold, larger, followed by its label on the same line',
  'témoignage indented in italics, the signature right-aligned after a dash; rosters in 3-column tbl tables',
];

/** Escapes a text line for troff: backslashes, and a leading dot or quote (a request otherwise). */
function esc(s) {
  return String(s).replace(/\\/g, '\\e').replace(/^([.'])/u, '\\&$1').replace(/\n/g, ' ');
}

/** A text for tbl's T{ … T} cells (tabs would cut cells). */
const cell = (s) => esc(s).replace(/\t/g, ' ');
/** troff's leader character (Ctrl-A): fills to the next tab stop with the `.lc` character. */
const LEADER = '\u0001';
const pad = (n) => String(n).padStart(2, '0');

/** A text rubrique: paragraphs, `- ` lists with a bullet and a hanging indent, ` | ` rows as a ruled table. */
function textTroff(text) {
  const out = [];
  for (const para of text.split(/\n\n+/)) {
    const lines = para.split('\n');
    if (lines.every((l) => l.startsWith('- '))) {
      for (const l of lines) out.push('.sp 0.3v', '.in 1c', '.ti -0.5c', `\\(bu\\h'|0.5c'${esc(l.slice(2))}`, '.in 0');
      continue;
    }
    if (lines.some((l) => l.includes(' | '))) {
      const cols = Math.max(...lines.map((l) => l.split(' | ').length));
      // No hyphenation inside narrow cells (a cut word would be read across the cells beside it).
      out.push('.sp 0.5v', '.nh', '.TS', 'box tab(^);', `${Array.from({ length: cols }, () => 'lw(3.9c)').join(' ')}.`);
      for (const l of lines) out.push(l.split(' | ').map((c) => `T{\n${cell(c)}\nT}`).join('^'));
      out.push('.TE', '.hy 6');
      continue;
    }
    out.push('.sp 0.5v', ...lines.map((l, i) => (i > 0 ? `.br\n${esc(l)}` : esc(l))));
  }
  return out.join('\n');
}

/**
 * @param {object} doc Expected document.
 * @param {Map<number, number>} pages Page of each project (for the sommaire).
 * @returns {{ html: string, rosterNeedle: string, dividers: boolean }} `html` holds the troff source.
 */
export function groffSource(doc, pages) {
  const b = doc.brochure;
  const out = [];
  const heading = (text) => out.push('.sp 0.9v', '.ne 4v', '.ft HB', '.ps 11', '.nh', esc(text), '.br', '.ft R', '.ps 10.5', '.hy 6', '.sp 0.2v');
  out.push(
    `.\\" written by test/designs/outside/groff.mjs for groff -t -k -Tps; do not edit`,
    '.pl 29.7c', '.ll 16c', '.po 2.5c', '.lt 16c', '.ps 10.5', '.vs 13p', '.ft R', '.ad b',
    '.hla fr', '.hpf hyphen.fr', '.hy 6', '.nr sect 0', '.ds sect',
    // Running header from page 3 on; page number in the footer.
    '.de hd', "'sp 1.2c", '.if \\\\n%>2 \\{\\', "'ps 8", "'ft HI", "'tl '" + esc(b.titre).replace(/'/g, "\\(aq") + "''\\\\*[sect]'", "'ft R", "'ps 10.5", "'sp -0.3v", "\\l'16c'", "'br", '.\\}', "'sp |2.6c", '..',
    '.de fo', "'sp 1c", '.if \\\\n%>1 \\{\\', "'ps 9", "'tl ''\\(em \\\\n% \\(em''", "'ps 10.5", '.\\}', "'bp", '..',
    '.wh 0 hd', '.wh -2.3c fo',
  );
  // Cover.
  out.push('.sp 5c', '.ce 100', '.ft HB', '.ps 22', '.vs 26p', '.nh', esc(b.titre), '.ps 11', '.vs 14p', '.ft R', '.sp 1c',
    'PROJETS COLLECTIFS DES ÉLÈVES TERRITORIAUX DE L\'INET', 'DES PROMOTIONS', '.sp 0.5c', '.ft HB', ...doc.promotions.map((p) => esc(p.nom)),
    '.sp 1c', '.ps 20', '.vs 24p', esc(b.edition), '.ps 11', '.vs 14p', '.ft R');
  if (b.datePublication) out.push('.sp 0.5c', esc(b.datePublication));
  out.push('.ce 0', '.ps 10.5', '.vs 13p', '.hy 6');
  // Sommaire: number and title, then the collectivité with a dot leader and the page.
  out.push('.bp', '.ft HB', '.ps 18', '.vs 22p', 'SOMMAIRE', '.ps 10.5', '.vs 13p', '.ft R', '.sp 1v', '.nh', '.ad l');
  for (const section of doc.sections) {
    out.push('.sp 0.6v', '.ft HB', esc(section.titre), '.ft R', '.br');
    for (const n of section.projets) {
      const p = doc.projets.find((x) => x.numero === n);
      // A tab in a filled line that wraps is measured from the input line's start (the leader
      // would vanish): a collectivité too long for one line gets the leader on a line of its own.
      const collectivite = esc(p.collectivite ?? '');
      const leader = `${LEADER}${pages.get(n) ?? '00'}`;
      out.push('.sp 0.4v', '.in 0.9c', '.ti -0.9c', `${pad(n)}\\h'|0.9c'${esc(p.titre)}`, '.br', '.lc .', '.ta 15.1cR', '.ft I',
        ...(collectivite.length > 55 ? [collectivite, '.br', leader] : [`${collectivite}${leader}`]), '.ft R', '.br', '.in 0');
    }
  }
  out.push('.ad b', '.hy 6');
  // Projects.
  for (const section of doc.sections) {
    for (const [k, n] of section.projets.entries()) {
      const p = doc.projets.find((x) => x.numero === n);
      out.push(`.ds sect ${esc(section.titre)}`, '.bp');
      if (k === 0) out.push('.ft HB', '.ps 13', '.nh', esc(section.titre), '.ps 10.5', '.ft R', '.sp 1v');
      out.push('.ft H', '.ps 12', `Projet n° ${n}`, '.br', '.ft HB', '.ps 15', '.vs 18p', '.nh', '.ad l', esc(p.titre), '.br', '.ad b',
        '.ps 11', '.vs 13p', '.ft HI', esc(p.collectivite ?? ''), '.br', '.ft R', '.ps 10.5', '.hy 6');
      heading('Les auteurs');
      out.push('.TS', 'box tab(^);', 'l l.', ...p.auteurs.map((a) => `${cell(a.nom)} ${cell(a.prenom)}^${cell(a.email ?? '')}`), '.TE');
      if (p.tuteurs.length) {
        heading(p.tuteurs.length > 1 ? 'Tuteurs au sein de la collectivité' : 'Tuteur au sein de la collectivité');
        for (const t of p.tuteurs) out.push('.ad l', `\\fB${esc(t.nom)} ${esc(t.prenom)}\\fP${t.fonction ? `, ${esc(t.fonction)}` : ''}`, '.br', '.ad b');
      }
      const rub = (title, text) => {
        heading(title);
        out.push(textTroff(text));
      };
      if (p.contexte) rub('Contexte', p.contexte);
      if (p.problematique) rub('Problématique', p.problematique);
      if (p.clesPourAgir) rub('Des clés pour agir', p.clesPourAgir);
      if (p.temoignage) {
        heading('Témoignage de la collectivité');
        for (const para of p.temoignage.split(/\n\n+/)) {
          const signature = para.length < 180 && !/[«"“]/.test(para);
          out.push('.sp 0.4v', signature ? '.ad r' : '.in 1c', signature ? `\\(em ${esc(para)}` : `\\fI${esc(para)}\\fP`, '.br', '.ad b', '.in 0');
        }
      }
      if (p.chiffres.length) {
        heading('Les chiffres');
        for (const f of p.chiffres) out.push('.sp 0.4v', `\\s[15]\\fB${esc(f.valeur)}\\fP\\s[0] ${esc(f.libelle)}`, '.br');
      }
      if (p.allerPlusLoin.length) {
        heading('Aller plus loin');
        for (const a of p.allerPlusLoin) out.push('.sp 0.3v', '.in 1c', '.ti -0.5c', '.nh', `\\(bu\\h'|0.5c'${esc(a.texte)}${a.url && !a.texte.includes(a.url) ? ` ${esc(a.url)}` : ''}`, '.br', '.hy 6', '.in 0');
      }
      for (const box of p.encadres ?? []) {
        out.push('.sp 0.8v', '.in 0.6c', '.ll -0.6c');
        if (box.titre) out.push(`\\fB${esc(box.titre)}\\fP`, '.br');
        out.push(textTroff(box.texte), '.ll', '.in 0');
      }
    }
  }
  // Rosters: three columns per promotion.
  const rosterHeading = (promo) => `PROMOTION ${promo.nom.toLocaleUpperCase('fr')}`;
  out.push('.ds sect', '.bp');
  for (const promo of doc.promotions) {
    out.push('.sp 0.8v', '.ne 5v', '.ft HB', '.ps 12', '.nh', esc(rosterHeading(promo)), '.ps 10.5', '.ft R', '.br', '.sp 0.4v', '.TS', 'tab(^);', 'l l l.');
    const names = promo.membres.map((m) => `${cell(m.nom)} ${cell(m.prenom)}`);
    for (let i = 0; i < names.length; i += 3) out.push(names.slice(i, i + 3).join('^'));
    out.push('.TE');
  }
  return { html: `${out.join('\n')}\n`, rosterNeedle: rosterHeading(doc.promotions[0]), dividers: false };
}
