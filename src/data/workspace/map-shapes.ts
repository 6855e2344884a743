// The map's parcel geometry straight from a workspace's typed arrays, with no database in the
// way: this is what lets the map draw parcels before DuckDB-WASM is ready (paint first,
// compute after). Same layout as the shapes read back from DuckDB: shells, start indices,
// the parcel of each shell, and a label point per parcel.

import type { ParcelShapes } from '../parcel-shapes';
import { labelPoints, shellRings } from './polygons';
import type { TableData } from './tables';

/** The same layout as the shapes read back from DuckDB (data/parcel-shapes.ts). */
export type MapShapes = ParcelShapes;

export function mapShapesOf(t: TableData): MapShapes {
  const empty = { feature: new Int32Array(0), starts: new Uint32Array(1), xy: new Float64Array(0) };
  const rings = t.shapes ? shellRings(t.shapes) : empty;
  const centers = new Float64Array(2 * t.count).fill(Number.NaN);
  if (t.shapes) {
    const { x, y } = labelPoints(t.shapes);
    for (let i = 0; i < t.count; i++) {
      centers[2 * i] = x[i];
      centers[2 * i + 1] = y[i];
    }
  }
  // A row without a shape may still have a point (a ledger with coordinates): it is its label point.
  if (t.points) {
    for (let i = 0; i < t.count; i++) {
      if (Number.isNaN(centers[2 * i])) {
        centers[2 * i] = t.points[2 * i];
        centers[2 * i + 1] = t.points[2 * i + 1];
      }
    }
  }
  return { length: rings.feature.length, positions: rings.xy, startIndices: rings.starts, pidx: rings.feature, parcelCount: t.count, centers };
}
