// The view in the address bar, in Chromium: choices update the address, Back restores the
// previous view, a pasted link opens the view it names, and a bad link still opens a view.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appState, launch, openApp, waitFor, waitReady } from './browser';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

const params = (url: string) => Object.fromEntries(new URL(url).searchParams);

describe('address bar', () => {
  test('a filter replaces the entry, a region choice adds one, and Back restores region and filter', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    expect(params(page.url())).toEqual({ region: 'dezhou', lang: 'zh', asOf: '2026-06-30' });
    await page.locator('[data-filter=county] [data-value="宁津县"]').click();
    await waitFor(page, 's.filter.counties.length === 1');
    expect(params(page.url()).county).toBe('宁津县');
    const filtered = (await appState(page)).totals.parcels;
    await page.locator('[data-region=lanzhou]').click();
    await waitFor(page, "s.region === 'lanzhou' && s.totals !== null");
    expect(params(page.url())).toEqual({ region: 'lanzhou', lang: 'zh', asOf: '2026-06-30' });
    await page.goBack();
    await waitFor(page, "s.region === 'dezhou' && s.filter.counties.length === 1 && s.totals !== null");
    expect((await appState(page)).totals.parcels).toBe(filtered);
    await page.context().close();
  });

  test('a pasted link opens its view; invalid parameters open the nearest valid one with a note', async () => {
    const good = await openApp(browser, '?region=shaoguan&lang=en&asOf=2025-12-31&mode=layout');
    const s = await appState(good.page);
    expect(s).toMatchObject({ region: 'shaoguan', lang: 'en', asOf: '2025-12-31', mode: 'layout' });
    await good.page.context().close();

    const bad = await openApp(browser, '?region=atlantis&asOf=2025-02-30&mode=nope');
    await waitReady(bad.page);
    const b = await appState(bad.page);
    expect(b).toMatchObject({ phase: 'ready', region: 'dezhou', mode: 'idle' });
    await expect(bad.page.locator('[data-testid=notices]').textContent()).resolves.toContain('atlantis');
    expect(params(bad.page.url())).toEqual({ region: 'dezhou', lang: 'zh' });
    await bad.page.context().close();
  });
});
