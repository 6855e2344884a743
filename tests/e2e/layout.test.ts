// The park-layout review in Chromium: clusters, county overlap, chain map. Each test opens its
// own page in the layout mode.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type AppPage, colourPixels, launch, openApp, clickHeader } from './browser';

const LAYOUT = '?asOf=2026-06-30&mode=layout';
const TEAL: [number, number, number] = [0, 150, 136];
let browser: Browser;

async function layout(a: AppPage): Promise<Record<string, any>> {
  return a.page.evaluate(() => (window as any).__parkatlas.layout());
}

async function review(a: AppPage): Promise<Record<string, any>> {
  return a.page.evaluate(() => (window as any).__parkatlas.review());
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

/** Opens the layout review (`extra` adds query parameters) once its clusters and chain are computed. */
async function openLayout(extra = ''): Promise<AppPage> {
  const app = await openApp(browser, LAYOUT + extra);
  await waitLayout(app, 'l.clusters.length > 0 && l.nodes.length > 0');
  return app;
}

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

describe('park layout review', () => {
  test('the 宁津–乐陵–庆云 parks form one cross-county cluster, apart from 德城区', async () => {
    const app = await openLayout();
    const l = await layout(app);
    const nlq = l.clusters.find((c: any) => c.counties.includes('宁津县'));
    expect(nlq).toBeTruthy();
    expect(new Set(nlq.counties)).toEqual(new Set(['宁津县', '乐陵市', '庆云县']));
    expect(nlq.multiCounty).toBe(true);
    const list = await app.page.locator('[data-testid=cluster-list] li').allTextContents();
    expect(list.some((t) => t.includes('宁津县') && t.includes('乐陵市') && t.includes('庆云县') && t.includes('组团招商候选'))).toBe(true);
    await app.page.screenshot({ path: 'test-results/screenshots/layout-dezhou.png' });
  });

  test('a smaller cluster distance splits 宁津 from 庆云', async () => {
    const app = await openLayout();
    const { page } = app;
    const before = (await layout(app)).clusters.length;
    await page.locator('[data-setting=epsKm]').fill('5');
    await page.locator('[data-setting=epsKm]').press('Enter');
    await waitLayout(app, `l.clusters.length !== ${before}`);
    const l = await layout(app);
    expect(l.clusters.every((c: any) => !(c.counties.includes('宁津县') && c.counties.includes('庆云县')))).toBe(true);
  });

  test('choosing a pair in the overlap matrix lists their shared chain nodes', async () => {
    const app = await openLayout();
    const { page } = app;
    const l = await layout(app);
    const pair = l.highPairs[0];
    expect(pair).toBeTruthy();
    expect(l.overlapCounties).toContain(pair.a);
    // Heat-map cell (x = county b, y = county a).
    const pt = await page.evaluate(
      ([a, b]) => (window as any).__parkatlas.chartPoint('overlap-matrix', b, 0, 0, a),
      [pair.a, pair.b] as const,
    );
    expect(pt).not.toBeNull();
    await page.mouse.click(pt.x, pt.y);
    await waitLayout(app, 'l.pair !== null');
    const after = await layout(app);
    expect(new Set([after.pair.a, after.pair.b])).toEqual(new Set([pair.a, pair.b]));
    expect(after.pair.shared.length).toBeGreaterThan(0);
    await expect(page.locator('[data-testid=shared-nodes] li').count()).resolves.toBe(after.pair.shared.length);
    await page.screenshot({ path: 'test-results/screenshots/layout-pair.png' });
  });

  test('choosing a chain node highlights its parcels on the map', async () => {
    const app = await openLayout();
    const { page } = app;
    const node = (await layout(app)).nodes.find((n: any) => !n.gap && n.parcels > 0);
    const tealBefore = await colourPixels(page, TEAL, 20);
    await page.locator(`[data-node="${node.id}"]`).click();
    await waitLayout(app, `l.selectedNode === '${node.id}'`);
    expect((await layout(app)).highlighted).toBe(node.parcels);
    await expect(page.locator('[data-testid=node-detail]').isVisible()).resolves.toBe(true);
    // The highlight colour is really drawn where there was none before (once the map redraws).
    await expect.poll(() => colourPixels(page, TEAL, 20), { timeout: 10_000 }).toBeGreaterThan(tealBefore + 20);
    await page.screenshot({ path: 'test-results/screenshots/layout-chain.png' });
  });

  test('chain nodes without any enterprise are marked 补链', async () => {
    const app = await openLayout();
    const gaps = (await layout(app)).nodes.filter((n: any) => n.gap);
    expect(gaps.length).toBeGreaterThan(0);
    const marked = await app.page.locator('.node.gap').evaluateAll((els) => els.map((e) => e.getAttribute('data-node')));
    expect(marked.sort()).toEqual(gaps.map((n: any) => n.id).sort());
    for (const id of marked) {
      await expect(app.page.locator(`[data-node="${id}"] .gap-tag`).textContent()).resolves.toContain('补链');
    }
  });

  test('the chain diagram shows a gap node by name, and its detail names its neighbours, not their ids', async () => {
    const app = await openLayout();
    const { page } = app;
    const gap = (await review(app)).nodes.find((n: any) => n.gap);
    expect(gap).toBeTruthy();
    const box = page.locator(`[data-testid=chain-graph] [data-node="${gap.id}"]`);
    await expect(box.textContent()).resolves.toContain(gap.name);
    await expect(box.getAttribute('data-coverage')).resolves.toBe('gap');
    await box.focus();
    await page.keyboard.press('Enter');
    await waitLayout(app, `l.selectedNode === '${gap.id}'`);
    const neighbours = (await page.locator('[data-testid=gap-neighbours]').textContent()) ?? '';
    for (const name of [...gap.feeds, ...gap.fedBy]) expect(neighbours).toContain(name);
    expect(neighbours).not.toMatch(/[A-Z]{2}-[A-Z]{2,}-\d+/);
  });

  test('the 组团招商候选 badge is absent on a cross-county cluster without shared or linked main industries', async () => {
    const app = await openLayout('&region=shaoguan');
    const { page } = app;
    await waitLayout(app, "l.chainId && l.chainId.startsWith('SG')");
    const clusters = (await review(app)).clusters;
    const plain = clusters.find((c: any) => c.multiCounty && !c.candidate);
    expect(plain).toBeTruthy();
    const items = page.locator('[data-testid=cluster-list] li');
    await expect(items.count()).resolves.toBe(clusters.length);
    for (let i = 0; i < clusters.length; i++) {
      const badges = await items.nth(i).locator('[data-testid=promotion-badge]').count();
      expect(badges).toBe(clusters[i].candidate ? 1 : 0);
    }
    const i = clusters.indexOf(plain);
    await expect(items.nth(i).locator('[data-testid=promotion-reason]').textContent()).resolves.toContain('主业不同');
  });

  test('complementary links of a county pair are listed once each', async () => {
    const app = await openLayout();
    const { page } = app;
    const pair = (await layout(app)).highPairs[0];
    const pt = await page.evaluate(
      ([a, b]) => (window as any).__parkatlas.chartPoint('overlap-matrix', b, 0, 0, a),
      [pair.a, pair.b] as const,
    );
    await page.mouse.click(pt.x, pt.y);
    await waitLayout(app, 'l.pair !== null');
    const links = (await review(app)).complementary;
    expect(links.length).toBeGreaterThan(0);
    const keys = links.map((l: any) => [l.from, l.to].sort().join('|'));
    expect(new Set(keys).size).toBe(keys.length);
    const rows = await page.locator('[data-testid=complementary] li').allTextContents();
    expect(rows).toHaveLength(links.length);
    expect(new Set(rows).size).toBe(rows.length);
  });

  test('choosing counties narrows clusters, the overlap matrix and the suggestions', async () => {
    const app = await openLayout();
    const { page } = app;
    for (const c of ['宁津县', '乐陵市', '庆云县']) {
      await page.locator(`.sidebar [data-filter=county] [data-value="${c}"]`).click();
    }
    await waitLayout(app, 'l.overlapCounties.length === 3 && l.clusters.length === 1');
    const l = await layout(app);
    expect(new Set(l.overlapCounties)).toEqual(new Set(['宁津县', '乐陵市', '庆云县']));
    expect(new Set(l.clusters[0].counties)).toEqual(new Set(['宁津县', '乐陵市', '庆云县']));
    const rows = await page.locator('[data-testid=stage-grid] tbody tr td:first-child').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(['宁津县', '乐陵市', '庆云县'].some((c) => r.startsWith(c))).toBe(true);
    await expect(page.locator('[data-testid=active-filters]').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/layout-filtered.png' });
  });

  test('韶关: urban terminal makers are paired with 始兴 PCB', async () => {
    const app = await openLayout('&region=shaoguan');
    const { page } = app;
    await waitLayout(app, "l.chainId && l.chainId.startsWith('SG')");
    const chains = await page.locator('[data-testid=chain-select] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    const ele = chains.find((c) => c.startsWith('SG-ELE'))!;
    await page.locator('[data-testid=chain-select]').selectOption(ele);
    await waitLayout(app, `l.chainId === '${ele}'`);
    const l = await layout(app);
    expect(l.suggestions.some((s: string) => s.includes('始兴县') && /PCB|印制电路板/.test(s))).toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/layout-shaoguan.png' });
  });

  test('the wall-screen button shows only map, title with 示例数据 and legend, and brings the panels back', async () => {
    const { page } = await openApp(browser, `${LAYOUT}&region=shaoguan`);
    await clickHeader(page, 'wall-toggle');
    await expect(page.locator('.sidebar').isVisible()).resolves.toBe(false);
    await expect(page.locator('.right').isVisible()).resolves.toBe(false);
    const title = (await page.locator('[data-testid=map-title]').textContent()) ?? '';
    expect(title).toContain('韶关市');
    expect(title).toContain('示例数据');
    await expect(page.locator('[data-testid=legend]').isVisible()).resolves.toBe(true);
    await page.screenshot({ path: 'test-results/screenshots/wall-shaoguan.png' });
    await clickHeader(page, 'wall-toggle');
    await expect(page.locator('.sidebar').isVisible()).resolves.toBe(true);
  });
});
