// The 亩均 legend's per-class totals: enterprises and 亩 summed over the filtered county mix.

import { describe, expect, it } from 'vitest';
import type { MujunMixRow } from '../../src/analysis/mujun';
import { mujunClassTotals } from '../../src/analysis/mujun-totals';

const row = (key: string, counts: [number, number, number, number, number], mu: [number, number, number, number, number]): MujunMixRow => ({
  key,
  name: key,
  enterprises: counts.reduce((a, b) => a + b, 0),
  scored: counts.slice(0, 4).reduce((a, b) => a + b, 0),
  a: counts[0], b: counts[1], c: counts[2], d: counts[3], unclassed: counts[4],
  landMu: mu.reduce((a, b) => a + b, 0),
  aMu: mu[0], bMu: mu[1], cMu: mu[2], dMu: mu[3], unclassedMu: mu[4],
});

describe('mujunClassTotals', () => {
  it('adds each class across counties, keeping classes apart', () => {
    const t = mujunClassTotals([row('宁津县', [1, 1, 0, 0, 1], [9, 18, 0, 0, 9]), row('乐陵市', [0, 1, 1, 2, 0], [0, 9, 9, 30, 0])]);
    expect(t).toEqual({
      A: { enterprises: 1, landMu: 9 },
      B: { enterprises: 2, landMu: 27 },
      C: { enterprises: 1, landMu: 9 },
      D: { enterprises: 2, landMu: 30 },
      unclassed: { enterprises: 1, landMu: 9 },
    });
  });

  it('is all zeros when the filter leaves no enterprise', () => {
    expect(Object.values(mujunClassTotals([])).every((x) => x.enterprises === 0 && x.landMu === 0)).toBe(true);
  });
});
