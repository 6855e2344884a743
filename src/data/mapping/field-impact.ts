// Which findings a missing column makes impossible, so an import without, say, 出让价款 is a
// warning (“the idle fee amount cannot be computed”) rather than a refusal. The data contract
// (v2, Conventions) makes every column optional except what identifies a record and, for
// parcels, an area or a geometry. Finding codes follow the contract's rules section.

import type { TableKind } from './field-names';

/** Finding codes: idle types, disposal facts, exit codes E1–E6, inefficiency codes L1–L3, 亩均. */
export type FindingCode =
  | 'not_started'
  | 'stalled'
  | 'idle_fee'
  | 'negotiate'
  | 'E1'
  | 'E2'
  | 'E3'
  | 'E4'
  | 'E5'
  | 'E6'
  | 'L1'
  | 'L2'
  | 'L3'
  | 'mujun'
  | 'past_as_of';

/** Per parcel field, the findings that need it (contract v2, “Rules”). */
export const PARCEL_FIELD_IMPACT: Readonly<Record<string, readonly FindingCode[]>> = {
  agreed_start_date: ['not_started', 'E1'],
  actual_start_date: ['not_started', 'stalled', 'E1'],
  halted_since: ['stalled'],
  developed_area_m2: ['stalled'],
  actual_investment_wan: ['stalled', 'E2', 'L2'],
  agreed_investment_wan: ['stalled', 'E2'],
  agreed_completion_date: ['E2'],
  land_price_wan: ['idle_fee'],
  government_delay: ['negotiate'],
  status: ['E3', 'E4', 'L1', 'L2', 'L3'],
  agreed_annual_output_wan: ['E4'],
  annual_output_wan: ['E4'],
  policy_compliant: ['E5'],
  other_breach: ['E6'],
  land_use: ['L1', 'L2', 'L3'],
  floor_area_m2: ['L1'],
  annual_tax_wan: ['L3'],
  enterprise_id: ['mujun'],
  supply_date: ['past_as_of'],
};

/** Fields that identify a record; a file without them is refused (contract v2, Conventions). */
export const REQUIRED_FIELDS: Readonly<Record<TableKind, readonly string[]>> = {
  parcels: ['parcel_id'],
  parks: ['park_id'],
  enterprises: ['enterprise_id'],
  chain_nodes: ['chain_id', 'node_id'],
  chain_links: ['from_node', 'to_node'],
  counties: ['county'],
  projects: ['project_id'],
  factories: ['factory_id'],
  promotion_groups: ['group_id'],
  planning_zones: ['zone_id'],
};

/**
 * The field whose value must be unique in a table, or null: a chain node is identified by its
 * node_id (its chain_id repeats for every node of the chain), and a chain link is a pair of
 * nodes with no id of its own.
 */
export const ID_FIELD: Readonly<Record<TableKind, string | null>> = {
  parcels: 'parcel_id',
  parks: 'park_id',
  enterprises: 'enterprise_id',
  chain_nodes: 'node_id',
  chain_links: null,
  counties: 'county',
  projects: 'project_id',
  factories: 'factory_id',
  promotion_groups: 'group_id',
  planning_zones: 'zone_id',
};

/** Findings that cannot be computed for a table mapped without `absent` fields, in contract order. */
export function impossibleFindings(absent: Iterable<string>): FindingCode[] {
  const out = new Set<FindingCode>();
  for (const f of absent) for (const c of PARCEL_FIELD_IMPACT[f] ?? []) out.add(c);
  const order = Object.values(PARCEL_FIELD_IMPACT).flat();
  return [...out].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}
