// The bench's headless Chromium: software WebGL like the machines the goals are set for, and the
// built app served by `vite preview` on a free port. One place, so every section measures alike.

import type { Browser } from 'playwright-core';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--enable-unsafe-swiftshader',
  '--use-angle=swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export async function launchBenchBrowser(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** The built app (dist/) on a free loopback port; `configFile` picks another build (the baseline page). */
export async function serveBuilt(configFile?: string | false): Promise<{ url: string; close(): Promise<void> }> {
  const { preview } = await import('vite');
  const server = await preview({ ...(configFile !== undefined ? { configFile } : {}), preview: { port: 0, host: '127.0.0.1', open: false }, logLevel: 'silent' });
  return { url: server.resolvedUrls!.local[0], close: () => server.close() };
}
