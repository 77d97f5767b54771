/**
 * What `ingest` accepts: a brochure (PDF or converter text, run through the pipeline) or a
 * document JSON that `extract` wrote (checked against the schema first).
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { BrochureError } from '../errors.js';
import { extractBrochureWithStatus, type PipelineOptions } from '../pipeline.js';
import { readInput } from '../read.js';
import type { BrochureDocument, Diagnostic } from '../types.js';
import { validateDocument } from '../validate/index.js';
import type { IngestInput } from './ingest.js';

/** A document ready to ingest. */
export interface LoadedDocument {
  readonly document: BrochureDocument;
  readonly input: IngestInput;
  /** The document is partial: an error diagnostic (some projects could not be parsed, or it was misread) says what. */
  readonly partial: boolean;
}

/**
 * Whether a diagnostic makes a document JSON partial, as the pipeline decides it for a brochure
 * (src/pipeline.ts): any error (a project left out, one known from the sommaire only, no project
 * delimited, or the self-check's violations).
 */
const isPartialMark = (diagnostic: Diagnostic): boolean => diagnostic.severity === 'error';

/** An ingest input's bytes, read and hashed before anything else is done with them. */
export interface ReadForIngest {
  readonly bytes: Uint8Array;
  readonly input: IngestInput;
}

/**
 * Reads and hashes one ingest input (the hash says whether it is already in, before the pipeline runs).
 * @param path A .json document, or a .pdf/.txt/.md brochure.
 * @returns Its bytes and sha256.
 * @throws {BrochureError} For a missing or unreadable file.
 */
export async function readForIngest(path: string): Promise<ReadForIngest> {
  const bytes = await readInput(path);
  return { bytes, input: { file: path, sha256: createHash('sha256').update(bytes).digest('hex') } };
}

/**
 * Reads one ingest input.
 * @param path A .json document, or a .pdf/.txt/.md brochure.
 * @param options Pipeline options for brochures (password, page limit, timeout).
 * @param read The input already read by `readForIngest` (else it is read here).
 * @returns The validated document and the input's sha256.
 * @throws {BrochureError} For an unreadable file, a JSON that is not a brochure document, or a brochure the pipeline refuses.
 */
export async function loadForIngest(path: string, options: PipelineOptions = {}, read?: ReadForIngest): Promise<LoadedDocument> {
  const { bytes, input } = read ?? (await readForIngest(path));
  if (extname(path).toLowerCase() !== '.json') {
    const { document, partial } = await extractBrochureWithStatus(bytes, { ...options, fileName: path });
    return { document, input, partial };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new BrochureError('NOT_A_BROCHURE', `'${path}' is not UTF-8 JSON: pass a document written by 'brochure-extract extract'`);
  }
  const checked = validateDocument(parsed);
  if (!checked.valid) throw new BrochureError('NOT_A_BROCHURE', `'${path}' is not a brochure document: ${checked.errors.slice(0, 2).join('; ')}`);
  return { document: checked.document, input, partial: checked.document.diagnostics.some(isPartialMark) };
}
