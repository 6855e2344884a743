// A polygon set as one binary blob for storage and workspace files: a small header, then the
// four typed arrays back to back (8-byte aligned), so reading it back copies no vertex.

import type { PolygonSet } from './polygons';

const MAGIC = 0x31534150; // "PAS1" little-endian: ParkAtlas shapes, layout 1
const HEADER_BYTES = 24;

export function shapesToBytes(g: PolygonSet): Uint8Array {
  const n = [g.coords.length, g.ringOffsets.length, g.polygonOffsets.length, g.featureOffsets.length];
  const pad = (b: number) => (b + 7) & ~7;
  const sizes = [n[0] * 8, n[1] * 4, n[2] * 4, n[3] * 4].map(pad);
  const out = new Uint8Array(HEADER_BYTES + sizes.reduce((a, b) => a + b, 0));
  const view = new DataView(out.buffer);
  view.setUint32(0, MAGIC, true);
  n.forEach((v, i) => view.setUint32(4 + 4 * i, v, true));
  let at = HEADER_BYTES;
  const parts: ArrayBufferView[] = [g.coords, g.ringOffsets, g.polygonOffsets, g.featureOffsets];
  parts.forEach((p, i) => {
    out.set(new Uint8Array(p.buffer, p.byteOffset, p.byteLength), at);
    at += sizes[i];
  });
  return out;
}

export function bytesToShapes(bytes: Uint8Array): PolygonSet {
  // Copy into a fresh, aligned buffer: the input may sit at any offset inside a zip or IDB value.
  const buf = bytes.slice().buffer;
  const view = new DataView(buf);
  if (bytes.byteLength < HEADER_BYTES || view.getUint32(0, true) !== MAGIC) throw new Error('not a ParkAtlas shapes blob');
  const n = [1, 2, 3, 4].map((i) => view.getUint32(4 * i, true));
  const pad = (b: number) => (b + 7) & ~7;
  const sizes = [n[0] * 8, n[1] * 4, n[2] * 4, n[3] * 4].map(pad);
  if (HEADER_BYTES + sizes.reduce((a, b) => a + b, 0) !== bytes.byteLength) throw new Error('shapes blob is truncated');
  let at = HEADER_BYTES;
  const coords = new Float64Array(buf, at, n[0]);
  at += sizes[0];
  const ringOffsets = new Uint32Array(buf, at, n[1]);
  at += sizes[1];
  const polygonOffsets = new Uint32Array(buf, at, n[2]);
  at += sizes[2];
  const featureOffsets = new Uint32Array(buf, at, n[3]);
  return { coords, ringOffsets, polygonOffsets, featureOffsets };
}
