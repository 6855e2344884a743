// The pipeline as a workbook (招商项目库.xlsx): a 说明 sheet, one row per project with its stage
// dates, site and referral columns, and the funnel per county and per promotion group. Pure:
// the writer (export/xlsx.ts) only lays the tables out; every cell is a value, never a formula.

import { type Lang, PROJECT_STAGES, labelOf } from '../vocab';
import type { CellValue, ColumnFormat, ExportTable } from './export-columns';
import { type Funnel, countyFunnel, groupFunnel } from './pipeline-funnel';
import { type Project, hostCounty } from './projects';
import type { PromotionGroup } from './promotion-groups';

export const PIPELINE_SHEETS = {
  zh: { notes: '说明', projects: '招商项目', funnel: '项目漏斗' },
  en: { notes: 'Notes', projects: 'Projects', funnel: 'Funnel' },
} as const;

export interface PipelineExportMeta {
  regionName: string;
  /** ISO date of the export. */
  date: string;
  lang: Lang;
  /** A line about the data, e.g. that it is synthetic demo data. */
  dataNote?: string;
  /** Whether the list is the user's (edited) or the data's projects table. */
  edited: boolean;
}

type Column = { zh: string; en: string; format: ColumnFormat; value: (p: Project, lang: Lang) => CellValue };

const stageDate = (s: (typeof PROJECT_STAGES)[number]) => (p: Project) => p.dates[s] ?? null;

const COLUMNS: readonly Column[] = [
  { zh: '项目编号', en: 'Project ID', format: 'text', value: (p) => p.project_id },
  { zh: '项目名称', en: 'Project', format: 'text', value: (p) => p.name },
  { zh: '产业链环节', en: 'Chain node', format: 'text', value: (p) => p.chain_node || null },
  { zh: '总投资(万元)', en: 'Investment (10k CNY)', format: 'wan', value: (p) => p.investment_wan },
  { zh: '用地需求下限(亩)', en: 'Land need min (mu)', format: 'mu', value: (p) => p.land_need_mu_min },
  { zh: '用地需求上限(亩)', en: 'Land need max (mu)', format: 'mu', value: (p) => p.land_need_mu_max },
  { zh: '用地性质', en: 'Land use', format: 'text', value: (p, l) => (p.land_use ? labelOf('landUse', p.land_use, l) : null) },
  { zh: '责任县区', en: 'Responsible county', format: 'text', value: (p) => hostCounty(p) || null },
  { zh: '专班', en: 'Task force', format: 'text', value: (p) => p.team || null },
  { zh: '项目阶段', en: 'Stage', format: 'text', value: (p, l) => labelOf('projectStage', p.stage, l) },
  { zh: '洽谈日期', en: 'Negotiation date', format: 'text', value: stageDate('negotiating') },
  { zh: '签约日期', en: 'Signing date', format: 'text', value: stageDate('signed') },
  { zh: '供地日期', en: 'Land supply date', format: 'text', value: stageDate('land_supplied') },
  { zh: '开工日期', en: 'Start date', format: 'text', value: stageDate('started') },
  { zh: '投产日期', en: 'Production date', format: 'text', value: stageDate('producing') },
  { zh: '匹配选址', en: 'Matched site', format: 'text', value: (p) => p.matchedSite?.label ?? null },
  { zh: '落地宗地编号', en: 'Parcel ID', format: 'text', value: (p) => p.site_parcel_id },
  { zh: '流出县区', en: 'Referred from', format: 'text', value: (p) => p.referred_from },
  { zh: '流入县区', en: 'Referred to', format: 'text', value: (p) => p.referred_to },
  { zh: '流出地分成比例(%)', en: 'Share kept by referring county (%)', format: 'percent', value: (p) => p.share_out_pct },
  { zh: '流转日期', en: 'Referral date', format: 'text', value: (p) => p.referred_date },
  { zh: '流转说明', en: 'Referral note', format: 'text', value: (p) => p.referral_note || null },
];

export function projectsSheet(projects: readonly Project[], lang: Lang): ExportTable {
  return {
    name: PIPELINE_SHEETS[lang].projects,
    headers: COLUMNS.map((c) => c[lang]),
    formats: COLUMNS.map((c) => c.format),
    rows: projects.map((p) => COLUMNS.map((c) => c.value(p, lang))),
  };
}

/** One row per county, then one per promotion group: projects reaching each stage, 流入 and 流出. */
export function funnelSheet(projects: readonly Project[], counties: readonly string[], groups: readonly PromotionGroup[], lang: Lang): ExportTable {
  const zh = lang === 'zh';
  const headers = [
    zh ? '范围' : 'Scope',
    zh ? '类型' : 'Kind',
    zh ? '项目数' : 'Projects',
    zh ? '总投资(万元)' : 'Investment (10k CNY)',
    ...PROJECT_STAGES.map((s) => (zh ? `达到${labelOf('projectStage', s, lang)}` : `Reached ${labelOf('projectStage', s, lang).toLowerCase()}`)),
    zh ? '流入(个)' : 'Referred in',
    zh ? '流出(个)' : 'Referred out',
    zh ? '流出明细' : 'Referred out to',
  ];
  const row = (scope: string, kind: string, f: Funnel): CellValue[] => [
    scope,
    kind,
    f.total,
    f.totalWan,
    ...f.stages.map((s) => s.reached),
    f.inflow.length,
    f.outflow.length,
    f.outflow.map((o) => (zh ? `${o.name}→${o.to}（分成${o.share_out_pct ?? '—'}%）` : `${o.name} → ${o.to} (share ${o.share_out_pct ?? '—'}%)`)).join(zh ? '；' : '; ') || null,
  ];
  const rows = [
    ...counties.map((c) => row(c, zh ? '县区' : 'County', countyFunnel(projects, c))),
    ...groups.map((g) => row(g.name, zh ? '组团' : 'Promotion group', groupFunnel(projects, g))),
  ];
  return {
    name: PIPELINE_SHEETS[lang].funnel,
    headers,
    formats: headers.map((_, i) => (i < 2 || i === headers.length - 1 ? 'text' : i === 3 ? 'wan' : 'integer')),
    rows,
  };
}

export function pipelineNotes(meta: PipelineExportMeta): ExportTable {
  const zh = meta.lang === 'zh';
  const T = (a: string, b: string) => (zh ? a : b);
  const rows: CellValue[][] = [
    [T('地区', 'Region'), meta.regionName],
    [T('导出日期', 'Exported on'), meta.date],
    [T('项目来源', 'Projects from'), meta.edited ? T('本工作区中编辑过的项目库', 'The pipeline as edited in this workspace') : T('数据中的 projects 表', "The data's projects table")],
    [T('项目阶段', 'Stages'), T('洽谈 → 签约 → 供地 → 开工 → 投产；各阶段日期不早于前一阶段', 'Negotiating → signed → land supplied → started → producing; no stage is dated before the one before it')],
    [T('项目流转', 'Referral'), T('组团内一县把无法承接的项目推荐给另一成员县（跨区域项目流转和利益共享机制）；“流出地分成比例”为流出县按约定保留的产值、税收统计分成', 'Within a promotion group a county refers a project it cannot host to another member; the share is the part of output and tax statistics the referring county keeps by agreement')],
    [T('漏斗计数', 'Funnel counts'), T('流转项目计入流入县区（标为流入），在流出县区只列为流出、不计数；组团漏斗每个项目只计一次；“达到某阶段”含已过该阶段的项目', 'A referred project counts in the receiving county (as referred in) and is only listed in the referring county; a group counts each project once; “reached” includes projects past that stage')],
    [T('单元格', 'Cells'), T('所有文字按文本写入，不作为公式执行', 'All text is written as text and never run as a formula')],
  ];
  if (meta.dataNote) rows.push([T('数据说明', 'Data'), meta.dataNote]);
  return { name: PIPELINE_SHEETS[meta.lang].notes, headers: [T('项目', 'Item'), T('说明', 'Note')], formats: ['text', 'text'], rows };
}

/** The three sheets of the pipeline workbook, in order. */
export function pipelineTables(projects: readonly Project[], counties: readonly string[], groups: readonly PromotionGroup[], meta: PipelineExportMeta): ExportTable[] {
  return [pipelineNotes(meta), projectsSheet(projects, meta.lang), funnelSheet(projects, counties, groups, meta.lang)];
}
