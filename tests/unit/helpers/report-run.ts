// Runs the command-line report in this process (scripts/report.ts exports `run`), capturing what
// it prints, and makes temporary files for it; the few child-process tests use `reportProcess`.

import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ReportTuning, run } from '../../../scripts/report';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ReportRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Unit tests run the browser's engine (DuckDB-WASM) unless a test picks one. */
function withTestEngine(args: string[]): string[] {
  return args.includes('--engine') || args.includes('--help') || args.includes('-h') ? args : [...args, '--engine', 'wasm'];
}

export async function report(args: string[], tuning: ReportTuning = {}): Promise<ReportRun> {
  args = withTestEngine(args);
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, tuning);
  return { code, stdout, stderr };
}

/** The report as a user runs it: a separate Node process through tsx. */
export function reportProcess(args: string[]): Promise<ReportRun> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', 'scripts/report.ts', ...withTestEngine(args)], { cwd: ROOT, timeout: 120_000, encoding: 'utf8' }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : null) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** A temporary directory with numbered files; `done()` removes it. */
export function tempFiles(prefix: string): { temp(name: string, content?: string | Uint8Array): string; dir: string; done(): void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  let n = 0;
  return {
    dir,
    temp(name, content) {
      const p = path.join(dir, `${++n}-${name}`);
      if (content !== undefined) writeFileSync(p, content);
      return p;
    },
    done: () => rmSync(dir, { recursive: true, force: true }),
  };
}
