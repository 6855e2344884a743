// The page's side of offline use: registers the service worker (dist/sw.js, see src/sw.ts),
// follows its reports and the browser's install offer, and keeps what the header shows —
// "可离线使用 38 MB", "正在缓存… 40%", "安装到桌面". A small store of its own, apart from the
// app state: nothing in the analyses depends on it.
//
// Service workers exist only in a secure context (https, or http://localhost and 127.0.0.1;
// W3C Service Workers §, "secure context"). On a plain-http intranet host the status stays `off`
// and the UI shows nothing: the app works online exactly as before, user data in IndexedDB as ever.

import { type OfflineReport, STATUS_REQUEST, isOfflineReport } from '../data/offline/messages';

export interface OfflineStatus {
  /**
   * off: no service worker here (plain http, dev server, old browser); starting: registered, no
   * report yet; caching / ready / failed: what the worker that serves this page reports.
   */
  phase: 'off' | 'starting' | 'caching' | 'ready' | 'failed';
  /** 0–100, whole numbers; 100 only when every file is in the cache. */
  percent: number;
  /** Bytes the cache holds for offline use (the precached files). */
  bytes: number;
  /** A newer build is cached and takes over the next time the app is opened. */
  updateReady: boolean;
  /** The browser has offered to install the app (beforeinstallprompt). */
  canInstall: boolean;
}

export type OfflineEvent =
  | { type: 'registered' }
  /** `update`: sent by a worker of a newer build while another one serves the page. */
  | { type: 'report'; report: OfflineReport; update: boolean }
  | { type: 'update-installed' }
  | { type: 'install-offered' }
  | { type: 'install-done' };

export const OFFLINE_OFF: OfflineStatus = { phase: 'off', percent: 0, bytes: 0, updateReady: false, canInstall: false };

/** Percent done, rounded down so that 100 % means everything is there. */
export function percentOf(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.max(0, Math.min(100, Math.floor((done / total) * 100)));
}

export function offlineUpdate(s: OfflineStatus, e: OfflineEvent): OfflineStatus {
  switch (e.type) {
    case 'registered':
      return s.phase === 'off' ? { ...s, phase: 'starting' } : s;
    case 'report': {
      const r = e.report;
      // A newer build filling its cache does not change what this page can do offline. It is
      // announced once the browser has installed it (`update-installed`), not on its last file:
      // only from then on does the next opening use it.
      if (e.update) return s;
      if (r.phase === 'failed') return { ...s, phase: 'failed' };
      const percent = r.phase === 'ready' ? 100 : Math.min(99, percentOf(r.doneBytes, r.totalBytes));
      return { ...s, phase: r.phase, percent, bytes: r.phase === 'ready' ? r.totalBytes : r.doneBytes };
    }
    case 'update-installed':
      return { ...s, updateReady: true };
    case 'install-offered':
      return { ...s, canInstall: true };
    case 'install-done':
      return { ...s, canInstall: false };
  }
}

/** Bytes as whole megabytes (10^6, as file sizes are shown on Windows' disks), at least 1. */
export function sizeInMegabytes(bytes: number): number {
  return Math.max(1, Math.round(bytes / 1e6));
}

// --- The store ---------------------------------------------------------------------------

let status = OFFLINE_OFF;
const listeners = new Set<(s: OfflineStatus) => void>();

function dispatch(e: OfflineEvent): void {
  const next = offlineUpdate(status, e);
  if (next === status) return;
  status = next;
  for (const l of listeners) l(status);
}

export function offlineStatus(): OfflineStatus {
  return status;
}

export function subscribeOffline(l: (s: OfflineStatus) => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

// --- The browser ---------------------------------------------------------------------------

/** The browser's install offer (Chromium's BeforeInstallPromptEvent). */
interface InstallOffer extends Event {
  prompt(): Promise<unknown>;
}
let offer: InstallOffer | null = null;

/** Shows the browser's install dialogue; the offer can be used once. */
export async function installApp(): Promise<void> {
  const o = offer;
  if (!o) return;
  offer = null;
  dispatch({ type: 'install-done' });
  await o.prompt();
}

/** Keeps the browser's install offer for the status bar's button. Called once, as the page starts. */
export function listenForInstallOffer(): void {
  window.addEventListener('beforeinstallprompt', (e) => {
    // Keep the browser's own mini-infobar away; the status bar offers the button instead.
    e.preventDefault();
    offer = e as InstallOffer;
    dispatch({ type: 'install-offered' });
  });
  window.addEventListener('appinstalled', () => {
    offer = null;
    dispatch({ type: 'install-done' });
  });
}

/**
 * Registers the worker when the page may have one. Called once from main.tsx; never throws and
 * never blocks the app (a failed registration leaves the app as it is online).
 */
/** Whether this page can keep an offline copy (a production build in a secure context with service workers). */
export function offlineSupported(): boolean {
  return import.meta.env.PROD && typeof window !== 'undefined' && window.isSecureContext && 'serviceWorker' in navigator;
}

export async function startOffline(): Promise<void> {
  if (!offlineSupported()) return;
  const sw = navigator.serviceWorker;
  let reg: ServiceWorkerRegistration | undefined;
  sw.addEventListener('message', (e) => {
    if (!isOfflineReport(e.data)) return;
    // Reports of a worker other than the one serving (or about to serve) this page are an update's.
    const from = e.source as ServiceWorker | null;
    const update = !!reg?.active && from !== reg.active && from !== sw.controller;
    dispatch({ type: 'report', report: e.data, update });
  });
  let registration: ServiceWorkerRegistration;
  try {
    registration = reg = await sw.register('./sw.js');
  } catch (err) {
    console.warn('离线缓存不可用 · offline cache unavailable:', err);
    return;
  }
  dispatch({ type: 'registered' });
  registration.addEventListener('updatefound', () => {
    const next = registration.installing;
    next?.addEventListener('statechange', () => {
      if (next.state === 'installed' && registration.active) dispatch({ type: 'update-installed' });
    });
  });
  if (registration.waiting && registration.active) dispatch({ type: 'update-installed' });
  // The worker serving this page says how complete its cache is (a first install reports by itself).
  registration.active?.postMessage(STATUS_REQUEST);
}
