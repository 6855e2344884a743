// UI strings — Navigation: camera moves, history, search, measuring, picking. Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {} as const;

const en: Record<keyof typeof zh, string> = {};

export const NAV_MESSAGES = { zh, en };
