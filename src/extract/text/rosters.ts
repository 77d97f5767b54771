/**
 * Rosters set side by side that a converter read across (pdf2txt: a name of each column in turn,
 * rows taken in pieces), the promotions' headings all before the names. The document's own
 * evidence sorts them: in this family a promotion is one corps, and each student's e-mail (on the
 * project pages) spells the name and says the corps by its domain; a roster is in alphabetical
 * order, which places the names no e-mail spells. The names are rewritten under their headings.
 */
import { foldForMatch } from '../../conventions.js';
import { localLetters, nameOrders, spellsName } from '../../similarity.js';
import { hasCapital, hasLowerCase, latin } from '../../alphabet.js';

/** A roster line: a family name in capitals (one word or more), then a given name (« LE GOFF Maëlle »). */
const ROSTER_NAME = latin('u')`^\s*(\p{Lu}[\p{Lu}'’-]+(?: \p{Lu}[\p{Lu}'’-]+)*) (\p{Lu}\p{Ll}[\p{L}'’-]*(?:[ -]\p{Lu}\p{Ll}[\p{L}'’-]*)*)\s*$`;

/** An e-mail anywhere in a line: its local part and its domain. */
const EMAIL_IN_LINE = latin('giu')`([\p{L}\p{N}._%+-]+)@([a-z0-9.-]+\.[a-z]{2,})`;

/** Names a roster holds at least, read across or as a column: fewer could be a project's team. */
export const MIN_ROSTER_NAMES = 6;

/** Corps a roster read across mixes at least (`corpsOfNames` needs two known from e-mails). */
const MIN_CORPS = 2;

/**
 * Rewrites rosters read across under their headings, each name under the heading of its corps.
 * Nothing moves unless every name finds its roster and there are as many corps as headings.
 * @param lines The text's lines.
 * @returns The lines, each roster under its heading.
 */
export function sortRostersReadAcross(lines: readonly string[]): string[] {
  // Read only when a roster may be rewritten (most texts have none to rewrite).
  let domainOf: { local: string; domain: string }[] | undefined;
  for (let i = 0; i < lines.length; i++) {
    if (!ROSTER_NAME.test(lines[i]!) || (i > 0 && ROSTER_NAME.test(lines[i - 1]!))) continue;
    // The names, blank lines between them aside.
    let end = i;
    while (end + 1 < lines.length && (lines[end + 1]!.trim() === '' || ROSTER_NAME.test(lines[end + 1]!))) end++;
    const names = lines.slice(i, end + 1).filter((line) => line.trim() !== '').map((line) => line.trim());
    if (names.length < MIN_ROSTER_NAMES) continue;
    // Two corps at least, so two headings at least right before the names: without them (a roster's
    // own heading only, or the names of a roster set with blank lines, each of which starts a run
    // here) no e-mail need be read against any name.
    if (!headingBlocksBefore(lines, i, MIN_CORPS)) continue;
    domainOf ??= emailDomains(lines);
    const groups = corpsOfNames(names, domainOf);
    if (!groups) continue;
    const corps = [...new Set(groups)];
    // Read across, the first names are one of each roster, in the headings' order.
    const interleaved = groups.some((group, k) => k > 0 && group !== groups[k - 1] && groups.slice(0, k - 1).includes(group));
    const headings = headingBlocksBefore(lines, i, corps.length);
    if (!interleaved || !headings) continue;
    const rewritten = corps.flatMap((group, k) => [...headings.blocks[k]!, '', ...names.filter((_, n) => groups[n] === group).flatMap((name) => [name, '']), '']);
    return [...lines.slice(0, headings.start), ...rewritten, ...lines.slice(end + 1)];
  }
  return [...lines];
}

/** The e-mails of the text, each as the letters of its local part, with its domain (the corps, in this family). */
function emailDomains(lines: readonly string[]): { local: string; domain: string }[] {
  const out: { local: string; domain: string }[] = [];
  for (const line of lines) {
    if (!line.includes('@')) continue;
    for (const match of line.matchAll(EMAIL_IN_LINE)) out.push({ local: localLetters(match[0]), domain: match[2]!.toLowerCase() });
  }
  return out;
}

/**
 * The corps (e-mail domain) of each name: spelt by an e-mail, else the one roster where the name
 * keeps the alphabetical order of the names around it. Null when a name has no roster.
 */
function corpsOfNames(names: readonly string[], emails: readonly { local: string; domain: string }[]): string[] | null {
  const keys = names.map((name) => ({ orders: nameOrders(name), order: foldForMatch(name) }));
  // The same evidence as the authors' pairing (parse/people.ts): an e-mail spells the name, a letter dropped or doubled aside.
  const groups: (string | null)[] = keys.map(({ orders }) => {
    const domains = new Set(emails.filter(({ local }) => spellsName(orders, local)).map(({ domain }) => domain));
    return domains.size === 1 ? [...domains][0]! : null;
  });
  const known = [...new Set(groups.filter((group): group is string => group !== null))];
  if (known.length < MIN_CORPS) return null;
  // Each roster is in alphabetical order: a name without e-mail goes where it keeps that order, when only one roster can take it.
  for (let n = 0; n < groups.length; n++) {
    if (groups[n] !== null) continue;
    const fits = known.filter((group) => {
      const before = keys.filter((_, m) => m < n && groups[m] === group).map(({ order }) => order);
      const after = keys.filter((_, m) => m > n && groups[m] === group).map(({ order }) => order);
      return before.every((other) => other < keys[n]!.order) && after.every((other) => other > keys[n]!.order);
    });
    if (fits.length !== 1) return null;
    groups[n] = fits[0]!;
  }
  const sorted = known.every((group) => {
    const order = keys.filter((_, n) => groups[n] === group).map(({ order }) => order);
    return order.every((key, k) => k === 0 || order[k - 1]! < key);
  });
  return sorted ? (groups as string[]) : null;
}

/**
 * The `count` blocks of lines in capitals right before `index` (blank lines between), in reading
 * order, and where the first starts; null when there are fewer.
 */
function headingBlocksBefore(lines: readonly string[], index: number, count: number): { start: number; blocks: string[][] } | null {
  const blocks: string[][] = [];
  let at = index - 1;
  let start = index;
  while (blocks.length < count) {
    while (at >= 0 && lines[at]!.trim() === '') at--;
    if (at < 0 || hasLowerCase(lines[at]!) || !hasCapital(lines[at]!)) return null;
    const end = at;
    while (at > 0 && lines[at - 1]!.trim() !== '' && !hasLowerCase(lines[at - 1]!)) at--;
    blocks.unshift(lines.slice(at, end + 1).map((line) => line.trim()));
    start = at;
    at--;
  }
  return { start, blocks };
}
