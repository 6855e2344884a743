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

/**
 * How far from a dot's centre a click still means that dot, in CSS pixels: the far dots are
 * 1.8–4.5 px in radius (parcel-attributes.ts), too small to hit on purpose, so the pointer
 * reaches a little beyond them.
 */
export const POINTER_RADIUS_PX = 7;
/**
 * Two dots whose centres are within this many pixels of being equally near the pointer are
 * drawn on top of each other: the click cannot tell them apart, so the planner is asked.
 */
export const TIE_PX = 1.2;
/** The longest choice list offered. */
export const MAX_CHOICES = 6;

/** Shown parcels whose label point is inside [west, south, east, north] (a box around the pointer). */
export function dotsInBox(centers: Float64Array, shown: (pidx: number) => boolean, box: readonly [number, number, number, number]): number[] {
  const [w, s, e, n] = box;
  const out: number[] = [];
  for (let p = 0; 2 * p + 1 < centers.length; p++) {
    const x = centers[2 * p];
    const y = centers[2 * p + 1];
    // NaN (no label point) fails every comparison and is skipped.
    if (x >= w && x <= e && y >= s && y <= n && shown(p)) out.push(p);
  }
  return out;
}

export interface PickCandidate {
  pidx: number;
  /** Screen distance from the pointer to the dot's centre, in CSS pixels. */
  distPx: number;
}

export type PickResult = { kind: 'none' } | { kind: 'one'; pidx: number } | { kind: 'choice'; pidxs: number[] };

/**
 * The parcel a click at city zoom means: the dot whose centre is nearest the pointer (not the
 * one drawn last, which is what the GPU's pick buffer holds where dots overlap), or — when
 * several centres are about equally near — a short list to choose from, nearest first.
 */
export function choosePick(candidates: readonly PickCandidate[], radiusPx = POINTER_RADIUS_PX, tiePx = TIE_PX, max = MAX_CHOICES): PickResult {
  const near = candidates.filter((c) => c.distPx <= radiusPx).sort((a, b) => a.distPx - b.distPx || a.pidx - b.pidx);
  if (near.length === 0) return { kind: 'none' };
  const tied = near.filter((c) => c.distPx - near[0].distPx <= tiePx);
  if (tied.length === 1) return { kind: 'one', pidx: near[0].pidx };
  return { kind: 'choice', pidxs: tied.slice(0, max).map((c) => c.pidx) };
}
