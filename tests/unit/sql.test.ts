// The `sql` tag: values never enter SQL text, and parameter numbers stay right however
// fragments are nested or joined (checked as text and by DuckDB binding them).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { ident, inList, join, raw, sql } from '../../src/data/sql';

describe('sql tag (text)', () => {
  it('binds values as positional parameters', () => {
    const q = sql`SELECT * FROM t WHERE a = ${'x'} AND b > ${2} AND c = ${true} AND d IS NOT DISTINCT FROM ${null}`;
    expect(q.text).toBe('SELECT * FROM t WHERE a = $1 AND b > $2 AND c = $3 AND d IS NOT DISTINCT FROM $4');
    expect(q.params).toEqual(['x', 2, true, null]);
  });

  it('renumbers parameters of nested fragments after the outer ones', () => {
    const inner = sql`b = ${2} OR c = ${3}`;
    const q = sql`a = ${1} AND (${inner}) AND d = ${4}`;
    expect(q.text).toBe('a = $1 AND (b = $2 OR c = $3) AND d = $4');
    expect(q.params).toEqual([1, 2, 3, 4]);
    // The fragment itself is not changed.
    expect(inner.text).toBe('b = $1 OR c = $2');
  });

  it('renumbers through several levels and reuses a fragment', () => {
    const leaf = sql`x = ${'leaf'}`;
    const mid = sql`(${leaf} OR y = ${'mid'})`;
    const q = sql`${mid} AND ${leaf} AND z = ${'top'} AND ${mid}`;
    expect(q.text).toBe('(x = $1 OR y = $2) AND x = $3 AND z = $4 AND (x = $5 OR y = $6)');
    expect(q.params).toEqual(['leaf', 'mid', 'leaf', 'top', 'leaf', 'mid']);
  });

  it('renumbers two-digit parameters without confusing $1 and $10', () => {
    const ten = sql`${1}${2}${3}${4}${5}${6}${7}${8}${9}${10}`;
    expect(ten.text).toBe('$1$2$3$4$5$6$7$8$9$10');
    const q = sql`${0} ${ten}`;
    expect(q.text).toBe('$1 $2$3$4$5$6$7$8$9$10$11');
    expect(q.params).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('a list of fragments is comma-separated and renumbered', () => {
    const q = sql`SELECT ${'a'}, f(${[sql`${1}`, sql`${2} + ${3}`, sql`k`]})`;
    expect(q.text).toBe('SELECT $1, f($2, $3 + $4, k)');
    expect(q.params).toEqual(['a', 1, 2, 3]);
  });

  it('join renumbers each part and nests correctly', () => {
    const j = join([sql`a = ${1}`, sql`b = ${2}`, sql`TRUE`, sql`c IN (${3}, ${4})`], ' AND ');
    expect(j.text).toBe('a = $1 AND b = $2 AND TRUE AND c IN ($3, $4)');
    expect(j.params).toEqual([1, 2, 3, 4]);
    const q = sql`WHERE x = ${0} AND ${j}`;
    expect(q.text).toBe('WHERE x = $1 AND a = $2 AND b = $3 AND TRUE AND c IN ($4, $5)');
    expect(q.params).toEqual([0, 1, 2, 3, 4]);
    expect(join([], ' AND ')).toEqual({ text: '', params: [] });
  });

  it('inList binds each value; an empty list matches nothing', () => {
    const q = sql`${1} AND ${inList('county', ['宁津县', '始兴县'])}`;
    expect(q.text).toBe('$1 AND "county" IN ($2, $3)');
    expect(q.params).toEqual([1, '宁津县', '始兴县']);
    expect(inList('county', []).text).toBe('FALSE');
  });

  it('ident double-quotes and escapes embedded quotes; empty names throw', () => {
    expect(sql`SELECT ${ident('a"b')} FROM ${ident('t')}`.text).toBe('SELECT "a""b" FROM "t"');
    expect(sql`${ident('x"; DROP TABLE t; --')}`.text).toBe('"x""; DROP TABLE t; --"');
    expect(() => ident('')).toThrow();
  });

  it('raw text is inserted verbatim and takes no parameter', () => {
    const q = sql`SELECT ${raw('count(*)')} FROM t WHERE a = ${1}`;
    expect(q).toEqual({ text: 'SELECT count(*) FROM t WHERE a = $1', params: [1] });
  });

  it('strings that look like SQL stay parameters', () => {
    const q = sql`SELECT ${"'; DROP TABLE parcels; --"}`;
    expect(q.text).toBe('SELECT $1');
    expect(q.params).toEqual(["'; DROP TABLE parcels; --"]);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY])('throws on non-finite number %s', (v) => {
    expect(() => sql`SELECT ${v}`).toThrow(/finite/);
    expect(() => sql`SELECT ${1}, ${v}`).toThrow(/parameter 2/);
  });
});

describe('sql tag (DuckDB binds what it builds)', () => {
  let db: Db & { close(): void };
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(() => db?.close());

  it('nested and joined fragments evaluate to the right values', async () => {
    const cond = join([sql`${2} = 2`, sql`${'b'} = 'b'`], ' AND ');
    const expr = sql`${10} * (${sql`${3} + ${4}`})`;
    const q = sql`SELECT ${1} AS one, ${expr} AS seventy, (${cond}) AS ok, ${'宁津县'} AS county,
      ${[sql`${5}`, sql`${6}`]}, 7 IN (${[sql`${7}`, sql`${8}`]}) AS found, ${0.25} AS quarter`;
    const [r] = rows(await db.query(q));
    expect(r).toMatchObject({ one: 1, seventy: 70, ok: true, county: '宁津县', found: true, quarter: 0.25 });
  });

  it('a quoted identifier round-trips through DuckDB', async () => {
    const [r] = rows(await db.query(sql`SELECT ${42} AS ${ident('we"ird')}`));
    expect(r).toEqual({ 'we"ird': 42 });
  });
});

describe('literal / inlined', () => {
  it('escapes quotes by doubling and keeps doubles exact', async () => {
    const { literal, inlined } = await import('../../src/data/sql');
    expect(literal("O'Brien")).toBe("'O''Brien'");
    expect(literal(null)).toBe('NULL');
    expect(literal(true)).toBe('TRUE');
    expect(() => literal(Number.NaN)).toThrow();
    const q = inlined(sql`SELECT ${1 / 3} = 1.0 / 3 AS exact, ${"a'b"} AS s, ${12} AS n12, ${'$2'} AS d`);
    expect(q.params).toEqual([]);
    const db = await openNodeDb();
    const r = rows<{ exact: boolean; s: string; n12: number; d: string }>(await db.query(q))[0];
    expect(r).toEqual({ exact: true, s: "a'b", n12: 12, d: '$2' });
  });
});
