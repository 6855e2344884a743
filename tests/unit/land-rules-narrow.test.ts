// The narrow findings (integer codes and bit masks) and the parcel_findings view that decodes
// them. The view must equal, column for column and row for row, the wide table the rules wrote
// before (its SQL is kept in helpers/full-findings-sql.ts), on all three demo regions and under
// settings that move every line; the codes must decode to exactly the text they encode; and the
// readers that use the codes directly must agree with the view.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { readDemoFiles } from '../../src/data/demo-files-node';
import { loadRegionFiles } from '../../src/data/import/region';
import { REGIONS } from '../../src/data/regions';
import { ident, inlined, raw, sql } from '../../src/data/sql';
import { REPORT_QUERY, lastStartSql } from '../../src/analysis/land-rules';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS, type RuleSettings } from '../../src/analysis/settings';
import { bitSetSql, codeInSql, decodeSql, maskAnySql, maskTextSql } from '../../src/analysis/findings-codes';
import { DISPOSALS, EXIT_CODES, IDLE_TYPES, INEFFICIENCY_CODES, MISSING_INPUTS, codesIn, maskOf } from '../../src/vocab';
import { EMPTY_FILTER, type ParcelFilter, filterPredicate, filteredFindings } from '../../src/analysis/filters';
import { readFilterMask } from '../../src/analysis/findings-columns';
import { groupSummaries, totalsQuery } from '../../src/analysis/group-summary';
import { fullFindingsQuery } from './helpers/full-findings-sql';

let db: Db & { close(): void };

beforeAll(async () => {
  db = await openNodeDb();
});

afterAll(() => {
  db?.close();
});

const count = async (q: string) => Number(rows<{ n: number }>(await db.query(`SELECT count(*) AS n FROM (${q})`))[0].n);
const columns = async (relation: string) =>
  rows<{ column_name: string; column_type: string }>(await db.query(`DESCRIBE ${relation}`)).map((c) => `${c.column_name} ${c.column_type}`);

const EXTRAS = 'recorded_actual_start_date, recorded_halted_since, supplied_after_as_of';

/**
 * Runs the old wide SQL into old_findings and the rules into the view, then compares both. The
 * wide SQL predates the as-of rules (contract v2), so it is fed the parcels as they stood at the
 * as-of date (events after it emptied) and compared on the parcels supplied by then; parcels
 * supplied later must have no findings at all.
 */
async function compareWithWide(asOf: string, s: RuleSettings): Promise<void> {
  await db.query(`CREATE OR REPLACE TABLE parcels_then AS SELECT * REPLACE (
      CASE WHEN actual_start_date <= DATE '${asOf}' THEN actual_start_date END AS actual_start_date,
      CASE WHEN halted_since <= DATE '${asOf}' THEN halted_since END AS halted_since) FROM parcels`);
  await db.query(inlined(sql`CREATE OR REPLACE TABLE old_findings AS ${fullFindingsQuery(asOf, s, 'parcels_then')} ORDER BY pidx`));
  await runLandRules(db, asOf, s);
  const view = `SELECT * EXCLUDE (${EXTRAS}) FROM parcel_findings`;
  await db.query(`CREATE OR REPLACE TEMP VIEW new_findings AS ${view}`);
  expect(await columns('new_findings')).toEqual(await columns('old_findings'));
  const n = await count('SELECT * FROM old_findings');
  expect(await count('SELECT * FROM new_findings')).toBe(n);
  const supplied = 'WHERE pidx NOT IN (SELECT pidx FROM parcel_findings WHERE supplied_after_as_of)';
  // EXCEPT ALL treats NULLs as equal and compares doubles exactly.
  expect(await count(`SELECT * FROM new_findings ${supplied} EXCEPT ALL SELECT * FROM old_findings ${supplied}`)).toBe(0);
  expect(await count(`SELECT * FROM old_findings ${supplied} EXCEPT ALL SELECT * FROM new_findings ${supplied}`)).toBe(0);
  expect(
    await count(`SELECT * FROM parcel_findings WHERE supplied_after_as_of
      AND (idle_type <> 'none' OR disposal <> 'none' OR exit_reasons <> '' OR inefficiency <> '' OR missing_inputs <> '')`),
  ).toBe(0);
  const oldReport = rows(await db.query(`SELECT parcel_id, idle_type, CAST(idle_days AS INTEGER) AS idle_days, disposal, exit_reasons, inefficiency
    FROM old_findings ${supplied} ORDER BY pidx`));
  const newReport = rows(await db.query(REPORT_QUERY.text.replace('ORDER BY', `${supplied} ORDER BY`)));
  expect(newReport).toEqual(oldReport);
}

// Settings under which more parcels cross the lines: longer idle and recovery periods, the
// stall ratios raised, every efficiency threshold raised.
const MOVED: RuleSettings = {
  ...DEFAULT_SETTINGS,
  idleYears: 2, recoveryYears: 3, stalledDevelopedRatio: 0.5, stalledInvestmentRatio: 0.5,
  idleFeeRate: 0.15, outputTargetRatio: 0.9, minPlotRatio: 1.2, minInvestmentIntensity: 4000, minTaxPerMu: 20,
};

describe('the parcel_findings view equals the wide findings table it replaces', () => {
  for (const r of REGIONS) {
    it(`${r.id}: every column and row, default settings and moved settings, and the report`, async () => {
      const loaded = await loadRegionFiles(db, readDemoFiles(r.id));
      expect(loaded.parcels.count).toBeGreaterThan(100);
      await compareWithWide('2026-06-30', DEFAULT_SETTINGS);
      // A leap day as the as-of date, and the day before it.
      await compareWithWide('2024-02-29', MOVED);
      await compareWithWide('2023-02-28', DEFAULT_SETTINGS);
    });
  }
});

describe('codes and masks decode to the text they encode', () => {
  async function decodeAll(n: number, expr: (v: string) => ReturnType<typeof sql>): Promise<string[]> {
    const q = inlined(sql`SELECT ${expr('v')} AS t FROM (SELECT CAST(range AS INTEGER) AS v FROM range(${raw(String(n))})) ORDER BY v`);
    return rows<{ t: string | null }>(await db.query(q)).map((x) => x.t ?? 'NULL');
  }

  it('idle types and disposals by position, NULL outside the list', async () => {
    expect(await decodeAll(4, (v) => decodeSql(sql`${ident(v)}`, IDLE_TYPES))).toEqual([...IDLE_TYPES, 'NULL']);
    expect(await decodeAll(5, (v) => decodeSql(sql`${ident(v)}`, DISPOSALS))).toEqual([...DISPOSALS, 'NULL']);
  });

  for (const [name, codes] of [['E1–E6', EXIT_CODES], ['L1–L3', INEFFICIENCY_CODES], ['missing inputs', MISSING_INPUTS]] as const) {
    it(`every combination of ${name} round-trips`, async () => {
      const n = 1 << codes.length;
      const text = await decodeAll(n, (v) => maskTextSql(sql`${ident(v)}`, codes));
      for (let m = 0; m < n; m++) {
        const expected = codesIn(codes, m);
        expect(text[m]).toBe(expected.join(';'));
        expect(maskOf(codes, text[m] === '' ? [] : text[m].split(';'))).toBe(m);
      }
      // The single-bit columns of the view (e1…e6, l1…l3) agree with the text.
      for (let i = 0; i < codes.length; i++) {
        const bits = await decodeAll(n, (v) => sql`CAST(${bitSetSql(sql`${ident(v)}`, i)} AS VARCHAR)`);
        expect(bits.map((b, m) => (b === 'true') === codesIn(codes, m).includes(codes[i]))).not.toContain(false);
      }
    });
  }

  it('filters on codes match what the decoded text would; unknown strings match nothing', async () => {
    const kept = async (pred: ReturnType<typeof sql>) =>
      rows<{ v: number }>(await db.query(inlined(sql`SELECT v FROM (SELECT CAST(range AS INTEGER) AS v FROM range(64)) WHERE ${pred} ORDER BY v`))).map((r) => r.v);
    const v = sql`v`;
    expect(await kept(codeInSql(v, DISPOSALS, ['fee', 'negotiate', 'bogus']))).toEqual([1, 3]);
    expect(await kept(codeInSql(v, DISPOSALS, ['bogus']))).toEqual([]);
    const any = await kept(maskAnySql(v, EXIT_CODES, ['E2', 'E6']));
    expect(any).toEqual([...Array(64).keys()].filter((m) => codesIn(EXIT_CODES, m).some((c) => c === 'E2' || c === 'E6')));
    expect(await kept(maskAnySql(v, EXIT_CODES, ['L1']))).toEqual([]);
  });
});

describe('lastStartSql: the last start date whose line is reached by the as-of date', () => {
  it('d + n years <= as-of exactly when d <= the cut, for every as-of day 2019–2029 and n = 1…5', async () => {
    // Around each as-of date minus n years, where the answer changes (leap days included).
    const q = inlined(sql`
WITH a AS (SELECT CAST(d AS DATE) AS as_of, to_years(CAST(n AS INTEGER)) AS iv
  FROM range(DATE '2019-01-01', DATE '2030-01-01', INTERVAL 1 DAY) t(d), range(1, 6) y(n)),
c AS (SELECT as_of, iv, ${lastStartSql(sql`as_of`, sql`iv`)} AS cut FROM a),
d AS (SELECT as_of, iv, cut, CAST(as_of - iv AS DATE) + CAST(k AS INTEGER) AS start FROM c, range(-3, 4) s(k))
SELECT count(*) FILTER (WHERE (start + iv <= as_of) <> (start <= cut)) AS wrong, count(*) AS n FROM d`);
    const [r] = rows<{ wrong: number; n: number }>(await db.query(q));
    expect(r.n).toBeGreaterThan(100_000);
    expect(r.wrong).toBe(0);
  });
});

describe('readers of the narrow codes agree with the decoded view', () => {
  const FILTERS: Partial<ParcelFilter>[] = [
    {},
    { counties: ['宁津县'] },
    { disposals: ['fee', 'recovery'] },
    { idleTypes: ['stalled'], counties: ['乐陵市', '宁津县'] },
    { quality: ['missing'] },
    { supplyYears: [2019, 2020], statuses: ['halted', 'not_started'] },
    { idleTypes: ['no_such_type'] },
  ];

  it('the filter mask and the dashboard figures, for filters on parcels, on findings and on both', async () => {
    await loadRegionFiles(db, readDemoFiles('dezhou'));
    await runLandRules(db, '2026-06-30', DEFAULT_SETTINGS);
    for (const partial of FILTERS) {
      const f = { ...EMPTY_FILTER, ...partial };
      const viaView = rows<{ v: number }>(
        await db.query(sql`SELECT CAST(COALESCE((${filterPredicate(f)}), FALSE) AS INTEGER) AS v FROM parcel_findings ORDER BY pidx`),
      ).map((r) => r.v);
      expect(Array.from(await readFilterMask(db, f)), JSON.stringify(partial)).toEqual(viaView);
      const [totals] = await groupSummaries(db, totalsQuery(f));
      const [byView] = rows<{ parcels: number; idle: number; fee: number; exits: number; missing: number }>(
        await db.query(sql`SELECT CAST(count(*) AS INTEGER) AS parcels,
          CAST(count(*) FILTER (WHERE idle_type <> 'none') AS INTEGER) AS idle,
          CAST(count(*) FILTER (WHERE disposal = 'fee') AS INTEGER) AS fee,
          CAST(count(*) FILTER (WHERE exit_reasons <> '') AS INTEGER) AS exits,
          CAST(count(*) FILTER (WHERE missing_inputs <> '') AS INTEGER) AS missing
          FROM ${filteredFindings(f)}`),
      );
      expect(byView.parcels).toBe(totals?.parcels ?? 0);
      if (totals) {
        expect([totals.idle, totals.fee, totals.exitFlagged, totals.missingInputs]).toEqual([byView.idle, byView.fee, byView.exits, byView.missing]);
      }
    }
    // The fixture must exercise both kinds of filter: some parcels pass, some do not.
    const mask = await readFilterMask(db, { ...EMPTY_FILTER, disposals: ['fee', 'recovery'], counties: ['宁津县'] });
    expect(mask.some((v) => v === 1) && mask.some((v) => v === 0)).toBe(true);
  });

  it('stops instead of pairing parcels with another parcel’s findings when the two are out of step', async () => {
    await loadRegionFiles(db, readDemoFiles('dezhou'));
    await runLandRules(db, '2026-06-30', DEFAULT_SETTINGS);
    await db.query('CREATE OR REPLACE TABLE parcel_findings_narrow AS SELECT * FROM parcel_findings_narrow ORDER BY pidx DESC');
    await expect(groupSummaries(db, totalsQuery(EMPTY_FILTER))).rejects.toThrow(/out of step/);
  });
});
