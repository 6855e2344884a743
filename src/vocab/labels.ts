// Chinese and English labels for every code in codes.ts. The UI dictionary, explanations,
// disposal plans, exports and the command-line report all read these, so a code reads the
// same everywhere. Terms follow the sources they come from:
// - idle types and disposals: 《闲置土地处置办法》(国土资源部令第53号, 2012) 第二条 defines idle
//   land as not started one year after the agreed date, or started and “中止开发建设满一年”
//   (hence 中止开发建设闲置); 第十四条 names 征缴土地闲置费 and 无偿收回; 第八条/第十二条 协议处置.
// - E1–E6: the investment agreement's land exit mechanism (土地退出机制), data contract v2.
// - L1–L3: 低效用地 thresholds (容积率, 投资强度, 亩均税收), data contract v2.
// - 亩均 classes: 浙政发〔2018〕5号 (A 优先支持 … D 整治淘汰).

import type {
  ChainStage,
  Disposal,
  DisposalAction,
  ExitCode,
  IdleType,
  InefficiencyCode,
  LandUse,
  MujunClass,
  MujunInput,
  ParcelStatus,
  ParkLevel,
  ProjectStage,
  TrackingStage,
  IndustrialClass,
  ZoneKind,
} from './codes';

export type Lang = 'zh' | 'en';
export const LANGS: readonly Lang[] = ['zh', 'en'];

export interface Label {
  readonly zh: string;
  readonly en: string;
}

export const LAND_USE_LABELS: Record<LandUse, Label> = {
  industrial: { zh: '工业', en: 'Industrial' },
  warehouse: { zh: '仓储', en: 'Warehouse' },
  commercial: { zh: '商业', en: 'Commercial' },
  residential: { zh: '住宅', en: 'Residential' },
  other: { zh: '其他', en: 'Other' },
};

export const PARCEL_STATUS_LABELS: Record<ParcelStatus, Label> = {
  not_started: { zh: '未动工', en: 'Not started' },
  under_construction: { zh: '在建', en: 'Under construction' },
  halted: { zh: '停工', en: 'Halted' },
  built_no_production: { zh: '建成未投产', en: 'Built, not producing' },
  producing: { zh: '已投产', en: 'Producing' },
};

export const PARK_LEVEL_LABELS: Record<ParkLevel, Label> = {
  national: { zh: '国家级', en: 'National' },
  provincial: { zh: '省级', en: 'Provincial' },
  municipal: { zh: '市级', en: 'Municipal' },
  county: { zh: '县级', en: 'County' },
};

export const CHAIN_STAGE_LABELS: Record<ChainStage, Label> = {
  upstream: { zh: '上游', en: 'Upstream' },
  midstream: { zh: '中游', en: 'Midstream' },
  downstream: { zh: '下游', en: 'Downstream' },
};

export const PROJECT_STAGE_LABELS: Record<ProjectStage, Label> = {
  negotiating: { zh: '洽谈', en: 'Negotiating' },
  signed: { zh: '签约', en: 'Signed' },
  land_supplied: { zh: '供地', en: 'Land supplied' },
  started: { zh: '开工', en: 'Started' },
  producing: { zh: '投产', en: 'Producing' },
};

export const ZONE_KIND_LABELS: Record<ZoneKind, Label> = {
  urban_boundary: { zh: '城镇开发边界', en: 'Urban development boundary' },
  permanent_farmland: { zh: '永久基本农田', en: 'Permanent basic farmland' },
  eco_redline: { zh: '生态保护红线', en: 'Ecological protection red line' },
  regulatory_plan: { zh: '控规用地', en: 'Regulatory plan land class' },
};

/** GB 50137-2011, table 3.3.2 (M 工业用地). */
export const INDUSTRIAL_CLASS_LABELS: Record<IndustrialClass, Label> = {
  M1: { zh: '一类工业用地（M1）', en: 'Class 1 industrial (M1)' },
  M2: { zh: '二类工业用地（M2）', en: 'Class 2 industrial (M2)' },
  M3: { zh: '三类工业用地（M3）', en: 'Class 3 industrial (M3)' },
};

export const IDLE_TYPE_LABELS: Record<IdleType, Label> = {
  none: { zh: '未闲置', en: 'Not idle' },
  not_started: { zh: '未动工闲置', en: 'Idle · not started' },
  stalled: { zh: '中止开发建设闲置', en: 'Idle · development suspended' },
};

export const DISPOSAL_LABELS: Record<Disposal, Label> = {
  none: { zh: '未闲置', en: 'Not idle' },
  fee: { zh: '征缴土地闲置费', en: 'Idle-land fee' },
  recovery: { zh: '无偿收回', en: 'Recovery without compensation' },
  negotiate: { zh: '协议处置', en: 'Negotiated disposal' },
};

export const EXIT_LABELS: Record<ExitCode, Label> = {
  E1: { zh: '逾期未动工', en: 'Overdue start' },
  E2: { zh: '投资未达约定', en: 'Investment short' },
  E3: { zh: '建成未投产', en: 'Built, not producing' },
  E4: { zh: '未达产', en: 'Below output target' },
  E5: { zh: '不符合产业政策或环保标准', en: 'Policy/environment non-compliant' },
  E6: { zh: '其他违约', en: 'Other breach' },
};

export const INEFFICIENCY_LABELS: Record<InefficiencyCode, Label> = {
  L1: { zh: '容积率偏低', en: 'Low plot ratio' },
  L2: { zh: '投资强度偏低', en: 'Low investment intensity' },
  L3: { zh: '亩均税收偏低', en: 'Low tax per mu' },
};

export const MUJUN_CLASS_LABELS: Record<MujunClass, Label> = {
  A: { zh: 'A 类（优先支持）', en: 'A (supported)' },
  B: { zh: 'B 类（提升发展）', en: 'B (improving)' },
  C: { zh: 'C 类（转型提升）', en: 'C (to upgrade)' },
  D: { zh: 'D 类（整治淘汰）', en: 'D (to rectify or exit)' },
};

/** An enterprise without a 亩均 class (missing inputs). */
export const MUJUN_NOT_CLASSED: Label = { zh: '未评级', en: 'Not classed' };

/** Labels of the inputs an enterprise lacks for the 亩均 score. */
export const MUJUN_INPUT_LABELS: Record<MujunInput, Label> = {
  parcels: { zh: '无关联宗地', en: 'no linked parcel' },
  area_m2: { zh: '用地面积缺失或为 0', en: 'land area missing or zero' },
  tax_wan: { zh: '税收', en: 'tax' },
  value_added_wan: { zh: '工业增加值', en: 'value added' },
  employees: { zh: '从业人员缺失或为 0', en: 'employees missing or zero' },
  energy_tce: { zh: '能耗缺失或为 0', en: 'energy use missing or zero' },
  rd_expense_wan: { zh: '研发经费', en: 'R&D expense' },
  revenue_wan: { zh: '营业收入缺失或为 0', en: 'revenue missing or zero' },
};

export const TRACKING_STAGE_LABELS: Record<TrackingStage, Label> = {
  to_verify: { zh: '待核查', en: 'To verify' },
  interviewed: { zh: '已约谈', en: 'Interviewed' },
  rectifying: { zh: '限期整改', en: 'Rectifying' },
  recovered: { zh: '已收回', en: 'Recovered' },
  revitalised: { zh: '已盘活', en: 'Revitalised' },
};

// The plan's statutory actions read like the disposals they carry out.
export const DISPOSAL_ACTION_LABELS: Record<DisposalAction, Label> = {
  negotiate: { zh: '协议处置/置换', en: 'Negotiated disposal / land swap' },
  recover: DISPOSAL_LABELS.recovery,
  collect_fee: DISPOSAL_LABELS.fee,
  exit: { zh: '退出', en: 'Exit under the agreement' },
  urge_start: { zh: '督促开工', en: 'Urge construction start' },
  lease_to_new: { zh: '厂房租赁给新签约企业', en: 'Lease the buildings to newly signed firms' },
  upgrade: { zh: '增容技改', en: 'Densify and upgrade' },
  standard_factory: { zh: '建设或改造标准厂房', en: 'Build or convert standard factories' },
};

/** Yes/no as exports and messages write booleans. */
export const YES_NO: Record<'yes' | 'no', Label> = {
  yes: { zh: '是', en: 'Yes' },
  no: { zh: '否', en: 'No' },
};

/** The contract's tables (data contract v2, Inputs), as the import dialog and the templates name them. */
export const TABLE_LABELS: Record<string, Label> = {
  parcels: { zh: '宗地', en: 'Parcels' },
  parks: { zh: '园区', en: 'Parks' },
  enterprises: { zh: '企业', en: 'Enterprises' },
  chain_nodes: { zh: '产业链环节', en: 'Chain nodes' },
  chain_links: { zh: '产业链上下游', en: 'Chain links' },
  counties: { zh: '县区边界', en: 'County boundaries' },
  projects: { zh: '招商项目', en: 'Projects' },
  factories: { zh: '标准厂房', en: 'Standard factories' },
  promotion_groups: { zh: '组团', en: 'Promotion groups' },
  planning_zones: { zh: '规划管控', en: 'Planning limits' },
};

/** Findings a missing column can make impossible (data/mapping/field-impact.ts) that have no code of their own. */
export const IMPACT_LABELS: Record<string, Label> = {
  idle_fee: { zh: '闲置费金额', en: 'idle-land fee amount' },
  mujun: { zh: '亩均评价', en: '亩均 evaluation' },
  past_as_of: { zh: '按过去日期评估', en: 'judging at a past date' },
};

/** The label of an impact code: an idle type, a disposal, E1–E6, L1–L3, or one of IMPACT_LABELS. */
export function impactLabel(code: string, lang: Lang): string {
  const tables: Record<string, Label>[] = [IDLE_TYPE_LABELS, DISPOSAL_LABELS, EXIT_LABELS, INEFFICIENCY_LABELS, IMPACT_LABELS];
  for (const t of tables) if (code in t) return /^[EL]\d$/.test(code) ? `${code} ${t[code][lang]}` : t[code][lang];
  return code;
}
