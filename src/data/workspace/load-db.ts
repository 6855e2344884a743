// Feeds a workspace's tables to DuckDB through Arrow, producing the tables the analyses read
// (`parcels` with pidx and label point, `parcel_shapes`, `parks`, `enterprises`, `chain_nodes`,
// `chain_links`, `projects`, `factories` with a label point). Everything happens in one transaction: a failure never mixes two data sets.

import { Field, Float64, List, makeData, makeVector } from 'apache-arrow';
import { type TypedColumn, NULL_BOOL, NULL_DAY, toArrowVector } from '../arrow-columns';
import { replaceTableFromColumns } from '../arrow-load';
import { CHAIN_LINK_FIELDS, CHAIN_NODE_FIELDS, ENTERPRISE_FIELDS, FACTORY_FIELDS, type FieldSpec, PARCEL_FIELDS, PARK_FIELDS, PROJECT_FIELDS } from '../contract';
import { type Db, transaction } from '../db';
import { ident, sql } from '../sql';
import { featureAreaM2, featureCount, labelPoints, shellRings } from './polygons';
import type { TableData, WorkspaceTables } from './tables';
import { Table, tableToIPC } from 'apache-arrow';

function nullColumn(spec: FieldSpec, n: number): TypedColumn {
  switch (spec.type) {
    case 'number':
      return { type: 'number', values: new Float64Array(n).fill(Number.NaN) };
    case 'date':
      return { type: 'date', values: new Int32Array(n).fill(NULL_DAY) };
    case 'boolean':
      return { type: 'boolean', values: new Uint8Array(n).fill(NULL_BOOL) };
    default:
      return { type: 'string', values: new Array<string | null>(n).fill(null) };
  }
}

/** The contract's columns in contract order; absent fields become all-NULL columns of their type. */
function contractColumns(t: TableData | undefined, fields: readonly FieldSpec[]): Record<string, TypedColumn> {
  const n = t?.count ?? 0;
  const out: Record<string, TypedColumn> = {};
  for (const f of fields) out[f.name] = t?.columns[f.name] ?? nullColumn(f, n);
  return out;
}

/**
 * Parcel area: the given `area_m2`, else the geodesic area of the shape (rounded to 0.1 m² as
 * the file importers do), flagged so the UI can say where an area came from.
 */
export function parcelAreas(t: TableData): { area: Float64Array; fromGeometry: Uint8Array } {
  const given = t.columns.area_m2;
  const area = new Float64Array(t.count).fill(Number.NaN);
  if (given?.type === 'number') area.set(given.values);
  const fromGeometry = new Uint8Array(t.count);
  if (t.shapes) {
    for (let i = 0; i < t.count; i++) {
      if (!Number.isNaN(area[i]) || t.shapes.featureOffsets[i + 1] === t.shapes.featureOffsets[i]) continue;
      area[i] = Math.round(featureAreaM2(t.shapes, i) * 10) / 10;
      fromGeometry[i] = 1;
    }
  }
  return { area, fromGeometry };
}

/** Label point per row: the centroid of its largest shell, else its own point, else none. */
function points(t: TableData): { x: Float64Array; y: Float64Array } {
  const out =
    t.shapes && featureCount(t.shapes) === t.count
      ? labelPoints(t.shapes)
      : { x: new Float64Array(t.count).fill(Number.NaN), y: new Float64Array(t.count).fill(Number.NaN) };
  if (t.points) {
    for (let i = 0; i < t.count; i++) {
      if (Number.isNaN(out.x[i])) {
        out.x[i] = t.points[2 * i];
        out.y[i] = t.points[2 * i + 1];
      }
    }
  }
  return out;
}

async function loadShapes(db: Db, t: TableData): Promise<void> {
  const rings = t.shapes ? shellRings(t.shapes) : { feature: new Int32Array(0), starts: new Uint32Array(1), xy: new Float64Array(0) };
  // LIST<DOUBLE> per shell: offsets are in values (two per vertex).
  const offsets = Int32Array.from(rings.starts, (s) => 2 * s);
  const child = makeData({ type: new Float64(), length: rings.xy.length, nullCount: 0, data: rings.xy });
  const xy = makeVector(
    makeData({ type: new List(new Field('item', new Float64(), false)), length: rings.feature.length, nullCount: 0, valueOffsets: offsets, child }),
  );
  const ipc = tableToIPC(new Table({ pidx: toArrowVector({ type: 'integer', values: rings.feature }), xy }), 'stream');
  await db.query(sql`DROP TABLE IF EXISTS ${ident('parcel_shapes__staging')}`);
  await db.insertArrowIpc('parcel_shapes__staging', ipc);
  await db.query('DROP TABLE IF EXISTS parcel_shapes');
  await db.query('ALTER TABLE parcel_shapes__staging RENAME TO parcel_shapes');
}

export async function loadWorkspaceTables(db: Db, w: WorkspaceTables): Promise<void> {
  const p = w.parcels;
  const { area, fromGeometry } = parcelAreas(p);
  const pc = points(p);
  const parks = points(w.parks);
  await transaction(db, async () => {
    await replaceTableFromColumns(db, 'parcels', {
      ...contractColumns(p, PARCEL_FIELDS),
      area_m2: { type: 'number', values: area },
      pidx: { type: 'integer', values: Int32Array.from({ length: p.count }, (_, i) => i) },
      cx: { type: 'number', values: pc.x },
      cy: { type: 'number', values: pc.y },
      area_from_geometry: { type: 'boolean', values: fromGeometry },
    });
    await loadShapes(db, p);
    await replaceTableFromColumns(db, 'parks', {
      ...contractColumns(w.parks, PARK_FIELDS),
      cx: { type: 'number', values: parks.x },
      cy: { type: 'number', values: parks.y },
    });
    await replaceTableFromColumns(db, 'enterprises', contractColumns(w.enterprises, ENTERPRISE_FIELDS));
    await replaceTableFromColumns(db, 'chain_nodes', contractColumns(w.chain_nodes, CHAIN_NODE_FIELDS));
    await replaceTableFromColumns(db, 'chain_links', contractColumns(w.chain_links, CHAIN_LINK_FIELDS));
    // Contract v2's 招商项目库 and 标准厂房: empty tables when the workspace has none, so the
    // analyses reading them need no special case.
    await replaceTableFromColumns(db, 'projects', contractColumns(w.projects, PROJECT_FIELDS));
    const factories = w.factories ? points(w.factories) : { x: new Float64Array(0), y: new Float64Array(0) };
    await replaceTableFromColumns(db, 'factories', {
      ...contractColumns(w.factories, FACTORY_FIELDS),
      cx: { type: 'number', values: factories.x },
      cy: { type: 'number', values: factories.y },
    });
  });
}
