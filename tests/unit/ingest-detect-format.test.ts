// File kinds told from their bytes, whatever the extension says.

import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { detectFormat, zipEntryNames } from '../../src/data/ingest/detect-format';

const text = (s: string) => new TextEncoder().encode(s);

describe('detectFormat', () => {
  it('tells a workbook, a Shapefile zip and a workspace file apart by their entries', () => {
    expect(detectFormat('台账.zip', zipSync({ '[Content_Types].xml': text('<x/>'), 'xl/workbook.xml': text('<x/>') }))).toBe('xlsx');
    expect(detectFormat('宗地.zip', zipSync({ '宗地/宗地.shp': new Uint8Array(4), '宗地/宗地.dbf': new Uint8Array(4) }))).toBe('shapefile-zip');
    expect(detectFormat('x.zip', zipSync({ 'manifest.json': text('{}') }))).toBe('workspace');
  });
  it('reads entry names written in GBK by Windows zip tools', () => {
    // “宗地.shp” in GBK, in a hand-made local header without the UTF-8 flag.
    const name = Uint8Array.of(0xd7, 0xda, 0xb5, 0xd8, 0x2e, 0x73, 0x68, 0x70);
    const header = new Uint8Array(30 + name.length);
    new DataView(header.buffer).setUint32(0, 0x04034b50, true);
    new DataView(header.buffer).setUint16(26, name.length, true);
    header.set(name, 30);
    expect(zipEntryNames(header)).toEqual(['宗地.shp']);
  });
  it('recognises an old .xls / WPS .et by its OLE2 signature even when named .csv', () => {
    expect(detectFormat('台账.csv', Uint8Array.of(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0))).toBe('xls');
  });
  it('recognises GeoJSON, the 界址点 TXT and CSV from their text', () => {
    expect(detectFormat('a.json', text('\ufeff  {"type":"FeatureCollection"}'))).toBe('geojson');
    expect(detectFormat('地块.txt', text('[属性描述]\n格式版本号=1.0\n[地块坐标]\n'))).toBe('bubiao-txt');
    expect(detectFormat('台账.txt', text('宗地编号,面积\nA,1\n'))).toBe('csv');
  });
});
