// 招商项目库 in Chromium: in 德州 a project added in 宁津县 is referred to 乐陵市 inside 宁乐庆组团
// with a 30 % share; it shows as 流出 in 宁津's funnel, 流入 in 乐陵's and once in the group's;
// it survives a reload; the Excel export reads back with its referral columns.

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readWorkbook } from '../../src/export/xlsx';
import { clickHeader, launch, openApp, waitReady } from './browser';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.1 A/AA violations inside the pipeline panel and the project detail. */
async function axeViolations(page: Page): Promise<{ id: string; nodes: string[] }[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const r = await (window as any).axe.run(
      { include: [['[data-testid=pipeline-panel]'], ['[data-testid=project-detail]']] },
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] },
    );
    return r.violations.map((v: any) => ({ id: v.id, nodes: v.nodes.map((n: any) => n.target.join(' ')).slice(0, 3) }));
  });
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

interface Pipeline {
  edited: boolean;
  projects: { project_id: string; name: string; county: string; stage: string; referred_from: string | null; referred_to: string | null; share_out_pct: number | null }[];
}
const pipeline = (page: Page): Promise<Pipeline> => page.evaluate(() => (window as any).__parkatlas.pipeline());

const NAME = '宁津县健身器材整机测试项目';

async function openPipeline(page: Page): Promise<void> {
  await page.locator('[data-tab=pipeline]').click();
  await page.getByTestId('pipeline-panel').waitFor();
}

describe('project pipeline and referral', () => {
  test('refer a project from 宁津县 to 乐陵市 and see it in both funnels, once in the group, after a reload and in Excel', async () => {
    const { page } = await openApp(browser, '?mode=siting&asOf=2026-06-30');
    await openPipeline(page);
    const before = await pipeline(page);
    expect(before.edited).toBe(false);
    expect(before.projects.length).toBeGreaterThan(10);

    // Add the project in 宁津县.
    await page.getByTestId('pl-add').click();
    const form = page.getByTestId('project-form');
    await form.locator('[name=name]').fill(NAME);
    await form.locator('[name=investment_wan]').fill('20000');
    await form.locator('[name=land_need_mu_min]').fill('30');
    await form.locator('[name=land_need_mu_max]').fill('50');
    await form.locator('select[name=county]').selectOption('宁津县');
    await form.locator('[name=date]').fill('2026-03-01');
    await page.getByTestId('project-save').click();
    const detail = page.getByTestId('project-detail');
    await expect.poll(() => detail.locator('h3').textContent()).toBe(NAME);
    const id = (await detail.getAttribute('data-project'))!;

    // Refer it: a bad share is refused next to its field, 30 % is stored.
    await page.getByTestId('refer-open').click();
    const refer = page.getByTestId('refer-form');
    await refer.locator('select[name=referred_to]').selectOption('乐陵市');
    await refer.locator('[name=share_out_pct]').fill('130');
    await refer.locator('[name=referred_date]').fill('2026-03-15');
    await page.getByTestId('refer-submit').click();
    await expect.poll(() => refer.locator('.field-problems').textContent()).toContain('0 到 100');
    await refer.locator('[name=share_out_pct]').fill('30');
    await page.getByTestId('refer-submit').click();
    await expect.poll(() => page.getByTestId('referral-text').textContent()).toContain('30%');
    expect(await axeViolations(page)).toEqual([]);
    const stored = (await pipeline(page)).projects.find((p) => p.project_id === id)!;
    expect(stored).toMatchObject({ county: '乐陵市', referred_from: '宁津县', referred_to: '乐陵市', share_out_pct: 30 });

    // 宁津县: listed as 流出 with its share, not counted.
    const funnel = page.getByTestId('pl-funnel');
    await page.getByTestId('pl-filter-county').selectOption('宁津县');
    await expect.poll(() => funnel.getByTestId('pl-funnel-outflow').locator(`li[data-project="${id}"]`).textContent()).toContain('分成 30%');
    expect(await funnel.locator(`[data-testid=pl-funnel-inflow] li[data-project="${id}"]`).count()).toBe(0);
    // 乐陵市: counted, as 流入.
    await page.getByTestId('pl-filter-county').selectOption('乐陵市');
    await expect.poll(() => funnel.getByTestId('pl-funnel-inflow').locator(`li[data-project="${id}"]`).textContent()).toContain('宁津县');
    const all = await pipeline(page);
    const inLeling = all.projects.filter((p) => (p.referred_to || p.county) === '乐陵市').length;
    expect(Number(await funnel.getAttribute('data-total'))).toBe(inLeling);

    // The group: each project once.
    await page.getByTestId('pl-filter-county').selectOption('');
    await page.getByTestId('pl-filter-group').selectOption('NLQ');
    const members = ['宁津县', '乐陵市', '庆云县'];
    const inGroup = all.projects.filter((p) => members.includes(p.referred_to || p.county)).length;
    await expect.poll(async () => Number(await funnel.getAttribute('data-total'))).toBe(inGroup);
    expect(await funnel.locator(`li[data-project="${id}"]`).count()).toBe(1);
    expect(await page.locator(`[data-testid=pl-list] li[data-project="${id}"]`).count()).toBe(1);

    // Reload: still there, from this browser's storage.
    await page.reload();
    await waitReady(page);
    await openPipeline(page);
    const after = await pipeline(page);
    expect(after.edited).toBe(true);
    expect(after.projects.find((p) => p.project_id === id)).toMatchObject({ name: NAME, referred_from: '宁津县', referred_to: '乐陵市', share_out_pct: 30 });
    await page.getByTestId('pl-filter-county').selectOption('宁津县');
    await expect.poll(() => page.getByTestId('pl-funnel-outflow').locator(`li[data-project="${id}"]`).count()).toBe(1);

    // Excel: the project row carries the referral; the 说明 sheet comes first.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('pl-export').click()]);
    expect(download.suggestedFilename()).toMatch(/^招商项目库_德州_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const tables = await readWorkbook(new Uint8Array(readFileSync((await download.path())!)));
    expect(tables.map((t) => t.name)).toEqual(['说明', '招商项目', '项目漏斗']);
    const sheet = tables[1];
    const row = sheet.rows.find((r) => r[0] === id)!;
    const col = (h: string) => row[sheet.headers.indexOf(h)];
    expect([col('项目名称'), col('流出县区'), col('流入县区'), col('流出地分成比例(%)'), col('流转日期')]).toEqual([NAME, '宁津县', '乐陵市', 30, '2026-03-15']);
    const funnelRow = tables[2].rows.find((r) => r[0] === '宁津县')!;
    expect(String(funnelRow[tables[2].headers.indexOf('流出明细')])).toContain(`${NAME}→乐陵市（分成30%）`);

    // In English the panel reads the same figures, with no accessibility problem either.
    await page.locator(`[data-testid=pl-list] li[data-project="${id}"] button`).click();
    await clickHeader(page, 'lang-switch');
    await expect.poll(() => page.getByTestId('pl-funnel-outflow').locator(`li[data-project="${id}"]`).textContent()).toContain('Referred out to Leling, share 30%');
    expect(await axeViolations(page)).toEqual([]);
  });
});
