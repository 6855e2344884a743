// Reads the coordinate system out of a Shapefile's .prj (WKT). ArcGIS writes ESRI WKT such as
// PROJCS["CGCS2000_3_Degree_GK_Zone_39",…PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",
// 39500000.0],…PARAMETER["Central_Meridian",117.0]…]; QGIS/GDAL write OGC WKT1 or WKT2 with
// the same numbers under other names. proj4's WKT parser handles all three; when it gives up
// (a truncated or hand-edited file) a lenient scan reads the name, ellipsoid and parameters.
// Either way the result is mapped onto CrsChoice from the numbers, not from the name alone.

import proj4 from 'proj4';
import {
  centralMeridianOfZone,
  isChinaCentralMeridian,
  SIX_DEGREE_ZONES,
  THREE_DEGREE_ZONES,
  type CrsChoice,
  type CrsText,
  type GaussKrugerChoice,
  type GkDatum,
} from './choice.ts';

/** The numbers a .prj carries that matter here; angles in degrees, lengths in metres. */
export interface PrjParameters {
  name: string;
  /** null for a geographic (longitude/latitude) system. */
  projection: string | null;
  datumName: string;
  semiMajorAxis: number | null;
  inverseFlattening: number | null;
  centralMeridian: number | null;
  falseEasting: number | null;
  falseNorthing: number | null;
  scaleFactor: number | null;
  latitudeOfOrigin: number | null;
  /** Metres per linear unit of a projected system. */
  unitToMetre: number | null;
  /** TOWGS84[…] of the datum as written (GDAL writes it for Xi'an 1980 / Beijing 1954 when known). */
  towgs84: number[] | null;
}

export interface PrjReading {
  /** The system to convert from, or null when the .prj describes one this app cannot convert. */
  choice: CrsChoice | null;
  name: string;
  via: 'proj4' | 'fallback';
  /** Set when choice is null, or when the choice needs more from the user (old datums). */
  note?: CrsText;
  /** Xi'an 1980 / Beijing 1954: local transformation parameters are needed for metre accuracy. */
  needsTowgs84?: boolean;
}

const RAD = 180 / Math.PI;

/** 3 or 7 finite Helmert values that are not all zero, else null. */
function helmert(v: unknown): number[] | null {
  if (!Array.isArray(v) || (v.length !== 3 && v.length !== 7)) return null;
  const n = v.map(Number);
  return n.every(Number.isFinite) && n.some((x) => x !== 0) ? n : null;
}

function fromProj4(wkt: string): PrjParameters | null {
  let p: Record<string, unknown>;
  try {
    p = proj4.Proj(wkt) as unknown as Record<string, unknown>;
  } catch {
    return null;
  }
  const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
  const str = (v: unknown): string => (typeof v === 'string' ? v : '');
  const geographic = p.projName === 'longlat';
  const datum = (p.DATUM ?? (p.GEOGCS as Record<string, unknown> | undefined)?.DATUM) as Record<string, unknown> | undefined;
  const long0 = num(p.long0);
  const lat0 = num(p.lat0);
  return {
    name: str(p.name) || str(p.srsCode),
    projection: geographic ? null : str(p.projName),
    datumName: str(datum?.name) || str(p.datumCode),
    semiMajorAxis: num(p.a),
    inverseFlattening: num(p.rf),
    centralMeridian: geographic || long0 === null ? null : long0 * RAD,
    falseEasting: geographic ? null : num(p.x0),
    falseNorthing: geographic ? null : num(p.y0),
    scaleFactor: geographic ? null : num(p.k0),
    latitudeOfOrigin: geographic || lat0 === null ? null : lat0 * RAD,
    unitToMetre: geographic ? null : num(p.to_meter),
    towgs84: helmert(p.datum_params),
  };
}

/** Lenient scan of WKT1 (ESRI or OGC) for when the strict parser fails. */
export function scanWkt(wkt: string): PrjParameters | null {
  const head = /(PROJCS|PROJCRS|GEOGCS|GEOGCRS|GEODCRS)\s*\[\s*"([^"]*)"/i.exec(wkt);
  if (!head) return null;
  const params = new Map<string, number>();
  for (const m of wkt.matchAll(/PARAMETER\s*\[\s*"([^"]+)"\s*,\s*([-+0-9.eE]+)/gi)) {
    params.set(m[1].toLowerCase().replace(/[\s-]+/g, '_'), Number(m[2]));
  }
  const param = (...keys: string[]): number | null => {
    for (const k of keys) {
      const v = params.get(k);
      if (v !== undefined && Number.isFinite(v)) return v;
    }
    return null;
  };
  const spheroid = /(?:SPHEROID|ELLIPSOID)\s*\[\s*"[^"]*"\s*,\s*([-+0-9.eE]+)\s*,\s*([-+0-9.eE]+)/i.exec(wkt);
  const datum = /DATUM\s*\[\s*"([^"]*)"/i.exec(wkt);
  const projected = /^PROJ/i.test(head[1]);
  const projection = /(?:PROJECTION|METHOD)\s*\[\s*"([^"]*)"/i.exec(wkt);
  // The projected system's linear unit is the last UNIT in the text (the first is the angular one).
  const units = [...wkt.matchAll(/(?:LENGTHUNIT|UNIT)\s*\[\s*"([^"]*)"\s*,\s*([-+0-9.eE]+)/gi)];
  const lastUnit = units.length > 0 ? Number(units[units.length - 1][2]) : NaN;
  const towgs84 = /TOWGS84\s*\[([^\]]*)\]/i.exec(wkt);
  return {
    name: head[2],
    projection: projected ? (projection?.[1] ?? '') : null,
    datumName: datum?.[1] ?? '',
    semiMajorAxis: spheroid ? Number(spheroid[1]) : null,
    inverseFlattening: spheroid ? Number(spheroid[2]) : null,
    centralMeridian: projected ? param('central_meridian', 'longitude_of_natural_origin', 'longitude_of_origin') : null,
    falseEasting: projected ? param('false_easting') : null,
    falseNorthing: projected ? param('false_northing') : null,
    scaleFactor: projected ? param('scale_factor', 'scale_factor_at_natural_origin') : null,
    latitudeOfOrigin: projected ? param('latitude_of_origin', 'latitude_of_natural_origin') : null,
    unitToMetre: projected && Number.isFinite(lastUnit) ? lastUnit : null,
    towgs84: towgs84 ? helmert(towgs84[1].split(',')) : null,
  };
}

const near = (a: number | null, b: number, tol: number): boolean => a !== null && Math.abs(a - b) <= tol;

function datumOf(p: PrjParameters): GkDatum | 'wgs84' | null {
  const n = `${p.name} ${p.datumName}`.toLowerCase();
  if (/xian|xi'an|西安/.test(n) || near(p.semiMajorAxis, 6378140, 0.5)) return 'xian80';
  if (/beijing|北京|krass|krasov/.test(n) || near(p.semiMajorAxis, 6378245, 0.5)) return 'beijing54';
  if (/china_2000|china geodetic|cgcs|2000国家/.test(n)) return 'cgcs2000';
  if (/wgs|world geodetic/.test(n) || near(p.semiMajorAxis, 6378137, 0.5)) return 'wgs84';
  return null;
}

const TEXT = {
  unreadable: { zh: '.prj 文件无法识别为坐标系定义（WKT）', en: 'The .prj file is not a readable coordinate system (WKT)' },
  datum: (d: string): CrsText => ({
    zh: `.prj 的大地基准“${d}”不是 2000国家大地坐标系、WGS84、1980西安或1954北京坐标系，无法转换`,
    en: `The .prj datum “${d}” is not CGCS2000, WGS84, Xi'an 1980 or Beijing 1954; it cannot be converted`,
  }),
  projection: (name: string): CrsText => ({
    zh: `.prj 为“${name}”，不是高斯-克吕格 3°/6° 分带投影（如 UTM、Web 墨卡托、地方独立坐标系），暂不支持；请在 GIS 软件中导出为 CGCS2000 经纬度或高斯-克吕格投影`,
    en: `The .prj is “${name}”, not a 3°/6° Gauss-Krüger zone (e.g. UTM, Web Mercator, a local grid); not supported — export it as CGCS2000 longitude/latitude or Gauss-Krüger from your GIS`,
  }),
  oldDatum: (zh: string, en: string): CrsText => ({
    zh: `${zh}坐标需要当地的七参数（或三参数）才能精确转换到 WGS84；未填写参数时只换算椭球，位置可能偏差数十米`,
    en: `${en} coordinates need local 7- (or 3-) parameter values to reach WGS84 precisely; without them only the ellipsoid is changed and positions may be off by tens of metres`,
  }),
};

function oldDatumNote(d: GkDatum): CrsText | undefined {
  if (d === 'xian80') return TEXT.oldDatum('1980西安', "Xi'an 1980");
  if (d === 'beijing54') return TEXT.oldDatum('1954北京', 'Beijing 1954');
  return undefined;
}

/** Maps the numbers of a .prj onto a CrsChoice, or says why it cannot. */
export function choiceFromPrj(p: PrjParameters, via: PrjReading['via']): PrjReading {
  const base = { name: p.name, via };
  const datum = datumOf(p);
  if (datum === null) return { ...base, choice: null, note: TEXT.datum(p.datumName || p.name) };
  if (p.projection === null) {
    if (datum === 'wgs84' || datum === 'cgcs2000') return { ...base, choice: { kind: 'geographic' } };
    return { ...base, choice: { kind: 'geographic' }, note: oldDatumNote(datum), needsTowgs84: true };
  }
  const tm = /gauss|kruger|transverse|tmerc/i.test(p.projection);
  // Radians → degrees leaves 114.00000000000001; meridians are whole degrees or not standard.
  const cm = p.centralMeridian === null ? null : Math.round(p.centralMeridian * 1e6) / 1e6;
  const fe = p.falseEasting;
  const standard =
    tm &&
    near(p.scaleFactor ?? 1, 1, 1e-9) &&
    near(p.latitudeOfOrigin ?? 0, 0, 1e-9) &&
    near(p.falseNorthing ?? 0, 0, 1e-6) &&
    near(p.unitToMetre ?? 1, 1, 1e-9) &&
    cm !== null &&
    fe !== null;
  if (!standard) return { ...base, choice: null, note: TEXT.projection(p.name || p.projection) };
  const gkDatum: GkDatum = datum === 'wgs84' ? 'cgcs2000' : datum;
  const zone = Math.round((fe - 500_000) / 1e6);
  if (!near(fe, zone * 1e6 + 500_000, 1e-6)) return { ...base, choice: null, note: TEXT.projection(p.name) };
  let zoneWidth: 3 | 6;
  let zonePrefix: boolean;
  if (zone === 0) {
    zonePrefix = false;
    // Names without “3_Degree” are the 6° families (CGCS2000_GK_CM_117E, Beijing_1954_Gauss_Kruger_CM_117E).
    // Without a prefix both widths give the same numbers, so this only affects the label.
    const says6 = /gk|gauss/i.test(p.name) && !/3[\s_-]?degree|3°/i.test(p.name);
    zoneWidth = says6 && isChinaCentralMeridian(6, cm) ? 6 : 3;
    if (!isChinaCentralMeridian(zoneWidth, cm)) return { ...base, choice: null, note: TEXT.projection(p.name) };
  } else {
    zonePrefix = true;
    const w: 3 | 6 | null =
      zone >= THREE_DEGREE_ZONES.first && zone <= THREE_DEGREE_ZONES.last
        ? 3
        : zone >= SIX_DEGREE_ZONES.first && zone <= SIX_DEGREE_ZONES.last
          ? 6
          : null;
    if (w === null || !near(cm, centralMeridianOfZone(w, zone), 1e-9)) return { ...base, choice: null, note: TEXT.projection(p.name) };
    zoneWidth = w;
  }
  const choice: GaussKrugerChoice = { kind: 'gk', datum: gkDatum, zoneWidth, centralMeridian: cm, zonePrefix, swapAxes: false };
  const note = oldDatumNote(gkDatum);
  if (!note) return { ...base, choice };
  if (p.towgs84) return { ...base, choice: { ...choice, towgs84: p.towgs84 } };
  return { ...base, choice, note, needsTowgs84: true };
}

/** Reads a .prj text (BOM and line breaks allowed). */
export function readPrj(text: string): PrjReading {
  const wkt = text.replace(/^\uFEFF/, '').trim();
  const viaProj4 = wkt.length > 0 ? fromProj4(wkt) : null;
  if (viaProj4) return choiceFromPrj(viaProj4, 'proj4');
  const scanned = scanWkt(wkt);
  if (scanned) return choiceFromPrj(scanned, 'fallback');
  return { choice: null, name: '', via: 'fallback', note: TEXT.unreadable };
}
