/**
 * What `schemaVersion` promises (docs/schema.md): within a major version, a document written by
 * any earlier minor version still validates; an earlier major the current one only loosened (2.0
 * allowed an undated brochure: every 1.0 document is a 2.0 document) is still read; a version the
 * schema does not know is refused. fixtures/schema-history/<version>.json holds one document
 * written by each released version.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import schema from '../schemas/brochure.schema.json' with { type: 'json' };
import { runStages } from '../src/pipeline.js';
import { validateDocument } from '../src/validate/index.js';

const historyDir = new URL('../fixtures/schema-history/', import.meta.url);
const history = readdirSync(historyDir).filter((name) => name.endsWith('.json')).map((name) => name.replace(/\.json$/, ''));
const property = schema.properties.schemaVersion as { const?: string; enum?: string[] };
/** The versions the schema accepts: `const` for the first minor of a major, `enum` once there are several. */
const accepted = property.enum ?? (property.const !== undefined ? [property.const] : []);
const parse = (version: string): [number, number] => version.split('.').map(Number) as [number, number];
const current = accepted.map(parse).sort((a, b) => a[0] - b[0] || a[1] - b[1]).at(-1)!;
/** The earlier majors' versions the schema still reads. */
const earlier = accepted.filter((version) => parse(version)[0] < current[0]);

describe('schemaVersion', () => {
  it('is MAJOR.MINOR, and the schema accepts every minor of the current major up to the current one, and released earlier versions only', () => {
    for (const version of accepted) expect(version).toMatch(/^\d+\.\d+$/);
    const expected = Array.from({ length: current[1] + 1 }, (_, minor) => `${current[0]}.${minor}`);
    expect(accepted.filter((version) => parse(version)[0] === current[0]).sort()).toEqual(expected);
    for (const version of earlier) expect(history, `an earlier version is read only if released: fixtures/schema-history/${version}.json`).toContain(version);
  });

  it('is what the pipeline writes', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/synthetic-2031/input.txt', import.meta.url)));
    const { document } = await runStages(bytes, { fileName: 'input.txt' });
    expect(parse(document.schemaVersion)).toEqual(current);
  });

  it('keeps a document written by every released version of the current major, and each still validates, as do those of the earlier versions it reads', () => {
    for (let minor = 0; minor <= current[1]; minor++) expect(history, `fixtures/schema-history/${current[0]}.${minor}.json`).toContain(`${current[0]}.${minor}`);
    for (const version of history.filter((v) => parse(v)[0] === current[0] || earlier.includes(v))) {
      const document = JSON.parse(readFileSync(new URL(`${version}.json`, historyDir), 'utf8')) as { schemaVersion: string };
      expect(document.schemaVersion).toBe(version);
      const checked = validateDocument(document);
      expect(checked.valid ? [] : checked.errors, version).toEqual([]);
    }
  });

  it('refuses a version it does not know: the next minor, the next major, a minor of an earlier major never released', () => {
    const document = JSON.parse(readFileSync(new URL(`${current[0]}.${current[1]}.json`, historyDir), 'utf8')) as { schemaVersion: string };
    const unreleased = earlier.map(parse).map(([major, minor]) => `${major}.${minor + 1}`).filter((version) => !accepted.includes(version));
    for (const unknown of [`${current[0]}.${current[1] + 1}`, `${current[0] + 1}.0`, ...unreleased]) {
      const checked = validateDocument({ ...document, schemaVersion: unknown });
      expect(checked.valid, unknown).toBe(false);
    }
  });
});
