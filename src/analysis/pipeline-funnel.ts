// The pipeline funnel (招商漏斗) per county and per promotion group, in plain TypeScript over the
// project records: a pipeline holds tens to hundreds of projects, edited in the browser, so a
// database round trip would add nothing.
//
// Counting rules (issue 12, item 4): a referred project counts in the receiving county's funnel
// and is listed there as 流入; the referring county lists it as 流出 with its agreed share but does
// not count it, so no project is counted twice across the counties of a city. A group's funnel
// counts each project hosted by one of its members once, whichever member referred it.

import { PROJECT_STAGES, type ProjectStage } from '../vocab';
import { type Project, hostCounty, isReferredFrom, stageIndex } from './projects';
import type { PromotionGroup } from './promotion-groups';

export interface FunnelStage {
  stage: ProjectStage;
  /** Projects at this stage now. */
  current: number;
  /** Projects at this stage or past it (the funnel's width). */
  reached: number;
  /** Investment (万元) of the projects that reached it; missing amounts count as 0. */
  reachedWan: number;
}

export interface FunnelFlow {
  project_id: string;
  name: string;
  from: string;
  to: string;
  share_out_pct: number | null;
  stage: ProjectStage;
}

export interface Funnel {
  stages: FunnelStage[];
  total: number;
  totalWan: number;
  /** Received from another county (counted here). */
  inflow: FunnelFlow[];
  /** Referred to another county (not counted here). */
  outflow: FunnelFlow[];
}

function flow(p: Project): FunnelFlow {
  return { project_id: p.project_id, name: p.name, from: p.referred_from ?? '', to: hostCounty(p), share_out_pct: p.share_out_pct, stage: p.stage };
}

function funnelOf(counted: readonly Project[], inflow: FunnelFlow[], outflow: FunnelFlow[]): Funnel {
  const stages = PROJECT_STAGES.map((stage) => ({ stage, current: 0, reached: 0, reachedWan: 0 }));
  let totalWan = 0;
  for (const p of counted) {
    const at = stageIndex(p.stage);
    const wan = p.investment_wan ?? 0;
    totalWan += wan;
    stages[at].current++;
    for (let i = 0; i <= at; i++) {
      stages[i].reached++;
      stages[i].reachedWan += wan;
    }
  }
  return { stages, total: counted.length, totalWan, inflow, outflow };
}

/** One county's funnel: its own and received projects counted; those it referred away listed as 流出. */
export function countyFunnel(projects: readonly Project[], county: string): Funnel {
  const counted = projects.filter((p) => hostCounty(p) === county);
  const inflow = counted.filter((p) => p.referred_from && p.referred_from !== county).map(flow);
  const outflow = projects.filter((p) => isReferredFrom(p, county)).map(flow);
  return funnelOf(counted, inflow, outflow);
}

/**
 * A promotion group's funnel: every project hosted by a member, once. A referral between two
 * members stays inside the group and is listed once, as inflow; a referral to a county outside
 * the group is listed as outflow and not counted.
 */
export function groupFunnel(projects: readonly Project[], group: PromotionGroup): Funnel {
  const member = new Set(group.counties);
  const counted = projects.filter((p) => member.has(hostCounty(p)));
  const inflow = counted.filter((p) => p.referred_from && p.referred_from !== hostCounty(p)).map(flow);
  const outflow = projects.filter((p) => p.referred_from !== null && member.has(p.referred_from) && !member.has(hostCounty(p))).map(flow);
  return funnelOf(counted, inflow, outflow);
}

/** The whole place's funnel: every project once; referrals between its counties listed as inflow. */
export function placeFunnel(projects: readonly Project[]): Funnel {
  return funnelOf(projects, projects.filter((p) => p.referred_from && p.referred_from !== hostCounty(p)).map(flow), []);
}
