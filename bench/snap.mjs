// Outputs of one built tree's CLI on every committed input, so two trees can be compared with diff -r.
// usage: node bench/snap.mjs TREE OUTDIR [JOBS]   (TREE built with npm run build; then diff -r OUTDIR1 OUTDIR2)
// Inputs (taken from TREE): every fixtures/**/*.pdf, every converter text under fixtures/converters,
// fixtures/*/input.txt, test/fixtures/**/input.{pdf,txt} (with the profile.json beside it, if any).
// For each input: OUTDIR/<path with / as __>.json (the document, as --out wrote it, or absent) and
// OUTDIR/<same>.run (exit code, then the summary line and stderr, timings and paths blanked).
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const [treeArg, outArg, jobsArg] = process.argv.slice(2);
if (!treeArg || !outArg) { console.error('usage: node snap.mjs TREE OUTDIR [JOBS]'); process.exit(64); }
const tree = resolve(treeArg);
const out = resolve(outArg);
const jobs = Number(jobsArg ?? 1);
const ENCRYPTED_USER_PASSWORD = 'brochure-user'; // test/bad-inputs/make-corpus.mjs PASSWORDS.user
mkdirSync(out, { recursive: true });

const walk = (dir) => readdirSync(dir).flatMap((name) => {
  const path = join(dir, name);
  return statSync(path).isDirectory() ? walk(path) : [path];
});
const isInput = (path) => {
  if (path.endsWith('.pdf')) return true;
  if (path.includes('/fixtures/converters/')) return /\.(txt|md)$/.test(path) && !path.endsWith('README.md');
  return /\/input\.txt$/.test(path);
};
const inputs = [...walk(join(tree, 'fixtures')), ...walk(join(tree, 'test/fixtures'))].filter(isInput).sort();

const argsFor = (input) => {
  const args = [];
  if (input.endsWith('encrypted-user.pdf')) args.push('--password', ENCRYPTED_USER_PASSWORD);
  const profile = join(dirname(input), 'profile.json');
  if (input.includes('/test/fixtures/') && existsSync(profile)) args.push('--profile', profile);
  return args;
};
const run = (input) => new Promise((done) => {
  const name = relative(tree, input).replaceAll('/', '__');
  const json = join(out, `${name}.json`);
  const cli = [join(tree, 'bin/brochure-extract'), 'extract', input, '--out', json, ...argsFor(input)];
  execFile('node', cli, { maxBuffer: 1 << 26 }, (error, stdout, stderr) => {
    const code = error ? error.code : 0;
    const timeless = (text) => text.replace(/, \d+\.\d+ s\b/g, ', T s').replaceAll(out, 'OUT').replaceAll(tree, 'TREE');
    writeFileSync(join(out, `${name}.run`), `exit ${code}\n${timeless(stdout)}${timeless(stderr)}`);
    done();
  });
});

let next = 0;
const worker = async () => { while (next < inputs.length) await run(inputs[next++]); };
const start = Date.now();
await Promise.all(Array.from({ length: jobs }, worker));
console.log(`${inputs.length} inputs from ${tree} -> ${out} in ${((Date.now() - start) / 1000).toFixed(0)} s`);
