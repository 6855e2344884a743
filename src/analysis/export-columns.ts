// The building blocks of the export's sheet queries: a column is an SQL expression, a header in
// the user's language (carrying its unit) and a display format. Codes are spelled out with the
// vocabulary's labels in that language, bound as parameters, so the browser, the CLI and the
// tests read the very same text. Numbers are rounded here, once, so the CSV and the workbook
// show the same values.

import { type Query, ident, join, sql } from '../data/sql';
import { CODE_FAMILIES, type FamilyName, type Lang, YES_NO, displayLabel, muSql } from '../vocab';

export type CellValue = string | number | null;

/**
 * How a column is shown: `text`; `integer`; `mu` 亩 (2 decimals); `wan` 万元 (2 decimals);
 * `decimal` (2 decimals, e.g. plot ratio); `percent` a number already × 100 (1 decimal);
 * `score` (4 decimals). Dates are ISO text.
 */
export type ColumnFormat = 'text' | 'integer' | 'mu' | 'wan' | 'decimal' | 'percent' | 'score';

export const FORMAT_DIGITS: Record<ColumnFormat, number | null> = {
  text: null,
  integer: 0,
  mu: 2,
  wan: 2,
  decimal: 2,
  percent: 1,
  score: 4,
};

export interface ExportTable {
  /** Sheet name (also the CSV file's base name). */
  name: string;
  headers: string[];
  formats: ColumnFormat[];
  rows: CellValue[][];
}

export interface SheetQuery {
  name: string;
  query: Query;
  formats: ColumnFormat[];
}

/** A header in both languages: [中文, English]. */
export type Header = readonly [string, string];

export interface Col {
  header: string;
  expr: Query;
  format: ColumnFormat;
}

/** `alias.column`. */
export const col = (alias: string, name: string) => sql`${ident(alias)}.${ident(name)}`;

/** The column builders of one language. */
export function columnsIn(lang: Lang) {
  const pick = (h: Header) => (lang === 'zh' ? h[0] : h[1]);
  /** One code family's labels in this language, code → label. */
  const labels = (family: FamilyName): Record<string, string> => {
    const f = CODE_FAMILIES[family];
    return Object.fromEntries(f.codes.map((c) => [c, displayLabel(family, c, lang)]));
  };
  const num = (h: Header, expr: Query, format: Exclude<ColumnFormat, 'text'>): Col => ({
    header: pick(h),
    expr:
      format === 'integer'
        ? sql`CAST(round(${expr}) AS INTEGER)`
        : sql`round(CAST(${expr} AS DOUBLE), CAST(${FORMAT_DIGITS[format] ?? 2} AS INTEGER))`,
    format,
  });
  return {
    lang,
    pick,
    text: (h: Header, expr: Query): Col => ({ header: pick(h), expr, format: 'text' }),
    date: (h: Header, expr: Query): Col => ({ header: pick(h), expr: sql`CAST(CAST(${expr} AS DATE) AS VARCHAR)`, format: 'text' }),
    num,
    yesNo: (h: Header, expr: Query): Col => ({
      header: pick(h),
      expr: sql`CASE WHEN ${expr} IS NULL THEN NULL WHEN ${expr} THEN ${YES_NO.yes[lang]} ELSE ${YES_NO.no[lang]} END`,
      format: 'text',
    }),
    mu: (alias: string) => num(['面积(亩)', 'Area (mu)'], muSql(col(alias, 'area_m2')), 'mu'),
    /** `CASE expr WHEN code THEN label … ELSE expr END`, codes and labels bound as parameters. */
    labelled: (expr: Query, family: FamilyName): Query => {
      const whens = Object.entries(labels(family)).map(([code, label]) => sql`WHEN ${code} THEN ${label}`);
      return sql`CASE ${expr} ${join(whens, ' ')} ELSE ${expr} END`;
    },
    /** Codes joined by ';' → labels joined by '；' / '; ' (codes are distinct, none contains another). */
    codeList: (expr: Query, family: FamilyName): Query => {
      let q = expr;
      for (const [code, label] of Object.entries(labels(family))) q = sql`replace(${q}, ${code}, ${label})`;
      return sql`replace(${q}, ';', ${lang === 'zh' ? '；' : '; '})`;
    },
  };
}

export type Columns = ReturnType<typeof columnsIn>;

function select(cols: Col[], from: Query, where: Query, orderBy: Query): Query {
  const list = join(
    cols.map((c) => sql`${c.expr} AS ${ident(c.header)}`),
    ',\n  ',
  );
  return sql`SELECT\n  ${list}\nFROM ${from}\nWHERE ${where}\nORDER BY ${orderBy}`;
}

export function sheet(name: string, cols: Col[], from: Query, where: Query, orderBy: Query): SheetQuery {
  return { name, query: select(cols, from, where, orderBy), formats: cols.map((c) => c.format) };
}
