// Rule settings as a JSON file (the settings panel's save/open and the CLI's --settings): complete
// and versioned, so a file written today stays readable.

import { DEFAULT_SETTINGS, type RuleSettings, SETTINGS_VERSION, mergeSettings } from './settings';

/** Settings as saved JSON (complete and versioned, so a file written today stays readable). */
export function settingsToJson(s: RuleSettings): string {
  return JSON.stringify({ ...s, version: SETTINGS_VERSION }, null, 2);
}

/** Reads settings JSON (a whole file or any subset of keys) over `base`; errors are in Chinese. */
export function settingsFromJson(
  text: string,
  base: RuleSettings = DEFAULT_SETTINGS,
): { settings: RuleSettings; errors: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (e) {
    return { settings: { ...base }, errors: [`设置不是有效的 JSON：${(e as Error).message}`] };
  }
  if (parsed !== null && typeof parsed === 'object' && 'version' in parsed && (parsed as { version: unknown }).version !== SETTINGS_VERSION) {
    return { settings: { ...base }, errors: [`设置版本 ${JSON.stringify((parsed as { version: unknown }).version)} 不受支持（应为 ${SETTINGS_VERSION}）`] };
  }
  return mergeSettings(parsed, base);
}
