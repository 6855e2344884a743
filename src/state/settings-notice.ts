// The notice of changed settings every view of the findings carries (map title, wall screen,
// exports): which figures differ from the statute, and which other defaults are local choices.

import { type LocalSettingsNotice, localSettingsNotice } from '../analysis/local-settings';
import type { Lang } from '../vocab';
import type { AppState } from './app-state';

export type { LocalSettingsNotice } from '../analysis/local-settings';

export function settingsNotice(s: Pick<AppState, 'settings'>, lang: Lang): LocalSettingsNotice | null {
  return localSettingsNotice(s.settings, lang);
}
