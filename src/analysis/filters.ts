// The map's filter as plain, saveable data and its SQL predicate over parcel_findings.

import { type Query, TRUE, inList, join, sql } from '../data/sql';

export interface ParcelFilter {
  /** Empty list = no restriction. */
  counties: string[];
  parkIds: string[];
  statuses: string[];
  idleTypes: string[];
  disposals: string[];
  /** Years of supply_date (charts filter by supply year). */
  supplyYears: number[];
  /** 'missing': only parcels where a rule lacked inputs (the data-quality list). */
  quality: string[];
}

export const EMPTY_FILTER: ParcelFilter = {
  counties: [],
  parkIds: [],
  statuses: [],
  idleTypes: [],
  disposals: [],
  supplyYears: [],
  quality: [],
};

export function filterPredicate(f: ParcelFilter): Query {
  const parts: Query[] = [];
  if (f.counties.length) parts.push(inList('county', f.counties));
  if (f.parkIds.length) parts.push(inList('park_id', f.parkIds));
  if (f.statuses.length) parts.push(inList('status', f.statuses));
  if (f.idleTypes.length) parts.push(inList('idle_type', f.idleTypes));
  if (f.disposals.length) parts.push(inList('disposal', f.disposals));
  if (f.quality.includes('missing')) parts.push(sql`missing_inputs <> ''`);
  if (f.supplyYears.length) {
    parts.push(sql`CAST(year(supply_date) AS INTEGER) IN (${f.supplyYears.map((y) => sql`CAST(${y} AS INTEGER)`)})`);
  }
  return parts.length ? join(parts, ' AND ') : TRUE;
}

/**
 * The findings that pass the filter, as a subquery. The filter applies before any join, so
 * its column names stay unambiguous.
 */
export function filteredFindings(f: ParcelFilter): Query {
  return sql`(SELECT * FROM parcel_findings WHERE ${filterPredicate(f)})`;
}

export function isFilterEmpty(f: ParcelFilter): boolean {
  return Object.values(f).every((v) => v.length === 0);
}
