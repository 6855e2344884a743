// Applies a confirmed mapping to a file as read (RawTable): every mapped column is parsed into
// the contract's type and unit, column by column into typed arrays, and every refused cell is
// reported with file, row and field. Nothing is dropped silently: a row with an error is listed
// and left out only when the caller asks to import the valid rows (skipInvalid); otherwise the
// whole table is refused and what the user had stays untouched.

import {
  CHAIN_LINK_FIELDS,
  CHAIN_NODE_FIELDS,
  COUNTY_FIELDS,
  ENTERPRISE_FIELDS,
  FACTORY_FIELDS,
  type FieldSpec,
  type FieldType,
  PARCEL_FIELDS,
  PARK_FIELDS,
  PROJECT_FIELDS,
  PROMOTION_GROUP_FIELDS,
  PLANNING_ZONE_FIELDS,
} from '../contract';
import { ENUM_ALIASES } from '../enum-aliases';
import { parseBoolean, parseDate, parseNumber, quoteForMessage } from '../formats/cell-parse';
import type { RawCell, RawTable, SourceIssue } from '../formats/raw-table';
import { NULL_BOOL, NULL_DAY, takeRows } from '../arrow-columns';
import { type FieldSource, type TableMapping, canonicalUnit } from './propose';
import { ID_FIELD, REQUIRED_FIELDS } from './field-impact';
import type { TableKind } from './field-names';
import { type UnitCode, UNIT_DIMENSION, convertUnit } from './header-text';

/** Column data in the contract's types. Empty cells: NaN, NULL_DAY, NULL_BOOL or null. */
export type ContractColumn =
  | { type: 'string'; values: (string | null)[] }
  | { type: 'number'; values: Float64Array }
  | { type: 'date'; values: Int32Array }
  | { type: 'boolean'; values: Uint8Array };

export { NULL_BOOL, NULL_DAY };

export interface MappedTable {
  table: TableKind;
  file: string;
  /** Rows kept. */
  count: number;
  /** Mapped fields only; a field missing here is unknown for every row. */
  columns: Record<string, ContractColumn>;
  /** Index of each kept row in the RawTable. */
  rawIndex: Int32Array;
  /** Source row number of each kept row (for messages later). */
  sourceRows: Int32Array;
  issues: SourceIssue[];
  /** Source row numbers left out because they had errors (only with skipInvalid). */
  skippedRows: number[];
}

export type ApplyResult = { ok: true; table: MappedTable } | { ok: false; issues: SourceIssue[] };

export const TABLE_FIELDS: Record<TableKind, readonly FieldSpec[]> = {
  parcels: PARCEL_FIELDS,
  parks: PARK_FIELDS,
  enterprises: ENTERPRISE_FIELDS,
  chain_nodes: CHAIN_NODE_FIELDS,
  chain_links: CHAIN_LINK_FIELDS,
  counties: COUNTY_FIELDS,
  projects: PROJECT_FIELDS,
  factories: FACTORY_FIELDS,
  promotion_groups: PROMOTION_GROUP_FIELDS,
  planning_zones: PLANNING_ZONE_FIELDS,
};

export function fieldType(table: TableKind, field: string): { type: FieldType; values?: readonly string[] } {
  const spec = TABLE_FIELDS[table].find((f) => f.name === field);
  return spec ? { type: spec.type, values: spec.values } : { type: 'string' };
}

const DAY_MS = 86_400_000;

function isoToDay(iso: string): number {
  return Math.round(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS);
}

/** Units cell-parse reports, as mapping unit codes. */
const CELL_UNITS: Record<string, UnitCode> = { m2: 'm2', km2: 'km2', ha: 'ha', mu: 'mu', 元: 'yuan', 千元: 'qian', 万元: 'wan', 亿元: 'yi' };

type CellResult = { ok: true; value: unknown } | { ok: false; messageZh: string; messageEn: string };

function refuse(zh: string, en: string): CellResult {
  return { ok: false, messageZh: zh, messageEn: en };
}

function parseCell(table: TableKind, field: string, src: FieldSource, cell: RawCell): CellResult {
  const { type, values } = fieldType(table, field);
  switch (type) {
    case 'string': {
      if (cell === null) return { ok: true, value: null };
      const s = String(cell).trim();
      // A NUL or other control character in an id would reach outputs and break joins.
      if (/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/.test(s)) {
        return refuse(`“${quoteForMessage(cell)}” 含有控制字符`, `"${quoteForMessage(cell)}" contains a control character`);
      }
      return { ok: true, value: s === '' ? null : s };
    }
    case 'date': {
      const r = parseDate(cell);
      return r.ok ? { ok: true, value: r.value === null ? NULL_DAY : isoToDay(r.value) } : r;
    }
    case 'boolean': {
      const r = parseBoolean(cell);
      return r.ok ? { ok: true, value: r.value === null ? NULL_BOOL : r.value ? 1 : 0 } : r;
    }
    case 'enum': {
      if (cell === null || String(cell).trim() === '') return { ok: true, value: null };
      const s = String(cell).trim();
      const lower = s.toLowerCase();
      if (values?.includes(lower)) return { ok: true, value: lower };
      const alias = ENUM_ALIASES[field]?.[s];
      if (alias && values?.includes(alias)) return { ok: true, value: alias };
      return refuse(
        `“${quoteForMessage(cell)}” 不是允许的取值（${(values ?? []).join(' / ')}）`,
        `"${quoteForMessage(cell)}" is not an allowed value (${(values ?? []).join(' / ')})`,
      );
    }
    case 'number': {
      const r = parseNumber(cell);
      if (!r.ok) return r;
      if (r.value === null) return { ok: true, value: Number.NaN };
      let v = r.value.value;
      const target = canonicalUnit(field);
      if (target) {
        const cellUnit = r.value.unit ? CELL_UNITS[r.value.unit] : undefined;
        if (r.value.unit && (!cellUnit || UNIT_DIMENSION[cellUnit] !== UNIT_DIMENSION[target])) {
          return refuse(`“${quoteForMessage(cell)}” 的单位与该字段不符`, `the unit of "${quoteForMessage(cell)}" does not fit this field`);
        }
        // A unit written in the cell wins over the column's: “56亩” in a column assumed m².
        v = convertUnit(v, cellUnit ?? src.unit ?? target, target);
      } else if (r.value.unit === '%') v = v / 100;
      if (v < 0) return refuse(`“${quoteForMessage(cell)}” 不能为负数`, `"${quoteForMessage(cell)}" must not be negative`);
      return { ok: true, value: v };
    }
  }
}

function emptyColumn(type: FieldType, n: number): ContractColumn {
  if (type === 'number') return { type, values: new Float64Array(n).fill(Number.NaN) };
  if (type === 'date') return { type, values: new Int32Array(n).fill(NULL_DAY) };
  if (type === 'boolean') return { type, values: new Uint8Array(n).fill(NULL_BOOL) };
  return { type: 'string', values: new Array<string | null>(n).fill(null) };
}

function isEmptyValue(v: unknown): boolean {
  return v === null || (typeof v === 'number' && (Number.isNaN(v) || v === NULL_DAY));
}

export interface ApplyOptions {
  /** Import the valid rows and list the others, instead of refusing the file. */
  skipInvalid?: boolean;
  /** Rows whose geometry was refused by an earlier step (raw row indices). */
  invalidRows?: ReadonlySet<number>;
}

/** At most this many issues are listed per field, then one line counts the rest. */
const MAX_PER_FIELD = 50;

export function applyMapping(raw: RawTable, mapping: TableMapping, opts: ApplyOptions = {}): ApplyResult {
  const table = mapping.table;
  const n = raw.rowNumbers.length;
  const issues: SourceIssue[] = [...raw.issues];
  const at = (row: number | null, field: string | null, code: string, zh: string, en: string, level: 'error' | 'warning' = 'error') =>
    issues.push({ level, file: raw.file, sheet: raw.sheet, row, field, code, messageZh: zh, messageEn: en });

  for (const req of REQUIRED_FIELDS[table]) {
    if (!mapping.fields[req]) {
      at(null, req, 'mapping.required', `缺少必需字段 ${req}：请在字段对应中选择一列`, `required field ${req} is not mapped to a column`);
    }
  }
  const headerIndex = new Map(raw.headers.map((h, i) => [h, i]));
  for (const [field, src] of Object.entries(mapping.fields)) {
    if (!headerIndex.has(src.header)) {
      at(null, src.header, 'mapping.no_column', `文件中没有列 “${src.header}”（对应 ${field}）`, `the file has no column "${src.header}" (for ${field})`);
    }
  }
  if (issues.some((i) => i.level === 'error' && i.row === null)) return { ok: false, issues };

  const bad = new Uint8Array(n);
  for (const r of opts.invalidRows ?? []) bad[r] = 1;
  const parsed: Record<string, ContractColumn> = {};
  for (const [field, src] of Object.entries(mapping.fields)) {
    const cells = raw.columns[headerIndex.get(src.header)!];
    const { type } = fieldType(table, field);
    const col = emptyColumn(type, n);
    parsed[field] = col;
    const required = REQUIRED_FIELDS[table].includes(field);
    let listed = 0;
    let more = 0;
    for (let r = 0; r < n; r++) {
      const res = parseCell(table, field, src, cells[r] ?? null);
      let zh: string | null = null;
      let en = '';
      if (!res.ok) [zh, en] = [res.messageZh, res.messageEn];
      else if (required && isEmptyValue(res.value)) [zh, en] = ['不能为空', 'must not be empty'];
      if (zh !== null) {
        bad[r] = 1;
        if (listed < MAX_PER_FIELD) {
          at(raw.rowNumbers[r], src.header, 'cell.invalid', `${field}：${zh}`, `${field}: ${en}`);
          listed++;
        } else more++;
        continue;
      }
      if (!res.ok) continue;
      (col.values as unknown[])[r] = res.value;
    }
    if (more > 0) at(null, src.header, 'cell.more', `该列另有 ${more} 处错误未逐条列出`, `${more} more errors in this column are not listed`);
  }

  // Ids identify records: a duplicate would make joins and tracking ambiguous.
  for (const idField of ID_FIELD[table] === null ? [] : [ID_FIELD[table]!]) {
    const col = parsed[idField];
    if (!col || col.type !== 'string') continue;
    const first = new Map<string, number>();
    for (let r = 0; r < n; r++) {
      const id = col.values[r];
      if (id === null) continue;
      const prev = first.get(id);
      if (prev === undefined) first.set(id, r);
      else {
        bad[r] = 1;
        at(
          raw.rowNumbers[r],
          mapping.fields[idField].header,
          'id.duplicate',
          `编号 “${quoteForMessage(id)}” 与第 ${raw.rowNumbers[prev]} 行重复`,
          `id "${quoteForMessage(id)}" repeats row ${raw.rowNumbers[prev]}`,
        );
      }
    }
  }

  const badCount = bad.reduce((a, b) => a + b, 0);
  if (badCount > 0 && !opts.skipInvalid) return { ok: false, issues };

  const keep = new Int32Array(n - badCount);
  const skippedRows: number[] = [];
  for (let r = 0, k = 0; r < n; r++) {
    if (bad[r]) skippedRows.push(raw.rowNumbers[r]);
    else keep[k++] = r;
  }
  const columns: Record<string, ContractColumn> = {};
  for (const [field, col] of Object.entries(parsed)) columns[field] = badCount === 0 ? col : (takeRows(col, keep) as ContractColumn);
  return {
    ok: true,
    table: {
      table,
      file: raw.file,
      count: keep.length,
      columns,
      rawIndex: keep,
      sourceRows: Int32Array.from(keep, (r) => raw.rowNumbers[r]),
      issues,
      skippedRows,
    },
  };
}

