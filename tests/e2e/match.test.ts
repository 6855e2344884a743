// 项目选址 in Chromium on the 韶关 demo: a PCB project described by the keyword "PCB" matches the
// demo's 印制电路板（PCB） node (its firms are all in 始兴县) and ranks 始兴县 sites first, with an
// explanation naming the firms it counted; a site chosen shows its breakdown and the map flies
// there; the A4 comparison page prints on one page; the ranking downloads as .xlsx.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readWorkbook } from '../../src/export/xlsx';
import { launch, openApp } from './browser';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  browser = await launch();
  dir = mkdtempSync(path.join(tmpdir(), 'parkatlas-match-'));
});
afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

interface Siting {
  nodes: string[];
  ranked: { site_id: string; county: string | null; total: number | null; cx: number; cy: number }[];
  excluded: { site_id: string; reasons: string[] }[];
  selected: string | null;
}
const siting = (page: Page): Promise<Siting | null> => page.evaluate(() => (window as any).__parkatlas.siting());

describe('project–site matching', () => {
  test('a PCB project in 韶关 ranks 始兴县 sites first, explained; detail, comparison page and .xlsx', async () => {
    const { page, consoleErrors } = await openApp(browser, '?region=shaoguan&mode=siting&asOf=2026-06-30');
    await page.fill('[data-field=text]', 'PCB');
    await expect.poll(() => page.textContent('[data-testid=match-nodes]')).toContain('印制电路板（PCB）');
    await page.fill('[data-field=muMin]', '20');
    await page.fill('[data-field=muMax]', '60');
    await page.click('[data-testid=match-run]');
    await page.waitForFunction(() => ((window as any).__parkatlas.siting()?.ranked.length ?? 0) > 0, undefined, { timeout: 120_000, polling: 200 });
    const result = (await siting(page))!;
    expect(result.nodes).toHaveLength(1);
    expect(result.ranked[0].county).toBe('始兴县');

    // The list shows the ranking, the first row explained with the PCB firms it counted nearby.
    const first = page.locator('[data-testid=match-list] li').first();
    expect(await first.getAttribute('data-county')).toBe('始兴县');
    const why = (await first.locator('[data-testid=match-why]').textContent()) ?? '';
    expect(why).toMatch(/同环节 印制电路板（PCB） 企业 \d+ 家在 15 公里内：始兴县\S+公司/);
    expect(why).toContain('上游');
    expect(why).toContain('下游');

    // Choosing it: the detail panel breaks the score down and the map flies there.
    const before = await page.evaluate(() => (window as any).__parkatlas.camera());
    await first.locator('.sm-site').click();
    await page.waitForSelector(`[data-testid=siting-detail][data-site="${result.ranked[0].site_id}"]`);
    const detail = (await page.textContent('[data-testid=site-scores]')) ?? '';
    for (const label of ['产业链契合', '用地规模', '供地条件', '园区级别', '周边亩均']) expect(detail).toContain(label);
    expect(await page.textContent('[data-testid=siting-detail]')).toContain('同环节企业');
    await expect
      .poll(async () => {
        const c = await page.evaluate(() => (window as any).__parkatlas.camera());
        return c && before ? c.zoom > before.zoom + 1 : false;
      }, { timeout: 15_000 })
      .toBe(true);

    // A numbered marker on the map chooses its site too (the second one: it sits in another county).
    const second = result.ranked[1].site_id;
    const { cx, cy } = result.ranked[1];
    await page.evaluate(([x, y]) => (window as any).__parkatlas.zoomTo(x, y, 12), [cx, cy]);
    await page.evaluate(() => (window as any).__parkatlas.mapIdle());
    const at = await page.evaluate((id) => (window as any).__parkatlas.siteScreenPoint(id), second);
    expect(at).not.toBeNull();
    await page.mouse.click(at!.x, at!.y);
    await page.waitForSelector(`[data-testid=siting-detail][data-site="${second}"]`);

    // The comparison page: one A4 page with the ranked sites.
    await page.click('[data-testid=match-compare]');
    const sheet = page.locator('[data-testid=match-page]');
    await sheet.waitFor();
    expect(await sheet.textContent()).toContain('始兴县');
    const pdf = path.join(dir, 'compare.pdf');
    await page.pdf({ path: pdf, format: 'A4', printBackground: true });
    expect(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' })).toMatch(/Pages:\s+1\n/);
    expect(execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })).toContain('印制电路板（PCB）');
    await page.keyboard.press('Escape');
    await page.locator('[data-testid=match-comparison]').waitFor({ state: 'detached' });

    // The ranking as .xlsx: the first row is the site ranked first.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=match-export]')]);
    expect(download.suggestedFilename()).toMatch(/^项目选址_韶关_2026-06-30\.xlsx$/);
    const file = path.join(dir, 'ranking.xlsx');
    writeFileSync(file, readFileSync((await download.path())!));
    const [ranking] = await readWorkbook(new Uint8Array(readFileSync(file)));
    expect(ranking.rows[0][ranking.headers.indexOf('地块编号')]).toBe(result.ranked[0].site_id);
    expect(ranking.rows[0][ranking.headers.indexOf('县区')]).toBe('始兴县');
    expect(consoleErrors).toEqual([]);
  });
});
