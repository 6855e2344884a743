// The one home of the 亩 conversion: the TypeScript and SQL forms give the same numbers, and
// the SQL fragment composes with bound parameters like any other fragment.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { sql } from '../../src/data/sql';
import { M2_PER_MU, haSql, m2ToMu, muSql } from '../../src/vocab';

let db: Db & { close(): void };
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(() => db?.close());

describe('m² → 亩', () => {
  it('is 15/10000: 6,000 m² = 9 亩, 10,000 m² = 15 亩', () => {
    expect(m2ToMu(6000)).toBe(9);
    expect(m2ToMu(10000)).toBe(15);
    expect(m2ToMu(M2_PER_MU)).toBeCloseTo(1, 12);
  });

  it('gives the same double in DuckDB as in TypeScript', async () => {
    for (const m2 of [0, 1, 6000, 6666.67, 30000.5, 123456.789]) {
      const q = sql`SELECT ${muSql(sql`CAST(${m2} AS DOUBLE)`)} AS mu`;
      expect([m2, rows<{ mu: number }>(await db.query(q))[0].mu]).toEqual([m2, m2ToMu(m2)]);
    }
  });

  it('keeps the parameters of the expression it wraps in order, and converts the whole expression', async () => {
    // (1000 + 5000) m² = 9 亩; a parameter before and after the fragment keeps its place.
    const q = sql`SELECT ${'a'} AS before, ${muSql(sql`${1000} + ${5000}`)} AS mu, ${haSql(sql`${20000}`)} AS ha, ${'z'} AS after`;
    expect(rows(await db.query(q))[0]).toEqual({ before: 'a', mu: 9, ha: 2, after: 'z' });
  });
});
