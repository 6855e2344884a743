// Effects for running the state layer in Node: DuckDB-WASM for Node, the demo files from disk,
// and in-memory storage, address bar and tracking store that tests can inspect and drive.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import type { Db } from '../../../src/data/db';
import { DEMO_PACK_NAME, demoManifest, tablesFromDemoText } from '../../../scripts/demo/pack';
import { readWorkspaceFile } from '../../../src/data/workspace/workspace-file';
import { openNodeDb } from '../../../src/data/duckdb-node';
import type { RegionId } from '../../../src/data/regions';
import { MemoryTrackingStore } from '../../../src/data/tracking';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { loadCityBoundaries } from '../../../src/data/cities';
import { openWorkspaceStore } from '../../../src/data/workspace/workspace-store';
import type { Address, Effects } from '../../../src/state/effects';

const DEMO = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'demo');
const BOUNDARIES = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'data', 'boundaries');

/** An address bar with a history stack; back() and forward() fire the pop listeners. */
export class FakeAddress implements Address {
  entries: string[];
  index = 0;
  pushes = 0;
  private listeners = new Set<(search: string) => void>();
  constructor(search = '') {
    this.entries = [search];
  }
  search = () => this.entries[this.index];
  push = (search: string) => {
    this.entries = [...this.entries.slice(0, this.index + 1), search];
    this.index++;
    this.pushes++;
  };
  replace = (search: string) => {
    this.entries[this.index] = search;
  };
  onPop = (listener: (search: string) => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  /** A pasted or edited address (the browser reloads on Enter; tests use createApp again). */
  go(delta: number): void {
    this.index += delta;
    for (const l of this.listeners) l(this.entries[this.index]);
  }
}

export interface FakeEffects extends Effects {
  address: FakeAddress;
  stored: Map<string, string>;
  downloads: { name: string; bytes: Uint8Array }[];
  errors: unknown[];
  marks: string[];
  /** Every SQL text the app sent to the database. */
  queries: string[];
  /** Region fetches wait until released (to overtake a slow load with a fast one). */
  hold(region: RegionId): void;
  release(region: RegionId): void;
  /** The next query whose SQL matches waits until the returned function is called. */
  holdQuery(pattern: RegExp): () => void;
  close(): void;
}

export interface FakeOptions {
  search?: string;
  stored?: Record<string, string>;
  today?: string;
  /** A database to use instead of opening one (tests share one: each region load replaces its tables). */
  db?: Db;
  /** A region's files; the demo data from disk when absent. */
  files?: (region: RegionId) => [FeatureCollection, import('../../../src/data/import/region').RegionFiles];
  /** The engine opens only once this resolves (a slow DuckDB-WASM start). */
  engineGate?: Promise<void>;
}

export function fakeEffects(opts: FakeOptions = {}): FakeEffects {
  const stored = new Map(Object.entries(opts.stored ?? {}));
  const held = new Map<RegionId, { promise: Promise<void>; release: () => void }>();
  const dbs: (Db & { close(): void })[] = [];
  const queries: string[] = [];
  const gate = (r: RegionId) => held.get(r)?.promise ?? Promise.resolve();
  const heldQueries: { pattern: RegExp; promise: Promise<void> }[] = [];
  let ids = 0;
  const fx: FakeEffects = {
    async openDb() {
      await opts.engineGate;
      const db = opts.db ?? (await openNodeDb());
      if (!opts.db) dbs.push(db as Db & { close(): void });
      return {
        query: async (q) => {
          const text = typeof q === 'string' ? q : q.text;
          queries.push(text);
          const i = heldQueries.findIndex((h) => h.pattern.test(text));
          if (i >= 0) await heldQueries.splice(i, 1)[0].promise;
          return db.query(q);
        },
        registerText: (n, t) => db.registerText(n, t),
        dropFile: (n) => db.dropFile(n),
        insertArrowIpc: (n, ipc) => db.insertArrowIpc(n, ipc),
      };
    },
    async fetchBoundaries(region) {
      await gate(region);
      if (opts.files) return opts.files(region)[0];
      return JSON.parse(readFileSync(path.join(BOUNDARIES, `${region}.geojson`), 'utf8')) as FeatureCollection;
    },
    async fetchDemoPack(region) {
      await gate(region);
      if (opts.files) {
        // A test's own small region goes through the same import pipeline as the real packs.
        const tables = await tablesFromDemoText(opts.files(region)[1]);
        return { manifest: demoManifest(region, tables), tables };
      }
      const opened = readWorkspaceFile(new Uint8Array(readFileSync(path.join(DEMO, region, DEMO_PACK_NAME))));
      if (!opened.ok) throw new Error(opened.errorEn);
      return opened.workspace;
    },
    storage: { getItem: (k) => stored.get(k) ?? null, setItem: (k, v) => void stored.set(k, v) },
    address: new FakeAddress(opts.search ?? ''),
    today: () => opts.today ?? '2026-06-30',
    newId: () => `sc-${++ids}`,
    tracking: new MemoryTrackingStore(),
    // A fresh in-memory IndexedDB per app: workspaces saved by one test never leak into another.
    workspaces: openWorkspaceStore(new IDBFactory(), IDBKeyRange),
    cityBoundaries: (adcode) =>
      loadCityBoundaries(adcode, async (file) => readFileSync(path.join(BOUNDARIES, 'cities', file), 'utf8')),
    download: (bytes, name) => void fx.downloads.push({ name, bytes }),
    mark: (name) => void fx.marks.push(name),
    logError: (e) => void fx.errors.push(e),
    stored,
    downloads: [],
    errors: [],
    marks: [],
    queries,
    hold(region) {
      let release!: () => void;
      const promise = new Promise<void>((r) => (release = r));
      held.set(region, { promise, release });
    },
    release(region) {
      held.get(region)?.release();
      held.delete(region);
    },
    holdQuery(pattern) {
      let release!: () => void;
      heldQueries.push({ pattern, promise: new Promise<void>((r) => (release = r)) });
      return release;
    },
    close() {
      for (const db of dbs) db.close();
    },
  };
  return fx;
}
