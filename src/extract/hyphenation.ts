/**
 * Hyphenation and final blocks: line-end hyphens are joined or kept from the document's own
 * words (a compound printed whole elsewhere keeps its hyphen), lines are joined into the
 * block's text, and line sizes are given relative to the body size.
 */
import { INVERTED_PRONOUN, NUMBER_WORD } from '../conventions.js';
import type { Block, BlockBox, TextLine } from '../types.js';
import type { DraftBlock } from './blocks.js';
import type { Metrics } from './fragments.js';
import { joinLines, WORD_CUT_AT_END } from './lines.js';
import { latin, latinSource } from '../alphabet.js';

/**
 * Builds the decision for a line-end hyphen from the document's own words: keep the hyphen when
 * the compound is printed whole elsewhere ("porte-parole", or in another number: « demi-journées »
 * keeps « demi- » / « journée »), join when the joined word is
 * ("dynamique"), keep it when the first part (4 letters or more) is a word of its own that
 * also starts other compounds ("fiches", "Fiches-actions": "Fiches-" + "méthode"; but "inter-"
 * + "locuteurs" joins), or the second part is an inverted pronoun ("est-" + "elle"), or both
 * parts are number words (« dix- » + « huit »: French writes compound numerals with hyphens,
 * « dixhuit » is no word); join otherwise. Two words that are each a word of their own are not
 * enough to keep it: French makes single words of two (« pour-tant », « long-temps », « sur-tout »
 * are cut there by hyphenation), so without a dictionary only closed classes decide. Only the words around line-end hyphens are looked up, in one pass over the text.
 */
export function hyphenVocabulary(drafts: readonly DraftBlock[]): (left: string, right: string) => boolean {
  const compounds = new Set<string>();
  const prefixes = new Set<string>();
  const joined = new Set<string>();
  for (const draft of drafts) {
    for (let i = 1; i < draft.lines.length; i++) {
      const text = draft.lines[i - 1]!.text;
      const left = /[-\u2010]$/.test(text) ? WORD_CUT_AT_END.exec(text.slice(-40)) : null;
      const right = left ? LINE_START_WORD.exec(draft.lines[i]!.text) : null;
      if (!left || !right) continue;
      const [l, r] = [left[1]!.toLowerCase(), right[1]!.toLowerCase()];
      compounds.add(`${l}-${r}`);
      prefixes.add(l);
      joined.add(l + r);
    }
  }
  const seenCompounds = new Set<string>();
  const seenPrefixes = new Set<string>();
  const seenJoined = new Set<string>();
  const seenAlone = new Set<string>();
  if (compounds.size > 0) {
    const kept: string[] = [];
    for (const draft of drafts) {
      for (const line of draft.lines) {
        // A "word-" ending a line is the cut itself, not a compound nor a word of its own.
        const text = line.text;
        const last = text.charCodeAt(text.length - 1);
        kept.push(last === 0x2d || last === 0x2010 ? text.slice(0, Math.max(0, text.lastIndexOf(' '))) : text);
      }
    }
    // One regular expression over the whole text finds the candidate words, alone or heading a
    // compound ("fiches", "fiches-actions"): much cheaper than hashing every word of the document.
    const words = [...new Set([...joined, ...prefixes])].sort((a, b) => b.length - a.length);
    // The part after a hyphen is looked at, not consumed: it may itself head a compound.
    const pattern = new RegExp(latinSource(`(?<!\\p{L})(-?)(${words.join('|')})(?!\\p{L})(?=-(\\p{L}+)|)`), 'gu');
    for (const [, inside, word, next] of kept.join('\n').toLowerCase().matchAll(pattern)) {
      // After a hyphen, the word is inside a compound ("c'est-à-dire"): not a word of its own.
      if (next === undefined) {
        if (inside) continue;
        if (joined.has(word!)) seenJoined.add(word!);
        if (prefixes.has(word!)) seenAlone.add(word!);
      } else if (prefixes.has(word!)) {
        seenPrefixes.add(word!);
        // The compound printed whole in another number (« demi-journées » for « demi- » / « journée »).
        for (const form of [next!, next!.replace(/[sx]$/, ''), `${next}s`, `${next}x`]) {
          if (compounds.has(`${word}-${form}`)) seenCompounds.add(`${word}-${form}`);
        }
      }
    }
  }
  return (left, right) => {
    const l = left.toLowerCase();
    const r = right.toLowerCase();
    if (seenCompounds.has(`${l}-${r}`) || INVERTED_PRONOUN.test(r) || (NUMBER_WORD.test(l) && NUMBER_WORD.test(r))) return true;
    if (seenJoined.has(l + r)) return false;
    return l.length >= 4 && seenPrefixes.has(l) && seenAlone.has(l);
  };
}

/** The first word of a line, in lower case (the rest of a cut word). */
const LINE_START_WORD = latin('u')`^(\p{Ll}\p{L}*)`;

/** A draft block made final: its lines joined into text (hyphens decided by `keepHyphen`), line sizes relative to the body, placed at `box`. */
export function finishBlock(draft: DraftBlock, metrics: Metrics, keepHyphen: (left: string, right: string) => boolean, box: BlockBox): Block {
  const lines: TextLine[] = draft.lines.map((line) => ({
    text: line.text,
    bold: line.bold,
    size: Math.round((line.size / metrics.bodySize) * 100) / 100,
    ...(line.boldLead !== '' && line.boldLead !== line.text ? { boldLead: line.boldLead } : {}),
  }));
  const text = joinPairwise(joinBrokenCompounds(lines.map((line) => line.text)), keepHyphen);
  // A table row is one line of text, whatever `joinLines` keeps on its own line.
  // The box set here, not spread onto a copy: one object per block of the document.
  return { kind: draft.kind, text: draft.kind === 'tableRow' ? text.replace(/\s*\n\s*/g, ' ') : text, lines, page: draft.lines[0]!.page, box };
}

/**
 * `joinLines` applied one pair of lines at a time: how two lines join depends only on the end of
 * the first and the start of the second, and `joinLines` rescans all the text joined so far at
 * each line (quadratic in a long block's length).
 */
function joinPairwise(texts: readonly string[], keepHyphen: (left: string, right: string) => boolean): string {
  let text = texts[0] ?? '';
  for (let i = 1; i < texts.length; i++) {
    const previous = texts[i - 1]!;
    text = text.slice(0, text.length - previous.length) + joinLines([previous, texts[i]!], keepHyphen);
  }
  return text;
}

/** A compound's first part, broken after its hyphen: a word or a number (« Loire- », « 2018- »). */
const COMPOUND_HEAD = latin('u')`[\p{L}\d]-$`;

/** A compound's second part that cannot be the rest of a cut word: a number or a capitalised name. */
const COMPOUND_TAIL = latin('u')`^(?:\d|\p{Lu}\p{Ll})`;

/**
 * Joins lines broken after the hyphen of a compound whose second part cannot be a cut word:
 * a number ("2018-" + "2023") or a capitalised name ("Loire-" + "Atlantique"). Capitals
 * throughout ("PROMO-" + "TION") stay apart, as printed. A number broken after a slash ("3,7/" +
 * "4", a narrow table cell) is one number.
 */
function joinBrokenCompounds(texts: readonly string[]): string[] {
  const out: string[] = [];
  for (const text of texts) {
    const previous = out.at(-1);
    const compound = previous !== undefined && COMPOUND_HEAD.test(previous) && COMPOUND_TAIL.test(text);
    if (compound || (previous !== undefined && /\d\/$/u.test(previous) && /^\d/u.test(text))) out[out.length - 1] = previous + text;
    else out.push(text);
  }
  return out;
}
