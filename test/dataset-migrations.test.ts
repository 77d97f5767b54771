/**
 * The database schema version (`PRAGMA user_version`) and its migrations: a database written by
 * the previous version is upgraded in place, its data kept and reachable by the new parts.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../src/dataset/database.js';
import { readEditionDocument } from '../src/dataset/document.js';
import { normalisePersonName } from '../src/dataset/identities.js';
import { ingestDocument } from '../src/dataset/ingest.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../src/dataset/migrations.js';
import { searchProjects } from '../src/dataset/search.js';
import type { BrochureDocument } from '../src/types.js';

const temp = (): string => join(mkdtempSync(join(tmpdir(), 'brochure-migrate-')), 'b.sqlite');
const fixture = (name: string): BrochureDocument => JSON.parse(readFileSync(new URL(`../fixtures/dataset/${name}`, import.meta.url), 'utf8')) as BrochureDocument;

/** sha256 of each released migration: a released migration is never edited, a change is a new one. */
const RELEASED = [
  'db2a9918a1a57b9530539f1502451edd2eeca2c27494f3f63ed18217ca7b9e5a',
  '154c4362761365c8beea5499e17d9b7628380f445e10187d17ff2ae9ed5b57ee',
  'e7cfc5c688f50fe4592412cb2f6cdadaf3f1099aa9154291570e3d083b793820',
];

describe('database migrations', () => {
  it('numbers the migrations 1..n and never edits a released one', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    MIGRATIONS.slice(0, RELEASED.length).forEach((migration, i) => {
      expect(createHash('sha256').update(migration.sql).digest('hex'), `migration ${migration.version}`).toBe(RELEASED[i]);
    });
  });

  it('upgrades a database written by the previous version, keeping its data', () => {
    const file = temp();
    // The previous version's code: only the migrations it knew, then its ingest (the tables of v1 only).
    const old = openDataset(file, { migrations: MIGRATIONS.slice(0, -1) });
    expect(old.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION - 1);
    const before = fixture('edition-2040.json');
    writeV1Edition(old, before);
    old.close();

    const db = openDataset(file);
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      expect(readEditionDocument(db, '2040-2041')).toStrictEqual(before);
      // What version 2 added works on the old rows: full text, views, candidates on the next ingest.
      expect(db.prepare("SELECT count(*) FROM projects_fts WHERE projects_fts MATCH 'guichet'").pluck().get()).toBe(1);
      expect(db.prepare('SELECT nom, editions FROM collectivite_years ORDER BY nom').all()).toHaveLength(2);
      // What version 3 added: the French-stem search index, filled from the rows already there.
      expect(searchProjects(db, ['guichets']).map((hit) => hit.project_key)).toEqual(['2040-01']);
      expect(searchProjects(db, ['fréquentation']).map((hit) => hit.project_key).sort()).toEqual(['2040-01', '2040-02']);
      // The v1 rows above carry no evidence keys, so the same names only give candidates (score 1), never merges.
      expect(ingestDocument(db, fixture('edition-2041.json'), { file: 'b', sha256: 'b' }).candidates).toBeGreaterThan(0);
      expect(db.prepare("SELECT count(*) FROM dataset_diagnostics WHERE message LIKE '%Hélène DURAND%'").pluck().get()).toBe(1);
      expect(db.prepare("SELECT count(*) FROM projects_fts WHERE projects_fts MATCH 'mediatheque'").pluck().get()).toBe(1);
    } finally {
      db.close();
    }
  });

  it('refuses a database written by a newer version, and an SQLite file of something else', () => {
    const newer = temp();
    const raw = new Database(newer);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => openDataset(newer)).toThrow(/newer brochure-extract/);

    const other = temp();
    const foreign = new Database(other);
    foreign.exec('CREATE TABLE t (x)');
    foreign.close();
    expect(() => openDataset(other)).toThrow(/of something else/);

    const notSqlite = temp();
    writeFileSync(notSqlite, 'not a database at all, but long enough to have a header'.repeat(4));
    expect(() => openDataset(notSqlite)).toThrow(/is not a brochure-extract database/);
  });
});

/**
 * Writes an edition into a version-1 database the way version 1 did: plain inserts into its
 * tables (this code's ingest would also write the parts version 2 added).
 */
function writeV1Edition(db: Database.Database, document: BrochureDocument): void {
  db.transaction(() => {
    const { brochure, source } = document;
    const edition = Number(
      db
        .prepare(`INSERT INTO editions (key, edition, annee_debut, annee_fin, titre, date_publication, schema_version, source_file, source_sha256, source_format,
          source_page_count, input_file, input_sha256, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run('2040-2041', brochure.edition, brochure.anneeDebut, brochure.anneeFin, brochure.titre, brochure.datePublication, document.schemaVersion, source.file,
          source.sha256, source.format, source.pageCount, 'v1.json', 'v1', '2040-12-01T00:00:00Z').lastInsertRowid,
    );
    document.sections.forEach((section, position) => {
      const id = db.prepare('INSERT INTO sections (edition_id, position, titre) VALUES (?, ?, ?)').run(edition, position, section.titre).lastInsertRowid;
      section.projets.forEach((numero, index) => db.prepare('INSERT INTO section_projects VALUES (?, ?, ?)').run(id, index, numero));
    });
    let person = 0;
    const newPerson = (prenom: string, nom: string): string => {
      const id = `Pv1${person++}`;
      db.prepare('INSERT INTO people VALUES (?, ?, ?, ?)').run(id, prenom, nom, normalisePersonName(prenom, nom));
      return id;
    };
    document.promotions.forEach((promotion, position) => {
      const id = db.prepare('INSERT INTO promotions (edition_id, position, nom) VALUES (?, ?, ?)').run(edition, position, promotion.nom).lastInsertRowid;
      promotion.membres.forEach((m, index) => db.prepare('INSERT INTO promotion_members VALUES (?, ?, ?, ?, ?)').run(id, index, newPerson(m.prenom, m.nom), m.prenom, m.nom));
    });
    document.projets.forEach((p, position) => {
      const collectivite = `Cv1${position}`;
      db.prepare('INSERT INTO collectivites VALUES (?, ?, ?)').run(collectivite, p.collectivite.toUpperCase(), p.collectivite);
      const id = db
        .prepare(`INSERT INTO projects (edition_id, position, project_key, numero, section, titre, collectivite, collectivite_id, page, has_pages, pages_debut, pages_fin,
          contexte, problematique, cles_pour_agir, temoignage, has_encadres) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
        .run(edition, position, p.id, p.numero, p.section, p.titre, p.collectivite, collectivite, p.page, 'pages' in p ? 1 : 0, p.pages?.debut ?? null, p.pages?.fin ?? null,
          p.contexte, p.problematique, p.clesPourAgir, p.temoignage, p.encadres ? 1 : 0).lastInsertRowid;
      p.auteurs.forEach((a, i) => db.prepare('INSERT INTO authorships VALUES (?, ?, ?, ?, ?, ?, ?, ?)').run(id, i, newPerson(a.prenom, a.nom), a.prenom, a.nom, a.email, a.corps, a.promotion));
      p.tuteurs.forEach((t, i) => db.prepare('INSERT INTO tutorships VALUES (?, ?, ?, ?, ?, ?)').run(id, i, newPerson(t.prenom, t.nom), t.prenom, t.nom, t.fonction));
      p.chiffres.forEach((c, i) => db.prepare('INSERT INTO key_figures VALUES (?, ?, ?, ?, ?)').run(id, i, c.valeur, c.nombre, c.libelle));
      p.allerPlusLoin.forEach((r, i) => db.prepare('INSERT INTO project_references VALUES (?, ?, ?, ?)').run(id, i, r.texte, r.url));
      p.encadres?.forEach((b, i) => db.prepare('INSERT INTO boxes VALUES (?, ?, ?, ?)').run(id, i, b.titre, b.texte));
    });
    document.diagnostics.forEach((d, i) => db.prepare('INSERT INTO diagnostics VALUES (?, ?, ?, ?, ?, ?, ?)').run(edition, i, d.code, d.severity, d.projet ?? null, d.page ?? null, d.message));
  })();
}
