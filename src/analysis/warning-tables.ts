// The warning list as tables: the 督办清单 workbook (one sheet for all, one per responsible
// county, the deadline and the action on every row) and the command-line CSV. Both are built
// from the same WarningRow list the browser shows, so the three never disagree.

import type { CellValue, ColumnFormat, ExportTable } from './export-columns';
import {
  type Lang, WARNING_ACTION_BASIS, WARNING_ACTION_LABELS, WARNING_LINE_LABELS, WARNING_LINE_SOURCES,
} from '../vocab';
import { WARNING_COLUMNS, type WarningRow } from './warnings';

const HEADERS: readonly (readonly [string, string])[] = [
  ['县区', 'County'],
  ['园区', 'Park'],
  ['宗地编号', 'Parcel ID'],
  ['预警节点', 'Line'],
  ['节点依据', 'Line source'],
  ['越线日期（督办期限）', 'Line crossed on (deadline)'],
  ['剩余天数', 'Days left'],
  ['应采取措施', 'Action now'],
  ['措施依据', 'Basis of the action'],
];
const FORMATS: ColumnFormat[] = ['text', 'text', 'text', 'text', 'text', 'text', 'integer', 'text', 'text'];

/** One row of the 督办清单 in `lang`; a park id without a name is shown as the id. */
export function warningCells(w: WarningRow, lang: Lang, parkNames: Record<string, string> = {}): CellValue[] {
  const park = w.park_id === null ? null : parkNames[w.park_id] || w.park_id;
  return [
    w.county, park, w.parcel_id, WARNING_LINE_LABELS[w.line][lang], WARNING_LINE_SOURCES[w.line][lang], w.line_date, w.days_left,
    WARNING_ACTION_LABELS[w.action][lang], WARNING_ACTION_BASIS[w.action][lang],
  ];
}

// Excel refuses these characters in a sheet name and names longer than 31 characters.
const SHEET_NAME_BAD = /[[\]:*?/\\]/g;

function sheetName(raw: string, taken: Set<string>): string {
  const base = raw.replace(SHEET_NAME_BAD, '_').slice(0, 28) || '_';
  let name = base;
  for (let k = 2; taken.has(name.toLowerCase()); k++) name = `${base}(${k})`;
  taken.add(name.toLowerCase());
  return name;
}

/**
 * The 督办清单 sheets: all warnings first, then one sheet per responsible county (sorted by the
 * county's name), each sorted by deadline as the list is. The 说明 sheet is added by the
 * workbook writer. `reserved` are sheet names already used (说明).
 */
export function warningSheets(
  list: readonly WarningRow[],
  lang: Lang,
  parkNames: Record<string, string> = {},
  reserved: readonly string[] = [lang === 'zh' ? '说明' : 'Notes'],
): ExportTable[] {
  const headers = HEADERS.map((h) => (lang === 'zh' ? h[0] : h[1]));
  const taken = new Set(reserved.map((r) => r.toLowerCase()));
  const table = (name: string, rows: readonly WarningRow[]): ExportTable => ({
    name: sheetName(name, taken),
    headers,
    formats: FORMATS,
    rows: rows.map((w) => warningCells(w, lang, parkNames)),
  });
  const counties = [...new Set(list.map((w) => w.county))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return [
    table(lang === 'zh' ? '全部预警' : 'All warnings', list),
    ...counties.map((c) => table(c, list.filter((w) => w.county === c))),
  ];
}

/** The command-line CSV's columns: the codes (for machines), then their Chinese labels (for people). */
export const WARNING_CSV_COLUMNS = [...WARNING_COLUMNS, 'line_label', 'action_label', 'basis'] as const;

/** The rows of the command-line CSV, in list order. */
export function warningCsvRows(list: readonly WarningRow[]): CellValue[][] {
  return list.map((w) => [
    ...WARNING_COLUMNS.map((c) => w[c]),
    WARNING_LINE_LABELS[w.line].zh, WARNING_ACTION_LABELS[w.action].zh, WARNING_ACTION_BASIS[w.action].zh,
  ]);
}

/** ISO date `days` after `iso` (calendar days, UTC). */
function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The 说明 rows of the 督办清单: the window and what the action column rests on. */
export function warningNotes(asOf: string, days: number, count: number, lang: Lang): CellValue[][] {
  const zh = lang === 'zh';
  return [
    [
      zh ? '预警范围' : 'Warning window', zh ? `${addDays(asOf, 1)} 至 ${addDays(asOf, days)}` : `${addDays(asOf, 1)} to ${addDays(asOf, days)}`,
      zh ? `${days} 天` : `${days} days`, null,
      zh ? `列出基准日后 ${days} 天内（含第 ${days} 天）将越过的法定节点，共 ${count} 条；越线日期即规则首次判定该情形之日，应在此前督办`
        : `Legal lines crossed within ${days} days after the as-of date (day ${days} included), ${count} in all; the line date is the first day the rules report it, so act before it`,
    ],
    [
      zh ? '措施依据' : 'Basis of actions', null, null, null,
      zh ? '“告知”“协商处置”出自《闲置土地处置办法》（国土资源部令第53号）；“督促开工”“约谈”为地方督办做法，不是法定程序'
        : '“Notify” and “Negotiate” come from the Measures on Disposal of Idle Land (MLR Order No. 53); “Urge a start” and “Interview” are local supervision practice, not statutory steps',
    ],
  ];
}
