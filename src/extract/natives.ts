/**
 * Built-ins that pdf.js's legacy build replaces for the whole process (its core-js polyfills),
 * although Node 20 has them natively. Their replacements are several times slower
 * (`JSON.stringify` of a brochure document: ~1 ms natively, 12–25 ms replaced) and would leak into
 * any application that calls this library. This module must be evaluated before pdf.js: it
 * records the originals, and `restoreNatives` puts them back once pdf.js is loaded.
 * Only replacements are undone; methods pdf.js adds (Promise.withResolvers, Uint8Array.fromBase64…)
 * stay, since it needs them on Node 20.
 */
const saved = {
  push: Array.prototype.push,
  parse: JSON.parse,
  stringify: JSON.stringify,
  toString: Function.prototype.toString,
};

/** Puts back the built-ins recorded before pdf.js was loaded. */
export function restoreNatives(): void {
  const define = (target: object, key: string, value: unknown): void => {
    const descriptor = Object.getOwnPropertyDescriptor(target, key);
    Object.defineProperty(target, key, { ...descriptor, value });
  };
  define(Array.prototype, 'push', saved.push);
  define(JSON, 'parse', saved.parse);
  define(JSON, 'stringify', saved.stringify);
  define(Function.prototype, 'toString', saved.toString);
}
