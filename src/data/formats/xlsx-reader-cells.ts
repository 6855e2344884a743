// One Excel cell value (as exceljs hands it over) to a RawCell. Numbers stay numbers; typed
// dates and serial numbers in date-formatted cells (exceljs turns those into Date objects
// while loading, honouring the 1904 system) become ISO dates; formulas give their cached
// result, never their text; rich text and hyperlinks give their plain text; booleans give
// "true"/"false" for the cell parser. Excel error values and formulas without a cached result
// are problems for the caller to report.

import type { RawCell } from './raw-table';

export type CellProblem =
  | { kind: 'error'; text: string }
  | { kind: 'no_result'; formula: string };

export interface ConvertedCell {
  value: RawCell;
  problem?: CellProblem;
}

function isoDate(d: Date): RawCell {
  const t = d.getTime();
  if (!Number.isFinite(t)) return null;
  // exceljs builds dates at UTC midnight plus the time fraction, so the UTC day is the cell's day.
  return d.toISOString().slice(0, 10);
}

/** Plain text of a value, or null; `unknown` because exceljs's value union is wider than its types say. */
export function convertCellValue(v: unknown): ConvertedCell {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'number') return { value: Number.isFinite(v) ? v : null };
  if (typeof v === 'string') return { value: v === '' ? null : v };
  if (typeof v === 'boolean') return { value: v ? 'true' : 'false' };
  if (v instanceof Date) return { value: isoDate(v) };
  if (typeof v !== 'object') return { value: String(v) };
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result === undefined || o.result === null) {
      return { value: null, problem: { kind: 'no_result', formula: String(o.formula ?? o.sharedFormula ?? '') } };
    }
    return convertCellValue(o.result);
  }
  if ('error' in o) return { value: null, problem: { kind: 'error', text: String(o.error) } };
  if (Array.isArray(o.richText)) {
    const text = (o.richText as { text?: unknown }[]).map((run) => String(run.text ?? '')).join('');
    return { value: text === '' ? null : text };
  }
  if ('text' in o) {
    // A hyperlink cell: { text, hyperlink }; its text may itself be rich text.
    return convertCellValue(o.text);
  }
  return { value: null };
}
