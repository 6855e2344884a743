// The planner-facing "why" text of the detail panel. Every expected sentence is worked out by
// hand from the parcel's own dates and ratios; the one-year line and the whole years idle come
// from the findings row (the rules compute them in DuckDB; their calendar arithmetic is checked
// at the end of this file), and one case runs a real parcel_findings row through the rules so
// the epoch-ms dates DuckDB hands back are exercised too.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { sql } from '../../src/data/sql';
import { type ExplainInput, explainParcel } from '../../src/analysis/explain';
import { fullYearsSql } from '../../src/analysis/land-rules';
import { isoDate } from '../../src/vocab';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { loadParcels } from './helpers/parcels';

const S = DEFAULT_SETTINGS;
const AS_OF = '2026-06-30';

// The disposal clause's wording (and whether day counts get a thousands separator) is still
// being edited, so the checks below pin the headline exactly and the rest by its facts: the
// article numbers, the dates and the figures.
const DAYS_1521 = /闲置 1,?521 天，第二条/;

/** A parcel that started, is not halted and has no findings; each case overrides what it tests. */
function input(p: Partial<ExplainInput>): ExplainInput {
  return {
    as_of: AS_OF,
    agreed_start_date: '2018-01-01',
    actual_start_date: '2018-03-01',
    agreed_completion_date: '2020-01-01',
    halted_since: null,
    idle_type: 'none',
    idle_since: null,
    idle_from: null,
    idle_years: 0,
    idle_days: 0,
    disposal: 'none',
    land_price_wan: null,
    fee_wan: null,
    developed_ratio: null,
    investment_ratio: null,
    plot_ratio: null,
    investment_intensity: null,
    tax_per_mu: null,
    actual_investment_wan: null,
    agreed_investment_wan: null,
    annual_output_wan: null,
    agreed_annual_output_wan: null,
    exit_reasons: '',
    inefficiency: '',
    missing_inputs: '',
    ...p,
  };
}

/** Not started since 2022-05-01: by 2026-06-30 that is 4 full years and 1521 days. */
const NOT_STARTED = input({
  agreed_start_date: '2022-05-01',
  actual_start_date: null,
  idle_type: 'not_started',
  idle_since: '2022-05-01',
  idle_from: '2023-05-01',
  idle_years: 4,
  idle_days: 1521,
  disposal: 'recovery',
});

describe('dates', () => {
  it('isoDate reads epoch ms (DuckDB DATE) and ISO strings; empty stays null', () => {
    expect(isoDate(Date.UTC(2022, 4, 1))).toBe('2022-05-01');
    expect(isoDate(Date.UTC(1999, 11, 31))).toBe('1999-12-31');
    expect(isoDate(0)).toBe('1970-01-01');
    expect(isoDate('2022-05-01')).toBe('2022-05-01');
    expect(isoDate('2022-05-01T00:00:00.000Z')).toBe('2022-05-01');
    expect(isoDate(null)).toBeNull();
    expect(isoDate(undefined)).toBeNull();
  });
});

describe('idle explanation (闲置土地处置办法 第二条、第八条、第十四条)', () => {
  it('not started for 4 years → recovery, headline in the exact wording', () => {
    const { idle } = explainParcel(NOT_STARTED, S, 'zh');
    expect(idle.startsWith('约定动工日期 2022-05-01，截至 2026-06-30 已满 4 年未动工（')).toBe(true);
    expect(idle).toMatch(DAYS_1521);
    expect(idle).toContain('无偿收回');
    expect(idle).toContain('第十四条');
    // 第十四条第（二）项 in its own words.
    expect(idle).toContain('未动工开发满两年的，无偿收回');
    expect(idle).not.toContain('本地设置');
    expect(idle).not.toContain('闲置费');
  });

  it('fee: shows land price × 20 % = fee', () => {
    const p = input({
      agreed_start_date: '2025-03-01',
      actual_start_date: null,
      idle_type: 'not_started',
      idle_since: '2025-03-01',
      idle_from: '2026-03-01',
      idle_years: 1,
      idle_days: 486,
      disposal: 'fee',
      land_price_wan: 1000,
      fee_wan: 200,
    });
    const { idle } = explainParcel(p, S, 'zh');
    expect(idle.startsWith('约定动工日期 2025-03-01，截至 2026-06-30 已满 1 年未动工（闲置 486 天，第二条）；')).toBe(true);
    expect(idle).toContain('征缴土地闲置费（第十四条第（一）项：未动工开发满一年的，按照土地出让或者划拨价款的百分之二十征缴土地闲置费）');
    expect(idle.endsWith('，闲置费 = 土地价款 1,000 万元 × 20.0% = 200 万元')).toBe(true);
    expect(idle).not.toContain('无偿收回');
    const en = explainParcel(p, S, 'en').idle;
    expect(en).toContain('fee = land price CNY 10 million × 20.0% = CNY 2 million');
    expect(en).toContain('2025-03-01');
    expect(en).toContain('2026-06-30');
  });

  it('a changed recovery period never rewrites 第十四条: the statute is quoted, the local setting stated beside it', () => {
    // Idle 2.5 years with recovery set to 3 years: a fee by the local setting, although the statute recovers at two.
    const p = input({
      agreed_start_date: '2024-01-01', actual_start_date: null, idle_type: 'not_started', idle_since: '2024-01-01',
      idle_days: 911, idle_years: 2, disposal: 'fee', land_price_wan: 1000, fee_wan: 200,
    });
    const local = { ...S, recoveryYears: 3 };
    const zh = explainParcel(p, local, 'zh').idle;
    expect(zh).toContain('第十四条第（一）项：未动工开发满一年的，按照土地出让或者划拨价款的百分之二十征缴土地闲置费；本判定按本地设置（非法定）：无偿收回年限 3 年');
    expect(zh).not.toMatch(/满 ?1 ?年未满 ?3 ?年/);
    const en = explainParcel(p, local, 'en').idle;
    expect(en).toContain('Art. 14(1): not developed for one full year → a fee of 20% of the land price; judged by local setting (not the statute): years until recovery 3 yr');
    // The statutory settings: no local note at all.
    expect(explainParcel(p, S, 'zh').idle).not.toContain('本地设置');
  });

  it('fee without a land price says the amount cannot be computed', () => {
    const p = input({
      ...NOT_STARTED,
      agreed_start_date: '2025-03-01',
      idle_since: '2025-03-01',
      idle_from: '2026-03-01',
      idle_years: 1,
      idle_days: 486,
      disposal: 'fee',
    });
    expect(explainParcel(p, S, 'zh').idle).toContain('土地价款缺失，闲置费金额无法计算');
    expect(explainParcel(p, S, 'en').idle).toContain('land price missing');
  });

  it('negotiate: government delay → 协议处置 (第八条), not recovery', () => {
    const p = input({ ...NOT_STARTED, disposal: 'negotiate' });
    const { idle } = explainParcel(p, S, 'zh');
    expect(idle).toContain('第八条');
    expect(idle).toContain('协议处置');
    expect(idle).not.toContain('无偿收回');
    expect(explainParcel(p, S, 'en').idle).toContain('negotiated disposal (Art. 8)');
  });

  it('stalled: shows both percentages, the thresholds and the halt date', () => {
    const p = input({
      actual_start_date: '2019-01-01',
      halted_since: '2024-03-15',
      idle_type: 'stalled',
      idle_since: '2024-03-15',
      idle_from: '2025-03-15',
      idle_years: 2,
      idle_days: 837,
      disposal: 'recovery',
      developed_ratio: 0.2,
      investment_ratio: 0.1,
    });
    const { idle } = explainParcel(p, S, 'zh');
    expect(
      idle.startsWith(
        '2019-01-01 已动工，已开发面积占 20.0%，已投资占 10.0%（标准：面积不足 1/3 或投资不足 25.0%），' +
          '自 2024-03-15 停工，截至 2026-06-30 已满 2 年（闲置 837 天，第二条）；',
      ),
    ).toBe(true);
    expect(idle).toContain('无偿收回');
    expect(idle).toContain('第十四条');
    const en = explainParcel(p, S, 'en').idle;
    expect(en).toContain('halted since 2024-03-15');
    expect(en).toContain('developed 20.0%, invested 10.0%');
    expect(en).toContain('2 full year(s)');
  });

  it('stalled with only one ratio known lists just that one', () => {
    const p = input({
      halted_since: '2025-01-01',
      idle_type: 'stalled',
      idle_since: '2025-01-01',
      idle_from: '2026-01-01',
      idle_years: 1,
      idle_days: 545,
      disposal: 'fee',
      investment_ratio: 0.05,
    });
    const { idle } = explainParcel(p, S, 'zh');
    expect(idle).toContain('已投资占 5.0%');
    expect(idle).not.toContain('已开发面积占');
    expect(idle).toContain('已满 1 年');
  });

  it('agreed start still in the future: 尚未到期', () => {
    const p = input({ agreed_start_date: '2026-09-01', actual_start_date: null, idle_from: '2027-09-01' });
    expect(explainParcel(p, S, 'zh').idle).toBe('约定动工日期 2026-09-01 尚未到期，未闲置');
    expect(explainParcel(p, S, 'en').idle).toBe('Agreed start 2026-09-01 not yet reached; not idle');
  });

  it('overdue but under a year: names the date from which it becomes idle', () => {
    const p = input({ agreed_start_date: '2026-01-15', actual_start_date: null, idle_from: '2027-01-15' });
    expect(explainParcel(p, S, 'zh').idle).toBe(
      '约定动工日期 2026-01-15，截至 2026-06-30 未动工，尚未满一年（第二条），2027-01-15 起认定闲置',
    );
    expect(explainParcel(p, S, 'en').idle).toContain('idle from 2027-01-15');
    // A longer idle period setting is named with the line the rules drew for it.
    // A longer idle period is a local setting, named beside the statute's one year.
    expect(explainParcel({ ...p, idle_from: '2028-01-15' }, { ...S, idleYears: 2 }, 'zh').idle).toContain(
      '尚未按本地设置满 2 年（非法定；第二条为满一年），2028-01-15 起认定闲置',
    );
  });

  it('agreed start date exactly today is overdue-not-idle, not 尚未到期', () => {
    const p = input({ agreed_start_date: AS_OF, actual_start_date: null, idle_from: '2027-06-30' });
    expect(explainParcel(p, S, 'zh').idle).toContain('2027-06-30 起认定闲置');
  });

  it('missing agreed start date: cannot be judged', () => {
    const p = input({ agreed_start_date: null, actual_start_date: null, missing_inputs: 'agreed_start_date' });
    const ex = explainParcel(p, S, 'zh');
    expect(ex.idle).toBe('未动工且缺少约定动工日期，无法判定是否闲置');
    expect(ex.missing).toEqual(['agreed_start_date']);
    expect(explainParcel(p, S, 'en').idle).toContain('no agreed start date');
  });

  it('halted for under a year: names the date a full year is reached', () => {
    const p = input({ halted_since: '2026-01-10', idle_from: '2027-01-10', developed_ratio: 0.1 });
    expect(explainParcel(p, S, 'zh').idle).toBe('自 2026-01-10 停工，2027-01-10 起满一年（第二条）');
    expect(explainParcel(p, S, 'en').idle).toBe('Halted since 2026-01-10; one full year (Art. 2) is reached on 2027-01-10');
  });

  it('halted over a year but well developed: not idle, says why', () => {
    const p = input({ halted_since: '2024-01-10', idle_from: '2025-01-10', developed_ratio: 0.9, investment_ratio: 0.8 });
    expect(explainParcel(p, S, 'zh').idle).toContain('自 2024-01-10 停工已满一年（第二条），但开发面积与投资比例不低于标准');
  });

  it('started and working: not idle', () => {
    expect(explainParcel(input({}), S, 'zh').idle).toBe('已于 2018-03-01 动工，未停工，未闲置');
    expect(explainParcel(input({}), S, 'en').idle).toBe('Started 2018-03-01, not halted; not idle');
  });

  it('English not-started text carries both dates and the article', () => {
    const en = explainParcel(NOT_STARTED, S, 'en').idle;
    expect(en).toContain('Agreed start 2022-05-01; by 2026-06-30 not started for 4 full year(s)');
    expect(en).toMatch(/1,?521 days idle, Art\. 2/);
    expect(en).toContain('Art. 14');
  });
});

describe('exit and inefficiency lines', () => {
  const p = input({
    agreed_start_date: '2022-05-01',
    agreed_completion_date: '2024-12-31',
    actual_investment_wan: 300,
    agreed_investment_wan: 1000,
    annual_output_wan: 800,
    agreed_annual_output_wan: 1000,
    plot_ratio: 0.5,
    investment_intensity: 1200,
    tax_per_mu: 3.25,
    exit_reasons: 'E1;E2;E3;E4;E5;E6',
    inefficiency: 'L1;L2;L3',
  });

  it('one line per exit code, with the parcel figures', () => {
    const { exits } = explainParcel(p, S, 'zh');
    expect(exits.map((e) => e.code)).toEqual(['E1', 'E2', 'E3', 'E4', 'E5', 'E6']);
    const text = Object.fromEntries(exits.map((e) => [e.code, e.text]));
    expect(text.E1).toBe('约定 2022-05-01 动工，截至 2026-06-30 仍未动工');
    expect(text.E2).toBe('约定 2024-12-31 竣工，已完成投资 300 / 约定 1,000 万元');
    expect(text.E3).toBe('厂房已建成，尚未安装设备投产');
    expect(text.E4).toBe('年产值 800 万元，低于约定 1,000 万元 × 1');
    expect(text.E5).toBe('不符合产业政策或环保标准');
    expect(text.E6).toBe('存在投资协议约定的其他违约情形');
    for (const e of exits) expect(e.text).not.toBe('');
  });

  it('one line per inefficiency code, with the parcel figures and thresholds', () => {
    const { inefficiencies } = explainParcel(p, S, 'zh');
    expect(inefficiencies).toEqual([
      { code: 'L1', text: '容积率 0.5，低于 0.8' },
      { code: 'L2', text: '投资强度 1,200 万元/公顷，低于 1,500' },
      { code: 'L3', text: '亩均税收 3.25 万元/亩，低于 5' },
    ]);
  });

  it('English lines carry the same dates and figures', () => {
    const ex = explainParcel(p, S, 'en');
    const text = Object.fromEntries(ex.exits.map((e) => [e.code, e.text]));
    expect(text.E1).toBe('Agreed to start 2022-05-01; not started by 2026-06-30');
    expect(text.E2).toContain('Completion due 2024-12-31; invested 300 of 1,000');
    expect(text.E4).toContain('Output 800 below agreed 1,000');
    expect(ex.inefficiencies.map((l) => l.text)).toEqual(['Plot ratio 0.5 < 0.8', 'Investment intensity 1,200 /ha < 1,500', 'Tax per mu 3.25 < 5']);
  });

  it('no codes → no lines; missing inputs split one per entry', () => {
    const ex = explainParcel(input({ missing_inputs: 'land_price_wan;agreed_completion_date' }), S, 'zh');
    expect(ex.exits).toEqual([]);
    expect(ex.inefficiencies).toEqual([]);
    expect(ex.missing).toEqual(['land_price_wan', 'agreed_completion_date']);
  });
});

describe('explaining a real parcel_findings row', () => {
  let db: Db & { close(): void };
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(() => db?.close());

  it('whole years idle count a year on its anniversary, not one day before, as date + 1 year does', async () => {
    const cases: [string, string, number][] = [
      ['2020-03-01', '2021-03-01', 1],
      ['2020-03-01', '2021-02-28', 0],
      ['2022-05-01', '2026-05-01', 4],
      ['2022-05-01', '2026-04-30', 3],
      ['2020-02-29', '2021-02-28', 1], // 2020-02-29 + 1 year = 2021-02-28
      ['2020-02-29', '2021-02-27', 0],
      ['2020-02-29', '2024-02-28', 3],
      ['2020-02-29', '2024-02-29', 4],
      ['2026-06-30', '2026-06-30', 0],
    ];
    for (const [since, asOf, years] of cases) {
      const q = sql`SELECT CAST(${fullYearsSql(sql`CAST(${since} AS DATE)`, sql`CAST(${asOf} AS DATE)`)} AS INTEGER) AS y`;
      expect([since, asOf, rows<{ y: number }>(await db.query(q))[0].y]).toEqual([since, asOf, years]);
    }
  });

  it('names the one-year line the rules drew: 29 Feb + 1 year is 28 Feb, and the setting moves it', async () => {
    await loadParcels(db, [{ status: 'not_started', agreed_start_date: '2024-02-29' }]);
    for (const [idleYears, line] of [
      [1, '2025-02-28'],
      [2, '2026-02-28'],
    ] as const) {
      const s = { ...S, idleYears, recoveryYears: 3 };
      await runLandRules(db, '2024-06-01', s);
      const [row] = rows<ExplainInput>(await db.query('SELECT * FROM parcel_findings'));
      expect(isoDate(row.idle_from)).toBe(line);
      const yearLine = idleYears === 1 ? '满一年（第二条）' : `按本地设置满 ${idleYears} 年（非法定；第二条为满一年）`;
      expect(explainParcel(row, s, 'zh').idle).toContain(`尚未${yearLine}，${line} 起认定闲置`);
    }
  });

  it('at a past as-of date, a later start is named and treated as not yet happened; a later supply is not judged', async () => {
    await loadParcels(db, [
      { agreed_start_date: '2018-01-01', actual_start_date: '2023-01-01', status: 'producing' },
      { supply_date: '2021-03-01', agreed_start_date: '2018-01-01' },
    ]);
    await runLandRules(db, '2020-06-30', S);
    const [started, supplied] = rows<ExplainInput>(await db.query('SELECT * FROM parcel_findings ORDER BY pidx'));
    const zh = explainParcel(started, S, 'zh').idle;
    expect(zh.startsWith('约定动工日期 2018-01-01，截至 2020-06-30 已满 2 年未动工（')).toBe(true);
    expect(zh.endsWith('（实际动工日期 2023-01-01 晚于评估日期，按当时尚未发生判定）')).toBe(true);
    expect(explainParcel(started, S, 'en').idle).toContain('the actual start on 2023-01-01 came after the as-of date');
    expect(explainParcel(supplied, S, 'zh').idle).toBe('供地日期 2021-03-01 晚于评估日期 2020-06-30：截至评估日期尚未供地，不作判定');
    // At today's date the same parcel is simply started.
    await runLandRules(db, '2026-06-30', S);
    const [now] = rows<ExplainInput>(await db.query('SELECT * FROM parcel_findings ORDER BY pidx'));
    expect(explainParcel(now, S, 'zh').idle).toBe('已于 2023-01-01 动工，未停工，未闲置');
  });

  it('reads the epoch-ms dates of a findings row into the same sentence', async () => {
    await loadParcels(db, [
      { agreed_start_date: '2022-05-01', agreed_completion_date: '2024-05-01', land_price_wan: 500 },
    ]);
    await runLandRules(db, AS_OF, S);
    const [row] = rows<ExplainInput>(await db.query('SELECT * FROM parcel_findings'));
    expect(typeof row.as_of).toBe('number');
    const ex = explainParcel(row, S, 'zh');
    // Same sentence as the hand-built input above.
    expect(ex.idle).toBe(explainParcel(NOT_STARTED, S, 'zh').idle);
    expect(ex.idle.startsWith('约定动工日期 2022-05-01，截至 2026-06-30 已满 4 年未动工（')).toBe(true);
    expect(ex.idle).toMatch(DAYS_1521);
    // E1 (overdue, not started) fires; E2 does not, since both investment figures are empty.
    expect(ex.exits.map((e) => e.code)).toEqual(['E1']);
    expect(ex.exits[0].text).toBe('约定 2022-05-01 动工，截至 2026-06-30 仍未动工');
  });
});
