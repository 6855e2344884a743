// Promotion groups and park brochures in Chromium: a group made in the editor survives a
// reload; the 宁乐庆 joint brochure prints to an A4 PDF (Playwright's page.pdf uses the same
// print stylesheet as the print dialogue) whose text poppler reads back — group, parks, their
// 可供地 as the layout review computed it, the contact unit, 审图号 — and whose pages all render.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launch, openApp, waitReady } from './browser';

const LAYOUT = '?asOf=2026-06-30&mode=layout';
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
let browser: Browser;
let dir: string;

interface Groups {
  edited: boolean;
  groups: { group_id: string; name: string; counties: string[] }[];
  parks: { park_id: string; name: string; county: string; availableMu: number }[];
}

const groups = (page: Page): Promise<Groups> => page.evaluate(() => (window as any).__parkatlas.groups());

async function waitLayout(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const h = (window as any).__parkatlas;
    return h.state().pending === 0 && h.groups().parks.length > 0;
  }, undefined, { timeout: 60_000, polling: 100 });
}

/** Prints the page as the print dialogue would, and reads it back: text, and one PNG per page. */
function readPdf(page: Page, name: string): Promise<{ text: string; pngs: string[] }> {
  const pdf = path.join(dir, `${name}.pdf`);
  return page.pdf({ path: pdf, format: 'A4', printBackground: true }).then(() => {
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    execFileSync('pdftoppm', ['-r', '60', '-png', pdf, path.join(dir, name)]);
    const pngs = readdirSync(dir).filter((f) => f.startsWith(`${name}-`) && f.endsWith('.png')).map((f) => path.join(dir, f));
    return { text, pngs };
  });
}

beforeAll(async () => {
  browser = await launch();
  dir = mkdtempSync(path.join(tmpdir(), 'parkatlas-brochure-'));
});

afterAll(async () => {
  await browser?.close();
  // BROCHURE_KEEP=1 keeps the PDFs and page images to look at.
  if (process.env.BROCHURE_KEEP) console.log(`brochure files in ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
});

describe('promotion groups and brochures', () => {
  test('a group made in the editor is still there after a reload', async () => {
    const { page } = await openApp(browser, LAYOUT);
    await waitLayout(page);
    const before = await groups(page);
    expect(before.edited).toBe(false);
    expect(before.groups.map((g) => g.name)).toContain('宁乐庆组团');

    await page.getByTestId('group-add').click();
    const added = page.locator('[data-testid=group-panel] li.grp').last();
    await added.locator('input[type=text]').fill('德陵组团');
    // One member is not a group yet: the problem shows beside the members and nothing is stored.
    await added.locator('input[value=德城区]').check();
    await expect.poll(() => added.locator('.field-problems').textContent()).toContain('至少需要本地区的两个县区');
    expect((await groups(page)).edited).toBe(false);
    await added.locator('input[value=陵城区]').check();
    await expect.poll(async () => (await groups(page)).groups.find((g) => g.name === '德陵组团')?.counties).toEqual(['德城区', '陵城区']);

    await page.reload();
    await waitReady(page);
    await waitLayout(page);
    const after = await groups(page);
    expect(after.edited).toBe(true);
    expect(after.groups.map((g) => [g.name, g.counties])).toEqual([
      ['宁乐庆组团', ['宁津县', '乐陵市', '庆云县']],
      ['德陵组团', ['德城区', '陵城区']],
    ]);
  });

  test('the 宁乐庆 brochure prints to a PDF with its parks, figures, contact and 审图号; bilingual adds English', async () => {
    const { page } = await openApp(browser, LAYOUT);
    await waitLayout(page);
    const g = await groups(page);
    const nlq = g.groups.find((x) => x.name.includes('宁乐庆'))!;
    const parks = g.parks.filter((p) => nlq.counties.includes(p.county));
    expect(parks.length).toBeGreaterThan(1);

    await page.locator(`li[data-group="${nlq.group_id}"] [data-testid=group-brochure]`).click();
    await page.locator('[data-field=unit]').fill('宁津县投资促进局');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=brochure-pages]')?.getAttribute('data-pages')) > 0, undefined, { timeout: 60_000 });

    const zh = await readPdf(page, 'nlq-zh');
    const flat = zh.text.replace(/[ \t]+/g, ' ');
    expect(flat).toContain('宁乐庆组团招商手册');
    expect(flat).toContain('宁津县投资促进局');
    expect(flat).toContain('审图号：未填写');
    expect(flat).toContain('对外公开的地图须使用经审核的标准底图');
    expect(flat).toContain('示例数据');
    for (const p of parks) {
      expect(flat).toContain(p.name);
      // 可供地 as printed (亩, no decimals, zh-CN grouping), from the layout review's own figures.
      expect(flat).toContain(`可供地 ${p.availableMu.toLocaleString('zh-CN', { maximumFractionDigits: 0 })} 亩`);
    }
    expect(flat).not.toContain('Land available');
    // Cover, one page per park, contact page.
    expect(zh.pngs.length).toBe(parks.length + 2);
    for (const png of zh.pngs) expect(statSync(png).size).toBeGreaterThan(5_000);

    await page.locator('[data-field=approvalNo]').fill('鲁S（2026）012号');
    await page.locator('input[value=bi]').check();
    const bi = await readPdf(page, 'nlq-bi');
    const biFlat = bi.text.replace(/[ \t]+/g, ' ');
    for (const words of ['Investment guide', 'Land available', 'Chain gaps to fill', 'Map approval no.', 'Contact us', 'Ningjin County']) expect(biFlat).toContain(words);
    expect(biFlat).toContain('鲁S（2026）012号');
    expect(biFlat).not.toContain('未填写');
    expect(bi.pngs.length).toBe(parks.length + 2);
  });

  test('one park brochure opens from the keyboard, passes axe, and Esc gives focus back', async () => {
    const { page } = await openApp(browser, `${LAYOUT}&lang=en`);
    await waitLayout(page);
    const park = (await groups(page)).parks[0];
    await page.getByTestId('park-brochure-choice').selectOption(park.park_id);
    await page.getByTestId('park-brochure').focus();
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => Number(document.querySelector('[data-testid=brochure-pages]')?.getAttribute('data-pages')) === 1, undefined, { timeout: 60_000 });
    // Focus moved into the dialog; its title names the park.
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role=dialog]'))).toBe(true);
    await expect.poll(() => page.locator('#br-title').textContent()).toContain(park.name);
    await page.addScriptTag({ content: AXE_SOURCE });
    const violations: { id: string; nodes: unknown[] }[] = await page.evaluate(async () => {
      const r = await (window as any).axe.run('.br-root', { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] });
      return r.violations.map((v: any) => ({ id: v.id, nodes: v.nodes.map((n: any) => n.target.join(' ')) }));
    });
    expect(violations).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('brochure').count()).toBe(0);
    expect(await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.testid)).toBe('park-brochure');
  });
});
