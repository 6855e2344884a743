// Command-line land report: reads parcels through the same import pipeline as the browser
// (src/data/ingest: Excel, CSV in any Chinese encoding, Shapefile zip, GeoJSON, 界址点 TXT; a
// shapes file joined to a ledger), runs DuckDB-WASM and the rule SQL, and writes the data
// contract's per-parcel CSV (parcel_id, idle_type, idle_days, disposal, exit_reasons,
// inefficiency), optionally the app's workbook and the findings as GeoJSON.
//
// Exit codes: 0 done; 1 an input file cannot be read or has errors (nothing is written);
// 2 wrong arguments, settings or mapping file, or a coordinate system to choose.
// `run(argv, io)` is exported so tests call it in-process; the file runs it when executed.

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readExportTables } from '../src/analysis/export-tables';
import { localSettingsNotice } from '../src/analysis/local-settings';
import { EMPTY_FILTER } from '../src/analysis/filters';
import { runMujun } from '../src/analysis/mujun';
import { reportRows, runLandRules } from '../src/analysis/run-land-rules';
import { WARNING_CSV_COLUMNS, warningCsvRows } from '../src/analysis/warning-tables';
import { runWarnings, windowDays } from '../src/analysis/warnings';
import { toSpreadsheetCsv } from '../src/data/csv';
import { UTF8_BOM } from '../src/export/csv';
import { REPORT_COLUMNS } from '../src/data/contract';
import type { CrsChoice } from '../src/data/crs/choice';
import { type Db, rows } from '../src/data/db';
import { openNativeDb } from '../src/data/duckdb-native';
import { openNodeDb } from '../src/data/duckdb-node';
import type { SourceIssue } from '../src/data/formats/raw-table';
import type { TableData } from '../src/data/workspace/tables';
import { loadWorkspaceTables } from '../src/data/workspace/load-db';
import { buildWorkbook } from '../src/export/xlsx';
import { type ReportOptions, UsageError, parseReportArgs, problemsPath } from './report-args';
import type { BuiltImport } from '../src/data/ingest/import-table';
import { InputRefused, type MappedInput, checkFields, decideCrs, describeMapping, importOther, importParcels, issueLines, mapInputs, readInput, readSavedMappings } from './report-input';
import { type OutputFile, findingsGeoJson, problemsCsv, writeAll, writeReportCsv } from './report-output';
import { streamParcels, streamable } from './report-stream';
import { SUMMARY_QUERY, type SummaryRow, formatSummary } from './report-summary';

const USAGE = `用法 / Usage:
  npm run report -- --parcels 宗地.xlsx --as-of 2024-12-31 --out 结果.csv [选项 / options]
  npm run report -- --parcels 宗地图形.zip --parcels 监管台账.xlsx --join-key parcel_id --out 结果.csv

选项 / Options:
  --parcels FILE     宗地文件：Excel (.xlsx)、CSV（UTF-8/GBK，经纬度、WKT 或投影 X/Y 列）、Shapefile (.zip)、
                     GeoJSON、部标界址点 TXT。可给两次：一个图形文件 + 一个台账，按 --join-key 连接
                     Parcels: Excel, CSV (UTF-8/GBK; lon/lat, WKT or projected x/y columns), Shapefile .zip,
                     GeoJSON, boundary-point TXT. Twice: a shapes file + a ledger, joined on --join-key
  --join-key KEY     连接字段（两边的合同字段），默认 parcel_id；两边不同时写 台账字段=图形字段
                     Join field (contract field on both sides), default parcel_id; or LEDGER_FIELD=SHAPES_FIELD
  --mapping FILE     已保存的字段对应（JSON）；不给则自动识别并打印。每个宗地文件可给一个
                     A saved field mapping (JSON); without it the proposed mapping is used and printed
  --save-mapping FILE  保存本次使用的字段对应，供下次 --mapping 使用（顺序同 --parcels）
                     Save the mapping used (one per --parcels, same order) for a later --mapping
  --crs CHOICE       坐标系：auto（默认，识别不确定时列出候选并退出）、wgs84、gcj02、bd09，
                     或高斯-克吕格 EPSG 代码（如 EPSG:4527；CGCS2000、西安80、北京54）
                     Coordinate system: auto (default; lists candidates and stops when unsure), wgs84,
                     gcj02, bd09, or a Gauss-Krüger EPSG code (e.g. EPSG:4527)
  --swap-axes        文件的 X 为北坐标、Y 为东坐标（与明确的 --crs 一起用）
                     The file's X is the northing and Y the easting (with an explicit --crs)
  --skip-invalid     跳过有错误的行，问题清单写入 OUT.problems.csv；不给则有错误即不输出
                     Import the valid rows and write the problems to OUT.problems.csv; otherwise any error refuses
  --as-of DATE       评估基准日 YYYY-MM-DD，默认今天（本地日期）
                     Date the rules are judged at, YYYY-MM-DD; defaults to today (local date)
  --out FILE         输出 CSV（UTF-8，列：${REPORT_COLUMNS.join(',')}）
                     Output CSV (UTF-8, columns: ${REPORT_COLUMNS.join(',')})
  --geojson FILE     另写 GeoJSON（WGS84，报告各列为属性，可在 QGIS 中打开）
                     Also write the parcels as GeoJSON (WGS84, the report's columns as properties, for QGIS)
  --settings FILE    规则阈值 JSON，可只写部分项，例如 {"idleYears": 2, "mujunRatioCap": 2}
                     （含亩均评价的基准值、权重、单项上限与 A/B/C/D 占比，占比合计须为 100）
                     Rule thresholds as JSON, any subset of the settings keys (incl. the 亩均 ones)
                     也可为浏览器保存的设置文件（版本 2：{"version": 2, "rules": {…}}）；较新版本拒绝读取
                     Or a saved-state document (version 2: {"version": 2, "rules": {…}}); newer versions are refused
  --xlsx FILE        另写 Excel 工作簿（说明、闲置土地、退出条件、低效用地、亩均评价、盘活跟踪），不筛选
                     Also write the Excel workbook (all parcels, same as-of date and settings)
  --warnings FILE    另写闲置预警清单 CSV：基准日后若干天内（设置项 warningWindowDays，默认 90）将认定闲置、
                     满无偿收回年限或触发退出条件 E1/E2 的宗地，含越线日期与应采取措施
                     Also write the early-warning list (CSV): parcels that become idle, reach the recovery
                     line or trigger exit condition E1/E2 within warningWindowDays (default 90) of --as-of
  --enterprises FILE 企业表（与宗地相同的格式），用于工作簿的亩均评价；缺省则该表为空
                     Enterprises (any format above) for the 亩均 sheet; without it the sheet is empty
  --parks FILE       园区表（GeoJSON、CSV 等），用于工作簿中的园区名称
                     Parks (GeoJSON, CSV…) for park names in the workbook
  --engine ENGINE    DuckDB：native（默认，本机原生库，使用全部 CPU 核，无 4 GB 内存上限）或 wasm（与浏览器相同的
                     WebAssembly 版本）；两者运行同一套 SQL，报告逐字节相同
                     DuckDB build: native (default; all cores, no 4 GB ceiling) or wasm (the browser's);
                     the same SQL, byte-identical reports
  --region NAME      工作簿“说明”中的地区名称，默认取宗地文件名
                     Region name for the workbook's 说明 sheet; defaults to the parcels file name
  -h, --help         显示本帮助 / Show this help

除 --parcels、--mapping、--save-mapping 外，每个选项只能给一次。输出文件不能是输入文件，其目录须已存在。
Every option but --parcels, --mapping and --save-mapping is given at most once. Outputs may not be
inputs, and their directories must exist. All outputs are written together, or none.

退出码 / Exit codes:
  0 完成 / done
  1 输入文件无法读取或有错误，不写输出 / an input file is unreadable or invalid; nothing written
  2 参数、设置或映射文件错误，或需选择坐标系 / bad arguments, settings or mapping, or a coordinate system to choose
`;

export interface ReportIo {
  stdout(text: string): void;
  stderr(text: string): void;
}

/** Sizes tests shrink to exercise many pieces on small files. */
export interface ReportTuning {
  /** Bytes of CSV per streamed piece (src/data/formats/csv-chunks.ts). */
  chunkBytes?: number;
  /** Report rows per page read back from DuckDB. */
  pageRows?: number;
  /** Told which way the parcels were read: in pieces, or whole. */
  onInputPath?: (path: 'streamed' | 'whole') => void;
}

const EMPTY: TableData = { count: 0, columns: {} };

function stringValues(t: TableData | undefined, field: string): readonly (string | null)[] {
  const c = t?.columns[field];
  return c && c.type === 'string' ? c.values : [];
}

/** Runs the report; returns the exit code and never throws (failures are printed). */
export async function run(argv: string[], io: ReportIo, tuning: ReportTuning = {}): Promise<number> {
  let o: ReportOptions | null;
  try {
    o = parseReportArgs(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.stderr(`${e.message}\n用 --help 查看用法 / see --help\n`);
    return 2;
  }
  if (!o) {
    io.stdout(USAGE);
    return 0;
  }
  try {
    return await report(o, io, tuning);
  } catch (e) {
    if (!(e instanceof InputRefused)) {
      // A write that failed (disk full, permissions) or anything unforeseen: one clear line.
      io.stderr(failureMessage(e));
      return 1;
    }
    io.stderr(`${e.lines.join('\n')}\n`);
    if (e.code === 1) io.stderr('输入有错误，未生成报告。/ The input has errors; nothing was written.\n');
    return e.code;
  }
}

/** The parcels (and the workbook's tables) loaded into `db`, and what to print about them. */
interface LoadedInput {
  notes: string[];
  /** Warnings and problems for standard error. */
  lines: string[];
  encoding: string;
  /** The whole-file import, for outputs drawn from shapes (GeoJSON); null when streamed. */
  built: BuiltImport | null;
  mapped: MappedInput[];
  parks: { table: TableData; issues: SourceIssue[] } | null;
  allIssues: SourceIssue[];
  skipped: number;
}

/** The whole-file path: every file read at once through the import pipeline, then loaded. */
async function loadWhole(o: ReportOptions, saved: ReturnType<typeof readSavedMappings>, db: Db): Promise<LoadedInput> {
  const inputs = [];
  for (const file of o.parcels) inputs.push(await readInput(file));
  const mapped = mapInputs(inputs, saved);
  const notes: string[] = [];
  for (const m of mapped) notes.push(...describeMapping(m));
  const warnings = checkFields(mapped);
  const crsByFile = new Map<string, CrsChoice | null>();
  for (const m of mapped) {
    const d = decideCrs(m, o.crs);
    crsByFile.set(m.file, d.choice);
    notes.push(...d.lines);
  }
  const { built, encodings, geometryFiles } = importParcels(mapped, crsByFile, o.joinKey, o.skipInvalid);
  const errors = built.issues.filter((i) => i.level === 'error');
  if (errors.length > 0 && !o.skipInvalid) throw new InputRefused(1, issueLines(built.issues, geometryFiles));

  // The workbook's optional inputs are read before anything is written, like the parcels.
  const enterprises = o.enterprises ? await importOther(o.enterprises, 'enterprises') : null;
  const parks = o.parks ? await importOther(o.parks, 'parks') : null;
  const otherIssues: SourceIssue[] = [...(enterprises?.issues ?? []), ...(parks?.issues ?? [])];
  const allIssues = [...built.issues, ...otherIssues];
  await loadWorkspaceTables(db, { parcels: built.table, parks: parks?.table ?? EMPTY, enterprises: enterprises?.table });
  return {
    notes,
    lines: [...warnings, ...issueLines(allIssues, geometryFiles)],
    encoding: encodings[0]?.encoding ?? 'utf-8',
    built,
    mapped,
    parks,
    allIssues,
    skipped: built.skipped.reduce((a, s) => a + s.rows.length, 0),
  };
}

/** DuckDB's share of memory on the native engine; the rest of the 1.5 GB goal is Node's. */
const NATIVE_MEMORY_LIMIT = '768MB';

/**
 * The engine: DuckDB-WASM in memory, or native DuckDB on a database file in a fresh temporary
 * folder (removed on close) with a memory limit, so a province's tables live on disk.
 */
async function openDb(o: ReportOptions): Promise<Db & { close(): void }> {
  if (o.engine === 'wasm') return openNodeDb();
  const dir = mkdtempSync(path.join(tmpdir(), 'parkatlas-report-'));
  try {
    const db = await openNativeDb({ file: path.join(dir, 'report.duckdb'), memoryLimit: NATIVE_MEMORY_LIMIT });
    return {
      ...db,
      close() {
        try {
          db.close();
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

async function report(o: ReportOptions, io: ReportIo, tuning: ReportTuning): Promise<number> {
  const saved = readSavedMappings(o.mappings);
  let db = await openDb(o);
  try {
    const streamed = streamable(o) ? await streamParcels(o, saved, db, tuning.chunkBytes) : null;
    let input: LoadedInput;
    tuning.onInputPath?.(streamed ? 'streamed' : 'whole');
    if (streamed) {
      input = { notes: streamed.notes, lines: streamed.warnings, encoding: streamed.encoding ?? 'utf-8', built: null, mapped: [streamed.mapped], parks: null, allIssues: [], skipped: 0 };
    } else {
      // Start again on a fresh database: a stream given up part way may have left tables.
      if (streamable(o)) {
        db.close();
        db = await openDb(o);
      }
      input = await loadWhole(o, saved, db);
    }
    if (input.lines.length > 0) io.stderr(`${input.lines.join('\n')}\n`);
    await runLandRules(db, o.asOf, o.settings);
    const reportTemp = `${o.out}.${process.pid}.tmp`;
    const written = await writeReportCsv(db, reportTemp, tuning.pageRows);
    const files: OutputFile[] = [{ path: o.out, temp: reportTemp }];
    let warned = 0;
    try {
      if (o.xlsx) {
        await runMujun(db, o.settings);
        const ids = stringValues(input.parks?.table, 'park_id');
        const names = stringValues(input.parks?.table, 'name');
        files.push({
          path: o.xlsx,
          content: await buildWorkbook(await readExportTables(db, EMPTY_FILTER, o.asOf), {
            asOf: o.asOf,
            regionName: o.region ?? path.basename(o.parcels[0]),
            filter: EMPTY_FILTER,
            settings: o.settings,
            parkNames: Object.fromEntries(ids.map((id, k) => [String(id), String(names[k] ?? '')])),
            dataNote: `命令行报告（宗地文件 ${o.parcels.join('、')}${o.enterprises ? `，企业文件 ${o.enterprises}` : '，未提供企业文件'}）；盘活跟踪记录保存在浏览器中，此处为空`,
          }),
        });
      }
      if (o.warnings) {
        const list = await runWarnings(db, o.asOf, o.settings);
        warned = list.length;
        files.push({ path: o.warnings, content: UTF8_BOM + toSpreadsheetCsv(WARNING_CSV_COLUMNS, warningCsvRows(list)) });
      }
      if (o.geojson && input.built) files.push({ path: o.geojson, content: findingsGeoJson(await reportRows(db), input.built.table.shapes, input.built.table.points) });
      input.mapped.forEach((m, k) => {
        if (o.saveMappings[k]) files.push({ path: o.saveMappings[k], content: `${JSON.stringify(m.mapping, null, 2)}\n` });
      });
    } catch (e) {
      rmSync(reportTemp, { force: true });
      throw e;
    }
    const problems = o.skipInvalid && input.allIssues.length > 0 ? { path: problemsPath(o.out), count: input.allIssues.length, skipped: input.skipped } : null;
    if (problems) files.push({ path: problems.path, content: problemsCsv(input.allIssues) });
    writeAll(files);
    const r = rows<SummaryRow>(await db.query(SUMMARY_QUERY));
    const summary = formatSummary(r, {
      file: o.parcels.join('、'),
      encoding: input.encoding,
      asOf: o.asOf,
      settingsNotice: localSettingsNotice(o.settings, 'zh')?.text ?? null,
      out: o.out,
      xlsx: o.xlsx,
      geojson: o.geojson,
      problems,
      written,
    });
    const warningLine = o.warnings
      ? `闲置预警 / Warnings (${windowDays(o.settings)} 天/days): ${warned} 条/rows → ${o.warnings}\n`
      : '';
    io.stdout(`${input.notes.length > 0 ? `${input.notes.join('\n')}\n` : ''}${summary}${warningLine}`);
  } finally {
    db.close();
  }
  return 0;
}

/** The last word on an unexpected failure: what went wrong, in one line, never a stack trace. */
export function failureMessage(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const what = e instanceof Error ? e.message.split('\n')[0].slice(0, 500) : String(e).slice(0, 500);
  return `报告失败 / report failed: ${code ? `${code}: ` : ''}${what}\n`;
}

function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

async function main(): Promise<void> {
  const io: ReportIo = { stdout: (t) => process.stdout.write(t), stderr: (t) => process.stderr.write(t) };
  const code = await run(process.argv.slice(2), io).catch((e: unknown) => {
    io.stderr(failureMessage(e));
    return 1;
  });
  await Promise.all([flush(process.stdout), flush(process.stderr)]);
  // DuckDB-WASM's Node build can leave handles open, so exit explicitly once output is flushed.
  process.exit(code);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) void main();
