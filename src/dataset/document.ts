/**
 * Reading an edition back out of the dataset as the contract document `extract` wrote: same
 * keys, same order, same optional keys present or absent (the round trip is tested deep-equal).
 */
import type { Auteur, BrochureDocument, Chiffre, Diagnostic, Projet, Tuteur } from '../types.js';
import type { Dataset } from './database.js';

/** An edition's row, as `editions` stores it. */
interface EditionRow {
  id: number;
  key: string;
  edition: string;
  annee_debut: number;
  annee_fin: number;
  titre: string;
  date_publication: string | null;
  schema_version: string;
  source_file: string;
  source_sha256: string;
  source_format: 'pdf' | 'text';
  source_page_count: number | null;
}

interface ProjectRow {
  id: number;
  project_key: string;
  numero: number;
  section: string;
  titre: string;
  collectivite: string;
  page: number | null;
  has_pages: number;
  pages_debut: number | null;
  pages_fin: number | null;
  contexte: string | null;
  problematique: string | null;
  cles_pour_agir: string | null;
  temoignage: string | null;
  has_encadres: number;
}

/**
 * The keys of the editions in the dataset, oldest first.
 * @param db The dataset.
 * @returns Keys such as "2019-2020".
 */
export function editionKeys(db: Dataset): string[] {
  return db.prepare('SELECT key FROM editions ORDER BY annee_debut, key').pluck().all() as string[];
}

/**
 * Rebuilds the contract document of one edition.
 * @param db The dataset.
 * @param key The edition key ("2019-2020").
 * @returns The document, or `undefined` when the edition is not in the dataset.
 */
export function readEditionDocument(db: Dataset, key: string): BrochureDocument | undefined {
  const edition = db.prepare('SELECT * FROM editions WHERE key = ?').get(key) as EditionRow | undefined;
  if (!edition) return undefined;
  const sections = db.prepare('SELECT id, titre FROM sections WHERE edition_id = ? ORDER BY position').all(edition.id) as { id: number; titre: string }[];
  const sectionProjects = db.prepare('SELECT numero FROM section_projects WHERE section_id = ? ORDER BY position').pluck();
  const promotions = db.prepare('SELECT id, nom FROM promotions WHERE edition_id = ? ORDER BY position').all(edition.id) as { id: number; nom: string }[];
  const members = db.prepare('SELECT prenom, nom FROM promotion_members WHERE promotion_id = ? ORDER BY position');
  const projects = db.prepare('SELECT * FROM projects WHERE edition_id = ? ORDER BY position').all(edition.id) as ProjectRow[];
  return {
    schemaVersion: edition.schema_version as BrochureDocument['schemaVersion'],
    source: { file: edition.source_file, sha256: edition.source_sha256, format: edition.source_format, pageCount: edition.source_page_count },
    brochure: {
      titre: edition.titre,
      edition: edition.edition,
      anneeDebut: edition.annee_debut,
      anneeFin: edition.annee_fin,
      datePublication: edition.date_publication,
    },
    sections: sections.map((section) => ({ titre: section.titre, projets: sectionProjects.all(section.id) as number[] })),
    promotions: promotions.map((promotion) => ({ nom: promotion.nom, membres: members.all(promotion.id) as { prenom: string; nom: string }[] })),
    projets: projects.map((row) => readProject(db, row)),
    diagnostics: readDiagnostics(db, edition.id),
  };
}

function readProject(db: Dataset, row: ProjectRow): Projet {
  const auteurs = db.prepare('SELECT prenom, nom, email, corps, promotion FROM authorships WHERE project_id = ? ORDER BY position').all(row.id) as Auteur[];
  const tuteurs = db.prepare('SELECT prenom, nom, fonction FROM tutorships WHERE project_id = ? ORDER BY position').all(row.id) as Tuteur[];
  const chiffres = db.prepare('SELECT valeur, nombre, libelle FROM key_figures WHERE project_id = ? ORDER BY position').all(row.id) as Chiffre[];
  const allerPlusLoin = db.prepare('SELECT texte, url FROM project_references WHERE project_id = ? ORDER BY position').all(row.id) as Projet['allerPlusLoin'];
  const projet: Projet = {
    id: row.project_key,
    numero: row.numero,
    section: row.section,
    titre: row.titre,
    collectivite: row.collectivite,
    page: row.page,
    ...(row.has_pages ? { pages: row.pages_debut === null ? null : { debut: row.pages_debut, fin: row.pages_fin! } } : {}),
    auteurs,
    tuteurs,
    contexte: row.contexte,
    problematique: row.problematique,
    clesPourAgir: row.cles_pour_agir,
    temoignage: row.temoignage,
    chiffres,
    allerPlusLoin,
  };
  if (row.has_encadres) {
    projet.encadres = db.prepare('SELECT titre, texte FROM boxes WHERE project_id = ? ORDER BY position').all(row.id) as NonNullable<Projet['encadres']>;
  }
  return projet;
}

function readDiagnostics(db: Dataset, editionId: number): Diagnostic[] {
  // The codes were checked when the document was validated before ingest.
  const rows = db.prepare('SELECT code, severity, projet, page, message FROM diagnostics WHERE edition_id = ? ORDER BY position').all(editionId) as {
    code: Diagnostic['code'];
    severity: Diagnostic['severity'];
    projet: number | null;
    page: number | null;
    message: string;
  }[];
  return rows.map((row) => ({
    code: row.code,
    severity: row.severity,
    ...(row.projet !== null ? { projet: row.projet } : {}),
    ...(row.page !== null ? { page: row.page } : {}),
    message: row.message,
  }));
}
