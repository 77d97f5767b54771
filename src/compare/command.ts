/**
 * The `compare` command: reads two document files, compares them, and returns the text to print
 * (the table, or JSON) with the exit code saying whether the score reaches `--min`. Kept apart
 * from `cli.ts` (which prints) so that the command's code is in one place.
 */
import { BrochureError, EXIT } from '../errors.js';
import { parseOptions } from '../options.js';
import { printable } from '../printable.js';
import { inputName, readInput, STANDARD_STREAM } from '../read.js';
import { acceptedSchemaVersions } from '../validate/index.js';
import { compareDocuments, formatComparison, isComparable, type ComparableDocument } from './index.js';

/** Help text of `brochure-extract compare`. */
export const COMPARE_HELP = `Usage: brochure-extract compare ACTUAL.json EXPECTED.json [--min 0.99] [--json] [--show N]

Compares an extracted document with the expected one, field by field (brochure, sections,
promotions, and per project: identity, titles, collectivité, page, authors with e-mails, tutors,
each rubrique by word similarity, figures, references, no extra project), prints the accuracy
table, the first mismatches and last a line "score: X" (mean of the field scores). One of the
two may be '-', read from standard input.

Options:
  --min X      exit 1 when the score is below X (between 0 and 1)
  --json       print {score, fields, mismatches} as JSON instead of the table
  --show N     mismatches to print (default 15)
  -h, --help   show this help

Exit codes: 0 compared (and score >= --min), 1 score below --min, 64 usage, 65 not a document, 66 file not found.`;

/**
 * Runs `compare` with the arguments after the command name.
 * @returns What to print on stdout and the exit code.
 */
export async function compareCommand(argv: readonly string[]): Promise<{ output: string; code: number }> {
  const { values, positionals } = parseOptions('compare', argv, {
    min: { type: 'string' }, json: { type: 'boolean' }, show: { type: 'string' }, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' },
  });
  if (values.help) return { output: `${COMPARE_HELP}\n`, code: EXIT.ok };
  if (positionals.length !== 2) throw new BrochureError('USAGE', "compare takes ACTUAL.json and EXPECTED.json (try 'brochure-extract compare --help')");
  const min = values.min === undefined ? undefined : Number(values.min);
  if (min !== undefined && !(min >= 0 && min <= 1)) throw new BrochureError('USAGE', `--min takes a number between 0 and 1, not '${printable(values.min!)}'`);
  const show = values.show === undefined ? 15 : Number(values.show);
  if (!Number.isInteger(show) || show < 0) throw new BrochureError('USAGE', `--show takes a whole number, not '${printable(values.show!)}'`);
  if (positionals.every((file) => file === STANDARD_STREAM)) throw new BrochureError('USAGE', "standard input ('-') can be read once only: give one of the two documents as a file");
  const [actual, expected] = await Promise.all(positionals.map(readDocument));
  const comparison = compareDocuments(actual!, expected!);
  const output = values.json ? `${JSON.stringify(comparison, null, 2)}\n` : formatComparison(comparison, show);
  return { output, code: min !== undefined && comparison.score < min ? 1 : EXIT.ok };
}

async function readDocument(file: string): Promise<ComparableDocument> {
  const text = new TextDecoder().decode(await readInput(file));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new BrochureError('NOT_A_BROCHURE', `'${inputName(file)}' is not JSON (${(error as Error).message.split('\n')[0]})`);
  }
  if (!isComparable(value)) throw new BrochureError('NOT_A_BROCHURE', `'${inputName(file)}' is not a brochure document (no "brochure" object or "projets" list with numbered projects)`);
  // The rest is compared loosely (an expected document may be written by hand), but a version this
  // build does not know is refused, as 'report' and 'ingest' refuse it: its fields may mean otherwise.
  const version = (value as { schemaVersion?: unknown }).schemaVersion;
  const accepted = acceptedSchemaVersions();
  if (typeof version !== 'string' || !accepted.includes(version)) {
    throw new BrochureError('NOT_A_BROCHURE', `'${inputName(file)}' has schemaVersion ${JSON.stringify(version) ?? 'missing'}; this brochure-extract reads ${accepted.join(', ')}`);
  }
  return value;
}
