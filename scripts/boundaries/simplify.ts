// Douglas–Peucker simplification that keeps neighbouring counties' shared borders identical.
//
// Why not simplify each polygon on its own (e.g. Turf's `simplify`): Douglas–Peucker keeps or drops
// a vertex depending on where the run being simplified starts and ends. Two counties walk their
// common border from different start points and in opposite directions, so simplifying them
// separately leaves slivers and overlaps up to the tolerance along every border — exactly where a
// point-in-county lookup matters. Here every ring is cut at the vertices where the set of rings
// sharing the border changes (the ends of a common border), and each piece is simplified alone,
// always in the same direction, so both counties get the same vertices.
//
// Works on the source's exact coordinates (multiples of 1/1024°), so "same vertex" is plain
// equality, before any conversion.

export type Pt = readonly [number, number];
export type Ring = Pt[];

const key = (p: Pt) => `${p[0]},${p[1]}`;

function cmp(a: Pt, b: Pt): number {
  return a[0] - b[0] || a[1] - b[1];
}

/** Distance from p to the segment a–b (planar, in the input's units). */
function segmentDistance(p: Pt, a: Pt, b: Pt): number {
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  let t = len2 === 0 ? 0 : ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2;
  t = Math.max(0, Math.min(1, t));
  const ex = a[0] + t * dx - p[0];
  const ey = a[1] + t * dy - p[1];
  return Math.hypot(ex, ey);
}

/** Classic Douglas–Peucker on an open polyline; keeps both ends. */
export function douglasPeucker(line: readonly Pt[], tolerance: number): Pt[] {
  if (line.length <= 2) return line.slice();
  const keep = new Uint8Array(line.length);
  keep[0] = 1;
  keep[line.length - 1] = 1;
  const stack: Array<[number, number]> = [[0, line.length - 1]];
  while (stack.length) {
    const [i, j] = stack.pop()!;
    let best = -1;
    let bestD = tolerance;
    for (let k = i + 1; k < j; k++) {
      const d = segmentDistance(line[k], line[i], line[j]);
      if (d > bestD) {
        bestD = d;
        best = k;
      }
    }
    if (best >= 0) {
      keep[best] = 1;
      stack.push([i, best], [best, j]);
    }
  }
  return line.filter((_, i) => keep[i] === 1);
}

/** Simplifies a piece the same way whichever direction it is walked in. */
function simplifyPiece(piece: Pt[], tolerance: number): Pt[] {
  const first = piece[0];
  const last = piece[piece.length - 1];
  let c = cmp(first, last);
  if (c === 0 && piece.length > 2) c = cmp(piece[1], piece[piece.length - 2]);
  if (c <= 0) return douglasPeucker(piece, tolerance);
  return douglasPeucker(piece.slice().reverse(), tolerance).reverse();
}

/** Removes consecutive duplicates and the closing vertex: the ring as a cycle of distinct steps. */
export function openRing(ring: readonly Pt[]): Pt[] {
  const out: Pt[] = [];
  for (const p of ring) {
    const prev = out[out.length - 1];
    if (!prev || prev[0] !== p[0] || prev[1] !== p[1]) out.push(p);
  }
  while (out.length > 1 && cmp(out[0], out[out.length - 1]) === 0) out.pop();
  return out;
}

/**
 * Simplifies a set of rings that may share borders (all counties of one source file).
 * Rings are given open (no closing vertex, no repeats: see `openRing`) and come back open.
 * A ring whose simplification would leave fewer than 3 vertices is returned unsimplified, so
 * small islands are kept rather than collapsed.
 */
export function simplifySharedRings(rings: readonly Pt[][], tolerance: number): Pt[][] {
  // Which rings each vertex belongs to, as a signature string.
  const owners = new Map<string, number[]>();
  const repeatedInRing = new Set<string>();
  rings.forEach((ring, r) => {
    const seen = new Set<string>();
    for (const p of ring) {
      const k = key(p);
      if (seen.has(k)) repeatedInRing.add(k);
      seen.add(k);
      const list = owners.get(k);
      if (!list) owners.set(k, [r]);
      else if (list[list.length - 1] !== r) list.push(r);
    }
  });
  const signature = (p: Pt) => owners.get(key(p))!.join(' ');

  return rings.map((ring) => {
    const n = ring.length;
    if (n < 4) return ring.slice();
    const sig = ring.map(signature);
    const pinned: number[] = [];
    for (let i = 0; i < n; i++) {
      const k = key(ring[i]);
      const prev = sig[(i - 1 + n) % n];
      const next = sig[(i + 1) % n];
      if (repeatedInRing.has(k) || sig[i] !== prev || sig[i] !== next) pinned.push(i);
    }
    // A ring with no border change (an island, or an enclave wholly inside one neighbour) is pinned
    // at its smallest vertex and the vertex farthest from it: both rings of an enclave choose the
    // same two points, since they hold the same vertices.
    if (pinned.length === 0) {
      let lo = 0;
      for (let i = 1; i < n; i++) if (cmp(ring[i], ring[lo]) < 0) lo = i;
      pinned.push(lo);
    }
    if (pinned.length === 1) {
      const a = ring[pinned[0]];
      let far = -1;
      let farD = -1;
      for (let i = 0; i < n; i++) {
        const d = Math.hypot(ring[i][0] - a[0], ring[i][1] - a[1]);
        if (d > farD || (d === farD && far >= 0 && cmp(ring[i], ring[far]) < 0)) {
          farD = d;
          far = i;
        }
      }
      pinned.push(far);
      pinned.sort((x, y) => x - y);
    }
    const out: Pt[] = [];
    for (let j = 0; j < pinned.length; j++) {
      const from = pinned[j];
      const to = pinned[(j + 1) % pinned.length];
      const piece: Pt[] = [];
      for (let i = from; ; i = (i + 1) % n) {
        piece.push(ring[i]);
        if (i === to && piece.length > 1) break;
      }
      const simple = simplifyPiece(piece, tolerance);
      out.push(...simple.slice(0, -1));
    }
    return out.length >= 3 ? out : ring.slice();
  });
}
