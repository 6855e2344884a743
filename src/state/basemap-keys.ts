// Keys for tile services (天地图 tk, a token taken out of a custom address) kept in this browser
// only, apart from the saved state: workspace files, exports and share links are built from the
// saved state and the view, so a key can never travel with them (product model: "secrets such
// as a basemap key stay in the browser").

import type { KeyValueStorage } from './saved-state';

export const BASEMAP_KEYS_STORAGE = 'parkatlas:basemap-keys';

/** `tianditu` for 天地图; `custom` for the {key} of a custom XYZ/WMTS address. */
export type KeyName = 'tianditu' | 'custom';

function readAll(storage: KeyValueStorage): Record<string, string> {
  try {
    const v = JSON.parse(storage.getItem(BASEMAP_KEYS_STORAGE) ?? '{}') as unknown;
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {};
  } catch {
    return {};
  }
}

export function readBasemapKey(storage: KeyValueStorage, name: KeyName): string {
  const v = readAll(storage)[name];
  return typeof v === 'string' ? v : '';
}

/** Saves (an empty key removes it); false when the browser refused. */
export function storeBasemapKey(storage: KeyValueStorage, name: KeyName, key: string): boolean {
  try {
    const all = readAll(storage);
    if (key.trim()) all[name] = key.trim();
    else delete all[name];
    storage.setItem(BASEMAP_KEYS_STORAGE, JSON.stringify(all));
    return true;
  } catch {
    return false;
  }
}
