/**
 * Composes the stages: extract -> features -> segment -> parse -> normalise -> check -> validate. The only
 * module that knows the order; each stage is a plain function of the previous one's output.
 */
import { createHash } from 'node:crypto';
import { Deadline } from './deadline.js';
import { extractDocument, type ExtractOptions } from './extract/index.js';
import type { Profile, Vocabulary } from './profile.js';
import { readBrochureInput, type BrochureInput } from './read.js';
import type { BrochureDocument, Diagnostic, ExtractedDocument, ParsedProject, SegmentedDocument } from './types.js';

/**
 * The stages after extract, loaded once extract has started: on a PDF read by page threads, the
 * threads start first and these modules load while they read.
 */
const laterStageModules = async () => {
  const [{ describeBlocks }, { segmentDocument }, { parseProject }, { normaliseDocument }, { selfCheck }, { assertValid, prepareValidator }, { compileProfile, DEFAULT_VOCABULARY }] = await Promise.all([
    import('./features.js'),
    import('./segment/index.js'),
    import('./parse/index.js'),
    import('./normalise/index.js'),
    import('./check/index.js'),
    import('./validate/index.js'),
    import('./profile.js'),
  ]);
  return { describeBlocks, segmentDocument, parseProject, normaliseDocument, selfCheck, assertValid, prepareValidator, compileProfile, DEFAULT_VOCABULARY };
};
type LaterStages = Awaited<ReturnType<typeof laterStageModules>>;

/** Options of a pipeline run. */
export interface PipelineOptions extends ExtractOptions {
  /** Give up after this many milliseconds (default: no limit). */
  readonly timeoutMs?: number;
  /** Vocabulary profile, already merged onto the shipped one (`loadProfile`); the shipped profile when omitted. */
  readonly profile?: Profile;
  /**
   * The edition ("2019-2020" or "2019 / 2020") of a brochure whose cover and colophon do not print
   * it (some converters drop or garble the cover). Without it such a brochure's document has its
   * edition, years and project ids null and is partial (`EDITION_NOT_FOUND`, an error: exit 3); a
   * printed edition is kept and a different one given here reported.
   */
  readonly edition?: string;
}

/** Every intermediate result of a run, for tests, snapshots and the benchmark. */
export interface StageResults {
  readonly extracted: ExtractedDocument;
  readonly segmented: SegmentedDocument;
  readonly parsed: readonly ParsedProject[];
  readonly document: BrochureDocument;
  /**
   * Whether the document is known to be incomplete or misread: a project could not be parsed
   * (`PROJECT_UNPARSED`) or is known from the sommaire only, or any diagnostic is an error (the
   * self-check's among them: `SOMMAIRE_TRUNCATED`, `EMAIL_UNASSIGNED`, `PROJECT_IMPLAUSIBLE`…).
   */
  readonly partial: boolean;
  /** Milliseconds spent in each stage. */
  readonly timings: { extract: number; segment: number; parse: number; normalise: number; check: number; validate: number };
}

/**
 * Runs every stage on one brochure and keeps each intermediate result.
 * @param input The PDF or converter text: a path, a `file:` URL or the bytes (Uint8Array, Buffer, ArrayBuffer).
 * @param options Configuration (optional); `fileName` defaults to the path.
 * @returns The validated document and the stages' outputs.
 */
export async function runStages(input: BrochureInput, options: PipelineOptions = {}): Promise<StageResults> {
  const { bytes, path } = await readBrochureInput(input);
  return runStagesOnBytes(bytes, path !== undefined && options.fileName === undefined ? { ...options, fileName: path } : options);
}

async function runStagesOnBytes(bytes: Uint8Array, options: PipelineOptions): Promise<StageResults> {
  if (options.timeoutMs === undefined) return runStagesWithin(bytes, options);
  const deadline = new Deadline(options.timeoutMs);
  // The race ends the wait even where the work cannot be stopped (pdf.js in this thread, pageThreads 0).
  const timeout = new Promise<never>((_, reject) => deadline.signal.addEventListener('abort', () => reject(deadline.signal.reason as Error), { once: true }));
  try {
    return await Promise.race([runStagesWithin(bytes, options, deadline), timeout]);
  } finally {
    deadline.dispose();
  }
}

async function runStagesWithin(bytes: Uint8Array, options: PipelineOptions, deadline?: Deadline): Promise<StageResults> {
  let start = performance.now();
  const lap = (): number => {
    const now = performance.now();
    const spent = now - start;
    start = now;
    return spent;
  };
  const extracting = extractDocument(bytes, deadline ? { ...options, deadline } : options);
  const loading = laterStageModules().then((stages) => {
    // Page threads are reading: this thread has time to get the validator ready.
    if ((options.pageThreads ?? 0) > 0) stages.prepareValidator();
    return stages;
  });
  const [extracted, stages] = await Promise.all([extracting, loading]);
  const extract = lap();
  const later = (): StageResults => laterStages(stages, bytes, options, extracted, extract, lap);
  return deadline ? deadline.run(later) : later();
}

/** The stages after extract, all synchronous (so a deadline can interrupt them). */
function laterStages(stages: LaterStages, bytes: Uint8Array, options: PipelineOptions, extracted: ExtractedDocument, extract: number, lap: () => number): StageResults {
  const { segmentDocument, normaliseDocument, assertValid } = stages;
  const vocabulary = options.profile ? stages.compileProfile(options.profile) : stages.DEFAULT_VOCABULARY;
  // The features layer, once, before any stage reads the blocks (timed with segment).
  stages.describeBlocks(extracted, vocabulary);
  const segmented = segmentDocument(extracted, vocabulary);
  const segment = lap();
  const { parsed, failures } = parseEach(segmented, stages.parseProject, vocabulary);
  const parse = lap();
  const normalised = normaliseDocument(segmented, parsed, {
    file: baseName(options.fileName ?? 'input'),
    sha256: createHash('sha256').update(bytes).digest('hex'),
    format: extracted.format,
    pageCount: extracted.pageCount,
  }, vocabulary, options.edition);
  normalised.diagnostics.unshift(...extracted.diagnostics, ...failures);
  const normalise = lap();
  // The document against what the brochure itself promises, before it is declared complete.
  normalised.diagnostics.push(...stages.selfCheck({ extracted, segmented, parsed, document: normalised, vocabulary }));
  const check = lap();
  const document = assertValid(normalised);
  const validate = lap();
  // Partial: a project left out, one known from the sommaire only, no project delimited at all, or
  // any error (data lost or misread: the self-check's violations are errors).
  const partial = failures.length > 0 || segmented.projects.some((project) => project.fromSommaireOnly) || document.diagnostics.some((d) => d.severity === 'error');
  return { extracted, segmented, parsed, document, partial, timings: { extract, segment, parse, normalise, check, validate } };
}

/**
 * Parses each project on its own: one that cannot be parsed is left out of the document and its
 * raw text kept in an error diagnostic, so nothing is lost and the others still come out.
 */
function parseEach(segmented: SegmentedDocument, parseProject: LaterStages['parseProject'], vocabulary: Vocabulary): { parsed: ParsedProject[]; failures: Diagnostic[] } {
  const parsed: ParsedProject[] = [];
  const failures: Diagnostic[] = [];
  for (const project of segmented.projects) {
    try {
      const entry = segmented.sommaire.find((candidate) => candidate.numero === project.numero);
      parsed.push(parseProject(project, vocabulary, entry));
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
 * @param input The PDF or converter text: a path, a `file:` URL or the bytes.
 * @param options Configuration (optional).
 * @returns The validated brochure document.
 */
export async function extractBrochure(input: BrochureInput, options: PipelineOptions = {}): Promise<BrochureDocument> {
  return (await runStages(input, options)).document;
}

/**
 * Runs the pipeline and says whether the document is partial (some projects left out).
 * @param input The PDF or converter text: a path, a `file:` URL or the bytes.
 * @param options Configuration (optional).
 * @returns The document and the partial flag.
 */
export async function extractBrochureWithStatus(input: BrochureInput, options: PipelineOptions = {}): Promise<{ document: BrochureDocument; partial: boolean }> {
  const { document, partial } = await runStages(input, options);
  return { document, partial };
}

function baseName(path: string): string {
  return path.split(/[\\/]/).at(-1) ?? path;
}
