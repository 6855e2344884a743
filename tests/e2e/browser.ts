// Debian's Chromium driven by playwright-core. Every request the page makes is recorded so a
// test can prove the app never leaves localhost.

import { existsSync } from 'node:fs';
import { type Browser, type Page, chromium } from 'playwright-core';
import { inject } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface AppPage {
  browser: Browser;
  page: Page;
  requests: string[];
  consoleErrors: string[];
  baseUrl: string;
}

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export async function openApp(browser: Browser, query = '', viewport = { width: 1600, height: 900 }): Promise<AppPage> {
  const baseUrl = inject('baseUrl');
  const context = await browser.newContext({ viewport, locale: "zh-CN", acceptDownloads: true });
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  await page.goto(`${baseUrl}${query}`);
  await waitReady(page);
  return { browser, page, requests, consoleErrors, baseUrl };
}

/** Waits for `data-state="ready"` (data loaded and the map drawn); fails fast on `error`. */
export async function waitReady(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = document.documentElement.dataset.state;
      if (s === 'error') throw new Error(document.querySelector('[data-testid=error]')?.textContent ?? 'app error');
      return s === 'ready';
    },
    undefined,
    { timeout, polling: 100 },
  );
}

export async function appState(page: Page): Promise<Record<string, any>> {
  return page.evaluate(() => (window as any).__parkatlas.state());
}

/** Waits until the app has taken an action into account (state changed and ready again). */
export async function waitFor(page: Page, predicate: string, timeout = 30_000): Promise<void> {
  await page.waitForFunction(
    (p) => {
      const s = (window as any).__parkatlas.state();
      return s.phase === 'ready' && s.pending === 0 && new Function('s', `return (${p});`)(s);
    },
    predicate,
    { timeout, polling: 100 },
  );
}

/**
 * Reads the map as a person sees it (a screenshot) and returns, over sampled pixels, the share
 * that differs from the top-left background colour and the count within ±tolerance of `rgb`.
 */
export async function mapPixels(
  page: Page,
  rgb: [number, number, number] = [0, 0, 0],
  tolerance = 30,
): Promise<{ paintedShare: number; matches: number }> {
  const png = await page.locator('[data-testid=map]').screenshot();
  return page.evaluate(
    async ([b64, [r, g, b], tol]) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.width;
      c.height = img.height;
      const ctx = c.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      const [r0, g0, b0] = [d[0], d[1], d[2]];
      let painted = 0;
      let matches = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0) > 30) painted++;
        if (Math.abs(d[i] - r) < tol && Math.abs(d[i + 1] - g) < tol && Math.abs(d[i + 2] - b) < tol) matches++;
      }
      return { paintedShare: painted / (d.length / 4), matches };
    },
    [png.toString('base64'), rgb, tolerance] as const,
  );
}

/** Map pixels within ±tolerance of a colour. */
export async function colourPixels(page: Page, rgb: [number, number, number], tolerance = 30): Promise<number> {
  return (await mapPixels(page, rgb, tolerance)).matches;
}
