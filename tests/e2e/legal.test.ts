// Legal text stays true when settings change or the as-of date lies in the past: a changed
// statutory figure is announced on the map title and the wall screen (and after a reload), the
// explanation quotes 第十四条 in its own words with the local setting beside it, and a start
// dated after the as-of date is treated as not yet happened, in the panel as in the rules.

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appState, launch, openApp, reloadApp, waitFor, clickHeader } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const notice = (page: Page) => page.locator('[data-testid=settings-notice]');

async function setSetting(page: Page, key: string, value: number): Promise<void> {
  await clickHeader(page, 'settings-open');
  await page.locator(`[data-setting=${key}]`).fill(String(value));
  await page.locator(`[data-setting=${key}]`).press('Enter');
  await waitFor(page, `s.settings.${key} === ${value}`);
  await page.keyboard.press('Escape');
}

describe('non-statutory settings', () => {
  test('a recovery period of 3 years is announced everywhere and never written into 第十四条', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    expect(await notice(page).count()).toBe(0);
    await setSetting(page, 'recoveryYears', 3);
    await expect.poll(() => notice(page).textContent()).toContain('非法定设置');
    expect(await notice(page).textContent()).toContain('无偿收回年限 3 年（法定：2 年）');

    // The longest-idle parcel still charged a fee: idle over two years, so the statute would recover it.
    await page.evaluate(() => (window as any).__parkatlas.setFilter({ disposals: ['fee'] }));
    await waitFor(page, `s.filter.disposals.length === 1 && s.firstListed !== null`);
    const id = (await appState(page)).firstListed as string;
    await page.locator(`[data-testid=parcel-list] li[data-parcel-id="${id}"]`).click();
    const why = page.locator('[data-testid=detail-why]');
    await why.waitFor();
    const text = (await why.textContent()) ?? '';
    expect(text).toContain('第十四条第（一）项：未动工开发满一年的，按照土地出让或者划拨价款的百分之二十征缴土地闲置费');
    expect(text).toContain('本判定按本地设置（非法定）：无偿收回年限 3 年');
    expect(text).not.toMatch(/满 ?\d+ ?年未满 ?\d+ ?年/);

    // Saved with the settings: still announced after a reload, in English too, and on the wall screen.
    await reloadApp(page);
    expect(await notice(page).textContent()).toContain('无偿收回年限 3 年（法定：2 年）');
    await page.locator('[data-testid=lang-switch]').click();
    await expect.poll(() => notice(page).textContent()).toContain('Non-statutory settings');
    expect(await notice(page).textContent()).toContain('Years until recovery 3 yr (statute: 2 yr)');
    await clickHeader(page, 'wall-toggle');
    await page.locator('.app.wall').waitFor();
    expect(await notice(page).isVisible()).toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/non-statutory-wall.png' });
  });
});

describe('as-of rules', () => {
  test('at a past as-of date, a parcel that started later is idle (not started) and the panel says why', async () => {
    // A demo parcel that started well over a year after its agreed start date.
    const geo = JSON.parse(readFileSync('data/demo/dezhou/parcels.geojson', 'utf8')) as {
      features: { properties: Record<string, string | null> }[];
    };
    const addYear = (d: string, days: number) => {
      const t = new Date(`${d}T00:00:00Z`);
      t.setUTCFullYear(t.getUTCFullYear() + 1);
      t.setUTCDate(t.getUTCDate() + days);
      return t.toISOString().slice(0, 10);
    };
    const p = geo.features
      .map((f) => f.properties)
      .find((x) => x.agreed_start_date && x.actual_start_date && !x.halted_since && x.actual_start_date > addYear(x.agreed_start_date, 60))!;
    expect(p).toBeDefined();
    const asOf = addYear(p.agreed_start_date!, 30);
    const { page } = await openApp(browser, `?asOf=${asOf}&parcel=${p.parcel_id}`);
    await page.locator('[data-testid=detail-panel]').waitFor();
    expect(await page.locator('[data-testid=detail-verdict]').textContent()).toContain('未动工闲置');
    const why = (await page.locator('[data-testid=detail-why]').textContent()) ?? '';
    expect(why).toContain(`实际动工日期 ${p.actual_start_date} 晚于评估日期，按当时尚未发生判定`);
    expect(await page.locator('[data-testid=detail-panel]').textContent()).toContain(`${p.actual_start_date}（晚于评估日期，按尚未发生计）`);
    // The title says the as-of date is in the past.
    expect(await page.locator('[data-testid=past-as-of]').isVisible()).toBe(true);
    // Today the same parcel has started and is not idle.
    const now = await openApp(browser, `?parcel=${p.parcel_id}`);
    await now.page.locator('[data-testid=detail-panel]').waitFor();
    expect(await now.page.locator('[data-testid=detail-verdict]').textContent()).not.toContain('未动工闲置');
    expect(await now.page.locator('[data-testid=past-as-of]').count()).toBe(0);
  });
});
