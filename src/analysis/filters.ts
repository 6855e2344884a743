// The map's filter as plain, saveable data and its SQL predicates: over the parcel_findings
// view's text columns (exports and other readers of the view), and split into the part on the
// parcels' own columns and the part on the narrow findings' codes, which the hot readers
// (map mask, dashboard figures, side list) apply without decoding any finding.

import { type Query, TRUE, ident, inList, join, sql } from '../data/sql';
import { DISPOSALS, IDLE_TYPES } from '../vocab';
import { codeInSql } from './findings-codes';
import { NARROW_FINDINGS_TABLE } from './land-rules';

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

const all = (parts: Query[]) => (parts.length ? join(parts, ' AND ') : TRUE);

/** The filter's parts on the parcels' own columns (county, park, status, supply year). */
export function parcelPredicate(f: ParcelFilter): Query {
  const parts: Query[] = [];
  if (f.counties.length) parts.push(inList('county', f.counties));
  if (f.parkIds.length) parts.push(inList('park_id', f.parkIds));
  if (f.statuses.length) parts.push(inList('status', f.statuses));
  if (f.supplyYears.length) {
    parts.push(sql`CAST(year(supply_date) AS INTEGER) IN (${f.supplyYears.map((y) => sql`CAST(${y} AS INTEGER)`)})`);
  }
  return all(parts);
}

/** The filter's parts on findings, over the narrow findings' codes (idle_code, category, missing). */
export function findingsCodePredicate(f: ParcelFilter): Query {
  const parts: Query[] = [];
  if (f.idleTypes.length) parts.push(codeInSql(sql`idle_code`, IDLE_TYPES, f.idleTypes));
  // The category is the disposal's code.
  if (f.disposals.length) parts.push(codeInSql(sql`category`, DISPOSALS, f.disposals));
  if (f.quality.includes('missing')) parts.push(sql`missing <> 0`);
  return all(parts);
}

/** The whole filter over the parcel_findings view's columns. */
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
  return all(parts);
}

/**
 * The findings that pass the filter, as a subquery over the view. The filter applies before
 * any join, so its column names stay unambiguous.
 */
export function filteredFindings(f: ParcelFilter): Query {
  return sql`(SELECT * FROM parcel_findings WHERE ${filterPredicate(f)})`;
}

/**
 * Parcels with their narrow findings (category, idle_code, idle_days, exits, ineff, missing)
 * that pass the filter, as a subquery: what the dashboard and the list read at 1,000,000
 * parcels without building any finding's text.
 *
 * The narrow table is one projection of `parcels`, so its rows stand in the parcels' order and
 * are paired by position (a POSITIONAL JOIN took half the time of joining on pidx at 1,000,000
 * parcels). Should the two ever be out of step (parcels replaced without a rule run), the pidx
 * check stops the query instead of pairing a parcel with another's findings.
 */
export function filteredNarrow(f: ParcelFilter): Query {
  return sql`(SELECT p.*, n.category, n.idle_code, n.idle_days, n.exits, n.ineff, n.missing
  FROM parcels p POSITIONAL JOIN ${ident(NARROW_FINDINGS_TABLE)} n
  WHERE CASE WHEN p.pidx IS DISTINCT FROM n.pidx THEN error(${OUT_OF_STEP}) ELSE TRUE END
    AND ${parcelPredicate(f)} AND ${findingsCodePredicate(f)})`;
}

const OUT_OF_STEP = `${NARROW_FINDINGS_TABLE} is out of step with parcels: the land rules must run again`;

export function isFilterEmpty(f: ParcelFilter): boolean {
  return Object.values(f).every((v) => v.length === 0);
}
