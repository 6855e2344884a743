// Web Worker: tessellates parcel shells (tessellate.ts) so the main thread stays free to draw.

import { tessellateShells } from './tessellate';

self.onmessage = (e: MessageEvent<{ id: number; positions: Float64Array; startIndices: Uint32Array }>) => {
  const { id, positions, startIndices } = e.data;
  const indices = tessellateShells(positions, startIndices);
  (self as unknown as Worker).postMessage({ id, indices }, [indices.buffer]);
};
