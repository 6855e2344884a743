// What coordinate values alone say. China spans about 73°–135°E and 3°–54°N, so
// - longitude/latitude pairs are small numbers in those ranges;
// - Gauss-Krüger northings (metres from the equator) run from about 1.0e6 (10°N, the South
//   China Sea aside) to 6.0e6 (53.5°N);
// - eastings are 500 000 m ± the distance to the central meridian (under 350 km even for a 6°
//   zone at the edge), optionally prefixed by the zone number × 1e6 (3° zones 25–45, 6° zones 13–23).
// These ranges do not overlap, so the axis order and the prefix are both readable from values.
// The datum is not: Xi'an 1980 and Beijing 1954 numbers look exactly like CGCS2000 ones, and
// GCJ-02 / BD-09 longitudes differ from WGS84 by only a few hundred metres.

import { SIX_DEGREE_ZONES, THREE_DEGREE_ZONES, zoneOfCentralMeridian, type CrsChoice } from './choice.ts';

export const LON_RANGE = [73, 136] as const;
export const LAT_RANGE = [3, 54] as const;
export const NORTHING_RANGE = [1_000_000, 6_100_000] as const;
/** Easting within its zone, without the prefix. */
export const EASTING_RANGE = [100_000, 900_000] as const;

const within = (v: number, r: readonly [number, number]): boolean => v >= r[0] && v <= r[1];

/** The zone number in front of an easting (e.g. 39 for 39 544 500), or null when there is none. */
export function zonePrefixOf(easting: number): number | null {
  const zone = Math.floor(easting / 1e6);
  const isZone =
    (zone >= THREE_DEGREE_ZONES.first && zone <= THREE_DEGREE_ZONES.last) ||
    (zone >= SIX_DEGREE_ZONES.first && zone <= SIX_DEGREE_ZONES.last);
  return isZone && within(easting - zone * 1e6, EASTING_RANGE) ? zone : null;
}

export interface ValueFit {
  /** Finite pairs in the sample. */
  finite: number;
  /** Pairs that are NaN or infinite. */
  nonFinite: number;
  geographic: number;
  geographicSwapped: number;
  /** Easting without prefix, northing, in file order x = easting. */
  gk: number;
  /** Same with x = northing, y = easting (surveyors' order). */
  gkSwapped: number;
  /** Prefixed eastings per zone, x = easting. */
  zones: Map<number, number>;
  zonesSwapped: Map<number, number>;
  /** Range of the values, for messages. */
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Counts how many sample pairs fit each reading; at most `limit` pairs are looked at, evenly spread. */
export function fitValues(sample: Float64Array, limit = 20_000): ValueFit {
  const pairs = sample.length >> 1;
  const step = Math.max(1, Math.floor(pairs / limit));
  const fit: ValueFit = {
    finite: 0,
    nonFinite: 0,
    geographic: 0,
    geographicSwapped: 0,
    gk: 0,
    gkSwapped: 0,
    zones: new Map(),
    zonesSwapped: new Map(),
    xMin: Infinity,
    xMax: -Infinity,
    yMin: Infinity,
    yMax: -Infinity,
  };
  for (let i = 0; i < pairs; i += step) {
    const x = sample[2 * i];
    const y = sample[2 * i + 1];
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      fit.nonFinite++;
      continue;
    }
    fit.finite++;
    if (x < fit.xMin) fit.xMin = x;
    if (x > fit.xMax) fit.xMax = x;
    if (y < fit.yMin) fit.yMin = y;
    if (y > fit.yMax) fit.yMax = y;
    if (within(x, LON_RANGE) && within(y, LAT_RANGE)) fit.geographic++;
    else if (within(y, LON_RANGE) && within(x, LAT_RANGE)) fit.geographicSwapped++;
    else if (within(y, NORTHING_RANGE)) {
      if (within(x, EASTING_RANGE)) fit.gk++;
      else {
        const z = zonePrefixOf(x);
        if (z !== null) fit.zones.set(z, (fit.zones.get(z) ?? 0) + 1);
      }
    }
    if (within(x, NORTHING_RANGE)) {
      if (within(y, EASTING_RANGE)) fit.gkSwapped++;
      else {
        const z = zonePrefixOf(y);
        if (z !== null) fit.zonesSwapped.set(z, (fit.zonesSwapped.get(z) ?? 0) + 1);
      }
    }
  }
  return fit;
}

export interface Misfits {
  /** Point indices (pair i = coords[2i], coords[2i+1]) whose values do not fit, ascending. */
  indices: Uint32Array;
  /** How many of them are empty or not numbers. */
  nonFinite: number;
}

/**
 * The points whose values cannot be in `choice` (a 0,0 placeholder, an easting with another
 * zone number, a northing outside China), so that the import can list them by row and field
 * instead of converting them to a position somewhere else.
 */
export function misfitPoints(coords: Float64Array, choice: CrsChoice): Misfits {
  const pairs = coords.length >> 1;
  const hits = new Uint32Array(pairs);
  let count = 0;
  let nonFinite = 0;
  const swap = choice.swapAxes === true;
  const zone = choice.kind === 'gk' && choice.zonePrefix ? zoneOfCentralMeridian(choice.zoneWidth, choice.centralMeridian) : null;
  for (let i = 0; i < pairs; i++) {
    const x = swap ? coords[2 * i + 1] : coords[2 * i];
    const y = swap ? coords[2 * i] : coords[2 * i + 1];
    let fits: boolean;
    if (!Number.isFinite(x) || !Number.isFinite(y)) {
      nonFinite++;
      fits = false;
    } else if (choice.kind !== 'gk') {
      fits = within(x, LON_RANGE) && within(y, LAT_RANGE);
    } else {
      fits = within(y, NORTHING_RANGE) && (zone === null ? within(x, EASTING_RANGE) : zonePrefixOf(x) === zone);
    }
    if (!fits) hits[count++] = i;
  }
  return { indices: hits.slice(0, count), nonFinite };
}
