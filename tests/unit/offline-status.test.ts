// What the status bar shows as the service worker reports (src/state/offline.ts).

import { describe, expect, test } from 'vitest';
import type { OfflineReport } from '../../src/data/offline/messages';
import { OFFLINE_OFF, type OfflineEvent, type OfflineStatus, offlineUpdate, percentOf, sizeInMegabytes } from '../../src/state/offline';

const report = (phase: OfflineReport['phase'], doneBytes: number, totalBytes = 40_000_000): OfflineReport => ({
  kind: 'parkatlas-offline',
  version: 'v1',
  phase,
  doneBytes,
  totalBytes,
});
const run = (events: OfflineEvent[], from: OfflineStatus = OFFLINE_OFF) => events.reduce(offlineUpdate, from);

describe('offline status', () => {
  test('without a registered worker nothing is shown, whatever the page hears', () => {
    expect(run([])).toEqual(OFFLINE_OFF);
    expect(run([{ type: 'registered' }]).phase).toBe('starting');
  });

  test('a first install shows its progress, then “available offline” with the size kept', () => {
    const s1 = run([{ type: 'registered' }, { type: 'report', report: report('caching', 10_000_000), update: false }]);
    expect(s1).toMatchObject({ phase: 'caching', percent: 25, bytes: 10_000_000 });
    const s2 = run([{ type: 'report', report: report('ready', 40_000_000), update: false }], s1);
    expect(s2).toMatchObject({ phase: 'ready', percent: 100, bytes: 40_000_000 });
  });

  test('100 % is never shown before the worker says everything is cached', () => {
    const s = run([{ type: 'report', report: report('caching', 39_999_999), update: false }]);
    expect(s.percent).toBe(99);
    expect(percentOf(39_999_999, 40_000_000)).toBe(99);
    expect(percentOf(5, 0)).toBe(0);
  });

  test('a newer build caching beside the running one leaves the status alone; it is announced once installed', () => {
    const ready = run([{ type: 'report', report: report('ready', 40_000_000), update: false }]);
    const during = run([{ type: 'report', report: report('caching', 1_000_000), update: true }], ready);
    expect(during).toEqual(ready);
    // Its last file is not yet the browser's verdict: installation can still fail.
    expect(run([{ type: 'report', report: report('ready', 41_000_000, 41_000_000), update: true }], during)).toEqual(ready);
    const installed = run([{ type: 'update-installed' }], during);
    expect(installed).toMatchObject({ phase: 'ready', bytes: 40_000_000, updateReady: true });
  });

  test('a failed fill is shown as such; the next report (the page asks again on every open) replaces it', () => {
    const failed = run([{ type: 'report', report: report('failed', 0), update: false }]);
    expect(failed.phase).toBe('failed');
    expect(run([{ type: 'report', report: report('caching', 20_000_000), update: false }], failed)).toMatchObject({ phase: 'caching', percent: 50 });
  });

  test('the install button follows the browser’s offer and goes once used', () => {
    const offered = run([{ type: 'install-offered' }]);
    expect(offered.canInstall).toBe(true);
    expect(run([{ type: 'install-done' }], offered).canInstall).toBe(false);
  });

  test('sizes read in whole megabytes', () => {
    expect(sizeInMegabytes(40_962_908)).toBe(41);
    expect(sizeInMegabytes(1_000)).toBe(1);
  });
});
