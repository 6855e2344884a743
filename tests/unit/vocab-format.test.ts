// Money, dates and times as a reader of each language expects them. Times are stored as UTC ISO
// strings and must be shown in local time: the tests fix the time zone explicitly.

import { afterEach, describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatMoney, formatMoneyValue, formatNumber, moneyUnit } from '../../src/vocab';

const savedTz = process.env.TZ;
afterEach(() => {
  process.env.TZ = savedTz;
});

describe('money', () => {
  it('writes 万元 in Chinese and millions of yuan in English', () => {
    expect(formatMoney(447.5, 'zh')).toBe('447.5 万元');
    expect(formatMoney(447.5, 'en')).toBe('CNY 4.475 million');
    expect(formatMoney(12345.6, 'zh')).toBe('12,345.6 万元');
    expect(formatMoney(12345.6, 'en')).toBe('CNY 123.456 million');
  });

  it('gives a bare figure that matches the unit heading', () => {
    expect(`${formatMoneyValue(447.5, 'en')} ${moneyUnit('en')}`).toBe('4.475 CNY million');
    expect(`${formatMoneyValue(447.5, 'zh')} ${moneyUnit('zh')}`).toBe('447.5 万元');
    expect(formatMoneyValue(null, 'en')).toBe('—');
  });

  it('never shows the "10k CNY" unit', () => {
    expect(formatMoney(1, 'en')).not.toMatch(/10k/);
    expect(moneyUnit('en')).not.toMatch(/10k/);
  });

  it('marks missing amounts', () => {
    expect(formatMoney(null, 'en')).toBe('—');
    expect(formatMoney(Number.NaN, 'zh')).toBe('—');
    expect(formatNumber(undefined)).toBe('—');
  });
});

describe('dates', () => {
  it('writes a day as ISO in Chinese and day month year in English', () => {
    expect(formatDate('2026-11-29', 'zh')).toBe('2026-11-29');
    expect(formatDate('2026-11-29', 'en')).toBe('29 Nov 2026');
    expect(formatDate('2022-05-01', 'en')).toBe('1 May 2022');
  });

  it('keeps the stored day whatever the time zone', () => {
    process.env.TZ = 'America/Los_Angeles';
    expect(formatDate('2026-01-01', 'en')).toBe('1 Jan 2026');
    process.env.TZ = 'Asia/Shanghai';
    expect(formatDate('2026-12-31', 'en')).toBe('31 Dec 2026');
  });

  it('returns what is not an ISO day as given, and a dash for nothing', () => {
    expect(formatDate('2026/11/29', 'en')).toBe('2026/11/29');
    expect(formatDate(null, 'zh')).toBe('—');
  });
});

describe('timestamps', () => {
  it('shows a UTC timestamp in the local time zone set by TZ', () => {
    process.env.TZ = 'Asia/Shanghai';
    // 16:30 UTC is 00:30 the next day in Beijing (UTC+8).
    expect(formatDateTime('2026-11-29T16:30:00.000Z', 'zh')).toBe('2026-11-30 00:30');
    expect(formatDateTime('2026-11-29T16:30:00.000Z', 'en')).toBe('30 Nov 2026, 00:30');
    process.env.TZ = 'UTC';
    expect(formatDateTime('2026-11-29T16:30:00.000Z', 'en')).toBe('29 Nov 2026, 16:30');
  });

  it('takes an explicit time zone over the default', () => {
    process.env.TZ = 'UTC';
    expect(formatDateTime('2026-03-01T02:05:00Z', 'en', 'America/New_York')).toBe('28 Feb 2026, 21:05');
  });

  it('returns an unreadable timestamp as given', () => {
    expect(formatDateTime('yesterday', 'en')).toBe('yesterday');
  });
});
