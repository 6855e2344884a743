// Workspaces kept in the browser. IndexedDB works on every origin the app may be served from,
// including a plain-http intranet host where OPFS and cross-origin isolation are unavailable
// (product model, Workspace), so it is the one store: a reload or a browser restart loses
// nothing. Manifests and table blobs are separate records, so listing workspaces reads no data.

import { type Workspace, tableBlobs, tablesFromBlobs, type OpenResult } from './workspace-file';
import { type WorkspaceManifest, checkManifest } from './manifest';

const DB_NAME = 'parkatlas-workspaces';
const DB_VERSION = 1;

export interface WorkspaceSummary {
  id: string;
  name: string;
  manifest: WorkspaceManifest;
  bytes: number;
}

export interface WorkspaceStore {
  list(): Promise<WorkspaceSummary[]>;
  load(id: string): Promise<OpenResult>;
  /** Writes a workspace whole: a failure leaves the previous version in place (one transaction). */
  save(w: Workspace): Promise<void>;
  /** Updates only the manifest (settings, tracking, scenes) without rewriting tables. */
  saveManifest(m: WorkspaceManifest): Promise<void>;
  remove(id: string): Promise<void>;
}

function request<T>(r: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('transaction aborted'));
  });
}

export function openWorkspaceStore(idb: IDBFactory = indexedDB, keyRange: typeof IDBKeyRange = IDBKeyRange): WorkspaceStore {
  let opened: Promise<IDBDatabase> | null = null;
  const db = () =>
    (opened ??= new Promise((resolve, reject) => {
      const r = idb.open(DB_NAME, DB_VERSION);
      r.onupgradeneeded = () => {
        const d = r.result;
        if (!d.objectStoreNames.contains('manifests')) d.createObjectStore('manifests', { keyPath: 'id' });
        // Blob key: [workspace id, blob name].
        if (!d.objectStoreNames.contains('blobs')) d.createObjectStore('blobs');
      };
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    }));

  async function blobsOf(d: IDBDatabase, id: string): Promise<{ names: string[]; blobs: Record<string, Uint8Array> }> {
    const tx = d.transaction('blobs', 'readonly');
    const range = keyRange.bound([id, ''], [id, '\uffff']);
    const [keys, values] = await Promise.all([request(tx.objectStore('blobs').getAllKeys(range)), request(tx.objectStore('blobs').getAll(range))]);
    const blobs: Record<string, Uint8Array> = {};
    const names = keys.map((k) => (k as [string, string])[1]);
    names.forEach((n, i) => (blobs[n] = new Uint8Array(values[i] as ArrayBuffer)));
    return { names, blobs };
  }

  return {
    async list() {
      const d = await db();
      const all = (await request(d.transaction('manifests', 'readonly').objectStore('manifests').getAll())) as (WorkspaceManifest & { bytes?: number })[];
      const out: WorkspaceSummary[] = [];
      for (const m of all) {
        const c = checkManifest(m);
        if (c.ok) out.push({ id: c.manifest.id, name: c.manifest.name, manifest: c.manifest, bytes: m.bytes ?? 0 });
      }
      return out.sort((a, b) => b.manifest.updatedAt.localeCompare(a.manifest.updatedAt));
    },
    async load(id) {
      const d = await db();
      const m = await request(d.transaction('manifests', 'readonly').objectStore('manifests').get(id));
      if (!m) return { ok: false, errorZh: `没有编号为 ${id} 的工作区`, errorEn: `no workspace with id ${id}` };
      const c = checkManifest(m);
      if (!c.ok) return c;
      const { blobs } = await blobsOf(d, id);
      return tablesFromBlobs(c.manifest, blobs);
    },
    async save(w) {
      const d = await db();
      const blobs = tableBlobs(w.tables);
      const bytes = Object.values(blobs).reduce((a, b) => a + b.byteLength, 0);
      const { names } = await blobsOf(d, w.manifest.id);
      const tx = d.transaction(['manifests', 'blobs'], 'readwrite');
      const store = tx.objectStore('blobs');
      for (const n of names) if (!(n in blobs)) store.delete([w.manifest.id, n]);
      for (const [n, b] of Object.entries(blobs)) store.put(b.slice().buffer, [w.manifest.id, n]);
      tx.objectStore('manifests').put({ ...w.manifest, bytes });
      await done(tx);
    },
    async saveManifest(m) {
      const d = await db();
      const tx = d.transaction('manifests', 'readwrite');
      const old = (await request(tx.objectStore('manifests').get(m.id))) as { bytes?: number } | undefined;
      tx.objectStore('manifests').put({ ...m, bytes: old?.bytes ?? 0 });
      await done(tx);
    },
    async remove(id) {
      const d = await db();
      const tx = d.transaction(['manifests', 'blobs'], 'readwrite');
      tx.objectStore('manifests').delete(id);
      tx.objectStore('blobs').delete(keyRange.bound([id, ''], [id, '\uffff']));
      await done(tx);
    },
  };
}
