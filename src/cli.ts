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
  brochure-extract compare ACTUAL.json EXPECTED.json [--min X] [--json]
                                                field-by-field accuracy against an expected document
  brochure-extract ingest INPUT... [--db FILE]  add editions to the SQLite dataset (brochures or extracted JSON)
  brochure-extract export --format csv|ndjson|json [--db FILE] [--out DIR|-]  the dataset for other systems
  brochure-extract help [COMMAND]               show help for a command
  brochure-extract --version

Run 'brochure-extract extract --help' for the extract options.`,
  extract: `Usage: brochure-extract extract INPUT... [options]

Reads each INPUT (.pdf, or .txt/.md converter text; a folder means the brochures in it), writes
the validated JSON document and prints one summary line per file.

Options:
  --out FILE         output file (one input only; default output/<anneeDebut>-<anneeFin>.json);
                     '-' writes the document to stdout (summary and errors go to stderr)
  --out-dir DIR      output folder (default output/); with several inputs each is written as DIR/<input name>.json
  --strict           exit 2 when any warning or error diagnostic is raised
  --allow-partial    exit 0 even when the document is partial: some projects could not be parsed, or the
                     self-check found it misread (an error diagnostic; default: exit 3)
  --password PASS    password of an encrypted PDF
  --max-pages N      refuse PDFs with more pages (default 2000)
  --timeout MS       give up on a file after MS milliseconds (default 60000)
  --profile FILE     vocabulary profile (JSON) extending the shipped one (see README « Next year's brochure has a new design »)
  --jobs N           files processed at once (default: number of cores)
  --page-threads N   threads reading one PDF's pages (default: 2 when 2 cores are idle and the PDF has 200 pages or more, else 1;
                     N given: N threads whatever the page count)
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
  ingest: `Usage: brochure-extract ingest INPUT... [options]

Adds each INPUT to the SQLite dataset, one edition per input, each inside one transaction. An
INPUT is a brochure (.pdf, .txt, .md: run through the pipeline) or a document JSON written by
'extract' (checked against the schema). The same file again changes nothing; another file for an
edition already in the dataset is refused unless --replace. Tables and views: docs/dataset.md.

Options:
  --db FILE          the dataset (default output/brochures.sqlite; created when missing)
  --replace          replace an edition already there, and print which projects changed
  --password PASS    password of an encrypted PDF
  --max-pages N      refuse PDFs with more pages (default 2000)
  --timeout MS       give up on a brochure after MS milliseconds (default 60000)
  --profile FILE     vocabulary profile (JSON) extending the shipped one, as for extract
  -q, --quiet        print nothing on success
  -h, --help         show this help

Exit codes: as for extract; 65 also when an edition is already there from another file.`,
  export: `Usage: brochure-extract export --format csv|ndjson|json [options]

Writes the dataset for other systems:
  csv     one RFC 4180 file per table (<table>.csv)
  ndjson  projects.ndjson: one project per line, people (with stable ids), figures and references inlined
  json    <edition>.json: the contract document of each edition, as 'extract' wrote it

Options:
  --db FILE          the dataset (default output/brochures.sqlite)
  --format F         csv, ndjson or json (required)
  --edition KEY      only this edition, e.g. 2019-2020
  --out DIR | -      output folder (default output/export); '-' writes to stdout (ndjson, or json of one edition)
  --excel            csv for French spreadsheet software: UTF-8 BOM, ';' separators, decimal commas
  -h, --help         show this help`,
};

/** Where `ingest` and `export` find the dataset unless --db says otherwise. */
const DEFAULT_DB = join('output', 'brochures.sqlite');

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
    if (command === 'help' && rest[0] === 'compare') return print((await import('./compare/command.js')).COMPARE_HELP);
    if (command === 'help') return print(HELP[rest[0] ?? 'main'] ?? HELP.main!);
    if (command === 'extract') return await extractCommand(rest);
    if (command === 'report') return await reportCommand(rest);
    if (command === 'compare') return await compare(rest);
    if (command === 'ingest') return await ingestCommand(rest);
    if (command === 'export') return await exportCommand(rest);
    throw new BrochureError('USAGE', `unknown command '${command}' (commands: extract, report, compare, ingest, export, help)`);
  } catch (error) {
    return fail(error, debug);
  }
}

async function extractCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    ...READING_OPTIONS,
    out: { type: 'string' },
    'out-dir': { type: 'string' },
    strict: { type: 'boolean' },
    'allow-partial': { type: 'boolean' },
    jobs: { type: 'string' },
    'page-threads': { type: 'string' },
  });
  if (values.help) return print(HELP.extract!);
  if (positionals.length === 0) throw new BrochureError('USAGE', "extract needs an INPUT file (try 'brochure-extract extract --help')");
  // One PDF: its page-reading thread starts loading pdf.js now, while this thread loads the rest. By
  // default one thread (a second starts only once the PDF proves long enough and a core is idle);
  // --page-threads N starts N at once and uses them all (one page per thread suffices).
  const { defaultPageThreads, prestartPageThread } = await import('./extract/pdf-threads.js');
  const askedThreads = positiveInteger(values['page-threads'], '--page-threads');
  const pageThreads = askedThreads ?? defaultPageThreads();
  if (positionals.length === 1 && /\.pdf$/i.test(positionals[0]!)) prestartPageThread(undefined, askedThreads ?? 1);
  const inputs = await expandInputs(positionals);
  if (values.out !== undefined && inputs.length > 1) throw new BrochureError('USAGE', '--out takes one input; use --out-dir for several');
  const options = await readingOptions(values);
  const jobs = positiveInteger(values.jobs, '--jobs');
  const outDir = values['out-dir'] ?? 'output';
  const toStdout = values.out === '-';
  // With the document on stdout, everything else goes to stderr so that `| jq` reads only JSON.
  const say = toStdout ? process.stderr : process.stdout;
  const outputFor = (input: string, document: BrochureDocument): string | null =>
    toStdout ? null : values.out ?? (inputs.length > 1
      ? join(outDir, `${basename(input, extname(input))}.json`)
      : join(outDir, `${document.brochure.anneeDebut}-${document.brochure.anneeFin}.json`));
  if (values['out-dir'] === undefined && values.out === undefined) await mkdir(outDir, { recursive: true }).catch(() => undefined);

  const { processFiles } = await import('./batch.js');
  // A progress line ("12/20 files") only for a person watching: not in pipes, logs or with --quiet.
  const progress = process.stderr.isTTY && inputs.length > 1 && !values.quiet;
  const onDone = progress ? (done: number, total: number) => process.stderr.write(`\r${done}/${total} files`) : undefined;
  // Several files at once: a worker thread per job slot. One at a time: this thread, with pdf.js in
  // page-reading threads; either way --timeout stops a parse that never yields (terminated thread,
  // or V8's watchdog for the synchronous stages) and pdf.js is loaded once.
  const fileThreads = inputs.length > 1 && (jobs ?? availableParallelism()) > 1;
  const outcomes: Outcome[] = await processFiles(inputs, { ...options, jobs, outputFor, onDone, threads: fileThreads, pageThreads: fileThreads ? 0 : pageThreads, ...(askedThreads !== undefined ? { pagesPerThread: 1 } : {}) });
  if (progress) process.stderr.write('\r\x1b[K');
  let exit: number = EXIT.ok;
  for (const outcome of outcomes) {
    if (outcome.error) {
      process.stderr.write(`brochure-extract: ${outcome.input}: ${errorLine(outcome.error, values.debug === true)}\n`);
      exit = worst(exit, outcome.error instanceof BrochureError ? outcome.error.exitCode : EXIT.internal);
      continue;
    }
    const document = outcome.document!;
    if (toStdout) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
    if (!values.quiet) say.write(`${summaryLine(outcome)}\n`);
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

async function compare(argv: readonly string[]): Promise<number> {
  const { compareCommand } = await import('./compare/command.js');
  const { output, code } = await compareCommand(argv);
  process.stdout.write(output);
  return code;
}

async function ingestCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    ...READING_OPTIONS,
    db: { type: 'string' },
    replace: { type: 'boolean' },
  });
  if (values.help) return print(HELP.ingest!);
  if (positionals.length === 0) throw new BrochureError('USAGE', "ingest needs an INPUT file (try 'brochure-extract ingest --help')");
  const options = await readingOptions(values);
  const dbPath = values.db ?? DEFAULT_DB;
  const { openDataset } = await import('./dataset/database.js');
  const { ingestDocument } = await import('./dataset/ingest.js');
  const { loadForIngest } = await import('./dataset/load.js');
  const db = openDataset(dbPath);
  let exit: number = EXIT.ok;
  try {
    for (const input of positionals) {
      const start = performance.now();
      try {
        const loaded = await loadForIngest(input, options);
        const result = ingestDocument(db, loaded.document, loaded.input, { replace: values.replace === true });
        const seconds = ((performance.now() - start) / 1000).toFixed(2);
        if (values.quiet) continue;
        if (result.status === 'unchanged') {
          process.stdout.write(`${result.edition}: unchanged, '${input}' is already in ${dbPath}\n`);
          continue;
        }
        const partial = loaded.partial ? ` PARTIAL${failedChecks(loaded.document.diagnostics)}` : '';
        process.stdout.write(`${result.edition}: ${result.status} from '${input}' into ${dbPath}: ${result.projects} projects, ${result.candidates} identity candidate${result.candidates === 1 ? '' : 's'}, ${seconds} s${partial}\n`);
        if (result.changes) process.stdout.write(changeLines(result.changes));
      } catch (error) {
        process.stderr.write(`brochure-extract: ${input}: ${errorLine(error, values.debug === true)}\n`);
        exit = worst(exit, error instanceof BrochureError ? error.exitCode : EXIT.internal);
      }
    }
  } finally {
    db.close();
  }
  return exit;
}

/** What a --replace changed, one line per kind of change. */
function changeLines(changes: import('./dataset/ingest.js').EditionChanges): string {
  const numbers = (list: readonly number[]): string => (list.length === 0 ? '' : `: ${list.map((n) => String(n).padStart(2, '0')).join(', ')}`);
  const lines = [
    `  projects added ${changes.added.length}${numbers(changes.added)}`,
    `  projects removed ${changes.removed.length}${numbers(changes.removed)}`,
    `  projects changed ${changes.changed.length}${changes.changed.length === 0 ? '' : ':'}`,
    ...changes.changed.map((change) => `    ${String(change.numero).padStart(2, '0')}: ${change.fields.join(', ')}`),
    `  other parts changed: ${changes.other.length === 0 ? 'none' : changes.other.join(', ')}`,
  ];
  return `${lines.join('\n')}\n`;
}

async function exportCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions(argv, {
    db: { type: 'string' },
    format: { type: 'string' },
    edition: { type: 'string' },
    out: { type: 'string' },
    excel: { type: 'boolean' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return print(HELP.export!);
  if (positionals.length > 0) throw new BrochureError('USAGE', `export takes no INPUT ('${positionals[0]}'); the dataset is given by --db`);
  const format = values.format;
  if (format !== 'csv' && format !== 'ndjson' && format !== 'json') throw new BrochureError('USAGE', "export needs --format csv, ndjson or json (try 'brochure-extract export --help')");
  if (values.excel && format !== 'csv') throw new BrochureError('USAGE', '--excel applies to --format csv only');
  const out = values.out ?? join('output', 'export');
  const toStdout = out === '-';
  if (toStdout && format === 'csv') throw new BrochureError('USAGE', 'csv writes one file per table: give --out DIR, not -');
  const dbPath = values.db ?? DEFAULT_DB;
  const { openDataset } = await import('./dataset/database.js');
  const { exportCsv, exportDocuments, exportNdjson, selectedEditions } = await import('./dataset/export.js');
  const db = openDataset(dbPath, { mustExist: true });
  let files: { name: string; text: string }[];
  try {
    const editions = selectedEditions(db, values.edition);
    if (editions.length === 0) {
      const known = selectedEditions(db, undefined);
      throw new BrochureError('INPUT_NOT_FOUND', values.edition === undefined
        ? `${dbPath} holds no edition yet: run 'brochure-extract ingest' first`
        : `edition '${values.edition}' is not in ${dbPath} (editions: ${known.join(', ') || 'none'})`);
    }
    const edition = values.edition === undefined ? {} : { edition: values.edition };
    if (format === 'csv') {
      files = exportCsv(db, { ...edition, excel: values.excel === true });
    } else if (format === 'ndjson') {
      files = [{ name: values.edition === undefined ? 'projects.ndjson' : `projects-${values.edition}.ndjson`, text: exportNdjson(db, edition) }];
    } else {
      if (toStdout && editions.length > 1) throw new BrochureError('USAGE', `json to stdout takes one edition: add --edition (${editions.join(', ')})`);
      files = exportDocuments(db, edition).map((document) => ({ name: `${document.brochure.anneeDebut}-${document.brochure.anneeFin}.json`, text: `${JSON.stringify(document, null, 2)}\n` }));
    }
  } finally {
    db.close();
  }
  if (toStdout) {
    process.stdout.write(files.map((file) => file.text).join(''));
    return EXIT.ok;
  }
  const { writeTextAtomic } = await import('./write.js');
  await mkdir(out, { recursive: true }).catch(() => undefined);
  for (const file of files) await writeTextAtomic(join(out, file.name), file.text);
  process.stdout.write(`export: ${files.length} ${format} file${files.length === 1 ? '' : 's'} in ${out} (${files.map((file) => file.name).join(', ')})\n`);
  return EXIT.ok;
}

/** The one-line summary of a processed file: projects, authors, diagnostics by severity, time. */
function summaryLine(outcome: Outcome): string {
  const document = outcome.document!;
  const count = (severity: Diagnostic['severity']): number => document.diagnostics.filter((d) => d.severity === severity).length;
  const authors = document.projets.reduce((n, projet) => n + projet.auteurs.length, 0);
  const partial = outcome.partial ? ` PARTIAL${failedChecks(document.diagnostics)}` : '';
  return `${outcome.output ?? 'stdout'}: ${document.projets.length} projects, ${authors} authors, diagnostics ${count('error')} errors / ${count('warning')} warnings / ${count('info')} infos, ${(outcome.ms / 1000).toFixed(2)} s${partial}`;
}

/** What made a document partial, for its summary line: the error codes and their counts (« : SOMMAIRE_TRUNCATED, PROJECT_IMPLAUSIBLE ×3 »). */
function failedChecks(diagnostics: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === 'error') counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return counts.size === 0 ? '' : `: ${[...counts].map(([code, n]) => (n > 1 ? `${code} ×${n}` : code)).join(', ')}`;
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

/** How to read a brochure: the options `extract` and `ingest` share. */
const READING_OPTIONS = {
  password: { type: 'string' },
  'max-pages': { type: 'string' },
  timeout: { type: 'string' },
  profile: { type: 'string' },
  debug: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The pipeline options given by READING_OPTIONS (the profile file is loaded and checked here). */
async function readingOptions(values: { password?: string; 'max-pages'?: string; timeout?: string; profile?: string }) {
  return {
    password: values.password,
    maxPages: positiveInteger(values['max-pages'], '--max-pages'),
    timeoutMs: positiveInteger(values.timeout, '--timeout') ?? 60_000,
    // Imported here, not at the top: the profile module compiles the shipped vocabulary when loaded,
    // which a run loads anyway, but later (after a PDF's page thread has started).
    ...(values.profile !== undefined ? { profile: await (await import('./profile.js')).loadProfile(values.profile) } : {}),
  };
}

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


