// The import dialog's session: the files the planner dropped, what each holds (table, mapping,
// coordinate system) and the check before anything is stored. Plain data changed by the
// functions below; the import pipeline (readers, Excel, proj4) is loaded on first use, so the
// map's first frame never pays for it.

import type { CrsCandidate, CrsChoice, CrsDetection } from '../data/crs';
import type { FileReading, ReadChoice } from '../data/ingest/read-file';
import type { SourceIssue } from '../data/formats/raw-table';
import type { TableKind } from '../data/mapping/field-names';
import type { FieldProposal, TableMapping } from '../data/mapping/propose';
import type { UnitCode } from '../data/mapping/header-text';
import type { WorkspaceTables } from '../data/workspace/tables';
import type { PlaceContext } from '../data/ingest/build-table';
import { findCity, searchCities, type CityHit } from '../data/cities';
import { TABLE_FIELDS } from '../data/mapping/apply';
import { REQUIRED_FIELDS } from '../data/mapping/field-impact';

export type { CrsCandidate, CrsChoice, FieldProposal, SourceIssue, TableKind, TableMapping, UnitCode, CityHit };
export { searchCities, findCity, TABLE_FIELDS, REQUIRED_FIELDS };

/** The import template of a table (.xlsx with Chinese headings, an example row and 填写说明). */
export async function templateFor(table: TableKind): Promise<Uint8Array> {
  return (await import('../export/templates')).templateWorkbook(table);
}

/** Tables a planner can import, in the order the dialog offers them. */
export const IMPORT_TABLES: readonly TableKind[] = ['parcels', 'parks', 'enterprises', 'chain_nodes', 'chain_links', 'counties', 'projects', 'factories', 'promotion_groups', 'planning_zones'];

export interface ImportFile {
  key: number;
  name: string;
  bytes: Uint8Array;
  reading: FileReading;
  choice: ReadChoice;
  table: TableKind;
  mapping: TableMapping | null;
  fields: FieldProposal[];
  crs: CrsDetection | null;
  crsIndex: number;
  /** Central meridian chosen for a Gauss-Krüger candidate that needs one. */
  meridian: number | null;
  /** The mapping is the one confirmed for a file with the same headings before. */
  remembered: boolean;
  /** Local transformation parameters for a Xi'an 1980 / Beijing 1954 file (3 or 7 numbers, PROJ +towgs84). */
  towgs84: number[] | null;
}

/** Reads “dx,dy,dz” or “dx,dy,dz,rx,ry,rz,ppm” (commas, spaces or 、); null when not 3 or 7 numbers. */
export function parseTowgs84(text: string): number[] | null {
  const parts = text.trim().split(/[\s,，、;；]+/).filter(Boolean).map(Number);
  return (parts.length === 3 || parts.length === 7) && parts.every(Number.isFinite) ? parts : null;
}

/** The file's candidate needs local parameters (an old datum read from values or .prj). */
export function needsLocalParameters(f: ImportFile): boolean {
  const c = f.crs?.candidates[f.crsIndex];
  if (!c) return false;
  const datum = c.status === 'ready' ? (c.choice.kind === 'gk' ? c.choice.datum : 'cgcs2000') : c.template.datum;
  return datum === 'xian80' || datum === 'beijing54';
}

export interface ImportCheck {
  issues: SourceIssue[];
  errors: number;
  warnings: number;
  /** The tables that would be stored (valid rows only when skipping). */
  tables: Partial<WorkspaceTables>;
  sources: Partial<Record<keyof WorkspaceTables, { files: string[]; skipped: number; mapping?: unknown; crs?: unknown }>>;
  /** A ledger joined to a shapes file: how many matched. */
  joined: { matched: number; ledgerOnly: number; shapesOnly: number } | null;
  /** Which findings cannot be computed for lack of a column. */
  impossible: string[];
  /** WGS84 points (label points) of the parcels, for the preview. */
  preview: Float64Array;
  skipped: number;
}

const pipeline = () =>
  Promise.all([
    import('../data/ingest/read-file'),
    import('../data/ingest/import-table'),
    import('../data/mapping/propose'),
    import('../data/crs'),
  ]);

let nextKey = 0;

function cityHint(adcode: string) {
  const hit = findCity(adcode);
  return hit ? { bbox: hit.city.bbox } : undefined;
}

/** Reads a file and proposes its table, mapping and coordinate system. */
export async function readImportFile(
  name: string,
  bytes: Uint8Array,
  adcode: string,
  choice: ReadChoice = {},
  table?: TableKind,
  remembered?: (signature: string) => unknown,
): Promise<ImportFile> {
  const [{ readAnyFile }, { guessTable, detectTableCrs, samplesOf }, { proposeMapping }] = await pipeline();
  const { headerSignature, checkMapping, missingHeaders } = await import('../data/mapping/memory');
  const reading = await readAnyFile(name, bytes, choice);
  const t = reading.table;
  if (!t) return { key: ++nextKey, name, bytes, reading, choice, table: table ?? 'parcels', mapping: null, fields: [], crs: null, crsIndex: 0, meridian: null, remembered: false, towgs84: null };
  const guessed = guessTable(t);
  const kind = table ?? guessed.table;
  const proposal = table ? proposeMapping(kind, t.headers, samplesOf(t), !!t.geometry) : guessed.proposal;
  // Last month's confirmed mapping for the same headings wins over the proposal.
  let mapping = proposal.mapping;
  let fromMemory = false;
  const saved = remembered?.(headerSignature(kind, t.headers));
  if (saved) {
    const c = checkMapping(saved);
    if (c.ok && c.mapping.table === kind && missingHeaders(c.mapping, t.headers).length === 0) {
      mapping = c.mapping;
      fromMemory = true;
    }
  }
  const crs = detectTableCrs(t, mapping, cityHint(adcode));
  return { key: ++nextKey, name, bytes, reading, choice, table: kind, mapping, fields: proposal.fields, crs, crsIndex: 0, meridian: null, remembered: fromMemory, towgs84: null };
}

/** Mappings to remember, by header signature, after an import was committed. */
export async function mappingsToRemember(files: readonly ImportFile[]): Promise<Record<string, unknown>> {
  const { headerSignature } = await import('../data/mapping/memory');
  const out: Record<string, unknown> = {};
  for (const f of files) if (f.reading.table && f.mapping) out[headerSignature(f.table, f.reading.table.headers)] = f.mapping;
  return out;
}

/** The file with a field mapped to another column (null: not mapped) or another unit. */
export function remapField(f: ImportFile, field: string, header: string | null, unit?: UnitCode | null): ImportFile {
  if (!f.mapping) return f;
  const fields = { ...f.mapping.fields };
  if (header === null) delete fields[field];
  else fields[field] = { header, unit: unit !== undefined ? unit : (fields[field]?.unit ?? null) };
  return { ...f, mapping: { ...f.mapping, fields } };
}

/** The confirmed coordinate system of a file, or null when it has no positions or still needs a choice. */
export function chosenCrs(f: ImportFile, withMeridian: (c: CrsCandidate & { status: 'needs-central-meridian' }, m: number) => CrsChoice): CrsChoice | null {
  const c = f.crs?.candidates[f.crsIndex];
  if (!c) return null;
  const choice = c.status === 'ready' ? c.choice : f.meridian === null ? null : withMeridian(c, f.meridian);
  // Xi'an 1980 / Beijing 1954 with the planner's local parameters (otherwise only the ellipsoid changes).
  if (choice && choice.kind === 'gk' && choice.datum !== 'cgcs2000' && f.towgs84) return { ...choice, towgs84: f.towgs84 };
  return choice;
}

/**
 * Checks the files as they would be imported. Two parcels files, one with shapes and one
 * without, are joined by 宗地编号. Nothing is stored here.
 */
export async function checkImport(files: readonly ImportFile[], adcode: string, counties: PlaceContext['counties'], skipInvalid: boolean): Promise<ImportCheck> {
  const [, { prepareTable, buildImport, buildJoinedImport }, , crsMod] = await pipeline();
  const { impossibleFindings } = await import('../data/mapping/field-impact');
  const issues: SourceIssue[] = [];
  const tables: Partial<WorkspaceTables> = {};
  const sources: ImportCheck['sources'] = {};
  let joined: ImportCheck['joined'] = null;
  let skipped = 0;
  const ctx: PlaceContext = { city: findCity(adcode)?.city.name, counties };
  // A file the reader found no columns in (empty, only blank lines) has said so already: a
  // second “required field not mapped” message about it would only repeat that.
  const readable = (f: ImportFile) => !!f.reading.table && f.reading.table.headers.length > 0 && !!f.mapping;
  const usable = files.filter(readable);
  for (const f of files) if (!readable(f)) issues.push(...f.reading.issues);

  const prepared = usable.map((f) => {
    const needsCrs = f.mapping!.geometry.kind !== 'none';
    const crs = needsCrs ? chosenCrs(f, (c, m) => crsMod.withCentralMeridian(c, m)) : null;
    if (needsCrs && !crs) {
      issues.push({
        level: 'error', file: f.name, row: null, field: null, code: 'crs.unchosen',
        messageZh: '请选择坐标系（高斯-克吕格投影需选择中央经线）', messageEn: 'choose the coordinate system (a Gauss-Krüger projection needs its central meridian)',
      });
    }
    return { f, p: needsCrs && !crs ? null : prepareTable(f.reading.table!, f.mapping!, crs, skipInvalid) };
  });

  const byTable = new Map<TableKind, typeof prepared>();
  for (const x of prepared) byTable.set(x.f.table, [...(byTable.get(x.f.table) ?? []), x]);
  for (const [table, list] of byTable) {
    for (const x of list) if (x.p && !x.p.ok) issues.push(...x.p.issues);
    const ok = list.filter((x) => x.p?.ok).map((x) => ({ f: x.f, t: (x.p as { ok: true; table: import('../data/ingest/import-table').PreparedTable }).table }));
    if (ok.length !== list.length || ok.length === 0) continue;
    let built;
    if (table === 'parcels' && ok.length === 2) {
      const withShapes = ok.filter((x) => x.f.mapping!.geometry.kind !== 'none');
      if (withShapes.length !== 1) {
        issues.push({
          level: 'error', file: ok[1].f.name, row: null, field: null, code: 'import.two_parcel_files',
          messageZh: '两个宗地文件需一个含图形（Shapefile/GeoJSON/坐标）、一个为台账，才能按宗地编号关联', messageEn: 'two parcels files join only when one has shapes and the other is the ledger',
        });
        continue;
      }
      const shapes = withShapes[0];
      const ledger = ok.find((x) => x !== shapes)!;
      built = buildJoinedImport(ledger.t, shapes.t, ctx);
      const only = built.issues.filter((i) => i.code === 'join.no_shape').length;
      const shapesOnly = built.issues.filter((i) => i.code === 'join.no_ledger').length;
      joined = { matched: built.table.count - only, ledgerOnly: only, shapesOnly };
    } else if (ok.length > 1) {
      issues.push({
        level: 'error', file: ok[1].f.name, row: null, field: null, code: 'import.duplicate_table',
        messageZh: `多个文件都被识别为同一张表（${table}），请为每个文件选择不同的内容`, messageEn: `several files hold the same table (${table}); choose what each file holds`,
      });
      continue;
    } else built = buildImport(ok[0].t, ctx);
    issues.push(...built.issues);
    (tables as Record<string, unknown>)[table] = built.table;
    skipped += built.skipped.reduce((a, s) => a + s.rows.length, 0);
    sources[table] = {
      files: list.map((x) => x.f.name),
      skipped: built.skipped.reduce((a, s) => a + s.rows.length, 0),
      mapping: list.length === 1 ? list[0].f.mapping : list.map((x) => x.f.mapping),
      crs: list.map((x) => chosenCrs(x.f, (c, m) => crsMod.withCentralMeridian(c, m))).find((c) => c) ?? undefined,
    };
  }
  const parcelsMapping = usable.filter((f) => f.table === 'parcels').map((f) => f.mapping!);
  const mapped = new Set(parcelsMapping.flatMap((m) => Object.keys(m.fields)));
  const absent = parcelsMapping.length ? TABLE_FIELDS.parcels.map((f) => f.name).filter((n) => !mapped.has(n)) : [];
  if (!usable.some((f) => f.table === 'parcels') && files.length > 0) {
    issues.push({
      level: 'warning', file: files[0].name, row: null, field: null, code: 'import.no_parcels',
      messageZh: '没有宗地表：地图上只显示园区与边界', messageEn: 'no parcels table: the map shows only parks and boundaries',
    });
  }
  const p = tables.parcels;
  const preview = new Float64Array(2 * (p?.count ?? 0)).fill(Number.NaN);
  if (p) {
    const { labelPoints } = await import('../data/workspace/polygons');
    if (p.shapes) {
      const lp = labelPoints(p.shapes);
      for (let i = 0; i < p.count; i++) [preview[2 * i], preview[2 * i + 1]] = [lp.x[i], lp.y[i]];
    }
    if (p.points) for (let i = 0; i < p.count; i++) if (Number.isNaN(preview[2 * i])) preview.set(p.points.subarray(2 * i, 2 * i + 2), 2 * i);
  }
  return {
    issues,
    errors: issues.filter((i) => i.level === 'error').length,
    warnings: issues.filter((i) => i.level === 'warning').length,
    tables,
    sources,
    joined,
    impossible: impossibleFindings(absent),
    preview,
    skipped,
  };
}

/** The problem list as a CSV (UTF-8 with BOM, formula-safe cells) for the planner to fix and retry. */
export async function issuesCsv(issues: readonly SourceIssue[], lang: 'zh' | 'en'): Promise<Uint8Array> {
  const { toSpreadsheetCsv } = await import('../data/csv');
  const header = lang === 'zh' ? ['级别', '文件', '工作表', '行', '字段', '代码', '说明'] : ['level', 'file', 'sheet', 'row', 'field', 'code', 'message'];
  const rows = issues.map((i) => [
    lang === 'zh' ? (i.level === 'error' ? '错误' : '提示') : i.level,
    i.file,
    i.sheet ?? '',
    i.row ?? '',
    i.field ?? '',
    i.code,
    lang === 'zh' ? i.messageZh : i.messageEn,
  ]);
  return new TextEncoder().encode(`\ufeff${toSpreadsheetCsv(header, rows)}`);
}

/** County outlines (GeoJSON) as the polygon set and official names the import checks against. */
export async function countiesContext(fc: import('geojson').FeatureCollection): Promise<NonNullable<PlaceContext['counties']>> {
  const { featuresToPolygonSet } = await import('../data/workspace/to-geojson');
  const { shapes, features } = featuresToPolygonSet(fc);
  const names = features.map((f) => ({ name: String(f.properties?.county ?? f.properties?.name ?? ''), adcode: f.properties?.adcode ? String(f.properties.adcode) : undefined }));
  return { shapes, names };
}
