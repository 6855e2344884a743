// Pure updaters of the user's project pipeline (招商项目库, product model "Work: project pipeline
// entries"). Each takes the list and returns a new one, or the problems (field, both languages)
// when the change is refused; pipeline-actions.ts stores a list only when nothing is wrong.

import { type ProjectStage, PROJECT_STAGES } from '../vocab';
import { EMPTY_PROJECT, type MatchedSite, type Project, hostCounty, stageIndex } from '../analysis/projects';
import { type ProjectIssue, type ReferralInput, checkProject, checkReferral } from '../analysis/project-checks';
import type { PromotionGroup } from '../analysis/promotion-groups';

export { type MatchedSite, type Project, hostCounty } from '../analysis/projects';
export { type ProjectIssue, type ReferralInput } from '../analysis/project-checks';

export type PipelineResult = { ok: true; projects: Project[] } | { ok: false; issues: ProjectIssue[] };

/** What the add/edit form holds: every field of a project but its id, stage history and links. */
export type ProjectFields = Pick<Project, 'name' | 'chain_node' | 'investment_wan' | 'land_need_mu_min' | 'land_need_mu_max' | 'land_use' | 'county' | 'team'>;

/** The first id P001, P002, … not yet used in `list` (user projects; imported ids are kept as they are). */
export function nextProjectId(list: readonly Project[]): string {
  const used = new Set(list.map((p) => p.project_id));
  let n = 1;
  while (used.has(`P${String(n).padStart(3, '0')}`)) n++;
  return `P${String(n).padStart(3, '0')}`;
}

function replace(list: readonly Project[], next: Project, known: readonly string[]): PipelineResult {
  const issues = checkProject(next, known);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, projects: list.map((p) => (p.project_id === next.project_id ? next : p)) };
}

function find(list: readonly Project[], id: string): Project | ProjectIssue[] {
  return list.find((p) => p.project_id === id) ?? [{ project_id: id, field: 'name', zh: `项目 ${id} 不存在`, en: `There is no project ${id}` }];
}

/** A new project at 洽谈, dated `date`, at the end of the list. */
export function addProject(list: readonly Project[], fields: ProjectFields, date: string, known: readonly string[]): PipelineResult & { id?: string } {
  const project: Project = { ...EMPTY_PROJECT, ...fields, project_id: nextProjectId(list), stage: 'negotiating', dates: { negotiating: date } };
  const issues = checkProject(project, known);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, projects: [...list, project], id: project.project_id };
}

export function editProject(list: readonly Project[], id: string, fields: Partial<ProjectFields>, known: readonly string[]): PipelineResult {
  const p = find(list, id);
  if (Array.isArray(p)) return { ok: false, issues: p };
  // A referred project's county is the receiving county; the form cannot move it elsewhere.
  const county = p.referred_to ? p.county : (fields.county ?? p.county);
  return replace(list, { ...p, ...fields, county }, known);
}

/**
 * Moves a project to `stage` on `date`. Forward, the date must not be earlier than any earlier
 * stage's date; backward (a correction), the dates of the stages undone are cleared.
 */
export function setStage(list: readonly Project[], id: string, stage: ProjectStage, date: string, known: readonly string[]): PipelineResult {
  const p = find(list, id);
  if (Array.isArray(p)) return { ok: false, issues: p };
  const at = stageIndex(stage);
  const dates: Partial<Record<ProjectStage, string>> = {};
  for (const s of PROJECT_STAGES) if (stageIndex(s) < at && p.dates[s]) dates[s] = p.dates[s];
  dates[stage] = date;
  const next: Project = { ...p, stage, dates, site_parcel_id: at >= stageIndex('land_supplied') ? p.site_parcel_id : null };
  return replace(list, next, known);
}

/** Seam 3: the candidate site the project was matched to (null unlinks). */
export function linkSite(list: readonly Project[], id: string, site: MatchedSite | null): Project[] {
  return list.map((p) => (p.project_id === id ? { ...p, matchedSite: site } : p));
}

/**
 * The parcel supplied to the project: from then on the idle-land rules watch that parcel. Only
 * a project that reached 供地 has one (the contract's `site_parcel_id`), and the parcel must
 * exist in the data (`parcelCounty` gives its county, undefined when unknown).
 */
export function linkParcel(list: readonly Project[], id: string, parcelId: string | null, parcelCounty: (parcelId: string) => string | undefined): PipelineResult {
  const p = find(list, id);
  if (Array.isArray(p)) return { ok: false, issues: p };
  if (parcelId !== null) {
    const issue = (zh: string, en: string): PipelineResult => ({ ok: false, issues: [{ project_id: id, field: 'dates', zh, en }] });
    if (stageIndex(p.stage) < stageIndex('land_supplied')) return issue('项目到供地阶段后才能关联宗地', 'A parcel can be linked once the project has reached land supply');
    const county = parcelCounty(parcelId);
    if (county === undefined) return issue(`宗地 ${parcelId} 不在本地区的数据中`, `Parcel ${parcelId} is not in this region's data`);
    if (county !== hostCounty(p)) return issue(`宗地 ${parcelId} 位于 ${county}，项目落在 ${hostCounty(p)}`, `Parcel ${parcelId} lies in ${county}, the project in ${hostCounty(p)}`);
  }
  return { ok: true, projects: list.map((q) => (q.project_id === id ? { ...q, site_parcel_id: parcelId } : q)) };
}

/** 项目流转: `from` (the project's county) refers it to another member of a shared promotion group. */
export function referProject(list: readonly Project[], id: string, r: ReferralInput, groups: readonly PromotionGroup[], known: readonly string[]): PipelineResult {
  const p = find(list, id);
  if (Array.isArray(p)) return { ok: false, issues: p };
  const issues = checkReferral(p, r, groups);
  if (issues.length > 0) return { ok: false, issues };
  const from = hostCounty(p);
  // A matched site or parcel in the referring county no longer fits: the receiving county offers its own.
  const next: Project = {
    ...p,
    county: r.to,
    referred_from: from,
    referred_to: r.to,
    share_out_pct: r.share_out_pct,
    referred_date: r.date,
    referral_note: r.note.trim(),
    matchedSite: p.matchedSite && p.matchedSite.county === r.to ? p.matchedSite : null,
    site_parcel_id: null,
  };
  return replace(list, next, known);
}

/** Undoes a referral: the project returns to the referring county. */
export function cancelReferral(list: readonly Project[], id: string): Project[] {
  return list.map((p) =>
    p.project_id === id && p.referred_from
      ? { ...p, county: p.referred_from, referred_from: null, referred_to: null, share_out_pct: null, referred_date: null, referral_note: '', matchedSite: null, site_parcel_id: null }
      : p,
  );
}

export function deleteProject(list: readonly Project[], id: string): Project[] {
  return list.filter((p) => p.project_id !== id);
}

/** The problems of one field, in the UI language, to show next to that field. */
export function projectFieldIssues(issues: readonly ProjectIssue[], field: ProjectIssue['field'], lang: 'zh' | 'en'): string[] {
  return issues.filter((i) => i.field === field).map((i) => i[lang]);
}
