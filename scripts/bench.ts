// Prints performance figures; asserts nothing. Node figures use DuckDB-WASM's Node build (the
// same engine and SQL as the browser); browser figures, when dist/ and Chromium exist, come
// from the app's own performance marks. The import section times the import pipeline on
// generated files of 100,000 parcels (scripts/bench-import.ts).
// Usage: npm run bench [-- --parcels 1000000 --runs 5 --no-browser --only node|import|cli|browser|render|timeline --no-10m]
//   --only render   runs just the map section (scripts/bench-render.ts)
//   --only timeline runs just the time bar's slider step (scripts/bench-timeline.ts)
//   --only import   runs just the import section (Shapefile .zip and .xlsx of 100,000 parcels)
//   --only cli      runs just the command-line report on 1M and 10M-row CSVs (scripts/bench-cli.ts);
//                   --no-10m skips the 10M run

import { launchBenchBrowser, serveBuilt } from './bench-browser';
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readCategories, readFilterMask } from '../src/analysis/findings-columns';
import { runLandRules } from '../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS } from '../src/analysis/settings';
import { EMPTY_FILTER } from '../src/analysis/filters';
import { countySummaryQuery, groupSummaries, totalsQuery } from '../src/analysis/group-summary';
import { readParcelShapes } from '../src/data/parcel-shapes';
import { mujunMix, parcelMujunClasses, runMujun } from '../src/analysis/mujun';
import { openNodeDb } from '../src/data/duckdb-node';
import { REGIONS } from '../src/data/regions';
import { loadRegionFiles } from '../src/data/import/region';
import { readDemoFiles } from '../src/data/demo-files-node';
import { scaleUpParcels } from '../src/data/scale-up';
import { cliBench } from './bench-cli';
import { importBench } from './bench-import';
import { printGoals, recordGoal } from './bench-goals';
import { engineBench } from './bench-engine';
import { renderBench } from './bench-render';
import { timelineBench } from './bench-timeline';

const { values: args } = parseArgs({
  options: {
    parcels: { type: 'string', default: '1000000' },
    'no-browser': { type: 'boolean', default: false },
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    'no-10m': { type: 'boolean', default: false },
  },
});
const SECTIONS = ['node', 'import', 'cli', 'browser', 'render', 'timeline'] as const;
if (args.only !== undefined && !(SECTIONS as readonly string[]).includes(args.only)) {
  console.error(`--only 只能是 ${SECTIONS.join('、')} / --only takes one of ${SECTIONS.join(', ')}`);
  process.exit(2);
}
const runs = (section: (typeof SECTIONS)[number]) => args.only === undefined || args.only === section;
const TARGET = Number(args.parcels);
const RUNS = Number(args.runs);

async function time<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const t0 = performance.now();
  const r = await fn();
  return [r, performance.now() - t0];
}

async function median(fn: () => Promise<unknown>, runs = RUNS, warmups = 0): Promise<number> {
  // Unmeasured runs first: the app has always run its queries at load before a user changes a
  // setting, so the engine's WebAssembly is compiled by then.
  for (let i = 0; i < warmups; i++) await fn();
  const ts: number[] = [];
  for (let i = 0; i < runs; i++) ts.push((await time(fn))[1]);
  ts.sort((a, b) => a - b);
  return ts[Math.floor(ts.length / 2)];
}

const ms = (v: number) => `${v.toFixed(1).padStart(9)} ms`;
const line = (label: string, v: string) => console.log(`  ${label.padEnd(56)} ${v}`);

async function nodeBench() {
  console.log(`Node (DuckDB-WASM Node build; recompute figures are medians of ${RUNS} after 2 warm-up runs)`);
  const [db, ready] = await time(() => openNodeDb());
  line('DuckDB ready', ms(ready));
  for (const r of REGIONS) {
    const files = readDemoFiles(r.id);
    const [loaded, t] = await time(() => loadRegionFiles(db, files));
    line(`demo load ${r.id} (${loaded.parcels.count} parcels)`, ms(t));
    line(`  rules over demo (median of ${RUNS})`, ms(await median(() => runLandRules(db, '2026-06-30', DEFAULT_SETTINGS))));
    // What the app does after a rule-threshold change: rules, map arrays, dashboard figures.
    const ruleChange = { ...DEFAULT_SETTINGS, minPlotRatio: 1.0, idleYears: 2 };
    line(
      `  rule setting change → rules + map + dashboard`,
      ms(
        await median(async () => {
          await runLandRules(db, '2026-06-30', ruleChange);
          await readCategories(db);
          await readFilterMask(db, EMPTY_FILTER);
          await groupSummaries(db, totalsQuery(EMPTY_FILTER));
          await groupSummaries(db, countySummaryQuery(EMPTY_FILTER));
        }, RUNS, 2),
      ),
    );
    // After a 亩均 weight/benchmark change: scores, classes on the map, class mix.
    const mujunChange = { ...DEFAULT_SETTINGS, mujunTaxWeight: 0.4, mujunValueAddedWeight: 0.2 };
    line(
      `  亩均 setting change → scores + map + mix`,
      ms(
        await median(async () => {
          await runMujun(db, mujunChange);
          await parcelMujunClasses(db);
          await mujunMix(db, 'county', EMPTY_FILTER);
        }, RUNS, 2),
      ),
    );
  }

  const files = readDemoFiles('dezhou');
  const loaded = await loadRegionFiles(db, files);
  const factor = Math.ceil(TARGET / loaded.parcels.count);
  const [n, tScale] = await time(() => scaleUpParcels(db, factor));
  line(`generate ${n.toLocaleString()} parcels (tiled ×${factor}, in SQL)`, ms(tScale));
  line(`rules over ${n.toLocaleString()} parcels (median of 3)`, ms(await median(() => runLandRules(db, '2026-06-30', DEFAULT_SETTINGS), 3)));
  const [shapes, tShapes] = await time(() => readParcelShapes(db));
  line(`read shapes → typed arrays (${(shapes.positions.byteLength / 1e6).toFixed(0)} MB)`, ms(tShapes));
  line('read categories → Uint8Array', ms(await median(() => readCategories(db), 3)));
  line('read filter mask → Uint8Array', ms(await median(() => readFilterMask(db, { ...EMPTY_FILTER, counties: ['宁津县'] }), 3)));
  line('county summary', ms(await median(() => groupSummaries(db, countySummaryQuery(EMPTY_FILTER)), 3)));
  db.close();
}

async function browserBench() {
  if (args['no-browser'] || !existsSync('dist/index.html') || !existsSync('/usr/bin/chromium')) {
    console.log('\nBrowser: skipped (needs `npm run build` and /usr/bin/chromium)');
    return;
  }
  const server = await serveBuilt();
  const url = server.url;
  const browser = await launchBenchBrowser();
  console.log('\nBrowser (Chromium, software WebGL; times from navigation start)');
  const parcelsPerDemo = JSON.parse(readFileSync('data/demo/dezhou/parcels.geojson', 'utf8')).features.length as number;
  const factor = Math.ceil(TARGET / parcelsPerDemo);
  for (const scale of [1, factor]) {
    // The first visit is the one that counts at a meeting: a fresh context, nothing cached. No
    // service worker: its first offline download (~40 MB, after the app is ready) is not the app's work.
    const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    await page.goto(`${url}?asOf=2026-06-30${scale > 1 ? `&scale=${scale}` : ''}`);
    await page.waitForFunction(() => document.documentElement.dataset.state === 'ready' || document.documentElement.dataset.state === 'error', undefined, { timeout: 600_000 });
    const marks = await page.evaluate(() =>
      Object.fromEntries(performance.getEntriesByType('mark').map((m) => [m.name, m.startTime])),
    );
    const n = await page.evaluate(() => (window as any).__parkatlas.state().parcelCount);
    console.log(`  ${n.toLocaleString()} parcels`);
    for (const k of ['pa:place-ready', 'pa:first-paint', 'pa:duckdb-ready', 'pa:data-loaded', 'pa:rules-done', 'pa:first-frame']) {
      line(`  ${k.slice(3)}`, marks[k] !== undefined ? ms(marks[k]) : 'n/a');
    }
    const at = (k: string) => (marks[k] === undefined ? null : marks[k]);
    if (scale === 1) {
      recordGoal('demo 德州: first frame with boundaries, parks, parcels', at('pa:first-paint'), 1000);
      recordGoal('demo 德州: rules coloured, ready', at('pa:first-frame'), 3000);
    } else {
      recordGoal(`${(n / 1e6).toFixed(1)}M parcels: first frame`, at('pa:first-paint'), 8000);
      recordGoal(`${(n / 1e6).toFixed(1)}M parcels: rules coloured, ready`, at('pa:first-frame'), 8000 + 3000, 'ms', 'our goal: first frame + 3 s');
    }
    await context.close();
  }
  await browser.close();
  await server.close();
}

if (runs('node')) await nodeBench();
if (runs('import')) await importBench(line);
if (runs('cli')) await cliBench(line, { tenMillion: !args['no-10m'] });
if (runs('browser')) await browserBench();
if (args.only === undefined || args.only === 'node' || args.only === 'browser') await engineBench(line, { target: TARGET, runs: RUNS, only: args.only, noBrowser: args['no-browser'] });
if (runs('render') && !args['no-browser']) await renderBench(line, TARGET);
if (runs('timeline') && !args['no-browser'] && existsSync('dist/index.html')) await timelineBench(line, TARGET);
printGoals();
process.exit(0);
