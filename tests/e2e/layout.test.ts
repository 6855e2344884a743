// The park-layout review in Chromium: clusters, county overlap, chain map.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AppPage, colourPixels, launch, openApp, waitFor } from './browser';

let browser: Browser;
let app: AppPage;

async function layout(a: AppPage): Promise<Record<string, any>> {
  return a.page.evaluate(() => (window as any).__parkatlas.layout());
}

async function waitLayout(a: AppPage, predicate: string): Promise<void> {
  await a.page.waitForFunction(
    (p) => {
      const hook = (window as any).__parkatlas;
      return hook.state().pending === 0 && new Function('l', `return (${p});`)(hook.layout());
    },
    predicate,
    { timeout: 60_000, polling: 100 },
  );
}

beforeAll(async () => {
  browser = await launch();
  app = await openApp(browser, '?asOf=2026-06-30&mode=layout');
  await waitLayout(app, 'l.clusters.length > 0 && l.nodes.length > 0');
});

afterAll(async () => {
  await browser?.close();
});

describe('park layout review', () => {
  test('the 宁津–乐陵–庆云 parks form one cross-county cluster, apart from 德城区', async () => {
    const l = await layout(app);
    const nlq = l.clusters.find((c: any) => c.counties.includes('宁津县'));
    expect(nlq).toBeTruthy();
    expect(new Set(nlq.counties)).toEqual(new Set(['宁津县', '乐陵市', '庆云县']));
    expect(nlq.multiCounty).toBe(true);
    const list = await app.page.locator('[data-testid=cluster-list] li').allTextContents();
    expect(list.some((t) => t.includes('宁津县') && t.includes('乐陵市') && t.includes('庆云县') && t.includes('组团招商候选'))).toBe(true);
    await app.page.screenshot({ path: 'test-results/screenshots/layout-dezhou.png' });
  });

  test('a smaller cluster distance splits the clusters', async () => {
    const { page } = app;
    const before = (await layout(app)).clusters.length;
    await page.locator('[data-setting=epsKm]').fill('5');
    await page.locator('[data-setting=epsKm]').press('Enter');
    await waitLayout(app, `l.clusters.length !== ${before}`);
    const l = await layout(app);
    expect(l.clusters.every((c: any) => !(c.counties.includes('宁津县') && c.counties.includes('庆云县')))).toBe(true);
    await page.locator('[data-setting=epsKm]').fill('30');
    await page.locator('[data-setting=epsKm]').press('Enter');
    await waitLayout(app, `l.clusters.length === ${before}`);
  });

  test('choosing a pair in the overlap matrix lists their shared chain nodes', async () => {
    const { page } = app;
    const l = await layout(app);
    const pair = l.highPairs[0];
    expect(pair).toBeTruthy();
    const counties: string[] = l.overlapCounties;
    // Heat-map cell (x = county b, y = county a).
    const pt = await page.evaluate(
      ([a, b]) => {
        const hook = (window as any).__parkatlas;
        return hook.chartPoint('overlap-matrix', b, 0, 0, a);
      },
      [pair.a, pair.b] as const,
    );
    expect(pt).not.toBeNull();
    await page.mouse.click(pt.x, pt.y);
    await waitLayout(app, 'l.pair !== null');
    const after = await layout(app);
    expect(new Set([after.pair.a, after.pair.b])).toEqual(new Set([pair.a, pair.b]));
    expect(after.pair.shared.length).toBeGreaterThan(0);
    const items = await page.locator('[data-testid=shared-nodes] li').count();
    expect(items).toBe(after.pair.shared.length);
    expect(counties).toContain(pair.a);
    await page.screenshot({ path: 'test-results/screenshots/layout-pair.png' });
    await page.locator('[data-testid=pair-detail] .close').click();
    await waitLayout(app, 'l.pair === null');
  });

  test('choosing a chain node highlights its parcels on the map; gap nodes are marked 补链', async () => {
    const { page } = app;
    const l = await layout(app);
    const node = l.nodes.find((n: any) => !n.gap && n.parcels > 0);
    const tealBefore = await colourPixels(page, [0, 150, 136], 20);
    await page.locator(`[data-node="${node.id}"]`).click();
    await waitLayout(app, `l.selectedNode === '${node.id}'`);
    const after = await layout(app);
    expect(after.highlighted).toBe(node.parcels);
    await expect(page.locator('[data-testid=node-detail]').isVisible()).resolves.toBe(true);
    const gaps = await page.locator('.node.gap').count();
    expect(gaps).toBe(l.nodes.filter((n: any) => n.gap).length);
    // The highlight colour (teal) is really drawn where there was none before.
    await page.waitForTimeout(300);
    const tealAfter = await colourPixels(page, [0, 150, 136], 20);
    expect(tealAfter).toBeGreaterThan(tealBefore + 20);
    await page.screenshot({ path: 'test-results/screenshots/layout-chain.png' });
  });

  test('choosing counties narrows clusters, the overlap matrix and the suggestions', async () => {
    const { page } = app;
    for (const c of ['宁津县', '乐陵市', '庆云县']) {
      await page.locator(`.sidebar [data-filter=county] [data-value="${c}"]`).click();
    }
    await waitLayout(app, 'l.overlapCounties.length === 3 && l.clusters.length === 1');
    const l = await layout(app);
    expect(new Set(l.overlapCounties)).toEqual(new Set(['宁津县', '乐陵市', '庆云县']));
    expect(new Set(l.clusters[0].counties)).toEqual(new Set(['宁津县', '乐陵市', '庆云县']));
    const rows = await page.locator('[data-testid=stage-grid] tbody tr td:first-child').allTextContents();
    for (const r of rows) expect(['宁津县', '乐陵市', '庆云县'].some((c) => r.startsWith(c))).toBe(true);
    await expect(page.locator('[data-testid=active-filters]').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/layout-filtered.png' });
    await page.locator('[data-testid=active-filters] .link').click();
    await waitLayout(app, 'l.overlapCounties.length > 3');
  });

  test('韶关: urban terminal makers are paired with 始兴 PCB', async () => {
    const { page } = app;
    await page.locator('[data-region=shaoguan]').click();
    await waitFor(page, "s.region === 'shaoguan'", 60_000);
    await waitLayout(app, "l.chainId && l.chainId.startsWith('SG')");
    const chains = await page.locator('[data-testid=chain-select] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const ele = chains.find((c) => c.startsWith('SG-ELE'))!;
    await page.locator('[data-testid=chain-select]').selectOption(ele);
    await waitLayout(app, `l.chainId === '${ele}'`);
    const l = await layout(app);
    expect(l.suggestions.some((s: string) => s.includes('始兴县') && /PCB|印制电路板/.test(s))).toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/layout-shaoguan.png' });
  });

  test('wall-screen mode shows map, title with 示例数据 and legend only', async () => {
    const { page } = app;
    await page.locator('[data-testid=wall-toggle]').click();
    await expect(page.locator('.sidebar').isVisible()).resolves.toBe(false);
    await expect(page.locator('.right').isVisible()).resolves.toBe(false);
    const title = (await page.locator('[data-testid=map-title]').textContent()) ?? '';
    expect(title).toContain('韶关市');
    expect(title).toContain('示例数据');
    await expect(page.locator('[data-testid=legend]').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/wall-shaoguan.png' });
    await page.locator('[data-testid=wall-toggle]').click();
    await expect(page.locator('.sidebar').isVisible()).resolves.toBe(true);
  });
});
