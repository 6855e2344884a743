// Field mapping: which column of a planner's ledger feeds which contract field, in which unit,
// remembered by header signature; county names normalised to the official division.

import { describe, expect, it } from 'vitest';
import { normaliseCountyNames } from '../../src/data/mapping/county-names';
import { impossibleFindings } from '../../src/data/mapping/field-impact';
import { splitHeader } from '../../src/data/mapping/header-text';
import { checkMapping, headerSignature, missingHeaders } from '../../src/data/mapping/memory';
import { fieldsOf, proposeMapping } from '../../src/data/mapping/propose';

const LEDGER = ['序号', '宗地编号', '土地使用权人', '所属县区', '用地面积（亩）', '出让价款(万元)', '约定动工日期', '实际开工日期', '建筑面积\n（平方米）*', '建设状态', '备注'];

describe('proposeMapping on a supervision ledger', () => {
  const p = proposeMapping('parcels', LEDGER);
  it('maps each Chinese heading to its contract field', () => {
    const got = Object.fromEntries(Object.entries(p.mapping.fields).map(([f, s]) => [f, s.header]));
    expect(got).toEqual({
      parcel_id: '宗地编号',
      holder: '土地使用权人',
      county: '所属县区',
      area_m2: '用地面积（亩）',
      land_price_wan: '出让价款(万元)',
      agreed_start_date: '约定动工日期',
      actual_start_date: '实际开工日期',
      floor_area_m2: '建筑面积\n（平方米）*',
      status: '建设状态',
    });
  });
  it('reads the unit from the heading, so 亩 are converted and m² are not', () => {
    expect(p.mapping.fields.area_m2.unit).toBe('mu');
    expect(p.mapping.fields.floor_area_m2.unit).toBe('m2');
    expect(p.fields.find((f) => f.field === 'area_m2')?.unitReason).toBe('header');
  });
  it('lists the headings it did not use', () => {
    expect(p.unused).toEqual(['序号', '备注']);
  });
});

describe('units', () => {
  it('takes 元 as yuan, not 万元', () => {
    expect(proposeMapping('parcels', ['宗地编号', '成交价款（元）']).mapping.fields.land_price_wan.unit).toBe('yuan');
  });
  it('reads a unit written in the cells when the heading has none', () => {
    const p = proposeMapping('parcels', ['宗地编号', '面积'], { 面积: ['56亩', '12.5 亩', '80亩'] });
    expect(p.mapping.fields.area_m2).toEqual({ header: '面积', unit: 'mu' });
    expect(p.fields.find((f) => f.field === 'area_m2')?.unitReason).toBe('cells');
  });
  it('says the unit was assumed when nothing names it', () => {
    const p = proposeMapping('parcels', ['宗地编号', '出让价款']);
    expect(p.fields.find((f) => f.field === 'land_price_wan')).toMatchObject({ unit: 'wan', unitReason: 'assumed' });
  });
  it('never maps a money column to an area field', () => {
    const p = proposeMapping('parcels', ['宗地编号', '宗地面积(万元)']);
    expect(p.mapping.fields.area_m2).toBeUndefined();
    expect(p.unused).toEqual(['宗地面积(万元)']);
  });
  it('splits a heading into its name and unit, full-width or not', () => {
    expect(splitHeader('出让价款／万元')).toEqual({ key: '出让价款', unit: 'wan' });
    expect(splitHeader('ＡＲＥＡ（ｈａ）')).toEqual({ key: 'area', unit: 'ha' });
  });
});

describe('matching rules', () => {
  it('maps the contract column names themselves (the template) to the same fields', () => {
    const p = proposeMapping('parcels', fieldsOf('parcels'));
    for (const f of fieldsOf('parcels')) expect(p.mapping.fields[f]?.header).toBe(f);
  });
  it('matches a longer heading that contains a known name to that field', () => {
    const p = proposeMapping('parcels', ['宗地编号', '合同约定动工日期']);
    expect(p.mapping.fields.agreed_start_date?.header).toBe('合同约定动工日期');
    expect(p.mapping.fields.actual_start_date).toBeUndefined();
  });
  it('uses each heading once: 面积 is the parcel area, 建筑面积 the floor area', () => {
    const p = proposeMapping('parcels', ['建筑面积', '面积', '宗地号']);
    expect(p.mapping.fields.area_m2?.header).toBe('面积');
    expect(p.mapping.fields.floor_area_m2?.header).toBe('建筑面积');
    expect(p.mapping.fields.parcel_id?.header).toBe('宗地号');
  });
});

describe('geometry columns', () => {
  it('finds longitude/latitude columns', () => {
    expect(proposeMapping('parcels', ['宗地编号', '经度', '纬度']).mapping.geometry).toEqual({ kind: 'lonlat', lon: '经度', lat: '纬度' });
  });
  it('treats X/Y holding metres as projected coordinates', () => {
    const p = proposeMapping('parcels', ['宗地编号', 'X', 'Y'], { X: [4165432.1, 4165500], Y: [39512345.6, 39512400] });
    expect(p.mapping.geometry).toEqual({ kind: 'xy', x: 'X', y: 'Y' });
  });
  it('treats x/y holding degrees as longitude/latitude, whichever way round', () => {
    const p = proposeMapping('parcels', ['宗地编号', 'x', 'y'], { x: [37.6, 37.7], y: [116.5, 116.6] });
    expect(p.mapping.geometry).toEqual({ kind: 'lonlat', lon: 'y', lat: 'x' });
  });
  it('finds a WKT column and does not read it as a field', () => {
    const p = proposeMapping('parcels', ['宗地编号', 'geometry']);
    expect(p.mapping.geometry).toEqual({ kind: 'wkt', column: 'geometry' });
    expect(p.unused).toEqual([]);
  });
  it('keeps the file’s own geometry for Shapefile and GeoJSON', () => {
    expect(proposeMapping('parcels', ['宗地编号', 'x'], {}, true).mapping.geometry).toEqual({ kind: 'file' });
  });
});

describe('remembered mappings', () => {
  it('gives the same signature for the same headings in another order, another for another unit', () => {
    const a = headerSignature('parcels', ['宗地编号', '面积(亩)']);
    expect(headerSignature('parcels', ['面积（亩）', ' 宗地编号 '])).toBe(a);
    expect(headerSignature('parcels', ['宗地编号', '面积(公顷)'])).not.toBe(a);
    expect(headerSignature('enterprises', ['宗地编号', '面积(亩)'])).not.toBe(a);
  });
  it('accepts a saved mapping and round-trips it', () => {
    const m = proposeMapping('parcels', LEDGER).mapping;
    const r = checkMapping(JSON.parse(JSON.stringify(m)));
    expect(r).toEqual({ ok: true, mapping: m });
  });
  it('refuses a mapping from a newer version with a message in both languages', () => {
    const r = checkMapping({ version: 99, table: 'parcels', fields: {}, geometry: { kind: 'none' } });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.errorZh).toContain('99');
      expect(r.errorEn).toContain('newer');
    }
  });
  it('refuses unknown fields, units and geometry kinds', () => {
    const base = { version: 1, table: 'parcels', geometry: { kind: 'none' } };
    expect(checkMapping({ ...base, fields: { nope: { header: 'a', unit: null } } }).ok).toBe(false);
    expect(checkMapping({ ...base, fields: { area_m2: { header: 'a', unit: 'acre' } } }).ok).toBe(false);
    expect(checkMapping({ ...base, fields: {}, geometry: { kind: 'lonlat', lon: 'x' } }).ok).toBe(false);
    expect(checkMapping({ ...base, table: 'nope', fields: {} }).ok).toBe(false);
  });
  it('lists the headings a remembered mapping needs that a new file lacks', () => {
    const m = proposeMapping('parcels', ['宗地编号', '经度', '纬度', '面积']).mapping;
    expect(missingHeaders(m, ['宗地编号', '经度', '面积'])).toEqual(['纬度']);
  });
});

describe('county names', () => {
  const official = [
    { name: '乐陵市', adcode: '371481' },
    { name: '宁津县', adcode: '371422' },
    { name: '德城区', adcode: '371402' },
  ];
  it('normalises short, old and city-prefixed names to the official one', () => {
    const r = normaliseCountyNames(['乐陵', '乐陵县', '德州市乐陵市', ' 宁津县 ', '德城'], official, '德州市');
    expect(Object.fromEntries([...r.matched].map(([k, v]) => [k, v.name]))).toEqual({
      乐陵: '乐陵市',
      乐陵县: '乐陵市',
      德州市乐陵市: '乐陵市',
      宁津县: '宁津县',
      德城: '德城区',
    });
    expect(r.unknown).toEqual([]);
  });
  it('lists unknown names and names that fit two counties', () => {
    const r = normaliseCountyNames(['庆云', '鼓楼'], [...official, { name: '鼓楼区' }, { name: '鼓楼县' }]);
    expect(r.unknown).toEqual(['庆云']);
    expect(r.ambiguous).toEqual([{ value: '鼓楼', candidates: ['鼓楼区', '鼓楼县'] }]);
  });
});

describe('missing columns', () => {
  it('names the findings that cannot be computed without them, in rule order', () => {
    expect(impossibleFindings(['land_price_wan', 'agreed_start_date'])).toEqual(['not_started', 'E1', 'idle_fee']);
    expect(impossibleFindings(['holder'])).toEqual([]);
  });
});

describe('templates', () => {
  it('maps every contract label (the template headings) back to its field, in every table', async () => {
    const { TABLE_FIELDS } = await import('../../src/data/mapping/apply');
    for (const [table, fields] of Object.entries(TABLE_FIELDS)) {
      const p = proposeMapping(table as keyof typeof TABLE_FIELDS, fields.map((f) => f.label));
      for (const f of fields) expect(`${table}.${f.name}:${p.mapping.fields[f.name]?.header}`).toBe(`${table}.${f.name}:${f.label}`);
    }
  });
});

describe('coordinate columns named with their source', () => {
  it('finds 高德经度 / 高德纬度 as longitude and latitude', () => {
    expect(proposeMapping('parcels', ['宗地编号', '高德经度', '高德纬度']).mapping.geometry).toEqual({ kind: 'lonlat', lon: '高德经度', lat: '高德纬度' });
  });
});

describe('proposeMapping on a 招商项目 ledger', () => {
  it('maps the headers a 投资促进局 sheet uses', () => {
    const p = proposeMapping('projects', ['序号', '项目名称', '投资额（亿元）', '用地需求（亩）', '产业环节', '承办县区', '当前阶段', '签约时间', '流出地', '流入地', '利益分享比例（%）']);
    const f = p.mapping.fields;
    expect(Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v.header]))).toMatchObject({
      name: '项目名称',
      investment_wan: '投资额（亿元）',
      land_need_mu_max: '用地需求（亩）',
      chain_node: '产业环节',
      county: '承办县区',
      stage: '当前阶段',
      signed_date: '签约时间',
      referred_from: '流出地',
      referred_to: '流入地',
      share_out_pct: '利益分享比例（%）',
    });
  });
});
