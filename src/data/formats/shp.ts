// Reads the polygons of a .shp straight into a GeometryBuilder.
// Layout per the ESRI Shapefile Technical Description (July 1998): a 100-byte header (file code
// 9994 and file length in 16-bit words big-endian, version and shape type little-endian), then
// records of an 8-byte big-endian header (record number, content length in 16-bit words) and
// little-endian content. Polygon content: type, bbox (4 doubles), NumParts, NumPoints, Parts[],
// Points[] (x, y doubles); PolygonZ/M append Z/M ranges and arrays, which are not needed here.
// The same document says a polygon's outer rings are clockwise and its holes counter-clockwise.
import type { SourceIssue } from './raw-table.ts';
import { GeometryBuilder, pointInRing, ringSignedArea2 } from './geometry-builder.ts';
import { featureEn, featureZh, geoIssue } from './geo-issue.ts';

const POLYGON_TYPES = new Set([5, 15, 25]);

const TYPE_NAMES: Record<number, string> = {
  0: 'Null',
  1: 'Point',
  3: 'PolyLine',
  5: 'Polygon',
  8: 'MultiPoint',
  11: 'PointZ',
  13: 'PolyLineZ',
  15: 'PolygonZ',
  18: 'MultiPointZ',
  21: 'PointM',
  23: 'PolyLineM',
  25: 'PolygonM',
  28: 'MultiPointM',
  31: 'MultiPatch',
};

export function shapeTypeName(t: number): string {
  return TYPE_NAMES[t] ?? `type ${t}`;
}

export interface ShpResult {
  /** False when the file cannot be read at all (not a Shapefile, non-polygon layer, no header). */
  ok: boolean;
  shapeType: number;
  /** Number of records read, each appended as one builder feature. */
  featureCount: number;
}

/** Scratch buffer reused across records so a 150k-vertex ring costs one allocation, not one per record. */
let scratch = new Float64Array(4096);

/**
 * Appends one feature per record to `builder`. Problems go to `issues`, located by feature number
 * (1-based record order, as GIS software numbers features) inside `file`.
 */
export function readShp(bytes: Uint8Array, file: string, builder: GeometryBuilder, issues: SourceIssue[]): ShpResult {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 100) {
    issues.push(geoIssue('error', file, null, null, 'shp.truncated',
      `${file} 不完整：文件只有 ${bytes.length} 字节，连 100 字节的文件头都不够。`,
      `${file} is truncated: ${bytes.length} bytes, shorter than the 100-byte header.`));
    return { ok: false, shapeType: -1, featureCount: 0 };
  }
  if (view.getInt32(0, false) !== 9994) {
    issues.push(geoIssue('error', file, null, null, 'shp.not_shapefile',
      `${file} 不是 Shapefile 的 .shp 文件（文件标识不是 9994）。`,
      `${file} is not a Shapefile .shp (file code is not 9994).`));
    return { ok: false, shapeType: -1, featureCount: 0 };
  }
  const shapeType = view.getInt32(32, true);
  if (shapeType !== 0 && !POLYGON_TYPES.has(shapeType)) {
    issues.push(geoIssue('error', file, null, null, 'shp.not_polygon',
      `${file} 的图形类型是 ${shapeTypeName(shapeType)}，只能导入面（Polygon）图层。`,
      `${file} holds ${shapeTypeName(shapeType)} shapes; only polygon layers can be imported.`));
    return { ok: false, shapeType, featureCount: 0 };
  }
  const declared = view.getInt32(24, false) * 2;
  if (declared > bytes.length) {
    issues.push(geoIssue('error', file, null, null, 'shp.truncated',
      `${file} 不完整：文件头写明 ${declared} 字节，实际只有 ${bytes.length} 字节。`,
      `${file} is truncated: its header says ${declared} bytes, the file has ${bytes.length}.`));
  }

  // Some writers leave padding after the last record; the header's length says where records end.
  const limit = declared >= 100 && declared <= bytes.length ? declared : bytes.length;
  let pos = 100;
  let n = 0;
  while (pos < limit) {
    const feature = n + 1;
    if (pos + 8 > limit) {
      issues.push(truncatedAt(file, feature));
      break;
    }
    const contentBytes = view.getInt32(pos + 4, false) * 2;
    const start = pos + 8;
    const end = start + contentBytes;
    if (contentBytes < 4 || end > limit) {
      issues.push(truncatedAt(file, feature));
      break;
    }
    readRecord(view, start, end, file, feature, builder, issues);
    builder.endFeature();
    n++;
    pos = end;
  }
  return { ok: true, shapeType, featureCount: n };
}

function truncatedAt(file: string, feature: number): SourceIssue {
  return geoIssue('error', file, feature, null, 'shp.truncated',
    `${file} 在${featureZh(feature)}处中断（文件被截断），其后的要素无法读取。`,
    `${file} ends inside ${featureEn(feature)} (truncated); nothing after it can be read.`);
}

function readRecord(
  view: DataView,
  start: number,
  end: number,
  file: string,
  feature: number,
  builder: GeometryBuilder,
  issues: SourceIssue[],
): void {
  const type = view.getInt32(start, true);
  if (type === 0) {
    issues.push(geoIssue('warning', file, feature, null, 'shp.null_shape',
      `${file} ${featureZh(feature)}没有图形（空图形）。`,
      `${file} ${featureEn(feature)} has no shape (null shape).`));
    return;
  }
  if (!POLYGON_TYPES.has(type)) {
    issues.push(geoIssue('error', file, feature, null, 'shp.not_polygon',
      `${file} ${featureZh(feature)}的图形类型是 ${shapeTypeName(type)}，不是面，已跳过其图形。`,
      `${file} ${featureEn(feature)} is a ${shapeTypeName(type)}, not a polygon; its shape was skipped.`));
    return;
  }
  const malformed = (why: string, whyEn: string): void => {
    issues.push(geoIssue('error', file, feature, null, 'shp.bad_record',
      `${file} ${featureZh(feature)}的记录损坏（${why}），已跳过其图形。`,
      `${file} ${featureEn(feature)} is malformed (${whyEn}); its shape was skipped.`));
  };
  if (start + 44 > end) return malformed('记录过短', 'record too short');
  const numParts = view.getInt32(start + 36, true);
  const numPoints = view.getInt32(start + 40, true);
  const partsAt = start + 44;
  const pointsAt = partsAt + 4 * numParts;
  if (numParts < 1 || numPoints < 1 || pointsAt + 16 * numPoints > end) {
    return malformed(`${numParts} 个环、${numPoints} 个点与记录长度不符`, `${numParts} parts and ${numPoints} points do not fit the record`);
  }
  const partStart = new Int32Array(numParts + 1);
  for (let i = 0; i < numParts; i++) partStart[i] = view.getInt32(partsAt + 4 * i, true);
  partStart[numParts] = numPoints;
  for (let i = 0; i < numParts; i++) {
    if (partStart[i] < 0 || partStart[i] >= partStart[i + 1]) {
      return malformed(`第 ${i + 1} 个环的起点序号无效`, `start index of part ${i + 1} is invalid`);
    }
  }
  if (partStart[0] !== 0) return malformed('第 1 个环不从第 0 个点开始', 'part 1 does not start at point 0');

  if (scratch.length < numPoints * 2) scratch = new Float64Array(numPoints * 2);
  const xy = scratch;
  for (let i = 0, o = pointsAt; i < numPoints; i++, o += 16) {
    xy[2 * i] = view.getFloat64(o, true);
    xy[2 * i + 1] = view.getFloat64(o + 8, true);
    if (!Number.isFinite(xy[2 * i]) || !Number.isFinite(xy[2 * i + 1])) {
      return malformed(`第 ${i + 1} 个点的坐标不是有限数字`, `point ${i + 1} has a non-finite coordinate`);
    }
  }
  emitPolygons(xy, partStart, numParts, file, feature, builder, issues);
}

/** Groups rings into polygons by winding (clockwise = shell) and containment, then writes them. */
function emitPolygons(
  xy: Float64Array,
  partStart: Int32Array,
  numParts: number,
  file: string,
  feature: number,
  builder: GeometryBuilder,
  issues: SourceIssue[],
): void {
  const area2 = new Float64Array(numParts);
  let anyClockwise = false;
  for (let r = 0; r < numParts; r++) {
    area2[r] = ringSignedArea2(xy, partStart[r], partStart[r + 1]);
    if (area2[r] <= 0) anyClockwise = true;
  }
  // Some exporters write every ring counter-clockwise (GeoJSON habit). With no clockwise ring at
  // all the rule cannot hold, so read the winding the other way round rather than lose the shape.
  const sign = anyClockwise ? 1 : -1;
  if (!anyClockwise) {
    issues.push(geoIssue('warning', file, feature, null, 'shp.winding_reversed',
      `${file} ${featureZh(feature)}的外环不是顺时针（不符合 Shapefile 规范），已按逆时针外环读取。`,
      `${file} ${featureEn(feature)} has no clockwise outer ring (against the Shapefile rule); read with counter-clockwise shells.`));
  }
  const shells: number[] = [];
  const holes: number[] = [];
  for (let r = 0; r < numParts; r++) (sign * area2[r] <= 0 ? shells : holes).push(r);

  const holesOf = new Map<number, number[]>();
  for (const h of holes) {
    const owner = smallestContainingShell(xy, partStart, shells, area2, h);
    if (owner < 0) {
      issues.push(geoIssue('warning', file, feature, null, 'shp.orphan_hole',
        `${file} ${featureZh(feature)}有一个内环不在任何外环之内，已当作独立的面读取。`,
        `${file} ${featureEn(feature)} has a hole outside every shell; it was read as a separate polygon.`));
      shells.push(h);
      continue;
    }
    const list = holesOf.get(owner) ?? [];
    list.push(h);
    holesOf.set(owner, list);
  }
  shells.sort((a, b) => a - b);
  for (const s of shells) {
    writeRing(xy, partStart[s], partStart[s + 1], builder);
    for (const h of holesOf.get(s) ?? []) writeRing(xy, partStart[h], partStart[h + 1], builder);
    builder.endPolygon();
  }
}

function smallestContainingShell(
  xy: Float64Array,
  partStart: Int32Array,
  shells: number[],
  area2: Float64Array,
  hole: number,
): number {
  let best = -1;
  let bestArea = Infinity;
  const from = partStart[hole];
  const to = Math.min(partStart[hole + 1], from + 3);
  for (const s of shells) {
    // A hole may touch its shell at a vertex; any of its first vertices strictly inside will do.
    let inside = false;
    for (let v = from; v < to && !inside; v++) {
      inside = pointInRing(xy, partStart[s], partStart[s + 1], xy[2 * v], xy[2 * v + 1]);
    }
    const a = Math.abs(area2[s]);
    if (inside && a < bestArea) {
      best = s;
      bestArea = a;
    }
  }
  return best;
}

function writeRing(xy: Float64Array, from: number, to: number, builder: GeometryBuilder): void {
  for (let v = from; v < to; v++) builder.vertex(xy[2 * v], xy[2 * v + 1]);
  builder.endRing();
}
