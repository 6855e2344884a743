// The last step of an import: mapped columns and converted positions become a workspace table.
// County names are normalised to the official division, a missing county or park is derived
// from where the parcel lies, and parcels that lie outside every county or lack both an area
// and a shape are reported. Rows keep their order; `geometryRow` says which geometry feature
// (or point) of the source each row takes, so a ledger joined to a shapes file works the same.

import type { TypedColumn } from '../arrow-columns';
import type { SourceIssue } from '../formats/raw-table';
import type { MappedTable } from '../mapping/apply';
import { normaliseCountyNames, type OfficialCounty } from '../mapping/county-names';
import { locatePoints } from '../workspace/point-in-polygons';
import { type PolygonSet, labelPoints, selectFeatures } from '../workspace/polygons';
import type { TableData } from '../workspace/tables';
import type { SourceGeometry } from './geometry-source';

export interface PlaceContext {
  city?: string;
  /** County boundaries (WGS84) with their official names, for normalising and deriving `county`. */
  counties?: { shapes: PolygonSet; names: readonly OfficialCounty[] };
  /** Parks (WGS84) with their ids, for deriving `park_id`. */
  parks?: { shapes: PolygonSet; ids: readonly string[] };
}

export interface BuiltTable {
  table: TableData;
  issues: SourceIssue[];
}

function stringColumn(t: MappedTable, field: string): (string | null)[] | null {
  const c = t.columns[field];
  return c && c.type === 'string' ? c.values : null;
}

export function buildTable(mapped: MappedTable, geometry: SourceGeometry, geometryRow: Int32Array, ctx: PlaceContext = {}): BuiltTable {
  const n = mapped.count;
  const issues: SourceIssue[] = [];
  const warn = (row: number | null, field: string | null, code: string, zh: string, en: string) =>
    issues.push({ level: 'warning', file: mapped.file, row, field, code, messageZh: zh, messageEn: en });
  const columns: Record<string, TypedColumn> = { ...mapped.columns };

  const shapes = geometry.shapes ? selectFeatures(geometry.shapes, geometryRow) : undefined;
  let points: Float64Array | undefined;
  if (geometry.points) {
    points = new Float64Array(2 * n).fill(Number.NaN);
    for (let i = 0; i < n; i++) {
      const r = geometryRow[i];
      if (r >= 0) points.set(geometry.points.subarray(2 * r, 2 * r + 2), 2 * i);
    }
  }
  // Where each row lies: its shape's label point, else its own point.
  const where = new Float64Array(2 * n).fill(Number.NaN);
  if (shapes) {
    const lp = labelPoints(shapes);
    for (let i = 0; i < n; i++) [where[2 * i], where[2 * i + 1]] = [lp.x[i], lp.y[i]];
  }
  if (points) for (let i = 0; i < n; i++) if (Number.isNaN(where[2 * i])) where.set(points.subarray(2 * i, 2 * i + 2), 2 * i);

  if (mapped.table === 'parcels') {
    const area = columns.area_m2;
    for (let i = 0; i < n; i++) {
      const hasArea = area?.type === 'number' && !Number.isNaN(area.values[i]);
      const hasShape = !!shapes && shapes.featureOffsets[i + 1] > shapes.featureOffsets[i];
      if (!hasArea && !hasShape) {
        issues.push({
          level: 'error',
          file: mapped.file,
          row: mapped.sourceRows[i],
          field: 'area_m2',
          code: 'parcel.no_area',
          messageZh: '宗地面积为空，且没有图形可用于计算面积',
          messageEn: 'the parcel has no area and no shape to compute it from',
        });
      }
    }
  }

  // County: normalised to the official name; derived from the boundaries where absent.
  if (ctx.counties && (mapped.table === 'parcels' || mapped.table === 'parks' || mapped.table === 'enterprises')) {
    const inCounty = locatePoints(where, ctx.counties.shapes);
    const given = stringColumn(mapped, 'county');
    const out = new Array<string | null>(n).fill(null);
    if (given) {
      const norm = normaliseCountyNames(given.filter((v): v is string => v !== null), ctx.counties.names, ctx.city);
      for (const u of norm.unknown) warn(null, 'county', 'county.unknown', `县区 “${u}” 不在所选城市的行政区划中`, `county "${u}" is not a division of the chosen city`);
      for (const a of norm.ambiguous) {
        warn(null, 'county', 'county.ambiguous', `县区 “${a.value}” 可能是 ${a.candidates.join('、')}，请在台账中写全称`, `county "${a.value}" could be ${a.candidates.join(', ')}; write the full name`);
      }
      for (let i = 0; i < n; i++) {
        const v = given[i];
        out[i] = v === null ? null : (norm.matched.get(v.replace(/\s+/g, ''))?.name ?? v);
      }
    }
    let derived = 0;
    for (let i = 0; i < n; i++) {
      if (out[i] === null && inCounty[i] >= 0) {
        out[i] = ctx.counties.names[inCounty[i]].name;
        derived++;
      }
    }
    if (derived > 0) {
      warn(null, 'county', 'county.derived', `${derived} 条记录的县区由所在位置确定`, `the county of ${derived} rows was taken from where they lie`);
    }
    const outside = [];
    for (let i = 0; i < n; i++) if (!Number.isNaN(where[2 * i]) && inCounty[i] < 0) outside.push(mapped.sourceRows[i]);
    if (outside.length > 0) {
      warn(
        null,
        null,
        'place.outside_counties',
        `${outside.length} 条记录位于所选城市的各县区之外（第 ${outside.slice(0, 10).join('、')}${outside.length > 10 ? ' 等' : ''} 行）：请检查坐标系`,
        `${outside.length} rows lie outside every county of the chosen city (rows ${outside.slice(0, 10).join(', ')}${outside.length > 10 ? ', …' : ''}): check the coordinate system`,
      );
    }
    columns.county = { type: 'string', values: out };
  }

  // Park: derived from the park outlines when the ledger has no park column.
  if (ctx.parks && mapped.table === 'parcels' && !columns.park_id) {
    const inPark = locatePoints(where, ctx.parks.shapes);
    columns.park_id = { type: 'string', values: Array.from(inPark, (p) => (p >= 0 ? ctx.parks!.ids[p] : null)) };
    const found = inPark.reduce((a, p) => a + (p >= 0 ? 1 : 0), 0);
    warn(null, 'park_id', 'park.derived', `所属园区由宗地位置确定：${found} 宗在园区内`, `the park was taken from where parcels lie: ${found} inside a park`);
  }

  return { table: { count: n, columns, shapes, points }, issues };
}
