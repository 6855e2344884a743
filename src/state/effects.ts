// Everything the state layer needs from the outside world, passed in rather than reached for:
// the browser supplies DuckDB-WASM in a worker, localStorage, the address bar and IndexedDB
// (src/browser-effects.ts); unit tests supply DuckDB-WASM for Node and in-memory fakes.

import type { FeatureCollection } from 'geojson';
import type { Db } from '../data/db';
import type { RegionId } from '../data/regions';
import type { Workspace } from '../data/workspace/workspace-file';
import type { WorkspaceStore } from '../data/workspace/workspace-store';
import type { TrackingStore } from '../data/tracking';
import type { KeyValueStorage } from './saved-state';

/** The address bar: the query string, and history entries that carry one. */
export interface Address {
  /** The current query string, with its leading `?` (or empty). */
  search(): string;
  /** A new history entry (navigations). */
  push(search: string): void;
  /** Rewrites the current entry (continuous changes, corrections). */
  replace(search: string): void;
  /** Back/forward: called with the restored query string. Returns an unsubscribe. */
  onPop(listener: (search: string) => void): () => void;
}

export interface Effects {
  openDb(): Promise<Db>;
  fetchBoundaries(region: RegionId): Promise<FeatureCollection>;
  /** A demo region as a workspace: its binary pack (data/demo/<region>/demo.parkatlas). */
  fetchDemoPack(region: RegionId): Promise<Workspace>;
  storage: KeyValueStorage;
  address: Address;
  /** Today's local date, YYYY-MM-DD. */
  today(): string;
  tracking: TrackingStore;
  /** The user's workspaces (IndexedDB in the browser). */
  workspaces: WorkspaceStore;
  /** County boundaries of any city by its code (bundled files, loaded on demand). */
  cityBoundaries(adcode: string): Promise<FeatureCollection>;
  /** Hands a file to the user (the browser's download). */
  download(bytes: Uint8Array, name: string, type: string): void;
  /** Performance marks for the benchmark (pa:place-ready, pa:duckdb-ready, pa:data-loaded, pa:rules-done). */
  mark(name: string): void;
  /** A new unique id for a scene (time and randomness in the browser, a counter in tests). */
  newId(): string;
  /** Failures that are not shown to the user (a side panel that could not refresh). */
  logError(e: unknown): void;
}
