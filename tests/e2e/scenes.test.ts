// Preparing and giving a promotion-meeting presentation: three scenes saved from the map, kept
// across a reload, presented with the keys a clicker sends (each scene's camera, mode and layers
// restored), and share links — of the current view and of a scene — that open the same view in
// a fresh browser.

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, onTestFinished, test } from 'vitest';
import { appState, launch, openApp, reloadApp, waitFor, waitReady } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const CAMS = [
  { lng: 116.8, lat: 37.65, zoom: 10, bearing: 0, pitch: 0 },
  { lng: 117.2, lat: 37.7, zoom: 11.5, bearing: 25, pitch: 30 },
  { lng: 117.4, lat: 37.77, zoom: 12, bearing: 0, pitch: 0 },
];

async function openScenes(page: Page) {
  if ((await page.locator('[data-testid=scenes-panel]').count()) > 0) return;
  if ((await page.locator('[data-testid=scenes-open]').count()) === 0) await page.locator('[data-testid=header-more]').click();
  await page.locator('[data-testid=scenes-open]').click();
  await page.locator('[data-testid=scenes-panel]').waitFor();
}

async function addScene(page: Page, title: string, caption: string) {
  await openScenes(page);
  await page.fill('[data-testid=scene-title]', title);
  await page.fill('[data-testid=scene-caption]', caption);
  const before = (await appState(page)).scenes.length;
  await page.click('[data-testid=scene-add]');
  await waitFor(page, `s.scenes.length === ${before + 1}`);
  await page.keyboard.press('Escape');
}

/** Waits until the map has settled on `c` (the camera it reports after a flight). */
async function cameraAt(page: Page, c: (typeof CAMS)[number]) {
  await waitFor(
    page,
    `s.camera && Math.abs(s.camera.lng - ${c.lng}) < 1e-4 && Math.abs(s.camera.lat - ${c.lat}) < 1e-4 && Math.abs(s.camera.zoom - ${c.zoom}) < 0.01 && Math.abs((s.camera.bearing ?? 0) - ${c.bearing}) < 0.2 && Math.abs((s.camera.pitch ?? 0) - ${c.pitch}) < 0.2`,
    20_000,
  );
}

describe('scenes and presenting', () => {
  test('three scenes survive a reload and are presented with the keyboard, each at its camera', { timeout: 240_000 }, async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30', { width: 1920, height: 1080 });
    await page.evaluate((c) => (window as any).__parkatlas.turnTo(c), CAMS[0]);
    await cameraAt(page, CAMS[0]);
    await addScene(page, '德州全市', '闲置土地一张图');

    await page.locator('[data-mode=layout]').click();
    await waitFor(page, "s.mode === 'layout'");
    await page.evaluate((c) => (window as any).__parkatlas.turnTo(c), CAMS[1]);
    await cameraAt(page, CAMS[1]);
    await addScene(page, '乐陵', '园区布局，斜视');

    await page.locator('[data-mode=idle]').click();
    await page.locator('[data-testid=layers-toggle]').click();
    await page.locator('[data-layer=parks]').uncheck();
    await waitFor(page, 's.layers.parks === false');
    await page.evaluate((c) => (window as any).__parkatlas.turnTo(c), CAMS[2]);
    await cameraAt(page, CAMS[2]);
    await addScene(page, '庆云', '不显示园区');

    await reloadApp(page);
    const kept = await appState(page);
    expect(kept.scenes.map((s: { title: string }) => s.title)).toEqual(['德州全市', '乐陵', '庆云']);

    // Back to a plain view, then present from the first scene.
    await page.evaluate(() => (window as any).__parkatlas.fitPlace());
    await openScenes(page);
    await page.click('[data-testid=present-start]');
    await page.locator('[data-testid=presenter]').waitFor();
    await waitFor(page, 's.presenting === 0');
    await cameraAt(page, CAMS[0]);
    expect(await page.locator('[data-testid=presenter-title]').textContent()).toBe('德州全市');
    expect(await page.locator('[data-testid=presenter-caption]').textContent()).toBe('闲置土地一张图');
    expect(await page.locator('[data-testid=presenter-demo]').textContent()).toBe('示例数据');
    expect(await page.locator('[data-testid=presenter-progress]').textContent()).toContain('1 / 3');

    await page.keyboard.press('PageDown');
    await waitFor(page, 's.presenting === 1');
    await cameraAt(page, CAMS[1]);
    expect((await appState(page)).mode).toBe('layout');

    await page.keyboard.press('Space');
    await waitFor(page, 's.presenting === 2');
    await cameraAt(page, CAMS[2]);
    const third = await appState(page);
    expect(third.mode).toBe('idle');
    expect(third.layers.parks).toBe(false);

    await page.keyboard.press('Home');
    await waitFor(page, 's.presenting === 0');
    await cameraAt(page, CAMS[0]);
    expect((await appState(page)).layers.parks).toBe(true);
    await page.keyboard.press('End');
    await waitFor(page, 's.presenting === 2');
    await page.keyboard.press('ArrowLeft');
    await waitFor(page, 's.presenting === 1');
    await cameraAt(page, CAMS[1]);

    await page.keyboard.press('Escape');
    await waitFor(page, 's.presenting === null');
    expect(await page.locator('[data-testid=presenter]').count()).toBe(0);
    // Presenting left no trail in the history: Back leaves the app's first entry alone.
    expect(await page.locator('header').isVisible()).toBe(true);
  });

  test('the address and a scene’s copied link open the same view in a fresh browser', { timeout: 180_000 }, async () => {
    const { page, context } = await openApp(browser, '?asOf=2026-06-30', { width: 1600, height: 900 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.locator('[data-filter=county] [data-value="乐陵市"]').click();
    await page.locator('[data-mode=workbench]').click();
    await waitFor(page, "s.mode === 'workbench' && s.filter.counties.length === 1");
    const first = (await appState(page)).firstListed as string;
    await page.locator(`[data-testid=parcel-list] li[data-parcel-id="${first}"] button`).first().click();
    await waitFor(page, `s.selected === '${first}'`);
    // After the flight to the parcel, the presenter turns and tilts the map.
    await page.waitForTimeout(2500);
    await page.evaluate((c) => (window as any).__parkatlas.turnTo(c), CAMS[1]);
    await cameraAt(page, CAMS[1]);
    const view = await page.evaluate(() => (window as any).__parkatlas.view());
    const url = await page.evaluate(() => (window as any).__parkatlas.url());

    const fresh = await browser.newContext({ viewport: { width: 1600, height: 900 }, locale: 'zh-CN' });
    onTestFinished(() => fresh.close());
    const other = await fresh.newPage();
    await other.goto(url);
    await waitReady(other);
    await waitFor(other, `s.selected === '${first}'`);
    expect(await other.evaluate(() => (window as any).__parkatlas.view())).toEqual(view);

    // A scene of this view, copied as a link, opens it too.
    await addScene(page, '乐陵盘活', '');
    await openScenes(page);
    await page.locator('[data-testid=scene-copy-link]').first().click();
    await page.locator('[data-testid=scenes-panel] .ok').waitFor();
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(inject('baseUrl'))).toBe(true);
    const third = await fresh.newPage();
    await third.goto(link);
    await waitReady(third);
    await waitFor(third, `s.selected === '${first}'`);
    const fromScene = await third.evaluate(() => (window as any).__parkatlas.view());
    expect({ ...fromScene, wall: false }).toEqual({ ...view, wall: false });
  });

  test('an outdated scene link opens the nearest valid view and says what was dropped', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30&park=NO-SUCH-PARK&group=GONE&hide=parks,roads&cluster=x');
    const s = await appState(page);
    expect(s.filter.parkIds).toEqual([]);
    expect(s.group).toBeNull();
    expect(s.layers.parks).toBe(false);
    const said = s.notices.join(' ');
    expect(said).toContain('NO-SUCH-PARK');
    expect(said).toContain('GONE');
    expect(said).toContain('roads');
    expect(said).toContain('cluster');
  });
});
