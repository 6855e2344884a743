// GeoJSON (RFC 7946: a FeatureCollection, a bare Feature or a bare geometry) → RawTable.
// Columns are the union of the features' property keys in first-seen order (nested objects and
// arrays kept as JSON text); Polygon and MultiPolygon go into the typed arrays, other geometry
// types, null geometry or properties become issues naming the feature. Coordinates are kept as
// written: RFC 7946 says WGS84, but Chinese exports often carry projected or GCJ-02 values, and
// GDAL still writes the pre-RFC `crs` member, which is passed on in crsHint.crsName.
import type { RawCell, RawTable, SourceIssue } from './raw-table.ts';
import { GeometryBuilder } from './geometry-builder.ts';
import { featureEn, featureZh, geoIssue } from './geo-issue.ts';
import { hasUtf8Bom, isValidUtf8 } from './geo-text.ts';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const GEOMETRY_TYPES = new Set(['Point', 'MultiPoint', 'LineString', 'MultiLineString', 'Polygon', 'MultiPolygon', 'GeometryCollection']);

/** Where JSON.parse stopped, as a 1-based line number, from V8's "position N" or "line N column M". */
function syntaxErrorLine(message: string, text: string): number | null {
  const lineCol = /line (\d+) column \d+/.exec(message);
  if (lineCol) return Number(lineCol[1]);
  const pos = /position (\d+)/.exec(message);
  if (!pos) return null;
  let line = 1;
  for (let i = 0; i < Math.min(Number(pos[1]), text.length); i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

export function readGeoJson(bytes: Uint8Array, fileName: string): RawTable {
  const issues: SourceIssue[] = [];
  const table: RawTable = { file: fileName, headers: [], columns: [], rowNumbers: new Int32Array(0), encoding: 'utf-8', issues };
  const body = hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes;
  let encoding = 'utf-8';
  if (!isValidUtf8(body)) {
    encoding = 'gb18030';
    issues.push(geoIssue('warning', fileName, null, null, 'geojson.not_utf8',
      `${fileName} 不是 UTF-8 编码（GeoJSON 规定用 UTF-8），已按 GBK 解码。`,
      `${fileName} is not UTF-8 (which GeoJSON requires); decoded as GBK.`));
  }
  table.encoding = encoding;
  const text = new TextDecoder(encoding).decode(body);
  let root: Json;
  try {
    root = JSON.parse(text) as Json;
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    const line = syntaxErrorLine(message, text);
    issues.push(geoIssue('error', fileName, line, null, 'geojson.syntax',
      `${fileName}${line ? ` 第 ${line} 行` : ''}不是有效的 JSON（文件可能不完整或被截断）。`,
      `${fileName}${line ? ` line ${line}` : ''} is not valid JSON (the file may be incomplete or truncated).`));
    return table;
  }

  let features: Json[];
  if (isObject(root) && root.type === 'FeatureCollection') {
    if (!Array.isArray(root.features)) {
      issues.push(geoIssue('error', fileName, null, null, 'geojson.no_features',
        `${fileName} 的 FeatureCollection 没有 features 数组。`, `${fileName}: the FeatureCollection has no "features" array.`));
      return table;
    }
    features = root.features;
  } else if (isObject(root) && root.type === 'Feature') {
    features = [root];
  } else if (isObject(root) && typeof root.type === 'string' && GEOMETRY_TYPES.has(root.type)) {
    features = [{ type: 'Feature', properties: {}, geometry: root }];
  } else {
    issues.push(geoIssue('error', fileName, null, null, 'geojson.not_geojson',
      `${fileName} 不是 GeoJSON（顶层应为 FeatureCollection、Feature 或几何对象）。`,
      `${fileName} is not GeoJSON (the top level must be a FeatureCollection, a Feature or a geometry).`));
    return table;
  }
  if (isObject(root) && isObject(root.crs) && isObject(root.crs.properties) && typeof root.crs.properties.name === 'string') {
    table.crsHint = { crsName: root.crs.properties.name };
  }

  // Pass 1: the union of property keys, first-seen order. Headers are trimmed and must be
  // unique (RawTable's rule), so " 宗地编号" next to "宗地编号" becomes "宗地编号_2" with an error.
  const index = new Map<string, number>();
  const headers: string[] = [];
  const taken = new Set<string>();
  for (const f of features) {
    if (!isObject(f) || !isObject(f.properties)) continue;
    for (const k of Object.keys(f.properties)) {
      if (index.has(k)) continue;
      let name = k.trim() || `字段${headers.length + 1}`;
      if (taken.has(name)) {
        let n = 2;
        while (taken.has(`${name}_${n}`)) n++;
        issues.push(geoIssue('error', fileName, null, name, 'geojson.duplicate_property',
          `${fileName} 的属性名“${k}”与“${name}”去掉空格后相同，已改名为“${name}_${n}”，请确认映射。`,
          `${fileName}: property "${k}" equals "${name}" once spaces are trimmed; renamed "${name}_${n}", check the mapping.`));
        name = `${name}_${n}`;
      } else if (!k.trim()) {
        issues.push(geoIssue('warning', fileName, null, name, 'geojson.empty_property_name',
          `${fileName} 有一个没有名称的属性，已命名为“${name}”。`, `${fileName} has a property without a name; called "${name}".`));
      }
      taken.add(name);
      index.set(k, headers.length);
      headers.push(name);
    }
  }
  // Point features (standard factories, enterprises located by a point) become longitude and
  // latitude columns, which the mapping reads as a point per row like a CSV's 经度/纬度 columns.
  const isPoint = (f: Json) => isObject(f) && isObject(f.geometry) && f.geometry.type === 'Point';
  const pointColumns = features.some(isPoint) ? (['经度', '纬度'] as const).map((h) => {
    let name: string = h;
    for (let n = 2; taken.has(name); n++) name = `${h}_${n}`;
    taken.add(name);
    headers.push(name);
    return headers.length - 1;
  }) : null;
  table.headers = headers;
  const columns: RawCell[][] = table.headers.map(() => new Array<RawCell>(features.length).fill(null));
  const builder = new GeometryBuilder();
  let polygons = 0;

  features.forEach((f, i) => {
    const n = i + 1;
    const add = (level: SourceIssue['level'], code: string, zh: string, en: string, field: string | null = null): void => {
      issues.push(geoIssue(level, fileName, n, field, code, `${fileName} ${featureZh(n)}${zh}`, `${fileName} ${featureEn(n)}: ${en}`));
    };
    if (!isObject(f) || f.type !== 'Feature') {
      add('error', 'geojson.bad_feature', '不是 GeoJSON Feature 对象，已留空。', 'not a GeoJSON Feature object; left empty.');
      builder.endFeature();
      return;
    }
    const props = f.properties;
    if (props === null || props === undefined) {
      add('warning', 'geojson.null_properties', '没有属性（properties 为 null）。', 'has no attributes (properties is null).');
    } else if (!isObject(props)) {
      add('error', 'geojson.bad_properties', '的 properties 不是对象，已忽略。', 'properties is not an object; ignored.');
    } else {
      for (const [k, v] of Object.entries(props)) {
        const c = index.get(k)!;
        if (typeof v === 'string' && v.includes('\u0000')) {
          add('warning', 'geojson.nul_in_text', `的属性“${headers[c]}”含有空字符（NUL），已删除。`,
            `property "${headers[c]}" contains NUL characters; they were removed.`, headers[c]);
          columns[c][i] = cellOf(v.replace(/\u0000/g, ''));
        } else {
          columns[c][i] = cellOf(v);
        }
      }
    }
    if (pointColumns && isPoint(f)) {
      const c = (f.geometry as Record<string, Json>).coordinates;
      if (isPosition(c)) [columns[pointColumns[0]][i], columns[pointColumns[1]][i]] = [c[0], c[1]];
      else add('error', 'geojson.bad_coordinates', '的 Point 坐标无效（应为 [x, y] 数字对），已留空。', 'Point coordinates are malformed ([x, y] numbers expected); left empty.');
    } else {
      writeGeometry(f.geometry, builder, add);
      if (isObject(f.geometry) && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon' || f.geometry.type === 'GeometryCollection')) polygons++;
    }
    builder.endFeature();
  });

  table.columns = columns;
  table.rowNumbers = Int32Array.from(features, (_, i) => i + 1);
  // A file of points only has no shapes: its rows are located by the point columns.
  if (!(pointColumns && polygons === 0)) table.geometry = builder.finish();
  return table;
}

function cellOf(v: Json): RawCell {
  if (v === null) return null;
  if (typeof v === 'string') return v === '' ? null : v;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return JSON.stringify(v);
}

type Add = (level: SourceIssue['level'], code: string, zh: string, en: string, field?: string | null) => void;

function isPosition(p: Json): p is number[] {
  return Array.isArray(p) && p.length >= 2 && typeof p[0] === 'number' && typeof p[1] === 'number' && Number.isFinite(p[0]) && Number.isFinite(p[1]);
}

/** Checks a Polygon's coordinates fully before anything is written, so a bad one leaves no partial rings. */
function polygonCoordsValid(rings: Json): rings is number[][][] {
  if (!Array.isArray(rings) || rings.length === 0) return false;
  for (const ring of rings) {
    if (!Array.isArray(ring)) return false;
    for (const p of ring) if (!isPosition(p)) return false;
  }
  return true;
}

function writePolygon(rings: number[][][], builder: GeometryBuilder): void {
  for (const ring of rings) {
    for (const p of ring) builder.vertex(p[0], p[1]);
    builder.endRing();
  }
  builder.endPolygon();
}

function writeGeometry(geom: Json | undefined, builder: GeometryBuilder, add: Add): void {
  if (geom === null || geom === undefined) {
    add('warning', 'geojson.null_geometry', '没有图形（geometry 为 null）。', 'has no geometry (geometry is null).');
    return;
  }
  if (!isObject(geom) || typeof geom.type !== 'string') {
    add('error', 'geojson.bad_geometry', '的 geometry 不是几何对象，已跳过其图形。', 'geometry is not a geometry object; shape skipped.');
    return;
  }
  const badCoords = (): void =>
    add('error', 'geojson.bad_coordinates', `的 ${geom.type} 坐标结构无效（应为由 [x, y] 数字对组成的环），已跳过其图形。`,
      `${geom.type} coordinates are malformed (rings of [x, y] number pairs expected); shape skipped.`);
  if (geom.type === 'Polygon') {
    if (!polygonCoordsValid(geom.coordinates)) return badCoords();
    writePolygon(geom.coordinates, builder);
  } else if (geom.type === 'MultiPolygon') {
    const polys = geom.coordinates;
    if (!Array.isArray(polys) || !polys.every(polygonCoordsValid)) return badCoords();
    for (const rings of polys as number[][][][]) writePolygon(rings, builder);
  } else if (geom.type === 'GeometryCollection' && Array.isArray(geom.geometries)) {
    for (const g of geom.geometries) writeGeometry(g, builder, add);
  } else {
    add('error', 'geojson.not_polygon', `的图形是 ${geom.type}，不是面（Polygon/MultiPolygon），已跳过其图形。`,
      `is a ${geom.type}, not a Polygon or MultiPolygon; shape skipped.`);
  }
}
