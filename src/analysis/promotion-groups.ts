// Promotion groups (组团): counties that promote jointly, e.g. 宁津 + 乐陵 + 庆云 in 德州. Entered
// by the user (or the contract's `promotion_groups` table), never computed: park clusters come
// from distances, groups from an agreement between counties (product model, "Groups of places").
// Joint brochures, scenes, project referral and matching read them from here.

import type { TableData } from '../data/workspace/tables';

export interface PromotionGroup {
  group_id: string;
  name: string;
  /** Member counties as the region's boundaries name them, in the order given. */
  counties: string[];
}

/** One problem with a group, in both languages, naming the group and the field. */
export interface GroupIssue {
  group_id: string;
  field: 'group_id' | 'name' | 'counties';
  zh: string;
  en: string;
}

/** `counties` is `;`-separated in the contract; full-width `；`, `、` and `,` from hand-typed sheets are accepted. */
export function splitCounties(s: string | null | undefined): string[] {
  if (!s) return [];
  return [...new Set(s.split(/[;；、,，]/).map((c) => c.trim()).filter((c) => c !== ''))];
}

function text(t: TableData, field: string, row: number): string {
  const c = t.columns[field];
  if (!c) return '';
  if (c.type === 'string') return (c.values[row] ?? '').trim();
  if (c.type === 'number' || c.type === 'integer') return Number.isNaN(c.values[row]) ? '' : String(c.values[row]);
  return '';
}

/** The groups of a workspace's `promotion_groups` table (rows without an id were refused at import). */
export function groupsFromTable(t: TableData | undefined): PromotionGroup[] {
  if (!t) return [];
  const out: PromotionGroup[] = [];
  for (let r = 0; r < t.count; r++) {
    const group_id = text(t, 'group_id', r);
    if (group_id === '') continue;
    out.push({ group_id, name: text(t, 'name', r) || group_id, counties: splitCounties(text(t, 'counties', r)) });
  }
  return out;
}

/**
 * What is wrong with `groups` for a region whose counties are `known`: a group needs an id of its
 * own, a name, and at least two counties of the region (one county does not promote jointly).
 */
export function checkGroups(groups: readonly PromotionGroup[], known: readonly string[]): GroupIssue[] {
  const issues: GroupIssue[] = [];
  const seen = new Set<string>();
  for (const g of groups) {
    const id = g.group_id;
    if (id.trim() === '') issues.push({ group_id: id, field: 'group_id', zh: '组团编号为空', en: 'The group has no id' });
    else if (seen.has(id)) issues.push({ group_id: id, field: 'group_id', zh: `组团编号 ${id} 重复`, en: `Group id ${id} is used twice` });
    seen.add(id);
    if (g.name.trim() === '') issues.push({ group_id: id, field: 'name', zh: `组团 ${id} 没有名称`, en: `Group ${id} has no name` });
    const unknown = g.counties.filter((c) => !known.includes(c));
    if (unknown.length > 0) {
      issues.push({ group_id: id, field: 'counties', zh: `组团 ${g.name || id} 的成员 ${unknown.join('、')} 不是本地区的县区`, en: `Members ${unknown.join(', ')} of group ${g.name || id} are not counties of this region` });
    }
    if (g.counties.length - unknown.length < 2) {
      issues.push({ group_id: id, field: 'counties', zh: `组团 ${g.name || id} 至少需要本地区的两个县区`, en: `Group ${g.name || id} needs at least two counties of this region` });
    }
  }
  return issues;
}

/** Reads groups saved as plain data (a workspace file, local storage): anything malformed is left out. */
export function groupsFromSaved(value: unknown): PromotionGroup[] | null {
  if (!Array.isArray(value)) return null;
  const out: PromotionGroup[] = [];
  for (const v of value) {
    if (!v || typeof v !== 'object') continue;
    const o = v as Record<string, unknown>;
    if (typeof o.group_id !== 'string' || typeof o.name !== 'string' || !Array.isArray(o.counties)) continue;
    out.push({ group_id: o.group_id, name: o.name, counties: o.counties.filter((c): c is string => typeof c === 'string') });
  }
  return out;
}
