// DBSCAN (Ester, Kriegel, Sander & Xu, KDD 1996) over a precomputed distance matrix. Generic:
// it knows nothing of parks or units; park-clusters.ts supplies kilometres.

/**
 * Clusters n items given their symmetric distance matrix. An item is core when at least
 * `minPts` items (itself included) lie within `eps` (inclusive: distance ≤ eps). Clusters grow
 * from core items in index order, so the result is deterministic; a border item (within eps
 * of a core item but not core itself) joins the first cluster that reaches it. Returns a
 * cluster label per item, numbered 0, 1, … in order of discovery, and -1 for noise.
 */
export function dbscan(dist: readonly (readonly number[])[], eps: number, minPts: number): Int32Array {
  const n = dist.length;
  const labels = new Int32Array(n).fill(-2); // -2 unvisited, -1 noise
  const neighbours = (i: number) => {
    const out: number[] = [];
    for (let j = 0; j < n; j++) if (dist[i][j] <= eps) out.push(j);
    return out;
  };
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (labels[i] !== -2) continue;
    const seeds = neighbours(i);
    if (seeds.length < minPts) {
      labels[i] = -1;
      continue;
    }
    const c = next++;
    labels[i] = c;
    const queue = seeds.filter((j) => j !== i);
    while (queue.length > 0) {
      const j = queue.shift()!;
      if (labels[j] === -1) labels[j] = c; // noise reached from a core item is a border item
      if (labels[j] !== -2) continue;
      labels[j] = c;
      const nj = neighbours(j);
      if (nj.length >= minPts) queue.push(...nj);
    }
  }
  return labels;
}
