import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readBubiaoTxt } from '../../src/data/formats/bubiao-txt-reader.ts';
import type { RawTable } from '../../src/data/formats/raw-table.ts';
import { checkGeometry } from '../../src/data/formats/geometry-check.ts';
import { encodeGbk, encodeUtf8 } from '../helpers/shapefile-writer.ts';
import { featurePolygons } from '../helpers/raw-geometry.ts';

const sampleText = readFileSync(new URL('../fixtures/formats/bubiao-sample.txt', import.meta.url), 'utf8');
const col = (t: RawTable, header: string): unknown[] => t.columns[t.headers.indexOf(header)];
const HEAD = '[属性描述]\n坐标系=2000国家大地坐标系\n带号=39\n[地块坐标]\n';
const read = (body: string) => readBubiaoTxt(encodeUtf8(HEAD + body), 'jzd.txt');
const issue = (t: RawTable, code: string) => t.issues.find((i) => i.code === code);

describe('部标 界址点 TXT sample (UTF-8 and GBK)', () => {
  for (const [encoding, bytes] of [['UTF-8', encodeUtf8(sampleText)], ['GBK', encodeGbk(sampleText)]] as const) {
    it(`reads the parcels' header fields as columns from ${encoding}`, () => {
      const t = readBubiaoTxt(bytes, '宁津供地.txt');
      expect(t.encoding).toBe(encoding === 'GBK' ? 'gb18030' : 'utf-8');
      expect(t.headers).toEqual(['界址点数', '地块面积', '地块编号', '地块名称', '图形属性', '图幅号', '地块用途', '地类编码']);
      expect(col(t, '地块编号')).toEqual(['371422202304001', '371481202305002', '371423202306003']);
      expect(col(t, '地块名称')).toEqual(['宁津经济开发区2023-04号地块', '乐陵市化工产业园2023-05号地块', '庆云县经济开发区2023-06号地块']);
      expect(col(t, '地块面积')).toEqual(['2.7500', '6.0000', '2.0000']);
      expect(col(t, '地块用途')).toEqual(['工业用地', '工业用地', '仓储用地']);
      expect(Array.from(t.rowNumbers)).toEqual([13, 24, 29]);
    });
  }

  const t = readBubiaoTxt(encodeUtf8(sampleText), '宁津供地.txt');

  it('puts the [属性描述] entries, with 坐标系, 几度分带 and 带号, into crsHint.txt', () => {
    expect(t.crsHint?.txt).toMatchObject({ 坐标系: '2000国家大地坐标系', 几度分带: '3', 带号: '39', 计量单位: '米', 转换参数: ',,,,,,' });
  });

  it('swaps the surveyors\' X (northing) and Y (easting) into x = easting, y = northing', () => {
    const [first] = featurePolygons(t.geometry!, 0);
    expect(first[0][0]).toEqual([39482000, 4168000]);
    expect(first[0][1]).toEqual([39482000, 4168150]);
  });

  it('makes 圈号 2 inside the outer ring a hole, and outside it a second part', () => {
    const zd1 = featurePolygons(t.geometry!, 0);
    expect(zd1).toHaveLength(1);
    expect(zd1[0]).toHaveLength(2);
    expect(featurePolygons(t.geometry!, 2)).toHaveLength(2);
    expect(issue(t, 'bubiao.ring_as_part')?.row).toBe(35);
  });

  it('gives areas that agree with the declared 地块面积 in hectares', () => {
    const { areaM2, issues } = checkGeometry(t.geometry!, { file: t.file, geographic: false, rowNumbers: t.rowNumbers });
    expect(issues).toEqual([]);
    expect(Array.from(areaM2).map((a) => a / 10000)).toEqual(col(t, '地块面积').map(Number));
  });

  it('reports no problem other than the second part', () => {
    expect(t.issues.map((i) => i.code)).toEqual(['bubiao.ring_as_part']);
  });
});

describe('malformed 界址点 TXT, each reported with its line number', () => {
  const square = 'J1,1,0,0\nJ2,1,10,0\nJ3,1,10,10\nJ4,1,0,10\nJ1,1,0,0\n';

  it('a point line with the wrong number of fields', () => {
    const t = read(`5,1,ZD1,甲,面,,工业用地,0601,@\nJ1,1,0,0\nJ2,1,10\nJ3,1,10,10\nJ4,1,0,10\nJ1,1,0,0\n`);
    const i = issue(t, 'bubiao.bad_point')!;
    expect([i.row, i.level]).toEqual([7, 'error']);
    expect(i.messageZh).toContain('ZD1');
    expect(issue(t, 'bubiao.point_count')?.row).toBe(5);
  });

  it('a coordinate that is not a number names X or Y', () => {
    const t = read(`5,1,ZD1,甲,面,,工业用地,0601,@\nJ1,1,0,0\nJ2,1,4168O00.5,0\nJ3,1,10,10\nJ4,1,0,10\nJ1,1,0,0\n`);
    const i = issue(t, 'bubiao.bad_point')!;
    expect([i.row, i.field]).toEqual([7, 'X']);
    expect(i.messageZh).toContain('4168O00.5');
  });

  it('a point before any parcel header', () => {
    expect(issue(read(`J1,1,0,0\n5,1,ZD1,甲,面,,工业用地,0601,@\n${square}`), 'bubiao.point_without_parcel')?.row).toBe(5);
  });

  it('a header with missing fields, read as far as it goes', () => {
    const t = read(`5,1,ZD1,@\n${square}`);
    expect(issue(t, 'bubiao.header_fields')?.row).toBe(5);
    expect(col(t, '地块编号')).toEqual(['ZD1']);
    expect(col(t, '地块名称')).toEqual([null]);
  });

  it('a ring that never returns to its first point is closed with a warning', () => {
    const t = read(`4,1,ZD1,甲,面,,工业用地,0601,@\nJ1,1,0,0\nJ2,1,10,0\nJ3,1,10,10\nJ4,1,0,10\n`);
    expect(issue(t, 'bubiao.ring_not_closed')?.level).toBe('warning');
    const ring = featurePolygons(t.geometry!, 0)[0][0];
    expect(ring).toHaveLength(5);
    expect(ring[4]).toEqual(ring[0]);
  });

  it('a line or point parcel (图形属性 not 面) keeps its row but not its shape', () => {
    const t = read(`3,1,ZD1,甲,线,,工业用地,0601,@\nJ1,1,0,0\nJ2,1,10,0\nJ3,1,10,10\n`);
    expect(t.issues.map((i) => i.code)).toEqual(['bubiao.not_polygon']);
    expect(issue(t, 'bubiao.not_polygon')?.field).toBe('图形属性');
    expect(featurePolygons(t.geometry!, 0)).toEqual([]);
    expect(t.rowNumbers.length).toBe(1);
  });

  it('a parcel without any valid point', () => {
    expect(issue(read('5,1,ZD1,甲,面,,工业用地,0601,@\nJ1,1,x,y\n'), 'bubiao.no_points')?.row).toBe(5);
  });

  it('holes only (no 圈号 1) take the first ring as outer ring', () => {
    const t = read(`5,1,ZD1,甲,面,,工业用地,0601,@\n${square.replace(/,1,/g, ',2,')}`);
    expect(issue(t, 'bubiao.no_outer_ring')?.row).toBe(5);
    expect(featurePolygons(t.geometry!, 0)).toHaveLength(1);
  });

  it('a file without [地块坐标] or [属性描述], and lines outside any section', () => {
    const t = readBubiaoTxt(encodeUtf8('宗地编号,面积\nZD1,100\n'), 'x.txt');
    expect(t.issues.map((i) => i.code)).toEqual(['bubiao.stray_line', 'bubiao.stray_line', 'bubiao.no_attributes', 'bubiao.no_parcels']);
    expect(t.issues[0].row).toBe(1);
    expect(t.crsHint).toBeUndefined();
  });

  it('an unknown section and an attribute line without "="', () => {
    const t = readBubiaoTxt(encodeUtf8(`[属性描述]\n坐标系\n[其他]\nabc\n[地块坐标]\n5,1,ZD1,甲,面,,工业用地,0601,@\n${square}`), 'y.txt');
    expect(t.issues.map((i) => [i.code, i.row])).toEqual([['bubiao.bad_attribute', 2], ['bubiao.unknown_section', 3]]);
  });
});
