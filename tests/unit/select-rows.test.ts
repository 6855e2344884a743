import { describe, expect, it } from 'vitest';
import { selectRows } from '../../src/data/workspace/select-rows';
import type { TableData } from '../../src/data/workspace/tables';

describe('selectRows', () => {
  it('keeps the chosen rows of every column, their shapes and points, in order', () => {
    // Row 0: a unit square; row 1: no shape; row 2: a square at x = 5.
    const sq = (x: number) => [x, 0, x + 1, 0, x + 1, 1, x, 1, x, 0];
    const t: TableData = {
      count: 3,
      columns: {
        parcel_id: { type: 'string', values: ['A', 'B', 'C'] },
        area_m2: { type: 'number', values: Float64Array.of(1, Number.NaN, 3) },
        supply_date: { type: 'date', values: Int32Array.of(10, 20, 30) },
        government_delay: { type: 'boolean', values: Uint8Array.of(0, 1, 255) },
      },
      shapes: {
        coords: Float64Array.from([...sq(0), ...sq(5)]),
        ringOffsets: Uint32Array.of(0, 5, 10),
        polygonOffsets: Uint32Array.of(0, 1, 2),
        featureOffsets: Uint32Array.of(0, 1, 1, 2),
      },
      points: Float64Array.of(0.5, 0.5, 9, 9, 5.5, 0.5),
    };
    const s = selectRows(t, Int32Array.of(0, 2));
    expect(s.count).toBe(2);
    expect(s.columns.parcel_id.values).toEqual(['A', 'C']);
    expect([...(s.columns.area_m2.values as Float64Array)]).toEqual([1, 3]);
    expect([...(s.columns.supply_date.values as Int32Array)]).toEqual([10, 30]);
    expect([...(s.columns.government_delay.values as Uint8Array)]).toEqual([0, 255]);
    expect([...s.shapes!.featureOffsets]).toEqual([0, 1, 2]);
    expect([...s.shapes!.coords.subarray(10)]).toEqual(sq(5));
    expect([...s.points!]).toEqual([0.5, 0.5, 5.5, 0.5]);
  });
});
