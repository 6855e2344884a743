// Contract tables in DuckDB. Rows reach DuckDB as CSV text read by read_csv with explicit
// column types (no sniffing), the one bulk path that works the same in the browser and in
// Node. Loads go to a staging table that replaces the live one only when complete, so a
// failed load never loses what the user already had.

import type { FieldSpec, FieldType } from './contract';
import { PARCEL_FIELDS } from './contract';
import { toCsv } from './csv';
import type { Db } from './db';
import type { ParcelBatch } from './import/parcels';
import { ident, raw, sql } from './sql';
import type { Cell } from './import/cells';

const SQL_TYPES: Record<FieldType, string> = {
  string: 'VARCHAR',
  enum: 'VARCHAR',
  number: 'DOUBLE',
  date: 'DATE',
  boolean: 'BOOLEAN',
};

export interface ExtraColumn {
  name: string;
  sqlType: string;
}

function columnsSpec(fields: readonly FieldSpec[], extra: readonly ExtraColumn[]): string {
  const cols = [
    ...fields.map((f) => [f.name, SQL_TYPES[f.type]] as const),
    ...extra.map((c) => [c.name, c.sqlType] as const),
  ];
  return `{${cols.map(([n, t]) => `'${n.replaceAll("'", "''")}': '${t}'`).join(', ')}}`;
}

let fileCounter = 0;

/** Creates (or atomically replaces) `table` from rows given as CSV. */
export async function replaceTableFromCsv(
  db: Db,
  table: string,
  fields: readonly FieldSpec[],
  extra: readonly ExtraColumn[],
  rows: Iterable<readonly unknown[]>,
): Promise<void> {
  const file = `_load_${table}_${++fileCounter}.csv`;
  const header = [...fields.map((f) => f.name), ...extra.map((c) => c.name)];
  await db.registerText(file, toCsv(header, rows));
  const staging = `${table}__staging`;
  try {
    await db.query(sql`CREATE OR REPLACE TABLE ${ident(staging)} AS SELECT * FROM read_csv(${file},
      header = true, auto_detect = false, delim = ',', quote = '"', escape = '"', nullstr = '',
      columns = ${raw(columnsSpec(fields, extra))})`);
    await db.query(sql`DROP TABLE IF EXISTS ${ident(table)}`);
    await db.query(sql`ALTER TABLE ${ident(staging)} RENAME TO ${ident(table)}`);
  } finally {
    await db.dropFile(file);
  }
}

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
