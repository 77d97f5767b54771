/**
 * CSV as RFC 4180 describes it: CRLF line ends, a header row, fields quoted when they hold the
 * separator, a quote, CR or LF, quotes doubled. The Excel flavour adds what French spreadsheet
 * software needs to open the file without an import dialog: a UTF-8 byte order mark (else the
 * accents are read as Windows-1252) and `;` separators (`,` is the decimal separator there).
 */

/** How a CSV file is written. */
export interface CsvDialect {
  readonly separator: ',' | ';';
  /** Start the file with U+FEFF. */
  readonly bom: boolean;
  /** Decimal mark of numbers (a French spreadsheet reads "1.5" as text or a date). */
  readonly decimal: '.' | ',';
  /**
   * Prefix with `'` a text cell that a spreadsheet would run as a formula (OWASP « CSV injection »:
   * `=`, `+`, `-`, `@`, tab, CR first). The spreadsheet shows the text without the quote.
   */
  readonly neutraliseFormulas: boolean;
}

/** Plain RFC 4180. */
export const RFC4180: CsvDialect = { separator: ',', bom: false, decimal: '.', neutraliseFormulas: false };
/** What Excel and LibreOffice in a French locale open directly. */
export const EXCEL_FR: CsvDialect = { separator: ';', bom: true, decimal: ',', neutraliseFormulas: true };

/** What starts a formula in Excel, LibreOffice and Google Sheets (OWASP's list). */
const FORMULA_START = /^[=+\-@\t\r]/;

/** A cell value as SQLite returns it. */
export type CsvValue = string | number | bigint | null | Uint8Array;

/**
 * One field, quoted when needed.
 * @param value The value; `null` is an empty field.
 * @param dialect The separator decides what needs quoting.
 * @returns The field's text.
 */
export function csvField(value: CsvValue, dialect: CsvDialect = RFC4180): string {
  if (value === null) return '';
  const text =
    value instanceof Uint8Array ? Buffer.from(value).toString('base64')
    : typeof value === 'number' && dialect.decimal === ',' ? String(value).replace('.', ',')
    : typeof value === 'string' && dialect.neutraliseFormulas && FORMULA_START.test(value) ? `'${value}`
    : String(value);
  // Both separators are quoted in both dialects: a file may be opened with either one guessed.
  return /[",;\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * A whole CSV file.
 * @param columns Header names.
 * @param rows Rows, each with one value per column.
 * @param dialect Separator and byte order mark.
 * @returns The file's text, every record ending with CRLF.
 */
export function toCsv(columns: readonly string[], rows: Iterable<readonly CsvValue[]>, dialect: CsvDialect = RFC4180): string {
  const lines = [columns.map((column) => csvField(column, dialect)).join(dialect.separator)];
  for (const row of rows) lines.push(row.map((value) => csvField(value, dialect)).join(dialect.separator));
  return `${dialect.bom ? '\ufeff' : ''}${lines.join('\r\n')}\r\n`;
}

/**
 * Reads CSV back (RFC 4180 with either separator): used by the tests to check what a spreadsheet would see.
 * @param text The file's text (a leading byte order mark is skipped).
 * @param separator The separator.
 * @returns The records, header first.
 */
export function parseCsv(text: string, separator: ',' | ';' = ','): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.startsWith('\ufeff') ? 1 : 0;
  for (; i < text.length; i++) {
    const char = text[i]!;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (char === '"') {
        quoted = false;
      } else {
        field += char;
      }
    } else if (char === '"') {
      quoted = true;
    } else if (char === separator) {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += char;
    }
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}
