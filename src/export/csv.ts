// CSV export for Excel users: UTF-8 with a byte-order mark, because Excel (notably on Chinese
// Windows) reads a BOM-less CSV in the local code page (GBK) and garbles the Chinese headers.
// Cells that a spreadsheet would run as formulas are written as text (data contract, Outputs).

import type { ExportTable } from '../analysis/export-tables';
import { toSpreadsheetCsv } from '../data/csv';

export const UTF8_BOM = '\uFEFF';

/** One table as CSV text, starting with the BOM. */
export function tableToCsv(t: Pick<ExportTable, 'headers' | 'rows'>): string {
  return UTF8_BOM + toSpreadsheetCsv(t.headers, t.rows);
}

/** The same as bytes (TextEncoder writes the BOM character as EF BB BF). */
export function tableToCsvBytes(t: Pick<ExportTable, 'headers' | 'rows'>): Uint8Array {
  return new TextEncoder().encode(tableToCsv(t));
}

/** A file name for a table's CSV, e.g. 闲置土地_2024-12-31.csv. */
export function csvFileName(t: Pick<ExportTable, 'name'>, asOf: string): string {
  return `${t.name}_${asOf}.csv`;
}
