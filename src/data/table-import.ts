// Turns untrusted rows (CSV cells or GeoJSON properties) into contract values, collecting
// every problem with the file, row and field it concerns. Nothing is guessed: a value that
// cannot be read is an error, an empty optional value stays empty (null).

import type { FieldSpec } from './contract';
import { labelOf } from '../vocab';
import { ENUM_ALIASES, ENUM_FAMILIES } from './enum-aliases';

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

/** Normalised value: strings as given (trimmed), numbers, ISO dates, booleans; null = empty. */
export type Cell = string | number | boolean | null;

const DATE_RE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/;
const TRUE_WORDS = new Set(['true', '1', '是', 'yes', 'y', 't']);
const FALSE_WORDS = new Set(['false', '0', '否', 'no', 'n', 'f']);

export function parseIsoDate(s: string): string | null {
  const m = DATE_RE.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d) return null;
  return `${m[1]}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Reads one raw value for a field. Returns the value or an error message. */
export function readCell(spec: FieldSpec, raw: unknown): { value: Cell } | { error: string } {
  if (raw === null || raw === undefined) return { value: null };
  const s = typeof raw === 'string' ? raw.trim() : String(raw);
  if (s === '') return { value: null };
  const shown = s.length > 40 ? `${s.slice(0, 40)}…` : s;
  switch (spec.type) {
    case 'string':
      return { value: s };
    case 'number': {
      const plain = /^-?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s) ? s.replaceAll(',', '') : s;
      const n = typeof raw === 'number' ? raw : Number(plain);
      if (!Number.isFinite(n) || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(String(plain))) {
        return { error: `“${shown}” 不是数字` };
      }
      if (n < 0) return { error: `“${shown}” 不能为负数` };
      return { value: n };
    }
    case 'date': {
      const d = parseIsoDate(s);
      return d ? { value: d } : { error: `“${shown}” 不是有效日期（应为 YYYY-MM-DD）` };
    }
    case 'boolean': {
      const w = s.toLowerCase();
      if (TRUE_WORDS.has(w)) return { value: true };
      if (FALSE_WORDS.has(w)) return { value: false };
      return { error: `“${shown}” 不是布尔值（应为 true/false、1/0 或 是/否）` };
    }
    case 'enum': {
      const values = spec.values ?? [];
      const lower = s.toLowerCase();
      if (values.includes(lower)) return { value: lower };
      const alias = ENUM_ALIASES[spec.name]?.[s];
      if (alias) return { value: alias };
      // Name each allowed code with its label (工业 …), which is accepted too.
      const family = ENUM_FAMILIES[spec.name];
      const named = (v: string) => (family ? labelOf(family, v, 'zh') : v);
      const allowed = values.map((v) => (named(v) !== v ? `${v}（${named(v)}）` : v));
      return { error: `“${shown}” 不是允许的取值（${allowed.join(' / ')}）` };
    }
  }
}

export interface RowSource {
  /** Row reference for messages. */
  row: string;
  get(field: string): unknown;
}

export interface NormalisedTable {
  fields: readonly FieldSpec[];
  rows: Cell[][];
  /** Index of each kept row in the source. */
  sourceIndex: number[];
}

/**
 * Normalises rows against field specs. `present` lists the columns the file has; a contract
 * column the file lacks entirely is one file-level error (not one per row).
 */
export function normaliseRows(
  file: string,
  fields: readonly FieldSpec[],
  present: ReadonlySet<string>,
  sources: Iterable<RowSource>,
  issues: ImportIssue[],
  idField?: string,
): NormalisedTable {
  const missing = fields.filter((f) => !present.has(f.name));
  for (const f of missing) {
    issues.push({ level: 'error', file, row: null, field: f.name, message: `缺少列 ${f.name}（${f.label}）` });
  }
  const rows: Cell[][] = [];
  const sourceIndex: number[] = [];
  const seen = new Map<string, string>();
  let index = 0;
  if (missing.length > 0) return { fields, rows, sourceIndex };
  for (const src of sources) {
    const row: Cell[] = [];
    let ok = true;
    for (const spec of fields) {
      const r = readCell(spec, src.get(spec.name));
      if ('error' in r) {
        issues.push({ level: 'error', file, row: src.row, field: spec.name, message: r.error });
        ok = false;
        row.push(null);
        continue;
      }
      if (r.value === null && spec.required) {
        issues.push({ level: 'error', file, row: src.row, field: spec.name, message: `${spec.label}不能为空` });
        ok = false;
      }
      row.push(r.value);
    }
    if (idField) {
      const id = row[fields.findIndex((f) => f.name === idField)];
      if (typeof id === 'string') {
        const prev = seen.get(id);
        if (prev) {
          issues.push({ level: 'error', file, row: src.row, field: idField, message: `编号 “${id}” 与${prev}重复` });
          ok = false;
        } else seen.set(id, src.row);
      }
    }
    if (ok) {
      rows.push(row);
      sourceIndex.push(index);
    }
    index++;
  }
  return { fields, rows, sourceIndex };
}
