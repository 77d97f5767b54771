import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BrochureError } from '../src/errors.js';
import { writeJsonAtomic, writeTextAtomic } from '../src/write.js';

// Spies that pass through to the real functions, so single tests can make a rename or a write fail on demand.
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  return { ...actual, open: vi.fn(actual.open), rename: vi.fn(actual.rename) };
});

/**
 * Whether a 0o555 folder really refuses new files here: not for root (or CAP_DAC_OVERRIDE),
 * which is how these tests usually run in containers.
 */
function readOnlyFoldersRefuseWrites(): boolean {
  const folder = mkdtempSync(join(tmpdir(), 'brochure-write-probe-'));
  try {
    chmodSync(folder, 0o555);
    try {
      writeFileSync(join(folder, 'probe'), '');
      return false;
    } catch {
      return true;
    }
  } finally {
    chmodSync(folder, 0o755);
    rmSync(folder, { recursive: true, force: true });
  }
}

const actual = await vi.importActual<typeof import('node:fs/promises')>('node:fs/promises');
const canMakeReadOnlyFolder = readOnlyFoldersRefuseWrites();
const readOnlySkipNote = canMakeReadOnlyFolder
  ? ''
  : ' [skipped: this process writes through chmod 0o555 (root or CAP_DAC_OVERRIDE); run as a normal user]';

let folder: string;

beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'brochure-write-'));
});

afterEach(() => {
  // Drops any once-implementation a failing test left unused; vi.fn(impl) goes back to impl.
  vi.mocked(fsp.open).mockReset();
  vi.mocked(fsp.rename).mockReset();
  chmodSync(folder, 0o755);
  rmSync(folder, { recursive: true, force: true });
});

/** The rejection of `promise`, failing the test when it resolves. */
async function rejectionOf(promise: Promise<unknown>): Promise<BrochureError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(BrochureError);
  return error as BrochureError;
}

/** An errno error as Node raises it. */
function errno(code: string, message: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${message}`), { code });
}

const value = { schemaVersion: '1.0', titre: 'REGARDS CROISÉS', projets: [{ id: '2019-01', chiffres: [1.5, null] }] };

describe('writeJsonAtomic', () => {
  it('writes the whole value, two-space indented, with a final newline, and nothing else', async () => {
    const target = join(folder, 'brochure.json');
    await writeJsonAtomic(target, value);
    const text = readFileSync(target, 'utf8');
    expect(text).toBe(JSON.stringify(value, null, 2) + '\n');
    expect(text).toContain('\n  "titre": "REGARDS CROISÉS",\n');
    expect(JSON.parse(text)).toEqual(value);
    expect(readdirSync(folder)).toEqual(['brochure.json']);
  });

  it('replaces an existing, longer file completely', async () => {
    const target = join(folder, 'brochure.json');
    writeFileSync(target, 'x'.repeat(10_000));
    await writeJsonAtomic(target, [1]);
    expect(readFileSync(target, 'utf8')).toBe('[\n  1\n]\n');
    expect(readdirSync(folder)).toEqual(['brochure.json']);
  });

  it('writes through a temporary file in the same folder, complete before it is renamed', async () => {
    const target = join(folder, 'brochure.json');
    const renamed: { from: string; content: string }[] = [];
    vi.mocked(fsp.rename).mockImplementationOnce(async (from, to) => {
      renamed.push({ from: String(from), content: readFileSync(from, 'utf8') });
      return actual.rename(from, to);
    });
    await writeJsonAtomic(target, value);
    expect(renamed).toHaveLength(1);
    expect(renamed[0]!.from.startsWith(folder + '/')).toBe(true);
    expect(renamed[0]!.from.slice(folder.length + 1)).toMatch(/^\.brochure\.json\.\d+\.[0-9a-f]+\.tmp$/);
    expect(renamed[0]!.content).toBe(JSON.stringify(value, null, 2) + '\n');
  });

  it('leaves one complete file when several writes race for the same target', async () => {
    const target = join(folder, 'brochure.json');
    const values = Array.from({ length: 20 }, (_, index) => ({ index, filler: 'é'.repeat(index * 1000) }));
    await Promise.all(values.map((each) => writeJsonAtomic(target, each)));
    const written = JSON.parse(readFileSync(target, 'utf8')) as { index: number };
    expect(written).toEqual(values[written.index]);
    expect(readdirSync(folder)).toEqual(['brochure.json']);
  });

  it('fails with OUTPUT_NOT_WRITABLE naming the folder when it does not exist, creating nothing', async () => {
    const missing = join(folder, 'output');
    const target = join(missing, 'brochure.json');
    const error = await rejectionOf(writeJsonAtomic(target, value));
    expect(error.code).toBe('OUTPUT_NOT_WRITABLE');
    expect(error.exitCode).toBe(73);
    expect(error.message).toBe(`cannot write ${target}: folder ${missing}/ does not exist (create it or pass --out)`);
    expect(existsSync(missing)).toBe(false);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('fails when a path component is a file, not a folder', async () => {
    writeFileSync(join(folder, 'output'), 'a file');
    const error = await rejectionOf(writeJsonAtomic(join(folder, 'output', 'brochure.json'), value));
    expect(error.code).toBe('OUTPUT_NOT_WRITABLE');
    expect(error.message).toContain(`${join(folder, 'output')}/ is not a folder`);
    expect(readdirSync(folder)).toEqual(['output']);
  });

  it('fails when the target is a folder, leaving it as it was', async () => {
    const target = join(folder, 'brochure.json');
    mkdirSync(target);
    writeFileSync(join(target, 'keep'), 'kept');
    const error = await rejectionOf(writeJsonAtomic(target, value));
    expect(error.code).toBe('OUTPUT_NOT_WRITABLE');
    expect(error.message).toBe(`cannot write ${target}: ${target} is a folder (choose a file name)`);
    expect(readFileSync(join(target, 'keep'), 'utf8')).toBe('kept');
    expect(readdirSync(folder)).toEqual(['brochure.json']);
  });

  it.skipIf(!canMakeReadOnlyFolder)(
    `fails in a read-only folder, leaving the existing target untouched${readOnlySkipNote}`,
    async () => {
      const target = join(folder, 'brochure.json');
      writeFileSync(target, 'old content');
      chmodSync(folder, 0o555);
      const error = await rejectionOf(writeJsonAtomic(target, value));
      expect(error.code).toBe('OUTPUT_NOT_WRITABLE');
      expect(error.message).toBe(`cannot write ${target}: folder ${folder}/ is not writable (check its permissions or pass --out)`);
      expect(readFileSync(target, 'utf8')).toBe('old content');
      expect(readdirSync(folder)).toEqual(['brochure.json']);
    },
  );

  it('leaves the existing target untouched and removes the temporary file when the rename fails', async () => {
    const target = join(folder, 'brochure.json');
    writeFileSync(target, 'old content');
    let tempExisted = false;
    vi.mocked(fsp.rename).mockImplementationOnce(async (from) => {
      tempExisted = existsSync(from);
      throw errno('EACCES', 'permission denied, rename');
    });
    const error = await rejectionOf(writeJsonAtomic(target, value));
    expect(tempExisted).toBe(true);
    expect(error.code).toBe('OUTPUT_NOT_WRITABLE');
    expect(error.message).toBe(`cannot write ${target}: folder ${folder}/ is not writable (check its permissions or pass --out)`);
    expect(error.cause).toMatchObject({ code: 'EACCES' });
    expect(readFileSync(target, 'utf8')).toBe('old content');
    expect(readdirSync(folder)).toEqual(['brochure.json']);
  });

  it('leaves the existing target untouched and removes the half-written temporary file when the disk fills up', async () => {
    const target = join(folder, 'brochure.json');
    writeFileSync(target, 'old content');
    vi.mocked(fsp.open).mockImplementationOnce(async (path, flags) => {
      const handle = await actual.open(path, flags);
      const writeFile = handle.writeFile.bind(handle);
      // Write a prefix, then fail as a full disk does.
      handle.writeFile = async (data) => {
        await writeFile(String(data).slice(0, 10));
        throw errno('ENOSPC', 'no space left on device, write');
      };
      return handle;
    });
    const error = await rejectionOf(writeJsonAtomic(target, value));
    expect(error.code).toBe('OUTPUT_NOT_WRITABLE');
    expect(error.message).toBe(`cannot write ${target}: no space left for brochure.json in ${folder}/ (free some space or pass --out)`);
    expect(readFileSync(target, 'utf8')).toBe('old content');
    expect(readdirSync(folder)).toEqual(['brochure.json']);
  });

  it('keeps an unexpected reason on one line', async () => {
    const target = join(folder, 'brochure.json');
    vi.mocked(fsp.rename).mockImplementationOnce(async () => {
      throw errno('EIO', 'i/o error,\nrename');
    });
    const error = await rejectionOf(writeJsonAtomic(target, value));
    expect(error.message).toBe(`cannot write ${target}: EIO: i/o error, rename (in folder ${folder}/)`);
    expect(readdirSync(folder)).toEqual([]);
  });

  it('refuses a value JSON cannot represent before touching the disk', async () => {
    const target = join(folder, 'brochure.json');
    await expect(writeJsonAtomic(target, undefined)).rejects.toThrow(TypeError);
    await expect(writeJsonAtomic(target, { n: 1n })).rejects.toThrow(TypeError);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('writeTextAtomic', () => {
  it('writes the text exactly, as UTF-8, adding nothing', async () => {
    const target = join(folder, 'report.html');
    const html = '<!doctype html><title>Regards croisés</title><p>anaïs</p>';
    await writeTextAtomic(target, html);
    expect(readFileSync(target)).toEqual(Buffer.from(html, 'utf8'));
    expect(readdirSync(folder)).toEqual(['report.html']);
  });

  it('fails the same way as writeJsonAtomic when the folder does not exist', async () => {
    const target = join(folder, 'output', 'report.html');
    const error = await rejectionOf(writeTextAtomic(target, '<p></p>'));
    expect(error.code).toBe('OUTPUT_NOT_WRITABLE');
    expect(error.message).toBe(`cannot write ${target}: folder ${join(folder, 'output')}/ does not exist (create it or pass --out)`);
    expect(readdirSync(folder)).toEqual([]);
  });
});
