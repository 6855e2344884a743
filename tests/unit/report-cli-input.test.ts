// The report on planners' own files through the import pipeline: a registry Shapefile joined to
// an Excel ledger, saved and proposed mappings, coordinate systems given or left to detection,
// --skip-invalid with its problems list, and the findings as GeoJSON for QGIS.

import { existsSync, readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data/csv';
import { parcelsCsv } from './helpers/parcels';
import { report, tempFiles } from './helpers/report-run';

const files = tempFiles('parkatlas-report-input-');
const { temp } = files;
afterAll(files.done);

const SHP = 'tests/fixtures/formats/parcels-cgcs2000-gk39-gbk.zip';
// Reference: `echo "4168000 39482000" | cs2cs -f %.9f EPSG:4527 EPSG:4490` (PROJ 9.1.1)
// → 37.643963619 116.796046582: the south-west corner of ZD001 (tests/unit/ingest-pipeline.test.ts).
const ZD001_SW = [116.796046582, 37.643963619];

function metres(a: number[], b: number[]): number {
  return Math.hypot((a[0] - b[0]) * 111320 * Math.cos((b[1] * Math.PI) / 180), (a[1] - b[1]) * 110540);
}

/** A ledger as counties keep it: a title row above Chinese headers, Excel dates. */
async function ledgerXlsx(rows: [string, string, Date, string, number][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('批后监管台账');
  ws.addRow(['宁津县批后监管台账（2026年）']);
  ws.addRow(['电子监管号', '土地使用权人', '约定动工日期', '项目状态', '用地面积（亩）']);
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the report on planners’ own files', { timeout: 120_000 }, () => {
  it('joins a Shapefile to an Excel ledger, lists parcels found on one side only, and writes GeoJSON with holes', async () => {
    const ledger = temp('台账.xlsx', await ledgerXlsx([
      ['ZD001', '甲公司', new Date(Date.UTC(2019, 0, 1)), '未动工', 41.25],
      ['ZD002', '乙公司', new Date(Date.UTC(2020, 0, 1)), '已投产', 30],
      ['ZD009', '丙公司', new Date(Date.UTC(2020, 0, 1)), '已投产', 10],
    ]));
    const out = temp('joined.csv');
    const geojson = temp('joined.geojson');
    const r = await report(['--parcels', SHP, '--parcels', ledger, '--as-of', '2021-06-01', '--out', out, '--geojson', geojson]);
    expect(r.stderr).toMatch(/台账.*第 5 行.*“ZD009” 在图形文件中没有对应图形/); // in the ledger, no shape
    expect(r.stderr).toMatch(/第 3 个要素.*“ZD003” 在台账中没有对应记录/); // a shape, not in the ledger
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/EPSG:4527/);
    expect(r.stdout).toContain('parcel_id ← 电子监管号');
    const csv = parseCsv(readFileSync(out, 'utf8')).records.map((x) => x.cells);
    expect(csv.map((c) => c[0])).toEqual(['ZD001', 'ZD002', 'ZD009']);
    // ZD001: agreed start 2019-01-01, not started, 882 days at 2021-06-01.
    expect(csv[0].slice(1, 3)).toEqual(['not_started', '882']);

    const doc = JSON.parse(readFileSync(geojson, 'utf8'));
    expect(doc.features.map((f: { properties: { parcel_id: string } }) => f.properties.parcel_id)).toEqual(['ZD001', 'ZD002', 'ZD009']);
    expect(doc.features[0].properties).toMatchObject({ idle_type: 'not_started', idle_days: 882 });
    const zd001 = doc.features[0].geometry;
    expect(zd001.type).toBe('Polygon');
    expect(zd001.coordinates).toHaveLength(2); // shell and the square hole
    expect(Math.min(...zd001.coordinates[0].map((p: number[]) => metres(p, ZD001_SW)))).toBeLessThan(1);
    expect(doc.features[1].geometry.type).toBe('MultiPolygon');
    expect(doc.features[2].geometry).toBeNull(); // ZD009 has no shape
  });

  it('prints the proposed mapping, saves it, and reads it back with --mapping', async () => {
    const input = temp('three.csv', parcelsCsv([{ agreed_start_date: '2019-01-01', status: 'not_started' }]));
    const saved = temp('mapping.json');
    const first = await report(['--parcels', input, '--as-of', '2021-06-01', '--out', temp('m1.csv'), '--save-mapping', saved]);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain('agreed_start_date ← agreed_start_date');
    expect(first.stdout).toContain('area_m2 ← area_m2（m2）');
    const mapping = JSON.parse(readFileSync(saved, 'utf8'));
    expect(mapping.fields.parcel_id.header).toBe('parcel_id');

    // A saved mapping can send a differently named column to a field.
    const renamed = readFileSync(input, 'utf8').replace('agreed_start_date', '约定开工');
    mapping.fields.agreed_start_date.header = '约定开工';
    const edited = temp('mapping-edited.json', JSON.stringify(mapping));
    const out = temp('m2.csv');
    const second = await report(['--parcels', temp('renamed.csv', renamed), '--as-of', '2021-06-01', '--out', out, '--mapping', edited]);
    expect(second.stderr).toBe('');
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(`按映射文件 ${edited} 读取`);
    expect(readFileSync(out, 'utf8').split('\n')[1]).toBe('P1,not_started,882,recovery,E1,');
  });

  it('refuses a saved mapping that is invalid (exit 2) or needs a column the file lacks (exit 1)', async () => {
    const input = temp('one.csv', parcelsCsv([{}]));
    const out = temp('bad-mapping-out.csv');
    const future = temp('future.json', JSON.stringify({ version: 9, table: 'parcels', fields: {}, geometry: { kind: 'none' } }));
    const r1 = await report(['--parcels', input, '--out', out, '--mapping', future]);
    expect(r1.code).toBe(2);
    expect(r1.stderr).toContain(future);
    expect(r1.stderr).toContain('版本 9');
    const lacking = temp('lacking.json', JSON.stringify({ version: 1, table: 'parcels', fields: { parcel_id: { header: '宗地编号', unit: null } }, geometry: { kind: 'none' } }));
    const r2 = await report(['--parcels', input, '--out', out, '--mapping', lacking]);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/文件 .*one\.csv 中没有：宗地编号/);
    expect(existsSync(out)).toBe(false);
  });

  it('stops on projected coordinates without a zone (exit 2, candidates listed) and converts with --crs EPSG and --swap-axes', async () => {
    // CGCS2000 3° CM 117°E without prefix: easting 482 000, northing 4 168 000 (as ZD001's corner).
    const csv = 'parcel_id,area_m2,x,y\nP1,1000,482000,4168000\nP2,1000,482100,4168100\n';
    const swapped = 'parcel_id,area_m2,x,y\nP1,1000,4168000,482000\nP2,1000,4168100,482100\n';
    const out = temp('xy.csv');
    const ask = await report(['--parcels', temp('xy-in.csv', csv), '--out', out]);
    expect(ask.code).toBe(2);
    expect(ask.stderr).toContain('--crs');
    expect(ask.stderr).toContain('EPSG:4534–4554');
    expect(existsSync(out)).toBe(false);

    for (const [input, extra] of [[csv, []], [swapped, ['--swap-axes']]] as const) {
      const geojson = temp('xy.geojson');
      const r = await report(['--parcels', temp('xy-in.csv', input), '--out', temp('xy-ok.csv'), '--geojson', geojson, '--crs', 'EPSG:4548', ...extra]);
      expect(r.code, extra.join()).toBe(0);
      const p1 = JSON.parse(readFileSync(geojson, 'utf8')).features[0].geometry;
      expect(p1.type).toBe('Point');
      expect(metres(p1.coordinates, ZD001_SW)).toBeLessThan(1);
      expect(r.stdout).not.toContain('偏差数十米');
    }
    // The same numbers read as Xi'an 1980 (EPSG:2384 = Xian 1980 / 3-degree Gauss-Kruger CM 117E): warned, not refused.
    const xian = await report(['--parcels', temp('xy-in.csv', csv), '--out', temp('xy-xian.csv'), '--crs', 'EPSG:2384']);
    expect(xian.code).toBe(0);
    expect(xian.stdout).toMatch(/1980西安坐标系.*偏差数十米/);
  });

  it('asks which of WGS84, GCJ-02 and BD-09 lon/lat columns are, unless a name or --crs says so', async () => {
    const csv = 'parcel_id,area_m2,经度,纬度\nP1,1000,116.5,37.5\n';
    const ask = await report(['--parcels', temp('lonlat.csv', csv), '--out', temp('ll.csv')]);
    expect(ask.code).toBe(2);
    for (const flag of ['--crs wgs84', '--crs gcj02', '--crs bd09']) expect(ask.stderr).toContain(flag);

    const point = async (name: string, extra: string[]) => {
      const geojson = temp('ll.geojson');
      const r = await report(['--parcels', temp(name, csv), '--out', temp('ll.csv'), '--geojson', geojson, ...extra]);
      expect(r.code, name).toBe(0);
      return { stdout: r.stdout, at: JSON.parse(readFileSync(geojson, 'utf8')).features[0].geometry.coordinates as number[] };
    };
    const wgs = await point('lonlat.csv', ['--crs', 'wgs84']);
    expect(wgs.at).toEqual([116.5, 37.5]);
    // A file named after Amap: read as GCJ-02 and moved back by the offset (hundreds of metres).
    const amap = await point('高德坐标.csv', []);
    expect(amap.stdout).toContain('GCJ-02');
    const moved = metres(amap.at, [116.5, 37.5]);
    expect(moved).toBeGreaterThan(100);
    expect(moved).toBeLessThan(1000);
  });

  it('--skip-invalid imports the valid rows and writes the problem list beside the output; without it nothing is written', async () => {
    const input = temp('mixed.csv', parcelsCsv([{ agreed_start_date: '2019-01-01', status: 'not_started' }, { agreed_start_date: '2021-13-01' }, {}]));
    const out = temp('mixed-out.csv');
    const refused = await report(['--parcels', input, '--as-of', '2021-06-01', '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/第 3 行，字段 agreed_start_date/);
    expect(existsSync(out)).toBe(false);

    const r = await report(['--parcels', input, '--as-of', '2021-06-01', '--out', out, '--skip-invalid']);
    expect(r.code).toBe(0);
    expect(readFileSync(out, 'utf8').split('\n').slice(1, -1).map((l) => l.split(',')[0])).toEqual(['P1', 'P3']);
    const problems = out.replace(/\.csv$/, '.problems.csv');
    expect(r.stdout).toContain(problems);
    const table = parseCsv(readFileSync(problems, 'utf8'));
    expect(table.header).toEqual(['file', 'sheet', 'row', 'field', 'code', 'message']);
    const dateRow = table.records.find((x) => x.cells[3] === 'agreed_start_date')!;
    expect(dateRow.cells.slice(0, 4)).toEqual([input, '', '3', 'agreed_start_date']);
    expect(dateRow.cells[5]).toContain('2021-13-01');

    // A parcel with neither area nor shape is refused by the last check: left out the same way.
    const noArea = temp('no-area.csv', parcelsCsv([{}, { area_m2: null }, {}]));
    const out2 = temp('no-area-out.csv');
    const r2 = await report(['--parcels', noArea, '--as-of', '2021-06-01', '--out', out2, '--skip-invalid']);
    expect(r2.code).toBe(0);
    expect(readFileSync(out2, 'utf8').split('\n').slice(1, -1).map((l) => l.split(',')[0])).toEqual(['P1', 'P3']);
    expect(r2.stdout).toContain('已跳过 1 行');
    const p2 = parseCsv(readFileSync(out2.replace(/\.csv$/, '.problems.csv'), 'utf8')).records;
    expect(p2.map((x) => [x.cells[2], x.cells[3], x.cells[4]])).toContainEqual(['3', 'area_m2', 'parcel.no_area']);
  });
});
