// Positions from the mapped columns: points from coordinate columns, polygons from WKT, every
// bad cell located; and a spread sample for coordinate-system detection.

import { describe, expect, it } from 'vitest';
import type { RawCell, RawTable } from '../../src/data/formats/raw-table';
import { geometryFromMapping, sampleCoordinates } from '../../src/data/ingest/geometry-source';
import { proposeMapping } from '../../src/data/mapping/propose';

function raw(headers: string[], rows: RawCell[][]): RawTable {
  return { file: 'a.csv', headers, columns: headers.map((_, c) => rows.map((r) => r[c] ?? null)), rowNumbers: Int32Array.from(rows, (_, i) => i + 2), issues: [] };
}

describe('geometryFromMapping', () => {
  it('reads one point per row from longitude/latitude columns, empty rows as NaN', () => {
    const t = raw(['宗地编号', '经度', '纬度'], [['A', '116.5', 37.6], ['B', null, null]]);
    const g = geometryFromMapping(t, proposeMapping('parcels', t.headers).mapping);
    expect(Array.from(g.points!)).toEqual([116.5, 37.6, Number.NaN, Number.NaN]);
    expect(g.issues).toEqual([]);
  });
  it('locates a coordinate that is not a number and a pair with one half missing', () => {
    const t = raw(['宗地编号', 'X', 'Y'], [['A', '4165432.1', 'abc'], ['B', '4165432.1', null], ['C', '4,165,432.5', '39512345']]);
    const g = geometryFromMapping(t, proposeMapping('parcels', t.headers).mapping);
    expect(g.issues.map((i) => `${i.row}:${i.field}`)).toEqual(['2:Y', '3:Y']);
    expect(Array.from(g.points!.subarray(4))).toEqual([4165432.5, 39512345]);
  });
  it('reads WKT polygons and multipolygons into flat arrays, a bad one located', () => {
    const t = raw(['宗地编号', 'WKT'], [
      ['A', 'POLYGON((0 0, 1 0, 1 1, 0 0))'],
      ['B', 'MULTIPOLYGON(((0 0, 2 0, 2 2, 0 0)),((5 5, 6 5, 6 6, 5 5), (5.1 5.1, 5.2 5.1, 5.2 5.2, 5.1 5.1)))'],
      ['C', 'POINT(1 2)'],
      ['D', ''],
    ]);
    const g = geometryFromMapping(t, proposeMapping('parcels', t.headers).mapping);
    expect(Array.from(g.shapes!.featureOffsets)).toEqual([0, 1, 3, 3, 3]);
    expect(Array.from(g.shapes!.polygonOffsets)).toEqual([0, 1, 2, 4]);
    expect(g.issues.map((i) => `${i.row}:${i.field}`)).toEqual(['4:WKT']);
  });
  it('samples at most the asked number of pairs, spread over the file', () => {
    const t = raw(['宗地编号', '经度', '纬度'], Array.from({ length: 1000 }, (_, i) => [`P${i}`, 100 + i / 1000, 30]));
    const s = sampleCoordinates(geometryFromMapping(t, proposeMapping('parcels', t.headers).mapping), 10);
    expect(s.length).toBe(20);
    expect(s[0]).toBe(100);
    expect(s[18]).toBeCloseTo(100.9, 9);
  });
});
