// Who a basemap's tiles come from, as the map's corner and exported pictures credit them: 天地图
// by name, otherwise the attribution the planner entered, the local file's name, or the tile
// server's host. Shown as text only.

import type { BasemapChoice } from '../state/basemap-choice';

/** `tianditu` is the 天地图 credit in the UI language. */
export function attributionOf(c: BasemapChoice, tianditu: string): string {
  if (c.kind === 'tianditu') return `© ${tianditu}`;
  if (c.attribution) return c.attribution;
  if (c.kind === 'pmtiles') return c.fileName;
  try {
    return new URL(c.url.replace(/[{}]/g, '')).host;
  } catch {
    return '';
  }
}
