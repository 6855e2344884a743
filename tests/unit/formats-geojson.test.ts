import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGeoJson } from '../../src/data/formats/geojson-reader.ts';
import type { RawTable } from '../../src/data/formats/raw-table.ts';
import { checkGeometry } from '../../src/data/formats/geometry-check.ts';
import { encodeGbk, encodeUtf8 } from '../helpers/shapefile-writer.ts';
import { featureCount, featurePolygons } from '../helpers/raw-geometry.ts';

const col = (t: RawTable, header: string): unknown[] => t.columns[t.headers.indexOf(header)];
const json = (v: unknown) => encodeUtf8(JSON.stringify(v));
const square: number[][][] = [[[0, 0], [10, 0], [10, 10], [0, 10], [0, 0]]];
const feature = (properties: unknown, geometry: unknown = { type: 'Polygon', coordinates: square }) => ({ type: 'Feature', properties, geometry });
const fc = (...features: unknown[]) => json({ type: 'FeatureCollection', features });
const codes = (t: RawTable) => t.issues.map((i) => [i.code, i.row]);

describe('GeoJSON written by GDAL (ogr2ogr from the Shapefile fixture)', () => {
  const t = readGeoJson(new Uint8Array(readFileSync(new URL('../fixtures/formats/parcels-gk39.geojson', import.meta.url))), 'parcels.geojson');

  it('reads properties, polygon with hole, multipolygon and the legacy crs name', () => {
    expect(t.headers).toEqual(['宗地编号', '宗地名称', '用地面积', '供地日期', '容积率']);
    expect(col(t, '宗地名称')).toEqual(['宁津经开区A地块', '乐陵化工园区B地块', '庆云C地块']);
    expect(col(t, '用地面积')).toEqual([27500, 20000, 60000]);
    expect(col(t, '容积率')).toEqual([1.2, 0.8, null]);
    expect(featurePolygons(t.geometry!, 0)[0]).toHaveLength(2);
    expect(featurePolygons(t.geometry!, 1)).toHaveLength(2);
    expect(t.crsHint?.crsName).toBe('urn:ogc:def:crs:EPSG::4527');
    expect(t.issues).toEqual([]);
  });

  it('gives the same areas as the attribute table states', () => {
    const { areaM2 } = checkGeometry(t.geometry!, { file: t.file, geographic: false });
    expect(Array.from(areaM2)).toEqual(col(t, '用地面积'));
  });
});

describe('GeoJSON structure', () => {
  it('makes columns the union of property keys in first-seen order, nested values as JSON text', () => {
    const t = readGeoJson(fc(feature({ a: 1, b: 'x' }), feature({ c: { d: [1, 2] }, a: true, b: '' })), 'u.geojson');
    expect(t.headers).toEqual(['a', 'b', 'c']);
    expect(t.columns).toEqual([[1, 'true'], ['x', null], [null, '{"d":[1,2]}']]);
    expect(Array.from(t.rowNumbers)).toEqual([1, 2]);
  });

  it('trims property names, suffixes names that collide once trimmed and names an empty one', () => {
    const t = readGeoJson(fc(feature({ 宗地编号: 'A', ' 宗地编号 ': 'B', '': 'C' })), 'k.geojson');
    expect(t.headers).toEqual(['宗地编号', '宗地编号_2', '字段3']);
    expect(t.columns).toEqual([['A'], ['B'], ['C']]);
    expect(t.issues.map((i) => [i.code, i.level])).toEqual([['geojson.duplicate_property', 'error'], ['geojson.empty_property_name', 'warning']]);
  });

  it('reads a bare Feature and a bare geometry as one row', () => {
    expect(readGeoJson(json(feature({ id: 'ZD1' })), 'f.geojson').columns).toEqual([['ZD1']]);
    const g = readGeoJson(json({ type: 'MultiPolygon', coordinates: [square, square] }), 'g.geojson');
    expect(g.rowNumbers.length).toBe(1);
    expect(featurePolygons(g.geometry!, 0)).toHaveLength(2);
  });

  it('keeps the third coordinate out of the plane', () => {
    const t = readGeoJson(fc(feature({}, { type: 'Polygon', coordinates: [[[1, 2, 30], [3, 2, 30], [3, 4, 30], [1, 2, 30]]] })), 'z.geojson');
    expect(featurePolygons(t.geometry!, 0)[0][0]).toEqual([[1, 2], [3, 2], [3, 4], [1, 2]]);
  });

  it('reads a 150k-vertex polygon and a 3 MB property', () => {
    const ring: number[][] = [];
    for (let i = 0; i < 150_000; i++) ring.push([116.8 + 0.01 * Math.cos(i / 23873), 37.65 + 0.01 * Math.sin(i / 23873)]);
    ring.push(ring[0]);
    const big = 'ZD'.repeat(1_500_000);
    const t = readGeoJson(fc(feature({ 宗地编号: 'ZD1', 备注: big }, { type: 'Polygon', coordinates: [ring] })), 'big.geojson');
    expect(t.issues).toEqual([]);
    expect(t.geometry!.coords.length).toBe(150_001 * 2);
    expect((col(t, '备注')[0] as string).length).toBe(3_000_000);
  });

  it('decodes a GBK file with a warning (GeoJSON must be UTF-8)', () => {
    const t = readGeoJson(encodeGbk(JSON.stringify({ type: 'FeatureCollection', features: [feature({ 名称: '宁津县' })] })), 'gbk.geojson');
    expect(t.columns).toEqual([['宁津县']]);
    expect(t.issues[0].code).toBe('geojson.not_utf8');
  });
});

describe('bad GeoJSON, each reported by feature number', () => {
  it('null geometry and null properties are warnings and keep the row', () => {
    const t = readGeoJson(fc(feature({ a: 1 }), feature(null), feature({ a: 3 }, null)), 'n.geojson');
    expect(codes(t)).toEqual([['geojson.null_properties', 2], ['geojson.null_geometry', 3]]);
    expect(t.issues.every((i) => i.level === 'warning')).toBe(true);
    expect(col(t, 'a')).toEqual([1, null, 3]);
    expect(featureCount(t.geometry!)).toBe(3);
    expect(featurePolygons(t.geometry!, 2)).toEqual([]);
  });

  it('a NUL character inside a value is removed with a warning naming feature and property', () => {
    const t = readGeoJson(fc(feature({ 宗地编号: 'ZD1' }), feature({ 宗地编号: 'ZD\u00002' })), 'nul.geojson');
    expect(t.columns).toEqual([['ZD1', 'ZD2']]);
    expect(t.issues.map((i) => [i.code, i.row, i.field])).toEqual([['geojson.nul_in_text', 2, '宗地编号']]);
  });

  it('lines are errors naming their type, and leave the feature without shape', () => {
    const t = readGeoJson(fc(feature({}, { type: 'LineString', coordinates: [[0, 0], [1, 1]] }), feature({}, { type: 'Polygon', coordinates: square })), 'p.geojson');
    expect(codes(t)).toEqual([['geojson.not_polygon', 1]]);
    expect(t.issues[0].messageZh).toContain('LineString');
    expect(featurePolygons(t.geometry!, 0)).toEqual([]);
  });

  it('points become 经度/纬度 columns (a point per row, as a CSV gives); a file of points only has no shapes', () => {
    const t = readGeoJson(fc(feature({ 编号: 'F1' }, { type: 'Point', coordinates: [116.5, 37.2] }), feature({ 编号: 'F2' }, null), feature({ 编号: 'F3' }, { type: 'Point', coordinates: [1, 'x'] })), 'f.geojson');
    expect(t.headers).toEqual(['编号', '经度', '纬度']);
    expect(t.columns[1]).toEqual([116.5, null, null]);
    expect(t.columns[2]).toEqual([37.2, null, null]);
    expect(codes(t)).toEqual([['geojson.null_geometry', 2], ['geojson.bad_coordinates', 3]]);
    expect(t.geometry).toBeUndefined();
  });

  it('malformed coordinates leave no partial rings behind', () => {
    const t = readGeoJson(fc(
      feature({}, { type: 'Polygon', coordinates: [[[0, 0], [1, 'a'], [1, 1], [0, 0]]] }),
      feature({}, { type: 'MultiPolygon', coordinates: [square, [[[0, 0], null]]] }),
      feature({}, { type: 'Polygon', coordinates: square }),
    ), 'c.geojson');
    expect(codes(t)).toEqual([['geojson.bad_coordinates', 1], ['geojson.bad_coordinates', 2]]);
    expect(featurePolygons(t.geometry!, 0)).toEqual([]);
    expect(featurePolygons(t.geometry!, 1)).toEqual([]);
    expect(featurePolygons(t.geometry!, 2)[0]).toEqual(square);
  });

  it('an element of features that is not a Feature, and properties that are not an object', () => {
    const t = readGeoJson(fc(null, 'x', feature([1, 2])), 'e.geojson');
    expect(codes(t)).toEqual([['geojson.bad_feature', 1], ['geojson.bad_feature', 2], ['geojson.bad_properties', 3]]);
    expect(t.rowNumbers.length).toBe(3);
  });

  it('invalid or truncated JSON names the line', () => {
    const text = '{\n"type": "FeatureCollection",\n"features": [\n{ "type": "Feature", "properties": {"a": 1}, ';
    const t = readGeoJson(encodeUtf8(text), 't.geojson');
    expect(t.issues).toHaveLength(1);
    expect(t.issues[0].code).toBe('geojson.syntax');
    expect(t.issues[0].row).toBe(4);
    expect(t.rowNumbers.length).toBe(0);
  });

  it('JSON that is not GeoJSON, and a FeatureCollection without features', () => {
    expect(codes(readGeoJson(json({ name: '宁津' }), 'a.json'))).toEqual([['geojson.not_geojson', null]]);
    expect(codes(readGeoJson(json([1, 2]), 'b.json'))).toEqual([['geojson.not_geojson', null]]);
    expect(codes(readGeoJson(json({ type: 'FeatureCollection' }), 'c.json'))).toEqual([['geojson.no_features', null]]);
  });
});
