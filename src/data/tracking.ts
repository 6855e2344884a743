// Revitalisation tracking (盘活跟踪): dated records of where each parcel's case stands, kept in
// the browser (IndexedDB) because the app has no server. Records are append-only facts — a
// later record does not overwrite an earlier one — so the history of a case stays readable.
// The latest stage of a parcel is its record with the latest `date`, then `recorded_at`, then `id`.

import { type Lang, TRACKING_STAGES, TRACKING_STAGE_LABELS, type TrackingStage, isCode } from '../vocab';
import { parseIsoDate } from './import/cells';

export { TRACKING_DONE_STAGES, TRACKING_STAGES, type TrackingStage } from '../vocab';

export interface TrackingRecord {
  id: string;
  /** Region id (regions.ts), so several regions can share one browser database. */
  region: string;
  parcel_id: string;
  stage: TrackingStage;
  /** Date the stage was reached, ISO YYYY-MM-DD. */
  date: string;
  /** Who is responsible / who recorded it. */
  person: string;
  note: string;
  /** When the record was entered, ISO date-time (UTC). */
  recorded_at: string;
}

export interface TrackingInput {
  region: string;
  parcel_id: string;
  stage: string;
  date: string;
  person: string;
  note?: string;
}

export const MAX_NOTE_LENGTH = 2000;

function newId(): string {
  const c = globalThis.crypto;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  return `t-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

export function isTrackingStage(v: unknown): v is TrackingStage {
  return isCode(TRACKING_STAGES, v);
}

const ERRORS = {
  zh: {
    region: '缺少地区',
    parcel: '缺少宗地编号',
    stage: (v: string, list: string) => `阶段 “${v}” 无效，应为：${list}`,
    date: (v: string) => `日期 “${v}” 无效，应为 YYYY-MM-DD 格式的有效日期`,
    person: '经办人不能为空',
    note: (n: number) => `备注不能超过 ${n} 字`,
    listSep: '、',
  },
  en: {
    region: 'Region missing',
    parcel: 'Parcel id missing',
    stage: (v: string, list: string) => `Stage “${v}” is not valid; expected one of: ${list}`,
    date: (v: string) => `Date “${v}” is not a valid YYYY-MM-DD date`,
    person: 'Person must not be empty',
    note: (n: number) => `Note must be at most ${n} characters`,
    listSep: ', ',
  },
} as const;

/**
 * Validates a new record and completes it (id, recorded_at). Errors are in `lang` (Chinese by
 * default), one per problem. `now` is injectable for tests.
 */
export function newTrackingRecord(
  input: TrackingInput,
  now: Date = new Date(),
  lang: Lang = 'zh',
): { ok: true; record: TrackingRecord } | { ok: false; errors: string[] } {
  const m = ERRORS[lang];
  const errors: string[] = [];
  const region = (input.region ?? '').trim();
  const parcelId = (input.parcel_id ?? '').trim();
  const person = (input.person ?? '').trim();
  const note = (input.note ?? '').trim();
  if (!region) errors.push(m.region);
  if (!parcelId) errors.push(m.parcel);
  if (!isTrackingStage(input.stage)) {
    errors.push(m.stage(input.stage, TRACKING_STAGES.map((s) => TRACKING_STAGE_LABELS[s][lang]).join(m.listSep)));
  }
  // Strictly YYYY-MM-DD (the importer's lenient 2024/1/5 is for data files, not a form field).
  const date = typeof input.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(input.date) ? parseIsoDate(input.date) : null;
  if (date === null) errors.push(m.date(input.date ?? ''));
  if (!person) errors.push(m.person);
  if (note.length > MAX_NOTE_LENGTH) errors.push(m.note(MAX_NOTE_LENGTH));
  if (errors.length > 0 || date === null) return { ok: false, errors };
  return {
    ok: true,
    record: {
      id: newId(),
      region,
      parcel_id: parcelId,
      stage: input.stage as TrackingStage,
      date,
      person,
      note,
      recorded_at: now.toISOString(),
    },
  };
}

/**
 * The order of a parcel's records, oldest first: by date, then entry time, then id (a total
 * order, so history is stable). The latest stage is the last record in this order among those
 * dated on or before the as-of date; analysis/tracking-summary.ts builds its SQL ORDER BY from
 * this same list, so the rule is written once.
 */
export const TRACKING_ORDER = ['date', 'recorded_at', 'id'] as const;

export function compareRecords(a: TrackingRecord, b: TrackingRecord): number {
  for (const k of TRACKING_ORDER) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  return 0;
}

/** The latest of one parcel's records as of `asOf` (ISO date); null when none is dated by then. */
export function latestRecord(records: readonly TrackingRecord[], asOf: string): TrackingRecord | null {
  let out: TrackingRecord | null = null;
  for (const r of records) if (r.date <= asOf && (!out || compareRecords(out, r) < 0)) out = r;
  return out;
}

export interface TrackingStore {
  /** Stores a validated record (see newTrackingRecord). */
  add(rec: TrackingRecord): Promise<void>;
  /** One parcel's records, oldest first. */
  history(region: string, parcelId: string): Promise<TrackingRecord[]>;
  /** All of a region's records, oldest first. */
  all(region: string): Promise<TrackingRecord[]>;
  /** Deletes a region's records (or all records when no region is given). */
  clear?(region?: string): Promise<void>;
}

/** In memory, for tests and for a browser without IndexedDB (records last for the session). */
export class MemoryTrackingStore implements TrackingStore {
  private records: TrackingRecord[] = [];

  async add(rec: TrackingRecord): Promise<void> {
    if (this.records.some((r) => r.id === rec.id)) throw new Error(`跟踪记录 ${rec.id} 已存在`);
    this.records.push({ ...rec });
  }

  async history(region: string, parcelId: string): Promise<TrackingRecord[]> {
    return this.records
      .filter((r) => r.region === region && r.parcel_id === parcelId)
      .map((r) => ({ ...r }))
      .sort(compareRecords);
  }

  async all(region: string): Promise<TrackingRecord[]> {
    return this.records
      .filter((r) => r.region === region)
      .map((r) => ({ ...r }))
      .sort(compareRecords);
  }

  async clear(region?: string): Promise<void> {
    this.records = region === undefined ? [] : this.records.filter((r) => r.region !== region);
  }
}

// IndexedDB layout. Bump DB_VERSION and extend `upgrade` when stores or indexes change; the
// upgrade runs once per browser and must keep existing records.
export const DB_NAME = 'parkatlas';
export const DB_VERSION = 1;
const STORE = 'tracking';
const BY_PARCEL = 'by_region_parcel';
const BY_REGION = 'by_region';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB 请求失败'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB 事务失败'));
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB 事务中止'));
  });
}

function upgrade(db: IDBDatabase, oldVersion: number): void {
  if (oldVersion < 1) {
    const store = db.createObjectStore(STORE, { keyPath: 'id' });
    store.createIndex(BY_PARCEL, ['region', 'parcel_id'], { unique: false });
    store.createIndex(BY_REGION, 'region', { unique: false });
  }
}

/** The browser store. `factory` defaults to the global indexedDB (injectable for tests). */
export class IndexedDbTrackingStore implements TrackingStore {
  private dbPromise: Promise<IDBDatabase> | null = null;

  constructor(private readonly factory: IDBFactory = globalThis.indexedDB) {
    if (!factory) throw new Error('此浏览器不支持 IndexedDB，跟踪记录无法保存');
  }

  private open(): Promise<IDBDatabase> {
    this.dbPromise ??= new Promise<IDBDatabase>((resolve, reject) => {
      const req = this.factory.open(DB_NAME, DB_VERSION);
      req.onupgradeneeded = (ev) => upgrade(req.result, ev.oldVersion);
      req.onsuccess = () => {
        const db = req.result;
        // Another tab upgrading the schema: let it, and reopen next time.
        db.onversionchange = () => {
          db.close();
          this.dbPromise = null;
        };
        resolve(db);
      };
      req.onerror = () => reject(req.error ?? new Error('无法打开浏览器数据库'));
      req.onblocked = () => reject(new Error('浏览器数据库被其他标签页占用，请关闭其他标签页后重试'));
    });
    this.dbPromise.catch(() => {
      this.dbPromise = null;
    });
    return this.dbPromise;
  }

  async add(rec: TrackingRecord): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    // `add` (not `put`) refuses a duplicate id instead of overwriting history.
    tx.objectStore(STORE).add({ ...rec });
    await done(tx);
  }

  async history(region: string, parcelId: string): Promise<TrackingRecord[]> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readonly');
    const r = await request(tx.objectStore(STORE).index(BY_PARCEL).getAll([region, parcelId]));
    return (r as TrackingRecord[]).sort(compareRecords);
  }

  async all(region: string): Promise<TrackingRecord[]> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readonly');
    const r = await request(tx.objectStore(STORE).index(BY_REGION).getAll(region));
    return (r as TrackingRecord[]).sort(compareRecords);
  }

  async clear(region?: string): Promise<void> {
    const db = await this.open();
    const tx = db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    if (region === undefined) store.clear();
    else {
      // Delete inside the cursor callback, where the transaction is certainly still active.
      const cursorReq = store.index(BY_REGION).openCursor(IDBKeyRange.only(region));
      cursorReq.onsuccess = () => {
        const cursor = cursorReq.result;
        if (!cursor) return;
        cursor.delete();
        cursor.continue();
      };
    }
    await done(tx);
  }

  close(): void {
    void this.dbPromise?.then((db) => db.close());
    this.dbPromise = null;
  }
}

/** IndexedDB when available, otherwise memory (e.g. private windows that refuse storage). */
export function openTrackingStore(): TrackingStore {
  return typeof globalThis.indexedDB !== 'undefined' ? new IndexedDbTrackingStore() : new MemoryTrackingStore();
}
