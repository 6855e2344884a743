// DBSCAN on points along a line, where every distance is |a − b| and each answer can be read
// off the positions.

import { describe, expect, it } from 'vitest';
import { dbscan } from '../../src/analysis/dbscan';

/** Distance matrix of points on a line. */
function line(xs: number[]): number[][] {
  return xs.map((a) => xs.map((b) => Math.abs(a - b)));
}

describe('dbscan', () => {
  it('splits two groups and leaves an isolated item as noise', () => {
    // 0 1 2 | 10 11 | 30
    expect([...dbscan(line([0, 1, 2, 10, 11, 30]), 1.5, 2)]).toEqual([0, 0, 0, 1, 1, -1]);
  });

  it('counts a neighbour at exactly eps (inclusive) and not one just beyond', () => {
    expect([...dbscan(line([0, 5]), 5, 2)]).toEqual([0, 0]);
    expect([...dbscan(line([0, 5.000001]), 5, 2)]).toEqual([-1, -1]);
  });

  it('counts the item itself towards minPts', () => {
    // A pair is two items within eps of each other: core at minPts 2, noise at 3.
    expect([...dbscan(line([0, 1]), 1, 2)]).toEqual([0, 0]);
    expect([...dbscan(line([0, 1]), 1, 3)]).toEqual([-1, -1]);
  });

  it('a border item joins the cluster but does not extend it', () => {
    // Star around item 0 (eps 1, minPts 4): 0 reaches 1, 2 and 4, so it is core; 1 reaches
    // only 0 and 3 (three items with itself), so it is a border item. 3 is within eps of the
    // border item 1 but of no core item, so it stays noise.
    const F = 9;
    const d = [
      [0, 1, 1, F, 1],
      [1, 0, F, 1, F],
      [1, F, 0, F, F],
      [F, 1, F, 0, F],
      [1, F, F, F, 0],
    ];
    expect([...dbscan(d, 1, 4)]).toEqual([0, 0, 0, -1, 0]);
    // At minPts 3 item 1 is core too, and carries item 3 into the cluster.
    expect([...dbscan(d, 1, 3)]).toEqual([0, 0, 0, 0, 0]);
  });

  it('an item first marked noise becomes a border item when a later core reaches it', () => {
    // Item 0 is visited first and has only itself and item 1 within eps (< minPts 3); item 1
    // is core (0, 1, 2) and claims it.
    expect([...dbscan(line([0, 1, 2]), 1, 3)]).toEqual([0, 0, 0]);
  });

  it('numbers clusters in index order of their first core item', () => {
    expect([...dbscan(line([50, 51, 0, 1]), 1, 2)]).toEqual([0, 0, 1, 1]);
  });

  it('treats an infinite distance (no location) as never a neighbour', () => {
    const d = [
      [0, Infinity],
      [Infinity, 0],
    ];
    expect([...dbscan(d, 1e9, 2)]).toEqual([-1, -1]);
  });

  it('returns nothing for no items', () => {
    expect(dbscan([], 1, 2).length).toBe(0);
  });
});
