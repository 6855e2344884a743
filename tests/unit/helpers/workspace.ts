// The demo region as workspace tables, built from the file importers' output, for tests of
// the binary path (loading, storing, workspace files).

import type { TypedColumn } from '../../../src/data/arrow-columns';
import { NULL_BOOL, NULL_DAY } from '../../../src/data/arrow-columns';
import { type FieldSpec, PARCEL_FIELDS, PARK_FIELDS } from '../../../src/data/contract';
import { outerRings, type PolygonGeometry } from '../../../src/data/geometry';
import type { ParsedRegion } from '../../../src/data/import/region';
import type { Cell } from '../../../src/data/import/cells';
import type { PolygonSet } from '../../../src/data/workspace/polygons';
import type { TableData, WorkspaceTables } from '../../../src/data/workspace/tables';

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

function typed(fields: readonly FieldSpec[], cells: Cell[][]): Record<string, TypedColumn> {
  const out: Record<string, TypedColumn> = {};
  fields.forEach((f, c) => {
    const col = cells.map((r) => r[c]);
    if (f.type === 'number') out[f.name] = { type: 'number', values: Float64Array.from(col, (v) => (v === null ? Number.NaN : (v as number))) };
    else if (f.type === 'date') out[f.name] = { type: 'date', values: Int32Array.from(col, (v) => (v === null ? NULL_DAY : day(v as string))) };
    else if (f.type === 'boolean') out[f.name] = { type: 'boolean', values: Uint8Array.from(col, (v) => (v === null ? NULL_BOOL : v ? 1 : 0)) };
    else out[f.name] = { type: 'string', values: col.map((v) => (v === null ? null : String(v))) };
  });
  return out;
}

/** Shells only, as the file path keeps them. */
function shapes(rings: { feature: number; xy: number[] }[], n: number): PolygonSet {
  const coords: number[] = [];
  const ringOffsets = [0];
  const featureOffsets = [0];
  for (let f = 0, k = 0; f < n; f++) {
    while (k < rings.length && rings[k].feature === f) {
      coords.push(...rings[k].xy);
      ringOffsets.push(coords.length / 2);
      k++;
    }
    featureOffsets.push(ringOffsets.length - 1);
  }
  return {
    coords: Float64Array.from(coords),
    ringOffsets: Uint32Array.from(ringOffsets),
    polygonOffsets: Uint32Array.from({ length: ringOffsets.length }, (_, i) => i),
    featureOffsets: Uint32Array.from(featureOffsets),
  };
}

export function asTables(p: ParsedRegion): WorkspaceTables {
  // Areas the file path computed from geometry are left empty, for the binary path to compute.
  const area = PARCEL_FIELDS.findIndex((f) => f.name === 'area_m2');
  const cells = p.parcels.rows.map((r, i) => (p.parcels.areaFromGeometry[i] ? r.map((v, c) => (c === area ? null : v)) : r));
  const parcels: TableData = {
    count: p.parcels.count,
    columns: typed(PARCEL_FIELDS, cells),
    shapes: shapes(p.parcels.rings.map((r) => ({ feature: r.pidx, xy: r.xy })), p.parcels.count),
  };
  const parkRings = p.parks.geometries.flatMap((g, i) => (g ? outerRings(g as PolygonGeometry).map((xy) => ({ feature: i, xy })) : []));
  const parks: TableData = { count: p.parks.rows.length, columns: typed(PARK_FIELDS, p.parks.rows), shapes: shapes(parkRings, p.parks.rows.length) };
  const out: WorkspaceTables = { parcels, parks };
  for (const o of p.others) {
    if (o.batch) (out as unknown as Record<string, TableData>)[o.table] = { count: o.batch.rows.length, columns: typed(o.fields, o.batch.rows) };
  }
  return out;
}

