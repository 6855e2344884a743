// The compact per-city county boundary file (data/boundaries/cities/<adcode>.json) and its
// decoding into the GeoJSON the map and the analyses use.
//
// Why not plain GeoJSON: ~3,000 counties at 5 decimals would be tens of megabytes in the
// repository. Coordinates are stored as integers in units of 1e-5° (≈ 1 m, far below the
// source's ~100 m grid), each ring as one flat array [x0, y0, dx1, dy1, …] of differences from
// the previous vertex, without the closing vertex. Differences between neighbouring vertices of a
// simplified border are a few hundred units, so the file is mostly short numbers.

import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';

export const CITY_FILE_VERSION = 1;
/** Integer units per degree. */
export const CITY_FILE_SCALE = 100000;

export interface EncodedCounty {
  /** Current official name (GB/T 2260 / statistical division table). */
  county: string;
  /** Current official 6-digit code. */
  adcode: string;
  /** County seat (县政府驻地) as integers, or null when the source has none. */
  seat: [number, number] | null;
  /** Polygons → rings → flat delta-encoded [x0, y0, dx1, dy1, …]; first ring outer (CCW). */
  g: number[][][];
  /** Name and code in the source when they differ from the official ones (renamed, recoded). */
  sourceName?: string;
  sourceAdcode?: string;
}

export interface EncodedCityFile {
  v: number;
  adcode: string;
  city: string;
  counties: EncodedCounty[];
}

/** Properties of a county feature, as in data/boundaries/<region>.geojson. */
export interface CityCountyProps {
  county: string;
  city: string;
  adcode: string;
  /** County seat [lon, lat] WGS84, or null when the source gives none. */
  seat: [number, number] | null;
}

export type CityCountyCollection = FeatureCollection<Polygon | MultiPolygon, CityCountyProps>;

/** Rounds a [lon, lat] to integer units. */
export function quantise(p: readonly [number, number]): [number, number] {
  return [Math.round(p[0] * CITY_FILE_SCALE), Math.round(p[1] * CITY_FILE_SCALE)];
}

/** Delta-encodes an open ring of integer vertices (no closing vertex). */
export function encodeRing(ring: readonly (readonly [number, number])[]): number[] {
  const out: number[] = [];
  let px = 0;
  let py = 0;
  for (const [x, y] of ring) {
    out.push(x - px, y - py);
    px = x;
    py = y;
  }
  return out;
}

/** A clear, located message for a malformed city file (Chinese first: the UI's default). */
export class CityFileError extends Error {
  constructor(file: string, where: string, problem: string) {
    super(`县区边界文件 ${file}：${where}${problem}`);
    this.name = 'CityFileError';
  }
}

function decodeRing(flat: unknown, file: string, where: string): Position[] {
  if (!Array.isArray(flat) || flat.length < 6 || flat.length % 2 !== 0) {
    throw new CityFileError(file, where, '环的坐标个数不对（至少 3 个顶点，成对出现）');
  }
  const ring: Position[] = [];
  let x = 0;
  let y = 0;
  for (let i = 0; i < flat.length; i += 2) {
    const dx = flat[i];
    const dy = flat[i + 1];
    if (!Number.isInteger(dx) || !Number.isInteger(dy)) {
      throw new CityFileError(file, where, `第 ${i / 2 + 1} 个顶点不是整数坐标`);
    }
    x += dx as number;
    y += dy as number;
    ring.push([x / CITY_FILE_SCALE, y / CITY_FILE_SCALE]);
  }
  ring.push([ring[0][0], ring[0][1]]);
  return ring;
}

/** Decodes a parsed city file into GeoJSON; `file` names it in error messages. */
export function decodeCityFile(data: unknown, file: string): CityCountyCollection {
  const d = data as Partial<EncodedCityFile> | null;
  if (!d || typeof d !== 'object') throw new CityFileError(file, '', '不是 JSON 对象');
  if (d.v !== CITY_FILE_VERSION) {
    throw new CityFileError(file, '字段 v ', `版本 ${String(d.v)} 无法识别（应为 ${CITY_FILE_VERSION}）`);
  }
  if (typeof d.city !== 'string' || !Array.isArray(d.counties)) {
    throw new CityFileError(file, '', '缺少 city 或 counties 字段');
  }
  const city = d.city;
  const features = d.counties.map((c, i): Feature<Polygon | MultiPolygon, CityCountyProps> => {
    const where = `第 ${i + 1} 个县区${c && typeof c.county === 'string' ? `（${c.county}）` : ''}`;
    if (!c || typeof c.county !== 'string' || typeof c.adcode !== 'string' || !/^\d{6}$/.test(c.adcode)) {
      throw new CityFileError(file, where, '缺少县区名 county 或 6 位代码 adcode');
    }
    if (!Array.isArray(c.g) || c.g.length === 0) throw new CityFileError(file, where, '字段 g 没有多边形');
    const polygons = c.g.map((poly, p) => {
      if (!Array.isArray(poly) || poly.length === 0) {
        throw new CityFileError(file, `${where}第 ${p + 1} 个多边形`, '没有环');
      }
      return poly.map((ring, r) => decodeRing(ring, file, `${where}第 ${p + 1} 个多边形第 ${r + 1} 个环`));
    });
    let seat: [number, number] | null = null;
    if (c.seat != null) {
      if (!Array.isArray(c.seat) || c.seat.length !== 2 || !c.seat.every(Number.isInteger)) {
        throw new CityFileError(file, `${where}字段 seat `, '应为两个整数');
      }
      seat = [c.seat[0] / CITY_FILE_SCALE, c.seat[1] / CITY_FILE_SCALE];
    }
    const geometry: Polygon | MultiPolygon =
      polygons.length === 1
        ? { type: 'Polygon', coordinates: polygons[0] }
        : { type: 'MultiPolygon', coordinates: polygons };
    return { type: 'Feature', properties: { county: c.county, city, adcode: c.adcode, seat }, geometry };
  });
  return { type: 'FeatureCollection', features };
}
