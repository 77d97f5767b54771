/**
 * Reading input files: file-system errors become one-line `BrochureError`s.
 */
import { readFile } from 'node:fs/promises';
import { BrochureError } from './errors.js';

/**
 * Reads an input file, turning file-system errors into one-line messages.
 * @param path The file.
 * @returns Its bytes.
 */
export async function readInput(path: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(path));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new BrochureError('INPUT_NOT_FOUND', `'${path}' does not exist`);
    if (code === 'EISDIR') throw new BrochureError('INPUT_NOT_FOUND', `'${path}' is a folder, not a file`);
    if (code === 'EACCES') throw new BrochureError('INPUT_NOT_FOUND', `'${path}' cannot be read (permission denied)`);
    throw new BrochureError('INPUT_NOT_FOUND', `'${path}' cannot be read (${code ?? 'unknown error'})`);
  }
}

