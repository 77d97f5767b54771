/**
 * The document family's alphabet: what the patterns of every stage call a letter, a capital, a
 * lower-case letter or a digit.
 *
 * Patterns are written with Unicode's names for these classes (`\p{L}`, `\p{Lu}`, `\p{Ll}`,
 * `\p{N}`, and `\P{…}` outside a class), and `latin` reads each over the Latin script's blocks
 * (`LATIN_BLOCKS`): exactly Unicode's letters, capitals, lower-case letters and digits of those
 * blocks, nothing outside them (`alphabet-ranges.ts`, generated from the engine's Unicode data by
 * test/tools/alphabet-ranges.mjs and checked against it by test/rules/alphabet.test.ts). The
 * brochure is French; its names are those of French public service, written in Latin letters
 * (« Łukasz », « Dąbrowski », « Nguyễn » included).
 *
 * Why not Unicode's classes over every script: V8 builds and compiles each such class anew for
 * every pattern it appears in, about 650 ranges for `\p{Lu}` alone, about 0.2 ms each. A cold run
 * meets some 300 of them, 60 to 80 ms of a converter text's 450 (docs/performance.md, « Tenth
 * session »). Over the Latin blocks a class has at most about 290 ranges, written as the letters
 * themselves, and a run compiles it in a fraction of that time.
 */

import { LATIN_RANGES } from './alphabet-ranges.js';

/**
 * The Latin script's blocks, as [first, last] code points: Basic Latin, Latin-1 Supplement, Latin
 * Extended-A and -B (0000–024F); Latin Extended Additional (1E00–1EFF: Vietnamese, « ễ »); the Latin
 * ligatures of the Alphabetic Presentation Forms (FB00–FB06: « ﬁ », before they are normalised).
 */
export const LATIN_BLOCKS: readonly (readonly [number, number])[] = [
  [0x0000, 0x024f],
  [0x1e00, 0x1eff],
  [0xfb00, 0xfb06],
];

/** The classes a pattern may name: letters, capitals, lower-case letters, digits. */
type ClassName = keyof typeof LATIN_RANGES;

/** A class's members in the Latin blocks, as the inside of a character class (generated: see alphabet-ranges.ts). */
const rangesOf = (name: ClassName): string => LATIN_RANGES[name];

/** `\p{…}` or `\P{…}` naming one of the classes above. */
const CLASS_ESCAPE = /^\\([pP])\{(Lu|Ll|L|N)\}/;

/**
 * A pattern's source with each `\p{L}`, `\p{Lu}`, `\p{Ll}` and `\p{N}` read over the Latin blocks:
 * inside a character class its ranges, outside one a class of its own; `\P{…}` (outside a class)
 * the class of everything else. Other escapes are kept as they are.
 * @param source A pattern's source, as `RegExp.prototype.source` gives it.
 * @returns The same pattern over the family's alphabet.
 */
export function latinSource(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const char = source[i]!;
    if (char === '\\') {
      const escape = CLASS_ESCAPE.exec(source.slice(i, i + 6));
      if (escape) {
        const ranges = rangesOf(escape[2] as ClassName);
        const negated = escape[1] === 'P';
        if (inClass && negated) throw new Error(`latinSource: \\P{…} inside a class is not supported (${source})`);
        out += inClass ? ranges : `[${negated ? '^' : ''}${ranges}]`;
        i += escape[0].length - 1;
        continue;
      }
      // Any other escape, the escaped character included (« \[ » opens no class).
      out += source.slice(i, i + 2);
      i++;
      continue;
    }
    if (char === '[' && !inClass) inClass = true;
    else if (char === ']' && inClass) inClass = false;
    out += char;
  }
  return out;
}

/** Compiled patterns by call site (a template's strings are one object per site): most are built once. */
const compiledBySite = new WeakMap<TemplateStringsArray, RegExp>();

/** A template tag building patterns with given flags. */
type PatternTag = (strings: TemplateStringsArray, ...values: readonly unknown[]) => RegExp;

/** One tag per set of flags: a pattern used on every line asks for its tag each time. */
const tagsByFlags = new Map<string, PatternTag>();

/**
 * A pattern over the family's alphabet, written as a template (`` latin('u')`^\p{Lu}` ``): the
 * template's raw text is the pattern's source, as between the slashes of a literal.
 * A pattern without a `g` or `y` flag keeps no state and is built once per call site; one with
 * them is a fresh object each time, as a literal is.
 * @param flags The pattern's flags (`u` among them: the classes need it).
 * @returns The template tag.
 */
export function latin(flags: string): PatternTag {
  let tag = tagsByFlags.get(flags);
  if (tag === undefined) {
    tag = tagFor(flags);
    tagsByFlags.set(flags, tag);
  }
  return tag;
}

function tagFor(flags: string): PatternTag {
  const stateful = flags.includes('g') || flags.includes('y');
  return (strings, ...values) => {
    const cached = values.length === 0 ? compiledBySite.get(strings) : undefined;
    if (cached !== undefined) return stateful ? new RegExp(cached) : cached;
    const pattern = new RegExp(latinSource(String.raw(strings, ...values)), flags);
    if (values.length === 0) compiledBySite.set(strings, pattern);
    return stateful ? new RegExp(pattern) : pattern;
  };
}

// The questions every stage asks of a text's letters, each one pattern for the whole run.
const LOWER_CASE = latin('u')`\p{Ll}`;
const STARTS_IN_LOWER_CASE = latin('u')`^\p{Ll}`;
const CAPITAL = latin('u')`\p{Lu}`;
const STARTS_WITH_CAPITAL = latin('u')`^\p{Lu}`;
const LETTER = latin('u')`\p{L}`;
const STARTS_WITH_LETTER = latin('u')`^\p{L}`;
const CAPITALS_IN_A_ROW = latin('u')`\p{Lu}{2}`;

/** Whether a text holds a lower-case letter. */
export const hasLowerCase = (text: string): boolean => LOWER_CASE.test(text);

/** Whether a text's first character is a lower-case letter (a sentence going on). */
export const startsInLowerCase = (text: string): boolean => STARTS_IN_LOWER_CASE.test(text);

/** Whether a text holds a capital. */
export const hasCapital = (text: string): boolean => CAPITAL.test(text);

/** Whether a text's first character is a capital. */
export const startsWithCapital = (text: string): boolean => STARTS_WITH_CAPITAL.test(text);

/** Whether a text holds a letter. */
export const hasLetter = (text: string): boolean => LETTER.test(text);

/** Whether a text's first character is a letter. */
export const startsWithLetter = (text: string): boolean => STARTS_WITH_LETTER.test(text);

/** Whether a text holds two capitals in a row (a word in capitals, not an initial). */
export const hasCapitalsInARow = (text: string): boolean => CAPITALS_IN_A_ROW.test(text);
