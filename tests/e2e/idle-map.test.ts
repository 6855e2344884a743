// The idle-land map end to end in Chromium against the built app.

import { mkdirSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AppPage, appState, colourPixels, launch, mapPixels, openApp, waitFor, waitReady } from './browser';

const SHOTS = 'test-results/screenshots';
let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await launch();
  app = await openApp(browser, '?asOf=2026-06-30');
});

afterAll(async () => {
  await browser?.close();
});

describe('idle-land map', () => {
  test('opens on 德州 with real counties, demo parks and parcels, labelled 示例数据', async () => {
    const s = await appState(app.page);
    expect(s.phase).toBe('ready');
    expect(s.region).toBe('dezhou');
    expect(s.counties).toEqual(expect.arrayContaining(['宁津县', '乐陵市', '庆云县', '德城区']));
    expect(s.parks).toBeGreaterThanOrEqual(8);
    expect(s.parcelCount).toBeGreaterThanOrEqual(1000);
    expect(s.totals.idle).toBeGreaterThan(0);
    await expect(app.page.locator('[data-testid=demo-badge]').textContent()).resolves.toBe('示例数据');
    await expect(app.page.locator('html').getAttribute('lang')).resolves.toBe('zh-CN');
    await app.page.screenshot({ path: `${SHOTS}/dezhou.png` });
  });

  test('the map canvas is really drawn, idle parcels in the legend colours', async () => {
    expect((await mapPixels(app.page)).paintedShare).toBeGreaterThan(0.2);
    // Recovery parcels (red) must be visible at the region view.
    const red = await colourPixels(app.page, [214, 48, 39]);
    expect(red).toBeGreaterThan(0);
  });

  test('legend counts add up to the parcels shown', async () => {
    const s = await appState(app.page);
    const t = s.totals;
    expect(t.fee + t.recovery + t.negotiate).toBe(t.idle);
    const legend = await app.page.locator('[data-testid=legend] .legend-count').allTextContents();
    const nums = legend.map((x) => Number(x.replaceAll(',', '')));
    expect(nums.reduce((a, b) => a + b, 0)).toBe(t.parcels);
  });

  test('clicking a parcel on the map opens its detail with the reason in plain Chinese', async () => {
    const s = await appState(app.page);
    const id = s.firstListed as string;
    const { page } = app;
    const center = await page.evaluate((pid) => (window as any).__parkatlas.parcelLngLat(pid), id);
    expect(center).not.toBeNull();
    // Zoom in so the parcel is large enough to hover and click like a person would.
    await page.evaluate(([lng, lat]) => (window as any).__parkatlas.zoomTo(lng, lat, 15), center);
    const pt = await page.evaluate((pid) => (window as any).__parkatlas.parcelScreenPoint(pid), id);
    await page.mouse.move(pt.x, pt.y);
    await page.locator('[data-testid=tooltip]').waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-testid=tooltip]').textContent()).resolves.toContain(id);
    await page.mouse.click(pt.x, pt.y);
    await page.locator('[data-testid=detail-panel]').waitFor({ timeout: 10_000 });
    await expect(page.locator('[data-testid=detail-panel]').getAttribute('data-parcel-id')).resolves.toBe(id);
    const why = (await page.locator('[data-testid=detail-why]').textContent()) ?? '';
    expect(why).toMatch(/约定动工日期 \d{4}-\d{2}-\d{2}，截至 2026-06-30 已满 \d+ 年未动工|停工/);
    expect(why).toMatch(/第(二|十四|八)条/);
    await page.screenshot({ path: `${SHOTS}/detail.png` });
    await page.locator('.detail .close').click();
  });

  test('changing the as-of date changes the counts', async () => {
    const before = (await appState(app.page)).totals.idle as number;
    await app.page.locator('[data-testid=as-of]').fill('2019-01-01');
    await waitFor(app.page, "s.asOf === '2019-01-01'");
    const early = (await appState(app.page)).totals.idle as number;
    expect(early).toBeLessThan(before);
    await app.page.locator('[data-testid=as-of]').fill('2026-06-30');
    await waitFor(app.page, "s.asOf === '2026-06-30'");
    expect((await appState(app.page)).totals.idle).toBe(before);
  });

  test('filters drive counts, list and map together', async () => {
    const { page } = app;
    const all = await appState(page);
    await page.locator('[data-filter=county] [data-value="宁津县"]').click();
    await waitFor(page, "s.filter.counties.length === 1");
    const s = await appState(page);
    expect(s.totals.parcels).toBeLessThan(all.totals.parcels);
    expect(s.visibleCount).toBe(s.totals.parcels);
    expect(s.byCounty.map((r: any) => r.key)).toEqual(['宁津县']);
    const listCounties = await page.locator('[data-testid=parcel-list] li .row2').allTextContents();
    expect(listCounties.length).toBeGreaterThan(0);
    for (const c of listCounties) expect(c.startsWith('宁津县')).toBe(true);
    await page.locator('[data-filter=idle] [data-value=not_started]').click();
    await waitFor(page, 's.filter.idleTypes.length === 1');
    const s2 = await appState(page);
    expect(s2.totals.parcels).toBe(s2.totals.idle);
    await page.locator('[data-testid=clear-filters]').click();
    await waitFor(page, 's.filter.counties.length === 0 && s.filter.idleTypes.length === 0');
    expect((await appState(page)).totals.parcels).toBe(all.totals.parcels);
  });

  test('switching region loads 韶关 and 兰州 and fits the map', async () => {
    const { page } = app;
    for (const [id, county] of [
      ['shaoguan', '始兴县'],
      ['lanzhou', '榆中县'],
    ] as const) {
      await page.locator(`[data-region=${id}]`).click();
      await waitFor(page, `s.region === '${id}' && s.counties.includes('${county}')`, 60_000);
      await waitReady(page);
      const center = await page.evaluate(() => {
        const m = (window as any).__parkatlas;
        return m.state();
      });
      expect(center.parcelCount).toBeGreaterThanOrEqual(1000);
      await page.screenshot({ path: `${SHOTS}/${id}.png` });
    }
    await page.locator('[data-region=dezhou]').click();
    await waitFor(page, "s.region === 'dezhou' && s.counties.includes('宁津县')", 60_000);
  });

  test('the UI switches to English and back', async () => {
    const { page } = app;
    await page.locator('[data-testid=lang-switch]').click();
    await expect(page.locator('[data-testid=demo-badge]').textContent()).resolves.toBe('Demo data');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('en');
    await expect(page.locator('[data-region=shaoguan]').textContent()).resolves.toBe('Shaoguan');
    await page.screenshot({ path: `${SHOTS}/english.png` });
    await page.locator('[data-testid=lang-switch]').click();
    await expect(page.locator('[data-testid=demo-badge]').textContent()).resolves.toBe('示例数据');
  });

  test('no request leaves localhost', async () => {
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
