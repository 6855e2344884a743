// The map camera as plain data (centre and zoom), the extent a navigation fits, and the web
// Mercator arithmetic that turns one into the other. MapLibre's world is 512 px wide at zoom 0
// (its `fitBounds` uses the same projection), so a camera computed here is the one the map
// would choose for the same extent and viewport.

export interface Camera {
  lng: number;
  lat: number;
  zoom: number;
  /** Degrees clockwise from north (MapLibre's bearing); absent = 0, north up. */
  bearing?: number;
  /** Degrees of tilt, 0 (straight down) to MAX_PITCH; absent = 0. */
  pitch?: number;
}

/** MapLibre's default upper limit of pitch. */
export const MAX_PITCH = 60;

/** [west, south, east, north] in WGS84 degrees. */
export type Bounds = readonly [number, number, number, number];

export interface Viewport {
  width: number;
  height: number;
}

const TILE_PX = 512;
/** Web Mercator stops here (MapLibre's own limit). */
const MAX_LAT = 85.051129;
/** A single parcel is not fitted closer than this: a street-block scale keeps its neighbours in sight. */
export const MAX_FIT_ZOOM = 16.5;
/** Margin around a fitted extent, in CSS pixels. */
export const FIT_PADDING = 60;

const mercX = (lng: number) => (lng + 180) / 360;
const mercY = (lat: number) => {
  const s = Math.sin((Math.max(-MAX_LAT, Math.min(MAX_LAT, lat)) * Math.PI) / 180);
  return 0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI);
};
const lngOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/** A bearing in (-180, 180]: 360° and 0° are the same north-up view. */
function normalBearing(b: number): number {
  const m = ((b % 360) + 360) % 360;
  return m > 180 ? m - 360 : m;
}

/**
 * Rounded so a camera written in the address and read back compares equal (≈1 m, 1/100 zoom,
 * 1/10 degree). A north-up, untilted camera carries no bearing or pitch at all.
 */
export function roundCamera(c: Camera): Camera {
  const r = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
  const out: Camera = { lng: r(c.lng, 5), lat: r(c.lat, 5), zoom: r(c.zoom, 2) };
  const bearing = r(normalBearing(c.bearing ?? 0), 1);
  const pitch = r(Math.max(0, Math.min(MAX_PITCH, c.pitch ?? 0)), 1);
  // -0 and 0 are one view.
  if (bearing !== 0) out.bearing = bearing === 180 || bearing === -180 ? 180 : bearing;
  if (pitch !== 0) out.pitch = pitch;
  return out;
}

export function sameCamera(a: Camera | null, b: Camera | null): boolean {
  if (a === null || b === null) return a === b;
  const x = roundCamera(a);
  const y = roundCamera(b);
  return x.lng === y.lng && x.lat === y.lat && x.zoom === y.zoom && (x.bearing ?? 0) === (y.bearing ?? 0) && (x.pitch ?? 0) === (y.pitch ?? 0);
}

/** A usable camera: finite, on the Mercator map, zoom 0–22 (MapLibre's range). */
export function isCamera(c: Camera): boolean {
  return (
    Number.isFinite(c.lng) && Number.isFinite(c.lat) && Number.isFinite(c.zoom) &&
    Math.abs(c.lng) <= 180 && Math.abs(c.lat) <= MAX_LAT && c.zoom >= 0 && c.zoom <= 22 &&
    Number.isFinite(c.bearing ?? 0) && Number.isFinite(c.pitch ?? 0) && (c.pitch ?? 0) >= 0 && (c.pitch ?? 0) <= MAX_PITCH
  );
}

/**
 * The camera that shows `b` whole inside `viewport` with `padding` pixels to spare, centred on
 * it; a point or a tiny extent gets `maxZoom`. Null for an empty or non-finite extent.
 */
export function cameraForBounds(b: Bounds, viewport: Viewport, padding = FIT_PADDING, maxZoom = MAX_FIT_ZOOM): Camera | null {
  const [w, s, e, n] = b;
  if (![w, s, e, n].every(Number.isFinite) || e < w || n < s) return null;
  const x0 = mercX(w);
  const x1 = mercX(e);
  const y0 = mercY(n);
  const y1 = mercY(s);
  // A viewport smaller than its padding (a collapsed map) still gets a camera.
  const width = Math.max(viewport.width - 2 * padding, viewport.width / 2, 1);
  const height = Math.max(viewport.height - 2 * padding, viewport.height / 2, 1);
  const fit = Math.min(width / ((x1 - x0) * TILE_PX), height / ((y1 - y0) * TILE_PX));
  const zoom = Math.max(0, Math.min(maxZoom, Math.log2(fit)));
  return roundCamera({ lng: lngOf((x0 + x1) / 2), lat: latOf((y0 + y1) / 2), zoom });
}

/** Whether a point is inside what `camera` shows in `viewport`, `inset` pixels inside its edges. */
export function inView(camera: Camera, viewport: Viewport, lng: number, lat: number, inset = 0): boolean {
  const scale = TILE_PX * 2 ** camera.zoom;
  const dx = (mercX(lng) - mercX(camera.lng)) * scale;
  const dy = (mercY(lat) - mercY(camera.lat)) * scale;
  return Math.abs(dx) <= viewport.width / 2 - inset && Math.abs(dy) <= viewport.height / 2 - inset;
}

/** The smallest extent holding every [lng, lat] pair of a flat array (NaN pairs skipped), or null. */
export function boundsOfPairs(xy: ArrayLike<number>): Bounds | null {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  for (let i = 0; i + 1 < xy.length; i += 2) {
    const x = xy[i];
    const y = xy[i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    if (x < w) w = x;
    if (x > e) e = x;
    if (y < s) s = y;
    if (y > n) n = y;
  }
  return w <= e ? [w, s, e, n] : null;
}

/** `at=lng,lat,zoom` in the address, plus `,bearing,pitch` when the map is turned or tilted. */
export function cameraToParam(c: Camera): string {
  const r = roundCamera(c);
  const base = `${r.lng},${r.lat},${r.zoom}`;
  return r.bearing !== undefined || r.pitch !== undefined ? `${base},${r.bearing ?? 0},${r.pitch ?? 0}` : base;
}

export function cameraFromParam(v: string): Camera | null {
  const parts = v.split(',');
  if ((parts.length !== 3 && parts.length !== 5) || parts.some((p) => p.trim() === '')) return null;
  const [lng, lat, zoom, bearing, pitch] = parts.map(Number);
  const c: Camera = parts.length === 5 ? { lng, lat, zoom, bearing, pitch } : { lng, lat, zoom };
  return isCamera(c) ? roundCamera(c) : null;
}
