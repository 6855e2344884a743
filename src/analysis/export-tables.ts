// The tables a planner takes away (Excel workbook or CSV): 闲置土地, 退出条件, 低效用地,
// 亩均评价, 盘活跟踪, and a 说明 sheet naming the as-of date, region, filter and every setting
// with its value and source. Headers are Chinese and carry their units; codes are spelled out.
//
// Each sheet is one query whose column aliases are the headers, so the browser, the CLI and the
// tests read the very same text. Parcel sheets filter parcel_findings in a sub-select before
// any join (the filter's column names stay unambiguous). Numbers are rounded here, once, so the
// CSV and the workbook show the same values.
//
// Prerequisites: parcel_findings (runLandRules), enterprise_mujun (runMujun) and, for the
// tracking sheet, the `tracking` table (loadTracking; readExportTables creates it empty if
// missing).

import type { Db } from '../data/db';
import { type Query, ident, join, sql } from '../data/sql';
import {
  CODE_FAMILIES,
  type FamilyName,
  MUJUN_NOT_CLASSED,
  MU_DEFINITION,
  YES_NO,
  displayLabel,
  labelOf,
  muSql,
} from '../vocab';
import { type ParcelFilter, filterPredicate, isFilterEmpty } from './filters';
import { enterprisePredicate } from './mujun';
import { type RuleSettings, DEFAULT_SETTINGS, SETTING_GROUPS, SETTING_META } from './settings';
import { ENSURE_TRACKING_TABLE, latestTrackingQuery } from './tracking-summary';

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

interface Col {
  header: string;
  expr: Query;
  format: ColumnFormat;
}

export const SHEET_NAMES = {
  notes: '说明',
  idle: '闲置土地',
  exit: '退出条件',
  inefficient: '低效用地',
  mujun: '亩均评价',
  tracking: '盘活跟踪',
} as const;

/** Chinese labels of one code family (the vocabulary's), code → label. */
function zhLabels(family: FamilyName): Record<string, string> {
  const f = CODE_FAMILIES[family];
  return Object.fromEntries(f.codes.map((c) => [c, displayLabel(family, c, 'zh')]));
}

/** `CASE expr WHEN code THEN label … ELSE expr END` with codes and labels bound as parameters. */
function labelled(expr: Query, labels: Record<string, string>): Query {
  const whens = Object.entries(labels).map(([code, label]) => sql`WHEN ${code} THEN ${label}`);
  return sql`CASE ${expr} ${join(whens, ' ')} ELSE ${expr} END`;
}

/** Codes joined by ';' → labels joined by '；' (codes are distinct, none contains another). */
function codeList(expr: Query, labels: Record<string, string>): Query {
  let q = expr;
  for (const [code, label] of Object.entries(labels)) q = sql`replace(${q}, ${code}, ${label})`;
  return sql`replace(${q}, ';', '；')`;
}


const col = (alias: string, name: string) => sql`${ident(alias)}.${ident(name)}`;
const text = (header: string, expr: Query): Col => ({ header, expr, format: 'text' });
const date = (header: string, expr: Query): Col => ({ header, expr: sql`CAST(${expr} AS VARCHAR)`, format: 'text' });
const num = (header: string, expr: Query, format: Exclude<ColumnFormat, 'text'>): Col => ({
  header,
  expr:
    format === 'integer'
      ? sql`CAST(round(${expr}) AS INTEGER)`
      : sql`round(CAST(${expr} AS DOUBLE), CAST(${FORMAT_DIGITS[format] ?? 2} AS INTEGER))`,
  format,
});
const yesNo = (header: string, expr: Query): Col => ({
  header,
  expr: sql`CASE WHEN ${expr} IS NULL THEN NULL WHEN ${expr} THEN ${YES_NO.yes.zh} ELSE ${YES_NO.no.zh} END`,
  format: 'text',
});
const mu = (alias: string) => num('面积(亩)', muSql(col(alias, 'area_m2')), 'mu');

function select(cols: Col[], from: Query, where: Query, orderBy: Query): Query {
  const list = join(
    cols.map((c) => sql`${c.expr} AS ${ident(c.header)}`),
    ',\n  ',
  );
  return sql`SELECT\n  ${list}\nFROM ${from}\nWHERE ${where}\nORDER BY ${orderBy}`;
}

function sheet(name: string, cols: Col[], from: Query, where: Query, orderBy: Query): SheetQuery {
  return { name, query: select(cols, from, where, orderBy), formats: cols.map((c) => c.format) };
}

/** parcel_findings passing the filter, joined to park names. */
function filteredFindings(f: ParcelFilter): Query {
  return sql`(SELECT * FROM parcel_findings WHERE ${filterPredicate(f)}) f LEFT JOIN parks k ON k.park_id = f.park_id`;
}

function parcelHead(): Col[] {
  return [
    text('宗地编号', col('f', 'parcel_id')),
    text('县区', col('f', 'county')),
    text('园区', col('k', 'name')),
    text('土地使用权人', col('f', 'holder')),
    text('用地性质', labelled(col('f', 'land_use'), zhLabels('landUse'))),
    text('建设状态', labelled(col('f', 'status'), zhLabels('parcelStatus'))),
    mu('f'),
  ];
}

/** 闲置土地: parcels judged idle (《闲置土地处置办法》第二条), longest idle first. */
export function idleLandSheet(f: ParcelFilter): SheetQuery {
  return sheet(
    SHEET_NAMES.idle,
    [
      ...parcelHead(),
      text('闲置类型', labelled(col('f', 'idle_type'), zhLabels('idleType'))),
      date('闲置起始日期', col('f', 'idle_since')),
      num('闲置天数(天)', col('f', 'idle_days'), 'integer'),
      text('处置方式', labelled(col('f', 'disposal'), zhLabels('disposal'))),
      num('土地价款(万元)', col('f', 'land_price_wan'), 'wan'),
      num('闲置费(万元)', col('f', 'fee_wan'), 'wan'),
      date('约定动工日期', col('f', 'agreed_start_date')),
      date('实际动工日期', col('f', 'actual_start_date')),
      date('停工日期', col('f', 'halted_since')),
      num('已开发面积占比(%)', sql`${col('f', 'developed_ratio')} * 100`, 'percent'),
      num('已投资额占比(%)', sql`${col('f', 'investment_ratio')} * 100`, 'percent'),
      yesNo('政府原因', sql`COALESCE(${col('f', 'government_delay')}, FALSE)`),
      text('缺失数据', col('f', 'missing_inputs')),
    ],
    filteredFindings(f),
    sql`f.idle_type <> 'none'`,
    sql`f.idle_days DESC, f.parcel_id`,
  );
}

/** 退出条件: parcels meeting an exit condition of the investment agreement (E1–E6). */
export function exitSheet(f: ParcelFilter): SheetQuery {
  return sheet(
    SHEET_NAMES.exit,
    [
      ...parcelHead(),
      text('退出条件代码', col('f', 'exit_reasons')),
      text('退出条件', codeList(col('f', 'exit_reasons'), zhLabels('exit'))),
      date('约定动工日期', col('f', 'agreed_start_date')),
      date('实际动工日期', col('f', 'actual_start_date')),
      date('约定竣工日期', col('f', 'agreed_completion_date')),
      num('约定总投资(万元)', col('f', 'agreed_investment_wan'), 'wan'),
      num('已完成投资(万元)', col('f', 'actual_investment_wan'), 'wan'),
      num('约定年产值(万元)', col('f', 'agreed_annual_output_wan'), 'wan'),
      num('实际年产值(万元)', col('f', 'annual_output_wan'), 'wan'),
      num('达产率(%)', sql`${col('f', 'output_ratio')} * 100`, 'percent'),
      // The rules read an empty policy_compliant as compliant and other_breach as no breach.
      yesNo('符合产业政策与环保标准', sql`COALESCE(${col('f', 'policy_compliant')}, TRUE)`),
      yesNo('其他违约', sql`COALESCE(${col('f', 'other_breach')}, FALSE)`),
    ],
    filteredFindings(f),
    sql`f.exit_reasons <> ''`,
    sql`f.exit_reasons, f.parcel_id`,
  );
}

/** 低效用地: industrial land below the plot-ratio, investment or tax thresholds (L1–L3). */
export function inefficientSheet(f: ParcelFilter): SheetQuery {
  return sheet(
    SHEET_NAMES.inefficient,
    [
      ...parcelHead(),
      text('低效类型代码', col('f', 'inefficiency')),
      text('低效类型', codeList(col('f', 'inefficiency'), zhLabels('inefficiency'))),
      num('容积率', col('f', 'plot_ratio'), 'decimal'),
      num('投资强度(万元/公顷)', col('f', 'investment_intensity'), 'wan'),
      num('亩均税收(万元/亩)', col('f', 'tax_per_mu'), 'wan'),
      num('建筑面积(m²)', col('f', 'floor_area_m2'), 'decimal'),
      num('已完成投资(万元)', col('f', 'actual_investment_wan'), 'wan'),
      num('年税收(万元)', col('f', 'annual_tax_wan'), 'wan'),
    ],
    filteredFindings(f),
    sql`f.inefficiency <> ''`,
    sql`f.inefficiency, f.parcel_id`,
  );
}

/** 亩均评价: every enterprise kept by the filter, ranked; unscored ones with their gaps. */
export function mujunSheet(f: ParcelFilter): SheetQuery {
  return sheet(
    SHEET_NAMES.mujun,
    [
      num('排名', col('m', 'rank'), 'integer'),
      text('评价类别', sql`COALESCE(${col('m', 'class')}, ${MUJUN_NOT_CLASSED.zh})`),
      num('综合得分', col('m', 'score'), 'score'),
      text('企业编号', col('m', 'enterprise_id')),
      text('企业名称', col('m', 'name')),
      text('县区', col('m', 'county')),
      text('园区', col('k', 'name')),
      yesNo('规上企业', col('m', 'above_scale')),
      num('关联宗地(宗)', col('m', 'parcels'), 'integer'),
      num('用地面积(亩)', col('m', 'land_mu'), 'mu'),
      num('亩均税收(万元/亩)', col('m', 'tax_per_mu'), 'wan'),
      num('亩均增加值(万元/亩)', col('m', 'value_added_per_mu'), 'wan'),
      num('全员劳动生产率(万元/人)', col('m', 'labour_productivity'), 'wan'),
      num('单位能耗增加值(万元/吨标煤)', col('m', 'energy_productivity'), 'wan'),
      num('研发经费投入强度(%)', sql`${col('m', 'rd_intensity')} * 100`, 'percent'),
      text('缺失数据', codeList(col('m', 'missing'), zhLabels('mujunInput'))),
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
export function trackingSheet(f: ParcelFilter, asOf: string): SheetQuery {
  const where = isFilterEmpty(f) ? sql`TRUE` : sql`l.parcel_id IN (SELECT parcel_id FROM parcel_findings WHERE ${filterPredicate(f)})`;
  return sheet(
    SHEET_NAMES.tracking,
    [
      text('宗地编号', col('l', 'parcel_id')),
      text('县区', col('f', 'county')),
      text('园区', col('k', 'name')),
      text('土地使用权人', col('f', 'holder')),
      mu('f'),
      text('闲置类型', labelled(col('f', 'idle_type'), zhLabels('idleType'))),
      text('处置方式', labelled(col('f', 'disposal'), zhLabels('disposal'))),
      text('当前阶段', labelled(col('l', 'stage'), zhLabels('trackingStage'))),
      date('阶段日期', col('l', 'date')),
      text('经办人', col('l', 'person')),
      text('备注', col('l', 'note')),
      num('跟踪记录(条)', col('n', 'records'), 'integer'),
      text('最近录入时间', col('l', 'recorded_at')),
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
export function exportSheetQueries(f: ParcelFilter, asOf: string): SheetQuery[] {
  return [idleLandSheet(f), exitSheet(f), inefficientSheet(f), mujunSheet(f), trackingSheet(f, asOf)];
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
export async function readExportTables(db: Db, f: ParcelFilter, asOf: string): Promise<ExportTable[]> {
  await db.query(ENSURE_TRACKING_TABLE);
  const out: ExportTable[] = [];
  for (const s of exportSheetQueries(f, asOf)) out.push(await readSheet(db, s));
  return out;
}

// ---- 说明 sheet -------------------------------------------------------------------------

export interface ExportMeta {
  /** ISO date the rules were judged at. */
  asOf: string;
  /** Region as shown to the user, e.g. 山东省德州市. */
  regionName: string;
  filter: ParcelFilter;
  settings: RuleSettings;
  /** ISO date-time of the export; defaults to now. */
  generatedAt?: string;
  /** Park names for describing a park filter (park_id → name). */
  parkNames?: Record<string, string>;
  /** A line about the data, e.g. that it is synthetic demo data. */
  dataNote?: string;
}

const FILTER_LABELS: Record<string, string> = {
  counties: '县区',
  parkIds: '园区',
  statuses: '建设状态',
  idleTypes: '闲置类型',
  disposals: '处置方式',
  supplyYears: '供地年份',
  quality: '数据质量',
};

/** The filter in words, e.g. “县区：宁津县、乐陵市；建设状态：已投产”; unknown keys are listed raw. */
export function describeFilter(f: ParcelFilter, parkNames: Record<string, string> = {}): string {
  const parts: string[] = [];
  for (const [key, values] of Object.entries(f) as [string, readonly (string | number)[]][]) {
    if (!Array.isArray(values) || values.length === 0) continue;
    const label = FILTER_LABELS[key] ?? key;
    const names = values.map((v) => {
      const s = String(v);
      if (key === 'parkIds') return parkNames[s] ? `${parkNames[s]}（${s}）` : s;
      if (key === 'idleTypes') return labelOf('idleType', s, 'zh');
      if (key === 'disposals') return labelOf('disposal', s, 'zh');
      if (key === 'quality' && s === 'missing') return '缺少规则所需数据';
      if (key === 'supplyYears') return `${s}年`;
      if (key === 'statuses') return labelOf('parcelStatus', s, 'zh');
      return s;
    });
    parts.push(`${label}：${names.join('、')}`);
  }
  return parts.length ? parts.join('；') : '无（全部宗地）';
}

export const NOTES_HEADERS = ['项目', '取值', '单位', '默认值', '来源或说明'];

/** The 说明 sheet: context first, then every setting with its value, default and source. */
export function notesTable(meta: ExportMeta): ExportTable {
  const rows: CellValue[][] = [
    ['评估基准日', meta.asOf, null, null, '所有规则按此日期判定；“满一年”指基准日不早于起算日期一年后的同一日'],
    ['地区', meta.regionName, null, null, null],
    ['筛选条件', describeFilter(meta.filter, meta.parkNames), null, null, '闲置土地、退出条件、低效用地、盘活跟踪按宗地筛选；亩均评价列出持有符合筛选条件宗地的企业，分类仍按全地区排名'],
    ['导出时间', meta.generatedAt ?? new Date().toISOString(), null, null, null],
  ];
  if (meta.dataNote) rows.push(['数据说明', meta.dataNote, null, null, null]);
  rows.push(
    ['面积换算', MU_DEFINITION.zh, null, null, '数据契约 v2'],
    [
      '亩均评价方法', '综合得分 = Σ 权重 × min(指标/基准值, 单项上限) ÷ Σ 权重', null, null,
      '按得分排名：领先者比例 < A 占比为 A 类，< A+B 为 B 类，< A+B+C 为 C 类，其余 D 类；同分同类（取较好的一类）；缺少数据的企业不参与排名',
    ],
    [null, null, null, null, null],
    ['设置项', '取值', '单位', '默认值', '来源'],
  );
  for (const g of SETTING_GROUPS) {
    rows.push([`【${g.labelZh}】`, null, null, null, null]);
    for (const m of SETTING_META.filter((x) => x.group === g.group)) {
      rows.push([m.labelZh, meta.settings[m.key], m.unitZh || null, DEFAULT_SETTINGS[m.key], m.sourceZh]);
    }
  }
  return {
    name: SHEET_NAMES.notes,
    headers: NOTES_HEADERS,
    formats: ['text', 'text', 'text', 'text', 'text'],
    rows,
  };
}
