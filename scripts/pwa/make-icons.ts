// Writes the app icons (scripts/pwa/icons/*.png) from icons.ts: `npm run icons`.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ICONS } from './icon-list';
import { iconPng } from './icons';
import { themeColour } from './web-manifest';

const dir = join(import.meta.dirname, 'icons');
mkdirSync(dir, { recursive: true });
const navy = themeColour(readFileSync(join(import.meta.dirname, '../../src/styles.css'), 'utf8'));
for (const spec of ICONS) {
  writeFileSync(join(dir, spec.file), iconPng(spec, navy));
  console.log(`${join(dir, spec.file)} (${spec.size}×${spec.size}${spec.maskable ? ', maskable' : ''})`);
}
