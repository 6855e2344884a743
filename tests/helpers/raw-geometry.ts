// Turns one feature of a RawGeometry back into nested arrays, for readable assertions.
import type { RawGeometry } from '../../src/data/formats/raw-table.ts';

export function featurePolygons(g: RawGeometry, f: number): [number, number][][][] {
  const polys: [number, number][][][] = [];
  for (let p = g.featureOffsets[f]; p < g.featureOffsets[f + 1]; p++) {
    const rings: [number, number][][] = [];
    for (let r = g.polygonOffsets[p]; r < g.polygonOffsets[p + 1]; r++) {
      const ring: [number, number][] = [];
      for (let v = g.ringOffsets[r]; v < g.ringOffsets[r + 1]; v++) ring.push([g.coords[2 * v], g.coords[2 * v + 1]]);
      rings.push(ring);
    }
    polys.push(rings);
  }
  return polys;
}

export function featureCount(g: RawGeometry): number {
  return g.featureOffsets.length - 1;
}
