// A monthly ledger update: added, removed and changed parcels, with the fields that changed.

import { describe, expect, it } from 'vitest';
import { NULL_DAY } from '../../src/data/arrow-columns';
import { diffTables } from '../../src/data/workspace/diff';
import type { TableData } from '../../src/data/workspace/tables';

const t = (ids: string[], start: number[], holder?: (string | null)[]): TableData => ({
  count: ids.length,
  columns: {
    parcel_id: { type: 'string', values: ids },
    actual_start_date: { type: 'date', values: Int32Array.from(start) },
    ...(holder ? { holder: { type: 'string' as const, values: holder } } : {}),
  },
});

describe('diffTables', () => {
  it('lists added, removed and changed parcels with their changed fields', () => {
    const before = t(['A', 'B', 'C'], [NULL_DAY, NULL_DAY, 19000], ['甲', '乙', '丙']);
    const after = t(['C', 'B', 'D'], [19000, 19500, NULL_DAY], ['丙', '乙', '丁']);
    expect(diffTables(before, after)).toEqual({
      added: ['D'],
      removed: ['A'],
      changed: [{ id: 'B', fields: ['actual_start_date'] }],
      unchanged: 1,
    });
  });
  it('does not call a column that is absent before and empty after a change', () => {
    const before = t(['A'], [NULL_DAY]);
    const after = t(['A'], [NULL_DAY], [null]);
    expect(diffTables(before, after).changed).toEqual([]);
    expect(diffTables(before, t(['A'], [NULL_DAY], ['甲'])).changed).toEqual([{ id: 'A', fields: ['holder'] }]);
  });
});
