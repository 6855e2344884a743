// State of the 闲置预警 list and the map's "days until idle" colouring (part of the workbench).

import type { WarningRow } from '../analysis/warnings';

export type { WarningRow };

export interface WarningsState {
  /** The lines crossed within the window after the as-of date, by date (analysis/warnings.ts). */
  list: WarningRow[];
  /** "Days until idle" bin code per pidx (1 + position in DAYS_TO_IDLE_BINS), while that colouring is on. */
  bins: Uint8Array | null;
  // Keys of the inputs each result was computed from (derivation.ts).
  listKey: string | null;
  binsKey: string | null;
}

export const INITIAL_WARNINGS: WarningsState = { list: [], bins: null, listKey: null, binsKey: null };
