/**
 * Runs the built CLI (bin/brochure-extract) as a user would, for the dataset tests.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

/** The repository's root folder. */
export const root = fileURLToPath(new URL('../..', import.meta.url));
/** The CLI's entry point. */
export const bin = join(root, 'bin/brochure-extract');

/** What a run printed and how it ended. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI and waits for it.
 * @param args Its arguments.
 * @param options `cwd` (default the root), extra `env`; `unprivileged`: as nobody when the tests run
 *   as root (root ignores permissions, so a read-only folder is only read-only for another user).
 * @returns Exit code and output.
 */
export async function cli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; unprivileged?: boolean } = {}): Promise<Run> {
  const asNobody = options.unprivileged === true && process.getuid?.() === 0;
  const [command, ...rest] = asNobody ? ['setpriv', '--reuid', '65534', '--regid', '65534', '--clear-groups', process.execPath, bin, ...args] : [process.execPath, bin, ...args];
  try {
    const { stdout, stderr } = await promisify(execFile)(command!, rest, { cwd: options.cwd ?? root, env: { ...process.env, ...options.env }, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
