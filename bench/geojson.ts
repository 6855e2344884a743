// Benchmark baseline, not part of the app: the demo's parcels tiled to `?n=` parcels exactly as
// src/data/scale-up.ts tiles them (copies k = 0…factor−1 on a square grid, 0.08° apart, going
// east then south), held as one GeoJSON feature object per parcel and drawn with deck.gl's
// GeoJsonLayer, which tessellates every polygon on the main thread: how tools that take
// GeoJSON objects draw. Marks `geo:data-ready` and `geo:first-frame`, then sets
// <html data-state="ready">, for scripts/bench-render.ts.

import { Deck, WebMercatorViewport } from '@deck.gl/core';
import { GeoJsonLayer } from '@deck.gl/layers';
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';
import parcelsUrl from '../data/demo/dezhou/parcels.geojson?url';

const STEP_DEG = 0.08;
const COLOURS: Record<string, [number, number, number, number]> = {
  not_started: [214, 48, 39, 220],
  halted: [244, 165, 40, 220],
  under_construction: [120, 160, 200, 200],
  built_no_production: [117, 87, 200, 220],
  producing: [160, 185, 205, 200],
};

function shift(g: Geometry, dx: number, dy: number): Geometry {
  const move = (ring: Position[]) => ring.map(([x, y]) => [x + dx, y + dy]);
  if (g.type === 'Polygon') return { type: 'Polygon', coordinates: g.coordinates.map(move) };
  if (g.type === 'MultiPolygon') return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(move)) };
  return g;
}

async function main() {
  const n = Number(new URLSearchParams(location.search).get('n') ?? '100000');
  const demo = (await (await fetch(parcelsUrl)).json()) as FeatureCollection;
  const factor = Math.ceil(n / demo.features.length);
  const side = Math.ceil(Math.sqrt(factor));
  const features: Feature[] = [];
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (let k = 0; k < factor; k++) {
    const dx = (k % side) * STEP_DEG;
    const dy = -Math.floor(k / side) * STEP_DEG;
    for (const f of demo.features) {
      if (!f.geometry) continue;
      features.push({ type: 'Feature', properties: { ...f.properties }, geometry: shift(f.geometry, dx, dy) });
    }
  }
  for (const f of demo.features) {
    const g = f.geometry;
    if (g?.type !== 'Polygon') continue;
    for (const [x, y] of g.coordinates[0]) {
      west = Math.min(west, x);
      east = Math.max(east, x);
      south = Math.min(south, y);
      north = Math.max(north, y);
    }
  }
  performance.mark('geo:data-ready');
  const { longitude, latitude, zoom } = new WebMercatorViewport({ width: innerWidth, height: innerHeight }).fitBounds(
    [
      [west, south],
      [east, north],
    ],
    { padding: 30 },
  );
  const layer = new GeoJsonLayer({
    id: 'parcels',
    data: { type: 'FeatureCollection', features } as FeatureCollection,
    filled: true,
    stroked: false,
    pickable: true,
    getFillColor: (f: Feature) => COLOURS[String(f.properties?.status)] ?? [150, 150, 150, 200],
  });
  new Deck({
    initialViewState: { longitude, latitude, zoom },
    controller: false,
    layers: [layer],
    onAfterRender: () => {
      if (document.documentElement.dataset.state === 'ready') return;
      performance.mark('geo:first-frame');
      document.documentElement.dataset.state = 'ready';
      document.documentElement.dataset.parcels = String(features.length);
    },
  });
}

main().catch((e: unknown) => {
  document.documentElement.dataset.state = 'error';
  document.body.textContent = String(e);
});
