// Import problems, each naming the file, row and field it concerns, so a planner can find
// it in Excel or a text editor. Every step of the import path reports through this type.

export interface ImportIssue {
  level: 'error' | 'warning';
  file: string;
  /** Human row reference, e.g. “第 12 行” or “第 3 个要素”; null for file-level issues. */
  row: string | null;
  field: string | null;
  message: string;
}

export function formatIssue(i: ImportIssue): string {
  const where = [`文件 ${i.file}`, i.row, i.field ? `字段 ${i.field}` : null].filter(Boolean).join('，');
  return `${where}：${i.message}`;
}

/** Thrown when any file of a region fails validation; no table has been changed. */
export class ImportFailed extends Error {
  constructor(readonly issues: ImportIssue[]) {
    super(`导入失败：${issues.length} 处错误`);
  }
}

/** Errors listed per file at most; a whole column in the wrong format would otherwise bury the first ones. */
const MAX_ISSUES = 200;

/** The errors of a failed file, capped at MAX_ISSUES with one line saying how many more there were. */
export function failedFileIssues(file: string, issues: readonly ImportIssue[]): ImportIssue[] {
  const errors = issues.filter((i) => i.level === 'error');
  if (errors.length <= MAX_ISSUES) return [...issues];
  const rest = errors.length - MAX_ISSUES;
  return [...errors.slice(0, MAX_ISSUES), { level: 'error', file, row: null, field: null, message: `……另有 ${rest} 处错误未列出` }];
}
