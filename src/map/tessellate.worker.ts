// Module worker: offsets and triangles of one slice of parcel rings (parcel-geometry.ts), so the
// main thread stays free to draw. The result's buffers are transferred, not copied.

import { type SliceJob, prepareSlice } from './parcel-geometry';

self.onmessage = (e: MessageEvent<{ id: number; job: SliceJob }>) => {
  const result = prepareSlice(e.data.job);
  (self as unknown as Worker).postMessage({ id: e.data.id, result }, [result.positions.buffer, result.indices.buffer]);
};
