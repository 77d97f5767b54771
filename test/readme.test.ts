/**
 * The README cannot drift from the code (issue 17, item 8): its TypeScript blocks are
 * type-checked against the built package and run as a user would run them, its JSON blocks parse
 * (a profile loads), each command line it shows uses options the command takes, its example
 * summary line says what the bundled brochure gives, and it says the truth about ESM.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../src/profile.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const bin = join(root, 'bin/brochure-extract');
// Inside the package, so that `import … from 'brochure-extract'` resolves to it as for a user (the built dist/).
const scratch = join(root, `.readme-check-${process.pid}`);
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

interface CodeBlock {
  readonly language: string;
  readonly code: string;
  /** 1-based line of the opening fence, for messages. */
  readonly line: number;
}

/** The fenced code blocks, indented ones (in a list) included. */
function codeBlocks(markdown: string): CodeBlock[] {
  const blocks: CodeBlock[] = [];
  for (const match of markdown.matchAll(/^( *)```(\w*)\n([\s\S]*?)^\1```$/gm)) {
    const indent = match[1]!.length;
    const code = match[3]!.split('\n').map((line) => line.slice(Math.min(indent, line.length - line.trimStart().length))).join('\n');
    blocks.push({ language: match[2]!, code, line: markdown.slice(0, match.index).split('\n').length });
  }
  return blocks;
}

const blocks = codeBlocks(readme);
const typescriptBlocks = blocks.filter((block) => block.language === 'ts');

describe('README code blocks', () => {
  it('finds the blocks (the library example among them)', () => {
    expect(typescriptBlocks.length).toBeGreaterThan(0);
    expect(typescriptBlocks.some((block) => block.code.includes("from 'brochure-extract'"))).toBe(true);
  });

  it('type-checks every TypeScript block against the built package, as strict as the project', () => {
    mkdirSync(scratch, { recursive: true });
    const files = typescriptBlocks.map((block) => {
      const file = join(scratch, `block-${block.line}.ts`);
      writeFileSync(file, block.code);
      return file;
    });
    const program = ts.createProgram(files, {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noUncheckedIndexedAccess: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [join(root, 'node_modules/@types')],
    });
    const problems = ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const where = diagnostic.file ? `${diagnostic.file.fileName.replace(scratch, 'README')}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line + 1}` : '';
      return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
    });
    expect(problems).toEqual([]);
  });

  it('runs every TypeScript block that imports the package, from the repository root', async () => {
    mkdirSync(scratch, { recursive: true });
    for (const block of typescriptBlocks.filter((candidate) => candidate.code.includes("from 'brochure-extract'"))) {
      const file = join(scratch, `block-${block.line}.mjs`);
      writeFileSync(file, ts.transpileModule(block.code, { compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } }).outputText);
      const { stdout } = await promisify(execFile)(process.execPath, [file], { cwd: root });
      expect(stdout, `README line ${block.line}`).toMatch(/score 1\.0000/);
    }
  });

  it('parses every JSON block, and loads the profile example as a profile', async () => {
    const jsonBlocks = blocks.filter((block) => block.language === 'json');
    expect(jsonBlocks.length).toBeGreaterThan(0);
    mkdirSync(scratch, { recursive: true });
    for (const block of jsonBlocks) {
      const value = JSON.parse(block.code) as Record<string, unknown>;
      if (!('rubriques' in value)) continue;
      const file = join(scratch, `profile-${block.line}.json`);
      writeFileSync(file, block.code);
      await expect(loadProfile(file), `README line ${block.line}`).resolves.toBeDefined();
    }
  });

  it('each command line shown uses options its command takes', async () => {
    const helps = new Map<string, string>();
    const helpOf = async (command: string): Promise<string> => {
      if (!helps.has(command)) helps.set(command, (await promisify(execFile)(process.execPath, [bin, 'help', command])).stdout);
      return helps.get(command)!;
    };
    const invocations: string[][] = [];
    for (const block of blocks.filter((candidate) => candidate.language === 'sh')) {
      let previous: string[] | undefined;
      for (const line of block.code.split('\n')) {
        const words = line.replace(/#.*$/, '').split(/\s+|\|\||&&|;/).filter(Boolean);
        // An indented line continues the synopsis above it.
        if (previous && /^\s/.test(line)) {
          previous.push(...words);
          continue;
        }
        const at = words.findIndex((word) => /(^|\/)brochure-extract$/.test(word));
        previous = undefined;
        if (at < 0) continue;
        const rest = words.slice(at + 1);
        // A pipe into another program ends the command; « | » between options is the synopsis' « or ».
        const end = rest.findIndex((word, index) => word === '|' && !/^[-[]/.test(rest[index + 1] ?? ''));
        previous = end < 0 ? rest : rest.slice(0, end);
        invocations.push(previous);
      }
    }
    expect(invocations.length).toBeGreaterThan(5);
    for (const [command, ...words] of invocations) {
      if (command === 'help' || command === undefined) continue;
      const help = await helpOf(command);
      // Usage synopses write options inside [ ] and between | : the option is what starts with -.
      const options = words.map((word) => word.replace(/^\[+|[\]|]+$/g, '').split('=')[0]!).filter((word) => /^--?[a-z]/.test(word));
      for (const option of options) expect(help, `README: brochure-extract ${command} ${option}`).toMatch(new RegExp(`(^|[\\s,\\[])${option}\\b`, 'm'));
    }
  });

  it('the example summary line says what the bundled brochure gives (output/2019-2020.json)', () => {
    const example = /output\/2019-2020\.json: (\d+) projects, (\d+) authors, diagnostics (\d+) errors \/ (\d+) warnings \/ (\d+) infos/.exec(readme);
    expect(example).not.toBeNull();
    const document = JSON.parse(readFileSync(join(root, 'output/2019-2020.json'), 'utf8')) as { projets: { auteurs: unknown[] }[]; diagnostics: { severity: string }[] };
    const count = (severity: string): number => document.diagnostics.filter((diagnostic) => diagnostic.severity === severity).length;
    const actual = [document.projets.length, document.projets.reduce((n, projet) => n + projet.auteurs.length, 0), count('error'), count('warning'), count('info')];
    expect(example!.slice(1).map(Number)).toEqual(actual);
  });
});

describe('ESM-only, as the README says', () => {
  it('the README says so, and require() is refused while import works', async () => {
    expect(readme).toMatch(/ESM-only/);
    const require = createRequire(join(root, 'package.json'));
    expect(() => require('brochure-extract')).toThrow(/ERR_PACKAGE_PATH_NOT_EXPORTED|No "exports" main defined/);
    const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', "import('brochure-extract').then((m) => console.log(typeof m.extract))"], { cwd: root });
    expect(stdout.trim()).toBe('function');
  });
});
