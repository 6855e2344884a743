// What every file reader (CSV, Excel, Shapefile, 界址点 TXT, GeoJSON) hands to the import
// pipeline: the file's own columns, untouched by field mapping, units or coordinate systems,
// plus every problem found while reading. Column-major so that large files stay a handful of
// arrays rather than one object per row, and geometry stays in typed arrays from the parser
// to the map (GeoArrow-style offsets) in the file's own coordinate system.

/** One problem, located as precisely as the format allows. Messages exist in both UI languages. */
export interface SourceIssue {
  level: 'error' | 'warning';
  /** File name as the user chose it (inside a .zip: `archive.zip/member.dbf`). */
  file: string;
  /** Sheet name for workbooks. */
  sheet?: string;
  /** 1-based row (CSV line, sheet row) or feature number as the user sees it in the source; null for file-level problems. */
  row: number | null;
  /** Header text of the column concerned, as in the file; null when not about one column. */
  field: string | null;
  /** Stable machine code, e.g. `csv.cell_count`, `geom.self_intersection`. */
  code: string;
  messageZh: string;
  messageEn: string;
}

/** A cell as read: text, a number the format itself typed (Excel, DBF), an ISO date the format typed, or empty. */
export type RawCell = string | number | null;

/**
 * Polygons in flat typed arrays. Vertex i is (coords[2i], coords[2i+1]) in the source CRS.
 * - ringOffsets[r] .. ringOffsets[r+1] are the vertices of ring r (rings closed: last = first).
 * - polygonOffsets[p] .. polygonOffsets[p+1] are the rings of polygon p (first ring = shell).
 * - featureOffsets[f] .. featureOffsets[f+1] are the polygons of row f (empty range = no geometry).
 */
export interface RawGeometry {
  coords: Float64Array;
  ringOffsets: Uint32Array;
  polygonOffsets: Uint32Array;
  featureOffsets: Uint32Array;
}

export interface RawTable {
  file: string;
  sheet?: string;
  /** Header texts as in the file (trimmed); unique — readers report duplicates as errors and suffix them. */
  headers: string[];
  /** columns[c][r] is the cell of header c in row r. */
  columns: RawCell[][];
  /** Source row number (1-based, as the user sees it) of each row, for messages. */
  rowNumbers: Int32Array;
  geometry?: RawGeometry;
  /**
   * Coordinate-system hints the file carries; detection lives elsewhere. `prj`: a Shapefile's
   * .prj WKT. `txt`: the [属性描述] entries of a 界址点 TXT as written (坐标系, 几度分带, 带号,
   * 投影类型, 计量单位, 转换参数…). `crsName`: a GeoJSON's legacy `crs` name (e.g.
   * `urn:ogc:def:crs:EPSG::4527`, as GDAL still writes it).
   */
  crsHint?: { prj?: string; txt?: Record<string, string>; crsName?: string };
  /** Text encoding the reader decided on, when the format is text (shown to the user, changeable). */
  encoding?: string;
  issues: SourceIssue[];
}

export function rowCount(t: RawTable): number {
  return t.rowNumbers.length;
}
