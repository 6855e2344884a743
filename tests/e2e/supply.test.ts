// 可供地 in Chromium: the unsupplied-land layer draws in 园区布局 and its 图层 switch hides it; the
// park panel shows the three parts with the test hook's figures; a factories file (GeoJSON
// points) goes through the import dialog and its vacant floor reaches the candidate sites.

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { clickHeader, launch, openApp, waitFor } from './browser';
import { decodePng } from './png';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PARK = 'DZ-P05';

type Supply = {
  candidates: { site_id: string; kind: string; park_id: string | null; area_m2: number | null; vacant_floor_m2: number | null; readiness: string }[];
  parks: { park_id: string; unsuppliedMu: number | null; returningMu: number; vacantFloorM2: number | null; availableMu: number; method: string }[];
};

const supply = (page: Page): Promise<Supply> => page.evaluate(() => (window as any).__parkatlas.supply());

/** Waits until the candidate sites and the park figures built from them are in the state. */
async function waitSupply(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const h = (window as any).__parkatlas;
      const s = h.supply();
      return h.state().pending === 0 && s !== null && s.parks.length > 0;
    },
    undefined,
    { timeout: 120_000, polling: 200 },
  );
}

async function mapShot(page: Page) {
  await page.evaluate(() => (window as any).__parkatlas.mapIdle());
  return decodePng(await page.locator('[data-testid=map]').screenshot());
}

describe('available land (可供地)', () => {
  test('the unsupplied-land layer draws in 园区布局 and the 图层 switch hides it', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30&mode=layout', { width: 1440, height: 900 });
    await waitSupply(page);
    // The panel lists every park; choosing one flies there, so its unsupplied land fills a good part of the map.
    await page.locator(`[data-testid=supply-parks] tr[data-park="${PARK}"] button`).click();
    await page.locator(`[data-testid=supply-park][data-park="${PARK}"]`).waitFor();
    await waitFor(page, 's.pending === 0');
    const on = await mapShot(page);
    const legend = () => page.locator('[data-testid=legend]').textContent();
    await expect(legend()).resolves.toContain('未供应土地（可供地）');
    // The 图层 menu is closed again before each picture: it lies over the map.
    const toggle = async (on: boolean) => {
      await page.locator('[data-testid=layers-toggle]').click();
      await page.locator('[data-layer=available]').setChecked(on);
      await waitFor(page, `s.layers.available === ${on}`);
      await page.locator('[data-testid=layers-toggle]').click();
    };
    await toggle(false);
    const off = await mapShot(page);
    expect([off.width, off.height]).toEqual([on.width, on.height]);
    let changed = 0;
    for (let i = 0; i < on.data.length; i += 4) {
      if (Math.abs(on.data[i] - off.data[i]) + Math.abs(on.data[i + 1] - off.data[i + 1]) + Math.abs(on.data[i + 2] - off.data[i + 2]) > 24) changed++;
    }
    // The layer covers a visible share of the park's surroundings, and only it changed.
    expect(changed / (on.width * on.height)).toBeGreaterThan(0.01);
    await expect(legend()).resolves.not.toContain('未供应土地（可供地）');
    // Back on: the same picture as before.
    await toggle(true);
    const again = await mapShot(page);
    let differs = 0;
    for (let i = 0; i < on.data.length; i += 4) if (Math.abs(on.data[i + 1] - again.data[i + 1]) > 24) differs++;
    expect(differs / (on.width * on.height)).toBeLessThan(0.002);
    await page.screenshot({ path: 'test-results/screenshots/supply-layer.png' });
  });

  test("a park's panel shows unsupplied land, land coming back and vacant factory floor as the hook computes them", async () => {
    const { page } = await openApp(browser, `?asOf=2026-06-30&mode=layout&park=${PARK}`);
    await waitSupply(page);
    const s = await supply(page);
    const p = s.parks.find((x) => x.park_id === PARK)!;
    expect(p.method).toBe('polygon');
    const panel = page.locator(`[data-testid=supply-park][data-park="${PARK}"]`);
    await panel.waitFor();
    const mu = async (id: string, attr = 'data-mu') => Number(await panel.locator(`[data-testid=${id}]`).getAttribute(attr));
    expect(await mu('supply-unsupplied')).toBeCloseTo(p.unsuppliedMu!, 9);
    expect(await mu('supply-returning')).toBeCloseTo(p.returningMu, 9);
    expect(await mu('supply-total')).toBeCloseTo(p.availableMu, 9);
    expect(await mu('supply-factories', 'data-m2')).toBe(p.vacantFloorM2);
    // The panel's figures are the candidate sites' sums: land in 亩, factory floor apart in m²
    // (the hook lists the pieces and factories; returning parcels stay in the database table).
    const mine = s.candidates.filter((c) => c.park_id === PARK);
    const sumMu = (kind: string) => mine.filter((c) => c.kind === kind).reduce((a, c) => a + (c.area_m2 ?? 0), 0) * 15 / 10000;
    expect(sumMu('unsupplied')).toBeCloseTo(p.unsuppliedMu!, 6);
    expect(mine.filter((c) => c.kind === 'factory').reduce((a, c) => a + c.vacant_floor_m2!, 0)).toBe(p.vacantFloorM2);
    expect(p.vacantFloorM2).toBeGreaterThan(0);
    // Shown as the planner reads them (zh-CN grouping, at most one decimal).
    const text = await panel.textContent();
    expect(text).toContain(`${p.unsuppliedMu!.toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 亩`);
    expect(text).toContain(`${p.returningMu.toLocaleString('zh-CN', { maximumFractionDigits: 1 })} 亩`);
    expect(text).toContain(`${p.vacantFloorM2!.toLocaleString('zh-CN', { maximumFractionDigits: 0 })} m² 建筑面积`);
    expect(text).toContain('可供地 = 园区边界内的未供应土地');
  });

  test('a factories GeoJSON of points goes through the import dialog and its vacant floor reaches the candidate sites', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    await clickHeader(page, 'import-open');
    await page.locator('[data-testid=import-dialog]').waitFor();
    const file = (name: string, type = 'application/geo+json') => ({ name, mimeType: type, buffer: readFileSync(`data/demo/dezhou/${name}`) });
    await page.locator('[data-testid=import-files]').setInputFiles([file('parks.geojson'), file('parcels.geojson'), file('factories.geojson')]);
    await page.locator('[data-testid=import-file]').nth(2).waitFor();
    const tables = await page.locator('[data-testid=import-table]').evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    expect(tables).toContain('factories');
    await page.locator('[data-testid=import-commit]').click();
    await waitFor(page, "s.region.startsWith('ws-') && s.parcelCount > 1000", 120_000);
    await page.locator('[data-mode=layout]').click();
    await waitSupply(page);
    const features = JSON.parse(readFileSync('data/demo/dezhou/factories.geojson', 'utf8')).features as { properties: { factory_id: string; vacant_area_m2: number } }[];
    const vacant = features.filter((f) => f.properties.vacant_area_m2 > 0);
    const s = await supply(page);
    const factories = s.candidates.filter((c) => c.kind === 'factory');
    expect(factories.map((c) => c.site_id).sort()).toEqual(vacant.map((f) => `F:${f.properties.factory_id}`).sort());
    expect(factories.every((c) => c.park_id !== null && c.readiness === 'ready')).toBe(true);
    const total = s.parks.reduce((a, p) => a + (p.vacantFloorM2 ?? 0), 0);
    expect(total).toBe(vacant.reduce((a, f) => a + f.properties.vacant_area_m2, 0));
  });
});
