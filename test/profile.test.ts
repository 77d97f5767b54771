/**
 * Vocabulary as data (issue 8): the shipped profile, how a user profile extends or overrides it,
 * the one-line error for a bad one, and the README's walk-through « Next year's brochure has a new
 * design »: the synthetic brochure with two headings renamed (« RÉDACTRICES ET RÉDACTEURS » for the
 * authors, « ÉTAT DES LIEUX » for the context; test/fixtures/profile-synonym/, made with
 * test/tools/relay-synthetic.py --rename) reads exactly like the original only with the two-line
 * profile beside it. Without it the team is still read from its shape (names with the family's
 * e-mails) and both headings are reported; the context, whose meaning nothing shows, is kept as a box.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runStages } from '../src/pipeline.js';
import { SHIPPED_PROFILE, checkProfile, compileProfile, loadProfile, mergeProfile } from '../src/profile.js';
import type { BrochureDocument } from '../src/types.js';

const FIXTURE = new URL('fixtures/profile-synonym/', import.meta.url);
const expected = JSON.parse(readFileSync(new URL('../fixtures/synthetic-2031/expected.json', import.meta.url), 'utf8')) as BrochureDocument;
const bin = fileURLToPath(new URL('../bin/brochure-extract', import.meta.url));

/** The fields the walk-through is about, per project. */
function fields(document: BrochureDocument) {
  return document.projets.map((projet) => ({
    numero: projet.numero,
    titre: projet.titre,
    auteurs: projet.auteurs.map((a) => `${a.prenom} ${a.nom} ${a.email}`),
    tuteurs: projet.tuteurs.map((t) => `${t.prenom} ${t.nom}`),
    contexte: projet.contexte,
    problematique: projet.problematique,
  }));
}

describe('shipped profile', () => {
  it('is valid and knows the family words', async () => {
    await expect(checkProfile(JSON.parse(readFileSync(new URL('../profiles/inet.json', import.meta.url), 'utf8')), 'profiles/inet.json')).resolves.toBeTruthy();
    const vocabulary = compileProfile(SHIPPED_PROFILE);
    expect(vocabulary.rubriqueOf('LES AUTEURS')).toBe('auteurs');
    expect(vocabulary.rubriqueOf('L’équipe')).toBe('auteurs');
    expect(vocabulary.rubriqueOf('Rédactrices et rédacteurs')).toBeNull();
    expect(vocabulary.projectNumber.exec('PROJET 01')?.[1]).toBe('01');
    expect(vocabulary.projectNumber.exec('N° 7')?.[1]).toBe('7');
    expect(vocabulary.emailDomains.map((d) => d.corps)).toEqual(['administrateur', 'ingenieur-en-chef', 'conservateur']);
  });
});

describe('numbered rubrique headings', () => {
  it('name their rubrique whatever the numbering, a LaTeX subsection\'s « 1.3 » included', () => {
    const vocabulary = compileProfile(SHIPPED_PROFILE);
    expect(vocabulary.rubriqueOf('1. Contexte')).toBe('contexte');
    expect(vocabulary.rubriqueOf('1.3 Contexte')).toBe('contexte');
    expect(vocabulary.rubriqueOf('12.1 Les auteurs')).toBe('auteurs');
    expect(vocabulary.rubriqueOf('2.10. Problématique')).toBe('problematique');
    // A number glued to a word without a space or a separator is not a numbering.
    expect(vocabulary.rubriqueOf('1.3Contexte')).toBeNull();
  });
});

describe('user profile', () => {
  it('extends the shipped lists by default', () => {
    const merged = mergeProfile(SHIPPED_PROFILE, { rubriques: { auteurs: { headings: ['Rédactrices et rédacteurs'] } } });
    const vocabulary = compileProfile(merged);
    expect(vocabulary.rubriqueOf('RÉDACTRICES ET RÉDACTEURS')).toBe('auteurs');
    expect(vocabulary.rubriqueOf('LES AUTEURS')).toBe('auteurs');
  });
  it('replaces a list named in "replace", or everything with "extends": false', () => {
    const replaced = compileProfile(mergeProfile(SHIPPED_PROFILE, { replace: ['emailDomains'], emailDomains: [{ domain: 'exemple.fr', corps: 'conservateur' }] }));
    expect(replaced.emailDomains).toEqual([{ domain: 'exemple.fr', corps: 'conservateur' }]);
    expect(replaced.rubriqueOf('LES AUTEURS')).toBe('auteurs');
    const alone = compileProfile(mergeProfile(SHIPPED_PROFILE, { extends: false, rubriques: { contexte: { headings: ['Genèse'] } } }));
    expect(alone.rubriqueOf('GENÈSE')).toBe('contexte');
    expect(alone.rubriqueOf('LES AUTEURS')).toBeNull();
  });
  it('refuses a bad profile in one line', async () => {
    await expect(checkProfile({ rubriques: { auteur: { headings: ['X'] } } }, 'p.json')).rejects.toThrow(/^profile p\.json: \/rubriques must NOT have additional properties \(auteur\)$/);
    await expect(checkProfile({ captionPatterns: ['(unclosed'] }, 'p.json')).rejects.toThrow(/not a valid regular expression/);
    const dir = mkdtempSync(join(tmpdir(), 'profile-'));
    writeFileSync(join(dir, 'bad.json'), '{ "rubriques": ');
    await expect(loadProfile(join(dir, 'bad.json'))).rejects.toThrow(/^profile .*bad\.json: not JSON/);
    let stderr = '';
    let status = 0;
    try {
      execFileSync(process.execPath, [bin, 'extract', fileURLToPath(new URL('input.txt', FIXTURE)), '--profile', join(dir, 'bad.json'), '--out', join(dir, 'out.json')], { stdio: 'pipe' });
    } catch (error) {
      ({ status } = error as { status: number });
      stderr = String((error as { stderr: Buffer }).stderr);
    }
    expect(status).toBe(64);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe.each(['input.pdf', 'input.txt'])('README walk-through: renamed headings, %s', (input) => {
  const bytes = new Uint8Array(readFileSync(new URL(input, FIXTURE)));
  it('without the profile: the team is read from its shape, both headings reported, the context kept as a box', async () => {
    const { document } = await runStages(bytes, { fileName: input });
    const unknown = document.diagnostics.filter((d) => d.code === 'RUBRIQUE_HEADING_UNKNOWN');
    expect(unknown.filter((d) => d.message.includes('« RÉDACTRICES ET RÉDACTEURS »'))).toHaveLength(4);
    expect(unknown.filter((d) => d.message.includes('« ÉTAT DES LIEUX »'))).toHaveLength(4);
    expect(unknown.every((d) => d.severity === 'info')).toBe(true);
    expect(document.projets.map((p) => p.contexte)).toEqual([null, null, null, null]);
    // Nothing is lost: the context's text is in a box under its printed heading.
    expect(document.projets[0]!.encadres?.some((box) => box.titre === 'ÉTAT DES LIEUX' && box.texte.startsWith(expected.projets[0]!.contexte!.slice(0, 40)))).toBe(true);
    expect(fields(document).map((p) => p.auteurs)).toEqual(fields(expected).map((p) => p.auteurs));
  });
  it('with the two-line profile: read as the original design', async () => {
    const profile = await loadProfile(fileURLToPath(new URL('profile.json', FIXTURE)));
    const { document } = await runStages(bytes, { fileName: input, profile });
    expect(document.diagnostics.filter((d) => d.code === 'RUBRIQUE_HEADING_UNKNOWN')).toEqual([]);
    expect(fields(document)).toEqual(fields(expected));
  });
});
