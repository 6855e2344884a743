// Chinese spellings accepted for contract enums, because planners' spreadsheets say 工业 or
// 已投产 rather than `industrial` or `producing`. Values are normalised to the contract code.
// Each code's own label (src/vocab) is always accepted; the lists below add the other common
// spellings. `stage` is both a chain node's position and a project's stage: both families'
// words are listed, and a table accepts only a word whose code is one of its own values.

import { CODE_FAMILIES, type FamilyName } from '../vocab';

const SYNONYMS: Record<string, Record<string, string>> = {
  land_use: {
    工业用地: 'industrial',
    仓储用地: 'warehouse', 物流仓储: 'warehouse',
    商服: 'commercial', 商业服务业用地: 'commercial',
    居住: 'residential',
  },
  status: { 建设中: 'under_construction', 停建: 'halted', 投产: 'producing' },
  level: {},
  kind: {
    开发边界: 'urban_boundary', 城镇开发边界线: 'urban_boundary', 城镇边界: 'urban_boundary',
    基本农田: 'permanent_farmland', 永农: 'permanent_farmland', 永久基本农田保护红线: 'permanent_farmland',
    生态红线: 'eco_redline', 生态保护红线区: 'eco_redline',
    控规: 'regulatory_plan', 控制性详细规划: 'regulatory_plan', 控规地块: 'regulatory_plan',
  },
  stage: {
    洽谈中: 'negotiating', 在谈: 'negotiating', 已签约: 'signed', 已供地: 'land_supplied', 已开工: 'started', 已投产: 'producing',
  },
};

/** The vocabulary families whose codes each enum field takes. */
export const ENUM_FAMILIES: Record<string, readonly FamilyName[]> = {
  land_use: ['landUse'],
  status: ['parcelStatus'],
  level: ['parkLevel'],
  stage: ['chainStage', 'projectStage'],
  kind: ['zoneKind'],
};

function labelsAsAliases(family: FamilyName): Record<string, string> {
  const f = CODE_FAMILIES[family];
  return Object.fromEntries(f.codes.map((c) => [(f.labels as Record<string, { zh: string }>)[c].zh, c]));
}

export const ENUM_ALIASES: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries(ENUM_FAMILIES).map(([field, families]) => [
    field,
    Object.assign({}, ...families.map(labelsAsAliases), SYNONYMS[field]) as Record<string, string>,
  ]),
);

/** The family that holds `code` among a field's families (for naming it in messages). */
export function familyOfCode(field: string, code: string): FamilyName | undefined {
  return ENUM_FAMILIES[field]?.find((f) => (CODE_FAMILIES[f].codes as readonly string[]).includes(code));
}
