// Derives the map's parcel geometry once per shape set and caches it on that object (a
// WeakMap), so recolouring, filtering and selecting never convert or tessellate again.
// Points are computed at once; polygons in module workers, with the main thread as the
// fallback where workers cannot start (the map then still draws, only later).

import type { ParcelShapes } from '../data/parcel-shapes';
import { regionOrigin, toOffsets } from './offsets';
import { type PolygonGeometry, type SliceJob, type SliceResult, joinSlices, prepareSlice, sliceJob, splitRings } from './parcel-geometry';
import { medianRingSizeM } from './parcel-size';

export interface PointGeometry {
  /** Region origin of every offset drawn for this shape set (deck.gl `coordinateOrigin`). */
  origin: [number, number];
  /** Float32 offsets of the parcel centres, by pidx (NaN where unknown). */
  centers: Float32Array;
  /** Median parcel size in metres (parcel-size.ts); 0 when no parcel has a shape. */
  medianSizeM: number;
}

/** Below this many vertices one worker is enough: a second costs more to start than it saves. */
const SPLIT_FROM_VERTICES = 200_000;

const points = new WeakMap<ParcelShapes, PointGeometry>();
const polygons = new WeakMap<ParcelShapes, Promise<PolygonGeometry>>();

export function pointGeometry(shapes: ParcelShapes): PointGeometry {
  let g = points.get(shapes);
  if (!g) {
    const origin = regionOrigin(shapes.centers) ?? regionOrigin(shapes.positions) ?? [0, 0];
    g = { origin, centers: toOffsets(shapes.centers, origin), medianSizeM: medianRingSizeM(shapes.positions, shapes.startIndices) };
    points.set(shapes, g);
  }
  return g;
}

export function polygonGeometry(shapes: ParcelShapes): Promise<PolygonGeometry> {
  let p = polygons.get(shapes);
  if (!p) {
    p = prepare(shapes);
    polygons.set(shapes, p);
  }
  return p;
}

async function prepare(shapes: ParcelShapes): Promise<PolygonGeometry> {
  const { origin } = pointGeometry(shapes);
  const vertices = shapes.startIndices[shapes.length] ?? 0;
  const parts = vertices < SPLIT_FROM_VERTICES ? 1 : Math.max(1, Math.min(2, globalThis.navigator?.hardwareConcurrency ?? 2));
  const cuts = splitRings(shapes.startIndices, parts);
  const jobs: Promise<SliceResult>[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    jobs.push(run(i, () => sliceJob(shapes.positions, shapes.startIndices, cuts[i], cuts[i + 1], origin)));
  }
  const geometry = joinSlices(vertices, await Promise.all(jobs));
  // For the benchmark (scripts/bench-render.ts): when zooming in can first draw polygons.
  globalThis.performance?.mark?.('pa:triangles-ready');
  return geometry;
}

const workers: (Worker | null)[] = [];
let nextId = 0;

/** Runs a slice in worker `slot`; `make` builds the job (again, if the worker fails). */
function run(slot: number, make: () => SliceJob): Promise<SliceResult> {
  let worker = workers[slot];
  if (worker === undefined) {
    try {
      worker = new Worker(new URL('./tessellate.worker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = null;
    }
    workers[slot] = worker;
  }
  if (!worker) return Promise.resolve(prepareSlice(make()));
  const w = worker;
  const job = make();
  const id = ++nextId;
  return new Promise((resolve) => {
    const done = () => {
      w.removeEventListener('message', onMessage);
      w.removeEventListener('error', onError);
    };
    const onMessage = (e: MessageEvent<{ id: number; result: SliceResult }>) => {
      if (e.data.id !== id) return;
      done();
      resolve(e.data.result);
    };
    // A worker that fails to load (an old browser, a strict intranet proxy) must not leave the
    // map without polygons: this slice, and later ones, run here instead.
    const onError = () => {
      done();
      workers[slot] = null;
      resolve(prepareSlice(make()));
    };
    w.addEventListener('message', onMessage);
    w.addEventListener('error', onError);
    // The job's arrays are copies made for this message: transfer them (hence `make` above).
    w.postMessage({ id, job }, [job.positions.buffer, job.startIndices.buffer]);
  });
}
