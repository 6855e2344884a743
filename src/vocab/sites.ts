// Codes and labels of candidate sites and their matching (项目选址): kinds, readiness, the
// reasons a site is excluded and the score components. Kept in the vocabulary so the panel,
// the comparison page and the .xlsx say the same words.

import type { Label } from './labels';

export const SITE_KINDS = ['unsupplied', 'returning', 'factory'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

export const SITE_KIND_LABELS: Record<SiteKind, Label> = {
  unsupplied: { zh: '园区未供地', en: 'Unsupplied park land' },
  returning: { zh: '收回/处置中宗地', en: 'Returning parcel' },
  factory: { zh: '标准厂房', en: 'Standard factory' },
};

export const SITE_READINESS = ['ready', 'recovered', 'recovering', 'disputed'] as const;
export type SiteReadiness = (typeof SITE_READINESS)[number];

export const SITE_READINESS_LABELS: Record<SiteReadiness, Label> = {
  ready: { zh: '可即供', en: 'Ready' },
  recovered: { zh: '已收回', en: 'Recovered' },
  recovering: { zh: '收回中', en: 'Being recovered' },
  disputed: { zh: '协议处置中', en: 'Under negotiation' },
};

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
