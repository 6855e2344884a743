// Opening the app on a server of its own and then taking the server away, for the tests of the
// venue laptop (issue #9, "The venue laptop"): the app is loaded once, the service worker caches
// it, the server is closed AND the browser context is put offline (Chromium's offline mode is
// what DevTools uses to test service workers; a page's `context.route` does not see the
// worker's own fetches). Anything that still reaches for the network then fails for real.

import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { type PreviewServer, preview } from 'vite';
import { onTestFinished } from 'vitest';
import type { OfflinePlan } from '../../src/data/offline/plan';
import { type AppPage, waitReady, watchedPage } from './browser';

/** The plan dist/sw.js was built with (the JSON in front of the compiled worker). */
export function builtPlan(): OfflinePlan {
  const sw = readFileSync('dist/sw.js', 'utf8');
  const m = /^self\.__parkatlasOfflinePlan=(.*?);\n/.exec(sw);
  if (!m) throw new Error('dist/sw.js does not start with the offline plan');
  return JSON.parse(m[1]) as OfflinePlan;
}

/** Waits until the status bar says "available offline" and the worker controls the page. */
export async function waitOfflineReady(page: Page, timeout = 90_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const s = (window as any).__parkatlas.offline();
      if (s.phase === 'failed') throw new Error('the service worker could not cache the app');
      return s.phase === 'ready' && navigator.serviceWorker.controller !== null;
    },
    undefined,
    { timeout, polling: 200 },
  );
}

export interface OfflineAppPage extends AppPage {
  /** Closes the server and puts the browser offline (what goOffline in openOfflineApp does). */
  server: PreviewServer;
}

/**
 * Serves dist/ on a fresh port, opens the app at `query`, waits until it is ready and fully
 * cached, runs `beforeOffline` (e.g. prepare scenes online), then closes the server and puts the
 * context offline. Everything the test does after
 * this runs without any server.
 */
export async function openOfflineApp(
  browser: Browser,
  query = '',
  options: { viewport?: { width: number; height: number }; beforeOffline?: (app: AppPage) => Promise<void> } = {},
): Promise<OfflineAppPage> {
  const viewport = options.viewport ?? { width: 1440, height: 900 };
  const server = await preview({ preview: { port: 0, host: '127.0.0.1', strictPort: false, open: false }, logLevel: 'warn' });
  const baseUrl = server.resolvedUrls?.local[0];
  if (!baseUrl) throw new Error('vite preview did not report a URL');
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  onTestFinished(async () => {
    await context.close();
    await server.close();
  });
  const { page, requests, consoleErrors } = await watchedPage(context);
  await page.goto(`${baseUrl}${query}`);
  await waitReady(page);
  await waitOfflineReady(page);
  await options.beforeOffline?.({ browser, context, page, requests, consoleErrors, baseUrl });
  await server.close();
  await context.setOffline(true);
  return { browser, context, page, requests, consoleErrors, baseUrl, server };
}
