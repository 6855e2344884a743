// How measured lengths and areas read: metres below a kilometre, then km; an area in m², 亩 and
// 公顷 together, since planners quote land in 亩 and plans in 公顷 (1 亩 = 10000/15 m²).

import type { Lang } from '../i18n/dict';
import { M2_PER_HA, UNIT_LABELS, m2ToMu } from '../vocab';

const num = (v: number, digits: number, lang: Lang) =>
  v.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatDistance(m: number, lang: Lang): string {
  return m < 1000 ? `${num(m, m < 100 ? 1 : 0, lang)} m` : `${num(m / 1000, m < 10_000 ? 3 : 2, lang)} km`;
}

export function formatArea(m2: number, lang: Lang): string {
  const sq = UNIT_LABELS.m2[lang];
  return [
    `${num(m2, 0, lang)} ${sq}`,
    `${num(m2ToMu(m2), 2, lang)} ${UNIT_LABELS.mu[lang]}`,
    `${num(m2 / M2_PER_HA, 2, lang)} ${UNIT_LABELS.ha[lang]}`,
  ].join(' · ');
}
