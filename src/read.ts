/**
 * Reading inputs: a path (or `-`, standard input), a file URL or bytes in any of Node's forms,
 * always as one plain `Uint8Array`; file-system errors become one-line `BrochureError`s.
 */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { BrochureError } from './errors.js';
import { printable } from './printable.js';

/** The name that stands for standard input (and, as an output, standard output). */
export const STANDARD_STREAM = '-';

/**
 * How messages name an input.
 * @param path The input's path, or `-`.
 * @returns The path, or `standard input`.
 */
export function inputName(path: string): string {
  return path === STANDARD_STREAM ? 'standard input' : path;
}

/** A brochure as the library takes it: a path, a `file:` URL, or the file's bytes (a Buffer too). */
export type BrochureInput = string | URL | Uint8Array | ArrayBuffer;

/**
 * Reads an input file, turning file-system errors into one-line messages.
 * @param path The file, or `-` for standard input.
 * @returns Its bytes.
 */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(path === STANDARD_STREAM ? await readStdin() : await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const name = printable(inputName(path));
    if (code === 'ENOENT') throw new BrochureError('INPUT_NOT_FOUND', `'${name}' does not exist`);
    if (code === 'EISDIR') throw new BrochureError('INPUT_NOT_FOUND', `'${name}' is a folder, not a file`);
    if (code === 'EACCES') throw new BrochureError('INPUT_NOT_FOUND', `'${name}' cannot be read (permission denied)`);
    throw new BrochureError('INPUT_NOT_FOUND', `'${name}' cannot be read (${code ?? 'unknown error'})`);
  }
}

/**
 * Reads a brochure given in any form the library accepts.
 * @param input A path, a `file:` URL, or bytes (Uint8Array, Buffer, ArrayBuffer).
 * @returns Its bytes as a plain Uint8Array of their own (pdf.js refuses a Buffer, and may detach
 *   what it is given), and the file's path when the input named one.
 * @throws {BrochureError} `INPUT_NOT_FOUND` for a file that cannot be read, `USAGE` for anything else.
 */
export async function readBrochureInput(input: BrochureInput): Promise<{ bytes: Uint8Array; path?: string }> {
  if (typeof input === 'string') return { bytes: await readInput(input), path: input };
  if (input instanceof URL) {
    if (input.protocol !== 'file:') throw new BrochureError('USAGE', `only file: URLs are read, not '${printable(input.href)}' (download it first)`);
    const path = fileURLToPath(input);
    return { bytes: await readInput(path), path };
  }
  // A copy: the caller keeps its bytes intact, whatever pdf.js does with ours.
  if (ArrayBuffer.isView(input)) return { bytes: new Uint8Array(input.buffer.slice(input.byteOffset, input.byteOffset + input.byteLength)) };
  if (input instanceof ArrayBuffer) return { bytes: new Uint8Array(input.slice(0)) };
  throw new BrochureError('USAGE', `a brochure is a path, a file URL or its bytes (Uint8Array, Buffer, ArrayBuffer), not ${describe(input)}`);
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return `a ${(value as object).constructor?.name ?? 'object'}`;
  return `a ${typeof value}`;
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
