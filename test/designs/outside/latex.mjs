/**
 * A brochure typeset with pdfLaTeX (article class, babel french, Times/Helvetica/Courier Type 1
 * fonts from psnfss, fancyhdr): what someone in an academic setting would write by hand. pdfTeX
 * writes no space characters between words (only positioning), sets « fi », « fl » as single
 * ligature glyphs, hyphenates in French and puts its own thin space before « : ; ! ? ».
 */

/** What is unusual in this design, for design.json. */
export const LATEX_DESCRIPTION = [
  'made by another PDF program: pdfTeX (pdflatex, article class); neither Chromium, LibreOffice nor groff',
  'pdfTeX writes no space characters between words: words are placed by positioning only; ligatures fi, fl, ff are single glyphs',
  'babel french: French hyphenation (words cut at line ends), a thin unbreakable space before « : ; ! ? », justified text; Times body, Helvetica headings, Courier e-mails (Type 1 fonts, T1 encoding)',
  'running header with fancyhdr (brochure title left, section right, italic) over a rule, page number centred in the footer',
  'sommaire hand-made: « 01 » then the title, a \\dotfill leader and the page on the title line, the collectivité in italics on the next line; section titles in bold Helvetica',
  'each project a numbered \\section « 1 TITRE » (the LaTeX section number is the project number, no label), the collectivité in italics under it; rubriques are numbered \\subsection headings « 1.3 Contexte »',
  'the team in a ruled tabular « Prénom NOM & e-mail » (e-mail in Courier) under « 1.1 Les auteurs »; tutors as a description list (bold « Prénom NOM » label, the fonction run in after it)',
  'key figures in a two-column tabular (value in bold, label beside it); the témoignage in a quote environment in italics with the signature right-aligned after a dash',
  'the euro sign comes from textcomp\'s Times (a virtual glyph built from « C »): its text reads « C » (« 4,5MC »), so « € » cannot be recovered from the PDF',
  'straight apostrophes printed as \\textquotesingle (TS1): the text is exact, but words next to one are not hyphenated',
  'lists (itemize) with babel french\'s em-dash « — » labels; data tables (« | » rows) as ruled longtables; encadrés between two rules with a bold title; rosters « NOM Prénom » in three balanced columns (multicol), read column by column',
];

/** Escapes LaTeX's special characters and breaks the T1 input ligatures (-- << >> ,, `` !` ?`). */
export function texEscape(s) {
  return String(s)
    .replace(/[\\{}&%$#_~^]/g, (c) => ({
      '\\': '\\textbackslash{}', '{': '\\{', '}': '\\}', '&': '\\&', '%': '\\%', $: '\\$', '#': '\\#', _: '\\_',
      '~': '\\textasciitilde{}', '^': '\\textasciicircum{}',
    })[c])
    // A straight apostrophe is printed straight (pdfTeX would turn it into ’, which is another character).
    .replace(/'/g, '\\textquotesingle{}')
    .replace(/-(?=-)/g, '-{}').replace(/<(?=<)/g, '<{}').replace(/>(?=>)/g, '>{}').replace(/,(?=,)/g, ',{}')
    .replace(/`/g, '\\textasciigrave{}').replace(/([!?])(?=\\textasciigrave)/g, '$1{}')
    .replace(/•/g, '\\textbullet{}')
    .replace(/\n/g, ' ');
}

/** Text with URLs that may break after a slash (a long URL would overflow the line otherwise). */
const withUrls = (s) => texEscape(s).split(' ').map((w) => (/(:\/\/|^www\.)/.test(w) ? w.replace(/\//g, '/\\allowbreak{}') : w)).join(' ');

const pad = (n) => String(n).padStart(2, '0');

/** A text rubrique: paragraphs, `- ` lists as itemize, ` | ` rows as a ruled longtable. */
function textTex(text) {
  const out = [];
  for (const para of text.split(/\n\n+/)) {
    const lines = para.split('\n');
    if (lines.every((l) => l.startsWith('- '))) {
      out.push('\\begin{itemize}', ...lines.map((l) => `\\item ${withUrls(l.slice(2))}`), '\\end{itemize}');
      continue;
    }
    if (lines.some((l) => l.includes(' | '))) {
      const cols = Math.max(...lines.map((l) => l.split(' | ').length));
      const width = `\\dimexpr(\\linewidth-${2 * cols}\\tabcolsep)/${cols}-1pt\\relax`;
      out.push('{\\small\\raggedright', `\\begin{longtable}{|${Array.from({ length: cols }, () => `>{\\raggedright\\arraybackslash}p{${width}}`).join('|')}|}`, '\\hline');
      for (const l of lines) out.push(`${l.split(' | ').map(withUrls).join(' & ')} \\\\ \\hline`);
      out.push('\\end{longtable}}');
      continue;
    }
    out.push(lines.map(withUrls).join(' \\\\\n'), '');
  }
  return out.join('\n');
}

/**
 * @param {object} doc Expected document.
 * @param {Map<number, number>} pages Page of each project (for the sommaire).
 * @returns {{ html: string, rosterNeedle: string, dividers: boolean }} `html` holds the LaTeX source.
 */
export function latexSource(doc, pages) {
  const b = doc.brochure;
  const e = texEscape;
  const out = [
    '% written by test/designs/outside/latex.mjs for pdflatex; do not edit',
    '\\documentclass[a4paper,11pt]{article}',
    '\\usepackage[T1]{fontenc}',
    '\\usepackage[utf8]{inputenc}',
    '\\usepackage{textcomp}',
    '\\usepackage{mathptmx}',
    '\\usepackage[scaled=0.92]{helvet}',
    '\\usepackage{courier}',
    '\\usepackage[french]{babel}',
    '\\usepackage[a4paper,margin=2.5cm,headheight=14pt]{geometry}',
    '\\usepackage{array,longtable,multicol}',
    '\\usepackage{fancyhdr}',
    '\\pagestyle{fancy}',
    '\\fancyhf{}',
    `\\fancyhead[L]{\\small\\itshape ${e(b.titre)}}`,
    '\\fancyhead[R]{\\small\\itshape\\rightmark}',
    '\\fancyfoot[C]{\\thepage}',
    '\\renewcommand{\\sectionmark}[1]{}',
    '\\renewcommand{\\subsectionmark}[1]{}',
    '\\setlength{\\parindent}{0pt}',
    '\\setlength{\\parskip}{0.5\\baselineskip}',
    '\\makeatletter',
    '\\renewcommand\\section{\\@startsection{section}{1}{\\z@}{-2ex\\@plus -1ex}{1.5ex}{\\normalfont\\Large\\sffamily\\bfseries\\raggedright}}',
    '\\renewcommand\\subsection{\\@startsection{subsection}{2}{\\z@}{-2ex\\@plus -0.5ex}{0.8ex}{\\normalfont\\large\\sffamily\\bfseries\\raggedright}}',
    '\\makeatother',
    '\\begin{document}',
  ];
  // Cover.
  out.push('\\begin{titlepage}', '\\centering', '\\vspace*{4cm}', `{\\sffamily\\bfseries\\Huge ${e(b.titre)}\\par}`, '\\vspace{1cm}',
    `{\\large Projets collectifs des élèves territoriaux de l${e("'")}INET\\par}`, '\\vspace{0.5cm}', '{\\large des promotions\\par}', '\\vspace{0.3cm}',
    ...doc.promotions.map((p) => `{\\large\\bfseries ${e(p.nom)}\\par}`), '\\vspace{1.5cm}', `{\\sffamily\\bfseries\\LARGE ${e(b.edition)}\\par}`);
  if (b.datePublication) out.push('\\vspace{0.5cm}', `{\\large ${e(b.datePublication)}\\par}`);
  out.push('\\end{titlepage}', '\\setcounter{page}{2}');
  // Sommaire: number, title, leader and page; the collectivité in italics under the title.
  out.push('\\markright{}', '\\section*{Sommaire}');
  for (const section of doc.sections) {
    out.push('\\medskip', `{\\sffamily\\bfseries ${e(section.titre)}\\par}`, '\\smallskip');
    for (const n of section.projets) {
      const p = doc.projets.find((x) => x.numero === n);
      out.push(`\\noindent\\makebox[2.2em][l]{${pad(n)}}\\parbox[t]{\\dimexpr\\linewidth-2.2em\\relax}{\\raggedright ${e(p.titre)}\\dotfill\\ ${pages.get(n) ?? '00'}\\\\`,
        `\\textit{${e(p.collectivite ?? '')}}}\\par`, '\\smallskip');
    }
  }
  // Projects.
  for (const section of doc.sections) {
    for (const [k, n] of section.projets.entries()) {
      const p = doc.projets.find((x) => x.numero === n);
      out.push('\\clearpage', `\\markright{${e(section.titre)}}`);
      if (k === 0) out.push(`{\\sffamily\\bfseries\\large ${e(section.titre)}\\par}`, '\\bigskip');
      out.push(`\\setcounter{section}{${n - 1}}`, `\\section{${e(p.titre)}}`, `{\\large\\itshape ${e(p.collectivite ?? '')}\\par}`);
      out.push('\\subsection{Les auteurs}', '\\begin{tabular}{|l|l|}', '\\hline',
        ...p.auteurs.map((a) => `${e(a.prenom)} ${e(a.nom)} & \\texttt{${e(a.email ?? '')}} \\\\ \\hline`), '\\end{tabular}');
      if (p.tuteurs.length) {
        out.push(`\\subsection{${p.tuteurs.length > 1 ? 'Tuteurs au sein de la collectivité' : 'Tuteur au sein de la collectivité'}}`, '\\begin{description}',
          ...p.tuteurs.map((t) => `\\item[${e(t.prenom)} ${e(t.nom)}] ${e(t.fonction ?? '')}`), '\\end{description}');
      }
      const rub = (title, text) => out.push(`\\subsection{${title}}`, textTex(text));
      if (p.contexte) rub('Contexte', p.contexte);
      if (p.problematique) rub('Problématique', p.problematique);
      if (p.clesPourAgir) rub('Des clés pour agir', p.clesPourAgir);
      if (p.temoignage) {
        out.push('\\subsection{Témoignage de la collectivité}', '\\begin{quote}');
        for (const para of p.temoignage.split(/\n\n+/)) {
          const signature = para.length < 180 && !/[«"“]/.test(para);
          out.push(signature ? `\\hfill--- ${e(para)}\\par` : `\\textit{${e(para)}}\\par`);
        }
        out.push('\\end{quote}');
      }
      if (p.chiffres.length) {
        out.push('\\subsection{Les chiffres}', '\\begin{tabular}{r>{\\raggedright\\arraybackslash}p{11cm}}',
          ...p.chiffres.map((f) => `{\\large\\bfseries ${e(f.valeur)}} & ${e(f.libelle)} \\\\[0.4ex]`), '\\end{tabular}');
      }
      if (p.allerPlusLoin.length) {
        out.push('\\subsection{Aller plus loin}', '\\begin{itemize}',
          ...p.allerPlusLoin.map((a) => `\\item ${withUrls(a.texte)}${a.url && !a.texte.includes(a.url) ? ` ${withUrls(a.url)}` : ''}`), '\\end{itemize}');
      }
      for (const box of p.encadres ?? []) {
        out.push('\\medskip', '\\noindent\\rule{\\linewidth}{0.6pt}\\par');
        if (box.titre) out.push(`\\textbf{${e(box.titre)}}\\par`);
        out.push('{\\small', textTex(box.texte), '}', '\\noindent\\rule{\\linewidth}{0.6pt}\\par');
      }
    }
  }
  // Rosters: three balanced columns per promotion, « NOM Prénom ».
  const rosterHeading = (promo) => `Promotion ${promo.nom}`;
  out.push('\\clearpage', '\\markright{}');
  for (const promo of doc.promotions) {
    out.push(`\\section*{${e(rosterHeading(promo))}}`, '\\begin{multicols}{3}', '\\raggedright',
      promo.membres.map((m) => `${e(m.nom)} ${e(m.prenom)}`).join('\\\\\n'), '\\end{multicols}');
  }
  out.push('\\end{document}');
  return { html: `${out.join('\n')}\n`, rosterNeedle: rosterHeading(doc.promotions[0]), dividers: false };
}
