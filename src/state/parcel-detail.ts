// What the detail panel shows beyond the findings row: the explanation in the UI language and
// the proposed disposal actions, given the tracking stage the case had reached at the as-of
// date (one latest-stage rule, data/tracking.ts). Derived on demand for the one parcel shown.

import { type ProposedAction, proposeActions } from '../analysis/disposal-plan';
import { type Explanation, explainParcel } from '../analysis/explain';
import type { ParcelDetail } from '../analysis/parcel-lookup';
import type { RuleSettings } from '../analysis/settings';
import { type TrackingRecord, latestRecord } from '../data/tracking';
import { type Lang, isoDate } from '../vocab';

export interface ParcelPanel {
  explanation: Explanation;
  actions: ProposedAction[];
}

export function parcelPanel(p: ParcelDetail, settings: RuleSettings, lang: Lang, history: readonly TrackingRecord[]): ParcelPanel {
  const latest = latestRecord(history, isoDate(p.as_of) ?? '');
  return {
    explanation: explainParcel(p, settings, lang),
    actions: proposeActions({ ...p, tracking_stage: latest?.stage ?? null }, settings),
  };
}
