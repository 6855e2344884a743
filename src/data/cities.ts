// County boundaries for every prefecture-level city, the four municipalities and the
// province-administered county-level units: the index (province → cities), search over it, and
// on-demand loading of one city's file. See data/boundaries/README.md for origin, licence and
// accuracy (AMap data: a base map for demonstration, not official boundaries).
//
// The index (~71 KB) is bundled; each city's file is fetched only when that city is opened,
// through a `fetcher` so the same code runs in the browser (Vite asset URLs, cities-files.ts)
// and in Node (files on disk). In the app: loadCityBoundaries(adcode, fetchCityFileLazily)
// from cities-fetch.ts.

import rawIndex from '../../data/boundaries/cities/index.json';
import { decodeCityFile, type CityCountyCollection } from './cities-format';
import { divisionEnglishName } from '../vocab';

export type CityKind = 'prefecture' | 'municipality' | 'province-administered';

export interface CityEntry {
  /** 6-digit code: the city's code + "00"; a municipality's province code + "0000"; a
   *  province-administered unit's own county code (e.g. 429004 仙桃市). */
  adcode: string;
  /** Official name (德州市, 北京市, 仙桃市, 甘南藏族自治州). */
  name: string;
  /** English name from the pinyin of the proper name (Dezhou, Gannan). */
  nameEn: string;
  /** Toneless pinyin of the whole name as the source spells it, lower case, no spaces. */
  pinyin: string;
  kind: CityKind;
  /** [west, south, east, north] in WGS84 degrees. */
  bbox: [number, number, number, number];
  /** File name under data/boundaries/cities/. */
  file: string;
  /** Number of county-level units in the file. */
  counties: number;
}

export interface ProvinceEntry {
  /** 2-digit province code + "0000". */
  adcode: string;
  name: string;
  nameEn: string;
  pinyin: string;
  cities: CityEntry[];
}

export interface CityIndex {
  version: number;
  source: string;
  divisions: string;
  simplifyToleranceDeg: number;
  provinces: ProvinceEntry[];
}

/** The index with the English names corrected where the generated pinyin is wrong (vocab/places.ts). */
export function withEnglishNames(index: CityIndex): CityIndex {
  return {
    ...index,
    provinces: index.provinces.map((p) => ({
      ...p,
      nameEn: divisionEnglishName(p.adcode, p.nameEn),
      cities: p.cities.map((c) => ({ ...c, nameEn: divisionEnglishName(c.adcode, c.nameEn) })),
    })),
  };
}

export const CITY_INDEX = withEnglishNames(rawIndex as CityIndex);

export interface CityHit {
  province: ProvinceEntry;
  city: CityEntry;
}

/** Lower case, no spaces, apostrophes, hyphens or tone digits: "Shao Guan", "shao2guan1" → "shaoguan". */
function normalise(s: string): string {
  return s.toLowerCase().replace(/[\s'’\-·0-9]/g, '');
}

/** Administrative suffix of a city or province name, so "韶关" finds 韶关市. */
const SUFFIX = /(?:市|地区|盟|自治州|省|自治区|特别行政区)$/u;

/** Lower is better; undefined = no match. */
function score(q: string, province: ProvinceEntry, city: CityEntry): number | undefined {
  const names = [city.name, city.name.replace(SUFFIX, '')];
  const latin = [normalise(city.pinyin), normalise(city.nameEn)];
  if (names.includes(q) || latin.includes(q)) return 0;
  if (names.some((n) => n.startsWith(q)) || latin.some((n) => n.startsWith(q))) return 1;
  if (city.name.includes(q) || latin.some((n) => n.includes(q))) return 2;
  const pNames = [province.name, province.name.replace(SUFFIX, '')];
  const pLatin = [normalise(province.pinyin), normalise(province.nameEn)];
  if (pNames.includes(q) || pLatin.includes(q)) return 3;
  if (pNames.some((n) => n.startsWith(q)) || pLatin.some((n) => n.startsWith(q))) return 4;
  return undefined;
}

/**
 * Cities matching a query by Chinese name (韶关, 韶关市), pinyin or English name (shaoguan,
 * Shao Guan) or province (广东, guangdong: all its cities). Best matches first: exact name, then
 * prefix, then substring, then province; ties in code order. An empty query finds nothing.
 */
export function searchCities(query: string, index: CityIndex = CITY_INDEX): CityHit[] {
  const q = normalise(query.trim());
  if (!q) return [];
  const hits: { hit: CityHit; s: number }[] = [];
  for (const province of index.provinces) {
    for (const city of province.cities) {
      const s = score(q, province, city);
      if (s !== undefined) hits.push({ hit: { province, city }, s });
    }
  }
  hits.sort((a, b) => a.s - b.s || a.hit.city.adcode.localeCompare(b.hit.city.adcode));
  return hits.map((h) => h.hit);
}

/** The index entry of a city by its code, or undefined. */
export function findCity(adcode: string, index: CityIndex = CITY_INDEX): CityHit | undefined {
  for (const province of index.provinces) {
    const city = province.cities.find((c) => c.adcode === adcode);
    if (city) return { province, city };
  }
  return undefined;
}

/** Reads one city file's text by its file name (e.g. "371400.json"). */
export type CityFileFetcher = (file: string) => Promise<string>;

/**
 * Loads a city's county boundaries as GeoJSON with properties `county`, `city`, `adcode`, `seat`
 * (WGS84), like data/boundaries/<region>.geojson. Throws a message naming the file and the
 * county for an unknown city or a malformed file.
 */
export async function loadCityBoundaries(
  adcode: string,
  fetcher: CityFileFetcher,
  index: CityIndex = CITY_INDEX,
): Promise<CityCountyCollection> {
  const hit = findCity(adcode, index);
  if (!hit) throw new Error(`没有代码为 ${adcode} 的城市县区边界`);
  const text = await fetcher(hit.city.file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new Error(`县区边界文件 ${hit.city.file} 不是有效的 JSON`);
  }
  return decodeCityFile(data, hit.city.file);
}
