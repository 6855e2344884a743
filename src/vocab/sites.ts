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
