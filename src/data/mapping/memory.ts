// Remembering a confirmed mapping for the next file with the same headers: a county exports
// the same ledger every month, so the planner maps its columns once. Mappings are saved state:
// versioned and validated on read (a hand-edited or future mapping is refused, never guessed).

import { FIELD_NAMES, type TableKind } from './field-names';
import { type GeometrySource, MAPPING_VERSION, type TableMapping } from './propose';
import { type UnitCode, UNIT_DIMENSION, splitHeader } from './header-text';

/** Same headers in any order (after normalisation) give the same signature. */
export function headerSignature(table: TableKind, headers: readonly string[]): string {
  const keys = headers
    .map((h) => splitHeader(h))
    .map((p) => `${p.key}|${p.unit ?? ''}`)
    .sort();
  // FNV-1a over the joined keys: short, stable, and no crypto API needed in a worker or Node.
  let h = 0x811c9dc5;
  const text = `${table}\u0001${keys.join('\u0001')}`;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return `${table}:${keys.length}:${h.toString(16).padStart(8, '0')}`;
}

export type MappingCheck = { ok: true; mapping: TableMapping } | { ok: false; errorZh: string; errorEn: string };

const UNITS = new Set(Object.keys(UNIT_DIMENSION));

function refuse(zh: string, en: string): MappingCheck {
  return { ok: false, errorZh: zh, errorEn: en };
}

function validGeometry(g: unknown): g is GeometrySource {
  if (!g || typeof g !== 'object') return false;
  const o = g as Record<string, unknown>;
  const str = (k: string) => typeof o[k] === 'string' && (o[k] as string) !== '';
  switch (o.kind) {
    case 'none':
    case 'file':
      return true;
    case 'lonlat':
      return str('lon') && str('lat');
    case 'xy':
      return str('x') && str('y');
    case 'wkt':
      return str('column');
    default:
      return false;
  }
}

/** Validates a mapping read from storage, a workspace file or `--mapping FILE`. */
export function checkMapping(value: unknown): MappingCheck {
  if (!value || typeof value !== 'object') return refuse('映射不是对象', 'the mapping is not an object');
  const v = value as Record<string, unknown>;
  if (typeof v.version !== 'number') return refuse('映射缺少版本号 version', 'the mapping has no version');
  if (v.version > MAPPING_VERSION) {
    return refuse(
      `映射的版本 ${v.version} 比本程序支持的 ${MAPPING_VERSION} 新，请升级 ParkAtlas 后再打开`,
      `the mapping's version ${v.version} is newer than this app's ${MAPPING_VERSION}; update ParkAtlas to open it`,
    );
  }
  if (v.version < 1) return refuse(`映射版本 ${v.version} 无效`, `invalid mapping version ${v.version}`);
  if (typeof v.table !== 'string' || !(v.table in FIELD_NAMES)) {
    return refuse(`映射的表 “${String(v.table)}” 未知`, `unknown table “${String(v.table)}” in the mapping`);
  }
  const table = v.table as TableKind;
  if (!v.fields || typeof v.fields !== 'object') return refuse('映射缺少 fields', 'the mapping has no fields');
  const fields: Record<string, { header: string; unit: UnitCode | null }> = {};
  for (const [field, src] of Object.entries(v.fields as Record<string, unknown>)) {
    if (!(field in FIELD_NAMES[table])) {
      return refuse(`映射中的字段 “${field}” 不属于 ${table}`, `field “${field}” does not belong to ${table}`);
    }
    const s = src as Record<string, unknown> | null;
    if (!s || typeof s.header !== 'string' || s.header === '') {
      return refuse(`字段 ${field} 的来源列无效`, `the source column of ${field} is invalid`);
    }
    if (s.unit !== null && s.unit !== undefined && !(typeof s.unit === 'string' && UNITS.has(s.unit))) {
      return refuse(`字段 ${field} 的单位 “${String(s.unit)}” 未知`, `unknown unit “${String(s.unit)}” for ${field}`);
    }
    fields[field] = { header: s.header, unit: (s.unit as UnitCode | undefined) ?? null };
  }
  if (!validGeometry(v.geometry)) return refuse('映射的几何来源无效', 'the geometry source of the mapping is invalid');
  return { ok: true, mapping: { version: MAPPING_VERSION, table, fields, geometry: v.geometry } };
}

/** Headers a remembered mapping needs that a new file lacks (the mapping then needs a look). */
export function missingHeaders(mapping: TableMapping, headers: readonly string[]): string[] {
  const have = new Set(headers);
  const need = Object.values(mapping.fields).map((f) => f.header);
  const g = mapping.geometry;
  if (g.kind === 'lonlat') need.push(g.lon, g.lat);
  if (g.kind === 'xy') need.push(g.x, g.y);
  if (g.kind === 'wkt') need.push(g.column);
  return [...new Set(need.filter((h) => !have.has(h)))];
}
