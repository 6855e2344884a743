// The Excel workbook. exceljs is imported only here, so the app loads it on demand with
// `await import('../export/xlsx')` and the map's first frame does not pay for it.

import ExcelJS from 'exceljs';
import { type ColumnFormat, type ExportMeta, type ExportTable, notesTable } from '../analysis/export-tables';

// Excel number formats per column format (a `percent` column already holds × 100 values).
const NUM_FMT: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  integer: '0',
  mu: '#,##0.00',
  wan: '#,##0.00',
  decimal: '#,##0.00',
  percent: '0.0',
  score: '0.0000',
};

/** Rough display width: CJK characters take two columns. */
function width(v: unknown): number {
  if (v === null || v === undefined) return 0;
  let w = 0;
  for (const ch of String(v)) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 2 : 1;
  return w;
}

function addSheet(wb: ExcelJS.Workbook, t: ExportTable, maxWidth: number): void {
  const ws = wb.addWorksheet(t.name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = t.headers.map((h, i) => {
    const sample = t.rows.slice(0, 200).reduce((m, r) => Math.max(m, width(r[i])), 0);
    return { header: h, key: `c${i}`, width: Math.min(maxWidth, Math.max(8, width(h) + 2, sample + 2)) };
  });
  ws.getRow(1).font = { bold: true };
  ws.addRows(t.rows.map((r) => r.map((v) => (v === null ? null : v))));
  t.formats.forEach((f, i) => {
    const fmt = NUM_FMT[f];
    if (fmt) ws.getColumn(i + 1).numFmt = fmt;
  });
  if (t.rows.length > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: t.headers.length } };
}

/**
 * Builds the .xlsx: the 说明 sheet (from `meta`) first, then the tables in the given order.
 * Returns the file's bytes.
 */
export async function buildWorkbook(tables: readonly ExportTable[], meta: ExportMeta): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ParkAtlas 园区招商一张图';
  wb.title = `闲置用地盘活 ${meta.regionName} ${meta.asOf}`;
  const notes = notesTable(meta);
  addSheet(wb, notes, 80);
  for (const t of tables) addSheet(wb, t, 40);
  // A Node Buffer (a Uint8Array view) in Node, an ArrayBuffer in the browser build.
  const buf: unknown = await wb.xlsx.writeBuffer();
  if (buf instanceof Uint8Array) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return new Uint8Array(buf as ArrayBuffer);
}

/** Reads a workbook back into tables (first row = headers), for tests and re-import checks. */
export async function readWorkbook(bytes: Uint8Array): Promise<ExportTable[]> {
  const wb = new ExcelJS.Workbook();
  // exceljs's types call the input a Buffer; an ArrayBuffer is what it reads in both builds.
  await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const all: (string | number | null)[][] = [];
    // exceljs works columnCount out by visiting every row: read it once, not once per cell.
    const columns = ws.columnCount;
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const values: (string | number | null)[] = [];
      for (let c = 1; c <= columns; c++) {
        const v = row.getCell(c).value;
        values.push(v === null || v === undefined ? null : typeof v === 'number' || typeof v === 'string' ? v : String(v));
      }
      all[n - 1] = values;
    });
    const [headers = [], ...rows] = Array.from(all, (r) => r ?? new Array(columns).fill(null));
    return {
      name: ws.name,
      headers: headers.map((h) => String(h ?? '')),
      formats: headers.map(() => 'text' as ColumnFormat),
      rows,
    };
  });
}

/**
 * A workbook of the given tables only, in order, each usually led by a notes sheet of its own: for
 * exports whose 说明 is not the land rules' settings (the site ranking, the project pipeline).
 * Text cells are written as text, never as formulas.
 */
export async function buildTablesWorkbook(tables: readonly ExportTable[], title: string): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'ParkAtlas 园区招商一张图';
  wb.title = title;
  // Notes sheets (one or two columns of prose) get wide columns.
  for (const t of tables) addSheet(wb, t, t.headers.length <= 2 ? 100 : 40);
  const buf: unknown = await wb.xlsx.writeBuffer();
  if (buf instanceof Uint8Array) return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  return new Uint8Array(buf as ArrayBuffer);
}
