// Tiny parcel tables for rule tests: every field defaults to a harmless value, so each test
// states only the inputs its rule reads.

import { PARCEL_FIELDS } from '../../../src/data/contract';
import { toCsv } from '../../../src/data/csv';
import type { Db } from '../../../src/data/db';
import { importParcels } from '../../../src/data/import/parcels';
import { loadParcelBatch } from '../../../src/data/import/store';

export type ParcelInput = Partial<Record<(typeof PARCEL_FIELDS)[number]['name'], string | number | boolean | null>>;

const DEFAULTS: ParcelInput = {
  county: '宁津县',
  land_use: 'industrial',
  area_m2: 30000,
  status: 'producing',
};

export function parcelsCsv(parcels: ParcelInput[]): string {
  return toCsv(
    PARCEL_FIELDS.map((f) => f.name),
    parcels.map((p, i) => {
      const row: ParcelInput = { parcel_id: `P${i + 1}`, ...DEFAULTS, ...p };
      return PARCEL_FIELDS.map((f) => row[f.name as keyof ParcelInput] ?? null);
    }),
  );
}

export async function loadParcels(db: Db, parcels: ParcelInput[]): Promise<void> {
  const r = importParcels('test.csv', parcelsCsv(parcels));
  if (!r.ok) throw new Error(r.issues.map((i) => `${i.row} ${i.field} ${i.message}`).join('\n'));
  await loadParcelBatch(db, r.batch);
}
