/**
 * The page threads' synchronous inflate (src/extract/sync-inflate.ts) stands in for the platform's
 * DecompressionStream in pdf.js: it must give the same bytes, and fail where that stream fails (pdf.js
 * then takes its own fallback), used the way pdf.js uses it.
 */
import { randomBytes } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { SyncInflateStream } from '../src/extract/sync-inflate.js';

interface StreamPair {
  readonly readable: AsyncIterable<Uint8Array>;
  readonly writable: { getWriter(): { ready: Promise<unknown>; write(chunk: Uint8Array): Promise<unknown>; close(): Promise<unknown> } };
}

/** pdf.js's `asyncGetBytesFromDecompressionStream`: the bytes, or `null` where it falls back. */
async function asPdfjsDoes(Stream: new (format: string) => StreamPair, bytes: Uint8Array, format = 'deflate'): Promise<Uint8Array | null> {
  try {
    const { readable, writable } = new Stream(format);
    const writer = writable.getWriter();
    await writer.ready;
    writer.write(bytes).then(async () => {
      await writer.ready;
      await writer.close();
    }).catch(() => {});
    const chunks: Uint8Array[] = [];
    for await (const chunk of readable) chunks.push(chunk);
    return new Uint8Array(Buffer.concat(chunks));
  } catch {
    return null;
  }
}

const platform = globalThis.DecompressionStream as unknown as new (format: string) => StreamPair;
const text = Buffer.from('BT /F1 12 Tf 72 712 Td (Un projet, des territoires) Tj ET\n'.repeat(3000));
const good = deflateSync(text);
const flip = (bytes: Buffer, at: number): Buffer => Buffer.concat([bytes.subarray(0, at), Buffer.from([bytes[at]! ^ 0x55]), bytes.subarray(at + 1)]);

const cases: Record<string, Buffer> = {
  'a valid stream': good,
  'an empty stream': Buffer.alloc(0),
  'a stream followed by an end-of-line and junk': Buffer.concat([good, Buffer.from('\r\nendstream junk')]),
  'two streams back to back': Buffer.concat([good, good]),
  'a truncated stream': good.subarray(0, good.length - 200),
  'a stream without its checksum': good.subarray(0, good.length - 4),
  'a stream with a wrong checksum': flip(good, good.length - 1),
  'a stream damaged in its middle': flip(good, good.length >> 1),
  'a header and nothing else': Buffer.from([0x78, 0x9c]),
  'a header then random bytes': Buffer.concat([Buffer.from([0x78, 0x9c]), randomBytes(2000)]),
  'raw deflate without the zlib header': deflateSync(text).subarray(2),
};

describe('SyncInflateStream, as pdf.js uses it', () => {
  it.each(Object.entries(cases))('%s: the same result as the platform DecompressionStream', async (_, bytes) => {
    const expected = await asPdfjsDoes(platform, new Uint8Array(bytes));
    const actual = await asPdfjsDoes(SyncInflateStream, new Uint8Array(bytes));
    expect(actual).toEqual(expected);
  });

  it('inflates a valid stream to its original bytes, and fails on a truncated one (not vacuous)', async () => {
    expect(Buffer.from((await asPdfjsDoes(SyncInflateStream, new Uint8Array(good)))!).equals(text)).toBe(true);
    expect(await asPdfjsDoes(SyncInflateStream, new Uint8Array(good.subarray(0, 100)))).toBeNull();
  });

  it('refuses a format other than deflate (pdf.js asks for brotli), as the platform stream does on Node 20', async () => {
    expect(() => new SyncInflateStream('brotli')).toThrow(TypeError);
    const bytes = new Uint8Array(good);
    expect(await asPdfjsDoes(SyncInflateStream, bytes, 'brotli')).toEqual(await asPdfjsDoes(platform, bytes, 'brotli'));
  });
});
