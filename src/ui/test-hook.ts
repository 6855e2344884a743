// `window.__parkatlas`: read-only views of app state for end-to-end tests, plus the map
// projection so a test can click a parcel where a person would.

import type maplibregl from 'maplibre-gl';
import { bbox } from '@turf/turf';
import { asOfDate, promotionGroups, viewOf } from '../state/app-state';
import { engineBuild } from '../state/browser-effects';
import { selectOverlap, selectPair } from '../state/review-selectors';
import type { App } from '../state/runtime';
import type { View } from '../state/view';
import { chartRegistry } from './charts/Chart';
import type { PickResult } from '../map/parcel-picking';
import { type OfflineStatus, offlineStatus } from '../state/offline';
import { type LastPicture, lastPicture } from './picture/last-picture';
import { timelineCategories } from '../state/timeline';
import { type SitingHookApi, sitingHooks } from './test-hook-siting';

export const testHook: {
  map: maplibregl.Map | null;
  /** The parcel (pidx) deck.gl picks at a point of the map canvas (canvas CSS pixels), or null. */
  pick: ((x: number, y: number) => number | null) | null;
  rendered: ((gl: WebGL2RenderingContext) => void) | null;
  /** What a click at a canvas point means: one parcel, a choice list, or nothing. */
  pickResult: ((x: number, y: number) => PickResult) | null;
  /** The measuring tool's current values. */
  measure: (() => { distanceM: number; areaM2: number | null }) | null;
  /** The names the map draws at its current zoom (label-placement.ts). */
  labels: readonly { rank: string; text: string; position: [number, number] }[];
} = { map: null, pick: null, rendered: null, pickResult: null, measure: null, labels: [] };

export interface TestHookApi extends SitingHookApi {
  state(): Record<string, unknown>;
  layout(): Record<string, unknown>;
  /** The view as the address bar encodes it, and the address itself. */
  view(): View;
  url(): string;
  /** Screen point (page CSS pixels) of a parcel's label point, or null if unknown. */
  parcelScreenPoint(parcelId: string): Promise<{ x: number; y: number } | null>;
  parcelLngLat(parcelId: string): Promise<[number, number] | null>;
  zoomTo(lng: number, lat: number, zoom: number): Promise<void>;
  /** Moves the map as a drag, rotation or tilt would (the map then reports the camera), and waits until it is drawn. */
  turnTo(camera: { lng: number; lat: number; zoom: number; bearing: number; pitch: number }): Promise<void>;
  /** Page point of a parcel's label point by index, from the map shapes alone (no database needed). */
  parcelPointByIndex(pidx: number): { x: number; y: number } | null;
  parcelLngLatByIndex(pidx: number): [number, number] | null;
  /** Fits the map to the place's boundaries, as on opening, and waits until it is drawn. */
  fitPlace(): Promise<void>;
  /** The parcel index the map picks at a page point (what a click there would hit), or null. */
  pickAt(x: number, y: number): number | null;
  /** The database engine build (`eh` single-threaded, `coi` multi-threaded), its threads, and whether the page is isolated. */
  engine(): { build: string | null; threads: number; isolated: boolean };
  /** Changes rule settings or the filter as the panels do (returns the settings' errors), for the benchmark. */
  setSettings(patch: Parameters<App['actions']['setSettings']>[0]): string[];
  setFilter(patch: Parameters<App['actions']['setFilter']>[0]): void;
  /** Resolves when every derived result is current. */
  settled(): Promise<void>;
  /**
   * Moves the camera and resolves with the milliseconds until the parcels' next frame is drawn:
   * deck.gl's render callback only says the commands were issued, so a one-pixel read waits
   * until the GPU (software WebGL in the bench) has really drawn them.
   */
  cameraStep(lng: number, lat: number, zoom: number): Promise<number>;
  /** Page point of a bar (category on the category axis, value inside the bar). */
  chartPoint(testid: string, category: string, value: number, seriesIndex?: number, yCategory?: string): { x: number; y: number } | null;
  /** The layout review as a briefing: cluster verdicts, chain nodes with names and parks, the open pair's links. */
  review(): {
    clusters: { id: number; counties: string[]; multiCounty: boolean; candidate: boolean }[];
    nodes: { id: string; name: string; gap: boolean; parkIds: string[]; feeds: string[]; fedBy: string[] }[];
    complementary: { from: string; to: string; bothWays: boolean }[];
  };
  /** The map's camera as drawn (centre and zoom), and the camera the state holds (null: the whole place). */
  camera(): { lng: number; lat: number; zoom: number; state: { lng: number; lat: number; zoom: number } | null } | null;
  /** Resolves once the map has stopped moving (a flight ended). */
  mapIdle(): Promise<void>;
  /** What a click at a page point means: one parcel, a choice list or nothing. */
  pickResultAt(x: number, y: number): PickResult | null;
  /** The measuring tool's current length (m) and area (m², null while open). */
  measure(): { distanceM: number; areaM2: number | null } | null;
  /** The map's names drawn inside the map's view now (rank: city, county, cluster, park), with page points. */
  labels(): { rank: string; text: string; x: number; y: number }[];
  /** The promotion groups in force (the user's or the data's) and each park's 可供地 in 亩 as the layout review computed it. */
  groups(): { edited: boolean; groups: { group_id: string; name: string; counties: string[] }[]; parks: { park_id: string; name: string; county: string; availableMu: number }[] };
  /** Offline use as the status bar shows it (state/offline.ts). */
  offline(): OfflineStatus;
  /** The last map picture exported in this page: size, legend labels, swatch and 示例数据 boxes (picture pixels). */
  lastPicture(): LastPicture | null;
  /**
   * The time bar: its date (null: closed), its stops, the parcels idle at that date by the map's
   * colours (timeline categories), and the chart's series in m² over all counties.
   */
  timeline(): { date: string | null; dates: string[]; idleParcels: number | null; idleM2: number[]; revitalisedM2: number[] };
  /** Milliseconds of one slider step: colours at `date` computed and the parcels' next frame drawn. */
  timelineStep(date: string): Promise<number>;
  /** Page coordinates of a ranked candidate's numbered marker, or null when it is not ranked. */
  siteScreenPoint(siteId: string): { x: number; y: number } | null;
}

export function installTestHook(app: App): void {
  const { store, actions } = app;
  const api: TestHookApi = {
    ...sitingHooks(store),
    state() {
      const s = store.get();
      return {
        phase: s.phase,
        pending: s.pending,
        message: s.message,
        region: s.region,
        asOf: asOfDate(s),
        lang: s.lang,
        filter: s.filter,
        settings: s.settings,
        totals: s.totals,
        byCounty: s.byCounty,
        byPark: s.byPark,
        listLength: s.list.length,
        firstListed: s.list[0]?.parcel_id ?? null,
        listCounties: [...new Set(s.list.map((p) => p.county))],
        mode: s.mode,
        bySupplyYear: s.bySupplyYear,
        selected: s.selected?.parcel_id ?? null,
        parcelCount: s.shapes?.parcelCount ?? 0,
        judged: s.categories !== null,
        polygonCount: s.shapes?.length ?? 0,
        visibleCount: s.mask ? s.mask.reduce((a, b) => a + b, 0) : 0,
        counties: s.countyOptions,
        parks: s.parkOptions.length,
        camera: s.camera,
        group: s.group,
        layers: s.layers,
        presenting: s.presenting,
        scenes: s.work.scenes.map((x) => ({ id: x.id, title: x.title, caption: x.caption, view: x.view })),
        cameraSeq: s.cameraSeq,
        groups: promotionGroups(s),
        notices: s.notices.map((n) => n.zh),
        /** Derivations whose computation failed, by name (state.failed), for diagnosing a test. */
        failed: s.failed,
        parcel: s.parcel,
        historyLength: s.workbench.history.length,
      };
    },
    layout() {
      const s = store.get();
      const l = s.review;
      const overlap = selectOverlap(s);
      const pair = selectPair(s);
      return {
        clusters: l.clusters?.clusters.map((c) => ({ id: c.id, parkIds: c.parkIds, counties: c.counties, multiCounty: c.multiCounty, label: c.labelZh })) ?? [],
        overlapCounties: overlap?.counties ?? [],
        highPairs: overlap?.highPairs ?? [],
        pair: pair ? { a: pair.a, b: pair.b, shared: pair.shared.map((n) => n.node_id), complementary: pair.complementary.length } : null,
        chainId: l.chainId,
        nodes: l.chain?.nodes.map((n) => ({ id: n.node_id, gap: n.isGap, parcels: n.parcelsCount })) ?? [],
        selectedNode: l.selectedNode,
        highlighted: l.highlight ? l.highlight.reduce((a, b) => a + b, 0) : 0,
        suggestions: l.suggestions.slice(0, 5).map((x) => x.textZh),
      };
    },
    async parcelScreenPoint(parcelId) {
      const c = actions.locateParcel(parcelId);
      const map = testHook.map;
      if (!c || !map) return null;
      const p = map.project([c.cx, c.cy]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    },
    async parcelLngLat(parcelId) {
      const c = actions.locateParcel(parcelId);
      return c ? [c.cx, c.cy] : null;
    },
    view: () => viewOf(store.get()),
    engine() {
      const e = engineBuild();
      return { build: e?.build ?? null, threads: e?.threads ?? 0, isolated: globalThis.crossOriginIsolated === true };
    },
    setSettings: (patch) => actions.setSettings(patch),
    setFilter: (patch) => actions.setFilter(patch),
    settled: () => app.settled(),
    url: () => location.href,
    chartPoint(testid, category, value, seriesIndex = 0, yCategory) {
      const c = chartRegistry[testid];
      if (!c) return null;
      if (yCategory !== undefined) {
        // Heat-map: both axes are categories.
        const p = c.convertToPixel({ seriesIndex }, [category, yCategory]) as number[];
        const rect = c.getDom().getBoundingClientRect();
        return { x: rect.left + p[0], y: rect.top + p[1] };
      }
      const opt = c.getOption() as { yAxis: { type: string }[] };
      const horizontal = opt.yAxis[0]?.type === 'category';
      const p = c.convertToPixel({ seriesIndex }, horizontal ? [value, category] : [category, value]) as number[];
      const rect = c.getDom().getBoundingClientRect();
      return { x: rect.left + p[0], y: rect.top + p[1] };
    },
    parcelPointByIndex(pidx) {
      const c = store.get().shapes?.centers;
      const map = testHook.map;
      if (!c || !map || !Number.isFinite(c[2 * pidx])) return null;
      const p = map.project([c[2 * pidx], c[2 * pidx + 1]]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    },
    parcelLngLatByIndex(pidx) {
      const c = store.get().shapes?.centers;
      return c && Number.isFinite(c[2 * pidx]) ? [c[2 * pidx], c[2 * pidx + 1]] : null;
    },
    async fitPlace() {
      const map = testHook.map;
      const b = store.get().boundaries;
      if (!map || !b) return;
      const [minX, minY, maxX, maxY] = bbox(b);
      map.fitBounds([[minX, minY], [maxX, maxY]], { padding: 30, duration: 0 });
      await new Promise<void>((resolve) => map.once('idle', () => resolve()));
    },
    pickAt(x, y) {
      const map = testHook.map;
      if (!map || !testHook.pick) return null;
      const rect = map.getCanvas().getBoundingClientRect();
      return testHook.pick(x - rect.left, y - rect.top);
    },
    async zoomTo(lng, lat, zoom) {
      const map = testHook.map;
      if (!map) return;
      map.jumpTo({ center: [lng, lat], zoom });
      await new Promise<void>((resolve) => map.once('idle', () => resolve()));
    },
    async turnTo(c) {
      const map = testHook.map;
      if (!map) return;
      map.jumpTo({ center: [c.lng, c.lat], zoom: c.zoom, bearing: c.bearing, pitch: c.pitch });
      await new Promise<void>((resolve) => map.once('idle', () => resolve()));
    },
    cameraStep(lng, lat, zoom) {
      const map = testHook.map;
      if (!map) return Promise.resolve(NaN);
      return new Promise((resolve) => {
        const t0 = performance.now();
        testHook.rendered = (gl) => {
          testHook.rendered = null;
          gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
          resolve(performance.now() - t0);
        };
        map.jumpTo({ center: [lng, lat], zoom });
      });
    },
    review() {
      const s = store.get();
      const chain = s.review.chain;
      const gaps = new Map((chain?.gaps ?? []).map((g) => [g.node_id, g]));
      return {
        clusters: (s.review.clusters?.clusters ?? []).map((c) => ({
          id: c.id,
          counties: c.counties,
          multiCounty: c.multiCounty,
          candidate: c.promotion?.candidate ?? false,
        })),
        nodes: (chain?.nodes ?? []).map((n) => ({
          id: n.node_id,
          name: n.node_name,
          gap: n.isGap,
          parkIds: n.parkIds,
          feeds: gaps.get(n.node_id)?.feeds.map((x) => x.node_name) ?? [],
          fedBy: gaps.get(n.node_id)?.fedBy.map((x) => x.node_name) ?? [],
        })),
        complementary: (selectPair(s)?.complementary ?? []).map((l) => ({ from: l.from_node, to: l.to_node, bothWays: l.bothWays })),
      };
    },
    camera() {
      const map = testHook.map;
      if (!map) return null;
      const c = map.getCenter();
      return { lng: c.lng, lat: c.lat, zoom: map.getZoom(), state: store.get().camera };
    },
    mapIdle() {
      const map = testHook.map;
      if (!map) return Promise.resolve();
      // A flight may be about to start (the state asked, the map has not begun): one frame first.
      return new Promise((resolve) =>
        requestAnimationFrame(() => {
          const idle = () => {
            map.once('idle', () => resolve());
            map.triggerRepaint();
          };
          if (map.isMoving()) map.once('moveend', idle);
          else idle();
        }),
      );
    },
    pickResultAt(x, y) {
      const map = testHook.map;
      if (!map || !testHook.pickResult) return null;
      const rect = map.getCanvas().getBoundingClientRect();
      return testHook.pickResult(x - rect.left, y - rect.top);
    },
    measure: () => testHook.measure?.() ?? null,
    labels() {
      const map = testHook.map;
      if (!map) return [];
      const rect = map.getCanvas().getBoundingClientRect();
      return testHook.labels
        .map((l) => ({ l, p: map.project(l.position) }))
        .filter(({ p }) => p.x >= 0 && p.y >= 0 && p.x <= rect.width && p.y <= rect.height)
        .map(({ l, p }) => ({ rank: l.rank, text: l.text, x: rect.left + p.x, y: rect.top + p.y }));
    },
    groups() {
      const s = store.get();
      return {
        edited: s.work.groups !== null,
        groups: promotionGroups(s).map((g) => ({ ...g, counties: [...g.counties] })),
        parks: s.review.availability.map((p) => ({ park_id: p.park_id, name: p.name, county: p.county, availableMu: p.availableAreaMu })),
      };
    },
    offline: () => offlineStatus(),
    lastPicture,
    timeline() {
      const s = store.get();
      const series = s.time.series;
      const iv = s.time.intervals;
      let idleParcels: number | null = null;
      if (s.timeline !== null && iv) {
        idleParcels = 0;
        for (const c of timelineCategories(s.timeline, iv)) if (c !== 0) idleParcels++;
      }
      return {
        date: s.timeline,
        dates: series?.dates ?? [],
        idleParcels,
        idleM2: Array.from(series?.idle.get('') ?? []),
        revitalisedM2: Array.from(series?.revitalised.get('') ?? []),
      };
    },
    async timelineStep(date: string) {
      // The same date draws no new frame: nothing to wait for.
      if (store.get().timeline === date) return 0;
      const start = performance.now();
      const drawn = new Promise<void>((resolve) => {
        const before = testHook.rendered;
        testHook.rendered = (gl) => {
          before?.(gl);
          // A one-pixel read waits until the GPU has really drawn the frame.
          gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, new Uint8Array(4));
          testHook.rendered = before;
          resolve();
        };
      });
      actions.setTimeline(date);
      await drawn;
      return performance.now() - start;
    },
    siteScreenPoint(siteId) {
      const site = store.get().siting.match?.result.ranked.find((r) => r.site_id === siteId);
      const map = testHook.map;
      if (!site || site.cx === null || site.cy === null || !map) return null;
      const p = map.project([site.cx, site.cy]);
      const rect = map.getCanvas().getBoundingClientRect();
      return { x: rect.left + p.x, y: rect.top + p.y };
    },
  };
  (window as unknown as { __parkatlas: TestHookApi }).__parkatlas = api;
}
