/**
 * Validate stage: checks a document against the output contract v1 (`schemas/brochure.schema.json`).
 */

import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
// The import resolves to the repo's `schemas/` from both `src/validate/` and `dist/validate/`,
// and tsc leaves the JSON in place instead of copying it under `dist/`, so `schemas/` stays the single copy.
import schema from '../../schemas/brochure.schema.json' with { type: 'json' };
import { BrochureError } from '../errors.js';
import type { BrochureDocument } from '../types.js';

/** Result of `validateDocument`: the typed document, or one readable line per violation. */
export type ValidationResult =
  | { valid: true; document: BrochureDocument }
  | { valid: false; errors: string[] };

/** How many errors `assertValid` quotes in its one-line message. */
const QUOTED_ERRORS = 3;

let compiled: ValidateFunction<BrochureDocument> | undefined;

/**
 * Compile the schema on first use only, so importing the pipeline costs nothing when validation is skipped.
 *
 * @returns
 *   The compiled validator, shared by every later call.
 */
function validator(): ValidateFunction<BrochureDocument> {
  if (compiled) return compiled;
  // Nullable fields are written `type: ["string", "null"]`, which strict mode refuses without `allowUnionTypes`.
  const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
  // ajv-formats ships as CommonJS: under NodeNext its typed default export is the `.default` property.
  formats.default(ajv);
  // ajv-formats has no `idn-email`; the schema's `pattern` does the checking, the format only documents intent.
  ajv.addFormat('idn-email', true);
  compiled = ajv.compile<BrochureDocument>(schema);
  return compiled;
}

/**
 * Gets the validator ready now rather than on the first validation (the CLI calls it while other
 * threads read the PDF, so the compile costs no wall time).
 */
export function prepareValidator(): void {
  validator();
}

/**
 * Render one ajv error as `path: reason`, naming the offending key or the allowed values where ajv leaves them out.
 *
 * @param error
 *   Error reported by ajv.
 * @returns
 *   One line, e.g. `/projets/3/auteurs/0/email: must match pattern "…"`.
 */
function formatError(error: ErrorObject): string {
  const path = error.instancePath === '' ? '/' : error.instancePath;
  const params = error.params as Record<string, unknown>;
  let reason = error.message ?? `fails ${error.keyword}`;
  if (error.keyword === 'additionalProperties') {
    reason = `must NOT have additional property ${JSON.stringify(params.additionalProperty)}`;
  } else if (error.keyword === 'enum' && Array.isArray(params.allowedValues)) {
    reason = `must be one of ${params.allowedValues.map((value) => JSON.stringify(value)).join(', ')}`;
  } else if (error.keyword === 'const') {
    reason = `must be ${JSON.stringify(params.allowedValue)}`;
  } else if (error.keyword === 'type') {
    // ajv joins union types with a bare comma ("must be integer,null").
    reason = `must be ${String(params.type).split(',').join(' or ')}`;
  } else if (error.keyword === 'pattern') {
    // ajv quotes the pattern as a JSON string, doubling every backslash; a regex literal reads as written.
    reason = `must match pattern /${String(params.pattern)}/`;
  }
  return `${path}: ${reason}`;
}

/**
 * Check a value against the output contract v1.
 *
 * @param doc
 *   Value to check, typically the output of the normalise stage or a parsed JSON file.
 * @returns
 *   `{ valid: true, document }` with the same value typed, or `{ valid: false, errors }` with one line per violation.
 */
export function validateDocument(doc: unknown): ValidationResult {
  const validate = validator();
  if (validate(doc)) return { valid: true, document: doc };
  return { valid: false, errors: (validate.errors ?? []).map(formatError) };
}

/**
 * Return the document typed when it satisfies the output contract v1, else throw.
 *
 * @param doc
 *   Value to check.
 * @returns
 *   The same value, typed as `BrochureDocument`.
 * @throws {BrochureError}
 *   `INVALID_OUTPUT` quoting the first violations on one line (a bug in the pipeline, not in the input).
 */
export function assertValid(doc: unknown): BrochureDocument {
  const result = validateDocument(doc);
  if (result.valid) return result.document;
  const { errors } = result;
  const more = errors.length > QUOTED_ERRORS ? `; and ${errors.length - QUOTED_ERRORS} more` : '';
  throw new BrochureError(
    'INVALID_OUTPUT',
    `output does not match the brochure schema v1 (${errors.length} error${errors.length === 1 ? '' : 's'}): ` +
      errors.slice(0, QUOTED_ERRORS).join('; ') +
      more,
  );
}
