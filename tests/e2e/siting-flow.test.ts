// 招商选址 as one workflow in Chromium: a project of the 招商项目库 is matched from its detail (the
// sites tab opens with its results) and the chosen site is recorded on the project, surviving a
// reload; imported planning limits (the demo's 规划管控, 示例数据) draw on the map, can be
// switched off, and exclude sites with their reasons: a young park outside the urban development
// boundary zoned M1 refuses an M2 project, and the red line over 翁源 takes part of its park.

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { colourPixels, launch, openApp, reloadApp } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const hook = <T>(page: Page, fn: string): Promise<T> => page.evaluate((f) => (window as any).__parkatlas[f](), fn);
const ranked = async (page: Page) => (await hook<{ ranked: { site_id: string }[] } | null>(page, 'siting'))?.ranked ?? [];

describe('招商选址 workflow', () => {
  test('a pipeline project is matched from its detail and the chosen site is kept on it', async () => {
    const { page, consoleErrors } = await openApp(browser, '?region=dezhou&mode=siting&asOf=2026-06-30');
    // The first project still negotiating, straight from the demo's projects table.
    const lines = readFileSync('data/demo/dezhou/projects.csv', 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const [id, , node] = lines.find((c) => c[8] === 'negotiating')!;
    await page.locator('[data-tab=pipeline]').click();
    await page.locator(`[data-project="${id}"] .pl-row`).click();
    await page.waitForSelector('[data-testid=project-detail]');
    await page.getByTestId('match-project').click();
    // The sites tab opens and the project's own node is what was matched.
    await expect.poll(() => page.getAttribute('[data-tab=match]', 'aria-selected')).toBe('true');
    await page.waitForFunction(() => ((window as any).__parkatlas.siting()?.ranked.length ?? 0) > 0, undefined, { timeout: 120_000, polling: 200 });
    expect((await hook<{ nodes: string[] }>(page, 'siting')).nodes).toEqual([node]);
    const first = (await ranked(page))[0].site_id;
    await page.locator('[data-testid=match-list] li').first().locator('.sm-site').click();
    await page.waitForSelector(`[data-testid=siting-detail][data-site="${first}"]`);
    await page.getByTestId('link-site').click();
    await page.waitForSelector('[data-testid=site-linked]');
    const project = async () => (await hook<{ projects: { project_id: string; matched_site: string | null }[] }>(page, 'pipeline')).projects.find((p) => p.project_id === id);
    expect((await project())?.matched_site).toBe(first);
    // Saved with the place's work: a reload keeps it, and the project's detail names the site.
    await reloadApp(page);
    expect((await project())?.matched_site).toBe(first);
    await page.locator('[data-tab=pipeline]').click();
    await page.locator(`[data-project="${id}"] .pl-row`).click();
    expect(await page.textContent('[data-testid=matched-site]')).toMatch(/\S/);
    expect(consoleErrors).toEqual([]);
  });

  test('planning limits draw, switch off, and exclude sites with their reasons', async () => {
    const { page, consoleErrors } = await openApp(browser, '?region=shaoguan&mode=siting&asOf=2026-06-30');
    // 翁源经济开发区 (SG-P06): the demo's red line covers its east side.
    await page.evaluate(() => (window as any).__parkatlas.zoomTo(114.1532, 24.3256, 13));
    await page.evaluate(() => (window as any).__parkatlas.mapIdle());
    // The red line's translucent fill over the plain map beside the park (a pale red); parcels
    // coloured 无偿收回 are a deeper red and do not match it.
    const pale: [number, number, number] = [245, 208, 205];
    let shown = 0;
    await expect.poll(async () => (shown = await colourPixels(page, pale, 12)), { timeout: 20_000 }).toBeGreaterThan(2000);
    await page.getByTestId('layers-toggle').click();
    await page.locator('[data-layer=zones]').uncheck();
    await page.evaluate(() => (window as any).__parkatlas.mapIdle());
    await expect.poll(() => colourPixels(page, pale, 12), { timeout: 20_000 }).toBeLessThan(shown / 10);
    expect(page.url()).toContain('hide=zones');
    await page.locator('[data-layer=zones]').check();

    await page.fill('[data-field=text]', 'PCB');
    await page.selectOption('[data-field=industrialClass]', 'M2');
    await page.click('[data-testid=match-run]');
    await page.waitForFunction(() => ((window as any).__parkatlas.siting()?.ranked.length ?? 0) > 0, undefined, { timeout: 120_000, polling: 200 });
    const result = await hook<{ ranked: { site_id: string; county: string | null }[]; excluded: { site_id: string; reasons: string[] }[] }>(page, 'siting');
    const excluded = new Map(result.excluded.map((x) => [x.site_id, x.reasons]));
    // The data centre start-up area: outside the boundary and zoned M1, too light for an M2 project.
    const idc = [...excluded].filter(([id]) => id.startsWith('U:SG-P12:'));
    expect(idc.length).toBeGreaterThan(0);
    for (const [, reasons] of idc) expect(reasons).toEqual(expect.arrayContaining(['outside_urban', 'land_class']));
    expect([...excluded].some(([id, reasons]) => id.startsWith('U:SG-P06:') && reasons.includes('redline'))).toBe(true);
    // Nothing excluded is ranked, and 始兴 (M2, inside the boundary) still leads.
    expect(result.ranked.some((r) => excluded.has(r.site_id))).toBe(false);
    expect(result.ranked[0].county).toBe('始兴县');
    // The list says why, in words.
    expect(await page.textContent('[data-testid=match-panel]')).toContain('城镇开发边界');
    expect(consoleErrors).toEqual([]);
  });
});
