// Pre-computed triangles cover each shell exactly once and never join two parcels.

import { describe, expect, it } from 'vitest';
import { tessellateShells } from '../../src/map/tessellate';

function triArea(p: Float64Array, i: number, j: number, k: number): number {
  return Math.abs((p[2 * j] - p[2 * i]) * (p[2 * k + 1] - p[2 * i + 1]) - (p[2 * k] - p[2 * i]) * (p[2 * j + 1] - p[2 * i + 1])) / 2;
}

function ringArea(p: Float64Array, a: number, b: number): number {
  // Relative to the first vertex, as longitudes near 116° cancel badly in the shoelace sum.
  const [ox, oy] = [p[2 * a], p[2 * a + 1]];
  let s = 0;
  for (let i = a; i + 1 < b; i++) s += (p[2 * i] - ox) * (p[2 * i + 3] - oy) - (p[2 * i + 2] - ox) * (p[2 * i + 1] - oy);
  return Math.abs(s) / 2;
}

describe('tessellateShells', () => {
  // An L-shaped (concave) parcel at 116°E and a square, both closed rings, one after the other.
  const L = [0, 0, 2, 0, 2, 1, 1, 1, 1, 2, 0, 2, 0, 0].map((v, i) => (i % 2 ? 37.6 + v * 0.001 : 116.5 + v * 0.001));
  const sq = [0, 0, 1, 0, 1, 1, 0, 1, 0, 0].map((v, i) => (i % 2 ? 37.7 + v * 0.001 : 116.6 + v * 0.001));
  const positions = Float64Array.from([...L, ...sq]);
  const starts = Uint32Array.of(0, 7, 12);
  const idx = tessellateShells(positions, starts);

  it('covers each shell’s area exactly with its own triangles', () => {
    const byShell = [0, 0];
    for (let t = 0; t < idx.length; t += 3) {
      const shell = idx[t] < 7 ? 0 : 1;
      for (const v of [idx[t + 1], idx[t + 2]]) expect(v < 7 ? 0 : 1).toBe(shell);
      byShell[shell] += triArea(positions, idx[t], idx[t + 1], idx[t + 2]);
    }
    expect(byShell[0]).toBeCloseTo(ringArea(positions, 0, 7), 12);
    expect(byShell[1]).toBeCloseTo(ringArea(positions, 7, 12), 12);
  });
  it('makes n − 2 triangles per shell and skips degenerate rings', () => {
    expect(idx.length / 3).toBe(4 + 2);
    const withLine = Float64Array.from([...sq, 1, 1, 2, 2, 1, 1]);
    expect(tessellateShells(withLine, Uint32Array.of(0, 5, 8)).length / 3).toBe(2);
  });
});
