// Standard factories (标准厂房) of the demo: a few per park, each standing on one of the park's
// producing industrial parcels (the point is that parcel's vertex mean, inside a convex lot).
// Floor area follows the lot and a multi-storey plot ratio; occupancy is mixed so the demo shows
// full, partly vacant and empty buildings. Invented, like the rest of the demo.

import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { FACTORY_FIELDS } from '../../src/data/contract';
import type { Rng } from './random';
import { contractRow } from './records';
import type { Row } from './types';

/** Occupancy states as a 园区管委会 records them, with the vacant share each implies. */
const STATUSES: readonly { status: string; vacant: readonly [number, number]; weight: number }[] = [
  { status: '满租', vacant: [0, 0], weight: 0.35 },
  { status: '部分空置', vacant: [0.15, 0.7], weight: 0.45 },
  { status: '空置', vacant: [1, 1], weight: 0.2 },
];

function pick(rng: Rng): (typeof STATUSES)[number] {
  let r = rng.float();
  for (const s of STATUSES) {
    if (r < s.weight) return s;
    r -= s.weight;
  }
  return STATUSES[STATUSES.length - 1];
}

/** 2–4 factories per park (fewer where the park has fewer producing lots). */
export function factoriesOf(rng: Rng, parkIds: readonly string[], parcels: FeatureCollection<Polygon, Row>): FeatureCollection<Point, Row> {
  const features: Feature<Point, Row>[] = [];
  for (const parkId of parkIds) {
    const lots = parcels.features.filter(
      (f) => f.properties.park_id === parkId && f.properties.land_use === 'industrial' && f.properties.status === 'producing',
    );
    const n = Math.min(lots.length, rng.int(2, 4));
    const used = new Set<number>();
    for (let k = 0; k < n; k++) {
      let i = rng.int(0, lots.length - 1);
      while (used.has(i)) i = (i + 1) % lots.length;
      used.add(i);
      const lot = lots[i];
      const ring = lot.geometry.coordinates[0].slice(0, -1);
      const x = ring.reduce((s, p) => s + p[0], 0) / ring.length;
      const y = ring.reduce((s, p) => s + p[1], 0) / ring.length;
      const floor = Math.round((Number(lot.properties.area_m2) * rng.range(0.9, 1.6)) / 100) * 100;
      const state = pick(rng);
      const vacant = Math.round((floor * rng.range(...state.vacant)) / 100) * 100;
      features.push({
        type: 'Feature',
        properties: contractRow(FACTORY_FIELDS, {
          factory_id: `${parkId}-F${k + 1}`,
          park_id: parkId,
          floor_area_m2: floor,
          vacant_area_m2: vacant,
          status: state.status,
        }),
        geometry: { type: 'Point', coordinates: [Math.round(x * 1e6) / 1e6, Math.round(y * 1e6) / 1e6] },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}
