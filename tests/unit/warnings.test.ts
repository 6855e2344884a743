// 闲置预警 on tiny parcel tables whose lines are obvious by hand. The lines are the land rules'
// own (《闲置土地处置办法》第二条、第八条、第十四条; E1/E2 of the investment agreement), so some
// tests run the rules beside the warnings and check they agree on the day a line is crossed.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS, type RuleSettings } from '../../src/analysis/settings';
import { type WarningRow, daysToIdleBin, daysToIdleBins, runWarnings, warningScope } from '../../src/analysis/warnings';
import { DAYS_TO_IDLE_BINS } from '../../src/vocab';
import { type ParcelInput, loadParcels } from './helpers/parcels';

let db: Db & { close(): void };
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(() => db?.close());

async function warn(parcels: ParcelInput[], asOf: string, settings: Partial<RuleSettings> = {}): Promise<WarningRow[]> {
  await loadParcels(db, parcels);
  return runWarnings(db, asOf, { ...DEFAULT_SETTINGS, ...settings });
}

const brief = (r: WarningRow[]) => r.map((w) => `${w.parcel_id} ${w.line} ${w.line_date} ${w.days_left} ${w.action}`);

const NOT_STARTED: ParcelInput = { status: 'not_started', actual_start_date: null };

describe('the window (as_of, as_of + days]', () => {
  const p = { ...NOT_STARTED, agreed_start_date: '2023-06-30' };
  it('includes a line crossed on the window’s last day and leaves out the day after', async () => {
    // One-year line: 2024-06-30. As of 2024-04-01 that is 90 days ahead.
    expect(brief(await warn([p], '2024-04-01'))).toEqual(['P1 becomes_idle 2024-06-30 90 interview']);
    expect(await warn([p], '2024-03-31')).toEqual([]);
    // The window is the setting: 60 days leaves it out, 91 takes it in from a day earlier.
    expect(await warn([p], '2024-04-01', { warningWindowDays: 60 })).toEqual([]);
    expect(brief(await warn([p], '2024-03-31', { warningWindowDays: 91 }))).toEqual(['P1 becomes_idle 2024-06-30 91 interview']);
  });

  it('leaves out a line crossed on the as-of date itself: the rules already report it', async () => {
    expect(await warn([p], '2024-06-30')).toEqual([]);
    expect(brief(await warn([p], '2024-06-29'))).toEqual(['P1 becomes_idle 2024-06-30 1 interview']);
  });
});

describe('29 February', () => {
  it('puts the one-year line of a start on 2024-02-29 where DuckDB puts date + 1 year, and the rules agree', async () => {
    const p = { ...NOT_STARTED, agreed_start_date: '2024-02-29' };
    const [w] = await warn([p], '2025-01-31');
    expect(w).toMatchObject({ line: 'becomes_idle', line_date: '2025-02-28', days_left: 28 });
    // The land rules: not idle the day before the line, idle on it.
    await runLandRules(db, '2025-02-27', DEFAULT_SETTINGS);
    expect(rows<{ idle_type: string }>(await db.query('SELECT idle_type FROM parcel_findings'))[0].idle_type).toBe('none');
    await runLandRules(db, '2025-02-28', DEFAULT_SETTINGS);
    expect(rows<{ idle_type: string }>(await db.query('SELECT idle_type FROM parcel_findings'))[0].idle_type).toBe('not_started');
  });

  it('puts the two-year line of a halt on 2024-02-29 on 2026-02-28', async () => {
    const p = { status: 'halted', actual_start_date: '2023-01-01', halted_since: '2024-02-29', developed_area_m2: 1000, area_m2: 30000 };
    expect(brief(await warn([p], '2026-01-01'))).toEqual(['P1 recovery 2026-02-28 58 notify']);
  });
});

describe('which parcels have which lines', () => {
  it('does not list an idle parcel as becoming idle, but lists its recovery line', async () => {
    const p = { ...NOT_STARTED, agreed_start_date: '2022-05-01' };
    // Idle since 2023-05-01; two years from the clock on 2024-05-01.
    expect(brief(await warn([p], '2024-03-01'))).toEqual(['P1 recovery 2024-05-01 61 notify']);
  });

  it('sends government delay to negotiation, with no recovery line (第八条)', async () => {
    const p = { ...NOT_STARTED, agreed_start_date: '2022-05-01', government_delay: true };
    expect(await warn([p], '2024-03-01')).toEqual([]);
    expect(brief(await warn([p], '2023-03-01'))).toEqual(['P1 becomes_idle 2023-05-01 61 negotiate']);
  });

  it('lists a stall only while the stall ratios hold', async () => {
    const halted = { status: 'halted', actual_start_date: '2023-01-01', halted_since: '2023-05-01', area_m2: 30000 };
    expect(brief(await warn([{ ...halted, developed_area_m2: 5000 }], '2024-04-01'))).toEqual(['P1 becomes_idle 2024-05-01 30 interview']);
    // Developed half the area and invested in full: not idle land, however long the halt.
    expect(await warn([{ ...halted, developed_area_m2: 15000, agreed_investment_wan: 100, actual_investment_wan: 100 }], '2024-04-01')).toEqual([]);
  });

  it('lists E1 the day after the agreed start date and E2 the day after the agreed completion date', async () => {
    const e1 = { ...NOT_STARTED, agreed_start_date: '2024-04-10' };
    const e2 = {
      status: 'under_construction', actual_start_date: '2023-01-01', agreed_completion_date: '2024-04-30',
      agreed_investment_wan: 10000, actual_investment_wan: 4000,
    };
    const done = { ...e2, actual_investment_wan: 10000 };
    expect(brief(await warn([e1, e2, done], '2024-04-01'))).toEqual([
      'P1 E1 2024-04-11 10 urge_start',
      'P2 E2 2024-05-01 30 interview',
    ]);
    // On the agreed start date itself E1 has not fired yet: still one day ahead.
    expect(brief(await warn([e1], '2024-04-10'))).toEqual(['P1 E1 2024-04-11 1 urge_start']);
  });

  it('gives nothing for a parcel supplied after the as-of date', async () => {
    const p = { ...NOT_STARTED, supply_date: '2024-05-01', agreed_start_date: '2024-04-10', agreed_completion_date: '2024-04-20', agreed_investment_wan: 1, actual_investment_wan: 0 };
    expect(await warn([p], '2024-04-01')).toEqual([]);
  });

  it('treats a start dated after the as-of date as not yet happened', async () => {
    const p = { status: 'under_construction', agreed_start_date: '2023-05-01', actual_start_date: '2024-06-01' };
    expect(brief(await warn([p], '2024-04-01'))).toEqual(['P1 becomes_idle 2024-05-01 30 interview']);
    expect(await warn([{ ...p, actual_start_date: '2024-03-01' }], '2024-04-01')).toEqual([]);
  });

  it('follows the idle and recovery periods of the settings', async () => {
    const p = { ...NOT_STARTED, agreed_start_date: '2022-05-01' };
    expect(brief(await warn([p], '2024-04-01', { idleYears: 2, recoveryYears: 3 }))).toEqual(['P1 becomes_idle 2024-05-01 30 interview']);
  });

  it('sorts by date, then line, then parcel', async () => {
    const a = { ...NOT_STARTED, agreed_start_date: '2023-05-20' };
    const b = { ...NOT_STARTED, agreed_start_date: '2024-05-01' };
    const c = { ...NOT_STARTED, agreed_start_date: '2023-05-01' };
    expect(brief(await warn([a, b, c], '2024-04-01')).map((x) => x.split(' ').slice(0, 3).join(' '))).toEqual([
      'P3 becomes_idle 2024-05-01',
      'P2 E1 2024-05-02',
      'P1 becomes_idle 2024-05-20',
    ]);
  });

  it('keeps the counties and parks chosen on the map, and nothing else of the filter', async () => {
    const a = { ...NOT_STARTED, agreed_start_date: '2023-05-20', county: '宁津县', park_id: 'K1' };
    const b = { ...NOT_STARTED, agreed_start_date: '2023-05-01', county: '乐陵市', park_id: 'K2' };
    const c = { ...NOT_STARTED, agreed_start_date: '2023-05-10', county: '宁津县', park_id: 'K3' };
    await loadParcels(db, [a, b, c]);
    const ids = async (f: { counties: string[]; parkIds: string[] }) =>
      [...new Set((await runWarnings(db, '2024-04-01', DEFAULT_SETTINGS, 'parcels', warningScope(f))).map((w) => w.parcel_id))].sort();
    expect(await ids({ counties: [], parkIds: [] })).toEqual(['P1', 'P2', 'P3']);
    expect(await ids({ counties: ['宁津县'], parkIds: [] })).toEqual(['P1', 'P3']);
    expect(await ids({ counties: ['宁津县'], parkIds: ['K3'] })).toEqual(['P3']);
  });
});

describe('days until idle', () => {
  it('bins by the 30/60/90 edges', () => {
    expect([30, 31, 60, 61, 90, 91].map((d) => daysToIdleBin(d, false))).toEqual(['within_30', 'within_60', 'within_60', 'within_90', 'within_90', 'later']);
    expect(daysToIdleBin(null, false)).toBe('none');
    expect(daysToIdleBin(-3, true)).toBe('idle');
  });

  it('codes each parcel: coming, idle, started', async () => {
    await loadParcels(db, [
      { ...NOT_STARTED, agreed_start_date: '2023-05-01' },
      { ...NOT_STARTED, agreed_start_date: '2022-05-01' },
      { status: 'producing', actual_start_date: '2020-01-01' },
      { ...NOT_STARTED, agreed_start_date: '2024-01-01' },
    ]);
    const codes = await daysToIdleBins(db, '2024-04-01', DEFAULT_SETTINGS);
    expect([...codes].map((c) => DAYS_TO_IDLE_BINS[c - 1])).toEqual(['within_30', 'idle', 'none', 'later']);
  });
});
