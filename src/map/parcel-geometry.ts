// What the map draws parcels from, derived once per shape set (data/parcel-shapes.ts keeps the
// absolute Float64 lng/lat that hover, selection and the test hook read):
// - points: one Float32 offset per parcel centre, ready at once on the main thread;
// - polygons: Float32 offsets of every ring vertex plus earcut triangle indices, computed in
//   Web Workers slice by slice (tessellate.worker.ts) and joined here.

import { toOffsets } from './offsets';
import { tessellateShells } from './tessellate';

export interface PolygonGeometry {
  /** Float32 [dx, dy, …] of all ring vertices from the region origin (offsets.ts). */
  positions: Float32Array;
  /** Triangles as global vertex numbers, for deck.gl's `data.attributes.indices`. */
  indices: Uint32Array;
}

/** A run of whole rings sent to one worker; its vertices start at vertex `base` of the set. */
export interface SliceJob {
  positions: Float64Array;
  /** Ring starts relative to the slice (first 0, last = vertex count of the slice). */
  startIndices: Uint32Array;
  origin: [number, number];
  base: number;
}

export interface SliceResult {
  base: number;
  positions: Float32Array;
  /** Already global (base added). */
  indices: Uint32Array;
}

/** The worker's whole job: offsets and triangles of one slice. */
export function prepareSlice(job: SliceJob): SliceResult {
  const indices = tessellateShells(job.positions, job.startIndices);
  if (job.base) for (let i = 0; i < indices.length; i++) indices[i] += job.base;
  return { base: job.base, positions: toOffsets(job.positions, job.origin), indices };
}

/**
 * Ring boundaries [0, r1, …, rings] cutting the set into `parts` runs of about equal vertex
 * counts (earcut's time grows with vertices, not rings).
 */
export function splitRings(startIndices: Uint32Array, parts: number): number[] {
  const rings = startIndices.length - 1;
  const total = startIndices[rings] ?? 0;
  const cuts = [0];
  let r = 0;
  for (let p = 1; p < parts; p++) {
    const want = (total * p) / parts;
    while (r < rings && startIndices[r] < want) r++;
    // The nearer of the two ring boundaries around the ideal cut.
    const c = r > 0 && want - startIndices[r - 1] < startIndices[r] - want ? r - 1 : r;
    if (c > cuts[cuts.length - 1] && c < rings) cuts.push(c);
  }
  cuts.push(Math.max(0, rings));
  return cuts;
}

/** Copies rings [r0, r1) out of the set as a self-contained job (the shapes stay untouched). */
export function sliceJob(positions: Float64Array, startIndices: Uint32Array, r0: number, r1: number, origin: [number, number]): SliceJob {
  const base = startIndices[r0];
  const end = startIndices[r1];
  const starts = new Uint32Array(r1 - r0 + 1);
  for (let k = r0; k <= r1; k++) starts[k - r0] = startIndices[k] - base;
  return { positions: positions.slice(2 * base, 2 * end), startIndices: starts, origin, base };
}

/** Joins the slices' results into one geometry of `vertexCount` vertices. */
export function joinSlices(vertexCount: number, slices: SliceResult[]): PolygonGeometry {
  const positions = new Float32Array(vertexCount * 2);
  let triangles = 0;
  for (const s of slices) {
    positions.set(s.positions, 2 * s.base);
    triangles += s.indices.length;
  }
  const indices = new Uint32Array(triangles);
  let at = 0;
  for (const s of [...slices].sort((a, b) => a.base - b.base)) {
    indices.set(s.indices, at);
    at += s.indices.length;
  }
  return { positions, indices };
}
