// A few source files (shanghai.geojson, chongqing.geojson) still hold ECharts' compressed
// geometry (`UTF8Encoding: true`): each ring is a string of character pairs, each pair a
// zigzag-encoded step in units of 1/1024°, offset by 64 and added to the previous vertex, starting
// from the ring's `encodeOffsets`. This expands such a file into plain GeoJSON coordinates so it
// goes through the same pipeline as the others.

import type { MultiPolygon, Polygon, Position } from 'geojson';

const SCALE = 1024;

function zigzag(n: number): number {
  return (n >> 1) ^ -(n & 1);
}

export function decodeEChartsRing(encoded: string, offset: readonly [number, number]): Position[] {
  if (encoded.length % 2 !== 0) throw new Error(`encoded ring has an odd length (${encoded.length})`);
  let x = offset[0];
  let y = offset[1];
  const ring: Position[] = [];
  for (let i = 0; i < encoded.length; i += 2) {
    x += zigzag(encoded.charCodeAt(i) - 64);
    y += zigzag(encoded.charCodeAt(i + 1) - 64);
    ring.push([x / SCALE, y / SCALE]);
  }
  return ring;
}

interface EncodedGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: unknown;
  encodeOffsets: unknown;
}

function isEncoded(g: Polygon | MultiPolygon | EncodedGeometry): g is EncodedGeometry {
  // Most files keep a stale `encodeOffsets` beside plain coordinates: only strings are encoded.
  const first = (g.coordinates as unknown[])[0];
  return typeof first === 'string' || (Array.isArray(first) && typeof first[0] === 'string');
}

/** Expands an encoded Polygon/MultiPolygon; leaves a plain one as it is. */
export function decodeEChartsGeometry(g: Polygon | MultiPolygon | EncodedGeometry): Polygon | MultiPolygon {
  if (!isEncoded(g)) return g as Polygon | MultiPolygon;
  const polygon = (rings: string[], offsets: [number, number][]) => rings.map((r, i) => decodeEChartsRing(r, offsets[i]));
  if (g.type === 'Polygon') {
    return { type: 'Polygon', coordinates: polygon(g.coordinates as string[], g.encodeOffsets as [number, number][]) };
  }
  const offsets = g.encodeOffsets as [number, number][][];
  return { type: 'MultiPolygon', coordinates: (g.coordinates as string[][]).map((p, i) => polygon(p, offsets[i])) };
}
