// The offline plan of one build (src/data/offline/plan.ts), worked out from the files Vite emits:
// every file goes into the precache except those the app needs only in some cases, which are
// kept on first use. Deciding from the bundle, not from a hand-kept list, means a chunk or asset
// added later is cached without anyone remembering to list it.

import { createHash } from 'node:crypto';
import type { OfflinePlan } from '../../src/data/offline/plan.ts';

/** One emitted file as the plugin sees it in the bundle. */
export interface BuiltFile {
  /** Path inside dist/, e.g. `assets/index-3f2a.js`. */
  fileName: string;
  /** Source files it was made from, relative to the project (assets only; may be empty). */
  originalFileNames: readonly string[];
  source: string | Uint8Array;
}

/**
 * Files cached on first use instead of at install, by source file (or, failing that, emitted
 * name), with the reason:
 * - the county boundaries of each of the 366 cities (14 MB together): a planner opens one or two;
 *   the demo regions' boundaries are separate files (data/boundaries/*.geojson) and precached;
 * - the threaded DuckDB build (34 MB wasm and its workers): used only with `?engine=coi`
 *   (src/data/duckdb-browser.ts); the default single-threaded build is precached.
 */
const ON_DEMAND: { why: string; source: RegExp; emitted: RegExp }[] = [
  { why: 'city boundaries', source: /(^|\/)data\/boundaries\/cities\/[^/]+\.json$/, emitted: /^assets\/\d{6}-[\w-]+\.json$/ },
  {
    why: 'threaded engine',
    source: /(^|\/)duckdb-(coi\.wasm|browser-coi\.worker\.js|browser-coi\.pthread\.worker\.js)$/,
    emitted: /^assets\/duckdb-(coi|browser-coi\.worker|browser-coi\.pthread\.worker)-[\w-]+\.(wasm|js)$/,
  },
];

/** Never cached: source maps (not fetched by the app) and the worker itself (the browser keeps it). */
const SKIP = [/\.map$/, /^sw\.js$/];

function isOnDemand(f: BuiltFile): boolean {
  return ON_DEMAND.some((r) => (f.originalFileNames.length ? f.originalFileNames.some((o) => r.source.test(o)) : r.emitted.test(f.fileName)));
}

/**
 * The file's address relative to the app's folder. Only plain relative paths pass: a name with a
 * scheme, a leading slash or `..` would reach outside the app's origin or folder, which the
 * worker must never fetch or keep.
 */
export function scopePath(fileName: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(fileName) || fileName.startsWith('/') || fileName.startsWith('\\') || fileName.split(/[/\\]/).includes('..')) {
    throw new Error(`offline plan: ${fileName} is not a path inside the app's folder`);
  }
  return fileName.split('/').map(encodeURIComponent).join('/');
}

const bytesOf = (s: string | Uint8Array) => (typeof s === 'string' ? Buffer.byteLength(s) : s.byteLength);

/** A digest of every file's name and content: any change to any file gives a new version. */
export function buildVersion(files: readonly BuiltFile[]): string {
  const h = createHash('sha256');
  for (const f of [...files].sort((a, b) => (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0))) {
    h.update(f.fileName).update('\0').update(createHash('sha256').update(f.source).digest()).update('\0');
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * `workerCode`: the compiled service worker, which is not cached but is part of the build — a
 * build that changes only the worker still gets a version of its own.
 */
export function planOffline(files: readonly BuiltFile[], workerCode = ''): OfflinePlan {
  const kept = files.filter((f) => !SKIP.some((r) => r.test(f.fileName)));
  const precache: OfflinePlan['precache'] = [];
  const onDemand: string[] = [];
  for (const f of [...kept].sort((a, b) => (a.fileName < b.fileName ? -1 : 1))) {
    if (isOnDemand(f)) onDemand.push(scopePath(f.fileName));
    else precache.push({ url: scopePath(f.fileName), bytes: bytesOf(f.source) });
  }
  if (!precache.some((f) => f.url === 'index.html')) throw new Error('offline plan: the build has no index.html');
  return { version: buildVersion([...kept, { fileName: 'sw.js', originalFileNames: [], source: workerCode }]), precache, onDemand };
}
