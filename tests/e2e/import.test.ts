// Planners' own data in Chromium: a registry Shapefile (CGCS2000 3-degree Gauss-Krüger, GBK
// DBF) joined to an Excel ledger (title row, Chinese headings, Excel serial dates), a GBK CSV
// with GCJ-02 coordinates; the data survives a reload, and a workspace file opens in a fresh
// browser profile with the same counts and findings.

import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { appState, launch, openApp, reloadApp, waitFor, clickHeader } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

// `echo "4168075 39482100" | cs2cs -f %.9f EPSG:4527 EPSG:4490` (PROJ 9.1.1): the centre of
// ZD001's shell (its label point) in the registry's CGCS2000 GK zone 39 coordinates.
const ZD001_CENTRE = [116.797177813, 37.644641306] as const;

function metres(a: readonly number[], b: readonly number[]): number {
  const dx = (a[0] - b[0]) * 111320 * Math.cos((b[1] * Math.PI) / 180);
  const dy = (a[1] - b[1]) * 110540;
  return Math.hypot(dx, dy);
}

/** A supervision ledger as counties keep it: a merged title row, Chinese headings, serial dates. */
async function ledgerXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('批后监管台账');
  ws.addRow(['宁津县 2026 年建设用地批后监管台账']);
  ws.mergeCells('A1:F1');
  ws.addRow(['宗地编号', '土地使用权人', '用地面积（亩）', '约定动工日期', '实际开工日期', '出让价款（万元）']);
  // 44927 = 2023-01-01 (Excel serial, 1900 system).
  ws.addRow(['ZD001', '宁津县恒达机械有限公司', 45, 44927, null, '1,250.5']);
  ws.addRow(['ZD002', '山东堃鑫新材料有限公司', 30, 44927, 45100, 980]);
  ws.addRow(['ZD003', '庆云县某化工有限公司', 90, 45200, null, 2000]);
  for (const r of [3, 4, 5]) for (const c of [4, 5]) ws.getCell(r, c).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function openImport(page: Page): Promise<void> {
  await clickHeader(page, 'import-open');
  await page.locator('[data-testid=import-dialog]').waitFor();
}

async function importFiles(page: Page, files: { name: string; mimeType: string; buffer: Buffer }[]): Promise<void> {
  await page.locator('[data-testid=import-files]').setInputFiles(files);
  await page.locator('[data-testid=import-file]').nth(files.length - 1).waitFor();
}

describe('importing own data', () => {
  test('a GK Shapefile joined to an Excel ledger lands within a metre, runs the rules and survives a reload', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    await openImport(page);
    await importFiles(page, [
      { name: '宁津宗地.zip', mimeType: 'application/zip', buffer: readFileSync('tests/fixtures/formats/parcels-cgcs2000-gk39-gbk.zip') },
      { name: '批后监管台账.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: await ledgerXlsx() },
    ]);
    await page.locator('[data-testid=import-check-run]').click();
    await page.locator('[data-testid=import-check]').waitFor();
    await expect(page.locator('[data-testid=import-joined]').textContent()).resolves.toContain('匹配 3 宗');
    await page.screenshot({ path: 'test-results/screenshots/import-dialog.png', fullPage: true });
    await page.locator('[data-testid=import-commit]').click();
    await waitFor(page, "s.region.startsWith('ws-') && s.parcelCount === 3", 60_000);

    const s = await appState(page);
    const where = await page.evaluate(() => (window as any).__parkatlas.parcelLngLat('ZD001'));
    expect(metres(where, ZD001_CENTRE)).toBeLessThan(1);
    // The ledger's dates and 亩 reached the rules: ZD001 agreed to start 2023-01-01 and never did.
    expect(s.totals.idle).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-testid=demo-badge]').count()).toBe(0);

    await reloadApp(page);
    await waitFor(page, `s.region === '${s.region}' && s.parcelCount === 3`);
    expect((await appState(page)).totals).toEqual(s.totals);
  });

  test('a GBK CSV with GCJ-02 coordinates lands where the GCJ-02 shift puts it', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    await openImport(page);
    // GBK bytes made with iconv (tests/fixtures/formats/README.md): Node cannot encode GBK.
    const csv = readFileSync('tests/fixtures/formats/parcels-gcj02-gbk.csv');
    await importFiles(page, [{ name: '台账.csv', mimeType: 'text/csv', buffer: csv }]);
    const crs = page.locator('[data-testid=import-crs]');
    const options = await crs.locator('option').allTextContents();
    const gcj = options.findIndex((o) => o.includes('GCJ-02'));
    expect(gcj).toBeGreaterThanOrEqual(0);
    await crs.selectOption(String(gcj));
    await page.locator('[data-testid=import-commit]').click();
    await waitFor(page, "s.region.startsWith('ws-') && s.parcelCount === 2", 60_000);
    const where = await page.evaluate(() => (window as any).__parkatlas.parcelLngLat('GC-1'));
    // gcoord: GCJ-02 (116.5, 37.6) → WGS84; the shift near 德州 is ~500 m west (data/boundaries/README.md).
    expect(where[0]).toBeLessThan(116.5 - 0.003);
    expect(where[0]).toBeGreaterThan(116.5 - 0.01);
  });

  test('next month’s ledger shows what changed, keeps the mapping and keeps tracking records', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    await openImport(page);
    await importFiles(page, [{ name: '台账.csv', mimeType: 'text/csv', buffer: readFileSync('tests/fixtures/formats/parcels-gcj02-gbk.csv') }]);
    const crs = page.locator('[data-testid=import-crs]');
    const gcj = (await crs.locator('option').allTextContents()).findIndex((o) => o.includes('GCJ-02'));
    await crs.selectOption(String(gcj));
    await page.locator('[data-testid=import-commit]').click();
    await waitFor(page, "s.region.startsWith('ws-') && s.parcelCount === 2", 60_000);
    const region = (await appState(page)).region;

    // A tracking step on GC-1.
    await page.locator('[data-testid=parcel-list] li[data-parcel-id="GC-1"]').click();
    await page.locator('[data-testid=tracking-stage]').selectOption('interviewed');
    await page.locator('[data-testid=tracking-date]').fill('2026-06-01');
    await page.locator('[data-testid=tracking-person]').fill('张科长');
    await page.locator('[data-testid=tracking-add]').click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid=tracking-history] li').length === 1);

    // Next month: the same headings, one area changed, one parcel added.
    await openImport(page);
    await expect(page.locator('[data-testid=import-target]').inputValue()).resolves.toBe(region);
    await importFiles(page, [{ name: '台账-12月.csv', mimeType: 'text/csv', buffer: readFileSync('tests/fixtures/formats/parcels-gcj02-gbk-next-month.csv') }]);
    await page.locator('[data-testid=mapping-remembered]').waitFor();
    const crs2 = page.locator('[data-testid=import-crs]');
    await crs2.selectOption(String((await crs2.locator('option').allTextContents()).findIndex((o) => o.includes('GCJ-02'))));
    await page.locator('[data-testid=import-check-run]').click();
    await expect(page.locator('[data-testid=import-diff]').textContent()).resolves.toContain('新增 1 宗，变更 1 宗，移除 0 宗');
    await page.locator('[data-testid=import-commit]').click();
    await waitFor(page, `s.region === '${region}' && s.parcelCount === 3`, 60_000);

    await page.locator('[data-testid=parcel-list] li[data-parcel-id="GC-1"]').click();
    // On a timeout, say what the app was doing (selection, history, failed derivations).
    await page.locator('[data-testid=tracking-history] li').first().waitFor().catch(async (e) => {
      const s = await appState(page);
      throw new Error(`${(e as Error).message}\nstate: ${JSON.stringify({ phase: s.phase, parcel: s.parcel, selected: s.selected, historyLength: s.historyLength, failed: s.failed, pending: s.pending, notices: s.notices })}`);
    });
    await expect(page.locator('[data-testid=tracking-history]').textContent()).resolves.toContain('张科长');
  });

  test('a workspace file opens in a fresh browser profile with identical counts', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    await openImport(page);
    await importFiles(page, [{ name: '宁津宗地.zip', mimeType: 'application/zip', buffer: readFileSync('tests/fixtures/formats/parcels-cgcs2000-gk39-gbk.zip') }]);
    await page.locator('[data-testid=import-commit]').click();
    await waitFor(page, "s.region.startsWith('ws-') && s.parcelCount === 3", 60_000);
    const before = await appState(page);

    await clickHeader(page, 'workspace-menu');
    const download = page.waitForEvent('download');
    await page.locator(`[data-workspace="${before.region}"] [data-action=export]`).click();
    const file = await (await download).path();
    const bytes = readFileSync(file!);

    const fresh = await openApp(browser, '?asOf=2026-06-30');
    await clickHeader(fresh.page, 'workspace-menu');
    await fresh.page.locator('[data-testid=workspace-file-open]').setInputFiles({ name: '宁津.parkatlas', mimeType: 'application/zip', buffer: bytes });
    await waitFor(fresh.page, "s.region.startsWith('ws-') && s.parcelCount === 3", 60_000);
    const after = await appState(fresh.page);
    expect(after.totals).toEqual(before.totals);
    expect(after.byCounty).toEqual(before.byCounty);
  });

  test('three cities outside the demo: their county boundaries load and parcels get their district', async () => {
    const cities = [
      { query: '成都', adcode: '510100', lon: 104.043, lat: 30.642, district: '武侯区' },
      { query: 'hangzhou', adcode: '330100', lon: 120.13, lat: 30.27, district: '西湖区' },
      { query: '哈尔滨', adcode: '230100', lon: 126.68, lat: 45.75, district: '南岗区' },
    ];
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    for (const c of cities) {
      await openImport(page);
      await page.locator('[data-testid=city-search]').fill(c.query);
      await page.locator(`.city-hits button[data-adcode="${c.adcode}"]`).click();
      await page.locator('[data-testid=import-target]').selectOption('new');
      const csv = `宗地编号,用地面积,经度,纬度\nP-${c.adcode},1000,${c.lon},${c.lat}\n`;
      await importFiles(page, [{ name: `${c.query}.csv`, mimeType: 'text/csv', buffer: Buffer.from(csv) }]);
      const crs = page.locator('[data-testid=import-crs]');
      await crs.selectOption(String((await crs.locator('option').allTextContents()).findIndex((o) => o.includes('WGS84'))));
      await page.locator('[data-testid=import-commit]').click();
      await waitFor(page, `s.counties.includes('${c.district}') && s.parcelCount === 1`, 60_000);
      const s = await appState(page);
      expect(s.byCounty.map((r: { key: string }) => r.key)).toEqual([c.district]);
    }
    await page.screenshot({ path: 'test-results/screenshots/import-harbin.png' });
  });
});
