// The “命令行 · CLI” section of `npm run bench`: the report as a user runs it (a separate Node
// process, `scripts/report.ts`) on generated parcels CSVs of 1,000,000 and 10,000,000 rows (the
// demo 德州 tiled as src/data/scale-up.ts tiles it, scripts/bench-cli-data.ts), with wall time and
// peak resident memory beside the goals of issue #8, and the 1M output checked against the hash
// recorded before the report was streamed. The files live in os.tmpdir() and are removed after.

import { recordGoal } from './bench-goals';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BASELINE_SHA256, TILED_1M_ROWS, writeTiledParcelsCsv } from './bench-cli-data';

type Line = (label: string, value: string) => void;

// Issue #8's goals on a 2-core, 24 GB machine.
const GOAL_1M_S = 15;
const GOAL_1M_RSS_GB = 1.5;
const GOAL_10M_S = 180;
const ROWS_10M = 10_000_000;

export interface CliRun {
  code: number | null;
  seconds: number;
  /** Peak resident set size in bytes (the kernel's VmHWM / time's maximum RSS). */
  peakRss: number;
  stderr: string;
}

/** Runs the report in a child process; peak memory from /usr/bin/time, else polled VmHWM. */
export function runReportProcess(args: string[]): Promise<CliRun> {
  const timeBin = existsSync('/usr/bin/time');
  const timeFile = join(tmpdir(), `parkatlas-time-${process.pid}-${Date.now()}`);
  // As `npm run report` runs it (package.json).
  const node = [process.execPath, '--max-semi-space-size=64', '--import', 'tsx', 'scripts/report.ts', ...args];
  const cmd = timeBin ? ['/usr/bin/time', '-f', '%M', '-o', timeFile, ...node] : node;
  const t0 = performance.now();
  return new Promise((resolve) => {
    const child = spawn(cmd[0], cmd.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
    let polled = 0;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) polled = Math.max(polled, Number(m[1]) * 1024);
      } catch {
        // The process has just ended.
      }
    }, 100);
    child.on('close', (code) => {
      clearInterval(poll);
      const seconds = (performance.now() - t0) / 1000;
      let peakRss = polled;
      if (timeBin && existsSync(timeFile)) {
        const kb = Number(readFileSync(timeFile, 'utf8').trim().split('\n').pop());
        if (Number.isFinite(kb)) peakRss = kb * 1024;
        rmSync(timeFile, { force: true });
      }
      resolve({ code, seconds, peakRss, stderr });
    });
  });
}

async function sha256File(file: string): Promise<string> {
  const h = createHash('sha256');
  for await (const b of createReadStream(file)) h.update(b as Buffer);
  return h.digest('hex');
}

const gb = (bytes: number) => `${(bytes / 1e9).toFixed(2)} GB`;

function report(line: Line, label: string, r: CliRun, goalS: number, goalRssGb: number | null): void {
  const ok = (yes: boolean) => (yes ? '✓' : '✗');
  if (r.code !== 0) {
    line(label, `failed (exit ${r.code}) after ${r.seconds.toFixed(1)} s: ${r.stderr.trim().split('\n').pop() ?? ''}`);
    return;
  }
  const rss = goalRssGb === null ? gb(r.peakRss) : `${gb(r.peakRss)} (goal ≤ ${goalRssGb} GB ${ok(r.peakRss <= goalRssGb * 1e9)})`;
  line(label, `${r.seconds.toFixed(1).padStart(6)} s (goal ≤ ${goalS} s ${ok(r.seconds <= goalS)}), peak RSS ${rss}`);
}

/** The CLI section; `tenMillion: false` skips the 10M run (it takes minutes and 2.5 GB of disk). */
export async function cliBench(line: Line, opts: { tenMillion: boolean; engines?: readonly string[] }): Promise<void> {
  const engines = opts.engines ?? ['native', 'wasm'];
  console.log('\n命令行 · CLI report (a separate process: npm run report, --crs wgs84 --as-of 2026-06-30)');
  console.log('  Timings are wall-clock on a shared machine: re-run to see how much they move.');
  const dir = mkdtempSync(join(tmpdir(), 'parkatlas-bench-cli-'));
  try {
    const csv1m = join(dir, 'parcels-1m.csv');
    const tGen = performance.now();
    await writeTiledParcelsCsv(csv1m, TILED_1M_ROWS);
    line(`  (writing ${TILED_1M_ROWS.toLocaleString()} rows, ${gb(statSync(csv1m).size)}, not timed below)`, `${((performance.now() - tGen) / 1000).toFixed(1)} s`);
    for (const engine of engines) {
      const out = join(dir, `out-1m-${engine}.csv`);
      const r = await runReportProcess(['--parcels', csv1m, '--crs', 'wgs84', '--as-of', '2026-06-30', '--out', out, '--engine', engine]);
      report(line, `  1M rows, --engine ${engine}`, r, GOAL_1M_S, GOAL_1M_RSS_GB);
      if (engine === 'native') {
        recordGoal('CLI report, 1M-row CSV: wall time', r.code === 0 ? r.seconds : null, GOAL_1M_S, 's', 'native engine');
        recordGoal('CLI report, 1M-row CSV: peak memory', r.code === 0 ? r.peakRss / 1e6 : null, GOAL_1M_RSS_GB * 1000, 'MB');
      }
      if (r.code === 0) {
        const same = (await sha256File(out)) === BASELINE_SHA256.tiled1m;
        line(`    output SHA-256 = recorded before streaming`, same ? 'identical ✓' : 'DIFFERENT ✗');
      }
      rmSync(out, { force: true });
    }
    rmSync(csv1m, { force: true });
    if (!opts.tenMillion) {
      line('  10M rows', 'skipped (--no-10m)');
      recordGoal('CLI report, 10M-row CSV: wall time', null, GOAL_10M_S, 's', 'skipped (--no-10m)');
      return;
    }
    const csv10m = join(dir, 'parcels-10m.csv');
    await writeTiledParcelsCsv(csv10m, ROWS_10M);
    const out = join(dir, 'out-10m.csv');
    const r = await runReportProcess(['--parcels', csv10m, '--crs', 'wgs84', '--as-of', '2026-06-30', '--out', out, '--engine', 'native']);
    report(line, `  10M rows (${gb(statSync(csv10m).size)}), --engine native`, r, GOAL_10M_S, null);
    recordGoal('CLI report, 10M-row CSV: wall time', r.code === 0 ? r.seconds : null, GOAL_10M_S, 's', `peak RSS ${gb(r.peakRss)}`);
    if (r.code === 0) {
      const lines = await countLines(out);
      line('    report rows written', `${(lines - 1).toLocaleString()}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function countLines(file: string): Promise<number> {
  let n = 0;
  for await (const b of createReadStream(file)) for (const c of b as Buffer) if (c === 0x0a) n++;
  return n;
}
