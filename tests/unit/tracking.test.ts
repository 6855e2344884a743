// Revitalisation tracking: validation of new records (Chinese messages), history order in the
// store, and the DuckDB figures — parcels and 亩 by latest stage, “revitalised this year”.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../src/analysis/filters';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import {
  latestTrackingQuery,
  loadTracking,
  parcelTrackingStageQuery,
  revitalisedThisYear,
  trackingStageCounts,
} from '../../src/analysis/tracking-summary';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { sql } from '../../src/data/sql';
import {
  MemoryTrackingStore,
  type TrackingInput,
  type TrackingRecord,
  latestRecord,
  newTrackingRecord,
} from '../../src/data/tracking';
import { loadParcels } from './helpers/parcels';

const NOW = new Date('2024-06-01T08:00:00Z');
const ok = (input: Partial<TrackingInput>, now = NOW): TrackingRecord => {
  const r = newTrackingRecord({ region: 'dezhou', parcel_id: 'P1', stage: 'to_verify', date: '2024-01-10', person: '张三', ...input }, now);
  if (!r.ok) throw new Error(r.errors.join('; '));
  return r.record;
};

describe('newTrackingRecord', () => {
  it('completes a valid record with an id and the entry time; trims text', () => {
    const r = ok({ person: ' 张三 ', note: ' 已电话联系 ' });
    expect(r).toMatchObject({
      region: 'dezhou', parcel_id: 'P1', stage: 'to_verify', date: '2024-01-10', person: '张三', note: '已电话联系',
      recorded_at: '2024-06-01T08:00:00.000Z',
    });
    expect(r.id).toMatch(/\S{8,}/);
    expect(ok({}).id).not.toBe(r.id);
  });

  it('reports every problem in Chinese', () => {
    const r = newTrackingRecord({ region: '', parcel_id: ' ', stage: 'done', date: '2024-02-30', person: '' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      '缺少地区',
      '缺少宗地编号',
      '阶段 “done” 无效，应为：待核查、已约谈、限期整改、已收回、已盘活',
      '日期 “2024-02-30” 无效，应为 YYYY-MM-DD 格式的有效日期',
      '经办人不能为空',
    ]);
  });

  it('accepts only strict ISO dates', () => {
    for (const date of ['2024/01/10', '2024-1-10', '20240110', '']) {
      const r = newTrackingRecord({ region: 'dezhou', parcel_id: 'P1', stage: 'interviewed', date, person: '李四' });
      expect(r.ok, date).toBe(false);
    }
    expect(ok({ date: '2024-02-29' }).date).toBe('2024-02-29');
  });

  it('reports in the UI language, naming the stages by their labels', () => {
    const zh = newTrackingRecord({ region: 'd', parcel_id: 'P1', stage: 'done', date: '2024-01-01', person: 'x' });
    const en = newTrackingRecord({ region: 'd', parcel_id: 'P1', stage: 'done', date: '2024-01-01', person: '' }, NOW, 'en');
    expect(zh.ok ? [] : zh.errors).toEqual(['阶段 “done” 无效，应为：待核查、已约谈、限期整改、已收回、已盘活']);
    expect(en.ok ? [] : en.errors).toEqual([
      'Stage “done” is not valid; expected one of: To verify, Interviewed, Rectifying, Recovered, Revitalised',
      'Person must not be empty',
    ]);
  });

  it('limits the note length', () => {
    const r = newTrackingRecord({ region: 'd', parcel_id: 'P1', stage: 'interviewed', date: '2024-01-01', person: 'x', note: '字'.repeat(2001) });
    expect(r.ok).toBe(false);
  });
});

describe('MemoryTrackingStore', () => {
  it('keeps history oldest first by date, then entry time; separates regions and parcels', async () => {
    const store = new MemoryTrackingStore();
    const late = ok({ stage: 'rectifying', date: '2024-03-01' }, new Date('2024-03-02T00:00:00Z'));
    const early = ok({ stage: 'to_verify', date: '2024-01-10' }, new Date('2024-05-01T00:00:00Z'));
    const sameDayFirst = ok({ stage: 'interviewed', date: '2024-02-01' }, new Date('2024-02-01T09:00:00Z'));
    const sameDaySecond = ok({ stage: 'rectifying', date: '2024-02-01' }, new Date('2024-02-01T10:00:00Z'));
    const other = ok({ parcel_id: 'P2' });
    const otherRegion = ok({ region: 'shaoguan' });
    for (const r of [late, early, sameDaySecond, sameDayFirst, other, otherRegion]) await store.add(r);

    expect((await store.history('dezhou', 'P1')).map((r) => r.id)).toEqual([early.id, sameDayFirst.id, sameDaySecond.id, late.id]);
    expect(await store.all('dezhou')).toHaveLength(5);
    expect(await store.all('shaoguan')).toEqual([otherRegion]);
    const p1 = (await store.all('dezhou')).filter((r) => r.parcel_id === 'P1');
    expect(latestRecord(p1, '2099-12-31')?.id).toBe(late.id);
    // A record dated after the as-of date has not happened yet: the same-day pair decides.
    expect(latestRecord(p1, '2024-02-01')?.id).toBe(sameDaySecond.id);
    expect(latestRecord(p1, '2000-01-01')).toBeNull();

    await expect(store.add(late)).rejects.toThrow('已存在');
    await store.clear('dezhou');
    expect(await store.all('dezhou')).toEqual([]);
    expect(await store.all('shaoguan')).toHaveLength(1);
  });
});

describe('tracking figures in DuckDB', () => {
  let db: Db & { close(): void };
  beforeAll(async () => {
    db = await openNodeDb();
    // P1–P5: 30,000 m² = 45 亩 each, P6 15,000 m² = 22.5 亩; P5 in 乐陵市.
    await loadParcels(db, [
      {}, {}, {}, {}, { county: '乐陵市' }, { area_m2: 15000 },
    ]);
    await runLandRules(db, '2024-12-31', DEFAULT_SETTINGS);
    await loadTracking(db, [
      // P1: verified, interviewed, then recovered in 2024 → latest 已收回 (this year).
      ok({ parcel_id: 'P1', stage: 'to_verify', date: '2023-11-01' }),
      ok({ parcel_id: 'P1', stage: 'interviewed', date: '2024-02-01' }),
      ok({ parcel_id: 'P1', stage: 'recovered', date: '2024-05-01' }),
      // P2: revitalised in 2023 → latest 已盘活 but not this year.
      ok({ parcel_id: 'P2', stage: 'revitalised', date: '2023-12-31' }),
      // P3: two records on one day; the later entry wins → 限期整改.
      ok({ parcel_id: 'P3', stage: 'interviewed', date: '2024-03-01' }, new Date('2024-03-01T08:00:00Z')),
      ok({ parcel_id: 'P3', stage: 'rectifying', date: '2024-03-01' }, new Date('2024-03-01T09:00:00Z')),
      // P5 (乐陵市): revitalised this year.
      ok({ parcel_id: 'P5', stage: 'revitalised', date: '2024-10-01' }),
      // P6: 已盘活 dated after the as-of date 2024-12-31 → ignored; latest is 已约谈.
      ok({ parcel_id: 'P6', stage: 'interviewed', date: '2024-12-01' }),
      ok({ parcel_id: 'P6', stage: 'revitalised', date: '2025-01-05' }),
      // A parcel no longer in the loaded data.
      ok({ parcel_id: 'GONE', stage: 'to_verify', date: '2024-01-01' }),
    ]);
  });
  afterAll(() => db?.close());

  it('counts parcels and 亩 by latest stage, every stage listed in order', async () => {
    const r = await trackingStageCounts(db, '2024-12-31', EMPTY_FILTER);
    expect(r).toEqual([
      { stage: 'to_verify', parcels: 1, mu: 0, unmatched: 1 },
      { stage: 'interviewed', parcels: 1, mu: 22.5, unmatched: 0 },
      { stage: 'rectifying', parcels: 1, mu: 45, unmatched: 0 },
      { stage: 'recovered', parcels: 1, mu: 45, unmatched: 0 },
      { stage: 'revitalised', parcels: 2, mu: 90, unmatched: 0 },
    ]);
  });

  it('is as of the date: an earlier as-of sees earlier stages', async () => {
    const r = await trackingStageCounts(db, '2024-02-15', EMPTY_FILTER);
    expect(r.map((x) => [x.stage, x.parcels])).toEqual([
      ['to_verify', 1], ['interviewed', 1], ['rectifying', 0], ['recovered', 0], ['revitalised', 1],
    ]);
  });

  it('revitalised this year: latest 已收回/已盘活 dated in the as-of year, with 亩', async () => {
    expect(await revitalisedThisYear(db, '2024-12-31', EMPTY_FILTER)).toEqual({
      year: 2024, parcels: 2, mu: 90, recovered: 1, recoveredMu: 45, revitalised: 1, revitalisedMu: 45,
    });
    expect(await revitalisedThisYear(db, '2023-12-31', EMPTY_FILTER)).toMatchObject({ year: 2023, parcels: 1, revitalised: 1 });
    // P6's 2025 record counts once the as-of date reaches it.
    expect(await revitalisedThisYear(db, '2025-06-30', EMPTY_FILTER)).toMatchObject({ year: 2025, parcels: 1, mu: 22.5 });
  });

  it('respects a parcel filter', async () => {
    const f = { ...EMPTY_FILTER, counties: ['乐陵市'] };
    expect(await revitalisedThisYear(db, '2024-12-31', f)).toMatchObject({ parcels: 1, revitalised: 1, recovered: 0 });
    const r = await trackingStageCounts(db, '2024-12-31', f);
    expect(r.filter((x) => x.parcels > 0)).toEqual([{ stage: 'revitalised', parcels: 1, mu: 45, unmatched: 0 }]);
  });

  it('gives the latest stage per parcel for the map, by pidx', async () => {
    const r = rows<{ pidx: number; stage_code: number }>(await db.query(parcelTrackingStageQuery('2024-12-31')));
    expect(r.map((x) => x.stage_code)).toEqual([4, 5, 3, 0, 5, 2]);
  });

  it('loads an empty list as an empty table', async () => {
    await loadTracking(db, []);
    const r = await trackingStageCounts(db, '2024-12-31', EMPTY_FILTER);
    expect(r.every((x) => x.parcels === 0 && x.mu === 0)).toBe(true);
  });
});

describe('one latest-stage rule in TypeScript and SQL', () => {
  let db: Db & { close(): void };
  afterAll(() => db?.close());

  it('latestTrackingQuery picks the record latestRecord picks, at every as-of date', async () => {
    db = await openNodeDb();
    const at = (iso: string) => new Date(iso);
    const records = [
      // Q1: a later date wins over a later entry.
      ok({ parcel_id: 'Q1', stage: 'interviewed', date: '2024-02-01' }, at('2024-05-01T00:00:00Z')),
      ok({ parcel_id: 'Q1', stage: 'rectifying', date: '2024-03-01' }, at('2024-03-01T00:00:00Z')),
      // Q2: same date, the later entry wins.
      ok({ parcel_id: 'Q2', stage: 'to_verify', date: '2024-03-01' }, at('2024-03-01T10:00:00Z')),
      ok({ parcel_id: 'Q2', stage: 'interviewed', date: '2024-03-01' }, at('2024-03-01T09:00:00Z')),
      // Q3: same date and entry time, the id decides.
      ok({ parcel_id: 'Q3', stage: 'to_verify', date: '2024-03-01' }, at('2024-03-01T09:00:00Z')),
      ok({ parcel_id: 'Q3', stage: 'recovered', date: '2024-03-01' }, at('2024-03-01T09:00:00Z')),
      // Q4: a record after the as-of date has not happened yet.
      ok({ parcel_id: 'Q4', stage: 'to_verify', date: '2024-01-01' }),
      ok({ parcel_id: 'Q4', stage: 'revitalised', date: '2024-12-01' }),
    ];
    await loadTracking(db, records);
    for (const asOf of ['2023-12-31', '2024-02-15', '2024-03-01', '2024-06-30', '2025-01-01']) {
      const sqlLatest = rows<{ parcel_id: string; id: string }>(
        await db.query(sql`SELECT parcel_id, id FROM ${latestTrackingQuery(asOf)} ORDER BY parcel_id`),
      );
      const tsLatest = ['Q1', 'Q2', 'Q3', 'Q4']
        .map((p) => latestRecord(records.filter((r) => r.parcel_id === p), asOf))
        .filter((r): r is TrackingRecord => r !== null)
        .map((r) => ({ parcel_id: r.parcel_id, id: r.id }));
      expect([asOf, sqlLatest]).toEqual([asOf, tsLatest]);
    }
    // The cases above really differ: Q2's later entry and Q4's as-of cut.
    expect(latestRecord(records.slice(2, 4), '2024-03-01')?.stage).toBe('to_verify');
    expect(latestRecord(records.slice(6, 8), '2024-06-30')?.stage).toBe('to_verify');
  });
});
