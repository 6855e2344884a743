// The names on the map, in the order of the label hierarchy (label-placement.ts): the city, its
// counties, park clusters of the layout view, then parks. Sizes step down with the rank so the
// hierarchy reads at a glance; park names wait until a park is large enough to hold one.

import type { Polygon } from 'geojson';
import type { LabelRequest } from './label-placement';
import type { MapLabel } from './layers';
import { CLUSTER_MULTI_LABEL, CLUSTER_SINGLE_LABEL, type RGBA } from './palette';

/** Below this zoom park names are hidden (they would cover the whole region). */
export const PARK_LABEL_ZOOM = 10.5;
/**
 * The city's name is written only when the map shows more than the city (zoomed out past the
 * opening view): at the opening view its districts crowd its seat, and the map title names it.
 */
export const CITY_LABEL_MAX_ZOOM = 7.25;

export interface NamedPoint {
  position: [number, number];
  text: string;
  textEn?: string;
}

export interface ClusterName {
  id: number;
  hull: Polygon;
  label: string;
  multiCounty: boolean;
}

export interface LabelInputs {
  city: NamedPoint | null;
  counties: readonly NamedPoint[];
  parks: readonly NamedPoint[];
  clusters: readonly ClusterName[];
  lang: 'zh' | 'en';
}

export type LabelRequestWithColour = LabelRequest & { color?: RGBA };

/** English where the data has it, else the name as given. */
const nameIn = (p: NamedPoint, lang: 'zh' | 'en'): string => (lang === 'en' && p.textEn ? p.textEn : p.text);

export function labelRequests(inputs: LabelInputs): LabelRequestWithColour[] {
  const { lang } = inputs;
  const out: LabelRequestWithColour[] = [];
  if (inputs.city) {
    out.push({ key: 'city', rank: 'city', position: inputs.city.position, text: nameIn(inputs.city, lang), size: 20, maxZoom: CITY_LABEL_MAX_ZOOM });
  }
  inputs.counties.forEach((c, i) => out.push({ key: `county:${i}`, rank: 'county', position: c.position, text: nameIn(c, lang), size: 16 }));
  for (const h of inputs.clusters) {
    out.push({
      key: `cluster:${h.id}`,
      rank: 'cluster',
      position: hullTop(h.hull),
      text: h.label,
      size: 15,
      color: h.multiCounty ? CLUSTER_MULTI_LABEL : CLUSTER_SINGLE_LABEL,
    });
  }
  inputs.parks.forEach((p, i) => out.push({ key: `park:${i}`, rank: 'park', position: p.position, text: nameIn(p, lang), size: 14, minZoom: PARK_LABEL_ZOOM }));
  return out;
}

/** Label anchor of a cluster: its hull's northernmost vertex, clear of the parks inside. */
export function hullTop(p: Polygon): [number, number] {
  let best = p.coordinates[0][0];
  for (const c of p.coordinates[0]) if (c[1] > best[1]) best = c;
  return [best[0], best[1]];
}

export type { MapLabel };
