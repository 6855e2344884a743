// A place's scenes, groups and brochure details: stored per place, versioned, validated on read.

import { describe, expect, it } from 'vitest';
import { EMPTY_PLACE_WORK, loadPlaceWork, placeWorkKey, storePlaceWork } from '../../src/state/place-work';
import { EMPTY_PROJECT } from '../../src/analysis/projects';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

const WORK = {
  scenes: [{ id: 's1', title: '宁乐庆全貌', caption: '三县园区一张图', view: '?mode=layout&at=117.1,37.7,9' }],
  groups: [{ group_id: 'NLQ', name: '宁乐庆组团', counties: ['宁津县', '乐陵市', '庆云县'] }],
  brochure: { contact: { unit: '宁津县投资促进局', person: '张科长', phone: '0534-0000000', email: '', address: '' }, approvalNo: '鲁S(2024)012号' },
  projects: [
    {
      ...EMPTY_PROJECT,
      project_id: 'P001',
      name: '健身器材整机项目',
      county: '乐陵市',
      stage: 'signed' as const,
      dates: { negotiating: '2025-03-01', signed: '2025-06-01' },
      referred_from: '宁津县',
      referred_to: '乐陵市',
      share_out_pct: 30,
      referred_date: '2025-05-01',
      referral_note: '宁津无连片工业用地',
      matchedSite: { site_id: 'U:DZ-P03:1', kind: 'unsupplied', park_id: 'DZ-P03', county: '乐陵市', label: '乐陵经济开发区 地块 1' },
    },
  ],
};

describe('place work', () => {
  it('round-trips per place and leaves other places alone', () => {
    const st = memory();
    expect(storePlaceWork(st, 'dezhou', WORK)).toBe(true);
    expect(loadPlaceWork(st, 'dezhou')).toEqual({ work: WORK, issues: [], readOnly: false });
    expect(loadPlaceWork(st, 'shaoguan').work).toEqual(EMPTY_PLACE_WORK);
  });

  it('drops a malformed scene with a notice and keeps the rest', () => {
    const st = memory();
    st.setItem(placeWorkKey('dezhou'), JSON.stringify({ version: 1, scenes: [WORK.scenes[0], { id: 's1', title: 'dup', view: '?' }, { title: 'no id' }], groups: null }));
    const r = loadPlaceWork(st, 'dezhou');
    expect(r.work.scenes).toEqual(WORK.scenes);
    expect(r.work.groups).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0].zh).toBe('本浏览器保存的数据中有 2 个场景无法读取，已略去');
  });

  it('reads a version-1 record (before the pipeline) with the data projects in force', () => {
    const st = memory();
    st.setItem(placeWorkKey('dezhou'), JSON.stringify({ version: 1, scenes: WORK.scenes, groups: WORK.groups, brochure: WORK.brochure, projects: 'ignored' }));
    const r = loadPlaceWork(st, 'dezhou');
    expect(r.issues).toEqual([]);
    expect(r.work.projects).toBeNull();
    expect(r.work.groups).toEqual(WORK.groups);
  });

  it('drops a malformed or duplicated project with a notice and keeps the rest', () => {
    const st = memory();
    const bad = [WORK.projects[0], { ...WORK.projects[0] }, { project_id: 'P2', stage: 'dreaming' }, { name: 'no id', stage: 'signed' }];
    st.setItem(placeWorkKey('dezhou'), JSON.stringify({ version: 2, scenes: [], groups: null, projects: bad }));
    const r = loadPlaceWork(st, 'dezhou');
    expect(r.work.projects).toEqual(WORK.projects);
    expect(r.issues.map((i) => i.zh)).toEqual(['本浏览器保存的数据中有 3 个招商项目无法读取，已略去']);
  });

  it('refuses a newer version without guessing, and marks it read-only', () => {
    const st = memory();
    st.setItem(placeWorkKey('dezhou'), JSON.stringify({ version: 99, scenes: WORK.scenes }));
    const r = loadPlaceWork(st, 'dezhou');
    expect(r.readOnly).toBe(true);
    expect(r.work).toEqual(EMPTY_PLACE_WORK);
    expect(r.issues[0].en).toContain('newer');
  });

  it('reads text that is not JSON as nothing saved, with a notice', () => {
    const st = memory();
    st.setItem(placeWorkKey('dezhou'), '{broken');
    const r = loadPlaceWork(st, 'dezhou');
    expect(r.work).toEqual(EMPTY_PLACE_WORK);
    expect(r.issues).toHaveLength(1);
  });

  it('reports a refused write instead of pretending', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); } };
    expect(storePlaceWork(full, 'dezhou', WORK)).toBe(false);
  });
});
