// Asks the tessellation worker for triangle indices; falls back to the main thread where
// module workers are unavailable (the map then still draws, just later).

import { tessellateShells } from './tessellate';

let worker: Worker | null = null;
let next = 0;
const waiting = new Map<number, { resolve: (indices: Uint32Array) => void; positions: Float64Array; startIndices: Uint32Array }>();

export function tessellateOffThread(positions: Float64Array, startIndices: Uint32Array): Promise<Uint32Array> {
  try {
    worker ??= new Worker(new URL('./tessellate.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return Promise.resolve(tessellateShells(positions, startIndices));
  }
  worker.onmessage = (e: MessageEvent<{ id: number; indices: Uint32Array }>) => {
    waiting.get(e.data.id)?.resolve(e.data.indices);
    waiting.delete(e.data.id);
  };
  // A worker that fails to load (an old browser, a strict intranet proxy) must not leave the map empty.
  worker.onerror = () => {
    for (const w of waiting.values()) w.resolve(tessellateShells(w.positions, w.startIndices));
    waiting.clear();
    worker = null;
  };
  const id = ++next;
  return new Promise((resolve) => {
    waiting.set(id, { resolve, positions, startIndices });
    // Copies are sent: the map keeps its own positions.
    worker!.postMessage({ id, positions, startIndices });
  });
}
