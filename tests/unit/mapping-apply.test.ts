// Applying a mapping: cells parsed into contract types and units, every refusal located by
// file, row and field, and rows skipped only when the user chose to import the valid ones.

import { describe, expect, it } from 'vitest';
import { NULL_BOOL, NULL_DAY, applyMapping } from '../../src/data/mapping/apply';
import { proposeMapping } from '../../src/data/mapping/propose';
import type { RawCell, RawTable } from '../../src/data/formats/raw-table';

function raw(headers: string[], rows: RawCell[][], file = '台账.xlsx'): RawTable {
  return {
    file,
    headers,
    columns: headers.map((_, c) => rows.map((r) => r[c] ?? null)),
    // Data starts on sheet row 3 (a title row and the header above it).
    rowNumbers: Int32Array.from(rows, (_, i) => i + 3),
    issues: [],
  };
}

const day = (iso: string) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10)) / 86_400_000;

describe('applyMapping', () => {
  const headers = ['宗地编号', '用地面积（亩）', '出让价款（元）', '约定动工日期', '政府原因', '建设状态'];
  const t = raw(headers, [
    ['NJ-001', '15', '1,234,500', '2023年5月1日', '否', '已投产'],
    ['NJ-002', 30, null, 45047, '是', 'producing'],
  ]);
  const m = proposeMapping('parcels', headers).mapping;

  it('converts 亩 to m² and 元 to 万元 exactly', () => {
    const r = applyMapping(t, m);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const area = r.table.columns.area_m2;
    const price = r.table.columns.land_price_wan;
    expect(area.type === 'number' && Array.from(area.values)).toEqual([10000, 20000]);
    expect(price.type === 'number' && price.values[0]).toBe(123.45);
    expect(price.type === 'number' && Number.isNaN(price.values[1])).toBe(true);
  });
  it('reads Chinese dates, Excel serials, 是/否 and Chinese status words', () => {
    const r = applyMapping(t, m);
    if (!r.ok) throw new Error('refused');
    const c = r.table.columns;
    expect(c.agreed_start_date.type === 'date' && Array.from(c.agreed_start_date.values)).toEqual([day('2023-05-01'), day('2023-05-01')]);
    expect(c.government_delay.type === 'boolean' && Array.from(c.government_delay.values)).toEqual([0, 1]);
    expect(c.status.type === 'string' && c.status.values).toEqual(['producing', 'producing']);
  });
  it('leaves unmapped fields out, so rules needing them do not fire', () => {
    const r = applyMapping(t, m);
    expect(r.ok && Object.keys(r.table.columns).sort()).toEqual(
      ['agreed_start_date', 'area_m2', 'government_delay', 'land_price_wan', 'parcel_id', 'status'].sort(),
    );
  });
  it('stores empties as the column type’s empty marker', () => {
    const r = applyMapping(raw(['宗地编号', '约定动工日期', '政府原因'], [['A', null, '']]), proposeMapping('parcels', ['宗地编号', '约定动工日期', '政府原因']).mapping);
    if (!r.ok) throw new Error('refused');
    expect(r.table.columns.agreed_start_date.values[0]).toBe(NULL_DAY);
    expect(r.table.columns.government_delay.values[0]).toBe(NULL_BOOL);
  });
});

describe('bad cells', () => {
  const headers = ['宗地编号', '用地面积', '约定动工日期'];
  const m = proposeMapping('parcels', headers).mapping;
  const t = raw(headers, [
    ['A', '100', '2023-02-29'],
    ['B', '-5', '2023-01-01'],
    ['A', '11,82', '2023-01-01'],
    ['C\u0000', '1', ''],
    ['', '1', ''],
  ]);

  it('refuses the file and names file, sheet row and column of every bad cell', () => {
    const r = applyMapping(t, m);
    expect(r.ok).toBe(false);
    const where = r.ok ? [] : r.issues.map((i) => `${i.file}:${i.row}:${i.field}:${i.code}`);
    expect(where).toEqual([
      '台账.xlsx:6:宗地编号:cell.invalid',
      '台账.xlsx:7:宗地编号:cell.invalid',
      '台账.xlsx:4:用地面积:cell.invalid',
      '台账.xlsx:5:用地面积:cell.invalid',
      '台账.xlsx:3:约定动工日期:cell.invalid',
      '台账.xlsx:5:宗地编号:id.duplicate',
    ]);
  });
  it('says why in Chinese and English, quoting the value', () => {
    const r = applyMapping(t, m);
    const first = r.ok ? null : r.issues.find((i) => i.row === 3);
    expect(first?.messageZh).toContain('2023-02-29');
    expect(first?.messageEn).toContain('2023-02-29');
  });
  it('imports the valid rows and lists the skipped ones when asked to', () => {
    const r = applyMapping(t, m, { skipInvalid: true });
    if (!r.ok) throw new Error('refused');
    expect(r.table.count).toBe(0);
    expect(r.table.skippedRows).toEqual([3, 4, 5, 6, 7]);
  });
  it('keeps the good rows and their source row numbers', () => {
    const ok = raw(headers, [['A', '1', ''], ['B', 'x', ''], ['C', '2', '']]);
    const r = applyMapping(ok, m, { skipInvalid: true });
    if (!r.ok) throw new Error('refused');
    expect(r.table.columns.parcel_id.values).toEqual(['A', 'C']);
    expect(Array.from(r.table.sourceRows)).toEqual([3, 5]);
    expect(r.table.skippedRows).toEqual([4]);
  });
  it('refuses a mapping without the id column, before reading any row', () => {
    const r = applyMapping(t, proposeMapping('parcels', ['用地面积']).mapping);
    expect(r.ok ? [] : r.issues.map((i) => i.code)).toEqual(['mapping.required']);
  });
  it('refuses a remembered mapping whose column is gone', () => {
    const r = applyMapping(raw(['宗地编号'], [['A']]), m);
    expect(r.ok ? [] : r.issues.map((i) => `${i.code}:${i.field}`)).toEqual(['mapping.no_column:用地面积', 'mapping.no_column:约定动工日期']);
  });
});

describe('applyMapping: which field must be unique', () => {
  it('takes a chain node by its node_id: the chain_id repeats for every node of a chain', () => {
    const h = ['chain_id', 'chain_name', 'node_id', 'node_name', 'stage'];
    const ok = applyMapping(raw(h, [['C1', '链', 'C1-01', '钢材', 'upstream'], ['C1', '链', 'C1-02', '整机', 'downstream']], 'chain_nodes.csv'), proposeMapping('chain_nodes', h).mapping);
    expect(ok.ok && ok.table.count).toBe(2);
    const dup = applyMapping(raw(h, [['C1', '链', 'C1-01', '钢材', 'upstream'], ['C2', '链', 'C1-01', '整机', 'downstream']], 'chain_nodes.csv'), proposeMapping('chain_nodes', h).mapping);
    expect(dup.ok ? [] : dup.issues.map((i) => `${i.row}:${i.field}:${i.code}`)).toEqual(['4:node_id:id.duplicate']);
  });
  it('accepts a chain link table where a node links to several others (a link has no id)', () => {
    const h = ['from_node', 'to_node'];
    const r = applyMapping(raw(h, [['C1-01', 'C1-02'], ['C1-01', 'C1-03']], 'chain_links.csv'), proposeMapping('chain_links', h).mapping);
    expect(r.ok && r.table.count).toBe(2);
  });
});
