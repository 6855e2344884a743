// The command-line report's workbook option (--xlsx with --enterprises/--parks/--region) and
// the 亩均 settings keys in --settings, run in this process through the script's exported `run`.

import { existsSync, readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTERPRISE_FIELDS } from '../../src/data/contract';
import { toCsv } from '../../src/data/csv';
import { readWorkbook } from '../../src/export/xlsx';
import { parcelsCsv } from './helpers/parcels';
import { report, tempFiles } from './helpers/report-run';

const files = tempFiles('parkatlas-xlsx-');
const { temp } = files;
afterAll(files.done);

// P1 not started since 2019-01-01 (recovery at 2021-06-01); P2 held by E1, producing.
const PARCELS = parcelsCsv([
  { agreed_start_date: '2019-01-01', status: 'not_started', land_price_wan: 800, park_id: 'K1' },
  { actual_start_date: '2018-01-01', enterprise_id: 'E1', floor_area_m2: 30000, actual_investment_wan: 9000, annual_tax_wan: 450 },
]);
const enterprisesCsv = (rows: Record<string, string | number>[]) =>
  toCsv(ENTERPRISE_FIELDS.map((f) => f.name), rows.map((r) => ENTERPRISE_FIELDS.map((f) => r[f.name] ?? '')));
const ENTERPRISES = enterprisesCsv([
  { enterprise_id: 'E1', name: '丙公司', county: '宁津县', employees: 90, revenue_wan: 10000, value_added_wan: 2700, tax_wan: 450, energy_tce: 675, rd_expense_wan: 300 },
  { enterprise_id: 'E2', name: '戊公司', county: '宁津县' },
]);
const PARKS = 'park_id,name,county,level,leading_chains,planned_area_ha\nK1,经开区,宁津县,provincial,,\n';
const CONTRACT_CSV = ['parcel_id,idle_type,idle_days,disposal,exit_reasons,inefficiency', 'P1,not_started,882,recovery,E1,', 'P2,none,0,none,,', ''].join('\n');

describe('npm run report -- --xlsx', { timeout: 120_000 }, () => {
  it('writes the workbook next to the unchanged contract CSV', async () => {
    const out = temp('out.csv');
    const xlsx = temp('out.xlsx');
    const settings = temp('s.json', '\uFEFF{"mujunRatioCap": 2, "mujunShareA": 30, "mujunShareB": 40}');
    const r = await report([
      '--parcels', temp('p.csv', PARCELS), '--as-of', '2021-06-01', '--out', out, '--settings', settings,
      '--xlsx', xlsx, '--enterprises', temp('e.csv', ENTERPRISES), '--parks', temp('k.csv', PARKS), '--region', '山东省德州市',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(CONTRACT_CSV);
    expect(r.stdout).toContain('工作表：说明、闲置土地、退出条件、低效用地、亩均评价、盘活跟踪');

    const wb = await readWorkbook(new Uint8Array(readFileSync(xlsx)));
    expect(wb.map((t) => t.name)).toEqual(['说明', '闲置土地', '退出条件', '低效用地', '亩均评价', '盘活跟踪']);
    const notes = wb[0];
    expect(notes.rows.find((x) => x[0] === '评估基准日')?.[1]).toBe('2021-06-01');
    expect(notes.rows.find((x) => x[0] === '地区')?.[1]).toBe('山东省德州市');
    expect(notes.rows.find((x) => x[0] === '单项得分上限（指标/基准值）')?.[1]).toBe(2);
    const idle = wb[1];
    expect(idle.rows.map((x) => [x[0], x[2]])).toEqual([['P1', '经开区']]);
    const mujun = wb[4];
    expect(mujun.rows.map((x) => [x[0], x[1], x[3]])).toEqual([[1, 'A', 'E1'], [null, '未评级', 'E2']]);
    expect(wb[5].rows).toEqual([]);
  });

  it('refuses a settings file whose class shares do not sum to 100 (exit 2, nothing written)', async () => {
    const out = temp('bad-out.csv');
    const r = await report([
      '--parcels', temp('p.csv', PARCELS), '--as-of', '2021-06-01', '--out', out,
      '--settings', temp('bad.json', '{"mujunShareA": 30}'),
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('合计应为 100%');
    expect(existsSync(out)).toBe(false);
  });

  it('an invalid enterprises file stops the run before anything is written (exit 1)', async () => {
    const out = temp('e-out.csv');
    const xlsx = temp('e-out.xlsx');
    const r = await report([
      '--parcels', temp('p.csv', PARCELS), '--as-of', '2021-06-01', '--out', out, '--xlsx', xlsx,
      '--enterprises', temp('bad-e.csv', enterprisesCsv([{ enterprise_id: 'E1', name: '丙公司', county: '宁津县', employees: '很多' }])),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('employees');
    expect(existsSync(out)).toBe(false);
    expect(existsSync(xlsx)).toBe(false);
  });

  it('--enterprises without --xlsx is a usage error', async () => {
    const r = await report(['--parcels', temp('p.csv', PARCELS), '--out', temp('x.csv'), '--enterprises', 'e.csv']);
    expect(r.code).toBe(2);
  });
});
