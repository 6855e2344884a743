// The map at scale, in headless Chromium with software WebGL (scripts/bench.ts calls this):
//  (a) the app's first frame with 1,000,000 parcels (its own `pa:` performance marks);
//  (b) pan/zoom frame time at 1,000,000: camera steps through the test hook, each timed from
//      the camera move to deck.gl's next drawn frame (`__parkatlas.cameraStep`);
//  (c) a baseline in the same run: the same tiled parcels as GeoJSON feature objects in deck.gl's
//      GeoJsonLayer (bench/geojson.html, built with vite.bench.config.ts), at 100,000 and, if it
//      finishes within five minutes, 1,000,000, beside the app at the same sizes.
// Needs `npm run build` (dist/) and /usr/bin/chromium; prints "measured  goal" lines.
// First frames (app and baseline alike) are marked when deck.gl has issued the draw; camera
// steps also wait for software WebGL to finish it (test-hook.ts), which is what a person sees.

import { recordGoal } from './bench-goals';
import { launchBenchBrowser, serveBuilt } from './bench-browser';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';

type Line = (label: string, value: string) => void;

const VIEWPORT = { width: 1600, height: 900 };
const BASELINE_LIMIT_MS = 5 * 60_000;
const FIRST_FRAME_GOAL_MS = 8_000;
const FRAME_GOAL_MS = 50;

const ms = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '      n/a   ' : `${v.toFixed(0).padStart(9)} ms`);
const goal = (v: number | undefined, g: number) => `${ms(v)}   goal ≤ ${g.toLocaleString()} ms${v !== undefined && v <= g ? '' : '  (not met)'}`;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

async function marks(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])));
}

async function waitState(page: Page, timeout: number): Promise<'ready' | 'error' | 'timeout'> {
  try {
    await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state ?? ''), undefined, { timeout, polling: 200 });
  } catch {
    return 'timeout';
  }
  return (await page.evaluate(() => document.documentElement.dataset.state)) as 'ready' | 'error';
}

/** Opens the app tiled `scale` times; returns its marks, or null on error. */
async function openApp(browser: Browser, url: string, scale: number): Promise<{ page: Page; marks: Record<string, number>; parcels: number } | null> {
  // No service worker: its offline download after opening would share the CPU with the frames measured.
  const page = await browser.newPage({ viewport: VIEWPORT, serviceWorkers: 'block' });
  await page.goto(`${url}?asOf=2026-06-30${scale > 1 ? `&scale=${scale}` : ''}`);
  if ((await waitState(page, 600_000)) !== 'ready') {
    await page.close();
    return null;
  }
  const parcels = await page.evaluate(() => (window as any).__parkatlas.state().parcelCount as number);
  return { page, marks: await marks(page), parcels };
}

/**
 * Ten camera steps; each waits for the previous frames to settle, then times one move. Every
 * step must move the camera (an unchanged view draws no frame); a frame that never comes counts
 * as 10 s.
 */
async function steps(page: Page, at: (i: number) => [number, number, number]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < 10; i++) {
    await page.waitForTimeout(150);
    const step = page.evaluate(([lng, lat, z]) => (window as any).__parkatlas.cameraStep(lng, lat, z) as Promise<number>, at(i));
    out.push(await Promise.race([step, new Promise<number>((r) => setTimeout(() => r(10_000), 10_000))]));
  }
  return out;
}

async function panZoom(page: Page, line: Line): Promise<void> {
  // Around the first listed parcel: inside a park, where the tiled copies pile up most.
  const [lng, lat] = (await page.evaluate(() => {
    const hook = (window as any).__parkatlas;
    return hook.parcelLngLat(hook.state().firstListed);
  })) as [number, number];
  // Polygons are drawn once the workers are done: wait for them (a person zooming in earlier
  // sees points until then).
  await page.waitForFunction(() => performance.getEntriesByName('pa:triangles-ready').length > 0, undefined, { timeout: 300_000 });
  // Pans of a few hundred pixels, then zooms across the points/polygons switch.
  const city = await steps(page, (i) => [lng + 0.05 * ((i + 1) % 5), lat - 0.04 * ((i + 1) % 3), 9]);
  await page.evaluate(([x, y]) => (window as any).__parkatlas.zoomTo(x, y, 12.5), [lng, lat]);
  const street = await steps(page, (i) => [lng + 0.006 * ((i + 1) % 5), lat - 0.005 * ((i + 1) % 3), 12.5]);
  const zoom = await steps(page, (i) => [lng, lat, i % 2 ? 9 + 0.5 * (i % 4) : 12.5 - 0.25 * (i % 4)]);
  line('  pan at city zoom 9 (points), median of 10', ms(median(city)));
  line('  pan at zoom 12.5 (polygons), median of 10', ms(median(street)));
  line('  zoom 9 ↔ 12.5 (switching points/polygons), median of 10', ms(median(zoom)));
  line(`  pan/zoom frame, median of 30 (max ${Math.max(...city, ...street, ...zoom).toFixed(0)} ms)`, goal(median([...city, ...street, ...zoom]), FRAME_GOAL_MS));
  recordGoal('1M: pan/zoom frame, median of 30', median([...city, ...street, ...zoom]), FRAME_GOAL_MS);
}

/** The GeoJsonLayer baseline at `n` parcels: time to its first frame, or null past the limit. */
async function baseline(browser: Browser, url: string, n: number): Promise<{ total: number; draw: number; parcels: number } | null> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  try {
    await page.goto(`${url}geojson.html?n=${n}`);
    if ((await waitState(page, BASELINE_LIMIT_MS)) !== 'ready') return null;
    const m = await marks(page);
    const parcels = Number(await page.evaluate(() => document.documentElement.dataset.parcels));
    return { total: m['geo:first-frame'], draw: m['geo:first-frame'] - m['geo:data-ready'], parcels };
  } finally {
    await page.close().catch(() => undefined);
  }
}

export async function renderBench(line: Line, target: number): Promise<void> {
  if (!existsSync('dist/index.html') || !existsSync('/usr/bin/chromium')) {
    console.log('\nMap rendering: skipped (needs `npm run build` and /usr/bin/chromium)');
    return;
  }
  const { build } = await import('vite');
  const benchConfig = resolve('vite.bench.config.ts');
  await build({ configFile: benchConfig, logLevel: 'error' });
  const app = await serveBuilt(false);
  const geo = await serveBuilt(benchConfig);
  const appUrl = app.url;
  const geoUrl = geo.url;
  const browser = await launchBenchBrowser();
  const perDemo = (JSON.parse(readFileSync('data/demo/dezhou/parcels.geojson', 'utf8')).features as unknown[]).length;
  console.log('\nMap rendering (Chromium, software WebGL; times from navigation start)');
  try {
    const ours: Record<number, number> = {};
    for (const n of [100_000, target]) {
      const opened = await openApp(browser, appUrl, Math.ceil(n / perDemo));
      if (!opened) {
        line(`app, ${n.toLocaleString()} parcels`, 'failed');
        continue;
      }
      const { page, marks: m, parcels } = opened;
      ours[n] = m['pa:first-frame'];
      console.log(`  app, ${parcels.toLocaleString()} parcels`);
      line('    rules done (database; not the map)', ms(m['pa:rules-done']));
      line('    first frame (parcels as dots, or one image from 100,000)', n === target ? goal(m['pa:first-frame'], FIRST_FRAME_GOAL_MS) : ms(m['pa:first-frame']));
      await page.waitForFunction(() => performance.getEntriesByName('pa:triangles-ready').length > 0, undefined, { timeout: 300_000 }).catch(() => undefined);
      line('    triangles ready in the workers', ms((await marks(page))['pa:triangles-ready']));
      if (n === target) await panZoom(page, line);
      await page.close();
    }
    for (const n of [100_000, target]) {
      const b = await baseline(browser, geoUrl, n);
      if (!b) {
        line(`  baseline GeoJsonLayer, ${n.toLocaleString()} parcels`, `did not finish within ${BASELINE_LIMIT_MS / 60_000} min`);
        continue;
      }
      console.log(`  baseline: GeoJSON feature objects in GeoJsonLayer, ${b.parcels.toLocaleString()} parcels`);
      line('    first frame', ms(b.total));
      line('    of which drawing (tessellation on the main thread)', ms(b.draw));
      if (ours[n] !== undefined) line('    baseline ÷ app first frame', `${(b.total / ours[n]).toFixed(2).padStart(9)} ×`);
    }
  } finally {
    await browser.close();
    await app.close();
    await geo.close();
  }
}
