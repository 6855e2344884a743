// The workspace file (工作区文件): one zip a planner can move to another computer or send to a
// colleague — manifest.json plus each table as an Arrow IPC stream and each shape set as a
// binary blob. Opening it checks everything before anything replaces what the user has.
// fflate writes and reads the zip (small, no dependencies, works in workers and Node).

import { unzipSync, zipSync } from 'fflate';
import { columnsToIpc } from '../arrow-columns';
import { ipcToColumns } from './columns-ipc';
import { type WorkspaceManifest, TABLE_NAMES, checkManifest } from './manifest';
import { bytesToShapes, shapesToBytes } from './shapes-binary';
import type { TableData, WorkspaceTables } from './tables';

export interface Workspace {
  manifest: WorkspaceManifest;
  tables: WorkspaceTables;
}

export const WORKSPACE_FILE_EXTENSION = '.parkatlas';

/** Blobs of a workspace's tables by storage name (`tables/parcels.arrow`, `shapes/parcels.bin`). */
export function tableBlobs(tables: WorkspaceTables): Record<string, Uint8Array> {
  const out: Record<string, Uint8Array> = {};
  for (const name of TABLE_NAMES) {
    const t = tables[name];
    if (!t) continue;
    out[`tables/${name}.arrow`] = columnsToIpc(t.columns);
    if (t.shapes) out[`shapes/${name}.bin`] = shapesToBytes(t.shapes);
    if (t.points) out[`points/${name}.f64`] = new Uint8Array(t.points.buffer, t.points.byteOffset, t.points.byteLength);
  }
  return out;
}

export type OpenResult = { ok: true; workspace: Workspace } | { ok: false; errorZh: string; errorEn: string };

/** Rebuilds tables from blobs, checking each against the manifest. */
export function tablesFromBlobs(manifest: WorkspaceManifest, blobs: Readonly<Record<string, Uint8Array>>): OpenResult {
  const tables: Partial<Record<string, TableData>> = {};
  for (const [name, entry] of Object.entries(manifest.tables)) {
    const bytes = blobs[`tables/${name}.arrow`];
    if (!bytes) return { ok: false, errorZh: `工作区缺少表 ${name} 的数据`, errorEn: `the workspace lacks the data of table ${name}` };
    let t: TableData;
    try {
      t = ipcToColumns(bytes);
      const shapes = blobs[`shapes/${name}.bin`];
      if (entry!.hasShapes) {
        if (!shapes) return { ok: false, errorZh: `工作区缺少表 ${name} 的图形`, errorEn: `the workspace lacks the shapes of table ${name}` };
        t.shapes = bytesToShapes(shapes);
        if (t.shapes.featureOffsets.length - 1 !== t.count) throw new Error('shape count');
      }
      const points = blobs[`points/${name}.f64`];
      if (entry!.hasPoints) {
        if (!points || points.byteLength !== 16 * t.count) throw new Error('points');
        t.points = new Float64Array(points.slice().buffer);
      }
    } catch {
      return { ok: false, errorZh: `工作区中表 ${name} 的数据已损坏`, errorEn: `the data of table ${name} in the workspace is damaged` };
    }
    if (t.count !== entry!.rows) {
      return { ok: false, errorZh: `表 ${name} 的行数与说明不符`, errorEn: `table ${name} has a different row count than its manifest says` };
    }
    tables[name] = t;
  }
  return { ok: true, workspace: { manifest, tables: tables as unknown as WorkspaceTables } };
}

/** `mtime` fixes the zip's entry times (the demo packs are byte-for-byte reproducible). */
export function writeWorkspaceFile(w: Workspace, opts: { mtime?: string } = {}): Uint8Array {
  const files: Record<string, Uint8Array> = { 'manifest.json': new TextEncoder().encode(JSON.stringify(w.manifest, null, 1)) };
  Object.assign(files, tableBlobs(w.tables));
  return zipSync(files, opts.mtime === undefined ? { level: 6 } : { level: 6, mtime: opts.mtime });
}

export function readWorkspaceFile(bytes: Uint8Array): OpenResult {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes);
  } catch {
    return { ok: false, errorZh: '不是有效的工作区文件（无法解压）', errorEn: 'not a valid workspace file (cannot unzip)' };
  }
  const m = files['manifest.json'];
  if (!m) return { ok: false, errorZh: '不是 ParkAtlas 工作区文件（缺少 manifest.json）', errorEn: 'not a ParkAtlas workspace file (no manifest.json)' };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(m));
  } catch {
    return { ok: false, errorZh: '工作区说明 manifest.json 不是有效的 JSON', errorEn: 'manifest.json is not valid JSON' };
  }
  const checked = checkManifest(json);
  if (!checked.ok) return checked;
  return tablesFromBlobs(checked.manifest, files);
}
