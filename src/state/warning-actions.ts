// Actions of the 闲置预警 tab: the window (a setting) and the 督办清单 export.

import type { Db } from '../data/db';
import type { AppState } from './app-state';
import type { Effects } from './effects';
import type { Store } from './store';
import type { AppEvent } from './updaters';
import { warningsFile } from './warnings';

export interface WarningDeps {
  store: Store<AppState>;
  dispatch(e: AppEvent): void;
  enqueue<T>(job: (db: Db) => Promise<T>): Promise<T>;
  fx: Pick<Effects, 'download'>;
}

/** The windows the tab offers; the setting itself accepts any whole number of days (settings.ts). */
export const WARNING_WINDOWS = [30, 60, 90] as const;

export function createWarningActions({ store, dispatch, enqueue, fx }: WarningDeps) {
  return {
    /** Lists the lines crossed within `days` after the as-of date (saved with the settings). */
    setWarningWindow: (days: number) => dispatch({ type: 'settingsPatched', patch: { warningWindowDays: days } }),
    /** Downloads the 督办清单 (.xlsx) at the current as-of date and window. */
    async exportWarnings(): Promise<void> {
      const s = store.get();
      dispatch({ type: 'exporting', on: true });
      try {
        const file = await enqueue((db) => warningsFile(s, db));
        fx.download(file.bytes, file.name, file.type);
      } catch (e) {
        const msg = (e as Error).message;
        dispatch({ type: 'workbenchError', error: s.lang === 'zh' ? `导出失败：${msg}` : `Export failed: ${msg}` });
      } finally {
        dispatch({ type: 'exporting', on: false });
      }
    },
  };
}
