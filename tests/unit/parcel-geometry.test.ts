// Slices tessellated apart (as the workers do) join into one valid geometry: every triangle
// stays inside its own ring, the vertex numbers are global, and offsets line up with vertices.

import { describe, expect, it } from 'vitest';
import { joinSlices, prepareSlice, sliceJob, splitRings } from '../../src/map/parcel-geometry';
import { toOffsets } from '../../src/map/offsets';
import { tessellateShells } from '../../src/map/tessellate';

/** n closed rings: squares and an L shape (6 corners), alternating, each with its own corner count. */
function rings(n: number): { positions: Float64Array; starts: Uint32Array } {
  const xy: number[] = [];
  const starts = [0];
  for (let k = 0; k < n; k++) {
    const shape = k % 2 ? [0, 0, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2, 0, 0] : [0, 0, 1, 0, 1, 1, 0, 1, 0, 0];
    for (let i = 0; i < shape.length; i += 2) xy.push(116.5 + k * 0.003 + shape[i] * 0.001, 37.6 + shape[i + 1] * 0.001);
    starts.push(xy.length / 2);
  }
  return { positions: Float64Array.from(xy), starts: Uint32Array.from(starts) };
}

describe('splitRings', () => {
  it('cuts at ring boundaries into runs of about equal vertex counts', () => {
    const { starts } = rings(10);
    const cuts = splitRings(starts, 2);
    expect(cuts[0]).toBe(0);
    expect(cuts.at(-1)).toBe(10);
    expect(cuts).toHaveLength(3);
    const half = starts[cuts[1]];
    expect(Math.abs(half - (starts[10] - half))).toBeLessThanOrEqual(7);
  });
  it('never makes an empty run, even with more parts than rings', () => {
    expect(splitRings(Uint32Array.of(0, 5), 2)).toEqual([0, 1]);
    expect(splitRings(Uint32Array.of(0), 2)).toEqual([0, 0]);
  });
});

describe('slices joined', () => {
  const { positions, starts } = rings(9);
  const origin: [number, number] = [116.51, 37.6];
  const cuts = splitRings(starts, 2);
  const slices = [0, 1].map((i) => prepareSlice(sliceJob(positions, starts, cuts[i], cuts[i + 1], origin)));
  // Joined in reverse order of arrival: the second worker may answer first.
  const g = joinSlices(starts[9], slices.reverse());

  it('give the same triangles as one pass over the whole set', () => {
    expect(Array.from(g.indices)).toEqual(Array.from(tessellateShells(positions, starts)));
  });

  it('keep every triangle inside one ring, n − 2 triangles per ring', () => {
    const ringOf = (v: number) => starts.findIndex((s, k) => k < 9 && v >= s && v < starts[k + 1]);
    const perRing = new Array(9).fill(0);
    for (let t = 0; t < g.indices.length; t += 3) {
      const r = ringOf(g.indices[t]);
      expect(r).toBeGreaterThanOrEqual(0);
      expect(ringOf(g.indices[t + 1])).toBe(r);
      expect(ringOf(g.indices[t + 2])).toBe(r);
      perRing[r]++;
    }
    // A closed ring repeats its first corner: squares have 4 corners, the L shapes 6.
    expect(perRing).toEqual(perRing.map((_, k) => (k % 2 ? 4 : 2)));
  });

  it('hold each vertex’s offset at its own place', () => {
    expect(Array.from(g.positions)).toEqual(Array.from(toOffsets(positions, origin)));
  });

  it('leave the shapes’ own positions untouched', () => {
    expect(positions[0]).toBe(116.5);
    expect(positions.length).toBe(starts[9] * 2);
  });
});
