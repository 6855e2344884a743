// Proposes which column of a user's file feeds which contract field, and in which unit, so a
// planner confirms a mapping instead of typing one. The proposal is plain data (TableMapping):
// the UI shows it with sample values, the user changes any of it, and it is remembered for
// the next file with the same headers (memory.ts).

import { FIELD_NAMES, GEOMETRY_NAMES, type TableKind } from './field-names';
import { type UnitCode, UNIT_DIMENSION, nameKey, splitHeader, unitIn } from './header-text';
import type { RawCell } from '../formats/raw-table';

export const MAPPING_VERSION = 1;

/** Where a row's geometry comes from. */
export type GeometrySource =
  | { kind: 'none' }
  /** The format carries geometry itself (Shapefile, GeoJSON, 界址点 TXT). */
  | { kind: 'file' }
  | { kind: 'lonlat'; lon: string; lat: string }
  /** Projected x/y columns as headed in the file; which is the easting is decided by CRS detection. */
  | { kind: 'xy'; x: string; y: string }
  | { kind: 'wkt'; column: string };

export interface FieldSource {
  header: string;
  /** Unit of the values in the file; null where the field has no unit. */
  unit: UnitCode | null;
}

export interface TableMapping {
  version: typeof MAPPING_VERSION;
  table: TableKind;
  /** Contract field → the column it is read from. Fields not listed are absent (unknown). */
  fields: Record<string, FieldSource>;
  geometry: GeometrySource;
}

export type MatchReason = 'contract_name' | 'known_name' | 'partial_name';
export type UnitReason = 'header' | 'cells' | 'assumed' | 'none';

export interface FieldProposal {
  field: string;
  header: string | null;
  score: number;
  reason: MatchReason | null;
  unit: UnitCode | null;
  unitReason: UnitReason;
}

export interface MappingProposal {
  mapping: TableMapping;
  fields: FieldProposal[];
  /** Headers no field or geometry uses (shown so the user can assign them). */
  unused: string[];
}

/** The unit a field is stored in, read from the contract's naming convention (`_m2`, `_ha`, `_wan`, `_mu_`). */
export function canonicalUnit(field: string): UnitCode | null {
  if (/_m2$/.test(field)) return 'm2';
  if (/_ha$/.test(field)) return 'ha';
  if (/_wan$/.test(field)) return 'wan';
  if (/_mu_(min|max)$/.test(field) || /_mu$/.test(field)) return 'mu';
  return null;
}

export function fieldsOf(table: TableKind): string[] {
  return Object.keys(FIELD_NAMES[table]);
}

function nameScore(field: string, key: string, names: readonly string[]): { score: number; reason: MatchReason } | null {
  if (key === '') return null;
  if (key === nameKey(field)) return { score: 100, reason: 'contract_name' };
  let best: { score: number; reason: MatchReason } | null = null;
  for (const n of names) {
    const k = nameKey(n);
    if (k === '') continue;
    let s = 0;
    if (k === key) s = 90;
    // “合同约定动工日期” contains “约定动工日期”; a one-letter name (“x”) never matches by part.
    else if (k.length >= 2 && key.includes(k)) s = 60 + (20 * k.length) / key.length;
    else if (key.length >= 2 && k.includes(key)) s = 50 + (20 * key.length) / k.length;
    if (s > 0 && (!best || s > best.score)) best = { score: s, reason: s >= 90 ? 'known_name' : 'partial_name' };
  }
  return best;
}

function sampleUnit(cells: readonly RawCell[] | undefined): UnitCode | null {
  if (!cells) return null;
  const counts = new Map<UnitCode, number>();
  for (const c of cells) {
    if (typeof c !== 'string') continue;
    const tail = /[^\d\s.,，]+$/.exec(c.trim());
    const u = tail ? unitIn(tail[0]) : null;
    if (u) counts.set(u, (counts.get(u) ?? 0) + 1);
  }
  let best: UnitCode | null = null;
  let n = 0;
  for (const [u, k] of counts) if (k > n) [best, n] = [u, k];
  return best;
}

function isGeographic(cells: readonly RawCell[] | undefined, lo: number, hi: number): boolean {
  if (!cells) return false;
  let seen = 0;
  let fit = 0;
  for (const c of cells) {
    const v = typeof c === 'number' ? c : typeof c === 'string' && c.trim() !== '' ? Number(c) : NaN;
    if (Number.isNaN(v)) continue;
    seen++;
    if (v >= lo && v <= hi) fit++;
  }
  return seen > 0 && fit / seen >= 0.9;
}

function findHeader(headers: readonly string[], names: readonly string[], taken: Set<string>): string | null {
  const keys = names.map(nameKey);
  const exact = headers.find((h) => !taken.has(h) && keys.includes(splitHeader(h).key));
  if (exact) return exact;
  // “高德经度”, “中心点纬度(WGS84)”: a Chinese name inside a longer heading.
  const cjk = keys.filter((k) => /[\u4e00-\u9fff]/.test(k));
  return headers.find((h) => !taken.has(h) && cjk.some((k) => splitHeader(h).key.includes(k))) ?? null;
}

/**
 * Proposes a mapping. `samples` gives a few cells per header (the first rows), used to read
 * units written in cells (“56亩”) and to tell longitude/latitude from projected x/y.
 */
export function proposeMapping(
  table: TableKind,
  headers: readonly string[],
  samples: Readonly<Record<string, readonly RawCell[]>> = {},
  fileHasGeometry = false,
): MappingProposal {
  const names = FIELD_NAMES[table];
  const parts = headers.map((h) => ({ header: h, ...splitHeader(h) }));
  const taken = new Set<string>();

  // Geometry columns first, so “x”/“y”/“geometry” are not read as fields.
  let geometry: GeometrySource = fileHasGeometry ? { kind: 'file' } : { kind: 'none' };
  if (!fileHasGeometry) {
    const lon = findHeader(headers, GEOMETRY_NAMES.lon, taken);
    const lat = findHeader(headers, GEOMETRY_NAMES.lat, taken);
    const x = findHeader(headers, GEOMETRY_NAMES.x, taken);
    const y = findHeader(headers, GEOMETRY_NAMES.y, taken);
    const wkt = findHeader(headers, GEOMETRY_NAMES.wkt, taken);
    if (lon && lat) geometry = { kind: 'lonlat', lon, lat };
    else if (x && y) {
      // x/y holding degrees (73–136 E, 3–54 N) are longitude/latitude under another name.
      geometry =
        isGeographic(samples[x], 73, 136) && isGeographic(samples[y], 3, 54)
          ? { kind: 'lonlat', lon: x, lat: y }
          : isGeographic(samples[y], 73, 136) && isGeographic(samples[x], 3, 54)
            ? { kind: 'lonlat', lon: y, lat: x }
            : { kind: 'xy', x, y };
    } else if (wkt) geometry = { kind: 'wkt', column: wkt };
    if (geometry.kind === 'lonlat') taken.add(geometry.lon).add(geometry.lat);
    if (geometry.kind === 'xy') taken.add(geometry.x).add(geometry.y);
    if (geometry.kind === 'wkt') taken.add(geometry.column);
  }

  const candidates: { field: string; header: string; score: number; reason: MatchReason }[] = [];
  for (const field of Object.keys(names)) {
    for (const p of parts) {
      if (taken.has(p.header)) continue;
      const m = nameScore(field, p.key, names[field]);
      if (!m || m.score < 55) continue;
      // A unit of the wrong kind (万元 on an area field) rules the column out.
      const cu = canonicalUnit(field);
      if (p.unit && (!cu || UNIT_DIMENSION[p.unit] !== UNIT_DIMENSION[cu])) continue;
      candidates.push({ field, header: p.header, score: m.score, reason: m.reason });
    }
  }
  // Best pairs first; each field and each header is used once.
  candidates.sort((a, b) => b.score - a.score || headers.indexOf(a.header) - headers.indexOf(b.header));
  const chosen = new Map<string, (typeof candidates)[number]>();
  for (const c of candidates) {
    if (chosen.has(c.field) || taken.has(c.header)) continue;
    chosen.set(c.field, c);
    taken.add(c.header);
  }

  const fields: FieldProposal[] = [];
  const mapping: TableMapping = { version: MAPPING_VERSION, table, fields: {}, geometry };
  for (const field of Object.keys(names)) {
    const c = chosen.get(field);
    const cu = canonicalUnit(field);
    if (!c) {
      fields.push({ field, header: null, score: 0, reason: null, unit: null, unitReason: 'none' });
      continue;
    }
    let unit: UnitCode | null = null;
    let unitReason: UnitReason = 'none';
    if (cu) {
      const fromHeader = parts.find((p) => p.header === c.header)?.unit ?? null;
      const fromCells = sampleUnit(samples[c.header]);
      if (fromHeader) [unit, unitReason] = [fromHeader, 'header'];
      else if (fromCells && UNIT_DIMENSION[fromCells] === UNIT_DIMENSION[cu]) [unit, unitReason] = [fromCells, 'cells'];
      else [unit, unitReason] = [cu, 'assumed'];
    }
    fields.push({ field, header: c.header, score: c.score, reason: c.reason, unit, unitReason });
    mapping.fields[field] = { header: c.header, unit };
  }
  return { mapping, fields, unused: headers.filter((h) => !taken.has(h)) };
}
