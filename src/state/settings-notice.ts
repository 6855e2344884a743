// The notice of changed settings every view of the findings carries (map title, wall screen,
// exports): which figures differ from the statute, and which other defaults are local choices.

import { type LocalSettingsNotice, localSettingsNotice } from '../analysis/local-settings';
import type { Lang } from '../vocab';
import type { AppState } from './app-state';

export type { LocalSettingsNotice } from '../analysis/local-settings';

// Kept per settings object, so a component re-renders only when the settings or language change.
const cache = new WeakMap<AppState['settings'], Partial<Record<Lang, LocalSettingsNotice | null>>>();

export function settingsNotice(s: Pick<AppState, 'settings'>, lang: Lang): LocalSettingsNotice | null {
  const entry = cache.get(s.settings) ?? {};
  if (!(lang in entry)) {
    entry[lang] = localSettingsNotice(s.settings, lang);
    cache.set(s.settings, entry);
  }
  return entry[lang] ?? null;
}
