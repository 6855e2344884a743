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

/** Paints parcels shown by `mask` (1) at their centres in their RGBA `colours` (4 bytes by pidx). */
export function rasterise(centers: Float64Array, colours: Uint8Array, mask: Uint8Array, emphasised: (pidx: number) => boolean, grid: RasterGrid): ParcelRaster {
  const { width, height } = grid;
  const rgba = new Uint8ClampedArray(width * height * 4);
  const pidx = new Int32Array(width * height).fill(-1);
  const sx = width / (grid.east - grid.west);
  const sy = height / (grid.top - grid.bottom);
  const paint = (p: number, r: number) => {
    const x = Math.floor((centers[2 * p] - grid.west) * sx);
    const y = Math.floor((grid.top - mercatorY(centers[2 * p + 1])) * sy);
    if (!(x >= 0 && x < width && y >= 0 && y < height)) return;
    for (let yy = Math.max(0, y - r); yy <= Math.min(height - 1, y + r); yy++) {
      for (let xx = Math.max(0, x - r); xx <= Math.min(width - 1, x + r); xx++) {
        const t = yy * width + xx;
        pidx[t] = p;
        rgba.set(colours.subarray(4 * p, 4 * p + 4), 4 * t);
      }
    }
  };
  const count = mask.length;
  for (let p = 0; p < count; p++) if (mask[p] && !emphasised(p)) paint(p, 0);
  for (let p = 0; p < count; p++) if (mask[p] && emphasised(p)) paint(p, 1);
  return { grid, rgba, pidx };
}

/** The parcel shown at texel (x, y) of a raster, or null. */
export function rasterParcelAt(r: ParcelRaster, x: number, y: number): number | null {
  if (!(x >= 0 && x < r.grid.width && y >= 0 && y < r.grid.height)) return null;
  const p = r.pidx[Math.floor(y) * r.grid.width + Math.floor(x)];
  return p >= 0 ? p : null;
}
