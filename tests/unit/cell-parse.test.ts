import { describe, expect, it } from 'vitest';
import { excelSerialToIso, parseBoolean, parseDate, parseNumber, quoteForMessage } from '../../src/data/formats/cell-parse';

function ok<T>(r: { ok: true; value: T } | { ok: false; messageZh: string; messageEn: string }): T {
  if (!r.ok) throw new Error(`expected success, got: ${r.messageEn}`);
  return r.value;
}

function failure(r: { ok: boolean; messageZh?: string; messageEn?: string }): { zh: string; en: string } {
  expect(r.ok).toBe(false);
  return { zh: r.messageZh ?? '', en: r.messageEn ?? '' };
}

describe('parseDate', () => {
  it.each([
    ['2023-05-01', '2023-05-01'],
    ['2023-5-1', '2023-05-01'],
    ['2023/5/1', '2023-05-01'],
    ['2023/05/01 00:00:00', '2023-05-01'],
    ['2023.5.1', '2023-05-01'],
    ['2023年5月1日', '2023-05-01'],
    ['2023 年 12 月 31 日', '2023-12-31'],
    ['２０２３年５月１日', '2023-05-01'],
    ['20230501', '2023-05-01'],
    ['2024-02-29', '2024-02-29'],
    ['2000-02-29', '2000-02-29'],
    ['45047', '2023-05-01'],
  ])('reads %s as %s', (text, want) => {
    expect(ok(parseDate(text))).toBe(want);
  });

  it('reads typed numbers: yyyymmdd and Excel serials', () => {
    expect(ok(parseDate(20230501))).toBe('2023-05-01');
    expect(ok(parseDate(45047))).toBe('2023-05-01');
    expect(ok(parseDate(45047.75))).toBe('2023-05-01');
  });

  it('gives null for empty cells', () => {
    expect(ok(parseDate(null))).toBeNull();
    expect(ok(parseDate('  '))).toBeNull();
  });

  it.each(['2023-02-29', '1900-02-29', '2023-13-01', '2023/4/31', '20230230', '2023年2月30日'])(
    'refuses the impossible date %s, quoting it',
    (text) => {
      const f = failure(parseDate(text));
      expect(f.zh).toContain(`“${text}”`);
      expect(f.en).toContain(`"${text}"`);
      expect(f.zh).toContain('不是有效日期');
    },
  );

  it.each(['2023', '5/1/2023', '23/5/1', '2023年5月', 'n/a', '2023-05-01x'])('refuses %s as not a date', (text) => {
    const f = failure(parseDate(text));
    expect(f.zh).toContain('不是日期');
    expect(f.en).toContain('is not a date');
  });

  it('refuses a bare year or amount instead of reading it as a serial day in 1905', () => {
    failure(parseDate(2023));
    failure(parseDate(1250.5));
  });

  it('truncates very long values in its message', () => {
    const long = 'x'.repeat(3_000_000);
    const f = failure(parseDate(long));
    expect(f.zh.length).toBeLessThan(200);
    expect(f.zh).toContain(`${'x'.repeat(40)}…`);
  });
});

describe('excelSerialToIso', () => {
  it('counts days from 1900-01-01 = 1 and skips the phantom 1900-02-29 (serial 60)', () => {
    expect(excelSerialToIso(1)).toBe('1900-01-01');
    expect(excelSerialToIso(59)).toBe('1900-02-28');
    expect(excelSerialToIso(60)).toBeNull();
    expect(excelSerialToIso(61)).toBe('1900-03-01');
    expect(excelSerialToIso(36526)).toBe('2000-01-01');
    expect(excelSerialToIso(45047)).toBe('2023-05-01');
    expect(excelSerialToIso(2958465)).toBe('9999-12-31');
    expect(excelSerialToIso(0)).toBeNull();
    expect(excelSerialToIso(2958466)).toBeNull();
  });

  it('counts the 1904 system from 1904-01-01 = 0', () => {
    expect(excelSerialToIso(0, true)).toBe('1904-01-01');
    expect(excelSerialToIso(45047 - 1462, true)).toBe('2023-05-01');
  });
});

describe('parseNumber', () => {
  it.each([
    ['11,820.5', 11820.5, null],
    ['1,234,567', 1234567, null],
    ['-2,500', -2500, null],
    ['１２３，４５６', 123456, null],
    ['１２．５', 12.5, null],
    ['1.5E+03', 1500, null],
    ['.5', 0.5, null],
    ['123.4万元', 123.4, '万元'],
    ['123.4 万元', 123.4, '万元'],
    ['5000元', 5000, '元'],
    ['1.2亿元', 1.2, '亿元'],
    ['56亩', 56, 'mu'],
    ['1.2公顷', 1.2, 'ha'],
    ['1.2hm²', 1.2, 'ha'],
    ['500万', 500, '万'],
    ['3.5亿', 3.5, '亿'],
    ['800㎡', 800, 'm2'],
    ['800m²', 800, 'm2'],
    ['800平方米', 800, 'm2'],
    ['3.5平方公里', 3.5, 'km2'],
    ['25%', 25, '%'],
    ['１２，３４５．６亩', 12345.6, 'mu'],
  ])('reads %s as %d %s', (text, value, unit) => {
    expect(ok(parseNumber(text))).toEqual({ value, unit });
  });

  it('keeps typed numbers and gives null for empty cells', () => {
    expect(ok(parseNumber(11820.5))).toEqual({ value: 11820.5, unit: null });
    expect(ok(parseNumber(null))).toBeNull();
    expect(ok(parseNumber(' '))).toBeNull();
  });

  it.each(['11,82', '1,2,3', '12,3456', ',123'])('refuses the misplaced comma in %s', (text) => {
    const f = failure(parseNumber(text));
    expect(f.zh).toContain('千分位');
    expect(f.zh).toContain(`“${text}”`);
  });

  it.each(['abc', '约123', '12.3.4', '万元', '123 斤', 'NaN', 'Infinity'])('refuses %s', (text) => {
    const f = failure(parseNumber(text));
    expect(f.zh).toContain(`“${text}”`);
    expect(f.en).toContain(`"${text}"`);
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', true], ['TRUE', true], ['1', true], ['是', true], ['有', true], ['yes', true],
    ['false', false], ['False', false], ['0', false], ['否', false], ['无', false], ['no', false],
  ])('reads %s as %s', (text, want) => {
    expect(ok(parseBoolean(text))).toBe(want);
  });

  it('reads typed 1/0 and empty cells', () => {
    expect(ok(parseBoolean(1))).toBe(true);
    expect(ok(parseBoolean(0))).toBe(false);
    expect(ok(parseBoolean(null))).toBeNull();
  });

  it.each(['2', '是的', 'maybe', '√'])('refuses %s with a message quoting it', (text) => {
    const f = failure(parseBoolean(text));
    expect(f.zh).toContain(`“${text}”`);
    expect(f.en).toContain('yes/no');
  });
});

describe('quoteForMessage', () => {
  it('keeps a value on one line', () => {
    expect(quoteForMessage('a\r\nb\tc')).toBe('a b c');
  });
});
