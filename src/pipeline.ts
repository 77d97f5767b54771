/**
 * Composes the stages: extract -> segment -> parse -> normalise -> validate. The only module
 * that knows the order; each stage is a plain function of the previous one's output.
 */
import { createHash } from 'node:crypto';
import { BrochureError } from './errors.js';
import { extractDocument, type ExtractOptions } from './extract/index.js';
import { normaliseDocument } from './normalise/index.js';
import { DEFAULT_VOCABULARY, compileProfile, type Profile, type Vocabulary } from './profile.js';
import { parseProject } from './parse/index.js';
import { segmentDocument } from './segment/index.js';
import type { BrochureDocument, Diagnostic, ExtractedDocument, ParsedProject, SegmentedDocument } from './types.js';
import { assertValid } from './validate/index.js';

/** Options of a pipeline run. */
export interface PipelineOptions extends ExtractOptions {
  /** Give up after this many milliseconds (default: no limit). */
  readonly timeoutMs?: number;
  /** Vocabulary profile, already merged onto the shipped one (`loadProfile`); the shipped profile when omitted. */
  readonly profile?: Profile;
}

/** Every intermediate result of a run, for tests, snapshots and the benchmark. */
export interface StageResults {
  readonly extracted: ExtractedDocument;
  readonly segmented: SegmentedDocument;
  readonly parsed: readonly ParsedProject[];
  readonly document: BrochureDocument;
  /** Whether some projects could not be parsed (they are in `document.diagnostics` as `PROJECT_UNPARSED`). */
  readonly partial: boolean;
  /** Milliseconds spent in each stage. */
  readonly timings: { extract: number; segment: number; parse: number; normalise: number; validate: number };
}

/**
 * Runs every stage on one brochure and keeps each intermediate result.
 * @param bytes The PDF or converter text.
 * @param options Configuration (optional).
 * @returns The validated document and the stages' outputs.
 */
export async function runStages(bytes: Uint8Array, options: PipelineOptions = {}): Promise<StageResults> {
  const work = runStagesUnbounded(bytes, options);
  if (options.timeoutMs === undefined) return work;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new BrochureError('TIMEOUT', `reading took longer than ${options.timeoutMs} ms: the file is too large or malformed (raise --timeout if it is a real brochure)`)),
      options.timeoutMs,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function runStagesUnbounded(bytes: Uint8Array, options: PipelineOptions): Promise<StageResults> {
  let start = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const spent = now - start;
    start = now;
    return spent;
  };
  const vocabulary = options.profile ? compileProfile(options.profile) : DEFAULT_VOCABULARY;
  const extracted = await extractDocument(bytes, options);
  const extract = lap();
  const segmented = segmentDocument(extracted, vocabulary);
  const segment = lap();
  const { parsed, failures } = parseEach(segmented, vocabulary);
  const parse = lap();
  const normalised = normaliseDocument(segmented, parsed, {
    file: baseName(options.fileName ?? 'input'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format: extracted.format,
    pageCount: extracted.pageCount,
  }, vocabulary);
  normalised.diagnostics.unshift(...extracted.diagnostics, ...failures);
  const normalise = lap();
  const document = assertValid(normalised);
  const validate = lap();
  // Partial: a project left out, one known from the sommaire only, or no project delimited at all.
  const partial = failures.length > 0 || segmented.projects.some((project) => project.fromSommaireOnly) || segmented.diagnostics.some((d) => d.code === 'PROJECTS_NOT_FOUND');
  return { extracted, segmented, parsed, document, partial, timings: { extract, segment, parse, normalise, validate } };
}

/**
 * Parses each project on its own: one that cannot be parsed is left out of the document and its
 * raw text kept in an error diagnostic, so nothing is lost and the others still come out.
 */
function parseEach(segmented: SegmentedDocument, vocabulary: Vocabulary): { parsed: ParsedProject[]; failures: Diagnostic[] } {
  const parsed: ParsedProject[] = [];
  const failures: Diagnostic[] = [];
  for (const project of segmented.projects) {
    try {
      parsed.push(parseProject(project, vocabulary));
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      const raw = project.blocks.map((block) => block.text).join('\n\n');
      failures.push({
        code: 'PROJECT_UNPARSED',
        severity: 'error',
        projet: project.numero,
        ...(project.heading.page !== null ? { page: project.heading.page } : {}),
        message: `Projet ${String(project.numero).padStart(2, '0')} non lu (${reason}) ; texte brut conservé : ${raw}`,
      });
    }
  }
  return { parsed, failures };
}

/**
 * Runs the pipeline on one brochure.
 * @param bytes The PDF or converter text.
 * @param options Configuration (optional).
 * @returns The validated brochure document.
 */
export async function extractBrochure(bytes: Uint8Array, options: PipelineOptions = {}): Promise<BrochureDocument> {
  return (await runStages(bytes, options)).document;
}

/**
 * Runs the pipeline and says whether the document is partial (some projects left out).
 * @param bytes The PDF or converter text.
 * @param options Configuration (optional).
 * @returns The document and the partial flag.
 */
export async function extractBrochureWithStatus(bytes: Uint8Array, options: PipelineOptions = {}): Promise<{ document: BrochureDocument; partial: boolean }> {
  const { document, partial } = await runStages(bytes, options);
  return { document, partial };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}
