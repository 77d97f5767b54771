/**
 * Text-layer checks of the PDF adapter, the first step of `layoutPages`: the runs as the PDF's
 * text layer gives them (`pdf.ts`) are checked, and repaired where the cause of a fault can be
 * proved from the document itself. Everything here works on run text, fonts and geometry only.
 *
 * 1. An invisible OCR copy (tesseract's GlyphLessFont) over a page that has its own text is
 *    dropped (read once); a page with only OCR text is read, and the document says so.
 * 2. Text drawn twice at (almost) the same place, for a bold effect, is read once, as bold.
 * 3. Characters that cannot belong to a French brochure's text (CJK ideographs, private-use code
 *    points, U+FFFD, control characters) are counted per page.
 * 4. Byte-swapped UTF-16 mappings (U+7400 U+6900 for "ti", as Ghostscript 10.0 writes ligature
 *    ToUnicode entries): each swapped character gives back an ASCII letter; the cause counts as
 *    proved when the repaired words are printed intact elsewhere in the document, then every
 *    swapped run inside a word is repaired.
 * 5. Ligature mappings truncated to one Latin-1 letter (U+00FB "û" for "fi"): a word is repaired
 *    only when exactly one ligature spelling makes a word printed intact elsewhere.
 * 6. Hyphens read as gaps: a font whose only hyphen glyph the PDF maps to U+00AD (soft hyphen;
 *    Scribus writes its fonts so) prints hyphens that pdf.js drops, leaving a space. `pdf.ts`
 *    puts them back from the page's glyphs (`soft-hyphens.ts`); where those could not be read,
 *    an e-mail address still holds no space, so a space after « @domain » without its dot,
 *    before the rest of the domain, was the hyphen (« @administrateur inet.org »): put back.
 *    Elsewhere (« BRUNEAU SALGADO ») nothing proves it: reported once (`TEXT_HYPHEN_READ_AS_GAP`).
 * What stays unreadable is reported once for the document (`TEXT_LAYER_DAMAGED`), and the
 * normalise checks blame the text layer, not the brochure, for fields holding such characters.
 */
import { UNREADABLE_CHAR } from '../unreadable.js';
import type { Diagnostic, PdfPage, PdfPages, PdfTextRun } from '../types.js';
import { normaliseLigatures } from './lines.js';
import { latin } from '../alphabet.js';

/** Font tesseract (and OCRmyPDF, which uses it) draws its invisible text layer with. */
const OCR_FONT = /^GlyphLessFont$/i;

/** Spellings a truncated ligature mapping may stand for, tried in this order. */
const LIGATURE_SPELLINGS = ['fi', 'fl', 'ff', 'ffi', 'ffl'] as const;

/** Latin-1 letters a truncated ligature mapping (U+FB0n -> U+00FB...) leaves in the text. */
const TRUNCATED_LIGATURE = /[\u00fa-\u00ff]/;

/** A word: letters, with the damaged characters this module looks at. */
const WORD = latin('gu')`[\p{L}\p{M}\u3000-\u9fff\uac00-\ud7af\uf900-\ufaff]+`;

/** Result of `checkTextLayer`. */
export interface TextLayerResult {
  /** The pages, runs repaired, duplicates and OCR copies dropped. */
  readonly pages: PdfPages;
  /** What was found and done, for the document's diagnostics. */
  readonly diagnostics: Diagnostic[];
}

/**
 * Checks and repairs the text layer of a PDF.
 * @param pages The runs of every page, from `readPdfPages`.
 * @returns The pages to lay out, and the diagnostics.
 */
export function checkTextLayer(pages: PdfPages): TextLayerResult {
  const diagnostics: Diagnostic[] = [];
  const ocr = dropOcrCopies(pages.pages);
  const twice = ocr.pages.map((page) => dropDoubleDrawn(dropSpaceBeforeHyphen(page)));
  let current: PdfPage[] = twice.map((result) => result.page);
  const doubled = twice.flatMap((result, i) => (result.dropped > 0 ? [{ page: current[i]!.number, count: result.dropped }] : []));

  // Only a page with a suspect character needs the document's vocabulary.
  const suspect = current.some((page) => page.runs.some((run) => UNREADABLE_CHAR.test(run.text) || TRUNCATED_LIGATURE.test(run.text)));
  const attested = suspect ? attestedWords(current) : new Set<string>();
  const swapped = repairSwapped(current, attested);
  current = swapped.pages;
  const truncated = repairTruncatedLigatures(current, attested);
  current = truncated.pages;
  const gaps = repairHyphenGaps(current);
  current = gaps.pages;

  if (ocr.copyPages.length > 0) {
    diagnostics.push({
      code: 'TEXT_OCR_COPY_DROPPED',
      severity: 'info',
      message: `Le PDF porte, en plus de son texte, une copie invisible issue d’une reconnaissance de caractères (OCR) : elle est ignorée, le texte est lu une seule fois (pages ${pageList(ocr.copyPages)}).`,
    });
  }
  if (ocr.ocrPages.length > 0) {
    diagnostics.push({
      code: 'TEXT_FROM_OCR',
      severity: 'warning',
      message: `Le texte des pages ${pageList(ocr.ocrPages)} vient d’une reconnaissance de caractères (OCR) sur une image de la page, pas du document d’origine : fautes de lecture, gras et mise en page perdus sont possibles ; exportez plutôt la brochure depuis sa source, ou utilisez le texte du convertisseur.`,
    });
  }
  if (doubled.length > 0) {
    const total = doubled.reduce((sum, entry) => sum + entry.count, 0);
    diagnostics.push({
      code: 'TEXT_DRAWN_TWICE',
      severity: 'info',
      message: `${total} morceau${total > 1 ? 'x' : ''} de texte dessiné${total > 1 ? 's' : ''} deux fois au même endroit (effet de gras) lu${total > 1 ? 's' : ''} une seule fois, en gras (pages ${pageList(doubled.map((d) => d.page))}).`,
    });
  }
  // One warning per page, whatever the causes repaired on it.
  const byPage = new Map<number, Repair[]>();
  for (const repair of [...swapped.repairs, ...truncated.repairs]) byPage.set(repair.page, [...(byPage.get(repair.page) ?? []), repair]);
  for (const [page, repairs] of [...byPage].sort((a, b) => a[0] - b[0])) {
    const count = repairs.reduce((sum, repair) => sum + repair.count, 0);
    diagnostics.push({
      code: 'TEXT_LAYER_REPAIRED',
      severity: 'warning',
      page,
      message:
        `Calque de texte du PDF endommagé (${repairs.map((r) => r.cause).join(' ; ')}) : ${count} mot${count > 1 ? 's' : ''} réparé${count > 1 ? 's' : ''}, ` +
        `p. ex. ${repairs.map((r) => `« ${r.before} » → « ${r.after} »`).join(', ')}. La brochure n’y est pour rien : la réparation est prouvée par les mots imprimés intacts ailleurs dans le document.`,
    });
  }
  if (gaps.fontPages.length > 0) {
    diagnostics.push({
      code: 'TEXT_HYPHEN_READ_AS_GAP',
      severity: 'warning',
      message:
        `Le PDF associe le trait d’union de certaines polices au trait d’union conditionnel (U+00AD), que la lecture du texte ignore : ` +
        `un trait d’union imprimé dans ces polices se lit comme une espace (pages ${pageList(gaps.fontPages)}). ${gaps.repaired} adresse${gaps.repaired > 1 ? 's' : ''} e-mail réparée${gaps.repaired > 1 ? 's' : ''} ` +
        `(une adresse ne contient pas d’espace) ; les noms composés de ces pages peuvent être lus avec une espace à la place du trait d’union.`,
    });
  }
  const damage = countUnreadable(current);
  if (damage.length > 0) {
    const total = damage.reduce((sum, entry) => sum + entry.count, 0);
    const examples = [...new Set(damage.flatMap((entry) => entry.examples))].slice(0, 3);
    diagnostics.push({
      code: 'TEXT_LAYER_DAMAGED',
      severity: 'warning',
      message:
        `Le calque de texte du PDF est endommagé : ${total} caractère${total > 1 ? 's' : ''} illisible${total > 1 ? 's' : ''} (${damage.map((d) => `p. ${d.page} : ${d.count}`).join(', ')}), ` +
        `p. ex. ${examples.map((e) => `« ${e} »`).join(', ')}. Ce n’est pas une faute de la brochure : exportez-la à nouveau depuis sa source, ou utilisez le texte du convertisseur.`,
    });
  }
  return { pages: { ...pages, pages: current }, diagnostics };
}

// ---------------------------------------------------------------------------
// 1. OCR layers
// ---------------------------------------------------------------------------

function isOcrRun(run: PdfTextRun): boolean {
  return OCR_FONT.test(run.fontName);
}

/** Drops the OCR runs of pages that have text of their own; lists the pages read from OCR alone. */
function dropOcrCopies(pages: readonly PdfPage[]): { pages: PdfPage[]; copyPages: number[]; ocrPages: number[] } {
  const copyPages: number[] = [];
  const ocrPages: number[] = [];
  const out = pages.map((page) => {
    const ocr = page.runs.filter((run) => isOcrRun(run) && run.text.trim() !== '');
    if (ocr.length === 0) return page;
    const own = page.runs.filter((run) => !isOcrRun(run) && run.text.trim() !== '');
    if (own.length === 0) {
      ocrPages.push(page.number);
      return page;
    }
    copyPages.push(page.number);
    return { ...page, runs: page.runs.filter((run) => !isOcrRun(run)) };
  });
  return { pages: out, copyPages, ocrPages };
}

// ---------------------------------------------------------------------------
// 2. Text drawn twice
// ---------------------------------------------------------------------------

/**
 * Drops a run that repeats an earlier run of the page at almost the same place (a fake bold:
 * the same text drawn again shifted by a fraction of a point), marking the kept one bold. The
 * shift allowed is well under a narrow letter's width, so "ll" drawn letter by letter stays.
 */
function dropDoubleDrawn(page: PdfPage): { page: PdfPage; dropped: number } {
  // Runs indexed by text and a 4-pt grid cell, so that a page of many equal runs (leader dots)
  // stays linear: a twin lies in the run's cell or a neighbouring one.
  const grid = new Map<string, number[]>();
  const seen = new Set<string>();
  // A text printed once on the page has no twin: only the others are put in the grid.
  const printed = new Map<string, number>();
  for (const run of page.runs) printed.set(run.text, (printed.get(run.text) ?? 0) + 1);
  const cell = (run: PdfTextRun, dx = 0, dy = 0) => `${Math.floor(run.x / 4) + dx}|${Math.floor(run.y / 4) + dy}|${run.text}`;
  const kept: PdfTextRun[] = [];
  let dropped = 0;
  for (const run of page.runs) {
    if (run.text.trim() === '') {
      kept.push(run);
      continue;
    }
    const near = Math.min(0.08 * run.fontSize, 0.5 * Math.max(run.width, 0));
    let twin: number | undefined;
    // Most texts occur once on a page: only a repeated one is looked up in the grid.
    const repeated = seen.has(run.text);
    seen.add(run.text);
    for (let dx = -1; dx <= 1 && twin === undefined && repeated; dx++) {
      for (let dy = -1; dy <= 1 && twin === undefined; dy++) {
        twin = grid.get(cell(run, dx, dy))?.find((index) => {
          const other = kept[index]!;
          return Math.abs(other.fontSize - run.fontSize) < 0.01 * run.fontSize && Math.abs(other.x - run.x) <= near && Math.abs(other.y - run.y) <= 0.08 * run.fontSize;
        });
      }
    }
    if (twin !== undefined) {
      kept[twin] = { ...kept[twin]!, bold: true };
      dropped++;
      continue;
    }
    if (printed.get(run.text)! > 1) {
      const key = cell(run);
      grid.set(key, [...(grid.get(key) ?? []), kept.length]);
    }
    kept.push(run);
  }
  return { page: dropped > 0 ? { ...page, runs: kept } : page, dropped };
}

/** A hyphen alone in its run, a space put before it by the text extraction. */
const SPACED_HYPHEN = /^\s+([-\u2010\u00ad])$/;

/**
 * Drops the space pdf.js puts before a hyphen drawn as its own run right where the previous run
 * ends (poppler's `pdftocairo` writes line-end hyphens so): the run is too narrow to hold a space
 * and a hyphen, so the space was never printed, and the word cut at the line end must stay one word.
 */
function dropSpaceBeforeHyphen(page: PdfPage): PdfPage {
  let changed = false;
  const runs = page.runs.map((run, i) => {
    const previous = page.runs[i - 1];
    const hyphen = SPACED_HYPHEN.exec(run.text);
    if (!hyphen || !previous || Math.abs(previous.y - run.y) > 0.05 * run.fontSize) return run;
    const touching = Math.abs(previous.x + previous.width - run.x) < 0.05 * run.fontSize;
    if (!touching || run.width > 0.45 * run.fontSize) return run;
    changed = true;
    return { ...run, text: hyphen[1]! };
  });
  return changed ? { ...page, runs } : page;
}

// ---------------------------------------------------------------------------
// 6. Hyphens read as gaps
// ---------------------------------------------------------------------------

/**
 * A space inside an e-mail's domain: « @ » and a domain part with no dot yet, then the rest of
 * the domain in lower case (further gaps allowed), dotted.
 */
const GAP_IN_EMAIL_DOMAIN = latin('u')`(@[\p{L}\p{N}-]+) (?=[\p{Ll}\p{N}-]+(?: [\p{Ll}\p{N}-]+)*(?:\.[\p{Ll}\p{N}-]+)+)`;

/**
 * In the runs of fonts whose hyphens read as gaps (`PdfTextRun.hyphenReadAsGap`), puts the hyphen
 * back where an e-mail's domain holds a space. Lists the pages where such fonts print text with
 * a space between two letters (where a compound name may have lost its hyphen), when some are.
 */
function repairHyphenGaps(pages: readonly PdfPage[]): { pages: PdfPage[]; repaired: number; fontPages: number[] } {
  let repaired = 0;
  const fontPages: number[] = [];
  const out = pages.map((page) => {
    let changed = false;
    let spaced = false;
    const runs = page.runs.map((run) => {
      if (run.hyphenReadAsGap !== true) return run;
      spaced ||= latin('u')`\p{L} \p{L}`.test(run.text);
      let text = run.text;
      // One gap at a time: a domain may have lost several hyphens (« ingenieur chef inet.org »).
      for (let match = GAP_IN_EMAIL_DOMAIN.exec(text); match; match = GAP_IN_EMAIL_DOMAIN.exec(text)) {
        text = `${text.slice(0, match.index)}${match[1]}-${text.slice(match.index + match[0].length)}`;
      }
      if (text === run.text) return run;
      repaired += (text.match(/@/g) ?? []).length;
      changed = true;
      return { ...run, text };
    });
    if (spaced) fontPages.push(page.number);
    return changed ? { ...page, runs } : page;
  });
  return { pages: out, repaired, fontPages };
}

// ---------------------------------------------------------------------------
// 3. Words in context
// ---------------------------------------------------------------------------

/**
 * The runs of a page chained into pieces of lines (consecutive runs on one baseline, touching),
 * so that a word split over several runs is seen whole.
 */
interface Chain {
  readonly text: string;
  /** Index in the page of each run of the chain, and the offset in `text` where it starts. */
  readonly runs: readonly number[];
  readonly starts: readonly number[];
}

/** The run holding character `index` of a chain, and the character's offset in that run. */
function ownerOf(chain: Chain, index: number): { run: number; offset: number } {
  let low = 0;
  let high = chain.starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (chain.starts[middle]! <= index) low = middle;
    else high = middle - 1;
  }
  return { run: chain.runs[low]!, offset: index - chain.starts[low]! };
}

/** Chains of each page, computed once per page object (pages are replaced when repaired). */
const chainCache = new WeakMap<PdfPage, Chain[]>();

function chains(page: PdfPage): Chain[] {
  const cached = chainCache.get(page);
  if (cached) return cached;
  const out: Chain[] = [];
  let parts: string[] = [];
  let length = 0;
  let runs: number[] = [];
  let starts: number[] = [];
  let previous: PdfTextRun | undefined;
  const flush = (): void => {
    if (parts.length > 0) out.push({ text: parts.join(''), runs, starts });
    parts = [];
    length = 0;
    runs = [];
    starts = [];
  };
  page.runs.forEach((run, index) => {
    const touching =
      previous !== undefined &&
      Math.abs(previous.y - run.y) < 0.3 * run.fontSize &&
      run.x >= previous.x - 0.1 * run.fontSize &&
      run.x - (previous.x + previous.width) < 0.15 * run.fontSize;
    if (!touching) flush();
    runs.push(index);
    starts.push(length);
    parts.push(run.text);
    length += run.text.length;
    previous = run;
  });
  flush();
  chainCache.set(page, out);
  return out;
}

/** Lower-cased words printed with no unreadable character and no truncated-ligature letter. */
function attestedWords(pages: readonly PdfPage[]): Set<string> {
  const words = new Set<string>();
  for (const page of pages) {
    for (const chain of chains(page)) {
      const text = normaliseLigatures(chain.text);
      // Most chains hold no damaged character: their words are not tested one by one.
      const damaged = UNREADABLE_CHAR.test(text) || TRUNCATED_LIGATURE.test(text);
      // The words as strings (no match object per word: the whole document's words are read here).
      for (const word of text.match(WORD) ?? []) {
        if (word.length >= 3 && (!damaged || (!UNREADABLE_CHAR.test(word) && !TRUNCATED_LIGATURE.test(word)))) words.add(word.toLowerCase());
      }
    }
  }
  return words;
}

/** One repair kind on one page, for its diagnostic. */
interface Repair {
  readonly page: number;
  readonly cause: string;
  count: number;
  readonly before: string;
  readonly after: string;
}

/** Replacement text for some characters of a chain, by character index. */
type Edits = Map<number, string>;

/** Applies character edits found on chains to the runs they come from. */
function applyEdits(page: PdfPage, chainEdits: readonly { chain: Chain; edits: Edits }[]): PdfPage {
  const perRun = new Map<number, Map<number, string>>();
  for (const { chain, edits } of chainEdits) {
    for (const [index, replacement] of edits) {
      const { run, offset } = ownerOf(chain, index);
      const map = perRun.get(run) ?? new Map<number, string>();
      map.set(offset, replacement);
      perRun.set(run, map);
    }
  }
  if (perRun.size === 0) return page;
  const runs = page.runs.map((run, index) => {
    const map = perRun.get(index);
    if (!map) return run;
    let text = '';
    for (let offset = 0; offset < run.text.length; offset++) text += map.get(offset) ?? run.text[offset];
    return { ...run, text };
  });
  return { ...page, runs };
}

// ---------------------------------------------------------------------------
// 4. Byte-swapped UTF-16 mappings
// ---------------------------------------------------------------------------

/** The ASCII letter a byte-swapped code point stands for (U+7400 -> "t"), else `null`. */
function unswap(char: string): string | null {
  const code = char.codePointAt(0)!;
  if ((code & 0xff) !== 0 || code > 0xffff) return null;
  const high = String.fromCharCode(code >> 8);
  return /[A-Za-z]/.test(high) ? high : null;
}

/** Words with swapped characters, and what they read as once unswapped. */
function swappedWords(chain: Chain): { start: number; word: string; repaired: string; edits: Edits }[] {
  const out: { start: number; word: string; repaired: string; edits: Edits }[] = [];
  if (!UNREADABLE_CHAR.test(chain.text)) return out;
  for (const match of chain.text.matchAll(WORD)) {
    const word = match[0];
    let repaired = '';
    const edits: Edits = new Map();
    [...word].forEach((char, i) => {
      const letter = UNREADABLE_CHAR.test(char) ? unswap(char) : null;
      if (letter !== null) edits.set(match.index + i, letter);
      repaired += letter ?? char;
    });
    // The swapped characters must make a word of letters with what surrounds them.
    if (edits.size > 0 && !UNREADABLE_CHAR.test(repaired) && latin('u')`^\p{L}+$`.test(repaired)) out.push({ start: match.index, word, repaired, edits });
  }
  return out;
}

function repairSwapped(pages: readonly PdfPage[], attested: ReadonlySet<string>): { pages: PdfPage[]; repairs: Repair[] } {
  const found = pages.map((page) => chains(page).map((chain) => ({ chain, words: swappedWords(chain) })));
  // The cause is proved when some repaired words are printed intact elsewhere in the document.
  const proofs = new Set(found.flat(2).flatMap(({ words }) => words.filter((w) => attested.has(normaliseLigatures(w.repaired).toLowerCase())).map((w) => w.repaired.toLowerCase())));
  if (proofs.size === 0) return { pages: [...pages], repairs: [] };
  const repairs: Repair[] = [];
  const out = pages.map((page, p) => {
    const chainEdits = found[p]!.filter(({ words }) => words.length > 0).map(({ chain, words }) => ({ chain, edits: new Map(words.flatMap((w) => [...w.edits])) }));
    const words = found[p]!.flatMap(({ words: w }) => w);
    if (words.length > 0) {
      repairs.push({ page: page.number, cause: 'caractères codés à l’envers, octets UTF-16 inversés', count: words.length, before: words[0]!.word, after: words[0]!.repaired });
    }
    return applyEdits(page, chainEdits);
  });
  return { pages: out, repairs };
}

// ---------------------------------------------------------------------------
// 5. Truncated ligature mappings
// ---------------------------------------------------------------------------

/** A word holding a truncated-ligature letter, where it was found. */
interface LigatureWord {
  readonly chain: Chain;
  readonly index: number;
  readonly word: string;
  /** The suspect letter (one kind per word) and its positions in the word. */
  readonly char: string;
  readonly positions: readonly number[];
  /** Font of the run holding the first suspect letter. */
  readonly font: string;
  /** Ligature spellings that make a word printed intact elsewhere. */
  readonly readings: readonly string[];
}

/**
 * Letter sequences French never writes around a spelt-out ligature: « ff » after a consonant
 * (« conflit » is fine, « sffr » is not), « ff » before a consonant other than l or r, « fl »
 * before a consonant, and either at the end of a word. Some producers (Ghostscript re-writing a
 * subset font) map a genuine « û » and a ligature glyph to the same letter: a font-wide repair
 * of « coûteux » would read « coffteux ».
 */
const NOT_FRENCH_AROUND_LIGATURE = /[b-df-hj-np-tv-xz]ff|ff(?![aeiouyàâäéèêëîïôöûüœrl])|fl(?![aeiouyàâäéèêëîïôöûüœ])/iu;

/** Whether a font-wide ligature repair gives a spelling French can write (see NOT_FRENCH_AROUND_LIGATURE). */
function frenchSpelling(word: string): boolean {
  return !NOT_FRENCH_AROUND_LIGATURE.test(word);
}

function spell(word: string, positions: readonly number[], spelling: string): string {
  return [...word].map((char, i) => (positions.includes(i) ? spelling : char)).join('');
}

/**
 * Repairs words where a font's ligature glyph was mapped to one Latin-1 letter. A word whose
 * only ligature reading is printed intact elsewhere is repaired; once a font's letter is proved a
 * ligature that way by two different words, the font's other words with that letter are
 * repaired too, unless the word as printed (« coûts ») is also printed in a font where the letter
 * is not in doubt.
 */
function repairTruncatedLigatures(pages: readonly PdfPage[], attested: ReadonlySet<string>): { pages: PdfPage[]; repairs: Repair[] } {
  const perPage: { page: PdfPage; words: LigatureWord[] }[] = pages.map((page) => ({ page, words: [] }));
  for (const entry of perPage) {
    for (const chain of chains(entry.page)) {
      if (!TRUNCATED_LIGATURE.test(chain.text)) continue;
      for (const match of chain.text.matchAll(WORD)) {
        const word = match[0];
        const chars = [...new Set([...word].filter((char) => TRUNCATED_LIGATURE.test(char)))];
        if (chars.length !== 1) continue;
        const char = chars[0]!;
        const positions = [...word].flatMap((c, i) => (c === char ? [i] : []));
        const run = entry.page.runs[ownerOf(chain, match.index + positions[0]!).run]!;
        const readings = LIGATURE_SPELLINGS.filter((spelling) => attested.has(normaliseLigatures(spell(word, positions, spelling)).toLowerCase()));
        entry.words.push({ chain, index: match.index, word, char, positions, font: run.fontName, readings });
      }
    }
  }
  const all = perPage.flatMap((entry) => entry.words);
  // Proofs per font and letter: distinct words whose only reading is printed elsewhere.
  const proofs = new Map<string, Map<string, Set<string>>>();
  for (const w of all) {
    if (w.readings.length !== 1) continue;
    const key = `${w.font}|${w.char}`;
    const bySpelling = proofs.get(key) ?? new Map<string, Set<string>>();
    const words = bySpelling.get(w.readings[0]!) ?? new Set<string>();
    words.add(w.word.toLowerCase());
    bySpelling.set(w.readings[0]!, words);
    proofs.set(key, bySpelling);
  }
  const proved = new Map<string, string>();
  for (const [key, bySpelling] of proofs) {
    const ranked = [...bySpelling].sort((a, b) => b[1].size - a[1].size);
    if (ranked[0]![1].size >= 2 && (ranked[1]?.[1].size ?? 0) === 0) proved.set(key, ranked[0]![0]);
  }
  // Words printed as they are in a font whose letter is not in doubt.
  const genuine = new Set(all.filter((w) => !proved.has(`${w.font}|${w.char}`)).map((w) => w.word.toLowerCase()));

  const repairs: Repair[] = [];
  const out = perPage.map(({ page, words }) => {
    const byChain = new Map<Chain, Edits>();
    let repair: Repair | undefined;
    for (const w of words) {
      const byFont = genuine.has(w.word.toLowerCase()) ? undefined : proved.get(`${w.font}|${w.char}`);
      const spelling = w.readings.length === 1 ? w.readings[0]! : byFont !== undefined && frenchSpelling(spell(w.word, w.positions, byFont)) ? byFont : undefined;
      if (spelling === undefined) continue;
      const edits = byChain.get(w.chain) ?? new Map<number, string>();
      for (const i of w.positions) edits.set(w.index + i, spelling);
      byChain.set(w.chain, edits);
      if (repair) repair.count++;
      else repair = { page: page.number, cause: 'ligature lue comme une lettre accentuée', count: 1, before: w.word, after: spell(w.word, w.positions, spelling) };
    }
    if (repair) repairs.push(repair);
    return applyEdits(page, [...byChain].map(([chain, edits]) => ({ chain, edits })));
  });
  return { pages: out, repairs };
}

// ---------------------------------------------------------------------------
// 6. What stays unreadable
// ---------------------------------------------------------------------------

function countUnreadable(pages: readonly PdfPage[]): { page: number; count: number; examples: string[] }[] {
  const out: { page: number; count: number; examples: string[] }[] = [];
  const all = new RegExp(UNREADABLE_CHAR.source, 'gu');
  for (const page of pages) {
    let count = 0;
    const examples: string[] = [];
    for (const chain of chains(page)) {
      const hits = chain.text.match(all);
      if (!hits) continue;
      count += hits.length;
      if (examples.length < 2) examples.push(context(chain.text, chain.text.search(UNREADABLE_CHAR)));
    }
    if (count > 0) out.push({ page: page.number, count, examples });
  }
  return out;
}

/** A few characters around position `at`, control characters shown as code points. */
function context(text: string, at: number): string {
  return [...text.slice(Math.max(0, at - 12), at + 12)]
    .map((char) => (/[\u0000-\u001f\u007f-\u009f]/.test(char) ? `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` : char))
    .join('')
    .trim();
}

function pageList(pages: readonly number[]): string {
  return pages.join(', ');
}
