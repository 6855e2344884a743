// UI strings — Offline use on a venue laptop (installable app). Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {} as const;

const en: Record<keyof typeof zh, string> = {};

export const OFFLINE_MESSAGES = { zh, en };
