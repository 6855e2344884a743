import { MapboxOverlay } from '@deck.gl/mapbox';
import { bbox } from '@turf/turf';
import maplibregl from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { offlineStyle, setCounties } from '../map/basemap';
import { type ColourOverride, type LayoutOverlay, NEAR_ZOOM, buildLayers, pickedParcel } from '../map/layers';
import { HIGHLIGHT_PALETTE, MUJUN_PALETTE } from '../map/palette';
import type { PolygonGeometry } from '../map/parcel-geometry';
import { pointGeometry, polygonGeometry } from '../map/parcel-geometry-client';
import { type ParcelDrawing, parcelDrawing } from '../map/parcel-size';
import type { AppState } from '../state/app-state';
import { countyName, m2ToMu } from '../vocab';
import type { MessageKey } from '../i18n/dict';
import { fmt } from './format';
import { useT } from './i18n';
import { testHook } from './test-hook';
import { useActions, useApp, useAppState } from '../state/context';
import type { HoverInfo } from '../state/hover';
import { placeLabels } from '../state/place-labels';
import { selectOverlap, selectPair } from '../state/review-selectors';


type ParcelShapes = NonNullable<AppState['shapes']>;

/** The parcel under the pointer, whichever way parcels are drawn (layers.ts). */
function pickedPidx(shapes: ParcelShapes | null, info: { layer?: { id: string } | null; index: number; bitmap?: { pixel: number[] } | null }): number | null {
  const pixel = info.bitmap?.pixel;
  return shapes ? pickedParcel(shapes, info.layer?.id, info.index, pixel ? [pixel[0], pixel[1]] : undefined) : null;
}

/** Map labels stay short on a wall screen: three counties by name, more as “A等N县区”. */
function shortClusterLabel(counties: string[], lang: 'zh' | 'en'): string {
  const names = counties.map((c) => c.replace(/(瑶族自治县|自治县)$/, '县'));
  if (lang === 'en') {
    const en = counties.map((c) => countyName(c, 'en'));
    return en.length <= 3 ? `${en.join('–')} cluster` : `${en[0]} + ${en.length - 1} counties`;
  }
  if (names.length <= 3) return `${names.map((n) => n.replace(/[县区市]$/, '')).join('、')}组团`;
  return `${names[0]}等${names.length}县区组团`;
}

type PickInfo = Parameters<typeof pickedPidx>[1];

interface Hover {
  x: number;
  y: number;
  info: HoverInfo | null;
}

/** Overlap lines drawn at most: beyond this a city map turns into a red web. */
const MAX_OVERLAP_LINES = 6;

/** MapLibre's UI strings (control tooltips, the canvas's accessible name) in the UI language. */
function mapLocale(t: (k: MessageKey) => string): Record<string, string> {
  return {
    'NavigationControl.ZoomIn': t('mapZoomIn'),
    'NavigationControl.ZoomOut': t('mapZoomOut'),
    'NavigationControl.ResetBearing': t('mapResetBearing'),
    'AttributionControl.ToggleAttribution': t('mapAttribution'),
    'Map.Title': t('mapTitle'),
  };
}

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
  const [zoomBand, setZoomBand] = useState<'far' | 'near'>('far');
  const [drawing, setDrawing] = useState<ParcelDrawing>('points');
  // Tagged with its shapes: a new region's shapes are never drawn with the previous triangles.
  const [polygons, setPolygons] = useState<{ shapes: ParcelShapes; geometry: PolygonGeometry } | null>(null);

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
  const overlap = useAppState(selectOverlap);
  const pair = useAppState(selectPair);
  const highlight = useAppState((s) => s.review.highlight);
  const layoutRevision = useAppState((s) => s.review.revision);
  const colorBy = useAppState((s) => s.workbench.colorBy);
  const parcelClasses = useAppState((s) => s.workbench.parcelClasses);
  const workbenchRevision = useAppState((s) => s.workbench.revision);

  useEffect(() => {
    const map = new maplibregl.Map({
      container: container.current!,
      style: offlineStyle(),
      center: [116.6, 37.4],
      zoom: 8,
      attributionControl: false,
      locale: mapLocale(t),
      // Keeps the WebGL buffer for screenshots (e2e tests, future presentation export).
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    navRef.current = new maplibregl.NavigationControl({ showCompass: false });
    map.addControl(navRef.current, 'top-right');
    map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-right');
    const overlay = new MapboxOverlay({
      interleaved: false,
      layers: [],
      onClick: (info) => {
        actions.selectParcel(pickedPidx(app.store.get().shapes, info as PickInfo));
      },
      onHover: (info) => {
        const pidx = pickedPidx(app.store.get().shapes, info as PickInfo);
        // Answered from memory (state/hover.ts): no database job, so no busy mark and no wait.
        const facts = pidx === null ? null : actions.hoverInfo(pidx);
        setHover(facts ? { x: info.x, y: info.y, info: facts } : null);
      },
      getCursor: ({ isHovering }) => (isHovering ? 'pointer' : 'grab'),
    });
    map.addControl(overlay);
    map.on('load', () => setStyleReady(true));
    map.on('zoom', () => {
      setZoomBand(map.getZoom() >= NEAR_ZOOM ? 'near' : 'far');
      // Only a change of drawing re-renders: preact ignores setting the same value.
      const s = app.store.get().shapes;
      if (s) setDrawing(parcelDrawing(pointGeometry(s).medianSizeM, map.getZoom(), map.getCenter().lat));
    });
    mapRef.current = map;
    overlayRef.current = overlay;
    testHook.map = map;
    testHook.pick = (x, y) => {
      const info = overlay.pickObject({ x, y, radius: 0 });
      return info ? pickedPidx(app.store.get().shapes, info as PickInfo) : null;
    };
    return () => {
      map.remove();
      testHook.map = null;
      testHook.pick = null;
    };
  }, []);

  // MapLibre reads its locale when a control is built: on a language switch the table is
  // replaced, the zoom buttons are rebuilt and the canvas is renamed.
  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    const locale = mapLocale(t);
    if (map._locale['Map.Title'] === locale['Map.Title']) return;
    map._locale = { ...map._locale, ...locale };
    if (navRef.current) map.removeControl(navRef.current);
    navRef.current = new maplibregl.NavigationControl({ showCompass: false });
    map.addControl(navRef.current, 'top-right');
    map.getCanvas().setAttribute('aria-label', locale['Map.Title']);
  }, [lang]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady || !boundaries) return;
    setCounties(map, boundaries);
    const [minX, minY, maxX, maxY] = bbox(boundaries);
    map.fitBounds(
      [
        [minX, minY],
        [maxX, maxY],
      ],
      { padding: 30, duration: 0 },
    );
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
  const shownCountyLabels = useMemo(() => countyLabels.map((l) => ({ ...l, text: place(l.text) })), [countyLabels, lang]);
  const layout = useMemo((): LayoutOverlay | undefined => {
    if (mode !== 'layout') return undefined;
    const seats = new Map(countyLabels.map((l) => [l.text, l.position]));
    const isPair = (p: { a: string; b: string }) => !!pair && ((p.a === pair.a && p.b === pair.b) || (p.a === pair.b && p.b === pair.a));
    const top = (overlap?.highPairs ?? []).slice(0, MAX_OVERLAP_LINES);
    const chosen = (overlap?.highPairs ?? []).filter(isPair);
    const lines = [...new Set([...top, ...chosen])]
      .filter((p) => seats.has(p.a) && seats.has(p.b))
      .map((p) => ({ from: seats.get(p.a)!, to: seats.get(p.b)!, index: p.index, selected: isPair(p) }));
    if (pair && !lines.some((l) => l.selected) && seats.has(pair.a) && seats.has(pair.b)) {
      lines.push({ from: seats.get(pair.a)!, to: seats.get(pair.b)!, index: pair.index, selected: true });
    }
    const hulls = (clusters?.clusters ?? [])
      .filter((c) => c.hull)
      .map((c) => ({ id: c.id, hull: c.hull!, label: shortClusterLabel(c.counties, lang), multiCounty: c.multiCounty, selected: c.id === selectedCluster }));
    return { hulls, lines };
  }, [mode, countyLabels, overlap, pair, clusters, selectedCluster, lang]);

  const override = useMemo((): ColourOverride | undefined => {
    if (mode === 'layout' && highlight) return { values: highlight, palette: HIGHLIGHT_PALETTE, revision: layoutRevision };
    if (mode === 'workbench' && colorBy === 'mujun' && parcelClasses) {
      return { values: parcelClasses, palette: MUJUN_PALETTE, revision: workbenchRevision };
    }
    return undefined;
  }, [mode, highlight, layoutRevision, colorBy, parcelClasses, workbenchRevision]);

  useEffect(() => {
    const c = clusters?.clusters.find((x) => x.id === selectedCluster);
    const map = mapRef.current;
    if (!c?.hull || !map) return;
    const [minX, minY, maxX, maxY] = bbox(c.hull);
    map.fitBounds([[minX, minY], [maxX, maxY]], { padding: 80, duration: 600 });
  }, [selectedCluster, clusters]);
  const parkLabels = useMemo(() => placeLabels(parks, 'name'), [parks]);

  useEffect(() => {
    const overlay = overlayRef.current;
    if (!overlay || !styleReady) return;
    const layers = buildLayers({
      parks,
      countyLabels: shownCountyLabels,
      parkLabels,
      parcels: shapes,
      categories,
      mask,
      revision,
      selectedPidx: selected?.pidx ?? null,
      zoomBand,
      drawing,
      polygons: polygons && polygons.shapes === shapes ? polygons.geometry : null,
      layout,
      override,
      labelScale: props.wall ? 1.7 : 1,
    });
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
  }, [boundaries, parks, shownCountyLabels, parkLabels, shapes, categories, mask, revision, selected, styleReady, phase, zoomBand, drawing, polygons, layout, override, props.wall]);

  return (
    <div class="map-wrap">
      <div ref={container} class="map" data-testid="map" />
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
