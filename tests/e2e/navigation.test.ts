// Navigation in Chromium: choosing a park flies the camera to its extent and Back returns to the
// previous camera; the search box finds a parcel by id, flies there and selects it; a click at
// city zoom selects the parcel under the pointer (not the dot drawn on top of it); measuring
// between two known points gives their geodesic distance; 大屏 shows the clicked parcel.

import { readFileSync } from 'node:fs';
import { distance } from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appState, launch, openApp, waitFor } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

type Camera = { lng: number; lat: number; zoom: number; state: { lng: number; lat: number; zoom: number } | null };
const camera = (page: Page): Promise<Camera> => page.evaluate(() => (window as any).__parkatlas.camera());
/** Waits until a flight has ended and the map is drawn. */
const idle = (page: Page) => page.evaluate(() => (window as any).__parkatlas.mapIdle());
const mercY = (lat: number) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360));

/** The park's outline extent, read from the file the app loads. */
function parkExtent(parkId: string): [number, number, number, number] {
  const fc = JSON.parse(readFileSync('data/demo/dezhou/parks.geojson', 'utf8'));
  const f = fc.features.find((x: any) => x.properties.park_id === parkId);
  const pts: [number, number][] = f.geometry.coordinates.flat();
  const xs = pts.map((p) => p[0]);
  const ys = pts.map((p) => p[1]);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}

describe('navigation', () => {
  test('choosing a park flies to its extent, and Back returns to the previous camera', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    const before = await camera(page);
    await page.locator('[data-testid=park-select]').selectOption('DZ-P03');
    await idle(page);
    await waitFor(page, `s.filter.parkIds[0] === 'DZ-P03'`);
    const after = await camera(page);
    const [w, s, e, n] = parkExtent('DZ-P03');
    // Centred on the park (web Mercator middle), much closer than the whole city.
    expect(after.lng).toBeCloseTo((w + e) / 2, 3);
    const midY = (mercY(s) + mercY(n)) / 2;
    expect(mercY(after.lat)).toBeCloseTo(midY, 4);
    expect(after.zoom).toBeGreaterThan(before.zoom + 2);
    expect(new URL(page.url()).searchParams.get('at')).not.toBeNull();

    await page.goBack();
    await idle(page);
    await waitFor(page, `s.filter.parkIds.length === 0`);
    const back = await camera(page);
    expect(back.lng).toBeCloseTo(before.lng, 4);
    expect(back.lat).toBeCloseTo(before.lat, 4);
    expect(back.zoom).toBeCloseTo(before.zoom, 2);

    await page.goForward();
    await idle(page);
    await waitFor(page, `s.filter.parkIds[0] === 'DZ-P03'`);
    expect((await camera(page)).zoom).toBeCloseTo(after.zoom, 1);
  });

  test('the search box finds a parcel by a lower-case id, flies there and selects it', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    const box = page.locator('[data-testid=search]');
    await box.fill('dz-000418');
    await page.locator('[data-hit="parcel:DZ-000418"]').waitFor();
    await expect(box.getAttribute('aria-expanded')).resolves.toBe('true');
    await box.press('ArrowDown');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBe('nav-hit-0');
    await box.press('Enter');
    await waitFor(page, `s.selected === 'DZ-000418'`);
    await idle(page);
    const at = await page.evaluate(() => (window as any).__parkatlas.parcelLngLat('DZ-000418'));
    const c = await camera(page);
    expect(Math.abs(c.lng - at[0])).toBeLessThan(0.005);
    expect(Math.abs(c.lat - at[1])).toBeLessThan(0.005);
    expect(c.zoom).toBeGreaterThan(14);
    await expect(page.locator('[data-testid=detail-panel]').getAttribute('data-parcel-id')).resolves.toBe('DZ-000418');
  });

  test('a click at city zoom selects the parcel under the pointer, and stacked dots offer a choice', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    const hook = (fn: string, ...args: unknown[]) => page.evaluate(([fn, args]) => (window as any).__parkatlas[fn as string](...(args as unknown[])), [fn, args] as const);
    const point = async (id: string) => {
      const p = (await hook('parcelScreenPoint', id)) as { x: number; y: number };
      // Whole pixels: the mouse clicks whole pixels, and the test must ask about the same point.
      return { x: Math.round(p.x), y: Math.round(p.y) };
    };
    const [lng, lat] = (await hook('parcelLngLat', 'DZ-000418')) as [number, number];
    await hook('zoomTo', lng, lat, 10);
    // At this zoom DZ-000419's dot (1.8 px in radius, drawn after) covers DZ-000418's centre:
    // the pixel under the pointer belongs to the neighbour, the nearest centre does not.
    const p418 = await point('DZ-000418');
    const p419 = await point('DZ-000419');
    const apart = Math.hypot(p418.x - p419.x, p418.y - p419.y);
    expect(apart).toBeLessThan(1.8 * 2);
    expect(await hook('pickResultAt', p418.x, p418.y)).toMatchObject({ kind: 'one' });
    await page.mouse.click(p418.x, p418.y);
    await waitFor(page, `s.selected === 'DZ-000418'`);

    // Seen whole, the park's dots are within a pixel of each other: the click offers a short
    // list of the stacked parcels instead of guessing.
    await page.evaluate(() => (window as any).__parkatlas.fitPlace());
    const q = await point('DZ-000418');
    await page.mouse.click(q.x, q.y);
    const items = page.locator('[data-testid=pick-choice] button');
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThan(1);
    expect(await items.count()).toBeLessThanOrEqual(6);
    await items.filter({ hasText: 'DZ-000418' }).click();
    await waitFor(page, `s.selected === 'DZ-000418'`);
    expect(await page.locator('[data-testid=pick-choice]').count()).toBe(0);
  });

  test('measuring between two parcels gives their geodesic distance within 1 %', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    const a = (await page.evaluate(() => (window as any).__parkatlas.parcelLngLat('DZ-000418'))) as [number, number];
    const b = (await page.evaluate(() => (window as any).__parkatlas.parcelLngLat('DZ-000500'))) as [number, number];
    await page.evaluate(([lng, lat]) => (window as any).__parkatlas.zoomTo(lng, lat, 9), [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2]);
    await page.locator('[data-testid=measure-toggle]').click();
    for (const id of ['DZ-000418', 'DZ-000500']) {
      const pt = await page.evaluate((id) => (window as any).__parkatlas.parcelScreenPoint(id), id);
      await page.mouse.click(pt.x, pt.y);
    }
    const m = await page.evaluate(() => (window as any).__parkatlas.measure());
    const expected = distance(a, b, { units: 'kilometers' }) * 1000;
    expect(expected).toBeGreaterThan(1000);
    expect(Math.abs(m.distanceM - expected) / expected).toBeLessThan(0.01);
    expect(m.areaM2).toBeNull();
    await expect(page.locator('[data-testid=measure-label]').textContent()).resolves.toMatch(/km/);
    // Measuring clicks select nothing.
    expect((await appState(page)).selected).toBeNull();
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=measure-clear]').click();
    expect((await page.evaluate(() => (window as any).__parkatlas.measure())).distanceM).toBe(0);
  });

  test('in 大屏, a clicked parcel shows a detail card that Esc closes', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30&wall=1');
    const ll = (await page.evaluate(() => (window as any).__parkatlas.parcelLngLat('DZ-000011'))) as [number, number];
    await page.evaluate(([lng, lat]) => (window as any).__parkatlas.zoomTo(lng, lat, 12), ll);
    const pt = await page.evaluate(() => (window as any).__parkatlas.parcelScreenPoint('DZ-000011'));
    await page.mouse.click(pt.x, pt.y);
    const card = page.locator('[data-testid=wall-detail]');
    await card.waitFor();
    await expect(card.getAttribute('data-parcel-id')).resolves.toBe('DZ-000011');
    expect(await card.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await waitFor(page, `s.selected === null`);
    expect(await card.count()).toBe(0);
  });
});
