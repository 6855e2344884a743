// Pinyin and English names for the index, taken from the source's file names, which spell each
// province and city in tone-numbered pinyin (shan1_dong1_de2_zhou1 = 山东 德州).

const PROVINCE_SUFFIX = /(?:壮族自治区|回族自治区|维吾尔自治区|自治区|省|市)$/u;
/** Peoples named in autonomous prefectures and counties (白沙黎族自治县, 博尔塔拉蒙古自治州). */
const PEOPLES =
  '黎|苗|藏|回|蒙古|土家|壮|彝|傣|景颇|傈僳|白|哈尼|布依|侗|朝鲜|羌|哈萨克|柯尔克孜|维吾尔|满|畲|瑶|仡佬|水|毛南|仫佬|纳西|拉祜|佤|普米|独龙|怒|东乡|保安|撒拉|土|裕固|锡伯|达斡尔|鄂温克|鄂伦春|塔吉克|各';
/** Some names drop 族 (巴音郭楞蒙古自治州, 克孜勒苏柯尔克孜自治州); 水 alone is a place (陵水). */
export const AUTONOMOUS_SUFFIX = new RegExp(`(?:(?:${PEOPLES})族|蒙古|哈萨克|柯尔克孜)+自治[州县旗]$`, 'u');
const CITY_SUFFIX = /(?:地区|林区|盟|市|县)$/u;

/** Proper name without the administrative suffix: 广西壮族自治区 → 广西, 甘南藏族自治州 → 甘南. */
export function properName(name: string, kind: 'province' | 'city'): string {
  const s =
    kind === 'province' ? name.replace(PROVINCE_SUFFIX, '') : name.replace(AUTONOMOUS_SUFFIX, '') === name ? name.replace(CITY_SUFFIX, '') : name.replace(AUTONOMOUS_SUFFIX, '');
  return s.length > 0 ? s : name;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const toneless = (tokens: string[]) => tokens.map((t) => t.replace(/[0-9]/g, '')).join('');

/** Conventional spellings toneless pinyin cannot tell apart (陕西 vs 山西), and the source's
 *  misreading of 藏 as cang in xi1_cang2. */
const PROVINCE_EN: Record<string, string> = { 陕西省: 'Shaanxi', 西藏自治区: 'Xizang', 内蒙古自治区: 'Inner Mongolia' };
const PROVINCE_PINYIN: Record<string, string> = { 西藏自治区: 'xizang' };

export interface SplitName {
  provincePinyin: string;
  provinceEn: string;
  cityPinyin: string;
  cityEn: string;
}

/**
 * Splits a source file name into province and city pinyin. One syllable per Chinese character,
 * so the province takes as many tokens as its proper name has characters. The municipalities'
 * files are named without tones (beijing.geojson) and hold the whole municipality.
 */
export function splitFileName(file: string, provinceName: string, cityName: string): SplitName {
  const base = file.replace(/\.geojson$/, '');
  const pProper = properName(provinceName, 'province');
  if (!base.includes('_')) {
    const en = capitalise(base);
    return { provincePinyin: base, provinceEn: en, cityPinyin: base, cityEn: en };
  }
  const tokens = base.split('_');
  const pTokens = tokens.slice(0, pProper.length);
  const cTokens = tokens.slice(pProper.length);
  const cProperLen = properName(cityName, 'city').length;
  return {
    provincePinyin: PROVINCE_PINYIN[provinceName] ?? toneless(pTokens),
    provinceEn: PROVINCE_EN[provinceName] ?? capitalise(toneless(pTokens)),
    cityPinyin: toneless(cTokens),
    cityEn: capitalise(toneless(cTokens.slice(0, Math.min(cProperLen, cTokens.length)))),
  };
}
