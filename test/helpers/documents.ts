/**
 * Reading and comparing documents written by the CLI, shared by the tests that run it.
 */
import { readFileSync } from 'node:fs';
import type { BrochureDocument } from '../../src/types.js';
import { validateDocument } from '../../src/validate/index.js';

/** Reads a written document and fails when it does not satisfy the schema. */
export function readDocument(file: string): BrochureDocument {
  const checked = validateDocument(JSON.parse(readFileSync(file, 'utf8')));
  if (!checked.valid) throw new Error(`${file} is not a valid document: ${checked.errors.join('; ')}`);
  return checked.document;
}

/** What identifies the projects of a document, whatever the input's form: number, title, organisation, authors. */
export function shape(document: BrochureDocument) {
  return document.projets.map((p) => ({
    numero: p.numero,
    titre: p.titre,
    collectivite: p.collectivite,
    auteurs: p.auteurs.map((a) => `${a.prenom} ${a.nom} <${a.email}>`),
  }));
}
