// The time bar's slider step, in Chromium against the built app: from setting the bar's date to
// the parcels' next frame drawn (colours from the idle intervals, uploaded, drawn), at the demo
// and at ~1M parcels (the demo tiled). Opening the bar (one SQL pass for the intervals and the
// chart's two grouped queries) is printed too; it happens once per open, not per step.

import { readFileSync } from 'node:fs';
import { launchBenchBrowser, serveBuilt } from './bench-browser';
import { recordGoal } from './bench-goals';

/** The issue's goals for one slider step. */
const STEP_GOAL_DEMO_MS = 200;
const STEP_GOAL_1M_MS = 1000;
const STEPS = 9;

export async function timelineBench(line: (label: string, v: string) => void, target: number): Promise<void> {
  const server = await serveBuilt();
  const browser = await launchBenchBrowser();
  console.log(`\nTime bar (Chromium, software WebGL; slider step = date set → next frame drawn, median of ${STEPS})`);
  const perDemo = JSON.parse(readFileSync('data/demo/dezhou/parcels.geojson', 'utf8')).features.length as number;
  for (const scale of [1, Math.ceil(target / perDemo)]) {
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${server.url}?asOf=2026-06-30${scale > 1 ? `&scale=${scale}` : ''}`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready', undefined, { timeout: 600_000 });
    const n = await page.evaluate(() => (window as any).__parkatlas.state().parcelCount as number);
    const t0 = Date.now();
    await page.click('[data-testid=timeline-open]');
    await page.waitForFunction(() => (window as any).__parkatlas.timeline().dates.length > 0, undefined, { timeout: 600_000 });
    line(`  ${n.toLocaleString()} parcels: open the bar (intervals + chart series)`, `${(Date.now() - t0).toFixed(0).padStart(9)} ms`);
    const dates: string[] = await page.evaluate(() => (window as any).__parkatlas.timeline().dates);
    const steps: number[] = [];
    // Backwards from the as-of date, one quarter at a time, as a planner scrubs.
    for (let i = 1; i <= STEPS && i < dates.length; i++) {
      steps.push(await page.evaluate((d) => (window as any).__parkatlas.timelineStep(d), dates[dates.length - 1 - i]));
    }
    steps.sort((a, b) => a - b);
    const median = steps.length ? steps[Math.floor(steps.length / 2)] : null;
    line(`  ${n.toLocaleString()} parcels: slider step`, median === null ? 'n/a' : `${median.toFixed(1).padStart(9)} ms`);
    const label = scale === 1 ? 'demo 德州: time bar slider step' : `${(n / 1e6).toFixed(1)}M: time bar slider step`;
    recordGoal(label, median, scale === 1 ? STEP_GOAL_DEMO_MS : STEP_GOAL_1M_MS);
    await context.close();
  }
  await browser.close();
  await server.close();
}
