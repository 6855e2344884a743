// The brochure's print layout helpers, its QR payload (the park's share link) and the group
// editor's pure updaters.

import type { FeatureCollection } from 'geojson';
import { describe, expect, it } from 'vitest';
import { checkGroups } from '../../src/analysis/promotion-groups';
import type { PlaceId } from '../../src/data/regions';
import { parkShareLink, parkShareSearch } from '../../src/state/brochure-link';
import { addGroup, deleteGroup, fieldIssues, nextGroupId, renameGroup, setMember } from '../../src/state/group-edit';
import { viewFromSearch } from '../../src/state/url-codec';
import { brochurePages, fitFrame, flatRingPath, geometryPath, padBounds, parcelPathsByCode, scaleBar } from '../../src/ui/brochure/map-frame';
import { qrShape } from '../../src/ui/brochure/qr';

describe('map frame', () => {
  it('fits an extent centred, same scale in x and y on the ground', () => {
    // 0.01° of latitude ≈ 1112 m; at 60° N 0.02° of longitude ≈ 1112 m too: a square on the ground.
    const f = fitFrame([10, 59.995, 10.02, 60.005], 200, 100);
    const [x0, y0] = f.project(10, 59.995);
    const [x1, y1] = f.project(10.02, 60.005);
    expect(x1 - x0).toBeCloseTo(y0 - y1, 6);
    expect(y0 - y1).toBeCloseTo(100, 6); // height is the tight side
    expect((x0 + x1) / 2).toBeCloseTo(100, 6);
    expect(f.metresPerUnit * 100).toBeCloseTo(1112, -1);
    // The frame's extent is wider than asked (the box is 2:1).
    expect(f.bounds[2] - f.bounds[0]).toBeCloseTo(0.04, 6);
  });

  it('pads an extent, and gives a point a minimum size', () => {
    expect(padBounds([0, 0, 2, 1], 0.5)).toEqual([-1, -0.5, 3, 1.5]);
    expect(padBounds([5, 5, 5, 5], 1, 0.02)).toEqual([4.99, 4.99, 5.01, 5.01]);
  });

  it('scale bar: the longest 1-2-5 length that fits', () => {
    expect(scaleBar(10, 60)).toEqual({ metres: 500, units: 50, label: '500 m' });
    expect(scaleBar(100, 60)).toEqual({ metres: 5000, units: 50, label: '5 km' });
    expect(scaleBar(30, 100).metres).toBe(2000);
  });

  it('paths of polygons, multipolygons and flat parcel rings; points draw nothing', () => {
    const f = fitFrame([0, 0, 1, 1], 10, 10);
    expect(geometryPath({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] }, f)).toBe('M0 10L10 10L10 0L0 10Z');
    expect(geometryPath({ type: 'MultiPolygon', coordinates: [[[[0, 0], [1, 1], [0, 1]]], [[[1, 0], [1, 1], [0, 0]]]] }, f).split('Z').length).toBe(3);
    expect(geometryPath({ type: 'Point', coordinates: [0, 0] }, f)).toBe('');
    expect(flatRingPath([9, 9, 0, 0, 1, 0, 1, 1], 1, 4, f)).toBe('M0 10L10 10L10 0Z');
  });

  it('parcels inside the frame grouped by their code; those outside are left out', () => {
    const f = fitFrame([0, 0, 1, 1], 10, 10);
    // Three triangles: parcel 0 (code 2) and parcel 1 (code 0) inside, parcel 2 (code 2) outside.
    const rings = {
      length: 3,
      positions: [0, 0, 0.5, 0, 0.5, 0.5, 0.5, 0.5, 1, 0.5, 1, 1, 5, 5, 6, 5, 6, 6],
      startIndices: [0, 3, 6, 9],
      pidx: [0, 1, 2],
    };
    const byCode = parcelPathsByCode(rings, [2, 0, 2], f);
    expect([...byCode.keys()].sort()).toEqual([0, 2]);
    expect(byCode.get(2)).toEqual(['M0 10L5 10L5 5Z']);
    expect(parcelPathsByCode(null, null, f).size).toBe(0);
  });

  it('pages: a joint brochure has a cover, one page per park and a contact page; one park is one page', () => {
    expect(brochurePages(['K1', 'K2'], true).map((p) => (p.kind === 'park' ? p.parkId : p.kind))).toEqual(['cover', 'K1', 'K2', 'contact']);
    expect(brochurePages(['K1'], false)).toEqual([{ kind: 'park', parkId: 'K1' }]);
  });
});

describe('share link and QR', () => {
  const parks: FeatureCollection = {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { park_id: 'NJ-01' }, geometry: { type: 'Polygon', coordinates: [[[116.7, 37.6], [116.8, 37.6], [116.8, 37.7], [116.7, 37.6]]] } }],
  };
  const s = { region: 'dezhou' as PlaceId, asOf: '2026-06-30', lang: 'zh' as const, parks };

  it('the link opens the park-layout view of that park, camera on the park', () => {
    const search = parkShareSearch(s, 'NJ-01');
    const v = viewFromSearch(search, { region: 'shaoguan', lang: 'en' });
    expect(v.issues).toEqual([]);
    expect([v.view.region, v.view.mode, v.view.asOf, v.view.filter.parkIds]).toEqual(['dezhou', 'layout', '2026-06-30', ['NJ-01']]);
    expect(v.view.camera!.lng).toBeCloseTo(116.75, 3);
    expect(v.view.camera!.lat).toBeCloseTo(37.65, 2);
    expect(parkShareLink('http://127.0.0.1:5173/index.html?mode=idle#x', s, 'NJ-01')).toBe(`http://127.0.0.1:5173/index.html${search}`);
  });

  it('the QR holds the link: smallest version at level M for its length (ISO/IEC 18004 byte capacities)', () => {
    // Byte-mode capacity at error correction M, versions 1–15.
    const capacity = [14, 26, 42, 62, 84, 106, 122, 152, 180, 213, 251, 287, 331, 362, 412];
    const expectedSize = (n: number) => 17 + 4 * (capacity.findIndex((c) => c >= n) + 1);
    const link = parkShareLink('http://127.0.0.1:5173/', s, 'NJ-01');
    for (const text of [link, 'x'.repeat(14), 'x'.repeat(15), link + '&lang=en'.repeat(20)]) {
      const q = qrShape(text);
      expect(q.size).toBe(expectedSize(text.length));
      expect(q.path.startsWith('M0 0h1v1h-1z')).toBe(true); // finder pattern corner
    }
    expect(() => qrShape('http://x/?name=宁津')).toThrow(/ASCII/);
  });
});

describe('group editor', () => {
  const order = ['德城区', '陵城区', '宁津县', '乐陵市'];
  it('adds with a fresh id, renames, ticks members in the region order, deletes', () => {
    let list = addGroup([{ group_id: 'G1', name: '甲', counties: ['宁津县', '乐陵市'] }], '新组团');
    expect(list.map((g) => g.group_id)).toEqual(['G1', 'G2']);
    expect(nextGroupId([{ group_id: 'G2', name: '', counties: [] }])).toBe('G1');
    list = setMember(list, 'G2', '陵城区', true, order);
    list = setMember(list, 'G2', '德城区', true, order);
    expect(list[1].counties).toEqual(['德城区', '陵城区']);
    list = setMember(list, 'G2', '德城区', false, order);
    expect(list[1].counties).toEqual(['陵城区']);
    list = renameGroup(list, 'G2', '德陵组团');
    expect(list[1].name).toBe('德陵组团');
    expect(list[0]).toEqual({ group_id: 'G1', name: '甲', counties: ['宁津县', '乐陵市'] });
    expect(deleteGroup(list, 'G1').map((g) => g.group_id)).toEqual(['G2']);
  });

  it('problems are shown by field in the UI language', () => {
    const list = renameGroup(addGroup([], ''), 'G1', '');
    const issues = checkGroups(setMember(list, 'G1', '宁津县', true, order), order);
    expect(fieldIssues(issues, 'G1', 'name', 'zh')).toEqual(['组团 G1 没有名称']);
    expect(fieldIssues(issues, 'G1', 'counties', 'en')).toEqual(['Group G1 needs at least two counties of this region']);
    expect(fieldIssues(issues, 'G1', 'group_id', 'zh')).toEqual([]);
  });
});
