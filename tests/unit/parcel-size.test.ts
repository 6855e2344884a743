// The points/polygons switch follows the data: the median parcel's size in screen pixels.

import { describe, expect, it } from 'vitest';
import { POLYGONS_FROM_PX, medianRingSizeM, metresPerPixel, parcelDrawing } from '../../src/map/parcel-size';

/** A closed square ring of `m` metres at (lng, lat), as [x, y, …] degrees. */
function square(lng: number, lat: number, m: number): number[] {
  const dx = m / (111_320 * Math.cos((lat * Math.PI) / 180));
  const dy = m / 110_574;
  return [lng, lat, lng + dx, lat, lng + dx, lat + dy, lng, lat + dy, lng, lat];
}

function rings(sizes: number[]): { positions: Float64Array; starts: Uint32Array } {
  const xy = sizes.flatMap((m, i) => square(116 + i * 0.01, 37.4, m));
  return { positions: Float64Array.from(xy), starts: Uint32Array.from(sizes.map((_, i) => i * 5).concat(sizes.length * 5)) };
}

describe('medianRingSizeM', () => {
  it('is the median of the rings’ square-root areas in metres', () => {
    const { positions, starts } = rings([100, 900, 250, 40, 300]);
    expect(medianRingSizeM(positions, starts)).toBeCloseTo(250, 0);
  });
  it('is 0 without rings and ignores degenerate ones', () => {
    expect(medianRingSizeM(new Float64Array(0), Uint32Array.of(0))).toBe(0);
    const { positions } = rings([200]);
    const withLine = Float64Array.from([...positions, 116, 37, 116.1, 37]);
    expect(medianRingSizeM(withLine, Uint32Array.of(0, 5, 7))).toBeCloseTo(200, 0);
  });
});

describe('parcelDrawing', () => {
  it('uses MapLibre’s 512-pixel world: 78,272 m per pixel at zoom 0 on the equator', () => {
    expect(metresPerPixel(0, 0)).toBeCloseTo(78_271.5, 0);
    expect(metresPerPixel(10, 60)).toBeCloseTo(78_271.5 / 1024 / 2, 1);
  });
  it('draws 233 m parcels (the Dezhou demo’s median) as points at zoom 9 and polygons at 13', () => {
    expect(parcelDrawing(233, 9, 37.4)).toBe('points');
    expect(parcelDrawing(233, 13, 37.4)).toBe('polygons');
  });
  it('switches where the median parcel reaches the threshold in pixels, earlier for larger parcels', () => {
    const z = Math.log2((40_075_016.686 * Math.cos((37.4 * Math.PI) / 180)) / (512 * (233 / POLYGONS_FROM_PX)));
    expect(parcelDrawing(233, z - 0.01, 37.4)).toBe('points');
    expect(parcelDrawing(233, z + 0.01, 37.4)).toBe('polygons');
    expect(parcelDrawing(2330, z - 1, 37.4)).toBe('polygons');
  });
  it('draws polygons when no parcel has a shape to measure', () => {
    expect(parcelDrawing(0, 3, 37.4)).toBe('polygons');
  });
});
