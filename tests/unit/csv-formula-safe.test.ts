// Spreadsheet CSV output (the report's CSV, its problems list and the browser's CSV export):
// cells a spreadsheet would run as formulas come out as text, everything else unchanged.

import { describe, expect, it } from 'vitest';
import { formulaSafe, parseCsv, toCsv, toSpreadsheetCsv } from '../../src/data/csv';
import { tableToCsv } from '../../src/export/csv';

describe('formula-safe CSV', () => {
  it('prefixes text starting with = + - @ tab or CR with an apostrophe', () => {
    expect(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '\tx', '\rx'].map(formulaSafe)).toEqual([
      "'=1+1",
      "'+SUM(A1)",
      "'-2+3",
      "'@cmd",
      "'\tx",
      "'\rx",
    ]);
  });

  it('leaves numbers, plain numeric text, ids and empty cells alone', () => {
    expect([-3, 0, 882, '-12', '+3.5', '1e-3', 'ZD-001', '宁津-A', '', null].map(formulaSafe)).toEqual(['-3', '0', '882', '-12', '+3.5', '1e-3', 'ZD-001', '宁津-A', '', '']);
  });

  it('round-trips safe rows and quotes the prefixed cells that need it', () => {
    const text = toSpreadsheetCsv(['parcel_id', 'idle_days', 'note'], [
      ['P1', 882, '=HYPERLINK("http://x")'],
      ['P-2', -1, 'ok'],
    ]);
    const t = parseCsv(text);
    expect(t.records.map((r) => r.cells)).toEqual([
      ['P1', '882', `'=HYPERLINK("http://x")`],
      ['P-2', '-1', 'ok'],
    ]);
  });

  it('is what the browser export writes, while the loader CSV keeps values as they are', () => {
    expect(tableToCsv({ headers: ['id'], rows: [['@x']] })).toBe("\uFEFFid\n'@x\n");
    expect(toCsv(['id'], [['@x']])).toBe('id\n@x\n');
  });
});
