// Pure functions of the project need (SiteNeed): its problems, the analysis input it resolves
// to (nodes from free text, a promotion group's counties), and a need built from a project of
// the 招商项目库 (contract table `projects`).

import type { PromotionGroup } from '../analysis/promotion-groups';
import type { MatchSettings } from '../analysis/match-settings';
import { type ChainNodeOption, type ResolvedNodes, resolveNodes } from '../analysis/site-match-nodes';
import type { MatchInput } from '../analysis/site-match-need';
import { LAND_USES, type LandUse } from '../vocab';
import { EMPTY_NEED, type SiteNeed } from './siting-state';

export interface NeedIssue {
  field: keyof SiteNeed;
  zh: string;
  en: string;
}

const positive = (v: number | null) => v === null || (Number.isFinite(v) && v > 0);

/** What keeps a need from being matched, each naming its field. */
export function needIssues(need: SiteNeed): NeedIssue[] {
  const out: NeedIssue[] = [];
  if (need.nodeId === null && need.text.trim() === '') {
    out.push({ field: 'text', zh: '请选择产业链环节或输入关键词', en: 'Choose a chain node or type a keyword' });
  }
  if (!positive(need.muMin)) out.push({ field: 'muMin', zh: '用地下限须为正数（亩）', en: 'The least land needed must be a positive number of mu' });
  if (!positive(need.muMax)) out.push({ field: 'muMax', zh: '用地上限须为正数（亩）', en: 'The most land needed must be a positive number of mu' });
  if (need.muMin !== null && need.muMax !== null && need.muMin > need.muMax) {
    out.push({
      field: 'muMax',
      zh: `用地上限 ${need.muMax} 亩小于下限 ${need.muMin} 亩`,
      en: `The most land needed (${need.muMax} mu) is less than the least (${need.muMin} mu)`,
    });
  }
  if (!positive(need.investmentWan)) out.push({ field: 'investmentWan', zh: '投资额须为正数（万元）', en: 'Investment must be a positive amount' });
  if (!positive(need.distanceKm)) out.push({ field: 'distanceKm', zh: '配套距离须为正数（公里）', en: 'The partner distance must be a positive number of km' });
  return out;
}

/** Counties in scope: the preferred ones and every member of the group, each once. */
export function needCounties(need: SiteNeed, groups: readonly PromotionGroup[]): string[] {
  const group = need.groupId === null ? [] : (groups.find((g) => g.group_id === need.groupId)?.counties ?? []);
  return [...new Set([...need.counties, ...group])];
}

export function matchInputOf(
  need: SiteNeed,
  resolved: ResolvedNodes,
  groups: readonly PromotionGroup[],
  settings: MatchSettings,
): MatchInput {
  return {
    nodeIds: resolved.nodes.map((n) => n.node_id),
    muMin: need.muMin,
    muMax: need.muMax,
    landUse: need.landUse,
    investmentWan: need.investmentWan,
    counties: needCounties(need, groups),
    levels: need.levels,
    distanceKm: need.distanceKm ?? settings.matchDistanceKm,
    industrialClass: need.industrialClass,
  };
}

export function resolveNeed(need: SiteNeed, nodes: readonly ChainNodeOption[]): ResolvedNodes {
  return resolveNodes(nodes, need.nodeId, need.text);
}

/** The fields of a project record (contract table `projects`) a need is built from. */
export interface ProjectLike {
  project_id?: string | null;
  chain_node?: string | null;
  land_need_mu_min?: number | null;
  land_need_mu_max?: number | null;
  land_use?: string | null;
  investment_wan?: number | null;
  county?: string | null;
}

const num = (v: number | null | undefined) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** A need from a project: its node, land need, land use, investment and responsible county. */
export function needFromProject(p: ProjectLike): SiteNeed {
  const landUse = LAND_USES.find((u) => u === p.land_use) as LandUse | undefined;
  return {
    ...EMPTY_NEED,
    nodeId: p.chain_node ? p.chain_node : null,
    muMin: num(p.land_need_mu_min),
    muMax: num(p.land_need_mu_max),
    landUse: landUse ?? EMPTY_NEED.landUse,
    investmentWan: num(p.investment_wan),
    counties: p.county ? [p.county] : [],
    projectId: p.project_id ?? null,
  };
}
