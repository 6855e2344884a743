// The last import step: official county names, county and park derived from position,
// parcels outside the city and parcels without area or shape reported.

import { describe, expect, it } from 'vitest';
import type { MappedTable } from '../../src/data/mapping/apply';
import { buildTable } from '../../src/data/ingest/build-table';
import type { PolygonSet } from '../../src/data/workspace/polygons';

/** Axis-aligned squares [x0, y0, size] as a polygon set, one feature each. */
function squares(list: [number, number, number][]): PolygonSet {
  const coords: number[] = [];
  for (const [x, y, s] of list) coords.push(x, y, x + s, y, x + s, y + s, x, y + s, x, y);
  const k = list.length;
  return {
    coords: Float64Array.from(coords),
    ringOffsets: Uint32Array.from({ length: k + 1 }, (_, i) => 5 * i),
    polygonOffsets: Uint32Array.from({ length: k + 1 }, (_, i) => i),
    featureOffsets: Uint32Array.from({ length: k + 1 }, (_, i) => i),
  };
}

function mapped(ids: string[], county: (string | null)[] | null, area: number[]): MappedTable {
  return {
    table: 'parcels',
    file: '台账.csv',
    count: ids.length,
    columns: {
      parcel_id: { type: 'string', values: ids },
      ...(county ? { county: { type: 'string' as const, values: county } } : {}),
      area_m2: { type: 'number', values: Float64Array.from(area) },
    },
    rawIndex: Int32Array.from(ids, (_, i) => i),
    sourceRows: Int32Array.from(ids, (_, i) => i + 2),
    issues: [],
    skippedRows: [],
  };
}

const counties = { shapes: squares([[117, 37, 1], [118, 37, 1]]), names: [{ name: '乐陵市', adcode: '371481' }, { name: '庆云县', adcode: '371423' }] };
const parks = { shapes: squares([[117.2, 37.2, 0.1]]), ids: ['LL-P1'] };

describe('buildTable', () => {
  it('normalises county names, derives missing ones and parks from position', () => {
    const t = mapped(['A', 'B', 'C'], ['乐陵', null, '庆云县'], [100, 100, 100]);
    const points = Float64Array.of(117.25, 37.25, 118.5, 37.5, 118.2, 37.2);
    const r = buildTable(t, { points, issues: [] }, Int32Array.of(0, 1, 2), { counties, parks, city: '德州市' });
    expect(r.table.columns.county.values).toEqual(['乐陵市', '庆云县', '庆云县']);
    expect(r.table.columns.park_id.values).toEqual(['LL-P1', null, null]);
    expect(r.issues.map((i) => i.code)).toEqual(['county.derived', 'park.derived']);
  });
  it('warns about rows outside every county and names unknown counties', () => {
    const t = mapped(['A', 'B'], ['宁津', '乐陵市'], [100, 100]);
    const r = buildTable(t, { points: Float64Array.of(117.5, 37.5, 121, 31), issues: [] }, Int32Array.of(0, 1), { counties });
    expect(r.issues.map((i) => i.code)).toEqual(['county.unknown', 'place.outside_counties']);
    expect(r.issues[1].messageZh).toContain('第 3 行');
    expect(r.table.columns.county.values).toEqual(['宁津', '乐陵市']);
  });
  it('refuses a parcel with neither area nor shape, naming its row', () => {
    const t = mapped(['A', 'B'], null, [Number.NaN, Number.NaN]);
    const r = buildTable(t, { shapes: squares([[117, 37, 0.001]]), issues: [] }, Int32Array.of(0, -1));
    expect(r.issues.map((i) => `${i.level}:${i.row}:${i.code}`)).toEqual(['error:3:parcel.no_area']);
    expect(Array.from(r.table.shapes!.featureOffsets)).toEqual([0, 1, 1]);
  });
});
