// Seeded generator of the synthetic demo data (示例数据) for the three demo cities.
//
// Pure: it takes the (real) county boundaries and returns parks, parcels, enterprises and
// industry chains as plain objects; scripts/generate-demo.ts writes them to data/demo/. The
// same seed always gives the same data (no Math.random, no current date), so the committed
// files can be checked by regenerating them in a test.
//
// Everything here is invented. Park names follow real naming patterns so the demo reads
// naturally, but park outlines, parcels, enterprises and figures are not real records.
//
// The parts: region-specs.ts (what each city holds), random.ts, dates.ts, planar.ts (local
// metric geometry), sites.ts (where parks and parcels lie), timeline.ts and attributes.ts
// (what each parcel and enterprise records), records.ts (contract rows, names, chains).

import { area as turfArea } from '@turf/turf';
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson';
import { CHAIN_NODE_FIELDS, M2_PER_HA, M2_PER_MU, PARK_FIELDS } from '../../src/data/contract';
import { type RegionId, regionById } from '../../src/data/regions';
import { generateAttributes } from './attributes';
import { factoriesOf } from './factories';
import { makeFrame, polygonArea, ringOf, toLocal } from './planar';
import { Rng } from './random';
import { chainLinksOf, chainNodesOf, contractRow } from './records';
import { SPECS } from './region-specs';
import { type County, type ParcelGeom, outsideParcels, parkParcels, placeParks } from './sites';
import type { CountyCollection, Row } from './types';

export interface DemoOptions {
  seed?: number;
  /** Multiplies the number of parcels (smaller parcels, same parks); for benchmarks. */
  parcelScale?: number;
}

export interface RegionDemo {
  parks: FeatureCollection<Polygon, Row>;
  parcels: FeatureCollection<Polygon, Row>;
  enterprises: Row[];
  chainNodes: Row[];
  chainLinks: Row[];
  /** Standard factories (标准厂房) as points, a few per park. */
  factories: FeatureCollection<Point, Row>;
}

export const DEFAULT_SEED = 20260331;

/** Share of parcels outside any park, relative to those inside. */
const OUTSIDE_SHARE = 0.03;
/** Share of a park's planned area covered by supplied parcels. The rest — roads, green belts,
 *  utility corridors and land not yet supplied — is what the app reports as unsupplied, so an
 *  established park shows 24–40 % of its planned area unsupplied and a newer one 55–68 %. A
 *  fully built-out block grid reaches only ~75 % (roads, setbacks, the irregular edge). */
const COVERAGE_ESTABLISHED: readonly [number, number] = [0.6, 0.76];
const COVERAGE_YOUNG: readonly [number, number] = [0.32, 0.45];

export function generateRegionDemo(regionId: RegionId, counties: CountyCollection, opts: DemoOptions = {}): RegionDemo {
  const region = regionById(regionId);
  const spec = SPECS[regionId];
  if (!region || !spec) throw new Error(`unknown region ${regionId}`);
  const seed = opts.seed ?? DEFAULT_SEED;
  const scale = opts.parcelScale ?? 1;
  if (!(scale > 0)) throw new Error('parcelScale must be positive');

  const seats = counties.features.map((f) => f.properties.seat);
  const frame = makeFrame(
    seats.reduce((s, p) => s + p[0], 0) / seats.length,
    seats.reduce((s, p) => s + p[1], 0) / seats.length,
  );
  const countyList: County[] = counties.features.map((feature) => {
    const polys = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    return {
      feature,
      name: feature.properties.county,
      seat: toLocal(frame, feature.properties.seat),
      vertices: polys.flatMap((poly) => poly.flatMap((ring) => ring.map((p) => toLocal(frame, p)))),
    };
  });
  const countyMap = new Map(countyList.map((c) => [c.name, c]));

  const parks = placeParks(Rng.derive(seed, `${regionId}:parks`), frame, spec, countyMap);

  // Parcels: each park is supplied, in development order, up to its coverage share of the
  // planned area (the park polygon, whose area is planned_area_ha). The lot size follows from
  // the supplied area and the city's rough parcel count, so the count is near spec.parcels and
  // the planned area stays consistent with what is on it.
  const coverRng = Rng.derive(seed, `${regionId}:coverage`);
  const parkM2 = parks.map((p) => Math.abs(polygonArea(p.poly)));
  const targetM2 = parks.map((p, i) => parkM2[i] * coverRng.range(...(p.spec.young ? COVERAGE_YOUNG : COVERAGE_ESTABLISHED)));
  const inside = (spec.parcels * scale) / (1 + OUTSIDE_SHARE);
  // 5–200 亩, with a small margin: the frame's planar area differs slightly from Turf's geodesic one.
  const minM2 = (5.2 * M2_PER_MU) / scale;
  const maxM2 = 195 * M2_PER_MU;
  const supplyParks = (lotM2: number): ParcelGeom[] => {
    // A fresh stream per pass: the same lot size always gives the same parcels.
    const geomRng = Rng.derive(seed, `${regionId}:parcels`);
    const out: ParcelGeom[] = [];
    parks.forEach((park, i) => {
      const candidates = parkParcels(geomRng, park, scale, lotM2, minM2, maxM2);
      let n = 0;
      let supplied = 0;
      while (n < candidates.length) {
        const a = Math.abs(polygonArea(candidates[n]));
        if (supplied + a / 2 > targetM2[i]) break;
        supplied += a;
        n++;
      }
      // A newer park has no old core: even its first lots were supplied recently.
      const from = park.spec.young ? 0.35 : 0;
      for (let k = 0; k < n; k++) {
        out.push({ poly: candidates[k], park, county: park.county, rank: from + (1 - from) * (n > 1 ? k / (n - 1) : 0) });
      }
    });
    return out;
  };
  // Edge lots clipped to the boundary, the spread of lot sizes and the 200-亩 cap make the
  // count differ from supplied area / lot size; a few trial passes correct the lot size.
  let lotM2 = targetM2.reduce((a, b) => a + b, 0) / inside;
  let geoms = supplyParks(lotM2);
  for (let pass = 0; pass < 4 && Math.abs(geoms.length / inside - 1) > 0.015; pass++) {
    lotM2 *= geoms.length / inside;
    geoms = supplyParks(lotM2);
  }
  const outsideCount = Math.round(geoms.length * OUTSIDE_SHARE);
  const outside = outsideParcels(Rng.derive(seed, `${regionId}:outside`), frame, countyList, parks, outsideCount, scale);
  geoms.push(...outside);

  const nodes = chainNodesOf(spec);
  const { parcels, enterprises } = generateAttributes(
    Rng.derive(seed, `${regionId}:attributes`),
    spec,
    region.city,
    geoms,
    frame,
    nodes,
  );

  const parkFeatures = parks.map((p): Feature<Polygon, Row> => {
    const geometry: Polygon = { type: 'Polygon', coordinates: [ringOf(frame, p.poly)] };
    return {
      type: 'Feature',
      properties: contractRow(PARK_FIELDS, {
        park_id: p.id,
        name: p.spec.name,
        county: p.spec.county,
        level: p.spec.level,
        leading_chains: p.chainIds.join(';'),
        planned_area_ha: Math.round(turfArea(geometry) / M2_PER_HA * 10) / 10,
      }),
      geometry,
    };
  });

  const parcelCollection: FeatureCollection<Polygon, Row> = { type: 'FeatureCollection', features: parcels };
  return {
    parks: { type: 'FeatureCollection', features: parkFeatures },
    parcels: parcelCollection,
    // A stream of its own: adding factories changed none of the other files.
    factories: factoriesOf(Rng.derive(seed, `${regionId}:factories`), parks.map((p) => p.id), parcelCollection),
    enterprises,
    chainNodes: nodes.map((n) =>
      contractRow(CHAIN_NODE_FIELDS, {
        chain_id: n.chainId,
        chain_name: n.chain.name,
        node_id: n.id,
        node_name: n.spec.name,
        stage: n.spec.stage,
      }),
    ),
    chainLinks: chainLinksOf(spec, nodes),
  };
}

/** Node ids the spec deliberately leaves without enterprises (补链 targets), for the docs. */
export function plannedGapNodes(regionId: RegionId): string[] {
  return chainNodesOf(SPECS[regionId])
    .filter((n) => n.spec.gap)
    .map((n) => n.id);
}
