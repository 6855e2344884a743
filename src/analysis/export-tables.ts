// The tables a planner takes away (Excel workbook or CSV): 闲置土地, 退出条件, 低效用地,
// 亩均评价, 盘活跟踪, and a 说明 sheet (export-notes.ts). Sheet names, headers (with their units)
// and spelled-out codes are in the user's language; the command-line report writes Chinese.
//
// Each sheet is one query whose column aliases are the headers (export-columns.ts). Parcel
// sheets filter parcel_findings in a sub-select before any join (the filter's column names stay
// unambiguous).
//
// Prerequisites: parcel_findings (runLandRules), enterprise_mujun (runMujun) and, for the
// tracking sheet, the `tracking` table (loadTracking; readExportTables creates it empty if
// missing).

import type { Db } from '../data/db';
import { type Query, sql } from '../data/sql';
import { type Lang, MUJUN_NOT_CLASSED } from '../vocab';
import { type CellValue, type Col, type Columns, type ExportTable, type SheetQuery, col, columnsIn, sheet } from './export-columns';
import { type ParcelFilter, filterPredicate, isFilterEmpty } from './filters';
import { enterprisePredicate } from './mujun';
import { ENSURE_TRACKING_TABLE, latestTrackingQuery } from './tracking-summary';

export type { CellValue, ColumnFormat, ExportTable, SheetQuery } from './export-columns';
export { FORMAT_DIGITS } from './export-columns';
export { type ExportMeta, NOTES_HEADERS, describeFilter, notesTable } from './export-notes';

/** Sheet names (also the CSV files' base names), per language. */
export const SHEET_NAMES_BY_LANG = {
  zh: { notes: '说明', idle: '闲置土地', exit: '退出条件', inefficient: '低效用地', mujun: '亩均评价', tracking: '盘活跟踪' },
  en: { notes: 'Notes', idle: 'Idle land', exit: 'Exit conditions', inefficient: 'Inefficient land', mujun: 'Per-mu evaluation', tracking: 'Revitalisation tracking' },
} as const satisfies Record<Lang, Record<string, string>>;

export type SheetKey = keyof (typeof SHEET_NAMES_BY_LANG)['zh'];

/** The Chinese sheet names (the command-line report's workbook). */
export const SHEET_NAMES = SHEET_NAMES_BY_LANG.zh;

/** parcel_findings passing the filter, joined to park names. */
function filteredFindings(f: ParcelFilter): Query {
  return sql`(SELECT * FROM parcel_findings WHERE ${filterPredicate(f)}) f LEFT JOIN parks k ON k.park_id = f.park_id`;
}

function parcelHead(c: Columns): Col[] {
  return [
    c.text(['宗地编号', 'Parcel ID'], col('f', 'parcel_id')),
    c.text(['县区', 'County'], col('f', 'county')),
    c.text(['园区', 'Park'], col('k', 'name')),
    c.text(['土地使用权人', 'Land-use right holder'], col('f', 'holder')),
    c.text(['用地性质', 'Land use'], c.labelled(col('f', 'land_use'), 'landUse')),
    c.text(['建设状态', 'Status'], c.labelled(col('f', 'status'), 'parcelStatus')),
    c.mu('f'),
  ];
}

/**
 * 闲置土地: parcels judged idle (《闲置土地处置办法》第二条), longest idle first. The clock's start
 * (起算日期: the agreed start date, or the halt date) is not the day the land became idle: that is
 * the one-year line (idle_from), given beside it, with the recovery line.
 */
export function idleLandSheet(f: ParcelFilter, lang: Lang = 'zh'): SheetQuery {
  const c = columnsIn(lang);
  return sheet(
    SHEET_NAMES_BY_LANG[lang].idle,
    [
      ...parcelHead(c),
      c.text(['闲置类型', 'Idle type'], c.labelled(col('f', 'idle_type'), 'idleType')),
      c.date(['起算日期', 'Clock start'], col('f', 'idle_since')),
      c.date(['认定闲置日期', 'Idle from'], col('f', 'idle_from')),
      c.date(['无偿收回期满日期', 'Recovery line'], col('f', 'recovery_from')),
      c.num(['闲置天数(天)', 'Days idle'], col('f', 'idle_days'), 'integer'),
      c.text(['处置方式', 'Disposal'], c.labelled(col('f', 'disposal'), 'disposal')),
      c.num(['土地价款(万元)', 'Land price (10k CNY)'], col('f', 'land_price_wan'), 'wan'),
      c.num(['闲置费(万元)', 'Idle-land fee (10k CNY)'], col('f', 'fee_wan'), 'wan'),
      c.date(['约定动工日期', 'Agreed start'], col('f', 'agreed_start_date')),
      c.date(['实际动工日期', 'Actual start'], col('f', 'actual_start_date')),
      c.date(['停工日期', 'Halted since'], col('f', 'halted_since')),
      c.num(['已开发面积占比(%)', 'Developed share (%)'], sql`${col('f', 'developed_ratio')} * 100`, 'percent'),
      c.num(['已投资额占比(%)', 'Invested share (%)'], sql`${col('f', 'investment_ratio')} * 100`, 'percent'),
      c.yesNo(['政府原因', 'Government delay'], sql`COALESCE(${col('f', 'government_delay')}, FALSE)`),
      c.text(['缺失数据', 'Missing data'], col('f', 'missing_inputs')),
    ],
    filteredFindings(f),
    sql`f.idle_type <> 'none'`,
    sql`f.idle_days DESC, f.parcel_id`,
  );
}

/** 退出条件: parcels meeting an exit condition of the investment agreement (E1–E6). */
export function exitSheet(f: ParcelFilter, lang: Lang = 'zh'): SheetQuery {
  const c = columnsIn(lang);
  return sheet(
    SHEET_NAMES_BY_LANG[lang].exit,
    [
      ...parcelHead(c),
      c.text(['退出条件代码', 'Exit codes'], col('f', 'exit_reasons')),
      c.text(['退出条件', 'Exit conditions'], c.codeList(col('f', 'exit_reasons'), 'exit')),
      c.date(['约定动工日期', 'Agreed start'], col('f', 'agreed_start_date')),
      c.date(['实际动工日期', 'Actual start'], col('f', 'actual_start_date')),
      c.date(['约定竣工日期', 'Agreed completion'], col('f', 'agreed_completion_date')),
      c.num(['约定总投资(万元)', 'Agreed investment (10k CNY)'], col('f', 'agreed_investment_wan'), 'wan'),
      c.num(['已完成投资(万元)', 'Investment made (10k CNY)'], col('f', 'actual_investment_wan'), 'wan'),
      c.num(['约定年产值(万元)', 'Agreed annual output (10k CNY)'], col('f', 'agreed_annual_output_wan'), 'wan'),
      c.num(['实际年产值(万元)', 'Annual output (10k CNY)'], col('f', 'annual_output_wan'), 'wan'),
      c.num(['达产率(%)', 'Output vs agreed (%)'], sql`${col('f', 'output_ratio')} * 100`, 'percent'),
      // The rules read an empty policy_compliant as compliant and other_breach as no breach.
      c.yesNo(['符合产业政策与环保标准', 'Policy and environment compliant'], sql`COALESCE(${col('f', 'policy_compliant')}, TRUE)`),
      c.yesNo(['其他违约', 'Other breach'], sql`COALESCE(${col('f', 'other_breach')}, FALSE)`),
    ],
    filteredFindings(f),
    sql`f.exit_reasons <> ''`,
    sql`f.exit_reasons, f.parcel_id`,
  );
}

/** 低效用地: industrial land below the plot-ratio, investment or tax thresholds (L1–L3). */
export function inefficientSheet(f: ParcelFilter, lang: Lang = 'zh'): SheetQuery {
  const c = columnsIn(lang);
  return sheet(
    SHEET_NAMES_BY_LANG[lang].inefficient,
    [
      ...parcelHead(c),
      c.text(['低效类型代码', 'Inefficiency codes'], col('f', 'inefficiency')),
      c.text(['低效类型', 'Inefficiency'], c.codeList(col('f', 'inefficiency'), 'inefficiency')),
      c.num(['容积率', 'Plot ratio'], col('f', 'plot_ratio'), 'decimal'),
      c.num(['投资强度(万元/公顷)', 'Investment intensity (10k CNY/ha)'], col('f', 'investment_intensity'), 'wan'),
      c.num(['亩均税收(万元/亩)', 'Tax per mu (10k CNY/mu)'], col('f', 'tax_per_mu'), 'wan'),
      c.num(['建筑面积(m²)', 'Floor area (m²)'], col('f', 'floor_area_m2'), 'decimal'),
      c.num(['已完成投资(万元)', 'Investment made (10k CNY)'], col('f', 'actual_investment_wan'), 'wan'),
      c.num(['年税收(万元)', 'Annual tax (10k CNY)'], col('f', 'annual_tax_wan'), 'wan'),
    ],
    filteredFindings(f),
    sql`f.inefficiency <> ''`,
    sql`f.inefficiency, f.parcel_id`,
  );
}

/** 亩均评价: every enterprise kept by the filter, ranked; unscored ones with their gaps. */
export function mujunSheet(f: ParcelFilter, lang: Lang = 'zh'): SheetQuery {
  const c = columnsIn(lang);
  return sheet(
    SHEET_NAMES_BY_LANG[lang].mujun,
    [
      c.num(['排名', 'Rank'], col('m', 'rank'), 'integer'),
      c.text(['评价类别', 'Class'], sql`COALESCE(${col('m', 'class')}, ${MUJUN_NOT_CLASSED[lang]})`),
      c.num(['综合得分', 'Score'], col('m', 'score'), 'score'),
      c.text(['企业编号', 'Enterprise ID'], col('m', 'enterprise_id')),
      c.text(['企业名称', 'Enterprise'], col('m', 'name')),
      c.text(['县区', 'County'], col('m', 'county')),
      c.text(['园区', 'Park'], col('k', 'name')),
      c.yesNo(['规上企业', 'Above designated size'], col('m', 'above_scale')),
      c.num(['关联宗地(宗)', 'Parcels'], col('m', 'parcels'), 'integer'),
      c.num(['用地面积(亩)', 'Land (mu)'], col('m', 'land_mu'), 'mu'),
      c.num(['亩均税收(万元/亩)', 'Tax per mu (10k CNY/mu)'], col('m', 'tax_per_mu'), 'wan'),
      c.num(['亩均增加值(万元/亩)', 'Value added per mu (10k CNY/mu)'], col('m', 'value_added_per_mu'), 'wan'),
      c.num(['全员劳动生产率(万元/人)', 'Labour productivity (10k CNY/person)'], col('m', 'labour_productivity'), 'wan'),
      c.num(['单位能耗增加值(万元/吨标煤)', 'Value added per energy (10k CNY/tce)'], col('m', 'energy_productivity'), 'wan'),
      c.num(['研发经费投入强度(%)', 'R&D intensity (%)'], sql`${col('m', 'rd_intensity')} * 100`, 'percent'),
      c.text(['缺失数据', 'Missing data'], c.codeList(col('m', 'missing'), 'mujunInput')),
    ],
    sql`enterprise_mujun m LEFT JOIN parks k ON k.park_id = m.park_id`,
    enterprisePredicate('m', f),
    sql`m.rank IS NULL, m.rank, m.enterprise_id`,
  );
}

/**
 * 盘活跟踪: each tracked parcel's latest stage as of `asOf` (records dated later are not yet
 * counted). With a filter, only tracked parcels passing it; without, also tracked parcels no
 * longer in the loaded data.
 */
export function trackingSheet(f: ParcelFilter, asOf: string, lang: Lang = 'zh'): SheetQuery {
  const c = columnsIn(lang);
  const where = isFilterEmpty(f) ? sql`TRUE` : sql`l.parcel_id IN (SELECT parcel_id FROM parcel_findings WHERE ${filterPredicate(f)})`;
  return sheet(
    SHEET_NAMES_BY_LANG[lang].tracking,
    [
      c.text(['宗地编号', 'Parcel ID'], col('l', 'parcel_id')),
      c.text(['县区', 'County'], col('f', 'county')),
      c.text(['园区', 'Park'], col('k', 'name')),
      c.text(['土地使用权人', 'Land-use right holder'], col('f', 'holder')),
      c.mu('f'),
      c.text(['闲置类型', 'Idle type'], c.labelled(col('f', 'idle_type'), 'idleType')),
      c.text(['处置方式', 'Disposal'], c.labelled(col('f', 'disposal'), 'disposal')),
      c.text(['当前阶段', 'Current stage'], c.labelled(col('l', 'stage'), 'trackingStage')),
      c.date(['阶段日期', 'Stage date'], col('l', 'date')),
      c.text(['经办人', 'Handled by'], col('l', 'person')),
      c.text(['备注', 'Note'], col('l', 'note')),
      c.num(['跟踪记录(条)', 'Records'], col('n', 'records'), 'integer'),
      c.text(['最近录入时间(UTC)', 'Last entered (UTC)'], col('l', 'recorded_at')),
    ],
    sql`${latestTrackingQuery(asOf)} l
  LEFT JOIN parcel_findings f ON f.parcel_id = l.parcel_id
  LEFT JOIN parks k ON k.park_id = f.park_id
  LEFT JOIN (SELECT parcel_id, count(*) AS records FROM tracking WHERE date <= CAST(${asOf} AS DATE) GROUP BY parcel_id) n
    ON n.parcel_id = l.parcel_id`,
    where,
    sql`l.date DESC, l.parcel_id`,
  );
}

/** The five data sheets, in workbook order. */
export function exportSheetQueries(f: ParcelFilter, asOf: string, lang: Lang = 'zh'): SheetQuery[] {
  return [idleLandSheet(f, lang), exitSheet(f, lang), inefficientSheet(f, lang), mujunSheet(f, lang), trackingSheet(f, asOf, lang)];
}

/** Arrow value → cell; an empty string becomes an empty cell (Excel would keep a '' string). */
function cell(v: unknown): CellValue {
  if (v === null || v === undefined || v === '') return null;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number' || typeof v === 'string') return v;
  return String(v);
}

/** Runs one sheet query; headers come from the result schema, in select order. */
export async function readSheet(db: Db, s: SheetQuery): Promise<ExportTable> {
  const t = await db.query(s.query);
  const headers = t.schema.fields.map((x) => x.name);
  const vectors = headers.map((h) => t.getChild(h));
  const out: CellValue[][] = [];
  for (let i = 0; i < t.numRows; i++) out.push(vectors.map((v) => cell(v?.get(i))));
  return { name: s.name, headers, formats: s.formats, rows: out };
}

/** Reads the five data sheets (see the prerequisites at the top of this file). */
export async function readExportTables(db: Db, f: ParcelFilter, asOf: string, lang: Lang = 'zh'): Promise<ExportTable[]> {
  await db.query(ENSURE_TRACKING_TABLE);
  const out: ExportTable[] = [];
  for (const s of exportSheetQueries(f, asOf, lang)) out.push(await readSheet(db, s));
  return out;
}
