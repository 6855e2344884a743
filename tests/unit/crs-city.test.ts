import { describe, expect, it } from 'vitest';
import { pointsOutsideCity, shareInsideCity, type LonLatBBox } from '../../src/data/crs/city.ts';

const DEZHOU: LonLatBBox = [116.0, 36.4, 117.6, 38.0];

describe('points outside the chosen city', () => {
  const coords = new Float64Array([
    116.9, 37.45, // 0 inside
    103.83, 36.06, // 1 兰州
    117.6, 38.0, // 2 on the corner: inside
    NaN, 37.0, // 3 could not be converted
    117.65, 37.0, // 4 just east of the bbox
    116.5, 36.3, // 5 just south
  ]);

  it('lists the indices of points outside, NaN pairs included and counted apart', () => {
    const r = pointsOutsideCity(coords, DEZHOU);
    expect(Array.from(r.indices)).toEqual([1, 3, 4, 5]);
    expect(r.count).toBe(4);
    expect(r.nonFinite).toBe(1);
  });

  it('a margin keeps border parcels in', () => {
    const r = pointsOutsideCity(coords, DEZHOU, 0.1);
    expect(Array.from(r.indices)).toEqual([1, 3]);
  });

  it('the share inside ignores points that could not be converted', () => {
    expect(shareInsideCity(coords, DEZHOU)).toBeCloseTo(2 / 5);
    expect(shareInsideCity(new Float64Array([NaN, NaN]), DEZHOU)).toBe(0);
  });
});
