// UI strings — 招商选址 (project–site matching). Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {
  modeSiting: '招商选址',
  sitingMatchTab: '项目选址',
} as const;

const en: Record<keyof typeof zh, string> = {
  modeSiting: 'Siting',
  sitingMatchTab: 'Find a site',
};

export const SITING_MESSAGES = { zh, en };
