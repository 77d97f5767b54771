#!/usr/bin/env node
// Rewrites the README's table of diagnostic codes from the registry (src/diagnostics.ts, built
// into dist/ first: `npm run docs:codes`). The table sits between two marker comments;
// test/diagnostics-registry.test.ts fails when the README and the registry disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { diagnosticCodesTable } from '../../dist/diagnostics.js';

const START = '<!-- diagnostic-codes:start -->';
const END = '<!-- diagnostic-codes:end -->';
const path = new URL('../../README.md', import.meta.url);
const readme = readFileSync(path, 'utf8');
const from = readme.indexOf(START);
const to = readme.indexOf(END);
if (from < 0 || to < from) {
  console.error(`README.md: markers ${START} … ${END} not found`);
  process.exit(1);
}
const updated = `${readme.slice(0, from + START.length)}\n${diagnosticCodesTable()}\n${readme.slice(to)}`;
if (updated !== readme) writeFileSync(path, updated);
console.log(updated === readme ? 'README.md: table of codes already up to date' : 'README.md: table of codes rewritten');
