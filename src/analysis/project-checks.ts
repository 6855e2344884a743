// What is wrong with a project record or a proposed referral, in both languages, naming the
// field so the form can show each message next to its input. Nothing is stored while a
// project has problems (state/pipeline-actions.ts).
//
// Referral rules follow the source report's 跨区域项目流转和利益共享机制: a project moves between
// two different member counties of one promotion group (组团, product model "Groups of places"),
// and the referring county keeps an agreed share (0–100 %) of the output and tax statistics.

import { PROJECT_STAGES } from '../vocab';
import { type Project, hostCounty, stageIndex } from './projects';
import type { PromotionGroup } from './promotion-groups';

export type ProjectField = 'name' | 'county' | 'investment_wan' | 'land_need' | 'dates' | 'referred_to' | 'share_out_pct' | 'referred_date';

export interface ProjectIssue {
  project_id: string;
  field: ProjectField;
  zh: string;
  en: string;
}

const STAGE_ZH = { negotiating: '洽谈', signed: '签约', land_supplied: '供地', started: '开工', producing: '投产' } as const;
const STAGE_EN = { negotiating: 'negotiation', signed: 'signing', land_supplied: 'land supply', started: 'start of construction', producing: 'production' } as const;

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (d: string) => ISO.test(d) && !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/**
 * Stage dates in order: every date belongs to a stage already reached, and no date is earlier
 * than the date of a stage before it (洽谈 ≤ 签约 ≤ 供地 ≤ 开工 ≤ 投产). Missing dates are allowed.
 */
export function checkStageDates(p: Pick<Project, 'project_id' | 'stage' | 'dates'>): ProjectIssue[] {
  const issues: ProjectIssue[] = [];
  const reached = stageIndex(p.stage);
  let prev: { stage: keyof typeof STAGE_ZH; date: string } | null = null;
  PROJECT_STAGES.forEach((s, i) => {
    const d = p.dates[s];
    if (d === undefined) return;
    const base = { project_id: p.project_id, field: 'dates' as const };
    if (!validDate(d)) {
      issues.push({ ...base, zh: `${STAGE_ZH[s]}日期 ${d} 不是有效日期（应为 年-月-日）`, en: `The ${STAGE_EN[s]} date ${d} is not a valid date (YYYY-MM-DD)` });
      return;
    }
    if (i > reached) {
      issues.push({ ...base, zh: `项目尚未到${STAGE_ZH[s]}阶段，不能有${STAGE_ZH[s]}日期`, en: `The project has not reached ${STAGE_EN[s]}, so it cannot have a ${STAGE_EN[s]} date` });
    }
    if (prev && d < prev.date) {
      issues.push({ ...base, zh: `${STAGE_ZH[s]}日期 ${d} 早于${STAGE_ZH[prev.stage]}日期 ${prev.date}`, en: `The ${STAGE_EN[s]} date ${d} is before the ${STAGE_EN[prev.stage]} date ${prev.date}` });
    }
    prev = { stage: s, date: d };
  });
  return issues;
}

/** The problems of one project for a region whose counties are `known`. */
export function checkProject(p: Project, known: readonly string[]): ProjectIssue[] {
  const id = p.project_id;
  const issues: ProjectIssue[] = [];
  if (p.name.trim() === '') issues.push({ project_id: id, field: 'name', zh: '项目名称为空', en: 'The project has no name' });
  if (p.county === '') issues.push({ project_id: id, field: 'county', zh: '请选择责任县区', en: 'Choose the responsible county' });
  else if (!known.includes(p.county)) issues.push({ project_id: id, field: 'county', zh: `${p.county} 不是本地区的县区`, en: `${p.county} is not a county of this region` });
  if (p.investment_wan !== null && !(p.investment_wan >= 0)) issues.push({ project_id: id, field: 'investment_wan', zh: '总投资不能为负数', en: 'The investment cannot be negative' });
  const { land_need_mu_min: lo, land_need_mu_max: hi } = p;
  if ((lo !== null && !(lo >= 0)) || (hi !== null && !(hi >= 0))) issues.push({ project_id: id, field: 'land_need', zh: '用地需求不能为负数', en: 'The land need cannot be negative' });
  else if (lo !== null && hi !== null && lo > hi) issues.push({ project_id: id, field: 'land_need', zh: `用地需求下限 ${lo} 亩大于上限 ${hi} 亩`, en: `The minimum land need (${lo} mu) is above the maximum (${hi} mu)` });
  issues.push(...checkStageDates(p));
  if (p.share_out_pct !== null && !(p.share_out_pct >= 0 && p.share_out_pct <= 100)) {
    issues.push({ project_id: id, field: 'share_out_pct', zh: `分成比例 ${p.share_out_pct}% 应在 0 到 100 之间`, en: `The share ${p.share_out_pct}% must be between 0 and 100` });
  }
  return issues;
}

export interface ReferralInput {
  to: string;
  share_out_pct: number;
  date: string;
  note: string;
}

/** The groups that hold both counties (a referral needs at least one). */
export function sharedGroups(groups: readonly PromotionGroup[], a: string, b: string): PromotionGroup[] {
  return groups.filter((g) => g.counties.includes(a) && g.counties.includes(b));
}

/** Problems with referring `p` from its county to `r.to` under the groups in force. */
export function checkReferral(p: Project, r: ReferralInput, groups: readonly PromotionGroup[]): ProjectIssue[] {
  const id = p.project_id;
  const from = hostCounty(p);
  const issues: ProjectIssue[] = [];
  if (p.referred_from) {
    issues.push({ project_id: id, field: 'referred_to', zh: `项目已从 ${p.referred_from} 流转到 ${from}，请先撤销该流转`, en: `The project was already referred from ${p.referred_from} to ${from}; cancel that referral first` });
  } else if (r.to === '') {
    issues.push({ project_id: id, field: 'referred_to', zh: '请选择流入县区', en: 'Choose the receiving county' });
  } else if (r.to === from) {
    issues.push({ project_id: id, field: 'referred_to', zh: `流入县区与流出县区相同（${from}）`, en: `The receiving county is the referring county (${from})` });
  } else if (sharedGroups(groups, from, r.to).length === 0) {
    const mine = groups.filter((g) => g.counties.includes(from));
    issues.push(
      mine.length === 0
        ? { project_id: id, field: 'referred_to', zh: `${from} 不属于任何组团，项目流转只在组团成员之间进行`, en: `${from} belongs to no promotion group; projects are referred only between members of a group` }
        : { project_id: id, field: 'referred_to', zh: `${r.to} 不是 ${mine.map((g) => g.name).join('、')} 的成员`, en: `${r.to} is not a member of ${mine.map((g) => g.name).join(', ')}` },
    );
  }
  if (!(Number.isFinite(r.share_out_pct) && r.share_out_pct >= 0 && r.share_out_pct <= 100)) {
    issues.push({ project_id: id, field: 'share_out_pct', zh: '分成比例应为 0 到 100 之间的数（%）', en: 'The share must be a number from 0 to 100 (%)' });
  }
  if (!validDate(r.date)) issues.push({ project_id: id, field: 'referred_date', zh: '请填写流转日期（年-月-日）', en: 'Enter the referral date (YYYY-MM-DD)' });
  else if (p.dates.negotiating && r.date < p.dates.negotiating) {
    issues.push({ project_id: id, field: 'referred_date', zh: `流转日期早于洽谈日期 ${p.dates.negotiating}`, en: `The referral date is before the negotiation date ${p.dates.negotiating}` });
  }
  return issues;
}
