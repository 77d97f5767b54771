/**
 * Full-text search with French stems. Each project is indexed as one row of `search_fts`: its
 * title, collectivité, rubriques, key figures, boxes, references and people, every word reduced
 * to its stem by natural's French Porter stemmer (« usagers » and « usager » are one stem). A query
 * is plain words, stemmed the same way and quoted, so that no input is read as FTS5 syntax
 * (`covid-19`, `"`, `AND`, `*` are words, not operators).
 */
import PorterStemmerFr from 'natural/lib/natural/stemmers/porter_stemmer_fr.js';
import type Database from 'better-sqlite3';
import { latin } from '../alphabet.js';

/** What the index keeps of a project, column by column (the columns of `search_fts`). */
const INDEXED_TEXT = {
  titre: 'SELECT titre FROM projects WHERE id = @id',
  collectivite: 'SELECT collectivite FROM projects WHERE id = @id',
  rubriques: "SELECT concat_ws(' ', contexte, problematique, cles_pour_agir, temoignage) FROM projects WHERE id = @id",
  chiffres: "SELECT concat_ws(' ', valeur, libelle) FROM key_figures WHERE project_id = @id ORDER BY position",
  encadres: "SELECT concat_ws(' ', titre, texte) FROM boxes WHERE project_id = @id ORDER BY position",
  aller_plus_loin: "SELECT concat_ws(' ', texte, url) FROM project_references WHERE project_id = @id ORDER BY position",
  personnes: `SELECT concat_ws(' ', prenom, nom, email, corps, promotion) FROM authorships WHERE project_id = @id
              UNION ALL SELECT concat_ws(' ', prenom, nom, fonction) FROM tutorships WHERE project_id = @id`,
} as const;

/** A word: letters and digits (a hyphen, an apostrophe or a dot separates words, as the FTS5 tokenizer does). */
const WORD = latin('gu')`[\p{L}\p{N}]+`;

/**
 * A plural « s » (after three letters at least), dropped before stemming: natural's French stemmer
 * gives « usager » -> « usag » but « usagers » -> « usager », so the plural would not find the singular.
 */
const PLURAL_S = latin('u')`(?<=\p{L}{3})s$`;

/** At most this many results by default (the CLI's `--limit`). */
export const DEFAULT_SEARCH_LIMIT = 20;

/**
 * The stems of a text's words.
 * @param text Any text.
 * @returns Lower-case stems in order (accents kept: the index's tokenizer folds them).
 */
export function stems(text: string): string[] {
  return (text.toLowerCase().match(WORD) ?? []).map((word) => PorterStemmerFr.stem(word.replace(PLURAL_S, '')));
}

/**
 * (Re)indexes one project from what the database holds for it.
 * @param db The dataset.
 * @param projectId `projects.id`.
 */
export function indexProject(db: Database.Database, projectId: number): void {
  const columns = Object.keys(INDEXED_TEXT);
  const texts = Object.values(INDEXED_TEXT).map((sql) => (db.prepare(sql).pluck().all({ id: projectId }) as (string | null)[]).join(' '));
  db.prepare('DELETE FROM search_fts WHERE project_id = ?').run(projectId);
  db.prepare(`INSERT INTO search_fts (project_id, ${columns.join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`).run(projectId, ...texts.map((text) => stems(text).join(' ')));
}

/**
 * Indexes every project (the migration that creates the index fills it with this).
 * @param db The dataset.
 */
export function indexAllProjects(db: Database.Database): void {
  for (const id of db.prepare('SELECT id FROM projects ORDER BY id').pluck().all() as number[]) indexProject(db, id);
}

/**
 * The FTS5 query for plain words: each word stemmed and quoted, a hyphenated or dotted word a
 * phrase (`covid-19` is `"covid 19"`), all of them required.
 * @param words The words as typed.
 * @returns The MATCH expression, or '' when the words hold no letter or digit.
 */
export function searchQuery(words: readonly string[]): string {
  return words
    .flatMap((word) => word.split(/\s+/))
    .map((word) => stems(word))
    .filter((phrase) => phrase.length > 0)
    .map((phrase) => `"${phrase.join(' ').replace(/"/g, '""')}"`)
    .join(' ');
}

/** One project a search found. */
export interface SearchHit {
  readonly edition: string;
  readonly project_key: string;
  readonly titre: string;
  readonly collectivite: string;
}

/**
 * Projects holding every word (in any form the stemmer reduces to the same stem), best first.
 * @param db The dataset.
 * @param words Plain words.
 * @param options `edition`: only this edition; `limit`: at most this many.
 * @returns The projects, by relevance (FTS5's bm25).
 */
export function searchProjects(db: Database.Database, words: readonly string[], options: { edition?: string; limit?: number } = {}): SearchHit[] {
  const query = searchQuery(words);
  if (query === '') return [];
  return db
    .prepare(
      `SELECT e.key AS edition, p.project_key, p.titre, p.collectivite
       FROM search_fts s JOIN projects p ON p.id = s.project_id JOIN editions e ON e.id = p.edition_id
       WHERE search_fts MATCH @query AND (@edition IS NULL OR e.key = @edition)
       ORDER BY s.rank, e.annee_debut, p.position LIMIT @limit`,
    )
    .all({ query, edition: options.edition ?? null, limit: options.limit ?? DEFAULT_SEARCH_LIMIT }) as SearchHit[];
}
