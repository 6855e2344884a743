// Pure updaters of the promotion-group editor (组团, product model "Groups of places"): the
// panel edits a draft list with these and stores it (work-actions.ts setGroups) once
// checkGroups finds nothing wrong, so a half-made group is never saved.

import type { GroupIssue, PromotionGroup } from '../analysis/promotion-groups';

export { type GroupIssue, type PromotionGroup, checkGroups } from '../analysis/promotion-groups';

/** The first id G1, G2, … not yet used in `list`. */
export function nextGroupId(list: readonly PromotionGroup[]): string {
  const used = new Set(list.map((g) => g.group_id));
  let n = 1;
  while (used.has(`G${n}`)) n++;
  return `G${n}`;
}

/** A new group at the end, with a fresh id, the given name and no members yet. */
export function addGroup(list: readonly PromotionGroup[], name: string): PromotionGroup[] {
  return [...list, { group_id: nextGroupId(list), name, counties: [] }];
}

export function renameGroup(list: readonly PromotionGroup[], id: string, name: string): PromotionGroup[] {
  return list.map((g) => (g.group_id === id ? { ...g, name } : g));
}

/**
 * Adds or removes one member. Members stay in the region's order (`order`, the boundaries'
 * county list), so a brochure lists them the same way whatever order they were ticked in;
 * members the region does not know (from an imported table) keep their place at the end.
 */
export function setMember(list: readonly PromotionGroup[], id: string, county: string, on: boolean, order: readonly string[]): PromotionGroup[] {
  return list.map((g) => {
    if (g.group_id !== id) return g;
    const set = new Set(g.counties);
    if (on) set.add(county);
    else set.delete(county);
    const known = order.filter((c) => set.has(c));
    const unknown = g.counties.filter((c) => set.has(c) && !order.includes(c));
    return { ...g, counties: [...known, ...unknown] };
  });
}

export function deleteGroup(list: readonly PromotionGroup[], id: string): PromotionGroup[] {
  return list.filter((g) => g.group_id !== id);
}

/** The problems of one group's field, in the UI language, to show next to that field. */
export function fieldIssues(issues: readonly GroupIssue[], id: string, field: GroupIssue['field'], lang: 'zh' | 'en'): string[] {
  return issues.filter((i) => i.group_id === id && i.field === field).map((i) => i[lang]);
}

/** Whether a stored list differs from the draft (the panel then stores the draft). */
export function sameGroups(a: readonly PromotionGroup[], b: readonly PromotionGroup[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
