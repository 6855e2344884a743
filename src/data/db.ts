// The database seen by analyses: DuckDB-WASM in the browser (worker) or in Node (blocking
// build). Analyses depend only on this interface, so the CLI report, the tests and the app
// run the very same SQL.

import type { Query, SqlValue } from './sql';

/** The part of an Arrow table the app reads; both Arrow builds (ESM and CJS) satisfy it. */
export interface ResultTable {
  readonly numRows: number;
  readonly schema: { fields: { name: string }[] };
  getChild(name: string): ResultVector | null;
  toArray(): { toJSON(): Record<string, unknown> }[];
  readonly batches: unknown[];
}

export interface ResultVector {
  readonly length: number;
  get(index: number): unknown;
  toArray(): ArrayLike<unknown>;
  readonly data: ResultData[];
}

export interface ResultData {
  readonly length: number;
  readonly values: ArrayLike<number> & { buffer: ArrayBufferLike };
  readonly valueOffsets?: Int32Array;
  readonly nullBitmap?: Uint8Array;
  readonly nullCount: number;
  readonly children: ResultData[];
}

export interface Db {
  query(q: Query | string): Promise<ResultTable>;
  /** Registers text as a virtual file readable by read_csv. */
  registerText(name: string, text: string): Promise<void>;
  dropFile(name: string): Promise<void>;
  /** Creates table `name` from an Arrow IPC stream (the binary bulk path; no text in between). */
  insertArrowIpc(name: string, ipc: Uint8Array): Promise<void>;
}

export function toQuery(q: Query | string): Query {
  return typeof q === 'string' ? { text: q, params: [] } : q;
}

/** Plain JS rows from a result (BigInt → number, dates stay epoch ms). For small results only. */
export function rows<T = Record<string, unknown>>(t: ResultTable): T[] {
  return t.toArray().map((r) => {
    const o = r.toJSON();
    for (const k of Object.keys(o)) {
      const v = o[k];
      if (typeof v === 'bigint') o[k] = Number(v);
      else if (v !== null && typeof v === 'object' && 'toArray' in (v as object)) {
        o[k] = Array.from((v as { toArray(): ArrayLike<unknown> }).toArray());
      }
    }
    return o as T;
  });
}

export type { Query, SqlValue };

/** Statements every connection runs first: offline DuckDB-WASM must never try to fetch extensions. */
export const OFFLINE_SETUP = [
  'SET autoinstall_known_extensions=false',
  'SET autoload_known_extensions=false',
];

/**
 * Runs `job` in one transaction: DuckDB's DDL is transactional, so replacing several tables
 * either happens completely or not at all.
 */
export async function transaction<T>(db: Db, job: () => Promise<T>): Promise<T> {
  await db.query('BEGIN TRANSACTION');
  try {
    const r = await job();
    await db.query('COMMIT');
    return r;
  } catch (e) {
    await db.query('ROLLBACK').catch(() => undefined);
    throw e;
  }
}
