// Triangulating parcel shells once, off the main thread, and handing deck.gl the triangle
// indices, so the map never tessellates on the main thread (at 1,000,000 parcels that was most
// of the time to the first frame). earcut is the triangulator deck.gl itself uses.

import earcut from 'earcut';

/**
 * Triangle indices over all shells: shell k is vertices startIndices[k] … startIndices[k+1]-1
 * of the flat [x, y, …] positions; returned indices are global vertex numbers, as deck.gl's
 * SolidPolygonLayer expects in `data.attributes.indices` with `_normalize: false`.
 * Coordinates are taken relative to each shell's first vertex so that earcut's arithmetic works
 * on small numbers (a 100 m parcel at 116°E is 0.001°).
 */
export function tessellateShells(positions: Float64Array, startIndices: Uint32Array): Uint32Array {
  const shells = startIndices.length - 1;
  let out = new Uint32Array(Math.max(16, (positions.length / 2) * 3));
  let at = 0;
  let local = new Float64Array(256);
  for (let k = 0; k < shells; k++) {
    const a = startIndices[k];
    const b = startIndices[k + 1];
    // A closed ring repeats its first vertex: earcut wants it once.
    let n = b - a;
    if (n > 1 && positions[2 * a] === positions[2 * (b - 1)] && positions[2 * a + 1] === positions[2 * (b - 1) + 1]) n--;
    if (n < 3) continue;
    if (local.length < 2 * n) local = new Float64Array(4 * n);
    const ox = positions[2 * a];
    const oy = positions[2 * a + 1];
    for (let i = 0; i < n; i++) {
      local[2 * i] = positions[2 * (a + i)] - ox;
      local[2 * i + 1] = positions[2 * (a + i) + 1] - oy;
    }
    const tri = earcut(local.subarray(0, 2 * n));
    if (at + tri.length > out.length) {
      const grown = new Uint32Array(Math.max(out.length * 2, at + tri.length));
      grown.set(out.subarray(0, at));
      out = grown;
    }
    for (let i = 0; i < tri.length; i++) out[at++] = tri[i] + a;
  }
  return out.slice(0, at);
}
