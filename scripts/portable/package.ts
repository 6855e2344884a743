// `npm run package:portable`: the built app (dist/, made by `vite build` just before) as a folder
// for a Windows laptop without Node — dist-portable/ParkAtlas/ with the app, the launcher
// (launcher.ts) and a short bilingual note — and the same as dist-portable/ParkAtlas.zip.

import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { zipSync } from 'fflate';
import { APP_DIR, LAUNCHER_CMD, LAUNCHER_PS1, launcherCmd, launcherPs1, portableReadme } from './launcher';
import { missingMimeTypes } from './mime';

const DIST = 'dist';
const OUT = 'dist-portable';
const FOLDER = join(OUT, 'ParkAtlas');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

/** The build's version, as its service worker names its cache (scripts/pwa/plugin.ts). */
function buildVersion(): string {
  const m = /"version":"([0-9a-f]+)"/.exec(readFileSync(join(DIST, 'sw.js'), 'utf8'));
  return m?.[1] ?? 'unknown';
}

if (!existsSync(join(DIST, 'index.html')) || !existsSync(join(DIST, 'sw.js'))) {
  console.error('dist/ is missing or has no sw.js: run `npm run package:portable` (it builds first).');
  process.exit(1);
}
const built = filesUnder(DIST).map((f) => relative(DIST, f).split(sep).join('/'));
const unknown = missingMimeTypes(built);
if (unknown.length) {
  console.error(`No content type for: ${unknown.join(', ')}. Add the extension to scripts/portable/mime.ts.`);
  process.exit(1);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(FOLDER, { recursive: true });
cpSync(DIST, join(FOLDER, APP_DIR), { recursive: true });
writeFileSync(join(FOLDER, LAUNCHER_PS1), launcherPs1());
writeFileSync(join(FOLDER, LAUNCHER_CMD), launcherCmd());
writeFileSync(join(FOLDER, 'README.txt'), portableReadme(buildVersion()));

const entries: Record<string, Uint8Array> = {};
for (const f of filesUnder(FOLDER)) entries[relative(OUT, f).split(sep).join('/')] = readFileSync(f);
// Level 6: the wasm engine shrinks to about a fifth; already-compressed files cost little time.
writeFileSync(join(OUT, 'ParkAtlas.zip'), zipSync(entries, { level: 6 }));

const mb = (n: number) => `${(n / 1e6).toFixed(0)} MB`;
const size = Object.values(entries).reduce((a, b) => a + b.byteLength, 0);
console.log(`${FOLDER}/ (${built.length} app files, ${mb(size)}) and ${join(OUT, 'ParkAtlas.zip')} (${mb(statSync(join(OUT, 'ParkAtlas.zip')).size)})`);
console.log(`Windows: copy the folder (or unzip), double-click ${LAUNCHER_CMD}.`);
