// The workspace manifest (工作区): which city it is based on, which tables it holds and where they
// came from, plus the user's settings, mappings, tracking records and scenes. Saved state rules
// (product model): versioned, validated on read, migrated from older versions, and a version
// newer than this app is refused with a clear message rather than guessed at.

import type { WorkspaceTableName } from './tables';

export const WORKSPACE_FORMAT = 'parkatlas-workspace';
export const WORKSPACE_VERSION = 1;

export const TABLE_NAMES: readonly WorkspaceTableName[] = [
  'parcels',
  'parks',
  'enterprises',
  'chain_nodes',
  'chain_links',
  'counties',
  'projects',
  'factories',
  'promotion_groups',
  'planning_zones',
];

export type WorkspaceBase =
  | { kind: 'demo'; region: string }
  | { kind: 'city'; adcode: string; name: string }
  | { kind: 'custom' };

/** Where a table came from, shown in the workspace panel and the 说明 sheet of exports. */
export interface TableSource {
  files: string[];
  importedAt: string;
  /** The mapping used (validated by the mapping module when read). */
  mapping?: unknown;
  /** The coordinate system chosen (validated by the CRS module when read). */
  crs?: unknown;
  rows: number;
  skipped: number;
}

export interface TableEntry {
  rows: number;
  hasShapes: boolean;
  /** Rows located by a point (coordinate columns) rather than a shape. */
  hasPoints?: boolean;
  source?: TableSource;
}

export interface WorkspaceManifest {
  format: typeof WORKSPACE_FORMAT;
  version: typeof WORKSPACE_VERSION;
  id: string;
  name: string;
  base: WorkspaceBase;
  /** Synthetic demo data (示例数据): every screen and export says so. */
  synthetic: boolean;
  createdAt: string;
  updatedAt: string;
  tables: Partial<Record<WorkspaceTableName, TableEntry>>;
  /** Saved settings; their own versioned schema is checked by the state layer. */
  settings: unknown;
  /** Remembered mappings by header signature. */
  mappings: Record<string, unknown>;
  tracking: unknown[];
  scenes: unknown[];
  /** Scenes, edited promotion groups and brochure details; their own versioned form is checked by the state layer (place-work.ts). */
  work?: unknown;
}

export type ManifestCheck = { ok: true; manifest: WorkspaceManifest } | { ok: false; errorZh: string; errorEn: string };

const refuse = (zh: string, en: string): ManifestCheck => ({ ok: false, errorZh: zh, errorEn: en });

function isBase(b: unknown): b is WorkspaceBase {
  if (!b || typeof b !== 'object') return false;
  const o = b as Record<string, unknown>;
  if (o.kind === 'demo') return typeof o.region === 'string';
  if (o.kind === 'city') return typeof o.adcode === 'string' && typeof o.name === 'string';
  return o.kind === 'custom';
}

function isEntry(e: unknown): e is TableEntry {
  if (!e || typeof e !== 'object') return false;
  const o = e as Record<string, unknown>;
  return Number.isInteger(o.rows) && (o.rows as number) >= 0 && typeof o.hasShapes === 'boolean';
}

/** Validates (and, for older versions, migrates) a manifest read from storage or a workspace file. */
export function checkManifest(value: unknown): ManifestCheck {
  if (!value || typeof value !== 'object') return refuse('工作区说明不是对象', 'the workspace manifest is not an object');
  const v = value as Record<string, unknown>;
  if (v.format !== WORKSPACE_FORMAT) return refuse('不是 ParkAtlas 工作区文件', 'not a ParkAtlas workspace file');
  if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) {
    return refuse('工作区版本号无效', 'invalid workspace version');
  }
  if (v.version > WORKSPACE_VERSION) {
    return refuse(
      `该工作区由更新版本的 ParkAtlas 保存（版本 ${v.version}，本程序支持到 ${WORKSPACE_VERSION}），请升级后再打开`,
      `this workspace was saved by a newer ParkAtlas (version ${v.version}; this app reads up to ${WORKSPACE_VERSION}); update to open it`,
    );
  }
  if (typeof v.id !== 'string' || !/^[\w-]{1,64}$/.test(v.id)) return refuse('工作区编号无效', 'invalid workspace id');
  if (typeof v.name !== 'string' || v.name.trim() === '') return refuse('工作区名称为空', 'the workspace has no name');
  if (!isBase(v.base)) return refuse('工作区的底图城市无效', 'invalid workspace base');
  const tables: Partial<Record<WorkspaceTableName, TableEntry>> = {};
  for (const [name, entry] of Object.entries((v.tables ?? {}) as Record<string, unknown>)) {
    if (!(TABLE_NAMES as readonly string[]).includes(name)) return refuse(`工作区包含未知的表 “${name}”`, `unknown table “${name}” in the workspace`);
    if (!isEntry(entry)) return refuse(`表 ${name} 的说明无效`, `invalid entry for table ${name}`);
    tables[name as WorkspaceTableName] = entry;
  }
  if (!tables.parcels || !tables.parks) return refuse('工作区缺少宗地或园区表', 'the workspace lacks the parcels or parks table');
  const list = (k: string) => (Array.isArray(v[k]) ? (v[k] as unknown[]) : []);
  return {
    ok: true,
    manifest: {
      format: WORKSPACE_FORMAT,
      version: WORKSPACE_VERSION,
      id: v.id,
      name: v.name,
      base: v.base,
      synthetic: v.synthetic === true,
      createdAt: typeof v.createdAt === 'string' ? v.createdAt : '',
      updatedAt: typeof v.updatedAt === 'string' ? v.updatedAt : '',
      tables,
      settings: v.settings ?? null,
      mappings: v.mappings && typeof v.mappings === 'object' ? (v.mappings as Record<string, unknown>) : {},
      tracking: list('tracking'),
      scenes: list('scenes'),
      ...(v.work !== undefined && v.work !== null ? { work: v.work } : {}),
    },
  };
}
