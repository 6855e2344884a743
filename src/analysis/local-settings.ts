// Which settings differ from their defaults, in words. A setting whose default is the statute's
// own figure (《闲置土地处置办法》第二条、第十四条: 满一年, 满两年, 百分之二十, 三分之一,
// 百分之二十五) is a non-statutory local setting once changed: the map title, the wall screen, the
// exports' 说明 sheet and the explanations say so, and quote the statute unchanged beside it.
// Other changed defaults (亩均 weights, benchmarks, thresholds a locality chooses) are listed as
// 本地设置.

import type { Lang } from '../vocab';
import { DEFAULT_SETTINGS, type NumericSettingKey, type RuleSettings, SETTING_META, type SettingMeta } from './settings';

export interface SettingChange {
  key: NumericSettingKey;
  meta: SettingMeta;
  value: number;
  default: number;
  /** The default is the statute's figure. */
  statutory: boolean;
}

/** Settings are typed in a form and saved as JSON: compare with a little tolerance. */
const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** Every setting that differs from its default, statutory ones first, in settings-panel order. */
export function settingChanges(s: RuleSettings): SettingChange[] {
  const out: SettingChange[] = [];
  for (const meta of SETTING_META) {
    // The warning window only chooses which coming lines are listed; findings do not change.
    if (meta.group === 'warning') continue;
    const value = s[meta.key];
    const def = DEFAULT_SETTINGS[meta.key];
    if (typeof value !== 'number' || same(value, def)) continue;
    out.push({ key: meta.key, meta, value, default: def, statutory: meta.statutory === true });
  }
  return [...out.filter((c) => c.statutory), ...out.filter((c) => !c.statutory)];
}

/** True when a figure the statute fixes has been changed locally. */
export function hasNonStatutorySettings(s: RuleSettings): boolean {
  return settingChanges(s).some((c) => c.statutory);
}

/** A setting's value with its unit, as a planner reads it (20%, 1/3, 3 年 / 3 yr, 0.4). */
export function settingValueText(meta: SettingMeta, v: number, lang: Lang): string {
  if (meta.percent) {
    if (same(v, 1 / 3)) return lang === 'zh' ? '三分之一' : 'one third';
    return `${Number((v * 100).toFixed(2))}%`;
  }
  const unit = lang === 'zh' ? meta.unitZh : meta.unitEn;
  const n = Number(v.toFixed(4)).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 4 });
  if (!unit) return n;
  return unit.startsWith('×') || unit === '%' ? `${n}${unit === '%' ? '%' : ` ${unit}`}` : `${n} ${unit}`;
}

/** One change in words: “无偿收回年限 3 年（法定：2 年）” / “亩均税收权重 0.4（默认 0.3）”. */
export function settingChangeText(c: SettingChange, lang: Lang): string {
  const label = lang === 'zh' ? c.meta.labelZh : c.meta.labelEn;
  const now = settingValueText(c.meta, c.value, lang);
  const was = settingValueText(c.meta, c.default, lang);
  if (lang === 'zh') return `${label} ${now}（${c.statutory ? '法定' : '默认'}：${was}）`;
  return `${label} ${now} (${c.statutory ? 'statute' : 'default'}: ${was})`;
}

export interface LocalSettingsNotice {
  /** Changed figures the statute fixes, in words. */
  statutory: string[];
  /** Other changed defaults, in words. */
  local: string[];
  /** The whole notice on one line, for titles, the wall screen and the 说明 sheet. */
  text: string;
}

/** The notice shown while any setting differs from its default; null when none does. */
export function localSettingsNotice(s: RuleSettings, lang: Lang): LocalSettingsNotice | null {
  const changes = settingChanges(s);
  if (changes.length === 0) return null;
  const statutory = changes.filter((c) => c.statutory).map((c) => settingChangeText(c, lang));
  const local = changes.filter((c) => !c.statutory).map((c) => settingChangeText(c, lang));
  const parts: string[] = [];
  if (lang === 'zh') {
    if (statutory.length) parts.push(`非法定设置（与《闲置土地处置办法》规定不同）：${statutory.join('；')}`);
    if (local.length) parts.push(`本地设置：${local.join('；')}`);
    return { statutory, local, text: parts.join('。') };
  }
  if (statutory.length) parts.push(`Non-statutory settings (differ from the Measures on Disposal of Idle Land): ${statutory.join('; ')}`);
  if (local.length) parts.push(`Local settings: ${local.join('; ')}`);
  return { statutory, local, text: parts.join('. ') };
}

/**
 * The local values of statutory figures a judgement used, to put beside a quotation of the
 * statute (never into it): “；本判定按本地设置（非法定）：无偿收回年限 3 年” / “; judged by local
 * setting (not the statute): years until recovery 3 yr”. Empty when they are the statute's.
 */
export function statuteNote(s: RuleSettings, keys: readonly NumericSettingKey[], lang: Lang): string {
  const changed = settingChanges(s).filter((c) => c.statutory && keys.includes(c.key));
  if (changed.length === 0) return '';
  const parts = changed.map((c) => `${lang === 'zh' ? c.meta.labelZh : c.meta.labelEn.toLowerCase()} ${settingValueText(c.meta, c.value, lang)}`);
  return lang === 'zh' ? `；本判定按本地设置（非法定）：${parts.join('、')}` : `; judged by local setting (not the statute): ${parts.join(', ')}`;
}
