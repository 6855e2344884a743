// When parcels are drawn as points and when as polygons, decided from the data: a parcel whose
// typical size is a pixel or two on screen is invisible as a polygon but still costs all its
// triangles, while a dot stays visible and is one instance. The switch follows the median
// parcel's size in pixels, so a region of large parcels switches at a lower zoom than a
// region of small ones.

const RAD = Math.PI / 180;
/** Metres per degree of latitude, and of longitude at the equator (WGS84, rounded). */
const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LNG = 111_320;
/** MapLibre's world is 512 px wide at zoom 0; the equator is this long in metres. */
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
const TILE_PX = 512;

/** Rings measured at most when estimating the median (evenly spaced through the set). */
const SAMPLE = 20_000;

/**
 * Median parcel size in metres: the square root of each ring's area (shoelace, in metres on a
 * local equirectangular grid), over up to 20,000 rings. 0 when there are no rings.
 */
export function medianRingSizeM(positions: Float64Array, startIndices: Uint32Array): number {
  const rings = startIndices.length - 1;
  if (rings <= 0) return 0;
  const step = Math.max(1, Math.floor(rings / SAMPLE));
  const sizes: number[] = [];
  for (let k = 0; k < rings; k += step) {
    const a = startIndices[k];
    const b = startIndices[k + 1];
    if (b - a < 3) continue;
    const ox = positions[2 * a];
    const oy = positions[2 * a + 1];
    const kx = M_PER_DEG_LNG * Math.cos(oy * RAD);
    let s = 0;
    for (let i = a; i < b; i++) {
      const j = i + 1 < b ? i + 1 : a;
      const x0 = (positions[2 * i] - ox) * kx;
      const y0 = (positions[2 * i + 1] - oy) * M_PER_DEG_LAT;
      const x1 = (positions[2 * j] - ox) * kx;
      const y1 = (positions[2 * j + 1] - oy) * M_PER_DEG_LAT;
      s += x0 * y1 - x1 * y0;
    }
    const size = Math.sqrt(Math.abs(s) / 2);
    if (Number.isFinite(size)) sizes.push(size);
  }
  if (!sizes.length) return 0;
  sizes.sort((x, y) => x - y);
  return sizes[sizes.length >> 1];
}

/** Ground metres per screen pixel of the MapLibre map at `zoom`, at latitude `lat`. */
export function metresPerPixel(zoom: number, lat: number): number {
  return (EARTH_CIRCUMFERENCE_M * Math.cos(lat * RAD)) / (TILE_PX * 2 ** zoom);
}

/**
 * Polygons replace points once the median parcel is this many pixels across: the ordinary
 * dots are 3.6 px wide (layers.ts), so smaller polygons would make the map fade as one zooms in.
 */
export const POLYGONS_FROM_PX = 3;

export type ParcelDrawing = 'points' | 'polygons';

/** Points or polygons for a median parcel of `sizeM` metres seen at `zoom` and latitude `lat`. */
export function parcelDrawing(sizeM: number, zoom: number, lat: number): ParcelDrawing {
  if (!(sizeM > 0)) return 'polygons';
  return sizeM / metresPerPixel(zoom, lat) >= POLYGONS_FROM_PX ? 'polygons' : 'points';
}
