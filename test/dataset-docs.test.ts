/**
 * docs/dataset.md kept true to the code: every table and view of the schema is documented, the
 * schema version and migrations are the current ones, and the search section lists every option
 * its help lists (test/readme.test.ts does the same for the README's command lines).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openDataset } from '../src/dataset/database.js';
import { MIGRATIONS, SCHEMA_VERSION } from '../src/dataset/migrations.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const docs = readFileSync(join(root, 'docs/dataset.md'), 'utf8');

/** The options a command's help lists (long forms), but those every command has. */
function helpOptions(command: string): string[] {
  const help = execFileSync(process.execPath, [join(root, 'bin/brochure-extract'), 'help', command], { encoding: 'utf8' });
  return [...new Set(help.match(/^\s+(?:-\w, )?(--[a-z-]+)/gm)!.map((line) => line.trim().replace(/^-\w, /, '')))].filter((option) => !['--help', '--quiet', '--debug'].includes(option));
}

describe('docs/dataset.md', () => {
  it('documents every table and view of the schema, in a table row of its own', () => {
    const db = openDataset(':memory:');
    const names = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' AND name NOT GLOB '*_fts_*'").pluck().all() as string[];
    db.close();
    for (const name of names) expect(docs, name).toContain(`| \`${name}\` |`);
  });

  it('gives the current schema version and one changelog row per migration', () => {
    expect(docs).toContain(`schema version (${SCHEMA_VERSION} today)`);
    expect(docs).toContain(`'PRAGMA user_version'        # ${SCHEMA_VERSION}:`);
    for (const migration of MIGRATIONS) expect(docs, `migration ${migration.version}`).toMatch(new RegExp(`^\\| ${migration.version} \\| `, 'm'));
  });

  it('describes every option of search', () => {
    const section = docs.slice(docs.indexOf('## `search'));
    for (const option of helpOptions('search')) expect(section.split('\n')[0], option).toContain(option);
  });
});
