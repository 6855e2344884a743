// The idle-land map end to end in Chromium against the built app. Each test opens its own page.

import { mkdirSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  appState,
  boundaryExtent,
  colourPixels,
  launch,
  mapExtent,
  mapPixels,
  mercatorSpan,
  openApp,
  outermostParcels,
  switchRegion,
  waitFor,
} from './browser';

const SHOTS = 'test-results/screenshots';
const AS_OF = '?asOf=2026-06-30';
let browser: Browser;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Zooms onto the first listed parcel and returns its id and its point on the page. */
async function zoomOntoFirstListed(page: Page): Promise<{ id: string; pt: { x: number; y: number } }> {
  const id = (await appState(page)).firstListed as string;
  const center = await page.evaluate((pid) => (window as any).__parkatlas.parcelLngLat(pid), id);
  expect(center).not.toBeNull();
  // Zoomed in, the parcel is large enough to hover and click like a person would.
  await page.evaluate(([lng, lat]) => (window as any).__parkatlas.zoomTo(lng, lat, 15), center);
  const pt = await page.evaluate((pid) => (window as any).__parkatlas.parcelScreenPoint(pid), id);
  return { id, pt };
}

describe('idle-land map', () => {
  test('opens on 德州 with real counties, demo parks and parcels, labelled 示例数据', async () => {
    const { page } = await openApp(browser, AS_OF);
    const s = await appState(page);
    expect(s.phase).toBe('ready');
    expect(s.region).toBe('dezhou');
    expect(s.counties).toEqual(expect.arrayContaining(['宁津县', '乐陵市', '庆云县', '德城区']));
    expect(s.parks).toBeGreaterThanOrEqual(8);
    expect(s.parcelCount).toBeGreaterThanOrEqual(1000);
    expect(s.totals.idle).toBeGreaterThan(0);
    await expect(page.locator('[data-testid=demo-badge]').textContent()).resolves.toBe('示例数据');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await page.screenshot({ path: `${SHOTS}/dezhou.png` });
  });

  test('the map canvas is really drawn, recovery parcels in their legend red', async () => {
    const { page } = await openApp(browser, AS_OF);
    expect((await mapPixels(page)).paintedShare).toBeGreaterThan(0.2);
    expect(await colourPixels(page, [214, 48, 39])).toBeGreaterThan(0);
  });

  test('the legend counts add up to the parcels shown, and the idle ones to the idle total', async () => {
    const { page } = await openApp(browser, AS_OF);
    const t = (await appState(page)).totals;
    expect(t.fee + t.recovery + t.negotiate).toBe(t.idle);
    const legend = await page.locator('[data-testid=legend] .legend-count').allTextContents();
    const nums = legend.map((x) => Number(x.replaceAll(',', '')));
    expect(nums.reduce((a, b) => a + b, 0)).toBe(t.parcels);
  });

  test('hovering a parcel shows a tooltip with its id', async () => {
    const { page } = await openApp(browser, AS_OF);
    const { id, pt } = await zoomOntoFirstListed(page);
    await page.mouse.move(pt.x, pt.y);
    await page.locator('[data-testid=tooltip]').waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-testid=tooltip]').textContent()).resolves.toContain(id);
  });

  test('clicking a parcel on the map opens its detail with the reason in plain Chinese', async () => {
    const { page } = await openApp(browser, AS_OF);
    const { id, pt } = await zoomOntoFirstListed(page);
    await page.mouse.click(pt.x, pt.y);
    await page.locator('[data-testid=detail-panel]').waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-testid=detail-panel]').getAttribute('data-parcel-id')).resolves.toBe(id);
    const why = (await page.locator('[data-testid=detail-why]').textContent()) ?? '';
    expect(why).toMatch(/约定动工日期 \d{4}-\d{2}-\d{2}，截至 2026-06-30 已满 \d+ 年未动工|停工/);
    expect(why).toMatch(/第(二|十四|八)条/);
    await page.screenshot({ path: `${SHOTS}/detail.png` });
  });

  test('an earlier as-of date finds fewer idle parcels', async () => {
    const { page } = await openApp(browser, AS_OF);
    const before = (await appState(page)).totals.idle as number;
    await page.locator('[data-testid=as-of]').fill('2019-01-01');
    await waitFor(page, "s.asOf === '2019-01-01'");
    expect((await appState(page)).totals.idle).toBeLessThan(before);
  });

  test('a county filter narrows the counts, the list and the map to that county', async () => {
    const { page } = await openApp(browser, AS_OF);
    const all = await appState(page);
    await page.locator('[data-filter=county] [data-value="宁津县"]').click();
    await waitFor(page, 's.filter.counties.length === 1');
    const s = await appState(page);
    expect(s.totals.parcels).toBeLessThan(all.totals.parcels);
    expect(s.visibleCount).toBe(s.totals.parcels);
    expect(s.byCounty.map((r: any) => r.key)).toEqual(['宁津县']);
    const listCounties = await page.locator('[data-testid=parcel-list] li .row2').allTextContents();
    expect(listCounties.length).toBeGreaterThan(0);
    for (const c of listCounties) expect(c.startsWith('宁津县')).toBe(true);
  });

  test('an idle-type filter keeps only idle parcels of that type', async () => {
    const { page } = await openApp(browser, AS_OF);
    await page.locator('[data-filter=idle] [data-value=not_started]').click();
    await waitFor(page, 's.filter.idleTypes.length === 1');
    const s = await appState(page);
    expect(s.totals.parcels).toBeGreaterThan(0);
    expect(s.totals.parcels).toBe(s.totals.idle);
    expect(s.visibleCount).toBe(s.totals.parcels);
  });

  test('clearing the filters brings every parcel back', async () => {
    const { page } = await openApp(browser, AS_OF);
    const all = (await appState(page)).totals.parcels as number;
    await page.locator('[data-filter=county] [data-value="宁津县"]').click();
    await page.locator('[data-filter=idle] [data-value=not_started]').click();
    await waitFor(page, 's.filter.counties.length === 1 && s.filter.idleTypes.length === 1');
    expect((await appState(page)).totals.parcels).toBeLessThan(all);
    await page.locator('[data-testid=clear-filters]').click();
    await waitFor(page, 's.filter.counties.length === 0 && s.filter.idleTypes.length === 0');
    const s = await appState(page);
    expect(s.totals.parcels).toBe(all);
    expect(s.visibleCount).toBe(all);
  });

  test.each([
    ['shaoguan', '始兴县'],
    ['lanzhou', '榆中县'],
  ])('switching to %s loads its parcels and fits the map to its county boundaries', async (region, county) => {
    const { page } = await openApp(browser, AS_OF);
    await switchRegion(page, region, county);
    expect((await appState(page)).parcelCount).toBeGreaterThanOrEqual(1000);
    const want = boundaryExtent(region);
    const parcels = outermostParcels(region);
    // The camera moves once the boundaries arrive; wait for it rather than for a fixed time.
    await expect
      .poll(async () => {
        const shown = await mapExtent(page, parcels);
        return shown.west <= want.west && shown.east >= want.east && shown.south <= want.south && shown.north >= want.north;
      }, { timeout: 10_000 })
      .toBe(true);
    // Fitted, not merely zoomed far out: the boundaries fill the map across one of its axes.
    const shown = await mapExtent(page, parcels);
    const [w, s] = [mercatorSpan(want), mercatorSpan(shown)];
    expect(Math.max(w.width / s.width, w.height / s.height)).toBeGreaterThan(0.85);
    await page.screenshot({ path: `${SHOTS}/${region}.png` });
  });

  test('the UI switches to English and back', async () => {
    const { page } = await openApp(browser, AS_OF);
    await page.locator('[data-testid=lang-switch]').click();
    await expect(page.locator('[data-testid=demo-badge]').textContent()).resolves.toBe('Demo data');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('[data-region=shaoguan]').textContent()).resolves.toBe('Shaoguan');
    await page.screenshot({ path: `${SHOTS}/english.png` });
    await page.locator('[data-testid=lang-switch]').click();
    await expect(page.locator('[data-testid=demo-badge]').textContent()).resolves.toBe('示例数据');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
  });

  test('loading the app and another region requests nothing beyond localhost and logs no error', async () => {
    const app = await openApp(browser, AS_OF);
    await switchRegion(app.page, 'shaoguan', '始兴县');
    expect(app.requests.length).toBeGreaterThan(5);
    const foreign = app.requests.filter((u) => {
      if (u.startsWith('data:') || u.startsWith('blob:')) return false;
      const host = new URL(u).hostname;
      return host !== '127.0.0.1' && host !== 'localhost';
    });
    expect(foreign).toEqual([]);
    expect(app.consoleErrors.filter((e) => !/favicon/.test(e))).toEqual([]);
  });
});
