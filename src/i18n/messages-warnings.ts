// UI strings — 闲置预警 (early warning of legal lines). Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys. Line, action and bin names are in src/vocab/warnings.ts.

const zh = {
  warningsTab: '预警',
  warningsTitle: '闲置预警',
  warningsNote: '基准日 {asOf} 之后 {days} 天内将越过的法定节点，按越线日期排列；点击一行在地图上选中该宗地。',
  warningsWindow: '提前',
  warningsWindowDays: '{n} 天',
  warningsAllLines: '全部节点',
  warningsEmpty: '此期间没有宗地将越过法定节点。',
  warningsComputing: '正在计算预警…',
  warningsDaysLeft: '剩 {n} 天',
  warningsOneDayLeft: '剩 1 天',
  warningsExport: '导出督办清单 (Excel)',
  warningsExporting: '正在导出…',
  warningsLocalPractice: '地方做法',
  warningsStatute: '法定',
  colorByDaysToIdle: '距闲置天数',
  titleDaysToIdle: '距认定闲置天数',
  legendDaysToIdle: '距认定闲置天数',
  legendDaysToIdleNote: '按《闲置土地处置办法》第二条“满一年”计算；中止开发建设的宗地仅在开发面积或投资额低于设置的比例时计入。',
} as const;

const en: Record<keyof typeof zh, string> = {
  warningsTab: 'Warnings',
  warningsTitle: 'Early warning',
  warningsNote: 'Legal lines crossed within {days} days after the as-of date {asOf}, by date. Click a row to select the parcel on the map.',
  warningsWindow: 'Window',
  warningsWindowDays: '{n} days',
  warningsAllLines: 'All lines',
  warningsEmpty: 'No parcel crosses a legal line in this period.',
  warningsComputing: 'Computing warnings…',
  warningsDaysLeft: '{n} days left',
  warningsOneDayLeft: '1 day left',
  warningsExport: 'Export the supervision list (Excel)',
  warningsExporting: 'Exporting…',
  warningsLocalPractice: 'local practice',
  warningsStatute: 'statute',
  colorByDaysToIdle: 'Days until idle',
  titleDaysToIdle: 'Days until idle',
  legendDaysToIdle: 'Days until idle',
  legendDaysToIdleNote: 'Counted to the full year of Art. 2 of the Measures on Disposal of Idle Land; a suspended project counts only while its developed area or investment is below the set shares.',
};

export const WARNINGS_MESSAGES = { zh, en };
