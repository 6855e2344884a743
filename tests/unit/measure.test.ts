// The measuring tool: clicks build a path, clicking the first point again closes it into a ring,
// Esc ends it; lengths and areas are geodesic and read in m/km and m² · 亩 · 公顷.

import { describe, expect, it } from 'vitest';
import { EMPTY_MEASURE, type LngLat, type Measure, measureClick, measureClose, measureEnd, measureOf } from '../../src/map/measure';
import { formatArea, formatDistance } from '../../src/ui/measure-format';

const clicks = (pts: LngLat[]): Measure => pts.reduce((m, p) => measureClick(m, p, false), EMPTY_MEASURE);
// One degree of longitude along the equator on turf's sphere (radius 6,371,008.8 m).
const DEG_M = (2 * Math.PI * 6_371_008.8) / 360;

describe('measuring', () => {
  it('adds the length of every segment', () => {
    const m = clicks([[0, 0], [1, 0], [1, 1]]);
    expect(measureOf(m).distanceM).toBeCloseTo(2 * DEG_M, -1);
    expect(measureOf(m).areaM2).toBeNull();
  });

  it('is geodesic: a degree of longitude at 60° north is half as long as at the equator', () => {
    const equator = measureOf(clicks([[116, 0], [117, 0]])).distanceM;
    const north = measureOf(clicks([[116, 60], [117, 60]])).distanceM;
    expect(north / equator).toBeCloseTo(0.5, 3);
  });

  it('closes on the first point after three points, counting the closing side, and measures the area', () => {
    // A 0.01° square at the equator: ≈ 1,113 m a side.
    const m = measureClick(clicks([[0, 0], [0.01, 0], [0.01, 0.01], [0, 0.01]]), [0, 0], true);
    expect(m).toMatchObject({ closed: true, done: true });
    const side = 0.01 * DEG_M;
    const r = measureOf(m);
    expect(r.distanceM).toBeCloseTo(4 * side, -1);
    expect(r.areaM2! / (side * side)).toBeCloseTo(1, 2);
  });

  it('does not close a path of two points, and a click after the end starts afresh', () => {
    const two = clicks([[0, 0], [1, 0]]);
    expect(measureClick(two, [0, 0], true).closed).toBe(false);
    expect(measureClose(two)).toBe(two);
    const ended = measureEnd(two);
    expect(ended.done).toBe(true);
    expect(measureClick(ended, [5, 5], false)).toEqual({ points: [[5, 5]], closed: false, done: false });
    expect(measureEnd(EMPTY_MEASURE)).toBe(EMPTY_MEASURE);
  });
});

describe('reading the values', () => {
  it('writes metres below a kilometre and kilometres above', () => {
    expect(formatDistance(56.25, 'zh')).toBe('56.3 m');
    expect(formatDistance(850, 'en')).toBe('850 m');
    expect(formatDistance(1234.5, 'en')).toBe('1.235 km');
    expect(formatDistance(23456, 'zh')).toBe('23.46 km');
  });

  it('gives an area in m², 亩 and 公顷 (1 亩 = 10000/15 m²)', () => {
    expect(formatArea(20000, 'zh')).toBe('20,000 m² · 30.00 亩 · 2.00 公顷');
    expect(formatArea(6667, 'en')).toBe('6,667 m² · 10.00 mu · 0.67 ha');
  });
});
