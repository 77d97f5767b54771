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
import { drawDesigns } from './designs/generate.mjs';
import { renderDesign, sentenceCase, textHtml } from './designs/render.mjs';
import { ALL_HEADINGS, AXES, FORM_AXES } from './designs/variations.mjs';
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
    for (const [axis, { values }] of Object.entries(FORM_AXES)) for (const value of values) expect(designs.some((d) => d[axis] === value), `${axis}=${value}`).toBe(true);
    for (const d of designs) {
      if (d.columns === 3) expect(d.sidebar, d.id).toBe('none');
      if (d.headingPosition === 'margin') expect(d.columns === 1 && d.sidebar !== 'left', d.id).toBe(true);
      if (d.teamPosition === 'sidebar') expect(d.sidebar, d.id).not.toBe('none');
    }
  });
});

describe('form axes', () => {
  it('leave the layout a seed draws unchanged (the designs committed before them are still drawn from their seed)', () => {
    const layout = (d: Record<string, unknown>) => Object.fromEntries(Object.entries(d).filter(([k]) => !(k in FORM_AXES)));
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
          need('author', design.nameOrder === 'last-first' ? `${a.nom} ${a.prenom}` : `${a.prenom} ${a.nom}`);
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
