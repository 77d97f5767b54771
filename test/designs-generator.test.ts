/**
 * The design generator without a browser: draws are deterministic, cover every axis value and keep
 * to the layout constraints; a rendered design holds every field of its document; and each
 * committed design is what the generator renders from its design.json (no hand edit, no stale PDF
 * source after a generator change). Designs from outside the generator (`"outside": true`) are exempt.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BrochureDocument } from '../src/types.js';
import { drawDesigns, freshDesign } from './designs/generate.mjs';
import { printsCorpsTable, renderDesign, sentenceCase, textHtml } from './designs/render.mjs';
import { ALL_HEADINGS, AXES, CORPS_LABELS, FORM_AXES, WIDE_AXES } from './designs/variations.mjs';
import { FIXTURES, listFixtures } from './helpers/fixtures.js';

/** The text a browser would show: tags dropped, entities decoded, white space folded. */
const visible = (html: string): string => html.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]+>/g, ' ')
  .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const fold = (text: string): string => text.replace(/\s+/g, ' ').trim();

describe('drawDesigns', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(drawDesigns(2026, 8)).toEqual(drawDesigns(2026, 8));
    expect(drawDesigns(2026, 8)).not.toEqual(drawDesigns(2027, 8));
  });

  it.each([2026, 2031, 1, 99])('covers every value of every axis from seed %i and keeps to the constraints', (seed) => {
    const designs = drawDesigns(seed, 8);
    for (const [axis, { values }] of Object.entries(AXES)) for (const value of values) expect(designs.some((d) => d[axis] === value), `${axis}=${value}`).toBe(true);
    for (const [axis, { values }] of Object.entries({ ...FORM_AXES, ...WIDE_AXES })) for (const value of values) expect(designs.some((d) => d[axis] === value), `${axis}=${value}`).toBe(true);
    for (const d of designs) {
      if (d.columns === 3) expect(d.sidebar, d.id).toBe('none');
      if (d.headingPosition === 'margin') expect(d.columns === 1 && d.sidebar !== 'left', d.id).toBe(true);
      if (d.teamPosition === 'sidebar') expect(d.sidebar, d.id).not.toBe('none');
    }
  });
});

describe('form axes', () => {
  it('leave the layout a seed draws unchanged (the designs committed before them are still drawn from their seed)', () => {
    const layout = (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).filter(([k]) => !(k in FORM_AXES) && !(k in WIDE_AXES)));
    const drawn = drawDesigns(2026, 8).map(layout);
    for (const i of [1, 5, 8]) {
      const saved = JSON.parse(readFileSync(join(FIXTURES, 'designs', `inet-2019-s2026-0${i}`, 'design.json'), 'utf8')) as { choices: Record<string, unknown> };
      expect(drawn[i - 1]).toEqual(saved.choices);
    }
  });

  it('print tutors on one line with a dash or an inline label, the team table with the name in one cell, the testimony without heading', () => {
    const doc = JSON.parse(readFileSync(join(FIXTURES, 'synthetic-2031', 'expected.json'), 'utf8')) as BrochureDocument;
    const base = { ...drawDesigns(2026, 8)[0]!, teamForm: 'table', teamPosition: 'before', sidebar: 'none' };
    const p = doc.projets.find((x) => x.tuteurs.length > 0 && x.temoignage)!;
    const t = p.tuteurs[0]!;
    const name = base.nameOrder === 'last-first' ? `${t.nom} ${t.prenom}` : `${t.prenom} ${t.nom}`;
    expect(visible(renderDesign(doc, { ...base, tutorForm: 'dash' }, new Map()))).toContain(`${name} – ${t.fonction}`);
    expect(visible(renderDesign(doc, { ...base, tutorForm: 'label' }, new Map()))).toMatch(new RegExp(`\\p{Lu}[\\p{L} ']+ : ${name} , ${t.fonction}`, 'u'));
    const a = p.auteurs[0]!;
    const html = renderDesign(doc, { ...base, teamTable: 'name-cell' }, new Map());
    expect(html).toContain(`<td>${base.nameOrder === 'last-first' ? `${a.nom} ${a.prenom}` : `${a.prenom} ${a.nom}`}</td><td>${a.email}</td>`);
    expect(html).not.toContain('<th>');
    const pull = renderDesign(doc, { ...base, temoignageForm: 'pullquote' }, new Map());
    expect(pull).toContain('class="rub pull"');
    expect(pull).not.toContain('class="rub temoignage"');
  });
});

describe('wide axes', () => {
  const doc = JSON.parse(readFileSync(join(FIXTURES, 'synthetic-2031', 'expected.json'), 'utf8')) as BrochureDocument;
  const base = { ...drawDesigns(2026, 8)[0]!, teamForm: 'table', teamPosition: 'before', sidebar: 'none', frameOrder: 'flow', sommaireLayout: 'rows', collectivitePosition: 'after-title', teamCorps: 'no', figureLayout: 'default', rosterLayout: 'default' };
  const p = doc.projets[0]!;

  it('leave the forms a seed draws unchanged (the designs committed with form axes are still drawn from their seed)', () => {
    const forms = (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).filter(([k]) => !(k in WIDE_AXES)));
    const saved = JSON.parse(readFileSync(join(FIXTURES, 'designs', 'inet-2019-s8802-01', 'design.json'), 'utf8')) as { choices: Record<string, unknown> };
    expect(forms(drawDesigns(8802, 4)[0]!)).toEqual(saved.choices);
  });

  it('draw a fresh design per seed, each axis value about equally often', () => {
    expect(freshDesign(60001)).toEqual(drawDesigns(60001, 12)[0]);
    const frames = Array.from({ length: 200 }, (_, i) => freshDesign(70000 + i)).filter((d) => d.frameOrder === 'frames').length;
    expect(frames).toBeGreaterThan(70);
    expect(frames).toBeLessThan(130);
  });

  it('print the sommaire as a table in the cell order the collectivité position says, with or without header row', () => {
    const cells = (html: string) => [...html.matchAll(/<td class="(no|titre|cl|pg)">/g)].slice(0, 4).map((m) => m[1]);
    const table = renderDesign(doc, { ...base, sommaireLayout: 'table' }, new Map());
    expect(cells(table)).toEqual(['no', 'titre', 'cl', 'pg']);
    expect(table).not.toContain('<th>N°');
    expect(cells(renderDesign(doc, { ...base, sommaireLayout: 'table-header', collectivitePosition: 'after-page' }, new Map()))).toEqual(['no', 'titre', 'pg', 'cl']);
    expect(renderDesign(doc, { ...base, sommaireLayout: 'table-header' }, new Map())).toContain('<th>N°</th><th>Projet</th><th>Collectivité</th><th>Page</th>');
    const afterPage = renderDesign(doc, { ...base, collectivitePosition: 'after-page' }, new Map());
    expect(afterPage).toContain(`</div>\n<div class="tocoll">${p.collectivite}</div>`);
    expect(renderDesign(doc, { ...base, sommaireLayout: 'columns' }, new Map())).toContain('<div class="toccols">');
  });

  it('print the team as « Nom | Prénom | Corps | Courriel », the corps from the e-mail domain, with or without header row', () => {
    const a = p.auteurs[0]!;
    const html = renderDesign(doc, { ...base, teamCorps: 'header' }, new Map());
    expect(html).toContain('<th>Nom</th><th>Prénom</th><th>Corps</th><th>Courriel</th>');
    expect(html).toContain(`<td>${a.nom}</td><td>${a.prenom}</td><td>${CORPS_LABELS[a.corps!]}</td><td>${a.email}</td>`);
    expect(renderDesign(doc, { ...base, teamCorps: 'bare' }, new Map())).not.toContain('<th>Corps</th>');
    expect(renderDesign(doc, { ...base, teamCorps: 'bare', teamForm: 'line' }, new Map())).not.toContain(`<td>${CORPS_LABELS[a.corps!]}</td>`);
  });

  it('print figures as a three-column grid or appended to the rubrique before them, rosters in three columns or as tables', () => {
    const q = doc.projets.find((x) => x.chiffres.length > 0)!;
    expect(renderDesign(doc, { ...base, figureLayout: 'grid3' }, new Map())).toContain('class="figs grid3"');
    const appended = renderDesign(doc, { ...base, figures: 'big', figureLayout: 'appended' }, new Map());
    expect(appended).not.toContain('class="rub chiffres"');
    expect(appended).toMatch(new RegExp(`class="rt">(?:(?!</div></div>).)*<div class="figs"><div class="fig"><div class="v">${q.chiffres[0]!.valeur}<`));
    expect(renderDesign(doc, { ...base, rosterLayout: 'columns3' }, new Map())).toContain('<div class="rosters c3">');
    expect(renderDesign(doc, { ...base, rosterLayout: 'table' }, new Map())).toContain('<table class="rostertable">');
  });

  it('print a frames design as units in reading order with the page script, and a design without the wide axes without either', () => {
    const html = renderDesign(doc, { ...base, frameOrder: 'frames' }, new Map());
    expect(html).toContain('<div class="fsrc"');
    expect(html).toContain('layoutFrames(random');
    expect(html.indexOf(p.titre)).toBeLessThan(html.indexOf(p.auteurs[0]!.email!));
    const { frameOrder: _f, sommaireLayout: _s, collectivitePosition: _c, teamCorps: _t, figureLayout: _g, rosterLayout: _r, ...old } = base;
    expect(renderDesign(doc, old, new Map())).not.toMatch(/<script>|fsrc|toctable|grid3/);
  });
});

describe('renderDesign', () => {
  it('prints headings in capitals or sentence case', () => {
    expect(sentenceCase("L'ÉQUIPE")).toBe("L'équipe");
    expect(sentenceCase('DES CLÉS POUR AGIR')).toBe('Des clés pour agir');
  });

  it('prints lists as lists and ` | ` rows as tables', () => {
    expect(textHtml('Intro :\n\n- un\n- deux')).toBe('<p>Intro :</p>\n<ul><li>un</li><li>deux</li></ul>');
    expect(textHtml('A | B\nc | d')).toBe('<table class="data"><tr><td>A</td><td>B</td></tr><tr><td>c</td><td>d</td></tr></table>');
  });

  it.each(['inet-2019', 'synthetic-2031'])('prints every field of %s in every drawn design', (content) => {
    const doc = JSON.parse(readFileSync(join(FIXTURES, content, 'expected.json'), 'utf8')) as BrochureDocument;
    for (const design of drawDesigns(5, 6)) {
      const text = visible(renderDesign(doc, design, new Map()));
      const missing: string[] = [];
      const need = (what: string, value: string | null | undefined): void => {
        if (value && !text.includes(fold(value))) missing.push(`${what}: ${value.slice(0, 40)}`);
      };
      need('titre', doc.brochure.titre);
      need('edition', doc.brochure.edition);
      need('date', doc.brochure.datePublication);
      for (const s of doc.sections) need('section', s.titre);
      for (const p of doc.projets) {
        need('titre', p.titre);
        need('collectivite', p.collectivite);
        for (const a of p.auteurs) {
          need('e-mail', a.email);
          // The corps table (teamCorps) prints « Nom | Prénom » whatever the name order.
          need('author', design.nameOrder === 'last-first' || printsCorpsTable(design, design.teamForm) ? `${a.nom} ${a.prenom}` : `${a.prenom} ${a.nom}`);
        }
        for (const t of p.tuteurs) need('tutor role', t.fonction);
        for (const f of p.chiffres) need('figure', f.valeur);
        for (const r of p.allerPlusLoin) need('reference', r.texte);
        for (const field of ['contexte', 'problematique', 'clesPourAgir', 'temoignage'] as const) {
          for (const para of (p[field] ?? '').split(/\n\n+/)) for (const line of para.split('\n')) for (const cell of line.replace(/^- /, '').split(' | ')) need(field, cell);
        }
      }
      for (const m of doc.promotions.flatMap((x) => x.membres)) need('member', m.nom);
      expect(missing, design.id).toEqual([]);
    }
  });

  it('prints only headings from variations.mjs', () => {
    const doc = JSON.parse(readFileSync(join(FIXTURES, 'synthetic-2031', 'expected.json'), 'utf8')) as BrochureDocument;
    const known = new Set(Object.values(ALL_HEADINGS).flat().flatMap((h) => [h, sentenceCase(h)]));
    for (const design of drawDesigns(11, 8)) {
      const html = renderDesign(doc, design, new Map());
      const headings = [...html.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1]!.replace(/&#39;|&apos;/g, "'"));
      expect(headings.filter((h) => !known.has(h)), design.id).toEqual([]);
    }
  });
});

/** Designs made outside the generator (test/designs/outside/make.mjs) say so in design.json (`"outside": true`): not rendered by renderDesign, so exempt here. */
const generatedDesigns = listFixtures(join(FIXTURES, 'designs'))
  .filter((d) => (JSON.parse(readFileSync(join(d.dir, 'design.json'), 'utf8')) as { outside?: boolean }).outside !== true);

describe.each(generatedDesigns.map((d) => [d.name, d] as const))('committed design %s', (_, design) => {
  it('is what the generator renders from its design.json and expected pages', () => {
    const saved = JSON.parse(readFileSync(join(design.dir, 'design.json'), 'utf8')) as { content: string; choices: Record<string, unknown> };
    const doc = JSON.parse(readFileSync(join(FIXTURES, saved.content, 'expected.json'), 'utf8')) as BrochureDocument;
    const pages = new Map(design.expected.projets.map((p) => [p.numero, p.page!]));
    expect(renderDesign(doc, saved.choices, pages) === readFileSync(join(design.dir, 'source.html'), 'utf8'), 'source.html is stale: regenerate the design').toBe(true);
    const { source: _source, diagnostics: _diagnostics, ...content } = design.expected;
    const strip = (d: Omit<BrochureDocument, 'source' | 'diagnostics'>) => ({ ...d, projets: d.projets.map((p) => ({ ...p, page: 0, pages: null })) });
    const { source: _s, diagnostics: _d, ...original } = doc;
    expect(strip(content), 'expected.json differs from the content beyond pages and source').toEqual(strip(original));
  });
});
