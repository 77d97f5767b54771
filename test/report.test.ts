import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  brochureFieldOfCode,
  escapeHtml,
  fieldOfCode,
  renderHtml,
  renderText,
  type ProjectField,
} from '../src/report/index.js';
import type { BrochureDocument, Diagnostic } from '../src/types.js';

const gold = JSON.parse(
  readFileSync(new URL('../fixtures/inet-2019/expected.json', import.meta.url), 'utf8'),
) as BrochureDocument;

/** A code this version does not raise (a document written by another version): reports must show it anyway. */
const codeFromElsewhere = (code: string): Diagnostic['code'] => code as Diagnostic['code'];

const SCRIPT_NAME = '<script>alert(1)</script>';
const WEB_URL = 'https://www.inet.cnfpt.fr/regards?a=1&b="2"';
const JS_URL = 'javascript:alert(document.cookie)';

/** Project diagnostics, each with the field block it must be shown in. */
const PROJECT_DIAGNOSTICS: { diagnostic: Diagnostic; field: ProjectField }[] = [
  {
    field: 'auteurs',
    diagnostic: {
      code: 'EMAIL_NAME_MISMATCH',
      severity: 'warning',
      projet: 5,
      page: 25,
      message: "« Benoît VERNIERE » / « benoit.vernieri@ingenieurchef-inet.org » : le nom de l'e-mail diffère du nom imprimé",
    },
  },
  {
    field: 'tuteurs',
    diagnostic: {
      code: 'TUTOR_LABEL_MISMATCH',
      severity: 'warning',
      projet: 8,
      page: 38,
      message: '« TUTRICE AU SEIN DE LA COLLECTIVITÉ » annonce une tutrice, 3 personnes imprimées',
    },
  },
  {
    field: 'chiffres',
    diagnostic: {
      code: 'CHIFFRE_AMBIGUOUS',
      severity: 'info',
      projet: 13,
      message: '« 547 m² soit 48,5% de la Martinique » : unité douteuse (km² ?)',
    },
  },
  {
    field: 'rubriques',
    diagnostic: {
      code: 'TRUNCATED_TEXT',
      severity: 'warning',
      projet: 10,
      page: 47,
      message: "clés pour agir finit par « pour quantifier » : phrase coupée",
    },
  },
  {
    field: 'titre',
    diagnostic: {
      code: 'TOC_TITLE_MISMATCH',
      severity: 'info',
      projet: 16,
      message: 'sommaire « GRAND BESANÇON MÉTROPOLÉ » / page « GRAND BESANÇON MÉTROPOLE »',
    },
  },
  {
    field: 'allerPlusLoin',
    diagnostic: { code: 'LINK_TARGET_LOST', severity: 'info', projet: 4, message: 'lien « [Union sociale pour l\'habitat](#) » sans cible' },
  },
  {
    field: 'autres',
    diagnostic: {
      code: codeFromElsewhere('SOMETHING_NEW'),
      severity: 'error',
      projet: 7,
      message: 'texte imprimé « <script>alert("x")</script> » & \'guillemets\'',
    },
  },
];

const BROCHURE_DIAGNOSTICS: Diagnostic[] = [
  {
    code: 'PROMOTION_NAME_MISMATCH',
    severity: 'info',
    page: 2,
    message: 'couverture « GEORGE SAND » / liste « PROMO- TION GEORGES SAND »',
  },
  { code: 'SECTION_TITLE_VARIANT', severity: 'info', message: 'intercalaire « GÉRER DIFFÉREMENT » / sommaire « GÉRER DIFFÉREMMENT »' },
  { code: codeFromElsewhere('COLOPHON_DATE_MISSING'), severity: 'warning', message: 'aucune date de publication imprimée' },
];

const ORPHAN: Diagnostic = { code: 'AUTHOR_ROSTER_MISMATCH', severity: 'warning', projet: 99, message: '« Projet fantôme » introuvable' };

const ALL_DIAGNOSTICS = [...PROJECT_DIAGNOSTICS.map((c) => c.diagnostic), ...BROCHURE_DIAGNOSTICS, ORPHAN];

/** The gold document with diagnostics and hostile strings injected. */
function reviewDocument(): BrochureDocument {
  const doc = structuredClone(gold);
  doc.diagnostics = structuredClone(ALL_DIAGNOSTICS);
  const p02 = doc.projets.find((p) => p.numero === 2)!;
  p02.tuteurs.push({ prenom: SCRIPT_NAME, nom: 'DUPONT', fonction: 'Directeur "général" <b>adjoint</b>' });
  const p01 = doc.projets.find((p) => p.numero === 1)!;
  p01.allerPlusLoin.push({ texte: 'Site de l\'INET', url: WEB_URL }, { texte: 'Piège', url: JS_URL });
  return doc;
}

function parse(html: string) {
  return parseHTML(html).document;
}

describe('renderHtml', () => {
  const doc = reviewDocument();
  const html = renderHtml(doc, { generatedAt: '2024-05-01 10:00' });
  const document = parse(html);

  it('is one HTML5 page in French with one h1', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(document.documentElement.getAttribute('lang')).toBe('fr');
    expect(document.querySelector('meta[charset]')?.getAttribute('charset')).toBe('utf-8');
    expect(document.querySelectorAll('h1').length).toBe(1);
    expect(document.querySelector('h1')?.textContent).toBe(gold.brochure.titre);
    expect(document.querySelector('header')?.textContent).toContain('2024-05-01 10:00');
  });

  it('has one anchor per project and the summary table links to each', () => {
    expect(doc.projets.length).toBe(22);
    for (const p of doc.projets) {
      const id = `projet-${String(p.numero).padStart(2, '0')}`;
      expect(document.querySelectorAll(`[id="${id}"]`).length, id).toBe(1);
      expect(document.querySelector(`#projets table a[href="#${id}"]`), id).not.toBeNull();
    }
  });

  it('shows every project diagnostic in its project, next to the field it concerns', () => {
    for (const { diagnostic, field } of PROJECT_DIAGNOSTICS) {
      const section = document.getElementById(`projet-${String(diagnostic.projet).padStart(2, '0')}`);
      const block = section?.querySelector(`.field-${field}`);
      expect(block?.textContent, diagnostic.code).toContain(diagnostic.message);
      expect(block?.querySelector('.diagnostic .severity')?.textContent).toBeTruthy();
    }
  });

  it('labels severity with text and a class, not colour alone', () => {
    const item = document.querySelector('#projet-05 .diagnostic');
    expect(item?.getAttribute('class')).toContain('severity-warning');
    expect(item?.querySelector('.severity')?.textContent).toBe('Avertissement');
  });

  it('shows brochure-level diagnostics in the brochure block, by part', () => {
    const brochure = document.getElementById('brochure');
    expect(brochure?.querySelector('.field-promotions')?.textContent).toContain(BROCHURE_DIAGNOSTICS[0]!.message);
    expect(brochure?.querySelector('.field-sections')?.textContent).toContain(BROCHURE_DIAGNOSTICS[1]!.message);
    expect(brochure?.querySelector('.field-autres')?.textContent).toContain(BROCHURE_DIAGNOSTICS[2]!.message);
    expect(brochure?.textContent).toContain(ORPHAN.message);
    for (const promo of gold.promotions) expect(brochure?.textContent).toContain(`${promo.nom} — ${promo.membres.length} membres`);
  });

  it('puts every injected message somewhere in the page', () => {
    const text = document.body.textContent ?? '';
    for (const d of ALL_DIAGNOSTICS) expect(text).toContain(d.message);
  });

  it('summarises diagnostics by severity and by code', () => {
    const summary = document.getElementById('diagnostics')?.textContent ?? '';
    for (const d of ALL_DIAGNOSTICS) expect(summary).toContain(d.code);
    expect(summary).toContain(`${ALL_DIAGNOSTICS.length} diagnostics`);
  });

  it('prints hostile strings as text, never as markup', () => {
    expect(document.querySelectorAll('script').length).toBe(0);
    expect(document.querySelectorAll('b').length).toBe(0);
    expect(document.getElementById('projet-02')?.querySelector('.field-tuteurs')?.textContent).toContain(SCRIPT_NAME);
    expect(document.getElementById('projet-07')?.textContent).toContain('<script>alert("x")</script>');
    for (const el of document.querySelectorAll('*')) {
      for (const name of el.getAttributeNames()) expect(name.startsWith('on'), name).toBe(false);
    }
  });

  it('loads nothing from outside and links only web urls of aller plus loin', () => {
    expect(html).not.toMatch(/\ssrc\s*=/i);
    expect(document.querySelectorAll('link, script, img, iframe, object').length).toBe(0);
    const style = [...document.querySelectorAll('style')].map((s) => s.textContent).join('');
    expect(style).not.toMatch(/url\(|@import/);
    const hrefs = [...document.querySelectorAll('[href]')].map((a) => a.getAttribute('href') ?? '');
    const external = hrefs.filter((href) => !href.startsWith('#'));
    expect(external).toEqual([WEB_URL]);
    expect(html).not.toMatch(/href\s*=\s*["']?\s*javascript:/i);
    expect(document.getElementById('projet-01')?.textContent).toContain(JS_URL);
    // The printed scheme-less url of project 04 is shown but not linked.
    expect(document.getElementById('projet-04')?.textContent).toContain('www.union-habitat.org');
  });

  it('folds rubriques in <details>, with paragraphs and "- " lists', () => {
    const rubriques = document.querySelectorAll('#projet-01 .field-rubriques details');
    expect(rubriques.length).toBe(4);
    const cles = [...rubriques].find((d) => d.querySelector('summary')?.textContent?.startsWith('Des clés pour agir'));
    expect(cles?.querySelectorAll('ul > li').length).toBe(5);
    expect(cles?.querySelector('li')?.textContent?.startsWith('le modèle coopératif')).toBe(true);
    expect(cles?.querySelectorAll('p').length).toBeGreaterThan(5);
    const temoignage = [...rubriques].find((d) => d.querySelector('summary')?.textContent?.startsWith('Témoignage'));
    expect(temoignage?.textContent).toContain('absente');
  });

  it('shows authors, tutors and key figures of a project', () => {
    const p05 = gold.projets.find((p) => p.numero === 5)!;
    const section = document.getElementById('projet-05');
    const authorRows = section?.querySelectorAll('.field-auteurs tbody tr:not(.diagnostic-row)');
    expect(authorRows?.length).toBe(p05.auteurs.length);
    expect(section?.querySelector('.field-auteurs')?.textContent).toContain(p05.auteurs[0]!.email!);
    expect(section?.querySelectorAll('.field-tuteurs tbody tr').length).toBe(p05.tuteurs.length);
    expect(section?.querySelectorAll('.field-chiffres tbody tr').length).toBe(p05.chiffres.length);
  });

  it('escapes the five special characters with one function', () => {
    expect(escapeHtml(`a&b<c>d"e'f`)).toBe('a&amp;b&lt;c&gt;d&quot;e&#39;f');
  });

  it('does not modify the document', () => {
    const before = JSON.stringify(doc);
    renderHtml(doc);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('renders a project missing from the sections and without the optional fields', () => {
    const small = structuredClone(gold);
    small.sections = [];
    small.diagnostics = [];
    delete small.projets[0]!.encadres;
    const page = parse(renderHtml(small));
    expect(page.querySelectorAll('article.projet').length).toBe(22);
    expect(page.body.textContent).toContain('Hors sommaire');
  });
});

describe('renderHtml: finding each diagnostic', () => {
  const doc = reviewDocument();
  const document = parse(renderHtml(doc));
  const summaryRows = [...document.querySelectorAll('#diagnostics table:nth-of-type(2) tbody tr')];

  it('summarises by code with the severity first, errors before warnings before infos, and links to every occurrence', () => {
    expect([...document.querySelectorAll('#diagnostics table:nth-of-type(2) thead th')].map((th) => th.textContent)).toEqual(['Sévérité', 'Code', 'Nombre', 'Signification', 'Occurrences']);
    const severities = summaryRows.map((row) => row.querySelector('td')?.textContent);
    expect(severities).toEqual([...severities].sort((a, b) => ['Erreur', 'Avertissement', 'Info'].indexOf(a!) - ['Erreur', 'Avertissement', 'Info'].indexOf(b!)));
    expect(severities[0]).toBe('Erreur');
    const links = summaryRows.flatMap((row) => [...row.querySelectorAll('a')].map((a) => a.getAttribute('href')!));
    expect(links).toHaveLength(doc.diagnostics.length);
    for (const href of links) expect(document.querySelectorAll(`li.diagnostic[id="${href.slice(1)}"]`).length, href).toBe(1);
    const vernieres = summaryRows.find((row) => row.textContent?.includes('EMAIL_NAME_MISMATCH'))!;
    expect(vernieres.querySelector('a')?.textContent).toBe('05 p. 25');
  });

  it('shows an author diagnostic in a row right under the author it names', () => {
    const p05 = document.getElementById('projet-05')!;
    const row = [...p05.querySelectorAll('.field-auteurs tbody tr:not(.diagnostic-row)')].find((tr) => tr.querySelector('td:nth-child(2)')?.textContent === 'VERNIERE');
    expect(row, 'author row of Benoît VERNIERE').toBeDefined();
    expect(row!.nextElementSibling?.getAttribute('class')).toContain('diagnostic-row');
    expect(row!.nextElementSibling?.textContent).toContain('EMAIL_NAME_MISMATCH');
  });

  it('shows a rubrique diagnostic inside that rubrique, unfolded; the other rubriques stay folded', () => {
    const rubriques = [...document.querySelectorAll('#projet-10 .field-rubriques details')];
    const cles = rubriques.find((d) => d.querySelector('summary')?.textContent?.startsWith('Des clés pour agir'))!;
    expect(cles.hasAttribute('open')).toBe(true);
    expect(cles.querySelector('.diagnostic')?.textContent).toContain('TRUNCATED_TEXT');
    expect(rubriques.filter((d) => d !== cles).every((d) => !d.hasAttribute('open'))).toBe(true);
  });

  it('offers an errors-and-warnings view without a script: a link to an empty target that the CSS reads', () => {
    const link = [...document.querySelectorAll('header nav a')].find((a) => a.textContent === 'erreurs et avertissements seulement')!;
    const target = link.getAttribute('href')!.slice(1);
    const element = document.getElementById(target)!;
    expect(element.textContent).toBe('');
    expect(element.nextElementSibling?.tagName.toLowerCase()).toBe('main');
    const style = document.querySelector('style')!.textContent!;
    expect(style).toContain(`#${target}:target ~ main .diagnostic.severity-info`);
    expect(style).toContain(`#${target}:target ~ main article.sans-alerte`);
    // Project 13 has only an info: hidden in that view; project 05 has a warning: shown.
    expect(document.getElementById('projet-13')!.getAttribute('class')).toContain('sans-alerte');
    expect(document.getElementById('projet-05')!.getAttribute('class')).not.toContain('sans-alerte');
    expect(document.querySelectorAll('script').length).toBe(0);
  });

  it('never starts with an empty title (a partial run may not have read it)', () => {
    const untitled = structuredClone(gold);
    untitled.brochure.titre = '';
    const page = parse(renderHtml(untitled));
    expect(page.querySelector('h1')?.textContent).toBe('Brochure sans titre');
    expect(page.querySelector('title')?.textContent).toBe(`Revue — Brochure sans titre ${gold.brochure.edition}`);
    expect(renderText(untitled).startsWith(`Brochure sans titre ${gold.brochure.edition} — `)).toBe(true);
  });
});

describe('renderText: one language', () => {
  it('says everything in French, as the fields and messages it prints are', () => {
    const text = renderText(reviewDocument());
    expect(text).not.toMatch(/\b(errors?|warnings?)\b/);
    expect(text).toMatch(/^Diagnostics : \d+ erreurs?, \d+ avertissements?, \d+ infos?$/m);
    expect(text.split('\n')[0]).toMatch(/\((PDF|texte)[,)]/);
  });
});

describe('fieldOfCode', () => {
  it('maps codes to the field they concern', () => {
    expect(fieldOfCode('EMAIL_NON_ASCII')).toBe('auteurs');
    expect(fieldOfCode('AUTHOR_ROSTER_MISMATCH')).toBe('auteurs');
    expect(fieldOfCode('TUTOR_ROLE_VARIANT')).toBe('tuteurs');
    expect(fieldOfCode('NUMBER_INCONSISTENCY')).toBe('chiffres');
    expect(fieldOfCode('EMPTY_RUBRIQUE')).toBe('rubriques');
    expect(fieldOfCode('PLACEHOLDER_TEXT')).toBe('rubriques');
    expect(fieldOfCode('TOC_TITLE_MISMATCH')).toBe('titre');
    expect(fieldOfCode('EMPTY_RUBRIQUES_X')).toBe('autres');
    expect(fieldOfCode('UNKNOWN')).toBe('autres');
    expect(brochureFieldOfCode('ROSTER_FORMAT')).toBe('promotions');
    expect(brochureFieldOfCode('UNKNOWN')).toBe('autres');
  });
});

describe('renderText', () => {
  const doc = reviewDocument();
  const text = renderText(doc);
  const lines = text.split('\n');

  it('has a header line and counts by severity', () => {
    expect(lines[0]).toContain(gold.brochure.titre);
    expect(lines[0]).toContain('22 projets');
    expect(lines[1]).toBe('Diagnostics : 1 erreur, 5 avertissements, 5 infos');
  });

  it('has one line per project and every diagnostic code', () => {
    for (const p of doc.projets) {
      const nn = String(p.numero).padStart(2, '0');
      expect(lines.filter((l) => l.startsWith(`${nn}  `)).length, nn).toBe(1);
    }
    for (const d of ALL_DIAGNOSTICS) expect(text).toContain(d.code);
  });

  it('indents diagnostics under their project, in the documented format', () => {
    const p05 = doc.projets.find((p) => p.numero === 5)!;
    const head = lines.findIndex((l) => l.startsWith('05  '));
    expect(lines[head]).toBe(
      `05  ${p05.titre} — ${p05.collectivite}  (${p05.auteurs.length} auteurs, 1 avertissement, 0 info)`,
    );
    expect(lines[head + 1]).toBe(`  [avertissement] EMAIL_NAME_MISMATCH p. 25 : ${PROJECT_DIAGNOSTICS[0]!.diagnostic.message}`);
    expect(lines.find((l) => l.startsWith('07  '))).toContain('1 erreur');
  });

  it('lists brochure-level and orphan diagnostics after the projects', () => {
    const brochure = lines.indexOf('Brochure :');
    const last = lines.findIndex((l) => l.startsWith('22  '));
    expect(brochure).toBeGreaterThan(last);
    expect(lines).toContain(`  [info] PROMOTION_NAME_MISMATCH p. 2 : ${BROCHURE_DIAGNOSTICS[0]!.message}`);
    expect(lines).toContain(`  [avertissement] AUTHOR_ROSTER_MISMATCH projet 99 : ${ORPHAN.message}`);
  });

  it('uses ANSI colours only when asked, and never lets printed control characters through', () => {
    const hostile = structuredClone(doc);
    hostile.diagnostics = [{ code: codeFromElsewhere('X'), severity: 'info', projet: 1, message: 'a\nb\u001b[2Jc' }];
    const plain = renderText(hostile);
    expect(plain).not.toContain('\u001b');
    expect(plain).toContain('  [info] X : a b [2Jc');
    expect(renderText(hostile, { color: true })).toContain('\u001b[36minfo\u001b[0m');
  });
});
