// Every code the data contract (v2) and the app use, listed once. Contract field specs,
// analyses, the UI, exports and the command-line report take their enums from here, so a
// code is spelled in exactly one place. Labels for these codes live in labels.ts.

/** parcels.land_use (data contract v2, parcels). */
export const LAND_USES = ['industrial', 'warehouse', 'commercial', 'residential', 'other'] as const;
export type LandUse = (typeof LAND_USES)[number];

/** parcels.status (data contract v2, parcels). */
export const PARCEL_STATUSES = ['not_started', 'under_construction', 'halted', 'built_no_production', 'producing'] as const;
export type ParcelStatus = (typeof PARCEL_STATUSES)[number];

/** parks.level (data contract v2, parks). */
export const PARK_LEVELS = ['national', 'provincial', 'municipal', 'county'] as const;
export type ParkLevel = (typeof PARK_LEVELS)[number];

/** chain_nodes.stage (data contract v2, chain_nodes). */
export const CHAIN_STAGES = ['upstream', 'midstream', 'downstream'] as const;
export type ChainStage = (typeof CHAIN_STAGES)[number];

/** projects.stage (data contract v2, projects: 洽谈/签约/供地/开工/投产). */
export const PROJECT_STAGES = ['negotiating', 'signed', 'land_supplied', 'started', 'producing'] as const;
export type ProjectStage = (typeof PROJECT_STAGES)[number];

/**
 * planning_zones.kind (a ParkAtlas table beside the contract's): the 国土空间规划 controls that
 * limit where a project may go — 城镇开发边界, 永久基本农田 and 生态保护红线 (the 三条控制线 of
 * 《关于在国土空间规划中统筹划定落实三条控制线的指导意见》, 2019) — and the land classes of a
 * 控制性详细规划 (控规).
 */
export const ZONE_KINDS = ['urban_boundary', 'permanent_farmland', 'eco_redline', 'regulatory_plan'] as const;
export type ZoneKind = (typeof ZONE_KINDS)[number];

/** 工业用地 classes of GB 50137-2011《城市用地分类与规划建设用地标准》: M1 一类 (little disturbance) … M3 三类 (serious). */
export const INDUSTRIAL_CLASSES = ['M1', 'M2', 'M3'] as const;
export type IndustrialClass = (typeof INDUSTRIAL_CLASSES)[number];

/** Output `idle_type` (data contract v2, outputs; 《闲置土地处置办法》第二条). */
export const IDLE_TYPES = ['none', 'not_started', 'stalled'] as const;
export type IdleType = (typeof IDLE_TYPES)[number];

/** Output `disposal` (data contract v2, outputs; 《闲置土地处置办法》第八条、第十四条). */
export const DISPOSALS = ['none', 'fee', 'recovery', 'negotiate'] as const;
export type Disposal = (typeof DISPOSALS)[number];

/** Exit conditions of the investment agreement (土地退出机制), in report order. */
export const EXIT_CODES = ['E1', 'E2', 'E3', 'E4', 'E5', 'E6'] as const;
export type ExitCode = (typeof EXIT_CODES)[number];

/** Inefficient-land codes (低效用地), in report order. */
export const INEFFICIENCY_CODES = ['L1', 'L2', 'L3'] as const;
export type InefficiencyCode = (typeof INEFFICIENCY_CODES)[number];

/**
 * Inputs a land rule needed but did not have (`missing_inputs`, data contract v2 data quality),
 * in the order the list names them. A pair means either of the two was missing.
 */
export const MISSING_INPUTS = [
  'agreed_start_date',
  'developed_area_m2/actual_investment_wan',
  'land_price_wan',
  'agreed_completion_date',
  'actual_investment_wan/agreed_investment_wan',
  'annual_output_wan/agreed_annual_output_wan',
  'floor_area_m2',
  'actual_investment_wan',
  'annual_tax_wan',
] as const;
export type MissingInput = (typeof MISSING_INPUTS)[number];

// Findings are stored as small integers (parcel_findings_narrow, analysis/land-rules.ts): a
// single-valued finding as its position in its list above (idle_type, disposal), a set of
// findings (E1–E6, L1–L3, missing inputs) as a bit mask whose bit i is the list's i-th code.
// Reordering a list renumbers the stored codes, which only live as long as one rule run.

/** The integer code of `v` in `codes` (its position), or -1 when it is not one of them. */
export function codeOf(codes: readonly string[], v: string): number {
  return codes.indexOf(v);
}

/** The bit of `v` in a mask over `codes`, or 0 when it is not one of them. */
export function bitOf(codes: readonly string[], v: string): number {
  const i = codes.indexOf(v);
  return i < 0 ? 0 : 1 << i;
}

/** The mask of a set of codes; strings that are not codes add nothing. */
export function maskOf(codes: readonly string[], values: readonly string[]): number {
  return values.reduce((m, v) => m | bitOf(codes, v), 0);
}

/** The codes a mask holds, in list order. */
export function codesIn<T extends string>(codes: readonly T[], mask: number): T[] {
  return codes.filter((_, i) => (mask & (1 << i)) !== 0);
}

/** 亩均效益 classes by rank (after Zhejiang's 亩均论英雄, 浙政发〔2018〕5号). */
export const MUJUN_CLASSES = ['A', 'B', 'C', 'D'] as const;
export type MujunClass = (typeof MUJUN_CLASSES)[number];

/** Inputs an enterprise can lack for the 亩均 score (codes in enterprise_mujun.missing). */
export const MUJUN_INPUTS = [
  'parcels', 'area_m2', 'tax_wan', 'value_added_wan', 'employees', 'energy_tce', 'rd_expense_wan', 'revenue_wan',
] as const;
export type MujunInput = (typeof MUJUN_INPUTS)[number];

/** Revitalisation tracking (盘活跟踪) stages in their usual order; a case ends as recovered or revitalised. */
export const TRACKING_STAGES = ['to_verify', 'interviewed', 'rectifying', 'recovered', 'revitalised'] as const;
export type TrackingStage = (typeof TRACKING_STAGES)[number];

/** Stages that close a case (counted as “revitalised this year”). */
export const TRACKING_DONE_STAGES: readonly TrackingStage[] = ['recovered', 'revitalised'];

/** Proposed actions of the disposal plan (analysis/disposal-plan.ts), most binding first. */
export const DISPOSAL_ACTIONS = [
  'negotiate', 'recover', 'collect_fee', 'exit', 'urge_start', 'lease_to_new', 'upgrade', 'standard_factory',
] as const;
export type DisposalAction = (typeof DISPOSAL_ACTIONS)[number];

/** True when `v` is one of `codes` (narrows the type). */
export function isCode<T extends string>(codes: readonly T[], v: unknown): v is T {
  return typeof v === 'string' && (codes as readonly string[]).includes(v);
}
