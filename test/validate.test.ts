import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BrochureError } from '../src/errors.js';
import type { BrochureDocument } from '../src/types.js';
import { assertValid, validateDocument } from '../src/validate/index.js';

const gold = JSON.parse(
  readFileSync(new URL('../fixtures/inet-2019/expected.json', import.meta.url), 'utf8'),
) as BrochureDocument;
const schema = JSON.parse(
  readFileSync(new URL('../schemas/brochure.schema.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;

/** A deep copy of the gold, changed by `change`: each test starts from a document known to be valid. */
function goldWith(change: (doc: any) => void): unknown {
  const doc = structuredClone(gold);
  change(doc);
  return doc;
}

/** The errors of an invalid document; fails the test when the document is valid. */
function errorsOf(doc: unknown): string[] {
  const result = validateDocument(doc);
  if (result.valid) throw new Error('expected the document to be invalid, it validated');
  return result.errors;
}

describe('validateDocument', () => {
  it('accepts the hand-verified 2019 gold and returns it typed', () => {
    const result = validateDocument(gold);
    expect(result).toEqual({ valid: true, document: gold });
    if (result.valid) expect(result.document).toBe(gold);
  });

  it('accepts non-ASCII letters in an e-mail, as printed in 2019', () => {
    const emails = gold.projets.flatMap((projet) => projet.auteurs.map((auteur) => auteur.email));
    expect(emails).toContain('anaïs.laborde@conservateur-inet.org');
    expect(validateDocument(goldWith((doc) => (doc.projets[0].auteurs[0].email = 'éloïse.ñúñez@administrateur-inet.org'))).valid).toBe(true);
  });

  it('rejects an extra property, naming it and where it is', () => {
    expect(errorsOf(goldWith((doc) => (doc.projets[0].foo = 1)))).toEqual(['/projets/0: must NOT have additional property "foo"']);
    expect(errorsOf(goldWith((doc) => (doc.extra = true)))).toEqual(['/: must NOT have additional property "extra"']);
    expect(errorsOf(goldWith((doc) => (doc.projets[4].auteurs[1].telephone = '')))).toEqual([
      '/projets/4/auteurs/1: must NOT have additional property "telephone"',
    ]);
    expect(errorsOf(goldWith((doc) => (doc.promotions[0].membres[0].email = 'x@y.fr')))).toEqual([
      '/promotions/0/membres/0: must NOT have additional property "email"',
    ]);
  });

  it('rejects a corps outside the three, listing the allowed values', () => {
    expect(errorsOf(goldWith((doc) => (doc.projets[0].auteurs[0].corps = 'ingenieur')))).toEqual([
      '/projets/0/auteurs/0/corps: must be one of "administrateur", "ingenieur-en-chef", "conservateur", null',
    ]);
    expect(validateDocument(goldWith((doc) => (doc.projets[0].auteurs[0].corps = null))).valid).toBe(true);
  });

  it.each(['2019-1', '19-01', '2019-001', '2019_01', ' 2019-01'])('rejects the id %j', (id) => {
    const errors = errorsOf(goldWith((doc) => (doc.projets[2].id = id)));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^\/projets\/2\/id: must match pattern /);
  });

  it('rejects a missing field, naming it', () => {
    expect(errorsOf(goldWith((doc) => delete doc.projets[1].titre))).toEqual(["/projets/1: must have required property 'titre'"]);
    expect(errorsOf(goldWith((doc) => delete doc.projets[1].temoignage))).toEqual([
      "/projets/1: must have required property 'temoignage'",
    ]);
    expect(errorsOf(goldWith((doc) => delete doc.source))).toEqual(["/: must have required property 'source'"]);
  });

  it.each(['anais.laborde.conservateur-inet.org', 'anais laborde@conservateur-inet.org', 'a@b@c.org', 'a@localhost', ''])(
    'rejects the e-mail %j',
    (email) => {
      const errors = errorsOf(goldWith((doc) => (doc.projets[3].auteurs[0].email = email)));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^\/projets\/3\/auteurs\/0\/email: must match pattern /);
    },
  );

  it('accepts a null e-mail', () => {
    expect(validateDocument(goldWith((doc) => (doc.projets[3].auteurs[0].email = null))).valid).toBe(true);
  });

  it('requires integers where the contract has integers', () => {
    expect(errorsOf(goldWith((doc) => (doc.projets[3].numero = 1.5)))).toEqual(['/projets/3/numero: must be integer']);
    expect(errorsOf(goldWith((doc) => (doc.projets[3].page = '19')))).toEqual(['/projets/3/page: must be integer or null']);
    expect(errorsOf(goldWith((doc) => (doc.brochure.anneeDebut = '2019')))).toEqual(['/brochure/anneeDebut: must be integer or null']);
    expect(errorsOf(goldWith((doc) => (doc.source.pageCount = 110.5)))).toEqual(['/source/pageCount: must be integer or null']);
    expect(errorsOf(goldWith((doc) => (doc.sections[0].projets[0] = '1')))).toEqual(['/sections/0/projets/0: must be integer']);
    expect(validateDocument(goldWith((doc) => (doc.source.pageCount = 110))).valid).toBe(true);
  });

  it('lets nombre be any number or null, but not a string', () => {
    const projet = gold.projets.findIndex((p) => p.chiffres.length > 0);
    expect(validateDocument(goldWith((doc) => (doc.projets[projet].chiffres[0].nombre = 1.371))).valid).toBe(true);
    expect(validateDocument(goldWith((doc) => (doc.projets[projet].chiffres[0].nombre = null))).valid).toBe(true);
    expect(errorsOf(goldWith((doc) => (doc.projets[projet].chiffres[0].nombre = '1,371')))).toEqual([
      `/projets/${projet}/chiffres/0/nombre: must be number or null`,
    ]);
  });

  it('accepts an empty sha256 or 64 lower-case hex digits, nothing else', () => {
    expect(validateDocument(goldWith((doc) => (doc.source.sha256 = ''))).valid).toBe(true);
    expect(validateDocument(goldWith((doc) => (doc.source.sha256 = 'a'.repeat(64)))).valid).toBe(true);
    for (const sha256 of ['abc', 'A'.repeat(64), 'a'.repeat(63), 'a'.repeat(65)]) {
      expect(errorsOf(goldWith((doc) => (doc.source.sha256 = sha256)))).toEqual([
        '/source/sha256: must match pattern /^([0-9a-f]{64})?$/',
      ]);
    }
  });

  it('pins schemaVersion to "1.0" or "2.0" and source.format to pdf or text', () => {
    expect(validateDocument(goldWith((doc) => (doc.schemaVersion = '2.0'))).valid).toBe(true);
    expect(errorsOf(goldWith((doc) => (doc.schemaVersion = '1.1')))).toEqual(['/schemaVersion: must be one of "1.0", "2.0"']);
    expect(errorsOf(goldWith((doc) => (doc.source.format = 'docx')))).toEqual(['/source/format: must be one of "pdf", "text"']);
  });

  it('checks diagnostics: code in upper snake case, known severity, optional projet and page', () => {
    const good = { code: 'EMAIL_NAME_MISMATCH', severity: 'warning', projet: 3, page: 17, message: 'e-mail « x » ≠ nom « y »' };
    expect(validateDocument(goldWith((doc) => (doc.diagnostics = [good, { code: 'A1', severity: 'info', message: '' }]))).valid).toBe(true);
    expect(errorsOf(goldWith((doc) => (doc.diagnostics = [{ ...good, code: 'email-mismatch' }])))).toEqual([
      '/diagnostics/0/code: must match pattern /^[A-Z][A-Z0-9_]*$/',
    ]);
    expect(errorsOf(goldWith((doc) => (doc.diagnostics = [{ ...good, severity: 'fatal' }])))).toEqual([
      '/diagnostics/0/severity: must be one of "info", "warning", "error"',
    ]);
    expect(errorsOf(goldWith((doc) => (doc.diagnostics = [{ ...good, page: 0 }])))).toEqual(['/diagnostics/0/page: must be >= 1']);
  });

  it('allows pages and encadres to be absent, and pages to be null, but checks them when present', () => {
    expect(validateDocument(goldWith((doc) => (doc.projets[0].pages = null))).valid).toBe(true);
    expect(validateDocument(goldWith((doc) => (doc.projets[0].pages = { debut: 5, fin: 9 }))).valid).toBe(true);
    expect(validateDocument(goldWith((doc) => delete doc.projets[0].encadres)).valid).toBe(true);
    expect(errorsOf(goldWith((doc) => (doc.projets[0].pages = { debut: 5 })))).toEqual([
      "/projets/0/pages: must have required property 'fin'",
    ]);
    expect(errorsOf(goldWith((doc) => (doc.projets[0].encadres = [{ texte: 'x' }])))).toEqual([
      "/projets/0/encadres/0: must have required property 'titre'",
    ]);
  });

  it('allows edition, years and project ids null only together, from 2.0 on, with the EDITION_NOT_FOUND error', () => {
    const notFound = { code: 'EDITION_NOT_FOUND', severity: 'error', message: 'Aucune édition imprimée.' };
    const undated = (doc: any): void => {
      doc.schemaVersion = '2.0';
      Object.assign(doc.brochure, { edition: null, anneeDebut: null, anneeFin: null });
      for (const projet of doc.projets) projet.id = null;
      doc.diagnostics.push(notFound);
    };
    expect(validateDocument(goldWith(undated)).valid).toBe(true);
    const undatedWith = (change: (doc: any) => void) => goldWith((doc) => (undated(doc), change(doc)));
    // Each null alone, or the error missing, or a 1.0 document: refused.
    expect(validateDocument(undatedWith((doc) => (doc.diagnostics = doc.diagnostics.filter((d: { code: string }) => d.code !== 'EDITION_NOT_FOUND')))).valid).toBe(false);
    expect(validateDocument(undatedWith((doc) => (doc.diagnostics.at(-1).severity = 'warning'))).valid).toBe(false);
    expect(validateDocument(undatedWith((doc) => (doc.schemaVersion = '1.0'))).valid).toBe(false);
    expect(validateDocument(undatedWith((doc) => (doc.brochure.edition = '2019 / 2020'))).valid).toBe(false);
    expect(validateDocument(undatedWith((doc) => (doc.brochure.anneeFin = 2020))).valid).toBe(false);
    expect(validateDocument(undatedWith((doc) => (doc.projets[3].id = '2019-04'))).valid).toBe(false);
    for (const change of [(doc: any) => (doc.brochure.edition = null), (doc: any) => (doc.brochure.anneeFin = null), (doc: any) => (doc.projets[3].id = null)]) {
      expect(validateDocument(goldWith((doc) => (doc.schemaVersion = '2.0', doc.diagnostics.push(notFound), change(doc)))).valid).toBe(false);
    }
  });

  it('reports every violation, one line each, each starting with its path', () => {
    const errors = errorsOf(
      goldWith((doc) => {
        doc.projets[0].auteurs[0].corps = 'x';
        doc.projets[5].id = 'x';
        doc.promotions[2].nom = 7;
      }),
    );
    expect(errors).toHaveLength(3);
    for (const error of errors) expect(error).toMatch(/^\/\S*: [^\n]+$/);
  });

  it('rejects a value that is not an object', () => {
    for (const value of [null, undefined, 'x', 1, []]) expect(errorsOf(value)).toEqual(['/: must be object']);
  });
});

describe('assertValid', () => {
  it('returns the gold as is', () => {
    expect(assertValid(gold)).toBe(gold);
  });

  it('throws INVALID_OUTPUT quoting the first errors on one line', () => {
    const doc = goldWith((d) => {
      d.schemaVersion = '2';
      d.projets[0].id = 'x';
      d.projets[1].numero = 1.5;
      d.projets[2].section = null;
      d.projets[3].titre = null;
    });
    let thrown: unknown;
    try {
      assertValid(doc);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BrochureError);
    const error = thrown as BrochureError;
    expect(error.code).toBe('INVALID_OUTPUT');
    expect(error.exitCode).toBe(1);
    expect(error.message).not.toContain('\n');
    expect(error.message).toBe(
      'output does not match the brochure schema v2 (5 errors): /schemaVersion: must be one of "1.0", "2.0"; ' +
        '/projets/0/id: must match pattern /^\\d{4}-\\d{2}$/; /projets/1/numero: must be integer; and 2 more',
    );
  });
});

describe('schemas/brochure.schema.json', () => {
  type Node = Record<string, unknown>;

  /** Every subschema reachable from `node`, with its JSON pointer. */
  function* walk(node: Node, pointer: string): Generator<[Node, string]> {
    yield [node, pointer];
    for (const key of ['properties', '$defs'] as const) {
      const children = node[key] as Record<string, Node> | undefined;
      for (const [name, child] of Object.entries(children ?? {})) yield* walk(child, `${pointer}/${key}/${name}`);
    }
    if (node.items && typeof node.items === 'object') yield* walk(node.items as Node, `${pointer}/items`);
    for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
      const children = node[key] as Node[] | undefined;
      for (const [index, child] of (children ?? []).entries()) yield* walk(child, `${pointer}/${key}/${index}`);
    }
  }

  const nodes = [...walk(schema, '#')];

  it('is a 2020-12 schema with an $id, a title and the named $defs', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(schema.$id).toBe('urn:brochure-extract:brochure:2.0');
    expect(schema.title).toEqual(expect.any(String));
    expect(Object.keys(schema.$defs as Node)).toEqual(
      expect.arrayContaining(['Personne', 'Auteur', 'Tuteur', 'Projet', 'Chiffre', 'Diagnostic']),
    );
  });

  it('describes every property', () => {
    const properties = nodes.filter(([, pointer]) => /\/properties\/[^/]+$/.test(pointer));
    // Guards the walk itself: the contract has well over 50 properties.
    expect(properties.length).toBeGreaterThan(50);
    const undescribed = properties
      .filter(([node]) => typeof node.description !== 'string' || node.description.trim() === '')
      .map(([, pointer]) => pointer);
    expect(undescribed).toEqual([]);
  });

  it('closes every object with additionalProperties: false and requires only declared properties', () => {
    const objects = nodes.filter(([node]) => {
      const types = Array.isArray(node.type) ? node.type : [node.type];
      return types.includes('object') || 'properties' in node;
    });
    expect(objects.length).toBeGreaterThan(10);
    for (const [node, pointer] of objects) {
      expect(node.additionalProperties, pointer).toBe(false);
      const declared = Object.keys((node.properties ?? {}) as Node);
      for (const name of (node.required ?? []) as string[]) expect(declared, `${pointer} requires ${name}`).toContain(name);
    }
  });
});
