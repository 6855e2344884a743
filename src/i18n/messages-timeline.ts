// UI strings — Idle land over time (time slider). Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {
  timelineTitle: '闲置用地变化',
} as const;

const en: Record<keyof typeof zh, string> = {
  timelineTitle: 'Idle land over time',
};

export const TIMELINE_MESSAGES = { zh, en };
