// Measures on flat polygon arrays agree with Turf on the same shapes.

import { area as turfArea } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { featureAreaM2, labelPoints, selectFeatures, shellRings } from '../../src/data/workspace/polygons';
import type { PolygonSet } from '../../src/data/workspace/polygons';

/** Builds a PolygonSet from features given as arrays of polygons (arrays of rings). */
function set(features: Position[][][][]): PolygonSet {
  const coords: number[] = [];
  const ringOffsets = [0];
  const polygonOffsets = [0];
  const featureOffsets = [0];
  for (const f of features) {
    for (const poly of f) {
      for (const ring of poly) {
        for (const [x, y] of ring) coords.push(x, y);
        ringOffsets.push(coords.length / 2);
      }
      polygonOffsets.push(ringOffsets.length - 1);
    }
    featureOffsets.push(polygonOffsets.length - 1);
  }
  return {
    coords: Float64Array.from(coords),
    ringOffsets: Uint32Array.from(ringOffsets),
    polygonOffsets: Uint32Array.from(polygonOffsets),
    featureOffsets: Uint32Array.from(featureOffsets),
  };
}

// ~200 m × 150 m near 宁津县, clockwise (as a Shapefile writes shells), with a 50 m × 50 m hole.
const shell: Position[] = [[116.8, 37.65], [116.8, 37.6513], [116.8022, 37.6513], [116.8022, 37.65], [116.8, 37.65]];
const hole: Position[] = [[116.8005, 37.6003], [116.8011, 37.6003], [116.8011, 37.6008], [116.8005, 37.6008], [116.8005, 37.6003]].map(([x, y]) => [x, y + 0.05]);

describe('polygon measures', () => {
  it('computes the geodesic area Turf computes, holes subtracted, whatever the winding', () => {
    const g = set([[[shell, hole]], [[[...shell].reverse()]]]);
    const poly: Polygon = { type: 'Polygon', coordinates: [shell, hole] };
    expect(featureAreaM2(g, 0)).toBeCloseTo(turfArea(poly), 3);
    expect(featureAreaM2(g, 1)).toBeCloseTo(turfArea({ type: 'Polygon', coordinates: [shell] }), 3);
  });
  it('gives NaN label points for a feature without geometry and the centre for a rectangle', () => {
    const g = set([[[shell]], []]);
    const { x, y } = labelPoints(g);
    expect(x[0]).toBeCloseTo(116.8011, 9);
    expect(y[0]).toBeCloseTo(37.65065, 9);
    expect(Number.isNaN(x[1])).toBe(true);
  });
  it('returns shells counter-clockwise with the feature they belong to', () => {
    const g = set([[[shell, hole]], [], [[shell], [[...shell].reverse()]]]);
    const r = shellRings(g);
    expect(Array.from(r.feature)).toEqual([0, 2, 2]);
    for (let k = 0; k < 3; k++) {
      const xs = r.xy.subarray(2 * r.starts[k], 2 * r.starts[k + 1]);
      let s = 0;
      for (let i = 0; i + 3 < xs.length; i += 2) s += xs[i] * xs[i + 3] - xs[i + 2] * xs[i + 1];
      expect(s).toBeGreaterThan(0);
    }
  });
  it('reorders features, leaving a hole where the order says -1', () => {
    const g = set([[[shell]], [[[...shell].reverse(), hole]]]);
    const s = selectFeatures(g, Int32Array.of(1, -1, 0));
    expect(Array.from(s.featureOffsets)).toEqual([0, 1, 1, 2]);
    expect(featureAreaM2(s, 0)).toBeCloseTo(featureAreaM2(g, 1), 6);
    expect(featureAreaM2(s, 2)).toBeCloseTo(featureAreaM2(g, 0), 6);
  });
});

describe('mapShapesOf', () => {
  it('draws shells per parcel and uses a row’s own point where it has no shape', async () => {
    const { mapShapesOf } = await import('../../src/data/workspace/map-shapes');
    const m = mapShapesOf({ count: 2, columns: {}, shapes: set([[[shell]], []]), points: Float64Array.of(Number.NaN, Number.NaN, 116.9, 37.7) });
    expect([m.length, m.parcelCount, Array.from(m.pidx)]).toEqual([1, 2, [0]]);
    expect(m.centers[0]).toBeCloseTo(116.8011, 9);
    expect([m.centers[2], m.centers[3]]).toEqual([116.9, 37.7]);
  });
});
