// Command-line land report: reads a parcels file (CSV or GeoJSON, UTF-8 or GBK), runs the
// same import, DuckDB-WASM and rule SQL as the browser, and writes the data contract's
// per-parcel CSV (parcel_id, idle_type, idle_days, disposal, exit_reasons, inefficiency).
//
//   npm run report -- --parcels FILE --as-of YYYY-MM-DD --out OUT.csv [--settings FILE.json]
//                     [--xlsx OUT.xlsx [--enterprises FILE] [--parks FILE] [--region NAME]]
//
// --xlsx also writes the app's export workbook (说明, 闲置土地, 退出条件, 低效用地, 亩均评价,
// 盘活跟踪), unfiltered, with the same as-of date and settings. The CSV stays exactly the
// contract's columns.
//
// Exit codes: 0 done; 1 the parcels file cannot be read or has errors (nothing is written);
// 2 wrong arguments or settings.

import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseSavedState } from '../src/state/saved-state';
import { readExportTables } from '../src/analysis/export-tables';
import { EMPTY_FILTER } from '../src/analysis/filters';
import { runMujun } from '../src/analysis/mujun';
import { reportRows, runLandRules } from '../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS, type RuleSettings } from '../src/analysis/settings';
import { ENTERPRISE_FIELDS, type FieldSpec, PARK_FIELDS, REPORT_COLUMNS } from '../src/data/contract';
import { toCsv } from '../src/data/csv';
import { type Db, rows } from '../src/data/db';
import { decodeText } from '../src/data/decode';
import { openNodeDb } from '../src/data/duckdb-node';
import { parseIsoDate } from '../src/data/import/cells';
import { formatIssue } from '../src/data/import/issues';
import { importParcels } from '../src/data/import/parcels';
import { type RecordsBatch, importRecords } from '../src/data/import/records';
import { loadParcelBatch, loadRows } from '../src/data/import/store';
import { buildWorkbook } from '../src/export/xlsx';
import { todayLocal } from '../src/vocab';
import { SUMMARY_QUERY, type SummaryRow, formatSummary } from './report-summary';

const USAGE = `用法 / Usage:
  npm run report -- --parcels 宗地.csv --as-of 2024-12-31 --out 结果.csv [--settings 设置.json]
                    [--xlsx 结果.xlsx [--enterprises 企业.csv] [--parks 园区.geojson] [--region 地区名]]

选项 / Options:
  --parcels FILE     宗地文件：CSV（可含 WKT/GeoJSON 几何列）或 GeoJSON，UTF-8 或 GBK 编码
                     Parcels file: CSV (optional WKT/GeoJSON geometry column) or GeoJSON, UTF-8 or GBK
  --as-of DATE       评估基准日 YYYY-MM-DD，默认今天（本地日期）
                     Date the rules are judged at, YYYY-MM-DD; defaults to today (local date)
  --out FILE         输出 CSV（UTF-8，列：${REPORT_COLUMNS.join(',')}）
                     Output CSV (UTF-8, columns: ${REPORT_COLUMNS.join(',')})
  --settings FILE    规则阈值 JSON，可只写部分项，例如 {"idleYears": 2, "mujunRatioCap": 2}
                     （含亩均评价的基准值、权重、单项上限与 A/B/C/D 占比，占比合计须为 100）
                     Rule thresholds as JSON, any subset of the settings keys (incl. the 亩均 ones)
                     也可为浏览器保存的设置文件（版本 2：{"version": 2, "rules": {…}}）；较新版本拒绝读取
                     Or a saved-state document (version 2: {"version": 2, "rules": {…}}); newer versions are refused
  --xlsx FILE        另写 Excel 工作簿（说明、闲置土地、退出条件、低效用地、亩均评价、盘活跟踪），不筛选
                     Also write the Excel workbook (all parcels, same as-of date and settings)
  --enterprises FILE 企业表（CSV，数据契约字段），用于工作簿的亩均评价；缺省则该表为空
                     Enterprises (contract CSV) for the 亩均 sheet; without it the sheet is empty
  --parks FILE       园区表（GeoJSON 或 CSV），用于工作簿中的园区名称
                     Parks (GeoJSON or CSV) for park names in the workbook
  --region NAME      工作簿“说明”中的地区名称，默认取宗地文件名
                     Region name for the workbook's 说明 sheet; defaults to the parcels file name
  -h, --help         显示本帮助 / Show this help

退出码 / Exit codes:
  0 完成 / done
  1 输入文件无法读取或有错误，不写输出 / an input file is unreadable or invalid; nothing written
  2 参数或设置错误 / bad arguments or settings
`;

class UsageError extends Error {}

interface Options {
  parcels: string;
  asOf: string;
  out: string;
  settings: RuleSettings;
  xlsx: string | null;
  enterprises: string | null;
  parks: string | null;
  region: string | null;
}

/** Parses the arguments; null when help was asked for. Throws UsageError on bad arguments. */
function parseOptions(argv: string[]): Options | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        parcels: { type: 'string' },
        'as-of': { type: 'string' },
        out: { type: 'string' },
        settings: { type: 'string' },
        xlsx: { type: 'string' },
        enterprises: { type: 'string' },
        parks: { type: 'string' },
        region: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return null;
  if (!values.parcels) throw new UsageError('缺少 --parcels（宗地文件） / missing --parcels');
  if (!values.out) throw new UsageError('缺少 --out（输出文件） / missing --out');
  if (!values.xlsx && (values.enterprises || values.parks || values.region)) {
    throw new UsageError('--enterprises、--parks、--region 只用于 --xlsx 工作簿 / only used with --xlsx');
  }

  const asOf = values['as-of'] ?? todayLocal();
  // Strictly ISO: the importer also accepts 2024/1/5 in data, but a command line should be exact.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || parseIsoDate(asOf) === null) {
    throw new UsageError(`--as-of “${asOf}” 不是有效日期（应为 YYYY-MM-DD） / not a valid YYYY-MM-DD date`);
  }

  let settings = DEFAULT_SETTINGS;
  if (values.settings) {
    let text: string;
    try {
      text = readFileSync(values.settings, 'utf8');
    } catch (e) {
      throw new UsageError(`无法读取设置文件 ${values.settings}：${(e as Error).message}`);
    }
    // The browser's saved state and this file go through one reader: same versions, same
    // migrations, same checks. A file with any refused value is an error here, since a report
    // computed with silently replaced thresholds would be wrong without saying so.
    const where = { zh: `设置文件 ${values.settings}`, en: `settings file ${values.settings}` };
    const read = parseSavedState(text, where);
    if (read.issues.length > 0) {
      throw new UsageError(read.issues.map((n) => `${n.zh}\n  ${n.en}`).join('\n'));
    }
    settings = read.state.rules;
  }
  return {
    parcels: values.parcels,
    asOf,
    out: values.out,
    settings,
    xlsx: values.xlsx ?? null,
    enterprises: values.enterprises ?? null,
    parks: values.parks ?? null,
    region: values.region ?? null,
  };
}

async function summarise(db: Db, o: Options, file: string, encoding: string, written: number): Promise<string> {
  const r = rows<SummaryRow>(await db.query(SUMMARY_QUERY));
  return formatSummary(r, { file, encoding, asOf: o.asOf, out: o.out, xlsx: o.xlsx, written });
}

/** Writes next to the target and renames, so a failed run never leaves half a report. */
function writeAtomically(path: string, content: string | Uint8Array): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    if (typeof content === 'string') writeFileSync(tmp, content, 'utf8');
    else writeFileSync(tmp, content);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

async function run(argv: string[]): Promise<number> {
  let o: Options | null;
  try {
    o = parseOptions(argv);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    process.stderr.write(`${e.message}\n用 --help 查看用法 / see --help\n`);
    return 2;
  }
  if (!o) {
    process.stdout.write(USAGE);
    return 0;
  }

  let bytes: Uint8Array;
  try {
    bytes = readFileSync(o.parcels);
  } catch (e) {
    const message = `无法读取文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    process.stderr.write(`${formatIssue({ level: 'error', file: o.parcels, row: null, field: null, message })}\n`);
    return 1;
  }
  const { text, encoding } = decodeText(bytes);
  const imported = importParcels(o.parcels, text);
  for (const issue of imported.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  if (!imported.ok) {
    const count = imported.issues.filter((i) => i.level === 'error').length;
    process.stderr.write(`宗地文件有 ${count} 处错误，未生成报告。\n`);
    return 1;
  }

  // The workbook's optional inputs are checked before anything is written, like the parcels.
  const enterprises = readRecords(o.enterprises, ENTERPRISE_FIELDS, 'enterprise_id');
  const parks = readRecords(o.parks, PARK_FIELDS, 'park_id');
  if (enterprises === false || parks === false) return 1;

  const db = await openNodeDb();
  try {
    await loadParcelBatch(db, imported.batch);
    await runLandRules(db, o.asOf, o.settings);
    const report = await reportRows(db);
    let workbook: Uint8Array | null = null;
    if (o.xlsx) {
      await loadRows(db, 'enterprises', ENTERPRISE_FIELDS, enterprises?.rows ?? []);
      await loadRows(db, 'parks', PARK_FIELDS, parks?.rows ?? []);
      await runMujun(db, o.settings);
      const parkId = PARK_FIELDS.findIndex((f) => f.name === 'park_id');
      const parkName = PARK_FIELDS.findIndex((f) => f.name === 'name');
      workbook = await buildWorkbook(await readExportTables(db, EMPTY_FILTER, o.asOf), {
        asOf: o.asOf,
        regionName: o.region ?? o.parcels.replace(/^.*[\\/]/, ''),
        filter: EMPTY_FILTER,
        settings: o.settings,
        parkNames: Object.fromEntries((parks?.rows ?? []).map((r) => [String(r[parkId]), String(r[parkName])])),
        dataNote: `命令行报告（宗地文件 ${o.parcels}${o.enterprises ? `，企业文件 ${o.enterprises}` : '，未提供企业文件'}）；盘活跟踪记录保存在浏览器中，此处为空`,
      });
    }
    writeAtomically(o.out, toCsv(REPORT_COLUMNS, report.map((r) => REPORT_COLUMNS.map((c) => r[c]))));
    if (o.xlsx && workbook) writeAtomically(o.xlsx, workbook);
    process.stdout.write(await summarise(db, o, o.parcels, encoding, report.length));
  } finally {
    db.close();
  }
  return 0;
}

/**
 * Reads an optional contract file (enterprises, parks). null when not given; false after
 * printing its errors (the caller exits 1 without writing anything).
 */
function readRecords(file: string | null, fields: readonly FieldSpec[], idField: string): RecordsBatch | null | false {
  if (!file) return null;
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    const message = `无法读取文件：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`;
    process.stderr.write(`${formatIssue({ level: 'error', file, row: null, field: null, message })}\n`);
    return false;
  }
  const r = importRecords(file, decodeText(bytes).text, fields, idField);
  if (r.ok) return r.batch;
  for (const issue of r.issues) process.stderr.write(`${formatIssue(issue)}\n`);
  process.stderr.write(`文件 ${file} 有 ${r.issues.filter((i) => i.level === 'error').length} 处错误，未生成报告。\n`);
  return false;
}

function flush(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write('', () => resolve()));
}

// DuckDB-WASM's Node build can leave handles open, so exit explicitly once output is flushed.
run(process.argv.slice(2))
  .catch((e: unknown) => {
    process.stderr.write(`报告失败 / report failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  })
  .then(async (code) => {
    await Promise.all([flush(process.stdout), flush(process.stderr)]);
    process.exit(code);
  });
