// The command-line report's input side, through the same import pipeline as the browser
// (src/data/ingest): each file is read from its bytes (CSV in any Chinese encoding, Excel,
// Shapefile zip, GeoJSON, 界址点 TXT), mapped to the contract (a saved mapping or the proposed
// one), put in WGS84 (the detected or the given coordinate system), and, for a shapes file plus
// a ledger, joined. Every problem is a SourceIssue naming file, row and field.

import { readFileSync } from 'node:fs';
import type { CrsChoice } from '../src/data/crs/choice';
import { describeCrs } from '../src/data/crs/choice';
import { T } from '../src/data/crs/detect-text';
import { type CrsCandidate, offsetHint } from '../src/data/crs/detect';
import type { RawTable, SourceIssue } from '../src/data/formats/raw-table';
import { type BuiltImport, type PreparedTable, buildImport, buildJoinedImport, detectTableCrs, prepareTable, samplesOf } from '../src/data/ingest/import-table';
import type { FileFormat } from '../src/data/ingest/detect-format';
import { readAnyFile } from '../src/data/ingest/read-file';
import { impossibleFindings, type FindingCode } from '../src/data/mapping/field-impact';
import { FIELD_NAMES, type TableKind } from '../src/data/mapping/field-names';
import { checkMapping, missingHeaders } from '../src/data/mapping/memory';
import { type TableMapping, proposeMapping } from '../src/data/mapping/propose';
import { selectRows } from '../src/data/workspace/select-rows';
import type { TableData } from '../src/data/workspace/tables';
import { displayLabel } from '../src/vocab';
import type { CrsOption } from './report-args';

/** A refusal: exit code and the lines to print (already in both languages where they come from the pipeline). */
export class InputRefused extends Error {
  constructor(
    readonly code: 1 | 2,
    readonly lines: string[],
  ) {
    super(lines.join('\n'));
  }
}

/** “文件 a.xlsx，工作表 台账 第 12 行，字段 用地面积：…”, as the old importer wrote its messages. */
export function formatSourceIssue(i: SourceIssue, geometryFile = false): string {
  const row = i.row === null ? null : i.sheet ? `工作表 ${i.sheet} 第 ${i.row} 行` : geometryFile ? `第 ${i.row} 个要素` : `第 ${i.row} 行`;
  const where = [`文件 ${i.file}`, row, i.field ? `字段 ${i.field}` : null].filter(Boolean).join('，');
  return `${i.level === 'warning' ? '提示：' : ''}${where}：${i.messageZh}`;
}

export interface ReadInput {
  file: string;
  raw: RawTable;
  format: FileFormat;
  /** Formats whose rows are features (messages say 第 N 个要素). */
  geometryFile: boolean;
}

/** Reads one file into a RawTable, or refuses (exit 1) with the reader's problems. */
export async function readInput(file: string): Promise<ReadInput> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(file));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new InputRefused(1, [`文件 ${file}：无法读取文件：${code} / cannot read the file: ${code}`]);
  }
  const reading = await readAnyFile(file, bytes);
  const geometryFile = reading.format === 'geojson' || reading.format === 'shapefile-zip';
  const fatal = reading.issues.filter((i) => i.level === 'error' && i.row === null);
  if (!reading.table || fatal.length > 0) {
    const lines = reading.issues.map((i) => formatSourceIssue(i, geometryFile));
    if (lines.length === 0) lines.push(`文件 ${file}：不是可读取的数据表（${reading.format}） / not a data table (${reading.format})`);
    throw new InputRefused(1, lines);
  }
  return { file, raw: reading.table, format: reading.format, geometryFile };
}

/** Reads `--mapping` files; an unreadable or invalid one is a usage error (exit 2), like a bad settings file. */
export function readSavedMappings(files: readonly string[]): { file: string; mapping: TableMapping }[] {
  return files.map((file) => {
    let value: unknown;
    try {
      value = JSON.parse(readFileSync(file, 'utf8'));
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
      throw new InputRefused(2, [`映射文件 ${file} 无法读取或不是 JSON：${why} / mapping file ${file} is unreadable or not JSON`]);
    }
    const c = checkMapping(value);
    if (!c.ok) throw new InputRefused(2, [`映射文件 ${file}：${c.errorZh} / mapping file ${file}: ${c.errorEn}`]);
    if (c.mapping.table !== 'parcels') {
      throw new InputRefused(2, [`映射文件 ${file} 是 ${c.mapping.table} 表的映射，不是宗地表（parcels） / mapping file ${file} is for ${c.mapping.table}, not parcels`]);
    }
    return { file, mapping: c.mapping };
  });
}

export interface MappedInput extends ReadInput {
  mapping: TableMapping;
  /** The `--mapping` file it came from; null when proposed. */
  mappingFile: string | null;
}

/**
 * Gives each input its mapping: a saved one whose columns the file has, else the proposed one.
 * A saved mapping that fits no file is refused, naming the columns it misses (exit 1).
 */
export function mapInputs(inputs: readonly ReadInput[], saved: readonly { file: string; mapping: TableMapping }[]): MappedInput[] {
  const assigned = new Map<number, { file: string; mapping: TableMapping }>();
  for (const s of saved) {
    const fit = inputs.findIndex((inp, k) => !assigned.has(k) && missingHeaders(s.mapping, inp.raw.headers).length === 0);
    if (fit < 0) {
      const lines = inputs.map((inp) => {
        const miss = missingHeaders(s.mapping, inp.raw.headers);
        return `映射文件 ${s.file} 需要的列在文件 ${inp.file} 中没有：${miss.join('、')} / columns the mapping needs are missing from ${inp.file}: ${miss.join(', ')}`;
      });
      throw new InputRefused(1, lines);
    }
    assigned.set(fit, s);
  }
  return inputs.map((inp, k) => {
    const s = assigned.get(k);
    if (s) return { ...inp, mapping: s.mapping, mappingFile: s.file };
    const proposal = proposeMapping('parcels', inp.raw.headers, samplesOf(inp.raw), !!inp.raw.geometry);
    return { ...inp, mapping: proposal.mapping, mappingFile: null };
  });
}

/** The mapping as the user can check it: “parcel_id ← 宗地编号”, “area_m2 ← 用地面积（亩）”. */
export function describeMapping(m: MappedInput): string[] {
  const head = m.mappingFile ? `文件 ${m.file} 按映射文件 ${m.mappingFile} 读取：` : `文件 ${m.file} 的字段对应（自动识别，可用 --save-mapping 保存后修改，再以 --mapping 使用）：`;
  const lines = [head];
  for (const [field, src] of Object.entries(m.mapping.fields)) lines.push(`  ${field} ← ${src.header}${src.unit ? `（${src.unit}）` : ''}`);
  const g = m.mapping.geometry;
  const geometry =
    g.kind === 'file' ? '文件自带几何' : g.kind === 'lonlat' ? `经度 ${g.lon}，纬度 ${g.lat}` : g.kind === 'xy' ? `X ${g.x}，Y ${g.y}` : g.kind === 'wkt' ? `WKT 列 ${g.column}` : '无';
  lines.push(`  几何 ← ${geometry}`);
  return lines;
}

const FINDING_ZH: Record<FindingCode, string> = {
  not_started: displayLabel('idleType', 'not_started', 'zh'),
  stalled: displayLabel('idleType', 'stalled', 'zh'),
  idle_fee: '土地闲置费金额',
  negotiate: displayLabel('disposal', 'negotiate', 'zh'),
  E1: displayLabel('exit', 'E1', 'zh'),
  E2: displayLabel('exit', 'E2', 'zh'),
  E3: displayLabel('exit', 'E3', 'zh'),
  E4: displayLabel('exit', 'E4', 'zh'),
  E5: displayLabel('exit', 'E5', 'zh'),
  E6: displayLabel('exit', 'E6', 'zh'),
  L1: displayLabel('inefficiency', 'L1', 'zh'),
  L2: displayLabel('inefficiency', 'L2', 'zh'),
  L3: displayLabel('inefficiency', 'L3', 'zh'),
  mujun: '亩均评价',
  past_as_of: '供地日期晚于评估基准日的检查',
};

/**
 * Required: parcel_id and an area or a geometry (data contract v2, Conventions); refused
 * otherwise. Every other missing column is a warning naming the findings it makes impossible.
 */
export function checkFields(inputs: readonly MappedInput[]): string[] {
  const mapped = new Set(inputs.flatMap((m) => Object.keys(m.mapping.fields)));
  const located = inputs.some((m) => m.mapping.geometry.kind !== 'none');
  const errors: string[] = [];
  for (const m of inputs) {
    if (!m.mapping.fields.parcel_id) errors.push(`文件 ${m.file}，字段 parcel_id：没有宗地编号列（parcel_id，如“宗地编号”“电子监管号”） / no parcel id column`);
  }
  if (!mapped.has('area_m2') && !located) {
    errors.push(`文件 ${inputs.map((m) => m.file).join('、')}：既没有面积列（area_m2，如“用地面积”）也没有几何，无法计算面积 / neither an area column nor a geometry`);
  }
  if (errors.length > 0) throw new InputRefused(1, errors);
  const absent = Object.keys(FIELD_NAMES.parcels).filter((f) => !mapped.has(f));
  const impossible = impossibleFindings(absent);
  if (absent.length === 0) return [];
  return [
    `提示：宗地数据缺少列 ${absent.join('、')}${impossible.length > 0 ? `，无法判定：${impossible.map((c) => FINDING_ZH[c]).join('、')}` : ''} / missing columns ${absent.join(', ')}${impossible.length > 0 ? `; cannot compute: ${impossible.join(', ')}` : ''}`,
  ];
}

function candidateLine(c: CrsCandidate, k: number): string {
  if (c.status === 'ready') {
    const code = c.epsg !== null && c.choice.kind === 'gk' ? ` → --crs EPSG:${c.epsg}${c.choice.swapAxes ? ' --swap-axes' : ''}` : '';
    const flag = c.choice.kind === 'geographic' ? ' → --crs wgs84' : c.choice.kind === 'gcj02' ? ' → --crs gcj02' : c.choice.kind === 'bd09' ? ' → --crs bd09' : '';
    const swap = c.choice.kind !== 'gk' && c.choice.swapAxes ? ' --swap-axes' : '';
    return `  ${k + 1}. ${describeCrs(c.choice).zh}（${Math.round(c.score * 100)}）${code}${flag}${swap}\n     ${c.reason.zh}`;
  }
  const codes = c.template.zoneWidth === 3 ? 'EPSG:4534–4554' : 'EPSG:4502–4512';
  return `  ${k + 1}. ${c.reason.zh}（${Math.round(c.score * 100)}）→ 按中央经线选择 --crs ${codes}`;
}

/**
 * WGS84, GCJ-02 and BD-09 longitudes/latitudes differ by a few hundred metres and cannot be told
 * apart by value. Only a GeoJSON (WGS84 by RFC 7946, §4), a .prj, or a column or file name
 * (高德, baidu, wgs…) settles it; otherwise the user says which with --crs.
 */
function offsetUnknown(m: MappedInput, best: CrsCandidate): boolean {
  if (best.status !== 'ready' || best.choice.kind === 'gk') return false;
  if (m.format === 'geojson' || m.raw.crsHint?.prj) return false;
  const g = m.mapping.geometry;
  const names = g.kind === 'lonlat' ? [g.lon, g.lat, m.file] : g.kind === 'xy' ? [g.x, g.y, m.file] : [m.file];
  return offsetHint(names) === null;
}

/** A best candidate counts as clearly ahead when the next other system scores below this share of it. */
const CLEAR_LEAD = 0.7;

/**
 * The coordinate system of a file's positions: the user's `--crs`, or the detected one when it is
 * usable and clearly ahead. Otherwise exit 2 with the candidates and the flag for each.
 */
export function decideCrs(m: MappedInput, option: CrsOption): { choice: CrsChoice | null; lines: string[] } {
  if (m.mapping.geometry.kind === 'none') return { choice: null, lines: [] };
  if (option.kind === 'fixed') {
    const c = option.choice;
    const lines = [`文件 ${m.file} 的坐标系（--crs ${option.label}）：${describeCrs(c).zh}`];
    // The command line has no way to give local Helmert parameters yet: say what that costs.
    if (c.kind === 'gk' && c.datum !== 'cgcs2000') lines.push(`  提示：${T.oldDatum(c.datum).zh}`);
    return { choice: c, lines };
  }
  const d = detectTableCrs(m.raw, m.mapping);
  if (!d) return { choice: null, lines: [] };
  if (d.candidates.length === 0) {
    throw new InputRefused(1, [`文件 ${m.file}：${d.problem?.zh ?? '无法判断坐标系'} / ${d.problem?.en ?? 'the coordinate system cannot be detected'}`]);
  }
  const [best, ...rest] = d.candidates;
  // Old datums read from the same numbers are always listed after CGCS2000; they are a caveat
  // (printed), not a rival reading of the values.
  const rival = rest.find((c) => c.status !== 'ready' || best.status !== 'ready' || c.choice.kind !== 'gk' || best.choice.kind !== 'gk' || c.choice.centralMeridian !== best.choice.centralMeridian || c.choice.zonePrefix !== best.choice.zonePrefix || c.choice.swapAxes !== best.choice.swapAxes);
  if (best.status !== 'ready' || (rival && rival.score >= CLEAR_LEAD * best.score) || offsetUnknown(m, best)) {
    throw new InputRefused(2, [
      `文件 ${m.file}：无法确定坐标系，请用 --crs 选择（可加 --swap-axes 交换 X/Y） / the coordinate system is ambiguous: choose one with --crs`,
      ...d.candidates.slice(0, 6).map(candidateLine),
    ]);
  }
  const lines = [`文件 ${m.file} 的坐标系（自动识别，可用 --crs 指定）：${describeCrs(best.choice).zh}`];
  for (const w of best.warnings) lines.push(`  提示：${w.zh}`);
  return { choice: best.choice, lines };
}

export interface ParcelImport {
  built: BuiltImport;
  /** Text encoding of text files that were not UTF-8, per file. */
  encodings: { file: string; encoding: string }[];
  geometryFiles: Set<string>;
}

function prepare(m: MappedInput, crs: CrsChoice | null, skipInvalid: boolean): PreparedTable {
  const p = prepareTable(m.raw, m.mapping, crs, skipInvalid);
  if (!p.ok) throw new InputRefused(1, issueLines(p.issues, m.geometryFile ? new Set([m.file]) : new Set()));
  return p.table;
}

/** Issue lines, errors first, at most `cap` (the problems CSV has them all). */
export function issueLines(issues: readonly SourceIssue[], geometryFiles: ReadonlySet<string>, cap = 200): string[] {
  const sorted = [...issues.filter((i) => i.level === 'error'), ...issues.filter((i) => i.level === 'warning')];
  // Issues inside a Shapefile zip name the member (`a.zip/dir/layer`).
  const isGeometryFile = (f: string) => [...geometryFiles].some((g) => f === g || f.startsWith(`${g}/`));
  const lines = sorted.slice(0, cap).map((i) => formatSourceIssue(i, isGeometryFile(i.file)));
  if (sorted.length > cap) lines.push(`……另有 ${sorted.length - cap} 条未列出 / ${sorted.length - cap} more not listed`);
  return lines;
}

/** One parcels file, or a shapes file joined to a ledger. */
export function importParcels(inputs: readonly MappedInput[], crsByFile: Map<string, CrsChoice | null>, joinKey: { ledger: string; shapes: string }, skipInvalid: boolean): ParcelImport {
  const geometryFiles = new Set(inputs.filter((m) => m.geometryFile).map((m) => m.file));
  const encodings = inputs.filter((m) => m.raw.encoding && m.raw.encoding !== 'utf-8').map((m) => ({ file: m.file, encoding: m.raw.encoding! }));
  if (inputs.length === 1) {
    const m = inputs[0];
    const p = prepare(m, crsByFile.get(m.file) ?? null, skipInvalid);
    const built = buildImport(p);
    return { built: skipInvalid ? dropRefused(built, p) : built, encodings, geometryFiles };
  }
  const withShapes = inputs.filter((m) => m.mapping.geometry.kind !== 'none');
  if (withShapes.length !== 1) {
    throw new InputRefused(1, [
      withShapes.length === 0
        ? `两个宗地文件 ${inputs.map((m) => m.file).join('、')} 都没有几何：其中一个应为宗地图形（Shapefile、GeoJSON 等） / neither parcels file has geometry`
        : `两个宗地文件 ${inputs.map((m) => m.file).join('、')} 都含几何：请只给一个图形文件和一个台账 / both parcels files have geometry; give one shapes file and one ledger`,
    ]);
  }
  const shapes = withShapes[0];
  const ledger = inputs.find((m) => m !== shapes)!;
  const missing = [
    ...(ledger.mapping.fields[joinKey.ledger] ? [] : [`文件 ${ledger.file}，字段 ${joinKey.ledger}：台账中没有连接字段 / the ledger has no column for the join key`]),
    ...(shapes.mapping.fields[joinKey.shapes] ? [] : [`文件 ${shapes.file}，字段 ${joinKey.shapes}：图形文件中没有连接字段 / the shapes file has no column for the join key`]),
  ];
  if (missing.length > 0) throw new InputRefused(1, missing);
  const l = prepare(ledger, null, skipInvalid);
  const s = prepare(shapes, crsByFile.get(shapes.file) ?? null, skipInvalid);
  const built = buildJoinedImport(l, s, {}, joinKey.ledger, joinKey.shapes);
  return { built: skipInvalid ? dropRefused(built, l) : built, encodings, geometryFiles };
}

/**
 * With --skip-invalid, rows the last step refused (a parcel with neither area nor shape) are left
 * out like the rows refused earlier; they stay in the problems list. `rowsOf` is the table whose
 * rows the built table has (the only file, or the ledger of a join).
 */
function dropRefused(built: BuiltImport, rowsOf: PreparedTable): BuiltImport {
  const file = rowsOf.mapped.file;
  const src = rowsOf.mapped.sourceRows;
  const bad = new Set(built.issues.filter((i) => i.level === 'error' && i.file === file && i.row !== null).map((i) => i.row!));
  if (bad.size === 0 || src.length !== built.table.count) return built;
  const keep = Int32Array.from([...src.keys()].filter((i) => !bad.has(src[i])));
  return { ...built, table: selectRows(built.table, keep), skipped: [...built.skipped, { file, rows: [...bad] }] };
}

/** An optional table for the workbook (enterprises, parks): proposed mapping, detected coordinates. */
export async function importOther(file: string, table: TableKind): Promise<{ table: TableData; issues: SourceIssue[] }> {
  const inp = await readInput(file);
  const mapping = proposeMapping(table, inp.raw.headers, samplesOf(inp.raw), !!inp.raw.geometry).mapping;
  const m: MappedInput = { ...inp, mapping, mappingFile: null };
  const { choice } = decideCrs(m, { kind: 'auto' });
  const p = prepare(m, choice, false);
  const built = buildImport(p);
  return { table: built.table, issues: built.issues };
}
