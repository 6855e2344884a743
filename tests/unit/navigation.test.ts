// Navigation in the state layer: the camera that fits an extent, the camera in the address, the
// updaters of a navigation and of the map's own moves, and the history they write: a deliberate
// navigation is one entry, a drag rewrites the current one, Back restores camera and selection.

import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EMPTY_FILTER } from '../../src/analysis/filters';
import type { ParcelShapes } from '../../src/data/parcel-shapes';
import { openNodeDb } from '../../src/data/duckdb-node';
import { type AppState, initialState } from '../../src/state/app-state';
import { type Bounds, type Camera, MAX_FIT_ZOOM, cameraForBounds, cameraFromParam, inView } from '../../src/state/camera';
import { countyBounds, needsReveal, parcelBounds } from '../../src/state/navigation';
import { createApp } from '../../src/state/runtime';
import { DEFAULT_SAVED_STATE } from '../../src/state/saved-state';
import { update } from '../../src/state/updaters';
import { viewFromSearch, viewToSearch } from '../../src/state/url-codec';
import { DEFAULT_VIEW } from '../../src/state/view';
import { type FakeEffects, fakeEffects } from './helpers/fake-effects';
import { tinyRegion } from './helpers/tiny-regions';

// Web Mercator written out independently of src/state/camera.ts: page pixels of a point for a
// camera, MapLibre's 512-pixel world at zoom 0.
function screen(c: Camera, vp: { width: number; height: number }, lng: number, lat: number): [number, number] {
  const x = (l: number) => (l + 180) / 360;
  const y = (a: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (a * Math.PI) / 360)) / Math.PI) / 2;
  const k = 512 * 2 ** c.zoom;
  return [vp.width / 2 + (x(lng) - x(c.lng)) * k, vp.height / 2 + (y(lat) - y(c.lat)) * k];
}

const VP = { width: 1000, height: 700 };

describe('the camera for an extent', () => {
  it('shows every corner inside the padding, and is as close as that allows', () => {
    const b: Bounds = [116.2, 37.2, 117.6, 37.9];
    const c = cameraForBounds(b, VP, 50)!;
    const corners = [screen(c, VP, b[0], b[3]), screen(c, VP, b[2], b[1])];
    for (const [x, y] of corners) {
      expect(x).toBeGreaterThanOrEqual(49);
      expect(x).toBeLessThanOrEqual(VP.width - 49);
      expect(y).toBeGreaterThanOrEqual(49);
      expect(y).toBeLessThanOrEqual(VP.height - 49);
    }
    // Wider than tall here: the width is what limits the zoom, to within rounding.
    const closer = { ...c, zoom: c.zoom + 0.05 };
    const [[x0], [x1]] = [screen(closer, VP, b[0], b[3]), screen(closer, VP, b[2], b[1])];
    expect(x1 - x0).toBeGreaterThan(VP.width - 100);
    // Centred on the extent.
    const [[ax, ay], [bx, by]] = corners;
    expect((ax + bx) / 2).toBeCloseTo(VP.width / 2, 0);
    expect((ay + by) / 2).toBeCloseTo(VP.height / 2, 0);
  });

  it('does not dive into a single point, and refuses an empty extent', () => {
    expect(cameraForBounds([116.5, 37.5, 116.5, 37.5], VP)).toEqual({ lng: 116.5, lat: 37.5, zoom: MAX_FIT_ZOOM });
    expect(cameraForBounds([117, 37, 116, 38], VP)).toBeNull();
    expect(cameraForBounds([NaN, 37, 116, 38], VP)).toBeNull();
  });

  it('tells which points the camera shows', () => {
    const c = { lng: 116.5, lat: 37.5, zoom: 10 };
    expect(inView(c, VP, 116.5, 37.5)).toBe(true);
    const [x] = screen(c, VP, 117.2, 37.5);
    expect(x).toBeGreaterThan(VP.width);
    expect(inView(c, VP, 117.2, 37.5)).toBe(false);
  });
});

describe('the camera in the address', () => {
  it('survives a round trip and is written only when known', () => {
    const view = { ...DEFAULT_VIEW, camera: { lng: 116.61234, lat: 37.41234, zoom: 11.5 } };
    const search = viewToSearch(view);
    expect(new URLSearchParams(search).get('at')).toBe('116.61234,37.41234,11.5');
    expect(viewFromSearch(search, DEFAULT_VIEW).view.camera).toEqual(view.camera);
    expect(new URLSearchParams(viewToSearch(DEFAULT_VIEW)).has('at')).toBe(false);
  });

  it('carries a turned or tilted map, north-up and flat leaving no trace', () => {
    const turned = { lng: 116.6, lat: 37.4, zoom: 12, bearing: -30.04, pitch: 45 };
    const search = viewToSearch({ ...DEFAULT_VIEW, camera: turned });
    expect(new URLSearchParams(search).get('at')).toBe('116.6,37.4,12,-30,45');
    expect(viewFromSearch(search, DEFAULT_VIEW).view.camera).toEqual({ lng: 116.6, lat: 37.4, zoom: 12, bearing: -30, pitch: 45 });
    // 360° is north up; 190° is -170°.
    expect(cameraFromParam('116.6,37.4,12,360,0')).toEqual({ lng: 116.6, lat: 37.4, zoom: 12 });
    expect(cameraFromParam('116.6,37.4,12,190,0')).toEqual({ lng: 116.6, lat: 37.4, zoom: 12, bearing: -170 });
  });

  it('replaces an unusable camera by the whole region, with a note', () => {
    for (const bad of ['116,37', '116,95,10', 'a,b,c', '116,37,30', '116,,10', '116,37,10,0', '116,37,10,0,80', '116,37,10,x,0']) {
      expect(cameraFromParam(bad)).toBeNull();
      const d = viewFromSearch(`?at=${bad}`, DEFAULT_VIEW);
      expect(d.view.camera).toBeNull();
      expect(d.issues[0].en).toContain('the whole region');
    }
  });
});

// Two parcels: P0 a square ring, P1 known by its label point only.
const SHAPES: ParcelShapes = {
  length: 1,
  positions: Float64Array.from([116, 37, 116.01, 37, 116.01, 37.02, 116, 37]),
  startIndices: Uint32Array.from([0, 4]),
  pidx: Int32Array.from([0]),
  parcelCount: 2,
  centers: Float64Array.from([116.005, 37.01, 118, 38]),
};

describe('extents of what is chosen', () => {
  it('takes a parcel’s ring, or its label point when it has none', () => {
    expect(parcelBounds(SHAPES, (p) => p === 0)).toEqual([116, 37, 116.01, 37.02]);
    expect(parcelBounds(SHAPES, (p) => p === 1)).toEqual([118, 38, 118, 38]);
    expect(parcelBounds(SHAPES, () => true)).toEqual([116, 37, 118, 38]);
    expect(parcelBounds(SHAPES, () => false)).toBeNull();
  });

  it('takes a county’s outline by name', () => {
    const [fc] = tinyRegion('dezhou');
    expect(countyBounds(fc, '乐陵市')).toEqual([117, 37, 117.1, 37.1]);
    expect(countyBounds(fc, '火星县')).toBeNull();
  });

  it('moves for highlighted parcels only when one of them is off-screen', () => {
    const onFirst = { lng: 116.005, lat: 37.01, zoom: 12 };
    expect(needsReveal(SHAPES, Uint8Array.from([1, 0]), onFirst, VP)).toBe(false);
    expect(needsReveal(SHAPES, Uint8Array.from([1, 1]), onFirst, VP)).toBe(true);
    expect(needsReveal(SHAPES, Uint8Array.from([0, 0]), onFirst, VP)).toBe(false);
    expect(needsReveal(SHAPES, Uint8Array.from([1, 0]), null, VP)).toBe(true);
  });
});

const base = (): AppState => ({
  ...initialState({ ...DEFAULT_VIEW, asOf: '2026-06-30' }, DEFAULT_SAVED_STATE, '2026-07-01', null, []),
  viewport: VP,
});

describe('navigation updaters', () => {
  it('a navigation fits the extent, selects and filters, and asks the map to fly', () => {
    const s = update(base(), { type: 'navigated', bounds: [116, 37, 116.1, 37.1], parcel: 'P1', filter: { counties: ['宁津县'] } });
    expect(s.camera).toEqual(cameraForBounds([116, 37, 116.1, 37.1], VP));
    expect(s).toMatchObject({ parcel: 'P1', cameraSeq: 1, cameraAnimate: true, filter: { ...EMPTY_FILTER, counties: ['宁津县'] } });
  });

  it('before the map has a size, a navigation still selects but leaves the camera', () => {
    const s = update({ ...base(), viewport: { width: 0, height: 0 } }, { type: 'navigated', bounds: [116, 37, 116.1, 37.1], parcel: 'P1' });
    expect(s).toMatchObject({ parcel: 'P1', camera: null, cameraSeq: 0 });
  });

  it('the map’s own moves are recorded without moving it again', () => {
    const s = update(base(), { type: 'cameraMoved', camera: { lng: 116.123456789, lat: 37.5, zoom: 9.123 } });
    expect(s).toMatchObject({ camera: { lng: 116.12346, lat: 37.5, zoom: 9.12 }, cameraSeq: 0 });
    expect(update(s, { type: 'cameraMoved', camera: { lng: 116.123461, lat: 37.5, zoom: 9.1201 } })).toBe(s);
    expect(update(s, { type: 'cameraMoved', camera: { lng: NaN, lat: 37.5, zoom: 9 } })).toBe(s);
  });

  it('a restored view moves the map to its camera; another region starts seen whole', () => {
    const moved = update(base(), { type: 'cameraMoved', camera: { lng: 116, lat: 37, zoom: 9 } });
    const back = update(moved, { type: 'viewRestored', view: { ...DEFAULT_VIEW, asOf: '2026-06-30', camera: { lng: 116.5, lat: 37.5, zoom: 12 } }, issues: [] });
    expect(back).toMatchObject({ camera: { lng: 116.5, lat: 37.5, zoom: 12 }, cameraSeq: 1 });
    expect(update(back, { type: 'regionChosen', region: 'lanzhou' }).camera).toBeNull();
  });
});

describe('history of navigations', () => {
  let db: Awaited<ReturnType<typeof openNodeDb>>;
  let fx: FakeEffects | null = null;
  beforeAll(async () => {
    db = await openNodeDb();
  });
  afterEach(() => fx?.close());
  afterAll(() => db?.close());

  it('pushes one entry per navigation, rewrites it for drags, and Back restores camera and selection', async () => {
    fx = fakeEffects({ files: tinyRegion, search: '?asOf=2026-06-30', db });
    const app = createApp(fx);
    await app.start();
    await app.settled();
    const a = app.actions;
    a.mapSized(VP);
    a.chooseCounty('乐陵市');
    await app.settled();
    const leling = app.store.get().camera;
    expect(leling).toEqual(cameraForBounds([117, 37, 117.1, 37.1], VP));
    expect(fx.address.entries).toHaveLength(2);
    // A drag after the flight: the same entry, now with the dragged camera.
    const dragged = { lng: 117.02, lat: 37.03, zoom: 13 };
    a.mapMoved(dragged);
    expect(fx.address.entries).toHaveLength(2);
    expect(new URLSearchParams(fx.address.search()).get('at')).toBe('117.02,37.03,13');
    a.goToParcel('P1');
    await app.settled();
    expect(fx.address.entries).toHaveLength(3);
    expect(app.store.get().selected?.parcel_id).toBe('P1');
    const seq = app.store.get().cameraSeq;
    fx.address.go(-1);
    await app.settled();
    expect(app.store.get()).toMatchObject({ camera: dragged, parcel: null, selected: null, filter: { counties: ['乐陵市'] } });
    expect(app.store.get().cameraSeq).toBe(seq + 1);
    fx.address.go(-1);
    await app.settled();
    expect(app.store.get()).toMatchObject({ camera: null, filter: { counties: [] } });
    fx.address.go(2);
    await app.settled();
    expect(app.store.get()).toMatchObject({ parcel: 'P1', filter: { counties: ['乐陵市'] } });
    expect(app.store.get().selected?.parcel_id).toBe('P1');
    app.dispose();
  });
});
