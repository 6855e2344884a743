// The command-line report (scripts/report.ts) on small files, checking the exact CSV it writes,
// its exit codes and that bad input writes nothing. Most tests call its `run` in this process,
// one after another (a loaded two-core machine timed out on concurrent child processes); one
// test runs it as a user does, as a separate process.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PARCEL_FIELDS, REPORT_COLUMNS } from '../../src/data/contract';
import { parcelsCsv } from './helpers/parcels';
import { report, reportProcess, tempFiles } from './helpers/report-run';

const files = tempFiles('parkatlas-report-');
const { temp, dir } = files;
afterAll(files.done);

// Three parcels judged at 2021-06-01 (area 30,000 m² = 45 亩 each):
// P1 not started since 2019-01-01: 882 days idle, ≥ 2 years → recovery; overdue → E1.
// P2 halted since 2020-03-01 with 1/30 developed: 457 days → fee (20 % of 1,000 万元 = 200).
// P3 producing below target (E4), not compliant (E5), plot ratio 1/3 (L1), 100 万元 tax on
//    45 亩 < 5 万元/亩 (L3); investment 4,500 万元 / 3 公顷 = 1,500 exactly, so no L2.
const THREE = parcelsCsv([
  { agreed_start_date: '2019-01-01', status: 'not_started', land_price_wan: 800 },
  { actual_start_date: '2018-01-01', halted_since: '2020-03-01', developed_area_m2: 1000, status: 'halted', land_price_wan: 1000 },
  {
    actual_start_date: '2018-01-01',
    floor_area_m2: 10000,
    actual_investment_wan: 4500,
    annual_tax_wan: 100,
    agreed_annual_output_wan: 1000,
    annual_output_wan: 500,
    policy_compliant: '否',
  },
]);
const HEADER = REPORT_COLUMNS.join(',');

describe('npm run report', { timeout: 120_000 }, () => {
  it('writes the exact contract CSV for a 3-parcel file and a Chinese summary', async () => {
    const input = temp('three.csv', THREE);
    const out = temp('three-out.csv');
    const r = await report(['--parcels', input, '--as-of', '2021-06-01', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(
      [
        'parcel_id,idle_type,idle_days,disposal,exit_reasons,inefficiency',
        'P1,not_started,882,recovery,E1,',
        'P2,stalled,457,fee,,',
        'P3,none,0,none,E4;E5,L1;L3',
        '',
      ].join('\n'),
    );
    expect(r.stdout).toContain('读取宗地：3 宗，135.0 亩');
    expect(r.stdout).toContain('闲置土地：2 宗');
    expect(r.stdout).toMatch(/征缴土地闲置费（fee）：1 宗，45\.0 亩，闲置费合计 200\.0 万元/);
    expect(r.stdout).toMatch(/无偿收回（recovery）：1 宗，45\.0 亩/);
    expect(r.stdout).toContain('触发退出条件：2 宗');
    expect(r.stdout).toContain('低效用地：1 宗');
    expect(r.stdout).toMatch(/数据质量：\d+ 宗/);
  });

  it('reads GeoJSON (area from geometry) and keeps input order; output has no BOM', async () => {
    const square = (x: number) => ({
      type: 'Polygon',
      coordinates: [[[x, 37], [x + 0.001, 37], [x + 0.001, 37.001], [x, 37.001], [x, 37]]],
    });
    const base = { county: '宁津县', land_use: '工业', status: '已投产' };
    const doc = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { ...base, parcel_id: '宁津-Z', agreed_start_date: '2020-01-01', actual_start_date: null, agreed_completion_date: '2021-01-01', area_m2: null }, geometry: square(116) },
        { type: 'Feature', properties: { ...base, parcel_id: '宁津-A', status: 'built_no_production', area_m2: 5000 }, geometry: square(116.01) },
      ],
    };
    // Every contract column must be present; absent ones are null.
    for (const f of doc.features) {
      for (const n of PARCEL_FIELDS.map((x) => x.name)) if (!(n in f.properties)) (f.properties as Record<string, unknown>)[n] = null;
    }
    const out = temp('gj-out.csv');
    const r = await report(['--parcels', temp('parcels.geojson', JSON.stringify(doc)), '--as-of', '2021-06-01', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(`${HEADER}\n宁津-Z,not_started,517,fee,E1,\n宁津-A,none,0,none,E3,\n`);
    expect(readFileSync(out)[0]).not.toBe(0xef); // no BOM
  });

  it('bad date: exit 1, every issue with row and field on stderr, no output file', async () => {
    const bad = parcelsCsv([{}, { agreed_start_date: '2021-13-01' }, { halted_since: '2021-02-30' }]);
    const input = temp('bad-date.csv', bad);
    const out = temp('bad-date-out.csv');
    const r = await report(['--parcels', input, '--as-of', '2021-06-01', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(input);
    expect(r.stderr).toMatch(/第 3 行.*agreed_start_date.*2021-13-01/);
    expect(r.stderr).toMatch(/第 4 行.*halted_since.*2021-02-30/);
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });

  it('missing optional column: a warning naming the findings it makes impossible, and the report', async () => {
    const lines = THREE.split('\n');
    const idx = lines[0].split(',').indexOf('annual_tax_wan');
    const text = lines.map((l) => l.split(',').filter((_, i) => i !== idx).join(',')).join('\n');
    const out = temp('missing-col-out.csv');
    const r = await report(['--parcels', temp('missing-col.csv', text), '--as-of', '2021-06-01', '--out', out]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/缺少列 annual_tax_wan，无法判定：L3 亩均税收偏低/);
    // Without the tax column P3 is no longer L3; everything else stands.
    expect(readFileSync(out, 'utf8').split('\n')[3]).toBe('P3,none,0,none,E4;E5,L1');
  });

  it('missing parcel id column: exit 1 naming the field, no output file', async () => {
    const text = THREE.replace(/^parcel_id,/, 'note,');
    const out = temp('no-id-out.csv');
    const r = await report(['--parcels', temp('no-id.csv', text), '--as-of', '2021-06-01', '--out', out]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/字段 parcel_id/);
    expect(existsSync(out)).toBe(false);
  });

  it('duplicate id and unreadable file: exit 1, no output file', async () => {
    const dupOut = temp('dup-out.csv');
    const dup = await report(['--parcels', temp('dup.csv', parcelsCsv([{ parcel_id: 'X' }, { parcel_id: 'X' }])), '--out', dupOut]);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toMatch(/第 3 行.*parcel_id.*第 2 行/);
    expect(existsSync(dupOut)).toBe(false);
    const gone = await report(['--parcels', path.join(dir, 'no-such-file.csv'), '--out', temp('gone-out.csv')]);
    expect(gone.code).toBe(1);
    expect(gone.stderr).toContain('no-such-file.csv');
  });

  it('--settings changes a result', async () => {
    const input = temp('three-s.csv', THREE);
    const out = temp('settings-out.csv');
    const settings = temp('settings.json', JSON.stringify({ recoveryYears: 3, minPlotRatio: 0.3 }));
    const r = await report(['--parcels', input, '--as-of', '2021-06-01', '--out', out, '--settings', settings]);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n').slice(1, 4)).toEqual([
      'P1,not_started,882,fee,E1,',
      'P2,stalled,457,fee,,',
      'P3,none,0,none,E4;E5,L3',
    ]);
    // The summary says the recovery period is a local figure, not the statute's two years.
    expect(r.stdout).toContain('注意：非法定设置（与《闲置土地处置办法》规定不同）：无偿收回年限 3 年（法定：2 年）。本地设置：容积率下限 0.3（默认：0.8）');
  });

  it('bad settings: exit 2 with the reason, no output file', async () => {
    const input = temp('three-b.csv', THREE);
    for (const [name, content, reason] of [
      ['range.json', '{"idleYears": 0}', 'idleYears'],
      ['unknown.json', '{"idleYear": 2}', 'idleYear'],
      ['type.json', '{"minPlotRatio": "1.0"}', 'minPlotRatio'],
      ['syntax.json', '{idleYears: 2', '设置文件'],
      ['array.json', '[1]', 'JSON 对象'],
      ['newer.json', '{"version": 99, "rules": {"idleYears": 2}}', '更新版本'],
      ['order.json', '{"idleYears": 3, "recoveryYears": 2}', '无偿收回年限（2 年）不能小于闲置认定年限（3 年）'],
    ] as const) {
      const out = temp(`bad-settings-${name}.csv`);
      const r = await report(['--parcels', input, '--as-of', '2021-06-01', '--out', out, '--settings', temp(name, content)]);
      expect(r.code, name).toBe(2);
      expect(r.stderr, name).toContain(reason);
      expect(existsSync(out), name).toBe(false);
    }
  });

  it('bad arguments: exit 2; --help prints Chinese and English usage', async () => {
    const input = temp('three-a.csv', THREE);
    for (const args of [
      ['--parcels', input, '--out', temp('a.csv'), '--as-of', '2021-02-30'],
      ['--parcels', input, '--out', temp('a.csv'), '--as-of', '2021/06/01'],
      ['--parcels', input],
      ['--out', temp('a.csv')],
      ['--parcels', input, '--out', temp('a.csv'), '--unknown'],
    ]) {
      const r = await report(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('--help');
    }
    const help = await report(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('用法');
    expect(help.stdout).toContain('Usage');
    expect(help.stdout).toContain('--as-of');
  });

  it('decodes a GBK file and defaults --as-of to today (as a separate process)', async () => {
    // 宁津县 and 工业 in GBK, so the file is not valid UTF-8.
    const gbk = { 宁: [0xc4, 0xfe], 津: [0xbd, 0xf2], 县: [0xcf, 0xd8], 工: [0xb9, 0xa4], 业: [0xd2, 0xb5] } as Record<string, number[]>;
    const text = parcelsCsv([{ land_use: '工业', agreed_start_date: '2000-01-01' }]);
    const bytes = Uint8Array.from([...text].flatMap((ch) => gbk[ch] ?? [ch.charCodeAt(0)]));
    expect(new TextDecoder('gbk').decode(bytes)).toBe(text);
    const out = temp('gbk-out.csv');
    // The one test run as a user runs it: a separate process, exit code and streams.
    const r = await reportProcess(['--parcels', temp('gbk.csv', bytes), '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('GBK');
    const d = new Date();
    const today = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    expect(r.stdout).toContain(`评估基准日：${today}`);
    const days = Math.round((Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) - Date.UTC(2000, 0, 1)) / 86400000);
    expect(readFileSync(out, 'utf8')).toBe(`${HEADER}\nP1,not_started,${days},recovery,E1,\n`);
  });
});
