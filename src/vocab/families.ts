// The code families with their labels, for code that must treat every code alike: the UI
// dictionary's code keys, and the test that every surface shows the same label for a code.

import * as C from './codes';
import * as L from './labels';

export interface CodeFamily {
  /** Key prefix in the UI dictionary (`idle:stalled`); '' for codes shown bare. */
  readonly prefix: string;
  readonly codes: readonly string[];
  readonly labels: Readonly<Record<string, L.Label>>;
}

export const CODE_FAMILIES = {
  landUse: { prefix: '', codes: C.LAND_USES, labels: L.LAND_USE_LABELS },
  parcelStatus: { prefix: '', codes: C.PARCEL_STATUSES, labels: L.PARCEL_STATUS_LABELS },
  parkLevel: { prefix: '', codes: C.PARK_LEVELS, labels: L.PARK_LEVEL_LABELS },
  chainStage: { prefix: 'stage:', codes: C.CHAIN_STAGES, labels: L.CHAIN_STAGE_LABELS },
  projectStage: { prefix: 'project:', codes: C.PROJECT_STAGES, labels: L.PROJECT_STAGE_LABELS },
  idleType: { prefix: 'idle:', codes: C.IDLE_TYPES, labels: L.IDLE_TYPE_LABELS },
  disposal: { prefix: 'disposal:', codes: C.DISPOSALS, labels: L.DISPOSAL_LABELS },
  exit: { prefix: '', codes: C.EXIT_CODES, labels: L.EXIT_LABELS },
  inefficiency: { prefix: '', codes: C.INEFFICIENCY_CODES, labels: L.INEFFICIENCY_LABELS },
  mujunClass: { prefix: 'mujun:', codes: C.MUJUN_CLASSES, labels: L.MUJUN_CLASS_LABELS },
  mujunInput: { prefix: 'mujun-input:', codes: C.MUJUN_INPUTS, labels: L.MUJUN_INPUT_LABELS },
  trackingStage: { prefix: 'tracking:', codes: C.TRACKING_STAGES, labels: L.TRACKING_STAGE_LABELS },
  zoneKind: { prefix: 'zone:', codes: C.ZONE_KINDS, labels: L.ZONE_KIND_LABELS },
  industrialClass: { prefix: 'mclass:', codes: C.INDUSTRIAL_CLASSES, labels: L.INDUSTRIAL_CLASS_LABELS },
  disposalAction: { prefix: 'action:', codes: C.DISPOSAL_ACTIONS, labels: L.DISPOSAL_ACTION_LABELS },
} as const satisfies Record<string, CodeFamily>;

export type FamilyName = keyof typeof CODE_FAMILIES;

/** Label of `code` in `family`; the code itself when the family does not know it. */
export function labelOf(family: FamilyName, code: string, lang: L.Lang): string {
  const f: CodeFamily = CODE_FAMILIES[family];
  return f.labels[code]?.[lang] ?? code;
}

// Finding codes are read by their code too (planners cite “E2”), so lists show both.
const TAGGED: ReadonlySet<FamilyName> = new Set(['exit', 'inefficiency']);

/**
 * How a code is shown in lists, the UI, exports and the report: its label, or for E1–E6 and
 * L1–L3 the code and its label (“E1 逾期未动工”).
 */
export function displayLabel(family: FamilyName, code: string, lang: L.Lang): string {
  const label = labelOf(family, code, lang);
  return TAGGED.has(family) && label !== code ? `${code} ${label}` : label;
}
