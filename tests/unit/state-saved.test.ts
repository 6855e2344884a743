// The saved state: one versioned document for preferences and all settings, read the same way
// in the browser and by the CLI; version 1 migrates, a newer version is refused.

import { describe, expect, it } from 'vitest';
import { DEFAULT_CLUSTER_SETTINGS } from '../../src/analysis/review-settings';
import { DEFAULT_SETTINGS, mergeSettings } from '../../src/analysis/settings';
import { DEFAULT_MATCH_SETTINGS } from '../../src/analysis/match-settings';
import {
  DEFAULT_SAVED_STATE,
  LEGACY_STORAGE_KEY,
  type KeyValueStorage,
  SAVED_STATE_VERSION,
  STORAGE_KEY,
  loadSavedState,
  parseSavedState,
  readSavedState,
  storeSavedState,
} from '../../src/state/saved-state';

const SRC = { zh: '测试文件', en: 'test file' };

function memoryStorage(init: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(init));
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v) };
}

describe('migration from version 1', () => {
  it('migrates the saved view of localStorage `parkatlas:view` instead of discarding it', () => {
    const v1 = { version: 1, lang: 'en', region: 'lanzhou', settings: { ...DEFAULT_SETTINGS, idleYears: 2, minTaxPerMu: 8 } };
    const storage = memoryStorage({ [LEGACY_STORAGE_KEY]: JSON.stringify(v1) });
    const r = loadSavedState(storage);
    expect(r.issues).toEqual([]);
    expect(r.state).toMatchObject({ version: SAVED_STATE_VERSION, lang: 'en', region: 'lanzhou' });
    expect(r.state.rules).toEqual({ ...DEFAULT_SETTINGS, idleYears: 2, minTaxPerMu: 8 });
    expect(r.state.clusters).toEqual(DEFAULT_CLUSTER_SETTINGS);
  });

  it('migrates a bare settings object (version 1 or no version), as the CLI is given', () => {
    expect(readSavedState({ version: 1, minPlotRatio: 1.2 }, SRC).state.rules.minPlotRatio).toBe(1.2);
    const partial = readSavedState({ idleYears: 2, mujunRatioCap: 2 }, SRC);
    expect(partial.issues).toEqual([]);
    expect(partial.state.rules).toEqual({ ...DEFAULT_SETTINGS, idleYears: 2, mujunRatioCap: 2 });
  });

  it('prefers the current key over the version 1 key', () => {
    const storage = memoryStorage({
      [LEGACY_STORAGE_KEY]: JSON.stringify({ version: 1, region: 'lanzhou' }),
      [STORAGE_KEY]: JSON.stringify({ version: 2, region: 'shaoguan' }),
    });
    expect(loadSavedState(storage).state.region).toBe('shaoguan');
  });
});

describe('validation', () => {
  it('round-trips a saved document with every part changed', () => {
    const storage = memoryStorage();
    const s = {
      ...DEFAULT_SAVED_STATE,
      lang: 'en' as const,
      rules: { ...DEFAULT_SETTINGS, recoveryYears: 3 },
      clusters: { epsKm: 12, minParks: 3, method: 'centroid' as const, mainChainShare: 0.4 },
      overlap: { highOverlap: 0.55 },
      matching: { ...DEFAULT_MATCH_SETTINGS, matchLandWeight: 0.5, matchDistanceKm: 30 },
    };
    expect(storeSavedState(storage, s)).toBe(true);
    expect(loadSavedState(storage)).toEqual({ state: s, issues: [], refused: false });
  });

  it('keeps valid values, uses defaults for invalid ones and names each refused field', () => {
    const r = readSavedState(
      { version: 2, rules: { idleYears: 2, minPlotRatio: 99 }, clusters: { epsKm: -1, minParks: 3, method: 'ward' }, overlap: { highOverlap: 0.5 }, colour: 'red' },
      SRC,
    );
    expect(r.refused).toBe(false);
    expect(r.state.rules.idleYears).toBe(2);
    expect(r.state.rules.minPlotRatio).toBe(DEFAULT_SETTINGS.minPlotRatio);
    expect(r.state.clusters).toEqual({
      epsKm: DEFAULT_CLUSTER_SETTINGS.epsKm,
      minParks: 3,
      method: DEFAULT_CLUSTER_SETTINGS.method,
      // A document saved before the setting existed gets its default.
      mainChainShare: DEFAULT_CLUSTER_SETTINGS.mainChainShare,
    });
    expect(r.state.overlap.highOverlap).toBe(0.5);
    const text = r.issues.map((i) => i.zh).join('\n');
    for (const field of ['minPlotRatio', 'epsKm', 'method', 'colour']) expect(text).toContain(field);
    expect(r.issues).toHaveLength(4);
    expect(r.issues.every((i) => i.zh.startsWith('测试文件') && i.en.startsWith('test file'))).toBe(true);
  });

  it('reads a version 3 document with the default matching settings, and refuses a bad weight by name', () => {
    const v3 = { version: 3, lang: 'zh', region: 'shaoguan', rules: { idleYears: 2 } };
    const r = readSavedState(v3, SRC);
    expect(r.issues).toEqual([]);
    expect(r.state.matching).toEqual(DEFAULT_MATCH_SETTINGS);
    expect(r.state.rules.idleYears).toBe(2);
    const bad = readSavedState({ version: 4, matching: { matchLandWeight: 3, matchDistanceKm: 25 } }, SRC);
    expect(bad.state.matching).toEqual({ ...DEFAULT_MATCH_SETTINGS, matchDistanceKm: 25 });
    expect(bad.issues.map((i) => i.zh)).toEqual([expect.stringContaining('matchLandWeight')]);
  });

  it('refuses a recovery period shorter than the idle period', () => {
    const r = readSavedState({ version: 2, rules: { idleYears: 3, recoveryYears: 2 } }, SRC);
    expect(r.state.rules.idleYears).toBe(DEFAULT_SETTINGS.idleYears);
    expect(r.state.rules.recoveryYears).toBe(DEFAULT_SETTINGS.recoveryYears);
    expect(r.issues[0].zh).toContain('无偿收回年限（2 年）不能小于闲置认定年限（3 年）');
    // Equal periods are allowed (the fee stage is then skipped), and a change of one keeps the other.
    expect(mergeSettings({ idleYears: 2 }).errors).toEqual([]);
    expect(mergeSettings({ idleYears: 3 }).settings.idleYears).toBe(1);
  });

  it('refuses a document from a newer version with a clear message and keeps defaults', () => {
    const r = readSavedState({ version: SAVED_STATE_VERSION + 1, rules: { idleYears: 2 } }, SRC);
    expect(r.refused).toBe(true);
    expect(r.newerVersion).toBe(SAVED_STATE_VERSION + 1);
    expect(r.state).toEqual(DEFAULT_SAVED_STATE);
    expect(r.issues[0].zh).toContain('更新版本');
    expect(r.issues[0].en).toContain('newer version');
  });

  it('refuses text that is not JSON, or JSON that is not an object, with the source named', () => {
    const broken = parseSavedState('{oops', SRC);
    expect(broken).toMatchObject({ refused: true, state: DEFAULT_SAVED_STATE });
    expect(broken.issues[0].zh).toMatch(/^测试文件 不是有效的 JSON/);
    expect(parseSavedState('[1,2]', SRC).refused).toBe(true);
    expect(parseSavedState('\uFEFF{"idleYears": 2}', SRC).state.rules.idleYears).toBe(2);
  });

  it('starts from defaults when storage is empty or blocked', () => {
    expect(loadSavedState(memoryStorage())).toEqual({ state: DEFAULT_SAVED_STATE, issues: [], refused: false });
    const blocked: KeyValueStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(loadSavedState(blocked).refused).toBe(false);
    expect(storeSavedState(blocked, DEFAULT_SAVED_STATE)).toBe(false);
  });
});
