// One untrusted value (a CSV cell or a GeoJSON property) read as a contract value of its
// field's type. Nothing is guessed: a value that cannot be read is an error, an empty value
// stays empty (null). Contract formats: data-contract.md, Conventions.

import type { FieldSpec } from '../contract';
import { labelOf } from '../../vocab';
import { ENUM_ALIASES, familyOfCode } from '../enum-aliases';

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
      if (alias && values.includes(alias)) return { value: alias };
      // Name each allowed code with its label (工业 …), which is accepted too.
      const named = (v: string) => {
        const family = familyOfCode(spec.name, v);
        return family ? labelOf(family, v, 'zh') : v;
      };
      const allowed = values.map((v) => (named(v) !== v ? `${v}（${named(v)}）` : v));
      return { error: `“${shown}” 不是允许的取值（${allowed.join(' / ')}）` };
    }
  }
}
