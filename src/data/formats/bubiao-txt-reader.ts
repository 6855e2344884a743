// The 部标 boundary-point exchange TXT (国土资源部 界址点坐标交换格式, used for 建设用地勘测定界
// and 土地供应 submissions) → RawTable, one row per parcel.
//   [属性描述]  key=value lines: 格式版本号, 数据产生单位, 坐标系, 几度分带, 投影类型, 计量单位, 带号, 精度, 转换参数…
//   [地块坐标]  per parcel a header line
//               界址点数,地块面积,地块编号,地块名称,图形属性,图幅号,地块用途,地类编码,@
//               then point lines 点号,圈号,X,Y — X the northing, Y the easting (often with the
//               zone number in front); 圈号 1 is the outer ring, 2 and up the inner rings; a ring
//               closes when a point repeats its first point.
// Geometry is written x = easting (Y), y = northing (X), in the file's own coordinates.
import type { RawCell, RawTable, SourceIssue } from './raw-table.ts';
import { GeometryBuilder, pointInRing } from './geometry-builder.ts';
import { geoIssue } from './geo-issue.ts';
import { decodeChecked, decoderLabelFor, encodingDisplayName, hasUtf8Bom, isValidUtf8 } from './geo-text.ts';

/** Header fields in the order the format defines them; these become the table's columns. */
export const BUBIAO_PARCEL_FIELDS = ['界址点数', '地块面积', '地块编号', '地块名称', '图形属性', '图幅号', '地块用途', '地类编码'] as const;

export interface BubiaoReadOptions {
  /** Overrides the detected text encoding (UTF-8 when valid, else GBK). */
  encoding?: string;
}

interface Ring {
  circle: number;
  line: number;
  xy: number[];
  closed: boolean;
}

interface Parcel {
  line: number;
  cells: string[];
  rings: Ring[];
  points: number;
}

export function readBubiaoTxt(bytes: Uint8Array, fileName: string, options: BubiaoReadOptions = {}): RawTable {
  const issues: SourceIssue[] = [];
  const label = options.encoding
    ? (decoderLabelFor(options.encoding) ?? 'gb18030')
    : hasUtf8Bom(bytes) || isValidUtf8(bytes) ? 'utf-8' : 'gb18030';
  const decoded = decodeChecked(hasUtf8Bom(bytes) ? bytes.subarray(3) : bytes, label);
  if (decoded.invalid) {
    issues.push(geoIssue('warning', fileName, null, null, 'bubiao.undecodable',
      `${fileName} 含有无法按 ${encodingDisplayName(label)} 解码的字节，请确认文件编码。`,
      `${fileName} has bytes that are not valid ${encodingDisplayName(label)}; check the encoding.`));
  }
  const at = (line: number, code: string, zh: string, en: string, level: SourceIssue['level'] = 'error', field: string | null = null): void => {
    issues.push(geoIssue(level, fileName, line, field, code, `${fileName} 第 ${line} 行：${zh}`, `${fileName} line ${line}: ${en}`));
  };

  const attributes: Record<string, string> = {};
  const parcels: Parcel[] = [];
  let section: 'none' | 'attributes' | 'parcels' | 'other' = 'none';
  let sawAttributes = false;
  let sawParcels = false;
  let current: Parcel | null = null;
  const lines = decoded.text.split(/\r\n|\r|\n/);

  for (let i = 0; i < lines.length; i++) {
    const lineNo = i + 1;
    const text = lines[i].trim();
    if (text === '') continue;
    const sectionMatch = /^\[(.+)\]$/.exec(text);
    if (sectionMatch) {
      const name = sectionMatch[1].trim();
      section = name === '属性描述' ? 'attributes' : name === '地块坐标' ? 'parcels' : 'other';
      if (section === 'attributes') sawAttributes = true;
      if (section === 'parcels') sawParcels = true;
      if (section === 'other') at(lineNo, 'bubiao.unknown_section', `不认识的段落“[${name}]”，其内容已忽略。`, `unknown section "[${name}]"; its lines were ignored.`, 'warning');
      continue;
    }
    if (section === 'attributes') {
      const eq = text.indexOf('=');
      if (eq < 0) {
        at(lineNo, 'bubiao.bad_attribute', `[属性描述] 中的“${text}”不是“名称=值”的形式。`, `"${text}" in [属性描述] is not a name=value line.`, 'warning');
      } else {
        attributes[text.slice(0, eq).trim()] = text.slice(eq + 1).trim();
      }
      continue;
    }
    if (section !== 'parcels') {
      if (section === 'none') at(lineNo, 'bubiao.stray_line', '这一行不属于 [属性描述] 或 [地块坐标]，已忽略。', 'this line is outside [属性描述] and [地块坐标]; ignored.', 'warning');
      continue;
    }
    // Full-width commas turn up in hand-edited files.
    const cells = text.replace(/，/g, ',').split(',').map((c) => c.trim());
    if (cells[cells.length - 1] === '@') {
      current = { line: lineNo, cells: cells.slice(0, -1), rings: [], points: 0 };
      parcels.push(current);
      if (current.cells.length !== BUBIAO_PARCEL_FIELDS.length) {
        at(lineNo, 'bubiao.header_fields',
          `地块头行有 ${current.cells.length} 项，格式规定 ${BUBIAO_PARCEL_FIELDS.length} 项（${BUBIAO_PARCEL_FIELDS.join(',')},@）。`,
          `the parcel header has ${current.cells.length} fields; the format defines ${BUBIAO_PARCEL_FIELDS.length} (${BUBIAO_PARCEL_FIELDS.join(',')},@).`,
          'warning');
      }
      continue;
    }
    if (!current) {
      at(lineNo, 'bubiao.point_without_parcel', '坐标行前面没有地块头行（以“,@”结尾的一行），已忽略。', 'a point line before any parcel header line (one ending in ",@"); ignored.');
      continue;
    }
    const parcelId = current.cells[2] || `第 ${current.line} 行的地块`;
    if (cells.length !== 4) {
      at(lineNo, 'bubiao.bad_point', `地块 ${parcelId} 的坐标行应为“点号,圈号,X,Y”4 项，这里有 ${cells.length} 项，已跳过该点。`,
        `parcel ${parcelId}: a point line must be "点号,圈号,X,Y" (4 fields), this one has ${cells.length}; point skipped.`);
      continue;
    }
    const circle = Number(cells[1]);
    const northing = Number(cells[2]);
    const easting = Number(cells[3]);
    const badField = !Number.isInteger(circle) || circle < 1 ? '圈号' : cells[2] === '' || !Number.isFinite(northing) ? 'X' : cells[3] === '' || !Number.isFinite(easting) ? 'Y' : null;
    if (badField) {
      const value = badField === '圈号' ? cells[1] : badField === 'X' ? cells[2] : cells[3];
      at(lineNo, 'bubiao.bad_point', `地块 ${parcelId} 点 ${cells[0]} 的${badField}“${value}”不是有效数字，已跳过该点。`,
        `parcel ${parcelId}, point ${cells[0]}: ${badField} "${value}" is not a valid number; point skipped.`, 'error', badField);
      continue;
    }
    current.points++;
    let ring = current.rings[current.rings.length - 1];
    if (!ring || ring.closed || ring.circle !== circle) {
      if (ring && !ring.closed && (!current.cells[4] || current.cells[4] === '面')) closeRing(ring, parcelId, at);
      ring = { circle, line: lineNo, xy: [], closed: false };
      current.rings.push(ring);
    }
    ring.xy.push(easting, northing);
    if (ring.xy.length >= 8 && ring.xy[0] === easting && ring.xy[1] === northing) ring.closed = true;
  }

  if (!sawAttributes) {
    issues.push(geoIssue('warning', fileName, null, null, 'bubiao.no_attributes',
      `${fileName} 没有 [属性描述] 段，坐标系、带号需要在下一步确认。`,
      `${fileName} has no [属性描述] section; confirm the coordinate system and zone in the next step.`));
  }
  if (!sawParcels || parcels.length === 0) {
    issues.push(geoIssue('error', fileName, null, null, 'bubiao.no_parcels',
      `${fileName} 没有 [地块坐标] 段或其中没有地块，不是界址点坐标交换文件？`,
      `${fileName} has no [地块坐标] section or no parcel in it; is it a boundary-point exchange file?`));
  }

  const builder = new GeometryBuilder();
  const columns: RawCell[][] = BUBIAO_PARCEL_FIELDS.map(() => []);
  for (const p of parcels) {
    BUBIAO_PARCEL_FIELDS.forEach((_, c) => columns[c].push(p.cells[c] ? p.cells[c] : null));
    const id = p.cells[2] || `第 ${p.line} 行的地块`;
    const declared = Number(p.cells[0]);
    if (p.cells[0] && Number.isFinite(declared) && declared !== p.points) {
      at(p.line, 'bubiao.point_count', `地块 ${id} 写明界址点数 ${declared}，实际读到 ${p.points} 个点。`,
        `parcel ${id} declares ${declared} boundary points; ${p.points} were read.`, 'warning', '界址点数');
    }
    const shape = p.cells[4];
    if (shape && shape !== '面') {
      at(p.line, 'bubiao.not_polygon', `地块 ${id} 的图形属性是“${shape}”，只能导入“面”，已跳过其图形。`,
        `parcel ${id} has 图形属性 "${shape}"; only "面" (polygon) can be imported, its shape was skipped.`, 'error', '图形属性');
    } else if (p.rings.length === 0) {
      at(p.line, 'bubiao.no_points', `地块 ${id} 没有可用的坐标点。`, `parcel ${id} has no usable point.`);
    } else {
      const last = p.rings[p.rings.length - 1];
      if (!last.closed) closeRing(last, id, at);
      writeParcel(p, id, builder, at);
    }
    builder.endFeature();
  }

  return {
    file: fileName,
    headers: [...BUBIAO_PARCEL_FIELDS],
    columns,
    rowNumbers: Int32Array.from(parcels.map((p) => p.line)),
    geometry: builder.finish(),
    crsHint: sawAttributes ? { txt: attributes } : undefined,
    encoding: label,
    issues,
  };
}

type At = (line: number, code: string, zh: string, en: string, level?: SourceIssue['level'], field?: string | null) => void;

function closeRing(ring: Ring, id: string, at: At): void {
  at(ring.line, 'bubiao.ring_not_closed', `地块 ${id} 的第 ${ring.circle} 圈最后没有回到起点，已自动闭合。`,
    `parcel ${id}, ring ${ring.circle} does not return to its first point; it was closed.`, 'warning');
  ring.xy.push(ring.xy[0], ring.xy[1]);
  ring.closed = true;
}

/** 圈号 1 rings are shells; other rings are holes of the shell around them, else further parts. */
function writeParcel(p: Parcel, id: string, builder: GeometryBuilder, at: At): void {
  const shells = p.rings.filter((r) => r.circle === 1);
  const others = p.rings.filter((r) => r.circle !== 1);
  if (shells.length === 0) {
    at(p.line, 'bubiao.no_outer_ring', `地块 ${id} 没有圈号为 1 的外圈，已把第一圈当作外圈。`,
      `parcel ${id} has no ring numbered 1; its first ring was taken as the outer ring.`, 'warning');
    shells.push(others.shift()!);
  }
  const holes = new Map<Ring, Ring[]>(shells.map((s) => [s, []]));
  for (const r of others) {
    const owner = shells.find((s) => pointInRing(s.xy, 0, s.xy.length / 2, r.xy[0], r.xy[1]));
    if (owner) holes.get(owner)!.push(r);
    else {
      at(r.line, 'bubiao.ring_as_part', `地块 ${id} 的第 ${r.circle} 圈不在外圈之内，已作为地块的另一块读取。`,
        `parcel ${id}, ring ${r.circle} is not inside the outer ring; read as a further part of the parcel.`, 'warning');
      shells.push(r);
      holes.set(r, []);
    }
  }
  for (const s of shells) {
    for (const ring of [s, ...holes.get(s)!]) {
      for (let k = 0; k < ring.xy.length; k += 2) builder.vertex(ring.xy[k], ring.xy[k + 1]);
      builder.endRing();
    }
    builder.endPolygon();
  }
}
