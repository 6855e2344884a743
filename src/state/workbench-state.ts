// State of the revitalisation workbench (盘活工作台): 亩均 classes, tracking progress, exports.

import type { MujunMixRow, MujunRow } from '../analysis/mujun';
import type { RevitalisedThisYear, StageCount } from '../analysis/tracking-summary';
import type { TrackingRecord } from '../data/tracking';
import { INITIAL_WARNINGS, type WarningsState } from './warnings-state';

export type { MujunMixRow, MujunRow, RevitalisedThisYear, StageCount, TrackingRecord };

/** `days_to_idle`: days until the one-year line of 第二条 (state/warnings.ts). */
export type ColorBy = 'idle' | 'mujun' | 'days_to_idle';

export interface WorkbenchState {
  colorBy: ColorBy;
  ranking: MujunRow[];
  mixByCounty: MujunMixRow[];
  /** 亩均 class code per pidx (0 none, 1 A … 4 D). */
  parcelClasses: Uint8Array | null;
  stages: StageCount[];
  revitalised: RevitalisedThisYear | null;
  /** Tracking history of the selected parcel, oldest first. */
  history: TrackingRecord[];
  /** Message of the last failed tracking entry or export (Chinese). */
  error: string | null;
  exporting: boolean;
  /** Bumped when `parcelClasses` or `colorBy` change (the map re-reads its colours). */
  revision: number;
  /** Bumped by every stored tracking step: the tracking table and history depend on it. */
  trackingRevision: number;
  // Keys of the inputs each result was computed from (derivation.ts).
  trackingKey: string | null;
  scoresKey: string | null;
  figuresKey: string | null;
  historyKey: string | null;
  /** 闲置预警 and the days-until-idle colouring. */
  warnings: WarningsState;
}

export const INITIAL_WORKBENCH: WorkbenchState = {
  colorBy: 'idle',
  ranking: [],
  mixByCounty: [],
  parcelClasses: null,
  stages: [],
  revitalised: null,
  history: [],
  error: null,
  exporting: false,
  revision: 0,
  trackingRevision: 0,
  trackingKey: null,
  scoresKey: null,
  figuresKey: null,
  historyKey: null,
  warnings: INITIAL_WARNINGS,
};
