/**
 * CSV that a spreadsheet opens: RFC 4180 quoting and line ends, and the Excel (French) flavour.
 */
import { describe, expect, it } from 'vitest';
import { EXCEL_FR, RFC4180, csvField, parseCsv, toCsv } from '../src/dataset/csv.js';

describe('csv', () => {
  it('quotes only what needs it and doubles quotes (RFC 4180 §2.5-2.7)', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('dit « oui » et "non"')).toBe('"dit « oui » et ""non"""');
    expect(csvField('ligne 1\nligne 2')).toBe('"ligne 1\nligne 2"');
    expect(csvField('fin\r\n')).toBe('"fin\r\n"');
    expect(csvField(' espace')).toBe('" espace"');
    expect(csvField(null)).toBe('');
    expect(csvField(1.5)).toBe('1.5');
    expect(csvField(1.5, EXCEL_FR)).toBe('"1,5"');
    expect(csvField(550000, EXCEL_FR)).toBe('550000');
  });

  it('writes a header, CRLF after every record, a BOM and semicolons only for Excel', () => {
    expect(toCsv(['a', 'b'], [[1, 'x'], [null, 'y']], RFC4180)).toBe('a,b\r\n1,x\r\n,y\r\n');
    const excel = toCsv(['a', 'b'], [[1.25, 'x;y']], EXCEL_FR);
    expect(excel).toBe('\ufeffa;b\r\n"1,25";"x;y"\r\n');
    expect(Buffer.from(excel, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('reads back exactly what it wrote, whatever the field holds (plain CSV is faithful, formulas included)', () => {
    const nasty = ['', ' ', '"', '""', ',', ';', '\n', '\r\n', 'a\r\nb', 'é « » ’', '=1+1', 'x"y,z;w\nv', '+25%', '-3', '@SUM(A1)', '\tx', '\rx'];
    for (const dialect of [RFC4180, EXCEL_FR]) {
      const rows = nasty.map((value, i) => [String(i), value]);
      const neutralised = (value: string): string => (dialect.neutraliseFormulas && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value);
      expect(parseCsv(toCsv(['n', 'value'], rows, dialect), dialect.separator)).toEqual([['n', 'value'], ...rows.map(([n, value]) => [n, neutralised(value!)])]);
    }
  });

  it('--excel: a text cell a spreadsheet would run as a formula starts with a quote (OWASP CSV injection); numbers stay numbers', () => {
    const attacks = ['=HYPERLINK("http://x.test","clic")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1,2)', '\t=1+1', '\r=1+1'];
    for (const attack of attacks) {
      expect(parseCsv(toCsv(['v'], [[attack]], EXCEL_FR), ';')[1]![0]).toBe(`'${attack}`);
      expect(parseCsv(toCsv(['v'], [[attack]], RFC4180))[1]![0]).toBe(attack);
    }
    expect(csvField(-2.5, EXCEL_FR)).toBe('"-2,5"');
    expect(csvField('25 %', EXCEL_FR)).toBe('25 %');
  });
});
