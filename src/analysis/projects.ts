// 招商项目库 records: one investment project under negotiation, with its stage dates, the site it
// was matched to, the parcel it was supplied, and its referral (项目流转) inside a promotion
// group. Field names follow the contract's `projects` table (data contract v2, projects);
// `team` (专班), the referral's date and note and the matched site are the user's additions,
// kept with the workspace's work rather than in the table.

import { LAND_USES, type LandUse, PROJECT_STAGES, type ProjectStage } from '../vocab';
import type { TableData } from '../data/workspace/tables';
import { NULL_DAY } from '../data/arrow-columns';

/** The candidate site a project was matched to (seam with site-candidates: `site_id` is stable). */
export interface MatchedSite {
  site_id: string;
  kind: string;
  park_id: string | null;
  county: string;
  label: string;
}

export interface Project {
  project_id: string;
  name: string;
  chain_node: string;
  investment_wan: number | null;
  land_need_mu_min: number | null;
  land_need_mu_max: number | null;
  land_use: LandUse | null;
  /** The responsible county; after a referral, the receiving county (see hostCounty). */
  county: string;
  /** 专班: the team in charge (free text). */
  team: string;
  stage: ProjectStage;
  /** YYYY-MM-DD per stage reached; a stage may lack its date (imported ledgers often do). */
  dates: Partial<Record<ProjectStage, string>>;
  site_parcel_id: string | null;
  referred_from: string | null;
  referred_to: string | null;
  /** 利益共享: share (0–100 %) of output/tax statistics the referring county keeps. */
  share_out_pct: number | null;
  referred_date: string | null;
  referral_note: string;
  matchedSite: MatchedSite | null;
}

export const EMPTY_PROJECT: Omit<Project, 'project_id'> = {
  name: '',
  chain_node: '',
  investment_wan: null,
  land_need_mu_min: null,
  land_need_mu_max: null,
  land_use: 'industrial',
  county: '',
  team: '',
  stage: 'negotiating',
  dates: {},
  site_parcel_id: null,
  referred_from: null,
  referred_to: null,
  share_out_pct: null,
  referred_date: null,
  referral_note: '',
  matchedSite: null,
};

/** The county whose pipeline holds the project: the receiving county once referred. */
export function hostCounty(p: Pick<Project, 'county' | 'referred_to'>): string {
  return p.referred_to || p.county;
}

/** Whether the project was referred away from `county` (counted there as 流出 only). */
export function isReferredFrom(p: Pick<Project, 'county' | 'referred_from' | 'referred_to'>, county: string): boolean {
  return p.referred_from === county && hostCounty(p) !== county;
}

export const stageIndex = (s: ProjectStage): number => PROJECT_STAGES.indexOf(s);

const DATE_FIELDS: Record<ProjectStage, string> = {
  negotiating: 'negotiating_date',
  signed: 'signed_date',
  land_supplied: 'land_supplied_date',
  started: 'started_date',
  producing: 'producing_date',
};

/** The contract column holding each stage's date. */
export const STAGE_DATE_FIELD: Readonly<Record<ProjectStage, string>> = DATE_FIELDS;

const DAY_MS = 86_400_000;
const isoOfDay = (d: number) => new Date(d * DAY_MS).toISOString().slice(0, 10);

function cell(t: TableData, field: string, row: number): string | number | null {
  const c = t.columns[field];
  if (!c) return null;
  switch (c.type) {
    case 'string': {
      const v = (c.values[row] ?? '').trim();
      return v === '' ? null : v;
    }
    case 'number':
      return Number.isNaN(c.values[row]) ? null : c.values[row];
    case 'integer':
      return c.values[row];
    case 'date':
      return c.values[row] === NULL_DAY ? null : isoOfDay(c.values[row]);
    case 'boolean':
      return null;
  }
}

const str = (v: string | number | null) => (v === null ? '' : String(v));
const num = (v: string | number | null) => (typeof v === 'number' ? v : v === null || v === '' ? null : Number.isFinite(Number(v)) ? Number(v) : null);

/** The projects of a workspace's `projects` table (rows without an id were refused at import). */
export function projectsFromTable(t: TableData | undefined): Project[] {
  if (!t) return [];
  const out: Project[] = [];
  for (let r = 0; r < t.count; r++) {
    const project_id = str(cell(t, 'project_id', r));
    if (project_id === '') continue;
    const stage = str(cell(t, 'stage', r)) as ProjectStage;
    const land_use = str(cell(t, 'land_use', r)) as LandUse;
    const dates: Partial<Record<ProjectStage, string>> = {};
    for (const s of PROJECT_STAGES) {
      const d = cell(t, DATE_FIELDS[s], r);
      if (typeof d === 'string') dates[s] = d;
    }
    out.push({
      ...EMPTY_PROJECT,
      project_id,
      name: str(cell(t, 'name', r)) || project_id,
      chain_node: str(cell(t, 'chain_node', r)),
      investment_wan: num(cell(t, 'investment_wan', r)),
      land_need_mu_min: num(cell(t, 'land_need_mu_min', r)),
      land_need_mu_max: num(cell(t, 'land_need_mu_max', r)),
      land_use: LAND_USES.includes(land_use) ? land_use : null,
      county: str(cell(t, 'county', r)),
      stage: PROJECT_STAGES.includes(stage) ? stage : 'negotiating',
      dates,
      site_parcel_id: str(cell(t, 'site_parcel_id', r)) || null,
      referred_from: str(cell(t, 'referred_from', r)) || null,
      referred_to: str(cell(t, 'referred_to', r)) || null,
      share_out_pct: num(cell(t, 'share_out_pct', r)),
    });
  }
  return out;
}

const ISO = /^\d{4}-\d{2}-\d{2}$/;
const optStr = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
const optNum = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function siteFromSaved(v: unknown): MatchedSite | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.site_id !== 'string' || typeof o.kind !== 'string') return null;
  return { site_id: o.site_id, kind: o.kind, park_id: optStr(o.park_id), county: typeof o.county === 'string' ? o.county : '', label: typeof o.label === 'string' ? o.label : o.site_id };
}

/** One saved project, or null when it is not a project (no id, unknown stage). */
function projectFromSaved(v: unknown): Project | null {
  if (!v || typeof v !== 'object') return null;
  const o = v as Record<string, unknown>;
  if (typeof o.project_id !== 'string' || o.project_id === '') return null;
  if (!PROJECT_STAGES.includes(o.stage as ProjectStage)) return null;
  const dates: Partial<Record<ProjectStage, string>> = {};
  const d = o.dates && typeof o.dates === 'object' ? (o.dates as Record<string, unknown>) : {};
  for (const s of PROJECT_STAGES) if (typeof d[s] === 'string' && ISO.test(d[s] as string)) dates[s] = d[s] as string;
  return {
    project_id: o.project_id,
    name: typeof o.name === 'string' ? o.name : o.project_id,
    chain_node: typeof o.chain_node === 'string' ? o.chain_node : '',
    investment_wan: optNum(o.investment_wan),
    land_need_mu_min: optNum(o.land_need_mu_min),
    land_need_mu_max: optNum(o.land_need_mu_max),
    land_use: LAND_USES.includes(o.land_use as LandUse) ? (o.land_use as LandUse) : null,
    county: typeof o.county === 'string' ? o.county : '',
    team: typeof o.team === 'string' ? o.team : '',
    stage: o.stage as ProjectStage,
    dates,
    site_parcel_id: optStr(o.site_parcel_id),
    referred_from: optStr(o.referred_from),
    referred_to: optStr(o.referred_to),
    share_out_pct: optNum(o.share_out_pct),
    referred_date: typeof o.referred_date === 'string' && ISO.test(o.referred_date) ? o.referred_date : null,
    referral_note: typeof o.referral_note === 'string' ? o.referral_note : '',
    matchedSite: siteFromSaved(o.matchedSite),
  };
}

/** Saved projects (workspace file, local storage); malformed entries are counted, never guessed at. */
export function projectsFromSaved(value: unknown): { projects: Project[] | null; dropped: number } {
  if (value === null || value === undefined) return { projects: null, dropped: 0 };
  if (!Array.isArray(value)) return { projects: null, dropped: 1 };
  const out: Project[] = [];
  const seen = new Set<string>();
  let dropped = 0;
  for (const v of value) {
    const p = projectFromSaved(v);
    if (!p || seen.has(p.project_id)) dropped++;
    else {
      seen.add(p.project_id);
      out.push(p);
    }
  }
  return { projects: out, dropped };
}
