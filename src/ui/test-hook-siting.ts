// Test-hook views of the 招商 planning parts (闲置预警, 可供地, 项目选址, 招商项目库) for end-to-end
// tests: plain data read from the state, never a way to change it. Part of `window.__parkatlas`
// (test-hook.ts).

import type { AppState } from '../state/app-state';
import { asOfDate, pipelineProjects } from '../state/app-state';
import type { Store } from '../state/store';
import type { WarningRow } from '../state/warnings-state';

export interface SitingHookApi {
  /**
   * The 闲置预警 list as the state holds it (null until computed) and the days-until-idle bin
   * code per pidx (null while that colouring is off).
   */
  warnings(): { list: WarningRow[]; asOf: string; windowDays: number; bins: number[] | null } | null;
  /** Candidate sites (state/supply.ts) and each park's available land as the park panel shows it; null until computed. */
  supply(): {
    candidates: { site_id: string; kind: string; park_id: string | null; area_m2: number | null; vacant_floor_m2: number | null; readiness: string }[];
    parks: { park_id: string; unsuppliedMu: number | null; returningMu: number; vacantFloorM2: number | null; availableMu: number; method: string }[];
  } | null;
  /** 项目选址: the need submitted, the nodes it resolved to, the ranked and excluded sites; null before a match. */
  siting(): {
    nodes: string[];
    ranked: { site_id: string; county: string | null; total: number | null; suppliers: number; customers: number; cx: number | null; cy: number | null }[];
    excluded: { site_id: string; reasons: string[] }[];
    noData: string[];
    selected: string | null;
  } | null;
  /** The project pipeline in force (the user's when edited, else the data's), as records. */
  pipeline(): { edited: boolean; projects: { project_id: string; name: string; county: string; stage: string; referred_from: string | null; referred_to: string | null; share_out_pct: number | null; site_parcel_id: string | null; matched_site: string | null }[] };
}

export function sitingHooks(store: Store<AppState>): SitingHookApi {
  return {
    warnings() {
      const s = store.get();
      const w = s.workbench.warnings;
      if (w.listKey === null) return null;
      return { list: w.list, asOf: asOfDate(s), windowDays: s.settings.warningWindowDays, bins: w.bins ? [...w.bins] : null };
    },
    supply() {
      const s = store.get();
      if (s.supply.key === null) return null;
      return {
        candidates: s.supply.candidates.map(({ site_id, kind, park_id, area_m2, vacant_floor_m2, readiness }) => ({ site_id, kind, park_id, area_m2, vacant_floor_m2, readiness })),
        parks: s.review.availability.map((p) => ({
          park_id: p.park_id,
          unsuppliedMu: p.unsuppliedAreaMu,
          returningMu: p.returningAreaMu,
          vacantFloorM2: p.vacantFloorM2,
          availableMu: p.availableAreaMu,
          method: p.unsuppliedMethod,
        })),
      };
    },
    siting() {
      const s = store.get();
      const m = s.siting.match;
      if (!m) return null;
      return {
        nodes: m.resolved.nodes.map((n) => n.node_id),
        ranked: m.result.ranked.map(({ site_id, county, total, suppliers, customers, cx, cy }) => ({ site_id, county, total, suppliers, customers, cx, cy })),
        excluded: m.result.excluded.map((x) => ({ site_id: x.site_id, reasons: [...x.reasons] })),
        noData: [...m.result.noData],
        selected: s.siting.selectedSite,
      };
    },
    pipeline() {
      const s = store.get();
      return {
        edited: s.work.projects !== null,
        projects: pipelineProjects(s).map((p) => ({
          project_id: p.project_id,
          name: p.name,
          county: p.county,
          stage: p.stage,
          referred_from: p.referred_from,
          referred_to: p.referred_to,
          share_out_pct: p.share_out_pct,
          site_parcel_id: p.site_parcel_id,
          matched_site: p.matchedSite?.site_id ?? null,
        })),
      };
    },
  };
}
