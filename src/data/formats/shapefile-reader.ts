// A zipped Shapefile (.shp geometry, .dbf attributes, .shx index, .prj coordinate system,
// optional .cpg text encoding) → RawTable. One archive may hold several layers, possibly in
// sub-folders: openShapefileZip lists them and reads the one the user picks.
// Geometry stays in the file's coordinates; the .prj text goes to crsHint.prj for CRS detection.
import type { RawCell, RawGeometry, RawTable, SourceIssue } from './raw-table.ts';
import { GeometryBuilder } from './geometry-builder.ts';
import { featureEn, featureZh, geoIssue } from './geo-issue.ts';
import { readShp } from './shp.ts';
import { readDbf } from './dbf.ts';
import { readZip, type ZipMember } from './zip.ts';
import { hasUtf8Bom, isValidUtf8 } from './geo-text.ts';

export interface ShapefileLayerInfo {
  /** Path inside the archive without extension, e.g. `宗地/ZD`; what the user chooses from. */
  name: string;
  hasShp: boolean;
  hasDbf: boolean;
  hasShx: boolean;
  hasPrj: boolean;
  hasCpg: boolean;
}

export interface ReadLayerOptions {
  /** Overrides the DBF text encoding decided from .cpg / language driver / content (a TextDecoder label or code page). */
  encoding?: string;
}

export interface ShapefileArchive {
  file: string;
  layers: ShapefileLayerInfo[];
  /** Problems with the archive itself (not a zip, no layer). */
  issues: SourceIssue[];
  read(layer: string, options?: ReadLayerOptions): RawTable;
}

const PARTS = ['shp', 'dbf', 'shx', 'prj', 'cpg'] as const;
type Part = (typeof PARTS)[number];

export function openShapefileZip(bytes: Uint8Array, fileName: string): ShapefileArchive {
  const zip = readZip(bytes);
  if (!zip.ok) {
    return openMembers([], fileName, `${fileName}/`, [
      geoIssue('error', fileName, null, null, 'zip.bad_archive',
        `${fileName} 不是有效的 zip 压缩包（${zip.reason}）。Shapefile 请把 .shp、.shx、.dbf、.prj 一起压缩成 zip 再导入。`,
        `${fileName} is not a valid zip archive (${zip.reason}). Zip the .shp, .shx, .dbf and .prj together and import the zip.`),
    ]);
  }
  return openMembers(zip.members, fileName, `${fileName}/`, []);
}

/**
 * The same for files chosen or dropped one by one (zd.shp, zd.dbf, zd.shx, zd.prj…): `path` is
 * each file's name. Issues then name the files themselves.
 */
export function openShapefileFiles(files: ZipMember[]): ShapefileArchive {
  const label = files.map((f) => f.path).join('、');
  return openMembers(files, label, '', []);
}

function openMembers(members: ZipMember[], fileName: string, prefix: string, issues: SourceIssue[]): ShapefileArchive {
  const groups = new Map<string, Partial<Record<Part, ZipMember>>>();
  for (const m of members) {
    const dot = m.path.lastIndexOf('.');
    const ext = dot < 0 ? '' : m.path.slice(dot + 1).toLowerCase();
    if (!(PARTS as readonly string[]).includes(ext)) continue;
    const key = m.path.slice(0, dot).toLowerCase();
    const g = groups.get(key) ?? {};
    g[ext as Part] = m;
    groups.set(key, g);
  }
  const layers: ShapefileLayerInfo[] = [];
  const byName = new Map<string, Partial<Record<Part, ZipMember>>>();
  for (const g of groups.values()) {
    const any = g.shp ?? g.dbf;
    if (!any) continue; // a lone .prj or .cpg is not a layer
    const name = any.path.slice(0, any.path.lastIndexOf('.'));
    byName.set(name, g);
    layers.push({ name, hasShp: !!g.shp, hasDbf: !!g.dbf, hasShx: !!g.shx, hasPrj: !!g.prj, hasCpg: !!g.cpg });
  }
  layers.sort((a, b) => a.name.localeCompare(b.name));
  if (issues.length === 0 && layers.length === 0) {
    issues.push(geoIssue('error', fileName, null, null, 'shp.no_layer',
      `${fileName} 里没有 Shapefile（找不到 .shp 或 .dbf 文件）。`,
      `${fileName} contains no Shapefile (no .shp or .dbf file found).`));
  }
  return {
    file: fileName,
    layers,
    issues,
    read(layer, options = {}) {
      const g = byName.get(layer);
      if (!g) {
        const listed = layers.map((l) => l.name).join('、') || '无';
        return emptyTable(fileName, [
          ...issues,
          geoIssue('error', fileName, null, null, 'shp.unknown_layer',
            `${fileName} 里没有图层“${layer}”（有：${listed}）。`,
            `${fileName} has no layer "${layer}" (it has: ${layers.map((l) => l.name).join(', ') || 'none'}).`),
        ]);
      }
      return readLayer(prefix, layer, g, options);
    },
  };
}

/** Reads the only layer of the archive, or the named one; several layers without a choice is an error listing them. */
export function readShapefileZip(bytes: Uint8Array, fileName: string, options: ReadLayerOptions & { layer?: string } = {}): RawTable {
  const archive = openShapefileZip(bytes, fileName);
  if (options.layer !== undefined) return archive.read(options.layer, options);
  if (archive.layers.length === 1) return archive.read(archive.layers[0].name, options);
  if (archive.layers.length > 1) {
    const names = archive.layers.map((l) => l.name);
    return emptyTable(fileName, [
      geoIssue('error', fileName, null, null, 'shp.several_layers',
        `${fileName} 里有 ${names.length} 个图层（${names.join('、')}），请选择要导入的一个。`,
        `${fileName} holds ${names.length} layers (${names.join(', ')}); choose the one to import.`),
    ]);
  }
  return emptyTable(fileName, archive.issues);
}

function emptyTable(file: string, issues: SourceIssue[]): RawTable {
  return { file, headers: [], columns: [], rowNumbers: new Int32Array(0), issues };
}

function asciiish(bytes: Uint8Array): string {
  const text = new TextDecoder(isValidUtf8(bytes) ? 'utf-8' : 'gb18030').decode(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes);
  return text.trim();
}

/** `prefix` is `archive.zip/` for zip members, empty for loose files. */
function readLayer(prefix: string, layer: string, g: Partial<Record<Part, ZipMember>>, options: ReadLayerOptions): RawTable {
  const issues: SourceIssue[] = [];
  const memberName = (m: ZipMember | undefined, ext: string): string => `${prefix}${m ? m.path : `${layer}.${ext}`}`;
  const shpName = memberName(g.shp, 'shp');
  const dbfName = memberName(g.dbf, 'dbf');
  const table: RawTable = { file: prefix ? `${prefix}${layer}` : (g.shp ?? g.dbf)!.path, headers: [], columns: [], rowNumbers: new Int32Array(0), issues };

  const builder = new GeometryBuilder();
  let shpCount = 0;
  let shpOk = false;
  if (!g.shp) {
    issues.push(geoIssue('error', shpName, null, null, 'shp.missing_shp',
      `缺少 ${shpName}（图形文件），只能读到属性，没有图形。`,
      `${shpName} (the shapes) is missing; only attributes could be read, without geometry.`));
  } else {
    const shp = readShp(g.shp.bytes, shpName, builder, issues);
    shpCount = shp.featureCount;
    shpOk = shp.ok;
  }
  if (g.shp && !g.shx) {
    issues.push(geoIssue('warning', memberName(undefined, 'shx'), null, null, 'shp.missing_shx',
      `缺少 ${memberName(undefined, 'shx')}（索引文件）；已按顺序读取 .shp，如数据不全请重新导出完整的 Shapefile。`,
      `${memberName(undefined, 'shx')} (the index) is missing; the .shp was read in order. Re-export the full Shapefile if data looks incomplete.`));
  } else if (g.shp && g.shx && g.shx.bytes.length >= 100) {
    const shxCount = Math.floor((g.shx.bytes.length - 100) / 8);
    if (shxCount !== shpCount) {
      issues.push(geoIssue('warning', memberName(g.shx, 'shx'), null, null, 'shp.shx_count',
        `${memberName(g.shx, 'shx')} 索引了 ${shxCount} 个要素，.shp 里读到 ${shpCount} 个。`,
        `${memberName(g.shx, 'shx')} indexes ${shxCount} features; the .shp holds ${shpCount}.`));
    }
  }

  let dbfCount = 0;
  let deleted: Uint8Array = new Uint8Array(0);
  if (!g.dbf) {
    issues.push(geoIssue('error', dbfName, null, null, 'shp.missing_dbf',
      `缺少 ${dbfName}（属性表），只能读到图形，没有宗地编号等属性。`,
      `${dbfName} (the attribute table) is missing; only shapes could be read, without ids or other attributes.`));
  } else {
    const cpg = g.cpg ? asciiish(g.cpg.bytes) : undefined;
    const dbf = readDbf(g.dbf.bytes, dbfName, cpg, issues, options.encoding);
    table.headers = dbf.headers;
    table.columns = dbf.columns;
    table.encoding = dbf.encoding;
    dbfCount = dbf.recordCount;
    deleted = dbf.deleted;
  }

  if (shpOk && g.dbf && shpCount !== dbfCount) {
    issues.push(geoIssue('error', table.file, null, null, 'shp.count_mismatch',
      `${shpName} 有 ${shpCount} 个图形，${dbfName} 有 ${dbfCount} 条属性记录，数量不一致，图形与属性可能错位。`,
      `${shpName} has ${shpCount} shapes but ${dbfName} has ${dbfCount} records; shapes and attributes may not match.`));
  }
  const n = Math.max(shpCount, dbfCount);
  for (let f = shpCount; f < n; f++) builder.endFeature();
  for (const col of table.columns) for (let r = dbfCount; r < n; r++) col[r] = null;
  if (shpOk && g.dbf) {
    for (let f = dbfCount; f < n; f++) {
      issues.push(geoIssue('error', dbfName, f + 1, null, 'shp.no_attributes',
        `${featureZh(f + 1)}在 ${dbfName} 里没有属性记录。`, `${featureEn(f + 1)} has no record in ${dbfName}.`));
    }
    for (let f = shpCount; f < n; f++) {
      issues.push(geoIssue('error', shpName, f + 1, null, 'shp.no_shape',
        `${featureZh(f + 1)}在 ${shpName} 里没有图形。`, `${featureEn(f + 1)} has no shape in ${shpName}.`));
    }
  }

  const keep = new Uint8Array(n).fill(1);
  for (let r = 0; r < deleted.length; r++) {
    if (deleted[r]) {
      keep[r] = 0;
      issues.push(geoIssue('warning', dbfName, r + 1, null, 'dbf.deleted_record',
        `${dbfName} ${featureZh(r + 1)}已标记为删除（GIS 软件不会显示），未导入。`,
        `${dbfName} ${featureEn(r + 1)} is flagged as deleted (GIS software hides it); not imported.`));
    }
  }
  const rowNumbers: number[] = [];
  for (let r = 0; r < n; r++) if (keep[r]) rowNumbers.push(r + 1);
  table.rowNumbers = Int32Array.from(rowNumbers);
  const geometry = shpOk ? builder.finish() : undefined;
  if (rowNumbers.length < n) {
    table.columns = table.columns.map((col) => col.filter((_, r) => keep[r] === 1) as RawCell[]);
    if (geometry) table.geometry = keepFeatures(geometry, keep);
  } else if (geometry) {
    table.geometry = geometry;
  }

  if (g.prj) {
    table.crsHint = { prj: asciiish(g.prj.bytes) };
  } else {
    issues.push(geoIssue('warning', memberName(undefined, 'prj'), null, null, 'shp.missing_prj',
      `缺少 ${memberName(undefined, 'prj')}（坐标系说明），需要在下一步确认坐标系。`,
      `${memberName(undefined, 'prj')} (the coordinate system) is missing; confirm the coordinate system in the next step.`));
  }
  return table;
}

/** Copies the features whose keep flag is 1 into new offset arrays (coordinates are shared in order). */
export function keepFeatures(g: RawGeometry, keep: Uint8Array): RawGeometry {
  const out = new GeometryBuilder();
  const nf = g.featureOffsets.length - 1;
  for (let f = 0; f < nf; f++) {
    if (!keep[f]) continue;
    for (let p = g.featureOffsets[f]; p < g.featureOffsets[f + 1]; p++) {
      for (let r = g.polygonOffsets[p]; r < g.polygonOffsets[p + 1]; r++) {
        for (let v = g.ringOffsets[r]; v < g.ringOffsets[r + 1]; v++) out.vertex(g.coords[2 * v], g.coords[2 * v + 1]);
        out.endRing();
      }
      out.endPolygon();
    }
    out.endFeature();
  }
  return out.finish();
}
