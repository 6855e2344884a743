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
