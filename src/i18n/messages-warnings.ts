// UI strings — 闲置预警 (early warning of legal lines). Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {
  warningsTab: '预警',
} as const;

const en: Record<keyof typeof zh, string> = {
  warningsTab: 'Warnings',
};

export const WARNINGS_MESSAGES = { zh, en };
