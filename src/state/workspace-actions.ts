// Actions on the user's workspaces (工作区): list, save an import, delete, export as a workspace
// file and open one. A workspace file carries the data, the settings and the tracking records,
// so a colleague who opens it sees identical counts and findings. What the user already has is
// never overwritten: an opened file whose id exists here is stored under a new id.

import { isWorkspaceId, regionById, type WorkspaceId } from '../data/regions';
import { findCity } from '../data/cities';
import { isTrackingStage, type TrackingRecord } from '../data/tracking';
import { EMPTY_PLACE_WORK, loadPlaceWork, placeWorkFromData, placeWorkToData, storePlaceWork } from './place-work';
import { WORKSPACE_FORMAT, WORKSPACE_VERSION, type WorkspaceBase, type WorkspaceManifest } from '../data/workspace/manifest';
import type { WorkspaceTables } from '../data/workspace/tables';
import { type Workspace, WORKSPACE_FILE_EXTENSION, readWorkspaceFile, writeWorkspaceFile } from '../data/workspace/workspace-file';
import type { WorkspaceSummary } from '../data/workspace/workspace-store';
import { type TableDiff, diffTables } from '../data/workspace/diff';

/** Where confirmed mappings are remembered (this browser; workspace files carry their own). */
const MAPPINGS_KEY = 'parkatlas:mappings';
/** Local datum parameters per city (entered once, used for every later import of that city). */
const TOWGS84_KEY = 'parkatlas:towgs84';
import { type AppState, type WorkspaceSummaryView, savedOf } from './app-state';
import type { Effects } from './effects';
import type { Notice } from './notice';
import { parseSavedState, savedStateToJson } from './saved-state';
import type { Store } from './store';
import type { AppEvent } from './updaters';

export interface WorkspaceActionDeps {
  store: Store<AppState>;
  dispatch(e: AppEvent): void;
  fx: Effects;
}

/** A new id: the date and a random suffix (no clash with the user's other workspaces). */
export function newWorkspaceId(now: Date, taken: ReadonlySet<string>, random: () => number = Math.random): WorkspaceId {
  const day = now.toISOString().slice(0, 10).replace(/-/g, '');
  for (;;) {
    const id = `ws-${day}-${Math.floor(random() * 36 ** 6).toString(36).padStart(6, '0')}` as WorkspaceId;
    if (!taken.has(id)) return id;
  }
}

export function summaryView(w: WorkspaceSummary): WorkspaceSummaryView {
  const b = w.manifest.base;
  const demo = b.kind === 'demo' ? regionById(b.region) : undefined;
  const city = b.kind === 'city' ? b.name : (demo?.city ?? '');
  const adcode = b.kind === 'city' ? b.adcode : (demo?.adcode ?? '');
  const imports = Object.values(w.manifest.tables).map((e) => e?.source?.importedAt ?? '');
  const importedAt = imports.reduce((a, b) => (b > a ? b : a), '');
  return { id: w.id, name: w.name, city, adcode, updatedAt: w.manifest.updatedAt, importedAt, bytes: w.bytes, parcels: w.manifest.tables.parcels?.rows ?? 0 };
}

/** The manifest entries of a set of tables, with where each came from. */
export function tableEntries(tables: WorkspaceTables, files: Partial<Record<keyof WorkspaceTables, { files: string[]; skipped: number; mapping?: unknown; crs?: unknown }>>, at: string): WorkspaceManifest['tables'] {
  const out: WorkspaceManifest['tables'] = {};
  for (const [name, t] of Object.entries(tables) as [keyof WorkspaceTables, WorkspaceTables[keyof WorkspaceTables]][]) {
    if (!t) continue;
    const src = files[name];
    out[name] = {
      rows: t.count,
      hasShapes: !!t.shapes,
      hasPoints: !!t.points,
      source: src ? { files: src.files, importedAt: at, rows: t.count, skipped: src.skipped, mapping: src.mapping, crs: src.crs } : undefined,
    };
  }
  return out;
}

export function baseOfCity(adcode: string): WorkspaceBase {
  const hit = findCity(adcode);
  return hit ? { kind: 'city', adcode, name: hit.city.name } : { kind: 'custom' };
}

export function createWorkspaceActions({ store, dispatch, fx }: WorkspaceActionDeps) {
  const lang = () => store.get().lang;
  const say = (n: Notice) => dispatch({ type: 'noticesAdded', notices: [n] });

  async function refresh(): Promise<WorkspaceSummary[]> {
    const list = await fx.workspaces.list();
    dispatch({ type: 'workspacesListed', workspaces: list.map(summaryView) });
    return list;
  }

  async function save(w: Workspace): Promise<void> {
    await fx.workspaces.save(w);
    await refresh();
    dispatch({ type: 'workspaceSaved', id: w.manifest.id as WorkspaceId, updatedAt: w.manifest.updatedAt });
  }

  return {
    refreshWorkspaces: () => refresh().catch((e) => fx.logError(e)),
    /**
     * What re-importing `parcels` into a workspace would change (monthly update): parcels added,
     * removed and changed by id. Tracking records follow parcel ids, so they stay attached.
     */
    async workspaceDiff(id: WorkspaceId, parcels: WorkspaceTables['parcels']): Promise<TableDiff | null> {
      const r = await fx.workspaces.load(id);
      return r.ok ? diffTables(r.workspace.tables.parcels, parcels) : null;
    },
    /** The mapping confirmed last time for a file with these headings, if any (see mapping/memory.ts). */
    rememberedMapping(signature: string): unknown {
      try {
        return (JSON.parse(fx.storage.getItem(MAPPINGS_KEY) ?? '{}') as Record<string, unknown>)[signature] ?? null;
      } catch {
        return null;
      }
    },
    /** Remembers confirmed mappings by header signature, for next month's file. */
    rememberMappings(entries: Record<string, unknown>): void {
      try {
        const all = JSON.parse(fx.storage.getItem(MAPPINGS_KEY) ?? '{}') as Record<string, unknown>;
        fx.storage.setItem(MAPPINGS_KEY, JSON.stringify({ ...all, ...entries }));
      } catch {
        // Storage full or blocked: the next import proposes the mapping again.
      }
    },
    /** Local Xi'an 1980 / Beijing 1954 parameters entered for a city, remembered in this browser. */
    localParameters(adcode: string): number[] | null {
      try {
        const v = (JSON.parse(fx.storage.getItem(TOWGS84_KEY) ?? '{}') as Record<string, unknown>)[adcode];
        return Array.isArray(v) && (v.length === 3 || v.length === 7) && v.every((x) => typeof x === 'number') ? (v as number[]) : null;
      } catch {
        return null;
      }
    },
    rememberLocalParameters(adcode: string, towgs84: number[]): void {
      try {
        const all = JSON.parse(fx.storage.getItem(TOWGS84_KEY) ?? '{}') as Record<string, unknown>;
        fx.storage.setItem(TOWGS84_KEY, JSON.stringify({ ...all, [adcode]: towgs84 }));
      } catch {
        // Not remembered: asked again next time.
      }
    },
    /** A city's county outlines (for the import check and its preview). */
    cityBoundaries: (adcode: string) => fx.cityBoundaries(adcode),

    /**
     * Stores imported tables as a workspace and shows it. With `into`, the tables replace those
     * of that workspace (a monthly update): its other tables, settings, tracking and scenes stay.
     */
    async saveImport(input: { name: string; adcode: string; tables: Partial<WorkspaceTables>; sources: Parameters<typeof tableEntries>[1]; into?: WorkspaceId }): Promise<WorkspaceId> {
      const now = new Date();
      const at = now.toISOString();
      const list = await fx.workspaces.list();
      let base: Workspace | null = null;
      if (input.into) {
        const r = await fx.workspaces.load(input.into);
        if (r.ok) base = r.workspace;
      }
      const tables = { ...(base?.tables ?? {}), ...input.tables } as WorkspaceTables;
      tables.parks ??= { count: 0, columns: {} };
      const id = (base?.manifest.id as WorkspaceId | undefined) ?? newWorkspaceId(now, new Set(list.map((w) => w.id)));
      const manifest: WorkspaceManifest = {
        format: WORKSPACE_FORMAT,
        version: WORKSPACE_VERSION,
        id,
        name: input.name.trim() || base?.manifest.name || '我的工作区',
        base: base?.manifest.base ?? baseOfCity(input.adcode),
        synthetic: false,
        createdAt: base?.manifest.createdAt ?? at,
        updatedAt: at,
        // Every stored table has an entry; the imported ones say where they came from.
        tables: { ...tableEntries(tables, {}, at), ...(base?.manifest.tables ?? {}), ...tableEntries(input.tables as WorkspaceTables, input.sources, at) },
        settings: base?.manifest.settings ?? null,
        mappings: base?.manifest.mappings ?? {},
        tracking: [],
        scenes: base?.manifest.scenes ?? [],
      };
      await save({ manifest, tables });
      return id;
    },

    async deleteWorkspace(id: WorkspaceId): Promise<void> {
      await fx.workspaces.remove(id);
      await fx.tracking.clear?.(id);
      storePlaceWork(fx.storage, id, EMPTY_PLACE_WORK);
      await refresh();
      if (store.get().region === id) dispatch({ type: 'placeMissing', id });
    },

    /** Downloads a workspace as one file, with the current settings and its tracking records. */
    async exportWorkspace(id: WorkspaceId): Promise<void> {
      const r = await fx.workspaces.load(id);
      if (!r.ok) {
        say({ zh: r.errorZh, en: r.errorEn });
        return;
      }
      const tracking = await fx.tracking.all(id);
      const work = placeWorkToData(loadPlaceWork(fx.storage, id).work);
      const manifest: WorkspaceManifest = { ...r.workspace.manifest, settings: JSON.parse(savedStateToJson(savedOf(store.get()))), tracking, work };
      const bytes = writeWorkspaceFile({ manifest, tables: r.workspace.tables });
      const safe = manifest.name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 80) || 'workspace';
      fx.download(bytes, `${safe}${WORKSPACE_FILE_EXTENSION}`, 'application/zip');
    },

    /** Opens a workspace file: checked whole before anything is stored, then shown. */
    async openWorkspaceFile(name: string, bytes: Uint8Array): Promise<boolean> {
      const r = readWorkspaceFile(bytes);
      if (!r.ok) {
        say({ zh: `无法打开 ${name}：${r.errorZh}`, en: `Cannot open ${name}: ${r.errorEn}` });
        return false;
      }
      const list = await fx.workspaces.list();
      const m = r.workspace.manifest;
      // Never overwrite a workspace this browser already holds: the opened one gets a new id.
      const id = list.some((w) => w.id === m.id) || !isWorkspaceId(m.id) ? newWorkspaceId(new Date(), new Set(list.map((w) => w.id))) : (m.id as WorkspaceId);
      for (const t of m.tracking as Partial<TrackingRecord>[]) {
        if (typeof t.parcel_id !== 'string' || !isTrackingStage(t.stage) || typeof t.date !== 'string') continue;
        await fx.tracking.add({
          id: String(t.id ?? `${id}-${t.parcel_id}-${t.date}`),
          region: id,
          parcel_id: t.parcel_id,
          stage: t.stage,
          date: t.date,
          person: String(t.person ?? ''),
          note: String(t.note ?? ''),
          recorded_at: String(t.recorded_at ?? new Date().toISOString()),
        });
      }
      if (m.settings) {
        const read = parseSavedState(JSON.stringify(m.settings), { zh: `工作区文件 ${name} 中的设置`, en: `the settings in ${name}` });
        if (read.issues.length === 0) {
          dispatch({ type: 'settingsPatched', patch: read.state.rules });
          if (lang() === 'zh' || lang() === 'en') say({ zh: `已采用工作区文件中的规则设置`, en: 'The rule settings of the workspace file are applied' });
        } else dispatch({ type: 'noticesAdded', notices: read.issues });
      }
      // Scenes, groups and brochure details live with the place in this browser (place-work.ts).
      const work = placeWorkFromData(m.work, { zh: `工作区文件 ${name} `, en: name });
      if (work.issues.length > 0) dispatch({ type: 'noticesAdded', notices: work.issues });
      if (!work.readOnly && m.work) storePlaceWork(fx.storage, id, work.work);
      await save({ manifest: { ...m, id, tracking: [], work: null }, tables: r.workspace.tables });
      return true;
    },
  };
}
