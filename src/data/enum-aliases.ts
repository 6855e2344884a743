// Chinese spellings accepted for contract enums, because planners' spreadsheets say 工业 or
// 已投产 rather than `industrial` or `producing`. Values are normalised to the contract code.
// Each code's own label (src/vocab) is always accepted; the lists below add the other common
// spellings.

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
  stage: {},
};

/** The vocabulary family whose codes each enum field takes. */
export const ENUM_FAMILIES: Record<string, FamilyName> = {
  land_use: 'landUse',
  status: 'parcelStatus',
  level: 'parkLevel',
  stage: 'chainStage',
};

function labelsAsAliases(family: FamilyName): Record<string, string> {
  const f = CODE_FAMILIES[family];
  return Object.fromEntries(f.codes.map((c) => [(f.labels as Record<string, { zh: string }>)[c].zh, c]));
}

export const ENUM_ALIASES: Record<string, Record<string, string>> = Object.fromEntries(
  Object.entries(ENUM_FAMILIES).map(([field, family]) => [field, { ...labelsAsAliases(family), ...SYNONYMS[field] }]),
);
