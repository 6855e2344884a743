// Paint first, compute after: the map draws the place's boundaries, parks and parcels from the
// demo's binary pack while the database engine is deliberately held back (its WebAssembly file
// does not arrive), and colours them by the rules once the engine is let through.

import type { Browser, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { inject, onTestFinished } from 'vitest';
import { appState, colourPixels, launch, mapPixels, waitReady } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const RECOVERY_RED: [number, number, number] = [214, 48, 39];

describe('paint first', () => {
  test('boundaries, parks and parcels are on the map before the engine starts; rule colours come with it', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    onTestFinished(() => context.close());
    // Hold every DuckDB-WASM binary (whichever build the page picks) until the test releases it.
    let release!: () => void;
    const released = new Promise<void>((r) => (release = r));
    const held: Route[] = [];
    await context.route(/duckdb[^/]*\.wasm(\?.*)?$/, async (route) => {
      held.push(route);
      await released;
      await route.continue();
    });
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}?asOf=2026-06-30`);
    await page.waitForFunction(() => document.documentElement.dataset.painted === '1', undefined, { timeout: 60_000, polling: 100 });

    // The engine really is held: its binary was asked for and has not been answered.
    expect(held.length).toBeGreaterThan(0);
    const before = await appState(page);
    expect(before.phase).toBe('loading');
    expect(before.judged).toBe(false);
    expect(before.parcelCount).toBeGreaterThanOrEqual(1000);
    expect(before.parks).toBeGreaterThanOrEqual(8);
    expect(before.counties).toEqual(expect.arrayContaining(['宁津县', '乐陵市', '庆云县']));
    // Drawn, not just loaded: the map is painted and no parcel carries a rule colour yet.
    expect((await mapPixels(page)).paintedShare).toBeGreaterThan(0.2);
    // (The legend's own swatch is the only recovery red on screen yet.)
    const redBefore = await colourPixels(page, RECOVERY_RED);
    await expect(page.locator('[data-testid=loading]').textContent()).resolves.toContain('正在按规则判定');

    // Zoomed onto parcels, each one's polygon is what the map picks at its label point.
    const picks = await page.evaluate(async () => {
      const hook = (window as any).__parkatlas;
      const s = hook.state();
      const out: [number, number | null][] = [];
      for (const pidx of [0, Math.floor(s.parcelCount / 2), s.parcelCount - 1]) {
        const p0 = hook.parcelPointByIndex(pidx);
        if (!p0) continue;
        const lngLat = hook.parcelLngLatByIndex(pidx);
        await hook.zoomTo(lngLat[0], lngLat[1], 16);
        const p = hook.parcelPointByIndex(pidx);
        out.push([pidx, hook.pickAt(p.x, p.y)]);
      }
      return out;
    });
    expect(picks.length).toBe(3);
    for (const [pidx, picked] of picks) expect(picked).toBe(pidx);

    release();
    await waitReady(page);
    const after = await appState(page);
    expect(after.judged).toBe(true);
    expect(after.totals.recovery).toBeGreaterThan(0);
    await page.evaluate(() => {
      const hook = (window as any).__parkatlas;
      return hook.fitPlace();
    });
    expect(await colourPixels(page, RECOVERY_RED)).toBeGreaterThan(redBefore + 200);
  });
});
