import { describe, expect, it } from 'vitest';
import { parseCsv, parseCsvObjects } from '#core/reference/csv.js';

describe('reading CSV', () => {
  it('keeps commas, doubled quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('a,b\n"x, y","say ""hi""\nthere"\n')).toEqual([
      ['a', 'b'],
      ['x, y', 'say "hi"\nthere'],
    ]);
  });

  it('accepts CRLF line ends, a byte-order mark and no final line break', () => {
    expect(parseCsv('\uFEFFa,b\r\n1,\r\n2,3')).toEqual([['a', 'b'], ['1', ''], ['2', '3']]);
  });

  it('refuses a row whose field count differs from the header', () => {
    expect(() => parseCsvObjects('a,b\n1,2,3\n')).toThrow(/row 2 has 3 fields/);
  });

  it('refuses an unterminated quote', () => {
    expect(() => parseCsv('a\n"open')).toThrow(/unterminated/);
  });
});
