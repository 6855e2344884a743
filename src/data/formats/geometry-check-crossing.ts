// Finds where a ring crosses or touches itself (a bow-tie, a figure eight, a spike that doubles
// back). OGC Simple Features (06-103r4, 6.1.11.1) requires polygon rings to be simple, and
// turf.kinks compares every pair of edges, which is O(n²): 150k vertices would be 10¹⁰ tests.
// Here edges are bucketed in a uniform grid sized to the mean edge length, so only edges sharing
// a cell are compared: close to linear for parcel outlines, however many vertices they have.

export interface Crossing {
  x: number;
  y: number;
}

function orient(ax: number, ay: number, bx: number, by: number, cx: number, cy: number): number {
  return (bx - ax) * (cy - ay) - (by - ay) * (cx - ax);
}

function onSegment(ax: number, ay: number, bx: number, by: number, px: number, py: number): boolean {
  return Math.min(ax, bx) <= px && px <= Math.max(ax, bx) && Math.min(ay, by) <= py && py <= Math.max(ay, by);
}

/** True when closed segments ab and cd share at least one point. */
export function segmentsTouch(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
): boolean {
  const d1 = orient(cx, cy, dx, dy, ax, ay);
  const d2 = orient(cx, cy, dx, dy, bx, by);
  const d3 = orient(ax, ay, bx, by, cx, cy);
  const d4 = orient(ax, ay, bx, by, dx, dy);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  if (d1 === 0 && onSegment(cx, cy, dx, dy, ax, ay)) return true;
  if (d2 === 0 && onSegment(cx, cy, dx, dy, bx, by)) return true;
  if (d3 === 0 && onSegment(ax, ay, bx, by, cx, cy)) return true;
  if (d4 === 0 && onSegment(ax, ay, bx, by, dx, dy)) return true;
  return false;
}

/** Where two touching segments meet (for collinear overlaps: an end point lying on the other one). */
function meetingPoint(
  ax: number, ay: number, bx: number, by: number,
  cx: number, cy: number, dx: number, dy: number,
  ox: number, oy: number,
): Crossing {
  const den = (bx - ax) * (dy - cy) - (by - ay) * (dx - cx);
  if (den !== 0) {
    const t = ((cx - ax) * (dy - cy) - (cy - ay) * (dx - cx)) / den;
    return { x: ax + t * (bx - ax) + ox, y: ay + t * (by - ay) + oy };
  }
  const onAb = (px: number, py: number) => onSegment(ax, ay, bx, by, px, py);
  const [px, py] = onAb(cx, cy) ? [cx, cy] : onAb(dx, dy) ? [dx, dy] : [ax, ay];
  return { x: px + ox, y: py + oy };
}

const MAX_CELLS_PER_SIDE = 1024;
const LONG_EDGE_CELLS = 64;
const SMALL_RING = 32;

/**
 * First self-crossing of ring [start, end) of a flat coordinate array, or null when the ring is
 * simple. The closing edge is implied when the last vertex differs from the first; repeated
 * consecutive vertices are ignored (they are not crossings).
 */
export function findRingCrossing(coords: ArrayLike<number>, start: number, end: number): Crossing | null {
  // Distinct consecutive vertices, relative to the first (keeps projected metres precise).
  const ox = coords[start * 2];
  const oy = coords[start * 2 + 1];
  const xs: number[] = [];
  const ys: number[] = [];
  for (let i = start; i < end; i++) {
    const x = coords[i * 2] - ox;
    const y = coords[i * 2 + 1] - oy;
    const k = xs.length - 1;
    if (k >= 0 && xs[k] === x && ys[k] === y) continue;
    xs.push(x);
    ys.push(y);
  }
  if (xs.length > 1 && xs[0] === xs[xs.length - 1] && ys[0] === ys[ys.length - 1]) {
    xs.pop();
    ys.pop();
  }
  const m = xs.length;
  if (m < 3) return null;
  const at = (k: number): Crossing => ({ x: xs[k] + ox, y: ys[k] + oy });

  // Spikes: an edge that runs straight back over the previous one.
  for (let k = 0; k < m; k++) {
    const a = (k + m - 1) % m;
    const c = (k + 1) % m;
    if (orient(xs[a], ys[a], xs[k], ys[k], xs[c], ys[c]) === 0 &&
        (xs[k] - xs[a]) * (xs[c] - xs[k]) + (ys[k] - ys[a]) * (ys[c] - ys[k]) < 0) {
      return at(k);
    }
  }
  if (m === 3) return null;

  const cross = (i: number, j: number): Crossing | null => {
    if (i === j) return null;
    // Neighbouring edges share a vertex by construction; spikes were handled above.
    if ((i + 1) % m === j || (j + 1) % m === i) return null;
    const i2 = (i + 1) % m;
    const j2 = (j + 1) % m;
    if (!segmentsTouch(xs[i], ys[i], xs[i2], ys[i2], xs[j], ys[j], xs[j2], ys[j2])) return null;
    return meetingPoint(xs[i], ys[i], xs[i2], ys[i2], xs[j], ys[j], xs[j2], ys[j2], ox, oy);
  };
  // Small rings (most parcels): comparing all pairs is cheaper than building a grid.
  if (m <= SMALL_RING) {
    for (let i = 0; i < m; i++) {
      for (let j = i + 2; j < m; j++) {
        const hit = cross(i, j);
        if (hit) return hit;
      }
    }
    return null;
  }

  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity, total = 0;
  for (let k = 0; k < m; k++) {
    const n = (k + 1) % m;
    minX = Math.min(minX, xs[k]); maxX = Math.max(maxX, xs[k]);
    minY = Math.min(minY, ys[k]); maxY = Math.max(maxY, ys[k]);
    total += Math.hypot(xs[n] - xs[k], ys[n] - ys[k]);
  }
  const cell = Math.max((2 * total) / m, Math.max(maxX - minX, maxY - minY) / MAX_CELLS_PER_SIDE, 1e-12);
  const side = Math.floor((maxX - minX) / cell) + 1;
  const cellOf = (v: number, min: number): number => Math.floor((v - min) / cell);

  const grid = new Map<number, number[]>();
  const longEdges: number[] = [];
  for (let k = 0; k < m; k++) {
    const n = (k + 1) % m;
    const x0 = cellOf(Math.min(xs[k], xs[n]), minX), x1 = cellOf(Math.max(xs[k], xs[n]), minX);
    const y0 = cellOf(Math.min(ys[k], ys[n]), minY), y1 = cellOf(Math.max(ys[k], ys[n]), minY);
    if ((x1 - x0 + 1) * (y1 - y0 + 1) > LONG_EDGE_CELLS) {
      longEdges.push(k);
      continue;
    }
    for (let gx = x0; gx <= x1; gx++) {
      for (let gy = y0; gy <= y1; gy++) {
        const key = gy * side + gx;
        const list = grid.get(key);
        if (list) list.push(k);
        else grid.set(key, [k]);
      }
    }
  }

  for (const list of grid.values()) {
    for (let a = 0; a < list.length; a++) {
      for (let b = a + 1; b < list.length; b++) {
        const hit = cross(list[a], list[b]);
        if (hit) return hit;
      }
    }
  }
  for (const i of longEdges) {
    for (let j = 0; j < m; j++) {
      const hit = cross(i, j);
      if (hit) return hit;
    }
  }
  return null;
}
