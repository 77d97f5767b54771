/**
 * Command line: argument parsing, help, one-line errors and exit codes. The only module that
 * prints or exits; the work is done by the library functions it calls.
 */
import { readFile, stat } from 'node:fs/promises';
import { inputName, readInput, STANDARD_STREAM } from './read.js';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { BrochureError, EXIT } from './errors.js';
import { parseOptions, positiveInteger } from './options.js';
import { printable } from './printable.js';
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
  brochure-extract search WORDS... [--db FILE]  projects of the dataset holding these words (French stems)
  brochure-extract help [COMMAND]               show help for a command
  brochure-extract --version

Run 'brochure-extract extract --help' for the extract options.`,
  extract: `Usage: brochure-extract extract INPUT... [options]

Reads each INPUT (.pdf, or .txt/.md converter text; a folder means the brochures in it, other
files skipped and named; '-' is standard input), writes the validated JSON document and prints
one summary line per file as soon as it is done. Outputs are checked before any input is read.

Options:
  -o, --out FILE     output file (one input only; default output/<anneeDebut>-<anneeFin>.json, or
                     output/<input name>.json for a brochure without edition);
                     '-' writes the document to stdout (summary and errors go to stderr)
  --out-dir DIR      output folder (default output/, created when missing); with several inputs each is
                     written as DIR/<input name>.json (DIR/<input name>.<ext>.json when two share a name)
  --strict           exit 2 when any warning or error diagnostic is raised
  --allow-partial    exit 0 even when the document is partial: some projects could not be parsed, the
                     self-check found it misread, no edition was found (an error diagnostic; default: exit 3)
  --password PASS    password of an encrypted PDF (visible to 'ps': prefer the next two)
  --password-file F  the password is the first line of F; or set BROCHURE_EXTRACT_PASSWORD
  --max-pages N      refuse PDFs with more pages (default 2000)
  --timeout MS       give up on a file after MS milliseconds (default 60000)
  --profile FILE     vocabulary profile (JSON) extending the shipped one (see README « Next year's brochure has a new design »)
  --edition YYYY-YYYY  the edition of a brochure that does not print it (a converter dropped the cover); without it
                     the rest is written with edition, years and project ids null (EDITION_NOT_FOUND, exit 3)
  --jobs N           files processed at once (default: number of cores)
  --page-threads N   threads reading one PDF's pages (default: 2 when 2 cores are idle and the PDF has 200 pages or more, else 1;
                     N given: N threads whatever the page count)
  --explain [NN]     after the summary line, print the design learnt from the document (the style of its
                     project titles, rubrique headings, team, key figures, section titles) and, with NN,
                     what decided project NN (its start, each rubrique cut and move, each author pairing);
                     one INPUT only; on stdout, on stderr with --out -; the JSON is written as usual
  --debug            print stack traces of unexpected errors
  -q, --quiet        print nothing on success
  -h, --help         show this help

Exit codes: 0 ok, 1 internal error, 2 --strict and warnings, 3 partial, 64 usage,
65 bad input, 66 input not found, 73 output not writable, 75 limit (pages, timeout).`,
  report: `Usage: brochure-extract report OUT.json [--html FILE]

Prints a plain-text review of an extracted document ('-': read from standard input): diagnostics
by severity and code, then per project. With --html, writes a standalone HTML page instead (no
server, no external assets).

Options:
  --html FILE   write the HTML review page to FILE ('-': to standard output)
  -h, --help    show this help`,
  ingest: `Usage: brochure-extract ingest INPUT... [options]

Adds each INPUT to the SQLite dataset, one edition per input, each inside one transaction. An
INPUT is a brochure (.pdf, .txt, .md: run through the pipeline; '-': standard input), a document
JSON written by 'extract' (checked against the schema), or a folder of them (other files skipped). The same file again changes nothing; another file for an
edition already in the dataset is refused unless --replace. Tables and views: docs/dataset.md.

Options:
  --db FILE          the dataset (default output/brochures.sqlite; created when missing, its folder too)
  --replace          replace an edition already there, and print which projects changed
  --allow-partial    ingest a partial document (some projects unparsed, or misread: an error diagnostic) as it is
                     (default: not ingested, exit 3)
  --password PASS    password of an encrypted PDF (visible to 'ps': prefer the next two)
  --password-file F  the password is the first line of F; or set BROCHURE_EXTRACT_PASSWORD
  --max-pages N      refuse PDFs with more pages (default 2000)
  --timeout MS       give up on a brochure after MS milliseconds (default 60000)
  --profile FILE     vocabulary profile (JSON) extending the shipped one, as for extract
  --edition YYYY-YYYY  the edition of a brochure that does not print it, as for extract; a brochure or
                     document without edition is never ingested (the edition is the dataset's key), exit 3
  -q, --quiet        print nothing on success
  -h, --help         show this help

Exit codes: as for extract; 3 for a partial document left out (without --allow-partial) or one
without edition (even with --allow-partial); 65 also
when an edition is already there from another file.`,
  export: `Usage: brochure-extract export --format csv|ndjson|json [options]

Writes the dataset for other systems:
  csv     one RFC 4180 file per table (<table>.csv)
  ndjson  projects.ndjson: one project per line, people (with stable ids), figures and references inlined
  json    <edition>.json: the contract document of each edition, as 'extract' wrote it

Options:
  --db FILE          the dataset (default output/brochures.sqlite)
  --format F         csv, ndjson or json (required)
  --edition KEY      only this edition, e.g. 2019-2020
  -o, --out DIR | -  output folder (default output/export, created when missing); '-' writes to stdout (ndjson, or json of one edition)
  --excel            csv for French spreadsheet software: UTF-8 BOM, ';' separators, decimal commas,
                     and a cell starting with = + - @ tab or CR prefixed with ' (never read as a formula)
  -h, --help         show this help

Written all or nothing: every file is written beside its target first, then all are swapped in.`,
  search: `Usage: brochure-extract search WORDS... [options]

Prints the projects of the dataset that hold every WORD, best first: in their title, collectivité,
rubriques, key figures, encadrés, references or people. Words are compared by their French stem
(« usager » finds « usagers »), accents and case ignored; a WORD is plain text, never a query
syntax (covid-19 finds « Covid-19 »).

Options:
  --db FILE          the dataset (default output/brochures.sqlite)
  --edition KEY      only this edition, e.g. 2019-2020
  --limit N          at most N projects (default 20)
  --json             one JSON object per line (edition, project_key, titre, collectivite)
  -h, --help         show this help

Exit codes: 0 (also when nothing is found: stdout is then empty), 64 usage, 66 no database.`,
};

/** The commands, in the order the help lists them. */
const COMMANDS = ['extract', 'report', 'compare', 'ingest', 'export', 'search'] as const;

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
    if (command === 'help') return print(helpOf(rest));
    if (command === 'extract') return await extractCommand(rest);
    if (command === 'report') return await reportCommand(rest);
    if (command === 'compare') return await compare(rest);
    if (command === 'ingest') return await ingestCommand(rest);
    if (command === 'export') return await exportCommand(rest);
    if (command === 'search') return await searchCommand(rest);
    throw new BrochureError('USAGE', `unknown command '${printable(command)}' (commands: ${COMMANDS.join(', ')}, help)`);
  } catch (error) {
    return fail(error, debug);
  }
}

/** The help `help [COMMAND]` asks for; an unknown command is a usage error, as it is without `help`. */
function helpOf(rest: readonly string[]): string {
  const [command, ...extra] = rest;
  if (extra.length > 0) throw new BrochureError('USAGE', "help takes one COMMAND (try 'brochure-extract help')");
  if (command === undefined) return HELP.main!;
  const text = HELP[command];
  if (text === undefined || command === 'main') throw new BrochureError('USAGE', `no help for '${printable(command)}': commands are ${COMMANDS.join(', ')}`);
  return text;
}

async function extractCommand(args: readonly string[]): Promise<number> {
  const { explain, argv } = takeExplain(args);
  const { values, positionals } = parseOptions('extract', argv, {
    ...READING_OPTIONS,
    out: { type: 'string', short: 'o' },
    'out-dir': { type: 'string' },
    strict: { type: 'boolean' },
    'allow-partial': { type: 'boolean' },
    jobs: { type: 'string' },
    'page-threads': { type: 'string' },
  });
  if (values.help) return print(HELP.extract!);
  if (positionals.length === 0) throw new BrochureError('USAGE', "extract needs an INPUT file (try 'brochure-extract extract --help')");
  if (values.out !== undefined && values['out-dir'] !== undefined) throw new BrochureError('USAGE', '--out and --out-dir exclude each other: --out names the one output file, --out-dir the folder of several');
  // One PDF: its page-reading thread starts loading pdf.js now, while this thread loads the rest. By
  // default one thread (a second starts only once the PDF proves long enough and a core is idle);
  // --page-threads N starts N at once and uses them all (one page per thread suffices).
  const { defaultPageThreads, prestartPageThread } = await import('./extract/pdf-threads.js');
  const askedThreads = positiveInteger(values['page-threads'], '--page-threads');
  const pageThreads = askedThreads ?? defaultPageThreads();
  if (positionals.length === 1 && /\.pdf$/i.test(positionals[0]!)) prestartPageThread(undefined, askedThreads ?? 1);
  const { inputs, fromFolders } = await expandInputs(positionals);
  if (values.out !== undefined && inputs.length > 1) throw new BrochureError('USAGE', '--out takes one input; use --out-dir for several');
  if (explain !== undefined && inputs.length > 1) throw new BrochureError('USAGE', '--explain takes one input');
  const options = await readingOptions(values);
  const jobs = positiveInteger(values.jobs, '--jobs');
  const toStdout = values.out === STANDARD_STREAM;
  // With the document on stdout, everything else goes to stderr so that `| jq` reads only JSON.
  const say = toStdout ? process.stderr : process.stdout;
  // Before any input is read: a run never does its work only to find it cannot write it.
  const outputFor = await extractOutputs(inputs, values.out, values['out-dir']);

  const { processFiles } = await import('./batch.js');
  // A progress line ("12/20 files") only for a person watching: not in pipes, logs or with --quiet.
  const progress = process.stderr.isTTY && inputs.length > 1 && !values.quiet;
  let exit: number = EXIT.ok;
  let extracted = 0;
  // Each file's line as soon as it is done (the progress line is cleared for it, then redrawn).
  if (progress) process.stderr.write(`0/${inputs.length} files`);
  const onDone = (outcome: Outcome, done: number, total: number): void => {
    if (progress) process.stderr.write('\r\x1b[K');
    if (skipped(outcome.error, outcome.input, fromFolders)) {
      if (!values.quiet) process.stderr.write(skipLine(outcome.input, outcome.error!));
    } else if (outcome.error) {
      process.stderr.write(`brochure-extract: ${printable(inputName(outcome.input))}: ${errorLine(outcome.error, values.debug === true)}\n`);
      exit = worst(exit, outcome.error instanceof BrochureError ? outcome.error.exitCode : EXIT.internal);
    } else {
      extracted += 1;
      const document = outcome.document!;
      if (toStdout) process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
      if (!values.quiet) say.write(`${summaryLine(outcome)}\n`);
      if (outcome.partial && !values['allow-partial']) exit = worst(exit, EXIT.partial);
      if (values.strict && document.diagnostics.some((d) => d.severity !== 'info')) exit = worst(exit, EXIT.strict);
    }
    if (progress && done < total) process.stderr.write(`\r${done}/${total} files`);
  };
  // Several files at once: a worker thread per job slot. One at a time: this thread, with pdf.js in
  // page-reading threads; either way --timeout stops a parse that never yields (terminated thread,
  // or V8's watchdog for the synchronous stages) and pdf.js is loaded once.
  const fileThreads = inputs.length > 1 && (jobs ?? availableParallelism()) > 1;
  // --explain: the report is made from the stages' outputs while they are at hand.
  const explainer = explain === undefined ? undefined : await explainerFor(options.profile, explain);
  let explanation: string | null | undefined;
  const onStages = explainer && ((_: string, stages: import('./pipeline.js').StageResults) => void (explanation = explainer(stages)));
  await processFiles(inputs, { ...options, jobs, outputFor, onDone, threads: fileThreads, pageThreads: fileThreads ? 0 : pageThreads, ...(askedThreads !== undefined ? { pagesPerThread: 1 } : {}), ...(onStages ? { onStages } : {}) });
  if (extracted === 0 && exit === EXIT.ok) throw new BrochureError('NOT_A_BROCHURE', `no brochure in ${positionals.map((path) => printable(path)).join(', ')}: every file was skipped`);
  if (explanation === null) {
    process.stderr.write(`brochure-extract: --explain ${explain}: the document has no project ${explain}\n`);
    exit = worst(exit, EXIT.usage);
  } else if (explanation !== undefined) {
    say.write(explanation);
  }
  return exit;
}

/**
 * Takes `--explain`, `--explain NN` or `--explain=NN` out of extract's arguments (node's parser
 * has no option with an optional value).
 * @param argv The arguments after `extract`.
 * @returns The project asked for (`null`: the design alone; `undefined`: no --explain) and the other arguments.
 */
function takeExplain(argv: readonly string[]): { explain: number | null | undefined; argv: string[] } {
  const rest = [...argv];
  const at = rest.findIndex((arg) => arg === '--explain' || arg.startsWith('--explain='));
  if (at < 0) return { explain: undefined, argv: rest };
  const inline = rest[at]!.startsWith('--explain=') ? rest[at]!.slice('--explain='.length) : undefined;
  const next = inline === undefined && /^\d{1,3}$/.test(rest[at + 1] ?? '') ? rest[at + 1] : undefined;
  const value = inline ?? next;
  if (value !== undefined && !/^\d{1,3}$/.test(value)) throw new BrochureError('USAGE', `--explain takes a project number, not '${printable(value)}'`);
  rest.splice(at, next === undefined ? 1 : 2);
  return { explain: value === undefined ? null : Number(value), argv: rest };
}

/** The --explain report maker, its modules loaded and the vocabulary compiled once. */
async function explainerFor(profile: import('./profile.js').Profile | undefined, numero: number | null) {
  const [{ renderExplanation }, { compileProfile, DEFAULT_VOCABULARY }] = await Promise.all([import('./report/explain.js'), import('./profile.js')]);
  const vocabulary = profile ? compileProfile(profile) : DEFAULT_VOCABULARY;
  return (stages: import('./report/explain.js').ExplainInput): string | null => renderExplanation(stages, vocabulary, numero);
}

/**
 * Where `extract` writes each document, settled before any input is read: the output folder is
 * created (or refused) now, and two inputs that would write one file are refused.
 * @param inputs The input files (folders expanded).
 * @param out `--out`: one file, or `-` for standard output.
 * @param outDir `--out-dir` (default `output/`).
 * @returns The output of each input's document (`null`: standard output).
 */
async function extractOutputs(inputs: readonly string[], out: string | undefined, outDir: string | undefined): Promise<(input: string, document: BrochureDocument) => string | null> {
  const { prepareOutputFile, prepareOutputFolder } = await import('./write.js');
  if (out === STANDARD_STREAM) return () => null;
  if (out !== undefined) {
    await prepareOutputFile(out);
    return () => out;
  }
  const folder = outDir ?? 'output';
  await prepareOutputFolder(folder);
  const names = batchOutputNames(inputs);
  const byInput = (input: string): string => join(folder, names.get(input)!);
  // One input: named by its edition, known only once read; an undated brochure by its input's name, as in a batch.
  if (inputs.length === 1) return (input, document) => (document.brochure.anneeDebut === null ? byInput(input) : join(folder, `${document.brochure.anneeDebut}-${document.brochure.anneeFin}.json`));
  return byInput;
}

/**
 * The output name of each input of a batch: its name without extension (`brochure.json`), or with
 * it when two inputs share a name (`brochure.pdf.json`, `brochure.txt.json`: a folder holding a PDF
 * and its converter text). Compared without case, as some file systems do.
 * @throws {BrochureError} `USAGE` when two inputs would still write one file (`d1/brochure.pdf`, `d2/brochure.pdf`).
 */
function batchOutputNames(inputs: readonly string[]): Map<string, string> {
  const stem = (input: string): string => (input === STANDARD_STREAM ? 'stdin' : basename(input, extname(input)));
  const stems = new Map<string, number>();
  for (const input of inputs) stems.set(stem(input).toLowerCase(), (stems.get(stem(input).toLowerCase()) ?? 0) + 1);
  const names = new Map<string, string>();
  const writers = new Map<string, string>();
  for (const input of inputs) {
    const name = `${stems.get(stem(input).toLowerCase())! > 1 ? basename(input) : stem(input)}.json`;
    const other = writers.get(name.toLowerCase());
    if (other !== undefined) throw new BrochureError('USAGE', `'${printable(other)}' and '${printable(input)}' would both be written to ${printable(name)}: extract them in two runs (--out-dir) or rename one`);
    writers.set(name.toLowerCase(), input);
    names.set(input, name);
  }
  return names;
}

async function reportCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions('report', argv, { html: { type: 'string' }, help: { type: 'boolean', short: 'h' }, debug: { type: 'boolean' } });
  if (values.help) return print(HELP.report!);
  if (positionals.length !== 1) throw new BrochureError('USAGE', "report takes one OUT.json (try 'brochure-extract report --help')");
  const file = positionals[0]!;
  const toFile = values.html !== undefined && values.html !== STANDARD_STREAM;
  const { prepareOutputFile, writeTextAtomic } = await import('./write.js');
  if (toFile) await prepareOutputFile(values.html!);
  const raw = await readInput(file);
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(raw));
  } catch {
    throw new BrochureError('NOT_A_BROCHURE', `'${inputName(file)}' is not JSON: pass a document written by 'brochure-extract extract'`);
  }
  const { validateDocument } = await import('./validate/index.js');
  const checked = validateDocument(parsed);
  if (!checked.valid) throw new BrochureError('NOT_A_BROCHURE', `'${inputName(file)}' is not a brochure document: ${checked.errors.slice(0, 2).join('; ')}`);
  const { renderHtml, renderText } = await import('./report/index.js');
  if (values.html === undefined) {
    // The document's own strings go to a terminal: its control characters are shown, not obeyed.
    process.stdout.write(printable(renderText(checked.document), { lines: true }));
    return EXIT.ok;
  }
  const html = renderHtml(checked.document, { generatedAt: new Date().toISOString() });
  if (!toFile) {
    process.stdout.write(html);
    return EXIT.ok;
  }
  await writeTextAtomic(values.html, html);
  process.stdout.write(`report: ${printable(values.html)} (${checked.document.projets.length} projects, ${checked.document.diagnostics.length} diagnostics)\n`);
  return EXIT.ok;
}

async function compare(argv: readonly string[]): Promise<number> {
  const { compareCommand } = await import('./compare/command.js');
  const { output, code } = await compareCommand(argv);
  process.stdout.write(output);
  return code;
}

async function ingestCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions('ingest', argv, {
    ...READING_OPTIONS,
    db: { type: 'string' },
    replace: { type: 'boolean' },
    'allow-partial': { type: 'boolean' },
  });
  if (values.help) return print(HELP.ingest!);
  if (positionals.length === 0) throw new BrochureError('USAGE', "ingest needs an INPUT file (try 'brochure-extract ingest --help')");
  const { inputs, fromFolders } = await expandInputs(positionals, INGEST_FILES);
  const options = await readingOptions(values);
  const dbPath = values.db ?? DEFAULT_DB;
  await (await import('./write.js')).prepareOutputFolder(dirname(dbPath));
  const { openDataset } = await import('./dataset/database.js');
  const { assertDated, editionFromInput, ingestDocument } = await import('./dataset/ingest.js');
  const { loadForIngest, readForIngest } = await import('./dataset/load.js');
  const db = openDataset(dbPath);
  let exit: number = EXIT.ok;
  try {
    for (const input of inputs) {
      const start = performance.now();
      try {
        // Hashed first: the same file again is « unchanged » without running the pipeline.
        const read = await readForIngest(input);
        const already = editionFromInput(db, read.input.sha256);
        if (already !== undefined) {
          if (!values.quiet) process.stdout.write(`${already}: unchanged, '${printable(input)}' is already in ${printable(dbPath)}\n`);
          continue;
        }
        const loaded = await loadForIngest(input, options, read);
        // Before the partial check: --allow-partial does not let an undated document in.
        assertDated(loaded.document);
        if (loaded.partial && !values['allow-partial']) {
          // Ingested, a partial edition would stand in for the whole one until someone passes --replace.
          process.stderr.write(`brochure-extract: ${printable(inputName(input))}: partial document (${loaded.document.projets.length} projects${failedChecks(loaded.document.diagnostics)}): not ingested; pass --allow-partial to ingest it as it is\n`);
          exit = worst(exit, EXIT.partial);
          continue;
        }
        const result = ingestDocument(db, loaded.document, loaded.input, { replace: values.replace === true });
        const seconds = ((performance.now() - start) / 1000).toFixed(2);
        if (values.quiet) continue;
        if (result.status === 'unchanged') {
          process.stdout.write(`${result.edition}: unchanged, '${printable(input)}' is already in ${printable(dbPath)}\n`);
          continue;
        }
        const partial = loaded.partial ? ` PARTIAL${failedChecks(loaded.document.diagnostics)}` : '';
        process.stdout.write(`${result.edition}: ${result.status} from '${printable(input)}' into ${printable(dbPath)}: ${result.projects} projects, ${result.candidates} identity candidate${result.candidates === 1 ? '' : 's'}, ${seconds} s${partial}\n`);
        if (result.changes) process.stdout.write(changeLines(result.changes));
      } catch (error) {
        if (skipped(error, input, fromFolders)) {
          if (!values.quiet) process.stderr.write(skipLine(input, error));
          continue;
        }
        process.stderr.write(`brochure-extract: ${printable(inputName(input))}: ${errorLine(error, values.debug === true)}\n`);
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
  const { values, positionals } = parseOptions('export', argv, {
    db: { type: 'string' },
    format: { type: 'string' },
    edition: { type: 'string' },
    out: { type: 'string', short: 'o' },
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
  const { prepareOutputFolder, writeFilesAtomic } = await import('./write.js');
  if (!toStdout) await prepareOutputFolder(out);
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
  await writeFilesAtomic(out, files);
  process.stdout.write(`export: ${files.length} ${format} file${files.length === 1 ? '' : 's'} in ${printable(out)} (${files.map((file) => file.name).join(', ')})\n`);
  return EXIT.ok;
}

async function searchCommand(argv: readonly string[]): Promise<number> {
  const { values, positionals } = parseOptions('search', argv, {
    db: { type: 'string' },
    edition: { type: 'string' },
    limit: { type: 'string' },
    json: { type: 'boolean' },
    debug: { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) return print(HELP.search!);
  const { searchProjects, searchQuery } = await import('./dataset/search.js');
  if (searchQuery(positionals) === '') throw new BrochureError('USAGE', "search needs WORDS with letters or digits (try 'brochure-extract search --help')");
  const limit = positiveInteger(values.limit, '--limit');
  const { openDataset } = await import('./dataset/database.js');
  const db = openDataset(values.db ?? DEFAULT_DB, { mustExist: true });
  let hits;
  try {
    hits = searchProjects(db, positionals, { ...(values.edition !== undefined ? { edition: values.edition } : {}), ...(limit !== undefined ? { limit } : {}) });
  } finally {
    db.close();
  }
  for (const hit of hits) {
    process.stdout.write(values.json ? `${JSON.stringify(hit)}\n` : `${hit.project_key}  ${printable(hit.titre)} (${printable(hit.collectivite)})\n`);
  }
  if (hits.length === 0) process.stderr.write(`search: no project holds ${positionals.map((word) => `'${printable(word)}'`).join(' and ')}\n`);
  return EXIT.ok;
}

/** The one-line summary of a processed file: projects, authors, diagnostics by severity, time. */
function summaryLine(outcome: Outcome): string {
  const document = outcome.document!;
  const count = (severity: Diagnostic['severity']): number => document.diagnostics.filter((d) => d.severity === severity).length;
  const authors = document.projets.reduce((n, projet) => n + projet.auteurs.length, 0);
  const partial = outcome.partial ? ` PARTIAL${failedChecks(document.diagnostics)}` : '';
  return `${printable(outcome.output ?? 'stdout')}: ${document.projets.length} projects, ${authors} authors, diagnostics ${count('error')} errors / ${count('warning')} warnings / ${count('info')} infos, ${(outcome.ms / 1000).toFixed(2)} s${partial}`;
}

/** What made a document partial, for its summary line: the error codes and their counts (« : SOMMAIRE_TRUNCATED, PROJECT_IMPLAUSIBLE ×3 »). */
function failedChecks(diagnostics: readonly Diagnostic[]): string {
  const counts = new Map<string, number>();
  for (const d of diagnostics) if (d.severity === 'error') counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return counts.size === 0 ? '' : `: ${[...counts].map(([code, n]) => (n > 1 ? `${code} ×${n}` : code)).join(', ')}`;
}

/**
 * Whether a failed input is skipped rather than reported: a folder holds other files too (a README,
 * notes), and one of them that proves not to be a brochure is passed over, and said so.
 */
function skipped(error: unknown, input: string, fromFolders: ReadonlySet<string>): boolean {
  return error instanceof BrochureError && error.code === 'NOT_A_BROCHURE' && fromFolders.has(input);
}

function skipLine(input: string, error: unknown): string {
  return `brochure-extract: skipped ${printable(input)}: ${errorLine(error, false)}\n`;
}

/** Which files of a folder are taken, and how to name them in a message. */
interface FileKinds {
  readonly pattern: RegExp;
  readonly label: string;
}
const BROCHURE_FILES: FileKinds = { pattern: /\.(pdf|txt|md)$/i, label: '.pdf, .txt or .md' };
/** `ingest` also takes the documents `extract` wrote. */
const INGEST_FILES: FileKinds = { pattern: /\.(pdf|txt|md|json)$/i, label: '.pdf, .txt, .md or .json' };

/**
 * Expands folders into the files that may be brochures (.pdf, .txt, .md, and for `ingest` .json), sorted.
 * @returns The files, and those that came from a folder (one that proves not to be a brochure is skipped).
 */
async function expandInputs(paths: readonly string[], kinds: FileKinds = BROCHURE_FILES): Promise<{ inputs: string[]; fromFolders: Set<string> }> {
  const { readdir } = await import('node:fs/promises');
  if (paths.filter((path) => path === STANDARD_STREAM).length > 1) throw new BrochureError('USAGE', "standard input ('-') can be read once only");
  const inputs: string[] = [];
  const fromFolders = new Set<string>();
  for (const path of paths) {
    const info = path === STANDARD_STREAM ? null : await stat(path).catch(() => null);
    if (info?.isDirectory()) {
      const files = (await readdir(path)).filter((name) => kinds.pattern.test(name)).sort().map((name) => join(path, name));
      if (files.length === 0) throw new BrochureError('INPUT_NOT_FOUND', `no ${kinds.label} file in ${printable(path)}`);
      inputs.push(...files);
      for (const file of files) fromFolders.add(file);
    } else {
      inputs.push(path);
    }
  }
  return { inputs, fromFolders };
}

/** How to read a brochure: the options `extract` and `ingest` share. */
const READING_OPTIONS = {
  password: { type: 'string' },
  'password-file': { type: 'string' },
  'max-pages': { type: 'string' },
  timeout: { type: 'string' },
  profile: { type: 'string' },
  edition: { type: 'string' },
  debug: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

/** The environment variable that gives the PDF password without showing it to `ps`. */
const PASSWORD_VARIABLE = 'BROCHURE_EXTRACT_PASSWORD';

/**
 * The PDF password: `--password` (seen by anyone running `ps`), `--password-file` (its first line),
 * or the environment variable; none of them: no password.
 */
async function password(values: { password?: string; 'password-file'?: string }): Promise<string | undefined> {
  if (values.password !== undefined && values['password-file'] !== undefined) throw new BrochureError('USAGE', '--password and --password-file exclude each other: give one');
  if (values['password-file'] !== undefined) {
    const text = new TextDecoder().decode(await readInput(values['password-file']));
    // The first line: an editor's or `echo`'s final line break is not part of the password.
    return text.split(/\r?\n/)[0]!;
  }
  return values.password ?? (process.env[PASSWORD_VARIABLE] || undefined);
}

/** The pipeline options given by READING_OPTIONS (the profile file is loaded and checked here). */
async function readingOptions(values: { password?: string; 'password-file'?: string; 'max-pages'?: string; timeout?: string; profile?: string; edition?: string }) {
  return {
    ...(values.edition !== undefined ? { edition: values.edition } : {}),
    password: await password(values),
    maxPages: positiveInteger(values['max-pages'], '--max-pages'),
    timeoutMs: positiveInteger(values.timeout, '--timeout') ?? 60_000,
    // Imported here, not at the top: the profile module compiles the shipped vocabulary when loaded,
    // which a run loads anyway, but later (after a PDF's page thread has started).
    ...(values.profile !== undefined ? { profile: await (await import('./profile.js')).loadProfile(values.profile) } : {}),
  };
}

/** Keeps the most telling exit code: any failure beats partial, partial beats strict. */
function worst(a: number, b: number): number {
  const rank = (code: number): number => (code === EXIT.ok ? 0 : code === EXIT.strict ? 1 : code === EXIT.partial ? 2 : 3);
  return rank(b) > rank(a) ? b : a;
}

function errorLine(error: unknown, debug: boolean): string {
  // A BrochureError is the input's fault and its message says what to do: a stack would only hide it.
  // Messages quote file names and bytes of the input: escaped, so that a terminal shows them and obeys none.
  if (error instanceof BrochureError) return printable(error.message);
  const message = error instanceof Error ? error.message : String(error);
  const stack = debug && error instanceof Error && error.stack ? `\n${printable(error.stack, { lines: true })}` : ' (run with --debug for details)';
  return `internal error: ${printable(message.split('\n')[0]!)}${stack}`;
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


