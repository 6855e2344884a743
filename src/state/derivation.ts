// A derived result (findings, figures under the filter, 亩均 scores, clusters…) is described
// once: which inputs it needs, as a key, and how to compute and store it. The runtime compares
// the key the current state wants with the key of the stored result and computes only when
// they differ; a result whose key is no longer wanted when it arrives is dropped. This replaces
// hand-kept "seen" variables and generation counters: the last change always wins, and no
// result computed from stale inputs is ever shown.

import type { FeatureCollection } from 'geojson';
import type { Db } from '../data/db';
import type { PlaceId } from '../data/regions';
import type { Workspace } from '../data/workspace/workspace-file';
import type { AppState } from './app-state';
import type { Effects } from './effects';

/** What a place holds: a demo region (its binary pack) or a stored workspace, and its boundaries. */
export interface PlaceData {
  kind: 'demo' | 'workspace';
  boundaries: FeatureCollection;
  workspace: Workspace;
}

export interface JobContext {
  /** The database; a derivation with `engine: false` must not use it (it rejects). */
  db: Db;
  fx: Effects;
  /** True once the state no longer wants this result: a long job may stop early (throw STALE). */
  isStale(): boolean;
  /** What a place holds: a demo region's boundaries and files (fetched ahead at start-up), or a stored workspace. */
  placeData(place: PlaceId): Promise<PlaceData>;
  /** Resolves when the engine has compiled its first queries (see analysis/warm-up.ts). */
  warm: Promise<void>;
  /**
   * Called by a job just before it replaces database tables: from then on the stored result
   * no longer matches the database, so the state forgets its key (see Derivation.invalidate).
   */
  willWrite(): void;
}

/** Thrown by a job that noticed it is stale; the runtime ignores it. */
export const STALE = Symbol('stale');

export interface Derivation<R = unknown> {
  name: string;
  /** The key of the inputs the state needs a result for, or null when none is needed now. */
  wanted(s: AppState): string | null;
  /** The key of the stored result. */
  current(s: AppState): string | null;
  run(s: AppState, ctx: JobContext): Promise<R>;
  /** Stores a result (pure). Only called while `wanted(s)` still equals the result's key. */
  apply(s: AppState, result: R): AppState;
  /** A failure stops the page with its message (map data); otherwise it is only logged. */
  fatal: boolean;
  /**
   * False for results computed without the database (the place's shapes): they run at once,
   * outside the database queue, so the map paints before the engine has started.
   */
  engine?: false;
  /**
   * For jobs that replace tables other results read (region load, rule run, 亩均 scoring,
   * tracking table): forgets the stored key while the database is being rewritten. Without
   * this, going back to the previous inputs during the job would look current and skip the
   * recomputation, leaving the database holding the abandoned inputs' tables.
   */
  invalidate?(s: AppState): AppState;
}

/** A key from the values a result depends on. */
export function key(...parts: unknown[]): string {
  return JSON.stringify(parts);
}

/** The stored result is the one the state wants. */
export function isCurrent(d: Derivation<never> | Derivation<any>, s: AppState): boolean {
  const c = d.current(s);
  return c !== null && c === d.wanted(s);
}
