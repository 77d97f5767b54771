/**
 * Atomic file output: readers of the target see the old file or the whole new one, never a partial write.
 */

import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, link, mkdir, open, realpath, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { BrochureError } from './errors.js';

/**
 * Write `value` as pretty-printed JSON (two-space indent, final newline), atomically.
 *
 * @param path
 *   Target file; its folder must exist.
 * @param value
 *   JSON-serialisable value.
 * @returns
 *   Nothing, once the file is complete on disk under its final name.
 * @throws {BrochureError}
 *   `OUTPUT_NOT_WRITABLE` naming the folder and the reason; the target is then left as it was.
 */
export async function writeJsonAtomic(path: string, value: unknown): Promise<void> {
  const json = JSON.stringify(value, null, 2);
  // `JSON.stringify` returns undefined for undefined, functions and symbols: a caller bug, not a disk problem.
  if (json === undefined) throw new TypeError(`cannot write ${path}: value is not JSON-serialisable`);
  await writeAtomic(path, json + '\n');
}

/**
 * Write `text` as UTF-8, atomically.
 *
 * @param path
 *   Target file; its folder must exist.
 * @param text
 *   Whole content of the file (the HTML report, for instance).
 * @returns
 *   Nothing, once the file is complete on disk under its final name.
 * @throws {BrochureError}
 *   `OUTPUT_NOT_WRITABLE` naming the folder and the reason; the target is then left as it was.
 */
export async function writeTextAtomic(path: string, text: string): Promise<void> {
  await writeAtomic(path, text);
}

/**
 * Write to a temporary file beside the target, flush it, then rename it over the target.
 *
 * @param path
 *   Target file.
 * @param data
 *   Whole content, written as UTF-8.
 * @returns
 *   Nothing.
 */
async function writeAtomic(path: string, data: string): Promise<void> {
  const target = await fileBehind(path);
  const folder = dirname(target);
  let temp: string | undefined;
  try {
    temp = await writeTemp(target, data);
    await rename(temp, target);
  } catch (error) {
    if (temp !== undefined) await rm(temp, { force: true }).catch(() => undefined);
    throw new BrochureError('OUTPUT_NOT_WRITABLE', `cannot write ${path}: ${reasonFor(error, folder, path)}`, {
      cause: error,
    });
  }
  await syncFolder(folder);
}

/**
 * Write several files into one folder, all or nothing: each is written beside its target and
 * flushed; only when every one is complete (and no target is a folder) are they renamed over their
 * targets, the old files kept aside until the last rename and put back should one fail.
 *
 * @param folder
 *   Folder of the files; it must exist.
 * @param files
 *   Name in the folder and whole content of each file.
 * @returns
 *   Nothing, once every file is in place.
 * @throws {BrochureError}
 *   `OUTPUT_NOT_WRITABLE` naming the file and the reason; every target is then left as it was.
 */
export async function writeFilesAtomic(folder: string, files: readonly { name: string; text: string }[]): Promise<void> {
  const staged: { temp: string; target: string; backup?: string }[] = [];
  let current = folder;
  try {
    // Every target first: rename() would fail half-way on a folder standing where a file goes.
    const targets: string[] = [];
    for (const file of files) {
      current = join(folder, file.name);
      targets.push(await fileBehind(current));
    }
    for (const [index, file] of files.entries()) {
      current = join(folder, file.name);
      staged.push({ temp: await writeTemp(targets[index]!, file.text), target: targets[index]! });
    }
  } catch (error) {
    await Promise.all(staged.map((file) => rm(file.temp, { force: true }).catch(() => undefined)));
    const reason = error instanceof BrochureError ? error.message : `cannot write ${current}: ${reasonFor(error, folder, current)}`;
    throw new BrochureError('OUTPUT_NOT_WRITABLE', `${reason}; no file was changed`, { cause: error });
  }
  const swapped: typeof staged = [];
  try {
    for (const file of staged) {
      current = file.target;
      const backup = file.temp.replace(/\.tmp$/, '.old.tmp');
      // A hard link keeps the old content reachable without copying it; none when the target is new.
      file.backup = await link(file.target, backup).then(() => backup, () => undefined);
      await rename(file.temp, file.target);
      swapped.push(file);
    }
  } catch (error) {
    for (const file of swapped.reverse()) {
      await (file.backup !== undefined ? rename(file.backup, file.target) : rm(file.target, { force: true })).catch(() => undefined);
    }
    throw new BrochureError('OUTPUT_NOT_WRITABLE', `cannot write ${current}: ${reasonFor(error, folder, current)}; no file was changed`, { cause: error });
  } finally {
    await Promise.all(staged.flatMap((file) => [file.temp, file.backup].filter((path) => path !== undefined)).map((path) => rm(path, { force: true }).catch(() => undefined)));
  }
  await syncFolder(folder);
}

/**
 * Write `data` to a new temporary file beside `path` and flush it.
 *
 * @param path
 *   Target file the temporary one stands in for.
 * @param data
 *   Whole content, written as UTF-8.
 * @returns
 *   The temporary file's path.
 */
async function writeTemp(path: string, data: string): Promise<string> {
  // Same folder as the target, because rename is only atomic within one file system.
  // Dot-prefixed and `.tmp`-suffixed so that listings and `.gitignore` skip it should the process be killed.
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle | undefined;
  try {
    // `wx` refuses to reuse an existing file: the name is meant to be ours alone.
    handle = await open(temp, 'wx');
    await handle.writeFile(data, 'utf8');
    // Without fsync a crash after the rename can leave the new name pointing at an empty file.
    await handle.sync();
    await handle.close();
    return temp;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * The file a write to `path` must replace: `path` itself, or the file a symbolic link there points
 * to (renaming over the link would replace the link, not what it names).
 *
 * @param path
 *   Target given by the user.
 * @returns
 *   The real path of an existing file, else `path` (a new file, or a link to nothing).
 * @throws {BrochureError}
 *   `OUTPUT_NOT_WRITABLE` when `path` is a folder or a link to one.
 */
async function fileBehind(path: string): Promise<string> {
  const real = await realpath(path).catch(() => null);
  if (real === null) return path;
  const linked = real === resolve(path) ? '' : ` a link to the folder ${real}`;
  if ((await stat(real)).isDirectory()) throw new BrochureError('OUTPUT_NOT_WRITABLE', `cannot write ${path}: ${path} is${linked || ' a folder'} (choose a file name)`);
  return real;
}

/**
 * The one rule for output folders (`output/`, `--out-dir`, `--out`'s folder, `--db`'s, `export --out`):
 * created when missing, and checked writable before any input is read, so that a run never does its
 * work only to fail at the end.
 *
 * @param folder
 *   Folder that will hold the outputs.
 * @returns
 *   Nothing, once the folder exists and is writable.
 * @throws {BrochureError}
 *   `OUTPUT_NOT_WRITABLE` naming the folder and the reason.
 */
export async function prepareOutputFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
    await access(folder, constants.W_OK);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'EEXIST' || code === 'ENOTDIR' ? 'a file is in the way of the folder' : code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code === 'EROFS' ? 'read-only file system' : (code ?? String(error));
    throw new BrochureError('OUTPUT_NOT_WRITABLE', `cannot write in ${folder}: ${reason}`, { cause: error });
  }
}

/**
 * Checks an output file before any input is read: its folder is prepared and it is not a folder.
 *
 * @param path
 *   The file a run will write.
 * @returns
 *   Nothing.
 * @throws {BrochureError}
 *   `OUTPUT_NOT_WRITABLE`.
 */
export async function prepareOutputFile(path: string): Promise<void> {
  await prepareOutputFolder(dirname(await fileBehind(path)));
}

/**
 * Flush the folder entry so the rename itself survives a crash.
 *
 * @param folder
 *   Folder holding the renamed file.
 * @returns
 *   Nothing; failures are ignored since the file is already in place and some systems cannot fsync a folder.
 */
async function syncFolder(folder: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Windows and some network file systems refuse to open or sync a folder; the write has already succeeded.
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * Say in a few words why the write failed and what to do about it.
 *
 * @param error
 *   Error thrown by the file system.
 * @param folder
 *   Folder of the target.
 * @param path
 *   Target file.
 * @returns
 *   A reason without line breaks.
 */
function reasonFor(error: unknown, folder: string, path: string): string {
  const where = folder.endsWith('/') ? folder : `${folder}/`;
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `folder ${where} does not exist (create it or pass --out)`;
    case 'ENOTDIR':
      return `${where} is not a folder (pass --out)`;
    case 'EACCES':
    case 'EPERM':
      return `folder ${where} is not writable (check its permissions or pass --out)`;
    case 'EROFS':
      return `folder ${where} is on a read-only file system (pass --out)`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `no space left for ${basename(path)} in ${where} (free some space or pass --out)`;
    case 'EISDIR':
      return `${path} is a folder (choose a file name)`;
    default: {
      const message = error instanceof Error ? error.message : String(error);
      return `${message.replace(/\s+/g, ' ').trim()} (in folder ${where})`;
    }
  }
}
