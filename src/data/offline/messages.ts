// What the service worker and the page say to each other (postMessage). Kept tiny: the page only
// shows how far the cache is and whether a new build waits.

/** Sent by the worker to every window of the app while it fills its cache and when asked. */
export interface OfflineReport {
  kind: 'parkatlas-offline';
  version: string;
  phase: 'caching' | 'ready' | 'failed';
  /** Bytes of precached files in the cache, and of all of them (sizes as built). */
  doneBytes: number;
  totalBytes: number;
  /** For the console when phase is `failed`: which file and why. */
  error?: string;
}

/** Page → active worker: report how complete your cache is (and fill what is missing). */
export const STATUS_REQUEST = { kind: 'parkatlas-offline-status' } as const;

/** Old worker → waiting worker: take over now (only sent while no other window uses the old one). */
export const TAKE_OVER = { kind: 'parkatlas-offline-take-over' } as const;

export function isOfflineReport(m: unknown): m is OfflineReport {
  if (!m || typeof m !== 'object') return false;
  const r = m as Partial<OfflineReport>;
  return r.kind === 'parkatlas-offline' && typeof r.version === 'string' && typeof r.doneBytes === 'number' && typeof r.totalBytes === 'number';
}
