// Typed columns reach DuckDB through Arrow with their types and empties intact, and a failed
// load leaves the table the user had.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NULL_BOOL, NULL_DAY } from '../../src/data/arrow-columns';
import { replaceTableFromColumns } from '../../src/data/arrow-load';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';

let db: Db & { close(): void };
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(() => db.close());

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

describe('replaceTableFromColumns', () => {
  it('keeps each column’s SQL type and turns the empty markers into NULL', async () => {
    await replaceTableFromColumns(db, 't', {
      id: { type: 'string', values: ['a', null, '=1+1'] },
      v: { type: 'number', values: Float64Array.of(1.5, Number.NaN, -0) },
      d: { type: 'date', values: Int32Array.of(day('2020-02-29'), NULL_DAY, day('1969-12-31')) },
      b: { type: 'boolean', values: Uint8Array.of(1, NULL_BOOL, 0) },
      n: { type: 'integer', values: Int32Array.of(0, 1, 2) },
    });
    const r = rows(
      await db.query(`SELECT id, v, strftime(d, '%Y-%m-%d') AS d, b, n, typeof(v) tv, typeof(d) td, typeof(b) tb, typeof(n) tn FROM t ORDER BY n`),
    );
    expect(r.map(({ id, v, d, b }) => [id, v, d, b])).toEqual([
      ['a', 1.5, '2020-02-29', true],
      [null, null, null, null],
      ['=1+1', -0, '1969-12-31', false],
    ]);
    expect([r[0].tv, r[0].td, r[0].tb, r[0].tn]).toEqual(['DOUBLE', 'DATE', 'BOOLEAN', 'INTEGER']);
  });
  it('leaves the previous table in place when the new columns cannot be loaded', async () => {
    await replaceTableFromColumns(db, 'keep', { id: { type: 'string', values: ['old'] } });
    await expect(
      replaceTableFromColumns(db, 'keep', {
        id: { type: 'string', values: ['x', 'y'] },
        v: { type: 'number', values: Float64Array.of(1) },
      }),
    ).rejects.toThrow();
    expect(rows(await db.query('SELECT id FROM keep'))).toEqual([{ id: 'old' }]);
  });
});
