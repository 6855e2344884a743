// Land each park has to offer (可供地), in 亩, as the product model defines it ("Available land"):
// unsupplied land inside the park polygon (polygon minus supplied parcels; planned area minus
// supplied parcel area where a park has no usable polygon) plus supplied land returning through
// recovery or negotiation; vacant standard-factory floor is reported apart, in m² of floor,
// never added to land. The figures are the sums of the park's candidate sites
// (site-candidates.ts), so the park panel, matching, exports and brochures cannot disagree.
// Park clusters, the chain map and the long/short-chain roles read `availableAreaMu`.

import { type Db, rows } from '../data/db';
import { type Query, sql } from '../data/sql';
import { MU_PER_M2_SQL } from '../vocab/units';
import type { UnsuppliedMethod } from './site-candidates';

export interface ParkAvailability {
  park_id: string;
  name: string;
  county: string;
  level: string;
  leading_chains: string | null;
  planned_area_ha: number | null;
  /** Label point (inside the park), from the loader. */
  cx: number | null;
  cy: number | null;
  /** Area of the park's parcels supplied at the as-of date. */
  parcelAreaMu: number;
  /** Unsupplied land (pieces of at least 1 亩); null when neither a polygon nor a planned area is known. */
  unsuppliedAreaMu: number | null;
  unsuppliedMethod: UnsuppliedMethod;
  /** Slivers under 1 亩 left out of the polygon measure (0 for the other methods). */
  sliverMu: number;
  /** Supplied parcels coming back (无偿收回, 协议处置, or recorded 已收回). */
  returningAreaMu: number;
  returningParcels: number;
  /** Vacant standard-factory floor, m² of floor; null when the park has no factory on record. */
  vacantFloorM2: number | null;
  /** unsuppliedAreaMu + returningAreaMu (an unknown unsupplied area adds nothing). */
  availableAreaMu: number;
}

const MU_PER_M2 = MU_PER_M2_SQL; // m² → 亩, src/vocab/units.ts

/** One row per park with its land on offer, in 亩. Reads `site_candidates` and `park_land` (buildSiteCandidates). */
export function parkAvailabilityQuery(): Query {
  return sql`
WITH c AS (
  SELECT park_id,
    sum(area_m2) FILTER (WHERE kind = 'unsupplied') AS u_m2,
    sum(area_m2) FILTER (WHERE kind = 'returning') AS r_m2,
    CAST(count(*) FILTER (WHERE kind = 'returning') AS INTEGER) AS r_n,
    sum(vacant_floor_m2) FILTER (WHERE kind = 'factory') AS v_m2
  FROM site_candidates WHERE park_id IS NOT NULL GROUP BY park_id
),
f AS (SELECT park_id, CAST(count(*) AS INTEGER) AS n FROM factories WHERE park_id IS NOT NULL GROUP BY park_id),
s AS (SELECT park_id, sum(area_m2) AS m2 FROM parcel_findings WHERE park_id IS NOT NULL AND NOT supplied_after_as_of GROUP BY park_id),
a AS (
  SELECT k.park_id, k.name, k.county, k.level, k.leading_chains, k.planned_area_ha, k.cx, k.cy,
    COALESCE(s.m2, 0) * ${MU_PER_M2} AS "parcelAreaMu",
    CASE WHEN l.method = 'polygon' OR k.planned_area_ha IS NOT NULL THEN COALESCE(c.u_m2, 0) * ${MU_PER_M2} END AS "unsuppliedAreaMu",
    CASE WHEN l.method = 'polygon' OR k.planned_area_ha IS NOT NULL THEN l.method ELSE 'unknown' END AS "unsuppliedMethod",
    COALESCE(l.sliver_m2, 0) * ${MU_PER_M2} AS "sliverMu",
    COALESCE(c.r_m2, 0) * ${MU_PER_M2} AS "returningAreaMu",
    COALESCE(c.r_n, 0) AS "returningParcels",
    CASE WHEN f.n > 0 THEN COALESCE(c.v_m2, 0) END AS "vacantFloorM2"
  FROM parks k
  LEFT JOIN park_land l ON l.park_id = k.park_id
  LEFT JOIN c ON c.park_id = k.park_id
  LEFT JOIN f ON f.park_id = k.park_id
  LEFT JOIN s ON s.park_id = k.park_id
)
SELECT *, COALESCE("unsuppliedAreaMu", 0) + "returningAreaMu" AS "availableAreaMu"
FROM a
ORDER BY park_id`;
}

export async function parkAvailability(db: Db): Promise<ParkAvailability[]> {
  return rows<ParkAvailability>(await db.query(parkAvailabilityQuery()));
}

/** `leading_chains` is `;`-separated; a full-width `；` from hand-edited sheets is accepted too. */
export function splitChains(s: string | null | undefined): string[] {
  if (!s) return [];
  return [...new Set(s.split(/[;；]/).map((c) => c.trim()).filter((c) => c.length > 0))];
}
