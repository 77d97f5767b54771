/**
 * Ingest: one validated document into the dataset, inside one IMMEDIATE transaction (all of the
 * edition or nothing; a second writer waits on the busy timeout). The same input file again
 * changes nothing; another file for an edition already there is refused unless `replace`, which
 * swaps the edition in the same transaction and reports which projects changed.
 */
import { writeFileSync } from 'node:fs';
import { BrochureError } from '../errors.js';
import type { BrochureDocument, Projet } from '../types.js';
import type { Dataset } from './database.js';
import { readEditionDocument } from './document.js';
import { indexProject } from './search.js';
import {
  CANDIDATE_THRESHOLD,
  collectiviteId,
  emailsIn,

  nameSimilarity,
  normaliseCollectivite,
  normalisePersonName,
  personIdFor,
  personKeys,
  type Mention,
} from './identities.js';

/** The file an ingested document came from. */
export interface IngestInput {
  /** Path as given on the command line. */
  readonly file: string;
  /** sha256 of the file's bytes (brochure or document JSON). */
  readonly sha256: string;
}

/** What a replacement changed, by project number. */
export interface EditionChanges {
  readonly added: number[];
  readonly removed: number[];
  /** Changed projects, with the contract fields that differ. */
  readonly changed: { numero: number; fields: string[] }[];
  /** Document-level parts that differ (source, brochure, sections, promotions, diagnostics). */
  readonly other: string[];
}

/** The outcome of one ingest. */
export interface IngestResult {
  /** Edition key, "2019-2020". */
  readonly edition: string;
  /** `added`: new edition; `unchanged`: the same file was already in; `replaced`: `replace` swapped it. */
  readonly status: 'added' | 'unchanged' | 'replaced';
  /** For `replaced`: what changed. */
  readonly changes?: EditionChanges;
  readonly projects: number;
  /** IDENTITY_CANDIDATE findings added by this ingest. */
  readonly candidates: number;
}

/** Environment variable of the test-only hook: when set, ingest writes this file then stops, mid-transaction. */
export const PAUSE_HOOK = 'BROCHURE_EXTRACT_TEST_PAUSE_IN_INGEST';

/**
 * Adds one edition to the dataset.
 * @param db The open dataset.
 * @param document A validated contract document.
 * @param input The file it came from.
 * @param options `replace`: swap an edition already there for this one.
 * @returns What was done.
 * @throws {BrochureError} `EDITION_EXISTS` when another file's edition is there and `replace` is not set.
 * @throws {BrochureError} `EDITION_NOT_FOUND` for a document without edition (`assertDated`).
 */
export function ingestDocument(db: Dataset, document: BrochureDocument, input: IngestInput, options: { replace?: boolean } = {}): IngestResult {
  const key = editionKey(document);
  return db.transaction((): IngestResult => {
    const existing = db.prepare('SELECT id, input_file, input_sha256 FROM editions WHERE key = ?').get(key) as { id: number; input_file: string; input_sha256: string } | undefined;
    if (existing && existing.input_sha256 === input.sha256) {
      return { edition: key, status: 'unchanged', projects: document.projets.length, candidates: 0 };
    }
    let changes: EditionChanges | undefined;
    if (existing) {
      if (!options.replace) {
        throw new BrochureError('EDITION_EXISTS', `edition ${key} is already in the database (from '${existing.input_file}'); pass --replace to replace it with '${input.file}'`);
      }
      changes = compareDocuments(readEditionDocument(db, key)!, document);
      removeEdition(db, existing.id);
    }
    const { editionId, conflicts } = insertEdition(db, document, input, key);
    const candidates = findCandidates(db, editionId, conflicts);
    return { edition: key, status: existing ? 'replaced' : 'added', ...(changes ? { changes } : {}), projects: document.projets.length, candidates };
  }).immediate();
}

/**
 * The edition an input file was ingested as, if it was: checked before the pipeline runs, so that
 * the same file again says « unchanged » at once.
 * @param db The dataset.
 * @param sha256 The sha256 of the input file's bytes.
 * @returns The edition key, or undefined when no edition came from these bytes.
 */
export function editionFromInput(db: Dataset, sha256: string): string | undefined {
  return db.prepare('SELECT key FROM editions WHERE input_sha256 = ?').pluck().get(sha256) as string | undefined;
}

/**
 * The key of a document's edition.
 * @param document The document.
 * @returns "2019-2020".
 * @throws {BrochureError} `EDITION_NOT_FOUND` for a document without edition (see `assertDated`).
 */
export function editionKey(document: BrochureDocument): string {
  const { anneeDebut, anneeFin } = assertDated(document);
  return `${anneeDebut}-${anneeFin}`;
}

/**
 * Refuses a document without edition, whatever else is allowed (`--allow-partial`, `--replace`):
 * the edition is the dataset's key, and a key made up for it would stand for an edition unknown.
 * @param document The document.
 * @returns Its years.
 * @throws {BrochureError} `EDITION_NOT_FOUND` (exit 3) when the brochure printed none and none was given.
 */
export function assertDated(document: BrochureDocument): { anneeDebut: number; anneeFin: number } {
  const { anneeDebut, anneeFin } = document.brochure;
  if (anneeDebut === null || anneeFin === null) {
    throw new BrochureError('EDITION_NOT_FOUND', 'no edition (« YYYY / YYYY ») is printed on the cover or in the colophon: not ingested, even with --allow-partial, as the edition is the dataset\'s key; give it with --edition YYYY-YYYY (to ingest the brochure, or to extract it again)');
  }
  return { anneeDebut, anneeFin };
}

function insertEdition(db: Dataset, document: BrochureDocument, input: IngestInput, key: string): { editionId: number; conflicts: [string, string][] } {
  const { brochure, source } = document;
  const editionId = Number(
    db
      .prepare(
        `INSERT INTO editions (key, edition, annee_debut, annee_fin, titre, date_publication, schema_version, source_file, source_sha256,
           source_format, source_page_count, input_file, input_sha256, ingested_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(key, brochure.edition, brochure.anneeDebut, brochure.anneeFin, brochure.titre, brochure.datePublication, document.schemaVersion,
        source.file, source.sha256, source.format, source.pageCount, input.file, input.sha256, new Date().toISOString()).lastInsertRowid,
  );
  const conflicts: [string, string][] = [];
  const link = personLinker(db, editionId, conflicts);

  const sectionIds = new Map<string, number>();
  const insertSection = db.prepare('INSERT INTO sections (edition_id, position, titre) VALUES (?, ?, ?)');
  const insertSectionProject = db.prepare('INSERT INTO section_projects (section_id, position, numero) VALUES (?, ?, ?)');
  document.sections.forEach((section, position) => {
    const id = Number(insertSection.run(editionId, position, section.titre).lastInsertRowid);
    if (!sectionIds.has(section.titre)) sectionIds.set(section.titre, id);
    section.projets.forEach((numero, index) => insertSectionProject.run(id, index, numero));
  });

  const insertProject = prepareProjectInserts(db);
  document.projets.forEach((projet, position) => {
    insertProject(editionId, position, projet, sectionIds.get(projet.section) ?? null, link);
    if (position === 0) pauseForTests();
  });

  // Roster members after the authors: a member links to the author of the same name and promotion,
  // whose e-mail is the stronger evidence (and mints the id), whatever order editions come in.
  const insertPromotion = db.prepare('INSERT INTO promotions (edition_id, position, nom) VALUES (?, ?, ?)');
  const insertMember = db.prepare('INSERT INTO promotion_members (promotion_id, position, person_id, prenom, nom) VALUES (?, ?, ?, ?, ?)');
  document.promotions.forEach((promotion, position) => {
    const id = Number(insertPromotion.run(editionId, position, promotion.nom).lastInsertRowid);
    promotion.membres.forEach((membre, index) => {
      insertMember.run(id, index, link({ prenom: membre.prenom, nom: membre.nom, emails: [], promotion: promotion.nom }), membre.prenom, membre.nom);
    });
  });

  const insertDiagnostic = db.prepare('INSERT INTO diagnostics (edition_id, position, code, severity, projet, page, message) VALUES (?, ?, ?, ?, ?, ?, ?)');
  document.diagnostics.forEach((d, position) => insertDiagnostic.run(editionId, position, d.code, d.severity, d.projet ?? null, d.page ?? null, d.message));
  return { editionId, conflicts };
}

/** Prepares the inserts of one project and its people, figures, references and boxes. */
function prepareProjectInserts(db: Dataset) {
  const insertCollectivite = db.prepare('INSERT OR IGNORE INTO collectivites (id, nom_normalise, nom) VALUES (?, ?, ?)');
  const insertCollectiviteName = db.prepare('INSERT OR IGNORE INTO collectivite_names (collectivite_id, edition_id, nom) VALUES (?, ?, ?)');
  const insertProject = db.prepare(
    `INSERT INTO projects (edition_id, position, project_key, numero, section, section_id, titre, collectivite, collectivite_id, page,
       has_pages, pages_debut, pages_fin, contexte, problematique, cles_pour_agir, temoignage, has_encadres)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertAuthor = db.prepare('INSERT INTO authorships (project_id, position, person_id, prenom, nom, email, corps, promotion) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const insertTutor = db.prepare('INSERT INTO tutorships (project_id, position, person_id, prenom, nom, fonction) VALUES (?, ?, ?, ?, ?, ?)');
  const insertFigure = db.prepare('INSERT INTO key_figures (project_id, position, valeur, nombre, libelle) VALUES (?, ?, ?, ?, ?)');
  const insertReference = db.prepare('INSERT INTO project_references (project_id, position, texte, url) VALUES (?, ?, ?, ?)');
  const insertBox = db.prepare('INSERT INTO boxes (project_id, position, titre, texte) VALUES (?, ?, ?, ?)');

  return (editionId: number, position: number, projet: Projet, sectionId: number | null, link: (mention: Mention) => string): void => {
    const normalised = normaliseCollectivite(projet.collectivite);
    const collectivite = collectiviteId(normalised);
    insertCollectivite.run(collectivite, normalised, projet.collectivite);
    insertCollectiviteName.run(collectivite, editionId, projet.collectivite);
    const hasPages = 'pages' in projet;
    const projectId = Number(
      insertProject.run(editionId, position, projet.id, projet.numero, projet.section, sectionId, projet.titre, projet.collectivite, collectivite, projet.page,
        hasPages ? 1 : 0, projet.pages?.debut ?? null, projet.pages?.fin ?? null, projet.contexte, projet.problematique, projet.clesPourAgir, projet.temoignage,
        projet.encadres !== undefined ? 1 : 0).lastInsertRowid,
    );
    projet.auteurs.forEach((a, index) => {
      const person = link({ prenom: a.prenom, nom: a.nom, emails: a.email === null ? [] : [a.email], collectiviteId: collectivite, promotion: a.promotion });
      insertAuthor.run(projectId, index, person, a.prenom, a.nom, a.email, a.corps, a.promotion);
    });
    projet.tuteurs.forEach((t, index) => {
      const person = link({ prenom: t.prenom, nom: t.nom, emails: emailsIn(t.fonction), collectiviteId: collectivite });
      insertTutor.run(projectId, index, person, t.prenom, t.nom, t.fonction);
    });
    projet.chiffres.forEach((c, index) => insertFigure.run(projectId, index, c.valeur, c.nombre, c.libelle));
    projet.allerPlusLoin.forEach((r, index) => insertReference.run(projectId, index, r.texte, r.url));
    projet.encadres?.forEach((b, index) => insertBox.run(projectId, index, b.titre, b.texte));
    indexProject(db, projectId);
  };
}

/**
 * Returns a function that finds (or creates) the person a mention stands for and records the
 * mention's strong evidence for later editions.
 */
function personLinker(db: Dataset, editionId: number, conflicts: [string, string][]): (mention: Mention) => string {
  const findByKey = db.prepare('SELECT DISTINCT k.person_id FROM person_keys k JOIN people p ON p.id = k.person_id WHERE k.key = ? ORDER BY p.rowid').pluck();
  const insertPerson = db.prepare('INSERT OR IGNORE INTO people (id, prenom, nom, nom_normalise) VALUES (?, ?, ?, ?)');
  const insertKey = db.prepare('INSERT OR IGNORE INTO person_keys (key, person_id, edition_id) VALUES (?, ?, ?)');
  return (mention) => {
    const keys = personKeys(mention);
    const found = [...new Set(keys.flatMap((key) => findByKey.all(key) as string[]))];
    let id = found[0];
    // Strong evidence pointing at two people (an e-mail of one, the name and place of another): link to
    // the strongest, report the other pair rather than merge people already published under two ids.
    for (const other of found.slice(1)) conflicts.push([id!, other]);
    if (id === undefined) {
      // No key at all only for a nameless mention with nothing else: the name is then its own key.
      id = personIdFor(keys[0] ?? `name:${normalisePersonName(mention.prenom, mention.nom)}|edition:${editionId}`);
      insertPerson.run(id, mention.prenom, mention.nom, normalisePersonName(mention.prenom, mention.nom));
    }
    for (const key of keys) insertKey.run(key, id, editionId);
    return id;
  };
}

/**
 * Reports, for each person of the edition, the other people whose names are alike but who were
 * not linked on strong evidence: IDENTITY_CANDIDATE, once per pair.
 */
function findCandidates(db: Dataset, editionId: number, conflicts: readonly [string, string][]): number {
  const everyone = db.prepare('SELECT id, prenom, nom, nom_normalise FROM people ORDER BY rowid').all() as { id: string; prenom: string; nom: string; nom_normalise: string }[];
  const mentioned = new Set(
    db
      .prepare(
        `SELECT person_id FROM authorships a JOIN projects p ON p.id = a.project_id WHERE p.edition_id = @edition
         UNION SELECT person_id FROM tutorships t JOIN projects p ON p.id = t.project_id WHERE p.edition_id = @edition
         UNION SELECT person_id FROM promotion_members m JOIN promotions r ON r.id = m.promotion_id WHERE r.edition_id = @edition`,
      )
      .pluck()
      .all({ edition: editionId }) as string[],
  );
  const known = db.prepare("SELECT 1 FROM dataset_diagnostics WHERE code = 'IDENTITY_CANDIDATE' AND person_id = ? AND other_person_id = ?").pluck();
  const insert = db.prepare(
    "INSERT INTO dataset_diagnostics (edition_id, code, severity, person_id, other_person_id, score, message) VALUES (?, 'IDENTITY_CANDIDATE', 'info', ?, ?, ?, ?)",
  );
  let added = 0;
  const byId = new Map(everyone.map((person) => [person.id, person]));
  for (const pair of conflicts) {
    const [a, b] = [byId.get(pair[0])!, byId.get(pair[1])!].sort((x, y) => (x.id < y.id ? -1 : 1)) as [typeof everyone[number], typeof everyone[number]];
    if (known.get(a.id, b.id) !== undefined) continue;
    insert.run(editionId, a.id, b.id, 1, `« ${a.prenom} ${a.nom} » (${a.id}) et « ${b.prenom} ${b.nom} » (${b.id}) : une même mention porte des preuves fortes de l’un et de l’autre (e-mail, nom et collectivité ou promotion).`);
    added++;
  }
  for (const person of everyone) {
    if (!mentioned.has(person.id)) continue;
    for (const other of everyone) {
      if (other.id === person.id || (mentioned.has(other.id) && other.id < person.id)) continue;
      const score = nameSimilarity(person, other);
      if (score < CANDIDATE_THRESHOLD) continue;
      const [a, b] = person.id < other.id ? [person, other] : [other, person];
      if (known.get(a.id, b.id) !== undefined) continue;
      const why = score === 1 ? 'même nom, sans e-mail, collectivité ni promotion en commun' : `noms de famille proches (similarité pondérée ${score.toFixed(3)})`;
      insert.run(editionId, a.id, b.id, score, `« ${a.prenom} ${a.nom} » (${a.id}) et « ${b.prenom} ${b.nom} » (${b.id}) sont peut-être la même personne : ${why}.`);
      added++;
    }
  }
  return added;
}

/** Deletes an edition and whatever only it referenced (people, collectivités, their evidence). */
function removeEdition(db: Dataset, editionId: number): void {
  db.prepare('DELETE FROM editions WHERE id = ?').run(editionId);
  db.exec(`
    DELETE FROM people WHERE id NOT IN (SELECT person_id FROM authorships UNION SELECT person_id FROM tutorships UNION SELECT person_id FROM promotion_members);
    DELETE FROM collectivites WHERE id NOT IN (SELECT collectivite_id FROM projects);
  `);
}

/** Which projects and document parts differ between the edition in the dataset and its replacement. */
function compareDocuments(before: BrochureDocument, after: BrochureDocument): EditionChanges {
  const byNumber = (document: BrochureDocument): Map<number, Projet> => new Map(document.projets.map((p) => [p.numero, p]));
  const old = byNumber(before);
  const next = byNumber(after);
  const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
  const changed: EditionChanges['changed'] = [];
  for (const [numero, projet] of next) {
    const previous = old.get(numero);
    if (!previous) continue;
    const fields = [...new Set([...Object.keys(previous), ...Object.keys(projet)])].filter(
      (field) => !same(previous[field as keyof Projet], projet[field as keyof Projet]),
    );
    if (fields.length > 0) changed.push({ numero, fields });
  }
  const parts = ['source', 'brochure', 'sections', 'promotions', 'diagnostics'] as const;
  return {
    added: [...next.keys()].filter((n) => !old.has(n)),
    removed: [...old.keys()].filter((n) => !next.has(n)),
    changed,
    other: parts.filter((part) => !same(before[part], after[part])),
  };
}

/**
 * Test-only hook: with PAUSE_HOOK set to `FILE` or `FILE:MS`, write FILE then wait inside the open
 * transaction (after the first project), forever or MS milliseconds, so that a test can kill the
 * process there (nothing must be written) or start a second writer (it must wait, then succeed).
 */
function pauseForTests(): void {
  const hook = process.env[PAUSE_HOOK];
  if (!hook) return;
  const [, marker = hook, ms] = /^(.*?)(?::(\d+))?$/.exec(hook) ?? [];
  writeFileSync(marker, String(process.pid));
  // A synchronous wait: the transaction must stay open, and nothing else may run meanwhile.
  const cell = new Int32Array(new SharedArrayBuffer(4));
  if (ms !== undefined) Atomics.wait(cell, 0, 0, Number(ms));
  else for (;;) Atomics.wait(cell, 0, 0, 1000);
}
