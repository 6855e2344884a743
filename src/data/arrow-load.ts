// Replacing a DuckDB table from typed columns through Arrow: staged under another name and
// swapped in only when complete, so a failed load never loses the table the user had.

import { type TypedColumn, columnsToIpc } from './arrow-columns';
import type { Db } from './db';
import { ident, sql } from './sql';

export async function replaceTableFromColumns(db: Db, table: string, columns: Readonly<Record<string, TypedColumn>>): Promise<void> {
  const staging = `${table}__staging`;
  await db.query(sql`DROP TABLE IF EXISTS ${ident(staging)}`);
  await db.insertArrowIpc(staging, columnsToIpc(columns));
  await db.query(sql`DROP TABLE IF EXISTS ${ident(table)}`);
  await db.query(sql`ALTER TABLE ${ident(staging)} RENAME TO ${ident(table)}`);
}
