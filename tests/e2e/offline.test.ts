// The venue laptop (issue #9): load the app once, cut the server off, reload — it opens, draws
// its parcels and switches region with no server at all. Presenting scenes offline builds on
// openOfflineApp (offline-app.ts).

import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { type AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll, describe, expect, onTestFinished, test } from 'vitest';
import { appState, launch, mapPixels, openApp, reloadApp, switchRegion, waitReady } from './browser';
import { builtPlan, openOfflineApp, waitOfflineReady } from './offline-app';
import { type OfflinePlan, precacheName } from '../../src/data/offline/plan';
import { mimeOf } from '../../scripts/portable/mime';

let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
});

/** Recovery red (palette.ts IDLE_COLORS[2]): 德州 has parcels to recover at 2026-06-30. */
const RECOVERY: [number, number, number] = [214, 48, 39];

describe('offline at the venue', () => {
  test('loaded once, the app opens, draws its parcels and switches to 韶关 with the server gone', async () => {
    const app = await openOfflineApp(browser, '?asOf=2026-06-30');
    const { page } = app;

    // Every file of its own the app asked for while online is one the worker keeps.
    const plan = builtPlan();
    const kept = new Set([...plan.precache.map((f) => f.url), ...plan.onDemand, 'sw.js']);
    const own = app.requests.filter((u) => u.startsWith(app.baseUrl)).map((u) => new URL(u).pathname.slice(new URL(app.baseUrl).pathname.length));
    expect(own.length).toBeGreaterThan(5);
    expect(own.filter((p) => p !== '' && !kept.has(p))).toEqual([]);
    expect(app.requests.filter((u) => !u.startsWith(app.baseUrl) && !u.startsWith('data:') && !u.startsWith('blob:'))).toEqual([]);

    // The server is gone: a plain fetch from the page fails, so what follows comes from the cache.
    const failed: string[] = [];
    page.on('requestfailed', (r) => failed.push(r.url()));
    await expect(page.evaluate(async (u) => fetch(`${u}no-such-file`).then(() => 'answered', () => 'failed'), app.baseUrl)).resolves.toBe('failed');
    expect(failed).toEqual([`${app.baseUrl}no-such-file`]);
    failed.length = 0;
    app.consoleErrors.length = 0;

    await reloadApp(page);
    const s = await appState(page);
    expect(s.region).toBe('dezhou');
    expect(s.asOf).toBe('2026-06-30');
    expect(s.judged).toBe(true);
    expect(s.parcelCount).toBeGreaterThan(1000);
    const px = await mapPixels(page, RECOVERY);
    expect(px.paintedShare).toBeGreaterThan(0.1);
    expect(px.matches).toBeGreaterThan(20);
    // The status bar asks the worker on every open, and hears its cache is complete.
    await page.waitForSelector('[data-testid=offline-status][data-phase=ready]', { timeout: 10_000 });
    await expect(page.locator('[data-testid=offline-status]').textContent()).resolves.toMatch(/可离线使用 · \d+ MB/);

    // Another demo region: its pack and boundaries were precached though never opened.
    await switchRegion(page, 'shaoguan', '始兴县');
    const sg = await appState(page);
    expect(sg.judged).toBe(true);
    expect(sg.parcelCount).toBeGreaterThan(100);
    expect((await mapPixels(page)).paintedShare).toBeGreaterThan(0.1);
    // Nothing the app needed went to the network and failed.
    expect(failed).toEqual([]);
    expect(app.consoleErrors).toEqual([]);
  });

  test('scenes prepared online are presented after a reload with the server gone', async () => {
    const cams = [
      { lng: 116.8, lat: 37.65, zoom: 10, bearing: 0, pitch: 0 },
      { lng: 117.4, lat: 37.77, zoom: 12, bearing: 0, pitch: 0 },
    ];
    const app = await openOfflineApp(browser, '?asOf=2026-06-30', {
      async beforeOffline({ page }) {
        for (const [i, c] of cams.entries()) {
          await page.evaluate((cam) => (window as any).__parkatlas.turnTo(cam), c);
          await page.waitForFunction((z) => (window as any).__parkatlas.state().camera?.zoom === z, c.zoom);
          if ((await page.locator('[data-testid=scenes-open]').count()) === 0) await page.locator('[data-testid=header-more]').click();
          await page.locator('[data-testid=scenes-open]').click();
          await page.fill('[data-testid=scene-title]', `场景 ${i + 1}`);
          await page.click('[data-testid=scene-add]');
          await page.keyboard.press('Escape');
        }
      },
    });
    const { page } = app;
    await reloadApp(page);
    expect((await appState(page)).scenes.map((x: { title: string }) => x.title)).toEqual(['场景 1', '场景 2']);
    if ((await page.locator('[data-testid=scenes-open]').count()) === 0) await page.locator('[data-testid=header-more]').click();
    await page.locator('[data-testid=scenes-open]').click();
    await page.click('[data-testid=present-start]');
    await page.waitForFunction(() => (window as any).__parkatlas.state().presenting === 0);
    await page.keyboard.press('PageDown');
    await page.waitForFunction(
      (c) => {
        const s = (window as any).__parkatlas.state();
        return s.presenting === 1 && s.camera && Math.abs(s.camera.lng - c.lng) < 1e-4 && Math.abs(s.camera.zoom - c.zoom) < 0.01;
      },
      cams[1],
      { timeout: 20_000 },
    );
    expect(await page.locator('[data-testid=presenter-title]').textContent()).toBe('场景 2');
    // Drawn, not blank: county land and parcels at street-block zoom over 庆云.
    expect((await mapPixels(page)).paintedShare).toBeGreaterThan(0.02);
    expect(app.consoleErrors).toEqual([]);
  });

  test('a city boundary file opened once online is kept; one never opened is not fetched up front', async () => {
    const plan = builtPlan();
    const cityFile = (adcode: string) => plan.onDemand.find((u) => u.startsWith(`assets/${adcode}-`))!;
    const fetchStatus = (u: string) => fetch(u).then((r) => String(r.status), () => 'failed');
    const app = await openOfflineApp(browser, '?asOf=2026-06-30', {
      beforeOffline: async ({ page, baseUrl }) => {
        await expect(page.evaluate(fetchStatus, `${baseUrl}${cityFile('440200')}`)).resolves.toBe('200');
      },
    });
    await expect(app.page.evaluate(fetchStatus, `${app.baseUrl}${cityFile('440200')}`)).resolves.toBe('200');
    await expect(app.page.evaluate(fetchStatus, `${app.baseUrl}${cityFile('110000')}`)).resolves.toBe('failed');
  });
});

describe('where offline use is not possible or not offered', () => {
  test('on a plain-http intranet address the app works as before and says nothing about offline use', async () => {
    // Chromium grants service workers to https and to localhost only; a host name mapped to the
    // loopback address is plain http like an intranet server (W3C Secure Contexts §3.1).
    const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false, allowedHosts: true }, logLevel: 'warn' });
    const port = new URL(server.resolvedUrls!.local[0]).port;
    const intranet = await launch(['--host-resolver-rules=MAP parkatlas.intranet 127.0.0.1']);
    onTestFinished(async () => {
      await intranet.close();
      await server.close();
    });
    const page = await (await intranet.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' })).newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`http://parkatlas.intranet:${port}/?asOf=2026-06-30`);
    await waitReady(page);
    expect(await page.evaluate(() => window.isSecureContext)).toBe(false);
    expect((await appState(page)).judged).toBe(true);
    await page.waitForTimeout(1000);
    expect(await page.evaluate(() => (window as any).__parkatlas.offline().phase)).toBe('off');
    await expect(page.locator('[data-testid=offline-bar]').count()).resolves.toBe(0);
    // Chromium's own note that the preview server's COOP header means nothing over plain http is not the app's.
    expect(errors.filter((e) => !/Cross-Origin-Opener-Policy header has been ignored/.test(e))).toEqual([]);
  });

  test('when the browser offers installation, “安装到桌面” asks it once and then goes', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    // What Chromium fires when the app is installable (BeforeInstallPromptEvent), with a prompt() to count.
    await page.evaluate(() => {
      const e = new Event('beforeinstallprompt', { cancelable: true }) as Event & { prompt(): Promise<void> };
      (window as any).__prompts = 0;
      e.prompt = async () => {
        (window as any).__prompts++;
      };
      window.dispatchEvent(e);
    });
    const button = page.locator('[data-testid=offline-install]');
    await expect(button.textContent()).resolves.toBe('安装到桌面');
    await button.click();
    expect(await page.evaluate(() => (window as any).__prompts)).toBe(1);
    await expect(button.count()).resolves.toBe(0);
  });
});

describe('a new build on the server', () => {
  /**
   * A copy of dist/ served by a plain static server (content types from the portable
   * launcher's table), so the test can put a "new build" in place: index.html changed and
   * sw.js carrying a plan with a new version, as the next `npm run build` would.
   */
  async function servedCopy(): Promise<{ dir: string; url: string; close: () => Promise<void> }> {
    const dir = mkdtempSync(join(tmpdir(), 'parkatlas-update-'));
    cpSync('dist', dir, { recursive: true });
    const server = createServer((req, res) => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
      const file = join(dir, path);
      if (!file.startsWith(dir) || !existsSync(file) || statSync(file).isDirectory()) {
        res.writeHead(404).end();
        return;
      }
      res.writeHead(200, { 'Content-Type': mimeOf(file) ?? 'application/octet-stream', 'Cache-Control': 'no-cache' });
      res.end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      dir,
      url: `http://127.0.0.1:${port}/`,
      close: () =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(() => resolve());
          rmSync(dir, { recursive: true, force: true });
        }),
    };
  }

  test('is cached in the background, announced quietly, and used from the next opening; the old build’s cache is deleted', async () => {
    const site = await servedCopy();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    onTestFinished(async () => {
      await context.close();
      await site.close();
    });
    const page = await context.newPage();
    await page.goto(`${site.url}?asOf=2026-06-30`);
    await waitReady(page);
    await waitOfflineReady(page);
    const cachesNow = () => page.evaluate(async () => (await caches.keys()).filter((k) => k.startsWith('parkatlas-app-')));
    const old = builtPlan();
    expect(await cachesNow()).toEqual([precacheName(old.version)]);

    // The next build: a changed page, and a worker whose plan says so.
    const html = readFileSync(join(site.dir, 'index.html'), 'utf8').replace('</head>', '<meta name="parkatlas-build" content="next"></head>');
    writeFileSync(join(site.dir, 'index.html'), html);
    const next: OfflinePlan = {
      ...old,
      version: `${old.version.slice(0, 8)}00000000`,
      precache: old.precache.map((f) => (f.url === 'index.html' ? { ...f, bytes: Buffer.byteLength(html) } : f)),
    };
    const sw = readFileSync(join(site.dir, 'sw.js'), 'utf8');
    writeFileSync(join(site.dir, 'sw.js'), `self.__parkatlasOfflinePlan=${JSON.stringify(next)};\n${sw.slice(sw.indexOf(';\n') + 2)}`);

    // Opened again: still the running build, the new one downloads beside it and is announced.
    await reloadApp(page);
    const notice = page.locator('[data-testid=offline-update]');
    await notice.waitFor({ timeout: 90_000 });
    await expect(notice.textContent()).resolves.toBe('已更新，重新打开后生效');
    await expect(page.locator('[data-testid=offline-status]').getAttribute('data-phase')).resolves.toBe('ready');
    const nextPage = () => page.evaluate(() => document.querySelector('meta[name=parkatlas-build][content=next]') !== null);
    expect(await nextPage()).toBe(false);

    // Opened once more: the new build takes over, serves the new page, and the old cache is gone.
    await reloadApp(page);
    await waitOfflineReady(page);
    expect(await nextPage()).toBe(true);
    expect(await cachesNow()).toEqual([precacheName(next.version)]);
    await expect(page.locator('[data-testid=offline-update]').count()).resolves.toBe(0);
  });
});
