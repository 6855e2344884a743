// Very many parcels at region scale are drawn as one image instead of one dot each. With
// 1,000,000 dots, software WebGL (headless Chromium, machines without a GPU) spent about 17 s per
// frame on a 2-core machine; an image is one textured quad whatever the parcel count. Each
// parcel centre colours one texel, idle (emphasised) parcels a 3 × 3 block drawn last so they
// stay visible; rows are spaced in Web Mercator so the image lies flat on the map. A second
// grid remembers which parcel each texel shows, for hover and click.

const RAD = Math.PI / 180;
/** Texture side limit: 2048² RGBA is 16 MB, uploaded again after a colour or filter change. */
export const MAX_RASTER_SIDE = 2048;

export interface RasterGrid {
  west: number;
  east: number;
  /** Web Mercator northing (radians) of the top and bottom edges. */
  top: number;
  bottom: number;
  width: number;
  height: number;
}

export interface ParcelRaster {
  grid: RasterGrid;
  /** RGBA per texel, row 0 at the top. */
  rgba: Uint8ClampedArray<ArrayBuffer>;
  /** pidx shown in each texel, −1 where none. */
  pidx: Int32Array;
}

export const mercatorY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2));
export const latOfMercatorY = (y: number) => (2 * Math.atan(Math.exp(y)) - Math.PI / 2) / RAD;

/**
 * The grid over the known centres: a texel about `texelM` metres wide (at the middle latitude),
 * at most MAX_RASTER_SIDE texels a side, with a texel of margin. Null without known centres.
 */
export function rasterGrid(centers: Float64Array, texelM: number): RasterGrid | null {
  let west = Infinity;
  let east = -Infinity;
  let south = Infinity;
  let north = -Infinity;
  for (let i = 0; i + 1 < centers.length; i += 2) {
    const x = centers[i];
    const y = centers[i + 1];
    if (!(Number.isFinite(x) && Number.isFinite(y))) continue;
    if (x < west) west = x;
    if (x > east) east = x;
    if (y < south) south = y;
    if (y > north) north = y;
  }
  if (!(west <= east)) return null;
  const lat = (south + north) / 2;
  const texelDeg = Math.max(texelM, 1) / (111_320 * Math.cos(lat * RAD));
  // `cols` texels span the centres, so the easternmost centre falls on texel cols + 1: one
  // texel of margin on either side makes cols + 3.
  const cols = Math.min(MAX_RASTER_SIDE - 3, Math.max(1, Math.ceil((east - west) / texelDeg)));
  const degPerTexel = east > west ? (east - west) / cols : texelDeg;
  const [top, bottom] = [mercatorY(north), mercatorY(south)];
  // Mercator rows as tall as the columns are wide (square texels on the map).
  const radPerTexel = degPerTexel * RAD;
  const rows = Math.min(MAX_RASTER_SIDE - 3, Math.max(1, Math.ceil((top - bottom) / radPerTexel)));
  const rowRad = top > bottom ? (top - bottom) / rows : radPerTexel;
  return { west: west - degPerTexel, east: east + 2 * degPerTexel, top: top + rowRad, bottom: bottom - 2 * rowRad, width: cols + 3, height: rows + 3 };
}

// The texel of each parcel centre, per centres array and grid: a colour or filter change
// repaints from these instead of projecting a million centres again (the time bar recolours
// the map at every step).
const texelCache = new WeakMap<Float64Array, { key: string; texels: Int32Array }>();

/** The texel index (row × width + column) of each parcel's centre on `grid`, −1 outside it. */
export function centreTexels(centers: Float64Array, grid: RasterGrid): Int32Array {
  const key = `${grid.west}|${grid.east}|${grid.top}|${grid.bottom}|${grid.width}|${grid.height}`;
  const hit = texelCache.get(centers);
  if (hit && hit.key === key) return hit.texels;
  const { width, height } = grid;
  const sx = width / (grid.east - grid.west);
  const sy = height / (grid.top - grid.bottom);
  const texels = new Int32Array(centers.length >> 1);
  for (let p = 0; p < texels.length; p++) {
    const x = Math.floor((centers[2 * p] - grid.west) * sx);
    const y = Math.floor((grid.top - mercatorY(centers[2 * p + 1])) * sy);
    texels[p] = x >= 0 && x < width && y >= 0 && y < height ? y * width + x : -1;
  }
  texelCache.set(centers, { key, texels });
  return texels;
}

/** Paints parcels shown by `mask` (1) at their centres in their RGBA `colours` (4 bytes by pidx). */
export function rasterise(centers: Float64Array, colours: Uint8Array, mask: Uint8Array, emphasised: (pidx: number) => boolean, grid: RasterGrid): ParcelRaster {
  const { width, height } = grid;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const pidx = new Int32Array(width * height).fill(-1);
  const texels = centreTexels(centers, grid);
  const put = (p: number, t: number) => {
    pidx[t] = p;
    rgba[4 * t] = colours[4 * p];
    rgba[4 * t + 1] = colours[4 * p + 1];
    rgba[4 * t + 2] = colours[4 * p + 2];
    rgba[4 * t + 3] = colours[4 * p + 3];
  };
  const count = mask.length;
  for (let p = 0; p < count; p++) {
    const t = texels[p];
    if (t >= 0 && mask[p] && !emphasised(p)) put(p, t);
  }
  // Emphasised (idle) parcels last, as 3 × 3 blocks, so they stay visible.
  for (let p = 0; p < count; p++) {
    const t = texels[p];
    if (t < 0 || !mask[p] || !emphasised(p)) continue;
    const x = t % width;
    const y = (t - x) / width;
    for (let yy = Math.max(0, y - 1); yy <= Math.min(height - 1, y + 1); yy++) {
      for (let xx = Math.max(0, x - 1); xx <= Math.min(width - 1, x + 1); xx++) put(p, yy * width + xx);
    }
  }
  return { grid, rgba, pidx };
}

/** The parcel shown at texel (x, y) of a raster, or null. */
export function rasterParcelAt(r: ParcelRaster, x: number, y: number): number | null {
  if (!(x >= 0 && x < r.grid.width && y >= 0 && y < r.grid.height)) return null;
  const p = r.pidx[Math.floor(y) * r.grid.width + Math.floor(x)];
  return p >= 0 ? p : null;
}
