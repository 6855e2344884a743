// Tiny enterprise and park tables for the 亩均 and export tests; each test states only the
// fields it reads.

import { ENTERPRISE_FIELDS, PARK_FIELDS } from '../../../src/data/contract';
import type { Db } from '../../../src/data/db';
import { loadRows } from '../../../src/data/import/store';
import type { Cell } from '../../../src/data/import/cells';

export type EnterpriseInput = Partial<Record<(typeof ENTERPRISE_FIELDS)[number]['name'], Cell>>;
export type ParkInput = Partial<Record<(typeof PARK_FIELDS)[number]['name'], Cell>>;

export async function loadEnterprises(db: Db, list: EnterpriseInput[]): Promise<void> {
  await loadRows(
    db,
    'enterprises',
    ENTERPRISE_FIELDS,
    list.map((e, i) => {
      const row: EnterpriseInput = { enterprise_id: `E${i + 1}`, name: `企业${i + 1}`, county: '宁津县', ...e };
      return ENTERPRISE_FIELDS.map((f) => row[f.name as keyof EnterpriseInput] ?? null);
    }),
  );
}

export async function loadParks(db: Db, list: ParkInput[]): Promise<void> {
  await loadRows(
    db,
    'parks',
    PARK_FIELDS,
    list.map((p, i) => {
      const row: ParkInput = { park_id: `K${i + 1}`, name: `园区${i + 1}`, county: '宁津县', level: 'provincial', ...p };
      return PARK_FIELDS.map((f) => row[f.name as keyof ParkInput] ?? null);
    }),
    // The label point the workspace loader adds (unknown here), as the app's parks table has it.
    [
      { name: 'cx', sqlType: 'DOUBLE' },
      { name: 'cy', sqlType: 'DOUBLE' },
    ],
    () => [null, null],
  );
}
