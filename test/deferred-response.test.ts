/**
 * The page threads' deferred `Response` (src/extract/deferred-response.ts): pdf.js's import-time
 * check must not load Node's fetch implementation, and a real use must still get a real Response.
 * Run in a worker thread, which has its own globals (this process's `Response` stays untouched).
 */
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const setup = new URL('../dist/extract/deferred-response.js', import.meta.url).href;

function inThread(body: string): Promise<Record<string, unknown>> {
  const source = `
    import { parentPort } from 'node:worker_threads';
    const { deferResponse } = await import(${JSON.stringify(setup)});
    const undiciLoaded = () => process.moduleLoadList.some((name) => name.includes('undici'));
    deferResponse();
    ${body}`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(source)}`));
    worker.once('message', resolve);
    worker.once('error', reject);
  });
}

describe('deferResponse, in a page-reading thread', () => {
  it("answers pdf.js's import-time check without loading the fetch implementation", async () => {
    const seen = await inThread(`
      const before = undiciLoaded();
      const check = typeof Response.prototype.bytes;
      parentPort.postMessage({ before, check, after: undiciLoaded() });`);
    expect(seen).toEqual({ before: false, check: 'function', after: false });
  });

  it('gives a real Response, with bytes(), to code that builds one, and instanceof works both ways', async () => {
    const seen = await inThread(`
      const response = new Response('deux mots');
      const text = new TextDecoder().decode(await response.bytes());
      const real = Object.getPrototypeOf(response).constructor;
      parentPort.postMessage({
        text,
        loaded: undiciLoaded(),
        isResponse: response instanceof Response,
        notResponse: ({}) instanceof Response,
        globalIsReal: globalThis.Response === real,
      });`);
    expect(seen).toEqual({ text: 'deux mots', loaded: true, isResponse: true, notResponse: false, globalIsReal: true });
  });
});
