// Writes small Shapefiles in tests so each reader case (holes, winding, null shapes, truncation,
// encodings) is built from an explicit description rather than an opaque binary.
import { zipSync } from 'fflate';

export type Ring = [number, number][];
/** A feature's shape: a list of rings in file order (winding as given), or null for a null shape. */
export type ShapeSpec = Ring[] | null | { type: number; rings?: Ring[] };

let gbkTable: Map<string, number[]> | null = null;

/** GBK encoder built from the platform's GB18030 decoder (Node ships none for encoding). */
export function encodeGbk(text: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const dec = new TextDecoder('gbk');
    for (let hi = 0x81; hi <= 0xfe; hi++) {
      for (let lo = 0x40; lo <= 0xfe; lo++) {
        if (lo === 0x7f) continue;
        const ch = dec.decode(new Uint8Array([hi, lo]));
        if (ch.length === 1 && ch !== '\uFFFD' && !gbkTable.has(ch)) gbkTable.set(ch, [hi, lo]);
      }
    }
  }
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) out.push(code);
    else {
      const b = gbkTable.get(ch);
      if (!b) throw new Error(`not in GBK: ${ch}`);
      out.push(...b);
    }
  }
  return Uint8Array.from(out);
}

export const encodeUtf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Shell clockwise (Shapefile rule) in a y-up plane. */
export function squareCw(x: number, y: number, size: number): Ring {
  return [[x, y], [x, y + size], [x + size, y + size], [x + size, y], [x, y]];
}
export function squareCcw(x: number, y: number, size: number): Ring {
  return squareCw(x, y, size).reverse();
}

export function writeShp(shapes: ShapeSpec[], fileShapeType = 5): { shp: Uint8Array; shx: Uint8Array } {
  const records: Uint8Array[] = [];
  for (const spec of shapes) {
    const type = spec === null ? 0 : Array.isArray(spec) ? fileShapeType : spec.type;
    const rings = spec === null ? [] : Array.isArray(spec) ? spec : (spec.rings ?? []);
    if (type === 0) {
      const b = new Uint8Array(4);
      new DataView(b.buffer).setInt32(0, 0, true);
      records.push(b);
      continue;
    }
    if (type === 1) {
      const b = new Uint8Array(20);
      const v = new DataView(b.buffer);
      v.setInt32(0, 1, true);
      v.setFloat64(4, rings[0]?.[0]?.[0] ?? 0, true);
      v.setFloat64(12, rings[0]?.[0]?.[1] ?? 0, true);
      records.push(b);
      continue;
    }
    const pts = rings.flat();
    const b = new Uint8Array(44 + 4 * rings.length + 16 * pts.length);
    const v = new DataView(b.buffer);
    v.setInt32(0, type, true);
    const box = pts.reduce((b, [x, y]) => [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)], [Infinity, Infinity, -Infinity, -Infinity]);
    box.forEach((value, i) => v.setFloat64(4 + 8 * i, value, true));
    v.setInt32(36, rings.length, true);
    v.setInt32(40, pts.length, true);
    let start = 0;
    rings.forEach((r, i) => {
      v.setInt32(44 + 4 * i, start, true);
      start += r.length;
    });
    let o = 44 + 4 * rings.length;
    for (const [x, y] of pts) {
      v.setFloat64(o, x, true);
      v.setFloat64(o + 8, y, true);
      o += 16;
    }
    records.push(b);
  }
  const total = 100 + records.reduce((s, r) => s + 8 + r.length, 0);
  const shp = new Uint8Array(total);
  const shx = new Uint8Array(100 + 8 * records.length);
  for (const [file, len] of [[shp, total], [shx, shx.length]] as const) {
    const v = new DataView(file.buffer);
    v.setInt32(0, 9994, false);
    v.setInt32(24, len / 2, false);
    v.setInt32(28, 1000, true);
    v.setInt32(32, fileShapeType, true);
  }
  const sv = new DataView(shp.buffer);
  const xv = new DataView(shx.buffer);
  let pos = 100;
  records.forEach((r, i) => {
    sv.setInt32(pos, i + 1, false);
    sv.setInt32(pos + 4, r.length / 2, false);
    shp.set(r, pos + 8);
    xv.setInt32(100 + 8 * i, pos / 2, false);
    xv.setInt32(104 + 8 * i, r.length / 2, false);
    pos += 8 + r.length;
  });
  return { shp, shx };
}

export interface DbfFieldSpec {
  name: string;
  type: 'C' | 'N' | 'F' | 'D' | 'L' | 'M';
  length: number;
  decimals?: number;
}

export interface DbfOptions {
  encode?: (s: string) => Uint8Array;
  /** Language driver id at byte 29 (0x4D = GBK, 0x57 = ANSI, 0x03 = Windows-1252, 0 = none). */
  ldid?: number;
  /** 0-based records to flag deleted. */
  deleted?: number[];
}

export function writeDbf(fields: DbfFieldSpec[], rows: (string | number | null)[][], opts: DbfOptions = {}): Uint8Array {
  const encode = opts.encode ?? encodeGbk;
  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((s, f) => s + f.length, 0);
  const out = new Uint8Array(headerLength + rows.length * recordLength + 1).fill(0x20, headerLength);
  const v = new DataView(out.buffer);
  out[0] = 0x03;
  out.set([126, 1, 1], 1);
  v.setUint32(4, rows.length, true);
  v.setUint16(8, headerLength, true);
  v.setUint16(10, recordLength, true);
  out[29] = opts.ldid ?? 0x4d;
  fields.forEach((f, i) => {
    const p = 32 + 32 * i;
    out.set(encode(f.name).subarray(0, 10), p);
    out[p + 11] = f.type.charCodeAt(0);
    out[p + 16] = f.length;
    out[p + 17] = f.decimals ?? 0;
  });
  out[headerLength - 1] = 0x0d;
  rows.forEach((row, r) => {
    const rec = headerLength + r * recordLength;
    out[rec] = opts.deleted?.includes(r) ? 0x2a : 0x20;
    let o = rec + 1;
    fields.forEach((f, i) => {
      const val = row[i];
      let bytes = val === null ? new Uint8Array(0) : encode(String(val));
      if (bytes.length > f.length) bytes = bytes.subarray(0, f.length);
      // Numbers are right-aligned in dBASE, text left-aligned.
      const at = f.type === 'N' || f.type === 'F' ? o + f.length - bytes.length : o;
      out.set(bytes, at);
      o += f.length;
    });
  });
  out[out.length - 1] = 0x1a;
  return out;
}

export const CGCS2000_GK39_PRJ =
  'PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';

/** Zips members given as path → bytes (or text). */
export function zipMembers(members: Record<string, Uint8Array | string>): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const [k, v] of Object.entries(members)) entries[k] = typeof v === 'string' ? encodeUtf8(v) : v;
  return zipSync(entries);
}
