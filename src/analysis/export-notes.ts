// The 说明 (Notes) sheet of an export: what was judged, where, as of when, with which filter,
// and every setting with its value, default and source. Settings that differ from the statute
// are announced at the top and marked in their row (local-settings.ts), so a printed table never
// passes a local figure off as the law's.

import { type Lang, MU_DEFINITION, labelOf } from '../vocab';
import type { ExportTable, CellValue } from './export-columns';
import type { ParcelFilter } from './filters';
import { localSettingsNotice, settingChanges } from './local-settings';
import { DEFAULT_SETTINGS, type RuleSettings, SETTING_GROUPS, SETTING_META } from './settings';

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
  /** Language of the sheet; Chinese by default (the command-line report). */
  lang?: Lang;
  /** Today's date (ISO): an earlier as-of date is noted as judging the past. */
  today?: string;
  /** Rows an export adds right after the as-of date (the warning list's window). */
  extraNotes?: CellValue[][];
}

const FILTER_LABELS: Record<string, readonly [string, string]> = {
  counties: ['县区', 'County'],
  parkIds: ['园区', 'Park'],
  statuses: ['建设状态', 'Status'],
  idleTypes: ['闲置类型', 'Idle type'],
  disposals: ['处置方式', 'Disposal'],
  supplyYears: ['供地年份', 'Supply year'],
  quality: ['数据质量', 'Data quality'],
};

/** The filter in words, e.g. “县区：宁津县、乐陵市；建设状态：已投产”; unknown keys are listed raw. */
export function describeFilter(f: ParcelFilter, parkNames: Record<string, string> = {}, lang: Lang = 'zh'): string {
  const zh = lang === 'zh';
  const parts: string[] = [];
  for (const [key, values] of Object.entries(f) as [string, readonly (string | number)[]][]) {
    if (!Array.isArray(values) || values.length === 0) continue;
    const label = FILTER_LABELS[key]?.[zh ? 0 : 1] ?? key;
    const names = values.map((v) => {
      const s = String(v);
      if (key === 'parkIds') return parkNames[s] ? (zh ? `${parkNames[s]}（${s}）` : `${parkNames[s]} (${s})`) : s;
      if (key === 'idleTypes') return labelOf('idleType', s, lang);
      if (key === 'disposals') return labelOf('disposal', s, lang);
      if (key === 'quality' && s === 'missing') return zh ? '缺少规则所需数据' : 'lacking data a rule needs';
      if (key === 'supplyYears') return zh ? `${s}年` : s;
      if (key === 'statuses') return labelOf('parcelStatus', s, lang);
      return s;
    });
    parts.push(zh ? `${label}：${names.join('、')}` : `${label}: ${names.join(', ')}`);
  }
  if (parts.length) return parts.join(zh ? '；' : '; ');
  return zh ? '无（全部宗地）' : 'None (all parcels)';
}

export const NOTES_HEADERS = ['项目', '取值', '单位', '默认值', '来源或说明'];
const NOTES_HEADERS_EN = ['Item', 'Value', 'Unit', 'Default', 'Source or note'];

/** The 说明 sheet: context first, then every setting with its value, default and source. */
export function notesTable(meta: ExportMeta): ExportTable {
  const lang = meta.lang ?? 'zh';
  const zh = lang === 'zh';
  const T = (a: string, b: string) => (zh ? a : b);
  const rows: CellValue[][] = [
    [
      T('评估基准日', 'As-of date'), meta.asOf, null, null,
      T('所有规则按此日期判定；“满一年”指基准日不早于起算日期一年后的同一日；晚于基准日的动工、停工、供地视为尚未发生',
        'Every rule is judged at this date; “one full year” means on or after the same calendar date a year after the clock starts; starts, halts and supplies dated later are treated as not yet happened'),
    ],
  ];
  if (meta.extraNotes) rows.push(...meta.extraNotes);
  if (meta.today && meta.asOf < meta.today) {
    rows.push([
      T('按历史日期评估', 'Judged at a past date'), meta.asOf, null, null,
      T('建设状态、投资额、面积等无日期字段按数据现状计（较晚的快照）', 'Undated fields (status, investment, areas) describe the data as it is now, a later snapshot'),
    ]);
  }
  // Settings that differ from the statute or the defaults, before anything else is read.
  const notice = localSettingsNotice(meta.settings, lang);
  if (notice?.statutory.length) {
    rows.push([
      T('非法定设置', 'Non-statutory settings'), notice.statutory.join(T('；', '; ')), null, null,
      T('与《闲置土地处置办法》（国土资源部令第53号）第二条、第十四条规定的数值不同；本表按本地设置计算，法条原文不变',
        'Differ from the figures of the Measures on Disposal of Idle Land (MLR Order No. 53), Art. 2 and 14; these tables follow the local settings, the statute is unchanged'),
    ]);
  }
  if (notice?.local.length) {
    rows.push([T('本地设置', 'Local settings'), notice.local.join(T('；', '; ')), null, null, T('与默认值不同的本地取值', 'Local values that differ from the defaults')]);
  }
  rows.push(
    [T('地区', 'Region'), meta.regionName, null, null, null],
    [
      T('筛选条件', 'Filter'), describeFilter(meta.filter, meta.parkNames, lang), null, null,
      T('闲置土地、退出条件、低效用地、盘活跟踪按宗地筛选；亩均评价列出持有符合筛选条件宗地的企业，分类仍按全地区排名',
        'Idle land, exit conditions, inefficient land and tracking are filtered by parcel; the per-mu evaluation lists enterprises holding a matching parcel, classed by their rank in the whole region'),
    ],
    [T('导出时间', 'Exported at (UTC)'), meta.generatedAt ?? new Date().toISOString(), null, null, null],
  );
  if (meta.dataNote) rows.push([T('数据说明', 'About the data'), meta.dataNote, null, null, null]);
  rows.push(
    [T('面积换算', 'Area units'), MU_DEFINITION[lang], null, null, T('数据契约 v2', 'Data contract v2')],
    [
      T('起算日期与认定闲置日期', 'Clock start and idle-from date'), null, null, null,
      T('起算日期为约定动工日期（未动工）或停工日期（中止开发）；认定闲置日期为起算日期满闲置认定年限之日（法定满一年）',
        'The clock starts at the agreed start date (not started) or the halt date (suspended); land is idle from the day the clock is one full year old (the idle period, one year by statute)'),
    ],
    [
      T('亩均评价方法', 'Per-mu evaluation method'), T('综合得分 = Σ 权重 × min(指标/基准值, 单项上限) ÷ Σ 权重', 'Score = Σ weight × min(indicator/benchmark, cap) ÷ Σ weight'), null, null,
      T('按得分排名：领先者比例 < A 占比为 A 类，< A+B 为 B 类，< A+B+C 为 C 类，其余 D 类；同分同类（取较好的一类）；缺少数据的企业不参与排名',
        'Ranked by score: share ahead < A share → class A, < A+B → B, < A+B+C → C, else D; ties share the better class; enterprises lacking data are not ranked'),
    ],
    [null, null, null, null, null],
    [T('设置项', 'Setting'), T('取值', 'Value'), T('单位', 'Unit'), T('默认值', 'Default'), T('来源', 'Source')],
  );
  const changed = new Set(settingChanges(meta.settings).filter((c) => c.statutory).map((c) => c.key));
  for (const g of SETTING_GROUPS) {
    rows.push([`【${zh ? g.labelZh : g.labelEn}】`, null, null, null, null]);
    for (const m of SETTING_META.filter((x) => x.group === g.group)) {
      const source = zh ? m.sourceZh : m.sourceEn;
      rows.push([
        zh ? m.labelZh : m.labelEn, meta.settings[m.key], (zh ? m.unitZh : m.unitEn) || null, DEFAULT_SETTINGS[m.key],
        changed.has(m.key) ? T(`本地设置（非法定），法定值见：${source}`, `Local setting (not the statute); the statute: ${source}`) : source,
      ]);
    }
  }
  return {
    name: zh ? '说明' : 'Notes',
    headers: zh ? NOTES_HEADERS : NOTES_HEADERS_EN,
    formats: ['text', 'text', 'text', 'text', 'text'],
    rows,
  };
}
