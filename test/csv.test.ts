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

  it('reads back exactly what it wrote, whatever the field holds', () => {
    const nasty = ['', ' ', '"', '""', ',', ';', '\n', '\r\n', 'a\r\nb', 'é « » ’', '=1+1', 'x"y,z;w\nv'];
    for (const dialect of [RFC4180, EXCEL_FR]) {
      const rows = nasty.map((value, i) => [String(i), value]);
      expect(parseCsv(toCsv(['n', 'value'], rows, dialect), dialect.separator)).toEqual([['n', 'value'], ...rows]);
    }
  });
});
