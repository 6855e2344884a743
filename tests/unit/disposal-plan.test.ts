// The disposal plan per finding type: which actions, in which order, with which rule and
// amount. Pure function; one test also feeds it real parcel_findings rows from the rules.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DisposalInput, proposeActions } from '../../src/analysis/disposal-plan';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { type Db, rows } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { loadParcels } from './helpers/parcels';

// A producing industrial parcel of 60 亩 (40,000 m²) with no findings.
const QUIET: DisposalInput = {
  status: 'producing',
  land_use: 'industrial',
  area_m2: 40000,
  actual_start_date: '2018-01-01',
  floor_area_m2: 40000,
  land_price_wan: 1000,
  idle_type: 'none',
  idle_days: 0,
  disposal: 'none',
  fee_wan: null,
  exit_reasons: '',
  inefficiency: '',
};
const NOT_STARTED = { status: 'not_started', actual_start_date: null, floor_area_m2: null } as const;
const plan = (p: Partial<DisposalInput>, s = DEFAULT_SETTINGS) => proposeActions({ ...QUIET, ...p }, s);
const actions = (p: Partial<DisposalInput>, s = DEFAULT_SETTINGS) => plan(p, s).map((a) => a.action);

describe('proposeActions', () => {
  it('proposes nothing for a quiet parcel', () => {
    expect(plan({})).toEqual([]);
  });

  it('fee: 征缴土地闲置费 with the amount (第十四条(一)), then 督促开工', () => {
    const p = plan({ ...NOT_STARTED, idle_type: 'not_started', idle_days: 400, disposal: 'fee', fee_wan: 200, exit_reasons: 'E1' });
    expect(p.map((a) => a.action)).toEqual(['collect_fee', 'urge_start']);
    expect(p[0]).toMatchObject({ labelZh: '征缴土地闲置费', amountWan: 200 });
    expect(p[0].ruleZh).toContain('第十四条第（一）项');
    expect(p[0].ruleZh).toContain('1,000 万元 × 20% = 200 万元');
    expect(p[0].ruleEn).toContain('CNY 10 million × 20% = CNY 2 million');
    expect(p[1].ruleZh).toContain('未动工开发满两年的将无偿收回；督促限期开工');
    // Statutory defaults: nothing is marked as a local setting.
    expect(p.map((a) => a.ruleZh).join()).not.toContain('本地设置');
  });

  it('quotes the statute whatever the settings, and names a changed threshold as a local setting', () => {
    const local = { ...DEFAULT_SETTINGS, recoveryYears: 3, idleFeeRate: 0.1 };
    const fee = plan({ ...NOT_STARTED, idle_type: 'not_started', idle_days: 800, disposal: 'fee', fee_wan: 100, exit_reasons: 'E1' }, local);
    expect(fee[0].ruleZh).toContain('第十四条第（一）项：未动工开发满一年的，按照土地出让或者划拨价款的百分之二十征缴土地闲置费');
    expect(fee[0].ruleZh).toContain('本判定按本地设置（非法定）：无偿收回年限 3 年、闲置费费率 10%');
    expect(fee[0].ruleZh).not.toMatch(/第十四条[^；]*满 ?3 ?年/);
    expect(fee[0].ruleEn).toContain('judged by local setting (not the statute): years until recovery 3 yr, idle-land fee rate 10%');
    expect(fee[1].ruleZh).toContain('未动工开发满两年的将无偿收回；本判定按本地设置（非法定）：无偿收回年限 3 年');
    const rec = plan({ ...NOT_STARTED, idle_type: 'not_started', idle_days: 1200, disposal: 'recovery' }, local);
    expect(rec[0].ruleZh).toContain('第十四条第（二）项：未动工开发满两年的');
    expect(rec[0].ruleZh).toContain('本判定按本地设置（非法定）：无偿收回年限 3 年');
    expect(rec[0].ruleZh).not.toContain('费率');
  });

  it('fee without a land price: no amount, says so', () => {
    const [fee] = plan({ ...NOT_STARTED, idle_type: 'not_started', idle_days: 400, disposal: 'fee', fee_wan: null, land_price_wan: null });
    expect(fee.amountWan).toBeUndefined();
    expect(fee.ruleZh).toContain('土地价款缺失');
  });

  it('fee amount falls back to land price × rate when the finding has none', () => {
    const [fee] = plan(
      { ...NOT_STARTED, idle_type: 'not_started', idle_days: 400, disposal: 'fee', fee_wan: null, land_price_wan: 500 },
      { ...DEFAULT_SETTINGS, idleFeeRate: 0.1 },
    );
    expect(fee.amountWan).toBe(50);
  });

  it('recovery: 无偿收回 (第十四条(二)); no exit or 督促开工; a large parcel gets no standard factories', () => {
    const p = plan({ ...NOT_STARTED, idle_type: 'not_started', idle_days: 900, disposal: 'recovery', exit_reasons: 'E1;E2' });
    expect(p.map((a) => a.action)).toEqual(['recover']);
    expect(p[0].ruleZh).toContain('第十四条第（二）项');
  });

  it('recovery of a small industrial parcel (≤ 50 亩) → then 标准厂房', () => {
    // 30,000 m² = 45 亩
    const p = plan({ ...NOT_STARTED, area_m2: 30000, idle_type: 'not_started', idle_days: 900, disposal: 'recovery' });
    expect(p.map((a) => a.action)).toEqual(['recover', 'standard_factory']);
    expect(p[1].ruleZh).toContain('45 亩');
    // The size is a setting.
    expect(actions({ ...NOT_STARTED, area_m2: 30000, idle_type: 'not_started', idle_days: 900, disposal: 'recovery' },
      { ...DEFAULT_SETTINGS, standardFactoryMaxMu: 40 })).toEqual(['recover']);
    // Not industrial land: no standard factories.
    expect(actions({ ...NOT_STARTED, land_use: 'commercial', area_m2: 30000, idle_type: 'not_started', idle_days: 900, disposal: 'recovery' }))
      .toEqual(['recover']);
  });

  it('government delay: 协议处置/置换 (第八条, 第十二条) only', () => {
    const p = plan({ ...NOT_STARTED, area_m2: 30000, idle_type: 'not_started', idle_days: 900, disposal: 'negotiate', exit_reasons: 'E1' });
    expect(p.map((a) => a.action)).toEqual(['negotiate']);
    expect(p[0].ruleZh).toContain('第八条');
    expect(p[0].ruleZh).toContain('第十二条');
  });

  it('E1 not yet idle → 督促开工 citing E1; not yet due → 督促按期开工', () => {
    const e1 = plan({ ...NOT_STARTED, exit_reasons: 'E1' });
    expect(e1).toHaveLength(1);
    expect(e1[0]).toMatchObject({ action: 'urge_start', codes: ['E1'] });
    expect(e1[0].ruleZh).toContain('E1');
    const early = plan({ ...NOT_STARTED });
    expect(early.map((a) => a.action)).toEqual(['urge_start']);
    expect(early[0].ruleZh).toContain('约定动工日期未到');
  });

  it('E3 built, no production → 厂房租赁给新签约企业 (none if it has no floor area)', () => {
    const p = plan({ status: 'built_no_production', exit_reasons: 'E3', floor_area_m2: 12000 });
    expect(p.map((a) => a.action)).toEqual(['lease_to_new']);
    expect(p[0].ruleZh).toContain('12,000 m²');
    expect(actions({ status: 'built_no_production', exit_reasons: 'E3', floor_area_m2: 0 })).toEqual([]);
  });

  it('E2/E4/E5/E6 → 退出 per the agreement, listing the codes; with L codes also 增容技改', () => {
    const p = plan({ exit_reasons: 'E4;E5', inefficiency: 'L1;L3' });
    expect(p.map((a) => a.action)).toEqual(['exit', 'upgrade']);
    expect(p[0]).toMatchObject({ codes: ['E4', 'E5'] });
    expect(p[0].ruleZh).toContain('土地退出机制');
    expect(p[0].ruleZh).toContain('E5 不符合产业政策或环保标准');
    expect(p[1]).toMatchObject({ codes: ['L1', 'L3'] });
    expect(p[1].ruleZh).toContain('低效用地再开发');
    expect(actions({ exit_reasons: 'E6' })).toEqual(['exit']);
    expect(actions({ exit_reasons: 'E2' })).toEqual(['exit']);
  });

  it('增容技改 only while producing', () => {
    expect(actions({ inefficiency: 'L1' })).toEqual(['upgrade']);
    expect(actions({ status: 'built_no_production', inefficiency: 'L1', exit_reasons: 'E3' })).toEqual(['lease_to_new']);
  });

  it('a small parcel idle for the holder’s own reasons → 闲置费, 督促开工, 标准厂房', () => {
    expect(actions({ ...NOT_STARTED, area_m2: 20000, idle_type: 'not_started', idle_days: 400, disposal: 'fee', fee_wan: 200, exit_reasons: 'E1' }))
      .toEqual(['collect_fee', 'urge_start', 'standard_factory']);
  });

  it('tracking: 已收回 leaves only 标准厂房 for small land; 已盘活 leaves nothing', () => {
    const base: Partial<DisposalInput> = { ...NOT_STARTED, area_m2: 20000, idle_type: 'not_started', idle_days: 900, disposal: 'recovery', exit_reasons: 'E1' };
    expect(actions({ ...base, tracking_stage: 'recovered' })).toEqual(['standard_factory']);
    expect(plan({ ...base, tracking_stage: 'recovered' })[0].ruleZh).toContain('收回后');
    expect(actions({ ...base, tracking_stage: 'revitalised' })).toEqual([]);
    expect(actions({ ...base, tracking_stage: 'interviewed' })).toEqual(['recover', 'standard_factory']);
  });
});

describe('proposeActions on real findings rows', () => {
  let db: Db & { close(): void };
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterAll(() => db?.close());

  it('reads a parcel_findings row as its input', async () => {
    await loadParcels(db, [
      { agreed_start_date: '2019-01-01', status: 'not_started', land_price_wan: 800 },
      { actual_start_date: '2018-01-01', status: 'built_no_production', floor_area_m2: 20000, actual_investment_wan: 9000 },
    ]);
    await runLandRules(db, '2021-06-01', DEFAULT_SETTINGS);
    const findings = rows<DisposalInput>(await db.query('SELECT * FROM parcel_findings ORDER BY pidx'));
    // 30,000 m² = 45 亩, not started since 2019-01-01: 882 days → recovery, then standard factories.
    expect(proposeActions(findings[0], DEFAULT_SETTINGS).map((a) => a.action)).toEqual(['recover', 'standard_factory']);
    expect(proposeActions(findings[1], DEFAULT_SETTINGS).map((a) => a.action)).toEqual(['lease_to_new']);
  });
});
