// 亩均效益 evaluation on tiny tables computed by hand: the score formula and its cap, class
// cut-offs by rank (A 25 % / B 45 % / C 25 % / D 5 %), ties, rounding, missing inputs, and the
// per-county / per-park / per-parcel outputs. Method: 浙政发〔2018〕5号 (亩均论英雄).

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../src/analysis/filters';
import {
  type MujunRow,
  PARCEL_MUJUN_CLASS_QUERY,
  mujunMix,
  mujunQuery,
  mujunRanking,
  parcelMujunClasses,
  runMujun,
} from '../../src/analysis/mujun';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS, type RuleSettings } from '../../src/analysis/settings';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { type EnterpriseInput, loadEnterprises, loadParks } from './helpers/enterprises';
import { type ParcelInput, loadParcels } from './helpers/parcels';

let db: Db & { close(): void };
beforeAll(async () => {
  db = await openNodeDb();
  await loadParks(db, [{ park_id: 'K1', name: '经开区' }, { park_id: 'K2', name: '高新区', county: '乐陵市' }]);
});
afterAll(() => db?.close());

// Every enterprise holds one 6,000 m² parcel = 9 亩 exactly (6000 × 15 / 10000).
const MU9 = 6000;

/**
 * An enterprise at the default benchmark on every indicator except 亩均税收 = taxPerMu:
 * 亩均增加值 540/9 = 60, 劳动生产率 540/18 = 30, 能耗产出 540/135 = 4, 研发 300/10000 = 0.03.
 * Its score is 0.3 × taxPerMu/10 + 0.7.
 */
function atBenchmark(taxPerMu: number, extra: EnterpriseInput = {}): EnterpriseInput {
  return {
    tax_wan: taxPerMu * 9,
    value_added_wan: 540,
    employees: 18,
    energy_tce: 135,
    revenue_wan: 10000,
    rd_expense_wan: 300,
    ...extra,
  };
}

async function evaluate(
  list: EnterpriseInput[],
  settings: Partial<RuleSettings> = {},
  parcels?: ParcelInput[],
): Promise<MujunRow[]> {
  await loadEnterprises(db, list);
  await loadParcels(db, parcels ?? list.map((_, i) => ({ enterprise_id: `E${i + 1}`, area_m2: MU9 })));
  await runMujun(db, { ...DEFAULT_SETTINGS, ...settings });
  return mujunRanking(db, EMPTY_FILTER);
}

const byId = (r: MujunRow[]) => new Map(r.map((x) => [x.enterprise_id, x]));
const classCounts = (r: MujunRow[]) => {
  const c = { A: 0, B: 0, C: 0, D: 0, none: 0 };
  for (const x of r) c[x.class ?? 'none']++;
  return c;
};

describe('亩均 indicators and score', () => {
  // 9 亩; tax 90 → 10/亩 (ratio 1); VA 1080 → 120/亩 (2); 1080/18 = 60/人 (2);
  // 1080/540 = 2/吨标煤 (0.5); R&D 900/10000 = 0.09 (3, at the cap).
  const E: EnterpriseInput = {
    tax_wan: 90, value_added_wan: 1080, employees: 18, energy_tce: 540, revenue_wan: 10000, rd_expense_wan: 900,
  };

  it('computes each indicator and the weighted score by hand', async () => {
    const [r] = await evaluate([E]);
    expect(r.land_m2).toBe(6000);
    expect(r.land_mu).toBeCloseTo(9, 12);
    expect(r.tax_per_mu).toBeCloseTo(10, 9);
    expect(r.value_added_per_mu).toBeCloseTo(120, 9);
    expect(r.labour_productivity).toBeCloseTo(60, 9);
    expect(r.energy_productivity).toBeCloseTo(2, 9);
    expect(r.rd_intensity).toBeCloseTo(0.09, 12);
    // 0.3×1 + 0.3×2 + 0.15×2 + 0.15×0.5 + 0.1×3 = 1.575
    expect(r.score).toBeCloseTo(1.575, 6);
    expect(r).toMatchObject({ rank: 1, class: 'A', class_code: 1, missing: '', parcels: 1 });
  });

  it('caps each ratio at the setting: R&D 6× the benchmark counts as 3× by default, 2× with cap 2', async () => {
    const [r3] = await evaluate([{ ...E, rd_expense_wan: 1800 }]);
    expect(r3.score).toBeCloseTo(1.575, 6);
    const [r2] = await evaluate([E], { mujunRatioCap: 2 });
    // 0.3 + 0.6 + 0.3 + 0.075 + 0.1×2 = 1.475
    expect(r2.score).toBeCloseTo(1.475, 6);
  });

  it('divides by the sum of weights, so 1.0 means "at every benchmark" whatever the weights', async () => {
    const [r] = await evaluate([atBenchmark(10)], {
      mujunTaxWeight: 1, mujunValueAddedWeight: 1, mujunLabourWeight: 1, mujunEnergyWeight: 1, mujunRdWeight: 1,
    });
    expect(r.score).toBeCloseTo(1, 6);
  });

  it('sums the land of every parcel pointing at the enterprise', async () => {
    const [r] = await evaluate([E], {}, [
      { enterprise_id: 'E1', area_m2: 4000 },
      { enterprise_id: 'E1', area_m2: 2000 },
      { enterprise_id: null, area_m2: 9999 },
    ]);
    expect(r.parcels).toBe(2);
    expect(r.land_m2).toBe(6000);
    expect(r.tax_per_mu).toBeCloseTo(10, 9);
  });
});

describe('亩均 classes by rank (ahead = RANK() − 1; A if ahead·100 < n·25, B < n·70, C < n·95, else D)', () => {
  it('20 distinct scores → exactly 5 A, 9 B, 5 C, 1 D, in score order', async () => {
    // Enterprise Ei has 亩均税收 i, so E20 is best and E1 worst.
    const r = await evaluate(Array.from({ length: 20 }, (_, i) => atBenchmark(i + 1)));
    expect(classCounts(r)).toEqual({ A: 5, B: 9, C: 5, D: 1, none: 0 });
    expect(r.map((x) => x.enterprise_id)).toEqual(Array.from({ length: 20 }, (_, i) => `E${20 - i}`));
    expect(r.map((x) => x.rank)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    const m = byId(r);
    expect(m.get('E20')?.score).toBeCloseTo(1.3, 6);
    expect(m.get('E16')?.class).toBe('A'); // ahead 4: 400 < 500
    expect(m.get('E15')?.class).toBe('B'); // ahead 5: 500 is not < 500
    expect(m.get('E7')?.class).toBe('B'); // ahead 13: 1300 < 1400
    expect(m.get('E6')?.class).toBe('C'); // ahead 14
    expect(m.get('E2')?.class).toBe('C'); // ahead 18: 1800 < 1900
    expect(m.get('E1')).toMatchObject({ class: 'D', class_code: 4 }); // ahead 19
  });

  it('rounds each cumulative cut-off up: 10 distinct scores → 3 A, 4 B, 3 C, 0 D', async () => {
    const r = await evaluate(Array.from({ length: 10 }, (_, i) => atBenchmark(i + 1)));
    expect(classCounts(r)).toEqual({ A: 3, B: 4, C: 3, D: 0, none: 0 });
  });

  it('gives tied scores the same rank and the better class, at the A/B and C/D cut-offs', async () => {
    // As the 20 above, but E15 ties E16 (亩均税收 16) and E1 ties E2 (亩均税收 2).
    const taxes = Array.from({ length: 20 }, (_, i) => i + 1);
    taxes[14] = 16;
    taxes[0] = 2;
    const r = await evaluate(taxes.map((t) => atBenchmark(t)));
    const m = byId(r);
    expect(m.get('E15')).toMatchObject({ rank: 5, class: 'A' });
    expect(m.get('E16')).toMatchObject({ rank: 5, class: 'A' });
    expect(m.get('E14')).toMatchObject({ rank: 7, class: 'B' }); // RANK skips 6
    expect(m.get('E1')).toMatchObject({ rank: 19, class: 'C' });
    expect(m.get('E2')).toMatchObject({ rank: 19, class: 'C' });
    expect(classCounts(r)).toEqual({ A: 6, B: 8, C: 6, D: 0, none: 0 });
  });

  it('follows the class-share settings', async () => {
    const r = await evaluate(Array.from({ length: 20 }, (_, i) => atBenchmark(i + 1)), {
      mujunShareA: 10, mujunShareB: 40, mujunShareC: 30, mujunShareD: 20,
    });
    expect(classCounts(r)).toEqual({ A: 2, B: 8, C: 6, D: 4, none: 0 });
  });
});

describe('亩均 missing inputs', () => {
  it('lists enterprises with missing or zero inputs with the fields, unranked and unclassed', async () => {
    const r = await evaluate(
      [
        atBenchmark(10),
        atBenchmark(20),
        atBenchmark(10, { employees: 0 }),
        atBenchmark(10, { tax_wan: null, energy_tce: null }),
        atBenchmark(10, { revenue_wan: 0 }),
        atBenchmark(10), // E6: no parcel
      ],
      {},
      [1, 2, 3, 4, 5].map((i) => ({ enterprise_id: `E${i}`, area_m2: MU9 })),
    );
    const m = byId(r);
    expect(m.get('E3')).toMatchObject({ missing: 'employees', score: null, rank: null, class: null, class_code: 0 });
    expect(m.get('E4')).toMatchObject({ missing: 'tax_wan;energy_tce', class: null });
    expect(m.get('E5')).toMatchObject({ missing: 'revenue_wan', class: null });
    expect(m.get('E6')).toMatchObject({ missing: 'parcels', class: null, parcels: 0, land_m2: null });
    // The labour indicator is simply unknown, the others still shown for the planner.
    expect(m.get('E3')?.labour_productivity).toBeNull();
    expect(m.get('E3')?.tax_per_mu).toBeCloseTo(10, 9);
    // Only the two complete enterprises are ranked: n = 2, so E2 is A (0 < 50) and E1 B (100 < 140).
    expect(m.get('E2')).toMatchObject({ rank: 1, class: 'A' });
    expect(m.get('E1')).toMatchObject({ rank: 2, class: 'B' });
    // Scored first, by rank; then the unscored by id.
    expect(r.map((x) => x.enterprise_id)).toEqual(['E2', 'E1', 'E3', 'E4', 'E5', 'E6']);
  });

  it('does not require the inputs of an indicator weighted 0', async () => {
    const r = await evaluate([atBenchmark(10, { energy_tce: null })], { mujunEnergyWeight: 0 });
    expect(r[0]).toMatchObject({ missing: '', class: 'A' });
    // 0.3 + 0.3 + 0.15 + 0.1 over 0.85 = 1
    expect(r[0].score).toBeCloseTo(1, 6);
  });

  it('refuses all-zero weights (mergeSettings never produces them)', () => {
    expect(() =>
      mujunQuery({
        ...DEFAULT_SETTINGS, mujunTaxWeight: 0, mujunValueAddedWeight: 0, mujunLabourWeight: 0, mujunEnergyWeight: 0, mujunRdWeight: 0,
      }),
    ).toThrow(/权重/);
  });
});

describe('亩均 outputs for the map and the panels', () => {
  // Four complete enterprises (n = 4: A ahead 0, B ahead 1–2, C ahead 3 — 300 < 380), one
  // incomplete. E1, E2 in 宁津县/K1; E3, E4 in 乐陵市/K2; E5 (no employees) in 宁津县/K1.
  const list: EnterpriseInput[] = [
    atBenchmark(40, { county: '宁津县', park_id: 'K1' }),
    atBenchmark(30, { county: '宁津县', park_id: 'K1' }),
    atBenchmark(20, { county: '乐陵市', park_id: 'K2' }),
    atBenchmark(10, { county: '乐陵市', park_id: 'K2' }),
    atBenchmark(10, { county: '宁津县', park_id: 'K1', employees: null }),
  ];
  const parcels: ParcelInput[] = [
    { enterprise_id: 'E1', area_m2: 6000, county: '宁津县', park_id: 'K1' }, // pidx 0
    { enterprise_id: null, area_m2: 3000, county: '宁津县', park_id: 'K1' }, // pidx 1
    { enterprise_id: 'E2', area_m2: 6000, county: '宁津县', park_id: 'K1' }, // pidx 2
    { enterprise_id: 'E3', area_m2: 6000, county: '乐陵市', park_id: 'K2' }, // pidx 3
    { enterprise_id: 'E4', area_m2: 6000, county: '乐陵市', park_id: 'K2' }, // pidx 4
    { enterprise_id: 'E5', area_m2: 6000, county: '宁津县', park_id: 'K1' }, // pidx 5
    { enterprise_id: 'E1', area_m2: 6000, county: '宁津县', park_id: 'K1', status: 'not_started', agreed_start_date: '2020-01-01' }, // pidx 6
  ];

  beforeAll(async () => {
    const r = await evaluate(list, {}, parcels);
    // E1 holds 18 亩: 360/18 = 20/亩 (ratio 2) but 540/18 = 30 增加值/亩 (ratio 0.5), so
    // E1 = 0.6 + 0.15 + 0.4 = 1.15; E2 = 0.9 + 0.7 = 1.6; E3 = 1.3; E4 = 1.0.
    expect(r.map((x) => [x.enterprise_id, x.rank, x.class])).toEqual([
      ['E2', 1, 'A'],
      ['E3', 2, 'B'],
      ['E1', 3, 'B'],
      ['E4', 4, 'C'],
      ['E5', null, null],
    ]);
    expect(byId(r).get('E1')?.score).toBeCloseTo(1.15, 6);
  });

  it('class per parcel, ordered by pidx (0 none / 1 A / 2 B / 3 C / 4 D)', async () => {
    const q = rows<{ pidx: number; class_code: number }>(await db.query(PARCEL_MUJUN_CLASS_QUERY));
    expect(q.map((x) => x.pidx)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(await parcelMujunClasses(db))).toEqual([2, 0, 1, 2, 3, 0, 2]);
  });

  it('class mix per county and per park, in counts and 亩', async () => {
    const county = await mujunMix(db, 'county', EMPTY_FILTER);
    expect(county).toEqual([
      {
        key: '乐陵市', name: '乐陵市', enterprises: 2, scored: 2, a: 0, b: 1, c: 1, d: 0, unclassed: 0,
        landMu: 18, aMu: 0, bMu: 9, cMu: 9, dMu: 0, unclassedMu: 0,
      },
      {
        key: '宁津县', name: '宁津县', enterprises: 3, scored: 2, a: 1, b: 1, c: 0, d: 0, unclassed: 1,
        landMu: 36, aMu: 9, bMu: 18, cMu: 0, dMu: 0, unclassedMu: 9,
      },
    ]);
    const park = await mujunMix(db, 'park', EMPTY_FILTER);
    expect(park.map((p) => [p.key, p.name, p.enterprises, p.a, p.b, p.c, p.unclassed])).toEqual([
      ['K1', '经开区', 3, 1, 1, 0, 1],
      ['K2', '高新区', 2, 0, 1, 1, 0],
    ]);
  });

  it('a parcel filter keeps enterprises with a matching parcel; classes stay region-wide', async () => {
    await runLandRules(db, '2024-01-01', DEFAULT_SETTINGS);
    const idle = await mujunRanking(db, { ...EMPTY_FILTER, idleTypes: ['not_started'] });
    expect(idle.map((x) => [x.enterprise_id, x.class, x.park_name])).toEqual([['E1', 'B', '经开区']]);
    const leling = await mujunMix(db, 'county', { ...EMPTY_FILTER, counties: ['乐陵市'] });
    expect(leling.map((x) => [x.key, x.enterprises])).toEqual([['乐陵市', 2]]);
  });
});
