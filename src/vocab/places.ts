// English names of places: Hanyu Pinyin of the proper name, without tones, syllables run
// together (GB/T 16159-2012 《汉语拼音正词法基本规则》 §6.3; place names per 《中国地名汉语拼音字母拼写规则
// （汉语地名部分）》), with an apostrophe where a syllable starting with a, o or e would otherwise
// read ambiguously (Xi'an, Lu'an). Polyphonic characters take the reading fixed for the place:
// 乐陵 Leling, 乐昌 Lechang (乐 = lè, not yuè/lào); 长治 Changzhi (cháng); 厦门 Xiamen (xià);
// 六安 Lu'an (lù); 蚌埠 Bengbu (bèng); 漯河 Luohe (luò); 朝阳 Chaoyang (cháo); 吕梁 Lüliang.
// Names in Mongolian, Uyghur and Tibetan take their official transcription (《少数民族语地名汉语拼音
// 字母音译转写法》, 1976): Hohhot, Urumqi, Lhasa …

import type { Lang } from './labels';

export type CountyKind = 'district' | 'county' | 'city' | 'autonomous-county';

export interface CountyRomanisation {
  /** Proper name in pinyin (Leling). */
  readonly en: string;
  readonly kind: CountyKind;
  /** The full name when it is more than name + kind (an autonomous county names its people). */
  readonly fullEn?: string;
}

/**
 * The counties and districts of the three demo regions (德州, 韶关, 兰州), keyed by their official
 * Chinese name as in data/boundaries/<region>.geojson.
 */
export const DEMO_COUNTY_NAMES: Readonly<Record<string, CountyRomanisation>> = {
  // 德州市
  德城区: { en: 'Decheng', kind: 'district' },
  陵城区: { en: 'Lingcheng', kind: 'district' },
  宁津县: { en: 'Ningjin', kind: 'county' },
  庆云县: { en: 'Qingyun', kind: 'county' },
  临邑县: { en: 'Linyi', kind: 'county' },
  齐河县: { en: 'Qihe', kind: 'county' },
  平原县: { en: 'Pingyuan', kind: 'county' },
  夏津县: { en: 'Xiajin', kind: 'county' },
  武城县: { en: 'Wucheng', kind: 'county' },
  乐陵市: { en: 'Leling', kind: 'city' },
  禹城市: { en: 'Yucheng', kind: 'city' },
  // 韶关市
  武江区: { en: 'Wujiang', kind: 'district' },
  浈江区: { en: 'Zhenjiang', kind: 'district' },
  曲江区: { en: 'Qujiang', kind: 'district' },
  始兴县: { en: 'Shixing', kind: 'county' },
  仁化县: { en: 'Renhua', kind: 'county' },
  翁源县: { en: 'Wengyuan', kind: 'county' },
  乳源瑶族自治县: { en: 'Ruyuan', kind: 'autonomous-county', fullEn: 'Ruyuan Yao Autonomous County' },
  新丰县: { en: 'Xinfeng', kind: 'county' },
  乐昌市: { en: 'Lechang', kind: 'city' },
  南雄市: { en: 'Nanxiong', kind: 'city' },
  // 兰州市
  城关区: { en: 'Chengguan', kind: 'district' },
  七里河区: { en: 'Qilihe', kind: 'district' },
  西固区: { en: 'Xigu', kind: 'district' },
  安宁区: { en: 'Anning', kind: 'district' },
  红古区: { en: 'Honggu', kind: 'district' },
  永登县: { en: 'Yongdeng', kind: 'county' },
  皋兰县: { en: 'Gaolan', kind: 'county' },
  榆中县: { en: 'Yuzhong', kind: 'county' },
};

const KIND_EN: Record<CountyKind, string> = {
  district: 'District',
  county: 'County',
  city: 'City',
  'autonomous-county': 'Autonomous County',
};

/**
 * A county or district's name in the UI language: the Chinese name in Chinese; in English its
 * pinyin (short: "Leling"; full: "Leling City"). A name without a known romanisation (a
 * planner's own data) is shown as written, never dropped.
 */
export function countyName(name: string, lang: Lang, form: 'short' | 'full' = 'short'): string {
  if (lang === 'zh') return name;
  const r = DEMO_COUNTY_NAMES[name];
  if (!r) return name;
  return form === 'full' ? (r.fullEn ?? `${r.en} ${KIND_EN[r.kind]}`) : r.en;
}

/**
 * English names of cities and provinces whose generated name in the boundary index is wrong:
 * a polyphonic character read the common way (厦门 "Shamen"), a missing syllable apostrophe
 * (西安 "Xian" reads as one syllable), or a minority-language name spelt from its Chinese
 * characters (呼和浩特 "Huhehaote"). Keyed by the 6-digit division code (GB/T 2260).
 */
export const DIVISION_ENGLISH_NAMES: Readonly<Record<string, string>> = {
  // polyphonic characters
  '340300': 'Bengbu', // 蚌埠 bèng
  '341500': "Lu'an", // 六安 lù
  '350200': 'Xiamen', // 厦门 xià
  '411100': 'Luohe', // 漯河 luò
  '211300': 'Chaoyang', // 朝阳 cháo
  '141100': 'Lüliang', // 吕梁 lǚ
  // syllable apostrophes
  '320800': "Huai'an",
  '340500': "Ma'anshan",
  '360800': "Ji'an",
  '370900': "Tai'an",
  '469021': "Ding'an",
  '511600': "Guang'an",
  '511800': "Ya'an",
  '530800': "Pu'er",
  '610100': "Xi'an",
  '610600': "Yan'an",
  '152200': "Xing'an",
  // Mongolian names (official transcription)
  '150100': 'Hohhot',
  '150600': 'Ordos',
  '150700': 'Hulunbuir',
  '150800': 'Bayannur',
  '150900': 'Ulanqab',
  '152500': 'Xilingol',
  '152900': 'Alxa',
  '230100': 'Harbin',
  '230200': 'Qiqihar',
  '232700': 'Da Hinggan Ling',
  // Tibetan names
  '540100': 'Lhasa',
  '540200': 'Shigatse',
  '540300': 'Qamdo',
  '540400': 'Nyingchi',
  '540600': 'Nagqu',
  '542500': 'Ngari',
  // Uyghur and Kazakh names
  '650100': 'Urumqi',
  '650200': 'Karamay',
  '650400': 'Turpan',
  '652700': 'Bortala',
  '652800': 'Bayingolin',
  '652900': 'Aksu',
  '653000': 'Kizilsu',
  '653100': 'Kashgar',
  '653200': 'Hotan',
  '654000': 'Ili',
  '654300': 'Altay',
  '659002': 'Aral',
  '659003': 'Tumxuk',
  '659008': 'Kokdala',
};

/** A division's English name: the correction above when there is one, else the generated name. */
export function divisionEnglishName(adcode: string, generated: string): string {
  return DIVISION_ENGLISH_NAMES[adcode] ?? generated;
}
