// Packs each demo region (data/demo/<region>/*.geojson|csv, the readable source of the synthetic
// 示例数据) into the app's binary workspace form: typed columns as Arrow IPC and parcel shapes as
// typed arrays (data/workspace/workspace-file.ts). The browser opens the demo like any workspace,
// so the map can draw parcels before the database engine has started, and rows reach DuckDB as
// Arrow rather than as text. The files are read through the same import pipeline as a planner's
// own files, so the demo exercises that pipeline too.
//
// Deterministic: the same sources give byte-identical packs (a unit test re-packs and compares).

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAnyFile } from '../../src/data/ingest/read-file';
import { buildImport, guessTable, prepareTable } from '../../src/data/ingest/import-table';
import type { TableKind } from '../../src/data/mapping/field-names';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, type WorkspaceManifest } from '../../src/data/workspace/manifest';
import type { TableData, WorkspaceTables } from '../../src/data/workspace/tables';
import { writeWorkspaceFile } from '../../src/data/workspace/workspace-file';
import { DEMO_FILE_NAMES, type RegionId, regionById } from '../../src/data/regions';

/** The pack's file name inside data/demo/<region>/. */
export const DEMO_PACK_NAME = 'demo.parkatlas';

/** A fixed date so that packing twice gives the same bytes (zip entry times, manifest dates). */
const PACKED_AT = '2026-01-01T00:00:00.000Z';

const SOURCES: readonly [TableKind, keyof typeof DEMO_FILE_NAMES][] = [
  ['parks', 'parks'],
  ['parcels', 'parcels'],
  ['enterprises', 'enterprises'],
  ['chain_nodes', 'chainNodes'],
  ['chain_links', 'chainLinks'],
  ['promotion_groups', 'promotionGroups'],
  ['factories', 'factories'],
];

/** Files a region may lack (the others are required). */
const OPTIONAL: ReadonlySet<keyof typeof DEMO_FILE_NAMES> = new Set(['promotionGroups', 'factories']);

/** One demo file through the import pipeline; any problem stops the packing with its location. */
async function importDemoFile(kind: TableKind, file: string, bytes: Uint8Array): Promise<TableData> {
  const reading = await readAnyFile(file, bytes);
  const problem = (what: string) => new Error(`data/demo: ${file}: ${what}`);
  if (!reading.table) throw problem(reading.issues.map((i) => i.messageEn).join('; ') || 'unreadable');
  const { table, proposal } = guessTable(reading.table);
  if (table !== kind) throw problem(`read as ${table}, expected ${kind}`);
  // The demo files use the contract's field names and WGS84: no choice is left to guess.
  const prepared = prepareTable(reading.table, proposal.mapping, null);
  if (!prepared.ok) throw problem(prepared.issues.map((i) => `row ${i.row} ${i.field}: ${i.messageEn}`).join('; '));
  const built = buildImport(prepared.table);
  const errors = built.issues.filter((i) => i.level === 'error');
  if (errors.length > 0) throw problem(errors.map((i) => `row ${i.row} ${i.field}: ${i.messageEn}`).join('; '));
  return built.table;
}

/** A demo region's tables from its files' text, by DEMO_FILE_NAMES key (absent optional files are skipped). */
export async function tablesFromDemoText(files: Partial<Record<keyof typeof DEMO_FILE_NAMES, { name: string; text: string }>>): Promise<WorkspaceTables> {
  const tables: Partial<Record<TableKind, TableData>> = {};
  for (const [kind, key] of SOURCES) {
    const f = files[key];
    if (f) tables[kind] = await importDemoFile(kind, f.name, new TextEncoder().encode(f.text));
  }
  return tables as WorkspaceTables;
}

export async function packDemoTables(demoRoot: string, region: RegionId): Promise<WorkspaceTables> {
  const dir = join(demoRoot, region);
  const files: Partial<Record<keyof typeof DEMO_FILE_NAMES, { name: string; text: string }>> = {};
  for (const [, key] of SOURCES) {
    const path = join(dir, DEMO_FILE_NAMES[key]);
    if (OPTIONAL.has(key) && !existsSync(path)) continue;
    files[key] = { name: DEMO_FILE_NAMES[key], text: readFileSync(path, 'utf8') };
  }
  return tablesFromDemoText(files);
}

export function demoManifest(region: RegionId, tables: WorkspaceTables): WorkspaceManifest {
  const info = regionById(region)!;
  const entries: WorkspaceManifest['tables'] = {};
  for (const [kind, key] of SOURCES) {
    const t = tables[kind as keyof WorkspaceTables];
    if (!t) continue;
    entries[kind as keyof WorkspaceTables] = {
      rows: t.count,
      hasShapes: t.shapes !== undefined,
      // Tables located by a point (the factories) keep their points in the pack.
      ...(t.points ? { hasPoints: true } : {}),
      source: { files: [`data/demo/${region}/${DEMO_FILE_NAMES[key]}`], importedAt: PACKED_AT, rows: t.count, skipped: 0 },
    };
  }
  return {
    format: WORKSPACE_FORMAT,
    version: WORKSPACE_VERSION,
    id: `demo-${region}`,
    name: `${info.nameZh}（示例数据）`,
    base: { kind: 'demo', region },
    synthetic: true,
    createdAt: PACKED_AT,
    updatedAt: PACKED_AT,
    tables: entries,
    settings: null,
    mappings: {},
    tracking: [],
    scenes: [],
  };
}

/** The pack's bytes for one region. */
export async function packDemo(demoRoot: string, region: RegionId): Promise<Uint8Array> {
  const tables = await packDemoTables(demoRoot, region);
  return writeWorkspaceFile({ manifest: demoManifest(region, tables), tables }, { mtime: PACKED_AT });
}
