// Shapes the demo generator shares with its scripts: the county boundaries it reads and the
// plain records it writes (keyed by contract field names).

import type { FeatureCollection, MultiPolygon, Polygon } from 'geojson';

export interface CountyProps {
  county: string;
  city: string;
  adcode: string;
  /** County seat (县政府驻地), WGS84. */
  seat: [number, number];
}
export type CountyCollection = FeatureCollection<Polygon | MultiPolygon, CountyProps>;

export type Cell = string | number | boolean | null;
/** A record keyed by contract field names; every contract field is present (null = empty). */
export type Row = Record<string, Cell>;
