// Picking at city zoom, where dots overlap: the dot whose centre is nearest the pointer wins
// over the one drawn on top; dots about equally near become a short list; hidden (filtered)
// parcels and parcels without a label point are never candidates.

import { describe, expect, it } from 'vitest';
import { MAX_CHOICES, POINTER_RADIUS_PX, TIE_PX, choosePick, dotsInBox } from '../../src/map/parcel-picking';

describe('choosing the parcel under the pointer', () => {
  it('takes the nearest centre, whatever order the dots come in', () => {
    // 429 would be drawn on top of 418 (it comes later); the pointer is on 418's centre.
    expect(choosePick([{ pidx: 429, distPx: 2.6 }, { pidx: 418, distPx: 0.4 }])).toEqual({ kind: 'one', pidx: 418 });
    expect(choosePick([{ pidx: 418, distPx: 0.4 }, { pidx: 429, distPx: 2.6 }])).toEqual({ kind: 'one', pidx: 418 });
  });

  it('offers a list, nearest first, when dots are about equally near', () => {
    const r = choosePick([{ pidx: 7, distPx: 1.2 }, { pidx: 3, distPx: 0.5 }, { pidx: 9, distPx: 0.5 + TIE_PX + 0.1 }]);
    expect(r).toEqual({ kind: 'choice', pidxs: [3, 7] });
  });

  it('keeps the list short', () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ pidx: i, distPx: 0.01 * i }));
    const r = choosePick(many);
    expect(r.kind === 'choice' && r.pidxs).toEqual(Array.from({ length: MAX_CHOICES }, (_, i) => i));
  });

  it('picks nothing beyond the pointer’s reach', () => {
    expect(choosePick([{ pidx: 1, distPx: POINTER_RADIUS_PX + 0.5 }])).toEqual({ kind: 'none' });
    expect(choosePick([])).toEqual({ kind: 'none' });
  });
});

describe('dots near the pointer', () => {
  const centers = Float64Array.from([116.0, 37.0, 116.001, 37.001, NaN, NaN, 116.1, 37.1, 116.0005, 37.0005]);
  it('finds shown parcels whose label point is in the box', () => {
    expect(dotsInBox(centers, () => true, [115.999, 36.999, 116.002, 37.002])).toEqual([0, 1, 4]);
  });
  it('skips filtered-out parcels and parcels without a label point', () => {
    expect(dotsInBox(centers, (p) => p !== 1, [-180, -90, 180, 90])).toEqual([0, 3, 4]);
  });
});
