// The revitalisation workbench in Chromium: settings recompute, charts filter the views, 亩均,
// tracking and export. Each test opens its own page (fresh browser storage) in the workbench.

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appState, colourPixels, launch, openApp, reloadApp, waitFor, clickHeader } from './browser';

const WORKBENCH = '?asOf=2026-06-30&mode=workbench';
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

async function openWorkbench(): Promise<Page> {
  return (await openApp(browser, WORKBENCH)).page;
}

/** Types a value into the settings panel (opening it if needed) and waits for the recomputation. */
async function setSetting(page: Page, key: string, value: number): Promise<void> {
  const panel = page.locator('[data-testid=settings-panel]');
  if (!(await panel.isVisible())) {
    await clickHeader(page, 'settings-open');
    await panel.waitFor();
  }
  await page.locator(`[data-setting=${key}]`).fill(String(value));
  await page.locator(`[data-setting=${key}]`).press('Enter');
  await waitFor(page, `s.settings.${key} === ${value}`);
}

/** Waits until the dashboard's count of parcels at a tracking stage reads `n`. */
async function stageCount(page: Page, stage: string, n: string): Promise<void> {
  await page.waitForFunction(
    ([st, v]) => document.querySelector(`[data-stage=${st}] b`)?.textContent === v,
    [stage, n] as const,
    { timeout: 15_000 },
  );
}

/** Opens the detail of the first listed parcel and returns its id. */
async function openFirstParcel(page: Page): Promise<string> {
  const id = (await appState(page)).firstListed as string;
  await page.locator(`[data-testid=parcel-list] li[data-parcel-id="${id}"]`).click();
  await page.locator('[data-testid=detail-panel]').waitFor();
  return id;
}

/** Records one tracking step for the open parcel and waits until the history shows `entries` steps. */
async function recordStep(page: Page, stage: string, date: string, entries: number, note = ''): Promise<void> {
  await page.locator('[data-testid=tracking-stage]').selectOption(stage);
  await page.locator('[data-testid=tracking-date]').fill(date);
  await page.locator('[data-testid=tracking-person]').fill('张科长');
  if (note) await page.locator('[data-testid=tracking-note]').fill(note);
  await page.locator('[data-testid=tracking-add]').click();
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=tracking-history] li').length === n, entries);
}

describe('workbench: rule settings', () => {
  test('raising the minimum plot ratio (0.8 → 1.5) flags more parcels as inefficient (L1)', async () => {
    const page = await openWorkbench();
    const before = (await appState(page)).totals.inefficient as number;
    await setSetting(page, 'minPlotRatio', 1.5);
    expect((await appState(page)).totals.inefficient).toBeGreaterThan(before);
    await page.screenshot({ path: 'test-results/screenshots/settings.png' });
  });

  test('a longer idle period (1 → 2 years) finds fewer idle parcels', async () => {
    const page = await openWorkbench();
    const before = (await appState(page)).totals.idle as number;
    await setSetting(page, 'idleYears', 2);
    expect((await appState(page)).totals.idle).toBeLessThan(before);
  });

  test('a changed setting is saved in the browser and applied again after a reload', async () => {
    const page = await openWorkbench();
    await setSetting(page, 'idleYears', 2);
    const changed = (await appState(page)).totals.idle as number;
    await reloadApp(page);
    await waitFor(page, 's.settings.idleYears === 2 && s.totals !== null');
    expect((await appState(page)).totals.idle).toBe(changed);
  });

  test('reset restores the default settings and their counts', async () => {
    const page = await openWorkbench();
    const before = (await appState(page)).totals;
    await setSetting(page, 'minPlotRatio', 1.5);
    await setSetting(page, 'idleYears', 2);
    await page.locator('[data-testid=settings-reset]').click();
    await waitFor(page, 's.settings.idleYears === 1 && s.settings.minPlotRatio === 0.8');
    const reset = (await appState(page)).totals;
    expect(reset.idle).toBe(before.idle);
    expect(reset.inefficient).toBe(before.inefficient);
  });
});

describe('workbench: charts filter the views', () => {
  test('clicking the recovery part of a county bar filters map, tables and list to it', async () => {
    const page = await openWorkbench();
    const s = await appState(page);
    const top = s.byCounty.find((r: any) => r.recoveryMu > 0);
    await page.locator('[data-testid=chart-county]').scrollIntoViewIfNeeded();
    const pt = await page.evaluate(
      ([county, x]) => (window as any).__parkatlas.chartPoint('chart-county', county, x, 1),
      [top.key, top.feeMu + top.recoveryMu / 2] as const,
    );
    expect(pt).not.toBeNull();
    await page.mouse.click(pt.x, pt.y);
    await waitFor(page, 's.filter.counties.length === 1');
    const f = await appState(page);
    expect(f.filter.counties).toEqual([top.key]);
    expect(f.filter.disposals).toEqual(['recovery']);
    expect(f.totals.parcels).toBe(top.recovery);
    expect(f.listCounties).toEqual([top.key]);
    expect(f.visibleCount).toBe(top.recovery);
  });

  test('clicking a supply-year bar filters by supply year', async () => {
    const page = await openWorkbench();
    const s = await appState(page);
    const row = s.bySupplyYear.find((r: any) => r.disposal === 'fee' && r.mu > 0);
    await page.locator('[data-testid=chart-year]').scrollIntoViewIfNeeded();
    const pt = await page.evaluate(
      ([year, y]) => (window as any).__parkatlas.chartPoint('chart-year', year, y, 0),
      [String(row.year), row.mu / 2] as const,
    );
    expect(pt).not.toBeNull();
    await page.mouse.click(pt.x, pt.y);
    await waitFor(page, 's.filter.supplyYears.length === 1');
    const f = await appState(page);
    expect(f.filter.supplyYears).toEqual([row.year]);
    expect(f.bySupplyYear.every((r: any) => r.year === row.year)).toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/workbench-year.png' });
  });
});

describe('workbench: 亩均, tracking and export', () => {
  test('colouring the map by 亩均 class shows the class legend and draws the class colours', async () => {
    const page = await openWorkbench();
    await page.locator('[data-color-by=mujun]').click();
    await page.locator('[data-testid=legend] h4', { hasText: '亩均等级' }).waitFor();
    // Class A green appears once the map has redrawn.
    await expect.poll(() => colourPixels(page, [26, 152, 80], 20), { timeout: 10_000 }).toBeGreaterThan(10);
    await page.screenshot({ path: 'test-results/screenshots/workbench-mujun.png' });
  });

  test('the 亩均 ranking lists the enterprises best first, class A at the top', async () => {
    const page = await openWorkbench();
    await page.locator('[data-tab=ranking]').click();
    await page.locator('[data-testid=mujun-ranking] tbody tr').first().waitFor();
    await expect(page.locator('[data-testid=mujun-ranking] tbody tr').count()).resolves.toBeGreaterThan(10);
    const classes = await page.locator('[data-testid=mujun-ranking] tbody tr .cls').allTextContents();
    expect(classes[0]).toBe('A');
    // Ranked best first: the classes never go back up the list (A … B … C … D).
    expect([...classes].sort()).toEqual(classes);
  });

  test('an incomplete tracking entry is refused with a message and records nothing', async () => {
    const page = await openWorkbench();
    await openFirstParcel(page);
    await expect(page.locator('[data-testid=disposal-plan] li').count()).resolves.toBeGreaterThan(0);
    await page.locator('[data-testid=tracking-add]').click();
    await page.locator('[data-testid=tracking] [role=alert]').waitFor();
    await expect(page.locator('[data-testid=tracking-history] li').count()).resolves.toBe(0);
  });

  test('a tracking step is recorded and counted on the dashboard', async () => {
    const page = await openWorkbench();
    await openFirstParcel(page);
    await recordStep(page, 'interviewed', '2026-06-01', 1, '约谈企业法人，承诺三个月内动工');
    await stageCount(page, 'interviewed', '1');
    await page.screenshot({ path: 'test-results/screenshots/tracking.png' });
  });

  test('a recorded tracking step survives a reload and its history reads back', async () => {
    const page = await openWorkbench();
    const id = await openFirstParcel(page);
    await recordStep(page, 'interviewed', '2026-06-01', 1, '约谈企业法人，承诺三个月内动工');
    await reloadApp(page);
    // The selected parcel is part of the view (address bar), so the reload reopens its detail.
    await waitFor(page, `s.totals !== null && s.selected === '${id}'`);
    await page.locator('[data-testid=tracking-history] li').first().waitFor();
    const text = await page.locator('[data-testid=tracking-history]').textContent();
    expect(text).toContain('已约谈');
    expect(text).toContain('2026-06-01');
    expect(text).toContain('张科长');
    expect(text).toContain('约谈企业法人，承诺三个月内动工');
  });

  test('a later stage moves the parcel on the dashboard and counts toward this year’s 已收回', async () => {
    const page = await openWorkbench();
    await openFirstParcel(page);
    await recordStep(page, 'interviewed', '2026-06-01', 1);
    await stageCount(page, 'interviewed', '1');
    await recordStep(page, 'recovered', '2026-06-20', 2);
    await stageCount(page, 'recovered', '1');
    await stageCount(page, 'interviewed', '0');
    await expect(page.locator('[data-testid=revitalised-year]').textContent()).resolves.toContain('已收回 1 宗');
  });

  test('Excel export downloads one workbook whose sheets read back with the filtered lists', async () => {
    const page = await openWorkbench();
    await page.locator('[data-filter=county] [data-value="宁津县"]').click();
    await waitFor(page, 's.filter.counties.length === 1');
    const s = await appState(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-xlsx]').click()]);
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/);
    const { readWorkbook } = await import('../../src/export/xlsx');
    const tables = await readWorkbook(new Uint8Array(readFileSync(await download.path())));
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['说明', '闲置土地', '退出条件', '低效用地', '亩均评价', '盘活跟踪']));
    const idle = tables.find((t) => t.name === '闲置土地')!;
    expect(idle.rows.length).toBe(s.totals.idle);
    expect(idle.headers.some((h) => h.includes('(亩)'))).toBe(true);
    const county = idle.headers.indexOf('县区');
    expect(county).toBeGreaterThanOrEqual(0);
    expect(idle.rows.every((r) => r[county] === '宁津县')).toBe(true);
    const notes = tables.find((t) => t.name === '说明')!;
    expect(JSON.stringify(notes.rows)).toContain('2026-06-30');
  });
});
