// UI strings — 招商项目库 (project pipeline) and referral. Kept apart from dict.ts so each part of the interface owns its words;
// dict.ts merges them into one set of message keys.

const zh = {
  pipelineTitle: '招商项目库',
} as const;

const en: Record<keyof typeof zh, string> = {
  pipelineTitle: 'Project pipeline',
};

export const PIPELINE_MESSAGES = { zh, en };
