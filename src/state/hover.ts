// Tooltip facts answered from memory: the region's hover columns plus the latest findings'
// category per parcel. No database query, so a hover never waits behind a long job and never
// touches the busy mark.

import { IDLE_CATEGORY } from '../analysis/land-rules';
import type { AppState } from './app-state';

export interface HoverInfo {
  pidx: number;
  parcel_id: string;
  park_name: string | null;
  holder: string | null;
  area_m2: number;
  /** Disposal code (none / fee / recovery / negotiate); null until the rules have run. */
  disposal: string | null;
}

const DISPOSAL_OF_CATEGORY: readonly string[] = Object.entries(IDLE_CATEGORY)
  .sort((a, b) => a[1] - b[1])
  .map(([code]) => code);

export function hoverInfo(s: Pick<AppState, 'hover' | 'categories' | 'placeKey' | 'regionKey'>, pidx: number): HoverInfo | null {
  // The map may already show a newer place than the database has loaded: no facts until both agree.
  const h = s.placeKey !== null && s.placeKey === s.regionKey ? s.hover : null;
  if (!h || !Number.isInteger(pidx) || pidx < 0 || pidx >= h.parcelCount) return null;
  const text = (v: unknown) => (v === null || v === undefined || v === '' ? null : String(v));
  return {
    pidx,
    parcel_id: String(h.parcelId.get(pidx)),
    park_name: text(h.parkNames[h.parkIndex[pidx]]),
    holder: text(h.holders[h.holderIndex[pidx]]),
    area_m2: h.areaM2[pidx],
    disposal: s.categories ? (DISPOSAL_OF_CATEGORY[s.categories[pidx]] ?? 'none') : null,
  };
}

/** The parcel id at `pidx`, from memory. */
export function parcelIdAt(s: Pick<AppState, 'hover'>, pidx: number): string | null {
  const h = s.hover;
  return h && Number.isInteger(pidx) && pidx >= 0 && pidx < h.parcelCount ? String(h.parcelId.get(pidx)) : null;
}

/** Label point of a parcel by id (a linear scan: for tests and "zoom to parcel", not per frame). */
export function parcelLabelPoint(
  s: Pick<AppState, 'hover' | 'shapes'>,
  parcelId: string,
): { pidx: number; cx: number; cy: number } | null {
  const h = s.hover;
  const c = s.shapes?.centers;
  if (!h || !c) return null;
  for (let i = 0; i < h.parcelCount; i++) {
    if (h.parcelId.get(i) === parcelId) {
      const [cx, cy] = [c[i * 2], c[i * 2 + 1]];
      return Number.isFinite(cx) && Number.isFinite(cy) ? { pidx: i, cx, cy } : null;
    }
  }
  return null;
}
