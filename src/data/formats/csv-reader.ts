// CSV files as planners get them: saved from Excel or WPS in GBK or UTF-8, comma, semicolon or
// tab separated, sometimes with a 150k-vertex WKT polygon or a 3 MB note in one cell. Quoting
// follows RFC 4180 (quoted cells may hold separators, line breaks and doubled quotes). The
// reader is strict because a silently shifted row is worse than a refused one: an unquoted
// 11,820.5 moves every later cell one column right and the rules then fire on wrong values.
// Output is column-major (no object per row) so that 100k rows stay a handful of arrays.
// Pure TypeScript: runs in a Web Worker and in Node.

import { quoteForMessage } from './cell-parse';
import { TEXT_ENCODINGS, type TextEncodingName, decodeCsvBytes } from './csv-reader-encoding';
import { cleanHeaderText } from './header-text';
import type { RawCell, RawTable, SourceIssue } from './raw-table';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvReadOptions {
  /** Overrides encoding detection (the user's choice after a doubtful guess). */
  encoding?: TextEncodingName;
  /** Overrides delimiter detection. */
  delimiter?: CsvDelimiter;
  /**
   * The file line the row after the header is on, for a piece of a file read in parts
   * (csv-chunks.ts: the header line, then the piece), so messages name the file's lines.
   */
  rowsFromLine?: number;
}

export interface CsvTable extends RawTable {
  encoding: TextEncodingName;
  delimiter: CsvDelimiter;
}

const DELIMITER_NAMES: Record<CsvDelimiter, [string, string]> = {
  ',': ['逗号', 'comma'],
  ';': ['分号', 'semicolon'],
  '\t': ['制表符', 'tab'],
};

const QUOTE = 34;
const SPACE = 32;
const LF = 10;
const CR = 13;

/** Picks the separator that occurs most often in the header line outside quotes; comma on a tie or none. */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      // Blank lines before the header do not count as the header line.
      if (counts[','] + counts[';'] + counts['\t'] > 0 || text.slice(0, i).trim() !== '') break;
    } else if (!inQuotes && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  let best: CsvDelimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

function countLineBreaks(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === LF || (c === CR && s.charCodeAt(i + 1) !== LF)) n++;
  }
  return n;
}

/**
 * Where a row with too many cells most likely went wrong: two neighbouring cells that read as
 * one number split at a thousands comma (11 | 820.5). Returns the index of the first of them.
 */
function findSplitNumber(cells: string[], n: number): number {
  for (let i = 0; i + 1 < n; i++) {
    if (/^\s*-?\d{1,3}$/.test(cells[i]) && /^\d{3}(?:\.\d+)?\s*$/.test(cells[i + 1])) return i;
  }
  return -1;
}

/** Files that are often renamed or picked by mistake: a workbook or zip (PK), an old .xls (OLE2). */
function binaryKind(b: Uint8Array): [string, string] | null {
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) {
    return ['Excel 工作簿 (.xlsx) 或 .zip 压缩包', 'an Excel workbook (.xlsx) or a .zip archive'];
  }
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) {
    return ['旧版 Excel (.xls) 或 WPS 表格 (.et) 文件', 'an old Excel (.xls) or WPS (.et) file'];
  }
  return null;
}

export function readCsv(bytes: Uint8Array, file: string, opts: CsvReadOptions = {}): CsvTable {
  const issues: SourceIssue[] = [];
  const issue = (level: SourceIssue['level'], row: number | null, field: string | null, code: string, zh: string, en: string) =>
    issues.push({ level, file, row, field, code, messageZh: zh, messageEn: en });

  const empty = (encoding: TextEncodingName): CsvTable =>
    ({ file, headers: [], columns: [], rowNumbers: new Int32Array(0), encoding, delimiter: ',', issues });
  const binary = binaryKind(bytes);
  if (binary) {
    issue('error', null, null, 'csv.binary',
      `“${file}”不是文本文件，而是${binary[0]}，请按对应格式导入。`,
      `"${file}" is not a text file but ${binary[1]}; import it as such.`);
    return empty('utf-8');
  }
  if (opts.encoding !== undefined && !TEXT_ENCODINGS.includes(opts.encoding)) {
    issue('error', null, null, 'csv.encoding_unknown',
      `不支持编码“${quoteForMessage(opts.encoding)}”；可选：${TEXT_ENCODINGS.join('、')}。`,
      `The encoding "${quoteForMessage(opts.encoding)}" is not supported; choose one of ${TEXT_ENCODINGS.join(', ')}.`);
    return empty('utf-8');
  }
  let decoded: ReturnType<typeof decodeCsvBytes>;
  try {
    decoded = decodeCsvBytes(bytes, opts.encoding);
  } catch {
    // A JavaScript string holds at most about 512 M characters (V8), so a larger text cannot be decoded whole.
    issue('error', null, null, 'csv.too_large',
      `“${file}”太大（${(bytes.length / 1048576).toFixed(0)} MB），无法作为一段文本读取。请拆分成几个文件，或另存为 .xlsx 后导入。`,
      `"${file}" is too large (${(bytes.length / 1048576).toFixed(0)} MB) to read as one text. Split it into several files, or save it as .xlsx and import that.`);
    return empty(opts.encoding ?? 'utf-8');
  }
  const { text, encoding } = decoded;
  if (decoded.doubt?.kind === 'guess') {
    const at = decoded.doubt.line;
    issue(
      'warning', at, null, 'csv.encoding_guess',
      `无法确定文件编码：内容既不是有效的 UTF-8，也不像 GBK/GB18030 中文${at ? `（第 ${at} 行起）` : ''}。已按 ${encoding} 读取；如文字显示为乱码，请选择正确的编码后重新读取。`,
      `The file's encoding is unclear: it is neither valid UTF-8 nor plausible GBK/GB18030 Chinese${at ? ` (from line ${at})` : ''}. It was read as ${encoding}; if the text looks garbled, choose the right encoding and read it again.`,
    );
  } else if (decoded.doubt?.kind === 'invalid') {
    const at = decoded.doubt.line;
    issue(
      'error', at, null, 'csv.encoding_invalid',
      `按所选编码 ${encoding} 读取时遇到无法识别的字节${at ? `（第 ${at} 行）` : ''}，这些字符已显示为 �。请换一种编码。`,
      `Bytes that are not valid ${encoding} were found${at ? ` (line ${at})` : ''} and shown as �. Choose another encoding.`,
    );
  }

  // Excel writes and honours a first line "sep=;" naming the separator.
  const sepLine = /^sep=([,;\t])(?:\r\n|\r|\n)/i.exec(text);
  const delimiter = opts.delimiter ?? (sepLine?.[1] as CsvDelimiter | undefined) ?? detectDelimiter(text);
  const delim = delimiter.charCodeAt(0);
  const hasNul = text.indexOf('\0') >= 0;

  let headers: string[] = [];
  let columns: RawCell[][] = [];
  const rowNumbers: number[] = [];
  let headerSeen = false;

  const cells: string[] = [];
  let nCells = 0;
  const n = text.length;
  let pos = sepLine ? sepLine[0].length : 0;
  let line = sepLine ? 2 : 1;

  /** The last row taken ended at the end of the text, without a line break. */
  let lastRowOpen = false;
  /** Columns without a header name; reported (or dropped when they hold nothing) at the end. */
  const unnamed: number[] = [];
  let headerLine = 0;

  const takeHeader = (recordLine: number) => {
    headerLine = recordLine;
    const seen = new Map<string, number>();
    headers = [];
    for (let c = 0; c < nCells; c++) {
      let name = cleanHeaderText(cells[c]);
      if (name === '') {
        name = `列${c + 1}`;
        unnamed.push(c);
      }
      const first = seen.get(name);
      if (first !== undefined) {
        let k = 2;
        while (seen.has(`${name} (${k})`)) k++;
        const renamed = `${name} (${k})`;
        issue('error', recordLine, name, 'csv.header_duplicate',
          `表头“${quoteForMessage(name)}”出现了两次：第 ${first + 1} 列和第 ${c + 1} 列。请改名或删除其中一列；第 ${c + 1} 列暂称“${quoteForMessage(renamed)}”。`,
          `Header "${quoteForMessage(name)}" appears twice: columns ${first + 1} and ${c + 1}. Rename or remove one; column ${c + 1} is called "${quoteForMessage(renamed)}" for now.`);
        name = renamed;
      }
      seen.set(name, c);
      headers.push(name);
    }
    columns = headers.map(() => []);
    headerSeen = true;
  };

  const takeRow = (recordLine: number, atEof: boolean, endedByBreak: boolean) => {
    let blank = true;
    for (let c = 0; c < nCells; c++) if (cells[c] !== '') { blank = false; break; }
    if (blank) return; // blank lines (and Excel's ",,,," rows) are not records
    if (!headerSeen) return takeHeader(recordLine);
    const want = headers.length;
    // Empty cells past the last column (a trailing separator) shift nothing: not an error.
    while (nCells > want && cells[nCells - 1] === '') nCells--;
    if (nCells !== want) {
      if (nCells < want && atEof && !endedByBreak) {
        issue('error', recordLine, headers[nCells], 'csv.truncated',
          `第 ${recordLine} 行只有 ${nCells} 个单元格（表头有 ${want} 列），且文件没有以换行结束：文件可能被截断了。该行未导入。`,
          `Line ${recordLine} has ${nCells} cells (the header has ${want}) and the file does not end with a line break: the file may be truncated. The row was not imported.`);
        return;
      }
      const split = nCells > want ? findSplitNumber(cells, nCells) : -1;
      // Too many cells: the column where a split number starts the shift, if one is seen;
      // too few: the first column left without a cell.
      const field = nCells < want ? headers[nCells] : split >= 0 && split < want ? headers[split] : null;
      const hintZh = split >= 0
        ? `“${cells[split]},${cells[split + 1]}”看起来是一个带千分位逗号却没有加引号的数字，后面的单元格都错了列。`
        : nCells > want
          ? '常见原因：数字中的千分位逗号（如 11,820.5）或文字中的逗号没有加引号。'
          : '常见原因：行被截断，或单元格内的换行没有加引号。';
      const hintEn = split >= 0
        ? `"${cells[split]},${cells[split + 1]}" looks like a number with an unquoted thousands comma, which shifts every later cell.`
        : nCells > want
          ? 'A common cause is an unquoted thousands comma (e.g. 11,820.5) or comma in text.'
          : 'A common cause is a cut line or an unquoted line break inside a cell.';
      issue('error', recordLine, field, 'csv.cell_count',
        `第 ${recordLine} 行有 ${nCells} 个单元格，表头有 ${want} 列。${hintZh}该行未导入。`,
        `Line ${recordLine} has ${nCells} cells but the header has ${want}. ${hintEn} The row was not imported.`);
      return;
    }
    for (let c = 0; c < want; c++) {
      const v = cells[c];
      if (hasNul && v.indexOf('\0') >= 0) {
        issue('error', recordLine, headers[c], 'csv.nul',
          `第 ${recordLine} 行“${headers[c]}”含有空字符（NUL, 0x00），文件可能已损坏或编码选错；该单元格按空值处理。`,
          `Line ${recordLine}, "${headers[c]}" contains a NUL character (0x00); the file may be damaged or read with the wrong encoding. The cell is treated as empty.`);
        columns[c].push(null);
      } else columns[c].push(v === '' ? null : v);
    }
    rowNumbers.push(recordLine);
    lastRowOpen = atEof && !endedByBreak;
  };

  while (pos < n) {
    // One record: cells separated by the delimiter, ended by a line break or the end of text.
    const recordLine = line;
    nCells = 0;
    let endedByBreak = false;
    let truncated = false;
    for (;;) {
      let value: string;
      // Some tools write ", " between cells: spaces before an opening quote are layout.
      let q = pos;
      while (text.charCodeAt(q) === SPACE) q++;
      if (text.charCodeAt(q) === QUOTE) {
        pos = q;
        const quoteLine = line;
        let start = pos + 1;
        let parts = '';
        for (;;) {
          const close = text.indexOf('"', start);
          if (close < 0) {
            truncated = true;
            const field = headerSeen && nCells < headers.length ? headers[nCells] : null;
            issue('error', quoteLine, field, 'csv.unterminated_quote',
              `第 ${quoteLine} 行${field ? `“${field}”` : ''}的引号到文件末尾都没有闭合：文件可能被截断，或单元格里有多余的引号。该行未导入。`,
              `The quote opened on line ${quoteLine}${field ? ` ("${field}")` : ''} is never closed: the file may be truncated or a cell has a stray quote. The row was not imported.`);
            pos = n;
            value = '';
            break;
          }
          if (text.charCodeAt(close + 1) === QUOTE) {
            parts += text.slice(start, close + 1);
            start = close + 2;
            continue;
          }
          parts += text.slice(start, close);
          pos = close + 1;
          break;
        }
        if (truncated) break;
        value = parts;
        line += countLineBreaks(value);
        // RFC 4180 allows nothing between the closing quote and the separator (spaces aside).
        while (text.charCodeAt(pos) === SPACE) pos++;
        const after = pos;
        while (pos < n) {
          const c = text.charCodeAt(pos);
          if (c === delim || c === LF || c === CR) break;
          pos++;
        }
        if (pos > after) {
          const field = headerSeen && nCells < headers.length ? headers[nCells] : null;
          issue('error', line, field, 'csv.quote_trailing',
            `第 ${line} 行${field ? `“${field}”` : ''}在右引号后还有字符“${quoteForMessage(text.slice(after, pos))}”：引号没有成对使用。`,
            `Line ${line}${field ? `, "${field}"` : ''}: characters "${quoteForMessage(text.slice(after, pos))}" follow the closing quote; quotes are unbalanced.`);
          value += text.slice(after, pos);
        }
      } else {
        const start = pos;
        while (pos < n) {
          const c = text.charCodeAt(pos);
          if (c === delim || c === LF || c === CR) break;
          pos++;
        }
        value = text.slice(start, pos);
      }
      cells[nCells++] = value;
      if (pos >= n) break;
      const c = text.charCodeAt(pos);
      pos++;
      if (c === delim) {
        if (pos >= n) { cells[nCells++] = ''; break; }
        continue;
      }
      if (c === CR && text.charCodeAt(pos) === LF) pos++;
      line++;
      endedByBreak = true;
      break;
    }
    if (truncated) break;
    const hadHeader = headerSeen;
    takeRow(recordLine, pos >= n, endedByBreak);
    if (!hadHeader && headerSeen && opts.rowsFromLine !== undefined) line = opts.rowsFromLine;
  }

  if (decoded.cutAtEnd && lastRowOpen) {
    // The bytes stop inside a character, so the file was cut off and the last row, although
    // it has all its cells, lost the end of its last one.
    const last = rowNumbers.pop()!;
    for (const col of columns) col.pop();
    issue('error', last, headers[headers.length - 1], 'csv.truncated',
      `文件在一个字符的中间结束，文件被截断了：第 ${last} 行的最后一个单元格不完整，该行未导入。`,
      `The file ends in the middle of a character, so it was cut off: the last cell of line ${last} is incomplete and the row was not imported.`);
  } else if (decoded.cutAtEnd && !issues.some((i) => i.code === 'csv.truncated' || i.code === 'csv.unterminated_quote')) {
    issue('error', null, null, 'csv.truncated',
      '文件在一个字符的中间结束，文件被截断了。',
      'The file ends in the middle of a character, so it was cut off.');
  }
  if (!headerSeen && !issues.some((i) => i.code === 'csv.unterminated_quote')) {
    issue('error', null, null, 'csv.empty',
      '文件是空的（没有表头，也没有数据行）。',
      'The file is empty (no header and no data rows).');
  } else if (rowNumbers.length === 0 && !issues.some((i) => i.level === 'error' && i.row !== null)) {
    issue('error', null, null, 'csv.no_rows',
      '文件只有表头，没有数据行。',
      'The file has a header but no data rows.');
  }
  if (headerSeen && headers.length === 1 && opts.delimiter === undefined && !sepLine && rowNumbers.length > 0) {
    const [zh, en] = DELIMITER_NAMES[delimiter];
    issue('warning', null, headers[0], 'csv.single_column',
      `只读出一列（按${zh}分隔）。如果文件其实用别的分隔符，请选择分隔符后重新读取。`,
      `Only one column was found (split on ${en}). If the file uses another separator, choose it and read again.`);
  }

  // A column with neither a name nor a value (the header line ended with a separator) is not
  // data; one with values is kept under a made-up name and reported.
  const drop = new Set(unnamed.filter((c) => columns[c].every((v) => v === null)));
  for (const c of unnamed) {
    if (drop.has(c)) continue;
    issue('warning', headerLine, headers[c], 'csv.header_empty',
      `第 ${c + 1} 列有数据但没有表头，暂称“${headers[c]}”。`,
      `Column ${c + 1} has data but no header; it is called "${headers[c]}" for now.`);
  }
  if (drop.size > 0) {
    headers = headers.filter((_, c) => !drop.has(c));
    columns = columns.filter((_, c) => !drop.has(c));
  }

  return {
    file,
    headers,
    columns,
    rowNumbers: Int32Array.from(rowNumbers),
    encoding,
    delimiter,
    issues,
  };
}
