// Land each park still has to offer (可供地), in 亩: idle parcels the rules say can be taken
// back plus planned area not yet covered by parcels. A SQL query over `parks` and
// `parcel_findings`, so it follows the rule settings; park clusters, the chain map and the
// long/short-chain roles all read it.

import { type Db, rows } from '../data/db';
import { type Query, sql } from '../data/sql';
import { MU_PER_M2_SQL } from '../vocab/units';

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
  /** Area of all parcels in the park. */
  parcelAreaMu: number;
  /** Idle parcels (any idle_type but none): land the rules say can be taken back. */
  idleAreaMu: number;
  /** Planned area not yet covered by parcels, floored at 0; null when planned_area_ha is empty. */
  unsuppliedAreaMu: number | null;
  /** idleAreaMu + unsuppliedAreaMu (an unknown planned area adds nothing). */
  availableAreaMu: number;
}

const MU_PER_M2 = MU_PER_M2_SQL; // m² → 亩, src/vocab/units.ts

/** One row per park with its land still on offer, in 亩. Reads `parcel_findings`, so run the land rules first. */
export function parkAvailabilityQuery(): Query {
  return sql`
WITH f AS (
  SELECT park_id,
    sum(area_m2) AS parcel_m2,
    sum(area_m2) FILTER (WHERE idle_type <> 'none') AS idle_m2
  FROM parcel_findings
  WHERE park_id IS NOT NULL
  GROUP BY park_id
),
a AS (
  SELECT k.park_id, k.name, k.county, k.level, k.leading_chains, k.planned_area_ha, k.cx, k.cy,
    COALESCE(f.parcel_m2, 0) * ${MU_PER_M2} AS "parcelAreaMu",
    COALESCE(f.idle_m2, 0) * ${MU_PER_M2} AS "idleAreaMu",
    -- 公顷 → m². An unknown planned area stays unknown (greatest() alone would skip the NULL and say 0).
    CASE WHEN k.planned_area_ha IS NOT NULL
      THEN greatest(k.planned_area_ha * 10000.0 - COALESCE(f.parcel_m2, 0), 0) * ${MU_PER_M2}
    END AS "unsuppliedAreaMu"
  FROM parks k LEFT JOIN f ON f.park_id = k.park_id
)
SELECT *, "idleAreaMu" + COALESCE("unsuppliedAreaMu", 0) AS "availableAreaMu"
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
