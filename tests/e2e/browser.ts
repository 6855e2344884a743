// Debian's Chromium driven by playwright-core. One browser per test file; every test opens the
// app in its own browser context (fresh storage, own page) and sets up what it needs through the
// address bar and the UI, so tests pass alone and in any order. Every request the page makes is
// recorded so a test can prove the app never leaves localhost.

import { existsSync, readFileSync } from 'node:fs';
import { type Browser, type BrowserContext, type Page, chromium } from 'playwright-core';
import { inject, onTestFinished } from 'vitest';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface AppPage {
  browser: Browser;
  context: BrowserContext;
  page: Page;
  requests: string[];
  consoleErrors: string[];
  baseUrl: string;
}

/** Debian's Chromium as the tests run it; `extraArgs` adds switches (e.g. host-resolver rules). */
export async function launch(extraArgs: string[] = []): Promise<Browser> {
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
      ...extraArgs,
    ],
  });
}

/** A new page of `context` whose requests and console errors are recorded. */
export async function watchedPage(context: BrowserContext): Promise<{ page: Page; requests: string[]; consoleErrors: string[] }> {
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(String(e)));
  return { page, requests, consoleErrors };
}

/**
 * Opens the app at `query` (e.g. `?asOf=2026-06-30&mode=workbench&region=shaoguan`) in a new
 * browser context that is closed when the calling test ends, and waits until it is ready.
 */
export async function openApp(browser: Browser, query = '', viewport = { width: 1600, height: 900 }): Promise<AppPage> {
  const baseUrl = inject('baseUrl');
  const context = await browser.newContext({ viewport, locale: 'zh-CN', acceptDownloads: true });
  onTestFinished(() => context.close());
  const { page, requests, consoleErrors } = await watchedPage(context);
  await page.goto(`${baseUrl}${query}`);
  await waitReady(page);
  return { browser, context, page, requests, consoleErrors, baseUrl };
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
 * Takes a screenshot of the map as a person sees it and keeps its decoded pixels in the page
 * (`window.__mapShot`: RGBA bytes and the width), for the readers below and in the tests.
 */
export async function captureMap(page: Page): Promise<void> {
  const png = await page.locator('[data-testid=map]').screenshot();
  await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width;
    c.height = img.height;
    const ctx = c.getContext('2d')!;
    ctx.drawImage(img, 0, 0);
    (window as any).__mapShot = { width: c.width, data: ctx.getImageData(0, 0, c.width, c.height).data };
  }, png.toString('base64'));
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
  await captureMap(page);
  return page.evaluate(
    ([[r, g, b], tol]) => {
      const d: Uint8ClampedArray = (window as any).__mapShot.data;
      const [r0, g0, b0] = [d[0], d[1], d[2]];
      let painted = 0;
      let matches = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - r0) + Math.abs(d[i + 1] - g0) + Math.abs(d[i + 2] - b0) > 30) painted++;
        if (Math.abs(d[i] - r) < tol && Math.abs(d[i + 1] - g) < tol && Math.abs(d[i + 2] - b) < tol) matches++;
      }
      return { paintedShare: painted / (d.length / 4), matches };
    },
    [rgb, tolerance] as const,
  );
}

/** Map pixels within ±tolerance of a colour. */
export async function colourPixels(page: Page, rgb: [number, number, number], tolerance = 30): Promise<number> {
  return (await mapPixels(page, rgb, tolerance)).matches;
}

type LngLat = [number, number];
type Extent = { west: number; south: number; east: number; north: number };

// Web Mercator, in world units (0..1 from west to east and from north to south).
const mercX = (lng: number) => (lng + 180) / 360;
const mercY = (lat: number) => (1 - Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / Math.PI) / 2;
const lngOf = (x: number) => x * 360 - 180;
const latOf = (y: number) => (Math.atan(Math.sinh(Math.PI * (1 - 2 * y))) * 180) / Math.PI;

/**
 * The geographic extent the map shows, worked out from where it draws two parcels: the map is
 * north-up web Mercator, so screen position = offset + scale × Mercator position on both axes,
 * and two points far apart fix the offset and the scale.
 */
export async function mapExtent(page: Page, parcelIds: [string, string]): Promise<Extent> {
  const refs = await page.evaluate(async (ids) => {
    const hook = (window as any).__parkatlas;
    return Promise.all(ids.map(async (id) => ({ lngLat: await hook.parcelLngLat(id), pt: await hook.parcelScreenPoint(id) })));
  }, parcelIds);
  const [a, b] = refs as { lngLat: LngLat; pt: { x: number; y: number } }[];
  if (!a?.pt || !b?.pt) throw new Error(`parcels ${parcelIds.join(', ')} are not on the map`);
  const [ax, ay, bx, by] = [mercX(a.lngLat[0]), mercY(a.lngLat[1]), mercX(b.lngLat[0]), mercY(b.lngLat[1])];
  const scale = Math.abs(ax - bx) > Math.abs(ay - by) ? (a.pt.x - b.pt.x) / (ax - bx) : (a.pt.y - b.pt.y) / (ay - by);
  const [ox, oy] = [a.pt.x - scale * ax, a.pt.y - scale * ay];
  const box = await page.locator('[data-testid=map]').boundingBox();
  if (!box) throw new Error('the map is not on the page');
  return {
    west: lngOf((box.x - ox) / scale),
    east: lngOf((box.x + box.width - ox) / scale),
    north: latOf((box.y - oy) / scale),
    south: latOf((box.y + box.height - oy) / scale),
  };
}

/** Width and height of an extent in web Mercator world units (what the screen scales). */
export function mercatorSpan(e: Extent): { width: number; height: number } {
  return { width: mercX(e.east) - mercX(e.west), height: mercY(e.south) - mercY(e.north) };
}

function eachPosition(geometry: { coordinates: unknown }, visit: (p: LngLat) => void): void {
  const walk = (c: unknown): void => {
    if (Array.isArray(c) && typeof c[0] === 'number') visit(c as LngLat);
    else if (Array.isArray(c)) c.forEach(walk);
  };
  walk(geometry.coordinates);
}

/** The extent of a region's county boundaries, read from the file the app loads. */
export function boundaryExtent(region: string): Extent {
  const fc = JSON.parse(readFileSync(`data/boundaries/${region}.geojson`, 'utf8'));
  const e = { west: Infinity, south: Infinity, east: -Infinity, north: -Infinity };
  for (const f of fc.features) {
    eachPosition(f.geometry, ([lng, lat]) => {
      e.west = Math.min(e.west, lng);
      e.east = Math.max(e.east, lng);
      e.south = Math.min(e.south, lat);
      e.north = Math.max(e.north, lat);
    });
  }
  return e;
}

/** The ids of the westernmost and the easternmost parcel of a demo region. */
export function outermostParcels(region: string): [string, string] {
  const fc = JSON.parse(readFileSync(`data/demo/${region}/parcels.geojson`, 'utf8'));
  let west = { id: '', lng: Infinity };
  let east = { id: '', lng: -Infinity };
  for (const f of fc.features) {
    if (!f.geometry) continue;
    eachPosition(f.geometry, ([lng]) => {
      if (lng < west.lng) west = { id: f.properties.parcel_id, lng };
      if (lng > east.lng) east = { id: f.properties.parcel_id, lng };
    });
  }
  return [west.id, east.id];
}

/** Reloads the page (same browser storage) and waits until the app is ready again. */
export async function reloadApp(page: Page): Promise<void> {
  await page.reload();
  await waitReady(page);
}

/** Clicks a region button and waits until that region is loaded and drawn. */
export async function switchRegion(page: Page, region: string, county: string): Promise<void> {
  await page.locator(`[data-region=${region}]`).click();
  await waitFor(page, `s.region === '${region}' && s.counties.includes('${county}')`, 60_000);
  await waitReady(page);
}

/**
 * Clicks a header control by test id, through the “More” menu when the header has folded it
 * there (narrow windows, longer English labels: ui/Header.tsx).
 */
export async function clickHeader(page: Page, testid: string): Promise<void> {
  const item = page.locator(`[data-testid=${testid}]`);
  if ((await item.count()) === 0) await page.locator('[data-testid=header-more]').click();
  await item.click();
}
