// The report on the native engine (@duckdb/node-api, src/data/duckdb-native.ts) is byte for byte
// the report on DuckDB-WASM, the browser's engine: the same SQL, and the adapter turns the
// native results into what DuckDB-WASM returns (BIGINT and DECIMAL as doubles, DATE as days,
// lists as Arrow lists). Checked on the three demo regions and on generated edge cases: leap
// days, as-of dates exactly one and two years on, missing values, government delay, every
// status, dates after the as-of date, formula-like text and extreme numbers.

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { rows } from '../../src/data/db';
import { openNativeDb } from '../../src/data/duckdb-native';
import { openNodeDb } from '../../src/data/duckdb-node';
import { parcelsCsv } from './helpers/parcels';
import { type ReportRun, report, tempFiles } from './helpers/report-run';

const files = tempFiles('parkatlas-report-parity-');
afterAll(files.done);

interface Outputs {
  run: ReportRun;
  csv: string;
  geojson: string | null;
}

async function both(args: string[], geojson: boolean): Promise<[Outputs, Outputs]> {
  const out: Outputs[] = [];
  for (const engine of ['wasm', 'native']) {
    const csv = files.temp(`${engine}.csv`);
    const gj = geojson ? files.temp(`${engine}.geojson`) : null;
    const run = await report([...args, '--out', csv, ...(gj ? ['--geojson', gj] : []), '--engine', engine]);
    // The summary names the output files; everything else in it must agree.
    run.stdout = run.stdout.replaceAll(csv, 'OUT').replaceAll(gj ?? '\0', 'GEOJSON');
    out.push({ run, csv: run.code === 0 ? readFileSync(csv, 'utf8') : '', geojson: gj && run.code === 0 ? readFileSync(gj, 'utf8') : null });
  }
  return [out[0], out[1]];
}

const EDGE = parcelsCsv([
  // Leap day: + 1 year is 2021-02-28 in DuckDB, so at 2021-02-28 the parcel is just idle.
  { agreed_start_date: '2020-02-29', status: 'not_started', land_price_wan: 1000 },
  { actual_start_date: '2019-05-01', halted_since: '2020-02-29', developed_area_m2: 100, status: 'halted', land_price_wan: 333.3 },
  // Government delay: negotiated disposal whatever the length.
  { agreed_start_date: '2018-01-01', status: 'not_started', government_delay: 'true' },
  { actual_start_date: '2018-01-01', halted_since: '2019-01-01', developed_area_m2: 0, status: 'halted', government_delay: '是' },
  // Every status, one each.
  { status: 'under_construction', actual_start_date: '2019-01-01', agreed_completion_date: '2020-01-01', agreed_investment_wan: 5000, actual_investment_wan: 4999.99 },
  { status: 'built_no_production', floor_area_m2: 100, actual_investment_wan: 1, annual_tax_wan: 0 },
  { status: 'producing', agreed_annual_output_wan: 1e15, annual_output_wan: 0.1 + 0.2, annual_tax_wan: 1e-9, floor_area_m2: 24000 },
  // Missing values: the rules that need them do not fire.
  { county: null, land_use: null, status: null, area_m2: 1 },
  { agreed_start_date: null, actual_start_date: null, halted_since: '2020-01-01', status: 'halted' },
  // Dated events after the as-of date have not happened yet.
  { supply_date: '2030-01-01', agreed_start_date: '2030-06-01', status: 'not_started' },
  { agreed_start_date: '2019-01-01', actual_start_date: '2029-01-01', status: 'under_construction' },
  // Text a spreadsheet would run, and ids that look like numbers.
  { parcel_id: '=1+2', holder: '@SUM(A1)', agreed_start_date: '2019-02-28', status: 'not_started' },
  { parcel_id: '-0012', policy_compliant: '否', other_breach: '是' },
  { parcel_id: '+86', area_m2: 123456789.123, land_price_wan: 0.01, agreed_start_date: '2000-01-01', status: 'not_started' },
]);

describe('native and WebAssembly engines give byte-identical reports', { timeout: 300_000 }, () => {
  for (const region of ['dezhou', 'shaoguan', 'lanzhou']) {
    it(`${region} demo: CSV, GeoJSON and summary`, async () => {
      const [wasm, native] = await both(['--parcels', `data/demo/${region}/parcels.geojson`, '--as-of', '2026-06-30'], true);
      expect(wasm.run.code).toBe(0);
      expect(native.run.code).toBe(0);
      expect(wasm.csv.split('\n').length).toBeGreaterThan(1000);
      expect(native.csv).toBe(wasm.csv);
      expect(native.geojson).toBe(wasm.geojson);
      expect(native.run.stdout).toBe(wasm.run.stdout);
      expect(native.run.stderr).toBe(wasm.run.stderr);
    });
  }

  for (const asOf of ['2021-02-27', '2021-02-28', '2022-02-28', '2026-06-30']) {
    it(`edge cases at ${asOf}`, async () => {
      const input = files.temp('edge.csv', EDGE);
      const [wasm, native] = await both(['--parcels', input, '--as-of', asOf], false);
      expect(wasm.run.code).toBe(0);
      expect(native.csv).toBe(wasm.csv);
      expect(native.run.stdout).toBe(wasm.run.stdout);
      expect(native.run.stderr).toBe(wasm.run.stderr);
    });
  }

  it('the leap-day parcel turns idle exactly at 2021-02-28 on both engines', async () => {
    const input = files.temp('leap.csv', EDGE);
    const [before] = await both(['--parcels', input, '--as-of', '2021-02-27'], false);
    const [at] = await both(['--parcels', input, '--as-of', '2021-02-28'], false);
    expect(before.csv.split('\n')[1]).toBe('P1,none,0,none,E1,');
    expect(at.csv.split('\n')[1]).toBe('P1,not_started,365,fee,E1,');
  });

  it('result values read the same: BIGINT, DECIMAL, DATE, lists, booleans and NULLs', async () => {
    const q = `SELECT 9007199254740993::BIGINT AS big, 12.345::DECIMAL(10,3) AS dec, DATE '2020-02-29' AS d,
      DATE '1969-12-31' AS before_epoch, [1.5, 2.5]::DOUBLE[] AS xy, true AS yes, NULL::INTEGER AS none,
      CAST(count(*) AS INTEGER) AS n, 'x''y' AS s FROM range(3)`;
    const wasm = await openNodeDb();
    const native = await openNativeDb();
    try {
      // Through JSON: the two engines load different builds of apache-arrow (CommonJS for the
      // WebAssembly one), whose value classes differ while their contents must not.
      const plain = (t: Awaited<ReturnType<typeof wasm.query>>) => JSON.parse(JSON.stringify(rows(t))) as unknown;
      const got = plain(await native.query(q));
      expect(got).toEqual(plain(await wasm.query(q)));
      expect(got).toEqual([{ big: 9007199254740992, dec: '"12345"', d: 1582934400000, before_epoch: -86400000, xy: [1.5, 2.5], yes: true, none: null, n: 3, s: "x'y" }]);
    } finally {
      wasm.close();
      native.close();
    }
  });
});
