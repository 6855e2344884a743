// Where the header is in a ledger sheet. County ledgers rarely start with it: a merged title
// row ("宁津县2024年供地台账"), a line such as "填报单位：…  日期：…" and blank rows come first,
// and a row of units ("（万元）", "亩") often sits right below it. Columns are often grouped
// under a merged header ("合同约定" over 动工日期 | 竣工日期) with their own names one row
// down. Pure, so it is tested on plain arrays; the workbook reader hands it the first rows
// with merged cells reduced to their top-left cell, plus the merged ranges.

import type { RawCell } from './raw-table';

/** How many rows from the top are searched for the header. */
export const HEADER_SEARCH_ROWS = 30;

/** A merged range in the rows given, 0-based and inclusive. */
export interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface HeaderLayout {
  /** 0-based index (in the rows given) of the header row. */
  header: number;
  /** 0-based index of a second header row naming the columns under merged group headers, or null. */
  subHeader: number | null;
  /**
   * Column names as found: the header text, or for a column under a group header that the
   * second row names, group and name joined ("合同约定" + "动工日期" → "合同约定动工日期").
   */
  names: string[];
  /** 0-based index of a unit row right below the header (or the second header row), or null. */
  unit: number | null;
  /** Unit text per column from the unit row, without brackets or "单位：" (null where blank). */
  units: (string | null)[];
}

// A unit cell: a bracketed short text (（万元）, (亩)), or a bare unit, optionally after 单位：.
// Bracketed numbers are column numbering, not units.
const BRACKETED = /^[（(\[【]\s*(?:单位[:：]\s*)?(?!\d+\s*[）)\]】]$)([^（）()[\]【】]{1,10}?)\s*[）)\]】]$/;
const BARE_UNIT = /^(?:单位[:：]\s*)?(万元|元|亿元|千元|亩|公顷|ha|平方米|平米|㎡|m²|m2|平方公里|km²|km2|%|年|月|个|人|家|吨|吨标煤|tce|万吨|米|m|千米|km)$/i;

export function unitOf(cell: RawCell): string | null {
  if (typeof cell !== 'string') return null;
  const s = cell.trim();
  const b = BRACKETED.exec(s);
  if (b) return b[1].trim();
  const u = BARE_UNIT.exec(s);
  return u ? u[1] : null;
}

function filled(row: readonly RawCell[]): number {
  let n = 0;
  for (const v of row) if (v !== null && v !== '') n++;
  return n;
}

/** Cells that can be column names: text that is neither a unit nor a "label：value" line such as 填报单位：某县自然资源局. */
function nameCells(row: readonly RawCell[]): number {
  let n = 0;
  for (const v of row) {
    if (typeof v === 'string' && v.trim() !== '' && unitOf(v) === null && !/[:：]\s*\S/.test(v)) n++;
  }
  return n;
}

/** Share of a row's cells that must be names for the row to be a header. */
const NAME_SHARE = 0.8;
/** A header is at least this share as wide as the widest candidate (data rows may have a stray extra cell). */
const WIDTH_SHARE = 0.8;

/**
 * Finds the header among the first rows. Candidates are rows of at least two cells that are
 * mostly names (≥ 80 % text that is not a unit or a "label：value" pair); the header is the
 * first candidate nearly as wide as the widest one, so that a title ("某县供地台账", one
 * cell) or a filler line ("单位：… 日期：…") above it is passed over, and data rows with numbers
 * and dates are not candidates. With only one-cell rows, the first non-empty row is the
 * header. Returns null when no row qualifies (e.g. numbers only).
 */
export function detectHeaderLayout(rows: readonly (readonly RawCell[])[], merges: readonly MergedRange[] = []): HeaderLayout | null {
  const window = rows.slice(0, HEADER_SEARCH_ROWS);
  const widest = Math.max(0, ...window.map(filled));
  if (widest === 0) return null;
  const candidate = (row: readonly RawCell[]) => {
    const n = filled(row);
    return n >= 2 && nameCells(row) >= NAME_SHARE * n ? n : 0;
  };
  const widestCandidate = Math.max(...window.map(candidate));
  let header = -1;
  for (let r = 0; r < window.length; r++) {
    if (widest === 1 ? filled(window[r]) > 0 : widestCandidate > 0 && candidate(window[r]) >= WIDTH_SHARE * widestCandidate) {
      header = r;
      break;
    }
  }
  if (header < 0) return null;
  const names = rows[header].map((v) => (v === null ? '' : String(v)));

  // Group headers: header cells merged across columns. The row below is a second header row
  // when everything in it is a name standing under such a group.
  const group = new Map<number, string>();
  for (const m of merges) {
    if (m.top <= header && header <= m.bottom && m.right > m.left) {
      for (let c = m.left; c <= m.right; c++) group.set(c, names[m.left] ?? '');
    }
  }
  let subHeader: number | null = null;
  const next = rows[header + 1];
  if (group.size > 0 && next && filled(next) > 0 &&
      next.every((v, c) => v === null || v === '' || (group.has(c) && nameCells([v]) === 1))) {
    subHeader = header + 1;
    next.forEach((v, c) => {
      if (v !== null && v !== '') names[c] = `${group.get(c)}${String(v)}`;
    });
  }

  const below = rows[(subHeader ?? header) + 1];
  let unit: number | null = null;
  let units: (string | null)[] = [];
  if (below && filled(below) > 0 && below.every((v) => v === null || v === '' || unitOf(v) !== null)) {
    unit = (subHeader ?? header) + 1;
    units = below.map((v) => unitOf(v));
  }
  return { header, subHeader, names, unit, units };
}
