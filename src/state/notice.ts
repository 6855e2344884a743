// A message for the planner in both UI languages; the UI shows the one it is set to.

export interface Notice {
  zh: string;
  en: string;
}
