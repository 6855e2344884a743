// The revitalisation workbench in Chromium: settings recompute, charts filter the views.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readFileSync } from 'node:fs';
import { type AppPage, appState, colourPixels, launch, openApp, waitFor, waitReady } from './browser';

let browser: Browser;

/** Waits until the dashboard's count of parcels at a tracking stage reads `n`. */
async function stageCount(page: AppPage['page'], stage: string, n: string): Promise<void> {
  await page.waitForFunction(
    ([st, v]) => document.querySelector(`[data-stage=${st}] b`)?.textContent === v,
    [stage, n] as const,
    { timeout: 15_000 },
  );
}
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
    // A reload is a fresh start: allow it the same time as opening the page.
    await waitReady(page);
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
    await page.locator('[data-testid=chart-county]').scrollIntoViewIfNeeded();
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
    await page.locator('[data-testid=chart-year]').scrollIntoViewIfNeeded();
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

describe('workbench: 亩均, tracking and export', () => {
  test('colouring the map by 亩均 class shows the class legend and class colours', async () => {
    const { page } = app;
    await page.locator('[data-color-by=mujun]').click();
    await page.locator('[data-testid=legend] h4', { hasText: '亩均等级' }).waitFor();
    await page.waitForTimeout(300);
    const green = await colourPixels(page, [26, 152, 80], 20);
    expect(green).toBeGreaterThan(10);
    const rows = await page.locator('[data-tab=ranking]').click().then(() => page.locator('[data-testid=mujun-ranking] tbody tr').count());
    expect(rows).toBeGreaterThan(10);
    const firstClass = await page.locator('[data-testid=mujun-ranking] tbody tr .cls').first().textContent();
    expect(firstClass).toBe('A');
    await page.screenshot({ path: 'test-results/screenshots/workbench-mujun.png' });
    await page.locator('[data-color-by=idle]').click();
    await page.locator('[data-tab=list]').click();
  });

  test('a tracking step is recorded, survives a reload, and its history reads back', async () => {
    const { page } = app;
    const id = (await appState(page)).firstListed as string;
    await page.locator(`[data-testid=parcel-list] li[data-parcel-id="${id}"]`).click();
    await page.locator('[data-testid=detail-panel]').waitFor();
    await expect(page.locator('[data-testid=disposal-plan] li').count()).resolves.toBeGreaterThan(0);
    // A bad entry is refused with a message and stores nothing.
    await page.locator('[data-testid=tracking-add]').click();
    await page.locator('[data-testid=tracking] [role=alert]').waitFor();
    await page.locator('[data-testid=tracking-stage]').selectOption('interviewed');
    await page.locator('[data-testid=tracking-date]').fill('2026-06-01');
    await page.locator('[data-testid=tracking-person]').fill('张科长');
    await page.locator('[data-testid=tracking-note]').fill('约谈企业法人，承诺三个月内动工');
    await page.locator('[data-testid=tracking-add]').click();
    await page.locator('[data-testid=tracking-history] li').first().waitFor();
    await expect(page.locator('[data-testid=tracking-history] li').count()).resolves.toBe(1);
    await stageCount(page, 'interviewed', '1');
    await page.screenshot({ path: 'test-results/screenshots/tracking.png' });

    await page.reload();
    // A reload is a fresh start: allow it the same time as opening the page.
    await waitReady(page);
    await waitFor(page, 's.totals !== null');
    // The selected parcel is part of the view in the address, so the reload reopens its detail.
    await page.locator(`[data-testid=detail-panel][data-parcel-id="${id}"]`).waitFor();
    await page.locator('[data-testid=tracking-history] li').first().waitFor();
    const text = await page.locator('[data-testid=tracking-history]').textContent();
    expect(text).toContain('已约谈');
    expect(text).toContain('2026-06-01');
    expect(text).toContain('张科长');
    await page.locator('[data-testid=tracking-stage]').selectOption('recovered');
    await page.locator('[data-testid=tracking-date]').fill('2026-06-20');
    await page.locator('[data-testid=tracking-person]').fill('张科长');
    await page.locator('[data-testid=tracking-add]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=tracking-history] li').length === 2);
    await stageCount(page, 'recovered', '1');
    await stageCount(page, 'interviewed', '0');
    await expect(page.locator('[data-testid=revitalised-year]').textContent()).resolves.toContain('已收回 1 宗');
    await page.locator('.detail .close').click();
  });

  test('Excel export downloads one workbook whose sheets read back with the filtered lists', async () => {
    const { page } = app;
    await page.locator('[data-filter=county] [data-value="宁津县"]').click();
    await waitFor(page, 's.filter.counties.length === 1');
    const s = await appState(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-xlsx]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const path = await download.path();
    const { readWorkbook } = await import('../../src/export/xlsx');
    const tables = await readWorkbook(new Uint8Array(readFileSync(path)));
    const names = tables.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['说明', '闲置土地', '退出条件', '低效用地', '亩均评价', '盘活跟踪']));
    const idle = tables.find((t) => t.name === '闲置土地')!;
    expect(idle.rows.length).toBe(s.totals.idle);
    expect(idle.headers.some((h) => h.includes('(亩)'))).toBe(true);
    const county = idle.headers.indexOf('县区');
    expect(county).toBeGreaterThanOrEqual(0);
    expect(idle.rows.every((r) => r[county] === '宁津县')).toBe(true);
    const notes = tables.find((t) => t.name === '说明')!;
    expect(JSON.stringify(notes.rows)).toContain('2026-06-30');
    await page.locator('[data-testid=clear-filters]').click();
    await waitFor(page, 's.filter.counties.length === 0');
  });
});
