/**
 * What `ingest` accepts: a brochure (PDF or converter text, run through the pipeline) or a
 * document JSON that `extract` wrote (checked against the schema first).
 */
import { createHash } from 'node:crypto';
import { extname } from 'node:path';
import { BrochureError } from '../errors.js';
import { extractBrochureWithStatus, type PipelineOptions } from '../pipeline.js';
import { readInput } from '../read.js';
import type { BrochureDocument } from '../types.js';
import { validateDocument } from '../validate/index.js';
import type { IngestInput } from './ingest.js';

/** A document ready to ingest. */
export interface LoadedDocument {
  readonly document: BrochureDocument;
  readonly input: IngestInput;
  /** Some projects could not be parsed (the document says which, as PROJECT_UNPARSED). */
  readonly partial: boolean;
}

/**
 * Reads one ingest input.
 * @param path A .json document, or a .pdf/.txt/.md brochure.
 * @param options Pipeline options for brochures (password, page limit, timeout).
 * @returns The validated document and the input's sha256.
 * @throws {BrochureError} For an unreadable file, a JSON that is not a brochure document, or a brochure the pipeline refuses.
 */
export async function loadForIngest(path: string, options: PipelineOptions = {}): Promise<LoadedDocument> {
  const bytes = await readInput(path);
  const input = { file: path, sha256: createHash('sha256').update(bytes).digest('hex') };
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
  return { document: checked.document, input, partial: checked.document.diagnostics.some((d) => d.severity === 'error') };
}
