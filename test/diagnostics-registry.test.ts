import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIAGNOSTIC_CODES, diagnosticCodesTable, diagnosticInfo, type DiagnosticCode } from '../src/diagnostics.js';

const root = new URL('..', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

/**
 * Every `code: 'X'` of src/ outside the registry, with the severity literal written next to it
 * (on its line or the few after, before the next code), when there is one.
 */
const raised = sources(join(root, 'src'))
  .filter((file) => !file.endsWith('/diagnostics.ts'))
  .flatMap((file) => {
    const text = readFileSync(file, 'utf8');
    const hits = [...text.matchAll(/code: '([A-Z_]+)'/g)];
    return hits.map((hit, i) => {
      const lineStart = text.lastIndexOf('\n', hit.index) + 1;
      const end = Math.min(hits[i + 1]?.index ?? text.length, hit.index + 400);
      const window = text.slice(Math.max(lineStart, i > 0 ? hits[i - 1]!.index + hits[i - 1]![0].length : 0), end);
      return { code: hit[1]!, severity: /severity: '(info|warning|error)'/.exec(window)?.[1] };
    });
  });

describe('diagnostic codes registry', () => {
  it('is the table the README prints between its markers (run `npm run docs:codes` after a change)', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const table = /<!-- diagnostic-codes:start -->\n([\s\S]*?)\n<!-- diagnostic-codes:end -->/.exec(readme)?.[1];
    expect(table).toBe(diagnosticCodesTable());
  });

  it('lists only codes some stage raises, at the severities the registry gives', () => {
    // TIMEOUT is a failed file's error code in a batch, not a diagnostic.
    const diagnostics = raised.filter((r) => r.code !== 'TIMEOUT');
    expect(new Set(diagnostics.map((r) => r.code))).toEqual(new Set(Object.keys(DIAGNOSTIC_CODES)));
    for (const { code, severity } of diagnostics) {
      if (severity === undefined) continue;
      const info = diagnosticInfo(code)!;
      expect([info.severity, info.otherwise?.severity], code).toContain(severity);
    }
  });

  it('gives every code a one-line meaning and knows nothing of codes it does not list', () => {
    for (const code of Object.keys(DIAGNOSTIC_CODES) as DiagnosticCode[]) {
      expect(DIAGNOSTIC_CODES[code].meaning, code).toMatch(/^[^\n|]{10,}$/);
    }
    expect(diagnosticInfo('SOMETHING_NEW')).toBeUndefined();
    expect(diagnosticInfo('toString')).toBeUndefined();
  });
});
