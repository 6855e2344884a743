// Excel workbooks (.xlsx, also WPS's .xlsx) to RawTables. The ledgers come with title rows,
// merged cells, unit rows, typed dates, formulas and the odd #N/A, all handled here; old
// binary .xls / .et files are refused with instructions to re-save them.
//
// exceljs is the reader (the app already bundles it for export). Its streaming WorkbookReader
// exists only in the Node build (the browser build exports Workbook alone), and for 100k rows ×
// 10 columns it was not much faster in Node (5.2 s against 6.8 s for the normal reader), so
// the normal reader is used everywhere and one code path serves the browser and the CLI. The
// app should import this module on demand, as it does src/export/xlsx.ts.

import ExcelJS from 'exceljs';
import { quoteForMessage } from './cell-parse';
import { cleanHeaderText } from './header-text';
import type { RawCell, RawTable, SourceIssue } from './raw-table';
import { type CellProblem, convertCellValue } from './xlsx-reader-cells';
import { HEADER_SEARCH_ROWS, type MergedRange, detectHeaderLayout } from './xlsx-reader-header';

export interface XlsxSheetInfo {
  name: string;
  hidden: boolean;
  /** Rows holding at least one value. */
  rows: number;
  /** Last column (1-based) holding a value. */
  columns: number;
}

export interface XlsxWorkbook {
  file: string;
  sheets: XlsxSheetInfo[];
  /** File-level problems (not a workbook, old .xls, unreadable); `book` is null when there are any. */
  issues: SourceIssue[];
  book: ExcelJS.Workbook | null;
}

export interface XlsxTable extends RawTable {
  sheets: XlsxSheetInfo[];
  /** Sheet row (1-based) of the header, null when none was found. */
  headerRow: number | null;
  /** Sheet row of a second header row naming the columns under merged group headers, or null. */
  subHeaderRow: number | null;
  /** Sheet row of the unit row below the header, or null. */
  unitRow: number | null;
  /** Unit per header from the unit row, e.g. "万元" for （万元）; null where none. */
  units: (string | null)[];
  /** Text of the rows above the header (titles such as "宁津县2024年供地台账"). */
  titleRows: string[];
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const startsWith = (b: Uint8Array, magic: number[]) => magic.every((m, i) => b[i] === m);

/** Column letters as Excel shows them (1 → A, 27 → AA). */
export function columnLetter(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function fileIssue(file: string, code: string, zh: string, en: string): SourceIssue {
  return { level: 'error', file, row: null, field: null, code, messageZh: zh, messageEn: en };
}

function oldFormatIssue(file: string): SourceIssue {
  return fileIssue(
    file, 'xlsx.old_format',
    `“${file}”是旧版 Excel 97-2003 (.xls) 或 WPS 表格 (.et) 文件，目前没有维护良好且安全的读取库，本程序不读取这种格式。` +
      '请在 Excel 或 WPS 中打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿 (*.xlsx)”，然后导入新保存的 .xlsx 文件。' +
      '（设置了打开密码的 .xlsx 也是这种格式：请先取消密码再另存。）',
    `"${file}" is an old Excel 97-2003 (.xls) or WPS (.et) file. No maintained, safe reader exists for this format, so it is not read. ` +
      'Open it in Excel or WPS, choose File → Save As, pick "Excel Workbook (*.xlsx)", and import the new .xlsx file. ' +
      '(A password-protected .xlsx is stored the same way: remove the password, then save again.)',
  );
}

/**
 * Rows and columns that hold values. Not ws.rowCount / ws.columnCount: those count cells that
 * only carry formatting, and a sheet formatted out to column XFD would make every row 16k wide.
 */
function measure(ws: ExcelJS.Worksheet): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  ws.eachRow({ includeEmpty: false }, (row) => {
    let any = false;
    row.eachCell({ includeEmpty: false }, (_cell, col) => {
      any = true;
      if (col > columns) columns = col;
    });
    if (any) rows++;
  });
  return { rows, columns };
}

/** Loads a workbook and lists its sheets; never throws for bad input. */
export async function openXlsx(bytes: Uint8Array, file: string): Promise<XlsxWorkbook> {
  const fail = (issue: SourceIssue): XlsxWorkbook => ({ file, sheets: [], issues: [issue], book: null });
  if (startsWith(bytes, OLE2)) return fail(oldFormatIssue(file));
  if (!startsWith(bytes, ZIP)) {
    return fail(fileIssue(file, 'xlsx.not_workbook',
      `“${file}”不是 Excel 工作簿 (.xlsx)。如果它其实是 CSV 或文本文件，请按 CSV 导入。`,
      `"${file}" is not an Excel workbook (.xlsx). If it is really a CSV or text file, import it as CSV.`));
  }
  const book = new ExcelJS.Workbook();
  try {
    // exceljs's types call the input a Buffer; an ArrayBuffer is what it reads in both builds.
    await book.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer, {
      // Not needed to read values, and exceljs expands a rule's range cell by cell: one dropdown
      // on a whole column (B2:B1048576, common in templates) took 7 s and 130 MB to load.
      ignoreNodes: ['dataValidations', 'conditionalFormatting'],
    });
  } catch {
    return fail(fileIssue(file, 'xlsx.unreadable',
      `无法读取“${file}”：文件已损坏，或不是有效的 Excel 工作簿。请在 Excel 或 WPS 中打开后另存为 .xlsx 再试。`,
      `"${file}" cannot be read: it is damaged or not a valid Excel workbook. Open it in Excel or WPS, save it as .xlsx and try again.`));
  }
  const sheets = book.worksheets.map((ws) => ({ name: ws.name, hidden: ws.state !== 'visible', ...measure(ws) }));
  return { file, sheets, issues: [], book };
}

/** The sheet read when the user has not chosen: the first visible non-empty one, else the first non-empty one. */
export function defaultSheet(sheets: readonly XlsxSheetInfo[]): string | null {
  return (sheets.find((s) => !s.hidden && s.rows > 0) ?? sheets.find((s) => s.rows > 0))?.name ?? null;
}

const TOTAL_ROW = /^\s*(合\s*计|总\s*计|小\s*计|total)\s*[:：]?\s*$/i;

/**
 * Government forms often number their columns in the row under the header (1, 2, 3… or
 * （1）（2）…). Such a row is not a record: at least three cells, reading 1, 2, 3… in order.
 */
function isColumnNumbering(vals: readonly RawCell[]): boolean {
  let expect = 1;
  for (const v of vals) {
    if (v === null) continue;
    const n = typeof v === 'number' ? v : Number(/^\s*[（(]?\s*(\d+)\s*[）)]?\s*$/.exec(v)?.[1]);
    if (n !== expect) return false;
    expect++;
  }
  return expect > 3;
}

/** Reads one sheet (by name; default as in defaultSheet) into a RawTable. Never throws for bad input. */
export function readXlsxSheet(wb: XlsxWorkbook, sheetName?: string): XlsxTable {
  const table: XlsxTable = {
    file: wb.file, headers: [], columns: [], rowNumbers: new Int32Array(0), issues: [...wb.issues],
    sheets: wb.sheets, headerRow: null, subHeaderRow: null, unitRow: null, units: [], titleRows: [],
  };
  if (!wb.book) return table;
  const file = wb.file;
  const name = sheetName ?? defaultSheet(wb.sheets);
  const ws = name === null ? undefined : wb.book.worksheets.find((s) => s.name === name);
  const issue = (level: SourceIssue['level'], row: number | null, field: string | null, code: string, zh: string, en: string) =>
    table.issues.push({ level, file, sheet: ws?.name, row, field, code, messageZh: zh, messageEn: en });
  if (name === null) {
    issue('error', null, null, 'xlsx.empty', `“${file}”的所有工作表都是空的。`, `Every sheet in "${file}" is empty.`);
    return table;
  }
  if (!ws) {
    const list = wb.sheets.map((s) => s.name).join('、');
    issue('error', null, null, 'xlsx.sheet_missing',
      `“${file}”中没有名为“${quoteForMessage(name)}”的工作表；现有工作表：${list}。`,
      `"${file}" has no sheet named "${quoteForMessage(name)}"; its sheets are: ${wb.sheets.map((s) => s.name).join(', ')}.`);
    return table;
  }
  table.sheet = ws.name;
  const size = wb.sheets.find((s) => s.name === ws.name);
  const width = size?.columns ?? 0;
  if (!size || size.rows === 0) {
    issue('error', null, null, 'xlsx.sheet_empty', `工作表“${ws.name}”是空的。`, `Sheet "${ws.name}" is empty.`);
    return table;
  }

  // The value a cell shows. A merged range keeps its value in the top-left cell: below it (a
  // park name merged over several parcel rows) the value is repeated, since it applies to each
  // row; to its right it is left empty, so that one value does not land in two columns.
  let filledMerges = 0;
  const rowValues = (row: ExcelJS.Row, onProblem: ((col: number, p: CellProblem) => void) | null, fill: boolean) => {
    const out: RawCell[] = new Array(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      if (col > width) return;
      if (cell.type === ExcelJS.ValueType.Merge) {
        const master = cell.master;
        if (!fill || master.col !== cell.col) return;
        const v = convertCellValue(master.value).value;
        if (v !== null) filledMerges++;
        out[col - 1] = v;
        return;
      }
      const c = convertCellValue(cell.value);
      out[col - 1] = c.value;
      if (c.problem && onProblem) onProblem(col, c.problem);
    });
    return out;
  };

  const preview: RawCell[][] = [];
  const previewRows = Math.min(ws.rowCount, HEADER_SEARCH_ROWS);
  const merges = new Map<string, MergedRange>();
  for (let r = 1; r <= previewRows; r++) {
    const row = ws.findRow(r);
    preview.push(row ? rowValues(row, null, false) : new Array(width).fill(null));
    row?.eachCell({ includeEmpty: false }, (cell, col) => {
      if (cell.type !== ExcelJS.ValueType.Merge || col > width) return;
      const m = cell.master;
      const range = merges.get(m.address) ?? { top: Number(m.row) - 1, left: Number(m.col) - 1, bottom: 0, right: 0 };
      range.bottom = Math.max(range.bottom, r - 1, range.top);
      range.right = Math.max(range.right, col - 1, range.left);
      merges.set(m.address, range);
    });
  }
  const layout = detectHeaderLayout(preview, [...merges.values()]);
  if (!layout) {
    issue('error', null, null, 'xlsx.no_header',
      `在工作表“${ws.name}”的前 ${HEADER_SEARCH_ROWS} 行里找不到表头（一行列名，如“宗地编号”“土地使用权人”）。`,
      `No header row (a row of column names such as 宗地编号, 土地使用权人) was found in the first ${HEADER_SEARCH_ROWS} rows of sheet "${ws.name}".`);
    return table;
  }
  const headerRow = layout.header + 1;
  table.headerRow = headerRow;
  table.subHeaderRow = layout.subHeader === null ? null : layout.subHeader + 1;
  table.unitRow = layout.unit === null ? null : layout.unit + 1;
  table.titleRows = preview
    .slice(0, layout.header)
    .map((row) => row.filter((v) => v !== null).join(' ').trim())
    .filter((t) => t !== '');

  // Header names: as in the sheet, trimmed and unwrapped (header-text.ts); blank ones are
  // named after the column letter (kept only when the column has data); duplicates are
  // errors and get a suffix.
  const rawHeaders = layout.names.map(cleanHeaderText);
  const data: RawCell[][] = rawHeaders.map(() => []);
  const rowNumbers: number[] = [];
  const firstData = (table.unitRow ?? table.subHeaderRow ?? headerRow) + 1;
  const problems: { row: number; col: number; p: CellProblem }[] = [];
  ws.eachRow({ includeEmpty: false }, (row, r) => {
    if (r < firstData) return;
    const rowProblems: typeof problems = [];
    const vals = rowValues(row, (col, p) => rowProblems.push({ row: r, col, p }), true);
    const firstValue = vals.find((v) => v !== null);
    if (firstValue === undefined && rowProblems.length === 0) return; // blank row
    if (r === firstData && isColumnNumbering(vals)) {
      issue('warning', r, null, 'xlsx.numbering_row',
        `第 ${r} 行是列序号（1、2、3…），不是一条记录，未导入。`,
        `Row ${r} numbers the columns (1, 2, 3…); it is not a record and was not imported.`);
      return;
    }
    if (typeof firstValue === 'string' && TOTAL_ROW.test(firstValue)) {
      issue('warning', r, null, 'xlsx.total_row',
        `第 ${r} 行是“${firstValue.trim()}”行，不是一条记录，未导入。`,
        `Row ${r} is a "${firstValue.trim()}" (total) row, not a record; it was not imported.`);
      return;
    }
    for (let c = 0; c < width; c++) data[c].push(vals[c]);
    rowNumbers.push(r);
    problems.push(...rowProblems);
  });

  const keep: number[] = [];
  for (let c = 0; c < width; c++) {
    if (rawHeaders[c] !== '' || data[c].some((v) => v !== null)) keep.push(c);
  }
  const seen = new Map<string, number>();
  const headerOf = new Map<number, string>();
  for (const c of keep) {
    const letter = columnLetter(c + 1);
    let h = rawHeaders[c];
    if (h === '') {
      h = `列${letter}`;
      issue('warning', headerRow, h, 'xlsx.header_empty',
        `${letter} 列有数据但没有表头，暂称“${h}”。`,
        `Column ${letter} has data but no header; it is called "${h}" for now.`);
    }
    const first = seen.get(h);
    if (first !== undefined) {
      let k = 2;
      while (seen.has(`${h} (${k})`)) k++;
      const renamed = `${h} (${k})`;
      const firstLetter = columnLetter(first + 1);
      issue('error', headerRow, h, 'xlsx.header_duplicate',
        `表头“${quoteForMessage(h)}”出现了两次：${firstLetter} 列和 ${letter} 列。请改名或删除其中一列；${letter} 列暂称“${quoteForMessage(renamed)}”。`,
        `Header "${quoteForMessage(h)}" appears twice: columns ${firstLetter} and ${letter}. Rename or remove one; column ${letter} is called "${quoteForMessage(renamed)}" for now.`);
      h = renamed;
    }
    seen.set(h, c);
    headerOf.set(c, h);
  }
  table.headers = keep.map((c) => headerOf.get(c)!);
  table.columns = keep.map((c) => data[c]);
  table.units = keep.map((c) => layout.units[c] ?? null);
  table.rowNumbers = Int32Array.from(rowNumbers);

  for (const { row, col, p } of problems) {
    const field = headerOf.get(col - 1) ?? `列${columnLetter(col)}`;
    const at = `${columnLetter(col)}${row}`;
    if (p.kind === 'error') {
      issue('error', row, field, 'xlsx.cell_error',
        `第 ${row} 行“${field}”（${at}）是 Excel 错误值 ${p.text}，没有可用的值。请在表格中改正（例如查找公式找不到对应项时会出现 #N/A）。`,
        `Row ${row}, "${field}" (${at}) holds the Excel error ${p.text} and has no usable value. Correct it in the workbook (#N/A appears, for example, when a lookup formula finds nothing).`);
    } else {
      issue('error', row, field, 'xlsx.formula_no_result',
        `第 ${row} 行“${field}”（${at}）是公式 =${quoteForMessage(p.formula)}，但文件里没有保存计算结果。请在 Excel 或 WPS 中打开并保存后再导入。`,
        `Row ${row}, "${field}" (${at}) is the formula =${quoteForMessage(p.formula)} but the file holds no computed result. Open and save it in Excel or WPS, then import again.`);
    }
  }
  if (filledMerges > 0) {
    issue('warning', null, null, 'xlsx.merged_filled',
      `工作表“${ws.name}”中有纵向合并的单元格，已把合并区域的值填到它覆盖的每一行。`,
      `Sheet "${ws.name}" has vertically merged cells; their value was copied to each row they cover.`);
  }
  if (rowNumbers.length === 0 && !table.issues.some((i) => i.code === 'xlsx.total_row')) {
    issue('error', null, null, 'xlsx.no_rows',
      `工作表“${ws.name}”只有表头（第 ${headerRow} 行），没有数据行。`,
      `Sheet "${ws.name}" has a header (row ${headerRow}) but no data rows.`);
  }
  return table;
}

/** Opens a workbook and reads one sheet (the first non-empty one unless `sheet` is given). */
export async function readXlsx(bytes: Uint8Array, file: string, opts: { sheet?: string } = {}): Promise<XlsxTable> {
  return readXlsxSheet(await openXlsx(bytes, file), opts.sheet);
}
