// Validated batches into DuckDB: parcels (attributes and outer rings) and the other contract
// tables. Each table is replaced atomically (replace-table.ts).

import type { FieldSpec } from '../contract';
import { PARCEL_FIELDS } from '../contract';
import type { Db } from '../db';
import { type ExtraColumn, replaceTableFromCsv } from '../replace-table';
import type { Cell } from './cells';
import type { ParcelBatch } from './parcels';

function* cellsWith(rows: readonly Cell[][], extra: (i: number) => unknown[]): Iterable<unknown[]> {
  for (let i = 0; i < rows.length; i++) yield [...rows[i], ...extra(i)];
}

/** Loads a validated parcel batch into `parcels` and `parcel_shapes`. */
export async function loadParcelBatch(db: Db, batch: ParcelBatch): Promise<void> {
  const num = (v: number) => (Number.isFinite(v) ? v : null);
  await replaceTableFromCsv(
    db,
    'parcels',
    PARCEL_FIELDS,
    [
      { name: 'pidx', sqlType: 'INTEGER' },
      { name: 'cx', sqlType: 'DOUBLE' },
      { name: 'cy', sqlType: 'DOUBLE' },
      { name: 'area_from_geometry', sqlType: 'BOOLEAN' },
    ],
    cellsWith(batch.rows, (i) => [i, num(batch.cx[i]), num(batch.cy[i]), batch.areaFromGeometry[i] === 1]),
  );
  await replaceTableFromCsv(
    db,
    'parcel_shapes',
    [],
    [
      { name: 'pidx', sqlType: 'INTEGER' },
      { name: 'xy', sqlType: 'DOUBLE[]' },
    ],
    (function* () {
      for (const r of batch.rings) yield [r.pidx, `[${r.xy.join(',')}]`];
    })(),
  );
}

/** Loads plain contract rows (parks, enterprises, chains) into a table. */
export async function loadRows(
  db: Db,
  table: string,
  fields: readonly FieldSpec[],
  rows: readonly Cell[][],
  extra: readonly ExtraColumn[] = [],
  extraValues: (i: number) => unknown[] = () => [],
): Promise<void> {
  await replaceTableFromCsv(db, table, fields, extra, cellsWith(rows, extraValues));
}
