// The service worker: the second entry point beside main.tsx, built into dist/sw.js by
// scripts/pwa/plugin.ts, which puts the build's offline plan (src/data/offline/plan.ts) in front
// of it. Browsers run it only in a secure context (https, or http://localhost): on a plain-http
// intranet host the page never registers it and the app works online exactly as without it.
//
// - install: fetch every precached file into this build's cache, reporting progress to the pages.
// - activate: delete earlier builds' caches and on-demand files no build names any more.
// - fetch: the app's own files come from the cache (the app opens with no server at all), other
//   cities' boundaries and the threaded engine are kept on first use, everything else (a basemap
//   server the user chose) goes to the network untouched.
// - update: a new build installs beside the running one and waits; the next time the app is
//   opened in the only window using the old build, the new one takes over (see navigate()).

import { type OfflineReport, STATUS_REQUEST, TAKE_OVER } from './data/offline/messages';
import {
  ON_DEMAND_CACHE,
  type OfflinePlan,
  SHELL,
  onDemandLeftovers,
  pathInScope,
  precacheBytes,
  precacheName,
  routeOf,
  staleCaches,
} from './data/offline/plan';

// The few service-worker types used here (the DOM library has the rest: Request, Response, caches).
interface ExtendableEvent extends Event {
  waitUntil(p: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  readonly request: Request;
  respondWith(r: Response | Promise<Response>): void;
}
interface MessageFromPage extends ExtendableEvent {
  readonly data: unknown;
}
interface WindowClient {
  postMessage(m: unknown): void;
}
interface WorkerScope {
  readonly registration: ServiceWorkerRegistration;
  readonly clients: { matchAll(o?: { includeUncontrolled?: boolean; type?: 'window' }): Promise<WindowClient[]>; claim(): Promise<void> };
  skipWaiting(): Promise<void>;
  addEventListener(type: 'install' | 'activate', h: (e: ExtendableEvent) => void): void;
  addEventListener(type: 'fetch', h: (e: FetchEvent) => void): void;
  addEventListener(type: 'message', h: (e: MessageFromPage) => void): void;
}

const worker = self as unknown as WorkerScope & { __parkatlasOfflinePlan: OfflinePlan };
const plan = worker.__parkatlasOfflinePlan;
const scope = worker.registration.scope;
const CACHE = precacheName(plan.version);
const PRECACHED = new Set(plan.precache.map((f) => f.url));
const TOTAL = precacheBytes(plan);
const absolute = (path: string) => new URL(path, scope).href;

async function broadcast(report: OfflineReport): Promise<void> {
  for (const c of await worker.clients.matchAll({ includeUncontrolled: true, type: 'window' })) c.postMessage(report);
}

const report = (phase: OfflineReport['phase'], doneBytes: number, error?: string): OfflineReport => ({
  kind: 'parkatlas-offline',
  version: plan.version,
  phase,
  doneBytes,
  totalBytes: TOTAL,
  ...(error ? { error } : {}),
});

/** Files fetched at once: enough to keep a local server busy, few enough not to crowd the page's own loading. */
const PARALLEL = 4;

let filling: Promise<void> | null = null;

/**
 * Puts every precached file not yet in the cache into it, telling the pages how far it is. Run at
 * install and again whenever a page asks (the browser may have evicted entries under storage
 * pressure). Rejects on the first file that cannot be fetched, so a half-filled build never installs.
 */
function fill(): Promise<void> {
  filling ??= (async () => {
    const cache = await caches.open(CACHE);
    const have = new Set((await cache.keys()).map((r) => pathInScope(r.url, scope)));
    const missing = plan.precache.filter((f) => !have.has(f.url));
    let done = TOTAL - missing.reduce((a, f) => a + f.bytes, 0);
    await broadcast(report(missing.length ? 'caching' : 'ready', done));
    if (!missing.length) return;
    let next = 0;
    let lastSent = 0;
    const one = async (): Promise<void> => {
      while (next < missing.length) {
        const f = missing[next++];
        // no-cache: revalidate with the server, so index.html is never an older copy from the HTTP cache.
        const res = await fetch(absolute(f.url), { cache: 'no-cache' });
        if (!res.ok) throw new Error(`${f.url}: HTTP ${res.status}`);
        await cache.put(absolute(f.url), res);
        done += f.bytes;
        if (Date.now() - lastSent > 150) {
          lastSent = Date.now();
          await broadcast(report('caching', done));
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PARALLEL, missing.length) }, one));
    await broadcast(report('ready', done));
  })().finally(() => {
    filling = null;
  });
  return filling;
}

worker.addEventListener('install', (e) => {
  e.waitUntil(
    fill().catch(async (err: unknown) => {
      await broadcast(report('failed', 0, String(err)));
      throw err;
    }),
  );
});

worker.addEventListener('activate', (e) => {
  e.waitUntil(
    (async () => {
      for (const name of staleCaches(await caches.keys(), plan.version)) await caches.delete(name);
      const onDemand = await caches.open(ON_DEMAND_CACHE);
      for (const req of await onDemand.keys()) {
        const path = pathInScope(req.url, scope);
        if (path === null || onDemandLeftovers([path], plan).length) await onDemand.delete(req);
      }
      // The page that installed this worker uses it from now on, so what it loads later (the
      // export library, the import dialog) is already the cached copy.
      await worker.clients.claim();
    })(),
  );
});

worker.addEventListener('message', (e) => {
  const data = e.data as { kind?: string } | null;
  if (data?.kind === TAKE_OVER.kind) e.waitUntil(worker.skipWaiting());
  else if (data?.kind === STATUS_REQUEST.kind) e.waitUntil(fill().catch((err: unknown) => broadcast(report('failed', 0, String(err)))));
});

/** A cached response, or the network's (kept in `cacheName` when it is a plain 200). */
async function cacheFirst(req: Request, path: string, cacheName: string): Promise<Response> {
  const cache = await caches.open(cacheName);
  const hit = await cache.match(absolute(path));
  if (hit) return hit;
  const res = await fetch(req);
  if (res.status === 200) await cache.put(absolute(path), res.clone());
  return res;
}

/** When this worker last asked a waiting build to take over (ms since epoch), and how often in a row. */
let handOver = { at: 0, times: 0 };

/**
 * Opening the app. When a newer build has installed and waits, and no other window uses this one,
 * the newer build is told to take over and the browser to load the page again (a `Refresh: 0`
 * response): the reload reaches the new build, so the page comes entirely from it. The browser
 * activates the new build only once this worker has answered (it waits for requests in flight),
 * so the answer cannot wait for it. Should the reload still reach this worker a few times in a
 * row, it answers as usual — never a loop of reloads.
 */
async function navigate(): Promise<Response> {
  const waiting = worker.registration.waiting;
  if (waiting && (await worker.clients.matchAll({ type: 'window' })).length <= 1) {
    const now = Date.now();
    handOver = now - handOver.at < 10_000 ? { at: now, times: handOver.times + 1 } : { at: now, times: 1 };
    if (handOver.times <= 3) {
      waiting.postMessage(TAKE_OVER);
      return new Response('<!doctype html><meta http-equiv="refresh" content="0">', {
        headers: { Refresh: '0', 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' },
      });
    }
  }
  const cache = await caches.open(CACHE);
  return (await cache.match(absolute(SHELL))) ?? fetch(absolute(SHELL));
}

worker.addEventListener('fetch', (e) => {
  const req = e.request;
  if (req.method !== 'GET') return;
  const path = pathInScope(req.url, scope);
  if (path === null) return;
  const route = routeOf(path, req.mode === 'navigate', plan, PRECACHED);
  if (route === 'shell') e.respondWith(navigate());
  else if (route === 'precache') e.respondWith(cacheFirst(req, path, CACHE));
  else if (route === 'on-demand') e.respondWith(cacheFirst(req, path, ON_DEMAND_CACHE));
});
