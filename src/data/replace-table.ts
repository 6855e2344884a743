// Writing a whole table into DuckDB. Rows reach DuckDB as CSV text read by read_csv with
// explicit column types (no sniffing), the one bulk path that works the same in the browser
// and in Node. Loads go to a staging table that replaces the live one only when complete, so
// a failed load never loses what the user already had. Used by the import path
// (import/store.ts) and by analyses that keep their own tables (tracking, warm-up).

import type { FieldSpec, FieldType } from './contract';
import { toCsv } from './csv';
import type { Db } from './db';
import { ident, raw, sql } from './sql';

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
