// The embedded demo files read from disk, for Node (benchmark, tests). The browser fetches the
// same files through Vite (demo-files.ts).

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RegionFiles } from './import/region';
import { DEMO_FILE_NAMES } from './regions';

const DEMO_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'data', 'demo');

export function readDemoFiles(region: string): RegionFiles {
  const f = (name: string) => ({ name, text: readFileSync(path.join(DEMO_DIR, region, name), 'utf8') });
  return {
    parks: f(DEMO_FILE_NAMES.parks),
    parcels: f(DEMO_FILE_NAMES.parcels),
    enterprises: f(DEMO_FILE_NAMES.enterprises),
    chainNodes: f(DEMO_FILE_NAMES.chainNodes),
    chainLinks: f(DEMO_FILE_NAMES.chainLinks),
  };
}
