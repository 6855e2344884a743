// The coordinate system of an imported file, as plain data: it is saved with the import's field
// mapping and in workspace files, so it holds numbers and strings only (no proj4 objects).
// Zone arithmetic follows GB/T 17799-1 style Gauss-Krüger zoning as published in the EPSG
// registry: 3° zones 25–45 (central meridian 3n), 6° zones 13–23 (central meridian 6n−3),
// scale factor 1, false easting 500 000 m, optionally prefixed by zone × 1 000 000.

export type GkDatum = 'cgcs2000' | 'xian80' | 'beijing54';

export interface GeographicChoice {
  kind: 'geographic';
  /** The file gives latitude first (y, x). */
  swapAxes?: boolean;
}

export interface GaussKrugerChoice {
  kind: 'gk';
  datum: GkDatum;
  zoneWidth: 3 | 6;
  /** Degrees east. */
  centralMeridian: number;
  /** Eastings carry the zone number in front (39 500 000 m instead of 500 000 m). */
  zonePrefix: boolean;
  /** Surveyors' order: the file's x is the northing and its y the easting. */
  swapAxes: boolean;
  /**
   * Helmert parameters to WGS84 as in PROJ's +towgs84 (position-vector convention): 3 values
   * (dx, dy, dz in m) or 7 (plus rx, ry, rz in arc-seconds and scale in ppm). Only meaningful
   * for Xi'an 1980 and Beijing 1954; without them only the ellipsoid is changed.
   */
  towgs84?: number[];
}

export interface Gcj02Choice {
  kind: 'gcj02';
  swapAxes?: boolean;
}

export interface Bd09Choice {
  kind: 'bd09';
  swapAxes?: boolean;
}

export type CrsChoice = GeographicChoice | GaussKrugerChoice | Gcj02Choice | Bd09Choice;

/** Text in both UI languages. */
export interface CrsText {
  zh: string;
  en: string;
}

export const THREE_DEGREE_ZONES = { first: 25, last: 45 } as const;
export const SIX_DEGREE_ZONES = { first: 13, last: 23 } as const;

export function zoneOfCentralMeridian(zoneWidth: 3 | 6, centralMeridian: number): number {
  return zoneWidth === 3 ? centralMeridian / 3 : (centralMeridian + 3) / 6;
}

export function centralMeridianOfZone(zoneWidth: 3 | 6, zone: number): number {
  return zoneWidth === 3 ? zone * 3 : zone * 6 - 3;
}

/** Central meridians used in China: 75°E…135°E (3° step, or 6° step for 6° zones). */
export function centralMeridians(zoneWidth: 3 | 6): number[] {
  const z = zoneWidth === 3 ? THREE_DEGREE_ZONES : SIX_DEGREE_ZONES;
  const out: number[] = [];
  for (let n = z.first; n <= z.last; n++) out.push(centralMeridianOfZone(zoneWidth, n));
  return out;
}

export function isChinaCentralMeridian(zoneWidth: 3 | 6, centralMeridian: number): boolean {
  return centralMeridians(zoneWidth).includes(centralMeridian);
}

export function falseEasting(c: GaussKrugerChoice): number {
  return (c.zonePrefix ? zoneOfCentralMeridian(c.zoneWidth, c.centralMeridian) * 1e6 : 0) + 500_000;
}

// First EPSG code of each family, zones in ascending central meridian (checked with `projinfo`,
// see tests/fixtures/crs/README.md). Beijing 1954 6° zones are numbered apart from the rest.
const EPSG_BASE: Record<GkDatum, Record<'3p' | '3' | '6p' | '6', number>> = {
  cgcs2000: { '6p': 4491, '6': 4502, '3p': 4513, '3': 4534 },
  xian80: { '6p': 2327, '6': 2338, '3p': 2349, '3': 2370 },
  beijing54: { '6p': 21413, '6': 21453, '3p': 2401, '3': 2422 },
};

/** EPSG code of the choice, or null for GCJ-02 / BD-09 (not in the registry) and odd meridians. */
export function epsgOf(c: CrsChoice): number | null {
  if (c.kind === 'geographic') return 4490;
  if (c.kind !== 'gk') return null;
  if (!isChinaCentralMeridian(c.zoneWidth, c.centralMeridian)) return null;
  const zones = c.zoneWidth === 3 ? THREE_DEGREE_ZONES : SIX_DEGREE_ZONES;
  const key = `${c.zoneWidth}${c.zonePrefix ? 'p' : ''}` as '3p' | '3' | '6p' | '6';
  return EPSG_BASE[c.datum][key] + zoneOfCentralMeridian(c.zoneWidth, c.centralMeridian) - zones.first;
}

const DATUM_TEXT: Record<GkDatum, CrsText> = {
  cgcs2000: { zh: '2000国家大地坐标系', en: 'CGCS2000' },
  xian80: { zh: '1980西安坐标系', en: "Xi'an 1980" },
  beijing54: { zh: '1954北京坐标系', en: 'Beijing 1954' },
};

export function datumText(d: GkDatum): CrsText {
  return DATUM_TEXT[d];
}

/** A short name for lists, e.g. “2000国家大地坐标系 3°带 第39带（中央经线117°E，带号前缀）”. */
export function describeCrs(c: CrsChoice): CrsText {
  const swapZh = c.swapAxes ? '，X/Y 互换' : '';
  const swapEn = c.swapAxes ? ', axes swapped' : '';
  switch (c.kind) {
    case 'geographic':
      return { zh: `经纬度（WGS84 / CGCS2000）${swapZh}`, en: `Longitude/latitude (WGS84 / CGCS2000)${swapEn}` };
    case 'gcj02':
      return { zh: `经纬度（GCJ-02，高德/腾讯）${swapZh}`, en: `Longitude/latitude (GCJ-02, Amap/Tencent)${swapEn}` };
    case 'bd09':
      return { zh: `经纬度（BD-09，百度）${swapZh}`, en: `Longitude/latitude (BD-09, Baidu)${swapEn}` };
    case 'gk': {
      const zone = zoneOfCentralMeridian(c.zoneWidth, c.centralMeridian);
      const d = DATUM_TEXT[c.datum];
      const epsg = epsgOf(c);
      const code = epsg === null ? '' : ` EPSG:${epsg}`;
      const zh =
        `${d.zh} 高斯-克吕格 ${c.zoneWidth}°带` +
        (c.zonePrefix ? ` 第${zone}带（中央经线${c.centralMeridian}°E，带号前缀）` : `（中央经线${c.centralMeridian}°E，无带号）`);
      const en =
        `${d.en} Gauss-Krüger ${c.zoneWidth}° zone` +
        (c.zonePrefix ? ` ${zone} (CM ${c.centralMeridian}°E, zone prefix)` : ` (CM ${c.centralMeridian}°E, no zone prefix)`);
      return { zh: zh + code + swapZh, en: en + code + swapEn };
    }
  }
}

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';

/**
 * Validates a choice read back from saved data. Returns the choice or a message saying which
 * field is wrong; never guesses a replacement.
 */
export function parseCrsChoice(v: unknown): { ok: true; choice: CrsChoice } | { ok: false; message: CrsText } {
  const bad = (field: string): { ok: false; message: CrsText } => ({
    ok: false,
    message: { zh: `坐标系设置无效：字段 ${field}`, en: `Invalid coordinate system setting: field ${field}` },
  });
  if (typeof v !== 'object' || v === null) return bad('kind');
  const o = v as Record<string, unknown>;
  if (o.swapAxes !== undefined && !isBool(o.swapAxes)) return bad('swapAxes');
  if (o.kind === 'geographic' || o.kind === 'gcj02' || o.kind === 'bd09') {
    return { ok: true, choice: o.swapAxes ? { kind: o.kind, swapAxes: true } : { kind: o.kind } };
  }
  if (o.kind !== 'gk') return bad('kind');
  if (o.datum !== 'cgcs2000' && o.datum !== 'xian80' && o.datum !== 'beijing54') return bad('datum');
  if (o.zoneWidth !== 3 && o.zoneWidth !== 6) return bad('zoneWidth');
  if (typeof o.centralMeridian !== 'number' || !isChinaCentralMeridian(o.zoneWidth, o.centralMeridian)) {
    return bad('centralMeridian');
  }
  if (!isBool(o.zonePrefix)) return bad('zonePrefix');
  if (!isBool(o.swapAxes)) return bad('swapAxes');
  const choice: GaussKrugerChoice = {
    kind: 'gk',
    datum: o.datum,
    zoneWidth: o.zoneWidth,
    centralMeridian: o.centralMeridian,
    zonePrefix: o.zonePrefix,
    swapAxes: o.swapAxes,
  };
  if (o.towgs84 !== undefined) {
    const t = o.towgs84;
    if (!Array.isArray(t) || (t.length !== 3 && t.length !== 7) || !t.every((x) => typeof x === 'number' && Number.isFinite(x))) {
      return bad('towgs84');
    }
    choice.towgs84 = [...(t as number[])];
  }
  return { ok: true, choice };
}

/**
 * The Gauss-Krüger choice an EPSG code names (the reverse of `epsgOf`), for `--crs EPSG:4527`
 * on the command line; 4326 and 4490 are longitude/latitude. Null for any other code.
 * Axes are in the registry's easting-first order unless `swapAxes` is asked for.
 */
export function choiceOfEpsg(epsg: number, swapAxes = false): CrsChoice | null {
  if (!Number.isInteger(epsg)) return null;
  if (epsg === 4326 || epsg === 4490) return swapAxes ? { kind: 'geographic', swapAxes: true } : { kind: 'geographic' };
  for (const datum of Object.keys(EPSG_BASE) as GkDatum[]) {
    for (const [key, base] of Object.entries(EPSG_BASE[datum])) {
      const zoneWidth: 3 | 6 = key.startsWith('3') ? 3 : 6;
      const zones = zoneWidth === 3 ? THREE_DEGREE_ZONES : SIX_DEGREE_ZONES;
      const zone = zones.first + (epsg - base);
      if (zone < zones.first || zone > zones.last) continue;
      return { kind: 'gk', datum, zoneWidth, centralMeridian: centralMeridianOfZone(zoneWidth, zone), zonePrefix: key.endsWith('p'), swapAxes };
    }
  }
  return null;
}
