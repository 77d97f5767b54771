/**
 * The features layer: what the stages ask of a block again and again (its size class relative to
 * the body, weight, case, the white before it, and its shape: a project number, a family e-mail, a
 * person's name, a key figure, a dot leader, a web address), computed once per block, with the
 * run's vocabulary: for a PDF, the white before each block right after layout and the rest on the
 * block's first request; all on first request for converter text (no geometry). The shapes are the stages' own predicates, read here once: this module defines none.
 *
 * Features are kept on their block, not enumerable (see `Block.features`); a block a stage makes
 * from another (a heading cut off a paragraph) gets its own on first request, from its own lines,
 * without a gap (its neighbours are no longer known).
 */
import { looksLikeName } from './parse/people.js';
import { isStandaloneFigure } from './parse/chiffres.js';
import { URL as WEB_ADDRESS } from './parse/structure.js';
import type { Vocabulary } from './profile.js';
import { hasLeaderPage, numberAtStart } from './segment/sommaire.js';
import type { Block, BlockFeatures, ExtractedDocument, SizeClass, TextLine } from './types.js';
import { DISPLAY_SIZE, LARGER_THAN_BODY, SMALLER_THAN_BODY } from './typography.js';
import { hasLetter, hasLowerCase, latin } from './alphabet.js';

/** Gaps are rounded to hundredths of a body line height (as line sizes are to hundredths of the body's): finer differences are the coordinates' noise. */
const GAP_PRECISION = 100;

/**
 * Gives every block of a laid-out document its features, once (the pipeline's step after extract):
 * the white before a block needs its neighbour, known only here, and is measured now; the rest is
 * computed on the block's first request. Converter text has no geometry:
 * its blocks get their features on first request (`featuresOf`), so a text of 400 000 lines does
 * not pay for features no stage asks for.
 * @param extracted The extract stage's output.
 * @param vocabulary The family's words (project labels, e-mail domains).
 * @returns The same document; its blocks (PDF input) now carry `features`.
 */
export function describeBlocks(extracted: ExtractedDocument, vocabulary: Vocabulary): ExtractedDocument {
  if (extracted.bodyLineHeight === undefined) return extracted;
  const domains = familyDomains(vocabulary);
  let previous: Block | undefined;
  for (const block of extracted.blocks) {
    // The white before the block is measured now, while its neighbour is known; the rest (patterns
    // on its text) when first asked: only `--explain` reads features, and a run would otherwise
    // pay for every block's.
    if (block.features === undefined) attachLazily(block, vocabulary, domains, gapBefore(previous, block, extracted.bodyLineHeight));
    previous = block;
  }
  return extracted;
}

/** What a block's features are computed from on its first request: the run's words and the white measured after layout. */
const pending = new WeakMap<Block, { readonly vocabulary: Vocabulary; readonly domains: readonly string[]; readonly gap: number | null }>();

/** One getter for every block (a getter per block would give each block a shape of its own, and every stage's reads of blocks would slow). */
const LAZY: PropertyDescriptor = {
  enumerable: false,
  configurable: true,
  get(this: Block): BlockFeatures {
    const { vocabulary, domains, gap } = pending.get(this)!;
    pending.delete(this);
    return attach(this, computeFeatures(this, vocabulary, domains, gap));
  },
};

/** Keeps on a block features computed on first request (then kept as computed), with the gap measured after layout. */
function attachLazily(block: Block, vocabulary: Vocabulary, domains: readonly string[], gap: number | null): void {
  pending.set(block, { vocabulary, domains, gap });
  Object.defineProperty(block, 'features', LAZY);
}

/**
 * A block's features: those computed after layout (with the run's vocabulary), else computed now
 * from its own lines and kept on the block for the next request.
 * @param block A block.
 * @param vocabulary The run's vocabulary.
 * @returns Its features.
 */
export function featuresOf(block: Block, vocabulary: Vocabulary): BlockFeatures {
  return block.features ?? attach(block, computeFeatures(block, vocabulary, familyDomains(vocabulary), null));
}

/** One descriptor for every block: a descriptor literal per block doubles the cost on a long text. */
const ATTACHED: PropertyDescriptor = { value: undefined, enumerable: false };

/** Keeps features on their block, not enumerable (see `Block.features`). */
function attach(block: Block, features: BlockFeatures): BlockFeatures {
  ATTACHED.value = features;
  Object.defineProperty(block, 'features', ATTACHED);
  ATTACHED.value = undefined;
  return features;
}

/**
 * Cheap tests first, as most blocks are prose: every form of a project number has digits, and a
 * dot leader ends on its page number (the predicates they guard backtrack on a long line).
 */
const HAS_DIGIT = /\d/;
const ENDS_WITH_DIGIT = /\d\s*$/;

/** The family's domains as they follow the « @ » of an address, lower-cased. */
function familyDomains(vocabulary: Vocabulary): string[] {
  return vocabulary.emailDomains.map((entry) => `@${entry.domain}`);
}

function computeFeatures(block: Block, vocabulary: Vocabulary, domains: readonly string[], gap: number | null): BlockFeatures {
  const first = block.lines[0]?.text ?? block.text;
  return {
    size: sizeClass(block.lines),
    weight: weightOf(block.lines),
    case: caseOf(block.text),
    gapBefore: gap,
    projectNumber: HAS_DIGIT.test(first) ? (numberAtStart(first, vocabulary, false)?.numero ?? null) : null,
    familyEmail: hasFamilyEmail(block.text, domains),
    personName: looksLikeName(first),
    figure: isStandaloneFigure(first),
    dotLeader: block.lines.some((line) => ENDS_WITH_DIGIT.test(line.text)) && hasLeaderPage(block),
    url: WEB_ADDRESS.test(block.text),
  };
}

/**
 * The size class all of a block's lines share (`typography.ts` thresholds), `mixed` when they do
 * not, `null` when a size is unknown.
 */
export function sizeClass(lines: readonly TextLine[]): SizeClass | null {
  let min = Infinity;
  let max = -Infinity;
  for (const line of lines) {
    if (line.size === null) return null;
    min = Math.min(min, line.size);
    max = Math.max(max, line.size);
  }
  if (min >= DISPLAY_SIZE) return 'display';
  if (min >= LARGER_THAN_BODY) return 'larger';
  if (max <= SMALLER_THAN_BODY) return 'smaller';
  return min > SMALLER_THAN_BODY && max < LARGER_THAN_BODY ? 'body' : 'mixed';
}

function weightOf(lines: readonly TextLine[]): BlockFeatures['weight'] {
  if (lines.some((line) => line.bold === null)) return null;
  if (lines.every((line) => line.bold)) return 'bold';
  return lines.every((line) => !line.bold) ? 'regular' : 'mixed';
}

/** A word of two letters or more starting in lower case (one is enough to make the case mixed). */
const LOWER_CASE_WORD = latin('u')`(?:^|[\s'’-])\p{Ll}\p{L}`;

function caseOf(text: string): BlockFeatures['case'] {
  if (!hasLetter(text)) return null;
  if (!hasLowerCase(text)) return 'upper';
  return LOWER_CASE_WORD.test(text) ? 'mixed' : 'title';
}

function hasFamilyEmail(text: string, domains: readonly string[]): boolean {
  if (!text.includes('@')) return false;
  const lower = text.toLowerCase();
  return domains.some((domain) => lower.includes(domain));
}

/**
 * The white between two consecutive blocks set one under the other, in body line heights; `null`
 * when not measurable: no positions, another page, or the block does not stand under the previous
 * one (the next column, a float read after the text beside it).
 */
function gapBefore(previous: Block | undefined, block: Block, lineHeight: number | undefined): number | null {
  const above = previous?.box;
  const box = block.box;
  if (!above || !box || lineHeight === undefined || previous!.page !== block.page) return null;
  const overlap = Math.min(above.x + above.width, box.x + box.width) - Math.max(above.x, box.x);
  if (overlap <= 0 || box.y < above.y) return null;
  const white = box.y - (above.y + above.height);
  return Math.round((white / lineHeight) * GAP_PRECISION) / GAP_PRECISION;
}
