// Which county pairs the map joins with a line: only the pair the planner opened, plus the
// high-overlap pairs of the counties they filtered on — never all of them by default.

import { describe, expect, it } from 'vitest';
import { overlapLinePairs } from '../../src/state/review-selectors';

const high = [
  { a: '甲县', b: '乙县', index: 0.9 },
  { a: '乙县', b: '丙县', index: 0.8 },
  { a: '丙县', b: '丁县', index: 0.75 },
];

describe('overlapLinePairs', () => {
  it('draws nothing until a pair is chosen or a county filtered', () => {
    expect(overlapLinePairs(high, null, [])).toEqual([]);
  });

  it('draws the chosen pair, even below the threshold, marked selected', () => {
    expect(overlapLinePairs(high, { a: '甲县', b: '丁县', index: 0.2 }, [])).toEqual([{ a: '甲县', b: '丁县', index: 0.2, selected: true }]);
  });

  it('with a county filter, adds the high pairs touching the chosen counties, the chosen pair once', () => {
    const lines = overlapLinePairs(high, { a: '乙县', b: '甲县', index: 0.9 }, ['乙县']);
    expect(lines).toEqual([
      { a: '乙县', b: '甲县', index: 0.9, selected: true },
      { a: '乙县', b: '丙县', index: 0.8, selected: false },
    ]);
  });
});
