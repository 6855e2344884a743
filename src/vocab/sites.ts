// Candidate sites (可供地 split into the places a project could go): their kinds and how ready
// each is, with labels. The `site_candidates` table (analysis/site-candidates.ts) holds these
// codes; matching, the map and the park panel read them from here.

import type { Label } from './labels';

/** unsupplied: a piece of park land no parcel covers; returning: a supplied parcel coming back; factory: a standard factory with vacant floor. */
export const SITE_KINDS = ['unsupplied', 'returning', 'factory'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/**
 * ready: unsupplied land or a vacant factory; recovered: a returning parcel whose latest tracking
 * stage is 已收回; recovering: disposal 无偿收回 under way; disputed: disposal 协议处置 (the holder
 * must agree first).
 */
export const SITE_READINESS = ['ready', 'recovered', 'recovering', 'disputed'] as const;
export type SiteReadiness = (typeof SITE_READINESS)[number];

export const SITE_KIND_LABELS: Record<SiteKind, Label> = {
  unsupplied: { zh: '未供应土地', en: 'Unsupplied land' },
  returning: { zh: '回收中土地', en: 'Land being taken back' },
  factory: { zh: '标准厂房空置', en: 'Vacant standard-factory floor' },
};

export const SITE_READINESS_LABELS: Record<SiteReadiness, Label> = {
  ready: { zh: '可即供', en: 'Ready' },
  recovered: { zh: '已收回', en: 'Recovered' },
  recovering: { zh: '收回中', en: 'Being recovered' },
  disputed: { zh: '协商中', en: 'Under negotiation' },
};

// 项目选址 (site matching): why a site is excluded and the score components.

export const SITE_EXCLUSION_LABELS: Record<'outside_urban' | 'farmland' | 'redline' | 'land_class' | 'land_use', Label> = {
  outside_urban: { zh: '在城镇开发边界外', en: 'Outside the urban development boundary' },
  farmland: { zh: '在永久基本农田内', en: 'Inside permanent basic farmland' },
  redline: { zh: '在生态保护红线内', en: 'Inside the ecological protection red line' },
  land_class: { zh: '控规用地类别不适合项目类别', en: 'Zoned industrial class does not allow the project’s class' },
  land_use: { zh: '用途与项目不符', en: 'Land use does not suit the project' },
};

export const SITE_SCORE_LABELS: Record<'chain' | 'land' | 'readiness' | 'level' | 'mujun' | 'total', Label> = {
  chain: { zh: '产业链契合', en: 'Chain fit' },
  land: { zh: '用地规模', en: 'Land fit' },
  readiness: { zh: '供地条件', en: 'Readiness' },
  level: { zh: '园区级别', en: 'Park level' },
  mujun: { zh: '周边亩均', en: 'Neighbours’ per-mu' },
  total: { zh: '综合得分', en: 'Total' },
};

/** What a score without data says (a table or column it needs is missing). */
export const NO_DATA: Label = { zh: '无数据', en: 'No data' };
