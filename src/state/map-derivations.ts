// The idle-land map's derived results, each keyed by its inputs (derivation.ts):
//   place     ← region, scale                 boundaries, parks, parcel shapes (no database:
//                                              the map paints while the engine starts)
//   region    ← region, scale                 the place's tables in the database, hover columns
//   findings  ← place, region, as-of, settings per-parcel findings (colour category)
//   filtered  ← findings, filter               mask, totals, per-county/park figures, list
//   selection ← findings, selected parcel      the detail panel's row

import type { FeatureCollection } from 'geojson';
import { type HoverColumns, readHoverColumns } from '../analysis/hover-facts';
import { readCategories, readFilterMask } from '../analysis/findings-columns';
import type { ParcelShapes } from '../data/parcel-shapes';
import { runLandRules } from '../analysis/run-land-rules';
import { countySummaryQuery, groupSummaries, idleBySupplyYear, parkSummaryQuery, totalsQuery } from '../analysis/group-summary';
import { findPidx, parcelDetail, parcelList } from '../analysis/parcel-lookup';
import { scaleUpParcels, tileShapes } from '../data/scale-up';
import { loadWorkspaceTables } from '../data/workspace/load-db';
import { mapShapesOf } from '../data/workspace/map-shapes';
import { planningZonesOf, workspaceParks } from './workspace-place';
import { fitViewToPlace } from './view-check';
import { type PromotionGroup, groupsFromTable } from '../analysis/promotion-groups';
import { type PlaceWork, loadPlaceWork } from './place-work';
import { type Project, projectsFromTable } from '../analysis/projects';
import type { Notice } from './notice';
import { type AppState, type ParkOption, asOfDate } from './app-state';
import { type Derivation, STALE, isCurrent, key } from './derivation';

interface LoadedPlace {
  dataGroups: PromotionGroup[];
  dataProjects: Project[];
  work: PlaceWork;
  workReadOnly: boolean;
  /** Problems reading the saved work, shown as notices. */
  workIssues: Notice[];
  boundaries: FeatureCollection;
  parks: FeatureCollection;
  parkOptions: ParkOption[];
  countyOptions: string[];
  shapes: ParcelShapes;
}

export function parkOptionsOf(parks: FeatureCollection): ParkOption[] {
  return parks.features
    .map((f) => ({
      park_id: String(f.properties?.park_id ?? ''),
      name: String(f.properties?.name ?? ''),
      county: String(f.properties?.county ?? ''),
    }))
    .sort((a, b) => a.county.localeCompare(b.county, 'zh') || a.name.localeCompare(b.name, 'zh'));
}

// A re-imported workspace keeps its id: its save time is part of the key.
const placeKeyOf = (s: AppState) => key(s.region, s.scale, s.workspaceStamp);

const withNotices = (old: Notice[], added: Notice[]) => (added.length ? [...old, ...added] : old);

/** Results computed from the previous place's tables: never drawn with another place's shapes. */
const FORGET_FINDINGS = {
  findingsKey: null,
  categories: null,
  filteredKey: null,
  mask: null,
  selectedKey: null,
  selected: null,
} as const;

export const placeShapes: Derivation<LoadedPlace> = {
  name: 'place',
  fatal: true,
  engine: false,
  wanted: placeKeyOf,
  current: (s) => s.placeKey,
  async run(s, ctx) {
    const place = await ctx.placeData(s.region);
    if (ctx.isStale()) throw STALE;
    const parks = workspaceParks(place.workspace);
    const own = mapShapesOf(place.workspace.tables.parcels);
    ctx.fx.mark('pa:place-ready');
    const saved = loadPlaceWork(ctx.fx.storage, s.region);
    return {
      dataGroups: groupsFromTable(place.workspace.tables.promotion_groups),
      dataProjects: projectsFromTable(place.workspace.tables.projects),
      work: saved.work,
      workReadOnly: saved.readOnly,
      workIssues: saved.issues,
      boundaries: place.boundaries,
      parks,
      parkOptions: parkOptionsOf(parks),
      zones: planningZonesOf(place.workspace.tables.planning_zones),
      countyOptions: place.boundaries.features.map((f) => String(f.properties?.county ?? f.properties?.name ?? '')),
      shapes: s.scale === null ? own : tileShapes(own, s.scale),
    };
  },
  apply(s, { workIssues, ...r }) {
    // A pasted link may name counties, parks or a group this place does not have: drop them
    // (the nearest valid view) and say so.
    const fit = fitViewToPlace(s, { countyOptions: r.countyOptions, parkOptions: r.parkOptions, groups: r.work.groups ?? r.dataGroups });
    return {
      ...s,
      ...r,
      filter: fit.view.filter,
      group: fit.view.group,
      // A project belongs to the place it was chosen in.
      project: null,
      placeKey: placeShapes.wanted(s),
      notices: withNotices(s.notices, [...workIssues, ...(fit.notice ? [fit.notice] : [])]),
      ...FORGET_FINDINGS,
    };
  },
};

export const regionData: Derivation<{ hover: HoverColumns }> = {
  name: 'region',
  fatal: true,
  wanted: placeKeyOf,
  current: (s) => s.regionKey,
  invalidate: (s) => ({ ...s, regionKey: null }),
  async run(s, ctx) {
    const place = await ctx.placeData(s.region);
    await ctx.warm;
    if (ctx.isStale()) throw STALE;
    ctx.willWrite();
    // The place's tables reach DuckDB as Arrow, in one transaction (demo packs and workspaces alike).
    await loadWorkspaceTables(ctx.db, place.workspace.tables);
    if (s.scale !== null) await scaleUpParcels(ctx.db, s.scale);
    ctx.fx.mark('pa:data-loaded');
    return { hover: await readHoverColumns(ctx.db) };
  },
  apply: (s, r) => ({ ...s, ...r, regionKey: regionData.wanted(s), ...FORGET_FINDINGS }),
};

export const findings: Derivation<Uint8Array> = {
  name: 'findings',
  fatal: true,
  wanted: (s) => (isCurrent(placeShapes, s) && isCurrent(regionData, s) ? key(s.regionKey, asOfDate(s), s.settings) : null),
  current: (s) => s.findingsKey,
  invalidate: (s) => ({ ...s, findingsKey: null }),
  async run(s, ctx) {
    ctx.fx.mark('pa:rules-start');
    ctx.willWrite();
    await runLandRules(ctx.db, asOfDate(s), s.settings);
    const categories = await readCategories(ctx.db);
    ctx.fx.mark('pa:rules-done');
    return categories;
  },
  apply: (s, categories) => ({ ...s, categories, findingsKey: findings.wanted(s) }),
};

type Filtered = Pick<AppState, 'mask' | 'totals' | 'byCounty' | 'byPark' | 'list' | 'bySupplyYear'>;

export const filtered: Derivation<Filtered> = {
  name: 'filtered',
  fatal: true,
  wanted: (s) => (isCurrent(findings, s) ? key(s.findingsKey, s.filter) : null),
  current: (s) => s.filteredKey,
  async run(s, { db, fx }) {
    const f = s.filter;
    fx.mark('pa:figures-start');
    const mask = await readFilterMask(db, f);
    fx.mark('pa:filter-mask');
    const totals = await groupSummaries(db, totalsQuery(f));
    const byCounty = await groupSummaries(db, countySummaryQuery(f));
    const byPark = await groupSummaries(db, parkSummaryQuery(f));
    const list = await parcelList(db, f);
    const bySupplyYear = await idleBySupplyYear(db, f);
    fx.mark('pa:figures-done');
    return { mask, totals: totals[0] ?? null, byCounty, byPark, list, bySupplyYear };
  },
  apply: (s, r) => ({
    ...s,
    ...r,
    filteredKey: filtered.wanted(s),
    revision: s.revision + 1,
    // The first figures of a region complete its loading.
    phase: s.phase === 'loading' ? 'ready' : s.phase,
  }),
};

export const selection: Derivation<AppState['selected']> = {
  name: 'selection',
  fatal: true,
  wanted: (s) => (s.parcel !== null && isCurrent(findings, s) ? key(s.findingsKey, s.parcel) : null),
  current: (s) => s.selectedKey,
  async run(s, { db }) {
    const pidx = await findPidx(db, s.parcel!);
    return pidx === null ? null : parcelDetail(db, pidx);
  },
  apply(s, detail) {
    if (detail) return { ...s, selected: detail, selectedKey: selection.wanted(s) };
    // A link to a parcel this region does not have opens the region without a selection.
    return {
      ...s,
      parcel: null,
      selected: null,
      selectedKey: null,
      notices: [...s.notices, { zh: `本地区没有宗地 ${s.parcel}`, en: `This region has no parcel ${s.parcel}` }],
    };
  },
};
