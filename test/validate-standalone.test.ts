/**
 * The validator the build generates (ajv standalone code, dist/validate/schema-validator.cjs) must
 * say exactly what ajv compiling the schema says: same verdict, same errors, on valid documents
 * and on hundreds of broken ones.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { addSchemaFormats, AJV_OPTIONS, STANDALONE_FILE } from '../src/validate/setup.js';

const read = (path: string): unknown => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));
const generated = fileURLToPath(new URL(`../dist/validate/${STANDALONE_FILE}`, import.meta.url));

let standalone: ValidateFunction;
let compiled: ValidateFunction;

beforeAll(() => {
  if (!existsSync(generated)) throw new Error(`${generated} is missing: run \`npm run build\` (npm test does) before these tests`);
  standalone = createRequire(import.meta.url)(generated) as ValidateFunction;
  const ajv = new Ajv2020(AJV_OPTIONS);
  addSchemaFormats(ajv, formats.default);
  compiled = ajv.compile(read('../schemas/brochure.schema.json') as object);
});

/** What a validator says about a value: its verdict and its errors, as comparable data. */
function verdict(validate: ValidateFunction, value: unknown): { valid: boolean; errors: Partial<ErrorObject>[] } {
  const valid = validate(value) as boolean;
  const errors = (validate.errors ?? []).map(({ instancePath, schemaPath, keyword, params, message }) => ({ instancePath, schemaPath, keyword, params, message }));
  return { valid, errors };
}

/** Every path to a value in a document (objects and arrays), the root first. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const children = Array.isArray(value) ? value.map((child, i) => [i, child] as const) : value && typeof value === 'object' ? Object.entries(value) : [];
  return [at, ...children.flatMap(([key, child]) => paths(child, [...at, key]))];
}

/** A copy of `doc` with the value at `path` replaced (`undefined`: removed). */
function changed(doc: unknown, path: (string | number)[], value: unknown): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  if (path.length === 0) return value;
  const parent = path.slice(0, -1).reduce<any>((node, key) => node[key], copy);
  const key = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else parent[key] = value;
  return copy;
}

describe('the generated standalone validator', () => {
  const documents = {
    'the 2019 gold': read('../fixtures/inet-2019/expected.json'),
    'the synthetic 2031 expectation': read('../fixtures/synthetic-2031/expected.json'),
  };

  it.each(Object.entries(documents))('accepts %s as ajv does', (_, doc) => {
    expect(verdict(standalone, doc)).toEqual({ valid: true, errors: [] });
    expect(verdict(compiled, doc)).toEqual({ valid: true, errors: [] });
  });

  it('agrees with ajv on every value of the gold removed, emptied, mistyped or given an extra key', () => {
    const gold = documents['the 2019 gold'];
    // The first project and everything outside the projects: every kind of field, a few thousand cases.
    const all = paths(gold).filter((path) => path[0] !== 'projets' || path.length === 1 || path[1] === 0);
    let invalid = 0;
    let cases = 0;
    for (const path of all) {
      for (const value of [undefined, null, 42, 'x', {}]) {
        const doc = changed(gold, path, value);
        const expected = verdict(compiled, doc);
        expect(verdict(standalone, doc), `${path.join('/')} = ${JSON.stringify(value)}`).toEqual(expected);
        if (!expected.valid) invalid++;
        cases++;
      }
    }
    // The cases must exercise the schema, not only pass through it.
    expect(invalid).toBeGreaterThan(cases / 2);
  });

  it('is what the built package validates with', async () => {
    const { validatorOrigin } = (await import(new URL('../dist/validate/index.js', import.meta.url).href)) as typeof import('../src/validate/index.js');
    expect(validatorOrigin()).toBe('standalone');
  });
});
