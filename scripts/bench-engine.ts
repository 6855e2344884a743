// Bench rows for the database engine at 1,000,000 parcels (issue #8): the land rules in Node,
// the rules in the browser with each DuckDB-WASM build (`eh` single-threaded, `coi`
// multi-threaded under cross-origin isolation), a rule-setting change until the map and the
// dashboard are updated, and a filter change until the map is updated. Browser figures come from
// the app's performance marks (src/state/map-derivations.ts) and the test hook
// (window.__parkatlas); each figure is the median of several changes after the load.
// On a shared machine the wall-clock figures vary a lot: Node rows also print CPU time.

import { recordGoal } from './bench-goals';
import { launchBenchBrowser, serveBuilt } from './bench-browser';
import { existsSync, readFileSync } from 'node:fs';
import { runLandRules } from '../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../src/analysis/settings';
import { openNodeDb } from '../src/data/duckdb-node';
import { readDemoFiles } from '../src/data/demo-files-node';
import { loadRegionFiles } from '../src/data/import/region';
import { scaleUpParcels } from '../src/data/scale-up';

type Line = (label: string, value: string) => void;

export interface EngineBenchOptions {
  /** Parcels to tile the 德州 demo up to. */
  target: number;
  runs: number;
  /** `node` or `browser` runs only that part; undefined runs both. */
  only?: string;
  noBrowser?: boolean;
}

const GOALS = { nodeRules: 300, browserRules: 500, settingChange: 700, filterChange: 100 };

const ms = (v: number) => `${v.toFixed(0).padStart(6)} ms`;
const vsGoal = (v: number | null, goal: number) => (v === null ? `${'n/a'.padStart(9)}  goal ≤ ${goal} ms` : `${ms(v)}  goal ≤ ${goal} ms`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function nodeRules(line: Line, o: EngineBenchOptions): Promise<void> {
  const db = await openNodeDb();
  const loaded = await loadRegionFiles(db, readDemoFiles('dezhou'));
  const n = await scaleUpParcels(db, Math.ceil(o.target / loaded.parcels.count));
  const wall: number[] = [];
  const cpu: number[] = [];
  // Two unmeasured runs first, as the app has run the rules at load before anyone changes a setting.
  for (let i = 0; i < o.runs + 2; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    await runLandRules(db, '2026-06-30', DEFAULT_SETTINGS);
    const t = performance.now() - t0;
    const c = process.cpuUsage(c0);
    if (i >= 2) {
      wall.push(t);
      cpu.push((c.user + c.system) / 1000);
    }
  }
  line(`Node: rules over ${n.toLocaleString()} parcels (median of ${o.runs})`, vsGoal(median(wall), GOALS.nodeRules));
  recordGoal(`${(n / 1e6).toFixed(1)}M: rules over all parcels, Node`, median(wall), GOALS.nodeRules);
  line(`  the same, CPU time of this process`, ms(median(cpu)));
  db.close();
}

/** What the page reports after one change: ms from the change to each mark, and to the next painted frame once settled. */
interface Timing {
  marks: Record<string, number>;
  settled: number;
  /** Main-thread long tasks (> 50 ms) during the change, summed: drawing, not the engine. */
  longTasks: number;
}

/** Runs `change` in the page and times it against the marks made after it. */
async function timeChange(page: import('playwright-core').Page, change: string): Promise<Timing> {
  return page.evaluate(async (code) => {
    const hook = (window as any).__parkatlas;
    let longTasks = 0;
    const observer = new PerformanceObserver((l) => {
      for (const e of l.getEntries()) longTasks += e.duration;
    });
    observer.observe({ type: 'longtask' });
    const t0 = performance.now();
    new Function('hook', code)(hook);
    await hook.settled();
    // Two frames: the one the new state is drawn in has then been presented.
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const settled = performance.now() - t0;
    for (const e of observer.takeRecords()) longTasks += e.duration;
    observer.disconnect();
    const marks: Record<string, number> = {};
    for (const m of performance.getEntriesByType('mark')) if (m.startTime >= t0) marks[m.name] = m.startTime - t0;
    return { marks, settled, longTasks };
  }, change);
}

async function browserRows(line: Line, o: EngineBenchOptions): Promise<void> {
  if (o.noBrowser || !existsSync('dist/index.html') || !existsSync('/usr/bin/chromium')) {
    line('Browser engine rows', 'skipped (needs `npm run build` and /usr/bin/chromium)');
    return;
  }
  const server = await serveBuilt();
  const url = server.url;
  const browser = await launchBenchBrowser();
  const perDemo = JSON.parse(readFileSync('data/demo/dezhou/parcels.geojson', 'utf8')).features.length as number;
  const scale = Math.ceil(o.target / perDemo);
  try {
    for (const build of ['eh', 'coi'] as const) {
      const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
      await page.goto(`${url}?asOf=2026-06-30&scale=${scale}&engine=${build}`);
      await page.waitForFunction(() => ['ready', 'error'].includes(document.documentElement.dataset.state ?? ''), undefined, { timeout: 900_000 });
      const info = await page.evaluate(() => ({ ...(window as any).__parkatlas.engine(), n: (window as any).__parkatlas.state().parcelCount as number }));
      const label = `${info.build ?? '?'}${info.build === 'coi' ? `, ${info.threads} threads` : ''}${info.build !== build ? ` (asked for ${build})` : ''}`;
      line(`Browser [${label}], ${info.n.toLocaleString()} parcels`, '');
      const rules: number[] = [];
      const setting: number[] = [];
      const mask: number[] = [];
      const filter: number[] = [];
      const busySetting: number[] = [];
      const busyFilter: number[] = [];
      for (let i = 0; i < o.runs; i++) {
        // Alternate values so every change really changes something.
        const s = await timeChange(page, `hook.setSettings({ minPlotRatio: ${i % 2 ? 1.0 : 1.2}, idleYears: ${i % 2 ? 1 : 2} })`);
        if (s.marks['pa:rules-start'] !== undefined && s.marks['pa:rules-done'] !== undefined) rules.push(s.marks['pa:rules-done'] - s.marks['pa:rules-start']);
        setting.push(s.settled);
        busySetting.push(s.longTasks);
        const f = await timeChange(page, `hook.setFilter({ counties: ${i % 2 ? '[]' : `['宁津县']`} })`);
        if (f.marks['pa:filter-mask'] !== undefined) mask.push(f.marks['pa:filter-mask']);
        filter.push(f.settled);
        busyFilter.push(f.longTasks);
      }
      const m = (xs: number[]) => (xs.length ? median(xs) : null);
      line(`  rules over all parcels (rules + categories, median of ${o.runs})`, vsGoal(m(rules), GOALS.browserRules));
      line('  setting change → map + dashboard updated', vsGoal(m(setting), GOALS.settingChange));
      recordGoal(`${build} ${(info.n / 1e6).toFixed(1)}M: rules over all parcels, browser`, m(rules) ?? null, GOALS.browserRules);
      recordGoal(`${build} ${(info.n / 1e6).toFixed(1)}M: setting change → map and dashboard`, m(setting) ?? null, GOALS.settingChange);
      recordGoal(`${build} ${(info.n / 1e6).toFixed(1)}M: filter change → map updated`, m(filter) ?? null, GOALS.filterChange);
      line('    of which main-thread long tasks (drawing, not the engine)', ms(m(busySetting) ?? 0));
      line('  filter change → filter mask ready', vsGoal(m(mask), GOALS.filterChange));
      line('  filter change → map updated (drawn with the new figures)', vsGoal(m(filter), GOALS.filterChange));
      line('    of which main-thread long tasks (drawing, not the engine)', ms(m(busyFilter) ?? 0));
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

export async function engineBench(line: Line, o: EngineBenchOptions): Promise<void> {
  console.log(`\nEngine at ${o.target.toLocaleString()} parcels (issue #8; measured  goal)`);
  if (o.only === undefined || o.only === 'node') await nodeRules(line, o);
  if (o.only === undefined || o.only === 'browser') await browserRows(line, o);
}
