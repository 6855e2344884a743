// Settings of the park-layout review (园区布局): park clusters and county overlap. They sit
// beside the rule settings (settings.ts) and are described the same way — default, range and
// where the default comes from — so the panels and the saved state treat them alike.

import type { SettingMeta } from './settings';

// ---------------------------------------------------------------------------------------
// Park clusters (park-clusters.ts)

export type ClusterDistanceMethod = 'boundary' | 'centroid';

export interface ClusterSettings {
  /** Neighbourhood radius: parks at most this far apart (km) are neighbours (≤, inclusive). */
  epsKm: number;
  /** A park with at least this many parks within epsKm (itself included) seeds a cluster. */
  minParks: number;
  /** `boundary`: shortest distance between park outlines; `centroid`: between centroids. */
  method: ClusterDistanceMethod;
  /** A chain is a park's main industry (主业) when it has at least this share of the park's chain firms. */
  mainChainShare: number;
}

// 30 km: under half an hour by expressway/provincial road between park gates, the radius
// within which parks can share a supplier base, a labour market and a logistics hub. On the
// 德州 demo it joins the 宁津–乐陵–庆云 belt (gaps ≤ 24 km) without reaching 德城区 (≥ 43 km);
// at 35 km the western parks chain step by step into one 8-county group too loose to promote.
// minParks 2: a 组团 is any two or more parks; with 2, DBSCAN is single linkage at epsKm.
// Boundary distance: large parks' centroids are far apart even when their edges touch.
// mainChainShare 0.25: a chain with a quarter of a park's chain firms is one of its two or three
// main lines of business; below that it is a few stray firms, and on the demo data every park
// has a stray firm on every chain, which is why "any firm on a common chain" marked every
// cross-county cluster as a 组团招商 candidate (cluster-promotion.ts).
export const DEFAULT_CLUSTER_SETTINGS: ClusterSettings = { epsKm: 30, minParks: 2, method: 'boundary', mainChainShare: 0.25 };

export type ClusterSettingMeta = Omit<SettingMeta, 'key'> & { key: 'epsKm' | 'minParks' | 'mainChainShare' };

export const CLUSTER_SETTING_META: readonly ClusterSettingMeta[] = [
  {
    key: 'epsKm', labelZh: '组团距离阈值', labelEn: 'Cluster distance', unitZh: '公里', unitEn: 'km',
    min: 1, max: 100, step: 1,
    sourceZh: '约半小时车程：园区间可共享配套企业、劳动力与物流枢纽；距离不超过阈值即为相邻（含等于）',
    sourceEn: 'About half an hour by road: parks can share suppliers, labour and logistics; parks at most this far apart are neighbours',
  },
  {
    key: 'minParks', labelZh: '组团最少园区数', labelEn: 'Minimum parks per cluster', unitZh: '个', unitEn: 'parks',
    min: 2, max: 10, step: 1, integer: true,
    sourceZh: '两个及以上园区即可组团；阈值内园区数（含自身）达到该值的园区作为组团核心',
    sourceEn: 'Two or more parks make a cluster; a park with this many parks within the distance (itself included) is a core park',
  },
  {
    key: 'mainChainShare', labelZh: '主业占比阈值', labelEn: 'Main-chain share', unitZh: '（0–1）', unitEn: '(0–1)',
    min: 0.05, max: 1, step: 0.05,
    sourceZh: '某产业链企业数占园区产业链企业的比例不低于该值，即为该园区主业；不同县区园区主业相同或上下游相接，组团才列为招商候选',
    sourceEn: 'A chain with at least this share of a park’s chain firms is one of its main industries; a cluster is a joint-promotion candidate only when parks in different counties share a main chain or link as supplier and customer',
  },
];

export const CLUSTER_METHOD_META: readonly { value: ClusterDistanceMethod; labelZh: string; labelEn: string }[] = [
  { value: 'boundary', labelZh: '边界最近距离', labelEn: 'Nearest boundary distance' },
  { value: 'centroid', labelZh: '中心点距离', labelEn: 'Centroid distance' },
];

// ---------------------------------------------------------------------------------------
// County overlap (county-overlap.ts)

export interface OverlapSettings {
  /** Pairs with an overlap index at or above this are listed as high overlap. */
  highOverlap: number;
}

// 0.7: cosine 0.7 means the two profiles are within ~45° — most of what one county produces
// lies in nodes the other also relies on, clearly 同质化竞争 rather than a shared sideline.
// (At 0.5 two-thirds of the 德州 demo's pairs are flagged, which tells a leader nothing.)
export const DEFAULT_OVERLAP_SETTINGS: OverlapSettings = { highOverlap: 0.7 };

export type OverlapSettingMeta = Omit<SettingMeta, 'key'> & { key: 'highOverlap' };

export const OVERLAP_SETTING_META: readonly OverlapSettingMeta[] = [
  {
    key: 'highOverlap', labelZh: '高度同质化阈值', labelEn: 'High-overlap threshold', unitZh: '（0–1）', unitEn: '(0–1)',
    min: 0, max: 1, step: 0.05,
    sourceZh: '重合指数不低于该值的县区两两列为高度同质化；0.7 约为产业结构大部分相同',
    sourceEn: 'County pairs with an overlap index at or above this are flagged; 0.7 ≈ most of the structure in common',
  },
];
