// Funnels per county and per promotion group on a tiny pipeline with obvious answers, and the
// pipeline workbook read back (referral columns, 说明 sheet, formula-looking text kept as text).

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { EMPTY_PROJECT, type Project } from '../../src/analysis/projects';
import { countyFunnel, groupFunnel } from '../../src/analysis/pipeline-funnel';
import { pipelineTables } from '../../src/analysis/pipeline-export';
import { buildTablesWorkbook, readWorkbook } from '../../src/export/xlsx';

const P = (id: string, county: string, stage: Project['stage'], wan: number, extra: Partial<Project> = {}): Project => ({ ...EMPTY_PROJECT, project_id: id, name: id, county, stage, investment_wan: wan, ...extra });
const NLQ = { group_id: 'NLQ', name: '宁乐庆组团', counties: ['宁津县', '乐陵市', '庆云县'] };

const LIST: Project[] = [
  P('A', '宁津县', 'negotiating', 100),
  P('B', '宁津县', 'started', 200),
  // Referred 宁津 → 乐陵 with 30 %: counted in 乐陵 only.
  P('C', '乐陵市', 'signed', 1000, { referred_from: '宁津县', referred_to: '乐陵市', share_out_pct: 30 }),
  P('D', '乐陵市', 'producing', 50),
  // Referred out of the group: 庆云 → 德城区.
  P('E', '德城区', 'negotiating', 10, { referred_from: '庆云县', referred_to: '德城区', share_out_pct: 20 }),
];

const reached = (f: ReturnType<typeof countyFunnel>) => f.stages.map((s) => s.reached);

describe('pipeline funnel', () => {
  it('counts a referred project in the receiving county, as inflow', () => {
    const f = countyFunnel(LIST, '乐陵市');
    expect(f.total).toBe(2);
    expect(reached(f)).toEqual([2, 2, 1, 1, 1]);
    expect(f.stages.map((s) => s.current)).toEqual([0, 1, 0, 0, 1]);
    expect(f.totalWan).toBe(1050);
    expect(f.stages[1].reachedWan).toBe(1050);
    expect(f.inflow.map((x) => [x.project_id, x.from, x.share_out_pct])).toEqual([['C', '宁津县', 30]]);
    expect(f.outflow).toEqual([]);
  });

  it('lists it in the referring county as outflow with its share, without counting it', () => {
    const f = countyFunnel(LIST, '宁津县');
    expect(f.total).toBe(2);
    expect(reached(f)).toEqual([2, 1, 1, 1, 0]);
    expect(f.outflow.map((x) => [x.project_id, x.to, x.share_out_pct])).toEqual([['C', '乐陵市', 30]]);
    expect(f.inflow).toEqual([]);
  });

  it('counts each project of a group once, and lists referrals leaving the group', () => {
    const f = groupFunnel(LIST, NLQ);
    expect(f.total).toBe(4);
    expect(f.stages[0].reached).toBe(4);
    expect(f.inflow.map((x) => x.project_id)).toEqual(['C']);
    expect(f.outflow.map((x) => [x.project_id, x.to])).toEqual([['E', '德城区']]);
  });

  it('writes the workbook with the referral columns and formula-looking names as text', async () => {
    const list = [...LIST, P('F', '庆云县', 'negotiating', 5, { name: '=HYPERLINK("http://x","y")' })];
    const tables = pipelineTables(list, ['宁津县', '乐陵市', '庆云县', '德城区'], [NLQ], { regionName: '山东省德州市', date: '2026-03-31', lang: 'zh', edited: true, dataNote: '示例数据' });
    const bytes = await buildTablesWorkbook(tables, '招商项目库');
    const back = await readWorkbook(bytes);
    expect(back.map((t) => t.name)).toEqual(['说明', '招商项目', '项目漏斗']);
    const projects = back[1];
    const col = (h: string) => projects.headers.indexOf(h);
    const c = projects.rows.find((r) => r[0] === 'C')!;
    expect([c[col('流出县区')], c[col('流入县区')], c[col('流出地分成比例(%)')], c[col('责任县区')]]).toEqual(['宁津县', '乐陵市', 30, '乐陵市']);
    const funnel = back[2];
    const row = (scope: string) => funnel.rows.find((r) => r[0] === scope)!;
    expect(row('乐陵市').slice(2, 4)).toEqual([2, 1050]);
    expect(row('宁津县')[funnel.headers.indexOf('流出明细')]).toBe('C→乐陵市（分成30%）');
    expect(row('宁乐庆组团')[2]).toBe(5);
    // The name stays text: no formula cell anywhere.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const cell = wb.getWorksheet('招商项目')!.getCell(`B${projects.rows.findIndex((r) => r[0] === 'F') + 2}`);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe('=HYPERLINK("http://x","y")');
    expect(back[0].rows.some((r) => r[1] === '示例数据')).toBe(true);
  });
});
