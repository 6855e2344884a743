// The command-line report's summary on standard output: counts and 亩 per finding, with each
// code's label from the vocabulary (src/vocab), so the terminal says what the app and the
// workbook say. Kept apart from report.ts (which runs on import) so tests can call it.

import { SHEET_NAMES } from '../src/analysis/export-tables';
import { sql } from '../src/data/sql';
import { DISPOSALS, EXIT_CODES, IDLE_TYPES, INEFFICIENCY_CODES, displayLabel, m2ToMu } from '../src/vocab';

export interface SummaryRow {
  kind: string;
  key: string;
  n: number;
  area_m2: number | null;
  fee_wan: number | null;
}

/** Counts and areas per finding, over the findings table the rules just wrote. */
export const SUMMARY_QUERY = sql`
WITH f AS (SELECT * FROM parcel_findings),
exits AS (SELECT unnest(string_split(exit_reasons, ';')) AS code, area_m2 FROM f WHERE exit_reasons <> ''),
ineff AS (SELECT unnest(string_split(inefficiency, ';')) AS code, area_m2 FROM f WHERE inefficiency <> ''),
gaps AS (SELECT unnest(string_split(missing_inputs, ';')) AS code, area_m2 FROM f WHERE missing_inputs <> '')
SELECT 'all' AS kind, '' AS key, count(*) AS n, sum(area_m2) AS area_m2, NULL AS fee_wan FROM f
UNION ALL SELECT 'idle', idle_type, count(*), sum(area_m2), NULL FROM f GROUP BY idle_type
UNION ALL SELECT 'disposal', disposal, count(*), sum(area_m2), sum(fee_wan) FROM f GROUP BY disposal
UNION ALL SELECT 'exit', code, count(*), sum(area_m2), NULL FROM exits GROUP BY code
UNION ALL SELECT 'exit', '', count(*), sum(area_m2), NULL FROM f WHERE exit_reasons <> ''
UNION ALL SELECT 'ineff', code, count(*), sum(area_m2), NULL FROM ineff GROUP BY code
UNION ALL SELECT 'ineff', '', count(*), sum(area_m2), NULL FROM f WHERE inefficiency <> ''
UNION ALL SELECT 'missing', '', count(*), sum(area_m2), NULL FROM f WHERE missing_inputs <> ''
UNION ALL SELECT 'missing', code, count(*), sum(area_m2), NULL FROM gaps GROUP BY code
ORDER BY kind, n DESC, key`;

export interface SummaryMeta {
  file: string;
  /** Text encoding the file was read in (`utf-8`, `gb18030`, `windows-1252`…). */
  encoding: string;
  asOf: string;
  /** Settings that differ from the statute or the defaults, in words (local-settings.ts), if any. */
  settingsNotice?: string | null;
  out: string;
  xlsx: string | null;
  geojson?: string | null;
  /** `--skip-invalid`: where the problems list went, how many problems and skipped rows. */
  problems?: { path: string; count: number; skipped: number } | null;
  written: number;
}

/** The summary text (Chinese, as the report's other messages), one line per figure. */
export function formatSummary(r: readonly SummaryRow[], m: SummaryMeta): string {
  const get = (kind: string, key: string) => r.find((x) => x.kind === kind && x.key === key);
  const n = (kind: string, key: string) => get(kind, key)?.n ?? 0;
  const mu = (kind: string, key: string) => m2ToMu(get(kind, key)?.area_m2 ?? 0).toFixed(1);
  const lines: string[] = [];
  const decoded = m.encoding === 'utf-8' ? '' : m.encoding === 'gb18030' || m.encoding === 'gbk' ? '（按 GBK/GB18030 解码）' : `（按 ${m.encoding} 解码）`;
  lines.push(`宗地文件：${m.file}${decoded}`);
  lines.push(`评估基准日：${m.asOf}`);
  // A local figure is never reported as the statute's (《闲置土地处置办法》第二条、第十四条).
  if (m.settingsNotice) lines.push(`注意：${m.settingsNotice}`);
  lines.push(`读取宗地：${n('all', '')} 宗，${mu('all', '')} 亩`);
  const idleTypes = IDLE_TYPES.filter((t) => t !== 'none');
  lines.push(`闲置土地：${idleTypes.reduce((sum, t) => sum + n('idle', t), 0)} 宗`);
  for (const t of idleTypes) lines.push(`  ${displayLabel('idleType', t, 'zh')}（${t}）：${n('idle', t)} 宗，${mu('idle', t)} 亩`);
  lines.push('处置方式：');
  for (const d of DISPOSALS.filter((x) => x !== 'none')) {
    let line = `  ${displayLabel('disposal', d, 'zh')}（${d}）：${n('disposal', d)} 宗，${mu('disposal', d)} 亩`;
    const fee = get('disposal', d)?.fee_wan;
    if (d === 'fee' && fee != null) line += `，闲置费合计 ${fee.toFixed(1)} 万元`;
    lines.push(line);
  }
  lines.push(`触发退出条件：${n('exit', '')} 宗`);
  for (const c of EXIT_CODES) lines.push(`  ${displayLabel('exit', c, 'zh')}：${n('exit', c)} 宗`);
  lines.push(`低效用地：${n('ineff', '')} 宗`);
  for (const c of INEFFICIENCY_CODES) lines.push(`  ${displayLabel('inefficiency', c, 'zh')}：${n('ineff', c)} 宗`);
  lines.push(`数据质量：${n('missing', '')} 宗缺少规则所需数据，相关规则未判定`);
  for (const g of r.filter((x) => x.kind === 'missing' && x.key !== '')) lines.push(`  缺 ${g.key}：${g.n} 宗`);
  lines.push(`已写入 ${m.out}（${m.written} 行）`);
  if (m.xlsx) lines.push(`已写入 ${m.xlsx}（工作表：${Object.values(SHEET_NAMES).join('、')}）`);
  if (m.geojson) lines.push(`已写入 ${m.geojson}（WGS84，${m.written} 个要素，属性为报告各列）`);
  if (m.problems) lines.push(`已跳过 ${m.problems.skipped} 行有错误的数据，问题清单（${m.problems.count} 条）已写入 ${m.problems.path}`);
  return lines.join('\n') + '\n';
}
