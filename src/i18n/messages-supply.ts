// UI strings — 可供地 (available land per park). Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {
  supplyTitle: '可供地',
} as const;

const en: Record<keyof typeof zh, string> = {
  supplyTitle: 'Available land',
};

export const SUPPLY_MESSAGES = { zh, en };
