// A workspace survives the browser store and the workspace file unchanged: loaded into DuckDB
// afterwards, it gives identical counts and findings. Damaged or foreign files are refused
// with a message, never half-read.

import 'fake-indexeddb/auto';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportRows, runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { type Db, rows } from '../../src/data/db';
import { readDemoFiles } from '../../src/data/demo-files-node';
import { openNodeDb } from '../../src/data/duckdb-node';
import { parseRegionFiles } from '../../src/data/import/region';
import { loadWorkspaceTables } from '../../src/data/workspace/load-db';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, type WorkspaceManifest } from '../../src/data/workspace/manifest';
import { type Workspace, readWorkspaceFile, writeWorkspaceFile } from '../../src/data/workspace/workspace-file';
import { openWorkspaceStore } from '../../src/data/workspace/workspace-store';
import { asTables } from './helpers/workspace';

function demoWorkspace(id = 'ningjin'): Workspace {
  const tables = asTables(parseRegionFiles(readDemoFiles('dezhou')));
  const manifest: WorkspaceManifest = {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    id,
    name: '宁津县 2026 年 11 月台账',
    base: { kind: 'city', adcode: '371400', name: '德州市' },
    synthetic: false,
    createdAt: '2026-11-29T08:00:00.000Z',
    updatedAt: '2026-11-29T08:00:00.000Z',
    tables: Object.fromEntries(
      Object.entries(tables).map(([k, t]) => [k, { rows: t.count, hasShapes: !!t.shapes, source: { files: ['台账.xlsx'], importedAt: '2026-11-29', rows: t.count, skipped: 0 } }]),
    ),
    settings: { version: 1, idleYears: 1 },
    mappings: {},
    tracking: [{ id: 't1', region: id, parcel_id: 'DZ-000001', stage: 'interviewed', date: '2026-11-01', person: '张三', note: '=HYPERLINK("x")', recorded_at: '2026-11-01T01:00:00Z' }],
    scenes: [],
  };
  return { manifest, tables };
}

let a: Db & { close(): void };
let b: Db & { close(): void };
beforeAll(async () => {
  [a, b] = await Promise.all([openNodeDb(), openNodeDb()]);
});
afterAll(() => {
  a.close();
  b.close();
});

async function findings(db: Db, w: Workspace) {
  await loadWorkspaceTables(db, w.tables);
  await runLandRules(db, '2026-06-30', DEFAULT_SETTINGS);
  return { report: await reportRows(db), parks: rows(await db.query('SELECT * FROM parks ORDER BY park_id')) };
}

describe('workspace file', () => {
  it('opens with identical findings, manifest and tracking', async () => {
    const w = demoWorkspace();
    const bytes = writeWorkspaceFile(w);
    const r = readWorkspaceFile(bytes);
    if (!r.ok) throw new Error(r.errorZh);
    expect(r.workspace.manifest).toEqual(w.manifest);
    expect(await findings(b, r.workspace)).toEqual(await findings(a, w));
  });
  it('refuses bytes that are not a zip, a zip without a manifest, and a foreign manifest', () => {
    expect(readWorkspaceFile(new TextEncoder().encode('宗地编号,面积\n1,2'))).toMatchObject({ ok: false, errorZh: expect.stringContaining('无法解压') });
    expect(readWorkspaceFile(zipSync({ 'a.txt': new Uint8Array([1]) }))).toMatchObject({ ok: false, errorZh: expect.stringContaining('manifest.json') });
    const foreign = zipSync({ 'manifest.json': new TextEncoder().encode('{"type":"FeatureCollection"}') });
    expect(readWorkspaceFile(foreign)).toMatchObject({ ok: false, errorEn: 'not a ParkAtlas workspace file' });
  });
  it('refuses a workspace saved by a newer version, saying so', () => {
    const w = demoWorkspace();
    const newer = { ...w, manifest: { ...w.manifest, version: 7 as 1 } };
    const r = readWorkspaceFile(writeWorkspaceFile(newer));
    expect(r).toMatchObject({ ok: false, errorZh: expect.stringContaining('更新版本') });
  });
  it('refuses damaged table data and row counts that disagree with the manifest', () => {
    const w = demoWorkspace();
    const bytes = writeWorkspaceFile(w);
    const files = unzipSync(bytes);
    files['tables/parcels.arrow'] = files['tables/parcels.arrow'].slice(0, 100);
    expect(readWorkspaceFile(zipSync(files))).toMatchObject({ ok: false, errorEn: 'the data of table parcels in the workspace is damaged' });
    const lying = { ...w, manifest: { ...w.manifest, tables: { ...w.manifest.tables, parks: { rows: 1, hasShapes: true } } } };
    expect(readWorkspaceFile(writeWorkspaceFile(lying))).toMatchObject({ ok: false, errorEn: expect.stringContaining('row count') });
  });
});

describe('workspace store (IndexedDB)', () => {
  it('lists, loads with identical findings, and deletes a workspace', async () => {
    const store = openWorkspaceStore();
    const w = demoWorkspace('ws-store');
    await store.save(w);
    const listed = await store.list();
    expect(listed.map((s) => [s.id, s.name])).toEqual([['ws-store', '宁津县 2026 年 11 月台账']]);
    expect(listed[0].bytes).toBeGreaterThan(100_000);
    const r = await store.load('ws-store');
    if (!r.ok) throw new Error(r.errorZh);
    expect(await findings(b, r.workspace)).toEqual(await findings(a, w));
    await store.remove('ws-store');
    expect(await store.list()).toEqual([]);
    expect(await store.load('ws-store')).toMatchObject({ ok: false });
  });
  it('saving a smaller workspace drops the tables it no longer has', async () => {
    const store = openWorkspaceStore();
    const w = demoWorkspace('ws-shrink');
    await store.save(w);
    const { enterprises: _e, ...rest } = w.tables;
    const { enterprises: _m, ...restManifest } = w.manifest.tables;
    await store.save({ manifest: { ...w.manifest, tables: restManifest }, tables: rest });
    const r = await store.load('ws-shrink');
    expect(r.ok && Object.keys(r.workspace.tables).sort()).toEqual(['chain_links', 'chain_nodes', 'parcels', 'parks']);
  });
});

describe('rows located by points', () => {
  it('keep their points through the workspace file', () => {
    const w = demoWorkspace('pts');
    const pts = new Float64Array(2 * w.tables.parcels.count).fill(Number.NaN);
    pts[0] = 116.5;
    pts[1] = 37.6;
    w.tables.parcels.points = pts;
    w.manifest.tables.parcels = { ...w.manifest.tables.parcels!, hasPoints: true };
    const r = readWorkspaceFile(writeWorkspaceFile(w));
    if (!r.ok) throw new Error(r.errorZh);
    expect(Array.from(r.workspace.tables.parcels.points!.subarray(0, 4))).toEqual([116.5, 37.6, Number.NaN, Number.NaN]);
  });
});
