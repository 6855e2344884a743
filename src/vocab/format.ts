// How numbers, money and dates are written in the UI, in one place. The stored values keep the
// data contract's units (v2, conventions: money in 万元, dates ISO `YYYY-MM-DD`, tracking
// timestamps UTC ISO); only what a person reads changes with the language.
//
// Money: Chinese readers count in 万元, English readers in millions, so English shows
// "CNY 4.475 million" for 447.5 万元 (1 million = 100 万) rather than a "10k CNY" unit nobody
// uses. Dates: Chinese keeps ISO 2026-11-29 (what the date inputs and the rule explanations
// show); English writes 29 Nov 2026 (day month year, as British and international usage).

import type { Lang } from './labels';

/** 万元 per million yuan. */
export const WAN_PER_MILLION = 100;

const NUMBER_LOCALE: Record<Lang, string> = { zh: 'zh-CN', en: 'en-GB' };

/** A number with thousands separators and at most `digits` decimals; "—" when missing. */
export function formatNumber(v: number | null | undefined, digits = 1, lang: Lang = 'zh'): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return v.toLocaleString(NUMBER_LOCALE[lang], { minimumFractionDigits: 0, maximumFractionDigits: digits });
}

/** The money unit for a column or axis title: 万元 / CNY million. */
export function moneyUnit(lang: Lang): string {
  return lang === 'zh' ? '万元' : 'CNY million';
}

/** An amount in 万元 expressed in moneyUnit(lang). */
export function moneyInUnit(wan: number, lang: Lang): number {
  return lang === 'zh' ? wan : wan / WAN_PER_MILLION;
}

/**
 * An amount given in 万元, written for reading: "447.5 万元" / "CNY 4.475 million". English keeps
 * two more decimals so the same precision survives the division by 100.
 */
export function formatMoney(wan: number | null | undefined, lang: Lang, digits = 1): string {
  if (wan === null || wan === undefined || !Number.isFinite(wan)) return '—';
  if (lang === 'zh') return `${formatNumber(wan, digits, 'zh')} 万元`;
  return `CNY ${formatNumber(moneyInUnit(wan, 'en'), digits + 2, 'en')} million`;
}

/** A money figure without its unit, for a cell under a moneyUnit(lang) heading. */
export function formatMoneyValue(wan: number | null | undefined, lang: Lang, digits = 1): string {
  if (wan === null || wan === undefined || !Number.isFinite(wan)) return '—';
  return formatNumber(moneyInUnit(wan, lang), lang === 'zh' ? digits : digits + 2, lang);
}

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * A calendar day (ISO `YYYY-MM-DD`, as stored) for reading: zh 2026-11-29, en 29 Nov 2026.
 * Read field by field, never through Date, so no time zone can move the day. Anything that is
 * not an ISO day is returned as given; null → "—".
 */
export function formatDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.slice(0, 10));
  if (!m) return iso;
  if (lang === 'zh') return `${m[1]}-${m[2]}-${m[3]}`;
  const month = MONTHS_EN[Number(m[2]) - 1];
  return month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/**
 * A UTC instant (ISO timestamp, e.g. a tracking record's recorded_at) in the reader's local time:
 * zh 2026-11-29 22:50, en 29 Nov 2026, 22:50. `timeZone` defaults to the browser's.
 */
export function formatDateTime(utcIso: string | null | undefined, lang: Lang, timeZone?: string): string {
  if (!utcIso) return '—';
  const d = new Date(utcIso);
  if (Number.isNaN(d.getTime())) return utcIso;
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(d);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${get('year')}-${get('month')}-${get('day')}`;
  return `${formatDate(day, lang)}${lang === 'zh' ? ' ' : ', '}${get('hour')}:${get('minute')}`;
}

/** Punctuation that differs between the languages: full-width in Chinese, ASCII and a space in English. */
export const PUNCTUATION: Record<Lang, { colon: string; list: string; semicolon: string }> = {
  zh: { colon: '：', list: '、', semicolon: '；' },
  en: { colon: ': ', list: ', ', semicolon: '; ' },
};
