// Settings: complete defaults with a source for each, merge semantics (unknown keys and bad
// values reported in Chinese, never used), the 亩均 group checks, and the JSON round trip.

import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  MUJUN_SHARE_KEYS,
  MUJUN_WEIGHT_KEYS,
  SETTINGS_VERSION,
  SETTING_GROUPS,
  SETTING_META,
  changedSettings,
  classSharePatch,
  mergeSettings,
} from '../../src/analysis/settings';
import { settingsFromJson, settingsToJson } from '../../src/analysis/settings-json';

describe('defaults and metadata', () => {
  it('every setting has exactly one metadata entry, a group, labels, a source and an in-range default', () => {
    const keys = Object.keys(DEFAULT_SETTINGS).filter((k) => k !== 'version');
    expect(SETTING_META.map((m) => m.key).sort()).toEqual(keys.sort());
    const groups = new Set(SETTING_GROUPS.map((g) => g.group));
    for (const m of SETTING_META) {
      expect(groups.has(m.group), m.key).toBe(true);
      expect(m.labelZh && m.labelEn && m.sourceZh && m.sourceEn, m.key).toBeTruthy();
      const v = DEFAULT_SETTINGS[m.key];
      expect(v >= m.min && v <= m.max, `${m.key}=${v}`).toBe(true);
      expect(m.step > 0, m.key).toBe(true);
    }
    expect(DEFAULT_SETTINGS.version).toBe(SETTINGS_VERSION);
  });

  it('every 亩均 benchmark is a positive divisor and says it is a sample default, citing its policy', () => {
    const benchmarks = SETTING_META.filter((x) => x.key.endsWith('Benchmark'));
    expect(benchmarks.length).toBeGreaterThan(0);
    for (const m of benchmarks) {
      // A benchmark divides the enterprise's figure: 0 would divide by zero.
      expect(m.min, m.key).toBeGreaterThan(0);
      // Honest about where the numbers come from.
      expect(m.sourceZh, m.key).toContain('示例默认值');
      expect(m.sourceZh, m.key).toContain('浙政发〔2018〕5号');
    }
  });
});

describe('mergeSettings', () => {
  it('merges a valid subset over the defaults without touching the rest', () => {
    const { settings, errors } = mergeSettings({ idleYears: 2, mujunRatioCap: 5, mujunTaxBenchmark: 12.5 });
    expect(errors).toEqual([]);
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, idleYears: 2, mujunRatioCap: 5, mujunTaxBenchmark: 12.5 });
  });

  it('reports unknown keys, non-numbers and out-of-range values in Chinese and keeps the base value', () => {
    const { settings, errors } = mergeSettings({
      nope: 1,
      minPlotRatio: '1.0',
      mujunTaxBenchmark: 0,
      idleYears: 1.5,
      mujunTaxWeight: -0.1,
    });
    expect(settings).toEqual(DEFAULT_SETTINGS);
    expect(errors).toHaveLength(5);
    expect(errors[0]).toBe('未知的设置项 “nope”');
    expect(errors[1]).toContain('必须是数字');
    expect(errors[2]).toContain('亩均税收基准值');
    expect(errors[3]).toContain('整数');
    expect(errors[4]).toContain('亩均税收权重');
  });

  it('rejects non-objects', () => {
    expect(mergeSettings([1]).errors).toEqual(['设置必须是一个 JSON 对象']);
    expect(mergeSettings(null).errors).toEqual(['设置必须是一个 JSON 对象']);
  });

  it('requires class shares to sum to 100 %; otherwise all four keep the base values', () => {
    const bad = mergeSettings({ mujunShareA: 30 });
    expect(bad.errors).toHaveLength(1);
    expect(bad.errors[0]).toContain('合计应为 100%');
    expect(bad.errors[0]).toContain('105%');
    expect(MUJUN_SHARE_KEYS.map((k) => bad.settings[k])).toEqual(MUJUN_SHARE_KEYS.map((k) => DEFAULT_SETTINGS[k]));

    const good = mergeSettings({ mujunShareA: 30, mujunShareB: 40 });
    expect(good.errors).toEqual([]);
    expect(MUJUN_SHARE_KEYS.map((k) => good.settings[k])).toEqual([30, 40, 25, 5]);
  });

  it('checks shares against the base it merges over (the app patches one change at a time)', () => {
    const base = mergeSettings({ mujunShareA: 20, mujunShareB: 50 }).settings;
    const { settings, errors } = mergeSettings({ mujunShareC: 20, mujunShareD: 10 }, base);
    expect(errors).toEqual([]);
    expect(MUJUN_SHARE_KEYS.map((k) => settings[k])).toEqual([20, 50, 20, 10]);
  });

  it('classSharePatch changes one share and rebalances the others (B, then C, A, D) so the merge passes', () => {
    const shares = (p: object) => MUJUN_SHARE_KEYS.map((k) => mergeSettings(p).settings[k]);
    expect(classSharePatch(DEFAULT_SETTINGS, 'mujunShareA', 30)).toEqual({ mujunShareA: 30, mujunShareB: 40 });
    expect(classSharePatch(DEFAULT_SETTINGS, 'mujunShareB', 35)).toEqual({ mujunShareB: 35, mujunShareC: 35 });
    // B cannot absorb 60 points: it goes to 0, C takes the rest.
    const p = classSharePatch(DEFAULT_SETTINGS, 'mujunShareD', 65);
    expect(p).toEqual({ mujunShareD: 65, mujunShareB: 0, mujunShareC: 10 });
    expect(mergeSettings(p).errors).toEqual([]);
    expect(shares(p)).toEqual([25, 0, 10, 65]);
  });

  it('requires weights ≥ 0 with a positive sum; all-zero weights keep the base weights', () => {
    const zero = Object.fromEntries(MUJUN_WEIGHT_KEYS.map((k) => [k, 0]));
    const { settings, errors } = mergeSettings(zero);
    expect(errors).toEqual(['亩均评价各指标权重不能全为 0，已保留原权重']);
    expect(MUJUN_WEIGHT_KEYS.map((k) => settings[k])).toEqual(MUJUN_WEIGHT_KEYS.map((k) => DEFAULT_SETTINGS[k]));
    // Some zero weights are fine.
    expect(mergeSettings({ mujunEnergyWeight: 0, mujunRdWeight: 0 }).errors).toEqual([]);
  });
});

describe('JSON round trip, reset and changed keys', () => {
  it('round-trips every setting', () => {
    const { settings } = mergeSettings({ idleFeeRate: 0.1, mujunShareA: 20, mujunShareD: 10, mujunLabourWeight: 0.2 });
    const text = settingsToJson(settings);
    expect(JSON.parse(text).version).toBe(SETTINGS_VERSION);
    const back = settingsFromJson(text);
    expect(back.errors).toEqual([]);
    expect(back.settings).toEqual(settings);
  });

  it('reads a subset, reports bad JSON and unsupported versions in Chinese', () => {
    expect(settingsFromJson('{"minTaxPerMu": 8}').settings.minTaxPerMu).toBe(8);
    const broken = settingsFromJson('{oops');
    expect(broken.errors[0]).toMatch(/^设置不是有效的 JSON/);
    expect(broken.settings).toEqual(DEFAULT_SETTINGS);
    expect(settingsFromJson('{"version": 2}').errors[0]).toContain('版本');
  });

  it('resetting is the defaults object; changedSettings lists what differs', () => {
    const { settings } = mergeSettings({ minPlotRatio: 1, mujunRdWeight: 0.2 });
    expect(changedSettings(settings)).toEqual(['minPlotRatio', 'mujunRdWeight']);
    expect(changedSettings(DEFAULT_SETTINGS)).toEqual([]);
    // Saved settings from before the 亩均 keys existed still load, gaining the defaults.
    const old = {
      version: 1, idleYears: 1, recoveryYears: 2, idleFeeRate: 0.2, stalledDevelopedRatio: 1 / 3,
      stalledInvestmentRatio: 0.25, outputTargetRatio: 1, minPlotRatio: 0.8, minInvestmentIntensity: 1500, minTaxPerMu: 5,
    };
    expect(mergeSettings(old)).toEqual({ settings: DEFAULT_SETTINGS, errors: [] });
  });
});
