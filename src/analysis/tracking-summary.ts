// Tracking figures in DuckDB: the records (from the TrackingStore) are loaded into a table
// `tracking`, and queries count parcels and 亩 by each parcel's latest stage, and the parcels
// “revitalised this year”.
//
// Definitions:
// - Records dated after the as-of date are ignored, so the figures are “as of” that date like
//   every other finding.
// - A parcel's latest stage is its last record in TRACKING_ORDER (src/data/tracking.ts: date,
//   then recorded_at, then id); the ORDER BY below is built from that list.
// - Revitalised this year: latest stage 已收回 or 已盘活 with its date in the as-of year.
// - 亩 come from the `parcels` table (area_m2 × 15 / 10000); a tracked parcel that is not in
//   the loaded parcels still counts, with unknown area (`unmatched`).

import type { FieldSpec } from '../data/contract';
import { type Db, rows } from '../data/db';
import { type Query, ident, join, sql } from '../data/sql';
import { replaceTableFromCsv } from '../data/replace-table';
import { TRACKING_ORDER, type TrackingRecord } from '../data/tracking';
import { TRACKING_DONE_STAGES, TRACKING_STAGES, type TrackingStage, muSql } from '../vocab';
import { type ParcelFilter, filterPredicate, isFilterEmpty } from './filters';

export const TRACKING_FIELDS: readonly FieldSpec[] = [
  { name: 'id', type: 'string', required: true, label: '记录编号' },
  { name: 'region', type: 'string', required: true, label: '地区' },
  { name: 'parcel_id', type: 'string', required: true, label: '宗地编号' },
  { name: 'stage', type: 'enum', values: TRACKING_STAGES, required: true, label: '阶段' },
  { name: 'date', type: 'date', required: true, label: '日期' },
  { name: 'person', type: 'string', required: true, label: '经办人' },
  { name: 'note', type: 'string', label: '备注' },
  // ISO date-time text in UTC; compares correctly as text.
  { name: 'recorded_at', type: 'string', required: true, label: '录入时间' },
];

/** Replaces the `tracking` table with these records (an empty list gives an empty table). */
export async function loadTracking(db: Db, records: readonly TrackingRecord[]): Promise<void> {
  await replaceTableFromCsv(
    db,
    'tracking',
    TRACKING_FIELDS,
    [],
    records.map((r) => TRACKING_FIELDS.map((f) => r[f.name as keyof TrackingRecord])),
  );
}

/** Creates an empty `tracking` table if none was loaded, so readers never fail on it. */
export const ENSURE_TRACKING_TABLE: Query = sql`
CREATE TABLE IF NOT EXISTS tracking (id VARCHAR, region VARCHAR, parcel_id VARCHAR, stage VARCHAR,
  date DATE, person VARCHAR, note VARCHAR, recorded_at VARCHAR)`;

// The order of data/tracking.ts's TRACKING_ORDER, newest first.
const LATEST_FIRST = join(
  TRACKING_ORDER.map((k) => sql`${ident(k)} DESC`),
  ', ',
);

/** Latest record per parcel as of `asOf` (a sub-select usable in FROM). */
export function latestTrackingQuery(asOf: string): Query {
  return sql`(
  SELECT * FROM tracking WHERE date <= CAST(${asOf} AS DATE)
  QUALIFY row_number() OVER (PARTITION BY parcel_id ORDER BY ${LATEST_FIRST}) = 1
)`;
}

/**
 * Restricts tracked parcels to those passing the filter (over parcel_findings, so the land
 * rules must have run when the filter is not empty).
 */
function trackedPredicate(alias: string, f: ParcelFilter): Query {
  if (isFilterEmpty(f)) return sql`TRUE`;
  return sql`${ident(alias)}.parcel_id IN (SELECT parcel_id FROM parcel_findings WHERE ${filterPredicate(f)})`;
}

export interface StageCount {
  stage: TrackingStage;
  parcels: number;
  /** 亩 of the parcels found in `parcels`. */
  mu: number;
  /** Tracked parcels not found in `parcels` (area unknown). */
  unmatched: number;
}

/** One row per stage, in stage order (zeros included), by each parcel's latest stage. */
export function trackingStageQuery(asOf: string, f: ParcelFilter): Query {
  const stages = join(
    TRACKING_STAGES.map((s, i) => sql`(CAST(${i} AS INTEGER), ${s})`),
    ', ',
  );
  return sql`
WITH l AS (
  SELECT l.parcel_id, l.stage, p.area_m2, p.parcel_id IS NOT NULL AS matched
  FROM ${latestTrackingQuery(asOf)} l
  LEFT JOIN parcels p ON p.parcel_id = l.parcel_id
  WHERE ${trackedPredicate('l', f)}
)
SELECT s.stage,
  CAST(count(l.parcel_id) AS INTEGER) AS parcels,
  ${muSql(sql`COALESCE(sum(l.area_m2), 0)`)} AS mu,
  CAST(count(l.parcel_id) FILTER (WHERE NOT l.matched) AS INTEGER) AS unmatched
FROM (VALUES ${stages}) s(ord, stage)
LEFT JOIN l ON l.stage = s.stage
GROUP BY s.ord, s.stage
ORDER BY s.ord`;
}

export async function trackingStageCounts(db: Db, asOf: string, f: ParcelFilter): Promise<StageCount[]> {
  return rows<StageCount>(await db.query(trackingStageQuery(asOf, f)));
}

export interface RevitalisedThisYear {
  year: number;
  parcels: number;
  mu: number;
  recovered: number;
  recoveredMu: number;
  revitalised: number;
  revitalisedMu: number;
}

/** Parcels whose latest stage (as of `asOf`) is 已收回/已盘活, dated in the as-of year. */
export function revitalisedThisYearQuery(asOf: string, f: ParcelFilter): Query {
  const done = join(
    TRACKING_DONE_STAGES.map((s) => sql`${s}`),
    ', ',
  );
  return sql`
WITH l AS (
  SELECT l.parcel_id, l.stage, p.area_m2
  FROM ${latestTrackingQuery(asOf)} l
  LEFT JOIN parcels p ON p.parcel_id = l.parcel_id
  WHERE l.stage IN (${done}) AND year(l.date) = year(CAST(${asOf} AS DATE)) AND ${trackedPredicate('l', f)}
)
SELECT CAST(year(CAST(${asOf} AS DATE)) AS INTEGER) AS year,
  CAST(count(*) AS INTEGER) AS parcels,
  ${muSql(sql`COALESCE(sum(area_m2), 0)`)} AS mu,
  CAST(count(*) FILTER (WHERE stage = 'recovered') AS INTEGER) AS recovered,
  ${muSql(sql`COALESCE(sum(area_m2) FILTER (WHERE stage = 'recovered'), 0)`)} AS "recoveredMu",
  CAST(count(*) FILTER (WHERE stage = 'revitalised') AS INTEGER) AS revitalised,
  ${muSql(sql`COALESCE(sum(area_m2) FILTER (WHERE stage = 'revitalised'), 0)`)} AS "revitalisedMu"
FROM l`;
}

export async function revitalisedThisYear(db: Db, asOf: string, f: ParcelFilter): Promise<RevitalisedThisYear> {
  return rows<RevitalisedThisYear>(await db.query(revitalisedThisYearQuery(asOf, f)))[0];
}

/** Map colouring: latest stage per parcel as 0 untracked, 1…5 in TRACKING_STAGES order; by pidx. */
export function parcelTrackingStageQuery(asOf: string): Query {
  const cases = join(
    TRACKING_STAGES.map((s, i) => sql`WHEN ${s} THEN CAST(${i + 1} AS INTEGER)`),
    ' ',
  );
  return sql`
SELECT p.pidx, CAST(COALESCE(CASE l.stage ${cases} END, 0) AS UTINYINT) AS stage_code
FROM parcels p LEFT JOIN ${latestTrackingQuery(asOf)} l ON l.parcel_id = p.parcel_id
ORDER BY p.pidx`;
}
