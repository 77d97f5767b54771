/**
 * Gives a page-reading thread a synchronous `DecompressionStream('deflate')`. Installed by
 * `thread-setup.ts` only, before pdf.js runs.
 *
 * Why: pdf.js 5 inflates every Flate stream it reads (content streams, fonts, CMaps) through the
 * web `DecompressionStream` when the platform has one, and falls back to its own JavaScript inflate
 * when that fails. In Node, that web stream is zlib behind the web-streams layer: loading that layer
 * (and undici) in the thread, then a stream, a writer, promises and chunks per PDF stream, cost
 * 100–150 ms of a cold CLI run on the 2019 brochure (docs/performance.md, "Third pass"). The same
 * zlib called once, synchronously (`inflateSync`), gives the same bytes, and fails on the same
 * inputs with the same effect: pdf.js catches the failure and takes its fallback
 * (`test/sync-inflate.test.ts` compares both on valid, truncated, corrupt and padded streams).
 *
 * Only the shape pdf.js uses is provided (`writable.getWriter()` with `ready`/`write`/`close`, and
 * `readable` as an async iterable); any other format (pdf.js asks for "brotli") throws, as Node's
 * own `DecompressionStream` does for formats it lacks, which sends pdf.js to its fallback too.
 * Only this thread is affected: a worker thread has its own globals, and `readPdfPages` in the
 * calling thread (the library with `pageThreads: 0`) keeps the platform's stream.
 */
import { inflateSync } from 'node:zlib';

/** The writer half pdf.js uses: it writes the whole compressed stream once, then closes. */
interface InflateWriter {
  readonly ready: Promise<void>;
  write(chunk: Uint8Array): Promise<void>;
  close(): Promise<void>;
}

/**
 * A `DecompressionStream` for the zlib "deflate" format that inflates in one synchronous call when
 * its output is first read.
 */
export class SyncInflateStream {
  readonly writable: { getWriter(): InflateWriter };
  readonly readable: AsyncIterable<Uint8Array>;

  /**
   * @param format Only "deflate" (zlib-wrapped), the one pdf.js's Flate streams need.
   * @throws TypeError for any other format, as the platform's stream does for one it lacks.
   */
  constructor(format: string) {
    if (format !== 'deflate') throw new TypeError(`SyncInflateStream: unsupported format '${format}'`);
    const chunks: Uint8Array[] = [];
    const ready = Promise.resolve();
    this.writable = {
      getWriter: () => ({
        ready,
        write: (chunk) => {
          chunks.push(chunk);
          return ready;
        },
        close: () => ready,
      }),
    };
    this.readable = {
      async *[Symbol.asyncIterator]() {
        // pdf.js has written the whole stream before it reads (its write is synchronous here).
        await ready;
        const input = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
        const output = inflateSync(input);
        yield new Uint8Array(output.buffer, output.byteOffset, output.length);
      },
    };
  }
}

/** Replaces this thread's `DecompressionStream` with `SyncInflateStream`. */
export function installSyncInflate(): void {
  Object.defineProperty(globalThis, 'DecompressionStream', { value: SyncInflateStream, writable: true, configurable: true, enumerable: false });
}
