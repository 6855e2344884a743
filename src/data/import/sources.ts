// Row sources over the two file shapes every importer accepts today: a GeoJSON
// FeatureCollection (properties + geometry) and a CSV (header + cells, optional
// `geometry`/`wkt` column). This and raw-table-rows.ts (tables from the readers under
// data/formats/) are the only places that know where rows come from; the rest of the import
// path sees rows by field name.

import type { Feature } from 'geojson';
import { CsvSyntaxError, parseCsv } from '../csv';
import { type PolygonGeometry, checkGeometry, parseGeometryText } from '../geometry';
import type { ImportIssue } from './issues';

/** One row as the validation sees it: values by field name and where to point messages. */
export interface RowSource {
  /** Row reference for messages. */
  row: string;
  get(field: string): unknown;
}

export interface Source extends RowSource {
  geometry: () => PolygonGeometry | null;
}

/** A file's columns (`present`) and its rows. */
export interface FileRows {
  present: Set<string>;
  sources: Source[];
}

export function geojsonSources(file: string, text: string, issues: ImportIssue[]): FileRows | null {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    issues.push({ level: 'error', file, row: null, field: null, message: `不是有效的 JSON：${(e as Error).message}` });
    return null;
  }
  const fc = doc as { type?: string; features?: unknown };
  if (fc.type !== 'FeatureCollection' || !Array.isArray(fc.features)) {
    issues.push({ level: 'error', file, row: null, field: null, message: '应为 GeoJSON FeatureCollection' });
    return null;
  }
  const present = new Set<string>(['geometry']);
  const sources = (fc.features as Feature[]).map((f, i): Source => {
    const props = (f && f.properties) || {};
    for (const k of Object.keys(props)) present.add(k);
    return {
      row: `第 ${i + 1} 个要素`,
      get: (field) => (props as Record<string, unknown>)[field],
      geometry: () => (f && f.geometry ? checkGeometry(f.geometry) : null),
    };
  });
  return { present, sources };
}

export function csvSources(file: string, text: string, issues: ImportIssue[]): FileRows | null {
  let table;
  try {
    table = parseCsv(text);
  } catch (e) {
    const line = e instanceof CsvSyntaxError ? `第 ${e.line} 行` : null;
    issues.push({ level: 'error', file, row: line, field: null, message: (e as Error).message });
    return null;
  }
  const col = new Map(table.header.map((h, i) => [h, i]));
  const geomCol = col.get('geometry') ?? col.get('wkt');
  const sources = table.records.map((r): Source => ({
    row: `第 ${r.line} 行`,
    get: (field) => {
      const i = col.get(field);
      return i === undefined ? undefined : r.cells[i];
    },
    geometry: () => {
      const cell = geomCol === undefined ? '' : (r.cells[geomCol] ?? '').trim();
      return cell ? checkGeometry(parseGeometryText(cell)) : null;
    },
  }));
  return { present: new Set(table.header), sources };
}

export function looksLikeJson(file: string, text: string): boolean {
  return /\.(geo)?json$/i.test(file) || /^\s*\{/.test(text.slice(0, 64));
}

/** Picks the reader by extension or content; null when the file cannot be read at all. */
export function readSources(file: string, text: string, issues: ImportIssue[]): FileRows | null {
  return looksLikeJson(file, text) ? geojsonSources(file, text, issues) : csvSources(file, text, issues);
}
