// The browser's side of the state layer's effects (state/effects.ts): DuckDB-WASM in a worker,
// the bundled demo files, localStorage, the address bar, IndexedDB for tracking and the
// download link. The only module besides main.tsx that touches browser globals for the state.

import { fetchBoundaries, fetchDemoPack } from '../data/demo-files';
import { type EngineBuild, openBrowserDb, openedBuild } from '../data/duckdb-browser';
import { openTrackingStore } from '../data/tracking';
import { loadCityBoundaries } from '../data/cities';
import { fetchCityFileLazily } from '../data/cities-fetch';
import { openWorkspaceStore } from '../data/workspace/workspace-store';
import type { Effects } from './effects';
import type { KeyValueStorage } from './saved-state';
import { todayLocal } from '../vocab';

/** localStorage, or a session-only stand-in where it is blocked (the app then says nothing is kept). */
function storage(): KeyValueStorage {
  try {
    if (typeof localStorage !== 'undefined') return localStorage;
  } catch {
    // Access itself may throw (blocked third-party storage).
  }
  const m = new Map<string, string>();
  return { getItem: (k) => m.get(k) ?? null, setItem: (k, v) => void m.set(k, v) };
}

/** Hands a file to the user through the browser's download (exports, map pictures). */
export function saveBlob(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // Large pictures take a moment to be written out: the address is kept long enough.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

function download(bytes: Uint8Array, name: string, type: string): void {
  saveBlob(new Blob([bytes as BlobPart], { type }), name);
}

/** The DuckDB-WASM build this page opened and its threads (null before the engine is open). */
export function engineBuild(): { build: EngineBuild; threads: number } | null {
  return openedBuild;
}

export function browserEffects(): Effects {
  return {
    openDb: openBrowserDb,
    fetchBoundaries,
    fetchDemoPack,
    storage: storage(),
    address: {
      search: () => location.search,
      push: (search) => history.pushState(null, '', search),
      replace: (search) => history.replaceState(null, '', search),
      onPop(listener) {
        const f = () => listener(location.search);
        window.addEventListener('popstate', f);
        return () => window.removeEventListener('popstate', f);
      },
    },
    today: () => todayLocal(),
    newId: () => `sc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`,
    tracking: openTrackingStore(),
    workspaces: openWorkspaceStore(),
    cityBoundaries: (adcode) => loadCityBoundaries(adcode, fetchCityFileLazily),
    download,
    mark: (name) => performance.mark(name),
    logError: (e) => console.error(e),
  };
}
