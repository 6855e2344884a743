// Which database engine the page runs: the multi-threaded DuckDB-WASM build where the page is
// cross-origin isolated (the app's own server sends COOP/COEP), and the single-threaded build
// where it is not — an intranet server on plain http, or one that does not send the headers.
// Both give the same answers.

import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, onTestFinished, test } from 'vitest';
import { appState, launch, waitReady } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function open(stripIsolation: boolean) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
  onTestFinished(() => context.close());
  const base = inject('baseUrl');
  if (stripIsolation) {
    // The page as a server without the headers would send it: no isolation, no shared memory.
    await context.route((url) => url.href.startsWith(base) && (url.pathname.endsWith('/') || url.pathname.endsWith('.html')), async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      delete headers['cross-origin-opener-policy'];
      delete headers['cross-origin-embedder-policy'];
      await route.fulfill({ response, headers });
    });
  }
  const page = await context.newPage();
  await page.goto(`${base}?asOf=2026-06-30`);
  await waitReady(page);
  return page;
}

describe('database engine', () => {
  test('isolated, the page runs the threaded build; without the headers the single-threaded one, with the same figures', async () => {
    const isolated = await open(false);
    const a = await isolated.evaluate(() => (window as any).__parkatlas.engine());
    expect(a).toMatchObject({ isolated: true, build: 'coi' });
    expect(a.threads).toBeGreaterThan(1);
    const plain = await open(true);
    const b = await plain.evaluate(() => (window as any).__parkatlas.engine());
    expect(b).toMatchObject({ isolated: false, build: 'eh' });
    expect((await appState(plain)).totals).toEqual((await appState(isolated)).totals);
  });
});
