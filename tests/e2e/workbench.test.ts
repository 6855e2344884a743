// The revitalisation workbench in Chromium: settings recompute, charts filter the views.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AppPage, appState, launch, openApp, waitFor } from './browser';

let browser: Browser;
let app: AppPage;

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, '?asOf=2026-06-30&mode=workbench');
});

afterAll(async () => {
  await browser?.close();
});

describe('workbench', () => {
  test('changing a threshold in the settings panel changes the counts, and reset restores them', async () => {
    const { page } = app;
    const before = await appState(page);
    await page.locator('[data-testid=settings-open]').click();
    await page.locator('[data-testid=settings-panel]').waitFor();
    // 容积率下限 0.8 → 1.5 flags more parcels as inefficient (L1).
    await page.locator('[data-setting=minPlotRatio]').fill('1.5');
    await page.locator('[data-setting=minPlotRatio]').press('Enter');
    await waitFor(page, 's.settings.minPlotRatio === 1.5');
    const after = await appState(page);
    expect(after.totals.inefficient).toBeGreaterThan(before.totals.inefficient);
    // 闲置认定年限 1 → 2 years: fewer idle parcels.
    await page.locator('[data-setting=idleYears]').fill('2');
    await page.locator('[data-setting=idleYears]').press('Enter');
    await waitFor(page, 's.settings.idleYears === 2');
    expect((await appState(page)).totals.idle).toBeLessThan(before.totals.idle);
    await page.screenshot({ path: 'test-results/screenshots/settings.png' });
    // Saved in the browser: survives a reload.
    await page.reload();
    await waitFor(page, 's.settings.idleYears === 2 && s.totals !== null');
    await page.locator('[data-testid=settings-open]').click();
    await page.locator('[data-testid=settings-reset]').click();
    await waitFor(page, 's.settings.idleYears === 1 && s.settings.minPlotRatio === 0.8');
    const reset = await appState(page);
    expect(reset.totals.idle).toBe(before.totals.idle);
    expect(reset.totals.inefficient).toBe(before.totals.inefficient);
    await page.locator('[data-testid=settings-panel] .close').click();
  });

  test('clicking a bar of the county chart filters map, tables and list', async () => {
    const { page } = app;
    const s = await appState(page);
    const top = s.byCounty.find((r: any) => r.recoveryMu > 0);
    // Click inside the recovery segment of that county's bar.
    const pt = await page.evaluate(
      ([county, x]) => (window as any).__parkatlas.chartPoint('chart-county', county, x, 1),
      [top.key, top.feeMu + top.recoveryMu / 2] as const,
    );
    expect(pt).not.toBeNull();
    await page.mouse.click(pt.x, pt.y);
    await waitFor(page, `s.filter.counties.length === 1`);
    const f = await appState(page);
    expect(f.filter.counties).toEqual([top.key]);
    expect(f.filter.disposals).toEqual(['recovery']);
    expect(f.totals.parcels).toBe(top.recovery);
    expect(f.listCounties).toEqual([top.key]);
    expect(f.visibleCount).toBe(top.recovery);
    await page.locator('[data-testid=clear-filters]').click();
    await waitFor(page, 's.filter.counties.length === 0 && s.filter.disposals.length === 0');
  });

  test('clicking a supply-year bar filters by supply year', async () => {
    const { page } = app;
    const s = await appState(page);
    const row = s.bySupplyYear.find((r: any) => r.disposal === 'fee' && r.mu > 0);
    const pt = await page.evaluate(
      ([year, y]) => (window as any).__parkatlas.chartPoint('chart-year', year, y, 0),
      [String(row.year), row.mu / 2] as const,
    );
    await page.mouse.click(pt.x, pt.y);
    await waitFor(page, 's.filter.supplyYears.length === 1');
    const f = await appState(page);
    expect(f.filter.supplyYears).toEqual([row.year]);
    expect(f.bySupplyYear.every((r: any) => r.year === row.year)).toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/workbench-year.png' });
    await page.locator('[data-testid=clear-filters]').click();
    await waitFor(page, 's.filter.supplyYears.length === 0');
  });
});
