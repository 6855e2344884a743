// Where the name of a county or park is written on the map: its seat when the boundary file
// gives one (a county's government seat), else the centroid of its largest part.

import type { FeatureCollection } from 'geojson';
import { type PolygonGeometry, labelPoint } from '../data/geometry';

export interface PlaceLabel {
  position: [number, number];
  text: string;
}

export function placeLabels(fc: FeatureCollection | null, nameKey: string): PlaceLabel[] {
  if (!fc) return [];
  return fc.features.map((f) => {
    const seat = f.properties?.seat as [number, number] | undefined | null;
    return {
      position: seat ?? labelPoint(f.geometry as PolygonGeometry),
      text: String(f.properties?.[nameKey] ?? ''),
    };
  });
}
