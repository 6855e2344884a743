// The boundary simplification must keep the border two counties share identical in both, or the
// simplified map gets slivers and overlaps exactly where "which county is this parcel in" matters.

import { describe, expect, it } from 'vitest';
import { douglasPeucker, openRing, simplifySharedRings, type Pt } from '../../scripts/boundaries/simplify';

/** An irregular border from (0,0) up to (0,10). */
const bumps = [0, 0.31, 0.05, 0.42, 0.12, 0.27, 0.08, 0.36, 0.02, 0.22, 0];
const border: Pt[] = bumps.map((b, i) => [b, i] as Pt);

// West county walks the border upwards from its end; east county walks it downwards, starting
// halfway along it. Simplifying each ring on its own (plain Douglas–Peucker on the closed ring)
// keeps different border vertices for the two at tolerances 0.2 and 0.3.
const west: Pt[] = [[-5, 0], ...border, [-5, 10]];
const east: Pt[] = [...border.slice(0, 6).reverse(), [5, 0], [5, 10], ...border.slice(6).reverse()];

const edges = (ring: Pt[]) => {
  const set = new Set<string>();
  ring.forEach((p, i) => {
    const q = ring[(i + 1) % ring.length];
    set.add([p, q].map(String).sort().join('|'));
  });
  return set;
};

describe('simplifySharedRings', () => {
  it('keeps a shared border identical in both rings (same edges, opposite directions)', () => {
    for (const tol of [0.1, 0.2, 0.3]) {
      const [w, e] = simplifySharedRings([openRing(west), openRing(east)], tol);
      const onBorder = (r: Pt[]) => new Set([...edges(r)].filter((k) => k.split('|').every((p) => Math.abs(Number(p.split(',')[0])) < 1)));
      expect(onBorder(w)).toEqual(onBorder(e));
    }
  });

  it('removes bumps below the tolerance and keeps those above', () => {
    const [w1] = simplifySharedRings([openRing(west), openRing(east)], 0.5);
    expect(w1.filter((p) => p[0] > 0)).toHaveLength(0);
    const [w2] = simplifySharedRings([openRing(west), openRing(east)], 0.01);
    expect(w2.filter((p) => p[0] > 0)).toHaveLength(9);
  });

  it('keeps the ends of a shared border even when they are collinear', () => {
    const [w] = simplifySharedRings([openRing(west), openRing(east)], 0.5);
    expect(w).toEqual(expect.arrayContaining([[0, 0], [0, 10]]));
  });

  it('simplifies an enclave and its hole the same way', () => {
    const island: Pt[] = Array.from({ length: 40 }, (_, i) => {
      const a = (i / 40) * 2 * Math.PI;
      const r = 3 + (i % 2) * 0.05;
      return [Math.round(r * Math.cos(a) * 1024) / 1024, Math.round(r * Math.sin(a) * 1024) / 1024] as Pt;
    });
    const hole = island.slice(7).concat(island.slice(0, 7)).reverse();
    const [a, b] = simplifySharedRings([island, hole], 0.2);
    expect(a.length).toBeLessThan(island.length);
    expect(edges(a)).toEqual(edges(b));
  });

  it('returns a tiny ring unchanged rather than collapsing it', () => {
    const tiny: Pt[] = [[0, 0], [0.001, 0], [0.001, 0.001], [0, 0.001]];
    expect(simplifySharedRings([tiny], 1)[0]).toEqual(tiny);
  });
});

describe('douglasPeucker', () => {
  it('keeps the farthest point beyond the tolerance', () => {
    // (1, 0.52) lies 0.018 from the chord (0,0)–(2,1): dropped; (2, 1) is 1 from (0,0)–(3,0): kept.
    expect(douglasPeucker([[0, 0], [1, 0.52], [2, 1], [3, 0]], 0.1)).toEqual([[0, 0], [2, 1], [3, 0]]);
  });
});
