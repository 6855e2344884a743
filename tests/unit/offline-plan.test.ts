// The offline plan of a build (scripts/pwa/precache.ts) and the cache rules the service worker
// follows (src/data/offline/plan.ts), on a small bundle shaped like Vite's output.

import { describe, expect, test } from 'vitest';
import { type BuiltFile, buildVersion, planOffline, scopePath } from '../../scripts/pwa/precache';
import { onDemandLeftovers, pathInScope, precacheName, routeOf, staleCaches } from '../../src/data/offline/plan';

const file = (fileName: string, source: string, originalFileNames: string[] = []): BuiltFile => ({ fileName, source, originalFileNames });

const BUNDLE: BuiltFile[] = [
  file('index.html', '<!doctype html>'),
  file('assets/index-aaaa.js', 'main'),
  file('assets/exceljs.min-bbbb.js', 'export library, loaded on demand'),
  file('assets/index-cccc.css', 'css'),
  file('assets/duckdb-eh-dddd.wasm', 'eh wasm', ['node_modules/@duckdb/duckdb-wasm/dist/duckdb-eh.wasm']),
  file('assets/duckdb-browser-eh.worker-eeee.js', 'eh worker', ['node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js']),
  file('assets/duckdb-coi-ffff.wasm', 'coi wasm', ['node_modules/@duckdb/duckdb-wasm/dist/duckdb-coi.wasm']),
  file('assets/duckdb-browser-coi.worker-gggg.js', 'coi worker', ['node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js']),
  file('assets/duckdb-browser-coi.pthread.worker-hhhh.js', 'pthread', ['node_modules/@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js']),
  file('assets/tessellate.worker-iiii.js', 'tessellation worker'),
  file('assets/demo-jjjj.parkatlas', 'demo pack', ['data/demo/dezhou/demo.parkatlas']),
  file('assets/dezhou-kkkk.geojson', '{}', ['data/boundaries/dezhou.geojson']),
  file('assets/440200-llll.json', '{}', ['data/boundaries/cities/440200.json']),
  file('assets/110000-mmmm.json', '{}', ['data/boundaries/cities/110000.json']),
  file('assets/index-aaaa.js.map', '{}'),
  file('manifest.webmanifest', '{}'),
  file('icons/icon-192.png', 'png'),
  file('sw.js', 'worker'),
];

describe('planOffline', () => {
  const plan = planOffline(BUNDLE);
  const precached = plan.precache.map((f) => f.url);

  test('precaches everything the app needs to open and present, lazily loaded chunks included', () => {
    expect(precached).toEqual([
      'assets/demo-jjjj.parkatlas',
      'assets/dezhou-kkkk.geojson',
      'assets/duckdb-browser-eh.worker-eeee.js',
      'assets/duckdb-eh-dddd.wasm',
      'assets/exceljs.min-bbbb.js',
      'assets/index-aaaa.js',
      'assets/index-cccc.css',
      'assets/tessellate.worker-iiii.js',
      'icons/icon-192.png',
      'index.html',
      'manifest.webmanifest',
    ]);
  });

  test('keeps other cities and the threaded engine for first use; never source maps or the worker itself', () => {
    expect(plan.onDemand).toEqual([
      'assets/110000-mmmm.json',
      'assets/440200-llll.json',
      'assets/duckdb-browser-coi.pthread.worker-hhhh.js',
      'assets/duckdb-browser-coi.worker-gggg.js',
      'assets/duckdb-coi-ffff.wasm',
    ]);
    const all = [...precached, ...plan.onDemand];
    expect(all).not.toContain('sw.js');
    expect(all.some((u) => u.endsWith('.map'))).toBe(false);
  });

  test('sizes are the built bytes (UTF-8), so the progress and the size shown are real', () => {
    const p = planOffline([file('index.html', '园区'), file('assets/a.bin', '')]);
    expect(p.precache).toEqual([
      { url: 'assets/a.bin', bytes: 0 },
      { url: 'index.html', bytes: 6 },
    ]);
  });

  test('without original names, on-demand files are recognised by their emitted names', () => {
    const p = planOffline([file('index.html', ''), file('assets/620100-Ab_9.json', '{}'), file('assets/duckdb-coi-x1.wasm', ''), file('assets/chain-1.json', '{}')]);
    expect(p.onDemand).toEqual(['assets/620100-Ab_9.json', 'assets/duckdb-coi-x1.wasm']);
    expect(p.precache.map((f) => f.url)).toEqual(['assets/chain-1.json', 'index.html']);
  });

  test('a build without index.html is refused (the worker could not open the app)', () => {
    expect(() => planOffline([file('assets/a.js', '')])).toThrow(/index\.html/);
  });

  test('a name reaching outside the app’s origin or folder is refused', () => {
    for (const bad of ['https://cdn.example/x.js', '//cdn.example/x.js', '/abs.js', '../x.js', 'assets/../../x.js', 'data:text/plain,x']) {
      expect(() => scopePath(bad), bad).toThrow(/not a path inside/);
      expect(() => planOffline([file('index.html', ''), file(bad, '')]), bad).toThrow(/not a path inside/);
    }
    expect(scopePath('assets/城市 1.json')).toBe('assets/%E5%9F%8E%E5%B8%82%201.json');
  });
});

describe('buildVersion', () => {
  test('depends on every name and content, not on the order files come in', () => {
    const v = buildVersion(BUNDLE);
    expect(buildVersion([...BUNDLE].reverse())).toBe(v);
    expect(buildVersion(BUNDLE.map((f) => (f.fileName === 'index.html' ? { ...f, source: '<!doctype html> ' } : f)))).not.toBe(v);
    expect(buildVersion(BUNDLE.map((f) => (f.fileName === 'index.html' ? { ...f, fileName: 'main.html' } : f)))).not.toBe(v);
    expect(buildVersion(BUNDLE.map((f) => ({ ...f, source: new TextEncoder().encode(f.source as string) })))).toBe(v);
  });

  test('names the precache: a new build installs into a cache of its own', () => {
    const a = planOffline(BUNDLE);
    const b = planOffline(BUNDLE.map((f) => (f.fileName === 'assets/index-aaaa.js' ? { ...f, source: 'main 2' } : f)));
    expect(precacheName(a.version)).not.toBe(precacheName(b.version));
    // A build that changes only the worker's code is a new version too.
    expect(planOffline(BUNDLE, 'worker 2').version).not.toBe(planOffline(BUNDLE, 'worker 1').version);
    expect(precacheName(a.version).startsWith('parkatlas-')).toBe(true);
  });
});

describe('cache rules of the worker', () => {
  test('activation deletes earlier builds only: never the on-demand cache or another app’s caches', () => {
    const current = precacheName('new');
    const names = [precacheName('old'), current, 'parkatlas-on-demand', 'workbox-precache-v2', 'other-app'];
    expect(staleCaches(names, 'new')).toEqual([precacheName('old')]);
    expect(staleCaches([current], 'new')).toEqual([]);
  });

  test('on-demand files the new build no longer names are dropped, the others kept', () => {
    const plan = planOffline(BUNDLE);
    expect(onDemandLeftovers(['assets/110000-mmmm.json', 'assets/110000-OLD1.json'], plan)).toEqual(['assets/110000-OLD1.json']);
  });

  test('paths are taken inside the worker’s folder only', () => {
    const scope = 'https://intranet.example/parkatlas/';
    expect(pathInScope('https://intranet.example/parkatlas/assets/a.js?x=1#h', scope)).toBe('assets/a.js');
    expect(pathInScope('https://intranet.example/parkatlas/?region=dezhou', scope)).toBe('');
    expect(pathInScope('https://intranet.example/other/a.js', scope)).toBeNull();
    expect(pathInScope('https://tiles.example/parkatlas/1/2/3.png', scope)).toBeNull();
  });

  test('navigations get the app, its files come from the cache, the rest from the network', () => {
    const plan = planOffline(BUNDLE);
    const pre = new Set(plan.precache.map((f) => f.url));
    expect(routeOf('', true, plan, pre)).toBe('shell');
    expect(routeOf('index.html', true, plan, pre)).toBe('shell');
    expect(routeOf('assets/index-aaaa.js', true, plan, pre)).toBe('network');
    expect(routeOf('assets/index-aaaa.js', false, plan, pre)).toBe('precache');
    expect(routeOf('assets/440200-llll.json', false, plan, pre)).toBe('on-demand');
    expect(routeOf('assets/not-built.js', false, plan, pre)).toBe('network');
  });
});
