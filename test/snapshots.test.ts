/**
 * Per-stage snapshots of the main fixtures: a compact, diff-friendly summary of what each stage
 * made (extract: the blocks; segment: the sommaire and the project starts with their evidence;
 * parse: each project's field lengths and counts), written under test/snapshots/. A change to the
 * rules shows in the diff what moved, and at which stage. After an intended change:
 * `npx vitest run test/snapshots.test.ts -u`, then read the diff before committing it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runStages, type StageResults } from '../src/pipeline.js';
import type { Block, ParsedProject } from '../src/types.js';
import { FIXTURES } from './helpers/fixtures.js';

/** The fixtures summed up, and the name of their snapshot files. */
const INPUTS = [
  { name: 'inet-2019-pdf', path: join(FIXTURES, 'inet-2019/input.pdf') },
  { name: 'inet-2019-text', path: join(FIXTURES, 'inet-2019/input.txt') },
  { name: 'inet-2019-redesign', path: join(FIXTURES, 'designs/inet-2019-redesign/input.pdf') },
];

/** Characters of a block's text the extract summary keeps: enough to recognise it, short enough to diff. */
const TEXT_SHOWN = 60;

/** One letter per kind and size class, so that a block fits one short line. */
const KIND = { paragraph: 'P', listItem: 'L', tableRow: 'T' } as const;
const SIZE = { smaller: 's', body: 'b', larger: 'L', display: 'D', mixed: 'm' } as const;

function shown(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > TEXT_SHOWN ? `${clean.slice(0, TEXT_SHOWN)}…` : clean;
}

/** « p12 P D 07 »: page, kind, size class (`-` unknown), the text's start. */
function extractSummary(blocks: readonly Block[]): string {
  const lines = blocks.map((block) => {
    const size = block.features?.size;
    return `p${block.page ?? '-'} ${KIND[block.kind]} ${size ? SIZE[size] : '-'} ${shown(block.text)}`;
  });
  return `${lines.join('\n')}\n`;
}

function segmentSummary(stages: StageResults): string {
  const { segmented } = stages;
  const out = ['# sommaire (numero, announced page, section, text)'];
  for (const entry of segmented.sommaire) out.push(`${entry.numero} p${entry.page ?? '-'} [${shown(entry.section)}] ${shown(entry.texte)}`);
  out.push('# project starts (numero, page, blocks, evidence)');
  for (const project of segmented.projects) {
    const evidence = (project.startEvidence ?? []).join(',');
    out.push(`${project.numero} p${project.heading.page ?? '-'} ${project.blocks.length} blocks ${evidence}${project.fromSommaireOnly ? ' (sommaire only)' : ''}`);
  }
  out.push('# rosters (heading, members)');
  for (const roster of segmented.rosters) out.push(`${shown(roster.heading)}: ${roster.lines.length}`);
  out.push(`# segment diagnostics: ${segmented.diagnostics.map((d) => d.code).join(' ') || '-'}`);
  return `${out.join('\n')}\n`;
}

/** A text field's length, `-` when absent. */
const length = (text: string | null): string => (text === null ? '-' : String(text.length));

function parseSummary(parsed: readonly ParsedProject[]): string {
  const out = ['# numero: titre collectivite contexte problematique clesPourAgir temoignage (lengths) | auteurs tuteurs chiffres allerPlusLoin encadres rubriques (counts) | diagnostics'];
  for (const project of parsed) {
    const lengths = [project.titre, project.collectivite, project.contexte, project.problematique, project.clesPourAgir, project.temoignage].map(length).join(' ');
    const counts = [project.auteurs, project.tuteurs, project.chiffres, project.allerPlusLoin, project.encadres, project.rubriques].map((list) => list.length).join(' ');
    out.push(`${project.numero}: ${lengths} | ${counts} | ${project.diagnostics.map((d) => d.code).join(' ') || '-'}`);
  }
  return `${out.join('\n')}\n`;
}

describe.each(INPUTS)('stages of $name', ({ name, path }) => {
  it('match their snapshots (extract, segment, parse)', async () => {
    const stages = await runStages(new Uint8Array(readFileSync(path)), { fileName: path });
    await expect(extractSummary(stages.extracted.blocks)).toMatchFileSnapshot(`snapshots/${name}.extract.txt`);
    await expect(segmentSummary(stages)).toMatchFileSnapshot(`snapshots/${name}.segment.txt`);
    await expect(parseSummary(stages.parsed)).toMatchFileSnapshot(`snapshots/${name}.parse.txt`);
  }, 60_000);
});
