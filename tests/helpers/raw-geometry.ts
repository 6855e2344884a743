// Turns one feature of a RawGeometry back into nested arrays, for readable assertions.
import type { RawGeometry } from '../../src/data/formats/raw-table.ts';
import { GeometryBuilder } from '../../src/data/formats/geometry-builder.ts';

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

/** Features as polygons of rings of [x, y] (an empty list = no geometry) → RawGeometry. */
export function geometryOf(features: [number, number][][][][]): RawGeometry {
  const b = new GeometryBuilder();
  for (const polys of features) {
    for (const rings of polys) {
      for (const ring of rings) {
        for (const [x, y] of ring) b.vertex(x, y);
        b.endRing();
      }
      b.endPolygon();
    }
    b.endFeature();
  }
  return b.finish();
}
