// 闲置预警 in Chromium on the 德州 demo at a fixed as-of date: the 预警 tab lists exactly the rows
// the same query gives in Node on the demo files, a row selects its parcel, the 督办清单 downloads
// with a sheet per county, and the "days until idle" colouring changes the map.

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { type WarningRow, runWarnings } from '../../src/analysis/warnings';
import { readDemoFiles } from '../../src/data/demo-files-node';
import { openNodeDb } from '../../src/data/duckdb-node';
import { loadRegionFiles } from '../../src/data/import/region';
import { DAYS_TO_IDLE_PALETTE } from '../../src/map/palette';
import { appState, colourPixels, launch, openApp, waitFor } from './browser';

// A date at which the demo has lines of every kind within 90 days (and fewer within 30).
const AS_OF = '2026-06-30';
let browser: Browser;
let node90: WarningRow[];
let node30: WarningRow[];

beforeAll(async () => {
  browser = await launch();
  const db = await openNodeDb();
  try {
    await loadRegionFiles(db, readDemoFiles('dezhou'));
    node90 = await runWarnings(db, AS_OF, DEFAULT_SETTINGS);
    node30 = await runWarnings(db, AS_OF, { ...DEFAULT_SETTINGS, warningWindowDays: 30 });
  } finally {
    db.close();
  }
});

afterAll(async () => {
  await browser?.close();
});

type Hooked = { list: WarningRow[]; asOf: string; windowDays: number; bins: number[] | null };

async function hookWarnings(page: Page): Promise<Hooked | null> {
  return page.evaluate(() => (window as any).__parkatlas.warnings());
}

/** Opens the workbench's 预警 tab and waits until the list for `days` is shown. */
async function openWarnings(): Promise<Page> {
  const { page } = await openApp(browser, `?region=dezhou&asOf=${AS_OF}&mode=workbench`);
  await page.locator('[data-tab=warnings]').click();
  await page.locator('[data-testid=warning-list]').waitFor();
  await page.waitForFunction(() => (window as any).__parkatlas.warnings() !== null, undefined, { timeout: 30_000 });
  return page;
}

/** The rows on screen, as `parcel line date`. */
async function shownRows(page: Page): Promise<string[]> {
  return page.$$eval('[data-testid=warning-rows] li', (lis) =>
    lis.map((li) => `${(li as HTMLElement).dataset.parcelId} ${(li as HTMLElement).dataset.line} ${(li as HTMLElement).dataset.date}`),
  );
}

const asRows = (list: readonly WarningRow[]) => list.map((w) => `${w.parcel_id} ${w.line} ${w.line_date}`);

describe('闲置预警', { timeout: 180_000 }, () => {
  test('lists the rows of the Node query, by date, for the window chosen', async () => {
    const page = await openWarnings();
    expect(new Set(node90.map((w) => w.line))).toEqual(new Set(['becomes_idle', 'recovery', 'E1', 'E2']));
    const hooked = await hookWarnings(page);
    expect(hooked?.asOf).toBe(AS_OF);
    expect(hooked?.list).toEqual(node90);
    expect(await shownRows(page)).toEqual(asRows(node90));
    await expect(page.locator('[data-testid=warnings-count]').textContent()).resolves.toContain(String(node90.length));

    // 30 days: the list follows the setting.
    expect(node30.length).toBeLessThan(node90.length);
    await page.locator('[data-window="30"]').click();
    await waitFor(page, 's.settings.warningWindowDays === 30');
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=warning-rows] li').length === n, node30.length);
    expect(await shownRows(page)).toEqual(asRows(node30));

    // Filtered by a line: only that line's rows, still by date.
    await page.locator('[data-window="90"]').click();
    await page.waitForFunction((n) => document.querySelectorAll('[data-testid=warning-rows] li').length === n, node90.length);
    await page.locator('.warn-lines [data-line=recovery]').click();
    expect(await shownRows(page)).toEqual(asRows(node90.filter((w) => w.line === 'recovery')));
  });

  test('clicking a row selects that parcel, as the parcel list does', async () => {
    const page = await openWarnings();
    const target = node90[Math.floor(node90.length / 2)];
    await page.locator(`[data-testid=warning-rows] li[data-parcel-id="${target.parcel_id}"] button`).first().click();
    await waitFor(page, `s.parcel === ${JSON.stringify(target.parcel_id)}`);
    await page.locator('[data-testid=detail-panel]').waitFor();
    expect((await appState(page)).parcel).toBe(target.parcel_id);
  });

  test('the 督办清单 downloads with a sheet per responsible county and the window on the 说明 sheet', async () => {
    const page = await openWarnings();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid=export-warnings]').click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^督办清单_.+_${AS_OF}\\.xlsx$`));
    const { readWorkbook } = await import('../../src/export/xlsx');
    const sheets = await readWorkbook(new Uint8Array(readFileSync(await download.path())));
    const counties = [...new Set(node90.map((w) => w.county))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
    expect(sheets.map((s) => s.name)).toEqual(['说明', '全部预警', ...counties]);
    for (const c of counties) {
      const sheet = sheets.find((s) => s.name === c)!;
      // Parcel id and deadline per row, in list order.
      expect(sheet.rows.map((r) => `${r[2]} ${r[5]}`)).toEqual(node90.filter((w) => w.county === c).map((w) => `${w.parcel_id} ${w.line_date}`));
      expect(sheet.rows.every((r) => typeof r[7] === 'string' && r[7].length > 0)).toBe(true);
    }
    const window = sheets[0].rows.find((r) => r[0] === '预警范围');
    expect(window?.[2]).toBe('90 天');
  });

  test('colouring by days until idle changes the map and matches the idle count', async () => {
    const page = await openWarnings();
    const idleColour = DAYS_TO_IDLE_PALETTE[5].slice(0, 3) as [number, number, number];
    const before = await colourPixels(page, idleColour, 18);
    await page.locator('[data-color-by=days_to_idle]').click();
    await page.waitForFunction(() => (window as any).__parkatlas.warnings()?.bins !== null, undefined, { timeout: 30_000 });
    const hooked = (await hookWarnings(page))!;
    const idle = hooked.bins!.filter((b) => b === 5).length;
    // Already idle by the bins = idle parcels by the rules at the same date.
    expect(idle).toBe((await appState(page)).totals.idle);
    // Within 90 days = the "becomes idle" warnings.
    expect(hooked.bins!.filter((b) => b >= 1 && b <= 3).length).toBe(node90.filter((w) => w.line === 'becomes_idle').length);
    // The map draws the plum of land already idle where it drew disposal colours before.
    await expect.poll(() => colourPixels(page, idleColour, 18), { timeout: 20_000 }).toBeGreaterThan(before + 20);
    // The legend counts the same bins.
    const toggle = page.locator('[data-testid=legend-toggle]');
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    await expect(page.locator('[data-testid=legend-days-idle]').textContent()).resolves.toBe(idle.toLocaleString('en-US'));
  });
});
