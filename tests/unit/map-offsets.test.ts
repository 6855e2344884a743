// Float32 offsets land where Web Mercator puts the absolute lng/lat, through deck.gl's own
// LNGLAT_OFFSETS arithmetic (its scales from @math.gl/web-mercator, the package deck.gl uses).

import { getDistanceScales, lngLatToWorld } from '@math.gl/web-mercator';
import { describe, expect, it } from 'vitest';
import { regionOrigin, toOffsets } from '../../src/map/offsets';

/** Where deck.gl's shader puts an offset, in metres east/north of the origin (project_offset_). */
function drawnMetres(origin: [number, number], dx: number, dy: number): [number, number] {
  const d = getDistanceScales({ longitude: origin[0], latitude: origin[1], highPrecision: true });
  const x = dx * (d.unitsPerDegree[0] + d.unitsPerDegree2![0] * dy);
  const y = dy * (d.unitsPerDegree[1] + d.unitsPerDegree2![1] * dy);
  return [x / d.unitsPerMeter[0], y / d.unitsPerMeter[1]];
}

/** Where Web Mercator puts a lng/lat, in the same metres (true for MapLibre's boundaries). */
function trueMetres(origin: [number, number], lng: number, lat: number): [number, number] {
  const d = getDistanceScales({ longitude: origin[0], latitude: origin[1] });
  const [x0, y0] = lngLatToWorld(origin);
  const [x, y] = lngLatToWorld([lng, lat]);
  return [(x - x0) / d.unitsPerMeter[0], (y - y0) / d.unitsPerMeter[1]];
}

describe('toOffsets', () => {
  // Dezhou's latitude; a tiled 1,000,000-parcel set reaches about 2° from its centre.
  const origin: [number, number] = [116.8, 37.3];
  const far = Float64Array.of(118.8, 39.3, 114.8, 35.3, 116.8, 37.3, 117.3, 36.9);

  it('puts points 2° away within 0.1 m of where MapLibre draws them', () => {
    const off = toOffsets(far, origin);
    for (let i = 0; i < far.length; i += 2) {
      const [ex, ey] = trueMetres(origin, far[i], far[i + 1]);
      const [ax, ay] = drawnMetres(origin, off[i], off[i + 1]);
      expect(Math.abs(ax - ex)).toBeLessThan(0.1);
      expect(Math.abs(ay - ey)).toBeLessThan(0.1);
    }
  });

  it('is needed: plain lat − lat0 would be drawn about 100 m off at 2°', () => {
    const [, ey] = trueMetres(origin, 118.8, 39.3);
    const [, ay] = drawnMetres(origin, 2, 2);
    expect(Math.abs(ay - ey)).toBeGreaterThan(50);
  });

  it('keeps Float32 offsets, the origin at zero, and unknown positions unknown', () => {
    const off = toOffsets(Float64Array.of(116.8, 37.3, NaN, NaN), origin);
    expect(off).toBeInstanceOf(Float32Array);
    expect([off[0], off[1]]).toEqual([0, 0]);
    expect(Number.isNaN(off[2]) && Number.isNaN(off[3])).toBe(true);
  });
});

describe('regionOrigin', () => {
  it('is the centre of the bounding box of known positions', () => {
    expect(regionOrigin(Float64Array.of(116, 37, NaN, NaN, 118, 36, 117, 39))).toEqual([117, 37.5]);
  });
  it('is null when no position is known', () => {
    expect(regionOrigin(Float64Array.of(NaN, NaN))).toBeNull();
    expect(regionOrigin(new Float64Array(0))).toBeNull();
  });
});
