// The command-line report's arguments: read, checked and turned into options before any file is
// read, so a wrong flag, a repeated flag, an output that would overwrite an input or an output
// directory that does not exist is a usage error (exit 2) in a second, not after the analysis.

import { readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DEFAULT_SETTINGS, type RuleSettings } from '../src/analysis/settings';
import { type CrsChoice, choiceOfEpsg } from '../src/data/crs/choice';
import { parseIsoDate } from '../src/data/import/cells';
import { FIELD_NAMES } from '../src/data/mapping/field-names';
import { parseSavedState } from '../src/state/saved-state';
import { todayLocal } from '../src/vocab';

export class UsageError extends Error {}

/** `auto` asks the detection; anything else is the user's explicit choice. */
export type CrsOption = { kind: 'auto' } | { kind: 'fixed'; choice: CrsChoice; label: string };

export interface ReportOptions {
  /** One file, or two (shapes + ledger) in the order given. */
  parcels: string[];
  asOf: string;
  out: string;
  settings: RuleSettings;
  settingsFile: string | null;
  /** Saved mappings, matched to the parcels files by their headers. */
  mappings: string[];
  /** Where to save the mapping used for each parcels file, in the order of --parcels. */
  saveMappings: string[];
  crs: CrsOption;
  /** Contract fields the ledger and the shapes file are joined on. */
  joinKey: { ledger: string; shapes: string };
  skipInvalid: boolean;
  geojson: string | null;
  xlsx: string | null;
  /** The 闲置预警 list (CSV), with the window of the settings. */
  warnings: string | null;
  enterprises: string | null;
  parks: string | null;
  region: string | null;
  /** The DuckDB build the SQL runs on: native (all cores, no 4 GB ceiling) or the browser's WebAssembly one. */
  engine: Engine;
}

export const ENGINES = ['native', 'wasm'] as const;
export type Engine = (typeof ENGINES)[number];

const STRING_FLAGS = ['parcels', 'as-of', 'out', 'settings', 'mapping', 'save-mapping', 'crs', 'join-key', 'geojson', 'xlsx', 'enterprises', 'parks', 'region', 'engine', 'warnings'] as const;
/** Flags that may be given once per parcels file; every other flag at most once. */
const PER_PARCELS_FILE = new Set(['parcels', 'mapping', 'save-mapping']);

function parseCrs(value: string | undefined, swapAxes: boolean): CrsOption {
  const v = (value ?? 'auto').trim().toLowerCase();
  if (v === 'auto') {
    if (swapAxes) throw new UsageError('--swap-axes 需与明确的 --crs 一起使用（自动识别已检查坐标轴顺序） / --swap-axes needs an explicit --crs (auto detection already checks the axis order)');
    return { kind: 'auto' };
  }
  const swap = swapAxes ? { swapAxes: true } : {};
  if (v === 'wgs84') return { kind: 'fixed', choice: { kind: 'geographic', ...swap }, label: 'wgs84' };
  if (v === 'gcj02') return { kind: 'fixed', choice: { kind: 'gcj02', ...swap }, label: 'gcj02' };
  if (v === 'bd09') return { kind: 'fixed', choice: { kind: 'bd09', ...swap }, label: 'bd09' };
  const m = /^epsg:(\d{4,5})$/.exec(v);
  const choice = m ? choiceOfEpsg(Number(m[1]), swapAxes) : null;
  if (choice) return { kind: 'fixed', choice, label: `EPSG:${m![1]}` };
  throw new UsageError(
    `--crs “${value}” 无效：可用 auto、wgs84、gcj02、bd09，或 2000国家大地坐标系/西安80/北京54 高斯-克吕格的 EPSG 代码（如 EPSG:4527）\n` +
      `  invalid --crs “${value}”: use auto, wgs84, gcj02, bd09 or a CGCS2000/Xi'an 80/Beijing 54 Gauss-Krüger EPSG code (e.g. EPSG:4527)`,
  );
}

function parseJoinKey(value: string | undefined): { ledger: string; shapes: string } {
  const [ledger, shapes = ledger] = (value ?? 'parcel_id').split('=').map((s) => s.trim());
  for (const f of [ledger, shapes]) {
    if (!(f in FIELD_NAMES.parcels)) {
      throw new UsageError(`--join-key 中的 “${f}” 不是宗地表的字段（如 parcel_id） / “${f}” in --join-key is not a parcels field (e.g. parcel_id)`);
    }
  }
  return { ledger, shapes };
}

/** The same file under another spelling (./a.csv, a symlink) is the same file. */
function sameFile(a: string, b: string): boolean {
  const canon = (p: string) => {
    try {
      return realpathSync(p);
    } catch {
      return path.resolve(p);
    }
  };
  return canon(a) === canon(b);
}

function checkOutputDir(flag: string, file: string): void {
  const dir = path.dirname(path.resolve(file));
  let isDir = false;
  try {
    isDir = statSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  if (!isDir) throw new UsageError(`${flag} ${file}：目录 ${dir} 不存在 / ${flag} ${file}: directory ${dir} does not exist`);
  let target = false;
  try {
    target = statSync(file).isDirectory();
  } catch {
    target = false;
  }
  if (target) throw new UsageError(`${flag} ${file} 是一个目录，应为文件名 / ${flag} ${file} is a directory, not a file name`);
}

function readSettings(file: string): RuleSettings {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`无法读取设置文件 ${file}：${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  // The browser's saved state and this file go through one reader: same versions, same
  // migrations, same checks. A file with any refused value is an error here, since a report
  // computed with silently replaced thresholds would be wrong without saying so.
  const read = parseSavedState(text, { zh: `设置文件 ${file}`, en: `settings file ${file}` });
  if (read.issues.length > 0) throw new UsageError(read.issues.map((n) => `${n.zh}\n  ${n.en}`).join('\n'));
  return read.state.rules;
}

/** Parses the arguments; null when help was asked for. Throws UsageError on bad arguments. */
export function parseReportArgs(argv: string[]): ReportOptions | null {
  let values: Record<string, string[] | boolean | undefined>;
  try {
    const options = Object.fromEntries(STRING_FLAGS.map((f) => [f, { type: 'string' as const, multiple: true as const }]));
    ({ values } = parseArgs({
      args: argv,
      options: { ...options, 'swap-axes': { type: 'boolean' }, 'skip-invalid': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (values.help) return null;
  const list = (f: string) => (values[f] as string[] | undefined) ?? [];
  for (const f of STRING_FLAGS) {
    const n = list(f).length;
    const max = PER_PARCELS_FILE.has(f) ? 2 : 1;
    if (n > max) {
      throw new UsageError(
        max === 1
          ? `--${f} 只能给一次（给了 ${n} 次） / --${f} may be given once (given ${n} times)`
          : `--${f} 最多给两次（几何文件 + 台账） / --${f} may be given at most twice (shapes + ledger)`,
      );
    }
  }
  const one = (f: string): string | null => list(f)[0] ?? null;
  const parcels = list('parcels');
  const out = one('out');
  if (parcels.length === 0) throw new UsageError('缺少 --parcels（宗地文件） / missing --parcels');
  if (!out) throw new UsageError('缺少 --out（输出文件） / missing --out');
  const xlsx = one('xlsx');
  if (!xlsx && (one('enterprises') || one('parks') || one('region'))) {
    throw new UsageError('--enterprises、--parks、--region 只用于 --xlsx 工作簿 / only used with --xlsx');
  }
  if (list('mapping').length > parcels.length) throw new UsageError('--mapping 的个数多于 --parcels / more --mapping than --parcels files');
  if (list('save-mapping').length > parcels.length) throw new UsageError('--save-mapping 的个数多于 --parcels / more --save-mapping than --parcels files');
  if (one('join-key') && parcels.length < 2) throw new UsageError('--join-key 只在给了两个 --parcels（几何 + 台账）时使用 / --join-key needs two --parcels files');

  const asOf = one('as-of') ?? todayLocal();
  // Strictly ISO: the importer also accepts 2024/1/5 in data, but a command line should be exact.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || parseIsoDate(asOf) === null) {
    throw new UsageError(`--as-of “${asOf}” 不是有效日期（应为 YYYY-MM-DD） / not a valid YYYY-MM-DD date`);
  }
  const crs = parseCrs(one('crs') ?? undefined, values['swap-axes'] === true);
  const joinKey = parseJoinKey(one('join-key') ?? undefined);

  // Outputs: none may be an input or another output, and every directory must exist.
  const problems = values['skip-invalid'] === true ? problemsPath(out) : null;
  const outputs: [string, string | null][] = [['--out', out], ['--xlsx', xlsx], ['--geojson', one('geojson')], ['--warnings', one('warnings')], ...list('save-mapping').map((f): [string, string] => ['--save-mapping', f]), ['--out (.problems.csv)', problems]];
  const inputs: [string, string][] = [
    ...parcels.map((p): [string, string] => ['--parcels', p]),
    ...list('mapping').map((p): [string, string] => ['--mapping', p]),
    ...(['settings', 'enterprises', 'parks'] as const).flatMap((f): [string, string][] => (one(f) ? [[`--${f}`, one(f)!]] : [])),
  ];
  const given = outputs.filter((o): o is [string, string] => o[1] !== null);
  for (const [flag, file] of given) {
    for (const [inFlag, input] of inputs) {
      if (sameFile(file, input)) throw new UsageError(`${flag} ${file} 与输入 ${inFlag} 是同一个文件，会覆盖输入 / ${flag} ${file} is the ${inFlag} input and would overwrite it`);
    }
  }
  for (let i = 0; i < given.length; i++) {
    for (let j = i + 1; j < given.length; j++) {
      if (sameFile(given[i][1], given[j][1])) throw new UsageError(`${given[i][0]} 与 ${given[j][0]} 是同一个文件 / ${given[i][0]} and ${given[j][0]} are the same file`);
    }
  }
  for (const [flag, file] of given) checkOutputDir(flag, file);

  const engine = one('engine') ?? 'native';
  if (!(ENGINES as readonly string[]).includes(engine)) {
    throw new UsageError(`--engine “${engine}” 无效：可用 ${ENGINES.join('、')} / invalid --engine “${engine}”: use ${ENGINES.join(' or ')}`);
  }

  const settingsFile = one('settings');
  return {
    parcels,
    asOf,
    out,
    settings: settingsFile ? readSettings(settingsFile) : DEFAULT_SETTINGS,
    settingsFile,
    mappings: list('mapping'),
    saveMappings: list('save-mapping'),
    crs,
    joinKey,
    skipInvalid: values['skip-invalid'] === true,
    geojson: one('geojson'),
    xlsx,
    warnings: one('warnings'),
    enterprises: one('enterprises'),
    parks: one('parks'),
    region: one('region'),
    engine: engine as Engine,
  };
}

/** Where `--skip-invalid` writes the rows it left out: beside the report, `OUT.problems.csv`. */
export function problemsPath(out: string): string {
  return `${out.replace(/\.csv$/i, '')}.problems.csv`;
}
