// Native DuckDB (@duckdb/node-api) behind the same `Db` interface as DuckDB-WASM, for the
// command-line report only: it runs the very same SQL, but uses every core and has no 4 GB
// WebAssembly memory ceiling, which a province's parcels exceed. The browser and the unit tests
// stay on DuckDB-WASM; tests/unit/report-cli-parity.test.ts proves both give the same report.
//
// Results come back as Arrow tables shaped like DuckDB-WASM's (opened with castBigIntToDouble):
// BIGINT/HUGEINT become DOUBLE, DECIMAL Arrow Decimal128, DATE days since 1970 (Arrow DateDay),
// lists Arrow lists. Representations differ between the two engines' APIs, never their values,
// so they are normalised here and never in the SQL.

import {
  BOOLEAN, DATE, DOUBLE, type DuckDBConnection, type DuckDBDecimalType, DuckDBDataChunk, DuckDBDateValue, DuckDBDecimalValue, DuckDBInstance,
  DuckDBListValue, DuckDBTypeId, type DuckDBType, type DuckDBValue, INTEGER, LIST, VARCHAR, listValue,
} from '@duckdb/node-api';
import {
  Bool, DataType, DateDay, Decimal, Field, Float32, Float64, Int8, Int16, Int32, List, Table, Uint8, Uint16, Uint32, Utf8,
  type Vector, makeData, makeVector, tableFromIPC, vectorFromArray,
} from 'apache-arrow';
import { validity } from './arrow-columns';
import type { Db, ResultTable } from './db';
import { OFFLINE_SETUP, toQuery } from './db';
import { ident } from './sql';

const MS_PER_DAY = 86_400_000;


/** A JS number for any numeric DuckDB value (BIGINT and DECIMAL as doubles, like DuckDB-WASM here). */
function toNumber(v: DuckDBValue): number | null {
  if (v === null) return null;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof DuckDBDecimalValue) return v.toDouble();
  return Number(String(v));
}

function numericVector<T extends DataType>(type: T, Array_: { new (n: number): ArrayLike<number> & { [i: number]: number } }, values: readonly DuckDBValue[]): Vector {
  const n = values.length;
  const data = new Array_(n);
  const { bitmap, nullCount } = validity(n, (i) => values[i] === null);
  for (let i = 0; i < n; i++) data[i] = toNumber(values[i]) ?? 0;
  return makeVector(makeData({ type, length: n, nullCount, nullBitmap: bitmap, data } as never));
}

/**
 * DECIMAL as DuckDB-WASM hands it over: Arrow Decimal128 (the scaled integer in four 32-bit
 * words, least significant first, two's complement) with the column's width and scale.
 */
function decimalVector(type: DuckDBDecimalType, values: readonly DuckDBValue[]): Vector {
  const n = values.length;
  const words = new Uint32Array(4 * n);
  const { bitmap, nullCount } = validity(n, (i) => values[i] === null);
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v === null) continue;
    let x = BigInt.asUintN(128, (v as DuckDBDecimalValue).value);
    for (let w = 0; w < 4; w++) {
      words[4 * i + w] = Number(x & 0xffffffffn);
      x >>= 32n;
    }
  }
  return makeVector(makeData({ type: new Decimal(type.scale, type.width, 128), length: n, nullCount, nullBitmap: bitmap, data: words }));
}

/** One result column as the Arrow vector DuckDB-WASM would have returned for it. */
function toArrow(type: DuckDBType, values: readonly DuckDBValue[]): Vector {
  const n = values.length;
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN: {
      const { bitmap, nullCount } = validity(n, (i) => values[i] === null);
      const bits = new Uint8Array((n + 7) >> 3);
      for (let i = 0; i < n; i++) if (values[i] === true) bits[i >> 3] |= 1 << (i & 7);
      return makeVector(makeData({ type: new Bool(), length: n, nullCount, nullBitmap: bitmap, data: bits }));
    }
    case DuckDBTypeId.TINYINT:
      return numericVector(new Int8(), Int8Array, values);
    case DuckDBTypeId.SMALLINT:
      return numericVector(new Int16(), Int16Array, values);
    case DuckDBTypeId.INTEGER:
      return numericVector(new Int32(), Int32Array, values);
    case DuckDBTypeId.UTINYINT:
      return numericVector(new Uint8(), Uint8Array, values);
    case DuckDBTypeId.USMALLINT:
      return numericVector(new Uint16(), Uint16Array, values);
    case DuckDBTypeId.UINTEGER:
      return numericVector(new Uint32(), Uint32Array, values);
    case DuckDBTypeId.FLOAT:
      return numericVector(new Float32(), Float32Array, values);
    case DuckDBTypeId.DOUBLE:
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return numericVector(new Float64(), Float64Array, values);
    case DuckDBTypeId.DECIMAL:
      return decimalVector(type as DuckDBDecimalType, values);
    case DuckDBTypeId.DATE: {
      const days = new Int32Array(n);
      const { bitmap, nullCount } = validity(n, (i) => values[i] === null);
      for (let i = 0; i < n; i++) if (values[i] !== null) days[i] = (values[i] as DuckDBDateValue).days;
      return makeVector(makeData({ type: new DateDay(), length: n, nullCount, nullBitmap: bitmap, data: days }));
    }
    case DuckDBTypeId.LIST: {
      const items = values.map((v) => (v === null ? null : (v as DuckDBListValue).items.map(toNumber)));
      return vectorFromArray(items, new List(new Field('l', new Float64(), true)));
    }
    default:
      return vectorFromArray(values.map((v) => (v === null ? null : typeof v === 'string' ? v : String(v))), new Utf8());
  }
}

/** A JS parameter as DuckDB-WASM binds it: numbers as DOUBLE, text as VARCHAR. */
function param(v: string | number | boolean | null): { value: DuckDBValue; type: DuckDBType } {
  if (typeof v === 'number') return { value: v, type: DOUBLE };
  if (typeof v === 'boolean') return { value: v, type: BOOLEAN };
  return { value: v, type: VARCHAR };
}

/** The DuckDB column type of an Arrow field the loaders write (src/data/arrow-columns.ts). */
function columnType(t: DataType): DuckDBType {
  if (DataType.isUtf8(t)) return VARCHAR;
  if (DataType.isBool(t)) return BOOLEAN;
  if (DataType.isDate(t)) return DATE;
  if (DataType.isInt(t) && t.bitWidth <= 32) return INTEGER;
  if (DataType.isFloat(t)) return DOUBLE;
  if (DataType.isList(t)) return LIST(DOUBLE);
  throw new Error(`no native column type for Arrow ${String(t)}`);
}

function toDuck(type: DuckDBType, v: unknown): DuckDBValue {
  if (v === null || v === undefined) return null;
  switch (type.typeId) {
    case DuckDBTypeId.DATE:
      // Arrow's DateDay reads back as epoch milliseconds.
      return new DuckDBDateValue(Math.round(Number(v) / MS_PER_DAY));
    case DuckDBTypeId.DOUBLE:
      return Number.isNaN(v as number) ? null : (v as number);
    case DuckDBTypeId.LIST:
      return listValue(Array.from(v as ArrayLike<number>));
    default:
      return v as DuckDBValue;
  }
}

const APPEND_ROWS = 2048;

/** Creates `name` from an Arrow IPC stream through the appender (no text in between). */
async function insertIpc(conn: DuckDBConnection, name: string, ipc: Uint8Array): Promise<void> {
  const table = tableFromIPC(ipc);
  const fields = table.schema.fields;
  const types = fields.map((f) => columnType(f.type));
  await conn.run(`CREATE TABLE ${ident(name).text} (${fields.map((f, k) => `${ident(f.name).text} ${types[k].toString()}`).join(', ')})`);
  const appender = await conn.createAppender(name);
  const vectors = fields.map((f) => table.getChild(f.name)!);
  if (types.some((t) => t.typeId === DuckDBTypeId.LIST)) {
    // Lists (parcel_shapes.xy) go row by row: a data chunk's list children are read by the
    // appender after the chunk may have been collected, which crashed node-api 1.4.3. Only
    // shape tables have lists, and the report reads none of them.
    for (let i = 0; i < table.numRows; i++) {
      vectors.forEach((vec, k) => appender.appendValue(toDuck(types[k], vec.get(i)), types[k]));
      appender.endRow();
    }
    appender.closeSync();
    return;
  }
  for (let start = 0; start < table.numRows; start += APPEND_ROWS) {
    const end = Math.min(start + APPEND_ROWS, table.numRows);
    const columns = vectors.map((vec, k) => {
      const out: DuckDBValue[] = new Array(end - start);
      for (let i = start; i < end; i++) out[i - start] = toDuck(types[k], vec.get(i));
      return out;
    });
    const chunk = DuckDBDataChunk.create(types, end - start);
    chunk.setColumns(columns);
    appender.appendDataChunk(chunk);
    // Written out before the chunk can be collected.
    appender.flushSync();
  }
  appender.closeSync();
}

export interface NativeDbOptions {
  /**
   * A database file (in a temporary folder the caller removes) instead of memory: with
   * `memoryLimit`, DuckDB then keeps tables on disk and only a bounded cache in memory, so
   * memory stays flat however many parcels a file has.
   */
  file?: string;
  /** DuckDB's memory_limit, e.g. '768MB'. */
  memoryLimit?: string;
}

export async function openNativeDb(opts: NativeDbOptions = {}): Promise<Db & { close(): void }> {
  const config: Record<string, string> = {};
  if (opts.memoryLimit) config.memory_limit = opts.memoryLimit;
  const instance = await DuckDBInstance.create(opts.file ?? ':memory:', config);
  const conn = await instance.connect();
  for (const s of OFFLINE_SETUP) await conn.run(s);
  return {
    async query(q) {
      const { text, params } = toQuery(q);
      const bound = params.map(param);
      const result = await conn.run(text, bound.map((b) => b.value), bound.map((b) => b.type));
      const names = result.columnNames();
      const types = result.columnTypes();
      const columns = await result.getColumns();
      const vectors: Record<string, Vector> = {};
      names.forEach((name, k) => {
        vectors[name] = toArrow(types[k], columns[k] ?? []);
      });
      return (names.length === 0 ? new Table() : new Table(vectors)) as unknown as ResultTable;
    },
    async registerText() {
      throw new Error('registerText is not available on the native engine; load tables through Arrow');
    },
    async dropFile() {
      // Nothing is registered, so nothing to drop.
    },
    async insertArrowIpc(name, ipc) {
      await insertIpc(conn, name, ipc);
    },
    close() {
      conn.closeSync();
      instance.closeSync();
    },
  };
}
