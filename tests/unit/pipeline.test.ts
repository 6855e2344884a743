// The pipeline's pure updaters: add, edit, stage with dates, site and parcel links, referral
// inside a promotion group, delete — each refusing bad input with the field it concerns.

import { describe, expect, it } from 'vitest';
import {
  type Project,
  addProject,
  cancelReferral,
  deleteProject,
  editProject,
  linkParcel,
  linkSite,
  nextProjectId,
  projectFieldIssues,
  referProject,
  setStage,
} from '../../src/state/pipeline';
import type { PromotionGroup } from '../../src/analysis/promotion-groups';

const COUNTIES = ['德城区', '宁津县', '乐陵市', '庆云县'];
const GROUPS: PromotionGroup[] = [{ group_id: 'NLQ', name: '宁乐庆组团', counties: ['宁津县', '乐陵市', '庆云县'] }];
const FIELDS = { name: '健身器材整机', chain_node: 'DZ-FIT-03', investment_wan: 50000, land_need_mu_min: 80, land_need_mu_max: 120, land_use: 'industrial' as const, county: '宁津县', team: '健身器材专班' };

function one(): Project[] {
  const r = addProject([], FIELDS, '2025-03-01', COUNTIES);
  if (!r.ok) throw new Error('setup');
  return r.projects;
}
const ok = (r: { ok: boolean; projects?: Project[] }) => {
  if (!r.ok || !r.projects) throw new Error(JSON.stringify(r));
  return r.projects;
};

describe('pipeline updaters', () => {
  it('adds a project at 洽谈 with its date and the next free id', () => {
    const list = one();
    expect(list).toHaveLength(1);
    expect(list[0]).toMatchObject({ project_id: 'P001', stage: 'negotiating', dates: { negotiating: '2025-03-01' }, county: '宁津县' });
    expect(nextProjectId([...list, { ...list[0], project_id: 'P003' }])).toBe('P002');
  });

  it('refuses a project without a name, of an unknown county or with min above max, naming each field', () => {
    const r = addProject([], { ...FIELDS, name: ' ', county: '东城区', land_need_mu_min: 130 }, '2025-03-01', COUNTIES);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.field).sort()).toEqual(['county', 'land_need', 'name']);
    expect(projectFieldIssues(r.issues, 'land_need', 'zh')).toEqual(['用地需求下限 130 亩大于上限 120 亩']);
    expect(projectFieldIssues(r.issues, 'county', 'en')).toEqual(['东城区 is not a county of this region']);
  });

  it('moves through the stages with dates that never go backwards', () => {
    let list = ok(setStage(one(), 'P001', 'signed', '2025-06-01', COUNTIES));
    list = ok(setStage(list, 'P001', 'land_supplied', '2025-09-01', COUNTIES));
    expect(list[0].dates).toEqual({ negotiating: '2025-03-01', signed: '2025-06-01', land_supplied: '2025-09-01' });
    const back = setStage(list, 'P001', 'started', '2025-08-31', COUNTIES);
    expect(back.ok).toBe(false);
    if (!back.ok) expect(back.issues[0].zh).toBe('开工日期 2025-08-31 早于供地日期 2025-09-01');
    // The same day as the stage before is fine.
    expect(setStage(list, 'P001', 'started', '2025-09-01', COUNTIES).ok).toBe(true);
    // A correction back to 签约 clears the later dates and the parcel.
    const linked = ok(linkParcel(list, 'P001', 'DZ-001', () => '宁津县'));
    const corrected = ok(setStage(linked, 'P001', 'signed', '2025-06-02', COUNTIES));
    expect(corrected[0].dates).toEqual({ negotiating: '2025-03-01', signed: '2025-06-02' });
    expect(corrected[0].site_parcel_id).toBeNull();
  });

  it('refuses an impossible calendar date', () => {
    const r = setStage(one(), 'P001', 'signed', '2025-02-30', COUNTIES);
    expect(r.ok).toBe(false);
  });

  it('edits fields but keeps a referred project in its receiving county', () => {
    const list = ok(editProject(one(), 'P001', { investment_wan: 60000 }, COUNTIES));
    expect(list[0].investment_wan).toBe(60000);
    const referred = ok(referProject(list, 'P001', { to: '乐陵市', share_out_pct: 30, date: '2025-04-01', note: '' }, GROUPS, COUNTIES));
    expect(ok(editProject(referred, 'P001', { county: '庆云县' }, COUNTIES))[0].county).toBe('乐陵市');
  });

  it('links a matched site and, once land is supplied, a parcel of its county', () => {
    const site = { site_id: 'U:DZ-P02:1', kind: 'unsupplied', park_id: 'DZ-P02', county: '宁津县', label: '宁津经开区 地块 1' };
    const list = linkSite(one(), 'P001', site);
    expect(list[0].matchedSite).toEqual(site);
    const early = linkParcel(list, 'P001', 'DZ-001', () => '宁津县');
    expect(early.ok).toBe(false);
    const supplied = ok(setStage(list, 'P001', 'land_supplied', '2025-09-01', COUNTIES));
    const missing = linkParcel(supplied, 'P001', 'NOPE', () => undefined);
    expect(!missing.ok && missing.issues[0].zh).toBe('宗地 NOPE 不在本地区的数据中');
    const elsewhere = linkParcel(supplied, 'P001', 'DZ-002', () => '乐陵市');
    expect(!elsewhere.ok && elsewhere.issues[0].en).toBe('Parcel DZ-002 lies in 乐陵市, the project in 宁津县');
    expect(ok(linkParcel(supplied, 'P001', 'DZ-001', () => '宁津县'))[0].site_parcel_id).toBe('DZ-001');
  });

  it('refers a project to another member of its group with the agreed share', () => {
    const list = ok(referProject(one(), 'P001', { to: '乐陵市', share_out_pct: 30, date: '2025-04-01', note: ' 无连片用地 ' }, GROUPS, COUNTIES));
    expect(list[0]).toMatchObject({ county: '乐陵市', referred_from: '宁津县', referred_to: '乐陵市', share_out_pct: 30, referred_date: '2025-04-01', referral_note: '无连片用地' });
    expect(cancelReferral(list, 'P001')[0]).toMatchObject({ county: '宁津县', referred_from: null, referred_to: null, share_out_pct: null });
  });

  it('refuses a referral to a non-member, to the same county, with a bad share or twice', () => {
    const bad = (to: string, pct: number, date = '2025-04-01', list = one()) => {
      const r = referProject(list, 'P001', { to, share_out_pct: pct, date, note: '' }, GROUPS, COUNTIES);
      return r.ok ? [] : r.issues.map((i) => `${i.field}: ${i.zh}`);
    };
    expect(bad('德城区', 30)).toEqual(['referred_to: 德城区 不是 宁乐庆组团 的成员']);
    expect(bad('宁津县', 30)).toEqual(['referred_to: 流入县区与流出县区相同（宁津县）']);
    expect(bad('乐陵市', 101)).toEqual(['share_out_pct: 分成比例应为 0 到 100 之间的数（%）']);
    expect(bad('乐陵市', Number.NaN)).toHaveLength(1);
    expect(bad('乐陵市', 30, '2025-02-01')).toEqual(['referred_date: 流转日期早于洽谈日期 2025-03-01']);
    const referred = ok(referProject(one(), 'P001', { to: '乐陵市', share_out_pct: 30, date: '2025-04-01', note: '' }, GROUPS, COUNTIES));
    expect(bad('庆云县', 30, '2025-04-01', referred)[0]).toContain('已从 宁津县 流转到 乐陵市');
    // A county in no group cannot refer at all.
    const dc = ok(editProject(one(), 'P001', { county: '德城区' }, COUNTIES));
    expect(bad('乐陵市', 30, '2025-04-01', dc)).toEqual(['referred_to: 德城区 不属于任何组团，项目流转只在组团成员之间进行']);
  });

  it('deletes one project and leaves the others', () => {
    const two = [...one(), { ...one()[0], project_id: 'P002' }];
    expect(deleteProject(two, 'P001').map((p) => p.project_id)).toEqual(['P002']);
  });
});
