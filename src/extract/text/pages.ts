/**
 * Page breaks of converter text, in every spelling the common converters use. A page break
 * becomes a blank line: it ends a block, as on paper.
 */

/** « -- 3 of 110 -- » (pdf-parse), « Page 3 of 110 », « [page 3] », « <!-- page 3 --> ». */
const PAGE_MARKER = /^\s*(?:-{2,}\s*\d+\s+(?:of|sur|\/)\s+\d+\s*-{2,}|(?:page|p\.)\s*\d+\s*(?:(?:of|sur|\/)\s*\d+)?|\[\s*page\s*\d+\s*\]|<!--\s*page\s*\d+\s*-->|-{3,}\s*page\s*\d+\s*-{3,})\s*$/i;

/**
 * Turns form feeds and page-marker lines into blank lines (a form feed glued to the next page's
 * first line, as `pdftotext` writes it, starts that line anew).
 * @param lines The text's lines.
 * @returns The lines with one blank line per page break, and where the breaks are.
 */
export function markPageBreaks(lines: readonly string[]): { lines: string[]; breaks: Set<number> } {
  const out: string[] = [];
  const breaks = new Set<number>();
  for (const line of lines) {
    if (PAGE_MARKER.test(line)) {
      breaks.add(out.length);
      out.push('');
      continue;
    }
    const parts = line.split('\f');
    parts.forEach((part, k) => {
      if (k > 0) {
        breaks.add(out.length);
        out.push('');
      }
      if (parts.length === 1 || part.trim() !== '') out.push(part);
    });
  }
  return { lines: out, breaks };
}
