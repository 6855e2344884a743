// Parcel positions as Float32 offsets in degrees from one region origin, drawn with deck.gl's
// COORDINATE_SYSTEM.LNGLAT_OFFSETS: half the memory of Float64 lng/lat and no 64-bit emulation
// in the shaders.
//
// deck.gl projects such offsets with a local approximation of Web Mercator around the origin
// (project.glsl `project_offset_`; the scales come from @math.gl/web-mercator
// getDistanceScales with highPrecision): x is exact, y is dy·k·(1 + c·dy) with
// c = (π/180)·tan(lat0)/2, a second-order expansion whose error grows with the cube of the
// distance, about 12 m at 1° and 100 m at 2° north or south of the origin at Dezhou's latitude.
// A tiled 1,000,000-parcel region spans more than 3°, so the y offsets stored here are the
// values that this quadratic maps onto the true Mercator y: the drawn parcels then sit exactly
// where MapLibre draws the boundaries, and where the pointer picks them.

const RAD = Math.PI / 180;

/** Web Mercator northing in degree-like units (its derivative is 1/cos(lat)). */
function mercatorDeg(lat: number): number {
  return Math.log(Math.tan(Math.PI / 4 + (lat * RAD) / 2)) / RAD;
}

/** The centre of the bounding box of finite [x, y, …] pairs; null when there are none. */
export function regionOrigin(xy: ArrayLike<number>): [number, number] | null {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i + 1 < xy.length; i += 2) {
    const x = xy[i];
    const y = xy[i + 1];
    // NaN fails every comparison: parcels without a location are skipped.
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (!(minX <= maxX && minY <= maxY)) return null;
  return [(minX + maxX) / 2, (minY + maxY) / 2];
}

/**
 * Float32 [dx, dy, …] offsets of WGS84 [lng, lat, …] from `origin`, ready for deck.gl's
 * LNGLAT_OFFSETS with `coordinateOrigin: origin` (dy corrected as explained above).
 * NaN stays NaN. `out` may be passed to write into part of a larger array.
 */
export function toOffsets(xy: Float64Array, origin: readonly [number, number], out = new Float32Array(xy.length)): Float32Array {
  const [lng0, lat0] = origin;
  const cos0 = Math.cos(lat0 * RAD);
  const c = (RAD * Math.tan(lat0 * RAD)) / 2;
  const m0 = mercatorDeg(lat0);
  for (let i = 0; i + 1 < xy.length; i += 2) {
    out[i] = xy[i] - lng0;
    // Solve dy·(1 + c·dy) = t, t being the Mercator distance in the origin's degrees; this
    // form of the root stays exact when c is 0 (an origin on the equator).
    const t = cos0 * (mercatorDeg(xy[i + 1]) - m0);
    out[i + 1] = (2 * t) / (1 + Math.sqrt(1 + 4 * c * t));
  }
  return out;
}
