// Per-parcel values reach deck.gl as typed arrays: per parcel for dots, per ring vertex for polygons.

import { describe, expect, it } from 'vitest';
import { dotRadii, filterValues, memo, parcelColours, spreadToVertices } from '../../src/map/parcel-attributes';
import type { RGBA } from '../../src/map/palette';

describe('spreadToVertices', () => {
  // Three rings: parcel 1 (3 vertices), parcel 0 (2 vertices), parcel 1 again (a second part, 4 vertices).
  const starts = Uint32Array.of(0, 3, 5, 9);
  const pidx = Int32Array.of(1, 0, 1);

  it('gives every vertex of a ring its parcel’s value, multi-part parcels on each part', () => {
    expect(Array.from(spreadToVertices(Float32Array.of(0, 1), 1, starts, pidx))).toEqual([1, 1, 1, 0, 0, 1, 1, 1, 1]);
  });
  it('copies whole colours (4 bytes) and keeps the array type', () => {
    const v = spreadToVertices(Uint8Array.of(10, 11, 12, 13, 20, 21, 22, 23), 4, starts, pidx);
    expect(v).toBeInstanceOf(Uint8Array);
    expect(Array.from(v.subarray(0, 4))).toEqual([20, 21, 22, 23]);
    expect(Array.from(v.subarray(12, 16))).toEqual([10, 11, 12, 13]);
    expect(v.length).toBe(36);
  });
});

describe('per-parcel arrays', () => {
  it('packs each parcel’s RGBA at 4 × pidx', () => {
    const palette: RGBA[] = [
      [1, 2, 3, 4],
      [200, 100, 50, 255],
    ];
    expect(Array.from(parcelColours(3, (p) => palette[p % 2]))).toEqual([1, 2, 3, 4, 200, 100, 50, 255, 1, 2, 3, 4]);
  });
  it('turns the 0/1 mask into the floats the filter compares', () => {
    expect(Array.from(filterValues(Uint8Array.of(1, 0, 1)))).toEqual([1, 0, 1]);
  });
  it('sizes dots: idle large and others small far out; near, only parcels without a shape', () => {
    const idle = (p: number) => p === 0;
    const shaped = Uint8Array.of(1, 0, 1);
    expect(Array.from(dotRadii(3, true, idle, shaped))).toEqual([4.5, 1.8, 1.8].map(Math.fround));
    expect(Array.from(dotRadii(3, false, idle, shaped))).toEqual([0, 4, 0]);
  });
});

describe('memo', () => {
  it('hands back the same array while the key is unchanged, and recomputes when it changes', () => {
    const cache = new WeakMap<object, Map<string, { key: string; value: Uint8Array }>>();
    const owner = {};
    let runs = 0;
    const make = () => (runs++, new Uint8Array(1));
    const a = memo(cache, owner, 'c', 'r1', make);
    expect(memo(cache, owner, 'c', 'r1', make)).toBe(a);
    expect(memo(cache, owner, 'c', 'r2', make)).not.toBe(a);
    expect(memo(cache, {}, 'c', 'r2', make)).not.toBe(a);
    expect(runs).toBe(3);
  });
});
