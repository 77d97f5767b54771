/**
 * Errors that stop the pipeline on bad input. Each has a stable code, a one-line message that
 * says what is wrong and what to do, and the process exit code the CLI uses for it.
 * Anomalies that do not stop the pipeline are `Diagnostic`s, not errors.
 */

/** Exit codes of the CLI (documented in the README). */
export const EXIT = {
  ok: 0,
  /** Unexpected failure (a bug): the message says so. */
  internal: 1,
  /** `--strict` and at least one warning or error diagnostic. */
  strict: 2,
  /** Some projects could not be parsed; the others were written (without `--allow-partial`). */
  partial: 3,
  /** Wrong command line. */
  usage: 64,
  /** The input is not a readable brochure (not a PDF, truncated, encrypted, image-only, empty, wrong document). */
  badInput: 65,
  /** The input file does not exist or cannot be read. */
  noInput: 66,
  /** The output cannot be written (missing or read-only folder). */
  cantCreate: 73,
  /** The input took longer than `--timeout` or has more pages than `--max-pages`. */
  limit: 75,
} as const;

/** Codes of the errors the pipeline raises on purpose. */
export type ErrorCode =
  | 'USAGE'
  | 'INPUT_NOT_FOUND'
  | 'EMPTY_INPUT'
  | 'NOT_A_PDF'
  | 'PDF_DAMAGED'
  | 'PDF_PASSWORD_REQUIRED'
  | 'PDF_PASSWORD_WRONG'
  | 'IMAGE_ONLY'
  | 'NOT_A_BROCHURE'
  | 'TEXT_ENCODING'
  | 'TOO_MANY_PAGES'
  | 'TIMEOUT'
  | 'INVALID_OUTPUT'
  | 'OUTPUT_NOT_WRITABLE'
  | 'EDITION_EXISTS'
  | 'EDITION_NOT_FOUND';

const EXIT_BY_CODE: Record<ErrorCode, number> = {
  USAGE: EXIT.usage,
  INPUT_NOT_FOUND: EXIT.noInput,
  EMPTY_INPUT: EXIT.badInput,
  NOT_A_PDF: EXIT.badInput,
  PDF_DAMAGED: EXIT.badInput,
  PDF_PASSWORD_REQUIRED: EXIT.badInput,
  PDF_PASSWORD_WRONG: EXIT.badInput,
  IMAGE_ONLY: EXIT.badInput,
  NOT_A_BROCHURE: EXIT.badInput,
  TEXT_ENCODING: EXIT.badInput,
  TOO_MANY_PAGES: EXIT.limit,
  TIMEOUT: EXIT.limit,
  INVALID_OUTPUT: EXIT.internal,
  OUTPUT_NOT_WRITABLE: EXIT.cantCreate,
  // Another file of an edition already in the dataset: the input conflicts with the data (EX_DATAERR).
  EDITION_EXISTS: EXIT.badInput,
  // `ingest` of a document without edition (the dataset's key): the rest was read, partial, and --edition gives it.
  EDITION_NOT_FOUND: EXIT.partial,
};

/** An error the user can act on: `message` is one line, no stack trace is shown for it. */
export class BrochureError extends Error {
  /** Stable code, e.g. `PDF_PASSWORD_REQUIRED`. */
  readonly code: ErrorCode;
  /** Exit code the CLI returns for it. */
  readonly exitCode: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BrochureError';
    this.code = code;
    this.exitCode = EXIT_BY_CODE[code];
  }
}
