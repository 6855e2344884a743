// The plot of a chart starts below its legend however many lines the legend wraps to: English
// disposal names take two lines in the 346 px sidebar, Chinese ones one.

import { describe, expect, it } from 'vitest';
import { labelWidth, legendLayout } from '../../src/ui/charts/legend-layout';
import { DISPOSAL_LABELS } from '../../src/vocab';

const names = (lang: 'zh' | 'en') => (['fee', 'recovery', 'negotiate'] as const).map((d) => DISPOSAL_LABELS[d][lang]);

describe('legendLayout', () => {
  it('keeps the three Chinese disposal names on one line in the sidebar', () => {
    expect(legendLayout(names('zh'), 346).lines).toBe(1);
  });

  it('wraps the English names and moves the plot down with them', () => {
    const en = legendLayout(names('en'), 346);
    const zh = legendLayout(names('zh'), 346);
    expect(en.lines).toBeGreaterThan(1);
    expect(en.gridTop).toBeGreaterThan(zh.gridTop);
  });

  it('starts a new line only when an item does not fit', () => {
    // Each item: 12 + 5 + 10 × 11 × 0.58 ≈ 80.8 px, + 10 gap.
    const ten = 'abcdefghij';
    expect(legendLayout([ten, ten, ten], 300).lines).toBe(1);
    expect(legendLayout([ten, ten, ten, ten], 300).lines).toBe(2);
    expect(legendLayout([], 300)).toEqual({ lines: 0, gridTop: 10 });
  });

  it('measures CJK characters wider than Latin letters', () => {
    expect(labelWidth('闲置', 10)).toBe(20);
    expect(labelWidth('ab', 10)).toBeCloseTo(11.6);
  });
});
