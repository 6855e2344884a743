// What the map wears besides the data: MapLibre's controls in the UI language, and the basemap
// the planner opted into (rebuilt when its source changes, faded when only its opacity does).

import type { RefObject } from 'preact';
import maplibregl from 'maplibre-gl';
import { useEffect, useState } from 'preact/hooks';
import type { MessageKey } from '../i18n/dict';
import { isBasemapSource, setBasemapOpacity, showBasemap } from '../map/basemap';
import { basemapTiles } from '../map/basemap-tiles';
import { useActions, useAppState } from '../state/context';
import type { BasemapProblem } from './BasemapControls';

/** MapLibre's UI strings (control tooltips, the canvas's accessible name) in the UI language. */
export function mapLocale(t: (k: MessageKey) => string): Record<string, string> {
  return {
    'NavigationControl.ZoomIn': t('mapZoomIn'),
    'NavigationControl.ZoomOut': t('mapZoomOut'),
    'NavigationControl.ResetBearing': t('mapResetBearing'),
    'AttributionControl.ToggleAttribution': t('mapAttribution'),
    'Map.Title': t('mapTitle'),
  };
}

/**
 * MapLibre reads its locale when a control is built: on a language switch the table is
 * replaced, the zoom buttons are rebuilt and the canvas is renamed.
 */
export function useMapLocale(
  mapRef: RefObject<maplibregl.Map | null>,
  navRef: RefObject<maplibregl.NavigationControl | null>,
  lang: string,
  t: (k: MessageKey) => string,
): void {
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
}

/** Draws the region's chosen basemap (none: nothing requested) and returns what went wrong, if anything. */
export function useBasemap(mapRef: RefObject<maplibregl.Map | null>, styleReady: boolean): BasemapProblem | null {
  const actions = useActions();
  const basemap = useAppState((s) => s.basemaps[s.region] ?? null);
  const [problem, setProblem] = useState<BasemapProblem | null>(null);
  // Rebuilt when the source changes, not when only its opacity does.
  const source = basemap ? JSON.stringify({ ...basemap, opacity: 0 }) : null;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !styleReady) return;
    setProblem(null);
    // A failed basemap tile is reported once per choice (the notice names the last error).
    const failed = (e: { sourceId?: string; error?: Error }) => {
      if (isBasemapSource(e.sourceId)) setProblem({ kind: 'tiles', detail: e.error?.message ?? '' });
    };
    map.on('error', failed);
    const tiles = basemap ? basemapTiles(basemap, actions.basemapKey) : null;
    if (tiles && 'problem' in tiles) {
      showBasemap(map, null);
      setProblem({ kind: tiles.problem });
    } else showBasemap(map, tiles);
    return () => {
      map.off('error', failed);
    };
  }, [source, styleReady]);
  // The view's layer switch hides the basemap without forgetting its opacity.
  const shown = useAppState((s) => s.layers.basemap);
  useEffect(() => {
    const map = mapRef.current;
    if (map && styleReady && basemap) setBasemapOpacity(map, shown ? basemap.opacity : 0);
  }, [basemap?.opacity, styleReady, shown, source]);
  return problem;
}
