// Basemaps and map names in the browser: with no basemap chosen nothing leaves localhost; a
// custom XYZ service (a tile server started here, serving tiles of one known colour) is drawn
// under the data and remembered after a reload; park names are drawn from zoom 10.5.

import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appState, captureMap, colourPixels, launch, openApp, waitReady } from './browser';
import { encodePng } from '../../scripts/pwa/png';

/** A colour nothing else on the map uses. */
const TILE_RGB: [number, number, number] = [214, 32, 200];

/** A 256×256 PNG of one colour, written by the same encoder as the app icons. */
function solidPng([r, g, b]: [number, number, number]): Buffer {
  const rgba = new Uint8Array(256 * 256 * 4);
  for (let i = 0; i < rgba.length; i += 4) rgba.set([r, g, b, 255], i);
  return encodePng(256, 256, rgba);
}

function varint(n: number): number[] {
  const out: number[] = [];
  while (n >= 0x80) {
    out.push((n % 0x80) | 0x80);
    n = Math.floor(n / 0x80);
  }
  out.push(n);
  return out;
}

/**
 * A PMTiles v3 archive (github.com/protomaps/PMTiles spec: 127-byte header, root directory,
 * metadata, tile data) whose one directory entry runs over every tile of zooms 0–`maxZoom`,
 * all pointing at the same PNG.
 */
function solidPmtiles(png: Buffer, maxZoom: number): Buffer {
  const tiles = (4 ** (maxZoom + 1) - 1) / 3;
  // Entries: count, tile-id deltas, run lengths, lengths, offsets + 1.
  const dir = Buffer.from([...varint(1), ...varint(0), ...varint(tiles), ...varint(png.length), ...varint(1)]);
  const meta = Buffer.from('{}');
  const h = Buffer.alloc(127);
  h.write('PMTiles', 0, 'ascii');
  h[7] = 3;
  const u64 = (at: number, v: number) => h.writeBigUInt64LE(BigInt(v), at);
  u64(8, 127);
  u64(16, dir.length);
  u64(24, 127 + dir.length);
  u64(32, meta.length);
  u64(40, 127 + dir.length + meta.length);
  u64(48, 0);
  u64(56, 127 + dir.length + meta.length);
  u64(64, png.length);
  u64(72, tiles);
  u64(80, 1);
  u64(88, 1);
  h.set([1, 1, 1, 2, 0, maxZoom], 96); // clustered, no compression (directories, tiles), PNG, zooms
  h.writeInt32LE(-1800000000, 102);
  h.writeInt32LE(-850000000, 106);
  h.writeInt32LE(1800000000, 110);
  h.writeInt32LE(850000000, 114);
  return Buffer.concat([h, dir, meta, png]);
}

let browser: Browser;
let tiles: Server;
let tileBase: string;
const tileRequests: string[] = [];

beforeAll(async () => {
  browser = await launch();
  const png = solidPng(TILE_RGB);
  tiles = createServer((req, res) => {
    tileRequests.push(req.url ?? '');
    if (!/^\/tiles\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) {
      res.writeHead(404, { 'Access-Control-Allow-Origin': '*' }).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': 'image/png', 'Access-Control-Allow-Origin': '*' }).end(png);
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  tileBase = `http://127.0.0.1:${(tiles.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => tiles?.close(resolve));
});

const isLocal = (url: string) => /^(data|blob):/.test(url) || /^https?:\/\/(127\.0\.0\.1|localhost)(:\d+)?\//.test(url);

/** Lets late requests (tiles, fonts) start before the requests are checked. */
const settle = (page: Page) => page.waitForTimeout(1000);

/** The tile colour's hue, whether drawn alone or under the county fill. */
const isMagenta = (r: number, g: number, b: number) => r - g > 90 && b - g > 90;

async function magentaPixels(page: Page): Promise<number> {
  await captureMap(page);
  return page.evaluate(() => {
    const d: Uint8ClampedArray = (window as any).__mapShot.data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] - d[i + 1] > 90 && d[i + 2] - d[i + 1] > 90) n++;
    return n;
  });
}

/** The colour drawn at a parcel's point. */
async function parcelPixel(page: Page, parcelId: string): Promise<number[]> {
  const pt = await page.evaluate((id) => (window as any).__parkatlas.parcelScreenPoint(id), parcelId);
  const box = (await page.locator('[data-testid=map]').boundingBox())!;
  await captureMap(page);
  return page.evaluate(
    ([x, y]) => {
      const { width, data } = (window as any).__mapShot as { width: number; data: Uint8ClampedArray };
      const i = (Math.round(y) * width + Math.round(x)) * 4;
      return [data[i], data[i + 1], data[i + 2], data[i + 3]];
    },
    [pt.x - box.x, pt.y - box.y] as const,
  );
}

describe('offline by default', () => {
  it('with no basemap chosen, moving around the map requests nothing outside localhost', async () => {
    const { page, requests } = await openApp(browser, '?asOf=2026-06-30');
    await page.evaluate(() => (window as any).__parkatlas.zoomTo(116.37, 37.43, 12));
    await page.evaluate(() => (window as any).__parkatlas.zoomTo(116.6, 37.6, 8));
    await settle(page);
    expect(requests.length).toBeGreaterThan(0);
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
    expect(await page.locator('[data-testid=bm-attribution-text]').count()).toBe(0);
  });
});

describe('map names', () => {
  it('park names are drawn from zoom 10.5 (none below), county names at every zoom', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    await page.evaluate(() => (window as any).__parkatlas.zoomTo(116.37, 37.43, 10));
    const far = await page.evaluate(() => (window as any).__parkatlas.labels());
    expect(far.filter((l: { rank: string }) => l.rank === 'park')).toEqual([]);
    await page.evaluate(() => (window as any).__parkatlas.zoomTo(116.37, 37.43, 10.6));
    await page.waitForFunction(() => (window as any).__parkatlas.labels().some((l: { rank: string }) => l.rank === 'park'));
    const near = await page.evaluate(() => (window as any).__parkatlas.labels());
    expect(near.map((l: { text: string }) => l.text)).toContain('德州经济技术开发区');
    expect(near.some((l: { rank: string }) => l.rank === 'county')).toBe(true);
  });

  it('every county of 兰州 is named at the opening view, 城关区 and 西固区 included', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30&region=lanzhou', { width: 1366, height: 768 });
    const names = (await page.evaluate(() => (window as any).__parkatlas.labels())).filter((l: { rank: string }) => l.rank === 'county').map((l: { text: string }) => l.text);
    expect(names.sort()).toEqual(['七里河区', '城关区', '安宁区', '榆中县', '永登县', '皋兰县', '红古区', '西固区'].sort());
  });
});

describe('a custom XYZ basemap', () => {
  it('is drawn under the data, shows its attribution, and is remembered after a reload', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    expect(await colourPixels(page, TILE_RGB, 12)).toBe(0);
    await page.click('[data-testid=basemap-button]');
    await page.check('[data-testid=bm-xyz]');
    await page.fill('[data-testid=bm-url]', `${tileBase}/tiles/{z}/{x}/{y}.png`);
    await page.fill('[data-testid=bm-attribution]', '<b>测试瓦片</b>');
    await page.click('[data-testid=bm-apply]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=basemap-dialog]'));
    await expect.poll(() => colourPixels(page, TILE_RGB, 12), { timeout: 20_000 }).toBeGreaterThan(2000);
    expect(tileRequests.some((u) => /^\/tiles\/\d+\/\d+\/\d+\.png$/.test(u))).toBe(true);
    // Attribution is the user's text, shown as text.
    expect(await page.textContent('[data-testid=bm-attribution-text]')).toContain('<b>测试瓦片</b>');
    // The parcels stay on top: a parcel's point is not the tile colour.
    const state = await appState(page);
    expect(state.firstListed).toBeTruthy();
    await page.evaluate(() => (window as any).__parkatlas.zoomTo(116.37, 37.43, 12.5));
    const listed = await page.evaluate(() => (window as any).__parkatlas.state().firstListed);
    await page.evaluate(async (id) => {
      const ll = await (window as any).__parkatlas.parcelLngLat(id);
      await (window as any).__parkatlas.zoomTo(ll[0], ll[1], 14);
    }, listed);
    // Inside a county the boundary fill lies lightly over the basemap: the tile's magenta hue
    // shows around the parcel, and the parcel itself is drawn in its own colour.
    await expect.poll(() => magentaPixels(page), { timeout: 20_000 }).toBeGreaterThan(2000);
    const [r, g, b] = await parcelPixel(page, listed);
    expect(isMagenta(r, g, b)).toBe(false);

    // Reload: the region's basemap comes back without asking.
    const before = tileRequests.length;
    await page.reload();
    await waitReady(page);
    // The address keeps the camera, so the page reopens inside the county, where the light
    // county fill tints the tiles: look for their hue rather than their exact colour.
    await expect.poll(() => magentaPixels(page), { timeout: 20_000 }).toBeGreaterThan(2000);
    expect(tileRequests.length).toBeGreaterThan(before);
    expect(await page.textContent('[data-testid=bm-attribution-text]')).toContain('测试瓦片');

    // Another region has its own (none): nothing is drawn there.
    await page.click('.region:has-text("韶关")');
    await waitReady(page);
    await page.waitForTimeout(500);
    expect(await colourPixels(page, TILE_RGB, 12)).toBe(0);
  });

  it('reports failing tiles in the UI language', async () => {
    const { page } = await openApp(browser, '?asOf=2026-06-30');
    await page.click('[data-testid=basemap-button]');
    await page.check('[data-testid=bm-xyz]');
    await page.fill('[data-testid=bm-url]', `${tileBase}/broken/{z}/{x}/{y}.png?fail=1`);
    await page.click('[data-testid=bm-apply]');
    // The server answers 404 for these: a missing tile is not an error…
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-testid=bm-notice]').count()).toBe(0);
    // … a refused connection is.
    await page.click('[data-testid=basemap-button]');
    await page.fill('[data-testid=bm-url]', 'http://127.0.0.1:9/{z}/{x}/{y}.png');
    await page.click('[data-testid=bm-apply]');
    await expect.poll(() => page.locator('[data-testid=bm-notice]').count(), { timeout: 20_000 }).toBe(1);
    expect(await page.textContent('[data-testid=bm-notice]')).toContain('底图瓦片加载失败');
  });
});

describe('a local .pmtiles file', () => {
  it('is read in the browser and drawn; after a reload the planner is asked to pick it again', async () => {
    const { page, requests } = await openApp(browser, '?asOf=2026-06-30');
    await page.click('[data-testid=basemap-button]');
    await page.check('[data-testid=bm-pmtiles]');
    await page.setInputFiles('[data-testid=bm-file]', { name: '政务底图.pmtiles', mimeType: 'application/octet-stream', buffer: solidPmtiles(solidPng(TILE_RGB), 12) });
    await page.click('[data-testid=bm-apply]');
    await page.waitForFunction(() => !document.querySelector('[data-testid=basemap-dialog]'));
    await expect.poll(() => colourPixels(page, TILE_RGB, 12), { timeout: 20_000 }).toBeGreaterThan(2000);
    expect(await page.textContent('[data-testid=bm-attribution-text]')).toContain('政务底图.pmtiles');
    // Read in place: nothing was sent anywhere.
    expect(requests.filter((u) => !isLocal(u))).toEqual([]);
    await page.reload();
    await waitReady(page);
    await expect.poll(() => page.locator('[data-testid=bm-notice]').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.textContent('[data-testid=bm-notice]')).toContain('请重新选择本地底图文件');
    expect(await colourPixels(page, TILE_RGB, 12)).toBe(0);
  });
});
