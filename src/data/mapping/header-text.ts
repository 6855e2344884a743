// Reading a column header the way a planner wrote it: full-width characters, a required-field
// star, line breaks inside merged header cells and the unit in brackets — “宗地面积\n（亩）*”.

import { toHalfWidth } from '../formats/cell-parse';

/** The unit a header or a cell suffix names. `m2`/`mu`/`ha` are areas, `yuan`/`wan`/`yi` money. */
export type UnitCode = 'm2' | 'mu' | 'ha' | 'km2' | 'yuan' | 'qian' | 'wan' | 'yi';

export type Dimension = 'area' | 'money';

export const UNIT_DIMENSION: Record<UnitCode, Dimension> = {
  m2: 'area',
  mu: 'area',
  ha: 'area',
  km2: 'area',
  yuan: 'money',
  qian: 'money',
  wan: 'money',
  yi: 'money',
};


// Longest first so that 万元 wins over 元 and 平方米 over 米.
const UNIT_WORDS: readonly [string, UnitCode][] = [
  ['平方公里', 'km2'],
  ['平方千米', 'km2'],
  ['km²', 'km2'],
  ['km2', 'km2'],
  ['平方米', 'm2'],
  ['平米', 'm2'],
  ['m²', 'm2'],
  ['m2', 'm2'],
  ['㎡', 'm2'],
  ['公顷', 'ha'],
  ['hm²', 'ha'],
  ['hm2', 'ha'],
  ['ha', 'ha'],
  ['亩', 'mu'],
  ['亿元', 'yi'],
  ['万元', 'wan'],
  ['千元', 'qian'],
  ['元', 'yuan'],
];

/** Finds a unit word in a text (a header's brackets, or the tail of a cell such as “56亩”). */
export function unitIn(text: string): UnitCode | null {
  const t = toHalfWidth(text).toLowerCase();
  for (const [word, unit] of UNIT_WORDS) if (t.includes(word)) return unit;
  return null;
}

export interface HeaderParts {
  /** Normalised name for matching: half-width, lower case, no spaces, stars or bracketed parts. */
  key: string;
  /** Unit named in brackets or at the end of the header, if any. */
  unit: UnitCode | null;
}

export function splitHeader(header: string): HeaderParts {
  const h = toHalfWidth(header).replace(/[\r\n\t]+/g, ' ').trim();
  const bracketed = [...h.matchAll(/[([【]([^)\]】]*)[)\]】]/g)].map((m) => m[1]).join(' ');
  const bare = h.replace(/[([【][^)\]】]*[)\]】]/g, '');
  // A unit can also be written without brackets at the end: “出让价款万元”, “面积/亩”.
  const tail = /(?:[/／]|单位[:：]?)?(平方公里|平方千米|km²|km2|平方米|平米|m²|m2|㎡|公顷|亩|亿元|万元|千元|元)$/i.exec(bare.trim());
  const unit = unitIn(bracketed) ?? (tail ? unitIn(tail[1]) : null);
  const name = tail ? bare.trim().slice(0, tail.index) : bare;
  const key = name
    .toLowerCase()
    .replace(/[*＊\s:：/]/g, '')
    .replace(/[_-]+/g, ' ')
    .trim()
    .replace(/ /g, '');
  return { key, unit };
}

/** Normalises a candidate name the same way (names in field-names.ts carry no units). */
export function nameKey(name: string): string {
  return splitHeader(name).key;
}

/**
 * Converts a value from one unit to another of the same dimension. Written as multiply-then-
 * divide by exact integers so that 123456 元 is 12.3456 万元 without binary noise from 1e-4.
 * 1 亩 = 10000/15 m² (data contract v2, Conventions).
 */
export function convertUnit(value: number, from: UnitCode, to: UnitCode): number {
  if (from === to) return value;
  // Each unit as an exact fraction [num, den] of the dimension's base unit (m², 元).
  const base: Record<UnitCode, [number, number]> = {
    m2: [1, 1],
    mu: [10000, 15],
    ha: [10000, 1],
    km2: [1000000, 1],
    yuan: [1, 1],
    qian: [1000, 1],
    wan: [10000, 1],
    yi: [100000000, 1],
  };
  const [fn, fd] = base[from];
  const [tn, td] = base[to];
  return (value * fn * td) / (fd * tn);
}
