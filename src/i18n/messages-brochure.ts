// UI strings — Park brochures (园区名片) and their print layout. Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {} as const;

const en: Record<keyof typeof zh, string> = {};

export const BROCHURE_MESSAGES = { zh, en };
