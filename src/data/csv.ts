// A small RFC 4180 CSV reader/writer. It keeps each record's starting line number so that
// error messages can point at the exact row a planner sees in Excel or a text editor.

export interface CsvRecord {
  /** 1-based line number where the record starts (the header is line 1). */
  line: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
  }
}

export function parseCsv(text: string): CsvTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let recordLine = 1;
  let inQuotes = false;
  let quoteLine = 0;
  let i = 0;
  const n = text.length;
  const endRecord = () => {
    cells.push(cell);
    cell = '';
    // A blank line is not a record.
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: recordLine, cells });
    cells = [];
  };
  while (i < n) {
    const c = text[i];
    if (inQuotes) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        i++;
        continue;
      }
      if (c === '\n') line++;
      cell += c;
      i++;
      continue;
    }
    if (c === '"' && cell === '') {
      inQuotes = true;
      quoteLine = line;
      i++;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      i++;
    } else if (c === '\r' || c === '\n') {
      endRecord();
      if (c === '\r' && text[i + 1] === '\n') i++;
      i++;
      line++;
      recordLine = line;
    } else {
      cell += c;
      i++;
    }
  }
  if (inQuotes) throw new CsvSyntaxError(`第 ${quoteLine} 行起的引号没有闭合`, quoteLine);
  if (cell !== '' || cells.length > 0) endRecord();
  const head = records.shift();
  return { header: head ? head.cells.map((h) => h.trim()) : [], records };
}

function quote(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

/** Writes rows as CSV; null/undefined become empty cells. For machines (DuckDB loads): cells are written as they are. */
export function toCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const out: string[] = [header.map(quote).join(',')];
  for (const row of rows) {
    out.push(row.map((v) => (v === null || v === undefined ? '' : quote(String(v)))).join(','));
  }
  return out.join('\n') + '\n';
}

// Spreadsheets run a cell starting with one of these as a formula (CSV injection, OWASP
// "CSV Injection"); the data contract's Outputs section asks for them to be shown as text.
const FORMULA_START = /^[=+\-@\t\r]/;
// A plain number is not a formula, whatever its sign: `-12` and `+3.5` stay numbers.
const PLAIN_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/**
 * A cell as spreadsheet software should see it: text starting with `=`, `+`, `-`, `@`, tab or
 * carriage return gets a leading apostrophe (Excel and LibreOffice then show it as text).
 * Numbers, plain numeric text and every other value are unchanged.
 */
export function formulaSafe(v: unknown): string {
  if (v === null || v === undefined) return '';
  const s = String(v);
  if (typeof v === 'number' || !FORMULA_START.test(s) || PLAIN_NUMBER.test(s)) return s;
  return `'${s}`;
}

/** Writes rows as CSV for people (opened in Excel or WPS): every cell through `formulaSafe`. */
export function toSpreadsheetCsv(header: readonly string[], rows: Iterable<readonly unknown[]>): string {
  const out: string[] = [header.map((h) => quote(formulaSafe(h))).join(',')];
  for (const row of rows) out.push(row.map((v) => quote(formulaSafe(v))).join(','));
  return out.join('\n') + '\n';
}
