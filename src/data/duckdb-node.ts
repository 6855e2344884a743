// DuckDB-WASM's Node build (blocking bindings) for the command-line report, benchmarks and
// unit tests. Same engine and SQL as the browser.

import { createRequire } from 'node:module';
import path from 'node:path';
import type { Db, ResultTable } from './db';
import { OFFLINE_SETUP, toQuery } from './db';

const require = createRequire(import.meta.url);

export async function openNodeDb(): Promise<Db & { close(): void }> {
  // The Node build is CommonJS and loads the CommonJS Arrow; we only read its results.
  const duck = require('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs');
  const dist = path.dirname(require.resolve('@duckdb/duckdb-wasm/dist/duckdb-node-blocking.cjs'));
  const db = await duck.createDuckDB(
    {
      mvp: { mainModule: path.join(dist, 'duckdb-mvp.wasm'), mainWorker: path.join(dist, 'duckdb-node-mvp.worker.cjs') },
      eh: { mainModule: path.join(dist, 'duckdb-eh.wasm'), mainWorker: path.join(dist, 'duckdb-node-eh.worker.cjs') },
    },
    new duck.VoidLogger(),
    duck.NODE_RUNTIME,
  );
  await db.instantiate();
  db.open({ query: { castBigIntToDouble: true } });
  const conn = db.connect();
  for (const s of OFFLINE_SETUP) conn.query(s);
  return {
    async query(q) {
      const { text, params } = toQuery(q);
      if (params.length === 0) return conn.query(text) as ResultTable;
      const stmt = conn.prepare(text);
      try {
        return stmt.query(...params) as ResultTable;
      } finally {
        stmt.close();
      }
    },
    async registerText(name, text) {
      db.registerFileText(name, text);
    },
    async dropFile(name) {
      db.dropFile(name);
    },
    async insertArrowIpc(name, ipc) {
      conn.insertArrowFromIPCStream(ipc, { name, create: true });
    },
    close() {
      conn.close();
      db.reset?.();
    },
  };
}
