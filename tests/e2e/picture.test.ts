// Map pictures (导出图片): a 2× PNG of 德州 is twice the map's size on screen, carries the legend
// the screen shows — its colours are in the picture where the legend is drawn — and the 示例数据
// mark; the screen map is as it was afterwards. In English, the picture's legend is English.

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { IDLE_COLORS, PARK_LINE, type RGBA } from '../../src/map/palette';
import { codeLabel } from '../../src/i18n/dict';
import { colourPixels, launch, openApp, waitFor } from './browser';
import { countNear, decodePng } from './png';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** The map canvas's size in CSS pixels (what 1× means). */
const mapCss = (page: Page) =>
  page.evaluate(() => {
    const c = document.querySelector<HTMLCanvasElement>('[data-testid=map] canvas.maplibregl-canvas')!;
    return { width: c.clientWidth, height: c.clientHeight, pixels: c.width };
  });

/** Exports at `scale` through the dialog and returns the downloaded file's name and decoded pixels. */
async function exportPicture(page: Page, scale: number) {
  await page.locator('[data-testid=picture-button]').click();
  await page.locator(`[data-testid=picture-scale-${scale}]`).check();
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), page.locator('[data-testid=picture-export]').click()]);
  const png = decodePng(new Uint8Array(readFileSync(await download.path())));
  await expect.poll(() => page.locator('[data-testid=picture-status]').textContent()).toContain(download.suggestedFilename());
  const last = await page.evaluate(() => (window as any).__parkatlas.lastPicture());
  return { name: download.suggestedFilename(), png, last };
}

/** A colour drawn with alpha over the legend's (near-white) panel, as the picture shows it. */
const overWhite = (c: RGBA): [number, number, number] => {
  const a = c[3] / 255;
  return [0, 1, 2].map((i) => Math.round(c[i] * a + 253 * (1 - a))) as [number, number, number];
};

describe('map picture', () => {
  test('a 2× PNG of 德州 is twice the map, with the legend colours and the 示例数据 mark', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    await waitFor(page, 's.judged');
    const css = await mapCss(page);
    const recoveryBefore = await colourPixels(page, [214, 48, 39], 20);
    const address = await page.evaluate(() => (window as any).__parkatlas.url());

    const { name, png, last } = await exportPicture(page, 2);
    expect(name).toBe('ParkAtlas-德州市-闲置用地-2026-06-30@2x.png');
    expect(Math.abs(png.width - 2 * css.width)).toBeLessThanOrEqual(1);
    expect(Math.abs(png.height - 2 * css.height)).toBeLessThanOrEqual(1);

    // The picture's legend is the screen's legend, row for row.
    const screenLabels = await page.locator('[data-testid=legend] .legend-row > span:first-of-type').allTextContents();
    expect(last.legendLabels).toEqual(screenLabels);
    expect(last.legendLabels).toEqual(['未闲置', '征缴土地闲置费', '无偿收回', '协议处置', '园区']);

    // Each legend colour (palette.ts) fills its swatch in the picture…
    const expected: RGBA[] = [...IDLE_COLORS, PARK_LINE];
    expect(last.swatches.map((s: { colour: RGBA }) => s.colour)).toEqual(expected);
    for (const s of last.swatches.slice(0, 4)) {
      const area = s.box.w * s.box.h;
      expect(countNear(png, overWhite(s.colour), 12, s.box), `swatch ${s.colour}`).toBeGreaterThan(0.6 * area);
    }
    // …the park swatch has its green border…
    expect(countNear(png, overWhite(PARK_LINE), 30, last.swatches[4].box)).toBeGreaterThan(last.swatches[4].box.w);
    // …and the disposal colours are on the map as well, not only in the legend.
    for (const c of IDLE_COLORS.slice(1)) {
      const rgb: [number, number, number] = [c[0], c[1], c[2]];
      const inLegend = countNear(png, overWhite(c), 12, last.legend);
      expect(countNear(png, rgb, 40) + countNear(png, overWhite(c), 12) - inLegend, `parcels coloured ${rgb}`).toBeGreaterThan(20);
    }

    // The 示例数据 mark: its amber badge (.demo-tag #ffb300) with dark text on it.
    expect(last.marks).toHaveLength(1);
    const mark = last.marks[0];
    const amber = countNear(png, [255, 179, 0], 10, mark);
    expect(amber).toBeGreaterThan(0.5 * mark.w * mark.h);
    expect(countNear(png, [62, 39, 35], 60, mark)).toBeGreaterThan(20);

    // The page is usable again: Esc closes the dialog and gives focus back to its button…
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('[data-testid=picture-dialog]').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('picture-button');
    // …and the screen map is back at its own size and looks as before.
    const after = await mapCss(page);
    expect(after).toEqual(css);
    // Redrawing at 2× moved nothing: the address (which records the camera) is unchanged.
    expect(await page.evaluate(() => (window as any).__parkatlas.url())).toBe(address);
    await waitFor(page, 's.judged');
    const recoveryAfter = await colourPixels(page, [214, 48, 39], 20);
    expect(Math.abs(recoveryAfter - recoveryBefore)).toBeLessThanOrEqual(Math.max(5, 0.05 * recoveryBefore));
  });

  test('in English, a 1× picture has the English legend and an English file name', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30&lang=en');
    await waitFor(page, 's.judged');
    const css = await mapCss(page);
    const { name, png, last } = await exportPicture(page, 1);
    expect(name).toBe('ParkAtlas-Dezhou-Idle_land-2026-06-30@1x.png');
    expect([png.width, png.height]).toEqual([css.width, css.height]);
    expect(last.lang).toBe('en');
    expect(last.legendLabels).toEqual([...['none', 'fee', 'recovery', 'negotiate'].map((d) => codeLabel('en', `disposal:${d}`)), 'Parks']);
    expect(last.legendLabels).toEqual(await page.locator('[data-testid=legend] .legend-row > span:first-of-type').allTextContents());
    // Still marked as demo data, in English.
    expect(countNear(png, [255, 179, 0], 10, last.marks[0])).toBeGreaterThan(0.5 * last.marks[0].w * last.marks[0].h);
  });
});
