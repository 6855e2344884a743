// UI strings — Idle land over time (time slider). Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {
  timelineTitle: '闲置用地变化',
  /** {date}: the time bar's date, shown while presenting a scene saved with it. */
  presentTimelineAt: '地图时点 {date}',
  timelineOpen: '时间轴',
  timelineOpenHint: '按季度回看闲置用地的出现与盘活',
  timelineClose: '关闭时间轴，回到基准日',
  timelinePrev: '上一季度',
  timelineNext: '下一季度',
  timelinePlay: '播放',
  timelinePause: '暂停',
  timelineSlider: '时间轴日期',
  timelineAt: '时点',
  timelineIdle: '闲置用地',
  timelineRevitalised: '本期盘活',
  timelineParcels: '宗',
  timelineMu: '亩',
  timelineCounty: '县区',
  timelineAllCounties: '全部县区',
  timelineLoading: '正在按各时点计算…',
  timelineNote: '闲置按认定规则在各时点判定；盘活取跟踪记录中“已收回/已盘活”的首个日期，两者分列，不相抵扣。',
} as const;

const en: Record<keyof typeof zh, string> = {
  timelineTitle: 'Idle land over time',
  presentTimelineAt: 'Map as of {date}',
  timelineOpen: 'Timeline',
  timelineOpenHint: 'Replay, quarter by quarter, how idle land appeared and was brought back into use',
  timelineClose: 'Close the timeline and return to the as-of date',
  timelinePrev: 'Previous quarter',
  timelineNext: 'Next quarter',
  timelinePlay: 'Play',
  timelinePause: 'Pause',
  timelineSlider: 'Timeline date',
  timelineAt: 'At',
  timelineIdle: 'Idle land',
  timelineRevitalised: 'Revitalised in period',
  timelineParcels: 'parcels',
  timelineMu: 'mu',
  timelineCounty: 'County',
  timelineAllCounties: 'All counties',
  timelineLoading: 'Judging each date…',
  timelineNote:
    'Idle land is judged by the idle-land rules at each date; revitalised land is the first "recovered" or "revitalised" date in the tracking records. The two are shown side by side, not netted.',
};

export const TIMELINE_MESSAGES = { zh, en };
