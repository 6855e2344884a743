// The running app: one state store, the pure updater, and the effects around it. After every
// event it (1) mirrors the view in the address bar, (2) saves settings and preferences, and
// (3) queues the derived results whose inputs changed (derivation.ts) on the database job
// queue (job-queue.ts).

import { warmUpEngine } from '../analysis/warm-up';
import type { Db } from '../data/db';
import { ImportFailed } from '../data/import/issues';
import { type PlaceId, isWorkspaceId } from '../data/regions';
import { formatIssue } from '../data/import/issues';
import { type AppState, initialState, savedOf, viewOf } from './app-state';
import { type Derivation, type JobContext, type PlaceData, STALE } from './derivation';
import { workspaceBoundaries } from './workspace-place';
import { DERIVATIONS } from './derivations';
import type { Effects } from './effects';
import { type AppEvent, update } from './updaters';
import { type Actions, createActions } from './actions';
import { loadSavedState, savedStateToJson, storeSavedState } from './saved-state';
import { createJobQueue } from './job-queue';
import { type Store, createStore } from './store';
import { historyMode, viewFromSearch, viewToSearch } from './url-codec';

export interface App {
  store: Store<AppState>;
  actions: Actions;
  /** Opens the database and starts computing; resolves once the database is open. */
  start(): Promise<void>;
  /** Resolves when no job is queued or running (tests, and actions that report completion). */
  settled(): Promise<void>;
  /** Stops listening to the address bar. */
  dispose(): void;
}

/** The message shown for a failure: located import issues, else the error's own message. */
export function failureMessage(e: unknown): string {
  if (e instanceof ImportFailed) return e.issues.slice(0, 20).map(formatIssue).join('\n');
  return e instanceof Error ? e.message : String(e);
}

/** The database handed to derivations that declare they need none: any use is a bug, said loudly. */
const NO_DB: Db = new Proxy({} as Db, {
  get() {
    throw new Error('a derivation marked engine: false used the database');
  },
});

export function createApp(fx: Effects): App {
  // The starting state: saved preferences and settings, overridden by the address.
  const saved = loadSavedState(fx.storage);
  // A document from a newer app is kept untouched: this session does not overwrite it.
  const keepStored = saved.newerVersion !== undefined;
  const notices = [...saved.issues];
  if (keepStored) {
    notices.push({
      zh: '为免覆盖这些设置，本次的修改不会保存在浏览器中',
      en: 'So as not to overwrite them, changes made now are not saved in this browser',
    });
  }
  const decoded = viewFromSearch(fx.address.search(), saved.state);
  const store = createStore<AppState>(
    initialState(decoded.view, saved.state, fx.today(), decoded.extras.scale, [...notices, ...decoded.issues]),
  );
  let lastSaved = savedStateToJson(saved.state);

  let resolveDb!: (db: Db) => void;
  let rejectDb!: (e: unknown) => void;
  const dbReady = new Promise<Db>((res, rej) => {
    resolveDb = res;
    rejectDb = rej;
  });
  dbReady.catch(() => undefined);
  let warm: Promise<void> = Promise.resolve();
  const jobs = createJobQueue(dbReady, {
    queued: () => dispatch({ type: 'jobQueued' }),
    settled: () => dispatch({ type: 'jobSettled' }),
  });
  const inFlight = new Map<string, string>();

  /**
   * What a place holds, fetched once for the derivations that need it (the map's shapes and the
   * database load read the same pack or stored workspace): the latest place only.
   */
  const places = new Map<string, Promise<PlaceData>>();
  function placeData(p: PlaceId): Promise<PlaceData> {
    const k = `${p}|${store.get().workspaceStamp}`;
    const known = places.get(k);
    if (known) return known;
    places.clear();
    const loading = loadPlace(p);
    places.set(k, loading);
    // A failed fetch is tried again the next time the place is wanted.
    loading.catch(() => places.delete(k));
    return loading;
  }
  /** A demo region's pack, or a stored workspace, with the boundaries of its city. */
  async function loadPlace(p: PlaceId): Promise<PlaceData> {
    if (!isWorkspaceId(p)) {
      const [boundaries, workspace] = await Promise.all([fx.fetchBoundaries(p), fx.fetchDemoPack(p)]);
      return { kind: 'demo', boundaries, workspace };
    }
    const r = await fx.workspaces.load(p);
    if (!r.ok) {
      if (!(await fx.workspaces.list()).some((w) => w.id === p)) {
        dispatch({ type: 'placeMissing', id: p });
        throw STALE;
      }
      throw new Error(`${r.errorZh}\n${r.errorEn}`);
    }
    return { kind: 'workspace', workspace: r.workspace, boundaries: await workspaceBoundaries(r.workspace, fx) };
  }

  function dispatch(e: AppEvent): void {
    const prev = store.get();
    const next = update(prev, e);
    if (next === prev) return;
    store.replace(next);
    syncAddress(prev, next, e);
    save(next);
    if (e.type !== 'jobQueued' && e.type !== 'jobSettled') reconcile();
  }

  function syncAddress(prev: AppState, next: AppState, e: AppEvent): void {
    const search = viewToSearch(viewOf(next), { scale: next.scale });
    if (search === fx.address.search()) return;
    // Restored views and corrections (a result that clears an unknown parcel) rewrite the
    // current entry; the planner's own navigations add one.
    // A camera the map reports (a drag, the end of a flight) is never an entry of its own.
    const corrective = e.type === 'viewRestored' || e.type === 'derived' || e.type === 'cameraMoved';
    const push = e.type === 'navigated' || historyMode(viewOf(prev), viewOf(next)) === 'push';
    if (!corrective && push) fx.address.push(search);
    else fx.address.replace(search);
  }

  function save(s: AppState): void {
    if (keepStored) return;
    const json = savedStateToJson(savedOf(s));
    if (json === lastSaved) return;
    lastSaved = json;
    storeSavedState(fx.storage, savedOf(s));
  }

  /** Work asked for by the planner (an export) waits for the derived results. */
  const enqueue = <T>(job: (db: Db) => Promise<T>): Promise<T> => jobs.add(DERIVATIONS.length, job);

  /** Computes one derivation for key `k` and stores its result, unless its inputs changed meanwhile. */
  async function compute(d: Derivation<unknown>, k: string, db: Db): Promise<void> {
    const isStale = () => d.wanted(store.get()) !== k;
    try {
      // Inputs changed while this job waited: the newer job is queued behind it.
      if (isStale()) return;
      const ctx: JobContext = {
        db,
        fx,
        isStale,
        warm,
        willWrite: () => dispatch({ type: 'invalidated', names: [d.name] }),
        placeData,
      };
      const result = await d.run(store.get(), ctx);
      dispatch({ type: 'derived', name: d.name, key: k, result });
    } catch (e) {
      if (e === STALE || isStale()) return;
      fx.logError(e);
      dispatch({ type: 'jobFailed', name: d.name, key: k, message: failureMessage(e), fatal: d.fatal });
    } finally {
      if (inFlight.get(d.name) === k) inFlight.delete(d.name);
    }
  }

  function reconcile(): void {
    for (const [priority, d] of DERIVATIONS.entries()) {
      const s = store.get();
      const k = d.wanted(s);
      if (k === null || k === d.current(s) || inFlight.get(d.name) === k || s.failed[d.name] === k) continue;
      inFlight.set(d.name, k);
      if (d.engine === false) {
        // Needs no database: runs now, beside the queue, so the map paints while the engine starts.
        dispatch({ type: 'jobQueued' });
        void compute(d, k, NO_DB).finally(() => dispatch({ type: 'jobSettled' }));
        continue;
      }
      jobs.add(priority, (db) => compute(d, k, db)).catch((e) => {
        // Only reached when the database never opened (reported by start()).
        if (inFlight.get(d.name) === k) inFlight.delete(d.name);
        void e;
      });
    }
  }

  const stopPop = fx.address.onPop((search) => {
    const s = store.get();
    const d = viewFromSearch(search, { region: s.region, lang: s.lang });
    dispatch({ type: 'viewRestored', view: d.view, issues: d.issues });
  });

  const actions = createActions({ store, dispatch, enqueue, fx });

  return {
    store,
    actions,
    async start() {
      // Address corrections (invalid parameters) show at once, before anything loads.
      syncAddress(store.get(), store.get(), { type: 'viewRestored', view: viewOf(store.get()), issues: [] });
      reconcile();
      // The workspace menu lists what this browser holds (IndexedDB; independent of the engine).
      void actions.refreshWorkspaces();
      try {
        const db = await fx.openDb();
        fx.mark('pa:duckdb-ready');
        warm = warmUpEngine(db).catch((e) => fx.logError(e));
        resolveDb(db);
      } catch (e) {
        rejectDb(e);
        fx.logError(e);
        dispatch({ type: 'startFailed', message: failureMessage(e) });
      }
    },
    async settled() {
      // A finishing job may queue the next, and effects (storage, IndexedDB) resolve in later
      // tasks: idle means idle on two looks a few milliseconds apart.
      for (let calm = 0; calm < 2; ) {
        await new Promise((r) => setTimeout(r, 5));
        calm = jobs.idle() && store.get().pending === 0 ? calm + 1 : 0;
      }
    },
    dispose: stopPop,
  };
}
