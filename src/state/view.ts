// The view: what is on screen, as plain data (see the product model's "View"). It holds no
// data, only references into the loaded region (county names, park and parcel ids), so it can
// live in the address bar and be restored from a pasted link.

import { type ParcelFilter, EMPTY_FILTER } from '../analysis/filters';
import { type PlaceId, DEFAULT_REGION } from '../data/regions';
import type { Lang } from '../i18n/dict';
import type { Camera } from './camera';
import { ALL_LAYERS, type LayerVisibility } from './layers';

// 招商选址 (siting): match a project to land, the project pipeline (招商项目库) and referral.
export const MODES = ['idle', 'workbench', 'layout', 'siting'] as const;
export type Mode = (typeof MODES)[number];

/** A fixed ISO date, or "today" (follows the clock, so a saved link stays current). */
export type AsOf = 'today' | string;

export interface View {
  mode: Mode;
  /** A demo region or one of the user's workspaces. */
  region: PlaceId;
  asOf: AsOf;
  lang: Lang;
  filter: ParcelFilter;
  /** parcel_id of the selected parcel. */
  parcel: string | null;
  /** 大屏: map, title and legend only. */
  wall: boolean;
  /** Where the map looks; null = the whole place, as on opening. */
  camera: Camera | null;
  /** group_id of the promotion group (组团) shown, or null. */
  group: string | null;
  /** Id of the park cluster chosen in the layout review (1-based), or null. */
  cluster: number | null;
  /** chain_id picked in the layout review; null = the region's first chain. */
  chain: string | null;
  /** node_id of the chain node chosen (its parcels highlighted), or null. */
  node: string | null;
  layers: LayerVisibility;
  /**
   * The time bar's date (闲置用地变化), or null when the bar is closed. The map shows idle land as
   * the rules find it at that date; the as-of date of the figures, list and exports stays.
   */
  timeline: string | null;
}

export const DEFAULT_VIEW: View = {
  mode: 'idle',
  region: DEFAULT_REGION,
  asOf: 'today',
  lang: 'zh',
  filter: EMPTY_FILTER,
  parcel: null,
  wall: false,
  camera: null,
  group: null,
  cluster: null,
  chain: null,
  node: null,
  layers: ALL_LAYERS,
  timeline: null,
};

/** A real calendar date written YYYY-MM-DD (2026-02-30 is not one). */
export function isIsoDate(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** The date the rules are judged at. */
export function effectiveAsOf(asOf: AsOf, today: string): string {
  return asOf === 'today' ? today : asOf;
}
