// The data contract (v2): field names and types. Every importer, the demo generator, the
// DuckDB schema and the command-line report read their columns from here, so a field is named
// in exactly one place. Enum values and units are the vocabulary's (src/vocab); they are
// re-exported here for the data layer's readers, not defined again.

import { CHAIN_STAGES, LAND_USES, PARCEL_STATUSES, PARK_LEVELS, PROJECT_STAGES, ZONE_KINDS } from '../vocab/codes';

export {
  CHAIN_STAGES,
  DISPOSALS,
  EXIT_CODES,
  IDLE_TYPES,
  INEFFICIENCY_CODES,
  LAND_USES,
  PARCEL_STATUSES,
  PARK_LEVELS,
  PROJECT_STAGES,
  type Disposal,
  type IdleType,
  type LandUse,
  type ParcelStatus,
  type ParkLevel,
} from '../vocab/codes';
export { M2_PER_HA, M2_PER_MU } from '../vocab/units';

export type FieldType = 'string' | 'number' | 'date' | 'boolean' | 'enum';

export interface FieldSpec {
  name: string;
  type: FieldType;
  /** The row is rejected when this field is empty. */
  required?: boolean;
  /** Allowed values for `enum` fields. */
  values?: readonly string[];
  /** Chinese label, used in messages and headers. */
  label: string;
}

/** Parcel fields in contract order (geometry is handled separately). */
export const PARCEL_FIELDS: readonly FieldSpec[] = [
  { name: 'parcel_id', type: 'string', required: true, label: '宗地编号' },
  { name: 'park_id', type: 'string', label: '所属园区' },
  { name: 'county', type: 'string', required: true, label: '所属县区' },
  { name: 'land_use', type: 'enum', values: LAND_USES, required: true, label: '用地性质' },
  { name: 'area_m2', type: 'number', label: '宗地面积(m²)' },
  { name: 'holder', type: 'string', label: '土地使用权人' },
  { name: 'enterprise_id', type: 'string', label: '企业编号' },
  { name: 'chain_node', type: 'string', label: '产业链环节' },
  { name: 'supply_date', type: 'date', label: '供地日期' },
  { name: 'agreed_start_date', type: 'date', label: '约定动工日期' },
  { name: 'actual_start_date', type: 'date', label: '实际动工日期' },
  { name: 'agreed_completion_date', type: 'date', label: '约定竣工日期' },
  { name: 'land_price_wan', type: 'number', label: '土地价款(万元)' },
  { name: 'agreed_investment_wan', type: 'number', label: '约定总投资(万元)' },
  { name: 'actual_investment_wan', type: 'number', label: '已完成投资(万元)' },
  { name: 'developed_area_m2', type: 'number', label: '已开发面积(m²)' },
  { name: 'floor_area_m2', type: 'number', label: '建筑面积(m²)' },
  { name: 'halted_since', type: 'date', label: '停工日期' },
  { name: 'status', type: 'enum', values: PARCEL_STATUSES, required: true, label: '建设状态' },
  { name: 'agreed_annual_output_wan', type: 'number', label: '约定年产值(万元)' },
  { name: 'annual_output_wan', type: 'number', label: '实际年产值(万元)' },
  { name: 'annual_tax_wan', type: 'number', label: '年税收(万元)' },
  { name: 'government_delay', type: 'boolean', label: '政府原因延迟' },
  { name: 'policy_compliant', type: 'boolean', label: '符合产业政策与环保标准' },
  { name: 'other_breach', type: 'boolean', label: '其他违约' },
];

export const PARK_FIELDS: readonly FieldSpec[] = [
  { name: 'park_id', type: 'string', required: true, label: '园区编号' },
  { name: 'name', type: 'string', required: true, label: '园区名称' },
  { name: 'county', type: 'string', required: true, label: '所属县区' },
  { name: 'level', type: 'enum', values: PARK_LEVELS, required: true, label: '园区级别' },
  { name: 'leading_chains', type: 'string', label: '主导产业链' },
  { name: 'planned_area_ha', type: 'number', label: '规划面积(公顷)' },
];

export const ENTERPRISE_FIELDS: readonly FieldSpec[] = [
  { name: 'enterprise_id', type: 'string', required: true, label: '企业编号' },
  { name: 'name', type: 'string', required: true, label: '企业名称' },
  { name: 'county', type: 'string', required: true, label: '所属县区' },
  { name: 'park_id', type: 'string', label: '所属园区' },
  { name: 'chain_node', type: 'string', label: '产业链环节' },
  { name: 'above_scale', type: 'boolean', label: '规上企业' },
  { name: 'employees', type: 'number', label: '从业人员' },
  { name: 'revenue_wan', type: 'number', label: '营业收入(万元)' },
  { name: 'value_added_wan', type: 'number', label: '工业增加值(万元)' },
  { name: 'tax_wan', type: 'number', label: '税收(万元)' },
  { name: 'energy_tce', type: 'number', label: '能耗(吨标煤)' },
  { name: 'rd_expense_wan', type: 'number', label: '研发经费(万元)' },
];

export const CHAIN_NODE_FIELDS: readonly FieldSpec[] = [
  { name: 'chain_id', type: 'string', required: true, label: '产业链编号' },
  { name: 'chain_name', type: 'string', required: true, label: '产业链名称' },
  { name: 'node_id', type: 'string', required: true, label: '环节编号' },
  { name: 'node_name', type: 'string', required: true, label: '环节名称' },
  { name: 'stage', type: 'enum', values: CHAIN_STAGES, required: true, label: '环节位置' },
];

export const CHAIN_LINK_FIELDS: readonly FieldSpec[] = [
  { name: 'from_node', type: 'string', required: true, label: '供应环节' },
  { name: 'to_node', type: 'string', required: true, label: '需求环节' },
];

/** The command-line report's columns, exactly as the contract names them. */
export const REPORT_COLUMNS = [
  'parcel_id',
  'idle_type',
  'idle_days',
  'disposal',
  'exit_reasons',
  'inefficiency',
] as const;

// ---------------------------------------------------------------------------------------
// Tables added in contract v2: projects (招商项目库), standard factories, promotion groups, and
// county boundaries as an importable table.

export const PROJECT_FIELDS: readonly FieldSpec[] = [
  { name: 'project_id', type: 'string', required: true, label: '项目编号' },
  { name: 'name', type: 'string', label: '项目名称' },
  { name: 'chain_node', type: 'string', label: '产业链环节' },
  { name: 'investment_wan', type: 'number', label: '总投资(万元)' },
  { name: 'land_need_mu_min', type: 'number', label: '用地需求下限(亩)' },
  { name: 'land_need_mu_max', type: 'number', label: '用地需求上限(亩)' },
  { name: 'land_use', type: 'enum', values: LAND_USES, label: '用地性质' },
  { name: 'county', type: 'string', label: '责任县区' },
  { name: 'stage', type: 'enum', values: PROJECT_STAGES, label: '项目阶段' },
  { name: 'negotiating_date', type: 'date', label: '洽谈日期' },
  { name: 'signed_date', type: 'date', label: '签约日期' },
  { name: 'land_supplied_date', type: 'date', label: '供地日期' },
  { name: 'started_date', type: 'date', label: '开工日期' },
  { name: 'producing_date', type: 'date', label: '投产日期' },
  { name: 'site_parcel_id', type: 'string', label: '落地宗地编号' },
  { name: 'referred_from', type: 'string', label: '流出县区' },
  { name: 'referred_to', type: 'string', label: '流入县区' },
  { name: 'share_out_pct', type: 'number', label: '流出地分成比例(%)' },
];

export const FACTORY_FIELDS: readonly FieldSpec[] = [
  { name: 'factory_id', type: 'string', required: true, label: '厂房编号' },
  { name: 'park_id', type: 'string', label: '园区编号' },
  { name: 'floor_area_m2', type: 'number', label: '建筑面积(m²)' },
  { name: 'vacant_area_m2', type: 'number', label: '空置面积(m²)' },
  { name: 'status', type: 'string', label: '使用状态' },
];

export const PROMOTION_GROUP_FIELDS: readonly FieldSpec[] = [
  { name: 'group_id', type: 'string', required: true, label: '组团编号' },
  { name: 'name', type: 'string', label: '组团名称' },
  { name: 'counties', type: 'string', label: '成员县区' },
];

export const COUNTY_FIELDS: readonly FieldSpec[] = [
  { name: 'county', type: 'string', required: true, label: '县区名称' },
  { name: 'city', type: 'string', label: '所属城市' },
  { name: 'adcode', type: 'string', label: '行政区划代码' },
];

// ---------------------------------------------------------------------------------------
// Planning limits (规划管控), a table ParkAtlas adds beside the contract's: polygons of the 三条控制线
// and of a 控规's land classes, imported from the planner's own files. Site matching keeps projects
// inside the urban development boundary, out of farmland and the red line, and on land whose
// 控规 class fits (analysis/zone-checks.ts).
export const PLANNING_ZONE_FIELDS: readonly FieldSpec[] = [
  { name: 'zone_id', type: 'string', required: true, label: '图斑编号' },
  { name: 'kind', type: 'enum', values: ZONE_KINDS, label: '管控类型' },
  /** GB 50137-2011 code of a 控规 plot (M1, M2, M3, W1…); empty for the three control lines. */
  { name: 'land_class', type: 'string', label: '用地代码' },
  { name: 'name', type: 'string', label: '名称' },
];
