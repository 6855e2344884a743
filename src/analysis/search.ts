// The search box: parcels by 宗地编号, land holders and enterprises by name, parks by name or
// id, matched as case-insensitive substrings (Chinese names need no pinyin: a substring of the
// characters matches). The typed text is only ever a bound parameter.

import { type Db, rows } from '../data/db';
import { type Query, sql } from '../data/sql';

export const SEARCH_KINDS = ['parcel', 'holder', 'park'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

export interface SearchHit {
  kind: SearchKind;
  /** What the list shows: the parcel id, the holder's name, the park's name. */
  label: string;
  /** Parcel id, holder name or park id. */
  key: string;
  /** The county (counties of a holder's parcels, joined with 、). */
  detail: string | null;
  /** The parcels to show: the parcel itself, or the holder's parcels, largest first (empty for a park). */
  pidxs: number[];
  /** Of a holder's parcels, the one to select (largest); the parcel id for a parcel hit. */
  parcelId: string | null;
}

/** The longest text searched: a pasted paragraph is cut, not sent whole. */
export const MAX_SEARCH_CHARS = 64;
export const SEARCH_LIMIT = 8;

/** The text as searched: trimmed and cut; empty means "no search". */
export function searchText(input: string): string {
  return input.trim().slice(0, MAX_SEARCH_CHARS);
}

/**
 * Up to `limit` hits: exact matches, then prefixes, then substrings, the kinds taking turns
 * within each (shorter names first), then grouped by kind in the order of SEARCH_KINDS.
 */
export function searchQuery(text: string, limit = SEARCH_LIMIT): Query {
  return sql`
WITH q AS (SELECT lower(${text}) AS t),
named AS (
  -- Holders as the ledger writes them, and enterprises linked to parcels by enterprise_id.
  SELECT p.holder AS name, p.pidx, p.parcel_id, p.area_m2, p.county FROM parcels p
  WHERE p.holder IS NOT NULL AND p.holder <> ''
  UNION
  SELECT e.name, p.pidx, p.parcel_id, p.area_m2, p.county FROM parcels p
  JOIN enterprises e ON e.enterprise_id = p.enterprise_id
  WHERE e.name IS NOT NULL AND e.name <> ''
),
hits AS (
  SELECT 1 AS kord, 'parcel' AS kind, p.parcel_id AS label, p.parcel_id AS key, p.county AS detail,
    [p.pidx] AS pidxs, p.parcel_id AS parcel_id, lower(p.parcel_id) AS m
  FROM parcels p, q WHERE contains(lower(p.parcel_id), q.t)
  UNION ALL
  SELECT 2, 'holder', n.name, n.name, string_agg(DISTINCT n.county, '、' ORDER BY n.county),
    list(n.pidx ORDER BY n.area_m2 DESC NULLS LAST, n.pidx),
    arg_max(n.parcel_id, COALESCE(n.area_m2, 0) * 1e9 - n.pidx), lower(n.name)
  FROM named n, q WHERE contains(lower(n.name), q.t) GROUP BY n.name
  UNION ALL
  SELECT 3, 'park', k.name, k.park_id, k.county, CAST([] AS INTEGER[]), NULL, lower(k.name)
  FROM parks k, q WHERE contains(lower(k.name), q.t) OR lower(k.park_id) = q.t
),
fitted AS (
  SELECT h.*, CASE WHEN h.m = q.t OR lower(h.key) = q.t THEN 0 WHEN starts_with(h.m, q.t) THEN 1 ELSE 2 END AS fit
  FROM hits h, q
),
ranked AS (SELECT *, row_number() OVER (PARTITION BY kord ORDER BY fit, length(label), label) AS n FROM fitted),
-- Kinds take turns (the best parcel, the best holder, the best park, the second parcel…), so
-- fifty holders named 宁津县… do not hide the park 宁津经济开发区; a closer fit still goes first.
best AS (SELECT * FROM ranked ORDER BY fit, n, kord LIMIT ${limit})
SELECT kind, label, key, detail, pidxs, parcel_id FROM best ORDER BY kord, fit, length(label), label`;
}

interface HitRow {
  kind: SearchKind;
  label: string;
  key: string;
  detail: string | null;
  pidxs: ArrayLike<number> | null;
  parcel_id: string | null;
}

export async function searchPlaces(db: Db, input: string, limit = SEARCH_LIMIT): Promise<SearchHit[]> {
  const text = searchText(input);
  if (text === '') return [];
  return rows<HitRow>(await db.query(searchQuery(text, limit))).map((r) => ({
    kind: r.kind,
    label: String(r.label),
    key: String(r.key),
    detail: r.detail === null ? null : String(r.detail),
    pidxs: r.pidxs ? Array.from(r.pidxs, Number) : [],
    parcelId: r.parcel_id === null ? null : String(r.parcel_id),
  }));
}

/** An enterprise's parcels (the 亩均 ranking's rows), largest first. */
export function enterpriseParcelsQuery(enterpriseId: string): Query {
  return sql`SELECT pidx, parcel_id FROM parcels WHERE enterprise_id = ${enterpriseId} ORDER BY area_m2 DESC NULLS LAST, pidx`;
}

export async function enterpriseParcels(db: Db, enterpriseId: string): Promise<{ pidx: number; parcel_id: string }[]> {
  return rows<{ pidx: number; parcel_id: string }>(await db.query(enterpriseParcelsQuery(enterpriseId))).map((r) => ({
    pidx: Number(r.pidx),
    parcel_id: String(r.parcel_id),
  }));
}
