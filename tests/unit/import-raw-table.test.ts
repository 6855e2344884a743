// Tables from the format readers (RawTable) go through the same parcel import as CSV and
// GeoJSON text: cells by header, geometry from the flat offsets, row numbers and sheet names
// from the reader in every message, and the reader's own problems passed on.

import { describe, expect, it } from 'vitest';
import { PARCEL_FIELDS } from '../../src/data/contract';
import type { RawCell, RawGeometry, RawTable, SourceIssue } from '../../src/data/formats/raw-table';
import { importParcels } from '../../src/data/import/parcels';
import { rawGeometryOf } from '../../src/data/import/raw-table-rows';

type Values = Record<string, RawCell>;

/** Closed square ring [x0, y0] … with side d, counter-clockwise, as flat coordinates. */
function square(x0: number, y0: number, d: number): number[] {
  return [x0, y0, x0 + d, y0, x0 + d, y0 + d, x0, y0 + d, x0, y0];
}

/** Row 0: one square; row 1: two squares (a multipolygon); row 2: no geometry. */
function threeRowGeometry(): RawGeometry {
  const rings = [square(116, 37, 0.001), square(116.01, 37, 0.001), square(116.02, 37, 0.002)];
  return {
    coords: new Float64Array(rings.flat()),
    ringOffsets: new Uint32Array([0, 5, 10, 15]),
    polygonOffsets: new Uint32Array([0, 1, 2, 3]),
    featureOffsets: new Uint32Array([0, 1, 3, 3]),
  };
}

function table(rows: Values[], extra: Partial<RawTable> = {}): RawTable {
  const headers = PARCEL_FIELDS.map((f) => f.name);
  return {
    file: 'parcels.xlsx',
    headers,
    columns: headers.map((h) => rows.map((r) => r[h] ?? null)),
    rowNumbers: new Int32Array(rows.map((_, i) => i + 2)),
    issues: [],
    ...extra,
  };
}

const base = (id: string): Values => ({ parcel_id: id, county: '宁津县', land_use: 'industrial', status: 'producing' });

describe('rawGeometryOf', () => {
  it('builds a Polygon, a MultiPolygon, or null for an empty range', () => {
    const g = threeRowGeometry();
    expect(rawGeometryOf(g, 0)).toEqual({
      type: 'Polygon',
      coordinates: [[[116, 37], [116.001, 37], [116.001, 37.001], [116, 37.001], [116, 37]]],
    });
    const multi = rawGeometryOf(g, 1);
    expect(multi?.type).toBe('MultiPolygon');
    expect(multi?.coordinates).toHaveLength(2);
    expect(rawGeometryOf(g, 2)).toBeNull();
  });
});

describe('importParcels from a RawTable', () => {
  it('reads cells by header, keeps typed numbers and computes a missing area from the geometry', () => {
    const r = importParcels(
      'parcels.xlsx',
      table([base('A'), { ...base('B'), area_m2: 1234.5 }, { ...base('C'), area_m2: '2,000' }], { geometry: threeRowGeometry() }),
    );
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const area = PARCEL_FIELDS.findIndex((f) => f.name === 'area_m2');
    expect(r.batch.rows.map((row) => row[0])).toEqual(['A', 'B', 'C']);
    // 0.001° × 0.001° at 37° N ≈ 111 m × 89 m.
    expect(r.batch.rows[0][area]).toBeGreaterThan(9_800);
    expect(r.batch.rows[0][area]).toBeLessThan(9_900);
    expect(r.batch.rows[1][area]).toBe(1234.5);
    expect(r.batch.rows[2][area]).toBe(2000);
    expect(Array.from(r.batch.areaFromGeometry)).toEqual([1, 0, 0]);
    expect(r.batch.rings.map((x) => x.pidx)).toEqual([0, 1, 1]);
    expect(Number.isNaN(r.batch.cx[2])).toBe(true);
  });

  it('names the reader’s row number and sheet in messages', () => {
    const t = table([base('A'), { ...base('B'), land_use: 'galactic', area_m2: 10 }], { sheet: '宗地' });
    t.rowNumbers = new Int32Array([5, 9]);
    const r = importParcels('parcels.xlsx', t);
    expect(r.ok).toBe(false);
    expect(r.issues).toContainEqual(
      expect.objectContaining({ level: 'error', file: 'parcels.xlsx', row: '工作表 宗地 第 9 行', field: 'land_use' }),
    );
    // Row A has neither an area nor a geometry.
    expect(r.issues).toContainEqual(expect.objectContaining({ row: '工作表 宗地 第 5 行', field: 'area_m2' }));
  });

  it('passes on the reader’s row issues and fails the import on an error', () => {
    const issue: SourceIssue = {
      level: 'error', file: 'parcels.xlsx', sheet: '宗地', row: 3, field: 'area_m2',
      code: 'cell.formula', messageZh: '单元格是公式', messageEn: 'The cell is a formula',
    };
    const r = importParcels('parcels.xlsx', table([{ ...base('A'), area_m2: 10 }], { issues: [issue] }));
    expect(r.ok).toBe(false);
    expect(r.issues).toEqual([
      { level: 'error', file: 'parcels.xlsx', row: '工作表 宗地 第 3 行', field: 'area_m2', message: '单元格是公式' },
    ]);
  });

  it('stops at a file-level reader error without adding row or column noise', () => {
    const issue: SourceIssue = {
      level: 'error', file: 'parcels.xlsx', row: null, field: null,
      code: 'file.unreadable', messageZh: '文件已损坏', messageEn: 'The file is damaged',
    };
    const t: RawTable = { file: 'parcels.xlsx', headers: [], columns: [], rowNumbers: new Int32Array(0), issues: [issue] };
    const r = importParcels('parcels.xlsx', t);
    expect(r.issues).toEqual([{ level: 'error', file: 'parcels.xlsx', row: null, field: null, message: '文件已损坏' }]);
  });

  it('rejects projected coordinates at the row that has them', () => {
    const g: RawGeometry = {
      coords: new Float64Array(square(500_000, 4_100_000, 100)),
      ringOffsets: new Uint32Array([0, 5]),
      polygonOffsets: new Uint32Array([0, 1]),
      featureOffsets: new Uint32Array([0, 1]),
    };
    const r = importParcels('parcels.xlsx', table([base('A')], { geometry: g }));
    expect(r.ok).toBe(false);
    expect(r.issues[0]).toMatchObject({ row: '第 2 行', field: 'geometry' });
    expect(r.issues[0].message).toContain('超出经纬度范围');
  });
});
