// Which database engine the page runs: the single-threaded DuckDB-WASM build by default, the
// multi-threaded one when `?engine=coi` asks for it and the page is cross-origin isolated (the
// app's own server sends COOP/COEP); an intranet server on plain http, or one that does not send
// the headers, gets the single-threaded build whatever is asked. All give the same answers.

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

async function open(stripIsolation: boolean, query = '') {
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
  await page.goto(`${base}?asOf=2026-06-30${query}`);
  await waitReady(page);
  return page;
}

describe('database engine', () => {
  test('by default the single-threaded build; the threaded one when asked for on an isolated page, and never without the headers; same figures', async () => {
    const plainDefault = await open(false);
    const d = await plainDefault.evaluate(() => (window as any).__parkatlas.engine());
    expect(d).toMatchObject({ isolated: true, build: 'eh', threads: 1 });
    const threaded = await open(false, '&engine=coi');
    const a = await threaded.evaluate(() => (window as any).__parkatlas.engine());
    expect(a).toMatchObject({ isolated: true, build: 'coi' });
    expect(a.threads).toBeGreaterThan(1);
    const stripped = await open(true, '&engine=coi');
    const b = await stripped.evaluate(() => (window as any).__parkatlas.engine());
    expect(b).toMatchObject({ isolated: false, build: 'eh' });
    const totals = (await appState(plainDefault)).totals;
    expect((await appState(threaded)).totals).toEqual(totals);
    expect((await appState(stripped)).totals).toEqual(totals);
  });
});
