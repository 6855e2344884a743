// What the service worker (src/sw.ts) keeps for offline use, and the names of its caches. The
// plan is worked out at build time from Vite's bundle (scripts/pwa/precache.ts) and written into
// sw.js, so the worker of one build knows exactly the files of that build.

/** Files are named relative to the app's folder (the worker's scope), e.g. `assets/index-3f2a.js`. */
export interface OfflinePlan {
  /** Changes whenever any built file changes (a digest of names and contents). */
  version: string;
  /** Fetched when the worker installs: with these alone the app opens and presents. */
  precache: { url: string; bytes: number }[];
  /** Kept the first time the app asks for them: every other city's county boundaries, the threaded engine. */
  onDemand: string[];
}

/** Every cache of ours starts with this; other caches on the same origin are never touched. */
export const CACHE_PREFIX = 'parkatlas-';
const APP_PREFIX = `${CACHE_PREFIX}app-`;

/**
 * One build's files are one cache, named by the build: a new build installs beside the old one and
 * the old cache goes only once the new worker takes over (Cache Storage API, MDN "Using Service Workers").
 */
export function precacheName(version: string): string {
  return `${APP_PREFIX}${version}`;
}

/**
 * Files kept on first use. Their names carry a content hash, so one cache serves every build; on
 * activation the entries a new build no longer names are removed (onDemandLeftovers).
 */
export const ON_DEMAND_CACHE = `${CACHE_PREFIX}on-demand`;

/** Caches an activating worker of `version` deletes: earlier builds of ours, nothing else. */
export function staleCaches(names: readonly string[], version: string): string[] {
  return names.filter((n) => n.startsWith(APP_PREFIX) && n !== precacheName(version));
}

/** On-demand entries (paths relative to the scope) that the current build does not name. */
export function onDemandLeftovers(cached: readonly string[], plan: OfflinePlan): string[] {
  const keep = new Set(plan.onDemand);
  return cached.filter((p) => !keep.has(p));
}

/** The page every navigation inside the app is answered with: the app reads its view from the address. */
export const SHELL = 'index.html';

export type Route = 'shell' | 'precache' | 'on-demand' | 'network';

/**
 * How the worker answers a GET for `path` (relative to its scope, without query): the app's own
 * files from the cache, anything else (a basemap server the user chose, a path outside the app)
 * straight from the network as if there were no worker.
 */
export function routeOf(path: string, navigate: boolean, plan: OfflinePlan, precached: ReadonlySet<string>): Route {
  if (navigate) return path === '' || path === SHELL ? 'shell' : 'network';
  if (precached.has(path)) return 'precache';
  if (plan.onDemand.includes(path)) return 'on-demand';
  return 'network';
}

/** The path of `url` inside `scope` (both absolute), or null when it lies outside (another origin or folder). */
export function pathInScope(url: string, scope: string): string | null {
  const u = new URL(url);
  const s = new URL(scope);
  if (u.origin !== s.origin || !u.pathname.startsWith(s.pathname)) return null;
  return decodeURIComponent(u.pathname.slice(s.pathname.length));
}

/** Bytes of the plan's precached files. */
export function precacheBytes(plan: OfflinePlan): number {
  return plan.precache.reduce((a, f) => a + f.bytes, 0);
}
