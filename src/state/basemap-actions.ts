// What the basemap dialog can ask for: the current place's basemap (saved with the settings),
// and the keys of tile services, which stay in this browser (basemap-keys.ts).

import type { AppState } from './app-state';
import { type BasemapChoice, withoutSecret } from './basemap-choice';
import { type KeyName, readBasemapKey, storeBasemapKey } from './basemap-keys';
import type { Effects } from './effects';
import type { Store } from './store';
import type { AppEvent } from './updaters';

export function createBasemapActions({ store, dispatch, fx }: { store: Store<AppState>; dispatch(e: AppEvent): void; fx: Effects }) {
  return {
    /**
     * The basemap of the place on screen; null goes back to offline. A key pasted into a custom
     * address is moved to this browser's key store and the saved address keeps `{key}`.
     */
    setBasemap(choice: BasemapChoice | null): void {
      let chosen = choice;
      if (chosen && (chosen.kind === 'xyz' || chosen.kind === 'wmts')) {
        const { url, secret } = withoutSecret(chosen.url);
        if (secret !== null) storeBasemapKey(fx.storage, 'custom', secret);
        chosen = { ...chosen, url };
      }
      dispatch({ type: 'basemapChosen', region: store.get().region, choice: chosen });
    },
    basemapKey: (name: KeyName): string => readBasemapKey(fx.storage, name),
    /** False when the browser refused to store it. */
    setBasemapKey: (name: KeyName, key: string): boolean => storeBasemapKey(fx.storage, name, key),
  };
}
