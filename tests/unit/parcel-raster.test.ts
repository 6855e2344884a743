// The region-scale image: each shown parcel colours the texel under its centre (idle ones a
// 3 × 3 block on top), rows follow Web Mercator, and every texel names the parcel it shows.

import { describe, expect, it } from 'vitest';
import { latOfMercatorY, mercatorY, rasterGrid, rasterParcelAt, rasterise } from '../../src/map/parcel-raster';

describe('rasterise', () => {
  // Parcel 0 in the north-west corner, 1 in the south-east, 2 next to 1 (idle), 3 unknown, 4 filtered out.
  const centers = Float64Array.of(116.0, 37.5, 116.1, 37.4, 116.1 - 0.0005, 37.4, NaN, NaN, 116.05, 37.45);
  const colours = Uint8Array.of(10, 0, 0, 255, 20, 0, 0, 255, 30, 0, 0, 255, 40, 0, 0, 255, 50, 0, 0, 255);
  const mask = Uint8Array.of(1, 1, 1, 1, 0);
  const grid = rasterGrid(centers, 100)!;
  const r = rasterise(centers, colours, mask, (p) => p === 2, grid);
  const texelOf = (lng: number, lat: number): [number, number] => [
    ((lng - grid.west) / (grid.east - grid.west)) * grid.width,
    ((grid.top - mercatorY(lat)) / (grid.top - grid.bottom)) * grid.height,
  ];

  it('covers the known centres with texels about 100 m wide and a one-texel margin', () => {
    expect(grid.west).toBeLessThan(116.0);
    expect(grid.east).toBeGreaterThan(116.1);
    expect(latOfMercatorY(grid.top)).toBeGreaterThan(37.5);
    expect(latOfMercatorY(grid.bottom)).toBeLessThan(37.4);
    // 0.1° of longitude at 37.45° is about 8.8 km: 89 texels plus the margins.
    expect(grid.width).toBeGreaterThan(85);
    expect(grid.width).toBeLessThan(95);
  });

  it('traces each texel back to the parcel it shows, in that parcel’s colour', () => {
    const [x, y] = texelOf(116.0, 37.5);
    expect(rasterParcelAt(r, x, y)).toBe(0);
    expect(r.rgba[4 * (Math.floor(y) * grid.width + Math.floor(x))]).toBe(10);
  });

  it('draws idle parcels as 3 × 3 blocks over their neighbours', () => {
    const [x, y] = texelOf(116.1, 37.4);
    expect(rasterParcelAt(r, x, y)).toBe(2);
    expect(rasterParcelAt(r, x - 2, y)).toBe(2);
  });

  it('leaves filtered-out parcels, unknown centres and empty land blank', () => {
    const [x, y] = texelOf(116.05, 37.45);
    expect(rasterParcelAt(r, x, y)).toBeNull();
    expect(r.rgba[4 * (Math.floor(y) * grid.width + Math.floor(x)) + 3]).toBe(0);
    expect(rasterParcelAt(r, -1, 0)).toBeNull();
    expect(Array.from(r.pidx).filter((p) => p === 3 || p === 4)).toEqual([]);
  });

  it('keeps the side within the texture limit however small the texel', () => {
    const g = rasterGrid(Float64Array.of(100, 20, 120, 40), 1)!;
    expect(g.width).toBeLessThanOrEqual(2048);
    expect(g.height).toBeLessThanOrEqual(2048);
    expect(rasterGrid(Float64Array.of(NaN, NaN), 100)).toBeNull();
  });
});
