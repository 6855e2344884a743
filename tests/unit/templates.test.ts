// Import templates: the headings are those the importer maps without help, coded columns offer
// their Chinese words, and the 填写说明 sheet says which columns may be left empty.

import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { TABLE_FIELDS } from '../../src/data/mapping/apply';
import { proposeMapping } from '../../src/data/mapping/propose';
import { templateWorkbook } from '../../src/export/templates';

async function open(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes.buffer as ArrayBuffer);
  return wb;
}

describe('templateWorkbook', () => {
  it('has, for every table, headings that map to every field without help', async () => {
    for (const table of Object.keys(TABLE_FIELDS) as (keyof typeof TABLE_FIELDS)[]) {
      const wb = await open(await templateWorkbook(table));
      const headers = (wb.worksheets[0].getRow(1).values as unknown[]).slice(1).map(String);
      const m = proposeMapping(table, headers).mapping;
      expect(Object.keys(m.fields).sort()).toEqual(TABLE_FIELDS[table].map((f) => f.name).sort());
    }
  });
  it('offers the Chinese words of coded fields as a drop-down list', async () => {
    const wb = await open(await templateWorkbook('parcels'));
    const ws = wb.worksheets[0];
    const col = (TABLE_FIELDS.parcels.findIndex((f) => f.name === 'land_use') + 1);
    expect(ws.getCell(3, col).dataValidation).toMatchObject({ type: 'list', formulae: ['"工业,仓储,商业,住宅,其他"'] });
  });
  it('says in 填写说明 which columns are required and what a missing one costs', async () => {
    const wb = await open(await templateWorkbook('parcels'));
    const notes = wb.getWorksheet('填写说明')!;
    const rows = new Map<string, unknown[]>();
    notes.eachRow((r) => rows.set(String(r.getCell(2).value), (r.values as unknown[]).slice(1)));
    expect(rows.get('parcel_id')![2]).toBe('必填');
    expect(rows.get('land_price_wan')![2]).toBe('可空');
    expect(rows.get('land_price_wan')![4]).toBe('闲置费金额');
    expect(rows.get('agreed_start_date')![4]).toBe('未动工闲置、E1 逾期未动工');
  });
});
