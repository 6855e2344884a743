// A view (from a link, a scene, a saved state) checked against the place it is shown on:
// counties, parks and the promotion group it names must exist there. What does not is dropped —
// the nearest valid view — and named, so the planner is told rather than shown an empty map.

import type { PromotionGroup } from '../analysis/promotion-groups';
import type { ParcelFilter } from '../analysis/filters';
import type { ParkOption } from './app-state';
import type { Notice } from './notice';

export interface PlaceNames {
  countyOptions: readonly string[];
  parkOptions: readonly ParkOption[];
  groups: readonly PromotionGroup[];
}

export function fitViewToPlace<V extends { filter: ParcelFilter; group: string | null }>(view: V, place: PlaceNames): { view: V; notice: Notice | null } {
  const counties = view.filter.counties.filter((c) => place.countyOptions.includes(c));
  const parkIds = view.filter.parkIds.filter((p) => place.parkOptions.some((o) => o.park_id === p));
  const groupGone = view.group !== null && !place.groups.some((g) => g.group_id === view.group);
  const dropped = [
    ...view.filter.counties.filter((c) => !counties.includes(c)),
    ...view.filter.parkIds.filter((p) => !parkIds.includes(p)),
    ...(groupGone ? [view.group!] : []),
  ];
  if (dropped.length === 0) return { view, notice: null };
  return {
    view: { ...view, filter: { ...view.filter, counties, parkIds }, group: groupGone ? null : view.group },
    notice: { zh: `本地区没有 ${dropped.join('、')}，已不再按其筛选或显示`, en: `This place has no ${dropped.join(', ')}; it is no longer filtered on or shown` },
  };
}
