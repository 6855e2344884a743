// English county and city names: every county of the three demo regions has a pinyin name, the
// polyphonic characters take the place's reading (乐陵 Leling, not Laoling), and the city index
// shows corrected names (厦门 Xiamen, 六安 Lu'an) that the city search also finds.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCity, searchCities } from '../../src/data/cities';
import { DEMO_COUNTY_NAMES, countyName } from '../../src/vocab';

const ROOT = join(__dirname, '..', '..');
const boundaryCounties = (region: string): string[] =>
  JSON.parse(readFileSync(join(ROOT, 'data', 'boundaries', `${region}.geojson`), 'utf8')).features.map(
    (f: { properties: { county: string } }) => f.properties.county,
  );
const enterpriseCounties = (region: string): string[] =>
  readFileSync(join(ROOT, 'data', 'demo', region, 'enterprises.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',')[2]);

describe('countyName', () => {
  it.each(['dezhou', 'shaoguan', 'lanzhou'])('gives every county of %s a Latin name in English', (region) => {
    const names = new Set([...boundaryCounties(region), ...enterpriseCounties(region)]);
    for (const name of names) {
      const en = countyName(name, 'en');
      expect(en, name).not.toBe(name);
      expect(en, name).toMatch(/^[A-Z][a-zü']+$/);
    }
  });

  it('reads 乐 in county names as lè (Leling, Lechang), never yuè or lào', () => {
    expect(countyName('乐陵市', 'en')).toBe('Leling');
    expect(countyName('乐昌市', 'en')).toBe('Lechang');
    expect(countyName('乐陵市', 'en', 'full')).toBe('Leling City');
  });

  it('names the kind of division in the full form', () => {
    expect(countyName('德城区', 'en', 'full')).toBe('Decheng District');
    expect(countyName('宁津县', 'en', 'full')).toBe('Ningjin County');
    expect(countyName('乳源瑶族自治县', 'en', 'full')).toBe('Ruyuan Yao Autonomous County');
  });

  it('keeps the Chinese name in Chinese and an unknown name as written', () => {
    expect(countyName('乐陵市', 'zh')).toBe('乐陵市');
    expect(countyName('某某县', 'en')).toBe('某某县');
  });

  it('uses distinct English names within a region', () => {
    for (const region of ['dezhou', 'shaoguan', 'lanzhou']) {
      const en = boundaryCounties(region).map((c) => DEMO_COUNTY_NAMES[c].en);
      expect(new Set(en).size, region).toBe(en.length);
    }
  });
});

describe('city English names', () => {
  it('reads polyphonic characters as the place does', () => {
    expect(findCity('350200')?.city.nameEn).toBe('Xiamen');
    expect(findCity('340300')?.city.nameEn).toBe('Bengbu');
    expect(findCity('411100')?.city.nameEn).toBe('Luohe');
    expect(findCity('140400')?.city.nameEn).toBe('Changzhi');
  });

  it("separates syllables with an apostrophe where they would run together (Lu'an, Xi'an)", () => {
    expect(findCity('341500')?.city.nameEn).toBe("Lu'an");
    expect(findCity('610100')?.city.nameEn).toBe("Xi'an");
  });

  it('finds a city by its corrected English name', () => {
    expect(searchCities('Xiamen')[0]?.city.name).toBe('厦门市');
    expect(searchCities("Lu'an")[0]?.city.name).toBe('六安市');
    expect(searchCities('Hohhot')[0]?.city.name).toBe('呼和浩特市');
  });
});
