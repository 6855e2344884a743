// The measuring tool's geometry: a path of clicked points, closed into a ring for an area.
// Lengths and areas are geodesic (turf: haversine distance, spherical polygon area), so they
// do not depend on the map's projection or zoom.

import type { Layer } from '@deck.gl/core';
import { PathLayer, ScatterplotLayer, SolidPolygonLayer } from '@deck.gl/layers';
import { area, length, lineString, polygon } from '@turf/turf';

export type LngLat = [number, number];

export interface Measure {
  points: LngLat[];
  /** Closed into a ring: the area is measured, and the closing side counts in the length. */
  closed: boolean;
  /** Ended (Esc, right-click, closing): further clicks start a new measurement. */
  done: boolean;
}

export const EMPTY_MEASURE: Measure = { points: [], closed: false, done: false };

/** A click: the next point, or — on the first point, with three or more placed — closes the ring. */
export function measureClick(m: Measure, p: LngLat, onFirstPoint: boolean): Measure {
  if (m.done) return { points: [p], closed: false, done: false };
  if (onFirstPoint && m.points.length >= 3) return { ...m, closed: true, done: true };
  return { ...m, points: [...m.points, p] };
}

/** Esc or right-click: the path as it is, ended. */
export function measureEnd(m: Measure): Measure {
  return m.points.length ? { ...m, done: true } : m;
}

export function measureClose(m: Measure): Measure {
  return m.points.length >= 3 ? { ...m, closed: true, done: true } : m;
}

/** Metres along the path (and back to the start when closed); m² inside a closed ring, else null. */
export function measureOf(m: Pick<Measure, 'points' | 'closed'>): { distanceM: number; areaM2: number | null } {
  const pts = m.closed ? [...m.points, m.points[0]] : m.points;
  const distanceM = pts.length >= 2 ? length(lineString(pts), { units: 'kilometers' }) * 1000 : 0;
  const areaM2 = m.closed && m.points.length >= 3 ? area(polygon([[...m.points, m.points[0]]])) : null;
  return { distanceM, areaM2 };
}

const LINE: [number, number, number, number] = [230, 80, 20, 255];
const FILL: [number, number, number, number] = [230, 80, 20, 50];
const VERTEX: [number, number, number, number] = [255, 255, 255, 255];

/** What the map draws of a measurement: the ring's fill, the path, and its points. */
export function measureLayers(m: Measure): Layer[] {
  if (!m.points.length) return [];
  const path = m.closed ? [...m.points, m.points[0]] : m.points;
  const layers: Layer[] = [];
  if (m.closed) {
    layers.push(new SolidPolygonLayer({ id: 'measure-fill', data: [path], getPolygon: (d: LngLat[]) => d, getFillColor: FILL }));
  }
  layers.push(
    new PathLayer({ id: 'measure-path', data: [path], getPath: (d: LngLat[]) => d, getColor: LINE, widthUnits: 'pixels', getWidth: 2.5 }),
    new ScatterplotLayer({
      id: 'measure-points',
      data: m.points,
      getPosition: (d: LngLat) => d,
      radiusUnits: 'pixels',
      getRadius: 4,
      stroked: true,
      getFillColor: VERTEX,
      getLineColor: LINE,
      lineWidthUnits: 'pixels',
      getLineWidth: 2,
    }),
  );
  return layers;
}
