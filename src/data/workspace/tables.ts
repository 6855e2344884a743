// A workspace's contract tables in the app's binary form: typed columns per field and, where a
// table has shapes, one polygon feature per row in WGS84. Imports produce this, the browser
// stores it, workspace files carry it, and DuckDB is fed from it through Arrow.

import type { TypedColumn } from '../arrow-columns';
import type { PolygonSet } from './polygons';

export interface TableData {
  count: number;
  /** Contract fields present in the source; an absent field is unknown for every row. */
  columns: Record<string, TypedColumn>;
  /** One feature per row (an empty feature = no geometry), WGS84 longitude/latitude. */
  shapes?: PolygonSet;
  /** One point per row (NaN, NaN = none), WGS84: rows located by coordinate columns rather than shapes. */
  points?: Float64Array;
}

/** The contract tables (data contract v2, Inputs). Parcels and parks are needed to map anything. */
export interface WorkspaceTables {
  parcels: TableData;
  parks: TableData;
  enterprises?: TableData;
  chain_nodes?: TableData;
  chain_links?: TableData;
  counties?: TableData;
  projects?: TableData;
  factories?: TableData;
  promotion_groups?: TableData;
  /** Planning limits (规划管控): polygons of the control lines and 控规 land classes. */
  planning_zones?: TableData;
}

export type WorkspaceTableName = keyof WorkspaceTables;
