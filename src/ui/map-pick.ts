// What a click on the map means. Where parcels are dots (city zoom), the dot whose centre is
// nearest the pointer, or a short list when dots are stacked (map/parcel-picking.ts); where they
// are polygons or the region-scale image, what deck.gl draws under the pointer.

import type { MapboxOverlay } from '@deck.gl/mapbox';
import type maplibregl from 'maplibre-gl';
import { pickedParcel } from '../map/layers';
import { POINTER_RADIUS_PX, type PickResult, RASTER_FROM, choosePick, dotsInBox } from '../map/parcel-picking';
import type { ParcelDrawing } from '../map/parcel-size';
import type { AppState } from '../state/app-state';

type ParcelShapes = NonNullable<AppState['shapes']>;
type PickInfo = { layer?: { id: string } | null; index: number; bitmap?: { pixel: number[] } | null };

/** The parcel deck.gl reports for a pick, whichever way parcels are drawn (layers.ts). */
export function pickedPidx(shapes: ParcelShapes | null, info: PickInfo): number | null {
  const pixel = info.bitmap?.pixel;
  return shapes ? pickedParcel(shapes, info.layer?.id, info.index, pixel ? [pixel[0], pixel[1]] : undefined) : null;
}

/** The parcel(s) a click at canvas point (x, y) means. */
export function pickParcels(
  map: maplibregl.Map,
  overlay: MapboxOverlay,
  s: Pick<AppState, 'shapes' | 'mask'>,
  drawing: ParcelDrawing,
  x: number,
  y: number,
): PickResult {
  const shapes = s.shapes;
  if (!shapes) return { kind: 'none' };
  if (drawing === 'points' && shapes.parcelCount < RASTER_FROM) {
    const r = POINTER_RADIUS_PX;
    const a = map.unproject([x - r, y + r]);
    const b = map.unproject([x + r, y - r]);
    const mask = s.mask;
    const inBox = dotsInBox(shapes.centers, (p) => !mask || mask[p] === 1, [a.lng, a.lat, b.lng, b.lat]);
    const candidates = inBox.map((pidx) => {
      const q = map.project([shapes.centers[2 * pidx], shapes.centers[2 * pidx + 1]]);
      return { pidx, distPx: Math.hypot(q.x - x, q.y - y) };
    });
    return choosePick(candidates);
  }
  const info = overlay.pickObject({ x, y, radius: 0 });
  const pidx = info ? pickedPidx(shapes, info as PickInfo) : null;
  return pidx === null ? { kind: 'none' } : { kind: 'one', pidx };
}
