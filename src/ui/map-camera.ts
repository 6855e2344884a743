// Keeping MapLibre's camera and the state's camera in step. The state asks for cameras
// (navigations, Back/Forward, scenes: `cameraSeq`); the map reports where it settles (drags,
// the end of a flight). The two must not overwrite each other:
// - the fit to the whole place is the default view, never reported;
// - after a region change, a flight still ending over the previous place is not its camera;
// - a resize keeps the centre, so its own moveend is no move to report — and a resize right
//   after a request (the presenter's full screen, panels closing) stops MapLibre's animation
//   before it starts, so the request is made again;
// - until the map has been handed the newest request, and while it is on its way there, what
//   it passes is not reported (it would replace the camera just asked for); a drag or wheel
//   during a flight takes over.

import type maplibregl from 'maplibre-gl';
import { bbox } from '@turf/turf';
import type { FeatureCollection } from 'geojson';
import type { AppState } from '../state/app-state';
import type { Camera } from '../state/camera';

/** Flights are skipped for people who asked their system for less motion. */
const reducedMotion = () => typeof matchMedia !== 'undefined' && matchMedia('(prefers-reduced-motion: reduce)').matches;
/** Milliseconds of a navigation's flight. */
const FLIGHT_MS = 700;

/** MapLibre's camera options for a state camera. */
function cameraTarget(c: Camera) {
  return { center: [c.lng, c.lat] as [number, number], zoom: c.zoom, bearing: c.bearing ?? 0, pitch: c.pitch ?? 0 };
}

/** Whether the map shows camera `c`, near enough (MapLibre may nudge a camera to keep the world in view). */
function reached(map: maplibregl.Map, c: Camera): boolean {
  const m = map.getCenter();
  const turn = Math.abs(((((map.getBearing() - (c.bearing ?? 0)) % 360) + 540) % 360) - 180);
  return (
    Math.abs(m.lng - c.lng) < 1e-3 && Math.abs(m.lat - c.lat) < 1e-3 && Math.abs(map.getZoom() - c.zoom) < 0.05 && turn < 0.5 && Math.abs(map.getPitch() - (c.pitch ?? 0)) < 0.5
  );
}

export interface CameraSync {
  /** Shows the whole place, north up and flat (not reported: it is what no camera means). */
  fitPlace(b: FeatureCollection): void;
  /** The map now shows `region`'s boundaries; opens at the state's camera, else the whole place. */
  placeDrawn(region: string, s: AppState): void;
  /** Hands the state's newest camera request (`s.cameraSeq`) to the map. */
  apply(s: AppState): void;
}

export function syncCamera(
  map: maplibregl.Map,
  getState: () => AppState,
  report: (c: Camera) => void,
  sized: () => void,
  /** True while a move is the app's own business (a map picture's resize), never the user's. */
  busy: () => boolean = () => false,
): CameraSync {
  let placeFit = false;
  let drawnRegion: string | null = null;
  let pending: Camera | null = null;
  let appliedSeq = 0;
  let resized = false;

  map.on('resize', () => {
    sized();
    // MapLibre fires moveend after a resize only when the map was not already moving.
    resized = !map.isMoving();
    if (pending && !map.isMoving()) map.jumpTo(cameraTarget(pending));
  });
  map.on('movestart', (e) => {
    if ((e as { originalEvent?: unknown }).originalEvent) pending = null;
  });
  map.on('moveend', () => {
    if (resized) {
      resized = false;
      return;
    }
    const s = getState();
    if (placeFit || busy() || drawnRegion !== s.region || s.cameraSeq !== appliedSeq) return;
    if (pending) {
      if (!reached(map, pending)) return;
      pending = null;
    }
    const c = map.getCenter();
    report({ lng: c.lng, lat: c.lat, zoom: map.getZoom(), bearing: map.getBearing(), pitch: map.getPitch() });
  });

  const fitPlace = (b: FeatureCollection) => {
    const [minX, minY, maxX, maxY] = bbox(b);
    placeFit = true;
    try {
      map.jumpTo({ bearing: 0, pitch: 0 });
      map.fitBounds([[minX, minY], [maxX, maxY]], { padding: 30, duration: 0 });
    } finally {
      placeFit = false;
    }
  };
  return {
    fitPlace,
    placeDrawn(region, s) {
      drawnRegion = region;
      // A link with a camera opens there; otherwise the whole place is shown.
      if (s.camera) map.jumpTo(cameraTarget(s.camera));
      else if (s.boundaries) fitPlace(s.boundaries);
    },
    apply(s) {
      appliedSeq = s.cameraSeq;
      if (s.camera === null) {
        pending = null;
        if (s.boundaries) fitPlace(s.boundaries);
        return;
      }
      pending = s.camera;
      if (s.cameraAnimate && !reducedMotion()) map.flyTo({ ...cameraTarget(s.camera), duration: FLIGHT_MS, essential: false });
      else map.jumpTo(cameraTarget(s.camera));
    },
  };
}
