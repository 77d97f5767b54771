/**
 * Keeps pdf.js from loading `@napi-rs/canvas` in a page-reading thread. Imported before pdf.js by
 * `thread-setup.ts` only.
 *
 * Why: in Node, pdf.js's display module `require`s the native canvas add-on when it is evaluated,
 * to polyfill `DOMMatrix`, `Path2D` and `ImageData`, which only rendering uses. Loading it costs
 * about 100 ms of CPU per thread (import of `pdf.mjs`: ~175 ms with it, ~77 ms without), a tenth
 * of a cold CLI run; we never render. Uninstalling the optional package is not ours to decide, and
 * a failed `require` makes pdf.js print warnings (before its `verbosity` can be set). So this
 * module answers that one `require` with stand-ins: a `DOMMatrix` that can be constructed (pdf.js
 * builds one at import) and a `Path2D` and `ImageData` that throw, so that a rendering path reached
 * by mistake fails loudly instead of drawing nothing. Text content and operator lists use none of
 * them (outputs are byte-identical on every fixture with and without, docs/performance.md).
 *
 * Only this thread is affected: a worker thread has its own module loader and globals, and
 * `readPdfPages` in the calling thread (the library with `pageThreads: 0`) keeps pdf.js's own set-up.
 */
import { createRequire } from 'node:module';

const CANVAS_PACKAGE = '@napi-rs/canvas';

function renderingUnavailable(what: string): never {
  throw new Error(`${what} is not available in a PDF page-reading thread (the text reader never renders)`);
}

/** The stand-in module pdf.js gets for `require("@napi-rs/canvas")`. */
const canvasStandIn = Object.freeze({
  DOMMatrix: class DOMMatrix {},
  Path2D: class Path2D {
    constructor() {
      renderingUnavailable('Path2D');
    }
  },
  ImageData: class ImageData {
    constructor() {
      renderingUnavailable('ImageData');
    }
  },
  createCanvas: (): never => renderingUnavailable('a canvas'),
});

interface ModuleLoader {
  _load(request: string, parent: unknown, isMain: boolean): unknown;
}

const Module = createRequire(import.meta.url)('node:module') as ModuleLoader;
const load = Module._load;
Module._load = function loadWithoutCanvas(this: unknown, request: string, parent: unknown, isMain: boolean): unknown {
  return request === CANVAS_PACKAGE ? canvasStandIn : load.call(this, request, parent, isMain);
};
