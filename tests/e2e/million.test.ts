// A million parcels (`?scale=758`: the 德州 demo tiled 758 times, synthetic twice over): every
// interaction a planner uses still works — filter, select on the map, detail panel, export.
// One page walks through all of them, so the million parcels load once.

import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, onTestFinished, test } from 'vitest';
import { appState, launch, waitFor, waitReady } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

describe('a million parcels', () => {
  test('filter, select on the map, detail panel and export all work', { timeout: 900_000 }, async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
    onTestFinished(() => context.close());
    const page = await context.newPage();
    await page.goto(`${inject('baseUrl')}?asOf=2026-06-30&scale=758`);
    await waitReady(page, 600_000);
    const all = await appState(page);
    expect(all.parcelCount).toBeGreaterThanOrEqual(1_000_000);
    expect(all.totals.parcels).toBe(all.parcelCount);
    expect(all.visibleCount).toBe(all.parcelCount);

    // Filter: one county's chip narrows figures and map alike.
    await page.locator('[data-filter=county] [data-value="宁津县"]').click();
    await waitFor(page, 's.filter.counties.length === 1', 300_000);
    const one = await appState(page);
    expect(one.totals.parcels).toBeGreaterThan(10_000);
    expect(one.totals.parcels).toBeLessThan(all.totals.parcels);
    expect(one.visibleCount).toBe(one.totals.parcels);
    expect(one.byCounty.map((r: { key: string }) => r.key)).toEqual(['宁津县']);

    // Select: click the first listed parcel where it is drawn; its detail opens.
    const id = one.firstListed as string;
    const lngLat = await page.evaluate((pid) => (window as any).__parkatlas.parcelLngLat(pid), id);
    expect(lngLat).not.toBeNull();
    await page.evaluate(([lng, lat]) => (window as any).__parkatlas.zoomTo(lng, lat, 16), lngLat);
    const pt = await page.evaluate((pid) => (window as any).__parkatlas.parcelScreenPoint(pid), id);
    await page.mouse.click(pt.x, pt.y);
    await page.locator('[data-testid=detail-panel]').waitFor({ timeout: 120_000 });
    await expect(page.locator('[data-testid=detail-panel]').getAttribute('data-parcel-id')).resolves.toBe(id);
    expect((await page.locator('[data-testid=detail-why]').textContent()) ?? '').toMatch(/第(二|十四|八)条/);

    // Export: the workbench's workbook holds the filtered idle list, one row per idle parcel.
    await page.locator('[data-testid=detail-panel] button.close').click();
    await page.locator('[data-mode=workbench]').click();
    await waitFor(page, "s.mode === 'workbench'", 300_000);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 300_000 }),
      page.locator('[data-testid=export-xlsx]').click(),
    ]);
    const { readWorkbook } = await import('../../src/export/xlsx');
    const tables = await readWorkbook(new Uint8Array(readFileSync(await download.path())));
    const idle = tables.find((t) => t.name === '闲置土地')!;
    expect(idle.rows.length).toBe(one.totals.idle);
    const county = idle.headers.indexOf('县区');
    expect(idle.rows.every((r) => r[county] === '宁津县')).toBe(true);
  });
});
