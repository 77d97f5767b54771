/**
 * The library takes a brochure in every form a Node user holds one (issue 17, item 7): a path, a
 * `file:` URL, a Buffer, a Uint8Array, an ArrayBuffer; anything else is a `BrochureError` with a code.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BrochureError, extract, runStages, type BrochureInput } from '../src/index.js';

const pdf = fileURLToPath(new URL('../fixtures/synthetic-2031/input.pdf', import.meta.url));

describe('extract() and runStages() inputs', () => {
  it('a Buffer, a Uint8Array, an ArrayBuffer, a path and a URL give the same document', async () => {
    const buffer = readFileSync(pdf);
    const fromPath = await extract(pdf);
    const forms: [string, BrochureInput][] = [
      ['Buffer', buffer],
      ['Uint8Array', new Uint8Array(buffer)],
      ['ArrayBuffer', buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength)],
      ['URL', pathToFileURL(pdf)],
    ];
    for (const [name, input] of forms) {
      const document = await extract(input, { fileName: 'input.pdf' });
      expect(document, name).toEqual(fromPath);
    }
    // The caller's bytes are left as they were (pdf.js may detach what it is given).
    expect(buffer.byteLength).toBe(readFileSync(pdf).byteLength);
    const stages = await runStages(buffer, { fileName: 'input.pdf' });
    expect(stages.document).toEqual(fromPath);
    expect((await runStages(pathToFileURL(pdf))).document).toEqual(fromPath);
  });

  it('anything else is a BrochureError with a code, not a TypeError from pdf.js', async () => {
    for (const input of [42, null, { bytes: [] }, new URL('https://example.org/brochure.pdf')]) {
      const failure = extract(input as unknown as BrochureInput);
      await expect(failure).rejects.toBeInstanceOf(BrochureError);
      await expect(failure).rejects.toMatchObject({ code: 'USAGE' });
    }
    await expect(runStages(new URL('file:///nope/brochure.pdf'))).rejects.toMatchObject({ code: 'INPUT_NOT_FOUND', exitCode: 66 });
  });
});
