import { describe, expect, it } from 'vitest';
import { checkGeometry } from '../../src/data/formats/geometry-check.ts';
import { findRingCrossing } from '../../src/data/formats/geometry-check-crossing.ts';
import { geometryOf } from '../helpers/raw-geometry.ts';

type Ring = [number, number][];
const rect = (x: number, y: number, w: number, h: number): Ring => [[x, y], [x + w, y], [x + w, y + h], [x, y + h], [x, y]];
const planar = (features: Ring[][][]) => checkGeometry(geometryOf(features), { file: 'zd.shp', geographic: false });
const codesOf = (features: Ring[][][]) => planar(features).issues.map((i) => i.code);

/** A regular n-gon, closed, around (cx, cy). */
function circle(n: number, cx: number, cy: number, r: number): Ring {
  const ring: Ring = [];
  for (let i = 0; i < n; i++) ring.push([cx + r * Math.cos((2 * Math.PI * i) / n), cy + r * Math.sin((2 * Math.PI * i) / n)]);
  ring.push(ring[0]);
  return ring;
}

describe('planar area', () => {
  it('is shell minus holes, summed over parts, whatever the winding, in projected metres', () => {
    const { areaM2, issues } = planar([
      [[rect(39482000, 4168000, 200, 150), rect(39482050, 4168050, 50, 50).reverse()]],
      [[rect(0, 0, 100, 100)], [rect(300, 0, 100, 100).reverse()]],
    ]);
    expect(Array.from(areaM2)).toEqual([27500, 20000]);
    expect(issues).toEqual([]);
  });
});

describe('geodesic area for longitude/latitude', () => {
  // Reference values: pyproj 3.4.1 Geod(ellps='GRS80').polygon_area_perimeter (Karney's
  // geodesic algorithms, independent of this code). Command in tests/fixtures/formats/README.md.
  const cases: [string, Ring, number][] = [
    ['0.01° square near 宁津', [[116.8, 37.65], [116.81, 37.65], [116.81, 37.66], [116.8, 37.66], [116.8, 37.65]], 979401.3612861633],
    ['small triangle near 始兴', [[113.5, 24.9], [113.5009, 24.9], [113.5004, 24.9008], [113.5, 24.9]], 4028.906791344285],
    ['0.1° square near 兰州', [[103.8, 36.0], [103.9, 36.0], [103.9, 36.1], [103.8, 36.1], [103.8, 36.0]], 99982357.89887238],
  ];
  for (const [name, ring, expected] of cases) {
    it(`matches PROJ's geodesic area for a ${name} within 0.5 m² per km²`, () => {
      const { areaM2 } = checkGeometry(geometryOf([[[ring]]]), { file: 'a.geojson', geographic: true });
      expect(Math.abs(areaM2[0] - expected)).toBeLessThan(Math.max(0.5, expected * 5e-7));
    });
  }
});

describe('geometry faults, each reported with file and feature number', () => {
  it('empty feature', () => {
    const r = planar([[[rect(0, 0, 1, 1)]], []]);
    expect(r.issues.map((i) => [i.code, i.row])).toEqual([['geom.empty', 2]]);
    expect(Number.isNaN(r.areaM2[1])).toBe(true);
  });

  it('uses the table row numbers when given', () => {
    const r = checkGeometry(geometryOf([[], []]), { file: 'x', geographic: false, rowNumbers: Int32Array.from([7, 9]) });
    expect(r.issues.map((i) => i.row)).toEqual([7, 9]);
    expect(r.issues[1].messageZh).toContain('第 9 个要素');
  });

  it('ring with fewer than 4 points, without follow-on area complaints', () => {
    expect(codesOf([[[[[0, 0], [1, 0], [0, 0]]]]])).toEqual(['geom.ring_too_short']);
    expect(codesOf([[[[[0, 0], [1, 0], [0, 0]], rect(0, 0, 1, 1)]]])).toEqual(['geom.ring_too_short']);
  });

  it('ring not closed', () => {
    expect(codesOf([[[[[0, 0], [10, 0], [10, 10], [0, 10]]]]])).toEqual(['geom.ring_not_closed']);
  });

  it('zero area (all points on a line)', () => {
    expect(codesOf([[[[[0, 0], [5, 0], [10, 0], [0, 0]]]]])).toContain('geom.zero_area');
    expect(codesOf([[[[[0.1, 0.1], [0.2, 0.2], [0.3, 0.3], [0.1, 0.1]]]]])).toContain('geom.zero_area');
  });

  it('bow-tie, with where it crosses', () => {
    const r = planar([[[[[0, 0], [10, 10], [10, 0], [0, 12], [0, 0]]]]]);
    expect(r.issues.map((i) => i.code)).toEqual(['geom.self_intersection']);
    expect(r.issues[0].level).toBe('error');
    expect(r.issues[0].messageZh).toBe('zd.shp 第 1 个要素的外环自相交（在 5.454545455, 5.454545455 附近），例如“8”字形或来回折返的边。');
  });

  it('a hole crossing itself is named as a hole', () => {
    const r = planar([[[rect(0, 0, 100, 100), [[10, 10], [20, 20], [20, 10], [10, 20], [10, 10]]]]]);
    expect(r.issues[0].code).toBe('geom.self_intersection');
    expect(r.issues[0].messageZh).toContain('第 1 个内环');
  });

  it('hole outside its shell', () => {
    expect(codesOf([[[rect(0, 0, 10, 10), rect(20, 20, 2, 2)]]])).toContain('geom.hole_outside_shell');
    expect(codesOf([[[rect(0, 0, 10, 10), rect(0, 0, 2, 2)]]])).toEqual([]); // touching the shell at a corner is fine
    expect(codesOf([[[rect(0, 0, 10, 10), rect(0, 4, 3, 2)]]])).toEqual([]); // touching along an edge too
    expect(codesOf([[[rect(0, 0, 10, 10), rect(8, 4, 5, 2)]]])).toContain('geom.hole_outside_shell'); // starts inside, crosses out
  });

  it('hole larger than its shell gives a negative area', () => {
    const r = planar([[[rect(0, 0, 10, 10), rect(-5, -5, 30, 30)]]]);
    expect(r.issues.map((i) => i.code)).toContain('geom.hole_larger_than_shell');
    expect(r.areaM2[0]).toBe(100 - 900);
  });

  it('names the part of a multipolygon', () => {
    const r = planar([[[rect(0, 0, 1, 1)], [[[5, 5], [6, 6], [6, 5], [5, 6], [5, 5]]]]]);
    expect(r.issues[0].messageZh).toContain('第 2 部分');
    expect(r.issues[0].messageEn).toContain('part 2, shell intersects itself');
  });

  it('a zero-area part of a multipolygon', () => {
    const r = planar([[[rect(0, 0, 1, 1)], [[[5, 0], [6, 0], [7, 0], [5, 0]]]]]);
    expect(r.issues.map((i) => i.code)).toContain('geom.zero_area');
    expect(r.issues.find((i) => i.code === 'geom.zero_area')?.messageZh).toContain('第 2 部分');
  });
});

describe('self-crossing search', () => {
  it('finds figure eights, touching vertices and spikes but accepts convex and concave simple rings', () => {
    const flat = (ring: Ring) => Float64Array.from(ring.flat());
    const check = (ring: Ring) => findRingCrossing(flat(ring), 0, ring.length);
    expect(check(rect(0, 0, 5, 5))).toBeNull();
    expect(check([[0, 0], [10, 0], [10, 10], [5, 2], [0, 10], [0, 0]])).toBeNull(); // concave
    expect(check([[0, 0], [10, 0], [10, 10], [5, 0], [0, 10], [0, 0]])).not.toBeNull(); // touches its own edge
    expect(check([[0, 0], [10, 0], [10, 5], [10, 2], [10, 10], [0, 10], [0, 0]])).not.toBeNull(); // spike back along an edge
    expect(check([[0, 0], [4, 0], [4, 4], [4, 4], [0, 4], [0, 0]])).toBeNull(); // repeated vertex is not a crossing
  });

  it('checks a 150k-vertex ring quickly and still finds one crossing edge in it', () => {
    const ring = circle(150_000, 39482000, 4168000, 500);
    let t0 = performance.now();
    const ok = planar([[[ring]]]);
    expect(ok.issues).toEqual([]);
    expect(Math.abs(ok.areaM2[0] - Math.PI * 500 * 500)).toBeLessThan(1);
    expect(performance.now() - t0).toBeLessThan(3000);

    const bad = ring.slice();
    [bad[1000], bad[1001]] = [bad[1001], bad[1000]]; // two neighbouring vertices swapped: a tiny bow-tie
    t0 = performance.now();
    expect(codesOf([[[bad]]])).toEqual(['geom.self_intersection']);
    expect(performance.now() - t0).toBeLessThan(3000);
  });

  it('finds a crossing between two long edges of a large ring', () => {
    const ring = circle(20_000, 0, 0, 1000).slice(0, -1);
    // replace a long arc by two chords that cross each other
    const bent: Ring = [...ring.slice(0, 5000), [1000, -1000], [-1000, 1000], ...ring.slice(15000), ring[0]];
    expect(findRingCrossing(Float64Array.from(bent.flat()), 0, bent.length)).not.toBeNull();
  });

  it('agrees with an all-pairs reference on random star-shaped (simple) and scrambled rings of 40–400 vertices', () => {
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
    const orient = (a: number[], b: number[], c: number[]) => Math.sign((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]));
    const properCross = (a: number[], b: number[], c: number[], d: number[]) =>
      orient(a, b, c) * orient(a, b, d) < 0 && orient(c, d, a) * orient(c, d, b) < 0;
    const referenceCrosses = (ring: Ring) => {
      const n = ring.length - 1;
      for (let i = 0; i < n; i++) {
        for (let j = i + 2; j < n; j++) {
          if (i === 0 && j === n - 1) continue;
          if (properCross(ring[i], ring[i + 1], ring[j], ring[j + 1])) return true;
        }
      }
      return false;
    };
    for (let k = 0; k < 60; k++) {
      const n = 40 + Math.floor(random() * 360);
      const pts = Array.from({ length: n }, () => [random() * 1000, random() * 1000] as [number, number]);
      if (k % 2 === 0) pts.sort((p, q) => Math.atan2(p[1] - 500, p[0] - 500) - Math.atan2(q[1] - 500, q[0] - 500));
      const ring: Ring = [...pts, pts[0]];
      const found = findRingCrossing(Float64Array.from(ring.flat()), 0, ring.length) !== null;
      expect(found).toBe(referenceCrosses(ring));
    }
  });
});
