// Turning the text planners type into ledgers into typed values, for the field-mapping step.
// Ledgers are typed by hand in Excel or WPS, so the same date appears as 2023-05-01, 2023/5/1,
// 2023.5.1, 2023年5月1日 or 20230501, and numbers carry thousands separators, full-width digits
// (Chinese IME) and units. Every failure says, in both UI languages, which value was refused
// and why; nothing is guessed silently.

import type { RawCell } from './raw-table';

export type CellParse<T> =
  | { ok: true; value: T }
  | { ok: false; messageZh: string; messageEn: string };

const MAX_QUOTED = 40;

/** A value as quoted in a message: one line, at most 40 characters, so a 3 MB cell cannot flood the report. */
export function quoteForMessage(v: RawCell | undefined): string {
  const s = String(v ?? '').replace(/[\r\n\t]+/g, ' ');
  return s.length > MAX_QUOTED ? `${s.slice(0, MAX_QUOTED)}…` : s;
}

function fail(messageZh: string, messageEn: string): { ok: false; messageZh: string; messageEn: string } {
  return { ok: false, messageZh, messageEn };
}

/**
 * Full-width forms typed with a Chinese IME (０-９, ，．－＋％) and the ideographic space become
 * their ASCII forms; the Unicode block FF01–FF5E is ASCII 21–7E shifted by FEE0.
 */
export function toHalfWidth(s: string): string {
  return s.replace(/[\uff01-\uff5e\u3000]/g, (ch) => (ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0)));
}

function isEmpty(v: RawCell): boolean {
  return v === null || (typeof v === 'string' && v.trim() === '');
}

// ---------------------------------------------------------------- dates

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  return [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Checks a calendar date; null when it exists, else the reason (zh, en). */
function impossibleDate(y: number, m: number, d: number): [string, string] | null {
  if (m < 1 || m > 12) return [`月份 ${m} 不存在`, `month ${m} does not exist`];
  if (d < 1 || d > daysInMonth(y, m)) {
    return [`${y}年${m}月没有${d}日`, `${iso(y, m, 1).slice(0, 7)} has no day ${d}`];
  }
  return null;
}

function civilFromDays(days: number): [number, number, number] {
  // Days since 1970-01-01 to a proleptic Gregorian date (H. Hinnant, "chrono-compatible
  // low-level date algorithms"), exact for every integer without Date's time-zone pitfalls.
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [era * 400 + yoe + (m <= 2 ? 1 : 0), m, d];
}

/** Largest serial Excel accepts (9999-12-31). */
const EXCEL_MAX_SERIAL = 2958465;

/**
 * An Excel serial day number as an ISO date, or null when it names no real day. Excel's 1900
 * system counts 1900-01-01 as day 1 and, copying Lotus 1-2-3, has a 29 February 1900 as day 60
 * that never existed (Microsoft, "Excel incorrectly assumes that the year 1900 is a leap year",
 * KB 214326): serial 60 is refused and serials 1–59 are one day later than a plain count.
 * The 1904 system (old Mac workbooks) counts 1904-01-01 as day 0. A time fraction is dropped.
 */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  const day = Math.floor(serial);
  if (date1904) {
    if (day < 0 || day > EXCEL_MAX_SERIAL - 1462) return null;
    return iso(...civilFromDays(day - 24107)); // 1904-01-01 is day -24107 from 1970-01-01
  }
  if (day < 1 || day === 60 || day > EXCEL_MAX_SERIAL) return null;
  // From day 61 on, serial n is 1899-12-30 + n (1899-12-30 is day -25569 from 1970-01-01);
  // before the phantom 29 February the base is one day later.
  return iso(...civilFromDays(day - 25569 + (day < 60 ? 1 : 0)));
}

/**
 * Serial numbers accepted when a date column holds a bare number (a CSV saved from a sheet whose
 * date format was lost). Restricted to 1930–2099 so that a year such as 2023 or an amount is not
 * read as a day in 1905.
 */
const SERIAL_MIN = 10959; // 1930-01-01
const SERIAL_MAX = 73050; // 2099-12-31

/** Exactly YYYY-MM-DD: what the first pattern below reads as year, month and day. */
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const DATE_PATTERNS: RegExp[] = [
  // 2023-05-01, 2023/5/1, 2023.5.1, optionally followed by a time (Excel's CSV export adds one).
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/,
  // 2023年5月1日, 2023 年 5 月 1 日
  /^(\d{4})\s*(年)\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/,
];

/**
 * A date as ISO `YYYY-MM-DD`; empty cells give null. Accepts 2023-05-01, 2023/5/1, 2023.5.1,
 * 2023年5月1日, 20230501 and Excel serial numbers (1930–2099 when given as a bare number).
 */
export function parseDate(v: RawCell, opts: { date1904?: boolean } = {}): CellParse<string | null> {
  if (typeof v === 'string' && ISO_DATE.test(v)) {
    // The common case, a valid ISO date, without building the messages below (a province's
    // ledger has tens of millions of date cells); anything else takes the full path.
    const y = +v.slice(0, 4);
    const m = +v.slice(5, 7);
    const d = +v.slice(8, 10);
    if (!impossibleDate(y, m, d)) return { ok: true, value: iso(y, m, d) };
  }
  if (isEmpty(v)) return { ok: true, value: null };
  const q = quoteForMessage(v);
  const notDateZh = `“${q}” 不是日期（可用 2023-05-01、2023/5/1、2023年5月1日 或 20230501）`;
  const notDateEn = `"${q}" is not a date (use 2023-05-01, 2023/5/1, 2023年5月1日 or 20230501)`;
  const fromSerial = (n: number): CellParse<string | null> => {
    if (n >= SERIAL_MIN && n <= SERIAL_MAX) {
      const s = excelSerialToIso(n, opts.date1904);
      if (s) return { ok: true, value: s };
    }
    return fail(notDateZh, notDateEn);
  };
  const fromYmd = (y: number, m: number, d: number): CellParse<string | null> => {
    const why = impossibleDate(y, m, d);
    if (why) return fail(`“${q}” 不是有效日期：${why[0]}`, `"${q}" is not a valid date: ${why[1]}`);
    return { ok: true, value: iso(y, m, d) };
  };
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= 19000101 && v <= 29991231) {
      return fromYmd(Math.floor(v / 10000), Math.floor(v / 100) % 100, v % 100);
    }
    return fromSerial(v);
  }
  const s = toHalfWidth(v as string).trim();
  if (/^\d{8}$/.test(s)) return fromYmd(+s.slice(0, 4), +s.slice(4, 6), +s.slice(6, 8));
  if (/^\d{5}(\.\d+)?$/.test(s)) return fromSerial(Number(s));
  for (const re of DATE_PATTERNS) {
    const m = re.exec(s);
    if (m) return fromYmd(+m[1], +m[3], +m[4]);
  }
  return fail(notDateZh, notDateEn);
}

// ---------------------------------------------------------------- numbers

/**
 * Trailing units planners write after amounts and areas, with the canonical unit the mapper
 * converts from (contract: money in 万元, areas in m², see data-contract.md "Conventions").
 * Longer spellings first so that 万元 is not read as 元 nor hm² as m².
 */
const UNIT_SPELLINGS: ReadonlyArray<[string, string]> = [
  ['平方公里', 'km2'],
  ['平方千米', 'km2'],
  ['km²', 'km2'],
  ['km2', 'km2'],
  ['hm²', 'ha'],
  ['hm2', 'ha'],
  ['平方米', 'm2'],
  ['平米', 'm2'],
  ['㎡', 'm2'],
  ['m²', 'm2'],
  ['m2', 'm2'],
  ['公顷', 'ha'],
  ['ha', 'ha'],
  ['亩', 'mu'],
  ['亿元', '亿元'],
  ['万元', '万元'],
  ['千元', '千元'],
  ['元', '元'],
  // A bare 万 / 亿 multiplies the column's own unit (500万 in a 万元 column is 500, in a 元
  // column 5,000,000): returned as such for the mapper to resolve.
  ['万', '万'],
  ['亿', '亿'],
  ['%', '%'],
];

export interface NumberWithUnit {
  value: number;
  /** Canonical unit when the cell carried one: m2, km2, ha, mu, 元, 千元, 万元, 亿元, 万, 亿, %. */
  unit: string | null;
}

const SIMPLE_DECIMAL = /^-?\d{1,15}(?:\.\d{1,15})?$/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED_NUMBER = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;

/**
 * A number with an optional trailing unit; empty cells give null. Accepts thousands separators
 * (11,820.5), full-width digits and commas (１２３，４５６), and units such as 123.4万元, 56亩,
 * 1.2公顷, 800㎡, 25%. A comma that is not a thousands separator (11,82) is refused rather than
 * guessed, since a European decimal comma and a typo look the same.
 */
export function parseNumber(v: RawCell): CellParse<NumberWithUnit | null> {
  if (v === null) return { ok: true, value: null };
  if (typeof v === 'string' && SIMPLE_DECIMAL.test(v)) {
    // The common case without the unit and separator checks below: no unit spelling ends in a
    // digit, so the full path would read the same number.
    const n = Number(v);
    if (Number.isFinite(n)) return { ok: true, value: { value: n, unit: null } };
  }
  if (typeof v === 'number') {
    if (Number.isFinite(v)) return { ok: true, value: { value: v, unit: null } };
    return fail(`“${quoteForMessage(v)}” 不是有限的数`, `"${quoteForMessage(v)}" is not a finite number`);
  }
  let s = toHalfWidth(v).replace(/\u00a0/g, ' ').trim();
  if (s === '') return { ok: true, value: null };
  const q = quoteForMessage(v);
  let unit: string | null = null;
  for (const [spelling, canonical] of UNIT_SPELLINGS) {
    if (s.length > spelling.length && s.toLowerCase().endsWith(spelling)) {
      unit = canonical;
      s = s.slice(0, s.length - spelling.length).trim();
      break;
    }
  }
  if (s.includes(',')) {
    if (!GROUPED_NUMBER.test(s)) {
      return fail(
        `“${q}” 不是数字：逗号只能作千分位分隔符（如 11,820.5）`,
        `"${q}" is not a number: a comma may only separate thousands (e.g. 11,820.5)`,
      );
    }
    s = s.replaceAll(',', '');
  }
  if (!PLAIN_NUMBER.test(s)) {
    return fail(`“${q}” 不是数字`, `"${q}" is not a number`);
  }
  const n = Number(s);
  if (!Number.isFinite(n)) return fail(`“${q}” 超出数值范围`, `"${q}" is out of range`);
  return { ok: true, value: { value: n, unit } };
}

// ---------------------------------------------------------------- booleans

const TRUE_WORDS = new Set(['true', '1', '是', '有', 'yes', 'y']);
const FALSE_WORDS = new Set(['false', '0', '否', '无', 'no', 'n']);

/** true/false, 1/0, 是/否, 有/无 (and yes/no); empty cells give null. */
export function parseBoolean(v: RawCell): CellParse<boolean | null> {
  if (isEmpty(v)) return { ok: true, value: null };
  const s = toHalfWidth(String(v)).trim().toLowerCase();
  if (TRUE_WORDS.has(s)) return { ok: true, value: true };
  if (FALSE_WORDS.has(s)) return { ok: true, value: false };
  const q = quoteForMessage(v);
  return fail(
    `“${q}” 不是是/否值（可用 是/否、有/无、true/false、1/0）`,
    `"${q}" is not a yes/no value (use 是/否, 有/无, true/false or 1/0)`,
  );
}
