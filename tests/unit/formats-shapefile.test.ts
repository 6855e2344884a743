import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openShapefileFiles, openShapefileZip, readShapefileZip } from '../../src/data/formats/shapefile-reader.ts';
import type { RawTable } from '../../src/data/formats/raw-table.ts';
import {
  CGCS2000_GK39_PRJ,
  encodeGbk,
  encodeUtf8,
  squareCcw,
  squareCw,
  writeDbf,
  writeShp,
  zipMembers,
  type DbfFieldSpec,
  type ShapeSpec,
} from '../helpers/shapefile-writer.ts';
import { featureCount, featurePolygons } from '../helpers/raw-geometry.ts';

const fixture = (name: string): Uint8Array => new Uint8Array(readFileSync(new URL(`../fixtures/formats/${name}`, import.meta.url)));
const col = (t: RawTable, header: string): unknown[] => t.columns[t.headers.indexOf(header)];
const codes = (t: RawTable): string[] => t.issues.map((i) => i.code);

const ID: DbfFieldSpec[] = [{ name: '宗地编号', type: 'C', length: 20 }];

function layerZip(shapes: ShapeSpec[], rows: (string | number | null)[][], fields = ID, extra: Record<string, Uint8Array | string> = {}): Uint8Array {
  const { shp, shx } = writeShp(shapes);
  return zipMembers({ 'zd.shp': shp, 'zd.shx': shx, 'zd.dbf': writeDbf(fields, rows), 'zd.prj': CGCS2000_GK39_PRJ, ...extra });
}

describe('Shapefile zip made by GDAL (ogr2ogr, GBK DBF, CGCS2000 GK zone 39)', () => {
  const t = readShapefileZip(fixture('parcels-cgcs2000-gk39-gbk.zip'), 'parcels.zip');

  it('reads the Chinese field names and values from the GBK DBF in the sub-folder', () => {
    expect(t.file).toBe('parcels.zip/宗地数据/宗地');
    expect(t.headers).toEqual(['宗地编号', '宗地名称', '用地面积', '供地日期', '容积率']);
    expect(col(t, '宗地编号')).toEqual(['ZD001', 'ZD002', 'ZD003']);
    expect(col(t, '宗地名称')).toEqual(['宁津经开区A地块', '乐陵化工园区B地块', '庆云C地块']);
    expect(col(t, '用地面积')).toEqual([27500, 20000, 60000]);
    expect(col(t, '供地日期')).toEqual(['2021-05-01', '2022-11-30', null]);
    expect(col(t, '容积率')).toEqual([1.2, 0.8, null]);
    expect(Array.from(t.rowNumbers)).toEqual([1, 2, 3]);
    expect(t.encoding).toBe('gb18030');
    expect(t.issues.filter((i) => i.level === 'error')).toEqual([]);
  });

  it('keeps the polygon with its hole, the multipolygon and the .prj text as GDAL reports them', () => {
    const g = t.geometry!;
    expect(featureCount(g)).toBe(3);
    const [zd1] = featurePolygons(g, 0);
    expect(zd1).toHaveLength(2);
    expect(zd1[0]).toEqual([[39482000, 4168000], [39482000, 4168150], [39482200, 4168150], [39482200, 4168000], [39482000, 4168000]]);
    expect(zd1[1][0]).toEqual([39482050, 4168050]);
    expect(featurePolygons(g, 1)).toHaveLength(2);
    expect(featurePolygons(g, 2)[0][0]).toHaveLength(4);
    expect(t.crsHint?.prj).toContain('CGCS2000_3_Degree_GK_Zone_39');
  });

  it('without the .cpg decodes the DBF as GBK and says so', () => {
    const t2 = readShapefileZip(fixture('parcels-gbk-no-cpg.zip'), 'no-cpg.zip');
    expect(col(t2, '宗地名称')).toEqual(['宁津经开区A地块', '乐陵化工园区B地块', '庆云C地块']);
    expect(t2.issues.find((i) => i.code === 'dbf.encoding_guessed')?.messageZh).toContain('GBK');
  });
});

describe('DBF text encoding', () => {
  const fields: DbfFieldSpec[] = [{ name: 'NAME', type: 'C', length: 30 }];
  const zipWith = (dbf: Uint8Array, extra: Record<string, string> = {}) => {
    const { shp, shx } = writeShp([[squareCw(0, 0, 10)]]);
    return zipMembers({ 'a.shp': shp, 'a.shx': shx, 'a.dbf': dbf, 'a.prj': CGCS2000_GK39_PRJ, ...extra });
  };

  it('detects UTF-8 text when there is no .cpg and the language driver names no code page', () => {
    const t = readShapefileZip(zipWith(writeDbf(fields, [['宁津县开发区']], { encode: encodeUtf8, ldid: 0x57 })), 'u.zip');
    expect(t.columns[0]).toEqual(['宁津县开发区']);
    expect(t.encoding).toBe('utf-8');
  });

  it('detects UTF-8 also when a field is wider than 127 bytes (a binary length byte in the header)', () => {
    const wide: DbfFieldSpec[] = [{ name: 'NAME', type: 'C', length: 200 }];
    const t = readShapefileZip(zipWith(writeDbf(wide, [['始兴县城南产业园']], { encode: encodeUtf8, ldid: 0 })), 'w.zip');
    expect(t.columns[0]).toEqual(['始兴县城南产业园']);
  });

  it('follows a .cpg that says UTF-8 even when the language driver says GBK', () => {
    const t = readShapefileZip(zipWith(writeDbf(fields, [['乐陵市']], { encode: encodeUtf8, ldid: 0x4d }), { 'a.cpg': 'UTF-8' }), 'u.zip');
    expect(t.columns[0]).toEqual(['乐陵市']);
  });

  it('decodes Latin-1 per the language driver and warns instead of silently reading it as GBK', () => {
    const latin1 = (s: string) => Uint8Array.from([...s].map((c) => c.charCodeAt(0)));
    const t = readShapefileZip(zipWith(writeDbf(fields, [['Café Müller']], { encode: latin1, ldid: 0x03 })), 'l.zip');
    expect(t.columns[0]).toEqual(['Café Müller']);
    expect(t.issues.find((i) => i.code === 'dbf.encoding_guessed')?.messageZh).toContain('GBK');
  });

  it('lets the caller override the encoding', () => {
    const t = readShapefileZip(zipWith(writeDbf(fields, [['庆云县']], { encode: encodeGbk, ldid: 0x03 })), 'o.zip', { encoding: 'GBK' });
    expect(t.columns[0]).toEqual(['庆云县']);
  });

  it('flags bytes that are not valid in the chosen encoding, naming feature and field', () => {
    const bad = writeDbf(fields, [['ok'], ['x']], { encode: encodeUtf8 });
    const rec2 = 32 + 32 + 1 + 31 + 1; // header + one field + terminator + first record + deletion flag
    bad.set([0xff, 0xff], rec2);
    const t = readShapefileZip(zipWith(bad, { 'a.cpg': 'UTF-8' }), 'b.zip');
    const i = t.issues.find((x) => x.code === 'dbf.undecodable')!;
    expect([i.row, i.field]).toEqual([2, 'NAME']);
  });
});

describe('DBF field types', () => {
  const fields: DbfFieldSpec[] = [
    { name: '宗地编号', type: 'C', length: 10 },
    { name: '用地面积', type: 'N', length: 12, decimals: 2 },
    { name: '容积率', type: 'F', length: 8, decimals: 2 },
    { name: '供地日期', type: 'D', length: 8 },
    { name: '已开工', type: 'L', length: 1 },
    { name: '备注', type: 'M', length: 10 },
  ];
  const rows = [
    ['ZD1', 1234.5, 1.5, '20230501', 'T', null],
    ['ZD2', null, '***', '', 'n', null],
    ['ZD3', '12a', 2, '20230230', '?', null],
  ];
  const t = readShapefileZip(layerZip([[squareCw(0, 0, 1)], [squareCw(2, 0, 1)], [squareCw(4, 0, 1)]], rows, fields), 'f.zip');

  it('types C, N, F, D and L into text, numbers, ISO dates and true/false', () => {
    expect(col(t, '宗地编号')).toEqual(['ZD1', 'ZD2', 'ZD3']);
    expect(col(t, '用地面积')).toEqual([1234.5, null, null]);
    expect(col(t, '容积率')).toEqual([1.5, null, 2]);
    expect(col(t, '供地日期')).toEqual(['2023-05-01', null, null]);
    expect(col(t, '已开工')).toEqual(['true', 'false', null]);
  });

  it('reports a bad number, an impossible date and an unreadable field type by feature and field', () => {
    const num = t.issues.find((i) => i.code === 'dbf.bad_number')!;
    expect([num.row, num.field, num.level]).toEqual([3, '用地面积', 'error']);
    expect(num.messageZh).toContain('12a');
    const date = t.issues.find((i) => i.code === 'dbf.bad_date')!;
    expect([date.row, date.field]).toEqual([3, '供地日期']);
    expect(date.messageZh).toContain('20230230');
    expect(t.issues.find((i) => i.code === 'dbf.unsupported_type')?.field).toBe('备注');
  });

  it('removes a NUL inside a text value with a warning, and keeps a line feed inside a value', () => {
    const t = readShapefileZip(layerZip([[squareCw(0, 0, 1)], [squareCw(2, 0, 1)]], [['ZD\u00001'], ['第一行\n第二行']]), 'z.zip');
    expect(col(t, '宗地编号')).toEqual(['ZD1', '第一行\n第二行']);
    const i = t.issues.find((x) => x.code === 'dbf.nul_in_text')!;
    expect([i.row, i.field]).toEqual([1, '宗地编号']);
  });

  it('suffixes a duplicated field name and reports it', () => {
    const dup = readShapefileZip(
      layerZip([[squareCw(0, 0, 1)]], [['a', 'b']], [{ name: 'ID', type: 'C', length: 4 }, { name: 'ID', type: 'C', length: 4 }]),
      'd.zip',
    );
    expect(dup.headers).toEqual(['ID', 'ID_2']);
    expect(dup.columns).toEqual([['a'], ['b']]);
    expect(dup.issues.find((i) => i.code === 'dbf.duplicate_field')?.level).toBe('error');
  });
});

describe('rings into polygons by winding order', () => {
  it('assigns each counter-clockwise hole to the clockwise shell around it, whatever the file order', () => {
    const shapes: ShapeSpec[] = [[squareCw(0, 0, 10), squareCw(100, 0, 10), squareCcw(102, 2, 2), squareCcw(2, 2, 3)]];
    const polys = featurePolygons(readShapefileZip(layerZip(shapes, [['A']]), 'w.zip').geometry!, 0);
    expect(polys).toHaveLength(2);
    expect(polys[0].map((r) => r[0])).toEqual([[0, 0], [2, 2]]);
    expect(polys[1].map((r) => r[0])).toEqual([[100, 0], [102, 2]]);
  });

  it('reads a feature whose rings are all counter-clockwise as shells, with a warning', () => {
    const t = readShapefileZip(layerZip([[squareCcw(0, 0, 10), squareCcw(20, 0, 10)]], [['A']]), 'w.zip');
    expect(featurePolygons(t.geometry!, 0)).toHaveLength(2);
    expect(t.issues.find((i) => i.code === 'shp.winding_reversed')?.row).toBe(1);
  });

  it('keeps a hole outside every shell as its own polygon, with a warning', () => {
    const t = readShapefileZip(layerZip([[squareCw(0, 0, 10), squareCcw(50, 50, 5)]], [['A']]), 'w.zip');
    expect(featurePolygons(t.geometry!, 0)).toHaveLength(2);
    expect(t.issues.find((i) => i.code === 'shp.orphan_hole')?.row).toBe(1);
  });

  it('reads a 150k-vertex parcel with a hole straight into the typed arrays', () => {
    const shell: [number, number][] = [];
    for (let i = 0; i <= 150_000; i++) {
      const a = (-2 * Math.PI * i) / 150_000; // clockwise
      shell.push([39482000 + 500 * Math.cos(a), 4168000 + 500 * Math.sin(a)]);
    }
    shell[150_000] = shell[0];
    const t = readShapefileZip(layerZip([[shell, squareCcw(39482000, 4168000, 10)]], [['BIG']]), 'big.zip');
    expect(t.issues).toEqual([]);
    const [poly] = featurePolygons(t.geometry!, 0);
    expect(poly.map((r) => r.length)).toEqual([150_001, 5]);
    expect(poly[0][1]).toEqual(shell[1]);
  });

  it('reads PolygonZ and PolygonM records like polygons', () => {
    const withZ: ShapeSpec[] = [{ type: 15, rings: [squareCw(0, 0, 4)] }, { type: 25, rings: [squareCw(9, 0, 4)] }];
    const t = readShapefileZip(layerZip(withZ, [['A'], ['B']]), 'z.zip');
    expect(featurePolygons(t.geometry!, 1)[0][0][0]).toEqual([9, 0]);
    expect(t.issues).toEqual([]);
  });
});

describe('bad Shapefile input', () => {
  it('reports a null shape by feature number and leaves that feature without geometry', () => {
    const t = readShapefileZip(layerZip([[squareCw(0, 0, 1)], null, [squareCw(5, 0, 1)]], [['A'], ['B'], ['C']]), 'n.zip');
    const i = t.issues.find((x) => x.code === 'shp.null_shape')!;
    expect(i.row).toBe(2);
    expect(i.file).toBe('n.zip/zd.shp');
    expect(featurePolygons(t.geometry!, 1)).toEqual([]);
    expect(featurePolygons(t.geometry!, 2)[0][0][0]).toEqual([5, 0]);
  });

  it('skips the shape of a record with a NaN coordinate and names the point', () => {
    const t = readShapefileZip(layerZip([[squareCw(0, 0, 1)], [[[0, 0], [0, NaN], [1, 1], [1, 0], [0, 0]]]], [['A'], ['B']]), 'nan.zip');
    const i = t.issues.find((x) => x.code === 'shp.bad_record')!;
    expect(i.row).toBe(2);
    expect(i.messageZh).toContain('第 2 个点');
    expect(featurePolygons(t.geometry!, 1)).toEqual([]);
  });

  it('refuses a point layer and names its type', () => {
    const { shp, shx } = writeShp([{ type: 1, rings: [[[1, 2]]] }], 1);
    const t = readShapefileZip(zipMembers({ 'p.shp': shp, 'p.shx': shx, 'p.dbf': writeDbf(ID, [['A']]) }), 'p.zip');
    const i = t.issues.find((x) => x.code === 'shp.not_polygon')!;
    expect(i.level).toBe('error');
    expect(i.messageEn).toContain('Point');
    expect(t.geometry).toBeUndefined();
  });

  it('reports a line record inside a polygon layer by feature number', () => {
    const t = readShapefileZip(layerZip([[squareCw(0, 0, 1)], { type: 3, rings: [[[0, 0], [1, 1]]] }], [['A'], ['B']]), 'l.zip');
    expect(t.issues.find((x) => x.code === 'shp.not_polygon')?.row).toBe(2);
    expect(featurePolygons(t.geometry!, 1)).toEqual([]);
  });

  it('names the feature where a truncated .shp ends and the resulting count mismatch', () => {
    const { shp, shx } = writeShp([[squareCw(0, 0, 1)], [squareCw(2, 0, 1)]]);
    const cut = shp.subarray(0, shp.length - 20);
    const t = readShapefileZip(zipMembers({ 'zd.shp': cut, 'zd.shx': shx, 'zd.dbf': writeDbf(ID, [['A'], ['B']]) }), 't.zip');
    expect(t.issues.filter((i) => i.code === 'shp.truncated').map((i) => i.row)).toContain(2);
    expect(codes(t)).toContain('shp.count_mismatch');
    expect(t.issues.find((i) => i.code === 'shp.no_shape')?.row).toBe(2);
    expect(col(t, '宗地编号')).toEqual(['A', 'B']);
  });

  it('reports a truncated .dbf with the first missing record', () => {
    const dbf = writeDbf(ID, [['A'], ['B'], ['C']]);
    const { shp, shx } = writeShp([[squareCw(0, 0, 1)], [squareCw(2, 0, 1)], [squareCw(4, 0, 1)]]);
    const t = readShapefileZip(zipMembers({ 'zd.shp': shp, 'zd.shx': shx, 'zd.dbf': dbf.subarray(0, dbf.length - 10) }), 't.zip');
    const i = t.issues.find((x) => x.code === 'dbf.truncated')!;
    expect(i.row).toBe(3);
    expect(Array.from(t.rowNumbers)).toEqual([1, 2, 3]);
    expect(col(t, '宗地编号')).toEqual(['A', 'B', null]);
  });

  it('keeps every shape when the .dbf has fewer records, and lists those without attributes', () => {
    const t = readShapefileZip(layerZip([[squareCw(0, 0, 1)], [squareCw(2, 0, 1)], [squareCw(4, 0, 1)]], [['A'], ['B']]), 'm.zip');
    expect(t.rowNumbers.length).toBe(3);
    expect(t.issues.find((i) => i.code === 'shp.count_mismatch')?.messageZh).toMatch(/3 个图形.*2 条属性/);
    expect(t.issues.find((i) => i.code === 'shp.no_attributes')?.row).toBe(3);
  });

  it('reads geometry without a .dbf and attributes without a .shp, each with an error', () => {
    const { shp, shx } = writeShp([[squareCw(0, 0, 1)]]);
    const noDbf = readShapefileZip(zipMembers({ 'x/zd.shp': shp, 'x/zd.shx': shx }), 'a.zip');
    expect(noDbf.issues.find((i) => i.code === 'shp.missing_dbf')?.file).toBe('a.zip/x/zd.dbf');
    expect(featureCount(noDbf.geometry!)).toBe(1);
    const noShp = readShapefileZip(zipMembers({ 'zd.dbf': writeDbf(ID, [['A']]) }), 'b.zip');
    expect(noShp.issues.find((i) => i.code === 'shp.missing_shp')?.level).toBe('error');
    expect(noShp.columns).toEqual([['A']]);
    expect(noShp.geometry).toBeUndefined();
  });

  it('drops records flagged deleted with a warning and keeps shapes aligned with attributes', () => {
    const { shp, shx } = writeShp([[squareCw(0, 0, 1)], [squareCw(2, 0, 1)], [squareCw(4, 0, 1)]]);
    const dbf = writeDbf(ID, [['A'], ['B'], ['C']], { deleted: [1] });
    const t = readShapefileZip(zipMembers({ 'zd.shp': shp, 'zd.shx': shx, 'zd.dbf': dbf }), 'd.zip');
    expect(col(t, '宗地编号')).toEqual(['A', 'C']);
    expect(Array.from(t.rowNumbers)).toEqual([1, 3]);
    expect(featurePolygons(t.geometry!, 1)[0][0][0]).toEqual([4, 0]);
    expect(t.issues.find((i) => i.code === 'dbf.deleted_record')?.row).toBe(2);
  });

  it('says what is wrong with a file that is not a zip, or a zip without a Shapefile', () => {
    expect(codes(readShapefileZip(encodeUtf8('宗地编号,面积\n1,2'), 'x.zip'))).toEqual(['zip.bad_archive']);
    expect(codes(readShapefileZip(zipMembers({ 'readme.txt': 'hi' }), 'y.zip'))).toEqual(['shp.no_layer']);
  });

  it('ignores bytes after the length the .shp header declares', () => {
    const { shp, shx } = writeShp([[squareCw(0, 0, 1)]]);
    const padded = new Uint8Array(shp.length + 50).fill(0x41);
    padded.set(shp);
    const t = readShapefileZip(zipMembers({ 'zd.shp': padded, 'zd.shx': shx, 'zd.dbf': writeDbf(ID, [['A']]), 'zd.prj': CGCS2000_GK39_PRJ }), 'p.zip');
    expect(t.issues).toEqual([]);
    expect(t.rowNumbers.length).toBe(1);
  });

  it('decodes GBK member names stored without the zip UTF-8 flag (Chinese Windows zip tools)', () => {
    const { shp, shx } = writeShp([[squareCw(0, 0, 1)]]);
    const zip = zipMembers({ 'xxxx.shp': shp, 'xxxx.shx': shx, 'xxxx.dbf': writeDbf(ID, [['A']]) });
    // Put the GBK bytes of 宗地 in place of "xxxx" in local and central headers (CRCs cover data only).
    const gbk = encodeGbk('宗地');
    for (let i = 0; i + 4 <= zip.length; i++) {
      if (zip[i] === 0x78 && zip[i + 1] === 0x78 && zip[i + 2] === 0x78 && zip[i + 3] === 0x78) zip.set(gbk, i);
    }
    const archive = openShapefileZip(zip, 'gbk-names.zip');
    expect(archive.layers.map((l) => l.name)).toEqual(['宗地']);
    expect(archive.read('宗地').columns).toEqual([['A']]);
  });

  it('warns when .prj or .shx is missing', () => {
    const { shp } = writeShp([[squareCw(0, 0, 1)]]);
    const t = readShapefileZip(zipMembers({ 'zd.shp': shp, 'zd.dbf': writeDbf(ID, [['A']]) }), 'w.zip');
    expect(codes(t).sort()).toEqual(['shp.missing_prj', 'shp.missing_shx']);
    expect(t.crsHint).toBeUndefined();
  });
});

describe('archives with several layers', () => {
  const { shp, shx } = writeShp([[squareCw(0, 0, 1)]]);
  const zip = zipMembers({
    '宗地/ZD.shp': shp, '宗地/ZD.shx': shx, '宗地/ZD.dbf': writeDbf(ID, [['ZD']]),
    '园区/YQ.SHP': shp, '园区/YQ.SHX': shx, '园区/YQ.DBF': writeDbf(ID, [['YQ']]),
  });

  it('lists the layers (extensions in any case) and reads the chosen one', () => {
    const archive = openShapefileZip(zip, 'two.zip');
    expect(archive.layers.map((l) => l.name)).toEqual(['园区/YQ', '宗地/ZD']);
    expect(archive.read('园区/YQ').columns).toEqual([['YQ']]);
    expect(readShapefileZip(zip, 'two.zip', { layer: '宗地/ZD' }).columns).toEqual([['ZD']]);
  });

  it('asks for a choice instead of guessing, and names an unknown layer', () => {
    const t = readShapefileZip(zip, 'two.zip');
    expect(t.issues[0].code).toBe('shp.several_layers');
    expect(t.issues[0].messageZh).toContain('园区/YQ');
    expect(openShapefileZip(zip, 'two.zip').read('道路').issues.at(-1)?.code).toBe('shp.unknown_layer');
  });
});

describe('Shapefile parts chosen as separate files', () => {
  const { shp, shx } = writeShp([[squareCw(0, 0, 1)], [squareCw(2, 0, 1)]]);

  it('reads them like a zip, naming the files themselves in issues', () => {
    const archive = openShapefileFiles([
      { path: '宗地.shp', bytes: shp },
      { path: '宗地.SHX', bytes: shx },
      { path: '宗地.dbf', bytes: writeDbf(ID, [['A']]) },
      { path: '宗地.prj', bytes: encodeUtf8(CGCS2000_GK39_PRJ) },
    ]);
    expect(archive.layers.map((l) => l.name)).toEqual(['宗地']);
    const t = archive.read('宗地');
    expect(t.file).toBe('宗地.shp');
    expect(t.crsHint?.prj).toContain('Zone_39');
    expect(t.issues.find((i) => i.code === 'shp.count_mismatch')?.file).toBe('宗地.shp');
    expect(t.issues.find((i) => i.code === 'shp.no_attributes')?.file).toBe('宗地.dbf');
  });

  it('names the missing .dbf when only the .shp was chosen', () => {
    const t = openShapefileFiles([{ path: 'zd.shp', bytes: shp }]).read('zd');
    expect(t.issues.find((i) => i.code === 'shp.missing_dbf')?.file).toBe('zd.dbf');
    expect(t.rowNumbers.length).toBe(2);
  });
});
