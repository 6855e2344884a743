// Which parcel the pointer is on, however parcels are drawn, and the region-scale image of
// very many parcels (parcel-raster.ts) kept per shape set so a texel can be traced back.

import type { ParcelShapes } from '../data/parcel-shapes';
import { memo } from './parcel-attributes';
import { pointGeometry } from './parcel-geometry-client';
import { type ParcelRaster, rasterGrid, rasterParcelAt, rasterise } from './parcel-raster';
import { POLYGONS_FROM_PX } from './parcel-size';

/** From this many parcels, region scale is one image (parcel-raster.ts) instead of dots. */
export const RASTER_FROM = 100_000;
const rasters = new WeakMap<object, Map<string, { key: string; value: ParcelRaster }>>();
// The raster on screen per shape set, for picking.
const shownRaster = new WeakMap<ParcelShapes, ParcelRaster>();

export function parcelRaster(shapes: ParcelShapes, key: string, colours: Uint8Array, mask: Uint8Array, emphasised: (p: number) => boolean): ParcelRaster | null {
  // A texel is a pixel where polygons take over (the median parcel POLYGONS_FROM_PX wide).
  const grid = rasterGrid(shapes.centers, pointGeometry(shapes).medianSizeM / POLYGONS_FROM_PX);
  if (!grid) return null;
  const r = memo(rasters, shapes, 'raster', key, () => rasterise(shapes.centers, colours, mask, emphasised, grid));
  shownRaster.set(shapes, r);
  return r;
}

/**
 * The parcel under the pointer: polygons are picked by ring, dots by pidx, the region-scale
 * image by texel.
 */
export function pickedParcel(shapes: ParcelShapes, layerId: string | undefined, index: number, pixel?: [number, number]): number | null {
  if (layerId === 'parcel-raster') {
    const r = shownRaster.get(shapes);
    return r && pixel ? rasterParcelAt(r, pixel[0], pixel[1]) : null;
  }
  if (index < 0) return null;
  if (layerId === 'parcels') return shapes.pidx[index] ?? null;
  if (layerId === 'parcel-dots') return index;
  return null;
}
