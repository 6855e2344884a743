// Which tables and columns the database holds, so the site matching can read an imported
// workspace that lacks some of them: an absent table reads as empty and an absent column as
// NULL, and the score that needs it says 无数据 instead of failing or counting it as 0.

import { type Db, rows } from '../data/db';
import { type Query, ident, join, raw, sql } from '../data/sql';

/** `table.column` names present in the database. */
export type Schema = ReadonlySet<string>;

export async function readSchema(db: Db): Promise<Schema> {
  const r = rows<{ t: string; c: string }>(
    await db.query(`SELECT table_name AS t, column_name AS c FROM duckdb_columns() WHERE NOT internal`),
  );
  return new Set(r.map((x) => `${x.t}.${x.c}`));
}

export const hasTable = (schema: Schema, table: string): boolean => [...schema].some((k) => k.startsWith(`${table}.`));
export const hasColumns = (schema: Schema, table: string, columns: readonly string[]): boolean =>
  columns.every((c) => schema.has(`${table}.${c}`));

/** A column as [name, SQL type]. */
export type Col = readonly [string, 'VARCHAR' | 'DOUBLE' | 'BOOLEAN'];

/**
 * SELECT of `columns` from `table`, each column the table lacks as a typed NULL; no rows when
 * the table itself is absent. Names and types come from the code, never from data.
 */
export function tolerantSelect(schema: Schema, table: string, columns: readonly Col[]): Query {
  const present = hasTable(schema, table);
  const list = join(
    columns.map(([c, type]) =>
      present && schema.has(`${table}.${c}`)
        ? sql`CAST(${ident(c)} AS ${raw(type)}) AS ${ident(c)}`
        : sql`CAST(NULL AS ${raw(type)}) AS ${ident(c)}`,
    ),
    ', ',
  );
  return present ? sql`SELECT ${list} FROM ${ident(table)}` : sql`SELECT ${list} WHERE FALSE`;
}
