// A place's scenes, groups and brochure details: stored per place, versioned, validated on read.

import { describe, expect, it } from 'vitest';
import { EMPTY_PLACE_WORK, loadPlaceWork, placeWorkKey, storePlaceWork } from '../../src/state/place-work';

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v), m };
}

const WORK = {
  scenes: [{ id: 's1', title: '宁乐庆全貌', caption: '三县园区一张图', view: '?mode=layout&at=117.1,37.7,9' }],
  groups: [{ group_id: 'NLQ', name: '宁乐庆组团', counties: ['宁津县', '乐陵市', '庆云县'] }],
  brochure: { contact: { unit: '宁津县投资促进局', person: '张科长', phone: '0534-0000000', email: '', address: '' }, approvalNo: '鲁S(2024)012号' },
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
