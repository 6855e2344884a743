// The web app manifest (W3C Web App Manifest): what the browser needs to offer "install" and
// what the installed app is called. The theme colour is the header's navy, read from the
// stylesheet so the two cannot drift apart.

import { ICONS } from './icon-list.ts';

/** The value of `--navy` in src/styles.css. */
export function themeColour(css: string): string {
  const m = /--navy:\s*(#[0-9a-fA-F]{6})\s*;/.exec(css);
  if (!m) throw new Error('src/styles.css defines no --navy colour for the app manifest');
  return m[1].toLowerCase();
}

/** The page background (`--bg`), shown by the installed app while it starts. */
export function backgroundColour(css: string): string {
  const m = /--bg:\s*(#[0-9a-fA-F]{6})\s*;/.exec(css);
  return m ? m[1].toLowerCase() : '#ffffff';
}

export const ICON_DIR = 'icons';

export function webManifest(css: string): Record<string, unknown> {
  return {
    // Relative addresses: the built folder may be served from any path of an intranet host.
    id: './',
    start_url: './',
    scope: './',
    name: '园区招商一张图 · ParkAtlas',
    short_name: '园区招商一张图',
    description: '园区招商与闲置土地盘活规划看板，离线可用 · Planning dashboard for park investment attraction and idle land, works offline',
    lang: 'zh-CN',
    dir: 'ltr',
    display: 'standalone',
    theme_color: themeColour(css),
    background_color: backgroundColour(css),
    icons: ICONS.map((i) => ({
      src: `${ICON_DIR}/${i.file}`,
      sizes: `${i.size}x${i.size}`,
      type: 'image/png',
      purpose: i.maskable ? 'maskable' : 'any',
    })),
  };
}
