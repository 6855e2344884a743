// The warning list outside the browser: the 督办清单 workbook (per-county sheets, deadlines,
// actions, the 说明 sheet's window) and the command-line `--warnings` CSV, which must hold the
// rows runWarnings gives for the same parcels, as-of date and settings.

import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../src/analysis/settings';
import { warningNotes, warningSheets } from '../../src/analysis/warning-tables';
import type { WarningRow } from '../../src/analysis/warnings';
import { parseCsv } from '../../src/data/csv';
import { buildWorkbook, readWorkbook } from '../../src/export/xlsx';
import { EMPTY_FILTER } from '../../src/analysis/filters';
import { localSettingsNotice } from '../../src/analysis/local-settings';
import { parcelsCsv } from './helpers/parcels';
import { report, tempFiles } from './helpers/report-run';

const files = tempFiles('parkatlas-warn-');
afterAll(files.done);

const row = (over: Partial<WarningRow>): WarningRow => ({
  pidx: 0, parcel_id: 'P1', county: '宁津县', park_id: 'NJ', line: 'becomes_idle', line_date: '2024-05-01', days_left: 30, action: 'interview', ...over,
});

describe('督办清单 workbook', () => {
  const list = [
    row({ parcel_id: 'A', county: '乐陵市', line_date: '2024-04-11', days_left: 10, line: 'E1', action: 'urge_start' }),
    row({ parcel_id: 'B', county: '宁津县' }),
    row({ parcel_id: '=HYPERLINK("http://x")', county: '乐陵市', line: 'recovery', action: 'notify', line_date: '2024-06-01', days_left: 61, park_id: null }),
  ];

  it('has a sheet for all, one per county with that county’s rows in list order, and the window on the 说明 sheet', async () => {
    const sheets = warningSheets(list, 'zh', { NJ: '宁津经济开发区' });
    const bytes = await buildWorkbook(sheets, {
      asOf: '2024-04-01', regionName: '德州市', filter: EMPTY_FILTER, settings: DEFAULT_SETTINGS,
      extraNotes: warningNotes('2024-04-01', 90, list.length, 'zh'),
    });
    const back = await readWorkbook(bytes);
    expect(back.map((s) => s.name)).toEqual(['说明', '全部预警', '乐陵市', '宁津县']);
    const byName = Object.fromEntries(back.map((s) => [s.name, s]));
    expect(byName['乐陵市'].rows.map((r) => [r[2], r[5], r[7]])).toEqual([
      ['A', '2024-04-11', '督促开工'],
      // A formula-like id stays text, as written.
      ['=HYPERLINK("http://x")', '2024-06-01', '告知'],
    ]);
    expect(byName['宁津县'].rows[0].slice(0, 3)).toEqual(['宁津县', '宁津经济开发区', 'B']);
    expect(byName['全部预警'].rows).toHaveLength(3);
    const window = byName['说明'].rows.find((r) => r[0] === '预警范围');
    expect(window?.slice(1, 3)).toEqual(['2024-04-02 至 2024-06-30', '90 天']);
    // The action's basis says which steps are the statute's and which are local practice.
    expect(byName['乐陵市'].rows[1][8]).toContain('第十五条');
    expect(byName['乐陵市'].rows[0][8]).toContain('非法定');
  });

  it('keeps sheet names Excel accepts and distinct from 说明', () => {
    const names = warningSheets([row({ county: '说明' }), row({ county: 'a/b:c' })], 'zh').map((s) => s.name);
    expect(names).toEqual(['全部预警', '说明(2)', 'a_b_c']);
  });
});

describe('the window setting', () => {
  it('is listed on the 说明 sheet but never announced as a local rule setting (it changes no finding)', async () => {
    const settings = { ...DEFAULT_SETTINGS, warningWindowDays: 30 };
    expect(localSettingsNotice(settings, 'zh')).toBeNull();
    expect(localSettingsNotice({ ...settings, recoveryYears: 3 }, 'zh')?.text).not.toContain('预警');
    const [notes] = await readWorkbook(await buildWorkbook([], { asOf: '2024-04-01', regionName: '德州市', filter: EMPTY_FILTER, settings }));
    expect(notes.rows.find((r) => r[0] === '预警提前天数')?.slice(1, 4)).toEqual([30, '天', 90]);
  });
});

describe('npm run report -- --warnings', { timeout: 120_000 }, () => {
  it('writes the warning list with the window from --settings, in list order', async () => {
    const input = files.temp('p.csv', parcelsCsv([
      // One-year line 2024-06-30: 90 days after 2024-04-01, so in a 90-day window, out of a 60-day one.
      { status: 'not_started', agreed_start_date: '2023-06-30' },
      // E1 on 2024-04-11.
      { status: 'not_started', agreed_start_date: '2024-04-10', county: '乐陵市' },
      { status: 'producing', actual_start_date: '2020-01-01' },
    ]));
    const out = files.temp('out.csv');
    const warnings = files.temp('warn.csv');
    const r = await report(['--parcels', input, '--as-of', '2024-04-01', '--out', out, '--warnings', warnings]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`2 条/rows → ${warnings}`);
    const text = readFileSync(warnings, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const t = parseCsv(text.slice(1));
    expect(t.header.slice(0, 7)).toEqual(['parcel_id', 'county', 'park_id', 'line', 'line_date', 'days_left', 'action']);
    expect(t.records.map(({ cells: x }) => x.slice(0, 7).concat(x[8]))).toEqual([
      ['P2', '乐陵市', '', 'E1', '2024-04-11', '10', 'urge_start', '督促开工'],
      ['P1', '宁津县', '', 'becomes_idle', '2024-06-30', '90', 'interview', '约谈'],
    ]);

    const settings = files.temp('s.json', JSON.stringify({ warningWindowDays: 60 }));
    const w60 = files.temp('warn60.csv');
    const r60 = await report(['--parcels', input, '--as-of', '2024-04-01', '--out', files.temp('out2.csv'), '--warnings', w60, '--settings', settings]);
    expect(r60.code).toBe(0);
    expect(parseCsv(readFileSync(w60, 'utf8').slice(1)).records.map((x) => x.cells[0])).toEqual(['P2']);
  });

  it('refuses a --warnings file that is the input', async () => {
    const input = files.temp('q.csv', parcelsCsv([{ status: 'producing' }]));
    const r = await report(['--parcels', input, '--out', files.temp('o.csv'), '--warnings', input]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--warnings');
  });
});
