/**
 * The database schema, as an ordered list of migrations. `PRAGMA user_version` holds the number
 * of migrations applied; opening a database applies the missing ones, each in its own
 * transaction. A migration, once released, is never edited: a change is a new migration, so a
 * database written by any earlier version can be brought up to date (see test/dataset-migrations).
 * docs/dataset.md documents every table and view.
 */
import type Database from 'better-sqlite3';
import { indexAllProjects } from './search.js';

/** One step of the schema: the SQL that takes a database from `version - 1` to `version`. */
export interface Migration {
  readonly version: number;
  /** What the step adds, for the changelog in docs/dataset.md. */
  readonly summary: string;
  readonly sql: string;
  /** Fills what the SQL created from the rows already there, when SQL alone cannot (French stems). */
  readonly populate?: (db: Database.Database) => void;
}

/** Version 1: the tables (everything the contract document holds, plus identities). */
const V1 = `
CREATE TABLE editions (
  id                INTEGER PRIMARY KEY,
  key               TEXT NOT NULL UNIQUE,          -- "2019-2020", from anneeDebut-anneeFin
  edition           TEXT NOT NULL,                 -- as printed, "2019 / 2020"
  annee_debut       INTEGER NOT NULL,
  annee_fin         INTEGER NOT NULL,
  titre             TEXT NOT NULL,
  date_publication  TEXT,
  schema_version    TEXT NOT NULL,                 -- schemaVersion of the ingested document
  source_file       TEXT NOT NULL,
  source_sha256     TEXT NOT NULL,
  source_format     TEXT NOT NULL CHECK (source_format IN ('pdf', 'text')),
  source_page_count INTEGER,
  input_file        TEXT NOT NULL,                 -- the file given to ingest (brochure or document JSON)
  input_sha256      TEXT NOT NULL,                 -- its sha256: the same file again changes nothing
  ingested_at       TEXT NOT NULL                  -- ISO 8601, UTC
);

CREATE TABLE sections (
  id         INTEGER PRIMARY KEY,
  edition_id INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  titre      TEXT NOT NULL,
  UNIQUE (edition_id, position)
);

CREATE TABLE section_projects (
  section_id INTEGER NOT NULL REFERENCES sections(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  numero     INTEGER NOT NULL,                     -- as listed by the sommaire (the project may be missing)
  PRIMARY KEY (section_id, position)
);

CREATE TABLE collectivites (
  id            TEXT PRIMARY KEY,                  -- "C" + hash of nom_normalise: the same every year
  nom_normalise TEXT NOT NULL UNIQUE,
  nom           TEXT NOT NULL                      -- printed form of the first edition that named it
);

CREATE TABLE collectivite_names (
  collectivite_id TEXT NOT NULL REFERENCES collectivites(id) ON DELETE CASCADE,
  edition_id      INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  nom             TEXT NOT NULL,                   -- as printed in that edition
  PRIMARY KEY (collectivite_id, edition_id, nom)
);

CREATE TABLE people (
  id            TEXT PRIMARY KEY,                  -- "P" + hash of the first strong evidence: the same every year
  prenom        TEXT NOT NULL,
  nom           TEXT NOT NULL,
  nom_normalise TEXT NOT NULL                      -- "prenom nom", lower case, no accents or hyphens
);

-- The strong evidence each person was linked on: "email:…", "name:…|collectivite:…", "name:…|promotion:…".
CREATE TABLE person_keys (
  key        TEXT NOT NULL,
  person_id  TEXT NOT NULL REFERENCES people(id) ON DELETE CASCADE,
  edition_id INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  PRIMARY KEY (key, edition_id)
);

CREATE TABLE projects (
  id               INTEGER PRIMARY KEY,
  edition_id       INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  position         INTEGER NOT NULL,               -- order in the brochure
  project_key      TEXT NOT NULL,                  -- the contract's id, "2019-01"
  numero           INTEGER NOT NULL,
  section          TEXT NOT NULL,                  -- as the document gives it
  section_id       INTEGER REFERENCES sections(id) ON DELETE SET NULL,
  titre            TEXT NOT NULL,
  collectivite     TEXT NOT NULL,                  -- as printed
  collectivite_id  TEXT NOT NULL REFERENCES collectivites(id),
  page             INTEGER,
  has_pages        INTEGER NOT NULL,               -- 1 when the document has a "pages" key (object or null)
  pages_debut      INTEGER,
  pages_fin        INTEGER,
  contexte         TEXT,
  problematique    TEXT,
  cles_pour_agir   TEXT,
  temoignage       TEXT,
  has_encadres     INTEGER NOT NULL,               -- 1 when the document has an "encadres" key
  UNIQUE (edition_id, position)
);

CREATE TABLE authorships (
  project_id   INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  person_id    TEXT NOT NULL REFERENCES people(id),
  prenom       TEXT NOT NULL,                      -- as printed in this project
  nom          TEXT NOT NULL,
  email        TEXT,
  corps        TEXT CHECK (corps IN ('administrateur', 'ingenieur-en-chef', 'conservateur')),
  promotion    TEXT,
  PRIMARY KEY (project_id, position)
);

CREATE TABLE tutorships (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  person_id  TEXT NOT NULL REFERENCES people(id),
  prenom     TEXT NOT NULL,
  nom        TEXT NOT NULL,
  fonction   TEXT,
  PRIMARY KEY (project_id, position)
);

CREATE TABLE key_figures (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  valeur     TEXT NOT NULL,
  nombre     REAL,
  libelle    TEXT NOT NULL,
  PRIMARY KEY (project_id, position)
);

CREATE TABLE project_references (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  texte      TEXT NOT NULL,
  url        TEXT,
  PRIMARY KEY (project_id, position)
);

CREATE TABLE boxes (
  project_id INTEGER NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  titre      TEXT,
  texte      TEXT NOT NULL,
  PRIMARY KEY (project_id, position)
);

CREATE TABLE promotions (
  id         INTEGER PRIMARY KEY,
  edition_id INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  nom        TEXT NOT NULL,
  UNIQUE (edition_id, position)
);

CREATE TABLE promotion_members (
  promotion_id INTEGER NOT NULL REFERENCES promotions(id) ON DELETE CASCADE,
  position     INTEGER NOT NULL,
  person_id    TEXT NOT NULL REFERENCES people(id),
  prenom       TEXT NOT NULL,
  nom          TEXT NOT NULL,
  PRIMARY KEY (promotion_id, position)
);

-- The document's own diagnostics, as the pipeline reported them.
CREATE TABLE diagnostics (
  edition_id INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE,
  position   INTEGER NOT NULL,
  code       TEXT NOT NULL,
  severity   TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
  projet     INTEGER,                              -- project number (numero); NULL when it belongs to none
  page       INTEGER,                              -- PDF page; NULL for text input or when unknown
  message    TEXT NOT NULL,
  PRIMARY KEY (edition_id, position)
);

CREATE INDEX projects_edition ON projects(edition_id, numero);
CREATE INDEX projects_key ON projects(project_key);
CREATE INDEX projects_collectivite ON projects(collectivite_id);
CREATE INDEX projects_section ON projects(section_id);
CREATE INDEX collectivite_names_edition ON collectivite_names(edition_id);
CREATE INDEX people_name ON people(nom_normalise);
CREATE INDEX person_keys_person ON person_keys(person_id);
CREATE INDEX person_keys_edition ON person_keys(edition_id);
CREATE INDEX authorships_person ON authorships(person_id);
CREATE INDEX authorships_email ON authorships(email);
CREATE INDEX authorships_promotion ON authorships(promotion, corps);
CREATE INDEX tutorships_person ON tutorships(person_id);
CREATE INDEX promotions_nom ON promotions(nom);
CREATE INDEX promotion_members_person ON promotion_members(person_id);
CREATE INDEX diagnostics_code ON diagnostics(code);
CREATE INDEX sections_edition ON sections(edition_id);
`;

/** Version 2: identity candidates, the full-text index and the views that answer the usual questions. */
const V2 = `
-- Findings of the dataset itself (not of one brochure): IDENTITY_CANDIDATE, two people who may be one.
CREATE TABLE dataset_diagnostics (
  id              INTEGER PRIMARY KEY,
  edition_id      INTEGER NOT NULL REFERENCES editions(id) ON DELETE CASCADE, -- the edition whose ingest found it
  code            TEXT NOT NULL,
  severity        TEXT NOT NULL CHECK (severity IN ('info', 'warning', 'error')),
  person_id       TEXT REFERENCES people(id) ON DELETE CASCADE,
  other_person_id TEXT REFERENCES people(id) ON DELETE CASCADE,
  score           REAL,                            -- Jaro-Winkler similarity of the normalised names
  message         TEXT NOT NULL
);
CREATE INDEX dataset_diagnostics_edition ON dataset_diagnostics(edition_id);
CREATE INDEX dataset_diagnostics_people ON dataset_diagnostics(person_id, other_person_id);

-- Full text over titles and rubriques; an external-content table kept in step by triggers.
CREATE VIRTUAL TABLE projects_fts USING fts5(
  titre, contexte, problematique, cles_pour_agir, temoignage,
  content = 'projects', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO projects_fts(projects_fts) VALUES ('rebuild');
CREATE TRIGGER projects_fts_insert AFTER INSERT ON projects BEGIN
  INSERT INTO projects_fts(rowid, titre, contexte, problematique, cles_pour_agir, temoignage)
  VALUES (new.id, new.titre, new.contexte, new.problematique, new.cles_pour_agir, new.temoignage);
END;
CREATE TRIGGER projects_fts_delete AFTER DELETE ON projects BEGIN
  INSERT INTO projects_fts(projects_fts, rowid, titre, contexte, problematique, cles_pour_agir, temoignage)
  VALUES ('delete', old.id, old.titre, old.contexte, old.problematique, old.cles_pour_agir, old.temoignage);
END;
CREATE TRIGGER projects_fts_update AFTER UPDATE ON projects BEGIN
  INSERT INTO projects_fts(projects_fts, rowid, titre, contexte, problematique, cles_pour_agir, temoignage)
  VALUES ('delete', old.id, old.titre, old.contexte, old.problematique, old.cles_pour_agir, old.temoignage);
  INSERT INTO projects_fts(rowid, titre, contexte, problematique, cles_pour_agir, temoignage)
  VALUES (new.id, new.titre, new.contexte, new.problematique, new.cles_pour_agir, new.temoignage);
END;

-- One row per project with its edition and collectivité.
CREATE VIEW project_overview AS
SELECT p.id AS project_id, e.key AS edition, e.annee_debut, p.project_key, p.numero, p.section, p.titre,
       p.collectivite_id, c.nom AS collectivite_nom, p.collectivite AS collectivite_imprimee, p.page,
       (SELECT count(*) FROM authorships a WHERE a.project_id = p.id) AS auteurs,
       (SELECT count(*) FROM tutorships t WHERE t.project_id = p.id) AS tuteurs
FROM projects p JOIN editions e ON e.id = p.edition_id JOIN collectivites c ON c.id = p.collectivite_id;

-- Which collectivités hosted projects, year after year.
CREATE VIEW collectivite_years AS
SELECT c.id AS collectivite_id, c.nom, count(DISTINCT p.edition_id) AS editions, count(*) AS projets,
       min(e.annee_debut) AS premiere_annee, max(e.annee_debut) AS derniere_annee,
       group_concat(DISTINCT e.key) AS liste_editions
FROM collectivites c JOIN projects p ON p.collectivite_id = c.id JOIN editions e ON e.id = p.edition_id
GROUP BY c.id;

-- Who tutored: one row per tutorship.
CREATE VIEW tutors AS
SELECT t.person_id, pe.prenom, pe.nom, t.fonction, e.key AS edition, e.annee_debut, p.project_key, p.titre,
       p.collectivite_id, c.nom AS collectivite
FROM tutorships t JOIN people pe ON pe.id = t.person_id JOIN projects p ON p.id = t.project_id
JOIN editions e ON e.id = p.edition_id JOIN collectivites c ON c.id = p.collectivite_id;

-- How many students of each corps and promotion, per edition (authors; a student counts once).
CREATE VIEW students_by_corps_promotion AS
SELECT e.key AS edition, a.promotion, a.corps, count(DISTINCT a.person_id) AS etudiants
FROM authorships a JOIN projects p ON p.id = a.project_id JOIN editions e ON e.id = p.edition_id
GROUP BY e.id, a.promotion, a.corps;

-- Every role a person held, every year: author, tutor, roster member.
CREATE VIEW person_roles AS
SELECT a.person_id, 'auteur' AS role, e.key AS edition, e.annee_debut, p.project_key, p.collectivite_id, a.promotion, a.corps, NULL AS fonction
FROM authorships a JOIN projects p ON p.id = a.project_id JOIN editions e ON e.id = p.edition_id
UNION ALL
SELECT t.person_id, 'tuteur', e.key, e.annee_debut, p.project_key, p.collectivite_id, NULL, NULL, t.fonction
FROM tutorships t JOIN projects p ON p.id = t.project_id JOIN editions e ON e.id = p.edition_id
UNION ALL
SELECT m.person_id, 'promotion', e.key, e.annee_debut, NULL, NULL, pr.nom, NULL, NULL
FROM promotion_members m JOIN promotions pr ON pr.id = m.promotion_id JOIN editions e ON e.id = pr.edition_id;
`;

/**
 * Version 3: a search index with French stems over everything a project prints, and the editions
 * of `collectivite_years` listed in order. (A view cannot be altered, only replaced.)
 */
const V3 = `
-- One row per project: its text as French stems (natural's PorterStemmerFr), filled by brochure-extract
-- (src/dataset/search.ts), so 'usager' finds 'usagers'. Query it with 'brochure-extract search WORDS'.
CREATE VIRTUAL TABLE search_fts USING fts5(
  project_id UNINDEXED, titre, collectivite, rubriques, chiffres, encadres, aller_plus_loin, personnes,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER search_fts_delete AFTER DELETE ON projects BEGIN
  DELETE FROM search_fts WHERE project_id = old.id;
END;

DROP VIEW collectivite_years;
CREATE VIEW collectivite_years AS
SELECT c.id AS collectivite_id, c.nom, count(DISTINCT p.edition_id) AS editions, count(*) AS projets,
       min(e.annee_debut) AS premiere_annee, max(e.annee_debut) AS derniere_annee,
       (SELECT group_concat(k.key) FROM (SELECT DISTINCT e2.key FROM projects p2 JOIN editions e2 ON e2.id = p2.edition_id
                                         WHERE p2.collectivite_id = c.id ORDER BY e2.annee_debut, e2.key) k) AS liste_editions
FROM collectivites c JOIN projects p ON p.collectivite_id = c.id JOIN editions e ON e.id = p.edition_id
GROUP BY c.id;
`;

/** Every migration, in order; the last one's version is the current schema. */
export const MIGRATIONS: readonly Migration[] = [
  { version: 1, summary: 'editions, sections, projects, collectivités, people and their roles, figures, references, boxes, promotions, diagnostics', sql: V1 },
  { version: 2, summary: 'dataset_diagnostics (IDENTITY_CANDIDATE), projects_fts (FTS5), views project_overview, collectivite_years, tutors, students_by_corps_promotion, person_roles', sql: V2 },
  { version: 3, summary: 'search_fts (French stems of titles, rubriques, key figures, boxes, references, people), collectivite_years.liste_editions in order', sql: V3, populate: indexAllProjects },
];

/** The schema version this code writes (`PRAGMA user_version`). */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)!.version;
