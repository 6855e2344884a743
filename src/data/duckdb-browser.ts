// DuckDB-WASM in a Web Worker. Two builds are bundled by Vite (`?url`), so nothing is fetched
// from a CDN; the `mvp` build is not shipped (every supported browser has WebAssembly
// exceptions):
// - `coi`: multi-threaded (WebAssembly threads on SharedArrayBuffer). Browsers allow it only
//   when the page is cross-origin isolated, i.e. served over https or from localhost with
//   COOP `same-origin` and COEP (vite.config.ts sends both).
// - `eh`: single-threaded; the only choice on a plain-http intranet host, where the browser
//   grants no isolation.
// `eh` is the default everywhere; `?engine=coi` opts into the threaded build (for comparing the
// two), and is still refused where the page is not isolated.

import * as duckdb from '@duckdb/duckdb-wasm';
import ehWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import ehWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import coiWasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-coi.wasm?url';
import coiWorkerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.worker.js?url';
import coiPthreadUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-coi.pthread.worker.js?url';
import type { Db, ResultTable } from './db';
import { OFFLINE_SETUP, toQuery } from './db';

export type EngineBuild = 'eh' | 'coi';

/**
 * The build used unless the address asks for another: `eh`, even where the page is isolated.
 * The threaded build was faster at 1,000,000 parcels on a quiet two-core machine (rules 380 ms
 * against 482 ms, a setting change 1.70 s against 1.80 s), but in DuckDB-WASM 1.32 it copies
 * data in and results out through a cached view of the shared memory, and when one of its
 * threads has grown that memory meanwhile the view is too short: an import or a region load
 * failed now and then with "offset is out of bounds" (duckdb/duckdb-wasm#2256, open; the EH
 * build is not affected). A load that fails one time in a few is worth far less than 100 ms.
 * `?engine=coi` still opts in, for the benchmark and for checking a fixed release.
 */
export const PREFERRED_BUILD: EngineBuild = 'eh';

/** The build to load: `requested` (or the preferred one) when the page allows it, else `eh`. */
export function chooseBuild(isolated: boolean, requested: string | null): EngineBuild {
  const wanted = requested === 'eh' || requested === 'coi' ? requested : PREFERRED_BUILD;
  return wanted === 'coi' && isolated ? 'coi' : 'eh';
}

/** Threads for the multi-threaded build: the machine's cores, at most 4 (more mostly adds memory). */
function threadCount(): number {
  return Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));
}

// Read when the module loads: the app rewrites the address to its own parameters once it starts.
const REQUESTED = typeof location === 'undefined' ? null : new URLSearchParams(location.search).get('engine');

/** The build this page loaded, for the benchmark and tests (set once the engine is open). */
export let openedBuild: { build: EngineBuild; threads: number } | null = null;

export async function openBrowserDb(): Promise<Db> {
  const isolated = globalThis.crossOriginIsolated === true;
  const build = chooseBuild(isolated, REQUESTED);
  const worker = new Worker(build === 'coi' ? coiWorkerUrl : ehWorkerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  const threads = build === 'coi' ? threadCount() : 1;
  if (build === 'coi') await db.instantiate(coiWasmUrl, coiPthreadUrl);
  else await db.instantiate(ehWasmUrl);
  await db.open({ query: { castBigIntToDouble: true }, ...(build === 'coi' ? { maximumThreads: threads } : {}) });
  const conn = await db.connect();
  for (const s of OFFLINE_SETUP) await conn.query(s);
  if (build === 'coi') await conn.query(`SET threads = ${threads}`);
  openedBuild = { build, threads };
  return {
    async query(q) {
      const { text, params } = toQuery(q);
      if (params.length === 0) return (await conn.query(text)) as unknown as ResultTable;
      const stmt = await conn.prepare(text);
      try {
        return (await stmt.query(...params)) as unknown as ResultTable;
      } finally {
        await stmt.close();
      }
    },
    async registerText(name, text) {
      await db.registerFileText(name, text);
    },
    async dropFile(name) {
      await db.dropFile(name);
    },
    async insertArrowIpc(name, ipc) {
      await conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
  };
}
