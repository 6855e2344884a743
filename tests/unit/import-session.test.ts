// The import dialog's session: reading a real file, local datum parameters applied to the
// chosen coordinate system, and the problem list as a formula-safe CSV.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { withCentralMeridian } from '../../src/data/crs';
import { checkImport, chosenCrs, issuesCsv, needsLocalParameters, parseTowgs84, readImportFile } from '../../src/state/import-session';

describe('import session', () => {
  it('reads a Shapefile zip and proposes parcels, its mapping and CGCS2000 zone 39', async () => {
    const f = await readImportFile('宗地.zip', new Uint8Array(readFileSync('tests/fixtures/formats/parcels-cgcs2000-gk39-gbk.zip')), '371400');
    expect(f.table).toBe('parcels');
    expect(f.mapping?.fields.parcel_id?.header).toBe('宗地编号');
    const c = chosenCrs(f, withCentralMeridian);
    expect(c).toMatchObject({ kind: 'gk', datum: 'cgcs2000', centralMeridian: 117 });
    expect(needsLocalParameters(f)).toBe(false);
  });
  it('applies local parameters to a Xi’an 1980 choice, and only to it', async () => {
    // Surveyed X (northing) / Y (easting with zone 39) and no .prj: old datums are among the readings.
    const csv = new TextEncoder().encode('宗地编号,用地面积,X,Y\nA,100,4168000,39482000\nB,100,4168100,39482100\n');
    const f = await readImportFile('界址.csv', csv, '371400');
    const xian = f.crs!.candidates.findIndex((c) => c.status === 'ready' && c.choice.kind === 'gk' && c.choice.datum === 'xian80');
    expect(xian).toBeGreaterThan(0);
    const g = { ...f, crsIndex: xian, towgs84: [24, -123, -94, 0.02, -0.25, -0.13, 1.1] };
    expect(needsLocalParameters(g)).toBe(true);
    expect(chosenCrs(g, withCentralMeridian)).toMatchObject({ datum: 'xian80', towgs84: [24, -123, -94, 0.02, -0.25, -0.13, 1.1] });
    expect(chosenCrs({ ...f, towgs84: [1, 2, 3] }, withCentralMeridian)).not.toHaveProperty('towgs84');
  });
  it('reads 3 or 7 parameters separated as planners type them, and refuses anything else', () => {
    expect(parseTowgs84('15.8, -154.4，-82.3')).toEqual([15.8, -154.4, -82.3]);
    expect(parseTowgs84('1 2 3 4 5 6 7')).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(parseTowgs84('1,2')).toBeNull();
    expect(parseTowgs84('1,2,x')).toBeNull();
  });
  it('writes the problem list as CSV whose cells cannot become spreadsheet formulas', async () => {
    const bytes = await issuesCsv(
      [{ level: 'error', file: '=cmd.xlsx', row: 3, field: '宗地编号', code: 'cell.invalid', messageZh: '@SUM(A1)', messageEn: 'x' }],
      'zh',
    );
    const text = new TextDecoder().decode(bytes);
    expect(text.split('\n')[1]).not.toMatch(/(^|,)[=@+-]/);
    expect(text).toContain('宗地编号');
  });
  it('reports an empty file once, by its reader, and a damaged workbook by name', async () => {
    const empty = await readImportFile('空.csv', new Uint8Array(0), '371400');
    const junk = await readImportFile('坏.xlsx', Uint8Array.of(0x50, 0x4b, 3, 4, 1, 2, 3), '371400');
    const c = await checkImport([empty, junk], '371400', undefined, false);
    const errors = c.issues.filter((i) => i.level === 'error');
    expect(errors.map((i) => i.file)).toEqual(['空.csv', '坏.xlsx']);
    expect(Object.keys(c.tables)).toEqual([]);
  });
});
