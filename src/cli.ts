/**
 * Command line: argument parsing, help, one-line errors and exit codes. The only module that
 * prints or exits; the work is done by the library functions it calls.
 */
import { mkdir, readFile, stat } from 'node:fs/promises';
import { readInput } from './read.js';
import { availableParallelism } from 'node:os';
import { basename, extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { BrochureError, EXIT } from './errors.js';
import type { BrochureDocument, Diagnostic } from './types.js';

const HELP: Record<string, string> = {
  main: `brochure-extract: INET « Regards croisés sur les territoires » brochure (PDF or converter text) -> validated JSON

Usage:
  brochure-extract extract INPUT... [options]   extract one or more brochures (files or folders)
  brochure-extract report OUT.json [--html FILE] review an extracted document (text, or a standalone HTML page)
  brochure-extract help [COMMAND]               show help for a command
  brochure-extract --version

Run 'brochure-extract extract --help' for the extract options.`,
  extract: `Usage: brochure-extract extract INPUT... [options]

Reads each INPUT (.pdf, or .txt/.md converter text; a folder means the brochures in it), writes
the validated JSON document and prints one summary line per file.

Options:
  --out FILE         output file (one input only; default output/<anneeDebut>-<anneeFin>.json)
  --out-dir DIR      output folder (default output/); with several inputs each is written as DIR/<input name>.json
  --strict           exit 2 when any warning or error diagnostic is raised
  --allow-partial    exit 0 even when some projects could not be parsed (default: exit 3)
  --password PASS    password of an encrypted PDF
  --max-pages N      refuse PDFs with more pages (default 2000)
  --timeout MS       give up on a file after MS milliseconds (default 60000)
  --jobs N           files processed at once (default: number of cores)
  --page-threads N   threads reading one PDF's pages (default: 2 when 2 cores are idle and the PDF has 80 pages or more, else 1)
  --debug            print stack traces of unexpected errors
  -q, --quiet        print nothing on success
  -h, --help         show this help

Exit codes: 0 ok, 1 internal error, 2 --strict and warnings, 3 partial, 64 usage,
65 bad input, 66 input not found, 73 output not writable, 75 limit (pages, timeout).`,
  report: `Usage: brochure-extract report OUT.json [--html FILE]

Prints a plain-text review of an extracted document: diagnostics by severity and code, then per
project. With --html, writes a standalone HTML page instead (no server, no external assets).

Options:
  --html FILE   write the HTML review page to FILE
  -h, --help    show this help`,
};

/** One processed file, as the summary reports it. */
interface Outcome {
  readonly input: string;
  readonly output?: string;
  readonly document?: BrochureDocument;
  readonly partial?: boolean;
  readonly error?: BrochureError | Error;
  readonly ms: number;
}

/**
 * Runs the command line.
 * @param argv Arguments after the program name.
 * @returns The process exit code.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const [command, ...rest] = argv;
    if (command === undefined || command === '-h' || command === '--help') return print(HELP.main!);
    if (command === '--version' || command === '-v') return print(await version());
    if (command === 'help') return print(HELP[rest[0] ?? 'main'] ?? HELP.main!);
    if (command === 'extract') return await extractCommand(rest);
    if (command === 'report') return await reportCommand(rest);
    throw new BrochureError('USAGE', `unknown command '${command}' (commands: extract, report, help)`);
  } catch (error) {
    return fail(error, debug);
  }
}

async function extractCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    out: { type: 'string' },
    'out-dir': { type: 'string' },
    strict: { type: 'boolean' },
    'allow-partial': { type: 'boolean' },
    password: { type: 'string' },
    'max-pages': { type: 'string' },
    timeout: { type: 'string' },
    jobs: { type: 'string' },
    'page-threads': { type: 'string' },
    debug: { type: 'boolean' },
    quiet: { type: 'boolean', short: 'q' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return print(HELP.extract!);
  if (positionals.length === 0) throw new BrochureError('USAGE', "extract needs an INPUT file (try 'brochure-extract extract --help')");
  const inputs = await expandInputs(positionals);
  if (values.out !== undefined && inputs.length > 1) throw new BrochureError('USAGE', '--out takes one input; use --out-dir for several');
  const options = {
    password: values.password,
    maxPages: positiveInteger(values['max-pages'], '--max-pages'),
    timeoutMs: positiveInteger(values.timeout, '--timeout') ?? 60_000,
  };
  const jobs = positiveInteger(values.jobs, '--jobs');
  const outDir = values['out-dir'] ?? 'output';
  const outputFor = (input: string, document: BrochureDocument): string =>
    values.out ?? (inputs.length > 1
      ? join(outDir, `${basename(input, extname(input))}.json`)
      : join(outDir, `${document.brochure.anneeDebut}-${document.brochure.anneeFin}.json`));
  if (values['out-dir'] === undefined && values.out === undefined) await mkdir(outDir, { recursive: true }).catch(() => undefined);

  const [{ processFiles }, { defaultPageThreads }] = await Promise.all([import('./batch.js'), import('./extract/pdf-threads.js')]);
  // A progress line ("12/20 files") only for a person watching: not in pipes, logs or with --quiet.
  const progress = process.stderr.isTTY && inputs.length > 1 && !values.quiet;
  const onDone = progress ? (done: number, total: number) => process.stderr.write(`\r${done}/${total} files`) : undefined;
  // Several files at once: a worker thread per job slot. One at a time: this thread, with pdf.js in
  // page-reading threads; either way --timeout stops a parse that never yields (terminated thread,
  // or V8's watchdog for the synchronous stages) and pdf.js is loaded once.
  const fileThreads = inputs.length > 1 && (jobs ?? availableParallelism()) > 1;
  const pageThreads = positiveInteger(values['page-threads'], '--page-threads') ?? defaultPageThreads();
  const outcomes: Outcome[] = await processFiles(inputs, { ...options, jobs, outputFor, onDone, threads: fileThreads, pageThreads: fileThreads ? 0 : pageThreads });
  if (progress) process.stderr.write('\r\x1b[K');
  let exit: number = EXIT.ok;
  for (const outcome of outcomes) {
    if (outcome.error) {
      process.stderr.write(`brochure-extract: ${outcome.input}: ${errorLine(outcome.error, values.debug === true)}\n`);
      exit = worst(exit, outcome.error instanceof BrochureError ? outcome.error.exitCode : EXIT.internal);
      continue;
    }
    const document = outcome.document!;
    if (!values.quiet) process.stdout.write(`${summaryLine(outcome)}\n`);
    if (outcome.partial && !values['allow-partial']) exit = worst(exit, EXIT.partial);
    if (values.strict && document.diagnostics.some((d) => d.severity !== 'info')) exit = worst(exit, EXIT.strict);
  }
  return exit;
}

async function reportCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, { html: { type: 'string' }, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } });
  if (values.help) return print(HELP.report!);
  if (positionals.length !== 1) throw new BrochureError('USAGE', "report takes one OUT.json (try 'brochure-extract report --help')");
  const file = positionals[0]!;
  const raw = await readInput(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new BrochureError('NOT_A_BROCHURE', `'${file}' is not JSON: pass a document written by 'brochure-extract extract'`);
  }
  const { validateDocument } = await import('./validate/index.js');
  const checked = validateDocument(parsed);
  if (!checked.valid) throw new BrochureError('NOT_A_BROCHURE', `'${file}' is not a brochure document: ${checked.errors.slice(0, 2).join('; ')}`);
  const { renderHtml, renderText } = await import('./report/index.js');
  if (values.html !== undefined) {
    const { writeTextAtomic } = await import('./write.js');
    await writeTextAtomic(values.html, renderHtml(checked.document, { generatedAt: new Date().toISOString() }));
    process.stdout.write(`report: ${values.html} (${checked.document.projets.length} projects, ${checked.document.diagnostics.length} diagnostics)\n`);
  } else {
    process.stdout.write(renderText(checked.document));
  }
  return EXIT.ok;
}

/** The one-line summary of a processed file: projects, authors, diagnostics by severity, time. */
function summaryLine(outcome: Outcome): string {
  const document = outcome.document!;
  const count = (severity: Diagnostic['severity']): number => document.diagnostics.filter((d) => d.severity === severity).length;
  const authors = document.projets.reduce((n, projet) => n + projet.auteurs.length, 0);
  const partial = outcome.partial ? ' PARTIAL' : '';
  return `${outcome.output}: ${document.projets.length} projects, ${authors} authors, diagnostics ${count('error')} errors / ${count('warning')} warnings / ${count('info')} infos, ${(outcome.ms / 1000).toFixed(2)} s${partial}`;
}

/** Expands folders into the brochures they hold (.pdf, .txt, .md), sorted. */
async function expandInputs(paths: readonly string[]): Promise<string[]> {
  const { readdir } = await import('node:fs/promises');
  const files: string[] = [];
  for (const path of paths) {
    const info = await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const names = (await readdir(path)).filter((name) => /\.(pdf|txt|md)$/i.test(name)).sort();
      files.push(...names.map((name) => join(path, name)));
    } else {
      files.push(path);
    }
  }
  if (files.length === 0) throw new BrochureError('INPUT_NOT_FOUND', `no .pdf, .txt or .md file in ${paths.join(', ')}`);
  return files;
}

type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

function parseOptions<T extends OptionSpec>(argv: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new BrochureError('USAGE', `${(error as Error).message.split('\n')[0]} (try --help)`);
  }
}

function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number <= 0) throw new BrochureError('USAGE', `${name} takes a positive whole number, not '${value}'`);
  return number;
}

/** Keeps the most telling exit code: any failure beats partial, partial beats strict. */
function worst(a: number, b: number): number {
  const rank = (code: number): number => (code === EXIT.ok ? 0 : code === EXIT.strict ? 1 : code === EXIT.partial ? 2 : 3);
  return rank(b) > rank(a) ? b : a;
}

function errorLine(error: unknown, debug: boolean): string {
  // A BrochureError is the input's fault and its message says what to do: a stack would only hide it.
  if (error instanceof BrochureError) return error.message;
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `\n${error.stack}` : ' (run with --debug for details)';
  return `internal error: ${message.split('\n')[0]}${stack}`;
}

function fail(error: unknown, debug: boolean): number {
  process.stderr.write(`brochure-extract: ${errorLine(error, debug)}\n`);
  return error instanceof BrochureError ? error.exitCode : EXIT.internal;
}

function print(text: string): number {
  process.stdout.write(`${text}\n`);
  return EXIT.ok;
}

async function version(): Promise<string> {
  const pkg = JSON.parse(await readFile(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}


