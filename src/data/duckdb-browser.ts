// DuckDB-WASM in a Web Worker. The `eh` wasm and its worker are bundled by Vite (`?url`), so
// nothing is fetched from a CDN; the `mvp` build is not shipped (every supported browser has
// WebAssembly exceptions).

import * as duckdb from '@duckdb/duckdb-wasm';
import wasmUrl from '@duckdb/duckdb-wasm/dist/duckdb-eh.wasm?url';
import workerUrl from '@duckdb/duckdb-wasm/dist/duckdb-browser-eh.worker.js?url';
import type { Db, ResultTable } from './db';
import { OFFLINE_SETUP, toQuery } from './db';

export async function openBrowserDb(): Promise<Db> {
  const worker = new Worker(workerUrl);
  const db = new duckdb.AsyncDuckDB(new duckdb.VoidLogger(), worker);
  await db.instantiate(wasmUrl);
  await db.open({ query: { castBigIntToDouble: true } });
  const conn = await db.connect();
  for (const s of OFFLINE_SETUP) await conn.query(s);
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
