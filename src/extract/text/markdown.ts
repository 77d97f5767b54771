/**
 * Line-level markup of markdown and HTML converters, removed before the text is cut into blocks:
 * heading marks (`##### 2019 / 2020`), HTML tags and entities, and lines where a converter joined
 * a bold line and plain lines into one (a bold title, the collectivité, the page reference in bold).
 */

/** An ATX heading mark, or a setext underline (a line of `=` or `-` under a heading). */
const HEADING_MARK = /^\s{0,3}#{1,6}\s+/;
const SETEXT_UNDERLINE = /^\s{0,3}(?:=+|-{3,})\s*$/;

/** Any HTML tag, not an autolink « <http://…> » (its name is followed by a space, « > » or « /> » only). */
const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^<>]*)?\/?>/g;
const HTML_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', rsquo: '’', laquo: '«', raquo: '»' };

/** A line opening with a bold run that plain text follows: the converter joined printed lines. */
const BOLD_THEN_PLAIN = /^(\*\*[^*]+\*\*)\s+(\S.*)$/;
const PLAIN_THEN_BOLD = /^([^*]+?)\s+(\*\*[^*]+\*\*.*)$/;

/** Heading marks on this many lines make a text markdown: one « #### » line is printed text. */
const MIN_MARKDOWN_HEADINGS = 5;

/**
 * Whether a text is written in markdown with heading marks (pdf2md, markitdown).
 * @param lines The text's lines.
 */
export function hasHeadingMarks(lines: readonly string[]): boolean {
  let count = 0;
  for (const line of lines) if (HEADING_MARK.test(line) && ++count >= MIN_MARKDOWN_HEADINGS) return true;
  return false;
}

/**
 * Removes heading marks and setext underlines (in markdown text), HTML tags and entities from one line.
 * @param line One line of markdown or HTML.
 * @param markdown Whether the text is markdown with heading marks (`hasHeadingMarks`).
 * @returns The line's printed text (`**` emphasis kept: text.ts reads it as bold).
 */
export function stripLineMarkup(line: string, markdown = true): string {
  if (markdown && SETEXT_UNDERLINE.test(line)) return '';
  let text = markdown ? line.replace(HEADING_MARK, '') : line;
  if (text.includes('<')) text = text.replace(HTML_TAG, ' ');
  if (text.includes('&')) text = text.replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (all, name: string) => entity(name) ?? all);
  return text;
}

function entity(name: string): string | undefined {
  if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
  if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
  return HTML_ENTITIES[name.toLowerCase()];
}

/**
 * Splits a line that starts with a bold run and goes on in plain text (and bold again) into the
 * printed lines it joins: a title in bold, the collectivité, the page reference in bold.
 * @param line One line, markup kept.
 * @returns Its printed lines.
 */
export function splitBoldRuns(line: string): string[] {
  const out: string[] = [];
  let rest = line.trim();
  for (;;) {
    const bold = BOLD_THEN_PLAIN.exec(rest);
    if (bold) {
      out.push(bold[1]!);
      rest = bold[2]!;
      continue;
    }
    const plain = rest.startsWith('**') ? null : PLAIN_THEN_BOLD.exec(rest);
    if (plain && out.length > 0) {
      out.push(plain[1]!);
      rest = plain[2]!;
      continue;
    }
    out.push(rest);
    return out;
  }
}
