// Converts flat coordinate arrays (x0, y0, x1, y1, …) between a file's coordinate system and
// WGS84 longitude/latitude. One proj4 converter per call and one reused input point, so a
// 100k-parcel file costs no per-vertex objects beyond those proj4 and gcoord create inside.
//
// CGCS2000 is treated as WGS84: the two frames differ by a few centimetres (IERS ITRF97 at
// epoch 2000.0 vs. WGS84 G-series), far below parcel accuracy, and PROJ itself relates EPSG:4490
// and EPSG:4326 by a null transformation. Xi'an 1980 and Beijing 1954 sit on other ellipsoids
// and need a local Helmert transformation; without one only the ellipsoid is changed
// (+towgs84=0,0,0), which leaves errors of tens of metres — detection warns about that.

import proj4 from 'proj4';
import gcoord from 'gcoord';
import { falseEasting, type CrsChoice, type GaussKrugerChoice } from './choice.ts';

const ELLIPSOID: Record<GaussKrugerChoice['datum'], string> = {
  cgcs2000: '+ellps=GRS80',
  // IAG 1975 ellipsoid of the 1980 Xi'an system (EPSG:7049 semi-major axis and inverse flattening).
  xian80: '+a=6378140 +rf=298.257',
  beijing54: '+ellps=krass',
};

/** proj4 / PROJ definition string of a Gauss-Krüger choice (as `projinfo -o PROJ` prints it for the EPSG code). */
export function proj4Definition(c: GaussKrugerChoice): string {
  const base =
    `+proj=tmerc +lat_0=0 +lon_0=${c.centralMeridian} +k=1 +x_0=${falseEasting(c)} +y_0=0 ` +
    `${ELLIPSOID[c.datum]} +units=m +no_defs`;
  if (c.datum === 'cgcs2000') return base;
  return `${base} +towgs84=${(c.towgs84 ?? [0, 0, 0]).join(',')}`;
}

function assertPairs(coords: Float64Array, out: Float64Array): void {
  if (coords.length % 2 !== 0) throw new RangeError('coordinate array must hold x,y pairs');
  if (out.length < coords.length) throw new RangeError('output array is shorter than the input');
}

/**
 * File coordinates → WGS84 lon/lat. Pairs that are not finite, or that the projection cannot
 * invert, become NaN so that callers can report them by index. Pass `out === coords` to convert in place.
 */
export function toWgs84(coords: Float64Array, crs: CrsChoice, out: Float64Array = new Float64Array(coords.length)): Float64Array {
  assertPairs(coords, out);
  const swap = crs.swapAxes === true;
  const n = coords.length;
  if (crs.kind === 'gk') {
    const conv = proj4(proj4Definition(crs), 'WGS84');
    const p = { x: 0, y: 0 };
    for (let i = 0; i < n; i += 2) {
      p.x = swap ? coords[i + 1] : coords[i];
      p.y = swap ? coords[i] : coords[i + 1];
      if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) {
        out[i] = out[i + 1] = NaN;
        continue;
      }
      const r = conv.forward(p);
      const ok = Number.isFinite(r.x) && Number.isFinite(r.y);
      out[i] = ok ? r.x : NaN;
      out[i + 1] = ok ? r.y : NaN;
    }
    return out;
  }
  if (crs.kind === 'gcj02' || crs.kind === 'bd09') {
    return shiftOffsets(coords, crs.kind === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, gcoord.WGS84, swap, false, out);
  }
  for (let i = 0; i < n; i += 2) {
    const x = swap ? coords[i + 1] : coords[i];
    const y = swap ? coords[i] : coords[i + 1];
    const ok = Number.isFinite(x) && Number.isFinite(y);
    out[i] = ok ? x : NaN;
    out[i + 1] = ok ? y : NaN;
  }
  return out;
}

type OffsetSystem = typeof gcoord.GCJ02 | typeof gcoord.BD09 | typeof gcoord.WGS84;
/** Points handed to gcoord at a time: bounds the temporary arrays for multi-million-vertex files. */
const OFFSET_CHUNK = 65_536;

/**
 * GCJ-02 / BD-09 ⇄ WGS84 through gcoord. Chunks go in as one MultiPoint each: gcoord's
 * per-position entry point formats an error message for every call, which costs more than
 * the conversion itself.
 */
function shiftOffsets(
  coords: Float64Array,
  from: OffsetSystem,
  to: OffsetSystem,
  swapIn: boolean,
  swapOut: boolean,
  out: Float64Array,
): Float64Array {
  const pairs = coords.length >> 1;
  for (let start = 0; start < pairs; start += OFFSET_CHUNK) {
    const end = Math.min(pairs, start + OFFSET_CHUNK);
    const positions: [number, number][] = [];
    const index: number[] = [];
    for (let i = start; i < end; i++) {
      const x = swapIn ? coords[2 * i + 1] : coords[2 * i];
      const y = swapIn ? coords[2 * i] : coords[2 * i + 1];
      if (Number.isFinite(x) && Number.isFinite(y)) {
        positions.push([x, y]);
        index.push(i);
      } else {
        out[2 * i] = out[2 * i + 1] = NaN;
      }
    }
    if (positions.length === 0) continue;
    const moved = gcoord.transform({ type: 'MultiPoint', coordinates: positions }, from, to).coordinates;
    for (let k = 0; k < index.length; k++) {
      const i = index[k];
      const [x, y] = moved[k];
      out[2 * i] = swapOut ? y : x;
      out[2 * i + 1] = swapOut ? x : y;
    }
  }
  return out;
}

/** WGS84 lon/lat → the file's coordinates (axes as the file writes them). For tests and exports. */
export function fromWgs84(coords: Float64Array, crs: CrsChoice, out: Float64Array = new Float64Array(coords.length)): Float64Array {
  assertPairs(coords, out);
  const swap = crs.swapAxes === true;
  const n = coords.length;
  if (crs.kind === 'gcj02' || crs.kind === 'bd09') {
    return shiftOffsets(coords, gcoord.WGS84, crs.kind === 'gcj02' ? gcoord.GCJ02 : gcoord.BD09, false, swap, out);
  }
  const conv = crs.kind === 'gk' ? proj4(proj4Definition(crs), 'WGS84') : null;
  const p = { x: 0, y: 0 };
  for (let i = 0; i < n; i += 2) {
    const lon = coords[i];
    const lat = coords[i + 1];
    let x = NaN;
    let y = NaN;
    if (Number.isFinite(lon) && Number.isFinite(lat)) {
      if (conv !== null) {
        p.x = lon;
        p.y = lat;
        const r = conv.inverse(p);
        x = r.x;
        y = r.y;
      } else {
        x = lon;
        y = lat;
      }
    }
    out[i] = swap ? y : x;
    out[i + 1] = swap ? x : y;
  }
  return out;
}
