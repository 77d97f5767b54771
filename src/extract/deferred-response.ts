/**
 * Keeps pdf.js from loading Node's fetch implementation (undici) when it is imported in a
 * page-reading thread. Called before pdf.js loads by `thread-setup.ts` only.
 *
 * Why: both pdf.js modules check `typeof Response.prototype.bytes` when they are evaluated (to
 * polyfill it). In Node, `Response` is a lazy global: its first use loads undici, about 20 ms of
 * the thread's start, on the critical path of a cold CLI run (docs/performance.md, "Third pass").
 * The text pass and the operator lists never build a `Response` (pdf.js does when saving a PDF or
 * streaming a WebAssembly module); so this module puts a stand-in `Response` in its place that
 * answers the check (its prototype has `bytes`) and loads the real class only when something
 * actually constructs one or tests `instanceof Response`: those get the platform's own class, with
 * `bytes` as pdf.js would have polyfilled it.
 *
 * Only this thread is affected: a worker thread has its own globals, and `readPdfPages` in the
 * calling thread (the library with `pageThreads: 0`) keeps the platform's global.
 */

type ResponseClass = typeof globalThis.Response;

/** Replaces this thread's `Response` with a stand-in that loads the real class on first real use. */
export function deferResponse(): void {
  const descriptor = Object.getOwnPropertyDescriptor(globalThis, 'Response');
  // Nothing to defer where the platform has no Response, or has already loaded it.
  if (!descriptor?.get || !descriptor.configurable) return;
  const lazyGetter = descriptor.get;
  let real: ResponseClass | undefined;
  const load = (): ResponseClass => {
    if (real) return real;
    const loaded = lazyGetter.call(globalThis) as ResponseClass;
    if (typeof loaded.prototype.bytes !== 'function') {
      // What pdf.js's own polyfill does on a platform without `bytes`.
      Object.defineProperty(loaded.prototype, 'bytes', {
        value: async function bytes(this: Response): Promise<Uint8Array> {
          return new Uint8Array(await this.arrayBuffer());
        },
        writable: true,
        configurable: true,
      });
    }
    real = loaded;
    Object.defineProperty(globalThis, 'Response', { value: loaded, writable: true, enumerable: false, configurable: true });
    return loaded;
  };
  class DeferredResponse {
    constructor(...args: ConstructorParameters<ResponseClass>) {
      // A constructor may return another object: the caller gets a real Response.
      return new (load())(...args);
    }

    static [Symbol.hasInstance](value: unknown): boolean {
      return value instanceof load();
    }
  }
  // pdf.js only checks that it exists; instances are real Responses, with their own prototype.
  Object.defineProperty(DeferredResponse.prototype, 'bytes', { value: async function bytes(): Promise<never> {
    throw new Error('the deferred Response stand-in has no instances');
  } });
  Object.defineProperty(globalThis, 'Response', { value: DeferredResponse, writable: true, enumerable: false, configurable: true });
}
