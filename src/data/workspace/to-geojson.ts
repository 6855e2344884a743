// A small table's shapes (parks, counties) as GeoJSON for the map's outline layers and the park
// clustering, which work on a few hundred features; parcels never go this way.

import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import type { PolygonSet } from './polygons';
import type { TableData } from './tables';

export function tableToFeatureCollection(t: TableData, fields: readonly string[]): FeatureCollection {
  const features: Feature[] = [];
  const g = t.shapes;
  for (let i = 0; i < t.count; i++) {
    const properties: Record<string, unknown> = {};
    for (const f of fields) {
      const c = t.columns[f];
      const v = c ? c.values[i] : null;
      properties[f] = c && c.type === 'number' && Number.isNaN(v as number) ? null : (v ?? null);
    }
    let geometry: Polygon | MultiPolygon | null = null;
    if (g && g.featureOffsets[i + 1] > g.featureOffsets[i]) {
      const polys: Position[][][] = [];
      for (let p = g.featureOffsets[i]; p < g.featureOffsets[i + 1]; p++) {
        const rings: Position[][] = [];
        for (let r = g.polygonOffsets[p]; r < g.polygonOffsets[p + 1]; r++) {
          const ring: Position[] = [];
          for (let v = g.ringOffsets[r]; v < g.ringOffsets[r + 1]; v++) ring.push([g.coords[2 * v], g.coords[2 * v + 1]]);
          rings.push(ring);
        }
        polys.push(rings);
      }
      geometry = polys.length === 1 ? { type: 'Polygon', coordinates: polys[0] } : { type: 'MultiPolygon', coordinates: polys };
    }
    if (geometry) features.push({ type: 'Feature', properties, geometry });
  }
  return { type: 'FeatureCollection', features };
}

/** The (Multi)Polygon features of a collection as one polygon set, one feature each; others are skipped. */
export function featuresToPolygonSet(fc: FeatureCollection): { shapes: PolygonSet; features: Feature[] } {
  const coords: number[] = [];
  const ringOffsets = [0];
  const polygonOffsets = [0];
  const featureOffsets = [0];
  const features: Feature[] = [];
  for (const f of fc.features) {
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon')) continue;
    for (const poly of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
      for (const ring of poly) {
        for (const p of ring) coords.push(p[0], p[1]);
        ringOffsets.push(coords.length / 2);
      }
      polygonOffsets.push(ringOffsets.length - 1);
    }
    featureOffsets.push(polygonOffsets.length - 1);
    features.push(f);
  }
  return {
    shapes: { coords: Float64Array.from(coords), ringOffsets: Uint32Array.from(ringOffsets), polygonOffsets: Uint32Array.from(polygonOffsets), featureOffsets: Uint32Array.from(featureOffsets) },
    features,
  };
}
