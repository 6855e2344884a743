// UI strings — Notices of local (non-statutory) settings and as-of wording. Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {
  nonStatutory: '非法定设置',
  localSettings: '本地设置',
  settingsNoticeHint: '当前规则设置与默认值不同：地图、统计、清单与导出均按这些设置计算，可在“规则设置”中恢复默认',
  pastAsOfShort: '按历史日期评估',
  afterAsOf: '晚于评估日期，按尚未发生计',
  statuteValue: '法定值',
  nonStatutoryRow: '非法定设置：与法规规定不同，结果按本地设置计算，并在地图标题、大屏和导出中注明',
  pastAsOf: '评估日期早于今天：建设状态、投资额、面积等无日期字段按数据现状计，日期晚于评估日期的动工、停工、供地视为尚未发生。',
} as const;

const en: Record<keyof typeof zh, string> = {
  nonStatutory: 'Non-statutory settings',
  localSettings: 'Local settings',
  settingsNoticeHint: 'Rule settings differ from the defaults: the map, figures, lists and exports follow them; restore the defaults under Rule settings',
  pastAsOfShort: 'judged at a past date',
  afterAsOf: 'after the as-of date: not yet happened',
  statuteValue: 'statute',
  nonStatutoryRow: 'Non-statutory: differs from the statute; results follow this local setting and the map title, wall screen and exports say so',
  pastAsOf:
    'The as-of date is in the past: undated fields (status, investment, areas) describe the data as it is now; starts, halts and supplies dated later are treated as not yet happened.',
};

export const LEGAL_MESSAGES = { zh, en };
