// The other contract tables (parks here) go through the same row checks as parcels: a bad
// geometry is reported against its row, and a file full of errors lists the first 200 and
// says how many more there are.

import { describe, expect, it } from 'vitest';
import { PARK_FIELDS } from '../../src/data/contract';
import { importRecords } from '../../src/data/import/records';

const HEADER = 'park_id,name,county,level,leading_chains,planned_area_ha,geometry';
const SQUARE = '"POLYGON((116 37, 116.01 37, 116.01 37.01, 116 37.01, 116 37))"';

describe('importRecords', () => {
  it('reads parks with their outlines and label points', () => {
    const r = importRecords('parks.csv', `${HEADER}\nP1,甲园区,宁津县,provincial,,120,${SQUARE}\n`, PARK_FIELDS, 'park_id');
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect(r.batch.rows).toEqual([['P1', '甲园区', '宁津县', 'provincial', null, 120]]);
    expect(r.batch.geometries[0]?.type).toBe('Polygon');
    expect(r.batch.labelPoints[0]![0]).toBeCloseTo(116.005, 6);
    expect(r.batch.labelPoints[0]![1]).toBeCloseTo(37.005, 6);
  });

  it('reports an unreadable outline against its row and the geometry field', () => {
    const r = importRecords('parks.csv', `${HEADER}\nP1,甲园区,宁津县,provincial,,120,"POLYGON((1 2, 3 4))"\n`, PARK_FIELDS, 'park_id');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toEqual([
      expect.objectContaining({ level: 'error', file: 'parks.csv', row: '第 2 行', field: 'geometry' }),
    ]);
  });

  it('lists at most 200 errors of one file and counts the rest', () => {
    const lines = Array.from({ length: 250 }, (_, i) => `P${i},园区${i},宁津县,galactic,,,`);
    const r = importRecords('parks.csv', `${HEADER}\n${lines.join('\n')}\n`, PARK_FIELDS, 'park_id');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(201);
    expect(r.issues[0]).toMatchObject({ row: '第 2 行', field: 'level' });
    expect(r.issues[200]).toMatchObject({ row: null, message: '……另有 50 处错误未列出' });
  });
});
