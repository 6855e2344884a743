// Site matching on the tiny equatorial region of helpers/site-match-fixture.ts: every score
// component with its exact value, the zone exclusions, a county scope and missing data.

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { DEFAULT_MATCH_SETTINGS } from '../../src/analysis/match-settings';
import { type MatchResult, matchSites } from '../../src/analysis/site-match';
import { type MatchInput, landClassesFor } from '../../src/analysis/site-match-need';
import { explainSite } from '../../src/analysis/site-match-explain';
import type { Db } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { loadSiteFixture, loadZoneChecks } from './helpers/site-match-fixture';

let db: Db & { close(): void };
beforeAll(async () => {
  db = await openNodeDb();
});
afterAll(() => db?.close());
beforeEach(() => loadSiteFixture(db));

const PCB: MatchInput = {
  nodeIds: ['PCB'], muMin: 15, muMax: 30, landUse: 'industrial', investmentWan: 50000,
  counties: [], levels: [], distanceKm: 15, industrialClass: null,
};
const run = (input: Partial<MatchInput> = {}): Promise<MatchResult> =>
  matchSites(db, { ...PCB, ...input }, DEFAULT_MATCH_SETTINGS, DEFAULT_SETTINGS);
const site = (r: MatchResult, id: string) => {
  const s = r.ranked.find((x) => x.site_id === id);
  if (!s) throw new Error(`${id} not ranked`);
  return s;
};

describe('scores', () => {
  it('ranks by the weighted total and gives each component its exact value', async () => {
    const r = await run();
    expect(r.ranked.map((s) => [s.site_id, s.total])).toEqual([
      // 0.3·0.45 + 0.25·1 + 0.2·1 + 0.1·0.75 + 0.15·2/3
      ['U:KA:1', 0.76],
      // 0.3·0.05 + 0.25 + 0.2 + 0.1·1 + 0.15·1
      ['U:KB:1', 0.715],
      // 0.3·0.45 + 0.25·0.5 + 0.2 + 0.1·0.75 + 0.15·2/3
      ['F:F1', 0.635],
      // 0.3·0.45 + 0.25·0.75 + 0.2·0.2 + 0.1·0.25 + 0.15·2/3
      ['R:P9', 0.4875],
    ]);
    const a = site(r, 'U:KA:1');
    // Leads C1 (1), 1 PCB firm of 5 nearby (0.2), 1 supplier + 1 customer of 5 (0.4):
    // 0.25·1 + 0.5·0.2 + 0.25·0.4 = 0.45.
    expect([a.lead, a.peers, a.suppliers, a.customers, a.chain]).toEqual([true, 1, 1, 1, 0.45]);
    expect([a.land, a.readiness_score, a.level_score]).toEqual([1, 1, 0.75]);
    // E1 A, E2 B, E3 C within 15 km: 2 of 3.
    expect([a.nearby_classed, a.nearby_ab, a.mujun]).toEqual([3, 2, 0.666667]);
    const b = site(r, 'U:KB:1');
    // KB leads C2 only; no PCB firm within 15 km; E4 (a phone maker, customer) on the spot: 0.25·0.2.
    expect([b.lead, b.peers, b.suppliers, b.customers, b.chain, b.level_score, b.mujun]).toEqual([false, 0, 0, 1, 0.05, 1, 1]);
  });

  it('land fit: 1 inside min–max, max/area above, area/min below; a factory by vacant floor', async () => {
    const r = await run();
    expect(site(r, 'R:P9').land).toBe(0.75); // 40 亩 against at most 30
    expect(site(r, 'F:F1').land).toBe(0.5); // 5000 m² floor against 15 亩 = 10000 m²
    const small = await run({ muMin: 25, muMax: 50 });
    expect(site(small, 'U:KA:1').land).toBe(0.8); // 20 亩 against at least 25
    expect(site(small, 'R:P9').land).toBe(1);
    // Above the need: a returning parcel falls off (max/area); unsupplied land is cut to size.
    const tiny = await run({ muMin: 5, muMax: 10 });
    expect([site(tiny, 'U:KA:1').land, site(tiny, 'R:P9').land]).toEqual([1, 0.25]);
    const none = await run({ muMin: null, muMax: null });
    expect(site(none, 'U:KA:1').land).toBeNull();
    expect(none.noData).toContain('land');
  });

  it('readiness and level follow their scales; a disputed site ranks below a ready one with equal land', async () => {
    const r = await run();
    expect(site(r, 'R:P9').readiness_score).toBe(0.2);
    expect(site(r, 'R:P9').level_score).toBe(0.25);
    expect(site(r, 'U:KB:1').level_score).toBe(1);
  });

  it('counts suppliers and customers only within the distance', async () => {
    // At 9 km E2 (10.0 km from U:KA:1) no longer counts as a customer.
    const r = await run({ distanceKm: 9 });
    const a = site(r, 'U:KA:1');
    expect([a.suppliers, a.customers, a.chain]).toEqual([1, 0, 0.4]);
    const names = r.partners.filter((p) => p.site_id === 'U:KA:1').map((p) => [p.role, p.name, p.km]);
    expect(names).toEqual([['supplier', '铜箔甲', 0], ['peer', '板厂戊', 2.224]]);
    const wide = await run();
    expect(wide.partners.filter((p) => p.site_id === 'U:KA:1').map((p) => [p.role, p.name, p.km])).toEqual([
      ['supplier', '铜箔甲', 0],
      ['peer', '板厂戊', 2.224],
      ['customer', '手机乙', 10.008],
    ]);
  });
});

describe('hard limits', () => {
  it('matches an M2 project to the one site the zones allow, listing the others with why', async () => {
    await loadZoneChecks(db);
    const r = await run({ industrialClass: 'M2' });
    expect(r.ranked.map((s) => s.site_id)).toEqual(['U:KA:1']);
    expect(r.excluded.map((s) => [s.site_id, s.reasons])).toEqual([
      ['F:F1', ['land_class']],
      ['R:P9', ['farmland']],
      ['U:KB:1', ['outside_urban']],
    ]);
    expect(r.zoneChecks).toBe(true);
  });

  it('land classes: M3 land takes M1–M3, M2 land M1–M2, M1 land only M1', async () => {
    expect(landClassesFor('M1')).toEqual(['M1', 'M2', 'M3']);
    expect(landClassesFor('M3')).toEqual(['M3']);
    await loadZoneChecks(db);
    // An M1 project fits the M1 factory; an M3 one only the M3 site.
    expect((await run({ industrialClass: 'M1' })).ranked.map((s) => s.site_id)).toEqual(['U:KA:1', 'F:F1']);
    expect((await run({ industrialClass: 'M3' })).excluded.find((s) => s.site_id === 'F:F1')?.reasons).toEqual(['land_class']);
  });

  it('without zone checks nothing is excluded for zones; land use still counts', async () => {
    const r = await run({ industrialClass: 'M3' });
    expect(r.excluded).toEqual([]);
    expect(r.zoneChecks).toBe(false);
    const commercial = await run({ landUse: 'commercial' });
    expect(commercial.excluded.map((s) => [s.site_id, s.reasons])).toEqual([
      ['F:F1', ['land_use']],
      ['R:P9', ['land_use']],
    ]);
  });
});

describe('scope and missing data', () => {
  it('a promotion group spanning two counties ranks the sites of both, and only those', async () => {
    const r = await run({ counties: ['甲县', '丙县'] });
    expect(r.ranked.map((s) => s.site_id).sort()).toEqual(['F:F1', 'R:P9', 'U:KA:1']);
    const national = await run({ levels: ['national'] });
    expect(national.ranked.map((s) => s.site_id)).toEqual(['U:KB:1']);
  });

  it('a missing column or table leaves its component without data, not 0, and the total over the rest', async () => {
    await db.query('CREATE OR REPLACE TABLE parks AS SELECT * EXCLUDE (level) FROM parks');
    await db.query('DROP TABLE chain_links');
    const r = await run();
    expect(r.noData).toEqual(['level']);
    const a = site(r, 'U:KA:1');
    // Chain fit from the leading chains and the cluster, (0.25·1 + 0.5·0.2) / 0.75; no level score.
    expect([a.chain, a.level_score, a.suppliers]).toEqual([0.466667, null, 0]);
    // (0.3·0.466667 + 0.25·1 + 0.2·1 + 0.15·0.666667) / 0.9, each score rounded to 6 places first
    expect(a.total).toBe(0.766667);
    await db.query('DROP TABLE enterprises');
    const r2 = await run();
    expect(r2.noData).toEqual(['level', 'mujun']);
    expect(site(r2, 'U:KA:1').mujun).toBeNull();
  });

  it('no candidates table: an empty result that says so', async () => {
    await db.query('DROP TABLE site_candidates');
    const r = await run();
    expect([r.hasCandidates, r.ranked.length]).toEqual([false, 0]);
  });

  it('a project without a chain node has no chain score', async () => {
    const r = await run({ nodeIds: [] });
    expect(r.noData).toContain('chain');
    expect(site(r, 'U:KA:1').chain).toBeNull();
  });
});

describe('explanations', () => {
  const ctx = (r: MatchResult) => ({ input: PCB, chainNames: ['电子信息'], noData: r.noData });
  it('name the numbers each score was computed from, in Chinese and English', async () => {
    const r = await run();
    const a = site(r, 'U:KA:1');
    const partners = r.partners.filter((p) => p.site_id === 'U:KA:1');
    const zh = explainSite(a, partners, ctx(r), 'zh');
    expect(zh.chain).toBe(
      '园区主导产业链含 电子信息；同环节 印制电路板（PCB） 企业 1 家在 15 公里内：板厂戊（2.2 公里）；' +
        '上游 铜箔 企业 1 家在 15 公里内：铜箔甲（0 公里）；下游 手机 企业 1 家在 15 公里内：手机乙（10 公里） → 0.45',
    );
    expect(zh.land).toBe('面积 20 亩，在需求 15–30 亩之内 → 1.00');
    expect(zh.readiness).toBe('可即供 → 1.00');
    expect(zh.level).toBe('省级园区 → 0.75');
    expect(zh.mujun).toBe('15 公里内参评企业 3 家，A/B 类 2 家（67%）→ 0.67');
    const en = explainSite(a, partners, ctx(r), 'en');
    expect(en.chain).toBe(
      'The park’s leading chains include 电子信息; 1 firm on the same node (印制电路板（PCB）) within 15 km: 板厂戊 (2.2 km); ' +
        '1 supplier (铜箔) within 15 km: 铜箔甲 (0 km); 1 customer (手机) within 15 km: 手机乙 (10 km) → 0.45',
    );
    expect(en.land).toBe('20 mu, within the 15–30 mu needed → 1.00');
    const f = explainSite(site(r, 'F:F1'), [], ctx(r), 'zh');
    expect(f.land).toBe('空置厂房 5,000 m²，项目至少需地 15 亩（按容积率 1 折合 10,000 m² 厂房）→ 0.50');
    expect(explainSite(site(r, 'R:P9'), [], ctx(r), 'en').land).toBe('A 40 mu parcel, above the 30 mu wanted → 0.75');
    const tiny = await run({ muMin: 5, muMax: 10 });
    expect(explainSite(site(tiny, 'U:KA:1'), [], { ...ctx(tiny), input: { ...PCB, muMin: 5, muMax: 10 } }, 'zh').land).toBe(
      '未供应土地 20 亩，大于需求上限 10 亩，可按需分割供地 → 1.00',
    );
  });

  it('say 无数据 for a score the data cannot give', async () => {
    await db.query('CREATE OR REPLACE TABLE parks AS SELECT * EXCLUDE (level) FROM parks');
    const r = await run();
    expect(explainSite(site(r, 'U:KA:1'), [], ctx(r), 'zh').level).toBe('无数据');
    expect(explainSite(site(r, 'U:KA:1'), [], ctx(r), 'en').level).toBe('No data');
  });
});

describe('the ranking workbook', () => {
  it('has the ranking with scores, explanations and partners, the excluded sites with why, and the notes', async () => {
    await loadZoneChecks(db);
    const input = { ...PCB, industrialClass: 'M2' as const };
    const result = await matchSites(db, input, DEFAULT_MATCH_SETTINGS, DEFAULT_SETTINGS);
    const { rankingTables } = await import('../../src/analysis/site-match-export');
    const { buildTablesWorkbook, readWorkbook } = await import('../../src/export/xlsx');
    const tables = rankingTables(
      { input, resolved: { nodes: [], by: 'none' }, chainNames: ['电子信息'], result, settings: DEFAULT_MATCH_SETTINGS, regionName: '示例市', asOf: '2026-06-30' },
      'zh',
    );
    const back = await readWorkbook(await buildTablesWorkbook(tables, '项目选址'));
    expect(back.map((t) => t.name)).toEqual(['选址排名', '排除地块', '说明']);
    const [ranking, excluded] = back;
    const col = (h: string) => ranking.headers.findIndex((x) => x === h || x.startsWith(`${h}（`));
    expect(ranking.rows).toHaveLength(1);
    expect(ranking.rows[0][col('地块编号')]).toBe('U:KA:1');
    expect(ranking.rows[0][col('综合得分')]).toBe(0.76);
    expect(ranking.rows[0][col('上游供应商')]).toBe('铜箔甲');
    expect(ranking.rows[0][col('同环节企业')]).toBe('板厂戊');
    expect(String(ranking.rows[0][col('产业链契合说明')])).toContain('下游 手机 企业 1 家在 15 公里内');
    expect(excluded.rows.map((r) => [r[0], r[excluded.headers.length - 1]])).toEqual([
      ['F:F1', '控规用地类别不适合项目类别'],
      ['R:P9', '在永久基本农田内'],
      ['U:KB:1', '在城镇开发边界外'],
    ]);
  });
});
