// The parcels' binary data for deck.gl, kept per geometry so that recolouring or filtering never
// rebuilds it: the data objects, their typed-array caches, the arrays drawn before the rules
// have run, and which parcels have a shape. Used by layers.ts only.

import type { ParcelShapes } from '../data/parcel-shapes';
import type { PointGeometry } from './parcel-geometry-client';
import type { PolygonGeometry } from './parcel-geometry';

// deck.gl compares `data` by identity: a new object each render would rebuild every attribute
// of a million parcels on each hover or selection. One binary data object per geometry; its
// colour and filter arrays are swapped in place, and the layer's updateTriggers say when.
export interface BinaryData {
  length: number;
  startIndices?: Uint32Array;
  attributes: Record<string, TypedArray | BinaryAttribute>;
}
export interface BinaryAttribute {
  value: TypedArray;
  size: number;
  normalized?: boolean;
}
export type TypedArray = Float32Array | Uint8Array | Uint32Array;
export const polygonDatas = new WeakMap<PolygonGeometry, BinaryData>();
export const pointDatas = new WeakMap<PointGeometry, BinaryData>();
export const bytes = new WeakMap<object, Map<string, { key: string; value: Uint8Array }>>();
export const floats = new WeakMap<object, Map<string, { key: string; value: Float32Array }>>();
export const images = new WeakMap<object, Map<string, { key: string; value: ImageData }>>();
export const wrappers = new WeakMap<object, Map<string, { key: string; value: BinaryAttribute }>>();
// Geometries whose polygon layer has been drawn once (then kept, hidden when points are drawn).
export const polygonsShown = new WeakSet<PolygonGeometry>();

/** deck.gl binary polygons: ring starts, Float32 offsets and pre-computed triangle indices. */
export function polygonData(shapes: ParcelShapes, g: PolygonGeometry): BinaryData {
  let d = polygonDatas.get(g);
  if (!d) {
    d = {
      length: shapes.length,
      startIndices: shapes.startIndices,
      attributes: { getPolygon: { value: g.positions, size: 2 }, indices: g.indices },
    };
    polygonDatas.set(g, d);
  }
  return d;
}

/** deck.gl binary points: one Float32 offset per parcel, addressed by pidx. */
export function pointData(shapes: ParcelShapes, g: PointGeometry): BinaryData {
  let d = pointDatas.get(g);
  if (!d) {
    d = { length: shapes.parcelCount, attributes: { getPosition: { value: g.centers, size: 2 } } };
    pointDatas.set(g, d);
  }
  return d;
}

const pendingArrays = new WeakMap<ParcelShapes, { zeros: Uint8Array; ones: Uint8Array }>();
function pendingOf(parcels: ParcelShapes) {
  let a = pendingArrays.get(parcels);
  if (!a) {
    a = { zeros: new Uint8Array(parcels.parcelCount), ones: new Uint8Array(parcels.parcelCount).fill(1) };
    pendingArrays.set(parcels, a);
  }
  return a;
}
export const noneJudged = (parcels: ParcelShapes) => pendingOf(parcels).zeros;
export const allShown = (parcels: ParcelShapes) => pendingOf(parcels).ones;

const shapeMasks = new WeakMap<ParcelShapes, Uint8Array>();

/** 1 per pidx that has at least one drawn ring (computed once per shape set). */
export function hasShape(parcels: ParcelShapes): Uint8Array {
  let m = shapeMasks.get(parcels);
  if (!m) {
    m = new Uint8Array(parcels.parcelCount);
    for (let i = 0; i < parcels.length; i++) m[parcels.pidx[i]] = 1;
    shapeMasks.set(parcels, m);
  }
  return m;
}

