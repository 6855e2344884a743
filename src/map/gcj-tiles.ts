// GCJ-02 tiles (高德/腾讯-style services) drawn in place under WGS84 data. Such a service cuts
// its tiles on the Web Mercator grid of GCJ-02 coordinates, which the national obfuscation
// (GCJ-02, see src/data/crs/convert.ts) moves 300–600 m from WGS84 in most of China. A WGS84
// tile is therefore built from the GCJ-02 tiles covering the GCJ-02 image of its extent.
//
// Over one tile the shift is a translation to well under a pixel — its gradient is about
// 10⁻⁵ m per m, i.e. a few millimetres across a tile at zoom 18 — so the tile's corners are
// shifted exactly and the inside follows linearly. Same library as the import path (gcoord),
// which src/map may use directly: the layer rules restrict imports of src/, not of packages.

import gcoord from 'gcoord';

export const TILE_SIZE = 256;

/** Web Mercator pixel of a WGS84-or-GCJ lng/lat on the 256-pixel tile grid at `z`. */
export function globalPixel(lng: number, lat: number, z: number): [number, number] {
  const size = TILE_SIZE * 2 ** z;
  const s = Math.sin((lat * Math.PI) / 180);
  return [((lng + 180) / 360) * size, (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * size];
}

/** The lng/lat of a pixel of the 256-pixel tile grid at `z`. */
export function pixelLngLat(px: number, py: number, z: number): [number, number] {
  const size = TILE_SIZE * 2 ** z;
  const n = Math.PI - (2 * Math.PI * py) / size;
  return [(px / size) * 360 - 180, (180 / Math.PI) * Math.atan(Math.sinh(n))];
}

export function wgs84ToGcj02(lng: number, lat: number): [number, number] {
  const [x, y] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return [x, y];
}

/** Draw GCJ-02 tile (z, x, y) into the output tile at (dx, dy), `width` × `height` pixels. */
export interface TileDraw {
  z: number;
  x: number;
  y: number;
  dx: number;
  dy: number;
  width: number;
  height: number;
}

/**
 * The GCJ-02 tiles that make up WGS84 tile (z, x, y), and where each goes in the output
 * (`tileSize` pixels square). Tiles off the grid's top or bottom are left out; columns wrap.
 */
export function gcjTilePlan(z: number, x: number, y: number, tileSize = TILE_SIZE, toGcj = wgs84ToGcj02): TileDraw[] {
  const nw = pixelLngLat(x * TILE_SIZE, y * TILE_SIZE, z);
  const se = pixelLngLat((x + 1) * TILE_SIZE, (y + 1) * TILE_SIZE, z);
  const [ax, ay] = globalPixel(...toGcj(nw[0], nw[1]), z);
  const [bx, by] = globalPixel(...toGcj(se[0], se[1]), z);
  // Output pixels per GCJ-02 pixel (≈ tileSize / 256).
  const kx = tileSize / (bx - ax);
  const ky = tileSize / (by - ay);
  const n = 2 ** z;
  const draws: TileDraw[] = [];
  for (let ty = Math.floor(ay / TILE_SIZE); ty <= Math.floor((by - 1e-9) / TILE_SIZE); ty++) {
    if (ty < 0 || ty >= n) continue;
    for (let tx = Math.floor(ax / TILE_SIZE); tx <= Math.floor((bx - 1e-9) / TILE_SIZE); tx++) {
      draws.push({
        z,
        x: ((tx % n) + n) % n,
        y: ty,
        dx: (tx * TILE_SIZE - ax) * kx,
        dy: (ty * TILE_SIZE - ay) * ky,
        width: TILE_SIZE * kx,
        height: TILE_SIZE * ky,
      });
    }
  }
  return draws;
}
