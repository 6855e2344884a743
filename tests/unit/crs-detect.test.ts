import { describe, expect, it } from 'vitest';
import fixtures from '../fixtures/crs/gk-points.json';
import { detectCrs, offsetHint, withCentralMeridian, type CrsCandidate, type ReadyCandidate } from '../../src/data/crs/detect.ts';
import { toWgs84 } from '../../src/data/crs/convert.ts';
import type { CityHint } from '../../src/data/crs/city.ts';

interface Fixture {
  city: string;
  datum: string;
  zoneWidth: 3 | 6;
  zonePrefix: boolean;
  centralMeridian: number;
  epsg: number;
  lonLat: number[];
  en: number[];
}

const points = fixtures as Fixture[];

// Approximate extents of the cities (WGS84), as the city picker would hand them over.
const CITY: Record<string, CityHint> = {
  德州: { bbox: [116.0, 36.4, 117.6, 38.0] },
  韶关: { bbox: [112.9, 23.9, 114.9, 25.6] },
  兰州: { bbox: [102.5, 35.5, 104.6, 37.1] },
  // 喀什地区 is ~6° wide; its seat 喀什市 is at 75.99°E.
  喀什: { bbox: [73.4, 35.3, 79.9, 40.3], centreLon: 75.99 },
  抚远: { bbox: [133.6, 47.2, 135.1, 48.5] },
};

const ESRI_CM117 =
  'PROJCS["CGCS2000_3_Degree_GK_CM_117E",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const ESRI_ZONE39 = ESRI_CM117.replace('GK_CM_117E', 'GK_Zone_39').replace('"False_Easting",500000.0', '"False_Easting",39500000.0');
const ESRI_XIAN_CM117 = ESRI_CM117.replace(/CGCS2000_3_Degree/, 'Xian_1980_3_Degree')
  .replace('GCS_China_Geodetic_Coordinate_System_2000', 'GCS_Xian_1980')
  .replace('D_China_2000', 'D_Xian_1980')
  .replace('SPHEROID["CGCS2000",6378137.0,298.257222101]', 'SPHEROID["Xian_1980",6378140.0,298.257]');

function sampleOf(group: Fixture[], swap = false): Float64Array {
  return new Float64Array(group.flatMap((f) => (swap ? [f.en[1], f.en[0]] : f.en)));
}

function top(c: CrsCandidate[]): ReadyCandidate {
  expect(c.length).toBeGreaterThan(0);
  expect(c[0].status).toBe('ready');
  return c[0] as ReadyCandidate;
}

/** Largest ground distance (m) between the candidate's conversion and the true positions. */
function worstMetres(c: ReadyCandidate, group: Fixture[], swap = false): number {
  const wgs = toWgs84(sampleOf(group, swap), c.choice);
  return Math.max(
    ...group.map((f, i) =>
      Math.hypot(
        (wgs[2 * i] - f.lonLat[0]) * 111_320 * Math.cos((f.lonLat[1] * Math.PI) / 180),
        (wgs[2 * i + 1] - f.lonLat[1]) * 110_574,
      ),
    ),
  );
}

const cgcsGroups = new Map<string, Fixture[]>();
for (const f of points.filter((p) => p.datum === 'cgcs2000')) {
  const key = `${f.city} EPSG:${f.epsg}`;
  cgcsGroups.set(key, [...(cgcsGroups.get(key) ?? []), f]);
}

describe('Gauss-Krüger families are detected from values and the city', () => {
  for (const [name, group] of cgcsGroups) {
    const f = group[0];
    it(`${name} (${f.zoneWidth}°, ${f.zonePrefix ? 'zone prefix' : 'no prefix'})`, () => {
      for (const swap of [false, true]) {
        const best = top(detectCrs(sampleOf(group, swap), { city: CITY[f.city] }).candidates);
        expect(best.choice).toMatchObject({ kind: 'gk', datum: 'cgcs2000', zonePrefix: f.zonePrefix, swapAxes: swap });
        if (best.choice.kind !== 'gk') return;
        expect(best.choice.centralMeridian).toBe(f.centralMeridian);
        // With a prefix the zone number fixes the width; without one 3° and 6° zones on the
        // same meridian are the same numbers, so only the meridian matters.
        if (f.zonePrefix) {
          expect(best.choice.zoneWidth).toBe(f.zoneWidth);
          expect(best.epsg).toBe(f.epsg);
        }
        expect(worstMetres(best, group, swap)).toBeLessThan(0.01);
        expect(best.insideCity).toBe(1);
        expect(best.reason.zh + best.warnings.map((w) => w.zh).join()).toContain('1980西安');
        if (swap) expect(best.reason.zh).toContain('北坐标');
      }
    });
  }

  it("offers the same numbers as Xi'an 1980 and Beijing 1954, flagged as needing parameters", () => {
    const group = cgcsGroups.get('德州 EPSG:4527')!;
    const { candidates } = detectCrs(sampleOf(group), { city: CITY['德州'] });
    const old = candidates.filter((c): c is ReadyCandidate => c.status === 'ready' && c.choice.kind === 'gk' && c.choice.datum !== 'cgcs2000');
    expect(old.map((c) => (c.choice.kind === 'gk' ? c.choice.datum : '')).sort()).toEqual(['beijing54', 'xian80']);
    for (const c of old) {
      expect(c.needsTowgs84).toBe(true);
      expect(c.score).toBeLessThan(candidates[0].score);
      expect(c.warnings.some((w) => w.zh.includes('数十米'))).toBe(true);
    }
  });

  it('without a city, a zone prefix is enough but a plain easting asks for the central meridian', () => {
    const prefixed = top(detectCrs(sampleOf(cgcsGroups.get('兰州 EPSG:4523')!)).candidates);
    expect(prefixed.choice).toMatchObject({ zoneWidth: 3, centralMeridian: 105, zonePrefix: true });

    const plain = detectCrs(sampleOf(cgcsGroups.get('兰州 EPSG:4544')!)).candidates;
    const ask = plain[0];
    expect(ask.status).toBe('needs-central-meridian');
    if (ask.status !== 'needs-central-meridian') return;
    expect(ask.centralMeridians).toContain(105);
    expect(ask.reason.zh).toContain('中央经线');
    const chosen = withCentralMeridian(ask, 105);
    expect(chosen).toMatchObject({ kind: 'gk', centralMeridian: 105, zonePrefix: false });
    expect(() => withCentralMeridian(ask, 104)).toThrow(RangeError);
  });

  it('a city wide enough for two meridians offers both and warns', () => {
    // 佳木斯 spans 129.5–135.1°E around its seat at 130.36°E: points in 抚远 (zone CM 135°E)
    // read with 132°E also land inside the city, so values and bbox cannot decide.
    const group = cgcsGroups.get('抚远 EPSG:4554')!;
    const wide = detectCrs(sampleOf(group), { city: { bbox: [129.5, 45.9, 135.1, 48.5], centreLon: 130.36 } }).candidates;
    const cgcs = wide.filter((c): c is ReadyCandidate => c.status === 'ready' && c.choice.kind === 'gk' && c.choice.datum === 'cgcs2000');
    expect(cgcs.slice(0, 2).map((c) => (c.choice.kind === 'gk' ? c.choice.centralMeridian : 0))).toEqual([132, 135]);
    for (const c of cgcs.slice(0, 2)) expect(c.warnings.some((w) => w.en.includes('several central meridians'))).toBe(true);
    // 129°E moves the points 6° west of 抚远, out of the city: such meridians are not offered
    // once one fits.
    expect(cgcs).toHaveLength(2);
  });

  it('reports mixed zone numbers', () => {
    const a = cgcsGroups.get('德州 EPSG:4527')!;
    const b = cgcsGroups.get('韶关 EPSG:4526')!;
    const best = top(detectCrs(sampleOf([...a, ...b])).candidates);
    expect(best.warnings.some((w) => w.zh.includes('39、38'))).toBe(true);
  });
});

describe('longitude/latitude', () => {
  const lonLat = new Float64Array([116.35, 37.05, 117.55, 37.95, 116.9, 37.45]);

  it('WGS84 first, GCJ-02 and BD-09 offered, with the ambiguity said', () => {
    const { candidates } = detectCrs(lonLat, { city: CITY['德州'] });
    expect(candidates.map((c) => (c.status === 'ready' ? c.choice.kind : ''))).toEqual(['geographic', 'gcj02', 'bd09']);
    expect(top(candidates).epsg).toBe(4490);
    for (const c of candidates) expect(c.warnings.some((w) => w.zh.includes('无法区分'))).toBe(true);
  });

  it('column names decide between WGS84, GCJ-02 and BD-09', () => {
    const kindFor = (names: string[]) => top(detectCrs(lonLat, { columnNames: names }).candidates).choice.kind;
    expect(kindFor(['gcj_lng', 'gcj_lat'])).toBe('gcj02');
    expect(kindFor(['高德经度', '高德纬度'])).toBe('gcj02');
    expect(kindFor(['bd_lng', 'bd_lat'])).toBe('bd09');
    expect(kindFor(['百度坐标X'])).toBe('bd09');
    expect(kindFor(['lng', 'lat'])).toBe('geographic');
    const r = top(detectCrs(lonLat, { columnNames: ['BD09_LON'] }).candidates);
    expect(r.reason.zh).toContain('BD09_LON');
  });

  it('does not read “bd” inside ordinary words as Baidu', () => {
    expect(offsetHint(['abdomen', 'lambda', 'Tbdata'])).toBeNull();
  });

  it('latitude written first is read with axes swapped', () => {
    const latLon = new Float64Array([37.05, 116.35, 37.95, 117.55]);
    expect(top(detectCrs(latLon).candidates).choice).toEqual({ kind: 'geographic', swapAxes: true });
  });
});

describe('.prj and values together', () => {
  const plain117 = sampleOf(cgcsGroups.get('德州 EPSG:4548')!);
  const zone39 = sampleOf(cgcsGroups.get('德州 EPSG:4527')!);

  it('a .prj supplies the meridian that plain eastings cannot', () => {
    const best = top(detectCrs(plain117, { prj: ESRI_CM117 }).candidates);
    expect(best.choice).toEqual({ kind: 'gk', datum: 'cgcs2000', zoneWidth: 3, centralMeridian: 117, zonePrefix: false, swapAxes: false });
    expect(best.reason.zh).toContain('CGCS2000_3_Degree_GK_CM_117E');
    expect(best.score).toBe(1);
  });

  it('a .prj that matches the values comes first', () => {
    const best = top(detectCrs(zone39, { prj: ESRI_ZONE39, city: CITY['德州'] }).candidates);
    expect(best.epsg).toBe(4527);
    expect(best.reason.en).toContain('From the .prj file');
  });

  it('a .prj contradicted by the values is kept but ranked last with a warning', () => {
    const { candidates } = detectCrs(plain117, { prj: ESRI_ZONE39, city: CITY['德州'] });
    const last = candidates[candidates.length - 1] as ReadyCandidate;
    expect(last.choice).toMatchObject({ zonePrefix: true, centralMeridian: 117 });
    expect(last.warnings.some((w) => w.zh.includes('不符'))).toBe(true);
    expect(top(candidates).choice).toMatchObject({ zonePrefix: false, centralMeridian: 117 });
  });

  it('an unsupported .prj is said on every candidate drawn from the values', () => {
    const utm = ESRI_CM117.replace('CGCS2000_3_Degree_GK_CM_117E', 'WGS_1984_UTM_Zone_50N').replace('"Scale_Factor",1.0', '"Scale_Factor",0.9996');
    const r = detectCrs(zone39, { prj: utm, city: CITY['德州'] });
    expect(top(r.candidates).epsg).toBe(4527);
    for (const c of r.candidates) expect(c.warnings.some((w) => w.zh.includes('WGS_1984_UTM_Zone_50N'))).toBe(true);
  });

  it("a Xi'an 1980 .prj gives the old datum and the tens-of-metres warning", () => {
    const best = top(detectCrs(plain117, { prj: ESRI_XIAN_CM117 }).candidates);
    expect(best.choice).toMatchObject({ datum: 'xian80', centralMeridian: 117 });
    expect(best.needsTowgs84).toBe(true);
    expect(best.warnings.some((w) => w.en.includes('tens of metres'))).toBe(true);
  });
});

describe('values that fit nothing', () => {
  it('a local grid is refused with the value ranges in the message', () => {
    const local = new Float64Array([3512.5, 8120.2, 3600, 8000, 4100.75, 7950]);
    const r = detectCrs(local, { city: CITY['德州'] });
    expect(r.candidates).toEqual([]);
    expect(r.problem?.zh).toContain('X 3513～4101，Y 7950～8120');
    expect(r.problem?.en).toContain('local grid');
  });

  it('empty coordinates say so', () => {
    const r = detectCrs(new Float64Array([NaN, NaN, NaN, 1]));
    expect(r.candidates).toEqual([]);
    expect(r.nonFinite).toBe(2);
    expect(r.problem?.en).toContain('No usable coordinate');
  });

  it('a few stray points are counted in a warning, not hidden', () => {
    const good = Array.from(sampleOf(cgcsGroups.get('德州 EPSG:4527')!));
    const best = top(detectCrs(new Float64Array([...good, 0, 0]), { city: CITY['德州'] }).candidates);
    expect(best.epsg).toBe(4527);
    expect(best.warnings[0].zh).toContain('4 个坐标中有 1 个');
  });

  it('points that land in another city are flagged', () => {
    const best = top(detectCrs(sampleOf(cgcsGroups.get('德州 EPSG:4527')!), { city: CITY['兰州'] }).candidates);
    expect(best.insideCity).toBe(0);
    expect(best.warnings.some((w) => w.zh.includes('只有 0%'))).toBe(true);
  });
});
