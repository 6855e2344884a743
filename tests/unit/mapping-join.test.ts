// Joining shapes (registry GIS) and attributes (supervision ledger) by the key the user picks.

import { describe, expect, it } from 'vitest';
import type { MappedTable } from '../../src/data/mapping/apply';
import { joinShapes } from '../../src/data/mapping/join';

function table(file: string, ids: (string | null)[], extra: MappedTable['columns'] = {}): MappedTable {
  return {
    table: 'parcels',
    file,
    count: ids.length,
    columns: { parcel_id: { type: 'string', values: ids }, ...extra },
    rawIndex: Int32Array.from(ids, (_, i) => i),
    sourceRows: Int32Array.from(ids, (_, i) => i + 2),
    issues: [],
    skippedRows: [],
  };
}

describe('joinShapes', () => {
  const ledger = table('台账.xlsx', ['NJ-001', 'nj-002', 'NJ-003'], { holder: { type: 'string', values: ['甲', '乙', '丙'] } });
  const shapes = table('宗地.zip/宗地.dbf', ['ＮＪ－００２', 'NJ-001', 'NJ-009'], { area_m2: { type: 'number', values: Float64Array.of(200, 100, 900) } });
  const j = joinShapes(ledger, shapes);

  it('pairs each ledger row with its shape, whatever the width or case of the key', () => {
    expect(Array.from(j.shapeRow)).toEqual([1, 0, -1]);
  });
  it('lists parcels found on one side only, with file and row', () => {
    expect(j.ledgerOnly).toEqual([{ key: 'NJ-003', row: 4 }]);
    expect(j.shapesOnly).toEqual([{ key: 'NJ-009', row: 4 }]);
    expect(j.issues.map((i) => `${i.file}:${i.row}:${i.code}`)).toEqual(['台账.xlsx:4:join.no_shape', '宗地.zip/宗地.dbf:4:join.no_ledger']);
  });
  it('fills fields the ledger lacks from the shapes file, leaving the ledger’s own', () => {
    const area = j.table.columns.area_m2;
    expect(area.type === 'number' && Array.from(area.values)).toEqual([100, 200, Number.NaN]);
    expect(j.table.columns.holder.values).toEqual(['甲', '乙', '丙']);
  });
  it('refuses a key that names two shapes', () => {
    const k = joinShapes(ledger, table('s.geojson', ['NJ-001', 'nj-001']));
    expect(k.issues.filter((i) => i.level === 'error').map((i) => `${i.row}:${i.code}`)).toEqual(['3:join.duplicate_shape']);
  });
});
