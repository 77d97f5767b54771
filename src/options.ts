/**
 * Command-line options: parsed with Node's `parseArgs`, but every mistake is reported as one line
 * in the project's words (`BrochureError` USAGE, exit 64) instead of Node's multi-line text.
 */
import { parseArgs } from 'node:util';
import { BrochureError } from './errors.js';
import { printable } from './printable.js';

/** The options a command takes, as `parseArgs` describes them. */
export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string }>;

/** What `parseOptions` returns: each option's value, and the positionals. */
export interface ParsedOptions<T extends OptionSpec> {
  readonly values: { [K in keyof T]?: T[K]['type'] extends 'string' ? string : boolean };
  readonly positionals: string[];
}

/**
 * Parses a command's arguments, refusing unknown options, missing values, values given to a
 * switch and an option given twice (the first would be ignored silently).
 * @param command The command's name, for the messages (`extract`).
 * @param argv Arguments after the command name.
 * @param options The options the command takes.
 * @returns The values and positionals.
 * @throws {BrochureError} `USAGE`, one line naming the option and where to look.
 */
export function parseOptions<T extends OptionSpec>(command: string, argv: readonly string[], options: T): ParsedOptions<T> {
  // Not strict: Node's strict mode refuses `--jobs -1` as « ambiguous »; the tokens let us say what is wrong instead.
  const { values, positionals, tokens } = parseArgs({ args: [...argv], options, allowPositionals: true, strict: false, tokens: true });
  const help = `try 'brochure-extract ${command} --help'`;
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const spec = options[token.name];
    const raw = printable(token.rawName);
    if (spec === undefined) throw new BrochureError('USAGE', `${command} has no option '${raw}' (${help})`);
    if (seen.has(token.name)) throw new BrochureError('USAGE', `${raw} is given twice: give it once`);
    seen.add(token.name);
    if (spec.type === 'boolean' && token.value !== undefined) throw new BrochureError('USAGE', `${raw} takes no value ('${printable(token.value)}')`);
    if (spec.type === 'string' && token.value === undefined) throw new BrochureError('USAGE', `${raw} needs a value (${help})`);
    // `--out --strict`: the next option was taken for the value. A value that starts with « -- » must be written --out=--x.
    if (spec.type === 'string' && !token.inlineValue && token.value!.startsWith('--')) throw new BrochureError('USAGE', `${raw} needs a value, not the option '${printable(token.value!)}' (${help})`);
  }
  return { values: values as ParsedOptions<T>['values'], positionals };
}

/**
 * Reads an option that takes a positive whole number.
 * @param value The option's value, if given.
 * @param name The option, for the message (`--jobs`).
 * @returns The number, or undefined when the option was not given.
 * @throws {BrochureError} `USAGE` for anything else (`0`, `-1`, `2.5`, `many`).
 */
export function positiveInteger(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number <= 0) throw new BrochureError('USAGE', `${name} takes a positive whole number, not '${printable(value)}'`);
  return number;
}
