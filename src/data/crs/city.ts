// The chosen city as far as coordinates are concerned: its extent in WGS84. Used to infer a
// Gauss-Krüger central meridian and to flag files whose points land somewhere else.

/** [west, south, east, north] in WGS84 degrees. */
export type LonLatBBox = [number, number, number, number];

export interface CityHint {
  bbox: LonLatBBox;
  /** Longitude of the city centre; defaults to the middle of the bbox. */
  centreLon?: number;
}

export function centreLonOf(city: CityHint): number {
  return city.centreLon ?? (city.bbox[0] + city.bbox[2]) / 2;
}

export interface OutsideCity {
  /** Points outside the bbox, including points that could not be converted (NaN). */
  count: number;
  /** Point indices (pair i = coords[2i], coords[2i+1]), ascending. */
  indices: Uint32Array;
  /** How many of `indices` are NaN pairs rather than real positions elsewhere. */
  nonFinite: number;
}

/**
 * Points of a WGS84 lon/lat array that lie outside the city's bbox widened by `marginDeg`
 * (a parcel on the border, or a bbox drawn tight around the counties, should not be flagged).
 */
export function pointsOutsideCity(coordsWgs84: Float64Array, cityBbox: LonLatBBox, marginDeg = 0): OutsideCity {
  const [w, s, e, n] = cityBbox;
  const west = w - marginDeg;
  const south = s - marginDeg;
  const east = e + marginDeg;
  const north = n + marginDeg;
  const pairs = coordsWgs84.length >> 1;
  const hits = new Uint32Array(pairs);
  let count = 0;
  let nonFinite = 0;
  for (let i = 0; i < pairs; i++) {
    const lon = coordsWgs84[2 * i];
    const lat = coordsWgs84[2 * i + 1];
    // Written so that NaN fails the inside test.
    const inside = lon >= west && lon <= east && lat >= south && lat <= north;
    if (!inside) {
      hits[count++] = i;
      if (!(Number.isFinite(lon) && Number.isFinite(lat))) nonFinite++;
    }
  }
  return { count, indices: hits.slice(0, count), nonFinite };
}

/** Share (0…1) of the finite points inside the widened bbox; 0 when there are none. */
export function shareInsideCity(coordsWgs84: Float64Array, cityBbox: LonLatBBox, marginDeg = 0): number {
  const r = pointsOutsideCity(coordsWgs84, cityBbox, marginDeg);
  const finite = (coordsWgs84.length >> 1) - r.nonFinite;
  return finite === 0 ? 0 : (finite - (r.count - r.nonFinite)) / finite;
}
