import { describe, expect, it } from 'vitest';
import fixtures from '../fixtures/crs/gk-points.json';
import { toWgs84, fromWgs84 } from '../../src/data/crs/convert.ts';
import { describeCrs, epsgOf, parseCrsChoice, type GaussKrugerChoice } from '../../src/data/crs/choice.ts';

interface Fixture {
  city: string;
  datum: GaussKrugerChoice['datum'];
  zoneWidth: 3 | 6;
  zonePrefix: boolean;
  centralMeridian: number;
  epsg: number;
  epsgName: string;
  towgs84: number[] | null;
  lonLat: number[];
  en: number[];
  command: string;
}

const points = fixtures as Fixture[];

function choiceOf(f: Fixture, swapAxes = false): GaussKrugerChoice {
  const c: GaussKrugerChoice = {
    kind: 'gk',
    datum: f.datum,
    zoneWidth: f.zoneWidth,
    centralMeridian: f.centralMeridian,
    zonePrefix: f.zonePrefix,
    swapAxes,
  };
  // [0,0,0] in the fixture means “no local parameters given”: the ellipsoid change only.
  if (f.towgs84 && f.towgs84.some((v) => v !== 0)) c.towgs84 = f.towgs84;
  return c;
}

/** Ground distance in metres between two lon/lat points a few metres apart. */
function groundMetres(lon1: number, lat1: number, lon2: number, lat2: number): number {
  const dx = (lon1 - lon2) * 111_320 * Math.cos((lat1 * Math.PI) / 180);
  const dy = (lat1 - lat2) * 110_574;
  return Math.hypot(dx, dy);
}

const groups = new Map<string, Fixture[]>();
for (const f of points) {
  const key = `${f.datum} ${f.epsgName} (${f.city})${f.towgs84 ? ` towgs84=${f.towgs84.join(',')}` : ''}`;
  groups.set(key, [...(groups.get(key) ?? []), f]);
}

// The requirement is 1 m; PROJ and proj4js agree to well under a millimetre, so the bound is
// 1 cm: a wrong ellipsoid (e.g. GRS80 for Xi'an 1980) moves points by metres and must fail.
const TOLERANCE_M = 0.01;

describe('Gauss-Krüger conversion agrees with PROJ within 1 cm', () => {
  it('covers every zone family of every datum and the five cities', () => {
    const families = new Set(points.map((f) => `${f.datum}/${f.zoneWidth}/${f.zonePrefix}`));
    expect(families.size).toBe(12);
    expect(new Set(points.map((f) => f.city))).toEqual(new Set(['德州', '韶关', '兰州', '喀什', '抚远']));
  });

  for (const [name, group] of groups) {
    it(name, () => {
      const choice = choiceOf(group[0]);
      expect(epsgOf(choice)).toBe(group[0].epsg);
      const projected = new Float64Array(group.flatMap((f) => f.en));
      const wgs = toWgs84(projected, choice);
      const back = fromWgs84(new Float64Array(group.flatMap((f) => f.lonLat)), choice);
      group.forEach((f, i) => {
        const off = groundMetres(wgs[2 * i], wgs[2 * i + 1], f.lonLat[0], f.lonLat[1]);
        expect(off, f.command).toBeLessThan(TOLERANCE_M);
        expect(Math.hypot(back[2 * i] - f.en[0], back[2 * i + 1] - f.en[1]), f.command).toBeLessThan(TOLERANCE_M);
      });
    });
  }

  it('reads surveyor order (x = northing, y = easting) when axes are swapped', () => {
    const f = points.find((p) => p.city === '韶关' && p.datum === 'cgcs2000' && p.zonePrefix)!;
    const wgs = toWgs84(new Float64Array([f.en[1], f.en[0]]), choiceOf(f, true));
    expect(groundMetres(wgs[0], wgs[1], f.lonLat[0], f.lonLat[1])).toBeLessThan(TOLERANCE_M);
    const back = fromWgs84(new Float64Array(f.lonLat), choiceOf(f, true));
    expect(back[0]).toBeCloseTo(f.en[1], 2);
    expect(back[1]).toBeCloseTo(f.en[0], 2);
  });

  it('local parameters move Xi’an 1980 points by tens of metres compared with the ellipsoid change only', () => {
    const f = points.find((p) => p.datum === 'xian80' && p.towgs84?.some((v) => v !== 0))!;
    const withParams = toWgs84(new Float64Array(f.en), choiceOf(f));
    const without = toWgs84(new Float64Array(f.en), { ...choiceOf(f), towgs84: undefined });
    const shift = groundMetres(withParams[0], withParams[1], without[0], without[1]);
    expect(shift).toBeGreaterThan(10);
    expect(shift).toBeLessThan(500);
  });

  it('turns missing or impossible coordinates into NaN at the same index and converts in place', () => {
    const f = points[0];
    const coords = new Float64Array([NaN, f.en[1], f.en[0], f.en[1], Infinity, 0]);
    toWgs84(coords, choiceOf(f), coords);
    expect(Number.isNaN(coords[0]) && Number.isNaN(coords[1])).toBe(true);
    expect(groundMetres(coords[2], coords[3], f.lonLat[0], f.lonLat[1])).toBeLessThan(TOLERANCE_M);
    expect(Number.isNaN(coords[4]) && Number.isNaN(coords[5])).toBe(true);
  });

  it('refuses an odd-length array rather than dropping the last value', () => {
    expect(() => toWgs84(new Float64Array(3), { kind: 'geographic' })).toThrow(RangeError);
  });
});

describe('saved choices', () => {
  it('round-trip through JSON and are validated field by field', () => {
    const c = choiceOf(points.find((p) => p.datum === 'beijing54' && p.towgs84?.some((v) => v !== 0))!);
    const back = parseCrsChoice(JSON.parse(JSON.stringify(c)));
    expect(back).toEqual({ ok: true, choice: c });
    const wrong = parseCrsChoice({ ...c, centralMeridian: 118 });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.message.zh).toContain('centralMeridian');
    expect(parseCrsChoice({ ...c, towgs84: [1, 2] }).ok).toBe(false);
    expect(parseCrsChoice({ kind: 'utm' }).ok).toBe(false);
  });

  it('are described with zone, meridian and EPSG code in both languages', () => {
    const f = points.find((p) => p.epsg === 4527)!;
    expect(describeCrs(choiceOf(f))).toEqual({
      zh: '2000国家大地坐标系 高斯-克吕格 3°带 第39带（中央经线117°E，带号前缀） EPSG:4527',
      en: 'CGCS2000 Gauss-Krüger 3° zone 39 (CM 117°E, zone prefix) EPSG:4527',
    });
    const bj = points.find((p) => p.epsg === 21453)!;
    expect(describeCrs(choiceOf(bj, true)).zh).toBe('1954北京坐标系 高斯-克吕格 6°带（中央经线75°E，无带号） EPSG:21453，X/Y 互换');
  });
});
