// Locating points in a polygon set agrees with Turf, holes included.

import { booleanPointInPolygon, point } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { locatePoints } from '../../src/data/workspace/point-in-polygons';
import type { PolygonSet } from '../../src/data/workspace/polygons';
import { featuresToPolygonSet } from '../../src/data/workspace/to-geojson';

const fromGeojson = (fc: FeatureCollection): PolygonSet => featuresToPolygonSet(fc).shapes;

describe('locatePoints', () => {
  it('puts points in the county Turf puts them in, over the real 德州 boundaries', () => {
    const fc = JSON.parse(readFileSync('data/boundaries/dezhou.geojson', 'utf8')) as FeatureCollection;
    const g = fromGeojson(fc);
    // A deterministic scatter over the city's extent, including points outside every county.
    const pts: number[] = [];
    for (let i = 0; i < 400; i++) pts.push(115.7 + ((i * 37) % 400) / 400 * 2.0, 36.3 + ((i * 91) % 400) / 400 * 1.7);
    const got = locatePoints(Float64Array.from(pts), g);
    const want = Array.from({ length: 400 }, (_, i) =>
      fc.features.findIndex((f) => booleanPointInPolygon(point([pts[2 * i], pts[2 * i + 1]]), f as Feature<Polygon | MultiPolygon>)),
    );
    expect(Array.from(got)).toEqual(want);
    expect(want.filter((v) => v === -1).length).toBeGreaterThan(10);
    expect(new Set(want).size).toBeGreaterThan(8);
  });
  it('treats a hole as outside and a missing point as not found', () => {
    const g = fromGeojson({
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]], [[4, 4], [6, 4], [6, 6], [4, 6], [4, 4]]] } },
        { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[4.5, 4.5], [5.5, 4.5], [5.5, 5.5], [4.5, 5.5], [4.5, 4.5]]] } },
      ],
    });
    expect(Array.from(locatePoints(Float64Array.of(1, 1, 4.2, 4.2, 5, 5, Number.NaN, Number.NaN, 20, 20), g))).toEqual([0, -1, 1, -1, -1]);
  });
});
