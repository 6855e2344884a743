// 项目选址 (site matching, site-match.ts). Kept apart from RuleSettings: a matching weight
// changes the ranking only, never the findings, so it must not trigger a re-run of the land
// rules. No statute sets these numbers; every default is a method choice stated with its reason.

import type { SettingMeta } from './settings';

export interface MatchSettings {
  /** Weight of chain fit (leading chains of the park; suppliers and customers nearby). */
  matchChainWeight: number;
  /** Weight of land fit (the site's area, or a factory's vacant floor, against the need). */
  matchLandWeight: number;
  /** Weight of readiness (ready > recovered > recovering > disputed). */
  matchReadinessWeight: number;
  /** Weight of park level (national > provincial > municipal > county). */
  matchLevelWeight: number;
  /** Weight of the 亩均 profile of the neighbours (share of A/B enterprises nearby). */
  matchMujunWeight: number;
  /** Default distance, km, within which suppliers, customers and neighbours count. */
  matchDistanceKm: number;
  /** Suppliers plus customers nearby that give the full partner half of chain fit. */
  matchPartnersFull: number;
}

export const DEFAULT_MATCH_SETTINGS: MatchSettings = {
  // Chain fit first: 链长制 and 产业链招商 place a project where its chain already is (shared
  // suppliers, customers, labour), and that is the one thing a site cannot be made to have later.
  matchChainWeight: 0.3,
  // Land fit next: a site far too small fails the project outright, one far too big wastes land.
  matchLandWeight: 0.25,
  // Readiness: land still in dispute may take years (协议处置), which loses the project.
  matchReadinessWeight: 0.2,
  // The 亩均 profile of neighbours says whether the surroundings are productive.
  matchMujunWeight: 0.15,
  // Park level matters least: it brings policy and services, but every level can host a project.
  matchLevelWeight: 0.1,
  // 15 km: about a quarter of an hour by road, the distance within which a supplier can deliver
  // several times a day (just-in-time), the usual sense of 就近配套.
  matchDistanceKm: 15,
  // Five partners nearby already make a local supply base; more adds little to a site's case.
  matchPartnersFull: 5,
};

export type MatchSettingKey = keyof MatchSettings;
export type MatchSettingMeta = Omit<SettingMeta, 'key'> & { key: MatchSettingKey };

const MATCH_WEIGHT_ZH = '方法设定（非法规），各项权重按可用得分归一：';
const MATCH_WEIGHT_EN = 'Method choice (not a rule); weights are normalised over the scores available: ';

export const MATCH_WEIGHT_KEYS = [
  'matchChainWeight',
  'matchLandWeight',
  'matchReadinessWeight',
  'matchLevelWeight',
  'matchMujunWeight',
] as const satisfies readonly MatchSettingKey[];

export const MATCH_SETTING_META: readonly MatchSettingMeta[] = [
  {
    key: 'matchChainWeight', labelZh: '产业链契合权重', labelEn: 'Chain fit weight', unitZh: '', unitEn: '',
    min: 0, max: 1, step: 0.05,
    sourceZh: `${MATCH_WEIGHT_ZH}产业链招商、链长制以链定址，上下游就近配套是地块事后补不来的条件，取 0.3（最高）`,
    sourceEn: `${MATCH_WEIGHT_EN}chain-led promotion places a project where its chain is; nearby suppliers and customers cannot be added to a site later, so 0.3 (highest)`,
  },
  {
    key: 'matchLandWeight', labelZh: '用地规模契合权重', labelEn: 'Land fit weight', unitZh: '', unitEn: '',
    min: 0, max: 1, step: 0.05,
    sourceZh: `${MATCH_WEIGHT_ZH}面积过小项目落不下，过大浪费土地，取 0.25`,
    sourceEn: `${MATCH_WEIGHT_EN}too small a site fails the project, too large wastes land; 0.25`,
  },
  {
    key: 'matchReadinessWeight', labelZh: '供地条件权重', labelEn: 'Readiness weight', unitZh: '', unitEn: '',
    min: 0, max: 1, step: 0.05,
    sourceZh: `${MATCH_WEIGHT_ZH}尚在协议处置或收回中的土地可能拖延数年，取 0.2`,
    sourceEn: `${MATCH_WEIGHT_EN}land still in negotiation or recovery may take years; 0.2`,
  },
  {
    key: 'matchLevelWeight', labelZh: '园区级别权重', labelEn: 'Park level weight', unitZh: '', unitEn: '',
    min: 0, max: 1, step: 0.05,
    sourceZh: `${MATCH_WEIGHT_ZH}级别带来政策与服务，但各级园区均可承接项目，取 0.1（最低）`,
    sourceEn: `${MATCH_WEIGHT_EN}a higher level brings policy and services, but every level can host a project; 0.1 (lowest)`,
  },
  {
    key: 'matchMujunWeight', labelZh: '周边亩均效益权重', labelEn: 'Neighbours’ per-mu performance weight', unitZh: '', unitEn: '',
    min: 0, max: 1, step: 0.05,
    sourceZh: `${MATCH_WEIGHT_ZH}周边 A/B 类企业占比反映所在区域的产出水平，取 0.15`,
    sourceEn: `${MATCH_WEIGHT_EN}the share of class A/B enterprises nearby shows how productive the surroundings are; 0.15`,
  },
  {
    key: 'matchDistanceKm', labelZh: '配套距离（默认）', labelEn: 'Partner distance (default)', unitZh: '公里', unitEn: 'km',
    min: 1, max: 200, step: 1,
    sourceZh: '方法设定（非法规）：约一刻钟车程，供应商一天可多次送货（就近配套）；供应商、客户与周边企业按直线（大圆）距离计',
    sourceEn: 'Method choice (not a rule): about a quarter of an hour by road, close enough for several deliveries a day; suppliers, customers and neighbours are counted by great-circle distance',
  },
  {
    key: 'matchPartnersFull', labelZh: '配套企业满分家数', labelEn: 'Partners for a full score', unitZh: '家', unitEn: 'firms',
    min: 1, max: 100, step: 1, integer: true,
    sourceZh: '方法设定（非法规）：距离内上游供应商与下游客户合计达到此数即得满分（已成配套基础），不足按比例计',
    sourceEn: 'Method choice (not a rule): this many suppliers and customers within the distance give the full score (a local supply base); fewer count pro rata',
  },
];

/** Merges an untrusted partial over `base`; out-of-range or unknown values are refused and named. */
export function mergeMatchSettings(
  partial: unknown,
  base: MatchSettings = DEFAULT_MATCH_SETTINGS,
): { settings: MatchSettings; errors: string[] } {
  const settings: MatchSettings = { ...base };
  const errors: string[] = [];
  if (partial === null || typeof partial !== 'object' || Array.isArray(partial)) {
    return { settings, errors: ['选址设置必须是一个 JSON 对象'] };
  }
  for (const [key, value] of Object.entries(partial as Record<string, unknown>)) {
    const meta = MATCH_SETTING_META.find((m) => m.key === key);
    if (!meta) {
      errors.push(`未知的选址设置项 “${key}”`);
      continue;
    }
    if (typeof value !== 'number' || !Number.isFinite(value) || value < meta.min || value > meta.max || (meta.integer && !Number.isInteger(value))) {
      errors.push(`选址设置项 “${key}”（${meta.labelZh}）应为 ${meta.min}–${meta.max} 之间的${meta.integer ? '整数' : '数'}，实际为 ${JSON.stringify(value)}`);
      continue;
    }
    settings[meta.key] = value;
  }
  if (!(MATCH_WEIGHT_KEYS.reduce((t, k) => t + settings[k], 0) > 0)) {
    errors.push('选址各项权重不能全为 0，已保留原权重');
    for (const k of MATCH_WEIGHT_KEYS) settings[k] = base[k];
  }
  return { settings, errors };
}
