// The export: sheet queries over a tiny region, the .xlsx written with exceljs and read back
// (sheet names, Chinese headers with units, known rows, the 说明 sheet), the parcel filter, and
// CSV with a UTF-8 BOM.

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type ExportTable,
  SHEET_NAMES,
  describeFilter,
  notesTable,
  readExportTables,
} from '../../src/analysis/export-tables';
import { EMPTY_FILTER, type ParcelFilter } from '../../src/analysis/filters';
import { runMujun } from '../../src/analysis/mujun';
import { runLandRules } from '../../src/analysis/run-land-rules';
import { DEFAULT_SETTINGS, mergeSettings } from '../../src/analysis/settings';
import { loadTracking } from '../../src/analysis/tracking-summary';
import { parseCsv } from '../../src/data/csv';
import type { Db } from '../../src/data/db';
import { openNodeDb } from '../../src/data/duckdb-node';
import { type TrackingRecord, newTrackingRecord } from '../../src/data/tracking';
import { tableToCsv, tableToCsvBytes } from '../../src/export/csv';
import { buildWorkbook, readWorkbook } from '../../src/export/xlsx';
import { loadEnterprises, loadParks } from './helpers/enterprises';
import { loadParcels } from './helpers/parcels';

const AS_OF = '2021-06-01';
// minTaxPerMu changed from the default 5 to 8, to see a changed value in 说明.
const SETTINGS = mergeSettings({ minTaxPerMu: 8 }).settings;

let db: Db & { close(): void };

function track(parcel_id: string, stage: string, date: string, note = ''): TrackingRecord {
  const r = newTrackingRecord({ region: 'dezhou', parcel_id, stage, date, person: '王五', note });
  if (!r.ok) throw new Error(r.errors.join());
  return r.record;
}

// Four parcels of 30,000 m² = 45 亩, judged at 2021-06-01:
// P1 (K1) not started since 2019-01-01: 882 days → 无偿收回; E1.
// P2 (K1) halted since 2020-03-01, 1,000 m² developed (3.3 %): 457 days → fee 20 % × 1,000 = 200.
// P3 (K1, E1) producing: E4 (output 500 < 1,000), E5; L1 (plot ratio 1/3), L3 (100/45 = 2.22 < 8).
// P4 (乐陵市, K2, E2) not started since 2020-01-01: 517 days → fee 20 % × 500 = 100; E1.
beforeAll(async () => {
  db = await openNodeDb();
  await loadParks(db, [{ park_id: 'K1', name: '经开区' }, { park_id: 'K2', name: '高新区', county: '乐陵市' }]);
  await loadParcels(db, [
    { park_id: 'K1', holder: '甲公司', agreed_start_date: '2019-01-01', status: 'not_started', land_price_wan: 800 },
    {
      park_id: 'K1', holder: '乙公司', actual_start_date: '2018-01-01', halted_since: '2020-03-01',
      developed_area_m2: 1000, status: 'halted', land_price_wan: 1000,
    },
    {
      park_id: 'K1', holder: '丙公司', enterprise_id: 'E1', actual_start_date: '2018-01-01', floor_area_m2: 10000,
      actual_investment_wan: 4500, annual_tax_wan: 100, agreed_annual_output_wan: 1000, annual_output_wan: 500,
      policy_compliant: '否',
    },
    {
      county: '乐陵市', park_id: 'K2', holder: '丁公司', enterprise_id: 'E2', agreed_start_date: '2020-01-01',
      status: 'not_started', land_price_wan: 500,
    },
  ]);
  // E1 on 45 亩 at every benchmark (score 1.0); E2 with 亩均税收 20 (score 1.3); E3 without land.
  const bench = { value_added_wan: 2700, employees: 90, energy_tce: 675, revenue_wan: 10000, rd_expense_wan: 300 };
  await loadEnterprises(db, [
    { name: '丙公司', park_id: 'K1', above_scale: true, tax_wan: 450, ...bench },
    { name: '丁公司', county: '乐陵市', park_id: 'K2', above_scale: false, tax_wan: 900, ...bench },
    { name: '戊公司', park_id: 'K1', tax_wan: 10, ...bench },
  ]);
  await runLandRules(db, AS_OF, SETTINGS);
  await runMujun(db, SETTINGS);
  await loadTracking(db, [
    track('P1', 'to_verify', '2021-01-05'),
    track('P1', 'recovered', '2021-05-01', '已下达收回决定书'),
    track('P4', 'interviewed', '2021-03-01'),
  ]);
});
afterAll(() => db?.close());

const sheet = (tables: ExportTable[], name: string) => {
  const t = tables.find((x) => x.name === name);
  if (!t) throw new Error(`no sheet ${name}`);
  return t;
};
/** A row as header → value. */
const record = (t: ExportTable, i: number) => Object.fromEntries(t.headers.map((h, j) => [h, t.rows[i][j]]));
const column = (t: ExportTable, h: string) => t.rows.map((r) => r[t.headers.indexOf(h)]);

async function workbook(f: ParcelFilter, lang: 'zh' | 'en' = 'zh', settings = SETTINGS): Promise<ExportTable[]> {
  const tables = await readExportTables(db, f, AS_OF, lang);
  const bytes = await buildWorkbook(tables, {
    asOf: AS_OF, regionName: '山东省德州市', filter: f, settings, lang,
    generatedAt: '2021-06-02T10:00:00.000Z', parkNames: { K1: '经开区', K2: '高新区' }, dataNote: '示例数据',
  });
  // An .xlsx is a zip archive.
  expect(Array.from(bytes.slice(0, 2))).toEqual([0x50, 0x4b]);
  return readWorkbook(bytes);
}

describe('export workbook (written and read back with exceljs)', () => {
  let wb: ExportTable[];
  beforeAll(async () => {
    wb = await workbook(EMPTY_FILTER);
  });

  it('has the 说明 sheet first, then the five data sheets', () => {
    expect(wb.map((t) => t.name)).toEqual(['说明', '闲置土地', '退出条件', '低效用地', '亩均评价', '盘活跟踪']);
  });

  it('闲置土地: Chinese headers with units and the hand-computed rows, longest idle first', () => {
    const t = sheet(wb, SHEET_NAMES.idle);
    for (const h of ['宗地编号', '面积(亩)', '闲置天数(天)', '土地价款(万元)', '闲置费(万元)', '已开发面积占比(%)']) {
      expect(t.headers).toContain(h);
    }
    expect(column(t, '宗地编号')).toEqual(['P1', 'P4', 'P2']);
    expect(record(t, 0)).toMatchObject({
      宗地编号: 'P1', 县区: '宁津县', 园区: '经开区', 土地使用权人: '甲公司', 用地性质: '工业', 建设状态: '未动工',
      '面积(亩)': 45, 闲置类型: '未动工闲置', 起算日期: '2019-01-01', 认定闲置日期: '2020-01-01', 无偿收回期满日期: '2021-01-01',
      '闲置天数(天)': 882, 处置方式: '无偿收回',
      '土地价款(万元)': 800, '闲置费(万元)': null, 政府原因: '否',
    });
    expect(record(t, 2)).toMatchObject({
      宗地编号: 'P2', 闲置类型: '中止开发建设闲置', '闲置天数(天)': 457, 处置方式: '征缴土地闲置费', '闲置费(万元)': 200,
      '已开发面积占比(%)': 3.3, 停工日期: '2020-03-01', 起算日期: '2020-03-01', 认定闲置日期: '2021-03-01',
    });
  });

  it('退出条件 and 低效用地 spell out the codes', () => {
    const exit = sheet(wb, SHEET_NAMES.exit);
    expect(column(exit, '宗地编号')).toEqual(['P1', 'P4', 'P3']);
    expect(record(exit, 2)).toMatchObject({
      退出条件代码: 'E4;E5', 退出条件: 'E4 未达产；E5 不符合产业政策或环保标准', '达产率(%)': 50,
      '实际年产值(万元)': 500, 符合产业政策与环保标准: '否',
    });
    const low = sheet(wb, SHEET_NAMES.inefficient);
    expect(low.rows).toHaveLength(1);
    expect(record(low, 0)).toMatchObject({
      宗地编号: 'P3', 低效类型: 'L1 容积率偏低；L3 亩均税收偏低', 容积率: 0.33,
      '投资强度(万元/公顷)': 1500, '亩均税收(万元/亩)': 2.22, '年税收(万元)': 100,
    });
  });

  it('亩均评价: ranked, classed, with the unscored listed and why', () => {
    const t = sheet(wb, SHEET_NAMES.mujun);
    for (const h of ['用地面积(亩)', '亩均税收(万元/亩)', '全员劳动生产率(万元/人)', '单位能耗增加值(万元/吨标煤)', '研发经费投入强度(%)']) {
      expect(t.headers).toContain(h);
    }
    expect(record(t, 0)).toMatchObject({
      排名: 1, 评价类别: 'A', 综合得分: 1.3, 企业编号: 'E2', 企业名称: '丁公司', 园区: '高新区', 规上企业: '否',
      '用地面积(亩)': 45, '亩均税收(万元/亩)': 20, '研发经费投入强度(%)': 3, 缺失数据: null,
    });
    expect(record(t, 1)).toMatchObject({ 排名: 2, 评价类别: 'B', 企业编号: 'E1', 综合得分: 1 });
    expect(record(t, 2)).toMatchObject({ 排名: null, 评价类别: '未评级', 企业编号: 'E3', 缺失数据: '无关联宗地' });
  });

  it('盘活跟踪: latest stage per tracked parcel, newest first', () => {
    const t = sheet(wb, SHEET_NAMES.tracking);
    expect(t.rows).toHaveLength(2);
    expect(record(t, 0)).toMatchObject({
      宗地编号: 'P1', '面积(亩)': 45, 当前阶段: '已收回', 阶段日期: '2021-05-01', 经办人: '王五',
      备注: '已下达收回决定书', '跟踪记录(条)': 2, 处置方式: '无偿收回',
    });
    expect(record(t, 1)).toMatchObject({ 宗地编号: 'P4', 当前阶段: '已约谈', 县区: '乐陵市' });
  });

  it('说明: as-of date, region, filter and every setting with value, default and source', () => {
    const t = sheet(wb, SHEET_NAMES.notes);
    expect(t.headers).toEqual(['项目', '取值', '单位', '默认值', '来源或说明']);
    const row = (item: string) => t.rows.find((r) => r[0] === item);
    expect(row('评估基准日')?.[1]).toBe('2021-06-01');
    expect(row('地区')?.[1]).toBe('山东省德州市');
    expect(row('筛选条件')?.[1]).toBe('无（全部宗地）');
    expect(row('数据说明')?.[1]).toBe('示例数据');
    expect(row('闲置费费率')).toEqual(['闲置费费率', 0.2, '× 土地价款', 0.2, expect.stringContaining('第十四条')]);
    expect(row('亩均税收下限')?.slice(1, 4)).toEqual([8, '万元/亩', 5]);
    expect(row('A 类企业占比（优先支持）')?.slice(1, 4)).toEqual([25, '%', 25]);
    expect(row('亩均税收权重')?.[4]).toContain('权重由各地自定');
    // Every setting appears once.
    expect(t.rows.filter((r) => r[3] !== null && r[0] !== '设置项')).toHaveLength(Object.keys(DEFAULT_SETTINGS).length - 1);
  });
});

describe('export with a parcel filter', () => {
  it('keeps only matching parcels, enterprises holding them and their tracking; names the filter', async () => {
    const f = { ...EMPTY_FILTER, counties: ['乐陵市'] };
    const wb = await workbook(f);
    expect(column(sheet(wb, SHEET_NAMES.idle), '宗地编号')).toEqual(['P4']);
    expect(column(sheet(wb, SHEET_NAMES.exit), '宗地编号')).toEqual(['P4']);
    expect(sheet(wb, SHEET_NAMES.inefficient).rows).toEqual([]);
    // Classes stay region-wide: E2 is still A of 2.
    expect(sheet(wb, SHEET_NAMES.mujun).rows.map((r) => [r[0], r[1], r[3]])).toEqual([[1, 'A', 'E2']]);
    expect(column(sheet(wb, SHEET_NAMES.tracking), '宗地编号')).toEqual(['P4']);
    expect(sheet(wb, SHEET_NAMES.notes).rows.find((r) => r[0] === '筛选条件')?.[1]).toBe('县区：乐陵市');
  });

  it('describes filters in words', () => {
    expect(
      describeFilter({ ...EMPTY_FILTER, parkIds: ['K1'], statuses: ['producing'], disposals: ['fee'], supplyYears: [2019], quality: ['missing'] }, { K1: '经开区' }),
    ).toBe('园区：经开区（K1）；建设状态：已投产；处置方式：征缴土地闲置费；供地年份：2019年；数据质量：缺少规则所需数据');
  });

  it('the 说明 table opens with the as-of date and is built without a database', () => {
    const t = notesTable({ asOf: '2024-12-31', regionName: '韶关', filter: EMPTY_FILTER, settings: DEFAULT_SETTINGS, generatedAt: 'x' });
    expect(t.rows[0]).toEqual(['评估基准日', '2024-12-31', null, null, expect.any(String)]);
  });
});

describe('CSV export', () => {
  it('is UTF-8 with a BOM and the same headers and values as the sheet', async () => {
    const [idle] = await readExportTables(db, EMPTY_FILTER, AS_OF);
    const bytes = tableToCsvBytes(idle);
    expect(Array.from(bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    const text = tableToCsv(idle);
    expect(text.startsWith('\uFEFF宗地编号,县区,园区,')).toBe(true);
    const parsed = parseCsv(text);
    expect(parsed.header).toEqual(idle.headers);
    expect(parsed.records[0].cells.slice(0, 3)).toEqual(['P1', '宁津县', '经开区']);
    expect(parsed.records[2].cells[idle.headers.indexOf('闲置费(万元)')]).toBe('200');
  });
});

describe('export in English', () => {
  it('sheet names, headers, labels and the Notes sheet are English; values and ids are unchanged', async () => {
    const wb = await workbook({ ...EMPTY_FILTER, counties: ['乐陵市'] }, 'en');
    expect(wb.map((t) => t.name)).toEqual(['Notes', 'Idle land', 'Exit conditions', 'Inefficient land', 'Per-mu evaluation', 'Revitalisation tracking']);
    const idle = sheet(wb, 'Idle land');
    expect(record(idle, 0)).toMatchObject({
      'Parcel ID': 'P4', County: '乐陵市', Park: '高新区', 'Land use': 'Industrial', 'Clock start': '2020-01-01', 'Idle from': '2021-01-01',
      'Days idle': 517, 'Idle-land fee (10k CNY)': 100, 'Government delay': 'No',
    });
    // No Chinese outside the data's own names (county, park, holder).
    const chinese = /[\u4e00-\u9fff]/;
    for (const t of wb) for (const h of t.headers) expect(h).not.toMatch(chinese);
    expect(String(record(idle, 0)['Idle type'])).not.toMatch(chinese);
    const exit = sheet(wb, 'Exit conditions');
    expect(String(record(exit, 0)['Exit conditions'])).not.toMatch(chinese);
    const notes = sheet(wb, 'Notes');
    expect(notes.headers).toEqual(['Item', 'Value', 'Unit', 'Default', 'Source or note']);
    expect(notes.rows.find((r) => r[0] === 'Filter')?.[1]).toBe('County: 乐陵市');
    for (const r of notes.rows) for (const v of [r[0], r[2], r[4]]) if (typeof v === 'string') expect(v).not.toMatch(chinese);
  });
});

describe('说明 names settings that differ from the statute', () => {
  it('lists a changed statutory figure at the top as 非法定设置 and marks its row; other changes as 本地设置', async () => {
    const local = mergeSettings({ recoveryYears: 3, minTaxPerMu: 8 }).settings;
    const notes = sheet(await workbook(EMPTY_FILTER, 'zh', local), '说明');
    const i = notes.rows.findIndex((r) => r[0] === '非法定设置');
    expect(i).toBeGreaterThan(-1);
    expect(i).toBeLessThan(notes.rows.findIndex((r) => r[0] === '地区'));
    expect(notes.rows[i][1]).toBe('无偿收回年限 3 年（法定：2 年）');
    expect(notes.rows.find((r) => r[0] === '本地设置')?.[1]).toBe('亩均税收下限 8 万元/亩（默认：5 万元/亩）');
    const row = notes.rows.find((r) => r[0] === '无偿收回年限')!;
    expect(row.slice(1, 4)).toEqual([3, '年', 2]);
    expect(row[4]).toMatch(/^本地设置（非法定），法定值见：.*第十四条：未动工开发满两年的，无偿收回$/);
    // At the defaults there is no such row.
    const plain = sheet(await workbook(EMPTY_FILTER, 'zh', DEFAULT_SETTINGS), '说明');
    expect(plain.rows.some((r) => r[0] === '非法定设置' || r[0] === '本地设置')).toBe(false);
  });
});
