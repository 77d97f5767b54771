/**
 * Fixture folders, as the golden and design tests loop over them. A fixture is a folder holding
 * input files (`input.pdf`, `input.txt`, `input.md`), the `expected.json` a perfect extraction
 * gives, and optionally `fixture.json` with the tolerances it documents (fixtures/README.md).
 * A new year or design is a new folder: nothing else to change.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrochureDocument } from '../../src/types.js';

/** The repository's fixtures folder. */
export const FIXTURES = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** A tolerance and the reason the fixture's README gives for it. */
export interface Tolerance<T> {
  readonly value: T;
  readonly why: string;
}

/** What `fixture.json` may hold; every field is optional and defaults to the strictest check. */
export interface FixtureConfig {
  /** Minimum `compare` score of every input (default 1). */
  readonly minScore?: Tolerance<number>;
  /** Minimum word similarity of a text rubrique that is not equal once white space is folded (default 1: equal). */
  readonly textSimilarity?: Tolerance<number>;
  /** Minimum word similarity of a figure's libellé (default 1: equal once white space is folded). */
  readonly figureLabelSimilarity?: Tolerance<number>;
  /** Inputs whose author names are compared case aside (default none). */
  readonly namesCaseInsensitive?: Tolerance<readonly string[]>;
}

/** One fixture folder. */
export interface Fixture {
  /** Folder name, e.g. `inet-2019` or `inet-2019-s2026-03`. */
  readonly name: string;
  readonly dir: string;
  /** Input files in the folder, sorted (`input.pdf`, `input.txt`). */
  readonly inputs: readonly string[];
  readonly expected: BrochureDocument;
  readonly config: FixtureConfig;
}

const INPUT = /^input\.(pdf|txt|md)$/;

/**
 * The fixtures directly under `dir` (folders holding an `expected.json`), sorted by name.
 * @param dir Folder to list (default: fixtures/).
 */
export function listFixtures(dir: string = FIXTURES): Fixture[] {
  return readdirSync(dir)
    .filter((name) => statSync(join(dir, name)).isDirectory() && existsSync(join(dir, name, 'expected.json')))
    .sort()
    .map((name) => {
      const folder = join(dir, name);
      const configFile = join(folder, 'fixture.json');
      return {
        name,
        dir: folder,
        inputs: readdirSync(folder).filter((file) => INPUT.test(file)).sort(),
        expected: JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as BrochureDocument,
        config: existsSync(configFile) ? (JSON.parse(readFileSync(configFile, 'utf8')) as FixtureConfig) : {},
      };
    });
}
