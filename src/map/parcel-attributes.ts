// Per-parcel colours, dot sizes and filter values as typed arrays handed to deck.gl as binary
// attributes. deck.gl's accessor path calls a function and normalises its result for every row
// (about a second for 1,000,000 dots in headless Chromium); a plain loop over typed arrays
// takes milliseconds, and a filter or colour change rebuilds only the array it touches.

import type { RGBA } from './palette';

/** RGBA bytes per parcel (4 per pidx). */
export function parcelColours(count: number, colourOf: (pidx: number) => RGBA): Uint8Array {
  const out = new Uint8Array(count * 4);
  for (let p = 0; p < count; p++) {
    const c = colourOf(p);
    out[4 * p] = c[0];
    out[4 * p + 1] = c[1];
    out[4 * p + 2] = c[2];
    out[4 * p + 3] = c[3];
  }
  return out;
}

/** The visibility mask (1 shown, 0 filtered out) as the float DataFilterExtension compares. */
export function filterValues(mask: Uint8Array): Float32Array {
  return Float32Array.from(mask);
}

/**
 * Per-parcel values spread over ring vertices (deck.gl's binary polygons take one value per
 * vertex): every vertex of ring k gets the `size` values of parcel pidx[k].
 */
export function spreadToVertices<T extends Uint8Array | Float32Array>(perParcel: T, size: number, startIndices: Uint32Array, pidx: Int32Array): T {
  const rings = startIndices.length - 1;
  const out = new (perParcel.constructor as { new (n: number): T })((startIndices[rings] ?? 0) * size);
  for (let k = 0; k < rings; k++) {
    const from = pidx[k] * size;
    for (let v = startIndices[k]; v < startIndices[k + 1]; v++) {
      for (let j = 0; j < size; j++) out[v * size + j] = perParcel[from + j];
    }
  }
  return out;
}

/** Dot radius in pixels per parcel: region scale emphasises idle land; near, only shapeless parcels. */
export function dotRadii(count: number, far: boolean, emphasised: (pidx: number) => boolean, shaped: Uint8Array): Float32Array {
  const out = new Float32Array(count);
  for (let p = 0; p < count; p++) {
    const e = emphasised(p);
    out[p] = far ? (e ? 4.5 : 1.8) : shaped[p] ? 0 : e ? 6 : 4;
  }
  return out;
}

/**
 * Remembers the last array computed for an owner (a geometry) under a key, so re-rendering with
 * unchanged colours hands deck.gl the very same array (it then uploads nothing).
 */
export function memo<T>(cache: WeakMap<object, Map<string, { key: string; value: T }>>, owner: object, slot: string, key: string, compute: () => T): T {
  let slots = cache.get(owner);
  if (!slots) {
    slots = new Map();
    cache.set(owner, slots);
  }
  const hit = slots.get(slot);
  if (hit && hit.key === key) return hit.value;
  const value = compute();
  slots.set(slot, { key, value });
  return value;
}
