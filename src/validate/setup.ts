/**
 * The ajv settings of the output contract, in one place: the build generates the standalone
 * validator with them (`generate.ts`) and, when that file is missing (running the sources), the
 * validator is compiled at run time with the same ones (`index.ts`).
 */
import type { Ajv2020, Options } from 'ajv/dist/2020.js';

/** Options of the ajv instance (plus `code.source` when generating standalone code). */
export const AJV_OPTIONS: Options = {
  allErrors: true,
  // Nullable fields are written `type: ["string", "null"]`, which strict mode refuses without `allowUnionTypes`.
  allowUnionTypes: true,
};

/**
 * Adds the formats the schema names.
 * @param ajv The instance.
 * @param addFormats ajv-formats' plugin.
 */
export function addSchemaFormats(ajv: Ajv2020, addFormats: (ajv: Ajv2020) => unknown): void {
  addFormats(ajv);
  // ajv-formats has no `idn-email`; the schema's `pattern` does the checking, the format only documents intent.
  ajv.addFormat('idn-email', true);
}

/** File name of the generated validator, beside `dist/validate/index.js`. */
export const STANDALONE_FILE = 'schema-validator.cjs';
