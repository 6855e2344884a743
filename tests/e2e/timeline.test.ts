// The time bar (闲置用地变化) end to end: open 德州, open the bar, move it with the keyboard and the
// pointer, and see the map's pixels, the chart and the figures follow the land rules at that
// date (the rules run here in Node on the same demo files, as the command-line report runs
// them); play advances; closing returns the map to the as-of date.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openNodeDb } from '../../src/data/duckdb-node';
import { readDemoFiles } from '../../src/data/demo-files-node';
import { loadRegionFiles } from '../../src/data/import/region';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { readCategories } from '../../src/analysis/findings-columns';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { captureMap, launch, openApp, waitFor } from './browser';

const AS_OF = '2026-06-30';
let browser: Browser;
let db: Awaited<ReturnType<typeof openNodeDb>>;

beforeAll(async () => {
  browser = await launch();
  db = await openNodeDb();
  await loadRegionFiles(db, readDemoFiles('dezhou'));
});

afterAll(async () => {
  await browser?.close();
  db?.close();
});

/** Idle parcels by the land rules with `asOf` as the as-of date, on the same demo files. */
async function rulesIdleCount(asOf: string): Promise<number> {
  await runLandRules(db, asOf, DEFAULT_SETTINGS);
  return (await readCategories(db)).filter((c) => c !== 0).length;
}

type Timeline = { date: string | null; dates: string[]; idleParcels: number | null; idleM2: number[]; revitalisedM2: number[] };
const timeline = (page: Page): Promise<Timeline> => page.evaluate(() => (window as any).__parkatlas.timeline());

/** The map's pixels as a person sees them, as one string to compare two moments. */
async function mapShot(page: Page): Promise<string> {
  // Only the map: the bar, its button and what moves above the bar while it is open are hidden.
  const moved = '.legend, .pic-button, .bm-attribution, .maplibregl-ctrl-bottom-right, .maplibregl-ctrl-bottom-left';
  await page.addStyleTag({ content: `.timebar, .timebar-open, ${moved} { visibility: hidden !important; }` });
  await captureMap(page);
  await page.evaluate(() => document.head.lastElementChild?.remove());
  return page.evaluate(() => {
    const d: Uint8ClampedArray = (window as any).__mapShot.data;
    // A checksum over all pixels: equal shots give equal sums; any recolouring changes it.
    let h = 0;
    for (let i = 0; i < d.length; i++) h = (h * 31 + d[i]) | 0;
    return String(h);
  });
}

/** Waits for the map to draw its next frame after a change. */
async function nextFrame(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.waitForTimeout(300);
}

describe('time bar', () => {
  test('scrubbing changes map, chart and figures to the rules at that date; play advances; closing restores', async () => {
    const { page, consoleErrors } = await openApp(browser, `?region=dezhou&asOf=${AS_OF}`, { width: 1440, height: 900 });
    await nextFrame(page);
    const before = await mapShot(page);

    await page.click('[data-testid=timeline-open]');
    await page.waitForFunction(() => (window as any).__parkatlas.timeline().dates.length > 0, undefined, { timeout: 60_000 });
    let t = await timeline(page);
    // The bar opens at the as-of date, which ends it; quarter ends before it.
    expect(t.date).toBe(AS_OF);
    expect(t.dates[t.dates.length - 1]).toBe(AS_OF);
    expect(t.dates).toContain('2020-12-31');
    expect(page.url()).toContain(`t=${AS_OF}`);
    expect(t.idleParcels).toBe(await rulesIdleCount(AS_OF));
    await nextFrame(page);
    // At the as-of date the map looks as before the bar opened.
    expect(await mapShot(page)).toBe(before);

    // Keyboard: eight quarters back with the arrow key on the slider.
    await page.locator('[data-testid=timeline-slider]').focus();
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowLeft');
    t = await timeline(page);
    const back = t.dates[t.dates.length - 9];
    expect(t.date).toBe(back);
    await expect.poll(() => page.locator('[data-testid=timeline-date]').textContent()).toBe(back);
    expect(t.idleParcels).toBe(await rulesIdleCount(back!));
    expect(t.idleParcels).toBeLessThan(await rulesIdleCount(AS_OF));
    await nextFrame(page);
    const atBack = await mapShot(page);
    expect(atBack).not.toBe(before);
    // The chart's idle 亩 at that stop is the figure beside it, and differs from the as-of stop.
    const i = t.dates.indexOf(back!);
    expect(t.idleM2[i]).toBeLessThan(t.idleM2[t.dates.length - 1]);
    const shownMu = Number((await page.locator('[data-testid=timeline-idle-mu]').textContent())!.replace(/,/g, ''));
    expect(shownMu).toBe(Math.round((t.idleM2[i] * 15) / 10000));

    // Pointer: a click near the slider's left end goes to the early years, with few idle parcels.
    const box = (await page.locator('[data-testid=timeline-slider]').boundingBox())!;
    await page.mouse.click(box.x + 6, box.y + box.height / 2);
    t = await timeline(page);
    expect(t.dates.indexOf(t.date!)).toBeLessThan(3);
    expect(t.idleParcels).toBe(await rulesIdleCount(t.date!));
    await nextFrame(page);
    expect(await mapShot(page)).not.toBe(atBack);

    // Play steps forward about once a second, then pause stops it.
    const start = t.date!;
    await page.click('[data-testid=timeline-play]');
    await page.waitForFunction((d) => (window as any).__parkatlas.timeline().date > d, start, { timeout: 5000 });
    await page.click('[data-testid=timeline-play]');
    const paused = (await timeline(page)).date;
    await page.waitForTimeout(1500);
    expect((await timeline(page)).date).toBe(paused);

    // Closing returns the map to the as-of date and the address loses the bar's date.
    await page.click('[data-testid=timeline-close]');
    await waitFor(page, 'true');
    expect((await timeline(page)).date).toBeNull();
    expect(page.url()).not.toContain('t=');
    await nextFrame(page);
    expect(await mapShot(page)).toBe(before);
    expect(consoleErrors).toEqual([]);
  });

  test('a shared link reopens the bar at its date', async () => {
    const { page } = await openApp(browser, `?region=dezhou&asOf=${AS_OF}&t=2021-12-31`, { width: 1366, height: 768 });
    await page.waitForFunction(() => (window as any).__parkatlas.timeline().dates.length > 0, undefined, { timeout: 60_000 });
    const t = await timeline(page);
    expect(t.date).toBe('2021-12-31');
    await expect.poll(() => page.locator('[data-testid=timeline-date]').textContent()).toBe('2021-12-31');
    expect(t.idleParcels).toBe(await rulesIdleCount('2021-12-31'));
  });
});
