// The ranking as sheets for the .xlsx (项目选址排名): ranked sites with every score and its
// explanation, the excluded sites with why, and a 说明 sheet with the project and the weights.

import { type Lang, LAND_USE_LABELS, M2_PER_MU, PARK_LEVEL_LABELS, type ParkLevel, PUNCTUATION } from '../vocab';
import { SITE_EXCLUSION_LABELS, SITE_KIND_LABELS, SITE_READINESS_LABELS, SITE_SCORE_LABELS, type SiteKind, type SiteReadiness } from '../vocab/sites';
import type { CellValue, ColumnFormat, ExportTable } from './export-columns';
import { MATCH_SETTING_META, type MatchSettings } from './match-settings';
import { type MatchResult, PARTNERS_LISTED, type SiteScore } from './site-match';
import { explainSite } from './site-match-explain';
import type { MatchInput } from './site-match-need';
import type { ResolvedNodes } from './site-match-nodes';

/** A site as a person names it: park and kind, or the parcel or factory id. */
export function siteLabel(s: Pick<SiteScore, 'kind' | 'park_name' | 'parcel_id' | 'factory_id' | 'site_id'>, lang: Lang): string {
  const kind = SITE_KIND_LABELS[s.kind as SiteKind]?.[lang] ?? s.kind;
  const where = s.park_name ?? (lang === 'zh' ? '园区外' : 'outside parks');
  const id = s.kind === 'returning' ? s.parcel_id : s.kind === 'factory' ? s.factory_id : s.site_id.split(':').pop();
  return lang === 'zh' ? `${where} · ${kind} ${id ?? ''}`.trim() : `${where} · ${kind} ${id ?? ''}`.trim();
}

const round = (v: number | null, d: number) => (v === null ? null : Math.round(v * 10 ** d) / 10 ** d);

export interface RankingExport {
  input: MatchInput;
  resolved: ResolvedNodes;
  chainNames: string[];
  result: MatchResult;
  settings: MatchSettings;
  regionName: string;
  asOf: string;
}

export function rankingTables(x: RankingExport, lang: Lang): ExportTable[] {
  const zh = lang === 'zh';
  const T = (a: string, b: string) => (zh ? a : b);
  const p = PUNCTUATION[lang];
  const ctx = { input: x.input, chainNames: x.chainNames, noData: x.result.noData, maxNames: 1000 };
  const common = (s: SiteScore): CellValue[] => [
    s.site_id,
    siteLabel(s, lang),
    SITE_KIND_LABELS[s.kind as SiteKind]?.[lang] ?? s.kind,
    s.county,
    s.park_name,
    s.level ? (PARK_LEVEL_LABELS[s.level as ParkLevel]?.[lang] ?? s.level) : null,
    round(s.area_m2 === null ? null : s.area_m2 / M2_PER_MU, 2),
    round(s.vacant_floor_m2, 0),
    s.readiness ? (SITE_READINESS_LABELS[s.readiness as SiteReadiness]?.[lang] ?? s.readiness) : null,
  ];
  const commonHeaders = [
    T('地块编号', 'Site id'), T('候选地块', 'Site'), T('类型', 'Kind'), T('县区', 'County'), T('园区', 'Park'),
    T('园区级别', 'Park level'), T('面积（亩）', 'Area (mu)'), T('空置厂房（m²）', 'Vacant floor (m²)'), T('供地条件', 'Readiness'),
  ];
  const commonFormats: ColumnFormat[] = ['text', 'text', 'text', 'text', 'text', 'text', 'mu', 'integer', 'text'];
  const keys = ['chain', 'land', 'readiness', 'level', 'mujun'] as const;
  const scoreOf = (s: SiteScore, k: (typeof keys)[number]) =>
    k === 'readiness' ? s.readiness_score : k === 'level' ? s.level_score : s[k];
  const ranked: ExportTable = {
    name: T('选址排名', 'Ranking'),
    headers: [
      T('名次', 'Rank'), ...commonHeaders, SITE_SCORE_LABELS.total[lang],
      ...keys.map((k) => SITE_SCORE_LABELS[k][lang]),
      ...keys.map((k) => `${SITE_SCORE_LABELS[k][lang]}${T('说明', ' explained')}`),
      ...[T('同环节企业', 'Same-node firms'), T('上游供应商', 'Suppliers'), T('下游客户', 'Customers')].map(
        (h) => `${h}${T(`（最近 ${PARTNERS_LISTED} 家）`, ` (nearest ${PARTNERS_LISTED})`)}`,
      ),
    ],
    formats: ['integer', ...commonFormats, 'score', ...keys.map((): ColumnFormat => 'score'), ...keys.map((): ColumnFormat => 'text'), 'text', 'text', 'text'],
    rows: x.result.ranked.map((s, i) => {
      const partners = x.result.partners.filter((q) => q.site_id === s.site_id);
      const e = explainSite(s, partners, ctx, lang);
      const names = (role: string) => partners.filter((q) => q.role === role).map((q) => q.name).join(p.list);
      return [i + 1, ...common(s), s.total, ...keys.map((k) => scoreOf(s, k)), ...keys.map((k) => e[k]), names('peer'), names('supplier'), names('customer')];
    }),
  };
  const excluded: ExportTable = {
    name: T('排除地块', 'Excluded'),
    headers: [...commonHeaders, T('排除原因', 'Why excluded')],
    formats: [...commonFormats, 'text'],
    rows: x.result.excluded.map((s) => [...common(s), s.reasons.map((r) => SITE_EXCLUSION_LABELS[r][lang]).join(p.semicolon)]),
  };
  const need = x.input;
  const paren = (t: string) => (zh ? `（${t}）` : ` (${t})`);
  const nodes = x.resolved.nodes.map((n) => `${n.node_name ?? n.node_id}${paren(n.chain_name ?? n.chain_id)}`).join(p.list);
  const notes: ExportTable = {
    name: T('说明', 'Notes'),
    headers: [T('项目', 'Item'), T('内容', 'Value')],
    formats: ['text', 'text'],
    rows: [
      [T('地区', 'Region'), x.regionName],
      [T('评估基准日', 'As-of date'), x.asOf],
      [T('产业链环节', 'Chain nodes'), nodes || T('未匹配', 'none matched')],
      [T('用地需求（亩）', 'Land needed (mu)'), `${need.muMin ?? '—'}–${need.muMax ?? '—'}`],
      [T('用途', 'Land use'), need.landUse ? LAND_USE_LABELS[need.landUse][lang] : '—'],
      [T('投资额（万元）', 'Investment (10k CNY)'), need.investmentWan ?? '—'],
      [T('县区范围', 'Counties'), need.counties.length ? need.counties.join(p.list) : T('全部', 'all')],
      [T('配套距离（公里）', 'Partner distance (km)'), need.distanceKm],
      [T('项目工业类别', 'Industrial class'), need.industrialClass ?? T('未指定（不核对控规类别）', 'not stated (zoned class not checked)')],
      [T('规划管控', 'Planning limits'), x.result.zoneChecks ? T('已按导入的管控区核查', 'checked against the imported zones') : T('未导入管控区，未核查', 'no zones imported, not checked')],
      ...MATCH_SETTING_META.map((m): CellValue[] => [zh ? m.labelZh : m.labelEn, `${x.settings[m.key]}${zh ? m.unitZh : ` ${m.unitEn}`}`.trim() + paren(zh ? m.sourceZh : m.sourceEn)]),
      [T('得分说明', 'Scores'), T('各项得分 0–1；综合得分为有数据各项的加权平均；“无数据”表示缺少所需的表或字段', 'Each score is 0–1; the total is the weighted mean of the scores with data; “No data” means a table or field it needs is missing')],
    ],
  };
  return [ranked, excluded, notes];
}
