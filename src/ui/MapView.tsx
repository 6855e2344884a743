import type { AvailableOverlay } from '../map/supply-layer';
import { SUPPLY_MODES } from '../state/supply-state';
import { MapboxOverlay } from '@deck.gl/mapbox';
import { bbox } from '@turf/turf';
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { offlineStyle, setCounties } from '../map/basemap';
import { BasemapControls } from './BasemapControls';
import { mapLocale, useBasemap, useMapLocale } from './map-chrome';
import { shortClusterLabel } from './cluster-label';
import { type ColourOverride, type LayoutOverlay, SITE_MARKER_LAYER, type SiteMarker, buildLayers } from '../map/layers';
import { useSiteMarkers } from './siting/site-markers';
import { placeLabels as placeMapLabels } from '../map/label-placement';
import { labelRequests } from '../map/map-labels';
import { measureLayers, measureOf } from '../map/measure';
import type { PickResult } from '../map/parcel-picking';
import { DAYS_TO_IDLE_PALETTE, HIGHLIGHT_PALETTE, IDLE_COLORS, MUJUN_PALETTE } from '../map/palette';
import type { PolygonGeometry } from '../map/parcel-geometry';
import { pointGeometry, polygonGeometry } from '../map/parcel-geometry-client';
import { type ParcelDrawing, parcelDrawing } from '../map/parcel-size';
import type { AppState } from '../state/app-state';
import { type CameraSync, syncCamera } from './map-camera';
import { m2ToMu } from '../vocab';
import { fmt } from './format';
import { useT } from './i18n';
import { testHook } from './test-hook';
import { useActions, useApp, useAppState } from '../state/context';
import type { HoverInfo } from '../state/hover';
import { cityLabel, placeLabels } from '../state/place-labels';
import { regionById } from '../state/catalog';
import { overlapLinePairs, selectOverlap, selectPair } from '../state/review-selectors';
import { selectedGroupCounties } from '../state/group-selectors';
import { pickParcels } from './map-pick';
import { timelineCategories, timelineShown } from '../state/timeline';
import { MeasurePanel, useMeasure } from './MeasureTool';
import { PickChoice } from './WallDetailCard';
import { PictureExport } from './picture/PictureExport';
import { pictureResizing } from './picture/render-picture';


type ParcelShapes = NonNullable<AppState['shapes']>;

interface Hover {
  x: number;
  y: number;
  info: HoverInfo | null;
}

/** Bumped for every date the time bar shows, so the map re-reads its colours. */
let timelineRevision = 0;

export function MapView(props: { wall?: boolean }) {
  const app = useApp();
  const actions = useActions();
  const { t, code, place } = useT();
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const overlayRef = useRef<MapboxOverlay | null>(null);
  const navRef = useRef<maplibregl.NavigationControl | null>(null);
  const [styleReady, setStyleReady] = useState(false);
  const [hover, setHover] = useState<Hover | null>(null);
  // Labels are placed again at each quarter zoom level (placement does not depend on panning).
  const [labelZoom, setLabelZoom] = useState(8);
  const [drawing, setDrawing] = useState<ParcelDrawing>('points');
  // Tagged with its shapes: a new region's shapes are never drawn with the previous triangles.
  const [polygons, setPolygons] = useState<{ shapes: ParcelShapes; geometry: PolygonGeometry } | null>(null);
  const [choice, setChoice] = useState<{ x: number; y: number; pidxs: number[] } | null>(null);
  const measure = useMeasure();
  // The map's event handlers are bound once: they read the latest of these through refs.
  const measureRef = useRef(measure);
  measureRef.current = measure;
  const drawingRef = useRef(drawing);
  drawingRef.current = drawing;
  const cameraSync = useRef<CameraSync | null>(null);

  const phase = useAppState((s) => s.phase);
  const boundaries = useAppState((s) => s.boundaries);
  const parks = useAppState((s) => s.parks);
  const shapes = useAppState((s) => s.shapes);
  const categories = useAppState((s) => s.categories);
  const mask = useAppState((s) => s.mask);
  const revision = useAppState((s) => s.revision);
  const selected = useAppState((s) => s.selected);
  const mode = useAppState((s) => s.mode);
  const lang = useAppState((s) => s.lang);
  const clusters = useAppState((s) => s.review.clusters);
  const selectedCluster = useAppState((s) => s.review.selectedCluster);
  const groupCounties = useAppState(selectedGroupCounties);
  const overlap = useAppState(selectOverlap);
  const chosenCounties = useAppState((s) => s.filter.counties);
  const pair = useAppState(selectPair);
  const highlight = useAppState((s) => s.review.highlight);
  const layoutRevision = useAppState((s) => s.review.revision);
  const colorBy = useAppState((s) => s.workbench.colorBy);
  const parcelClasses = useAppState((s) => s.workbench.parcelClasses);
  const workbenchRevision = useAppState((s) => s.workbench.revision);
  // The time bar's date: idle land as the rules find it then (state/timeline.ts).
  const timeline = useAppState((s) => (timelineShown(s) ? s.timeline : null));
  const intervals = useAppState((s) => s.time.intervals);
  const timelineColours = useMemo((): ColourOverride | undefined => {
    if (timeline === null || !intervals) return undefined;
    return { values: timelineCategories(timeline, intervals), palette: IDLE_COLORS, revision: ++timelineRevision };
  }, [timeline, intervals]);
  const daysToIdleBins = useAppState((s) => s.workbench.warnings.bins);
  const cameraSeq = useAppState((s) => s.cameraSeq);
  const supplyShapes = useAppState((s) => s.supply.shapes);
  const supplyRevision = useAppState((s) => s.supply.revision);
  const basemapProblem = useBasemap(mapRef, styleReady);

  useEffect(() => {
    const map = new maplibregl.Map({
      container: container.current!,
      style: offlineStyle(),
      center: [116.6, 37.4],
      zoom: 8,
      attributionControl: false,
      locale: mapLocale(t),
      // Keeps the WebGL buffer for screenshots (e2e tests) and map pictures (picture/render-picture.ts).
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    // The compass shows once the map is turned or tilted (scenes can be), and a click puts north up.
    navRef.current = new maplibregl.NavigationControl({ showCompass: true, visualizePitch: true });
    map.addControl(navRef.current, 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onClick: (info, event) => {
        const m = measureRef.current;
        if (m.active) {
          if (info.coordinate) m.click(map, info.x, info.y, [info.coordinate[0], info.coordinate[1]]);
          return;
        }
        // A right-click is not a selection (it ends a measurement, see contextmenu below).
        if ((event as { rightButton?: boolean } | undefined)?.rightButton) return;
        // A numbered candidate site (招商选址) lies over the parcels: the click chooses it.
        if (info.layer?.id === SITE_MARKER_LAYER && info.object) return actions.selectSite((info.object as SiteMarker).site_id);
        const r = pickParcels(map, overlay, app.store.get(), drawingRef.current, info.x, info.y);
        setChoice(r.kind === 'choice' ? { x: info.x, y: info.y, pidxs: r.pidxs } : null);
        if (r.kind !== 'choice') actions.selectParcel(r.kind === 'one' ? r.pidx : null);
      },
      onHover: (info) => {
        if (measureRef.current.active) return setHover(null);
        // The tooltip names the parcel a click there would select.
        const r = pickParcels(map, overlay, app.store.get(), drawingRef.current, info.x, info.y);
        const pidx = r.kind === 'one' ? r.pidx : r.kind === 'choice' ? r.pidxs[0] : null;
        // Answered from memory (state/hover.ts): no database job, so no busy mark and no wait.
        const facts = pidx === null ? null : actions.hoverInfo(pidx);
        setHover(facts ? { x: info.x, y: info.y, info: facts } : null);
      },
      getCursor: ({ isHovering }) => (measureRef.current.active ? 'crosshair' : isHovering ? 'pointer' : 'grab'),
    });
    map.addControl(overlay);
    map.on('load', () => {
      setStyleReady(true);
      setLabelZoom(Math.floor(map.getZoom() * 4) / 4);
    });
    const sized = () => {
      const c = map.getCanvas();
      actions.mapSized({ width: c.clientWidth, height: c.clientHeight });
    };
    sized();
    // A map picture's pixel-ratio change is no camera move either (picture/render-picture.ts).
    cameraSync.current = syncCamera(map, () => app.store.get(), actions.mapMoved, sized, pictureResizing);
    map.getCanvasContainer().addEventListener('contextmenu', (e) => {
      if (!measureRef.current.active) return;
      e.preventDefault();
      measureRef.current.end();
    });
    map.on('zoom', () => {
      // Rounded down: names placed apart at a zoom stay apart when zoomed further in.
      setLabelZoom(Math.floor(map.getZoom() * 4) / 4);
      // Only a change of drawing re-renders: preact ignores setting the same value.
      const s = app.store.get().shapes;
      if (s) setDrawing(parcelDrawing(pointGeometry(s).medianSizeM, map.getZoom(), map.getCenter().lat));
    });
    mapRef.current = map;
    overlayRef.current = overlay;
    testHook.map = map;
    testHook.pick = (x, y) => {
      const r = pickParcels(map, overlay, app.store.get(), drawingRef.current, x, y);
      return r.kind === 'one' ? r.pidx : r.kind === 'choice' ? r.pidxs[0] : null;
    };
    testHook.pickResult = (x, y): PickResult => pickParcels(map, overlay, app.store.get(), drawingRef.current, x, y);
    testHook.measure = () => measureOf(measureRef.current.measure);
    return () => {
      map.remove();
      testHook.map = null;
      testHook.pick = null;
      testHook.pickResult = null;
      testHook.measure = null;
    };
  }, []);

  // A navigation or Back/Forward asked for another camera (state.cameraSeq).
  useEffect(() => {
    if (!cameraSync.current || cameraSeq === 0) return;
    setChoice(null);
    cameraSync.current.apply(app.store.get());
  }, [cameraSeq]);

  // The wall screen hides the measuring tool: a measurement in progress ends with it.
  useEffect(() => {
    if (props.wall && measure.active) measure.toggle();
  }, [props.wall]);

  // Parcels highlighted for a chain node are brought into view when some are off-screen.
  useEffect(() => {
    if (mode === 'layout' && highlight) actions.revealParcels(highlight);
  }, [highlight]);

  useMapLocale(mapRef, navRef, lang, t);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady || !boundaries) return;
    setCounties(map, boundaries);
    const s = app.store.get();
    cameraSync.current?.placeDrawn(s.region, s);
  }, [boundaries, styleReady]);

  useEffect(() => {
    const map = mapRef.current;
    if (map && shapes) setDrawing(parcelDrawing(pointGeometry(shapes).medianSizeM, map.getZoom(), map.getCenter().lat));
  }, [shapes]);

  // Triangles are computed once the rules have coloured the map: on two cores the workers would
  // otherwise slow the database down on the way to the first frame, which draws points anyway.
  const coloured = categories !== null;
  useEffect(() => {
    if (!shapes || !coloured) return;
    let live = true;
    polygonGeometry(shapes).then((geometry) => {
      if (live) setPolygons({ shapes, geometry });
    });
    return () => {
      live = false;
    };
  }, [shapes, coloured]);

  const countyLabels = useMemo(() => placeLabels(boundaries, 'county'), [boundaries]);
  // Drawn in the UI language; the layout lines below still find seats by the Chinese name.
  // County names in the UI language (vocab/places.ts romanises them for English).
  const namedCounties = useMemo(() => countyLabels.map((l) => ({ ...l, textEn: place(l.text) })), [countyLabels, lang]);
  const layout = useMemo((): LayoutOverlay | undefined => {
    if (mode !== 'layout') return undefined;
    const seats = new Map(countyLabels.map((l) => [l.text, l.position]));
    const lines = overlapLinePairs(overlap?.highPairs ?? [], pair, chosenCounties)
      .filter((p) => seats.has(p.a) && seats.has(p.b))
      .map((p) => ({ from: seats.get(p.a)!, to: seats.get(p.b)!, index: p.index, selected: p.selected }));
    // The warm outline marks 组团招商 candidates (cluster-promotion.ts), not every cross-county cluster.
    const hulls = (clusters?.clusters ?? [])
      .filter((c) => c.hull)
      .map((c) => ({
        id: c.id,
        hull: c.hull!,
        label: shortClusterLabel(c.counties, lang),
        multiCounty: c.promotion?.candidate ?? false,
        selected: c.id === selectedCluster,
      }));
    return { hulls, lines };
  }, [mode, countyLabels, overlap, pair, chosenCounties, clusters, selectedCluster, lang]);

  const override = useMemo((): ColourOverride | undefined => {
    if (timelineColours) return timelineColours;
    if (mode === 'layout' && highlight) return { values: highlight, palette: HIGHLIGHT_PALETTE, revision: layoutRevision };
    if (mode === 'workbench' && colorBy === 'mujun' && parcelClasses) {
      return { values: parcelClasses, palette: MUJUN_PALETTE, revision: workbenchRevision };
    }
    if (mode === 'workbench' && colorBy === 'days_to_idle' && daysToIdleBins) {
      return { values: daysToIdleBins, palette: DAYS_TO_IDLE_PALETTE, revision: workbenchRevision };
    }
    return undefined;
  }, [mode, highlight, layoutRevision, colorBy, parcelClasses, daysToIdleBins, workbenchRevision, timelineColours]);

  useEffect(() => {
    const c = clusters?.clusters.find((x) => x.id === selectedCluster);
    const map = mapRef.current;
    if (!c?.hull || !map) return;
    const [minX, minY, maxX, maxY] = bbox(c.hull);
    map.fitBounds([[minX, minY], [maxX, maxY]], { padding: 80, duration: 600 });
  }, [selectedCluster, clusters]);
  const parkLabels = useMemo(() => placeLabels(parks, 'name'), [parks]);
  const region = useAppState((s) => s.region);
  const city = useMemo(() => cityLabel(boundaries, regionById(region)?.nameEn), [boundaries, region]);
  const requests = useMemo(
    () => labelRequests({ city, counties: namedCounties, parks: parkLabels, clusters: layout?.hulls ?? [], lang }),
    [city, namedCounties, parkLabels, layout, lang],
  );
  const labels = useMemo(() => placeMapLabels(requests, labelZoom, props.wall ? 1.7 : 1), [requests, labelZoom, props.wall]);
  testHook.labels = labels;
  const shown = useAppState((s) => s.layers);
  const zones = useAppState((s) => s.zones);
  const siting = useSiteMarkers();
  // Unsupplied park land (state/supply.ts): the U: pieces of the candidate sites.
  const available = useMemo((): AvailableOverlay | undefined => {
    if (!SUPPLY_MODES.includes(mode)) return undefined;
    const polygons = [...supplyShapes].filter(([id]) => id.startsWith('U:')).flatMap(([, p]) => p);
    return { polygons, revision: supplyRevision };
  }, [mode, supplyShapes, supplyRevision]);

  useEffect(() => {
    const overlay = overlayRef.current;
    if (!overlay || !styleReady) return;
    const layers = buildLayers({
      // The view's layer switches (county boundaries always show: they frame everything else).
      parks: shown.parks ? parks : null,
      labels: shown.labels ? labels : [],
      parcels: shown.parcels ? shapes : null,
      categories,
      mask,
      revision,
      selectedPidx: selected?.pidx ?? null,
      drawing,
      polygons: polygons && polygons.shapes === shapes ? polygons.geometry : null,
      layout,
      override,
      labelScale: props.wall ? 1.7 : 1,
      groupCounties,
      // Planning limits matter where sites are chosen: the 招商选址 mode.
      zones: mode === 'siting' && shown.zones && zones ? zones : undefined,
      available: shown.available ? available : undefined,
      siting,
    });
    layers.push(...measureLayers(measure.measure));
    const drawn = phase === 'ready' && shapes !== null;
    const painted = shapes !== null && boundaries !== null && parks !== null;
    overlay.setProps({
      layers,
      onAfterRender: ({ gl }) => {
        testHook.rendered?.(gl);
        // Boundaries, parks and parcels are on screen (before the rules have coloured them).
        if (painted && document.documentElement.dataset.painted !== '1') {
          document.documentElement.dataset.painted = '1';
          performance.mark('pa:first-paint');
        }
        // The page is ready once data is loaded and the parcels have been drawn.
        if (drawn && document.documentElement.dataset.state !== 'ready') {
          document.documentElement.dataset.state = 'ready';
          performance.mark('pa:first-frame');
        }
      },
    });
    if (!drawn && phase === 'loading') document.documentElement.dataset.state = 'loading';
  }, [boundaries, parks, labels, shapes, categories, mask, revision, selected, styleReady, phase, drawing, polygons, layout, override, props.wall, measure.measure, shown, groupCounties, available, zones, mode, siting]);

  return (
    <div class="map-wrap">
      <div ref={container} class="map" data-testid="map" />
      <MeasurePanel control={measure} map={mapRef.current} />
      {choice && (
        <PickChoice
          x={choice.x}
          y={choice.y}
          items={choice.pidxs.map((pidx) => {
            const h = actions.hoverInfo(pidx);
            return { pidx, label: h?.parcel_id ?? String(pidx), detail: [h?.park_name, h?.holder].filter(Boolean).join(' · ') };
          })}
          onPick={(pidx) => {
            setChoice(null);
            actions.selectParcel(pidx);
          }}
          onClose={() => setChoice(null)}
        />
      )}
      <BasemapControls problem={basemapProblem} wall={props.wall} />
      <PictureExport mapRef={mapRef} overlayRef={overlayRef} />
      {hover?.info && (
        <div class="tooltip" style={{ left: `${hover.x + 14}px`, top: `${hover.y + 14}px` }} data-testid="tooltip">
          <b>{hover.info.parcel_id}</b> · {hover.info.disposal === null ? t('judging') : code(`disposal:${hover.info.disposal}`)}
          <br />
          {hover.info.park_name ?? t('outsidePark')} · {fmt(hover.info.area_m2 === null ? null : m2ToMu(hover.info.area_m2))} {t('mu')}
          {hover.info.holder ? (
            <>
              <br />
              {String(hover.info.holder)}
            </>
          ) : null}
          <div class="muted small">{t('tooltipClick')}</div>
        </div>
      )}
    </div>
  );
}
