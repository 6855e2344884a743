// Idle land over time: the per-parcel idle intervals must give, at any date, exactly the map
// category the land rules give with that date as as-of (data contract v2, as-of rules), on tiny
// tables with obvious answers and on every demo region at many dates; the chart's sums per
// period and county must be exact.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { readDemoFiles } from '../../src/data/demo-files-node';
import { loadRegionFiles } from '../../src/data/import/region';
import { REGIONS } from '../../src/data/regions';
import { inlined } from '../../src/data/sql';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { readCategories } from '../../src/analysis/findings-columns';
import { DEFAULT_SETTINGS, type RuleSettings } from '../../src/analysis/settings';
import { IDLE_CATEGORY } from '../../src/analysis/land-rules';
import { categoriesAt, createIntervalsStatement, dayOf, isoOfDay, readIntervals } from '../../src/analysis/idle-intervals';
import { firstDataYear, timelineDates, timelineSeries } from '../../src/analysis/idle-series';
import { loadTracking } from '../../src/analysis/tracking-summary';
import type { TrackingRecord } from '../../src/data/tracking';
import { type ParcelInput, loadParcels } from './helpers/parcels';

let db: Db & { close(): void };

beforeAll(async () => {
  db = await openNodeDb();
});

afterAll(() => {
  db?.close();
});

async function intervals(s: RuleSettings = DEFAULT_SETTINGS) {
  await db.query(inlined(createIntervalsStatement(s)));
  return readIntervals(db);
}

/** The rules' categories at `asOf` and the intervals' at the same day, both by pidx. */
async function both(asOf: string, s: RuleSettings = DEFAULT_SETTINGS) {
  const iv = await intervals(s);
  await runLandRules(db, asOf, s);
  return { rules: Array.from(await readCategories(db)), fast: Array.from(categoriesAt(iv, dayOf(asOf))) };
}

const { none, fee, recovery, negotiate } = IDLE_CATEGORY;

describe('idle intervals against the land rules on tiny tables', () => {
  it('a parcel that started on 2024-03-01 is idle at 2023-06-30 and not at 2024-06-30', async () => {
    await loadParcels(db, [{ agreed_start_date: '2021-06-01', actual_start_date: '2024-03-01', status: 'under_construction' }]);
    for (const [d, want] of [
      ['2023-06-30', recovery],
      ['2024-02-29', recovery],
      ['2024-03-01', none],
      ['2024-06-30', none],
    ] as const) {
      const { rules, fast } = await both(d);
      expect(rules).toEqual([want]);
      expect(fast).toEqual([want]);
    }
  });

  it('a parcel supplied in 2022 has no findings in 2021, though its agreed start was long past', async () => {
    await loadParcels(db, [{ supply_date: '2022-05-10', agreed_start_date: '2018-01-01', status: 'not_started' }]);
    for (const [d, want] of [
      ['2021-12-31', none],
      ['2022-05-09', none],
      ['2022-05-10', recovery],
    ] as const) {
      const { rules, fast } = await both(d);
      expect(rules).toEqual([want]);
      expect(fast).toEqual([want]);
    }
  });

  it('boundary days: the one-year and two-year lines, a leap day start, a halt, a government delay', async () => {
    const parcels: ParcelInput[] = [
      // Not started: fee from 2021-03-01, recovery from 2022-03-01.
      { agreed_start_date: '2020-03-01', status: 'not_started' },
      // Leap day: + 1 year is 2021-02-28 in DuckDB's arithmetic, as in the rules.
      { agreed_start_date: '2020-02-29', status: 'not_started' },
      // Stalled: started, halted 2021-07-15 with little developed; idle from 2022-07-15.
      { agreed_start_date: '2020-01-01', actual_start_date: '2020-06-01', halted_since: '2021-07-15', developed_area_m2: 1000, status: 'under_construction' },
      // Halted but well developed: never idle.
      { agreed_start_date: '2020-01-01', actual_start_date: '2020-06-01', halted_since: '2021-07-15', developed_area_m2: 29000, actual_investment_wan: 9000, agreed_investment_wan: 10000, status: 'under_construction' },
      // Government delay: negotiated from the one-year line on.
      { agreed_start_date: '2020-03-01', government_delay: true, status: 'not_started' },
      // Started late, then halted: idle not started, then not idle, then stalled.
      { agreed_start_date: '2019-01-01', actual_start_date: '2020-07-01', halted_since: '2020-10-01', developed_area_m2: 100, status: 'under_construction' },
    ];
    await loadParcels(db, parcels);
    const days = [
      '2020-12-31', '2021-02-27', '2021-02-28', '2021-03-01', '2021-06-30', '2022-02-28', '2022-03-01', '2022-07-14',
      '2022-07-15', '2023-07-14', '2023-07-15', '2020-01-01', '2020-06-30', '2020-07-01', '2021-09-30', '2021-10-01', '2024-02-29',
    ];
    const seen: number[][] = [];
    for (const d of days) {
      const { rules, fast } = await both(d);
      expect(fast, d).toEqual(rules);
      seen.push(fast);
    }
    // The answers by hand at a few of those days.
    const at = (d: string) => seen[days.indexOf(d)];
    expect(at('2021-02-27')).toEqual([none, none, none, none, none, none]);
    expect(at('2021-02-28')).toEqual([none, fee, none, none, none, none]);
    expect(at('2021-03-01')).toEqual([fee, fee, none, none, negotiate, none]);
    expect(at('2020-06-30')).toEqual([none, none, none, none, none, fee]);
    expect(at('2020-07-01')).toEqual([none, none, none, none, none, none]);
    expect(at('2021-10-01')).toEqual([fee, fee, none, none, negotiate, fee]);
    expect(at('2022-07-15')).toEqual([recovery, recovery, fee, none, negotiate, fee]);
    expect(at('2023-07-15')).toEqual([recovery, recovery, recovery, none, negotiate, recovery]);
  });

  it('follows the settings: three idle years and four recovery years', async () => {
    await loadParcels(db, [{ agreed_start_date: '2020-03-01', status: 'not_started' }]);
    const s = { ...DEFAULT_SETTINGS, idleYears: 3, recoveryYears: 4 };
    for (const [d, want] of [
      ['2023-02-28', none],
      ['2023-03-01', fee],
      ['2024-02-29', fee],
      ['2024-03-01', recovery],
    ] as const) {
      const { rules, fast } = await both(d, s);
      expect(rules).toEqual([want]);
      expect(fast).toEqual([want]);
    }
  });
});

describe('idle intervals against the land rules on the demo regions', () => {
  for (const r of REGIONS) {
    it(`${r.id}: parcel by parcel at quarter ends and odd days`, async () => {
      await loadRegionFiles(db, readDemoFiles(r.id));
      const iv = await intervals();
      const dates = ['2016-03-31', '2018-12-31', '2020-02-29', '2021-03-01', '2022-06-30', '2023-09-30', '2024-02-29', '2025-12-31', '2026-06-30'];
      let idleSomewhere = 0;
      for (const d of dates) {
        await runLandRules(db, d, DEFAULT_SETTINGS);
        const rules = await readCategories(db);
        const fast = categoriesAt(iv, dayOf(d));
        const differing: number[] = [];
        for (let p = 0; p < rules.length; p++) if (rules[p] !== fast[p]) differing.push(p);
        expect(differing, d).toEqual([]);
        idleSomewhere += fast.filter((c) => c !== none).length;
      }
      // The comparison means something only if parcels are idle at some of those dates.
      expect(idleSomewhere).toBeGreaterThan(10);
    });
  }
});

describe('the time bar dates and the chart series', () => {
  it('quarter ends from the first year to the as-of date, which ends the bar', () => {
    expect(timelineDates(2025, '2026-05-15')).toEqual(['2025-03-31', '2025-06-30', '2025-09-30', '2025-12-31', '2026-03-31', '2026-05-15']);
    expect(timelineDates(2026, '2026-06-30')).toEqual(['2026-03-31', '2026-06-30']);
    expect(isoOfDay(dayOf('2024-02-29'))).toBe('2024-02-29');
  });

  it('idle and 盘活 area per period per county, exact on a tiny table', async () => {
    await loadParcels(db, [
      // A: idle (not started) from 2021-03-01 until it starts on 2022-05-01.
      { parcel_id: 'A', county: '宁津县', area_m2: 1000, agreed_start_date: '2020-03-01', actual_start_date: '2022-05-01', status: 'under_construction' },
      // B: idle from 2021-01-01 on.
      { parcel_id: 'B', county: '宁津县', area_m2: 2000, agreed_start_date: '2020-01-01', status: 'not_started' },
      // C: other county, idle from 2021-12-31 on.
      { parcel_id: 'C', county: '乐陵市', area_m2: 400, agreed_start_date: '2020-12-31', status: 'not_started' },
      // D: never idle.
      { parcel_id: 'D', county: '乐陵市', area_m2: 5000, actual_start_date: '2019-01-01', status: 'producing' },
    ]);
    await db.query(inlined(createIntervalsStatement(DEFAULT_SETTINGS)));
    const rec = (parcel_id: string, stage: TrackingRecord['stage'], date: string, id: string): TrackingRecord => ({
      id, region: 'x', parcel_id, stage, date, person: '张三', note: '', recorded_at: '2026-01-01T00:00:00Z',
    });
    await loadTracking(db, [
      rec('B', 'interviewed', '2021-05-01', '1'),
      // B: recovered in Q3 2021 and re-let in 2022: counted once, in Q3 2021.
      rec('B', 'recovered', '2021-08-15', '2'),
      rec('B', 'revitalised', '2022-02-01', '3'),
      // C: on the quarter's last day: that quarter.
      rec('C', 'revitalised', '2021-12-31', '4'),
      // Unknown parcel: no area, left out.
      rec('Z', 'revitalised', '2021-08-01', '5'),
      // After the last stop: left out.
      rec('D', 'revitalised', '2022-07-01', '6'),
    ]);
    const dates = timelineDates(2021, '2022-06-30');
    expect(dates).toEqual(['2021-03-31', '2021-06-30', '2021-09-30', '2021-12-31', '2022-03-31', '2022-06-30']);
    const s = await timelineSeries(db, dates);
    expect(Array.from(s.idle.get('宁津县')!)).toEqual([3000, 3000, 3000, 3000, 3000, 2000]);
    expect(Array.from(s.idle.get('乐陵市')!)).toEqual([0, 0, 0, 400, 400, 400]);
    expect(Array.from(s.idle.get('')!)).toEqual([3000, 3000, 3000, 3400, 3400, 2400]);
    expect(Array.from(s.revitalised.get('宁津县')!)).toEqual([0, 0, 2000, 0, 0, 0]);
    expect(Array.from(s.revitalised.get('乐陵市')!)).toEqual([0, 0, 0, 400, 0, 0]);
    expect(s.revitalised.has('')).toBe(true);
    expect(Array.from(s.revitalised.get('')!)).toEqual([0, 0, 2000, 400, 0, 0]);
    expect(await firstDataYear(db)).toBe(2020);
  });
});
