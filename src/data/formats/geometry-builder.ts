// Appends polygons vertex by vertex into the flat arrays of RawGeometry, so readers never build
// one object per feature (a 100k-parcel Shapefile stays five growing typed arrays).
import type { RawGeometry } from './raw-table.ts';

class GrowingF64 {
  buf = new Float64Array(1024);
  length = 0;
  push2(a: number, b: number): void {
    if (this.length + 2 > this.buf.length) this.grow(this.length + 2);
    this.buf[this.length++] = a;
    this.buf[this.length++] = b;
  }
  private grow(min: number): void {
    const next = new Float64Array(Math.max(min, this.buf.length * 2));
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  done(): Float64Array {
    return this.buf.slice(0, this.length);
  }
}

class GrowingU32 {
  buf = new Uint32Array(256);
  length = 0;
  push(v: number): void {
    if (this.length === this.buf.length) {
      const next = new Uint32Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.length++] = v;
  }
  last(): number {
    return this.buf[this.length - 1];
  }
  done(): Uint32Array {
    return this.buf.slice(0, this.length);
  }
}

/**
 * Usage per feature: for each polygon, for each ring: vertex()…, endRing(); then endPolygon();
 * finally endFeature() (also for a feature without geometry, which yields an empty range).
 * A polygon's first ring is its shell, the others its holes.
 */
export class GeometryBuilder {
  private coords = new GrowingF64();
  private rings = new GrowingU32();
  private polygons = new GrowingU32();
  private features = new GrowingU32();

  constructor() {
    this.rings.push(0);
    this.polygons.push(0);
    this.features.push(0);
  }

  vertex(x: number, y: number): void {
    this.coords.push2(x, y);
  }

  /** Vertices added since the last endRing (to let a reader drop an unusable ring). */
  openRingLength(): number {
    return this.coords.length / 2 - this.rings.last();
  }

  /** Discards the vertices added since the last endRing. */
  dropOpenRing(): void {
    this.coords.length = this.rings.last() * 2;
  }

  endRing(): void {
    this.rings.push(this.coords.length / 2);
  }

  /** Closes the polygon made of the rings ended since the last endPolygon (ignored when none). */
  endPolygon(): void {
    const ringCount = this.rings.length - 1;
    if (ringCount > this.polygons.last()) this.polygons.push(ringCount);
  }

  endFeature(): void {
    this.features.push(this.polygons.length - 1);
  }

  featureCount(): number {
    return this.features.length - 1;
  }

  finish(): RawGeometry {
    return {
      coords: this.coords.done(),
      ringOffsets: this.rings.done(),
      polygonOffsets: this.polygons.done(),
      featureOffsets: this.features.done(),
    };
  }
}

/** Twice the signed area of ring [start, end) of a flat coordinate array (shoelace, positive = counter-clockwise). */
export function ringSignedArea2(coords: ArrayLike<number>, start: number, end: number): number {
  if (end - start < 3) return 0;
  // Relative to the first vertex: projected coordinates (e.g. 39470123.4) would otherwise lose
  // centimetres to cancellation in the products.
  const ox = coords[start * 2];
  const oy = coords[start * 2 + 1];
  let sum = 0;
  let px = 0;
  let py = 0;
  for (let i = start + 1; i < end; i++) {
    const x = coords[i * 2] - ox;
    const y = coords[i * 2 + 1] - oy;
    sum += px * y - x * py;
    px = x;
    py = y;
  }
  return sum;
}

/**
 * Even-odd point-in-ring test for ring [start, end) of a flat coordinate array. Points exactly on
 * the boundary may go either way; callers test a vertex that should be strictly inside or outside.
 */
export function pointInRing(
  coords: ArrayLike<number>,
  start: number,
  end: number,
  x: number,
  y: number,
): boolean {
  let inside = false;
  for (let i = start, j = end - 1; i < end; j = i++) {
    const xi = coords[i * 2];
    const yi = coords[i * 2 + 1];
    const xj = coords[j * 2];
    const yj = coords[j * 2 + 1];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
